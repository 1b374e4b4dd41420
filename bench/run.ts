// `npm run bench [-- NAME…]`: runs the benchmarks, prints each figure beside its reference, and
// writes bench-results.json in the project root.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRenderer, rendererIsStale, ROOT } from '../scripts/build.ts';
import type { Benchmark, BenchResult } from './harness.ts';
import { autosaveLatency } from './autosave-latency.ts';
import { evidenceImport1Gib } from './evidence-import-1gib.ts';
import { evidenceImportEncrypted } from './evidence-import-encrypted.ts';
import { hqCasesSearch } from './hq-cases-search.ts';
import { hqIngestConcurrent } from './hq-ingest-concurrent.ts';
import { inquiryOpen300 } from './inquiry-open-300.ts';
import { pdfEvidenceList200, pdfInquiry20p } from './pdf-documents.ts';
import { signCaptureRoundtrip } from './sign-capture-roundtrip.ts';
import { seal1000, verifyChain10000 } from './seal-benches.ts';
import { startupWebShell } from './startup-web-shell.ts';
import { sync1000Docs1Gib } from './sync-1000-docs-1gib.ts';

const ALL: Benchmark[] = [
  startupWebShell,
  inquiryOpen300,
  autosaveLatency,
  evidenceImport1Gib,
  evidenceImportEncrypted,
  pdfInquiry20p,
  pdfEvidenceList200,
  signCaptureRoundtrip,
  seal1000,
  verifyChain10000,
  sync1000Docs1Gib,
  hqIngestConcurrent,
  hqCasesSearch,
];

const wanted = process.argv.slice(2);
const chosen = wanted.length ? ALL.filter((b) => wanted.includes(b.name)) : ALL;
const unknown = wanted.filter((w) => !ALL.some((b) => b.name === w));
if (unknown.length) {
  console.error(`no such benchmark: ${unknown.join(', ')} (known: ${ALL.map((b) => b.name).join(', ')})`);
  process.exit(2);
}
if (rendererIsStale()) await buildRenderer();

const results: BenchResult[] = [];
for (const b of chosen) {
  console.log(`• ${b.name}: ${b.description}`);
  for (const r of await b.run()) {
    results.push(r);
    console.log(
      `  ${r.name}: ${r.value} ${r.unit}  vs ${r.reference}: ${r.referenceValue} ${r.unit}  → ratio ${r.ratio}`,
    );
  }
}
writeFileSync(join(ROOT, 'bench-results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`wrote bench-results.json (${results.length} results)`);
