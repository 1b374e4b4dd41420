// The working-day calendar HQ publishes (reference data `holidays`, signed) replaces the shipped
// one on the device — from the next call, without a restart — when it is newer; a tampered,
// malformed or older one is not used, and the screens say why. Real HQ in-process, real sockets,
// real cores.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import shippedJson from '../../assets/calendar/calendar.json' with { type: 'json' };
import { openHq, type HqApp } from '../../hq/hq-app.ts';
import { startHqServer, type HqServer } from '../../hq/http/hq-server.ts';
import { CalendarDataSchema, type CalendarData } from '../../shared/calendar/calendar-schema.ts';
import { FixedClock, makeCore, orgCaseInput, setUpPair, type TestCore } from '../support/core-fixture.ts';
import { hqDatabaseOf, hqDataDir } from '../support/sync-fixture.ts';
import { TEST_HQ_PASSPHRASE } from '../support/hq-engines.ts';

const shipped = CalendarDataSchema.parse(shippedJson);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function hqServer(): Promise<{ hq: HqApp; server: HqServer }> {
  const dir = hqDataDir();
  const db = hqDatabaseOf(dir);
  const hq = await openHq({ dataDir: dir, key: { passphrase: TEST_HQ_PASSPHRASE }, ...(db ? { db } : {}) });
  const server = await startHqServer({ hq, port: 0, log: () => {} });
  cleanups.push(async () => {
    await server.close();
    await hq.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { hq, server };
}

async function device(clock = new FixedClock('2026-12-29T02:00:00.000Z')): Promise<{ t: TestCore; caseId: string }> {
  const t = makeCore({ clock });
  cleanups.push(() => t.dispose());
  await setUpPair(t);
  const ids = (await t.must('officers.list', {})).map((o) => o.id);
  // Registered on Monday 2026-12-28: its 7 working days reach into 2027.
  clock.t = Date.parse('2026-12-28T02:00:00.000Z');
  const caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
  clock.t = Date.parse('2026-12-29T02:00:00.000Z');
  return { t, caseId };
}

/**
 * The shipped table with one more year. The 2027 days here are an assumption for the test only
 * (the State Council had not published 2027 when this was written): 元旦 1月1日–3日, 春节 2月6日–12日.
 */
function with2027(version = '2027.1'): CalendarData {
  const base = structuredClone(shipped);
  const days = (from: number, to: number, month: string, name: string) =>
    Object.fromEntries(
      Array.from({ length: to - from + 1 }, (_, i) => [`2027-${month}-${String(from + i).padStart(2, '0')}`, name]),
    );
  base.years.push({
    year: 2027,
    notice: '测试用假设安排（非国务院办公厅通知）',
    url: '',
    holidays: { ...days(1, 3, '01', '元旦'), ...days(6, 12, '02', '春节') },
    workdays: {},
  });
  return { ...base, version, validThrough: '2027-12-31' };
}

const filingOf = async (t: TestCore, caseId: string) =>
  (await t.must('deadlines.case', { caseId })).deadlines.find((d) => d.kind === 'filing')!;

describe('the working-day calendar from HQ', () => {
  it(
    'with only the shipped table, a deadline reaching 2027 is uncertain; HQ publishes 2027 and, once received, it is certain',
    { timeout: 60_000 },
    async () => {
      const { hq, server } = await hqServer();
      const { t, caseId } = await device();
      const before = await filingOf(t, caseId);
      expect(before).toMatchObject({ status: 'uncertain', dueDate: null, earliest: '2027-01-04' });
      expect((await t.must('calendar.get', {})).summary).toMatchObject({
        origin: 'shipped',
        validThrough: '2026-12-31',
      });

      await hq.reference.publish('holidays', with2027());
      await t.must('sync.enroll', { url: server.url, code: (await hq.devices.createCode('t', '', '')).code });
      // No restart: the next call counts with HQ's table. 12/29–12/31, then 1/4–1/7 (1/1–1/3 off in it).
      expect(await filingOf(t, caseId)).toMatchObject({ status: 'due', dueDate: '2027-01-07', daysLeft: 9 });
      const info = await t.must('calendar.get', {});
      expect(info.summary).toMatchObject({
        origin: 'hq',
        hqVersion: 1,
        version: '2027.1',
        validThrough: '2027-12-31',
        note: null,
      });
      expect(info.data.years.at(-1)!.year).toBe(2027);
      expect((await t.must('dashboard.get', {})).calendar.origin).toBe('hq');

      // A correction of the same period (a higher version) arrives at the next sync and is used.
      const corrected = with2027('2027.2');
      corrected.years.at(-1)!.holidays['2027-01-04'] = '元旦';
      await hq.reference.publish('holidays', corrected);
      expect(await t.core.sync.run()).toMatchObject({ ok: true });
      expect(await filingOf(t, caseId)).toMatchObject({ status: 'due', dueDate: '2027-01-08' });
      expect((await t.must('calendar.get', {})).summary).toMatchObject({
        origin: 'hq',
        hqVersion: 2,
        version: '2027.2',
      });
    },
  );

  it(
    'a table altered on the device after it was received is refused (HQ signature) and the shipped one counts, saying why',
    { timeout: 60_000 },
    async () => {
      const { hq, server } = await hqServer();
      const { t, caseId } = await device();
      await hq.reference.publish('holidays', with2027());
      await t.must('sync.enroll', { url: server.url, code: (await hq.devices.createCode('t', '', '')).code });
      expect((await t.must('calendar.get', {})).summary.origin).toBe('hq');
      t.core.db
        .prepare(
          `UPDATE reference_data SET data = replace(data, '"2027-02-12":"春节"', '"2027-02-13":"春节"') WHERE kind = 'holidays'`,
        )
        .run();
      const info = await t.must('calendar.get', {});
      expect(info.summary).toMatchObject({ origin: 'shipped', validThrough: '2026-12-31' });
      expect(info.summary.note).toContain('总部发布的节假日表（第1版）未采用：总部签名无效');
      expect((await filingOf(t, caseId)).status).toBe('uncertain');
    },
  );

  it(
    'a signed table that is not a valid calendar is not used, and the screens say so; an older one is simply not used',
    { timeout: 60_000 },
    async () => {
      const { hq, server } = await hqServer();
      const { t } = await device();
      await hq.reference.publish('holidays', { year: 2027, holidays: ['2027-01-01'], workdays: [] });
      await t.must('sync.enroll', { url: server.url, code: (await hq.devices.createCode('t', '', '')).code });
      const bad = (await t.must('dashboard.get', {})).calendar;
      expect(bad).toMatchObject({ origin: 'shipped', version: shipped.version });
      expect(bad.note).toContain('未采用：格式不符');

      // The same data as the shipped table (same period, same version): nothing to replace, nothing to report.
      await hq.reference.publish('holidays', shipped);
      expect(await t.core.sync.run()).toMatchObject({ ok: true });
      const same = (await t.must('calendar.get', {})).summary;
      expect(same.origin).toBe('shipped');
      expect(same.note ?? '').not.toContain('未采用');
      // A table covering less than the shipped one is not used either.
      await hq.reference.publish('holidays', {
        ...structuredClone(shipped),
        version: '2099.1',
        years: shipped.years.slice(0, 3),
        validThrough: '2025-12-31',
      });
      expect(await t.core.sync.run()).toMatchObject({ ok: true });
      expect((await t.must('calendar.get', {})).summary).toMatchObject({
        origin: 'shipped',
        validThrough: '2026-12-31',
      });
    },
  );
});
