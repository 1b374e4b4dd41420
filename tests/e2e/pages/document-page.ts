// Page object for the document editors: fields are addressed by their content path
// (the editor gives each input the id field-<path with dashes>).
import type { Locator, Page } from 'playwright-core';
import { fillPicker, isPicker } from '../support/pickers.ts';

export class DocumentPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  field(path: string): Locator {
    return this.page.locator(`#field-${path.replace(/\./g, '-')}`);
  }
  /** Types into the field; a date or time field through its picker (the stored form, 2026-11-20T09:30). */
  async fill(path: string, value: string) {
    const field = this.field(path);
    if (await isPicker(field)) await fillPicker(field, value);
    else await field.fill(value);
  }
  /** antd Select bound to `path`: open it and pick the option with this text. */
  async choose(path: string, text: string) {
    const id = `field-${path.replace(/\./g, '-')}`;
    const shows = () =>
      this.page.evaluate(
        ([i, t]) => document.getElementById(i)?.closest('.ant-select')?.textContent?.includes(t) ?? false,
        [id, text] as const,
      );
    for (let attempt = 0; attempt < 3 && !(await shows()); attempt++) {
      // By mouse; if the option is covered or the dropdown moves (a scroll while it opens), by
      // keyboard, as an officer could too: arrows to the option, Enter.
      await this.field(path).click({ force: true });
      const option = this.page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
        .first();
      const clicked = await option.click({ timeout: 3000 }).then(
        () => true,
        () => false,
      );
      if (!clicked) await this.chooseByKeyboard(path, text);
      await this.page
        .waitForFunction(
          ([i, t]) => document.getElementById(i)?.closest('.ant-select')?.textContent?.includes(t) ?? false,
          [id, text] as const,
          { timeout: 3000 },
        )
        .catch(() => undefined);
    }
    if (!(await shows())) throw new Error(`could not choose 「${text}」 in ${path}`);
  }
  /** A radio group bound to `path` (the 询问笔录's 笔录核对方式): click the option with this text. */
  async pick(path: string, text: string) {
    await this.page
      .locator(`#field-${path.replace(/\./g, '-')}`)
      .getByText(text, { exact: true })
      .click();
  }
  private async chooseByKeyboard(path: string, text: string) {
    await this.page.keyboard.press('Escape');
    await this.field(path).focus();
    await this.page.keyboard.press('ArrowDown');
    for (let i = 0; i < 40; i++) {
      const active = await this.page
        .locator('.ant-select-dropdown:visible .ant-select-item-option-active')
        .first()
        .textContent({ timeout: 2000 })
        .catch(() => null);
      if (active?.includes(text)) {
        await this.page.keyboard.press('Enter');
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
  }
  /** Waits until the completeness check shows nothing open; on timeout says what is still open. */
  async expectNoIssues() {
    try {
      await this.page.getByTestId('doc-issues-none').waitFor({ timeout: 15_000 });
    } catch {
      throw new Error(`completeness issues still open: ${await this.issueTexts()}`);
    }
  }
  issues = () => this.page.getByTestId('doc-issue');
  issueTexts = async () => (await this.issues().allInnerTexts()).join('\n');
  state = () => this.page.getByTestId('doc-state').innerText();
  async waitSaved() {
    await this.page.getByTestId('doc-saved').waitFor();
  }
  async markReady() {
    await this.page.getByTestId('doc-ready').click();
    await this.page.waitForFunction(
      () => document.querySelector('[data-testid="doc-state"]')?.textContent === '待签名',
    );
  }
  async open(type: 'inquiry' | 'onsite' | 'evidence' | 'preservation') {
    await this.page.getByTestId(`doc-new-${type}`).click();
    await this.page.getByTestId('doc-editor').waitFor();
  }
  async backToCase() {
    await this.page.getByText('返回案件').click();
    await this.page.getByTestId('case-detail').waitFor();
  }
}
