// Reading and writing nested document content by dotted path ('interviewee.name', 'qa.3.a'),
// immutably, so each edit is one new content value (autosave and undo work on whole values).
export type Content = Record<string, unknown>;

export function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[k]), obj);
}

export function setPath<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const key = head!;
  const container = (Array.isArray(obj) ? [...obj] : { ...(obj as object) }) as Record<string, unknown>;
  container[key] =
    rest.length === 0 ? value : setPath(container[key] ?? (/^\d+$/.test(rest[0]!) ? [] : {}), rest.join('.'), value);
  return container as T;
}

/** The DOM id of the input editing `path`, so the completeness list can jump to it. */
export const fieldId = (path: string) => `field-${path.replace(/\./g, '-')}`;

export const newRowId = () => crypto.randomUUID();
