// The staff app's 导出证据包, 统计, deadlines on 总览, and two fixes, through the real HTTP server on
// this run's engine (SQLite in `unit`, PostgreSQL in `hq-postgres`): a city office with two
// districts; device A (a real device core) enrolled for 柳南区 syncs two sealed documents (one with
// evidence); device B, enrolled for 城中区, sends a seal of its own. The export is unpacked with GNU
// tar and checked with the real verifier (scripts/verify.ts), then tampered with.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { SealPackage } from '../../protocol/sync/protocol.ts';
import { ROOT } from '../../scripts/build.ts';
import { makeCore, type TestCore } from '../../tests/support/core-fixture.ts';
import { commit, forge, forgerAt, sealPackages, type Forger } from '../../tests/support/forge-seal.ts';
import { HQ_TEST_ENGINE, testHqDatabase, testHqKey } from '../../tests/support/hq-engines.ts';
import { enrolledDeviceAt, send, type TestDevice } from '../../tests/support/hq-fixture.ts';
import { openDeadlinesReport } from '../../core/deadlines/deadlines-report.ts';
import { DEADLINES_FORMAT, type ReportedDeadline } from '../../protocol/sync/deadlines-report.ts';
import { sealedDevice } from '../../tests/support/sync-fixture.ts';
import { openHq, type HqApp } from '../hq-app.ts';
import { startHqServer, type HqServer } from '../http/hq-server.ts';
import type { Office } from '../offices/office-store.ts';

const PASSWORD = 'staff-password-1';
let dir: string;
let hq: HqApp;
let server: HqServer;
let a: TestCore;
let city: Office, liunan: Office, chengzhong: Office;
let aDocs: string[];
let aCase: string;
let bCase: string;
let bDevice: TestDevice;
const cookies = new Map<string, string>();

async function login(user: string): Promise<string> {
  const r = await send(
    server.url,
    'POST',
    '/login',
    { 'content-type': 'application/x-www-form-urlencoded' },
    new URLSearchParams({ username: user, password: PASSWORD }).toString(),
  );
  expect(r.status, r.text).toBe(303);
  return String(r.headers['set-cookie']).split(';')[0]!;
}
const api = (user: string, path: string) =>
  send(server.url, 'GET', `/api/staff${path}`, { cookie: cookies.get(user)! });
const download = (user: string, path: string) =>
  fetch(`${server.url}api/staff${path}`.replace(/([^:])\/\//, '$1/'), { headers: { cookie: cookies.get(user)! } });
const accessRows = () =>
  hq.db.selectFrom('access_log').select(['username', 'action', 'case_id', 'detail']).orderBy('id').execute();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'field-hq-extras-'));
  const db = testHqDatabase();
  hq = await openHq({ dataDir: dir, key: testHqKey(), name: '柳州市互联网信息办公室', ...(db ? { db } : {}) });
  server = await startHqServer({ hq, port: 0, log: () => {} });
  city = (await hq.offices.root())!;
  liunan = await hq.offices.create('test', { name: '柳南区网信办', level: 'district', parentId: city.id });
  chengzhong = await hq.offices.create('test', { name: '城中区网信办', level: 'district', parentId: city.id });
  await hq.admins.create('shi', PASSWORD, { officeId: city.id, role: 'admin' });
  await hq.admins.create('liunan', PASSWORD, { officeId: liunan.id, role: 'reviewer' });
  await hq.admins.create('chengzhong', PASSWORD, { officeId: chengzhong.id, role: 'reviewer' });
  for (const u of ['shi', 'liunan', 'chengzhong']) cookies.set(u, await login(u));

  a = makeCore();
  const sealed = await sealedDevice(a, 2);
  aDocs = sealed.documentIds;
  aCase = sealed.caseId;
  await a.core.sync.enroll(server.url, (await hq.devices.createCode('test', '', '', liunan.id)).code);
  expect(await a.core.sync.run()).toMatchObject({ ok: true });
  const pkgs: SealPackage[] = sealPackages(a);
  const b: Forger = await forgerAt(
    server.url,
    (await hq.devices.createCode('test', '', '', chengzhong.id)).code,
    '城中终端',
  );
  const forged = forge(pkgs[0]!, b, 'none', randomUUID(), '城中区的当事人');
  expect((await commit(b, forged)).status).toBe(200);
  bCase = (JSON.parse(forged.seal.payload) as SealPayload).document.caseId;
  bDevice = b.d;
}, 180_000);

