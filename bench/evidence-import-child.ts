// Child of the evidence-import benchmarks: imports FILE into a fresh data folder and prints its
// time, CPU time (all its threads), peak RSS during the import and the size of the stored blob file
// as JSON; the data folder is removed after.
//   FILE                   the app's import: evidence.beginImport through the API (two officers
//                          signed in, a 电子取证工作记录 to fill), then runImport with the ticket, as
//                          both shells do — the item, its 清单 row, procedure step, case event and
//                          audit entry in one transaction. Left out: only the transport that
//                          brings the bytes (the web shell's HTTP body, the desktop's IPC chunks);
//                          here they are the file read in the same 1 MiB chunks (readChunks).
//   FILE --cipher aes-gcm  a second evidence store over the same core, with the app's cipher (importPath)
//   FILE --cipher identity the same, storing the plaintext (identityBlobCipherForBenchmarks)
//   FILE --bare            no import: only reads FILE in the same 1 MiB chunks
// The two --cipher modes build their store the same way, so that they differ only in the cipher.
// BENCH_SM3_WORKER=path runs the SM3 worker from that file: the parent passes the bundled worker,
// as the desktop app runs it (from source, Node's type stripping adds ~17 MB to the worker).
// The peak RSS is measured from the start of the import: the set-up before it (opening the data
// folder, signing in, whose scrypt alone peaks at ~210 MB) is not the import's.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { dataFolderWithInquiry } from './fixtures.ts';
import { openWithPassword } from '../core/vault/open-unlocked.ts';
import { DEMO_OFFICERS } from '../scripts/demo-data.ts';
import { silentLog } from '../protocol/runtime/log.ts';
import { dispatch } from '../core/api/dispatch.ts';
import { identityBlobCipherForBenchmarks } from '../protocol/storage/blob-cipher.ts';
import { sm3Worker } from '../protocol/crypto/dual-digest.ts';
import { EvidenceStore, readChunks } from '../core/evidence/evidence-store.ts';
import { runImport } from '../core/evidence/run-import.ts';
import type { CallName } from '../shared/api/call-names.ts';
import type { CallInput, CallOutput } from '../shared/api/contract.ts';

if (process.env.BENCH_SM3_WORKER) sm3Worker.url = pathToFileURL(process.env.BENCH_SM3_WORKER);

/**
 * Starts the peak-RSS count afresh (Linux: writing 5 to clear_refs resets VmHWM to the current
 * RSS). Returns false where that is not possible: the peak then includes the set-up.
 */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
function rssMb(): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage.rss() / 1024 / 1024;
}

const [file, mode, cipherName] = process.argv.slice(2) as [string, string | undefined, string | undefined];
let ms: number;
let cpuMs = 0;
let storedBytes = 0;
let encrypted: boolean | null = null;
let peakReset: boolean;
let startRssMb: number;
if (mode === '--bare') {
  peakReset = resetPeak();
  startRssMb = rssMb();
  const t0 = performance.now();
  for await (const chunk of readChunks(file)) void chunk;
  ms = performance.now() - t0;
} else {
  if (mode !== undefined && !(mode === '--cipher' && (cipherName === 'aes-gcm' || cipherName === 'identity')))
    throw new Error(`unknown mode: ${mode} ${cipherName ?? ''}`);
  const fx = await dataFolderWithInquiry(1);
  try {
    const core = await openWithPassword(
      { dataDir: fx.dir, log: silentLog },
      DEMO_OFFICERS[0]!.certNo,
      DEMO_OFFICERS[0]!.password,
    );
    const meta = {
      category: '录屏',
      description: '',
      source: file,
      method: '复制',
      timeSourceNote: '',
      provider: { name: '', idNumber: '', statement: false },
      original: true,
      copy: { method: '', madeAt: '', madeBy: '' },
    } as const;
    let store: EvidenceStore = core.evidence;
    let run: () => Promise<{ sha256: string }>;
    if (mode === undefined) {
      const must = async <K extends CallName>(name: K, arg: CallInput<K>) => {
        const r = await dispatch(core, name, arg);
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
        return r.value as CallOutput<K>;
      };
      for (const o of DEMO_OFFICERS.slice(0, 2))
        await must('session.signIn', { certNo: o.certNo, password: o.password });
      const doc = await must('documents.create', { caseId: fx.caseId, type: 'evidence' });
      const { ticket } = await must('evidence.beginImport', {
        caseId: fx.caseId,
        documentId: doc.id,
        fileName: 'recording.bin',
        sizeBytes: statSync(file).size,
        meta,
      });
      run = async () => {
        const r = await runImport(core, ticket, readChunks(file));
        if (!r.ok) throw new Error(`import: ${r.error.message}`);
        return r.value;
      };
    } else {
      store = new EvidenceStore({
        db: core.db,
        clock: core.clock,
        log: silentLog,
        dataDir: core.dataDir,
        masterKey: core.keys.evidenceKey(),
        sealedEvidence: () => core.seals.evidenceSha256s(),
        ...(cipherName === 'identity' ? { blobCipherForBenchmarks: identityBlobCipherForBenchmarks } : {}),
      });
      run = () => store.importPath(file, { caseId: fx.caseId, officerIds: [], meta });
    }
    peakReset = resetPeak();
    startRssMb = rssMb();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const item = await run();
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
 * Peak RSS of this program since resetPeak (or since it started). Linux keeps getrusage's ru_maxrss across execve, so a child would
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
process.stdout.write(
  JSON.stringify({ ms, cpuMs, maxRssMb: peakRssMb(), startRssMb, peakReset, storedBytes, encrypted }) + '\n',
);
