// Recording a date a deadline counts from (cases.recordMilestone): the kind, the date (not after
// today), a note. Both officers must be signed in; a later record of the same kind supersedes the
// earlier one, which stays in the case's history.
import { Alert, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import {
  MILESTONE_KINDS,
  MILESTONE_LABELS,
  type CaseDeadlines,
  type MilestoneKind,
} from '../../shared/deadlines/deadline-api.ts';
import { DayPicker } from '../forms/time-pickers.tsx';
import { useApi } from '../app/api-context.tsx';

const HINTS: Record<MilestoneKind, string> = {
  sourceDate: '《案件来源登记表》在本机创建案件之前登记的，立案期限从登记之日起算。',
  filingExtended: '特殊情况下经负责人批准延长的，立案期限为十五个工作日（自案件来源登记之日起算）。',
  noticeServed: '当事人接到告知书之日：听证申请期限（五个工作日）和陈述申辩期限（三个工作日）由此起算。',
  decisionAnnounced: '当事人不在场的，自宣告之日起七个工作日内送达《行政处罚决定书》。',
};

export function MilestoneDialog({
  caseId,
  kind: initial,
  onDone,
  onClose,
}: {
  caseId: string;
  kind: MilestoneKind;
  onDone: (d: CaseDeadlines) => void;
  onClose: () => void;
}) {
  const { run, status } = useApi();
  const pair = status?.session.pair ?? false;
  const [kind, setKind] = useState<MilestoneKind>(initial);
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const r = await run('cases.recordMilestone', { caseId, kind, date, note }, { quiet: true });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    onDone(r.value);
    onClose();
  };
  return (
    <Modal
      title="记录日期"
      open
      onOk={() => void submit()}
      onCancel={onClose}
      okText="记录"
      okButtonProps={{ disabled: !pair || !date, 'data-testid': 'milestone-submit' }}
      confirmLoading={busy}
      width={520}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="milestone-dialog">
        {!pair && (
          <Alert
            type="warning"
            showIcon
            title="记录日期须两名执法人员同时登录（每人使用自己的密码）。请另一名执法人员登录后再记录。"
          />
        )}
        <div>
          <div style={{ marginBottom: 4 }}>记录什么</div>
          <Select
            value={kind}
            style={{ width: '100%' }}
            onChange={setKind}
            options={MILESTONE_KINDS.map((k) => ({ value: k, label: MILESTONE_LABELS[k] }))}
            data-testid="milestone-kind"
          />
          <div className="field-hint">{HINTS[kind]}</div>
        </div>
        <div>
          <div style={{ marginBottom: 4 }}>日期</div>
          <DayPicker value={date} onChange={setDate} width={200} testId="milestone-date" />
          <div className="field-hint">
            只能记录已经发生的日期（不晚于今天）。如记录有误，再记录一次：以最后一次记录为准，此前的记录保留在办理记录中。
          </div>
        </div>
        <div>
          <div style={{ marginBottom: 4 }}>说明（可不填）</div>
          <Input.TextArea
            rows={2}
            placeholder="如：经负责人张某批准；直接送达，当事人签收。"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={200}
            showCount
            data-testid="milestone-note"
          />
        </div>
        {error && <Alert type="error" showIcon title={error} data-testid="milestone-error" />}
      </Space>
    </Modal>
  );
}
