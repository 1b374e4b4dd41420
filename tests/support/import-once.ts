// Child process for tests that need the import to run with other rights than the test's own (a
// root test runner cannot make a file unreadable to itself): opens the data folder as officer A,
// imports one file by path into a 电子取证工作记录 as the app's import does, and prints the outcome
// as one JSON line: {"ok":true,"id":…} or {"ok":false,"kind":…,"message":…}.
import { openWithPassword } from '../../core/vault/open-unlocked.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { silentLog } from '../../protocol/runtime/log.ts';
import { OFFICER_A } from './core-fixture.ts';

const [dataDir, caseId, documentId, path, officer] = process.argv.slice(2) as [string, string, string, string, string];
const core = await openWithPassword({ dataDir, log: silentLog }, OFFICER_A.certNo, OFFICER_A.password);
try {
  const item = await core.evidence.importPath(path, {
    caseId,
    officerIds: [officer],
    meta: { category: '截图' },
    alsoInTransaction: (it) => core.documents.appendEvidence(documentId, it, core.clock.now()),
  });
  process.stdout.write(`${JSON.stringify({ ok: true, id: item.id })}\n`);
} catch (e) {
  process.stdout.write(
    `${JSON.stringify(e instanceof CoreError ? { ok: false, kind: e.kind, message: e.message } : { ok: false, kind: 'thrown', message: String(e) })}\n`,
  );
} finally {
  core.close();
}
