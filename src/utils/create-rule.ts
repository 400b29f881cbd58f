import path from 'node:path';
import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { startSession } from '../analysis/exports';
import { isLinted, registerModule } from '../analysis/program';

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

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Descriptor = TSESLint.ReportDescriptor<string>;
type FixFunction = TSESLint.ReportFixFunction;

/** An edit the analysis aimed at another module's code, which ESLint cannot fix from this file. */
class ForeignEdit extends Error {}

/**
 * A fixer that refuses to edit a node of another module: values and checks followed into other
 * modules must never turn into edits of the linted file's text at their offsets.
 */
function guardedFixer(fixer: TSESLint.RuleFixer): TSESLint.RuleFixer {
  const check = (target: TSESTree.Node | TSESTree.Token): void => {
    if ('type' in target && (target as TSESTree.Node).parent !== undefined && !isLinted(target as TSESTree.Node)) {
      throw new ForeignEdit();
    }
  };
  return {
    insertTextAfter: (target, text) => (check(target), fixer.insertTextAfter(target, text)),
    insertTextBefore: (target, text) => (check(target), fixer.insertTextBefore(target, text)),
    remove: (target) => (check(target), fixer.remove(target)),
    replaceText: (target, text) => (check(target), fixer.replaceText(target, text)),
    insertTextAfterRange: (range, text) => fixer.insertTextAfterRange(range, text),
    insertTextBeforeRange: (range, text) => fixer.insertTextBeforeRange(range, text),
    removeRange: (range) => fixer.removeRange(range),
    replaceTextRange: (range, text) => fixer.replaceTextRange(range, text),
  };
}

function guardedFix(fix: FixFunction | null | undefined): FixFunction | null | undefined {
  if (!fix) return fix;
  return (fixer) => {
    try {
      return fix(guardedFixer(fixer));
    } catch (error) {
      if (error instanceof ForeignEdit) return null;
      throw error;
    }
  };
}

/**
 * The rule's context, with `report` checked: a report must be on a node of the linted file, and
 * a fix or suggestion that would edit another module's node is dropped.
 */
function guardedContext<Context extends AnyContext>(context: Context): Context {
  const report = (descriptor: Descriptor): void => {
    if ('node' in descriptor && descriptor.node && !isLinted(descriptor.node as TSESTree.Node)) {
      throw new Error(`mcp-cors: a report on a node of another module (${descriptor.messageId})`);
    }
    context.report({
      ...descriptor,
      fix: guardedFix(descriptor.fix),
      suggest: descriptor.suggest?.map((suggestion) => ({ ...suggestion, fix: guardedFix(suggestion.fix)! })),
    } as Descriptor);
  };
  // ESLint's rule context is a frozen object whose prototype holds the file's context: a child
  // object sees all of it and has its own `report`.
  return Object.create(context, { report: { value: report } }) as Context;
}

/** `ESLintUtils.RuleCreator` for this plugin: docs URLs from the rule's name, and the analysis started for each file. */
export const createRule: typeof creator = (rule) =>
  creator({
    ...rule,
    create(context, options) {
      startAnalysis(context);
      return rule.create(guardedContext(context), options);
    },
  });
