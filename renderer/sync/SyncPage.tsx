// 同步: enrollment with HQ while this device is not enrolled; then HQ's link, 立即同步 with its
// progress, the outbox, the offline path (bundle export, receipts import) and 释放空间; and, enrolled
// or not, 核验封存包 (a bundle file checked as npm run verify does).
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Spin } from 'antd';
import { useApi } from '../app/api-context.tsx';
import { RecoveryNote } from '../lock/RecoveryNote.tsx';
import { BundleVerifyCard } from '../seals/BundleVerifyCard.tsx';
import { EnrollForm } from './EnrollForm.tsx';
import { FreeSpaceCard } from './FreeSpaceCard.tsx';
import { HqLinkCard } from './HqLinkCard.tsx';
import { OfflineCard } from './OfflineCard.tsx';
import { OutboxCard } from './OutboxCard.tsx';
import { SyncRunCard } from './SyncRunCard.tsx';
import { useSyncStatus } from './use-sync-status.ts';

export function SyncPage() {
  const { sync, setSync, reload } = useSyncStatus();
  const { refreshStatus } = useApi();
  return (
    <div data-testid="sync-page">
      <div className="page-title">
        <h2>同步到总部</h2>
        <Button icon={<ReloadOutlined />} onClick={() => void reload()} data-testid="sync-refresh">
          刷新
        </Button>
      </div>
      <RecoveryNote style={{ marginBottom: 12 }} />
      {!sync ? (
        <Spin />
      ) : !sync.enrolled ? (
        <EnrollForm
          onEnrolled={(s) => {
            setSync(s);
            // Enrollment gives HQ its recovery copy of the device key: the status says so.
            void refreshStatus({ quiet: true });
          }}
        />
      ) : (
        <>
          <SyncRunCard sync={sync} onStarted={setSync} />
          <HqLinkCard sync={sync} />
          <OutboxCard outbox={sync.outbox} />
          <OfflineCard hasOutbox={sync.outbox.documents > 0} onChanged={() => void reload()} />
          <FreeSpaceCard space={sync.space} onFreed={() => void reload()} />
        </>
      )}
      {sync && <BundleVerifyCard />}
    </div>
  );
}
