// Child process for the evidence crash test: imports a file again and again (each time as a new
// file name with one changed byte, so each is a new blob) and prints `ack ID SHA256` after each
// import returns (and `ready` once the data folder is open). The parent kills it with SIGKILL.
// Kill points (kill-points.ts), in the order an import passes them (`#2`: in the second import):
//   ready                  the data folder open, no import begun
//   temp-created           the encrypted temp file created, empty
//   temp-half-written      half of the file's bytes encrypted into the temp file
//   temp-fsynced           the temp file whole and fsynced, not yet renamed
//   renamed                the blob in place under its name, its folder not yet fsynced; no row
//   blob-folder-fsynced    the blob durable; no row
//   in-transaction         the row written, not committed (not held: in or just after the commit)
//   committed              committed, not yet acknowledged
//   acknowledged           `ack` printed, the next import not begun
import { closeSync, copyFileSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { flushCompileCache } from 'node:module';
import { join } from 'node:path';
import { killPointsInFs, reached } from './kill-points.ts';

const [dataDir, caseId, source, officer] = process.argv.slice(2) as [string, string, string, string];
const half = statSync(source).size / 2;
let written = 0;
// Installed before the core is imported, so that its file-system calls pass through them.
killPointsInFs({
  opened: (path) => {
    if (path.endsWith('.part')) {
      written = 0;
      reached('temp-created');
    }
  },
  written: (path, bytes) => {
    if (!path.endsWith('.part')) return;
    if (written < half && written + bytes >= half) reached('temp-half-written');
    written += bytes;
  },
  fsynced: (path) => {
    if (path.endsWith('.part')) reached('temp-fsynced');
    else if (path.includes('/evidence/blobs/')) reached('blob-folder-fsynced');
  },
  renamed: (from) => {
    if (from.endsWith('.part')) reached('renamed');
  },
});
const { openWithPassword } = await import('../../core/vault/open-unlocked.ts');
const { silentLog } = await import('../../protocol/runtime/log.ts');
const { OFFICER_A } = await import('./core-fixture.ts');

const core = await openWithPassword({ dataDir, log: silentLog }, OFFICER_A.certNo, OFFICER_A.password);
// Node writes its compile cache (NODE_COMPILE_CACHE, vitest.config.ts) at exit, which a killed child never reaches.
flushCompileCache();
// The copies live beside the data folder; the test removes that folder.
const copies = `${dataDir}-imports`;
mkdirSync(copies, { recursive: true });
process.stdout.write('ready\n');
reached('ready');
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
    alsoInTransaction: () => reached('in-transaction'),
  });
  reached('committed');
  process.stdout.write(`ack ${item.id} ${item.sha256}\n`);
  reached('acknowledged');
  rmSync(path);
}
