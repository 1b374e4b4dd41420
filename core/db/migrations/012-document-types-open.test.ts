// Migration 012 rebuilds the table that holds sealed records (documents, without migration 002's
// CHECK on the type). Like migrations.test.ts, on a real SQLCipher database at the version before —
// here filled by the app itself at version 011: a sealed document of every type with its
// signatures, imported evidence and seals, a 补正 draft naming a sealed document. Then closed,
// reopened by the app (which applies 012) and checked: every seal verifies before and after, every
// row of every table is unchanged, sealed rows still refuse changes made by direct SQL, the
// indexes and triggers are the same by name and SQL, the foreign keys hold, and only the type's
// CHECK is gone — an unknown type is refused by the store, with a Chinese message.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoEvidence, demoInquiry, demoOnsite, demoPreservation } from '../../../scripts/demo-documents.ts';
import {
  makeCore,
  OFFICER_A,
  OFFICER_B,
  orgCaseInput,
  setUpPair,
  type TestCore,
} from '../../../tests/support/core-fixture.ts';
import { signedDocument } from '../../../tests/support/signing-fixture.ts';
import { lawfulEvidence } from '../../../tests/support/lawful-samples.ts';

// The 先行登记保存 taken during the inspection (08:50–09:25), after the 电子取证 (09:00–09:20) and
// before the inquiry (09:30): the 现场笔录 records it as a measure of its time (measureNotRecorded).
const duringInspection = (p: ReturnType<typeof demoPreservation>) => ({
  ...p,
  approval: { ...p.approval, at: '2026-11-20T09:21' },
  startAt: '2026-11-20T09:22',
});
const recordingMeasures = (o: ReturnType<typeof demoOnsite>, preservationId: string) => ({
  ...o,
  measures: [
    ...o.measures,
    { id: 'm3', kind: '先行登记保存', description: '先行登记保存移动硬盘等2件。', linkedDocumentId: preservationId },
  ],
});
import { silentLog } from '../../../protocol/runtime/log.ts';
import { CoreError } from '../../../protocol/runtime/core-error.ts';
import { DOCUMENT_TYPE_LABELS, type DocumentType } from '../../../shared/documents/document-types.ts';
import { openCore } from '../../app-core.ts';
import { verifyCore } from '../../seals/verify-seals.ts';
import { DATABASE_FILE } from '../open-database.ts';
import { MIGRATIONS } from './index.ts';
import { migration015 } from './015-timeline.ts';
import { migration016 } from './016-document-context.ts';

/** The types a version-011 database can hold (migration 002's CHECK): a sealed document of each. */
const TYPES_AT_011 = ['inquiry', 'onsite', 'evidence', 'preservation'] as const;
type TypeAt011 = (typeof TYPES_AT_011)[number];

let t: TestCore | undefined;
afterEach(() => {
  t?.dispose();
  t = undefined;
});

/** Every table's rows in rowid order, all columns. */
function rows(db: Database): Record<string, unknown[]> {
  const names = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(names.map((n) => [n, db.prepare(`SELECT * FROM "${n}" ORDER BY rowid`).all()]));
}

/** Every index and trigger of the schema: type, name, table and SQL (autoindexes by name and table). */
const schemaObjects = (db: Database) =>
  db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY type, name`,
    )
    .all();
const tableSql = (db: Database, name: string) =>
  db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`).pluck().get(name) as string;
const documentsSql = (db: Database) => tableSql(db, 'documents');

// The fixture is made by today's app with the migrations cut at 011. Today's app also reads and
// writes what migration 015 added (the case timeline's confirmations and heads, the late-signing
// reason of a sitting), which no table of 011 holds: 015's objects are lent while the fixture is
// made and taken away before it is closed (UNDO_015), so the file is at 011 again, by its schema
// and its version. 012 rebuilds only the documents table and copies content_json as it is, so
// content written by today's app tests it as well as older content. Should a later migration
// change a table 012 rebuilds, freeze this fixture as SQL (like the SEEDS of migrations.test.ts)
// — the rebuild's checks below stay as they are.
// Likewise 016's column (the case context a document prints, copied at 待签名), which today's store
// writes at 待签名 and reads back: lent with 015's objects and dropped with them.
const UNDO_015 = `
  DROP TABLE timeline_confirmations;
  DROP TABLE office_heads;
  ALTER TABLE signing_ceremonies DROP COLUMN late_reason;
  ALTER TABLE documents DROP COLUMN context_json;
`;

