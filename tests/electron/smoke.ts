// Electron smoke test, for machines that have the Electron binary: builds the shell, starts the
// real app through Playwright's Electron driver with a fresh profile, and checks that the window
// shows the renderer from app:// with the preload's API, no Node, and a working core; then the
// desktop-only paths of evidence: bytes streamed over IPC (fieldUpload) hashed with both digests,
// and the capture window opening a page on loopback and capturing it as PNG + MHTML; then the
// security checks (docs/SECURITY.md): no undeclared call, bad arguments refused, window.open denied,
// the lock refusing every call until an officer's password.
// Exit 77 = not run (no binary here), which `npm test` reports as not run, never as passed.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { buildElectron, buildRenderer, rendererIsStale, ROOT } from '../../scripts/build.ts';
import { electronBinary } from '../../scripts/electron-binary.ts';
import { AGENCY, OFFICER_A, OFFICER_B, orgCaseInput } from '../support/core-fixture.ts';

const executablePath = electronBinary();
if (!executablePath) {
  console.log('Electron smoke test not run: no Electron binary on this machine (it cannot be downloaded here).');
  process.exit(77);
}
if (rendererIsStale()) await buildRenderer();
await buildElectron();
const profile = mkdtempSync(join(tmpdir(), 'electron-smoke-'));
const app = await _electron.launch({ executablePath, args: [ROOT, `--user-data-dir=${profile}`], timeout: 60_000 });
try {
  const win = await app.firstWindow();
  await win.waitForLoadState('domcontentloaded');
  // Runs in the renderer: only what a page can see (this file is compiled without DOM types).
  type PageGlobals = {
    location: { href: string };
    require?: unknown;
    fieldApi?: Record<string, (arg: unknown) => Promise<{ ok: boolean }>>;
    navigator: { pdfViewerEnabled?: boolean };
  };
  const r = await win.evaluate(async () => {
    const g = globalThis as unknown as PageGlobals;
    // pdfViewerEnabled: the document preview and 打印 need Electron's PDF viewer (plugins: true).
    return {
      url: g.location.href,
      hasApi: typeof g.fieldApi === 'object',
      hasRequire: typeof g.require !== 'undefined',
      pdfViewer: g.navigator.pdfViewerEnabled === true,
      status: await g.fieldApi!['app.status']!({}),
    };
  });
  // A navigation attempt away from the app must be refused.
  await win.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
  });
  await new Promise((res) => setTimeout(res, 500));
  const stayed = win.url().startsWith('app://bundle/');
  const evidence = await desktopEvidence(win);
  const security = await desktopSecurity(win);
  const windows = app.windows().length;
  const good =
    r.url.startsWith('app://bundle/') &&
    r.hasApi &&
    !r.hasRequire &&
    r.pdfViewer &&
    r.status.ok &&
    stayed &&
    evidence.good &&
    security.good &&
    windows === 1;
  console.log(
    `Electron smoke test: ${good ? 'passed' : 'FAILED'} ${JSON.stringify({ ...r, stayed, evidence, security, windows })}`,
  );
  process.exitCode = good ? 0 : 1;
} finally {
  await app.close();
}

/** After desktopEvidence (office set up, both officers signed in): what the page must not be able to do. */
async function desktopSecurity(win: Awaited<ReturnType<typeof app.firstWindow>>) {
  type Api = Record<string, ((arg: unknown) => Promise<{ ok: boolean; error?: { kind: string } }>) | undefined>;
  return win.evaluate(
    async ({ a }) => {
      const g = globalThis as unknown as { fieldApi: Api; open: (url: string) => unknown };
      const undeclared = g.fieldApi['no.such'] === undefined;
      const bad = await g.fieldApi['cases.get']!({ id: 42 });
      const popup = g.open('https://example.com/');
      await g.fieldApi['lock.lockNow']!({});
      const locked = await g.fieldApi['cases.list']!({});
      const unlocked = await g.fieldApi['lock.unlock']!({ certNo: a.certNo, password: a.password });
      const after = await g.fieldApi['cases.list']!({});
      const good =
        undeclared &&
        bad.error?.kind === 'validation' &&
        popup === null &&
        locked.error?.kind === 'app_locked' &&
        unlocked.ok &&
        after.ok;
      return {
        good,
        undeclared,
        bad: bad.error?.kind,
        popup: popup === null ? null : 'opened',
        locked: locked.error?.kind,
        unlocked: unlocked.ok,
      };
    },
    { a: OFFICER_A },
  );
}

