// 工作台 in Chromium against the real web shell: after sign-in it is the first page; it lists the
// cases with their deadlines (an overdue 先行登记保存 decision across the 2025 National Day break,
// one that reaches 2027 — beyond the shipped holiday table — shown as uncertain with its earliest
// end), the sealed document not yet synced, the document waiting for signatures, the evidence not
// yet re-verified; a deadline opens to its legal basis and counting rule; the case page lists them.
// The web shell runs on the real clock: only what holds on any day is asserted.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoInquiry, demoOnsite, demoPreservation } from '../../scripts/demo-documents.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { fillPicker } from './support/pickers.ts';
import {
  createOrgCase,
  importRandomEvidence,
  mustApi,
  openAppWithPair,
  readyDocument,
  signThroughApi,
} from './support/app-api.ts';
import { startShell, type ShellProcess } from './support/web-shell-process.ts';

const AGENCY = '柳州市柳南区互联网信息办公室';
const A = { name: '李明', certNo: '45020019001', unit: AGENCY, password: 'field2026a' };
const B = { name: '王芳', certNo: '45020019002', unit: AGENCY, password: 'field2026b' };

let browser: Browser;
let shell: ShellProcess;
let page: Page;
let dataDir: string;
let caseId: string;

/** The sample preservation approved and taken on `day` (09:40, 09:50). */
function preservedOn(day: string, ids: string[]) {
  const p = demoPreservation(ids);
  return { ...p, approval: { ...p.approval, at: `${day}T09:40` }, startDate: day, startAt: `${day}T09:50` };
}

