// Results cross every process boundary as values, never as thrown exceptions: the renderer gets
// a closed set of error kinds and a message in Chinese that a user can act on.

export const ERROR_KINDS = [
  'validation', // bad input; `fields` says which field and why
  'unauthorized', // no officer signed in, or wrong credentials
  'forbidden', // signed in, but the action needs more (e.g. two officers)
  'locked', // officer temporarily locked after repeated failures
  'app_locked', // the app is locked (idle, sleep, start): an officer's password unlocks it
  'not_found',
  'conflict', // e.g. a duplicate 执法证号
  'setup_required', // the office has not been set up yet
  'integrity', // stored data failed a check
  'io', // disk full, unreadable file …
  'internal', // a bug: logged, shown generically
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ApiError {
  kind: ErrorKind;
  /** A sentence in Chinese: what is wrong and what to do. */
  message: string;
  /** For validation errors: dotted field path → message, shown next to the field. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (
  kind: ErrorKind,
  message: string,
  fields?: Record<string, string>,
): { ok: false; error: ApiError } => ({
  ok: false,
  error: fields ? { kind, message, fields } : { kind, message },
});
