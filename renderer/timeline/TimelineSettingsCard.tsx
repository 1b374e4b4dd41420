// 设置 of the case timeline: the agency's heads (机关负责人: a 先行登记保存 is approved by one of
// them, chosen from this list in its 清单) and how long after a record is complete its signing
// may begin without a reason (逾时签名时限). Both changed by two officers, audited.
import { Button, Card, Descriptions, Input, InputNumber, List, Space, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { headLabel, LATE_SIGNING_MINUTES } from '../../shared/domain/office.ts';
import type { CallOutput } from '../../shared/api/contract.ts';
import { useApi } from '../app/api-context.tsx';

const LABEL = { label: { width: 150, whiteSpace: 'nowrap' as const } };
type Settings = CallOutput<'office.timelineSettings'>;

export function TimelineSettingsCard() {
  const { status, run } = useApi();
  const pair = status?.session.pair ?? false;
  const [s, setS] = useState<Settings | null>(null);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void run('office.timelineSettings', {}).then((r) => {
      if (r.ok) {
        setS(r.value);
        setMinutes(r.value.lateSigningMinutes);
      }
    });
  }, [run]);
  const took = (r: Awaited<ReturnType<typeof run<'office.addHead'>>>) => {
    if (!r.ok) return setError(Object.values(r.error.fields ?? {})[0] ?? r.error.message);
    setError(null);
    setS(r.value);
    setMinutes(r.value.lateSigningMinutes);
  };
  if (!s) return null;
  const hint = pair ? '' : '须两名执法人员同时登录';
  return (
    <Card size="small" title="机关负责人与签名时限" style={{ marginBottom: 16 }} data-testid="timeline-settings">
      <Descriptions column={1} size="small" bordered styles={LABEL}>
        <Descriptions.Item label="机关负责人">
          <List
            size="small"
            dataSource={s.heads.filter((h) => h.active)}
            locale={{ emptyText: '尚未登记。先行登记保存须经机关负责人批准，批准人从此名单中选择。' }}
            renderItem={(h) => (
              <List.Item
                data-testid="head-row"
                actions={[
                  <Tooltip key="rm" title={hint}>
                    <Button
                      size="small"
                      danger
                      disabled={!pair}
                      onClick={() => void run('office.removeHead', { id: h.id }, { quiet: true }).then(took)}
                    >
                      移出名单
                    </Button>
                  </Tooltip>,
                ]}
              >
                {headLabel(h)}
              </List.Item>
            )}
          />
          <Space wrap style={{ marginTop: 8 }}>
            <Input
              placeholder="姓名"
              value={name}
              onChange={(e) => setName(e.target.value)}
              disabled={!pair}
              style={{ width: 120 }}
              data-testid="head-name"
            />
            <Input
              placeholder="职务（如：主任）"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              disabled={!pair}
              style={{ width: 160 }}
              data-testid="head-title"
            />
            <Tooltip title={hint}>
              <Button
                disabled={!pair || !name.trim()}
                data-testid="head-add"
                onClick={() =>
                  void run('office.addHead', { name, title }, { quiet: true }).then((r) => {
                    took(r);
                    if (r.ok) {
                      setName('');
                      setTitle('');
                    }
                  })
                }
              >
                登记
              </Button>
            </Tooltip>
          </Space>
          {s.heads.some((h) => !h.active) && (
            <div className="field-hint">
              已移出名单：
              {s.heads
                .filter((h) => !h.active)
                .map((h) => (
                  <Tag key={h.id}>{headLabel(h)}</Tag>
                ))}
              （已记录的批准仍显示其姓名）
            </div>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="逾时签名时限">
          <Space wrap>
            <span>笔录完成后</span>
            <InputNumber
              min={LATE_SIGNING_MINUTES.min}
              max={LATE_SIGNING_MINUTES.max}
              precision={0}
              value={minutes}
              onChange={setMinutes}
              disabled={!pair}
              suffix="分钟"
              style={{ width: 120 }}
              data-testid="late-minutes"
            />
            <span>内开始签名无须说明</span>
            <Tooltip title={hint}>
              <Button
                disabled={!pair || minutes === null || minutes === s.lateSigningMinutes}
                data-testid="late-save"
                onClick={() =>
                  minutes !== null &&
                  void run('office.setLateSigning', { minutes }, { quiet: true }).then((r) =>
                    took(r as Awaited<ReturnType<typeof run<'office.addHead'>>>),
                  )
                }
              >
                保存
              </Button>
            </Tooltip>
          </Space>
          <div className="field-hint">
            超过时限才开始签名的，须填写原因；原因随每个签名保存并打印在文书上，以免被认为是事后补签。
          </div>
        </Descriptions.Item>
      </Descriptions>
      {error && (
        <div style={{ color: '#ff4d4f', marginTop: 6 }} data-testid="timeline-settings-error">
          {error}
        </div>
      )}
    </Card>
  );
}
