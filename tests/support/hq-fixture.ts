// An HQ server in this process on a temp folder (real database, blob store and sockets on
// loopback), a device enrolled at it with its own keys (no device core: for tests of HQ's HTTP
// interface itself), and raw HTTP requests — signed like the device's client signs them — whose
// body can be held back, sent in pieces or cut off.
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519KeyPair, ed25519Sign } from '../../protocol/crypto/ed25519.ts';
import { sm2KeyPair } from '../../protocol/crypto/sm2.ts';
import { API, enrollmentProof, H, requestSigningText, sha256Hex } from '../../protocol/sync/protocol.ts';
import { openHq, type HqApp } from '../../hq/hq-app.ts';
import { startHqServer, type HqServer } from '../../hq/http/hq-server.ts';
import { HQ_TEST_ENGINE, testHqDatabase, testHqKey, type HqEngine } from './hq-engines.ts';

export interface TestHq {
  hq: HqApp;
  server: HqServer;
  dir: string;
  close(): Promise<void>;
}

export async function testHq(
  tls?: { certPath: string; keyPath: string },
  engine: HqEngine = HQ_TEST_ENGINE,
): Promise<TestHq> {
  const dir = mkdtempSync(join(tmpdir(), 'field-hq-http-'));
  const db = testHqDatabase(engine);
  const hq = await openHq({ dataDir: dir, key: testHqKey(), ...(db ? { db } : {}) });
  const server = await startHqServer({ hq, port: 0, log: () => {}, ...(tls ? { tls } : {}) });
  return {
    hq,
    server,
    dir,
    close: async () => {
      await server.close();
      await hq.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A self-signed certificate for 127.0.0.1 (openssl), in `dir`. */
export function selfSignedCert(dir: string): { certPath: string; keyPath: string } {
  const certPath = join(dir, 'hq.crt');
  const keyPath = join(dir, 'hq.key');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '30',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  return { certPath, keyPath };
}

export interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
  /** The body as JSON, or null when it is not JSON. */
  json: Record<string, unknown> | null;
}

export interface RawRequest {
  req: ClientRequest;
  /** HQ's answer, whenever it comes (with or without the body having been sent). */
  answer: Promise<Answer>;
}

/**
 * Opens a request and sends its headers only; the caller writes (or withholds) the body. TLS
 * certificates are not checked (the tests' self-signed one).
 */
export function openRequest(
  baseUrl: string,
  method: string,
  pathAndQuery: string,
  headers: Record<string, string | number>,
): RawRequest {
  const url = new URL(pathAndQuery, baseUrl);
  const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
    method,
    headers,
    agent: false,
    rejectUnauthorized: false,
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown> | null;
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
  });
  answer.catch(() => {}); // a request the test cuts off on purpose
  req.flushHeaders();
  return { req, answer };
}

/** A whole request: headers and body, then HQ's answer. */
export function send(
  baseUrl: string,
  method: string,
  pathAndQuery: string,
  headers: Record<string, string | number> = {},
  body: Buffer | string = Buffer.alloc(0),
): Promise<Answer> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const r = openRequest(baseUrl, method, pathAndQuery, { 'content-length': bytes.length, ...headers });
  r.req.end(bytes);
  return r.answer;
}

export interface TestDevice {
  deviceId: string;
  ed25519: { publicKeyPem: string; privateKeyPem: string };
  sm2: { publicKey: string; privateKey: string };
  /** The headers the device's client sends with a request whose body hashes to `bodySha256`. */
  signedHeaders(method: string, pathAndQuery: string, bodySha256: string): Record<string, string>;
  /** A signed request with its whole body. */
  send(method: string, pathAndQuery: string, body?: Buffer | object, extra?: Record<string, string>): Promise<Answer>;
}

/** A device enrolled at `t` over HTTP with fresh keys, as the device's sync service enrolls. */
export async function enrolledDevice(t: TestHq, deviceName = '测试终端'): Promise<TestDevice> {
  return enrolledDeviceAt(t.server.url, (await t.hq.devices.createCode('test', '', '')).code, deviceName);
}

/** A device enrolled with `code` at the HQ serving `url` (in this process or another). */
export async function enrolledDeviceAt(url: string, code: string, deviceName = '测试终端'): Promise<TestDevice> {
  const ed25519 = ed25519KeyPair();
  const sm2 = sm2KeyPair();
  const request = {
    deviceId: randomUUID(),
    deviceName,
    agencyName: '柳州市互联网信息办公室',
    sm2PublicKey: sm2.publicKey,
    ed25519PublicKeyPem: ed25519.publicKeyPem,
    nonce: randomBytes(16).toString('hex'),
  };
  const r = await send(
    url,
    'POST',
    `${API}/enroll`,
    { 'content-type': 'application/json' },
    JSON.stringify({ request, proof: enrollmentProof(code, request) }),
  );
  if (r.status !== 200) throw new Error(`enrollment failed: ${r.text}`);
  const signedHeaders = (method: string, pathAndQuery: string, bodySha256: string) => {
    const time = new Date().toISOString();
    return {
      [H.device]: request.deviceId,
      [H.time]: time,
      [H.bodySha256]: bodySha256,
      [H.signature]: ed25519Sign(
        new TextEncoder().encode(requestSigningText(method, pathAndQuery, time, bodySha256)),
        ed25519.privateKeyPem,
      ),
    };
  };
  return {
    deviceId: request.deviceId,
    ed25519,
    sm2,
    signedHeaders,
    send: (method, pathAndQuery, body, extra = {}) => {
      const bytes =
        body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
      const type: Record<string, string> =
        body === undefined
          ? {}
          : { 'content-type': Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json' };
      return send(
        url,
        method,
        pathAndQuery,
        { ...type, ...signedHeaders(method, pathAndQuery, sha256Hex(bytes)), ...extra },
        bytes,
      );
    },
  };
}
