// Browser-side snippets see the page through PageView (this file is compiled without DOM types).
// sign-capture-roundtrip: from pen-up to the signature stored and bound, on the real signing
// screen of the web shell in Chromium, for a 20-page 询问笔录 signed page by page by the
// interviewee. Each page's signature is drawn on the pad with the mouse (the strokes of a synthetic
// 3-character signature); the last pen-up starts the clock inside the page and 确认签名 is pressed
// at once, so the figure holds everything the app does from there: signature_pad's toData and
// toDataURL (PNG encoding), the stroke conversion, the request, the web shell (validation, the
// document re-hashed and checked against its frozen hash, binding, one transaction, the new
// signing state back) and React applying that state, until the page's slot shows the signature
// and its 签名 button is gone. Not in it: the signer's own time between lifting the pen and
// pressing 确认 (here the confirm button is clicked programmatically right after the pen-up
// event's dispatch), the input latency before pointerup reaches the page, the paint of the frame
// that shows the DOM change (at most one frame), the dialog's closing animation and the toast.
// Reference: a bare SQLite INSERT of the same image and stroke bytes the page sent, with the same
// durability (WAL, synchronous=FULL), same run.
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { syntheticSignature } from '../scripts/demo-signatures.ts';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { startShell } from '../tests/e2e/support/web-shell-process.ts';
import { dataFolderWithInquiry } from './fixtures.ts';
import { openAsPair } from './browser-session.ts';
import { median, result, type Benchmark } from './harness.ts';

interface El {
  click(): void;
  disabled?: boolean;
  width?: number;
}
/** What the in-page probe records for the slot being signed: page-clock times (performance.now()). */
interface Probe {
  /** The slot key (`interviewee@3`) whose next pen-up starts the clock; null when not armed. */
  armed: string | null;
  t0: number | null;
  t1: number | null;
  /** The signing.sign request's fetch() call and last response byte (Resource Timing): for the breakdown only. */
  sent: number | null;
  answered: number | null;
  answerBytes: number | null;
}
interface PageView {
  document: {
    body: unknown;
    querySelector(s: string): El | null;
    querySelectorAll(s: string): { length: number };
    getAnimations(): unknown[];
  };
  performance: {
    now(): number;
    clearResourceTimings(): void;
    getEntriesByType(t: string): { name: string; startTime: number; responseEnd: number; decodedBodySize: number }[];
  };
  addEventListener(type: string, cb: () => void, opts: { capture: boolean }): void;
  setTimeout(cb: () => void, ms: number): void;
  MutationObserver: new (cb: () => void) => {
    observe(target: unknown, opts: { childList: boolean; subtree: boolean }): void;
    disconnect(): void;
  };
  __signBench?: Probe;
}

const PAIRS = 106; // 20 printed pages
const SIGNER = '张𠮷㵘';

/**
 * Once per page: on an armed pen-up, a capture listener on the window (the first script to see
 * the event) takes t0 and clicks 确认签名 in the next task — after signature_pad's own pointerup
 * handler, which it registers on the window at pen-down, has ended the stroke. A MutationObserver
 * takes t1 at the first DOM change where the slot's 签名 button is gone and its signature image
 * is on the review page: the signing.sign answer has arrived and React has applied it.
 */
function installProbe(page: Page) {
  return page.evaluate(() => {
    const w = globalThis as unknown as PageView;
    const probe: Probe = { armed: null, t0: null, t1: null, sent: null, answered: null, answerBytes: null };
    w.__signBench = probe;
    w.addEventListener(
      'pointerup',
      () => {
        const key = probe.armed;
        if (!key) return;
        probe.armed = null;
        probe.t0 = w.performance.now();
        const d = w.document;
        const slotId = key.split('@')[0]!;
        const shown = () =>
          !d.querySelector(`[data-testid="sign-${key}"]`) &&
          !!d.querySelector(
            `[data-testid="review-page"] [data-testid="slot-${slotId}"] [data-testid="slot-signature"]`,
          );
        const observer = new w.MutationObserver(() => {
          if (probe.t1 !== null || !shown()) return;
          probe.t1 = w.performance.now();
          observer.disconnect();
          const req = w.performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/signing.sign'));
          if (req)
            Object.assign(probe, { sent: req.startTime, answered: req.responseEnd, answerBytes: req.decodedBodySize });
        });
        observer.observe(d.body, { childList: true, subtree: true });
        w.setTimeout(() => d.querySelector('[data-testid="sign-confirm"]')!.click(), 0);
      },
      { capture: true },
    );
  });
}

