// One test per migration from 003 on (001 and 002: core/db/migrate.test.ts). Each builds a real
// device database as the app keeps it — SQLCipher with a device key (open-database.ts) — at
// version n-1, filled with realistic rows by every earlier migration's seed below, closes it,
// reopens it with the key and applies migration n alone. It then checks what n adds (columns and
// their defaults, CHECK constraints, tables, the triggers that make sealed and append-only rows
// immutable, the indexes the app's queries rely on) and that every older row and schema object is
// still there, unchanged.
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../protocol/runtime/migrate.ts';
import { DATABASE_FILE } from '../open-database.ts';
import { MIGRATIONS } from './index.ts';

type Db = Database.Database;

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const KEY = randomBytes(32);
/** Opens the device database the way openDatabase does, with the key, but migrates only as far as asked. */
function openKeyed(dir: string): Db {
  const db = new Database(join(dir, DATABASE_FILE));
  db.pragma(`cipher='sqlcipher'`);
  db.pragma(`key="x'${KEY.toString('hex')}'"`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// SM3 digests are stored as 64 hex characters like SHA-256; the schema checks only their length.
const sm3ish = (s: string) => createHash('sha3-256').update(s).digest('hex');
const T0 = '2026-11-20T02:00:00.000Z';
const T1 = '2026-11-20T03:30:00.000Z';
const EVIDENCE_BYTES = '后台截图 PNG bytes';
const SEAL_HASH = sha256('seal payload 1');

/** Realistic rows for the tables each migration creates (the app's own formats: JSON ids, ISO times, hex digests). */
const SEEDS: Record<number, (db: Db) => void> = {
  1: (db) => {
    db.prepare(`INSERT INTO settings (key, value) VALUES ('case_no_prefix', '柳南网信')`).run();
    db.prepare(`INSERT INTO office (id, agency_name, created_at) VALUES (1, '柳州市柳南区互联网信息办公室', ?)`).run(
      T0,
    );
    const officer = db.prepare(
      `INSERT INTO officers (id, name, cert_no, unit, password_hash, created_at, updated_at) VALUES (?, ?, ?, '柳州市柳南区互联网信息办公室', ?, ?, ?)`,
    );
    officer.run(
      'o1',
      '李明',
      '45020019001',
      `scrypt$15$8$1$${randomBytes(16).toString('base64')}$${randomBytes(32).toString('base64')}`,
      T0,
      T0,
    );
    officer.run(
      'o2',
      '王芳',
      '45020019002',
      `scrypt$15$8$1$${randomBytes(16).toString('base64')}$${randomBytes(32).toString('base64')}`,
      T0,
      T0,
    );
    db.prepare(`INSERT INTO counters (name, value) VALUES ('case:2026', 1)`).run();
    const party = {
      kind: 'organisation',
      name: '柳州市星河网络科技有限公司',
      creditCode: '91450204MA5N8K2X7J',
      legalRepresentative: '陈立新',
      address: '广西壮族自治区柳州市柳南区航五路12号',
      phone: '0772-3861234',
    };
    const platform = {
      name: '星河资讯',
      domain: 'xinghe-news.cn',
      url: 'https://www.xinghe-news.cn/',
      icp: '桂ICP备20231234号-1',
    };
    db.prepare(
      `INSERT INTO cases (id, case_no, title, source, source_note, party_json, platform_json, matter_id, summary, status, search_text, created_at, updated_at)
       VALUES ('c1', '柳南网信〔2026〕1号', '某网络科技有限公司涉嫌未履行网络安全保护义务案', '监督检查发现', '2026年11月专项检查中发现', ?, ?, 'csl-59', '', 'filed', '星河 柳州市星河网络科技有限公司', ?, ?)`,
    ).run(JSON.stringify(party), JSON.stringify(platform), T0, T0);
    db.prepare(
      `INSERT INTO case_officers (case_id, position, officer_id) VALUES ('c1', 1, 'o1'), ('c1', 2, 'o2')`,
    ).run();
    db.prepare(
      `INSERT INTO case_events (case_id, at, kind, text, officer_ids) VALUES ('c1', ?, 'created', '创建案件', '["o1","o2"]')`,
    ).run(T0);
  },
  2: (db) => {
    const doc = db.prepare(
      `INSERT INTO documents (id, case_id, type, doc_no, template_version, state, content_json, revision, created_at, updated_at) VALUES (?, 'c1', ?, ?, '1', ?, ?, ?, ?, ?)`,
    );
    doc.run(
      'd1',
      'inquiry',
      '柳南网信询〔2026〕1号',
      'ready',
      JSON.stringify({
        interviewee: { name: '陈立新' },
        qa: [{ q: '你单位是否落实了网络日志留存措施？', a: '没有。' }],
      }),
      7,
      T0,
      T1,
    );
    doc.run('d2', 'onsite', '柳南网信现〔2026〕1号', 'draft', JSON.stringify({ place: '航五路12号' }), 2, T0, T1);
  },
  3: (db) => {
    db.prepare(
      `INSERT INTO evidence (id, case_id, sha256, sm3, size_bytes, file_name, category, format, meta_json, collected_at, created_at)
       VALUES ('e1', 'c1', ?, ?, ?, '后台截图.png', '截图', 'png', ?, ?, ?)`,
    ).run(
      sha256(EVIDENCE_BYTES),
      sm3ish(EVIDENCE_BYTES),
      Buffer.byteLength(EVIDENCE_BYTES),
      JSON.stringify({ source: 'https://www.xinghe-news.cn/admin/', method: '屏幕截图' }),
      T0,
      T0,
    );
  },
  4: (db) => {
    db.prepare(`UPDATE documents SET frozen_sha256 = ?, frozen_sm3 = ?, frozen_pages = 2 WHERE id = 'd1'`).run(
      sha256('d1 frozen'),
      sm3ish('d1 frozen'),
    );
    db.prepare(
      `INSERT INTO signing_ceremonies (id, document_id, started_at, recording, officer_ids, ended_at, recording_evidence_id) VALUES ('sc1', 'd1', ?, 1, '["o1","o2"]', ?, 'e1')`,
    ).run(T1, T1);
    insertSignature(db, 's1', 'd1', 'officer-1', 'o1');
    insertSignature(db, 's2', 'd1', 'interviewee', null);
    db.prepare(`UPDATE documents SET signed_at = ? WHERE id = 'd1'`).run(T1);
  },
  5: (db) => {
    db.prepare(
      `INSERT INTO device (singleton, device_id, created_at, sm2_public, sm2_private, ed25519_public_pem, ed25519_private_pem) VALUES (1, 'dev-7f3a', ?, ?, ?, '-----BEGIN PUBLIC KEY-----', '-----BEGIN PRIVATE KEY-----')`,
    ).run(T0, '04' + randomBytes(64).toString('hex'), randomBytes(32).toString('hex'));
    db.prepare(
      `INSERT INTO audit_log (seq, at, officer_ids, action, case_id, targets, detail, prev_hash, hash) VALUES (1, ?, '["o1","o2"]', 'seals.seal', 'c1', '["d1"]', '封存询问笔录', ?, ?)`,
    ).run(T1, '0'.repeat(64), sha256('audit 1'));
    db.prepare(
      `INSERT INTO seals (seq, document_id, payload, hash_sha256, hash_sm3, prev_hash, sm2_signature, ed25519_signature, sealed_at) VALUES (1, 'd1', '{"document":"d1"}', ?, ?, ?, 'sm2sig', 'ed25519sig', ?)`,
    ).run(SEAL_HASH, sm3ish('seal payload 1'), '0'.repeat(64), T1);
    db.prepare(`INSERT INTO seal_evidence (seal_seq, evidence_id) VALUES (1, 'e1')`).run();
    db.prepare(`UPDATE documents SET sealed_at = ? WHERE id = 'd1'`).run(T1);
  },
  6: (db) => {
    db.prepare(
      `INSERT INTO documents (id, case_id, type, doc_no, template_version, state, content_json, revision, created_at, updated_at, corrects_document_id, corrects_seal_sha256, correction_reason)
       VALUES ('d3', 'c1', 'inquiry', '柳南网信询〔2026〕2号', '1', 'draft', '{}', 1, ?, ?, 'd1', ?, '被询问人住址笔误')`,
    ).run(T1, T1, SEAL_HASH);
  },
  7: (db) => {
    db.prepare(
      `INSERT INTO hq_link (singleton, url, hq_id, hq_name, hq_ed25519_pem, hq_sm2_public, tls_fingerprint, case_prefix, enrolled_at) VALUES (1, 'https://hq.example.cn:8443', 'hq-1', '柳州市互联网信息办公室', '-----BEGIN PUBLIC KEY-----', ?, ?, '柳南网信', ?)`,
    ).run('04' + randomBytes(64).toString('hex'), sha256('cert'), T0);
    db.prepare(
      `INSERT INTO receipts (seal_seq, seal_sha256, hq_seq, hq_time, receipt, ed25519, sm2, via, stored_at) VALUES (1, ?, 41, ?, '{"seal":1}', 'edsig', 'sm2sig', 'network', ?)`,
    ).run(SEAL_HASH, T1, T1);
    db.prepare(
      `INSERT INTO released_blobs (sha256, size_bytes, released_at, officer_ids) VALUES (?, ?, ?, '["o1","o2"]')`,
    ).run(sha256(EVIDENCE_BYTES), Buffer.byteLength(EVIDENCE_BYTES), T1);
    db.prepare(
      `INSERT INTO reference_data (kind, version, issued_at, data, ed25519, received_at) VALUES ('calendar', 3, ?, '{}', 'edsig', ?)`,
    ).run(T0, T1);
  },
  8: (db) => {
    db.prepare(`UPDATE office SET idle_lock_minutes = 10`).run();
  },
  9: (db) => {
    db.prepare(
      `INSERT INTO case_milestones (case_id, kind, date, note, recorded_at, officer_ids) VALUES ('c1', 'sourceDate', '2026-11-18', '专项检查发现线索', ?, '["o1","o2"]')`,
    ).run(T1);
  },
  14: (db) => {
    db.prepare(
      `INSERT INTO hq_trust (kind, json, sm2, ed25519, stored_at) VALUES ('certificate', '{"serial":"s1"}', 'ab', 'cd', ?)`,
    ).run(T1);
  },
  11: (db) => {
    db.prepare(`UPDATE cases SET conduct_json = ? WHERE id = 'c1'`).run(CONDUCT_2025);
    db.prepare(
      `INSERT INTO case_law_choices (case_id, matter_id, conduct_json, period, ground, note, basis, catalog_version, recorded_at, officer_ids)
       VALUES ('c1', 'csl-59', ?, '2017-06-01', 'conduct-time', '', '《中华人民共和国网络安全法》第五十九条', '2026.12.1', ?, '["o1","o2"]')`,
    ).run(CONDUCT_2025, T1);
  },
  15: (db) => {
    db.prepare(
      `INSERT INTO office_heads (id, name, title, active, created_at, updated_at) VALUES ('h1', '黄建国', '主任', 1, ?, ?)`,
    ).run(T1, T1);
    db.prepare(
      `INSERT INTO timeline_confirmations (case_id, document_id, rule, subject, message, note, officer_ids, confirmed_at)
       VALUES ('c1', 'd1', 'witnessIsParty', 'witness:d1:witness.name:陈立新:', '见证人陈立新是当事人的法定代表人', '现场除当事人人员外无其他人员', '["o1","o2"]', ?)`,
    ).run(T1);
  },
};
/** A case's conduct as the app stores it (shared/domain/case-law.ts): a period in 2025, discovered in 2026. */
const CONDUCT_2025 = JSON.stringify({
  kind: 'period',
  from: '2025-09-01',
  to: '2025-12-20',
  discoveredOn: '2026-11-18',
});

function insertSignature(
  db: Db,
  id: string,
  documentId: string,
  slot: string,
  officerId: string | null,
  ceremony = 'sc1',
) {
  db.prepare(
    `INSERT INTO signatures (id, document_id, ceremony_id, slot_id, page, page_count, status, role, signer_name, signer_id_number, officer_id, signed_at,
       doc_sha256, doc_sm3, image_png, image_sha256, strokes_json, strokes_sha256, reason, confirmed_by, binding_sha256, binding_sm3)
     VALUES (?, ?, ?, ?, NULL, 2, 'signed', ?, ?, '', ?, ?, ?, ?, ?, ?, '[[1,2,3]]', ?, '', '["o1","o2"]', ?, ?)`,
  ).run(
    id,
    documentId,
    ceremony,
    slot,
    officerId ? 'officer' : 'interviewee',
    officerId ? '李明' : '陈立新',
    officerId,
    T1,
    sha256(`${documentId} frozen`),
    sm3ish(`${documentId} frozen`),
    Buffer.from('PNG'),
    sha256('PNG'),
    sha256('strokes'),
    sha256(`binding ${id}`),
    sm3ish(`binding ${id}`),
  );
}

type Snapshot = Map<string, { columns: string[]; rows: unknown[] }>;
/** Every table's rows (in rowid order) by its current columns, and every index and trigger by name. */
function snapshot(db: Db): { tables: Snapshot; objects: string[] } {
  const tables: Snapshot = new Map();
  const names = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  for (const t of names) {
    const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[];
    tables.set(t, {
      columns,
      rows: db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${t}" ORDER BY rowid`).all(),
    });
  }
  const objects = db
    .prepare(
      `SELECT type || ' ' || name FROM sqlite_schema WHERE type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return { tables, objects };
}

/**
 * A keyed database at the version before n holding every earlier migration's rows; then, after
 * closing and reopening it with the key as the app does at the next start, migration n applied on
 * its own. (Versions need not be consecutive on a branch: the one before n is the previous entry.)
 */
function upgradeTo(n: number): { db: Db; before: ReturnType<typeof snapshot> } {
  const dir = mkdtempSync(join(tmpdir(), `field-migration-${n}-`));
  dirs.push(dir);
  const at = MIGRATIONS.findIndex((m) => m.version === n);
  expect(at, `migration ${n}`).toBeGreaterThan(0);
  const previous = MIGRATIONS[at - 1]!.version;
  const old = openKeyed(dir);
  for (let i = 0; i < at; i++) {
    migrate(old, MIGRATIONS.slice(0, i + 1));
    SEEDS[MIGRATIONS[i]!.version]?.(old); // a migration that only adds constraints (010) has no rows of its own
  }
  expect(old.pragma('user_version', { simple: true })).toBe(previous);
  const before = snapshot(old);
  old.close();
  // SQLCipher: the file holds no plaintext header (nor anything else readable).
  expect(readFileSync(join(dir, DATABASE_FILE)).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  const db = openKeyed(dir);
  expect(migrate(db, MIGRATIONS.slice(0, at + 1))).toEqual({ from: previous, to: n });
  expect(db.pragma('user_version', { simple: true })).toBe(n);
  return { db, before };
}

/** Every row and column, index and trigger of version n-1 is still there with the same values (rows the test added come after them). */
function expectOlderDataUnchanged(db: Db, before: ReturnType<typeof snapshot>) {
  for (const [table, { columns, rows }] of before.tables) {
    const now = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`).all();
    expect(now.slice(0, rows.length), table).toEqual(rows);
  }
  const objects = snapshot(db).objects;
  for (const o of before.objects) expect(objects).toContain(o);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
}

const columnsOf = (db: Db, table: string) =>
  db.prepare(`SELECT name, type, "notnull" AS not_null, dflt_value AS dflt FROM pragma_table_info(?)`).all(table) as {
    name: string;
    type: string;
    not_null: number;
    dflt: string | null;
  }[];
const tableNames = (db: Db) =>
  db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
/** The index SQLite's planner picks for a query the app runs (null: a full scan). */
const indexUsed = (db: Db, sql: string, ...args: unknown[]) => {
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');
  return /USING (?:COVERING )?INDEX (\w+)/.exec(plan)?.[1] ?? null;
};

describe('each migration on a populated SQLCipher database of the version before', () => {
  it('seeds cover every table of the newest schema (so every migration is tested with data)', () => {
    const newest = MIGRATIONS.at(-1)!.version;
    const { db } = upgradeTo(newest);
    SEEDS[newest]?.(db);
    for (const t of tableNames(db))
      expect(db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get(), t).toBeGreaterThan(0);
    db.close();
  });

  it('003 adds evidence items that belong to a case, with checked digests, size and metadata', () => {
    const { db, before } = upgradeTo(3);
    expect(tableNames(db)).toContain('evidence');
    SEEDS[3]!(db);
    const ins = db.prepare(
      `INSERT INTO evidence (id, case_id, sha256, sm3, size_bytes, file_name, category, format, meta_json, collected_at, created_at) VALUES (?, ?, ?, ?, ?, 'a.mhtml', '网页', 'mhtml', ?, ?, ?)`,
    );
    const good = ['e2', 'c1', sha256('x'), sm3ish('x'), 1, '{}', T1, T1] as const;
    expect(() => ins.run('e9', 'no-such-case', ...good.slice(2))).toThrow(/FOREIGN KEY/);
    expect(() => ins.run('e9', 'c1', 'abc', ...good.slice(3))).toThrow(/CHECK/);
    expect(() => ins.run('e9', 'c1', sha256('x'), 'short', ...good.slice(4))).toThrow(/CHECK/);
    expect(() => ins.run('e9', 'c1', sha256('x'), sm3ish('x'), -1, ...good.slice(5))).toThrow(/CHECK/);
    expect(() => ins.run('e9', 'c1', sha256('x'), sm3ish('x'), 1, 'not json', T1, T1)).toThrow(/CHECK/);
    ins.run(...good);
    // New rows are unverified; re-verification may stamp only the three known outcomes.
    expect(db.prepare(`SELECT verified_at, verify_status FROM evidence WHERE id = 'e2'`).get()).toEqual({
      verified_at: null,
      verify_status: null,
    });
    db.prepare(`UPDATE evidence SET verified_at = ?, verify_status = 'ok' WHERE id = 'e2'`).run(T1);
    expect(() => db.prepare(`UPDATE evidence SET verify_status = 'maybe' WHERE id = 'e2'`).run()).toThrow(/CHECK/);
    // The content-addressed store looks items up by digest, the case page by case.
    expect(indexUsed(db, `SELECT id FROM evidence WHERE sha256 = ?`, sha256('x'))).toBe('evidence_sha256');
    expect(indexUsed(db, `SELECT id FROM evidence WHERE case_id = ? ORDER BY created_at`, 'c1')).toBe('evidence_case');
    expectOlderDataUnchanged(db, before);
    db.close();
  });

  it('004 adds frozen-hash columns (empty on old documents), ceremonies and signatures that can only be discarded, once', () => {
    const { db, before } = upgradeTo(4);
    const docCols = columnsOf(db, 'documents').map((c) => c.name);
    expect(docCols).toEqual(expect.arrayContaining(['frozen_sha256', 'frozen_sm3', 'frozen_pages', 'signed_at']));
    // Documents written before signing existed are not frozen.
    expect(
      db.prepare(`SELECT id, frozen_sha256, frozen_sm3, frozen_pages, signed_at FROM documents ORDER BY id`).all(),
    ).toEqual([
      { id: 'd1', frozen_sha256: null, frozen_sm3: null, frozen_pages: null, signed_at: null },
      { id: 'd2', frozen_sha256: null, frozen_sm3: null, frozen_pages: null, signed_at: null },
    ]);
    SEEDS[4]!(db);
    expect(() =>
      db
        .prepare(
          `INSERT INTO signing_ceremonies (id, document_id, started_at, recording, officer_ids) VALUES ('sc2', 'd2', ?, 2, '[]')`,
        )
        .run(T1),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO signing_ceremonies (id, document_id, started_at, recording, officer_ids, recording_evidence_id) VALUES ('sc2', 'd2', ?, 1, '[]', 'no-such-evidence')`,
        )
        .run(T1),
    ).toThrow(/FOREIGN KEY/);
    expect(db.prepare(`SELECT no_recording_reason FROM signing_ceremonies WHERE id = 'sc1'`).pluck().get()).toBe('');
    // One live signature per slot; a signature is never deleted or rewritten.
    expect(() => insertSignature(db, 's3', 'd1', 'officer-1', 'o1')).toThrow(/UNIQUE/);
    expect(() => db.prepare(`DELETE FROM signatures WHERE id = 's1'`).run()).toThrow(/never deleted/);
    expect(() => db.prepare(`UPDATE signatures SET signer_name = '张三' WHERE id = 's1'`).run()).toThrow(
      /only be discarded/,
    );
    expect(() =>
      db.prepare(`UPDATE signatures SET discarded_at = ?, doc_sha256 = ? WHERE id = 's1'`).run(T1, sha256('other')),
    ).toThrow(/only be discarded/);
    // Editing a signed document discards its signatures (stamped, kept), once; the slot is then free.
    db.prepare(`UPDATE signatures SET discarded_at = ?, discard_reason = '文书修改' WHERE id = 's1'`).run(T1);
    expect(() =>
      db.prepare(`UPDATE signatures SET discarded_at = ? WHERE id = 's1'`).run('2026-11-21T00:00:00.000Z'),
    ).toThrow(/only be discarded/);
    insertSignature(db, 's3', 'd1', 'officer-1', 'o1');
    expect(db.prepare(`SELECT id, discarded_at FROM signatures WHERE slot_id = 'officer-1' ORDER BY id`).all()).toEqual(
      [
        { id: 's1', discarded_at: T1 },
        { id: 's3', discarded_at: null },
      ],
    );
    expect(indexUsed(db, `SELECT id FROM signatures WHERE document_id = ? AND discarded_at IS NULL`, 'd1')).toMatch(
      /^signatures_/,
    );
    expectOlderDataUnchanged(db, before);
    db.close();
  });

  it('005 adds the device, seals and the audit log, and makes sealed rows immutable in the database', () => {
    const { db, before } = upgradeTo(5);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['device', 'audit_log', 'seals', 'seal_evidence']));
    expect(db.prepare(`SELECT id, sealed_at FROM documents ORDER BY id`).all()).toEqual([
      { id: 'd1', sealed_at: null },
      { id: 'd2', sealed_at: null },
    ]);
    // Before sealing, an (already signed) document and its evidence can still change as before.
    db.prepare(`UPDATE evidence SET file_name = '后台截图-1.png' WHERE id = 'e1'`).run();
    db.prepare(`UPDATE evidence SET file_name = '后台截图.png' WHERE id = 'e1'`).run();
    SEEDS[5]!(db);
    expect(() =>
      db
        .prepare(
          `INSERT INTO device (singleton, device_id, created_at, sm2_public, sm2_private, ed25519_public_pem, ed25519_private_pem) VALUES (2, 'x', ?, '', '', '', '')`,
        )
        .run(T1),
    ).toThrow(/CHECK/);
    // The audit log is append-only.
    expect(() => db.prepare(`UPDATE audit_log SET detail = '改写' WHERE seq = 1`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
    // Seals and what they name never change.
    expect(() => db.prepare(`UPDATE seals SET sealed_at = ? WHERE seq = 1`).run(T0)).toThrow(/immutable/);
    expect(() => db.prepare(`DELETE FROM seals WHERE seq = 1`).run()).toThrow(/immutable/);
    expect(() => db.prepare(`DELETE FROM seal_evidence`).run()).toThrow(/immutable/);
    expect(() => db.prepare(`UPDATE seal_evidence SET evidence_id = 'e1'`).run()).toThrow(/immutable/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO seals (seq, document_id, payload, hash_sha256, hash_sm3, prev_hash, sm2_signature, ed25519_signature, sealed_at) VALUES (2, 'd1', '{}', ?, ?, ?, '', '', ?)`,
        )
        .run(sha256('2'), sm3ish('2'), SEAL_HASH, T1),
    ).toThrow(/UNIQUE/);
    // The sealed document, its signatures and its evidence are frozen; the document not sealed is not.
    expect(() => db.prepare(`UPDATE documents SET content_json = '{}' WHERE id = 'd1'`).run()).toThrow(
      /sealed document is immutable/,
    );
    expect(() => db.prepare(`DELETE FROM documents WHERE id = 'd1'`).run()).toThrow(/sealed document is immutable/);
    expect(() =>
      db.prepare(`UPDATE signatures SET discarded_at = ?, discard_reason = 'x' WHERE id = 's1'`).run(T1),
    ).toThrow(/sealed document are immutable/);
    expect(() => db.prepare(`UPDATE evidence SET file_name = 'x.png' WHERE id = 'e1'`).run()).toThrow(
      /referenced by a seal is immutable/,
    );
    expect(() => db.prepare(`DELETE FROM evidence WHERE id = 'e1'`).run()).toThrow(/referenced by a seal is immutable/);
    // Re-verification may still stamp sealed evidence.
    db.prepare(`UPDATE evidence SET verified_at = ?, verify_status = 'ok' WHERE id = 'e1'`).run(T1);
    db.prepare(`UPDATE documents SET revision = 3 WHERE id = 'd2'`).run();
    expect(indexUsed(db, `SELECT seq FROM audit_log WHERE case_id = ? ORDER BY seq`, 'c1')).toBe('audit_case');
    // Older rows: only the stamps above differ from before (the sealed document's sealed_at is new).
    const { tables } = before;
    tables.get('documents')!.rows = (tables.get('documents')!.rows as { id: string }[]).map((r) =>
      r.id === 'd2' ? { ...r, revision: 3 } : r,
    );
    tables.get('evidence')!.rows = (tables.get('evidence')!.rows as object[]).map((r) => ({
      ...r,
      verified_at: T1,
      verify_status: 'ok',
    }));
    expectOlderDataUnchanged(db, before);
    db.close();
  });

  it('006 adds 补正 links on documents: empty on old ones, a correction names an existing document; sealed ones stay frozen', () => {
    const { db, before } = upgradeTo(6);
    expect(
      db
        .prepare(`SELECT id, corrects_document_id, corrects_seal_sha256, correction_reason FROM documents ORDER BY id`)
        .all(),
    ).toEqual([
      { id: 'd1', corrects_document_id: null, corrects_seal_sha256: null, correction_reason: null },
      { id: 'd2', corrects_document_id: null, corrects_seal_sha256: null, correction_reason: null },
    ]);
    SEEDS[6]!(db);
    expect(() =>
      db
        .prepare(
          `INSERT INTO documents (id, case_id, type, doc_no, template_version, state, content_json, revision, created_at, updated_at, corrects_document_id) VALUES ('d9', 'c1', 'inquiry', 'X9', '1', 'draft', '{}', 1, ?, ?, 'no-such-document')`,
        )
        .run(T1, T1),
    ).toThrow(/FOREIGN KEY/);
    // The original stays untouched (its 已补正 is derived from the correction that points at it).
    expect(() => db.prepare(`UPDATE documents SET correction_reason = 'x' WHERE id = 'd1'`).run()).toThrow(
      /sealed document is immutable/,
    );
    expect(db.prepare(`SELECT id FROM documents WHERE corrects_document_id = 'd1'`).pluck().all()).toEqual(['d3']);
    expect(indexUsed(db, `SELECT id FROM documents WHERE corrects_document_id = ?`, 'd1')).toBe('documents_corrects');
    expectOlderDataUnchanged(db, before);
    db.close();
  });

  it('007 adds the HQ link, append-only receipts for existing seals, final blob releases and reference data', () => {
    const { db, before } = upgradeTo(7);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['hq_link', 'receipts', 'released_blobs', 'reference_data']));
    // The outbox is every seal without a receipt: the seal made before sync existed is in it.
    const outbox = () =>
      db
        .prepare(`SELECT s.seq FROM seals s LEFT JOIN receipts r ON r.seal_seq = s.seq WHERE r.seal_seq IS NULL`)
        .pluck()
        .all();
    expect(outbox()).toEqual([1]);
    SEEDS[7]!(db);
    expect(outbox()).toEqual([]);
    expect(() =>
      db
        .prepare(
          `INSERT INTO hq_link (singleton, url, hq_id, hq_name, hq_ed25519_pem, hq_sm2_public, case_prefix, enrolled_at) VALUES (2, 'u', 'i', 'n', 'p', 's', 'x', ?)`,
        )
        .run(T1),
    ).toThrow(/CHECK/);
    const receipt = db.prepare(
      `INSERT INTO receipts (seal_seq, seal_sha256, hq_seq, hq_time, receipt, ed25519, sm2, via, stored_at) VALUES (?, ?, 42, ?, '{}', 'e', 's', ?, ?)`,
    );
    expect(() => receipt.run(99, SEAL_HASH, T1, 'network', T1)).toThrow(/FOREIGN KEY/);
    expect(() => receipt.run(1, SEAL_HASH, T1, 'network', T1)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO seals (seq, document_id, payload, hash_sha256, hash_sm3, prev_hash, sm2_signature, ed25519_signature, sealed_at) VALUES (2, 'd2', '{}', ?, ?, ?, '', '', ?)`,
        )
        .run(sha256('2'), sm3ish('2'), SEAL_HASH, T1),
    ).not.toThrow();
    expect(() => receipt.run(2, sha256('2'), T1, 'email', T1)).toThrow(/CHECK/);
    receipt.run(2, sha256('2'), T1, 'file', T1);
    expect(() => db.prepare(`UPDATE receipts SET hq_seq = 1 WHERE seal_seq = 1`).run()).toThrow(
      /receipts are immutable/,
    );
    expect(() => db.prepare(`DELETE FROM receipts`).run()).toThrow(/receipts are immutable/);
    expect(() => db.prepare(`UPDATE released_blobs SET size_bytes = 0`).run()).toThrow(/release is final/);
    expect(() => db.prepare(`DELETE FROM released_blobs`).run()).toThrow(/release is final/);
    // Newer signed reference data replaces the older.
    db.prepare(
      `INSERT OR REPLACE INTO reference_data (kind, version, issued_at, data, ed25519, received_at) VALUES ('calendar', 4, ?, '{}', 'e', ?)`,
    ).run(T1, T1);
    expect(db.prepare(`SELECT version FROM reference_data WHERE kind = 'calendar'`).pluck().get()).toBe(4);
    expectOlderDataUnchanged(db, before);
    db.close();
  });

  it('008 adds the idle-lock minutes to the existing office: 5 by default, 1–60 only', () => {
    const { db, before } = upgradeTo(8);
    expect(columnsOf(db, 'office').find((c) => c.name === 'idle_lock_minutes')).toEqual({
      name: 'idle_lock_minutes',
      type: 'INTEGER',
      not_null: 1,
      dflt: '5',
    });
    expect(db.prepare(`SELECT agency_name, idle_lock_minutes FROM office`).get()).toEqual({
      agency_name: '柳州市柳南区互联网信息办公室',
      idle_lock_minutes: 5,
    });
    for (const bad of [0, 61, -5])
      expect(() => db.prepare(`UPDATE office SET idle_lock_minutes = ?`).run(bad), String(bad)).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE office SET idle_lock_minutes = NULL`).run()).toThrow(/NOT NULL/);
    expect(() => db.prepare(`UPDATE office SET idle_lock_minutes = '十'`).run()).toThrow(/cannot store TEXT/);
    SEEDS[8]!(db);
    db.prepare(`UPDATE office SET idle_lock_minutes = 60`).run();
    db.prepare(`UPDATE office SET idle_lock_minutes = 1`).run();
    expect(db.prepare(`SELECT idle_lock_minutes FROM office`).pluck().get()).toBe(1);
    expectOlderDataUnchanged(db, before);
    db.close();
  });

  it('009 adds case milestones: of an existing case, known kinds, ISO dates', () => {
    const { db, before } = upgradeTo(9);
    expect(tableNames(db)).toContain('case_milestones');
    SEEDS[9]!(db);
    const ins = db.prepare(
      `INSERT INTO case_milestones (case_id, kind, date, note, recorded_at, officer_ids) VALUES (?, ?, ?, '', ?, '["o1","o2"]')`,
    );
    expect(() => ins.run('no-such-case', 'noticeServed', '2026-11-25', T1)).toThrow(/FOREIGN KEY/);
    expect(() => ins.run('c1', 'someday', '2026-11-25', T1)).toThrow(/CHECK/);
    for (const bad of ['2026/11/25', '2026-11-5', '25.11.2026', ''])
      expect(() => ins.run('c1', 'noticeServed', bad, T1), bad).toThrow(/CHECK/);
    // A later record of the same kind supersedes the earlier: both rows stay, the latest id counts.
    ins.run('c1', 'sourceDate', '2026-11-19', T1);
    expect(
      db
        .prepare(
          `SELECT date FROM case_milestones WHERE case_id = 'c1' AND kind = 'sourceDate' ORDER BY id DESC LIMIT 1`,
        )
        .pluck()
        .get(),
    ).toBe('2026-11-19');
    expect(db.prepare(`SELECT count(*) FROM case_milestones`).pluck().get()).toBe(2);
    expect(
      indexUsed(
        db,
        `SELECT date FROM case_milestones WHERE case_id = ? AND kind = ? ORDER BY id DESC`,
        'c1',
        'sourceDate',
      ),
    ).toBe('case_milestones_case');
    expectOlderDataUnchanged(db, before);
    db.close();
  });

  it('010 makes the milestones recorded before it append-only: neither changed nor deleted, new ones still added', () => {
    const { db, before } = upgradeTo(10);
    expect(() => db.prepare(`UPDATE case_milestones SET date = '2026-11-01'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM case_milestones`).run()).toThrow(/append-only/);
    db.prepare(
      `INSERT INTO case_milestones (case_id, kind, date, note, recorded_at, officer_ids) VALUES ('c1', 'sourceDate', '2026-11-19', '更正日期', ?, '["o1","o2"]')`,
    ).run(T1);
    expect(db.prepare(`SELECT date FROM case_milestones WHERE kind = 'sourceDate' ORDER BY id`).pluck().all()).toEqual([
      '2026-11-18',
      '2026-11-19',
    ]);
    // The case itself is not frozen by its milestones.
    db.prepare(`UPDATE cases SET updated_at = ? WHERE id = 'c1'`).run(T1);
    before.tables.get('cases')!.rows = (before.tables.get('cases')!.rows as object[]).map((r) => ({
      ...r,
      updated_at: T1,
    }));
    expectOlderDataUnchanged(db, before);
    db.close();
  });

  it('012 rebuilds documents without the type CHECK: same rows, same indexes and triggers, sealed rows still frozen', () => {
    const sqlOf = (db: Db) =>
      db
        .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name`)
        .all();
    const dir = mkdtempSync(join(tmpdir(), 'field-migration-12-sql-'));
    dirs.push(dir);
    const old = openKeyed(dir);
    for (let v = 1; v <= 11; v++) {
      migrate(old, MIGRATIONS.slice(0, v));
      SEEDS[v]?.(old);
    }
    const objectsBefore = sqlOf(old);
    old.close();
    const { db, before } = upgradeTo(12);
    // Exactly the same indexes and triggers, by name and SQL (upgradeTo's version-11 file holds the same seeds).
    expect(sqlOf(db)).toEqual(objectsBefore);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const table = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'documents'`).pluck().get() as string;
    expect(table).not.toMatch(/CHECK \(type/);
    expectOlderDataUnchanged(db, before);
    expect(db.prepare(`SELECT count(*) FROM documents`).pluck().get()).toBe(
      before.tables.get('documents')!.rows.length,
    );
    // The sealed 询问笔录 d1 and its signatures stay frozen; the 补正 d3 still names it.
    expect(() => db.prepare(`UPDATE documents SET revision = 8 WHERE id = 'd1'`).run()).toThrow(/immutable/);
    expect(() => db.prepare(`DELETE FROM documents WHERE id = 'd1'`).run()).toThrow(/immutable/);
    expect(() => db.prepare(`UPDATE signatures SET reason = 'x' WHERE document_id = 'd1'`).run()).toThrow(/immutable/);
    expect(() => db.prepare(`UPDATE documents SET corrects_document_id = 'nope' WHERE id = 'd3'`).run()).toThrow(
      /FOREIGN KEY/,
    );
    // A type the registry will name later is a row like any other; the store, not the schema, refuses unknown ones.
    db.prepare(
      `INSERT INTO documents (id, case_id, type, doc_no, template_version, state, content_json, revision, created_at, updated_at) VALUES ('d9', 'c1', 'rectification', '柳南网信改〔2026〕1号', '2026.1', 'draft', '{}', 1, ?, ?)`,
    ).run(T1, T1);
    expect(indexUsed(db, `SELECT id FROM documents WHERE case_id = ? ORDER BY created_at`, 'c1')).toBe(
      'documents_case',
    );
    expect(indexUsed(db, `SELECT id FROM documents WHERE corrects_document_id = ?`, 'd1')).toBe('documents_corrects');
    db.close();
  });

  it('014 adds HQ trust documents: the certificate kept as HQ issued it, the status replaced, neither deleted', () => {
    const { db, before } = upgradeTo(14);
    expectOlderDataUnchanged(db, before);
    expect(db.prepare(`SELECT count(*) FROM hq_trust`).pluck().get()).toBe(0);
    SEEDS[14]!(db);
    const upsert = db.prepare(
      `INSERT INTO hq_trust (kind, json, sm2, ed25519, stored_at) VALUES (?, ?, 'ab', 'cd', ?) ON CONFLICT (kind) DO UPDATE SET json = excluded.json, stored_at = excluded.stored_at`,
    );
    // The same certificate again (each sync brings it): fine; another one: refused by the database.
    upsert.run('certificate', '{"serial":"s1"}', T1);
    expect(() => upsert.run('certificate', '{"serial":"s2"}', T1)).toThrow(/kept as HQ issued it/);
    upsert.run('status', '{"asOf":"1"}', T1);
    upsert.run('status', '{"asOf":"2"}', T1);
    expect(db.prepare(`SELECT json FROM hq_trust WHERE kind = 'status'`).pluck().get()).toBe('{"asOf":"2"}');
    expect(() => db.prepare(`DELETE FROM hq_trust`).run()).toThrow(/kept/);
    expect(() => upsert.run('other', '{}', T1)).toThrow(/CHECK/);
  });

  it("015 adds the agency's heads, append-only confirmed timeline warnings, and a late-signing reason (empty on old sittings)", () => {
    const { db, before } = upgradeTo(15);
    expect(db.prepare(`SELECT id, late_reason FROM signing_ceremonies`).all()).toEqual([
      { id: 'sc1', late_reason: '' },
    ]);
    SEEDS[15]!(db);
    const head = db.prepare(
      `INSERT INTO office_heads (id, name, title, active, created_at, updated_at) VALUES (?, ?, '', ?, ?, ?)`,
    );
    expect(() => head.run('h2', '  ', 1, T1, T1)).toThrow(/CHECK/);
    expect(() => head.run('h2', '李华', 2, T1, T1)).toThrow(/CHECK/);
    head.run('h2', '李华', 0, T1, T1); // removed from the list: kept, documents name them
    const confirm = db.prepare(
      `INSERT INTO timeline_confirmations (case_id, document_id, rule, subject, message, note, officer_ids, confirmed_at)
       VALUES (?, 'd1', ?, 's', 'm', ?, ?, ?)`,
    );
    expect(() => confirm.run('no-such-case', 'witnessIsParty', '理由', '[]', T1)).toThrow(/FOREIGN KEY/);
    expect(() => confirm.run('c1', 'futureTime', '理由', '[]', T1)).toThrow(/CHECK/);
    expect(() => confirm.run('c1', 'sharedIdNumber', ' ', '[]', T1)).toThrow(/CHECK/);
    expect(() => confirm.run('c1', 'sharedIdNumber', '理由', 'not json', T1)).toThrow(/CHECK/);
    confirm.run('c1', 'sharedIdNumber', '已核对身份证原件', '["o1","o2"]', T1);
    expect(() => db.prepare(`UPDATE timeline_confirmations SET note = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM timeline_confirmations`).run()).toThrow(/append-only/);
    expectOlderDataUnchanged(db, before);
    db.close();
  });

  it('016 adds the case context a document prints, copied at 待签名: empty on existing documents, JSON only, immutable once sealed', () => {
    const { db, before } = upgradeTo(16);
    expect(columnsOf(db, 'documents').find((c) => c.name === 'context_json')).toEqual({
      name: 'context_json',
      type: 'TEXT',
      not_null: 0,
      dflt: null,
    });
    // Documents made ready before print the live case, as they did (the store reads NULL so).
    const rows = db.prepare(`SELECT id, sealed_at, context_json FROM documents ORDER BY id`).all() as {
      id: string;
      sealed_at: string | null;
      context_json: string | null;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.context_json === null)).toBe(true);
    const open = rows.find((r) => r.sealed_at === null);
    const sealed = rows.find((r) => r.sealed_at !== null);
    if (open) {
      const set = db.prepare(`UPDATE documents SET context_json = ? WHERE id = ?`);
      expect(() => set.run('not json', open.id)).toThrow(/CHECK/);
      set.run(JSON.stringify({ matterName: '对不履行法定网络安全保护义务的处罚' }), open.id);
    }
    if (sealed)
      expect(() => db.prepare(`UPDATE documents SET context_json = '{}' WHERE id = ?`).run(sealed.id)).toThrow(
        /a sealed document is immutable/,
      );
    expectOlderDataUnchanged(db, before);
    db.close();
  });

  it('011 adds the conduct date to cases (empty on old ones) and append-only law choices of an existing case', () => {
    const { db, before } = upgradeTo(11);
    expect(columnsOf(db, 'cases').find((c) => c.name === 'conduct_json')).toEqual({
      name: 'conduct_json',
      type: 'TEXT',
      not_null: 0,
      dflt: null,
    });
    // Cases made before have no conduct date: the app asks for it before a legal basis is chosen or printed.
    expect(db.prepare(`SELECT id, conduct_json FROM cases`).all()).toEqual([{ id: 'c1', conduct_json: null }]);
    expect(() => db.prepare(`UPDATE cases SET conduct_json = '2025-09-01' WHERE id = 'c1'`).run()).toThrow(/CHECK/);
    SEEDS[11]!(db);
    expect(
      JSON.parse(db.prepare(`SELECT conduct_json FROM cases WHERE id = 'c1'`).pluck().get() as string),
    ).toMatchObject({ kind: 'period', from: '2025-09-01' });
    const ins = db.prepare(
      `INSERT INTO case_law_choices (case_id, matter_id, conduct_json, period, ground, note, basis, catalog_version, recorded_at, officer_ids)
       VALUES (?, 'csl-59', ?, ?, ?, '', '《中华人民共和国网络安全法》第六十一条', '2026.12.1', ?, '["o1","o2"]')`,
    );
    expect(() => ins.run('no-such-case', CONDUCT_2025, '2026-01-01', 'lighter', T1)).toThrow(/FOREIGN KEY/);
    expect(() => ins.run('c1', 'not json', '2026-01-01', 'lighter', T1)).toThrow(/CHECK/);
    expect(() => ins.run('c1', CONDUCT_2025, '2026年1月1日', 'lighter', T1)).toThrow(/CHECK/);
    expect(() => ins.run('c1', CONDUCT_2025, '2026-01-01', 'whatever', T1)).toThrow(/CHECK/);
    // A later choice supersedes the earlier: both rows stay; neither can be changed or deleted.
    ins.run('c1', CONDUCT_2025, '2026-01-01', 'lighter', T1);
    ins.run('c1', CONDUCT_2025, '', 'conduct-time', T1); // a period without a recorded start
    expect(db.prepare(`SELECT period FROM case_law_choices WHERE case_id = 'c1' ORDER BY id`).pluck().all()).toEqual([
      '2017-06-01',
      '2026-01-01',
      '',
    ]);
    expect(() => db.prepare(`UPDATE case_law_choices SET ground = 'lighter'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM case_law_choices`).run()).toThrow(/append-only/);
    expect(indexUsed(db, `SELECT period FROM case_law_choices WHERE case_id = ? ORDER BY id DESC LIMIT 1`, 'c1')).toBe(
      'case_law_choices_case',
    );
    // Every older column of every row is unchanged (the seed set only the new conduct_json).
    expectOlderDataUnchanged(db, before);
    db.close();
  });
});
