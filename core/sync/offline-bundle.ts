// The offline path out: the outbox as one sealed bundle file (with each document's print input
// and the cases' summaries) that HQ imports from a removable disk; HQ's receipts file comes back
// through receipt-intake.ts.
import { join } from 'node:path';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { CaseSummary } from '../../protocol/sync/protocol.ts';
import { exportBundle, type ExportBundleDeps } from '../bundle/export-bundle.ts';
import { isoNow } from '../clock.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import type { HqLinkStore } from './hq-link-store.ts';
import type { ReceiptStore } from './receipt-store.ts';
import { caseSummary, type SealPackageDeps } from './seal-package.ts';

export interface OfflineBundleDeps {
  links: Pick<HqLinkStore, 'link'>;
  receipts: Pick<ReceiptStore, 'outbox'>;
  documents: Pick<DocumentStore, 'get'>;
  cases: SealPackageDeps['cases'];
  bundle: ExportBundleDeps;
}

export async function exportOutbox(d: OfflineBundleDeps, dir: string): Promise<{ path: string; documents: number }> {
  if (!d.links.link()) throw new CoreError('conflict', '本机尚未登记到总部：总部只接收已登记设备的封存包。请先登记。');
  const rows = d.receipts.outbox();
  if (!rows.length) throw new CoreError('conflict', '没有待同步的文书（全部已取得总部回执）。');
  const extras: { name: string; bytes: Uint8Array }[] = [];
  const cases = new Map<string, CaseSummary>();
  for (const r of rows) {
    const p = JSON.parse(r.payload) as SealPayload;
    if (!cases.has(p.document.caseId)) cases.set(p.document.caseId, caseSummary(d, p.document.caseId));
    extras.push({
      name: `print/${r.seq}.json`,
      bytes: Buffer.from(JSON.stringify(d.documents.get(r.document_id)), 'utf8'),
    });
  }
  extras.push({ name: 'cases.json', bytes: Buffer.from(canonicalJson([...cases.values()]), 'utf8') });
  const stamp = isoNow(d.bundle.clock).replace(/[-:]/g, '').replace(/\..*/, '');
  const path = join(dir, `待同步封存包-${stamp}.tar`);
  await exportBundle(
    d.bundle,
    rows.map((r) => r.document_id),
    path,
    extras,
    { action: 'sync-export', detail: `导出待同步封存包（${rows.length}份文书）` },
  );
  return { path, documents: rows.length };
}
