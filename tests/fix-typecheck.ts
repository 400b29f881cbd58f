import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../src/index';

const root = path.resolve(__dirname, '..');

export interface TypeCheckCase {
  readonly name: string;
  /** A whole TypeScript module that type-checks before the fix, with real imports. */
  readonly code: string;
  readonly options?: readonly unknown[];
}

/**
 * Applies a rule's autofix (one pass) and each of its suggestions to every case, and
 * type-checks the original and every resulting program with the repo's compiler options
 * and the real packages' types. Returns the compiler's complaints, `''` when all is clean.
 * The originals are checked too, so that a case which never type-checked cannot pass for
 * a fix that does.
 */
export function typeCheckFixOutputs(
  ruleId: string,
  cases: readonly TypeCheckCase[],
): { output: string; programs: number } {
  const linter = new Linter({ configType: 'flat' });
  const dir = path.join(root, '.tmp', `fix-typecheck-${ruleId}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const write = (name: string, text: string): void => {
    // .mts: ES modules, as most servers are written today (top-level await included).
    const file = path.join(dir, `${name}.mts`);
    // Each program is its own module, so that top-level names do not collide across files.
    fs.writeFileSync(file, /^\s*(?:import|export)\s/mu.test(text) ? text : `${text}\nexport {};\n`);
    files.push(file);
  };
  cases.forEach((testCase, index) => {
    const config = [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { 'mcp-cors': plugin },
        rules: { [`mcp-cors/${ruleId}`]: ['error', ...(testCase.options ?? [])] as Linter.RuleEntry },
      },
    ];
    const slug = `case-${index}`;
    write(`${slug}-original`, testCase.code);
    const messages = linter.verify(testCase.code, config, 'file.ts');
    if (messages.length === 0) throw new Error(`${testCase.name}: the rule reports nothing`);
    const fixed = linter.verifyAndFix(testCase.code, config, { filename: 'file.ts', fix: true });
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
  const tsconfig = path.join(dir, 'tsconfig.json');
  // Fixes may leave a binding unused (an import the fixed code no longer needs), which is no type error.
  fs.writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: path.join(root, 'tsconfig.json'),
      compilerOptions: { noUnusedLocals: false },
      include: [],
      files,
    }),
  );
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', tsconfig, '--noEmit'], {
      encoding: 'utf8',
    });
    fs.rmSync(dir, { recursive: true, force: true });
    return { output: '', programs: files.length };
  } catch (error) {
    return { output: String((error as { stdout?: string }).stdout ?? error), programs: files.length };
  }
}
