// What app://bundle/ serves and with which headers (app-protocol.ts does the Electron part).
// No Electron import: the path confinement and the headers are tested on plain Node.
import { join, normalize, resolve, sep } from 'node:path';
import { isAppUrl } from './app-origin.ts';
import { RENDERER_CSP } from '../shared/security/csp.ts';

/** The renderer's content-security policy (shared/security/csp.ts): the same as the web shell's. */
export const APP_CSP = RENDERER_CSP;

/** Sent with every app:// response, errors included. */
export const APP_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': APP_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** `headers` (a file's, from net.fetch) with the security headers set over them. */
export function withSecurityHeaders(headers?: Headers): Headers {
  const h = new Headers(headers);
  for (const [k, v] of Object.entries(APP_SECURITY_HEADERS)) h.set(k, v);
  return h;
}

export type AppFileAnswer = { file: string } | { status: 400 | 403 | 404 | 405 };

/** The file inside `rendererDir` that an app:// request names, or the status refusing it. */
export function resolveAppFile(rendererDir: string, requestUrl: string, method = 'GET'): AppFileAnswer {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405 };
  if (!isAppUrl(requestUrl)) return { status: 404 };
  let path: string;
  try {
    path = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return { status: 400 };
  }
  if (path.includes('\0')) return { status: 400 };
  const root = resolve(rendererDir);
  const rel = normalize(path).replace(/^([/\\])+/, '') || 'index.html';
  const file = join(root, rel);
  if (!file.startsWith(root + sep)) return { status: 403 };
  return { file };
}
