import type { TSESLint } from '@typescript-eslint/utils';
import { buildConfigs } from './configs';
import { rules } from './rules';

// Read at run time so that the version in `meta` is always the published one.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON import would move package.json into dist
const { name, version } = require('../package.json') as { name: string; version: string };

type Configs = ReturnType<typeof buildConfigs<Plugin>>;

interface Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Configs;
}

const plugin: Plugin = {
  meta: { name, version, namespace: 'mcp-cors' },
  rules,
  configs: {} as Configs,
};
Object.assign(plugin.configs, buildConfigs(plugin, rules));

// `export =` makes `require('eslint-plugin-mcp-cors')` and `import plugin from 'eslint-plugin-mcp-cors'`
// both return the plugin itself, with no `.default` to unwrap.
export = plugin satisfies TSESLint.FlatConfig.Plugin;
