// The seal format is in court: canonicalJson must give, byte for byte, what it gave when the
// records were sealed. `sealedWith` below is the implementation every seal up to the rewrite for
// speed was made with (git history of canonical-json.ts); the current one must agree with it on
// every generated payload — output and, for what is refused, the error message with its path —
// and on fixed tricky inputs whose bytes are pinned literally.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

function sealedWith(value: unknown): string {
  return serialise(value, '$');
  function serialise(v: unknown, path: string): string {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'boolean':
        return v ? 'true' : 'false';
      case 'string':
        return JSON.stringify(v);
      case 'number':
        if (!Number.isSafeInteger(v)) throw new Error(`${path}: only safe integers may be signed, got ${v}`);
        return Object.is(v, -0) ? '0' : String(v);
      case 'object': {
        if (Array.isArray(v))
          return `[${v.map((x, i) => serialise(x === undefined ? null : x, `${path}[${i}]`)).join(',')}]`;
        const proto = Object.getPrototypeOf(v) as unknown;
        if (proto !== Object.prototype && proto !== null) throw new Error(`${path}: not a plain object`);
        const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
        entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${serialise(x, `${path}.${k}`)}`).join(',')}}`;
      }
      default:
        throw new Error(`${path}: ${typeof v} cannot be signed`);
    }
  }
}

type Outcome = { ok: string } | { error: string };
const outcome = (f: () => string): Outcome => {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

// A small deterministic generator (mulberry32), so a failure names a reproducible case.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters that escaping and key order get wrong: controls, quotes, backslash, DEL, C1, BOM,
// line/paragraph separators, CJK (incl. Extension B), emoji, lone and paired surrogates, digits.
const TRICKY = [
  '\u0000',
  '\b',
  '\t',
  '\n',
  '\f',
  '\r',
  '\u001f',
  '"',
  '\\',
  '/',
  '\u007f',
  '\u0080',
  '\u00f6',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
  '\ufb33',
  '€',
  '询',
  '问',
  '笔',
  '录',
  '𠮷',
  '㵘',
  '😀',
  '\ud83d',
  '\ude00',
  '\ud800\udc00',
  '1',
  '10',
  '9',
  '-',
  ' ',
  'a',
  'A',
  'z',
  '_',
  '$',
  '.',
];

// Holes serialise to invalid JSON ("[,1]"), as they always did: no record has one (JSON.parse and
// the schemas make none), so this pins the behaviour without claiming it is right.
let holes = 0;

function generate(r: () => number, depth: number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const str = () => Array.from({ length: Math.floor(r() * 8) }, () => pick(TRICKY)).join('');
  const kind = depth > 4 ? Math.floor(r() * 4) : Math.floor(r() * 9);
  switch (kind) {
    case 0:
      return str();
    case 1:
      return pick([0, -0, 1, -1, 7, 42, 1e15, -(2 ** 53 - 1), 2 ** 53 - 1, 1234567890]);
    case 2:
      return pick([true, false, null]);
    case 3:
      return '询问笔录：' + str() + '张𠮷㵘';
    case 4:
    case 5: {
      // Now and then an explicit undefined, or a hole (never assigned).
      const a: unknown[] = new Array<unknown>(Math.floor(r() * 5));
      for (let i = 0; i < a.length; i++)
        if (r() > 0.05) a[i] = r() < 0.05 ? undefined : generate(r, depth + 1);
        else holes++;
      return a;
    }
    default: {
      const o: Record<string, unknown> = r() < 0.1 ? (Object.create(null) as Record<string, unknown>) : {};
      for (let i = Math.floor(r() * 6); i > 0; i--) o[str()] = r() < 0.05 ? undefined : generate(r, depth + 1);
      return o;
    }
  }
}

// Values that must be refused, each placed somewhere deep in a generated payload.
const REFUSED = [1.5, 2 ** 53, -(2 ** 60), Number.NaN, Infinity, 10n, () => 1, new Date(0), new Map(), Symbol('s')];

describe('canonical JSON: the bytes sealed records were made with', () => {
  it('agrees with the implementation seals were made with on 5,000 generated payloads', () => {
    const r = rng(20261207);
    for (let n = 0; n < 5000; n++) {
      holes = 0;
      const v = generate(r, 0);
      const old = outcome(() => sealedWith(v));
      expect(
        outcome(() => canonicalJson(v)),
        `payload ${n}`,
      ).toEqual(old);
      // What it produces is JSON that serialises to itself once parsed back.
      if ('ok' in old && holes === 0) expect(canonicalJson(JSON.parse(old.ok)), `payload ${n}`).toBe(old.ok);
    }
  });

  it('refuses the same values with the same message and path', () => {
    const r = rng(7);
    for (let n = 0; n < 500; n++) {
      const bad = REFUSED[n % REFUSED.length];
      const v = { a: [generate(r, 3), { 'b.c': [1, generate(r, 4), bad] }], z: generate(r, 4) };
      const old = outcome(() => sealedWith(v));
      expect('error' in old).toBe(true);
      expect(outcome(() => canonicalJson(v))).toEqual(old);
    }
    expect(() => canonicalJson({ a: [0, { x: 1.5 }] })).toThrow('$.a[1].x: only safe integers may be signed, got 1.5');
  });

  it('pins the bytes of tricky inputs literally', () => {
    const v = {
      z: [[], [[1, [2, [3]]]], {}, [null, true, false], [undefined]],
      '\u20ac': '€',
      '\r': '\u0000\b\t\n\f\r\u001f"\\/\u007f\u2028\u2029',
      '\ufb33': '𠮷😀',
      '10': -0,
      '9': -(2 ** 53 - 1),
      '\ud83d\ude00': { b: 2, a: 1, c: undefined },
      lone: '\ud83d x \ude00',
      询问: '张三',
    };
    expect(canonicalJson(v)).toBe(
      '{"\\r":"\\u0000\\b\\t\\n\\f\\r\\u001f\\"\\\\/\u007f\u2028\u2029","10":0,"9":-9007199254740991,' +
        '"lone":"\\ud83d x \\ude00","z":[[],[[1,[2,[3]]]],{},[null,true,false],[null]],"€":"€","询问":"张三",' +
        '"😀":{"a":1,"b":2},"\ufb33":"𠮷😀"}',
    );
  });
});
