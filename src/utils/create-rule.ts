import path from 'node:path';
import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { startSession } from '../analysis/exports';
import { isLinted, registerModule } from '../analysis/program';
import { editable, ForeignEdit } from '../fixes/foreign';
import { isFailClosed, type FailClosedOption } from './fail-closed';

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
  // ESLint's tree of the file is not kept for the modules linted later that import it: with its
  // tokens, comments and scopes it weighs some 200 times the source (650 MB for a monorepo of
  // 550 files), for the few modules the analysis reads, which it parses leaner itself.
}

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Descriptor = TSESLint.ReportDescriptor<string>;
type FixFunction = TSESLint.ReportFixFunction;

/**
 * A fixer that refuses to edit a node of another module: values and checks followed into other
 * modules must never turn into edits of the linted file's text at their offsets.
 */
function guardedFixer(fixer: TSESLint.RuleFixer): TSESLint.RuleFixer {
  return {
    insertTextAfter: (target, text) => fixer.insertTextAfter(editable(target), text),
    insertTextBefore: (target, text) => fixer.insertTextBefore(editable(target), text),
    remove: (target) => fixer.remove(editable(target)),
    replaceText: (target, text) => fixer.replaceText(editable(target), text),
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
      // A fix that fails is a bug the plugin's tests must show; a user keeps the report without it.
      if (process.env.VITEST) throw error;
      return null;
    }
  };
}

/**
 * The rule's context, with `report` checked: a report must be on a node of the linted file, and
 * a fix or suggestion that would edit another module's node is dropped.
 */
function guardedContext<Context extends AnyContext>(context: Context, applyFailClosed: boolean): Context {
  const report = (original: Descriptor): void => {
    const descriptor = applyFailClosed ? original : failClosedAsSuggestion(original);
    if ('node' in descriptor && descriptor.node && !isLinted(descriptor.node as TSESTree.Node)) {
      // A rule must report where the linted file shows the problem. Should one miss that, the
      // plugin's own tests fail loudly; a user's lint goes on without the misplaced report.
      if (process.env.VITEST)
        throw new Error(`mcp-cors: a report on a node of another module (${descriptor.messageId})`);
      return;
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

/** A fail-closed fix becomes the first suggestion, titled by its message and filled with the report's data. */
function failClosedAsSuggestion(descriptor: Descriptor): Descriptor {
  const { fix } = descriptor;
  if (!isFailClosed(fix)) return descriptor;
  const suggestion = { messageId: fix.failClosedTitle, data: fix.failClosedData ?? descriptor.data, fix };
  return { ...descriptor, fix: null, suggest: [suggestion, ...(descriptor.suggest ?? [])] };
}

/**
 * The rule's options with its defaults, worked out once per configuration rather than once per
 * file: `RuleCreator` deep-clones the defaults for every file it is created for. ESLint hands a
 * rule a new options array for each file, but for a rule configured by severity alone it holds
 * the same (already defaulted) option objects each time; options the user wrote are merged into
 * new objects for each file, and found again by their JSON.
 */
function optionsCache(defaults: readonly unknown[]): (given: readonly unknown[]) => readonly unknown[] {
  const byObject = new WeakMap<object, readonly unknown[]>();
  const byJson = new Map<string, readonly unknown[]>();
  const withDefaults = (given: readonly unknown[]): readonly unknown[] =>
    // A copy: the merge hands on the user's own arrays, which are not this plugin's to freeze.
    deepFreeze(structuredClone(ESLintUtils.applyDefault(defaults, given)));
  return (given) => {
    // The one option object ESLint hands on unchanged, when that is what it is.
    const only = given.length === 1 && typeof given[0] === 'object' && given[0] !== null ? given[0] : null;
    const known = only && byObject.get(only);
    if (known) return known;
    const json = JSON.stringify(given);
    let options = byJson.get(json);
    if (!options) {
      options = withDefaults(given);
      // Configurations are few; a bound keeps an editor that edits its options for hours small.
      if (byJson.size >= 64) byJson.clear();
      byJson.set(json, options);
    }
    if (only) byObject.set(only, options);
    return options;
  };
}

/** Shared options must not be changed by one file's lint for the next. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/**
 * `ESLintUtils.RuleCreator` for this plugin: docs URLs from the rule's name, the options defaulted
 * once per configuration, and the analysis started for each file.
 */
export const createRule: typeof creator = (rule) => {
  const created = creator(rule);
  const withDefaults = optionsCache(created.meta.defaultOptions ?? rule.defaultOptions ?? []);
  return {
    ...created,
    create(context) {
      const options = withDefaults(context.options) as NonNullable<typeof rule.defaultOptions>;
      startAnalysis(context);
      const [first] = options as readonly unknown[];
      const applyFailClosed =
        typeof first === 'object' && first !== null && (first as FailClosedOption).failClosedFix === true;
      return rule.create(guardedContext(context, applyFailClosed), options);
    },
  };
};
