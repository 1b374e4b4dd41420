// The fuse configurations, and afterPack run for real on a synthetic binary that carries Electron's
// fuse wire (no Electron binary can be had here): what is written is read back.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import {
  afterPack,
  configuredFuses,
  packedBinaryPath,
  RELEASE_FUSES,
  TEST_FUSES,
  type AfterPackContextLike,
} from './fuses.ts';

const named = (config: object) =>
  Object.fromEntries(configuredFuses(config as never).map(([o, on]) => [FuseV1Options[o], on]));

describe('fuse configurations', () => {
  it('release: exactly RunAsNode off, NODE_OPTIONS off, inspect arguments off, cookie encryption on, asar integrity on, only app.asar', () => {
    expect(RELEASE_FUSES.version).toBe('1');
    expect(named(RELEASE_FUSES)).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
  });

  it('test builds differ only in keeping the inspect arguments (Playwright _electron)', () => {
    expect(named(TEST_FUSES)).toEqual({ ...named(RELEASE_FUSES), EnableNodeCliInspectArguments: true });
  });
});

// Electron's defaults, as a fresh binary has them (RunAsNode … WasmTrapHandlers).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_WIRE = '101100011';
const dir = mkdtempSync(join(tmpdir(), 'fuses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function packedApp(platform: string, name: string): AfterPackContextLike {
  const ctx = {
    appOutDir: mkdtempSync(join(dir, 'out-')),
    electronPlatformName: platform,
    arch: 1,
    packager: { appInfo: { productFilename: '网信执法现场取证' }, executableName: 'wangxin-field-enforcement' },
  };
  const bytes = Buffer.concat([
    Buffer.alloc(4096, 7),
    Buffer.from(SENTINEL),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE),
    Buffer.alloc(4096, 9),
  ]);
  writeFileSync(join(ctx.appOutDir, name), bytes);
  return ctx;
}

describe('afterPack', () => {
  it('finds the packed binary where electron-builder puts it', () => {
    const ctx = (p: string) => ({
      appOutDir: '/out',
      electronPlatformName: p,
      arch: 1,
      packager: { appInfo: { productFilename: '网信执法现场取证' }, executableName: 'wangxin-field-enforcement' },
    });
    expect(packedBinaryPath(ctx('win32'))).toBe('/out/网信执法现场取证.exe');
    expect(packedBinaryPath(ctx('linux'))).toBe('/out/wangxin-field-enforcement');
    expect(packedBinaryPath(ctx('darwin'))).toBe('/out/网信执法现场取证.app');
  });

  it('writes the release fuses into the binary, and only the fuses it sets', async () => {
    const ctx = packedApp('linux', 'wangxin-field-enforcement');
    await afterPack(ctx, 'release');
    const wire = (await getCurrentFuseWire(packedBinaryPath(ctx))) as unknown as Record<number, number>;
    const on = (o: FuseV1Options) => wire[o] === FuseState.ENABLE;
    expect(on(FuseV1Options.RunAsNode)).toBe(false);
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe(true);
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
    // The three not configured keep Electron's defaults.
    expect(
      [
        FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
        FuseV1Options.GrantFileProtocolExtraPrivileges,
        FuseV1Options.WasmTrapHandlers,
      ].map(on),
    ).toEqual([false, true, true]);
  });

  it('a test build (WXZF_TEST_BUILD=1) keeps the inspect arguments', async () => {
    const ctx = packedApp('win32', '网信执法现场取证.exe');
    const before = process.env.WXZF_TEST_BUILD;
    process.env.WXZF_TEST_BUILD = '1';
    try {
      await afterPack(ctx);
    } finally {
      if (before === undefined) delete process.env.WXZF_TEST_BUILD;
      else process.env.WXZF_TEST_BUILD = before;
    }
    const wire = (await getCurrentFuseWire(packedBinaryPath(ctx))) as unknown as Record<number, number>;
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
  });

  it('fails the build when the binary has no fuse wire', async () => {
    const ctx = packedApp('linux', 'wangxin-field-enforcement');
    writeFileSync(packedBinaryPath(ctx), Buffer.alloc(1024));
    await expect(afterPack(ctx, 'release')).rejects.toThrow(/sentinel/);
    expect(readFileSync(packedBinaryPath(ctx)).every((b) => b === 0)).toBe(true);
  });
});
