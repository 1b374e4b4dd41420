// The catalog (law package) HQ published, when it is newer than the one shipped with the app: taken
// from the signed reference data stored when it was applied (law-intake.ts; its HQ signature checked
// again against HQ's pinned key, its content against the catalog schema), at every start. An app
// update that ships a newer catalog than HQ's takes the shipped one. A catalog of
// an older format (no dated law versions, docs/LAW.md) is refused — the shipped one stays in use —
// and the reason is logged; HQ refuses to publish one in the first place (scripts/hq.ts).
import { parseCatalog } from '../../shared/catalog/catalog-schema.ts';
import { compareLawVersions } from '../../shared/catalog/law-package.ts';
import { createCatalogService, type CatalogService } from '../catalog/catalog-service.ts';
import { verifyReference, type HqKeys, type ReferenceData } from '../../protocol/sync/protocol.ts';
import type { Log } from '../../protocol/runtime/log.ts';
import type { ReferenceStore } from './reference-store.ts';

export function newerHqCatalog(
  reference: Pick<ReferenceStore, 'stored'>,
  hqKeys: HqKeys | null,
  shipped: CatalogService,
  log?: Log,
): { service: CatalogService; appliedAt: string } | null {
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
  const parsed = parseCatalog(signed.ref.data);
  if (!parsed.ok) {
    log?.error(`总部发布的执法事项目录（第${ref.version}版）未采用，继续使用随程序发布的目录：${parsed.reason}`);
    return null;
  }
  return compareLawVersions(parsed.catalog.version, shipped.version) > 0
    ? { service: createCatalogService(parsed.catalog), appliedAt: ref.received_at }
    : null;
}
