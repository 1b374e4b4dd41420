// Cases (案件) in the device database. Every user action is one transaction: the case row, its
// handling officers and its timeline event commit together or not at all.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import type { CaseData, CaseDetail, CaseStatus, CaseSummary, Party, Platform } from '../../shared/domain/case.ts';
import { CASE_STATUS_LABELS } from '../../shared/domain/case.ts';
import type { Conduct } from '../../shared/domain/case-law.ts';
import type { LawGround } from '../../shared/catalog/law-in-force.ts';
import { CaseLawStore } from './case-law.ts';
import type { OfficerPublic } from '../../shared/domain/officer.ts';
import { MILESTONE_LABELS, type Milestone, type MilestoneKind } from '../../shared/deadlines/deadline-api.ts';
import { formatMinuteChinese, toLocalDate } from '../../shared/documents/local-time.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import type { Clock } from '../clock.ts';
import { chinaYear, isoNow } from '../clock.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import type { OfficerStore } from '../officers/officer-store.ts';
import type { CaseNumbers } from './case-number.ts';

interface CaseRow {
  id: string;
  case_no: string;
  title: string;
  source: CaseSummary['source'];
  source_note: string;
  party_json: string;
  platform_json: string;
  matter_id: string;
  summary: string;
  status: CaseStatus;
  conduct_json: string | null;
  created_at: string;
  updated_at: string;
}

/** A case as its deadlines count it (core/deadlines/deadlines-service.ts). */
export interface DeadlineCaseRow {
  id: string;
  case_no: string;
  title: string;
  status: CaseStatus;
  party_json: string;
  created_at: string;
  updated_at: string;
}

interface EventRow {
  at: string;
  kind: string;
  text: string;
  officer_ids: string;
}

const partyIdNumber = (p: Party) => (p.kind === 'organisation' ? p.creditCode : p.idNumber);

