// HQ's event log (table events, append-only in the database): codes, enrollments, revocations,
// imports, administrators, recoveries. Written in the same transaction as the act it records when
// one is given.
import type { Kysely } from 'kysely';
import type { HqDb } from './db/hq-database.ts';
import type { HqTables } from './db/schema.ts';

export type EventLog = (actor: string, action: string, detail: string, trx?: Kysely<HqTables>) => Promise<void>;

export function eventLog(db: HqDb, now: () => Date): EventLog {
  return async (actor, action, detail, trx) => {
    await (trx ?? db).insertInto('events').values({ at: now().toISOString(), actor, action, detail }).execute();
  };
}
