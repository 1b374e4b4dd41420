// Who signed and how (issue #20) on a real core: an organisation's signer named with position and
// authority, a 盖章 captured as an image and bound like a signature, a 受委托人 with the 授权委托书
// as evidence; a refusal on a 询问笔录 completed with the 见证人 every document offers, without a
// camera; a refusal in a sitting whose camera failed is refused up front, and one voided at the
// end is explained (the state says what and why; the record says 未录像 with the reason in Chinese).
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoInquiry, demoOnsite } from '../../scripts/demo-documents.ts';
import { syntheticSignature } from '../../scripts/demo-signatures.ts';
import type { RequiredSlot, SigningState } from '../../shared/signatures/signature-api.ts';
import {
  makeCore,
  OFFICER_A,
  OFFICER_B,
  orgCaseInput,
  residentId,
  setUpPair,
  type TestCore,
} from '../../tests/support/core-fixture.ts';
import { pdftotextRaw } from '../../tests/support/poppler.ts';
import { verifyCore } from '../seals/verify-seals.ts';

const WITNESS_ID = residentId('45020319900101001');
const PASSWORDS: [string, string] = [OFFICER_A.password, OFFICER_B.password];
const ORG = '柳州市星河网络科技有限公司';
/** The 现场笔录's witness, present for a refusal or a 盖章. */
const WITNESS = {
  name: '赵见证',
  idType: '居民身份证',
  idNumber: WITNESS_ID,
  unit: '大厦物业',
  role: '物业经理',
  phone: '',
};

let t: TestCore;
let a: string;
let b: string;
let caseId: string;

beforeEach(async () => {
  t = makeCore({ fastPasswords: true });
  await setUpPair(t);
  [a, b] = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
  const matter = (await t.must('catalog.search', { query: '网络安全' })).items[0]!;
  caseId = (await t.must('cases.create', orgCaseInput([a, b], matter.id))).id;
});
afterEach(() => t.dispose());

async function ready(type: 'inquiry' | 'onsite', content: object) {
  const d = await t.must('documents.create', { caseId, type });
  await t.must('documents.save', { id: d.id, revision: d.revision, content: content as Record<string, unknown> });
  await t.must('documents.markReady', { id: d.id });
  return d.id;
}

/** A stamp photographed: a red ring as a real PNG (what the screen sends after scaling a photo). */
function stampPng(): string {
  return syntheticSignature('星河公司', 7).png.toString('base64');
}

function sign(ceremonyId: string, slot: RequiredSlot, extra: Record<string, unknown> = {}, seed = 1) {
  const officer = slot.officerId === a ? OFFICER_A : slot.officerId === b ? OFFICER_B : null;
  const name = officer?.name ?? (slot.role === '见证人' ? '赵见证' : slot.signerName || '陈立新');
  const s = syntheticSignature(name, seed);
  return t.call('signing.sign', {
    ceremonyId,
    slotId: slot.slotId,
    page: slot.page,
    signerName: name,
    signerIdNumber: slot.role === '见证人' ? WITNESS_ID : '',
    officerPassword: officer?.password ?? '',
    imagePngBase64: s.png.toString('base64'),
    strokes: s.strokes,
    ...extra,
  });
}

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function pdfText(id: string, name: string): Promise<string> {
  const pdf = await t.must('documents.pdf', { id });
  const file = join(t.dir, name);
  writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
  // To look at the renders: KEEP_PDF=/some/dir npx vitest run … (docs/SIGNATURES.md).
  if (process.env.KEEP_PDF) copyFileSync(file, join(process.env.KEEP_PDF, name));
  return pdftotextRaw(file).replace(/\n/g, '');
}

async function authorisationLetter(): Promise<string> {
  const item = await t.core.evidence.ingest([Buffer.from('授权委托书（扫描件）')], {
    caseId,
    fileName: '授权委托书.pdf',
    officerIds: [a, b],
    meta: {
      category: '文档',
      description: '星河公司出具的授权委托书',
      source: '当事人提供',
      method: '拍照',
      timeSourceNote: '',
      provider: { name: '', idNumber: '', statement: false },
      original: true,
      copy: { method: '', madeAt: '', madeBy: '' },
    },
  });
  return item.id;
}

