import { ESLintUtils } from '@typescript-eslint/utils';

/** The `meta.docs` fields this plugin's rules declare. */
export interface PluginDocs {
  description: string;
  /** In `configs.recommended`: precise on real code. */
  recommended?: boolean;
  /** The options `configs.strict` sets: stricter than the defaults, for code that must be locked down. */
  strictOptions?: readonly unknown[];
  requiresTypeChecking?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/mcp-cors/eslint-plugin-mcp-cors';

export const createRule = ESLintUtils.RuleCreator<PluginDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
