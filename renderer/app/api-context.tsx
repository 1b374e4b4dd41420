// The API client and the app status, shared by every screen. Screens call `run` so that errors
// are shown the same way everywhere and a lost session sends the user back to sign-in.
import { App as AntApp } from 'antd';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { CallName } from '../../shared/api/call-names.ts';
import type { CallInput, CallOutput } from '../../shared/api/contract.ts';
import type { ApiError, Result } from '../../shared/api/result.ts';
import type { AppStatus } from '../../shared/domain/office.ts';
import { createApiClient, type ApiClient } from '../api/client.ts';

const api = createApiClient();

interface ApiContextValue {
  status: AppStatus | null;
  refreshStatus: () => Promise<void>;
  setSession: (s: AppStatus['session']) => void;
  /** Calls the core; on failure shows the message (unless `quiet`) and returns the error. */
  run: <K extends CallName>(name: K, arg: CallInput<K>, opts?: { quiet?: boolean }) => Promise<Result<CallOutput<K>>>;
  api: ApiClient;
}

const Ctx = createContext<ApiContextValue | null>(null);

export function ApiProvider({ children }: { children: ReactNode }) {
  const { message } = AntApp.useApp();
  const [status, setStatus] = useState<AppStatus | null>(null);

  const refreshStatus = useCallback(async () => {
    const r = await api.call('app.status', {});
    if (r.ok) setStatus(r.value);
    else message.error(r.error.message);
  }, [message]);

  const setSession = useCallback((session: AppStatus['session']) => setStatus((s) => (s ? { ...s, session } : s)), []);

  const run = useCallback(
    async <K extends CallName>(name: K, arg: CallInput<K>, opts: { quiet?: boolean } = {}) => {
      const r = await api.call(name, arg);
      if (!r.ok) {
        if (r.error.kind === 'unauthorized' || r.error.kind === 'setup_required') void refreshStatus();
        if (!opts.quiet && r.error.kind !== 'validation') message.error(r.error.message);
      }
      return r;
    },
    [message, refreshStatus],
  );

  const value = useMemo(() => ({ status, refreshStatus, setSession, run, api }), [status, refreshStatus, setSession, run]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useApi(): ApiContextValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useApi outside ApiProvider');
  return v;
}

export type { ApiError };
