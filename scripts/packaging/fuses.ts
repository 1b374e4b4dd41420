// Electron fuses (security checklist item 19, docs/SECURITY.md): flipped in the packaged Electron
// binary after packing and before signing, by electron-builder's `afterPack` hook (the installers
// issue points electron-builder.yml at `afterPack` below). Release builds turn off every way to run
// the binary as something other than this app; test builds keep only the inspector arguments,
// which Playwright's Electron driver needs (WXZF_TEST_BUILD=1).
import { join } from 'node:path';
import {
  flipFuses,
  FuseState,
  FuseV1Options,
  FuseVersion,
  getCurrentFuseWire,
  type FuseV1Config,
} from '@electron/fuses';

/** The release configuration, in the shape flipFuses takes. Fuses not named keep Electron's default. */
export const RELEASE_FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false, // ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node
  [FuseV1Options.EnableCookieEncryption]: true, // cookies on disk encrypted with the OS keystore's key
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false, // NODE_OPTIONS cannot inject code
  [FuseV1Options.EnableNodeCliInspectArguments]: false, // no --inspect / --inspect-brk debugger
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true, // app.asar checked against the hash in the binary
  [FuseV1Options.OnlyLoadAppFromAsar]: true, // never an app/ folder or a loose app beside the binary
} as const satisfies FuseV1Config;

/** Test builds: the same, except that Playwright's _electron may attach its inspector. */
export const TEST_FUSES = {
  ...RELEASE_FUSES,
  [FuseV1Options.EnableNodeCliInspectArguments]: true,
} as const satisfies FuseV1Config;

export type BuildVariant = 'release' | 'test';
export const fusesFor = (variant: BuildVariant): FuseV1Config => (variant === 'test' ? TEST_FUSES : RELEASE_FUSES);

/** The part of electron-builder's AfterPackContext read here. `arch` is its Arch enum (3 = arm64). */
export interface AfterPackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}
const ARCH_ARM64 = 3;

/** Where electron-builder puts the (renamed) Electron binary in the packed app. */
export function packedBinaryPath(ctx: AfterPackContextLike): string {
  const name = ctx.packager.appInfo.productFilename;
  switch (ctx.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(ctx.appOutDir, `${name}.app`);
    case 'win32':
      return join(ctx.appOutDir, `${name}.exe`);
    default:
      return join(ctx.appOutDir, ctx.packager.executableName ?? name);
  }
}

/**
 * electron-builder `afterPack`: flips the fuses of the variant chosen by WXZF_TEST_BUILD, then
 * reads them back and throws if any differs (a build never ships with fuses it did not ask for).
 */
export async function afterPack(
  ctx: AfterPackContextLike,
  variant: BuildVariant = process.env.WXZF_TEST_BUILD === '1' ? 'test' : 'release',
): Promise<void> {
  const binary = packedBinaryPath(ctx);
  const config = fusesFor(variant);
  // An arm64 macOS binary must be re-signed ad hoc after its bytes change, or it will not start.
  await flipFuses(binary, {
    ...config,
    resetAdHocDarwinSignature: ctx.electronPlatformName === 'darwin' && ctx.arch === ARCH_ARM64,
  });
  const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
  const wrong = configuredFuses(config).filter(
    ([option, on]) => wire[option] !== (on ? FuseState.ENABLE : FuseState.DISABLE),
  );
  if (wrong.length > 0)
    throw new Error(`fuses not set in ${binary}: ${wrong.map(([o]) => FuseV1Options[o]).join(', ')}`);
  console.log(`fuses: ${variant} configuration set in ${binary}`);
}
export default afterPack;

/** The fuses a configuration sets, as [option, on]. */
export function configuredFuses(config: FuseV1Config): [FuseV1Options, boolean][] {
  return Object.entries(config)
    .filter(([k]) => /^\d+$/.test(k))
    .map(([k, v]) => [Number(k) as FuseV1Options, v === true]);
}
