// 现场笔录 (DOCUMENTS.md §2).
import { Button, Card, Select, Space } from 'antd';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES } from '../../../shared/documents/document-types.ts';
import { measureLinkTypes } from '../../../shared/documents/types/onsite/completeness.ts';
import {
  MEASURE_KINDS,
  PARTY_NOTICE,
  REVIEW_OUTCOMES,
  type OnsiteContent,
} from '../../../shared/documents/types/onsite/content.ts';
import { useEditor } from '../editor-context.tsx';
import { ChoiceInput, Field, Grid, OfficerInput, TextInput, TimeAndPlace, WitnessFields } from '../fields.tsx';
import { fieldId, getPath, setPath } from '../paths.ts';
import { RowsEditor } from '../RowsEditor.tsx';
import { OpeningAnswers } from './OpeningAnswers.tsx';

type Measure = OnsiteContent['measures'][number];

/**
 * The record a measure links to: only the case's documents of the type its kind calls for
 * (MEASURE_LINKS, the rule the core enforces too), with 打开 to go to the linked document.
 */
function LinkedDocument({ path }: { path: string }) {
  const { content, update, doc, readOnly, flagged, flush, openDocument } = useEditor();
  const measure = getPath(content, path.replace(/\.linkedDocumentId$/, '')) as Measure | undefined;
  const allowed = measureLinkTypes(measure?.kind ?? '其他', DOCUMENT_TYPES);
  const options = doc.context.siblings.filter((d) => allowed.includes(d.type));
  const value = (getPath(content, path) as string) || undefined;
  const linked = doc.context.siblings.find((d) => d.id === value);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        id={fieldId(path)}
        allowClear
        disabled={readOnly}
        status={flagged.has(path) ? 'warning' : undefined}
        placeholder={
          options.length
            ? `关联本案的${allowed.map((t) => DOCUMENT_TYPE_LABELS[t]).join('、')}`
            : `本案尚无${allowed.map((t) => DOCUMENT_TYPE_LABELS[t]).join('、')}，请先新建`
        }
        value={value}
        onChange={(v) => update((c) => setPath(c, path, v ?? ''), path)}
        options={options.map((d) => ({ value: d.id, label: `${DOCUMENT_TYPE_LABELS[d.type]} ${d.docNo}` }))}
        style={{ width: '100%' }}
      />
      {linked && (
        <Button
          onClick={() => void flush().then(() => openDocument(linked.id))}
          data-testid="measure-open-linked"
          title={`打开${DOCUMENT_TYPE_LABELS[linked.type]} ${linked.docNo}`}
        >
          打开
        </Button>
      )}
    </Space.Compact>
  );
}

/** The measure's kind; a link that the new kind does not allow is cleared with it (one edit, one undo step). */
function MeasureKind({ path }: { path: string }) {
  const { content, update, doc, readOnly } = useEditor();
  const rowPath = path.replace(/\.kind$/, '');
  return (
    <Select
      id={fieldId(path)}
      disabled={readOnly}
      value={(getPath(content, path) as Measure['kind'] | '') || undefined}
      options={MEASURE_KINDS.map((k) => ({ value: k, label: k }))}
      onChange={(kind: Measure['kind']) =>
        update((c) => {
          const m = getPath(c, rowPath) as Measure;
          const target = doc.context.siblings.find((d) => d.id === m.linkedDocumentId);
          const keep = target && measureLinkTypes(kind, DOCUMENT_TYPES).includes(target.type);
          return setPath(c, rowPath, { ...m, kind, linkedDocumentId: keep ? m.linkedDocumentId : '' });
        }, path)
      }
      style={{ width: '100%' }}
    />
  );
}

/**
 * A 复查's outcome and, when it comes before the order's period ended, why (DOCUMENTS.md §8): only
 * for the measure 「复查」; sealed, the 现场笔录 closes the linked order's period on the 工作台.
 */
function ReviewOutcome({ path }: { path: string }) {
  const { content, update, readOnly, flagged, label } = useEditor();
  const rowPath = path.replace(/\.outcome$/, '');
  const m = getPath(content, rowPath) as Measure | undefined;
  if (m?.kind !== '复查') return <span className="doc-field-hint">—</span>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        id={fieldId(path)}
        disabled={readOnly}
        status={flagged.has(path) ? 'warning' : undefined}
        placeholder={label('measures[].outcome')}
        value={m.outcome || undefined}
        options={REVIEW_OUTCOMES.filter(Boolean).map((k) => ({ value: k, label: k }))}
        onChange={(v: Measure['outcome']) => update((c) => setPath(c, path, v), path)}
        data-testid="measure-review-outcome"
        style={{ width: '100%' }}
      />
      <TextInput path={`${rowPath}.earlyReason`} rows={1} placeholder={label('measures[].earlyReason')} />
    </Space>
  );
}

