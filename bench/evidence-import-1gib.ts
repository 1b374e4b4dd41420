// evidence-import-1gib: import a 1 GiB file (one read, SHA-256 + SM3, encrypted into the store,
// fsync, rename, row), against `openssl dgst -sm3` and `sha256sum` on the same file in the same
// run; and the importing process's peak RSS during the import against a bare Node process (the
// same modules loaded) reading the same file. The import is the app's (bench/evidence-import-child.ts
// says what it leaves out), with the SM3 worker bundled as the desktop app runs it.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../scripts/build.ts';
import { result, round, type Benchmark } from './harness.ts';

export const SIZE = 1024 * 1024 * 1024;

export function timed(cmd: string, args: string[]): number {
  const t0 = performance.now();
  execFileSync(cmd, args, { stdio: 'ignore' });
  return performance.now() - t0;
}

export interface ChildResult {
  ms: number;
  /** CPU time of the import, user + system, all threads of the child (0 with --bare). */
  cpuMs: number;
  maxRssMb: number;
  /** Size of the stored blob file (0 with --bare). */
  storedBytes: number;
  /** Whether the store that took the import encrypts (null with --bare). */
  encrypted: boolean | null;
  /** RSS when the import began (the app loaded and set up). */
  startRssMb: number;
  /** Whether maxRssMb counts from the import's start (Linux) or from the process's start. */
  peakReset: boolean;
}

/**
 * The SM3 worker bundled into `dir` as `npm run build` bundles it for the desktop app (a plain
 * .mjs file): run from source, Node's type stripping alone adds ~17 MB to the worker thread.
 */
export async function bundledSm3Worker(dir: string): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(dir, 'sm3-worker.mjs');
  await build({
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    logLevel: 'warning',
    entryPoints: [join(ROOT, 'protocol', 'crypto', 'sm3-worker.ts')],
    outfile,
  });
  return outfile;
}

/** Runs bench/evidence-import-child.ts (a fresh process per measurement: see that file for the modes). */
export function importChild(args: string[], sm3WorkerFile?: string): ChildResult {
  const env = sm3WorkerFile ? { ...process.env, BENCH_SM3_WORKER: sm3WorkerFile } : process.env;
  const out = execFileSync(process.execPath, [join(ROOT, 'bench', 'evidence-import-child.ts'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    env,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
}

/** A file of `size` bytes in a new temp folder: random 4 MiB blocks repeated with a counter (incompressible enough, quick to make). */
export function makeRecording(prefix: string, size = SIZE): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'recording.bin');
  const fd = openSync(file, 'w');
  try {
    const block = randomBytes(4 << 20);
    for (let i = 0; i < size / block.length; i++) {
      block.writeUInt32LE(i, 0);
      writeSync(fd, block);
    }
  } finally {
    closeSync(fd);
  }
  return { dir, file };
}

export const evidenceImport1Gib: Benchmark = {
  name: 'evidence-import-1gib',
  description: 'import a 1 GiB file with SHA-256 + SM3 into the (encrypted) content-addressed store',
  async run() {
    const { dir, file } = makeRecording('bench-1gib-');
    try {
      timed('cat', [file]); // warm the page cache for everyone alike
      const sm3 = timed('openssl', ['dgst', '-sm3', file]);
      const sha = timed('sha256sum', [file]);
      const worker = await bundledSm3Worker(dir);
      const ours = importChild([file], worker);
      if (ours.encrypted !== true) throw new Error("the app's evidence store did not encrypt");
      const bare = importChild([file, '--bare']);
      console.log(
        `  (RSS when the import began ${round(ours.startRssMb)} MB; peak ${ours.peakReset ? "counted from the import's start" : 'INCLUDES the set-up (VmHWM could not be reset)'})`,
      );
      return [
        result('evidence-import-1gib', 'ms', ours.ms, 'openssl dgst -sm3 on the same file', sm3),
        result('evidence-import-1gib-vs-sha256sum', 'ms', ours.ms, 'sha256sum on the same file', sha),
        result(
          'evidence-import-1gib-rss',
          'MB peak RSS',
          ours.maxRssMb,
          'a bare Node process (same modules loaded) reading the same file in 1 MiB chunks',
          bare.maxRssMb,
        ),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
