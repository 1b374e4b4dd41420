// The lock, as officers live it. 锁定 in the header replaces the whole app by the lock screen —
// nothing of the case stays in the page, and the core refuses every call — a wrong password is
// shown there, and an officer of the session unlocks back to where they were. On the 执法人员 page
// an officer changes their password (the old one then fails) and a third officer is 停用. A
// restart on the same data folder opens locked ('start'): the changed password unlocks, the old
// one and the removed officer's do not; the unlocking officer is signed in and the second signs in
// as usual. With 自动锁定时间 at one minute the app locks itself (WXZF_IDLE_UNIT_MS shortens the
// core's minute for the test); repeated wrong passwords then make everyone wait.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionPage } from './pages/app-page.ts';
import { LockPage, OfficersPage } from './pages/lock-page.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { callApi, createOrgCase, mustApi, openAppWithPair } from './support/app-api.ts';
import { startShell, type ShellProcess } from './support/web-shell-process.ts';

const AGENCY = '柳州市柳南区互联网信息办公室';
const A = { name: '李明', certNo: '45020019001', unit: AGENCY, password: 'field2026a' };
const B = { name: '王芳', certNo: '45020019002', unit: AGENCY, password: 'field2026b' };
const C = { name: '赵强', certNo: '45020019003', unit: AGENCY, password: 'field2026c' };
const A_NEW = 'newpass2026a';
const CASE_TITLE = '柳州市星河网络科技有限公司涉嫌未履行网络安全保护义务案';
/** The core's "minute" in the idle test: 5 minutes (the default) are 30 s, one minute 6 s. */
const IDLE_UNIT_MS = 6000;

let browser: Browser;
let shell: ShellProcess;
let page: Page;
let dataDir: string;
const lock = () => new LockPage(page);
const officersPage = () => new OfficersPage(page);

/** What the page holds, text and markup: nothing of a case may stay in it while locked. */
async function pageDom(): Promise<{ text: string; html: string }> {
  return page.evaluate(() => ({ text: document.body.innerText, html: document.body.innerHTML }));
}

