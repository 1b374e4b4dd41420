// evidence-import-1gib: import a 1 GiB file (one read, SHA-256 + SM3, copy into the store,
// fsync, rename, row), against `openssl dgst -sm3` and `sha256sum` on the same file in the same
// run; and the importing process's peak RSS against a bare Node process reading the same file.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../scripts/build.ts';
import { result, type Benchmark } from './harness.ts';

const SIZE = 1024 * 1024 * 1024;

function timed(cmd: string, args: string[]): number {
  const t0 = performance.now();
  execFileSync(cmd, args, { stdio: 'ignore' });
  return performance.now() - t0;
}

function child(args: string[]): { ms: number; maxRssMb: number } {
  const out = execFileSync(process.execPath, [join(ROOT, 'bench', 'evidence-import-child.ts'), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as { ms: number; maxRssMb: number };
}

export const evidenceImport1Gib: Benchmark = {
  name: 'evidence-import-1gib',
  description: 'import a 1 GiB file with SHA-256 + SM3 into the content-addressed store',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'bench-1gib-'));
    const file = join(dir, 'recording.bin');
    try {
      // Random 4 MiB blocks repeated with a counter: incompressible enough, quick to make.
      const fd = openSync(file, 'w');
      const block = randomBytes(4 << 20);
      for (let i = 0; i < SIZE / block.length; i++) {
        block.writeUInt32LE(i, 0);
        writeSync(fd, block);
      }
      closeSync(fd);
      timed('cat', [file]); // warm the page cache for everyone alike
      const sm3 = timed('openssl', ['dgst', '-sm3', file]);
      const sha = timed('sha256sum', [file]);
      const ours = child([file]);
      const bare = child([file, '--bare']);
      return [
        result('evidence-import-1gib', 'ms', ours.ms, 'openssl dgst -sm3 on the same file', sm3),
        result('evidence-import-1gib-vs-sha256sum', 'ms', ours.ms, 'sha256sum on the same file', sha),
        result('evidence-import-1gib-rss', 'MB peak RSS', ours.maxRssMb, 'a bare Node process reading the same file in 1 MiB chunks', bare.maxRssMb),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
