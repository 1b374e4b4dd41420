// HQ's web page for staff (login required): overview with flags, devices (chain status, revoke),
// one-time enrollment codes, received cases and documents (seal, signatures, evidence, receipt,
// verification re-run on every view, the PDF), offline bundle import, the HQ event log.
// Server-rendered HTML; the only script is the bundle upload (static, same origin).
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { DOCUMENT_TYPE_LABELS } from '../../shared/documents/document-types.ts';
import { HqFailure } from '../hq-failure.ts';
import type { Admin } from '../admin/admin-store.ts';
import type { HqApp } from '../hq-app.ts';
import { parseSealQr } from '../../protocol/print/seal-qr.ts';
import { reverifyDocument } from '../ingest/reverify.ts';
import { cookies, esc, formFields, readBody, SECURITY_HEADERS } from './http-util.ts';

const COOKIE = 'hq_session';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const MAX_BUNDLE = 64 * 1024 * 1024 * 1024;

const KIND_LABELS: Record<string, string> = {
  conflict: '序号冲突（可能被篡改）',
  gap: '封存链缺口',
  chain: '封存链不衔接',
  verification: '核验未通过',
  revoked: '已吊销设备尝试同步',
};

function page(title: string, admin: Admin | null, body: string): string {
  const nav = admin
    ? `<nav><a href="/">总览</a><a href="/cases">案件</a><a href="/import">导入封存包</a><a href="/events">操作记录</a><span class="who">${esc(admin.username)}</span><form method="post" action="/logout"><button>退出</button></form></nav>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)} · 网信执法总部</title><style>
body{font-family:"Noto Sans CJK SC","Droid Sans Fallback",sans-serif;margin:0;background:#f5f6f8;color:#222}
nav{display:flex;gap:18px;align-items:center;background:#1f3a5f;padding:10px 24px}nav a{color:#fff;text-decoration:none}nav .who{margin-left:auto;color:#cfd8e3}nav form{margin:0}
main{max-width:1180px;margin:20px auto;padding:0 24px}h1{font-size:22px}h2{font-size:17px;margin-top:28px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #dde2e8;padding:6px 8px;text-align:left;font-size:14px;vertical-align:top}th{background:#eef1f5}
.ok{color:#1a7f37}.bad{color:#c62828;font-weight:bold}.warn{color:#b26a00}.mono{font-family:monospace;font-size:12px;word-break:break-all}
.card{background:#fff;border:1px solid #dde2e8;padding:14px 18px;margin:12px 0}.code{font-size:28px;letter-spacing:3px;font-family:monospace}
input,button,select{font-size:14px;padding:5px 8px}button{cursor:pointer}.err{background:#fdecea;border:1px solid #f5c2c0;padding:10px;color:#a61b1b}
</style></head><body>${nav}<main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

function sendHtml(res: ServerResponse, status: number, html: string, extra: Record<string, string> = {}): void {
  res
    .writeHead(status, {
      ...SECURITY_HEADERS,
      'content-security-policy': CSP,
      'content-type': 'text/html; charset=utf-8',
      ...extra,
    })
    .end(html);
}

const redirect = (res: ServerResponse, to: string, extra: Record<string, string> = {}): void => {
  res.writeHead(303, { ...SECURITY_HEADERS, location: to, ...extra }).end();
};
const t = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';

export async function webUi(
  hq: HqApp,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  origin: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname;
  // Cross-site form posts are refused: the cookie is SameSite=Strict and the origin must be this
  // server as the browser addressed it (HQ may be reached by a name or address other than it listens on).
  if (method === 'POST' && req.headers.origin !== undefined && !sameHost(req.headers.origin, req.headers.host)) {
    res.writeHead(403, SECURITY_HEADERS).end('cross-origin request refused');
    return;
  }
  if (path === '/static/hq-import.js') {
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/javascript; charset=utf-8' }).end(IMPORT_SCRIPT);
    return;
  }
  const secure = origin.startsWith('https:') ? '; Secure' : '';
  if (path === '/login') {
    if (method === 'POST') {
      const f = formFields(await readBody(req, 16 * 1024));
      try {
        const { token } = await hq.admins.login(f.username ?? '', f.password ?? '');
        return redirect(res, '/', { 'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/${secure}` });
      } catch (e) {
        return sendHtml(
          res,
          401,
          page('登录', null, `<div class="err">${esc((e as Error).message)}</div>${loginForm()}`),
        );
      }
    }
    return sendHtml(
      res,
      200,
      page(
        '登录',
        null,
        hq.admins.count() === 0
          ? `<div class="err">尚无管理员。请在服务器上运行 <code>npm run hq -- admin create --data 数据目录 --user 用户名</code> 创建第一个管理员（见 docs/HQ.md）。</div>`
          : loginForm(),
      ),
    );
  }
  const token = cookies(req)[COOKIE];
  const admin = hq.admins.session(token);
  if (!admin) return redirect(res, '/login');
  if (path === '/logout' && method === 'POST') {
    hq.admins.logout(token!);
    return redirect(res, '/login', {
      'set-cookie': `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0${secure}`,
    });
  }
  try {
    if (path === '/' && method === 'GET') return sendHtml(res, 200, page('总览', admin, overview(hq)));
    if (path === '/codes' && method === 'POST') {
      const f = formFields(await readBody(req, 16 * 1024));
      const c = hq.devices.createCode(admin.username, f.note ?? '', f.prefix ?? '');
      return sendHtml(
        res,
        200,
        page(
          '设备登记码',
          admin,
          `<div class="card"><p>在执法终端「同步」页面输入总部地址和以下登记码（一次有效，有效至 ${esc(t(c.expiresAt))}）：</p><p class="code" id="enroll-code">${esc(c.code)}</p><p>备注：${esc(f.note)}；案号前缀：${esc(f.prefix || '网信案')}</p></div><p><a href="/">返回总览</a></p>`,
        ),
      );
    }
    const revoke = /^\/devices\/([0-9a-f-]{36})\/revoke$/.exec(path);
    if (revoke && method === 'POST') {
      const f = formFields(await readBody(req, 16 * 1024));
      hq.devices.revoke(revoke[1]!, admin.username, f.reason ?? '');
      return redirect(res, '/');
    }
    const dev = /^\/devices\/([0-9a-f-]{36})$/.exec(path);
    if (dev && method === 'GET')
      return sendHtml(res, 200, page('设备', admin, devicePage(hq, dev[1]!, url.searchParams.get('verify') === '1')));
    if (path === '/cases' && method === 'GET') {
      // The search box also takes what a scanner reads off a printed page's seal QR code (or a
      // bare seal hash) and goes straight to that document.
      const q = url.searchParams.get('q') ?? '';
      const seal = parseSealQr(q) ?? (/^\s*[0-9a-f]{64}\s*$/i.test(q) ? { sha256: q.trim().toLowerCase() } : null);
      if (seal) {
        const id = hq.browse.documentBySealHash(seal.sha256);
        if (id)
          return void res
            .writeHead(303, { ...SECURITY_HEADERS, location: `/documents/${encodeURIComponent(id)}` })
            .end();
        return sendHtml(
          res,
          404,
          page(
            '案件',
            admin,
            `<div class="err">总部没有收到封存校验值为 ${esc(seal.sha256)} 的文书：请确认该设备已同步或已导入其封存包。</div>${casesPage(hq, '')}`,
          ),
        );
      }
      return sendHtml(res, 200, page('案件', admin, casesPage(hq, q)));
    }
    const kase = /^\/cases\/([^/]+)$/.exec(path);
    if (kase && method === 'GET')
      return sendHtml(res, 200, page('案件', admin, casePage(hq, decodeURIComponent(kase[1]!))));
    const doc = /^\/documents\/([^/]+)$/.exec(path);
    if (doc && method === 'GET')
      return sendHtml(res, 200, page('文书', admin, documentPage(hq, decodeURIComponent(doc[1]!))));
    const pdf = /^\/documents\/([^/]+)\/pdf$/.exec(path);
    if (pdf && method === 'GET') {
      const id = decodeURIComponent(pdf[1]!);
      const d = hq.browse.document(id);
      if (!d) return sendHtml(res, 404, page('文书', admin, '<div class="err">没有这个文书。</div>'));
      const images = new Map(hq.browse.sealSignatures(d.deviceId, d.seq).map((r) => [r.signature_id, r.image_png]));
      const printed = await hq.printer.print(d.printInput, d.payload, { sha256: d.sealSha256, sm3: d.sealSm3 }, images);
      if (!printed.ok)
        return sendHtml(
          res,
          409,
          page(
            '文书',
            admin,
            `<div class="err">不能生成PDF：${esc(printed.reason)}</div><p><a href="/documents/${encodeURIComponent(id)}">返回文书</a></p>`,
          ),
        );
      res
        .writeHead(200, {
          ...SECURITY_HEADERS,
          'content-type': 'application/pdf',
          'content-length': printed.bytes.length,
          'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(printed.fileName)}`,
        })
        .end(Buffer.from(printed.bytes));
      return;
    }
    const ev = /^\/documents\/([^/]+)\/evidence\/([0-9a-f]{64})$/.exec(path);
    if (ev && method === 'GET') {
      const e = hq.browse.evidenceIn(decodeURIComponent(ev[1]!), ev[2]!);
      if (!e) return sendHtml(res, 404, page('电子数据', admin, '<div class="err">没有该电子数据。</div>'));
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': 'application/octet-stream',
        'content-length': e.size,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(e.file_name)}`,
      });
      await pipeline(hq.storage.read(ev[2]!), res);
      return;
    }
    if (path === '/import' && method === 'GET') return sendHtml(res, 200, page('导入封存包', admin, importPage()));
    if (path === '/import' && method === 'POST') return await importUpload(hq, admin, req, res);
    const rec = /^\/receipts\/([0-9a-f-]{36})$/.exec(path);
    if (rec && method === 'GET') {
      const file = join(hq.dataDir, 'receipts-out', `${rec[1]}.json`);
      if (!existsSync(file))
        return sendHtml(
          res,
          404,
          page(
            '回执文件',
            admin,
            '<div class="err">没有这个回执文件。请重新导入封存包以生成回执文件（重复导入不会重复保存）。</div>',
          ),
        );
      res
        .writeHead(200, {
          ...SECURITY_HEADERS,
          'content-type': 'application/json',
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`总部回执-${rec[1]!.slice(0, 8)}.json`)}`,
        })
        .end(readFileSync(file));
      return;
    }
    if (path === '/events' && method === 'GET') return sendHtml(res, 200, page('操作记录', admin, eventsPage(hq)));
    return sendHtml(res, 404, page('找不到页面', admin, '<p>没有这个页面。<a href="/">返回总览</a></p>'));
  } catch (e) {
    if (e instanceof HqFailure)
      return sendHtml(
        res,
        e.status,
        page('操作未完成', admin, `<div class="err">${esc(e.message)}</div><p><a href="/">返回总览</a></p>`),
      );
    throw e;
  }
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false; // "null" and other opaque origins
  }
}

