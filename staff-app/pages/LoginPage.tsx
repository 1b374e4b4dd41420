// 登录: HQ's office named above the form.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../api.ts';
import type { Session } from '../App.tsx';

export function LoginPage({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [hqName, setHqName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('hello').then(
      (h) => setHqName(h.hqName),
      () => {},
    );
  }, []);
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 120 }}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={4} id="login-office">
          {hqName || '网信执法总部'}
        </Typography.Title>
        <Typography.Paragraph type="secondary">执法数据总部 · 工作人员登录</Typography.Paragraph>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
        <Form
          layout="vertical"
          onFinish={async (v: { username: string; password: string }) => {
            setBusy(true);
            try {
              onSignedIn(await call('login', { body: v }));
            } catch (e) {
              setError((e as Error).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }]}>
            <Input id="username" autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请填写密码' }]}>
            <Input.Password id="password" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block id="login-button">
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
