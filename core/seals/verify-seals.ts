// Independent verification of a data folder: the seal chain (continuity, order, each seal's hash,
// SM2 and Ed25519 signatures), each sealed document against its seal (re-hashed from what the
// database holds now), each signature's binding, each evidence item (both digests recomputed from
// the stored bytes), and the audit chain. The report names exactly what fails, in Chinese.
import type { AuditLog } from '../audit/audit-log.ts';
import type { DeviceIdentity } from '../device/device-identity.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import type { EvidenceStore } from '../evidence/evidence-store.ts';
import type { SignatureStore } from '../signatures/signature-store.ts';
import type { ReceiptStore } from '../sync/receipt-store.ts';
import type { ReleasedBlobs } from '../sync/released-blobs.ts';
import type { PdfService } from '../../protocol/print/pdf-service.ts';
import type { SealStore } from './seal-store.ts';
import { verifyAuditChain } from '../../protocol/seal/audit-chain.ts';
import { BlobIntegrityError } from '../../protocol/storage/blob-cipher.ts';
import { describeBlobFailure } from '../evidence/evidence-store.ts';
import { documentHash, dualHash } from '../../protocol/seal/document-hash.ts';
import {
  verifySealRows,
  type ChainDevice,
  type SealRecord,
  type SealRowsCheck,
} from '../../protocol/seal/seal-chain.ts';
import type { Check, VerifyReport } from '../../protocol/seal/verify-report.ts';
import { descriptorOf } from '../../shared/documents/types/registry.ts';

/** What verification reads: every store it checks, read-only. */
export interface VerifyDeps {
  seals: Pick<SealStore, 'rows' | 'forDocument'>;
  device: Pick<DeviceIdentity, 'storedPublic'>;
  documents: Pick<DocumentStore, 'get'>;
  pdf: Pick<PdfService, 'layout'>;
  signatures: Pick<SignatureStore, 'state' | 'verify'>;
  evidence: Pick<EvidenceStore, 'record' | 'digestStored'>;
  receipts: Pick<ReceiptStore, 'hqSeqOf'>;
  released: Pick<ReleasedBlobs, 'all'>;
  audit: Pick<AuditLog, 'rows' | 'hashAt'>;
}

/**
 * `checkRows`: how the chain and each seal's own integrity are checked — on this thread by default
 * (the app); `npm run verify` passes the worker-thread version (protocol/seal/seal-chain-parallel.ts).
 */
