import fs from 'node:fs';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import { rules as ruleModules } from '../src/rules';
import packageJson from '../package.json';

const root = path.resolve(__dirname, '..');
const ruleIds = fs
  .readdirSync(path.join(root, 'src/rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.slice(0, -'.ts'.length));
const rules: Readonly<Record<string, (typeof ruleModules)[keyof typeof ruleModules]>> = ruleModules;

describe('the plugin object', () => {
  it('names itself with the package name, version and the mcp-cors namespace', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'mcp-cors' });
  });

  it('exports exactly the rules in src/rules', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual([...ruleIds].sort());
    for (const id of ruleIds) expect(plugin.rules[id]).toBe(rules[id]);
  });

  it.each(ruleIds)('%s has a test file, a doc and a docs URL that points at the doc', (id) => {
    expect(fs.existsSync(path.join(root, 'tests/rules', `${id}.test.ts`))).toBe(true);
    expect(fs.existsSync(path.join(root, 'docs/rules', `${id}.md`))).toBe(true);
    expect(rules[id]!.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${id}\\.md$`, 'u'));
  });

  it('says where it lives: its repository, home page and issues, and each docs URL in that repository', () => {
    expect(packageJson.repository).toEqual({
      type: 'git',
      url: 'git+https://github.com/mcp-cors/eslint-plugin-mcp-cors.git',
    });
    expect(packageJson.homepage).toBe('https://github.com/mcp-cors/eslint-plugin-mcp-cors#readme');
    expect(packageJson.bugs).toEqual({ url: 'https://github.com/mcp-cors/eslint-plugin-mcp-cors/issues' });
    for (const id of ruleIds) {
      expect(rules[id]!.meta.docs?.url).toBe(
        `https://github.com/mcp-cors/eslint-plugin-mcp-cors/blob/main/docs/rules/${id}.md`,
      );
    }
  });
});

