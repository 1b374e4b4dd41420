// Imported first by main.ts: every web contents the app ever creates is locked down before any
// window exists (Electron security checklist; docs/SECURITY.md maps each item to its code).
// The rules themselves live in lockdown.ts and open-external.ts, where they are unit-tested.
import { app, session, shell } from 'electron';
import { captureContents } from './capture-window.ts';
import { APP_SESSION, lockDownSession, lockDownWebContents } from './lockdown.ts';
import { createOpenExternal } from './open-external.ts';

export { allowRecordingWhen } from './media-permission.ts';

export function applyAppWideSecurity(): void {
  // Every renderer sandboxed, whatever a window's webPreferences say (before ready).
  app.enableSandbox();
  const openLink = createOpenExternal(shell);
  app.on('web-contents-created', (_event, contents) =>
    lockDownWebContents(contents, { isCapture: () => captureContents.has(contents), openLink }),
  );
  // Deny every permission (notifications, geolocation, openExternal …) and device except camera
  // and microphone during the recording of a signing ceremony (全过程记录); downloads only of the
  // app's own PDFs. The capture browser's session is locked down by capture-window.ts.
  void app.whenReady().then(() => lockDownSession(session.defaultSession, APP_SESSION));
}

applyAppWideSecurity();
