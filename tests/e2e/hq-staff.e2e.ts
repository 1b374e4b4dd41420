// HQ's staff app in Chromium against a real HQ process (scripts/hq.ts, on PostgreSQL in this
// project): offices made with the command line (省 → 市 → two 区), a real device core enrolled for
// 柳南区 syncing two sealed documents, a second device enrolled for 城中区 sending a seal of its own.
// The province administrator signs in (HQ's office named on the login page), filters the cases by
// office and party, opens a case and a document (核验通过, seal, evidence, PDF link), and finds their
// own reads in the access log; a district reviewer sees only their district and gets 404 for the
// other one's document. The 导出证据包 is downloaded, unpacked with tar and checked with the real
// verifier against HQ's fingerprint (and fails once a byte is flipped); 统计, the overdue deadlines
// on 总览 and the login waits on 人员与角色 are shown at 1366×768. Screenshots in
// test-results/screenshots/9x-*.png.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { SealPackage } from '../../protocol/sync/protocol.ts';
import { makeCore, type TestCore } from '../support/core-fixture.ts';
import { commit, forge, forgerAt, sealPackages, type Forger } from '../support/forge-seal.ts';
import { hqCli, hqDataDir, sealedDevice, startHq, type HqProcess } from '../support/sync-fixture.ts';
import { DEADLINES_FORMAT } from '../../protocol/sync/deadlines-report.ts';
import { ROOT } from '../../scripts/build.ts';
import { launchBrowser, screenshot } from './support/browser.ts';

const PROVINCE = '广西壮族自治区互联网信息办公室';
const PASSWORD = 'staff-password-2026';
let hq: HqProcess;
let a: TestCore;
let browser: Browser;
let bDoc: string;
let bDevice: Forger['d'];

