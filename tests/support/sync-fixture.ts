// Sync fixtures: a real HQ server process (scripts/hq.ts) on loopback, an administrator and
// enrollment codes made through its command line, and a device core with sealed documents
// resting on evidence files.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoEvidence, demoInquiry } from '../../scripts/demo-documents.ts';
import { ROOT } from '../../scripts/build.ts';
import { OFFICER_A, OFFICER_B, orgCaseInput, setUpPair, type TestCore } from './core-fixture.ts';
import { inSlot, lawfulEvidence } from './lawful-samples.ts';
import { signedDocument } from './signing-fixture.ts';
import { HQ_TEST_ENGINE, TEST_HQ_PASSPHRASE, testHqDatabase, type HqEngine } from './hq-engines.ts';

export const HQ_SCRIPT = join(ROOT, 'scripts', 'hq.ts');
export const HQ_ADMIN = { user: 'hqadmin', password: 'hq-admin-2026!' };

export interface HqProcess {
  url: string;
  dataDir: string;
  proc: ChildProcess;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** The database of each HQ data folder made on PostgreSQL: its processes and commands are given --db. */
const databases = new Map<string, string>();

/** A data folder for an HQ on this run's engine (on PostgreSQL with its own fresh database). */
export function hqDataDir(engine: HqEngine = HQ_TEST_ENGINE): string {
  const dir = mkdtempSync(join(tmpdir(), 'field-hq-'));
  const db = testHqDatabase(engine);
  if (db) databases.set(dir, db);
  return dir;
}

/** The database URL of an HQ data folder on PostgreSQL (undefined: SQLite in the folder). */
export const hqDatabaseOf = (dataDir: string): string | undefined => databases.get(dataDir);

/** The options every HQ command on this data folder takes. */
const dbArgs = (dataDir: string) => (databases.has(dataDir) ? ['--db', databases.get(dataDir)!] : []);

/** Runs `npm run hq` as a real process and waits for `hq ready: URL`. */
export function startHq(dataDir: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<HqProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [HQ_SCRIPT, '--port', '0', '--data', dataDir, ...dbArgs(dataDir), ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HQ_PASSPHRASE: TEST_HQ_PASSPHRASE, ...env },
    });
    let out = '';
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /hq ready: (\S+)/.exec(out);
      if (m)
        resolve({
          url: m[1]!,
          dataDir,
          proc,
          stop: async () => {
            proc.kill('SIGTERM');
            await exited;
          },
          kill: async () => {
            proc.kill('SIGKILL');
            await exited;
          },
        });
    });
    proc.once('exit', (code) => reject(new Error(`hq exited (${code}) before ready: ${err}`)));
  });
}

export function hqCli(dataDir: string, args: string[], input = ''): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [HQ_SCRIPT, ...args, '--data', dataDir, ...dbArgs(dataDir)], {
    input,
    encoding: 'utf8',
    env: { ...process.env, HQ_PASSPHRASE: TEST_HQ_PASSPHRASE },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** hqCli, without blocking: for running two commands at the same time. */
export function hqCliAsync(
  dataDir: string,
  args: string[],
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, [HQ_SCRIPT, ...args, '--data', dataDir, ...dbArgs(dataDir)], {
      env: { ...process.env, HQ_PASSPHRASE: TEST_HQ_PASSPHRASE },
    });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    p.on('close', (status) => done({ status: status ?? -1, stdout, stderr }));
  });
}

export function enrollmentCode(dataDir: string, prefix = '柳南网信案'): string {
  const r = hqCli(dataDir, ['code', '--note', '测试终端', '--prefix', prefix]);
  if (r.status !== 0) throw new Error(`hq code failed: ${r.stderr}`);
  return r.stdout.trim();
}

export function createAdmin(dataDir: string): void {
  const r = hqCli(dataDir, ['admin', 'create', '--user', HQ_ADMIN.user], `${HQ_ADMIN.password}\n`);
  if (r.status !== 0) throw new Error(`hq admin create failed: ${r.stderr}`);
}

const META = {
  category: '截图' as const,
  description: '',
  source: 'https://www.xinghe-news.cn/',
  method: '截屏',
  timeSourceNote: '',
  provider: { name: '', idNumber: '', statement: false },
  original: true,
  copy: { method: '', madeAt: '', madeBy: '' },
};

/**
 * A set-up device with one case and `documents` sealed documents: alternately 询问笔录 and
 * 电子取证工作记录, each 电子取证工作记录 listing one new evidence file of `evidenceBytes` random bytes.
 */
export async function sealedDevice(
  t: TestCore,
  documents: number,
  evidenceBytes = 64 * 1024,
): Promise<{ caseId: string; documentIds: string[]; evidence: { sha256: string; size: number }[] }> {
  await setUpPair(t);
  const ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
  const caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
  const documentIds: string[] = [];
  const evidence: { sha256: string; size: number }[] = [];
  for (let i = 0; i < documents; i++) {
    let id: string;
    if (i % 2 === 1) {
      const item = await t.core.evidence.ingest([randomBytes(evidenceBytes)], {
        caseId,
        fileName: `截图-${i}.png`,
        officerIds: ids,
        meta: META,
      });
      evidence.push({ sha256: item.sha256, size: item.sizeBytes });
      const ev = {
        ...demoEvidence(ids, ids[1]),
        items: [
          {
            id: item.id,
            name: `截图-${i}.png`,
            category: '截图' as const,
            format: 'PNG',
            source: 'https://www.xinghe-news.cn/',
            method: '截屏',
            sizeBytes: String(item.sizeBytes),
            sha256: item.sha256,
            sm3: item.sm3,
            time: '2026-11-20T09:00',
            medium: '本机',
            evidenceId: item.id,
          },
        ],
      };
      // Each record in its own time (the same officers cannot make two at once: the case timeline).
      id = await signedDocument(t, caseId, 'evidence', inSlot(lawfulEvidence(ev), i), ids);
    } else {
      id = await signedDocument(t, caseId, 'inquiry', inSlot(demoInquiry(ids[0], ids[1]), i), ids);
    }
    await t.must('seals.seal', { documentId: id, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
    documentIds.push(id);
  }
  return { caseId, documentIds, evidence };
}
