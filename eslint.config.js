// Lint rules, including the process boundaries of docs/ARCHITECTURE.md:
//   core/, shared/, web-shell/, hq/  never import `electron`;
//   shared/ and renderer/            never import Node built-ins or the core;
//   core/                            never imports a shell (electron/, web-shell/) or the renderer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'worker_threads', 'stream', 'url', 'util', 'zlib'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.tools/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
    rules: restrict(['electron', '**/electron/**', '**/renderer/**', '**/web-shell/**'], 'The core and servers run without Electron and know no shell or renderer (docs/ARCHITECTURE.md).'),
  },
  {
    files: ['web-shell/**'],
    rules: restrict(['electron', '**/electron/**', '**/renderer/**'], 'The web shell hosts the core; it never imports Electron or renderer code.'),
  },
  {
    files: ['shared/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: restrict(['electron', ...nodeBuiltins, '**/core/**', '**/renderer/**', '**/electron/**', '**/web-shell/**', 'better-sqlite3*'], 'shared/ is loaded by every process, the renderer included: no Electron, no Node built-ins, no core.'),
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(['electron', ...nodeBuiltins, '**/core/**', '**/electron/**', '**/web-shell/**', 'better-sqlite3*'], 'The renderer only knows the typed API client (renderer/api); never Node, Electron or the core.'),
  },
);
