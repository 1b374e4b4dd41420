// 责令（限期）改正通知书 (DOCUMENTS.md §8): the party, the facts, the law in the version that applies to
// the case's conduct (copied in from the case, the articles' text shown as it will print), what to
// correct, the period with its last day counted on the working-day calendar, the consequence.
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { weekdayOf } from '../../../shared/calendar/working-calendar.ts';
import { formatMinuteChinese } from '../../../shared/documents/local-time.ts';
import { DEADLINE_UNITS, type RectificationContent } from '../../../shared/documents/types/rectification/content.ts';
import { lawSentences, lawSnapshot } from '../../../shared/documents/types/rectification/law-snapshot.ts';
import { useApi } from '../../app/api-context.tsx';
import { useWorkingCalendar } from '../../calendar/use-working-calendar.ts';
import { useEditor } from '../editor-context.tsx';
import { ChoiceInput, Field, Grid, OfficerInput, TextInput, TimeInput, WitnessFields } from '../fields.tsx';
import { setPath } from '../paths.ts';
import { RowsEditor } from '../RowsEditor.tsx';

export function RectificationEditor() {
  const { content, label } = useEditor();
  const c = content as unknown as RectificationContent;
  return (
    <>
      <Card size="small" title={label('section.party')} className="doc-section">
        <Grid>
          <Field name="party.name">
            <TextInput path="party.name" testId="rectification-party" />
          </Field>
          <Field name="party.idLabel">
            <TextInput path="party.idLabel" />
          </Field>
          <Field name="party.idNumber">
            <TextInput path="party.idNumber" />
          </Field>
          <Field name="party.address" span={2}>
            <TextInput path="party.address" />
          </Field>
          <Field name="party.legalRepresentative">
            <TextInput path="party.legalRepresentative" />
          </Field>
        </Grid>
      </Card>
      <Card size="small" title={label('section.facts')} className="doc-section">
        <Field name="facts">
          <TextInput path="facts" rows={4} testId="rectification-facts" />
        </Field>
      </Card>
      <LawSection c={c} />
      <Card size="small" title={label('section.corrections')} className="doc-section">
        <RowsEditor
          path="corrections"
          testId="rectification-corrections"
          addLabel="添加改正事项"
          blank={{ text: '' }}
          columns={[{ key: 'text', label: label('corrections[].text') }]}
        />
      </Card>
      <DeadlineSection c={c} />
      <Card size="small" title={label('section.issue')} className="doc-section">
        <Grid>
          <Field name="issueDate">
            <TimeInput path="issueDate" date testId="rectification-issue-date" />
          </Field>
          <Field name="officerIds" span={2}>
            <OfficerInput path="officerIds" multiple />
          </Field>
        </Grid>
        <div className="doc-field-label" style={{ marginTop: 12 }}>
          {label('witness')}
        </div>
        <WitnessFields testIdPrefix="rectification" />
      </Card>
    </>
  );
}

