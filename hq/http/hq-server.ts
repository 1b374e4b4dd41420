// HQ's HTTP(S) server: the device API under /api/v1 (device-api.ts) and the staff web page
// (web-ui.ts), one process, plain node:http/https (streams chunk bodies without a framework).
// With --tls-cert/--tls-key it serves HTTPS; devices pin the certificate's SHA-256 at enrollment.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { API } from '../../protocol/sync/protocol.ts';
import { HqFailure } from '../hq-failure.ts';
import type { HqApp } from '../hq-app.ts';
import { deviceApi } from './device-api.ts';
import { sendJson, SECURITY_HEADERS } from './http-util.ts';
import { webUi } from './web-ui.ts';

export interface HqServerOptions {
  hq: HqApp;
  port: number;
  host?: string;
  tls?: { certPath: string; keyPath: string };
  /** Unexpected request failures; scripts/hq.ts writes them to HQ's log file by their kind (errorFields). */
  log?: (line: string, error?: unknown) => void;
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
  let tlsFingerprint: string | null = null;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: unknown) => answerError(res, e));
  };
  let server: Server;
  if (opts.tls) {
    const cert = readFileSync(opts.tls.certPath);
    tlsFingerprint = certFingerprint(cert);
    server = createTlsServer({ cert, key: readFileSync(opts.tls.keyPath) }, handler) as unknown as Server;
  } else {
    server = createServer(handler);
  }
  server.requestTimeout = 10 * 60_000;
  const scheme = opts.tls ? 'https' : 'http';
  let origin = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith(`${API}/`)) return deviceApi(hq, req, res, url, tlsFingerprint);
    return webUi(hq, req, res, url, origin);
  }

  function answerError(res: ServerResponse, e: unknown): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (e instanceof HqFailure) return sendJson(res, e.status, e.body);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT')
      return sendJson(res, 507, {
        error: 'disk_full',
        message: '总部服务器磁盘已满，无法接收。请联系总部管理员清理空间后再同步。',
      });
    if (e instanceof SyntaxError)
      return sendJson(res, 400, { error: 'bad_request', message: '请求内容不是有效的JSON。' });
    log('hq: request failed', e);
    if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS).end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/`,
    server,
    tlsFingerprint,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
