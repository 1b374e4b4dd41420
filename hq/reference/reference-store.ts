// Reference data HQ hands to devices (the officer roster, the holiday table, the catalog version):
// each kind is versioned, and each version is signed by HQ so a device accepts only HQ's data.
import type { ReferenceData, SignedReference } from '../../protocol/sync/protocol.ts';
import type { HqDb } from '../db/hq-database.ts';
import type { HqIdentity } from '../hq-identity.ts';

export class ReferenceStore {
  private readonly db: HqDb;
  private readonly now: () => Date;
  private readonly identity: HqIdentity;
  constructor(db: HqDb, now: () => Date, identity: HqIdentity) {
    this.db = db;
    this.now = now;
    this.identity = identity;
  }

  /**
   * Publishes a new version of one kind. With `basedOn` (the version the data was prepared from,
   * null before the first), it is published only if that is still the newest: two publications
   * prepared from the same version (two 「publish law」 run at once, each merging its update into
   * the package it read) cannot both succeed, the later would silently drop the earlier's update.
   * The conditional write comes first in its transaction, so SQLite waits for the other writer
   * (busy_timeout) instead of failing on a lock upgrade; PostgreSQL re-checks the condition on the
   * row the other committed. The loser gets PublishConflict.
   */
  async publish(kind: ReferenceData['kind'], data: unknown, basedOn?: number | null): Promise<SignedReference> {
    if (basedOn !== undefined) return this.publishOnto(kind, data, basedOn);
    return this.db.transaction().execute(async (trx) => {
      const prev = await trx.selectFrom('reference_data').select('version').where('kind', '=', kind).executeTakeFirst();
      const ref: ReferenceData = { kind, version: (prev?.version ?? 0) + 1, issuedAt: this.now().toISOString(), data };
      const sig = this.identity.signJson(ref);
      const row = { version: ref.version, issued_at: ref.issuedAt, data: JSON.stringify(data), ed25519: sig.ed25519 };
      await trx
        .insertInto('reference_data')
        .values({ kind, ...row })
        .onConflict((oc) => oc.column('kind').doUpdateSet(row))
        .execute();
      return { ref, ed25519: sig.ed25519 };
    });
  }

  private async publishOnto(kind: ReferenceData['kind'], data: unknown, basedOn: number | null) {
    const ref: ReferenceData = { kind, version: (basedOn ?? 0) + 1, issuedAt: this.now().toISOString(), data };
    const sig = this.identity.signJson(ref);
    const row = { version: ref.version, issued_at: ref.issuedAt, data: JSON.stringify(data), ed25519: sig.ed25519 };
    const r = await this.db
      .insertInto('reference_data')
      .values({ kind, ...row })
      .onConflict((oc) =>
        basedOn === null
          ? oc.column('kind').doNothing()
          : oc.column('kind').doUpdateSet(row).where('reference_data.version', '=', basedOn),
      )
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0n) !== 1)
      throw new PublishConflict((await this.current(kind))?.version ?? 0, basedOn ?? 0);
    return { ref, ed25519: sig.ed25519 };
  }

  /** The newest version of one kind as devices receive it (signed), or null before its first publication. */
  async signedCurrent(kind: ReferenceData['kind']): Promise<SignedReference | null> {
    return (await this.all()).find((s) => s.ref.kind === kind) ?? null;
  }

  /** The data of the newest version of one kind, or null before its first publication. */
  async current(kind: ReferenceData['kind']): Promise<{ version: number; data: unknown } | null> {
    const r = await this.db
      .selectFrom('reference_data')
      .select(['version', 'data'])
      .where('kind', '=', kind)
      .executeTakeFirst();
    return r ? { version: r.version, data: JSON.parse(r.data) as unknown } : null;
  }

  /** The 法规库 HQ publishes (its catalog's version and date), announced in every hello; null before HQ publishes one. */
  async lawAnnounced(): Promise<{ version: string; date: string | null } | null> {
    const r = await this.db
      .selectFrom('reference_data')
      .select('data')
      .where('kind', '=', 'catalog')
      .executeTakeFirst();
    if (!r) return null;
    const c = JSON.parse(r.data) as { version?: unknown; date?: unknown };
    return typeof c.version === 'string'
      ? { version: c.version, date: typeof c.date === 'string' ? c.date : null }
      : null;
  }

  async all(): Promise<SignedReference[]> {
    return (await this.db.selectFrom('reference_data').selectAll().orderBy('kind').execute()).map((r) => ({
      ref: {
        kind: r.kind as ReferenceData['kind'],
        version: r.version,
        issuedAt: r.issued_at,
        data: JSON.parse(r.data) as unknown,
      },
      ed25519: r.ed25519,
    }));
  }
}

/** Another publication of the same kind was committed after the data was prepared (ReferenceStore.publish). */
export class PublishConflict extends Error {
  readonly current: number;
  readonly basedOn: number;
  constructor(current: number, basedOn: number) {
    super(`reference data was published meanwhile: version ${current}, prepared from ${basedOn}`);
    this.current = current;
    this.basedOn = basedOn;
  }
}
