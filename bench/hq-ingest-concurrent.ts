// hq-ingest-concurrent: 50 devices sync 100 sealed documents each, all at once, into a real HQ
// process (scripts/hq.ts) on PostgreSQL over loopback — documents per second, against one device
// alone syncing its 100 into a fresh HQ the same way. Every device is a real device core with its
// own enrolled keys, running its own SyncService (so the benchmark sends whatever sync sends: seal
// by seal today, batched once sync batches), each seal verified by HQ in full. Zero errors
// asserted: every run ok, every document receipted, HQ holds every seal and raises no flag. HQ's
// peak memory (VmHWM of its process) is reported as a companion result.
//
// The PostgreSQL cluster is a throw-away one (tests/support/postgres.ts) run with its durability
// settings on (fsync, synchronous commit), as a deployment runs it. HQ's pool is its default.
//
// Preparing a device (100 documents made, signed and sealed through its core) takes ~30 s, so the
// devices' data folders are kept in .bench-cache/ (git-ignored), keyed by the device schema and the
// sizes; each run syncs copies. Sized by HQ_INGEST_DEVICES (50) and HQ_INGEST_DOCS (100).
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { AppCore } from '../core/app-core.ts';
import { openWithPassword } from '../core/vault/open-unlocked.ts';
import { silentLog } from '../protocol/runtime/log.ts';
import { ROOT } from '../scripts/build.ts';
import { OFFICER_A } from '../tests/support/core-fixture.ts';
import { startTestPostgres, type TestPostgres } from '../tests/support/postgres.ts';
import { hqCli, startHq, type HqProcess } from '../tests/support/sync-fixture.ts';
import { result, round, type Benchmark, type BenchResult } from './harness.ts';
import { copyTree, deviceSchemaKey, prepareDevice, type Config } from './sync-1000-docs-1gib.ts';

const FORMAT = 1;
const CACHE = join(ROOT, '.bench-cache');

function sizes(): { devices: number; docs: number } {
  const devices = Number(process.env.HQ_INGEST_DEVICES ?? 50);
  const docs = Number(process.env.HQ_INGEST_DOCS ?? 100);
  if (!(Number.isInteger(devices) && devices >= 1)) throw new Error('HQ_INGEST_DEVICES: a whole number ≥ 1');
  if (!(Number.isInteger(docs) && docs >= 10)) throw new Error('HQ_INGEST_DOCS: a whole number ≥ 10');
  return { devices, docs };
}

/** Each device: `docs` documents, half 电子取证工作记录, five of them with a 200 KiB evidence file. */
const deviceConfig = (docs: number): Config => ({ docs, bytes: 5 * 200 * 1024, files: 5 });

/** The prepared devices' data folders (each made once, kept in .bench-cache/). */
async function cachedDevices(devices: number, docs: number): Promise<string[]> {
  const root = join(CACHE, `ingest-v${FORMAT}-${deviceSchemaKey()}-${docs}docs`);
  const dirs: string[] = [];
  for (let i = 0; i < devices; i++) {
    const dir = join(root, `device-${String(i).padStart(3, '0')}`);
    if (!existsSync(join(dir, 'prepared.json'))) {
      const t0 = performance.now();
      const building = `${dir}.building-${process.pid}`;
      rmSync(building, { recursive: true, force: true });
      await prepareDevice(join(building, 'device'), deviceConfig(docs));
      writeFileSync(join(building, 'prepared.json'), JSON.stringify({ ms: Math.round(performance.now() - t0) }) + '\n');
      rmSync(dir, { recursive: true, force: true });
      renameSync(building, dir);
      console.log(`    device ${i + 1}/${devices} prepared in ${round((performance.now() - t0) / 1000, 1)} s`);
    }
    dirs.push(join(dir, 'device'));
  }
  return dirs;
}

async function createDatabase(server: TestPostgres, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: server.adminUrl });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  const u = new URL(server.adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** HQ's peak resident memory so far (VmHWM), in MiB. */
function peakRssMiB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error('VmHWM not found in /proc/PID/status');
  return Number(m[1]) / 1024;
}

interface Run {
  ms: number;
  documents: number;
  peakMiB: number;
}

/**
 * A fresh HQ (its own database) and copies of `deviceDirs` enrolled at it; then every device's
 * sync at once, timed from the first request to the last receipt stored.
 */
