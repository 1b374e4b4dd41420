// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../../../scripts/build.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `lang`: the browser's (the operating system's) language; the app is in Chinese whatever it is. */
export function launchBrowser(lang = 'zh-CN'): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // A UTF-8 locale, as an officer's desktop has: without one (CI's bare environment) Chromium
    // cannot name a download 网信案询〔2026〕0001号-询问笔录.pdf and calls it "download".
    env: { ...process.env, LANG: process.env.LANG?.includes('UTF-8') ? process.env.LANG : 'C.UTF-8' },
    args: [
      ...[
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        `--lang=${lang}`,
      ],
      // A synthetic camera and microphone, granted without a prompt: the signing ceremony records.
      ...['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    ],
  });
}

export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

/** Saves a full-page screenshot as a test artifact: test-results/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Let drawers and modals finish their transitions, so the picture shows what a user sees.
  // Typed through a minimal view of the page (this module is also compiled without DOM types;
  // string expressions would be refused by the app's CSP, which forbids eval).
  await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { getAnimations(): { finished: Promise<unknown> }[] } }).document;
    return Promise.all(doc.getAnimations().map((a) => a.finished.catch(() => undefined)));
  });
  // The header is sticky: scrolled down, a full-page picture would paint it mid-page. The whole
  // page is in the picture anyway, so take it from the top.
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
