// CI output: the commands the README's CI section shows, run on the example MCP servers, and what
// GitHub code scanning reads from the SARIF log (`@microsoft/eslint-formatter-sarif`): the rule
// ids, each rule's help URI, and where each result is.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules as ruleModules } from '../../src/rules';
import {
  eslintBin,
  exampleFiles,
  exampleRole,
  examplesDir,
  expectedReports,
  root,
  type CliResult,
} from '../support/e2e';

interface SarifRegion {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}
interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  suppressions?: { kind: string; justification?: string }[];
  locations: { physicalLocation: { artifactLocation: { uri: string; index: number }; region?: SarifRegion } }[];
}
interface SarifLog {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version?: string;
        rules: { id: string; helpUri?: string; shortDescription?: { text: string } }[];
      };
    };
    artifacts?: { location: { uri: string } }[];
    results: SarifResult[];
    invocations?: unknown[];
  }[];
}

// The README's commands, as a user types them in the root of a project: here the examples folder,
// whose eslint.config.mjs enables every rule of the plugin.
const JSON_ARGS = ['.', '--format', 'json', '--output-file', 'eslint.json'];
const SARIF_ARGS = ['.', '--format', '@microsoft/eslint-formatter-sarif', '--output-file', 'eslint.sarif'];

const outDir = path.join(root, '.tmp', `e2e-sarif-${process.pid}`);

/**
 * Runs the eslint CLI in the examples folder, with the file named after `--output-file` written to
 * outDir; returns the exit code and stdout.
 */
function runCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const outputFile = args.indexOf('--output-file') + 1;
  const withOutput = args.map((arg, index) => (outputFile > 0 && index === outputFile ? path.join(outDir, arg) : arg));
  const result = spawnSync(process.execPath, [eslintBin, ...withOutput], {
    cwd: examplesDir,
    encoding: 'utf8',
    timeout: 120_000,
    input: options.input,
    env: { ...process.env, ...options.env },
  });
  expect(result.stderr).toBe('');
  return { status: result.status, stdout: result.stdout };
}

