// The catalog HQ published, when it is newer than the one shipped with the app: taken from the
// signed reference data stored at the last sync (its HQ signature checked again against HQ's
// pinned key, its content against the catalog schema). Applied when the app starts.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CatalogSchema } from '../../shared/catalog/catalog-schema.ts';
import { createCatalogService, type CatalogService } from '../catalog/catalog-service.ts';
import { verifyReference, type ReferenceData } from '../../protocol/sync/protocol.ts';

export function newerHqCatalog(db: Database, shipped: CatalogService): CatalogService | null {
  const ref = db
    .prepare(`SELECT version, issued_at, data, ed25519 FROM reference_data WHERE kind = 'catalog'`)
    .get() as { version: number; issued_at: string; data: string; ed25519: string } | undefined;
  const link = db.prepare(`SELECT hq_id, hq_name, hq_ed25519_pem, hq_sm2_public FROM hq_link`).get() as
    { hq_id: string; hq_name: string; hq_ed25519_pem: string; hq_sm2_public: string } | undefined;
  if (!ref || !link) return null;
  const signed = {
    ref: {
      kind: 'catalog',
      version: ref.version,
      issuedAt: ref.issued_at,
      data: JSON.parse(ref.data) as unknown,
    } satisfies ReferenceData,
    ed25519: ref.ed25519,
  };
  if (
    !verifyReference(signed, {
      hqId: link.hq_id,
      name: link.hq_name,
      ed25519PublicKeyPem: link.hq_ed25519_pem,
      sm2PublicKey: link.hq_sm2_public,
    })
  )
    return null;
  const parsed = CatalogSchema.safeParse(signed.ref.data);
  if (!parsed.success) return null;
  const newer = parsed.data.version.localeCompare(shipped.version, 'en', { numeric: true }) > 0;
  return newer ? createCatalogService(parsed.data) : null;
}
