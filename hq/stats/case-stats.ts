// 统计: received cases and documents per office, per month (Beijing time) and per matter (事项),
// over the viewer's offices only (hq/db/scope.ts), on either engine. A document counts in the month
// it was sealed; a case in the month of its first received document (when HQ first knew of it).
// The database groups by office, matter and UTC hour (`substr` of the ISO text: the same on SQLite
// and PostgreSQL), so what comes back is small whatever the number of documents; the hours are
// then put into Beijing months here, exactly (an hour never straddles a month boundary there).
// Counts only: no party names or other personal data, so nothing is written to the access log.
import { sql, type SqlBool } from 'kysely';
import type { HqDb } from '../db/hq-database.ts';
import { devicesInScope, type Viewer } from '../db/scope.ts';

export interface StatsFilter {
  /** First and last month, YYYY-MM (Beijing), inclusive. */
  from: string;
  to: string;
  officeId?: string;
}

export interface StatsRow {
  officeId: string;
  month: string;
  matter: string;
  cases: number;
  documents: number;
}

const BEIJING_MS = 8 * 3600_000;
/** The Beijing month (YYYY-MM) of a UTC hour given as ISO text's first 13 characters. */
const monthOf = (utcHour: string) => new Date(Date.parse(`${utcHour}:00:00Z`) + BEIJING_MS).toISOString().slice(0, 7);
/** Beijing midnight of the first day of a month, as stored ISO text (UTC). */
const monthStart = (month: string) => new Date(Date.parse(`${month}-01T00:00:00+08:00`)).toISOString();
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** The months from `from` to `to`, inclusive (at most 120). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 120; m = nextMonth(m)) out.push(m);
  return out;
}

export async function caseStats(db: HqDb, v: Viewer, f: StatsFilter): Promise<StatsRow[]> {
  const start = monthStart(f.from);
  const end = monthStart(nextMonth(f.to));
  let officeWhere = sql<SqlBool>`1 = 1`;
  if (f.officeId) {
    const office = await db.selectFrom('offices').select('path').where('id', '=', f.officeId).executeTakeFirst();
    officeWhere = office ? sql<SqlBool>`o.path LIKE ${`${office.path}%`}` : sql<SqlBool>`1 = 0`;
  }
  const hour = sql<string>`substr(d.sealed_at, 1, 13)`;
  const docs = await db
    .selectFrom('documents as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .innerJoin('devices as dv', 'dv.device_id', 'd.device_id')
    .innerJoin('offices as o', 'o.id', 'dv.office_id')
    .where('d.device_id', 'in', devicesInScope(db, v))
    .where(officeWhere)
    .where('d.sealed_at', '>=', start)
    .where('d.sealed_at', '<', end)
    .select(['o.id as officeId', 'c.matter_name as matter', hour.as('hour')])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['o.id', 'c.matter_name', hour])
    .execute();
  // Each case once: at its first document (over all time, so a case opened before `from` is not counted again).
  const first = db
    .selectFrom('documents as fd')
    .select(['fd.case_id', (eb) => eb.fn.min('fd.sealed_at').as('first_at')])
    .groupBy('fd.case_id')
    .as('f');
  const firstHour = sql<string>`substr(f.first_at, 1, 13)`;
  const cases = await db
    .selectFrom(first)
    .innerJoin('cases as c', 'c.id', 'f.case_id')
    .innerJoin('devices as dv', 'dv.device_id', 'c.device_id')
    .innerJoin('offices as o', 'o.id', 'dv.office_id')
    .where('c.device_id', 'in', devicesInScope(db, v))
    .where(officeWhere)
    .where('f.first_at', '>=', start)
    .where('f.first_at', '<', end)
    .select(['o.id as officeId', 'c.matter_name as matter', firstHour.as('hour')])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['o.id', 'c.matter_name', firstHour])
    .execute();

  const rows = new Map<string, StatsRow>();
  const at = (officeId: string, hourText: string, matter: string) => {
    const month = monthOf(hourText);
    const key = `${officeId}\n${month}\n${matter}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { officeId, month, matter, cases: 0, documents: 0 }));
    return r;
  };
  for (const r of docs) at(r.officeId, r.hour, r.matter).documents += Number(r.n);
  for (const r of cases) at(r.officeId, r.hour, r.matter).cases += Number(r.n);
  return [...rows.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) || a.officeId.localeCompare(b.officeId) || a.matter.localeCompare(b.matter),
  );
}
