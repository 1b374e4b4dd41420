// The import's error paths as the app meets them, through the real web shell (HTTP) and the
// desktop upload bridge (a fake ipcMain, the renderer's own uploader, Node's file-backed Blob,
// which fails like Chromium's when the file changes): an upload cut off by the client, an upload
// whose bytes stop arriving, a file changed or deleted while it is sent — each leaves nothing
// behind. Then the same bytes again (same case: refused, naming the earlier item and its record;
// another case: imported, with a notice naming the case), and re-verification of the whole device.
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, openAsBlob, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/api/dispatch.ts';
import { runImport } from '../../core/evidence/run-import.ts';
import type { InvokeEventLike } from '../../electron/ipc-bridge.ts';
import { isAppUrl } from '../../electron/app-origin.ts';
import { registerUploads, UPLOAD_CHANNELS } from '../../electron/upload-bridge.ts';
import { ipcUploader, READ_FAILED, type PreloadUpload } from '../../renderer/api/ipc-uploader.ts';
import type { ImportedEvidence } from '../../shared/evidence/evidence-schema.ts';
import { startWebShell, TOKEN_HEADER, type WebShell } from '../../web-shell/web-shell-server.ts';
import { makeCore, orgCaseInput, setUpPair, type TestCore } from '../support/core-fixture.ts';

/** Short, so that the stalled uploads below are refused quickly; real uploads never pause this long. */
const IDLE_MS = 2000;

let t: TestCore;
let shell: WebShell;
let ids: string[];
let caseId: string;
let docId: string;
const work = mkdtempSync(join(tmpdir(), 'import-edges-'));
writeFileSync(join(work, 'index.html'), '<!doctype html>');
const meta = { category: '录屏' as const, source: '执法记录仪', method: '复制' };

beforeAll(async () => {
  t = makeCore();
  await setUpPair(t);
  ids = (await t.must('officers.list', {})).map((o) => o.id);
  caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
  docId = (await t.must('documents.create', { caseId, type: 'evidence' })).id;
  shell = await startWebShell({
    api: {
      dispatch: (n, a) => dispatch(t.core, n, a),
      upload: (tk, b, sig) => runImport(t.core, tk, b, sig, { idleMs: IDLE_MS }),
    },
    log: t.core.log,
    rendererDir: work,
    port: 0,
  });
});
afterAll(async () => {
  await shell.close();
  t.dispose();
  rmSync(work, { recursive: true, force: true });
});

const ticketFor = async (fileName: string, size: number, kase = caseId, documentId = docId) =>
  (await t.must('evidence.beginImport', { caseId: kase, documentId, fileName, sizeBytes: size, meta })).ticket;
const tempFiles = () => readdirSync(t.core.evidence.blobs.tmpDir);
const auditImports = () => t.core.audit.rows().filter((r) => r.action === 'evidence-import').length;
const recordItems = async () => ((await t.must('documents.get', { id: docId })).content.items as unknown[]).length;
async function until(what: string, cond: () => boolean, ms = 15_000): Promise<void> {
  for (const end = Date.now() + ms; !cond();) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** An HTTP PUT of `announced` bytes of which only `sent` are written; the request stays open. */
function partialUpload(ticket: string, announced: number, sent: Buffer) {
  const req = request(`${shell.origin}/upload/${ticket}`, {
    method: 'PUT',
    headers: { [TOKEN_HEADER]: shell.token, 'content-length': String(announced) },
  });
  const response = new Promise<{ ok: boolean; error?: { message: string } }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve(JSON.parse(body) as { ok: boolean; error?: { message: string } }));
    });
    req.on('error', reject);
  });
  req.write(sent);
  return { req, response };
}

