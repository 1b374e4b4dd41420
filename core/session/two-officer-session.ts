// The two-officer session (DESIGN.md): each officer signs in with their own password. One officer
// may browse; creating or changing case records needs two (2017 regulation art. 18 — at least two
// officers with enforcement certificates). The session lives in memory only: a restart signs
// everyone out.
import type { OfficerPublic, SessionState } from '../../shared/domain/officer.ts';
import type { Clock } from '../clock.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import type { OfficerStore } from '../officers/officer-store.ts';
import { decoyHash, verifyPassword } from '../../protocol/runtime/password-hash.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 5;

const hhmm = (d: Date) =>
  d.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' });
const lockedText = (until: Date) =>
  `该执法证号因连续${MAX_FAILED_ATTEMPTS}次密码错误已被暂时锁定，请于${hhmm(until)}后再试。`;

export class TwoOfficerSession {
  private officers: OfficerPublic[] = [];
  /** Counts for 执法证号 not on the roster (the same policy; memory only). */
  private readonly unknown = new Map<string, { failedAttempts: number; lockedUntil: string | null }>();
  private readonly store: OfficerStore;
  private readonly clock: Clock;
  constructor(store: OfficerStore, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  state(): SessionState {
    return { officers: [...this.officers], pair: this.officers.length === 2 };
  }

  signedInIds(): string[] {
    return this.officers.map((o) => o.id);
  }

  async signIn(certNo: string, password: string): Promise<SessionState> {
    // The same answers for a 执法证号 that is not on the roster, counted alike (in memory: there is
    // no row to count in), so the answers do not tell who is enrolled.
    const wrong = (failures: number) => `执法证号或密码不正确，还可再试${MAX_FAILED_ATTEMPTS - failures}次。`;
    const lockedNow = (until: Date) =>
      `密码连续${MAX_FAILED_ATTEMPTS}次错误，该执法证号已被锁定${LOCKOUT_MINUTES}分钟，请于${hhmm(until)}后再试。`;
    const officer = this.store.findByCertNo(certNo);
    if (!officer) return this.refuseUnknown(certNo.trim(), password, wrong, lockedNow);
    await this.checkPassword(officer, password, wrong, lockedNow, undefined, lockedText);
    // Only once the password is proved: whether a 执法证号 exists and is disabled is not told to a guesser.
    if (!officer.active) throw new CoreError('forbidden', `${officer.name}的账号已停用，请联系管理员。`);
    if (this.officers.some((o) => o.id === officer.id)) {
      throw new CoreError('conflict', `${officer.name}已经登录，请由另一名执法人员登录。`);
    }
    if (this.officers.length >= 2) {
      throw new CoreError('forbidden', '已有两名执法人员登录。如需换人，请先让其中一人退出。');
    }
    const { passwordHash: _h, failedAttempts: _f, lockedUntil: _l, ...pub } = officer;
    this.officers.push(pub);
    return this.state();
  }

  /**
   * Signs in an officer whose password was already proved another way: the lock screen unwraps
   * their copy of the device key with it (core/vault/vault.ts).
   */
  admit(officer: OfficerPublic): SessionState {
    if (!officer.active) throw new CoreError('forbidden', `${officer.name}的账号已停用，请联系管理员。`);
    if (this.officers.some((o) => o.id === officer.id)) return this.state();
    if (this.officers.length >= 2)
      throw new CoreError('forbidden', '已有两名执法人员登录。如需换人，请先让其中一人退出。');
    this.officers.push(officer);
    return this.state();
  }

  /**
   * A signed-in officer confirms an act (signing, confirming a refusal) with their own password.
   * Wrong passwords count towards the same lock as at sign-in.
   */
  async confirmPassword(officerId: string, password: string): Promise<void> {
    const o = this.officers.find((x) => x.id === officerId);
    if (!o) throw new CoreError('forbidden', '该执法人员未登录，不能签名或确认。请先登录。');
    const officer = this.store.findByCertNo(o.certNo)!;
    await this.checkPassword(
      officer,
      password,
      (failures) => `${officer.name}的密码不正确，还可再试${MAX_FAILED_ATTEMPTS - failures}次。`,
      () => `密码连续${MAX_FAILED_ATTEMPTS}次错误，${officer.name}已被锁定${LOCKOUT_MINUTES}分钟并退出登录。`,
      { officerPassword: '密码不正确。' },
    );
  }

  /**
   * The one password check, at sign-in and for confirmations: refuses a locked officer, counts the
   * attempt as a failure BEFORE the slow hash (a lock that has expired starts a fresh count) — read
   * and written in one synchronous step, so parallel attempts cannot all pass while their hashes
   * run —, locks at MAX_FAILED_ATTEMPTS — signing the officer out if they were signed in — and
   * clears the count when the password is right.
   */
  private async checkPassword(
    stale: NonNullable<ReturnType<OfficerStore['findByCertNo']>>,
    password: string,
    wrong: (failures: number) => string,
    locked: (until: Date) => string,
    fields?: Record<string, string>,
    stillLocked: (until: Date) => string = (until) =>
      `${stale.name}因连续${MAX_FAILED_ATTEMPTS}次密码错误已被暂时锁定，请于${hhmm(until)}后再试。`,
  ): Promise<void> {
    const officer = this.store.findByCertNo(stale.certNo) ?? stale;
    await this.check(
      officer,
      password,
      (failures, until) => this.store.recordFailure(officer.id, failures, until),
      () => this.store.recordSuccess(officer.id),
      wrong,
      (until) => {
        this.signOut(officer.id);
        return locked(until);
      },
      stillLocked,
      fields,
    );
  }

  /** The policy itself, over a count kept in the officer's row or (unknown 执法证号) in memory. */
  private async check(
    count: { failedAttempts: number; lockedUntil: string | null; passwordHash: string | null },
    password: string,
    record: (failures: number, until: string | null) => void,
    succeeded: () => void,
    wrong: (failures: number) => string,
    locked: (until: Date) => string,
    stillLocked: (until: Date) => string,
    fields?: Record<string, string>,
  ): Promise<void> {
    const now = this.clock.now();
    if (count.lockedUntil && new Date(count.lockedUntil) > now)
      throw new CoreError('locked', stillLocked(new Date(count.lockedUntil)));
    const failures = (count.lockedUntil ? 0 : count.failedAttempts) + 1;
    const until = failures >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
    record(failures, until?.toISOString() ?? null);
    // An unknown 执法证号 (no hash) is checked against a decoy, taking as long, and never succeeds.
    const ok = await verifyPassword(password, count.passwordHash ?? (await decoyHash()));
    if (ok && count.passwordHash) {
      succeeded();
      return;
    }
    if (until) throw new CoreError('locked', locked(until));
    throw new CoreError('unauthorized', wrong(failures), fields);
  }

  /** A 执法证号 not on the roster: counted and answered as a wrong password would be. */
  private async refuseUnknown(
    key: string,
    password: string,
    wrong: (failures: number) => string,
    locked: (until: Date) => string,
  ): Promise<never> {
    await this.check(
      { ...(this.unknown.get(key) ?? { failedAttempts: 0, lockedUntil: null }), passwordHash: null },
      password,
      (failures, until) => this.noteUnknown(key, failures, until),
      () => undefined,
      wrong,
      locked,
      lockedText,
    );
    throw new CoreError('unauthorized', wrong(1)); // not reached: check() never lets an unknown number through
  }

  private noteUnknown(key: string, failures: number, until: string | null): void {
    this.unknown.delete(key);
    this.unknown.set(key, { failedAttempts: failures, lockedUntil: until });
    // Bounded: the oldest typed numbers are forgotten first.
    if (this.unknown.size > 1000) this.unknown.delete(this.unknown.keys().next().value!);
  }

  signOut(officerId: string): SessionState {
    this.officers = this.officers.filter((o) => o.id !== officerId);
    return this.state();
  }

  signOutAll(): void {
    this.officers = [];
  }
}
