// evidence-import-encrypted: what encrypting evidence at rest costs an import. The same 1 GiB file
// is imported through EvidenceStore.importPath (one read, SHA-256 + SM3, temp file, fsync, rename,
// row) with the app's cipher (chunked AES-256-GCM, protocol/storage/blob-cipher.ts) and with
// identityBlobCipherForBenchmarks (the plaintext stored as it is), in the same run, each import in
// a fresh child process over a fresh data folder (bench/evidence-import-child.ts --cipher …).
// The runs alternate in a balanced order (E I, I E, E I, …; 5 each) so drift in the machine's
// state (page cache, writeback, other load) falls on both alike; each side's figure is its median.
// Each import is one read of the file, two digests (SM3 on a worker), writing 1 GiB and its fsync:
// on a machine where other work takes a core, single runs vary by ±30 %; the CPU time of each
// import (printed) is the steadier cross-check of what the cipher adds.
//
// Throughput in MiB/s: higher is better. ratio = encrypted / unencrypted, so the encryption's
// cost is 1 − ratio (target: under 15 %, i.e. ratio ≥ 0.85).
import { rmSync } from 'node:fs';
import { importChild, makeRecording, SIZE, timed, type ChildResult } from './evidence-import-1gib.ts';
import { median, result, round, type Benchmark } from './harness.ts';

// Pairs in alternating order (E I, I E, …): neither side always goes first.
const ORDER = [
  'aes-gcm',
  'identity',
  'identity',
  'aes-gcm',
  'aes-gcm',
  'identity',
  'identity',
  'aes-gcm',
  'aes-gcm',
  'identity',
] as const;
const MiB = 1024 * 1024;
const mibPerSecond = (r: ChildResult) => SIZE / MiB / (r.ms / 1000);

export const evidenceImportEncrypted: Benchmark = {
  name: 'evidence-import-encrypted',
  description: `import a ${SIZE / MiB / 1024} GiB file encrypted (AES-256-GCM) against the same import storing plaintext, same run (MiB/s, higher is better; encryption cost = 1 − ratio, target < 15 %)`,
  async run() {
    const { dir, file } = makeRecording('bench-enc-');
    try {
      timed('cat', [file]); // the source in the page cache for every run alike
      const runs: Record<(typeof ORDER)[number], number[]> = { 'aes-gcm': [], identity: [] };
      const cpu: Record<(typeof ORDER)[number], number[]> = { 'aes-gcm': [], identity: [] };
      for (const cipher of ORDER) {
        const r = importChild([file, '--cipher', cipher]);
        // Check that each side measured what it claims: ciphertext (header + tags) or the plaintext as it is.
        const want = cipher === 'aes-gcm';
        if (r.encrypted !== want || (want ? r.storedBytes <= SIZE : r.storedBytes !== SIZE)) {
          throw new Error(`${cipher}: stored ${r.storedBytes} bytes, encrypted=${r.encrypted}`);
        }
        runs[cipher].push(mibPerSecond(r));
        console.log(
          `  (${cipher}: ${round(r.ms)} ms, ${round(mibPerSecond(r))} MiB/s, CPU ${round(r.cpuMs)} ms, peak RSS ${round(r.maxRssMb)} MB)`,
        );
        cpu[cipher].push(r.cpuMs);
      }
      const enc = median(runs['aes-gcm']);
      const plain = median(runs.identity);
      // CPU time is less sensitive than wall time to other load on the machine: printed as a cross-check.
      console.log(
        `  (encryption cost: ${round((1 - enc / plain) * 100, 1)} % of throughput; CPU per import ${round(median(cpu['aes-gcm']))} ms vs ${round(median(cpu.identity))} ms)`,
      );
      return [
        result(
          'evidence-import-encrypted',
          'MiB/s (higher is better)',
          enc,
          `the same import storing the plaintext (identity cipher), same file, same run (median of ${runs.identity.length} each, alternating); encryption cost = 1 − ratio`,
          plain,
        ),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
