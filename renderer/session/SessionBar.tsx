// Both officer slots, always visible in the header: who is signed in, sign-out, sign-in for the
// empty slot, and whether the two-officer rule is met.
import { LogoutOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Modal, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useApi } from '../app/api-context.tsx';
import { SignInForm } from './SignInForm.tsx';

export function SessionBar() {
  const { status, run, setSession } = useApi();
  const [signingIn, setSigningIn] = useState<0 | 1 | null>(null);
  const officers = status?.session.officers ?? [];

  const signOut = async (officerId: string) => {
    const r = await run('session.signOut', { officerId });
    if (r.ok) setSession(r.value);
  };

  return (
    <Space size={12}>
      <Tag color={status?.session.pair ? 'green' : 'orange'} data-testid="session-pair-tag" style={{ fontSize: 13, padding: '2px 8px' }}>
        {status?.session.pair ? '双人在场' : '仅一人登录：只能查阅'}
      </Tag>
      {([0, 1] as const).map((i) => {
        const o = officers[i];
        return (
          <div key={i} data-testid={`signin-slot-${i}`} style={{ background: 'rgba(255,255,255,.12)', borderRadius: 4, padding: '4px 10px', color: '#fff' }}>
            {o ? (
              <Space size={8}>
                <Tooltip title={`${o.unit} · 执法证号 ${o.certNo}`}>
                  <span data-testid="signin-officer-name">{o.name}</span>
                  <span style={{ opacity: 0.75, marginLeft: 6, fontSize: 12 }}>{o.certNo}</span>
                </Tooltip>
                <Button size="small" icon={<LogoutOutlined />} onClick={() => void signOut(o.id)} data-testid="signout">
                  退出
                </Button>
              </Space>
            ) : (
              <Button size="small" type="dashed" icon={<UserAddOutlined />} onClick={() => setSigningIn(i)} data-testid="signin-submit" ghost>
                执法人员{i === 0 ? '一' : '二'}登录
              </Button>
            )}
          </div>
        );
      })}
      <Modal open={signingIn !== null} title={`执法人员${signingIn === 0 ? '一' : '二'}登录`} footer={null} onCancel={() => setSigningIn(null)} destroyOnHidden width={420}>
        <div data-testid={`signin-slot-${signingIn ?? 1}`}>
          <SignInForm onDone={() => setSigningIn(null)} />
        </div>
      </Modal>
    </Space>
  );
}
