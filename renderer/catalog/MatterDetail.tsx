// One matter in full: its law in every version the catalog knows (each article with its text, the
// act that made it, its source and how far it is verified), its penalty in that version with who
// imposes each measure, responsibilities, accountability, and which offices' lists name it. From a
// case page, the versions its conduct concerns are marked and the one that applies is opened.
import { Alert, Descriptions, Drawer, Empty, List, Spin, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  TEXT_STATUS_LABELS,
  type FineTier,
  type LawPeriod,
  type LegalBasis,
  type MatterView,
  type Measure,
  type Penalty,
} from '../../shared/catalog/catalog-schema.ts';
import { formatFine, periodKey, periodLabel } from '../../shared/catalog/law-in-force.ts';
import { useApi } from '../app/api-context.tsx';

const yes = (b: boolean, text: string) => (b ? text : '—');
const Section = ({ children }: { children: string }) => (
  <Typography.Title level={5} style={{ marginTop: 20 }}>
    {children}
  </Typography.Title>
);
const STATUS_COLORS: Record<LegalBasis['textStatus'], string> = {
  checked: 'green',
  'single-source': 'orange',
  quoted: 'gold',
  partial: 'volcano',
  unavailable: 'red',
};

function Article({ b }: { b: LegalBasis }) {
  return (
    <div className="basis-block" data-testid="basis-article">
      <div className="basis-head">
        {b.law}
        {b.article}
        {b.penaltyArticle && <Tag style={{ marginLeft: 8 }}>处罚条款</Tag>}
        <Tag color={STATUS_COLORS[b.textStatus]} style={{ marginLeft: 4 }}>
          {TEXT_STATUS_LABELS[b.textStatus]}
        </Tag>
      </div>
      <div className="basis-text">
        {b.text ?? <Typography.Text type="danger">（条文未能取得，不作引用。）</Typography.Text>}
      </div>
      {b.note && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
          说明：{b.note}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 0' }}>
        {b.madeBy}；文本来源：{b.source}
      </Typography.Paragraph>
    </div>
  );
}

const WHO = (m: Measure) =>
  m.route === null ? (
    <Tag color="blue">网信部门实施</Tag>
  ) : (
    <Tag color="purple">
      {m.route}
      {m.authority}
    </Tag>
  );

function PenaltyView({ p }: { p: Penalty }) {
  return (
    <>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 150 } }}>
        <Descriptions.Item label="实施机关">{p.authority}</Descriptions.Item>
        <Descriptions.Item label="责令改正">{yes(p.orderCorrection, '责令改正')}</Descriptions.Item>
        <Descriptions.Item label="警告">{yes(p.warning, '可以给予警告')}</Descriptions.Item>
        <Descriptions.Item label="没收违法所得">{yes(p.confiscateIllegalIncome, '可以没收违法所得')}</Descriptions.Item>
        {p.referral && <Descriptions.Item label="处理、处罚">{p.referral}</Descriptions.Item>}
      </Descriptions>
      {p.fines.length > 0 && (
        <Table<FineTier>
          style={{ marginTop: 12 }}
          size="small"
          pagination={false}
          rowKey={(f) => `${f.article}${f.on}${f.text}${f.when}`}
          dataSource={p.fines}
          data-testid="penalty-fines"
          columns={[
            { title: '条款', dataIndex: 'article', width: 130 },
            { title: '情形', dataIndex: 'when', render: (w: string) => w || '一般情形' },
            {
              title: '对象',
              dataIndex: 'on',
              width: 90,
              render: (o: string) => (o === 'operator' ? '单位' : '责任人员'),
            },
            { title: '罚款', width: 150, render: (_: unknown, f) => formatFine(f) },
          ]}
        />
      )}
      {p.measures.length > 0 && (
        <Table<Measure>
          style={{ marginTop: 12 }}
          size="small"
          pagination={false}
          rowKey={(m) => `${m.name}${m.article}`}
          dataSource={p.measures}
          data-testid="penalty-measures"
          columns={[
            { title: '其他措施', dataIndex: 'name', width: 200 },
            { title: '由谁实施', render: (_: unknown, m) => <Tooltip title={m.note || undefined}>{WHO(m)}</Tooltip> },
            { title: '依据', dataIndex: 'article', width: 240 },
          ]}
        />
      )}
      {p.note && <Alert style={{ marginTop: 12 }} type="warning" showIcon title={p.note} />}
      <div className="basis-block" style={{ marginTop: 12 }}>
        <div className="basis-head">处罚条款原文</div>
        <div className="basis-text">{p.text}</div>
      </div>
    </>
  );
}

