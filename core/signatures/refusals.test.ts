// Refusals, absences and inability (art. 30) on a real core: a resolved slot completes the
// document only when it is backed — by the witness's signature, or by the ceremony's recording
// once that recording is stored and linked. A lost recording voids the refusals that rested on it,
// and so does 继续签名 after an interruption: the new recording began after them and proves nothing
// about them. Officers' slots cannot be resolved this way.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoOnsite } from '../../scripts/demo-documents.ts';
import { syntheticSignature } from '../../scripts/demo-signatures.ts';
import type { RequiredSlot } from '../../shared/signatures/signature-api.ts';
import {
  FixedClock,
  makeCore,
  OFFICER_A,
  OFFICER_B,
  orgCaseInput,
  residentId,
  setUpPair,
  type TestCore,
} from '../../tests/support/core-fixture.ts';

const WITNESS_ID = residentId('45020319900101001');
const PASSWORDS: [string, string] = [OFFICER_A.password, OFFICER_B.password];

let t: TestCore;
let clock: FixedClock;
let a: string;
let b: string;
let caseId: string;

beforeEach(async () => {
  clock = new FixedClock();
  t = makeCore({ clock, fastPasswords: true });
  await setUpPair(t);
  [a, b] = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
  const matter = (await t.must('catalog.search', { query: '网络安全' })).items[0]!;
  caseId = (await t.must('cases.create', orgCaseInput([a, b], matter.id))).id;
});
afterEach(() => {
  t.dispose();
  made = 0;
});

let made = 0;
/** A 现场笔录 in 待签名; with a witness named unless `witness` is false. */
async function onsite(witness = true) {
  const evidenceDoc = await t.must('documents.create', { caseId, type: 'evidence' });
  // Each inspection an hour before the last (the same officers cannot be in two at once), the
  // record saying what the party said, not 「属实」 (which a refusal would contradict).
  const hour = String(8 - made++).padStart(2, '0');
  const base = {
    ...demoOnsite([a, b], b, evidenceDoc.id),
    startTime: `2026-11-20T${hour}:50`,
    endTime: `2026-11-20T${String(Number(hour) + 1).padStart(2, '0')}:25`,
    confirmation: '以上记录已向当事人宣读。',
  };
  const content = witness
    ? {
        ...base,
        witness: {
          name: '赵见证',
          idType: '居民身份证',
          idNumber: WITNESS_ID,
          unit: '大厦物业',
          role: '物业经理',
          phone: '',
        },
      }
    : base;
  const d = await t.must('documents.create', { caseId, type: 'onsite' });
  await t.must('documents.save', { id: d.id, revision: d.revision, content });
  await t.must('documents.markReady', { id: d.id });
  return d.id;
}

function signSlot(ceremonyId: string, slot: RequiredSlot, seed = 1) {
  const officer = slot.officerId === a ? OFFICER_A : slot.officerId === b ? OFFICER_B : null;
  const name = slot.role === '见证人' ? '赵见证' : slot.signerName || '陈立新';
  const s = syntheticSignature(name, seed);
  return t.must('signing.sign', {
    ceremonyId,
    slotId: slot.slotId,
    page: slot.page,
    signerName: name,
    signerIdNumber: slot.role === '见证人' ? WITNESS_ID : '',
    officerPassword: officer?.password ?? '',
    imagePngBase64: s.png.toString('base64'),
    strokes: s.strokes,
  });
}

/** Signs every slot still open except those `skip` names (slotId@page). Returns the witness's first signature id. */
async function signRest(id: string, ceremonyId: string, skip: (slot: RequiredSlot) => boolean = () => false) {
  const state = await t.must('signing.state', { id });
  const done = new Set(state.signatures.map((s) => `${s.slotId}@${s.page}`));
  let witness = state.signatures.find((s) => s.role === '见证人' && s.status === 'signed')?.id ?? '';
  for (const [i, slot] of state.required.entries()) {
    if (done.has(`${slot.slotId}@${slot.page}`) || skip(slot)) continue;
    const s = await signSlot(ceremonyId, slot, i + 1);
    if (slot.role === '见证人' && !witness) witness = s.signatures.find((x) => x.role === '见证人')!.id;
  }
  return witness;
}

