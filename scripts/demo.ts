// `npm run demo -- --data DIR`: a complete, realistic sample case in DIR (fictional party), made
// through the same API the app uses — for training, screenshots and review. Later issues extend
// it (documents, evidence, signatures, seals, PDFs and bundles in DIR/exports/; a sample HQ in
// DIR/hq that the device enrolled with and synced to).
import { existsSync, mkdirSync, readdirSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AppCore } from '../core/app-core.ts';
import { dispatch } from '../core/api/dispatch.ts';
import { runImport } from '../core/evidence/run-import.ts';
import { Vault } from '../core/vault/vault.ts';
import { openWithPassword } from '../core/vault/open-unlocked.ts';
import type { CallName } from '../shared/api/call-names.ts';
import type { CallInput, CallOutput } from '../shared/api/contract.ts';
import {
  DEMO_AGENCY,
  DEMO_CASES,
  DEMO_HQ_ADMIN,
  DEMO_HQ_DISTRICTS,
  DEMO_HQ_PASSPHRASE,
  DEMO_HQ_REVIEWER,
  DEMO_OFFICERS,
} from './demo-data.ts';
import { evidenceExport } from '../hq/export/evidence-export.ts';
import { openHq } from '../hq/hq-app.ts';
import { startHqServer } from '../hq/http/hq-server.ts';
import { writeFileAtomic, writeFileAtomicStreaming } from '../protocol/runtime/write-file-atomic.ts';
import { verifyCore } from '../core/seals/verify-seals.ts';
import { formatReport } from '../protocol/seal/verify-report.ts';
import { verifyBundle } from '../protocol/bundle/verify-bundle.ts';
import { isOpen } from '../shared/deadlines/case-deadlines.ts';
import { DEADLINE_STATUS_LABELS } from '../shared/deadlines/deadline-api.ts';
import { formatMinuteChinese } from '../shared/documents/local-time.ts';
import { caseTimeline } from '../shared/timeline/case-timeline.ts';
import { lawLine } from './demo-law.ts';
import { DemoClock } from './demo-clock.ts';
import { addDemoHead, runDemoCaseDay, type DemoApi } from './demo-case.ts';
import { at } from './demo-day.ts';

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

// The day of the sample case (scripts/demo-day.ts), on the demo's clock: the core and the sample HQ
// read it, so that every record is made, signed and sealed at the time it states.
const clock = new DemoClock();
// Set up through the vault, as the app does: the data folder comes out encrypted, its key wrapped
// for both officers. Then the folder is opened with an officer's password (as npm run verify does):
// the vault's idle lock would take the day's jumps from one act to the next for a sleeping laptop.
const vault = Vault.open({ dataDir, clock });
let core: AppCore | null = null;
const coreOf = (): AppCore =>
  core ??
  (() => {
    throw new Error('the core is not open');
  })();
