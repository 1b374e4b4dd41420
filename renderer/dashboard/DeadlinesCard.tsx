// 期限 on a case's page: each statutory deadline of the case with its basis, counted by the core
// from what the case records. `version` (the case's updatedAt) reloads it after a status change.
import { Alert, Card, Collapse, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CaseDeadlines } from '../../shared/deadlines/deadline-api.ts';
import { useApi } from '../app/api-context.tsx';
import { calendarLine, DeadlineDetails, DeadlineLine } from './DeadlineView.tsx';

export function DeadlinesCard({ caseId, version }: { caseId: string; version: string }) {
  const { run } = useApi();
  const [data, setData] = useState<CaseDeadlines | null>(null);
  const load = useCallback(async () => {
    const r = await run('deadlines.case', { caseId }, { quiet: true });
    if (r.ok) setData(r.value);
  }, [run, caseId]);
  useEffect(() => {
    void load();
  }, [load, version]);
  return (
    <Card size="small" title="期限" className="doc-section" data-testid="case-deadlines">
      {!data ? (
        <Spin />
      ) : (
        <>
          {data.calendar.note && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={data.calendar.note} />}
          <Collapse
            size="small"
            items={data.deadlines.map((d) => ({ key: d.key, label: <DeadlineLine d={d} />, children: <DeadlineDetails d={d} /> }))}
          />
          <div className="field-hint">{calendarLine(data.calendar)}。期限按本机记录的事实计算：起算日不计入；二日、三日、五日、七日按工作日计算。</div>
        </>
      )}
    </Card>
  );
}
