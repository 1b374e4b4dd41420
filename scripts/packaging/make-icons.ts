// `node scripts/packaging/make-icons.ts`: draws the app's emblem (a white shield with a red check on
// a blue rounded square) and writes assets/icons/: png/NxN.png from 16 to 1024 px (electron-builder's
// Linux icon set, one file per size of the freedesktop hicolor theme) and icon.ico (Windows: 16–128
// px as 32-bit bitmaps, 256 px as PNG — the layout every Windows tool and NSIS read). No image
// library: the shapes are polygons, filled with an exact-coverage scanline rasterizer (non-zero
// winding, 16 sub-rows per pixel) and written with node:zlib. The output is deterministic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

export const ICONS_DIR = fileURLToPath(new URL('../../assets/icons/', import.meta.url));
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

type Pt = readonly [number, number];
type Polygon = Pt[];
type Rgb = readonly [number, number, number];
/** A filled shape: closed polygons in unit coordinates (0..1, y down), unioned; a colour per point. */
interface Layer {
  polygons: Polygon[];
  color: (x: number, y: number) => Rgb;
}

// --- geometry -----------------------------------------------------------------------------------

function cubic(p0: Pt, c1: Pt, c2: Pt, p3: Pt, steps = 32): Pt[] {
  const out: Pt[] = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    const a = u * u * u;
    const b = 3 * u * u * t;
    const c = 3 * u * t * t;
    const d = t * t * t;
    out.push([a * p0[0] + b * c1[0] + c * c2[0] + d * p3[0], a * p0[1] + b * c1[1] + c * c2[1] + d * p3[1]]);
  }
  return out;
}

function arc(cx: number, cy: number, r: number, from: number, to: number, steps: number): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = from + ((to - from) * i) / steps;
    out.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return out;
}

function roundedSquare(inset: number, radius: number): Polygon {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const q = Math.PI / 2;
  return [
    ...arc(hi, lo, radius, -q, 0, 24),
    ...arc(hi, hi, radius, 0, q, 24),
    ...arc(lo, hi, radius, q, 2 * q, 24),
    ...arc(lo, lo, radius, 2 * q, 3 * q, 24),
  ];
}

const circle = (cx: number, cy: number, r: number): Polygon => arc(cx, cy, r, 0, 2 * Math.PI, 64).slice(1);

/** A polyline stroked with round joins and caps, as a union of segments and discs. */
function stroke(points: Pt[], width: number): Polygon[] {
  const h = width / 2;
  const out: Polygon[] = points.map(([x, y]) => circle(x, y, h));
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[i + 1]!;
    const len = Math.hypot(bx - ax, by - ay);
    const nx = (-(by - ay) / len) * h;
    const ny = ((bx - ax) / len) * h;
    out.push([
      [ax + nx, ay + ny],
      [bx + nx, by + ny],
      [bx - nx, by - ny],
      [ax - nx, ay - ny],
    ]);
  }
  return out;
}

/** The shield: a raised crest at the top, straight sides, curving to a point. Symmetric about x = 0.5. */
function shield(): Polygon {
  const top: Pt = [0.5, 0.17];
  const right: Pt[] = [
    ...cubic(top, [0.6, 0.235], [0.68, 0.252], [0.755, 0.252]),
    [0.755, 0.5],
    ...cubic([0.755, 0.5], [0.755, 0.685], [0.645, 0.785], [0.5, 0.855]),
  ];
  const left = right
    .slice(0, -1)
    .reverse()
    .map(([x, y]): Pt => [1 - x, y]);
  return [top, ...right, ...left];
}

const hex = (h: string): Rgb => [
  parseInt(h.slice(1, 3), 16) / 255,
  parseInt(h.slice(3, 5), 16) / 255,
  parseInt(h.slice(5, 7), 16) / 255,
];
const TOP = hex('#2f6fd6');
const BOTTOM = hex('#153a85');
const WHITE = hex('#ffffff');
const RED = hex('#d42a2a');
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

export function emblem(): Layer[] {
  return [
    { polygons: [roundedSquare(1 / 32, 0.19)], color: (_x, y) => mix(TOP, BOTTOM, y) },
    { polygons: [shield()], color: () => WHITE },
    {
      polygons: stroke(
        [
          [0.385, 0.515],
          [0.47, 0.6],
          [0.628, 0.425],
        ],
        0.075,
      ),
      color: () => RED,
    },
  ];
}

// --- rasterizing --------------------------------------------------------------------------------

function signedArea(p: Polygon): number {
  let a = 0;
  for (let i = 0; i < p.length; i++) {
    const [x0, y0] = p[i]!;
    const [x1, y1] = p[(i + 1) % p.length]!;
    a += x0 * y1 - x1 * y0;
  }
  return a / 2;
}

