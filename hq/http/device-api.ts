// The device side of HQ's HTTP interface (docs/SYNC.md): hello (HQ's keys and signed time),
// enrollment, blob status and chunk upload, seal commit, receipts and reference data. Every call
// after enrollment is signed by the device (DeviceRegistry.authenticate).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API, CHUNK_BYTES, H, sha256Hex, type SealPackage } from '../../protocol/sync/protocol.ts';
import { fail } from '../hq-failure.ts';
import type { HqApp } from '../hq-app.ts';
import { DigestMismatch, OffsetMismatch } from '../storage/blob-storage.ts';
import { readBody, sendJson } from './http-util.ts';

const MAX_JSON = 32 * 1024 * 1024;
const SHA_RE = /^[0-9a-f]{64}$/;

export async function deviceApi(
  hq: HqApp,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  tlsFingerprint: string | null,
): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname.slice(API.length);
  if (method === 'GET' && path === '/hello') {
    // The device's nonce goes into the signed time: hexadecimal only, so the signed text stays unambiguous.
    const nonce = url.searchParams.get('nonce') ?? '';
    if (nonce && !/^[0-9a-f]{16,64}$/.test(nonce)) throw fail(400, 'bad_request', 'nonce 须为16至64位十六进制。');
    return sendJson(res, 200, { hq: hq.identity.keys(), time: hq.identity.signedTime(nonce || undefined) });
  }
  if (method === 'POST' && path === '/enroll') {
    const body = JSON.parse((await readBody(req, 1024 * 1024)).toString('utf8')) as { request: never; proof: string };
    return sendJson(res, 200, hq.devices.enroll(body.request, String(body.proof ?? ''), tlsFingerprint));
  }

  const isChunk = method === 'PUT' && path.startsWith('/blobs/');
  const body = await readBody(req, isChunk ? CHUNK_BYTES + 1024 : MAX_JSON);
  const device = hq.devices.authenticate(
    {
      deviceId: header(req, H.device),
      time: header(req, H.time),
      signature: header(req, H.signature),
      bodySha256: header(req, H.bodySha256),
    },
    method,
    url.pathname + url.search,
    sha256Hex(body),
  );

  const blob = /^\/blobs\/([0-9a-f]{64})$/.exec(path);
  if (blob && method === 'GET') {
    const sha = blob[1]!;
    const held = hq.ingest.heldBlob(sha);
    if (held) return sendJson(res, 200, { stored: true, offset: held.size });
    const stored = await hq.storage.stored(sha);
    if (stored) {
      hq.ingest.recordBlob(stored);
      return sendJson(res, 200, { stored: true, offset: stored.size });
    }
    return sendJson(res, 200, { stored: false, offset: hq.storage.partialSize(sha) });
  }
  if (blob && method === 'PUT') {
    const sha = blob[1]!;
    const offset = Number(url.searchParams.get('offset'));
    const total = Number(url.searchParams.get('length'));
    if (
      !Number.isSafeInteger(offset) ||
      offset < 0 ||
      !Number.isSafeInteger(total) ||
      total < offset + body.length ||
      !SHA_RE.test(sha)
    )
      throw fail(400, 'bad_request', '上传参数不对。');
    try {
      const r = await hq.storage.appendChunk(sha, offset, total, body);
      if (r.stored) hq.ingest.recordBlob(r.stored);
      return sendJson(res, 200, { stored: r.stored !== null, offset: r.offset });
    } catch (e) {
      if (e instanceof OffsetMismatch)
        throw fail(409, 'offset', `续传位置不对：总部已收到 ${e.offset} 字节。`, { offset: e.offset });
      if (e instanceof DigestMismatch)
        throw fail(422, 'digest', `总部重新计算的SHA-256与文件名不符（传输中损坏），已丢弃，请重传。`);
      throw e;
    }
  }
  if (method === 'POST' && path === '/seals') {
    const pkg = JSON.parse(body.toString('utf8')) as SealPackage;
    return sendJson(res, 200, hq.ingest.commit(device, pkg, 'network'));
  }
  if (method === 'GET' && path === '/receipts') return sendJson(res, 200, hq.ingest.receiptsFor(device.device_id));
  if (method === 'GET' && path === '/reference') return sendJson(res, 200, hq.reference.all());
  throw fail(404, 'not_found', '没有这个接口。');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
