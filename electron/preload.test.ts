// The preload with a fake contextBridge and ipcRenderer (no Electron binary here): the page gets
// one frozen function per contract call and the three upload functions — never ipcRenderer, a
// generic invoke, or anything of Electron's.
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, IPC_PREFIX } from '../shared/api/call-names.ts';

const fake = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), invoked: [] as unknown[][] }));
const ipcRenderer = vi.hoisted(() => ({
  invoke: async (...args: unknown[]) => (fake.invoked.push(args), { ok: true, value: null }),
  on: () => undefined,
  send: () => undefined,
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
  ipcRenderer,
}));
await import('./preload.ts');

describe('preload', () => {
  it('exposes exactly fieldApi and fieldUpload, both frozen', () => {
    expect([...fake.exposed.keys()].sort()).toEqual(['fieldApi', 'fieldUpload']);
    for (const v of fake.exposed.values()) expect(Object.isFrozen(v)).toBe(true);
  });

  it('fieldApi: one function per contract call, nothing more, each sending one argument on its own channel', async () => {
    const api = fake.exposed.get('fieldApi') as Record<string, (...a: unknown[]) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES].sort());
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
    fake.invoked.length = 0;
    await api['cases.list']!({ query: '星河' }, 'extra', ipcRenderer);
    expect(fake.invoked).toEqual([[`${IPC_PREFIX}cases.list`, { query: '星河' }]]);
  });

  it('fieldUpload: chunk, end and abort on the upload channels only', async () => {
    const up = fake.exposed.get('fieldUpload') as Record<string, (...a: unknown[]) => Promise<unknown>>;
    expect(Object.keys(up).sort()).toEqual(['abort', 'chunk', 'end']);
    fake.invoked.length = 0;
    await up.chunk!('t'.repeat(20), new Uint8Array([1]));
    await up.end!('t'.repeat(20));
    await up.abort!('t'.repeat(20));
    expect(fake.invoked.map((a) => a[0])).toEqual(['upload:chunk', 'upload:end', 'upload:abort']);
  });

  it('hands out no Electron object: nothing exposed is or holds ipcRenderer', () => {
    const seen = [...fake.exposed.values()].flatMap((v) => [v, ...Object.values(v as object)]);
    expect(seen).not.toContain(ipcRenderer);
    expect(seen).not.toContain(ipcRenderer.invoke);
    for (const v of seen) expect(typeof v === 'function' || typeof v === 'object').toBe(true);
  });
});
