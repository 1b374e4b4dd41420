// Browser-side snippets see the page through PageView (this file is compiled without DOM types).
// inquiry-open-300: open a 300-pair 询问笔录 in the editor (click on the document → every row
// rendered with its text), in Chromium through the web shell. Reference: the same browser
// showing the same 600 texts as plain static textareas — the floor for that much editable text.
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { startShell } from '../tests/e2e/support/web-shell-process.ts';
import { dataFolderWithInquiry, longInquiryPairs } from './fixtures.ts';
import { openAsPair } from './browser-session.ts';
import { median, result, type Benchmark } from './harness.ts';

interface PageView {
  document: { querySelectorAll(s: string): { length: number }; querySelector(s: string): { value: string } | null };
  requestAnimationFrame(cb: () => void): void;
}

const PAIRS = 300;
const RUNS = 5;
const KEYS = 20;

export const inquiryOpen300: Benchmark = {
  name: 'inquiry-open-300',
  description: `open a ${PAIRS}-pair 询问笔录 in the editor (Chromium, web shell)`,
  async run() {
    const { dir } = await dataFolderWithInquiry(PAIRS);
    const shell = await startShell(dir);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      // The set-up device starts locked: the first officer unlocks it (which signs them in), the second signs in.
      await openAsPair(page, shell.url);
      await page.getByTestId('nav-cases').click(); // signed in, the app opens at 工作台
      await page.getByTestId('case-row').first().click();
      const times: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        await page.getByTestId('doc-row').first().waitFor();
        const t0 = performance.now();
        await page.getByTestId('doc-row').first().click();
        await page.waitForFunction((n) => {
          const d = (globalThis as unknown as PageView).document;
          return (
            d.querySelectorAll('[data-testid="qa-row"]').length === n &&
            !!d.querySelector(`#field-qa-${n - 1}-a`)?.value
          );
        }, PAIRS);
        times.push(performance.now() - t0);
        if (r < RUNS - 1) await page.getByText('返回案件').click();
      }
      // Typing into the last answer of the open 300-pair transcript: time per keystroke until the field shows it.
      const keystroke = async (selector: string) => {
        await page.locator(selector).click();
        const t0 = performance.now();
        for (let k = 0; k < KEYS; k++) await page.keyboard.type('审');
        await page.waitForFunction(
          ([sel, n]) =>
            ((globalThis as unknown as PageView).document.querySelector(sel)?.value.match(/审/g) ?? []).length >= n,
          [selector, KEYS] as const,
        );
        return (performance.now() - t0) / KEYS;
      };
      const typing = await keystroke(`#field-qa-${PAIRS - 1}-a`);
      // Reference: 600 static textareas with the same texts.
      const pairs = longInquiryPairs(PAIRS);
      const html = `<!doctype html><meta charset="utf-8"><body>${pairs.map((p) => `<div><textarea>${p.q}</textarea><textarea>${p.a}</textarea></div>`).join('')}</body>`;
      const ref: number[] = [];
      let refTyping = 0;
      for (let r = 0; r < RUNS; r++) {
        const t0 = performance.now();
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(
          () => new Promise((res) => (globalThis as unknown as PageView).requestAnimationFrame(() => res(null))),
        );
        ref.push(performance.now() - t0);
      }
      refTyping = await keystroke('body > div:last-child > textarea:last-child');
      return [
        result(
          'inquiry-open-300',
          'ms',
          median(times),
          `same ${PAIRS * 2} texts as static textareas in the same Chromium (median of ${RUNS})`,
          median(ref),
        ),
        result(
          'inquiry-keystroke-300',
          'ms per key',
          typing,
          `typing into a static textarea beside ${PAIRS * 2 - 1} others, same Chromium (${KEYS} keys)`,
          refTyping,
        ),
      ];
    } finally {
      await browser.close();
      await shell.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
