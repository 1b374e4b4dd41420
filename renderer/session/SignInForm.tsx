// One officer's sign-in: 执法证号 + own password. Errors (wrong password, locked) stay in the slot.
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useApi } from '../app/api-context.tsx';

export function SignInForm({ onDone, autoFocus = false }: { onDone?: () => void; autoFocus?: boolean }) {
  const { run, setSession } = useApi();
  const { message } = App.useApp();
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
      const who = r.value.officers.find((o) => o.certNo.toUpperCase() === (v.certNo ?? '').trim().toUpperCase());
      if (who) message.success(`${who.name}已登录`);
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
        <Input
          data-testid="signin-cert"
          autoComplete="username"
          maxLength={32}
          autoFocus={autoFocus}
          placeholder="执法证上的证号"
        />
      </Form.Item>
      <Form.Item label="密码" name="password">
        <Input.Password data-testid="signin-password" autoComplete="current-password" placeholder="本人密码" />
      </Form.Item>
      {error && (
        <Alert
          type="error"
          showIcon
          title={<span data-testid="signin-error">{error}</span>}
          style={{ marginBottom: 12 }}
        />
      )}
      <Button type="primary" htmlType="submit" loading={busy} block data-testid="signin-submit">
        登录
      </Button>
    </Form>
  );
}
