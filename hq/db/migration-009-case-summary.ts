// '009_case_summary': what the staff 案件 list sorts and filters by, kept on the case itself —
// how many documents HQ holds of it, and when the first and the last of them were sealed. Before,
// 「文书最多」 counted every case's documents to sort (3.1 s at 100,000 cases / 1,000,000 seals on
// PostgreSQL, bench/hq-cases-search.ts) and a wide 封存日期 range semi-joined a million document
// rows to count its cases. Ingest keeps the three in the seal's own transaction (hq/ingest/
// seal-rows.ts: one upsert of the case); here they are filled for the cases already held, from
// their documents. Plain columns and indexes (standard SQL, as migrations.ts says).
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The columns '009_case_summary' adds, with the indexes over them (dropped in this order to undo it: tests). */
export const CASE_SUMMARY = {
  columns: ['document_count', 'first_sealed_at', 'last_sealed_at'],
  indexes: ['cases_document_count'],
} as const;

export function hq009CaseSummary(engine: 'sqlite' | 'postgres'): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const s = db.schema;
      await s
        .alterTable('cases')
        .addColumn('document_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // ISO 8601 UTC text like documents.sealed_at; null only for a case with no document (none at HQ).
      await s.alterTable('cases').addColumn('first_sealed_at', 'text').execute();
      await s.alterTable('cases').addColumn('last_sealed_at', 'text').execute();
      // One statement, three correlated aggregates over the documents_case_sealed index (007).
      await sql`UPDATE cases SET
          document_count = (SELECT count(*) FROM documents d WHERE d.case_id = cases.id),
          first_sealed_at = (SELECT min(d.sealed_at) FROM documents d WHERE d.case_id = cases.id),
          last_sealed_at = (SELECT max(d.sealed_at) FROM documents d WHERE d.case_id = cases.id)`.execute(db);
      // 「文书最多」: the first rows of this index walked backwards are the page (ties by id, the
      // device in it so the scope is checked without the table), as for the other sorts.
      await s.createIndex('cases_document_count').on('cases').columns(['document_count', 'id', 'device_id']).execute();
      // No index on the sealing times: the 封存日期 filter reads them off each case in scope (a scan
      // of 100,000 short rows, the device list hashed). With (first_sealed_at, device_id) and
      // (last_sealed_at, device_id) PostgreSQL chose a BitmapOr whose index conditions test the
      // device list row by row: 1.1 s for a month across the province, against ~0.1 s without.
      if (engine === 'postgres') await sql`ANALYZE cases`.execute(db);
    },
  };
}
