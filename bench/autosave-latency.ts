// autosave-latency: per-change save latency as the renderer sees it (HTTP to the web shell,
// validation, one transaction, completeness), for a 50-pair inquiry. Reference: a bare SQLite
// UPDATE of the same bytes with the same durability (WAL, synchronous=FULL), same run.
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startShell } from '../tests/e2e/support/web-shell-process.ts';
import { BENCH_OFFICERS, dataFolderWithInquiry } from './fixtures.ts';
import { result, type Benchmark } from './harness.ts';

const SAVES = 300;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export const autosaveLatency: Benchmark = {
  name: 'autosave-latency',
  description: `${SAVES} sequential autosaves of a 50-pair 询问笔录 through the web shell`,
  async run() {
    const fx = await dataFolderWithInquiry(50);
    const shell = await startShell(fx.dir);
    const url = new URL(shell.url);
    const token = url.hash.replace('#token=', '');
    const call = async (name: string, arg: unknown) => {
      const r = await fetch(`${url.origin}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-token': token },
        body: JSON.stringify(arg),
      });
      return (await r.json()) as { ok: boolean; value: { revision: number } };
    };
    const times: number[] = [];
    let bytes = 0;
    try {
      // The device starts locked: the first officer unlocks it (which signs them in), the second
      // signs in — over the API, as the renderer would.
      const [first, second] = BENCH_OFFICERS;
      for (const [name, o] of [
        ['lock.unlock', first!],
        ['session.signIn', second!],
      ] as const) {
        if (!(await call(name, { certNo: o.certNo, password: o.password })).ok) throw new Error(`${name} refused`);
      }
      let revision = fx.revision;
      for (let i = 0; i < SAVES; i++) {
        const content = { ...fx.content, place: `会议室${i}` };
        bytes = JSON.stringify(content).length;
        const t0 = performance.now();
        const r = await call('documents.save', { id: fx.docId, revision, content });
        times.push(performance.now() - t0);
        if (!r.ok) throw new Error('save refused');
        revision = r.value.revision;
      }
    } finally {
      await shell.stop();
      rmSync(fx.dir, { recursive: true, force: true });
    }
    // Reference: the same bytes, UPDATEd in a bare table with the same pragmas.
    const refDir = mkdtempSync(join(tmpdir(), 'bench-raw-'));
    const db = new Database(join(refDir, 'raw.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    db.prepare('INSERT INTO t VALUES (1, ?)').run('');
    const upd = db.prepare('UPDATE t SET v = ? WHERE id = 1');
    const raw: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const v = JSON.stringify({ ...fx.content, place: `会议室${i}` });
      const t0 = performance.now();
      upd.run(v);
      raw.push(performance.now() - t0);
    }
    db.close();
    rmSync(refDir, { recursive: true, force: true });
    const ref = `bare SQLite UPDATE of the same ${bytes} bytes, WAL + synchronous=FULL`;
    return [
      result('autosave-latency', 'ms (p99)', pct(times, 99), `${ref} (p99)`, pct(raw, 99)),
      result('autosave-latency-p50', 'ms (p50)', pct(times, 50), `${ref} (p50)`, pct(raw, 50)),
    ];
  },
};
