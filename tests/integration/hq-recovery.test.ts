// HQ recovery end to end with the real commands: a device enrolls with a running HQ (its key's
// recovery copy is made then), its officers are gone; `npm run hq -- recover` gives an officer a new
// password from HQ's data folder, and `npm run verify -- DIR --hq-data` verifies the device.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../protocol/runtime/log.ts';
import { readKeyFile } from '../../core/vault/key-custody.ts';
import { openWithPassword } from '../../core/vault/open-unlocked.ts';
import { ROOT } from '../../scripts/build.ts';
import { makeCore, OFFICER_A, type TestCore } from '../support/core-fixture.ts';
import {
  enrollmentCode,
  hqCli,
  hqDatabaseOf,
  hqDataDir,
  sealedDevice,
  startHq,
  type HqProcess,
} from '../support/sync-fixture.ts';
import { TEST_HQ_PASSPHRASE } from '../support/hq-engines.ts';

let t: TestCore;
let hq: HqProcess;
const hqDir = hqDataDir();

beforeAll(async () => {
  hq = await startHq(hqDir);
  t = makeCore();
  await sealedDevice(t, 2);
  expect(t.core.status().hqRecovery).toBe(false);
  await t.must('sync.enroll', { url: hq.url, code: enrollmentCode(hqDir) });
});
afterAll(async () => {
  await hq.stop();
  t.dispose();
});

describe('HQ recovery of a returned laptop', () => {
  it('enrollment leaves a recovery copy encrypted to HQ’s SM2 key', () => {
    expect(t.core.status().hqRecovery).toBe(true);
    const file = readKeyFile(t.dir)!;
    expect(file.hq).toMatchObject({ alg: 'SM2-C1C3C2' });
    expect(file.hq!.hqSm2PublicKey).toBe(t.core.sync.hqSm2PublicKey());
  });

  it('npm run hq -- recover sets a new password; the device then unlocks with it; npm run verify opens it with HQ’s key', async () => {
    t.core.close();
    const wrongDevice = hqCli(hqDir, ['recover', '--device', hqDir, '--cert-no', OFFICER_A.certNo], 'recovered2026x\n');
    expect(wrongDevice.status).not.toBe(0);
    expect(wrongDevice.stderr).toMatch(/密钥文件/);
    const weak = hqCli(hqDir, ['recover', '--device', t.dir, '--cert-no', OFFICER_A.certNo], 'short\n');
    expect(weak.status).not.toBe(0);
    expect(weak.stderr).toMatch(/密码/);
    const r = hqCli(hqDir, ['recover', '--device', t.dir, '--cert-no', OFFICER_A.certNo], 'recovered2026x\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/重设该执法人员的密码/);
    await expect(
      openWithPassword({ dataDir: t.dir, log: silentLog }, OFFICER_A.certNo, OFFICER_A.password),
    ).rejects.toThrow(/不正确/);
    const core = await openWithPassword({ dataDir: t.dir, log: silentLog }, OFFICER_A.certNo, 'recovered2026x');
    expect(core.audit.rows().some((row) => row.action === 'hq-recovery')).toBe(true);
    core.close();
    // HQ's key is unlocked with HQ's passphrase (and found in HQ's database, wherever that is).
    const hqDb = hqDatabaseOf(hqDir);
    const v = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts', 'verify.ts'), t.dir, '--hq-data', hqDir, ...(hqDb ? ['--hq-db', hqDb] : [])],
      { encoding: 'utf8', env: { ...process.env, HQ_PASSPHRASE: TEST_HQ_PASSPHRASE } },
    );
    expect(v.stdout).toMatch(/通过/);
    expect(v.status).toBe(0);
    const noKey = spawnSync(process.execPath, [join(ROOT, 'scripts', 'verify.ts'), t.dir], { encoding: 'utf8' });
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toMatch(/已加密/);
    t.reopen();
  }, 120_000);
});
