import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoInquiry, demoOnsite } from '../../scripts/demo-documents.ts';
import { makeCore, orgCaseInput, residentId, setUpPair, type TestCore } from '../../tests/support/core-fixture.ts';

let t: TestCore;
let officerIds: string[];
let caseId: string;
beforeEach(async () => {
  t = makeCore();
  await setUpPair(t);
  officerIds = (await t.must('officers.list', {})).map((o) => o.id);
  caseId = (await t.must('cases.create', orgCaseInput(officerIds, 'csl-59'))).id;
});
afterEach(() => t.dispose());

describe('documents', () => {
  it('creates each type with its own number, prefilled from the case and the session', async () => {
    const inquiry = await t.must('documents.create', { caseId, type: 'inquiry' });
    const onsite = await t.must('documents.create', { caseId, type: 'onsite' });
    const evidence = await t.must('documents.create', { caseId, type: 'evidence' });
    const preservation = await t.must('documents.create', { caseId, type: 'preservation' });
    expect(inquiry.docNo).toMatch(/^网信案询〔\d{4}〕0001号$/);
    expect(onsite.docNo).toMatch(/^网信案现〔\d{4}〕0001号$/);
    expect(evidence.docNo).toMatch(/^网信案取〔\d{4}〕0001号$/);
    expect(preservation.docNo).toMatch(/^网信案保〔\d{4}〕0001号$/);
    expect((await t.must('documents.create', { caseId, type: 'inquiry' })).docNo).toMatch(/0002号$/);
    // officers in their roles; the template's opening statements await answers
    expect(inquiry.content).toMatchObject({
      inquirerId: officerIds[0],
      recorderId: officerIds[1],
      interviewee: { employer: '柳州市星河网络科技有限公司' },
    });
    expect(inquiry.content.openings).toEqual([
      { key: 'certificates', answer: '' },
      { key: 'recusal', answer: '' },
      { key: 'truthful', answer: '' },
    ]);
    expect(inquiry.state).toBe('draft');
    expect(inquiry.issues.length).toBeGreaterThan(0);
    expect(onsite.content).toMatchObject({
      inspectorIds: officerIds,
      party: { name: '柳州市星河网络科技有限公司', legalRepresentative: '陈立新' },
    });
    expect(evidence.content).toMatchObject({
      collectorIds: officerIds,
      target: { siteName: '星河资讯', domain: 'xinghe-news.cn' },
    });
    expect(String((evidence.content.environment as { software: string }).software)).toMatch(/^网信执法现场取证 \d/);
    expect(String(evidence.content.timeSource)).toMatch(/本机时钟/);
    expect(preservation.content).toMatchObject({ partyName: '柳州市星河网络科技有限公司', officerIds });
    const list = await t.must('documents.list', { caseId });
    expect(list.map((d) => d.type)).toEqual(['inquiry', 'onsite', 'evidence', 'preservation', 'inquiry']);
    expect((await t.must('cases.get', { id: caseId })).events.map((e) => e.text)).toContain(
      `新建询问笔录（${inquiry.docNo}）`,
    );
  });

  it('autosaves with revisions; a stale save is refused and changes nothing', async () => {
    const d = await t.must('documents.create', { caseId, type: 'inquiry' });
    const first = await t.must('documents.save', {
      id: d.id,
      revision: d.revision,
      content: { ...d.content, place: '星河大厦8楼会议室' },
    });
    expect(first.revision).toBe(d.revision + 1);
    const stale = await t.call('documents.save', {
      id: d.id,
      revision: d.revision,
      content: { ...d.content, place: '别处' },
    });
    expect(stale).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect((await t.must('documents.get', { id: d.id })).content.place).toBe('星河大厦8楼会议室');
  });

  it('content that breaks its schema is refused with the field named', async () => {
    const d = await t.must('documents.create', { caseId, type: 'evidence' });
    const r = await t.call('documents.save', {
      id: d.id,
      revision: d.revision,
      content: { ...d.content, items: [{ id: 'x', sha256: 'not-hex' }] },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.['items.0.sha256']).toMatch(/64位十六进制/);
  });

  it('cannot go to 待签名 while incomplete; can when complete; an edit returns it to 草稿', async () => {
    const d = await t.must('documents.create', { caseId, type: 'inquiry' });
    const blocked = await t.call('documents.markReady', { id: d.id });
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) {
      expect(blocked.error.kind).toBe('validation');
      expect(blocked.error.message).toMatch(/不能提交签名/);
      expect(blocked.error.fields?.['openings.0.answer']).toMatch(/第1项告知/);
    }
    const saved = await t.must('documents.save', {
      id: d.id,
      revision: d.revision,
      content: demoInquiry(officerIds[0]!, officerIds[1]!),
    });
    expect(saved.issues).toEqual([]);
    const ready = await t.must('documents.markReady', { id: d.id });
    expect(ready.state).toBe('ready');
    const edited = await t.must('documents.save', {
      id: d.id,
      revision: ready.revision,
      content: { ...ready.content, place: '改了地点' },
    });
    expect(edited.state).toBe('draft');
  });

  it('numbers inquiries per interviewee: 第N次询问', async () => {
    const make = async (name: string, idNumber: string) => {
      const d = await t.must('documents.create', { caseId, type: 'inquiry' });
      const c = demoInquiry(officerIds[0]!, officerIds[1]!);
      c.interviewee.name = name;
      c.interviewee.idNumber = idNumber;
      await t.must('documents.save', { id: d.id, revision: d.revision, content: c });
      return d.id;
    };
    const zhang1 = await make('张三', residentId('45020319880512003'));
    const li1 = await make('李四', residentId('45020319900101002'));
    const zhang2 = await make('张三', residentId('45020319880512003'));
    const seq = async (id: string) => (await t.must('documents.get', { id })).context.inquirySequence;
    expect([await seq(zhang1), await seq(li1), await seq(zhang2)]).toEqual([1, 1, 2]);
  });

  it('one officer alone may read documents but not create or edit them', async () => {
    const d = await t.must('documents.create', { caseId, type: 'onsite' });
    await t.must('session.signOut', { officerId: officerIds[1]! });
    expect((await t.call('documents.get', { id: d.id })).ok).toBe(true);
    expect(await t.call('documents.save', { id: d.id, revision: d.revision, content: d.content })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await t.call('documents.create', { caseId, type: 'onsite' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('a 现场笔录 measure links only to the matching document of its own case', async () => {
    const [a, b] = officerIds as [string, string];
    const onsite = await t.must('documents.create', { caseId, type: 'onsite' });
    const evidence = await t.must('documents.create', { caseId, type: 'evidence' });
    const inquiry = await t.must('documents.create', { caseId, type: 'inquiry' });
    const otherCase = (await t.must('cases.create', orgCaseInput(officerIds, 'csl-61'))).id;
    const foreignEvidence = await t.must('documents.create', { caseId: otherCase, type: 'evidence' });
    const linkedTo = (id: string) => demoOnsite([a, b], b, id); // measure 2 is 电子取证
    for (const [wrong, message] of [
      [inquiry.id, /第2项措施（电子取证）只能关联本案的电子取证工作记录，不能关联询问笔录/],
      [foreignEvidence.id, /第2项措施（电子取证）关联的文书不属于本案/],
      ['no-such-document', /关联的文书不属于本案/],
    ] as const) {
      const r = await t.call('documents.save', { id: onsite.id, revision: onsite.revision, content: linkedTo(wrong) });
      expect(r).toMatchObject({ ok: false, error: { kind: 'validation', message } });
      if (!r.ok) expect(r.error.fields?.['measures.1.linkedDocumentId']).toMatch(message);
    }
    // nothing changed
    expect((await t.must('documents.get', { id: onsite.id })).revision).toBe(onsite.revision);
    const saved = await t.must('documents.save', {
      id: onsite.id,
      revision: onsite.revision,
      content: linkedTo(evidence.id),
    });
    expect(saved.issues).toEqual([]);
    expect((await t.must('documents.markReady', { id: onsite.id })).state).toBe('ready');
  });
});
