// HQ's receipts, from the network run or from HQ's receipts file (the offline path): each is
// verified against HQ's pinned keys and our own seal, then stored once, in one transaction with
// HQ's time and the audit row naming the seal delivered.
import { readFileSync } from 'node:fs';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import type { Log } from '../../protocol/runtime/log.ts';
import { verifyReceipt, type SignedReceipt } from '../../protocol/sync/protocol.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isoNow, type Clock } from '../clock.ts';
import type { InTransaction } from '../db/unit-of-work.ts';
import type { DeviceIdentity } from '../device/device-identity.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import type { SealStore } from '../seals/seal-store.ts';
import type { TwoOfficerSession } from '../session/two-officer-session.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { SyncFailure } from './hq-client.ts';
import { keysOf, type HqLinkStore } from './hq-link-store.ts';
import type { ReceiptStore } from './receipt-store.ts';

export interface ReceiptIntakeDeps {
  clock: Clock;
  log: Log;
  links: Pick<HqLinkStore, 'link'>;
  receipts: Pick<ReceiptStore, 'has' | 'insert'>;
  seals: Pick<SealStore, 'row'>;
  device: Pick<DeviceIdentity, 'public'>;
  settings: Pick<SettingsStore, 'noteHqTime'>;
  documents: Pick<DocumentStore, 'caseOf'>;
  session: Pick<TwoOfficerSession, 'signedInIds'>;
  audit: Pick<AuditLog, 'append'>;
  inTransaction: InTransaction;
}

/** Verifies a receipt against HQ's pinned keys and our own seal, then stores it (once). */
export function acceptReceipt(d: ReceiptIntakeDeps, r: SignedReceipt, via: 'network' | 'file'): void {
  acceptReceipts(d, [r], via);
}

/**
 * Verifies every receipt of a batch against HQ's pinned keys and our own seals, then stores those
 * not yet held in ONE transaction (with HQ's time and an audit row per seal). One receipt that
 * fails stores none of them: the seals stay in the outbox, and HQ answers the next sync with the
 * same receipts.
 */
export function acceptReceipts(d: ReceiptIntakeDeps, rs: SignedReceipt[], via: 'network' | 'file'): void {
  const l = d.links.link();
  if (!l) throw new SyncFailure('not_enrolled', '本机尚未登记到总部，不能接受回执。');
  const keys = keysOf(l);
  const deviceId = d.device.public().deviceId;
  const checked = rs.map((r) => {
    const problems = verifyReceipt(r, keys);
    const seal = d.seals.row(r.receipt.seq);
    if (!seal) problems.push(`本机没有序号为${r.receipt.seq}的封存`);
    else if (seal.hash_sha256 !== r.receipt.sealSha256 || seal.hash_sm3 !== r.receipt.sealSm3)
      problems.push(`回执中的封存校验值与本机封存${seal.seq}不符`);
    if (r.receipt.deviceId !== deviceId) problems.push('回执不是给本机的');
    if (problems.length)
      throw new SyncFailure('hq_key', `总部回执无效（${problems.join('；')}），未采用。请联系总部核实。`);
    return { r, seal: seal! };
  });
  const fresh = checked.filter(({ r }) => !d.receipts.has(r.receipt.seq));
  if (!fresh.length) return;
  d.inTransaction(() => {
    const storedAt = isoNow(d.clock);
    const officerIds = d.session.signedInIds();
    for (const { r, seal } of fresh) {
      d.receipts.insert(r, via, storedAt);
      d.settings.noteHqTime(r.receipt.hqTime);
      // One row per delivered seal, in the receipts' transaction: the log names every seal HQ
      // acknowledged, in its case's log too. Sync tries that deliver nothing write no row (the
      // automatic ones run every minute).
      d.audit.append({
        action: via === 'network' ? 'sync' : 'sync-receipts',
        officerIds,
        caseId: d.documents.caseOf(seal.document_id),
        targets: [seal.document_id, seal.hash_sha256],
        detail: `封存${seal.seq}已取得总部回执（${via === 'network' ? '网络同步' : '回执文件'}，总部序号${r.receipt.hqSeq}）`,
      });
    }
  });
}

/** Reads HQ's receipts file (from an offline import) and stores every valid receipt. */
export function importReceiptsFile(d: ReceiptIntakeDeps, path: string): { stored: number; already: number } {
  return importReceipts(d, readFileSync(path, 'utf8'));
}

export function importReceipts(d: ReceiptIntakeDeps, text: string): { stored: number; already: number } {
  let file: { format?: string; receipts?: SignedReceipt[] };
  try {
    file = JSON.parse(text) as typeof file;
  } catch {
    throw new CoreError(
      'validation',
      '回执文件无法读取或不是总部生成的回执文件。请选择总部导入封存包后提供的回执文件（.json）。',
    );
  }
  if (file.format !== 'wangxin-hq-receipts/1' || !Array.isArray(file.receipts))
    throw new CoreError('validation', '这不是总部回执文件。请选择总部导入封存包后提供的回执文件。');
  let stored = 0;
  let already = 0;
  for (const r of file.receipts) {
    // A malformed entry is refused by acceptReceipt below, with its reason.
    const had = d.receipts.has(r.receipt?.seq as number);
    try {
      acceptReceipt(d, r, 'file');
    } catch (e) {
      throw new CoreError('integrity', (e as Error).message);
    }
    if (had) already++;
    else stored++;
  }
  d.log.info('receipts file imported', { stored, already });
  return { stored, already };
}
