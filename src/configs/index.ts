import type { TSESLint } from '@typescript-eslint/utils';
import type { PluginDocs } from '../utils/create-rule';

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], PluginDocs>;

/**
 * Builds the flat configs from the rules' own metadata, so that a rule lands in `recommended`
 * by setting `meta.docs.recommended` and nowhere else.
 */
export function buildConfigs<Plugin>(plugin: Plugin, rules: Readonly<Record<string, AnyRule>>) {
  const entries = Object.entries(rules).filter(([, rule]) => !rule.meta.deprecated);
  const severities = (pick: (rule: AnyRule) => boolean): Record<string, 'error'> =>
    Object.fromEntries(entries.filter(([, rule]) => pick(rule)).map(([name]) => [`mcp-cors/${name}`, 'error' as const]));
  return {
    recommended: {
      name: 'mcp-cors/recommended',
      plugins: { 'mcp-cors': plugin },
      rules: severities((rule) => rule.meta.docs?.recommended === true),
    },
    all: {
      name: 'mcp-cors/all',
      plugins: { 'mcp-cors': plugin },
      rules: severities(() => true),
    },
  };
}
