// 设备与登记码 (管理员): the address devices must enroll with, a one-time code for an office, the
// codes made, and every device (revoke with a reason).
import { Alert, App, Button, Card, Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../api.ts';
import { beijing } from '../format.ts';
import { DeviceTable } from './OverviewPage.tsx';
import { useLoad } from './use-load.ts';

export function DevicesPage() {
  const { data, error, reload } = useLoad(() => call('devices'), []);
  const [made, setMade] = useState<{ code: string; expiresAt: string; officeName: string } | null>(null);
  const { message } = App.useApp();
  if (error) return <Alert type="error" title={error} />;
  if (!data) return null;
  return (
    <>
      <Typography.Title level={3}>设备与登记码</Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph>
          执法终端登记时在「同步」页面填写的总部地址：
          <Typography.Text strong copyable id="enroll-address">
            {data.enrollAddress}
          </Typography.Text>
        </Typography.Paragraph>
        {data.tlsFingerprint && (
          <Typography.Paragraph type="secondary">证书指纹（SHA-256）：{data.tlsFingerprint}</Typography.Paragraph>
        )}
        <Form
          layout="inline"
          initialValues={{ officeId: data.offices[0]?.id }}
          onFinish={async (v: { officeId: string; note?: string; prefix?: string }) => {
            try {
              setMade(
                await call('createCode', {
                  body: { officeId: v.officeId, note: v.note ?? '', prefix: v.prefix ?? '' },
                }),
              );
              reload();
            } catch (e) {
              void message.error((e as Error).message);
            }
          }}
        >
          <Form.Item name="officeId" label="单位">
            <Select
              style={{ width: 220 }}
              options={data.offices.map((o) => ({ value: o.id, label: `${'　'.repeat(o.depth)}${o.name}` }))}
            />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input maxLength={60} placeholder="使用人、设备" />
          </Form.Item>
          <Form.Item name="prefix" label="案号前缀">
            <Input maxLength={12} placeholder="网信案" style={{ width: 120 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" id="make-code">
            生成登记码
          </Button>
        </Form>
        {made && (
          <Alert
            style={{ marginTop: 16 }}
            type="success"
            title={
              <span>
                {made.officeName}的一次性登记码（有效至 {beijing(made.expiresAt)}）：
                <b id="enroll-code" style={{ fontSize: 22, letterSpacing: 2, fontFamily: 'monospace' }}>
                  {made.code}
                </b>
              </span>
            }
          />
        )}
      </Card>
      <Table
        size="small"
        rowKey="createdAt"
        pagination={false}
        dataSource={data.codes}
        columns={[
          { title: '备注', dataIndex: 'note', render: (n: string) => n || '—' },
          { title: '案号前缀', dataIndex: 'casePrefix' },
          { title: '生成时间', dataIndex: 'createdAt', render: beijing },
          {
            title: '状态',
            dataIndex: 'usedAt',
            render: (u: string | null, c) =>
              u
                ? `已使用 ${beijing(u)}`
                : c.expiresAt < new Date().toISOString()
                  ? '已过期'
                  : `有效至 ${beijing(c.expiresAt)}`,
          },
        ]}
      />
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        设备
      </Typography.Title>
      <DeviceTable devices={data.devices} />
    </>
  );
}