/** The articles as copied in, their text editable only where the catalog had none; reloaded from the case on request. */
function LawSection({ c }: { c: RectificationContent }) {
  const { label, update, doc, readOnly } = useEditor();
  const { run } = useApi();
  const [problem, setProblem] = useState<string | null>(null);
  const reload = async () => {
    const r = await run('cases.get', { id: doc.caseId });
    if (!r.ok) return;
    const snap = lawSnapshot(r.value.law);
    if (!snap) {
      setProblem(
        '案件尚未确定适用的法律版本：请先在案件页记录违法行为时间，并在需要时按行政处罚法第三十七条选择适用的版本。',
      );
      return;
    }
    setProblem(null);
    const s = lawSentences(snap);
    update((x) => {
      let next = setPath(x, 'law', snap);
      for (const [k, v] of Object.entries(s)) if (!String(x[k] ?? '').trim()) next = setPath(next, k, v);
      return next;
    }, 'law');
  };
  const articles = c.law?.articles ?? [];
  return (
    <Card size="small" title={label('section.law')} className="doc-section">
      <div className="doc-field-label" id="field-law">
        {label('law')}
      </div>
      {articles.length === 0 ? (
        <Typography.Paragraph type="secondary">尚未载入。</Typography.Paragraph>
      ) : (
        <div data-testid="rectification-law">
          <Typography.Paragraph type="secondary">
            违法行为时间：{formatMinuteChinese(c.law.conductDate)}；版本：{c.law.periodLabel}；{c.law.ground}
          </Typography.Paragraph>
          {articles.map((a, i) => (
            <div key={`${a.provision}-${i}`} style={{ marginBottom: 8 }}>
              <Typography.Text strong>
                {a.law}
                {a.article}
                {a.role === 'order' ? '（责令改正及罚则）' : '（义务）'}
              </Typography.Text>
              {a.text ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.text}</Typography.Paragraph>
              ) : (
                <TextInput
                  path={`law.articles.${i}.text`}
                  rows={2}
                  placeholder="目录未能取得条文：请核对官方文本后填写"
                />
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                来源：{a.source}
                {a.textStatus && `（${a.textStatus}）`}
              </Typography.Text>
            </div>
          ))}
        </div>
      )}
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => void reload()} disabled={readOnly} data-testid="rectification-load-law">
          按案件载入法律依据
        </Button>
      </Space>
      {problem && <Alert type="warning" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Grid cols={2}>
        <Field name="violation">
          <TextInput path="violation" rows={2} testId="rectification-violation" />
        </Field>
        <Field name="orderBasis">
          <TextInput path="orderBasis" rows={2} testId="rectification-order-basis" />
        </Field>
      </Grid>
      <div style={{ height: 10 }} />
      <Field name="consequence">
        <TextInput path="consequence" rows={2} testId="rectification-consequence" />
      </Field>
    </Card>
  );
}

/** The period: days, how they count, from when; the last day as the calendar gives it, written into the order on request. */
function DeadlineSection({ c }: { c: RectificationContent }) {
  const { label, update, readOnly } = useEditor();
  const { calendar } = useWorkingCalendar();
  const d = c.deadline ?? { days: '', unit: '', from: '', endDate: '' };
  const n = Number(d.days);
  const r =
    calendar && n > 0 && d.unit && /^\d{4}-\d{2}-\d{2}$/.test(d.from)
      ? d.unit === '工作日'
        ? calendar.addWorkingDays(d.from, n)
        : calendar.addCalendarDays(d.from, n)
      : null;
  return (
    <Card size="small" title={label('section.deadline')} className="doc-section">
      <Grid cols={4}>
        <Field name="deadline.days">
          <TextInput path="deadline.days" testId="rectification-days" />
        </Field>
        <Field name="deadline.unit">
          <ChoiceInput path="deadline.unit" options={DEADLINE_UNITS} testId="rectification-unit" />
        </Field>
        <Field name="deadline.from">
          <TimeInput path="deadline.from" date testId="rectification-from" />
        </Field>
        <Field name="deadline.endDate">
          <TimeInput path="deadline.endDate" date testId="rectification-end" />
        </Field>
      </Grid>
      {r && (
        <Alert
          style={{ marginTop: 12 }}
          type={r.certain ? 'info' : 'warning'}
          showIcon
          data-testid="rectification-computed-end"
          title={
            r.certain
              ? `按节假日表（${calendar!.version}版）：届满日期为 ${formatMinuteChinese(r.date!)}（${weekdayOf(r.date!)}）。`
              : `届满日期无法确定：最早可能在 ${formatMinuteChinese(r.earliest!)}。${r.reason ?? ''}`
          }
          description={r.rule}
          action={
            r.certain && r.date !== d.endDate ? (
              <Button
                size="small"
                disabled={readOnly}
                data-testid="rectification-use-end"
                onClick={() => update((x) => setPath(x, 'deadline.endDate', r.date), 'deadline.endDate')}
              >
                填入
              </Button>
            ) : undefined
          }
        />
      )}
    </Card>
  );
}
