// Both officers confirm a timeline warning that needs it (a witness on the party's side, one
// identity number for two names): the reason, and each officer's password. Recorded with the
// case, in its record and the audit log (timeline.confirm).
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { TimelineIssue } from '../../shared/timeline/case-timeline.ts';
import type { ConfirmableRule, TimelineInput } from '../../shared/timeline/timeline-api.ts';
import { useApi } from '../app/api-context.tsx';

export function ConfirmWarningDialog({
  caseId,
  issue,
  onDone,
  onClose,
}: {
  caseId: string;
  issue: TimelineIssue;
  onDone: (input: TimelineInput) => void;
  onClose: () => void;
}) {
  const { run, status } = useApi();
  const officers = status?.session.officers ?? [];
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = form.getFieldsValue(true) as { note?: string; pw0?: string; pw1?: string };
    setBusy(true);
    setError(null);
    const r = await run(
      'timeline.confirm',
      {
        caseId,
        rule: issue.rule as ConfirmableRule,
        subject: issue.subject ?? '',
        note: (v.note ?? '').trim(),
        officerPasswords: [v.pw0 ?? '', v.pw1 ?? ''],
      },
      { quiet: true },
    );
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    onDone(r.value);
    onClose();
  };
  return (
    <Modal
      open
      title="两名执法人员核实后确认"
      width={600}
      okText="两人确认"
      okButtonProps={{ loading: busy, disabled: officers.length !== 2, 'data-testid': 'timeline-confirm-ok' } as never}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <Typography.Paragraph>{issue.message}</Typography.Paragraph>
      {officers.length !== 2 && <Alert type="warning" showIcon title="确认须两名执法人员同时登录。" />}
      <Form form={form} layout="vertical">
        <Form.Item name="note" label="核实情况和理由（记入办理记录）">
          <Input.TextArea
            rows={2}
            maxLength={500}
            data-testid="timeline-confirm-note"
            placeholder="例如：现场除当事人员工外无其他人员，已全程录像；或：已核对身份证原件，号码无误"
          />
        </Form.Item>
        {officers.map((o, i) => (
          <Form.Item key={o.id} name={`pw${i}`} label={`${o.name}（执法证号 ${o.certNo}）确认密码`}>
            <Input.Password autoComplete="off" data-testid={`timeline-confirm-pw-${i}`} />
          </Form.Item>
        ))}
      </Form>
      {error && <Alert type="error" showIcon title={<span data-testid="timeline-confirm-error">{error}</span>} />}
    </Modal>
  );
}
