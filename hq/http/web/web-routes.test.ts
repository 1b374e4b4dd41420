// The staff page: every form field, route parameter and query is checked before anything is done
// (400 naming the field, nothing changed); what devices send is shown escaped (React renders every
// text); a bad %-escape is a 400, not a crash; the headers are those the page always sent, plus
// HSTS over HTTPS. A real HQ on loopback, real HTTP.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { enrolledDevice, selfSignedCert, send, testHq, type TestHq } from '../../../tests/support/hq-fixture.ts';
import { currentLawPackage, publishLawPackage } from '../../reference/law-publish.ts';
import { CSP, SECURITY_HEADERS } from '../security-headers.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function signedInHq(tls?: { certPath: string; keyPath: string }): Promise<TestHq & { cookie: string }> {
  const t = await testHq(tls);
  cleanups.push(() => t.close());
  await t.hq.admins.create('clerk', 'clerk-password-1');
  const r = await send(
    t.server.url,
    'POST',
    '/login',
    { 'content-type': 'application/x-www-form-urlencoded' },
    'username=clerk&password=clerk-password-1',
  );
  expect(r.status).toBe(303);
  const cookie = String(r.headers['set-cookie']).split(';')[0]!;
  return { ...t, cookie };
}

const form = (t: TestHq & { cookie: string }, path: string, fields: Record<string, string>) =>
  send(
    t.server.url,
    'POST',
    path,
    { cookie: t.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    new URLSearchParams(fields).toString(),
  );
const get = (t: TestHq & { cookie: string }, path: string) => send(t.server.url, 'GET', path, { cookie: t.cookie });

describe('the staff page checks every input before it acts', () => {
  it('sign-in without a password is refused by name and starts no session', async () => {
    const t = await signedInHq();
    const r = await send(
      t.server.url,
      'POST',
      '/login',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'username=clerk',
    );
    expect(r.status).toBe(400);
    expect(r.text).toContain('body.password');
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('an enrollment code with a too long note or prefix: 400 naming the field, no code made', async () => {
    const t = await signedInHq();
    const note = await form(t, '/codes', { note: '备'.repeat(61), prefix: '' });
    expect(note.status).toBe(400);
    expect(note.text).toContain('body.note：备注最多60个字');
    const prefix = await form(t, '/codes', { note: '', prefix: '网'.repeat(13) });
    expect(prefix.status).toBe(400);
    expect(prefix.text).toContain('body.prefix：案号前缀最多12个字');
    expect(await t.hq.devices.codes()).toEqual([]);
    const ok = await form(t, '/codes', { note: '李明的终端', prefix: '柳南网信案' });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('id="enroll-code"');
    expect(await t.hq.devices.codes()).toHaveLength(1);
  });

  it('revoking needs a device id and a reason: without them nothing is revoked', async () => {
    const t = await signedInHq();
    const d = await enrolledDevice(t);
    const badId = await form(t, '/devices/not-a-device/revoke', { reason: '丢失' });
    expect(badId.status).toBe(400);
    expect(badId.text).toContain('params.deviceId');
    const noReason = await form(t, `/devices/${d.deviceId}/revoke`, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('body.reason：请填写吊销原因');
    expect((await t.hq.devices.get(d.deviceId))?.revoked_at).toBeNull();
    const ok = await form(t, `/devices/${d.deviceId}/revoke`, { reason: '设备丢失' });
    expect(ok.status).toBe(303);
    expect(await t.hq.devices.get(d.deviceId)).toMatchObject({ revoke_reason: '设备丢失' });
  });

  it('queries and route parameters: a bad one is a 400 naming it', async () => {
    const t = await signedInHq();
    const d = await enrolledDevice(t);
    const cases: [string, string][] = [
      [`/devices/${d.deviceId}?verify=yes`, 'query.verify'],
      ['/cases?q=a&q=b', 'query.q'],
      [`/documents/x/evidence/${'z'.repeat(64)}`, 'params.sha256'],
      // A receipts file is named by a UUID: nothing else under receipts-out/ (or outside it) can be asked for.
      ['/receipts/..%2F..%2Fhq.db', 'params.receiptsId'],
    ];
    for (const [path, field] of cases) {
      const r = await get(t, path);
      expect(r.status, path).toBe(400);
      expect(r.text, path).toContain(field);
      expect(r.headers['content-security-policy']).toBe(CSP);
    }
    expect((await get(t, `/devices/${d.deviceId}?verify=1`)).status).toBe(200);
  });

  it('a path with a malformed %-escape is a 400 in Chinese, on the page and on the device API', async () => {
    const t = await signedInHq();
    for (const path of ['/cases/%E0%A4%A', '/documents/%ZZ', '/api/v1/blobs/%E0%A4%A']) {
      const r = await get(t, path);
      expect(r.status, path).toBe(400);
      expect(r.text, path).toContain('地址中的百分号编码（%XX）无效');
    }
  });

  it('a bundle declared larger than HQ takes is refused before it is read, and nothing is written', async () => {
    const t = await signedInHq();
    const r = await send(
      t.server.url,
      'POST',
      '/import',
      { cookie: t.cookie, 'content-type': 'application/octet-stream', 'content-length': 64 * 1024 ** 3 + 1 },
      Buffer.alloc(0),
    ).catch((e: unknown) => e);
    // The request claims 64 GiB and sends nothing: HQ answers from the header.
    expect(r).toMatchObject({ status: 413, json: { ok: false, message: '封存包过大。' } });
    const imports = join(t.dir, 'imports');
    expect(existsSync(imports) ? readdirSync(imports) : []).toEqual([]);
  });
});

describe('what devices send is shown, never run', () => {
  it('a device name and office with markup appear as text on the overview and the device page', async () => {
    const t = await signedInHq();
    const d = await enrolledDevice(t, '<script>alert(1)</script>');
    await t.hq.db
      .updateTable('devices')
      .set({ agency_name: '"><img src=x onerror=alert(2)>' })
      .where('device_id', '=', d.deviceId)
      .execute();
    for (const path of ['/', `/devices/${d.deviceId}`]) {
      const page = (await get(t, path)).text;
      expect(page, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page, path).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
      expect(page, path).not.toContain('<script>alert');
      expect(page, path).not.toContain('<img src=x');
    }
  });
});

describe("HQ's root fingerprint", () => {
  it('the overview shows it, as the office publishes it (docs/SEAL-FORMAT.md §7.5)', async () => {
    const t = await signedInHq();
    const fp = t.hq.devices.certificates.fingerprint();
    expect(fp).toMatch(/^([0-9A-F]{4}-){7}[0-9A-F]{4}$/);
    const page = (await get(t, '/')).text;
    expect(page).toMatch(new RegExp(`id="hq-fingerprint"[^>]*>总部根密钥指纹[^<]*<b class="mono">${fp}</b>`));
  });
});

describe('the 法规库 HQ hands devices', () => {
  it('the overview shows its version and date: the shipped one, then the one HQ published', async () => {
    const t = await signedInHq();
    const shipped = await currentLawPackage(t.hq.reference);
    expect(textOf((await get(t, '/')).text, 'hq-law')).toBe(
      `当前法规库：法规库 ${shipped.version}${shipped.date ? `（${shipped.date}）` : ''}（随本程序提供，总部尚未发布更新）`,
    );
    const r = await publishLawPackage(t.hq.reference, { ...shipped, version: '2099.1.1', date: '2099-01-01' }, 'whole');
    expect(r.ok).toBe(true);
    expect(textOf((await get(t, '/')).text, 'hq-law')).toMatch(
      /^当前法规库：法规库 2099\.1\.1（2099-01-01）（总部发布（参考数据第1版，\d{4}\/\d+\/\d+ [\d:]+））$/,
    );
  });
});

/** The text of the element with this id, tags removed. */
function textOf(page: string, id: string): string {
  const m = new RegExp(`id="${id}"[^>]*>(.*?)</div>`).exec(page);
  return (m?.[1] ?? '').replace(/<[^>]+>/g, '').replace(/<!-- -->/g, '');
}

describe('headers', () => {
  it('pages carry the CSP and security headers; over HTTP no HSTS, over HTTPS HSTS and a Secure cookie', async () => {
    const plain = await signedInHq();
    const page = await get(plain, '/');
    expect(page.status).toBe(200);
    expect(page.headers).toMatchObject({ ...SECURITY_HEADERS, 'content-security-policy': CSP });
    expect(page.headers['strict-transport-security']).toBeUndefined();

    const dir = mkdtempSync(join(tmpdir(), 'field-hq-tls-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const tls = await signedInHq(selfSignedCert(dir));
    expect(tls.server.url.startsWith('https://')).toBe(true);
    for (const path of ['/', '/api/v1/hello', '/nothing']) {
      const r = await get(tls, path);
      expect(r.headers['strict-transport-security'], path).toBe('max-age=31536000');
      expect(r.headers['x-frame-options'], path).toBe('DENY');
    }
    const login = await send(
      tls.server.url,
      'POST',
      '/login',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'username=clerk&password=clerk-password-1',
    );
    expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/);
    expect(String(login.headers['set-cookie'])).toContain('Secure');
  });
});
