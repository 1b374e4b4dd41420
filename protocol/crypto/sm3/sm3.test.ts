// The generated SM3 against the standard's examples and against OpenSSL's SM3 (Node's createHash,
// fine in a test: this code never runs in Electron) for every padding case and arbitrary splits.
import { createHash, randomBytes } from 'node:crypto';
import { createSM3 } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { Sm3, sm3Hex, wasm } from './sm3.ts';
import { sm3WasmBytes } from './sm3-wasm-module.ts';

const openssl = (b: Uint8Array) => createHash('sm3').update(b).digest('hex');

describe('SM3 (generated WebAssembly)', () => {
  it('GB/T 32905-2016 examples: "abc" and the 64-byte "abcd"×16', () => {
    expect(sm3Hex(new TextEncoder().encode('abc'))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(sm3Hex(new TextEncoder().encode('abcd'.repeat(16)))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
    expect(sm3Hex(new Uint8Array())).toBe('1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
  });

  it('agrees with OpenSSL for every length from 0 to 300 bytes (all padding cases)', () => {
    const data = randomBytes(300);
    for (let n = 0; n <= 300; n++)
      expect(sm3Hex(data.subarray(0, n)), `length ${n}`).toBe(openssl(data.subarray(0, n)));
  });

  it('agrees with OpenSSL across the 1 MiB input area and for arbitrary splits', () => {
    const data = randomBytes(3 * (1 << 20) + 12_345);
    const h = new Sm3();
    let at = 0;
    for (const step of [1, 63, 64, 65, (1 << 20) - 1, 1 << 20, 7, (1 << 20) + 1, 999_999]) {
      h.update(data.subarray(at, at + step));
      at += step;
    }
    h.update(data.subarray(at));
    expect(h.digestHex()).toBe(openssl(data));
    // digestHex resets: the same object hashes the next input from scratch
    expect(h.update(data.subarray(0, 5)).digestHex()).toBe(openssl(data.subarray(0, 5)));
  });

  it('agrees with hash-wasm, an independent SM3, on a few megabytes', async () => {
    const data = randomBytes(4 * (1 << 20) + 3);
    const other = await createSM3();
    expect(sm3Hex(data)).toBe(other.update(data).digest('hex'));
  });

  it('the module is generated identically every time and is valid WebAssembly', () => {
    const a = sm3WasmBytes();
    expect(Buffer.from(sm3WasmBytes()).equals(Buffer.from(a))).toBe(true);
    expect(wasm.validate(a)).toBe(true);
  });
});
