// The trust chain at HQ (issue #17): HQ signs a device certificate at enrollment, a captured
// enrollment request cannot be replayed, and a device enrolled before certificates existed gets
// its certificate (and HQ's status statement) at its next sync — after which its bundles verify
// anchored to HQ's root fingerprint. A real HQ on loopback, a real device core, raw HTTP.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ed25519KeyPair } from '../../protocol/crypto/ed25519.ts';
import { ed25519Verify } from '../../protocol/crypto/ed25519.ts';
import { sm2KeyPair, sm2Verify } from '../../protocol/crypto/sm2.ts';
import { verifyBundle } from '../../protocol/bundle/verify-bundle.ts';
import { API, enrollmentProof } from '../../protocol/sync/protocol.ts';
import { CertificateSchema, StatusSchema, ed25519KeyId, sm2KeyId } from '../../protocol/trust/trust-format.ts';
import { demoInquiry } from '../../scripts/demo-documents.ts';
import { makeCore, OFFICER_A, OFFICER_B, orgCaseInput, setUpPair, type TestCore } from '../support/core-fixture.ts';
import { send, testHq, type TestHq } from '../support/hq-fixture.ts';
import { hqCli, hqDataDir } from '../support/sync-fixture.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, RootSchema } from '../../protocol/trust/trust-format.ts';
import { signedDocument } from '../support/signing-fixture.ts';

const open: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});
async function hqUnderTest(): Promise<TestHq> {
  const t = await testHq();
  open.push(t);
  return t;
}

function enrollRequest(code: string, requestedAt = new Date().toISOString()) {
  const request = {
    deviceId: randomUUID(),
    deviceName: '测试终端',
    agencyName: '柳州市柳南区互联网信息办公室',
    sm2PublicKey: sm2KeyPair().publicKey,
    ed25519PublicKeyPem: ed25519KeyPair().publicKeyPem,
    nonce: randomBytes(16).toString('hex'),
    requestedAt,
    keysCreatedAt: new Date(Date.now() - 7 * 24 * 3600_000).toISOString(),
  };
  return { request, body: JSON.stringify({ request, proof: enrollmentProof(code, request) }) };
}
const post = (t: TestHq, body: string) =>
  send(t.server.url, 'POST', `${API}/enroll`, { 'content-type': 'application/json' }, body);

describe('enrollment and the device certificate', () => {
  it('HQ signs a certificate of the device keys with both root keys; its fields are what HQ registered', async () => {
    const t = await hqUnderTest();
    const { code } = await t.hq.devices.createCode('test', '', '柳南网信案');
    const { request, body } = enrollRequest(code);
    const r = await post(t, body);
    expect(r.status, r.text).toBe(200);
    const signed = r.json!.certificate as { json: string; sm2: string; ed25519: string };
    const hq = t.hq.identity.keys();
    const bytes = new TextEncoder().encode(signed.json);
    expect(sm2Verify(bytes, signed.sm2, hq.sm2PublicKey)).toBe(true);
    expect(ed25519Verify(bytes, signed.ed25519, hq.ed25519PublicKeyPem)).toBe(true);
    const cert = CertificateSchema.parse(JSON.parse(signed.json));
    const device = (await t.hq.devices.get(request.deviceId))!;
    expect(cert).toMatchObject({
      hqId: hq.hqId,
      hqKeyIds: { sm2: sm2KeyId(hq.sm2PublicKey), ed25519: ed25519KeyId(hq.ed25519PublicKeyPem) },
      deviceId: request.deviceId,
      office: request.agencyName,
      casePrefix: '柳南网信案',
      sm2PublicKey: request.sm2PublicKey,
      ed25519PublicKeyPem: request.ed25519PublicKeyPem,
      // From when the device made its keys (a week before it enrolled: seals made offline before are covered).
      notBefore: request.keysCreatedAt,
    });
    expect(Date.parse(cert.notAfter) - Date.parse(device.enrolled_at)).toBe(5 * 365 * 24 * 3600_000);
    // The fingerprint an office publishes: 8 groups of 4 hex digits, stable for the same root.
    expect(t.hq.devices.certificates.fingerprint()).toMatch(/^([0-9A-F]{4}-){7}[0-9A-F]{4}$/);
  });

  it('a captured enrollment request replayed later is refused, and so is one outside the time window; nothing changes', async () => {
    const t = await hqUnderTest();
    const { code } = await t.hq.devices.createCode('test', '', '');
    const { request, body } = enrollRequest(code);
    expect((await post(t, body)).status).toBe(200);
    const certs = async () =>
      (await t.hq.db.selectFrom('device_certificates').select('serial').execute()).map((c) => c.serial);
    const before = await certs();
    // The same bytes again (an attacker who captured them): the nonce was consumed.
    const replay = await post(t, body);
    expect(replay.status).toBe(403);
    expect(replay.json!.message).toMatch(/已经用过（截获后重放的请求）/);
    // A request made (and captured) long ago, with a fresh nonce: its signed time is outside the window.
    const { code: code2 } = await t.hq.devices.createCode('test', '', '');
    const stale = enrollRequest(code2, new Date(Date.now() - 20 * 60_000).toISOString());
    const late = await post(t, stale.body);
    expect(late.status).toBe(403);
    expect(late.json!.message).toMatch(/时间与总部时间相差过大/);
    expect(await t.hq.devices.get(stale.request.deviceId)).toBeNull();
    // The one-time code: consumed by the first device, refused to another.
    const other = enrollRequest(code);
    expect((await post(t, other.body)).status).toBe(403);
    expect(await t.hq.devices.get(other.request.deviceId)).toBeNull();
    expect(await certs()).toEqual(before);
    expect((await t.hq.devices.get(request.deviceId))!.device_id).toBe(request.deviceId);
  });
});

