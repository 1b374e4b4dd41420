// Signing through the API on a real core: freezing, per-page signing, officers with their
// passwords, refusals backed by a witness, completeness, discarding on edit, immutability in the
// database, binding checks, and signatures in the printed PDF.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoInquiry, demoOnsite } from '../../scripts/demo-documents.ts';
import { syntheticSignature } from '../../scripts/demo-signatures.ts';
import {
  makeCore,
  OFFICER_A,
  OFFICER_B,
  orgCaseInput,
  residentId,
  setUpPair,
  type TestCore,
} from '../../tests/support/core-fixture.ts';
import { dualHash } from '../../protocol/seal/document-hash.ts';
import {
  binding,
  sha256Hex,
  strokesText,
  verifyBinding,
  type BoundFields,
} from '../../protocol/seal/signature-binding.ts';

let t: TestCore;
let a: string;
let b: string;
let caseId: string;

beforeEach(async () => {
  t = makeCore();
  await setUpPair(t);
  [a, b] = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
  const matter = (await t.must('catalog.search', { query: '网络安全' })).items[0]!;
  caseId = (await t.must('cases.create', orgCaseInput([a, b], matter.id))).id;
});
afterEach(() => t.dispose());

async function readyDocument(type: 'inquiry' | 'onsite', content: Record<string, unknown>) {
  const d = await t.must('documents.create', { caseId, type });
  await t.must('documents.save', { id: d.id, revision: d.revision, content });
  await t.must('documents.markReady', { id: d.id });
  return d.id;
}

const sig = (name: string, seed = 1) => {
  const s = syntheticSignature(name, seed);
  return { imagePngBase64: s.png.toString('base64'), strokes: s.strokes };
};

async function signAll(docId: string, ceremonyId: string) {
  const state = await t.must('signing.state', { id: docId });
  for (const slot of state.required) {
    const officer = slot.officerId === a ? OFFICER_A : slot.officerId === b ? OFFICER_B : null;
    await t.must('signing.sign', {
      ceremonyId,
      slotId: slot.slotId,
      page: slot.page,
      signerName: slot.signerName || '张𠮷㵘',
      signerIdNumber: '',
      officerPassword: officer?.password ?? '',
      ...sig(slot.signerName || '张𠮷㵘', slot.page ?? 0),
    });
  }
}

describe('a signature and its audit row commit together', () => {
  it('when the audit row cannot be written, no signature is stored; otherwise the row names the signature', async () => {
    const id = await readyDocument('inquiry', demoInquiry(a, b));
    const { ceremonyId } = await t.must('signing.start', {
      documentId: id,
      recording: false,
      noRecordingReason: '现场无录像设备，已由两名执法人员见证',
    });
    const count = (sql: string) => (t.core.db.prepare(sql).get() as { n: number }).n;
    // What a full disk or a crash at the audit insert does.
    t.core.db.exec(
      `CREATE TEMP TRIGGER audit_refused BEFORE INSERT ON main.audit_log BEGIN SELECT RAISE(ABORT, 'audit row refused'); END`,
    );
    const refused = await t.call('signing.sign', {
      ceremonyId,
      slotId: 'interviewee',
      page: 1,
      signerName: '张𠮷㵘',
      ...sig('张'),
    });
    expect(refused.ok).toBe(false);
    expect(count('SELECT count(*) AS n FROM signatures')).toBe(0);
    t.core.db.exec('DROP TRIGGER temp.audit_refused');
    const state = await t.must('signing.sign', {
      ceremonyId,
      slotId: 'interviewee',
      page: 1,
      signerName: '张𠮷㵘',
      ...sig('张'),
    });
    const made = state.signatures.find((x) => x.slotId === 'interviewee' && x.page === 1)!;
    const rows = (await t.must('audit.list', { caseId })).filter((r) => r.action === 'sign');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.targets).toEqual([id, made.id]);
  });
});

