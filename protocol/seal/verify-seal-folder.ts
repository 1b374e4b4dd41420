// Verifying a seal folder 封存-编号/ (SealStore.exportFiles; docs/SEAL-FORMAT.md, "Checking a seal
// by hand"): the six files of one seal — its text, both signatures, both public keys, the
// document's signed form — checked as in a bundle. A folder holds no signature records, images,
// evidence or audit log, so the report says what it could not check and points to the bundle.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyTrust, type ExpectedRoot } from '../trust/verify-trust.ts';
import type { Check, VerifyReport } from './verify-report.ts';
import { checkDocumentFile, checkSealText, deviceKeysFromPem } from './verify-seal-parts.ts';

export const SEAL_FOLDER_FILES = [
  'seal.json',
  'seal.sm2.der',
  'seal.ed25519.sig',
  'device-sm2.pem',
  'device-ed25519.pem',
  'document.json',
] as const;

/** A folder is a seal folder when it holds a seal.json. */
export const isSealFolder = (dir: string) => readdirSync(dir).includes('seal.json');

export function verifySealFolder(dir: string, expected: ExpectedRoot | null = null): VerifyReport {
  const checks: Check[] = [];
  const problems: string[] = [];
  const read = (name: string): Buffer | null => {
    try {
      const st = lstatSync(join(dir, name));
      if (!st.isFile()) {
        problems.push(`${name} 不是普通文件（${st.isSymbolicLink() ? '符号链接' : '其他类型'}）`);
        return null;
      }
      return readFileSync(join(dir, name));
    } catch {
      problems.push(`缺少 ${name}`);
      return null;
    }
  };
  const files = Object.fromEntries(SEAL_FOLDER_FILES.map((n) => [n, read(n)])) as Record<
    (typeof SEAL_FOLDER_FILES)[number],
    Buffer | null
  >;
  const { keys, problems: keyProblems } = deviceKeysFromPem(
    files['device-sm2.pem']?.toString('utf8') ?? null,
    files['device-ed25519.pem']?.toString('utf8') ?? null,
  );
  problems.push(...keyProblems.filter((p) => !p.startsWith('缺少')));
  const r = checkSealText(
    files['seal.json']?.toString('utf8') ?? null,
    files['seal.sm2.der'],
    files['seal.ed25519.sig'],
    keys,
    null,
  );
  problems.push(...r.problems);
  if (r.payload) problems.push(...checkDocumentFile(r.payload, files['document.json']));
  const p = r.payload;
  checks.push({
    id: 'seal-folder',
    what: `封存${p ? `${p.device.seq}：${p.document.docNo}` : '文件夹'}`,
    ok: problems.length === 0,
    detail: problems.length
      ? [...new Set(problems)].join('；')
      : `SHA-256 ${r.hash!.sha256}，SM3 ${r.hash!.sm3}；签名（SM2、Ed25519）有效；文书原文与封存一致`,
  });
  // trust/: HQ's root keys, the device certificate, status and this seal's receipt, as in a bundle.
  const trustNames: string[] = [];
  const walk = (rel: string) => {
    let entries: string[];
    try {
      entries = readdirSync(join(dir, rel));
    } catch {
      return; // no trust/ folder: verifyTrust reports the missing certificate
    }
    for (const n of entries) {
      const st = lstatSync(join(dir, rel, n));
      if (st.isDirectory()) walk(`${rel}/${n}`);
      else trustNames.push(`${rel}/${n}`);
    }
  };
  walk('trust');
  const trustProblems: string[] = [];
  const t = verifyTrust({
    read: (name) => {
      try {
        const st = lstatSync(join(dir, name));
        if (!st.isFile()) {
          trustProblems.push(`${name} 不是普通文件`);
          return null;
        }
        return readFileSync(join(dir, name));
      } catch {
        return null;
      }
    },
    names: trustNames,
    deviceId: p?.device.id ?? '',
    keys,
    seals: p && r.hash ? [{ seq: p.device.seq, sealedAt: p.time.sealedAt, ...r.hash }] : [],
    expected,
  });
  for (const n of trustNames)
    if (
      !/^trust\/(hq-root\.json|(device-cert|status|receipts\/[1-9][0-9]{0,8})\.(json|sm2\.der|ed25519\.sig))$/.test(n)
    )
      trustProblems.push(`文件 ${n} 不属于封存文件夹的格式`);
  const trustCheck = trustProblems.length
    ? { ...t.check, ok: false, detail: [...trustProblems, ...(t.check.ok ? [] : [t.check.detail])].join('；') }
    : t.check;
  const others = readdirSync(dir).filter((n) => n !== 'trust' && !(SEAL_FOLDER_FILES as readonly string[]).includes(n));
  if (others.length)
    checks.push({
      id: 'extra',
      what: '其他文件（提示）',
      ok: true,
      detail: `文件夹中另有 ${others.join('、')}，未核验`,
    });
  checks.push({
    id: 'scope',
    what: '核验范围（提示）',
    ok: true,
    detail:
      '封存文件夹只含封存本身和文书原文：签名记录、签名图像与笔迹、电子数据、封存链和审计日志须核验封存包（npm run verify -- 封存包.tar）',
  });
  checks.push(trustCheck);
  const ok = checks.every((c) => c.ok);
  return { ok, checks, anchor: { ...t.anchor, anchored: ok && t.anchor.anchored } };
}
