// Browse and search the enforcement-matter catalog.
import { Input, Segmented, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { MATTER_TYPES, type MatterSummary, type MatterType } from '../../shared/catalog/catalog-schema.ts';
import { useApi } from '../app/api-context.tsx';
import { MatterDetail } from './MatterDetail.tsx';

export function CatalogBrowser() {
  const { run } = useApi();
  const [query, setQuery] = useState('');
  const [type, setType] = useState<MatterType | 'all'>('all');
  const [data, setData] = useState<{ version: string; items: MatterSummary[] }>({ version: '', items: [] });
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    void run('catalog.search', { query, ...(type === 'all' ? {} : { type }) }).then((r) => r.ok && setData(r.value));
  }, [run, query, type]);
  return (
    <>
      <div className="page-title">
        <h2>执法事项目录</h2>
        <Typography.Text type="secondary">目录版本 {data.version}</Typography.Text>
      </div>
      <div style={{ display: 'flex', gap: 12, marginBottom: 16 }}>
        <Input.Search allowClear placeholder="搜索事项名称、法律名称、条款（如：第六十一条）或条文内容" onSearch={setQuery} style={{ maxWidth: 560 }} data-testid="catalog-search" enterButton="搜索" />
        <Segmented value={type} onChange={(v) => setType(v as MatterType | 'all')} options={[{ label: '全部', value: 'all' }, ...MATTER_TYPES.slice(0, 2).map((t) => ({ label: t, value: t }))]} />
      </div>
      <Table<MatterSummary>
        rowKey="id"
        dataSource={data.items}
        pagination={false}
        size="middle"
        onRow={(m) => ({ onClick: () => setOpen(m.id), style: { cursor: 'pointer' }, 'data-testid': 'catalog-row' }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: `没有与「${query}」匹配的事项` }}
        columns={[
          { title: '事项名称', dataIndex: 'name', render: (n: string, m) => (m.aliases.length ? <span title={`其他名称：${m.aliases.join('；')}`}>{n}</span> : n) },
          { title: '类型', dataIndex: 'type', width: 100, render: (t: string) => <Tag color={t === '行政处罚' ? 'red' : 'blue'}>{t}</Tag> },
          { title: '依据', dataIndex: 'basisShort', width: 300 },
          { title: '处罚幅度', dataIndex: 'penaltyShort', width: 260 },
        ]}
      />
      <MatterDetail id={open} onClose={() => setOpen(null)} />
    </>
  );
}
