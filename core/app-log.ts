// The log file of the app, in its data folder: DATA/logs/app.N.log, opened the same way by the
// desktop app (electron/main.ts) and the web shell (web-shell/main.ts), which run the same core.
// What it holds and what never (docs/SECURITY.md "Log files"): protocol/runtime/file-log.ts.
import { join } from 'node:path';
import { openProcessLog, type FileLog } from '../protocol/runtime/file-log.ts';
import type { Log } from '../protocol/runtime/log.ts';
import { APP_VERSION } from './app-version.ts';

export const LOG_DIR = 'logs';

export function openAppLog(
  dataDir: string,
  shell: 'electron' | 'web',
  tee?: Log,
): Promise<FileLog & { stop(reason: string): Promise<void> }> {
  return openProcessLog({
    dir: join(dataDir, LOG_DIR),
    name: 'app',
    base: {
      app: 'field',
      version: APP_VERSION,
      shell,
      ...(process.versions.electron ? { electron: process.versions.electron } : {}),
    },
    ...(tee ? { tee } : {}),
  });
}
