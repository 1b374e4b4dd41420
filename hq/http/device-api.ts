// The device side of HQ's HTTP interface (docs/SYNC.md), mounted under /api/v1: hello (HQ's keys and
// signed time), enrollment, blob status and chunk upload, seal commit (one, or a batch), receipts and reference data.
// Each route is declared in protocol/sync/hq-api.ts with its schemas; here it gets its handler. In
// order, per request: the declared length against the route's limit, the device's signature from
// the headers (signed routes) — both before a byte of the body is read —, the body read (JSON) or
// streamed (a chunk, straight to disk), the body against the signed hash, the route parameters,
// query and body against their schemas, and only then the handler.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { HQ_ROUTES, SEAL_BATCH_MAX, type HqRoute } from '../../protocol/sync/hq-api.ts';
import { H, sha256Hex } from '../../protocol/sync/protocol.ts';
import { fail, HqFailure } from '../hq-failure.ts';
import type { HqApp } from '../hq-app.ts';
import { ChunkMismatch, DigestMismatch, OffsetMismatch } from '../storage/blob-storage.ts';
import {
  alteredBody,
  authenticateDevice,
  bodyMatchesSignature,
  declaredLength,
  header,
  limitDeclaredLength,
  signedLength,
  tooLarge,
} from './device-auth.ts';
import { describeFieldErrors, requestFieldErrors, type ZodTypeProvider } from './zod-validation.ts';
import { BatchAdmission } from './batch-admission.ts';
import { defaultPoolSize } from '../../protocol/runtime/worker-pool.ts';

export interface DeviceApiOptions {
  hq: HqApp;
  tlsFingerprint: string | null;
  log: (line: string, error?: unknown) => void;
  /** Seal batches read and committed at once (batch-admission.ts); default two per core of the worker pool. */
  batchSlots?: number;
}

