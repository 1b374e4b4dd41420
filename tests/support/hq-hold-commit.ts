// Child process for the HQ crash test: HQ's server as scripts/hq.ts serves it, with the ingest's
// test hook set. Inside each commit transaction (one seal, or a batch) — after every row is
// written, before the commit — it prints `committing N` (N counts commits); at commit HOLD it then busy-waits HOLD_MS
// milliseconds, still inside the transaction, so that the parent's kill lands there.
//   node tests/support/hq-hold-commit.ts DATA_DIR PORT HOLD HOLD_MS [DB_URL]   (prints `hq ready: URL`)
// The master key from HQ_PASSPHRASE, as the HQ processes of the tests.
import { openHq } from '../../hq/hq-app.ts';
import { startHqServer } from '../../hq/http/hq-server.ts';

const [dataDir, port, hold, holdMs, db] = process.argv.slice(2) as [string, string, string, string, string?];
const hq = await openHq({ dataDir, key: { passphrase: process.env.HQ_PASSPHRASE ?? '' }, ...(db ? { db } : {}) });
let commits = 0;
hq.ingest.beforeCommit = () => {
  commits++;
  process.stdout.write(`committing ${commits}\n`); // a pipe: written synchronously
  if (commits === Number(hold)) {
    const until = Date.now() + Number(holdMs);
    while (Date.now() < until); // the seal's rows are written, not committed
  }
};
const server = await startHqServer({ hq, port: Number(port), log: () => {} });
process.stdout.write(`hq ready: ${server.url}\n`);
