// Enrollment with HQ: HQ's address and the one-time code HQ's staff page gave. Both officers
// must be signed in (it changes where this device's case records go, and its case numbers).
import { LinkOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Tooltip } from 'antd';
import { useState } from 'react';
import type { SyncStatus } from '../../shared/sync/sync-api.ts';
import { useApi } from '../app/api-context.tsx';
import { clearErrorOnEdit, clearFieldErrors, showFieldErrors } from '../forms/field-errors.ts';

export function EnrollForm({ onEnrolled }: { onEnrolled: (s: SyncStatus) => void }) {
  const { run, status } = useApi();
  const [form] = Form.useForm<{ url: string; code: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pair = status?.session.pair ?? false;

  const enroll = async () => {
    clearFieldErrors(form);
    setError(null);
    const v = form.getFieldsValue(true) as { url?: string; code?: string };
    setBusy(true);
    const r = await run('sync.enroll', { url: (v.url ?? '').trim(), code: (v.code ?? '').trim() }, { quiet: true });
    setBusy(false);
    if (!r.ok) {
      if (r.error.fields) showFieldErrors(form, r.error.fields);
      setError(r.error.message);
      return;
    }
    onEnrolled(r.value);
  };

  return (
    <Card size="small" title="登记到总部" data-testid="sync-enroll" style={{ maxWidth: 760 }}>
      <p className="field-hint" style={{ marginTop: 0 }}>
        本机尚未登记到总部。请总部管理员在总部网页「设备登记码」处生成一次性登记码，然后在这里填写总部地址和登记码。登记后，本机封存的文书可同步到总部，案号使用总部指定的前缀。
      </p>
      {!pair && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="登记须两名执法人员同时登录：请第二名执法人员在右上角登录。"
          data-testid="sync-enroll-pair-hint"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFieldsChange={clearErrorOnEdit(form)}
        onFinish={() => void enroll()}
        disabled={busy}
      >
        <Form.Item label="总部地址" name="url" required extra="由总部提供，如 https://hq.example.gov.cn:8443/">
          <Input maxLength={500} placeholder="https://" autoComplete="off" data-testid="sync-url" />
        </Form.Item>
        <Form.Item label="登记码" name="code" required extra="一次有效；大小写、空格和短横线不影响。">
          <Input
            maxLength={64}
            autoComplete="off"
            style={{ maxWidth: 320, fontFamily: 'monospace', letterSpacing: 2 }}
            data-testid="sync-code"
          />
        </Form.Item>
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={<span data-testid="sync-enroll-error">{error}</span>}
          />
        )}
        <Tooltip placement="right" title={pair ? '' : '须两名执法人员同时登录'}>
          <Button
            type="primary"
            htmlType="submit"
            icon={<LinkOutlined />}
            loading={busy}
            disabled={!pair}
            data-testid="sync-enroll-submit"
          >
            登记
          </Button>
        </Tooltip>
      </Form>
    </Card>
  );
}
