// The case's conduct date decides which version of the law applies (docs/LAW.md): a conduct in
// 2026 cites the 网络安全法 as amended, one in 2025 the 2016 text (unless the officers record that
// the new one is lighter), one across the change shows both until the officers choose — recorded
// append-only, on the timeline and in the audit log. Real core on a temp folder, clock in 2026-11.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock, makeCore, orgCaseInput, setUpPair, type TestCore } from '../../tests/support/core-fixture.ts';

let t: TestCore;
let officerIds: string[];
const CSL59 = 'csl-59';
beforeEach(async () => {
  t = makeCore({ clock: new FixedClock('2026-11-20T02:00:00.000Z') });
  await setUpPair(t);
  officerIds = (await t.must('officers.list', {})).map((o) => o.id);
});
afterEach(() => t.dispose());

const conduct = (from: string, to: string | null, discoveredOn = '2026-11-18') =>
  to === null
    ? { kind: 'continuing' as const, from, discoveredOn }
    : from === to
      ? { kind: 'day' as const, from, discoveredOn }
      : { kind: 'period' as const, from, to, discoveredOn };
const create = (c: ReturnType<typeof conduct>, matterId = CSL59) =>
  t.must('cases.create', orgCaseInput(officerIds, matterId, { conduct: c }));
const articles = (c: { law: { candidates: { basis: { article: string }[] }[] } }) =>
  c.law.candidates.map((p) => p.basis.map((b) => b.article).join('、'));