describe('uploads that do not finish leave nothing behind', () => {
  it('web shell: the client cuts the upload off mid-way: the temp file goes at once, no item, the ticket is spent', async () => {
    const before = {
      items: (await t.must('evidence.list', { caseId })).length,
      audit: auditImports(),
      record: await recordItems(),
    };
    const ticket = await ticketFor('中断.mp4', 8 * 1024 * 1024);
    const { req, response } = partialUpload(ticket, 8 * 1024 * 1024, randomBytes(2 * 1024 * 1024));
    response.catch(() => undefined);
    await until('the import to start writing its temp file', () => tempFiles().length === 1);
    req.destroy(); // as a browser tab closed mid-upload
    await until('the cut-off import to discard its temp file', () => tempFiles().length === 0);
    expect((await t.must('evidence.list', { caseId })).length).toBe(before.items);
    expect(t.core.evidence.blobs.list()).toHaveLength(before.items);
    expect(auditImports()).toBe(before.audit);
    expect(await recordItems()).toBe(before.record);
    const again = (await (
      await fetch(`${shell.origin}/upload/${ticket}`, {
        method: 'PUT',
        headers: { [TOKEN_HEADER]: shell.token },
        body: new Uint8Array(1),
      })
    ).json()) as { ok: boolean; error: { message: string } };
    expect(again).toMatchObject({ ok: false, error: { message: expect.stringMatching(/只能使用一次/) } });
  });

  it('web shell: bytes that stop arriving (connection left open) are refused after the idle limit, nothing kept', async () => {
    const before = (await t.must('evidence.list', { caseId })).length;
    const ticket = await ticketFor('停滞.mp4', 4 * 1024 * 1024);
    const started = Date.now();
    const { req, response } = partialUpload(ticket, 4 * 1024 * 1024, randomBytes(1024 * 1024));
    const r = await response;
    req.destroy();
    expect(r).toEqual({
      ok: false,
      error: {
        kind: 'io',
        message: '超过 2 秒没有收到文件数据，导入已中止，未保存任何内容。请确认文件可以读取后重新导入。',
      },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(IDLE_MS - 50);
    await until('the stalled import to discard its temp file', () => tempFiles().length === 0);
    expect((await t.must('evidence.list', { caseId })).length).toBe(before);
  });

  describe('desktop (IPC bridge and the renderer uploader)', () => {
    const app: InvokeEventLike = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
    let preload: PreloadUpload;
    beforeAll(() => {
      const handlers = new Map<string, (e: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
      registerUploads(
        { handle: (ch, l) => void handlers.set(ch, l) },
        (ticket, bytes, signal) => runImport(t.core, ticket, bytes, signal, { idleMs: IDLE_MS }),
        isAppUrl,
      );
      const send = (ch: string, ...args: unknown[]) => handlers.get(ch)!(app, ...args) as never;
      preload = {
        chunk: (tk, b) => send(UPLOAD_CHANNELS.chunk, tk, b),
        end: (tk) => send(UPLOAD_CHANNELS.end, tk),
        abort: (tk) => send(UPLOAD_CHANNELS.abort, tk),
      };
    });

    it('a file changed while it is sent: the Chinese read error, the import aborted, nothing stored', async () => {
      const path = join(work, '录屏-变化.mp4');
      writeFileSync(path, randomBytes(5 * 1024 * 1024));
      const file = await openAsBlob(path);
      const before = {
        items: (await t.must('evidence.list', { caseId })).length,
        audit: auditImports(),
        record: await recordItems(),
        blobs: t.core.evidence.blobs.list().length,
      };
      const ticket = await ticketFor('录屏-变化.mp4', file.size);
      let sent = 0;
      const r = await ipcUploader(preload)(
        ticket,
        file,
        (n) => {
          if (sent === 0) appendFileSync(path, '再写入的内容'); // the recorder is still writing to it
          sent = n;
        },
        new AbortController().signal,
      );
      expect(r).toEqual(READ_FAILED);
      expect(READ_FAILED.ok || READ_FAILED.error.message).toBe(
        '读取文件失败：文件在导入过程中被修改、移动或删除，本件电子数据没有保存。请确认文件未被占用、不再变化后重新导入。',
      );
      expect(sent).toBe(1024 * 1024); // one chunk went through before the read failed
      // The abort is answered only once the core has dropped the import: nothing is left now.
      expect(tempFiles()).toEqual([]);
      expect((await t.must('evidence.list', { caseId })).length).toBe(before.items);
      expect(t.core.evidence.blobs.list()).toHaveLength(before.blobs);
      expect(auditImports()).toBe(before.audit);
      expect(await recordItems()).toBe(before.record);
    });

    it('a file deleted before it is sent: the same read error, nothing stored', async () => {
      const path = join(work, '已删除.log');
      writeFileSync(path, randomBytes(300_000));
      const file = await openAsBlob(path);
      rmSync(path);
      const before = (await t.must('evidence.list', { caseId })).length;
      const r = await ipcUploader(preload)(
        await ticketFor('已删除.log', file.size),
        file,
        () => undefined,
        new AbortController().signal,
      );
      expect(r).toEqual(READ_FAILED);
      expect(tempFiles()).toEqual([]);
      expect((await t.must('evidence.list', { caseId })).length).toBe(before);
    });

    it('a renderer that stops sending is refused after the idle limit; its temp file is removed without waiting for a restart', async () => {
      const ticket = await ticketFor('停止发送.mp4', 3 * 1024 * 1024);
      expect(await preload.chunk(ticket, new Uint8Array(randomBytes(1024 * 1024)))).toMatchObject({ ok: true });
      expect(tempFiles()).toHaveLength(1);
      await until('the idle import to be refused and cleaned up', () => tempFiles().length === 0, IDLE_MS + 10_000);
      // When the renderer comes back, it is told why.
      expect(await preload.end(ticket)).toMatchObject({
        ok: false,
        error: { kind: 'io', message: expect.stringMatching(/^超过 2 秒没有收到文件数据，导入已中止，未保存任何内容/) },
      });
    });

    it('an unchanged file imports through the same path', async () => {
      const path = join(work, '正常.mp4');
      writeFileSync(path, randomBytes(2 * 1024 * 1024 + 7));
      const r = await ipcUploader(preload)(
        await ticketFor('正常.mp4', 2 * 1024 * 1024 + 7),
        await openAsBlob(path),
        () => undefined,
        new AbortController().signal,
      );
      expect(r).toMatchObject({
        ok: true,
        value: { sha256: createHash('sha256').update(readFileSync(path)).digest('hex') },
      });
    });
  });
});

const beijingMinute = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );
const putWhole = async (ticket: string, body: Uint8Array) =>
  (await (
    await fetch(`${shell.origin}/upload/${ticket}`, { method: 'PUT', headers: { [TOKEN_HEADER]: shell.token }, body })
  ).json()) as { ok: true; value: ImportedEvidence } | { ok: false; error: { kind: string; message: string } };

describe('the same bytes imported again', () => {
  it('in the same case: refused, naming the earlier item, when it was imported and the record that lists it', async () => {
    const bytes = randomBytes(40_000);
    const first = await putWhole(await ticketFor('首页截图.png', bytes.length), bytes);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.notice).toBeUndefined();
    const doc = await t.must('documents.get', { id: docId });
    const position =
      (doc.content.items as { evidenceId: string }[]).findIndex((i) => i.evidenceId === first.value.id) + 1;
    const before = {
      items: (await t.must('evidence.list', { caseId })).length,
      record: await recordItems(),
      audit: auditImports(),
    };
    const again = await putWhole(await ticketFor('首页截图-副本.png', bytes.length), bytes);
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.error.kind).toBe('conflict');
    // The time as officers read it (Beijing), not the stored UTC.
    expect(again.error.message).toBe(
      `本案已导入过完全相同的内容：「首页截图.png」（${beijingMinute(first.value.collectedAt)} 导入，列于电子取证工作记录（${doc.docNo}）的电子数据清单第 ${position} 项，SHA-256 ${first.value.sha256.slice(0, 16)}…）。无需重复导入；如需引用，请使用该件。`,
    );
    expect({
      items: (await t.must('evidence.list', { caseId })).length,
      record: await recordItems(),
      audit: auditImports(),
    }).toEqual(before);
    expect(tempFiles()).toEqual([]);
  });

  it('in another case: imported as that case’s own item, the bytes stored once, with a notice naming the earlier case and item', async () => {
    const other = await t.must('cases.create', orgCaseInput(ids, 'csl-59'));
    const otherDoc = (await t.must('documents.create', { caseId: other.id, type: 'evidence' })).id;
    const first = (await t.must('cases.get', { id: caseId })).caseNo;
    const bytes = randomBytes(60_000);
    const a = await putWhole(await ticketFor('聊天记录导出.db', bytes.length), bytes);
    if (!a.ok) throw new Error(a.error.message);
    const blobs = t.core.evidence.blobs.list().length;
    const b = await putWhole(await ticketFor('对方提供的聊天记录.db', bytes.length, other.id, otherDoc), bytes);
    if (!b.ok) throw new Error(b.error.message);
    expect(b.value).toMatchObject({
      caseId: other.id,
      fileName: '对方提供的聊天记录.db',
      sha256: a.value.sha256,
      sm3: a.value.sm3,
    });
    expect(b.value.id).not.toBe(a.value.id);
    expect(b.value.notice).toBe(
      `相同内容（SHA-256 完全一致）此前已作为案件 ${first} 的「聊天记录导出.db」（${beijingMinute(a.value.collectedAt)} 导入）导入。本件已作为本案的一件电子数据保存，内容在本机只存储一份。`,
    );
    expect(t.core.evidence.blobs.list()).toHaveLength(blobs); // stored once
    expect((await t.must('evidence.list', { caseId: other.id })).map((e) => e.fileName)).toEqual([
      '对方提供的聊天记录.db',
    ]);
    expect(
      ((await t.must('documents.get', { id: otherDoc })).content.items as { evidenceId: string }[]).map(
        (i) => i.evidenceId,
      ),
    ).toEqual([b.value.id]);
    // Both verify, from the one stored copy.
    expect((await t.must('evidence.reverify', { caseId: other.id })).failures).toEqual([]);
  });
});

