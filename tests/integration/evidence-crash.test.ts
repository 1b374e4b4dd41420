// A process importing evidence is killed with SIGKILL at each step of an import. After each
// restart: no temp file, no unreferenced blob, no row without its blob, every acknowledged import
// present, and re-verification of everything passes.
//
// Where the kills land (one child process per round; each round's imports stay for the next):
//   before: 30 rounds killed at random moments 0–900 ms after the data folder was open (every fifth
//     round 0–900 ms after the first acknowledged import). With an 8 MiB file, most kills fell
//     while the temp file was being written; the short steps after it (fsync, rename, the folder's
//     fsync, the row's transaction and commit) were hit only now and then, by chance.
//   now: 15 rounds. 13 land on named kill points (tests/support/evidence-importer.ts), each
//     reached in every run: before any import; the temp file created; half written; whole and
//     fsynced; renamed into place; its folder fsynced; the row written, uncommitted; in or just after the commit;
//     committed, unacknowledged; acknowledged — and three of them again in a second import, after
//     the child's first was acknowledged. 2 rounds are timed at random as before (one from start,
//     one from the first acknowledgement), for any moment the list misses. Every step of the write
//     sequence is now hit on purpose, and the checks after each kill are the same.
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCore, orgCaseInput, setUpPair } from '../support/core-fixture.ts';
import { runAndKill, type KillPlan } from '../support/crash-child.ts';

/** A kill point where the child is held, and what the kill leaves for the start-up clean-up to remove. */
const held = (at: string, leaves?: 'temp file' | 'unreferenced blob'): KillPlan & { leaves?: string } => ({
  at,
  hold: true,
  leaves,
});
const SCHEDULE: (KillPlan & { leaves?: string })[] = [
  held('ready'),
  held('temp-created', 'temp file'),
  held('temp-half-written', 'temp file'),
  held('temp-fsynced', 'temp file'),
  held('renamed', 'unreferenced blob'),
  held('blob-folder-fsynced', 'unreferenced blob'),
  held('in-transaction', 'unreferenced blob'),
  { at: 'in-transaction', hold: false },
  held('committed'),
  held('acknowledged'),
  held('temp-half-written#2', 'temp file'),
  held('renamed#2', 'unreferenced blob'),
  held('in-transaction#2', 'unreferenced blob'),
  // Random moments, as the test used to kill: from start-up, and from the first acknowledged import.
  { after: (l) => l === 'ready', ms: Math.floor(Math.random() * 900) },
  { after: (l) => l.startsWith('ack '), ms: Math.floor(Math.random() * 900) },
];
const ROUNDS = SCHEDULE.length;

const blobFiles = (dataDir: string) =>
  readdirSync(join(dataDir, 'evidence', 'blobs')).flatMap((d) => readdirSync(join(dataDir, 'evidence', 'blobs', d)))
    .length;

/** Imports in a child killed as planned; the ids of the imports it acknowledged. */
async function importAndKill(
  dataDir: string,
  caseId: string,
  source: string,
  officer: string,
  plan: KillPlan,
): Promise<string[]> {
  const acked: string[] = [];
  const end = await runAndKill('evidence-importer.ts', [dataDir, caseId, source, officer], plan, (l) => {
    if (l.startsWith('ack ')) acked.push(l.split(' ')[1]!);
  });
  if (end.signal !== 'SIGKILL') throw new Error(`importer exited by itself (${end.code})`);
  if ('at' in plan && !end.reachedPoint) throw new Error(`the importer never reached ${plan.at}`);
  return acked;
}

describe('evidence import survives SIGKILL at any moment', () => {
  it(
    `${ROUNDS} kills, at each step of an import: whole items or nothing, never an orphan`,
    { timeout: 300_000 },
    async () => {
      const t = makeCore({ fastPasswords: true });
      await setUpPair(t);
      const ids = (await t.must('officers.list', {})).map((o) => o.id);
      const caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
      const source = join(t.dir, '..', `${t.dir.split('/').pop()}-source.bin`);
      writeFileSync(source, randomBytes(8 * 1024 * 1024));
      t.core.close();
      const acknowledged: string[] = [];
      try {
        for (const [round, plan] of SCHEDULE.entries()) {
          acknowledged.push(...(await importAndKill(t.dir, caseId, source, ids[0]!, plan)));
          // What the kill left, before the restart cleans up: proof that the kill landed mid-write.
          const temps = readdirSync(join(t.dir, 'evidence', 'tmp')).length;
          const blobsBefore = blobFiles(t.dir);
          t.reopen(); // runs the start-up cleanup
          const ev = t.core.evidence;
          if (plan.leaves === 'temp file') expect(temps, `round ${round}: a temp file left`).toBe(1);
          if (plan.leaves === 'unreferenced blob')
            expect(blobsBefore - ev.blobs.list().length, `round ${round}: an unreferenced blob left`).toBe(1);
          expect(readdirSync(ev.blobs.tmpDir), `round ${round}: temp files`).toEqual([]);
          const rows = ev.list(caseId);
          const rowNames = new Set(rows.map((r) => ev.blobs.nameOf(r.sha256)));
          expect(
            ev.blobs.list().filter((n) => !rowNames.has(n)),
            `round ${round}: unreferenced blobs`,
          ).toEqual([]);
          for (const r of rows) expect(ev.blobs.has(r.sha256), `round ${round}: row without blob`).toBe(true);
          const ids2 = new Set(rows.map((r) => r.id));
          for (const a of acknowledged) expect(ids2.has(a), `round ${round}: acknowledged import ${a} lost`).toBe(true);
          t.core.close();
        }
        t.reopen();
        const report = await t.core.evidence.reverify({ caseId });
        expect(report.failures).toEqual([]);
        expect(report.checked).toBeGreaterThanOrEqual(acknowledged.length);
        expect(acknowledged.length).toBeGreaterThan(0);
      } finally {
        t.dispose();
        rmSync(`${t.dir}-imports`, { recursive: true, force: true });
        rmSync(source, { force: true });
      }
    },
  );
});
