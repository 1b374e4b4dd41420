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

export class TwoOfficerSession {
  private officers: OfficerPublic[] = [];
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
    const officer = this.store.findByCertNo(certNo);
    if (!officer) {
      await verifyPassword(password, await decoyHash());
      throw new CoreError('unauthorized', '执法证号或密码不正确，请核对后重新输入。');
    }
    if (!officer.active) throw new CoreError('forbidden', `${officer.name}的账号已停用，请联系管理员。`);
    await this.checkPassword(
      officer,
      password,
      (failures) => `执法证号或密码不正确，还可再试${MAX_FAILED_ATTEMPTS - failures}次。`,
      (until) =>
        `密码连续${MAX_FAILED_ATTEMPTS}次错误，${officer.name}已被锁定${LOCKOUT_MINUTES}分钟，请于${hhmm(until)}后再试。`,
    );
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
  ): Promise<void> {
    const now = this.clock.now();
    const officer = this.store.findByCertNo(stale.certNo) ?? stale;
    if (officer.lockedUntil && new Date(officer.lockedUntil) > now) {
      throw new CoreError(
        'locked',
        `${officer.name}因连续${MAX_FAILED_ATTEMPTS}次密码错误已被暂时锁定，请于${hhmm(new Date(officer.lockedUntil))}后再试。`,
      );
    }
    const failures = (officer.lockedUntil ? 0 : officer.failedAttempts) + 1;
    const until = failures >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
    this.store.recordFailure(officer.id, failures, until?.toISOString() ?? null);
    if (await verifyPassword(password, officer.passwordHash)) {
      this.store.recordSuccess(officer.id);
      return;
    }
    if (until) {
      this.signOut(officer.id);
      throw new CoreError('locked', locked(until));
    }
    throw new CoreError('unauthorized', wrong(failures), fields);
  }

  signOut(officerId: string): SessionState {
    this.officers = this.officers.filter((o) => o.id !== officerId);
    return this.state();
  }

  signOutAll(): void {
    this.officers = [];
  }
}
