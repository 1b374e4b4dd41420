// JSON Canonicalization Scheme (RFC 8785) for what the app signs and seals: object keys sorted by
// their UTF-16 code units, no whitespace, strings escaped as ECMAScript's JSON.stringify does
// (which is what RFC 8785 §3.2.2.2 specifies). Numbers: integers only (safe range) — the records
// hold no floating-point values, so any other number is a bug and is refused rather than
// serialised in a way another implementation might not reproduce.

export class CanonicalJsonError extends Error {}

export function canonicalJson(value: unknown): string {
  return serialise(value, '$');
}

function serialise(v: unknown, path: string): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'string':
      return JSON.stringify(v);
    case 'number':
      if (!Number.isSafeInteger(v)) throw new CanonicalJsonError(`${path}: only safe integers may be signed, got ${v}`);
      return Object.is(v, -0) ? '0' : String(v);
    case 'object': {
      if (Array.isArray(v))
        return `[${v.map((x, i) => serialise(x === undefined ? null : x, `${path}[${i}]`)).join(',')}]`;
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new CanonicalJsonError(`${path}: not a plain object`);
      const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
      // Array.prototype.sort compares strings by UTF-16 code units, as RFC 8785 §3.2.3 requires.
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${serialise(x, `${path}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`${path}: ${typeof v} cannot be signed`);
  }
}
