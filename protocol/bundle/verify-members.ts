// Every member of a bundle accounted for (docs/SEAL-FORMAT.md, "Members"): each file the manifest
// lists is present with its size and SHA-256; each member is listed (the manifest and its two
// signatures excepted); and each is vouched for — by a seal in the bundle (its own files, a
// signature it lists, an evidence file it names), or by the manifest's signature (the device's
// keys, the audit log, print input for a bundled seal, the cases' summaries, trust/). A file that
// belongs to nothing, or a kind of file the format does not have, fails, naming it.
import type { SealPayload } from '../seal/seal-payload.ts';
import type { BundleIndex } from './bundle-index.ts';
import { classify, type Manifest } from './bundle-format.ts';

export function checkMembers(index: BundleIndex, manifest: Manifest, payloads: Map<number, SealPayload>): string[] {
  const problems: string[] = [];
  const listed = new Map<string, { sha256: string; size: number }>();
  for (const f of manifest.files) {
    if (listed.has(f.path)) problems.push(`清单重复列出文件 ${f.path}`);
    else if (classify(f.path).kind === 'manifest') problems.push(`清单不应列出 ${f.path}`);
    listed.set(f.path, f);
  }
  for (const [path, f] of listed) {
    const m = index.members.get(path);
    if (!m) problems.push(`缺少文件 ${path}`);
    else if (m.size !== f.size) problems.push(`文件 ${path} 的大小与清单不符`);
    else if (m.sha256 !== f.sha256) problems.push(`文件 ${path} 的内容与清单不符`);
  }

  const seqs = new Set(manifest.seals.map((s) => s.seq));
  const signatureIds = new Set<string>();
  const evidence = new Set<string>();
  for (const p of payloads.values()) {
    for (const s of p.signatures) signatureIds.add(s.id);
    for (const e of p.evidence) evidence.add(e.sha256);
  }
  for (const name of [...index.members.keys()].sort()) {
    const c = classify(name);
    if (c.kind === 'manifest') continue;
    if (!listed.has(name)) problems.push(`文件 ${name} 不在清单中`);
    switch (c.kind) {
      case 'seal':
        if (!seqs.has(c.seq)) problems.push(`文件 ${name} 属于清单未列出的封存${c.seq}`);
        break;
      case 'signature':
        if (!signatureIds.has(c.id)) problems.push(`文件 ${name} 不是包中任何封存所列的签名`);
        break;
      case 'evidence':
        if (!evidence.has(c.sha256)) problems.push(`文件 ${name} 不是包中任何封存所列的电子数据`);
        break;
      case 'print':
        if (!seqs.has(c.seq)) problems.push(`文件 ${name} 不对应包中的封存`);
        break;
      case 'trust':
        if (c.receipt !== null && !seqs.has(c.receipt))
          problems.push(`文件 ${name} 是包中没有的封存${c.receipt}的回执`);
        break;
      case 'unknown':
        problems.push(`文件 ${name} 不属于封存包格式（不是规定的任何一类文件）`);
        break;
      default: // device-key, audit, cases, trust/ (also signed by HQ): vouched for by the manifest's signature
        break;
    }
  }
  return problems;
}
