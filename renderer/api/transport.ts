// How the renderer reaches the core. It never knows which shell it runs in: the Electron preload
// exposes `window.fieldApi` (one function per call); otherwise the web shell's HTTP API is used
// with the per-run token from the URL the shell printed.
import type { CallName } from '../../shared/api/call-names.ts';
import type { Result } from '../../shared/api/result.ts';

export type Transport = (name: CallName, arg: unknown) => Promise<Result<unknown>>;

type PreloadApi = Record<CallName, (arg: unknown) => Promise<Result<unknown>>>;
declare global {
  interface Window {
    fieldApi?: PreloadApi;
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

function ipcTransport(api: PreloadApi): Transport {
  return (name, arg) => api[name](arg);
}

export function detectTransport(): Transport {
  return window.fieldApi ? ipcTransport(window.fieldApi) : httpTransport();
}
