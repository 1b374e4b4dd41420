// A law update from HQ as the officers see it (docs/LAW.md «Updates from HQ»): the device shows its
// 法规库版本 and date; HQ's legal officer publishes an update (npm run hq -- publish law); the
// automatic sync in the background hears of it and the 工作台 warns, saying to 同步; the officers
// follow the warning to the 同步 page, 立即同步 applies it, the warning is gone and the sidebar and
// the catalog browser show the new version. Real HQ process, real web shell, real Chromium.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollmentCode, hqCli, hqDataDir, startHq, type HqProcess } from '../support/sync-fixture.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { mustApi, openAppWithPair } from './support/app-api.ts';
import { startShell, type ShellProcess } from './support/web-shell-process.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const AGENCY = '柳州市柳南区互联网信息办公室';
const A = { name: '李明', certNo: '45020019001', unit: AGENCY, password: 'field2026a' };
const B = { name: '王芳', certNo: '45020019002', unit: AGENCY, password: 'field2026b' };
const shipped = JSON.parse(readFileSync(join(ROOT, 'assets', 'catalog', 'catalog.json'), 'utf8')) as {
  version: string;
  date: string;
};

let browser: Browser;
let shell: ShellProcess;
let hq: HqProcess;
let page: Page;
let dataDir: string;
let files: string;

beforeAll(async () => {
  hq = await startHq(hqDataDir());
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-law-update-'));
  files = mkdtempSync(join(tmpdir(), 'e2e-law-update-files-'));
  browser = await launchBrowser();
  // The automatic sync every second instead of every minute, so the test need not wait.
  shell = await startShell(dataDir, 60_000, { WXZF_AUTO_SYNC_MS: '1000' });
  page = (await openAppWithPair(browser, shell.url, AGENCY, A, B, 900)).page;
  await mustApi(page, 'sync.enroll', { url: hq.url, code: enrollmentCode(hq.dataDir) });
});
afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  await hq?.stop();
  for (const d of [dataDir, files, hq?.dataDir]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('a law update from HQ', () => {
  it('the 工作台 warns while HQ has a newer 法规库; 立即同步 takes it and the version shown changes', async () => {
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    const version = page.getByTestId('law-version');
    expect(await version.textContent()).toBe(`法规库版本 ${shipped.version}（${shipped.date}）`);
    expect(await page.getByTestId('dashboard-law-warning').count()).toBe(0);

    // HQ's legal officer publishes the documented example update.
    const update = JSON.parse(readFileSync(join(ROOT, 'docs', 'examples', 'law-update.example.json'), 'utf8')) as {
      basedOn: string;
    };
    const file = join(files, 'law-update.json');
    writeFileSync(file, JSON.stringify({ ...update, basedOn: shipped.version }));
    const published = hqCli(hq.dataDir, ['publish', 'law', file]);
    expect(published.stdout).toContain('已发布法规库 2027.3.1');

    // The automatic sync hears HQ's announcement; the 工作台 warns (refresh until it has).
    const warning = page.getByTestId('dashboard-law-warning');
    await expect
      .poll(
        async () => {
          await page.getByTestId('dashboard-refresh').click();
          return warning.count();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(1);
    const text = (await warning.textContent()) ?? '';
    expect(text).toContain('总部已发布新的法规库 2027.3.1（2027-02-20）');
    expect(text).toContain(`本机仍为 ${shipped.version}（${shipped.date}）`);
    expect(text).toContain('「立即同步」');
    await screenshot(page, 'law-update-dashboard-warning');

    // The warning leads to the 同步 page; 立即同步 applies the package.
    await page.getByTestId('dashboard-law-sync').click();
    await page.getByTestId('sync-start').click();
    // (The run's message is soon replaced by the next automatic run's, every second here: the version tells.)
    await expect.poll(() => version.textContent(), { timeout: 30_000 }).toBe('法规库版本 2027.3.1（2027-02-20）');

    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-refresh').click();
    await expect.poll(() => warning.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => version.textContent(), { timeout: 10_000 }).toBe('法规库版本 2027.3.1（2027-02-20）');

    await page.getByTestId('nav-catalog').click();
    await expect
      .poll(() => page.getByTestId('catalog-version').textContent(), { timeout: 10_000 })
      .toBe('法规库版本 2027.3.1（2027-02-20）');
    await screenshot(page, 'law-update-catalog-version');
  });
});
