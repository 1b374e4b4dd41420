// 案件 list: search, status filter, paging; new case only with two officers signed in.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Table, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { CASE_STATUS_LABELS, type CaseStatus, type CaseSummary } from '../../shared/domain/case.ts';
import { useApi } from '../app/api-context.tsx';
import { formatTime } from '../app/format.ts';

export const STATUS_COLORS: Record<CaseStatus, string> = { clue: 'gold', filed: 'blue', closed: 'default' };
const PAGE = 20;

export function CaseList({ open, create }: { open: (id: string) => void; create: () => void }) {
  const { run, status } = useApi();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<CaseStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: CaseSummary[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const pair = status?.session.pair ?? false;

  const load = useCallback(async () => {
    setLoading(true);
    const r = await run('cases.list', {
      query,
      limit: PAGE,
      offset: (page - 1) * PAGE,
      ...(filter === 'all' ? {} : { status: filter }),
    });
    setLoading(false);
    if (r.ok) setData(r.value);
  }, [run, query, filter, page]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <div className="page-title">
        <h2>案件</h2>
        {/* Below the button: above it, the tooltip would cover the header's sign-in slot it points to. */}
        <Tooltip
          placement="bottomRight"
          title={pair ? '' : '新建案件须两名执法人员同时登录：请第二名执法人员在右上角登录。'}
        >
          <Button type="primary" icon={<PlusOutlined />} disabled={!pair} onClick={create} data-testid="case-new">
            新建案件
          </Button>
        </Tooltip>
      </div>
      <div style={{ display: 'flex', gap: 12, marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="搜索案件编号、案件名称、当事人、统一社会信用代码/证件号码、平台、域名"
          onSearch={(v) => {
            setPage(1);
            setQuery(v);
          }}
          style={{ maxWidth: 560 }}
          data-testid="case-search"
          enterButton="搜索"
        />
        <Segmented
          value={filter}
          onChange={(v) => {
            setPage(1);
            setFilter(v as CaseStatus | 'all');
          }}
          options={[
            { label: '全部', value: 'all' },
            ...Object.entries(CASE_STATUS_LABELS).map(([value, label]) => ({ label, value })),
          ]}
        />
      </div>
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data.items}
        onRow={(c) =>
          ({
            onClick: () => open(c.id),
            style: { cursor: 'pointer' },
            'data-testid': 'case-row',
          }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data.total,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 件`,
        }}
        locale={{
          emptyText:
            query || filter !== 'all'
              ? `没有符合条件的案件${query ? `（搜索「${query}」）` : ''}。`
              : pair
                ? '还没有案件。点击右上角「新建案件」开始。'
                : '还没有案件。两名执法人员同时登录后可新建案件。',
        }}
        columns={[
          {
            title: '案件编号',
            dataIndex: 'caseNo',
            width: 185,
            render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span>,
          },
          { title: '案件名称', dataIndex: 'title', ellipsis: true },
          { title: '当事人', dataIndex: 'partyName', width: 150, ellipsis: true },
          { title: '平台', dataIndex: 'platformName', width: 110, ellipsis: true },
          { title: '执法事项', dataIndex: 'matterName', width: 170, ellipsis: true },
          {
            title: '状态',
            dataIndex: 'status',
            width: 88,
            render: (s: CaseStatus) => <Tag color={STATUS_COLORS[s]}>{CASE_STATUS_LABELS[s]}</Tag>,
          },
          {
            title: '更新时间',
            dataIndex: 'updatedAt',
            width: 145,
            render: (t: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(t)}</span>,
          },
        ]}
      />
    </>
  );
}
