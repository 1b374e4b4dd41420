// The staff app's JSON API under /api/staff (routes and schemas: protocol/staff/staff-api.ts). The
// same session cookie as the server-rendered pages (HttpOnly, SameSite=Strict); every request that
// changes something also carries the session's CSRF token in `x-csrf-token` (derived from the
// session token, so a page of another site, which cannot read it, cannot send it) and must come from
// this origin. Every read goes through the viewer's scope (hq/db/scope.ts) and personal-data reads
// through hq/cases/case-reader.ts, which logs them.
import { createHash } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { CSRF_HEADER, STAFF_DOWNLOADS, STAFF_ROUTES } from '../../../protocol/staff/staff-api.ts';
import type { Admin } from '../../admin/admin-store.ts';
import { roleAtLeast, type Viewer } from '../../db/scope.ts';
import type { StaffRole } from '../../db/schema.ts';
import { evidenceExport } from '../../export/evidence-export.ts';
import { fail, HqFailure } from '../../hq-failure.ts';
import type { HqApp } from '../../hq-app.ts';
import { ROLE_LABELS } from '../../offices/office-store.ts';
import { describeFieldErrors, requestFieldErrors } from '../zod-validation.ts';
import { staffReads } from './staff-reads.ts';

export const SESSION_COOKIE = 'hq_session';
const PUBLIC = new Set(['/api/staff/hello', '/api/staff/login']);

/** The CSRF token of a session: HMAC-free derivation, since the session token itself is secret. */
export const csrfFor = (token: string) => createHash('sha256').update(`csrf:${token}`).digest('base64url');

declare module 'fastify' {
  interface FastifyRequest {
    staff: Admin | null;
  }
}

export interface StaffApiOptions {
  hq: HqApp;
  secure: boolean;
  tlsFingerprint: string | null;
  log: (line: string, error?: unknown) => void;
}

const route = <K extends keyof typeof STAFF_ROUTES>(k: K) => {
  const r = STAFF_ROUTES[k] as {
    method: 'GET' | 'POST';
    path: string;
    params?: unknown;
    query?: unknown;
    body?: unknown;
    answer: unknown;
  };
  return {
    method: r.method,
    url: r.path,
    schema: {
      ...(r.params ? { params: r.params } : {}),
      ...(r.query ? { querystring: r.query } : {}),
      ...(r.body ? { body: r.body } : {}),
      response: { 200: r.answer },
    },
  } as { method: 'GET' | 'POST'; url: string; schema: FastifySchema };
};

function viewer(req: FastifyRequest, least: StaffRole = 'readonly'): Viewer {
  const v = req.staff;
  if (!v) throw fail(401, 'bad_request', '请先登录。');
  if (!v.grants.some((g) => roleAtLeast(g.role, least)))
    throw fail(403, 'bad_request', `此操作需要${ROLE_LABELS[least]}角色。`);
  return v;
}

