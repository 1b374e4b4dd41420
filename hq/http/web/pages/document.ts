// 文书: one received document — verified again on every view from what HQ holds — with its seal,
// HQ's receipt, its signatures and evidence (to download), and the PDF HQ prints from it.
import { createElement as h, Fragment, type ReactNode } from 'react';
import type { Viewer } from '../../../db/scope.ts';
import type { HqApp } from '../../../hq-app.ts';
import { reverifyDocument } from '../../../ingest/reverify.ts';
import { documentTypeLabel, t, viaLabel } from './format.ts';

const headerRow = (labels: string[]) => h('tr', null, ...labels.map((x) => h('th', { key: x }, x)));
const row = (label: string, ...cells: ReactNode[]) => h('tr', null, h('th', null, label), ...cells);
/** Two lines in one cell: SHA-256 above, SM3 below. */
const digests = (sha256: string, sm3: string) => [`SHA-256 ${sha256}`, h('br', { key: 'br' }), `SM3 ${sm3}`];

/** The document verified again from what HQ holds, read before it is rendered. */
export async function loadDocumentPage(hq: HqApp, viewer: Viewer, id: string) {
  const d = await hq.cases.document(viewer, id);
  if (!d) return null;
  return { id, d, problems: await reverifyDocument(hq, id), chain: await hq.browse.chain(d.deviceId) };
}

export function DocumentPage({ data }: { data: Awaited<ReturnType<typeof loadDocumentPage>> }) {
  if (!data) return h('div', { className: 'err' }, '没有这个文书。');
  const { id, d, problems, chain } = data;
  const p = d.payload;
  const before = chain.missing.filter((s) => s < d.seq);
  const status = problems.length
    ? h('p', { className: 'bad', id: 'verify-status' }, `核验不通过：${problems.join('；')}`)
    : h(
        Fragment,
        null,
        h(
          'p',
          { className: 'ok', id: 'verify-status' },
          `核验通过：设备SM2与Ed25519签名有效；文书、${p.signatures.length}个签名、${p.evidence.length}件电子数据（总部重新计算SHA-256与SM3）与封存一致${before.length ? '' : '；封存链至此连续'}`,
        ),
        before.length
          ? h('p', { className: 'warn' }, `该设备此前的封存 ${before.join('、')} 尚未收到（链缺口）。`)
          : null,
      );
  const docHref = `/documents/${encodeURIComponent(id)}`;
  return h(
    Fragment,
    null,
    h(
      'div',
      { className: 'card' },
      h('b', null, p.document.docNo),
      ` · ${documentTypeLabel(p.document.type)} · 案号 `,
      h('a', { href: `/cases/${encodeURIComponent(p.document.caseId)}` }, p.document.caseNo),
      ` · ${p.document.pages}页 `,
      d.printInput
        ? h(
            Fragment,
            null,
            '· ',
            h('a', { href: `${docHref}/pdf`, id: 'pdf-link' }, '打开PDF'),
            '（总部按封存内容生成）',
          )
        : null,
    ),
    status,
    h('h2', null, '封存'),
    h(
      'table',
      null,
      h(
        'tbody',
        null,
        row('设备', h('td', { className: 'mono' }, `${d.deviceId}（封存序号 ${d.seq}）`)),
        row(
          '封存时间（设备时钟）',
          h(
            'td',
            null,
            t(p.time.sealedAt),
            p.time.notBefore ? `；不早于 ${t(p.time.notBefore)}（设备此前见到的总部时间）` : null,
          ),
        ),
        row('封存校验值', h('td', { className: 'mono' }, ...digests(d.sealSha256, d.sealSm3))),
        row('前一封存', h('td', { className: 'mono' }, p.device.prev)),
        row('文书校验值', h('td', { className: 'mono' }, ...digests(p.document.sha256, p.document.sm3))),
        p.corrects ? row('补正', h('td', null, `补正 ${p.corrects.docNo}：${p.corrects.reason}`)) : null,
      ),
    ),
    h('h2', null, '总部回执'),
    h(
      'table',
      null,
      h(
        'tbody',
        null,
        row('总部序号', h('td', null, d.receipt.hqSeq)),
        row('接收时间（总部时钟）', h('td', null, `${t(d.receipt.hqTime)}（${viaLabel(d.via, true)}）`)),
      ),
    ),
    h('h2', null, '签名'),
    h(
      'table',
      null,
      h(
        'tbody',
        null,
        headerRow(['角色', '签名人', '状态', '时间', '绑定值 SHA-256']),
        p.signatures.map((s) =>
          h(
            'tr',
            { key: s.id },
            h('td', null, s.role),
            h('td', null, s.signerName),
            h('td', null, s.status === 'signed' ? '已签名' : `拒签（${s.reason}）`),
            h('td', null, t(s.signedAt)),
            h('td', { className: 'mono' }, s.bindingSha256),
          ),
        ),
      ),
    ),
    h('h2', null, '电子数据'),
    p.evidence.length
      ? h(
          'table',
          null,
          h(
            'tbody',
            null,
            headerRow(['文件', '类别', '字节', '校验值']),
            p.evidence.map((e) =>
              h(
                'tr',
                { key: e.id },
                h('td', null, h('a', { href: `${docHref}/evidence/${e.sha256}` }, e.fileName)),
                h('td', null, e.category),
                h('td', null, e.sizeBytes),
                h('td', { className: 'mono' }, ...digests(e.sha256, e.sm3)),
              ),
            ),
          ),
        )
      : h('p', null, '无'),
  );
}
