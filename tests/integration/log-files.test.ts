// The log files after a realistic session, as the shells run it: the vault over a data folder with
// DATA/logs opened as the desktop app and the web shell open it (core/app-log.ts), and a real HQ
// process (scripts/hq.ts) writing HQDATA/logs. Set-up, sign-in, a case with a party, an inquiry
// record with the interviewee's name, ID number and phone, an evidence file whose name names a
// person, signing and sealing, enrollment with a one-time code, a sync, a wrong password, a sync
// with HQ gone, an evidence file damaged and found at the next start. The files hold the expected
// lines and none of the session's names, numbers, passwords, codes or keys — neither in what the
// callers passed (checked before the scrubber) nor in the files.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppLog } from '../../core/app-log.ts';
import { Vault } from '../../core/vault/vault.ts';
import type { Log, LogFields } from '../../protocol/runtime/log.ts';
import { demoInquiry } from '../../scripts/demo-documents.ts';
import type { CallName } from '../../shared/api/call-names.ts';
import type { CallOutput } from '../../shared/api/contract.ts';
import { AGENCY, OFFICER_A, OFFICER_B, orgCaseInput, type TestCore } from '../support/core-fixture.ts';
import { signedDocument } from '../support/signing-fixture.ts';
import { enrollmentCode, hqDataDir, startHq } from '../support/sync-fixture.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const EVIDENCE_NAME = '张伟身份证正反面.png';

/** Every file under a folder. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
/** What the session entered that is personal: every string with Chinese text, every run of 7+ digits. */
function personalStrings(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (/\p{Script=Han}/u.test(value) && value.length >= 2) out.add(value);
    for (const m of value.match(/\d{7,}[\dXx]?/g) ?? []) out.add(m);
  } else if (value && typeof value === 'object') for (const v of Object.values(value)) personalStrings(v, out);
  return out;
}

