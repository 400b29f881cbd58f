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
});

describe('configs', () => {
  it('recommended holds every rule whose meta.docs.recommended is set, at error', () => {
    const expected = Object.fromEntries(
      ruleIds.filter((id) => rules[id]!.meta.docs?.recommended).map((id) => [`mcp-cors/${id}`, 'error']),
    );
    expect(plugin.configs.recommended.rules).toEqual(expected);
    expect(plugin.configs.recommended.name).toBe('mcp-cors/recommended');
  });

  it('strict holds every rule, with the options each names in meta.docs.strictOptions', () => {
    const expected = Object.fromEntries(
      ruleIds.map((id) => {
        const strictOptions = rules[id]!.meta.docs?.strictOptions;
        return [`mcp-cors/${id}`, strictOptions ? ['error', ...strictOptions] : 'error'];
      }),
    );
    expect(plugin.configs.strict.rules).toEqual(expected);
    expect(plugin.configs.strict.name).toBe('mcp-cors/strict');
    expect(Object.values(plugin.configs.strict.rules).some((entry) => Array.isArray(entry))).toBe(true);
  });

  it('all holds every rule, at error', () => {
    expect(Object.keys(plugin.configs.all.rules).sort()).toEqual(ruleIds.map((id) => `mcp-cors/${id}`).sort());
    expect(plugin.configs.all.name).toBe('mcp-cors/all');
  });

  it('fail-closed holds the recommended rules, each that takes it with failClosedFix on', () => {
    const takesFailClosedFix = (id: string): boolean => {
      const [options] = rules[id]!.meta.schema as readonly { properties?: Record<string, unknown> }[];
      return options?.properties?.['failClosedFix'] !== undefined;
    };
    const expected = Object.fromEntries(
      ruleIds
        .filter((id) => rules[id]!.meta.docs?.recommended)
        .map((id) => [`mcp-cors/${id}`, takesFailClosedFix(id) ? ['error', { failClosedFix: true }] : 'error']),
    );
    expect(plugin.configs['fail-closed'].rules).toEqual(expected);
    expect(plugin.configs['fail-closed'].name).toBe('mcp-cors/fail-closed');
    // Anchoring an origin pattern cannot stop a legitimate client: it is an autofix in every config.
    expect(expected['mcp-cors/no-unsafe-origin-match']).toBe('error');
    expect(Object.values(expected).filter((entry) => Array.isArray(entry))).toHaveLength(7);
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
