// Every time and date the officers enter, with antd's pickers in the app's zh_CN locale (App.tsx
// sets antd's and dayjs's): 2026年11月20日 09:30, 24-hour, whatever the operating system's
// language — the browser's native inputs showed 12/07/2026, 09:30 AM outside a Chinese locale.
// Values stay as the app stores them: a minute 2026-11-20T09:30, a day 2026-11-20 (Beijing wall
// time, read and written as the browser's local wall time). Typing works too, in either form.
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';

const MINUTE = 'YYYY-MM-DDTHH:mm';
const DAY = 'YYYY-MM-DD';
/** Shown first; the others are accepted when typed. */
const MINUTE_FORMATS = ['YYYY年MM月DD日 HH:mm', 'YYYY-MM-DD HH:mm', MINUTE];
const DAY_FORMATS = ['YYYY年MM月DD日', DAY];

const read = (v: string, re: RegExp): Dayjs | null => (re.test(v) && dayjs(v).isValid() ? dayjs(v) : null);

interface PickerProps {
  value: string;
  onChange: (v: string) => void;
  /** The input's id (the editor's field-… ids, which the completeness list jumps to). */
  id?: string;
  disabled?: boolean;
  status?: 'warning' | 'error';
  /** On a wrapper that also carries the stored value (data-value), for tests and page objects. */
  testId?: string;
  placeholder?: string;
  width?: number | string;
  allowClear?: boolean;
}

function Wrapped({ testId, value, children }: { testId?: string; value: string; children: ReactNode }) {
  return (
    <span data-testid={testId} data-value={value} style={{ display: 'block' }}>
      {children}
    </span>
  );
}

/** A minute: 2026-11-20T09:30. */
export function MinutePicker(p: PickerProps) {
  return (
    <Wrapped testId={p.testId} value={p.value}>
      <DatePicker
        id={p.id}
        showTime={{ format: 'HH:mm' }}
        format={MINUTE_FORMATS}
        value={read(p.value, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)}
        onChange={(d: Dayjs | null) => p.onChange(d ? d.format(MINUTE) : '')}
        needConfirm={false}
        disabled={p.disabled}
        status={p.status}
        placeholder={p.placeholder ?? '年-月-日 时:分'}
        allowClear={p.allowClear ?? true}
        style={{ width: p.width ?? '100%' }}
      />
    </Wrapped>
  );
}

/** A day: 2026-11-20. */
export function DayPicker(p: PickerProps) {
  return (
    <Wrapped testId={p.testId} value={p.value}>
      <DatePicker
        id={p.id}
        format={DAY_FORMATS}
        value={read(p.value, /^\d{4}-\d{2}-\d{2}$/)}
        onChange={(d: Dayjs | null) => p.onChange(d ? d.format(DAY) : '')}
        disabled={p.disabled}
        status={p.status}
        placeholder={p.placeholder ?? '年-月-日'}
        allowClear={p.allowClear ?? true}
        style={{ width: p.width ?? '100%' }}
      />
    </Wrapped>
  );
}

/**
 * For antd Form items (Form.Item passes value and onChange): the stored string in, the stored
 * string out. `kind` picks the minute or the day picker.
 */
export function FormTimePicker({
  value,
  onChange,
  kind,
  ...rest
}: Omit<PickerProps, 'value' | 'onChange'> & {
  value?: string;
  onChange?: (v: string) => void;
  kind: 'minute' | 'day';
}) {
  const P = kind === 'minute' ? MinutePicker : DayPicker;
  return <P value={value ?? ''} onChange={(v) => onChange?.(v)} {...rest} />;
}
