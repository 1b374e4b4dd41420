// The single entry point from any shell into the core. Order matters: the call must exist, its
// argument must match the contract, set-up and the session must allow it — only then is a
// handler reached. Everything comes back as a Result value; nothing throws across the boundary.
// Every decision about a call (before set-up, access, audit) is read from its contract entry.
import { auditEntryFor, auditFailureFor } from '../audit/audit-calls.ts';
import { CALL_NAMES, type CallName } from '../../shared/api/call-names.ts';
import type { Access } from '../../shared/api/call-policy.ts';
import { contract } from '../../shared/api/contract.ts';
import { fail, ok, type ApiError, type Result } from '../../shared/api/result.ts';
import { fieldErrors, summariseFieldErrors } from '../../shared/api/validation-errors.ts';
import type { AppCore } from '../app-core.ts';
import { errorResult } from './error-result.ts';
import { handlers } from './handlers.ts';

const NAMES: ReadonlySet<string> = new Set(CALL_NAMES);
export const isCallName = (name: string): name is CallName => NAMES.has(name);

/** The first two checks, shared with the vault (core/vault/vault.ts): the call exists, its argument fits. */
export function parseCall(name: string, rawArg: unknown): Result<unknown> {
  if (!isCallName(name)) return fail('not_found', `没有名为「${name}」的功能调用。`);
  const parsed = contract[name].input.safeParse(rawArg === undefined ? {} : rawArg);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    return fail('validation', summariseFieldErrors(fields), fields);
  }
  return ok(parsed.data);
}

export async function dispatch(core: AppCore, name: string, rawArg: unknown): Promise<Result<unknown>> {
  const parsedCall = parseCall(name, rawArg);
  if (!parsedCall.ok) return parsedCall;
  const spec = contract[name as CallName];
  const parsed = { data: parsedCall.value };
  try {
    const refusal = checkAccess(core, spec.beforeSetup, spec.access);
    if (refusal) return refusal;
    const handler = handlers[name as CallName] as (arg: unknown, core: AppCore) => unknown;
    const arg = parsed.data as Record<string, unknown>;
    // The result is checked too: the renderer relies on the contract, and a mismatch is a bug to surface here.
    const finish = (value: unknown) => {
      const out = spec.output.safeParse(value);
      if (!out.success)
        throw new ContractMismatch(out.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`).join('; '));
      const entry = auditEntryFor(name as CallName, arg, out.data, core);
      if (entry) core.audit.append(entry);
      return out.data;
    };
    if (spec.audit.by !== 'dispatch') return ok(finish(await handler(arg, core)));
    // One transaction for the action and its audit row: a crash or an error leaves both or neither.
    // A handler that returns a promise has asynchronous work (passwords are hashed off the main
    // thread) that no transaction can span: what it wrote before its first await is committed and
    // its row follows when it finishes.
    const first = inOneTransaction(core, () => {
      const r = handler(arg, core);
      return isThenable(r) ? { pending: r } : { out: finish(r) };
    });
    return ok('pending' in first ? finish(await first.pending) : first.out);
  } catch (e) {
    if (e instanceof ContractMismatch) {
      core.log.error(`result of ${name} does not match the contract`, { issues: e.message });
      return fail('internal', '程序内部错误：返回的数据不符合约定。请重试；如仍出现，请联系技术支持。');
    }
    const failure = auditFailureFor(name as CallName, parsed.data as Record<string, unknown>, core);
    if (failure) core.audit.append(failure);
    // Logged without the argument: it may hold passwords or personal data.
    return errorResult(e, `call ${name}`, core.log);
  }
}

/** Set-up and session checks, in that order; null when the call may proceed. */
function checkAccess(core: AppCore, beforeSetup: boolean, access: Access): { ok: false; error: ApiError } | null {
  if (!beforeSetup && core.office.agencyName() === null) {
    return fail('setup_required', '本机尚未完成首次设置，请先填写行政机关名称并登记执法人员。');
  }
  const session = core.session.state();
  if (access === 'officer' && session.officers.length === 0) {
    return fail('unauthorized', '请先登录：至少一名执法人员登录后才能查看。');
  }
  if (access === 'pair' && !session.pair) {
    return fail('forbidden', '此操作须两名执法人员同时登录（每人使用自己的密码）。请另一名执法人员登录后再试。');
  }
  return null;
}

/** Carries where the result differs (paths and issue codes), never the values. */
class ContractMismatch extends Error {}

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  typeof (v as { then?: unknown } | null)?.then === 'function';

/**
 * BEGIN … COMMIT by hand rather than db.transaction(): better-sqlite3 refuses a function that
 * returns a promise, and this one must commit the synchronous part of an asynchronous handler.
 * The stores' own transactions inside become savepoints. Never spans an await.
 */
function inOneTransaction<T>(core: AppCore, fn: () => T): T {
  const db = core.db;
  db.exec('BEGIN IMMEDIATE');
  try {
    const r = fn();
    db.exec('COMMIT');
    return r;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
