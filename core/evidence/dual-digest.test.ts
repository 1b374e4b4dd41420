// Known answers for both digests, and agreement with the standard tools a court would use.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { digestFile } from './evidence-store.ts';
import { DualDigest } from '../../protocol/crypto/dual-digest.ts';

const dir = mkdtempSync(join(tmpdir(), 'digest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function digestOf(bytes: Uint8Array) {
  const d = new DualDigest();
  try {
    await d.update(bytes);
    return await d.digest();
  } finally {
    await d.close();
  }
}

describe('SHA-256 and SM3 from one pass', () => {
  it('empty input', async () => {
    const d = new DualDigest();
    const r = await d.digest();
    await d.close();
    expect(r.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(r.sm3).toBe('1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
  });

  it('"abc" (GB/T 32905-2016 example)', async () => {
    const r = await digestOf(new TextEncoder().encode('abc'));
    expect(r.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(r.sm3).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('a multi-megabyte file agrees with sha256sum and openssl dgst -sm3', async () => {
    const file = join(dir, 'big.bin');
    writeFileSync(file, Buffer.concat([randomBytes(5 * 1024 * 1024 + 17), Buffer.from('尾部𠮷')]));
    const ours = await digestFile(file);
    const sha = execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];
    const sm3 = /=\s*([0-9a-f]{64})/.exec(execFileSync('openssl', ['dgst', '-sm3', file], { encoding: 'utf8' }))![1];
    expect(ours.sha256).toBe(sha);
    expect(ours.sm3).toBe(sm3);
    expect(ours.size).toBe(5 * 1024 * 1024 + 17 + Buffer.byteLength('尾部𠮷'));
  });

  it('chunking does not change the digests', async () => {
    const bytes = randomBytes(3_000_001);
    const whole = await digestOf(bytes);
    const d = new DualDigest();
    for (let i = 0; i < bytes.length; i += 65_537) await d.update(bytes.subarray(i, i + 65_537));
    const parts = await d.digest();
    await d.close();
    expect(parts).toEqual(whole);
  });
});
