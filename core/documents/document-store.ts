// The on-site documents of a case. One transaction per user action: an autosave replaces the
// content and bumps the revision atomically, so a crash leaves either the old or the new
// content, never a mix. A save carries the revision it was based on; a stale one is refused.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import type { EvidenceItem } from '../../shared/evidence/evidence-schema.ts';
import { toLocalMinute } from '../../shared/documents/local-time.ts';
import type { DocumentDetail, DocumentSummary, SaveResult } from '../../shared/documents/document-api.ts';
import { checkCompleteness, type CaseDocuments } from '../../shared/documents/completeness.ts';
import type { DocumentState } from '../../shared/documents/document-states.ts';
import { contentAt, type CreateContext, type SequenceKey } from '../../shared/documents/types/descriptor.ts';
import {
  DOCUMENT_DESCRIPTORS,
  descriptorOf,
  findDescriptor,
  templateFor,
  TYPE_NAMES,
  type AnyDescriptor,
  type DocumentType,
} from '../../shared/documents/types/registry.ts';
import { fieldErrors } from '../../shared/api/validation-errors.ts';
import type { CaseStore } from '../cases/case-store.ts';
import type { CaseNumbers } from '../cases/case-number.ts';
import { chinaYear, isoNow, type Clock } from '../clock.ts';
import type { InTransaction } from '../db/unit-of-work.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import type { OfficerStore } from '../officers/officer-store.ts';
import type { OfficeStore } from '../office/office-store.ts';
import type { EvidenceStore } from '../evidence/evidence-store.ts';
import type { ReceiptStore } from '../sync/receipt-store.ts';

interface DocumentRow {
  id: string;
  case_id: string;
  type: DocumentType;
  doc_no: string;
  template_version: string;
  state: 'draft' | 'ready';
  content_json: string;
  frozen_sha256: string | null;
  frozen_sm3: string | null;
  frozen_pages: number | null;
  /** The case context printed, copied at 待签名 (migration 016); NULL for a draft and older documents. */
  context_json?: string | null;
  signed_at: string | null;
  sealed_at: string | null;
  corrects_document_id: string | null;
  corrects_seal_sha256: string | null;
  correction_reason: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
}

/** Tells documents of one type apart in a list: the type's summary parts, the empty ones dropped. */
function subjectOf(d: AnyDescriptor, c: Record<string, unknown>): string {
  return d.subject(c).filter(Boolean).join('，') || '（未填写）';
}

/** A type's descriptor for a type given from outside: unknown types are refused here, not by the schema. */
function registered(type: string): AnyDescriptor {
  const d = findDescriptor(type);
  if (!d)
    throw new CoreError(
      'validation',
      `未知的文书种类「${type}」：本程序只能制作${TYPE_NAMES.map((t) => t.label).join('、')}。请从文书列表中选择。`,
      { type: '未知的文书种类。' },
    );
  return d;
}

/** The person a document of a counted type is about: the ID number when given, else the name. */
function sequenceKey(key: SequenceKey, c: Record<string, unknown>): string | null {
  const at = (path: string) => {
    const v = contentAt(c, path);
    return typeof v === 'string' ? v : '';
  };
  return at(key.idNumber).trim().toUpperCase() || at(key.name).trim() || null;
}

/** What a document's edits need of its signatures (core/signatures/signature-store.ts writes them). */
export interface DocumentSignatures {
  /** Signatures and refusals in force on the document. */
  activeCount(documentId: string): number;
  /** Discards every signature in force on the document (inside the edit's transaction). */
  discardAll(documentId: string, at: string, reason: string): void;
}

/**
 * The case timeline's refusal (core/timeline/timeline-service.ts): throws while a rule that stops
 * 提交签名 holds for the document (officers in two places at once, a time in the future …).
 */
export interface DocumentTimelineGate {
  refuse(documentId: string, stage: 'signing'): void;
}

export interface DocumentStoreDeps {
  /** For the documents table, which this store alone writes. */
  db: Database;
  /** An action's transaction, spanning what it writes in other stores (case events, signatures). */
  inTransaction: InTransaction;
  clock: Clock;
  cases: CaseStore;
  officers: OfficerStore;
  office: OfficeStore;
  numbers: CaseNumbers;
  signatures: DocumentSignatures;
  /** An evidence item's digests as recorded (core/evidence/evidence-store.ts). */
  evidence: Pick<EvidenceStore, 'record'>;
  /** HQ's receipt time for a sealed document (core/sync/receipt-store.ts). */
  receipts: Pick<ReceiptStore, 'hqTimeOfDocument'>;
  timeline: DocumentTimelineGate;
}

