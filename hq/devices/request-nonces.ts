// The nonces of signed device requests, remembered so that a captured request cannot be sent
// again (issue #18 part 4). A request is accepted only within REQUEST_WINDOW_MS of HQ's clock, so
// its nonce must be remembered until its signed time leaves the window — then the time check
// refuses it anyway and the row can go. Kept in HQ's database, not in memory: a restart (or a
// second HQ process on the same PostgreSQL) must not forget them. The insert is the check: the
// primary key (device, nonce) lets exactly one of two racing copies in.
import { REQUEST_WINDOW_MS } from '../../protocol/sync/protocol.ts';
import type { HqDb } from '../db/hq-database.ts';

/** How often expired nonces are swept (at most; on the next request after it). */
const SWEEP_MS = 60_000;

export class RequestNonces {
  private readonly db: HqDb;
  private lastSweep = 0;
  constructor(db: HqDb) {
    this.db = db;
  }

  /** True when this device has not used `nonce` within the window (it is now remembered); false: a replay. */
  async firstUse(deviceId: string, nonce: string, requestTime: number, now: Date): Promise<boolean> {
    if (now.getTime() - this.lastSweep > SWEEP_MS) {
      this.lastSweep = now.getTime();
      await this.db.deleteFrom('request_nonces').where('expires_at', '<', now.toISOString()).execute();
    }
    const r = await this.db
      .insertInto('request_nonces')
      .values({
        device_id: deviceId,
        nonce,
        expires_at: new Date(requestTime + REQUEST_WINDOW_MS + 1000).toISOString(),
      })
      .onConflict((oc) => oc.columns(['device_id', 'nonce']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
  }
}
