import type { CallName } from '../../shared/api/call-names.ts';
import type { CallInput, CallOutput } from '../../shared/api/contract.ts';
import type { ApiError, Result } from '../../shared/api/result.ts';
import type { ImportedEvidence } from '../../shared/evidence/evidence-schema.ts';
import { detectTransport, detectUploader, type Transport, type Uploader } from './transport.ts';

/** Told of every refusal, whoever made the call (e.g. 'app_locked': the app must show its lock screen). */
export type FailureListener = (error: ApiError, name: CallName | 'upload') => void;

/** The one typed client the renderer uses: `api.call('cases.create', input)` → Result. */
export interface ApiClient {
  call<K extends CallName>(name: K, arg: CallInput<K>): Promise<Result<CallOutput<K>>>;
  /** Step two of an import (after evidence.beginImport): the bytes, with progress and cancel. */
  uploadEvidence(
    ticket: string,
    file: Blob,
    onProgress: (sent: number) => void,
    signal: AbortSignal,
  ): Promise<Result<ImportedEvidence>>;
  /** Listens to every failed call and upload; returns the function that stops listening. */
  onFailure(listener: FailureListener): () => void;
}

export function createApiClient(
  transport: Transport = detectTransport(),
  uploader: Uploader = detectUploader(),
): ApiClient {
  const listeners = new Set<FailureListener>();
  const tell = <T>(name: CallName | 'upload', r: Result<T>): Result<T> => {
    if (!r.ok) for (const l of listeners) l(r.error, name);
    return r;
  };
  return {
    call: async (name, arg) => tell(name, await transport(name, arg)) as never,
    uploadEvidence: async (ticket, file, onProgress, signal) =>
      tell('upload', await uploader(ticket, file, onProgress, signal)),
    onFailure: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
