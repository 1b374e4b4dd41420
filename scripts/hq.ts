// The HQ server's command line (docs/HQ.md). Every command takes --data DIR, and --db postgres://…
// when HQ's database is on a PostgreSQL server; HQ's master key is unlocked with the passphrase
// (terminal prompt, HQ_PASSPHRASE, or standard input's first line) or --key-file PATH
// (scripts/hq-passphrase.ts). A new data folder is initialised by its first command (`init`, or the
// server's first start), which sets the passphrase (asked twice on a terminal) or the key file.
//   npm run hq -- --port P --data DIR [--db URL] [--key-file F] [--host H] [--tls-cert F --tls-key F] [--name 名称]
//       serves HQ; prints one line `hq ready: URL` when it answers
//   npm run hq -- init --data DIR [--db URL] [--key-file F] [--name 名称]
//       initialises a new data folder (with --key-file: writes a new key file there if none exists)
//   npm run hq -- import FILE --data DIR [--receipts OUT]
//       imports an offline bundle; exit 0 only if accepted; writes HQ's receipts file
//   npm run hq -- admin create --data DIR --user NAME [--office 单位名称 --role 管理员|审核|只读]
//       creates a staff account (default: 管理员 of the root office); the password is read from
//       standard input (or HQ_ADMIN_PASSWORD)
//   npm run hq -- admin grant --data DIR --user NAME --office 单位名称 --role 管理员|审核|只读
//       gives (or changes) a staff member's role at an office
//   npm run hq -- admin unlock --data DIR [--user NAME]
//       clears the login throttle for a user name (from every client), or without --user all of it
//   npm run hq -- office create --data DIR --name 单位名称 --level 省|市|区县 --parent 上级单位名称
//   npm run hq -- office list --data DIR
//       the office tree (省 → 市 → 区/县; the root office is HQ's own, named at init)
//   npm run hq -- code --data DIR [--office 单位名称] [--note 备注] [--prefix 案号前缀]
//       makes a one-time enrollment code for a device of that office (default: the root office)
//   npm run hq -- fingerprint --data DIR [--root-file OUT]
//       prints HQ's root key fingerprint (what the office publishes; npm run verify -- … --hq-root);
//       with --root-file also writes the root public key document (trust/hq-root.json)
//   npm run hq -- publish roster|holidays|catalog|law FILE --data DIR
//       publishes a new signed version of reference data (JSON) for devices to pull; `law` takes a
//       legal officer's law update (docs/LAW.md) and publishes HQ's law package with it merged
//   npm run hq -- recover --data DIR --device DEVICE_DIR --cert-no 执法证号 [--officer-name 姓名 --unit 单位]
//       opens a returned laptop's data folder with HQ's recovery key and sets a new password for an
//       officer (new if --officer-name is given); password on standard input (or HQ_RECOVERY_PASSWORD)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CoreError } from '../protocol/runtime/core-error.ts';
import { CalendarDataSchema } from '../shared/calendar/calendar-schema.ts';
import { APP_VERSION } from '../core/app-version.ts';
import { openProcessLog } from '../protocol/runtime/file-log.ts';
import { errorFields, silentLog, type Log } from '../protocol/runtime/log.ts';
import { recoverOfficer } from '../core/vault/hq-recovery.ts';
import { openWithHqKey } from '../core/vault/open-unlocked.ts';
import { HqFailure } from '../hq/hq-failure.ts';
import { hqRecoveryKey, openHq, type HqApp } from '../hq/hq-app.ts';
import { writeNewKeyFile } from '../hq/keys/hq-keys.ts';
import { LEVEL_LABELS, parseLevel, parseRole, ROLE_LABELS, type Office } from '../hq/offices/office-store.ts';
import { publishLawPackage } from '../hq/reference/law-publish.ts';
import { hqKeySource, stdinLine } from './hq-passphrase.ts';
import { startHqServer } from '../hq/http/hq-server.ts';
import { closeHqVerifyPool } from '../hq/ingest/verify-batch.ts';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: {
    port: { type: 'string', default: '0' },
    data: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    name: { type: 'string' },
    receipts: { type: 'string' },
    user: { type: 'string' },
    note: { type: 'string', default: '' },
    prefix: { type: 'string', default: '' },
    'root-file': { type: 'string' },
    device: { type: 'string' },
    'cert-no': { type: 'string' },
    'officer-name': { type: 'string' },
    unit: { type: 'string' },
    db: { type: 'string' },
    'key-file': { type: 'string' },
    office: { type: 'string' },
    role: { type: 'string' },
    level: { type: 'string' },
    parent: { type: 'string' },
  },
  allowPositionals: true,
  strict: true,
});

