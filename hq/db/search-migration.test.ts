// Migration '007_search' on a database that already holds seals (this run's engine: SQLite in
// `unit`, PostgreSQL in `hq-postgres`): a real device syncs two sealed documents and a second
// device sends a seal of its own; the database is then put back as it was before '007_search'
// (its table and indexes dropped, its line in hq_migrations removed) and HQ reopened — the
// migration's backfill must give the very rows ingest wrote, and the 执法人员 search must find
// the same cases again.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SealPackage } from '../../protocol/sync/protocol.ts';
import { makeCore, OFFICER_A, type TestCore } from '../../tests/support/core-fixture.ts';
import { commit, forge, forgerAt, sealPackages, type Forger } from '../../tests/support/forge-seal.ts';
import { HQ_TEST_ENGINE, testHqDatabase, testHqKey } from '../../tests/support/hq-engines.ts';
import { sealedDevice } from '../../tests/support/sync-fixture.ts';
import { openHq, type HqApp } from '../hq-app.ts';
import { CASE_SUMMARY } from './migration-009-case-summary.ts';
import { startHqServer, type HqServer } from '../http/hq-server.ts';
import type { HqKeySource } from '../keys/hq-keys.ts';

let dir: string;
let url: string | undefined;
let key: HqKeySource;
let hq: HqApp;
let server: HqServer | null = null;
let a: TestCore;

const open = () => openHq({ dataDir: dir, key, name: '广西壮族自治区互联网信息办公室', ...(url ? { db: url } : {}) });

async function officerRows(h: HqApp) {
  return h.db
    .selectFrom('seal_officers')
    .selectAll()
    .orderBy('device_id')
    .orderBy('seq')
    .orderBy('officer_id')
    .execute();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'field-hq-search-migration-'));
  url = testHqDatabase();
  key = testHqKey();
  hq = await open();
  server = await startHqServer({ hq, port: 0, log: () => {} });
  a = makeCore();
  await sealedDevice(a, 2);
  await a.core.sync.enroll(server.url, (await hq.devices.createCode('test', '', '')).code);
  expect(await a.core.sync.run()).toMatchObject({ ok: true });
  const pkgs: SealPackage[] = sealPackages(a);
  const b: Forger = await forgerAt(server.url, (await hq.devices.createCode('test', '', '')).code, '第二终端');
  expect((await commit(b, forge(pkgs[0]!, b, 'none', randomUUID(), '第二终端的当事人'))).status).toBe(200);
  await server.close();
  server = null;
}, 180_000);

afterAll(async () => {
  await server?.close();
  await hq?.close();
  a?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`migration 007_search on a database with seals (HQ on ${HQ_TEST_ENGINE})`, () => {
  it('the backfill writes the rows ingest wrote: one per officer of each seal, with its case', async () => {
    const written = await officerRows(hq);
    expect(written).toHaveLength(3 * 2); // three seals, two officers each
    expect(new Set(written.map((r) => r.cert_no))).toEqual(new Set(['45020019001', '45020019002']));
    const cases = await hq.db.selectFrom('documents').select(['device_id', 'seq', 'case_id']).execute();
    for (const r of written)
      expect(r.case_id).toBe(cases.find((c) => c.device_id === r.device_id && c.seq === r.seq)!.case_id);
    const viewer = (await hq.admins.viewer((await hq.admins.create('sheng', 'staff-password-1')).username))!;
    const found = (await hq.cases.search(viewer, { officer: OFFICER_A.certNo })).rows.map((r) => r.id).sort();
    expect(found).toHaveLength(2);

    // The database as it was before '007_search' (and so before the migrations after it, which
    // run again on reopening).
    for (const index of CASE_SUMMARY.indexes) await sql.raw(`DROP INDEX ${index}`).execute(hq.db);
    for (const column of CASE_SUMMARY.columns) await sql.raw(`ALTER TABLE cases DROP COLUMN ${column}`).execute(hq.db);
    await sql`DELETE FROM hq_migrations WHERE name = '009_case_summary'`.execute(hq.db);
    await sql`DROP TABLE device_deadlines`.execute(hq.db);
    await sql`DROP TABLE deadline_reports`.execute(hq.db);
    await sql`DELETE FROM hq_migrations WHERE name = '008_deadlines'`.execute(hq.db);
    for (const index of [
      'documents_sealed',
      'documents_case_sealed',
      'flags_seal',
      'cases_updated',
      'cases_case_no',
      'cases_party',
      'cases_status',
    ])
      await sql.raw(`DROP INDEX ${index}`).execute(hq.db);
    await sql`DROP TABLE seal_officers`.execute(hq.db);
    await sql`DELETE FROM hq_migrations WHERE name = '007_search'`.execute(hq.db);
    await hq.close();

    hq = await open();
    expect(await officerRows(hq)).toEqual(written);
    const again = (await hq.admins.viewer('sheng'))!;
    expect((await hq.cases.search(again, { officer: OFFICER_A.name })).rows.map((r) => r.id).sort()).toEqual(found);
    // Still append-only after the backfill.
    await expect(sql`UPDATE seal_officers SET name = 'x'`.execute(hq.db)).rejects.toThrow(/append-only/);
  });
});
