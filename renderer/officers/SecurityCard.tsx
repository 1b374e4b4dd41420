// 本机安全: the idle time after which the app locks itself (two officers set it), and whether HQ
// holds a recovery copy of the device key.
import { Button, Card, Descriptions, InputNumber, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { IDLE_LOCK_MINUTES } from '../../shared/domain/office.ts';
import { useApi } from '../app/api-context.tsx';
import { RecoveryNote } from '../lock/RecoveryNote.tsx';

const LABEL = { label: { width: 150, whiteSpace: 'nowrap' as const } };

export function SecurityCard() {
  const { status, run, applyStatus } = useApi();
  const current = status?.lock.idleMinutes ?? IDLE_LOCK_MINUTES.default;
  const pair = status?.session.pair ?? false;
  const [minutes, setMinutes] = useState<number | null>(current);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setMinutes(current), [current]);

  const save = async () => {
    setError(null);
    setSaved(false);
    if (minutes === null) return setError('请填写分钟数。');
    const r = await run('office.setIdleLock', { minutes }, { quiet: true });
    if (!r.ok) return setError(r.error.fields?.minutes ?? r.error.message);
    applyStatus(r.value);
    setSaved(true);
  };

  const hint = pair ? '' : '修改自动锁定时间须两名执法人员同时登录';
  return (
    <Card size="small" title="本机安全" style={{ marginBottom: 16 }} data-testid="security-card">
      <Descriptions column={1} size="small" bordered styles={LABEL}>
        <Descriptions.Item label="自动锁定时间">
          <Space wrap>
            <span>无操作</span>
            <InputNumber
              min={IDLE_LOCK_MINUTES.min}
              max={IDLE_LOCK_MINUTES.max}
              precision={0}
              value={minutes}
              onChange={(v) => {
                setMinutes(v);
                setSaved(false);
                setError(null);
              }}
              disabled={!pair}
              suffix="分钟"
              style={{ width: 110 }}
              data-testid="idle-minutes"
            />
            <span>后自动锁定</span>
            <Tooltip title={hint}>
              <Button onClick={() => void save()} disabled={!pair || minutes === current} data-testid="idle-save">
                保存
              </Button>
            </Tooltip>
            {saved && (
              <span style={{ color: '#389e0d' }} data-testid="idle-saved">
                已保存
              </span>
            )}
          </Space>
          {error && (
            <div
              className="ant-form-item-explain-error"
              style={{ color: '#ff4d4f', marginTop: 4 }}
              data-testid="idle-error"
            >
              {error}
            </div>
          )}
          <div className="field-hint">
            当前为 <span data-testid="idle-current">{current}</span> 分钟（可设 {IDLE_LOCK_MINUTES.min}–
            {IDLE_LOCK_MINUTES.max} 分钟）。电脑休眠或合盖时也会立即锁定；锁定后须执法人员输入本人密码解锁。
          </div>
        </Descriptions.Item>
        <Descriptions.Item label="数据恢复">
          <RecoveryNote />
          <div className="field-hint">
            本机数据加密保存，每名在用的执法人员的密码都能解锁。本机在「同步」页登记到总部时，总部保存一份密钥恢复副本。
          </div>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
