// Where app content comes from: app://bundle/ (a custom protocol, never file://). Kept free of
// Electron imports so the checks can be tested on plain Node.
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True only for URLs of the app's own content. Compares scheme and host, not `origin`
 *  (which is "null" for custom schemes outside Electron). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.port === '';
  } catch {
    return false;
  }
}
