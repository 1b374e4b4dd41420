// Inputs bound to a path of the document content. Each change is one immutable update (autosave
// and undo see whole values); flagged fields show a warning outline.
import { Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { DayPicker, MinutePicker } from '../forms/time-pickers.tsx';
import { useEditor } from './editor-context.tsx';
import { fieldId, getPath, setPath } from './paths.ts';

/**
 * A labelled input. `name` is the template's label key (usually the content path the input edits);
 * `label` is for controls that are not part of the document (e.g. a swap button).
 */
export function Field({
  name,
  label,
  children,
  span = 1,
  hint,
}: {
  name?: string;
  label?: string;
  children: ReactNode;
  span?: 1 | 2 | 3;
  hint?: ReactNode;
}) {
  const { label: templateLabel } = useEditor();
  return (
    <div className="doc-field" style={{ gridColumn: `span ${span}` }}>
      <div className="doc-field-label">{label ?? templateLabel(name ?? '')}</div>
      {children}
      {hint && <div className="field-hint">{hint}</div>}
    </div>
  );
}

export function TextInput({
  path,
  placeholder,
  rows,
  testId,
  maxLength,
}: {
  path: string;
  placeholder?: string;
  rows?: number;
  testId?: string;
  maxLength?: number;
}) {
  const { content, update, flagged, readOnly } = useEditor();
  const value = String(getPath(content, path) ?? '');
  const common = {
    id: fieldId(path),
    value,
    placeholder,
    disabled: readOnly,
    status: flagged.has(path) ? ('warning' as const) : undefined,
    'data-testid': testId,
    maxLength,
    onChange: (e: { target: { value: string } }) => update((c) => setPath(c, path, e.target.value), path),
  };
  return rows ? <Input.TextArea {...common} autoSize={{ minRows: rows, maxRows: 30 }} /> : <Input {...common} />;
}

/** Local time to the minute (2026-11-20T09:30), or a day with `date` (2026-11-20): antd's pickers in zh_CN. */
export function TimeInput({ path, testId, date }: { path: string; testId?: string; date?: boolean }) {
  const { content, update, flagged, readOnly } = useEditor();
  const Picker = date ? DayPicker : MinutePicker;
  return (
    <Picker
      id={fieldId(path)}
      value={String(getPath(content, path) ?? '')}
      disabled={readOnly}
      status={flagged.has(path) ? 'warning' : undefined}
      testId={testId}
      onChange={(v) => update((c) => setPath(c, path, v), path)}
    />
  );
}

export function ChoiceInput({
  path,
  options,
  testId,
  allowClear,
}: {
  path: string;
  options: readonly string[];
  testId?: string;
  allowClear?: boolean;
}) {
  const { content, update, flagged, readOnly } = useEditor();
  const value = String(getPath(content, path) ?? '');
  return (
    <Select
      id={fieldId(path)}
      value={value || undefined}
      placeholder="请选择"
      disabled={readOnly}
      allowClear={allowClear}
      status={flagged.has(path) ? 'warning' : undefined}
      data-testid={testId}
      options={options.filter(Boolean).map((o) => ({ value: o, label: o }))}
      onChange={(v) => update((c) => setPath(c, path, v ?? ''), path)}
      style={{ width: '100%' }}
    />
  );
}

/** One officer (single) or several (multiple, e.g. the two inspectors) from the roster. */
export function OfficerInput({ path, multiple, testId }: { path: string; multiple?: boolean; testId?: string }) {
  const { content, update, doc, flagged, readOnly } = useEditor();
  const value = getPath(content, path);
  return (
    <Select
      id={fieldId(path)}
      mode={multiple ? 'multiple' : undefined}
      maxCount={multiple ? 2 : undefined}
      value={(multiple ? value : value || undefined) as string | string[] | undefined}
      placeholder="请选择执法人员"
      disabled={readOnly}
      status={flagged.has(path) ? 'warning' : undefined}
      data-testid={testId}
      options={doc.context.officers
        .filter((o) => o.active)
        .map((o) => ({ value: o.id, label: `${o.name}（${o.certNo}）` }))}
      onChange={(v) => update((c) => setPath(c, path, v ?? (multiple ? [] : '')), path)}
      style={{ width: '100%' }}
    />
  );
}

export function Grid({ children, cols = 3 }: { children: ReactNode; cols?: number }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gap: '10px 16px' }}>
      {children}
    </div>
  );
}

/** 开始时间, 结束时间 and 地点: the first line of every record's header. */
export function TimeAndPlace() {
  return (
    <>
      <Field name="startTime">
        <TimeInput path="startTime" testId="doc-start" />
      </Field>
      <Field name="endTime">
        <TimeInput path="endTime" testId="doc-end" />
      </Field>
      <Field name="place">
        <TextInput path="place" testId="doc-place" />
      </Field>
    </>
  );
}

/** The 见证人's particulars (name, ID number, unit, phone) in a row of four, at `witness.*`. */
export function WitnessFields({ testIdPrefix }: { testIdPrefix: string }) {
  return (
    <Grid cols={4}>
      <Field name="witness.name">
        <TextInput path="witness.name" testId={`${testIdPrefix}-witness-name`} />
      </Field>
      <Field name="witness.idNumber">
        <TextInput path="witness.idNumber" testId={`${testIdPrefix}-witness-id`} />
      </Field>
      <Field name="witness.unit">
        <TextInput path="witness.unit" />
      </Field>
      <Field name="witness.phone">
        <TextInput path="witness.phone" />
      </Field>
    </Grid>
  );
}