function loginForm(): string {
  return `<form method="post" action="/login" class="card"><p><label>用户名 <input name="username" autocomplete="username" required></label></p><p><label>密码 <input name="password" type="password" autocomplete="current-password" required></label></p><button type="submit">登录</button></form>`;
}

function overview(hq: HqApp): string {
  const c = hq.browse.counts();
  const flags = hq.browse.flags();
  const devices = hq.devices.list();
  const flagRows = flags
    .map(
      (f) =>
        `<tr><td class="bad">${esc(KIND_LABELS[f.kind] ?? f.kind)}</td><td class="mono">${esc(f.device_id)}</td><td>${f.seq ?? '—'}</td><td>${esc(f.detail)}</td><td>${esc(t(f.created_at))}</td></tr>`,
    )
    .join('');
  const deviceRows = devices
    .map((d) => {
      const chain = hq.browse.chain(d.device_id);
      const chainCell = chain.missing.length
        ? `<span class="bad">缺少封存 ${chain.missing.join('、')}</span>`
        : chain.count
          ? `<span class="ok">1–${chain.maxSeq} 连续</span>`
          : '尚无封存';
      const state = d.revoked_at
        ? `<span class="bad">已吊销（${esc(t(d.revoked_at))}${d.revoke_reason ? `：${esc(d.revoke_reason)}` : ''}）</span>`
        : '<span class="ok">正常</span>';
      const action = d.revoked_at
        ? ''
        : `<form method="post" action="/devices/${esc(d.device_id)}/revoke"><input name="reason" placeholder="吊销原因" required> <button>吊销</button></form>`;
      return `<tr><td><a href="/devices/${esc(d.device_id)}">${esc(d.name)}</a><div class="mono">${esc(d.device_id)}</div></td><td>${esc(d.agency_name)}</td><td>${esc(d.case_prefix)}</td><td>${esc(t(d.enrolled_at))}</td><td>${esc(t(d.last_sync_at))}</td><td>${chain.count}</td><td>${chainCell}</td><td>${state}</td><td>${action}</td></tr>`;
    })
    .join('');
  const codes = hq.devices.codes();
  const codeRows = codes
    .map(
      (k) =>
        `<tr><td>${esc(k.note || '—')}</td><td>${esc(k.casePrefix)}</td><td>${esc(t(k.createdAt))}</td><td>${k.usedAt ? `已使用 ${esc(t(k.usedAt))}` : k.expiresAt < new Date().toISOString() ? '已过期' : `有效至 ${esc(t(k.expiresAt))}`}</td></tr>`,
    )
    .join('');
  return `<div class="card">已登记设备 ${c.devices} 台 · 已接收封存 ${c.seals} 个 · 案件 ${c.cases} 件 · 电子数据 ${c.blobs} 件（${(c.blobBytes / 1048576).toFixed(1)} MiB） · <span class="${c.openFlags ? 'bad' : 'ok'}">待核查 ${c.openFlags} 项</span></div>
<h2>待核查</h2>${flags.length ? `<table id="flags"><tr><th>类别</th><th>设备</th><th>封存序号</th><th>说明</th><th>时间</th></tr>${flagRows}</table>` : '<p class="ok">没有待核查事项。</p>'}
<h2>设备</h2>${devices.length ? `<table id="devices"><tr><th>设备</th><th>单位</th><th>案号前缀</th><th>登记时间</th><th>最近同步</th><th>封存数</th><th>封存链</th><th>状态</th><th></th></tr>${deviceRows}</table>` : '<p>尚无登记的设备。</p>'}
<h2>设备登记码</h2><form method="post" action="/codes" class="card"><label>备注（如使用人、设备） <input name="note" maxlength="60"></label> <label>案号前缀 <input name="prefix" maxlength="12" placeholder="网信案"></label> <button type="submit">生成登记码</button></form>
${codes.length ? `<table><tr><th>备注</th><th>案号前缀</th><th>生成时间</th><th>状态</th></tr>${codeRows}</table>` : ''}`;
}