/** Draws the synthetic signature's strokes on the pad (scaled ×2); the last pen-up is armed. */
async function drawAndConfirm(page: Page, key: string, seed: number): Promise<number> {
  await page.waitForFunction(() => {
    const d = (globalThis as unknown as PageView).document;
    return d.getAnimations().length === 0 && (d.querySelector('[data-testid="signature-pad"]')?.width ?? 0) > 0;
  });
  const box = (await page.getByTestId('signature-pad').boundingBox())!;
  const { strokes } = syntheticSignature(SIGNER, seed);
  for (const [i, stroke] of strokes.entries()) {
    const last = i === strokes.length - 1;
    const at = (p: readonly number[]) => [box.x + 40 + p[0]! * 2, box.y + 10 + p[1]! * 2] as const;
    if (last) {
      // The button is enabled by the earlier strokes; the probe presses it at the last pen-up.
      await page.waitForFunction(
        () =>
          (globalThis as unknown as PageView).document.querySelector('[data-testid="sign-confirm"]')?.disabled ===
          false,
      );
      await page.evaluate((k) => {
        const w = globalThis as unknown as PageView;
        w.performance.clearResourceTimings();
        Object.assign(w.__signBench!, { armed: k, t0: null, t1: null, sent: null, answered: null, answerBytes: null });
      }, key);
    }
    await page.mouse.move(...at(stroke[0]!));
    await page.mouse.down();
    for (const p of stroke.slice(1)) await page.mouse.move(...at(p));
    await page.mouse.up();
  }
  return strokes.length;
}