export async function staffApi(app: FastifyInstance, o: StaffApiOptions): Promise<void> {
  const { hq } = o;
  const api = app;
  const reads = staffReads(hq);
  app.decorateRequest('staff', null);

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET') {
      const origin = req.headers.origin;
      if (origin !== undefined && !sameHost(origin, req.headers.host))
        return reply.code(403).send({ error: 'bad_request', message: '拒绝来自其他网站的请求。' });
    }
    if (PUBLIC.has(req.routeOptions.url ?? '')) return;
    const token = req.cookies[SESSION_COOKIE];
    req.staff = await hq.admins.session(token);
    if (!req.staff) return reply.code(401).send({ error: 'bad_request', message: '未登录或登录已过期，请重新登录。' });
    if (req.method !== 'GET' && req.headers[CSRF_HEADER] !== csrfFor(token!))
      return reply.code(403).send({ error: 'bad_request', message: '请求缺少有效的防伪令牌，请刷新页面后重试。' });
  });

  app.setErrorHandler((err, req, reply) => {
    const e = err as FastifyError;
    if (e instanceof HqFailure) return reply.code(e.status).send(e.body);
    const fields = requestFieldErrors(e);
    if (fields) return reply.code(400).send({ error: 'bad_request', message: describeFieldErrors(fields), fields });
    if (e.statusCode && e.statusCode < 500)
      return reply.code(e.statusCode).send({ error: 'bad_request', message: '请求无法处理。' });
    o.log(`hq: staff api ${req.method} ${req.routeOptions.url ?? 'unknown'} failed`, e);
    return reply
      .code(500)
      .send({ error: 'internal', message: '总部服务器内部错误。请重试；如仍出现，请联系技术支持。' });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'not_found', message: '没有这个接口。' }));

  const session = (v: Admin, token: string) => ({
    username: v.username,
    grants: v.grants.map((g) => ({ officeId: g.officeId, officeName: g.officeName, level: g.level, role: g.role })),
    csrf: csrfFor(token),
    hqName: hq.identity.keys().name,
  });

  api.route({
    ...route('hello'),
    handler: async () => ({ hqName: hq.identity.keys().name, offices: (await hq.offices.list()).length }),
  });

  api.route({
    ...route('login'),
    handler: async (req: FastifyRequest<{ Body: { username: string; password: string } }>, reply: FastifyReply) => {
      const { token, admin } = await hq.admins.login(req.body.username, req.body.password, req.ip);
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure: o.secure });
      return session(admin, token);
    },
  });

  api.route({
    ...route('logout'),
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      await hq.admins.logout(req.cookies[SESSION_COOKIE]!);
      reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure: o.secure });
      return { ok: true };
    },
  });

  api.route({
    ...route('session'),
    handler: async (req: FastifyRequest) => session(viewer(req), req.cookies[SESSION_COOKIE]!),
  });
  api.route({ ...route('overview'), handler: async (req: FastifyRequest) => reads.overview(viewer(req)) });
  api.route({
    ...route('cases'),
    handler: async (req: FastifyRequest<{ Querystring: Parameters<typeof reads.cases>[1] }>) =>
      reads.cases(viewer(req), req.query),
  });
  api.route({
    ...route('case'),
    handler: async (req: FastifyRequest<{ Params: { caseId: string } }>) => {
      const c = await reads.caseById(viewer(req), req.params.caseId);
      if (!c) throw fail(404, 'not_found', '没有这个案件。');
      return c;
    },
  });
  api.route({
    ...route('document'),
    handler: async (req: FastifyRequest<{ Params: { documentId: string } }>) => {
      const d = await reads.document(viewer(req), req.params.documentId);
      if (!d) throw fail(404, 'not_found', '没有这个文书。');
      return d;
    },
  });
  api.route({
    ...route('devices'),
    handler: async (req: FastifyRequest) =>
      reads.devices(
        viewer(req, 'admin'),
        `${o.secure ? 'https' : 'http'}://${req.headers.host ?? ''}/`,
        o.tlsFingerprint,
      ),
  });
  api.route({
    ...route('createCode'),
    handler: async (req: FastifyRequest<{ Body: { officeId: string; note: string; prefix: string } }>) => {
      const c = await hq.devices.createCode(viewer(req, 'admin'), req.body.note, req.body.prefix, req.body.officeId);
      return { code: c.code, expiresAt: c.expiresAt, officeName: c.officeName };
    },
  });
  api.route({
    ...route('revoke'),
    handler: async (req: FastifyRequest<{ Params: { deviceId: string }; Body: { reason: string } }>) => {
      await hq.devices.revoke(req.params.deviceId, viewer(req, 'admin'), req.body.reason);
      return { ok: true };
    },
  });
  api.route({ ...route('staff'), handler: async (req: FastifyRequest) => reads.staff(viewer(req, 'admin')) });
  api.route({
    ...route('createStaff'),
    handler: async (
      req: FastifyRequest<{ Body: { username: string; password: string; officeId: string; role: StaffRole } }>,
    ) => {
      const v = viewer(req, 'admin');
      await hq.admins.create(
        req.body.username,
        req.body.password,
        { officeId: req.body.officeId, role: req.body.role },
        v,
      );
      return { ok: true };
    },
  });
  for (const key of ['exportCase', 'exportDocument'] as const) {
    const d = STAFF_DOWNLOADS[key];
    api.route({
      method: d.method,
      url: d.path,
      schema: { params: d.params },
      handler: async (req: FastifyRequest<{ Params: { caseId?: string; documentId?: string } }>, reply) => {
        const what = req.params.caseId ? { caseId: req.params.caseId } : { documentId: req.params.documentId! };
        const x = await evidenceExport(hq, viewer(req), what);
        if (!x) throw fail(404, 'not_found', 'caseId' in what ? '没有这个案件。' : '没有这个文书。');
        return reply
          .header('content-type', 'application/x-tar')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(x.fileName)}`)
          .send(x.stream);
      },
    });
  }
  api.route({
    ...route('stats'),
    handler: async (req: FastifyRequest<{ Querystring: { from?: string; to?: string; office?: string } }>) =>
      reads.stats(viewer(req), req.query),
  });
  api.route({ ...route('events'), handler: async (req: FastifyRequest) => reads.events(viewer(req, 'admin')) });
  api.route({
    ...route('access'),
    handler: async (req: FastifyRequest<{ Querystring: { document?: string } }>) =>
      reads.access(viewer(req, 'admin'), req.query.document),
  });
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
