// Child process for the sealing crash test: opens the data folder, signs both officers in, and
// seals one document. Prints "ready" once signed in and "sealed SEQ" once the seal is committed.
// Kill points (kill-points.ts), in the order the seal passes them:
//   ready                 signed in, the seal not begun (not held: in the checks before the transaction)
//   password-confirmed#n  inside the write that records officer n's confirmed password (before the seal's transaction)
//   seal-row-written      inside the seal's transaction: the seal row written; links, mark, event, audit row not yet
//   before-commit         inside the transaction, every row written (not held: in or just after the commit)
//   committed             committed, not yet acknowledged
//   acknowledged          "sealed" printed, the core still open (not held: in its close or the exit)
// The third argument holds the transaction open that many ms before it commits (the timed rounds).
import { flushCompileCache } from 'node:module';
import { openWithPassword } from '../../core/vault/open-unlocked.ts';
import { silentLog } from '../../protocol/runtime/log.ts';
import { OFFICER_A, OFFICER_B } from './core-fixture.ts';
import { killPointsInDatabase, reached } from './kill-points.ts';

const [dataDir, documentId, holdMs = '0'] = process.argv.slice(2) as [string, string, string?];
const core = await openWithPassword({ dataDir, log: silentLog }, OFFICER_A.certNo, OFFICER_A.password);
// Node writes its compile cache (NODE_COMPILE_CACHE, vitest.config.ts) at exit, which a killed child never reaches.
flushCompileCache();
await core.session.signIn(OFFICER_A.certNo, OFFICER_A.password);
await core.session.signIn(OFFICER_B.certNo, OFFICER_B.password);
killPointsInDatabase(core.db, [
  { point: 'password-confirmed', after: 'UPDATE', table: 'officers' },
  { point: 'seal-row-written', after: 'INSERT', table: 'seals' },
]);
process.stdout.write('ready\n');
reached('ready');
const started = Date.now();
const info = await core.seals.seal(documentId, [OFFICER_A.password, OFFICER_B.password], {
  beforeCommit: () => {
    reached('before-commit');
    const until = Date.now() + Number(holdMs);
    while (Date.now() < until); // inside the transaction: the seal row, the links and the audit row are written, not committed
  },
});
reached('committed');
process.stdout.write(`sealed ${info.seq} after ${Date.now() - started} ms\n`);
reached('acknowledged');
core.close();
