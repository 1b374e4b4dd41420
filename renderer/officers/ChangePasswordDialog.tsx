// A signed-in officer changes their own password: the old one, the new one twice (compared here,
// before anything is sent). The core rewraps only that officer's copy of the device key.
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ChangePasswordSchema, type OfficerPublic } from '../../shared/domain/officer.ts';
import { useApi } from '../app/api-context.tsx';
import { clearErrorOnEdit, clearFieldErrors, showFieldErrors, validateWith } from '../forms/field-errors.ts';

export function ChangePasswordDialog({ officer, onClose }: { officer: OfficerPublic | null; onClose: () => void }) {
  const { run, refreshStatus } = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setError(null);
    onClose();
  };

  const submit = async () => {
    if (!officer) return;
    clearFieldErrors(form);
    setError(null);
    const v = form.getFieldsValue(true) as { oldPassword?: string; newPassword?: string; newPassword2?: string };
    const input = validateWith(form, ChangePasswordSchema, {
      officerId: officer.id,
      oldPassword: v.oldPassword ?? '',
      newPassword: v.newPassword ?? '',
    });
    if ((v.newPassword ?? '') !== (v.newPassword2 ?? '')) {
      showFieldErrors(form, { newPassword2: '两次输入的新密码不一致，请重新输入。' });
      return;
    }
    if (!input) return;
    setBusy(true);
    const r = await run('officers.changePassword', input, { quiet: true });
    setBusy(false);
    if (r.ok) {
      message.success(`${officer.name}的密码已修改。此后登录和解锁请使用新密码。`);
      close();
      return;
    }
    form.setFieldValue('oldPassword', '');
    const unplaced = r.error.fields ? showFieldErrors(form, r.error.fields) : {};
    if (!r.error.fields || Object.keys(unplaced).length > 0) setError(r.error.message);
    // Repeated wrong passwords lock the officer out and may end the session.
    if (r.error.kind === 'locked') void refreshStatus();
  };

  return (
    <Modal
      title={officer ? `修改密码：${officer.name}` : '修改密码'}
      open={officer !== null}
      onOk={() => void submit()}
      onCancel={close}
      okText="修改密码"
      okButtonProps={{ loading: busy, 'data-testid': 'password-submit' } as never}
      cancelText="取消"
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFieldsChange={clearErrorOnEdit(form)}
        onFinish={() => void submit()}
        data-testid="password-form"
      >
        <Form.Item label="原密码" name="oldPassword" required>
          <Input.Password autoComplete="current-password" data-testid="password-old" autoFocus />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" required extra="至少8位，须同时包含字母和数字。">
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item label="确认新密码" name="newPassword2" required>
          <Input.Password autoComplete="new-password" data-testid="password-new2" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={<span data-testid="password-error">{error}</span>} />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
