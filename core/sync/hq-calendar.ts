// The working-day calendar HQ published (reference data kind `holidays`), when it is newer than
// the one shipped with the app: taken from the signed reference data stored at the last sync (its
// HQ signature checked again against HQ's pinned key, its content against the calendar schema),
// like hq-catalog.ts. Newer = it covers more (a later validThrough: a new year's schedule), or the
// same period in a higher version (a correction).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  CalendarDataSchema,
  compareCalendarVersions,
  type CalendarData,
} from '../../shared/calendar/calendar-schema.ts';
import { verifyReference, type ReferenceData } from '../../protocol/sync/protocol.ts';

export interface HqCalendarChoice {
  /** The HQ table to use instead of the shipped one, or null. */
  use: { data: CalendarData; version: number; issuedAt: string } | null;
  /** Why a table HQ sent is not used (in Chinese), or null when there is none or it is used. */
  refused: string | null;
}

/** True when `hq` should replace `shipped`. */
export function isNewerCalendar(
  hq: Pick<CalendarData, 'version' | 'validThrough'>,
  shipped: Pick<CalendarData, 'version' | 'validThrough'>,
): boolean {
  if (hq.validThrough !== shipped.validThrough) return hq.validThrough > shipped.validThrough;
  return compareCalendarVersions(hq.version, shipped.version) > 0;
}

export function newerHqCalendar(db: Database, shipped: CalendarData): HqCalendarChoice {
  const ref = db
    .prepare(`SELECT version, issued_at, data, ed25519 FROM reference_data WHERE kind = 'holidays'`)
    .get() as { version: number; issued_at: string; data: string; ed25519: string } | undefined;
  const link = db.prepare(`SELECT hq_id, hq_name, hq_ed25519_pem, hq_sm2_public FROM hq_link`).get() as
    { hq_id: string; hq_name: string; hq_ed25519_pem: string; hq_sm2_public: string } | undefined;
  if (!ref) return { use: null, refused: null };
  const label = `总部发布的节假日表（第${ref.version}版）`;
  if (!link) return { use: null, refused: `${label}未采用：本机未登记到总部。` };
  let data: unknown;
  try {
    data = JSON.parse(ref.data);
  } catch {
    return { use: null, refused: `${label}未采用：数据无法读取。` };
  }
  const signed = {
    ref: { kind: 'holidays', version: ref.version, issuedAt: ref.issued_at, data } satisfies ReferenceData,
    ed25519: ref.ed25519,
  };
  if (
    !verifyReference(signed, {
      hqId: link.hq_id,
      name: link.hq_name,
      ed25519PublicKeyPem: link.hq_ed25519_pem,
      sm2PublicKey: link.hq_sm2_public,
    })
  ) {
    return { use: null, refused: `${label}未采用：总部签名无效。请联系总部核实。` };
  }
  const parsed = CalendarDataSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      use: null,
      refused: `${label}未采用：格式不符（${first ? `${first.path.join('.')}：${first.message}` : '未知错误'}）。请联系总部核实。`,
    };
  }
  if (!isNewerCalendar(parsed.data, shipped)) return { use: null, refused: null };
  return { use: { data: parsed.data, version: ref.version, issuedAt: ref.issued_at }, refused: null };
}
