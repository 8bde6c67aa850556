// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

/** A provider's folder: only the registry (and the folder itself) may import it. */
const PROVIDER_FOLDERS = ['sobot', 'huawei'];
const PROVIDER_IMPORTS = {
  group: PROVIDER_FOLDERS.flatMap((folder) => [`**/${folder}`, `**/${folder}/**`]),
  message:
    'Reach a provider through the provider interface (electron/services/providers/): only providers/registry.ts imports a provider’s folder.',
};
const ELECTRON_IMPORTS = {
  // electron-store and electron-updater import electron themselves: main adapts them.
  group: ['electron', 'electron/*', 'electron-store', 'electron-updater'],
  message: 'Services and the CLI must not import electron (nor electron-store / electron-updater).',
};
const RAW_IPC = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message:
    'Use the typed contract: raw IPC lives only in electron/main/ipc.ts and electron/preload/index.ts.',
};
// The embedded sandbox is the vendors' side of the wire: it may share a provider's pure wire
// rules (the auth-v2 signer it verifies with, a time format), never a feature's code.
const PROVIDER_HOMES = [
  'electron/services/providers/registry.ts',
  'electron/services/sandbox/**',
  ...PROVIDER_FOLDERS.map((folder) => `electron/services/${folder}/**`),
];

const NATIVE_DIALOGS = ['prompt', 'confirm', 'alert'];
const NATIVE_DIALOG_MESSAGE =
  'Use the in-app dialogs (components/dialogs.tsx, antd Modal / Popconfirm): Electron has no prompt().';

/** Layering rules of design.md, enforced by the linter (a unit test proves each one bites). */
export const layering = [
  {
    // shared/ is pure TypeScript both sides import: no Node, DOM or Electron.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', ...NODE_BUILTINS], message: 'shared/ must not import Node modules.' },
            { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
            {
              group: ['react', 'react-dom', 'react-dom/*'],
              message: 'shared/ must not import UI libraries.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'process',
          'Buffer',
          'require',
          '__dirname',
        ].map((name) => ({
          name,
          message: 'shared/ runs in every host: no DOM or Node globals.',
        })),
      ],
    },
  },
  {
    // Services run in plain Node (tests, CLI, harness): the host passes in what they need; and
    // they reach providers only through the provider interface.
    files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts'],
    ignores: PROVIDER_HOMES,
    rules: { 'no-restricted-imports': ['error', { patterns: [ELECTRON_IMPORTS, PROVIDER_IMPORTS] }] },
  },
  {
    // The registry and the providers' own folders: plain Node too.
    files: PROVIDER_HOMES.map((home) => (home.endsWith('/**') ? `${home}/*.ts` : home)),
    rules: { 'no-restricted-imports': ['error', { patterns: [ELECTRON_IMPORTS] }] },
  },
  {
    // Electron main: raw IPC only in its helper file, and providers only through the interface.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [RAW_IPC], patterns: [PROVIDER_IMPORTS] }] },
  },
  {
    files: ['electron/main/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PROVIDER_IMPORTS] }] },
  },
  {
    // Raw IPC only in the two helper files; everything else goes through the typed contract.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/preload/index.ts', 'shared/**', 'electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [RAW_IPC] }] },
  },
  {
    // Electron has no window.prompt, and native confirm/alert block the window: in-app dialogs
    // (renderer/src/components/dialogs.tsx, antd Modal / Popconfirm) instead.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...NATIVE_DIALOGS.map((name) => ({ name, message: NATIVE_DIALOG_MESSAGE })),
      ],
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].flatMap((object) =>
          NATIVE_DIALOGS.map((property) => ({ object, property, message: NATIVE_DIALOG_MESSAGE })),
        ),
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'build/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/harness/client/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  ...layering,
);
