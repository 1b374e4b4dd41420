// How the renderer reaches the core. It never knows which shell it runs in: the Electron preload
// exposes `window.fieldApi` (one function per call); otherwise the web shell's HTTP API is used
// with the per-run token from the URL the shell printed.
import type { CallName } from '../../shared/api/call-names.ts';
import type { Result } from '../../shared/api/result.ts';
import type { ImportedEvidence } from '../../shared/evidence/evidence-schema.ts';
import {
  CANCELLED,
  fileUnreadable,
  ipcUploader,
  READ_FAILED,
  type PreloadUpload,
  type Uploader,
} from './ipc-uploader.ts';

export type { Uploader } from './ipc-uploader.ts';
export type Transport = (name: CallName, arg: unknown) => Promise<Result<unknown>>;

type PreloadApi = Record<CallName, (arg: unknown) => Promise<Result<unknown>>>;
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
      return {
        ok: false,
        error: { kind: 'internal', message: `本机服务返回了无法识别的内容（HTTP ${res.status}）。请重新启动程序。` },
      };
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
          resolve(JSON.parse(xhr.responseText) as Result<ImportedEvidence>);
        } catch {
          resolve({
            ok: false,
            error: { kind: 'internal', message: `本机服务返回了无法识别的内容（HTTP ${xhr.status}）。` },
          });
        }
      };
      // The browser gives no reason: a file that changed or vanished while it was sent fails the
      // request just like a lost connection. Telling them apart matters to the officer (re-copy
      // the file vs. restart the program); the core discards the partial upload either way.
      xhr.onerror = () =>
        void fileUnreadable(file).then((unreadable) =>
          resolve(
            unreadable
              ? READ_FAILED
              : {
                  ok: false,
                  error: {
                    kind: 'io',
                    message: '上传中断：无法连接到本机服务，本件电子数据没有保存。请确认程序仍在运行后重新导入。',
                  },
                },
          ),
        );
      xhr.onabort = () => resolve(CANCELLED);
      signal.addEventListener('abort', () => xhr.abort());
      xhr.send(file);
    });
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
