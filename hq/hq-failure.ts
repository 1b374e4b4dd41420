// A refusal HQ answers with: an HTTP status and a body the device maps to a Chinese message.
import type { HqError } from '../protocol/sync/protocol.ts';

export class HqFailure extends Error {
  readonly status: number;
  readonly body: HqError;
  constructor(status: number, body: HqError) {
    super(body.message);
    this.status = status;
    this.body = body;
  }
}

export const fail = (status: number, error: HqError['error'], message: string, extra: Partial<HqError> = {}) =>
  new HqFailure(status, { error, message, ...extra });
