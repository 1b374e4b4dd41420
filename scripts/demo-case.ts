// The sample case's day through the app's own API (scripts/demo-day.ts says what happens when):
// the records made as the day goes, the files imported on site, each record signed when it is
// complete, everything sealed, one 补正 signed late with its reason. `npm run demo` runs it, and
// tests/integration/demo-timeline.test.ts runs it on a test core to check that the day passes
// every rule of the case timeline.
import type { CallName } from '../shared/api/call-names.ts';
import type { CallInput, CallOutput } from '../shared/api/contract.ts';
import type { DocumentType } from '../shared/documents/document-types.ts';
import { DOCUMENT_TYPE_LABELS } from '../shared/documents/document-types.ts';
import type { EvidenceItem } from '../shared/evidence/evidence-schema.ts';
import type { CaseDetail } from '../shared/domain/case.ts';
import { DEMO_OFFICERS, DEMO_WITNESS } from './demo-data.ts';
import type { DemoClock } from './demo-clock.ts';
import {
  DEMO_DATE,
  DEMO_HEAD,
  DEMO_IMPORTS,
  at,
  dayEvidence,
  dayInquiry,
  dayOnsite,
  dayPreservation,
} from './demo-day.ts';
import { withLawQuestion } from './demo-law.ts';
import { accessLog, pageArchive, screenshotPng } from './demo-files.ts';
import { partySigner, syntheticSignature } from './demo-signatures.ts';
import { demoDelivery, demoDisposal, demoRectification } from './demo-documents.ts';
import type { RectificationContent } from '../shared/documents/types/rectification/content.ts';

const SAMPLES = { accessLog, screenshotPng, pageArchive };

/** The app as the demo drives it: calls (each takes a moment of the demo's clock) and uploads. */
export interface DemoApi {
  must<K extends CallName>(name: K, arg: CallInput<K>): Promise<CallOutput<K>>;
  upload(ticket: string, bytes: Buffer): Promise<EvidenceItem>;
}

const PASSWORDS: [string, string] = [DEMO_OFFICERS[0]!.password, DEMO_OFFICERS[1]!.password];

/** The head of the office, on the device's list of 机关负责人 (before leaving the office). */
export async function addDemoHead(api: DemoApi): Promise<string> {
  const s = await api.must('office.addHead', DEMO_HEAD);
  return s.heads.find((h) => h.name === DEMO_HEAD.name)!.id;
}

/** Signs every required slot of a 待签名 document; on the 现场笔录 the party refuses, backed by the witness. */
async function signDocument(api: DemoApi, id: string, docNo: string, lateReason = ''): Promise<string> {
  const { ceremonyId } = await api.must('signing.start', {
    documentId: id,
    recording: false,
    noRecordingReason: '示例数据：演示用，未录像',
    lateReason,
  });
  const state = await api.must('signing.state', { id });
  let witnessId = '';
  let refusals = 0;
  const officersById = new Map(
    (await api.must('officers.list', {})).map((o) => [o.id, DEMO_OFFICERS.find((x) => x.certNo === o.certNo)!]),
  );
  // The witness signs first, so that a refusal can rest on their signature.
  const order = [...state.required].sort((x, y) => Number(y.role === '见证人') - Number(x.role === '见证人'));
  for (const [i, slot] of order.entries()) {
    if (slot.slotId === 'party' && witnessId) {
      await api.must('signing.resolve', {
        ceremonyId,
        slotId: slot.slotId,
        page: slot.page,
        status: 'refused',
        signerName: slot.signerName,
        // Who refused for the company: its 技术总监, there as the company's 受委托人 (the 现场笔录's 在场人员).
        signerRole: '技术总监',
        authority: '受委托人',
        reason: '当事人受委托人张𠮷㵘以不认可检查结果为由拒绝签名',
        officerPasswords: PASSWORDS,
        witnessSignatureId: witnessId,
      });
      refusals++;
      continue;
    }
    const officer = slot.officerId ? officersById.get(slot.officerId) : undefined;
    const name = officer?.name ?? (slot.signerName || '陈立新');
    const { png, strokes } = syntheticSignature(name, i + 1);
    const signed = await api.must('signing.sign', {
      ceremonyId,
      slotId: slot.slotId,
      page: slot.page,
      ...partySigner(slot, name),
      signerIdNumber: slot.role === '见证人' ? DEMO_WITNESS.idNumber : '',
      officerPassword: officer?.password ?? '',
      imagePngBase64: png.toString('base64'),
      strokes,
    });
    if (slot.role === '见证人') witnessId = signed.signatures.find((s) => s.slotId === slot.slotId)!.id;
  }
  const end = await api.must('signing.end', { ceremonyId, recordingFailure: '' });
  return `${docNo}：${end.signatures.length}处签名${refusals ? `（其中当事人拒签${refusals}处，见证人在场）` : ''}，${end.complete ? '已签名' : '未完成'}`;
}

