// Imported first by main.ts: every web contents the app ever creates is locked down before any
// window exists (Electron security checklist; docs/ARCHITECTURE.md).
import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin.ts';
import { captureContents } from './capture-window.ts';
import { mayUseMedia } from './media-permission.ts';

export { allowRecordingWhen } from './media-permission.ts';

/** Capture windows may browse the web (http/https only); everything else stays on app://. */
const mayNavigate = (contents: WebContents, url: string): boolean => isAppUrl(url) || (captureContents.has(contents) && /^https?:\/\//.test(url));

export function lockDownWebContents(contents: WebContents): void {
  // No navigation away from the app, no new windows, no <webview>.
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(contents, url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(contents, url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function applyAppWideSecurity(): void {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
  app.whenReady().then(() => {
    // Deny every permission (notifications, geolocation …) except camera and microphone during
    // the recording of a signing ceremony (全过程记录).
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
      callback(mayUseMedia(permission, details.requestingUrl, 'mediaTypes' in details ? (details.mediaTypes ?? []) : [])),
    );
    session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin) => mayUseMedia(permission, requestingOrigin));
    session.defaultSession.setDevicePermissionHandler(() => false);
  });
}

applyAppWideSecurity();
