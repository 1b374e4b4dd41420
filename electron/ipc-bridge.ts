// Registers every contract call on ipcMain. Each call: the sender frame must be the app's own
// main frame (not an iframe, not a foreign page), then dispatch validates the argument and checks
// the session before the core is reached.
import { CALL_NAMES, IPC_PREFIX } from '../shared/api/call-names.ts';
import { fail, type Result } from '../shared/api/result.ts';

/** The parts of Electron's IpcMainInvokeEvent this module reads (kept small so tests can fake it). */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, arg: unknown) => Promise<Result<unknown>>): void;
}
export type Dispatcher = (name: string, arg: unknown) => Promise<Result<unknown>>;

export function isTrustedSender(event: InvokeEventLike, isAppUrl: (url: string) => boolean): boolean {
  try {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isAppUrl(frame.url);
  } catch {
    return false; // a frame disposed while its message was in flight
  }
}

export function registerApi(ipcMain: IpcMainLike, dispatch: Dispatcher, isAppUrl: (url: string) => boolean): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(IPC_PREFIX + name, async (event, arg) => {
      if (!isTrustedSender(event, isAppUrl)) return fail('forbidden', '拒绝来自非本程序页面的调用。');
      return dispatch(name, arg);
    });
  }
}
