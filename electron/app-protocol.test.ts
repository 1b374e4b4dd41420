// The app:// scheme with a fake `protocol` and `net` (no Electron binary here): registered without
// CSP bypass or CORS, every answer — files and refusals alike — carries the CSP.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  privileged: [] as unknown[],
  handlers: new Map<string, (req: Request) => Promise<Response>>(),
}));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
    handle: (scheme: string, h: (req: Request) => Promise<Response>) => fake.handlers.set(scheme, h),
  },
  // net.fetch of a file:// URL: the file's bytes, or a network error for a missing file.
  net: {
    fetch: async (url: string) =>
      new Response(readFileSync(fileURLToPath(url)), { headers: { 'content-type': 'text/html' } }),
  },
}));

const { registerAppScheme, serveRenderer } = await import('./app-protocol.ts');
const { APP_CSP } = await import('./app-content.ts');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'app-protocol-'));
  mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'renderer', 'index.html'), '<title>网信执法现场取证</title>');
  writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  serveRenderer(join(dir, 'renderer'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => fake.handlers.get('app')!(new Request(url, { method }));

describe('app:// protocol', () => {
  it('is registered standard and secure, with no CSP bypass, CORS, service workers or fetch', () => {
    registerAppScheme();
    expect(fake.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false } },
    ]);
  });

  it('serves the renderer with the CSP', async () => {
    const page = await get('app://bundle/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('网信执法现场取证');
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect((await get('app://bundle/assets/app.js')).headers.get('content-security-policy')).toBe(APP_CSP);
  });

  it('refuses everything else, and its refusals carry the CSP too', async () => {
    for (const [url, method, status] of [
      ['app://bundle/missing.js', 'GET', 404],
      ['app://bundle/..%2fsecret.txt', 'GET', 404], // stays inside the folder: no such file there
      ['app://other/index.html', 'GET', 404],
      ['app://bundle/index.html', 'POST', 405],
      ['app://bundle/%E0%A4%A', 'GET', 400],
    ] as const) {
      const res = await get(url, method);
      expect(res.status, url).toBe(status);
      expect(res.headers.get('content-security-policy'), url).toBe(APP_CSP);
      expect(await res.text(), url).not.toContain('do not serve');
    }
  });
});
