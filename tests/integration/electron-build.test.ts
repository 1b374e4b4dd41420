// The Electron shell cannot start here (no binary), so what can be checked statically is: the
// shell builds, the sandboxed preload is one file that requires nothing but `electron`, and the
// window is created with the security settings of docs/ARCHITECTURE.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, ROOT } from '../../scripts/build.ts';

let main = '';
let preload = '';
beforeAll(async () => {
  await buildElectron();
  main = readFileSync(join(ROOT, 'dist', 'electron', 'main.mjs'), 'utf8');
  preload = readFileSync(join(ROOT, 'dist', 'electron', 'preload.cjs'), 'utf8');
}, 120_000);

describe('Electron shell build', () => {
  it('the preload requires only electron and exposes one function per call, no ipcRenderer', () => {
    const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld("fieldApi"');
    expect(preload).toMatch(/exposeInMainWorld\(\s*"fieldUpload"/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });

  it('the window is isolated, sandboxed and without Node', () => {
    for (const setting of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'webviewTag: false',
      'webSecurity: true',
    ])
      expect(main).toContain(setting);
  });

  it('the security module is installed before the window exists, and app content comes from app://', () => {
    // The top-level call that installs the handlers runs before the ready handler that opens windows.
    const install = main.search(/^applyAppWideSecurity\(\);$/m);
    const ready = main.search(/const root = app\d*\.getAppPath\(\)/); // esbuild may rename `app`
    expect(main).toContain('web-contents-created');
    expect(install).toBeGreaterThan(-1);
    expect(install).toBeLessThan(ready);
    expect(main).toContain('setWindowOpenHandler');
    expect(main).toContain('setPermissionRequestHandler');
    expect(main).not.toMatch(/loadFile\(|file:\/\/.*index\.html/);
  });

  it('the SM3 worker is bundled beside main and main points the digest code at it', () => {
    const worker = readFileSync(join(ROOT, 'dist', 'electron', 'sm3-worker.mjs'), 'utf8');
    expect(worker).toMatch(/0x7380166f|1937774191/i); // the SM3 IV: our generated WebAssembly SM3 is in it
    expect(main).toContain('sm3-worker.mjs');
    expect(main).not.toMatch(/createHash\(["']sm3["']\)/); // Electron's BoringSSL has no SM3
  });

  it('the bundled SM3 worker computes the GB/T 32905 answer for "abc"', async () => {
    const ring = new SharedArrayBuffer(8);
    const w = new Worker(pathToFileURL(join(ROOT, 'dist', 'electron', 'sm3-worker.mjs')), {
      workerData: { ring, slotSize: 4 },
    });
    const sm3 = await new Promise<string>((resolve, reject) => {
      w.on('error', reject);
      w.on('message', (m: { ready?: true; ack?: number; sm3?: string }) => {
        if (m.ready) {
          new Uint8Array(ring).set(new TextEncoder().encode('abc'));
          w.postMessage({ slot: 0, length: 3 });
        }
        if (m.ack !== undefined) w.postMessage({ digest: true });
        if (m.sm3) resolve(m.sm3);
      });
    });
    await w.terminate();
    expect(sm3).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('the capture window is sandboxed in its own partition and only it may browse http(s)', () => {
    expect(main).toContain('partition: CAPTURE_PARTITION');
    expect(main).toMatch(/CAPTURE_PARTITION = "capture"/);
    expect(main).toContain('captureContents.has(contents)');
    expect(main).toContain('debugger.sendCommand');
  });

  it('the native SQLite binding stays outside the bundle (it is unpacked from asar)', () => {
    expect(main).toMatch(/from "better-sqlite3-multiple-ciphers"|require\("better-sqlite3-multiple-ciphers"\)/);
    const builder = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(builder).toContain('node_modules/better-sqlite3-multiple-ciphers/**');
  });
});