/** A JSON file, or a message saying it is not one. */
function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    die(`无法读取文件：${path}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    die(`文件不是有效的JSON（${(e as Error).message}）：${path}`);
  }
}

function die(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

if (!values.data) die('用法：npm run hq -- --port 端口 --data 数据目录（缺少 --data）。其他命令见 docs/HQ.md。');
const dataDir = resolve(values.data);

async function readPassword(env = 'HQ_ADMIN_PASSWORD', prompt = '新管理员的密码（至少10个字符）：'): Promise<string> {
  if (process.env[env]) return process.env[env];
  if (process.stdin.isTTY) process.stderr.write(prompt);
  return stdinLine();
}

// Files HQ makes are its user's alone, whatever the shell's umask (the folder is checked at start too).
process.umask(0o077);

/** HQ over the data folder (and --db), its master key unlocked as the options say. */
async function open(extra: { log?: Log; name?: string } = {}): Promise<HqApp> {
  const rootLevel = values.level && !values.parent ? parseLevel(values.level) : undefined;
  if (rootLevel === null) die(`单位级别无效：${values.level}（应为 省、市 或 区县）`);
  return openHq({
    dataDir,
    key: await hqKeySource({ dataDir, keyFile: values['key-file'] }),
    ...(values.db ? { db: values.db } : {}),
    ...(rootLevel ? { rootLevel } : {}),
    ...extra,
  });
}

/** The office named by --office (or `name`); exits with the known names when there is none. */
async function officeNamed(hq: HqApp, name: string): Promise<Office> {
  const o = await hq.offices.byName(name);
  if (o) return o;
  const known = (await hq.offices.list()).map((x) => x.name).join('、');
  return die(`没有名为「${name}」的单位。现有单位：${known}`);
}

function roleOption() {
  const role = parseRole(values.role ?? '');
  return role ?? die(`角色无效：${values.role ?? '（未给出）'}（应为 管理员、审核 或 只读）`);
}

/** HQ's log file, HQDATA/logs/hq.N.log (docs/HQ.md): the server and imports write to it; stderr still gets every line. */
const hqStderr: Log = {
  info: (m, f) => process.stderr.write(`[hq] ${m}${f ? ` ${JSON.stringify(f)}` : ''}\n`),
  error: (m, f) => process.stderr.write(`[hq] ERROR ${m}${f ? ` ${JSON.stringify(f)}` : ''}\n`),
};
const openHqLog = (what: string) =>
  openProcessLog({
    dir: join(dataDir, 'logs'),
    name: 'hq',
    base: { app: 'hq', version: APP_VERSION, run: what },
    tee: hqStderr,
  });

const [command, ...rest] = positionals;
try {
  if (command === 'import') {
    const file = rest[0] ?? die('用法：npm run hq -- import 封存包文件 --data 数据目录');
    const log = await openHqLog('import');
    const hq = await open({ log });
    try {
      const r = await hq.importBundle(resolve(file), 'command-line');
      const out = values.receipts
        ? resolve(values.receipts)
        : join(dirname(resolve(file)), `总部回执-${basename(file).replace(/\.tar$/i, '')}.json`);
      writeFileSync(out, JSON.stringify(r));
      console.log(`已导入：设备 ${r.deviceId}，${r.receipts.length}个封存，全部核验通过。`);
      console.log(`回执文件：${out}（拷回执法终端，在「同步」页面导入）`);
    } finally {
      await hq.close();
      // The seals were checked on the verification pool's threads: end them, or they keep the command running.
      await closeHqVerifyPool();
      await log.stop('import finished');
    }
  } else if (command === 'admin' && rest[0] === 'create') {
    if (!values.user)
      die(
        '用法：npm run hq -- admin create --data 数据目录 --user 用户名 [--office 单位名称 --role 管理员|审核|只读]（密码从标准输入读取）',
      );
    const hq = await open();
    try {
      const office = values.office ? await officeNamed(hq, values.office) : await hq.offices.root();
      const role = values.role ? roleOption() : 'admin';
      const a = await hq.admins.create(values.user, await readPassword(), { officeId: office!.id, role });
      console.log(`已创建人员 ${a.username}：${office!.name} ${ROLE_LABELS[role]}。`);
    } finally {
      await hq.close();
    }
  } else if (command === 'admin' && rest[0] === 'grant') {
    if (!values.user || !values.office)
      die('用法：npm run hq -- admin grant --data 数据目录 --user 用户名 --office 单位名称 --role 管理员|审核|只读');
    const hq = await open();
    try {
      const office = await officeNamed(hq, values.office);
      const role = roleOption();
      const who = (await hq.admins.viewer(values.user)) ?? die(`没有用户名为「${values.user}」的人员。`);
      await hq.admins.grant('command-line', who.id, office.id, role);
      console.log(`${who.username}：${office.name} ${ROLE_LABELS[role]}。`);
    } finally {
      await hq.close();
    }
  } else if (command === 'office') {
    const hq = await open();
    try {
      if (rest[0] === 'create') {
        if (!values.name || !values.level || !values.parent)
          die(
            '用法：npm run hq -- office create --data 数据目录 --name 单位名称 --level 省|市|区县 --parent 上级单位名称',
          );
        const level = parseLevel(values.level) ?? die(`单位级别无效：${values.level}（应为 省、市 或 区县）`);
        const parent = await officeNamed(hq, values.parent);
        const o = await hq.offices.create('command-line', { name: values.name, level, parentId: parent.id });
        console.log(`已新建单位「${o.name}」（${LEVEL_LABELS[o.level]}，上级：${parent.name}）。`);
      } else if (rest[0] === 'list') {
        for (const o of await hq.offices.list())
          console.log(`${'  '.repeat(o.path.split('/').length - 2)}${o.name}（${LEVEL_LABELS[o.level]}）`);
      } else die('用法：npm run hq -- office create|list --data 数据目录 …（见 docs/HQ.md）');
    } finally {
      await hq.close();
    }
  } else if (command === 'admin' && rest[0] === 'unlock') {
    const hq = await open();
    try {
      const n = await hq.admins.throttle.clear(values.user?.trim());
      await hq.logEvent(
        'command-line',
        'admin',
        `解除登录限制：${values.user ? `用户名 ${values.user.trim()}` : '全部'}`,
      );
      console.log(`已解除登录限制（${values.user ? `用户名 ${values.user.trim()}` : '全部'}，清除 ${n} 条记录）。`);
    } finally {
      await hq.close();
    }
  } else if (command === 'recover') {
    if (!values.device || !values['cert-no'])
      die(
        '用法：npm run hq -- recover --data 总部数据目录 --device 设备数据目录 --cert-no 执法证号 [--officer-name 姓名 --unit 单位]（新密码从标准输入读取）',
      );
    const key = await hqKeySource({ dataDir, keyFile: values['key-file'] });
    const core = openWithHqKey(
      { dataDir: resolve(values.device), log: silentLog },
      await hqRecoveryKey({ dataDir, key, ...(values.db ? { db: values.db } : {}) }),
    );
    try {
      const password = await readPassword('HQ_RECOVERY_PASSWORD', '该执法人员的新密码（至少8位，含字母和数字）：');
      const r = await recoverOfficer(core, {
        certNo: values['cert-no'],
        password,
        ...(values['officer-name'] ? { name: values['officer-name'] } : {}),
        ...(values.unit ? { unit: values.unit } : {}),
      });
      const hq = await openHq({ dataDir, key, ...(values.db ? { db: values.db } : {}) });
      try {
        await hq.logEvent(
          'command-line',
          'recover',
          `以恢复密钥打开设备数据（${resolve(values.device)}），${r.created ? '新登记' : '重设密码'}：执法证号 ${values['cert-no']}`,
        );
      } finally {
        await hq.close();
      }
      console.log(
        `已${r.created ? '新登记执法人员并设置密码' : '重设该执法人员的密码'}（执法证号 ${values['cert-no']}）。该执法人员现在可以用新密码解锁这台设备。`,
      );
    } finally {
      core.close();
    }
  } else if (command === 'fingerprint') {
    const hq = await open();
    try {
      const fp = hq.devices.certificates.fingerprint();
      console.log(fp);
      if (values['root-file']) {
        writeFileSync(resolve(values['root-file']), hq.devices.certificates.rootText());
        console.error(`总部根公钥已写入 ${resolve(values['root-file'])}`);
      }
      console.error(
        `总部根密钥指纹（SM3 与 SHA-256 各取前8字节，docs/SEAL-FORMAT.md）。核验：npm run verify -- 封存包.tar --hq-root ${fp}`,
      );
    } finally {
      await hq.close();
    }
  } else if (command === 'code') {
    const hq = await open();
    try {
      const office = values.office ? await officeNamed(hq, values.office) : null;
      const c = await hq.devices.createCode('command-line', values.note, values.prefix, office?.id);
      console.log(c.code);
      console.error(`一次性登记码（${c.officeName}），有效至 ${c.expiresAt}`);
    } finally {
      await hq.close();
    }
  } else if (command === 'init') {
    if (values['key-file'] && !existsSync(resolve(values['key-file']))) {
      writeNewKeyFile(resolve(values['key-file']));
      console.error(
        `已生成密钥文件 ${resolve(values['key-file'])}：请把它与数据目录分开保管并备份（丢失则总部数据无法打开）。`,
      );
    }
    const hq = await open(values.name ? { name: values.name } : {});
    await hq.close();
    console.log(`总部数据目录已就绪：${dataDir}`);
  } else if (command === 'publish') {
    const kind = rest[0];
    if (kind !== 'roster' && kind !== 'holidays' && kind !== 'catalog' && kind !== 'law')
      die('用法：npm run hq -- publish roster|holidays|catalog|law 文件.json --data 数据目录');
    const data = readJsonFile(resolve(rest[1] ?? die('缺少数据文件。')));
    // The working-day calendar: devices take only a valid one (docs/DEADLINES.md), so say now what is wrong.
    if (kind === 'holidays') {
      const parsed = CalendarDataSchema.safeParse(data);
      if (!parsed.success)
        die(
          `节假日表格式不符，未发布：\n${parsed.error.issues.map((i) => `  ${i.path.join('.') || '（整体）'}：${i.message}`).join('\n')}`,
        );
    }
    const hq = await open();
    try {
      // The law (a whole catalog, or a legal officer's update merged into HQ's current package):
      // devices take only a valid package newer than theirs (docs/LAW.md), so say now what is wrong.
      if (kind === 'catalog' || kind === 'law') {
        const r = await publishLawPackage(hq.reference, data, kind === 'law' ? 'update' : 'whole');
        if (!r.ok) {
          await hq.close();
          die(`${kind === 'law' ? '法规更新' : '执法事项目录'}未发布：${r.reason}`);
        }
        await hq.logEvent(
          'command-line',
          'publish',
          `发布${r.label}（参考数据 catalog 第${r.signed.ref.version}版）${r.catalog.summary ? `：${r.catalog.summary}` : ''}`,
        );
        console.log(`已发布${r.label}（总部签名，参考数据第${r.signed.ref.version}版）。设备下次同步时取得。`);
      } else {
        const s = await hq.reference.publish(kind, data);
        await hq.logEvent('command-line', 'publish', `发布${kind}第${s.ref.version}版`);
        console.log(`已发布 ${kind} 第${s.ref.version}版（总部签名）。设备下次同步时取得。`);
      }
    } finally {
      await hq.close();
    }
  } else if (command === undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      die(`端口无效：${values.port}（应为 0–65535 的整数，0 表示自动选择）`);
    if (!!values['tls-cert'] !== !!values['tls-key']) die('--tls-cert 与 --tls-key 须同时提供。');
    const log = await openHqLog('server');
    let hq: HqApp;
    try {
      hq = await open({ log, ...(values.name ? { name: values.name } : {}) });
    } catch (e) {
      log.error('start failed', errorFields(e));
      await log.stop('start failed');
      throw e;
    }
    let server;
    try {
      server = await startHqServer({
        hq,
        port,
        host: values.host,
        // By its kind and place only (errorFields): a message may quote what a device sent.
        log: (_line, e) => log.error('request failed', errorFields(e)),
        ...(values['tls-cert']
          ? { tls: { certPath: resolve(values['tls-cert']), keyPath: resolve(values['tls-key']!) } }
          : {}),
      });
    } catch (e) {
      await hq.close();
      log.error('start failed', errorFields(e));
      await log.stop('start failed');
      const err = e as NodeJS.ErrnoException;
      die(err.code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请换一个端口（--port）。` : err.message, 1);
    }
    if ((await hq.admins.count()) === 0)
      console.error(
        '尚无管理员：运行 npm run hq -- admin create --data 数据目录 --user 用户名 创建第一个（见 docs/HQ.md）。',
      );
    console.log(`hq ready: ${server.url}`);
    log.info('hq ready', { https: !!values['tls-cert'], engine: hq.engine });
    const stop = async (signal: string) => {
      await server.close();
      await hq.close();
      await log.stop(signal);
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } else {
    die(`未知命令：${command}。用法见 docs/HQ.md。`);
  }
} catch (e) {
  die(e instanceof HqFailure || e instanceof CoreError ? e.message : `失败：${(e as Error).message}`, 1);
}