/** Lower-cased text that search matches against: numbers, names, domains. */
function searchText(caseNo: string, d: CaseData, matterName: string): string {
  const p = d.platform;
  return [caseNo, d.title, d.party.name, partyIdNumber(d.party), p.name, p.domain, p.url, p.icp, matterName, d.summary]
    .join('\n')
    .toLowerCase();
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The conduct a case records; null for cases made before the conduct date was recorded (migration 011). */
export const conductOf = (r: { conduct_json: string | null }): Conduct | null =>
  r.conduct_json === null ? null : (JSON.parse(r.conduct_json) as Conduct);

export class CaseStore {
  private readonly db: Database;
  private readonly clock: Clock;
  private readonly catalog: CatalogService;
  private readonly officers: OfficerStore;
  private readonly numbers: CaseNumbers;
  /** The law that applies to each case's conduct, and the officers' choices under 第三十七条. */
  readonly law: CaseLawStore;
  constructor(db: Database, clock: Clock, catalog: CatalogService, officers: OfficerStore, numbers: CaseNumbers) {
    this.db = db;
    this.clock = clock;
    this.catalog = catalog;
    this.officers = officers;
    this.numbers = numbers;
    // The law store records its choices on the case: the timeline event, and the case marked changed
    // (the cases table is this store's alone).
    this.law = new CaseLawStore(db, clock, catalog, officers, (caseId, kind, text, officerIds, at) => {
      this.db.prepare(`UPDATE cases SET updated_at = ? WHERE id = ?`).run(at, caseId);
      this.addEvent(caseId, kind, text, officerIds, at);
    });
  }

  create(data: CaseData, actorIds: string[]): CaseDetail {
    const matterName = this.checkReferences(data);
    this.law.checkConduct(data.conduct);
    const id = randomUUID();
    const now = isoNow(this.clock);
    this.db.transaction(() => {
      const caseNo = this.numbers.nextCaseNumber(chinaYear(this.clock.now()));
      this.db
        .prepare(
          `INSERT INTO cases (id, case_no, title, source, source_note, party_json, platform_json, matter_id, summary, status, search_text, created_at, updated_at, conduct_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'clue', ?, ?, ?, ?)`,
        )
        .run(
          id,
          caseNo,
          data.title,
          data.source,
          data.sourceNote,
          JSON.stringify(data.party),
          JSON.stringify(data.platform),
          data.matterId,
          data.summary,
          searchText(caseNo, data, matterName),
          now,
          now,
          JSON.stringify(data.conduct),
        );
      this.setOfficers(id, data.officerIds);
      this.addEvent(id, 'created', `创建案件（${CASE_STATUS_LABELS.clue}），案件来源：${data.source}`, actorIds, now);
    })();
    return this.get(id);
  }

  update(id: string, data: CaseData, actorIds: string[]): CaseDetail {
    const existing = this.row(id);
    const matterName = this.checkReferences(data);
    this.law.checkConduct(data.conduct);
    const before = this.law.forCase(id, existing.matter_id, conductOf(existing));
    const now = isoNow(this.clock);
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE cases SET title = ?, source = ?, source_note = ?, party_json = ?, platform_json = ?, matter_id = ?, summary = ?, search_text = ?, updated_at = ?, conduct_json = ? WHERE id = ?`,
        )
        .run(
          data.title,
          data.source,
          data.sourceNote,
          JSON.stringify(data.party),
          JSON.stringify(data.platform),
          data.matterId,
          data.summary,
          searchText(existing.case_no, data, matterName),
          now,
          JSON.stringify(data.conduct),
          id,
        );
      this.db.prepare(`DELETE FROM case_officers WHERE case_id = ?`).run(id);
      this.setOfficers(id, data.officerIds);
      const after = this.law.forCase(id, data.matterId, data.conduct);
      this.addEvent(id, 'updated', `修改案件信息${this.law.changeNote(existing, before, after, data)}`, actorIds, now);
    })();
    return this.get(id);
  }

  setStatus(id: string, status: CaseStatus, note: string, actorIds: string[]): CaseDetail {
    const existing = this.row(id);
    if (existing.status === status)
      throw new CoreError('conflict', `案件已经是「${CASE_STATUS_LABELS[status]}」状态。`);
    // A filed or closed case has records made under its number; it cannot become a clue again.
    if (status === 'clue')
      throw new CoreError(
        'conflict',
        `案件已「${CASE_STATUS_LABELS[existing.status]}」，不能改回「${CASE_STATUS_LABELS.clue}」。如立案有误，请在办理记录中说明后结案。`,
      );
    const now = isoNow(this.clock);
    this.db.transaction(() => {
      this.db.prepare(`UPDATE cases SET status = ?, updated_at = ? WHERE id = ?`).run(status, now, id);
      const text = `状态由「${CASE_STATUS_LABELS[existing.status]}」改为「${CASE_STATUS_LABELS[status]}」${note ? `：${note}` : ''}`;
      this.addEvent(id, 'status', text, actorIds, now);
    })();
    return this.get(id);
  }

  /** Records which version of the law applies (行政处罚法 第三十七条): see CaseLawStore.choose. */
  chooseLaw(id: string, c: { period: string; ground: LawGround; note: string }, actorIds: string[]): CaseDetail {
    this.law.choose(id, this.row(id), c, actorIds);
    return this.get(id);
  }

  /**
   * Records a date a deadline counts from (docs/DEADLINES.md): a new row — a later one of the same
   * kind supersedes the earlier, which stays as history — and its timeline event, in one
   * transaction. The date may not be after today (China date of the core's clock); a 案件来源登记
   * date may not be after the case's creation on this device (it stands in for a later one).
   */
  recordMilestone(caseId: string, m: { kind: MilestoneKind; date: string; note: string }, actorIds: string[]): void {
    const r = this.row(caseId);
    const today = toLocalDate(this.clock.now());
    if (m.date > today)
      throw new CoreError('validation', `日期不能晚于今天（${formatMinuteChinese(today)}）：只能记录已经发生的事实。`, {
        date: '日期不能晚于今天。',
      });
    const created = toLocalDate(new Date(r.created_at));
    if (m.kind === 'sourceDate' && m.date > created) {
      throw new CoreError(
        'validation',
        `案件来源登记日期不能晚于本机创建案件的日期（${formatMinuteChinese(created)}）：立案期限已从创建之日起算。`,
        { date: '不能晚于本机创建案件的日期。' },
      );
    }
    const now = isoNow(this.clock);
    const prev = this.db
      .prepare(`SELECT date FROM case_milestones WHERE case_id = ? AND kind = ? ORDER BY id DESC LIMIT 1`)
      .get(caseId, m.kind) as { date: string } | undefined;
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO case_milestones (case_id, kind, date, note, recorded_at, officer_ids) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(caseId, m.kind, m.date, m.note, now, JSON.stringify(actorIds));
      this.db.prepare(`UPDATE cases SET updated_at = ? WHERE id = ?`).run(now, caseId);
      const text = `记录${MILESTONE_LABELS[m.kind]}：${formatMinuteChinese(m.date)}${prev ? `（替代此前记录的${formatMinuteChinese(prev.date)}）` : ''}${m.note ? `；说明：${m.note}` : ''}`;
      this.addEvent(caseId, 'milestone', text, actorIds, now);
    })();
  }

  /** Every date recorded for the case's deadlines, oldest first; the latest of each kind is current. */
  milestones(caseId: string): Milestone[] {
    const rows = this.db
      .prepare(
        `SELECT id, kind, date, note, recorded_at, officer_ids FROM case_milestones WHERE case_id = ? ORDER BY id`,
      )
      .all(caseId) as {
      id: number;
      kind: MilestoneKind;
      date: string;
      note: string;
      recorded_at: string;
      officer_ids: string;
    }[];
    const latest = new Map(rows.map((x) => [x.kind, x.id]));
    const names = new Map(this.officers.list().map((o) => [o.id, o.name]));
    return rows.map((x) => ({
      kind: x.kind,
      date: x.date,
      note: x.note,
      recordedAt: x.recorded_at,
      officers: (JSON.parse(x.officer_ids) as string[]).map((oid) => names.get(oid) ?? oid),
      current: latest.get(x.kind) === x.id,
    }));
  }

  /** The rows a case's deadlines and the 工作台 read (core/deadlines/): one case, or every case by latest change. */
  deadlineRows(id?: string): DeadlineCaseRow[] {
    const cols = `SELECT id, case_no, title, status, party_json, created_at, updated_at FROM cases`;
    return (
      id === undefined
        ? this.db.prepare(`${cols} ORDER BY updated_at DESC`).all()
        : this.db.prepare(`${cols} WHERE id = ?`).all(id)
    ) as DeadlineCaseRow[];
  }

  /** Every case's number and party, by case (the timeline's one-number-one-person rule across cases). */
  parties(): { caseId: string; caseNo: string; party: Party }[] {
    return (
      this.db.prepare(`SELECT id, case_no, party_json FROM cases ORDER BY created_at`).all() as {
        id: string;
        case_no: string;
        party_json: string;
      }[]
    ).map((r) => ({ caseId: r.id, caseNo: r.case_no, party: JSON.parse(r.party_json) as Party }));
  }

  /** The case's status changes (their timeline texts, oldest first) and its recorded dates (kind and date, oldest first). */
  deadlineEvents(caseId: string): {
    statusChanges: { at: string; text: string }[];
    milestones: { kind: MilestoneKind; date: string }[];
  } {
    return {
      statusChanges: this.db
        .prepare(`SELECT at, text FROM case_events WHERE case_id = ? AND kind = 'status' ORDER BY id`)
        .all(caseId) as { at: string; text: string }[],
      milestones: this.db
        .prepare(`SELECT kind, date FROM case_milestones WHERE case_id = ? ORDER BY id`)
        .all(caseId) as { kind: MilestoneKind; date: string }[],
    };
  }

  list(q: { query: string; status?: CaseStatus | undefined; limit: number; offset: number }): {
    items: CaseSummary[];
    total: number;
  } {
    const where: string[] = [];
    const params: (string | number)[] = [];
    for (const term of q.query.toLowerCase().split(/\s+/).filter(Boolean)) {
      where.push(`search_text LIKE ? ESCAPE '\\'`);
      params.push(`%${escapeLike(term)}%`);
    }
    if (q.status) {
      where.push('status = ?');
      params.push(q.status);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM cases ${clause}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM cases ${clause} ORDER BY updated_at DESC, case_no DESC LIMIT ? OFFSET ?`)
      .all(...params, q.limit, q.offset) as CaseRow[];
    return { items: rows.map((r) => this.summary(r)), total };
  }

  get(id: string): CaseDetail {
    const r = this.row(id);
    const officerIds = (
      this.db.prepare(`SELECT officer_id FROM case_officers WHERE case_id = ? ORDER BY position`).all(id) as {
        officer_id: string;
      }[]
    ).map((o) => o.officer_id);
    const officers = officerIds.map((oid) => this.officers.get(oid)).filter((o): o is OfficerPublic => o !== undefined);
    const names = new Map(this.officers.list().map((o) => [o.id, o.name]));
    const events = (
      this.db
        .prepare(`SELECT at, kind, text, officer_ids FROM case_events WHERE case_id = ? ORDER BY id`)
        .all(id) as EventRow[]
    ).map((e) => ({
      at: e.at,
      kind: e.kind,
      text: e.text,
      officers: (JSON.parse(e.officer_ids) as string[]).map((oid) => names.get(oid) ?? oid),
    }));
    const matter = this.catalog.get(r.matter_id);
    const conduct = conductOf(r);
    const law = this.law.forCase(id, r.matter_id, conduct);
    return {
      ...this.summary(r),
      sourceNote: r.source_note,
      summary: r.summary,
      party: JSON.parse(r.party_json) as Party,
      platform: JSON.parse(r.platform_json) as Platform,
      officers,
      matter: matter ? this.law.matterSummary(matter, law) : null,
      law,
      events,
    };
  }

  private row(id: string): CaseRow {
    const r = this.db.prepare(`SELECT * FROM cases WHERE id = ?`).get(id) as CaseRow | undefined;
    if (!r) throw new CoreError('not_found', '找不到该案件，它可能已被删除或编号有误。请返回案件列表重新选择。');
    return r;
  }

  private summary(r: CaseRow): CaseSummary {
    const party = JSON.parse(r.party_json) as Party;
    const platform = JSON.parse(r.platform_json) as Platform;
    return {
      id: r.id,
      caseNo: r.case_no,
      title: r.title,
      status: r.status,
      source: r.source,
      partyName: party.name,
      platformName: platform.name,
      matterId: r.matter_id,
      matterName: this.catalog.get(r.matter_id)?.name ?? `（目录中已无此事项：${r.matter_id}）`,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  /** The matter must exist in the catalog and both handling officers on the roster. */
  private checkReferences(d: CaseData): string {
    const matter = this.catalog.get(d.matterId);
    if (!matter)
      throw new CoreError('validation', '所选执法事项不在事项目录中，请重新选择。', {
        matterId: '所选执法事项不在事项目录中，请重新选择。',
      });
    for (const oid of d.officerIds) {
      const o = this.officers.get(oid);
      if (!o || !o.active)
        throw new CoreError('validation', '承办人员不在本机执法人员名单中，请重新选择。', {
          officerIds: '承办人员不在本机执法人员名单中，请重新选择。',
        });
    }
    return matter.name;
  }

  private setOfficers(caseId: string, officerIds: string[]): void {
    const ins = this.db.prepare(`INSERT INTO case_officers (case_id, position, officer_id) VALUES (?, ?, ?)`);
    officerIds.forEach((oid, i) => ins.run(caseId, i + 1, oid));
  }

  /** Appends to the case's timeline; call inside the transaction of the action it records. */
  addEvent(caseId: string, kind: string, text: string, officerIds: string[], at: string): void {
    this.db
      .prepare(`INSERT INTO case_events (case_id, at, kind, text, officer_ids) VALUES (?, ?, ?, ?, ?)`)
      .run(caseId, at, kind, text, JSON.stringify(officerIds));
  }
}
