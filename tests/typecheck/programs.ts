import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../../src/index';
import { rules } from '../../src/rules';
import { CASES_ROOT } from '../rule-tester';

export interface TypeCheckCase {
  readonly name: string;
  /** A whole TypeScript module that type-checks before the fix, with real imports. */
  readonly code: string;
  readonly options?: readonly unknown[];
  /** The file the case is linted as, where its path matters (a Next.js route file, `app/api/route.ts`). */
  readonly filename?: string;
}

/** One rule's cases, and how many programs they make: the originals, the fixed ones and the suggestions. */
export interface TypeCheckCases {
  readonly ruleId: string;
  readonly title: string;
  readonly programs: { readonly exactly: number } | { readonly moreThan: number };
  readonly cases: readonly TypeCheckCase[];
}

/** Whether a rule takes the `failClosedFix` option, which makes its fail-closed change the autofix. */
function takesFailClosedFix(ruleId: string): boolean {
  const rule: { meta: { schema?: unknown } } | undefined = rules[ruleId as keyof typeof rules];
  const schema = rule?.meta.schema;
  const [options] = Array.isArray(schema) ? (schema as readonly { properties?: Record<string, unknown> }[]) : [];
  return options?.properties?.['failClosedFix'] !== undefined;
}

/**
 * Writes, for every case, the original, the program that one pass of the rule's autofix makes
 * and one program per suggestion, each as its own ES module (`.mts`, as most servers are written
 * today, top-level await included) so that top-level names do not collide across files. The
 * originals are written too, so that a case which never type-checked cannot pass for a fix that
 * does. The suggestions are those of the rule's default mode, where the fail-closed change is the
 * first of them; the autofix is the one `failClosedFix` (the `fail-closed` config) applies, all
 * fail-closed changes of the file together. Returns the files written.
 */
export function writeFixPrograms(rule: TypeCheckCases, dir: string): string[] {
  const linter = new Linter({ configType: 'flat', cwd: CASES_ROOT });
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const write = (name: string, text: string): void => {
    const file = path.join(dir, `${name}.mts`);
    fs.writeFileSync(file, /^\s*(?:import|export)\s/mu.test(text) ? text : `${text}\nexport {};\n`);
    files.push(file);
  };
  const configWith = (options: readonly unknown[]): Linter.Config[] => [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser },
      plugins: { 'mcp-cors': plugin },
      rules: { [`mcp-cors/${rule.ruleId}`]: ['error', ...options] as Linter.RuleEntry },
    },
  ];
  rule.cases.forEach((testCase, index) => {
    const options = testCase.options ?? [];
    const config = configWith(options);
    const [first, ...rest] = options;
    const fixConfig = takesFailClosedFix(rule.ruleId)
      ? configWith([{ ...(first as object | undefined), failClosedFix: true }, ...rest])
      : config;
    const slug = `case-${index}`;
    write(`${slug}-original`, testCase.code);
    const filename = testCase.filename ?? 'file.ts';
    const messages = linter.verify(testCase.code, config, filename);
    if (messages.length === 0) throw new Error(`${rule.ruleId}, ${testCase.name}: the rule reports nothing`);
    const fixed = linter.verifyAndFix(testCase.code, fixConfig, { filename, fix: true });
    if (fixed.fixed) write(`${slug}-fix`, fixed.output);
    messages.forEach((message, messageIndex) => {
      message.suggestions?.forEach((suggestion, suggestionIndex) => {
        const { range, text } = suggestion.fix;
        write(
          `${slug}-report${messageIndex}-suggestion${suggestionIndex}`,
          testCase.code.slice(0, range[0]) + text + testCase.code.slice(range[1]),
        );
      });
    });
  });
  return files;
}
