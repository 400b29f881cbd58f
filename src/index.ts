import type { ESLint, Linter } from 'eslint';
import { buildConfigs } from './configs';
import { rules } from './rules';

// Read at run time so that `meta.version` is always the published one; a JSON import would
// pull package.json into dist/.
const { name, version } = require('../package.json') as { name: string; version: string };

/**
 * The plugin as ESLint's own types see it, so that `defineConfig([mcpCors.configs.recommended])`
 * type-checks in a user's eslint.config.ts, with the rules keeping their typed metadata.
 */
type McpCorsPlugin = ESLint.Plugin & {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules & NonNullable<ESLint.Plugin['rules']>;
  configs: {
    recommended: McpCorsConfig;
    strict: McpCorsConfig;
    all: McpCorsConfig;
    'fail-closed': McpCorsConfig;
  };
};

interface McpCorsConfig extends Linter.Config {
  name: string;
  plugins: Record<string, ESLint.Plugin>;
  rules: Linter.RulesRecord;
}

const plugin = {
  meta: { name, version, namespace: 'mcp-cors' },
  rules,
  configs: {},
} as unknown as McpCorsPlugin;
Object.assign(plugin.configs, buildConfigs(plugin, rules));

// `export =` makes `require('eslint-plugin-mcp-cors')` and `import plugin from 'eslint-plugin-mcp-cors'`
// both return the plugin itself, with no `.default` to unwrap.
export = plugin;
