// The vault: what stands between a shell and the core. The device database and evidence are
// encrypted with a random master key (key-custody.ts); until an officer's password (or the OS
// keystore) yields that key the core does not exist, and while the app is locked the vault answers
// only app.status and the lock.* calls. Both shells hand every call and upload to the vault.
//
// States: `new` (no key file: first set-up creates the key), `closed` (keys exist, database not
// open: the lock screen at start), `open` (the core runs; it may still be locked after idle time,
// OS sleep or a 锁定 click — the database stays open so a running sync or import can finish, and
// nothing reaches the renderer until an officer's password unlocks it again).
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch, parseCall } from '../api/dispatch.ts';
import { errorResult } from '../api/error-result.ts';
import { openCore, type AppCore, type CoreOptions } from '../app-core.ts';
import { APP_VERSION } from '../app-version.ts';
import { systemClock } from '../clock.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { DATABASE_FILE } from '../db/open-database.ts';
import { runImport } from '../evidence/run-import.ts';
import { errorFields, stderrLog } from '../../protocol/runtime/log.ts';
import { hashPassword, verifyPassword } from '../../protocol/runtime/password-hash.ts';
import { fail, ok, type Result } from '../../shared/api/result.ts';
import type { CallName } from '../../shared/api/call-names.ts';
import { contract } from '../../shared/api/contract.ts';
import { IDLE_LOCK_MINUTES, type AppStatus, type LockReason, type LockStatus } from '../../shared/domain/office.ts';
import type { EvidenceItem } from '../../shared/evidence/evidence-schema.ts';
import { emptyKeyFile, KeyCustody, readKeyFile, unwrapForOfficer, unwrapWithOs } from './key-custody.ts';
import { newMasterKey, type OsKeystore } from '../../protocol/crypto/key-wrap.ts';
import type { LockControl } from './lock-control.ts';
import { UnlockAttempts } from './unlock-attempts.ts';

export interface VaultOptions extends Omit<CoreOptions, 'custody' | 'lock'> {
  /** The OS keystore, when the shell has one that protects (Electron's safeStorage, not basic_text). */
  osKeystore?: OsKeystore;
  /** Milliseconds per "minute" of idle time: 60 000, shortened only by tests (WXZF_IDLE_UNIT_MS). */
  idleUnitMs?: number;
  /** Called each time the core opens (after set-up or the first unlock): the shell starts what needs it. */
  onCoreOpen?: (core: AppCore) => void;
}

const LOCKED_MESSAGE = '本机已锁定，请输入执法证号和密码解锁后再操作。';
const SETUP_MESSAGE = '本机尚未完成首次设置，请先填写行政机关名称并登记执法人员。';
const hhmmss = (d: Date) => d.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });

export class Vault implements LockControl {
  readonly dataDir: string;
  private readonly opts: VaultOptions;
  private readonly attempts: UnlockAttempts;
  private core_: AppCore | null = null;
  private custody: KeyCustody | null = null;
  private lockReason: LockReason | null;
  private lastActivity = 0;
  private lastTick = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly unitMs: number;

  private constructor(opts: VaultOptions) {
    this.opts = opts;
    this.dataDir = opts.dataDir;
    this.attempts = new UnlockAttempts(opts.dataDir);
    this.unitMs = opts.idleUnitMs ?? 60_000;
    this.lockReason = null;
  }

  /**
   * Opens the data folder: new (set-up pending), or locked at start. With a protecting OS keystore
   * the database opens at once (background re-verification and sync can run) but stays locked.
   */
  static open(opts: VaultOptions): Vault {
    const v = new Vault(opts);
    const file = readKeyFile(opts.dataDir);
    if (!file) {
      v.setAsideUnkeyedDatabase();
    } else {
      v.lockReason = 'start';
      const master = unwrapWithOs(file, opts.osKeystore);
      if (master) {
        try {
          v.openWith(new KeyCustody(opts.dataDir, master, file));
        } catch (e) {
          // A keystore copy that opens nothing (restored from another machine): officers' passwords still work.
          v.log.info('OS keystore copy did not open the database', errorFields(e));
        }
      }
    }
    v.startTimer();
    return v;
  }

