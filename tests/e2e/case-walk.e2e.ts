// One case walked through everything, in Chromium against the real web shell and a real HQ process
// (issue #20): an organisation's case on one lawful morning — the 现场笔录 with its 电子取证 and its
// 先行登记保存 inside it, the 询问笔录 after it, the 责令（限期）改正通知书 with its 送达回证, the
// 先行登记保存物品处理决定书 returning the items — every one of the seven document types made and
// filled in the editor, the case timeline finding nothing; every document signed at the time of
// its acts — on the signing screen the organisation's receipt of the order by 盖章 (the signer named
// with position and authority), the party's refusal of the 现场笔录 page by page (with its reason,
// both officers and the witness) and the 送达回证; the others through the API — sealed by both
// officers in the editor, its PDF read back; then 同步 to HQ, which holds every seal with its
// receipt, and the exported bundle verified with HQ's fingerprint.
//
// The day is the last two hours before the test runs (the web shell keeps the real clock): the
// records are signed within the signing margin after they end, as they would be on site, so no
// sitting needs a late reason. Screenshots in test-results/screenshots/walk-*.png.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WITNESS } from '../../scripts/demo-data.ts';
import { dayInquiry, dayOnsite, dayPreservation } from '../../scripts/demo-day.ts';
import { demoEvidence } from '../../scripts/demo-documents.ts';
import { syntheticSignature } from '../../scripts/demo-signatures.ts';
import { ROOT } from '../../scripts/build.ts';
import { toLocalMinute } from '../../shared/documents/local-time.ts';
import { DOCUMENT_DESCRIPTORS } from '../../shared/documents/types/registry.ts';
import { pdftotextRaw } from '../support/poppler.ts';
import { createAdmin, HQ_ADMIN, hqCli, hqDataDir, startHq, type HqProcess } from '../support/sync-fixture.ts';
import { DocumentPage } from './pages/document-page.ts';
import { HqWebPage, SyncPage } from './pages/sync-page.ts';
import { createOrgCase, mustApi, openAppWithPair, signThroughApi } from './support/app-api.ts';
import { launchBrowser, SCREENSHOT_DIR, screenshot } from './support/browser.ts';
import { draw, openDocument, refuseSlot, sealDocument, signSlot, startSitting } from './support/signing-ui.ts';
import { startShell, type ShellProcess } from './support/web-shell-process.ts';

const AGENCY = '柳州市柳南区互联网信息办公室';
const A = { name: '李明', certNo: '45020019001', unit: AGENCY, password: 'field2026a' };
const B = { name: '王芳', certNo: '45020019002', unit: AGENCY, password: 'field2026b' };
const PASSWORDS = [A.password, B.password] as const;
/** The party's legal representative (createOrgCase), who signs for it. */
const CHEN = { name: '陈立新', role: '总经理', authority: '法定代表人' };
const REFUSAL_REASON = '当事人受委托人张𠮷㵘以不认可检查结果为由拒绝签名';
/** Who refused for the company, as the refusal dialog records them. */
const REFUSER = { name: '张𠮷㵘', role: '技术总监', authority: '受委托人' };
const NO_RECORDING = '现场签名未录像，由见证人赵建平在场见证';

let browser: Browser;
let shell: ShellProcess;
let hq: HqProcess;
let hqRoot: string;
let page: Page;
let hqPage: Page;
let dataDir: string;
let caseId: string;
let caseNo: string;
let ids: [string, string];
let officers: { id: string; password: string }[];
const d = () => new DocumentPage(page);
/** The walk's documents, by type, in the order they are made. */
const docs = new Map<string, { id: string; docNo: string }>();

/**
 * The walk's day: minutes from its start, two hours before now, as Beijing wall time
 * (2026-12-07T07:05). Everything ends by `at(95)`, a quarter of an hour before the signing.
 */
const START = Math.floor((Date.now() - 110 * 60_000) / 60_000) * 60_000;
const at = (minutes: number) => toLocalMinute(new Date(START + minutes * 60_000));
const day = (minutes: number) => at(minutes).slice(0, 10);
/** The demo's 2026-11-20 content moved onto the walk's day: 09:00 → at(0) … (each time given). */
const DAY = {
  onsite: [0, 50],
  evidence: [5, 25],
  approval: 30,
  preserved: 35,
  inquiry: [55, 80],
  served: 85,
  returned: 95,
} as const;

async function openCase() {
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-row').first().click();
  await page.getByTestId('case-detail').waitFor();
}