/** A Fastify plugin: register it with `{ prefix: API }`. */
export async function deviceApi(app: FastifyInstance, o: DeviceApiOptions): Promise<void> {
  const { hq } = o;
  const api = app.withTypeProvider<ZodTypeProvider>();

  // JSON is hashed as read, for the signature check; then parsed by Fastify's own parser (which
  // refuses __proto__ and constructor.prototype keys).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    req.bodySha256 = sha256Hex(body as Buffer);
    parseJson(req, (body as Buffer).toString('utf8'), done);
  });
  // A chunk is not parsed: the handler streams it to storage.
  app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));

  app.setErrorHandler((e, req, reply) => answerError(e as FastifyError, req, reply, o.log));
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(fail(404, 'not_found', '没有这个接口。').body));

  /**
   * What Fastify needs of a route from its declaration: method, path, body limit, and the checks
   * before its body — then, for a body that is read (not `streamed` to storage, which checks the
   * hash itself), that it is the body the device signed.
   */
  const declared = (r: HqRoute, streamed = false) => {
    const onRequest: onRequestHookHandler[] = [limitDeclaredLength(r.maxBodyBytes)];
    if (r.signed) onRequest.push(authenticateDevice(hq));
    return {
      method: r.method,
      url: r.path,
      ...(r.maxBodyBytes > 0 ? { bodyLimit: r.maxBodyBytes } : {}),
      onRequest,
      ...(r.signed && !streamed ? { preValidation: bodyMatchesSignature } : {}),
    };
  };

  api.route({
    ...declared(HQ_ROUTES.hello),
    schema: { querystring: HQ_ROUTES.hello.query, response: { 200: HQ_ROUTES.hello.answer } },
    handler: async (req) => {
      const law = await hq.reference.lawAnnounced();
      return {
        hq: hq.identity.keys(),
        time: hq.identity.signedTime(req.query.nonce),
        law: law ? hq.identity.signedLaw(law, req.query.nonce ?? '') : null,
      };
    },
  });

  api.route({
    ...declared(HQ_ROUTES.enroll),
    schema: { body: HQ_ROUTES.enroll.body, response: { 200: HQ_ROUTES.enroll.answer } },
    handler: async (req) => hq.devices.enroll(req.body.request, req.body.proof, o.tlsFingerprint),
  });

  api.route({
    ...declared(HQ_ROUTES.blobStatus),
    schema: { params: HQ_ROUTES.blobStatus.params, response: { 200: HQ_ROUTES.blobStatus.answer } },
    handler: async (req) => {
      const { sha256 } = req.params;
      const held = await hq.ingest.heldBlob(sha256);
      if (held) return { stored: true, offset: held.size };
      const stored = await hq.storage.stored(sha256);
      if (stored) {
        await hq.ingest.recordBlob(stored);
        return { stored: true, offset: stored.size };
      }
      return { stored: false, offset: hq.storage.partialSize(sha256) };
    },
  });

  api.route({
    ...declared(HQ_ROUTES.blobChunk, true),
    schema: {
      params: HQ_ROUTES.blobChunk.params,
      querystring: HQ_ROUTES.blobChunk.query,
      response: { 200: HQ_ROUTES.blobChunk.answer },
    },
    handler: async (req) => {
      const { sha256 } = req.params;
      const { offset, length } = req.query;
      const size = declaredLength(req);
      if (size !== null && offset + size > length) {
        const fields = { 'query.length': '本段数据超出文件总长度 length。' };
        throw fail(400, 'bad_request', describeFieldErrors(fields), { fields });
      }
      try {
        const r = await hq.storage.appendChunk(sha256, offset, length, {
          stream: capped(req, HQ_ROUTES.blobChunk.maxBodyBytes, signedLength(req)),
          sha256: header(req, H.bodySha256)!,
        });
        if (r.stored) await hq.ingest.recordBlob(r.stored);
        return { stored: r.stored !== null, offset: r.offset };
      } catch (e) {
        if (e instanceof OffsetMismatch)
          throw fail(409, 'offset', `续传位置不对：总部已收到 ${e.offset} 字节。`, { offset: e.offset });
        if (e instanceof DigestMismatch)
          throw fail(422, 'digest', `总部重新计算的SHA-256与文件名不符（传输中损坏），已丢弃，请重传。`);
        if (e instanceof ChunkMismatch) throw alteredBody();
        throw e;
      }
    },
  });

  api.route({
    ...declared(HQ_ROUTES.commitSeal),
    schema: { body: HQ_ROUTES.commitSeal.body, response: { 200: HQ_ROUTES.commitSeal.answer } },
    handler: async (req) => hq.ingest.commit(req.device!, req.body, 'network'),
  });

  // A batch: its count (signed, in the query) and its bytes (the signed length) are held to the
  // limits before a byte of the body is read; the handler then holds the body to the count.
  const batch = declared(HQ_ROUTES.commitSealBatch);
  // …and waits for a slot before its body is read (batch-admission.ts: HQ's memory stays bounded).
  const admission = new BatchAdmission(o.batchSlots ?? 2 * defaultPoolSize());
  api.route({
    ...batch,
    onRequest: [...batch.onRequest, limitDeclaredCount],
    preParsing: async (_req, reply, payload) => {
      await admission.enter(reply.raw);
      return payload;
    },
    schema: {
      querystring: HQ_ROUTES.commitSealBatch.query,
      body: HQ_ROUTES.commitSealBatch.body,
      response: { 200: HQ_ROUTES.commitSealBatch.answer },
    },
    handler: async (req) => {
      if (req.body.packages.length !== req.query.count) {
        const fields = { 'body.packages': `本批封存数与签名声明的 count（${req.query.count}）不符。` };
        throw fail(400, 'bad_request', describeFieldErrors(fields), { fields });
      }
      return {
        format: 'wangxin-hq-batch-receipts/1' as const,
        receipts: await hq.ingest.commitBatch(req.device!, req.body.packages, 'network'),
      };
    },
  });

  api.route({
    ...declared(HQ_ROUTES.receipts),
    schema: { response: { 200: HQ_ROUTES.receipts.answer } },
    handler: async (req) => hq.ingest.receiptsFor(req.device!.device_id),
  });

  api.route({
    ...declared(HQ_ROUTES.trust),
    schema: { querystring: HQ_ROUTES.trust.query, response: { 200: HQ_ROUTES.trust.answer } },
    handler: async (req) => hq.devices.trust(req.device!, req.query.keysCreatedAt),
  });

  api.route({
    ...declared(HQ_ROUTES.deadlines),
    schema: { body: HQ_ROUTES.deadlines.body, response: { 200: HQ_ROUTES.deadlines.answer } },
    handler: async (req) => ({ stored: await hq.deadlines.replace(req.device!.device_id, req.body) }),
  });

  api.route({
    ...declared(HQ_ROUTES.reference),
    schema: { response: { 200: HQ_ROUTES.reference.answer } },
    handler: async () => hq.reference.all(),
  });
}

