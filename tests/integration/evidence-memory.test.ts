// Memory stays flat whatever the file size: a 64 MiB and a 512 MiB file are imported, each in a
// fresh child process, through the app's own import (evidence.beginImport → runImport, encrypted
// store; bench/evidence-import-child.ts) and the peak RSS of each import is compared. The full
// 1 GiB figure is `npm run bench -- evidence-import-1gib` (docs/EVIDENCE.md).
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { importChild, makeRecording } from '../../bench/evidence-import-1gib.ts';

const MiB = 1024 * 1024;
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function importOf(size: number) {
  const { dir, file } = makeRecording('evidence-memory-', size);
  made.push(dir);
  try {
    return importChild([file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('evidence import memory', () => {
  it(
    'a 512 MiB import peaks no higher than a 64 MiB one, and holds little beyond the loaded app',
    { timeout: 180_000 },
    () => {
      const small = importOf(64 * MiB);
      const large = importOf(512 * MiB);
      expect(large.encrypted).toBe(true);
      const figures = `64 MiB: peak ${small.maxRssMb.toFixed(1)} MB (from ${small.startRssMb.toFixed(1)}); 512 MiB: peak ${large.maxRssMb.toFixed(1)} MB (from ${large.startRssMb.toFixed(1)})`;
      // Grows with the file: a chunk kept per read, a queue without bound.
      expect(large.maxRssMb - small.maxRssMb, figures).toBeLessThan(40);
      if (large.peakReset) {
        // What the import itself holds: the SM3 thread (run from source here, with type stripping,
        // ~35 MB; bundled in the desktop app, ~18 MB), its 4 MiB ring, two 1 MiB buffers. node:crypto's
        // output buffers left to the garbage collector added ~60 MB more (docs/EVIDENCE.md).
        expect(large.maxRssMb - large.startRssMb, figures).toBeLessThan(70);
      }
    },
  );
});