export class DocumentStore {
  private readonly db: Database;
  private readonly inTransaction: InTransaction;
  private readonly clock: Clock;
  private readonly cases: CaseStore;
  private readonly officers: OfficerStore;
  private readonly office: OfficeStore;
  private readonly numbers: CaseNumbers;
  private readonly signatures: DocumentSignatures;
  private readonly evidence: Pick<EvidenceStore, 'record'>;
  private readonly receipts: Pick<ReceiptStore, 'hqTimeOfDocument'>;
  private readonly timeline: DocumentTimelineGate;
  constructor(deps: DocumentStoreDeps) {
    this.timeline = deps.timeline;
    this.db = deps.db;
    this.inTransaction = deps.inTransaction;
    this.clock = deps.clock;
    this.cases = deps.cases;
    this.officers = deps.officers;
    this.office = deps.office;
    this.numbers = deps.numbers;
    this.signatures = deps.signatures;
    this.evidence = deps.evidence;
    this.receipts = deps.receipts;
  }

  list(caseId: string): DocumentSummary[] {
    this.cases.get(caseId); // not_found for an unknown case
    const rows = this.db
      .prepare(`SELECT * FROM documents WHERE case_id = ? ORDER BY created_at, doc_no`)
      .all(caseId) as DocumentRow[];
    return rows.map((r) => this.summary(r));
  }

  create(
    caseId: string,
    type: DocumentType,
    ctx: Omit<CreateContext, 'case' | 'agency'>,
    actorIds: string[],
  ): DocumentDetail {
    const d = registered(type);
    const kase = this.cases.get(caseId);
    const template = templateFor(type);
    const content = d.content.parse(
      d.initialContent(template, { ...ctx, case: kase, agency: this.office.agencyName() ?? '' }),
    );
    const id = randomUUID();
    const now = isoNow(this.clock);
    this.inTransaction(() => {
      const docNo = this.numbers.nextDocumentNumber(chinaYear(this.clock.now()), d.numberMark, kase.caseNo);
      this.db
        .prepare(
          `INSERT INTO documents (id, case_id, type, doc_no, template_version, state, content_json, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'draft', ?, 1, ?, ?)`,
        )
        .run(id, caseId, type, docNo, template.version, JSON.stringify(content), now, now);
      this.cases.addEvent(caseId, 'document', `新建${d.label}（${docNo}）`, actorIds, now);
    });
    return this.get(id);
  }

  /**
   * 补正: a new document of the same type, starting from the sealed one's content, naming it and
   * its seal's hash with the reason. It is completed, signed and sealed like any other.
   */
  createCorrection(sealedId: string, sealSha256: string, reason: string, actorIds: string[]): DocumentDetail {
    const o = this.row(sealedId);
    if (!o.sealed_at) throw new CoreError('conflict', '只能对已封存的文书制作补正；未封存的文书可直接修改。');
    const existing = this.db.prepare(`SELECT doc_no FROM documents WHERE corrects_document_id = ?`).get(sealedId) as
      { doc_no: string } | undefined;
    if (existing) throw new CoreError('conflict', `该文书已有补正文书（${existing.doc_no}），请在该补正文书上继续。`);
    const id = randomUUID();
    const now = isoNow(this.clock);
    this.inTransaction(() => {
      const docNo = this.numbers.nextDocumentNumber(
        chinaYear(this.clock.now()),
        descriptorOf(o.type).numberMark,
        this.cases.get(o.case_id).caseNo,
      );
      this.db
        .prepare(
          `INSERT INTO documents (id, case_id, type, doc_no, template_version, state, content_json, revision, created_at, updated_at, corrects_document_id, corrects_seal_sha256, correction_reason)
           VALUES (?, ?, ?, ?, ?, 'draft', ?, 1, ?, ?, ?, ?, ?)`,
        )
        .run(id, o.case_id, o.type, docNo, o.template_version, o.content_json, now, now, sealedId, sealSha256, reason);
      this.cases.addEvent(
        o.case_id,
        'document',
        `对${descriptorOf(o.type).label}（${o.doc_no}）制作补正文书（${docNo}），原因：${reason}`,
        actorIds,
        now,
      );
    });
    return this.get(id);
  }

