import path from 'node:path';
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { startSession } from '../analysis/exports';
import { registerModule } from '../analysis/program';

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

const creator = ESLintUtils.RuleCreator<PluginDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);

const started = new WeakSet<object>();

/**
 * Makes the linted file known to the analysis once, before the first rule looks at it: its
 * nodes can then be asked for their scope and text, and the modules it imports are checked
 * against the disk afresh.
 */
function startAnalysis(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): void {
  const { sourceCode } = context;
  if (started.has(sourceCode.ast)) return;
  started.add(sourceCode.ast);
  const filename = context.physicalFilename;
  const file = filename && !/^<.*>$/u.test(filename) ? path.resolve(context.cwd, filename) : null;
  registerModule({ code: sourceCode, file, linted: true });
  startSession();
}

/** `ESLintUtils.RuleCreator` for this plugin: docs URLs from the rule's name, and the analysis started for each file. */
export const createRule: typeof creator = (rule) =>
  creator({
    ...rule,
    create(context, options) {
      startAnalysis(context);
      return rule.create(context, options);
    },
  });
