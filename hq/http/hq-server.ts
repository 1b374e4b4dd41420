// HQ's HTTP(S) server on Fastify (docs/HQ.md says why Fastify): the device API under /api/v1
// (device-api.ts, routes declared in protocol/sync/hq-api.ts) and the staff web page
// (web/web-routes.ts), one process. With --tls-cert/--tls-key it serves HTTPS (and HSTS); devices
// pin the certificate's SHA-256 at enrollment.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import { API } from '../../protocol/sync/protocol.ts';
import type { HqApp } from '../hq-app.ts';
import { deviceApi } from './device-api.ts';
import { HSTS, SECURITY_HEADERS } from './security-headers.ts';
import { staffApi } from './staff/staff-api.ts';
import { staffApp } from './staff/staff-app-static.ts';
import { webUi } from './web/web-routes.ts';
import { serializerCompiler, validatorCompiler } from './zod-validation.ts';

export interface HqServerOptions {
  hq: HqApp;
  port: number;
  host?: string;
  tls?: { certPath: string; keyPath: string };
  /**
   * Unexpected request failures: the route and the error, never a request's content (scripts/hq.ts
   * writes them to HQ's log file by their kind, errorFields); standard error by default.
   */
  log?: (line: string, error?: unknown) => void;
  /** Seal batches read and committed at once (hq/http/batch-admission.ts); default two per core. */
  batchSlots?: number;
}

export interface HqServer {
  url: string;
  server: Server;
  tlsFingerprint: string | null;
  close(): Promise<void>;
}

/** SHA-256 of a certificate's DER, lowercase hex without colons (what devices pin). */
export function certFingerprint(pem: string | Buffer): string {
  return new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase();
}

export async function startHqServer(opts: HqServerOptions): Promise<HqServer> {
  const { hq } = opts;
  const log = opts.log ?? ((l: string, e?: unknown) => process.stderr.write(`${l}: ${(e as Error)?.message}\n`));
  const host = opts.host ?? '127.0.0.1';
  const tls = opts.tls ? { cert: readFileSync(opts.tls.certPath), key: readFileSync(opts.tls.keyPath) } : null;
  const tlsFingerprint = tls ? certFingerprint(tls.cert) : null;
  const headers = { ...SECURITY_HEADERS, ...(tls ? HSTS : {}) };

  const app = Fastify({
    ...(tls ? { https: tls } : {}),
    // Bundle uploads from the staff page are long; devices send 8 MiB chunks.
    requestTimeout: 10 * 60_000,
    // close() ends keep-alive connections too, so a stopped HQ is really gone.
    forceCloseConnections: true,
    // HQ's own bodies limits are per route (hq-api.ts, web-routes.ts); this is the default for the rest.
    bodyLimit: 1024 * 1024,
    // A path with a malformed %-escape: 400 with a Chinese message (it used to be an uncaught URIError, 500).
    frameworkErrors: (e: FastifyError, req, reply) => badUrl(e, req.url, reply.headers(headers)),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifyCookie);
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(headers);
  });
  await app.register(deviceApi, {
    prefix: API,
    hq,
    tlsFingerprint,
    log,
    ...(opts.batchSlots ? { batchSlots: opts.batchSlots } : {}),
  });
  await app.register(staffApi, { prefix: '/api/staff', hq, secure: tls !== null, tlsFingerprint, log });
  await app.register(staffApp, { prefix: '/app' });
  await app.register(webUi, { hq, secure: tls !== null, log });

  await app.listen({ port: opts.port, host });
  const port = (app.server.address() as AddressInfo).port;
  const origin = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/`,
    server: app.server as Server,
    tlsFingerprint,
    close: () => app.close(),
  };
}

function badUrl(e: FastifyError, url: string, reply: FastifyReply): void {
  const message = '地址中的百分号编码（%XX）无效。请检查地址后重试。';
  if (e.code !== 'FST_ERR_BAD_URL') {
    reply.code(e.statusCode ?? 400).send({ error: 'bad_request', message: '请求无法处理。' });
    return;
  }
  if (url.startsWith(`${API}/`)) reply.code(400).send({ error: 'bad_request', message });
  else reply.code(400).header('content-type', 'text/plain; charset=utf-8').send(message);
}