export function OnsiteEditor() {
  const { content, template, label } = useEditor();
  const present = content.partyNotice === '已通知，当事人到场';
  return (
    <>
      <Card size="small" title={label('section.header')} className="doc-section">
        <Grid>
          <TimeAndPlace />
          <Field name="inspectorIds" span={2}>
            <OfficerInput path="inspectorIds" multiple />
          </Field>
          <Field name="recorderId">
            <OfficerInput path="recorderId" />
          </Field>
          <Field name="reason" span={3}>
            <TextInput path="reason" rows={1} />
          </Field>
        </Grid>
      </Card>
      <Card size="small" title={label('section.party')} className="doc-section">
        <Grid>
          <Field name="party.name">
            <TextInput path="party.name" />
          </Field>
          <Field name="party.licence">
            <TextInput path="party.licence" />
          </Field>
          <Field name="party.idNumber">
            <TextInput path="party.idNumber" />
          </Field>
          <Field name="party.legalRepresentative">
            <TextInput path="party.legalRepresentative" />
          </Field>
          <Field name="party.phone">
            <TextInput path="party.phone" />
          </Field>
          <Field name="party.platform">
            <TextInput path="party.platform" />
          </Field>
          <Field name="party.address" span={2}>
            <TextInput path="party.address" />
          </Field>
          <Field name="partyNotice">
            <ChoiceInput path="partyNotice" options={PARTY_NOTICE} testId="onsite-notice" />
          </Field>
        </Grid>
        <div style={{ marginTop: 12 }}>
          <div className="doc-field-label">{label('present')}</div>
          <RowsEditor
            path="present"
            testId="onsite-present"
            addLabel="添加现场人员"
            blank={{ name: '', idType: '居民身份证', idNumber: '', unit: '', role: '', phone: '' }}
            columns={[
              { key: 'name', label: label('present[].name'), width: 110 },
              { key: 'idNumber', label: label('present[].idNumber'), width: 190 },
              { key: 'role', label: label('present[].role'), width: 140 },
              { key: 'unit', label: label('present[].unit') },
              { key: 'phone', label: label('present[].phone'), width: 130 },
            ]}
          />
        </div>
      </Card>
      {present ? (
        <OpeningAnswers officerPaths={['inspectorIds']} who="当事人" />
      ) : (
        <Card size="small" title={label('section.witness')} className="doc-section">
          <WitnessFields testIdPrefix="onsite" />
        </Card>
      )}
      <Card size="small" title={label('section.findings')} className="doc-section">
        <TextInput path="findings" rows={8} testId="onsite-findings" placeholder="逐项记录现场检查发现的情况" />
        <div className="doc-field-label" style={{ marginTop: 12 }}>
          {label('measures')}
        </div>
        <RowsEditor
          path="measures"
          testId="onsite-measures"
          addLabel="添加措施"
          blank={{ kind: '拍照', description: '', linkedDocumentId: '', outcome: '', earlyReason: '' }}
          columns={[
            { key: 'kind', label: label('measures[].kind'), width: 140, render: (p) => <MeasureKind path={p} /> },
            { key: 'description', label: '说明' },
            {
              key: 'linkedDocumentId',
              label: '关联文书（电子取证、先行登记保存须关联）',
              width: 340,
              render: (p) => <LinkedDocument path={p} />,
            },
            {
              key: 'outcome',
              label: label('measures[].outcome'),
              width: 200,
              render: (p) => <ReviewOutcome path={p} />,
            },
          ]}
        />
        <div className="doc-field-label" style={{ marginTop: 12 }}>
          {label('statement')}
        </div>
        <TextInput path="statement" rows={3} />
      </Card>
      <Card size="small" title={label('section.closing')} className="doc-section">
        <div className="opening-q">{template.closing}</div>
        <Field name="confirmation">
          <TextInput path="confirmation" rows={1} testId="onsite-confirmation" />
        </Field>
      </Card>
    </>
  );
}
