// Lint rules, including the process boundaries of docs/ARCHITECTURE.md:
//   core/, protocol/, shared/, web-shell/, hq/  never import `electron`;
//   shared/ and renderer/                       never import Node built-ins or the core;
//   core/                                       never imports a shell, the renderer or HQ;
//   protocol/                                   imports only shared/ (what the device and HQ share);
//   hq/                                         imports only protocol/ and shared/, never the device's core/;
//   staff-app/ (HQ's staff app, in the browser)  imports only shared/ and protocol/staff/ (its API contract).
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
    files: ['core/**'],
    rules: restrict(
      ['electron', '**/electron/**', '**/renderer/**', '**/web-shell/**', '**/hq/**'],
      'The core runs without Electron and knows no shell, renderer or HQ (docs/ARCHITECTURE.md).',
    ),
  },
  {
    files: ['web-shell/**'],
    rules: restrict(
      ['electron', '**/electron/**', '**/renderer/**', '**/hq/**'],
      'The web shell hosts the core; it never imports Electron, renderer or HQ code.',
    ),
  },
  // The code the device and HQ share: it must not lean on either program (tests may use fixtures).
  {
    files: ['protocol/**'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      ['electron', '**/electron/**', '**/core/**', '**/hq/**', '**/renderer/**', '**/web-shell/**', '**/scripts/**'],
      'protocol/ is shared by the device and HQ: it imports only shared/ and itself (docs/ARCHITECTURE.md).',
    ),
  },
  {
    files: ['hq/**'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      ['electron', '**/electron/**', '**/core/**', '**/renderer/**', '**/web-shell/**', '**/scripts/**'],
      "HQ shares code with the device only through protocol/ and shared/, never the device's core/ (docs/ARCHITECTURE.md).",
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
  {
    files: ['staff-app/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      [
        'electron',
        ...nodeBuiltinPatterns,
        '**/core/**',
        '**/hq/**',
        '**/electron/**',
        '**/web-shell/**',
        '**/renderer/**',
        // protocol/ but its staff/ folder (gitignore-style patterns cannot re-include under an excluded folder).
        ...['bundle', 'crypto', 'print', 'runtime', 'seal', 'storage', 'sync'].map((f) => `**/protocol/${f}/**`),
        'better-sqlite3*',
      ],
      "HQ's staff app knows only its API contract (protocol/staff) and shared/; never Node, HQ's code or the device's.",
      nodeBuiltinNames,
    ),
  },
);