// The fixture is made by today's app with the migrations cut at 011: that holds while no later
// migration changes what the app writes. When one does, freeze this fixture as SQL (like the SEEDS
// of migrations.test.ts) — the rebuild's checks below stay as they are.
// Today's app writes signatures.how_json (migration 013): the app "at 011" is 001–011 plus that
// one column, added the way 013 adds it, so today's store can write its rows; 012 is then applied
// alone (it rebuilds documents and leaves signatures as they are — column included).
const AT_011 = [
  ...MIGRATIONS.slice(0, 10),
  {
    ...MIGRATIONS[10]!,
    up: (db: Database) => {
      MIGRATIONS[10]!.up(db);
      db.exec(`ALTER TABLE signatures ADD COLUMN how_json TEXT CHECK (how_json IS NULL OR json_valid(how_json))`);
    },
  },
];
const UP_TO_012 = [...AT_011, MIGRATIONS[11]!];
// Every migration after 012, as the app runs them — but 013 does not add how_json again (the
// fixture's app already had it): the rest of 013 (the immutability trigger covering it) runs as is.
const AFTER_012 = [
  ...UP_TO_012,
  {
    ...MIGRATIONS[12]!,
    up: (db: Database) =>
      MIGRATIONS[12]!.up({
        exec: (sql: string) => db.exec(sql.replace(/ALTER TABLE signatures ADD COLUMN how_json[^;]*;/, '')),
      } as unknown as Database),
  },
  ...MIGRATIONS.slice(13),
];

