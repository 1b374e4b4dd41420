// Verifying a sealed bundle (a tar file) on its own: every file against the manifest, the seals'
// chain links, hashes and SM2 + Ed25519 signatures, each document's signed form, each signature's
// binding, image and strokes, each evidence file (SHA-256 and SM3 recomputed), the audit chain,
// and the seals against the audit log's 'seal' rows (a seal left out is named, one added fails).
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { verifyAuditChain, type AuditRow } from '../seal/audit-chain.ts';
import { ed25519Verify } from '../crypto/ed25519.ts';
import { sm2PublicKeyFromPem, sm2Verify } from '../crypto/sm2.ts';
import { DualDigest } from '../crypto/dual-digest.ts';
import { dualHash } from '../seal/document-hash.ts';
import { binding, sha256Hex, type BoundFields } from '../seal/signature-binding.ts';
import type { SealPayload } from '../seal/seal-payload.ts';
import type { Check, VerifyReport } from '../seal/verify-report.ts';
import { BUNDLE_FORMAT } from './bundle-format.ts';
import { entryChunks, listTar, readEntry, type TarEntry } from './tar.ts';

export async function verifyBundle(path: string): Promise<VerifyReport> {
  const checks: Check[] = [];
  const add = (what: string, problems: string[], okDetail = '') =>
    checks.push({ what, ok: problems.length === 0, detail: problems.length ? problems.join('；') : okDetail });
  let entries: TarEntry[];
  try {
    entries = listTar(path);
  } catch (e) {
    return { ok: false, checks: [{ what: '封存包', ok: false, detail: e instanceof Error ? e.message : '无法读取' }] };
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const read = (name: string) => {
    const e = byName.get(name);
    return e ? readEntry(path, e) : null;
  };
  const manifestBytes = read('manifest.json');
  if (!manifestBytes)
    return { ok: false, checks: [{ what: '封存包', ok: false, detail: '缺少 manifest.json，不是本程序导出的封存包' }] };
  const parsed = (() => {
    try {
      return JSON.parse(manifestBytes.toString('utf8')) as unknown;
    } catch {
      return null;
    }
  })();
  if (!parsed || typeof parsed !== 'object')
    return {
      ok: false,
      checks: [{ what: '封存包', ok: false, detail: 'manifest.json 不是有效的JSON，不是本程序导出的封存包或已损坏' }],
    };
  const manifest = parsed as {
    format: string;
    requested?: string[];
    seals: { seq: number; documentId: string; sha256: string }[];
    files: { path: string; sha256: string; size: number }[];
  };
  if (manifest.format !== BUNDLE_FORMAT)
    return {
      ok: false,
      checks: [{ what: '封存包', ok: false, detail: `格式 ${manifest.format} 不是 ${BUNDLE_FORMAT}` }],
    };

  // 1. Every file as the manifest lists it (evidence files are re-hashed below, streaming).
  const fileProblems: string[] = [];
  for (const f of manifest.files) {
    const e = byName.get(f.path);
    if (!e) fileProblems.push(`缺少文件 ${f.path}`);
    else if (e.size !== f.size) fileProblems.push(`文件 ${f.path} 的大小与清单不符`);
    else if (!f.path.startsWith('evidence/') && sha256Hex(readEntry(path, e)) !== f.sha256)
      fileProblems.push(`文件 ${f.path} 的内容与清单不符`);
  }
  add('封存包文件清单', fileProblems, `${manifest.files.length}个文件与清单一致`);

  const sm2Pem = read('device-sm2.pem')?.toString('utf8') ?? '';
  const edPem = read('device-ed25519.pem')?.toString('utf8') ?? '';
  const sm2Key = sm2Pem ? sm2PublicKeyFromPem(sm2Pem) : '';

  // The seals the audit log says were made: its 'seal' rows (core/seals/seal-store.ts).
  let audit: AuditRow[] = [];
  try {
    audit = JSON.parse(read('audit.json')?.toString('utf8') ?? '[]') as AuditRow[];
  } catch {
    add('审计日志', ['audit.json 不是有效的JSON']);
  }
  const sealRows = new Map<number, { documentId: string; sha256: string }>();
  for (const r of audit) {
    const m = r.action === 'seal' ? /^seq (\d+)$/.exec(r.detail) : null;
    const targets = m ? (JSON.parse(r.targets) as string[]) : [];
    if (m) sealRows.set(Number(m[1]), { documentId: targets[0] ?? '', sha256: targets[1] ?? '' });
  }

  // 2. Seals: hashes, signatures, links between consecutive ones.
  const seqs = manifest.seals.map((s) => s.seq).sort((a, b) => a - b);
  const payloads = new Map<number, SealPayload>();
  const chain: string[] = [];
  for (const seq of seqs) {
    const text = read(`seals/${seq}/seal.json`)?.toString('utf8');
    const problems: string[] = [];
    if (!text) {
      add(`封存${seq}`, ['封存内容缺失']);
      continue;
    }
    const p = JSON.parse(text) as SealPayload;
    payloads.set(seq, p);
    if (canonicalJson(p) !== text) problems.push('封存内容不是规范化JSON');
    const h = dualHash(text);
    if (h.sha256 !== manifest.seals.find((s) => s.seq === seq)!.sha256) problems.push('封存校验值与清单不符');
    if (p.device.sm2PublicKey !== sm2Key || p.device.ed25519PublicKeyPem !== edPem)
      problems.push('封存中的设备公钥与包中的公钥不符');
    const bytes = new TextEncoder().encode(text);
    if (!sm2Verify(bytes, read(`seals/${seq}/seal.sm2.der`)?.toString('hex') ?? '', p.device.sm2PublicKey))
      problems.push('SM2签名无效');
    if (
      !ed25519Verify(bytes, read(`seals/${seq}/seal.ed25519.sig`)?.toString('hex') ?? '', p.device.ed25519PublicKeyPem)
    )
      problems.push('Ed25519签名无效');
    const prev = payloads.get(seq - 1);
    if (prev && p.device.prev !== dualHash(canonicalJson(prev)).sha256) chain.push(`封存${seq}与封存${seq - 1}不衔接`);
    // Across a gap (a seal not exported), the link is checked against the hash the audit log
    // recorded for the missing seal.
    const logged = sealRows.get(seq - 1);
    if (!prev && seq > 1 && (!logged || p.device.prev !== logged.sha256))
      chain.push(`封存${seq}的前一封存（${seq - 1}）不在包中，且与审计日志记载的封存${seq - 1}校验值不衔接`);
    // The document's signed form.
    const doc = read(`seals/${seq}/document.json`);
    if (
      !doc ||
      dualHash(doc.toString('utf8')).sha256 !== p.document.sha256 ||
      dualHash(doc.toString('utf8')).sm3 !== p.document.sm3
    )
      problems.push(`文书 ${p.document.docNo} 的内容与封存时的校验值不符`);
    // Signatures.
    for (const s of p.signatures) {
      const rec = read(`signatures/${s.id}.json`);
      if (!rec) {
        problems.push(`签名记录 ${s.role}${s.signerName} 缺失`);
        continue;
      }
      const f = JSON.parse(rec.toString('utf8')) as BoundFields & { bindingSha256: string; bindingSm3: string };
      const { bindingSha256, bindingSm3, ...fields } = f;
      const b = binding(fields);
      if (b.sha256 !== bindingSha256 || b.sm3 !== bindingSm3 || bindingSha256 !== s.bindingSha256)
        problems.push(`签名 ${s.role}${s.signerName}（${s.slotId}）的记录被改动`);
      if (f.docSha256 !== p.document.sha256) problems.push(`签名 ${s.role}${s.signerName} 不是对本文书的签名`);
      if (f.status === 'signed') {
        if (sha256Hex(read(`signatures/${s.id}.png`) ?? Buffer.alloc(0)) !== f.imageSha256)
          problems.push(`签名 ${s.role}${s.signerName} 的图像被改动`);
        if (sha256Hex(read(`signatures/${s.id}.strokes.json`) ?? Buffer.alloc(0)) !== f.strokesSha256)
          problems.push(`签名 ${s.role}${s.signerName} 的笔迹数据被改动`);
      }
    }
    // Evidence, both digests recomputed.
    for (const e of p.evidence) {
      const entry = byName.get(`evidence/${e.sha256}`);
      if (!entry) {
        problems.push(`电子数据「${e.fileName}」缺失`);
        continue;
      }
      const d = new DualDigest();
      try {
        for (const c of entryChunks(path, entry)) await d.update(c);
        const r = await d.digest();
        if (r.sha256 !== e.sha256 || r.sm3 !== e.sm3 || entry.size !== e.sizeBytes)
          problems.push(`电子数据「${e.fileName}」的内容与封存时的校验值不符`);
      } finally {
        await d.close();
      }
    }
    add(
      `封存${seq}：${p.document.docNo}`,
      problems,
      `签名（SM2、Ed25519）有效；文书、${p.signatures.length}个签名、${p.evidence.length}件电子数据与封存时一致`,
    );
  }
  add('封存链', chain, `封存序号 ${seqs.join('、')}，逐一衔接`);

  // 3. The seals against the audit log: every bundled seal is one it records; every seal it
  // records is in the bundle or named as not included. Leaving a seal out is a choice at export
  // (a notice); leaving out one the manifest says was requested is a failure.
  const cross: string[] = [];
  for (const seq of seqs) {
    const row = sealRows.get(seq);
    const m = manifest.seals.find((s) => s.seq === seq)!;
    if (!row) cross.push(`封存${seq}不在审计日志中`);
    else if (row.sha256 !== m.sha256 || row.documentId !== m.documentId)
      cross.push(`封存${seq}与审计日志记载的校验值或文书不符`);
  }
  const bundled = new Set(seqs);
  for (const id of manifest.requested ?? [])
    if (!manifest.seals.some((s) => s.documentId === id)) cross.push(`清单所列导出的文书 ${id} 的封存不在包中`);
  const notIncluded = [...sealRows.entries()].filter(([seq]) => !bundled.has(seq)).sort(([a], [b]) => a - b);
  add('封存与审计日志对照', cross, `包中${seqs.length}份封存均有审计日志记载`);
  if (notIncluded.length) {
    const inRange = notIncluded.filter(([seq]) => seq > seqs[0]! && seq < seqs[seqs.length - 1]!).map(([seq]) => seq);
    checks.push({
      what: '未包含的封存（提示）',
      ok: true,
      detail: `审计日志记载本机另有${notIncluded.length}份封存未包含在本包中（导出时未选择）：封存${notIncluded.map(([seq]) => seq).join('、')}${inRange.length ? `；其中封存${inRange.join('、')}位于包内封存之间` : ''}`,
    });
  }

  // 4. The audit log.
  const auditProblems = verifyAuditChain(audit);
  for (const p of payloads.values())
    if (p.auditHead.seq > 0 && audit[p.auditHead.seq - 1]?.hash !== p.auditHead.hash)
      auditProblems.push(`封存${p.device.seq}记录的审计日志位置与包中的日志不符`);
  add('审计日志链', auditProblems, `共${audit.length}条，逐条衔接`);
  return { ok: checks.every((c) => c.ok), checks };
}
