import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';
import { calledMethodName, skipTypeWrappers } from '../analysis/ast';
import { isLinted, placeOf, staticValue, textOf } from '../analysis/program';
import { createRule } from '../utils/create-rule';
import { credentialsClause } from '../utils/messages';
import { originChecksIn } from '../analysis/guards';
import { mentionsAny } from '../analysis/imports';
import {
  matchSubject,
  originDecisionListeners,
  patternSources,
  takesOriginPatterns,
  testedTexts,
  type OriginTest,
  type PatternSource,
} from '../analysis/origin-decisions';
import {
  findPatternProblem,
  substringRewritePattern,
  textMatchRewrite,
  weakTextMatchExample,
  type MatchSubject,
  type PatternProblem,
  type TextMatch,
} from '../analysis/origin-patterns';

export type Options = [];
export type MessageIds = 'unsafeOriginCheck' | 'unsafeOriginPattern' | 'matchWholeHost';

/** Every origin read, option and header ends the word: `headers.origin`, `origin:`, `Allow-Origin'`. */
const MENTIONS_ORIGIN = /origin\b/iu;
const MAY_MATCH = /\b(?:startsWith|endsWith|includes|indexOf|match|test|exec)\b/u;
const UNKNOWN = Symbol('unknown');
const TEXT_METHODS: Readonly<Record<string, TextMatch>> = {
  startsWith: 'prefix',
  endsWith: 'suffix',
  includes: 'substring',
};

const PROBLEMS: Readonly<Record<PatternProblem, string>> = {
  unanchoredEnd: 'has no `$` after the host',
  unanchoredStart: 'has no `^` (nor `//` or `\\.`) before the host',
  wildcardHost: 'has a wildcard in the host that runs into its names',
  registrableWildcard: 'has a wildcard for a name anyone can register',
  unescapedDot: 'has an unescaped `.` in the host, which matches any character',
};

/** One weak check, reported once however many decisions it takes part in. */
interface Finding {
  readonly node: TSESTree.Node;
  readonly pattern: boolean;
  readonly data: Record<string, string>;
  readonly fix: ((fixer: RuleFixer) => RuleFix | null) | null;
  readonly suggestion: { readonly pattern: string; readonly fix: (fixer: RuleFixer) => RuleFix } | null;
  credentials: boolean;
  /** Where the linted file makes the decision, for a finding in another module. */
  site: TSESTree.Node;
}

