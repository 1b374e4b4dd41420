// Each call's whole policy is decided in its contract entry (shared/api/call-policy.ts), and what the
// core does follows it: every entry decides all five fields; dispatch has a row builder for exactly
// the calls the contract has it audit; and over a realistic session (set-up, sign-in, a case,
// documents signed and sealed, a sync to a real HQ on loopback, a bundle, receipts, 释放空间) each
// call writes exactly the audit rows its entry declares — none, one by dispatch, or its handler's own.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DISPATCH_AUDITED_CALLS } from '../../core/audit/audit-calls.ts';
import { openHq } from '../../hq/hq-app.ts';
import { TEST_HQ_PASSPHRASE } from '../support/hq-engines.ts';
import { startHqServer } from '../../hq/http/hq-server.ts';
import { CALL_NAMES, type CallName } from '../../shared/api/call-names.ts';
import { POLICY_FIELDS, type AuditPolicy } from '../../shared/api/call-policy.ts';
import { contract } from '../../shared/api/contract.ts';
import { AUDIT_ACTIONS } from '../../shared/audit/audit-actions.ts';
import { makeCore, OFFICER_A, OFFICER_B, orgCaseInput, type TestCore } from '../support/core-fixture.ts';
import { enrollmentCode, hqDataDir, sealedDevice } from '../support/sync-fixture.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const audit = (name: CallName): AuditPolicy => contract[name].audit;

describe('every contract entry decides the whole policy', () => {
  it('access, audit, while locked, before set-up and polled: each present with a valid value', () => {
    for (const name of CALL_NAMES) {
      const spec = contract[name] as unknown as Record<string, unknown>;
      for (const field of POLICY_FIELDS) expect(spec, `${name}.${field}`).toHaveProperty(field);
      expect(['open', 'officer', 'pair'], `${name}.access`).toContain(spec.access);
      for (const flag of ['whileLocked', 'beforeSetup', 'polled'])
        expect(typeof spec[flag], `${name}.${flag}`).toBe('boolean');
      const a = audit(name);
      expect(['none', 'dispatch', 'handler'], `${name}.audit.by`).toContain(a.by);
      if (a.by !== 'none') {
        expect(a.actions.length, `${name}: an audited call names its actions`).toBeGreaterThan(0);
        for (const action of [...a.actions, ...('failed' in a && a.failed ? [a.failed] : [])])
          expect(Object.keys(AUDIT_ACTIONS), `${name}: ${action}`).toContain(action);
      }
    }
  });

  it('what is answered while locked or before set-up needs nobody signed in', () => {
    for (const name of CALL_NAMES) {
      const spec = contract[name];
      if (spec.whileLocked || spec.beforeSetup) expect(spec.access, name).toBe('open');
    }
  });

  it('the lists the vault and dispatch used to keep are what the entries say', () => {
    const which = (f: (n: CallName) => boolean) => CALL_NAMES.filter(f).sort();
    expect(which((n) => contract[n].whileLocked)).toEqual([
      'app.status',
      'lock.activity',
      'lock.lockNow',
      'lock.unlock',
    ]);
    expect(which((n) => contract[n].beforeSetup)).toEqual(['app.status', 'office.setup']);
    expect(which((n) => contract[n].polled)).toEqual(
      ['app.status', 'lock.activity', 'lock.lockNow', 'signing.state', 'sync.status'].sort(),
    );
  });

  it('dispatch builds a row for exactly the calls whose entry says dispatch audits them', () => {
    expect([...DISPATCH_AUDITED_CALLS].sort()).toEqual(CALL_NAMES.filter((n) => audit(n).by === 'dispatch').sort());
  });
});

