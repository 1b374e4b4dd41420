// No import circles in the code that ships (docs/ARCHITECTURE.md): a store or service that needs
// another is handed it by the composition root (core/app-core.ts), and a type both sides need
// lives below both. Every import counts, `import type` too.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findImportCycles } from '../../scripts/import-cycles.ts';

const root = join(import.meta.dirname, '..', '..');

describe('import circles', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('the code that ships has none', { timeout: 60_000 }, async () => {
    expect(await findImportCycles(root)).toEqual([]);
  });

  it('the check finds circles of type-only imports, through a folder and a .tsx, and leaves tests out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'src', 'x'), { recursive: true });
    writeFileSync(join(dir, 'src', 'a.ts'), `import type { B } from './b.ts';\nexport type A = { b?: B };\n`);
    writeFileSync(join(dir, 'src', 'b.ts'), `import type { A } from './a.ts';\nexport type B = { a?: A };\n`);
    writeFileSync(
      join(dir, 'src', 'c.ts'),
      `import { d } from './x/d.tsx';\nexport const c = d + 1;\nexport type C = 1;\n`,
    );
    writeFileSync(join(dir, 'src', 'x', 'd.tsx'), `import type { C } from '../c.ts';\nexport const d: C = 1;\n`);
    writeFileSync(join(dir, 'src', 'c.test.ts'), `import { c } from './c.ts';\nexport const t = c;\n`);
    writeFileSync(join(dir, 'src', 'x', 'e.ts'), `import type { F } from './f.test.ts';\nexport type E = F;\n`);
    writeFileSync(join(dir, 'src', 'x', 'f.test.ts'), `import type { E } from './e.ts';\nexport type F = E;\n`);
    const cycles = await findImportCycles(dir, ['src']);
    expect(cycles.map((c) => [...c].sort()).sort()).toEqual([
      ['src/a.ts', 'src/b.ts'],
      ['src/c.ts', 'src/x/d.tsx'],
    ]);
  });
});
