// `npm run web -- --port P --data DIR`: opens the core on DIR and serves it with the renderer.
// Prints exactly one line `web shell ready: URL` when it answers (tests wait for that line).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openAppLog, LOG_DIR } from '../core/app-log.ts';
import { Vault } from '../core/vault/vault.ts';
import { errorFields, stderrLog } from '../protocol/runtime/log.ts';
import { CoreError } from '../protocol/runtime/core-error.ts';
import { startWebShell } from './web-shell-server.ts';

export async function main(argv: string[], rendererDir: string): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
    },
    strict: true,
  });
  if (!values.data) {
    console.error('用法：npm run web -- --port 端口 --data 数据目录（缺少 --data）');
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口无效：${values.port}（应为 0–65535 的整数，0 表示自动选择）`);
    process.exit(2);
  }
  const dataDir = resolve(values.data);
  // DATA/logs/app.N.log, as the desktop app writes it; stderr still gets every line.
  let log;
  try {
    log = await openAppLog(dataDir, 'web', stderrLog);
  } catch (e) {
    console.error(`无法写入日志目录 ${join(dataDir, LOG_DIR)}：${(e as Error).message}`);
    process.exit(1);
  }
  let vault: Vault;
  // Tests shorten the idle lock's minute (milliseconds per minute); never set in use.
  const idleUnitMs = Number(process.env.WXZF_IDLE_UNIT_MS) || undefined;
  try {
    vault = Vault.open({
      dataDir,
      log,
      verifyRecentEvidenceDays: 7,
      ...(idleUnitMs ? { idleUnitMs } : {}),
      // Sync runs by itself every minute once the device is enrolled and HQ answers (once unlocked).
      // Tests shorten the interval (WXZF_AUTO_SYNC_MS); never set in use.
      onCoreOpen: (core) => core.sync.startAuto(Number(process.env.WXZF_AUTO_SYNC_MS) || 60_000),
    });
  } catch (e) {
    log.error('start failed', errorFields(e));
    await log.stop('start failed');
    console.error(e instanceof CoreError ? e.message : `无法启动：${(e as Error).message}`);
    process.exit(1);
  }
  let shell;
  try {
    shell = await startWebShell({ api: vault, log, rendererDir, port, host: values.host });
  } catch (e) {
    vault.close();
    log.error('start failed', errorFields(e));
    await log.stop('start failed');
    const err = e as NodeJS.ErrnoException;
    console.error(err.code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请换一个端口（--port）。` : err.message);
    process.exit(1);
  }
  console.log(`web shell ready: ${shell.url}`);
  log.info('web shell ready');
  const stop = async (signal: string) => {
    await shell.close();
    vault.close();
    await log.stop(signal);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
