// `npm run verify -- PATH`: independent verification of a sealed bundle (.tar), a seal folder
// (封存-编号/, as the demo writes them), or a device's data folder: the seal chain and each seal's
// SM2 and Ed25519 signatures, each sealed document, signature binding and evidence digest
// (recomputed), and the audit chain. Prints a report naming exactly what fails (or, with --json,
// the same report as JSON). A bundle or seal folder is also checked against HQ's root keys given
// with --hq-root (a fingerprint, or the root document's file): only then can it pass entirely.
// Exit codes: 0 all passed (and, for a bundle or seal folder, anchored to the root given), 1
// something failed, 2 nothing was verified (usage, a path that does not exist or is of no known
// kind, a data folder that cannot be opened, a --hq-root that is neither), 3 every check passed
// but no --hq-root was given, so whose keys these are is not proven.
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
import { hqRecoveryKey } from '../hq/hq-app.ts';
import { hqKeySource } from './hq-passphrase.ts';
import { verifyCore } from '../core/seals/verify-seals.ts';
import { EXIT, exitCode, formatReport, type VerifyReport } from '../protocol/seal/verify-report.ts';
import { normaliseFingerprint, RootSchema } from '../protocol/trust/trust-format.ts';
import type { ExpectedRoot } from '../protocol/trust/verify-trust.ts';
import { verifyBundle } from '../protocol/bundle/verify-bundle.ts';
import { precheckSeals } from '../protocol/bundle/verify-bundle-parallel.ts';
import { verifySealRowsParallel } from '../protocol/seal/seal-chain-parallel.ts';
import { isSealFolder, verifySealFolder } from '../protocol/seal/verify-seal-folder.ts';
import { verifySealFolderWithEvidence } from '../protocol/seal/verify-evidence-beside.ts';

const USAGE = `用法：
  npm run verify -- 封存包.tar --hq-root 总部指纹
      核验封存包（不需要本机数据），并核对设备证书出自该网信办公布的总部根密钥
  npm run verify -- 封存-文书编号/ --hq-root 总部指纹 [--evidence 电子数据文件夹]
      核验单份封存的文件夹（封存、两个签名、设备公钥、文书原文、总部证书）；证据包中的文书文件夹
      另按封存核验随附的电子数据（证据包的 电子数据/，或 --evidence 指定的文件夹，文件以 SHA-256 命名）
  npm run verify -- 数据目录 --cert-no 执法证号
      核验本机数据目录；密码从标准输入读取（脚本可用环境变量 WXZF_PASSWORD）
  npm run verify -- 数据目录 --hq-data 总部数据目录 [--hq-key-file 密钥文件] [--hq-db postgres://…]
      以总部恢复密钥打开数据目录并核验；总部口令在终端上输入（或 HQ_PASSPHRASE、标准输入）

选项：
  --hq-root 指纹|文件  信任的总部根密钥：网信办公布的总部指纹（如 8F3A-1C2B-…，32位十六进制），
                或总部根公钥文件（hq-root.json）。不给出时，其余各项照常核验，但不会得出“全部通过”
  --evidence 文件夹  核验封存文件夹时，按封存核验该文件夹中以 SHA-256 命名的电子数据（SHA-256、SM3、大小）；
                不给出时，若封存文件夹上两级有 电子数据/（证据包的结构）则核验它
  --json        以 JSON 输出核验报告（{ok, checks: [{id, what, ok, detail}]}）
  -h, --help    显示本说明

退出码：0 全部通过；1 有核验项不通过；2 未能核验（用法错误、路径不存在或不是可核验的对象、数据目录无法打开、--hq-root 有误）；
        3 其余各项通过，但未用 --hq-root 指定总部根密钥，尚未证明签名密钥属于哪个网信办。
格式与核验规则见 docs/SEAL-FORMAT.md。`;