describe('log files', () => {
  it(
    'after a realistic session hold start, sync, error and stop lines, and nothing personal or secret',
    { timeout: 180_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'field-logs-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const hqDir = hqDataDir();
      cleanups.push(() => rmSync(hqDir, { recursive: true, force: true }));
      const hq = await startHq(hqDir);
      let hqRunning = true;
      cleanups.push(async () => {
        if (hqRunning) await hq.stop();
      });

      // What the callers passed, before the file log's scrubber: must already be clean.
      const raw: string[] = [];
      const capture: Log = {
        info: (m: string, f?: LogFields) => raw.push(`${m} ${JSON.stringify(f ?? {})}`),
        error: (m: string, f?: LogFields) => raw.push(`ERROR ${m} ${JSON.stringify(f ?? {})}`),
      };
      let log = await openAppLog(dataDir, 'web', capture);
      let vault = Vault.open({ dataDir, log, verifyRecentEvidenceDays: 7 });
      cleanups.push(() => vault.close());
      const must = async <K extends CallName>(name: K, arg: unknown): Promise<CallOutput<K>> => {
        const r = await vault.dispatch(name, arg);
        if (!r.ok) throw new Error(`${name}: ${r.error.kind} ${r.error.message}`);
        return r.value as CallOutput<K>;
      };
      const t = { must } as unknown as TestCore;

      await must('office.setup', { agencyName: AGENCY, officers: [OFFICER_A, OFFICER_B] });
      await must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
      await must('session.signIn', { certNo: OFFICER_B.certNo, password: OFFICER_B.password });
      const ids = (await must('officers.list', {})).map((o) => o.id) as [string, string];
      const caseInput = orgCaseInput(ids, 'csl-59');
      const made = await must('cases.create', caseInput);
      const inquiry = demoInquiry(ids[0], ids[1]);
      const documentId = await signedDocument(t, made.id, 'inquiry', inquiry, ids);
      const { ticket } = await must('evidence.beginImport', {
        caseId: made.id,
        fileName: EVIDENCE_NAME,
        sizeBytes: 4096,
        meta: {
          category: '截图',
          description: '当事人提供的身份证照片',
          source: '当事人张伟提供',
          method: '拷贝',
          timeSourceNote: '',
          provider: { name: '张伟', idNumber: '', statement: false },
          original: true,
          copy: { method: '', madeAt: '', madeBy: '' },
        },
      });
      const imported = await vault.upload(ticket, [randomBytes(4096)]);
      expect(imported.ok).toBe(true);
      await must('seals.seal', { documentId, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
      const code = enrollmentCode(hqDir);
      await must('sync.enroll', { url: hq.url, code });
      await must('sync.start', {});
      expect(await vault.core!.sync.run()).toMatchObject({ ok: true });
      expect(
        (await vault.dispatch('session.signIn', { certNo: OFFICER_B.certNo, password: 'not-the-password' })).ok,
      ).toBe(false);
      await hq.stop();
      hqRunning = false;
      await must('sync.start', {});
      expect(await vault.core!.sync.run()).toMatchObject({ ok: false, kind: 'unreachable' });

      // An evidence file damaged on disk: the next start's background re-verification finds it.
      const keys = readFileSync(join(dataDir, 'keys.json'), 'utf8');
      const devicePublic = vault.core!.device.public();
      vault.close();
      await log.stop('test restart');
      const blob = filesUnder(join(dataDir, 'evidence')).find((f) => statSync(f).size > 4096)!;
      const bytes = readFileSync(blob);
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
      writeFileSync(blob, bytes);
      log = await openAppLog(dataDir, 'web', capture);
      vault = Vault.open({ dataDir, log, verifyRecentEvidenceDays: 7 });
      await must('lock.unlock', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
      await expect
        .poll(() => raw.some((l) => l.includes('evidence re-verification: items failed')), { timeout: 20_000 })
        .toBe(true);
      vault.close();
      await log.stop('test end');

      const appLogs = filesUnder(join(dataDir, 'logs'));
      const hqLogs = filesUnder(join(hqDir, 'logs'));
      expect(appLogs.map((f) => f.split('/').at(-1))).toEqual(['app.1.log']);
      expect(hqLogs.map((f) => f.split('/').at(-1))).toEqual(['hq.1.log']);
      const appText = appLogs.map((f) => readFileSync(f, 'utf8')).join('');
      const hqText = hqLogs.map((f) => readFileSync(f, 'utf8')).join('');
      const msgs = (text: string) =>
        text
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { msg: string; level: string; [k: string]: unknown });

      // The expected lines.
      const app = msgs(appText);
      const appMsg = app.map((l) => l.msg);
      for (const m of [
        'start',
        'office set up: device key made, database opened',
        'evidence imported',
        'enrolled with HQ',
        'sync done',
        'sync failed',
        'stop',
        'database opened',
        'app unlocked',
        'evidence re-verification: items failed',
      ])
        expect(appMsg, m).toContain(m);
      expect(app.find((l) => l.msg === 'sync done')).toMatchObject({ documents: 1, auto: false });
      expect(app.find((l) => l.msg === 'sync failed')).toMatchObject({ level: 'error', kind: 'unreachable' });
      const reverify = app.find((l) => l.msg === 'evidence re-verification: items failed')!;
      expect(reverify).toMatchObject({ level: 'error', failed: 1 });
      expect(String(reverify.items)).toContain(imported.ok ? imported.value.id : '?');
      expect(app[0]).toMatchObject({ msg: 'start', app: 'field', shell: 'web' });
      const hqMsg = msgs(hqText).map((l) => l.msg);
      for (const m of ['start', 'hq ready', 'seal received', 'stop']) expect(hqMsg, m).toContain(m);

      // Nothing personal or secret, in what callers passed nor in the files.
      const secrets = new Set<string>([
        ...personalStrings(OFFICER_A),
        ...personalStrings(OFFICER_B),
        OFFICER_A.password,
        OFFICER_B.password,
        'not-the-password',
        OFFICER_A.certNo,
        OFFICER_B.certNo,
        ...personalStrings(caseInput),
        ...personalStrings(inquiry),
        EVIDENCE_NAME,
        '张伟',
        code,
        code.replace(/-/g, ''),
        devicePublic.sm2PublicKey,
        // Every wrapped copy of the device key (and anything long in keys.json).
        ...[...keys.matchAll(/"([A-Za-z0-9+/=_-]{24,})"/g)].map((m) => m[1]!),
      ]);
      expect(secrets.size).toBeGreaterThan(20);
      const rawText = raw.join('\n');
      for (const s of secrets) {
        expect(rawText, `passed to the log: ${s}`).not.toContain(s);
        expect(appText, `app log: ${s}`).not.toContain(s);
        expect(hqText, `HQ log: ${s}`).not.toContain(s);
      }
      // No Chinese text at all reaches a file (names, addresses, file names, messages quoting them).
      expect(appText + hqText).not.toMatch(/\p{Script=Han}/u);
    },
  );
});
