// The log file of the desktop app, the web shell (DATA/logs/app.N.log) and HQ (HQDATA/logs/hq.N.log):
// pino writing JSON lines through pino-roll's rotating destination, in process. Rotation by size,
// a few files kept (the highest number is the current file). Not pino's worker-thread transports:
// the Electron main process is one esbuild bundle, and a transport needs its own entry files
// beside it (a bundled `pino.transport({ target: 'pino-roll' })` fails: "unable to determine
// transport target"); in process it also starts in ~6 ms instead of ~100 ms and ~14 MB less
// memory (measured, docs/SECURITY.md "Log files").
//
// The data folder is encrypted, the log is not: nothing personal may reach it. Callers log fixed
// texts and non-personal fields (log.ts); as a second line of defence every string is scrubbed
// here of Chinese text (names, addresses, file names, the app's own messages quoting them) and of
// long digit runs (ID numbers, phone numbers, certificate numbers).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import pinoRoll from 'pino-roll';
import { errorFields, type Log, type LogFields } from './log.ts';

export interface FileLogOptions {
  /** The folder the files go to (DATA/logs, HQDATA/logs). */
  dir: string;
  /** The files' name: `app` → app.1.log, app.2.log … */
  name: 'app' | 'hq';
  /** Who writes (app version, shell): on every line. */
  base?: Record<string, string>;
  /** Size at which the current file is closed and a new one begun (pino-roll's notation: '1m', '200k'). */
  size?: string;
  /** How many closed files are kept besides the current one. */
  keep?: number;
  /** Also writes each line to another log (stderr in the web shell and HQ, as before). */
  tee?: Log;
}

export interface FileLog extends Log {
  readonly dir: string;
  /** Writes what is buffered, synchronously: before the process exits on a fatal error. */
  flush(): void;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;
// Ids (UUIDs) and digests (32+ hex characters) are kept whole: they are not personal, and a random
// one can hold seven digits in a row (a UUID's first group is all digits about one time in 40),
// which would otherwise be cut out of the id a reader looks for.
const DIGITS =
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b(?=[0-9a-f]*[a-f])[0-9a-f]{32,}\b|\d{7,}[\dXx]?/gi;
const scrubDigits = (m: string): string => (m.includes('-') || /[a-f]/i.test(m) ? m : '#');
/** Chinese text and long digit runs out: what a name, an ID number or a phone number looks like here. */
export const scrub = (s: string): string => s.replace(HAN, '…').replace(DIGITS, scrubDigits);

function scrubFields(fields: LogFields | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields ?? {})) out[k] = typeof v === 'string' ? scrub(v) : v;
  return out;
}

export async function openFileLog(opts: FileLogOptions): Promise<FileLog> {
  mkdirSync(opts.dir, { recursive: true });
  const stream = await pinoRoll({
    file: join(opts.dir, opts.name),
    extension: '.log',
    size: opts.size ?? '1m',
    // Across restarts too: without removeOtherLogFiles only the files of this run would be counted.
    limit: { count: opts.keep ?? 4, removeOtherLogFiles: true },
    mkdir: true,
  });
  // No pid or hostname (a computer's name is often its user's): the app, its version, the shell.
  const logger = pino(
    {
      base: opts.base ?? null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
  let closed = false;
  const write = (level: 'info' | 'error', message: string, fields?: LogFields) => {
    opts.tee?.[level](message, fields);
    if (!closed) logger[level](scrubFields(fields), scrub(message));
  };
  return {
    dir: opts.dir,
    info: (m, f) => write('info', m, f),
    error: (m, f) => write('error', m, f),
    flush: () => {
      if (!closed) stream.flushSync();
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        stream.once('close', () => resolve());
        stream.end();
      }),
  };
}

/**
 * The log of one process (the desktop app, the web shell, HQ): opened at start, with a `start`
 * line (version, shell, platform — no paths, no user or computer names), an `uncaught exception`
 * line flushed at once should the process die of one (a monitor: the process dies as before), and
 * `stop()` writing the `stop` line and closing the file.
 */
export async function openProcessLog(
  opts: FileLogOptions & { base: Record<string, string> },
): Promise<FileLog & { stop(reason: string): Promise<void> }> {
  const log = await openFileLog(opts);
  log.info('start', { platform: process.platform, arch: process.arch, node: process.versions.node });
  const onFatal = (e: unknown, origin: string) => {
    log.error('uncaught exception', { origin, ...errorFields(e) });
    log.flush();
  };
  process.on('uncaughtExceptionMonitor', onFatal);
  return {
    ...log,
    stop: async (reason) => {
      process.off('uncaughtExceptionMonitor', onFatal);
      log.info('stop', { reason });
      await log.close();
    },
  };
}
