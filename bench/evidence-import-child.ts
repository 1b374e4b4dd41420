// Child of the evidence-import benchmark: imports FILE into a fresh data folder (or, with
// --bare, only reads it in the same 1 MiB chunks) and prints its time and peak RSS as JSON.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dataFolderWithInquiry } from './fixtures.ts';
import { openCore } from '../core/app-core.ts';
import { silentLog } from '../core/log.ts';
import { readChunks } from '../core/evidence/evidence-store.ts';

const [file, mode] = process.argv.slice(2) as [string, string | undefined];
let ms: number;
if (mode === '--bare') {
  const t0 = performance.now();
  for await (const chunk of readChunks(file)) void chunk;
  ms = performance.now() - t0;
} else {
  const fx = await dataFolderWithInquiry(1);
  const core = openCore({ dataDir: fx.dir, log: silentLog });
  const t0 = performance.now();
  await core.evidence.importPath(file, {
    caseId: fx.caseId,
    officerIds: [],
    meta: { category: '录屏', description: '', source: file, method: '复制', timeSourceNote: '', provider: { name: '', idNumber: '', statement: false }, original: true, copy: { method: '', madeAt: '', madeBy: '' } },
  });
  ms = performance.now() - t0;
  core.close();
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
process.stdout.write(JSON.stringify({ ms, maxRssMb: peakRssMb() }) + '\n');
