// The capture path of the desktop capture browser, run for real: Debian's Chromium shows a page
// served on loopback; the same CDP capture code the desktop window uses takes a full-page PNG
// and an MHTML archive; both become evidence listed in the 电子取证工作记录 with their steps.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturePage } from '../../core/evidence/cdp-capture.ts';
import { recordCapture } from '../../core/evidence/record-capture.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { makeCore, orgCaseInput, setUpPair, type TestCore } from '../support/core-fixture.ts';

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>星河资讯 - 首页</title></head>
<body style="margin:0"><h1>星河资讯</h1>${Array.from({ length: 120 }, (_, i) => `<p style="height:30px">第${i + 1}条：违规内容示例</p>`).join('')}</body></html>`;

let server: Server;
let url: string;
let browser: Browser;
let t: TestCore;

beforeAll(async () => {
  server = createServer((_q, s) => s.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/news/`;
  browser = await launchBrowser();
  t = makeCore();
  await setUpPair(t);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
  t?.dispose();
});

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('capture browser (core part, real Chromium over CDP)', () => {
  it('captures a full page and its archive as evidence with steps', async () => {
    const ids = (await t.must('officers.list', {})).map((o) => o.id);
    const caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
    const docId = (await t.must('documents.create', { caseId, type: 'evidence' })).id;
    const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
    await page.goto(url);
    const cdp = await page.context().newCDPSession(page);
    const captured = await capturePage(
      (m, p) => cdp.send(m as never, p as never) as Promise<unknown>,
      () => new Date('2026-11-20T01:10:00Z'),
    );
    expect(captured).toMatchObject({ url, title: '星河资讯 - 首页' });
    expect(captured.browser).toMatch(/Chrom/);
    expect(captured.screenshotPng.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(pngSize(captured.screenshotPng).height).toBeGreaterThan(3000); // the whole page, not the 600 px viewport
    expect(captured.archiveMhtml.toString()).toMatch(/multipart\/related/);
    expect(captured.archiveMhtml.toString()).toContain(url);

    const items = await recordCapture(t.core, { caseId, documentId: docId, officerIds: ids }, captured);
    expect(items.map((i) => [i.meta.category, i.format])).toEqual([
      ['截图', 'PNG'],
      ['网页', 'MHTML'],
    ]);
    expect(items[0]!.fileName).toBe('127.0.0.1:' + new URL(url).port + '-202611200910-整页截图.png');
    const doc = await t.must('documents.get', { id: docId });
    const steps = (doc.content.steps as { text: string; auto: boolean }[]).filter((s) => s.auto);
    expect(steps).toHaveLength(2);
    expect(steps[0]!.text).toContain(`打开 ${url}（页面标题「星河资讯 - 首页」），截取整页截图`);
    expect(steps[1]!.text).toContain('保存网页存档（MHTML）');
    expect((doc.content.items as unknown[]).length).toBe(2);
    expect((await t.core.evidence.reverify({ caseId })).failures).toEqual([]);
    // Each captured file is in the case's audit log, with the record it went into.
    const audited = (await t.must('audit.list', { caseId })).filter((r) => r.action === 'evidence-capture');
    expect(audited.map((r) => r.targets)).toEqual(items.map((i) => [i.id, docId]));
  });

  it('through the API: capture.open and capture.take with a host (here Chromium; on the desktop, the capture window)', async () => {
    const ids = (await t.must('officers.list', {})).map((o) => o.id);
    const caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59', { title: '取证浏览器案' }))).id;
    const docId = (await t.must('documents.create', { caseId, type: 'evidence' })).id;
    // Without a host (the web shell) the calls say where capture is available.
    const none = await t.call('capture.open', { caseId, documentId: docId, url });
    expect(none).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    if (!none.ok) expect(none.error.message).toMatch(/仅在桌面版中提供/);
    expect(await t.call('capture.open', { caseId, documentId: docId, url: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });

    const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
    let session: CDPSession | null = null;
    t.core.captureHost = {
      open: async (u) => void (await page.goto(u)),
      cdp: async () => {
        session ??= await page.context().newCDPSession(page);
        const s = session;
        return (m, p) => s.send(m as never, p as never) as Promise<unknown>;
      },
      close: () => void page.close(),
    };
    await t.must('capture.open', { caseId, documentId: docId, url });
    const items = await t.must('capture.take', {});
    expect(items).toHaveLength(2);
    expect((await t.must('evidence.list', { caseId })).map((e) => e.format)).toEqual(['PNG', 'MHTML']);
    await t.must('capture.close', {});
    t.core.captureHost = null;
  });
});