describe('npm run hq -- fingerprint', () => {
  it('prints the root fingerprint and, with --root-file, writes the root document it is the fingerprint of', () => {
    const dir = hqDataDir();
    const rootFile = join(dir, 'published-root.json');
    const r = hqCli(dir, ['fingerprint', '--root-file', rootFile]);
    expect(r.status, r.stderr).toBe(0);
    const fp = r.stdout.trim();
    expect(fp).toMatch(/^([0-9A-F]{4}-){7}[0-9A-F]{4}$/);
    const text = readFileSync(rootFile, 'utf8');
    expect(RootSchema.parse(JSON.parse(text)).format).toBe('wangxin-hq-root/1');
    expect(fingerprint(text)).toBe(fp);
    expect(r.stderr).toContain(`--hq-root ${fp}`);
    // The same HQ, the same fingerprint.
    expect(hqCli(dir, ['fingerprint']).stdout.trim()).toBe(fp);
  }, 240_000);
});

describe('a device enrolled before certificates', () => {
  it('gets its certificate and status at its next sync; its bundle then verifies anchored to the root fingerprint', async () => {
    const t = await hqUnderTest();
    const dev: TestCore = makeCore();
    open.push({ close: () => dev.dispose() });
    await setUpPair(dev);
    const pub = dev.core.device.public();
    const hq = t.hq.identity.keys();
    // As the earlier version left both sides: HQ registered the keys, the device pinned HQ's — no certificate anywhere.
    const enrolledAt = new Date(Date.now() - 3600_000).toISOString();
    await t.hq.db
      .insertInto('devices')
      .values({
        device_id: pub.deviceId,
        name: '旧终端',
        agency_name: '柳州市柳南区互联网信息办公室',
        sm2_public: pub.sm2PublicKey,
        ed25519_public_pem: pub.ed25519PublicKeyPem,
        case_prefix: '网信案',
        enrolled_at: enrolledAt,
        code_id: 'before-certificates',
        last_seen_at: null,
      })
      .execute();
    dev.core.inTransaction(() =>
      dev.core.hqLink.insert({
        url: t.server.url,
        hq_id: hq.hqId,
        hq_name: hq.name,
        hq_ed25519_pem: hq.ed25519PublicKeyPem,
        hq_sm2_public: hq.sm2PublicKey,
        tls_fingerprint: null,
        case_prefix: '网信案',
        enrolled_at: enrolledAt,
      }),
    );
    expect(dev.core.trust.get('certificate')).toBeNull();
    const ids = (await dev.must('officers.list', {})).map((o) => o.id) as [string, string];
    const caseId = (await dev.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
    const doc = await signedDocument(dev, caseId, 'inquiry', demoInquiry(ids[0], ids[1]), ids);
    await dev.must('seals.seal', { documentId: doc, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
    // Exported before the sync: every other check passes, but nothing proves whose keys these are.
    const early = (await dev.must('bundles.export', { documentIds: [doc] })).path;
    const fp = t.hq.devices.certificates.fingerprint();
    const unproven = await verifyBundle(early, { expected: { fingerprint: fp } });
    expect(unproven.ok).toBe(false);
    expect(unproven.checks.find((c) => c.id === 'trust')!.detail).toMatch(/缺少 trust\/device-cert\.json/);

    const synced = await dev.core.sync.run();
    expect(synced.ok, synced.message).toBe(true);
    const cert = CertificateSchema.parse(JSON.parse(dev.core.trust.get('certificate')!.json));
    // Valid from the earlier of the keys' creation and HQ's registration (here the registration,
    // backdated an hour; the keys were made just now).
    expect(cert).toMatchObject({ deviceId: pub.deviceId, notBefore: enrolledAt, sm2PublicKey: pub.sm2PublicKey });
    expect(cert.notBefore <= cert.issuedAt).toBe(true);
    const status = StatusSchema.parse(JSON.parse(dev.core.trust.get('status')!.json));
    expect(status).toMatchObject({ deviceId: pub.deviceId, certSerial: cert.serial, status: 'good', revokedAt: null });
    // HQ kept the certificate it issued: the next sync brings the same one.
    expect((await dev.core.sync.run()).ok).toBe(true);
    expect(CertificateSchema.parse(JSON.parse(dev.core.trust.get('certificate')!.json)).serial).toBe(cert.serial);

    const bundle = (await dev.must('bundles.export', { documentIds: [doc] })).path;
    const r = await verifyBundle(bundle, { expected: { fingerprint: fp } });
    expect(r.ok, JSON.stringify(r.checks.filter((c) => !c.ok))).toBe(true);
    expect(r.anchor).toMatchObject({ fingerprint: fp, anchored: true });
    expect(r.checks.find((c) => c.id === 'trust')!.detail).toMatch(/总部回执1份（封存1）有效/);
    // The app verifies against the HQ it enrolled with.
    const inApp = await dev.must('bundles.verify', { path: bundle });
    expect(inApp.anchor).toMatchObject({ anchored: true });
  }, 120_000);
});
