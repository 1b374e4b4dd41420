// Nothing lost, nothing half-written: a process saving edits is killed with SIGKILL at random
// moments. After each kill the database opens, passes integrity_check, holds every acknowledged
// save, and the stored content is exactly the one of its revision (never a torn mix).
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../core/db/open-database.ts';
import { ROOT } from '../../scripts/build.ts';
import { makeCore, orgCaseInput, setUpPair } from '../support/core-fixture.ts';
import { contentFor } from '../support/autosave-writer.ts';

const ROUNDS = 50;

function runAndKill(dataDir: string, docId: string, killAfterMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'tests', 'support', 'autosave-writer.ts'), dataDir, docId], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let lastAck = 0;
    let buffered = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const l of lines) lastAck = Number(l.slice(4));
      timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(lastAck) : reject(new Error(`writer exited by itself (${signal ?? _code})`)),
    );
  });
}

describe('autosave survives SIGKILL at any moment', () => {
  it(
    `${ROUNDS} random kills: integrity, every acknowledged save kept, no torn content`,
    { timeout: 240_000 },
    async () => {
      const t = makeCore();
      await setUpPair(t);
      const ids = (await t.must('officers.list', {})).map((o) => o.id);
      const caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
      const doc = await t.must('documents.create', { caseId, type: 'inquiry' });
      t.core.close();
      let totalAcks = 0;
      try {
        for (let round = 0; round < ROUNDS; round++) {
          const lastAck = await runAndKill(t.dir, doc.id, 5 + Math.floor(Math.random() * 120));
          // Opened raw (not through the app), with the device's database key: the file is SQLCipher.
          const db = new Database(join(t.dir, DATABASE_FILE));
          db.pragma(`cipher='sqlcipher'`);
          db.pragma(`key="x'${t.custody.databaseKey().toString('hex')}'"`);
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          const row = db.prepare('SELECT revision, content_json FROM documents WHERE id = ?').get(doc.id) as {
            revision: number;
            content_json: string;
          };
          db.close();
          expect(
            row.revision,
            `round ${round}: acknowledged ${lastAck}, stored ${row.revision}`,
          ).toBeGreaterThanOrEqual(lastAck);
          const stored = JSON.parse(row.content_json) as { place: string; qa: unknown[] };
          const expected = contentFor({}, row.revision) as { place: string; qa: unknown[] };
          expect(stored.place).toBe(expected.place);
          expect(stored.qa).toEqual(expected.qa);
          totalAcks += lastAck > 0 ? 1 : 0;
        }
        expect(totalAcks).toBeGreaterThan(ROUNDS / 2); // most rounds really saved before the kill
      } finally {
        t.reopen();
        t.dispose();
      }
    },
  );
});
