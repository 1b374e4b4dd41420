// 送达回证 (DOCUMENTS.md §10): the document served (one of this case's), on whom, how, when, where, by
// which two officers, who received it — and what each manner requires (留置送达: what happened and a
// witness; 邮寄送达: the tracking number; 电子送达: the prior consent and the address).
import { Card, Select } from 'antd';
import { DOCUMENT_TYPE_LABELS } from '../../../shared/documents/document-types.ts';
import {
  RECEIVER_RELATIONS,
  SERVICE_METHODS,
  type DeliveryContent,
} from '../../../shared/documents/types/delivery/content.ts';
import { useEditor } from '../editor-context.tsx';
import { ChoiceInput, Field, Grid, OfficerInput, TextInput, TimeInput, WitnessFields } from '../fields.tsx';
import { fieldId } from '../paths.ts';

export function DeliveryEditor() {
  const { content, label } = useEditor();
  const c = content as unknown as DeliveryContent;
  const m = c.method;
  return (
    <>
      <Card size="small" title={label('section.served')} className="doc-section">
        <Grid>
          <Field name="servedDocumentId" span={2}>
            <ServedPicker />
          </Field>
          <Field name="servedDocumentName">
            <TextInput path="servedDocumentName" />
          </Field>
          <Field name="addressee">
            <TextInput path="addressee" testId="delivery-addressee" />
          </Field>
        </Grid>
      </Card>
      <Card size="small" title={label('section.service')} className="doc-section">
        <Grid>
          <Field name="method">
            <ChoiceInput path="method" options={SERVICE_METHODS} testId="delivery-method" />
          </Field>
          <Field name="servedAt">
            <TimeInput path="servedAt" testId="delivery-at" />
          </Field>
          <Field name="place">
            <TextInput path="place" testId="delivery-place" />
          </Field>
          <Field name="serverIds" span={2}>
            <OfficerInput path="serverIds" multiple />
          </Field>
        </Grid>
        <div style={{ height: 10 }} />
        <Grid>
          <Field name="receiver.name">
            <TextInput path="receiver.name" testId="delivery-receiver" />
          </Field>
          <Field name="receiver.relation">
            <ChoiceInput path="receiver.relation" options={RECEIVER_RELATIONS} testId="delivery-relation" />
          </Field>
          {m === '邮寄送达' && (
            <Field name="trackingNo">
              <TextInput path="trackingNo" />
            </Field>
          )}
        </Grid>
        {m === '留置送达' && (
          <Field name="leftReason">
            <TextInput path="leftReason" rows={2} />
          </Field>
        )}
        {m === '电子送达' && (
          <Grid cols={2}>
            <Field name="electronic.consent">
              <TextInput path="electronic.consent" rows={1} />
            </Field>
            <Field name="electronic.address">
              <TextInput path="electronic.address" />
            </Field>
          </Grid>
        )}
        <div className="doc-field-label" style={{ marginTop: 12 }}>
          {label('witness')}
        </div>
        <WitnessFields testIdPrefix="delivery" />
        <div style={{ height: 10 }} />
        <Field name="note">
          <TextInput path="note" rows={1} />
        </Field>
      </Card>
    </>
  );
}

/** Any other document of the case; choosing one fills in its name (editable). */
function ServedPicker() {
  const { content, update, doc, readOnly, flagged } = useEditor();
  const options = doc.context.siblings.filter((d) => d.type !== 'delivery');
  return (
    <Select
      id={fieldId('servedDocumentId')}
      allowClear
      disabled={readOnly}
      status={flagged.has('servedDocumentId') ? 'warning' : undefined}
      data-testid="delivery-served"
      placeholder="选择本案送达的文书"
      value={String(content.servedDocumentId ?? '') || undefined}
      onChange={(v: string | undefined) => {
        const d = options.find((o) => o.id === v);
        update(
          (x) => ({ ...x, servedDocumentId: v ?? '', servedDocumentName: d ? DOCUMENT_TYPE_LABELS[d.type] : '' }),
          'servedDocumentId',
        );
      }}
      options={options.map((d) => ({ value: d.id, label: `${DOCUMENT_TYPE_LABELS[d.type]} ${d.docNo}` }))}
      style={{ width: '100%' }}
    />
  );
}
