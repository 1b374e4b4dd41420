// The installers cannot be built here (no Electron binary can be downloaded), so this checks what
// can be checked without one. Statically: electron-builder.yml parses and names the targets, icons,
// fuse hook and unpacking the installers need, and every file it references exists. For real: the app
// is built and electron-builder itself packs it for Linux x64 and arm64 (`dir` targets, the step
// every installer starts from) around a stand-in for Electron's binary that carries Electron's fuse
// wire — then app.asar is listed (what the `files` patterns select from the built tree), what is
// unpacked is checked, and the fuses the afterPack hook wrote are read back.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { minimatch } from 'minimatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildElectron, buildRenderer, rendererIsStale, ROOT } from '../../scripts/build.ts';
import { configuredArchs } from '../../scripts/dist.ts';
import { configuredFuses, RELEASE_FUSES } from '../../scripts/packaging/fuses.ts';

interface Target {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  extraMetadata: { main: string };
  asar: unknown;
  disableAsarIntegrity?: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  electronLanguages: string[];
  afterPack: string;
  electronFuses?: unknown;
  win: { target: Target[]; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: Target[]; icon: string; executableName: string };
}
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  productName: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'));

/** The static part of a glob: the folder or file it starts from. */
const globBase = (pattern: string) =>
  pattern
    .split('/')
    .filter((_, i, parts) => !parts.slice(0, i + 1).some((p) => /[*?{}[\]()!]/.test(p)))
    .join('/');

function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

// --- app.asar, read as Electron does: a pickled JSON header, then the files' bytes ---------------
interface Integrity {
  algorithm: string;
  hash: string;
}
interface AsarFile {
  path: string;
  size: number;
  offset?: string;
  unpacked?: boolean;
  integrity?: Integrity;
}
interface AsarNode {
  files?: Record<string, AsarNode>;
  size?: number;
  offset?: string;
  unpacked?: boolean;
  integrity?: Integrity;
}
function readAsar(file: string): { files: AsarFile[]; read: (f: AsarFile) => Buffer } {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(16);
  readSync(fd, head, 0, 16, 0);
  const headerSize = head.readUInt32LE(4);
  const json = Buffer.alloc(head.readUInt32LE(12));
  readSync(fd, json, 0, json.length, 16);
  closeSync(fd);
  const files: AsarFile[] = [];
  const walk = (node: AsarNode, prefix: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, path);
      else
        files.push({
          path,
          size: child.size ?? 0,
          ...(child.offset !== undefined && { offset: child.offset }),
          ...(child.unpacked && { unpacked: true }),
          ...(child.integrity && { integrity: child.integrity }),
        });
    }
  };
  walk(JSON.parse(json.toString('utf8')) as AsarNode, '');
  const read = (f: AsarFile) => {
    const out = Buffer.alloc(f.size);
    const d = openSync(file, 'r');
    readSync(d, out, 0, f.size, 8 + headerSize + Number(f.offset));
    closeSync(d);
    return out;
  };
  return { files, read };
}

