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
  const { content } = useEditor();
  const { calendar } = useWorkingCalendar();
  const start = String(content.startDate ?? '');
  return (
    <>
      <Card size="small" title="登记保存物品清单" className="doc-section">
        <Field label="当事人">
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
            { key: 'name', label: '名称', width: 130 },
            { key: 'model', label: '品牌型号', width: 150 },
            { key: 'spec', label: '规格', width: 90 },
            { key: 'serial', label: '序列号/IMEI', width: 150 },
            { key: 'quantity', label: '数量', width: 64 },
            { key: 'condition', label: '状态（外观、是否开机、封存）', width: 240 },
            { key: 'sealNo', label: '封条编号', width: 120 },
            { key: 'note', label: '备注', width: 120 },
          ]}
        />
      </Card>
      <Card size="small" title="批准与保存" className="doc-section">
        <Grid>
          <Field label="批准人（行政机关负责人）">
            <TextInput path="approval.approver" testId="preservation-approver" />
          </Field>
          <Field label="批准时间">
            <TimeInput path="approval.at" testId="preservation-approved-at" />
          </Field>
          <Field label="批准方式">
            <ChoiceInput path="approval.how" options={['书面批准', '电话批准', '当面批准']} testId="preservation-how" />
          </Field>
          <Field label="登记保存开始日期">
            <TimeInput path="startDate" date />
          </Field>
          <Field label="保存地点" span={2}>
            <TextInput path="place" testId="preservation-place" />
          </Field>
          <Field label="保存条件" span={3}>
            <TextInput path="conditions" rows={1} testId="preservation-conditions" />
          </Field>
          <Field label="执法人员（两名）" span={2}>
            <OfficerInput path="officerIds" multiple />
          </Field>
        </Grid>
        <div className="doc-field-label" style={{ marginTop: 12 }}>
          见证人（当事人不在场或拒绝签名时）
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
