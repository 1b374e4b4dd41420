// The case context a document prints (agency, case number and title, party, matter) is copied into
// it at 待签名 (migration 016): renaming the case's matter after that changes neither what is
// signed nor a sealed document's PDF (byte for byte); a draft, and a document unlocked back to
// 草稿, print the case as it is now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoInquiry } from '../../scripts/demo-documents.ts';
import {
  FixedClock,
  makeCore,
  OFFICER_A,
  OFFICER_B,
  orgCaseInput,
  setUpPair,
  type TestCore,
} from '../support/core-fixture.ts';
import { signedDocument } from '../support/signing-fixture.ts';

let t: TestCore;
let caseId = '';
let ids: [string, string];
let matters: { id: string; name: string }[] = [];

beforeAll(async () => {
  t = makeCore({ clock: new FixedClock('2026-11-27T03:00:00.000Z'), fastPasswords: true });
  await setUpPair(t);
  ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
  matters = [
    (await t.must('catalog.search', { query: '网络安全保护义务' })).items[0]!,
    (await t.must('catalog.search', { query: '个人信息' })).items[0]!,
  ];
  caseId = (await t.must('cases.create', orgCaseInput(ids, matters[0]!.id))).id;
});
afterAll(() => t.dispose());

const rename = async (matterId: string, title: string) =>
  t.must('cases.update', { id: caseId, data: orgCaseInput(ids, matterId, { title }) } as never);

describe('the case context a document prints is frozen at 待签名', () => {
  it('a signed document seals and prints as signed after the matter was changed; its PDF never changes', async () => {
    expect(matters[0]!.name).not.toBe(matters[1]!.name);
    const id = await signedDocument(t, caseId, 'inquiry', demoInquiry(ids[0], ids[1]), ids);
    await rename(matters[1]!.id, '改名后的案件名称');
    // Before the copy the printed text changed with the case and sealing refused 「文书内容与签名时不一致」.
    await t.must('seals.seal', { documentId: id, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
    const doc = await t.must('documents.get', { id });
    expect(doc.context).toMatchObject({ matterName: matters[0]!.name, matterId: matters[0]!.id });
    expect(doc.context.caseTitle).not.toBe('改名后的案件名称');
    const before = (await t.must('documents.pdf', { id })).base64;
    await rename(matters[0]!.id, '再次改名');
    await rename(matters[1]!.id, '第三次改名');
    expect((await t.must('documents.pdf', { id })).base64).toBe(before);
  });

  it('a draft prints the case as it is; unlocked back to 草稿, a document takes the case as it is again', async () => {
    const d = await t.must('documents.create', { caseId, type: 'inquiry' });
    await t.must('documents.save', {
      id: d.id,
      revision: d.revision,
      // A later inquiry (the same officers cannot be in two at once).
      content: { ...demoInquiry(ids[0], ids[1]), startTime: '2026-11-21T09:30', endTime: '2026-11-21T10:45' },
    });
    // The first test left the case on the second matter.
    expect((await t.must('documents.get', { id: d.id })).context.matterName).toBe(matters[1]!.name);
    await t.must('documents.markReady', { id: d.id });
    await rename(matters[0]!.id, '待签名后改名');
    const ready = await t.must('documents.get', { id: d.id });
    expect(ready.context).toMatchObject({ matterName: matters[1]!.name, caseTitle: '第三次改名' });
    // Editing unlocks it (草稿): the copy is dropped, the live case prints.
    await t.must('documents.save', {
      id: d.id,
      revision: ready.revision,
      content: ready.content,
    });
    const draft = await t.must('documents.get', { id: d.id });
    expect(draft.state).toBe('draft');
    expect(draft.context).toMatchObject({ matterName: matters[0]!.name, caseTitle: '待签名后改名' });
  });
});
