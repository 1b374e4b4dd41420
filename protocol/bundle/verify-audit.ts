// The bundle's seals against each other and against the device's audit log (docs/SEAL-FORMAT.md,
// "The chain" and "The seals against the audit log"): each seal links to the one before it — in
// the bundle, or across a gap through the SHA-256 the log's `seal` row recorded; every bundled
// seal is one the log records, with the same hash and document; every document the export names
// as chosen has its seal in the bundle; the log's own chain holds and each seal's auditHead is in
// it. Seals the log records but the bundle lacks are named (a notice: exporting some is normal).
import { AUDIT_GENESIS, auditHash, type AuditRow } from '../seal/audit-chain.ts';
import { dualHash } from '../seal/document-hash.ts';
import { SEAL_GENESIS, type SealPayload } from '../seal/seal-payload.ts';
import { AuditRowSchema, schemaProblem } from '../seal/seal-schema.ts';
import { isCanonical, parseJson } from '../seal/verify-seal-parts.ts';
import type { Check } from '../seal/verify-report.ts';
import type { BundleIndex } from './bundle-index.ts';
import { AUDIT, type Manifest } from './bundle-format.ts';

export function verifyAgainstAudit(
  index: BundleIndex,
  manifest: Manifest,
  seqs: number[],
  payloads: Map<number, SealPayload>,
  texts: Map<number, string>,
): Check[] {
  const checks: Check[] = [];
  const add = (id: string, what: string, problems: string[], okDetail: string) =>
    checks.push({ id, what, ok: problems.length === 0, detail: problems.length ? problems.join('；') : okDetail });
  const { rows, problems: auditProblems } = readAudit(index);

  // The 'seal' rows: `detail` "seq N", `targets` [document id, seal SHA-256] (core/seals/seal-store.ts).
  const sealRows = new Map<number, { documentId: string; sha256: string }>();
  const cross: string[] = [];
  for (const r of rows) {
    const m = r.action === 'seal' ? /^seq ([1-9][0-9]*)$/.exec(r.detail) : null;
    if (!m) continue;
    const t = parseJson(r.targets);
    const targets = t.ok && Array.isArray(t.value) ? (t.value as unknown[]) : [];
    const seq = Number(m[1]);
    if (sealRows.has(seq)) cross.push(`审计日志中封存${seq}出现不止一次`);
    sealRows.set(seq, { documentId: String(targets[0] ?? ''), sha256: String(targets[1] ?? '') });
  }

  // The chain: each seal's `prev` is the SHA-256 of the seal before it.
  const chain: string[] = [];
  for (const seq of seqs) {
    const p = payloads.get(seq);
    if (!p) continue;
    if (seq === 1) {
      if (p.device.prev !== SEAL_GENESIS) chain.push('封存1的前一封存校验值不是64个0');
    } else if (texts.has(seq - 1)) {
      if (p.device.prev !== dualHash(texts.get(seq - 1)!).sha256) chain.push(`封存${seq}与封存${seq - 1}不衔接`);
    } else if (!seqs.includes(seq - 1)) {
      const logged = sealRows.get(seq - 1);
      if (!logged || p.device.prev !== logged.sha256)
        chain.push(`封存${seq}的前一封存（${seq - 1}）不在包中，且与审计日志记载的封存${seq - 1}校验值不衔接`);
    }
  }
  add('chain', '封存链', chain, `封存序号 ${seqs.join('、')}，逐一衔接`);

  // The seals against the log.
  for (const seq of seqs) {
    const row = sealRows.get(seq);
    const listed = manifest.seals.find((s) => s.seq === seq)!;
    if (!row) cross.push(`封存${seq}不在审计日志中`);
    else if (row.sha256 !== listed.sha256 || row.documentId !== listed.documentId)
      cross.push(`封存${seq}与审计日志记载的校验值或文书不符`);
  }
  for (const id of manifest.requested)
    if (!manifest.seals.some((s) => s.documentId === id)) cross.push(`清单所列导出的文书 ${id} 的封存不在包中`);
  add('audit-cross', '封存与审计日志对照', cross, `包中${seqs.length}份封存均有审计日志记载`);

  // The log's chain, and each seal's place in it.
  for (const p of payloads.values())
    if (p.auditHead.seq > 0 && rows[p.auditHead.seq - 1]?.hash !== p.auditHead.hash)
      auditProblems.push(`封存${p.device.seq}记录的审计日志位置（第${p.auditHead.seq}条）与包中的日志不符`);
  add('audit', '审计日志链', auditProblems, `共${rows.length}条，逐条衔接`);

  const bundled = new Set(seqs);
  const notIncluded = [...sealRows.keys()].filter((seq) => !bundled.has(seq)).sort((a, b) => a - b);
  if (notIncluded.length && seqs.length) {
    const inRange = notIncluded.filter((seq) => seq > seqs[0]! && seq < seqs[seqs.length - 1]!);
    checks.push({
      id: 'not-included',
      what: '未包含的封存（提示）',
      ok: true,
      detail: `审计日志记载本机另有${notIncluded.length}份封存未包含在本包中（导出时未选择）：封存${notIncluded.join('、')}${inRange.length ? `；其中封存${inRange.join('、')}位于包内封存之间` : ''}`,
    });
  }
  return checks;
}

/** audit.json: a canonical JSON array of rows, hash-chained (audit-chain.ts). */
function readAudit(index: BundleIndex): { rows: AuditRow[]; problems: string[] } {
  const text = index.text(AUDIT);
  if (text === null) return { rows: [], problems: ['缺少 audit.json'] };
  const parsed = parseJson(text);
  if (!parsed.ok || !Array.isArray(parsed.value)) return { rows: [], problems: ['audit.json 不是有效的JSON数组'] };
  const rows: AuditRow[] = [];
  const problems: string[] = [];
  for (const [i, v] of (parsed.value as unknown[]).entries()) {
    const r = AuditRowSchema.safeParse(v);
    if (!r.success) return { rows: [], problems: [`审计日志第${i + 1}条不符合格式：${schemaProblem(r.error)}`] };
    rows.push(r.data);
  }
  if (!isCanonical(text, parsed.value)) problems.push('audit.json 不是规范化JSON（RFC 8785）');
  let prev = AUDIT_GENESIS;
  rows.forEach((r, i) => {
    if (r.seq !== i + 1) problems.push(`审计日志第${i + 1}条的序号为${r.seq}（缺失或顺序被改动）`);
    if (r.prev_hash !== prev) problems.push(`审计日志第${r.seq}条与前一条不衔接（前一条被删除、插入或改动）`);
    if (safeHash(r) !== r.hash) problems.push(`审计日志第${r.seq}条内容被改动（${r.action}）`);
    prev = r.hash;
  });
  return { rows, problems };
}

/** The row hash; a row whose officer_ids or targets is not a JSON text cannot have been hashed by the device. */
function safeHash(r: AuditRow): string | null {
  try {
    return auditHash(r);
  } catch {
    return null;
  }
}
