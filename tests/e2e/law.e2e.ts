// The law in force, as a 网信 legal officer checks it (docs/LAW.md): a case whose conduct lies in
// 2025 shows the 网络安全法 of 2016 (第五十九条) and the amended one (第六十一条) side by side with
// 行政处罚法 第三十七条, and nothing applies until both officers record which one and why; the
// matter drawer shows every version with its status and who imposes each measure — the 互联网信息
// 服务管理办法 第二十条 measures as 移送/通报 to other departments, never as the 网信部门's; the
// catalog browser shows the version a conduct date concerns. Real web shell, real Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../shared/validation/credit-code.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { fillPicker } from './support/pickers.ts';
import { mustApi, openAppWithPair } from './support/app-api.ts';
import { startShell, type ShellProcess } from './support/web-shell-process.ts';

const AGENCY = '柳州市柳南区互联网信息办公室';
const A = { name: '李明', certNo: '45020019001', unit: AGENCY, password: 'field2026a' };
const B = { name: '王芳', certNo: '45020019002', unit: AGENCY, password: 'field2026b' };

let browser: Browser;
let shell: ShellProcess;
let page: Page;
let dataDir: string;
let caseId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-law-'));
  browser = await launchBrowser();
  shell = await startShell(dataDir);
  const opened = await openAppWithPair(browser, shell.url, AGENCY, A, B, 1000);
  page = opened.page;
  const code = '91450204MA5N8K2X7' + creditCodeCheckChar('91450204MA5N8K2X7');
  caseId = (
    await mustApi<{ id: string }>(page, 'cases.create', {
      title: '柳州市星河网络科技有限公司涉嫌未履行网络安全保护义务案',
      source: '监督检查发现',
      party: {
        kind: 'organisation',
        name: '柳州市星河网络科技有限公司',
        creditCode: code,
        legalRepresentative: '陈立新',
        address: '柳州市柳南区航五路12号',
        phone: '',
      },
      platform: { name: '星河资讯', domain: 'xinghe-news.cn', url: '', icp: '' },
      conduct: { kind: 'period', from: '2025-03-01', to: '2025-10-31', discoveredOn: '2026-11-18' },
      matterId: 'csl-59',
      officerIds: opened.ids,
    })
  ).id;
});
afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the law in force', () => {
  it('a conduct in 2025: both versions side by side; the officers record the 2016 text under 第三十七条', async () => {
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('case-row').first().click();
    const card = page.getByTestId('case-law');
    await card.waitFor();
    await expect(page.getByTestId('case-conduct').innerText()).resolves.toBe('2025年3月1日至2025年10月31日');
    const periods = page.getByTestId('law-hint-period');
    await expect(periods.count()).resolves.toBe(2);
    await expect(periods.nth(0).innerText()).resolves.toMatch(/2017年6月1日至2025年12月31日[\s\S]*第五十九条/);
    await expect(periods.nth(1).innerText()).resolves.toMatch(/2026年1月1日起施行[\s\S]*第六十一条/);
    await expect(card.innerText()).resolves.toMatch(/行政处罚法》第三十七条/);
    await expect(page.getByTestId('case-law-status').innerText()).resolves.toMatch(/法律依据不作引用/);
    await expect(page.getByTestId('case-matter-law').innerText()).resolves.toMatch(/尚未确定/);
    await screenshot(page, 'law-01-two-versions');

    await page.getByTestId('law-choose').click();
    await page.getByTestId('law-choose-dialog').waitFor();
    // A ground that does not fit the version is explained, and nothing is recorded.
    await page.getByTestId('law-period-2017-06-01').click();
    await page.getByTestId('law-ground-lighter').click();
    await page.getByTestId('law-choose-submit').click();
    await expect(page.getByTestId('law-choose-error').innerText()).resolves.toMatch(/现行/);
    await page.getByTestId('law-ground-conduct-time').click();
    await page
      .getByTestId('law-choose-note')
      .fill('修正后第六十一条第一款的罚款幅度与旧法不同，不能认定新的规定处罚较轻。');
    await page.getByTestId('law-choose-submit').click();
    await page.getByTestId('law-choose-dialog').waitFor({ state: 'detached' });
    await expect(page.getByTestId('case-law-status').innerText()).resolves.toMatch(
      /适用\s*2017年6月1日至2025年12月31日的《中华人民共和国网络安全法》第五十九条[\s\S]*李明、王芳/,
    );
    await expect(page.getByTestId('case-matter-law').innerText()).resolves.toMatch(/第五十九条[\s\S]*罚款1万–10万元/);
    await expect(page.getByTestId('case-timeline').innerText()).resolves.toMatch(/确定适用的法律版本/);
    await screenshot(page, 'law-02-chosen');
    const kase = await mustApi<{ law: { applies: string | null } }>(page, 'cases.get', { id: caseId });
    expect(kase.law.applies).toBe('2017-06-01');
  });

  it('the matter drawer: every version with its status; each measure says who imposes it', async () => {
    await page.getByTestId('case-law-detail').click();
    const drawer = page.getByTestId('matter-detail');
    await drawer.waitFor();
    // Opened on the version that applies, both marked.
    await expect(drawer.locator('.ant-tabs-tab-active').innerText()).resolves.toMatch(
      /2017年6月1日至2025年12月31日\s*本案适用/,
    );
    await expect(drawer.innerText()).resolves.toMatch(/本案涉及/);
    await drawer.locator('.ant-tabs-tab', { hasText: '2026年1月1日起施行' }).click();
    const amended = drawer.locator('[data-testid="law-period"]:visible');
    await expect(amended.innerText()).resolves.toMatch(/第六十一条[\s\S]*单一来源，未经官方文本核对/);
    await expect(amended.innerText()).resolves.toMatch(/关于修改《中华人民共和国网络安全法》的决定/);
    await expect(amended.getByTestId('penalty-fines').innerText()).resolves.toMatch(
      /一般情形[\s\S]*1万–5万元[\s\S]*拒不改正或者导致危害网络安全等后果的[\s\S]*5万–50万元/,
    );
    await screenshot(page, 'law-03-matter-versions');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('editing the conduct dates into 2026: the form shows the amended law; the case applies it without a choice', async () => {
    await page.getByTestId('case-edit').click();
    await page.getByTestId('case-form').waitFor();
    await expect(page.getByTestId('conduct-from').getAttribute('data-value')).resolves.toBe('2025-03-01');
    // The zh_CN picker shows the day as 年月日.
    await expect(page.getByTestId('conduct-from').locator('input').inputValue()).resolves.toBe('2025年03月01日');
    await expect(page.getByTestId('case-matter').innerText()).resolves.toMatch(/对不履行法定网络安全保护义务的处罚/);
    await fillPicker(page.getByTestId('conduct-from'), '2026-06-01');
    await fillPicker(page.getByTestId('conduct-to'), '2026-10-31');
    await page.waitForFunction(() => {
      const hint = document.querySelector('[data-testid="law-hint"]');
      return hint?.textContent?.includes('第六十一条') && !hint.textContent.includes('第五十九条');
    });
    await page.getByTestId('case-submit').click();
    await page.getByTestId('case-law').waitFor();
    await expect(page.getByTestId('case-conduct').innerText()).resolves.toBe('2026年6月1日至2026年10月31日');
    await expect(page.getByTestId('case-law-status').innerText()).resolves.toMatch(
      /适用\s*2026年1月1日起施行的《中华人民共和国网络安全法》第六十一条/,
    );
    await expect(page.getByTestId('case-law-status').innerText()).resolves.not.toMatch(/须重新确定/);
    await expect(page.getByTestId('case-timeline').innerText()).resolves.toMatch(
      /违法行为时间由「2025年3月1日至2025年10月31日」改为「2026年6月1日至2026年10月31日」/,
    );
  });

  it('the catalog: 互联网信息服务管理办法 第二十条 is other departments’ — 移送/通报, never the 网信部门’s penalty', async () => {
    await page.getByTestId('nav-catalog').click();
    const search = page.getByTestId('catalog-search');
    const input = (await search.evaluate((el) => el.tagName)) === 'INPUT' ? search : search.locator('input');
    await input.fill('传播非法信息');
    await input.press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="catalog-row"]')?.textContent?.includes('传播非法信息'),
    );
    await expect(page.getByTestId('catalog-row').first().innerText()).resolves.toMatch(/网信部门无处罚权/);
    await page.getByTestId('catalog-row').first().click();
    const measures = page.getByTestId('penalty-measures');
    await measures.waitFor();
    await expect(measures.innerText()).resolves.toMatch(/移送公安机关、国家安全机关/);
    await expect(measures.innerText()).resolves.toMatch(/通报发证机关（电信主管部门）/);
    await expect(measures.innerText()).resolves.not.toMatch(/网信部门实施/);
    await screenshot(page, 'law-04-other-departments');
    await page.keyboard.press('Escape');
    await measures.waitFor({ state: 'hidden' });
    // A conduct date in 2025 shows both versions of 第五十九条 → 第六十一条.
    await input.fill('网络安全保护义务');
    await input.press('Enter');
    await fillPicker(page.getByTestId('catalog-date'), '2025-05-01');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="catalog-row"]')?.textContent?.includes('2017年6月1日至2025年12月31日'),
    );
    await expect(page.getByTestId('catalog-row').first().innerText()).resolves.toMatch(/第五十九条[\s\S]*第六十一条/);
  });
});
