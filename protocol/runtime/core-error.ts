import type { ErrorKind } from '../../shared/api/result.ts';

/**
 * Thrown inside the core for expected failures; core/api/dispatch.ts turns it into an
 * `{ ok: false, error }` value. The message is shown to the user as is: Chinese, and it says
 * what to do. Anything else thrown is a bug and becomes a generic `internal` error.
 */
export class CoreError extends Error {
  readonly kind: ErrorKind;
  readonly fields: Record<string, string> | undefined;
  constructor(kind: ErrorKind, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'CoreError';
    this.kind = kind;
    this.fields = fields;
  }
}
