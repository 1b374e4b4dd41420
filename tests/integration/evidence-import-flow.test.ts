// The import as the renderer does it: evidence.beginImport (checked by the contract), then the
// bytes streamed to the web shell against the ticket; the item lands in the 电子取证工作记录's
// 电子数据清单 with an automatic procedure step, in the same transaction.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/api/dispatch.ts';
import { runImport } from '../../core/evidence/run-import.ts';
import { startWebShell, TOKEN_HEADER, type WebShell } from '../../web-shell/web-shell-server.ts';
import { makeCore, orgCaseInput, setUpPair, type TestCore } from '../support/core-fixture.ts';

let t: TestCore;
let shell: WebShell;
let caseId: string;
let docId: string;
const renderer = mkdtempSync(join(tmpdir(), 'renderer-'));
writeFileSync(join(renderer, 'index.html'), '<!doctype html>');

beforeAll(async () => {
  t = makeCore();
  await setUpPair(t);
  const ids = (await t.must('officers.list', {})).map((o) => o.id);
  caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
  docId = (await t.must('documents.create', { caseId, type: 'evidence' })).id;
  shell = await startWebShell({
    api: { dispatch: (n, a) => dispatch(t.core, n, a), upload: (tk, b, sig) => runImport(t.core, tk, b, sig) },
    log: t.core.log,
    rendererDir: renderer,
    port: 0,
  });
});
afterAll(async () => {
  await shell.close();
  t.dispose();
  rmSync(renderer, { recursive: true, force: true });
});

const upload = async (ticket: string, body: Uint8Array) =>
  (await (
    await fetch(`${shell.origin}/upload/${ticket}`, { method: 'PUT', headers: { [TOKEN_HEADER]: shell.token }, body })
  ).json()) as { ok: boolean; value: { id: string; sha256: string; sm3: string }; error: { message: string } };

const meta = { category: '截图' as const, source: 'https://www.xinghe-news.cn/admin/', method: '屏幕截图' };

describe('evidence import through the web shell', () => {
  it('imports, lists the item in the record with an automatic step, and refuses a reused ticket', async () => {
    const bytes = randomBytes(2_500_000);
    const { ticket } = await t.must('evidence.beginImport', {
      caseId,
      documentId: docId,
      fileName: '后台截图.png',
      sizeBytes: bytes.length,
      meta,
    });
    const r = await upload(ticket, bytes);
    expect(r.ok).toBe(true);
    expect(r.value.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const doc = await t.must('documents.get', { id: docId });
    const items = doc.content.items as { name: string; sha256: string; sm3: string; evidenceId: string }[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      name: '后台截图.png',
      sha256: r.value.sha256,
      sm3: r.value.sm3,
      evidenceId: r.value.id,
    });
    const steps = doc.content.steps as { text: string; auto: boolean }[];
    expect(steps.at(-1)).toMatchObject({ auto: true });
    expect(steps.at(-1)!.text).toContain(r.value.sha256);
    expect((await t.must('cases.get', { id: caseId })).events.map((e) => e.text)).toContain(
      `导入电子数据「后台截图.png」，SHA-256 ${r.value.sha256}`,
    );
    // the digests of a file-backed row cannot be edited away
    const tampered = { ...doc.content, items: items.map((it) => ({ ...it, sha256: 'f'.repeat(64) })) };
    const refused = await t.call('documents.save', { id: docId, revision: doc.revision, content: tampered });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'integrity' } });
    const again = await upload(ticket, bytes);
    expect(again.ok).toBe(false);
    expect(again.error.message).toMatch(/只能使用一次/);
  });

  it('a body shorter than announced is refused and nothing is kept', async () => {
    const before = (await t.must('evidence.list', { caseId })).length;
    const { ticket } = await t.must('evidence.beginImport', {
      caseId,
      fileName: 'short.log',
      sizeBytes: 1000,
      meta: { ...meta, category: '日志' },
    });
    const r = await upload(ticket, randomBytes(500));
    expect(r.ok).toBe(false);
    expect(r.error.message).toMatch(/数据不完整/);
    expect((await t.must('evidence.list', { caseId })).length).toBe(before);
    expect(readdirSync(t.core.evidence.blobs.tmpDir)).toEqual([]);
    // the blob put in place before the refusal is taken back at once
    const names = new Set(
      (await t.must('evidence.list', { caseId })).map((e) => t.core.evidence.blobs.nameOf(e.sha256)),
    );
    expect(t.core.evidence.blobs.list().filter((n) => !names.has(n))).toEqual([]);
  });

  it('one officer alone cannot import; bad metadata is refused at the contract', async () => {
    const bad = await t.call('evidence.beginImport', { caseId, fileName: '../etc/passwd', sizeBytes: 1, meta });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.fileName).toMatch(/路径分隔符/);
    const copyWithoutDetails = await t.call('evidence.beginImport', {
      caseId,
      fileName: 'copy.png',
      sizeBytes: 1,
      meta: { ...meta, original: false },
    });
    expect(copyWithoutDetails.ok).toBe(false);
    if (!copyWithoutDetails.ok)
      expect(copyWithoutDetails.error.fields).toMatchObject({
        'meta.copy.method': '复制件须注明制作方法。',
        'meta.copy.madeAt': '复制件须注明制作时间。',
        'meta.copy.madeBy': '复制件须注明制作人。',
      });
    const noCategory = await t.call('evidence.beginImport', {
      caseId,
      fileName: 'a.png',
      sizeBytes: 1,
      meta: { source: '' } as never,
    });
    expect(noCategory.ok).toBe(false);
    const ids = (await t.must('officers.list', {})).map((o) => o.id);
    await t.must('session.signOut', { officerId: ids[1]! });
    expect(await t.call('evidence.beginImport', { caseId, fileName: 'a.png', sizeBytes: 1, meta })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });
});
