// The API client and the app status, shared by every screen. Screens call `run` so that errors
// are shown the same way everywhere and a lost session sends the user back to sign-in. Any call
// refused with 'app_locked' (the core locked itself: idle, sleep) fetches the status again, so the
// lock screen replaces the app at once.
import { App as AntApp } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CallName } from '../../shared/api/call-names.ts';
import type { CallInput, CallOutput } from '../../shared/api/contract.ts';
import type { ApiError, Result } from '../../shared/api/result.ts';
import type { AppStatus } from '../../shared/domain/office.ts';
import { createApiClient, type ApiClient } from '../api/client.ts';

const api = createApiClient();

interface ApiContextValue {
  status: AppStatus | null;
  /** Asks the core for its status; `quiet` for polls (no message if the core cannot be reached). */
  refreshStatus: (opts?: { quiet?: boolean }) => Promise<void>;
  /** Takes a status a call returned (lock.unlock, lock.lockNow, office.setIdleLock). */
  applyStatus: (s: AppStatus) => void;
  setSession: (s: AppStatus['session']) => void;
  /** Calls the core; on failure shows the message (unless `quiet`) and returns the error. */
  run: <K extends CallName>(name: K, arg: CallInput<K>, opts?: { quiet?: boolean }) => Promise<Result<CallOutput<K>>>;
  /** Finishes what must not be lost (registered with onBeforeLock), then locks the app (锁定). */
  lockNow: () => Promise<void>;
  /** Registers work to finish before a manual lock, e.g. an editor's pending save; returns the unregister function. */
  onBeforeLock: (fn: () => Promise<unknown>) => () => void;
  api: ApiClient;
}

const Ctx = createContext<ApiContextValue | null>(null);

const sameStatus = (a: AppStatus | null, b: AppStatus) => a !== null && JSON.stringify(a) === JSON.stringify(b);

export function ApiProvider({ children }: { children: ReactNode }) {
  const { message } = AntApp.useApp();
  const [status, setStatus] = useState<AppStatus | null>(null);
  // Bumped by every answer that changes the status (unlock, lock, sign-in …): a status request
  // sent before it (a poll crossing an unlock) is stale and must not bring the lock screen back.
  const generation = useRef(0);
  const beforeLock = useRef(new Set<() => Promise<unknown>>());

  const refreshStatus = useCallback(
    async (opts: { quiet?: boolean } = {}) => {
      const asked = generation.current;
      const r = await api.call('app.status', {});
      if (asked !== generation.current) return;
      if (r.ok) setStatus((prev) => (sameStatus(prev, r.value) ? prev : r.value));
      else if (!opts.quiet) message.error(r.error.message);
    },
    [message],
  );

  const applyStatus = useCallback((s: AppStatus) => {
    generation.current++;
    setStatus((prev) => (sameStatus(prev, s) ? prev : s));
  }, []);

  const setSession = useCallback((session: AppStatus['session']) => {
    generation.current++;
    setStatus((s) => (s ? { ...s, session } : s));
  }, []);

  // Whoever made the call (a poll, an autosave, an upload): a locked core means the lock screen.
  useEffect(
    () =>
      api.onFailure((error) => {
        if (error.kind === 'app_locked') void refreshStatus({ quiet: true });
      }),
    [refreshStatus],
  );

  const run = useCallback(
    async <K extends CallName>(name: K, arg: CallInput<K>, opts: { quiet?: boolean } = {}) => {
      const r = await api.call(name, arg);
      if (!r.ok) {
        if (r.error.kind === 'unauthorized' || r.error.kind === 'setup_required') void refreshStatus();
        // The lock screen says it all: no message that would outlive it.
        if (!opts.quiet && r.error.kind !== 'validation' && r.error.kind !== 'app_locked')
          message.error(r.error.message);
      }
      return r;
    },
    [message, refreshStatus],
  );

  const onBeforeLock = useCallback((fn: () => Promise<unknown>) => {
    beforeLock.current.add(fn);
    return () => void beforeLock.current.delete(fn);
  }, []);

  const lockNow = useCallback(async () => {
    await Promise.allSettled([...beforeLock.current].map((fn) => fn()));
    const r = await run('lock.lockNow', {});
    if (r.ok) applyStatus(r.value);
  }, [run, applyStatus]);

  const value = useMemo(
    () => ({ status, refreshStatus, applyStatus, setSession, run, lockNow, onBeforeLock, api }),
    [status, refreshStatus, applyStatus, setSession, run, lockNow, onBeforeLock],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useApi(): ApiContextValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useApi outside ApiProvider');
  return v;
}

export type { ApiError };
