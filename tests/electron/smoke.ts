// Electron smoke test, for machines that have the Electron binary: builds the shell, starts the
// real app through Playwright's Electron driver with a fresh profile, and checks that the window
// shows the renderer from app:// with the preload's API, no Node, and a working core.
// Exit 77 = not run (no binary here), which `npm test` reports as not run, never as passed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { buildElectron, buildRenderer, rendererIsStale, ROOT } from '../../scripts/build.ts';
import { electronBinary } from '../../scripts/electron-binary.ts';

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
  type PageGlobals = { location: { href: string }; require?: unknown; fieldApi?: Record<string, (arg: unknown) => Promise<{ ok: boolean }>> };
  const r = await win.evaluate(async () => {
    const g = globalThis as unknown as PageGlobals;
    return { url: g.location.href, hasApi: typeof g.fieldApi === 'object', hasRequire: typeof g.require !== 'undefined', status: await g.fieldApi!['app.status']!({}) };
  });
  // A navigation attempt away from the app must be refused.
  await win.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
  });
  await new Promise((res) => setTimeout(res, 500));
  const stayed = win.url().startsWith('app://bundle/');
  const good = r.url.startsWith('app://bundle/') && r.hasApi && !r.hasRequire && r.status.ok && stayed;
  console.log(`Electron smoke test: ${good ? 'passed' : 'FAILED'} ${JSON.stringify({ ...r, stayed })}`);
  process.exitCode = good ? 0 : 1;
} finally {
  await app.close();
}