// --- electron-builder, run for real ---------------------------------------------------------------
const ARCHS = ['x64', 'arm64'] as const;
type Arch = (typeof ARCHS)[number];
const work = mkdtempSync(join(tmpdir(), 'packaging-'));
const out = join(work, 'out');
const unpackedDir = (arch: Arch) => join(out, arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`);
const packed = new Map<Arch, ReturnType<typeof readAsar>>();
let builderLog = '';

// A stand-in for Electron's Linux zip: a "binary" holding Electron's fuse sentinel and wire (the
// defaults of a fresh Electron 45), a licence, and some of Chromium's locales.
function fakeElectronDist(): string {
  const dir = join(work, 'electron-dist');
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'));
  const wire = '101100011';
  writeFileSync(
    join(dir, 'electron'),
    Buffer.concat([
      Buffer.alloc(4096, 7),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      Buffer.from([1, wire.length]),
      Buffer.from(wire),
      Buffer.alloc(4096, 9),
    ]),
  );
  chmodSync(join(dir, 'electron'), 0o755);
  for (const locale of ['en-US', 'zh-CN', 'zh-TW', 'fr', 'de'])
    writeFileSync(join(dir, 'locales', `${locale}.pak`), locale);
  writeFileSync(join(dir, 'LICENSE'), 'Electron licence');
  return dir;
}

beforeAll(async () => {
  // `npm run build`, as `npm run dist` runs it (the renderer only when stale: npm test builds it first).
  if (rendererIsStale()) await buildRenderer();
  await buildElectron();
  const env: NodeJS.ProcessEnv = { ...process.env, NO_UPDATE_NOTIFIER: '1' };
  delete env.WXZF_TEST_BUILD; // the release fuses
  const cli = join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
  const args = [
    cli,
    '--linux',
    'dir',
    ...ARCHS.map((a) => `--${a}`),
    '--publish',
    'never',
    `-c.electronDist=${fakeElectronDist()}`,
    `-c.directories.output=${out}`,
  ];
  try {
    const r = await promisify(execFile)(process.execPath, args, { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
    builderLog = r.stdout + r.stderr;
  } catch (e) {
    const failed = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`electron-builder failed: ${failed.message}\n${failed.stdout ?? ''}${failed.stderr ?? ''}`, {
      cause: e,
    });
  }
  for (const arch of ARCHS) packed.set(arch, readAsar(join(unpackedDir(arch), 'resources', 'app.asar')));
  const count = (arch: Arch) =>
    `${packed.get(arch)!.files.length} files (${packed.get(arch)!.files.filter((f) => f.unpacked).length} unpacked)`;
  console.log(
    `packaging: the files patterns select ${count('x64')} for linux-x64 and ${count('arm64')} for linux-arm64`,
  );
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('electron-builder.yml', () => {
  it('names the app and its installers: NSIS x64; deb and AppImage for x64 and arm64', () => {
    expect(config.appId).toBe('cn.gov.wangxin.fieldenforcement');
    expect(config.productName).toBe('网信执法现场取证');
    expect(pkg.productName).toBe(config.productName);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(configuredArchs(config, 'linux')).toEqual(['x64', 'arm64']); // what npm run dist fetches Electron for
    expect(configuredArchs(config, 'win')).toEqual(['x64']);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.perMachine).toBe(true);
  });

  it('packs into app.asar with its integrity hash, rebuilds nothing, and leaves the fuses to the afterPack hook', () => {
    expect(config.asar).toBe(true);
    expect(config.disableAsarIntegrity ?? false).toBe(false);
    expect(config.npmRebuild).toBe(false); // the prebuilt Node-API binding loads in Electron as it is
    expect(config.electronFuses).toBeUndefined(); // one source for the fuses: scripts/packaging/fuses.ts
    expect(config.electronLanguages).toEqual(['zh-CN', 'en-US']);
  });

  it('every file it references exists', () => {
    const referenced = [
      config.directories.buildResources,
      config.win.icon,
      config.linux.icon,
      config.afterPack,
      config.extraMetadata.main,
      ...config.files.filter((p) => !p.startsWith('!')).map(globBase),
      ...config.asarUnpack.map(globBase).filter(Boolean),
    ];
    expect(referenced).toContain('node_modules/better-sqlite3-multiple-ciphers');
    for (const path of referenced) expect(existsSync(join(ROOT, path)), path).toBe(true);
    expect(pkg.devDependencies['electron-builder']).toBeDefined();
  });

  it('the afterPack hook is the fuse module, loadable the way electron-builder loads it (require, Node 24 strips the types)', async () => {
    const hook = join(ROOT, config.afterPack);
    expect(hook).toBe(join(ROOT, 'scripts', 'packaging', 'fuses.ts'));
    const required = createRequire(import.meta.url)(hook) as { afterPack?: unknown };
    expect(typeof required.afterPack).toBe('function');
    const imported = (await import(hook)) as { afterPack?: unknown; default?: unknown };
    expect(typeof imported.afterPack).toBe('function');
  });

  it('Linux icons: one PNG per size, each as large as its name says, 16 to 1024 px', () => {
    const dir = join(ROOT, config.linux.icon);
    const sizes = readdirSync(dir).map((name) => {
      const m = /^(\d+)x(\d+)\.png$/.exec(name);
      expect(m, name).not.toBeNull();
      const n = Number(m![1]);
      expect(Number(m![2])).toBe(n);
      expect(pngSize(join(dir, name)), name).toEqual([n, n]);
      return n;
    });
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256, 512, 1024]);
  });

  it('the Windows icon holds 16 to 256 px (electron-builder needs 256), the 256 px one a real 256 px PNG', () => {
    const ico = readFileSync(join(ROOT, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const entries = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ({
      size: ico[6 + 16 * i] || 256,
      bytes: ico.readUInt32LE(6 + 16 * i + 8),
      offset: ico.readUInt32LE(6 + 16 * i + 12),
    }));
    expect(entries.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    const big = entries.find((e) => e.size === 256)!;
    const png = ico.subarray(big.offset, big.offset + big.bytes);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([256, 256]);
    for (const e of entries.filter((x) => x.size < 256)) expect(ico.readInt32LE(e.offset + 4)).toBe(e.size); // BITMAPINFOHEADER width
  });

  it('each package keeps the SQLite binary of its own platform and architecture (Windows included)', () => {
    // electron-builder expands ${os} (linux, win) and ${arch} in the patterns, then applies the
    // exclusions (the "!" patterns) to the production dependencies' files.
    const exclusions = config.files
      .filter((p) => p.startsWith('!node_modules/better-sqlite3-multiple-ciphers/prebuilds/'))
      .map((p) => p.slice(1));
    const prebuilds = readdirSync(join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds')).map(
      (f) => `node_modules/better-sqlite3-multiple-ciphers/prebuilds/${f}`,
    );
    const kept = (os: string, arch: string) =>
      prebuilds.filter(
        (f) =>
          !exclusions.some((p) => minimatch(f, p.replaceAll('${os}', os).replaceAll('${arch}', arch), { dot: true })),
      );
    const expected = (name: string) => [`node_modules/better-sqlite3-multiple-ciphers/prebuilds/${name}.node`];
    expect(kept('win', 'x64')).toEqual(expected('win32-x64'));
    expect(kept('linux', 'x64')).toEqual(expected('linux-x64'));
    expect(kept('linux', 'arm64')).toEqual(expected('linux-arm64'));
  });

  it('every native (.node) file of the production dependencies is unpacked from asar', () => {
    // The production dependency closure, found the way Node resolves it (nearest node_modules up).
    const seen = new Map<string, string>();
    const visit = (name: string, from: string) => {
      for (let dir = from; ; dir = dirname(dir)) {
        const candidate = join(dir, 'node_modules', name);
        if (existsSync(join(candidate, 'package.json'))) {
          if (seen.has(candidate)) return;
          seen.set(candidate, name);
          const p = JSON.parse(readFileSync(join(candidate, 'package.json'), 'utf8')) as {
            dependencies?: Record<string, string>;
            optionalDependencies?: Record<string, string>;
          };
          for (const dep of Object.keys({ ...p.dependencies, ...p.optionalDependencies })) visit(dep, candidate);
          return;
        }
        if (dir === ROOT || dirname(dir) === dir) return;
      }
    };
    for (const dep of Object.keys(pkg.dependencies)) visit(dep, ROOT);
    const natives = [...seen.keys()].flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter(
          (e) =>
            e.isFile() &&
            e.name.endsWith('.node') &&
            !relative(dir, e.parentPath).split(/[\\/]/).includes('node_modules'),
        )
        .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/')),
    );
    expect(natives).toContain('node_modules/better-sqlite3-multiple-ciphers/prebuilds/win32-x64.node');
    expect(natives).toContain('node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-arm64.node');
    for (const file of natives)
      expect(
        config.asarUnpack.some((p) => minimatch(file, p, { dot: true })),
        file,
      ).toBe(true);
  });
});

describe('electron-builder, run on the built app (Linux x64 and arm64, a stand-in Electron binary)', () => {
  it('app.asar holds exactly the built app, the catalog, the fonts with their licences, package.json and the native binding', () => {
    const built = [...filesUnder(join(ROOT, 'dist', 'electron')), ...filesUnder(join(ROOT, 'dist', 'renderer'))].filter(
      (f) => !f.endsWith('.map'),
    );
    const fonts = filesUnder(join(ROOT, 'assets', 'fonts'));
    expect(built).toEqual(
      expect.arrayContaining([
        'dist/electron/main.mjs',
        'dist/electron/preload.cjs',
        'dist/electron/sm3-worker.mjs',
        'dist/renderer/index.html',
      ]),
    );
    expect(fonts).toEqual(
      expect.arrayContaining([
        'assets/fonts/DroidSansFallbackFull.ttf',
        'assets/fonts/HanaMinB.ttf',
        'assets/fonts/LICENSE-Apache-2.0.txt',
        'assets/fonts/LICENSE-DroidSansFallback.txt',
        'assets/fonts/LICENSE-Hanazono.txt',
        'assets/fonts/LICENSE-DejaVu.txt',
      ]),
    );
    const sqlite = 'node_modules/better-sqlite3-multiple-ciphers';
    for (const arch of ARCHS) {
      const files = packed.get(arch)!.files.map((f) => f.path);
      const app = files.filter((f) => !f.startsWith('node_modules/'));
      expect(new Set(app)).toEqual(new Set([...built, ...fonts, 'assets/catalog/catalog.json', 'package.json']));
      const modules = files.filter((f) => f.startsWith('node_modules/'));
      expect(modules.every((f) => f.startsWith(`${sqlite}/`))).toBe(true);
      expect(modules).toEqual(
        expect.arrayContaining([
          `${sqlite}/package.json`,
          `${sqlite}/LICENSE`,
          `${sqlite}/lib/index.js`,
          `${sqlite}/lib/binding.js`,
          `${sqlite}/lib/database.js`,
        ]),
      );
      // One native binary, the target's (glibc), no C sources, build files or other platforms.
      expect(modules.filter((f) => f.endsWith('.node'))).toEqual([`${sqlite}/prebuilds/linux-${arch}.node`]);
      expect(modules.filter((f) => /\/(deps|src|build)\//.test(f))).toEqual([]);
    }
  });

  it('leaves out sources, tests, fixtures, benches, scripts, docs, CI, source maps and every development dependency', () => {
    const dev = Object.keys(pkg.devDependencies);
    for (const arch of ARCHS) {
      for (const f of packed.get(arch)!.files.map((x) => x.path)) {
        expect(f, f).not.toMatch(
          /^(tests|bench|scripts|docs|\.ci|core|shared|renderer|electron|web-shell|hq|test-results|\.bench-cache|\.tools)\//,
        );
        expect(f, f).not.toMatch(/\.(ts|tsx|map)$|\.test\.|\.e2e\./);
        expect(f, f).not.toMatch(
          /(^|\/)(electron-builder\.yml|package-lock\.json|vite\.config|vitest\.config|eslint\.config|tsconfig)/,
        );
        for (const name of dev) expect(f.startsWith(`node_modules/${name}/`), f).toBe(false);
      }
    }
  });

  it('everything the bundle loads from outside itself is packaged: external modules and the assets it names', () => {
    const main = readFileSync(join(ROOT, 'dist', 'electron', 'main.mjs'), 'utf8');
    const worker = readFileSync(join(ROOT, 'dist', 'electron', 'sm3-worker.mjs'), 'utf8');
    // Static imports (esbuild puts them at the start of a line), import() and require() — outside
    // comments, where bundled libraries name modules in examples.
    const code = `${main}\n${worker}`
      .split('\n')
      .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
      .join('\n');
    const specifiers = [
      ...code.matchAll(
        /^import\s[^;]*?\bfrom\s*["']([^"']+)["']|^import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|\brequire\(\s*["']([^"']+)["']\s*\)/gm,
      ),
    ].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4])!);
    expect(specifiers).toContain('better-sqlite3-multiple-ciphers');
    const builtins = new Set([...builtinModules, 'electron']);
    const external = new Set(
      specifiers
        .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtins.has(s))
        .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2) : s.split('/').slice(0, 1)).join('/')),
    );
    expect([...external]).toEqual(['better-sqlite3-multiple-ciphers']);
    const assets = new Set(
      [...main.matchAll(/["'`](?:\.\.\/)+(assets\/[^"'`]*)["'`]/g)].map((m) => m[1]!.replace(/\/$/, '')),
    );
    expect([...assets].sort()).toEqual(['assets/catalog/catalog.json', 'assets/fonts']);
    for (const arch of ARCHS) {
      const files = packed.get(arch)!.files.map((f) => f.path);
      for (const name of external) expect(files, name).toContain(`node_modules/${name}/package.json`);
      for (const a of assets)
        expect(
          files.some((f) => f === a || f.startsWith(`${a}/`)),
          a,
        ).toBe(true);
    }
  });

  it('the native binding is unpacked beside app.asar, and package.json points Electron at the bundle', () => {
    for (const arch of ARCHS) {
      const asar = packed.get(arch)!;
      const native = asar.files.find((f) => f.path.endsWith('.node'))!;
      expect(native.unpacked).toBe(true);
      expect(statSync(join(unpackedDir(arch), 'resources', 'app.asar.unpacked', native.path)).size).toBe(native.size);
      const packedPkg = JSON.parse(asar.read(asar.files.find((f) => f.path === 'package.json')!).toString('utf8')) as {
        main: string;
        productName: string;
        devDependencies?: unknown;
        scripts?: unknown;
      };
      expect(packedPkg.main).toBe('dist/electron/main.mjs');
      expect(packedPkg.productName).toBe('网信执法现场取证');
      expect(packedPkg.scripts).toBeUndefined();
      // The bundle in the archive is the one built.
      const mainEntry = asar.files.find((f) => f.path === 'dist/electron/main.mjs')!;
      expect(mainEntry.unpacked).toBeUndefined();
      expect(asar.read(mainEntry).equals(readFileSync(join(ROOT, 'dist', 'electron', 'main.mjs')))).toBe(true);
    }
  });

  it('the archive carries the integrity data Electron checks: a SHA-256 of every file', () => {
    for (const arch of ARCHS) {
      const asar = packed.get(arch)!;
      for (const f of asar.files) expect(f.integrity?.algorithm, f.path).toBe('SHA256');
      const catalog = asar.files.find((f) => f.path === 'assets/catalog/catalog.json')!;
      expect(catalog.integrity!.hash).toBe(
        createHash('sha256')
          .update(readFileSync(join(ROOT, 'assets', 'catalog', 'catalog.json')))
          .digest('hex'),
      );
    }
  });

  it('the afterPack hook set the release fuses in the packed binary, and only Chinese and English locales remain', async () => {
    expect(builderLog).toContain('fuses: release configuration set in');
    for (const arch of ARCHS) {
      const binary = join(unpackedDir(arch), config.linux.executableName);
      const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
      const fuses = configuredFuses(RELEASE_FUSES);
      expect(fuses.length).toBe(6);
      for (const [option, on] of fuses)
        expect(wire[option], FuseV1Options[option]).toBe(on ? FuseState.ENABLE : FuseState.DISABLE);
      expect(readdirSync(join(unpackedDir(arch), 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
    }
  });
});
