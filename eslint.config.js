// ESLint: its recommended rules and typescript-eslint's type-aware recommended ones for TypeScript,
// eslint-plugin-astro's for components and pages. Formatting is Prettier's (npm run format);
// `astro check` type-checks the .astro files.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import eslint from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Built and generated output, content and fixtures (data, not code).
  globalIgnores(['dist/', '.astro/', '.dist.partial/', 'content/', 'examples/', 'public/', 'test/fixtures/', '**/*.d.ts']),
  { languageOptions: { globals: globals.nodeBuiltin } },
  // What runs in the reader's browser.
  { files: ['src/scripts/**'], languageOptions: { globals: globals.browser } },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: dirname(fileURLToPath(import.meta.url)) },
    },
  },
  astro.configs.recommended,
  // The TypeScript project does not hold .astro files (or this config): lint those without types.
  { files: ['**/*.astro', '**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  {
    rules: {
      // `const { omitted, ...rest } = value` is how a copy without a field is made.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Content hygiene strips and reports control characters on purpose (feeds, keys, hostile text).
      'no-control-regex': 'off',
    },
  },
  {
    // Tests read what the CLI printed with JSON.parse (`any`) and assert its shape with expect():
    // those assertions are the check there, and a cast per read would only hide them.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
