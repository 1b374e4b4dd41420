// Autosave: every change is stored within a second (no save button to forget). Saves go one at a
// time in order, each based on the revision the previous one returned; undo keeps the last 200
// content values, grouping bursts of typing in one field.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentDetail } from '../../shared/documents/document-api.ts';
import { useApi } from '../app/api-context.tsx';
import type { Content } from './paths.ts';

export type SaveState =
  { kind: 'saved'; at: string } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'error'; message: string };

const SAVE_DELAY_MS = 400;
/**
 * Continuous typing would keep postponing a plain debounce: a change waits at most this long, so a
 * crash loses at most about the last second of typing (e2e: 'an edit survives …').
 */
const MAX_WAIT_MS = 700;
const UNDO_LIMIT = 200;
const GROUP_MS = 1000;

export function useAutosave(doc: DocumentDetail, opts: { discardSignatures?: () => boolean } = {}) {
  const { run, onBeforeLock } = useApi();
  const [content, setContent] = useState<Content>(doc.content);
  const [state, setState] = useState<DocumentDetail['state']>(doc.state);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved', at: doc.updatedAt });
  const revision = useRef(doc.revision);
  const latest = useRef(content);
  const savedValue = useRef(content);
  const inFlight = useRef(false);
  const lastSavedAt = useRef(doc.updatedAt);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pendingSince = useRef<number | null>(null);
  const undoStack = useRef<{ value: Content; path: string; at: number }[]>([]);

  const flush = useCallback(async () => {
    if (inFlight.current) return;
    pendingSince.current = null;
    if (latest.current === savedValue.current) {
      // e.g. an undo back to what is stored: nothing to write, and nothing pending either.
      setSaveState({ kind: 'saved', at: lastSavedAt.current });
      return;
    }
    inFlight.current = true;
    const value = latest.current;
    setSaveState({ kind: 'saving' });
    const discardSignatures = opts.discardSignatures?.() ?? false;
    const r = await run(
      'documents.save',
      { id: doc.id, revision: revision.current, content: value, discardSignatures },
      { quiet: true },
    );
    inFlight.current = false;
    if (!r.ok) {
      setSaveState({ kind: 'error', message: r.error.message });
      return;
    }
    revision.current = r.value.revision;
    savedValue.current = value;
    lastSavedAt.current = r.value.updatedAt;
    setState(r.value.state);
    setSaveState(latest.current === value ? { kind: 'saved', at: r.value.updatedAt } : { kind: 'pending' });
    if (latest.current !== value) void flush();
  }, [doc.id, run, opts]);

  const schedule = useCallback(() => {
    setSaveState({ kind: 'pending' });
    clearTimeout(timer.current);
    const now = Date.now();
    pendingSince.current ??= now;
    timer.current = setTimeout(
      () => void flush(),
      Math.max(0, Math.min(SAVE_DELAY_MS, pendingSince.current + MAX_WAIT_MS - now)),
    );
  }, [flush]);

  /** Apply an edit. `path` groups undo steps: consecutive edits of one field within a second are one step. */
  const update = useCallback(
    (next: Content | ((c: Content) => Content), path = '*') => {
      const before = latest.current;
      const value = typeof next === 'function' ? next(before) : next;
      if (value === before) return;
      const top = undoStack.current.at(-1);
      const now = Date.now();
      if (!(top && top.path === path && path !== '*' && now - top.at < GROUP_MS)) {
        undoStack.current.push({ value: before, path, at: now });
        if (undoStack.current.length > UNDO_LIMIT) undoStack.current.shift();
      } else top.at = now;
      latest.current = value;
      setContent(value);
      schedule();
    },
    [schedule],
  );

  const undo = useCallback(() => {
    const prev = undoStack.current.pop();
    if (!prev) return false;
    latest.current = prev.value;
    setContent(prev.value);
    schedule();
    return true;
  }, [schedule]);

  // Save what is pending when the editor closes or the page is hidden or left (a reload, closing
  // the tab): best effort, since the page may be gone before the answer comes; the bound above is
  // what guarantees at most about a second is lost.
  useEffect(() => {
    const onHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
      clearTimeout(timer.current);
      void flush();
    };
  }, [flush]);

  // 锁定 unmounts the editor: what is pending is saved first (the core refuses everything once locked).
  useEffect(
    () =>
      onBeforeLock(async () => {
        clearTimeout(timer.current);
        for (let tries = 0; tries < 50 && latest.current !== savedValue.current; tries++) {
          if (inFlight.current) await new Promise((r) => setTimeout(r, 100));
          else {
            await flush();
            if (latest.current !== savedValue.current && !inFlight.current) break; // refused: the editor shows why
          }
        }
      }),
    [onBeforeLock, flush],
  );

  return { content, update, undo, state, setState, saveState, flush };
}
