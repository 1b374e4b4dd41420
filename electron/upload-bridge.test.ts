// The desktop upload path with a fake ipcMain (no Electron binary here) and a real core: chunks
// from the app's page stream into the same one-pass import; foreign senders are refused; a
// cancel mid-way leaves nothing behind.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../core/evidence/run-import.ts';
import { makeCore, orgCaseInput, setUpPair, type TestCore } from '../tests/support/core-fixture.ts';
import { isAppUrl } from './app-origin.ts';
import type { InvokeEventLike } from './ipc-bridge.ts';
import { registerUploads, UPLOAD_CHANNELS } from './upload-bridge.ts';

let t: TestCore;
let caseId: string;
let handlers: Map<string, (e: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>;
const app: InvokeEventLike = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
const foreign: InvokeEventLike = { senderFrame: { url: 'https://evil.example/', parent: null } };

beforeEach(async () => {
  t = makeCore();
  await setUpPair(t);
  const ids = (await t.must('officers.list', {})).map((o) => o.id);
  caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
  handlers = new Map();
  registerUploads(
    { handle: (ch, l) => void handlers.set(ch, l) },
    (ticket, bytes, signal) => runImport(t.core, ticket, bytes, signal),
    isAppUrl,
  );
});
afterEach(() => t.dispose());

const ticketFor = async (size: number) =>
  (
    await t.must('evidence.beginImport', {
      caseId,
      fileName: 'recording.mp4',
      sizeBytes: size,
      meta: { category: '录屏' },
    })
  ).ticket;
const send = (ch: string, e: InvokeEventLike, ...args: unknown[]) =>
  handlers.get(ch)!(e, ...args) as Promise<{
    ok: boolean;
    value?: { sha256: string; sizeBytes: number };
    error?: { kind: string; message: string };
  }>;

describe('desktop upload bridge', () => {
  it('streams chunks into the import and returns the item with its digests', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 123);
    const ticket = await ticketFor(bytes.length);
    for (let off = 0; off < bytes.length; off += 1 << 20)
      expect(
        (await send(UPLOAD_CHANNELS.chunk, app, ticket, new Uint8Array(bytes.subarray(off, off + (1 << 20))))).ok,
      ).toBe(true);
    const r = await send(UPLOAD_CHANNELS.end, app, ticket);
    expect(r.ok).toBe(true);
    expect(r.value!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect((await t.must('evidence.list', { caseId })).map((e) => e.sizeBytes)).toEqual([bytes.length]);
  });

  it('an empty file imports too', async () => {
    const ticket = await ticketFor(0);
    const r = await send(UPLOAD_CHANNELS.end, app, ticket);
    expect(r).toMatchObject({
      ok: true,
      value: { sizeBytes: 0, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    });
  });

  it('refuses senders other than the app page, and malformed chunks', async () => {
    const ticket = await ticketFor(10);
    expect(await send(UPLOAD_CHANNELS.chunk, foreign, ticket, new Uint8Array(10))).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await send(UPLOAD_CHANNELS.chunk, app, ticket, 'not bytes')).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await send(UPLOAD_CHANNELS.chunk, app, '../x', new Uint8Array(1))).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await t.must('evidence.list', { caseId })).toEqual([]);
  });

  it('a cancel mid-way stores nothing and leaves no temp file', async () => {
    const ticket = await ticketFor(4 * 1024 * 1024);
    await send(UPLOAD_CHANNELS.chunk, app, ticket, new Uint8Array(randomBytes(1 << 20)));
    await send(UPLOAD_CHANNELS.abort, app, ticket);
    expect(await t.must('evidence.list', { caseId })).toEqual([]);
    expect(readdirSync(t.core.evidence.blobs.tmpDir)).toEqual([]);
    expect(t.core.evidence.blobs.list()).toEqual([]);
  });
});
