// The repo lints itself with eslint-plugin-eslint-plugin's rules for rule authors and with this
// plugin's own recommended config (from the build, as users get it).
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tsParser from '@typescript-eslint/parser';
import { defineConfig, globalIgnores } from 'eslint/config';
import mcpCors from './dist/index.js';

export default defineConfig([
  // The examples are MCP servers, some vulnerable on purpose: the end-to-end tests lint them.
  globalIgnores(['dist/', 'coverage/', '.tmp/', 'examples/', 'tests/fixtures/']),
  {
    files: ['**/*.{ts,mts,cts}'],
    languageOptions: { parser: tsParser },
  },
  {
    files: ['src/rules/**/*.ts'],
    extends: [eslintPlugin.configs['rules-recommended']],
    rules: {
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow)' }],
      // createRule (ESLintUtils.RuleCreator) derives every rule's docs URL from its name.
      'eslint-plugin/require-meta-docs-url': 'off',
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/prefer-placeholders': 'error',
      'eslint-plugin/meta-property-ordering': 'error',
    },
  },
  {
    files: ['tests/rules/**/*.ts'],
    extends: [eslintPlugin.configs['tests-recommended']],
    rules: {
      'eslint-plugin/test-case-property-ordering': 'off',
      'eslint-plugin/consistent-output': 'error',
      'eslint-plugin/require-test-case-name': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    extends: [mcpCors.configs.recommended],
  },
]);
