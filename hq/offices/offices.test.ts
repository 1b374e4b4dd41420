// Offices and roles, through the real HTTP server on this run's engine (SQLite in `unit`,
// PostgreSQL in `hq-postgres`): a province (root) office, a city under it, two districts under the
// city. Device A (a real device core) is enrolled for 柳南区 and syncs two sealed documents; device B
// is enrolled for 城中区 and sends a seal of its own (A's re-made with B's keys and ids). A province
// user sees both offices' cases; a 柳南 user only A's and gets 404 for B's case, document, PDF,
// evidence and seal hash; each read is in the access log (append-only) that administrators see; a
// 只读 or 审核 user cannot issue enrollment codes, a district 管理员 only for their own district.
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
import { send } from '../../tests/support/hq-fixture.ts';
import { sealedDevice } from '../../tests/support/sync-fixture.ts';
import { openHq, type HqApp } from '../hq-app.ts';
import { startHqServer, type HqServer } from '../http/hq-server.ts';
import type { Office } from './office-store.ts';

const PASSWORD = 'staff-password-1';
let dir: string;
let hq: HqApp;
let server: HqServer;
let a: TestCore;
let province: Office, city: Office, liunan: Office, chengzhong: Office;
/** A's documents and case (柳南区), B's (城中区). */
let aDocs: string[];
let aCase: string;
let bDoc: string;
let bCase: string;
let bSealHash: string;
let evidenceSha: string;
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
const get = (user: string, path: string) => send(server.url, 'GET', path, { cookie: cookies.get(user)! });
const post = (user: string, path: string, fields: Record<string, string>) =>
  send(
    server.url,
    'POST',
    path,
    { cookie: cookies.get(user)!, 'content-type': 'application/x-www-form-urlencoded' },
    new URLSearchParams(fields).toString(),
  );

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'field-hq-offices-'));
  const db = testHqDatabase();
  hq = await openHq({ dataDir: dir, key: testHqKey(), name: '广西壮族自治区互联网信息办公室', ...(db ? { db } : {}) });
  server = await startHqServer({ hq, port: 0, log: () => {} });
  province = (await hq.offices.root())!;
  city = await hq.offices.create('test', { name: '柳州市互联网信息办公室', level: 'city', parentId: province.id });
  liunan = await hq.offices.create('test', { name: '柳南区网信办', level: 'district', parentId: city.id });
  chengzhong = await hq.offices.create('test', { name: '城中区网信办', level: 'district', parentId: city.id });
  await hq.admins.create('sheng', PASSWORD, { officeId: province.id, role: 'reviewer' });
  await hq.admins.create('shengadmin', PASSWORD, { officeId: province.id, role: 'admin' });
  await hq.admins.create('liunan', PASSWORD, { officeId: liunan.id, role: 'reviewer' });
  await hq.admins.create('liunanadmin', PASSWORD, { officeId: liunan.id, role: 'admin' });
  await hq.admins.create('duzhe', PASSWORD, { officeId: city.id, role: 'readonly' });
  for (const u of ['sheng', 'shengadmin', 'liunan', 'liunanadmin', 'duzhe']) cookies.set(u, await login(u));

  a = makeCore();
  const sealed = await sealedDevice(a, 2);
  aDocs = sealed.documentIds;
  aCase = sealed.caseId;
  evidenceSha = sealed.evidence[0]!.sha256;
  await a.core.sync.enroll(server.url, (await hq.devices.createCode('test', '', '', liunan.id)).code);
  expect(await a.core.sync.run()).toMatchObject({ ok: true });
  const pkgs: SealPackage[] = sealPackages(a);
  const b: Forger = await forgerAt(
    server.url,
    (await hq.devices.createCode('test', '', '', chengzhong.id)).code,
    '城中终端',
  );
  // A's 电子取证工作记录 (with evidence) re-made under B's keys and fresh ids.
  const evidencePkg = pkgs.find((p) => (JSON.parse(p.seal.payload) as SealPayload).evidence.length > 0)!;
  const forged = forge(evidencePkg, b, 'none', randomUUID(), '城中区的当事人');
  const r = await commit(b, forged);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  const p = JSON.parse(forged.seal.payload) as SealPayload;
  bDoc = p.document.id;
  bCase = p.document.caseId;
  bSealHash = String(b.prev);
}, 180_000);