async function syncAtOnce(server: TestPostgres, deviceDirs: string[], docs: number, tag: string): Promise<Run> {
  const work = mkdtempSync(join(tmpdir(), `bench-ingest-${tag}-`));
  const url = await createDatabase(server, `ingest_${tag}_${process.pid}`);
  const hqDir = join(work, 'hq');
  let hq: HqProcess | null = null;
  const cores: AppCore[] = [];
  try {
    hq = await startHq(hqDir, ['--db', url]);
    for (const [i, from] of deviceDirs.entries()) {
      const dir = join(work, `device-${i}`);
      copyTree(from, dir, false);
      const core = await openWithPassword({ dataDir: dir, log: silentLog }, OFFICER_A.certNo, OFFICER_A.password);
      cores.push(core);
      const code = hqCli(hqDir, ['code', '--note', `基准终端${i}`, '--prefix', `基准${i}案`, '--db', url]);
      if (code.status !== 0) throw new Error(`hq code: ${code.stderr}`);
      await core.sync.enroll(hq.url, code.stdout.trim());
      if (core.sync.outboxRows().length !== docs) throw new Error(`device ${i}: outbox is not ${docs} documents`);
    }
    const t0 = performance.now();
    const outcomes = await Promise.all(cores.map((c) => c.sync.run()));
    const ms = performance.now() - t0;
    const peakMiB = peakRssMiB(hq.proc.pid!);
    const failed = outcomes.map((o, i) => ({ o, i })).filter(({ o }) => !o.ok);
    if (failed.length)
      throw new Error(
        `${failed.length} device(s) failed: ${failed
          .slice(0, 3)
          .map(({ o, i }) => `device ${i}: ${o.kind}: ${o.message}`)
          .join('; ')}`,
      );
    for (const [i, c] of cores.entries())
      if (c.sync.status().receipted !== docs) throw new Error(`device ${i}: ${c.sync.status().receipted} receipts`);
    // HQ's side: every seal held, no flag raised (序号冲突, 缺口, 核验未通过 …).
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    try {
      const seals = Number((await check.query('SELECT count(*) AS n FROM seals')).rows[0].n);
      const flags = Number((await check.query('SELECT count(*) AS n FROM flags')).rows[0].n);
      if (seals !== docs * cores.length || flags !== 0)
        throw new Error(`HQ holds ${seals} seals (expected ${docs * cores.length}) and ${flags} flags (expected 0)`);
    } finally {
      await check.end();
    }
    return { ms, documents: docs * cores.length, peakMiB };
  } finally {
    for (const c of cores) c.close();
    await hq?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

export const hqIngestConcurrent: Benchmark = {
  name: 'hq-ingest-concurrent',
  description:
    'HQ_INGEST_DEVICES (50) devices syncing HQ_INGEST_DOCS (100) sealed documents each at once into a real HQ process on PostgreSQL, against one device alone',
  async run(): Promise<BenchResult[]> {
    const { devices, docs } = sizes();
    const dirs = await cachedDevices(devices, docs);
    const server = await startTestPostgres({ durable: true });
    try {
      const alone = await syncAtOnce(server, dirs.slice(0, 1), docs, 'alone');
      const all = await syncAtOnce(server, dirs, docs, 'all');
      const rate = (r: Run) => r.documents / (r.ms / 1000);
      console.log(
        `  one device: ${alone.documents} documents in ${round(alone.ms / 1000, 1)} s (${round(rate(alone))}/s), HQ peak ${round(alone.peakMiB)} MiB; ` +
          `${devices} devices at once: ${all.documents} documents in ${round(all.ms / 1000, 1)} s (${round(rate(all))}/s), 0 errors, HQ peak ${round(all.peakMiB)} MiB`,
      );
      return [
        result(
          'hq-ingest-concurrent',
          'documents/s (higher is better)',
          rate(all),
          `one device alone syncing its ${docs} documents into a fresh HQ`,
          rate(alone),
        ),
        result(
          'hq-ingest-concurrent-memory',
          'MiB (HQ process peak RSS)',
          all.peakMiB,
          'HQ peak RSS with one device syncing',
          alone.peakMiB,
        ),
      ];
    } finally {
      server.stop();
    }
  },
};
