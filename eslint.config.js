import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Only the Electron glue may import electron: everything else must run (and be tested) under
// plain Node or in the browser.
const electronGlue = ['src/main/index.ts', 'src/main/ipc.ts', 'src/preload/**', 'src/main/secrets/**'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.artifacts/**', 'resources/demo/**', '.scratch*/**', 'kruispost-demo/**', '.kruispost-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only the Electron glue (src/main/index.ts, ipc.ts, preload) imports electron.' }] },
      ],
    },
  },
  { files: electronGlue, rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'electron', 'better-sqlite3', 'keytar', 'undici', 'exceljs', '**/main/**'], message: 'The renderer reaches main only through window.kruispost.' }] },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'electron', 'react', '**/main/**', '**/renderer/**'], message: 'src/shared imports nothing of electron, node or react.' }] },
      ],
    },
  },
);
