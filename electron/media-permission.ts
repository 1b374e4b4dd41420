// The only permission the app ever grants: camera and microphone for its own page while a
// recorded signing ceremony is open in the core and recent (全过程记录; the core decides, with the
// sitting limit of core/signatures/sitting.ts). No Electron import: testable on Node.
import { isAppUrl } from './app-origin.ts';

let recordingAllowed: () => boolean = () => false;

/** Set by main.ts: "a recorded signing ceremony is open and recent, and the app is unlocked". */
export function allowRecordingWhen(check: () => boolean): void {
  recordingAllowed = check;
}

export function mayUseMedia(permission: string, requestingUrl: string, mediaTypes: readonly string[] = []): boolean {
  return (
    permission === 'media' &&
    isAppUrl(requestingUrl) &&
    mediaTypes.every((t) => t === 'video' || t === 'audio') &&
    recordingAllowed()
  );
}
