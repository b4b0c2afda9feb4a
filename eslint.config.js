// One lint setup for the whole repository. The per-folder `no-restricted-imports` rules make the
// boundaries of docs/architecture.md ("The parts") fail the build: shared/ is pure, the renderer
// never reaches Node or Electron, and the preload imports only the bridge pieces of Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'stream',
  'url',
  'util',
  'events',
  'worker_threads',
  'zlib',
  'buffer',
];

const rendererBoundaries = [
  { group: nodeBuiltins, message: 'The renderer runs in a sandboxed page: no Node modules.' },
  {
    group: ['electron', 'electron/*'],
    message: 'The renderer reaches the main process only through window.api.',
  },
  { group: ['**/electron/**'], message: 'The renderer never imports from electron/.' },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'release/',
      'coverage/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.node },
      // Type-aware rules read each file through the TypeScript project it belongs to.
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.web.json', './tsconfig.web-tests.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
      // Type-aware: each catches a class of bug the type checker lets through.
      '@typescript-eslint/no-unnecessary-condition': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      // Strings and nullable values may stand in conditions (`if (name)`, `value ?? …`), numbers
      // may not: `if (count)` reads 0 as "missing", a bug this codebase has had.
      '@typescript-eslint/strict-boolean-expressions': [
        'error',
        {
          allowString: true,
          allowNumber: false,
          allowNullableObject: true,
          allowNullableBoolean: true,
          allowNullableString: true,
          allowAny: false,
        },
      ],
    },
  },
  {
    // Plain JavaScript (this file) is in no TypeScript project.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure: no Node modules.' },
            { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'shared/ is pure: no React.',
            },
            {
              group: ['../electron/*', '../renderer/*', '../../*'],
              message: 'shared/ imports nothing of ours outside shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: rendererBoundaries,
        },
      ],
    },
  },
  {
    // A later block replaces the renderer's rule for these files, so it repeats its patterns.
    files: ['renderer/src/api/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererBoundaries,
            {
              group: ['../screens/*', '../screens/**'],
              message: 'api/ serves the screens and never imports from them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    ignores: ['electron/preload/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The sandboxed preload has no Node modules.' },
          ],
          paths: [
            {
              name: 'electron',
              importNames: [
                'app',
                'BrowserWindow',
                'ipcMain',
                'shell',
                'remote',
                'dialog',
                'protocol',
                'session',
                'Menu',
              ],
              message: 'The preload imports only contextBridge, ipcRenderer and webUtils.',
            },
          ],
        },
      ],
    },
  },
);
