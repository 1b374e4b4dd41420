// The device's HTTP(S) client for HQ: signs every request after enrollment (Ed25519 over method,
// path, HQ-corrected time, a fresh random nonce, and the body's length and hash), pins HQ's TLS certificate (a proxy in the middle with
// another certificate is refused before a byte of the request is sent), and turns every failure
// into a SyncFailure with a Chinese message that says what to do. HQ's answers are checked against
// the route's schema (protocol/sync/hq-api.ts) before the sync service reads them.
import { randomBytes, X509Certificate } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { z } from 'zod';
import { fieldErrors } from '../../shared/api/validation-errors.ts';
import { HqErrorSchema } from '../../protocol/sync/hq-api.ts';
import { H, requestSigningText, sha256Hex, type HqError } from '../../protocol/sync/protocol.ts';

export type SyncFailureKind =
  | 'unreachable'
  | 'certificate'
  | 'revoked'
  | 'unknown_device'
  | 'disk_full'
  | 'verification'
  | 'conflict'
  | 'hq_key'
  | 'enrollment'
  | 'protocol'
  | 'not_enrolled';

export class SyncFailure extends Error {
  readonly kind: SyncFailureKind;
  readonly status: number;
  readonly body: HqError | null;
  constructor(kind: SyncFailureKind, message: string, status = 0, body: HqError | null = null) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.body = body;
  }
}

export interface ClientOptions {
  baseUrl: string;
  /** Pinned certificate fingerprint (SHA-256 of the DER, hex); null before enrollment or for plain HTTP. */
  tlsFingerprint: string | null;
  /** Signs a request text (Ed25519); absent before enrollment. */
  sign?: (text: string) => string;
  deviceId?: string;
  /** HQ time minus device time, learned from HQ's signed time. */
  clockOffsetMs?: () => number;
  timeoutMs?: number;
}

export interface HqResponse<T> {
  status: number;
  body: T;
  /** The certificate fingerprint seen on this connection (https), for enrollment. */
  peerFingerprint: string | null;
}

/** A JSON body serialized beforehand (a batch built while the previous one was in flight). */
export class JsonBody {
  readonly bytes: Buffer;
  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }
}

export class HqClient {
  private readonly o: ClientOptions;
  constructor(o: ClientOptions) {
    this.o = o;
  }

