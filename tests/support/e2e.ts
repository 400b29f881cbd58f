import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './typecheck';

export { root, tscBin, typeCheck } from './typecheck';
export const examplesDir = path.join(root, 'examples');
export const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');

/** Example sources: every server file under examples/, not the config. */
export function exampleFiles(dir = examplesDir): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(?:ts|mts|cts|js|mjs|cjs)$/u.test(file) && !file.endsWith('.d.ts'))
    .filter((file) => path.basename(file) !== 'eslint.config.mjs' && !file.includes('node_modules'))
    .map((file) => path.join(dir, file))
    .sort();
}

/**
 * `rule@line` for every `// expect: rule-a, rule-b` marker at the end of a line (a report on
 * that line), and every `// expect-next-line: rule-a` comment on a line of its own (a report on
 * the line after it, where a trailing comment would not stay put under the formatter).
 */
export function expectedReports(file: string): string[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  return lines.flatMap((line, index) => {
    const next = /^\s*\/\/ expect-next-line: ([\w\s,-]+)$/u.exec(line);
    const marker = next ?? /\/\/ expect: ([\w\s,-]+)$/u.exec(line);
    const at = next ? index + 2 : index + 1;
    return marker ? marker[1]!.split(',').map((rule) => `mcp-cors/${rule.trim()}@${at}`) : [];
  });
}

export interface CliMessage {
  ruleId: string | null;
  line: number;
  column: number;
  fatal?: boolean;
  message: string;
}
export interface CliResult {
  filePath: string;
  messages: CliMessage[];
}

/** Runs the eslint CLI in a folder and returns its JSON results (it exits 1 when it finds errors). */
export function runEslintCli(cwd: string, args: string[]): CliResult[] {
  const result = spawnSync(process.execPath, [eslintBin, '--format', 'json', ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`eslint exited ${result.status}: ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as CliResult[];
}
