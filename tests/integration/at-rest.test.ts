// Nothing readable at rest: after a realistic session through the vault — set-up, a case against a
// named party, a signed 询问笔录 with an interviewee's identity number and answers, imported
// evidence, a seal — no file anywhere in the data folder (database, its WAL, key file, evidence,
// temp) contains any of the known strings or the evidence bytes, in UTF-8 or UTF-16.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../protocol/runtime/log.ts';
import { Vault } from '../../core/vault/vault.ts';
import { demoInquiry } from '../../scripts/demo-documents.ts';
import { AGENCY, OFFICER_A, OFFICER_B, orgCaseInput, type TestCore } from '../support/core-fixture.ts';
import { signedDocument } from '../support/signing-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'at-rest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function filesUnder(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(d, e.name)) : [join(d, e.name)],
  );
}

describe('data at rest', () => {
  it('no file of the data folder contains names, ID numbers, answers or evidence bytes after a realistic session', async () => {
    const vault = Vault.open({ dataDir: dir, log: silentLog });
    const must = async (name: string, arg: unknown) => {
      const r = await vault.dispatch(name, arg);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value as never;
    };
    // signedDocument drives the API only through `must`.
    const t = { must } as unknown as TestCore;
    await must('office.setup', { agencyName: AGENCY, officers: [OFFICER_A, OFFICER_B] });
    await must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    await must('session.signIn', { certNo: OFFICER_B.certNo, password: OFFICER_B.password });
    const ids = ((await must('officers.list', {})) as { id: string }[]).map((o) => o.id) as [string, string];
    const caseInput = orgCaseInput(ids, 'csl-59');
    const caseId = ((await must('cases.create', caseInput)) as { id: string }).id;
    const inquiry = demoInquiry(ids[0], ids[1]);
    const docId = await signedDocument(t, caseId, 'inquiry', inquiry, ids);
    await must('seals.seal', { documentId: docId, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
    // Evidence: 3 MiB of random bytes with a recognisable marker in the middle of a chunk.
    const marker = Buffer.from(`EVIDENCE-MARKER-${randomBytes(16).toString('hex')}`);
    const bytes = Buffer.concat([randomBytes(1_500_000), marker, randomBytes(1_600_000)]);
    const { ticket } = (await must('evidence.beginImport', {
      caseId,
      fileName: '后台截图.png',
      sizeBytes: bytes.length,
      meta: { category: '截图', source: 'https://www.xinghe-news.cn/admin/', method: '屏幕截图' },
    })) as { ticket: string };
    const imported = await vault.upload(ticket, [bytes]);
    expect(imported.ok).toBe(true);
    // The database's WAL is part of what must be unreadable: check before and after closing.
    const secrets = [
      inquiry.interviewee.name,
      inquiry.interviewee.idNumber,
      inquiry.interviewee.address,
      inquiry.qa[0]!.a.slice(0, 30),
      inquiry.qa[2]!.a.slice(0, 20),
      caseInput.party.name,
      caseInput.party.creditCode,
      caseInput.party.legalRepresentative,
      OFFICER_A.name,
      AGENCY,
    ];
    const check = () => {
      const files = filesUnder(dir).filter((f) => statSync(f).size > 0);
      expect(files.some((f) => f.endsWith('device.db'))).toBe(true);
      expect(files.some((f) => f.includes(join('evidence', 'blobs')))).toBe(true);
      for (const f of files) {
        const content = readFileSync(f);
        for (const s of secrets) {
          expect(content.includes(Buffer.from(s, 'utf8')), `${f} contains「${s}」(UTF-8)`).toBe(false);
          expect(content.includes(Buffer.from(s, 'utf16le')), `${f} contains「${s}」(UTF-16)`).toBe(false);
        }
        expect(content.includes(marker), `${f} contains the evidence bytes`).toBe(false);
        expect(content.includes(bytes.subarray(0, 64)), `${f} contains the evidence bytes`).toBe(false);
      }
    };
    check();
    vault.close();
    check();
    // And the content is all there for an officer who unlocks.
    const again = Vault.open({ dataDir: dir, log: silentLog });
    try {
      expect((await again.dispatch('documents.get', { id: docId })).ok).toBe(false);
      expect((await again.dispatch('lock.unlock', { certNo: OFFICER_B.certNo, password: OFFICER_B.password })).ok).toBe(
        true,
      );
      const doc = await again.dispatch('documents.get', { id: docId });
      expect(JSON.stringify(doc)).toContain(inquiry.interviewee.idNumber);
    } finally {
      again.close();
    }
  });
});
