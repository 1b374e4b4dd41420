// What the worker threads of the verifiers' shared pool (seal-chain-parallel.ts) can be asked to
// run: each a pure function of structured-clonable arguments.
import { checkSealText, type DeviceKeys } from './verify-seal-parts.ts';

export { checkSealRowProblems } from './seal-chain.ts';

/** One seal of a bundle or folder as read: its text and the bytes of its two signature files. */
export interface SealFiles {
  member: string;
  text: string | null;
  sm2: Uint8Array | null;
  ed25519: Uint8Array | null;
  seq: number;
}

/** checkSealText of each seal of a slice, in order (signature bytes arrive as Uint8Array: made Buffers again). */
export function checkSealTexts(seals: SealFiles[], keys: DeviceKeys): ReturnType<typeof checkSealText>[] {
  const buf = (b: Uint8Array | null) => (b ? Buffer.from(b.buffer, b.byteOffset, b.byteLength) : null);
  return seals.map((s) => checkSealText(s.text, buf(s.sm2), buf(s.ed25519), keys, s.seq));
}