const partySlots = (slot: RequiredSlot) => slot.slotId === 'party';

async function resolveParty(
  id: string,
  ceremonyId: string,
  status: 'refused' | 'absent' | 'unable',
  witnessSignatureId = '',
) {
  const state = await t.must('signing.state', { id });
  let last = state;
  for (const slot of state.required.filter(partySlots)) {
    last = await t.must('signing.resolve', {
      ceremonyId,
      slotId: slot.slotId,
      page: slot.page,
      status,
      reason: '当事人以不认可检查结果为由拒绝签名',
      officerPasswords: PASSWORDS,
      witnessSignatureId,
    });
  }
  return last;
}

let recordings = 0;
/** A recording stored as evidence of the case (each one different: identical content is refused as a duplicate). */
async function recording() {
  return t.core.evidence.ingest([Buffer.from(`webm recording bytes ${++recordings}`)], {
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
}

const events = () =>
  (
    t.core.db.prepare(`SELECT text FROM case_events WHERE case_id = ? ORDER BY rowid`).all(caseId) as { text: string }[]
  ).map((e) => e.text);

describe('a refusal backed by the witness', () => {
  for (const [status, label] of [
    ['refused', '拒绝签名'],
    ['absent', '不在场'],
    ['unable', '无法签名'],
  ] as const) {
    it(`${label}: every party slot resolved with the witness counts, and the document reaches 已签名 and can be sealed`, async () => {
      const id = await onsite();
      const { ceremonyId } = await t.must('signing.start', {
        documentId: id,
        recording: false,
        noRecordingReason: '现场无录像设备',
      });
      const witness = await signRest(id, ceremonyId, partySlots);
      expect((await t.must('signing.state', { id })).complete).toBe(false);
      const s = await resolveParty(id, ceremonyId, status, witness);
      expect(s.complete).toBe(true);
      expect(s.state).toBe('signed');
      expect(
        s.signatures
          .filter((x) => x.slotId === 'party')
          .every((x) => x.status === status && x.witnessSignatureId === witness),
      ).toBe(true);
      // The case's record and the print say the same words.
      expect(events().some((e) => e.includes(`：${label}（`))).toBe(true);
      await t.must('signing.end', { ceremonyId });
      expect(await t.call('seals.seal', { documentId: id, officerPasswords: PASSWORDS })).toMatchObject({ ok: true });
    });
  }

  it("an officer's slot (检查人员, 记录人) cannot be refused", async () => {
    const id = await onsite();
    const { ceremonyId } = await t.must('signing.start', {
      documentId: id,
      recording: false,
      noRecordingReason: '现场无录像设备',
    });
    const witness = await signRest(id, ceremonyId, (s) => s.slotId !== 'witness');
    for (const slotId of ['inspector-1', 'recorder']) {
      const r = await t.call('signing.resolve', {
        ceremonyId,
        slotId,
        page: null,
        status: 'refused',
        reason: '不愿签名',
        officerPasswords: PASSWORDS,
        witnessSignatureId: witness,
      });
      expect(r).toMatchObject({
        ok: false,
        error: { kind: 'validation', message: '执法人员的签名栏不能记录为拒签。' },
      });
    }
  });
});

describe('a refusal backed only by the recording', () => {
  it('does not complete the document until the recording is stored and linked; then 已签名', async () => {
    const id = await onsite(false);
    const { ceremonyId } = await t.must('signing.start', { documentId: id, recording: true });
    await signRest(id, ceremonyId, partySlots);
    const s = await resolveParty(id, ceremonyId, 'refused');
    // Every slot has a record, but the refusals rest on a recording not yet kept.
    expect(s.required.every((r) => s.signatures.some((x) => x.slotId === r.slotId && x.page === r.page))).toBe(true);
    expect(s.complete).toBe(false);
    expect(s.state).toBe('ready');
    expect(await t.call('seals.seal', { documentId: id, officerPasswords: PASSWORDS })).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });
    const item = await recording();
    const ended = await t.must('signing.end', { ceremonyId, recordingEvidenceId: item.id });
    expect(ended.complete).toBe(true);
    expect(ended.state).toBe('signed');
    expect(ended.signatures.filter((x) => x.status === 'refused').every((x) => x.recordingEvidenceId === item.id)).toBe(
      true,
    );
    expect(await t.call('seals.seal', { documentId: id, officerPasswords: PASSWORDS })).toMatchObject({ ok: true });
  });

  it('the camera failed: the refusals are voided, the document stays 待签名; with a witness it can then be completed', async () => {
    const id = await onsite();
    const first = await t.must('signing.start', { documentId: id, recording: true });
    await signRest(id, first.ceremonyId, (s) => s.slotId === 'party' || s.role === '见证人');
    await resolveParty(id, first.ceremonyId, 'refused');
    const ended = await t.must('signing.end', {
      ceremonyId: first.ceremonyId,
      recordingFailure: 'NotReadableError：摄像头被占用',
    });
    expect(ended.state).toBe('ready');
    expect(ended.complete).toBe(false);
    expect(ended.signatures.filter((x) => x.slotId === 'party')).toEqual([]);
    expect(events().at(-1)).toMatch(
      /录像未能保存：NotReadableError.*拒签\/缺席记录仅以录像为据，录像未能保存，已作废，须在见证人签名后重新记录/,
    );
    // The voided rows stay in the database for the audit.
    expect(
      (
        t.core.db
          .prepare(`SELECT discard_reason FROM signatures WHERE document_id = ? AND slot_id = 'party'`)
          .all(id) as { discard_reason: string }[]
      ).every((r) => r.discard_reason === '录像未能保存，拒签/缺席无见证人'),
    ).toBe(true);
    expect(await t.call('seals.seal', { documentId: id, officerPasswords: PASSWORDS })).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });

    // Next sitting, without recording: the refusal now needs the witness.
    const second = await t.must('signing.start', { documentId: id, recording: false, noRecordingReason: '摄像头故障' });
    const slot = (await t.must('signing.state', { id })).required.find(partySlots)!;
    const bare = await t.call('signing.resolve', {
      ceremonyId: second.ceremonyId,
      slotId: slot.slotId,
      page: slot.page,
      status: 'refused',
      reason: '拒绝签名',
      officerPasswords: PASSWORDS,
    });
    expect(bare).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/须有见证人签名/) },
    });
    const witness = await signRest(id, second.ceremonyId, partySlots);
    const done = await resolveParty(id, second.ceremonyId, 'refused', witness);
    expect(done.state).toBe('signed');
  });

  it('a sitting never ended: at the next start the refusals are voided and the sitting ends as 录像中断', async () => {
    const id = await onsite(false);
    const { ceremonyId } = await t.must('signing.start', { documentId: id, recording: true });
    await signRest(id, ceremonyId, partySlots);
    await resolveParty(id, ceremonyId, 'absent');
    t.reopen(); // the app was closed (or crashed) in the middle of the sitting
    await setUpPairAgain();
    const s = await t.must('signing.state', { id });
    expect(s.activeCeremonyId).toBeNull();
    expect(s.state).toBe('ready');
    expect(s.signatures.filter((x) => x.slotId === 'party')).toEqual([]);
    const row = t.core.db
      .prepare(`SELECT ended_at, no_recording_reason FROM signing_ceremonies WHERE id = ?`)
      .get(ceremonyId) as { ended_at: string; no_recording_reason: string };
    expect(row.ended_at).toBeTruthy();
    expect(row.no_recording_reason).toMatch(/^录像中断：程序重新启动/);
    expect(events().at(-1)).toMatch(/^签名自动结束（程序重新启动时签名尚未结束/);
    const audit = t.core.audit.rows().find((r) => r.action === 'signing-end' && r.detail.startsWith('自动结束'))!;
    expect(JSON.parse(audit.targets)).toContain(ceremonyId);
  });
});

