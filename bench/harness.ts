// Benchmark plumbing: every benchmark measures the project's figure and a reference in the same
// run, on the same machine, and reports the ratio. Results go to bench-results.json.
export interface BenchResult {
  name: string;
  unit: string;
  value: number;
  reference: string;
  referenceValue: number;
  /** value / referenceValue */
  ratio: number;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchResult[]>;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export function result(
  name: string,
  unit: string,
  value: number,
  reference: string,
  referenceValue: number,
): BenchResult {
  return {
    name,
    unit,
    value: round(value),
    reference,
    referenceValue: round(referenceValue),
    ratio: round(value / referenceValue, 3),
  };
}
