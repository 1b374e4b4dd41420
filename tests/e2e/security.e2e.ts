// Security journey against the real web shell process (`npm run web`) and Debian's Chromium, with a
// second local server as "another origin". What web-shell/web-shell-server.test.ts already covers
// one guard at a time (no token, a wrong token, a foreign Origin header, a foreign Host on a page,
// bad JSON) is not repeated; here: the token is checked before a call's name is even looked at,
// the Host check on the API and uploads, undeclared calls (prototype names included), bad
// arguments that change nothing, an oversize body, a real foreign page trying to drive the API,
// and from inside the app page: injected script, eval, foreign fetches, popups and framing.
// The desktop app's own refusals (navigation, windows, IPC senders) are unit-tested in electron/.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/app-api.ts';
import { launchBrowser } from './support/browser.ts';
import { startShell, type ShellProcess } from './support/web-shell-process.ts';

const AGENCY = '柳州市柳南区互联网信息办公室';
const SETUP = {
  agencyName: AGENCY,
  officers: [
    { name: '李明', certNo: '45020019001', unit: AGENCY, password: 'field2026a' },
    { name: '王芳', certNo: '45020019002', unit: AGENCY, password: 'field2026b' },
  ],
};
const CHINESE = /[\u4e00-\u9fff]/;

let browser: Browser;
let shell: ShellProcess;
let dataDir: string;
let token: string;
let page: Page;
/** Another origin (another port on loopback): it records every request it gets. */
let foreign: Server;
let foreignOrigin: string;
const foreignHits: { path: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-security-'));
  browser = await launchBrowser();
  shell = await startShell(dataDir);
  token = /#token=([A-Za-z0-9_-]+)/.exec(shell.url)![1]!;
  foreign = createServer((req, res) => {
    foreignHits.push({ path: req.url ?? '', headers: req.headers });
    // Permissive on purpose: if anything is blocked, the app's policies blocked it, not this server.
    const html =
      req.url === '/frame'
        ? `<title>foreign</title><iframe src="${shell.url}" width="800" height="600"></iframe>`
        : '<title>foreign</title><p>foreign page</p>';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'access-control-allow-origin': '*' }).end(html);
  });
  await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', r));
  // "localhost" rather than 127.0.0.1: a different origin from the shell's, on a different port.
  foreignOrigin = `http://localhost:${(foreign.address() as { port: number }).port}`;
  page = await browser.newPage({ locale: 'zh-CN' });
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  await new Promise((r) => foreign?.close(r));
  rmSync(dataDir, { recursive: true, force: true });
});

type Answer = {
  ok: boolean;
  value?: Record<string, unknown>;
  error?: { kind: string; message: string; fields?: Record<string, string> };
};

