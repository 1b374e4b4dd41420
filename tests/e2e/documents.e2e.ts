// The four on-site documents through the editors: realistic content typed in, completeness
// errors shown and fixed, each document reaching 待签名; the page reloaded and the shell killed
// mid-edit, and the content found intact.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../shared/validation/resident-id.ts';
import { createOrgCase, openAppWithPair, signInBoth } from './support/app-api.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startShell, type ShellProcess } from './support/web-shell-process.ts';
import { DocumentPage } from './pages/document-page.ts';

const AGENCY = '柳州市柳南区互联网信息办公室';
const A = { name: '李明', certNo: '45020019001', unit: AGENCY, password: 'field2026a' };
const B = { name: '王芳', certNo: '45020019002', unit: AGENCY, password: 'field2026b' };
const ID = '45020319880512003' + residentIdCheckChar('45020319880512003');

let browser: Browser;
let shell: ShellProcess;
let page: Page;
let dataDir: string;
let caseId: string;
const doc = () => new DocumentPage(page);

async function openCase() {
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-row').first().click();
  await page.getByTestId('case-detail').waitFor();
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-documents-'));
  browser = await launchBrowser();
  shell = await startShell(dataDir);
  const opened = await openAppWithPair(browser, shell.url, AGENCY, A, B);
  page = opened.page;
  const ids = opened.ids;
  caseId = await createOrgCase(page, ids);
  await page.reload(); // the session lives in the core: both officers stay signed in
  await page.getByTestId('nav-cases').waitFor();
  await openCase();
});
afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('documents', () => {
  it('询问笔录: keyboard Q&A, completeness errors shown and fixed, 待签名', async () => {
    const d = doc();
    await d.open('inquiry');
    expect(await d.issueTexts()).toMatch(/第1项告知（出示执法证件）尚未记录被询问人的回答/);
    await d.fill('endTime', '2026-11-20T09:00'); // before the start: an error
    await d.fill('startTime', '2026-11-20T09:30');
    await page.waitForFunction(() => document.body.innerText.includes('不能早于或等于开始时间'));
    await d.fill('endTime', '2026-11-20T10:45');
    await d.fill('place', '星河大厦8楼会议室');
    await d.fill('interviewee.name', '张𠮷㵘');
    await d.fill('interviewee.idNumber', ID);
    await d.choose('interviewee.relation', '受委托人');
    for (const b of await page.getByRole('button', { name: /^填入「/ }).all()) await b.click();
    // Keyboard-first: type a question, Enter → answer, Enter → next question.
    await d.field('qa.0.q').click();
    await page.keyboard.type('你单位的网络日志留存了多长时间？');
    await page.keyboard.press('Enter');
    await page.keyboard.type('只保留7天。');
    await page.keyboard.press('Enter');
    await page.keyboard.type('后台管理员密码是怎么设置的？');
    await page.keyboard.press('Enter');
    await expect(d.field('qa.1.q').inputValue()).resolves.toBe('后台管理员密码是怎么设置的？');
    expect(await d.issueTexts()).toMatch(/第2问尚未记录回答/);
    await screenshot(page, '10-inquiry-incomplete');
    // Clicking the issue jumps to the field.
    await d.issues().filter({ hasText: '第2问尚未记录回答' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'field-qa-1-a');
    await page.keyboard.type('密码是admin123，一直没改过。');
    await page.getByRole('button', { name: '填入惯用表述' }).click();
    await d.waitSaved();
    await d.expectNoIssues();
    await d.markReady();
    await screenshot(page, '11-inquiry-ready');
    await d.backToCase();
  });

  it('an edit survives a page reload and a killed shell', async () => {
    const d = doc();
    await page.getByTestId('doc-row').first().click();
    await page.getByTestId('doc-editor').waitFor();
    await d.fill('qa.1.a', '密码是admin123，一直没改过，也没有开启二次验证。');
    await d.waitSaved();
    await page.reload();
    await signInBothIfNeeded();
    await reopenFirstDocument();
    await expect(d.field('qa.1.a').inputValue()).resolves.toBe('密码是admin123，一直没改过，也没有开启二次验证。');
    await expect(d.state()).resolves.toBe('草稿'); // edited after 待签名: back to draft
    await d.fill('place', '星河大厦8楼第二会议室');
    await d.waitSaved();
    await shell.kill();
    shell = await startShell(dataDir);
    await page.goto(shell.url);
    await signInBoth(page, A, B);
    await openCase();
    await reopenFirstDocument();
    await expect(d.field('place').inputValue()).resolves.toBe('星河大厦8楼第二会议室');
    // Undo within the editor: the edit goes, and the undone value is what gets saved.
    await d.fill('place', '写错的地点');
    await page.getByTestId('doc-undo').click();
    await expect(d.field('place').inputValue()).resolves.toBe('星河大厦8楼第二会议室');
    await d.waitSaved();
    await d.markReady();
    await d.backToCase();
  });

  it('现场笔录 with its openings, findings and a linked measure reaches 待签名', async () => {
    const d = doc();
    await d.open('onsite');
    await d.fill('endTime', '2099-11-20T10:00');
    await d.fill('place', '星河大厦8楼机房');
    await d.choose('partyNotice', '已通知，当事人到场');
    for (const b of await page.getByRole('button', { name: /^填入「/ }).all()) await b.click();
    await d.fill('findings', '网站后台管理员账号使用弱口令，服务器日志仅保留7天。');
    await page.getByTestId('onsite-measures-add').click();
    await d.choose('measures.0.kind', '电子取证');
    expect(await d.issueTexts()).toMatch(/请关联对应的电子取证工作记录/);
    await d.choose('measures.0.linkedDocumentId', '询问笔录'); // any sibling can be linked; the evidence record comes next
    await d.fill('confirmation', '以上记录属实。');
    await d.waitSaved();
    await d.expectNoIssues();
    await screenshot(page, '12-onsite');
    await d.markReady();
    await d.backToCase();
  });

  it('电子取证工作记录 with steps and a hand-entered list row reaches 待签名', async () => {
    const d = doc();
    await d.open('evidence');
    expect(await d.issueTexts()).toMatch(/请选择取证方式/);
    await d.fill('endTime', '2099-11-20T10:00');
    await d.fill('place', '星河大厦8楼机房');
    await d.choose('method', '现场提取');
    await d.fill('noWitnessReason', '当事人员工均为利害关系人，全程录像。');
    await page.getByTestId('evidence-steps-add').click();
    await d.fill('steps.0.text', '导出日志配置文件，显示 rotate 7。');
    await page.getByTestId('evidence-items-add').click();
    await d.fill('items.0.name', 'nginx日志配置文件');
    await d.choose('items.0.category', '日志');
    expect(await d.issueTexts()).toMatch(/第1项缺少完整性校验值/);
    await d.fill('items.0.sha256', 'a'.repeat(64));
    await d.waitSaved();
    await d.expectNoIssues();
    await expect(page.getByText('手工录入，未关联文件').count()).resolves.toBe(1);
    await screenshot(page, '13-evidence');
    await d.markReady();
    await d.backToCase();
  });

  it('登记保存物品清单及通知书 with approval and the 7-working-day deadline reaches 待签名', async () => {
    const d = doc();
    await d.open('preservation');
    await page.getByTestId('preservation-items-add').click();
    await d.fill('items.0.name', '移动硬盘');
    await d.fill('items.0.quantity', '');
    expect(await d.issueTexts()).toMatch(/第1行缺少数量/);
    await d.fill('items.0.quantity', '1');
    await d.fill('approval.approver', '黄建国（办公室主任）');
    await d.fill('approval.at', '2026-11-20T09:40');
    await d.choose('approval.how', '电话批准');
    await d.fill('startDate', '2026-11-20');
    await expect(page.getByTestId('preservation-deadline').innerText()).resolves.toMatch(/2026年12月1日/);
    await d.fill('place', '本办证物室');
    await d.fill('conditions', '常温、干燥、防磁柜内存放');
    await d.waitSaved();
    await d.expectNoIssues();
    await screenshot(page, '14-preservation');
    await d.markReady();
    await d.backToCase();
    // The case page lists its documents after a second call; wait for all four rows.
    await page.getByTestId('doc-row').nth(3).waitFor();
    const states = await page.getByTestId('doc-row').allInnerTexts();
    expect(states).toHaveLength(4);
    for (const s of states) expect(s).toContain('待签名');
    void caseId;
  });
});

describe('evidence', () => {
  it('imports three files of different kinds with both digests, listed in the 电子取证工作记录', async () => {
    const files = [
      { name: '后台截图.png', mimeType: 'image/png', buffer: randomBytes(200_000) },
      { name: 'nginx-access.log', mimeType: 'text/plain', buffer: Buffer.from('10.0.8.1 - - [20/Nov/2026:09:01:02 +0800] "GET /admin/ HTTP/1.1" 200\n'.repeat(5000)) },
      { name: '首页存档.mhtml', mimeType: 'multipart/related', buffer: Buffer.from('From: <Saved by Chromium>\r\nSubject: 星河资讯\r\n' + '<p>内容</p>'.repeat(20000)) },
    ];
    await page.getByTestId('doc-row').nth(2).click();
    await page.getByTestId('doc-editor').waitFor();
    await page.getByTestId('evidence-import').click();
    await page.locator('[data-testid="evidence-drop"] input[type=file], .ant-upload input[type=file]').first().setInputFiles(files);
    await page.getByTestId('evidence-category').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '其他' }).first().click();
    await page.getByTestId('evidence-import-start').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="evidence-outcome"]').length === 3);
    // shown in groups of eight for reading aloud; the full value is what the groups spell
    const shown = (await page.getByTestId('digest-sha256').allInnerTexts()).map((t) => t.replace(/\s/g, ''));
    expect(shown).toEqual(files.map((f) => createHash('sha256').update(f.buffer).digest('hex')));
    expect(await page.getByTestId('digest-sm3').allInnerTexts()).toHaveLength(3);
    await screenshot(page, '15-evidence-import');
    await page.getByRole('button', { name: '关闭' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="evidence-items-row"]').length === 4);
    await expect(page.getByText('已关联文件').count()).resolves.toBe(3);
    // file-backed digests are shown, not editable
    await expect(d().field('items.1.sha256').innerText()).resolves.toBe(createHash('sha256').update(files[0]!.buffer).digest('hex'));
    await expect(d().field('items.1.sha256').locator('input').count()).resolves.toBe(0);
    const steps = await page.locator('[id^="field-steps-"][id$="-text"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(steps.filter((t) => t.startsWith('导入电子数据'))).toHaveLength(3);
    await screenshot(page, '16-evidence-list');
    // The capture browser is a desktop feature: the web shell says so, in Chinese.
    await page.getByTestId('capture-url').fill('https://www.xinghe-news.cn/');
    await page.getByTestId('capture-open').click();
    await page.getByText(/内置取证浏览器仅在桌面版中提供/).waitFor();
    // From the case: re-hash everything; all consistent.
    await d().backToCase();
    await page.getByTestId('evidence-reverify').click();
    await expect(page.getByTestId('evidence-reverify-result').innerText()).resolves.toMatch(/已重新计算 3 件电子数据的校验值，全部与导入时一致/);
    await screenshot(page, '17-case-evidence');
  });
});

