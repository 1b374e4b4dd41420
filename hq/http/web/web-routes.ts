// HQ's web page for staff (login required): overview with flags, devices (chain status, revoke),
// one-time enrollment codes, received cases and documents (seal, signatures, evidence, receipt,
// verification re-run on every view, the PDF), offline bundle import, the HQ event log.
// Server-rendered HTML (React, render.ts and pages/); the only script is the bundle upload (static,
// same origin). Before any body is read: a cross-site post is refused and a request without a
// session is sent to sign in; then every route parameter, query and form is checked against its
// schema (web-schemas.ts).
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { createElement as h } from 'react';
import { parseSealQr } from '../../../protocol/print/seal-qr.ts';
import type { Admin } from '../../admin/admin-store.ts';
import { roleAtLeast } from '../../db/scope.ts';
import type { StaffRole } from '../../db/schema.ts';
import { ROLE_LABELS } from '../../offices/office-store.ts';
import { fail, HqFailure } from '../../hq-failure.ts';
import type { HqApp } from '../../hq-app.ts';
import { describeFieldErrors, requestFieldErrors, type ZodTypeProvider } from '../zod-validation.ts';
import { printReceived } from '../../print/print-received.ts';
import { importUpload, MAX_BUNDLE, receiptsFile } from './import-upload.ts';
import { CasePage, CasesPage } from './pages/cases.ts';
import { DevicePage, loadDevicePage } from './pages/device.ts';
import { DocumentPage, loadDocumentPage } from './pages/document.ts';
import { loadOverview, Overview } from './pages/overview.ts';
import {
  AccessPage,
  CodeMade,
  EventsPage,
  IMPORT_SCRIPT,
  ImportPage,
  LoginForm,
  NoAdminYet,
} from './pages/small-pages.ts';
import { errorPage, sendPage } from './render.ts';
import * as S from './web-schemas.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in administrator (staff page), set before the body is read. */
    admin: Admin | null;
  }
}

const COOKIE = 'hq_session';
const FORM_BYTES = 16 * 1024;
/** Reached without a session. */
const PUBLIC_ROUTES = new Set(['/login', '/static/hq-import.js']);

export interface WebUiOptions {
  hq: HqApp;
  /** Served over HTTPS: the session cookie is Secure. */
  secure: boolean;
  log: (line: string, error?: unknown) => void;
}

/** The administrator the session hook found (every route but PUBLIC_ROUTES has one). */
function signedIn(req: FastifyRequest): Admin {
  if (!req.admin) throw fail(401, 'bad_request', '请先登录。');
  return req.admin;
}

/** The signed-in staff member, when they hold at least `least` at some office (403 otherwise). */
export function withRole(req: FastifyRequest, least: StaffRole): Admin {
  const v = signedIn(req);
  if (!v.grants.some((g) => roleAtLeast(g.role, least)))
    throw fail(403, 'bad_request', `此操作需要${ROLE_LABELS[least]}角色。`);
  return v;
}

