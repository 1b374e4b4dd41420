// The lock screen: replaces the whole app while the core is locked (the app tree is unmounted, so
// no case data stays on screen or in the page). An officer unlocks with 执法证号 and own password.
// After a start the unlocking officer is signed in; after an idle, sleep or manual lock an officer
// of the session carries on, anyone else ends that session and is signed in instead.
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { LockReason } from '../../shared/domain/office.ts';
import { SignInSchema } from '../../shared/domain/officer.ts';
import { useApi } from '../app/api-context.tsx';
import { formatWait } from './format-wait.ts';
import { clearErrorOnEdit, clearFieldErrors, showFieldErrors, validateWith } from '../forms/field-errors.ts';

export const LOCK_REASON_TEXT: Record<LockReason, string> = {
  start: '本机数据已加密，请执法人员输入执法证号和密码解锁。',
  idle: '因长时间无操作，本机已自动锁定。',
  sleep: '电脑休眠或合盖后已自动锁定。',
  manual: '已锁定。',
};

const AFTER_UNLOCK: Record<LockReason, string> = {
  start: '解锁的执法人员同时登录；另一名执法人员随后在页面顶部登录。',
  idle: '原已登录的执法人员解锁后继续原来的工作；由其他执法人员解锁时，原登录结束。',
  sleep: '原已登录的执法人员解锁后继续原来的工作；由其他执法人员解锁时，原登录结束。',
  manual: '原已登录的执法人员解锁后继续原来的工作；由其他执法人员解锁时，原登录结束。',
};

/** Seconds left of the core's retryAfterSeconds, counted down locally; re-synced by each status. */
function useCountdown(retryAfterSeconds: number, statusTick: unknown): number {
  const [left, setLeft] = useState(retryAfterSeconds);
  useEffect(() => {
    if (retryAfterSeconds <= 0) {
      setLeft(0);
      return;
    }
    const deadline = Date.now() + retryAfterSeconds * 1000;
    const update = () => setLeft(Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
    update();
    const timer = setInterval(update, 1000);
    return () => clearInterval(timer);
  }, [retryAfterSeconds, statusTick]);
  return left;
}

export function LockScreen() {
  const { status, run, applyStatus, refreshStatus } = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ certNo: string; password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reason = status?.lock.reason ?? 'manual';
  const wait = useCountdown(status?.lock.retryAfterSeconds ?? 0, status);

  const submit = async () => {
    clearFieldErrors(form);
    const v = form.getFieldsValue(true) as { certNo?: string; password?: string };
    const input = validateWith(form, SignInSchema, { certNo: v.certNo ?? '', password: v.password ?? '' });
    if (!input) return;
    setBusy(true);
    setError(null);
    const r = await run('lock.unlock', input, { quiet: true });
    setBusy(false);
    if (r.ok) {
      const who = r.value.session.officers.find((o) => o.certNo.toUpperCase() === input.certNo.trim().toUpperCase());
      applyStatus(r.value);
      message.success(who ? `${who.name}已解锁` : '已解锁');
      return;
    }
    form.setFieldValue('password', '');
    const unplaced = r.error.fields ? showFieldErrors(form, r.error.fields) : {};
    if (!r.error.fields || Object.keys(unplaced).length > 0) setError(r.error.message);
    // After repeated failures the core makes everyone wait: the status says how long.
    void refreshStatus({ quiet: true });
  };

  return (
    <div className="center-screen lock-screen" data-testid="lock-screen" data-reason={reason}>
      <Card style={{ width: 440 }}>
        <div style={{ textAlign: 'center', marginBottom: 16 }}>
          <LockOutlined style={{ fontSize: 40, color: '#1d4e89' }} />
          <Typography.Title level={3} style={{ margin: '8px 0 4px', letterSpacing: 2 }}>
            网信执法现场取证
          </Typography.Title>
          {status?.agencyName && (
            <Typography.Text type="secondary" style={{ fontSize: 15 }} data-testid="lock-agency">
              {status.agencyName}
            </Typography.Text>
          )}
        </div>
        <Alert
          type={reason === 'start' ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={<span data-testid="lock-reason">{LOCK_REASON_TEXT[reason]}</span>}
          description={AFTER_UNLOCK[reason]}
        />
        <Form form={form} layout="vertical" onFinish={() => void submit()} onFieldsChange={clearErrorOnEdit(form)}>
          <Form.Item label="执法证号" name="certNo">
            <Input
              data-testid="lock-cert"
              autoComplete="username"
              maxLength={32}
              autoFocus
              placeholder="执法证上的证号"
            />
          </Form.Item>
          <Form.Item label="密码" name="password">
            <Input.Password data-testid="lock-password" autoComplete="current-password" placeholder="本人密码" />
          </Form.Item>
          {error && (
            <Alert
              type="error"
              showIcon
              title={<span data-testid="lock-error">{error}</span>}
              style={{ marginBottom: 12 }}
            />
          )}
          {wait > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={<span data-testid="lock-countdown">密码错误次数过多，请于 {formatWait(wait)} 后再试。</span>}
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            loading={busy}
            disabled={wait > 0}
            block
            data-testid="lock-submit"
            icon={<UnlockOutlined />}
          >
            解锁
          </Button>
        </Form>
      </Card>
    </div>
  );
}