afterAll(async () => {
  await server?.close();
  await hq?.close();
  a?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`offices and roles (HQ on ${HQ_TEST_ENGINE})`, () => {
  it('devices belong to the office their code was issued for', async () => {
    const devices = await hq.devices.list();
    expect(devices.map((d) => d.office_id).sort()).toEqual([liunan.id, chengzhong.id].sort());
  });

  it('a province user sees every office’s cases and documents', async () => {
    const list = await get('sheng', '/cases');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`/cases/${encodeURIComponent(aCase)}`);
    expect(list.text).toContain(`/cases/${encodeURIComponent(bCase)}`);
    expect(list.text).toContain('城中区的当事人');
    expect((await get('sheng', `/cases/${encodeURIComponent(bCase)}`)).status).toBe(200);
    const doc = await get('sheng', `/documents/${encodeURIComponent(bDoc)}`);
    expect(doc.status).toBe(200);
    expect(doc.text).toContain('核验通过');
    const ev = await get('sheng', `/documents/${encodeURIComponent(bDoc)}/evidence/${evidenceSha}`);
    expect(ev.status).toBe(200);
  });

  it('a district user sees only their own office’s cases: the other office’s ids are 404 on every route', async () => {
    const list = await get('liunan', '/cases');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`/cases/${encodeURIComponent(aCase)}`);
    expect(list.text).not.toContain(encodeURIComponent(bCase));
    expect(list.text).not.toContain('城中区的当事人');
    // Their own: found.
    expect((await get('liunan', `/cases/${encodeURIComponent(aCase)}`)).status).toBe(200);
    expect((await get('liunan', `/documents/${encodeURIComponent(aDocs[0]!)}`)).status).toBe(200);
    // The other district's: not found, and nothing of it in the answer.
    for (const path of [
      `/cases/${encodeURIComponent(bCase)}`,
      `/documents/${encodeURIComponent(bDoc)}`,
      `/documents/${encodeURIComponent(bDoc)}/pdf`,
      `/documents/${encodeURIComponent(bDoc)}/evidence/${evidenceSha}`,
      `/cases?q=${bSealHash}`,
    ]) {
      const r = await get('liunan', path);
      expect(r.status, path).toBe(404);
      expect(r.text, path).not.toContain('城中区的当事人');
    }
    // Searching for the other's party finds nothing.
    expect((await get('liunan', `/cases?q=${encodeURIComponent('城中区')}`)).text).not.toContain(bCase);
    // The overview counts only their office's device.
    const overview = await get('liunan', '/');
    expect(overview.text).not.toContain('城中终端');
  });

  it('every read of personal data is in the access log: who, what, when; administrators see it', async () => {
    const before = Number(
      (
        await hq.db
          .selectFrom('access_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await get('liunan', `/cases/${encodeURIComponent(aCase)}`);
    await get('liunan', `/documents/${encodeURIComponent(aDocs[1]!)}`);
    await get('liunan', `/documents/${encodeURIComponent(aDocs[1]!)}/evidence/${evidenceSha}`);
    await get('liunan', `/documents/${encodeURIComponent(bDoc)}`); // 404: nothing read, nothing logged
    const rows = await hq.db
      .selectFrom('access_log')
      .select(['username', 'action', 'case_id', 'document_id', 'office_id', 'at'])
      .orderBy('id')
      .execute();
    const added = rows.slice(before);
    expect(added.map((r) => [r.username, r.action, r.case_id, r.document_id])).toEqual([
      ['liunan', 'case', aCase, null],
      ['liunan', 'document', aCase, aDocs[1]],
      ['liunan', 'evidence', aCase, aDocs[1]],
    ]);
    expect(added.every((r) => r.office_id === liunan.id && !Number.isNaN(Date.parse(r.at)))).toBe(true);

    // The district's administrator sees their office's reads, the province's administrator every office's.
    const district = await get('liunanadmin', '/access');
    expect(district.status).toBe(200);
    expect(district.text).toContain('查看文书');
    expect(district.text).toContain('下载电子数据');
    expect(district.text).toContain('liunan');
    expect(district.text).not.toContain('城中区网信办');
    const all = await get('shengadmin', '/access');
    expect(all.text).toContain('城中区网信办'); // the province reviewer read B's document above
    // No raw codes or UTC ISO times on the page.
    expect(all.text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
  });

  it('the access log is append-only in the database', async () => {
    await expect(sql`UPDATE access_log SET detail = 'x'`.execute(hq.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM access_log`.execute(hq.db)).rejects.toThrow(/append-only/);
  });

  it('a 只读 or 审核 user cannot issue enrollment codes; a district 管理员 only for their own district', async () => {
    const codes = async () => (await hq.devices.codes()).length;
    const n = await codes();
    for (const user of ['duzhe', 'liunan', 'sheng']) {
      const r = await post(user, '/codes', { note: '新终端', prefix: '' });
      expect(r.status, user).toBe(403);
      expect(r.text, user).toContain('管理员');
    }
    const other = await post('liunanadmin', '/codes', { note: '新终端', prefix: '', office: chengzhong.id });
    expect(other.status).toBe(403);
    expect(await codes()).toBe(n);
    const own = await post('liunanadmin', '/codes', { note: '新终端', prefix: '' });
    expect(own.status).toBe(200);
    expect(await codes()).toBe(n + 1);
    // A reviewer cannot revoke a device either; nothing changes.
    const d = (await hq.devices.list()).find((x) => x.office_id === liunan.id)!;
    expect((await post('liunan', `/devices/${d.device_id}/revoke`, { reason: '丢失' })).status).toBe(403);
    expect((await hq.devices.get(d.device_id))?.revoked_at).toBeNull();
  });

  it('the event log is in Chinese, Beijing time, and only administrators’ offices', async () => {
    const page = await get('liunanadmin', '/events');
    expect(page.text).toContain('生成登记码');
    expect(page.text).toContain('设备登记');
    expect(page.text).not.toMatch(/>enroll<|>code</);
    expect(page.text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    expect(page.text).not.toContain('城中终端');
  });

  it('offices form a tree: a child is one level below its parent', async () => {
    await expect(hq.offices.create('test', { name: '错误的省', level: 'province', parentId: city.id })).rejects.toThrow(
      /下级须低于市级/,
    );
  });
});

describe(`the staff app's JSON API keeps the same limits (HQ on ${HQ_TEST_ENGINE})`, () => {
  const json = (
    user: string | null,
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ) =>
    send(
      server.url,
      method,
      `/api/staff${path}`,
      {
        ...(user ? { cookie: cookies.get(user)! } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...extra,
      },
      body !== undefined ? JSON.stringify(body) : '',
    );

  it('without a session: 401; the login page’s hello names HQ’s office', async () => {
    expect((await json(null, 'GET', '/cases')).status).toBe(401);
    const hello = await json(null, 'GET', '/hello');
    expect(hello.json).toMatchObject({ hqName: '广西壮族自治区互联网信息办公室' });
  });

  it('a district user: their case list, 404 for the other district’s case and document; a bad filter is a 400 naming it', async () => {
    const list = await json('liunan', 'GET', '/cases?pageSize=5&sort=case_no');
    expect(list.status).toBe(200);
    expect((list.json!.rows as { id: string }[]).map((r) => r.id)).toEqual([aCase]);
    expect((await json('liunan', 'GET', `/cases/${encodeURIComponent(bCase)}`)).status).toBe(404);
    expect((await json('liunan', 'GET', `/documents/${encodeURIComponent(bDoc)}`)).status).toBe(404);
    const doc = await json('liunan', 'GET', `/documents/${encodeURIComponent(aDocs[1]!)}`);
    expect(doc.status).toBe(200);
    expect(doc.json).toMatchObject({ problems: [], officeName: '柳南区网信办' });
    const bad = await json('liunan', 'GET', '/cases?verify=maybe&from=2026-13');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json!.fields as object).sort()).toEqual(['query.from', 'query.verify']);
  });

  it('a province user filters by office, party and 核验状态, with pages', async () => {
    const all = await json('sheng', 'GET', '/cases?pageSize=1&page=2&sort=party');
    expect(all.json).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect((all.json!.rows as unknown[]).length).toBe(1);
    const office = await json('sheng', 'GET', `/cases?office=${chengzhong.id}`);
    expect((office.json!.rows as { id: string }[]).map((r) => r.id)).toEqual([bCase]);
    const party = await json('sheng', 'GET', `/cases?party=${encodeURIComponent('城中区的')}`);
    expect((party.json!.rows as { id: string }[]).map((r) => r.id)).toEqual([bCase]);
    const ok = await json('sheng', 'GET', '/cases?verify=ok');
    expect(ok.json!.total).toBe(2);
    expect((await json('sheng', 'GET', '/cases?verify=flagged')).json!.total).toBe(0);
  });

  it('the 执法人员 filter (执法证号 or name, through seal_officers) finds the cases the payload LIKE it replaced found, within the viewer’s offices and dates', async () => {
    const ids = async (user: string, query: string) =>
      ((await json(user, 'GET', `/cases?${query}`)).json!.rows as { id: string }[]).map((r) => r.id).sort();
    // The filter as it was before '007_search': a LIKE over each seal's canonical JSON payload.
    const before = async (officer: string) => {
      const esc = (t: string) => `%${t.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      const rows = await sql<{
        case_id: string;
      }>`SELECT DISTINCT d.case_id FROM documents d JOIN seals s ON s.device_id = d.device_id AND s.seq = d.seq
        WHERE s.payload LIKE ${esc(`"certNo":${JSON.stringify(officer)}`)} ESCAPE '!' OR s.payload LIKE ${esc(`"name":${JSON.stringify(officer)}}`)} ESCAPE '!'`.execute(
        hq.db,
      );
      return rows.rows.map((r) => r.case_id).sort();
    };
    // B's seal is A's re-made: it names the same officers (李明 45020019001, 王芳 45020019002).
    for (const officer of ['45020019001', '李明', '王芳', '45020019002', '李', '4502001900', '张三', '%'])
      expect(await ids('sheng', `officer=${encodeURIComponent(officer)}`), officer).toEqual(await before(officer));
    expect(await ids('sheng', 'officer=45020019001')).toEqual([aCase, bCase].sort());
    expect(await ids('sheng', `officer=${encodeURIComponent(' 王芳 ')}`)).toEqual([aCase, bCase].sort());
    expect(await ids('sheng', `officer=${encodeURIComponent('李')}`)).toEqual([]); // a whole name or number, as before
    expect(await ids('liunan', 'officer=45020019001')).toEqual([aCase]);
    // With dates: a document sealed within them that names the officer.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(await ids('sheng', `officer=45020019001&from=${today}&to=${today}`)).toEqual([aCase, bCase].sort());
    expect(await ids('sheng', 'officer=45020019001&from=2020-01-01&to=2020-01-31')).toEqual([]);
    expect(await ids('sheng', `from=${today}`)).toEqual([aCase, bCase].sort());
    expect(await ids('sheng', 'to=2020-01-31')).toEqual([]);
  });

  it('a change needs the session’s CSRF token, and the role: a 只读 user cannot issue a code', async () => {
    const session = await json('duzhe', 'GET', '/session');
    const csrf = String(session.json!.csrf);
    const body = { officeId: city.id, note: '', prefix: '' };
    const n = (await hq.devices.codes()).length;
    expect((await json('duzhe', 'POST', '/codes', body)).status).toBe(403); // no token
    const r = await json('duzhe', 'POST', '/codes', body, { 'x-csrf-token': csrf });
    expect(r.status).toBe(403);
    expect(String(r.json!.message)).toContain('管理员');
    const admin = String((await json('shengadmin', 'GET', '/session')).json!.csrf);
    expect((await json('shengadmin', 'POST', '/codes', body, { 'x-csrf-token': csrf })).status).toBe(403); // another session's token
    const made = await json('shengadmin', 'POST', '/codes', body, { 'x-csrf-token': admin });
    expect(made.status).toBe(200);
    expect(made.json).toMatchObject({ officeName: '柳州市互联网信息办公室' });
    expect((await hq.devices.codes()).length).toBe(n + 1);
  });
});
