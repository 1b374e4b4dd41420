// The web shell's guards, over real HTTP on loopback.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../tests/support/core-fixture.ts';
import { isLoopbackAddress } from './loopback.ts';
import { startWebShell, TOKEN_HEADER, type WebShell } from './web-shell-server.ts';
import { dispatch } from '../core/api/dispatch.ts';
import { runImport } from '../core/evidence/run-import.ts';

/** The server's own checks, over a core without the vault (the vault has its own tests). */
const coreApi = (t: TestCore) => ({
  dispatch: (n: string, a: unknown) => dispatch(t.core, n, a),
  upload: (tk: string, b: AsyncIterable<Uint8Array>, s: AbortSignal) => runImport(t.core, tk, b, s),
});

let t: TestCore;
let shell: WebShell;
let rendererDir: string;

beforeAll(async () => {
  t = makeCore();
  rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>网信执法现场取证</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'secret.txt'), 'do not serve');
  shell = await startWebShell({ api: coreApi(t), log: t.core.log, rendererDir, port: 0 });
});
afterAll(async () => {
  await shell.close();
  t.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
});

const api = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${shell.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: shell.token, ...headers },
    body: JSON.stringify(body),
  });

/** Raw request, to send a Host header fetch would not allow. */
function rawGet(path: string, host: string): Promise<number> {
  const { port } = new URL(shell.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(port), path, method: 'GET', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web shell', () => {
  it('prints a URL that carries the per-run token in the fragment (never sent to the server)', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
  });

  it('answers API calls with the token', async () => {
    const res = await api('app.status', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { setupDone: false } });
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const none = await fetch(`${shell.origin}/api/app.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    const wrong = await api(
      'app.status',
      {},
      { [TOKEN_HEADER]: shell.token.slice(0, -1) + (shell.token.endsWith('A') ? 'B' : 'A') },
    );
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(/访问令牌无效/);
  });

  it('refuses other origins (a web page the officer visits cannot drive the API)', async () => {
    const res = await api('app.status', {}, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { port } = new URL(shell.origin);
    expect(await rawGet('/', `127.0.0.1:${port}`)).toBe(200);
    expect(await rawGet('/', `attacker.example:${port}`)).toBe(421);
  });

  it('refuses bad bodies with a clear status', async () => {
    const notJson = await fetch(`${shell.origin}/api/app.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: shell.token },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
    const huge = await api('app.status', { pad: 'x'.repeat(9_000_000) }).catch(() => null);
    expect(huge === null || huge.status === 413).toBe(true);
    const get = await fetch(`${shell.origin}/api/app.status`, { headers: { [TOKEN_HEADER]: shell.token } });
    expect(get.status).toBe(405);
  });

  it('a validation failure travels as a Result value', async () => {
    const res = await api('office.setup', { agencyName: '', officers: [] });
    const body = (await res.json()) as { ok: boolean; error: { kind: string; fields: Record<string, string> } };
    expect(body.ok).toBe(false);
    expect(body.error.kind).toBe('validation');
    expect(body.error.fields.agencyName).toBe('请填写行政机关名称。');
  });

  it('serves the renderer with a strict CSP, falls back to index.html, and never escapes its folder', async () => {
    const page = await fetch(`${shell.origin}/cases/123`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(await page.text()).toContain('网信执法现场取证');
    expect((await fetch(`${shell.origin}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${shell.origin}/assets/missing.js`)).status).toBe(404);
    const { port } = new URL(shell.origin);
    expect(await rawGet('/../secret.txt', `127.0.0.1:${port}`)).not.toBe(200);
    expect(await rawGet('/%2e%2e/secret.txt', `127.0.0.1:${port}`)).not.toBe(200);
  });
});

describe('loopback-only binding', () => {
  it('accepts loopback addresses only', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('127.8.9.10')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'localhost.evil.com', ''])
      expect(isLoopbackAddress(h)).toBe(false);
  });

  it('refuses to start on a non-loopback address', async () => {
    await expect(
      startWebShell({ api: coreApi(t), log: t.core.log, rendererDir, port: 0, host: '0.0.0.0' }),
    ).rejects.toThrow(/only loopback/);
  });
});

describe('evidence upload', () => {
  it('needs the token, a ticket from evidence.beginImport, and uses the ticket once', async () => {
    const put = (ticket: string, body: string, headers: Record<string, string> = { [TOKEN_HEADER]: shell.token }) =>
      fetch(`${shell.origin}/upload/${ticket}`, { method: 'PUT', headers, body });
    expect((await put('x', 'abc', {})).status).toBe(401);
    const unknown = (await (await put('no-such-ticket', 'abc')).json()) as { ok: boolean; error: { message: string } };
    expect(unknown.ok).toBe(false);
    expect(unknown.error.message).toMatch(/导入凭据无效或已过期/);
    expect(
      (await fetch(`${shell.origin}/upload/x`, { method: 'POST', headers: { [TOKEN_HEADER]: shell.token }, body: 'a' }))
        .status,
    ).toBe(405);
  });
});
