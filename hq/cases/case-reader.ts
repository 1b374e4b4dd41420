// What staff read of cases — the case list and search, a case, a document with its seal,
// signatures and evidence, its PDF, an evidence file — every read limited to the viewer's offices
// in the query itself (hq/db/scope.ts: outside them a record is not found, 404) and written to the
// access log (who, what, when: 个人信息保护法 accountability) in the same call, so no page can read
// personal data without leaving a line. HQ's own checks (re-verification, printing) read through
// Browse after the scoped read has found the document.
import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { HqTables } from '../db/schema.ts';
import type { HqDb } from '../db/hq-database.ts';
import { deviceIdsInScope, devicesInScope, officesInScope, type Viewer } from '../db/scope.ts';
import type { Browse, ReceivedDocument } from '../browse/browse.ts';

export type CaseSort = 'updated_desc' | 'updated_asc' | 'case_no' | 'party' | 'documents_desc';
export type VerifyFilter = 'ok' | 'flagged';

export interface CaseFilter {
  q?: string;
  officeId?: string;
  matter?: string;
  status?: string;
  party?: string;
  officer?: string;
  /** Documents sealed on or after / before the end of (YYYY-MM-DD, Beijing time). */
  from?: string;
  to?: string;
  verify?: VerifyFilter;
  sort?: CaseSort;
  page?: number;
  pageSize?: number;
}

export interface CaseListRow {
  id: string;
  case_no: string;
  party_name: string;
  matter_name: string;
  status: string;
  updated_at: string;
  device_id: string;
  office_id: string;
  office_name: string;
  documents: number;
  flags: number;
}

/** How many seal rows a 执法人员 filter (with or without dates) may match to be given as a list (search()). */
const MATCH_LIST = 60_000;
/** …and how many cases, at most, that list may hold (SQLite takes 32,766 values a statement). */
const MATCH_CASES = 20_000;
type Matching = SelectQueryBuilder<HqTables & { fd: HqTables['documents'] }, 'fd', { case_id: string }>;

/** A LIKE pattern matching `text` anywhere, its own % and _ taken literally (ESCAPE '!'). */
const contains = (text: string) => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
const likeEsc = (column: string, text: string) => sql<SqlBool>`${sql.ref(column)} LIKE ${contains(text)} ESCAPE '!'`;
/** Beijing midnight of a YYYY-MM-DD as the stored ISO text (UTC). */
const beijingMidnight = (day: string, plusDays = 0) =>
  new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString();

export class CaseReader {
  private readonly db: HqDb;
  private readonly now: () => Date;
  private readonly browse: Browse;
  constructor(db: HqDb, now: () => Date, browse: Browse) {
    this.db = db;
    this.now = now;
    this.browse = browse;
  }

  private async logRead(
    v: Viewer,
    officeId: string,
    action: string,
    detail: string,
    ids: { caseId?: string | null; documentId?: string | null } = {},
  ): Promise<void> {
    await this.db
      .insertInto('access_log')
      .values({
        at: this.now().toISOString(),
        admin_id: v.id,
        username: v.username,
        office_id: officeId,
        action,
        case_id: ids.caseId ?? null,
        document_id: ids.documentId ?? null,
        detail,
      })
      .execute();
  }

