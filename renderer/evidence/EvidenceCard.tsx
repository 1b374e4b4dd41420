// A case's evidence items, with their digests and the result of the last re-verification; one
// action re-hashes every item and names each one that fails.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Table, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { EvidenceItem, VerifyReport } from '../../shared/evidence/evidence-schema.ts';
import { providerStatement } from '../../shared/evidence/provenance.ts';
import { useApi } from '../app/api-context.tsx';
import { formatTime } from '../app/format.ts';
import { formatBytes } from './format-bytes.ts';
import { ReverifyResult } from './ReverifyResult.tsx';

const STATUS = {
  ok: <Tag color="green">核验一致</Tag>,
  mismatch: <Tag color="red">内容不一致</Tag>,
  missing: <Tag color="red">内容缺失</Tag>,
};

export function EvidenceCard({ caseId }: { caseId: string }) {
  const { run } = useApi();
  const [items, setItems] = useState<EvidenceItem[]>([]);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [officerNames, setOfficerNames] = useState<Map<string, string>>(new Map());
  const load = useCallback(
    () => void run('evidence.list', { caseId }).then((r) => r.ok && setItems(r.value)),
    [caseId, run],
  );
  useEffect(load, [load]);
  // The collecting officers are recorded by id; their names come from the officer list (deactivated ones included).
  useEffect(
    () =>
      void run('officers.list', {}).then((r) => r.ok && setOfficerNames(new Map(r.value.map((o) => [o.id, o.name])))),
    [run],
  );

  const verify = async () => {
    setBusy(true);
    const r = await run('evidence.reverify', { caseId });
    setBusy(false);
    if (r.ok) setReport(r.value);
    load();
  };

  return (
    <Card
      size="small"
      title={`电子数据（${items.length} 件）`}
      style={{ marginBottom: 16 }}
      extra={
        <Button
          size="small"
          icon={<SafetyCertificateOutlined />}
          loading={busy}
          disabled={items.length === 0}
          onClick={() => void verify()}
          data-testid="evidence-reverify"
        >
          重新核验全部校验值
        </Button>
      }
    >
      {report && <ReverifyResult report={report} wholeDevice={false} testId="evidence-reverify-result" />}
      <Table<EvidenceItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: '尚无电子数据。在电子取证工作记录中导入。' }}
        columns={[
          { title: '名称', dataIndex: 'fileName', ellipsis: true },
          { title: '类别', width: 80, render: (_, e) => e.meta.category },
          { title: '大小', width: 100, render: (_, e) => formatBytes(e.sizeBytes) },
          {
            title: 'SHA-256 / SM3',
            width: 320,
            render: (_, e) => (
              <Tooltip title={`SHA-256：${e.sha256}\u3000SM3：${e.sm3}`}>
                <code style={{ fontSize: 12 }}>
                  {e.sha256.slice(0, 16)}… / {e.sm3.slice(0, 16)}…
                </code>
              </Tooltip>
            ),
          },
          { title: '导入时间', dataIndex: 'collectedAt', width: 150, render: formatTime },
          {
            title: '核验',
            width: 110,
            render: (_, e) => (e.verifyStatus ? STATUS[e.verifyStatus] : <Tag>未核验</Tag>),
          },
        ]}
        expandable={{ expandedRowRender: (e) => <EvidenceDetails item={e} officerNames={officerNames} /> }}
      />
    </Card>
  );
}

/** What was recorded at entry (DOCUMENTS.md §3; art. 26 for copies and provided items), shown under the item's row. */
function EvidenceDetails({ item, officerNames }: { item: EvidenceItem; officerNames: Map<string, string> }) {
  const m = item.meta;
  const dash = (v: string) => v || '—';
  return (
    <Descriptions size="small" column={2} bordered data-testid="evidence-details">
      <Descriptions.Item label="SHA-256" span={2}>
        <code>{item.sha256}</code>
      </Descriptions.Item>
      <Descriptions.Item label="SM3" span={2}>
        <code>{item.sm3}</code>
      </Descriptions.Item>
      <Descriptions.Item label="来源">{dash(m.source)}</Descriptions.Item>
      <Descriptions.Item label="设备序列号">{dash(m.sourceDeviceSerial)}</Descriptions.Item>
      <Descriptions.Item label="提取方法">{dash(m.method)}</Descriptions.Item>
      <Descriptions.Item label="取证人">
        {item.collectedBy.length ? item.collectedBy.map((id) => officerNames.get(id) ?? id).join('、') : '—'}
      </Descriptions.Item>
      <Descriptions.Item label="说明" span={2}>
        {dash(m.description)}
      </Descriptions.Item>
      <Descriptions.Item label="时间来源" span={2}>
        {dash(m.timeSourceNote)}
      </Descriptions.Item>
      <Descriptions.Item label="原件/复制件">{m.original ? '原件' : '复制件'}</Descriptions.Item>
      <Descriptions.Item label="提供人">
        {m.provider.name
          ? `${m.provider.name}${m.provider.idNumber ? `（证件号码 ${m.provider.idNumber}）` : ''}`
          : '—'}
      </Descriptions.Item>
      {!m.original && (
        <>
          <Descriptions.Item label="制作方法" span={2}>
            {dash(m.copy.method)}
          </Descriptions.Item>
          <Descriptions.Item label="制作时间">{dash(m.copy.madeAt.replace('T', ' '))}</Descriptions.Item>
          <Descriptions.Item label="制作人">{dash(m.copy.madeBy)}</Descriptions.Item>
        </>
      )}
      {m.provider.statement && m.provider.name && (
        <Descriptions.Item label="提供人声明" span={2}>
          {providerStatement(m.provider.name)}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
