// The case's audit log: every action on it, in order, each row chained to the previous one.
import { Card, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApi } from '../app/api-context.tsx';
import { formatTime } from '../app/format.ts';
import { AUDIT_ACTIONS } from '../../shared/audit/audit-actions.ts';

const ACTIONS: Record<string, string> = AUDIT_ACTIONS;

type Row = { seq: number; at: string; officerIds: string[]; action: string; detail: string; hash: string };

export function AuditCard({ caseId, title = '审计日志' }: { caseId: string; title?: string }) {
  const { run, status } = useApi();
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => void run('audit.list', { caseId }).then((r) => r.ok && setRows(r.value)), [caseId, run]);
  const names = new Map((status?.session.officers ?? []).map((o) => [o.id, o.name]));
  return (
    <Card
      size="small"
      title={`${title}（${rows.length}条，逐条哈希链接，不可更改）`}
      style={{ marginBottom: 16 }}
      data-testid="case-audit"
    >
      <Table
        size="small"
        rowKey="seq"
        dataSource={rows}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 70 },
          { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => formatTime(v) },
          { title: '操作', dataIndex: 'action', width: 150, render: (v: string) => ACTIONS[v] ?? v },
          {
            title: '执法人员',
            dataIndex: 'officerIds',
            width: 140,
            render: (v: string[]) => v.map((id) => names.get(id) ?? id.slice(0, 8)).join('、'),
          },
          { title: '说明', dataIndex: 'detail', ellipsis: true },
          {
            title: '校验值',
            dataIndex: 'hash',
            width: 130,
            render: (v: string) => <Typography.Text code>{v.slice(0, 12)}…</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
