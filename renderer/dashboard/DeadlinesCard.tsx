// 期限 on a case's page: each statutory deadline of the case with its basis, counted by the core
// from what the case records, and the dates officers recorded for them (记录日期: the 告知书's
// service, the decision's announcement, the extension of 立案 …). `version` (the case's updatedAt)
// reloads it after a status change; `onChange` tells the page a date was recorded.
import { Alert, Button, Card, Collapse, List, Spin, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  MILESTONE_FOR,
  MILESTONE_KINDS,
  MILESTONE_LABELS,
  type CaseDeadlines,
  type Deadline,
  type MilestoneKind,
} from '../../shared/deadlines/deadline-api.ts';
import { useApi } from '../app/api-context.tsx';
import { formatTime } from '../app/format.ts';
import { calendarLine, cnDate, DeadlineDetails, DeadlineLine } from './DeadlineView.tsx';
import { MilestoneDialog } from './MilestoneDialog.tsx';

/** The kind of date that would let an unrecorded deadline be counted. */
const kindFor = (d: Deadline): MilestoneKind | undefined =>
  MILESTONE_KINDS.find((k) => k !== 'sourceDate' && k !== 'filingExtended' && MILESTONE_FOR[k].includes(d.kind));

export function DeadlinesCard({
  caseId,
  version,
  onChange,
}: {
  caseId: string;
  version: string;
  onChange?: () => void;
}) {
  const { run, status } = useApi();
  const pair = status?.session.pair ?? false;
  const [data, setData] = useState<CaseDeadlines | null>(null);
  const [recording, setRecording] = useState<MilestoneKind | null>(null);
  const load = useCallback(async () => {
    const r = await run('deadlines.case', { caseId }, { quiet: true });
    if (r.ok) setData(r.value);
  }, [run, caseId]);
  useEffect(() => {
    void load();
  }, [load, version]);
  const recordButton = (kind: MilestoneKind, label = '记录日期') => (
    <Button
      size="small"
      title={pair ? MILESTONE_LABELS[kind] : '须两名执法人员同时登录'}
      data-testid={`milestone-record-${kind}`}
      onClick={(e) => {
        e.stopPropagation();
        setRecording(kind);
      }}
    >
      {label}
    </Button>
  );
  return (
    <Card
      size="small"
      title="期限"
      className="doc-section"
      data-testid="case-deadlines"
      extra={recordButton(
        data?.deadlines.some((d) => d.kind === 'hearingRequest') ? 'noticeServed' : 'filingExtended',
        '记录日期…',
      )}
    >
      {!data ? (
        <Spin />
      ) : (
        <>
          {data.calendar.note && (
            <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={data.calendar.note} />
          )}
          <Collapse
            size="small"
            items={data.deadlines.map((d) => {
              const k = d.status === 'unrecorded' ? kindFor(d) : undefined;
              return {
                key: d.key,
                label: <DeadlineLine d={d} />,
                children: <DeadlineDetails d={d} />,
                ...(k ? { extra: recordButton(k) } : {}),
              };
            })}
          />
          {data.milestones.length > 0 && (
            <List
              size="small"
              style={{ marginTop: 8 }}
              header={<b>已记录的日期</b>}
              data-testid="milestones"
              dataSource={data.milestones}
              renderItem={(m) => (
                <List.Item data-testid="milestone" data-current={m.current}>
                  <div>
                    {MILESTONE_LABELS[m.kind]}：{cnDate(m.date)}
                    {!m.current && <Tag style={{ marginLeft: 8 }}>已被后来的记录替代</Tag>}
                    {m.note && <span>{`\u3000${m.note}`}</span>}
                    <div className="field-hint">
                      {formatTime(m.recordedAt)}记录
                      {m.officers.length > 0 && `\u3000执法人员：${m.officers.join('、')}`}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          )}
          <div className="field-hint">
            {calendarLine(data.calendar)}。期限按本机记录的事实计算：起算日不计入；二日、三日、五日、七日按工作日计算。
            {pair ? '' : '记录日期须两名执法人员同时登录。'}
          </div>
        </>
      )}
      {recording && (
        <MilestoneDialog
          caseId={caseId}
          kind={recording}
          onClose={() => setRecording(null)}
          onDone={(d) => {
            setData(d);
            onChange?.();
          }}
        />
      )}
    </Card>
  );
}