/** Each call takes a moment of the day. */
async function must<K extends CallName>(name: K, arg: CallInput<K>): Promise<CallOutput<K>> {
  const r = core ? await dispatch(core, name, arg) : await vault.dispatch(name, arg);
  clock.pass(10);
  if (!r.ok) throw new Error(`${name}: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value as CallOutput<K>;
}
const api: DemoApi = {
  must,
  upload: async (ticket, bytes) => {
    const r = await runImport(coreOf(), ticket, [bytes]);
    clock.pass(20);
    if (!r.ok) throw new Error(`import: ${r.error.message}`);
    return r.value;
  },
};

// A sample HQ beside the device (DIR/hq): the device enrolls before going out and syncs on return.
const hqDir = join(dataDir, 'hq');
const hq = await openHq({
  dataDir: hqDir,
  key: { passphrase: DEMO_HQ_PASSPHRASE },
  name: '柳州市互联网信息办公室（示例总部）',
  now: () => clock.now(),
});
const hqServer = await startHqServer({ hq, port: 0, log: () => {} });

try {
  // 08:00 at the office.
  await must('office.setup', { agencyName: DEMO_AGENCY, officers: DEMO_OFFICERS });
  vault.close();
  core = await openWithPassword({ dataDir, clock }, DEMO_OFFICERS[0]!.certNo, DEMO_OFFICERS[0]!.password);
  for (const o of DEMO_OFFICERS) await must('session.signIn', { certNo: o.certNo, password: o.password });
  // The office's head, who approves a 先行登记保存 (by phone, from the site).
  const headId = await addDemoHead(api);
  // Before leaving: enrolled with HQ (its keys pinned, its signed time seen — the earliest bound
  // of every seal made on site).
  clock.to(at('08:10'));
  // HQ is the city's office, over its districts; the device belongs to 柳南区, whose 审核 reviews
  // its cases (城中区's staff would not see them). The administrator works at the city.
  await hq.admins.create(DEMO_HQ_ADMIN.user, DEMO_HQ_ADMIN.password);
  const city = (await hq.offices.root())!;
  const [liunan] = [
    await hq.offices.create(DEMO_HQ_ADMIN.user, { name: DEMO_HQ_DISTRICTS[0], level: 'district', parentId: city.id }),
    await hq.offices.create(DEMO_HQ_ADMIN.user, { name: DEMO_HQ_DISTRICTS[1], level: 'district', parentId: city.id }),
  ];
  await hq.admins.create(DEMO_HQ_REVIEWER.user, DEMO_HQ_REVIEWER.password, { officeId: liunan!.id, role: 'reviewer' });
  await must('sync.enroll', {
    url: hqServer.url,
    code: (await hq.devices.createCode(DEMO_HQ_ADMIN.user, '示例执法终端', '', liunan!.id)).code,
  });
  clock.to(at('08:20'));
  const officerIds = (await must('officers.list', {})).map((o) => o.id) as [string, string];
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
  // The first case's day on site: every record made, signed and sealed at its time (demo-day.ts).
  const day = await runDemoCaseDay(api, clock, { caseId: caseIds[0]!, officerIds, headId });
  made.push(...day.lines);
  const sealed = day.sealed;
  // Nothing of the day breaks a rule of the case timeline (tests/integration/demo-timeline.test.ts checks the same).
  const timeline = caseTimeline(await must('timeline.get', { caseId: caseIds[0]! }), clock.now());
  if (timeline.issues.length) throw new Error(`timeline: ${timeline.issues.map((i) => i.message).join('\n')}`);
  made.push('', `案件时间线：${timeline.entries.length}项，时间线检查无问题。`);
  // 14:30 back at the office.
  clock.to(at('14:30'));
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
  // At HQ, 柳南区's 审核 exports the case for court (导出证据包: seal folders with HQ's trust
  // documents, PDFs, evidence with SHA256SUMS, the verifier's report; the read is in HQ's access log).
  const reviewer = (await hq.admins.viewer(DEMO_HQ_REVIEWER.user))!;
  const courtExport = (await evidenceExport(hq, reviewer, { caseId: caseIds[0]! }))!;
  const courtPath = join(exportsDir, courtExport.fileName);
  await writeFileAtomicStreaming(courtPath, async (fd) => {
    for await (const piece of courtExport.stream as AsyncIterable<Uint8Array>)
      for (let at = 0; at < piece.length;) at += writeSync(fd, piece, at, piece.length - at);
  });
  lines.splice(
    openAt(),
    0,
    synced.message,
    `示例总部：npm run hq -- --port 8090 --data ${hqDir}，总部口令 ${DEMO_HQ_PASSPHRASE}（终端上提示输入，或设置 HQ_PASSPHRASE）`,
    `  单位：${city.name}下设${DEMO_HQ_DISTRICTS.join('、')}；本执法终端属${DEMO_HQ_DISTRICTS[0]}。`,
    `  管理员 ${DEMO_HQ_ADMIN.user}（${city.name}，密码 ${DEMO_HQ_ADMIN.password}）；审核 ${DEMO_HQ_REVIEWER.user}（${DEMO_HQ_DISTRICTS[0]}，密码 ${DEMO_HQ_REVIEWER.password}，只看到本区的案件）。`,
    `  证据包（由${DEMO_HQ_DISTRICTS[0]}审核导出，供法院核验；解开后按其中的说明.txt用 npm run verify 核验各文书文件夹）：${courtPath}`,
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
  core?.close();
  await hqServer.close();
  await hq.close();
}
