// 统计: received cases and documents over the viewer's offices — per month, per office, per matter
// (事项) — for the months chosen (the last twelve by default) and optionally one office and those
// below it. The bars are plain antd + CSS, not a chart library: three bar charts of counts do not
// justify recharts' 124 KB gzipped (measured: BarChart alone, minified, React excluded) or
// @ant-design/charts' G2; the numbers are printed on every bar and in the table below, which
// also prints and copies cleanly.
import { Alert, Button, Card, Col, DatePicker, Form, Row, Select, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { call } from '../api.ts';
import { useLoad } from './use-load.ts';

type Stats = Awaited<ReturnType<typeof call<'stats'>>>;
interface Bar {
  key: string;
  label: string;
  cases: number;
  documents: number;
}

const CASE_COLOR = '#1d4e89';
const DOC_COLOR = '#6aa5d8';
const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

function sum(rows: Stats['rows'], key: (r: Stats['rows'][number]) => string): Map<string, Bar> {
  const out = new Map<string, Bar>();
  for (const r of rows) {
    const k = key(r);
    const b = out.get(k) ?? { key: k, label: k, cases: 0, documents: 0 };
    b.cases += r.cases;
    b.documents += r.documents;
    out.set(k, b);
  }
  return out;
}

export function StatsPage() {
  const [query, setQuery] = useState<{ from?: string; to?: string; office?: string }>({});
  const { data, error, loading } = useLoad(() => call('stats', { query }), [query]);
  const [form] = Form.useForm();
  if (error) return <Alert type="error" title={error} id="stats-error" />;
  if (!data) return null;
  const offices = new Map(data.offices.map((o) => [o.id, o]));
  const byMonth = sum(data.rows, (r) => r.month);
  const months: Bar[] = data.months.map(
    (m) => ({ ...(byMonth.get(m) ?? { key: m, cases: 0, documents: 0 }), label: monthLabel(m) }) as Bar,
  );
  const byOffice = [...sum(data.rows, (r) => r.officeId).values()]
    .map((b) => ({ ...b, label: offices.get(b.key)?.name ?? '（未知单位）' }))
    .sort((a, b) => b.documents - a.documents);
  const byMatter = [...sum(data.rows, (r) => r.matter).values()]
    .map((b) => ({ ...b, label: b.key || '（未填事项）' }))
    .sort((a, b) => b.documents - a.documents);
  const total = months.reduce((t, b) => ({ cases: t.cases + b.cases, documents: t.documents + b.documents }), {
    cases: 0,
    documents: 0,
  });
  return (
    <>
      <Typography.Title level={3}>统计</Typography.Title>
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 16 }}
        initialValues={{ range: [dayjs(`${data.from}-01`), dayjs(`${data.to}-01`)], office: query.office }}
        onFinish={(v: { range?: [Dayjs, Dayjs] | null; office?: string }) =>
          setQuery({
            ...(v.range ? { from: v.range[0].format('YYYY-MM'), to: v.range[1].format('YYYY-MM') } : {}),
            ...(v.office ? { office: v.office } : {}),
          })
        }
      >
        <Form.Item name="range" label="月份">
          <DatePicker.RangePicker picker="month" allowClear={false} id="stats-range" />
        </Form.Item>
        <Form.Item name="office" label="单位">
          <Select
            id="stats-office"
            allowClear
            placeholder="全部（含下级单位）"
            style={{ width: 240 }}
            options={data.offices.map((o) => ({ value: o.id, label: `${'　'.repeat(o.depth)}${o.name}` }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading} id="stats-submit">
          统计
        </Button>
      </Form>
      <Row gutter={16}>
        <Col span={8}>
          <Card>
            <Statistic title="新收案件" value={total.cases} suffix="件" />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title="封存文书" value={total.documents} suffix="份" />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title="涉及单位" value={byOffice.length} suffix="个" />
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        按总部已收到的封存统计（北京时间）：文书计入其封存的月份；案件计入总部收到其第一份文书的封存月份。图例：
        <Swatch color={CASE_COLOR} /> 案件 <Swatch color={DOC_COLOR} /> 文书
      </Typography.Paragraph>
      <Card title="按月" size="small" style={{ marginTop: 8 }} id="stats-months">
        <MonthColumns bars={months} />
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={12}>
          <Card title="按单位" size="small" id="stats-offices">
            <BarList bars={byOffice} />
          </Card>
        </Col>
        <Col span={12}>
          <Card title="按执法事项" size="small" id="stats-matters">
            <BarList bars={byMatter} />
          </Card>
        </Col>
      </Row>
      <Card title="明细（单位 × 月份 × 事项）" size="small" style={{ marginTop: 16 }}>
        <Table
          id="stats-table"
          size="small"
          rowKey={(r) => `${r.officeId}-${r.month}-${r.matter}`}
          dataSource={data.rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '所选范围内没有收到封存' }}
          columns={[
            { title: '月份', dataIndex: 'month', render: monthLabel },
            { title: '单位', dataIndex: 'officeId', render: (id: string) => offices.get(id)?.name ?? '—' },
            { title: '执法事项', dataIndex: 'matter', render: (m: string) => m || '（未填事项）' },
            { title: '新收案件', dataIndex: 'cases', align: 'right' },
            { title: '封存文书', dataIndex: 'documents', align: 'right' },
          ]}
        />
      </Card>
    </>
  );
}

