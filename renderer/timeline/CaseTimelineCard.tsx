// 案件时间线 on the case page: every dated act of every record of the case, its signatures,
// seals, milestones and imports in time order, and what the rules found across them
// (shared/timeline/case-timeline.ts).
import { Alert, Card, Tag, Timeline } from 'antd';
import { useMemo } from 'react';
import { formatMinuteChinese } from '../../shared/documents/local-time.ts';
import { caseTimeline, type EntryKind } from '../../shared/timeline/case-timeline.ts';
import { useApi } from '../app/api-context.tsx';
import { TimelineIssues } from './TimelineIssues.tsx';
import { useCaseTimeline } from './use-case-timeline.ts';

const KIND_TAGS: Record<EntryKind, string> = {
  record: '笔录',
  step: '步骤',
  extraction: '提取',
  import: '入库',
  approval: '批准',
  measure: '措施',
  decision: '决定',
  service: '送达',
  return: '返还',
  review: '复查',
  deadline: '期限届满',
  signing: '签名',
  refusal: '拒签',
  seal: '封存',
  milestone: '期限',
  evidence: '电子数据',
};

/** 2026年11月20日9时00分至11时30分 (the end's day only when it is another day), as the forms print times. */
const when = (at: string, end?: string) => {
  if (!end) return formatMinuteChinese(at);
  const sameDay = end.slice(0, 10) === at.slice(0, 10) && end.length > 10;
  const tail = formatMinuteChinese(end);
  return `${formatMinuteChinese(at)}至${sameDay ? tail.slice(tail.indexOf('日') + 1) : tail}`;
};

export function CaseTimelineCard({
  caseId,
  version,
  openDocument,
}: {
  caseId: string;
  /** Changes when the case changed (its updatedAt): the timeline is read again. */
  version: string;
  openDocument: (id: string) => void;
}) {
  const { status } = useApi();
  const { input, set } = useCaseTimeline(caseId, version);
  const t = useMemo(() => (input ? caseTimeline(input, new Date()) : null), [input]);
  if (!t) return null;
  const open = t.issues.filter((i) => !i.confirmed);
  return (
    <Card size="small" title="案件时间线" data-testid="case-timeline-card" style={{ marginBottom: 16 }}>
      {t.issues.length === 0 ? (
        <Alert
          type="success"
          showIcon
          title="时间线检查未发现问题。"
          data-testid="timeline-ok"
          style={{ marginBottom: 12 }}
        />
      ) : (
        <>
          <Alert
            type={open.some((i) => i.severity !== 'warning') ? 'warning' : 'info'}
            showIcon
            title={`时间线检查：${open.length}处问题${t.issues.length > open.length ? `，${t.issues.length - open.length}处已确认` : ''}`}
            style={{ marginBottom: 8 }}
          />
          <TimelineIssues
            caseId={caseId}
            issues={t.issues}
            pair={status?.session.pair ?? false}
            open={(i) => i.at[0] && openDocument(i.at[0].documentId)}
            onConfirmed={set}
          />
        </>
      )}
      <Timeline
        style={{ marginTop: 12 }}
        items={t.entries.map((e) => ({
          content: (
            <div data-testid="timeline-entry">
              <Tag>{KIND_TAGS[e.kind]}</Tag>
              <span>{when(e.at, e.end)}</span>
              {'\u3000'}
              {e.document && (
                <a onClick={() => e.documentId && openDocument(e.documentId)} style={{ marginRight: 6 }}>
                  {e.document}
                </a>
              )}
              {e.label}
              {(e.officers.length > 0 || e.note) && (
                <div className="field-hint">
                  {e.officers.length > 0 && `执法人员：${e.officers.join('、')}`}
                  {e.officers.length > 0 && e.note && '\u3000'}
                  {e.note}
                </div>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
