import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

/** A rule tester that parses TypeScript by default; JavaScript cases spread `commonjs` or `esm`. */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    },
  });
}

/** A plain CommonJS JavaScript case, parsed by ESLint's own parser as `eslint .` does. */
export const commonjs = {
  filename: 'server.cjs',
  languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },
} as const;

/** A plain ESM JavaScript case, parsed by ESLint's own parser. */
export const esm = {
  filename: 'server.mjs',
  languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
} as const;
