// The log file: JSON lines, rotated by size with a few files kept (across restarts too), Chinese
// text and long digit runs scrubbed, errors by their kind and place without their message, and
// the logger running from an esbuild bundle as the Electron main process is built (in process,
// no worker files beside it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { openFileLog, scrub } from './file-log.ts';
import { errorFields } from './log.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'field-log-'));
  dirs.push(d);
  return d;
};
const lines = (dir: string) =>
  readdirSync(dir)
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
// pino-roll checks the size after its asynchronous writes: give it time between bursts (a loaded
// machine needed more than 20 ms, and a file then ran past 4× the limit).
const settle = () => new Promise((r) => setTimeout(r, 60));

describe('the log file', () => {
  it('writes JSON lines with time, level, who writes, the message and its fields; no pid or host name', async () => {
    const dir = join(tempDir(), 'logs');
    const log = await openFileLog({ dir, name: 'app', base: { app: 'field', version: '9.9.9' } });
    log.info('sync done', { documents: 3, auto: false });
    log.error('sync failed', { kind: 'unreachable' });
    await log.close();
    expect(readdirSync(dir)).toEqual(['app.1.log']);
    const [a, b] = lines(dir);
    expect(a).toMatchObject({ level: 'info', app: 'field', version: '9.9.9', msg: 'sync done', documents: 3 });
    expect(b).toMatchObject({ level: 'error', msg: 'sync failed', kind: 'unreachable' });
    expect(Date.parse(a!.time as string)).not.toBeNaN();
    expect(a).not.toHaveProperty('pid');
    expect(a).not.toHaveProperty('hostname');
  });

  it('rotates by size and keeps the current file and `keep` closed ones, across restarts', async () => {
    const dir = tempDir();
    const filler = 'x'.repeat(200);
    for (let run = 0; run < 3; run++) {
      const log = await openFileLog({ dir, name: 'hq', size: '2k', keep: 2 });
      for (let i = 0; i < 60; i++) {
        log.info('line', { run, i, filler });
        if (i % 5 === 4) await settle(); // rotation happens between writes, as in a running server
      }
      await settle();
      await log.close();
    }
    const files = readdirSync(dir).sort();
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.length).toBeLessThanOrEqual(3);
    for (const f of files) expect(f).toMatch(/^hq\.\d+\.log$/);
    // The newest lines survive; every file stays near the size limit.
    expect(lines(dir).at(-1)).toMatchObject({ run: 2, i: 59 });
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThan(8 * 1024);
  });

  it('scrubs Chinese text and long digit runs from every string, whatever a caller passed', async () => {
    expect(scrub('import of 张三身份证.jpg failed, phone 13812345678, id 45020319880512003X')).toBe(
      'import of ….jpg failed, phone #, id #',
    );
    expect(scrub('device 3f2a9c1e-77b0-4c1d-9e8f-0a1b2c3d4e5f, 12 documents, 2026-11-20')).toBe(
      'device 3f2a9c1e-77b0-4c1d-9e8f-0a1b2c3d4e5f, 12 documents, 2026-11-20',
    );
    // An id or a digest whose random digits run long is kept whole (a reader looks it up); a long
    // run of digits alone is still cut, however long.
    expect(scrub('item 47922712-9e1f-477a-b701-15988036a72c mismatch')).toBe(
      'item 47922712-9e1f-477a-b701-15988036a72c mismatch',
    );
    const digest = '0123456789abcdef'.repeat(4);
    expect(scrub(`sha256 ${digest}`)).toBe(`sha256 ${digest}`);
    expect(scrub(`card ${'6'.repeat(40)}, phone 13812345678a`)).toBe('card #, phone #a');
    const dir = tempDir();
    const log = await openFileLog({ dir, name: 'app' });
    log.error('refused for 李明', { detail: '执法证号 45020019001', count: 45020019001 });
    await log.close();
    const text = readFileSync(join(dir, 'app.1.log'), 'utf8');
    expect(text).not.toMatch(/李明|执法证号|"45020019001"/);
  });

  it('an error is logged by its kind and place, never its message', () => {
    let parseError: unknown;
    try {
      JSON.parse('{"name":"王芳","idNumber":"45020319880512003X"');
    } catch (e) {
      parseError = e;
    }
    const f = errorFields(parseError);
    expect(f).toMatchObject({ error: 'SyntaxError' });
    expect(JSON.stringify(f)).not.toMatch(/王芳|45020319880512003X/);
    const fsError = Object.assign(new Error(`ENOENT: no such file, open '/home/zhangsan/证据/张三.png'`), {
      code: 'ENOENT',
      syscall: 'open',
    });
    expect(errorFields(fsError)).toMatchObject({ error: 'Error', code: 'ENOENT', syscall: 'open' });
    expect(JSON.stringify(errorFields(fsError))).not.toMatch(/zhangsan|张三|证据/);
    // Stack frames keep the function and the file's name, not the installation path.
    expect(String(errorFields(new Error('x')).at)).toMatch(/file-log\.test\.ts:\d+:\d+/);
    expect(String(errorFields(new Error('x')).at)).not.toContain(tmpdir());
    expect(errorFields(Object.assign(new Error('y'), { kind: 'unreachable' }))).toMatchObject({ kind: 'unreachable' });
  });

  it('runs from a bundle built as the Electron main process is (esbuild, ESM, no node_modules beside it)', async () => {
    const dir = tempDir();
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { openFileLog } from ${JSON.stringify(join(import.meta.dirname, 'file-log.ts'))};
const log = await openFileLog({ dir: process.argv[2], name: 'app', size: '1k', keep: 1 });
for (let i = 0; i < 40; i++) { log.info('bundled', { i, pad: 'p'.repeat(100) }); await new Promise((r) => setTimeout(r, 5)); }
await log.close();`,
    );
    const out = join(dir, 'bundle', 'main.mjs');
    // The options of scripts/build.ts for electron/main.ts.
    await build({
      entryPoints: [entry],
      outfile: out,
      bundle: true,
      platform: 'node',
      target: 'node24',
      format: 'esm',
      logLevel: 'error',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    const logs = join(dir, 'logs');
    const r = spawnSync(process.execPath, [out, logs], { cwd: join(dir, 'bundle'), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const files = readdirSync(logs);
    expect(files.length).toBeGreaterThanOrEqual(1);
    expect(files.length).toBeLessThanOrEqual(2);
    expect(lines(logs).at(-1)).toMatchObject({ msg: 'bundled', i: 39 });
  });
});
