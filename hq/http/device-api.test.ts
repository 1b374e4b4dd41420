// HQ's device API refuses what does not fit before doing anything: every route parameter, query
// and body is checked against its schema in protocol/sync/hq-api.ts (400 naming the field, in
// Chinese, nothing stored); the signature and the declared length are checked from the headers
// before a byte of the body is read; a chunk is streamed to disk and kept whole or not at all.
// A real HQ on loopback, a device with its own keys, raw HTTP requests.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { API, CHUNK_BYTES, sha256Hex } from '../../protocol/sync/protocol.ts';
import type { FsBlobStorage } from '../storage/fs-blob-storage.ts';
import { enrolledDevice, openRequest, send, testHq, type TestHq } from '../../tests/support/hq-fixture.ts';

const open: TestHq[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});
async function hqUnderTest(): Promise<TestHq> {
  const t = await testHq();
  open.push(t);
  return t;
}

const count = async (t: TestHq, table: string) =>
  Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.hq.db)).rows[0]!.n);
/** Plaintext bytes of the upload in progress (its file is encrypted), or null when there is none. */
const partSize = (t: TestHq, sha: string) => {
  const storage = t.hq.storage as FsBlobStorage;
  return existsSync(storage.partPath(sha)) ? storage.partialSize(sha) : null;
};
/** A field error as HQ answers it: 400, kind bad_request, the field named in `fields` and in the message. */
const fieldError = (field: string) => ({
  error: 'bad_request',
  message: expect.stringContaining(field),
  fields: expect.objectContaining({ [field]: expect.any(String) }),
});

describe('every request is validated before any work', () => {
  it('hello: a nonce that is not hexadecimal is refused, naming query.nonce', async () => {
    const t = await hqUnderTest();
    const r = await send(t.server.url, 'GET', `${API}/hello?nonce=${encodeURIComponent('ab\nwangxin-hq-receipt')}`);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject(fieldError('query.nonce'));
    expect((r.json!.fields as Record<string, string>)['query.nonce']).toBe('nonce 须为16至64位十六进制。');
  });

  it('enroll: a malformed request names its field and enrolls nothing; the code stays usable', async () => {
    const t = await hqUnderTest();
    const { code } = await t.hq.devices.createCode('test', '', '');
    const request = {
      deviceId: 'not-a-device-id',
      deviceName: 'x',
      agencyName: 'y',
      sm2PublicKey: `04${'ab'.repeat(64)}`,
      ed25519PublicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n',
      nonce: 'ab'.repeat(16),
    };
    const post = (body: unknown) =>
      send(t.server.url, 'POST', `${API}/enroll`, { 'content-type': 'application/json' }, JSON.stringify(body));
    const proof = 'cd'.repeat(32);
    expect((await post({ request, proof })).json).toMatchObject(fieldError('body.request.deviceId'));
    // A key the proof would not cover is named, not silently dropped.
    const extra = await post({
      request: { ...request, deviceId: `${'a'.repeat(8)}-aaaa-aaaa-aaaa-${'a'.repeat(12)}`, admin: true },
      proof,
    });
    expect(extra.status).toBe(400);
    expect(extra.json).toMatchObject(fieldError('body.request'));
    expect((await post({ request })).json).toMatchObject(fieldError('body.proof'));
    const none = await send(t.server.url, 'POST', `${API}/enroll`);
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject(fieldError('body'));
    expect(await count(t, 'devices')).toBe(0);
    expect((await t.hq.devices.codes())[0]).toMatchObject({ usedAt: null });
    expect(code).toBeTruthy();
  });

  it('blob status: a blob name that is not a SHA-256 is refused, naming params.sha256', async () => {
    const t = await hqUnderTest();
    const d = await enrolledDevice(t);
    const r = await d.send('GET', `${API}/blobs/${'Z'.repeat(64)}`);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject(fieldError('params.sha256'));
    expect(await count(t, 'blobs')).toBe(0);
  });

  it('chunk upload: a bad offset, length or name is refused by name, and nothing reaches the disk', async () => {
    const t = await hqUnderTest();
    const d = await enrolledDevice(t);
    const bytes = randomBytes(1000);
    const sha = sha256Hex(bytes);
    const put = (query: string, name = sha) => d.send('PUT', `${API}/blobs/${name}?${query}`, bytes);
    expect((await put('offset=abc&length=1000')).json).toMatchObject(fieldError('query.offset'));
    expect((await put('offset=-1&length=1000')).json).toMatchObject(fieldError('query.offset'));
    expect((await put('offset=0')).json).toMatchObject(fieldError('query.length'));
    expect((await put('offset=500&length=100')).json).toMatchObject(fieldError('query.length'));
    // More bytes than the blob has left: refused from the declared length, before the body.
    expect((await put('offset=0&length=999')).json).toMatchObject(fieldError('query.length'));
    expect((await put('offset=0&length=1000', 'abc')).json).toMatchObject(fieldError('params.sha256'));
    expect(partSize(t, sha)).toBeNull();
    expect(await count(t, 'blobs')).toBe(0);
    // The same chunk, well formed, is taken.
    expect((await put('offset=0&length=1000')).json).toEqual({ stored: true, offset: 1000 });
    expect(await count(t, 'blobs')).toBe(1);
  });

  it('seal commit: a malformed package names its field and commits nothing', async () => {
    const t = await hqUnderTest();
    const d = await enrolledDevice(t);
    const pkg = {
      format: 'wangxin-sync-package/1',
      seal: { seq: 0, payload: '{}', sm2Signature: 'ab'.repeat(36), ed25519Signature: 'ab'.repeat(64) },
      signatures: [],
      case: { id: 'c1', caseNo: 'N', partyName: 'P', matterName: 'M', status: 'S' },
      print: null,
    };
    expect((await d.send('POST', `${API}/seals`, pkg)).json).toMatchObject(fieldError('body.seal.seq'));
    expect((await d.send('POST', `${API}/seals`, { ...pkg, format: 'other/1' })).json).toMatchObject(
      fieldError('body.format'),
    );
    const badImage = {
      ...pkg,
      seal: { ...pkg.seal, seq: 1 },
      signatures: [{ id: 's', record: '{}', imagePngBase64: '*', strokes: null }],
    };
    expect((await d.send('POST', `${API}/seals`, badImage)).json).toMatchObject(
      fieldError('body.signatures.0.imagePngBase64'),
    );
    expect(await count(t, 'seals')).toBe(0);
    expect(await count(t, 'documents')).toBe(0);
    expect(await count(t, 'cases')).toBe(0);
  });

  it('receipts and reference take no input: unsigned they are refused, signed they answer', async () => {
    const t = await hqUnderTest();
    const d = await enrolledDevice(t);
    for (const path of ['receipts', 'reference']) {
      expect((await send(t.server.url, 'GET', `${API}/${path}`)).status).toBe(401);
      const r = await d.send('GET', `${API}/${path}`);
      expect(r.status).toBe(200);
      expect(Array.isArray(r.json)).toBe(true);
    }
  });
});

