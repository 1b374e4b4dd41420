// `npm run verify -- PATH`: independent verification of a device's data folder or of a sealed
// bundle (.tar): the seal chain and each seal's SM2 and Ed25519 signatures, each sealed document,
// signature binding and evidence digest (recomputed), and the audit chain. Prints a report naming
// exactly what fails; exit 0 only if everything passes.
//
// A data folder is encrypted: it opens with an officer's 执法证号 (--cert-no) and password (on
// standard input, or WXZF_PASSWORD for scripts), or with HQ's recovery key (--hq-data HQ_DIR).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AppCore } from '../core/app-core.ts';
import { CoreError } from '../protocol/runtime/core-error.ts';
import { silentLog } from '../protocol/runtime/log.ts';
import { openWithHqKey, openWithPassword } from '../core/vault/open-unlocked.ts';
import { hqRecoveryKey } from '../hq/hq-identity.ts';
import { verifyCore } from '../core/seals/verify-seals.ts';
import { formatReport } from '../protocol/seal/verify-report.ts';
import { verifyBundle } from '../protocol/bundle/verify-bundle.ts';

const { values, positionals } = parseArgs({
  options: { 'cert-no': { type: 'string' }, 'hq-data': { type: 'string' } },
  allowPositionals: true,
});
const target = positionals[0];
if (!target) {
  console.error(
    '用法：npm run verify -- 封存包.tar，或 npm run verify -- 数据目录 --cert-no 执法证号（密码从标准输入读取），或 --hq-data 总部数据目录',
  );
  process.exit(2);
}
const path = resolve(target);
if (!existsSync(path)) {
  console.error(`找不到「${path}」。请给出本机数据目录（含 device.db）的路径。`);
  process.exit(2);
}
if (!statSync(path).isDirectory()) {
  // A sealed bundle: checked on its own, without any data folder.
  const report = await verifyBundle(path);
  console.log(formatReport(report));
  process.exit(report.ok ? 0 : 1);
}
if (!existsSync(join(path, 'device.db'))) {
  console.error(`「${path}」不是本程序的数据目录（其中没有 device.db）。`);
  process.exit(2);
}
let core: AppCore;
try {
  if (values['hq-data'])
    core = openWithHqKey({ dataDir: path, log: silentLog }, hqRecoveryKey(resolve(values['hq-data'])));
  else if (values['cert-no'])
    core = await openWithPassword(
      { dataDir: path, log: silentLog },
      values['cert-no'],
      process.env.WXZF_PASSWORD ?? readFileSync(0, 'utf8').replace(/\r?\n$/, ''),
    );
  else {
    console.error(
      '数据目录已加密：请用 --cert-no 执法证号 给出一名执法人员（密码从标准输入读取），或用 --hq-data 总部数据目录 以总部恢复密钥打开。',
    );
    process.exit(2);
  }
} catch (e) {
  console.error(e instanceof CoreError ? e.message : `无法打开数据目录：${(e as Error).message}`);
  process.exit(1);
}
try {
  const report = await verifyCore(core);
  console.log(formatReport(report));
  process.exitCode = report.ok ? 0 : 1;
} finally {
  core.close();
}