/** Makes a document of `type` with the case page's button; the editor opens on it. Returns its id. */
async function newDocument(type: string): Promise<string> {
  await page.reload();
  await openCase();
  const before = await mustApi<{ id: string }[]>(page, 'documents.list', { caseId });
  await page.getByTestId(`doc-new-${type}`).click();
  await page.getByTestId('doc-editor').waitFor();
  const after = await mustApi<{ id: string }[]>(page, 'documents.list', { caseId });
  return after.find((x) => !before.some((b) => b.id === x.id))!.id;
}

/**
 * The bulk of a record (its Q&A, findings, the parties' particulars) through the API, merged over
 * what the editor made: the editors take this content typed by hand in documents.e2e.ts (and the
 * three new types in signing.e2e.ts). The walk's own facts — times, links between documents,
 * confirmations — are then typed in the editor, which is reopened on the saved content.
 */
async function fillBulk(id: string, content: object): Promise<void> {
  const cur = await mustApi<{ revision: number; content: object }>(page, 'documents.get', { id });
  await mustApi(page, 'documents.save', { id, revision: cur.revision, content: { ...cur.content, ...content } });
  await openDocument(page, caseId, id);
}

/** Nothing open in the editor's checks; 提交签名. */
async function ready(type: string, id: string) {
  await d().expectNoIssues();
  await d().waitSaved();
  await d().markReady();
  const doc = await mustApi<{ docNo: string }>(page, 'documents.get', { id });
  docs.set(type, { id, docNo: doc.docNo });
}

/** The signer of a slot that is not an officer's or a witness's, as the dialog asks for them. */
async function signAsOther(key: string, signerName: string) {
  await page.getByTestId(`sign-${key}`).click();
  await page.getByTestId('signature-pad').waitFor();
  // For the organisation, a named person signs, with position and authority.
  const forOrganisation = (await page.getByTestId('sign-role').count()) > 0;
  await page.getByTestId('sign-name').fill(forOrganisation ? CHEN.name : signerName);
  if (forOrganisation) {
    await page.getByTestId('sign-role').fill(CHEN.role);
    await page.getByTestId('sign-authority').getByText(CHEN.authority).click();
  }
  await draw(page, key.length, 4);
  await page.getByTestId('sign-confirm').click();
  await page.getByTestId('signature-pad').waitFor({ state: 'detached' });
}

/** The organisation's receipt by 盖章: a photo of its stamp, by its legal representative. */
async function stamp(key: string) {
  await page.getByTestId(`sign-${key}`).click();
  await page.getByTestId('sign-mark').getByText('盖章').click();
  await page.getByTestId('mark-file').setInputFiles({
    name: '公章.png',
    mimeType: 'image/png',
    buffer: syntheticSignature('星河公司', 9).png,
  });
  await page.getByTestId('mark-preview').waitFor();
  await page.getByTestId('sign-name').fill(CHEN.name);
  await page.getByTestId('sign-role').fill(CHEN.role);
  await page.getByTestId('sign-authority').getByText(CHEN.authority).click();
  // As signing-how.e2e: the screenshot helper would wait on an animation of this dialog.
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'walk-04-stamp.png'), animations: 'disabled' });
  await page.getByTestId('sign-confirm').click();
  await page.getByTestId('mark-capture').waitFor({ state: 'detached' });
}

/**
 * Signs every slot of the document on the signing screen, page by page, in one sitting without
 * recording (the witness is there): officers with their passwords, the witness with their identity
 * number, the party by `party` ('sign', 'stamp' or 'refuse', on its closing slot).
 */