describe('继续签名 after an interruption: a recording backs only what was done while it ran', () => {
  const row = (sigId: string) =>
    t.core.db.prepare(`SELECT discarded_at, discard_reason FROM signatures WHERE id = ?`).get(sigId) as {
      discarded_at: string | null;
      discard_reason: string;
    };
  const ceremonyRow = (cid: string) =>
    t.core.db
      .prepare(`SELECT ended_at, no_recording_reason, recording_evidence_id FROM signing_ceremonies WHERE id = ?`)
      .get(cid) as { ended_at: string | null; no_recording_reason: string; recording_evidence_id: string | null };

  it('a refusal made before the new recording began is voided; linking the new recording does not complete the document until it is redone on it', async () => {
    const id = await onsite(false);
    const first = await t.must('signing.start', { documentId: id, recording: true });
    await signRest(id, first.ceremonyId, partySlots);
    const refused = (await resolveParty(id, first.ceremonyId, 'refused')).signatures.filter(
      (x) => x.slotId === 'party',
    );
    const signedBefore = (await t.must('signing.state', { id })).signatures.filter((x) => x.status === 'signed');
    expect(refused.length).toBeGreaterThan(0);
    // The page was reloaded mid-sitting: the sitting is still open, its recording is gone.
    clock.advanceMinutes(5);
    expect((await t.must('signing.state', { id })).activeCeremonyId).toBe(first.ceremonyId);
    const second = await t.must('signing.start', { documentId: id, recording: true, continues: first.ceremonyId });
    expect(second.ceremonyId).not.toBe(first.ceremonyId);

    // The interrupted sitting is over, as 录像中断; its refusals are voided (kept for the audit).
    expect(ceremonyRow(first.ceremonyId)).toMatchObject({
      ended_at: clock.now().toISOString(),
      recording_evidence_id: null,
      no_recording_reason: expect.stringMatching(/^录像中断：签名过程被中断/),
    });
    for (const r of refused)
      expect(row(r.id)).toEqual({
        discarded_at: clock.now().toISOString(),
        discard_reason: '录像中断后继续签名：拒签/缺席记录于新录像开始之前，无见证人',
      });
    const audit = t.core.audit
      .rows()
      .find((r) => r.action === 'signing-end' && JSON.parse(r.targets)[0] === first.ceremonyId)!;
    expect(JSON.parse(audit.targets)).toEqual([first.ceremonyId, ...refused.map((r) => r.id)]);
    expect(audit.detail).toBe(`继续签名时结束（录像中断），作废${refused.length}处仅以中断前录像为据的拒签/缺席`);
    expect(t.core.audit.rows().at(-1)).toMatchObject({ action: 'signing-start', detail: '同步录像，继续中断的签名' });
    expect(events().at(-2)).toMatch(
      new RegExp(
        `^签名中断，继续签名时结束，本次${signedBefore.length}个签名，录像中断：.*${refused.length}处拒签/缺席记录仅以中断前的录像为据.*须在新录像下或见证人签名后重新记录$`,
      ),
    );
    expect(events().at(-1)).toMatch(/^继续中断的签名：现场笔录/);
    const now = await t.must('signing.state', { id });
    expect(now.activeCeremonyId).toBe(second.ceremonyId);
    expect(now.signatures.filter((x) => x.slotId === 'party')).toEqual([]);
    // The handwritten signatures made before stay valid, and are not linked to any recording.
    expect(now.signatures.map((x) => x.id)).toEqual(signedBefore.map((x) => x.id));
    expect(t.core.signatures.verify(id).every((v) => v.problems.length === 0)).toBe(true);

    // Linking the new recording without redoing the refusals: every other slot is signed, but not 已签名.
    const item = await recording();
    const ended = await t.must('signing.end', { ceremonyId: second.ceremonyId, recordingEvidenceId: item.id });
    expect(ended.complete).toBe(false);
    expect(ended.state).toBe('ready');
    expect(ended.signatures.every((x) => x.recordingEvidenceId === null)).toBe(true);
    expect(await t.call('seals.seal', { documentId: id, officerPasswords: PASSWORDS })).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });

    // Redone on camera, in a sitting whose recording began before them: these count.
    const third = await t.must('signing.start', { documentId: id, recording: true });
    const redone = await resolveParty(id, third.ceremonyId, 'refused');
    expect(redone.complete).toBe(false); // waiting for this recording
    const item2 = await recording();
    const done = await t.must('signing.end', { ceremonyId: third.ceremonyId, recordingEvidenceId: item2.id });
    expect(done.complete).toBe(true);
    expect(done.state).toBe('signed');
    expect(
      done.signatures
        .filter((x) => x.slotId === 'party')
        .every((x) => x.status === 'refused' && x.recordingEvidenceId === item2.id),
    ).toBe(true);
    expect(done.signatures.filter((x) => x.status === 'signed').every((x) => x.recordingEvidenceId === null)).toBe(
      true,
    );
  });

  it('a refusal made after the new recording began counts once that recording is linked; a witness-backed one from before stays', async () => {
    const id = await onsite();
    const first = await t.must('signing.start', { documentId: id, recording: true });
    const witness = await signRest(id, first.ceremonyId, partySlots);
    const partyAll = (await t.must('signing.state', { id })).required.filter(partySlots);
    const [early, ...later] = partyAll;
    const kept = await t.must('signing.resolve', {
      ceremonyId: first.ceremonyId,
      slotId: early!.slotId,
      page: early!.page,
      status: 'absent',
      reason: '当事人离开现场',
      officerPasswords: PASSWORDS,
      witnessSignatureId: witness,
    });
    const keptId = kept.signatures.find((x) => x.slotId === early!.slotId && x.page === early!.page)!.id;

    const second = await t.must('signing.start', { documentId: id, recording: true, continues: first.ceremonyId });
    let s = await t.must('signing.state', { id });
    expect(s.signatures.some((x) => x.id === keptId)).toBe(true); // backed by the witness, not by the lost recording
    for (const slot of later) {
      s = await t.must('signing.resolve', {
        ceremonyId: second.ceremonyId,
        slotId: slot.slotId,
        page: slot.page,
        status: 'absent',
        reason: '当事人离开现场',
        officerPasswords: PASSWORDS,
      });
    }
    expect(s.complete).toBe(later.length === 0);
    const item = await recording();
    const done = await t.must('signing.end', { ceremonyId: second.ceremonyId, recordingEvidenceId: item.id });
    expect(done.complete).toBe(true);
    expect(done.state).toBe('signed');
    const party = done.signatures.filter((x) => x.slotId === 'party');
    expect(party.find((x) => x.id === keptId)).toMatchObject({
      witnessSignatureId: witness,
      recordingEvidenceId: null,
    });
    expect(
      party
        .filter((x) => x.id !== keptId)
        .every((x) => x.ceremonyId === second.ceremonyId && x.recordingEvidenceId === item.id),
    ).toBe(true);
  });

  it("only this document's sitting can be continued; one already ended leaves nothing to end", async () => {
    const id = await onsite(false);
    const other = await onsite(false);
    const theirs = await t.must('signing.start', { documentId: other, recording: true });
    expect(
      await t.call('signing.start', { documentId: id, recording: true, continues: theirs.ceremonyId }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/不是本文书的签名/) } });
    expect(ceremonyRow(theirs.ceremonyId).ended_at).toBeNull();
    // Ended meanwhile (e.g. from another screen): continuing just starts the new sitting.
    await t.must('signing.end', { ceremonyId: theirs.ceremonyId, recordingFailure: '录像中断：测试' });
    const next = await t.must('signing.start', { documentId: other, recording: true, continues: theirs.ceremonyId });
    expect((await t.must('signing.state', { id: other })).activeCeremonyId).toBe(next.ceremonyId);
  });
});

async function setUpPairAgain() {
  await t.must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
  await t.must('session.signIn', { certNo: OFFICER_B.certNo, password: OFFICER_B.password });
}
