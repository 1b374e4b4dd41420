// SM3 on its own thread, so it runs beside the read, SHA-256 and the disk write of an import.
// hash-wasm, never createHash('sm3'): Electron's BoringSSL has no SM3 (TECH-NOTES.md).
import { createSM3 } from 'hash-wasm';
import { parentPort } from 'node:worker_threads';

const port = parentPort!;
let sm3 = await createSM3();
port.on('message', (m: { chunk?: Uint8Array; digest?: true; reset?: true }) => {
  if (m.chunk) {
    sm3.update(m.chunk);
    port.postMessage({ ack: true });
  } else if (m.digest) {
    port.postMessage({ sm3: sm3.digest('hex') });
    sm3 = sm3.init();
  }
});
port.postMessage({ ready: true });
