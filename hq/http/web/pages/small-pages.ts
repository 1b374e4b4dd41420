// The smaller pages: sign-in, the enrollment code just made, the bundle import and the event log.
import { createElement as h, Fragment } from 'react';
import type { HqApp } from '../../../hq-app.ts';
import { actionLabel, actorLabel, t } from './format.ts';

export function LoginForm() {
  return h(
    'form',
    { method: 'post', action: '/login', className: 'card' },
    h(
      'p',
      null,
      h('label', null, '用户名 ', h('input', { name: 'username', autoComplete: 'username', required: true })),
    ),
    h(
      'p',
      null,
      h(
        'label',
        null,
        '密码 ',
        h('input', { name: 'password', type: 'password', autoComplete: 'current-password', required: true }),
      ),
    ),
    h('button', { type: 'submit' }, '登录'),
  );
}

/** Before the first administrator exists: how to create one (the web page has no sign-up). */
export function NoAdminYet() {
  return h(
    'div',
    { className: 'err' },
    '尚无管理员。请在服务器上运行 ',
    h('code', null, 'npm run hq -- admin create --data 数据目录 --user 用户名'),
    ' 创建第一个管理员（见 docs/HQ.md）。',
  );
}

export function CodeMade({
  code,
  expiresAt,
  note,
  prefix,
}: {
  code: string;
  expiresAt: string;
  note: string;
  prefix: string;
}) {
  return h(
    Fragment,
    null,
    h(
      'div',
      { className: 'card' },
      h('p', null, `在执法终端「同步」页面输入总部地址和以下登记码（一次有效，有效至 ${t(expiresAt)}）：`),
      h('p', { className: 'code', id: 'enroll-code' }, code),
      h('p', null, `备注：${note}；案号前缀：${prefix || '网信案'}`),
    ),
    h('p', null, h('a', { href: '/' }, '返回总览')),
  );
}

export function ImportPage() {
  return h(
    Fragment,
    null,
    h(
      'div',
      { className: 'card' },
      h(
        'p',
        null,
        '从隔离网络带回的封存包（.tar）：选择文件后导入。总部先核验整个封存包，全部通过后才保存，并生成回执文件，请拷回执法终端在「同步」页面导入。',
      ),
      h(
        'p',
        null,
        h('input', { type: 'file', id: 'bundle', accept: '.tar' }),
        ' ',
        h('button', { id: 'import-btn', type: 'button' }, '导入'),
      ),
      h('div', { id: 'import-result' }),
    ),
    h('script', { src: '/static/hq-import.js' }),
  );
}

/** The import page's only script (served from /static/hq-import.js: the CSP allows no inline script). */
export const IMPORT_SCRIPT = `
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

export function EventsPage({ events }: { events: Awaited<ReturnType<HqApp['browse']['eventsFor']>> }) {
  return h(
    'table',
    { id: 'events' },
    h(
      'tbody',
      null,
      h('tr', null, ...['时间（北京时间）', '单位', '操作人', '操作', '内容'].map((x) => h('th', { key: x }, x))),
      events.map((e) =>
        h(
          'tr',
          { key: e.id },
          h('td', null, t(e.at)),
          h('td', null, e.office_name ?? '总部'),
          h('td', null, actorLabel(e.actor)),
          h('td', null, actionLabel(e.action)),
          h('td', null, e.detail),
        ),
      ),
    ),
  );
}

/** 查阅记录: every read of a case's personal data in the offices the administrator administers. */
export function AccessPage({ rows }: { rows: Awaited<ReturnType<HqApp['cases']['accessLog']>> }) {
  return h(
    'table',
    { id: 'access-log' },
    h(
      'tbody',
      null,
      h('tr', null, ...['时间（北京时间）', '人员', '单位', '查阅', '内容'].map((x) => h('th', { key: x }, x))),
      rows.map((r) =>
        h(
          'tr',
          { key: r.id },
          h('td', null, t(r.at)),
          h('td', null, r.username),
          h('td', null, r.office_name),
          h('td', null, actionLabel(r.action)),
          h('td', null, r.detail),
        ),
      ),
    ),
  );
}
