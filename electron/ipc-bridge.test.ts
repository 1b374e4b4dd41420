// The Electron IPC bridge, with a fake ipcMain (no Electron binary here): every contract call is
// registered, untrusted senders are refused before dispatch, arguments pass through to dispatch;
// and, wired as electron/main.ts wires it — to a real vault over a temp data folder — bad
// arguments come back as validation errors in Chinese and change nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLog } from '../protocol/runtime/log.ts';
import { Vault } from '../core/vault/vault.ts';
import { CALL_NAMES, IPC_PREFIX } from '../shared/api/call-names.ts';
import { ok, type Result } from '../shared/api/result.ts';
import { AGENCY, creditCode, OFFICER_A, OFFICER_B, orgCaseInput } from '../tests/support/core-fixture.ts';
import { APP_ORIGIN, isAppUrl } from './app-origin.ts';
import { registerApi, type InvokeEventLike, type IpcMainLike } from './ipc-bridge.ts';

const APP = APP_ORIGIN;

function setup() {
  const handlers = new Map<string, (e: InvokeEventLike, arg: unknown) => Promise<Result<unknown>>>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  const dispatched: [string, unknown][] = [];
  registerApi(
    ipcMain,
    async (name, arg) => {
      dispatched.push([name, arg]);
      return ok('done');
    },
    isAppUrl,
  );
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
    expect(await handlers.get('api:app.status')!(disposed, {})).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(dispatched).toEqual([]);
  });
});

describe('IPC bridge wired to the real vault (as electron/main.ts does)', () => {
  const dirs: string[] = [];
  const vaults: Vault[] = [];
  afterEach(() => {
    vaults.splice(0).forEach((v) => v.close());
    dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  function realBridge() {
    const dir = mkdtempSync(join(tmpdir(), 'ipc-vault-'));
    dirs.push(dir);
    const vault = Vault.open({ dataDir: dir, log: silentLog });
    vaults.push(vault);
    const handlers = new Map<string, (e: InvokeEventLike, arg: unknown) => Promise<Result<unknown>>>();
    const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
    registerApi(ipcMain, (name, arg) => vault.dispatch(name, arg), isAppUrl);
    // What the preload's ipcRenderer.invoke reaches: the channel's handler, called by the app's page.
    const invoke = (name: string, arg: unknown) => handlers.get(IPC_PREFIX + name)!(appFrame, arg);
    const must = async (name: string, arg: unknown) => {
      const r = await invoke(name, arg);
      if (!r.ok) throw new Error(`${name}: ${r.error.kind}: ${r.error.message}`);
      return r.value as never;
    };
    return { invoke, must };
  }

  it('refuses a bad argument with a Chinese validation error and changes nothing; valid calls go through', async () => {
    const { invoke, must } = realBridge();
    await must('office.setup', { agencyName: AGENCY, officers: [OFFICER_A, OFFICER_B] });
    await must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    await must('session.signIn', { certNo: OFFICER_B.certNo, password: OFFICER_B.password });
    const ids = ((await must('officers.list', {})) as { id: string }[]).map((o) => o.id);
    const first = (await must('cases.create', orgCaseInput(ids, 'csl-59'))) as { id: string; caseNo: string };
    const listBefore = await must('cases.list', {});
    expect(listBefore).toMatchObject({ total: 1 });

    // A 统一社会信用代码 with a wrong check character (last character changed).
    const good = creditCode();
    const wrong = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const base = orgCaseInput(ids, 'csl-59');
    const r = await invoke('cases.create', { ...base, party: { ...base.party, creditCode: wrong } });
    expect(r).toEqual({
      ok: false,
      error: {
        kind: 'validation',
        message: expect.stringMatching(/统一社会信用代码校验位不正确.*请对照营业执照/),
        fields: { 'party.creditCode': expect.stringMatching(/校验位不正确/) },
      },
    });
    // Wrong types and missing fields are refused the same way, before any handler runs.
    const typed = await invoke('cases.get', { id: 42 });
    expect(typed).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: { id: expect.stringMatching(/[\u4e00-\u9fff]/) } },
    });
    expect(await invoke('cases.create', { title: '缺少当事人' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });

    // Nothing changed: the same case list, and the next real case takes the next number (the
    // refused calls reserved none).
    expect(await must('cases.list', {})).toEqual(listBefore);
    const second = (await must('cases.create', orgCaseInput(ids, 'csl-59', { title: '第二个案件' }))) as {
      caseNo: string;
    };
    const seq = (caseNo: string) => Number(/〔\d{4}〕(\d+)号$/.exec(caseNo)?.[1] ?? 'no sequence');
    expect(seq(first.caseNo)).toBeGreaterThan(0);
    expect(seq(second.caseNo)).toBe(seq(first.caseNo) + 1);
    expect(await must('cases.list', {})).toMatchObject({ total: 2 });
  });

  it('validates before the session check: a bad argument from a browsing officer is a validation error, a good one is refused for want of a second officer', async () => {
    const { invoke, must } = realBridge();
    await must('office.setup', { agencyName: AGENCY, officers: [OFFICER_A, OFFICER_B] });
    await must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    const ids = ((await must('officers.list', {})) as { id: string }[]).map((o) => o.id);
    const base = orgCaseInput(ids, 'csl-59');
    expect(await invoke('cases.create', { ...base, party: { ...base.party, creditCode: '123' } })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/统一社会信用代码应为18位/) },
    });
    const alone = await invoke('cases.create', base);
    expect(alone.ok).toBe(false);
    expect(alone.ok ? null : alone.error.kind).not.toBe('validation');
    expect(await must('cases.list', {})).toMatchObject({ total: 0 });
  });
});