describe('each call writes the audit rows its entry declares', () => {
  const rowsAfter = (t: TestCore, seq: number) =>
    t.core.db.prepare('SELECT action FROM audit_log WHERE seq > ? ORDER BY seq').all(seq) as { action: string }[];
  const head = (t: TestCore) => t.core.audit.head().seq;

  it('over a realistic session, with a sync to a real HQ', { timeout: 120_000 }, async () => {
    const hqDir = hqDataDir();
    const hq = await openHq({ dataDir: hqDir, key: { passphrase: TEST_HQ_PASSPHRASE } });
    const server = await startHqServer({ hq, port: 0, log: () => {} });
    cleanups.push(async () => {
      await server.close();
      await hq.close();
      rmSync(hqDir, { recursive: true, force: true });
    });
    const t = makeCore();
    cleanups.push(() => t.dispose());

    // Every call the session makes goes through here: the rows it appended are checked against its entry.
    const seen = new Map<CallName, Set<string>>();
    const call = t.call.bind(t);
    t.call = (async (name: CallName, arg: unknown) => {
      const before = head(t);
      const r = await call(name, arg as never);
      if (name === 'sync.start') await t.core.sync.run(); // its rows are written by the background run it started
      const actions = rowsAfter(t, before).map((x) => x.action);
      const a = audit(name);
      const where = `${name} (${r.ok ? 'ok' : r.error.kind})`;
      if (!r.ok) {
        const failed = a.by === 'dispatch' && 'failed' in a && a.failed ? [a.failed] : [];
        if (a.by !== 'handler') expect(actions, where).toEqual(r.error.kind === 'validation' ? [] : failed);
      } else if (a.by === 'none') expect(actions, where).toEqual([]);
      else if (a.by === 'dispatch') {
        expect(actions, where).toHaveLength(1);
        expect(a.actions, where).toContain(actions[0]);
      } else for (const x of actions) expect(a.actions, where).toContain(x);
      if (r.ok) seen.set(name, new Set([...(seen.get(name) ?? []), ...actions]));
      return r;
    }) as TestCore['call'];

    const { caseId, documentIds } = await sealedDevice(t, 2);
    const officers = await t.must('officers.list', {});
    const ids = officers.map((o) => o.id);
    const idOf = (certNo: string) => officers.find((o) => o.certNo === certNo)!.id;
    await t.must('cases.update', { id: caseId, data: orgCaseInput(ids, 'csl-59', { summary: '补充案情' }) });
    await t.must('cases.get', { id: caseId });
    await t.must('documents.list', { caseId });
    await t.must('documents.pdf', { id: documentIds[0]! });
    await t.must('seals.get', { documentId: documentIds[0]! });
    await t.must('seals.verify', { documentId: '' });
    await t.must('evidence.list', { caseId });
    await t.must('evidence.reverify', { caseId });
    await t.must('deadlines.case', { caseId });
    await t.must('dashboard.get', {});
    await t.must('office.setIdleLock', { minutes: 20 });
    await t.must('officers.create', {
      name: '赵强',
      certNo: '45020019003',
      unit: OFFICER_A.unit,
      password: 'field2026c',
    });
    await t.must('officers.changePassword', {
      officerId: idOf(OFFICER_A.certNo),
      oldPassword: OFFICER_A.password,
      newPassword: 'field2026a-new',
    });
    const exported = await t.must('bundles.export', { documentIds });
    await t.must('bundles.verify', { path: exported.path });
    await t.must('sync.enroll', { url: server.url, code: enrollmentCode(hqDir) });
    await t.must('sync.start', {});
    await t.must('sync.status', {});
    await t.must('sync.freeSpace', {});
    await t.must('session.signOut', { officerId: idOf(OFFICER_B.certNo) });
    expect((await t.call('session.signIn', { certNo: OFFICER_B.certNo, password: 'wrong-password' })).ok).toBe(false);
    await t.must('session.signIn', { certNo: OFFICER_B.certNo, password: OFFICER_B.password });
    await t.must('audit.list', { caseId });

    // The handler-audited calls of the session each wrote at least one of their declared rows.
    for (const name of [
      'office.setup',
      'officers.create',
      'officers.changePassword',
      'signing.sign',
      'seals.seal',
      'bundles.export',
      'sync.enroll',
      'sync.start',
      'sync.freeSpace',
    ] as const) {
      expect(audit(name).by, name).toBe('handler');
      expect([...(seen.get(name) ?? [])].length, `${name} wrote no row`).toBeGreaterThan(0);
    }
  });
});
