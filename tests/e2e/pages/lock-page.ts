// Page objects for the lock: the lock screen (and the header's 锁定), and the 执法人员 page with
// its password change, 停用 and the device's security settings.
import type { Locator, Page } from 'playwright-core';

export class LockPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  screen = () => this.page.getByTestId('lock-screen');
  /** The sentence saying why the app is locked. */
  reason = () => this.page.getByTestId('lock-reason');
  /** 'start' | 'idle' | 'sleep' | 'manual', as the lock screen was told. */
  reasonKind = () => this.screen().getAttribute('data-reason');
  agency = () => this.page.getByTestId('lock-agency');
  error = () => this.page.getByTestId('lock-error');
  countdown = () => this.page.getByTestId('lock-countdown');
  submitButton = () => this.page.getByTestId('lock-submit');
  /** The header's 锁定 button. */
  lockNow = () => this.page.getByTestId('lock-now').click();
  async unlock(certNo: string, password: string) {
    await this.page.getByTestId('lock-cert').fill(certNo);
    await this.page.getByTestId('lock-password').fill(password);
    await this.submitButton().click();
  }
  /** Waits until the lock screen is gone and the work area (its navigation) is back. */
  async waitUnlocked() {
    await this.screen().waitFor({ state: 'detached' });
    await this.page.getByTestId('nav-cases').waitFor();
  }
}

export class OfficersPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async open() {
    await this.page.getByTestId('nav-officers').click();
    await this.page.getByTestId('officer-row').first().waitFor();
    await this.page.getByTestId('security-card').waitFor();
  }
  row = (certNo: string): Locator => this.page.locator(`[data-testid="officer-row"][data-cert="${certNo}"]`);
  /** Opens 修改密码 on the officer's row and submits old, new and the confirmation. */
  async changePassword(certNo: string, oldPassword: string, newPassword: string, confirm = newPassword) {
    await this.row(certNo).getByTestId('officer-change-password').click();
    await this.page.getByTestId('password-old').fill(oldPassword);
    await this.page.getByTestId('password-new').fill(newPassword);
    await this.page.getByTestId('password-new2').fill(confirm);
    await this.page.getByTestId('password-submit').click();
  }
  passwordDialog = () => this.page.getByTestId('password-form');
  passwordError = () => this.page.getByTestId('password-error');
  /** The message shown under a field of the password dialog. */
  fieldError(testId: string): Locator {
    return this.page
      .locator('.ant-form-item', { has: this.page.getByTestId(testId) })
      .locator('.ant-form-item-explain-error');
  }
  /** The row's 停用 tag: the officer is no longer active. */
  inactiveTag = (certNo: string) => this.row(certNo).getByTestId('officer-inactive');
  removeButton = (certNo: string) => this.row(certNo).getByTestId('officer-remove');
  removeDialog = () => this.page.getByTestId('officer-remove-dialog');
  confirmRemove = () => this.page.getByTestId('officer-remove-confirm').click();
  private async idleInput(): Promise<Locator> {
    const el = this.page.getByTestId('idle-minutes');
    // A cast, not the DOM type: tests/integration type-checks these page objects without the DOM library.
    return (await el.evaluate((e) => (e as unknown as { tagName: string }).tagName)) === 'INPUT'
      ? el
      : el.locator('input');
  }
  idleCurrent = () => this.page.getByTestId('idle-current');
  async setIdleMinutes(minutes: number) {
    await (await this.idleInput()).fill(String(minutes));
    await this.page.getByTestId('idle-save').click();
    await this.page.getByTestId('idle-saved').waitFor();
  }
  recovery = () => this.page.getByTestId('hq-recovery');
}
