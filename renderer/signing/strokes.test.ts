// The stroke data a signature binds keeps the timing of the whole signature.
import { describe, expect, it } from 'vitest';
import { StrokesSchema } from '../../shared/signatures/signature-api.ts';
import { toStrokes } from './strokes.ts';

describe('stroke conversion', () => {
  const groups = [
    {
      points: [
        { x: 10.4, y: 20.6, time: 1_700_000_000_000, pressure: 0.42 },
        { x: 30, y: 40, time: 1_700_000_000_120, pressure: 0 },
      ],
    },
    { points: [] },
    {
      points: [
        { x: 50, y: 60, time: 1_700_000_000_900, pressure: 0.5 },
        { x: 55, y: 66, time: 1_700_000_001_010, pressure: 1 },
      ],
    },
  ];

  it('times count from the first pen-down, so the gap between strokes is kept', () => {
    const s = toStrokes(groups);
    expect(s).toEqual([
      [
        [10, 21, 0, 420],
        [30, 40, 120, 500],
      ],
      [
        [50, 60, 900, 500],
        [55, 66, 1010, 1000],
      ],
    ]);
    // The second stroke starts 780 ms after the first ended: that pause is in the data.
    expect(s[1]![0]![2] - s[0]!.at(-1)![2]).toBe(780);
  });

  it('is what the API accepts (integers, times within a day)', () => {
    expect(StrokesSchema.safeParse(toStrokes(groups)).success).toBe(true);
    expect(toStrokes([])).toEqual([]);
  });
});
