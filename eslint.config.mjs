// ESLint (flat config) with typescript-eslint's type-checked rules, run by `npm run lint`
// (part of `npm test`). Formatting is Prettier's job (`npm run format:check`), so no
// stylistic rule here except the line length Prettier cannot fix (comments, see max-len).
// `npm run lint` keeps each file's result by its content (node_modules/.cache/eslint/): a file whose text did not
// change is not linted again. A type-checked rule can also depend on the types of the modules a file imports, so
// after changing exported types, `npx eslint .` (no cache) checks everything; CI starts with no cache.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'examples/gql/', 'test/gql/', 'coverage/', '.data/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The promises rules the hub depends on: a forgotten await loses an error or a rollback.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A new enum member (a topic, a record status) must be handled wherever the enum is switched on.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      // Unused on purpose: a leading underscore (a parameter an interface imposes, a field dropped by destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Async methods that implement a promise-returning interface (Apollo plugins, push domains, migrations)
      // need no await inside; being async they still turn a throw into a rejection, as their callers expect.
      '@typescript-eslint/require-await': 'off',
      // A variable a closure reads before its single assignment (a subscription's unsubscribe) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Prettier wraps code at 120 columns but not comments or strings: comments are held to it here.
      'max-len': [
        'error',
        {
          code: 120,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
    },
  },
  {
    // One tsconfig compiles the code and its tests (with jest's types), so the compiler lets code outside test/
    // name jest's globals: this rule does not.
    files: ['src/**/*.ts', 'resolvers/**/*.ts', 'migrations/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['describe', 'it', 'test', 'expect', 'jest', 'beforeAll', 'afterAll', 'beforeEach', 'afterEach'].map(
          (name) => ({ name, message: 'a jest global, for test/ only' }),
        ),
      ],
    },
  },
  {
    // Tests read GraphQL answers and fixtures as JSON and state the shapes they expect in their assertions,
    // where a wrong guess fails the test: `any` is allowed there, not in the code they test.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript (configs, the jest environment and reporter, the bin shim): no type information.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // CommonJS on Node.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
