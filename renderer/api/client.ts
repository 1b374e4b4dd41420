import type { CallName } from '../../shared/api/call-names.ts';
import type { CallInput, CallOutput } from '../../shared/api/contract.ts';
import type { Result } from '../../shared/api/result.ts';
import { detectTransport, type Transport } from './transport.ts';

/** The one typed client the renderer uses: `api.call('cases.create', input)` → Result. */
export interface ApiClient {
  call<K extends CallName>(name: K, arg: CallInput<K>): Promise<Result<CallOutput<K>>>;
}

export function createApiClient(transport: Transport = detectTransport()): ApiClient {
  return {
    call: (name, arg) => transport(name, arg) as never,
  };
}
