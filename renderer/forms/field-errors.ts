// Puts validation messages next to their fields: from the shared zod schema before sending, and
// from the core's `fields` after. Field paths are dotted ('party.creditCode', 'officers.1.certNo').
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { fieldErrors } from '../../shared/api/validation-errors.ts';

const toNamePath = (key: string): (string | number)[] => key.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));

export function showFieldErrors(form: FormInstance, fields: Record<string, string>): void {
  const entries = Object.entries(fields);
  form.setFields(entries.map(([key, msg]) => ({ name: toNamePath(key), errors: [msg] })));
  const first = entries[0];
  if (first) form.scrollToField(toNamePath(first[0]), { behavior: 'smooth', block: 'center' });
}

/** Validates `value` with `schema`; shows every message next to its field and returns null on failure. */
export function validateWith<S extends z.ZodType>(form: FormInstance, schema: S, value: unknown): z.output<S> | null {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  showFieldErrors(form, fieldErrors(r.error));
  return null;
}

/** Clears the messages the last submit put on fields (antd keeps them until told). */
export function clearFieldErrors(form: FormInstance): void {
  form.setFields(
    form
      .getFieldsError()
      .filter((f) => f.errors.length > 0)
      .map((f) => ({ name: f.name, errors: [] })),
  );
}
