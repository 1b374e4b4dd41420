// autosave-latency: per-change save latency as the renderer sees it (HTTP to the web shell,
// validation, one transaction, completeness), for a 50-pair inquiry. Reference: a bare SQLite
// UPDATE of the same bytes with the same durability (WAL, synchronous=FULL), same run.
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startShell } from '../tests/e2e/support/web-shell-process.ts';
import { dataFolderWithInquiry } from './fixtures.ts';
import { result, type Benchmark } from './harness.ts';

const SAVES = 300;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export const autosaveLatency: Benchmark = {
  name: 'autosave-latency',
  description: `${SAVES} sequential autosaves of a 50-pair 询问笔录 through the web shell`,
  async run() {
    const fx = await dataFolderWithInquiry(50);
    const shell = await startShell(fx.dir);
    const url = new URL(shell.url);
    const token = url.hash.replace('#token=', '');
    const call = async (name: string, arg: unknown) => {
      const r = await fetch(`${url.origin}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-token': token }, body: JSON.stringify(arg) });
      return (await r.json()) as { ok: boolean; value: { revision: number } };
    };
    const times: number[] = [];
    let bytes = 0;
    try {
      // The session is per core: sign both officers in over the API, as the renderer would.
      for (const o of [
        { certNo: '45020019001', password: 'demo2026a' },
        { certNo: '45020019002', password: 'demo2026b' },
      ])
        await call('session.signIn', o);
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
    }
    // Reference: the same bytes, UPDATEd in a bare table with the same pragmas.
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'bench-raw-')), 'raw.db'));
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
    const ref = `bare SQLite UPDATE of the same ${bytes} bytes, WAL + synchronous=FULL`;
    return [result('autosave-latency', 'ms (p99)', pct(times, 99), `${ref} (p99)`, pct(raw, 99)), result('autosave-latency-p50', 'ms (p50)', pct(times, 50), `${ref} (p50)`, pct(raw, 50))];
  },
};
