// 总览: counts over the viewer's offices, the deadlines the devices reported that are overdue or
// due within three days (per office, then each one), the flags to look into (归属冲突, 序号冲突 …)
// and every device with its chain.
import { Alert, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { call } from '../api.ts';
import { beijing } from '../format.ts';
import { href } from '../router.ts';
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
      <Deadlines rows={data.deadlines} />
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

type Urgent = Awaited<ReturnType<typeof call<'overview'>>>['deadlines'][number];

const dayText = (d: string | null) => (d ? `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日` : '—');

/** Overdue and nearly due deadlines, as the devices last reported them (an older device reports none). */
function Deadlines({ rows }: { rows: Urgent[] }) {
  const byOffice = new Map<string, { officeName: string; overdue: number; soon: number }>();
  for (const r of rows) {
    const o = byOffice.get(r.officeId) ?? { officeName: r.officeName, overdue: 0, soon: 0 };
    if (r.status === 'overdue') o.overdue++;
    else o.soon++;
    byOffice.set(r.officeId, o);
  }
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        逾期与临近期限
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        各终端同步时报送的未完成期限（立案期限、先行登记保存处理决定等，按终端的记录和工作日历计算），此处列出已逾期和3日内到期的。以终端最近一次同步时的记录为准：之后在终端上完成的事项，下次同步后才会消失。
      </Typography.Paragraph>
      {byOffice.size > 0 && (
        <Space wrap style={{ marginBottom: 12 }} id="deadline-offices">
          {[...byOffice.values()].map((o) => (
            <Card size="small" key={o.officeName}>
              <Typography.Text strong>{o.officeName}</Typography.Text>
              <div>
                <Tag color={o.overdue ? 'red' : 'default'}>已逾期 {o.overdue}</Tag>
                <Tag color={o.soon ? 'orange' : 'default'}>临近 {o.soon}</Tag>
              </div>
            </Card>
          ))}
        </Space>
      )}
      <Table
        id="deadlines"
        size="small"
        rowKey={(r) => `${r.caseId}-${r.kind}-${r.docNo ?? ''}-${r.deviceName}`}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '没有逾期或3日内到期的期限' }}
        columns={[
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: Urgent['status'], r) =>
              s === 'overdue' ? (
                <Tag color="red">已逾期{-r.daysLeft}天</Tag>
              ) : s === 'soon' ? (
                <Tag color="orange">{r.daysLeft === 0 ? '今日到期' : `${r.daysLeft}天后到期`}</Tag>
              ) : (
                <Tag>无法确定（最早{dayText(r.earliest)}）</Tag>
              ),
          },
          { title: '期限', dataIndex: 'label' },
          { title: '截止日', dataIndex: 'dueDate', render: dayText },
          {
            title: '案号',
            dataIndex: 'caseNo',
            render: (n: string, r) => (r.caseAtHq ? <a href={href({ page: 'case', id: r.caseId })}>{n}</a> : n),
          },
          { title: '文书', dataIndex: 'docNo', render: (d: string | null) => d ?? '—' },
          { title: '单位', dataIndex: 'officeName' },
          { title: '终端', dataIndex: 'deviceName' },
          { title: '终端报送时间', dataIndex: 'reportedAt', render: beijing },
        ]}
      />
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
