// A verification report: named checks, each passed or failed with its detail in Chinese. Made by
// every verifier (a data folder, a bundle, HQ's import) and printed the same way.
import { notAnchoredSentence, type AnchorInfo } from '../../shared/trust/anchor-sentence.ts';
export interface Check {
  /** A stable name for the check (a bundle's: tar, manifest, members, seal:N, chain, audit-cross, audit, trust, not-included), the same in every verifier. */
  id?: string;
  what: string;
  ok: boolean;
  detail: string;
}

export interface VerifyReport {
  ok: boolean;
  checks: Check[];
  /**
   * For a bundle or seal folder: the root of its trust chain (protocol/trust/verify-trust.ts) and
   * whether it is the root the verifier was told to trust. Without it, passing every check proves
   * only that whoever holds the keys made it — never 全部通过.
   */
  anchor?: AnchorInfo;
}

/** Exit codes of npm run verify (and tools/verify-py): documented in --help, README.md and docs/SEAL-FORMAT.md. */
export const EXIT = { passed: 0, failed: 1, notVerified: 2, notAnchored: 3 } as const;

export function exitCode(r: VerifyReport): number {
  if (!r.ok) return EXIT.failed;
  return r.anchor && !r.anchor.anchored ? EXIT.notAnchored : EXIT.passed;
}

export function formatReport(r: VerifyReport): string {
  const conclusion = !r.ok
    ? `核验结论：${r.checks.filter((c) => !c.ok).length}项不通过。`
    : r.anchor && !r.anchor.anchored
      ? `核验结论：${notAnchoredSentence(r.anchor)}`
      : r.anchor
        ? `核验结论：全部通过。签名密钥由总部根密钥（指纹 ${r.anchor.fingerprint}）证明。`
        : '核验结论：全部通过。';
  return [
    ...r.checks.map((c) => `${c.ok ? '通过' : '不通过'}  ${c.what}${c.detail ? `：${c.detail}` : ''}`),
    '',
    conclusion,
  ].join('\n');
}
