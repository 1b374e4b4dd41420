// Imported first by main.ts: every web contents the app ever creates is locked down before any
// window exists (Electron security checklist; docs/ARCHITECTURE.md).
import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin.ts';
import { captureContents } from './capture-window.ts';

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
    // Deny every permission (camera, notifications, geolocation …). The signature-recording step
    // of a later issue grants camera/microphone for that step only, from here.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.setDevicePermissionHandler(() => false);
  });
}

applyAppWideSecurity();
