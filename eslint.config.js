import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Generated output and installed code: never linted.
    ignores: ['dist/', 'dist-*/', 'pdf/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', '.tmp/', 'coverage/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs['flat/recommended'],
  astro.configs['flat/jsx-a11y-recommended'],
  {
    // The Astro config above already registers the jsx-a11y plugin; React islands get its recommended rules too.
    files: ['**/*.{jsx,tsx}'],
    languageOptions: jsxA11y.flatConfigs.recommended.languageOptions,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // Components named after the native control they wrap (PrintableTextarea, NameInput…) label like one.
      'jsx-a11y/label-has-associated-control': ['error', { controlComponents: ['*Input', '*Textarea', '*Select'], depth: 3 }],
      // A form may listen for keys its fields send up, such as Escape to cancel an inline edit, as a dialog may.
      'jsx-a11y/no-noninteractive-element-interactions': [
        'error',
        {
          ...jsxA11y.flatConfigs.recommended.rules['jsx-a11y/no-noninteractive-element-interactions'][1],
          form: ['onKeyDown', 'onKeyUp'],
        },
      ],
    },
  },
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused names are mistakes, except the deliberate `_name` placeholders.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
