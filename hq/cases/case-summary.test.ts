// What the staff 案件 list sorts and filters by, kept on each case ('009_case_summary'), on this
// run's engine (SQLite in `unit`, PostgreSQL in `hq-postgres`): a device sends seals of four cases
// sealed on different days through the real HTTP API — a case whose documents span months with
// none in between, one with a single document, one sealed on both sides of a range. Ingest's
// document count and first and last sealing times must equal what the documents say; the 封存日期
// filter must give exactly the cases with a document sealed within the dates (the plain definition,
// checked over a grid of ranges, open-ended ones included); 「文书最多」 sorts by the count; and
// the migration, run again on a database that holds these seals, must fill the same values.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { SealPackage } from '../../protocol/sync/protocol.ts';
import { makeCore, type TestCore } from '../../tests/support/core-fixture.ts';
import { commit, forge, forgerAt, sealPackages, type Forger } from '../../tests/support/forge-seal.ts';
import { HQ_TEST_ENGINE, testHqDatabase, testHqKey } from '../../tests/support/hq-engines.ts';
import { sealedDevice } from '../../tests/support/sync-fixture.ts';
import { CASE_SUMMARY } from '../db/migration-009-case-summary.ts';
import type { Viewer } from '../db/scope.ts';
import { openHq, type HqApp } from '../hq-app.ts';
import { startHqServer, type HqServer } from '../http/hq-server.ts';
import type { HqKeySource } from '../keys/hq-keys.ts';

let dir: string;
let url: string | undefined;
let key: HqKeySource;
let hq: HqApp;
let server: HqServer | null = null;
let a: TestCore;
let viewer: Viewer;

/** Each case's documents, by their sealing time (UTC; Beijing is 8 hours ahead). */
const CASES: Record<string, string[]> = {
  // Spans January to March with nothing sealed in February.
  spans: ['2026-01-05T02:00:00.000Z', '2026-01-20T03:00:00.000Z', '2026-03-10T01:00:00.000Z'],
  // One document, on 15 February (Beijing).
  single: ['2026-02-15T04:00:00.000Z'],
  // Sealed late on 31 January Beijing time (15:59 UTC) and on 1 April.
  edges: ['2026-01-31T15:59:59.000Z', '2026-04-01T00:30:00.000Z'],
  // Four documents in one week of May.
  busy: [
    '2026-05-04T01:00:00.000Z',
    '2026-05-05T01:00:00.000Z',
    '2026-05-06T01:00:00.000Z',
    '2026-05-07T01:00:00.000Z',
  ],
};
const caseIds: Record<string, string> = {};

const open = () => openHq({ dataDir: dir, key, name: '广西壮族自治区互联网信息办公室', ...(url ? { db: url } : {}) });

/** The cases with a document sealed within [from, to] (Beijing days), by the definition. */
function expected(from: string | null, to: string | null): string[] {
  const lo = from ? Date.parse(`${from}T00:00:00+08:00`) : -Infinity;
  const hi = to ? Date.parse(`${to}T00:00:00+08:00`) + 86_400_000 : Infinity;
  return Object.entries(CASES)
    .filter(([, times]) => times.some((t) => Date.parse(t) >= lo && Date.parse(t) < hi))
    .map(([k]) => caseIds[k]!)
    .sort();
}

async function summaries(h: HqApp) {
  return h.db
    .selectFrom('cases')
    .select(['id', 'document_count', 'first_sealed_at', 'last_sealed_at'])
    .orderBy('id')
    .execute();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'field-hq-case-summary-'));
  url = testHqDatabase();
  key = testHqKey();
  hq = await open();
  server = await startHqServer({ hq, port: 0, log: () => {} });
  a = makeCore();
  await sealedDevice(a, 2);
  // A seal package without evidence, re-made for each document below by a device of HQ's.
  const pkg: SealPackage = sealPackages(a).find(
    (p) => (JSON.parse(p.seal.payload) as SealPayload).evidence.length === 0,
  )!;
  const b: Forger = await forgerAt(server.url, (await hq.devices.createCode('test', '', '')).code, '柳南终端');
  // Sent in time order across the cases, as a device seals them.
  const sends = Object.entries(CASES)
    .flatMap(([k, times]) => times.map((t) => ({ k, t })))
    .sort((x, y) => x.t.localeCompare(y.t));
  for (const k of Object.keys(CASES)) caseIds[k] = randomUUID();
  for (const { k, t } of sends) {
    const forged = forge(pkg, b, 'none', randomUUID(), `${k}公司`, (p) => {
      p.document.caseId = caseIds[k]!;
      p.time.sealedAt = t;
    });
    const r = await commit(b, forged);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
  }
  viewer = (await hq.admins.viewer((await hq.admins.create('sheng', 'staff-password-1')).username))!;
}, 180_000);

