// Page objects for the foundation journeys. They speak the user's language (set up, sign in,
// create a case) and hide selectors, so a layout change touches one place.
import type { Locator, Page } from 'playwright-core';
import { fillPicker, isPicker } from '../support/pickers.ts';

export interface OfficerData {
  name: string;
  certNo: string;
  unit: string;
  password: string;
}

export class SetupPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  form = () => this.page.getByTestId('setup-form');
  async fill(agency: string, officers: OfficerData[]) {
    await this.page.getByTestId('setup-agency').fill(agency);
    for (const [i, o] of officers.entries()) {
      await this.page.getByTestId(`setup-officer-${i}-name`).fill(o.name);
      await this.page.getByTestId(`setup-officer-${i}-cert`).fill(o.certNo);
      await this.page.getByTestId(`setup-officer-${i}-unit`).fill(o.unit);
      await this.page.getByTestId(`setup-officer-${i}-password`).fill(o.password);
      await this.page.getByTestId(`setup-officer-${i}-password2`).fill(o.password);
    }
  }
  submit = () => this.page.getByTestId('setup-submit').click();
}

export class SessionPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  slot = (i: 0 | 1): Locator => this.page.getByTestId(`signin-slot-${i}`).first();
  /**
   * Signs an officer in through slot i (opening the slot's form first if it is behind a button).
   * After a restart the app opens locked: there the officer signs in by unlocking it.
   */
  async signIn(i: 0 | 1, certNo: string, password: string) {
    await this.page.locator('[data-testid="lock-screen"], [data-testid="signin-slot-0"]').first().waitFor();
    if (await this.page.getByTestId('lock-screen').isVisible()) {
      await this.page.getByTestId('lock-cert').fill(certNo);
      await this.page.getByTestId('lock-password').fill(password);
      await this.page.getByTestId('lock-submit').click();
      await this.page.getByTestId('lock-screen').waitFor({ state: 'detached' });
      return;
    }
    const slot = this.slot(i);
    const cert = slot.getByTestId('signin-cert');
    if (!(await cert.isVisible())) await slot.getByTestId('signin-submit').click();
    const form = (await cert.isVisible()) ? slot : this.page.getByTestId(`signin-slot-${i}`).last();
    await form.getByTestId('signin-cert').fill(certNo);
    await form.getByTestId('signin-password').fill(password);
    await form.getByTestId('signin-submit').click();
  }
  error = (i: 0 | 1) => this.page.getByTestId(`signin-slot-${i}`).getByTestId('signin-error');
  pairTag = () => this.page.getByTestId('session-pair-tag');
}

export class CasesPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  newButton = () => this.page.getByTestId('case-new');
  rows = () => this.page.getByTestId('case-row');
  async search(text: string) {
    const box = this.page.getByTestId('case-search');
    // A cast, not the DOM type: tests/integration type-checks these page objects without the DOM library.
    const input =
      (await box.evaluate((el) => (el as unknown as { tagName: string }).tagName)) === 'INPUT'
        ? box
        : box.locator('input');
    await input.fill(text);
    await input.press('Enter');
  }
}

export class CaseFormPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  form = () => this.page.getByTestId('case-form');
  private input(testId: string): Locator {
    return this.page.getByTestId(testId);
  }
  async fillText(testId: string, value: string) {
    const el = this.input(testId);
    // A cast, not the DOM type: tests/integration type-checks these page objects without the DOM library.
    if (await isPicker(el)) return fillPicker(el, value);
    const tag = await el.evaluate((e) => (e as unknown as { tagName: string }).tagName);
    await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(value);
  }
  /** antd Select: open it, type to filter, pick the option whose text contains `text`. */
  async choose(testId: string, text: string) {
    const sel = this.input(testId);
    await sel.click();
    const search = sel.locator('input').first();
    // Only searchable selects accept typing; the others have a read-only input.
    if ((await search.count()) && (await search.isEditable())) await search.fill(text);
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  }
  /** The message shown next to a field (inside its Form.Item). */
  fieldError(testId: string): Locator {
    return this.page.locator('.ant-form-item', { has: this.input(testId) }).locator('.ant-form-item-explain-error');
  }
  submit = () => this.page.getByTestId('case-submit').click();
}
