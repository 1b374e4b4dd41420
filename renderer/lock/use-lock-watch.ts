// Keeps the renderer in step with the core's lock. The core locks itself (no activity for
// idleMinutes, the computer slept): a cheap app.status every 15 seconds, and at once when the
// window comes back, notices it. The user's own input — and only that, never a timer or a poll —
// tells the core the user is there (lock.activity, at most every 20 seconds).
import { useEffect, useRef } from 'react';
import { useApi } from '../app/api-context.tsx';

export const STATUS_POLL_MS = 15_000;
export const ACTIVITY_EVERY_MS = 20_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/** Polls app.status once the office is set up (locked or not), and when the window regains focus. */
export function useStatusPoll(enabled: boolean): void {
  const { refreshStatus } = useApi();
  useEffect(() => {
    if (!enabled) return;
    // One poll at a time: the next is scheduled after the answer.
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      await refreshStatus({ quiet: true });
      if (!stopped) timer = setTimeout(() => void tick(), STATUS_POLL_MS);
    };
    timer = setTimeout(() => void tick(), STATUS_POLL_MS);
    // Back from sleep or from another window: the core may have locked meanwhile.
    const onBack = () => {
      if (document.visibilityState === 'visible') void refreshStatus({ quiet: true });
    };
    document.addEventListener('visibilitychange', onBack);
    window.addEventListener('focus', onBack);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onBack);
      window.removeEventListener('focus', onBack);
    };
  }, [enabled, refreshStatus]);
}

/** While unlocked: pointer, key and wheel input (capture phase, passive) → lock.activity, throttled. */
export function useActivityHeartbeat(enabled: boolean): void {
  const { api } = useApi();
  const last = useRef(0);
  useEffect(() => {
    if (!enabled) return;
    const onInput = () => {
      const now = Date.now();
      if (now - last.current < ACTIVITY_EVERY_MS) return;
      last.current = now;
      // A refusal ('app_locked': the core locked first) brings the lock screen through the client's failure listener.
      void api.call('lock.activity', {});
    };
    const opts: AddEventListenerOptions = { capture: true, passive: true };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onInput, opts);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onInput, opts);
    };
  }, [enabled, api]);
}
