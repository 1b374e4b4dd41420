// Checks that run on a device request before its body is read: the declared length against the
// route's limit, and the device's signature from the headers alone (it signs the body's SHA-256,
// which the body must then match as it is read). An unknown, revoked or forging device, or an
// oversized body, is refused without HQ reading a byte of the body.
import type { FastifyRequest } from 'fastify';
import { H, sha256Hex } from '../../protocol/sync/protocol.ts';
import type { DeviceRow } from '../devices/device-registry.ts';
import { fail } from '../hq-failure.ts';
import type { HqApp } from '../hq-app.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The device a signed request comes from, set from the headers before the body is read. */
    device: DeviceRow | null;
    /** SHA-256 of a JSON body as read (to compare with the signed x-body-sha256). */
    bodySha256: string | null;
  }
}

const EMPTY_SHA256 = sha256Hex('');

export const tooLarge = (max: number) => fail(413, 'bad_request', `请求过大（上限 ${max} 字节）。`);

export function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The declared Content-Length, or null when the body comes chunked (then limits apply as it is read). */
export function declaredLength(req: FastifyRequest): number | null {
  const v = header(req, 'content-length');
  return v === undefined ? null : Number(v);
}

/** onRequest: a body declared larger than the route takes is refused before it is read. */
export function limitDeclaredLength(max: number) {
  return async (req: FastifyRequest): Promise<void> => {
    const declared = declaredLength(req);
    if (declared !== null && declared > max) throw tooLarge(max);
  };
}

/** onRequest: the device's signature over method, path and query, time and the declared body hash. */
export function authenticateDevice(hq: HqApp) {
  return async (req: FastifyRequest): Promise<void> => {
    // What the device signed is the path and query as it built them; URL() normalises them as the device's client did.
    const url = new URL(req.url, 'http://hq');
    req.device = await hq.devices.authenticate(
      {
        deviceId: header(req, H.device),
        time: header(req, H.time),
        signature: header(req, H.signature),
        bodySha256: header(req, H.bodySha256),
      },
      req.method,
      url.pathname + url.search,
    );
  };
}

/** preValidation: the body as read (none for GET) is the one the device signed. */
export async function bodyMatchesSignature(req: FastifyRequest): Promise<void> {
  if ((req.bodySha256 ?? EMPTY_SHA256) !== header(req, H.bodySha256)) throw alteredBody();
}

export const alteredBody = () => fail(400, 'bad_signature', '请求内容在传输中被改动（内容校验值不符）。');
