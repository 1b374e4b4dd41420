// The demo's sample HQ (`npm run demo`, DIR/hq) at rest (issue #18 "Done when"): no file readable by
// group or others, none of the demo's personal data that HQ received, no evidence bytes, no private
// key in any file. The demo runs as a real process into a fresh folder, exactly as documented. Then
// what issue #21 added to it: the office tree, the device's district, the district 审核's 导出证据包 — whose document folders
// the verifier checks with the evidence beside them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { hqRecoveryKey } from '../../hq/hq-app.ts';
import { ROOT } from '../../scripts/build.ts';
import {
  DEMO_CASES,
  DEMO_HQ_DISTRICTS,
  DEMO_HQ_PASSPHRASE,
  DEMO_HQ_REVIEWER,
  DEMO_WITNESS,
} from '../../scripts/demo-data.ts';
import { hqFolderProblems } from '../support/hq-at-rest.ts';
import { probeHq } from '../support/hq-probe.ts';

const dir = mkdtempSync(join(tmpdir(), 'demo-hq-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the demo’s HQ folder holds no plaintext personal data, evidence or private key, and nothing open to group or others', async () => {
  const data = join(dir, 'demo');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'demo.ts'), '--data', data], {
    encoding: 'utf8',
    cwd: ROOT,
    // The shell's usual umask: HQ must make its files private whatever it is.
    env: { ...process.env },
  });
  expect(r.status, r.stderr).toBe(0);
  const hqDir = join(data, 'hq');
  const db = await probeHq(hqDir, undefined, DEMO_HQ_PASSPHRASE);
  let received: string;
  let evidence: { sha256: string }[];
  try {
    received = (await db.all<{ payload: string }>(`SELECT payload FROM seals`)).map((s) => s.payload).join('\n');
    evidence = await db.all<{ sha256: string }>(`SELECT sha256 FROM blobs`);
  } finally {
    await db.close();
  }
  const c = DEMO_CASES[0]! as unknown as Record<string, unknown>;
  const personal = [
    DEMO_WITNESS.name,
    DEMO_WITNESS.idNumber,
    '13907721234',
    '0772-3861234',
    ...JSON.stringify(c)
      .match(/"name":"([^"]{2,})"/g)!
      .map((m) => m.slice(8, -1)),
  ].filter((s) => received.includes(s));
  // The check is only worth something for strings HQ really holds.
  expect(personal.length).toBeGreaterThanOrEqual(4);
  expect(evidence.length).toBeGreaterThan(0);
  const recovery = await hqRecoveryKey({ dataDir: hqDir, key: { passphrase: DEMO_HQ_PASSPHRASE } });
  const { problems, files } = hqFolderProblems(
    hqDir,
    [
      ...personal.map((s): [string, Buffer] => [`personal data «${s}»`, Buffer.from(s, 'utf8')]),
      ['HQ SM2 private key', Buffer.from(recovery, 'utf8')],
      ['a PEM private key', Buffer.from('PRIVATE KEY')],
      ['the passphrase', Buffer.from(DEMO_HQ_PASSPHRASE)],
      ...evidence.map((e): [string, Buffer] => [`evidence SHA-256 ${e.sha256}`, Buffer.from(e.sha256)]),
    ],
    evidence.map((e) => e.sha256),
  );
  expect(files.length).toBeGreaterThan(3);
  expect(problems).toEqual([]);
}, 300_000);

it('the demo’s HQ has offices: the device belongs to 柳南区, whose 审核 exported the case for court — each document folder of the 证据包 verifies against HQ’s root, and the export is in the access log', async () => {
  const data = join(dir, 'demo');
  const exportsDir = join(data, 'exports');
  const tarName = readdirSync(exportsDir).find((f) => f.startsWith('证据包-') && f.endsWith('.tar'));
  expect(tarName).toBeDefined();
  const out = join(dir, 'court');
  mkdirSync(out);
  execFileSync('tar', ['-xf', join(exportsDir, tarName!), '-C', out]);
  const top = join(out, readdirSync(out)[0]!);
  const readme = readFileSync(join(top, '说明.txt'), 'utf8');
  const fp = /总部根密钥指纹\n\s*(\S+)/.exec(readme)![1]!;
  const folders = readdirSync(join(top, '文书'));
  expect(folders.length).toBeGreaterThanOrEqual(7);
  const verify = (folder: string) =>
    spawnSync(
      process.execPath,
      [join(ROOT, 'scripts', 'verify.ts'), join(top, '文书', folder), '--hq-root', fp, '--json'],
      {
        encoding: 'utf8',
        cwd: ROOT,
      },
    );
  for (const f of folders.slice(0, 2)) expect(verify(f).status, `${f}: ${verify(f).stdout}`).toBe(0);
  // The 电子取证工作记录's folder: its evidence, beside it in 电子数据/, is checked against the seal.
  const evidenceFolder = folders.find((f) => f.includes('电子取证工作记录'))!;
  const good = verify(evidenceFolder);
  expect(good.status, good.stdout).toBe(0);
  const report = JSON.parse(good.stdout) as { checks: { id?: string; ok: boolean; detail: string }[] };
  expect(report.checks.find((c) => c.id === 'evidence-beside')).toMatchObject({ ok: true });
  expect(report.checks.find((c) => c.id === 'evidence-beside')!.detail).toMatch(/^3件与封存一致/);
  // One flipped byte in one of its files: the folder no longer passes, and the report names the file.
  const file = join(
    top,
    '电子数据',
    readdirSync(join(top, '电子数据')).find((n) => /^[0-9a-f]{64}$/.test(n))!,
  );
  const bytes = readFileSync(file);
  bytes[0]! ^= 0x01;
  writeFileSync(file, bytes);
  const bad = verify(evidenceFolder);
  expect(bad.status).toBe(1);
  const badCheck = (JSON.parse(bad.stdout) as typeof report).checks.find((c) => c.id === 'evidence-beside')!;
  expect(badCheck.ok).toBe(false);
  expect(badCheck.detail).toContain('与封存不符：SHA-256 为');
  const db = await probeHq(join(data, 'hq'), undefined, DEMO_HQ_PASSPHRASE);
  try {
    const offices = await db.all<{ name: string; level: string }>(`SELECT name, level FROM offices ORDER BY path`);
    expect(offices.map((o) => o.name)).toEqual(expect.arrayContaining([...DEMO_HQ_DISTRICTS]));
    const device = await db.all<{ name: string }>(`SELECT o.name FROM devices d JOIN offices o ON o.id = d.office_id`);
    expect(device).toEqual([{ name: DEMO_HQ_DISTRICTS[0] }]);
    const log = await db.all<{ username: string; action: string; detail: string }>(
      `SELECT username, action, detail FROM access_log WHERE action = 'export'`,
    );
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ username: DEMO_HQ_REVIEWER.user });
    expect(log[0]!.detail).toMatch(/^导出证据包：案件 /);
  } finally {
    await db.close();
  }
}, 120_000);