function casesPage(hq: HqApp, q: string): string {
  const rows = hq.browse
    .cases(q)
    .map(
      (c) =>
        `<tr><td><a href="/cases/${encodeURIComponent(c.id)}">${esc(c.case_no)}</a></td><td>${esc(c.party_name)}</td><td>${esc(c.matter_name)}</td><td>${esc(c.status)}</td><td>${c.documents}</td><td>${esc(t(c.updated_at))}</td></tr>`,
    )
    .join('');
  return `<form method="get" action="/cases" class="card"><input name="q" value="${esc(q)}" placeholder="案号、当事人、事项，或扫描封存二维码"> <button>查找</button></form>${rows ? `<table id="cases"><tr><th>案号</th><th>当事人</th><th>执法事项</th><th>状态</th><th>文书</th><th>最近接收</th></tr>${rows}</table>` : '<p>没有案件。</p>'}`;
}

function casePage(hq: HqApp, id: string): string {
  const c = hq.browse.caseById(id);
  if (!c) return '<div class="err">没有这个案件。</div>';
  const docs = hq.browse.documentsOf(id);
  const rows = docs
    .map(
      (d) =>
        `<tr><td><a href="/documents/${encodeURIComponent(d.id)}">${esc(d.doc_no)}</a></td><td>${esc(DOCUMENT_TYPE_LABELS[d.type as keyof typeof DOCUMENT_TYPE_LABELS] ?? d.type)}</td><td>${esc(t(d.sealed_at))}</td><td>${d.seq}</td><td>${d.hq_seq}</td><td>${esc(t(d.received_at))}（${d.via === 'bundle' ? '封存包' : '网络'}）</td></tr>`,
    )
    .join('');
  return `<div class="card"><b>${esc(c.case_no)}</b> · 当事人：${esc(c.party_name)} · 事项：${esc(c.matter_name)} · 状态：${esc(c.status)}</div><table id="documents"><tr><th>文书编号</th><th>类型</th><th>封存时间</th><th>设备封存序号</th><th>总部序号</th><th>接收</th></tr>${rows}</table>`;
}

