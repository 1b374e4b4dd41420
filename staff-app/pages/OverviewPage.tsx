// 总览: counts over the viewer's offices, the flags to look into (归属冲突, 序号冲突 …) and every device
// with its chain. Deadlines are not shown: HQ receives sealed documents, not the devices' deadline
// registers (docs/HQ.md says what would be needed).
import { Alert, Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { call } from '../api.ts';
import { beijing } from '../format.ts';
import { useLoad } from './use-load.ts';

export function OverviewPage() {
  const { data, error } = useLoad(() => call('overview'), []);
  if (error) return <Alert type="error" title={error} />;
  if (!data) return null;
  const c = data.counts;
  return (
    <>
      <Typography.Title level={3}>总览</Typography.Title>
      <Row gutter={16}>
        {[
          ['已登记设备', c.devices, '台'],
          ['已接收封存', c.seals, '个'],
          ['案件', c.cases, '件'],
          ['待核查', c.openFlags, '项'],
        ].map(([t, v, s]) => (
          <Col span={6} key={t as string}>
            <Card>
              <Statistic title={t} value={v as number} suffix={s} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        待核查
      </Typography.Title>
      <Table
        id="flags"
        size="small"
        rowKey="id"
        dataSource={data.flags}
        pagination={false}
        locale={{ emptyText: '没有待核查事项' }}
        columns={[
          { title: '类别', dataIndex: 'label', render: (l: string) => <Tag color="red">{l}</Tag> },
          { title: '单位', dataIndex: 'officeName' },
          { title: '设备', dataIndex: 'deviceName' },
          { title: '封存序号', dataIndex: 'seq', render: (s: number | null) => s ?? '—' },
          { title: '说明', dataIndex: 'detail' },
          { title: '时间（北京时间）', dataIndex: 'createdAt', render: beijing },
        ]}
      />
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        设备
      </Typography.Title>
      <DeviceTable devices={data.devices} />
    </>
  );
}

export function DeviceTable({ devices }: { devices: Awaited<ReturnType<typeof call<'overview'>>>['devices'] }) {
  return (
    <Table
      id="devices"
      size="small"
      rowKey="deviceId"
      dataSource={devices}
      pagination={false}
      locale={{ emptyText: '尚无登记的设备' }}
      columns={[
        { title: '设备', dataIndex: 'name' },
        { title: '单位', dataIndex: 'officeName' },
        { title: '案号前缀', dataIndex: 'casePrefix' },
        { title: '登记时间', dataIndex: 'enrolledAt', render: beijing },
        { title: '最近同步', dataIndex: 'lastSyncAt', render: beijing },
        {
          title: '封存链',
          dataIndex: 'chain',
          render: (ch: { count: number; maxSeq: number; missing: number[] }) =>
            ch.missing.length ? (
              <Tag color="red">缺少 {ch.missing.join('、')}</Tag>
            ) : ch.count ? (
              <Tag color="green">1–{ch.maxSeq} 连续</Tag>
            ) : (
              '尚无封存'
            ),
        },
        {
          title: '状态',
          dataIndex: 'revokedAt',
          render: (r: string | null, d) =>
            r ? <Tag color="red">已吊销（{d.revokeReason}）</Tag> : <Tag color="green">正常</Tag>,
        },
      ]}
    />
  );
}
