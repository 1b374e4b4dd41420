// The foundation journey, as officers live it: set up the office and two officers; one officer
// alone cannot create a case; both sign in; a wrong 统一社会信用代码 is shown next to the field and
// saves nothing; a valid case is created (its conduct date first: the matter picker shows the law
// of that date); the shell is stopped and restarted on the same data
// folder, and the case is still there and searchable. Real web shell process, real Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../shared/validation/credit-code.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startShell, type ShellProcess } from './support/web-shell-process.ts';
import { CaseFormPage, CasesPage, SessionPage, SetupPage } from './pages/app-page.ts';

const AGENCY = '柳州市柳南区互联网信息办公室';
const A = { name: '李明', certNo: '45020019001', unit: AGENCY, password: 'field2026a' };
const B = { name: '王芳', certNo: '45020019002', unit: AGENCY, password: 'field2026b' };
const GOOD_CODE = '91450204MA5N8K2X7' + creditCodeCheckChar('91450204MA5N8K2X7');
const BAD_CODE = GOOD_CODE.slice(0, 17) + (GOOD_CODE.endsWith('0') ? '1' : '0');

let browser: Browser;
let shell: ShellProcess;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-foundation-'));
  browser = await launchBrowser();
  shell = await startShell(dataDir);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sign-in calls the API directly from the page: the same transport the UI uses, for counting. */
async function countCasesViaApi(p: Page): Promise<number> {
  return p.evaluate(async () => {
    const token = sessionStorage.getItem('field-api-token') ?? '';
    const r = await fetch('api/cases.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-token': token },
      body: '{}',
    });
    const body = (await r.json()) as { ok: boolean; value?: { total: number } };
    return body.ok ? body.value!.total : -1;
  });
}

describe('foundation: office, two-officer session, cases', () => {
  it('first start asks for the office and two officers', async () => {
    await page.goto(shell.url);
    const setup = new SetupPage(page);
    await setup.form().waitFor();
    await setup.fill(AGENCY, [A, B]);
    await screenshot(page, '01-setup');
    await setup.submit();
    await page.getByTestId('signin-slot-0').first().waitFor();
  });

  it('a wrong password is refused with a Chinese message', async () => {
    const session = new SessionPage(page);
    await session.signIn(0, A.certNo, 'wrongpass1');
    await expect(session.error(0).innerText()).resolves.toMatch(/执法证号或密码不正确/);
  });

  it('one officer alone can browse but not create a case', async () => {
    const session = new SessionPage(page);
    await session.signIn(0, A.certNo, A.password);
    // Signed in, the app opens at 工作台; 案件 is one click away.
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('nav-cases').click();
    await expect(session.pairTag().innerText()).resolves.toMatch(/仅一人登录/);
    const cases = new CasesPage(page);
    await expect(cases.newButton().isDisabled()).resolves.toBe(true);
    await screenshot(page, '02-single-officer');
  });

  it('with both officers signed in, a wrong credit code shows next to the field and saves nothing', async () => {
    const session = new SessionPage(page);
    await session.signIn(1, B.certNo, B.password);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="session-pair-tag"]')?.textContent?.includes('双人'),
    );
    const cases = new CasesPage(page);
    await cases.newButton().click();
    const form = new CaseFormPage(page);
    await form.form().waitFor();
    await form.fillText('case-title', '柳州市星河网络科技有限公司涉嫌未履行网络安全保护义务案');
    await form.choose('case-source', '监督检查发现');
    // The conduct date comes first: until it is given the matter picker waits (it decides the law's version).
    await expect(page.getByTestId('case-matter').locator('input').first().isDisabled()).resolves.toBe(true);
    await form.fillText('conduct-from', '2026-11-13');
    await form.fillText('conduct-discovered', '2026-11-20');
    await form.choose('case-matter', '网络安全保护义务');
    // Conduct in 2026: the 网络安全法 as amended — 第六十一条 with its fines — under the field.
    await expect(page.getByTestId('law-hint').innerText()).resolves.toMatch(/第六十一条[\s\S]*罚款1万–5万元/);
    await page.getByTestId('party-kind-organisation').click();
    await form.fillText('party-name', '柳州市星河网络科技有限公司');
    await form.fillText('party-credit-code', BAD_CODE);
    await form.fillText('party-legal-rep', '陈立新');
    await form.fillText('party-address', '广西壮族自治区柳州市柳南区航五路12号');
    await form.fillText('party-phone', '0772-3861234');
    await form.fillText('platform-name', '星河资讯');
    await form.fillText('platform-domain', 'xinghe-news.cn');
    await form.fillText('platform-url', 'https://www.xinghe-news.cn/');
    await form.fillText('platform-icp', '桂ICP备20231234号-1');
    await form.submit();
    await form.fieldError('party-credit-code').first().waitFor();
    await expect(form.fieldError('party-credit-code').first().innerText()).resolves.toMatch(/校验位不正确/);
    await screenshot(page, '03-case-form-error');
    expect(await countCasesViaApi(page)).toBe(0);

    await form.fillText('party-credit-code', GOOD_CODE);
    await form.submit();
    await page.getByTestId('case-detail').waitFor();
    await expect(page.getByTestId('case-detail-no').innerText()).resolves.toMatch(/^网信案〔\d{4}〕0001号$/);
    await screenshot(page, '04-case-detail');
    expect(await countCasesViaApi(page)).toBe(1);
  });

  it('the catalog can be browsed and searched', async () => {
    await page.getByTestId('nav-catalog').click();
    const search = page.getByTestId('catalog-search');
    const input = (await search.evaluate((el) => el.tagName)) === 'INPUT' ? search : search.locator('input');
    await input.fill('实名');
    await input.press('Enter');
    await page.getByTestId('catalog-row').first().click();
    await page.getByTestId('matter-detail').waitFor();
    await expect(page.getByTestId('matter-detail').innerText()).resolves.toMatch(/中华人民共和国网络安全法/);
    await screenshot(page, '05-catalog');
  });

  it('after stopping and restarting the shell on the same data folder the case is still there and searchable', async () => {
    await shell.stop();
    shell = await startShell(dataDir);
    await page.goto(shell.url);
    const session = new SessionPage(page);
    await session.signIn(0, B.certNo, B.password);
    await page.getByTestId('nav-cases').click();
    const cases = new CasesPage(page);
    await cases.search('星河');
    await cases.rows().first().waitFor();
    await expect(cases.rows().count()).resolves.toBe(1);
    await expect(cases.rows().first().innerText()).resolves.toContain('星河资讯');
    await cases.search('不存在的公司');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-row"]').length === 0);
    await screenshot(page, '06-after-restart');
  });

  it('a killed shell (SIGKILL, as in a power cut) loses nothing that was acknowledged', async () => {
    await shell.kill();
    shell = await startShell(dataDir);
    await page.goto(shell.url);
    await new SessionPage(page).signIn(0, A.certNo, A.password);
    await page.getByTestId('nav-cases').click();
    const cases = new CasesPage(page);
    await cases.search('星河资讯');
    await cases.rows().first().waitFor();
    await expect(cases.rows().count()).resolves.toBe(1);
  });
});
