// The evidence files that travel with a seal folder — a 证据包's 电子数据/ beside its 文书/ folders
// (hq/export/evidence-export.ts), or a folder named with `npm run verify -- FOLDER --evidence DIR`
// — checked against the seal: each file is named by the SHA-256 the signed seal.json lists, and
// must have that SHA-256, that SM3 and that size. Only once the seal itself has passed (its
// signatures make the list trustworthy). Before, a court checking a 证据包 folder with the
// verifier was told to run `sha256sum -c SHA256SUMS` for the evidence: a list nobody signed, and no
// SM3. Files are read in 1 MiB pieces (SHA-256 here, SM3 on a worker: protocol/crypto/dual-digest.ts),
// so a file of any size is checked in flat memory.
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { digestFile } from '../crypto/dual-digest.ts';
import type { SealPayload } from './seal-payload.ts';
import type { Check, VerifyReport } from './verify-report.ts';
import { verifySealFolder } from './verify-seal-folder.ts';
import type { ExpectedRoot } from '../trust/verify-trust.ts';
import { readFileSync } from 'node:fs';

/** The check of the evidence a seal lists against the files in `dir`; null when it lists none. */
export async function checkEvidenceBeside(p: SealPayload, dir: string): Promise<Check | null> {
  if (!p.evidence.length) return null;
  const matched: string[] = [];
  const absent: string[] = [];
  const problems: string[] = [];
  for (const e of p.evidence) {
    const path = join(dir, e.sha256);
    const name = `电子数据「${e.fileName}」（${e.sha256.slice(0, 16)}…）`;
    let st;
    try {
      st = await lstat(path);
    } catch {
      absent.push(`「${e.fileName}」`);
      continue;
    }
    if (!st.isFile()) {
      problems.push(`${name}不是普通文件（${st.isSymbolicLink() ? '符号链接' : '其他类型'}）`);
      continue;
    }
    const got = await digestFile(path);
    const wrong = [
      got.sha256 !== e.sha256 ? `SHA-256 为 ${got.sha256}` : '',
      got.sm3 !== e.sm3 ? `SM3 为 ${got.sm3}` : '',
      got.size !== e.sizeBytes ? `大小为 ${got.size} 字节（封存为 ${e.sizeBytes}）` : '',
    ].filter(Boolean);
    if (wrong.length) problems.push(`${name}与封存不符：${wrong.join('，')}`);
    else matched.push(`「${e.fileName}」`);
  }
  const notIncluded = absent.length
    ? `${absent.length}件未随附：${absent.join('、')}（其校验值已由封存签名；核验封存包可一并核验）`
    : '';
  return {
    id: 'evidence-beside',
    what: '随附的电子数据',
    ok: problems.length === 0,
    detail: problems.length
      ? [...problems, notIncluded].filter(Boolean).join('；')
      : [
          matched.length ? `${matched.length}件与封存一致（SHA-256、SM3、大小）：${matched.join('、')}` : '',
          notIncluded,
        ]
          .filter(Boolean)
          .join('；') + `（文件夹 ${dir}）`,
  };
}

/**
 * A seal folder's report (verifySealFolder) with the evidence in `evidenceDir` checked as well,
 * when the seal passed and lists any; the scope note then says so.
 */
export async function verifySealFolderWithEvidence(
  dir: string,
  expected: ExpectedRoot | null,
  evidenceDir: string,
): Promise<VerifyReport> {
  const report = verifySealFolder(dir, expected);
  const seal = report.checks.find((c) => c.id === 'seal-folder');
  if (!seal?.ok) return report;
  const payload = JSON.parse(readFileSync(join(dir, 'seal.json'), 'utf8')) as SealPayload;
  const check = await checkEvidenceBeside(payload, evidenceDir);
  if (!check) return report;
  const checks = report.checks.flatMap((c): Check[] =>
    c.id === 'scope'
      ? [
          check,
          {
            ...c,
            detail:
              '封存文件夹只含封存本身和文书原文，随附的电子数据已按封存核验（见上）：签名记录、签名图像与笔迹、封存链和审计日志须核验封存包（npm run verify -- 封存包.tar）',
          },
        ]
      : [c],
  );
  const ok = checks.every((c) => c.ok);
  return {
    ok,
    checks,
    ...(report.anchor ? { anchor: { ...report.anchor, anchored: ok && report.anchor.anchored } } : {}),
  };
}
