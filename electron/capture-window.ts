// The desktop capture browser: a separate window in its own session partition, sandboxed, with no
// preload and no access to the app, where the officer opens the page to capture. The capture
// itself (full-page PNG, MHTML) is core code driven over this window's DevTools protocol.
import { BrowserWindow, session, type WebContents } from 'electron';
import type { CaptureHost } from '../core/evidence/capture-host.ts';
import type { CdpSend } from '../core/evidence/cdp-capture.ts';
import { CAPTURE_SESSION, isWebUrl, lockDownSession } from './lockdown.ts';

export const CAPTURE_PARTITION = 'capture';

/** Web contents of capture windows: the only ones allowed to navigate to http(s) (security.ts). */
export const captureContents = new WeakSet<WebContents>();

export class ElectronCaptureHost implements CaptureHost {
  private win: BrowserWindow | null = null;

  constructor() {
    // No permission, device or download for any page shown here (lockdown.ts).
    lockDownSession(session.fromPartition(CAPTURE_PARTITION), CAPTURE_SESSION);
  }

  async open(url: string): Promise<void> {
    // The contract admits only http(s) addresses already; checked again where the page is loaded.
    if (!isWebUrl(url)) throw new Error('取证浏览器只能打开 http:// 或 https:// 网址。');
    if (!this.win || this.win.isDestroyed()) {
      this.win = new BrowserWindow({
        width: 1280,
        height: 900,
        title: '取证浏览器',
        // Untrusted pages: no preload, sandboxed, isolated, no Node anywhere, its own session.
        webPreferences: {
          partition: CAPTURE_PARTITION,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          webviewTag: false,
          safeDialogs: true,
        },
      });
      captureContents.add(this.win.webContents);
      this.win.on('closed', () => (this.win = null));
    }
    await this.win.loadURL(url);
    this.win.show();
  }

  async cdp(): Promise<CdpSend | null> {
    const wc = this.win && !this.win.isDestroyed() ? this.win.webContents : null;
    if (!wc) return null;
    if (!wc.debugger.isAttached()) wc.debugger.attach('1.3');
    return (method, params) => wc.debugger.sendCommand(method, params);
  }

  close(): void {
    this.win?.close();
    this.win = null;
  }
}
