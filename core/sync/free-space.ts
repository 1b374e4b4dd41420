// Freeing space on the laptop (释放空间): a separate, explicit action by both officers, never done
// by sync. Only evidence whose every seal has HQ's verified receipt may go — HQ then holds the same
// bytes (it re-hashed them before it committed the seal). The evidence rows, seals and receipts
// stay; the released bytes are recorded (released-blobs.ts, append-only) so verification reports
// them as held by HQ rather than missing. The row is committed before the file is removed; a
// crash in between leaves a file that the next start removes.
import type { AuditLog } from '../audit/audit-log.ts';
import { isoNow, type Clock } from '../clock.ts';
import type { InTransaction } from '../db/unit-of-work.ts';
import type { EvidenceStore } from '../evidence/evidence-store.ts';
import type { TwoOfficerSession } from '../session/two-officer-session.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import type { ReleasedBlobs } from './released-blobs.ts';

export interface FreeSpaceDeps {
  clock: Clock;
  session: Pick<TwoOfficerSession, 'signedInIds'>;
  released: ReleasedBlobs;
  evidence: Pick<EvidenceStore, 'blobs'>;
  audit: Pick<AuditLog, 'append'>;
  inTransaction: InTransaction;
}

export function freeSpace(d: FreeSpaceDeps): { files: number; bytes: number } {
  const officerIds = d.session.signedInIds();
  if (officerIds.length !== 2) throw new CoreError('forbidden', '释放空间须两名执法人员同时登录。');
  const items = d.released.releasable();
  if (!items.length)
    throw new CoreError(
      'conflict',
      '没有可以释放的电子数据：只有全部所属封存都已取得总部回执的电子数据才能从本机释放。',
    );
  const now = isoNow(d.clock);
  const bytes = items.reduce((n, i) => n + i.size, 0);
  d.inTransaction(() => {
    d.released.record(items, now, officerIds);
    d.audit.append({
      action: 'free-space',
      officerIds,
      targets: items.map((i) => i.sha256),
      detail: `释放已取得总部回执的电子数据 ${items.length} 件，${bytes} 字节`,
    });
  });
  removeReleasedFiles(d);
  return { files: items.length, bytes };
}

/** Removes the bytes of released blobs still on disk (after a crash between the record and the removal). */
export function removeReleasedFiles(d: Pick<FreeSpaceDeps, 'released' | 'evidence'>): number {
  let n = 0;
  for (const sha of d.released.all().keys()) {
    if (d.evidence.blobs.has(sha)) {
      d.evidence.blobs.remove(sha);
      n++;
    }
  }
  return n;
}
