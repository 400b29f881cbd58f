// Type test: a typed eslint.config.ts that uses the plugin's configs through defineConfig compiles.
// `npm run typecheck` checks it; nothing runs it.
import { defineConfig } from 'eslint/config';
import tsParser from '@typescript-eslint/parser';
import mcpCors from '../../src/index';

export default defineConfig([
  mcpCors.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser },
    plugins: { 'mcp-cors': mcpCors },
    rules: { 'mcp-cors/no-wildcard-origin': 'warn' },
  },
  { extends: [mcpCors.configs.all] },
  { files: ['src/**/*.ts'], extends: [mcpCors.configs['fail-closed']] },
]);
