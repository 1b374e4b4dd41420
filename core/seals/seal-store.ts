// Sealing a signed document: both officers confirm with their passwords; the seal payload is
// built, signed with the device's SM2 and Ed25519 keys and stored as the device's next chain link,
// the document marked sealed and the audit log appended — one transaction, so a crash leaves the
// document either sealed with a valid link or still signed and sealable.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { templateFor } from '../../shared/documents/types/registry.ts';
import { DOCUMENT_TYPE_LABELS } from '../../shared/documents/document-types.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { CaseStore } from '../cases/case-store.ts';
import { isoNow, type Clock } from '../clock.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import type { InTransaction } from '../db/unit-of-work.ts';
import type { DeviceIdentity } from '../device/device-identity.ts';
import type { EvidenceStore } from '../evidence/evidence-store.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import type { PdfService } from '../../protocol/print/pdf-service.ts';
import type { TwoOfficerSession } from '../session/two-officer-session.ts';
import { signedForm } from '../../protocol/seal/document-hash.ts';
import type { SignatureStore } from '../signatures/signature-store.ts';
import { SEAL_GENESIS, sealHash, sealText, type SealPayload } from '../../protocol/seal/seal-payload.ts';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sm2PublicKeyPem } from '../../protocol/crypto/sm2.ts';
import { writeFileAtomic } from '../../protocol/runtime/write-file-atomic.ts';
import type { SealRow } from './seal-row.ts';

export type { SealRow } from './seal-row.ts';

export interface SealInfo {
  seq: number;
  documentId: string;
  hashSha256: string;
  hashSm3: string;
  prevHash: string;
  sealedAt: string;
  deviceId: string;
  sm2Signature: string;
  ed25519Signature: string;
  /** The officers the seal names (the two who sealed and any officer who signed). */
  officers: { name: string; certNo: string }[];
  /** The latest HQ-signed time seen before sealing: the earliest the seal can have been made. */
  notBefore: string | null;
}

export class SealStore {
  private readonly d: {
    /** For the seals and seal_evidence tables, which this store alone writes. */
    db: Database;
    /** One seal is one transaction across stores: the seal, the document's state, the case event, the audit row. */
    inTransaction: InTransaction;
    clock: Clock;
    documents: DocumentStore;
    signatures: SignatureStore;
    session: TwoOfficerSession;
    pdf: PdfService;
    audit: AuditLog;
    device: DeviceIdentity;
    cases: CaseStore;
    evidence: Pick<EvidenceStore, 'record'>;
    settings: Pick<SettingsStore, 'hqTimeSeen'>;
    /** The case timeline's refusal (core/timeline/timeline-service.ts): what stops 封存 across the case's records. */
    timeline: { refuse(documentId: string, stage: 'sealing'): void };
  };
  constructor(deps: SealStore['d']) {
    this.d = deps;
  }

  async seal(
    documentId: string,
    officerPasswords: [string, string],
    hooks: { beforeCommit?: () => void } = {},
  ): Promise<SealInfo> {
    const officerIds = await this.confirm(officerPasswords, [documentId]);
    return this.sealConfirmed(documentId, officerIds, hooks);
  }

  /** Seals several signed documents (a case's, at the end of the day) after one confirmation by both officers; each seal is its own transaction and chain link. */
  async sealMany(documentIds: string[], officerPasswords: [string, string]): Promise<SealInfo[]> {
    const officerIds = await this.confirm(officerPasswords, documentIds);
    const out: SealInfo[] = [];
    for (const id of documentIds) out.push(this.sealConfirmed(id, officerIds, {}));
    return out;
  }

  private async confirm(officerPasswords: [string, string], documentIds: string[]): Promise<string[]> {
    const officerIds = this.d.session.signedInIds();
    if (officerIds.length !== 2) throw new CoreError('forbidden', '封存须两名执法人员同时登录并分别输入密码确认。');
    for (const id of documentIds) {
      if (this.forDocument(id)) throw new CoreError('conflict', '该文书已经封存。');
      if (this.d.documents.get(id).state !== 'signed')
        throw new CoreError('conflict', '只有签名完毕（已签名）的文书才能封存。');
      this.d.timeline.refuse(id, 'sealing');
    }
    for (const [i, id] of officerIds.entries()) await this.d.session.confirmPassword(id, officerPasswords[i]!);
    return officerIds;
  }