function documentPage(hq: HqApp, id: string): string {
  const d = hq.browse.document(id);
  if (!d) return '<div class="err">没有这个文书。</div>';
  const p = d.payload;
  const problems = reverifyDocument(hq, id);
  const chain = hq.browse.chain(d.deviceId);
  const before = chain.missing.filter((s) => s < d.seq);
  const status = problems.length
    ? `<p class="bad" id="verify-status">核验不通过：${esc(problems.join('；'))}</p>`
    : `<p class="ok" id="verify-status">核验通过：设备SM2与Ed25519签名有效；文书、${p.signatures.length}个签名、${p.evidence.length}件电子数据（总部重新计算SHA-256与SM3）与封存一致${before.length ? '' : '；封存链至此连续'}</p>${before.length ? `<p class="warn">该设备此前的封存 ${before.join('、')} 尚未收到（链缺口）。</p>` : ''}`;
  const sigRows = p.signatures
    .map(
      (s) =>
        `<tr><td>${esc(s.role)}</td><td>${esc(s.signerName)}</td><td>${s.status === 'signed' ? '已签名' : `拒签（${esc(s.reason)}）`}</td><td>${esc(t(s.signedAt))}</td><td class="mono">${esc(s.bindingSha256)}</td></tr>`,
    )
    .join('');
  const evRows = p.evidence
    .map(
      (e) =>
        `<tr><td><a href="/documents/${encodeURIComponent(id)}/evidence/${e.sha256}">${esc(e.fileName)}</a></td><td>${esc(e.category)}</td><td>${e.sizeBytes}</td><td class="mono">SHA-256 ${e.sha256}<br>SM3 ${e.sm3}</td></tr>`,
    )
    .join('');
  return `<div class="card"><b>${esc(p.document.docNo)}</b> · ${esc(DOCUMENT_TYPE_LABELS[p.document.type as keyof typeof DOCUMENT_TYPE_LABELS] ?? p.document.type)} · 案号 <a href="/cases/${encodeURIComponent(p.document.caseId)}">${esc(p.document.caseNo)}</a> · ${p.document.pages}页 ${d.printInput ? `· <a href="/documents/${encodeURIComponent(id)}/pdf" id="pdf-link">打开PDF</a>（总部按封存内容生成）` : ''}</div>
${status}
<h2>封存</h2><table><tr><th>设备</th><td class="mono">${esc(d.deviceId)}（封存序号 ${d.seq}）</td></tr><tr><th>封存时间（设备时钟）</th><td>${esc(t(p.time.sealedAt))}${p.time.notBefore ? `；不早于 ${esc(t(p.time.notBefore))}（设备此前见到的总部时间）` : ''}</td></tr><tr><th>封存校验值</th><td class="mono">SHA-256 ${esc(d.sealSha256)}<br>SM3 ${esc(d.sealSm3)}</td></tr><tr><th>前一封存</th><td class="mono">${esc(p.device.prev)}</td></tr><tr><th>文书校验值</th><td class="mono">SHA-256 ${esc(p.document.sha256)}<br>SM3 ${esc(p.document.sm3)}</td></tr>${p.corrects ? `<tr><th>补正</th><td>补正 ${esc(p.corrects.docNo)}：${esc(p.corrects.reason)}</td></tr>` : ''}</table>
<h2>总部回执</h2><table><tr><th>总部序号</th><td>${d.receipt.hqSeq}</td></tr><tr><th>接收时间（总部时钟）</th><td>${esc(t(d.receipt.hqTime))}（${d.via === 'bundle' ? '封存包导入' : '网络同步'}）</td></tr></table>
<h2>签名</h2><table><tr><th>角色</th><th>签名人</th><th>状态</th><th>时间</th><th>绑定值 SHA-256</th></tr>${sigRows}</table>
<h2>电子数据</h2>${p.evidence.length ? `<table><tr><th>文件</th><th>类别</th><th>字节</th><th>校验值</th></tr>${evRows}</table>` : '<p>无</p>'}`;
}

