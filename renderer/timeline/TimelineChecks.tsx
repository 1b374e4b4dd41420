// The editor's side panel below the completeness list: what the case timeline says about this
// document, live — the rules run on the content being typed with the case's other records
// (shared/timeline/case-timeline.ts); the core refuses 提交签名 and 封存 by the same rules.
import { Alert, Typography } from 'antd';
import { blocking, type CaseTimeline } from '../../shared/timeline/case-timeline.ts';
import type { TimelineInput } from '../../shared/timeline/timeline-api.ts';
import { focusField } from '../documents/IssueList.tsx';
import { TimelineIssues } from './TimelineIssues.tsx';

export function TimelineChecks({
  documentId,
  caseId,
  timeline,
  pair,
  openDocument,
  onConfirmed,
}: {
  documentId: string;
  caseId: string;
  timeline: CaseTimeline;
  pair: boolean;
  openDocument: (id: string) => void;
  onConfirmed: (input: TimelineInput) => void;
}) {
  const mine = timeline.issues.filter((i) => i.at.some((a) => a.documentId === documentId));
  if (mine.length === 0)
    return (
      <Typography.Text type="secondary" data-testid="timeline-checks-none">
        与本案其他文书的时间、人员核对无问题。
      </Typography.Text>
    );
  const stops = blocking(mine, documentId, 'signing').length;
  return (
    <div data-testid="timeline-checks">
      {stops > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 6 }} title={`${stops}处须处理后才能提交签名：`} />
      )}
      <TimelineIssues
        caseId={caseId}
        issues={mine}
        pair={pair}
        open={(i) => {
          const here = i.at.find((a) => a.documentId === documentId);
          if (here) focusField(here.path);
          else if (i.at[0]) openDocument(i.at[0].documentId);
        }}
        onConfirmed={onConfirmed}
      />
    </div>
  );
}
