// The plugin's peer range is `eslint: ^9 || ^10`. ESLint 10 is the repo's own; ESLint 9 (its latest
// 9.x) is installed here side by side with the packed plugin, in a temporary project, as a user on
// ESLint 9 gets it. Both lint the example MCP servers with `configs.all`, once on the main thread
// and once with `--concurrency 2`, which lints in worker threads that each load the config and the
// plugin themselves.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eslintBin, examplesDir, root } from '../support/e2e';
import plugin from '../../src/index';

/** The version installed here of a dev dependency, so that ESLint 9 gets the same one. */
const installedVersion = (name: string): string =>
  (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;

interface Message {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
  fix?: { range: [number, number]; text: string };
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
}
interface Result {
  filePath: string;
  messages: Message[];
  output?: string;
}

const project = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-eslint9-'));
const eslint9 = {
  bin: path.join(project, 'node_modules/eslint/bin/eslint.js'),
  examples: path.join(project, 'examples'),
};
const eslint10 = { bin: eslintBin, examples: examplesDir };

/**
 * `--rule` flags that turn on `failClosedFix` wherever the `fail-closed` config does, so that
 * `--fix` has the fail-closed changes to apply; the examples' own config makes them suggestions.
 */
const failClosedFlags = Object.entries(plugin.configs['fail-closed'].rules)
  .filter(([, entry]) => Array.isArray(entry))
  .flatMap(([id, entry]) => ['--rule', JSON.stringify({ [id]: entry })]);

/**
 * Runs an eslint CLI in an examples folder with the JSON formatter (exit code 1: errors found,
 * as the vulnerable examples draw them). Its stderr is kept for ESLint's debug log.
 */
function lint(eslint: { bin: string; examples: string }, args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [eslint.bin, '--format', 'json', ...args, '.'], {
    cwd: eslint.examples,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint exited ${run.status}: ${run.stderr}`);
  const results = (JSON.parse(run.stdout) as Result[]).sort((a, b) => a.filePath.localeCompare(b.filePath));
  return { results, stderr: run.stderr };
}

/** Each report as the user sees it and as --fix applies it, keyed by the file's path in examples/. */
const reports = (results: Result[], examples: string) =>
  results.flatMap((result) =>
    result.messages.map((message) => ({
      file: path.relative(examples, result.filePath),
      ruleId: message.ruleId,
      severity: message.severity,
      message: message.message,
      line: message.line,
      column: message.column,
      endLine: message.endLine,
      endColumn: message.endColumn,
      fix: message.fix,
      suggestions: message.suggestions?.map(({ desc, fix }) => ({ desc, fix })),
    })),
  );

describe('ESLint 9 and 10', () => {
  beforeAll(() => {
    // --ignore-scripts: `prepare` would rebuild dist/ while other test files read it; `npm test`
    // has built it already.
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], {
        cwd: root,
        encoding: 'utf8',
      }),
    ) as { filename: string }[];
    fs.writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'eslint9-consumer', private: true }, null, 2),
    );
    execFileSync(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        'eslint@9',
        `@typescript-eslint/parser@${installedVersion('@typescript-eslint/parser')}`,
        // The rules read the installed fastmcp and MCP SDK packages before they write their options
        // or import them: the examples' project has them, as this repository does.
        ...['fastmcp', '@modelcontextprotocol/sdk', '@modelcontextprotocol/express', '@modelcontextprotocol/hono'].map(
          (name) => `${name}@${installedVersion(name)}`,
        ),
        `./${packed[0]!.filename}`,
      ],
      { cwd: project, encoding: 'utf8', stdio: 'pipe' },
    );
    // The examples with their own eslint.config.mjs (the TypeScript parser and `configs.all`),
    // which now resolves 'eslint-plugin-mcp-cors' to the installed tarball.
    fs.cpSync(examplesDir, eslint9.examples, { recursive: true });
  }, 300_000);
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  it('installs ESLint 9 next to the packed plugin', () => {
    const version = execFileSync(process.execPath, [eslint9.bin, '--version'], { encoding: 'utf8' }).trim();
    expect(version).toMatch(/^v9\.\d+\.\d+$/u);
    const plugin = path.join(project, 'node_modules/eslint-plugin-mcp-cors');
    expect(fs.lstatSync(plugin).isSymbolicLink()).toBe(false);
  }, 30_000);

  it('ESLint 9 draws the same reports, with the same fixes and suggestions, as ESLint 10', () => {
    const on9 = reports(lint(eslint9, []).results, eslint9.examples);
    const on10 = reports(lint(eslint10, []).results, eslint10.examples);
    expect(on10.filter((report) => report.ruleId === null)).toEqual([]);
    expect(on10.some((report) => report.ruleId?.startsWith('mcp-cors/'))).toBe(true);
    expect(on9).toEqual(on10);
  }, 60_000);

  it.each([
    ['10', eslint10],
    ['9', eslint9],
  ])(
    'ESLint %s with --concurrency 2 lints in worker threads and gives the single-threaded results',
    (_, eslint) => {
      // ESLint's debug log says how many worker threads it started, which --concurrency alone does
      // not promise: with fewer than two files to lint it stays on the main thread.
      const threaded = lint(eslint, ['--concurrency', '2'], { DEBUG: 'eslint:eslint' });
      expect(threaded.stderr).toContain('Linting using 2 worker thread(s).');
      const single = lint(eslint, ['--concurrency', 'off'], { DEBUG: 'eslint:eslint' });
      expect(single.stderr).toContain('Linting in single-thread mode.');
      expect(reports(single.results, eslint.examples).length).toBeGreaterThan(0);
      expect(threaded.results).toEqual(single.results);

      // eslint --fix in worker threads: each file's fixed text is the single-threaded one.
      const outputs = (results: Result[]) => results.map(({ filePath, output }) => ({ filePath, output }));
      const fixedThreaded = outputs(lint(eslint, ['--concurrency', '2', '--fix-dry-run', ...failClosedFlags]).results);
      expect(fixedThreaded.filter((result) => result.output !== undefined).length).toBeGreaterThan(0);
      expect(fixedThreaded).toEqual(
        outputs(lint(eslint, ['--concurrency', 'off', '--fix-dry-run', ...failClosedFlags]).results),
      );
    },
    90_000,
  );
});
