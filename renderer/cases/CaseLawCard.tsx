// 适用的法律: the case's conduct dates and the version of the law they select (docs/LAW.md). One
// version — it applies. Two (the law changed between the conduct and today, or during it) — both
// side by side with 行政处罚法 第三十七条, and the officers record which one they apply and why
// (cases.chooseLaw, both officers, audited). A case without conduct dates is asked for them first.
import { Alert, Button, Card, Descriptions, Input, Modal, Radio, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import {
  ART_37,
  chineseDate,
  choiceError,
  LAW_GROUND_LABELS,
  LAW_GROUNDS,
  periodKey,
  periodLabel,
  type LawGround,
} from '../../shared/catalog/law-in-force.ts';
import { conductLabel, type CaseLaw } from '../../shared/domain/case-law.ts';
import type { CaseDetail } from '../../shared/domain/case.ts';
import { useApi } from '../app/api-context.tsx';
import { formatTime } from '../app/format.ts';
import { LawPeriodsHint } from '../catalog/LawPeriodsHint.tsx';

const SITUATION: Record<CaseLaw['situation'], string> = {
  single: '违法行为时间内法律未修改，适用这一版本。',
  'amended-after':
    '违法行为发生后法律已被修改：原则上适用违法行为发生时的规定；作出处罚决定时新的规定处罚较轻或者不认为是违法的，适用新的规定。请比较两个版本后确定。',
  spans: '违法行为跨越法律修改前后：请根据违法行为的具体情况（如终了时间）确定适用的版本，并写明理由。',
  none: '违法行为发生时，本事项所依据的法律尚未施行：请核对违法行为时间或执法事项。',
  'no-conduct': '本案尚未记录违法行为时间，无法确定适用哪一版本的法律。请点击右上角「编辑」，填写违法行为时间。',
};

function ChooseDialog({ c, onDone, onClose }: { c: CaseDetail; onDone: (c: CaseDetail) => void; onClose: () => void }) {
  const { run, status } = useApi();
  const law = c.law;
  const [period, setPeriod] = useState(law.choice?.valid ? law.choice.period : (law.suggested ?? ''));
  const [ground, setGround] = useState<LawGround>(law.choice?.valid ? law.choice.ground : 'conduct-time');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pair = status?.session.pair ?? false;
  const forChoice = {
    situation: law.situation === 'no-conduct' ? ('none' as const) : law.situation,
    candidates: law.candidates,
    conductPeriods: law.conductPeriods,
    currentPeriod: law.currentPeriod,
    applies: null,
    suggested: law.suggested,
  };
  const problem = period ? choiceError(forChoice, { period, ground, note }) : '请选择适用的法律版本。';
  const submit = async () => {
    setError(null);
    if (problem) return setError(problem);
    setBusy(true);
    const r = await run('cases.chooseLaw', { caseId: c.id, period, ground, note });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    onDone(r.value);
  };
  return (
    <Modal
      open
      title="确定适用的法律版本"
      okText="记录"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: !pair, 'data-testid': 'law-choose-submit' } as never}
      confirmLoading={busy}
      width={640}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="law-choose-dialog">
        {!pair && <Alert type="warning" showIcon title="确定适用的法律版本须两名执法人员同时登录。" />}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {ART_37.citation}：{ART_37.text}
        </Typography.Paragraph>
        <div>
          <div style={{ marginBottom: 4 }}>适用的版本</div>
          <Radio.Group value={period} onChange={(e) => setPeriod(e.target.value as string)}>
            <Space orientation="vertical">
              {law.candidates.map((p) => (
                <Radio value={periodKey(p)} key={periodKey(p)} data-testid={`law-period-${periodKey(p) || 'start'}`}>
                  {periodLabel(p)}：{p.basisShort}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </div>
        <div>
          <div style={{ marginBottom: 4 }}>理由</div>
          <Radio.Group value={ground} onChange={(e) => setGround(e.target.value as LawGround)}>
            <Space orientation="vertical">
              {LAW_GROUNDS.map((g) => (
                <Radio value={g} key={g} data-testid={`law-ground-${g}`}>
                  {LAW_GROUND_LABELS[g]}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </div>
        <div>
          <div style={{ marginBottom: 4 }}>说明{law.situation === 'spans' ? '（必填）' : '（可不填）'}</div>
          <Input.TextArea
            rows={2}
            maxLength={500}
            showCount
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="如：违法行为终了于2026年2月28日；新旧规定罚款幅度比较的结论。"
            data-testid="law-choose-note"
          />
        </div>
        {error && <Alert type="error" showIcon title={error} data-testid="law-choose-error" />}
      </Space>
    </Modal>
  );
}

export function CaseLawCard({
  c,
  onChange,
  openMatter,
}: {
  c: CaseDetail;
  onChange: (c: CaseDetail) => void;
  openMatter: () => void;
}) {
  const { status } = useApi();
  const [choosing, setChoosing] = useState(false);
  const law = c.law;
  const pair = status?.session.pair ?? false;
  const applies = law.candidates.find((p) => periodKey(p) === law.applies);
  const needsChoice = law.candidates.length > 1 && law.situation !== 'no-conduct';
  return (
    <Card
      size="small"
      title="适用的法律"
      style={{ marginBottom: 16 }}
      data-testid="case-law"
      extra={
        needsChoice && (
          <Tooltip title={pair ? '' : '须两名执法人员同时登录'}>
            <Button size="small" disabled={!pair} onClick={() => setChoosing(true)} data-testid="law-choose">
              {law.choice?.valid ? '重新确定' : '确定适用的版本'}
            </Button>
          </Tooltip>
        )
      }
    >
      <Descriptions column={2} size="small" styles={{ label: { width: 110 } }}>
        <Descriptions.Item label="违法行为时间">
          <span data-testid="case-conduct">{law.conduct ? conductLabel(law.conduct) : '未记录'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="发现日期">
          {law.conduct ? chineseDate(law.conduct.discoveredOn) : '—'}
        </Descriptions.Item>
      </Descriptions>
      {law.situation === 'no-conduct' || law.situation === 'none' ? (
        <Alert type="warning" showIcon title={SITUATION[law.situation]} data-testid="case-law-missing" />
      ) : (
        <>
          <LawPeriodsHint periods={law.candidates} />
          <div style={{ marginTop: 8 }} data-testid="case-law-status">
            {applies ? (
              <>
                <Tag color="green">适用</Tag>
                {periodLabel(applies)}的{applies.basisShort}
                {law.choice?.valid && (
                  <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                    （{LAW_GROUND_LABELS[law.choice.ground]}
                    {law.choice.note ? `；${law.choice.note}` : ''}。{law.choice.officers.join('、')}于
                    {formatTime(law.choice.recordedAt)}确定）
                  </Typography.Text>
                )}
              </>
            ) : (
              <Alert type="info" showIcon title={`${SITUATION[law.situation]}确定之前，法律依据不作引用。`} />
            )}
            {needsChoice && law.choice && !law.choice.valid && (
              <Alert
                style={{ marginTop: 8 }}
                type="warning"
                showIcon
                title="此前确定的适用版本与现在的执法事项或违法行为时间不再对应，须重新确定。"
              />
            )}
          </div>
        </>
      )}
      <Typography.Link
        onClick={openMatter}
        style={{ display: 'inline-block', marginTop: 8 }}
        data-testid="case-law-detail"
      >
        查看各版本条文全文
      </Typography.Link>
      {choosing && (
        <ChooseDialog
          c={c}
          onClose={() => setChoosing(false)}
          onDone={(next) => {
            setChoosing(false);
            onChange(next);
          }}
        />
      )}
    </Card>
  );
}