describe('refused before the body is read', () => {
  it('a forged signature, an unknown device and an oversized chunk are answered while the body is still held back', async () => {
    const t = await hqUnderTest();
    const d = await enrolledDevice(t);
    const sha = 'a'.repeat(64);
    const path = `${API}/blobs/${sha}?offset=0&length=${CHUNK_BYTES}`;
    const held = (headers: Record<string, string | number>) =>
      openRequest(t.server.url, 'PUT', path, {
        'content-type': 'application/octet-stream',
        'content-length': CHUNK_BYTES,
        ...headers,
      });
    const headers = d.signedHeaders('PUT', path, sha256Hex(randomBytes(8)));
    // Not one byte of the 8 MiB is sent: HQ answers from the headers.
    const forged = held({ ...headers, 'x-device-signature': '00'.repeat(64) });
    expect(await forged.answer).toMatchObject({
      status: 401,
      json: { error: 'bad_signature', message: '设备签名无效。' },
    });
    forged.req.destroy();
    const unknown = held({ ...headers, 'x-device-id': '00000000-0000-0000-0000-000000000000' });
    expect(await unknown.answer).toMatchObject({ status: 401, json: { error: 'unknown_device' } });
    unknown.req.destroy();
    const big = openRequest(t.server.url, 'PUT', path, {
      ...headers,
      'content-type': 'application/octet-stream',
      'content-length': CHUNK_BYTES + 1,
    });
    expect(await big.answer).toMatchObject({
      status: 413,
      json: { error: 'bad_request', message: `请求过大（上限 ${CHUNK_BYTES} 字节）。` },
    });
    big.req.destroy();
    expect(partSize(t, sha)).toBeNull();
  });

  it('an oversized JSON body: 413 with a Chinese message, from the declared length or as soon as it runs over', async () => {
    const t = await hqUnderTest();
    const d = await enrolledDevice(t);
    const max = 32 * 1024 * 1024;
    const declared = openRequest(t.server.url, 'POST', `${API}/seals`, {
      ...d.signedHeaders('POST', `${API}/seals`, 'a'.repeat(64)),
      'content-type': 'application/json',
      'content-length': max + 1,
    });
    expect(await declared.answer).toMatchObject({
      status: 413,
      json: { error: 'bad_request', message: `请求过大（上限 ${max} 字节）。` },
    });
    declared.req.destroy();
    // Without a declared length (chunked): cut off at the limit (enrollment takes 1 MiB).
    const chunked = openRequest(t.server.url, 'POST', `${API}/enroll`, {
      'content-type': 'application/json',
      'transfer-encoding': 'chunked',
    });
    chunked.req.write(`{"request":"${'x'.repeat(2 * 1024 * 1024)}"}`);
    chunked.req.end();
    expect(await chunked.answer).toMatchObject({
      status: 413,
      json: { error: 'bad_request', message: `请求过大（上限 ${1024 * 1024} 字节）。` },
    });
  });

  it('a JSON body that is not the one the device signed is refused and nothing is committed', async () => {
    const t = await hqUnderTest();
    const d = await enrolledDevice(t);
    const body = JSON.stringify({ format: 'wangxin-sync-package/1' });
    const r = await send(
      t.server.url,
      'POST',
      `${API}/seals`,
      { 'content-type': 'application/json', ...d.signedHeaders('POST', `${API}/seals`, sha256Hex('{}')) },
      body,
    );
    expect(r).toMatchObject({
      status: 400,
      json: { error: 'bad_signature', message: '请求内容在传输中被改动（内容校验值不符）。' },
    });
    expect(await count(t, 'seals')).toBe(0);
  });
});

