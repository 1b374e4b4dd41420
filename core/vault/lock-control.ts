// What the core's handlers may ask of the lock (implemented by the Vault, core/vault/vault.ts).
import type { AppStatus, LockReason, LockStatus } from '../../shared/domain/office.ts';

export interface LockControl {
  lockStatus(): LockStatus;
  unlock(certNo: string, password: string): Promise<AppStatus>;
  lockNow(reason: LockReason): void;
  /** The user did something: the idle timer starts again. */
  activity(): void;
  /** A new idle time took effect (already stored by the caller). */
  idleMinutesChanged(): void;
}

/** For a core opened without a vault (tools, tests): never locked. */
export const NO_LOCK: LockControl = {
  lockStatus: () => ({ locked: false, reason: null, idleMinutes: 5, retryAfterSeconds: 0 }),
  unlock: () => Promise.reject(new Error('this core has no lock')),
  lockNow: () => undefined,
  activity: () => undefined,
  idleMinutesChanged: () => undefined,
};
