// 导入封存包 from the staff page: the bundle (up to 64 GiB) streams to a private temp file, HQ
// verifies and imports it whole (hq.importBundle), and writes the receipts file for the laptop.
// Answers JSON, read by the page's script. The receipts files stay in DATA/receipts-out/.
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { writeFileAtomic } from '../../../protocol/runtime/write-file-atomic.ts';
import type { Admin } from '../../admin/admin-store.ts';
import { HqFailure } from '../../hq-failure.ts';
import type { HqApp } from '../../hq-app.ts';

export const MAX_BUNDLE = 64 * 1024 * 1024 * 1024;

export async function importUpload(hq: HqApp, admin: Admin, req: FastifyRequest, reply: FastifyReply) {
  const dir = join(hq.dataDir, 'imports');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `${randomUUID()}.tar`);
  try {
    await pipeline(req.raw, capped, createWriteStream(tmp, { mode: 0o600 }));
    const r = await hq.importBundle(tmp, admin.username, admin);
    const id = randomUUID();
    mkdirSync(join(hq.dataDir, 'receipts-out'), { recursive: true, mode: 0o700 });
    writeFileAtomic(join(hq.dataDir, 'receipts-out', `${id}.json`), new TextEncoder().encode(JSON.stringify(r)));
    return reply.send({
      ok: true,
      message: `已导入 ${r.receipts.length} 个封存（设备 ${r.deviceId}）。`,
      receiptsUrl: `/receipts/${id}`,
    });
  } catch (e) {
    const message = e instanceof HqFailure ? e.message : `导入失败：${(e as Error).message}`;
    return reply.code(e instanceof HqFailure ? e.status : 500).send({ ok: false, message });
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** A bundle sent without a declared length is cut off at the limit too. */
async function* capped(source: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  let n = 0;
  for await (const piece of source) {
    n += piece.length;
    if (n > MAX_BUNDLE) throw new HqFailure(413, { error: 'bad_request', message: '封存包过大。' });
    yield piece;
  }
}

/** A receipts file made by an import, or null when there is none of that id. */
export function receiptsFile(hq: HqApp, id: string): Buffer | null {
  const file = join(hq.dataDir, 'receipts-out', `${id}.json`);
  return existsSync(file) ? readFileSync(file) : null;
}
