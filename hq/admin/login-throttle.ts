// The throttle in front of HQ's staff login (docs/SECURITY.md "Lockouts"). Every attempt is
// counted BEFORE its password is hashed, in one transaction, so parallel attempts cannot slip past
// the count while their hashes run (each hash costs ~0.1 s of scrypt: an attacker could otherwise
// fire 40 at once and have all 40 checked). Two counters per attempt:
//  - per client (its address): CLIENT_FREE checked attempts, then each further one waits;
//  - per client AND user name: ACCOUNT_FREE checked attempts, then each further one waits.
// The wait doubles from FIRST_WAIT_MS up to MAX_WAIT_MS, so it is never permanent, and it binds a
// client, never an account as such: an outsider hammering an administrator's name locks only
// themselves out, the administrator logs in from their own machine. Rows are keyed by the name
// typed, whether or not such an administrator exists, so the answers (wrong / wait) are the same
// for a real and an invented name. An attempt refused while waiting is counted (`attempts`) but
// does not lengthen the wait. `npm run hq -- admin unlock --user NAME` clears a name's rows.
import { sql } from 'kysely';
import type { HqDb } from '../db/hq-database.ts';

export const ACCOUNT_FREE = 5;
export const CLIENT_FREE = 20;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;
/** After this long without an attempt, a key that is not waiting starts afresh. */
const QUIET_MS = 15 * 60_000;

export type Reservation = { ok: true; keys: string[] } | { ok: false; until: Date };

const keysOf = (client: string, username: string) => [`client\n${client}`, `account\n${client}\n${username}`];

/** The wait imposed after the `checked`-th attempt at a key allowing `free` (0: none). */
export function waitAfter(checked: number, free: number): number {
  return checked < free ? 0 : Math.min(FIRST_WAIT_MS * 2 ** Math.min(checked - free, 20), MAX_WAIT_MS);
}

export class LoginThrottle {
  private readonly db: HqDb;
  constructor(db: HqDb) {
    this.db = db;
  }

  /**
   * Counts an attempt by `client` at `username`; refused (with the time it may try again) while
   * either key waits. One transaction: on PostgreSQL its first statements take the rows' locks, on
   * SQLite HQ's one connection runs it alone.
   */
  async reserve(client: string, username: string, now: Date): Promise<Reservation> {
    const at = now.toISOString();
    const keys = keysOf(client, username);
    return this.db.transaction().execute(async (trx) => {
      const rows = [];
      for (const [i, key] of keys.entries())
        rows.push(
          await trx
            .insertInto('login_throttle')
            .values({
              key,
              username: i === 0 ? '' : username,
              attempts: 0,
              checked: 0,
              last_at: at,
              locked_until: null,
            })
            // A no-op update: it takes the row's lock (PostgreSQL) and hands the row back either way.
            .onConflict((oc) => oc.column('key').doUpdateSet({ attempts: sql`login_throttle.attempts` }))
            .returningAll()
            .executeTakeFirstOrThrow(),
        );
      const waiting = rows.filter((r) => r.locked_until !== null && r.locked_until > at);
      if (waiting.length) {
        for (const r of rows)
          await trx
            .updateTable('login_throttle')
            .set({ attempts: r.attempts + 1 })
            .where('key', '=', r.key)
            .execute();
        return {
          ok: false,
          until: new Date(
            waiting
              .map((r) => r.locked_until!)
              .sort()
              .at(-1)!,
          ),
        };
      }
      for (const [i, r] of rows.entries()) {
        const fresh = Date.parse(r.last_at) + QUIET_MS < now.getTime();
        const checked = (fresh ? 0 : r.checked) + 1;
        const wait = waitAfter(checked, i === 0 ? CLIENT_FREE : ACCOUNT_FREE);
        await trx
          .updateTable('login_throttle')
          .set({
            attempts: r.attempts + 1,
            checked,
            last_at: at,
            locked_until: wait ? new Date(now.getTime() + wait).toISOString() : null,
          })
          .where('key', '=', r.key)
          .execute();
      }
      return { ok: true, keys };
    });
  }

  /**
   * The reserved attempt had the right password: the client+account key starts afresh, and the
   * client's count gives back this attempt (it was not a failure).
   */
  async succeeded(keys: string[]): Promise<void> {
    const [client, account] = keys as [string, string];
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('login_throttle').where('key', '=', account).execute();
      const r = await trx
        .updateTable('login_throttle')
        .set((eb) => ({ checked: eb('checked', '-', 1) }))
        .where('key', '=', client)
        .where('checked', '>', 0)
        .returning(['checked'])
        .executeTakeFirst();
      if (r && r.checked < CLIENT_FREE)
        await trx.updateTable('login_throttle').set({ locked_until: null }).where('key', '=', client).execute();
    });
  }

  /**
   * The command line's `admin unlock`: clears a user name's keys from every client, or (no name)
   * every key, clients' included.
   */
  async clear(username?: string): Promise<number> {
    let q = this.db.deleteFrom('login_throttle');
    if (username !== undefined) q = q.where('username', '=', username);
    return Number((await q.executeTakeFirst()).numDeletedRows);
  }

  /** All attempts counted at a user name, from every client (tests). */
  async attempts(username: string): Promise<number> {
    const rows = await this.db
      .selectFrom('login_throttle')
      .select(['attempts'])
      .where('username', '=', username)
      .execute();
    return rows.reduce((n, r) => n + Number(r.attempts), 0);
  }
}