  get core(): AppCore | null {
    return this.core_;
  }

  private get clock() {
    return this.opts.clock ?? systemClock;
  }

  private get log() {
    return this.opts.log ?? stderrLog;
  }

  // ---- the one door from the shells ----

  async dispatch(name: string, rawArg: unknown): Promise<Result<unknown>> {
    const parsed = parseCall(name, rawArg);
    if (!parsed.ok) return parsed;
    const call = name as CallName;
    // What is answered while locked or before set-up, and what is polled, is the call's contract entry's say.
    const { whileLocked, beforeSetup, polled } = contract[call];
    if (call === 'app.status') return ok(this.status());
    const core = this.core_;
    if (!core) {
      // No core: the vault answers by itself what set-up (no key file yet) or the lock at start lets through.
      if (!this.hasKeys())
        return beforeSetup || whileLocked ? this.beforeCore(call, parsed.value) : fail('setup_required', SETUP_MESSAGE);
      return whileLocked ? this.beforeCore(call, parsed.value) : fail('app_locked', LOCKED_MESSAGE);
    }
    if (this.lockReason && !whileLocked) return fail('app_locked', LOCKED_MESSAGE);
    const r = await dispatch(core, call, rawArg);
    if (r.ok && !polled) this.activity();
    return r;
  }

  /** Evidence bytes from a shell (web shell PUT /upload/TICKET, Electron's upload bridge). */
  async upload(
    ticket: string,
    bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    signal?: AbortSignal,
  ): Promise<Result<EvidenceItem>> {
    if (!this.core_ || this.lockReason) return fail('app_locked', LOCKED_MESSAGE);
    this.activity();
    return runImport(this.core_, ticket, bytes, signal);
  }

  /** The calls that work before the core exists: the status, set-up, and unlocking at start. */
  private async beforeCore(call: CallName, arg: unknown): Promise<Result<unknown>> {
    try {
      switch (call) {
        case 'app.status':
          return ok(this.status());
        case 'lock.activity':
          return ok({ ok: true });
        case 'lock.lockNow':
          return ok(this.status());
        case 'lock.unlock': {
          const a = arg as { certNo: string; password: string };
          return ok(await this.unlock(a.certNo, a.password));
        }
        case 'office.setup':
          return await this.setUp(arg);
        default:
          return fail('app_locked', LOCKED_MESSAGE);
      }
    } catch (e) {
      return errorResult(e, `call ${call}`, this.log);
    }
  }

  // ---- set-up: the master key is born ----

  private async setUp(arg: unknown): Promise<Result<unknown>> {
    const custody = new KeyCustody(this.dataDir, newMasterKey(), emptyKeyFile());
    const core = this.makeCore(custody);
    try {
      const r = await dispatch(core, 'office.setup', arg);
      if (!r.ok) {
        core.close();
        this.setAsideUnkeyedDatabase();
        return r;
      }
      // The handler wrote the key file after the database. Should the app die between the two, the
      // next start finds a database without keys, sets it aside and offers set-up again.
      if (this.opts.osKeystore) custody.setOs(this.opts.osKeystore);
    } catch (e) {
      core.close();
      throw e;
    }
    this.custody = custody;
    this.adopt(core);
    this.lockReason = null;
    this.activity();
    this.log.info('office set up: device key made, database opened');
    return ok(this.status());
  }

  // ---- unlocking ----

