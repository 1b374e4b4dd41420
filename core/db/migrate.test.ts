import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { migrate, type Migration } from '../../protocol/runtime/migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { DATABASE_FILE, openDatabase } from './open-database.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'field-db-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const tables = (db: Database.Database) =>
  (
    db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[]
  ).map((r) => r.name);

const NEWEST = MIGRATIONS.at(-1)!.version;

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('the migrations create the schema and set user_version', () => {
    const db = openDatabase(tempDir());
    expect(tables(db)).toEqual([
      'audit_log',
      'case_events',
      'case_law_choices',
      'case_milestones',
      'case_officers',
      'cases',
      'counters',
      'device',
      'documents',
      'evidence',
      'hq_link',
      'hq_trust',
      'office',
      'office_heads',
      'officers',
      'receipts',
      'reference_data',
      'released_blobs',
      'seal_evidence',
      'seals',
      'settings',
      'signatures',
      'signing_ceremonies',
      'timeline_confirmations',
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(NEWEST);
    // the office table can hold only one office
    db.prepare(`INSERT INTO office (id, agency_name, created_at) VALUES (1, 'a', 'now')`).run();
    expect(() => db.prepare(`INSERT INTO office (id, agency_name, created_at) VALUES (2, 'b', 'now')`).run()).toThrow(
      /CHECK/,
    );
    // 执法证号 is unique regardless of letter case
    const ins = db.prepare(
      `INSERT INTO officers (id, name, cert_no, unit, password_hash, created_at, updated_at) VALUES (?, 'n', ?, 'u', 'h', 't', 't')`,
    );
    ins.run('1', 'gx-001');
    expect(() => ins.run('2', 'GX-001')).toThrow(/UNIQUE/);
    db.close();
  });

  it('opens durable: WAL journal, synchronous=FULL, foreign keys on', () => {
    const db = openDatabase(tempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('re-opening an up-to-date database changes nothing and keeps the data', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('k', 'v')`).run();
    db.close();
    const again = openDatabase(dir);
    expect(again.prepare(`SELECT value FROM settings WHERE key = 'k'`).get()).toEqual({ value: 'v' });
    again.close();
  });

  it('refuses a database made by a newer app, with a Chinese message, and leaves it untouched', () => {
    const dir = tempDir();
    const raw = new Database(join(dir, DATABASE_FILE));
    raw.pragma('user_version = 99');
    raw.close();
    let err: unknown;
    try {
      openDatabase(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CoreError);
    expect((err as CoreError).message).toMatch(/更新版本的程序创建（数据版本 99/);
    const check = new Database(join(dir, DATABASE_FILE));
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    expect(tables(check)).toEqual([]);
    check.close();
  });

  it('a failing migration is rolled back and not marked done', () => {
    const db = new Database(join(tempDir(), DATABASE_FILE));
    const broken: Migration = {
      version: NEWEST + 1,
      name: 'broken',
      up: (d) => {
        d.exec(`CREATE TABLE half_done (x INTEGER)`);
        throw new Error('disk full halfway');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/disk full halfway/);
    expect(db.pragma('user_version', { simple: true })).toBe(NEWEST);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('a table rebuild runs with foreign keys off outside its transaction, checked before commit, and turns them back on', () => {
    const db = openDatabase(tempDir());
    db.prepare(`INSERT INTO settings (key, value) VALUES ('k', 'v')`).run();
    const seen: unknown[] = [];
    const rebuild: Migration = {
      version: NEWEST + 1,
      name: 'rebuild settings',
      foreignKeysOff: true,
      up: (d) => {
        seen.push(d.pragma('foreign_keys', { simple: true }), d.inTransaction);
        d.exec(`CREATE TABLE new_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
          INSERT INTO new_settings SELECT key, value FROM settings; DROP TABLE settings;
          ALTER TABLE new_settings RENAME TO settings;`);
      },
    };
    expect(migrate(db, [...MIGRATIONS, rebuild])).toEqual({ from: NEWEST, to: NEWEST + 1 });
    expect(seen).toEqual([0, true]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'k'`).pluck().get()).toBe('v');
    db.close();
  });

  it('a table rebuild that breaks a reference is rolled back, not marked done, and foreign keys come back on', () => {
    const db = openDatabase(tempDir());
    const breaks: Migration = {
      version: NEWEST + 1,
      name: 'dangling',
      foreignKeysOff: true,
      up: (d) => {
        d.exec(`CREATE TABLE half_done (x INTEGER)`);
        d.prepare(
          `INSERT INTO documents (id, case_id, type, doc_no, template_version, state, content_json, revision, created_at, updated_at) VALUES ('d1', 'no-such-case', 'inquiry', 'X1', '1', 'draft', '{}', 1, 't', 't')`,
        ).run();
      },
    };
    let err: unknown;
    try {
      migrate(db, [...MIGRATIONS, breaks]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CoreError);
    expect((err as CoreError).message).toMatch(/有1处引用找不到对应的记录（documents），已撤销本次升级/);
    expect(db.pragma('user_version', { simple: true })).toBe(NEWEST);
    expect(tables(db)).not.toContain('half_done');
    expect(db.prepare(`SELECT count(*) FROM documents`).pluck().get()).toBe(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // A rebuild that throws is rolled back the same way.
    const throws: Migration = {
      ...breaks,
      up: () => {
        throw new Error('disk full halfway');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, throws])).toThrow(/disk full halfway/);
    expect(db.pragma('user_version', { simple: true })).toBe(NEWEST);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('a migration that moves data keeps it (pattern for later migrations)', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('case_no_prefix', '柳南网信')`).run();
    const rename: Migration = {
      version: NEWEST + 1,
      name: 'settings-to-kv',
      up: (d) => {
        d.exec(
          `CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT NOT NULL) STRICT; INSERT INTO kv SELECT key, value FROM settings;`,
        );
      },
    };
    expect(migrate(db, [...MIGRATIONS, rename])).toEqual({ from: NEWEST, to: NEWEST + 1 });
    expect(db.prepare(`SELECT v FROM kv WHERE k = 'case_no_prefix'`).get()).toEqual({ v: '柳南网信' });
    db.close();
  });

  it('002 keeps the cases of a version-1 database and adds documents that must reference them', () => {
    const dir = tempDir();
    const v1 = new Database(join(dir, DATABASE_FILE));
    migrate(v1, MIGRATIONS.slice(0, 1));
    v1.prepare(
      `INSERT INTO cases (id, case_no, title, source, source_note, party_json, platform_json, matter_id, summary, status, search_text, created_at, updated_at)
      VALUES ('c1', 'N1', '旧案件', '其他', '', '{}', '{}', 'csl-59', '', 'clue', '', 't', 't')`,
    ).run();
    v1.close();
    const db = openDatabase(dir);
    expect(db.prepare(`SELECT title FROM cases WHERE id = 'c1'`).get()).toEqual({ title: '旧案件' });
    const ins = db.prepare(
      `INSERT INTO documents (id, case_id, type, doc_no, template_version, state, content_json, revision, created_at, updated_at) VALUES (?, ?, 'inquiry', ?, '1', 'draft', ?, 1, 't', 't')`,
    );
    ins.run('d1', 'c1', 'X1', '{}');
    expect(() => ins.run('d2', 'no-such-case', 'X2', '{}')).toThrow(/FOREIGN KEY/);
    expect(() => ins.run('d3', 'c1', 'X3', 'not json')).toThrow(/CHECK/);
    db.close();
  });
});
