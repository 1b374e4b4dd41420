// Lint rules, including the process boundaries of docs/ARCHITECTURE.md:
//   core/, shared/, web-shell/, hq/  never import `electron`;
//   shared/ and renderer/            never import Node built-ins or the core;
//   core/                            never imports a shell (electron/, web-shell/) or the renderer.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

// Node built-ins: every `node:` import by pattern, and every un-prefixed one (`events`, `fs/promises`…,
// all of module.builtinModules) by exact name — as gitignore-style patterns, bare names like
// `domain` or `crypto` would also refuse our own folders (shared/domain/, shared/crypto/).
const nodeBuiltinNames = builtinModules.filter((m) => !m.startsWith('node:'));
const nodeBuiltinPatterns = ['node:*'];

const restrict = (patterns, message, paths = []) => ({
  'no-restricted-imports': [
    'error',
    { paths: paths.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.tools/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Layout is Prettier's (.prettierrc.json, checked by `npm run lint`): no stylistic rule may contradict it.
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['core/**', 'web-shell/**', 'hq/**'],
    rules: restrict(
      ['electron', '**/electron/**', '**/renderer/**', '**/web-shell/**'],
      'The core and servers run without Electron and know no shell or renderer (docs/ARCHITECTURE.md).',
    ),
  },
  {
    files: ['web-shell/**'],
    rules: restrict(
      ['electron', '**/electron/**', '**/renderer/**'],
      'The web shell hosts the core; it never imports Electron or renderer code.',
    ),
  },
  {
    files: ['shared/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: restrict(
      [
        'electron',
        ...nodeBuiltinPatterns,
        '**/core/**',
        '**/renderer/**',
        '**/electron/**',
        '**/web-shell/**',
        'better-sqlite3*',
      ],
      'shared/ is loaded by every process, the renderer included: no Electron, no Node built-ins, no core.',
      nodeBuiltinNames,
    ),
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      ['electron', ...nodeBuiltinPatterns, '**/core/**', '**/electron/**', '**/web-shell/**', 'better-sqlite3*'],
      'The renderer only knows the typed API client (renderer/api); never Node, Electron or the core.',
      nodeBuiltinNames,
    ),
  },
);
