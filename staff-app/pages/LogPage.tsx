// 操作记录 (管理员): HQ's event log and the access log (every read of a case's personal data), in
// Chinese and Beijing time.
import { Alert, Table, Tabs, Typography } from 'antd';
import { call } from '../api.ts';
import { beijing } from '../format.ts';
import { useLoad } from './use-load.ts';

const COLUMNS = [
  { title: '时间（北京时间）', dataIndex: 'at', render: beijing, width: 190 },
  { title: '单位', dataIndex: 'officeName', width: 180 },
  { title: '人员', dataIndex: 'who', width: 120 },
  { title: '操作', dataIndex: 'actionLabel', width: 120 },
  { title: '内容', dataIndex: 'detail' },
];

export function LogPage() {
  const events = useLoad(() => call('events'), []);
  const access = useLoad(() => call('access'), []);
  const error = events.error ?? access.error;
  if (error) return <Alert type="error" title={error} />;
  return (
    <>
      <Typography.Title level={3}>操作记录</Typography.Title>
      <Tabs
        items={[
          {
            key: 'events',
            label: '操作记录',
            children: (
              <Table id="events" size="small" rowKey="id" dataSource={events.data?.rows ?? []} columns={COLUMNS} />
            ),
          },
          {
            key: 'access',
            label: '查阅记录（个人信息）',
            children: (
              <Table id="access-log" size="small" rowKey="id" dataSource={access.data?.rows ?? []} columns={COLUMNS} />
            ),
          },
        ]}
      />
    </>
  );
}
