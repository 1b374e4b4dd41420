// 立即同步 and what the running sync is doing: phase, documents, bytes, speed, the current
// document; then the outcome in the core's words (which say what to do when it failed).
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Space } from 'antd';
import { useState } from 'react';
import { SYNC_PHASE_LABELS, type SyncStatus } from '../../shared/sync/sync-api.ts';
import { useApi } from '../app/api-context.tsx';
import { formatTime } from '../app/format.ts';

const MIB = 1024 * 1024;
const mib = (n: number) => (n / MIB).toFixed(1);

export function SyncRunCard({ sync, onStarted }: { sync: SyncStatus; onStarted: (s: SyncStatus) => void }) {
  const { run } = useApi();
  const [starting, setStarting] = useState(false);
  const start = async () => {
    setStarting(true);
    const r = await run('sync.start', {});
    setStarting(false);
    if (r.ok) onStarted(r.value);
  };
  const n = sync.outbox.documents;
  return (
    <Card size="small" title="网络同步" style={{ marginBottom: 16 }} data-testid="sync-run">
      <Space align="center" size="large" wrap>
        <Button
          type="primary"
          size="large"
          icon={<CloudUploadOutlined />}
          loading={starting || sync.running}
          onClick={() => void start()}
          data-testid="sync-start"
        >
          {sync.running ? '正在同步…' : '立即同步'}
        </Button>
        <span className="field-hint" style={{ marginTop: 0 }}>
          {n
            ? `待同步 ${n} 份封存文书${sync.outbox.evidenceBytes ? `（电子数据 ${mib(sync.outbox.evidenceBytes)} MiB）` : ''}。`
            : '没有待同步的文书。'}
          连接总部后上传封存的文书、签名、电子数据和PDF，取得总部回执；中断后再同步会从断点续传。本机数据不会因同步而删除。
        </span>
      </Space>
      {sync.running && <SyncProgress p={sync.progress} />}
      {!sync.running && sync.last && <LastOutcome last={sync.last} />}
    </Card>
  );
}

function SyncProgress({ p }: { p: SyncStatus['progress'] }) {
  const percent =
    p.bytesTotal > 0
      ? Math.floor((p.bytesDone / p.bytesTotal) * 100)
      : p.docsTotal > 0
        ? Math.floor((p.docsDone / p.docsTotal) * 100)
        : 0;
  return (
    <div style={{ marginTop: 16, maxWidth: 760 }} data-testid="sync-progress">
      <div style={{ marginBottom: 4 }}>
        <b data-testid="sync-phase">{SYNC_PHASE_LABELS[p.phase]}</b>
        {p.current && <span data-testid="sync-current">{`\u3000当前文书：${p.current}`}</span>}
      </div>
      <Progress percent={percent} status="active" />
      <div className="field-hint">
        文书 <span data-testid="sync-docs">{`${p.docsDone} / ${p.docsTotal}`}</span>
        {'\u3000'}电子数据 {mib(p.bytesDone)} / {mib(p.bytesTotal)} MiB{'\u3000'}速度{' '}
        {(p.bytesPerSecond / 1e6).toFixed(1)} MB/s
      </div>
    </div>
  );
}

function LastOutcome({ last }: { last: NonNullable<SyncStatus['last']> }) {
  return (
    <Alert
      style={{ marginTop: 16, maxWidth: 760 }}
      type={last.ok ? 'success' : 'error'}
      showIcon
      title={<span data-testid={last.ok ? 'sync-last-ok' : 'sync-last-error'}>{last.message}</span>}
      description={`最近一次同步：${formatTime(last.at)}`}
    />
  );
}