/** Office, pair, case and evidence record through the preload API; then an IPC upload and a capture. */
async function desktopEvidence(win: Awaited<ReturnType<typeof app.firstWindow>>) {
  const bytes = Buffer.from('电子数据 smoke test '.repeat(50_000));
  const page = createServer((_req, res) =>
    res.end('<html><head><title>取证测试页</title></head><body><h1>星河资讯</h1></body></html>'),
  );
  await new Promise<void>((res) => page.listen(0, '127.0.0.1', res));
  const port = (page.address() as { port: number }).port;
  try {
    type Api = Record<string, (arg: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>>;
    type Upload = {
      chunk(t: string, b: Uint8Array): Promise<unknown>;
      end(t: string): Promise<{ ok: boolean; value?: { sha256: string; sm3: string } }>;
    };
    const out = await win.evaluate(
      async ({ agency, a, b, caseInput, data, url }) => {
        const g = globalThis as unknown as { fieldApi: Api; fieldUpload: Upload };
        const must = async (name: string, arg: unknown) => {
          const r = await g.fieldApi[name]!(arg);
          if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
          return r.value as Record<string, unknown> & { id: string };
        };
        await must('office.setup', { agencyName: agency, officers: [a, b] });
        await must('session.signIn', { certNo: a.certNo, password: a.password });
        const session = await must('session.signIn', { certNo: b.certNo, password: b.password });
        const ids = (session.officers as { id: string }[]).map((o) => o.id);
        const matter = ((await must('catalog.search', { query: '网络安全', limit: 1 })).items as { id: string }[])[0]!;
        const c = await must('cases.create', { ...caseInput, officerIds: ids, matterId: matter.id });
        const doc = await must('documents.create', { caseId: c.id, type: 'evidence' });
        const meta = {
          category: '日志',
          description: '',
          source: 'smoke',
          method: '复制',
          timeSourceNote: '',
          provider: { name: '', idNumber: '', statement: false },
          original: true,
          copy: { method: '', madeAt: '', madeBy: '' },
        };
        const { ticket } = (await must('evidence.beginImport', {
          caseId: c.id,
          documentId: doc.id,
          fileName: 'smoke.log',
          sizeBytes: data.length,
          meta,
        })) as unknown as { ticket: string };
        for (let i = 0; i < data.length; i += 256 * 1024)
          await g.fieldUpload.chunk(ticket, data.subarray(i, i + 256 * 1024));
        const imported = await g.fieldUpload.end(ticket);
        await must('capture.open', { caseId: c.id, documentId: doc.id, url });
        await new Promise((res) => setTimeout(res, 1500));
        const captured = (await must('capture.take', {})) as unknown as { fileName: string }[];
        await must('capture.close', {});
        return { imported: imported.value ?? null, captured: captured.map((e) => e.fileName) };
      },
      {
        agency: AGENCY,
        a: OFFICER_A,
        b: OFFICER_B,
        caseInput: orgCaseInput([], ''),
        data: new Uint8Array(bytes),
        url: `http://127.0.0.1:${port}/`,
      },
    );
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const good =
      out.imported?.sha256 === sha256 &&
      /^[0-9a-f]{64}$/.test(out.imported.sm3) &&
      out.captured.some((n) => n.endsWith('.png')) &&
      out.captured.some((n) => n.endsWith('.mhtml'));
    return { good, ...out };
  } catch (e) {
    return { good: false, error: String(e) };
  } finally {
    page.close();
  }
}
