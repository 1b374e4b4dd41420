// The four on-site documents through the editors: realistic content typed in, completeness
// errors shown and fixed, each document reaching 待签名; the page reloaded and the shell killed
// mid-edit, and the content found intact.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../shared/validation/resident-id.ts';
import { createOrgCase, mustApi, openAppWithPair, signInBoth } from './support/app-api.ts';
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
    // Rows: insert a pair above the second, move with Alt+↑ and the buttons, delete one.
    const row = (i: number) => page.getByTestId('qa-row').nth(i);
    await row(1).getByTestId('qa-insert').click();
    await page.waitForFunction(() => document.activeElement?.id === 'field-qa-1-q');
    await page.keyboard.type('你单位的网络安全负责人是谁？');
    await page.keyboard.press('Enter');
    await page.keyboard.type('由我兼任，没有书面任命。');
    await expect.poll(qaQuestions).toEqual([Q_LOG, Q_HEAD, Q_PASSWORD]);
    await d.field('qa.2.q').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(qaQuestions).toEqual([Q_LOG, Q_PASSWORD, Q_HEAD]);
    await page.waitForFunction(() => document.activeElement?.id === 'field-qa-1-q'); // the caret moved with its pair
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(qaQuestions).toEqual([Q_LOG, Q_HEAD, Q_PASSWORD]);
    await row(0).getByTestId('qa-down').click();
    await expect.poll(qaQuestions).toEqual([Q_HEAD, Q_LOG, Q_PASSWORD]);
    await row(1).getByTestId('qa-up').click();
    await expect.poll(qaQuestions).toEqual([Q_LOG, Q_HEAD, Q_PASSWORD]);
    await expect(row(0).getByTestId('qa-up').isDisabled()).resolves.toBe(true);
    await expect(row(2).getByTestId('qa-down').isDisabled()).resolves.toBe(true);
    await row(0).getByTestId('qa-insert').click();
    await page.keyboard.type('这一问记错了，将被删除？');
    await expect.poll(qaQuestions).toEqual(['这一问记错了，将被删除？', Q_LOG, Q_HEAD, Q_PASSWORD]);
    await row(0).getByTestId('qa-delete').click();
    await expect.poll(qaQuestions).toEqual([Q_LOG, Q_HEAD, Q_PASSWORD]);
    await row(2).getByTestId('qa-up').click();
    await expect.poll(qaQuestions).toEqual([Q_LOG, Q_PASSWORD, Q_HEAD]);
    await expect(page.locator('.field-hint', { hasText: 'Alt+↑ / Alt+↓' }).count()).resolves.toBe(1);
    // The closing says how the transcript was checked: until the officer says, it cannot be signed.
    expect(await d.issueTexts()).toMatch(/请选择笔录核对方式（交被询问人核对或向被询问人宣读）/);
    await d.pick('closingMode', '向被询问人宣读');
    await expect(page.getByTestId('inquiry-closing').innerText()).resolves.toBe(
      '问：以上笔录已向你宣读。如记录有误或遗漏，可以更正或补充。',
    );
    await page.getByRole('button', { name: '填入惯用表述' }).click();
    await expect(d.field('confirmation').inputValue()).resolves.toBe('以上笔录已向我宣读过，与我所说的相符。');
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
    await expect.poll(qaQuestions).toEqual([Q_LOG, Q_PASSWORD, Q_HEAD]); // reordered, inserted, deleted: as saved
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

  // Typing, then a reload (and then a SIGKILL of the shell) 0.4 s after the last keystroke, without
  // waiting for 已保存: at most about the last second is lost (saves wait at most 0.7 s).
  it('typing cut short by a reload or a killed shell loses at most the last second', async () => {
    const d = doc();
    await reopenFirstDocument();
    const early = '由我兼任，没有书面任命，公司也没有设立网络安全管理部门。';
    const late = '我们会尽快补办书面任命并报备。';
    await typeThen('qa.2.a', early, late, () => page.reload());
    await signInBothIfNeeded();
    await reopenFirstDocument();
    expectKept(await d.field('qa.2.a').inputValue(), early, late);
    // The same, with the shell killed (SIGKILL) instead of the page reloaded.
    const early2 = '网络安全工作由技术部兼管，日常巡检由我一人负责。';
    const late2 = '近一年没有做过安全检测。';
    await typeThen('qa.2.a', early2, late2, () => shell.kill());
    shell = await startShell(dataDir);
    await page.goto(shell.url);
    await signInBoth(page, A, B);
    await openCase();
    await reopenFirstDocument();
    expectKept(await d.field('qa.2.a').inputValue(), early2, late2);
    await d.waitSaved();
    await d.markReady();
    await d.backToCase();
  }, 180_000);

  it('电子取证工作记录 with steps and a hand-entered list row reaches 待签名', async () => {
    const d = doc();
    await d.open('evidence');
    expect(await d.issueTexts()).toMatch(/请选择取证方式/);
    await d.fill('startTime', '2026-11-20T09:00');
    await d.fill('endTime', '2026-11-20T09:20');
    await d.fill('place', '星河大厦8楼机房');
    await d.choose('method', '现场提取');
    await d.fill('noWitnessReason', '当事人员工均为利害关系人，全程录像。');
    await page.getByTestId('evidence-steps-add').click();
    await d.fill('steps.0.text', '导出日志配置文件，显示 rotate 7。');
    await page.getByTestId('evidence-items-add').click();
    await d.fill('items.0.name', 'nginx日志配置文件');
    await d.choose('items.0.category', '日志');
    await d.fill('items.0.format', '文本');
    await d.fill('items.0.method', '现场提取（复制）');
    await d.fill('items.0.time', '2026-11-20T09:06');
    // The step names the row it produced (the steps and the 清单 list the same items).
    await d.choose('steps.0.itemIds', 'nginx日志配置文件');
    await page.keyboard.press('Escape');
    expect(await d.issueTexts()).toMatch(/第1项缺少完整性校验值/);
    await d.fill('items.0.sha256', 'a'.repeat(64));
    await d.waitSaved();
    await d.expectNoIssues();
    await expect(page.getByText('手工录入，未关联文件').count()).resolves.toBe(1);
    await screenshot(page, '13-evidence');
    await d.markReady();
    await d.backToCase();
  });

  it('现场笔录 with its openings, findings and a measure linked to the 电子取证工作记录 reaches 待签名', async () => {
    const d = doc();
    await d.open('onsite');
    await d.fill('startTime', '2026-11-20T08:50');
    await d.fill('endTime', '2026-11-20T09:25');
    await d.fill('place', '星河大厦8楼机房');
    await d.choose('partyNotice', '已通知，当事人到场');
    for (const b of await page.getByRole('button', { name: /^填入「/ }).all()) await b.click();
    await d.fill('findings', '网站后台管理员账号使用弱口令，服务器日志仅保留7天。');
    await page.getByTestId('onsite-measures-add').click();
    await d.choose('measures.0.kind', '电子取证');
    expect(await d.issueTexts()).toMatch(/请关联对应的电子取证工作记录/);
    // The picker offers only the case's 电子取证工作记录, not the 询问笔录.
    await d.field('measures.0.linkedDocumentId').click({ force: true });
    const documentOptions = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '网信案' });
    // Polled: while the dropdown opens (antd's motion) its options may not all count as visible yet.
    await expect
      .poll(() => documentOptions.allInnerTexts(), { timeout: 15_000 })
      .toEqual([expect.stringMatching(/^电子取证工作记录 网信案取〔\d{4}〕0001号$/)]);
    await page.keyboard.press('Escape');
    await d.choose('measures.0.linkedDocumentId', '网信案取'); // the option's number (the placeholder names the type too)
    await d.fill('confirmation', '以上记录属实。');
    await d.waitSaved();
    await d.expectNoIssues();
    await screenshot(page, '12-onsite');
    await d.markReady();
    // 打开 goes to the linked record.
    await page.getByTestId('measure-open-linked').click();
    await page.locator('h2', { hasText: '电子取证工作记录' }).waitFor();
    await d.backToCase();
  });

  it('登记保存物品清单及通知书 with approval and the 7-working-day deadline reaches 待签名', async () => {
    const d = doc();
    // The 批准人 is one of the agency's heads, registered in 设置 by both officers.
    await mustApi(page, 'office.addHead', { name: '黄建国', title: '办公室主任' });
    await d.open('preservation');
    await page.getByTestId('preservation-items-add').click();
    await d.fill('items.0.name', '移动硬盘');
    await d.fill('items.0.quantity', '');
    expect(await d.issueTexts()).toMatch(/第1行缺少数量/);
    await d.fill('items.0.quantity', '1');
    await d.choose('approval.approver', '黄建国（办公室主任）');
    // After the inquiry (09:30–10:45): the officers asked for it by telephone then, not while in a record.
    await d.fill('approval.at', '2026-11-20T10:50');
    await d.choose('approval.how', '电话批准');
    // 登记保存时间 to the minute; its day is the start date the deadline counts from.
    await d.fill('startAt', '2026-11-20T10:55');
    await expect(
      d.field('startDate').locator('xpath=ancestor::*[@data-value][1]').getAttribute('data-value'),
    ).resolves.toBe('2026-11-20');
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
    // The log is large (96 MiB) so that the progress (bytes, speed, time left) is seen mid-way.
    const files = [
      { name: '后台截图.png', mimeType: 'image/png', buffer: randomBytes(200_000) },
      {
        name: 'nginx-access.log',
        mimeType: 'text/plain',
        buffer: Buffer.alloc(
          96 * 1024 * 1024,
          '10.0.8.1 - - [20/Nov/2026:09:01:02 +0800] "GET /admin/ HTTP/1.1" 200\n',
        ),
      },
      {
        name: '首页存档.mhtml',
        mimeType: 'multipart/related',
        buffer: Buffer.from('From: <Saved by Chromium>\r\nSubject: 星河资讯\r\n' + '<p>内容</p>'.repeat(20000)),
      },
    ];
    await page.getByTestId('doc-row').nth(1).click(); // the 电子取证工作记录 (made second)
    await page.getByTestId('doc-editor').waitFor();
    await page.getByTestId('evidence-import').click();
    // Chosen from disk, as an officer does (and without sending 96 MiB through the DevTools protocol).
    const dir = mkdtempSync(join(tmpdir(), 'e2e-evidence-files-'));
    for (const f of files) writeFileSync(join(dir, f.name), f.buffer);
    await page
      .locator('[data-testid="evidence-drop"] input[type=file], .ant-upload input[type=file]')
      .first()
      .setInputFiles(files.map((f) => join(dir, f.name)));
    await page.getByTestId('evidence-category').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '其他' }).first().click();
    // The provider and the art. 26 statement, which names them as it is offered; the device's serial.
    await page.getByLabel('提供人（如由当事人等提供）').fill('张三');
    await expect(page.getByTestId('evidence-provider-statement').innerText()).resolves.toBe(
      '注明「此件由张三提供，经核对与原件无异」',
    );
    await page.getByTestId('evidence-provider-statement').click();
    await page.getByTestId('evidence-device-serial').fill('SN-7F3K-20931');
    // Every text the progress shows, as it changes (the import itself is not slowed down).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const el = document.querySelector<HTMLElement>('[data-testid="evidence-progress"]');
        if (el && seen.at(-1) !== el.innerText) seen.push(el.innerText);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('evidence-import-start').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="evidence-outcome"]').length === 3, null, {
      timeout: 90_000,
    });
    rmSync(dir, { recursive: true, force: true });
    const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    // Mid-way through the log: bytes so far of the total, a speed above zero, and the time left.
    const midway = progress
      .filter((p) => p.includes('正在导入：nginx-access.log'))
      .map((p) =>
        /([\d.]+) (MB|KB|字节) \/ 96\.0 MB · ([\d.]+) (MB|KB|字节)\/秒 · 剩余约 (\d+ 秒|\d+ 分 \d+ 秒)/.exec(p),
      )
      .filter((m) => m && Number(m[1]) > 0 && !(m[2] === 'MB' && Number(m[1]) >= 96) && Number(m[3]) > 0);
    expect(midway.length, `progress seen: ${JSON.stringify(progress)}`).toBeGreaterThan(0);
    // shown in groups of eight for reading aloud; the full value is what the groups spell
    const shown = (await page.getByTestId('digest-sha256').allInnerTexts()).map((t) => t.replace(/\s/g, ''));
    expect(shown).toEqual(files.map((f) => createHash('sha256').update(f.buffer).digest('hex')));
    expect(await page.getByTestId('digest-sm3').allInnerTexts()).toHaveLength(3);
    await screenshot(page, '15-evidence-import');
    await page.getByRole('button', { name: '关闭' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="evidence-items-row"]').length === 4);
    await expect(page.getByText('已关联文件').count()).resolves.toBe(3);
    // file-backed digests are shown, not editable
    await expect(d().field('items.1.sha256').innerText()).resolves.toBe(
      createHash('sha256').update(files[0]!.buffer).digest('hex'),
    );
    await expect(d().field('items.1.sha256').locator('input').count()).resolves.toBe(0);
    const steps = await page
      .locator('[id^="field-steps-"][id$="-text"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(steps.filter((t) => t.startsWith('导入电子数据'))).toHaveLength(3);
    await screenshot(page, '16-evidence-list');
    // The capture browser is a desktop feature: the web shell says so, in Chinese.
    await page.getByTestId('capture-url').fill('https://www.xinghe-news.cn/');
    await page.getByTestId('capture-open').click();
    await page.getByText(/内置取证浏览器仅在桌面版中提供/).waitFor();
    // From the case: re-hash everything; all consistent.
    await d().backToCase();
    await page.getByTestId('evidence-reverify').click();
    await expect(page.getByTestId('evidence-reverify-result').innerText()).resolves.toMatch(
      /已重新计算 3 件电子数据的校验值，全部与导入时一致/,
    );
    // An item's details show what was recorded at entry.
    await page.locator('.ant-table-row-expand-icon').first().click();
    const details = await page.getByTestId('evidence-details').innerText();
    expect(details).toContain('此件由张三提供，经核对与原件无异');
    expect(details).toContain('SN-7F3K-20931');
    await screenshot(page, '17-case-evidence');
  });

  it('a file removed after it was chosen: the read failure is named (not a lost connection), nothing is stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-evidence-gone-'));
    const path = join(dir, '已移走的录屏.webm');
    writeFileSync(path, randomBytes(3 * 1024 * 1024));
    await page.getByTestId('doc-row').nth(1).click(); // the 电子取证工作记录
    await page.getByTestId('doc-editor').waitFor();
    const rowsBefore = await page.getByTestId('evidence-items-row').count();
    await page.getByTestId('evidence-import').click();
    await page
      .locator('[data-testid="evidence-drop"] input[type=file], .ant-upload input[type=file]')
      .first()
      .setInputFiles(path);
    await page.getByText(/待导入：已移走的录屏\.webm/).waitFor();
    rmSync(dir, { recursive: true, force: true }); // moved away (or the card pulled out) before the import
    await page.getByTestId('evidence-category').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '录屏' }).first().click();
    await page.getByTestId('evidence-import-start').click();
    await page.getByTestId('evidence-outcome-error').waitFor();
    await expect(page.getByTestId('evidence-outcome-error').innerText()).resolves.toContain(
      '读取文件失败：文件在导入过程中被修改、移动或删除，本件电子数据没有保存。',
    );
    await page.getByRole('button', { name: '关闭' }).click();
    await expect(page.getByTestId('evidence-items-row').count()).resolves.toBe(rowsBefore);
    await d().backToCase();
    await expect(page.getByText('已移走的录屏.webm').count()).resolves.toBe(0);
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
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    for (const entered of [
      '张𠮷㵘',
      '你单位的网络日志留存了多长时间？',
      '只保留7天。',
      '密码是admin123，一直没改过，也没有开启二次验证。',
      '星河大厦8楼第二会议室',
      ID,
    ])
      expect(text).toContain(entered);
    // Template 2026.1: the closing read out, and only that; 以下空白 after the confirmation.
    expect(text).toContain('问：以上笔录已向你宣读。如记录有误或遗漏，可以更正或补充。');
    expect(text).not.toContain('（或：');
    expect(text).toMatch(/以上笔录已向我宣读过，与我所说的相符。以下空白/);
    // The preview, titled with the file name and page count.
    await page.getByTestId('doc-pdf').click();
    await page.getByTestId('doc-pdf-preview').waitFor();
    await expect(page.locator('.ant-modal-title').innerText()).resolves.toMatch(
      /^网信案询〔\d{4}〕\d{4}号-询问笔录\.pdf（共 \d+ 页）$/,
    );
    await screenshot(page, '18-pdf-preview');
    await page.keyboard.press('Escape');
  });
});

const d = () => new DocumentPage(page);

const Q_LOG = '你单位的网络日志留存了多长时间？';
const Q_PASSWORD = '后台管理员密码是怎么设置的？';
const Q_HEAD = '你单位的网络安全负责人是谁？';
const qaQuestions = () =>
  page.locator('[data-testid="qa-q"]').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));

/**
 * Types `early` (about 1 s) and `late` (about 0.7 s) into an empty field, then `cut` 0.4 s after
 * the last keystroke, without waiting for 已保存: `early` ended more than a second before the cut.
 */
async function typeThen(path: string, early: string, late: string, cut: () => Promise<unknown>) {
  await doc().fill(path, '');
  await doc().field(path).focus();
  await page.keyboard.type(early, { delay: 1000 / early.length });
  await page.keyboard.type(late, { delay: 700 / late.length });
  await page.waitForTimeout(400);
  await cut();
}

/** Everything typed more than a second before the cut is there; of the rest, a prefix at most. */
function expectKept(value: string, early: string, late: string) {
  expect(value.startsWith(early), `kept: ${value}`).toBe(true);
  expect((early + late).startsWith(value), `kept: ${value}`).toBe(true);
}

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