/** The app at schema version 011, with sealed documents of every type, evidence, signatures and a 补正 draft. */
async function filledAt011(): Promise<{
  t: TestCore;
  sealed: Record<TypeAt011, string>;
  draft: string;
  back011: () => void;
}> {
  const tc = makeCore({ migrations: AT_011 });
  const at011 = schemaObjects(tc.core.db);
  const signingSql = tableSql(tc.core.db, 'signing_ceremonies');
  const documentsAt011 = documentsSql(tc.core.db);
  tc.core.db.transaction(() => {
    migration015.up(tc.core.db);
    migration016.up(tc.core.db);
  })();
  await setUpPair(tc);
  const ids = (await tc.must('officers.list', {})).map((o) => o.id) as [string, string];
  const caseId = (await tc.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
  const item = await tc.core.evidence.ingest([Buffer.from('nginx 访问日志\n'.repeat(2000))], {
    caseId,
    fileName: 'access.log',
    officerIds: ids,
    meta: {
      category: '日志',
      description: '',
      source: '/var/log/nginx',
      method: '复制',
      timeSourceNote: '',
      provider: { name: '', idNumber: '', statement: false },
      original: true,
      copy: { method: '', madeAt: '', madeBy: '' },
    },
  });
  const evidence = {
    ...demoEvidence(ids, ids[1]),
    items: [
      {
        id: item.id,
        name: 'access.log',
        category: '日志' as const,
        format: 'LOG',
        source: '/var/log/nginx',
        method: '复制',
        sizeBytes: String(item.sizeBytes),
        sha256: item.sha256,
        sm3: item.sm3,
        time: '2026-11-20T09:00',
        medium: '本机',
        evidenceId: item.id,
      },
    ],
  };
  const evidenceDoc = await signedDocument(tc, caseId, 'evidence', lawfulEvidence(evidence), ids);
  const inquiry = await signedDocument(tc, caseId, 'inquiry', demoInquiry(ids[0], ids[1]), ids);
  const preservation = await signedDocument(tc, caseId, 'preservation', duringInspection(demoPreservation(ids)), ids);
  const onsite = demoOnsite(ids, ids[1], evidenceDoc);
  const sealed: Record<TypeAt011, string> = {
    evidence: evidenceDoc,
    inquiry,
    onsite: await signedDocument(tc, caseId, 'onsite', recordingMeasures(onsite, preservation), ids),
    preservation,
  };
  for (const type of TYPES_AT_011)
    await tc.must('seals.seal', {
      documentId: sealed[type],
      officerPasswords: [OFFICER_A.password, OFFICER_B.password],
    });
  const draft = (await tc.must('seals.correct', { documentId: sealed.inquiry, reason: '被询问人姓名笔误' })).id;
  /** Takes 015's objects away (after the seals were verified by today's app, which reads them). */
  const back011 = () => {
    tc.core.db.exec(UNDO_015);
    // Back at 011: the same indexes, triggers and sitting table as before 015 was lent.
    expect(schemaObjects(tc.core.db)).toEqual(at011);
    expect(tableSql(tc.core.db, 'signing_ceremonies')).toBe(signingSql);
    expect(documentsSql(tc.core.db)).toBe(documentsAt011);
  };
  return { t: tc, sealed, draft, back011 };
}

describe('012: documents rebuilt without the type CHECK', () => {
  it('keeps every sealed record, seal, signature and trigger exactly; unknown types are refused by the store', async () => {
    const built = await filledAt011();
    t = built.t;
    const { sealed, draft } = built;
    const db0 = t.core.db;
    expect(db0.pragma('user_version', { simple: true })).toBe(11);
    expect(documentsSql(db0)).toContain(`CHECK (type IN ('inquiry', 'onsite', 'evidence', 'preservation'))`);
    expect(new Set(Object.values(sealed)).size).toBe(TYPES_AT_011.length);
    const reportBefore = await verifyCore(t.core);
    expect(reportBefore.checks.filter((c) => !c.ok)).toEqual([]);
    expect(reportBefore.checks.filter((c) => /^封存\d+：签名/.test(c.what))).toHaveLength(TYPES_AT_011.length);
    built.back011();
    const before = rows(db0);
    const objectsBefore = schemaObjects(db0);
    expect(before.seals).toHaveLength(4);
    expect(before.seal_evidence!.length).toBeGreaterThan(0);
    expect(before.signatures!.length).toBeGreaterThan(8);
    t.core.close();
    // SQLCipher: the file holds no plaintext header.
    expect(readFileSync(join(t.dir, DATABASE_FILE)).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');

    // The app starts again, with every migration: 012 runs.
    t.core = openCore({ dataDir: t.dir, custody: t.custody, log: silentLog, migrations: UP_TO_012 });
    const db = t.core.db;
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('legacy_alter_table', { simple: true })).toBe(0);
    expect(documentsSql(db)).not.toMatch(/type IN|CHECK \(type/);
    expect(documentsSql(db)).toMatch(/CHECK \(state IN \('draft', 'ready'\)\)/);
    expect(rows(db)).toEqual(before);
    expect(schemaObjects(db)).toEqual(objectsBefore);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // Sealed rows still refuse changes made past the app, by direct SQL (migration 005's triggers).
    for (const id of Object.values(sealed)) {
      expect(() => db.prepare(`UPDATE documents SET content_json = '{}' WHERE id = ?`).run(id)).toThrow(
        /a sealed document is immutable/,
      );
      expect(() => db.prepare(`DELETE FROM documents WHERE id = ?`).run(id)).toThrow(/a sealed document is immutable/);
      expect(() => db.prepare(`UPDATE signatures SET reason = 'x' WHERE document_id = ?`).run(id)).toThrow(
        /the signatures of a sealed document are immutable/,
      );
    }
    // The references still hold: a document of no case, a 补正 of no document.
    const insert = db.prepare(
      `INSERT INTO documents (id, case_id, type, doc_no, template_version, state, content_json, revision, created_at, updated_at, corrects_document_id)
       VALUES (?, ?, 'inquiry', ?, '2023.1', 'draft', '{}', 1, 't', 't', ?)`,
    );
    const caseId = (before.documents![0] as { case_id: string }).case_id;
    expect(() => insert.run('x1', 'no-such-case', 'X1', null)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('x2', caseId, 'X2', 'no-such-document')).toThrow(/FOREIGN KEY/);
    expect(rows(db).documents).toEqual(before.documents);

    // Which types exist is the registry's: the store refuses another, saying which it can make.
    const machine = { os: '', host: '', software: '' };
    let err: unknown = null;
    try {
      t.core.documents.create(caseId, 'memo' as DocumentType, { officerIds: [], now: new Date(), machine }, []);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CoreError);
    expect((err as CoreError).kind).toBe('validation');
    expect((err as CoreError).message).toBe(
      `未知的文书种类「memo」：本程序只能制作${Object.values(DOCUMENT_TYPE_LABELS).join('、')}。请从文书列表中选择。`,
    );
    expect((err as CoreError).message).toContain('询问笔录、现场笔录、电子取证工作记录、登记保存物品清单及通知书');
    expect(rows(db).documents).toEqual(before.documents);

    // The app goes on, with every migration (013 and later run on the rebuilt table): the 补正 draft
    // is edited and completed, a new document is made, and all verifies.
    t.core.close();
    t.core = openCore({ dataDir: t.dir, custody: t.custody, log: silentLog, migrations: AFTER_012 });
    expect(t.core.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    // Every seal verifies as before the upgrade (today's app verifies at the newest version only).
    const reportAfter = await verifyCore(t.core);
    expect(reportAfter).toEqual(reportBefore);
    await t.must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    await t.must('session.signIn', { certNo: OFFICER_B.certNo, password: OFFICER_B.password });
    const refused = await t.call('documents.create', { caseId, type: 'memo' as DocumentType });
    expect(refused.ok || refused.error).toMatchObject({ kind: 'validation', fields: { type: '未知的文书种类。' } });
    const d = await t.must('documents.get', { id: draft });
    await t.must('documents.save', {
      id: draft,
      revision: d.revision,
      content: { ...d.content, place: '航五路12号二楼' },
    });
    await t.must('documents.markReady', { id: draft });
    const fresh = await t.must('documents.create', { caseId, type: 'preservation' });
    expect(fresh.docNo).toMatch(/保/);
    expect((await verifyCore(t.core)).checks.filter((c) => !c.ok)).toEqual([]);
  }, 120_000);
});