describe('printing', () => {
  it('导出PDF: the 询问笔录 as it prints, saved as a file whose text is what was entered', async () => {
    if ((await page.getByTestId('case-detail').count()) === 0) await openCase();
    await page.getByTestId('doc-row').first().click();
    await page.getByTestId('doc-editor').waitFor();
    // Saved straight to a file (no preview frame: where a browser cannot show a PDF inline, a frame
    // would start a download of its own).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('doc-pdf-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^网信案询〔\d{4}〕\d{4}号-询问笔录\.pdf$/);
    const file = join(dataDir, 'downloaded.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const entered of ['张𠮷㵘', '你单位的网络日志留存了多长时间？', '只保留7天。', '密码是admin123，一直没改过，也没有开启二次验证。', '星河大厦8楼第二会议室', ID]) expect(text).toContain(entered);
    // The preview, titled with the file name and page count.
    await page.getByTestId('doc-pdf').click();
    await page.getByTestId('doc-pdf-preview').waitFor();
    await expect(page.locator('.ant-modal-title').innerText()).resolves.toMatch(/^网信案询〔\d{4}〕\d{4}号-询问笔录\.pdf（共 \d+ 页）$/);
    await screenshot(page, '18-pdf-preview');
    await page.keyboard.press('Escape');
  });
});

const d = () => new DocumentPage(page);

async function signInBothIfNeeded() {
  await page.getByTestId('signin-slot-0').first().waitFor();
  if ((await page.getByTestId('signin-cert').count()) > 0) await signInBoth(page, A, B);
  else await page.getByTestId('nav-cases').waitFor();
}

async function reopenFirstDocument() {
  if ((await page.getByTestId('case-detail').count()) === 0) await openCase();
  await page.getByTestId('doc-row').first().click();
  await page.getByTestId('doc-editor').waitFor();
}
