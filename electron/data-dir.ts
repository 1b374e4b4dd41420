// `npm start -- --data DIR`: the desktop app's data folder, as `npm run web -- --data DIR` takes it,
// instead of the user-data folder. Kept apart from main.ts (which imports Electron) so that it is
// tested on Node. Messages are in Chinese: they are shown to whoever started the app.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export class DataDirError extends Error {}

const USAGE = '用法：npm start -- --data 数据目录';

/**
 * The folder named by `--data DIR` or `--data=DIR` in the process arguments, resolved against
 * `cwd`; undefined when absent. Everything else (the app path in development, Chromium's own
 * switches) is ignored.
 */
export function dataDirArg(argv: readonly string[], cwd: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    let value: string | undefined;
    if (a === '--data') {
      value = argv[i + 1];
      // `--data --other` or `--data` last: the folder was forgotten, not named "--other".
      if (value === undefined || value.startsWith('-')) throw new DataDirError(`--data 后缺少数据目录。${USAGE}`);
      i++;
    } else if (a.startsWith('--data=')) {
      value = a.slice('--data='.length);
    } else continue;
    if (value.trim() === '') throw new DataDirError(`--data 的数据目录为空。${USAGE}`);
    // Two folders would leave it unclear which one holds the records: refuse rather than pick.
    if (found !== undefined)
      throw new DataDirError(`--data 只能给出一次（收到「${found}」和「${resolve(cwd, value)}」）。${USAGE}`);
    found = resolve(cwd, value);
  }
  return found;
}

/** Creates the data folder (owner-only) where missing and checks it is a folder this user can write. */
export function prepareDataDir(dir: string): string {
  const refuse = (why: string) =>
    new DataDirError(`无法使用数据目录「${dir}」：${why}。请换一个可写的目录（${USAGE}），或检查该路径。`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw refuse('该路径或其上级已存在且不是目录');
    if (code === 'EACCES' || code === 'EPERM') throw refuse('没有在此处创建目录的权限');
    if (code === 'EROFS') throw refuse('所在磁盘为只读');
    throw refuse(`无法创建（${(e as Error).message}）`);
  }
  if (!statSync(dir).isDirectory()) throw refuse('该路径已存在且不是目录');
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch {
    throw refuse('没有写入权限');
  }
  return dir;
}

/** The data folder for this start: `--data DIR` when given, else the default (the user-data folder's `data`). */
export function resolveDataDir(argv: readonly string[], cwd: string, defaultDir: string): string {
  return prepareDataDir(dataDirArg(argv, cwd) ?? defaultDir);
}
