// Browse and search the enforcement-matter catalog: the law in force today, or — given a conduct
// date — the version(s) that date concerns (both sides of a change, docs/LAW.md).
import { Input, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { MATTER_TYPES, type MatterSummary, type MatterType } from '../../shared/catalog/catalog-schema.ts';
import { DayPicker } from '../forms/time-pickers.tsx';
import { useApi } from '../app/api-context.tsx';
import { periodLabel } from '../../shared/catalog/law-in-force.ts';
import { MatterDetail } from './MatterDetail.tsx';

type Period = MatterSummary['periods'][number];
/** One version: its text; several: each with its period. */
const byPeriod = (periods: Period[], pick: (p: Period) => string) =>
  periods.length === 1 ? (
    <>
      {pick(periods[0]!) || '—'}
      {periods[0]!.unverified && (
        <Tooltip title="条文未经官方文本核对或未能取得全文，详见事项详情">
          <Tag color="orange" style={{ marginLeft: 4 }}>
            未核实
          </Tag>
        </Tooltip>
      )}
    </>
  ) : (
    periods.map((p) => (
      <div key={p.effectiveFrom ?? ''}>
        <Typography.Text type="secondary">{periodLabel(p)}：</Typography.Text>
        {pick(p) || '—'}
      </div>
    ))
  );

export function CatalogBrowser() {
  const { run } = useApi();
  const [query, setQuery] = useState('');
  const [type, setType] = useState<MatterType | 'all'>('all');
  const [data, setData] = useState<{ version: string; date: string | null; items: MatterSummary[] }>({
    version: '',
    date: null,
    items: [],
  });
  const [counts, setCounts] = useState<Partial<Record<MatterType, number>>>({});
  const [loading, setLoading] = useState(true);
  const [open, setOpen] = useState<string | null>(null);
  // A conduct date: the law it concerns; empty: the law in force today.
  const [date, setDate] = useState('');

  // The type filter offers only the types this catalog has, with how many of each.
  useEffect(() => {
    void run('catalog.search', { limit: 500 }).then((r) => {
      if (!r.ok) return;
      const n: Partial<Record<MatterType, number>> = {};
      for (const m of r.value.items) n[m.type] = (n[m.type] ?? 0) + 1;
      setCounts(n);
    });
  }, [run]);
  useEffect(() => {
    setLoading(true);
    const conduct = /^\d{4}-\d{2}-\d{2}$/.test(date) ? { conduct: { from: date, to: date } } : {};
    void run('catalog.search', { query, limit: 500, ...(type === 'all' ? {} : { type }), ...conduct }).then((r) => {
      setLoading(false);
      if (r.ok) setData(r.value);
    });
  }, [run, query, type, date]);

  const types = MATTER_TYPES.filter((t) => counts[t]);
  return (
    <>
      <div className="page-title">
        <h2>执法事项目录</h2>
        <Typography.Text type="secondary" data-testid="catalog-version">
          法规库版本 {data.version}
          {data.date ? `（${data.date}）` : ''}
        </Typography.Text>
      </div>
      <div style={{ display: 'flex', gap: 12, marginBottom: 16, alignItems: 'center' }}>
        <Input.Search
          allowClear
          placeholder="搜索事项名称、法律名称、条款（如：第六十一条）或条文内容"
          onSearch={setQuery}
          style={{ maxWidth: 560 }}
          data-testid="catalog-search"
          enterButton="搜索"
        />
        <Segmented
          value={type}
          onChange={(v) => setType(v as MatterType | 'all')}
          options={[
            { label: '全部', value: 'all' },
            ...types.map((t) => ({ label: `${t}（${counts[t]}）`, value: t })),
          ]}
          data-testid="catalog-type"
        />
        <Tooltip title="填写违法行为发生日期，显示该日期所涉及的法律版本（法律在此后修改的，同时显示修改后的版本）；不填则显示现行规定。">
          <span aria-label="违法行为发生日期">
            <DayPicker value={date} onChange={setDate} width={170} testId="catalog-date" />
          </span>
        </Tooltip>
        <div style={{ flex: 1 }} />
        <Typography.Text type="secondary">{loading ? '' : `共 ${data.items.length} 项`}</Typography.Text>
      </div>
      <Table<MatterSummary>
        rowKey="id"
        dataSource={data.items}
        loading={loading}
        pagination={false}
        size="middle"
        onRow={(m) =>
          ({
            onClick: () => setOpen(m.id),
            style: { cursor: 'pointer' },
            'data-testid': 'catalog-row',
          }) as React.HTMLAttributes<HTMLElement>
        }
        locale={{
          emptyText: query
            ? `没有与「${query}」相关的事项，请换一个关键词，或搜索法律条款（如：第五十九条）。`
            : '目录中没有此类事项。',
        }}
        columns={[
          {
            title: '事项名称',
            dataIndex: 'name',
            render: (n: string, m) => (
              <>
                <div>{n}</div>
                {m.aliases.length > 0 && (
                  <div className="field-hint clamp-1" title={m.aliases.join('\n')}>
                    其他名称：{m.aliases.join('；')}
                  </div>
                )}
              </>
            ),
          },
          {
            title: '类型',
            dataIndex: 'type',
            width: 96,
            render: (t: string) => <Tag color={t === '行政处罚' ? 'red' : 'blue'}>{t}</Tag>,
          },
          {
            title: date ? '法律依据（违法行为发生日涉及的版本）' : '法律依据（现行）',
            width: 340,
            render: (_: unknown, m) => byPeriod(m.periods, (p) => p.basisShort),
          },
          { title: '处罚幅度', width: 300, render: (_: unknown, m) => byPeriod(m.periods, (p) => p.penaltyShort) },
        ]}
      />
      <MatterDetail id={open} onClose={() => setOpen(null)} />
    </>
  );
}
