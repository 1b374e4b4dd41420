// Publishing a law package (法规库, docs/LAW.md «Updates from HQ»): HQ's legal officer's update file
// (`publish law`) is merged into HQ's current package, or a whole catalog (`publish catalog`) is
// taken as it is; either way the result must be a valid catalog that may follow HQ's current one
// (shared/catalog/law-package.ts: newer version, no matter or provision removed, no matter renamed,
// versions consecutive). HQ's current package is the newer of the one it last published and the
// one shipped with this program. Nothing is published when any check fails.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCatalog, type Catalog } from '../../shared/catalog/catalog-schema.ts';
import {
  applyLawUpdate,
  checkLawPackage,
  compareLawVersions,
  lawPackageLabel,
} from '../../shared/catalog/law-package.ts';
import type { SignedReference } from '../../protocol/sync/protocol.ts';
import { PublishConflict, type ReferenceStore } from './reference-store.ts';

/** The catalog shipped with this program: HQ's package until it publishes one. */
export const SHIPPED_CATALOG_FILE = fileURLToPath(new URL('../../assets/catalog/catalog.json', import.meta.url));

export type PublishOutcome =
  { ok: true; signed: SignedReference; catalog: Catalog; label: string } | { ok: false; reason: string };

/** HQ's current law package: the newer of its last published one (if it reads) and the shipped one. */
export async function currentLawPackage(
  reference: Pick<ReferenceStore, 'current'>,
  shippedFile = SHIPPED_CATALOG_FILE,
): Promise<Catalog> {
  const shipped = parseCatalog(JSON.parse(readFileSync(shippedFile, 'utf8')) as unknown);
  if (!shipped.ok) throw new Error(`shipped catalog unreadable: ${shipped.reason}`);
  const stored = await reference.current('catalog');
  const published = stored ? parseCatalog(stored.data) : null;
  return published?.ok && compareLawVersions(published.catalog.version, shipped.catalog.version) > 0
    ? published.catalog
    : shipped.catalog;
}

/**
 * `how`: 'update' for a legal officer's update file (format wangxin-law-update/1), 'whole' for a
 * complete catalog (format 2, as `npm run catalog` writes it).
 */
export async function publishLawPackage(
  reference: Pick<ReferenceStore, 'current' | 'publish'>,
  data: unknown,
  how: 'update' | 'whole',
  shippedFile = SHIPPED_CATALOG_FILE,
): Promise<PublishOutcome> {
  // The version of the stored package read here: the publication goes through only if it is still
  // the newest when written (a second 「publish law」 run at the same time is refused, not merged
  // into a package that no longer is HQ's current one).
  const basedOn = (await reference.current('catalog'))?.version ?? null;
  const current = await currentLawPackage(reference, shippedFile);
  const checked = how === 'update' ? applyLawUpdate(current, data) : checkLawPackage(current, data);
  if (!checked.ok) return checked;
  try {
    const signed = await reference.publish('catalog', checked.catalog, basedOn);
    return { ok: true, signed, catalog: checked.catalog, label: lawPackageLabel(checked.catalog) };
  } catch (e) {
    if (!(e instanceof PublishConflict)) throw e;
    return {
      ok: false,
      reason: `发布期间总部的法规库已被另一次发布更新（参考数据由第${e.basedOn}版变为第${e.current}版，可能有两人同时发布）。本次未发布，以免覆盖另一次发布的内容：请确认现在的法规库（总部网页「总览」）后，按需重新准备并发布。`,
    };
  }
}
