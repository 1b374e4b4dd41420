// Every refusal of lockdown.ts, on small fakes of a web contents and a session (no Electron
// binary here): navigation, redirects and frame navigation away from the app, new windows,
// <webview>, device pickers, permissions and downloads.
import type { Session, WebContents } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_SESSION, CAPTURE_SESSION, lockDownSession, lockDownWebContents, navigationAllowed } from './lockdown.ts';
import { allowRecordingWhen } from './media-permission.ts';

afterEach(() => allowRecordingWhen(() => false));

type Listener = (...args: unknown[]) => unknown;

/** Records what lockdown.ts installs and lets a test fire it. */
function fakeEmitter() {
  const listeners = new Map<string, Listener[]>();
  const handlers = new Map<string, Listener>();
  const obj = {
    on(event: string, l: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), l]);
      return obj;
    },
  };
  const emit = (event: string, ...args: unknown[]) => {
    const ls = listeners.get(event) ?? [];
    expect(ls.length, `a listener for ${event}`).toBeGreaterThan(0);
    for (const l of ls) l(...args);
  };
  const setter = (name: string) => (h: Listener) => void handlers.set(name, h);
  return { obj, listeners, handlers, emit, setter };
}

function fakeContents(capture = false) {
  const e = fakeEmitter();
  const opened: string[] = [];
  const contents = Object.assign(e.obj, { setWindowOpenHandler: e.setter('windowOpen') }) as unknown as WebContents;
  lockDownWebContents(contents, { isCapture: () => capture, openLink: (url) => (opened.push(url), false) });
  /** Fires a navigation event; true if it went ahead (was not prevented). */
  const navigate = (event: string, url: string, isMainFrame = true) => {
    let prevented = false;
    e.emit(event, { url, isMainFrame, preventDefault: () => (prevented = true) });
    return !prevented;
  };
  const open = (url: string) =>
    e.handlers.get('windowOpen')!({ url, frameName: '', features: '', disposition: 'new-window' });
  return { ...e, navigate, open, opened };
}

function fakeSession(rules = APP_SESSION) {
  const e = fakeEmitter();
  const s = Object.assign(e.obj, {
    setPermissionRequestHandler: e.setter('request'),
    setPermissionCheckHandler: e.setter('check'),
    setDevicePermissionHandler: e.setter('device'),
  }) as unknown as Session;
  lockDownSession(s, rules);
  const request = (permission: string, requestingUrl: string, extra: Record<string, unknown> = {}) => {
    let granted: boolean | undefined;
    e.handlers.get('request')!(null, permission, (g: boolean) => (granted = g), {
      requestingUrl,
      isMainFrame: true,
      ...extra,
    });
    return granted;
  };
  const check = (permission: string, origin: string) => e.handlers.get('check')!(null, permission, origin, {});
  const download = (url: string) => {
    let prevented = false;
    e.emit('will-download', { preventDefault: () => (prevented = true) }, { getURL: () => url });
    return !prevented;
  };
  return { ...e, session: s, request, check, download };
}

const APP_PAGE = 'app://bundle/index.html';
const HOSTILE = [
  'https://evil.example/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>1</script>',
  'chrome://settings',
  'ms-settings:privacy',
  'app://bundle.evil/index.html',
  'app://bundle:8080/index.html',
  'not a url',
];

describe('the app window', () => {
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    it(`${event}: stays on app://bundle/, everything else is refused`, () => {
      const c = fakeContents();
      expect(c.navigate(event, APP_PAGE)).toBe(true);
      for (const url of HOSTILE) expect(c.navigate(event, url), url).toBe(false);
    });
  }

  it('its frames may hold only the PDF preview (its own blob:, the PDF viewer) or empty documents', () => {
    const c = fakeContents();
    for (const url of [
      'blob:app://bundle/6b1c0f3e-1111-4a5b-9c0d-123456789abc',
      'about:blank',
      'about:srcdoc',
      'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
    ])
      expect(c.navigate('will-frame-navigate', url, false), url).toBe(true);
    for (const url of [
      ...HOSTILE,
      'blob:https://evil.example/6b1c0f3e',
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html',
    ])
      expect(c.navigate('will-frame-navigate', url, false), url).toBe(false);
    // …and the top frame never goes to a blob: or the PDF viewer.
    expect(c.navigate('will-navigate', 'blob:app://bundle/6b1c0f3e')).toBe(false);
  });

  it('opens no window; a link goes only to the allowlist gate (which refuses it)', () => {
    const c = fakeContents();
    expect(c.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(c.open(APP_PAGE)).toEqual({ action: 'deny' });
    expect(c.opened).toEqual(['https://evil.example/', APP_PAGE]);
  });

  it('prevents every <webview> and cancels Bluetooth device pickers', () => {
    const c = fakeContents();
    let prevented = false;
    c.emit(
      'will-attach-webview',
      { preventDefault: () => (prevented = true) },
      { nodeIntegration: true },
      { src: 'https://evil.example/' },
    );
    expect(prevented).toBe(true);
    let picked: string | undefined;
    prevented = false;
    c.emit(
      'select-bluetooth-device',
      { preventDefault: () => (prevented = true) },
      [{ deviceId: 'd1', deviceName: 'x' }],
      (id: string) => (picked = id),
    );
    expect(prevented).toBe(true);
    expect(picked).toBe('');
  });
});

