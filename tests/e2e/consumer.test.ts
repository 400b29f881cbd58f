import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../support/e2e';

/** The version installed here of a dev dependency, so the consumer gets the same one. */
const installedVersion = (name: string): string =>
  (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;

/**
 * The oldest typescript-eslint the plugin declares (`^8.58.0`, the first with TypeScript 6 in
 * range): the consumer project is on it, as a project that has not upgraded would be, and the
 * plugin must share its packages rather than pull in copies of its own.
 */
const OLDEST_TYPESCRIPT_ESLINT = (
  JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
).dependencies['@typescript-eslint/utils']!.replace(/^\^/u, '');

const VULNERABLE_JS = `const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors());
app.listen(3000);
`;
const VULNERABLE_TS = `import http from 'node:http';

http.createServer((req, res) => {
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.end('{}');
});
`;
const CONFIGS: Record<string, string> = {
  'eslint.config.mjs': `import mcpCors from 'eslint-plugin-mcp-cors';
import tsParser from '@typescript-eslint/parser';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  mcpCors.configs.recommended,
];
`,
  'eslint.config.cjs': `const mcpCors = require('eslint-plugin-mcp-cors');
const tsParser = require('@typescript-eslint/parser');

module.exports = [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  mcpCors.configs.recommended,
];
`,
  'eslint.config.ts': `import { defineConfig } from 'eslint/config';
import tsParser from '@typescript-eslint/parser';
import mcpCors from 'eslint-plugin-mcp-cors';

export default defineConfig([
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  mcpCors.configs.recommended,
  { rules: { 'mcp-cors/no-wildcard-origin': 'error' } },
]);
`,
};

describe('the packed package, installed in a fresh project', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-consumer-'));
  const eslintBin = path.join(project, 'node_modules/eslint/bin/eslint.js');

  beforeAll(() => {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', project], { cwd: root, encoding: 'utf8' }),
    ) as { filename: string }[];
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }, null, 2));
    const dependencies = [
      ...['eslint', 'jiti', 'typescript', '@types/node'].map((name) => `${name}@${installedVersion(name)}`),
      `typescript-eslint@${OLDEST_TYPESCRIPT_ESLINT}`,
    ];
    // The project first, then the plugin added to it, as a user adds it.
    for (const packages of [dependencies, [`./${packed[0]!.filename}`]]) {
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...packages], {
        cwd: project,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    }
    fs.writeFileSync(path.join(project, 'vulnerable.js'), VULNERABLE_JS);
    fs.writeFileSync(path.join(project, 'server.ts'), VULNERABLE_TS);
    for (const [name, text] of Object.entries(CONFIGS)) fs.writeFileSync(path.join(project, name), text);
  }, 300_000);
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  it.each(Object.keys(CONFIGS))('the eslint CLI with %s reports the rule ids and lines', (config) => {
    let stdout = '';
    try {
      execFileSync(
        process.execPath,
        [eslintBin, '--config', config, '--format', 'json', 'vulnerable.js', 'server.ts'],
        {
          cwd: project,
          encoding: 'utf8',
        },
      );
    } catch (error) {
      // Exit code 1: problems found, as expected.
      stdout = (error as { stdout: string }).stdout;
    }
    const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    expect(
      results
        .flatMap((result) =>
          result.messages.map((message) => `${path.basename(result.filePath)}:${message.line} ${message.ruleId}`),
        )
        .sort(),
    ).toEqual([
      'server.ts:5 mcp-cors/no-wildcard-origin',
      'vulnerable.js:5 mcp-cors/no-wildcard-origin',
      'vulnerable.js:6 mcp-cors/require-loopback-host',
    ]);
  });

  it("uses the project's typescript-eslint packages, the oldest it declares, with no second copy", () => {
    const listed = JSON.parse(
      execFileSync('npm', ['ls', '--all', '--json', '@typescript-eslint/utils', '@typescript-eslint/scope-manager'], {
        cwd: project,
        encoding: 'utf8',
      }),
    ) as unknown;
    const versions = new Map<string, Set<string>>();
    const visit = (node: unknown): void => {
      const dependencies = (node as { dependencies?: Record<string, { version?: string }> }).dependencies ?? {};
      for (const [name, child] of Object.entries(dependencies)) {
        if ((name === '@typescript-eslint/utils' || name === '@typescript-eslint/scope-manager') && child.version) {
          versions.set(name, (versions.get(name) ?? new Set()).add(child.version));
        }
        visit(child);
      }
    };
    visit(listed);
    expect(Object.fromEntries([...versions].map(([name, set]) => [name, [...set]]))).toEqual({
      '@typescript-eslint/utils': [OLDEST_TYPESCRIPT_ESLINT],
      '@typescript-eslint/scope-manager': [OLDEST_TYPESCRIPT_ESLINT],
    });
  });

  it('a typed eslint.config.ts using defineConfig type-checks against the published types', () => {
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
        },
        files: ['eslint.config.ts'],
      }),
    );
    expect(() =>
      execFileSync(process.execPath, [path.join(project, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
        cwd: project,
        encoding: 'utf8',
      }),
    ).not.toThrow();
  });
});