const Swatch = ({ color }: { color: string }) => (
  <span style={{ display: 'inline-block', width: 10, height: 10, background: color, margin: '0 4px 0 8px' }} />
);

/** Vertical columns, one pair per month, the counts above them. */
function MonthColumns({ bars }: { bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => Math.max(b.cases, b.documents)));
  const H = 160;
  return (
    <div style={{ display: 'flex', alignItems: 'flex-end', gap: 6, overflowX: 'auto', paddingTop: 8 }}>
      {bars.map((b) => (
        <div
          key={b.key}
          style={{ flex: '1 0 56px', textAlign: 'center' }}
          title={`${b.label}：案件${b.cases}件，文书${b.documents}份`}
        >
          <div
            style={{
              display: 'flex',
              alignItems: 'flex-end',
              justifyContent: 'center',
              gap: 3,
              height: H + 18,
              borderBottom: '1px solid #d9d9d9',
            }}
          >
            {[
              [b.cases, CASE_COLOR],
              [b.documents, DOC_COLOR],
            ].map(([n, color], i) => (
              <div key={i} style={{ width: 18, fontSize: 11, color: '#555' }}>
                {(n as number) > 0 ? (n as number) : ''}
                <div
                  style={{ height: Math.round(((n as number) / max) * H), background: color as string, minHeight: 1 }}
                />
              </div>
            ))}
          </div>
          <div style={{ fontSize: 12, marginTop: 4, whiteSpace: 'nowrap' }}>{b.label.replace(/^\d{4}年/, '')}</div>
          {/* Every column has the year line (blank but where a year starts), so that all stand on one baseline. */}
          <div style={{ fontSize: 11, color: '#888', height: 16 }}>
            {b.label.endsWith('年1月') || b === bars[0] ? b.label.slice(0, 5) : ''}
          </div>
        </div>
      ))}
    </div>
  );
}

/** Horizontal bars, two per row (cases, documents), the counts after them. */
function BarList({ bars }: { bars: Bar[] }) {
  if (!bars.length) return <Typography.Text type="secondary">所选范围内没有收到封存</Typography.Text>;
  const max = Math.max(1, ...bars.map((b) => Math.max(b.cases, b.documents)));
  return (
    <div>
      {bars.map((b) => (
        <div key={b.key} style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8 }}>
          <div style={{ width: 180, flexShrink: 0, fontSize: 13 }} title={b.label}>
            {b.label}
          </div>
          <div style={{ flex: 1 }}>
            {[
              [b.cases, CASE_COLOR, '件'],
              [b.documents, DOC_COLOR, '份'],
            ].map(([n, color, unit], i) => (
              <div key={i} style={{ display: 'flex', alignItems: 'center', gap: 6, height: 14, marginBottom: 2 }}>
                <div
                  style={{
                    width: `${((n as number) / max) * 85}%`,
                    minWidth: 1,
                    height: 10,
                    background: color as string,
                  }}
                />
                <span style={{ fontSize: 11, color: '#555', whiteSpace: 'nowrap' }}>
                  {n as number}
                  {unit as string}
                </span>
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
