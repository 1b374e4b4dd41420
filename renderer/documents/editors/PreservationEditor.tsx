// 登记保存物品清单 and 通知书 (DOCUMENTS.md §4): the items, the head's approval, place,
// conditions, and the handling deadline of 7 working days (行政处罚法 art. 56, 85), counted with
// the working-day calendar (statutory holidays, make-up workdays; uncertain beyond its data).
import { Alert, Card, Select } from 'antd';
import { useEffect, useState } from 'react';
import { headLabel, type OfficeHead } from '../../../shared/domain/office.ts';
import { useApi } from '../../app/api-context.tsx';
import { MinutePicker } from '../../forms/time-pickers.tsx';
import { fieldId, setPath } from '../paths.ts';
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
            <HeadInput />
          </Field>
          <Field name="approval.at">
            <TimeInput path="approval.at" testId="preservation-approved-at" />
          </Field>
          <Field name="approval.how">
            <ChoiceInput path="approval.how" options={['书面批准', '电话批准', '当面批准']} testId="preservation-how" />
          </Field>
          <Field name="startAt">
            <StartInput />
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

/**
 * 批准人: one of the agency's heads (机关负责人, kept in 设置), chosen from the list — the approval of
 * a 先行登记保存 is the head's (行政处罚法 第五十六条), not any name typed in. The document keeps the
 * head's id and the name as it prints (黄建国（主任）).
 */
function HeadInput() {
  const { content, update, flagged, readOnly } = useEditor();
  const { run } = useApi();
  const [heads, setHeads] = useState<OfficeHead[]>([]);
  useEffect(() => {
    void run('office.timelineSettings', {}).then((r) => r.ok && setHeads(r.value.heads));
  }, [run]);
  const approval = (content.approval ?? {}) as { approver?: string; approverId?: string };
  const chosen = heads.find((h) => h.id === approval.approverId);
  const options = heads
    .filter((h) => h.active || h.id === approval.approverId)
    .map((h) => ({ value: h.id, label: headLabel(h) + (h.active ? '' : '（已移出名单）') }));
  return (
    <>
      <Select
        id={fieldId('approval.approver')}
        value={approval.approverId || undefined}
        placeholder={heads.length ? '请选择机关负责人' : '名单为空：请先在「设置」中登记机关负责人'}
        disabled={readOnly}
        status={flagged.has('approval.approver') ? 'warning' : undefined}
        options={options}
        data-testid="preservation-approver"
        style={{ width: '100%' }}
        onChange={(id: string) => {
          const h = heads.find((x) => x.id === id);
          update(
            (c) => setPath(setPath(c, 'approval.approverId', id), 'approval.approver', h ? headLabel(h) : ''),
            'approval.approver',
          );
        }}
      />
      {approval.approver && !chosen && !approval.approverId && (
        <div className="field-hint">原记录：{approval.approver}（不在名单中，请重新选择）</div>
      )}
    </>
  );
}

/** 登记保存时间: the minute the items were preserved; its day is the start date the deadline counts from. */
function StartInput() {
  const { content, update, flagged, readOnly } = useEditor();
  return (
    <MinutePicker
      id={fieldId('startAt')}
      value={String(content.startAt ?? '')}
      disabled={readOnly}
      status={flagged.has('startAt') ? 'warning' : undefined}
      testId="preservation-start-at"
      onChange={(v) => update((c) => setPath(v ? setPath(c, 'startDate', v.slice(0, 10)) : c, 'startAt', v), 'startAt')}
    />
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
