// The one door from the app to the OS's browser (shell.openExternal, Electron security checklist
// item 15). Nothing in the app needs it today, so the allowlist is empty and every URL is
// refused. To allow a site, add its https origin below with the reason, and a test.
// No Electron import at run time: the shell is handed in (security.ts), so this is tested on Node.
import type { Shell } from 'electron';

/** https origins the app may open in the OS browser, e.g. 'https://www.cac.gov.cn'. None yet. */
export const EXTERNAL_ORIGINS: readonly string[] = [];

/** An https URL, without credentials, whose origin is on the allowlist exactly. */
export function isAllowedExternalUrl(url: string, allowed: readonly string[] = EXTERNAL_ORIGINS): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && u.username === '' && u.password === '' && allowed.includes(u.origin);
}

/** The gate: opens allow-listed URLs (as parsed, never the raw string); true if it did. */
export function createOpenExternal(
  shell: Pick<Shell, 'openExternal'>,
  allowed: readonly string[] = EXTERNAL_ORIGINS,
): (url: string) => boolean {
  return (url) => {
    if (!isAllowedExternalUrl(url, allowed)) return false;
    void shell.openExternal(new URL(url).href);
    return true;
  };
}