function devicePage(hq: HqApp, deviceId: string, verify: boolean): string {
  const d = hq.devices.get(deviceId);
  if (!d) return '<div class="err">没有这个设备。</div>';
  const chain = hq.browse.chain(deviceId);
  const seals = hq.browse.sealsOf(deviceId);
  const flags = hq.browse.flags().filter((f) => f.device_id === deviceId);
  const rows = seals
    .map((s) => {
      const problems = verify ? reverifyDocument(hq, s.document_id) : null;
      const cell =
        problems === null
          ? ''
          : problems.length
            ? `<td class="bad">${esc(problems.join('；'))}</td>`
            : '<td class="ok">通过</td>';
      return `<tr><td>${s.seq}</td><td><a href="/documents/${encodeURIComponent(s.document_id)}">${esc(s.doc_no)}</a></td><td>${esc(t(s.sealed_at))}</td><td>${s.hq_seq}</td><td>${esc(t(s.received_at))}（${s.via === 'bundle' ? '封存包' : '网络'}）</td><td class="mono">${esc(s.hash_sha256)}</td>${cell}</tr>`;
    })
    .join('');
  return `<div class="card"><b>${esc(d.name)}</b> · ${esc(d.agency_name)} · <span class="mono">${esc(d.device_id)}</span> · 登记 ${esc(t(d.enrolled_at))} · 最近同步 ${esc(t(d.last_sync_at))} · ${d.revoked_at ? `<span class="bad">已吊销：${esc(d.revoke_reason)}</span>` : '<span class="ok">正常</span>'}</div>
<p id="chain-status" class="${chain.missing.length ? 'bad' : 'ok'}">${chain.count ? (chain.missing.length ? `封存链有缺口：尚未收到封存 ${chain.missing.join('、')}（已收到 ${chain.count} 个，最大序号 ${chain.maxSeq}）` : `封存链 1–${chain.maxSeq} 连续，逐个衔接`) : '尚未收到封存'}</p>
${flags.length ? `<p class="bad">待核查：${flags.map((f) => esc(`${KIND_LABELS[f.kind] ?? f.kind}（封存${f.seq ?? '—'}）：${f.detail}`)).join('<br>')}</p>` : ''}
<p>${verify ? '以下为刚刚重新核验的结果（设备签名、文书、签名、电子数据校验值、与前一封存的衔接）。' : `<a href="/devices/${esc(deviceId)}?verify=1" id="verify-all">重新核验该设备的全部封存</a>`}</p>
<table id="seals"><tr><th>封存序号</th><th>文书</th><th>封存时间</th><th>总部序号</th><th>接收</th><th>封存校验值 SHA-256</th>${verify ? '<th>核验</th>' : ''}</tr>${rows}</table>`;
}

