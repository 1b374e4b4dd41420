import { isIP } from 'node:net';

/** Only loopback addresses may be bound: the web shell must never be reachable from the network. */
export function isLoopbackAddress(host: string): boolean {
  if (host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}
