// 人员与角色 (管理员): the staff of the offices administered, and a new account with a role at one.
import { Alert, App, Button, Card, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { call } from '../api.ts';
import { beijing, ROLE_LABELS } from '../format.ts';
import { useLoad } from './use-load.ts';

export function StaffPage() {
  const { data, error, reload } = useLoad(() => call('staff'), []);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  if (error) return <Alert type="error" title={error} />;
  if (!data) return null;
  return (
    <>
      <Typography.Title level={3}>人员与角色</Typography.Title>
      <Typography.Paragraph type="secondary">
        管理员：设备、登记码、人员；审核：案件与文书（含导入封存包）；只读：查看案件与文书。角色对本单位及下级单位有效，每次查阅个人信息均记入查阅记录。
        「登录等待」：某用户名连续输错密码后，从输错的那台电脑（按网络地址）登录须等待一段时间，账号本身不锁定，本人从自己的电脑仍可登录；急需时在服务器上运行
        npm run hq -- admin unlock --user 用户名。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey={(r) => `${r.id}-${r.officeName}`}
        pagination={false}
        dataSource={data.staff}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '单位', dataIndex: 'officeName' },
          { title: '角色', dataIndex: 'role', render: (r: keyof typeof ROLE_LABELS) => <Tag>{ROLE_LABELS[r]}</Tag> },
          {
            // The throttle makes a client wait at a name, never the account itself: the staff
            // member can still sign in from their own computer (docs/SECURITY.md「Lockouts」).
            title: '登录等待',
            key: 'throttle',
            render: (_: unknown, r: (typeof data.staff)[number]) =>
              r.throttledUntil ? (
                <Tag color="orange">
                  从{r.throttledClients}个网络地址登录须等待至 {beijing(r.throttledUntil)}
                </Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Card title="新建人员" style={{ marginTop: 16 }}>
        <Form
          form={form}
          layout="inline"
          onFinish={async (v: {
            username: string;
            password: string;
            officeId: string;
            role: 'admin' | 'reviewer' | 'readonly';
          }) => {
            try {
              await call('createStaff', { body: v });
              void message.success(`已新建 ${v.username}`);
              form.resetFields();
              reload();
            } catch (e) {
              void message.error((e as Error).message);
            }
          }}
        >
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label="初始密码" rules={[{ required: true, min: 10, message: '至少10个字符' }]}>
            <Input.Password />
          </Form.Item>
          <Form.Item name="officeId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            <Select
              style={{ width: 200 }}
              options={data.offices.map((o) => ({ value: o.id, label: `${'　'.repeat(o.depth)}${o.name}` }))}
            />
          </Form.Item>
          <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select
              style={{ width: 110 }}
              options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            新建
          </Button>
        </Form>
      </Card>
    </>
  );
}