async function expectNothingOfTheCase() {
  const dom = await pageDom();
  for (const secret of [CASE_TITLE, '星河', A.name, B.name]) {
    expect(dom.text, `"${secret}" in the locked page's text`).not.toContain(secret);
    expect(dom.html, `"${secret}" in the locked page's markup`).not.toContain(secret);
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-lock-'));
  browser = await launchBrowser();
  shell = await startShell(dataDir);
  const opened = await openAppWithPair(browser, shell.url, AGENCY, A, B);
  page = opened.page;
  const ids = opened.ids;
  await createOrgCase(page, ids);
});

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the lock', () => {
  it('锁定 replaces the app: nothing of the case stays in the page, the core refuses calls; B unlocks back to the case', async () => {
    // The case was made through the API after the list was shown: open the list afresh.
    await page.getByTestId('nav-catalog').click();
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('case-row').first().click();
    await page.getByTestId('case-detail').waitFor();
    expect((await pageDom()).text).toContain(CASE_TITLE);

    await lock().lockNow();
    await lock().screen().waitFor();
    await expect(lock().reasonKind()).resolves.toBe('manual');
    await expect(lock().reason().innerText()).resolves.toBe('已锁定。');
    await expect(lock().agency().innerText()).resolves.toBe(AGENCY);
    await screenshot(page, '40-lock-manual');
    await expectNothingOfTheCase();

    // The same transport as the app: the core itself refuses while locked.
    const r = await callApi(page, 'cases.list', {});
    expect(r.ok).toBe(false);
    expect(r.error?.kind).toBe('app_locked');

    await lock().unlock(B.certNo, 'wrongpass9');
    await expect(lock().error().innerText()).resolves.toMatch(/密码/);
    await expect(lock().screen().isVisible()).resolves.toBe(true);
    await screenshot(page, '41-lock-wrong-password');

    // B was signed in: the session carries on, and the app is back where it was.
    await lock().unlock(B.certNo, B.password);
    await lock().waitUnlocked();
    await page.getByTestId('case-detail').waitFor();
    expect((await pageDom()).text).toContain(CASE_TITLE);
    await expect(new SessionPage(page).pairTag().innerText()).resolves.toBe('双人在场');
    await expect(callApi(page, 'cases.list', {}).then((x) => x.ok)).resolves.toBe(true);
  });

  it('on the 执法人员 page A changes the password (old one then fails, new one works) and a third officer is 停用', async () => {
    await mustApi(page, 'officers.create', C);
    const o = officersPage();
    await o.open();
    await o.row(C.certNo).waitFor();
    await expect(o.idleCurrent().innerText()).resolves.toBe('5');
    await expect(o.recovery().innerText()).resolves.toBe('尚未登记到总部：如全部执法人员无法登录，数据将无法恢复。');
    await screenshot(page, '42-officers-security');

    // The confirmation is checked before anything is sent.
    await o.changePassword(A.certNo, A.password, A_NEW, 'newpass2026x');
    await expect(o.fieldError('password-new2').innerText()).resolves.toMatch(/两次输入的新密码不一致/);
    await screenshot(page, '43-officers-change-password');
    await page.getByTestId('password-new2').fill(A_NEW);
    await page.getByTestId('password-submit').click();
    await o.passwordDialog().waitFor({ state: 'detached' });

    // 停用 C: the dialog says what stays and what goes.
    await o.removeButton(C.certNo).click();
    await expect(o.removeDialog().innerText()).resolves.toMatch(/记录全部保留[\s\S]*密钥副本将被删除/);
    await screenshot(page, '44-officers-remove');
    await o.confirmRemove();
    await o.inactiveTag(C.certNo).waitFor();
    await expect(o.removeButton(C.certNo).count()).resolves.toBe(0);
    // Signed-in officers cannot be removed here: their row offers 修改密码 instead.
    await expect(o.removeButton(B.certNo).count()).resolves.toBe(0);

    // A signs out; the old password is refused, the new one signs A in.
    const session = new SessionPage(page);
    const slotOfA = (await session.slot(0).innerText()).includes(A.name) ? 0 : 1;
    await session.slot(slotOfA).getByTestId('signout').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="session-pair-tag"]')?.textContent?.includes('仅一人'),
    );
    await session.signIn(1, A.certNo, A.password);
    await expect(session.error(1).innerText()).resolves.toMatch(/密码不正确/);
    await page.getByTestId('signin-slot-1').last().getByTestId('signin-password').fill(A_NEW);
    await page.getByTestId('signin-slot-1').last().getByTestId('signin-submit').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="session-pair-tag"]')?.textContent?.includes('双人'),
    );
  });

  it('restarted on the same data folder the app opens locked; A unlocks with the new password and is signed in, B signs in as the second officer', async () => {
    await shell.stop();
    shell = await startShell(dataDir);
    await page.goto(shell.url);
    await lock().screen().waitFor();
    await expect(lock().reasonKind()).resolves.toBe('start');
    await expect(lock().reason().innerText()).resolves.toBe('本机数据已加密，请执法人员输入执法证号和密码解锁。');
    // (No agency name here: the core cannot read it before the database is unlocked.)
    await screenshot(page, '45-lock-start');
    await expectNothingOfTheCase();
    const r = await callApi(page, 'cases.list', {});
    expect(r.error?.kind).toBe('app_locked');

    // The removed officer's key copy is gone; A's old password no longer unwraps A's copy.
    await lock().unlock(C.certNo, C.password);
    await lock().error().waitFor();
    await lock().unlock(A.certNo, A.password);
    await expect(lock().error().innerText()).resolves.toMatch(/密码/);

    await lock().unlock(A.certNo, A_NEW);
    await lock().waitUnlocked();
    const session = new SessionPage(page);
    await expect(session.slot(0).getByTestId('signin-officer-name').innerText()).resolves.toBe(A.name);
    await expect(session.pairTag().innerText()).resolves.toMatch(/仅一人登录/);
    await session.slot(1).getByTestId('signin-submit').waitFor();
    await session.signIn(1, B.certNo, B.password);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="session-pair-tag"]')?.textContent?.includes('双人'),
    );
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('case-row').first().waitFor();
    expect((await pageDom()).text).toContain('星河资讯');
  });

  it('with 自动锁定时间 at one minute the app locks itself when nobody touches it', async () => {
    await shell.stop();
    shell = await startShell(dataDir, undefined, { WXZF_IDLE_UNIT_MS: String(IDLE_UNIT_MS) });
    await page.goto(shell.url);
    await lock().unlock(A.certNo, A_NEW);
    await lock().waitUnlocked();
    await new SessionPage(page).signIn(1, B.certNo, B.password);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="session-pair-tag"]')?.textContent?.includes('双人'),
    );
    const o = officersPage();
    await o.open();
    await o.setIdleMinutes(1);
    await expect(o.idleCurrent().innerText()).resolves.toBe('1');
    // Hands off: the core locks after a (shortened) minute; the app's status poll notices.
    await lock()
      .screen()
      .waitFor({ timeout: IDLE_UNIT_MS + 30_000 });
    await expect(lock().reasonKind()).resolves.toBe('idle');
    await expect(lock().reason().innerText()).resolves.toBe('因长时间无操作，本机已自动锁定。');
    await screenshot(page, '46-lock-idle');
    await expectNothingOfTheCase();
  });

  it('repeated wrong passwords make everyone wait: a countdown, 解锁 disabled', async () => {
    for (let i = 0; i < 10 && !(await lock().countdown().isVisible()); i++) {
      await lock().unlock(B.certNo, `wrongpass${i}`);
      await page.locator('[data-testid="lock-error"], [data-testid="lock-countdown"]').first().waitFor();
      // The status (with retryAfterSeconds) is fetched after each refusal.
      await page.waitForTimeout(300);
    }
    await lock().countdown().waitFor();
    await expect(lock().countdown().innerText()).resolves.toMatch(/请于 (\d+分)?\d+秒 后再试/);
    await expect(lock().submitButton().isDisabled()).resolves.toBe(true);
    await screenshot(page, '47-lock-countdown');
  });
});
