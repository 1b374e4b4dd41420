// How the renderer reaches the core. It never knows which shell it runs in: the Electron preload
// exposes `window.fieldApi` (one function per call); otherwise the web shell's HTTP API is used
// with the per-run token from the URL the shell printed.
import type { CallName } from '../../shared/api/call-names.ts';
import type { Result } from '../../shared/api/result.ts';

export type Transport = (name: CallName, arg: unknown) => Promise<Result<unknown>>;

/** Streams a file's bytes against an import ticket; reports bytes sent; abortable. */
export type Uploader = (ticket: string, file: Blob, onProgress: (sent: number) => void, signal: AbortSignal) => Promise<Result<unknown>>;

type PreloadApi = Record<CallName, (arg: unknown) => Promise<Result<unknown>>>;
interface PreloadUpload {
  chunk(ticket: string, bytes: Uint8Array): Promise<Result<unknown>>;
  end(ticket: string): Promise<Result<unknown>>;
  abort(ticket: string): Promise<Result<unknown>>;
}
declare global {
  interface Window {
    fieldApi?: PreloadApi;
    fieldUpload?: PreloadUpload;
  }
}

const TOKEN_KEY = 'field-api-token';

/** Takes the token from `#token=…` once, keeps it for this tab, and removes it from the address bar. */
function webShellToken(): string {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = webShellToken();
  return async (name, arg) => {
    let res: Response;
    try {
      res = await fetch(`api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-token': token },
        body: JSON.stringify(arg ?? {}),
      });
    } catch {
      return { ok: false, error: { kind: 'io', message: '无法连接到本机服务，程序可能已经退出。请重新启动程序。' } };
    }
    try {
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { kind: 'internal', message: `本机服务返回了无法识别的内容（HTTP ${res.status}）。请重新启动程序。` } };
    }
  };
}

/** XHR, not fetch: only XHR reports upload progress. */
function httpUploader(): Uploader {
  return (ticket, file, onProgress, signal) =>
    new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('PUT', `upload/${encodeURIComponent(ticket)}`);
      xhr.setRequestHeader('x-api-token', webShellToken());
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      xhr.upload.onprogress = (e) => onProgress(e.loaded);
      xhr.onload = () => {
        try {
          resolve(JSON.parse(xhr.responseText) as Result<unknown>);
        } catch {
          resolve({ ok: false, error: { kind: 'internal', message: `本机服务返回了无法识别的内容（HTTP ${xhr.status}）。` } });
        }
      };
      xhr.onerror = () => resolve({ ok: false, error: { kind: 'io', message: '上传中断：无法连接到本机服务。请重新导入。' } });
      xhr.onabort = () => resolve({ ok: false, error: { kind: 'io', message: '导入已取消，未保存任何内容。' } });
      signal.addEventListener('abort', () => xhr.abort());
      xhr.send(file);
    });
}

/** Desktop: the File's bytes in 1 MiB chunks over IPC, each acknowledged once the import took it. */
function ipcUploader(up: PreloadUpload): Uploader {
  const CHUNK = 1 << 20;
  return async (ticket, file, onProgress, signal) => {
    for (let off = 0; off < file.size; off += CHUNK) {
      if (signal.aborted) {
        await up.abort(ticket);
        return { ok: false, error: { kind: 'io', message: '导入已取消，未保存任何内容。' } };
      }
      const bytes = new Uint8Array(await file.slice(off, off + CHUNK).arrayBuffer());
      const r = await up.chunk(ticket, bytes);
      if (!r.ok) return r;
      onProgress(Math.min(file.size, off + CHUNK));
    }
    return up.end(ticket);
  };
}

export function detectUploader(): Uploader {
  return window.fieldUpload ? ipcUploader(window.fieldUpload) : httpUploader();
}

function ipcTransport(api: PreloadApi): Transport {
  return (name, arg) => api[name](arg);
}

export function detectTransport(): Transport {
  return window.fieldApi ? ipcTransport(window.fieldApi) : httpTransport();
}
