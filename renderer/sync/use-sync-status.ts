// The sync status of this device: polled about every second while a sync runs (the core runs it in
// the background; the page follows its progress through sync.status), and every ten seconds
// otherwise, so that the automatic sync (every minute once enrolled) shows up too.
import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../shared/sync/sync-api.ts';
import { useApi } from '../app/api-context.tsx';

const POLL_RUNNING_MS = 1000;
const POLL_IDLE_MS = 10_000;

export function useSyncStatus(): {
  sync: SyncStatus | null;
  setSync: (s: SyncStatus) => void;
  reload: () => Promise<void>;
} {
  const { run } = useApi();
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const reload = useCallback(async () => {
    const r = await run('sync.status', {});
    if (r.ok) setSync(r.value);
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const running = sync?.running ?? false;
  const loaded = sync !== null;
  useEffect(() => {
    if (!loaded) return;
    const delay = running ? POLL_RUNNING_MS : POLL_IDLE_MS;
    // One poll at a time: the next one is scheduled after the answer (a slow answer never piles up).
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      const r = await run('sync.status', {}, { quiet: true });
      if (stopped) return;
      if (r.ok) setSync(r.value);
      timer = setTimeout(() => void tick(), delay);
    };
    timer = setTimeout(() => void tick(), delay);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [loaded, running, run]);
  return { sync, setSync, reload };
}
