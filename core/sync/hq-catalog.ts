// The catalog HQ published, when it is newer than the one shipped with the app: taken from the
// signed reference data stored at the last sync (its HQ signature checked again against HQ's
// pinned key, its content against the catalog schema). Applied when the app starts.
import { CatalogSchema } from '../../shared/catalog/catalog-schema.ts';
import { createCatalogService, type CatalogService } from '../catalog/catalog-service.ts';
import { verifyReference, type HqKeys, type ReferenceData } from '../../protocol/sync/protocol.ts';
import type { ReferenceStore } from './reference-store.ts';

export function newerHqCatalog(
  reference: Pick<ReferenceStore, 'stored'>,
  hqKeys: HqKeys | null,
  shipped: CatalogService,
): CatalogService | null {
  const ref = reference.stored('catalog');
  if (!ref || !hqKeys) return null;
  const signed = {
    ref: {
      kind: 'catalog',
      version: ref.version,
      issuedAt: ref.issued_at,
      data: JSON.parse(ref.data) as unknown,
    } satisfies ReferenceData,
    ed25519: ref.ed25519,
  };
  if (!verifyReference(signed, hqKeys)) return null;
  const parsed = CatalogSchema.safeParse(signed.ref.data);
  if (!parsed.success) return null;
  const newer = parsed.data.version.localeCompare(shipped.version, 'en', { numeric: true }) > 0;
  return newer ? createCatalogService(parsed.data) : null;
}
