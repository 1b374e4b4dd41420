// The Electron IPC bridge, with a fake ipcMain (no Electron binary here): every contract call is
// registered, untrusted senders are refused before dispatch, arguments pass through to dispatch
// (which validates them — see core/api/dispatch.test.ts).
import { describe, expect, it } from 'vitest';
import { CALL_NAMES, IPC_PREFIX } from '../shared/api/call-names.ts';
import { ok, type Result } from '../shared/api/result.ts';
import { APP_ORIGIN, isAppUrl } from './app-origin.ts';
import { registerApi, type InvokeEventLike, type IpcMainLike } from './ipc-bridge.ts';

const APP = APP_ORIGIN;

function setup() {
  const handlers = new Map<string, (e: InvokeEventLike, arg: unknown) => Promise<Result<unknown>>>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  const dispatched: [string, unknown][] = [];
  registerApi(ipcMain, async (name, arg) => {
    dispatched.push([name, arg]);
    return ok('done');
  }, isAppUrl);
  return { handlers, dispatched };
}

const appFrame: InvokeEventLike = { senderFrame: { url: `${APP}/index.html`, parent: null } };

describe('IPC bridge', () => {
  it('registers exactly one channel per contract call and nothing else', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.map((n) => IPC_PREFIX + n).sort());
  });

  it('passes calls from the app main frame to dispatch', async () => {
    const { handlers, dispatched } = setup();
    const r = await handlers.get('api:cases.list')!(appFrame, { query: '星河' });
    expect(r).toEqual({ ok: true, value: 'done' });
    expect(dispatched).toEqual([['cases.list', { query: '星河' }]]);
  });

  it('refuses calls from foreign pages, iframes and destroyed frames without dispatching', async () => {
    const { handlers, dispatched } = setup();
    const call = handlers.get('api:cases.create')!;
    const refused = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'file:///etc/passwd', parent: null } },
      { senderFrame: { url: `${APP}/index.html`, parent: {} } }, // an iframe inside the app
      { senderFrame: { url: 'app://bundle.evil/index.html', parent: null } },
      { senderFrame: { url: 'app://bundle:8080/index.html', parent: null } },
      { senderFrame: null },
    ];
    for (const e of refused) expect(await call(e, {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(dispatched).toEqual([]);
  });
});

describe('sender check', () => {
  it('refuses a frame disposed while its message was in flight', async () => {
    const { handlers, dispatched } = setup();
    const disposed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await handlers.get('api:app.status')!(disposed, {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(dispatched).toEqual([]);
  });
});
