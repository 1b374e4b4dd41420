// The demo's clock: the sample case's day (scripts/demo-day.ts) in Beijing time. The core and the
// sample HQ read it, so that records are made, signed and sealed at the times they state — not at
// whatever moment the demo happens to be run (which once signed a morning's records 17 days later).
import type { Clock } from '../core/clock.ts';
import { at } from './demo-day.ts';

const parse = (minute: string) => Date.parse(`${minute}:00+08:00`);

export class DemoClock implements Clock {
  private t: number;
  constructor(start = at('08:00')) {
    this.t = parse(start);
  }

  now = (): Date => new Date(this.t);

  /** On to a minute of the day (a time the day's schedule names); never back. */
  to(minute: string): void {
    const t = parse(minute);
    if (t < this.t)
      throw new Error(
        `demo clock: ${minute} is before ${this.now().toISOString()} — the day's schedule is out of order`,
      );
    this.t = t;
  }

  /** Some seconds pass: each act takes a moment. */
  pass(seconds: number): void {
    this.t += seconds * 1000;
  }
}
