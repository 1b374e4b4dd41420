// JSON Canonicalization Scheme (RFC 8785) for what the app signs and seals: object keys sorted by
// their UTF-16 code units, no whitespace, strings escaped as ECMAScript's JSON.stringify does
// (which is what RFC 8785 §3.2.2.2 specifies). Numbers: integers only (safe range) — the records
// hold no floating-point values, so any other number is a bug and is refused rather than
// serialised in a way another implementation might not reproduce.
//
// Verifiers re-serialise every seal they check, so this is on the hot path: one string is built by
// appending, and the path of an offending value ("$.a.b[2]") is assembled only when one is refused
// (it used to be built for every value: a fifth of a seal's verification). The output is pinned
// against that earlier implementation over generated payloads (canonical-json.test.ts).

export class CanonicalJsonError extends Error {}

/** A refusal on its way up: the path segments are added by each container it passes through. */
class Refused {
  readonly segments: string[] = [];
  readonly reason: string;
  constructor(reason: string) {
    this.reason = reason;
  }
}

export function canonicalJson(value: unknown): string {
  try {
    return serialise(value);
  } catch (e) {
    if (e instanceof Refused) throw new CanonicalJsonError(`$${e.segments.reverse().join('')}: ${e.reason}`);
    throw e;
  }
}

function serialise(v: unknown): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'string':
      return JSON.stringify(v);
    case 'number':
      if (!Number.isSafeInteger(v)) throw new Refused(`only safe integers may be signed, got ${v}`);
      return Object.is(v, -0) ? '0' : String(v);
    case 'object':
      return Array.isArray(v) ? array(v) : object(v);
    default:
      throw new Refused(`${typeof v} cannot be signed`);
  }
}

function array(v: unknown[]): string {
  let out = '[';
  let i = 0;
  try {
    for (; i < v.length; i++) {
      if (i > 0) out += ',';
      // A hole adds nothing between its commas, as Array.prototype.join did here before; an
      // explicit undefined is null (as JSON.stringify has it).
      if (i in v) out += serialise(v[i] === undefined ? null : v[i]);
    }
  } catch (e) {
    if (e instanceof Refused) e.segments.push(`[${i}]`);
    throw e;
  }
  return out + ']';
}

function object(v: object): string {
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new Refused('not a plain object');
  const o = v as Record<string, unknown>;
  // Array.prototype.sort compares strings by UTF-16 code units, as RFC 8785 §3.2.3 requires.
  const keys = Object.keys(o).sort();
  let out = '{';
  let k = '';
  try {
    for (k of keys) {
      const x = o[k];
      if (x === undefined) continue;
      out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + serialise(x);
    }
  } catch (e) {
    if (e instanceof Refused) e.segments.push(`.${k}`);
    throw e;
  }
  return out + '}';
}
