// 先行登记保存物品处理决定书 (DOCUMENTS.md §9): the preservation decided on (its items copied from its
// 清单), a decision per item (or one for all), a transfer's authority and reason, the return and who
// received it, the basis and the date — checked against the seven working days on the calendar.
import { Alert, Card, Select, Space } from 'antd';
import { weekdayOf } from '../../../shared/calendar/working-calendar.ts';
import { formatMinuteChinese } from '../../../shared/documents/local-time.ts';
import { DISPOSAL_DECISIONS, type DisposalContent } from '../../../shared/documents/types/disposal/content.ts';
import type { PreservationContent } from '../../../shared/documents/types/preservation/content.ts';
import { useApi } from '../../app/api-context.tsx';
import { useWorkingCalendar } from '../../calendar/use-working-calendar.ts';
import { useEditor } from '../editor-context.tsx';
import { Field, Grid, OfficerInput, TextInput, TimeInput, WitnessFields } from '../fields.tsx';
import { fieldId, setPath } from '../paths.ts';
import { RowsEditor } from '../RowsEditor.tsx';

export function DisposalEditor() {
  const { content, label, update, readOnly } = useEditor();
  const c = content as unknown as DisposalContent;
  const items = c.items ?? [];
  const returned = items.some((i) => i.decision === '解除先行登记保存并返还');
  const transferred = items.some((i) => i.decision === '移送有关机关处理');
  return (
    <>
      <Card size="small" title={label('section.preservation')} className="doc-section">
        <Grid>
          <Field name="partyName">
            <TextInput path="partyName" />
          </Field>
          <Field name="preservationId" span={2}>
            <PreservationPicker />
          </Field>
          <Field name="preservationDate">
            <TimeInput path="preservationDate" date />
          </Field>
        </Grid>
      </Card>
      <Card size="small" title={label('section.items')} className="doc-section">
        <Space style={{ marginBottom: 10 }}>
          <span>全部物品统一处理：</span>
          <Select
            style={{ width: 260 }}
            disabled={readOnly || items.length === 0}
            placeholder="选择后适用于每一项"
            data-testid="disposal-all"
            value={null}
            options={DISPOSAL_DECISIONS.filter(Boolean).map((d) => ({ value: d, label: d }))}
            onChange={(v: string) =>
              update(
                (x) =>
                  setPath(
                    x,
                    'items',
                    items.map((it) => ({ ...it, decision: v })),
                  ),
                'items',
              )
            }
          />
        </Space>
        <RowsEditor
          path="items"
          testId="disposal-items"
          addLabel="添加物品"
          minWidth={1000}
          blank={{ sourceId: '', name: '', model: '', serial: '', quantity: '1', decision: '', note: '' }}
          columns={[
            { key: 'name', label: label('items[].name'), width: 130 },
            { key: 'model', label: label('items[].model'), width: 150 },
            { key: 'serial', label: label('items[].serial'), width: 140 },
            { key: 'quantity', label: label('items[].quantity'), width: 60 },
            {
              key: 'decision',
              label: label('items[].decision'),
              width: 230,
              kind: 'choice',
              options: DISPOSAL_DECISIONS,
            },
            { key: 'note', label: label('items[].note'), width: 200 },
          ]}
        />
      </Card>
      {transferred && (
        <Card size="small" title={label('section.transfer')} className="doc-section">
          <Grid cols={2}>
            <Field name="transfer.authority">
              <TextInput path="transfer.authority" testId="disposal-transfer-authority" />
            </Field>
            <Field name="transfer.reason">
              <TextInput path="transfer.reason" rows={1} testId="disposal-transfer-reason" />
            </Field>
          </Grid>
        </Card>
      )}
      {returned && (
        <Card size="small" title={label('section.return')} className="doc-section">
          <Grid>
            <Field name="returnReceipt.receivedBy">
              <TextInput path="returnReceipt.receivedBy" testId="disposal-received-by" />
            </Field>
            <Field name="returnReceipt.at">
              <TimeInput path="returnReceipt.at" testId="disposal-returned-at" />
            </Field>
            <Field name="returnReceipt.condition">
              <TextInput path="returnReceipt.condition" rows={1} testId="disposal-return-condition" />
            </Field>
          </Grid>
        </Card>
      )}
      <Card size="small" title={label('section.decision')} className="doc-section">
        <Grid>
          <Field name="basis" span={2}>
            <TextInput path="basis" />
          </Field>
          <Field name="decisionDate">
            <TimeInput path="decisionDate" date testId="disposal-date" />
          </Field>
          <Field name="officerIds" span={2}>
            <OfficerInput path="officerIds" multiple />
          </Field>
        </Grid>
        <DecisionInTime c={c} />
        <div style={{ height: 10 }} />
        <Field name="lateReason">
          <TextInput path="lateReason" rows={1} />
        </Field>
        <div className="doc-field-label" style={{ marginTop: 12 }}>
          {label('witness')}
        </div>
        <WitnessFields testIdPrefix="disposal" />
      </Card>
    </>
  );
}

/** The case's 登记保存物品清单及通知书; choosing one copies its items (each to decide on) and its start date. */
function PreservationPicker() {
  const { content, update, doc, readOnly, flagged } = useEditor();
  const { run } = useApi();
  const options = doc.context.siblings.filter((d) => d.type === 'preservation');
  const value = String(content.preservationId ?? '') || undefined;
  const choose = async (id: string | undefined) => {
    if (!id) return update((x) => setPath(x, 'preservationId', ''), 'preservationId');
    const r = await run('documents.get', { id });
    if (!r.ok) return;
    const kept = r.value.content as unknown as PreservationContent;
    update(
      (x) => ({
        ...x,
        preservationId: id,
        preservationDate: kept.startDate,
        items: kept.items.map((it) => ({
          id: `x-${it.id}`,
          sourceId: it.id,
          name: it.name,
          model: it.model,
          serial: it.serial,
          quantity: it.quantity,
          decision: '',
          note: '',
        })),
      }),
      'preservationId',
    );
  };
  return (
    <Select
      id={fieldId('preservationId')}
      allowClear
      disabled={readOnly}
      status={flagged.has('preservationId') ? 'warning' : undefined}
      data-testid="disposal-preservation"
      placeholder={options.length ? '选择本案的登记保存物品清单及通知书' : '本案尚无登记保存物品清单及通知书'}
      value={value}
      onChange={(v: string | undefined) => void choose(v)}
      options={options.map((d) => ({ value: d.id, label: `${d.docNo}（${d.subject}）` }))}
      style={{ width: '100%' }}
    />
  );
}

/** The decision's date against the preservation's seven working days. */
function DecisionInTime({ c }: { c: DisposalContent }) {
  const { calendar } = useWorkingCalendar();
  if (!calendar || !/^\d{4}-\d{2}-\d{2}$/.test(c.preservationDate ?? '')) return null;
  const r = calendar.addWorkingDays(c.preservationDate, 7);
  if (!r.certain) return null;
  const late = c.decisionDate && c.decisionDate > r.date!;
  return (
    <Alert
      style={{ marginTop: 12 }}
      type={late ? 'warning' : 'info'}
      showIcon
      data-testid="disposal-deadline"
      title={
        late
          ? `决定日期晚于七个工作日的期限（${formatMinuteChinese(r.date!)}）：请在下方写明原因。`
          : `应在 ${formatMinuteChinese(r.date!)}（${weekdayOf(r.date!)}）前作出处理决定（行政处罚法第五十六条，七个工作日）。`
      }
    />
  );
}
