// Late signing (the case timeline's lateSignature) on a real core: a sitting begun more than the
// set margin after its record was complete needs a reason, which every signature made in it
// carries; 继续签名 after an interruption carries the interrupted sitting's reason on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoInquiry } from '../../scripts/demo-documents.ts';
import { FixedClock, makeCore, orgCaseInput, setUpPair, type TestCore } from '../../tests/support/core-fixture.ts';

let t: TestCore;
let clock: FixedClock;
let inquiryId: string;

beforeEach(async () => {
  // 11:00 Beijing on the sample day: the inquiry (09:30–10:45) is over.
  clock = new FixedClock('2026-11-20T03:00:00.000Z');
  t = makeCore({ clock, fastPasswords: true });
  await setUpPair(t);
  const [a, b] = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
  const matter = (await t.must('catalog.search', { query: '网络安全' })).items[0]!;
  const caseId = (await t.must('cases.create', orgCaseInput([a, b], matter.id))).id;
  const d = await t.must('documents.create', { caseId, type: 'inquiry' });
  await t.must('documents.save', { id: d.id, revision: d.revision, content: demoInquiry(a, b) });
  await t.must('documents.markReady', { id: d.id });
  inquiryId = d.id;
});
afterEach(() => t.dispose());

const start = (lateReason: string, continues?: string) =>
  t.call('signing.start', {
    documentId: inquiryId,
    recording: false,
    noRecordingReason: '测试：不录像',
    lateReason,
    ...(continues ? { continues } : {}),
  });

describe('late signing', () => {
  it('within the margin (120 minutes by default) no reason is asked for, and none is kept', async () => {
    clock.advanceMinutes(100); // 12:40, 115 minutes after 10:45
    const r = await start('');
    expect(r.ok).toBe(true);
    expect((await t.must('signing.state', { id: inquiryId })).activeLateReason).toBe('');
  });

  it('past the margin a sitting without a reason is refused in Chinese, naming the minutes and the margin', async () => {
    clock.advanceMinutes(24 * 60); // the next day, 11:00
    const r = await start('');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe(
      '询问笔录（网信案询〔2026〕0001号）于2026-11-20 10:45完成，现在开始签名已晚1455分钟（超过设定的120分钟）：请填写逾时签名的原因（至少4个字），原因随每个签名保存并打印在文书上。',
    );
    expect(r.error.fields).toEqual({ lateReason: '请填写逾时签名的原因。' });
    expect((await t.must('signing.state', { id: inquiryId })).activeCeremonyId).toBeNull();
    // Too short a reason is no reason.
    expect((await start('补签')).ok).toBe(false);
  });

  it('with a reason the sitting begins and keeps it; 继续签名 without one carries it on', async () => {
    clock.advanceMinutes(24 * 60);
    const first = await t.must('signing.start', {
      documentId: inquiryId,
      recording: false,
      noRecordingReason: '测试：不录像',
      lateReason: '被询问人当日身体不适，次日到办公室核对后签名',
    });
    expect((await t.must('signing.state', { id: inquiryId })).activeLateReason).toBe(
      '被询问人当日身体不适，次日到办公室核对后签名',
    );
    clock.advanceMinutes(5);
    const second = await start('', first.ceremonyId);
    expect(second.ok).toBe(true);
    expect((await t.must('signing.state', { id: inquiryId })).activeLateReason).toBe(
      '被询问人当日身体不适，次日到办公室核对后签名',
    );
  });
});
