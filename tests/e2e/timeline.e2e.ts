// The case timeline in Chromium against the real web shell, on a browser whose language is
// English and whose clock is in Los Angeles (an officer's laptop set up abroad): the case page
// lists the records' acts in Beijing time and what the rules found; a witness from the party's
// side needs both officers' confirmation (a wrong password confirms nothing); the editor's date
// and time fields are antd pickers in zh_CN (年月日, 24-hour); a time typed in the future stops
// 提交签名 while it stands; the import dialog failing its checks throws nothing. No uncaught error or
// promise rejection reaches the console throughout.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEvidence, demoOnsite } from '../../scripts/demo-documents.ts';
import { DocumentPage } from './pages/document-page.ts';
import { createOrgCase, mustApi, signInBoth } from './support/app-api.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { fillPicker, pickerValue } from './support/pickers.ts';
import { startShell, type ShellProcess } from './support/web-shell-process.ts';

const AGENCY = '柳州市柳南区互联网信息办公室';
const A = { name: '李明', certNo: '45020019001', unit: AGENCY, password: 'field2026a' };
const B = { name: '王芳', certNo: '45020019002', unit: AGENCY, password: 'field2026b' };
/** The party's legal representative (createOrgCase) as the inspection's witness. */
const CHEN = { name: '陈立新', idType: '居民身份证', idNumber: '', unit: '', role: '', phone: '' };

