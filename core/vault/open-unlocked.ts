// Opening a device's data folder outside the app (npm run verify, tools, test children): with an
// officer's password, or with HQ's SM2 private key for a laptop whose officers have left. The
// app may be running on the same folder, so its open signing sitting is left alone.
import { openCore, type AppCore, type CoreOptions } from '../app-core.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { KeyCustody, readKeyFile, unwrapForOfficer } from './key-custody.ts';
import { unwrapForHq } from '../../protocol/crypto/key-wrap.ts';

type Options = Omit<CoreOptions, 'custody' | 'lock'>;

export async function openWithPassword(options: Options, certNo: string, password: string): Promise<AppCore> {
  const file = readKeyFile(options.dataDir);
  if (!file)
    throw new CoreError('not_found', `「${options.dataDir}」中没有密钥文件（keys.json），不是已设置的本程序数据目录。`);
  const found = await unwrapForOfficer(file, certNo, password);
  if (!found) throw new CoreError('unauthorized', '执法证号或密码不正确，无法解开本机数据。');
  return openCore({
    ...options,
    custody: new KeyCustody(options.dataDir, found.master, file),
    endAbandonedSittings: false,
  });
}

export function openWithHqKey(options: Options, hqSm2PrivateKey: string): AppCore {
  const file = readKeyFile(options.dataDir);
  if (!file)
    throw new CoreError('not_found', `「${options.dataDir}」中没有密钥文件（keys.json），不是已设置的本程序数据目录。`);
  if (!file.hq)
    throw new CoreError('not_found', '这台设备没有总部恢复副本：它从未登记到总部。只能用本机执法人员的密码打开。');
  const master = unwrapForHq(file.hq, hqSm2PrivateKey);
  if (!master) throw new CoreError('unauthorized', '总部的私钥解不开这台设备的恢复副本：它登记的是另一个总部。');
  return openCore({ ...options, custody: new KeyCustody(options.dataDir, master, file), endAbandonedSittings: false });
}