export interface DemoCaseResult {
  /** Lines for 示例说明.txt. */
  lines: string[];
  /** The sealed documents, in the order they were sealed. */
  sealed: { id: string; docNo: string }[];
}

/**
 * The day of the first sample case, from 09:00 on site to the 补正 at 13:30. The clock must be at
 * or before 09:00; the officers signed in; `headId` the 机关负责人 who approves by phone.
 */
export async function runDemoCaseDay(
  api: DemoApi,
  clock: DemoClock,
  c: { caseId: string; officerIds: [string, string]; headId: string },
): Promise<DemoCaseResult> {
  const [a, b] = c.officerIds;
  const lines: string[] = [];
  const create = (type: DocumentType) => api.must('documents.create', { caseId: c.caseId, type });
  const save = async (id: string, content: object) => {
    const d = await api.must('documents.get', { id });
    await api.must('documents.save', { id, revision: d.revision, content: content as Record<string, unknown> });
  };
  const ready = async (id: string) => {
    const r = await api.must('documents.markReady', { id });
    lines.push(`  ${DOCUMENT_TYPE_LABELS[r.type]} ${r.docNo}（${r.subject}）`);
    return r.docNo;
  };
  const signed: string[] = [];

  // 09:00 the inspection begins; its record is written through the morning, finished at 11:30.
  clock.to(at('09:00'));
  const onsite = await create('onsite');
  await save(onsite.id, { ...dayOnsite([a, b], b, '', ''), endTime: '', measures: [] });

  // 09:20 electronic evidence, inside the inspection; the log is copied onto the U盘 at 09:30 and,
  // with a screenshot and a page archive made on the laptop, imported on site from 10:05.
  clock.to(at('09:20'));
  const evidence = await create('evidence');
  await save(evidence.id, dayEvidence([a, b], b));
  const imported: EvidenceItem[] = [];
  for (const f of DEMO_IMPORTS) {
    clock.to(at(f.at));
    const bytes = SAMPLES[f.file]();
    const { ticket } = await api.must('evidence.beginImport', {
      caseId: c.caseId,
      documentId: evidence.id,
      fileName: f.fileName,
      sizeBytes: bytes.length,
      meta: f.meta as CallInput<'evidence.beginImport'>['meta'],
    });
    const item = await api.upload(ticket, bytes);
    imported.push(item);
    lines.push(`    电子数据 ${f.fileName}：SHA-256 ${item.sha256}，SM3 ${item.sm3}`);
  }
  // 10:20 the collection ends: step 2 names the row it produced; the record is signed at once.
  clock.to(at('10:20'));
  const listed = (await api.must('documents.get', { id: evidence.id })).content;
  const finished = dayEvidence([a, b], b, imported[0]!.id);
  await save(evidence.id, {
    ...listed,
    endTime: finished.endTime,
    steps: [...finished.steps, ...(listed.steps as object[]).slice(2)],
  });
  const evidenceNo = await ready(evidence.id);
  signed.push(await signDocument(api, evidence.id, evidenceNo));

  // 10:30 the head approves by phone; 10:40 the items are preserved, the 清单 signed on the spot.
  clock.to(at('10:30'));
  const preservation = await create('preservation');
  clock.to(at('10:41'));
  await save(preservation.id, dayPreservation([a, b], c.headId));
  const preservationNo = await ready(preservation.id);
  signed.push(await signDocument(api, preservation.id, preservationNo));

  // 11:30 the inspection ends: its record lists both measures; the party objects and refuses to sign.
  clock.to(at('11:30'));
  await save(onsite.id, dayOnsite([a, b], b, evidence.id, preservation.id));
  const onsiteNo = await ready(onsite.id);
  signed.push(await signDocument(api, onsite.id, onsiteNo));

  // 11:40–12:30 the party's representative is questioned; the penalty article of the law in force
  // for the conduct is put to them, quoted from the catalog.
  clock.to(at('11:40'));
  const inquiry = await create('inquiry');
  clock.to(at('12:30'));
  const kase: CaseDetail = await api.must('cases.get', { id: c.caseId });
  await save(inquiry.id, withLawQuestion(dayInquiry(a, b), kase));
  const inquiryNo = await ready(inquiry.id);
  signed.push(await signDocument(api, inquiry.id, inquiryNo));

  // 12:35 the order to correct, made on site: the law it cites is the one the case's conduct falls
  // under (网络安全法 as amended, 第六十一条, in force 2026-01-01), copied in by the app from the
  // catalog when the order is made — not typed by hand. 12:45 served on the party's authorised
  // representative, with a 送达回证.
  clock.to(at('12:35'));
  const order = await create('rectification');
  await save(order.id, demoRectification([a, b], (order.content as unknown as RectificationContent).law));
  const orderNo = await ready(order.id);
  signed.push(await signDocument(api, order.id, orderNo));
  clock.to(at('12:45'));
  const delivery = await create('delivery');
  await save(delivery.id, { ...demoDelivery(order.id, '责令（限期）改正通知书', [a, b]), servedAt: at('12:45') });
  const deliveryNo = await ready(delivery.id);
  signed.push(await signDocument(api, delivery.id, deliveryNo));
  lines.push('', '签名：', ...signed.map((s) => `  ${s}`));

  // 12:55 sealed by both officers, one device chain link each.
  clock.to(at('12:55'));
  lines.push('', '封存：');
  const sealed: { id: string; docNo: string }[] = [];
  for (const d of await api.must('documents.list', { caseId: c.caseId })) {
    const s = await api.must('seals.seal', { documentId: d.id, officerPasswords: PASSWORDS });
    lines.push(`  ${d.docNo}：封存序号${s.seq}，SHA-256 ${s.hashSha256}`);
    sealed.push({ id: d.id, docNo: d.docNo });
  }

  // 13:30 one 补正: the 清单's storage conditions were written imprecisely. Made, signed and
  // sealed like any document, naming the sealed original — signed after the margin, with the reason.
  clock.to(at('13:30'));
  const original = sealed.find((s) => s.id === preservation.id)!;
  const correction = await api.must('seals.correct', {
    documentId: original.id,
    reason: '保存条件记录不完整，补记温湿度要求',
  });
  await api.must('documents.save', {
    id: correction.id,
    revision: correction.revision,
    content: {
      ...correction.content,
      conditions: '常温（15–25℃）、相对湿度不高于60%、防磁柜内存放，封条完好，专人保管。',
    },
  });
  await api.must('documents.markReady', { id: correction.id });
  lines.push(
    `  补正：${correction.docNo}（对${original.docNo}的补正）`,
    `    ${await signDocument(api, correction.id, correction.docNo, '本文书为对已封存的登记保存物品清单的补正，于原文书封存后制作并签名')}`,
  );
  const cs = await api.must('seals.seal', { documentId: correction.id, officerPasswords: PASSWORDS });
  lines.push(`    封存序号${cs.seq}，SHA-256 ${cs.hashSha256}`);
  sealed.push({ id: correction.id, docNo: correction.docNo });

  // 13:50 back at the office, the data copied and hashed: the decision on the items kept — the disk
  // released, the notebook returned against a receipt. Sealed, it closes the 先行登记保存's deadline.
  clock.to(at('13:50'));
  const disposal = await create('disposal');
  const decided = demoDisposal(preservation.id, [a, b]);
  await save(disposal.id, {
    ...decided,
    decisionDate: DEMO_DATE,
    returnReceipt: { ...decided.returnReceipt, at: at('13:50') },
  });
  const disposalNo = await ready(disposal.id);
  lines.push(`    ${await signDocument(api, disposal.id, disposalNo)}`);
  const ds = await api.must('seals.seal', { documentId: disposal.id, officerPasswords: PASSWORDS });
  lines.push(`  ${disposalNo}：封存序号${ds.seq}，SHA-256 ${ds.hashSha256}`);
  sealed.push({ id: disposal.id, docNo: disposalNo });
  return { lines, sealed };
}
