// 停用: an officer leaves this device. Their records stay (attributed to them); their copy of the
// device key is deleted, so their password no longer unlocks the device. Two officers must be
// signed in; the core refuses to leave fewer than two active officers.
import { Alert, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { OfficerPublic } from '../../shared/domain/officer.ts';
import { useApi } from '../app/api-context.tsx';

export function RemoveOfficerDialog({
  officer,
  onClose,
  onRemoved,
}: {
  officer: OfficerPublic | null;
  onClose: () => void;
  onRemoved: (list: OfficerPublic[]) => void;
}) {
  const { run } = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setError(null);
    onClose();
  };
  const remove = async () => {
    if (!officer) return;
    setBusy(true);
    const r = await run('officers.remove', { officerId: officer.id }, { quiet: true });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    onRemoved(r.value);
    close();
  };
  return (
    <Modal
      title={officer ? `停用执法人员：${officer.name}` : '停用执法人员'}
      open={officer !== null}
      onOk={() => void remove()}
      onCancel={close}
      okText="停用"
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'officer-remove-confirm' } as never}
      cancelText="取消"
      destroyOnHidden
    >
      {officer && (
        <div data-testid="officer-remove-dialog">
          <Typography.Paragraph>
            停用后，{officer.name}（执法证号 {officer.certNo}）不能再登录或解锁本机。
          </Typography.Paragraph>
          <Typography.Paragraph>
            其经办的案件、文书、签名和审计记录全部保留，仍署其姓名；其持有的本机密钥副本将被删除。
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={<span data-testid="officer-remove-error">{error}</span>} />}
        </div>
      )}
    </Modal>
  );
}
