// SM3 on its own thread, so it runs beside the read, SHA-256 and the disk write of an import.
// Our generated WebAssembly SM3 (sm3/), never createHash('sm3'): Electron's BoringSSL has no SM3
// (TECH-NOTES.md). Chunks arrive in slots of a shared ring (no copy per chunk, no garbage): {slot, length}.
import { parentPort, workerData } from 'node:worker_threads';
import { Sm3 } from './sm3/sm3.ts';

const port = parentPort!;
const { ring, slotSize } = workerData as { ring: SharedArrayBuffer; slotSize: number };
const view = new Uint8Array(ring);
const sm3 = new Sm3();
port.on('message', (m: { slot?: number; length?: number; digest?: true }) => {
  if (m.slot !== undefined) {
    sm3.update(view.subarray(m.slot * slotSize, m.slot * slotSize + m.length!));
    port.postMessage({ ack: m.slot });
  } else if (m.digest) {
    port.postMessage({ sm3: sm3.digestHex() });
  }
});
port.postMessage({ ready: true });
