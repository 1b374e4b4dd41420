// The staff app (staff-app/, built by Vite into dist/staff-app) served under /app/: the files the
// build made, listed once at start (nothing else under the folder, or outside it, can be asked
// for); any other path under /app/ is the app's index.html (its router's pages). Same CSP as the
// server-rendered pages: scripts from this origin only.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';
import { CSP } from '../security-headers.ts';

export const STAFF_APP_DIR = fileURLToPath(new URL('../../../dist/staff-app', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

function listFiles(dir: string, base = dir, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) listFiles(full, base, out);
    else out.set(relative(base, full).split('\\').join('/'), full);
  }
  return out;
}

export async function staffApp(app: FastifyInstance, o: { dir?: string }): Promise<void> {
  const dir = o.dir ?? STAFF_APP_DIR;
  const built = existsSync(join(dir, 'index.html'));
  const files = built ? listFiles(dir) : new Map<string, string>();
  app.get('/*', async (req, reply) => {
    reply.header('content-security-policy', CSP);
    if (!built)
      return reply
        .code(503)
        .header('content-type', 'text/plain; charset=utf-8')
        .send('工作人员应用尚未构建：请运行 npm run build:staff。无脚本的页面仍在 / 可用。');
    const path = (req.params as { '*': string })['*'];
    const file = files.get(path) ?? files.get('index.html')!;
    const isIndex = !files.has(path) || path === 'index.html';
    return (
      reply
        .header('content-type', TYPES[extname(file)] ?? 'application/octet-stream')
        // Hashed asset names never change: cached; the index always fresh.
        .header('cache-control', isIndex ? 'no-store' : 'public, max-age=31536000, immutable')
        .send(readFileSync(file))
    );
  });
}
