// `npm run web -- --port P --data DIR`: builds the renderer if its sources changed, then starts
// the web shell (web-shell/main.ts).
import { buildRenderer, RENDERER_DIR, rendererIsStale } from './build.ts';
import { main } from '../web-shell/main.ts';

if (rendererIsStale()) {
  console.error('web: building the renderer (sources changed)…');
  await buildRenderer();
}
await main(process.argv.slice(2), RENDERER_DIR);
