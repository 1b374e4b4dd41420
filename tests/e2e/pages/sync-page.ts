// Page objects for sync: the device's 同步 page, and HQ's staff web page (server-rendered; its
// own ids and form field names).
import type { Locator, Page } from 'playwright-core';

export class SyncPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async open() {
    await this.page.getByTestId('nav-sync').click();
    await this.page.getByTestId('sync-page').waitFor();
    await this.page.locator('[data-testid="sync-enroll"], [data-testid="sync-run"]').first().waitFor();
  }
  async enroll(url: string, code: string) {
    await this.page.getByTestId('sync-url').fill(url);
    await this.page.getByTestId('sync-code').fill(code);
    await this.page.getByTestId('sync-enroll-submit').click();
  }
  /** The message shown under a field of the enrollment form. */
  fieldError(testId: string): Locator {
    return this.page
      .locator('.ant-form-item', { has: this.page.getByTestId(testId) })
      .locator('.ant-form-item-explain-error');
  }
  enrollError = () => this.page.getByTestId('sync-enroll-error');
  text = (testId: string) => this.page.getByTestId(testId).innerText();
  start = () => this.page.getByTestId('sync-start').click();
  lastOk = () => this.page.getByTestId('sync-last-ok');
  lastError = () => this.page.getByTestId('sync-last-error');
  progress = () => this.page.getByTestId('sync-progress');
  outboxRows = () => this.page.getByTestId('sync-outbox-row');
  async freeSpace() {
    await this.page.getByTestId('sync-free').click();
    await this.page.getByTestId('sync-free-confirm').click();
  }
  async exportBundle(dir = '') {
    await this.page.getByTestId('sync-export-dir').fill(dir);
    await this.page.getByTestId('sync-export').click();
  }
  async importReceipts(file: { name: string; buffer: Buffer }) {
    await this.page
      .getByTestId('sync-offline')
      .locator('input[type=file]')
      .setInputFiles({ ...file, mimeType: 'application/json' });
  }
}

export class HqWebPage {
  private readonly page: Page;
  private readonly base: string;
  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.base = baseUrl;
  }
  url = (path: string) => new URL(path, this.base).href;
  async login(username: string, password: string) {
    await this.page.goto(this.url('/login'));
    await this.page.locator('input[name=username]').fill(username);
    await this.page.locator('input[name=password]').fill(password);
    await this.page.locator('form[action="/login"] button[type=submit]').click();
    // Signed in (the name in the bar), or refused with HQ's message: fail with that message.
    await this.page.locator('nav .who, .err').first().waitFor();
    if (await this.page.locator('.err').count())
      throw new Error(`HQ login refused: ${await this.page.locator('.err').innerText()}`);
  }
  /** Makes a one-time enrollment code through the overview's form; returns the code shown. */
  async createCode(note: string, prefix: string): Promise<string> {
    await this.page.goto(this.url('/'));
    const form = this.page.locator('form[action="/codes"]');
    await form.locator('input[name=note]').fill(note);
    await form.locator('input[name=prefix]').fill(prefix);
    await form.locator('button[type=submit]').click();
    return (await this.page.locator('#enroll-code').innerText()).trim();
  }
  async openCases() {
    await this.page.goto(this.url('/cases'));
    await this.page.locator('table#cases').waitFor();
  }
  caseRow = (caseNo: string) => this.page.locator('table#cases tr', { hasText: caseNo });
  documentLinks = () => this.page.locator('table#documents a');
  verifyStatus = () => this.page.locator('#verify-status');
  pdfLink = () => this.page.locator('#pdf-link');
}