describe('an organisation signs: a named person, position and authority; 盖章 as an image', () => {
  it('refuses the organisation as signer and a 受委托人 without the 授权委托书; binds a 盖章 photo like a signature and prints it', async () => {
    const id = await ready('onsite', {
      ...demoOnsite([a, b], b, (await t.must('documents.create', { caseId, type: 'evidence' })).id),
      witness: WITNESS,
    });
    const { ceremonyId } = await t.must('signing.start', {
      documentId: id,
      recording: false,
      noRecordingReason: '测试：不录像',
    });
    const state = await t.must('signing.state', { id });
    const end = state.required.find((s) => s.slotId === 'party' && s.page === null)!;
    // The organisation's name is not a signer.
    const asOrg = await sign(ceremonyId, end, { signerName: ORG, signerRole: '总经理', authority: '法定代表人' });
    expect(asOrg).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/签名人本人的姓名/) },
    });
    // No authority stated.
    const noAuthority = await sign(ceremonyId, end, { signerName: '刘受托' });
    expect(noAuthority).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/法定代表人、负责人或受委托人/) },
    });
    // A 受委托人 shows the 授权委托书 — an evidence item of this case.
    const stamp = { mark: '盖章', capture: 'photo', strokes: null, imagePngBase64: stampPng() };
    const noLetter = await sign(ceremonyId, end, {
      ...stamp,
      signerName: '刘受托',
      signerRole: '行政主管',
      authority: '受委托人',
    });
    expect(noLetter).toMatchObject({ ok: false, error: { message: expect.stringMatching(/授权委托书/) } });
    // A 签名 is drawn on the pad; an image without strokes is a 捺指印 or 盖章.
    const drawnStamp = await sign(ceremonyId, end, { mark: '签名', capture: 'photo', strokes: null });
    expect(drawnStamp.ok).toBe(false);
    const letter = await authorisationLetter();
    const after = await ok(
      sign(ceremonyId, end, {
        ...stamp,
        signerName: '刘受托',
        signerRole: '行政主管',
        authority: '受委托人',
        authorisationEvidenceId: letter,
      }),
    );
    const rec = after.signatures.find((s) => s.slotId === 'party' && s.page === null)!;
    expect(rec).toMatchObject({ signerName: '刘受托', strokesSha256: null, status: 'signed' });
    expect(rec.how).toEqual({
      mark: '盖章',
      capture: 'photo',
      onBehalfOf: ORG,
      signerRole: '行政主管',
      authority: '受委托人',
      authorisationEvidenceId: letter,
      reusedOnPages: false,
    });

    // The rest by hand (the party's per-page slots by its 法定代表人).
    for (const [i, slot] of (await t.must('signing.state', { id })).required.entries()) {
      if (after.signatures.some((s) => s.slotId === slot.slotId && s.page === slot.page)) continue;
      const party =
        slot.role === '当事人' ? { signerName: '陈立新', signerRole: '总经理', authority: '法定代表人' } : {};
      await ok(sign(ceremonyId, slot, party, i + 2));
    }
    const done = await t.must('signing.end', { ceremonyId });
    expect(done.complete).toBe(true);
    // Bound like a signature: every binding holds, the image is the one stored.
    expect(t.core.signatures.verify(id).flatMap((v) => v.problems)).toEqual([]);
    const text = await pdfText(id, 'stamp.pdf');
    expect(text).toContain('签 名 情 况 记 录');
    expect(text).toContain(
      `「当事人」：刘受托代表${ORG}（职务：行政主管；身份：受委托人，授权委托书见电子数据编号${letter}）`,
    );
    expect(text).toMatch(/盖章（导入照片的印章图像/);
    expect(text).toContain('（职务：总经理；身份：法定代表人）');
    // The officers' end signatures shown again on every page are stated as reused, with consent.
    expect(text).toMatch(
      /第1至3页「检查人员」栏所印的签名，系李明于.+在文末「检查人员」栏所签，经其同意在各页复用，不是在各页分别所签。/,
    );
    // Sealed and verified like any other: the record of format 2 travels with the seal.
    await t.must('seals.seal', { documentId: id, officerPasswords: PASSWORDS });
    const { verifyCore } = await import('../seals/verify-seals.ts');
    const report = await verifyCore(t.core);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });
});

// A transcript whose interviewee refuses to sign records that, not 「与我所说的相符」 (the case
// timeline's rule confirmedThenRefused refuses a confirmation beside a refusal).
const REFUSED_INQUIRY = () => ({ ...demoInquiry(a, b), confirmation: '被询问人拒绝签名，理由：对笔录内容有异议。' });

