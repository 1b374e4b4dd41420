// Child process for the sealing crash test: opens the data folder, signs both officers in, and
// seals one document — holding the transaction open for a while before it commits, so that a kill
// can land inside it. Prints "sealed SEQ" when the seal is committed.
import { openWithPassword } from '../../core/vault/open-unlocked.ts';
import { silentLog } from '../../protocol/runtime/log.ts';
import { OFFICER_A, OFFICER_B } from './core-fixture.ts';

const [dataDir, documentId, holdMs] = process.argv.slice(2) as [string, string, string];
const core = await openWithPassword({ dataDir, log: silentLog }, OFFICER_A.certNo, OFFICER_A.password);
await core.session.signIn(OFFICER_A.certNo, OFFICER_A.password);
await core.session.signIn(OFFICER_B.certNo, OFFICER_B.password);
process.stdout.write('ready\n');
const started = Date.now();
const info = await core.seals.seal(documentId, [OFFICER_A.password, OFFICER_B.password], {
  beforeCommit: () => {
    const until = Date.now() + Number(holdMs);
    while (Date.now() < until); // inside the transaction: the seal row, the links and the audit row are written, not committed
  },
});
process.stdout.write(`sealed ${info.seq} after ${Date.now() - started} ms\n`);
core.close();