describe('signing', () => {
  it('a 询问笔录 in 待签名 is frozen; the interviewee signs every page and the end, the officers with their passwords; then 已签名', async () => {
    const id = await readyDocument('inquiry', demoInquiry(a, b));
    const s0 = await t.must('signing.state', { id });
    expect(s0.docSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(s0.docSm3).toMatch(/^[0-9a-f]{64}$/);
    const pages = s0.pages.length;
    expect(s0.required.map((r) => `${r.slotId}@${r.page ?? 'end'}`)).toEqual([
      ...Array.from({ length: pages }, (_, i) => `interviewee@${i + 1}`),
      'interviewee@end',
      'inquirer@end',
      'recorder@end',
    ]);
    const { ceremonyId } = await t.must('signing.start', {
      documentId: id,
      recording: false,
      noRecordingReason: '现场无录像设备，已由两名执法人员见证',
    });

    // An officer's slot refuses a wrong password, and the other officer's password.
    const wrong = await t.call('signing.sign', {
      ceremonyId,
      slotId: 'inquirer',
      page: null,
      signerName: 'x',
      officerPassword: OFFICER_B.password,
      ...sig('李明'),
    });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });

    await signAll(id, ceremonyId);
    const done = await t.must('signing.state', { id });
    expect(done.complete).toBe(true);
    expect(done.state).toBe('signed');
    expect((await t.must('documents.get', { id })).state).toBe('signed');
    const inquirer = done.signatures.find((s) => s.slotId === 'inquirer')!;
    expect(inquirer).toMatchObject({
      officerId: a,
      signerName: OFFICER_A.name,
      signerIdNumber: OFFICER_A.certNo,
      pageCount: pages,
      docSha256: s0.docSha256,
    });
    expect(done.signatures.filter((s) => s.slotId === 'interviewee').map((s) => s.page)).toEqual([
      ...Array.from({ length: pages }, (_, i) => i + 1),
      null,
    ]);
    // Every signature still verifies against the document as it is.
    expect(t.core.signatures.verify(id).every((v) => v.problems.length === 0)).toBe(true);

    // Printed: the images in their slots (per page and at the end; the officers' mirrored on each page).
    const pdf = await t.must('documents.pdf', { id });
    const file = join(t.dir, 'signed.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    // pdfimages lists each image and its transparency mask (smask); count the images drawn
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim().split(/\s+/)[2] === 'image');
    expect(images.length).toBe(pages * 3 + 3);
  });

  it('signing needs an open ceremony, a frozen document, a real slot; a slot is signed once', async () => {
    const id = await readyDocument('inquiry', demoInquiry(a, b));
    const { ceremonyId } = await t.must('signing.start', {
      documentId: id,
      recording: false,
      noRecordingReason: '现场无录像设备',
    });
    expect(
      await t.call('signing.sign', { ceremonyId, slotId: 'interviewee', page: 99, signerName: '张𠮷㵘', ...sig('张') }),
    ).toMatchObject({ ok: false, error: { kind: 'validation' } });
    await t.must('signing.sign', { ceremonyId, slotId: 'interviewee', page: 1, signerName: '张𠮷㵘', ...sig('张') });
    expect(
      await t.call('signing.sign', { ceremonyId, slotId: 'interviewee', page: 1, signerName: '张𠮷㵘', ...sig('张') }),
    ).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    const notPng = await t.call('signing.sign', {
      ceremonyId,
      slotId: 'interviewee',
      page: null,
      signerName: '张𠮷㵘',
      imagePngBase64: 'iVBORw0KGgoAAAA',
      strokes: [[[1, 1, 0, 500]]],
    });
    expect(notPng.ok).toBe(false);
    expect(await t.call('signing.start', { documentId: id, recording: false, noRecordingReason: '' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
  });

  it('editing a signed document needs confirmation; its signatures are then discarded and kept for the audit', async () => {
    const id = await readyDocument('inquiry', demoInquiry(a, b));
    const { ceremonyId } = await t.must('signing.start', {
      documentId: id,
      recording: false,
      noRecordingReason: '现场无录像设备',
    });
    await t.must('signing.sign', { ceremonyId, slotId: 'interviewee', page: 1, signerName: '张𠮷㵘', ...sig('张') });
    const d = await t.must('documents.get', { id });
    const edited = { ...d.content, place: '另一个会议室' };
    const refused = await t.call('documents.save', { id, revision: d.revision, content: edited });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringMatching(/已有1个签名.*作废/) },
    });
    expect((await t.must('documents.get', { id })).content.place).toBe(d.content.place);
    await t.must('documents.save', { id, revision: d.revision, content: edited, discardSignatures: true });
    expect((await t.must('signing.state', { id })).signatures).toHaveLength(0);
    const kept = t.core.db
      .prepare(`SELECT discarded_at, discard_reason FROM signatures WHERE document_id = ?`)
      .all(id) as { discarded_at: string }[];
    expect(kept).toHaveLength(1);
    expect(kept[0]!.discarded_at).toBeTruthy();
    // The audit log names the signatures the edit discarded.
    const signatureId = (t.core.db.prepare(`SELECT id FROM signatures WHERE document_id = ?`).get(id) as { id: string })
      .id;
    const entry = t.core.audit.rows().find((r) => r.action === 'document-edit-discarding-signatures')!;
    expect(JSON.parse(entry.targets)).toEqual([id, signatureId]);
    expect(entry.detail).toMatch(/作废1个签名/);
    // back to draft: no signing until it is complete and submitted again
    expect(
      await t.call('signing.sign', { ceremonyId, slotId: 'interviewee', page: 1, signerName: '张𠮷㵘', ...sig('张') }),
    ).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('signature rows cannot be changed or deleted in the database itself', async () => {
    const id = await readyDocument('inquiry', demoInquiry(a, b));
    const { ceremonyId } = await t.must('signing.start', {
      documentId: id,
      recording: false,
      noRecordingReason: '现场无录像设备',
    });
    await t.must('signing.sign', { ceremonyId, slotId: 'interviewee', page: 1, signerName: '张𠮷㵘', ...sig('张') });
    expect(() => t.core.db.prepare(`UPDATE signatures SET signer_name = '别人'`).run()).toThrow(/only be discarded/);
    expect(() => t.core.db.prepare(`DELETE FROM signatures`).run()).toThrow(/never deleted/);
    t.core.db.prepare(`UPDATE signatures SET discarded_at = 'x', discard_reason = 'y'`).run();
    expect(() => t.core.db.prepare(`UPDATE signatures SET discarded_at = NULL`).run()).toThrow(/only be discarded/);
  });

  it('a refusal on a 现场笔录 is confirmed by both officers and backed by the witness, and prints as such', async () => {
    const evidenceDoc = await t.must('documents.create', { caseId, type: 'evidence' });
    const content = {
      ...demoOnsite([a, b], b, evidenceDoc.id),
      confirmation: '以上记录已向当事人宣读。', // not 「属实」, which the refusal would contradict
      witness: {
        name: '赵见证',
        idType: '居民身份证',
        idNumber: residentId('45020319900101001'),
        unit: '大厦物业',
        role: '物业经理',
        phone: '',
      },
    };
    const id = await readyDocument('onsite', content);
    const { ceremonyId } = await t.must('signing.start', {
      documentId: id,
      recording: false,
      noRecordingReason: '现场无录像设备',
    });
    // Without a witness's signature (and no recording), a refusal is not accepted.
    const early = await t.call('signing.resolve', {
      ceremonyId,
      slotId: 'party',
      page: null,
      status: 'refused',
      reason: '当事人拒绝签名',
      officerPasswords: [OFFICER_A.password, OFFICER_B.password],
    });
    expect(early).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/见证人签名/) },
    });
    // The witness needs a valid ID number.
    const badId = await t.call('signing.sign', {
      ceremonyId,
      slotId: 'witness',
      page: null,
      signerName: '赵见证',
      signerIdNumber: '450203199001010010',
      ...sig('赵见证'),
    });
    expect(badId.ok).toBe(false);
    // Checked whatever it looks like: a number too short is refused for its length, not waved through.
    const short = await t.call('signing.sign', {
      ceremonyId,
      slotId: 'witness',
      page: null,
      signerName: '赵见证',
      signerIdNumber: '4502031990010100',
      ...sig('赵见证'),
    });
    expect(short).toMatchObject({ ok: false, error: { message: expect.stringMatching(/应为18位，当前为16位/) } });
    // Typed full-width with a lower-case x (as a Chinese input method gives it): read, stored as printed.
    const valid = residentId('45020319900101001');
    const fullWidth = [...valid]
      .map((ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0))
      .join('')
      .toLowerCase();
    const w = await t.must('signing.sign', {
      ceremonyId,
      slotId: 'witness',
      page: null,
      signerName: '赵见证',
      signerIdNumber: fullWidth,
      ...sig('赵见证'),
    });
    const witnessId = w.signatures.find((s) => s.slotId === 'witness')!.id;
    expect(w.signatures.find((s) => s.slotId === 'witness')!.signerIdNumber).toBe(valid);
    // One wrong officer password: nothing recorded.
    const wrong = await t.call('signing.resolve', {
      ceremonyId,
      slotId: 'party',
      page: null,
      status: 'refused',
      reason: '当事人拒绝签名',
      officerPasswords: [OFFICER_A.password, 'wrong'],
      witnessSignatureId: witnessId,
    });
    expect(wrong.ok).toBe(false);
    const r = await t.must('signing.resolve', {
      ceremonyId,
      slotId: 'party',
      page: null,
      status: 'refused',
      reason: '当事人拒绝签名',
      officerPasswords: [OFFICER_A.password, OFFICER_B.password],
      witnessSignatureId: witnessId,
    });
    expect(r.signatures.find((s) => s.slotId === 'party')).toMatchObject({
      status: 'refused',
      reason: '当事人拒绝签名',
      confirmedBy: [a, b],
      witnessSignatureId: witnessId,
    });
    const pdf = await t.must('documents.pdf', { id });
    const file = join(t.dir, 'refused.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    // Since format 2 the slot says where the full statement is; the 签名情况记录 page says who
    // refused, why, when, the two officers who noted it and the witness (signing-how.test.ts).
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('拒绝签名，见签名情况记录');
    expect(text.replace(/\n/g, '')).toContain('理由：当事人拒绝签名。');
  });

  it('one character of a stored 待签名 document changed in the database itself: the binding is reported broken and signing stops', async () => {
    const id = await readyDocument('inquiry', demoInquiry(a, b));
    const { ceremonyId } = await t.must('signing.start', {
      documentId: id,
      recording: false,
      noRecordingReason: '现场无录像设备',
    });
    await t.must('signing.sign', { ceremonyId, slotId: 'interviewee', page: 1, signerName: '张𠮷㵘', ...sig('张') });
    expect(t.core.signatures.verify(id).map((v) => v.problems)).toEqual([[]]);
    // What someone holding the database file could do, bypassing the API: no trigger guards an
    // unsealed document's row, so one character of an answer is changed in place.
    const altered = t.core.db
      .prepare(
        `UPDATE documents SET content_json = json_set(content_json, '$.qa[0].a', json_extract(content_json, '$.qa[0].a') || '。') WHERE id = ?`,
      )
      .run(id);
    expect(altered.changes).toBe(1);
    expect((await t.must('documents.get', { id })).state).toBe('ready');
    expect(t.core.signatures.verify(id)).toEqual([
      { id: expect.any(String), slot: 'interviewee@1', problems: ['文书内容与签名时不一致'] },
    ]);
    const next = await t.call('signing.sign', {
      ceremonyId,
      slotId: 'interviewee',
      page: 2,
      signerName: '张𠮷㵘',
      ...sig('张', 2),
    });
    expect(next).toMatchObject({
      ok: false,
      error: { kind: 'integrity', message: expect.stringMatching(/文书内容与提交签名时不一致/) },
    });
  });

  it('a recorded ceremony: the recording, imported as evidence of the case, is linked to its signatures', async () => {
    const id = await readyDocument('inquiry', demoInquiry(a, b));
    const { ceremonyId } = await t.must('signing.start', { documentId: id, recording: true });
    await t.must('signing.sign', { ceremonyId, slotId: 'interviewee', page: 1, signerName: '张𠮷㵘', ...sig('张') });
    expect(await t.call('signing.end', { ceremonyId })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const item = await t.core.evidence.ingest([Buffer.from('webm recording bytes')], {
      caseId,
      officerIds: [a, b],
      fileName: '签名过程录像.webm',
      meta: {
        category: '视频',
        description: '签名全过程录像',
        source: '本机摄像头',
        method: '同步录音录像',
        timeSourceNote: '',
        provider: { name: '', idNumber: '', statement: false },
        original: true,
        copy: { method: '', madeAt: '', madeBy: '' },
      },
    });
    const s = await t.must('signing.end', { ceremonyId, recordingEvidenceId: item.id });
    expect(s.signatures[0]!.recordingEvidenceId).toBe(item.id);
  });
});

