import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './working-days.ts';

describe('working days (weekends only)', () => {
  it('does not count the start day', () => {
    expect(addWorkingDays('2026-11-16', 1)).toBe('2026-11-17'); // Monday → Tuesday
  });
  it('skips weekends: 7 working days from a Friday end on the Tuesday after next', () => {
    expect(addWorkingDays('2026-11-20', 7)).toBe('2026-12-01');
  });
  it('a start on Saturday counts from Monday', () => {
    expect(addWorkingDays('2026-11-21', 1)).toBe('2026-11-23');
  });
  it('crosses month and year ends', () => {
    expect(addWorkingDays('2026-12-30', 3)).toBe('2027-01-04');
  });
});