export async function verifyCore(
  core: VerifyDeps,
  checkRows: (
    seals: SealRecord[],
    device: ChainDevice | undefined,
  ) => SealRowsCheck | Promise<SealRowsCheck> = verifySealRows,
): Promise<VerifyReport> {
  const checks: Check[] = [];
  const add = (what: string, problems: string[], okDetail = '') =>
    checks.push({ what, ok: problems.length === 0, detail: problems.length ? problems.join('；') : okDetail });
  const seals = core.seals.rows();
  const device = core.device.storedPublic();

  const rowsCheck = await checkRows(seals, device);
  const releasedAt = core.released.all();
  add('封存链连续', rowsCheck.chain, `共${seals.length}个封存，序号连续，逐个衔接`);

  for (const s of seals) {
    const label = `封存${s.seq}`;
    const { problems, payload: p } = rowsCheck.perSeal.get(s.seq)!;
    add(`${label}：签名（SM2、Ed25519）与内容`, problems, `SHA-256 ${s.hash_sha256}`);
    if (!p) continue;

    // The document now, against the seal.
    const docProblems: string[] = [];
    let doc: ReturnType<DocumentStore['get']> | null = null;
    try {
      doc = core.documents.get(p.document.id);
    } catch {
      docProblems.push('文书在本机数据中找不到');
    }
    if (doc) {
      const laid = core.pdf.layout(doc);
      const now = documentHash(doc, laid.text);
      if (now.sha256 !== p.document.sha256 || now.sm3 !== p.document.sm3)
        docProblems.push(`文书内容与封存时不一致（${p.document.docNo}）`);
      if (dualHash(p.document.signedForm).sha256 !== p.document.sha256)
        docProblems.push('封存中的文书原文与其校验值不符');
    }
    add(`${label}：文书 ${p.document.docNo}`, docProblems, `SHA-256 ${p.document.sha256}`);

    // Signatures: the ones sealed are the ones in force, and each binding holds.
    const sigProblems: string[] = [];
    if (doc) {
      const current = core.signatures.state(doc.id).signatures;
      for (const sp of p.signatures) {
        const c = current.find((x) => x.id === sp.id);
        if (!c) sigProblems.push(`签名 ${sp.role}${sp.signerName}（${sp.slotId}）在本机数据中找不到`);
        else if (c.bindingSha256 !== sp.bindingSha256 || c.bindingSm3 !== sp.bindingSm3)
          sigProblems.push(`签名 ${sp.role}${sp.signerName}（${sp.slotId}）的绑定值与封存时不一致`);
      }
      for (const v of core.signatures.verify(doc.id))
        if (v.problems.length) sigProblems.push(`签名 ${v.slot}：${v.problems.join('、')}`);
    }
    add(`${label}：${p.signatures.length}个签名`, sigProblems, '签名图像、笔迹与文书校验值均与签名时一致');

    // Evidence: both digests recomputed from the stored bytes, and the database rows unchanged.
    const evProblems: string[] = [];
    const releasedNote: string[] = [];
    const hqSeq = core.receipts.hqSeqOf(s.seq, s.hash_sha256);
    for (const e of p.evidence) {
      const row = core.evidence.record(e.id);
      if (!row) {
        evProblems.push(`电子数据「${e.fileName}」的记录在本机数据中找不到`);
        continue;
      }
      if (row.sha256 !== e.sha256 || row.sm3 !== e.sm3 || row.sizeBytes !== e.sizeBytes)
        evProblems.push(`电子数据「${e.fileName}」在数据库中的校验值与封存时不一致`);
      const gone = releasedAt.get(e.sha256);
      if (gone) {
        if (hqSeq === undefined) evProblems.push(`电子数据「${e.fileName}」已从本机释放，但本封存没有总部回执`);
        else
          releasedNote.push(
            `「${e.fileName}」已于${gone.releasedAt}在取得总部回执（总部序号${hqSeq}）后从本机释放，由总部保存`,
          );
        continue;
      }
      try {
        const d = await core.evidence.digestStored(e.sha256);
        if (d.sha256 !== e.sha256 || d.sm3 !== e.sm3 || d.size !== e.sizeBytes)
          evProblems.push(`电子数据「${e.fileName}」的内容与封存时的校验值不符（已被改动或损坏）`);
      } catch (err) {
        // Every chunk is authenticated as it is read: a damaged one is named with its bytes.
        if (err instanceof BlobIntegrityError && err.reason !== 'missing')
          evProblems.push(`电子数据${describeBlobFailure(e.fileName, err).replace(/。$/, '')}`);
        else evProblems.push(`电子数据「${e.fileName}」的内容文件缺失`);
      }
    }
    add(
      `${label}：${p.evidence.length}件电子数据`,
      evProblems,
      releasedNote.length
        ? `${releasedNote.join('；')}${releasedNote.length < p.evidence.length ? '；其余的 SHA-256 与 SM3 重新计算，均与封存时一致' : ''}`
        : 'SHA-256 与 SM3 重新计算，均与封存时一致',
    );

    const head = core.audit.hashAt(p.auditHead.seq);
    if (p.auditHead.seq > 0 && head !== p.auditHead.hash)
      add(`${label}：审计日志位置`, ['封存时的审计日志末条与现有日志不符（日志被改动）']);
  }

  const audit = core.audit.rows();
  add('审计日志链', verifyAuditChain(audit), `共${audit.length}条，逐条衔接`);
  return { ok: checks.every((c) => c.ok), checks };
}

/**
 * The report for one document, as a court would look at it: its seal and what it rests on
 * (from the device report), and the checks courts apply — two officers, every signature made or
 * a refusal backed by a witness or recording, the evidence digests, the collection method recorded.
 */
export async function verifyDocument(core: VerifyDeps, documentId: string): Promise<VerifyReport> {
  const seal = core.seals.forDocument(documentId);
  const doc = core.documents.get(documentId);
  const all = await verifyCore(core);
  const label = seal ? `封存${seal.seq}` : null;
  const checks: Check[] = all.checks.filter(
    (c) => c.what === '封存链连续' || c.what === '审计日志链' || (label !== null && c.what.startsWith(`${label}：`)),
  );
  if (!seal) checks.unshift({ what: '封存', ok: false, detail: '该文书尚未封存' });
  const state = core.signatures.state(documentId);
  const officers = new Set(
    state.signatures.flatMap((s) => (s.officerId && s.status === 'signed' ? [s.officerId] : [])),
  );
  checks.push({
    what: '两名执法人员',
    ok: officers.size >= 2,
    detail: officers.size >= 2 ? `${officers.size}名执法人员本人签名（以各自密码确认）` : '执法人员签名不足两人',
  });
  const unsupported = state.signatures.filter(
    (s) => s.status !== 'signed' && !s.witnessSignatureId && !s.recordingEvidenceId,
  );
  checks.push({
    what: '签名齐全（拒签有见证）',
    ok: state.complete && unsupported.length === 0,
    detail: !state.complete
      ? '尚有签名栏未签名'
      : unsupported.length
        ? `拒签无见证人或录像：${unsupported.map((s) => s.role).join('、')}`
        : `${state.signatures.length}处签名或拒签记录，拒签均有见证人签名或同步录像`,
  });
  // What the document's type checks besides (电子取证工作记录: methods and digests recorded).
  checks.push(...(descriptorOf(doc.type).sealChecks?.(doc.content) ?? []));
  return { ok: checks.every((c) => c.ok), checks };
}
