import { RuleTester, type InvalidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import { parse as tsParse } from '@typescript-eslint/parser';

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

/** The import the token fix adds for its constant-time comparison, in ESM or CommonJS. */
const CRYPTO_IMPORTS = [
  "import { timingSafeEqual } from 'node:crypto';",
  "const { timingSafeEqual } = require('node:crypto');",
];

/**
 * A fix's output with its `node:crypto` import where fixes put imports: after the module's own
 * imports (and `require`s), not above the declarations that go further down, beside the route.
 * An output whose declarations already follow the module's imports, or a module with no import,
 * is as `tokenHelpers()` lays it out.
 */
export function importsAtTop(output: string): string {
  const crypto = CRYPTO_IMPORTS.find((line) => output.includes(`${line}\n\n`));
  if (!crypto) return output;
  const { body } = tsParse(output, { range: true, sourceType: 'module' });
  const at = output.indexOf(crypto);
  const preamble = (statement: (typeof body)[number]): boolean =>
    statement.type === 'ImportDeclaration' ||
    (statement.type === 'VariableDeclaration' &&
      statement.declarations.every((declarator) =>
        /^require\(|\brequire\(/u.test(output.slice(...(declarator.init?.range ?? [0, 0]))),
      ));
  let opening: (typeof body)[number] | undefined;
  for (const statement of body) {
    if (statement.range[0] === at || !preamble(statement)) break;
    opening = statement;
  }
  const next = opening ? body[body.indexOf(opening) + 1] : undefined;
  if (!opening || next?.range[0] === at) return output;
  const without = output.slice(0, at) + output.slice(at + crypto.length + 2);
  const end = opening.range[1];
  return `${without.slice(0, end)}\n${crypto}${without.slice(end)}`;
}

/**
 * A rule tester whose invalid cases expect the token fix's import at the top (`importsAtTop`), for
 * the rules whose fixes declare the token and its check.
 */
export function withImportsAtTop(tester: RuleTester): RuleTester {
  const run = tester.run.bind(tester);
  const place = (output: unknown): unknown =>
    typeof output === 'string' ? importsAtTop(output) : Array.isArray(output) ? output.map(place) : output;
  tester.run = ((name, rule, tests) =>
    run(name, rule, {
      ...tests,
      invalid: tests.invalid.map((testCase) => ({
        ...testCase,
        output: place(testCase.output) as typeof testCase.output,
        errors: testCase.errors.map((error) =>
          error.suggestions
            ? {
                ...error,
                suggestions: error.suggestions.map((suggestion) => ({
                  ...suggestion,
                  output: place(suggestion.output) as string,
                })),
              }
            : error,
        ),
      })),
    })) as RuleTester['run'];
  return tester;
}