afterAll(async () => {
  await server?.close();
  await hq?.close();
  a?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const verify = (path: string, fp: string) =>
  spawnSync(process.execPath, ['scripts/verify.ts', path, '--hq-root', fp], { cwd: ROOT, encoding: 'utf8' });

describe(`导出证据包 (HQ on ${HQ_TEST_ENGINE})`, () => {
  it('a case’s export unpacks with tar, each folder passes the real verifier against HQ’s fingerprint; a flipped byte fails', async () => {
    const before = (await accessRows()).length;
    const r = await download('liunan', `/cases/${encodeURIComponent(aCase)}/export`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/x-tar');
    expect(decodeURIComponent(r.headers.get('content-disposition') ?? '')).toMatch(/证据包-.+\.tar/);
    const out = mkdtempSync(join(tmpdir(), 'field-export-'));
    try {
      writeFileSync(join(out, 'x.tar'), Buffer.from(await r.arrayBuffer()));
      const untar = spawnSync('tar', ['-xf', 'x.tar'], { cwd: out, encoding: 'utf8' });
      expect(untar.status, untar.stderr).toBe(0);
      const top = join(
        out,
        readdirSync(out).find((n) => n.startsWith('证据包-'))!,
      );
      const fp = hq.devices.certificates.fingerprint();
      const readme = readFileSync(join(top, '说明.txt'), 'utf8');
      expect(readme).toContain(fp);
      const report = readFileSync(join(top, '核验报告.txt'), 'utf8');
      expect(report).toContain('2份文书全部核验通过');
      expect(report).toContain('导出时重新计算，与封存一致');
      const folders = readdirSync(join(top, '文书'));
      expect(folders).toHaveLength(2);
      for (const f of folders) {
        const v = verify(join(top, '文书', f), fp);
        expect(v.status, v.stdout + v.stderr).toBe(0);
        expect(v.stdout).toContain('核验结论：全部通过');
        // The command 说明.txt gives, exactly.
        expect(readme).toContain(
          `npm run verify -- "${readdirSync(out).find((n) => n.startsWith('证据包-'))}/文书/${f}/" --hq-root ${fp}`,
        );
      }
      expect(readdirSync(join(top, 'PDF')).length).toBe(2);
      const sums = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(top, '电子数据'), encoding: 'utf8' });
      expect(sums.status, sums.stdout + sums.stderr).toBe(0);
      // Another fingerprint: not anchored (exit 1, the certificate is not from that root).
      expect(verify(join(top, '文书', folders[0]!), '0000-0000-0000-0000-0000-0000-0000-0000').status).not.toBe(0);
      // One flipped byte in the document's signed form: the verifier fails, naming it.
      const doc = join(top, '文书', folders[0]!, 'document.json');
      const bytes = readFileSync(doc);
      bytes[10] = bytes[10]! ^ 0x01;
      writeFileSync(doc, bytes);
      const bad = verify(join(top, '文书', folders[0]!), fp);
      expect(bad.status).toBe(1);
      expect(bad.stdout).toContain('不通过');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    const added = (await accessRows()).slice(before);
    expect(added.map((x) => [x.username, x.action, x.case_id])).toEqual([['liunan', 'export', aCase]]);
    expect(added[0]!.detail).toContain('导出证据包');
  }, 120_000);

  it('one document’s export holds that document only; another office’s case or document is 404 and nothing is logged', async () => {
    const one = await download('liunan', `/documents/${encodeURIComponent(aDocs[0]!)}/export`);
    expect(one.status).toBe(200);
    await one.arrayBuffer();
    const before = (await accessRows()).length;
    const other = await download('liunan', `/cases/${encodeURIComponent(bCase)}/export`);
    expect(other.status).toBe(404);
    expect(((await other.json()) as { message: string }).message).toBe('没有这个案件。');
    expect((await download('chengzhong', `/documents/${encodeURIComponent(aDocs[0]!)}/export`)).status).toBe(404);
    expect((await accessRows()).length).toBe(before);
  });
});

describe(`统计 (HQ on ${HQ_TEST_ENGINE})`, () => {
  const beijingMonth = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 7);
  async function range() {
    const months = (await hq.db.selectFrom('documents').select('sealed_at').execute()).map((r) =>
      beijingMonth(r.sealed_at),
    );
    return { from: months.sort()[0]!, to: months.sort().at(-1)! };
  }
  type Row = { officeId: string; month: string; matter: string; cases: number; documents: number };
  const totals = (rows: Row[], officeId: string) =>
    rows
      .filter((r) => r.officeId === officeId)
      .reduce((t, r) => ({ cases: t.cases + r.cases, documents: t.documents + r.documents }), {
        cases: 0,
        documents: 0,
      });

  it('counts cases and documents per office, month and matter over the viewer’s offices only', async () => {
    const { from, to } = await range();
    const all = await api('shi', `/stats?from=${from}&to=${to}`);
    expect(all.status, all.text).toBe(200);
    const rows = all.json!.rows as Row[];
    expect(totals(rows, liunan.id)).toEqual({ cases: 1, documents: 2 });
    expect(totals(rows, chengzhong.id)).toEqual({ cases: 1, documents: 1 });
    expect(rows.every((r) => r.matter.length > 0 && /^\d{4}-\d\d$/.test(r.month))).toBe(true);
    // One office (and those below it) when asked.
    const one = await api('shi', `/stats?from=${from}&to=${to}&office=${chengzhong.id}`);
    expect((one.json!.rows as Row[]).map((r) => r.officeId)).toEqual([chengzhong.id]);
    // A district reviewer: their district only, whatever they ask for.
    const district = await api('liunan', `/stats?from=${from}&to=${to}`);
    expect(new Set((district.json!.rows as Row[]).map((r) => r.officeId))).toEqual(new Set([liunan.id]));
    expect((await api('liunan', `/stats?from=${from}&to=${to}&office=${chengzhong.id}`)).json!.rows).toEqual([]);
    // A month without documents: nothing counted.
    const empty = await api('shi', '/stats?from=2001-01&to=2001-02');
    expect(empty.json).toMatchObject({ months: ['2001-01', '2001-02'], rows: [] });
  });

  it('a bad range is a 400 in Chinese, naming the field', async () => {
    const bad = await api('shi', '/stats?from=2026-13');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json!.fields as object)).toEqual(['query.from']);
    const reversed = await api('shi', '/stats?from=2026-05&to=2026-01');
    expect(reversed.status).toBe(400);
    expect(String(reversed.json!.message)).toContain('起始月份不能晚于结束月份');
    expect((await api('shi', '/stats?from=2010-01&to=2026-01')).status).toBe(400);
  });
});

