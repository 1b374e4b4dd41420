// `npm run build`: the renderer (Vite → dist/renderer), HQ's staff app (Vite → dist/staff-app) and
// the Electron shell (esbuild → dist/electron). `--if-stale` rebuilds a Vite build only when a
// source is newer than it; `--staff-only` builds the staff app alone.
import type { BuildOptions } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RENDERER_DIR = join(ROOT, 'dist', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export const STAFF_APP_DIR = join(ROOT, 'dist', 'staff-app');

function isStale(outDir: string, sources: string[], config: string): boolean {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return sources.some((d) => newestMtime(join(ROOT, d)) > built) || statSync(join(ROOT, config)).mtimeMs > built;
}

export const rendererIsStale = () => isStale(RENDERER_DIR, ['renderer', 'shared'], 'vite.config.ts');
export const staffAppIsStale = () =>
  isStale(STAFF_APP_DIR, ['staff-app', 'shared', join('protocol', 'staff')], 'vite.staff.config.ts');

// Vite and esbuild are loaded only when a build runs: `npm run web` starts without them.
export async function buildRenderer(config = 'vite.config.ts'): Promise<void> {
  const { build: viteBuild } = await import('vite');
  // Always the production build, as shipped: Vite takes React's mode from NODE_ENV when it is set,
  // and a build started from inside the tests (vitest sets NODE_ENV=test) was React's development
  // build — several times slower (inquiry-keystroke-300: ~110 ms per key instead of ~26 ms), so
  // the e2e tests and benchmarks measured something no officer runs.
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({ configFile: join(ROOT, config), logLevel: 'warn', mode: 'production' });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}

export async function buildElectron(): Promise<void> {
  const { build: esbuild } = await import('esbuild');
  // Each file is written in dist/.tmp and renamed over its place: builds running at the same time
  // (the integration tests that build or pack the shell run in parallel) never see a half-written
  // file, nor a temporary one in dist/electron.
  const tmp = join(ROOT, 'dist', '.tmp');
  const bundle = async (options: BuildOptions) => {
    const { outputFiles } = await esbuild({ ...options, write: false });
    mkdirSync(tmp, { recursive: true });
    for (const file of outputFiles) {
      mkdirSync(dirname(file.path), { recursive: true });
      const temp = join(tmp, `${process.pid}-${Math.random().toString(36).slice(2)}`);
      writeFileSync(temp, file.contents);
      renameSync(temp, file.path);
    }
  };
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node24',
    sourcemap: true,
    logLevel: 'warning',
    external: ['electron'],
  };
  await bundle({
    ...common,
    entryPoints: [join(ROOT, 'electron', 'main.ts')],
    outfile: join(ROOT, 'dist', 'electron', 'main.mjs'),
    format: 'esm',
    // The native SQLite binding is loaded from node_modules (unpacked from asar when packaged).
    external: ['electron', 'better-sqlite3-multiple-ciphers'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  // The SM3 worker thread runs its own file.
  await bundle({
    ...common,
    entryPoints: [join(ROOT, 'protocol', 'crypto', 'sm3-worker.ts')],
    outfile: join(ROOT, 'dist', 'electron', 'sm3-worker.mjs'),
    format: 'esm',
  });
  // A sandboxed preload must be one CommonJS file that requires nothing but `electron`.
  await bundle({
    ...common,
    entryPoints: [join(ROOT, 'electron', 'preload.ts')],
    outfile: join(ROOT, 'dist', 'electron', 'preload.cjs'),
    format: 'cjs',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ifStale = process.argv.includes('--if-stale');
  const staffOnly = process.argv.includes('--staff-only');
  if (!staffOnly && (!ifStale || rendererIsStale())) await buildRenderer();
  if (!process.argv.includes('--renderer-only') && (!ifStale || staffAppIsStale()))
    await buildRenderer('vite.staff.config.ts');
  if (!process.argv.includes('--renderer-only') && !staffOnly) await buildElectron();
}
