// The devices' open deadlines at HQ (migration '008_deadlines'): each device's report replaces its
// previous one in one transaction; staff read them through their scope (hq/db/scope.ts) for 总览 —
// overdue and nearly due (DUE_SOON_DAYS) by HQ's own today in Beijing, not the device's, since a
// report may be days old. Case numbers and document numbers only: no party names.
import { sql } from 'kysely';
import type { DeadlinesReport } from '../../protocol/sync/deadlines-report.ts';
import type { HqDb } from '../db/hq-database.ts';
import { devicesInScope, type Viewer } from '../db/scope.ts';

/** As on the device's 工作台 (shared/deadlines/case-deadlines.ts): due within three days is 临近. */
export const DUE_SOON_DAYS = 3;

export type UrgentStatus = 'overdue' | 'soon' | 'uncertain';

export interface UrgentDeadline {
  deviceId: string;
  deviceName: string;
  officeId: string;
  officeName: string;
  caseId: string;
  caseNo: string;
  /** Whether HQ holds this case from this device (the staff app links to it). */
  caseAtHq: boolean;
  kind: string;
  label: string;
  dueDate: string | null;
  earliest: string | null;
  status: UrgentStatus;
  /** Days from HQ's today (Beijing) to the due date (or the earliest end); negative when past. */
  daysLeft: number;
  docNo: string | null;
  reportedAt: string;
}

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
export const beijingDay = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export class DeadlineStore {
  private readonly db: HqDb;
  private readonly now: () => Date;
  constructor(db: HqDb, now: () => Date) {
    this.db = db;
    this.now = now;
  }

  /** Replaces the device's open deadlines with this report; returns how many are stored. */
  async replace(deviceId: string, report: DeadlinesReport): Promise<number> {
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('device_deadlines').where('device_id', '=', deviceId).execute();
      const rows = report.deadlines.map((d, n) => ({
        device_id: deviceId,
        n,
        case_id: d.caseId,
        case_no: d.caseNo,
        kind: d.kind,
        label: d.label,
        due_date: d.dueDate,
        earliest: d.earliest,
        status: d.status,
        document_id: d.documentId,
        doc_no: d.docNo,
      }));
      // In slices: SQLite takes at most 32 766 parameters a statement.
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto('device_deadlines')
          .values(rows.slice(i, i + 500))
          .execute();
      await trx
        .insertInto('deadline_reports')
        .values({ device_id: deviceId, reported_at: at, device_today: report.today })
        .onConflict((oc) => oc.column('device_id').doUpdateSet({ reported_at: at, device_today: report.today }))
        .execute();
    });
    return report.deadlines.length;
  }

  /** Overdue and nearly due deadlines of the viewer's offices' devices, most urgent first. */
  async urgentFor(v: Viewer): Promise<UrgentDeadline[]> {
    const today = beijingDay(this.now());
    const soon = new Date(Date.parse(`${today}T00:00:00Z`) + DUE_SOON_DAYS * 86_400_000).toISOString().slice(0, 10);
    const rows = await this.db
      .selectFrom('device_deadlines as dd')
      .innerJoin('deadline_reports as r', 'r.device_id', 'dd.device_id')
      .innerJoin('devices as dv', 'dv.device_id', 'dd.device_id')
      .innerJoin('offices as o', 'o.id', 'dv.office_id')
      .leftJoin('cases as c', (j) => j.onRef('c.id', '=', 'dd.case_id').onRef('c.device_id', '=', 'dd.device_id'))
      .select([
        'dd.device_id',
        'dv.name as device_name',
        'o.id as office_id',
        'o.name as office_name',
        'dd.case_id',
        'dd.case_no',
        'c.id as held_case',
        'dd.kind',
        'dd.label',
        'dd.due_date',
        'dd.earliest',
        'dd.doc_no',
        'r.reported_at',
      ])
      .where('dd.device_id', 'in', devicesInScope(this.db, v))
      .where('dv.revoked_at', 'is', null)
      .where((eb) =>
        eb.or([eb('dd.due_date', '<=', soon), eb.and([eb('dd.due_date', 'is', null), eb('dd.earliest', '<=', soon)])]),
      )
      .orderBy(sql`coalesce(dd.due_date, dd.earliest)`)
      .orderBy('dd.case_no')
      .limit(1000)
      .execute();
    const t = dayNumber(today);
    return rows.map((r) => {
      const day = (r.due_date ?? r.earliest)!;
      return {
        deviceId: r.device_id,
        deviceName: r.device_name,
        officeId: r.office_id,
        officeName: r.office_name,
        caseId: r.case_id,
        caseNo: r.case_no,
        caseAtHq: r.held_case !== null,
        kind: r.kind,
        label: r.label,
        dueDate: r.due_date,
        earliest: r.earliest,
        status: r.due_date === null ? 'uncertain' : r.due_date < today ? 'overdue' : 'soon',
        daysLeft: dayNumber(day) - t,
        docNo: r.doc_no,
        reportedAt: r.reported_at,
      };
    });
  }
}
