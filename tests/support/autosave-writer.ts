// Child process for the autosave crash test: saves a document again and again and prints
// `ack REVISION` after each save returns. The parent kills it with SIGKILL.
// The content of revision r is a pure function of r, so the parent can tell a whole save from a torn one.
// Kill points (kill-points.ts; `#n`: in the n-th save of this process):
//   row-updated     inside the save's transaction, the row rewritten, not committed (not held: in or just after the commit)
//   acknowledged    `ack` printed, the next save not begun
import { flushCompileCache } from 'node:module';
import { openWithPassword } from '../../core/vault/open-unlocked.ts';
import { OFFICER_A } from './core-fixture.ts';
import { silentLog } from '../../protocol/runtime/log.ts';
import { killPointsInDatabase, reached } from './kill-points.ts';

export function contentFor(base: Record<string, unknown>, revision: number): Record<string, unknown> {
  const n = (revision % 40) + 1;
  return {
    ...base,
    place: `r${revision}`,
    qa: Array.from({ length: n }, (_, i) => ({
      id: `q${i}`,
      q: `第${i + 1}问（版本${revision}）`,
      a: `回答${'𠮷'.repeat(i % 7)}（版本${revision}）`,
    })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dataDir, docId] = process.argv.slice(2) as [string, string];
  const core = await openWithPassword({ dataDir, log: silentLog }, OFFICER_A.certNo, OFFICER_A.password);
  // Node writes its compile cache (NODE_COMPILE_CACHE, vitest.config.ts) at exit, which a killed child never reaches.
  flushCompileCache();
  killPointsInDatabase(core.db, [{ point: 'row-updated', after: 'UPDATE', table: 'documents' }]);
  let doc = core.documents.get(docId);
  let revision = doc.revision;
  for (;;) {
    revision = core.documents.save(docId, revision, contentFor(doc.content, revision + 1)).revision;
    process.stdout.write(`ack ${revision}\n`);
    reached('acknowledged');
    if (revision % 25 === 0) doc = core.documents.get(docId);
  }
}
