// One handler per contract call. Handlers receive arguments already validated against the
// contract and access already checked (dispatch.ts); they only do the work.
import type { CallArg, CallOutput } from '../../shared/api/contract.ts';
import type { CallName } from '../../shared/api/call-names.ts';
import type { AppCore } from '../app-core.ts';
import { CoreError } from '../core-error.ts';
import { machineFacts } from '../documents/machine-facts.ts';

export type Handlers = { [K in CallName]: (arg: CallArg<K>, core: AppCore) => Promise<CallOutput<K>> | CallOutput<K> };

export const handlers: Handlers = {
  'app.status': (_arg, core) => core.status(),

  'office.setup': async (arg, core) => {
    if (core.office.agencyName() !== null) throw new CoreError('conflict', '本机已完成首次设置，不能重复设置。');
    const insertOfficers = await core.officers.prepare(arg.officers);
    core.db.transaction(() => {
      core.office.insert(arg.agencyName);
      insertOfficers();
    })();
    return core.status();
  },

  'session.signIn': (arg, core) => core.session.signIn(arg.certNo, arg.password),
  'session.signOut': (arg, core) => core.session.signOut(arg.officerId),

  'officers.list': (_arg, core) => core.officers.list(),
  'officers.create': async (arg, core) => {
    const insert = await core.officers.prepare([arg]);
    return core.db.transaction(() => insert()[0]!)();
  },

  'catalog.search': (arg, core) => ({
    version: core.catalog.version,
    items: core.catalog.search({ query: arg.query, type: arg.type, limit: arg.limit }),
  }),
  'catalog.get': (arg, core) => {
    const m = core.catalog.get(arg.id);
    if (!m) throw new CoreError('not_found', '事项目录中没有这个事项，目录可能已更新。请重新搜索选择。');
    return m;
  },

  'cases.list': (arg, core) => core.cases.list(arg),
  'cases.get': (arg, core) => core.cases.get(arg.id),
  'cases.create': (arg, core) => core.cases.create(arg, core.session.signedInIds()),
  'cases.update': (arg, core) => core.cases.update(arg.id, arg.data, core.session.signedInIds()),
  'cases.setStatus': (arg, core) => core.cases.setStatus(arg.id, arg.status, arg.note, core.session.signedInIds()),

  'documents.list': (arg, core) => core.documents.list(arg.caseId),
  'documents.get': (arg, core) => core.documents.get(arg.id),
  'documents.create': (arg, core) =>
    core.documents.create(arg.caseId, arg.type, { officerIds: core.session.signedInIds(), now: core.clock.now(), machine: machineFacts() }, core.session.signedInIds()),
  'documents.save': (arg, core) => core.documents.save(arg.id, arg.revision, arg.content),
  'documents.markReady': (arg, core) => core.documents.markReady(arg.id, core.session.signedInIds()),

  'evidence.list': (arg, core) => {
    core.cases.get(arg.caseId);
    return core.evidence.list(arg.caseId);
  },
  'evidence.beginImport': (arg, core) => {
    core.cases.get(arg.caseId);
    if (arg.documentId) {
      const d = core.documents.get(arg.documentId);
      if (d.caseId !== arg.caseId || d.type !== 'evidence') throw new CoreError('validation', '只能把电子数据加入本案的电子取证工作记录。');
    }
    return { ticket: core.importTickets.issue({ ...arg, officerIds: core.session.signedInIds() }) };
  },
  'evidence.reverify': (arg, core) => core.evidence.reverify({ caseId: arg.caseId }),
};
