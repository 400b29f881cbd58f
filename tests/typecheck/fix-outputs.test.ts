import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, typeCheck } from '../support/typecheck';
import { rules as pluginRules } from '../../src/rules';
import { writeFixPrograms, type TypeCheckCases } from './programs';
import { typeCheckCases as noEnvAllowedOrigins } from './cases/no-env-allowed-origins';
import { typeCheckCases as noNullOrigin } from './cases/no-null-origin';
import { typeCheckCases as noReflectedOrigin } from './cases/no-reflected-origin';
import { typeCheckCases as noUnsafeOriginMatch } from './cases/no-unsafe-origin-match';
import { typeCheckCases as noWildcardOrigin } from './cases/no-wildcard-origin';
import { typeCheckCases as requireCsrfToken } from './cases/require-csrf-token';
import { typeCheckCases as requireDnsRebindingProtection } from './cases/require-dns-rebinding-protection';
import { typeCheckCases as requireLoopbackHost } from './cases/require-loopback-host';

const rules: readonly TypeCheckCases[] = [
  noEnvAllowedOrigins,
  noNullOrigin,
  noReflectedOrigin,
  noUnsafeOriginMatch,
  noWildcardOrigin,
  requireCsrfToken,
  requireDnsRebindingProtection,
  requireLoopbackHost,
];

// Every rule's fix and suggestion outputs, type-checked against the real packages in one `tsc`
// program: one compiler start instead of one per rule.
describe('fix and suggestion outputs type-check', () => {
  const dir = path.join(root, '.tmp', `fix-typecheck-${process.pid}`);
  const programs = new Map<string, string[]>();
  let diagnostics = '';

  beforeAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const rule of rules) programs.set(rule.ruleId, writeFixPrograms(rule, path.join(dir, rule.ruleId)));
    diagnostics = typeCheck([...programs.values()].flat(), dir);
    if (diagnostics === '') fs.rmSync(dir, { recursive: true, force: true });
  });

  it('covers every rule of the plugin', () => {
    expect(rules.map((rule) => rule.ruleId).sort()).toEqual(Object.keys(pluginRules).sort());
  });

  describe.each(rules)('$ruleId', (rule) => {
    it(rule.title, () => {
      // tsc names files relative to the working directory.
      const ruleDir = `${path.basename(dir)}/${rule.ruleId}/`;
      const own = diagnostics
        .split('\n')
        .filter((line) => line.includes(ruleDir))
        .join('\n');
      expect(own).toBe('');
      const count = programs.get(rule.ruleId)!.length;
      if ('exactly' in rule.programs) expect(count).toBe(rule.programs.exactly);
      else expect(count).toBeGreaterThan(rule.programs.moreThan);
    });
  });

  it('the compiler finds nothing else wrong', () => {
    expect(diagnostics).toBe('');
  });
});
