import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SettingsStore } from '../settings/settings-store.ts';

export const DEFAULT_CASE_PREFIX = '网信案';

/**
 * Case and document numbers from the yearly counters (the counters table is written here only).
 * Must be called inside the transaction that inserts the case or document, so numbers are never
 * skipped or reused. The prefix is a setting (HQ assigns each device its own prefix at enrollment).
 */
export class CaseNumbers {
  private readonly db: Database;
  private readonly settings: Pick<SettingsStore, 'caseNoPrefix'>;
  constructor(db: Database, settings: Pick<SettingsStore, 'caseNoPrefix'>) {
    this.db = db;
    this.settings = settings;
  }

  /** The next case number of the year, e.g. 网信案〔2026〕0007号. */
  nextCaseNumber(year: number): string {
    return this.numbered(`case_no:${year}`, '', year);
  }

  /**
   * 文书编号: the case's prefix, the document's mark and its own yearly sequence, e.g.
   * 网信案询〔2026〕0003号. The prefix is taken from the case number, so that a case opened before the
   * device was enrolled (and given HQ's prefix) keeps one prefix for all its documents; the sequence
   * is per mark and year whatever the prefix, so numbers never repeat.
   */
  nextDocumentNumber(year: number, mark: string, caseNo: string): string {
    return this.numbered(`doc_no:${mark}:${year}`, mark, year, /^(.+?)〔/.exec(caseNo)?.[1]);
  }

  private numbered(counter: string, mark: string, year: number, prefixOverride?: string): string {
    const prefix = prefixOverride ?? this.settings.caseNoPrefix() ?? DEFAULT_CASE_PREFIX;
    const row = this.db
      .prepare(
        `INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
      )
      .get(counter) as { value: number };
    return `${prefix}${mark}〔${year}〕${String(row.value).padStart(4, '0')}号`;
  }
}