function PeriodView({ p }: { p: LawPeriod }) {
  return (
    <div data-testid="law-period">
      <Section>法律依据</Section>
      {p.basis.map((b) => (
        <Article b={b} key={b.provision} />
      ))}
      {p.penalty && (
        <>
          <Section>处罚</Section>
          <PenaltyView p={p.penalty} />
        </>
      )}
    </div>
  );
}

export function MatterDetail({
  id,
  onClose,
  relevant = [],
  applies = null,
}: {
  id: string | null;
  onClose: () => void;
  /** From a case: the versions its conduct concerns (period keys). */
  relevant?: string[];
  /** From a case: the version that applies. */
  applies?: string | null;
}) {
  const { run } = useApi();
  const [m, setMatter] = useState<MatterView | null>(null);
  useEffect(() => {
    setMatter(null);
    if (id) void run('catalog.get', { id }).then((r) => r.ok && setMatter(r.value));
  }, [id, run]);
  const initial = m ? (applies ?? relevant.at(-1) ?? periodKey(m.periods.at(-1)!)) : '';
  return (
    <Drawer open={id !== null} onClose={onClose} size={820} title="执法事项详情">
      {!m ? (
        <Spin />
      ) : (
        <div data-testid="matter-detail">
          <Typography.Title level={4} style={{ marginTop: 0, lineHeight: 1.5 }}>
            {m.name} <Tag color={m.type === '行政处罚' ? 'red' : 'blue'}>{m.type}</Tag>
          </Typography.Title>
          {m.aliases.length > 0 && (
            <Typography.Paragraph type="secondary">其他名称：{m.aliases.join('；')}</Typography.Paragraph>
          )}

          <Tabs
            key={`${m.id}${initial}`}
            defaultActiveKey={initial}
            data-testid="law-periods"
            items={m.periods.map((p) => {
              const key = periodKey(p);
              return {
                key,
                label: (
                  <span>
                    {periodLabel(p)}
                    {key === applies && (
                      <Tag color="green" style={{ marginLeft: 6 }}>
                        本案适用
                      </Tag>
                    )}
                    {key !== applies && relevant.includes(key) && <Tag style={{ marginLeft: 6 }}>本案涉及</Tag>}
                  </span>
                ),
                children: <PeriodView p={p} />,
              };
            })}
          />

          <Section>责任事项</Section>
          {m.responsibilities.length ? (
            <List
              size="small"
              bordered
              dataSource={m.responsibilities}
              renderItem={(r) => <List.Item style={{ lineHeight: 1.8 }}>{r}</List.Item>}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="目录未列明" />
          )}

          <Section>追责情形</Section>
          {m.accountability.length ? (
            <List
              size="small"
              bordered
              dataSource={m.accountability}
              renderItem={(r) => <List.Item style={{ lineHeight: 1.8 }}>{r}</List.Item>}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="目录未列明" />
          )}

          <Section>来源</Section>
          <List
            size="small"
            dataSource={m.sources}
            renderItem={(s) => (
              <List.Item>
                {s.office}
                {s.originalName !== m.name && (
                  <Typography.Text type="secondary">（该单位清单中的名称：{s.originalName}）</Typography.Text>
                )}
              </List.Item>
            )}
          />
        </div>
      )}
    </Drawer>
  );
}
