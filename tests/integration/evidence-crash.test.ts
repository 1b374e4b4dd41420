// A process importing evidence is killed with SIGKILL at random moments (30 rounds). After each
// restart: no temp file, no unreferenced blob, no row without its blob, every acknowledged import
// present, and re-verification of everything passes.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.ts';
import { makeCore, orgCaseInput, setUpPair } from '../support/core-fixture.ts';

const ROUNDS = 30;

// The kill is timed from the moment the child has opened the data folder (start-up time varies a
// lot on a loaded machine), or, with afterFirstAck, from its first acknowledged import.
function importAndKill(
  dataDir: string,
  caseId: string,
  source: string,
  officer: string,
  killAfterMs: number,
  afterFirstAck: boolean,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'tests', 'support', 'evidence-importer.ts'), dataDir, caseId, source, officer],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const acked: string[] = [];
    let buf = '';
    let timer: NodeJS.Timeout | undefined;
    const arm = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) {
        if (l === 'ready') {
          if (!afterFirstAck) arm();
        } else {
          acked.push(l.split(' ')[1]!);
          arm();
        }
      }
    });
    child.on('exit', (_c, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`importer exited by itself (${_c})`));
    });
  });
}

describe('evidence import survives SIGKILL at any moment', () => {
  it(`${ROUNDS} random kills: whole items or nothing, never an orphan`, { timeout: 300_000 }, async () => {
    const t = makeCore();
    await setUpPair(t);
    const ids = (await t.must('officers.list', {})).map((o) => o.id);
    const caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
    const source = join(t.dir, '..', `${t.dir.split('/').pop()}-source.bin`);
    writeFileSync(source, randomBytes(8 * 1024 * 1024));
    t.core.close();
    const acknowledged: string[] = [];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        // Kill anywhere from just after start-up to a few imports in; every fifth round only after an
        // import was acknowledged, so that acknowledged imports are always among what must survive.
        acknowledged.push(
          ...(await importAndKill(t.dir, caseId, source, ids[0]!, Math.floor(Math.random() * 900), round % 5 === 0)),
        );
        t.reopen(); // runs the start-up cleanup
        const ev = t.core.evidence;
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
  });
});
