// The working-day calendar HQ published (reference data kind `holidays`), when it is newer than
// the one shipped with the app: taken from the signed reference data stored at the last sync (its
// HQ signature checked again against HQ's pinned key, its content against the calendar schema),
// like hq-catalog.ts. Newer = it covers more (a later validThrough: a new year's schedule), or the
// same period in a higher version (a correction).
import {
  CalendarDataSchema,
  compareCalendarVersions,
  type CalendarData,
} from '../../shared/calendar/calendar-schema.ts';
import { verifyReference, type HqKeys, type ReferenceData } from '../../protocol/sync/protocol.ts';
import type { StoredReference } from './reference-store.ts';

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

/** `ref`: the stored `holidays` row; `hqKeys`: HQ's keys pinned at enrollment (null before it). */
export function newerHqCalendar(
  ref: StoredReference | undefined,
  hqKeys: HqKeys | null,
  shipped: CalendarData,
): HqCalendarChoice {
  if (!ref) return { use: null, refused: null };
  const label = `总部发布的节假日表（第${ref.version}版）`;
  if (!hqKeys) return { use: null, refused: `${label}未采用：本机未登记到总部。` };
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
  if (!verifyReference(signed, hqKeys)) {
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
