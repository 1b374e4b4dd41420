// How long a signing sitting (ceremony) counts as live, and whether the desktop shell may open
// the camera and microphone. Pure functions, no Electron: the shell asks the core, the core asks
// these, and they are unit-tested on Node.

/** One review-and-sign sitting lasts at most this long; an older open one was abandoned (crash, reload, lock). */
export const SITTING_LIMIT_MINUTES = 60;

export interface OpenSitting {
  startedAt: string;
  recording: boolean;
}

/** Open and started within the limit (a start time in the future — a clock set back — does not count either). */
export function sittingIsLive(s: OpenSitting, now: Date, limitMinutes = SITTING_LIMIT_MINUTES): boolean {
  const started = Date.parse(s.startedAt);
  return (
    Number.isFinite(started) && started <= now.getTime() + 60_000 && now.getTime() - started < limitMinutes * 60_000
  );
}

/**
 * Camera and microphone are granted only while a recorded sitting is open and live: a sitting
 * abandoned without `signing.end` stops granting them once the limit has passed, even before it
 * is ended for good (`SignatureStore.endStaleCeremonies`).
 */
export function mediaGrantAllowed(openSittings: readonly OpenSitting[], now: Date): boolean {
  return openSittings.some((s) => s.recording && sittingIsLive(s, now));
}