  async unlock(certNo: string, password: string): Promise<AppStatus> {
    // Nothing to unlock before set-up (the first check, so that before set-up the answer is always this one).
    const file = readKeyFile(this.dataDir);
    if (!file) throw new CoreError('setup_required', SETUP_MESSAGE);
    const now = this.clock.now();
    const wait = this.attempts.waitMs(now);
    if (wait > 0)
      throw new CoreError(
        'locked',
        `密码连续输错次数过多，请于 ${hhmmss(new Date(now.getTime() + wait))} 后再试（约${Math.ceil(wait / 1000)}秒）。`,
      );
    const found = await unwrapForOfficer(file, certNo, password);
    if (!found) {
      this.attempts.recordFailure(this.clock.now(), this.core_ !== null);
      this.log.info('unlock refused: wrong certificate number or password', { failuresInARow: this.attempts.failures });
      this.core_?.audit.append({
        action: 'unlock-failed',
        officerIds: [],
        detail: `执法证号 ${certNo.trim()} 解锁失败`,
      });
      const left = 5 - this.attempts.failures;
      throw new CoreError(
        'unauthorized',
        left > 0
          ? `执法证号或密码不正确，请核对后重新输入（再错${left}次后须等待）。`
          : '执法证号或密码不正确。错误次数过多，下次尝试须等待一段时间。',
      );
    }
    if (!this.core_) {
      this.openWith(new KeyCustody(this.dataDir, found.master, file));
    } else if (!this.custody!.matches(found.master)) {
      throw new CoreError(
        'integrity',
        '密钥文件中的密钥与正在使用的不一致：密钥文件可能被替换。请勿继续使用，并联系技术支持。',
      );
    }
    const core = this.core_!;
    const officer = core.officers.get(found.officerId);
    if (!officer?.active) {
      // A copy left for an officer who was removed: it must not open anything.
      this.custody!.removeOfficer(found.officerId);
      throw new CoreError('forbidden', '该执法人员已停用，不能解锁本机。');
    }
    const missed = this.attempts.recordSuccess();
    if (missed.length)
      core.audit.append({
        action: 'unlock-failed',
        officerIds: [],
        detail: `数据库关闭期间解锁失败${missed.length}次：${missed.join('，')}`,
      });
    const session = core.session.state();
    if (!session.officers.some((o) => o.id === officer.id)) {
      // Someone else takes over the laptop: the previous session ends.
      core.session.signOutAll();
      core.session.admit(officer);
    }
    const reason = this.lockReason;
    this.lockReason = null;
    this.activity();
    this.log.info('app unlocked', { after: reason });
    core.audit.append({ action: 'unlock', officerIds: [officer.id], detail: `解锁（${reasonText(reason)}）` });
    if (this.opts.osKeystore && !this.custody!.hasOs()) this.custody!.setOs(this.opts.osKeystore);
    // The key file proved this password. If the sign-in hash disagrees (the app died between writing
    // the two during a password change), the database follows the key file.
    const creds = core.officers.findByCertNo(officer.certNo);
    if (creds && !(await verifyPassword(password, creds.passwordHash)))
      core.officers.setPasswordHash(officer.id, await hashPassword(password));
    return this.status();
  }

  lockNow(reason: LockReason): void {
    if (!this.core_ && !this.hasKeys()) return; // nothing to lock before set-up
    if (this.lockReason) return;
    this.lockReason = reason;
    this.core_?.audit.append({
      action: 'lock',
      officerIds: this.core_.session.signedInIds(),
      detail: reasonText(reason),
    });
    this.log.info('app locked', { reason });
  }

  activity(): void {
    this.lastActivity = this.clock.now().getTime();
  }

  idleMinutesChanged(): void {
    this.activity();
  }

  /**
   * Locks after the idle time, and after a sleep: a gap between two ticks far longer than the tick
   * means the computer was suspended (this works in both shells; Electron also reports suspend).
   */
  tick(): void {
    const now = this.clock.now().getTime();
    const gap = this.lastTick ? now - this.lastTick : 0;
    this.lastTick = now;
    if (!this.core_ || this.lockReason) return;
    if (gap > this.tickMs() + 60_000) this.lockNow('sleep');
    else if (
      now - this.lastActivity >= this.idleMinutes() * this.unitMs &&
      !this.core_.signatures.sittingInProgress(new Date(now))
    )
      this.lockNow('idle');
  }

