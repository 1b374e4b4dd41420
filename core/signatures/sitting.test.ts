// A signing sitting is bounded: camera and microphone are granted only while a recorded sitting
// is open and recent, and a sitting nobody ends is ended for them — at the next start, or when
// a new one begins after the limit — as 录像中断 with the reason in the case's record and the audit log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoInquiry } from '../../scripts/demo-documents.ts';
import { FixedClock, makeCore, orgCaseInput, setUpPair, type TestCore } from '../../tests/support/core-fixture.ts';
import { mediaGrantAllowed, SITTING_LIMIT_MINUTES, sittingIsLive } from './sitting.ts';

describe('the sitting limit (pure)', () => {
  const now = new Date('2026-11-20T03:00:00.000Z');
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
  it('a recorded sitting grants the camera for 60 minutes, then no more', () => {
    expect(SITTING_LIMIT_MINUTES).toBe(60);
    expect(mediaGrantAllowed([{ startedAt: at(0), recording: true }], now)).toBe(true);
    expect(mediaGrantAllowed([{ startedAt: at(59), recording: true }], now)).toBe(true);
    expect(mediaGrantAllowed([{ startedAt: at(60), recording: true }], now)).toBe(false);
    expect(
      mediaGrantAllowed(
        [
          { startedAt: at(600), recording: true },
          { startedAt: at(5), recording: true },
        ],
        now,
      ),
    ).toBe(true);
  });
  it('never for a sitting without recording, none at all, or one dated in the future (clock set back)', () => {
    expect(mediaGrantAllowed([{ startedAt: at(1), recording: false }], now)).toBe(false);
    expect(mediaGrantAllowed([], now)).toBe(false);
    expect(mediaGrantAllowed([{ startedAt: at(-30), recording: true }], now)).toBe(false);
    expect(sittingIsLive({ startedAt: 'not a time', recording: true }, now)).toBe(false);
  });
});

describe('sittings in the core', () => {
  let t: TestCore;
  let clock: FixedClock;
  let docId: string;
  let caseId: string;

  beforeEach(async () => {
    clock = new FixedClock('2026-11-20T03:00:00.000Z'); // 11:00, the sample inquiry (09:30–10:45) over
    t = makeCore({ clock });
    await setUpPair(t);
    const [a, b] = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
    const matter = (await t.must('catalog.search', { query: '网络安全' })).items[0]!;
    caseId = (await t.must('cases.create', orgCaseInput([a, b], matter.id))).id;
    const d = await t.must('documents.create', { caseId, type: 'inquiry' });
    await t.must('documents.save', { id: d.id, revision: d.revision, content: demoInquiry(a, b) });
    await t.must('documents.markReady', { id: d.id });
    docId = d.id;
  });
  afterEach(() => t.dispose());

  const ceremony = (id: string) =>
    t.core.db.prepare(`SELECT ended_at, no_recording_reason FROM signing_ceremonies WHERE id = ?`).get(id) as {
      ended_at: string | null;
      no_recording_reason: string;
    };
  const lastEvent = () =>
    (
      t.core.db.prepare(`SELECT text FROM case_events WHERE case_id = ? ORDER BY id DESC LIMIT 1`).get(caseId) as {
        text: string;
      }
    ).text;

  it('the media grant follows an open, recent, recorded sitting only', async () => {
    expect(t.core.signatures.recordingCeremonyOpen(clock.now())).toBe(false);
    const unrecorded = await t.must('signing.start', {
      documentId: docId,
      recording: false,
      noRecordingReason: '现场无录像设备',
    });
    expect(t.core.signatures.recordingCeremonyOpen(clock.now())).toBe(false);
    await t.must('signing.end', { ceremonyId: unrecorded.ceremonyId });
    const { ceremonyId } = await t.must('signing.start', { documentId: docId, recording: true });
    expect(t.core.signatures.recordingCeremonyOpen(clock.now())).toBe(true);
    expect(t.core.signatures.sittingInProgress(clock.now())).toBe(true);
    clock.advanceMinutes(59);
    expect(t.core.signatures.recordingCeremonyOpen(clock.now())).toBe(true);
    clock.advanceMinutes(2);
    // Abandoned: still open in the database, but no longer grants the camera nor holds off the idle lock.
    expect(ceremony(ceremonyId).ended_at).toBeNull();
    expect(t.core.signatures.recordingCeremonyOpen(clock.now())).toBe(false);
    expect(t.core.signatures.sittingInProgress(clock.now())).toBe(false);
  });

  it('a new sitting ends one left open past the limit, as 录像中断, in the case record and the audit log', async () => {
    const old = await t.must('signing.start', { documentId: docId, recording: true });
    clock.advanceMinutes(30);
    const recent = await t.must('signing.start', {
      documentId: docId,
      recording: false,
      noRecordingReason: '现场无录像设备',
    });
    expect(ceremony(old.ceremonyId).ended_at).toBeNull(); // 30 minutes: still a live sitting
    clock.advanceMinutes(31);
    const fresh = await t.must('signing.start', { documentId: docId, recording: true });
    expect(ceremony(old.ceremonyId)).toMatchObject({
      ended_at: clock.now().toISOString(),
      no_recording_reason: '录像中断：开始后超过60分钟仍未结束',
    });
    expect(ceremony(recent.ceremonyId).ended_at).toBeNull();
    expect(ceremony(fresh.ceremonyId).ended_at).toBeNull();
    const events = (
      t.core.db.prepare(`SELECT text FROM case_events WHERE case_id = ? ORDER BY id`).all(caseId) as { text: string }[]
    ).map((e) => e.text);
    expect(events).toContain(
      '签名自动结束（开始后超过60分钟仍未结束），本次0个签名，录像中断：开始后超过60分钟仍未结束',
    );
    expect(
      t.core.audit
        .rows()
        .some(
          (r) =>
            r.action === 'signing-end' &&
            JSON.parse(r.targets)[0] === old.ceremonyId &&
            r.detail === '自动结束：开始后超过60分钟仍未结束',
        ),
    ).toBe(true);
    // The state offers the sitting still open for this document (the newest).
    expect((await t.must('signing.state', { id: docId })).activeCeremonyId).toBe(fresh.ceremonyId);
    // An automatically ended sitting cannot be used any more.
    expect(await t.call('signing.end', { ceremonyId: old.ceremonyId })).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });
  });

  it('at the next start every sitting left open by the previous process is ended', async () => {
    const { ceremonyId } = await t.must('signing.start', {
      documentId: docId,
      recording: false,
      noRecordingReason: '现场无录像设备',
    });
    t.reopen();
    expect(ceremony(ceremonyId).ended_at).toBe(clock.now().toISOString());
    expect(ceremony(ceremonyId).no_recording_reason).toBe('现场无录像设备'); // not recorded: nothing was lost
    expect(lastEvent()).toBe('签名自动结束（程序重新启动时签名尚未结束，上次运行已中断），本次0个签名');
    expect(t.core.signatures.recordingCeremonyOpen(clock.now())).toBe(false);
  });
});