  /**
   * One request. With `answer` (the route's schema in HQ_ROUTES), a successful answer that does not
   * match it is a 'protocol' failure naming the field; the answer is returned as HQ sent it (HQ's
   * signatures and proofs cover all of it).
   */
  async call<T>(
    method: string,
    pathAndQuery: string,
    body?: Buffer | JsonBody | object,
    signed = true,
    answer?: z.ZodType<T>,
  ): Promise<HqResponse<T>> {
    const bytes =
      body === undefined
        ? Buffer.alloc(0)
        : Buffer.isBuffer(body)
          ? body
          : body instanceof JsonBody
            ? body.bytes
            : Buffer.from(JSON.stringify(body), 'utf8');
    const headers: Record<string, string | number> = { 'content-length': bytes.length, accept: 'application/json' };
    if (body !== undefined)
      headers['content-type'] = Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json';
    if (signed) {
      if (!this.o.sign || !this.o.deviceId)
        throw new SyncFailure('not_enrolled', '本机尚未登记到总部。请先在「同步」页面用总部提供的登记码登记。');
      const time = new Date(Date.now() + (this.o.clockOffsetMs?.() ?? 0)).toISOString();
      const signed = {
        method,
        pathAndQuery,
        time,
        nonce: randomBytes(16).toString('hex'),
        bodyLength: bytes.length,
        bodySha256: sha256Hex(bytes),
      };
      headers[H.device] = this.o.deviceId;
      headers[H.time] = time;
      headers[H.nonce] = signed.nonce;
      headers[H.bodyLength] = String(signed.bodyLength);
      headers[H.bodySha256] = signed.bodySha256;
      headers[H.signature] = this.o.sign(requestSigningText(signed));
    }
    const url = new URL(pathAndQuery, this.o.baseUrl);
    const https = url.protocol === 'https:';
    return new Promise<HqResponse<T>>((resolve, reject) => {
      let peerFingerprint: string | null = null;
      const req = (https ? httpsRequest : httpRequest)(url, {
        method,
        headers,
        agent: false,
        timeout: this.o.timeoutMs ?? 60_000,
        // HQ often runs with its own certificate: trust is by the pinned fingerprint, not a CA.
        ...(https ? { rejectUnauthorized: false } : {}),
      });
      req.on('socket', (socket) => {
        if (!https) return;
        (socket as TLSSocket).once('secureConnect', () => {
          const cert = (socket as TLSSocket).getPeerCertificate(false) as PeerCertificate | null;
          peerFingerprint = cert?.raw
            ? new X509Certificate(cert.raw).fingerprint256.replace(/:/g, '').toLowerCase()
            : null;
          if (this.o.tlsFingerprint && peerFingerprint !== this.o.tlsFingerprint) {
            req.destroy(
              new SyncFailure(
                'certificate',
                '总部服务器的证书与登记时记录的不符：连接可能被拦截或冒充（中间人）。已停止同步，未发送任何数据。请联系总部核实服务器证书。',
              ),
            );
          }
        });
      });
      req.on('timeout', () =>
        req.destroy(new SyncFailure('unreachable', `连接总部超时（${url.host}）。请检查网络后重试。`)),
      );
      req.on('error', (e: Error) =>
        reject(
          e instanceof SyncFailure
            ? e
            : new SyncFailure(
                'unreachable',
                `无法连接总部（${url.host}）：${networkReason(e)}。请确认网络已连通、总部服务器已启动，然后重试；数据仍完整保存在本机。`,
              ),
        ),
      );
      req.on('response', (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) =>
          reject(new SyncFailure('unreachable', `与总部的连接中断：${networkReason(e)}。请重试，已传部分会续传。`)),
        );
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            return reject(
              new SyncFailure(
                'protocol',
                `总部返回了无法识别的内容（HTTP ${res.statusCode}）。请确认地址是总部服务器。`,
                res.statusCode ?? 0,
              ),
            );
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            const checked = answer?.safeParse(parsed);
            if (checked && !checked.success)
              return reject(
                new SyncFailure(
                  'protocol',
                  `总部的答复不符合同步协议（${Object.entries(fieldErrors(checked.error))
                    .slice(0, 3)
                    .map(([k, m]) => `${k}：${m}`)
                    .join('；')}）。请确认总部服务器与本机的版本相符。`,
                  status,
                ),
              );
            return resolve({ status, body: parsed as T, peerFingerprint });
          }
          const error = HqErrorSchema.safeParse(parsed);
          reject(failureFor(status, error.success ? error.data : null));
        });
      });
      req.end(bytes);
    });
  }
}

function networkReason(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED') return '连接被拒绝（总部服务未运行或地址、端口有误）';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return '找不到该地址';
  if (code === 'ECONNRESET' || code === 'EPIPE') return '连接被中断';
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return '网络不通';
  return e.message;
}

function failureFor(status: number, body: HqError | null): SyncFailure {
  const m = body?.message ?? `HTTP ${status}`;
  switch (body?.error) {
    case 'revoked':
      return new SyncFailure('revoked', `${m} 本机数据未删除；请联系总部管理员。`, status, body);
    case 'unknown_device':
      return new SyncFailure('unknown_device', `总部不认识本机（${m}）。请用新的登记码重新登记。`, status, body);
    case 'disk_full':
      return new SyncFailure('disk_full', m, status, body);
    case 'verification':
    case 'digest':
      return new SyncFailure('verification', `总部核验未通过：${m}`, status, body);
    case 'conflict':
      return new SyncFailure('conflict', m, status, body);
    case 'enrollment':
      return new SyncFailure('enrollment', m, status, body);
    case 'clock':
      return new SyncFailure(
        'protocol',
        '本机时间与总部时间相差过大，请求被拒绝。请重试（程序会按总部时间校正）。',
        status,
        body,
      );
    default:
      return new SyncFailure('protocol', `总部拒绝了请求：${m}`, status, body);
  }
}