describe('signature binding', () => {
  const image = Buffer.from('png bytes');
  const strokes = strokesText([
    [
      [1, 2, 0, 500],
      [3, 4, 8, 520],
    ],
  ]);
  const doc = dualHash('{"content":"以上笔录我已看过"}');
  const f: BoundFields = {
    id: 's1',
    documentId: 'd1',
    ceremonyId: 'c1',
    slotId: 'interviewee',
    page: 1,
    pageCount: 2,
    status: 'signed',
    role: '被询问人',
    signerName: '张𠮷㵘',
    signerIdNumber: '',
    officerId: null,
    signedAt: '2026-11-20T02:00:00.000Z',
    docSha256: doc.sha256,
    docSm3: doc.sm3,
    imageSha256: sha256Hex(image),
    strokesSha256: sha256Hex(strokes),
    reason: '',
    confirmedBy: [],
    witnessSignatureId: null,
  };
  const b = binding(f);
  const stored = { ...f, bindingSha256: b.sha256, bindingSm3: b.sm3 };

  it('holds for the untouched record', () => expect(verifyBinding(stored, image, strokes, doc)).toEqual([]));
  it('one character of the document changed', () =>
    expect(verifyBinding(stored, image, strokes, dualHash('{"content":"以上笔录我已看过。"}'))).toContain(
      '文书内容与签名时不一致',
    ));
  it('one stroke point changed', () =>
    expect(
      verifyBinding(
        stored,
        image,
        strokesText([
          [
            [1, 2, 0, 500],
            [3, 5, 8, 520],
          ],
        ]),
        doc,
      ),
    ).toContain('笔迹数据与签名时不一致'));
  it('one byte of the image changed', () =>
    expect(verifyBinding(stored, Buffer.from('png bytez'), strokes, doc)).toContain('签名图像与签名时不一致'));
  it('a field of the record changed', () =>
    expect(verifyBinding({ ...stored, page: 2 }, image, strokes, doc)).toContain('签名记录被改动'));
});