/** Stops with a message and no stack trace. */
function stop(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

let values: {
  'cert-no'?: string;
  'hq-data'?: string;
  'hq-key-file'?: string;
  'hq-db'?: string;
  'hq-root'?: string;
  evidence?: string;
  json?: boolean;
  help?: boolean;
};
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    options: {
      'cert-no': { type: 'string' },
      'hq-data': { type: 'string' },
      'hq-key-file': { type: 'string' },
      'hq-db': { type: 'string' },
      'hq-root': { type: 'string' },
      evidence: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  }));
} catch (e) {
  const option = /'(-{1,2}[\w-]+)/.exec((e as Error).message)?.[1] ?? '';
  const code = (e as { code?: string }).code;
  stop(
    `${code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `未知的选项 ${option}` : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? `选项 ${option} 的值有误（--cert-no 和 --hq-data 后须跟一个值）` : '参数有误'}。\n\n${USAGE}`,
  );
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const target = positionals[0];
if (!target || positionals.length > 1) stop(positionals.length > 1 ? `一次只能核验一个对象。\n\n${USAGE}` : USAGE);

function print(report: VerifyReport): never {
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
  process.exit(exitCode(report));
}

/** --hq-root: a fingerprint as published, or a file holding the root document (trust/hq-root.json). */
function expectedRoot(): ExpectedRoot | null {
  const given = values['hq-root'];
  if (given === undefined) return null;
  const fp = normaliseFingerprint(given);
  if (fp) return { fingerprint: fp };
  if (existsSync(given) && statSync(given).isFile()) {
    const text = readFileSync(given, 'utf8');
    try {
      if (RootSchema.safeParse(JSON.parse(text)).success) return { rootText: text };
    } catch {
      // falls through to the message below
    }
    stop(`「${given}」不是总部根公钥文件（应为封存包 trust/hq-root.json 那样的文件）。`, EXIT.notVerified);
  }
  stop(
    `--hq-root 的值「${given}」既不是总部指纹（32位十六进制，可带连字符，如 8F3A-1C2B-…），也不是存在的根公钥文件。`,
    EXIT.notVerified,
  );
}

/** The evidence folder for a seal folder: --evidence, else a 证据包's 电子数据/ two levels up, else none. */
function evidenceDir(folder: string): string | null {
  const given = values.evidence;
  if (given !== undefined) {
    const d = resolve(given);
    if (!existsSync(d) || !statSync(d).isDirectory()) stop(`--evidence 给出的「${d}」不是文件夹。`);
    return d;
  }
  const beside = resolve(folder, '..', '..', '电子数据');
  return existsSync(beside) && statSync(beside).isDirectory() ? beside : null;
}

async function main(): Promise<void> {
  const path = resolve(target!);
  if (!existsSync(path))
    stop(`找不到「${path}」。请给出封存包文件（.tar）、封存文件夹（封存-编号）或本机数据目录（含 device.db）的路径。`);
  const root = expectedRoot();
  if (values.evidence !== undefined && !(statSync(path).isDirectory() && isSealFolder(path)))
    stop('--evidence 只用于封存文件夹（其中有 seal.json）：封存包自带其电子数据，数据目录核验本机的电子数据。');
  // A bundle, on its own; each seal's signatures checked on every core beforehand.
  if (!statSync(path).isDirectory()) print(await verifyBundle(path, { expected: root }, precheckSeals()));
  if (isSealFolder(path)) {
    const evidence = evidenceDir(path);
    print(evidence ? await verifySealFolderWithEvidence(path, root, evidence) : verifySealFolder(path, root));
  }
  if (!existsSync(join(path, 'device.db')))
    stop(`「${path}」既不是封存文件夹（其中没有 seal.json），也不是本程序的数据目录（其中没有 device.db）。`);
  let core: AppCore;
  try {
    if (values['hq-data']) {
      const hqDir = resolve(values['hq-data']);
      const key = await hqKeySource({ dataDir: hqDir, keyFile: values['hq-key-file'] });
      const hqDb = values['hq-db'];
      core = openWithHqKey(
        { dataDir: path, log: silentLog },
        await hqRecoveryKey({ dataDir: hqDir, key, ...(hqDb ? { db: hqDb } : {}) }),
      );
    } else if (values['cert-no'])
      core = await openWithPassword(
        { dataDir: path, log: silentLog },
        values['cert-no'],
        process.env.WXZF_PASSWORD ?? readFileSync(0, 'utf8').replace(/\r?\n$/, ''),
      );
    else
      stop(
        '数据目录已加密：请用 --cert-no 执法证号 给出一名执法人员（密码从标准输入读取），或用 --hq-data 总部数据目录 以总部恢复密钥打开。',
      );
  } catch (e) {
    stop(e instanceof CoreError ? e.message : `无法打开数据目录：${(e as Error).message}`);
  }
  let report: VerifyReport;
  try {
    report = await verifyCore(core, verifySealRowsParallel);
  } finally {
    core.close();
  }
  print(report);
}

main().catch((e: unknown) => stop(`核验程序出错：${e instanceof Error ? e.message : String(e)}`));
