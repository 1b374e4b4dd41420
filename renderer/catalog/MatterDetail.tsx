// One matter in full: legal basis with article text, penalty, responsibilities, accountability.
import { Descriptions, Drawer, List, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { FineRange, Matter } from '../../shared/catalog/catalog-schema.ts';
import { useApi } from '../app/api-context.tsx';

const fine = (f?: FineRange) => (f ? f.text : '—');

export function MatterDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { run } = useApi();
  const [m, setMatter] = useState<Matter | null>(null);
  useEffect(() => {
    setMatter(null);
    if (id) void run('catalog.get', { id }).then((r) => r.ok && setMatter(r.value));
  }, [id, run]);
  return (
    <Drawer open={id !== null} onClose={onClose} size={720} title="执法事项">
      {!m ? (
        <Spin />
      ) : (
        <div data-testid="matter-detail">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {m.name} <Tag color={m.type === '行政处罚' ? 'red' : 'blue'}>{m.type}</Tag>
          </Typography.Title>
          {m.aliases.length > 0 && <Typography.Paragraph type="secondary">其他名称：{m.aliases.join('；')}</Typography.Paragraph>}
          <Typography.Title level={5}>法律依据</Typography.Title>
          {m.legalBasis.map((b) => (
            <Typography.Paragraph key={b.law + b.article} className="legal-text">
              <b>
                {b.law}
                {b.article}
              </b>
              {'\u3000'}
              {b.text}
            </Typography.Paragraph>
          ))}
          {m.penalty && (
            <>
              <Typography.Title level={5}>处罚</Typography.Title>
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label="警告">{m.penalty.warning ? '可给予' : '—'}</Descriptions.Item>
                <Descriptions.Item label="没收违法所得">{m.penalty.confiscateIllegalIncome ? '可没收' : '—'}</Descriptions.Item>
                <Descriptions.Item label="对单位罚款">{fine(m.penalty.fineOperator)}</Descriptions.Item>
                <Descriptions.Item label="对责任人员罚款">{fine(m.penalty.fineResponsible)}</Descriptions.Item>
                <Descriptions.Item label="其他措施">{m.penalty.otherMeasures.join('、') || '—'}</Descriptions.Item>
              </Descriptions>
            </>
          )}
          <Typography.Title level={5}>责任事项</Typography.Title>
          <List size="small" dataSource={m.responsibilities} renderItem={(r) => <List.Item>{r}</List.Item>} />
          <Typography.Title level={5}>追责情形</Typography.Title>
          <List size="small" dataSource={m.accountability} renderItem={(r) => <List.Item>{r}</List.Item>} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            来源：{m.sources.map((s) => `${s.office}（${s.originalName}）`).join('；')}
          </Typography.Paragraph>
        </div>
      )}
    </Drawer>
  );
}