  lockStatus(): LockStatus {
    const locked = this.lockReason !== null || (this.core_ === null && this.hasKeys());
    return {
      locked,
      reason: this.lockReason,
      idleMinutes: this.idleMinutes(),
      retryAfterSeconds: Math.ceil(this.attempts.waitMs(this.clock.now()) / 1000),
    };
  }

  status(): AppStatus {
    const lock = this.lockStatus();
    const core = this.core_;
    if (core && !lock.locked) return core.status();
    const agencyName = core?.office.agencyName() ?? null;
    return {
      appVersion: APP_VERSION,
      setupDone: this.hasKeys(),
      agencyName,
      catalogVersion: core?.catalog.version ?? '',
      // Nothing about who is signed in crosses while locked.
      session: { officers: [], pair: false },
      lock,
      hqRecovery: this.custody?.hasHq() ?? false,
    };
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.core_?.close();
    this.core_ = null;
  }

  // ---- internals ----

  private hasKeys(): boolean {
    return this.custody !== null || existsSync(join(this.dataDir, 'keys.json'));
  }

  private idleMinutes(): number {
    try {
      return this.core_?.office.idleLockMinutes() ?? IDLE_LOCK_MINUTES.default;
    } catch {
      return IDLE_LOCK_MINUTES.default;
    }
  }

  private tickMs(): number {
    return Math.min(5_000, Math.max(50, this.unitMs / 4));
  }

  private startTimer(): void {
    this.lastTick = this.clock.now().getTime();
    this.timer = setInterval(() => this.tick(), this.tickMs());
    this.timer.unref();
  }

  private makeCore(custody: KeyCustody): AppCore {
    const { osKeystore: _o, idleUnitMs: _i, onCoreOpen: _c, ...coreOptions } = this.opts;
    return openCore({ ...coreOptions, custody, lock: this });
  }

  private openWith(custody: KeyCustody): void {
    const core = this.makeCore(custody);
    this.custody = custody;
    this.adopt(core);
    this.log.info('database opened');
  }

  private adopt(core: AppCore): void {
    this.core_ = core;
    this.activity();
    // A device enrolled before HQ recovery existed gets its recovery copy now.
    const hqKey = core.sync.hqSm2PublicKey();
    if (hqKey && !this.custody!.hasHq()) this.custody!.setHq(hqKey);
    this.opts.onCoreOpen?.(core);
  }

  /**
   * A database with no key file is either left by a set-up that died before writing the keys, or
   * was made by a version before encryption. The first is set aside (kept, renamed) so set-up can
   * start again; the second is refused with instructions.
   */
  private setAsideUnkeyedDatabase(): void {
    const db = join(this.dataDir, DATABASE_FILE);
    if (!existsSync(db)) return;
    const head = readFileSync(db).subarray(0, 16).toString('latin1');
    if (head === 'SQLite format 3\u0000') {
      throw new CoreError(
        'integrity',
        `数据目录（${this.dataDir}）中的数据库是旧版本创建的未加密数据库，本版本不会打开未加密的数据。请用旧版本将案件同步到总部或导出封存包后，换一个新的空数据目录重新设置。`,
      );
    }
    const stamp = this.clock.now().toISOString().replace(/[:.]/g, '-');
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(db + suffix)) renameSync(db + suffix, `${db}.unkeyed-${stamp}${suffix}`);
    this.log.info(
      `a database without a key file was set aside as ${DATABASE_FILE}.unkeyed-${stamp} (an interrupted first set-up)`,
    );
  }
}

function reasonText(reason: LockReason | null): string {
  switch (reason) {
    case 'start':
      return '启动';
    case 'idle':
      return '长时间无操作';
    case 'sleep':
      return '休眠或合盖';
    case 'manual':
      return '手动锁定';
    default:
      return '未锁定';
  }
}