describe('configs', () => {
  // The configs are public interface: each is written out here, not recomputed from the rules' meta.
  it('recommended holds every rule, at error, with its default options', () => {
    expect(plugin.configs.recommended.rules).toEqual({
      'mcp-cors/no-env-allowed-origins': 'error',
      'mcp-cors/no-null-origin': 'error',
      'mcp-cors/no-reflected-origin': 'error',
      'mcp-cors/no-unsafe-origin-match': 'error',
      'mcp-cors/no-wildcard-origin': 'error',
      'mcp-cors/require-csrf-token': 'error',
      'mcp-cors/require-dns-rebinding-protection': 'error',
      'mcp-cors/require-loopback-host': 'error',
    });
    expect(plugin.configs.recommended.name).toBe('mcp-cors/recommended');
    for (const id of ruleIds) expect(rules[id]!.meta.docs?.recommended).toBe(true);
  });

  it('strict holds every rule, with the stricter options', () => {
    expect(plugin.configs.strict.rules).toEqual({
      'mcp-cors/no-env-allowed-origins': ['error', { reportExactAllowlists: true, trustCredentialChecks: false }],
      'mcp-cors/no-null-origin': 'error',
      'mcp-cors/no-reflected-origin': ['error', { trustCredentialChecks: false, trustRemoteDeployments: false }],
      'mcp-cors/no-unsafe-origin-match': 'error',
      'mcp-cors/no-wildcard-origin': ['error', { trustCredentialChecks: false, trustRemoteDeployments: false }],
      'mcp-cors/require-csrf-token': ['error', { trustRemoteDeployments: false }],
      'mcp-cors/require-dns-rebinding-protection': [
        'error',
        { trustCredentialChecks: false, trustRemoteDeployments: false },
      ],
      'mcp-cors/require-loopback-host': ['error', { reportUnknownHosts: true }],
    });
    expect(plugin.configs.strict.name).toBe('mcp-cors/strict');
  });

  it('all holds every rule, at error', () => {
    expect(plugin.configs.all.rules).toEqual({
      'mcp-cors/no-env-allowed-origins': 'error',
      'mcp-cors/no-null-origin': 'error',
      'mcp-cors/no-reflected-origin': 'error',
      'mcp-cors/no-unsafe-origin-match': 'error',
      'mcp-cors/no-wildcard-origin': 'error',
      'mcp-cors/require-csrf-token': 'error',
      'mcp-cors/require-dns-rebinding-protection': 'error',
      'mcp-cors/require-loopback-host': 'error',
    });
    expect(plugin.configs.all.name).toBe('mcp-cors/all');
  });

  it('fail-closed holds the recommended rules, each that takes it with failClosedFix on', () => {
    expect(plugin.configs['fail-closed'].rules).toEqual({
      'mcp-cors/no-env-allowed-origins': ['error', { failClosedFix: true }],
      'mcp-cors/no-null-origin': ['error', { failClosedFix: true }],
      'mcp-cors/no-reflected-origin': ['error', { failClosedFix: true }],
      // Anchoring an origin pattern cannot stop a legitimate client: it is an autofix in every config.
      'mcp-cors/no-unsafe-origin-match': 'error',
      'mcp-cors/no-wildcard-origin': ['error', { failClosedFix: true }],
      'mcp-cors/require-csrf-token': ['error', { failClosedFix: true }],
      'mcp-cors/require-dns-rebinding-protection': ['error', { failClosedFix: true }],
      'mcp-cors/require-loopback-host': ['error', { failClosedFix: true }],
    });
    expect(plugin.configs['fail-closed'].name).toBe('mcp-cors/fail-closed');
  });

  it('refers to the very plugin object the package exports', () => {
    expect(plugin.configs.recommended.plugins['mcp-cors']).toBe(plugin);
    expect(plugin.configs.strict.plugins['mcp-cors']).toBe(plugin);
    expect(plugin.configs.all.plugins['mcp-cors']).toBe(plugin);
    expect(plugin.configs['fail-closed'].plugins['mcp-cors']).toBe(plugin);
  });

  it.each(['recommended', 'strict', 'all', 'fail-closed'] as const)(
    '%s lints a real file through the ESLint class',
    async (name) => {
      const eslint = new ESLint({
        cwd: root,
        overrideConfigFile: true,
        overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs[name]],
      });
      const [result] = await eslint.lintText(
        "import cors from 'cors';\nimport express from 'express';\nexpress().use(cors());\n",
        { filePath: path.join(root, 'server.ts') },
      );
      expect(result!.messages.map((message) => [message.ruleId, message.line])).toEqual([
        ['mcp-cors/no-wildcard-origin', 3],
      ]);
    },
  );

  it.each([
    ['recommended', undefined],
    [
      'fail-closed',
      "import cors from 'cors';\nimport express from 'express';\nexpress().use(cors({ origin: false }));\n",
    ],
  ] as const)('--fix with %s denies every origin only when the config asks for it', async (name, output) => {
    const eslint = new ESLint({
      cwd: root,
      fix: true,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs[name]],
    });
    const [result] = await eslint.lintText(
      "import cors from 'cors';\nimport express from 'express';\nexpress().use(cors());\n",
      { filePath: path.join(root, 'server.ts') },
    );
    expect(result!.output).toBe(output);
    const suggestions = result!.messages.flatMap((message) => message.suggestions ?? []);
    expect(suggestions.map((suggestion) => suggestion.messageId)).toEqual(
      name === 'fail-closed' ? [] : ['denyOrigins', 'useAllowlist'],
    );
  });
});

describe('rule schemas', () => {
  const linter = new Linter({ configType: 'flat' });
  const lint = (id: string, options: unknown[]) =>
    linter.verify('x;', [{ plugins: { 'mcp-cors': plugin }, rules: { [`mcp-cors/${id}`]: ['error', ...options] } }]);

  it.each(ruleIds)('%s accepts its default options', (id) => {
    expect(() => lint(id, [...(rules[id]!.meta.defaultOptions ?? rules[id]!.defaultOptions ?? [])])).not.toThrow();
  });

  it.each(ruleIds)('%s rejects junk options', (id) => {
    expect(() => lint(id, [{ notAnOption: true }])).toThrow(/mcp-cors\/[\w-]+/u);
  });
});
