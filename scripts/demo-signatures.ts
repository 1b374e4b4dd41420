// Synthetic handwritten signatures for the demo and the tests: deterministic strokes (points with
// times and pressure, as the signature pad records them) and the PNG they draw — real images and
// real stroke data, so binding and printing are exercised end to end. Not anyone's handwriting.
import { deflateSync } from 'node:zlib';
import type { Strokes } from '../shared/signatures/signature-api.ts';
import { pngChunk } from './demo-files.ts';

function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x1_0000_0000;
  };
}

export function syntheticSignature(name: string, seed: number): { strokes: Strokes; png: Buffer } {
  const rnd = random(seed * 7919 + name.length);
  const chars = [...name];
  const width = 40 + chars.length * 64;
  const height = 110;
  const strokes: Strokes = [];
  let t = 0;
  chars.forEach((_, i) => {
    const x0 = 24 + i * 64;
    for (let k = 0; k < 3 + Math.floor(rnd() * 2); k++) {
      const points: Strokes[number] = [];
      const [ax, ay] = [x0 + rnd() * 40, 20 + rnd() * 60];
      const [bx, by] = [x0 + rnd() * 48, 20 + rnd() * 70];
      const [cx, cy] = [x0 + rnd() * 44, 15 + rnd() * 80];
      for (let j = 0; j <= 14; j++) {
        const u = j / 14;
        const x = (1 - u) * (1 - u) * ax + 2 * (1 - u) * u * cx + u * u * bx;
        const y = (1 - u) * (1 - u) * ay + 2 * (1 - u) * u * cy + u * u * by;
        points.push([Math.round(x), Math.round(y), t, 350 + Math.round(rnd() * 400)]);
        t += 8 + Math.round(rnd() * 6);
      }
      strokes.push(points);
      t += 120;
    }
  });
  return { strokes, png: rasterise(strokes, width, height) };
}

/** Draws strokes as 3-pixel black lines on a transparent RGBA image. */
export function rasterise(strokes: Strokes, width: number, height: number): Buffer {
  const px = Buffer.alloc(width * height * 4);
  const dot = (x: number, y: number) => {
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const [X, Y] = [Math.round(x) + dx, Math.round(y) + dy];
        if (X < 0 || Y < 0 || X >= width || Y >= height) continue;
        const o = (Y * width + X) * 4;
        px[o] = 20;
        px[o + 1] = 20;
        px[o + 2] = 30;
        px[o + 3] = 255;
      }
  };
  for (const s of strokes) {
    for (let i = 0; i < s.length; i++) {
      const [x1, y1] = s[i]!;
      const [x2, y2] = s[Math.min(i + 1, s.length - 1)]!;
      const n = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1)));
      for (let k = 0; k <= n; k++) dot(x1 + ((x2 - x1) * k) / n, y1 + ((y2 - y1) * k) / n);
    }
  }
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) px.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// How tests and the demo sign a party's slot: for an organisation a named person signs for it,
// with position and authority (the core refuses the organisation's name as a signer's). For a
// person party the core keeps none of it.
const PARTY_ROLES = new Set(['当事人', '持有人/提供人']);
const ORGANISATION = /公司|中心|办公室|单位|集团|工作室/;

export function partySigner(
  slot: { role: string; signerName: string },
  name: string,
): { signerName: string; signerRole?: string; authority?: '法定代表人' } {
  if (!PARTY_ROLES.has(slot.role)) return { signerName: name };
  return {
    signerName: ORGANISATION.test(name) ? '陈立新' : name,
    signerRole: '总经理',
    authority: '法定代表人',
  };
}
