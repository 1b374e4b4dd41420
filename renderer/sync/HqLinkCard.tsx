// Where this device syncs to, and what it holds from HQ: the link made at enrollment, receipts,
// the latest HQ time seen (the earliest bound of everything sealed from now on), reference data.
import { Card, Descriptions, Tag } from 'antd';
import type { SyncStatus } from '../../shared/sync/sync-api.ts';
import { formatTime } from '../app/format.ts';

const LABEL = { label: { width: 150, whiteSpace: 'nowrap' as const } };

const REFERENCE_LABELS: Record<string, string> = {
  roster: '执法人员名册',
  holidays: '节假日安排',
  catalog: '执法事项目录',
};

const time = (iso: string | null) => (iso ? formatTime(iso) : '—');

export function HqLinkCard({ sync }: { sync: SyncStatus }) {
  const hq = sync.hq!;
  return (
    <Card size="small" title="总部" style={{ marginBottom: 16 }} data-testid="sync-hq">
      <Descriptions column={2} size="small" bordered styles={LABEL}>
        <Descriptions.Item label="总部名称">
          <span data-testid="sync-hq-name">{hq.name}</span>
        </Descriptions.Item>
        <Descriptions.Item label="登记时间">{formatTime(hq.enrolledAt)}</Descriptions.Item>
        <Descriptions.Item label="总部地址">
          <span data-testid="sync-hq-url" style={{ wordBreak: 'break-all' }}>
            {hq.url}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="服务器证书">
          {hq.tlsPinned ? (
            <Tag color="green" data-testid="sync-tls">
              已锁定（HTTPS）
            </Tag>
          ) : (
            <Tag color="orange" data-testid="sync-tls">
              未锁定（HTTP，仅限内网）
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="案号前缀">
          <span data-testid="sync-case-prefix">{hq.casePrefix}</span>
        </Descriptions.Item>
        <Descriptions.Item label="本机设备编号">
          <span style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="sync-device-id">
            {sync.deviceId}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="已取得回执">
          <span data-testid="sync-receipted">{sync.receipted} 份</span>
        </Descriptions.Item>
        <Descriptions.Item label="最近回执时间">
          <span data-testid="sync-last-receipt">{time(sync.lastReceiptAt)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="最近见到的总部时间" span={2}>
          <span data-testid="sync-hq-time">{time(sync.hqTimeSeen)}</span>
          <div className="field-hint">此后封存的文书，其封存时间不早于此时间（所封存文书的时间下限）。</div>
        </Descriptions.Item>
        <Descriptions.Item label="总部下发数据" span={2}>
          <span data-testid="sync-reference">
            {sync.reference.length === 0
              ? '尚未取得'
              : sync.reference.map((r) => (
                  <Tag key={r.kind}>
                    {REFERENCE_LABELS[r.kind] ?? r.kind} 第{r.version}版（{formatTime(r.issuedAt)}）
                  </Tag>
                ))}
          </span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
