import type { Database } from 'better-sqlite3-multiple-ciphers';

export const DEFAULT_CASE_PREFIX = '网信案';

/**
 * The next case number of the year, e.g. 网信案〔2026〕0007号. Must be called inside the
 * transaction that inserts the case, so numbers are never skipped or reused. The prefix is a
 * setting (HQ assigns each device its own prefix at enrollment).
 */
export function nextCaseNumber(db: Database, year: number): string {
  return numbered(db, `case_no:${year}`, '', year);
}

/** 文书编号: the case prefix, the document's mark and its own yearly sequence, e.g. 网信案询〔2026〕0003号. */
export function nextDocumentNumber(db: Database, year: number, mark: string): string {
  return numbered(db, `doc_no:${mark}:${year}`, mark, year);
}

function numbered(db: Database, counter: string, mark: string, year: number): string {
  const prefix = (db.prepare(`SELECT value FROM settings WHERE key = 'case_no_prefix'`).get() as { value: string } | undefined)?.value ?? DEFAULT_CASE_PREFIX;
  const row = db
    .prepare(`INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`)
    .get(counter) as { value: number };
  return `${prefix}${mark}〔${year}〕${String(row.value).padStart(4, '0')}号`;
}
