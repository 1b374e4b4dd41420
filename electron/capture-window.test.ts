// The capture browser with a fake BrowserWindow and session (no Electron binary here): no
// preload, sandboxed, isolated, no Node, its own partition; its session refuses every permission,
// device and download; it never loads anything but an http(s) page.
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const session = {
    partitions: [] as string[],
    handlers: new Map<string, Listener>(),
    listeners: new Map<string, Listener>(),
  };
  const windows: { options: { webPreferences?: Record<string, unknown> }; loaded: string[]; webContents: object }[] =
    [];
  class BrowserWindow {
    loaded: string[] = [];
    webContents = { debugger: { isAttached: () => false } };
    options: { webPreferences?: Record<string, unknown> };
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      this.options = options;
      windows.push(this);
    }
    on() {}
    isDestroyed() {
      return false;
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
    show() {}
    close() {}
  }
  const fakeSession = {
    setPermissionRequestHandler: (h: Listener) => session.handlers.set('request', h),
    setPermissionCheckHandler: (h: Listener) => session.handlers.set('check', h),
    setDevicePermissionHandler: (h: Listener) => session.handlers.set('device', h),
    on: (event: string, l: Listener) => session.listeners.set(event, l),
  };
  return { session, windows, BrowserWindow, fromPartition: (p: string) => (session.partitions.push(p), fakeSession) };
});
vi.mock('electron', () => ({ BrowserWindow: fake.BrowserWindow, session: { fromPartition: fake.fromPartition } }));

const { ElectronCaptureHost, CAPTURE_PARTITION, captureContents } = await import('./capture-window.ts');

describe('capture window', () => {
  it('locks its own session down: no permission, device or download, camera included', () => {
    new ElectronCaptureHost();
    new ElectronCaptureHost(); // made again each time the core opens
    expect(fake.session.partitions).toEqual([CAPTURE_PARTITION, CAPTURE_PARTITION]);
    expect(CAPTURE_PARTITION).not.toBe('');
    const asked: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal']) {
      fake.session.handlers.get('request')!(null, p, (g: boolean) => asked.push(g), {
        requestingUrl: 'https://a.example/',
        mediaTypes: ['video'],
      });
      asked.push(fake.session.handlers.get('check')!(null, p, 'https://a.example', {}) as boolean);
    }
    expect(asked.every((g) => g === false)).toBe(true);
    expect(fake.session.handlers.get('device')!({})).toBe(false);
    let prevented = false;
    fake.session.listeners.get('will-download')!(
      { preventDefault: () => (prevented = true) },
      { getURL: () => 'https://a.example/x.exe' },
    );
    expect(prevented).toBe(true);
  });

  it('opens pages in a window without preload or Node, sandboxed and isolated, in its own partition', async () => {
    const host = new ElectronCaptureHost();
    await host.open('https://www.xinghe-news.cn/');
    const win = fake.windows.at(-1)!;
    expect(win.loaded).toEqual(['https://www.xinghe-news.cn/']);
    const prefs = win.options.webPreferences!;
    expect(prefs).not.toHaveProperty('preload');
    expect(prefs).toMatchObject({
      partition: CAPTURE_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(captureContents.has(win.webContents as never)).toBe(true);
  });

  it('refuses anything but an http(s) page, before any window is made', async () => {
    const before = fake.windows.length;
    const host = new ElectronCaptureHost();
    for (const url of [
      'file:///etc/passwd',
      'app://bundle/index.html',
      'javascript:alert(1)',
      'data:text/html,x',
      'chrome://settings',
    ])
      await expect(host.open(url), url).rejects.toThrow(/http/);
    expect(fake.windows.length).toBe(before);
  });
});
