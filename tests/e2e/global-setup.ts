// Builds the renderer and HQ's staff app once before the end-to-end tests (each test then starts
// real web shells or HQ processes).
import { buildRenderer, rendererIsStale, staffAppIsStale } from '../../scripts/build.ts';

export default async function setup(): Promise<void> {
  if (rendererIsStale()) await buildRenderer();
  if (staffAppIsStale()) await buildRenderer('vite.staff.config.ts');
}
