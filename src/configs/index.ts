import type { TSESLint } from '@typescript-eslint/utils';
import type { PluginDocs } from '../utils/create-rule';

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], PluginDocs>;
type RuleEntry = 'error' | ['error', ...unknown[]];

/**
 * Builds the flat configs from the rules' own metadata, so that a rule lands in a config by
 * what its `meta.docs` says and nowhere else:
 * - `recommended`: the rules marked `recommended`, precise on real code;
 * - `strict`: every rule, with the stricter options a rule names in `meta.docs.strictOptions`;
 * - `all`: every rule, with its default options;
 * - `fail-closed`: `recommended`, with each rule's fail-closed change applied as an autofix
 *   (`failClosedFix: true`) rather than offered as a suggestion: for fix-on-save.
 */
export function buildConfigs<Plugin>(plugin: Plugin, rules: Readonly<Record<string, AnyRule>>) {
  const entries = Object.entries(rules).filter(([, rule]) => !rule.meta.deprecated);
  const pick = (choose: (rule: AnyRule) => boolean, entry: (rule: AnyRule) => RuleEntry): Record<string, RuleEntry> =>
    Object.fromEntries(
      entries.filter(([, rule]) => choose(rule)).map(([name, rule]) => [`mcp-cors/${name}`, entry(rule)]),
    );
  const plain = (): RuleEntry => 'error';
  return {
    recommended: {
      name: 'mcp-cors/recommended',
      plugins: { 'mcp-cors': plugin },
      rules: pick((rule) => rule.meta.docs?.recommended === true, plain),
    },
    strict: {
      name: 'mcp-cors/strict',
      plugins: { 'mcp-cors': plugin },
      rules: pick(
        () => true,
        (rule) => (rule.meta.docs?.strictOptions ? ['error', ...rule.meta.docs.strictOptions] : 'error'),
      ),
    },
    all: {
      name: 'mcp-cors/all',
      plugins: { 'mcp-cors': plugin },
      rules: pick(() => true, plain),
    },
    'fail-closed': {
      name: 'mcp-cors/fail-closed',
      plugins: { 'mcp-cors': plugin },
      rules: pick(
        (rule) => rule.meta.docs?.recommended === true,
        (rule): RuleEntry => (acceptsFailClosedFix(rule) ? ['error', { failClosedFix: true }] : 'error'),
      ),
    },
  };
}

/** Whether a rule's options take `failClosedFix`. */
function acceptsFailClosedFix(rule: AnyRule): boolean {
  const [options] = Array.isArray(rule.meta.schema) ? rule.meta.schema : [];
  return (
    typeof options?.properties === 'object' && options.properties !== null && 'failClosedFix' in options.properties
  );
}