async function signOnScreen(type: string, party: 'sign' | 'stamp' | 'refuse' = 'sign') {
  const { id } = docs.get(type)!;
  await openDocument(page, caseId, id);
  await page.getByTestId('doc-sign').click();
  await page.getByTestId('signing-view').waitFor();
  // Signed within the margin after the record: the screen asks for no late reason.
  expect(await page.getByTestId('late-reason').count()).toBe(0);
  await startSitting(page, { withoutRecording: NO_RECORDING });
  const st = await mustApi<{
    required: { slotId: string; page: number | null; officerId: string | null; signerName: string; role: string }[];
  }>(page, 'signing.state', { id });
  const signOne = async (slot: (typeof st.required)[number]) => {
    const key = `${slot.slotId}@${slot.page ?? 'end'}`;
    const officer = officers.find((o) => o.id === slot.officerId);
    if (officer) return signSlot(page, key, { password: officer.password, points: 4 });
    if (slot.role === '见证人')
      return signSlot(page, key, { name: DEMO_WITNESS.name, idNumber: DEMO_WITNESS.idNumber });
    if (slot.slotId === 'party' && party === 'refuse') {
      // Every party slot, each page's too, is refused in turn (the witness has signed that page).
      await refuseSlot(page, key, REFUSAL_REASON, PASSWORDS, {
        ...REFUSER,
        ...(slot.page === null ? { shot: 'walk-03-refusal-dialog' } : {}),
      });
      return page.getByTestId(`resolve-${key}`).waitFor({ state: 'detached' });
    }
    if (slot.slotId === 'party' && slot.page === null && party === 'stamp') return stamp(key);
    return signAsOther(key, slot.signerName);
  };
  /** The page's slots, the witness first and the party last (a refusal rests on the witness). */
  const rank = (s: { role: string; slotId: string }) => (s.role === '见证人' ? 0 : s.slotId === 'party' ? 2 : 1);
  const signAll = async (slots: typeof st.required) => {
    for (const slot of [...slots].sort((x, y) => rank(x) - rank(y))) await signOne(slot);
  };
  for (let p = 1; ; p++) {
    await signAll(st.required.filter((s) => s.page === p));
    if (!(await page.getByTestId('page-next').isEnabled())) break;
    await page.getByTestId('page-next').click();
  }
  // The closing slots, on the last page.
  await signAll(st.required.filter((s) => s.page === null));
  if (party === 'refuse') {
    await screenshot(page, 'walk-03-refusal');
    // The screen's account of the refusals names who refused for the company, as the PDF will.
    await expect(page.getByTestId('signing-record').innerText()).resolves.toContain(
      '当事人柳州市星河网络科技有限公司的技术总监张𠮷㵘（受委托人）于',
    );
  }
  await expect(page.getByTestId('signing-state').innerText()).resolves.toBe('已签名');
  await page.getByTestId('signing-finish').click();
  await page.getByTestId('signing-finish').waitFor({ state: 'detached' });
}

/** The PDF as the editor's 导出PDF saves it, as text without spaces (pdftotext, as a reviewer would). */
async function pdfText(type: string): Promise<string> {
  const { id } = docs.get(type)!;
  await openDocument(page, caseId, id);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('doc-pdf-download').click()]);
  const file = join(dataDir, `walk-${type}.pdf`);
  await download.saveAs(file);
  const text = pdftotextRaw(file).replace(/\s+/g, '');
  // Kept beside the screenshots, to read what a reviewer would.
  writeFileSync(join(SCREENSHOT_DIR, `walk-pdf-${type}.txt`), text);
  return text;
}

