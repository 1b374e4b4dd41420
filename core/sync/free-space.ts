// Freeing space on the laptop (释放空间): a separate, explicit action by both officers, never done
// by sync. Only evidence whose every seal has HQ's verified receipt may go — HQ then holds the same
// bytes (it re-hashed them before it committed the seal). The evidence rows, seals and receipts
// stay; the released bytes are recorded (released_blobs, append-only) so verification reports
// them as held by HQ rather than missing. The row is committed before the file is removed; a
// crash in between leaves a file that the next start removes.
import type { AppCore } from '../app-core.ts';
import { isoNow } from '../clock.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';

/** Blobs that may be released: every evidence row with that SHA-256 is sealed, and every such seal is receipted. */
export function releasable(core: AppCore): { sha256: string; size: number }[] {
  return core.db
    .prepare(
      `SELECT e.sha256, max(e.size_bytes) AS size FROM evidence e
       WHERE e.sha256 NOT IN (SELECT sha256 FROM released_blobs)
       GROUP BY e.sha256
       HAVING sum(CASE WHEN NOT EXISTS (SELECT 1 FROM seal_evidence se WHERE se.evidence_id = e.id) THEN 1 ELSE 0 END) = 0
          AND sum(CASE WHEN EXISTS (SELECT 1 FROM seal_evidence se LEFT JOIN receipts r ON r.seal_seq = se.seal_seq WHERE se.evidence_id = e.id AND r.seal_seq IS NULL) THEN 1 ELSE 0 END) = 0`,
    )
    .all() as { sha256: string; size: number }[];
}

export function released(core: AppCore): Map<string, { releasedAt: string }> {
  return new Map(
    (
      core.db.prepare(`SELECT sha256, released_at FROM released_blobs`).all() as {
        sha256: string;
        released_at: string;
      }[]
    ).map((r) => [r.sha256, { releasedAt: r.released_at }]),
  );
}

export function freeSpace(core: AppCore): { files: number; bytes: number } {
  const officerIds = core.session.signedInIds();
  if (officerIds.length !== 2) throw new CoreError('forbidden', '释放空间须两名执法人员同时登录。');
  const items = releasable(core);
  if (!items.length)
    throw new CoreError(
      'conflict',
      '没有可以释放的电子数据：只有全部所属封存都已取得总部回执的电子数据才能从本机释放。',
    );
  const now = isoNow(core.clock);
  const bytes = items.reduce((n, i) => n + i.size, 0);
  core.db.transaction(() => {
    const ins = core.db.prepare(
      `INSERT INTO released_blobs (sha256, size_bytes, released_at, officer_ids) VALUES (?, ?, ?, ?)`,
    );
    for (const i of items) ins.run(i.sha256, i.size, now, JSON.stringify(officerIds));
    core.audit.append({
      action: 'free-space',
      officerIds,
      targets: items.map((i) => i.sha256),
      detail: `释放已取得总部回执的电子数据 ${items.length} 件，${bytes} 字节`,
    });
  })();
  removeReleasedFiles(core);
  return { files: items.length, bytes };
}

/** Removes the bytes of released blobs still on disk (after a crash between the record and the removal). */
export function removeReleasedFiles(core: AppCore): number {
  let n = 0;
  for (const sha of released(core).keys()) {
    if (core.evidence.blobs.has(sha)) {
      core.evidence.blobs.remove(sha);
      n++;
    }
  }
  return n;
}
