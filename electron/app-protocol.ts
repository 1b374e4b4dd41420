// App content is served from app://bundle/ rather than file://, so the renderer gets a real
// origin with a CSP and no access to the file system through URLs. Every response, errors
// included, carries the security headers (app-content.ts).
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';

import { APP_SCHEME } from './app-origin.ts';
import { resolveAppFile, withSecurityHeaders } from './app-content.ts';

/** Must run before the app is ready. A standard, secure scheme: no CSP bypass, no CORS, no service workers. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ]);
}

/** After ready: serve `rendererDir` on app://bundle/, confined to that folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = resolveAppFile(rendererDir, request.url, request.method);
    if ('status' in answer) return new Response(null, { status: answer.status, headers: withSecurityHeaders() });
    try {
      const res = await net.fetch(pathToFileURL(answer.file).toString());
      return new Response(res.body, { status: res.status, headers: withSecurityHeaders(res.headers) });
    } catch {
      return new Response(null, { status: 404, headers: withSecurityHeaders() });
    }
  });
}
