// Builds the renderer once before the end-to-end tests (each test then starts real web shells).
import { buildRenderer, rendererIsStale } from '../../scripts/build.ts';

export default async function setup(): Promise<void> {
  if (rendererIsStale()) await buildRenderer();
}
