// One handler per contract call. Handlers receive arguments already validated against the
// contract and access already checked (dispatch.ts); they only do the work.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { exportBundle } from '../bundle/export-bundle.ts';
import { verifyBundle } from '../../protocol/bundle/verify-bundle.ts';
import { rootDocument } from '../../protocol/trust/trust-format.ts';
import { printDocument } from '../pdf/print-document.ts';
import { toLocalDate, toLocalMinute } from '../../shared/documents/local-time.ts';
import { freeSpace } from '../sync/free-space.ts';
import { verifyCore, verifyDocument } from '../seals/verify-seals.ts';
import type { CallArg, CallOutput } from '../../shared/api/contract.ts';
import type { CallName } from '../../shared/api/call-names.ts';
import type { AppCore } from '../app-core.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { machineFacts } from '../documents/machine-facts.ts';
import { dashboard, deadlinesOfCase, today } from '../deadlines/deadlines-service.ts';
import { capturePage } from '../evidence/cdp-capture.ts';
import type { CaptureHost } from '../evidence/capture-host.ts';
import { recordCapture } from '../evidence/record-capture.ts';
import { hashPassword } from '../../protocol/runtime/password-hash.ts';
import { isoNow } from '../clock.ts';
import { descriptorOf } from '../../shared/documents/types/registry.ts';

export type Handlers = { [K in CallName]: (arg: CallArg<K>, core: AppCore) => Promise<CallOutput<K>> | CallOutput<K> };

