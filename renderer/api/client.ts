import type { CallName } from '../../shared/api/call-names.ts';
import type { CallInput, CallOutput } from '../../shared/api/contract.ts';
import type { Result } from '../../shared/api/result.ts';
import type { EvidenceItem } from '../../shared/evidence/evidence-schema.ts';
import { detectTransport, detectUploader, type Transport, type Uploader } from './transport.ts';

/** The one typed client the renderer uses: `api.call('cases.create', input)` → Result. */
export interface ApiClient {
  call<K extends CallName>(name: K, arg: CallInput<K>): Promise<Result<CallOutput<K>>>;
  /** Step two of an import (after evidence.beginImport): the bytes, with progress and cancel. */
  uploadEvidence(ticket: string, file: Blob, onProgress: (sent: number) => void, signal: AbortSignal): Promise<Result<EvidenceItem>>;
}

export function createApiClient(transport: Transport = detectTransport(), uploader: Uploader = detectUploader()): ApiClient {
  return {
    call: (name, arg) => transport(name, arg) as never,
    uploadEvidence: (ticket, file, onProgress, signal) => uploader(ticket, file, onProgress, signal) as Promise<Result<EvidenceItem>>,
  };
}
