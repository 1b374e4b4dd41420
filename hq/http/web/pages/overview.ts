// 总览: counts, the flags to look into, every device with its chain and a revoke form, and the
// enrollment-code form with the codes made so far.
import { createElement as h, Fragment } from 'react';
import type { ChainStatus } from '../../../browse/browse.ts';
import type { DeviceRow } from '../../../devices/device-registry.ts';
import type { Viewer } from '../../../db/scope.ts';
import type { HqApp } from '../../../hq-app.ts';
import { lawPackageLabel } from '../../../../shared/catalog/law-package.ts';
import { currentLawPackage } from '../../../reference/law-publish.ts';
import { KIND_LABELS, t } from './format.ts';

/** What the page shows, read before it is rendered (the stores are asynchronous, rendering is not). */
export async function loadOverview(hq: HqApp, viewer: Viewer) {
  const devices = await hq.devices.visibleTo(viewer);
  const chains = new Map<string, ChainStatus>();
  for (const d of devices) chains.set(d.device_id, await hq.browse.chain(d.device_id));
  return {
    c: await hq.browse.countsFor(viewer),
    flags: await hq.browse.flagsFor(viewer),
    devices,
    chains,
    codes: await hq.devices.codes(viewer),
    fingerprint: hq.devices.certificates.fingerprint(),
    law: await lawShown(hq),
  };
}

/** The 法规库 devices take from HQ: its version and date, and whether HQ published it or it came with the program. */
async function lawShown(hq: HqApp): Promise<{ label: string; published: string | null }> {
  const current = await currentLawPackage(hq.reference);
  const stored = await hq.reference.signedCurrent('catalog');
  const mine = stored && (stored.ref.data as { version?: unknown }).version === current.version;
  return {
    label: lawPackageLabel(current),
    published: mine ? `总部发布（参考数据第${stored.ref.version}版，${t(stored.ref.issuedAt)}）` : null,
  };
}

export function Overview({
  c,
  flags,
  devices,
  chains,
  codes,
  fingerprint,
  law,
}: Awaited<ReturnType<typeof loadOverview>>) {
  return h(
    Fragment,
    null,
    // The root fingerprint the office publishes (letterhead, website, case file): a court or
    // examiner runs npm run verify -- 封存包.tar --hq-root with it (docs/SEAL-FORMAT.md).
    h(
      'div',
      { className: 'card', id: 'hq-fingerprint' },
      '总部根密钥指纹（请公布于公函、网站或案卷，供核验封存包时使用）：',
      h('b', { className: 'mono' }, fingerprint),
    ),
    // The law devices take at their next sync (npm run hq -- publish law, docs/LAW.md).
    h(
      'div',
      { className: 'card', id: 'hq-law' },
      '当前法规库：',
      h('b', null, law.label),
      `（${law.published ?? '随本程序提供，总部尚未发布更新'}）`,
    ),
    h(
      'div',
      { className: 'card' },
      `已登记设备 ${c.devices} 台 · 已接收封存 ${c.seals} 个 · 案件 ${c.cases} 件 · `,
      h('span', { className: c.openFlags ? 'bad' : 'ok' }, `待核查 ${c.openFlags} 项`),
    ),
    h('h2', null, '待核查'),
    flags.length
      ? h(
          'table',
          { id: 'flags' },
          h(
            'tbody',
            null,
            h('tr', null, ...['类别', '设备', '封存序号', '说明', '时间'].map((x) => h('th', { key: x }, x))),
            flags.map((f) =>
              h(
                'tr',
                { key: f.id },
                h('td', { className: 'bad' }, KIND_LABELS[f.kind] ?? f.kind),
                h('td', { className: 'mono' }, f.device_id),
                h('td', null, f.seq ?? '—'),
                h('td', null, f.detail),
                h('td', null, t(f.created_at)),
              ),
            ),
          ),
        )
      : h('p', { className: 'ok' }, '没有待核查事项。'),
    h('h2', null, '设备'),
    devices.length
      ? h(
          'table',
          { id: 'devices' },
          h(
            'tbody',
            null,
            h(
              'tr',
              null,
              ...['设备', '单位', '案号前缀', '登记时间', '最近同步', '封存数', '封存链', '状态', ''].map((x, i) =>
                h('th', { key: i }, x),
              ),
            ),
            devices.map((d) => h(DeviceLine, { key: d.device_id, d, chain: chains.get(d.device_id)! })),
          ),
        )
      : h('p', null, '尚无登记的设备。'),
    h('h2', null, '设备登记码'),
    h(
      'form',
      { method: 'post', action: '/codes', className: 'card' },
      h('label', null, '备注（如使用人、设备） ', h('input', { name: 'note', maxLength: 60 })),
      ' ',
      h('label', null, '案号前缀 ', h('input', { name: 'prefix', maxLength: 12, placeholder: '网信案' })),
      ' ',
      h('button', { type: 'submit' }, '生成登记码'),
    ),
    codes.length
      ? h(
          'table',
          null,
          h(
            'tbody',
            null,
            h('tr', null, ...['备注', '案号前缀', '生成时间', '状态'].map((x) => h('th', { key: x }, x))),
            codes.map((k, i) =>
              h(
                'tr',
                { key: i },
                h('td', null, k.note || '—'),
                h('td', null, k.casePrefix),
                h('td', null, t(k.createdAt)),
                h(
                  'td',
                  null,
                  k.usedAt
                    ? `已使用 ${t(k.usedAt)}`
                    : k.expiresAt < new Date().toISOString()
                      ? '已过期'
                      : `有效至 ${t(k.expiresAt)}`,
                ),
              ),
            ),
          ),
        )
      : null,
  );
}

function DeviceLine({ d, chain }: { d: DeviceRow; chain: ChainStatus }) {
  const chainCell = chain.missing.length
    ? h('span', { className: 'bad' }, `缺少封存 ${chain.missing.join('、')}`)
    : chain.count
      ? h('span', { className: 'ok' }, `1–${chain.maxSeq} 连续`)
      : '尚无封存';
  const state = d.revoked_at
    ? h('span', { className: 'bad' }, `已吊销（${t(d.revoked_at)}${d.revoke_reason ? `：${d.revoke_reason}` : ''}）`)
    : h('span', { className: 'ok' }, '正常');
  const action = d.revoked_at
    ? null
    : h(
        'form',
        { method: 'post', action: `/devices/${d.device_id}/revoke` },
        h('input', { name: 'reason', placeholder: '吊销原因', required: true }),
        ' ',
        h('button', null, '吊销'),
      );
  return h(
    'tr',
    null,
    h('td', null, h('a', { href: `/devices/${d.device_id}` }, d.name), h('div', { className: 'mono' }, d.device_id)),
    h('td', null, d.agency_name),
    h('td', null, d.case_prefix),
    h('td', null, t(d.enrolled_at)),
    h('td', null, t(d.last_sync_at)),
    h('td', null, chain.count),
    h('td', null, chainCell),
    h('td', null, state),
    h('td', null, action),
  );
}
