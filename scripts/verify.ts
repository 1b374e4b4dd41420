// `npm run verify -- PATH`: independent verification of a device's data folder or of a sealed
// bundle (.tar): the seal chain and each seal's SM2 and Ed25519 signatures, each sealed document,
// signature binding and evidence digest (recomputed), and the audit chain. Prints a report naming
// exactly what fails; exit 0 only if everything passes.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openCore } from '../core/app-core.ts';
import { silentLog } from '../core/log.ts';
import { formatReport, verifyCore } from '../core/seals/verify-seals.ts';
import { verifyBundle } from '../core/bundle/verify-bundle.ts';

const target = process.argv[2];
if (!target) {
  console.error('用法：npm run verify -- 数据目录');
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
const core = openCore({ dataDir: path, log: silentLog });
try {
  const report = await verifyCore(core);
  console.log(formatReport(report));
  process.exitCode = report.ok ? 0 : 1;
} finally {
  core.close();
}
