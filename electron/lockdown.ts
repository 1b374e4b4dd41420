// What every web contents and every session of the desktop app may do (Electron security
// checklist, docs/SECURITY.md). Decided here without importing Electron at run time — only its
// types — so each refusal is unit-tested with small fakes (lockdown.test.ts). security.ts applies
// these rules to every web contents the app creates and to the default session; capture-window.ts
// applies them to the capture browser's own session.
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin.ts';
import { mayUseMedia } from './media-permission.ts';

/** Chromium's built-in PDF viewer, which shows the PDF preview frame of 导出PDF. */
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

function protocolOf(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}

/** http(s) pages: the only thing the capture browser shows. */
export const isWebUrl = (url: string): boolean => ['http:', 'https:'].includes(protocolOf(url) ?? '');

/** blob: URLs made by the app's own page (the PDF it previews or saves). */
export const isAppBlobUrl = (url: string): boolean => url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));

/** Empty documents a frame may hold; they inherit their parent's origin and policy. */
const isInertFrame = (url: string): boolean => url === 'about:blank' || url === 'about:srcdoc';

export interface NavigationTarget {
  url: string;
  isMainFrame: boolean;
}

/**
 * May a frame go to `url`? The app's window stays on app://bundle/ (its frames: the PDF preview's
 * blob: and the PDF viewer); a capture window's top frame shows http(s) pages only, its frames
 * whatever an ordinary web page embeds. file:, javascript:, custom schemes and the like never.
 */
export function navigationAllowed(target: NavigationTarget, capture: boolean): boolean {
  const { url, isMainFrame } = target;
  if (capture)
    return isWebUrl(url) || (!isMainFrame && (isInertFrame(url) || ['blob:', 'data:'].includes(protocolOf(url) ?? '')));
  if (isMainFrame) return isAppUrl(url);
  return isAppUrl(url) || isAppBlobUrl(url) || isInertFrame(url) || url.startsWith(PDF_VIEWER);
}

export interface WebContentsRules {
  /** True for the capture browser's web contents (capture-window.ts). */
  isCapture: () => boolean;
  /** A link the app page opens in a new window: handed to the OS-browser gate (open-external.ts), which refuses what is not allow-listed. */
  openLink: (url: string) => boolean;
}

/** Navigation, redirects, new windows, <webview> and Bluetooth device pickers, for one web contents. */
export function lockDownWebContents(contents: WebContents, rules: WebContentsRules): void {
  const guard = (event: NavigationTarget & { preventDefault(): void }) => {
    if (!navigationAllowed(event, rules.isCapture())) event.preventDefault();
  };
  contents.on('will-navigate', (event) => guard(event));
  contents.on('will-frame-navigate', (event) => guard(event));
  contents.on('will-redirect', (event) => guard(event));
  // No window is ever created by a page. A link the app page opens may go to the OS browser,
  // only through the allowlist; a captured page's links go nowhere.
  contents.setWindowOpenHandler(({ url }) => {
    if (!rules.isCapture()) rules.openLink(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Without preventDefault Electron picks the first device it finds.
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}

export interface SessionRules {
  /** May this permission be granted to this URL (origin, for checks)? */
  permission: (permission: string, requestingUrl: string, mediaTypes: readonly string[]) => boolean;
  /** May a download of this URL go ahead? */
  download: (url: string) => boolean;
}

/** The PDFs the app page made, saved from its own button or from the PDF viewer's. */
const isAppPdfDownload = (url: string): boolean =>
  isAppBlobUrl(url) || (url.startsWith('blob:') && url.slice('blob:'.length).startsWith(PDF_VIEWER));

/** The app's session: camera and microphone during a recorded ceremony only; downloads of its own PDFs only. */
export const APP_SESSION: SessionRules = { permission: mayUseMedia, download: isAppPdfDownload };
/** The capture browser's session: nothing at all. */
export const CAPTURE_SESSION: SessionRules = { permission: () => false, download: () => false };

const lockedSessions = new WeakMap<Session, SessionRules>();

/** Permissions (requests and checks), devices (HID, serial, USB) and downloads, for one session. Once per session. */
export function lockDownSession(s: Session, rules: SessionRules): void {
  const before = lockedSessions.get(s);
  if (before === rules) return; // the capture host is made again each time the core opens
  if (before) throw new Error('a session is locked down once, with one set of rules');
  lockedSessions.set(s, rules);
  s.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(
      rules.permission(permission, details.requestingUrl, 'mediaTypes' in details ? (details.mediaTypes ?? []) : []),
    ),
  );
  s.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    rules.permission(permission, requestingOrigin, []),
  );
  s.setDevicePermissionHandler(() => false);
  s.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  s.on('select-serial-port', (event, _ports, _wc, callback) => {
    event.preventDefault();
    callback('');
  });
  s.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  s.on('will-download', (event, item) => {
    if (!rules.download(item.getURL())) event.preventDefault();
  });
}
