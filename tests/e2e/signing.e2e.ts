// Signing through the UI, in Chromium with a synthetic camera and microphone: a two-page 询问笔录
// reviewed as printed and signed while recording (the interviewee on every page and at the end,
// both officers with their passwords), the recording stored as evidence and linked; a refusal on a
// 现场笔录 backed by the witness's signature; 继续签名 after a reload, the refusal made before the
// new recording voided and listed to redo; a signed document edited after confirmation, its
// signatures discarded.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.ts';
import { demoInquiry, demoOnsite, demoPreservation } from '../../scripts/demo-documents.ts';
import { residentIdCheckChar } from '../../shared/validation/resident-id.ts';
import { DocumentPage } from './pages/document-page.ts';
import {
  callApi,
  createOrgCase,
  readyDocument as readyDoc,
  openAppWithPair,
  signThroughApi,
} from './support/app-api.ts';
import {
  draw as drawOnPad,
  openDocument as openDoc,
  refuseSlot as refuse,
  sealDocument,
  signSlot as signOnPad,
  startSitting as startSit,
} from './support/signing-ui.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startShell, type ShellProcess } from './support/web-shell-process.ts';

const AGENCY = '柳州市柳南区互联网信息办公室';
const A = { name: '李明', certNo: '45020019001', unit: AGENCY, password: 'field2026a' };
const B = { name: '王芳', certNo: '45020019002', unit: AGENCY, password: 'field2026b' };
const WITNESS_ID = '45020319900101001' + residentIdCheckChar('45020319900101001');

let browser: Browser;
let shell: ShellProcess;
let page: Page;
let dataDir: string;
let caseId: string;
let ids: [string, string];
let inquiryId: string;

const api = (name: string, arg: unknown) => callApi(page, name, arg);
const readyDocument = (type: string, content: object) => readyDoc(page, caseId, type, content);

const openDocument = (id: string) => openDoc(page, caseId, id);
const startSitting = (button: 'signing-start' | 'signing-resume' = 'signing-start') => startSit(page, { button });

/** What the record says when the party refuses to sign (a record saying 「属实」 could not be refused). */
const REFUSED = '当事人对检查结果有异议，拒绝签名。';

const PASSWORDS = [A.password, B.password] as const;
const draw = (seed: number) => drawOnPad(page, seed);
const signSlot = (slotKey: string, opts: { password?: string; name?: string; idNumber?: string } = {}) =>
  signOnPad(page, slotKey, opts);