afterAll(async () => {
  await server?.close();
  await hq?.close();
  a?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`each case's document count and sealing times (HQ on ${HQ_TEST_ENGINE})`, () => {
  it('ingest keeps them as the documents say: count, first and last sealing time', async () => {
    const rows = await summaries(hq);
    expect(rows).toHaveLength(4);
    for (const [k, times] of Object.entries(CASES)) {
      const sorted = [...times].sort();
      expect(
        rows.find((r) => r.id === caseIds[k]),
        k,
      ).toEqual({
        id: caseIds[k],
        document_count: times.length,
        first_sealed_at: sorted[0],
        last_sealed_at: sorted.at(-1),
      });
    }
    // And as the documents table itself counts them.
    const counted = await hq.db
      .selectFrom('documents')
      .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('case_id')
      .execute();
    for (const c of counted) expect(rows.find((r) => r.id === c.case_id)!.document_count).toBe(Number(c.n));
  });

  it('the 封存日期 filter gives exactly the cases with a document sealed within the dates (Beijing days)', async () => {
    const days = [
      null,
      '2025-12-31',
      '2026-01-05',
      '2026-01-06',
      '2026-01-31',
      '2026-02-01',
      '2026-02-14',
      '2026-02-15',
    ];
    const ends = [
      null,
      '2026-01-04',
      '2026-01-05',
      '2026-01-31',
      '2026-02-14',
      '2026-02-15',
      '2026-02-28',
      '2026-03-31',
      '2026-04-01',
      '2026-12-31',
    ];
    let checked = 0;
    for (const from of days)
      for (const to of ends) {
        if (from && to && from > to) continue;
        const f = { ...(from ? { from } : {}), ...(to ? { to } : {}), pageSize: 50 };
        const r = await hq.cases.search(viewer, f);
        expect(r.rows.map((x) => x.id).sort(), `${from ?? '…'} – ${to ?? '…'}`).toEqual(expected(from, to));
        expect(r.total).toBe(r.rows.length);
        checked++;
      }
    expect(checked).toBeGreaterThan(60);
    // The case that spans February without a document in it is not a February case; the one sealed
    // at 23:59 Beijing time on 31 January is a January case, not a February one.
    expect((await hq.cases.search(viewer, { from: '2026-02-01', to: '2026-02-28' })).rows.map((r) => r.id)).toEqual([
      caseIds.single,
    ]);
    expect((await hq.cases.search(viewer, { from: '2026-01-31', to: '2026-01-31' })).rows.map((r) => r.id)).toEqual([
      caseIds.edges,
    ]);
  });

  it('「文书最多」 sorts by the count, ties by id; the list shows the count', async () => {
    const r = await hq.cases.search(viewer, { sort: 'documents_desc' });
    expect(r.rows.map((x) => x.documents)).toEqual([4, 3, 2, 1]);
    expect(r.rows.map((x) => x.id)).toEqual([caseIds.busy, caseIds.spans, caseIds.edges, caseIds.single]);
  });

  it.runIf(HQ_TEST_ENGINE === 'postgres')(
    'HQ’s PostgreSQL connections run without JIT compilation (skipped on SQLite, which has no JIT)',
    async () => {
      // Several at once, so that more than one connection of the pool answers.
      const settings = await Promise.all(
        Array.from({ length: 4 }, () =>
          sql<{ jit: string }>`SELECT current_setting('jit') AS jit, pg_sleep(0.05)`.execute(hq.db),
        ),
      );
      expect(settings.map((r) => r.rows[0]!.jit)).toEqual(['off', 'off', 'off', 'off']);
    },
  );

  it('the migration, run again on these seals, fills the same values', async () => {
    const before = await summaries(hq);
    // The database as it was before '009_case_summary'.
    for (const index of CASE_SUMMARY.indexes) await sql.raw(`DROP INDEX ${index}`).execute(hq.db);
    for (const column of CASE_SUMMARY.columns) await sql.raw(`ALTER TABLE cases DROP COLUMN ${column}`).execute(hq.db);
    await sql`DELETE FROM hq_migrations WHERE name = '009_case_summary'`.execute(hq.db);
    await hq.close();
    hq = await open();
    expect(await summaries(hq)).toEqual(before);
    const again = (await hq.admins.viewer('sheng'))!;
    expect((await hq.cases.search(again, { from: '2026-02-01', to: '2026-02-28' })).rows.map((r) => r.id)).toEqual([
      caseIds.single,
    ]);
  });
});