let browser: Browser;
let shell: ShellProcess;
let page: Page;
let dataDir: string;
let caseId: string;
/** Uncaught errors and unhandled promise rejections the page reported. */
const uncaught: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-timeline-'));
  browser = await launchBrowser('en-US');
  shell = await startShell(dataDir);
  page = await browser.newPage({
    viewport: { width: 1440, height: 1000 },
    locale: 'en-US',
    timezoneId: 'America/Los_Angeles',
  });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => uncaught.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Uncaught|unhandled/i.test(m.text())) uncaught.push(`console: ${m.text()}`);
  });
  await page.goto(shell.url);
  await mustApi(page, 'office.setup', { agencyName: AGENCY, officers: [A, B] });
  await page.reload();
  await signInBoth(page, A, B);
  const ids = (await mustApi<{ id: string }[]>(page, 'officers.list', {})).map((o) => o.id) as [string, string];
  caseId = await createOrgCase(page, ids);
  // The inspection of 2026-11-20 08:50–09:25 (a day past), its 电子取证 09:00–09:20 linked as its
  // measure; the witness is the party's legal representative.
  const ev = await mustApi<{ id: string; revision: number }>(page, 'documents.create', { caseId, type: 'evidence' });
  await mustApi(page, 'documents.save', { id: ev.id, revision: ev.revision, content: demoEvidence(ids, ids[1]) });
  const on = await mustApi<{ id: string; revision: number }>(page, 'documents.create', { caseId, type: 'onsite' });
  await mustApi(page, 'documents.save', {
    id: on.id,
    revision: on.revision,
    content: { ...demoOnsite(ids, ids[1], ev.id), witness: CHEN },
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function openCase() {
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-row').first().click();
  await page.getByTestId('case-detail').waitFor();
}

describe('the case timeline', () => {
  it('the case page lists the records’ acts in Beijing time and the witness warning, which needs both officers', async () => {
    await openCase();
    const card = page.getByTestId('case-timeline-card');
    await card.waitFor();
    // Beijing wall time, whatever the browser's zone (Los Angeles is 16 hours behind).
    await expect
      .poll(() => card.getByTestId('timeline-entry').allInnerTexts())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^笔录\s*2026年11月20日8时50分至9时25分\s*现场笔录（网信案现〔\d{4}〕0001号）\s*现场检查/,
          ),
          expect.stringMatching(/^笔录\s*2026年11月20日9时00分至9时20分\s*电子取证工作记录（网信案取〔\d{4}〕0001号）/),
        ]),
      );
    const issue = card.getByTestId('timeline-issue').filter({ hasText: '陈立新' });
    await expect(issue.innerText()).resolves.toMatch(/须两名执法人员确认[\s\S]*见证人陈立新是当事人的法定代表人/);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'timeline-01-case-page');

    // A wrong password confirms nothing; both right ones do, with the reason, on the record.
    await issue.getByTestId('timeline-confirm').click();
    await page.getByTestId('timeline-confirm-note').fill('现场除当事人人员外无其他人员，检查全程录像。');
    await page.getByTestId('timeline-confirm-pw-0').fill(A.password);
    await page.getByTestId('timeline-confirm-pw-1').fill('not-her-password');
    await page.getByTestId('timeline-confirm-ok').click();
    await expect(page.getByTestId('timeline-confirm-error').innerText()).resolves.toMatch(/密码/);
    await screenshot(page, 'timeline-02-confirm-refused');
    await page.getByTestId('timeline-confirm-pw-1').fill(B.password);
    await page.getByTestId('timeline-confirm-ok').click();
    const confirmed = card.getByTestId('timeline-issue-confirmed');
    await confirmed.waitFor();
    await expect(confirmed.innerText()).resolves.toMatch(/李明、王芳于.*确认：现场除当事人人员外无其他人员/);
    await expect(card.getByTestId('timeline-issue').filter({ hasText: '陈立新' }).innerText()).resolves.toMatch(
      /已确认/,
    );
    await screenshot(page, 'timeline-03-confirmed');
  });

  it('the editor’s times are zh_CN pickers; a time in the future stops 提交签名 until corrected', async () => {
    await page.getByTestId('doc-row').filter({ hasText: '现场笔录' }).click();
    await page.getByTestId('doc-editor').waitFor();
    const d = new DocumentPage(page);
    const end = d.field('endTime');
    // 年月日 and the 24-hour clock on an English browser.
    await expect(end.inputValue()).resolves.toBe('2026年11月20日 09:25');
    await end.click();
    const panel = page.locator('.ant-picker-dropdown:visible');
    await panel.waitFor();
    await expect(panel.innerText()).resolves.toMatch(/2026年[\s\S]*11月/);
    await expect(panel.innerText()).resolves.toMatch(/一\s*二\s*三\s*四\s*五\s*六\s*日/);
    // Hours 00–23, no AM/PM column.
    await expect(panel.locator('.ant-picker-time-panel-column').first().locator('li').count()).resolves.toBe(24);
    await expect(panel.innerText()).resolves.not.toMatch(/AM|PM|上午|下午/);
    // Picking in the panel: 10 o'clock of the same day (the column scrolls to the hour shown as it
    // opens: the click goes to the cell itself, not to where it was a moment before).
    await panel
      .locator('.ant-picker-time-panel-column')
      .first()
      .locator('li', { hasText: /^10$/ })
      .dispatchEvent('click');
    await expect.poll(() => end.inputValue()).toBe('2026年11月20日 10:25');
    await screenshot(page, 'timeline-04-zh-cn-picker');
    await end.press('Enter');
    await expect.poll(() => pickerValue(end)).toBe('2026-11-20T10:25');
    await end.blur();

    // Typed in the future: the live check says it stops signing, and 提交签名 is disabled.
    await d.fill('endTime', '2099-11-20T09:25');
    const checks = page.getByTestId('timeline-checks');
    await expect(checks.innerText()).resolves.toMatch(/不能提交签名[\s\S]*晚于现在[\s\S]*不能记录尚未发生的时间/);
    await expect(page.getByTestId('doc-ready').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'timeline-05-future-time');
    await d.fill('endTime', '2026-11-20T09:25');
    await expect(checks.innerText()).resolves.not.toMatch(/晚于现在/);
    await d.backToCase();
  });

  it('the import dialog failing its checks shows them beside the fields and rejects no promise', async () => {
    await page.getByTestId('doc-row').filter({ hasText: '电子取证工作记录' }).click();
    await page.getByTestId('doc-editor').waitFor();
    await page.getByTestId('evidence-import').click();
    const dir = mkdtempSync(join(tmpdir(), 'e2e-timeline-files-'));
    writeFileSync(join(dir, 'access.log'), '10.0.8.1 - - [20/Nov/2026:09:01:02 +0800] "GET /admin/ HTTP/1.1" 200\n');
    await page
      .locator('[data-testid="evidence-drop"] input[type=file], .ant-upload input[type=file]')
      .first()
      .setInputFiles(join(dir, 'access.log'));
    // 提取时间 without its 存储介质, and no category: refused beside the fields, nothing imported.
    await fillPicker(page.getByTestId('evidence-extracted-at'), '2026-11-20T09:06');
    await page.getByTestId('evidence-import-start').click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual(expect.arrayContaining(['填写了提取时间时，请填写提取时存入的存储介质。']));
    await expect(page.getByTestId('evidence-outcome').count()).resolves.toBe(0);
    await screenshot(page, 'timeline-06-import-refused');
    rmSync(dir, { recursive: true, force: true });
    expect(uncaught).toEqual([]);
  });
});