/** Records a refusal on the slot, confirmed by both officers with their passwords. */
const refuseSlot = (slotKey: string, reason: string) => refuse(page, slotKey, reason, PASSWORDS);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-signing-'));
  browser = await launchBrowser();
  shell = await startShell(dataDir);
  ({ page, ids } = await openAppWithPair(browser, shell.url, AGENCY, A, B, 1000));
  caseId = await createOrgCase(page, ids);
});
afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('signing', () => {
  it('a two-page 询问笔录 reviewed as printed and signed while recording; the recording becomes linked evidence', async () => {
    inquiryId = await readyDocument('inquiry', demoInquiry(ids[0], ids[1]));
    await openDocument(inquiryId);
    await page.getByTestId('doc-sign').click();
    await page.getByTestId('signing-view').waitFor();
    await expect(page.getByTestId('page-of').innerText()).resolves.toMatch(/第 1 页 共 2 页/);
    // The review page shows the same lines as the PDF page (same pagination).
    await expect(page.getByTestId('review-page').innerText()).resolves.toContain('询 问 笔 录'.replace(/ /g, ''));
    await startSitting();
    await page.getByTestId('record-preview').waitFor();
    await signSlot('interviewee@1', { name: '张𠮷㵘' });
    await page.getByTestId('slot-signature').first().waitFor();
    await screenshot(page, '20-signing-page1');
    await page.getByTestId('page-next').click();
    await signSlot('interviewee@2', { name: '张𠮷㵘' });
    await signSlot('interviewee@end', { name: '张𠮷㵘' });
    // An officer signs only with their own password.
    await page.getByTestId('sign-inquirer@end').click();
    await page.getByTestId('sign-password').fill(B.password);
    await draw(3);
    await page.getByTestId('sign-confirm').click();
    await expect(page.getByTestId('sign-error').innerText()).resolves.toMatch(/密码不正确/);
    await page.getByTestId('sign-password').fill(A.password);
    await page.getByTestId('sign-confirm').click();
    await page.getByTestId('signature-pad').waitFor({ state: 'detached' });
    await signSlot('recorder@end', { password: B.password });
    await expect(page.getByTestId('signing-state').innerText()).resolves.toBe('已签名');
    await screenshot(page, '21-signing-done');
    await page.getByTestId('signing-finish').click();
    await page.getByText('录像已作为电子数据保存').waitFor();
    const state = (await api('signing.state', { id: inquiryId })) as unknown as {
      value: { signatures: { recordingEvidenceId: string | null; pageCount: number }[] };
    };
    expect(state.value.signatures).toHaveLength(5);
    const rec = state.value.signatures[0]!.recordingEvidenceId;
    expect(rec).toBeTruthy();
    expect(state.value.signatures.every((s) => s.recordingEvidenceId === rec && s.pageCount === 2)).toBe(true);
    const evidence = (await api('evidence.list', { caseId })) as unknown as {
      value: { id: string; fileName: string; sizeBytes: number; sha256: string }[];
    };
    const video = evidence.value.find((e) => e.id === rec)!;
    expect(video.fileName).toMatch(/^签名过程录像-.*\.webm$/);
    expect(video.sizeBytes).toBeGreaterThan(1000);
  });

  it('a refusal on a 现场笔录, confirmed by both officers and backed by the witness', async () => {
    const evidenceDoc = await api('documents.create', { caseId, type: 'evidence' });
    const onsiteId = await readyDocument('onsite', {
      ...demoOnsite(ids, ids[1], evidenceDoc.value.id),
      confirmation: REFUSED,
      witness: {
        name: '赵见证',
        idType: '居民身份证',
        idNumber: WITNESS_ID,
        unit: '大厦物业',
        role: '物业经理',
        phone: '',
      },
    });
    await openDocument(onsiteId);
    await page.getByTestId('doc-sign').click();
    await page.getByTestId('record-toggle').click();
    await page.getByTestId('no-record-reason').fill('当事人拒绝录像，由见证人在场见证');
    await startSitting();
    while (await page.getByTestId('page-next').isEnabled()) await page.getByTestId('page-next').click();
    await signSlot('witness@end', { name: '赵见证', idNumber: WITNESS_ID });
    await refuseSlot('party@end', '当事人以不认可检查结果为由拒绝签名');
    await expect(page.getByTestId('slot-resolved').first().innerText()).resolves.toContain('拒绝签名');
    await screenshot(page, '22-signing-refusal');
    const state = (await api('signing.state', { id: onsiteId })) as unknown as {
      value: {
        signatures: { slotId: string; status: string; confirmedBy: string[]; witnessSignatureId: string | null }[];
      };
    };
    const party = state.value.signatures.find((s) => s.slotId === 'party' && s.status === 'refused')!;
    expect(party.confirmedBy).toEqual(ids);
    expect(party.witnessSignatureId).toBeTruthy();
    await page.getByTestId('signing-finish').click();
  });

  it('继续签名 after a reload: the refusal made before the new recording is voided and listed to redo; signatures made before stay', async () => {
    const evidenceDoc = await api('documents.create', { caseId, type: 'evidence' });
    // No witness: the recording must back a refusal. In the afternoon: the morning's inspection
    // (the test before) has the same officers, who cannot be in two inspections at once.
    const onsiteId = await readyDocument('onsite', {
      ...demoOnsite(ids, ids[1], evidenceDoc.value.id),
      startTime: '2026-11-20T13:00',
      endTime: '2026-11-20T13:35',
      confirmation: REFUSED,
    });
    await openDocument(onsiteId);
    await page.getByTestId('doc-sign').click();
    await startSitting();
    await page.getByTestId('record-preview').waitFor();
    while (await page.getByTestId('page-next').isEnabled()) await page.getByTestId('page-next').click();
    await signSlot('recorder@end', { password: B.password });
    await refuseSlot('party@end', '当事人以不认可检查结果为由拒绝签名');
    // The page is reloaded mid-sitting: the recording is lost, the sitting is still open.
    await openDocument(onsiteId);
    await page.getByTestId('doc-sign').click();
    await page.getByTestId('signing-orphan').waitFor();
    await startSitting('signing-resume');
    await page.getByTestId('record-preview').waitFor();
    await expect(page.getByTestId('signing-redo').innerText()).resolves.toMatch(
      /须重新记录拒签\/缺席：当事人[\s\S]*现在的录像在其后才开始/,
    );
    await screenshot(page, '22b-signing-continued');
    while (await page.getByTestId('page-next').isEnabled()) await page.getByTestId('page-next').click();
    await page.getByTestId('resolve-party@end').waitFor(); // to be done again
    const state = (await api('signing.state', { id: onsiteId })) as unknown as {
      value: { signatures: { slotId: string; status: string; ceremonyId: string }[]; activeCeremonyId: string };
    };
    expect(state.value.signatures.some((s) => s.slotId === 'party')).toBe(false);
    expect(state.value.signatures.find((s) => s.slotId === 'recorder')).toMatchObject({ status: 'signed' });
    expect(state.value.signatures.find((s) => s.slotId === 'recorder')!.ceremonyId).not.toBe(
      state.value.activeCeremonyId,
    );
    await page.getByTestId('signing-finish').click();
    await page.getByText('录像已作为电子数据保存').waitFor();
    const after = (await api('signing.state', { id: onsiteId })) as unknown as {
      value: { state: string; signatures: { slotId: string; recordingEvidenceId: string | null }[] };
    };
    expect(after.value.state).toBe('ready');
    expect(after.value.signatures.find((s) => s.slotId === 'recorder')!.recordingEvidenceId).toBeNull(); // not linked to a recording begun after it
  });

  it('a signed document is sealed by both officers, then read-only; the app and npm run verify find everything intact', async () => {
    // Approved and taken at 11:00 and 11:10, between the inquiry and the afternoon's inspection.
    const p = demoPreservation(ids);
    const docId = await readyDocument('preservation', {
      ...p,
      approval: { ...p.approval, at: '2026-11-20T11:00' },
      startAt: '2026-11-20T11:10',
    });
    // Signed through the API (the UI path is covered above), with synthetic handwriting.
    await signThroughApi(page, docId, [
      { ...A, id: ids[0] },
      { ...B, id: ids[1] },
    ]);
    // The inspection that took the measure records it (the case timeline refuses to seal it otherwise).
    const on = (await api('documents.create', { caseId, type: 'onsite' })) as unknown as {
      value: { id: string; revision: number };
    };
    await api('documents.save', {
      id: on.value.id,
      revision: on.value.revision,
      content: {
        ...demoOnsite(ids, ids[1], ''),
        startTime: '2026-11-20T10:55',
        endTime: '2026-11-20T11:30',
        measures: [
          { id: 'm1', kind: '先行登记保存', description: '先行登记保存移动硬盘等2件。', linkedDocumentId: docId },
        ],
      },
    });
    await openDocument(docId);
    await page.getByTestId('doc-seal').click();
    await page.getByTestId('seal-pw-0').fill(A.password);
    await page.getByTestId('seal-pw-1').fill('wrong');
    await page.getByTestId('seal-confirm').click();
    await expect(page.getByTestId('seal-error').innerText()).resolves.toMatch(/密码不正确/);
    await page.getByTestId('seal-pw-1').fill(B.password);
    await page.getByTestId('seal-confirm').click();
    await page.getByTestId('seal-details').waitFor();
    await expect(page.getByTestId('doc-state').innerText()).resolves.toBe('已封存');
    // The seal's details: who sealed, on which device, and the time bound (no HQ time before enrollment).
    await expect(page.getByTestId('seal-officers').innerText()).resolves.toContain(A.certNo);
    await expect(page.getByTestId('seal-officers').innerText()).resolves.toContain(B.certNo);
    await expect(page.getByTestId('seal-device').innerText()).resolves.toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByTestId('seal-time-bound').innerText()).resolves.toMatch(/本机时钟.*尚未收到总部签名时间/);
    // Read-only: the fields cannot be edited, and the API refuses too.
    await expect(page.locator('#field-place').isEditable()).resolves.toBe(false);
    await page.getByTestId('seal-verify').click();
    await expect(page.getByTestId('verify-conclusion').innerText()).resolves.toBe('核验结论：全部通过。');
    await screenshot(page, '23-sealed');
    await page.keyboard.press('Escape');
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'verify.ts'), dataDir, '--cert-no', A.certNo], {
      encoding: 'utf8',
      input: `${A.password}\n`,
    });
    expect(out).toContain('核验结论：全部通过。');
    // 补正: a new document naming the sealed one; the original stays sealed and says 已补正.
    await page.getByTestId('seal-correct').click();
    await page.getByTestId('correct-reason').fill('物品状态记录有误');
    await page.getByTestId('correct-confirm').click();
    await page.getByTestId('corrects').waitFor();
    await expect(page.getByTestId('corrects').innerText()).resolves.toMatch(/的补正，原因：物品状态记录有误/);
    await expect(page.getByTestId('doc-state').innerText()).resolves.toBe('草稿');
    await screenshot(page, '24-correction');
    await page.getByText('打开原文书').click();
    await page.getByTestId('corrected-by').waitFor();
    await expect(page.getByTestId('doc-state').innerText()).resolves.toBe('已封存');
    // The sealed bundle, exported from the case and verified on its own.
    await page.getByText('返回案件').click();
    await page.getByTestId('bundle-export').click();
    const bundle = await page.getByTestId('bundle-path').innerText();
    expect(bundle).toMatch(/封存包-\d+\.tar$/);
    // Every check passes, but this device never enrolled with HQ: nothing ties its keys to an
    // office, so the verdict is never 全部通过 (exit 3; docs/SEAL-FORMAT.md, the trust chain).
    const checked = spawnSync(process.execPath, [join(ROOT, 'scripts', 'verify.ts'), bundle], { encoding: 'utf8' });
    expect(checked.status, checked.stdout).toBe(3);
    expect(checked.stdout).toContain('核验结论：其余各项核验通过，但包中没有总部证书');
    await screenshot(page, '25-bundle');
    // …and in the app: the same checks, the report in Chinese.
    await page.getByTestId('bundle-verify-exported').click();
    await expect(page.getByTestId('verify-conclusion').innerText()).resolves.toMatch(
      /^核验结论：其余各项核验通过，但包中没有总部证书，无法证明这些签名密钥属于哪个网信办/,
    );
    await expect(page.getByTestId('verify-check').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/通过\s*封存与审计日志对照/)]),
    );
    await screenshot(page, '25b-bundle-verified');
  });

  it('editing a signed document asks first, then discards its signatures', async () => {
    await openDocument(inquiryId);
    await expect(page.getByTestId('doc-state').innerText()).resolves.toBe('已签名');
    await page.getByTestId('doc-unlock').click();
    await page.getByTestId('unlock-confirm').click();
    await page.locator('#field-place').fill('星河大厦8楼第二会议室');
    await page.getByTestId('doc-saved').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="doc-state"]')?.textContent === '草稿');
    const state = (await api('signing.state', { id: inquiryId })) as unknown as { value: { signatures: unknown[] } };
    expect(state.value.signatures).toHaveLength(0);
  });

  it('责令改正通知书, 先行登记保存物品处理决定书 and 送达回证: made and filled in the editor, signed, sealed; the sealed decision closes the preservation', async () => {
    const d = new DocumentPage(page);
    const seal = async () => {
      await sealDocument(page, PASSWORDS);
      await expect(page.getByTestId('doc-state').innerText()).resolves.toBe('已封存');
    };
    /** Signs the open document through the API, shows it again and seals it in the editor. */
    const signAndSeal = async (id: string) => {
      await signThroughApi(page, id, [
        { ...A, id: ids[0] },
        { ...B, id: ids[1] },
      ]);
      await openDocument(id);
      await seal();
    };
    const newDocument = async (type: string) => {
      await page.reload();
      await page.getByTestId('nav-cases').click();
      await page.getByTestId('case-row').first().click();
      await page.getByTestId('case-detail').waitFor();
      const before = ((await api('documents.list', { caseId })) as unknown as { value: { id: string }[] }).value;
      await page.getByTestId(`doc-new-${type}`).click();
      await page.getByTestId('doc-editor').waitFor();
      const after = ((await api('documents.list', { caseId })) as unknown as { value: { id: string }[] }).value;
      return after.find((x) => !before.some((b) => b.id === x.id))!.id;
    };

    // 责令（限期）改正通知书: the law in force at the conduct (2026-10-12) is there when it is made.
    const orderId = await newDocument('rectification');
    await expect(page.getByTestId('rectification-law').innerText()).resolves.toMatch(
      /第六十一条[\s\S]*由有关主管部门责令改正/,
    );
    await d.fill('facts', '2026年11月20日现场检查查明，你单位网络日志仅留存7天。');
    await d.fill('violation', '你单位的上述行为违反了《中华人民共和国网络安全法》第二十三条第（三）项的规定。');
    await page.getByTestId('rectification-corrections-add').click();
    await d.fill('corrections.0.text', '按照规定留存网络日志不少于六个月。');
    await d.fill('deadline.days', '15');
    await d.choose('deadline.unit', '日');
    await d.fill('deadline.from', '2026-11-20');
    // Made on the day of the inspection (it is served then: the 送达回证 below; servedBeforeMade).
    await d.fill('issueDate', '2026-11-20');
    // The last day as the calendar gives it (11-20 + 15 days = Saturday 12-05 → Monday 12-07), written in on request.
    await expect(page.getByTestId('rectification-computed-end').innerText()).resolves.toContain('2026年12月7日');
    await page.getByTestId('rectification-use-end').click();
    await d.expectNoIssues();
    await d.waitSaved();
    await d.markReady();
    await screenshot(page, '26-rectification');
    await signAndSeal(orderId);

    // 先行登记保存物品处理决定书: the 清单 chosen from the case brings its items; one decision for all.
    // Taken in an afternoon inspection of its own, which records it (the morning is the inquiry's).
    const kept = demoPreservation(ids);
    const keptId = await readyDocument('preservation', {
      ...kept,
      approval: { ...kept.approval, at: '2026-11-20T14:10' },
      startAt: '2026-11-20T14:20',
    });
    const on = (await api('documents.create', { caseId, type: 'onsite' })) as unknown as {
      value: { id: string; revision: number };
    };
    await api('documents.save', {
      id: on.value.id,
      revision: on.value.revision,
      content: {
        ...demoOnsite(ids, ids[1], ''),
        startTime: '2026-11-20T14:00',
        endTime: '2026-11-20T14:40',
        measures: [
          { id: 'm1', kind: '先行登记保存', description: '先行登记保存移动硬盘等2件。', linkedDocumentId: keptId },
        ],
      },
    });
    await signThroughApi(page, keptId, [
      { ...A, id: ids[0] },
      { ...B, id: ids[1] },
    ]);
    await api('seals.seal', { documentId: keptId, officerPasswords: [A.password, B.password] });
    const open = async () =>
      (
        (await api('deadlines.case', { caseId })) as unknown as {
          value: { deadlines: { documentId: string | null; status: string }[] };
        }
      ).value.deadlines.find((x) => x.documentId === keptId)!.status;
    expect(await open()).not.toBe('done');
    // Earlier tests of this file seal other 清单 in the same case: choose this one by its number.
    const keptNo = (
      (await api('documents.list', { caseId })) as unknown as { value: { id: string; docNo: string }[] }
    ).value.find((x) => x.id === keptId)!.docNo;
    const decisionId = await newDocument('disposal');
    await d.choose('preservationId', keptNo);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="disposal-items-row"]').length === 2);
    await page.getByTestId('disposal-all').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '解除先行登记保存并返还' })
      .click();
    // The decision on the day of the return: the items cannot be returned before it (returnBeforeDecision).
    await d.fill('decisionDate', '2026-11-27');
    await d.fill('returnReceipt.receivedBy', '张𠮷㵘');
    await d.fill('returnReceipt.at', '2026-11-27T10:30');
    await d.fill('returnReceipt.condition', '外观与登记时一致，封条完好。');
    await d.fill('lateReason', '测试：补录的处理决定。');
    await d.expectNoIssues();
    await d.waitSaved();
    await d.markReady();
    await signAndSeal(decisionId);
    expect(await open()).toBe('done');

    // 送达回证 of the order: the document served picked from the case, served in person.
    const proofId = await newDocument('delivery');
    await d.choose('servedDocumentId', '责令（限期）改正通知书');
    await d.choose('method', '直接送达');
    await d.fill('servedAt', '2026-11-20T11:05');
    await d.fill('place', '柳州市柳南区航五路12号星河大厦8楼会议室');
    await d.fill('receiver.name', '张𠮷㵘');
    await d.choose('receiver.relation', '受委托人');
    await d.expectNoIssues();
    await d.waitSaved();
    await d.markReady();
    await signAndSeal(proofId);
    const proof = (await api('documents.get', { id: proofId })) as unknown as {
      value: { content: { servedDocumentId: string } };
    };
    expect(proof.value.content.servedDocumentId).toBe(orderId);
  });
});