function importPage(): string {
  return `<div class="card"><p>从隔离网络带回的封存包（.tar）：选择文件后导入。总部先核验整个封存包，全部通过后才保存，并生成回执文件，请拷回执法终端在「同步」页面导入。</p><p><input type="file" id="bundle" accept=".tar"> <button id="import-btn" type="button">导入</button></p><div id="import-result"></div></div><script src="/static/hq-import.js"></script>`;
}

async function importUpload(hq: HqApp, admin: Admin, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BUNDLE) throw new HqFailure(413, { error: 'bad_request', message: '封存包过大。' });
  const dir = join(hq.dataDir, 'imports');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `${randomUUID()}.tar`);
  try {
    await pipeline(req, createWriteStream(tmp, { mode: 0o600 }));
    const r = await hq.importBundle(tmp, admin.username);
    const id = randomUUID();
    mkdirSync(join(hq.dataDir, 'receipts-out'), { recursive: true, mode: 0o700 });
    writeFileSync(join(hq.dataDir, 'receipts-out', `${id}.json`), JSON.stringify(r));
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' }).end(
      JSON.stringify({
        ok: true,
        message: `已导入 ${r.receipts.length} 个封存（设备 ${r.deviceId}）。`,
        receiptsUrl: `/receipts/${id}`,
      }),
    );
  } catch (e) {
    const message = e instanceof HqFailure ? e.message : `导入失败：${(e as Error).message}`;
    res
      .writeHead(e instanceof HqFailure ? e.status : 500, {
        ...SECURITY_HEADERS,
        'content-type': 'application/json; charset=utf-8',
      })
      .end(JSON.stringify({ ok: false, message }));
  } finally {
    rmSync(tmp, { force: true });
  }
}

