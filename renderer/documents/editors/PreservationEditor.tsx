// 登记保存物品清单 and 通知书 (DOCUMENTS.md §4): the items, the head's approval, place,
// conditions, and the handling deadline of 7 working days (行政处罚法 art. 56, 85), counted with
// the working-day calendar (statutory holidays, make-up workdays; uncertain beyond its data).
import { Alert, Card } from 'antd';
import { weekdayOf, type WorkingCalendar } from '../../../shared/calendar/working-calendar.ts';
import { DEADLINE_RULES } from '../../../shared/deadlines/case-deadlines.ts';
import { formatMinuteChinese } from '../../../shared/documents/local-time.ts';
import { useWorkingCalendar } from '../../calendar/use-working-calendar.ts';
import { useEditor } from '../editor-context.tsx';
import { ChoiceInput, Field, Grid, OfficerInput, TextInput, TimeInput, WitnessFields } from '../fields.tsx';
import { RowsEditor } from '../RowsEditor.tsx';

export function PreservationEditor() {
  const { content, label } = useEditor();
  const { calendar } = useWorkingCalendar();
  const start = String(content.startDate ?? '');
  return (
    <>
      <Card size="small" title={label('section.items')} className="doc-section">
        <Field name="partyName">
          <TextInput path="partyName" />
        </Field>
        <div style={{ height: 10 }} />
        <RowsEditor
          path="items"
          testId="preservation-items"
          addLabel="添加物品"
          minWidth={1250}
          blank={{ name: '', model: '', spec: '', serial: '', quantity: '1', condition: '', sealNo: '', note: '' }}
          columns={[
            { key: 'name', label: label('items[].name'), width: 130 },
            { key: 'model', label: label('items[].model'), width: 150 },
            { key: 'spec', label: label('items[].spec'), width: 90 },
            { key: 'serial', label: label('items[].serial'), width: 150 },
            { key: 'quantity', label: label('items[].quantity'), width: 64 },
            { key: 'condition', label: label('items[].condition'), width: 240 },
            { key: 'sealNo', label: label('items[].sealNo'), width: 120 },
            { key: 'note', label: label('items[].note'), width: 120 },
          ]}
        />
      </Card>
      <Card size="small" title={label('section.approval')} className="doc-section">
        <Grid>
          <Field name="approval.approver">
            <TextInput path="approval.approver" testId="preservation-approver" />
          </Field>
          <Field name="approval.at">
            <TimeInput path="approval.at" testId="preservation-approved-at" />
          </Field>
          <Field name="approval.how">
            <ChoiceInput path="approval.how" options={['书面批准', '电话批准', '当面批准']} testId="preservation-how" />
          </Field>
          <Field name="startDate">
            <TimeInput path="startDate" date />
          </Field>
          <Field name="place" span={2}>
            <TextInput path="place" testId="preservation-place" />
          </Field>
          <Field name="conditions" span={3}>
            <TextInput path="conditions" rows={1} testId="preservation-conditions" />
          </Field>
          <Field name="officerIds" span={2}>
            <OfficerInput path="officerIds" multiple />
          </Field>
        </Grid>
        <div className="doc-field-label" style={{ marginTop: 12 }}>
          {label('witness')}
        </div>
        <WitnessFields testIdPrefix="preservation" />
        {/^\d{4}-\d{2}-\d{2}$/.test(start) && calendar && <HandlingDeadline start={start} calendar={calendar} />}
      </Card>
    </>
  );
}

/** The handling decision's deadline, as the calendar gives it: a date, or why there is none yet. */
function HandlingDeadline({ start, calendar }: { start: string; calendar: WorkingCalendar }) {
  const r = calendar.addWorkingDays(start, 7);
  const basis = `依据：${DEADLINE_RULES.preservation.basis}。\n${r.rule}\n节假日表：${calendar.version}版，数据至${formatMinuteChinese(calendar.validThrough)}。`;
  return r.certain ? (
    <Alert
      style={{ marginTop: 12 }}
      type="info"
      showIcon
      data-testid="preservation-deadline"
      title={`应在 ${formatMinuteChinese(r.date!)}（${weekdayOf(r.date!)}）前作出处理决定（自${formatMinuteChinese(start)}起七个工作日，起算日不计入）。`}
      description={basis}
    />
  ) : (
    <Alert
      style={{ marginTop: 12 }}
      type="warning"
      showIcon
      data-testid="preservation-deadline"
      title={`处理决定的期限无法确定：最早可能在 ${formatMinuteChinese(r.earliest!)}（${weekdayOf(r.earliest!)}）届满，请在此之前作出处理决定。`}
      description={`${r.reason}\n${basis}`}
    />
  );
}
