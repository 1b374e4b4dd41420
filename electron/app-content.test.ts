// app://bundle/ on plain Node: the path confinement, and the headers every response carries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP as WEB_SHELL_CSP } from '../web-shell/web-shell-server.ts';
import { APP_CSP, resolveAppFile, withSecurityHeaders } from './app-content.ts';

const ROOT = '/opt/app/dist/renderer';

describe('app:// content', () => {
  it('serves files inside the renderer folder only', () => {
    expect(resolveAppFile(ROOT, 'app://bundle/')).toEqual({ file: `${ROOT}/index.html` });
    expect(resolveAppFile(ROOT, 'app://bundle/assets/index-abc.js')).toEqual({ file: `${ROOT}/assets/index-abc.js` });
    // Dot segments, plain or encoded, never climb out of the folder (403 if they ever did).
    for (const url of [
      'app://bundle/../../etc/passwd',
      'app://bundle/%2e%2e/%2e%2e/etc/passwd',
      'app://bundle/..%2f..%2fetc%2fpasswd',
      'app://bundle/assets/..%2f..%2f..%2fsecret.txt',
      'app://bundle/..%5c..%5csecret.txt',
    ]) {
      const a = resolveAppFile(ROOT, url);
      expect('file' in a ? a.file.startsWith(`${ROOT}/`) : a.status === 403, `${url} → ${JSON.stringify(a)}`).toBe(
        true,
      );
    }
    expect(resolveAppFile(ROOT, 'app://bundle/%E0%A4%A')).toEqual({ status: 400 });
    expect(resolveAppFile(ROOT, 'app://bundle/index.html%00.js')).toEqual({ status: 400 });
  });

  it('answers only its own host, and only GET and HEAD', () => {
    for (const url of [
      'app://other/index.html',
      'app://bundle:1/index.html',
      'app://x@bundle/index.html',
      'file:///etc/passwd',
    ])
      expect(resolveAppFile(ROOT, url), url).toEqual({ status: 404 });
    expect(resolveAppFile(ROOT, 'app://bundle/index.html', 'POST')).toEqual({ status: 405 });
    expect(resolveAppFile(ROOT, 'app://bundle/index.html', 'HEAD')).toEqual({ file: `${ROOT}/index.html` });
  });

  it('sets the CSP over whatever headers the file came with', () => {
    const h = withSecurityHeaders(
      new Headers({ 'content-type': 'text/html', 'content-security-policy': 'default-src *' }),
    );
    expect(h.get('content-security-policy')).toBe(APP_CSP);
    expect(h.get('content-type')).toBe('text/html');
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(withSecurityHeaders().get('content-security-policy')).toBe(APP_CSP);
  });

  it('is strict: own scripts only (no inline, no eval), own connections only, never framed, no plugins', () => {
    const d = Object.fromEntries(APP_CSP.split('; ').map((x) => [x.split(' ')[0], x.split(' ').slice(1).join(' ')]));
    expect(d['script-src']).toBe("'self'");
    expect(d['connect-src']).toBe("'self'");
    expect(d['frame-ancestors']).toBe("'none'");
    expect(d['object-src']).toBe("'none'");
    expect(d['base-uri']).toBe("'none'");
    expect(APP_CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });

  it('is the same policy the web shell sends: one renderer, one CSP', () => {
    expect(APP_CSP).toBe(WEB_SHELL_CSP);
  });

  it('matches the <meta> copy in renderer/index.html (which cannot carry frame-ancestors)', () => {
    const html = readFileSync(join(import.meta.dirname, '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    expect(meta).toBe(APP_CSP.replace("; frame-ancestors 'none'", ''));
  });
});
