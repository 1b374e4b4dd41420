import type { Database } from 'better-sqlite3-multiple-ciphers';

export const DEFAULT_CASE_PREFIX = '网信案';

/**
 * The next case number of the year, e.g. 网信案〔2026〕0007号. Must be called inside the
 * transaction that inserts the case, so numbers are never skipped or reused. The prefix is a
 * setting (HQ assigns each device its own prefix at enrollment).
 */
export function nextCaseNumber(db: Database, year: number): string {
  const prefix = (db.prepare(`SELECT value FROM settings WHERE key = 'case_no_prefix'`).get() as { value: string } | undefined)?.value ?? DEFAULT_CASE_PREFIX;
  const counter = `case_no:${year}`;
  const row = db
    .prepare(`INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`)
    .get(counter) as { value: number };
  return `${prefix}〔${year}〕${String(row.value).padStart(4, '0')}号`;
}
