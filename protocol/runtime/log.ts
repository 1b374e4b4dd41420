// Where the device's core and HQ write diagnostics: start and stop, errors with their kind, sync
// and import outcomes. The shells send it to a rotating file in the data folder (file-log.ts);
// tools pass silentLog. Never pass it passwords, keys, tokens or personal data: messages are fixed
// English texts, and `fields` carry counts, kinds, ids and durations (docs/SECURITY.md, "Log files").

/** Values a log line may carry besides its message: counts, kinds, random ids, durations. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Log {
  info(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const line = (m: string, fields?: LogFields) => (fields ? `${m} ${JSON.stringify(fields)}` : m);
export const stderrLog: Log = {
  info: (m, f) => process.stderr.write(`[core] ${line(m, f)}\n`),
  error: (m, f) => process.stderr.write(`[core] ERROR ${line(m, f)}\n`),
};
export const silentLog: Log = { info: () => {}, error: () => {} };

/**
 * An error as log fields: its kind (class name, the app's error kind, the system's code and call
 * where there are) and where it happened (the stack's frames as function and file name:line), never its
 * message — a message may quote the data (JSON.parse quotes its input, a file error names the file).
 */
export function errorFields(e: unknown): LogFields {
  const err = (e ?? {}) as Partial<NodeJS.ErrnoException>;
  const frames = (typeof err.stack === 'string' ? err.stack.split('\n') : [])
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 8)
    .map((l) =>
      l
        .trim()
        .replace(/^at /, '')
        // Only the file's name: an installation path holds the user's account name.
        .replace(/(?:file:\/\/)?(?:[A-Za-z]:)?[^\s()]*[\\/]([^\\/\s()]+:\d+:\d+)/g, '$1'),
    );
  const kind = (e as { kind?: unknown } | null)?.kind;
  return {
    error: e instanceof Error ? e.constructor.name : typeof e,
    ...(typeof kind === 'string' ? { kind } : {}),
    ...(typeof err.code === 'string' ? { code: err.code } : {}),
    ...(typeof err.syscall === 'string' ? { syscall: err.syscall } : {}),
    ...(frames.length ? { at: frames.join(' < ') } : {}),
  };
}
