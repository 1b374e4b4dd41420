// Signing a frozen document: ceremonies (one review-and-sign sitting, recorded unless a reason is
// given), signatures bound to the document's hash, refusals and absences confirmed by both
// officers and backed by a witness or the recording. One transaction per act; rows are immutable
// in the database itself (migration 004).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import type { DocumentDetail } from '../../shared/documents/document-api.ts';
import { DOCUMENT_TYPE_LABELS } from '../../shared/documents/document-types.ts';
import { contentAt } from '../../shared/documents/types/descriptor.ts';
import { descriptorOf } from '../../shared/documents/types/registry.ts';
import {
  RESOLUTION_LABELS,
  type RequiredSlot,
  type SignatureHow,
  type ReviewPage,
  type SignatureRecord,
  type SigningState,
} from '../../shared/signatures/signature-api.ts';
import type { z } from 'zod';
import type {
  CeremonyStartSchema,
  ResolveInputSchema,
  SignInputSchema,
} from '../../shared/signatures/signature-api.ts';
import { idKindError } from '../../shared/validation/id-number.ts';
import { normaliseIdNumber, residentIdError } from '../../shared/validation/resident-id.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { CaseStore } from '../cases/case-store.ts';
import { isoNow, type Clock } from '../clock.ts';
import type { InTransaction } from '../db/unit-of-work.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import type { EvidenceStore } from '../evidence/evidence-store.ts';
import type { OfficerStore } from '../officers/officer-store.ts';
import { A4, type LaidOutDocument } from '../../protocol/print/layout-model.ts';
import type { PdfService } from '../../protocol/print/pdf-service.ts';
import type { PrintSignature } from '../../protocol/print/write-pdf.ts';
import { printSignatures, REFUSAL_WITNESS_SLOT } from '../../protocol/print/print-signatures.ts';
import type { TwoOfficerSession } from '../session/two-officer-session.ts';
import { documentHash, type DocHash } from '../../protocol/seal/document-hash.ts';
import { requiredSlots, slotKey } from './required-slots.ts';
import {
  binding,
  sha256Hex,
  strokesText,
  verifyBinding,
  type BoundFields,
} from '../../protocol/seal/signature-binding.ts';
import { mediaGrantAllowed, SITTING_LIMIT_MINUTES, sittingIsLive } from './sitting.ts';
import { shown } from '../../shared/timeline/facts.ts';
import { affirms, minutesLate, refusalContradicts } from '../../shared/timeline/rules/signing.ts';

interface SignatureRow {
  id: string;
  document_id: string;
  ceremony_id: string;
  slot_id: string;
  page: number | null;
  page_count: number;
  status: SignatureRecord['status'];
  role: string;
  signer_name: string;
  signer_id_number: string;
  officer_id: string | null;
  signed_at: string;
  doc_sha256: string;
  doc_sm3: string;
  image_png: Buffer | null;
  image_sha256: string | null;
  strokes_json: string | null;
  strokes_sha256: string | null;
  reason: string;
  confirmed_by: string;
  witness_signature_id: string | null;
  binding_sha256: string;
  binding_sm3: string;
  how_json: string | null;
  recording_evidence_id?: string | null;
  discard_reason?: string | null;
}

interface CeremonyRow {
  id: string;
  document_id: string;
  started_at: string;
  recording: number;
  ended_at: string | null;
  recording_evidence_id: string | null;
  /** Why the sitting began late (migration 013); '' when it was in time. */
  late_reason: string;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Why the recording of a sitting continued after an interruption is lost (the renderer says the same when it ends one). */
const INTERRUPTED = '签名过程被中断（页面刷新、锁定或程序重启），此前的录像未能保存';

/**
 * The 见证人 slot every document offers (DOCUMENTS.md §5, 2017 reg. art. 30): where the layout has
 * no witness of its own (the 询问笔录 has none; the others only when a witness was named before
 * the content was frozen), a person present can still sign as witness of a refusal — on a laptop
 * without a working camera this is the only lawful way to complete it. Not required; printed with
 * the refusal it backs (the 签名情况记录 page).
 */
export const REFUSAL_WITNESS: RequiredSlot = { ...REFUSAL_WITNESS_SLOT, page: null, officerId: null, signerName: '' };

/** The roles that sign for the party itself: for an organisation, a named person signs for it. */
const PARTY_ROLES = new Set(['当事人', '持有人/提供人']);

/** How a sitting ends: by the officers, by the core (abandoned), or taken over by 继续签名 with a new recording. */
type Ending = { kind: 'manual' } | { kind: 'automatic'; why: string } | { kind: 'continued' };

export class SignatureStore {
  private readonly db: Database;
  private readonly inTransaction: InTransaction;
  private readonly clock: Clock;
  private readonly documents: DocumentStore;
  private readonly cases: CaseStore;
  private readonly officers: OfficerStore;
  private readonly session: TwoOfficerSession;
  private readonly pdf: PdfService;
  private readonly audit: AuditLog | null;
  private readonly evidence: Pick<EvidenceStore, 'record'>;
  private readonly lateSigningMinutes: () => number;

  constructor(deps: {
    /** For the signatures and signing_ceremonies tables, which this store alone writes. */
    db: Database;
    /** An act's transaction, spanning the audit row, the document's state and the case's events. */
    inTransaction: InTransaction;
    clock: Clock;
    documents: DocumentStore;
    cases: CaseStore;
    officers: OfficerStore;
    session: TwoOfficerSession;
    pdf: PdfService;
    audit?: AuditLog;
    /** The recording linked at the end of a sitting must be evidence of the document's case. */
    evidence: Pick<EvidenceStore, 'record'>;
    /** Signing begun later than this after the record was complete needs a reason (the setting). */
    lateSigningMinutes: () => number;
  }) {
    this.lateSigningMinutes = deps.lateSigningMinutes;
    this.db = deps.db;
    this.inTransaction = deps.inTransaction;
    this.evidence = deps.evidence;
    this.clock = deps.clock;
    this.documents = deps.documents;
    this.cases = deps.cases;
    this.officers = deps.officers;
    this.session = deps.session;
    this.pdf = deps.pdf;
    this.audit = deps.audit ?? null;
  }

