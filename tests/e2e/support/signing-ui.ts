// The signing screen's steps as an officer takes them, shared by the journeys that sign through
// the UI (signing.e2e, signing-how.e2e, case-walk.e2e): open a document from the case page, start
// the sitting, draw on the pad, sign a slot, record a refusal, seal.
import type { Page } from 'playwright-core';
import { callApi } from './app-api.ts';
import { screenshot } from './browser.ts';

/** Opens the document from the case page (after a reload: documents made through the API show). */
export async function openDocument(page: Page, caseId: string, id: string): Promise<void> {
  await page.reload();
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-row').first().click();
  await page.getByTestId('case-detail').waitFor();
  const rows = page.getByTestId('doc-row');
  await rows.first().waitFor();
  const docs = (await callApi(page, 'documents.list', { caseId })) as unknown as { value: { id: string }[] };
  await rows.nth(docs.value.findIndex((d) => d.id === id)).click();
  await page.getByTestId('doc-editor').waitFor();
}

/**
 * Starts (or resumes) the sitting. The web shell runs on the real clock and the sample records are
 * of 2026-11-20: signing them today is late (the case timeline's lateSignature), so the reason is
 * given first — as an officer must when the screen asks for it. `withoutRecording` switches the
 * recording off with that reason before starting.
 */
export async function startSitting(
  page: Page,
  opts: { button?: 'signing-start' | 'signing-resume'; withoutRecording?: string } = {},
): Promise<void> {
  const button = opts.button ?? 'signing-start';
  await page.getByTestId(button).waitFor();
  const late = page.getByTestId('late-reason');
  if (await late.count()) await late.fill('当事人当日拒绝到场，次日到办公室核对后签名');
  if (opts.withoutRecording !== undefined) {
    await page.getByTestId('record-toggle').click();
    await page.getByTestId('no-record-reason').fill(opts.withoutRecording);
  }
  await page.getByTestId(button).click();
}

/**
 * A few strokes with the mouse on the signature pad, once the dialog has finished opening; `points`
 * per stroke (fewer: a quicker scrawl, for journeys that sign many slots).
 */
export async function draw(page: Page, seed: number, points = 10): Promise<void> {
  await page.waitForFunction(
    () =>
      document.getAnimations().length === 0 &&
      ((document.querySelector('[data-testid="signature-pad"]') as HTMLCanvasElement | null)?.width ?? 0) > 0,
  );
  const box = (await page.getByTestId('signature-pad').boundingBox())!;
  for (let s = 0; s < 3; s++) {
    await page.mouse.move(box.x + 60 + s * 120, box.y + 60 + ((seed * 13) % 40));
    await page.mouse.down();
    for (let i = 1; i <= points; i++) {
      const x = (i * 90) / points;
      await page.mouse.move(box.x + 60 + s * 120 + x, box.y + 60 + Math.sin(i + seed) * 40 + (x * 5) / 9, { steps: 2 });
    }
    await page.mouse.up();
  }
  await page.waitForFunction(
    () => !(document.querySelector('[data-testid="sign-confirm"]') as HTMLButtonElement | null)?.disabled,
  );
}

/**
 * Signs a slot (`slotId@page`, or `slotId@end`) by hand on the pad: an officer with their password,
 * anyone else with their name (a witness also with an identity number).
 */
export async function signSlot(
  page: Page,
  slotKey: string,
  opts: { password?: string; name?: string; idNumber?: string; points?: number } = {},
): Promise<void> {
  await page.getByTestId(`sign-${slotKey}`).click();
  await page.getByTestId('signature-pad').waitFor();
  if (opts.password) await page.getByTestId('sign-password').fill(opts.password);
  if (opts.name) await page.getByTestId('sign-name').fill(opts.name);
  if (opts.idNumber) await page.getByTestId('sign-id').fill(opts.idNumber);
  await draw(page, slotKey.length, opts.points);
  await page.getByTestId('sign-confirm').click();
  await page.getByTestId('signature-pad').waitFor({ state: 'detached' });
}

/** Fills in and confirms a refusal on the slot with both officers' passwords, without waiting for the outcome. */
export async function submitRefusal(
  page: Page,
  slotKey: string,
  reason: string,
  passwords: readonly [string, string],
  /**
   * For an organisation's slot: who refused for it (name, position, authority as the dialog's radio
   * label); `shot` names a screenshot of the filled dialog.
   */
  forOrganisation?: { name: string; role: string; authority: string; shot?: string },
): Promise<void> {
  await page.getByTestId(`resolve-${slotKey}`).click();
  if (forOrganisation) {
    await page.getByTestId('resolve-name').fill(forOrganisation.name);
    await page.getByTestId('resolve-role').fill(forOrganisation.role);
    await page.getByTestId('resolve-authority').getByText(forOrganisation.authority, { exact: true }).click();
  }
  await page.getByTestId('resolve-reason').fill(reason);
  if (forOrganisation?.shot) await screenshot(page, forOrganisation.shot);
  await page.getByTestId('resolve-pw-0').fill(passwords[0]);
  await page.getByTestId('resolve-pw-1').fill(passwords[1]);
  await page.getByTestId('resolve-confirm').click();
}

/** Records a refusal on the slot, confirmed by both officers with their passwords. */
export async function refuseSlot(
  page: Page,
  slotKey: string,
  reason: string,
  passwords: readonly [string, string],
  forOrganisation?: { name: string; role: string; authority: string; shot?: string },
): Promise<void> {
  await submitRefusal(page, slotKey, reason, passwords, forOrganisation);
  await page.getByTestId('slot-resolved').first().waitFor();
}

/** Seals the open (signed) document with both officers' passwords and waits for 已封存. */
export async function sealDocument(page: Page, passwords: readonly [string, string]): Promise<void> {
  await page.getByTestId('doc-seal').click();
  await page.getByTestId('seal-pw-0').fill(passwords[0]);
  await page.getByTestId('seal-pw-1').fill(passwords[1]);
  await page.getByTestId('seal-confirm').click();
  await page.getByTestId('seal-details').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="doc-state"]')?.textContent === '已封存');
}