  get(id: string): DocumentDetail {
    const r = this.row(id);
    const kase = this.cases.get(r.case_id);
    const content = JSON.parse(r.content_json) as Record<string, unknown>;
    const template = templateFor(r.type, r.template_version);
    // The case's other documents, for links: without their content (a case may hold hundreds).
    const siblings = (
      this.db
        .prepare(
          `SELECT id, case_id, type, doc_no, state, signed_at, sealed_at, created_at, updated_at FROM documents WHERE case_id = ? AND id <> ? ORDER BY created_at, doc_no`,
        )
        .all(r.case_id, id) as DocumentRow[]
    ).map((s) => ({
      id: s.id,
      caseId: s.case_id,
      type: s.type,
      docNo: s.doc_no,
      state: (s.sealed_at ? 'sealed' : s.signed_at ? 'signed' : s.state) as DocumentState,
      subject: '',
      createdAt: s.created_at,
      updatedAt: s.updated_at,
    }));
    return {
      ...this.summary(r),
      templateVersion: r.template_version,
      revision: r.revision,
      signatureCount: this.activeSignatureCount(id),
      correction: this.correctionOf(r),
      content,
      issues: checkCompleteness(r.type, content, template, { caseDocuments: siblings }),
      context: {
        ...(frozenContext(r) ?? this.liveContext(kase)),
        officers: this.officers.list(),
        inquirySequence: this.sequence(r),
        siblings,
      },
    };
  }

  /** The case context a document prints, as the case says it now. */
  private liveContext(kase: ReturnType<DocumentStoreDeps['cases']['get']>): FrozenContext {
    return {
      agency: this.office.agencyName() ?? '',
      caseNo: kase.caseNo,
      caseTitle: kase.title,
      partyName: kase.partyName,
      matterId: kase.matterId,
      matterName: kase.matterName,
    };
  }

