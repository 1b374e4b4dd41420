// The process boundaries of docs/ARCHITECTURE.md are enforced by lint, not by convention: these
// imports must be refused in these folders.
import { ESLint } from 'eslint';
import { builtinModules } from 'node:module';
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
    ['core/cases/x.ts', "import { x } from '../../hq/hq-app.ts';\nexport const a = x;\n"],
    // HQ reaches the device's code only through protocol/ (and shared/).
    ['hq/ingest/x.ts', "import { openCore } from '../../core/app-core.ts';\nexport const a = openCore;\n"],
    ['hq/ingest/x.ts', "import { CoreError } from '../../core/cases/case-store.ts';\nexport const a = CoreError;\n"],
    ['hq/x.ts', "import { x } from '../scripts/demo.ts';\nexport const a = x;\n"],
    ['protocol/seal/x.ts', "import { openCore } from '../../core/app-core.ts';\nexport const a = openCore;\n"],
    ['protocol/seal/x.ts', "import { x } from '../../hq/hq-app.ts';\nexport const a = x;\n"],
    ['protocol/print/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('%s may not import: %s', async (file, code) => {
    expect((await ruleHits(file, code)).length).toBeGreaterThan(0);
  });

  // Node built-ins without the `node:` prefix are the same modules: every one is refused in the
  // renderer and shared/, in every import form, not only a hand-picked few.
  it.each(['renderer/cases/x.ts', 'shared/domain/x.ts'])(
    '%s may not import any Node built-in, prefixed or not',
    async (file) => {
      for (const code of [
        "import { EventEmitter } from 'events';\nexport const a = EventEmitter;\n",
        "import * as fs from 'fs';\nexport const a = fs;\n",
        "import { readFile } from 'fs/promises';\nexport const a = readFile;\n",
        "import type { Readable } from 'stream';\nexport type A = Readable;\n",
        "export { EventEmitter } from 'events';\n",
        "import 'process';\n",
        "import { DatabaseSync } from 'node:sqlite';\nexport const a = DatabaseSync;\n",
      ]) {
        expect(await ruleHits(file, code), code).toEqual([expect.stringMatching(/Node/)]);
      }
      for (const name of builtinModules) {
        expect(await ruleHits(file, `import x from '${name}';\nexport const a = x;\n`), name).toHaveLength(1);
      }
    },
  );

  it('allowed imports pass', async () => {
    expect(
      await ruleHits(
        'renderer/cases/x.ts',
        "import { CASE_SOURCES } from '../../shared/domain/case.ts';\nexport const a = CASE_SOURCES;\n",
      ),
    ).toEqual([]);
    expect(
      await ruleHits('core/cases/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"),
    ).toEqual([]);
    expect(await ruleHits('electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
    expect(
      await ruleHits(
        'hq/ingest/x.ts',
        "import { sealText } from '../../protocol/seal/seal-payload.ts';\nimport { canonicalJson } from '../../shared/crypto/canonical-json.ts';\nexport const a = [sealText, canonicalJson];\n",
      ),
    ).toEqual([]);
    expect(
      await ruleHits(
        'core/seals/x.ts',
        "import { sealText } from '../../protocol/seal/seal-payload.ts';\nexport const a = sealText;\n",
      ),
    ).toEqual([]);
    // Our own folders that share a built-in's name (shared/domain, shared/crypto) stay importable.
    expect(
      await ruleHits(
        'renderer/cases/x.ts',
        "import { canonicalJson } from '../../shared/crypto/canonical-json.ts';\nexport const a = canonicalJson;\n",
      ),
    ).toEqual([]);
    expect(
      await ruleHits(
        'shared/documents/x.ts',
        "import { CASE_SOURCES } from '../domain/case.ts';\nexport const a = CASE_SOURCES;\n",
      ),
    ).toEqual([]);
  });
});
