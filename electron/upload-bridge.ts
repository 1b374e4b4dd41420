// Evidence bytes from the desktop renderer: the renderer holds File objects (picker or drop) and
// sends them in chunks against a ticket issued by evidence.beginImport (which checked the call);
// here they stream into the same one-pass import as the web shell's upload. No path from the
// renderer ever reaches the file system.
import { fail, type Result } from '../shared/api/result.ts';
import { ChunkQueue } from './chunk-queue.ts';
import { isTrustedSender, type InvokeEventLike } from './ipc-bridge.ts';

export const UPLOAD_CHANNELS = { chunk: 'upload:chunk', end: 'upload:end', abort: 'upload:abort' } as const;
const MAX_CHUNK = 4 * 1024 * 1024;

export type RunImport = (
  ticket: string,
  bytes: AsyncIterable<Uint8Array>,
  signal: AbortSignal,
) => Promise<Result<unknown>>;

export interface UploadIpcLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

interface Upload {
  queue: ChunkQueue;
  abort: AbortController;
  result: Promise<Result<unknown>>;
}

export function registerUploads(
  ipcMain: UploadIpcLike,
  runImport: RunImport,
  isAppUrl: (url: string) => boolean,
): void {
  const uploads = new Map<string, Upload>();
  const refuse = () => fail('forbidden', '拒绝来自非本程序页面的调用。');
  const validTicket = (t: unknown): t is string => typeof t === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(t);

  ipcMain.handle(UPLOAD_CHANNELS.chunk, async (event, ticket, bytes) => {
    if (!isTrustedSender(event, isAppUrl)) return refuse();
    if (!validTicket(ticket) || !(bytes instanceof Uint8Array) || bytes.length > MAX_CHUNK)
      return fail('validation', '上传的数据格式不正确。');
    let u = uploads.get(ticket);
    if (!u) {
      const queue = new ChunkQueue();
      const abort = new AbortController();
      u = { queue, abort, result: runImport(ticket, queue, abort.signal) };
      uploads.set(ticket, u);
      // An import refused before the end (bad ticket, full disk) must not leave the sender waiting.
      void u.result.then(() => queue.fail(new Error('import finished')));
    }
    await Promise.race([u.queue.push(bytes).catch(() => undefined), u.result]);
    return { ok: true, value: null };
  });

  ipcMain.handle(UPLOAD_CHANNELS.end, async (event, ticket) => {
    if (!isTrustedSender(event, isAppUrl)) return refuse();
    if (!validTicket(ticket)) return fail('validation', '上传的数据格式不正确。');
    // An empty file sends no chunk: start its import here.
    const u = uploads.get(ticket) ?? {
      queue: new ChunkQueue(),
      abort: new AbortController(),
      result: null as unknown as Promise<Result<unknown>>,
    };
    if (!uploads.has(ticket)) u.result = runImport(ticket, u.queue, u.abort.signal);
    u.queue.end();
    const r = await u.result;
    uploads.delete(ticket);
    return r;
  });

  ipcMain.handle(UPLOAD_CHANNELS.abort, async (event, ticket) => {
    if (!isTrustedSender(event, isAppUrl)) return refuse();
    const u = validTicket(ticket) ? uploads.get(ticket) : undefined;
    if (u) {
      u.abort.abort();
      u.queue.fail(new Error('导入已取消，未保存任何内容。'));
      await u.result;
      uploads.delete(ticket as string);
    }
    return { ok: true, value: null };
  });
}
