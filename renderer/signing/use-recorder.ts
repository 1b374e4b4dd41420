// Recording the signing ceremony (全过程记录): camera and microphone through MediaRecorder, in
// one-second chunks kept in memory until the ceremony ends, then stored as evidence of the case.
import { useCallback, useEffect, useRef, useState } from 'react';
import { mediaFailureReason } from './recording-errors.ts';

export type RecorderState =
  { kind: 'off' } | { kind: 'recording'; since: number } | { kind: 'failed'; message: string };

export function useRecorder() {
  const [state, setState] = useState<RecorderState>({ kind: 'off' });
  const [stream, setStream] = useState<MediaStream | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const chunks = useRef<Blob[]>([]);

  const start = useCallback(async (): Promise<boolean> => {
    try {
      const s = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true });
      const mimeType = ['video/webm;codecs=vp8,opus', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t)) ?? '';
      const r = new MediaRecorder(s, mimeType ? { mimeType } : {});
      chunks.current = [];
      r.ondataavailable = (e) => e.data.size > 0 && chunks.current.push(e.data);
      // A camera unplugged or taken by another program mid-sitting: the recording stops there.
      r.onerror = (e) =>
        setState({ kind: 'failed', message: mediaFailureReason((e as Event & { error?: unknown }).error) });
      s.getTracks().forEach((t) =>
        t.addEventListener('ended', () => setState({ kind: 'failed', message: '摄像头或麦克风在录像中断开' })),
      );
      r.start(1000);
      recorder.current = r;
      setStream(s);
      setState({ kind: 'recording', since: Date.now() });
      return true;
    } catch (e) {
      // In Chinese from the error's name: the browser's English text never reaches the screen or the record.
      setState({ kind: 'failed', message: mediaFailureReason(e) });
      return false;
    }
  }, []);

  /** Stops and returns the recording (null if nothing was recorded). */
  const stop = useCallback(async (): Promise<Blob | null> => {
    const r = recorder.current;
    if (!r) return null;
    const done = new Promise<void>((resolve) => (r.onstop = () => resolve()));
    if (r.state !== 'inactive') r.stop();
    await done;
    r.stream.getTracks().forEach((t) => t.stop());
    recorder.current = null;
    setStream(null);
    setState({ kind: 'off' });
    return chunks.current.length ? new Blob(chunks.current, { type: r.mimeType || 'video/webm' }) : null;
  }, []);

  // Leaving the screen (back, lock, reload) must not leave the camera and microphone on.
  useEffect(
    () => () => {
      const r = recorder.current;
      recorder.current = null;
      if (r && r.state !== 'inactive') r.stop();
      r?.stream.getTracks().forEach((t) => t.stop());
    },
    [],
  );

  return { state, stream, start, stop };
}
