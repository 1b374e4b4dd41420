// signature_pad's point groups → the stroke data that is signed: integers only (x, y, time,
// pressure ×1000). Times count from the signature's first pen-down, not from each stroke's start,
// so the pauses between strokes — part of how a person signs — are kept. (Records made before
// this counted from each stroke's start; they were hashed as stored and still verify.)
import type { Strokes } from '../../shared/signatures/signature-api.ts';

export interface PadPoint {
  x: number;
  y: number;
  time: number;
  pressure: number;
}

export function toStrokes(groups: readonly { points: readonly PadPoint[] }[]): Strokes {
  const t0 = groups.find((g) => g.points.length)?.points[0]!.time ?? 0;
  return groups
    .filter((g) => g.points.length)
    .map((g) =>
      g.points.map(
        (pt) =>
          [
            Math.round(pt.x),
            Math.round(pt.y),
            Math.max(0, Math.round(pt.time - t0)),
            Math.round((pt.pressure || 0.5) * 1000),
          ] as [number, number, number, number],
      ),
    );
}
