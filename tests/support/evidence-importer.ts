// Child process for the evidence crash test: imports a file again and again (each time as a new
// file name with one changed byte, so each is a new blob) and prints `ack ID SHA256` after each
// import returns (and `ready` once the data folder is open). The parent kills it at a random moment.
import { copyFileSync, openSync, writeSync, closeSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openWithPassword } from '../../core/vault/open-unlocked.ts';
import { OFFICER_A } from './core-fixture.ts';
import { silentLog } from '../../protocol/runtime/log.ts';

const [dataDir, caseId, source, officer] = process.argv.slice(2) as [string, string, string, string];
const core = await openWithPassword({ dataDir, log: silentLog }, OFFICER_A.certNo, OFFICER_A.password);
// The copies live beside the data folder; the test removes that folder.
const copies = `${dataDir}-imports`;
mkdirSync(copies, { recursive: true });
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const path = join(copies, `import-${process.pid}-${i}.bin`);
  copyFileSync(source, path);
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.from(`${process.pid}-${i}`), 0, undefined, 0);
  closeSync(fd);
  const item = await core.evidence.importPath(path, {
    caseId,
    officerIds: [officer],
    meta: {
      category: '录屏',
      description: '',
      source: path,
      method: '复制',
      timeSourceNote: '',
      provider: { name: '', idNumber: '', statement: false },
      original: true,
      copy: { method: '', madeAt: '', madeBy: '' },
    },
  });
  process.stdout.write(`ack ${item.id} ${item.sha256}\n`);
  rmSync(path);
}
