// '008_deadlines': the open deadlines each device reports with its sync (protocol/sync/
// deadlines-report.ts; hq/deadlines/deadline-store.ts), for 总览's overdue and near-due list.
// A device's report replaces its previous one whole, so `device_deadlines` is a current snapshot,
// not a record (rows are deleted and inserted); `deadline_reports` says when each device last
// reported — a device that never did (an older version) has no row, and nothing is shown for it.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** `engine` as in migrations.ts (not imported from there: it imports this). */
export function hq008Deadlines(engine: 'sqlite' | 'postgres'): Migration {
  const strict = engine === 'sqlite' ? sql`strict` : sql``;
  return {
    async up(db: Kysely<unknown>) {
      const s = db.schema;
      await s
        .createTable('deadline_reports')
        .addColumn('device_id', 'text', (c) => c.primaryKey().references('devices.device_id'))
        .addColumn('reported_at', 'text', (c) => c.notNull())
        /** The device's own day (China) its statuses were computed for. */
        .addColumn('device_today', 'text', (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await s
        .createTable('device_deadlines')
        .addColumn('device_id', 'text', (c) => c.notNull().references('devices.device_id'))
        .addColumn('n', 'integer', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('case_no', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text')
        .addColumn('earliest', 'text')
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('overdue', 'due', 'uncertain')`))
        .addColumn('document_id', 'text')
        .addColumn('doc_no', 'text')
        .addPrimaryKeyConstraint('device_deadlines_pk', ['device_id', 'n'])
        .modifyEnd(strict)
        .execute();
      await s.createIndex('device_deadlines_due').on('device_deadlines').column('due_date').execute();
    },
  };
}