export const signCaptureRoundtrip: Benchmark = {
  name: 'sign-capture-roundtrip',
  description:
    'sign each page of a 20-page 询问笔录 on the signing screen in Chromium (pen-up on the pad → slot shown signed; the signer’s pause before 确认 not included)',
  async run() {
    const fx = await dataFolderWithInquiry(PAIRS);
    const shell = await startShell(fx.dir);
    const browser = await launchBrowser();
    const url = new URL(shell.url);
    const token = url.hash.replace('#token=', '');
    const call = async (name: string, arg: unknown) => {
      const r = await fetch(`${url.origin}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-token': token },
        body: JSON.stringify(arg),
      });
      const j = (await r.json()) as { ok: boolean; value: Record<string, unknown>; error?: { message: string } };
      if (!j.ok) throw new Error(`${name}: ${j.error?.message}`);
      return j.value;
    };
    const times: number[] = [];
    const split = { before: [] as number[], request: [] as number[], after: [] as number[], answerKib: [] as number[] };
    const payloads: { png: Buffer; strokes: string; count: number }[] = [];
    const drawn: number[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
      page.setDefaultTimeout(30_000);
      // The bytes the page sends, read from the browser's network events (no interception, nothing added to the path).
      page.on('request', (r) => {
        if (!r.url().endsWith('/api/signing.sign')) return;
        const body = r.postDataJSON() as { imagePngBase64: string; strokes: unknown[] };
        payloads.push({
          png: Buffer.from(body.imagePngBase64, 'base64'),
          strokes: JSON.stringify(body.strokes),
          count: body.strokes.length,
        });
      });
      // The set-up device starts locked: the first officer unlocks it (which signs them in), the second signs in.
      await openAsPair(page, shell.url);
      await call('documents.markReady', { id: fx.docId });
      const state = (await call('signing.state', { id: fx.docId })) as {
        required: { slotId: string; page: number | null }[];
      };
      const pages = state.required.filter((s) => s.slotId === 'interviewee' && s.page !== null).map((s) => s.page!);
      // To the signing screen as an officer gets there: the case, the document, 签名; a sitting without recording.
      await page.getByTestId('nav-cases').click();
      await page.getByTestId('case-row').first().click();
      await page.getByTestId('doc-row').first().click();
      await page.getByTestId('doc-sign').click();
      await page.getByTestId('signing-view').waitFor();
      await page.getByTestId('record-toggle').click();
      await page.getByTestId('no-record-reason').fill('基准测试，未录像');
      await page.getByTestId('signing-start').click();
      await installProbe(page);
      for (const [i, n] of pages.entries()) {
        if (i > 0) await page.getByTestId('page-next').click();
        const key = `interviewee@${n}`;
        await page.getByTestId(`sign-${key}`).click();
        await page.getByTestId('signature-pad').waitFor();
        await page.getByTestId('sign-name').fill(SIGNER);
        drawn.push(await drawAndConfirm(page, key, i + 1));
        await page.waitForFunction(() => {
          const w = globalThis as unknown as PageView;
          return w.__signBench!.t1 !== null || w.document.querySelector('[data-testid="sign-error"]') !== null;
        });
        const probe = await page.evaluate(() => (globalThis as unknown as PageView).__signBench!);
        if (probe.t0 === null || probe.t1 === null)
          throw new Error(`${key}: ${await page.getByTestId('sign-error').innerText()}`);
        times.push(probe.t1 - probe.t0);
        if (probe.sent !== null && probe.answered !== null) {
          split.before.push(probe.sent - probe.t0);
          split.request.push(probe.answered - probe.sent);
          split.after.push(probe.t1 - probe.answered);
          split.answerKib.push((probe.answerBytes ?? 0) / 1024);
        }
        await page.getByTestId('signature-pad').waitFor({ state: 'detached' });
      }
    } finally {
      await browser.close();
      await shell.stop();
      rmSync(fx.dir, { recursive: true, force: true });
    }
    if (payloads.length !== times.length)
      throw new Error(`${times.length} signatures timed, ${payloads.length} requests seen`);
    // Confirm was pressed after the pad had ended the last stroke: every drawn stroke was sent.
    if (payloads.some((p, i) => p.count !== drawn[i]))
      throw new Error(`strokes sent ${payloads.map((p) => p.count).join(',')} ≠ drawn ${drawn.join(',')}`);
    // Reference: the same bytes inserted into a bare table, same pragmas, same disk.
    const refDir = mkdtempSync(join(tmpdir(), 'bench-sign-'));
    const db = new Database(join(refDir, 'bare.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE s (id INTEGER PRIMARY KEY, image BLOB, strokes TEXT)');
    const insert = db.prepare('INSERT INTO s (image, strokes) VALUES (?, ?)');
    const ref: number[] = [];
    for (const p of payloads) {
      const t0 = performance.now();
      insert.run(p.png, p.strokes);
      ref.push(performance.now() - t0);
    }
    db.close();
    rmSync(refDir, { recursive: true, force: true });
    const kib = median(payloads.map((p) => p.png.length)) / 1024;
    const ms = (xs: number[]) => (xs.length ? median(xs).toFixed(1) : '?');
    console.log(
      `  (${times.length} page signatures, median PNG ${kib.toFixed(1)} KiB; ms per page in order: ${times.map((t) => t.toFixed(0)).join(' ')})`,
    );
    // Medians of the parts, each on its own (they need not add up to the median of the whole).
    console.log(
      `  (pen-up → request sent ${ms(split.before)} ms; request → last response byte ${ms(split.request)} ms; → slot shown signed ${ms(split.after)} ms; signing state answered ${split.answerKib.length ? split.answerKib[0]!.toFixed(0) : '?'}–${split.answerKib.length ? split.answerKib.at(-1)!.toFixed(0) : '?'} KiB)`,
    );
    return [
      result(
        'sign-capture-roundtrip',
        'ms',
        median(times),
        'a bare SQLite INSERT of the same bytes (WAL, synchronous=FULL)',
        median(ref),
      ),
    ];
  },
};
