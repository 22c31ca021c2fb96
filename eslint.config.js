import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Folders whose screens still carry English text in the code; each leaves this list once its
// words are in the catalogue.
const UNCATALOGUED = [];

/** The renderer is a web page: it never reaches Node or Electron directly (repeated in every renderer block, as a later block's list replaces an earlier one's). */
const RENDERER_STAYS_IN_THE_PAGE = {
  group: ['electron', 'node:*', '**/src-main/**', '@main/*'],
  message: 'The renderer never reaches Node or Electron directly.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tsbuild/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never raw HTML.' },
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Render text, never raw HTML.' },
      ],
    },
  },
  {
    // No import cycles anywhere. The TypeScript resolver reads every project's path aliases,
    // so a cycle that runs through '@shared/...' or '@main/...' is seen like a relative one.
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: [
            'shared/tsconfig.json',
            'src-main/tsconfig.json',
            'src-renderer/tsconfig.json',
            'tests/tsconfig.json',
          ],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    // Functions passed to page.evaluate() run in the browser.
    files: ['bench/**/*.mjs', 'tests/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', 'react', 'react-dom', 'dexie', 'dexie-react-hooks', 'zustand'],
              message: 'shared/ must stay pure.',
            },
            {
              group: ['**/src-main/**', '**/src-renderer/**', '@main/*', '@renderer/*'],
              message: 'shared/ cannot depend on a process.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [RENDERER_STAYS_IN_THE_PAGE] }],
    },
  },
  {
    // Screens call the desk's use-cases (src-renderer/desk) and keep their live queries in their
    // own queries.ts: never the database, never Dexie itself, never the shell they are shown in.
    files: ['src-renderer/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'dexie',
              message:
                'features never use Dexie: read through the desk in the feature’s queries.ts (useLiveQuery from dexie-react-hooks is fine).',
            },
          ],
          patterns: [
            RENDERER_STAYS_IN_THE_PAGE,
            {
              group: ['**/db', '**/db/**', '@renderer/db', '@renderer/db/*'],
              message: 'features never reach the database: call the desk’s use-cases (src-renderer/desk).',
            },
            {
              group: ['**/app', '**/app/**', '@renderer/app', '@renderer/app/*'],
              message: 'features never import the shell (app/): what they share lives in desk/, lib/ or ui/.',
            },
          ],
        },
      ],
    },
  },
  {
    // What a person reads on screen comes from the message catalogues (src-renderer/i18n), so a
    // translation reaches every screen and counts follow plural rules.
    files: ['src-renderer/{app,features,ui}/**/*.tsx'],
    ignores: UNCATALOGUED,
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          // A template literal in a screen (`the release of “${title}”`) is English glued around a
          // value: checked like any other literal, so the sentence becomes one catalogue message.
          'should-validate-template': true,
          // Marks and arrows are not words (a translation keeps them), nor are digits and punctuation.
          words: { exclude: ['[0-9!-/:-@[-`{-~]+', '[A-Z_-]+', '[\\s✓✕✗×…·—–→←↑↓•⚠]+'] },
          'jsx-attributes': {
            exclude: [
              'className',
              'style',
              'type',
              'key',
              'id',
              'htmlFor',
              'role',
              'name',
              'autoComplete',
              'inputMode',
              'lang',
              'dir',
              'value',
              'method',
              'accept',
              'rel',
              'target',
              'href',
              'src',
              'data-.*',
              'aria-(controls|describedby|labelledby|live|current|haspopup|owns|relevant|activedescendant|sort|autocomplete|orientation)',
              'form',
              'pattern',
              'step',
              'min',
              'max',
              'wrap',
              'spellCheck',
              'enterKeyHint',
              'variant',
              'tone',
              'size',
              'kind',
              'align',
              'as',
              'width',
              'height',
              'scope',
            ],
          },
        },
      ],
    },
  },
  {
    files: ['src-renderer/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            RENDERER_STAYS_IN_THE_PAGE,
            { group: ['**/features/**'], message: 'ui/ primitives know no features.' },
            // A primitive gets what it shows as props, so it can be rendered (and tested) without the app.
            {
              group: ['**/store', '**/store/**', '@renderer/store', '@renderer/store/*'],
              message: 'ui/ primitives never read the store: pass what they need as props.',
            },
          ],
        },
      ],
    },
  },
  {
    // A test that hits a missing value fails loudly either way; the assertion keeps it readable.
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src-renderer/**', '@renderer/*'], message: 'main never imports the renderer.' }] },
      ],
    },
  },
);
