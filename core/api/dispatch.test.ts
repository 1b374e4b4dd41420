// The API contract at the core's boundary: bad arguments and missing sessions are refused
// before any handler runs, and the refusal changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/api/call-names.ts';
import { contract } from '../../shared/api/contract.ts';
import { AGENCY, makeCore, OFFICER_A, OFFICER_B, orgCaseInput, setUpPair, type TestCore } from '../../tests/support/core-fixture.ts';
import { dispatch } from './dispatch.ts';
import { handlers } from './handlers.ts';

let t: TestCore;
beforeEach(() => {
  t = makeCore();
});
afterEach(() => t.dispose());

const caseCount = () => (t.core.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
const firstMatter = () => t.core.catalog.search({ query: '' })[0]!.id;

describe('API contract', () => {
  it('names, contract entries and handlers are the same set', () => {
    expect(Object.keys(contract).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.keys(handlers).sort()).toEqual([...CALL_NAMES].sort());
  });

  it('an unknown call is refused', async () => {
    const r = await dispatch(t.core, 'cases.dropAll', {});
    expect(r).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('before set-up, only status and set-up are reachable', async () => {
    expect((await t.call('app.status', {})).ok).toBe(true);
    const r = await t.call('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    expect(r).toMatchObject({ ok: false, error: { kind: 'setup_required' } });
  });

  it('set-up validates every field and names it, changing nothing', async () => {
    const r = await t.call('office.setup', {
      agencyName: ' ',
      officers: [
        { ...OFFICER_A, password: 'short' },
        { ...OFFICER_B, certNo: OFFICER_A.certNo },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('validation');
    expect(r.error.fields).toMatchObject({
      agencyName: '请填写行政机关名称。',
      'officers.0.password': '密码至少8位。',
      'officers.1.certNo': '两名执法人员的执法证号不能相同。',
    });
    expect((await t.must('app.status', {})).setupDone).toBe(false);
  });

  it('set-up cannot be repeated', async () => {
    await t.must('office.setup', { agencyName: AGENCY, officers: [OFFICER_A, OFFICER_B] });
    const r = await t.call('office.setup', { agencyName: '别的办公室', officers: [{ ...OFFICER_A, certNo: 'X-1234' }, { ...OFFICER_B, certNo: 'X-5678' }] });
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect((await t.must('app.status', {})).agencyName).toBe(AGENCY);
  });

  it('browsing needs one officer; changing case records needs two', async () => {
    await t.must('office.setup', { agencyName: AGENCY, officers: [OFFICER_A, OFFICER_B] });
    expect(await t.call('cases.list', {})).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    const one = await t.must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    expect((await t.call('cases.list', {})).ok).toBe(true);
    const officers = await t.must('officers.list', {});
    const r = await t.call('cases.create', orgCaseInput(officers.map((o) => o.id), firstMatter()));
    expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    if (!r.ok) expect(r.error.message).toMatch(/两名执法人员同时登录/);
    expect(caseCount()).toBe(0);
    expect(one.pair).toBe(false);
  });

  it('a bad argument is refused with field errors and the core is not reached', async () => {
    await setUpPair(t);
    const officers = await t.must('officers.list', {});
    const input = orgCaseInput(officers.map((o) => o.id), firstMatter());
    input.party.creditCode = input.party.creditCode.slice(0, 17) + (input.party.creditCode.endsWith('0') ? '1' : '0');
    const r = await t.call('cases.create', input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('validation');
    expect(r.error.fields?.['party.creditCode']).toMatch(/校验位不正确/);
    expect(caseCount()).toBe(0);
    // the case counter was not touched either: the next valid case gets number 0001
    input.party.creditCode = orgCaseInput([], '').party.creditCode;
    const created = await t.must('cases.create', input);
    expect(created.caseNo).toMatch(/〔2026〕0001号$|0001号$/);
  });

  it('wrong types are refused in Chinese', async () => {
    await setUpPair(t);
    const r = await dispatch(t.core, 'cases.get', { id: 42 });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    const extra = await dispatch(t.core, 'app.status', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('an unexpected failure is reported generically without echoing the argument', async () => {
    await setUpPair(t);
    const logged: string[] = [];
    (t.core as { log: unknown }).log = { info: () => {}, error: (m: string) => logged.push(m) };
    t.core.db.close(); // simulate a broken database underneath
    const r = await t.call('cases.list', { query: '身份证440524198001010013' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(logged.join('\n')).not.toContain('440524198001010013');
  });
});