function eventsPage(hq: HqApp): string {
  const rows = hq.browse
    .events(300)
    .map(
      (e) =>
        `<tr><td>${esc(t(e.at))}</td><td>${esc(e.actor)}</td><td>${esc(e.action)}</td><td>${esc(e.detail)}</td></tr>`,
    )
    .join('');
  return `<table><tr><th>时间</th><th>操作人</th><th>操作</th><th>内容</th></tr>${rows}</table>`;
}

const IMPORT_SCRIPT = `
document.getElementById('import-btn').addEventListener('click', async () => {
  const out = document.getElementById('import-result');
  const f = document.getElementById('bundle').files[0];
  if (!f) { out.textContent = '请先选择封存包文件。'; return; }
  out.textContent = '正在上传并核验……';
  try {
    const r = await fetch('/import', { method: 'POST', body: f, headers: { 'content-type': 'application/octet-stream' } });
    const j = await r.json();
    out.textContent = j.message;
    out.className = j.ok ? 'ok' : 'err';
    if (j.ok) { const a = document.createElement('a'); a.href = j.receiptsUrl; a.textContent = ' 下载回执文件'; a.id = 'receipts-link'; out.appendChild(a); }
  } catch (e) { out.textContent = '导入失败：' + e.message; out.className = 'err'; }
});
`;
