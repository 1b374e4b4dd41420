// `npm start [-- --data DIR]`: the desktop app. Electron's binary is downloaded at first start; where it cannot be
// (as on the development machines), say so in one line and point to the web shell.
import { spawn } from 'node:child_process';
import { buildElectron, buildRenderer, rendererIsStale, ROOT } from './build.ts';
import { electronBinary } from './electron-binary.ts';

const electronPath = electronBinary();
if (!electronPath) {
  console.error(
    'npm start: the Electron binary is not installed and cannot be downloaded on this machine; use `npm run web -- --port 8080 --data ./data` (same core and renderer, in a browser).',
  );
  process.exit(1);
}
if (rendererIsStale()) await buildRenderer();
await buildElectron();
// Everything after `npm start --` goes to the app (`--data DIR`: electron/data-dir.ts); a relative
// folder is resolved against this working directory, which Electron inherits.
const child = spawn(electronPath, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