export default createRule<Options, MessageIds>({
  name: 'no-unsafe-origin-match',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow origin checks that sites with look-alike names can pass',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      unsafeOriginCheck: '{{check}} also accepts `{{example}}`, an origin anyone can register{{credentials}}.',
      unsafeOriginPattern:
        'The origin pattern `{{pattern}}` {{problem}}: it also accepts `{{example}}`{{credentials}}.',
      matchWholeHost: 'Match the whole origin with an anchored pattern.',
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    if (!mentionsAny(sourceCode, MENTIONS_ORIGIN)) return {};
    const findings = new Map<TSESTree.Node, Finding>();

    /** Where the decision being judged is made in the linted file. */
    let site: TSESTree.Node = sourceCode.ast;

    const record = (finding: Omit<Finding, 'credentials' | 'site'>, credentials: boolean): void => {
      const known = findings.get(finding.node);
      if (known) known.credentials ||= credentials;
      else findings.set(finding.node, { ...finding, credentials, site });
    };

    /** A regular expression an origin (or its host) is tested against. */
    const judgePattern = (source: PatternSource, subject: MatchSubject, credentials: boolean): void => {
      const finding = findPatternProblem(source.pattern, source.flags, subject);
      if (!finding) return;
      const { written } = source;
      const { fixed } = finding;
      record(
        {
          node: source.node,
          pattern: true,
          data: {
            // A regex as written; a pattern built from a string, as the code builds it.
            pattern:
              written && 'regex' in written && written === source.node
                ? `/${source.pattern}/${source.flags}`
                : shortText(textOf(source.node)),
            problem: PROBLEMS[finding.problem],
            example: finding.example,
          },
          fix:
            fixed === null || !written
              ? null
              : (fixer) =>
                  'regex' in written && written.regex
                    ? fixer.replaceText(written, `/${fixed}/${written.regex.flags}`)
                    : fixer.replaceText(written, quoted(fixed, textOf(written)[0]!)),
          suggestion: null,
        },
        credentials,
      );
    };

    /**
     * `receiver.startsWith(argument)` and the like, where `check` is the whole test as written
     * (`negated` when it is true for origins that do not match, as `indexOf(x) === -1` is).
     */
    const judgeText = (
      kind: TextMatch,
      check: TSESTree.Node,
      receiver: TSESTree.Node,
      argument: TSESTree.Node,
      subject: MatchSubject,
      negated: boolean,
      credentials: boolean,
      call: TSESTree.CallExpression,
    ): void => {
      const method = kind === 'prefix' ? 'startsWith' : kind === 'suffix' ? 'endsWith' : 'includes';
      const texts = testedTexts(argument);
      // A text the code does not fix (a setting): whatever it is, a site whose name holds it passes.
      if (texts.length === 0 && kind === 'substring') {
        const shown = shortText(textOf(argument));
        record(
          {
            node: check,
            pattern: false,
            data: {
              check: `\`${shortText(textOf(check))}\``,
              example: subject === 'origin' ? `https://\${${shown}}.evil.com` : `https://\${${shown}}.evil.com`,
            },
            fix: null,
            suggestion: null,
          },
          credentials,
        );
        return;
      }
      for (const text of texts) {
        const example = weakTextMatchExample(kind, text.value, subject);
        if (!example) continue;
        const optional = isOptionalCall(call);
        const receiverText = operand(textOf(receiver), receiver);
        const rewrite = text.fromList ? null : textMatchRewrite(kind, text.value, subject);
        const pattern = text.fromList || kind !== 'substring' ? null : substringRewritePattern(text.value, subject);
        const piece = (value: string): string =>
          text.inPlace ? quoted(value, textOf(text.node)[0]!) : templateWith(value, text.value, textOf(argument));
        const replacement = rewrite?.map(([operator, value]) =>
          operator === '==='
            ? `${receiverText} === ${piece(value)}`
            : `${receiverText}${optional ? '?.' : '.'}${operator}(${piece(value)})`,
        );
        record(
          {
            node: text.fromList ? text.node : check,
            pattern: false,
            data: {
              check: text.fromList ? `\`${method}(${textOf(text.node)})\`` : `\`${shortText(textOf(check))}\``,
              example,
            },
            fix: replacement
              ? (fixer) => {
                  const joined = replacement.join(' || ');
                  let fixed = joined;
                  if (negated) fixed = `!(${joined})`;
                  else if (replacement.length > 1 ? !isLooseContext(check) : needsParentheses(check))
                    fixed = `(${joined})`;
                  return fixer.replaceText(check, fixed);
                }
              : null,
            suggestion: pattern
              ? {
                  pattern: `/${pattern}/`,
                  fix: (fixer) =>
                    fixer.replaceText(
                      check,
                      `${negated ? '!' : ''}/${pattern}/.test(${optional ? `${receiverText} ?? ''` : textOf(receiver)})`,
                    ),
                }
              : null,
          },
          credentials,
        );
      }
    };

    /** Whether a leaf of a condition that lets an origin in is a weak match of that origin. */
    const judgeTest = (test: OriginTest): void => {
      site = test.site;
      // `ALLOWED.includes(origin) && origin.startsWith('https://')`: the allowlist decides.
      if (test.alongside.some((condition) => hasExactCheck(condition.test, condition.value, test))) return;
      const { node, allowWhen } = test;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        if (!allowWhen) return;
        const method = calledMethodName(node);
        const callee = skipTypeWrappers(node.callee);
        const [first] = node.arguments;
        if (
          !method ||
          callee.type !== AST_NODE_TYPES.MemberExpression ||
          !first ||
          first.type === AST_NODE_TYPES.SpreadElement
        )
          return;
        const kind = TEXT_METHODS[method];
        if (kind) {
          const subject = matchSubject(callee.object, test.isOrigin);
          if (subject) judgeText(kind, node, callee.object, first, subject, false, test.credentials, node);
        } else if (method === 'match') {
          const subject = matchSubject(callee.object, test.isOrigin);
          if (subject)
            for (const source of patternSources(first, true)) judgePattern(source, subject, test.credentials);
        } else if (method === 'test' || method === 'exec') {
          const subject = matchSubject(first, test.isOrigin);
          if (subject)
            for (const source of patternSources(callee.object, false)) judgePattern(source, subject, test.credentials);
        }
        return;
      }
      if (node.type === AST_NODE_TYPES.BinaryExpression) judgeComparison(node, test);
    };

    /** `origin.indexOf('x') !== -1`, `origin.indexOf('x') === 0`, `origin.match(re) !== null`. */
    const judgeComparison = (node: TSESTree.BinaryExpression, test: OriginTest): void => {
      for (const [side, other] of [
        [node.left, node.right],
        [node.right, node.left],
      ] as const) {
        const call = skipTypeWrappers(side.type === AST_NODE_TYPES.ChainExpression ? side.expression : side);
        if (call.type !== AST_NODE_TYPES.CallExpression) continue;
        const method = calledMethodName(call);
        const callee = skipTypeWrappers(call.callee);
        const [first] = call.arguments;
        if (
          !method ||
          callee.type !== AST_NODE_TYPES.MemberExpression ||
          !first ||
          first.type === AST_NODE_TYPES.SpreadElement
        )
          continue;
        const constant = possibleStatic(other);
        const meaning = comparisonMeaning(method, node.operator, constant, side === node.left);
        if (!meaning || meaning.positive !== test.allowWhen) continue;
        if (meaning.kind === 'pattern') {
          const subjectNode = method === 'exec' ? first : callee.object;
          const patternNode = method === 'exec' ? callee.object : first;
          const subject = matchSubject(subjectNode, test.isOrigin);
          // `match` and `search` make a pattern of a string they are given.
          if (subject)
            for (const source of patternSources(patternNode, method === 'match' || method === 'search'))
              judgePattern(source, subject, test.credentials);
          continue;
        }
        const subject = matchSubject(callee.object, test.isOrigin);
        if (subject)
          judgeText(meaning.kind, node, callee.object, first, subject, !meaning.positive, test.credentials, call);
      }
    };

    /** The value a side of a comparison has, as far as the file fixes it. */
    const possibleStatic = (node: TSESTree.Node): unknown => {
      const known = staticValue(node);
      return known ? known.value : UNKNOWN;
    };

    /** Whether a condition compares the origin exactly or looks it up in an allowlist (not a weak match). */
    const hasExactCheck = (condition: TSESTree.Node, value: boolean, test: OriginTest): boolean =>
      originChecksIn(condition, test.origin, value).some((check) => {
        const checkNode = skipTypeWrappers(check.node);
        if (checkNode.type !== AST_NODE_TYPES.CallExpression) return true;
        const method = calledMethodName(checkNode);
        return !method || !['startsWith', 'endsWith', 'match', 'test'].includes(method);
      });

    return originDecisionListeners(sourceCode, {
      option({ use, value, credentials, site: at }) {
        site = at;
        if (!takesOriginPatterns(use.middleware)) return;
        for (const source of patternSources(value, false)) judgePattern(source, 'origin', credentials);
      },
      test: judgeTest,
      mayJudge: (text) => MAY_MATCH.test(text),
      done() {
        for (const finding of findings.values()) {
          const messageId = finding.pattern ? 'unsafeOriginPattern' : 'unsafeOriginCheck';
          const { suggestion } = finding;
          // What another module decides is reported where this file makes the decision, unfixed.
          const local = isLinted(finding.node);
          const credentials = credentialsClause(finding.credentials);
          const data = local
            ? { ...finding.data, credentials }
            : {
                ...finding.data,
                check: `${finding.data.check ?? ''} (from ${placeOf(finding.node, context)})`,
                credentials,
              };
          context.report({
            node: local ? finding.node : finding.site,
            messageId,
            data,
            fix: local ? finding.fix : null,
            suggest: local && suggestion ? [{ messageId: 'matchWholeHost', fix: suggestion.fix }] : [],
          });
        }
      },
    });
  },
});

