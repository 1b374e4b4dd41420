import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  creditCode,
  makeCore,
  orgCaseInput,
  residentId,
  setUpPair,
  type TestCore,
} from '../../tests/support/core-fixture.ts';

let t: TestCore;
let officerIds: string[];
let matterId: string;
beforeEach(async () => {
  t = makeCore();
  await setUpPair(t);
  officerIds = (await t.must('officers.list', {})).map((o) => o.id);
  matterId = t.core.catalog.search({ query: '' })[0]!.id;
});
afterEach(() => t.dispose());

describe('cases', () => {
  it('creates a case with an organisation party, numbered per year, with a timeline', async () => {
    const c = await t.must('cases.create', orgCaseInput(officerIds, matterId));
    expect(c.caseNo).toMatch(/^网信案〔\d{4}〕0001号$/);
    expect(c.status).toBe('clue');
    expect(c.party).toMatchObject({ kind: 'organisation', creditCode: creditCode() });
    expect(c.officers.map((o) => o.id)).toEqual(officerIds);
    expect(c.matter?.id).toBe(matterId);
    expect(c.events).toHaveLength(1);
    expect(c.events[0]).toMatchObject({ kind: 'created', officers: ['李明', '王芳'] });
    const second = await t.must('cases.create', orgCaseInput(officerIds, matterId, { title: '第二案' }));
    expect(second.caseNo).toMatch(/0002号$/);
  });

  it('creates a case with a natural person, validating the ID number', async () => {
    const person = {
      kind: 'person' as const,
      name: '𠮷野家明',
      idType: '居民身份证' as const,
      idNumber: residentId().toLowerCase(),
      address: '柳州市城中区',
      phone: '13800138000',
    };
    const c = await t.must('cases.create', orgCaseInput(officerIds, matterId, { party: person }));
    expect(c.party).toMatchObject({ kind: 'person', name: '𠮷野家明', idNumber: residentId() });
    const bad = await t.call(
      'cases.create',
      orgCaseInput(officerIds, matterId, { party: { ...person, idNumber: '440524198001010014' } }),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.['party.idNumber']).toMatch(/校验位不正确/);
  });

  it('requires two different handling officers from the roster and a matter from the catalog', async () => {
    const same = await t.call('cases.create', orgCaseInput([officerIds[0]!, officerIds[0]!], matterId));
    expect(!same.ok && same.error.fields?.officerIds).toMatch(/不能是同一人/);
    const stranger = await t.call('cases.create', orgCaseInput([officerIds[0]!, 'not-an-officer'], matterId));
    expect(!stranger.ok && stranger.error.fields?.officerIds).toMatch(/不在本机执法人员名单/);
    const noMatter = await t.call('cases.create', orgCaseInput(officerIds, 'no-such-matter'));
    expect(!noMatter.ok && noMatter.error.fields?.matterId).toMatch(/不在事项目录/);
    expect((await t.must('cases.list', {})).total).toBe(0);
  });

  it('validates the platform fields', async () => {
    const r = await t.call(
      'cases.create',
      orgCaseInput(officerIds, matterId, { platform: { name: '', domain: 'http://x', url: 'ftp://x', icp: '12345' } }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.error.fields ?? {}).sort()).toEqual([
      'platform.domain',
      'platform.icp',
      'platform.name',
      'platform.url',
    ]);
  });

  it('searches by case number, party, credit code, platform, domain; several words narrow down', async () => {
    await t.must('cases.create', orgCaseInput(officerIds, matterId));
    const other = orgCaseInput(officerIds, matterId, { title: '某直播平台传播违法信息案' });
    other.party.name = '南宁市蓝海文化传媒有限公司';
    other.party.creditCode = creditCode('91450100MA5L3P9Q2');
    other.platform = { name: '蓝海直播', domain: 'lanhai.tv', url: '', icp: '' };
    await t.must('cases.create', other);
    const titles = async (query: string) => (await t.must('cases.list', { query })).items.map((c) => c.platformName);
    expect(await titles('星河')).toEqual(['星河资讯']);
    expect(await titles('LANHAI.TV')).toEqual(['蓝海直播']);
    expect(await titles(creditCode('91450100MA5L3P9Q2').toLowerCase())).toEqual(['蓝海直播']);
    expect(await titles('0002号')).toEqual(['蓝海直播']);
    expect((await titles('有限公司')).sort()).toEqual(['星河资讯', '蓝海直播']);
    expect(await titles('有限公司 蓝海')).toEqual(['蓝海直播']);
    expect(await titles('100%_')).toEqual([]); // LIKE wildcards are literal
  });

  it('updates and changes status, each recorded in the timeline, and survives a restart', async () => {
    const c = await t.must('cases.create', orgCaseInput(officerIds, matterId));
    const input = orgCaseInput(officerIds, matterId, { title: '修改后的案件名称' });
    await t.must('cases.update', { id: c.id, data: input });
    await t.must('cases.setStatus', { id: c.id, status: 'filed', note: '经负责人批准立案' });
    const again = await t.call('cases.setStatus', { id: c.id, status: 'filed' });
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    const back = await t.call('cases.setStatus', { id: c.id, status: 'clue' });
    expect(back).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringMatching(/不能改回「线索\/初查」/) },
    });
    t.reopen();
    await setUpPairSignInOnly(t);
    const d = await t.must('cases.get', { id: c.id });
    expect(d).toMatchObject({ title: '修改后的案件名称', status: 'filed', caseNo: c.caseNo });
    expect(d.events.map((e) => e.kind)).toEqual(['created', 'updated', 'status']);
    expect(d.events[2]!.text).toContain('经负责人批准立案');
  });

  it('an unknown case id is not found', async () => {
    expect(await t.call('cases.get', { id: 'nope' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});

async function setUpPairSignInOnly(tc: TestCore) {
  const { OFFICER_A, OFFICER_B } = await import('../../tests/support/core-fixture.ts');
  await tc.must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
  await tc.must('session.signIn', { certNo: OFFICER_B.certNo, password: OFFICER_B.password });
}
