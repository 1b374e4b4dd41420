// What staff read of cases — the case list and search, a case, a document with its seal,
// signatures and evidence, its PDF, an evidence file — every read limited to the viewer's offices
// in the query itself (hq/db/scope.ts: outside them a record is not found, 404) and written to the
// access log (who, what, when: 个人信息保护法 accountability) in the same call, so no page can read
// personal data without leaving a line. HQ's own checks (re-verification, printing) read through
// Browse after the scoped read has found the document.
import { sql, type SqlBool } from 'kysely';
import type { HqDb } from '../db/hq-database.ts';
import { devicesInScope, officesInScope, type Viewer } from '../db/scope.ts';
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
    let q = this.db
      .selectFrom('cases as c')
      .innerJoin('devices as dv', 'dv.device_id', 'c.device_id')
      .innerJoin('offices as o', 'o.id', 'dv.office_id')
      .where('c.device_id', 'in', devicesInScope(this.db, v));
    if (f.q?.trim()) {
      const t = f.q.trim();
      q = q.where((eb) => eb.or([likeEsc('c.case_no', t), likeEsc('c.party_name', t), likeEsc('c.matter_name', t)]));
    }
    if (f.officeId) {
      const office = await this.db.selectFrom('offices').select('path').where('id', '=', f.officeId).executeTakeFirst();
      // An office outside the viewer's: nothing (the scope above already says so), not an error.
      q = q.where(office ? sql<SqlBool>`o.path LIKE ${`${office.path}%`}` : sql<SqlBool>`1 = 0`);
    }
    if (f.matter?.trim()) q = q.where(likeEsc('c.matter_name', f.matter.trim()));
    if (f.party?.trim()) q = q.where(likeEsc('c.party_name', f.party.trim()));
    if (f.status?.trim()) q = q.where('c.status', '=', f.status.trim());
    if (f.officer?.trim() || f.from || f.to) {
      const officer = f.officer?.trim();
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('documents as fd')
            .innerJoin('seals as fs', (j) =>
              j.onRef('fs.device_id', '=', 'fd.device_id').onRef('fs.seq', '=', 'fd.seq'),
            )
            .select('fd.id')
            .whereRef('fd.case_id', '=', 'c.id')
            .$if(!!f.from, (w) => w.where('fd.sealed_at', '>=', beijingMidnight(f.from!)))
            .$if(!!f.to, (w) => w.where('fd.sealed_at', '<', beijingMidnight(f.to!, 1)))
            .$if(!!officer, (w) =>
              w.where((e) =>
                e.or([
                  // The payload is canonical JSON: an officer is {"certNo":…,"id":…,"name":…}.
                  likeEsc('fs.payload', `"certNo":${JSON.stringify(officer)}`),
                  likeEsc('fs.payload', `"name":${JSON.stringify(officer)}}`),
                ]),
              ),
            ),
        ),
      );
    }
    // An open flag (序号冲突, 核验未通过 …) on a seal of one of the case's documents.
    const flagged = sql<SqlBool>`EXISTS (SELECT 1 FROM flags ff JOIN documents fd2 ON fd2.device_id = ff.device_id AND fd2.seq = ff.seq WHERE fd2.case_id = c.id AND ff.resolved_at IS NULL)`;
    if (f.verify === 'flagged') q = q.where(flagged);
    if (f.verify === 'ok') q = q.where(sql<SqlBool>`NOT ${flagged}`);

    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    let rowsQ = q
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
      ])
      .select((eb) => [
        eb
          .selectFrom('documents as d')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('d.case_id', '=', 'c.id')
          .as('documents'),
        eb
          .selectFrom('flags as fl')
          .innerJoin('documents as fd3', (j) =>
            j.onRef('fd3.device_id', '=', 'fl.device_id').onRef('fd3.seq', '=', 'fl.seq'),
          )
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('fd3.case_id', '=', 'c.id')
          .where('fl.resolved_at', 'is', null)
          .as('flags'),
      ]);
    const sort = f.sort ?? 'updated_desc';
    if (sort === 'updated_desc') rowsQ = rowsQ.orderBy('c.updated_at', 'desc');
    if (sort === 'updated_asc') rowsQ = rowsQ.orderBy('c.updated_at', 'asc');
    if (sort === 'case_no') rowsQ = rowsQ.orderBy('c.case_no');
    if (sort === 'party') rowsQ = rowsQ.orderBy('c.party_name');
    if (sort === 'documents_desc') rowsQ = rowsQ.orderBy('documents', 'desc');
    const rows = (
      await rowsQ
        .orderBy('c.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute()
    ).map((r) => ({
      ...r,
      documents: Number(r.documents ?? 0),
      flags: Number(r.flags ?? 0),
    }));
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

  private async scopedCase(v: Viewer, id: string) {
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
      ])
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