const ruleName = (ruleId: string) => ruleId.replace(/^mcp-cors\//u, '') as keyof typeof ruleModules;
const where = (filePath: string, line: number | undefined, ruleId: string | undefined) =>
  `${path.relative(examplesDir, filePath)}:${line} ${ruleId}`;

describe('eslint output for CI', () => {
  let json: CliResult[];
  let sarif: SarifLog;
  let status: { json: number | null; sarif: number | null };

  beforeAll(() => {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    status = { json: runCli(JSON_ARGS).status, sarif: runCli(SARIF_ARGS).status };
    json = JSON.parse(fs.readFileSync(path.join(outDir, 'eslint.json'), 'utf8')) as CliResult[];
    sarif = JSON.parse(fs.readFileSync(path.join(outDir, 'eslint.sarif'), 'utf8')) as SarifLog;
  }, 120_000);
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('fails the job: both runs exit 1, as the vulnerable examples draw errors', () => {
    expect(status).toEqual({ json: 1, sarif: 1 });
    expect(json.flatMap((result) => result.messages).length).toBeGreaterThan(0);
  }, 30_000);

  it('the SARIF log is one ESLint run, with no tool notifications (no file failed to parse)', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]!.tool.driver).toMatchObject({ name: 'ESLint', version: ESLint.version });
    expect(sarif.runs[0]!.invocations).toBeUndefined();
  }, 30_000);

  it('names each reported rule of the plugin once, with its doc as help URI and its description', () => {
    const { rules } = sarif.runs[0]!.tool.driver;
    const reported = [...new Set(json.flatMap((result) => result.messages.map((message) => message.ruleId!)))].sort();
    expect(rules.map((rule) => rule.id).sort()).toEqual(reported);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^mcp-cors\//u);
      const { docs } = ruleModules[ruleName(rule.id)].meta;
      expect(rule, rule.id).toMatchObject({ helpUri: docs?.url, shortDescription: { text: docs?.description } });
      expect(rule.helpUri).toMatch(/^https:\/\//u);
    }
  }, 30_000);

  it('carries every report of the JSON output as a result: rule, message, level and region', () => {
    const run = sarif.runs[0]!;
    const fromSarif = run.results.map((result) => {
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      // GitHub reads the rule from ruleId; ruleIndex and the artifact index must agree with it.
      expect(run.tool.driver.rules[result.ruleIndex!]?.id).toBe(result.ruleId);
      expect(run.artifacts?.[artifactLocation.index]?.location.uri).toBe(artifactLocation.uri);
      return {
        uri: artifactLocation.uri,
        ruleId: result.ruleId,
        level: result.level,
        message: result.message.text,
        ...region,
      };
    });
    const fromJson = json.flatMap((result) =>
      result.messages.map((message) => {
        const { endLine, endColumn, severity } = message as typeof message & {
          endLine: number;
          endColumn: number;
          severity: number;
        };
        return {
          uri: pathToFileURL(result.filePath).href,
          ruleId: message.ruleId,
          level: severity === 2 ? 'error' : 'warning',
          message: message.message,
          startLine: message.line,
          startColumn: message.column,
          endLine,
          endColumn,
        };
      }),
    );
    const order = (list: typeof fromJson) =>
      [...list].sort(
        (a, b) => a.uri.localeCompare(b.uri) || a.startLine - b.startLine || a.startColumn - b.startColumn,
      );
    expect(order(fromSarif as typeof fromJson)).toEqual(order(fromJson));
  }, 30_000);

  it('puts each result on the line that an example marks with `// expect:`, and no result elsewhere', () => {
    const results = sarif.runs[0]!.results.map((result) => {
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      return where(fileURLToPath(artifactLocation.uri), region?.startLine, result.ruleId);
    });
    const markers = exampleFiles().flatMap((file) =>
      expectedReports(file).map((marker) => {
        const [ruleId, line] = marker.split('@');
        return where(file, Number(line), ruleId);
      }),
    );
    expect(markers.length).toBeGreaterThan(0);
    expect(results.sort()).toEqual(markers.sort());
  }, 30_000);

  it('a clean run exits 0 and still writes a SARIF log, with no results', () => {
    const hardened = exampleFiles().filter((file) => exampleRole(file) === 'hardened');
    const args = [...hardened, ...SARIF_ARGS.slice(1)];
    args[args.length - 1] = 'clean.sarif';
    expect(runCli(args).status).toBe(0);
    const clean = JSON.parse(fs.readFileSync(path.join(outDir, 'clean.sarif'), 'utf8')) as SarifLog;
    expect(clean.runs[0]!.results).toEqual([]);
    expect(clean.runs[0]!.artifacts).toHaveLength(hardened.length);
  }, 30_000);

  it('lists a report silenced by an eslint-disable comment as suppressed, unless told to leave it out', () => {
    const source = [
      "const express = require('express');",
      "const cors = require('cors');",
      '',
      'const app = express();',
      '// eslint-disable-next-line mcp-cors/no-wildcard-origin -- a public demo that serves no secrets',
      'app.use(cors());',
      "app.listen(3000, '127.0.0.1');",
      '',
    ].join('\n');
    const lint = (env: NodeJS.ProcessEnv) => {
      const args = [
        '--stdin',
        '--stdin-filename',
        path.join(examplesDir, 'suppressed.cjs'),
        '--format',
        SARIF_ARGS[2]!,
      ];
      const { status: exitCode, stdout } = runCli(args, { input: source, env });
      return { exitCode, results: (JSON.parse(stdout) as SarifLog).runs[0]!.results };
    };
    const listed = lint({});
    // A suppressed report does not fail the job.
    expect(listed.exitCode).toBe(0);
    expect(listed.results).toHaveLength(1);
    expect(listed.results[0]).toMatchObject({
      ruleId: 'mcp-cors/no-wildcard-origin',
      suppressions: [{ kind: 'inSource', justification: 'a public demo that serves no secrets' }],
      locations: [{ physicalLocation: { region: { startLine: 6 } } }],
    });
    expect(lint({ SARIF_ESLINT_IGNORE_SUPPRESSED: 'true' })).toEqual({ exitCode: 0, results: [] });
  }, 30_000);

  it("the README's CI section shows these commands and uploads the SARIF log", () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = /^## CI$([\s\S]*?)^## /mu.exec(readme)?.[1] ?? '';
    for (const command of ['npx eslint .', `npx eslint ${JSON_ARGS.join(' ')}`, `npx eslint ${SARIF_ARGS.join(' ')}`]) {
      expect(section).toContain(command);
    }
    expect(section).toContain('npm install --save-dev @microsoft/eslint-formatter-sarif');
    expect(section).toMatch(/uses: github\/codeql-action\/upload-sarif@v\d+/u);
    expect(section).toMatch(/sarif_file: eslint\.sarif/u);
    expect(section).toMatch(/security-events: write/u);
  }, 30_000);
});