/** Coverage (0..1) of each pixel of an n×n image by the union of the polygons (non-zero winding). */
export function coverage(polygons: Polygon[], n: number, subRows = 16): Float32Array {
  const cov = new Float32Array(n * n);
  const edges: { x0: number; y0: number; x1: number; y1: number; dir: number }[] = [];
  for (const poly of polygons) {
    // One orientation for all, so that overlapping parts add up instead of cancelling out.
    const p = signedArea(poly) < 0 ? [...poly].reverse() : poly;
    for (let i = 0; i < p.length; i++) {
      const [ax, ay] = p[i]!;
      const [bx, by] = p[(i + 1) % p.length]!;
      if (ay === by) continue;
      edges.push(
        ay < by
          ? { x0: ax * n, y0: ay * n, x1: bx * n, y1: by * n, dir: 1 }
          : { x0: bx * n, y0: by * n, x1: ax * n, y1: ay * n, dir: -1 },
      );
    }
  }
  const weight = 1 / subRows;
  const span = (row: number, xa: number, xb: number) => {
    const a = Math.max(0, xa);
    const b = Math.min(n, xb);
    if (b <= a) return;
    const ia = Math.floor(a);
    const ib = Math.floor(b);
    const base = row * n;
    if (ia === ib) {
      cov[base + ia]! += (b - a) * weight;
      return;
    }
    cov[base + ia]! += (ia + 1 - a) * weight;
    for (let k = ia + 1; k < ib; k++) cov[base + k]! += weight;
    if (ib < n) cov[base + ib]! += (b - ib) * weight;
  };
  for (let sub = 0; sub < n * subRows; sub++) {
    const y = (sub + 0.5) / subRows;
    const row = Math.floor(sub / subRows);
    const crossings: [number, number][] = [];
    for (const e of edges)
      if (y >= e.y0 && y < e.y1) crossings.push([e.x0 + ((y - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0), e.dir]);
    crossings.sort((p, q) => p[0] - q[0]);
    let winding = 0;
    let start = 0;
    for (const [x, dir] of crossings) {
      const before = winding;
      winding += dir;
      if (before === 0 && winding !== 0) start = x;
      else if (before !== 0 && winding === 0) span(row, start, x);
    }
  }
  for (let i = 0; i < cov.length; i++) cov[i] = Math.min(1, cov[i]!);
  return cov;
}

/** The emblem at n×n, as straight-alpha RGBA bytes. */
export function render(n: number, layers: Layer[] = emblem()): Uint8Array {
  const premul = new Float32Array(n * n * 4);
  for (const layer of layers) {
    const cov = coverage(layer.polygons, n);
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        const a = cov[y * n + x]!;
        if (a === 0) continue;
        const [r, g, b] = layer.color((x + 0.5) / n, (y + 0.5) / n);
        const i = (y * n + x) * 4;
        premul[i] = r * a + premul[i]! * (1 - a);
        premul[i + 1] = g * a + premul[i + 1]! * (1 - a);
        premul[i + 2] = b * a + premul[i + 2]! * (1 - a);
        premul[i + 3] = a + premul[i + 3]! * (1 - a);
      }
    }
  }
  const out = new Uint8Array(n * n * 4);
  for (let i = 0; i < n * n; i++) {
    const a = premul[i * 4 + 3]!;
    if (a === 0) continue;
    for (let c = 0; c < 3; c++) out[i * 4 + c] = Math.round(Math.min(1, premul[i * 4 + c]! / a) * 255);
    out[i * 4 + 3] = Math.round(a * 255);
  }
  return out;
}

// --- file formats -------------------------------------------------------------------------------

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG (no text, no time: the same pixels give the same bytes). */
export function encodePng(n: number, rgba: Uint8Array): Buffer {
  const stride = n * 4;
  const raw = Buffer.alloc((stride + 1) * n);
  for (let y = 0; y < n; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter set, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 32-bit BMP as an .ico entry stores it: BITMAPINFOHEADER (height doubled), BGRA bottom-up, AND mask. */
function icoBitmap(n: number, rgba: Uint8Array): Buffer {
  const maskStride = Math.ceil(n / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(n, 4);
  header.writeInt32LE(2 * n, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(n * n * 4 + maskStride * n, 20);
  const pixels = Buffer.alloc(n * n * 4);
  const mask = Buffer.alloc(maskStride * n);
  for (let y = 0; y < n; y++) {
    const row = n - 1 - y;
    for (let x = 0; x < n; x++) {
      const s = (y * n + x) * 4;
      const d = (row * n + x) * 4;
      pixels[d] = rgba[s + 2]!;
      pixels[d + 1] = rgba[s + 1]!;
      pixels[d + 2] = rgba[s]!;
      pixels[d + 3] = rgba[s + 3]!;
      if (rgba[s + 3] === 0) mask[row * maskStride + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

export function encodeIco(images: { size: number; rgba: Uint8Array }[]): Buffer {
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(1, 2); // type: icon
  dir.writeUInt16LE(images.length, 4);
  const bodies = images.map(({ size, rgba }) => (size >= 256 ? encodePng(size, rgba) : icoBitmap(size, rgba)));
  let offset = dir.length;
  images.forEach(({ size }, i) => {
    const e = 6 + 16 * i;
    dir[e] = size >= 256 ? 0 : size; // 0 means 256
    dir[e + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, e + 4); // planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(bodies[i]!.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += bodies[i]!.length;
  });
  return Buffer.concat([dir, ...bodies]);
}

export function writeIcons(dir = ICONS_DIR): string[] {
  const pngDir = join(dir, 'png');
  mkdirSync(pngDir, { recursive: true });
  const layers = emblem();
  const rendered = new Map<number, Uint8Array>();
  const written: string[] = [];
  for (const n of new Set<number>([...PNG_SIZES, ...ICO_SIZES])) rendered.set(n, render(n, layers));
  for (const n of PNG_SIZES) {
    const file = join(pngDir, `${n}x${n}.png`);
    writeFileSync(file, encodePng(n, rendered.get(n)!));
    written.push(file);
  }
  const ico = join(dir, 'icon.ico');
  writeFileSync(ico, encodeIco(ICO_SIZES.map((size) => ({ size, rgba: rendered.get(size)! }))));
  written.push(ico);
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of writeIcons()) console.log(f);
}
