// The preload exposes exactly one function per contract call, nothing else: no ipcRenderer, no
// Node, no generic "invoke". It runs sandboxed and is bundled to one CommonJS file.
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES, IPC_PREFIX } from '../shared/api/call-names.ts';

const api = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (arg: unknown) => ipcRenderer.invoke(IPC_PREFIX + name, arg)]),
);
contextBridge.exposeInMainWorld('fieldApi', Object.freeze(api));

// Evidence bytes, in chunks, against a ticket from evidence.beginImport (electron/upload-bridge.ts).
contextBridge.exposeInMainWorld(
  'fieldUpload',
  Object.freeze({
    chunk: (ticket: string, bytes: Uint8Array) => ipcRenderer.invoke('upload:chunk', ticket, bytes),
    end: (ticket: string) => ipcRenderer.invoke('upload:end', ticket),
    abort: (ticket: string) => ipcRenderer.invoke('upload:abort', ticket),
  }),
);