/**
 * What a comparison of a call's result means: `indexOf(x) !== -1` is a substring test,
 * `indexOf(x) === 0` a prefix test, `match(re) !== null` a pattern test; `positive` when the
 * comparison is true for a match.
 */
function comparisonMeaning(
  method: string,
  operator: string,
  constant: unknown,
  callOnLeft: boolean,
): { kind: TextMatch | 'pattern'; positive: boolean } | null {
  const equal = operator === '===' || operator === '==';
  const unequal = operator === '!==' || operator === '!=';
  if (method === 'match' || method === 'exec') {
    if (constant !== null && !(constant === undefined && operator.length === 2)) return null;
    return equal || unequal ? { kind: 'pattern', positive: unequal } : null;
  }
  if (method !== 'indexOf' && method !== 'search') return null;
  // `search` answers where a pattern first matches, as `indexOf` does for a text.
  const kind = method === 'search' ? 'pattern' : 'substring';
  if (method === 'search') {
    if (constant === -1 && (equal || unequal)) return { kind, positive: unequal };
    const flippedSearch: Record<string, string> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=' };
    const normalSearch = callOnLeft ? operator : flippedSearch[operator];
    if ((normalSearch === '>' && constant === -1) || (normalSearch === '>=' && constant === 0))
      return { kind, positive: true };
    if ((normalSearch === '<' && constant === 0) || (normalSearch === '<=' && constant === -1))
      return { kind, positive: false };
    return null;
  }
  if (constant === -1 && (equal || unequal)) return { kind: 'substring', positive: unequal };
  if (constant === 0 && (equal || unequal)) return { kind: 'prefix', positive: equal };
  // `i > -1`, `i >= 0`, `i < 0` (and the same written the other way round)
  const flipped: Record<string, string> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=' };
  const normal = callOnLeft ? operator : flipped[operator];
  if ((normal === '>' && constant === -1) || (normal === '>=' && constant === 0))
    return { kind: 'substring', positive: true };
  if ((normal === '<' && constant === 0) || (normal === '<=' && constant === -1))
    return { kind: 'substring', positive: false };
  return null;
}

