// The scratch folders of 导出证据包 (DATA/export-*): each document's seal folder, written so that the
// verifier checks exactly the bytes sent (evidence-export.ts). They hold personal data: removed when
// the export ends, and at HQ's start any a crash left behind.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const EXPORT_SCRATCH = 'export-';

export function sweepExportScratch(dataDir: string): void {
  for (const n of readdirSync(dataDir))
    if (n.startsWith(EXPORT_SCRATCH)) rmSync(join(dataDir, n), { recursive: true, force: true });
}
