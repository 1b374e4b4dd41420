// Kill points, the child's side of the crash tests (tests/integration/*-crash.test.ts; the parent's
// side is crash-child.ts). The parent names one point of the child's course in KILL_AT — `name` or
// `name#n`, the n-th time it is reached — and KILL_HOLD. When the child gets there it prints
// `kill-point NAME` and, if held, stops dead in a blocking wait, so that the SIGKILL lands exactly
// there; a point not held only announces itself and the child runs on (the kill then lands in
// what follows: a commit, a close).
//
// Nothing the child does is replaced: the points observe the real code — a TEMP trigger on the
// child's own database connection (never stored in the file), an existing hook of the code under
// test, or a wrapper that runs the real node:fs call and then pauses.
import fs, { type PathLike } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import type { Database } from 'better-sqlite3-multiple-ciphers';

const target = (() => {
  const at = process.env.KILL_AT;
  if (!at) return null;
  const [point, nth] = at.split('#') as [string, string | undefined];
  return { point, nth: nth ? Number(nth) : 1, hold: process.env.KILL_HOLD !== '0' };
})();
const counts = new Map<string, number>();
const write = fs.writeSync;
/** A held child that was not killed within this time fails loudly instead of hanging the test. */
const HOLD_MAX_MS = 120_000;

/** The child's course passes `point`: announce it (and stop, if held) when it is the one named. */
export function reached(point: string): void {
  if (!target || target.point !== point) return;
  const n = (counts.get(point) ?? 0) + 1;
  counts.set(point, n);
  if (n !== target.nth) return;
  write(1, `kill-point ${point}#${n}\n`); // a pipe: written before this returns
  if (!target.hold) return;
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, HOLD_MAX_MS);
  write(2, `held at kill point ${point}#${n} for ${HOLD_MAX_MS} ms and not killed\n`);
  process.exit(70);
}

/**
 * Kill points inside SQL statements: a TEMP trigger (this connection only) calls `reached(point)`
 * after a row is written, while the statement's transaction is still open.
 */
export function killPointsInDatabase(
  db: Database,
  points: { point: string; after: 'INSERT' | 'UPDATE'; table: string }[],
): void {
  db.function('kill_point', { varargs: false }, (point: unknown) => {
    reached(String(point));
    return null;
  });
  for (const [i, p] of points.entries())
    db.exec(
      `CREATE TEMP TRIGGER kill_point_${i} AFTER ${p.after} ON main.${p.table} BEGIN SELECT kill_point('${p.point}'); END`,
    );
}

/**
 * Kill points between the file-system steps of a write: after each matching call to the real
 * function returns, with the path of the file it acted on. Installed before the code under test
 * is imported (its named imports of node:fs are live bindings, updated by syncBuiltinESMExports).
 */
export function killPointsInFs(rules: {
  opened?: (path: string) => void;
  /** After writeSync returns, with the bytes it wrote. */
  written?: (path: string, bytes: number) => void;
  fsynced?: (path: string) => void;
  renamed?: (from: string, to: string) => void;
}): void {
  const { openSync, closeSync, writeSync, fsyncSync, renameSync } = fs;
  const paths = new Map<number, string>(); // the files this process opened through node:fs, by descriptor
  const f = fs as unknown as Record<string, unknown>;
  f.openSync = (...a: Parameters<typeof openSync>) => {
    const fd = openSync(...a);
    paths.set(fd, String(a[0]));
    rules.opened?.(String(a[0]));
    return fd;
  };
  f.closeSync = (fd: number) => {
    closeSync(fd);
    paths.delete(fd);
  };
  f.writeSync = (fd: number, ...rest: unknown[]) => {
    const n = (writeSync as (...x: unknown[]) => number)(fd, ...rest);
    const path = paths.get(fd);
    if (path !== undefined) rules.written?.(path, n);
    return n;
  };
  f.fsyncSync = (fd: number) => {
    fsyncSync(fd);
    const path = paths.get(fd);
    if (path !== undefined) rules.fsynced?.(path);
  };
  f.renameSync = (from: PathLike, to: PathLike) => {
    renameSync(from, to);
    rules.renamed?.(String(from), String(to));
  };
  syncBuiltinESMExports();
}
