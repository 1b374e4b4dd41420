// Full-page screenshot (PNG) and page archive (MHTML) of the page a browser shows, through the
// Chrome DevTools Protocol. Both the desktop capture window (Electron's webContents.debugger) and
// the tests (Playwright's CDP session on Debian's Chromium) supply `send`; the capture itself is
// this one piece of code.
export type CdpSend = (method: string, params?: Record<string, unknown>) => Promise<unknown>;

export interface CapturedPage {
  url: string;
  title: string;
  /** e.g. Chrome/140.0.7339.41 — recorded in the procedure step. */
  browser: string;
  capturedAt: Date;
  screenshotPng: Buffer;
  archiveMhtml: Buffer;
}

export async function capturePage(send: CdpSend, now: () => Date): Promise<CapturedPage> {
  const version = (await send('Browser.getVersion').catch(() => ({ product: '未知浏览器' }))) as { product: string };
  const info = (await send('Runtime.evaluate', {
    expression: 'JSON.stringify({ url: location.href, title: document.title })',
    returnByValue: true,
  })) as { result: { value: string } };
  const { url, title } = JSON.parse(info.result.value) as { url: string; title: string };
  const metrics = (await send('Page.getLayoutMetrics')) as {
    cssContentSize?: { width: number; height: number };
    contentSize: { width: number; height: number };
  };
  const size = metrics.cssContentSize ?? metrics.contentSize;
  const capturedAt = now();
  const shot = (await send('Page.captureScreenshot', {
    format: 'png',
    captureBeyondViewport: true,
    clip: { x: 0, y: 0, width: Math.ceil(size.width), height: Math.ceil(size.height), scale: 1 },
  })) as { data: string };
  const snapshot = (await send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string };
  return {
    url,
    title,
    browser: version.product,
    capturedAt,
    screenshotPng: Buffer.from(shot.data, 'base64'),
    archiveMhtml: Buffer.from(snapshot.data, 'utf8'),
  };
}
