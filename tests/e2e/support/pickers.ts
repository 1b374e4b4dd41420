// The app's date and time fields are antd DatePickers (renderer/forms/time-pickers.tsx): an
// officer types the value (in the stored form 2026-11-20T09:30 or as shown, 2026年11月20日 09:30)
// and presses Enter, or picks it in the panel. Each picker sits in a wrapper carrying the stored
// value (data-value), which is what a test waits for.
import type { Locator } from 'playwright-core';

/** The picker's text input, from its own locator (the input) or its wrapper's (data-testid). */
async function inputOf(target: Locator): Promise<Locator> {
  // A cast, not the DOM type: tests/integration type-checks these helpers without the DOM library.
  const tag = await target.evaluate((e) => (e as unknown as { tagName: string }).tagName);
  return tag === 'INPUT' ? target : target.locator('input').first();
}

/** The wrapper holding the stored value. */
export const pickerValue = (input: Locator): Promise<string | null> =>
  input.locator('xpath=ancestor-or-self::*[@data-value][1]').getAttribute('data-value');

/** Types `value` (the stored form; '' clears) into a date or time picker and waits until the field holds it. */
export async function fillPicker(target: Locator, value: string): Promise<void> {
  const input = await inputOf(target);
  const holder = input.locator('xpath=ancestor::*[@data-value][1]');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (value === '') {
      // The clear button (allowClear) appears on hover.
      await input.hover();
      const clear = holder.locator('.ant-picker-clear');
      if (await clear.count()) await clear.click({ force: true });
    } else {
      await input.click();
      await input.fill(value);
      // Leaving the field takes the typed value; Enter would also submit a form around it (the
      // case form), so only when leaving did not (a second attempt).
      if (attempt === 0) await input.blur();
      else await input.press('Enter');
    }
    const ok = await holder
      .and(input.page().locator(`[data-value="${value}"]`))
      .waitFor({ timeout: 3000 })
      .then(
        () => true,
        () => false,
      );
    if (ok) break;
  }
  // Leave the field (a panel left open closes; not a click outside, which would close a modal).
  await input.blur();
  const got = await holder.getAttribute('data-value');
  if (got !== value) throw new Error(`the picker holds 「${got}」, not 「${value}」`);
}

/** Whether a locator is (or wraps) one of the app's pickers. */
export async function isPicker(target: Locator): Promise<boolean> {
  return target.evaluate((e) => {
    const el = e as unknown as { closest(s: string): unknown; querySelector(s: string): unknown };
    return Boolean(el.closest('.ant-picker') ?? el.querySelector('.ant-picker'));
  });
}
