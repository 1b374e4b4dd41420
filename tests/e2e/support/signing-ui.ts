// The signing screen's steps as an officer takes them, shared by the journeys that sign through
// the UI (signing.e2e, signing-how.e2e): open a document from the case page, start the sitting.
import type { Page } from 'playwright-core';
import { callApi } from './app-api.ts';

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
