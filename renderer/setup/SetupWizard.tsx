// First start: the office's name and its first two officers (the law needs two for any case work).
import { Alert, App, Button, Card, Col, Divider, Form, Input, Row, Typography } from 'antd';
import { useRef, useState } from 'react';
import { OfficeSetupSchema } from '../../shared/domain/office.ts';
import { useApi } from '../app/api-context.tsx';
import { clearErrorOnEdit, clearFieldErrors, showFieldErrors, validateWith } from '../forms/field-errors.ts';

interface OfficerFields {
  name: string;
  certNo: string;
  unit: string;
  password: string;
  password2: string;
}

export function SetupWizard() {
  const { run, refreshStatus } = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const prevAgency = useRef('');

  const submit = async () => {
    clearFieldErrors(form);
    const v = form.getFieldsValue(true) as { agencyName?: string; officers?: Partial<OfficerFields>[] };
    const officers = [0, 1].map((i) => v.officers?.[i] ?? {});
    const mismatch = officers.findIndex((o) => (o.password ?? '') !== (o.password2 ?? ''));
    const input = validateWith(form, OfficeSetupSchema, {
      agencyName: v.agencyName ?? '',
      officers: officers.map((o) => ({
        name: o.name ?? '',
        certNo: o.certNo ?? '',
        unit: o.unit ?? '',
        password: o.password ?? '',
      })),
    });
    if (mismatch >= 0) {
      showFieldErrors(form, { [`officers.${mismatch}.password2`]: '两次输入的密码不一致，请重新输入。' });
      return;
    }
    if (!input) return;
    setBusy(true);
    const r = await run('office.setup', input);
    setBusy(false);
    if (!r.ok && r.error.fields) showFieldErrors(form, r.error.fields);
    if (r.ok) {
      message.success('设置完成。请两名执法人员分别登录。');
      await refreshStatus();
    }
  };

  // Officers usually belong to the office itself: its name fills the 所在单位 fields that are
  // still empty or still hold the name as previously typed.
  const onValuesChange = (
    changed: { agencyName?: string },
    all: { agencyName?: string; officers?: Partial<OfficerFields>[] },
  ) => {
    if (changed.agencyName === undefined) return;
    const previous = prevAgency.current;
    prevAgency.current = changed.agencyName;
    [0, 1].forEach((i) => {
      const unit = all.officers?.[i]?.unit ?? '';
      if (unit === '' || unit === previous) form.setFieldValue(['officers', i, 'unit'], changed.agencyName);
    });
  };

  const officerFields = (i: 0 | 1) => (
    <Col span={12} key={i}>
      <Divider titlePlacement="start">执法人员{i === 0 ? '一' : '二'}</Divider>
      <Form.Item label="姓名" name={['officers', i, 'name']} required>
        <Input data-testid={`setup-officer-${i}-name`} maxLength={40} />
      </Form.Item>
      <Form.Item label="执法证号" name={['officers', i, 'certNo']} required>
        <Input data-testid={`setup-officer-${i}-cert`} maxLength={32} />
      </Form.Item>
      <Form.Item label="所在单位" name={['officers', i, 'unit']} required>
        <Input data-testid={`setup-officer-${i}-unit`} maxLength={100} />
      </Form.Item>
      <Form.Item label="密码" name={['officers', i, 'password']} required extra="至少8位，须同时包含字母和数字。">
        <Input.Password data-testid={`setup-officer-${i}-password`} autoComplete="new-password" />
      </Form.Item>
      <Form.Item label="确认密码" name={['officers', i, 'password2']} required>
        <Input.Password data-testid={`setup-officer-${i}-password2`} autoComplete="new-password" />
      </Form.Item>
    </Col>
  );

  return (
    <div className="center-screen">
      <Card style={{ width: 880 }} title={<span style={{ fontSize: 20 }}>网信执法现场取证 · 首次设置</span>}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 20 }}
          title="请填写本机所属的行政机关，并登记两名持有执法证的执法人员。每名执法人员以自己的执法证号和密码登录；新建或修改案件须两人同时登录。"
        />
        <Form
          form={form}
          layout="vertical"
          data-testid="setup-form"
          onFinish={submit}
          onValuesChange={onValuesChange}
          onFieldsChange={clearErrorOnEdit(form)}
          requiredMark
        >
          <Form.Item label="行政机关名称（将印在所有文书抬头）" name="agencyName" required>
            <Input data-testid="setup-agency" placeholder="例如：柳州市柳南区互联网信息办公室" maxLength={60} />
          </Form.Item>
          <Row gutter={32}>{[officerFields(0), officerFields(1)]}</Row>
          <Typography.Paragraph type="secondary">
            密码只以不可逆的加盐散列形式保存在本机，任何人都无法从数据中读出。
          </Typography.Paragraph>
          <Button type="primary" htmlType="submit" size="large" loading={busy} data-testid="setup-submit" block>
            完成设置
          </Button>
        </Form>
      </Card>
    </div>
  );
}
