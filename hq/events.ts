// HQ's event log (table events, append-only in the database): codes, enrollments, revocations,
// imports, offices, staff, recoveries. Written in the same transaction as the act it records when
// one is given. Each event names the office it concerns (null: HQ-wide, seen by the root office's
// administrators only).
import type { Kysely } from 'kysely';
import type { HqDb } from './db/hq-database.ts';
import type { HqTables } from './db/schema.ts';

export type EventLog = (
  actor: string,
  action: string,
  detail: string,
  trx?: Kysely<HqTables>,
  officeId?: string | null,
) => Promise<void>;

export function eventLog(db: HqDb, now: () => Date): EventLog {
  return async (actor, action, detail, trx, officeId = null) => {
    await (trx ?? db)
      .insertInto('events')
      .values({ at: now().toISOString(), actor, action, detail, office_id: officeId })
      .execute();
  };
}

/** A time in an event's text as staff read it: Beijing time (the row's own `at` stays ISO UTC). */
export const beijingTime = (iso: string) =>
  `${new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}（北京时间）`;
