// What a shell must provide for the capture browser: a separate, sandboxed browser window the
// officer drives, and a CDP channel to it. The Electron shell provides one; the web shell has
// none (a page cannot capture another site), and the calls say so.
import type { CdpSend } from './cdp-capture.ts';

export interface CaptureHost {
  open(url: string): Promise<void>;
  /** The CDP channel to the page the capture window shows now, or null if none is open. */
  cdp(): Promise<CdpSend | null>;
  close(): void;
}

export interface CaptureTarget {
  caseId: string;
  documentId: string;
}
