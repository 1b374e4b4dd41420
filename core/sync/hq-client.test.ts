// The device's HQ client checks HQ's answers against the route's schema (protocol/sync/hq-api.ts)
// before the sync service reads them: a server answering something else — an impostor, a broken
// proxy, an HQ of another version — is a protocol failure naming the field, in Chinese. A real
// server on loopback plays that HQ.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { HQ_ROUTES } from '../../protocol/sync/hq-api.ts';
import { API } from '../../protocol/sync/protocol.ts';
import { HqClient, SyncFailure } from './hq-client.ts';

let server: Server | null = null;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A server answering every request with `status` and `body` (JSON). */
async function answering(status: number, body: unknown): Promise<string> {
  server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const KEYS = {
  hqId: 'hq-1',
  name: '总部',
  ed25519PublicKeyPem:
    '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n',
  sm2PublicKey: `04${'ab'.repeat(64)}`,
};

it('an answer that does not match the route schema is a protocol failure naming the field', async () => {
  const url = await answering(200, { hq: KEYS, time: { time: 'yesterday', nonce: 'n', ed25519: 'ab'.repeat(64) } });
  const client = new HqClient({ baseUrl: url, tlsFingerprint: null });
  const e = await client.call('GET', `${API}/hello`, undefined, false, HQ_ROUTES.hello.answer).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(SyncFailure);
  expect(e).toMatchObject({ kind: 'protocol', message: expect.stringContaining('time.time') });
  expect((e as SyncFailure).message).toContain('总部的答复不符合同步协议');
});

it('a matching answer is returned as HQ sent it, keys the schema does not know included (signatures cover them)', async () => {
  const answer = { stored: false, offset: 42, note: 'from a newer HQ' };
  const url = await answering(200, answer);
  const client = new HqClient({ baseUrl: url, tlsFingerprint: null, deviceId: 'd', sign: () => 'ab' });
  const r = await client.call('GET', `${API}/blobs/${'a'.repeat(64)}`, undefined, true, HQ_ROUTES.blobStatus.answer);
  expect(r.body).toEqual(answer);
});

it("HQ's refusals are read through its error schema: a revoked device is told so with HQ's reason", async () => {
  const url = await answering(403, { error: 'revoked', message: '此设备已被总部吊销（设备丢失）。' });
  const client = new HqClient({ baseUrl: url, tlsFingerprint: null, deviceId: 'd', sign: () => 'ab' });
  const e = await client
    .call('GET', `${API}/reference`, undefined, true, HQ_ROUTES.reference.answer)
    .catch((x: unknown) => x);
  expect(e).toMatchObject({ kind: 'revoked', status: 403, message: expect.stringContaining('设备丢失') });
});
