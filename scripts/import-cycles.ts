// Import circles in the code that ships (tests excluded): every import counts, `import type`
// included — a circle of types is still two modules that cannot be understood one without the
// other. dpdm resolves imports with TypeScript's rules. Run by tests/integration/import-cycles.test.ts
// (so `npm test` fails on a circle) and by `npm run cycles`, which prints them.
import { parseCircular, parseDependencyTree } from 'dpdm';
import { fileURLToPath } from 'node:url';

/** The folders of the code that ships, and the tools. */
export const CHECKED_FOLDERS = [
  'core',
  'shared',
  'protocol',
  'hq',
  'renderer',
  'electron',
  'web-shell',
  'scripts',
  'bench',
  'tools',
];

/** Each circle as its files (relative to `root`), in import order. */
export async function findImportCycles(
  root: string,
  folders: readonly string[] = CHECKED_FOLDERS,
): Promise<string[][]> {
  const tree = await parseDependencyTree(
    folders.flatMap((f) => [`${f}/**/*.ts`, `${f}/**/*.tsx`]),
    {
      context: root,
      cwd: root,
      transform: false,
      skipDynamicImports: false,
      exclude: /node_modules|\.test\.tsx?$|\.e2e\.ts$/,
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
      onProgress: () => undefined,
    },
  );
  // dpdm names the files relative to `context`.
  return parseCircular(tree);
}

// Run as a command (scripts/node24.mjs sets argv[1] to the entry it imports), not when imported by the test.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cycles = await findImportCycles(process.cwd());
  for (const [i, c] of cycles.entries()) console.log(`${i + 1}) ${c.join(' → ')} → ${c[0]}`);
  console.log(cycles.length ? `${cycles.length} import circle(s).` : 'No import circles.');
  process.exitCode = cycles.length ? 1 : 0;
}