describe('a refusal completed lawfully without a camera', () => {
  it('a 询问笔录 (no witness slot of its own) is completed with the offered 见证人 and prints who, why, when, both officers and the witness', async () => {
    const id = await ready('inquiry', REFUSED_INQUIRY());
    const { ceremonyId } = await t.must('signing.start', {
      documentId: id,
      recording: false,
      noRecordingReason: '本机没有摄像头',
    });
    const state = await t.must('signing.state', { id });
    expect(state.offered).toEqual([
      expect.objectContaining({ slotId: 'confirmation', role: '被询问人', signerName: '张𠮷㵘', page: null }),
      expect.objectContaining({ slotId: 'refusal-witness', role: '见证人', page: null }),
    ]);
    const interviewee = state.required.filter((s) => s.slotId === 'interviewee');
    expect(interviewee.length).toBeGreaterThan(1);
    // Without a witness and without a recording the refusal is refused, saying what to do.
    const early = await t.call('signing.resolve', {
      ceremonyId,
      slotId: 'interviewee',
      page: null,
      status: 'refused',
      reason: '被询问人称对笔录内容有异议，拒绝签名',
      officerPasswords: PASSWORDS,
    });
    expect(early).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/见证人签名.*见证人（拒签、缺席的见证）/) },
    });
    const witnessed = await ok(sign(ceremonyId, state.offered[1]!, {}, 3));
    const witnessId = witnessed.signatures.find((s) => s.slotId === 'refusal-witness')!.id;
    let last: SigningState = witnessed;
    for (const slot of interviewee)
      last = await t.must('signing.resolve', {
        ceremonyId,
        slotId: slot.slotId,
        page: slot.page,
        status: 'refused',
        reason: '被询问人称对笔录内容有异议，拒绝签名',
        officerPasswords: PASSWORDS,
        witnessSignatureId: witnessId,
      });
    for (const [i, slot] of last.required.entries()) if (slot.officerId) await ok(sign(ceremonyId, slot, {}, i + 5));
    const end = await t.must('signing.end', { ceremonyId });
    expect(end.complete).toBe(true);
    expect(end.voided).toEqual([]);
    const text = await pdfText(id, 'inquiry-refused.pdf');
    // In the slots at body size, pointing to the statement; the statement in full.
    expect(text.split('拒绝签名，见签名情况记录').length - 1).toBe(1);
    expect(text.split('拒绝签名').length - 1).toBeGreaterThanOrEqual(interviewee.length + 1);
    expect(text).toMatch(
      /「被询问人」：被询问人张𠮷㵘拒绝签名。理由：被询问人称对笔录内容有异议，拒绝签名。记录时间：\d{4}年\d{1,2}月\d{1,2}日\d{1,2}时\d{2}分。/,
    );
    expect(text).toContain('执法人员李明（执法证号45020019001）、王芳（执法证号45020019002）当场记录并确认。');
    expect(text).toMatch(/见证人赵见证在场见证，并于\d{4}年.+签名/);
  });
});

describe('a refusal for an organisation', () => {
  it('names who refused for it — position and authority as the officers recorded them — bound, sealed and printed', async () => {
    const id = await ready('onsite', {
      ...demoOnsite([a, b], b, (await t.must('documents.create', { caseId, type: 'evidence' })).id),
      confirmation: '以上记录已向当事人宣读，当事人对检查结果有异议，拒绝签名。',
      witness: WITNESS,
    });
    const { ceremonyId } = await t.must('signing.start', {
      documentId: id,
      recording: false,
      noRecordingReason: '测试：不录像',
    });
    let state = await t.must('signing.state', { id });
    for (const [i, slot] of state.required.entries())
      if (slot.slotId !== 'party') state = await ok(sign(ceremonyId, slot, {}, i + 1));
    const witness = state.signatures.find((s) => s.role === '见证人')!.id;
    const refuse = (slot: RequiredSlot, extra: Record<string, unknown>) =>
      t.call('signing.resolve', {
        ceremonyId,
        slotId: slot.slotId,
        page: slot.page,
        status: 'refused',
        signerName: '张𠮷㵘',
        reason: '以不认可检查结果为由拒绝签名',
        officerPasswords: PASSWORDS,
        witnessSignatureId: witness,
        ...extra,
      });
    const party = state.required.filter((s) => s.slotId === 'party');
    // An authority without the position: refused, naming the field.
    expect(await refuse(party[0]!, { authority: '受委托人' })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: `请写明张𠮷㵘在${ORG}的职务。`, fields: { signerRole: '请填写职务。' } },
    });
    for (const slot of party) state = await ok(refuse(slot, { signerRole: '业务主管', authority: '受委托人' }));
    const refusals = state.signatures.filter((s) => s.slotId === 'party');
    expect(refusals.map((s) => s.how)).toEqual(
      party.map(() => expect.objectContaining({ onBehalfOf: ORG, signerRole: '业务主管', authority: '受委托人' })),
    );
    await t.must('signing.end', { ceremonyId });
    const text = await pdfText(id, 'org-refused.pdf');
    expect(text).toContain(`当事人${ORG}的业务主管张𠮷㵘（受委托人）拒绝签名。理由：以不认可检查结果为由拒绝签名。`);
    expect(await t.call('seals.seal', { documentId: id, officerPasswords: PASSWORDS })).toMatchObject({ ok: true });
    // The capacity is bound: the seal's verification recomputes each refusal's binding with it.
    expect((await verifyCore(t.core)).ok).toBe(true);
  });
});