describe(`deadlines on 总览 (HQ on ${HQ_TEST_ENGINE})`, () => {
  const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const deadline = (
    caseNo: string,
    dueDate: string | null,
    extra: Partial<ReportedDeadline> = {},
  ): ReportedDeadline => ({
    caseId: `case-${caseNo}`,
    caseNo,
    kind: 'preservation',
    label: '先行登记保存处理决定',
    dueDate,
    earliest: null,
    status: 'due',
    documentId: null,
    docNo: null,
    ...extra,
  });
  type Urgent = { caseNo: string; status: string; daysLeft: number; officeName: string; caseAtHq: boolean };
  const urgent = async (user: string) => (await api(user, '/overview')).json!.deadlines as Urgent[];

  it('a device’s sync reports its open deadlines, as its 工作台 computes them', async () => {
    const report = openDeadlinesReport(a.core);
    expect(report.deadlines.length).toBeGreaterThan(0); // the case's 立案期限 at least
    const held = await hq.db.selectFrom('device_deadlines').selectAll().orderBy('n').execute();
    const ownedByA = held.filter((r) => r.case_id === aCase);
    expect(ownedByA.map((r) => [r.kind, r.due_date, r.status])).toEqual(
      report.deadlines.map((d) => [d.kind, d.dueDate, d.status]),
    );
  });

  it('overdue and near-due ones show on 总览 per office, within the viewer’s scope; far ones and other offices’ do not', async () => {
    const r = await bDevice.send('POST', '/api/v1/deadlines', {
      format: DEADLINES_FORMAT,
      today: day(0),
      deadlines: [
        deadline('城中网信案〔2026〕1号', day(-2), { status: 'overdue' }),
        deadline('城中网信案〔2026〕2号', day(1)),
        deadline('城中网信案〔2026〕3号', day(30)),
        deadline('城中网信案〔2026〕4号', null, { status: 'uncertain', earliest: day(2) }),
      ],
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toEqual({ stored: 4 });
    const cz = (await urgent('shi')).filter((d) => d.officeName === '城中区网信办');
    expect(cz.map((d) => [d.caseNo, d.status, d.daysLeft])).toEqual([
      ['城中网信案〔2026〕1号', 'overdue', -2],
      ['城中网信案〔2026〕2号', 'soon', 1],
      ['城中网信案〔2026〕4号', 'uncertain', 2],
    ]);
    expect(cz.every((d) => !d.caseAtHq)).toBe(true);
    // The district reviewer of 柳南 sees none of 城中's.
    expect((await urgent('liunan')).some((d) => d.officeName === '城中区网信办')).toBe(false);
    expect((await urgent('chengzhong')).map((d) => d.caseNo)).toContain('城中网信案〔2026〕1号');
    // A later report replaces the earlier one whole: an empty one clears the device's.
    expect(
      (await bDevice.send('POST', '/api/v1/deadlines', { format: DEADLINES_FORMAT, today: day(0), deadlines: [] }))
        .status,
    ).toBe(200);
    expect((await urgent('shi')).some((d) => d.officeName === '城中区网信办')).toBe(false);
  });

  it('a device that never reports (an older version) shows none and nothing fails; a bad or unsigned report is refused and changes nothing', async () => {
    const old = await enrolledDeviceAt(
      server.url,
      (await hq.devices.createCode('test', '', '', chengzhong.id)).code,
      '旧终端',
    );
    expect((await api('shi', '/overview')).status).toBe(200);
    expect((await urgent('shi')).some((d) => (d as unknown as { deviceName: string }).deviceName === '旧终端')).toBe(
      false,
    );
    const before = await hq.db.selectFrom('device_deadlines').selectAll().execute();
    const bad = await old.send('POST', '/api/v1/deadlines', {
      format: DEADLINES_FORMAT,
      today: '2026-13-01x',
      deadlines: [deadline('x', '2026-01-01', { status: 'late' as never })],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json!.fields as object).sort()).toEqual(['body.deadlines.0.status', 'body.today']);
    const unsigned = await send(
      server.url,
      'POST',
      '/api/v1/deadlines',
      { 'content-type': 'application/json' },
      JSON.stringify({ format: DEADLINES_FORMAT, today: day(0), deadlines: [] }),
    );
    expect(unsigned.status).toBe(401);
    expect(await hq.db.selectFrom('device_deadlines').selectAll().execute()).toEqual(before);
  });
});

describe(`fixes (HQ on ${HQ_TEST_ENGINE})`, () => {
  it('a reviewer cannot import a bundle from another office’s device: 404 in Chinese, nothing stored', async () => {
    const bundle = (await a.must('bundles.export', { documentIds: aDocs })).path;
    const seals = async () =>
      Number(
        (
          await hq.db
            .selectFrom('seals')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const n = await seals();
    const post = (user: string) =>
      send(
        server.url,
        'POST',
        '/import',
        { cookie: cookies.get(user)!, 'content-type': 'application/octet-stream' },
        readFileSync(bundle),
      );
    const refused = await post('chengzhong');
    expect(refused.status).toBe(404);
    expect(refused.json).toMatchObject({ ok: false });
    expect(String(refused.json!.message)).toContain('所辖单位以外的设备');
    expect(await seals()).toBe(n);
    // The device's own office may (the seals are held already: the same receipts again).
    const own = await post('liunan');
    expect(own.status, own.text).toBe(200);
  }, 60_000);

  it('人员与角色 shows the login throttle’s real wait for a name (per client), not a stale account lock', async () => {
    for (let i = 0; i < 6; i++)
      await send(
        server.url,
        'POST',
        '/api/staff/login',
        { 'content-type': 'application/json' },
        JSON.stringify({ username: 'chengzhong', password: 'wrong-password' }),
      );
    const staff = await api('shi', '/staff');
    expect(staff.status).toBe(200);
    const rows = staff.json!.staff as { username: string; throttledUntil: string | null; throttledClients: number }[];
    const cz = rows.find((r) => r.username === 'chengzhong')!;
    expect(cz.throttledClients).toBe(1);
    expect(Date.parse(cz.throttledUntil!)).toBeGreaterThan(Date.now());
    expect(rows.find((r) => r.username === 'liunan')).toMatchObject({ throttledUntil: null, throttledClients: 0 });
  });
});
