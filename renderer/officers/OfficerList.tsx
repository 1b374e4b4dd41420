// The officer roster on this device: adding and 停用 need two officers signed in; a signed-in
// officer changes their own password here. Above it, the device's security settings.
import { AuditCard } from '../cases/AuditCard.tsx';
import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Table, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { OfficerCreateSchema, type OfficerPublic } from '../../shared/domain/officer.ts';
import { useApi } from '../app/api-context.tsx';
import { clearErrorOnEdit, clearFieldErrors, showFieldErrors, validateWith } from '../forms/field-errors.ts';
import { ChangePasswordDialog } from './ChangePasswordDialog.tsx';
import { RemoveOfficerDialog } from './RemoveOfficerDialog.tsx';
import { SecurityCard } from './SecurityCard.tsx';
import { TimelineSettingsCard } from '../timeline/TimelineSettingsCard.tsx';

export function OfficerList() {
  const { run, status } = useApi();
  const { message } = App.useApp();
  const [officers, setOfficers] = useState<OfficerPublic[]>([]);
  const [adding, setAdding] = useState(false);
  const [changing, setChanging] = useState<OfficerPublic | null>(null);
  const [removing, setRemoving] = useState<OfficerPublic | null>(null);
  const [form] = Form.useForm();
  const pair = status?.session.pair ?? false;
  const signedIn = new Set(status?.session.officers.map((o) => o.id));

  const load = useCallback(async () => {
    const r = await run('officers.list', {});
    if (r.ok) setOfficers(r.value);
  }, [run]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async () => {
    clearFieldErrors(form);
    const v = form.getFieldsValue(true) as Record<string, string>;
    if ((v.password ?? '') !== (v.password2 ?? '')) {
      showFieldErrors(form, { password2: '两次输入的密码不一致，请重新输入。' });
      return;
    }
    const input = validateWith(form, OfficerCreateSchema, {
      name: v.name ?? '',
      certNo: v.certNo ?? '',
      unit: v.unit ?? '',
      password: v.password ?? '',
    });
    if (!input) return;
    const r = await run('officers.create', input);
    if (!r.ok) {
      if (r.error.fields) showFieldErrors(form, r.error.fields);
      return;
    }
    message.success(`已添加执法人员${r.value.name}。`);
    form.resetFields();
    setAdding(false);
    void load();
  };

  return (
    <>
      <div className="page-title">
        <h2>执法人员</h2>
        <Tooltip placement="bottomRight" title={pair ? '' : '添加执法人员须两名执法人员同时登录'}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!pair}
            onClick={() => setAdding(true)}
            data-testid="officer-new"
          >
            添加执法人员
          </Button>
        </Tooltip>
      </div>
      <Table<OfficerPublic>
        rowKey="id"
        dataSource={officers}
        locale={{ emptyText: '没有执法人员。' }}
        pagination={false}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '执法证号', dataIndex: 'certNo' },
          { title: '所在单位', dataIndex: 'unit' },
          {
            title: '状态',
            dataIndex: 'active',
            width: 200,
            render: (a: boolean, o) => (
              <>
                {a ? (
                  <Tag color="green" data-testid="officer-active">
                    在用
                  </Tag>
                ) : (
                  <Tag data-testid="officer-inactive">停用</Tag>
                )}
                {signedIn.has(o.id) && <Tag color="blue">本机已登录</Tag>}
              </>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 220,
            render: (_: unknown, o) =>
              signedIn.has(o.id) ? (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setChanging(o)}
                  data-testid="officer-change-password"
                >
                  修改密码
                </Button>
              ) : o.active ? (
                <Tooltip title={pair ? '' : '停用执法人员须两名执法人员同时登录'}>
                  <Button
                    size="small"
                    danger
                    icon={<StopOutlined />}
                    disabled={!pair}
                    onClick={() => setRemoving(o)}
                    data-testid="officer-remove"
                  >
                    停用
                  </Button>
                </Tooltip>
              ) : null,
          },
        ]}
        onRow={(o) => ({ 'data-testid': 'officer-row', 'data-cert': o.certNo }) as never}
      />
      <ChangePasswordDialog officer={changing} onClose={() => setChanging(null)} />
      <RemoveOfficerDialog
        officer={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(list) => {
          message.success(`已停用执法人员${removing?.name ?? ''}。`);
          setOfficers(list);
        }}
      />
      <Modal
        title="添加执法人员"
        open={adding}
        onOk={() => void add()}
        onCancel={() => setAdding(false)}
        okText="添加"
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ unit: status?.agencyName ?? '' }}
          onFieldsChange={clearErrorOnEdit(form)}
          onFinish={() => void add()}
          data-testid="officer-form"
        >
          <Form.Item label="姓名" name="name" required>
            <Input maxLength={40} data-testid="officer-name" autoFocus />
          </Form.Item>
          <Form.Item label="执法证号" name="certNo" required>
            <Input maxLength={32} data-testid="officer-cert" />
          </Form.Item>
          <Form.Item label="所在单位" name="unit" required>
            <Input maxLength={100} data-testid="officer-unit" />
          </Form.Item>
          <Form.Item label="密码" name="password" required extra="至少8位，须同时包含字母和数字。">
            <Input.Password autoComplete="new-password" data-testid="officer-password" />
          </Form.Item>
          <Form.Item label="确认密码" name="password2" required>
            <Input.Password autoComplete="new-password" data-testid="officer-password2" />
          </Form.Item>
          {/* Lets Enter in any field submit, like the sign-in form. */}
          <button type="submit" hidden />
        </Form>
      </Modal>
      <div style={{ marginTop: 16 }}>
        <SecurityCard />
        <TimelineSettingsCard />
      </div>
      <div>
        {/* The device's whole audit log: every case, every sign-in. */}
        <AuditCard caseId="" title="本机审计日志" />
      </div>
    </>
  );
}