beforeAll(async () => {
  const hqDir = hqDataDir();
  createAdmin(hqDir);
  const fp = hqCli(hqDir, ['fingerprint']);
  if (fp.status !== 0) throw new Error(`hq fingerprint: ${fp.stderr}`);
  hqRoot = fp.stdout.trim();
  hq = await startHq(hqDir);
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-walk-'));
  browser = await launchBrowser();
  shell = await startShell(dataDir);
  const opened = await openAppWithPair(browser, shell.url, AGENCY, A, B, 1000);
  page = opened.page;
  ids = opened.ids;
  officers = [
    { id: ids[0], password: A.password },
    { id: ids[1], password: B.password },
  ];
  caseId = await createOrgCase(page, ids);
  caseNo = (await mustApi<{ caseNo: string }>(page, 'cases.get', { id: caseId })).caseNo;
  // The office's head who approves the 先行登记保存 (registered in 设置 in documents.e2e's way).
  await mustApi(page, 'office.addHead', { name: '黄建国', title: '主任' });
  hqPage = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
  hqPage.setDefaultTimeout(15_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  await hq?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (hq) rmSync(hq.dataDir, { recursive: true, force: true });
});

// Each step is long (a whole morning's records, or every signature of them): on a busy machine the
// default two minutes is not always enough.
describe('one case through every document type', { timeout: 300_000 }, () => {
  it('the morning’s records made and filled in the editor; the case timeline finds nothing', async () => {
    // 电子取证工作记录, inside the inspection: two items hand-entered (documents.e2e types one), each
    // produced by a step.
    const evidenceId = await newDocument('evidence');
    const ev = demoEvidence(ids, ids[1]);
    await fillBulk(evidenceId, {
      ...ev,
      witness: { ...DEMO_WITNESS },
      steps: ev.steps.map((s, i) => ({ ...s, time: at(DAY.evidence[0] + 2 + i * 5) })),
      items: ev.items.map((it, i) => ({ ...it, time: at(DAY.evidence[0] + 7 + i * 5) })),
    });
    await d().fill('startTime', at(DAY.evidence[0]));
    await d().fill('endTime', at(DAY.evidence[1]));
    await d().fill('place', '柳州市柳南区航五路12号星河大厦8楼机房');
    await ready('evidence', evidenceId);

    // 登记保存物品清单及通知书: approved by the head by telephone during the inspection, then taken.
    const keptId = await newDocument('preservation');
    const kept = dayPreservation(ids, '');
    await fillBulk(keptId, { ...kept, approval: { approver: '', approverId: '', at: '', how: '' }, startAt: '' });
    await d().choose('approval.approver', '黄建国（主任）');
    await d().fill('approval.at', at(DAY.approval));
    await d().choose('approval.how', '电话批准');
    await d().fill('startAt', at(DAY.preserved));
    await ready('preservation', keptId);

    // 现场笔录: its measures link the 电子取证 and the 先行登记保存; the party objects and refuses to
    // sign, which the record says (not 「属实」), the witness present.
    const onsiteId = await newDocument('onsite');
    const on = dayOnsite(ids, ids[1], evidenceId, keptId);
    await fillBulk(onsiteId, {
      ...on,
      measures: on.measures.filter((m) => m.kind !== '先行登记保存'),
      confirmation: '',
    });
    await d().fill('startTime', at(DAY.onsite[0]));
    await d().fill('endTime', at(DAY.onsite[1]));
    await page.getByTestId('onsite-measures-add').click();
    await d().choose('measures.2.kind', '先行登记保存');
    await d().fill('measures.2.description', '经机关负责人电话批准，对移动硬盘和笔记本电脑先行登记保存。');
    await d().choose('measures.2.linkedDocumentId', docs.get('preservation')!.docNo);
    await d().fill('confirmation', '当事人受委托人张𠮷㵘对检查结果有异议，拒绝签名。见证人赵建平在场见证。');
    await screenshot(page, 'walk-01-onsite');
    await ready('onsite', onsiteId);

    // 询问笔录 after the inspection, the same two officers.
    const inquiryId = await newDocument('inquiry');
    await fillBulk(inquiryId, dayInquiry(ids[0], ids[1]));
    await d().fill('startTime', at(DAY.inquiry[0]));
    await d().fill('endTime', at(DAY.inquiry[1]));
    await ready('inquiry', inquiryId);

    // 责令（限期）改正通知书, as signing.e2e types it: the law in force at the conduct comes with it.
    const orderId = await newDocument('rectification');
    await expect(page.getByTestId('rectification-law').innerText()).resolves.toMatch(/第六十一条/);
    await d().fill('facts', '现场检查及询问查明，你单位网络日志仅留存7天，后台管理员账号使用弱口令。');
    await d().fill('violation', '你单位的上述行为违反了《中华人民共和国网络安全法》第二十三条第（三）项的规定。');
    await page.getByTestId('rectification-corrections-add').click();
    await d().fill('corrections.0.text', '按照规定留存网络日志不少于六个月，修改后台管理员账号口令。');
    await d().fill('deadline.days', '15');
    await d().choose('deadline.unit', '日');
    await d().fill('deadline.from', day(DAY.served));
    await page.getByTestId('rectification-use-end').click();
    await d().fill('issueDate', day(DAY.served));
    await ready('rectification', orderId);

    // 送达回证 of the order, served on site on the party's legal representative.
    const proofId = await newDocument('delivery');
    await d().choose('servedDocumentId', '责令（限期）改正通知书');
    await d().choose('method', '直接送达');
    await d().fill('servedAt', at(DAY.served));
    await d().fill('place', '柳州市柳南区航五路12号星河大厦8楼会议室');
    await d().fill('receiver.name', CHEN.name);
    await d().choose('receiver.relation', '法定代表人（负责人）');
    await ready('delivery', proofId);

    // The case page: every act on the timeline, nothing found.
    await page.reload();
    await openCase();
    const card = page.getByTestId('case-timeline-card');
    await card.getByTestId('timeline-ok').waitFor();
    const entries = (await card.getByTestId('timeline-entry').allInnerTexts()).join('\n');
    for (const label of ['现场笔录', '电子取证工作记录', '登记保存物品清单及通知书', '询问笔录', '送达回证'])
      expect(entries).toContain(label);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'walk-02-case-timeline');
  });

  it('all signed at the time of their acts — on the signing screen the order received by 盖章, the 现场笔录 refused — and sealed by both officers', async () => {
    // The 电子取证工作记录, the 清单 and the 询问笔录 through the API, with synthetic handwriting, at
    // the same moment (signing.e2e signs a 询问笔录 on the screen; the walk's time goes to the slots
    // that matter here). The rest on the signing screen.
    for (const type of ['evidence', 'preservation', 'inquiry'])
      await signThroughApi(page, docs.get(type)!.id, [
        { ...A, id: ids[0] },
        { ...B, id: ids[1] },
      ]);
    await signOnScreen('onsite', 'refuse');
    await signOnScreen('rectification', 'stamp');
    await signOnScreen('delivery');
    for (const type of docs.keys()) {
      await openDocument(page, caseId, docs.get(type)!.id);
      await sealDocument(page, PASSWORDS);
    }
    await screenshot(page, 'walk-05-sealed');
    // The refusal as recorded: its reason, both officers, the witness's signature behind it.
    const st = await mustApi<{
      signatures: { slotId: string; status: string; confirmedBy: string[]; witnessSignatureId: string | null }[];
    }>(page, 'signing.state', { id: docs.get('onsite')!.id });
    const refusal = st.signatures.find((s) => s.slotId === 'party' && s.status === 'refused')!;
    expect(refusal.confirmedBy).toEqual(ids);
    expect(refusal.witnessSignatureId).toBeTruthy();
    // The order's receipt: 盖章 by a named person, with position and authority.
    const order = await mustApi<{
      signatures: { slotId: string; page: number | null; signerName: string; how?: unknown }[];
    }>(page, 'signing.state', { id: docs.get('rectification')!.id });
    expect(order.signatures.find((s) => s.slotId === 'party' && s.page === null)).toMatchObject({
      signerName: CHEN.name,
      how: { mark: '盖章', onBehalfOf: '柳州市星河网络科技有限公司', signerRole: CHEN.role, authority: '法定代表人' },
    });
  });

  it('the 处理决定书 returns the items the same day and closes the preservation', async () => {
    const decisionId = await newDocument('disposal');
    await d().choose('preservationId', docs.get('preservation')!.docNo);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="disposal-items-row"]').length === 2);
    await page.getByTestId('disposal-all').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '解除先行登记保存并返还' })
      .click();
    await d().fill('returnReceipt.receivedBy', CHEN.name);
    await d().fill('returnReceipt.at', at(DAY.returned));
    await d().fill('returnReceipt.condition', '外观与登记时一致，封条完好，当场拆封返还。');
    await d().fill('decisionDate', day(DAY.returned));
    await ready('disposal', decisionId);
    await signThroughApi(page, decisionId, [
      { ...A, id: ids[0] },
      { ...B, id: ids[1] },
    ]);
    await openDocument(page, caseId, decisionId);
    await sealDocument(page, PASSWORDS);
    const deadlines = await mustApi<{ deadlines: { documentId: string | null; status: string }[] }>(
      page,
      'deadlines.case',
      { caseId },
    );
    expect(deadlines.deadlines.find((x) => x.documentId === docs.get('preservation')!.id)!.status).toBe('done');
    // All seven types, and the timeline still finds nothing.
    expect([...docs.keys()].sort()).toEqual(DOCUMENT_DESCRIPTORS.map((x) => x.type).sort());
    await page.reload();
    await openCase();
    await page.getByTestId('case-timeline-card').getByTestId('timeline-ok').waitFor();
  });

  it('each PDF carries its title, its number and who signed, stamped or refused', async () => {
    for (const desc of DOCUMENT_DESCRIPTORS) {
      const text = await pdfText(desc.type);
      expect(text, desc.type).toContain(desc.pdfTitle.replace(/\s+/g, ''));
      expect(text, desc.type).toContain(docs.get(desc.type)!.docNo);
      // Sealed: the seal's record follows the document.
      expect(text, desc.type).toContain('已封存');
      // The record of how each slot was signed (签名情况记录): an organisation's signer by name,
      // position and authority; an officer's signature repeated on the pages with their consent. The
      // 送达回证, signed by hand by each in their own slot, has nothing to state: no such page.
      if (desc.type === 'delivery') expect(text).not.toContain('签名情况记录');
      else expect(text, desc.type).toContain('签名情况记录');
      if (['evidence', 'preservation', 'rectification', 'disposal'].includes(desc.type))
        expect(text, desc.type).toContain(
          `${CHEN.name}代表柳州市星河网络科技有限公司（职务：${CHEN.role}；身份：法定代表人）`,
        );
      if (desc.type === 'onsite') {
        // Every party slot refused, with who, why, when, both officers and the witness.
        // …and who refused for the company: by name, position and authority (not as if they were the party).
        expect(text).toContain(`当事人柳州市星河网络科技有限公司的技术总监张𠮷㵘（受委托人）拒绝签名。`);
        const refusals = text.match(
          /拒绝签名。理由：当事人受委托人张𠮷㵘以不认可检查结果为由拒绝签名。记录时间：\d{4}年\d{1,2}月\d{1,2}日\d{1,2}时\d{2}分。执法人员李明（执法证号45020019001）、王芳（执法证号45020019002）当场记录并确认。见证人赵建平在场见证/g,
        );
        expect(refusals?.length).toBeGreaterThanOrEqual(2);
        // The party's confirmation records the objection, never 「属实」 or 「相符」 beside the refusal.
        const confirmation = /当事人核对意见：(.*?)以下空白/.exec(text)?.[1] ?? '';
        expect(confirmation).toContain('拒绝签名');
        expect(confirmation).not.toMatch(/属实|相符/);
      }
      if (desc.type === 'rectification')
        expect(text).toMatch(
          /「当事人签收」：陈立新代表柳州市星河网络科技有限公司（职务：总经理；身份：法定代表人）于\d{4}年\d{1,2}月\d{1,2}日\d{1,2}时\d{2}分盖章/,
        );
      if (desc.type === 'delivery') expect(text).toContain(`签收人${CHEN.name}与受送达人的关系法定代表人（负责人）`);
    }
  });

  it('同步 to HQ through the UI: HQ holds every seal with its receipt; the exported bundle verifies with HQ’s fingerprint', async () => {
    const hqWeb = new HqWebPage(hqPage, hq.url);
    await hqWeb.login(HQ_ADMIN.user, HQ_ADMIN.password);
    const code = await hqWeb.createCode('柳南区执法终端1号', '柳南网信案');
    const s = new SyncPage(page);
    await s.open();
    await s.enroll(hq.url, code);
    await page.getByTestId('sync-hq-name').waitFor();
    await expect(s.text('sync-outbox-count')).resolves.toBe('待同步 7 份');
    await s.start();
    await s.lastOk().waitFor({ timeout: 60_000 });
    await expect(s.text('sync-receipted')).resolves.toBe('7 份');
    await screenshot(page, 'walk-06-synced');

    // HQ's staff API: the case, its seven documents, each re-verified with its receipt.
    const login = await hqPage.request.post(`${hq.url}api/staff/login`, {
      data: { username: HQ_ADMIN.user, password: HQ_ADMIN.password },
    });
    expect(login.status()).toBe(200);
    const cases = (await (
      await hqPage.request.get(`${hq.url}api/staff/cases?q=${encodeURIComponent(caseNo)}`)
    ).json()) as {
      rows: { id: string; caseNo: string }[];
    };
    const row = cases.rows.find((r) => r.caseNo === caseNo)!;
    const kase = (await (await hqPage.request.get(`${hq.url}api/staff/cases/${row.id}`)).json()) as {
      documents: { id: string; docNo: string }[];
    };
    expect(kase.documents.map((x) => x.docNo).sort()).toEqual([...docs.values()].map((x) => x.docNo).sort());
    for (const doc of kase.documents) {
      const got = (await (await hqPage.request.get(`${hq.url}api/staff/documents/${doc.id}`)).json()) as {
        problems: string[];
        receipt: { hqSeq: number; chainComplete: boolean };
        pdfHref: string | null;
      };
      expect(got.problems, doc.docNo).toEqual([]);
      expect(got.receipt.chainComplete, doc.docNo).toBe(true);
      expect(got.pdfHref, doc.docNo).toBeTruthy();
    }

    // The case's sealed bundle, exported and verified on its own against HQ's published fingerprint.
    await openCase();
    await page.getByTestId('bundle-export').click();
    const bundle = await page.getByTestId('bundle-path').innerText();
    const checked = spawnSync(process.execPath, [join(ROOT, 'scripts', 'verify.ts'), bundle, '--hq-root', hqRoot], {
      encoding: 'utf8',
    });
    expect(checked.status, checked.stdout + checked.stderr).toBe(0);
    expect(checked.stdout).toContain('核验结论：全部通过。');
    await screenshot(page, 'walk-07-bundle');
  });
});
