// A call's whole policy, decided in its contract entry (contract.ts): who may make it, how the audit
// log records it, and whether it is answered while the app is locked, before set-up, and counted
// as someone using the app. Dispatch (core/api/dispatch.ts), the vault (core/vault/vault.ts) and
// the audit row builders (core/audit/audit-calls.ts) read these; none keeps a list of its own.
// Every field is required, so the compiler refuses an entry that leaves one undecided, and
// contract.test.ts checks the values at run time.
import type { AuditAction } from '../audit/audit-actions.ts';

/**
 * Who may make a call:
 * - `open`: anyone, even before set-up or sign-in;
 * - `officer`: at least one officer signed in (browsing);
 * - `pair`: two officers signed in — the legal minimum for creating or changing case records.
 */
export type Access = 'open' | 'officer' | 'pair';

/**
 * How the audit log records a call that succeeds:
 * - `none`: it only reads, or changes nothing the log records;
 * - `dispatch`: dispatch runs the handler and appends the row in one transaction (the row's
 *   content is built by core/audit/audit-calls.ts, which must return one of `actions`);
 *   `failed`, where set, is the row dispatch appends when the call fails (a refused sign-in);
 * - `handler`: the handler writes its own rows (`actions`) inside the transaction that commits
 *   the action — it does asynchronous work first (password hashing, file writing, a network
 *   exchange) that no transaction can span.
 */
export type AuditPolicy =
  | { readonly by: 'none' }
  | { readonly by: 'dispatch'; readonly actions: readonly AuditAction[]; readonly failed?: AuditAction }
  | { readonly by: 'handler'; readonly actions: readonly AuditAction[] };

/** The rarer traits, given in a call's entry as a list (empty when none applies). */
export type CallTrait =
  /** Answered while the app is locked (idle, sleep, 锁定, at start); everything else waits for a password. */
  | 'whileLocked'
  /** Answered before the office is set up (no key file, no office name); everything else is refused. */
  | 'beforeSetup'
  /** Called by the renderer on a timer: a successful call does not count as someone using the app (the idle lock's clock). */
  | 'polled';

export interface CallPolicy<A extends AuditPolicy = AuditPolicy> {
  access: Access;
  audit: A;
  whileLocked: boolean;
  beforeSetup: boolean;
  polled: boolean;
}

/** Not audited. */
export const NOT_AUDITED = { by: 'none' } as const;
/** Audited by dispatch, in the call's transaction. */
export const byDispatch = <const A extends readonly AuditAction[]>(...actions: A): { by: 'dispatch'; actions: A } => ({
  by: 'dispatch',
  actions,
});
/** Audited by the handler itself, inside its own transaction. */
export const byHandler = <const A extends readonly AuditAction[]>(...actions: A): { by: 'handler'; actions: A } => ({
  by: 'handler',
  actions,
});

export const policy = <const A extends AuditPolicy>(
  access: Access,
  audit: A,
  traits: readonly CallTrait[],
): CallPolicy<A> => ({
  access,
  audit,
  whileLocked: traits.includes('whileLocked'),
  beforeSetup: traits.includes('beforeSetup'),
  polled: traits.includes('polled'),
});

/** The fields every policy decides, for the run-time check (tests/integration/call-policy.test.ts). */
export const POLICY_FIELDS = [
  'access',
  'audit',
  'whileLocked',
  'beforeSetup',
  'polled',
] as const satisfies readonly (keyof CallPolicy)[];
