// Streaming SM3 (GB/T 32905-2016) over the generated WebAssembly compression function.
// Works the same on Node, in Electron's main process and worker threads, and in a browser:
// it never touches createHash('sm3'), which Electron's BoringSSL lacks (TECH-NOTES.md).
import { INPUT_CAPACITY, INPUT_OFFSET, sm3WasmBytes, STATE_OFFSET } from './sm3-wasm-module.ts';

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

// The part of the WebAssembly API used here, typed locally: the Node-only type configuration of the
// core has no DOM library, where TypeScript declares WebAssembly.
interface WasmModule {
  readonly __wasmModule?: never;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (m: WasmModule) => {
    exports: { memory: { buffer: ArrayBuffer }; compress: (ptr: number, blocks: number) => void };
  };
  validate(bytes: Uint8Array): boolean;
}
export const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let compiled: WasmModule | null = null;
const moduleOnce = () => (compiled ??= new wasm.Module(sm3WasmBytes()));

export class Sm3 {
  private readonly compress: (ptr: number, blocks: number) => void;
  private readonly mem: Uint8Array;
  private readonly words: Uint32Array;
  /** Bytes of an incomplete block, kept at the start of the input area. */
  private pending = 0;
  private total = 0;

  constructor() {
    const { exports } = new wasm.Instance(moduleOnce());
    this.compress = exports.compress;
    this.mem = new Uint8Array(exports.memory.buffer);
    this.words = new Uint32Array(exports.memory.buffer, STATE_OFFSET, 8);
    this.reset();
  }

  reset(): this {
    this.words.set(IV);
    this.pending = 0;
    this.total = 0;
    return this;
  }

  update(data: Uint8Array): this {
    this.total += data.length;
    let at = 0;
    while (at < data.length) {
      // Fill the input area after any pending bytes; run every whole block in it.
      const n = Math.min(INPUT_CAPACITY - this.pending, data.length - at);
      this.mem.set(data.subarray(at, at + n), INPUT_OFFSET + this.pending);
      at += n;
      const filled = this.pending + n;
      const blocks = filled >>> 6;
      if (blocks > 0) this.compress(INPUT_OFFSET, blocks);
      this.pending = filled & 63;
      if (this.pending > 0 && blocks > 0)
        this.mem.copyWithin(INPUT_OFFSET, INPUT_OFFSET + blocks * 64, INPUT_OFFSET + filled);
    }
    return this;
  }

  /** The digest as 64 lowercase hex characters; the hash is reset afterwards. */
  digestHex(): string {
    const bits = BigInt(this.total) * 8n;
    const padLength = (this.pending < 56 ? 56 : 120) - this.pending;
    const tail = new Uint8Array(padLength + 8);
    tail[0] = 0x80;
    new DataView(tail.buffer).setBigUint64(padLength, bits, false);
    this.update(tail);
    let hex = '';
    for (const w of this.words) hex += w.toString(16).padStart(8, '0');
    this.reset();
    return hex;
  }
}

// One instance for every one-shot hash on this thread: instantiating the module allocates and zeroes
// its 1 MiB+ memory, which cost ~6× the hash itself for a seal of a few kilobytes (docs/SEAL-FORMAT.md,
// "Verifying fast"). Safe because update/digestHex run synchronously to the end and digestHex resets (so does the reset first, after any throw).
let shared: Sm3 | null = null;

/** SM3 of a whole buffer, as hex. */
export function sm3Hex(data: Uint8Array): string {
  return (shared ??= new Sm3()).reset().update(data).digestHex();
}
