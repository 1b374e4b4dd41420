// `npm run demo -- --data DIR`: a complete, realistic sample case in DIR (fictional party), made
// through the same API the app uses — for training, screenshots and review. Later issues extend
// it (documents, evidence, signatures, seals, PDFs and bundles in DIR/exports/; a sample HQ in
// DIR/hq that the device enrolled with and synced to).
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AppCore } from '../core/app-core.ts';
import { Vault } from '../core/vault/vault.ts';
import type { CallName } from '../shared/api/call-names.ts';
import type { CallInput, CallOutput } from '../shared/api/contract.ts';
import {
  DEMO_AGENCY,
  DEMO_CASES,
  DEMO_HQ_ADMIN,
  DEMO_HQ_PASSPHRASE,
  DEMO_OFFICERS,
  DEMO_WITNESS,
} from './demo-data.ts';
import { openHq } from '../hq/hq-app.ts';
import { startHqServer } from '../hq/http/hq-server.ts';
import { partySigner, syntheticSignature } from './demo-signatures.ts';
import {
  demoDelivery,
  demoDisposal,
  demoEvidence,
  demoInquiry,
  demoOnsite,
  demoPreservation,
  demoRectification,
} from './demo-documents.ts';
import type { RectificationContent } from '../shared/documents/types/rectification/content.ts';
import { accessLog, pageArchive, screenshotPng } from './demo-files.ts';
import { writeFileAtomic } from '../protocol/runtime/write-file-atomic.ts';
import { verifyCore } from '../core/seals/verify-seals.ts';
import { formatReport } from '../protocol/seal/verify-report.ts';
import { verifyBundle } from '../protocol/bundle/verify-bundle.ts';
import type { DocumentType } from '../shared/documents/document-types.ts';
import { DOCUMENT_TYPE_LABELS } from '../shared/documents/document-types.ts';
import { isOpen } from '../shared/deadlines/case-deadlines.ts';
import { DEADLINE_STATUS_LABELS } from '../shared/deadlines/deadline-api.ts';
import { formatMinuteChinese } from '../shared/documents/local-time.ts';
import { lawLine, withLawQuestion } from './demo-law.ts';

const { values } = parseArgs({ options: { data: { type: 'string' } }, strict: true });
if (!values.data) {
  console.error('用法：npm run demo -- --data 数据目录');
  process.exit(2);
}
const dataDir = resolve(values.data);
if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
  console.error(`数据目录 ${dataDir} 不是空的。示例案件只能生成到新的空目录，以免与真实数据混在一起。`);
  process.exit(1);
}

// Through the vault, as the app does: the data folder comes out encrypted, its key wrapped for both officers.
const vault = Vault.open({ dataDir });
/** The core, once set-up has created the device key and opened it. */
const coreOf = (): AppCore =>
  vault.core ??
  (() => {
    throw new Error('the core is not open');
  })();
