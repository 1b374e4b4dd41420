// A signed document on a real core, for sealing tests: made, submitted, every slot signed with
// synthetic handwriting (officers with their passwords).
import { partySigner, syntheticSignature } from '../../scripts/demo-signatures.ts';
import type { DocumentType } from '../../shared/documents/document-types.ts';
import { OFFICER_A, OFFICER_B, type TestCore } from './core-fixture.ts';

export async function signedDocument(
  t: TestCore,
  caseId: string,
  type: DocumentType,
  content: object,
  officerIds: [string, string],
): Promise<string> {
  const d = await t.must('documents.create', { caseId, type });
  await t.must('documents.save', { id: d.id, revision: d.revision, content: content as Record<string, unknown> });
  await t.must('documents.markReady', { id: d.id });
  const { ceremonyId } = await t.must('signing.start', {
    documentId: d.id,
    recording: false,
    noRecordingReason: '测试：不录像',
    // The samples are of 2026-11-20: a test on the real clock signs them late (lateSignature).
    lateReason: '测试：示例文书的日期早于测试运行之日',
  });
  const state = await t.must('signing.state', { id: d.id });
  for (const [i, slot] of state.required.entries()) {
    const officer = slot.officerId === officerIds[0] ? OFFICER_A : slot.officerId === officerIds[1] ? OFFICER_B : null;
    const sig = syntheticSignature(officer?.name ?? '张𠮷㵘', i + 1);
    await t.must('signing.sign', {
      ceremonyId,
      slotId: slot.slotId,
      page: slot.page,
      ...partySigner(slot, officer?.name ?? (slot.signerName || '张𠮷㵘')),
      signerIdNumber: slot.role === '见证人' ? '45020319750306001X' : '',
      officerPassword: officer?.password ?? '',
      imagePngBase64: sig.png.toString('base64'),
      strokes: sig.strokes,
    });
  }
  await t.must('signing.end', { ceremonyId });
  return d.id;
}
