// Whether HQ holds a recovery copy of this device's key (made when the device enrolls): without
// it, data on this laptop is lost for good if no officer can sign in any more.
import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import type { CSSProperties } from 'react';
import { useApi } from '../app/api-context.tsx';

export const RECOVERY_TEXT = {
  held: '总部已持有本机密钥的恢复副本',
  missing: '尚未登记到总部：如全部执法人员无法登录，数据将无法恢复。',
};

export function RecoveryNote({ style }: { style?: CSSProperties }) {
  const { status } = useApi();
  if (!status) return null;
  const held = status.hqRecovery;
  return (
    <div
      style={{ display: 'flex', gap: 8, alignItems: 'baseline', lineHeight: 1.7, ...style }}
      data-testid="hq-recovery"
      data-held={held ? 'yes' : 'no'}
    >
      {held ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <WarningFilled style={{ color: '#d48806' }} />}
      <span>{held ? RECOVERY_TEXT.held : RECOVERY_TEXT.missing}</span>
    </div>
  );
}
