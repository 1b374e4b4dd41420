// The process boundaries of docs/ARCHITECTURE.md are enforced by lint, not by convention: these
// imports must be refused in these folders.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.ts';

const eslint = new ESLint({ cwd: ROOT });
async function ruleHits(filePath: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('process boundaries (eslint)', () => {
  it.each([
    ['core/cases/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['core/cases/x.ts', "import { x } from '../../renderer/api/client.ts';\nexport const a = x;\n"],
    ['shared/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['shared/domain/x.ts', "import { openCore } from '../../core/app-core.ts';\nexport const a = openCore;\n"],
    ['renderer/cases/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['renderer/cases/x.ts', "import { openCore } from '../../core/app-core.ts';\nexport const a = openCore;\n"],
    ['renderer/cases/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['web-shell/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('%s may not import: %s', async (file, code) => {
    expect((await ruleHits(file, code)).length).toBeGreaterThan(0);
  });

  it('allowed imports pass', async () => {
    expect(await ruleHits('renderer/cases/x.ts', "import { CASE_SOURCES } from '../../shared/domain/case.ts';\nexport const a = CASE_SOURCES;\n")).toEqual([]);
    expect(await ruleHits('core/cases/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toEqual([]);
    expect(await ruleHits('electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
  });
});
