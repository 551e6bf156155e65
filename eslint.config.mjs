// One ESLint configuration for the whole tree; every workspace's `lint` task runs it on its own folder.
import js from '@eslint/js';
import angular from 'angular-eslint';
import boundaries from 'eslint-plugin-boundaries';
import n from 'eslint-plugin-n';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const api = 'apps/api/src';
const web = 'apps/web/src/app';

/**
 * The layers (docs/architecture.md): a file may import only its own layer and the layers below it.
 * Each element is one folder or file; imports inside one element are not checked, so a feature
 * importing another feature, or one ledger another, is refused while each imports itself freely.
 */
const elements = [
  { type: 'contracts', pattern: 'libs/contracts' },
  // API
  { type: 'api-base', pattern: [`${api}/common`, `${api}/config`] },
  // app files are single files: each is matched on its whole path and is its own element
  { type: 'api-app', pattern: [`${api}/*.ts`, `${api}/database/entities.ts`, `${api}/database/migrations/index.ts`, `${api}/database/seeds/**`, `${api}/openapi/**`], mode: 'full' },
  { type: 'api-access', pattern: [`${api}/access`, `${api}/audit`, `${api}/database`] },
  {
    type: 'api-platform',
    pattern: [`${api}/org`, `${api}/auth`, `${api}/security`, `${api}/notifications`, `${api}/health`, `${api}/backup`],
  },
  { type: 'api-core', pattern: `${api}/ledger-core` },
  { type: 'ledger-vessels', pattern: `${api}/vessel-cases` },
  { type: 'ledger-disputes', pattern: `${api}/disputes` },
  { type: 'ledger-advisors', pattern: `${api}/advisors` },
  // web
  { type: 'web-core', pattern: `${web}/core` },
  { type: 'web-shared', pattern: `${web}/shared` },
  { type: 'web-feature', pattern: `${web}/features/*` },
  { type: 'web-app', pattern: [`${web}/*.ts`, `${web}/layout/**`, 'apps/web/src/main.ts'], mode: 'full' },
].map((element) => ({ ...(element.mode ? {} : { partialMatch: false }), stopMatching: true, ...element }));

const layers = {
  contracts: [],
  'api-base': ['contracts'],
  'api-access': ['contracts', 'api-base'],
  'api-platform': ['contracts', 'api-base', 'api-access'],
  'api-core': ['contracts', 'api-base', 'api-access', 'api-platform'],
  'ledger-vessels': ['contracts', 'api-base', 'api-access', 'api-platform', 'api-core'],
  'ledger-disputes': ['contracts', 'api-base', 'api-access', 'api-platform', 'api-core'],
  'ledger-advisors': ['contracts', 'api-base', 'api-access', 'api-platform', 'api-core'],
  'api-app': ['contracts', 'api-base', 'api-access', 'api-platform', 'api-core', 'ledger-vessels', 'ledger-disputes', 'ledger-advisors'],
  'web-core': ['contracts'],
  'web-shared': ['contracts', 'web-core'],
  'web-feature': ['contracts', 'web-core', 'web-shared'],
  'web-app': ['contracts', 'web-core', 'web-shared', 'web-feature'],
};

const boundaryRules = {
  files: ['apps/*/src/**/*.ts', 'libs/contracts/src/**/*.ts'],
  ignores: ['**/*.spec.ts', 'apps/web/src/testing/**', 'apps/web/src/test-setup.ts'],
  plugins: { boundaries },
  settings: {
    'boundaries/root-path': root,
    'boundaries/elements': elements,
    'boundaries/include': ['apps/*/src/**/*.ts', 'libs/contracts/src/**/*.ts'],
    'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } },
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        message: 'a {{from.type}} file may not import {{to.type}} (layers: docs/architecture.md)',
        policies: Object.entries(layers).map(([from, to]) => ({
          from: { element: { type: from } },
          // a feature imports inside its own folder only (same element, not checked), never another feature
          allow: { to: { element: { types: { anyOf: from === 'web-feature' ? to : [from, ...to] } } } },
        })),
      },
    ],
  },
};

/** The contracts stay free of frameworks: the API and the web both load them. */
const contractsAlone = {
  files: ['libs/contracts/src/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['@nestjs/*', '@angular/*', 'typeorm', 'class-validator', 'class-transformer', 'rxjs', 'ng-zorro-antd', 'ng-zorro-antd/*'], message: 'contracts import no framework' },
          { group: ['../../apps/*', '**/apps/*'], message: 'contracts import nothing from the apps' },
        ],
      },
    ],
  },
};

const typescriptRules = {
  // `_name` marks a parameter kept for its position or a rest sibling dropped on purpose.
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' }],
  // Non-null assertions are used where a lookup was just checked; flag them for review, not as errors.
  '@typescript-eslint/no-non-null-assertion': 'off',
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
  '@typescript-eslint/require-await': 'off',
  // Angular's Validators.required and the like are static functions, safe to pass around
  '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
  '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
  '@typescript-eslint/prefer-promise-reject-errors': 'off',
  eqeqeq: ['error', 'always', { null: 'ignore' }],
  'no-console': 'off',
  'prefer-const': 'error',
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.angular/**', '**/.turbo/**', '**/coverage/**', 'data/**', '**/.data/**', 'tmp/**', 'test-results/**'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  // JavaScript: tools, jest configs, browser tests (CommonJS on Node 20).
  {
    files: ['**/*.js'],
    ...js.configs.recommended,
  },
  {
    files: ['**/*.js'],
    ...n.configs['flat/recommended-script'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'commonjs', globals: { ...globals.node } },
    settings: { node: { version: '>=20.19.0' } },
    rules: {
      ...n.configs['flat/recommended-script'].rules,
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      // command-line tools end with process.exit on purpose
      'n/no-process-exit': 'off',
      // dev dependencies of the root are what tools and tests use
      'n/no-unpublished-require': 'off',
      'n/no-extraneous-require': 'off',
      'n/no-extraneous-import': 'off',
      'n/hashbang': 'off',
      // fetch is enabled by default since Node 18 and used as such here
      'n/no-unsupported-features/node-builtins': ['error', { ignores: ['fetch'] }],
    },
  },
  {
    files: ['apps/web/e2e/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.jest, ...globals.browser } },
  },

  {
    files: ['**/*.mjs'],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
  },

  // TypeScript everywhere, with type information from each workspace's projects.
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['apps/api/tsconfig.json', 'libs/contracts/tsconfig.spec.json', 'apps/web/tsconfig.app.json', 'apps/web/tsconfig.spec.json'],
        tsconfigRootDir: root,
      },
    },
    rules: typescriptRules,
  },
  {
    files: ['**/*.spec.ts', 'apps/api/test/**/*.ts', 'apps/web/src/testing/**/*.ts', 'apps/web/src/test-setup.ts'],
    rules: {
      // tests reach into answers typed as `any` by supertest and jest matchers
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // Angular: components and templates.
  {
    files: ['apps/web/src/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'fz', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'fz', style: 'kebab-case' }],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@angular-eslint/prefer-signals': 'error',
    },
  },
  {
    files: ['apps/web/src/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
    rules: {
      '@angular-eslint/template/prefer-control-flow': 'error',
      '@angular-eslint/template/prefer-self-closing-tags': 'error',
    },
  },

  boundaryRules,
  contractsAlone,
);