  private sealConfirmed(documentId: string, officerIds: string[], hooks: { beforeCommit?: () => void }): SealInfo {
    const { db, documents, clock, inTransaction } = this.d;
    const doc = documents.get(documentId);
    if (doc.state !== 'signed') throw new CoreError('conflict', '只有签名完毕（已签名）的文书才能封存。');
    const frozen = documents.frozen(documentId);
    const laid = this.d.pdf.layout(doc);
    const form = signedForm(doc, laid.text);
    const docHash = sealHash(form);
    if (!frozen || frozen.sha256 !== docHash.sha256 || frozen.sm3 !== docHash.sm3)
      throw new CoreError('integrity', '文书内容与签名时不一致，不能封存。');
    const problems = this.d.signatures.verify(documentId).filter((v) => v.problems.length);
    if (problems.length)
      throw new CoreError(
        'integrity',
        `签名核验未通过（${problems[0]!.slot}：${problems[0]!.problems.join('、')}），不能封存。`,
      );
    const sigs = this.d.signatures.state(documentId).signatures;
    const evidenceIds = new Set<string>();
    for (const it of (doc.content.items as { evidenceId?: string }[] | undefined) ?? [])
      if (it.evidenceId) evidenceIds.add(it.evidenceId);
    for (const s of sigs) if (s.recordingEvidenceId) evidenceIds.add(s.recordingEvidenceId);
    const kase = this.d.cases.get(doc.caseId);
    const now = isoNow(clock);

    let info: SealInfo | null = null;
    inTransaction(() => {
      const last = db.prepare(`SELECT seq, hash_sha256 FROM seals ORDER BY seq DESC LIMIT 1`).get() as
        { seq: number; hash_sha256: string } | undefined;
      const dev = this.d.device.public();
      const evidence = [...evidenceIds].sort().map((id) => {
        const e = this.d.evidence.record(id);
        if (!e) throw new CoreError('integrity', '文书引用的电子数据在本机找不到，不能封存。');
        return {
          id: e.id,
          fileName: e.fileName,
          category: e.category,
          sizeBytes: e.sizeBytes,
          sha256: e.sha256,
          sm3: e.sm3,
        };
      });
      const officerSet = new Set([...officerIds, ...sigs.flatMap((s) => (s.officerId ? [s.officerId] : []))]);
      const payload: SealPayload = {
        format: 'wangxin-field-seal/1',
        device: {
          id: dev.deviceId,
          seq: (last?.seq ?? 0) + 1,
          prev: last?.hash_sha256 ?? SEAL_GENESIS,
          sm2PublicKey: dev.sm2PublicKey,
          ed25519PublicKeyPem: dev.ed25519PublicKeyPem,
        },
        time: { sealedAt: now, deviceClock: now, notBefore: this.latestHqTime() },
        document: {
          id: doc.id,
          caseId: doc.caseId,
          caseNo: kase.caseNo,
          type: doc.type,
          docNo: doc.docNo,
          templateVersion: doc.templateVersion,
          regulation: templateFor(doc.type, doc.templateVersion).regulation,
          pages: laid.pages.length,
          sha256: docHash.sha256,
          sm3: docHash.sm3,
          signedForm: form,
        },
        evidence,
        signatures: sigs.map((s) => ({
          id: s.id,
          slotId: s.slotId,
          page: s.page,
          status: s.status,
          role: s.role,
          signerName: s.signerName,
          signerIdNumber: s.signerIdNumber,
          officerId: s.officerId,
          signedAt: s.signedAt,
          imageSha256: s.imageSha256,
          strokesSha256: s.strokesSha256,
          bindingSha256: s.bindingSha256,
          bindingSm3: s.bindingSm3,
          reason: s.reason,
          witnessSignatureId: s.witnessSignatureId,
          recordingEvidenceId: s.recordingEvidenceId,
        })),
        officers: [...officerSet].sort().map((id) => {
          const o = doc.context.officers.find((x) => x.id === id)!;
          return { id, name: o.name, certNo: o.certNo };
        }),
        corrects: doc.correction.corrects
          ? {
              documentId: doc.correction.corrects.id,
              docNo: doc.correction.corrects.docNo,
              sealSha256: doc.correction.corrects.sealSha256,
              reason: doc.correction.corrects.reason,
            }
          : null,
        auditHead: this.d.audit.head(),
      };
      const text = sealText(payload);
      const bytes = new TextEncoder().encode(text);
      const h = sealHash(text);
      const sig = this.d.device.sign(bytes);
      db.prepare(
        `INSERT INTO seals (seq, document_id, payload, hash_sha256, hash_sm3, prev_hash, sm2_signature, ed25519_signature, sealed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(payload.device.seq, documentId, text, h.sha256, h.sm3, payload.device.prev, sig.sm2, sig.ed25519, now);
      const link = db.prepare(`INSERT INTO seal_evidence (seal_seq, evidence_id) VALUES (?, ?)`);
      for (const e of evidence) link.run(payload.device.seq, e.id);
      documents.markSealed(documentId, now);
      this.d.cases.addEvent(
        doc.caseId,
        'seal',
        `${DOCUMENT_TYPE_LABELS[doc.type]}（${doc.docNo}）封存，封存序号${payload.device.seq}，SHA-256 ${h.sha256}`,
        officerIds,
        now,
      );
      this.d.audit.append({
        action: 'seal',
        officerIds,
        caseId: doc.caseId,
        targets: [documentId, h.sha256],
        detail: `seq ${payload.device.seq}`,
      });
      hooks.beforeCommit?.();
      info = {
        seq: payload.device.seq,
        documentId,
        hashSha256: h.sha256,
        hashSm3: h.sm3,
        prevHash: payload.device.prev,
        sealedAt: now,
        deviceId: dev.deviceId,
        sm2Signature: sig.sm2,
        ed25519Signature: sig.ed25519,
        officers: payload.officers.map((o) => ({ name: o.name, certNo: o.certNo })),
        notBefore: payload.time.notBefore,
      };
    });
    return info!;
  }

  /**
   * The files a third party needs to check one seal with sha256sum and openssl alone
   * (docs/SEAL-FORMAT.md): the seal exactly as signed, both signatures, both public keys, and
   * the document's signed form. Written atomically into `dir`.
   */
  /** `trust`: HQ's certification for trust/ (TrustStore.files of this seal), when the device has it. */
  exportFiles(
    documentId: string,
    dir: string,
    trust: (seq: number) => { name: string; bytes: Uint8Array }[] = () => [],
  ): string[] {
    const r = this.rowFor(documentId);
    if (!r) throw new CoreError('not_found', '该文书尚未封存。');
    const p = JSON.parse(r.payload) as SealPayload;
    mkdirSync(dir, { recursive: true });
    const files: [string, Uint8Array][] = [
      ['seal.json', Buffer.from(r.payload, 'utf8')],
      ['seal.sm2.der', Buffer.from(r.sm2_signature, 'hex')],
      ['seal.ed25519.sig', Buffer.from(r.ed25519_signature, 'hex')],
      ['device-sm2.pem', Buffer.from(sm2PublicKeyPem(p.device.sm2PublicKey))],
      ['device-ed25519.pem', Buffer.from(p.device.ed25519PublicKeyPem)],
      ['document.json', Buffer.from(p.document.signedForm, 'utf8')],
      ...trust(r.seq).map((f): [string, Uint8Array] => [f.name, f.bytes]),
    ];
    for (const [name, bytes] of files) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileAtomic(join(dir, name), bytes);
    }
    return files.map(([n]) => n);
  }

  forDocument(documentId: string): SealInfo | null {
    const r = this.rowFor(documentId);
    return r ? toInfo(r) : null;
  }

  /** The document's seal as stored, or undefined when it is not sealed. */
  rowFor(documentId: string): SealRow | undefined {
    return this.d.db.prepare(`SELECT * FROM seals WHERE document_id = ?`).get(documentId) as SealRow | undefined;
  }

  /** The seal with this sequence number, or undefined. */
  row(seq: number): SealRow | undefined {
    return this.d.db.prepare(`SELECT * FROM seals WHERE seq = ?`).get(seq) as SealRow | undefined;
  }

  /** The SHA-256 of every evidence file any seal names (their bytes are never orphans: core/evidence/). */
  evidenceSha256s(): string[] {
    return (
      this.d.db
        .prepare(
          `SELECT DISTINCT json_extract(e.value, '$.sha256') AS sha256 FROM seals, json_each(seals.payload, '$.evidence') AS e`,
        )
        .all() as { sha256: string }[]
    ).map((r) => r.sha256);
  }

  rows(): SealRow[] {
    return this.d.db.prepare(`SELECT * FROM seals ORDER BY seq`).all() as SealRow[];
  }

  /** The latest HQ-signed time this device has seen (sync feature); null until then. */
  private latestHqTime(): string | null {
    return this.d.settings.hqTimeSeen();
  }
}

function toInfo(r: SealRow): SealInfo {
  const p = JSON.parse(r.payload) as SealPayload;
  return {
    seq: r.seq,
    documentId: r.document_id,
    hashSha256: r.hash_sha256,
    hashSm3: r.hash_sm3,
    prevHash: r.prev_hash,
    sealedAt: r.sealed_at,
    deviceId: p.device.id,
    sm2Signature: r.sm2_signature,
    ed25519Signature: r.ed25519_signature,
    officers: p.officers.map((o) => ({ name: o.name, certNo: o.certNo })),
    notBefore: p.time.notBefore,
  };
}