/** Whether a check's call is optional: `origin?.endsWith(…)`. */
function isOptionalCall(call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(call.callee);
  return call.optional || (callee.type === AST_NODE_TYPES.MemberExpression && callee.optional);
}

/** A receiver's text, in parentheses when it would not bind as the object of `.method()` or a side of `===`. */
function operand(text: string, node: TSESTree.Node): string {
  const expression = skipTypeWrappers(node);
  const tight =
    expression.type === AST_NODE_TYPES.Identifier ||
    expression.type === AST_NODE_TYPES.MemberExpression ||
    expression.type === AST_NODE_TYPES.CallExpression ||
    expression.type === AST_NODE_TYPES.ChainExpression ||
    expression.type === AST_NODE_TYPES.Literal ||
    expression.type === AST_NODE_TYPES.TemplateLiteral;
  return tight && expression === node ? text : `(${text})`;
}

/** Where `a || b` can stand in for a check without parentheses. */
function isLooseContext(check: TSESTree.Node): boolean {
  const parent = check.parent?.type === AST_NODE_TYPES.ChainExpression ? check.parent.parent : check.parent;
  const self = check.parent?.type === AST_NODE_TYPES.ChainExpression ? check.parent : check;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.Property:
      return true;
    case AST_NODE_TYPES.LogicalExpression:
      return parent.operator === '||';
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee !== self;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === self;
    default:
      return false;
  }
}

/** Where even `a === b` needs parentheses: after `!`, as an object, inside arithmetic or a tighter comparison. */
function needsParentheses(check: TSESTree.Node): boolean {
  const parent = check.parent?.type === AST_NODE_TYPES.ChainExpression ? check.parent.parent : check.parent;
  if (!parent) return false;
  return (
    parent.type === AST_NODE_TYPES.UnaryExpression ||
    parent.type === AST_NODE_TYPES.MemberExpression ||
    parent.type === AST_NODE_TYPES.BinaryExpression ||
    parent.type === AST_NODE_TYPES.AwaitExpression ||
    parent.type === AST_NODE_TYPES.TSNonNullExpression ||
    parent.type === AST_NODE_TYPES.TSAsExpression
  );
}

/** A string literal with the given quote character (a backtick makes a template). */
function quoted(value: string, quote: string): string {
  const mark = quote === '"' || quote === '`' ? quote : "'";
  const escaped = value.replace(/\\/gu, '\\\\').replace(new RegExp(mark, 'gu'), `\\${mark}`);
  return mark === '`' ? `\`${escaped.replace(/\$\{/gu, '\\${')}\`` : `${mark}${escaped}${mark}`;
}

/** A template that puts a constant's text where its value stands: `//${SUFFIX}` for `//example.com`. */
function templateWith(value: string, original: string, expressionText: string): string {
  const at = value.indexOf(original);
  if (at < 0) return quoted(value, "'");
  const before = value.slice(0, at);
  const after = value.slice(at + original.length);
  if (!before && !after) return expressionText;
  const escape = (text: string): string => text.replace(/[`\\]/gu, '\\$&').replace(/\$\{/gu, '\\${');
  return `\`${escape(before)}\${${expressionText}}${escape(after)}\``;
}

function shortText(text: string): string {
  const collapsed = text.replace(/\s+/gu, ' ');
  return collapsed.length > 80 ? `${collapsed.slice(0, 77)}...` : collapsed;
}
