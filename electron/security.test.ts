// security.ts's wiring with a fake `app`, `session` and `shell` (no Electron binary here): the
// sandbox is forced on every renderer, every web contents the app creates is locked down as it is
// created, and the default session as soon as the app is ready. The rules: lockdown.test.ts.
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const appListeners = new Map<string, Listener>();
  const sessionHandlers = new Map<string, Listener>();
  const sessionListeners = new Map<string, Listener>();
  let sandboxed = 0;
  const opened: string[] = [];
  let ready!: () => void;
  const whenReady = new Promise<void>((r) => (ready = r));
  const electron = {
    app: {
      enableSandbox: () => void sandboxed++,
      on: (e: string, l: Listener) => appListeners.set(e, l),
      whenReady: () => whenReady,
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => sessionHandlers.set('request', h),
        setPermissionCheckHandler: (h: Listener) => sessionHandlers.set('check', h),
        setDevicePermissionHandler: (h: Listener) => sessionHandlers.set('device', h),
        on: (e: string, l: Listener) => sessionListeners.set(e, l),
      },
      fromPartition: () => {
        throw new Error('no other session at start');
      },
    },
    shell: { openExternal: async (url: string) => void opened.push(url) },
    BrowserWindow: class {},
  };
  return {
    electron,
    appListeners,
    sessionHandlers,
    sessionListeners,
    opened,
    sandboxed: () => sandboxed,
    ready: () => ready(),
  };
});
vi.mock('electron', () => fake.electron);
await import('./security.ts');

describe('app-wide security (security.ts)', () => {
  it('forces the sandbox on every renderer before the app is ready', () => {
    expect(fake.sandboxed()).toBe(1);
  });

  it('locks down every web contents as it is created: navigation away and new windows refused', () => {
    const listeners = new Map<string, (...a: unknown[]) => unknown>();
    let openHandler!: (d: { url: string }) => unknown;
    const contents = {
      on: (e: string, l: (...a: unknown[]) => unknown) => (listeners.set(e, l), contents),
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
    };
    fake.appListeners.get('web-contents-created')!({}, contents);
    for (const e of [
      'will-navigate',
      'will-frame-navigate',
      'will-redirect',
      'will-attach-webview',
      'select-bluetooth-device',
    ])
      expect(listeners.has(e), e).toBe(true);
    let prevented = false;
    listeners.get('will-navigate')!({
      url: 'https://evil.example/',
      isMainFrame: true,
      preventDefault: () => (prevented = true),
    });
    expect(prevented).toBe(true);
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual([]); // the allowlist is empty
  });

  it('locks the default session down once the app is ready', async () => {
    expect(fake.sessionHandlers.size).toBe(0);
    fake.ready();
    await new Promise((r) => setTimeout(r, 0));
    expect([...fake.sessionHandlers.keys()].sort()).toEqual(['check', 'device', 'request']);
    let granted: boolean | undefined;
    fake.sessionHandlers.get('request')!(null, 'geolocation', (g: boolean) => (granted = g), {
      requestingUrl: 'app://bundle/index.html',
    });
    expect(granted).toBe(false);
    expect(fake.sessionHandlers.get('check')!(null, 'notifications', 'app://bundle', {})).toBe(false);
    for (const e of ['select-hid-device', 'select-serial-port', 'select-usb-device', 'will-download'])
      expect(fake.sessionListeners.has(e), e).toBe(true);
  });
});
