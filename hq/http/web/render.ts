// The staff page's frame and how a page is sent: React renders it to static HTML on the server, so
// every text and attribute is escaped by React — no HTML is put together by hand. No client-side
// React: the only script on any page is the bundle upload (import-page.ts).
import type { FastifyReply } from 'fastify';
import { createElement as h, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Admin } from '../../admin/admin-store.ts';
import { CSP } from '../security-headers.ts';

const STYLE = `
body{font-family:"Noto Sans CJK SC","Droid Sans Fallback",sans-serif;margin:0;background:#f5f6f8;color:#222}
nav{display:flex;gap:18px;align-items:center;background:#1f3a5f;padding:10px 24px}nav a{color:#fff;text-decoration:none}nav .who{margin-left:auto;color:#cfd8e3}nav form{margin:0}
main{max-width:1180px;margin:20px auto;padding:0 24px}h1{font-size:22px}h2{font-size:17px;margin-top:28px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #dde2e8;padding:6px 8px;text-align:left;font-size:14px;vertical-align:top}th{background:#eef1f5}
.ok{color:#1a7f37}.bad{color:#c62828;font-weight:bold}.warn{color:#b26a00}.mono{font-family:monospace;font-size:12px;word-break:break-all}
.card{background:#fff;border:1px solid #dde2e8;padding:14px 18px;margin:12px 0}.code{font-size:28px;letter-spacing:3px;font-family:monospace}
input,button,select{font-size:14px;padding:5px 8px}button{cursor:pointer}.err{background:#fdecea;border:1px solid #f5c2c0;padding:10px;color:#a61b1b}
`;

function Nav({ admin }: { admin: Admin }) {
  return h(
    'nav',
    null,
    h('a', { href: '/' }, '总览'),
    h('a', { href: '/cases' }, '案件'),
    h('a', { href: '/import' }, '导入封存包'),
    h('a', { href: '/events' }, '操作记录'),
    h('a', { href: '/access' }, '查阅记录'),
    h('span', { className: 'who' }, `${admin.grants.map((g) => g.officeName).join('、')} · ${admin.username}`),
    h('form', { method: 'post', action: '/logout' }, h('button', null, '退出')),
  );
}

function Layout({ title, admin, children }: { title: string; admin: Admin | null; children?: ReactNode }) {
  return h(
    'html',
    { lang: 'zh-CN' },
    h(
      'head',
      null,
      h('meta', { charSet: 'utf-8' }),
      h('title', null, `${title} · 网信执法总部`),
      h('style', null, STYLE),
    ),
    h('body', null, admin ? h(Nav, { admin }) : null, h('main', null, h('h1', null, title), children)),
  );
}

/** Sends one page of the staff site: `title` as its heading, the navigation when signed in. */
export function sendPage(
  reply: FastifyReply,
  status: number,
  title: string,
  admin: Admin | null,
  body: ReactNode,
): FastifyReply {
  const html = `<!doctype html>${renderToStaticMarkup(h(Layout, { title, admin }, body))}`;
  return reply
    .code(status)
    .header('content-security-policy', CSP)
    .header('content-type', 'text/html; charset=utf-8')
    .send(html);
}

/** A page that only says what went wrong, with a way back. */
export const errorPage = (message: string, back = true) => [
  h('div', { className: 'err', key: 'e' }, message),
  back ? h('p', { key: 'b' }, h('a', { href: '/' }, '返回总览')) : null,
];