describe('the law a case applies', () => {
  it('conduct in 2026: 网络安全法 as amended — 第六十一条 for the old 第五十九条, with its fines', async () => {
    const c = await create(conduct('2026-06-01', '2026-11-20'));
    expect(c.law).toMatchObject({ situation: 'single', applies: '2026-01-01', choice: null });
    expect(articles(c)).toEqual(['第六十一条']);
    expect(c.matter).toMatchObject({
      basisShort: '《中华人民共和国网络安全法》第六十一条',
      penaltyShort: '警告；罚款1万–5万元（拒不改正等情形5万–50万元）；对责任人员罚款1万–10万元',
    });
    expect(c.law.candidates[0]!.basis[0]!.text).toMatch(/^网络运营者不履行本法第二十三条、第二十七条/);
    // Nothing to choose: a choice is refused, nothing is recorded.
    const r = await t.call('cases.chooseLaw', { caseId: c.id, period: '2026-01-01', ground: 'conduct-time' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/无须选择/) } });
    expect(t.core.db.prepare(`SELECT count(*) FROM case_law_choices`).pluck().get()).toBe(0);
  });

  it('conduct in 2025 decided in 2026: both versions until the officers record the 2016 text (第三十七条)', async () => {
    const c = await create(conduct('2025-03-01', '2025-10-31'));
    expect(c.law).toMatchObject({ situation: 'amended-after', applies: null, suggested: '2017-06-01' });
    expect(articles(c)).toEqual(['第五十九条', '第六十一条']);
    // Until chosen, the summary shows the conduct-time version first, and the case page says it is undecided.
    expect(c.matter!.periods.map((p) => p.basisShort)).toEqual([
      '《中华人民共和国网络安全法》第五十九条',
      '《中华人民共和国网络安全法》第六十一条',
    ]);
    // A ground that does not fit the version is refused in Chinese, and nothing is recorded.
    const wrong = await t.call('cases.chooseLaw', { caseId: c.id, period: '2017-06-01', ground: 'lighter' });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/现行/) } });
    const chosen = await t.must('cases.chooseLaw', {
      caseId: c.id,
      period: '2017-06-01',
      ground: 'conduct-time',
      note: '新的规定并不较轻',
    });
    expect(chosen.law).toMatchObject({
      applies: '2017-06-01',
      choice: {
        period: '2017-06-01',
        ground: 'conduct-time',
        note: '新的规定并不较轻',
        officers: ['李明', '王芳'],
        valid: true,
      },
    });
    expect(chosen.matter).toMatchObject({
      basisShort: '《中华人民共和国网络安全法》第五十九条',
      penaltyShort: '警告；罚款1万–10万元；对责任人员罚款5000–5万元',
    });
    expect(chosen.events.at(-1)).toMatchObject({
      kind: 'law',
      text: expect.stringContaining('2017年6月1日至2025年12月31日的《中华人民共和国网络安全法》第五十九条'),
    });
    const audit = t.core.audit.rows(c.id).filter((r) => r.action === 'case-law');
    expect(audit.map((r) => r.detail)).toEqual(['2017-06-01 conduct-time']);
    // Or, had the new one been lighter: the amended version, on that ground. A later record supersedes.
    const lighter = await t.must('cases.chooseLaw', { caseId: c.id, period: '2026-01-01', ground: 'lighter' });
    expect(lighter.law.applies).toBe('2026-01-01');
    expect(lighter.matter!.basisShort).toBe('《中华人民共和国网络安全法》第六十一条');
    expect(t.core.db.prepare(`SELECT period FROM case_law_choices ORDER BY id`).pluck().all()).toEqual([
      '2017-06-01',
      '2026-01-01',
    ]);
  });

  it('conduct across the change: both side by side; the choice needs a reason; changing the dates undoes it', async () => {
    const c = await create(conduct('2025-11-15', '2026-02-28', '2026-03-05'), 'csl-68');
    expect(c.law).toMatchObject({ situation: 'spans', suggested: null, applies: null });
    expect(articles(c)).toEqual(['第四十七条、第六十八条、第六十九条', '第四十九条、第六十九条、第七十条']);
    const bare = await t.call('cases.chooseLaw', { caseId: c.id, period: '2026-01-01', ground: 'conduct-time' });
    expect(bare).toMatchObject({ ok: false, error: { message: expect.stringMatching(/写明选择该版本的理由/) } });
    const chosen = await t.must('cases.chooseLaw', {
      caseId: c.id,
      period: '2026-01-01',
      ground: 'conduct-time',
      note: '违法行为持续至2026年2月28日',
    });
    expect(chosen.law.applies).toBe('2026-01-01');
    // New dates, new question: the earlier choice stays as history but no longer counts.
    const input = orgCaseInput(officerIds, 'csl-68', { conduct: conduct('2025-10-01', '2025-12-20', '2026-03-05') });
    const edited = await t.must('cases.update', { id: c.id, data: input });
    expect(edited.law).toMatchObject({ situation: 'amended-after', applies: null, choice: { valid: false } });
    expect(edited.events.at(-1)!.text).toMatch(
      /违法行为时间由「2025年11月15日至2026年2月28日」改为「2025年10月1日至2025年12月20日」.*须重新选择/,
    );
  });

  it('refuses a conduct date after today and a discovery before the conduct, changing nothing', async () => {
    const future = await t.call(
      'cases.create',
      orgCaseInput(officerIds, CSL59, { conduct: conduct('2026-11-21', '2026-11-21', '2026-11-21') }),
    );
    expect(future).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: { 'conduct.from': expect.stringMatching(/不能晚于今天/) } },
    });
    const early = await t.call(
      'cases.create',
      orgCaseInput(officerIds, CSL59, { conduct: conduct('2026-10-01', '2026-10-05', '2026-09-30') }),
    );
    expect(early).toMatchObject({
      ok: false,
      error: { fields: { 'conduct.discoveredOn': expect.stringMatching(/不能早于/) } },
    });
    const noDate = await t.call(
      'cases.create',
      orgCaseInput(officerIds, CSL59, { conduct: { kind: 'day', from: '', discoveredOn: '' } }),
    );
    expect(noDate).toMatchObject({ ok: false, error: { fields: { 'conduct.from': '请填写违法行为发生日期。' } } });
    expect(t.core.db.prepare(`SELECT count(*) FROM cases`).pluck().get()).toBe(0);
  });

  it('a case made before conduct dates were recorded asks for them: no version applies, no choice is taken', async () => {
    const c = await create(conduct('2026-06-01', '2026-06-01'));
    t.core.db.prepare(`UPDATE cases SET conduct_json = NULL WHERE id = ?`).run(c.id); // as migration 011 leaves old cases
    const old = await t.must('cases.get', { id: c.id });
    expect(old.law).toMatchObject({ conduct: null, situation: 'no-conduct', applies: null });
    expect(old.law.candidates.length).toBe(2); // every version, for reference
    const r = await t.call('cases.chooseLaw', { caseId: c.id, period: '2026-01-01', ground: 'conduct-time' });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/尚未记录违法行为发生时间/) } });
    // Editing it records the dates, and the law follows.
    const edited = await t.must('cases.update', { id: c.id, data: orgCaseInput(officerIds, CSL59) });
    expect(edited.law).toMatchObject({ situation: 'single', applies: '2026-01-01' });
    expect(edited.events.at(-1)!.text).toMatch(/违法行为时间由「未记录」改为「2026年10月12日」/);
  });

  it('needs both officers to choose', async () => {
    const c = await create(conduct('2025-03-01', '2025-10-31'));
    await t.must('session.signOut', { officerId: officerIds[1]! });
    const r = await t.call('cases.chooseLaw', { caseId: c.id, period: '2017-06-01', ground: 'conduct-time' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
