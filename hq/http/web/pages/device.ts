// 设备: one device with its chain status, its open flags and its seals — on request each seal
// verified again (device signatures, document, signatures, evidence digests, chain link).
import { createElement as h, Fragment } from 'react';
import type { Viewer } from '../../../db/scope.ts';
import type { HqApp } from '../../../hq-app.ts';
import { reverifyDocument } from '../../../ingest/reverify.ts';
import { KIND_LABELS, t, viaLabel } from './format.ts';

/** What the page shows — with each seal verified again when asked — read before it is rendered. */
export async function loadDevicePage(hq: HqApp, viewer: Viewer, deviceId: string, verify: boolean) {
  const d = await hq.devices.getFor(viewer, deviceId);
  if (!d) return null;
  const seals = await hq.browse.sealsOf(deviceId);
  const problems = new Map<number, string[]>();
  if (verify) for (const s of seals) problems.set(s.seq, await reverifyDocument(hq, s.document_id));
  return {
    d,
    deviceId,
    verify,
    chain: await hq.browse.chain(deviceId),
    seals,
    problems,
    flags: (await hq.browse.flagsFor(viewer)).filter((f) => f.device_id === deviceId),
  };
}

export function DevicePage({ data }: { data: Awaited<ReturnType<typeof loadDevicePage>> }) {
  if (!data) return h('div', { className: 'err' }, '没有这个设备。');
  const { d, deviceId, verify, chain, seals, problems: verified, flags } = data;
  const chainText = chain.count
    ? chain.missing.length
      ? `封存链有缺口：尚未收到封存 ${chain.missing.join('、')}（已收到 ${chain.count} 个，最大序号 ${chain.maxSeq}）`
      : `封存链 1–${chain.maxSeq} 连续，逐个衔接`
    : '尚未收到封存';
  return h(
    Fragment,
    null,
    h(
      'div',
      { className: 'card' },
      h('b', null, d.name),
      ` · ${d.agency_name} · `,
      h('span', { className: 'mono' }, d.device_id),
      ` · 登记 ${t(d.enrolled_at)} · 最近同步 ${t(d.last_sync_at)} · `,
      d.revoked_at
        ? h('span', { className: 'bad' }, `已吊销：${d.revoke_reason ?? ''}`)
        : h('span', { className: 'ok' }, '正常'),
    ),
    h('p', { id: 'chain-status', className: chain.missing.length ? 'bad' : 'ok' }, chainText),
    flags.length
      ? h(
          'p',
          { className: 'bad' },
          '待核查：',
          flags.map((f, i) =>
            h(
              Fragment,
              { key: f.id },
              i ? h('br') : null,
              `${KIND_LABELS[f.kind] ?? f.kind}（封存${f.seq ?? '—'}）：${f.detail}`,
            ),
          ),
        )
      : null,
    h(
      'p',
      null,
      verify
        ? '以下为刚刚重新核验的结果（设备签名、文书、签名、电子数据校验值、与前一封存的衔接）。'
        : h('a', { href: `/devices/${deviceId}?verify=1`, id: 'verify-all' }, '重新核验该设备的全部封存'),
    ),
    h(
      'table',
      { id: 'seals' },
      h(
        'tbody',
        null,
        h(
          'tr',
          null,
          ...['封存序号', '文书', '封存时间', '总部序号', '接收', '封存校验值 SHA-256'].map((x) =>
            h('th', { key: x }, x),
          ),
          verify ? h('th', { key: 'v' }, '核验') : null,
        ),
        seals.map((s) => {
          const problems = verify ? (verified.get(s.seq) ?? []) : null;
          return h(
            'tr',
            { key: s.seq },
            h('td', null, s.seq),
            h('td', null, h('a', { href: `/documents/${encodeURIComponent(s.document_id)}` }, s.doc_no)),
            h('td', null, t(s.sealed_at)),
            h('td', null, s.hq_seq),
            h('td', null, `${t(s.received_at)}（${viaLabel(s.via)}）`),
            h('td', { className: 'mono' }, s.hash_sha256),
            problems === null
              ? null
              : problems.length
                ? h('td', { className: 'bad' }, problems.join('；'))
                : h('td', { className: 'ok' }, '通过'),
          );
        }),
      ),
    ),
  );
}