  /** The cases the viewer sees, filtered, sorted and one page of them, with the total. */
  async search(
    v: Viewer,
    f: CaseFilter = {},
  ): Promise<{ rows: CaseListRow[]; total: number; page: number; pageSize: number }> {
    const pageSize = Math.min(Math.max(f.pageSize ?? 20, 1), 200);
    const page = Math.max(f.page ?? 1, 1);
    // The filters read cases alone (plus indexed subqueries): counting them joins nothing. The
    // viewer's devices — or, with an office chosen, those of them under it — are one list of values.
    let devices = await deviceIdsInScope(this.db, v);
    if (f.officeId) {
      const office = await this.db.selectFrom('offices').select('path').where('id', '=', f.officeId).executeTakeFirst();
      // An office outside the viewer's: nothing (the scope already says so), not an error.
      const under = office
        ? new Set(
            (
              await this.db
                .selectFrom('devices as od')
                .innerJoin('offices as oo', 'oo.id', 'od.office_id')
                .select('od.device_id')
                .where(sql<SqlBool>`oo.path LIKE ${`${office.path}%`}`)
                .execute()
            ).map((r) => r.device_id),
          )
        : new Set<string>();
      devices = devices.filter((d) => under.has(d));
    }
    let q = this.db
      .selectFrom('cases as c')
      .where(devices.length ? sql<SqlBool>`c.device_id IN (${sql.join(devices)})` : sql<SqlBool>`1 = 0`);
    if (f.q?.trim()) {
      const t = f.q.trim();
      q = q.where((eb) => eb.or([likeEsc('c.case_no', t), likeEsc('c.party_name', t), likeEsc('c.matter_name', t)]));
    }
    if (f.matter?.trim()) q = q.where(likeEsc('c.matter_name', f.matter.trim()));
    if (f.party?.trim()) q = q.where(likeEsc('c.party_name', f.party.trim()));
    if (f.status?.trim()) q = q.where('c.status', '=', f.status.trim());
    const officer = f.officer?.trim();
    const from = f.from ? beijingMidnight(f.from) : null;
    const to = f.to ? beijingMidnight(f.to, 1) : null;
    // 执法人员: a case one of whose seals names the officer (by 执法证号 or name: seal_officers, filled
    // at ingest), sealed within the dates when given — both on the same document.
    const matching: Matching | null = officer
      ? (this.db
          .selectFrom('seal_officers as so')
          .select('so.case_id')
          .where((e) => e.or([e('so.cert_no', '=', officer), e('so.name', '=', officer)]))
          .$if(!!from || !!to, (w) =>
            w
              .innerJoin('documents as fd', (j) =>
                j.onRef('fd.device_id', '=', 'so.device_id').onRef('fd.seq', '=', 'so.seq'),
              )
              .$if(!!from, (x) => x.where('fd.sealed_at', '>=', from!))
              .$if(!!to, (x) => x.where('fd.sealed_at', '<', to!)),
          ) as unknown as Matching)
      : null;
    // Dates alone: a case with a document sealed within them, read off the case's first and last
    // sealing times ('009_case_summary'): its first or last document in the range, or — a case
    // whose documents span the whole range — one of them inside it (index documents_case_sealed).
    // Before, the documents sealed in the range were semi-joined to count their cases: a million
    // rows for a range of two years.
    if (!officer && (from || to))
      q = q.where(
        from && to
          ? sql<SqlBool>`((c.first_sealed_at >= ${from} AND c.first_sealed_at < ${to})
              OR (c.last_sealed_at >= ${from} AND c.last_sealed_at < ${to})
              OR (c.first_sealed_at < ${from} AND c.last_sealed_at >= ${to} AND EXISTS (
                SELECT 1 FROM documents fd WHERE fd.case_id = c.id AND fd.sealed_at >= ${from} AND fd.sealed_at < ${to})))`
          : from
            ? sql<SqlBool>`c.last_sealed_at >= ${from}`
            : sql<SqlBool>`c.first_sealed_at < ${to}`,
      );
    if (matching) {
      // Up to MATCH_LIST rows, the cases found are given to the query as a list of values: the
      // planner then knows how few they are (as a subquery it guessed a third of all cases and
      // walked the sort's index probing each case — seconds at 100,000 cases). More rows, and the
      // filter stays a subquery: it matches so much that walking the index finds a page at once.
      const found = await this.db
        .selectFrom(matching.limit(MATCH_LIST + 1).as('m'))
        .select(['m.case_id', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('m.case_id')
        .execute();
      const rowsFound = found.reduce((a, r) => a + Number(r.n), 0);
      if (rowsFound <= MATCH_LIST && found.length <= MATCH_CASES)
        q = q.where(
          found.length ? sql<SqlBool>`c.id IN (${sql.join(found.map((r) => r.case_id))})` : sql<SqlBool>`1 = 0`,
        );
      else q = q.where('c.id', 'in', matching);
    }
    // An open flag (序号冲突, 核验未通过 …) on a seal of one of the case's documents.
    if (f.verify) {
      // The cases with an open flag are few (each one waits for a person): given as a list when at
      // most MATCH_CASES, so neither 核验 filter checks every case's seals one by one.
      const open = await this.db
        .selectFrom('flags as ff')
        .innerJoin('documents as fd2', (j) =>
          j.onRef('fd2.device_id', '=', 'ff.device_id').onRef('fd2.seq', '=', 'ff.seq'),
        )
        .select('fd2.case_id')
        .distinct()
        .where('ff.resolved_at', 'is', null)
        .limit(MATCH_CASES + 1)
        .execute();
      const flagged =
        open.length <= MATCH_CASES
          ? open.length
            ? sql<SqlBool>`c.id IN (${sql.join(open.map((r) => r.case_id))})`
            : sql<SqlBool>`1 = 0`
          : sql<SqlBool>`EXISTS (SELECT 1 FROM flags ff JOIN documents fd2 ON fd2.device_id = ff.device_id AND fd2.seq = ff.seq WHERE fd2.case_id = c.id AND ff.resolved_at IS NULL)`;
      q = q.where(f.verify === 'flagged' ? flagged : sql<SqlBool>`NOT (${flagged})`);
    }

    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    // The page's case ids first — the first rows of an index walk in the sort's order (the ties
    // broken by id in the same direction, so one index gives the whole order) — then the details
    // and counts of those rows only: nothing is computed for the rows skipped to reach a deep page.
    const sort = f.sort ?? 'updated_desc';
    let idsQ = q.select('c.id');
    if (sort === 'updated_desc') idsQ = idsQ.orderBy('c.updated_at', 'desc').orderBy('c.id', 'desc');
    if (sort === 'updated_asc') idsQ = idsQ.orderBy('c.updated_at', 'asc').orderBy('c.id', 'asc');
    if (sort === 'case_no') idsQ = idsQ.orderBy('c.case_no').orderBy('c.id');
    if (sort === 'party') idsQ = idsQ.orderBy('c.party_name').orderBy('c.id');
    if (sort === 'documents_desc') idsQ = idsQ.orderBy('c.document_count', 'desc').orderBy('c.id', 'desc');
    const ids = (
      await idsQ
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute()
    ).map((r) => r.id);
    const details = ids.length
      ? await this.casesWithOffice()
          .select('c.document_count as documents')
          .select((eb) => [
            eb
              .selectFrom('flags as fl')
              .innerJoin('documents as fd3', (j) =>
                j.onRef('fd3.device_id', '=', 'fl.device_id').onRef('fd3.seq', '=', 'fl.seq'),
              )
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('fd3.case_id', '=', 'c.id')
              .where('fl.resolved_at', 'is', null)
              .as('flags'),
          ])
          .where('c.id', 'in', ids)
          .execute()
      : [];
    const byId = new Map(details.map((r) => [r.id, r]));
    const rows = ids.map((id) => {
      const r = byId.get(id)!;
      return { ...r, documents: Number(r.documents ?? 0), flags: Number(r.flags ?? 0) };
    });
    const home = v.grants[0]?.officeId;
    if (home)
      await this.logRead(
        v,
        home,
        'search',
        `查询案件（${describeFilter(f)}）：第${page}页，${rows.length}件，共${total}件`,
      );
    return { rows, total, page, pageSize };
  }

  /** One case the viewer sees, with its documents (null: not found or not theirs). Logged. */
  async caseById(v: Viewer, id: string) {
    const c = await this.scopedCase(v, id);
    if (!c) return null;
    const documents = await this.browse.documentsOf(id);
    await this.logRead(v, c.office_id, 'case', `查看案件 ${c.case_no}（当事人、文书列表）`, { caseId: c.id });
    return { c, documents };
  }

  /** A case the viewer sees, with its documents, for 导出证据包 (null: not theirs); the export is logged. */
  async caseForExport(v: Viewer, id: string) {
    const c = await this.scopedCase(v, id);
    if (!c) return null;
    const documents = await this.browse.documentsOf(id);
    await this.logRead(v, c.office_id, 'export', `导出证据包：案件 ${c.case_no}（${documents.length}份文书）`, {
      caseId: c.id,
    });
    return { c, documents };
  }

  /** A case's summary with its office (the list's rows and a single case read the same columns). */
  private casesWithOffice() {
    return this.db
      .selectFrom('cases as c')
      .innerJoin('devices as dv', 'dv.device_id', 'c.device_id')
      .innerJoin('offices as o', 'o.id', 'dv.office_id')
      .select([
        'c.id',
        'c.case_no',
        'c.party_name',
        'c.matter_name',
        'c.status',
        'c.updated_at',
        'c.device_id',
        'o.id as office_id',
        'o.name as office_name',
      ]);
  }

  private async scopedCase(v: Viewer, id: string) {
    return this.casesWithOffice()
      .where('c.id', '=', id)
      .where('c.device_id', 'in', devicesInScope(this.db, v))
      .executeTakeFirst();
  }

  /** Where a document is, when the viewer sees it (not logged: no personal data). */
  private async place(v: Viewer, documentId: string) {
    return (
      (await this.db
        .selectFrom('documents as d')
        .innerJoin('devices as dv', 'dv.device_id', 'd.device_id')
        .select(['d.id', 'd.case_id', 'd.doc_no', 'dv.office_id'])
        .where('d.id', '=', documentId)
        .where('d.device_id', 'in', devicesInScope(this.db, v))
        .executeTakeFirst()) ?? null
    );
  }

  /** A received document the viewer sees (null otherwise), its read logged as `action`. */
  async document(
    v: Viewer,
    documentId: string,
    action: 'document' | 'pdf' | 'export' = 'document',
  ): Promise<(ReceivedDocument & { officeId: string }) | null> {
    const p = await this.place(v, documentId);
    if (!p) return null;
    const d = await this.browse.document(documentId);
    if (!d) return null;
    const what = { document: '查看文书', pdf: '打开文书PDF', export: '导出证据包：文书' }[action];
    await this.logRead(v, p.office_id!, action, `${what} ${p.doc_no}`, { caseId: p.case_id, documentId });
    return { ...d, officeId: p.office_id! };
  }

  /** The document whose seal has this hash, when the viewer sees it (a scanned QR code). */
  async documentBySealHash(v: Viewer, sha256: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('seals as s')
      .innerJoin('documents as d', (j) => j.onRef('d.device_id', '=', 's.device_id').onRef('d.seq', '=', 's.seq'))
      .select('d.id')
      .where('s.hash_sha256', '=', sha256.toLowerCase())
      .where('s.device_id', 'in', devicesInScope(this.db, v))
      .executeTakeFirst();
    return r?.id ?? null;
  }

  /** An evidence file named by a document the viewer sees (null otherwise); the download is logged. */
  async evidence(v: Viewer, documentId: string, sha256: string): Promise<{ file_name: string; size: number } | null> {
    const p = await this.place(v, documentId);
    if (!p) return null;
    const e = await this.browse.evidenceIn(documentId, sha256);
    if (!e) return null;
    await this.logRead(v, p.office_id!, 'evidence', `下载电子数据「${e.file_name}」（文书 ${p.doc_no}）`, {
      caseId: p.case_id,
      documentId,
    });
    return e;
  }

  /** The access log of the offices the viewer administers, newest first. */
  accessLog(v: Viewer, o: { limit?: number; caseId?: string; documentId?: string } = {}) {
    return this.db
      .selectFrom('access_log as l')
      .innerJoin('offices as o', 'o.id', 'l.office_id')
      .select([
        'l.id',
        'l.at',
        'l.username',
        'o.name as office_name',
        'l.action',
        'l.case_id',
        'l.document_id',
        'l.detail',
      ])
      .where('l.office_id', 'in', officesInScope(this.db, v, 'admin'))
      .$if(!!o.caseId, (q) => q.where('l.case_id', '=', o.caseId!))
      .$if(!!o.documentId, (q) => q.where('l.document_id', '=', o.documentId!))
      .orderBy('l.id', 'desc')
      .limit(Math.min(o.limit ?? 200, 1000))
      .execute();
  }
}

function describeFilter(f: CaseFilter): string {
  const parts: string[] = [];
  if (f.q) parts.push(`关键词「${f.q}」`);
  if (f.matter) parts.push(`事项「${f.matter}」`);
  if (f.party) parts.push(`当事人「${f.party}」`);
  if (f.officer) parts.push(`执法人员「${f.officer}」`);
  if (f.status) parts.push(`状态「${f.status}」`);
  if (f.from || f.to) parts.push(`封存日期 ${f.from ?? '…'}至${f.to ?? '…'}`);
  if (f.verify) parts.push(f.verify === 'ok' ? '核验正常' : '有待核查');
  if (f.officeId) parts.push('限定单位');
  return parts.length ? parts.join('，') : '全部';
}