describe('a chunk is streamed to disk, whole or not at all', () => {
  it('its bytes are on disk before the request has ended; a chunk not matching its signed hash, or cut off, is taken back', async () => {
    const t = await hqUnderTest();
    const d = await enrolledDevice(t);
    const blob = randomBytes(3 * 1024 * 1024);
    const sha = sha256Hex(blob);
    const first = blob.subarray(0, 2 * 1024 * 1024);
    const path = (offset: number) => `${API}/blobs/${sha}?offset=${offset}&length=${blob.length}`;
    const chunk = (offset: number, bytes: Buffer, signedSha = sha256Hex(bytes)) =>
      openRequest(t.server.url, 'PUT', path(offset), {
        ...d.signedHeaders('PUT', path(offset), signedSha),
        'content-type': 'application/octet-stream',
        'content-length': bytes.length,
      });

    // Half the chunk sent: HQ has written it to the upload before the rest arrives.
    const streaming = chunk(0, first);
    streaming.req.write(first.subarray(0, 1024 * 1024));
    await until(() => (partSize(t, sha) ?? 0) >= 512 * 1024);
    streaming.req.end(first.subarray(1024 * 1024));
    expect(await streaming.answer).toMatchObject({ status: 200, json: { stored: false, offset: first.length } });
    expect(partSize(t, sha)).toBe(first.length);

    // The rest, altered on the way (the device signed other bytes): refused, and cut back off.
    const rest = blob.subarray(first.length);
    const altered = chunk(first.length, Buffer.from(rest).fill(1, 0, 10), sha256Hex(rest));
    altered.req.end(Buffer.from(rest).fill(1, 0, 10));
    expect(await altered.answer).toMatchObject({ status: 400, json: { error: 'bad_signature' } });
    expect(partSize(t, sha)).toBe(first.length);

    // The rest, cut off half way: what arrived is cut back off.
    const cut = chunk(first.length, rest);
    cut.req.write(rest.subarray(0, rest.length / 2));
    await until(() => (partSize(t, sha) ?? 0) > first.length);
    cut.req.destroy();
    await until(() => partSize(t, sha) === first.length);

    // The rest, whole: the blob is stored, re-hashed by HQ.
    const whole = chunk(first.length, rest);
    whole.req.end(rest);
    expect(await whole.answer).toMatchObject({ status: 200, json: { stored: true, offset: blob.length } });
    expect(partSize(t, sha)).toBeNull();
    expect(await t.hq.ingest.heldBlob(sha)).toMatchObject({ sha256: sha, size: blob.length });
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
