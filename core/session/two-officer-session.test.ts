import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGENCY, FixedClock, makeCore, OFFICER_A, OFFICER_B, type TestCore } from '../../tests/support/core-fixture.ts';

let t: TestCore;
let clock: FixedClock;
beforeEach(async () => {
  clock = new FixedClock();
  t = makeCore({ clock });
  await t.must('office.setup', { agencyName: AGENCY, officers: [OFFICER_A, OFFICER_B] });
});
afterEach(() => t.dispose());

const signIn = (o: { certNo: string }, password: string) => t.call('session.signIn', { certNo: o.certNo, password });

describe('two-officer session', () => {
  it('each officer signs in with their own password; two make a pair', async () => {
    const one = await t.must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    expect(one.pair).toBe(false);
    expect(one.officers.map((o) => o.name)).toEqual([OFFICER_A.name]);
    const two = await t.must('session.signIn', { certNo: OFFICER_B.certNo, password: OFFICER_B.password });
    expect(two.pair).toBe(true);
    expect(two.officers.map((o) => o.certNo)).toEqual([OFFICER_A.certNo, OFFICER_B.certNo]);
    // the password hash never leaves the core
    expect(JSON.stringify(two)).not.toMatch(/scrypt|password/i);
  });

  it("one officer's password does not sign in the other", async () => {
    const r = await signIn(OFFICER_B, OFFICER_A.password);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'unauthorized' });
  });

  it('the same officer cannot fill both places', async () => {
    await t.must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    const r = await signIn(OFFICER_A, OFFICER_A.password);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/已经登录，请由另一名执法人员登录/);
  });

  it('an unknown 执法证号 and a wrong password give the same message (no roster probing)', async () => {
    const unknown = await t.call('session.signIn', { certNo: 'NOPE-0001', password: 'whatever1' });
    const wrong = await signIn(OFFICER_A, 'wrongpass1');
    expect(unknown.ok || wrong.ok).toBe(false);
    if (!unknown.ok && !wrong.ok) {
      expect(unknown.error.kind).toBe('unauthorized');
      expect(wrong.error.message).toMatch(/^执法证号或密码不正确/);
      expect(unknown.error.message).toMatch(/^执法证号或密码不正确/);
    }
  });

  it('five wrong passwords lock the officer for five minutes, even against the right password', async () => {
    for (let i = 1; i <= 4; i++) {
      const r = await signIn(OFFICER_A, 'wrongpass1');
      if (!r.ok) expect(r.error.message).toContain(`还可再试${5 - i}次`);
    }
    const fifth = await signIn(OFFICER_A, 'wrongpass1');
    expect(fifth.ok).toBe(false);
    if (!fifth.ok) expect(fifth.error).toMatchObject({ kind: 'locked' });
    if (!fifth.ok) expect(fifth.error.message).toMatch(/已被锁定5分钟，请于10:05后再试/); // 02:00Z = 10:00 Beijing time

    const right = await signIn(OFFICER_A, OFFICER_A.password);
    expect(right.ok).toBe(false);
    if (!right.ok) expect(right.error.kind).toBe('locked');

    // the lock is per officer: the colleague is not affected
    expect((await signIn(OFFICER_B, OFFICER_B.password)).ok).toBe(true);

    // the lock survives a restart (it is in the database, not in memory)
    t.reopen();
    const afterRestart = await signIn(OFFICER_A, OFFICER_A.password);
    expect(afterRestart.ok).toBe(false);

    clock.advanceMinutes(5);
    expect((await signIn(OFFICER_A, OFFICER_A.password)).ok).toBe(true);
  });

  it('20 parallel wrong passwords are counted before any hash: 4 wrong, then locked, the rest refused; the right one then waits', async () => {
    const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(OFFICER_A, `wrongpass-${i}`)));
    const kinds = rs.map((r) => (r.ok ? 'ok' : r.error.kind));
    expect(kinds.filter((k) => k === 'unauthorized')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'locked')).toHaveLength(16);
    const right = await signIn(OFFICER_A, OFFICER_A.password);
    expect(right.ok).toBe(false);
    if (!right.ok) expect(right.error.kind).toBe('locked');
  });

  it('an unknown 执法证号 is counted and locked like a real one: the same answers, no roster probing', async () => {
    const answers = async (certNo: string) => {
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await t.call('session.signIn', { certNo, password: `wrongpass-${i}` });
        out.push(r.ok ? 'ok' : `${r.error.kind} ${r.error.message}`);
      }
      return out;
    };
    const real = await answers(OFFICER_A.certNo);
    expect(await answers('45029999999')).toEqual(real);
    expect(real.at(-1)).toMatch(/^locked 该执法证号因连续5次密码错误已被暂时锁定/);
    expect(real.join()).not.toContain(OFFICER_A.name);
  });

  it('a successful sign-in resets the failure count', async () => {
    for (let i = 0; i < 4; i++) await signIn(OFFICER_A, 'wrongpass1');
    await t.must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    await t.must('session.signOut', { officerId: t.core.session.signedInIds()[0]! });
    const r = await signIn(OFFICER_A, 'wrongpass1');
    if (!r.ok) expect(r.error.message).toContain('还可再试4次');
  });

  it('signing out one officer ends the pair; a restart signs everyone out', async () => {
    await t.must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    const pair = await t.must('session.signIn', { certNo: OFFICER_B.certNo, password: OFFICER_B.password });
    const after = await t.must('session.signOut', { officerId: pair.officers[0]!.id });
    expect(after).toMatchObject({ pair: false, officers: [{ certNo: OFFICER_B.certNo }] });
    t.reopen();
    expect((await t.must('app.status', {})).session).toEqual({ officers: [], pair: false });
  });
});
