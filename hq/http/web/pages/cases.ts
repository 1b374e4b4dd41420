// 案件: the search form (number, party, matter — or a scanned seal QR code) with the received
// cases, and one case with its documents.
import { createElement as h, Fragment } from 'react';
import type { HqApp } from '../../../hq-app.ts';
import { documentTypeLabel, t, viaLabel } from './format.ts';

const headerRow = (labels: string[]) => h('tr', null, ...labels.map((x) => h('th', { key: x }, x)));

export type CaseList = Awaited<ReturnType<HqApp['cases']['search']>>['rows'];

export function CasesPage({ cases, q }: { cases: CaseList; q: string }) {
  return h(
    Fragment,
    null,
    h(
      'form',
      { method: 'get', action: '/cases', className: 'card' },
      h('input', { name: 'q', defaultValue: q, placeholder: '案号、当事人、事项，或扫描封存二维码' }),
      ' ',
      h('button', null, '查找'),
    ),
    cases.length
      ? h(
          'table',
          { id: 'cases' },
          h(
            'tbody',
            null,
            headerRow(['案号', '当事人', '执法事项', '状态', '文书', '最近接收']),
            cases.map((c) =>
              h(
                'tr',
                { key: c.id },
                h('td', null, h('a', { href: `/cases/${encodeURIComponent(c.id)}` }, c.case_no)),
                h('td', null, c.party_name),
                h('td', null, c.matter_name),
                h('td', null, c.status),
                h('td', null, c.documents),
                h('td', null, t(c.updated_at)),
              ),
            ),
          ),
        )
      : h('p', null, '没有案件。'),
  );
}

export function CasePage({ data }: { data: Awaited<ReturnType<HqApp['cases']['caseById']>> }) {
  if (!data) return h('div', { className: 'err' }, '没有这个案件。');
  const { c, documents } = data;
  return h(
    Fragment,
    null,
    h(
      'div',
      { className: 'card' },
      h('b', null, c.case_no),
      ` · ${c.office_name} · 当事人：${c.party_name} · 事项：${c.matter_name} · 状态：${c.status}`,
    ),
    h(
      'table',
      { id: 'documents' },
      h(
        'tbody',
        null,
        headerRow(['文书编号', '类型', '封存时间', '设备封存序号', '总部序号', '接收']),
        documents.map((d) =>
          h(
            'tr',
            { key: d.id },
            h('td', null, h('a', { href: `/documents/${encodeURIComponent(d.id)}` }, d.doc_no)),
            h('td', null, documentTypeLabel(d.type)),
            h('td', null, t(d.sealed_at)),
            h('td', null, d.seq),
            h('td', null, d.hq_seq),
            h('td', null, `${t(d.received_at)}（${viaLabel(d.via)}）`),
          ),
        ),
      ),
    ),
  );
}
