// The case's audit log: every action on it, in order, each row chained to the previous one.
import { Card, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApi } from '../app/api-context.tsx';
import { formatTime } from '../app/format.ts';

const ACTIONS: Record<string, string> = {
  'case-create': '创建案件',
  'case-edit': '修改案件',
  'case-status': '变更状态',
  'case-milestone': '记录期限起算日期',
  'case-law': '确定适用的法律版本',
  'document-create': '新建文书',
  'document-edit': '编辑文书',
  'document-edit-discarding-signatures': '编辑文书（作废签名）',
  'document-ready': '提交签名',
  'export-pdf': '导出PDF',
  'evidence-import': '导入电子数据',
  'evidence-capture': '网页取证',
  'signing-start': '开始签名',
  sign: '签名',
  refuse: '拒签/缺席',
  'signing-end': '结束签名',
  seal: '封存',
  'correction-create': '制作补正',
  'export-bundle': '导出封存包',
  'sign-in': '登录',
  'sign-in-failed': '登录失败',
  'sign-out': '退出',
  settings: '设置',
  lock: '锁定',
  unlock: '解锁',
  'unlock-failed': '解锁失败',
  'hq-recovery': '密钥恢复副本',
  enroll: '登记到总部',
  sync: '同步（总部回执）',
  'sync-failed': '同步失败',
  'sync-export': '导出同步包',
  'sync-receipts': '导入回执（总部回执）',
  'free-space': '释放空间',
};

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