/** A document made and saved as a draft; returns its id. */
async function saveDocument(page: Page, caseId: string, type: string, content: object): Promise<string> {
  const d = await mustApi<{ id: string; revision: number }>(page, 'documents.create', { caseId, type });
  await mustApi(page, 'documents.save', { id: d.id, revision: d.revision, content });
  return d.id;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-dashboard-'));
  browser = await launchBrowser();
  shell = await startShell(dataDir);
  const opened = await openAppWithPair(browser, shell.url, AGENCY, A, B, 1000);
  page = opened.page;
  const ids = opened.ids;
  const officers = [
    { ...A, id: ids[0] },
    { ...B, id: ids[1] },
  ];
  caseId = await createOrgCase(page, ids);
  await mustApi(page, 'cases.setStatus', { id: caseId, status: 'filed', note: '经负责人批准立案' });
  // Evidence kept from Friday 2025-09-26: 7 working days end on 2025-10-13 (the break 10/1–10/8,
  // the make-up Sunday 9/28 and Saturday 10/11 counted). Signed and sealed, not yet synced.
  const kept = await readyDocument(page, caseId, 'preservation', preservedOn('2025-09-26', ids));
  await signThroughApi(page, kept, officers);
  // The inspection that took the measure records it (the case timeline refuses to seal it otherwise).
  await saveDocument(page, caseId, 'onsite', {
    ...demoOnsite(ids, ids[1], ''),
    startTime: '2025-09-26T09:00',
    endTime: '2025-09-26T10:30',
    measures: [{ id: 'm1', kind: '先行登记保存', description: '先行登记保存移动硬盘等2件。', linkedDocumentId: kept }],
  });
  await mustApi(page, 'seals.seal', { documentId: kept, officerPasswords: [A.password, B.password] });
  // Evidence to be kept from Monday 2026-12-28: its 7 working days reach 2027, beyond the shipped
  // table. A draft: a record of a day to come cannot go to 待签名 (the case timeline's futureTime).
  await saveDocument(page, caseId, 'preservation', preservedOn('2026-12-28', ids));
  // The document waiting for signatures: the inquiry of 2026-11-20.
  await readyDocument(page, caseId, 'inquiry', demoInquiry(ids[0], ids[1]));
  await importRandomEvidence(page, caseId, '后台截图.png', 64 * 1024);
  await mustApi(page, 'cases.create', {
    title: '柳州市某文化传媒有限公司涉嫌未履行网络安全保护义务案',
    source: '投诉举报',
    party: {
      kind: 'person',
      name: '赵小东',
      idType: '护照',
      idNumber: 'E12345678',
      address: '柳州市城中区文昌路8号',
      phone: '',
    },
    platform: { name: '东东说事', domain: '', url: '', icp: '' },
    conduct: { kind: 'day', from: '2026-10-12', discoveredOn: '2026-10-20' },
    matterId: 'csl-59',
    officerIds: ids,
  });
});

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('工作台', () => {
  it('is the first page after sign-in and shows what is overdue, uncertain, unsynced, waiting for signatures and unverified', async () => {
    await page.reload(); // the session lives in the core: both officers stay signed in
    await page.getByTestId('dashboard').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="dashboard-case"]').length === 2);
    const filedCase = page.getByTestId('dashboard-case').filter({ hasText: '星河' });
    const text = await filedCase.innerText();
    expect(text).toContain('先行登记保存处理决定');
    expect(text).toMatch(/逾期\d+天/);
    expect(text).toContain('2025年10月13日（周一）前');
    expect(text).toContain('无法确定');
    expect(text).toContain('最早可能在2027年1月4日（周一）届满');
    expect(text).toContain('1份'); // unsynced and waiting for signatures
    // The overdue one comes first in the list (the most urgent case first).
    expect(await page.getByTestId('dashboard-case').first().innerText()).toContain('星河');
    await expect(page.getByTestId('count-overdue').innerText()).resolves.toMatch(/已逾期\s*[1-9]/);
    await expect(page.getByTestId('count-unsynced').innerText()).resolves.toMatch(/待同步文书\s*1/);
    await expect(page.getByTestId('count-waiting').innerText()).resolves.toMatch(/1 \/ 0/);
    await expect(page.getByTestId('count-evidence').innerText()).resolves.toMatch(/0 \/ 1/);
    await expect(page.getByTestId('dashboard-documents').innerText()).resolves.toContain('待签名');
    await expect(page.getByTestId('dashboard-evidence').innerText()).resolves.toContain('后台截图.png');
    await expect(page.getByTestId('dashboard-sync').innerText()).resolves.toContain('本机尚未登记到总部');
    await expect(page.getByTestId('dashboard-calendar').innerText()).resolves.toContain(
      '数据自2023年1月1日至2026年12月31日',
    );
    await screenshot(page, '60-dashboard');
  });

  it('a case row opens to each deadline with its legal basis and counting rule', async () => {
    const filedCase = page.getByTestId('dashboard-case').filter({ hasText: '星河' });
    await filedCase.locator('.ant-table-row-expand-icon').click();
    const details = page.getByTestId('deadline-details');
    await details.first().waitFor();
    const all = (await details.allInnerTexts()).join('\n');
    expect(all).toContain('《中华人民共和国行政处罚法》第五十六条');
    expect(all).toContain('第八十五条');
    expect(all).toContain('起算日不计入');
    expect(all).toContain('2027年的法定节假日和调休安排尚未公布或尚未更新到本机');
    expect(all).toContain('尚未记录听证权利告知');
    // 立案 and 陈述申辩 rested only on the repealed 2017 regulation: marked, the repealed article named as such.
    const unverified = details.filter({ has: page.getByTestId('deadline-basis-unverified') });
    await expect(unverified.filter({ hasText: '立案期限' }).count()).resolves.toBe(1);
    await expect(unverified.filter({ hasText: '陈述申辩期限' }).count()).resolves.toBe(1);
    await expect(unverified.filter({ hasText: '听证申请期限' }).count()).resolves.toBe(0);
    expect(all).toMatch(
      /依据未核实[\s\S]*已废止的《互联网信息内容管理行政执法程序规定》（2017）第十四条[\s\S]*第十五条/,
    );
    await screenshot(page, '61-dashboard-deadline-details');
  });

  it('the case page lists its deadlines; the dashboard leads to the document waiting for signatures', async () => {
    await page.getByTestId('dashboard-case').filter({ hasText: '星河' }).getByTestId('dashboard-open-case').click();
    await page.getByTestId('case-deadlines').waitFor();
    await page.getByTestId('case-deadlines').getByTestId('deadline-line').nth(3).waitFor();
    const card = await page.getByTestId('case-deadlines').innerText();
    expect(card).toContain('立案期限');
    expect(card).toContain('已完成');
    expect(card).toContain('听证申请期限');
    expect(card).toContain('依据未核实'); // the tag on the lines of the periods only the 2017 regulation set
    await screenshot(page, '62-case-deadlines');

    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-document').first().click();
    await page.getByTestId('doc-editor').waitFor();
    await page.locator('h2', { hasText: '询问笔录' }).waitFor();
    // The editor of the preservation to come counts the same deadline live, with the same calendar.
    await page.getByText('返回案件').click();
    await page.getByTestId('doc-row').filter({ hasText: '草稿' }).filter({ hasText: '登记保存' }).click();
    await page.getByTestId('doc-editor').waitFor();
    await expect(page.getByTestId('preservation-deadline').innerText()).resolves.toContain(
      '最早可能在 2027年1月4日（周一）届满',
    );
    await page.getByTestId('preservation-deadline').scrollIntoViewIfNeeded();
    await screenshot(page, '63-preservation-deadline-uncertain');
    void caseId;
  });

  it('officers record the day the 行政处罚意见告知书 was served: the hearing and 陈述申辩 periods are counted from it', async () => {
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-case').filter({ hasText: '星河' }).getByTestId('dashboard-open-case').click();
    const card = page.getByTestId('case-deadlines');
    await card.getByTestId('deadline-line').nth(3).waitFor();
    // The 陈述申辩 period cannot be counted yet: its row offers to record the date.
    await card
      .locator('.ant-collapse-item')
      .filter({ hasText: '陈述申辩期限' })
      .getByTestId('milestone-record-noticeServed')
      .click();
    const dialog = page.getByTestId('milestone-dialog');
    await dialog.waitFor();
    // The web shell runs on the real clock: served today (Beijing date).
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await fillPicker(page.getByTestId('milestone-date'), today);
    await page.getByTestId('milestone-note').fill('直接送达，当事人签收');
    await screenshot(page, '64-record-milestone');
    await page.getByTestId('milestone-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await card.getByTestId('milestone').first().waitFor();
    const statement = card.getByTestId('deadline-line').filter({ hasText: '陈述申辩期限' });
    expect(['due', 'uncertain']).toContain(await statement.getAttribute('data-status'));
    expect(await card.getByTestId('milestones').innerText()).toContain('《行政处罚意见告知书》送达日期');
    expect(await card.getByTestId('milestones').innerText()).toContain('直接送达，当事人签收');
    await expect(page.getByTestId('case-timeline').innerText()).resolves.toContain(
      '记录《行政处罚意见告知书》送达日期',
    );
    await screenshot(page, '65-case-deadlines-recorded');

    // With one officer signed in the dialog says that two are needed and does not submit.
    const ids = (await mustApi<{ id: string }[]>(page, 'officers.list', {})).map((o) => o.id);
    await mustApi(page, 'session.signOut', { officerId: ids[1] });
    await page.reload();
    await page.getByTestId('dashboard-case').filter({ hasText: '星河' }).getByTestId('dashboard-open-case').click();
    await card.getByTestId('deadline-line').nth(3).waitFor();
    await card
      .locator('.ant-collapse-item')
      .filter({ hasText: '处罚决定书送达' })
      .getByTestId('milestone-record-decisionAnnounced')
      .click();
    await expect(page.getByTestId('milestone-dialog').innerText()).resolves.toContain('记录日期须两名执法人员同时登录');
    expect(await page.getByTestId('milestone-submit').isDisabled()).toBe(true);
  });

  it('全部重新核验 re-hashes the evidence of every case (one officer is enough) and names a damaged item with its case', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('milestone-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-reverify-all').click();
    await expect(page.getByTestId('dashboard-reverify-result').innerText()).resolves.toContain(
      '已重新计算本机全部 1 件电子数据的校验值，全部与导入时一致。',
    );
    await page.waitForFunction(() =>
      /0 \/ 0/.test(document.querySelector('[data-testid="count-evidence"]')?.textContent ?? ''),
    );
    // One bit of the stored (encrypted) file flipped on disk, as damage or tampering would.
    const blobs = join(dataDir, 'evidence', 'blobs');
    const [file] = readdirSync(blobs, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const path = join(file!.parentPath, file!.name);
    const bytes = readFileSync(path);
    bytes[100]! ^= 0x01;
    writeFileSync(path, bytes);
    const caseNo = (await mustApi<{ caseNo: string }>(page, 'cases.get', { id: caseId })).caseNo;
    await page.getByTestId('dashboard-reverify-all').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="dashboard-reverify-result"]')?.textContent?.includes('核验未通过'),
    );
    const result = await page.getByTestId('dashboard-reverify-result').innerText();
    expect(result).toContain('1 件电子数据核验未通过（本机共核验 1 件）');
    expect(result).toContain(
      `案件 ${caseNo}：「后台截图.png」第 1 段（字节 0–65535）校验失败：内容被篡改或存储介质损坏。`,
    );
    // The card's list is reloaded after the run: the item now shows its failure.
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="dashboard-evidence"] .ant-table')
        ?.textContent?.includes('核验失败：内容不符'),
    );
    await screenshot(page, '66-dashboard-reverify-all');
  });
});