function cli(args: string[], input = ''): string {
  const r = hqCli(hq.dataDir, args, input);
  if (r.status !== 0) throw new Error(`hq ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

async function signIn(page: Page, user: string): Promise<void> {
  await page.goto(`${hq.url}app/`);
  await page.locator('#login-office').waitFor();
  await page.fill('#username', user);
  await page.fill('#password', PASSWORD);
  await page.click('#login-button');
  await page.locator('#office-name').waitFor();
}

beforeAll(async () => {
  hq = await startHq(hqDataDir(), ['--name', PROVINCE]);
  cli(['office', 'create', '--name', '柳州市互联网信息办公室', '--level', '市', '--parent', PROVINCE]);
  cli(['office', 'create', '--name', '柳南区网信办', '--level', '区县', '--parent', '柳州市互联网信息办公室']);
  cli(['office', 'create', '--name', '城中区网信办', '--level', '区县', '--parent', '柳州市互联网信息办公室']);
  cli(['admin', 'create', '--user', 'shengadmin', '--office', PROVINCE, '--role', '管理员'], `${PASSWORD}\n`);
  cli(['admin', 'create', '--user', 'liunan', '--office', '柳南区网信办', '--role', '审核'], `${PASSWORD}\n`);

  a = makeCore();
  await sealedDevice(a, 2);
  await a.core.sync.enroll(hq.url, cli(['code', '--office', '柳南区网信办']));
  expect(await a.core.sync.run()).toMatchObject({ ok: true });
  const pkgs: SealPackage[] = sealPackages(a);
  const b: Forger = await forgerAt(hq.url, cli(['code', '--office', '城中区网信办']), '城中终端');
  const forged = forge(pkgs[0]!, b, 'none', randomUUID(), '城中区的当事人');
  expect((await commit(b, forged)).status).toBe(200);
  bDoc = (JSON.parse(forged.seal.payload) as SealPayload).document.id;
  bDevice = b.d;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await hq?.stop();
  a?.dispose();
  if (hq) rmSync(hq.dataDir, { recursive: true, force: true });
});

describe('HQ staff app (Chromium, real HQ process)', () => {
  it('the province administrator signs in, filters cases, opens a document and finds the read in the access log', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${hq.url}app/`);
    await page.locator('#login-office', { hasText: PROVINCE }).waitFor();
    await screenshot(page, '90-hq-staff-login');
    await signIn(page, 'shengadmin');
    expect(await page.locator('#office-name').textContent()).toBe(PROVINCE);
    await page.locator('.ant-statistic').first().waitFor();
    await screenshot(page, '91-hq-staff-overview');

    await page.goto(`${hq.url}app/#/cases`);
    await page.locator('#cases .ant-table-row').first().waitFor();
    expect(await page.locator('#cases .ant-table-row').count()).toBe(2);
    // Filter: office 柳南区 and the party's name.
    await page.click('#filter-office');
    await page.locator('.ant-select-item-option', { hasText: '柳南区网信办' }).click();
    await page.fill('#filter-party', '星河');
    await page.click('#filter-submit');
    await expect.poll(() => page.locator('#cases .ant-table-row').count(), { timeout: 15_000 }).toBe(1);
    const row = page.locator('#cases .ant-table-row').first();
    expect(await row.textContent()).toContain('柳南区网信办');
    expect(await row.textContent()).toContain('柳州市星河网络科技有限公司');
    await screenshot(page, '92-hq-staff-cases-filtered');

    await row.locator('a').first().click();
    await page.locator('#documents .ant-table-row').first().waitFor();
    await page.locator('#documents .ant-table-row').last().locator('a').first().click();
    await page.locator('#verify-status').waitFor();
    expect(await page.locator('#verify-status').textContent()).toContain('核验通过');
    expect(await page.locator('#pdf-link').getAttribute('href')).toMatch(/^\/documents\/.+\/pdf$/);
    expect(await page.locator('#evidence .ant-table-row').count()).toBe(1);
    // The document page shows who read it: this very read is already there.
    await expect.poll(() => page.locator('#document-reads').textContent(), { timeout: 15_000 }).toContain('查看文书');
    await screenshot(page, '93-hq-staff-document');

    await page.goto(`${hq.url}app/#/log`);
    await page.locator('.ant-tabs-tab', { hasText: '查阅记录' }).click();
    await page.locator('#access-log .ant-table-row').first().waitFor();
    const log = (await page.locator('#access-log').textContent()) ?? '';
    expect(log).toContain('shengadmin');
    expect(log).toContain('查看文书');
    expect(log).toContain('查看案件');
    expect(log).toContain('查询案件');
    expect(log).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    await screenshot(page, '94-hq-staff-access-log');
    await page.locator('.ant-tabs-tab', { hasText: '操作记录' }).first().click();
    const events = (await page.locator('#events').textContent()) ?? '';
    expect(events).toContain('设备登记');
    expect(events).not.toMatch(/\benroll\b|\d{4}-\d\d-\d\dT\d\d:/);
    await screenshot(page, '95-hq-staff-events');

    await page.goto(`${hq.url}app/#/devices`);
    await page.locator('#enroll-address').waitFor();
    expect(await page.locator('#enroll-address').textContent()).toContain(new URL(hq.url).host);
    await screenshot(page, '96-hq-staff-devices');
    await page.close();
  });

  it('a district reviewer sees their district only: the other district’s document is not found', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, 'liunan');
    expect(await page.locator('#office-name').textContent()).toBe('柳南区网信办');
    await page.goto(`${hq.url}app/#/cases`);
    await page.locator('#cases .ant-table-row').first().waitFor();
    expect(await page.locator('#cases .ant-table-row').count()).toBe(1);
    expect(await page.locator('#cases').textContent()).not.toContain('城中区的当事人');
    await page.goto(`${hq.url}app/#/document/${encodeURIComponent(bDoc)}`);
    await page.locator('#document-error').waitFor();
    expect(await page.locator('#document-error').textContent()).toContain('没有这个文书');
    await screenshot(page, '97-hq-staff-district-not-found');
    await page.close();
  });

  it('导出证据包: the case’s file downloads, unpacks, and passes the real verifier against HQ’s fingerprint; a flipped byte fails', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    await signIn(page, 'shengadmin');
    await page.goto(`${hq.url}app/#/cases`);
    await page.locator('#cases .ant-table-row', { hasText: '柳南区网信办' }).locator('a').first().click();
    await page.locator('#export-case').waitFor();
    await screenshot(page, '98-hq-staff-case-export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-case')]);
    expect(download.suggestedFilename()).toMatch(/^证据包-.+\.tar$/);
    const out = mkdtempSync(join(tmpdir(), 'field-e2e-export-'));
    try {
      await download.saveAs(join(out, 'export.tar'));
      expect(spawnSync('tar', ['-xf', 'export.tar'], { cwd: out }).status).toBe(0);
      const top = join(
        out,
        readdirSync(out).find((n) => n.startsWith('证据包-'))!,
      );
      const fp = cli(['fingerprint']).split('\n')[0]!.trim();
      expect(readFileSync(join(top, '说明.txt'), 'utf8')).toContain(fp);
      const verify = (dir: string) =>
        spawnSync(process.execPath, ['scripts/verify.ts', dir, '--hq-root', fp], { cwd: ROOT, encoding: 'utf8' });
      const folders = readdirSync(join(top, '文书'));
      expect(folders.length).toBe(2);
      for (const f of folders) expect(verify(join(top, '文书', f)).status).toBe(0);
      const seal = join(top, '文书', folders[0]!, 'seal.json');
      const bytes = readFileSync(seal);
      bytes[20] = bytes[20]! ^ 0x01;
      writeFileSync(seal, bytes);
      expect(verify(join(top, '文书', folders[0]!)).status).toBe(1);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    await page.close();
  });

  it('统计, the overdue deadlines on 总览 and the login waits on 人员与角色, at 1366×768', async () => {
    const day = (offset: number) =>
      new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const r = await bDevice.send('POST', '/api/v1/deadlines', {
      format: DEADLINES_FORMAT,
      today: day(0),
      deadlines: [
        {
          caseId: 'c-1',
          caseNo: '城中网信案〔2026〕7号',
          kind: 'preservation',
          label: '先行登记保存处理决定',
          dueDate: day(-3),
          earliest: null,
          status: 'overdue',
          documentId: 'd-1',
          docNo: '城中网信登保〔2026〕2号',
        },
        {
          caseId: 'c-2',
          caseNo: '城中网信案〔2026〕9号',
          kind: 'filing',
          label: '立案期限',
          dueDate: day(2),
          earliest: null,
          status: 'due',
          documentId: null,
          docNo: null,
        },
      ],
    });
    expect(r.status).toBe(200);
    // Wrong passwords for liunan from this machine: 人员与角色 shows the wait.
    for (let i = 0; i < 6; i++)
      await fetch(`${hq.url}api/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'liunan', password: 'not-the-password' }),
      });

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, 'shengadmin');
    await page.locator('#deadlines .ant-table-row').first().waitFor();
    const deadlines = (await page.locator('#deadlines').textContent()) ?? '';
    expect(deadlines).toContain('已逾期3天');
    expect(deadlines).toContain('城中网信案〔2026〕7号');
    expect(deadlines).toContain('2天后到期');
    expect(await page.locator('#deadline-offices').textContent()).toContain('城中区网信办');
    await screenshot(page, '99-hq-staff-overview-deadlines');

    await page.goto(`${hq.url}app/#/stats`);
    await page.locator('#stats-months').waitFor();
    expect(await page.locator('#stats-offices').textContent()).toContain('柳南区网信办');
    expect(await page.locator('#stats-offices').textContent()).toContain('城中区网信办');
    await screenshot(page, '9a-hq-staff-stats');

    await page.goto(`${hq.url}app/#/staff`);
    await page.locator('.ant-table-row', { hasText: 'liunan' }).waitFor();
    expect(await page.locator('.ant-table-row', { hasText: 'liunan' }).textContent()).toContain('须等待至');
    await screenshot(page, '9b-hq-staff-staff');
    await page.close();
  });
});
