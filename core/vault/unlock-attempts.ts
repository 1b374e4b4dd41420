// Wrong passwords at the lock screen are rate-limited: after FREE_ATTEMPTS failures in a row each
// further attempt waits, doubling from 30 s up to 15 minutes. The count survives a restart (a file
// beside the key file, holding only counts and times), so quitting the app does not reset it.
// While the database is closed the failures cannot go into the audit log; they are kept here and
// written to the log at the next unlock.
// An attempt is counted BEFORE its password is checked (`begin`, synchronous: the count and the
// wait decision happen in one step of the event loop, so parallel unlock calls cannot all pass the
// check while their scrypt runs — exactly FREE_ATTEMPTS of a burst are checked, the rest wait); the
// right password then clears the count. An attempt refused while waiting is counted (`refused`)
// but does not lengthen the wait.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../protocol/runtime/write-file-atomic.ts';

export const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;
const FILE = 'unlock-attempts.json';

interface State {
  /** Attempts checked (or being checked) since the last success: they set the wait. */
  failures: number;
  /** Attempts refused while waiting, since the last success. */
  refused?: number;
  lastFailureAt: string | null;
  /** Failure times not yet in the audit log (the database was closed). */
  unaudited: string[];
}

export class UnlockAttempts {
  private readonly path: string;
  private state: State;
  constructor(dataDir: string) {
    this.path = join(dataDir, FILE);
    this.state = { failures: 0, lastFailureAt: null, unaudited: [] };
    if (existsSync(this.path)) {
      try {
        const s = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<State>;
        this.state = {
          failures: Number(s.failures) || 0,
          refused: Number(s.refused) || 0,
          lastFailureAt: typeof s.lastFailureAt === 'string' ? s.lastFailureAt : null,
          unaudited: Array.isArray(s.unaudited) ? s.unaudited.filter((x) => typeof x === 'string').slice(-100) : [],
        };
      } catch {
        // An unreadable counter is treated as the strictest: the wait applies.
        this.state = { failures: FREE_ATTEMPTS, lastFailureAt: new Date().toISOString(), unaudited: [] };
      }
    }
  }

  get failures(): number {
    return this.state.failures;
  }

  /** Milliseconds until the next attempt is accepted (0: now). */
  waitMs(now: Date): number {
    if (this.state.failures < FREE_ATTEMPTS || !this.state.lastFailureAt) return 0;
    const wait = Math.min(FIRST_WAIT_MS * 2 ** (this.state.failures - FREE_ATTEMPTS), MAX_WAIT_MS);
    return Math.max(0, Date.parse(this.state.lastFailureAt) + wait - now.getTime());
  }

  /** Every attempt counted since the last success, refused ones included. */
  get counted(): number {
    return this.state.failures + (this.state.refused ?? 0);
  }

  /**
   * Counts an attempt before its password is checked. Returns 0 when it may go on (counted as a
   * failure until `recordSuccess`), or the milliseconds to wait (counted as refused).
   */
  begin(now: Date): number {
    const wait = this.waitMs(now);
    if (wait > 0) this.write({ ...this.state, refused: (this.state.refused ?? 0) + 1 });
    else this.write({ ...this.state, failures: this.state.failures + 1, lastFailureAt: now.toISOString() });
    return wait;
  }

  /** The attempt `begin` let through had a wrong password (already counted): kept for the audit log if it is closed. */
  recordFailure(now: Date, audited: boolean): void {
    if (!audited) this.write({ ...this.state, unaudited: [...this.state.unaudited, now.toISOString()].slice(-100) });
  }

  /** Clears the count; returns the failures still to be written to the audit log. */
  recordSuccess(): string[] {
    const pending = this.state.unaudited;
    if (this.counted !== 0 || pending.length)
      this.write({ failures: 0, refused: 0, lastFailureAt: null, unaudited: [] });
    return pending;
  }

  private write(s: State): void {
    writeFileAtomic(this.path, Buffer.from(JSON.stringify(s) + '\n'));
    this.state = s;
  }
}
