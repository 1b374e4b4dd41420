// Sample evidence files for the demo (fictional content): a PNG "screenshot", a web-server log
// and an MHTML page archive — real files, so the demo's 电子数据清单 carries real digests.
import { crc32, deflateSync } from 'node:zlib';

export function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 640×360 PNG: a grey "admin page" with a header bar and rows, enough to look like a screenshot. */
export function screenshotPng(): Buffer {
  const w = 640;
  const h = 360;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < w; x++) {
      const header = y < 40;
      const row = !header && y % 40 > 8 && y % 40 < 30 && x > 24 && x < 600;
      const [r, g, b] = header ? [29, 78, 137] : row ? [230, 234, 240] : [250, 250, 250];
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export function accessLog(): Buffer {
  const lines: string[] = [];
  for (let i = 0; i < 2000; i++) {
    const mm = String(Math.floor(i / 60) % 60).padStart(2, '0');
    const ss = String(i % 60).padStart(2, '0');
    lines.push(
      `10.0.8.${(i % 200) + 2} - - [20/Nov/2026:08:${mm}:${ss} +0800] "GET /admin/${i % 7 === 0 ? 'login' : 'articles'} HTTP/1.1" 200 ${3000 + (i % 97)} "-" "Mozilla/5.0"`,
    );
  }
  return Buffer.from(lines.join('\n') + '\n');
}

export function pageArchive(): Buffer {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>星河资讯</title></head><body><h1>星河资讯</h1>${Array.from({ length: 40 }, (_, i) => `<p>第${i + 1}条资讯：本站消息……</p>`).join('')}</body></html>`;
  return Buffer.from(
    [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://www.xinghe-news.cn/',
      'Subject: =?utf-8?Q?=E6=98=9F=E6=B2=B3=E8=B5=84=E8=AE=AF?=',
      'Date: Fri, 20 Nov 2026 09:10:00 +0800',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--demo----"',
      '',
      '------MultipartBoundary--demo----',
      'Content-Type: text/html',
      'Content-Transfer-Encoding: 8bit',
      'Content-Location: https://www.xinghe-news.cn/',
      '',
      html,
      '------MultipartBoundary--demo------',
      '',
    ].join('\r\n'),
  );
}
