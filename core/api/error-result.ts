import { fail, type ApiError } from '../../shared/api/result.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { errorFields, type Log } from '../../protocol/runtime/log.ts';

/** Any failure inside the core as an error value; unexpected ones are logged (their kind and place: no arguments, no message). */
export function errorResult(e: unknown, what: string, log: Log): { ok: false; error: ApiError } {
  if (e instanceof CoreError) return fail(e.kind, e.message, e.fields);
  if (isDiskFull(e)) return fail('io', '磁盘空间已满，本次操作没有保存。请清理磁盘空间后重试。');
  log.error(`${what} failed`, errorFields(e));
  return fail('internal', '程序内部错误，本次操作没有完成。请重试；如仍出现，请联系技术支持。');
}

function isDiskFull(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === 'ENOSPC' || err?.code === 'SQLITE_FULL' || /database or disk is full/i.test(err?.message ?? '');
}
