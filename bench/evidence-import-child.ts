// Child of the evidence-import benchmarks: imports FILE into a fresh data folder and prints its
// time, CPU time (all its threads), peak RSS and the size of the stored blob file as JSON; the data folder is removed after.
//   FILE                   the app's import: the core's own evidence store (encrypted)
//   FILE --cipher aes-gcm  a second evidence store over the same core, with the app's cipher
//   FILE --cipher identity the same, storing the plaintext (identityBlobCipherForBenchmarks)
//   FILE --bare            no import: only reads FILE in the same 1 MiB chunks
// The two --cipher modes build their store the same way, so that they differ only in the cipher.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dataFolderWithInquiry } from './fixtures.ts';
import { openWithPassword } from '../core/vault/open-unlocked.ts';
import { DEMO_OFFICERS } from '../scripts/demo-data.ts';
import { silentLog } from '../core/log.ts';
import { identityBlobCipherForBenchmarks } from '../core/evidence/blob-cipher.ts';
import { EvidenceStore, readChunks } from '../core/evidence/evidence-store.ts';

const [file, mode, cipherName] = process.argv.slice(2) as [string, string | undefined, string | undefined];
let ms: number;
let cpuMs = 0;
let storedBytes = 0;
let encrypted: boolean | null = null;
if (mode === '--bare') {
  const t0 = performance.now();
  for await (const chunk of readChunks(file)) void chunk;
  ms = performance.now() - t0;
} else {
  if (mode !== undefined && !(mode === '--cipher' && (cipherName === 'aes-gcm' || cipherName === 'identity'))) throw new Error(`unknown mode: ${mode} ${cipherName ?? ''}`);
  const fx = await dataFolderWithInquiry(1);
  try {
    const core = await openWithPassword({ dataDir: fx.dir, log: silentLog }, DEMO_OFFICERS[0]!.certNo, DEMO_OFFICERS[0]!.password);
    const store =
      mode === undefined
        ? core.evidence
        : new EvidenceStore({
            db: core.db,
            clock: core.clock,
            log: silentLog,
            dataDir: core.dataDir,
            masterKey: core.keys.evidenceKey(),
            ...(cipherName === 'identity' ? { blobCipherForBenchmarks: identityBlobCipherForBenchmarks } : {}),
          });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const item = await store.importPath(file, {
      caseId: fx.caseId,
      officerIds: [],
      meta: { category: '录屏', description: '', source: file, method: '复制', timeSourceNote: '', provider: { name: '', idNumber: '', statement: false }, original: true, copy: { method: '', madeAt: '', madeBy: '' } },
    });
    ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    cpuMs = (cpu.user + cpu.system) / 1000;
    storedBytes = statSync(store.blobs.pathOf(item.sha256)).size;
    encrypted = store.blobs.cipher.encrypted;
    core.close();
  } finally {
    rmSync(fx.dir, { recursive: true, force: true }); // a 1 GiB blob per run otherwise stays in the temp folder
  }
}
/**
 * Peak RSS of this program. Linux keeps getrusage's ru_maxrss across execve, so a child would
 * report the peak of the parent it was forked from; VmHWM starts afresh with the new program.
 */
function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
process.stdout.write(JSON.stringify({ ms, cpuMs, maxRssMb: peakRssMb(), storedBytes, encrypted }) + '\n');
