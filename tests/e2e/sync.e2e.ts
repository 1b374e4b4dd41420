// Sync to HQ through the UI, against a real HQ server process: HQ's staff make a one-time
// enrollment code on HQ's web page; the officers enroll the device on its 同步 page (a bad address
// and a wrong code refused first), sync two sealed documents (one with an evidence file), see
// 已同步 on the case's documents and release the receipted evidence file from the laptop; HQ's
// page shows the case, the documents verified and their PDF.
// Then HQ is out of reach: 立即同步 says so in red, and a third document goes the offline way —
// bundle exported on the 同步 page, imported at HQ, HQ's receipts file imported back.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEvidence, demoInquiry } from '../../scripts/demo-documents.ts';
import { DEMO_WITNESS } from '../../scripts/demo-data.ts';
import { createAdmin, HQ_ADMIN, hqCli, hqDataDir, startHq, type HqProcess } from '../support/sync-fixture.ts';
import { SessionPage } from './pages/app-page.ts';
import { HqWebPage, SyncPage } from './pages/sync-page.ts';
import { launchBrowser, SCREENSHOT_DIR, screenshot } from './support/browser.ts';
import {
  callApi,
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
const EVIDENCE_BYTES = 3 * 1024 * 1024;

let browser: Browser;
let shell: ShellProcess;
let hq: HqProcess;
let page: Page;
let hqPage: Page;
let dataDir: string;
let caseId: string;
let caseNo: string;
let officers: { id: string; name: string; password: string }[];
const sync = () => new SyncPage(page);
const hqWeb = () => new HqWebPage(hqPage, hq.url);

/** A signed and sealed document of the journey's case, made through the API. */
async function sealedDocument(type: string, content: object): Promise<string> {
  const id = await readyDocument(page, caseId, type, content);
  await signThroughApi(page, id, officers);
  await mustApi(page, 'seals.seal', { documentId: id, officerPasswords: [A.password, B.password] });
  return id;
}

async function openCaseDocuments() {
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-row').first().click();
  await page.getByTestId('case-detail').waitFor();
  await page.getByTestId('doc-row').first().waitFor();
}

beforeAll(async () => {
  const hqDir = hqDataDir();
  createAdmin(hqDir);
  hq = await startHq(hqDir);
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-sync-'));
  browser = await launchBrowser();
  shell = await startShell(dataDir);
  const opened = await openAppWithPair(browser, shell.url, AGENCY, A, B, 1000);
  page = opened.page;
  const ids = opened.ids;
  officers = [
    { ...A, id: ids[0] },
    { ...B, id: ids[1] },
  ];
  caseId = await createOrgCase(page, ids);
  caseNo = (await mustApi<{ caseNo: string }>(page, 'cases.get', { id: caseId })).caseNo;
  // Sealed before enrollment, as in the field: an 询问笔录, and a 电子取证工作记录 with one file.
  await sealedDocument('inquiry', demoInquiry(ids[0], ids[1]));
  const ev = await importRandomEvidence(page, caseId, '后台截图.png', EVIDENCE_BYTES);
  await sealedDocument('evidence', {
    ...demoEvidence(ids, ids[1]),
    // A witness with no tie to the party, and the one step that produced the one file (the case
    // timeline and the completeness rules ask for both before 提交签名).
    witness: DEMO_WITNESS,
    steps: [
      { id: 's1', time: '2026-11-20T09:02', text: '截取后台管理员账号设置页面。', auto: false, itemIds: [ev.id] },
    ],
    items: [
      {
        id: ev.id,
        name: ev.fileName,
        category: '截图',
        format: 'PNG',
        source: 'https://www.xinghe-news.cn/',
        method: '截屏',
        sizeBytes: String(ev.sizeBytes),
        sha256: ev.sha256,
        sm3: ev.sm3,
        time: '2026-11-20T09:00',
        medium: '本机',
        evidenceId: ev.id,
      },
    ],
  });
  // HQ's staff page in its own browser context (its own cookies).
  hqPage = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
  hqPage.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  await hq?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (hq) rmSync(hq.dataDir, { recursive: true, force: true });
});

describe('sync to HQ', () => {
  let code: string;

  it('HQ staff sign in on HQ web page and make a one-time enrollment code', async () => {
    await hqWeb().login(HQ_ADMIN.user, HQ_ADMIN.password);
    code = await hqWeb().createCode('柳南区执法终端1号', '柳南网信案');
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);
    await screenshot(hqPage, '30-hq-enroll-code');
  });

  it('the device enrolls on its 同步 page (a bad address and a wrong code are refused with reasons)', async () => {
    const s = sync();
    await s.open();
    // With one officer signed in, enrollment waits for the second (hint, button disabled).
    await page.getByTestId('signin-slot-1').getByTestId('signout').click();
    await page.getByTestId('sync-enroll-pair-hint').waitFor();
    await expect(page.getByTestId('sync-enroll-submit').isDisabled()).resolves.toBe(true);
    await screenshot(page, '31-sync-enroll-one-officer');
    await new SessionPage(page).signIn(1, B.certNo, B.password);
    await page.getByTestId('sync-enroll-pair-hint').waitFor({ state: 'detached' });
    await expect(page.getByTestId('sync-enroll-submit').isEnabled()).resolves.toBe(true);
    // An address that is not a URL: the reason next to the field.
    await s.enroll('hq.liuzhou', code);
    await expect(s.fieldError('sync-url').innerText()).resolves.toMatch(/总部地址格式不对/);
    // A code HQ never issued: HQ refuses, and nothing is enrolled.
    await s.enroll(hq.url, 'AAAA-BBBB-CCCC-DDDD');
    await expect(s.enrollError().innerText()).resolves.toMatch(/登记码无效、已使用或已过期/);
    await screenshot(page, '32-sync-enroll-error');
    // HQ's code, typed as shown (dashes and case do not matter).
    await s.enroll(hq.url, code.toLowerCase());
    await page.getByTestId('sync-hq-name').waitFor();
    await expect(s.text('sync-hq-url')).resolves.toBe(hq.url);
    await expect(s.text('sync-case-prefix')).resolves.toBe('柳南网信案');
    await expect(s.text('sync-tls')).resolves.toMatch(/未锁定/); // plain HTTP on loopback
    await expect(s.text('sync-device-id')).resolves.toMatch(/^[0-9a-f-]{36}$/);
    await expect(s.text('sync-outbox-count')).resolves.toBe('待同步 2 份');
    await expect(s.outboxRows().count()).resolves.toBe(2);
    await expect(s.outboxRows().first().innerText()).resolves.toContain(caseNo);
    await expect(s.text('sync-hq-time')).resolves.toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it('立即同步 sends both sealed documents and their evidence; the case shows them 已同步; the file may then be released', async () => {
    const s = sync();
    await s.start();
    // The button answers at once with the running state; the page then follows it to the end.
    await page
      .locator('[data-testid="sync-progress"], [data-testid="sync-last-ok"], [data-testid="sync-last-error"]')
      .first()
      .waitFor();
    // (Taken as is: the progress bar's animation never ends, so the screenshot helper would wait for ever.)
    if (await s.progress().isVisible())
      await page.screenshot({ path: join(SCREENSHOT_DIR, '33-sync-running.png'), fullPage: true });
    await s.lastOk().waitFor({ timeout: 60_000 });
    await expect(s.lastOk().innerText()).resolves.toMatch(/^同步完成/);
    await expect(s.text('sync-receipted')).resolves.toBe('2 份');
    await expect(s.text('sync-outbox-count')).resolves.toBe('待同步 0 份');
    await expect(s.text('sync-last-receipt')).resolves.toMatch(/^\d{4}-/);
    // The evidence file is now held by HQ: both officers may release it from the laptop.
    await expect(s.text('sync-releasable')).resolves.toBe('可释放 1 件电子数据（3.0 MB）');
    await s.freeSpace();
    await expect(s.text('sync-free-result')).resolves.toBe('已释放 1 件电子数据（3.0 MB）。');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="sync-releasable"]')?.textContent?.startsWith('可释放 0 件'),
    );
    await screenshot(page, '34-sync-done');
    await openCaseDocuments();
    const rows = page.getByTestId('doc-row');
    await expect(rows.count()).resolves.toBe(2);
    for (const text of await rows.allInnerTexts()) expect(text).toContain('已同步');
    await screenshot(page, '35-case-synced');
  });

  it('HQ lists the case; each document page re-verifies it (核验通过) and serves its PDF', async () => {
    const h = hqWeb();
    await h.openCases();
    await expect(h.caseRow(caseNo).innerText()).resolves.toContain('柳州市星河网络科技有限公司');
    await screenshot(hqPage, '36-hq-cases');
    await h.caseRow(caseNo).locator('a').click();
    await expect(h.documentLinks().count()).resolves.toBe(2);
    const docs = await h.documentLinks().evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    let withEvidence = 0;
    for (const href of docs) {
      await hqPage.goto(href);
      await expect(h.verifyStatus().innerText()).resolves.toMatch(/^核验通过/);
      const pdf = await hqPage.request.get(await h.pdfLink().evaluate((a) => (a as HTMLAnchorElement).href));
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The 电子取证工作记录 arrived with its file, re-hashed by HQ.
      if ((await hqPage.locator('main').innerText()).includes('后台截图.png')) {
        withEvidence++;
        await screenshot(hqPage, '37-hq-document');
      }
    }
    expect(withEvidence).toBe(1);
  });

  it('with HQ out of reach, 立即同步 says so; a third document goes by bundle and the receipts file comes back', async () => {
    await hq.stop();
    const s = sync();
    await page.getByTestId('nav-sync').click();
    await page.getByTestId('sync-run').waitFor();
    await s.start();
    await s.lastError().waitFor({ timeout: 60_000 });
    await expect(s.lastError().innerText()).resolves.toMatch(/无法连接总部.*数据仍完整保存在本机/);
    // A third document, sealed while HQ is out of reach.
    const ids = officers.map((o) => o.id);
    // (A second inquiry, after the first: a 先行登记保存 would also need the 现场笔录 recording it.)
    await sealedDocument('inquiry', {
      ...demoInquiry(ids[0]!, ids[1]!),
      startTime: '2026-11-20T11:00',
      endTime: '2026-11-20T11:40',
    });
    await page.getByTestId('sync-refresh').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="sync-outbox-count"]')?.textContent === '待同步 1 份',
    );
    // A folder that does not exist is refused next to the field; empty means DATA/exports.
    await s.exportBundle(join(dataDir, 'no-such-usb'));
    await expect(s.fieldError('sync-export-dir').innerText()).resolves.toBe('文件夹不存在。');
    await s.exportBundle('');
    const bundle = (await s.text('sync-export-path')).trim();
    expect(bundle.startsWith(join(dataDir, 'exports'))).toBe(true);
    expect(existsSync(bundle)).toBe(true);
    await screenshot(page, '38-sync-offline-export');
    // HQ imports the bundle (its command line) and writes the receipts file for the laptop.
    const receiptsPath = join(mkdtempSync(join(tmpdir(), 'e2e-receipts-')), '总部回执.json');
    const imported = hqCli(hq.dataDir, ['import', bundle, '--receipts', receiptsPath]);
    expect(imported.status, imported.stderr).toBe(0);
    // Something else first: refused with the reason.
    await s.importReceipts({ name: 'notes.json', buffer: Buffer.from('{"format":"something-else"}') });
    await expect(s.text('sync-import-error')).resolves.toMatch(/这不是总部回执文件/);
    await s.importReceipts({ name: '总部回执.json', buffer: readFileSync(receiptsPath) });
    await expect(s.text('sync-import-result')).resolves.toBe('已导入回执：新增 1 个。');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="sync-outbox-count"]')?.textContent === '待同步 0 份',
    );
    await expect(s.text('sync-receipted')).resolves.toBe('3 份');
    await screenshot(page, '39-sync-offline-import');
    await openCaseDocuments();
    const rows = page.getByTestId('doc-row');
    await expect(rows.count()).resolves.toBe(3);
    for (const text of await rows.allInnerTexts()) expect(text).toContain('已同步');
    await expect(callApi(page, 'sync.status', {}).then((r) => r.value.receipted)).resolves.toBe(3);
  });
});
