// One matter in full: legal basis with article text, penalty, responsibilities, accountability,
// and which offices' lists name it.
import { Descriptions, Drawer, Empty, List, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { FineRange, Matter } from '../../shared/catalog/catalog-schema.ts';
import { useApi } from '../app/api-context.tsx';

const fine = (f?: FineRange) => (f ? f.text : '—');
const yes = (b: boolean, text: string) => (b ? text : '—');
const Section = ({ children }: { children: string }) => (
  <Typography.Title level={5} style={{ marginTop: 20 }}>
    {children}
  </Typography.Title>
);

export function MatterDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { run } = useApi();
  const [m, setMatter] = useState<Matter | null>(null);
  useEffect(() => {
    setMatter(null);
    if (id) void run('catalog.get', { id }).then((r) => r.ok && setMatter(r.value));
  }, [id, run]);
  return (
    <Drawer open={id !== null} onClose={onClose} size={760} title="执法事项详情">
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

          <Section>法律依据</Section>
          {m.legalBasis.map((b) => (
            <div className="basis-block" key={b.law + b.article}>
              <div className="basis-head">
                {b.law}
                {b.article}
              </div>
              <div className="basis-text">{b.text}</div>
            </div>
          ))}

          {m.penalty && (
            <>
              <Section>处罚</Section>
              <Descriptions column={1} size="small" bordered styles={{ label: { width: 150 } }}>
                <Descriptions.Item label="责令改正">{yes(m.penalty.orderCorrection, '责令改正')}</Descriptions.Item>
                <Descriptions.Item label="警告">{yes(m.penalty.warning, '可以给予警告')}</Descriptions.Item>
                <Descriptions.Item label="没收违法所得">
                  {yes(m.penalty.confiscateIllegalIncome, '可以没收违法所得')}
                </Descriptions.Item>
                <Descriptions.Item label="对单位罚款">{fine(m.penalty.fineOperator)}</Descriptions.Item>
                <Descriptions.Item label="对责任人员罚款">{fine(m.penalty.fineResponsible)}</Descriptions.Item>
                <Descriptions.Item label="其他措施">{m.penalty.otherMeasures.join('、') || '—'}</Descriptions.Item>
              </Descriptions>
              <div className="basis-block" style={{ marginTop: 12 }}>
                <div className="basis-head">处罚条款原文</div>
                <div className="basis-text">{m.penalty.text}</div>
              </div>
            </>
          )}

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