/** A call from Node with the shell's token (and optionally other headers). */
async function call(
  name: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; answer: Answer | null }> {
  const res = await fetch(`${shell.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-token': token, ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, answer: text.startsWith('{') ? (JSON.parse(text) as Answer) : null };
}

const setupDone = async () => (await call('app.status', {})).answer?.value?.setupDone;

/** Raw request, for a Host header fetch would not send. */
function raw(method: string, path: string, headers: Record<string, string>, body = ''): Promise<number> {
  const { port } = new URL(shell.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(port), path, method, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the API over HTTP', () => {
  it('without the token, or with a wrong one, answers 401 before looking at the call: nothing to enumerate', async () => {
    const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const name of ['app.status', 'office.setup', 'no.such.call', 'constructor']) {
      for (const headers of [{ 'x-api-token': '' }, { 'x-api-token': wrong }, { 'x-api-token': token.slice(0, 10) }]) {
        const r = await call(name, {}, headers);
        expect(r.status, `${name} ${headers['x-api-token'].length}`).toBe(401);
        expect(r.answer?.error?.kind).toBe('unauthorized');
      }
    }
    const upload = await fetch(`${shell.origin}/upload/AAAAAAAAAAAAAAAAAAAA`, { method: 'PUT', body: 'bytes' });
    expect(upload.status).toBe(401);
  });

  it('refuses a foreign Host on the API and upload paths too, token or not (DNS rebinding)', async () => {
    const { port } = new URL(shell.origin);
    const h = { 'content-type': 'application/json', 'x-api-token': token };
    expect(await raw('POST', '/api/app.status', { ...h, host: `127.0.0.1:${port}` }, '{}')).toBe(200);
    for (const host of [
      `attacker.example:${port}`,
      `127.0.0.1.attacker.example:${port}`,
      `127.0.0.1:${Number(port) + 1}`,
      '127.0.0.1',
    ])
      expect(await raw('POST', '/api/app.status', { ...h, host }, '{}'), host).toBe(421);
    expect(
      await raw(
        'PUT',
        '/upload/AAAAAAAAAAAAAAAAAAAA',
        { 'x-api-token': token, host: `attacker.example:${port}` },
        'bytes',
      ),
    ).toBe(421);
  });

  it('refuses undeclared calls as not_found, in Chinese — prototype names and near-misses included', async () => {
    for (const name of [
      'no.such.call',
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'APP.STATUS',
      'app.status%20',
      'app.status%00',
      'app.status%2F..',
      'office.setup.',
      '',
    ]) {
      const r = await call(name, {});
      expect(r.status, name).toBe(200);
      expect(r.answer, name).toMatchObject({ ok: false, error: { kind: 'not_found' } });
      expect(r.answer!.error!.message, name).toMatch(CHINESE);
    }
  });

  it('refuses bad arguments with kind validation and Chinese messages, and nothing changes', async () => {
    // (Unknown keys are not an error: the contract drops them before the handler.)
    for (const arg of [
      { agencyName: '', officers: [] },
      { ...SETUP, officers: [SETUP.officers[0]] },
      { ...SETUP, agencyName: 123 },
      { ...SETUP, officers: [{ ...SETUP.officers[0], password: '' }, SETUP.officers[1]] },
      [],
      'office',
      null,
    ]) {
      const r = await call('office.setup', arg);
      expect(r.answer, JSON.stringify(arg)).toMatchObject({ ok: false, error: { kind: 'validation' } });
      expect(r.answer!.error!.message).toMatch(CHINESE);
      for (const m of Object.values(r.answer!.error!.fields ?? {})) expect(m).toMatch(CHINESE);
    }
    const fields = (await call('office.setup', { agencyName: '', officers: [] })).answer!.error!.fields!;
    expect(fields.agencyName).toMatch(CHINESE);
    expect(await setupDone()).toBe(false);
  });

  it('refuses an oversize body (over 8 MiB), changes nothing, and keeps answering', async () => {
    const res = await fetch(`${shell.origin}/api/office.setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-token': token },
      body: JSON.stringify({ ...SETUP, pad: 'x'.repeat(9 * 1024 * 1024) }),
    }).catch(() => null); // the server may close the connection once it stops reading
    expect(res === null || res.status === 413).toBe(true);
    expect(await setupDone()).toBe(false);
  });
});

describe('the renderer served', () => {
  // What officers run is the production build. A development build (React's, with its extra
  // checks and messages) is several times slower and says more than it should; it once slipped in
  // when the shell rebuilt the renderer from inside the tests (vitest's NODE_ENV=test).
  it('is the production build of React', async () => {
    const origin = new URL(shell.url).origin;
    const html = await (await fetch(`${origin}/`)).text();
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const js = await (await fetch(new URL(src, `${origin}/`))).text();
      expect(js.length).toBeGreaterThan(100_000);
      // Messages only React's development build carries (production throws minified error codes).
      expect(js).not.toContain('Each child in a list should have a unique');
      expect(js).not.toContain('react-dom.development');
    }
  });
});

describe('another origin in the browser', () => {
  it('cannot drive the API, not even with a leaked token; the same call from the app page succeeds', async () => {
    const foreignPage = await browser.newPage();
    await foreignPage.goto(`${foreignOrigin}/page`);
    const attempts = await foreignPage.evaluate(
      async ([api, t, setup]) => {
        const out: string[] = [];
        const tryFetch = async (label: string, init: RequestInit) => {
          try {
            const r = await fetch(`${api}/api/office.setup`, init);
            out.push(`${label}: ${r.type} ${r.status}`);
          } catch (e) {
            out.push(`${label}: ${(e as Error).name}`);
          }
        };
        const body = JSON.stringify(setup);
        // A simple cross-site post (no preflight): no token, not JSON.
        await tryFetch('no-cors text/plain', {
          method: 'POST',
          mode: 'no-cors',
          headers: { 'content-type': 'text/plain' },
          body,
        });
        // With the token: the custom header needs a preflight, which the shell never allows.
        await tryFetch('cors with token', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-token': t },
          body,
        });
        // A form post to the API.
        const f = document.createElement('form');
        f.method = 'POST';
        f.action = `${api}/api/office.setup`;
        f.target = 'sink';
        f.enctype = 'text/plain';
        const i = document.createElement('input');
        i.name = body;
        f.append(i);
        const sink = document.createElement('iframe');
        sink.name = 'sink';
        document.body.append(sink, f);
        f.submit();
        await new Promise((r) => setTimeout(r, 1000));
        return out;
      },
      [shell.origin, token, SETUP] as const,
    );
    expect(attempts).toEqual(['no-cors text/plain: opaque 0', 'cors with token: TypeError']);
    await foreignPage.close();
    expect(await setupDone()).toBe(false);
    // The very same set-up, from the app's own page with its token, goes through.
    await page.goto(shell.url);
    const r = await callApi(page, 'office.setup', SETUP);
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    expect(await setupDone()).toBe(true);
  });

  it('cannot frame the app (frame-ancestors, X-Frame-Options)', async () => {
    const framing = await browser.newPage();
    await framing.goto(`${foreignOrigin}/frame`);
    await framing.waitForLoadState('load');
    const frames = framing.frames().filter((f) => f !== framing.mainFrame());
    expect(frames).toHaveLength(1);
    expect(frames[0]!.url()).not.toContain(new URL(shell.origin).host);
    expect(await frames[0]!.evaluate(() => document.querySelector('#root'))).toBeNull();
    await framing.close();
  });
});

