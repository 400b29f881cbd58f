// How a user of the plugin configures it: the examples are linted with every rule.
// (The package name resolves to this repo's own build, as a package may import itself.)
import tsParser from '@typescript-eslint/parser';
import mcpCors from 'eslint-plugin-mcp-cors';

export default [
  {
    files: ['**/*.{ts,mts,cts}'],
    languageOptions: { parser: tsParser },
  },
  mcpCors.configs.all,
];
