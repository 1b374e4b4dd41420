// RFC 8785 samples (those without floating-point numbers, which signed records never hold).
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3 sample)', () => {
    // Keys of the RFC's sorting example: "\u20ac" (€), "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080", "\u00f6".
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const out = canonicalJson(input);
    const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'].map((k) =>
      out.indexOf(JSON.stringify(k) + ':'),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('escapes strings as RFC 8785 §3.2.2.2 says (RFC sample "string")', () => {
    expect(canonicalJson('\u20ac$\u000f\nA\'B"\\\\"/')).toBe('"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"');
  });

  it('literals, nesting and whitespace (RFC sample structure without numbers)', () => {
    const input = JSON.parse(
      '{ "literals": [null, true, false], "string": "x", "nested": { "b": [ 1, { "d": 2, "c": 3 } ], "a": "" } }',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"nested":{"a":"","b":[1,{"c":3,"d":2}]},"string":"x"}',
    );
  });

  it('the same value gives the same bytes whatever the key order; Chinese text stays as it is', () => {
    expect(canonicalJson({ b: '询问笔录', a: ['张𠮷㵘'] })).toBe(canonicalJson({ a: ['张𠮷㵘'], b: '询问笔录' }));
    expect(canonicalJson({ a: ['张𠮷㵘'] })).toBe('{"a":["张𠮷㵘"]}');
  });

  it('refuses what cannot be reproduced exactly: floats, huge integers, NaN, functions, dates', () => {
    for (const bad of [1.5, 2 ** 60, Number.NaN, () => 1, new Date(0), 10n])
      expect(() => canonicalJson({ x: bad })).toThrow();
  });
});
