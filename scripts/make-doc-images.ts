// Renders the first page of each printed document type (and the 电子数据清单 page) to
// docs/images/ for the README: `node scripts/node24.mjs scripts/make-doc-images.ts`. Uses the same
// fixtures as the golden tests, so the pictures show what the tests check.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PdfService } from '../protocol/print/pdf-service.ts';
import { printable } from '../tests/support/print-fixtures.ts';

const out = join(import.meta.dirname, '..', 'docs', 'images');
mkdirSync(out, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'doc-images-'));
const pdf = new PdfService();
const shots: [string, ReturnType<typeof printable>, number][] = [
  ['pdf-inquiry', printable('inquiry'), 1],
  ['pdf-onsite', printable('onsite'), 1],
  ['pdf-evidence', printable('evidence'), 1],
  ['pdf-evidence-list', printable('evidence'), 0], // 0: the last page, the 电子数据清单
  ['pdf-preservation', printable('preservation'), 1],
  ['pdf-preservation-notice', printable('preservation'), 0],
  ['pdf-inquiry-draft', printable('inquiry', { draft: true }), 1],
];
for (const [name, doc, page] of shots) {
  const printed = await pdf.print(doc);
  const file = join(tmp, `${name}.pdf`);
  writeFileSync(file, printed.bytes);
  const p = String(page || printed.pages);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', p, '-l', p, '-singlefile', file, join(tmp, name)]);
  renameSync(join(tmp, `${name}.png`), join(out, `${name}.png`));
  console.log(`docs/images/${name}.png`);
}
rmSync(tmp, { recursive: true, force: true });