describe('re-verification of the whole device (工作台: 全部重新核验)', () => {
  it('re-hashes every item of every case and names each failure with its case; one officer is enough', async () => {
    const second = await t.must('cases.create', orgCaseInput(ids, 'csl-59'));
    const secondNo = (await t.must('cases.get', { id: second.id })).caseNo;
    const firstNo = (await t.must('cases.get', { id: caseId })).caseNo;
    const damaged = randomBytes(30_000);
    const gone = randomBytes(20_000);
    const d = await putWhole(await ticketFor('后台日志.txt', damaged.length), damaged);
    const g = await putWhole(await ticketFor('网页存档.mhtml', gone.length, second.id, ''), gone);
    if (!d.ok || !g.ok) throw new Error('setup import failed');
    const total = t.core.db.prepare('SELECT COUNT(*) AS n FROM evidence').get() as { n: number };
    expect(await t.must('evidence.reverifyAll', {})).toEqual({ checked: total.n, failures: [] });
    const blob = t.core.evidence.blobs.pathOf(d.value.sha256);
    const stored = readFileSync(blob);
    stored[200]! ^= 0x01;
    writeFileSync(blob, stored);
    t.core.evidence.blobs.remove(g.value.sha256);
    await t.must('session.signOut', { officerId: ids[1]! });
    const report = await t.must('evidence.reverifyAll', {});
    await t.must('session.signIn', { certNo: '45020019002', password: 'field2026b' });
    expect(report.checked).toBe(total.n);
    expect(report.failures.map((f) => [f.caseNo, f.fileName, f.status])).toEqual(
      [
        [firstNo, '后台日志.txt', 'mismatch'],
        [secondNo, '网页存档.mhtml', 'missing'],
      ].sort((x, y) => x[0]!.localeCompare(y[0]!)),
    );
    expect(report.failures.find((f) => f.fileName === '后台日志.txt')).toMatchObject({
      caseId,
      id: d.value.id,
      detail: '「后台日志.txt」第 1 段（字节 0–29999）校验失败：内容被篡改或存储介质损坏。',
    });
    expect(report.failures.find((f) => f.fileName === '网页存档.mhtml')).toMatchObject({
      caseId: second.id,
      detail: '「网页存档.mhtml」的内容文件在本机存储中找不到。',
    });
    // The per-case run still covers one case only.
    expect((await t.must('evidence.reverify', { caseId: second.id })).failures.map((f) => f.fileName)).toEqual([
      '网页存档.mhtml',
    ]);
    expect(await t.call('evidence.reverify', { caseId: 'no-such-case' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  it('nobody signed in: refused', async () => {
    for (const id of ids) await t.must('session.signOut', { officerId: id });
    expect(await t.call('evidence.reverifyAll', {})).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
  });
});