export const handlers: Handlers = {
  'app.status': (_arg, core) => core.status(),

  'office.setup': async (arg, core) => {
    if (core.office.agencyName() !== null) throw new CoreError('conflict', '本机已完成首次设置，不能重复设置。');
    const insertOfficers = await core.officers.prepare(arg.officers);
    const officers = core.inTransaction(() => {
      core.office.insert(arg.agencyName);
      const made = insertOfficers();
      // The device's id and SM2 + Ed25519 keys are made here, at first start, not at first seal.
      core.device.ensure();
      // Audited here, inside the action's transaction (dispatch cannot span the hashing above).
      core.audit.append({
        action: 'settings',
        officerIds: [],
        targets: made.map((o) => o.id),
        detail: '首次设置：行政机关名称和两名执法人员',
      });
      return made;
    });
    // Each officer gets a copy of the device key wrapped with their password (core/vault/).
    for (const [i, o] of officers.entries()) await core.keys.setOfficer(o.id, o.certNo, arg.officers[i]!.password);
    return core.status();
  },

  'session.signIn': async (arg, core) => {
    const state = await core.session.signIn(arg.certNo, arg.password);
    // An officer without a copy of the device key (one added while the key file could not be
    // written) gets it now: any enrolled officer must be able to unlock the app.
    const officer = core.officers.findByCertNo(arg.certNo)!;
    if (!core.keys.hasOfficer(officer.id)) await core.keys.setOfficer(officer.id, officer.certNo, arg.password);
    return state;
  },
  'session.signOut': (arg, core) => core.session.signOut(arg.officerId),

  'officers.list': (_arg, core) => core.officers.list(),
  'officers.create': async (arg, core) => {
    const insert = await core.officers.prepare([arg]);
    const officer = core.inTransaction(() => {
      const made = insert()[0]!;
      core.audit.append({
        action: 'settings',
        officerIds: core.session.signedInIds(),
        targets: [made.id],
        detail: '登记执法人员',
      });
      return made;
    });
    await core.keys.setOfficer(officer.id, officer.certNo, arg.password);
    return officer;
  },
  'officers.changePassword': async (arg, core) => {
    if (!core.session.signedInIds().includes(arg.officerId))
      throw new CoreError('forbidden', '只能修改本人的密码：请先用本人的执法证号登录。');
    await core.session.confirmPassword(arg.officerId, arg.oldPassword);
    const officer = core.officers.get(arg.officerId)!;
    const hash = await hashPassword(arg.newPassword);
    // The key file first: if the app dies before the database follows, unlocking with the new
    // password repairs the sign-in hash (core/vault/vault.ts). Only this officer's copy changes.
    await core.keys.setOfficer(officer.id, officer.certNo, arg.newPassword);
    core.inTransaction(() => {
      core.officers.setPasswordHash(officer.id, hash);
      core.audit.append({
        action: 'settings',
        officerIds: core.session.signedInIds(),
        targets: [officer.id],
        detail: '修改本人密码（重新包装其密钥副本）',
      });
    });
    return { ok: true as const };
  },
  'officers.remove': (arg, core) => {
    const officer = core.officers.get(arg.officerId);
    if (!officer) throw new CoreError('not_found', '找不到该执法人员。');
    if (!officer.active) throw new CoreError('conflict', `${officer.name}已经停用。`);
    if (core.session.signedInIds().includes(officer.id))
      throw new CoreError(
        'forbidden',
        `${officer.name}正在登录，不能停用本人或同组登录的执法人员。请换其他执法人员登录后再停用。`,
      );
    const remaining = core.officers.list().filter((o) => o.active && o.id !== officer.id).length;
    if (remaining < 2)
      throw new CoreError(
        'conflict',
        '停用后本机将不足两名在用的执法人员，无法开展执法。请先登记新的执法人员，再停用。',
      );
    core.officers.deactivate(officer.id);
    // Then the key copy: a copy left by a crash here is refused and removed at its next use.
    core.keys.removeOfficer(officer.id);
    return core.officers.list();
  },

  'lock.unlock': (arg, core) => core.lock.unlock(arg.certNo, arg.password),
  'lock.lockNow': (_arg, core) => {
    core.lock.lockNow('manual');
    return core.status();
  },
  'lock.activity': (_arg, core) => {
    core.lock.activity();
    return { ok: true as const };
  },
  'office.setIdleLock': (arg, core) => {
    core.office.setIdleLockMinutes(arg.minutes);
    core.lock.idleMinutesChanged();
    return core.status();
  },

  'office.timelineSettings': (_arg, core) => timelineSettings(core),
  'office.addHead': (arg, core) => {
    core.office.addHead(arg.name, arg.title);
    return timelineSettings(core);
  },
  'office.removeHead': (arg, core) => {
    core.office.removeHead(arg.id);
    return timelineSettings(core);
  },
  'office.setLateSigning': (arg, core) => {
    core.settings.setLateSigningMinutes(arg.minutes);
    return timelineSettings(core);
  },

  'catalog.search': (arg, core) => ({
    version: core.catalog.version,
    date: core.catalog.date,
    items: core.catalog.search({
      query: arg.query,
      type: arg.type,
      limit: arg.limit,
      conduct: arg.conduct,
      today: toLocalDate(core.clock.now()),
    }),
  }),
  'catalog.get': (arg, core) => {
    const m = core.catalog.view(arg.id);
    if (!m) throw new CoreError('not_found', '事项目录中没有这个事项，目录可能已更新。请重新搜索选择。');
    return m;
  },

  'cases.list': (arg, core) => core.cases.list(arg),
  'cases.get': (arg, core) => core.cases.get(arg.id),
  'cases.create': (arg, core) => core.cases.create(arg, core.session.signedInIds()),
  'cases.update': (arg, core) => core.cases.update(arg.id, arg.data, core.session.signedInIds()),
  'cases.chooseLaw': (arg, core) =>
    core.cases.chooseLaw(
      arg.caseId,
      { period: arg.period, ground: arg.ground, note: arg.note },
      core.session.signedInIds(),
    ),
  'cases.setStatus': (arg, core) => core.cases.setStatus(arg.id, arg.status, arg.note, core.session.signedInIds()),
  'cases.recordMilestone': (arg, core) => {
    core.cases.recordMilestone(
      arg.caseId,
      { kind: arg.kind, date: arg.date, note: arg.note },
      core.session.signedInIds(),
    );
    return deadlinesOfCase(core, arg.caseId);
  },

  'documents.list': (arg, core) => core.documents.list(arg.caseId),
  'documents.get': (arg, core) => core.documents.get(arg.id),
  'documents.create': (arg, core) =>
    core.documents.create(
      arg.caseId,
      arg.type,
      { officerIds: core.session.signedInIds(), now: core.clock.now(), machine: machineFacts() },
      core.session.signedInIds(),
    ),
  'documents.save': (arg, core) =>
    core.documents.save(arg.id, arg.revision, arg.content, {
      discardSignatures: arg.discardSignatures,
      actorIds: core.session.signedInIds(),
    }),
  'documents.markReady': (arg, core) =>
    core.documents.markReady(arg.id, core.session.signedInIds(), core.signatures.freeze),

  'timeline.get': (arg, core) => core.timeline.input(arg.caseId),
  'timeline.confirm': async (arg, core) => {
    const officerIds = core.session.signedInIds();
    if (officerIds.length !== 2) throw new CoreError('forbidden', '确认须两名执法人员同时登录并分别输入密码。');
    core.timeline.confirmable(arg.caseId, arg.rule, arg.subject);
    for (const [i, id] of officerIds.entries()) await core.session.confirmPassword(id, arg.officerPasswords[i]!);
    core.inTransaction(() => {
      // Checked again inside the transaction: the facts may have changed while the passwords were hashed.
      const issue = core.timeline.confirmable(arg.caseId, arg.rule, arg.subject);
      const documentId = issue.at[0]?.documentId ?? '';
      const at = isoNow(core.clock);
      core.confirmations.add(
        {
          caseId: arg.caseId,
          documentId,
          rule: arg.rule,
          subject: arg.subject,
          message: issue.message,
          note: arg.note,
        },
        officerIds,
        at,
      );
      core.cases.addEvent(
        arg.caseId,
        'timeline',
        `两名执法人员确认：${issue.message}（理由：${arg.note}）`,
        officerIds,
        at,
      );
      core.audit.append({
        action: 'timeline-confirm',
        officerIds,
        caseId: arg.caseId,
        targets: issue.at.map((a) => a.documentId),
        // The rule only: the reason may name people (it is in the confirmation and the case's record).
        detail: arg.rule,
      });
    });
    return core.timeline.input(arg.caseId);
  },

  'documents.pdf': async (arg, core) => {
    const printed = await printDocument(core, arg.id);
    return { fileName: printed.fileName, pages: printed.pages, base64: Buffer.from(printed.bytes).toString('base64') };
  },

  'signing.state': (arg, core) => core.signatures.state(arg.id),
  'signing.start': (arg, core) => core.signatures.startCeremony(arg, core.session.signedInIds()),
  'signing.sign': (arg, core) => core.signatures.sign(arg),
  'signing.resolve': (arg, core) => core.signatures.resolve(arg),
  'signing.end': (arg, core) =>
    core.signatures.endCeremony(
      arg.ceremonyId,
      arg.recordingEvidenceId || null,
      core.session.signedInIds(),
      arg.recordingFailure,
    ),

  'seals.seal': (arg, core) => core.seals.seal(arg.documentId, arg.officerPasswords),
  'seals.correct': (arg, core) => {
    const seal = core.seals.forDocument(arg.documentId);
    if (!seal) throw new CoreError('conflict', '只能对已封存的文书制作补正；未封存的文书可直接修改。');
    return core.documents.createCorrection(arg.documentId, seal.hashSha256, arg.reason, core.session.signedInIds());
  },
  'bundles.export': async (arg, core) => {
    const dir = join(core.dataDir, 'exports');
    mkdirSync(dir, { recursive: true });
    const stamp = core.clock.now().toISOString().slice(0, 19).replace(/[-:T]/g, '');
    return exportBundle(core, arg.documentIds, join(dir, `封存包-${stamp}.tar`));
  },
  'bundles.verify': async (arg, core) => {
    const path = isAbsolute(arg.path)
      ? arg.path
      : !/[\\/]/.test(arg.path)
        ? join(core.dataDir, 'exports', arg.path)
        : null;
    if (!path)
      throw new CoreError(
        'validation',
        '请填写封存包文件的完整路径（如 /media/U盘/封存包-20261130.tar 或 E:\\封存包-20261130.tar）。',
        { path: '请填写完整路径。' },
      );
    if (!existsSync(path) || !statSync(path).isFile())
      throw new CoreError('validation', `找不到封存包文件 ${path}。请检查路径，或插入存放封存包的移动存储介质。`, {
        path: '文件不存在。',
      });
    // Anchored to the HQ this device enrolled with (its keys pinned then); before enrollment, to none.
    const hq = core.hqLink.keys();
    return verifyBundle(path, { expected: hq ? { rootText: rootDocument(hq) } : null });
  },
  'sync.status': (_arg, core) => core.sync.status(),
  'sync.enroll': (arg, core) => core.sync.enroll(arg.url, arg.code),
  'sync.start': (_arg, core) => core.sync.start(),
  'sync.exportBundle': (arg, core) => {
    const dir = arg.dir || join(core.dataDir, 'exports');
    if (!isAbsolute(dir))
      throw new CoreError('validation', '导出文件夹须为完整路径（如 /media/U盘 或 E:\\）。', {
        dir: '请填写完整的文件夹路径。',
      });
    if (!arg.dir) mkdirSync(dir, { recursive: true });
    else if (!existsSync(dir))
      throw new CoreError('validation', `文件夹 ${dir} 不存在。请插入移动存储介质或选择已有的文件夹。`, {
        dir: '文件夹不存在。',
      });
    return core.sync.exportOutbox(dir);
  },
  'sync.importReceipts': (arg, core) => core.sync.importReceipts(arg.text),
  'sync.freeSpace': (_arg, core) => freeSpace(core),
  'seals.get': (arg, core) => core.seals.forDocument(arg.documentId),
  'seals.verify': (arg, core) => (arg.documentId ? verifyDocument(core, arg.documentId) : verifyCore(core)),
  'audit.list': (arg, core) =>
    core.audit.rows(arg.caseId || undefined).map((r) => ({
      seq: r.seq,
      at: r.at,
      officerIds: JSON.parse(r.officer_ids) as string[],
      action: r.action,
      caseId: r.case_id,
      targets: JSON.parse(r.targets) as string[],
      detail: r.detail,
      hash: r.hash,
    })),

  'evidence.list': (arg, core) => {
    core.cases.get(arg.caseId);
    return core.evidence.list(arg.caseId);
  },
  'evidence.beginImport': (arg, core) => {
    core.cases.get(arg.caseId);
    if (arg.documentId) {
      const d = core.documents.get(arg.documentId);
      if (d.caseId !== arg.caseId || !descriptorOf(d.type).evidenceList)
        throw new CoreError('validation', '只能把电子数据加入本案的电子取证工作记录。');
    }
    // 提取时间 is what the officers recorded on site: it cannot be later than now.
    const now = toLocalMinute(core.clock.now());
    if (arg.meta.extractedAt > now)
      throw new CoreError(
        'validation',
        `提取时间（${arg.meta.extractedAt.replace('T', ' ')}）晚于现在（${now.replace('T', ' ')}）：请按现场记录填写实际的提取时间。`,
        { 'meta.extractedAt': '提取时间不能晚于现在。' },
      );
    return { ticket: core.importTickets.issue({ ...arg, officerIds: core.session.signedInIds() }) };
  },
  'evidence.reverify': (arg, core) => {
    core.cases.get(arg.caseId);
    return core.evidence.reverify({ caseId: arg.caseId });
  },
  'evidence.reverifyAll': (_arg, core) => core.evidence.reverify({}),

  'capture.open': async (arg, core) => {
    const host = requireCaptureHost(core);
    const d = core.documents.get(arg.documentId);
    if (d.caseId !== arg.caseId || !descriptorOf(d.type).evidenceList)
      throw new CoreError('validation', '只能在本案的电子取证工作记录中使用取证浏览器。');
    core.captureTarget = { caseId: arg.caseId, documentId: arg.documentId };
    await host.open(arg.url);
    return {};
  },
  'capture.take': async (_arg, core) => {
    const host = requireCaptureHost(core);
    const send = await host.cdp();
    if (!send || !core.captureTarget) throw new CoreError('conflict', '取证浏览器没有打开页面：请先输入网址并打开。');
    const page = await capturePage(send, () => core.clock.now());
    return recordCapture(core, { ...core.captureTarget, officerIds: core.session.signedInIds() }, page);
  },
  'capture.close': (_arg, core) => {
    core.captureHost?.close();
    core.captureTarget = null;
    return {};
  },

  'calendar.get': (_arg, core) => ({
    summary: core.calendar.summary(today(core.clock)),
    data: core.calendar.current().data,
  }),
  'deadlines.case': (arg, core) => deadlinesOfCase(core, arg.caseId),
  'dashboard.get': (_arg, core) => dashboard(core),
};

function timelineSettings(core: AppCore): CallOutput<'office.timelineSettings'> {
  return { heads: core.office.heads(), lateSigningMinutes: core.timeline.lateSigningMinutes() };
}

function requireCaptureHost(core: AppCore): CaptureHost {
  if (!core.captureHost) {
    throw new CoreError(
      'forbidden',
      '内置取证浏览器仅在桌面版中提供。在网页版中，请用浏览器保存页面截图和网页存档，再点击「导入电子数据」导入。',
    );
  }
  return core.captureHost;
}
