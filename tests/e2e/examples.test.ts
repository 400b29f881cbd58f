import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  examplesDir,
  exampleFiles,
  exampleRole,
  expectedReports,
  root,
  runEslintCli,
  typeCheck,
  useFailClosedConfig,
} from '../support/e2e';

const files = exampleFiles();
const relative = (file: string): string => path.relative(examplesDir, file);

describe('the example MCP servers', () => {
  let results: ESLint.LintResult[];

  beforeAll(async () => {
    // examples/eslint.config.mjs is the config a user would write: the built plugin, every rule.
    const eslint = new ESLint({ cwd: examplesDir });
    results = await eslint.lintFiles(files);
  });

  it('has a vulnerable and a hardened server for each framework', () => {
    const framework = (file: string): string => relative(file).split(path.sep)[0]!;
    const folders = new Set(files.map(framework));
    for (const folder of folders) {
      const roles = files.filter((file) => framework(file) === folder).map(exampleRole);
      expect(roles.includes('vulnerable'), folder).toBe(true);
      expect(roles.includes('hardened'), folder).toBe(true);
    }
    expect(folders.size).toBeGreaterThanOrEqual(8);
  });

  it.each(files.map((file) => [relative(file), file]))('%s draws exactly the reports its markers list', (_, file) => {
    const result = results.find((candidate) => candidate.filePath === file)!;
    expect(result.messages.filter((message) => message.fatal)).toEqual([]);
    const actual = result.messages.map((message) => `${message.ruleId}@${message.line}`).sort();
    expect(actual).toEqual(expectedReports(file).sort());
    if (exampleRole(file) === 'hardened') expect(actual).toEqual([]);
  });

  it('reports the same through the eslint CLI as through the ESLint class', () => {
    const cli = runEslintCli(examplesDir, ['.']);
    const summarise = (
      list: { filePath: string; messages: { ruleId: string | null; line: number; column: number }[] }[],
    ) =>
      list
        .flatMap((result) =>
          result.messages.map(
            (message) => `${relative(result.filePath)}:${message.line}:${message.column} ${message.ruleId}`,
          ),
        )
        .sort();
    expect(summarise(cli)).toEqual(summarise(results));
  });
});

describe('eslint --fix on the example MCP servers', () => {
  const workDir = path.join(root, '.tmp', `e2e-fix-${process.pid}`);
  const onePass = path.join(workDir, 'one-pass', 'examples');
  const cliFixed = path.join(workDir, 'cli', 'examples');
  const ownConfig = path.join(workDir, 'own-config', 'examples');

  beforeAll(() => {
    fs.rmSync(workDir, { recursive: true, force: true });
    // The fail-closed changes are autofixes under the `fail-closed` config only.
    for (const dir of [onePass, cliFixed]) {
      fs.cpSync(examplesDir, dir, { recursive: true });
      useFailClosedConfig(dir);
    }
    fs.cpSync(examplesDir, ownConfig, { recursive: true });
  });
  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  it("changes nothing under the examples' own config, where each fail-closed change is a suggestion", () => {
    runEslintCli(ownConfig, ['--fix', '.']);
    for (const file of exampleFiles(ownConfig)) {
      const original = path.join(examplesDir, path.relative(ownConfig, file));
      expect(fs.readFileSync(file, 'utf8'), path.relative(ownConfig, file)).toBe(fs.readFileSync(original, 'utf8'));
    }
    const reports = runEslintCli(ownConfig, ['.']).flatMap((result) => result.messages);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.filter((message) => 'fix' in message)).toEqual([]);
  });

  it('under the fail-closed config, reaches a fixed point in one pass, with no fixes in conflict', async () => {
    // Apply each report's fix once, as a single pass of ESLint's fixer does, skipping none:
    // overlapping fixes from two rules would leave a report behind for the re-lint to find.
    const eslint = new ESLint({ cwd: onePass });
    for (const result of await eslint.lintFiles(exampleFiles(onePass))) {
      const fixes = result.messages.flatMap((message) => (message.fix ? [message.fix] : []));
      if (fixes.length === 0) continue;
      fixes.sort((a, b) => a.range[0] - b.range[0]);
      let text = fs.readFileSync(result.filePath, 'utf8');
      // ESLint's fixer skips a fix that starts where the previous one ends, or earlier.
      for (let index = 1; index < fixes.length; index++) {
        expect(fixes[index]!.range[0], `overlapping fixes in ${result.filePath}`).toBeGreaterThan(
          fixes[index - 1]!.range[1],
        );
      }
      for (const fix of [...fixes].reverse()) text = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
      fs.writeFileSync(result.filePath, text);
    }
    const after = runEslintCli(onePass, ['.']).flatMap((result) =>
      result.messages.map(
        (message) => `${path.relative(onePass, result.filePath)}:${message.line} ${message.ruleId}: ${message.message}`,
      ),
    );
    expect(after).toEqual([]);
  });

  it('under the fail-closed config, leaves servers that lint clean, match the one-pass fix, and type-check', () => {
    runEslintCli(cliFixed, ['--fix', '.']);
    expect(runEslintCli(cliFixed, ['.']).flatMap((result) => result.messages)).toEqual([]);
    for (const file of exampleFiles(cliFixed)) {
      const twin = path.join(onePass, path.relative(cliFixed, file));
      expect(fs.readFileSync(file, 'utf8'), path.relative(cliFixed, file)).toBe(fs.readFileSync(twin, 'utf8'));
    }
    const typeScriptFiles = exampleFiles(cliFixed).filter((file) => /\.[mc]?ts$/u.test(file));
    expect(typeCheck(typeScriptFiles, workDir)).toBe('');
  });
});
