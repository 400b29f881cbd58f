import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { root } from './typecheck';

export { root, tscBin, typeCheck } from './typecheck';
export const examplesDir = path.join(root, 'examples');
export const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');

/**
 * Whether an example file is a vulnerable or a hardened server: its name says so (`hono/vulnerable.ts`),
 * or, where the framework names the file (a Next.js `route.ts`), its folder does
 * (`mcp-handler/hardened/app/api/[transport]/route.ts`).
 */
export function exampleRole(file: string): 'vulnerable' | 'hardened' | null {
  const role = path.relative(examplesDir, file).split(path.sep)[1] ?? '';
  return role.startsWith('vulnerable') ? 'vulnerable' : role.startsWith('hardened') ? 'hardened' : null;
}

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
  fix?: { range: [number, number]; text: string };
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
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

/**
 * The examples' config with the `fail-closed` config in place of `all` (every rule is recommended,
 * so the two hold the same rules): each rule's fail-closed change is then the autofix that
 * `eslint --fix` applies, as the README tells a user who fixes on save. Written over the
 * eslint.config.mjs of a copy of examples/.
 */
export const FAIL_CLOSED_CONFIG = `import tsParser from '@typescript-eslint/parser';
import mcpCors from 'eslint-plugin-mcp-cors';

export default [
  {
    files: ['**/*.{ts,mts,cts}'],
    languageOptions: { parser: tsParser },
  },
  mcpCors.configs['fail-closed'],
];
`;

export function useFailClosedConfig(dir: string): void {
  fs.writeFileSync(path.join(dir, 'eslint.config.mjs'), FAIL_CLOSED_CONFIG);
}

/**
 * What a user does who takes the first Quick Fix of every report under the examples' own config
 * (`all`, default options): lints each file with `fix: true` (the fixes that cannot stop a client),
 * then applies the first suggestion of one report (the fail-closed change, where the rule has one)
 * and lints again, until no report is left with a fix or a suggestion. Returns the rounds each file
 * took.
 */
export async function applyFirstSuggestions(cwd: string, files: readonly string[]): Promise<Map<string, number>> {
  const eslint = new ESLint({ cwd, fix: true });
  const rounds = new Map<string, number>();
  for (const file of files) {
    for (let round = 0; ; round++) {
      // A suggestion that never settles would loop forever; the examples need a handful of rounds.
      if (round > 50) throw new Error(`${file}: the first suggestions still change it after 50 rounds`);
      const [result] = await eslint.lintFiles([file]);
      if (result?.output !== undefined) {
        fs.writeFileSync(file, result.output);
        continue;
      }
      const suggestion = result?.messages.find((message) => message.suggestions?.length)?.suggestions?.[0];
      if (!suggestion) {
        rounds.set(file, round);
        break;
      }
      const text = fs.readFileSync(file, 'utf8');
      const { range } = suggestion.fix;
      fs.writeFileSync(file, text.slice(0, range[0]) + suggestion.fix.text + text.slice(range[1]));
    }
  }
  return rounds;
}
