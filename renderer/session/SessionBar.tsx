// Both officer slots, always visible in the header: who is signed in, sign-out, sign-in for the
// empty slot, and whether the two-officer rule is met.
import { LogoutOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Modal, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useApi } from '../app/api-context.tsx';
import { SignInForm } from './SignInForm.tsx';

export const SLOT_LABELS = ['执法人员一', '执法人员二'] as const;

export function SessionBar() {
  const { status, run, setSession } = useApi();
  const [signingIn, setSigningIn] = useState<0 | 1 | null>(null);
  const officers = status?.session.officers ?? [];
  const pair = status?.session.pair ?? false;

  const signOut = async (officerId: string) => {
    const r = await run('session.signOut', { officerId });
    if (r.ok) setSession(r.value);
  };

  return (
    <Space size={10}>
      <Tooltip
        title={
          pair
            ? '两名执法人员均已登录，可以新建和修改案件。'
            : '一人登录可以查阅；新建或修改案件须两名执法人员同时登录。'
        }
      >
        <Tag
          color={pair ? 'green' : 'orange'}
          data-testid="session-pair-tag"
          style={{ fontSize: 13, padding: '3px 10px', margin: 0 }}
        >
          {pair ? '双人在场' : '仅一人登录：只能查阅'}
        </Tag>
      </Tooltip>
      {([0, 1] as const).map((i) => {
        const o = officers[i];
        return (
          <div key={i} data-testid={`signin-slot-${i}`} className={o ? 'session-slot' : 'session-slot empty'}>
            {o ? (
              <>
                <div style={{ minWidth: 0 }}>
                  <div>
                    <span className="slot-label">
                      {SLOT_LABELS[i]}
                      {'\u3000'}
                    </span>
                    <span className="slot-name" data-testid="signin-officer-name">
                      {o.name}
                    </span>
                  </div>
                  <Tooltip title={`${o.unit}\u3000执法证号 ${o.certNo}`}>
                    <div className="slot-meta">
                      执法证号 {o.certNo} · {o.unit}
                    </div>
                  </Tooltip>
                </div>
                <Button size="small" icon={<LogoutOutlined />} onClick={() => void signOut(o.id)} data-testid="signout">
                  退出
                </Button>
              </>
            ) : (
              <>
                <div>
                  <div className="slot-label">{SLOT_LABELS[i]}</div>
                  <div className="slot-meta">未登录</div>
                </div>
                <Button
                  size="small"
                  icon={<UserAddOutlined />}
                  onClick={() => setSigningIn(i)}
                  data-testid="signin-submit"
                >
                  登录
                </Button>
              </>
            )}
          </div>
        );
      })}
      <Modal
        open={signingIn !== null}
        title={`${SLOT_LABELS[signingIn ?? 1]}登录`}
        footer={null}
        onCancel={() => setSigningIn(null)}
        destroyOnHidden
        width={420}
      >
        <div data-testid={`signin-slot-${signingIn ?? 1}`}>
          <SignInForm autoFocus onDone={() => setSigningIn(null)} />
        </div>
      </Modal>
    </Space>
  );
}
