// The desktop capture browser: a separate window in its own session partition, sandboxed, with no
// preload and no access to the app, where the officer opens the page to capture. The capture
// itself (full-page PNG, MHTML) is core code driven over this window's DevTools protocol.
import { BrowserWindow, session, type WebContents } from 'electron';
import type { CaptureHost } from '../core/evidence/capture-host.ts';
import type { CdpSend } from '../core/evidence/cdp-capture.ts';

export const CAPTURE_PARTITION = 'capture';

/** Web contents of capture windows: the only ones allowed to navigate to http(s) (security.ts). */
export const captureContents = new WeakSet<WebContents>();

export class ElectronCaptureHost implements CaptureHost {
  private win: BrowserWindow | null = null;

  constructor() {
    const s = session.fromPartition(CAPTURE_PARTITION);
    s.setPermissionRequestHandler((_wc, _p, callback) => callback(false));
    s.setPermissionCheckHandler(() => false);
  }

  async open(url: string): Promise<void> {
    if (!this.win || this.win.isDestroyed()) {
      this.win = new BrowserWindow({
        width: 1280,
        height: 900,
        title: '取证浏览器',
        webPreferences: { partition: CAPTURE_PARTITION, sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false },
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
