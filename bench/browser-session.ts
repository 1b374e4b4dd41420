// What the browser benchmarks do before measuring: open the web shell, unlock it as the first
// bench officer (which signs them in) and sign the second in, so the pair may edit and sign.
import type { Page } from 'playwright-core';
import { SessionPage } from '../tests/e2e/pages/app-page.ts';
import { LockPage } from '../tests/e2e/pages/lock-page.ts';
import { BENCH_OFFICERS } from './fixtures.ts';

interface PageView {
  document: { querySelectorAll(sel: string): { length: number } };
}

export async function openAsPair(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const [first, second] = BENCH_OFFICERS;
  const lock = new LockPage(page);
  await lock.screen().waitFor();
  await lock.unlock(first!.certNo, first!.password);
  await lock.waitUnlocked();
  await new SessionPage(page).signIn(1, second!.certNo, second!.password);
  await page.waitForFunction(
    () => (globalThis as unknown as PageView).document.querySelectorAll('[data-testid="signout"]').length === 2,
  );
}