describe('the interviewee writes the confirmation by hand', () => {
  it('the offered 被询问人核对意见（手写） is signed on the pad, bound, not required, and printed with its image', async () => {
    const id = await ready('inquiry', demoInquiry(a, b));
    const { ceremonyId } = await t.must('signing.start', {
      documentId: id,
      recording: false,
      noRecordingReason: '测试：不录像',
    });
    const state = await t.must('signing.state', { id });
    const confirmation = state.offered.find((o) => o.slotId === 'confirmation')!;
    const after = await ok(sign(ceremonyId, confirmation, { signerName: '张𠮷㵘' }, 11));
    expect(after.signatures).toEqual([
      expect.objectContaining({ slotId: 'confirmation', role: '被询问人', status: 'signed', page: null }),
    ]);
    expect(after.complete).toBe(false); // not required: the document still needs its slots
    for (const [i, slot] of after.required.entries()) await ok(sign(ceremonyId, slot, {}, i + 12));
    expect((await t.must('signing.end', { ceremonyId })).complete).toBe(true);
    expect(t.core.signatures.verify(id).flatMap((v) => v.problems)).toEqual([]);
    const text = await pdfText(id, 'confirmation.pdf');
    expect(text).toMatch(/「被询问人核对意见（手写）」：张𠮷㵘于\d{4}年.+在签名板上手写：/);
  });
});

describe('a camera that failed', () => {
  it('a refusal resting on a recording the screen knows failed is refused up front; one voided at the end is explained, with the reason in Chinese', async () => {
    const id = await ready('inquiry', REFUSED_INQUIRY());
    const { ceremonyId } = await t.must('signing.start', { documentId: id, recording: true, noRecordingReason: '' });
    const end = (await t.must('signing.state', { id })).required.find(
      (s) => s.slotId === 'interviewee' && s.page === null,
    )!;
    const refuse = (recordingProblem: string) =>
      t.call('signing.resolve', {
        ceremonyId,
        slotId: end.slotId,
        page: end.page,
        status: 'refused',
        reason: '被询问人拒绝签名',
        officerPasswords: PASSWORDS,
        recordingProblem,
      });
    const upFront = await refuse('未能录像（没有找到摄像头或麦克风（本机没有，或未连接））');
    expect(upFront).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^未能录像（没有找到摄像头.*请先点「见证人签名」/) },
    });
    expect((await t.must('signing.state', { id })).signatures).toEqual([]);
    // Accepted while the camera still worked, then the recording is lost: voided, and said so.
    await ok(refuse(''));
    const after = await t.must('signing.end', {
      ceremonyId,
      recordingEvidenceId: '',
      recordingFailure: '未录像：摄像头或麦克风正被其他程序占用，或设备出现故障',
    });
    expect(after.signatures.filter((s) => s.status === 'refused')).toEqual([]);
    expect(after.voided).toEqual([
      {
        slotId: 'interviewee',
        page: null,
        label: end.label,
        status: 'refused',
        why: '录像未能保存，拒签/缺席无见证人',
      },
    ]);
    const events = (await t.must('cases.get', { id: caseId })).events.map((e) => e.text).join('\n');
    expect(events).toContain('未录像：摄像头或麦克风正被其他程序占用，或设备出现故障');
    expect(events).toContain('已作废，须在见证人签名后重新记录');
    expect(events).not.toMatch(/[A-Za-z]+Error|Requested device/);
  });
});

describe('records of before format 2', () => {
  it('a refusal made without `how` keeps printing as it did (「拒绝签名（理由）」, no 签名情况记录 page)', () => {
    // write-pdf draws the old form when a signature has no detail: the signing-record module
    // decides only for records that carry one.
    const old = {
      slotId: 'party',
      page: null,
      status: 'refused' as const,
      image: null,
      signerName: '',
      signedAt: '2026-11-20T01:00:00Z',
      reason: '不认可',
    };
    return import('../../protocol/print/signing-record.ts').then((m) => {
      expect(m.needsRecord(old)).toBe(false);
      expect(m.recordParagraphs([old])).toEqual([]);
    });
  });
});
