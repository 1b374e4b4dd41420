// Finds the Electron binary, trying its (normally lazy) download once, quietly. Returns null
// where it cannot be had — as on machines that reach only the npm registry.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.ts';

export function electronBinary(): string | null {
  const pkgDir = join(ROOT, 'node_modules', 'electron');
  if (!existsSync(join(pkgDir, 'install.js'))) return null;
  const located = () => {
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  };
  const found = located();
  if (found) return found;
  spawnSync(process.execPath, [join(pkgDir, 'install.js')], { cwd: pkgDir, stdio: 'ignore', timeout: 180_000 });
  return located();
}
