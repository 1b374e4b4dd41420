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

  /** Publishes a new version of one kind. */
  async publish(kind: ReferenceData['kind'], data: unknown): Promise<SignedReference> {
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
