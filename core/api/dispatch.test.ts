// The API contract at the core's boundary: bad arguments and missing sessions are refused
// before any handler runs, and the refusal changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/api/call-names.ts';
import { contract } from '../../shared/api/contract.ts';
import {
  AGENCY,
  makeCore,
  OFFICER_A,
  OFFICER_B,
  orgCaseInput,
  setUpPair,
  type TestCore,
} from '../../tests/support/core-fixture.ts';
import { ed25519Verify } from '../../protocol/crypto/ed25519.ts';
import { sm2Verify } from '../../protocol/crypto/sm2.ts';
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
    const r = await t.call('office.setup', {
      agencyName: '别的办公室',
      officers: [
        { ...OFFICER_A, certNo: 'X-1234' },
        { ...OFFICER_B, certNo: 'X-5678' },
      ],
    });
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect((await t.must('app.status', {})).agencyName).toBe(AGENCY);
  });

  it('browsing needs one officer; changing case records needs two', async () => {
    await t.must('office.setup', { agencyName: AGENCY, officers: [OFFICER_A, OFFICER_B] });
    expect(await t.call('cases.list', {})).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    const one = await t.must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    expect((await t.call('cases.list', {})).ok).toBe(true);
    const officers = await t.must('officers.list', {});
    const r = await t.call(
      'cases.create',
      orgCaseInput(
        officers.map((o) => o.id),
        firstMatter(),
      ),
    );
    expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    if (!r.ok) expect(r.error.message).toMatch(/两名执法人员同时登录/);
    expect(caseCount()).toBe(0);
    expect(one.pair).toBe(false);
  });

  it('a bad argument is refused with field errors and the core is not reached', async () => {
    await setUpPair(t);
    const officers = await t.must('officers.list', {});
    const input = orgCaseInput(
      officers.map((o) => o.id),
      firstMatter(),
    );
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

describe('an action and its audit row commit together', () => {
  const auditCount = () => (t.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  /** What a full disk or a crash at the audit insert does: the row cannot be written. */
  const refuseAuditRows = () =>
    t.core.db.exec(
      `CREATE TEMP TRIGGER audit_refused BEFORE INSERT ON main.audit_log BEGIN SELECT RAISE(ABORT, 'audit row refused'); END`,
    );

  it('a change to the case records: committed with its row, or not at all', async () => {
    await setUpPair(t);
    const ids = (await t.must('officers.list', {})).map((o) => o.id);
    const before = auditCount();
    const made = await t.must('cases.create', orgCaseInput(ids, firstMatter()));
    expect(caseCount()).toBe(1);
    expect(auditCount()).toBe(before + 1);
    expect((await t.must('audit.list', { caseId: made.id })).map((r) => r.action)).toEqual(['case-create']);

    refuseAuditRows();
    const r = await t.call('cases.create', orgCaseInput(ids, firstMatter()));
    expect(r).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(await t.call('documents.create', { caseId: made.id, type: 'inquiry' })).toMatchObject({
      ok: false,
      error: { kind: 'internal' },
    });
    // Neither the second case nor the document exists (nor its number used), and the log is as it was.
    expect(caseCount()).toBe(1);
    expect(await t.must('documents.list', { caseId: made.id })).toEqual([]);
    t.core.db.exec('DROP TRIGGER temp.audit_refused');
    expect(auditCount()).toBe(before + 1);
  });

  const deviceRows = () =>
    t.core.db.prepare('SELECT device_id, sm2_public, ed25519_public_pem FROM device').all() as {
      device_id: string;
      sm2_public: string;
      ed25519_public_pem: string;
    }[];

  it('set-up, whose password hashing runs first, writes its row in its own transaction; the device keys are made with it', async () => {
    expect(deviceRows()).toEqual([]);
    refuseAuditRows();
    const r = await t.call('office.setup', { agencyName: AGENCY, officers: [OFFICER_A, OFFICER_B] });
    expect(r.ok).toBe(false);
    expect(t.core.office.agencyName()).toBeNull();
    expect((t.core.db.prepare('SELECT count(*) AS n FROM officers').get() as { n: number }).n).toBe(0);
    expect(deviceRows()).toEqual([]);
    t.core.db.exec('DROP TRIGGER temp.audit_refused');
    await t.must('office.setup', { agencyName: AGENCY, officers: [OFFICER_A, OFFICER_B] });
    expect(t.core.office.agencyName()).toBe(AGENCY);
    expect(auditCount()).toBe(1);
    // First start made the device's identity: before any seal, the keys exist and sign.
    const [dev] = deviceRows();
    expect(dev!.sm2_public).toMatch(/^04[0-9a-f]{128}$/);
    expect(dev!.ed25519_public_pem).toContain('BEGIN PUBLIC KEY');
    const bytes = new TextEncoder().encode('首次启动');
    const sig = t.core.device.sign(bytes);
    expect(sm2Verify(bytes, sig.sm2, dev!.sm2_public)).toBe(true);
    expect(ed25519Verify(bytes, sig.ed25519, dev!.ed25519_public_pem)).toBe(true);
    expect(t.core.device.public().deviceId).toBe(dev!.device_id);
  });
});