  /** For DocumentStore.markReady: the hash to freeze and the page count. */
  freeze = (doc: DocumentDetail): DocHash & { pages: number } => {
    const laid = this.pdf.layout(doc);
    return { ...documentHash(doc, laid.text), pages: laid.pages.length };
  };

  /**
   * Opens a sitting. With `continues` (继续签名 after an interruption) the interrupted sitting of
   * the same document is ended first, as 录像中断, in the same transaction: its recording died with
   * the screen that held it, and the new recording began after everything done in it, so it can
   * back nothing done there. Each sitting thus has one recording, begun when the sitting began —
   * the recording linked to a refusal always covers the moment it was made.
   */
  startCeremony(input: z.output<typeof CeremonyStartSchema>, officerIds: string[]): { ceremonyId: string } {
    const { doc } = this.signable(input.documentId);
    if (input.continues && this.ceremony(input.continues).document_id !== doc.id) {
      throw new CoreError('validation', '要继续的签名不是本文书的签名，无法继续。请返回文书，重新打开签名页面。');
    }
    // Begun long after the record was complete, the sitting says why (printed with each signature).
    const late = this.lateness(doc);
    // 继续签名 after a reload or a lost recording carries the interrupted sitting's reason on (the
    // screen that gave it is gone); a reason given now replaces it.
    const reason = input.lateReason || (input.continues ? this.ceremony(input.continues).late_reason : '');
    if (late && reason.length < 4)
      throw new CoreError(
        'validation',
        `${DOCUMENT_TYPE_LABELS[doc.type]}（${doc.docNo}）于${shown(late.completeAt)}完成，现在开始签名已晚${late.minutes}分钟（超过设定的${late.margin}分钟）：请填写逾时签名的原因（至少4个字），原因随每个签名保存并打印在文书上。`,
        { lateReason: '请填写逾时签名的原因。' },
      );
    const lateReason = late ? reason : '';
    const id = randomUUID();
    const now = isoNow(this.clock);
    this.inTransaction(() => {
      // A sitting abandoned long ago (crash, reload, lock) is ended before a new one begins.
      this.endStale(false);
      // Read again inside the transaction: it may have been ended meanwhile (stale, or by another
      // screen); then there is nothing left to end and the new sitting simply begins.
      const interrupted = input.continues ? this.ceremony(input.continues) : null;
      if (interrupted && !interrupted.ended_at)
        this.close(interrupted, null, interrupted.recording ? `录像中断：${INTERRUPTED}` : '', officerIds, {
          kind: 'continued',
        });
      this.db
        .prepare(
          `INSERT INTO signing_ceremonies (id, document_id, started_at, recording, no_recording_reason, officer_ids, late_reason) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          doc.id,
          now,
          input.recording ? 1 : 0,
          input.recording ? '' : input.noRecordingReason,
          JSON.stringify(officerIds),
          lateReason,
        );
      const how = [
        input.recording ? '同步录音录像' : `未录像，理由：${input.noRecordingReason}`,
        late ? `晚于笔录完成${late.minutes}分钟，逾时原因：${lateReason}` : '',
      ]
        .filter(Boolean)
        .join('；');
      this.cases.addEvent(
        doc.caseId,
        'signing',
        `${interrupted ? '继续中断的签名' : '开始签名'}：${DOCUMENT_TYPE_LABELS[doc.type]}（${doc.docNo}），${how}`,
        officerIds,
        now,
      );
    });
    return { ceremonyId: id };
  }

  /**
   * For the desktop shell: camera and microphone are allowed only while a recorded ceremony is
   * open and was started within the sitting limit (an abandoned one stops counting).
   */
  recordingCeremonyOpen(now: Date): boolean {
    const open = this.db
      .prepare(`SELECT started_at, recording FROM signing_ceremonies WHERE ended_at IS NULL AND recording = 1`)
      .all() as { started_at: string; recording: number }[];
    return mediaGrantAllowed(
      open.map((c) => ({ startedAt: c.started_at, recording: c.recording === 1 })),
      now,
    );
  }

  /**
   * A signing sitting opened within the sitting limit: the idle lock waits for it (the party may
   * read for a long time without touching the laptop, and locking would lose the recording held
   * in the renderer). A sitting left open by a crash stops counting after that time.
   */
  sittingInProgress(now: Date): boolean {
    const open = this.db
      .prepare(`SELECT started_at, recording FROM signing_ceremonies WHERE ended_at IS NULL`)
      .all() as { started_at: string; recording: number }[];
    return open.some((c) => sittingIsLive({ startedAt: c.started_at, recording: c.recording === 1 }, now));
  }

  /**
   * Ends sittings nobody will end: at core start every open one (its recording lived in a renderer
   * of the previous process and is lost), otherwise those open longer than the sitting limit.
   * Each is ended as 录像中断 with the reason, in the case's record and the audit log; refusals
   * backed only by its recording are voided (they need a witness now). Returns how many were ended.
   */
  endStaleCeremonies(opts: { all: boolean }): number {
    return this.inTransaction(() => this.endStale(opts.all));
  }

  /**
   * Ends a sitting; its recording (already imported as evidence of the case) is linked to every
   * signature made in it. If the recording could not be made or kept, the reason is recorded
   * instead, and refusals that rested on that recording alone are voided.
   */
  endCeremony(
    ceremonyId: string,
    recordingEvidenceId: string | null,
    officerIds: string[],
    recordingFailure = '',
  ): SigningState {
    const c = this.ceremony(ceremonyId);
    if (c.ended_at) throw new CoreError('conflict', '本次签名已经结束。');
    if (c.recording && !recordingEvidenceId && !recordingFailure)
      throw new CoreError('validation', '本次签名选择了同步录像，请先保存录像再结束。');
    if (recordingEvidenceId) {
      const e = this.evidence.record(recordingEvidenceId);
      if (!e || e.caseId !== this.documents.caseOf(c.document_id))
        throw new CoreError('validation', '录像不是本案的电子数据，无法关联。');
    }
    const failure =
      recordingEvidenceId || !c.recording
        ? ''
        : recordingFailure.startsWith('录像') || recordingFailure.startsWith('未录像')
          ? recordingFailure
          : `录像未能保存：${recordingFailure}`;
    this.inTransaction(() => this.close(c, recordingEvidenceId, failure, officerIds, { kind: 'manual' }));
    return this.state(c.document_id);
  }

  async sign(input: z.output<typeof SignInputSchema>): Promise<SigningState> {
    const c = this.openCeremony(input.ceremonyId);
    const { doc, hash, laid } = this.signable(c.document_id);
    const slot = this.requiredSlot(doc, laid, input.slotId, input.page);
    let officerId: string | null = null;
    if (slot.officerId !== null || slot.role === '执法人员' || slot.role === '记录人') {
      if (!slot.officerId)
        throw new CoreError('validation', `文书未指定「${slot.label}」由哪名执法人员签名，请先在文书中选择。`);
      if (input.mark !== '签名' || input.onBehalfOf || input.authority)
        throw new CoreError('validation', `${slot.label}须由执法人员本人在签名板上手写签名。`);
      if (!input.officerPassword)
        throw new CoreError('validation', `${slot.label}须由执法人员本人输入密码后签名。`, {
          officerPassword: '请输入本人密码。',
        });
      await this.session.confirmPassword(slot.officerId, input.officerPassword);
      officerId = slot.officerId;
    }
    const officer = officerId ? this.officers.get(officerId) : undefined;
    const signerName = officer ? officer.name : input.signerName;
    const idNumber = officer ? officer.certNo : normaliseIdNumber(input.signerIdNumber);
    if (slot.role === '见证人') {
      if (!idNumber)
        throw new CoreError('validation', '见证人须填写身份证件号码。', {
          signerIdNumber: '请填写见证人的身份证件号码。',
        });
      // Checked like every identity-number field, by the kind of document the record gives the
      // witness (a 居民身份证 unless it says otherwise) — whatever the number looks like.
      const witness = doc.content.witness as { idType?: unknown } | undefined;
      const idType = typeof witness?.idType === 'string' ? witness.idType : '居民身份证';
      const idError =
        (idType.trim() || '居民身份证') === '居民身份证'
          ? residentIdError(idNumber, this.clock.now())
          : idKindError(idType, idNumber);
      if (idError) throw new CoreError('validation', `见证人的证件号码有误：${idError}`, { signerIdNumber: idError });
    }
    const mirrored = laid.pages.some((p) => p.slots.some((s) => s.mirror?.includes(slot.slotId)));
    const how = officer ? officerHow(mirrored) : this.howOf(doc, slot, input, signerName);
    const image = Buffer.from(input.imagePngBase64, 'base64');
    if (!isPlausiblePng(image)) throw new CoreError('validation', '签名图像不是有效的PNG图像，请清除后重新签名。');
    const strokes = input.strokes ? strokesText(input.strokes) : null;
    const fields = this.fieldsFor(doc.id, input.ceremonyId, slot, laid.pages.length, hash, {
      status: 'signed',
      signerName,
      signerIdNumber: idNumber,
      officerId,
      imageSha256: sha256Hex(image),
      strokesSha256: strokes === null ? null : sha256Hex(strokes),
      // A signature made in a late sitting carries its reason: bound to it, sealed, printed.
      reason: c.late_reason,
      confirmedBy: [],
      witnessSignatureId: null,
      how,
    });
    this.insert(fields, image, strokes, doc, laid);
    return this.state(doc.id);
  }

  /** A slot not signed (art. 30): refused, absent or unable; confirmed by both officers and backed by a witness or the recording. */
  async resolve(input: z.output<typeof ResolveInputSchema>): Promise<SigningState> {
    const c = this.openCeremony(input.ceremonyId);
    const { doc, hash, laid } = this.signable(c.document_id);
    const slot = this.requiredSlot(doc, laid, input.slotId, input.page);
    if (slot.officerId) throw new CoreError('validation', '执法人员的签名栏不能记录为拒签。');
    // A record that says its signer confirmed it cannot record the same signer's refusal.
    const confirmation = this.facts(doc).confirmation;
    if (input.status === 'refused' && confirmation?.roles.includes(slot.role) && affirms(confirmation.text))
      throw new CoreError(
        'validation',
        refusalContradicts(confirmation.text, slot.role, input.signerName || slot.signerName, input.reason),
        { [confirmation.path]: '确认意见与拒签矛盾。' },
      );
    const officerIds = this.session.signedInIds();
    if (officerIds.length !== 2) throw new CoreError('forbidden', '拒签、缺席须两名执法人员同时登录并分别确认。');
    let witness: string | null = null;
    if (input.witnessSignatureId) {
      const w = this.db
        .prepare(`SELECT * FROM signatures WHERE id = ? AND document_id = ? AND discarded_at IS NULL`)
        .get(input.witnessSignatureId, doc.id) as SignatureRow | undefined;
      if (!w || w.role !== '见证人' || w.status !== 'signed')
        throw new CoreError('validation', '所选见证人签名无效：须是本文书上见证人的有效签名。');
      witness = w.id;
    } else if (!c.recording) {
      throw new CoreError(
        'validation',
        `拒签或缺席须有见证人签名，或在同步录像下记录。本次签名未录像：请先点「见证人签名」，请在场的见证人在「${this.witnessSlotLabel(laid)}」栏签名，再记录${RESOLUTION_LABELS[input.status]}。`,
      );
    } else if (input.recordingProblem) {
      // The screen knows its camera failed: a refusal resting on a recording that is not being
      // made would be voided when the sitting ends — refuse it now and say what to do instead.
      throw new CoreError(
        'validation',
        `${input.recordingProblem}，本次签名没有录像，拒签、缺席不能以录像为据。请先点「见证人签名」，请在场的见证人签名，再记录${RESOLUTION_LABELS[input.status]}。`,
      );
    }
    // A named person of an organisation that is the party: for whom, in what position, on what
    // authority (when the officers recorded them), as a signature for an organisation says.
    const signerName = input.signerName || slot.signerName;
    const party = this.cases.get(doc.caseId).party;
    const forOrganisation =
      PARTY_ROLES.has(slot.role) && party.kind === 'organisation' && signerName !== '' && signerName !== party.name;
    const capacity = forOrganisation && (input.signerRole !== '' || input.authority !== '');
    if (capacity && !input.signerRole)
      throw new CoreError('validation', `请写明${signerName}在${party.name}的职务。`, { signerRole: '请填写职务。' });
    for (const [i, id] of officerIds.entries()) await this.session.confirmPassword(id, input.officerPasswords[i]!);
    const fields = this.fieldsFor(doc.id, input.ceremonyId, slot, laid.pages.length, hash, {
      status: input.status,
      signerName,
      signerIdNumber: '',
      officerId: null,
      imageSha256: null,
      strokesSha256: null,
      reason: input.reason,
      confirmedBy: officerIds,
      witnessSignatureId: witness,
      how: {
        mark: null,
        capture: null,
        onBehalfOf: capacity ? party.name : '',
        signerRole: capacity ? input.signerRole : '',
        authority: capacity ? input.authority : '',
        authorisationEvidenceId: null,
        reusedOnPages: false,
      },
    });
    this.insert(fields, null, null, doc, laid);
    return this.state(doc.id);
  }

  /** Everything the review-and-sign screen shows. */
  state(documentId: string): SigningState {
    const doc = this.documents.get(documentId);
    const laid = this.pdf.layout(doc);
    const frozen = this.documents.frozen(documentId);
    const rows = this.activeRows(documentId);
    const required = requiredSlots(laid);
    const active = this.db
      .prepare(
        `SELECT id, late_reason FROM signing_ceremonies WHERE document_id = ? AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1`,
      )
      .get(documentId) as { id: string; late_reason: string } | undefined;
    return {
      documentId,
      docNo: doc.docNo,
      offered: this.offered(doc, laid),
      voided: this.voidedRefusals(documentId, required, rows),
      title: DOCUMENT_TYPE_LABELS[doc.type],
      state: doc.state,
      docSha256: frozen?.sha256 ?? '',
      docSm3: frozen?.sm3 ?? '',
      pageSize: { width: A4.width, height: A4.height },
      pages: laid.pages.map(reviewPage),
      required,
      signatures: rows.map(toRecord),
      images: Object.fromEntries(rows.filter((r) => r.image_png).map((r) => [r.id, r.image_png!.toString('base64')])),
      complete: isComplete(required, rows),
      activeCeremonyId: active?.id ?? null,
      late: doc.state === 'ready' ? this.lateness(doc) : null,
      activeLateReason: active?.late_reason ?? '',
    };
  }

  /** What the document says about its times and signers (its type's timeline facts). */
  private facts(doc: DocumentDetail) {
    const d = descriptorOf(doc.type);
    return d.timeline(d.content.parse(doc.content));
  }

  /** How late a sitting begun now would be, beyond the margin; null when in time. */
  private lateness(doc: DocumentDetail): { completeAt: string; minutes: number; margin: number } | null {
    const { completeAt } = this.facts(doc);
    const margin = this.lateSigningMinutes();
    const minutes = minutesLate(completeAt, isoNow(this.clock), margin);
    return minutes > 0 ? { completeAt, minutes, margin } : null;
  }

  /** Each signature in force with its image and strokes as stored (what travels with a seal: core/seals/seal-material.ts). */
  stored(documentId: string): { record: SignatureRecord; image: Buffer | null; strokes: string | null }[] {
    return this.activeRows(documentId).map((r) => ({
      record: toRecord(r),
      image: r.image_png,
      strokes: r.strokes_json,
    }));
  }

  /** The signatures and resolved slots in force on these documents, with their sitting's start (the case timeline). */
  forTimeline(documentIds: readonly string[]): {
    documentId: string;
    role: string;
    status: SignatureRecord['status'];
    signerName: string;
    officerId: string | null;
    signedAt: string;
    sittingStartedAt: string;
    sittingId: string;
    reason: string;
  }[] {
    if (documentIds.length === 0) return [];
    return this.db
      .prepare(
        `SELECT s.document_id AS documentId, s.role, s.status, s.signer_name AS signerName, s.officer_id AS officerId,
                s.signed_at AS signedAt, c.started_at AS sittingStartedAt, c.id AS sittingId, s.reason
         FROM signatures s JOIN signing_ceremonies c ON c.id = s.ceremony_id
         WHERE s.discarded_at IS NULL AND s.document_id IN (${documentIds.map(() => '?').join(', ')})
         ORDER BY s.signed_at, s.rowid`,
      )
      .all(...documentIds) as ReturnType<SignatureStore['forTimeline']>;
  }

  /** Signatures and refusals in force on the document. */
  activeCount(documentId: string): number {
    return (
      this.db
        .prepare(`SELECT count(*) AS n FROM signatures WHERE document_id = ? AND discarded_at IS NULL`)
        .get(documentId) as { n: number }
    ).n;
  }

  /** Discards every signature in force on the document: an edit after signing (inside the edit's transaction). */
  discardAll(documentId: string, at: string, reason: string): void {
    this.db
      .prepare(
        `UPDATE signatures SET discarded_at = ?, discard_reason = ? WHERE document_id = ? AND discarded_at IS NULL`,
      )
      .run(at, reason, documentId);
  }

  /** The ids of the document's signatures discarded at `at` (an edit's time), in the order they were made. */
  discardedAt(documentId: string, at: string): string[] {
    return (
      this.db
        .prepare(`SELECT id FROM signatures WHERE document_id = ? AND discarded_at = ? ORDER BY rowid`)
        .all(documentId, at) as { id: string }[]
    ).map((r) => r.id);
  }

  /**
   * The signatures to draw into a printed document. Records of format 2 (with `how`) carry what
   * the 签名情况记录 page states in full: the slot, the officers who noted a refusal, the witness.
   */
  forPrint(documentId: string): PrintSignature[] {
    const rows = this.activeRows(documentId);
    const doc = this.documents.get(documentId);
    const officerIds = new Set(rows.flatMap((r) => JSON.parse(r.confirmed_by) as string[]));
    const officers = [...officerIds].flatMap((id) => {
      const o = this.officers.get(id);
      return o ? [{ id, name: o.name, certNo: o.certNo }] : [];
    });
    return printSignatures(
      doc,
      this.pdf.layout(doc),
      rows.map((r) => ({
        record: boundOf(r),
        image: r.image_png,
        recordingEvidenceId: r.recording_evidence_id ?? null,
      })),
      officers,
    );
  }

  /** Re-checks every signature of a document against the document as it is now. */
  verify(documentId: string): { id: string; slot: string; problems: string[] }[] {
    const doc = this.documents.get(documentId);
    const hash = documentHash(doc, this.pdf.layout(doc).text);
    return this.activeRows(documentId).map((r) => ({
      id: r.id,
      slot: slotKey(r.slot_id, r.page),
      problems: verifyBinding(boundOf(r), r.image_png, r.strokes_json, hash),
    }));
  }

  /** Every bound field of a new signature or refusal: what it is for (document, slot, hash, time) plus what the signer did. */
  private fieldsFor(
    documentId: string,
    ceremonyId: string,
    slot: { slotId: string; page: number | null; role: string },
    pageCount: number,
    hash: { sha256: string; sm3: string },
    what: Pick<
      BoundFields,
      | 'status'
      | 'signerName'
      | 'signerIdNumber'
      | 'officerId'
      | 'imageSha256'
      | 'strokesSha256'
      | 'reason'
      | 'confirmedBy'
      | 'witnessSignatureId'
      | 'how'
    >,
  ): BoundFields {
    // Key order is irrelevant: the binding is over canonical JSON.
    return {
      id: randomUUID(),
      documentId,
      ceremonyId,
      slotId: slot.slotId,
      page: slot.page,
      pageCount,
      role: slot.role,
      signedAt: isoNow(this.clock),
      docSha256: hash.sha256,
      docSm3: hash.sm3,
      ...what,
    };
  }

  private insert(
    f: BoundFields,
    image: Buffer | null,
    strokes: string | null,
    doc: DocumentDetail,
    laid: LaidOutDocument,
  ) {
    const b = binding(f);
    this.inTransaction(() => {
      const taken = this.db
        .prepare(
          `SELECT 1 FROM signatures WHERE document_id = ? AND slot_id = ? AND ifnull(page, 0) = ? AND discarded_at IS NULL`,
        )
        .get(f.documentId, f.slotId, f.page ?? 0);
      if (taken) throw new CoreError('conflict', '该签名栏已经签过。如需重签，须先修改文书（原签名作废）。');
      this.db
        .prepare(
          `INSERT INTO signatures (id, document_id, ceremony_id, slot_id, page, page_count, status, role, signer_name, signer_id_number, officer_id, signed_at, doc_sha256, doc_sm3,
             image_png, image_sha256, strokes_json, strokes_sha256, reason, confirmed_by, witness_signature_id, binding_sha256, binding_sm3, how_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          f.id,
          f.documentId,
          f.ceremonyId,
          f.slotId,
          f.page,
          f.pageCount,
          f.status,
          f.role,
          f.signerName,
          f.signerIdNumber,
          f.officerId,
          f.signedAt,
          f.docSha256,
          f.docSm3,
          image,
          f.imageSha256,
          strokes,
          f.strokesSha256,
          f.reason,
          JSON.stringify(f.confirmedBy),
          f.witnessSignatureId,
          b.sha256,
          b.sm3,
          f.how ? JSON.stringify(f.how) : null,
        );
      const what =
        f.status === 'signed'
          ? `${f.role}${f.signerName}${f.how ? howPhrase(f.how) : '签名'}`
          : `${f.role}${f.signerName}：${RESOLUTION_LABELS[f.status]}（${f.reason}）`;
      this.cases.addEvent(
        doc.caseId,
        'signing',
        `${DOCUMENT_TYPE_LABELS[doc.type]}（${doc.docNo}）${f.page ? `第${f.page}页` : ''}${what}`,
        this.session.signedInIds(),
        f.signedAt,
      );
      // The audit row commits with the signature: passwords were checked before this transaction
      // (asynchronous hashing no transaction can span), so dispatch cannot wrap both.
      this.audit?.append({
        action: f.status === 'signed' ? 'sign' : 'refuse',
        officerIds: this.session.signedInIds(),
        caseId: doc.caseId,
        targets: [doc.id, f.id],
        detail: `${f.slotId}${f.page ? `@${f.page}` : ''}`,
      });
      // A refusal resting on the recording alone does not complete the document until the
      // recording is stored and linked (endCeremony).
      if (isComplete(requiredSlots(laid), this.activeRows(doc.id)))
        this.documents.markSigned(doc.id, f.signedAt, this.session.signedInIds());
    });
  }

  /** Ends one sitting inside the caller's transaction; returns the ids of the refusals it voided. */
  private close(
    c: CeremonyRow,
    recordingEvidenceId: string | null,
    failure: string,
    officerIds: string[],
    ending: Ending,
  ): string[] {
    const now = isoNow(this.clock);
    const ended = this.db
      .prepare(
        `UPDATE signing_ceremonies SET ended_at = ?, recording_evidence_id = ?, no_recording_reason = CASE WHEN ? <> '' THEN ? ELSE no_recording_reason END WHERE id = ? AND ended_at IS NULL`,
      )
      .run(now, recordingEvidenceId, failure, failure, c.id);
    if (ended.changes !== 1) throw new CoreError('conflict', '本次签名已经结束。');
    const n = (
      this.db
        .prepare(
          `SELECT count(*) AS n FROM signatures WHERE ceremony_id = ? AND status = 'signed' AND discarded_at IS NULL`,
        )
        .get(c.id) as { n: number }
    ).n;
    // Without a stored recording, a refusal that rested on it has no backing: void it, so the
    // slot can be resolved again (the row stays for the audit). Signatures stay: the handwriting
    // bound to the document is the proof of those; the record says their recording was lost.
    // When the sitting is continued, the new recording began after these refusals and cannot
    // back them either: they must be made again on it, or backed by a witness.
    const voided = recordingEvidenceId
      ? []
      : (
          this.db
            .prepare(
              `SELECT id FROM signatures WHERE ceremony_id = ? AND status <> 'signed' AND witness_signature_id IS NULL AND discarded_at IS NULL ORDER BY signed_at, rowid`,
            )
            .all(c.id) as { id: string }[]
        ).map((r) => r.id);
    const continued = ending.kind === 'continued';
    if (voided.length) {
      const reason = continued
        ? '录像中断后继续签名：拒签/缺席记录于新录像开始之前，无见证人'
        : '录像未能保存，拒签/缺席无见证人';
      this.db
        .prepare(
          `UPDATE signatures SET discarded_at = ?, discard_reason = ? WHERE id IN (${voided.map(() => '?').join(', ')})`,
        )
        .run(now, reason, ...voided);
    }
    const caseId = this.documents.caseOf(c.document_id);
    const what = [
      ending.kind === 'automatic'
        ? `签名自动结束（${ending.why}）`
        : continued
          ? '签名中断，继续签名时结束'
          : '签名结束',
      `本次${n}个签名`,
      recordingEvidenceId ? '录像已作为电子数据保存' : failure,
      voided.length
        ? continued
          ? `${voided.length}处拒签/缺席记录仅以中断前的录像为据，该录像未能保存，新录像开始于其后、不能证明当时情形，已作废，须在新录像下或见证人签名后重新记录`
          : `${voided.length}处拒签/缺席记录仅以录像为据，录像未能保存，已作废，须在见证人签名后重新记录`
        : '',
    ].filter(Boolean);
    this.cases.addEvent(caseId, 'signing', what.join('，'), officerIds, now);
    // Ended by the officers through signing.end, dispatch writes the audit row; otherwise this
    // does, naming the voided refusals, in the transaction that voids them.
    if (ending.kind === 'automatic')
      this.audit?.append({
        action: 'signing-end',
        officerIds,
        caseId,
        targets: [c.id, ...voided],
        detail: `自动结束：${ending.why}`,
      });
    if (continued)
      this.audit?.append({
        action: 'signing-end',
        officerIds,
        caseId,
        targets: [c.id, ...voided],
        detail: `继续签名时结束（录像中断）${voided.length ? `，作废${voided.length}处仅以中断前录像为据的拒签/缺席` : ''}`,
      });
    // The linked recording may be what the last refusal was waiting for.
    const frozen = this.documents.frozen(c.document_id);
    if (recordingEvidenceId && frozen && this.documents.get(c.document_id).state === 'ready') {
      const laid = this.pdf.layout(this.documents.get(c.document_id));
      if (isComplete(requiredSlots(laid), this.activeRows(c.document_id)))
        this.documents.markSigned(c.document_id, now, officerIds);
    }
    return voided;
  }

  private endStale(all: boolean): number {
    const now = this.clock.now();
    const open = (
      this.db.prepare(`SELECT * FROM signing_ceremonies WHERE ended_at IS NULL`).all() as CeremonyRow[]
    ).filter((c) => all || !sittingIsLive({ startedAt: c.started_at, recording: c.recording === 1 }, now));
    const why = all ? '程序重新启动时签名尚未结束，上次运行已中断' : `开始后超过${SITTING_LIMIT_MINUTES}分钟仍未结束`;
    for (const c of open) this.close(c, null, c.recording ? `录像中断：${why}` : '', [], { kind: 'automatic', why });
    return open.length;
  }

  /** The document, frozen and unchanged since, with its layout. */
  private signable(documentId: string): { doc: DocumentDetail; hash: DocHash; laid: LaidOutDocument } {
    const doc = this.documents.get(documentId);
    if (doc.state === 'signed' || doc.state === 'sealed')
      throw new CoreError('conflict', doc.state === 'sealed' ? '该文书已封存。' : '该文书已签名完毕。');
    const frozen = this.documents.frozen(documentId);
    if (!frozen) throw new CoreError('conflict', '文书尚未提交签名（须先完成并提交，内容冻结后才能签名）。');
    const laid = this.pdf.layout(doc);
    const hash = documentHash(doc, laid.text);
    if (hash.sha256 !== frozen.sha256 || hash.sm3 !== frozen.sm3 || laid.pages.length !== frozen.pages) {
      throw new CoreError('integrity', '文书内容与提交签名时不一致，不能签名。请重新打开文书，核对后重新提交。');
    }
    return { doc, hash, laid };
  }

  private requiredSlot(doc: DocumentDetail, laid: LaidOutDocument, slotId: string, page: number | null) {
    const slot = [...requiredSlots(laid), ...this.offered(doc, laid)].find(
      (s) => s.slotId === slotId && s.page === page,
    );
    if (!slot)
      throw new CoreError(
        'validation',
        page ? `第${page}页没有「${slotId}」签名栏。` : `文书没有「${slotId}」签名栏。`,
      );
    return slot;
  }

  /** The slots offered besides the required ones: the type's (a handwritten confirmation) and the 见证人 where the layout has none. */
  private offered(doc: DocumentDetail, laid: LaidOutDocument): RequiredSlot[] {
    const own = (descriptorOf(doc.type).offeredSlots ?? []).map((o): RequiredSlot => ({
      slotId: o.slotId,
      page: null,
      label: o.label,
      role: o.role,
      officerId: null,
      signerName: o.signer ? String(contentAt(doc.content, o.signer) ?? '') : '',
    }));
    return [...own, ...(this.offeredWitness(laid) ? [REFUSAL_WITNESS] : [])];
  }

  /** Whether the document needs the offered 见证人 slot: its layout has no witness slot of its own. */
  private offeredWitness(laid: LaidOutDocument): boolean {
    return !laid.pages.some((p) => p.slots.some((s) => s.role === '见证人' && !s.perPage));
  }

  private witnessSlotLabel(laid: LaidOutDocument): string {
    return this.offeredWitness(laid) ? REFUSAL_WITNESS.label : '见证人';
  }

  /**
   * How a party's signer signs (签名 / 捺指印 / 盖章, for whom, on what authority), checked. For an
   * organisation the signer is a named person (not the organisation's name) who says in what
   * position and on what authority they sign; a 受委托人 shows a 授权委托书, kept as evidence of the case.
   */
  private howOf(
    doc: DocumentDetail,
    slot: RequiredSlot,
    input: z.output<typeof SignInputSchema>,
    signerName: string,
  ): SignatureHow {
    const party = this.cases.get(doc.caseId).party;
    const forParty = PARTY_ROLES.has(slot.role) && party.kind === 'organisation';
    const onBehalfOf = input.onBehalfOf || (forParty ? party.name : '');
    if (input.mark === '盖章' && !onBehalfOf)
      throw new CoreError('validation', '盖章须写明所盖的是哪个单位的印章（代表单位）。', {
        onBehalfOf: '请填写单位名称。',
      });
    if (onBehalfOf) {
      if (signerName === onBehalfOf || signerName === party.name)
        throw new CoreError(
          'validation',
          `当事人是单位，「${slot.label}」须写签名人本人的姓名（不是单位名称），并写明其职务和身份（法定代表人、负责人或受委托人）。`,
          { signerName: '请填写签名人本人的姓名。' },
        );
      if (!input.authority)
        throw new CoreError(
          'validation',
          `请写明${signerName}代表${onBehalfOf}签名的身份：法定代表人、负责人或受委托人。`,
          {
            authority: '请选择签名人的身份。',
          },
        );
      if (!input.signerRole)
        throw new CoreError('validation', `请写明${signerName}在${onBehalfOf}的职务。`, {
          signerRole: '请填写职务。',
        });
    }
    // A person signing for themself has no position or authority to record: what a screen sent
    // for it is not kept (a 受委托人 of a person still shows the 授权委托书, below).
    const authority = onBehalfOf ? input.authority : input.authority === '受委托人' ? '受委托人' : '';
    let authorisation: string | null = null;
    if (authority === '受委托人') {
      const e = input.authorisationEvidenceId ? this.evidence.record(input.authorisationEvidenceId) : undefined;
      if (!e || e.caseId !== doc.caseId)
        throw new CoreError(
          'validation',
          '受委托人签名须有授权委托书：请先将授权委托书拍照或扫描，作为本案电子数据导入，再在此选择。',
          { authorisationEvidenceId: '请选择本案中的授权委托书。' },
        );
      authorisation = e.id;
    } else if (input.authorisationEvidenceId)
      throw new CoreError('validation', '只有受委托人签名时才关联授权委托书。', {
        authorisationEvidenceId: '请去掉所选的授权委托书，或将身份改为受委托人。',
      });
    return {
      mark: input.mark,
      capture: input.capture,
      onBehalfOf,
      signerRole: onBehalfOf ? input.signerRole : '',
      authority,
      authorisationEvidenceId: authorisation,
      reusedOnPages: false,
    };
  }

  /**
   * Refusals voided because the recording they rested on was not kept, whose slot is still open:
   * the screen says what happened and what to do (never a silent 「签名结束。」).
   */
  private voidedRefusals(documentId: string, required: RequiredSlot[], rows: SignatureRow[]) {
    const done = new Set(rows.map((r) => slotKey(r.slot_id, r.page)));
    const voided = this.db
      .prepare(
        `SELECT * FROM signatures WHERE document_id = ? AND discarded_at IS NOT NULL AND status <> 'signed' AND discard_reason LIKE '录像%' ORDER BY discarded_at, rowid`,
      )
      .all(documentId) as SignatureRow[];
    const seen = new Set<string>();
    return voided
      .filter((r) => !done.has(slotKey(r.slot_id, r.page)) && !seen.has(slotKey(r.slot_id, r.page)))
      .map((r) => {
        seen.add(slotKey(r.slot_id, r.page));
        const slot = required.find((q) => q.slotId === r.slot_id && q.page === r.page);
        return {
          slotId: r.slot_id,
          page: r.page,
          label: slot?.label ?? r.role,
          status: r.status as Exclude<SignatureRecord['status'], 'signed'>,
          why: r.discard_reason ?? '',
        };
      });
  }

  private ceremony(id: string): CeremonyRow {
    const c = this.db.prepare(`SELECT * FROM signing_ceremonies WHERE id = ?`).get(id) as CeremonyRow | undefined;
    if (!c) throw new CoreError('not_found', '找不到本次签名记录，请重新开始签名。');
    return c;
  }

  private openCeremony(id: string): CeremonyRow {
    const c = this.ceremony(id);
    if (c.ended_at) throw new CoreError('conflict', '本次签名已经结束，请重新开始签名。');
    return c;
  }

  private activeRows(documentId: string): SignatureRow[] {
    return this.db
      .prepare(
        `SELECT s.*, c.recording_evidence_id FROM signatures s JOIN signing_ceremonies c ON c.id = s.ceremony_id WHERE s.document_id = ? AND s.discarded_at IS NULL ORDER BY s.signed_at, s.rowid`,
      )
      .all(documentId) as SignatureRow[];
  }
}

/** A refusal or absence without a witness, resting on a recording that is not (yet) linked. */
function isUnbacked(r: SignatureRow): boolean {
  return r.status !== 'signed' && !r.witness_signature_id && !r.recording_evidence_id;
}

/** Every required slot signed or resolved, and every resolution backed by a witness or a linked recording. */
function isComplete(required: { slotId: string; page: number | null }[], rows: SignatureRow[]): boolean {
  const done = new Set(rows.map((r) => slotKey(r.slot_id, r.page)));
  return required.every((s) => done.has(slotKey(s.slotId, s.page))) && !rows.some(isUnbacked);
}

/** PNG magic, an IHDR chunk first, and a size a signature pad could produce. */
function isPlausiblePng(b: Buffer): boolean {
  if (b.length < 45 || !b.subarray(0, 8).equals(PNG_MAGIC) || b.toString('latin1', 12, 16) !== 'IHDR') return false;
  const [w, h] = [b.readUInt32BE(16), b.readUInt32BE(20)];
  return w >= 1 && h >= 1 && w <= 4096 && h <= 4096 && b.includes('IEND', b.length - 12, 'latin1');
}

function boundOf(r: SignatureRow): BoundFields & { bindingSha256: string; bindingSm3: string } {
  return {
    id: r.id,
    documentId: r.document_id,
    ceremonyId: r.ceremony_id,
    slotId: r.slot_id,
    page: r.page,
    pageCount: r.page_count,
    status: r.status,
    role: r.role,
    signerName: r.signer_name,
    signerIdNumber: r.signer_id_number,
    officerId: r.officer_id,
    signedAt: r.signed_at,
    docSha256: r.doc_sha256,
    docSm3: r.doc_sm3,
    imageSha256: r.image_sha256,
    strokesSha256: r.strokes_sha256,
    reason: r.reason,
    confirmedBy: JSON.parse(r.confirmed_by) as string[],
    witnessSignatureId: r.witness_signature_id,
    ...(r.how_json ? { how: JSON.parse(r.how_json) as SignatureHow } : {}),
    bindingSha256: r.binding_sha256,
    bindingSm3: r.binding_sm3,
  };
}

/** An officer signs by hand, for themself; the signing screen asks their consent to a per-page reuse before they sign. */
function officerHow(reusedOnPages: boolean): SignatureHow {
  return {
    mark: '签名',
    capture: 'pad',
    onBehalfOf: '',
    signerRole: '',
    authority: '',
    authorisationEvidenceId: null,
    reusedOnPages,
  };
}

/** 「签名」, 「盖章（代表某公司，总经理，法定代表人）」: how the case record names the act. */
export function howPhrase(h: SignatureHow): string {
  const who = h.onBehalfOf ? `（代表${h.onBehalfOf}，${[h.signerRole, h.authority].filter(Boolean).join('，')}）` : '';
  return `${h.mark ?? ''}${who}`;
}

function toRecord(r: SignatureRow): SignatureRecord {
  return { ...boundOf(r), recordingEvidenceId: r.recording_evidence_id ?? null };
}

function reviewPage(p: LaidOutDocument['pages'][number]): ReviewPage {
  return {
    number: p.number,
    texts: p.ops.flatMap((o) =>
      o.op === 'text'
        ? [
            {
              x: o.x,
              y: o.y,
              size: o.size,
              text: o.text,
              ...(o.bold ? { bold: true } : {}),
              ...(o.spacing ? { spacing: o.spacing } : {}),
              ...(o.gray ? { gray: true } : {}),
            },
          ]
        : [],
    ),
    rules: p.ops.flatMap((o) => (o.op === 'line' ? [{ x1: o.x1, y1: o.y1, x2: o.x2, y2: o.y2, width: o.width }] : [])),
    boxes: p.ops.flatMap((o) => (o.op === 'rect' ? [{ x: o.x, y: o.y, w: o.w, h: o.h }] : [])),
    slots: p.slots.map((s) => ({
      x: s.x,
      y: s.y,
      w: s.w,
      h: s.h,
      slotId: s.id,
      label: s.label,
      perPage: s.perPage,
      mirror: s.mirror ?? [],
    })),
  };
}
