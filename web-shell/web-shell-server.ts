// The web shell: the same core and renderer as the desktop app, served on loopback for
// development, tests and demos. The API is reachable only with the per-run secret token, only
// through the expected Host (defeats DNS rebinding) and only from the page's own origin.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorFields, type Log } from '../protocol/runtime/log.ts';
import type { Result } from '../shared/api/result.ts';
import { RENDERER_CSP } from '../shared/security/csp.ts';
import { isLoopbackAddress } from './loopback.ts';
import { serveStatic } from './static-files.ts';
import { releasedAfterUse } from '../protocol/storage/release-buffer.ts';

export const TOKEN_HEADER = 'x-api-token';
/** A long 询问笔录 is saved whole on every autosave: allow a few megabytes. */
const MAX_BODY = 8 * 1024 * 1024;

/** The renderer's content-security policy (shared/security/csp.ts): the same as the desktop app's. */
export const CSP = RENDERER_CSP;

const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** What answers the calls: the vault (core/vault/vault.ts), which holds the core and the lock. */
export interface ApiHost {
  dispatch(name: string, arg: unknown): Promise<Result<unknown>>;
  upload(ticket: string, bytes: AsyncIterable<Uint8Array>, signal: AbortSignal): Promise<Result<unknown>>;
}

export interface WebShellOptions {
  api: ApiHost;
  log: Log;
  rendererDir: string;
  port: number;
  host?: string;
  /** Fixed token for tests; a random 256-bit one otherwise. */
  token?: string;
}

export interface WebShell {
  url: string;
  origin: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

export async function startWebShell(opts: WebShellOptions): Promise<WebShell> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopbackAddress(host)) {
    throw new Error(`web shell: refusing to listen on ${host}: only loopback addresses (127.0.0.1, ::1) are allowed`);
  }
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const tokenBuf = Buffer.from(token);
  let allowedHosts = new Set<string>();
  let origin = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      opts.log.error('web shell request failed', errorFields(e));
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // Node ends any request not received whole within 5 minutes: that would cut off the upload of a
  // large recording on a slow machine. Loopback only, token required; a stalled upload is ended by
  // the core instead (core/evidence/run-import.ts: no bytes for a minute).
  server.requestTimeout = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    const isUpload = url.pathname.startsWith('/upload/');
    if (!url.pathname.startsWith('/api/') && !isUpload) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      serveStatic(opts.rendererDir, url.pathname, res, SECURITY_HEADERS);
      return;
    }
    if (req.method !== (isUpload ? 'PUT' : 'POST'))
      return json(res, 405, { error: isUpload ? 'PUT only' : 'POST only' });
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    if (given.length !== tokenBuf.length || !timingSafeEqual(given, tokenBuf)) {
      return json(res, 401, {
        ok: false,
        error: { kind: 'unauthorized', message: '访问令牌无效：请使用启动时输出的完整地址打开本程序。' },
      });
    }
    if (req.headers.origin !== undefined && req.headers.origin !== origin)
      return json(res, 403, { error: 'cross-origin request refused' });
    if (isUpload) {
      // The body is the file's bytes, streamed straight into the one-pass import (never buffered whole).
      const aborted = new AbortController();
      req.on('close', () => !req.complete && aborted.abort());
      const ticket = decodeURIComponent(url.pathname.slice('/upload/'.length));
      // Each request chunk is freed once the import has used it (not left to pile up until a GC).
      return json(res, 200, await opts.api.upload(ticket, releasedAfterUse(req), aborted.signal));
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
      return json(res, 415, { error: 'application/json required' });
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (e) {
      const tooLarge = (e as Error).message === 'too large';
      return json(res, tooLarge ? 413 : 400, {
        ok: false,
        error: { kind: 'validation', message: tooLarge ? '提交的数据过大。' : '请求内容不是有效的JSON。' },
      });
    }
    const name = decodeURIComponent(url.pathname.slice('/api/'.length));
    json(res, 200, await opts.api.dispatch(name, body));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  origin = `http://${hostInUrl}:${port}`;
  allowedHosts = new Set([`${hostInUrl}:${port}`, `localhost:${port}`]);
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res
    .writeHead(status, {
      ...SECURITY_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    })
    .end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