/** A Fastify plugin: the staff page, at the root of HQ's address. */
export async function webUi(app: FastifyInstance, o: WebUiOptions): Promise<void> {
  const { hq } = o;
  const web = app.withTypeProvider<ZodTypeProvider>();
  app.decorateRequest('admin', null);
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BYTES },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));

  app.addHook('onRequest', async (req, reply) => {
    // Cross-site form posts are refused: the cookie is SameSite=Strict and the origin must be this
    // server as the browser addressed it (HQ may be reached by a name or address other than it listens on).
    if (req.method === 'POST' && req.headers.origin !== undefined && !sameHost(req.headers.origin, req.headers.host))
      return reply.code(403).header('content-type', 'text/plain; charset=utf-8').send('cross-origin request refused');
    if (PUBLIC_ROUTES.has(req.routeOptions.url ?? '')) return;
    req.admin = await hq.admins.session(req.cookies[COOKIE]);
    if (!req.admin) return reply.redirect('/login', 303);
  });

  app.setErrorHandler((err, req, reply) => {
    const e = err as FastifyError;
    if (e instanceof HqFailure) return sendPage(reply, e.status, '操作未完成', req.admin, errorPage(e.message));
    const fields = requestFieldErrors(e);
    if (fields) return sendPage(reply, 400, '操作未完成', req.admin, errorPage(describeFieldErrors(fields)));
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendPage(
        reply,
        413,
        '操作未完成',
        req.admin,
        errorPage(`请求过大（上限 ${req.routeOptions.bodyLimit} 字节）。`),
      );
    if (e.statusCode && e.statusCode < 500)
      return sendPage(reply, e.statusCode, '操作未完成', req.admin, errorPage('请求无法处理，请返回后重试。'));
    o.log(`hq: page ${req.method} ${req.routeOptions.url ?? 'unknown'} failed`, e);
    return sendPage(
      reply,
      500,
      '操作未完成',
      req.admin,
      errorPage('总部服务器内部错误。请重试；如仍出现，请联系技术支持。'),
    );
  });

  app.setNotFoundHandler((req, reply) =>
    sendPage(reply, 404, '找不到页面', req.admin, h('p', null, '没有这个页面。', h('a', { href: '/' }, '返回总览'))),
  );

  web.get('/static/hq-import.js', async (_req, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').send(IMPORT_SCRIPT),
  );

  web.get('/login', async (_req, reply) =>
    sendPage(reply, 200, '登录', null, (await hq.admins.count()) === 0 ? h(NoAdminYet) : h(LoginForm)),
  );

  web.post('/login', { schema: { body: S.LoginForm }, bodyLimit: FORM_BYTES }, async (req, reply) => {
    try {
      // req.ip: the connection's address (no proxy headers are trusted: docs/SECURITY.md "Lockouts").
      const { token } = await hq.admins.login(req.body.username, req.body.password, req.ip);
      return reply
        .setCookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure: o.secure })
        .redirect('/', 303);
    } catch (e) {
      return sendPage(reply, e instanceof HqFailure ? e.status : 401, '登录', null, [
        h('div', { className: 'err', key: 'e' }, (e as Error).message),
        h(LoginForm, { key: 'f' }),
      ]);
    }
  });

  web.post('/logout', { bodyLimit: FORM_BYTES }, async (req, reply) => {
    await hq.admins.logout(req.cookies[COOKIE]!);
    return reply
      .clearCookie(COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure: o.secure })
      .redirect('/login', 303);
  });

  web.get('/', async (req, reply) =>
    sendPage(reply, 200, '总览', signedIn(req), h(Overview, await loadOverview(hq, signedIn(req)))),
  );

  web.post('/codes', { schema: { body: S.CodeForm }, bodyLimit: FORM_BYTES }, async (req, reply) => {
    const admin = signedIn(req);
    const { note, prefix, office } = req.body;
    const c = await hq.devices.createCode(admin, note, prefix, office ?? admin.grants[0]?.officeId);
    return sendPage(reply, 200, '设备登记码', admin, h(CodeMade, { ...c, note, prefix }));
  });

  web.post(
    '/devices/:deviceId/revoke',
    { schema: { params: S.DeviceParams, body: S.RevokeForm }, bodyLimit: FORM_BYTES },
    async (req, reply) => {
      await hq.devices.revoke(req.params.deviceId, signedIn(req), req.body.reason);
      return reply.redirect('/', 303);
    },
  );

  web.get(
    '/devices/:deviceId',
    { schema: { params: S.DeviceParams, querystring: S.DeviceQuery } },
    async (req, reply) =>
      sendPage(
        reply,
        200,
        '设备',
        signedIn(req),
        h(DevicePage, { data: await loadDevicePage(hq, signedIn(req), req.params.deviceId, req.query.verify === '1') }),
      ),
  );

  web.get('/cases', { schema: { querystring: S.CasesQuery } }, async (req, reply) => {
    const admin = signedIn(req);
    // The search box also takes what a scanner reads off a printed page's seal QR code (or a
    // bare seal hash) and goes straight to that document.
    const { q } = req.query;
    const seal = parseSealQr(q) ?? (/^\s*[0-9a-f]{64}\s*$/i.test(q) ? { sha256: q.trim().toLowerCase() } : null);
    if (!seal)
      return sendPage(
        reply,
        200,
        '案件',
        admin,
        h(CasesPage, { cases: (await hq.cases.search(admin, { q, pageSize: 200 })).rows, q }),
      );
    const id = await hq.cases.documentBySealHash(admin, seal.sha256);
    if (id) return reply.redirect(`/documents/${encodeURIComponent(id)}`, 303);
    return sendPage(reply, 404, '案件', admin, [
      h(
        'div',
        { className: 'err', key: 'e' },
        `总部没有收到封存校验值为 ${seal.sha256} 的文书：请确认该设备已同步或已导入其封存包。`,
      ),
      h(CasesPage, { cases: (await hq.cases.search(admin, { pageSize: 200 })).rows, q: '', key: 'c' }),
    ]);
  });

  // Outside the viewer's offices a case or document is not found (404), like one that does not exist.
  web.get('/cases/:caseId', { schema: { params: S.CaseParams } }, async (req, reply) => {
    const data = await hq.cases.caseById(signedIn(req), req.params.caseId);
    return sendPage(reply, data ? 200 : 404, '案件', signedIn(req), h(CasePage, { data }));
  });

  web.get('/documents/:documentId', { schema: { params: S.DocumentParams } }, async (req, reply) => {
    const data = await loadDocumentPage(hq, signedIn(req), req.params.documentId);
    return sendPage(reply, data ? 200 : 404, '文书', signedIn(req), h(DocumentPage, { data }));
  });

  web.get('/documents/:documentId/pdf', { schema: { params: S.DocumentParams } }, async (req, reply) => {
    const admin = signedIn(req);
    const id = req.params.documentId;
    const d = await hq.cases.document(admin, id, 'pdf');
    if (!d) return sendPage(reply, 404, '文书', admin, h('div', { className: 'err' }, '没有这个文书。'));
    const printed = await printReceived(hq, d);
    if (!printed.ok)
      return sendPage(reply, 409, '文书', admin, [
        h('div', { className: 'err', key: 'e' }, `不能生成PDF：${printed.reason}`),
        h('p', { key: 'b' }, h('a', { href: `/documents/${encodeURIComponent(id)}` }, '返回文书')),
      ]);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(printed.fileName)}`)
      .send(Buffer.from(printed.bytes));
  });

  web.get('/documents/:documentId/evidence/:sha256', { schema: { params: S.EvidenceParams } }, async (req, reply) => {
    const admin = signedIn(req);
    const e = await hq.cases.evidence(admin, req.params.documentId, req.params.sha256);
    if (!e) return sendPage(reply, 404, '电子数据', admin, h('div', { className: 'err' }, '没有该电子数据。'));
    return reply
      .header('content-type', 'application/octet-stream')
      .header('content-length', e.size)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(e.file_name)}`)
      .send(hq.storage.read(req.params.sha256));
  });

  web.get('/import', async (req, reply) => sendPage(reply, 200, '导入封存包', signedIn(req), h(ImportPage)));

  // Answers JSON, refusals included: the import page's script reads them.
  web.post(
    '/import',
    {
      onRequest: async (req) => {
        if (Number(req.headers['content-length'] ?? 0) > MAX_BUNDLE) throw fail(413, 'bad_request', '封存包过大。');
      },
      errorHandler: (e, _req, reply) => {
        const status = e instanceof HqFailure ? e.status : e.statusCode && e.statusCode < 500 ? e.statusCode : 500;
        return reply
          .code(status)
          .send({ ok: false, message: e instanceof HqFailure ? e.message : '导入失败：请求无法处理。' });
      },
    },
    async (req, reply) => importUpload(hq, withRole(req, 'reviewer'), req, reply),
  );

  web.get('/receipts/:receiptsId', { schema: { params: S.ReceiptsParams } }, async (req, reply) => {
    const admin = signedIn(req);
    const file = receiptsFile(hq, req.params.receiptsId);
    if (!file)
      return sendPage(
        reply,
        404,
        '回执文件',
        admin,
        h('div', { className: 'err' }, '没有这个回执文件。请重新导入封存包以生成回执文件（重复导入不会重复保存）。'),
      );
    return reply
      .header('content-type', 'application/json')
      .header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`总部回执-${req.params.receiptsId.slice(0, 8)}.json`)}`,
      )
      .send(file);
  });

  web.get('/events', async (req, reply) =>
    sendPage(
      reply,
      200,
      '操作记录',
      signedIn(req),
      h(EventsPage, { events: await hq.browse.eventsFor(withRole(req, 'admin')) }),
    ),
  );

  web.get('/access', async (req, reply) =>
    sendPage(
      reply,
      200,
      '查阅记录',
      signedIn(req),
      h(AccessPage, { rows: await hq.cases.accessLog(withRole(req, 'admin')) }),
    ),
  );
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false; // "null" and other opaque origins
  }
}
