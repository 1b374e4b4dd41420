// One officer's sign-in: 执法证号 + own password. Errors (wrong password, locked) stay in the slot.
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useApi } from '../app/api-context.tsx';

export function SignInForm({ onDone }: { onDone?: () => void }) {
  const { run, setSession } = useApi();
  const [form] = Form.useForm<{ certNo: string; password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { certNo?: string; password?: string }) => {
    setBusy(true);
    setError(null);
    const r = await run('session.signIn', { certNo: v.certNo ?? '', password: v.password ?? '' }, { quiet: true });
    setBusy(false);
    if (r.ok) {
      form.resetFields();
      setSession(r.value);
      onDone?.();
    } else {
      setError(r.error.message);
      form.setFieldValue('password', '');
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      <Form.Item label="执法证号" name="certNo">
        <Input data-testid="signin-cert" autoComplete="username" maxLength={32} />
      </Form.Item>
      <Form.Item label="密码" name="password">
        <Input.Password data-testid="signin-password" autoComplete="current-password" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={<span data-testid="signin-error">{error}</span>} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy} block data-testid="signin-submit">
        登录
      </Button>
    </Form>
  );
}
