// HQ's schema, one migration set for SQLite and PostgreSQL (run by Kysely's Migrator in
// hq/db/hq-database.ts, each migration in a transaction). Only standard SQL and what
// PostgreSQL-compatible databases (openGauss, KingbaseES) share: text, integer/bigint, BYTEA,
// primary/unique/foreign keys, CHECK, plain indexes, and row triggers that raise an error — in
// PostgreSQL a PL/pgSQL trigger function run with EXECUTE PROCEDURE (the spelling openGauss and
// KingbaseES accept too). No identity columns (openGauss has none): the log tables get their ids
// from SERIAL on PostgreSQL and from SQLite's rowid. '005_offices' adds the office tree (省 → 市 →
// 区/县), staff roles per office, the office of each device and enrollment code, and the access log.
import { sql, type Kysely, type ColumnDataType } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { HqTables } from './schema.ts';
import { hq008Deadlines } from './migration-008-deadlines.ts';
import { hq009CaseSummary } from './migration-009-case-summary.ts';

export type Engine = 'sqlite' | 'postgres';

/** Tables HQ never changes once a row is in: enforced by the database itself, not only by HQ's code. */
export const APPEND_ONLY_TABLES = [
  'seals',
  'documents',
  'seal_signatures',
  'seal_evidence',
  'record_owners',
  'blobs',
  'events',
] as const;
/** Append-only since '007_search' (one row per officer a seal names: the staff search's 执法人员 filter). */
export const SEAL_OFFICERS_TABLE = 'seal_officers';
/** Append-only since '005_offices' (tested with the offices: hq/offices/offices.test.ts). */
export const ACCESS_LOG_TABLE = 'access_log';

const FLAG_KINDS = `'conflict', 'gap', 'chain', 'verification', 'revoked', 'ownership'`;
const OWNED_KINDS = `'document', 'case', 'evidence', 'officer', 'signature'`;

