// 释放空间: removes from the laptop the evidence files whose every seal has HQ's receipt (HQ holds
// the same bytes). Never done by sync; both officers, after a confirmation.
import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Tooltip } from 'antd';
import { useState } from 'react';
import type { SyncStatus } from '../../shared/sync/sync-api.ts';
import { useApi } from '../app/api-context.tsx';
import { formatBytes } from '../evidence/format-bytes.ts';

export function FreeSpaceCard({ space, onFreed }: { space: SyncStatus['space']; onFreed: () => void }) {
  const { run, status } = useApi();
  const { modal } = App.useApp();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const pair = status?.session.pair ?? false;
  const free = async () => {
    const r = await run('sync.freeSpace', {}, { quiet: true });
    if (!r.ok) return setOutcome({ ok: false, text: r.error.message });
    setOutcome({ ok: true, text: `已释放 ${r.value.files} 件电子数据（${formatBytes(r.value.bytes)}）。` });
    onFreed();
  };
  const confirm = () =>
    modal.confirm({
      title: '释放本机空间',
      content: `将从本机删除 ${space.releasableFiles} 件电子数据文件（${formatBytes(space.releasableBytes)}）。这些文件所属的封存均已取得总部回执，总部保存有相同文件；本机的电子数据记录、封存和回执仍保留，核验时注明“已释放，由总部保存”。删除后不能恢复。`,
      okText: '释放空间',
      okButtonProps: { danger: true, 'data-testid': 'sync-free-confirm' } as never,
      cancelText: '取消',
      onOk: free,
    });
  const hint = !pair ? '释放空间须两名执法人员同时登录' : space.releasableFiles === 0 ? '没有可以释放的电子数据' : '';
  return (
    <Card size="small" title="本机存储" data-testid="sync-space">
      <Space align="center" size="large" wrap>
        <span data-testid="sync-releasable">
          可释放 {space.releasableFiles} 件电子数据（{formatBytes(space.releasableBytes)}）
        </span>
        <span className="field-hint" style={{ marginTop: 0 }}>
          已释放 {space.releasedFiles} 件（{formatBytes(space.releasedBytes)}
          ）。只有全部所属封存都已取得总部回执的电子数据才能释放；同步从不删除本机数据。
        </span>
        <Tooltip title={hint}>
          <Button icon={<DeleteOutlined />} disabled={!!hint} onClick={confirm} data-testid="sync-free">
            释放空间
          </Button>
        </Tooltip>
      </Space>
      {outcome && (
        <Alert
          style={{ marginTop: 12, maxWidth: 760 }}
          type={outcome.ok ? 'success' : 'error'}
          showIcon
          title={<span data-testid={outcome.ok ? 'sync-free-result' : 'sync-free-error'}>{outcome.text}</span>}
        />
      )}
    </Card>
  );
}
