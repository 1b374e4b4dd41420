// Verifying a seal folder 封存-编号/ (SealStore.exportFiles; docs/SEAL-FORMAT.md, "Checking a seal
// by hand"): the six files of one seal — its text, both signatures, both public keys, the
// document's signed form — checked as in a bundle. A folder holds no signature records, images,
// evidence or audit log, so the report says what it could not check and points to the bundle.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

export function verifySealFolder(dir: string): VerifyReport {
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
  const others = readdirSync(dir).filter((n) => !(SEAL_FOLDER_FILES as readonly string[]).includes(n));
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
  checks.push({
    id: 'keys',
    what: '设备密钥（提示）',
    ok: true,
    detail: `签名由持有文件夹中公钥的设备作出；请与总部登记的该设备${p ? `（${p.device.id}）` : ''}公钥核对`,
  });
  return { ok: checks.every((c) => c.ok), checks };
}