  /**
   * Autosave: replaces the content if `revision` is current. A 待签名 document that is edited goes
   * back to 草稿 and is no longer frozen. If it has signatures, the edit needs `discardSignatures`
   * (the user confirmed): they are discarded in the same transaction and stay for the audit.
   */
  save(
    id: string,
    revision: number,
    rawContent: unknown,
    opts: { discardSignatures?: boolean; actorIds?: string[] } = {},
  ): SaveResult {
    const r = this.row(id);
    this.refuseIfSealed(r);
    const signatures = this.activeSignatureCount(id);
    if (signatures > 0 && !opts.discardSignatures) {
      throw new CoreError(
        'conflict',
        `该文书已有${signatures}个签名（或拒签记录）。修改内容将作废这些签名，须重新签名。请确认后再修改。`,
        { signatures: 'confirm-discard' },
      );
    }
    const d = descriptorOf(r.type);
    const parsed = d.content.safeParse(rawContent);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      throw new CoreError('validation', `内容有误，未保存：${Object.values(fields)[0]}`, fields);
    }
    const links = this.caseDocuments(r);
    const refused = d.saveCheck?.(parsed.data, {
      ...links,
      types: TYPE_NAMES,
      evidenceItem: (eid) => this.evidenceItem(eid),
    });
    if (refused) throw new CoreError(refused.kind, refused.message, refused.fields);
    const now = isoNow(this.clock);
    const next = this.inTransaction(() => {
      const changed = this.db
        .prepare(
          `UPDATE documents SET content_json = ?, revision = revision + 1, state = 'draft', frozen_sha256 = NULL, frozen_sm3 = NULL, frozen_pages = NULL, context_json = NULL, signed_at = NULL, updated_at = ? WHERE id = ? AND revision = ?`,
        )
        .run(JSON.stringify(parsed.data), now, id, revision);
      if (changed.changes !== 1) {
        throw new CoreError('conflict', '该文书已在别处修改（版本不一致），本次修改未保存。请重新打开文书后再编辑。');
      }
      if (signatures > 0) {
        this.signatures.discardAll(id, now, '签名后修改文书内容');
        this.cases.addEvent(
          r.case_id,
          'document',
          `修改${d.label}（${r.doc_no}），作废已有的${signatures}个签名`,
          opts.actorIds ?? [],
          now,
        );
      }
      return revision + 1;
    });
    return {
      revision: next,
      updatedAt: now,
      state: 'draft',
      issues: checkCompleteness(r.type, parsed.data, templateFor(r.type, r.template_version), links),
    };
  }

  /**
   * Adds an imported evidence item to a 电子取证工作记录: a row of its 电子数据清单 and an automatic
   * procedure step. Called inside the import's transaction, so the item and its listing commit together.
   */
  appendEvidence(documentId: string, item: EvidenceItem, now: Date, stepText?: string): void {
    const r = this.row(documentId);
    const list = descriptorOf(r.type).evidenceList;
    if (!list || r.case_id !== item.caseId)
      throw new CoreError('validation', '只能把电子数据加入本案的电子取证工作记录。');
    this.refuseIfSealed(r);
    if (this.activeSignatureCount(documentId) > 0)
      throw new CoreError('conflict', '该电子取证工作记录已有签名，不能再加入电子数据。请新建一份电子取证工作记录。');
    const c = list.append(
      descriptorOf(r.type).content.parse(JSON.parse(r.content_json)),
      item,
      toLocalMinute(now),
      stepText,
    );
    this.db
      .prepare(
        `UPDATE documents SET content_json = ?, revision = revision + 1, state = 'draft', frozen_sha256 = NULL, frozen_sm3 = NULL, frozen_pages = NULL, context_json = NULL, updated_at = ? WHERE id = ?`,
      )
      .run(JSON.stringify(c), isoNow(this.clock), documentId);
  }

  /** The case's other documents by type: what a 现场笔录's measures may link to. */
  private caseDocuments(r: DocumentRow): CaseDocuments {
    return {
      caseDocuments: this.db
        .prepare(`SELECT id, type FROM documents WHERE case_id = ? AND id <> ?`)
        .all(r.case_id, r.id) as { id: string; type: DocumentType }[],
    };
  }

  /** The digests and size an imported evidence item was stored with (what a linked 清单 row must show). */
  private evidenceItem(id: string): { sha256: string; sm3: string; sizeBytes: number } | undefined {
    const e = this.evidence.record(id);
    return e && { sha256: e.sha256, sm3: e.sm3, sizeBytes: e.sizeBytes };
  }

  /**
   * 草稿 → 待签名, only when nothing the law requires is missing. The content is frozen: `freeze`
   * gives the hash of its canonical serialisation and its page count, stored in the same transaction.
   */
  markReady(
    id: string,
    actorIds: string[],
    freeze: (doc: DocumentDetail) => { sha256: string; sm3: string; pages: number },
  ): DocumentDetail {
    const r = this.row(id);
    const issues = checkCompleteness(
      r.type,
      JSON.parse(r.content_json),
      templateFor(r.type, r.template_version),
      this.caseDocuments(r),
    );
    if (issues.length > 0) {
      throw new CoreError(
        'validation',
        `还有${issues.length}处必填内容未完成，不能提交签名：${issues[0]!.message}`,
        Object.fromEntries(issues.map((i) => [i.path, i.message])),
      );
    }
    const now = isoNow(this.clock);
    if (r.state === 'ready' && r.frozen_sha256) return this.get(id);
    // The case's other records and now: what the law requires across them (shared/timeline/).
    this.timeline.refuse(id, 'signing');
    this.inTransaction(() => {
      // The case context it prints is copied in: what is signed and sealed prints as it was signed.
      const context = this.liveContext(this.cases.get(r.case_id));
      this.db
        .prepare(`UPDATE documents SET state = 'ready', context_json = ?, updated_at = ? WHERE id = ?`)
        .run(JSON.stringify(context), now, id);
      const frozen = freeze(this.get(id));
      this.db
        .prepare(`UPDATE documents SET frozen_sha256 = ?, frozen_sm3 = ?, frozen_pages = ? WHERE id = ?`)
        .run(frozen.sha256, frozen.sm3, frozen.pages, id);
      this.cases.addEvent(
        r.case_id,
        'document',
        `${descriptorOf(r.type).label}（${r.doc_no}）完成，待签名`,
        actorIds,
        now,
      );
    });
    return this.get(id);
  }

  /** The hash and page count fixed when the document went to 待签名; null while it is a draft. */
  frozen(id: string): { sha256: string; sm3: string; pages: number } | null {
    const r = this.row(id);
    return r.state === 'ready' && r.frozen_sha256 && r.frozen_sm3 && r.frozen_pages
      ? { sha256: r.frozen_sha256, sm3: r.frozen_sm3, pages: r.frozen_pages }
      : null;
  }

  /** 待签名 → 已签名 (every required slot signed or resolved). */
  markSigned(id: string, now: string, actorIds: string[]): void {
    const r = this.row(id);
    this.db
      .prepare(`UPDATE documents SET signed_at = ?, updated_at = ? WHERE id = ? AND signed_at IS NULL`)
      .run(now, now, id);
    this.cases.addEvent(r.case_id, 'document', `${descriptorOf(r.type).label}（${r.doc_no}）签名完成`, actorIds, now);
  }

  /** What this document corrects, and what corrects it (补正, both ways). */
  private correctionOf(r: DocumentRow): DocumentDetail['correction'] {
    const corrects = r.corrects_document_id
      ? (this.db.prepare(`SELECT id, doc_no FROM documents WHERE id = ?`).get(r.corrects_document_id) as {
          id: string;
          doc_no: string;
        })
      : null;
    const by = this.db
      .prepare(`SELECT id, doc_no, correction_reason FROM documents WHERE corrects_document_id = ?`)
      .get(r.id) as { id: string; doc_no: string; correction_reason: string } | undefined;
    return {
      corrects: corrects
        ? {
            id: corrects.id,
            docNo: corrects.doc_no,
            sealSha256: r.corrects_seal_sha256 ?? '',
            reason: r.correction_reason ?? '',
          }
        : null,
      correctedBy: by ? { id: by.id, docNo: by.doc_no, reason: by.correction_reason } : null,
    };
  }

  /** Marks the document sealed (inside the seal's transaction, core/seals/seal-store.ts). */
  markSealed(id: string, now: string): void {
    this.db.prepare(`UPDATE documents SET sealed_at = ? WHERE id = ? AND sealed_at IS NULL`).run(now, id);
  }

  /**
   * The record whose evidence list lists the item (a type with an `evidenceList`: the
   * 电子取证工作记录), as 「电子取证工作记录（文书号）的电子数据清单第 N 项」; the earliest made when several do.
   */
  evidenceListing(evidenceId: string): { docNo: string; label: string } | null {
    const found = DOCUMENT_DESCRIPTORS.flatMap((d) => {
      if (!d.evidenceList) return [];
      const r = this.db
        .prepare(
          `SELECT d.doc_no, d.created_at, CAST(j.key AS INTEGER) AS idx FROM documents d, json_each(d.content_json, ?) j
           WHERE d.type = ? AND json_extract(j.value, '$.evidenceId') = ? ORDER BY d.created_at LIMIT 1`,
        )
        .get(`$.${d.evidenceList.rows}`, d.type, evidenceId) as
        { doc_no: string; created_at: string; idx: number } | undefined;
      return r ? [{ ...r, name: `${d.label}（${r.doc_no}）的${d.evidenceList.listName}` }] : [];
    });
    const first = found.sort((a, b) => a.created_at.localeCompare(b.created_at))[0];
    return first ? { docNo: first.doc_no, label: `${first.name}第 ${first.idx + 1} 项` } : null;
  }

  /** The case's documents with their content, in order of making: what the case timeline reads (core/timeline/). */
  timelineRows(caseId: string): {
    id: string;
    type: DocumentType;
    docNo: string;
    state: DocumentState;
    correctsId: string | null;
    content: Record<string, unknown>;
  }[] {
    return (
      this.db
        .prepare(`SELECT * FROM documents WHERE case_id = ? ORDER BY created_at, doc_no`)
        .all(caseId) as DocumentRow[]
    ).map((r) => ({
      id: r.id,
      type: r.type,
      docNo: r.doc_no,
      state: r.sealed_at ? 'sealed' : r.signed_at ? 'signed' : r.state,
      correctsId: r.corrects_document_id,
      content: JSON.parse(r.content_json) as Record<string, unknown>,
    }));
  }

  /** Every document outside a case, without its content (the timeline reads the content of changed ones only). */
  revisionsOutside(
    caseId: string,
  ): { id: string; caseId: string; type: DocumentType; docNo: string; revision: number }[] {
    return this.db
      .prepare(
        `SELECT id, case_id AS caseId, type, doc_no AS docNo, revision FROM documents WHERE case_id <> ? ORDER BY created_at`,
      )
      .all(caseId) as { id: string; caseId: string; type: DocumentType; docNo: string; revision: number }[];
  }

  /** A document's content as stored. */
  content(id: string): Record<string, unknown> {
    return JSON.parse(this.row(id).content_json) as Record<string, unknown>;
  }

  /** The documents of one type in a case, as their deadlines count them (core/deadlines/), in order of making. */
  deadlineRows(
    caseId: string,
    type: DocumentType,
  ): {
    id: string;
    doc_no: string;
    state: 'draft' | 'ready';
    content_json: string;
    signed_at: string | null;
    sealed_at: string | null;
    corrects_document_id: string | null;
  }[] {
    return this.db
      .prepare(
        `SELECT id, doc_no, state, content_json, signed_at, sealed_at, corrects_document_id FROM documents WHERE case_id = ? AND type = ? ORDER BY created_at, doc_no`,
      )
      .all(caseId, type) as ReturnType<DocumentStore['deadlineRows']>;
  }

  caseOf(id: string): string {
    return this.row(id).case_id;
  }

  private refuseIfSealed(r: DocumentRow): void {
    if (r.sealed_at)
      throw new CoreError(
        'conflict',
        `${descriptorOf(r.type).label}（${r.doc_no}）已封存，不能再修改。如需更正，请制作补正文书。`,
      );
  }

  private activeSignatureCount(id: string): number {
    return this.signatures.activeCount(id);
  }

  /** For a counted type (询问笔录): this is the Nth document of the type about the same person in the case; else null. */
  private sequence(r: DocumentRow): number | null {
    const seq = descriptorOf(r.type).sequence;
    if (!seq) return null;
    const key = sequenceKey(seq, JSON.parse(r.content_json) as Record<string, unknown>);
    if (!key) return 1;
    // The same key as sequenceKey, computed by SQLite: no need to parse every earlier document.
    const [id, name] = [`$.${seq.idNumber}`, `$.${seq.name}`];
    const earlier = this.db
      .prepare(
        `SELECT count(*) AS n FROM documents
         WHERE case_id = ? AND type = ? AND (created_at < ? OR (created_at = ? AND doc_no < ?))
           AND CASE WHEN trim(ifnull(json_extract(content_json, ?), '')) <> ''
                    THEN upper(trim(json_extract(content_json, ?)))
                    ELSE trim(ifnull(json_extract(content_json, ?), '')) END = ?`,
      )
      .get(r.case_id, r.type, r.created_at, r.created_at, r.doc_no, id, id, name, key) as { n: number };
    return 1 + earlier.n;
  }

  private row(id: string): DocumentRow {
    const r = this.db.prepare(`SELECT * FROM documents WHERE id = ?`).get(id) as DocumentRow | undefined;
    if (!r) throw new CoreError('not_found', '找不到该文书，请返回案件重新选择。');
    if (!findDescriptor(r.type))
      throw new CoreError(
        'integrity',
        `文书${r.doc_no}的种类「${r.type}」本程序不认识（可能由更新版本的程序制作）：请将程序升级到最新版本后再打开。`,
      );
    return r;
  }

  private summary(r: DocumentRow): DocumentSummary {
    const state: DocumentState = r.sealed_at ? 'sealed' : r.signed_at ? 'signed' : r.state;
    const summary: DocumentSummary = {
      id: r.id,
      caseId: r.case_id,
      type: r.type,
      docNo: r.doc_no,
      state,
      subject: subjectOf(descriptorOf(r.type), JSON.parse(r.content_json)),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
    if (r.sealed_at) {
      // 已同步: HQ's signed receipt for this document's seal (sync feature).
      summary.syncedAt = this.receipts.hqTimeOfDocument(r.id);
    }
    return summary;
  }
}

/** The case fields a document prints: copied into it at 待签名 (context_json). */
type FrozenContext = Pick<
  DocumentDetail['context'],
  'agency' | 'caseNo' | 'caseTitle' | 'partyName' | 'matterId' | 'matterName'
>;

/** The context copied at 待签名, while the document is not a draft (a draft prints the case as it is). */
function frozenContext(r: DocumentRow): FrozenContext | null {
  if (!r.context_json || (r.state === 'draft' && !r.signed_at && !r.sealed_at)) return null;
  return JSON.parse(r.context_json) as FrozenContext;
}
