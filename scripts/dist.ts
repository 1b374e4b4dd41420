// `npm run dist`: this platform's installers (electron-builder.yml, docs/PACKAGING.md) — on Linux the
// deb and the AppImage for x64 and arm64, on Windows the NSIS installer for x64; `-- --win` or
// `-- --linux` to choose. It first fetches Electron's binary for each target (into electron-builder's
// cache, where electron-builder then finds it): where that cannot be done, as on our development
// machines, it says so in one line and stops before building anything. Then `npm run build`, then
// electron-builder, whose afterPack hook sets the release fuses (WXZF_TEST_BUILD=1: a test build).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ElectronBuilder from 'electron-builder';
import { parse } from 'yaml';
import { buildElectron, buildRenderer, ROOT } from './build.ts';

type Os = 'linux' | 'win';
interface TargetEntry {
  target: string;
  arch?: string | string[];
}
type TargetsConfig = Partial<Record<Os, { target?: (string | TargetEntry)[] }>>;

/** Stops with one line, Chinese then English, and no stack trace. */
function stop(zh: string, en: string): never {
  console.error(`npm run dist：${zh} / npm run dist: ${en}`);
  process.exit(1);
}

/** The architectures electron-builder.yml builds for an OS (its `target` entries). */
export function configuredArchs(config: TargetsConfig, os: Os): string[] {
  const targets = (config[os]?.target ?? []).map((t): TargetEntry => (typeof t === 'string' ? { target: t } : t));
  return [
    ...new Set(targets.flatMap((t) => (t.arch === undefined ? ['x64'] : Array.isArray(t.arch) ? t.arch : [t.arch]))),
  ];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const os: Os | null = args.includes('--win')
    ? 'win'
    : args.includes('--linux')
      ? 'linux'
      : process.platform === 'win32'
        ? 'win'
        : process.platform === 'linux'
          ? 'linux'
          : null;
  if (!os)
    stop(
      '本程序只有 Windows 与 Linux 安装包，请在其中之一上运行。',
      `there are installers for Windows and Linux only, not for ${process.platform}; run this on one of them.`,
    );

  const builderPackage = join(ROOT, 'node_modules', 'electron-builder', 'package.json');
  if (!existsSync(builderPackage))
    stop(
      '未安装 electron-builder，请先运行 npm install（它是开发依赖）。',
      'electron-builder is not installed; run `npm install` first (it is a devDependency).',
    );
  const fromBuilder = createRequire(builderPackage);
  const eb = fromBuilder('electron-builder') as typeof ElectronBuilder;
  // electron-builder's own downloader, so that the binary lands where its packing step looks for it.
  const { downloadElectronArtifactZip } = fromBuilder('app-builder-lib/out/util/electronGet.js') as {
    downloadElectronArtifactZip(options: {
      electronDownload: unknown;
      artifactName: string;
      platformName: string;
      arch: string;
      version: string;
    }): Promise<string>;
  };

  const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as TargetsConfig & {
    electronDownload?: unknown;
  };
  const version = (
    JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }
  ).version;
  const platformName = os === 'win' ? 'win32' : 'linux';
  for (const arch of configuredArchs(config, os)) {
    try {
      await downloadElectronArtifactZip({
        electronDownload: config.electronDownload ?? null,
        artifactName: 'electron',
        platformName,
        arch,
        version,
      });
    } catch {
      stop(
        `无法下载 Electron ${version}（${platformName}-${arch}），本机不能制作安装包；请在能访问 Electron 下载地址（或已设置 ELECTRON_MIRROR 镜像）的联网机器上运行。`,
        `the Electron ${version} binary (${platformName}-${arch}) cannot be downloaded here, so no installer can be built on this machine; run it where Electron's download site (or an ELECTRON_MIRROR) can be reached.`,
      );
    }
  }

  const testBuild = process.env.WXZF_TEST_BUILD === '1';
  if (testBuild)
    console.log(
      'npm run dist: WXZF_TEST_BUILD=1 — a test build (inspector fuse on), written to dist/installers-test; never give it to an office.',
    );
  await buildRenderer();
  await buildElectron();

  process.env.NO_UPDATE_NOTIFIER ??= '1';
  const platform = os === 'win' ? eb.Platform.WINDOWS : eb.Platform.LINUX;
  try {
    const artifacts = await eb.build({
      projectDir: ROOT,
      targets: platform.createTarget(), // the targets and architectures of electron-builder.yml
      publish: 'never',
      ...(testBuild ? { config: { directories: { output: 'dist/installers-test' } } } : {}),
    });
    console.log('npm run dist: built');
    for (const a of artifacts) console.log(`  ${a}`);
  } catch (e) {
    stop(
      'electron-builder 未能完成（原因见下）。',
      `electron-builder failed: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

// (pathToFileURL: on Windows, where the installer is built, argv[1] is a drive path.)
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
