// 待同步: every sealed document without HQ's receipt, in the order they were sealed.
import { Card, Table } from 'antd';
import type { SyncStatus } from '../../shared/sync/sync-api.ts';
import { formatTime } from '../app/format.ts';

type Item = SyncStatus['outbox']['items'][number];

export function OutboxCard({ outbox }: { outbox: SyncStatus['outbox'] }) {
  return (
    <Card
      size="small"
      title={<span data-testid="sync-outbox-count">待同步 {outbox.documents} 份</span>}
      style={{ marginBottom: 16 }}
      data-testid="sync-outbox"
    >
      <Table<Item>
        rowKey="seq"
        size="small"
        pagination={outbox.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        dataSource={outbox.items}
        locale={{ emptyText: '没有待同步的文书：所有封存文书均已取得总部回执。' }}
        onRow={() => ({ 'data-testid': 'sync-outbox-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '封存序号', dataIndex: 'seq', width: 100 },
          { title: '文书编号', dataIndex: 'docNo' },
          { title: '案号', dataIndex: 'caseNo' },
          { title: '封存时间', dataIndex: 'sealedAt', width: 170, render: formatTime },
        ]}
      />
    </Card>
  );
}
