// Puts validation messages next to their fields: from the shared zod schema before sending, and
// from the core's `fields` after. Field paths are dotted ('party.creditCode', 'officers.1.certNo').
import type { FormInstance, FormProps } from 'antd';
import type { z } from 'zod';
import { fieldErrors } from '../../shared/api/validation-errors.ts';

type NamePath = (string | number)[];

const toNamePath = (key: string): NamePath => key.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
const sameName = (a: NamePath, b: NamePath) => a.length === b.length && a.every((k, i) => String(k) === String(b[i]));

/**
 * Shows each message on its field and scrolls to the first field (in screen order) that has one.
 * Returns the messages for which the form has no field, so the caller can show them elsewhere
 * rather than lose them.
 */
export function showFieldErrors(form: FormInstance, fields: Record<string, string>): Record<string, string> {
  const registered = form.getFieldsError().map((f) => f.name as NamePath);
  const shown: { name: NamePath; errors: string[] }[] = [];
  const unplaced: Record<string, string> = {};
  for (const [key, msg] of Object.entries(fields)) {
    const name = toNamePath(key);
    if (registered.some((r) => sameName(r, name))) shown.push({ name, errors: [msg] });
    else unplaced[key] = msg;
  }
  form.setFields(shown);
  // getFieldsError lists fields in the order they were mounted, i.e. top to bottom on screen.
  const first = form.getFieldsError().find((f) => f.errors.length > 0);
  if (first) form.scrollToField(first.name, { behavior: 'smooth', block: 'center', focus: true });
  return unplaced;
}

/** Validates `value` with `schema`; shows every message next to its field and returns null on failure. */
export function validateWith<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  value: unknown,
  /** Moves messages whose path has no field of its own (e.g. a whole list) onto one that has. */
  remap: (fields: Record<string, string>) => Record<string, string> = (f) => f,
): z.output<S> | null {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  showFieldErrors(form, remap(fieldErrors(r.error)));
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

/**
 * For `<Form onFieldsChange>`: once the user edits a field, its old message goes away (it may no
 * longer be true; the next submit checks again). antd calls this only for edits, not for setFields.
 */
export function clearErrorOnEdit(form: FormInstance): NonNullable<FormProps['onFieldsChange']> {
  return (changed) => {
    const stale = changed.filter((f) => f.touched && (f.errors?.length ?? 0) > 0);
    if (stale.length > 0) form.setFields(stale.map((f) => ({ name: f.name, errors: [] })));
  };
}
