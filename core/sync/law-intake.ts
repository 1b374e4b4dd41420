// A law package from HQ (the signed reference data of kind `catalog`, docs/LAW.md «Updates from
// HQ»), checked exactly as the catalog always was and then applied at once: HQ's signature against
// the keys pinned at enrollment, the catalog schema, and the succession rule shared with HQ
// (shared/catalog/law-package.ts: a newer version only — no downgrade —, no matter or provision
// removed, no matter renamed, versions consecutive). A refused package changes nothing: the
// officers get one sentence in Chinese saying why. An accepted one is stored and audited in one
// transaction, then taken into use (CatalogHolder) — cases and pickers read the new versions
// from the next call; sealed documents keep what they printed (their text is in their content and
// seal, never re-read from the catalog).
import { createCatalogService } from '../catalog/catalog-service.ts';
import type { CatalogHolder } from '../catalog/catalog-holder.ts';
import { checkLawPackage, compareLawVersions, lawPackageLabel } from '../../shared/catalog/law-package.ts';
import { verifyReference, type HqKeys, type SignedReference } from '../../protocol/sync/protocol.ts';
import type { Log } from '../../protocol/runtime/log.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isoNow, type Clock } from '../clock.ts';
import type { InTransaction } from '../db/unit-of-work.ts';
import type { TwoOfficerSession } from '../session/two-officer-session.ts';
import type { ReferenceStore } from './reference-store.ts';

export interface LawIntakeDeps {
  clock: Clock;
  log: Log;
  catalog: CatalogHolder;
  references: Pick<ReferenceStore, 'put'>;
  audit: Pick<AuditLog, 'append'>;
  session: Pick<TwoOfficerSession, 'signedInIds'>;
  inTransaction: InTransaction;
}

export type LawIntake =
  | { outcome: 'applied'; message: string }
  /** The package is the one held (or HQ's is older than a newer app's shipped one by design: not offered as an update). */
  | { outcome: 'held'; message: null }
  | { outcome: 'refused'; kind: 'hq_key' | 'law_package'; message: string };

const versionOf = (data: unknown): string =>
  typeof (data as { version?: unknown } | null)?.version === 'string'
    ? (data as { version: string }).version
    : '（版本不明）';

/** Checks HQ's law package and applies it when it may follow the one in use. Never throws for a bad package. */
export function takeLawPackage(d: LawIntakeDeps, s: SignedReference, keys: HqKeys): LawIntake {
  const label = `总部发布的法规库 ${versionOf(s.ref.data)}`;
  if (s.ref.kind !== 'catalog') throw new Error(`not a law package: ${s.ref.kind}`);
  if (!verifyReference(s, keys)) {
    d.log.error('law package refused', { reason: 'signature', hqVersion: s.ref.version });
    return {
      outcome: 'refused',
      kind: 'hq_key',
      message: `${label}签名无效，未采用（本机法规库未改变）。请联系总部核实。`,
    };
  }
  const held = d.catalog.data;
  // The package this device already uses: nothing to do (every sync sees HQ's current one again).
  if (versionOf(s.ref.data) === held.version) return { outcome: 'held', message: null };
  const checked = checkLawPackage(held, s.ref.data);
  if (!checked.ok) {
    d.log.error('law package refused', { reason: 'check', hqVersion: s.ref.version });
    return {
      outcome: 'refused',
      kind: 'law_package',
      message: `${label}未采用（本机法规库 ${held.version} 未改变）：${checked.reason}请联系总部核实。`,
    };
  }
  const next = createCatalogService(checked.catalog);
  const at = isoNow(d.clock);
  d.inTransaction(() => {
    d.references.put(s, at);
    d.audit.append({
      action: 'law-update',
      officerIds: d.session.signedInIds(),
      detail: `法规库由 ${held.version} 更新为 ${lawPackageLabel(checked.catalog)}${checked.catalog.summary ? `：${checked.catalog.summary}` : ''}`,
    });
  });
  d.catalog.replace(next, { origin: 'hq', appliedAt: at });
  d.log.info('law package applied', { hqVersion: s.ref.version });
  return { outcome: 'applied', message: `法规库已更新为 ${lawPackageLabel(checked.catalog)}` };
}

/** True when HQ's announced package is newer than the one in use. */
export function hqLawIsNewer(held: { version: string }, announced: { version: string } | null): boolean {
  return announced !== null && compareLawVersions(announced.version, held.version) > 0;
}