function hq001(engine: Engine): Migration {
  const blob: ColumnDataType = engine === 'postgres' ? 'bytea' : 'blob';
  const big: ColumnDataType = engine === 'postgres' ? 'bigint' : 'integer';
  // SQLite's STRICT tables refuse a value of the wrong type, as PostgreSQL does anyway.
  const strict = engine === 'sqlite' ? sql`strict` : sql``;
  const serialId = engine === 'postgres' ? ('serial' as ColumnDataType) : ('integer' as ColumnDataType);

  return {
    async up(db: Kysely<unknown>) {
      const s = db.schema;
      await s
        .createTable('hq_identity')
        .addColumn('singleton', 'integer', (c) => c.primaryKey().check(sql`singleton = 1`))
        .addColumn('hq_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sm2_public', 'text', (c) => c.notNull())
        .addColumn('sm2_private_sealed', 'text', (c) => c.notNull())
        .addColumn('ed25519_public_pem', 'text', (c) => c.notNull())
        .addColumn('ed25519_private_sealed', 'text', (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await s
        .createTable('hq_counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', big, (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await sql`INSERT INTO hq_counters (name, value) VALUES ('hq_seq', 0)`.execute(db);
      await s
        .createTable('admins')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .modifyEnd(strict)
        .execute();
      await s
        .createTable('admin_sessions')
        .addColumn('token_sha256', 'text', (c) => c.primaryKey())
        .addColumn('admin_id', 'text', (c) => c.notNull().references('admins.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await s
        .createTable('enrollment_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('case_prefix', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('device_id', 'text')
        .modifyEnd(strict)
        .execute();
      await s
        .createTable('devices')
        .addColumn('device_id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('agency_name', 'text', (c) => c.notNull())
        .addColumn('sm2_public', 'text', (c) => c.notNull())
        .addColumn('ed25519_public_pem', 'text', (c) => c.notNull())
        .addColumn('case_prefix', 'text', (c) => c.notNull())
        .addColumn('enrolled_at', 'text', (c) => c.notNull())
        .addColumn('code_id', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('revoked_by', 'text')
        .addColumn('revoke_reason', 'text')
        .addColumn('last_seen_at', 'text')
        .addColumn('last_sync_at', 'text')
        .modifyEnd(strict)
        .execute();
      await s
        .createTable('blobs')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('sm3', 'text', (c) => c.notNull())
        .addColumn('size', big, (c) => c.notNull())
        .addColumn('stored_at', 'text', (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await s
        .createTable('seals')
        .addColumn('device_id', 'text', (c) => c.notNull().references('devices.device_id'))
        .addColumn('seq', big, (c) => c.notNull())
        .addColumn('hq_seq', big, (c) => c.notNull().unique())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('hash_sha256', 'text', (c) => c.notNull())
        .addColumn('hash_sm3', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('sm2_signature', 'text', (c) => c.notNull())
        .addColumn('ed25519_signature', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('via', 'text', (c) => c.notNull().check(sql`via IN ('network', 'bundle')`))
        .addColumn('receipt', 'text', (c) => c.notNull())
        .addColumn('receipt_ed25519', 'text', (c) => c.notNull())
        .addColumn('receipt_sm2', 'text', (c) => c.notNull())
        .addColumn('print_input', 'text')
        .addPrimaryKeyConstraint('seals_pk', ['device_id', 'seq'])
        .modifyEnd(strict)
        .execute();
      await s.createIndex('seals_hash').on('seals').column('hash_sha256').execute();
      await s
        .createTable('seal_signatures')
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('seq', big, (c) => c.notNull())
        .addColumn('signature_id', 'text', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .addColumn('image_png', blob)
        .addColumn('strokes', 'text')
        .addPrimaryKeyConstraint('seal_signatures_pk', ['device_id', 'seq', 'signature_id'])
        .addForeignKeyConstraint('seal_signatures_seal', ['device_id', 'seq'], 'seals', ['device_id', 'seq'])
        .modifyEnd(strict)
        .execute();
      await s
        .createTable('seal_evidence')
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('seq', big, (c) => c.notNull())
        .addColumn('evidence_id', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('size', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('seal_evidence_pk', ['device_id', 'seq', 'evidence_id'])
        .addForeignKeyConstraint('seal_evidence_seal', ['device_id', 'seq'], 'seals', ['device_id', 'seq'])
        .modifyEnd(strict)
        .execute();
      // A document id is the device's choice; record_owners says which device owns it, and the row
      // is never replaced (append-only): a second device's seal under the same id is refused.
      await s
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('seq', big, (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('doc_no', 'text', (c) => c.notNull())
        .addColumn('sealed_at', 'text', (c) => c.notNull())
        .addForeignKeyConstraint('documents_seal', ['device_id', 'seq'], 'seals', ['device_id', 'seq'])
        .modifyEnd(strict)
        .execute();
      await s.createIndex('documents_case').on('documents').column('case_id').execute();
      await s.createIndex('documents_seal_idx').on('documents').columns(['device_id', 'seq']).execute();
      // The case summary its owning device last sent (the only row HQ updates, and only for its owner).
      await s
        .createTable('cases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_no', 'text', (c) => c.notNull())
        .addColumn('party_name', 'text', (c) => c.notNull())
        .addColumn('matter_name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull().references('devices.device_id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await s
        .createTable('record_owners')
        .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind IN (${OWNED_KINDS})`)))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull().references('devices.device_id'))
        .addColumn('first_seq', big, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('record_owners_pk', ['kind', 'id'])
        .modifyEnd(strict)
        .execute();
      await s
        .createTable('flags')
        .addColumn('id', serialId, (c) => c.primaryKey())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('seq', big)
        .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind IN (${FLAG_KINDS})`)))
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .modifyEnd(strict)
        .execute();
      await s.createIndex('flags_open').on('flags').columns(['device_id', 'kind', 'resolved_at']).execute();
      await s
        .createTable('reference_data')
        .addColumn('kind', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('ed25519', 'text', (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await s
        .createTable('events')
        .addColumn('id', serialId, (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await appendOnly(db, engine, APPEND_ONLY_TABLES);
    },
  };
}

/** Refuses UPDATE and DELETE on each table (and TRUNCATE on PostgreSQL), inside the database. */
async function appendOnly(
  db: Kysely<unknown>,
  engine: Engine,
  tables: readonly string[],
  createFunction = true,
): Promise<void> {
  if (engine === 'postgres' && createFunction) {
    await sql`CREATE FUNCTION hq_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'HQ table % is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END
$$`.execute(db);
  }
  for (const t of tables) {
    const msg = `HQ table ${t} is append-only`;
    if (engine === 'sqlite') {
      for (const op of ['UPDATE', 'DELETE'])
        await sql
          .raw(
            `CREATE TRIGGER ${t}_no_${op.toLowerCase()} BEFORE ${op} ON ${t} BEGIN SELECT RAISE(ABORT, '${msg} (${op} refused)'); END`,
          )
          .execute(db);
    } else {
      await sql
        .raw(
          `CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE PROCEDURE hq_append_only()`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE PROCEDURE hq_append_only()`,
        )
        .execute(db);
    }
  }
}

/**
 * Offices and roles (docs/HQ.md「单位与角色」). An office's `path` is the ids from the root down to
 * it, each followed by '/': the offices at or below one are those whose path starts with its path —
 * one indexed LIKE 'prefix%' on both engines, no recursive query. A device belongs to the office its
 * enrollment code was issued for; a case belongs to its device's office. The root office and the
 * office of rows made before this migration are filled in by hq/offices/office-store.ts at start
 * (the root takes HQ's name, made after the migrations). The access log records every read of a
 * case's personal data by staff, and is append-only like the event log.
 */
function hq005(engine: Engine): Migration {
  const strict = engine === 'sqlite' ? sql`strict` : sql``;
  const serialId = engine === 'postgres' ? ('serial' as ColumnDataType) : ('integer' as ColumnDataType);
  return {
    async up(db: Kysely<unknown>) {
      const s = db.schema;
      await s
        .createTable('offices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('level', 'text', (c) => c.notNull().check(sql`level IN ('province', 'city', 'district')`))
        .addColumn('parent_id', 'text', (c) => c.references('offices.id'))
        .addColumn('path', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await s
        .createTable('staff_roles')
        .addColumn('admin_id', 'text', (c) => c.notNull().references('admins.id'))
        .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('admin', 'reviewer', 'readonly')`))
        .addColumn('granted_by', 'text', (c) => c.notNull())
        .addColumn('granted_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('staff_roles_pk', ['admin_id', 'office_id'])
        .modifyEnd(strict)
        .execute();
      for (const table of ['devices', 'enrollment_codes', 'events'])
        await s
          .alterTable(table)
          .addColumn('office_id', 'text', (c) => c.references('offices.id'))
          .execute();
      await s.createIndex('devices_office').on('devices').column('office_id').execute();
      await s.createIndex('cases_device').on('cases').column('device_id').execute();
      await s
        .createTable('access_log')
        .addColumn('id', serialId, (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('admin_id', 'text', (c) => c.notNull())
        .addColumn('username', 'text', (c) => c.notNull())
        // The office whose record was read (the case's office; a search: the reader's first office).
        .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text')
        .addColumn('document_id', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await s.createIndex('access_log_office').on('access_log').columns(['office_id', 'id']).execute();
      await appendOnly(db, engine, [ACCESS_LOG_TABLE], false);
    },
  };
}

/**
 * Issue #18 parts 3-4: the login throttle (one row per client and per client+account, counted in
 * one transaction before the password hash is checked: hq/admin/login-throttle.ts) and the
 * nonces of signed device requests, remembered for the signature's time window so a captured
 * request cannot be replayed (hq/devices/request-nonces.ts) — in the database, so a restart keeps them.
 */
function hq003Guard(engine: Engine): Migration {
  const big: ColumnDataType = engine === 'postgres' ? 'bigint' : 'integer';
  const strict = engine === 'sqlite' ? sql`strict` : sql``;
  return {
    async up(db: Kysely<unknown>) {
      const s = db.schema;
      await s
        .createTable('login_throttle')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('attempts', big, (c) => c.notNull())
        .addColumn('checked', 'integer', (c) => c.notNull())
        .addColumn('last_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .modifyEnd(strict)
        .execute();
      await s.createIndex('login_throttle_user').on('login_throttle').column('username').execute();
      await s
        .createTable('request_nonces')
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('request_nonces_pk', ['device_id', 'nonce'])
        .modifyEnd(strict)
        .execute();
      await s.createIndex('request_nonces_expiry').on('request_nonces').column('expires_at').execute();
    },
  };
}

/**
 * The trust chain (docs/SEAL-FORMAT.md): the certificate HQ signed for each device (one per device,
 * kept as signed, append-only) and the nonces of enrollment requests already used (a replayed
 * request is refused).
 */
function hq002(engine: Engine): Migration {
  const strict = engine === 'sqlite' ? sql`strict` : sql``;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('device_certificates')
        .addColumn('device_id', 'text', (c) => c.primaryKey().references('devices.device_id'))
        .addColumn('serial', 'text', (c) => c.notNull().unique())
        .addColumn('json', 'text', (c) => c.notNull())
        .addColumn('sm2', 'text', (c) => c.notNull())
        .addColumn('ed25519', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await db.schema
        .createTable('enrollment_nonces')
        .addColumn('nonce', 'text', (c) => c.primaryKey())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'text', (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await appendOnly(db, engine, ['device_certificates', 'enrollment_nonces'], false);
    },
  };
}

/**
 * Issue #21: the staff app's 案件 search at a province's scale (docs/HQ.md「规模」). The 执法人员
 * filter read a LIKE over every seal's payload; now it reads seal_officers — one row per officer
 * named in a seal, with the seal's case, filled by ingest in the seal's own transaction
 * (hq/ingest/ingest.ts) and here, for the seals already held, from their payloads. Append-only
 * like the seals it is made from. Plus the indexes the search's filters and sorts use (checked
 * with EXPLAIN ANALYZE at 100,000 cases / 1,000,000 seals: bench/hq-cases-search.ts). Plain
 * tables and indexes only: no JSON functions, no expression or partial indexes.
 */
function hq007Search(engine: Engine): Migration {
  const big: ColumnDataType = engine === 'postgres' ? 'bigint' : 'integer';
  const strict = engine === 'sqlite' ? sql`strict` : sql``;
  return {
    async up(db: Kysely<unknown>) {
      const s = db.schema;
      await s
        .createTable('seal_officers')
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('seq', big, (c) => c.notNull())
        .addColumn('officer_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('cert_no', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('seal_officers_pk', ['device_id', 'seq', 'officer_id'])
        .addForeignKeyConstraint('seal_officers_seal', ['device_id', 'seq'], 'seals', ['device_id', 'seq'])
        .modifyEnd(strict)
        .execute();
      await backfillSealOfficers(db);
      // The filter is "执法证号 or name equals": each side finds its cases by one index range.
      await s.createIndex('seal_officers_cert').on('seal_officers').columns(['cert_no', 'case_id']).execute();
      await s.createIndex('seal_officers_name').on('seal_officers').columns(['name', 'case_id']).execute();
      // 封存日期 (from/to): the documents sealed in a range, with their case, from the index alone.
      await s.createIndex('documents_sealed').on('documents').columns(['sealed_at', 'case_id']).execute();
      // …and whether one case has a document sealed within them, when the search walks its cases.
      await s.createIndex('documents_case_sealed').on('documents').columns(['case_id', 'sealed_at']).execute();
      // 核验状态 and the list's flag count join flags to a document's seal.
      await s.createIndex('flags_seal').on('flags').columns(['device_id', 'seq']).execute();
      // The list's sorts: a page is the first rows of an index walk, not a sort of every case in
      // scope; with the device in the index, the scope is checked without reading the table.
      await s.createIndex('cases_updated').on('cases').columns(['updated_at', 'id', 'device_id']).execute();
      await s.createIndex('cases_case_no').on('cases').columns(['case_no', 'id', 'device_id']).execute();
      await s.createIndex('cases_party').on('cases').columns(['party_name', 'id', 'device_id']).execute();
      await s.createIndex('cases_status').on('cases').column('status').execute();
      await appendOnly(db, engine, [SEAL_OFFICERS_TABLE], false);
      if (engine === 'postgres') await sql`ANALYZE`.execute(db);
    },
  };
}

/** The officers a seal's payload names, as seal_officers rows (ingest and the backfill share it). */
export function sealOfficerRows(
  deviceId: string,
  seq: number,
  p: { document: { caseId: string }; officers: { id: string; name: string; certNo: string }[] },
) {
  // One row per officer id (a payload never names one twice; the key says so).
  const seen = new Set<string>();
  return p.officers
    .filter((o) => !seen.has(o.id) && seen.add(o.id))
    .map((o) => ({
      device_id: deviceId,
      seq,
      officer_id: o.id,
      case_id: p.document.caseId,
      name: o.name,
      cert_no: o.certNo,
    }));
}

/** Fills seal_officers from the seals already held, 500 at a time in hq_seq order. */
async function backfillSealOfficers(db: Kysely<unknown>): Promise<void> {
  const k = db as unknown as Kysely<Pick<HqTables, 'seals' | 'seal_officers'>>;
  for (let after = -1; ;) {
    const seals = await k
      .selectFrom('seals')
      .select(['device_id', 'seq', 'hq_seq', 'payload'])
      .where('hq_seq', '>', after)
      .orderBy('hq_seq')
      .limit(500)
      .execute();
    if (!seals.length) return;
    const rows = seals.flatMap((r) =>
      sealOfficerRows(r.device_id, Number(r.seq), JSON.parse(r.payload) as SealPayload),
    );
    // At most 6 columns × 2,000 rows per statement (SQLite allows 32,766 parameters, PostgreSQL 65,535).
    for (let i = 0; i < rows.length; i += 2000)
      await k
        .insertInto('seal_officers')
        .values(rows.slice(i, i + 2000))
        .execute();
    after = Number(seals[seals.length - 1]!.hq_seq);
  }
}

export function hqMigrations(engine: Engine): Record<string, Migration> {
  return {
    '001_hq': hq001(engine),
    '002_trust': hq002(engine),
    '003_guard': hq003Guard(engine),
    '005_offices': hq005(engine),
    '007_search': hq007Search(engine),
    '008_deadlines': hq008Deadlines(engine),
    '009_case_summary': hq009CaseSummary(engine),
  };
}