describe('inside the app page (CSP, COOP)', () => {
  beforeAll(async () => {
    if (!page.url().startsWith(shell.origin)) await page.goto(shell.url);
    await page.waitForFunction(() => document.querySelector('#root')?.childElementCount);
  });

  /** CSP violations the page reports, by directive. */
  const watchViolations = () =>
    page.evaluate(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(e.effectiveDirective));
    });
  const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

  it('injected inline script, inline handlers, javascript: URLs and eval do not run', async () => {
    await watchViolations();
    const ran = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.body.append(s);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__handler = true');
      img.src = 'data:,broken';
      document.body.append(img);
      const a = document.createElement('a');
      a.href = 'javascript:window.__jsurl = true';
      document.body.append(a);
      a.click();
      // Code run by the DevTools protocol (this function's own turn) may eval; the page's later turns may not.
      await new Promise((r) => setTimeout(r, 0));
      let evaluated = false;
      try {
        evaluated = (0, eval)('true');
      } catch {
        /* refused by the CSP */
      }
      let constructed = false;
      try {
        constructed = new Function('return true')();
      } catch {
        /* refused by the CSP */
      }
      await new Promise((r) => setTimeout(r, 300));
      return { inline: w.__inline, handler: w.__handler, jsurl: w.__jsurl, evaluated, constructed };
    });
    expect(ran).toEqual({
      inline: undefined,
      handler: undefined,
      jsurl: undefined,
      evaluated: false,
      constructed: false,
    });
    expect(await violations()).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr', 'script-src']));
  });

  it('a fetch to another origin is blocked by connect-src, and never reaches it', async () => {
    await watchViolations();
    const before = foreignHits.length;
    const result = await page.evaluate(async (url) => {
      try {
        const r = await fetch(url, { method: 'POST', body: 'exfiltrated' });
        return `answered ${r.status}`;
      } catch (e) {
        return (e as Error).name;
      }
    }, `${foreignOrigin}/fetch`);
    expect(result).toBe('TypeError');
    expect(await violations()).toContain('connect-src');
    expect(foreignHits.slice(before).filter((h) => h.path === '/fetch')).toEqual([]);
  });

  it('window.open to another origin leaves the app no handle on it, and sends neither token nor referrer', async () => {
    // In the desktop app no window is ever created (electron/lockdown.ts). A browser decides for
    // itself whether to show one: the page must not be able to reach it, nor it the page.
    const popups: Page[] = [];
    page.on('popup', (p) => popups.push(p));
    const before = foreignHits.length;
    const handle = await page.evaluate(async (url) => {
      const w = window.open(url);
      if (w === null) return 'null';
      await new Promise((r) => setTimeout(r, 1500));
      return w.closed ? 'severed' : 'reachable';
    }, `${foreignOrigin}/popup`);
    expect(['null', 'severed']).toContain(handle);
    for (const p of popups) {
      await p.waitForLoadState('load');
      expect(await p.evaluate(() => window.opener)).toBeNull();
      await p.close();
    }
    // The popup's own request (if the browser showed it), not what the foreign page then loads itself.
    for (const hit of foreignHits.slice(before).filter((h) => h.path === '/popup')) {
      expect(hit.headers['x-api-token']).toBeUndefined();
      expect(hit.headers.referer).toBeUndefined();
      expect(JSON.stringify(hit)).not.toContain(token);
    }
  });
});