async function must<K extends CallName>(name: K, arg: CallInput<K>): Promise<CallOutput<K>> {
  const r = await vault.dispatch(name, arg);
  if (!r.ok) throw new Error(`${name}: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value as CallOutput<K>;
}

/** Signs every required slot of a 待签名 document; on the 现场笔录 the party refuses, backed by the witness. */
async function signDemoDocument(id: string, docNo: string): Promise<string> {
  const { ceremonyId } = await must('signing.start', {
    documentId: id,
    recording: false,
    noRecordingReason: '示例数据：演示用，未录像',
  });
  const state = await must('signing.state', { id });
  let witnessId = '';
  let refusals = 0;
  const officersById = new Map(
    (await must('officers.list', {})).map((o) => [o.id, DEMO_OFFICERS.find((x) => x.certNo === o.certNo)!]),
  );
  // The witness signs first, so that a refusal can rest on their signature.
  const order = [...state.required].sort((x, y) => Number(y.role === '见证人') - Number(x.role === '见证人'));
  for (const [i, slot] of order.entries()) {
    if (slot.slotId === 'party' && witnessId) {
      await must('signing.resolve', {
        ceremonyId,
        slotId: slot.slotId,
        page: slot.page,
        status: 'refused',
        signerName: slot.signerName,
        reason: '当事人以不认可检查结果为由拒绝签名',
        officerPasswords: [DEMO_OFFICERS[0]!.password, DEMO_OFFICERS[1]!.password],
        witnessSignatureId: witnessId,
      });
      refusals++;
      continue;
    }
    const officer = slot.officerId ? officersById.get(slot.officerId) : undefined;
    const name = officer?.name ?? (slot.signerName || '陈立新');
    const { png, strokes } = syntheticSignature(name, i + 1);
    const signed = await must('signing.sign', {
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
  const end = await must('signing.end', { ceremonyId, recordingFailure: '' });
  return `${docNo}：${end.signatures.length}处签名${refusals ? `（其中当事人拒签${refusals}处，见证人在场）` : ''}，${end.complete ? '已签名' : '未完成'}`;
}

// A sample HQ beside the device (DIR/hq): the device enrolls before going out and syncs on return.
const hqDir = join(dataDir, 'hq');
const hq = await openHq({
  dataDir: hqDir,
  key: { passphrase: DEMO_HQ_PASSPHRASE },
  name: '柳州市互联网信息办公室（示例总部）',
});
const hqServer = await startHqServer({ hq, port: 0, log: () => {} });

try {
  await must('office.setup', { agencyName: DEMO_AGENCY, officers: DEMO_OFFICERS });
  for (const o of DEMO_OFFICERS) await must('session.signIn', { certNo: o.certNo, password: o.password });
  // At the office, before leaving: enrolled with HQ (its keys pinned, its signed time seen — the
  // earliest bound of every seal made on site).
  await hq.admins.create(DEMO_HQ_ADMIN.user, DEMO_HQ_ADMIN.password);
  await must('sync.enroll', {
    url: hqServer.url,
    code: (await hq.devices.createCode(DEMO_HQ_ADMIN.user, '示例执法终端', '')).code,
  });
  const officerIds = (await must('officers.list', {})).map((o) => o.id);
  const made: string[] = [];
  const caseIds: string[] = [];
  for (const c of DEMO_CASES) {
    const matter = (await must('catalog.search', { query: c.matterQuery })).items[0];
    if (!matter) throw new Error(`catalog has no matter for ${c.matterQuery}`);
    const created = await must('cases.create', { ...c.input, matterId: matter.id, officerIds });
    if (c.status) await must('cases.setStatus', { id: created.id, status: c.status, note: c.statusNote ?? '' });
    // Where the conduct concerns two versions of the law, the officers record which one applies (第三十七条).
    const kase = c.law ? await must('cases.chooseLaw', { caseId: created.id, ...c.law }) : created;
    made.push(`${created.caseNo} ${created.title}（${matter.name}）`, `  ${lawLine(kase)}`);
    caseIds.push(created.id);
  }
  // The first case gets one of each document, complete and at 待签名.
  const [a, b] = officerIds as [string, string];
  const write = async (
    type: DocumentType,
    content: (made: CallOutput<'documents.create'>) => Record<string, unknown>,
  ) => {
    const d = await must('documents.create', { caseId: caseIds[0]!, type });
    await must('documents.save', { id: d.id, revision: d.revision, content: content(d) });
    const ready = await must('documents.markReady', { id: d.id });
    made.push(`  ${DOCUMENT_TYPE_LABELS[type]} ${ready.docNo}（${ready.subject}）`);
    return d.id;
  };
  // The 电子取证工作记录 lists real files, imported the way the app imports them (one read, both digests).
  const evidenceDoc = await must('documents.create', { caseId: caseIds[0]!, type: 'evidence' });
  await must('documents.save', {
    id: evidenceDoc.id,
    revision: evidenceDoc.revision,
    content: { ...demoEvidence([a, b], b), items: [] },
  });
  const samples = [
    {
      fileName: '后台管理员设置页面截图.png',
      bytes: screenshotPng(),
      meta: {
        category: '截图' as const,
        source: 'https://www.xinghe-news.cn/admin/users/1',
        method: '屏幕截图',
        description: '后台管理员账号设置页面，显示弱口令且未开启二次验证',
      },
    },
    {
      fileName: 'nginx-access.log',
      bytes: accessLog(),
      meta: {
        category: '日志' as const,
        source: '/var/log/nginx/access.log（当事人服务器）',
        method: '现场提取（复制）',
        description: '网站访问日志，最早记录为2026年11月13日',
      },
    },
    {
      fileName: '星河资讯首页.mhtml',
      bytes: pageArchive(),
      meta: {
        category: '网页' as const,
        source: 'https://www.xinghe-news.cn/',
        method: '网页存档（MHTML）',
        description: '网站首页存档',
      },
    },
  ];
  for (const f of samples) {
    const { ticket } = await must('evidence.beginImport', {
      caseId: caseIds[0]!,
      documentId: evidenceDoc.id,
      fileName: f.fileName,
      sizeBytes: f.bytes.length,
      meta: f.meta,
    });
    const r = await vault.upload(ticket, [f.bytes]);
    if (!r.ok) throw new Error(`import ${f.fileName}: ${r.error.message}`);
    made.push(`    电子数据 ${f.fileName}：SHA-256 ${r.value.sha256}，SM3 ${r.value.sm3}`);
  }
  const evidenceReady = await must('documents.markReady', { id: evidenceDoc.id });
  made.push(`  ${DOCUMENT_TYPE_LABELS.evidence} ${evidenceReady.docNo}（${evidenceReady.subject}）`);
  const evidenceId = evidenceDoc.id;
  // The 现场笔录 has a witness: the party's representative refuses to sign it (a refusal the witness backs).
  await write('onsite', () => ({ ...demoOnsite([a, b], b, evidenceId), witness: DEMO_WITNESS }));
  // The inquiry puts the penalty article to the party as it reads for the case's conduct (in 2026:
  // 网络安全法 as amended, 第六十一条 with its fines), quoted from the catalog, not written by hand.
  const first = await must('cases.get', { id: caseIds[0]! });
  await write('inquiry', () => withLawQuestion(demoInquiry(a, b), first));
  const preservationId = await write('preservation', () => demoPreservation([a, b]));
  // The order to correct, made and served on site: the law it cites is the one the case's conduct
  // falls under (网络安全法 as amended, 第六十一条, in force 2026-01-01), copied in by the app from
  // the catalog when the order was made — not typed by hand. Served on the party's authorised
  // technical director, with a 送达回证.
  const orderId = await write('rectification', (made) =>
    demoRectification([a, b], (made.content as unknown as RectificationContent).law),
  );
  await write('delivery', () => demoDelivery(orderId, '责令（限期）改正通知书', [a, b]));
  // Within the seven working days, the decision on the items kept: the disk released, the notebook
  // returned against a receipt. Once sealed it closes the 先行登记保存's deadline on the 工作台.
  await write('disposal', () => demoDisposal(preservationId, [a, b]));
  // Every document is signed, slot by slot, with synthetic handwriting (not anyone's signature).
  made.push('', '签名：');
  for (const d of await must('documents.list', { caseId: caseIds[0]! }))
    made.push(`  ${await signDemoDocument(d.id, d.docNo)}`);
  // Sealed by both officers, one device chain link each; the seal files of each document (for
  // checking with sha256sum and openssl, docs/SEAL-FORMAT.md) and the device's verification report.
  made.push('', '封存：');
  const sealed: { id: string; docNo: string }[] = [];
  for (const d of await must('documents.list', { caseId: caseIds[0]! })) {
    const s = await must('seals.seal', {
      documentId: d.id,
      officerPasswords: [DEMO_OFFICERS[0]!.password, DEMO_OFFICERS[1]!.password],
    });
    made.push(`  ${d.docNo}：封存序号${s.seq}，SHA-256 ${s.hashSha256}`);
    sealed.push({ id: d.id, docNo: d.docNo });
  }
  // One 补正: the 清单's storage conditions were written imprecisely; the correction is made, signed
  // and sealed like any document, and names the sealed original.
  const original = sealed.find((s) => s.docNo.includes('保'))!;
  const correction = await must('seals.correct', {
    documentId: original.id,
    reason: '保存条件记录不完整，补记温湿度要求',
  });
  await must('documents.save', {
    id: correction.id,
    revision: correction.revision,
    content: {
      ...correction.content,
      conditions: '常温（15–25℃）、相对湿度不高于60%、防磁柜内存放，封条完好，专人保管。',
    },
  });
  await must('documents.markReady', { id: correction.id });
  made.push(
    `  补正：${correction.docNo}（对${original.docNo}的补正）`,
    `    ${await signDemoDocument(correction.id, correction.docNo)}`,
  );
  const cs = await must('seals.seal', {
    documentId: correction.id,
    officerPasswords: [DEMO_OFFICERS[0]!.password, DEMO_OFFICERS[1]!.password],
  });
  made.push(`    封存序号${cs.seq}，SHA-256 ${cs.hashSha256}`);
  sealed.push({ id: correction.id, docNo: correction.docNo });
  const exportsDir = join(dataDir, 'exports');
  mkdirSync(exportsDir, { recursive: true });
  const lines = [
    `示例数据（虚构）：${DEMO_AGENCY}`,
    '',
    '执法人员（登录用）：',
    ...DEMO_OFFICERS.map((o) => `  ${o.name}  执法证号 ${o.certNo}  密码 ${o.password}`),
    '',
    '案件及文书：',
    ...made.map((m) => `  ${m}`),
    '',
    `打开：npm run web -- --port 8080 --data ${dataDir}`,
    `本机数据已加密（数据库 SQLCipher，电子数据 AES-256-GCM；docs/SECURITY.md）：打开后先出现锁定界面，输入上面任一执法人员的执法证号和密码解锁，解锁者即已登录，再由另一人登录。`,
    `核验数据目录：npm run verify -- ${dataDir} --cert-no ${DEMO_OFFICERS[0]!.certNo}（密码从标准输入读取）`,
    `总部恢复（执法人员全部离职时）：HQ_PASSPHRASE=${DEMO_HQ_PASSPHRASE} npm run hq -- recover --data ${join(dataDir, 'hq')} --device ${dataDir} --cert-no ${DEMO_OFFICERS[0]!.certNo}（新密码从标准输入读取）`,
  ];
  /** Sections are inserted before the closing how-to-open lines. */
  const openAt = () => lines.findIndex((l) => l.startsWith('打开：'));
  // Every document of the sample case, printed as the app prints it.
  const pdfs: string[] = [];
  for (const d of await must('documents.list', { caseId: caseIds[0]! })) {
    const printed = await must('documents.pdf', { id: d.id });
    writeFileAtomic(join(exportsDir, printed.fileName), Buffer.from(printed.base64, 'base64'));
    pdfs.push(`  ${printed.fileName}（${printed.pages}页）`);
  }
  lines.splice(openAt(), 0, `已导出PDF（${exportsDir}）：`, ...pdfs, '');
  // Back at the office: sync. HQ verifies every seal, signature and evidence digest and signs a
  // receipt for each, and a statement that the device is not revoked; the exports below carry them.
  const synced = await coreOf().sync.run();
  if (!synced.ok) throw new Error(`sync: ${synced.message}`);
  lines.splice(
    openAt(),
    0,
    synced.message,
    `示例总部：npm run hq -- --port 8090 --data ${hqDir}，总部口令 ${DEMO_HQ_PASSPHRASE}（终端上提示输入，或设置 HQ_PASSPHRASE；管理员 ${DEMO_HQ_ADMIN.user}，密码 ${DEMO_HQ_ADMIN.password}）`,
    '',
  );
  for (const s of sealed)
    coreOf().seals.exportFiles(s.id, join(exportsDir, `封存-${s.docNo}`), (seq) => coreOf().trust.files([seq]));
  const bundle = await must('bundles.export', { documentIds: sealed.map((s) => s.id) });
  // HQ's root fingerprint, as an office publishes it: the anchor of every verification.
  const fp = hq.devices.certificates.fingerprint();
  const bundleReport = await verifyBundle(bundle.path, { expected: { fingerprint: fp } });
  if (!bundleReport.ok || !bundleReport.anchor?.anchored) throw new Error(`demo bundle: ${formatReport(bundleReport)}`);
  const report = formatReport(await verifyCore(coreOf()));
  writeFileAtomic(join(exportsDir, '核验报告.txt'), Buffer.from(report + '\n'));
  lines.splice(
    openAt(),
    0,
    `总部根密钥指纹（网信办公布于公函、网站或案卷，核验时用它证明签名密钥属于本办的执法终端）：${fp}`,
    `封存包：${bundle.path}（${bundle.files}个文件，封存序号 ${bundle.seals.join('、')}；核验通过，设备证书出自上述总部根密钥）`,
    `核验封存包：npm run verify -- ${bundle.path} --hq-root ${fp}`,
    `封存文件（npm run verify -- 该文件夹 --hq-root ${fp}；或用 sha256sum 和 openssl 核验，见 docs/SEAL-FORMAT.md）：${exportsDir}/封存-<文书编号>/`,
    `核验报告：${exportsDir}/核验报告.txt（${report.split('\n').at(-1)}）`,
    '',
  );
  // What the 工作台 shows of the sample cases' deadlines today (docs/DEADLINES.md).
  const board = await must('dashboard.get', {});
  const due = board.cases.flatMap((c) =>
    c.deadlines
      .filter(isOpen)
      .map(
        (d) =>
          `  ${c.caseNo} ${d.label}：${d.dueDate ? `${formatMinuteChinese(d.dueDate)}前` : `无法确定（最早${formatMinuteChinese(d.earliest ?? '')}）`}，${DEADLINE_STATUS_LABELS[d.status]}`,
      ),
  );
  lines.splice(
    openAt(),
    0,
    `工作台期限（今天 ${formatMinuteChinese(board.today)}，${board.calendar.version}版节假日表）：`,
    ...(due.length ? due : ['  无']),
    '',
  );
  writeFileAtomic(join(exportsDir, '示例说明.txt'), Buffer.from(lines.join('\n') + '\n'));
  console.log(lines.join('\n'));
} finally {
  vault.close();
  await hqServer.close();
  await hq.close();
}
