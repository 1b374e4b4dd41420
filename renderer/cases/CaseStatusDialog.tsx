// Changing a case's status (立案, 结案) with an optional note that goes into the case record.
import { Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../shared/domain/case.ts';
import { STATUS_COLORS } from './CaseList.tsx';

// A case starts as a clue; officers file it (立案) or close it; a closed case may be filed again.
const TARGETS: CaseStatus[] = ['filed', 'closed'];

export function CaseStatusDialog({
  current,
  onSubmit,
  onClose,
}: {
  current: CaseStatus;
  onSubmit: (status: CaseStatus, note: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const targets = TARGETS.filter((s) => s !== current);
  const [next, setNext] = useState<CaseStatus>(targets[0]!);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const done = await onSubmit(next, note);
    setBusy(false);
    if (done) onClose();
  };
  return (
    <Modal
      title="变更案件状态"
      open
      onOk={() => void submit()}
      onCancel={onClose}
      okText="确认变更"
      confirmLoading={busy}
      width={480}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="case-status-dialog">
        <div>
          当前状态{'\u3000'}
          <Tag color={STATUS_COLORS[current]}>{CASE_STATUS_LABELS[current]}</Tag>
        </div>
        <div>
          <div style={{ marginBottom: 4 }}>变更为</div>
          <Select
            value={next}
            style={{ width: '100%' }}
            onChange={setNext}
            options={targets.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
            data-testid="case-status-select"
          />
        </div>
        <div>
          <div style={{ marginBottom: 4 }}>说明（可不填）</div>
          <Input.TextArea
            rows={3}
            placeholder="如：经负责人批准立案。说明将记入办理记录。"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={500}
            showCount
            data-testid="case-status-note"
          />
        </div>
      </Space>
    </Modal>
  );
}