/**
 * onRequest: a batch declaring more seals than HQ takes is refused (413), and one without a valid
 * count (400, naming query.count), before its body is read.
 */
async function limitDeclaredCount(req: FastifyRequest): Promise<void> {
  const count = new URL(req.url, 'http://hq').searchParams.get('count') ?? '';
  if (/^\d{1,15}$/.test(count) && Number(count) > SEAL_BATCH_MAX.seals)
    throw fail(413, 'bad_request', `一批封存过多（声明 ${count} 份，上限 ${SEAL_BATCH_MAX.seals} 份）。请分批发送。`);
  const checked = HQ_ROUTES.commitSealBatch.query.safeParse({ count });
  if (!checked.success) {
    const fields = { 'query.count': checked.error.issues[0]?.message ?? '本批封存数 count 不对。' };
    throw fail(400, 'bad_request', describeFieldErrors(fields), { fields });
  }
}

/**
 * The request body as it arrives, refused as soon as it runs past the route's `max` bytes (413) or
 * the length the device signed (400): counted piece by piece, before a piece is written anywhere.
 */
async function* capped(req: FastifyRequest, max: number, signed: number): AsyncIterable<Uint8Array> {
  let n = 0;
  for await (const piece of req.raw as AsyncIterable<Buffer>) {
    n += piece.length;
    if (n > max) throw tooLarge(max);
    if (n > signed) throw fail(400, 'bad_signature', `请求内容超出设备签名声明的长度（${signed} 字节），已拒绝。`);
    yield piece;
  }
  // A connection cut mid-body ends the stream without an error on some Node versions: a short body is not a chunk.
  if (!req.raw.complete) throw fail(400, 'bad_request', '请求内容不完整（连接中断）。');
}

const FRAMEWORK_REFUSALS: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, '请求内容不是有效的JSON。'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, '请求内容为空，应为JSON。'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    '请求内容的类型（Content-Type）不对：应为 application/json 或 application/octet-stream。',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, '请求内容的长度与 Content-Length 不符。'],
};

/** Every refusal as the device reads it: `{ error, message, … }` in JSON (HqError), never a stack or an argument. */
function answerError(
  e: FastifyError,
  req: FastifyRequest,
  reply: FastifyReply,
  log: (line: string, error?: unknown) => void,
): void {
  if (e instanceof HqFailure) return void reply.code(e.status).send(e.body);
  const fields = requestFieldErrors(e);
  if (fields) return void reply.code(400).send({ error: 'bad_request', message: describeFieldErrors(fields), fields });
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const max = req.routeOptions.bodyLimit;
    return void reply.code(413).send(tooLarge(max).body);
  }
  const refusal = FRAMEWORK_REFUSALS[e.code];
  if (refusal) return void reply.code(refusal[0]).send({ error: 'bad_request', message: refusal[1] });
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return void reply.code(507).send({
      error: 'disk_full',
      message: '总部服务器磁盘已满，无法接收。请联系总部管理员清理空间后再同步。',
    });
  // A device that went away mid-request is the normal case sync is built for (it resumes): not logged.
  if (req.raw.destroyed && !req.raw.complete)
    return void reply.code(400).send({ error: 'bad_request', message: '请求内容不完整（连接中断）。' });
  // Logged without the request: it may carry personal data.
  log(`hq: ${req.method} ${req.routeOptions.url ?? 'unknown route'} failed`, e);
  reply.code(500).send({ error: 'internal', message: '总部服务器内部错误。请稍后重试；如仍出现，请联系总部管理员。' });
}
