import { RuleTester, type InvalidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import path from 'node:path';

/**
 * Where the cases' files are, for every linter of the tests (`file.ts`, or the `filename` a case
 * names): a package of its own that holds no source, so the analysis reads each case's code as the
 * whole project, not the plugin's own modules around it. Installed packages are still those of
 * the plugin's `node_modules`, three folders up, as Node resolves them.
 */
export const CASES_ROOT = path.join(__dirname, 'fixtures', 'rule-tester');

/** A rule tester that parses TypeScript by default; JavaScript cases spread `commonjs` or `esm`. */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module', tsconfigRootDir: CASES_ROOT },
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

/**
 * Invalid cases run with `failClosedFix: true` merged into their first option: the fail-closed
 * change (deny the origin, require the token, bind loopback) is then the autofix whose `output`
 * they assert, and their suggestions are the rest. By default that change is the first
 * suggestion instead; each rule's tests show that mode in cases of their own.
 */
export function failClosedFix<MessageIds extends string, Options extends readonly unknown[]>(
  // The rule under test decides the types (through `run`), not the first case's options.
  cases: readonly InvalidTestCase<NoInfer<MessageIds>, NoInfer<Options>>[],
): InvalidTestCase<MessageIds, Options>[] {
  return cases.map((testCase) => {
    const [first, ...rest] = testCase.options ?? [];
    const options = [{ ...(first as object | undefined), failClosedFix: true }, ...rest];
    // The merged first option is the rule's own option object with one more of its properties set.
    return { ...testCase, options: options as unknown as Options };
  });
}