describe('the capture window', () => {
  it('shows http(s) pages only: never the app, files or scripts', () => {
    const c = fakeContents(true);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(c.navigate(event, 'https://www.xinghe-news.cn/article/1')).toBe(true);
      expect(c.navigate(event, 'http://www.xinghe-news.cn/')).toBe(true);
      for (const url of [
        APP_PAGE,
        'file:///etc/passwd',
        'javascript:alert(1)',
        'data:text/html,x',
        'chrome://settings',
        'ms-settings:privacy',
        'blob:https://a.example/1',
      ])
        expect(c.navigate(event, url), `${event} ${url}`).toBe(false);
    }
  });

  it("lets a page's frames hold what web pages embed, but not files or the app", () => {
    const c = fakeContents(true);
    for (const url of [
      'https://ads.example/frame',
      'about:blank',
      'data:text/html,x',
      'blob:https://www.xinghe-news.cn/1',
    ])
      expect(c.navigate('will-frame-navigate', url, false), url).toBe(true);
    for (const url of ['file:///etc/passwd', APP_PAGE, 'javascript:alert(1)'])
      expect(c.navigate('will-frame-navigate', url, false), url).toBe(false);
  });

  it('opens no window and never reaches the OS browser', () => {
    const c = fakeContents(true);
    expect(c.open('https://www.xinghe-news.cn/next')).toEqual({ action: 'deny' });
    expect(c.opened).toEqual([]);
  });
});

describe('the app session', () => {
  it('refuses every permission request and check, camera and microphone included, outside a recorded ceremony', () => {
    const s = fakeSession();
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'midiSysex',
      'fullscreen',
      'unknown',
    ]) {
      expect(s.request(p, APP_PAGE, p === 'media' ? { mediaTypes: ['video', 'audio'] } : {}), p).toBe(false);
      expect(s.check(p, 'app://bundle'), p).toBe(false);
    }
  });

  it('grants camera and microphone to the app page during a recorded ceremony, to nothing else', () => {
    allowRecordingWhen(() => true);
    const s = fakeSession();
    expect(s.request('media', APP_PAGE, { mediaTypes: ['video', 'audio'] })).toBe(true);
    expect(s.check('media', 'app://bundle')).toBe(true);
    expect(s.request('media', 'https://evil.example/', { mediaTypes: ['video'] })).toBe(false);
    expect(s.request('media', 'blob:app://bundle/1', { mediaTypes: ['video'] })).toBe(false);
    expect(s.request('geolocation', APP_PAGE)).toBe(false);
    expect(s.request('openExternal', APP_PAGE, { externalURL: 'mailto:x@example.com' })).toBe(false);
  });

  it('refuses every device: the permission handler, and the HID, serial and USB pickers are cancelled', () => {
    const s = fakeSession();
    expect(s.handlers.get('device')!({ deviceType: 'usb', origin: 'app://bundle', device: {} })).toBe(false);
    for (const [event, args, cancel] of [
      ['select-hid-device', [{ deviceList: [{ deviceId: 'h1' }] }], undefined],
      ['select-serial-port', [[{ portId: 'p1' }], {}], ''],
      ['select-usb-device', [{ deviceList: [{ deviceId: 'u1' }] }], undefined],
    ] as const) {
      let prevented = false;
      const answers: unknown[][] = [];
      s.emit(event, { preventDefault: () => (prevented = true) }, ...args, (...a: unknown[]) => answers.push(a));
      expect(prevented, event).toBe(true);
      expect(answers, event).toEqual([cancel === undefined ? [] : [cancel]]);
    }
  });

  it("downloads only the app's own PDFs (blob: of app://bundle)", () => {
    const s = fakeSession();
    expect(s.download('blob:app://bundle/6b1c0f3e-1111-4a5b-9c0d-123456789abc')).toBe(true);
    expect(s.download('blob:chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/6b1c0f3e')).toBe(true); // the PDF viewer's own save
    for (const url of [
      'https://evil.example/setup.exe',
      'blob:https://evil.example/1',
      'blob:chrome-extension://abcdefghijklmnopabcdefghijklmnop/1',
      'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
      'data:application/octet-stream,x',
      'file:///etc/passwd',
    ])
      expect(s.download(url), url).toBe(false);
  });
});

describe('the capture session', () => {
  it('refuses every permission, even during a recorded ceremony, and every download', () => {
    allowRecordingWhen(() => true);
    const s = fakeSession(CAPTURE_SESSION);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal']) {
      expect(s.request(p, 'https://www.xinghe-news.cn/', { mediaTypes: ['video'] }), p).toBe(false);
      expect(s.check(p, 'https://www.xinghe-news.cn'), p).toBe(false);
    }
    expect(s.handlers.get('device')!({})).toBe(false);
    expect(s.download('https://www.xinghe-news.cn/report.pdf')).toBe(false);
    expect(s.download('blob:app://bundle/1')).toBe(false);
  });
});

describe('locking a session down', () => {
  it('happens once per session: again with the same rules is a no-op, with other rules an error', () => {
    const s = fakeSession(CAPTURE_SESSION);
    lockDownSession(s.session, CAPTURE_SESSION);
    expect(s.listeners.get('will-download')).toHaveLength(1);
    expect(() => lockDownSession(s.session, APP_SESSION)).toThrow(/once/);
  });
});

describe('navigationAllowed', () => {
  it('is a pure decision on the URL, the frame and the window kind', () => {
    expect(navigationAllowed({ url: APP_PAGE, isMainFrame: true }, false)).toBe(true);
    expect(navigationAllowed({ url: APP_PAGE, isMainFrame: true }, true)).toBe(false);
    expect(navigationAllowed({ url: 'https://a.example/', isMainFrame: true }, true)).toBe(true);
    expect(navigationAllowed({ url: 'https://a.example/', isMainFrame: true }, false)).toBe(false);
  });
});
