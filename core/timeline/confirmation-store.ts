// Warnings of the case timeline that both officers confirmed with their passwords (a witness on the
// party's side, one identity number for two names): who vouched for what, when and why. Rows are
// append-only in the database (migration 015).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ConfirmableRule } from '../../shared/timeline/timeline-api.ts';

export interface Confirmation {
  documentId: string;
  rule: ConfirmableRule;
  subject: string;
  note: string;
  officerIds: string[];
  at: string;
}

export class ConfirmationStore {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  forCase(caseId: string): Confirmation[] {
    return (
      this.db
        .prepare(
          `SELECT document_id, rule, subject, note, officer_ids, confirmed_at FROM timeline_confirmations WHERE case_id = ? ORDER BY id`,
        )
        .all(caseId) as {
        document_id: string | null;
        rule: ConfirmableRule;
        subject: string;
        note: string;
        officer_ids: string;
        confirmed_at: string;
      }[]
    ).map((r) => ({
      documentId: r.document_id ?? '',
      rule: r.rule,
      subject: r.subject,
      note: r.note,
      officerIds: JSON.parse(r.officer_ids) as string[],
      at: r.confirmed_at,
    }));
  }

  /** Inside the confirming action's transaction (with its audit row). */
  add(
    c: { caseId: string; documentId: string; rule: ConfirmableRule; subject: string; message: string; note: string },
    officerIds: string[],
    at: string,
  ): void {
    this.db
      .prepare(
        `INSERT INTO timeline_confirmations (case_id, document_id, rule, subject, message, note, officer_ids, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.caseId, c.documentId || null, c.rule, c.subject, c.message, c.note, JSON.stringify(officerIds), at);
  }
}
