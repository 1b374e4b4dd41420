// The timeline's issues as a list: what each stops (its severity), the message, a jump to the
// field (in the editor) or to the document (on the case page), and for a warning that needs it,
// the two officers' confirmation — or who confirmed it, when and why.
import { Button, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TimelineIssue } from '../../shared/timeline/case-timeline.ts';
import { SEVERITY_LABELS, type TimelineInput } from '../../shared/timeline/timeline-api.ts';
import { formatTime } from '../app/format.ts';
import { ConfirmWarningDialog } from './ConfirmWarningDialog.tsx';

const COLORS = { warning: 'default', confirm: 'orange', signing: 'red', sealing: 'volcano' } as const;

export function TimelineIssues({
  caseId,
  issues,
  open,
  pair,
  onConfirmed,
}: {
  caseId: string;
  issues: TimelineIssue[];
  /** Jump to where the issue is (a document, a field). */
  open: (issue: TimelineIssue) => void;
  pair: boolean;
  onConfirmed: (input: TimelineInput) => void;
}) {
  const [confirming, setConfirming] = useState<TimelineIssue | null>(null);
  return (
    <>
      <List
        size="small"
        dataSource={issues}
        data-testid="timeline-issues"
        renderItem={(i) => (
          <List.Item data-testid="timeline-issue" style={{ padding: '6px 0', display: 'block' }}>
            <Tag color={i.confirmed ? 'green' : COLORS[i.severity]}>
              {i.confirmed ? '已确认' : SEVERITY_LABELS[i.severity]}
            </Tag>
            {i.at.length ? (
              <Typography.Link onClick={() => open(i)}>{i.message}</Typography.Link>
            ) : (
              <span>{i.message}</span>
            )}
            {i.confirmed && (
              <div className="field-hint" data-testid="timeline-issue-confirmed">
                {i.confirmed.officers.join('、')}于{formatTime(i.confirmed.at)}确认：{i.confirmed.note}
              </div>
            )}
            {i.severity === 'confirm' && !i.confirmed && (
              <div>
                <Button
                  size="small"
                  style={{ marginTop: 4 }}
                  disabled={!pair}
                  onClick={() => setConfirming(i)}
                  data-testid="timeline-confirm"
                >
                  两名执法人员核实后确认
                </Button>
              </div>
            )}
          </List.Item>
        )}
      />
      {confirming && (
        <ConfirmWarningDialog
          caseId={caseId}
          issue={confirming}
          onDone={onConfirmed}
          onClose={() => setConfirming(null)}
        />
      )}
    </>
  );
}
