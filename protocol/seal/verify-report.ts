// A verification report: named checks, each passed or failed with its detail in Chinese. Made by
// every verifier (a data folder, a bundle, HQ's import) and printed the same way.
export interface Check {
  /** A stable name for the check (a bundle's: tar, manifest, members, seal:N, chain, audit-cross, audit, keys, not-included), the same in every verifier. */
  id?: string;
  what: string;
  ok: boolean;
  detail: string;
}

export interface VerifyReport {
  ok: boolean;
  checks: Check[];
}

export function formatReport(r: VerifyReport): string {
  return [
    ...r.checks.map((c) => `${c.ok ? '通过' : '不通过'}  ${c.what}${c.detail ? `：${c.detail}` : ''}`),
    '',
    r.ok ? '核验结论：全部通过。' : `核验结论：${r.checks.filter((c) => !c.ok).length}项不通过。`,
  ].join('\n');
}
