import { fileStyle, quoted, styledFor } from '../fixes/style';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';
import {
  inlineLeaves,
  removableStatementOf,
  removeListElement,
  removeStatement,
  replacePropertyValue,
} from '../fixes/edits';
import { inPlaceOf } from '../fixes/parentheses';
import { calledMethodName, skipTypeWrappers } from '../analysis/ast';
import { isLinted, placeOf, staticValue, textOf } from '../analysis/program';
import { createRule } from '../utils/create-rule';
import { credentialsClause } from '../utils/messages';
import { FindingsOnce } from '../utils/findings';
import { FAIL_CLOSED_SCHEMA, failClosed, type FailClosedOption } from '../utils/fail-closed';
import { conditionsOnTheWay, originChecksIn } from '../analysis/guards';
import { mentionsAny } from '../analysis/imports';
import { allowlistEntries, originDecisionListeners, type OriginTest } from '../analysis/origin-decisions';
import type { HeaderWrite } from '../analysis/response-headers';
import { possibleValues } from '../analysis/values';

export type Options = [FailClosedOption];
export type MessageIds = 'nullOrigin' | 'removeNullOrigin';

/** The origin browsers send from sandboxed frames, `data:` URLs, local files and some redirects. */
const NULL_ORIGIN = 'null';

/** `list.includes('null')`, `set.has('null')`: a test of a list for the `'null'` origin. */
function listsNullOrigin(test: TSESTree.Node): boolean {
  const call = skipTypeWrappers(test);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return false;
  const method = calledMethodName(call);
  return (method === 'includes' || method === 'has') && staticValue(call.arguments[0]!)?.value === NULL_ORIGIN;
}
/** `'null'` in any quotes, or a bare `null` that a header API turns into that text. */
const MENTIONS_NULL_STRING = /(["'`])null\1|\bnull\b/u;
/** Every origin read, option and header ends the word: `headers.origin`, `origin:`, `Allow-Origin'`. */
const MENTIONS_ORIGIN = /origin\b/iu;
const MAY_LET_NULL_IN = /null|\b(?:includes|has|indexOf|some|every)\b/u;

/** One place that lets `null` in, reported once however many decisions it takes part in. */
interface Finding {
  readonly node: TSESTree.Node;
  readonly policy: string;
  readonly fix: ((fixer: RuleFixer) => RuleFix | RuleFix[] | null) | null;
}

/**
 * Whether a test taking `value` means `subject` is not `null`: `if (subject)`, `subject !== null`,
 * `subject != null`, a negation of the opposite, or a conjunction that holds one of them.
 */
function presenceTest(node: TSESTree.Node, value: boolean, subject: TSESTree.Node, depth = 0): boolean {
  const test = skipTypeWrappers(node);
  const same = (candidate: TSESTree.Node): boolean =>
    textOf(skipTypeWrappers(candidate)) === textOf(skipTypeWrappers(subject));
  if (depth > 4) return false;
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!')
    return presenceTest(test.argument, !value, subject, depth + 1);
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === (value ? '&&' : '||')) {
    return presenceTest(test.left, value, subject, depth + 1) || presenceTest(test.right, value, subject, depth + 1);
  }
  if (test.type === AST_NODE_TYPES.BinaryExpression) {
    const other = same(test.left) ? test.right : same(test.right) ? test.left : null;
    if (!other || staticValue(other)?.value !== null) return false;
    const unequal = test.operator === '!==' || test.operator === '!=';
    const equal = test.operator === '===' || test.operator === '==';
    return (unequal && value) || (equal && !value);
  }
  return value && same(test);
}

export default createRule<Options, MessageIds>({
  name: 'no-null-origin',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow allowing the `'null'` origin, which any web page can send",
      recommended: true,
    },
    fixable: 'code',
    // The fail-closed fix is offered as a suggestion unless `failClosedFix` applies it.
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions -- the suggestion comes from `failClosed()`
    hasSuggestions: true,
    schema: [{ type: 'object', additionalProperties: false, properties: FAIL_CLOSED_SCHEMA }],
    defaultOptions: [{ failClosedFix: false }],
    messages: {
      nullOrigin: '{{policy}} allows `Origin: null`, which any page can send from a sandboxed iframe{{credentials}}.',
      removeNullOrigin: 'Stop allowing `Origin: null`.',
    },
  },
  defaultOptions: [{ failClosedFix: false }],
  create(context) {
    const { sourceCode } = context;
    /** Code the fixes write (in `'`, with `;` and two spaces a level), in the file's own style. */
    const styled = styledFor(sourceCode);
    if (!mentionsAny(sourceCode, MENTIONS_NULL_STRING) || !mentionsAny(sourceCode, MENTIONS_ORIGIN)) return {};
    const findings = new FindingsOnce<Finding>(sourceCode.ast);

    const isNullOrigin = (node: TSESTree.Node): boolean => staticValue(node)?.value === NULL_ORIGIN;

    /** Every `'null'` written in an allowlist: each goes, with its comma. */
    const reportEntries = (collection: TSESTree.Node, policy: string, credentials: boolean): void => {
      for (const entry of allowlistEntries(collection)) {
        if (entry.value !== NULL_ORIGIN) continue;
        findings.record(
          { node: entry.node, policy, fix: (fixer) => removeListElement(fixer, sourceCode, entry.node) },
          credentials,
        );
      }
    };

    /**
     * `origin === 'null'` where being true lets the origin in (or `origin !== 'null'` where being
     * false does). As one side of `a || b` that lets in what either allows (or of `a && b` that
     * turns away only what both refuse), it goes and the other side stays.
     */
    const reportComparison = (test: OriginTest): void => {
      const { node, allowWhen } = test;
      if (node.type !== AST_NODE_TYPES.BinaryExpression) return;
      const equal = node.operator === '===' || node.operator === '==';
      const unequal = node.operator === '!==' || node.operator === '!=';
      if ((!equal && !unequal) || equal !== allowWhen) return;
      const nullSide = [node.left, node.right].find((side) => isNullOrigin(side));
      const originSide = nullSide === node.left ? node.right : node.left;
      if (!nullSide || !test.isOrigin(originSide)) return;
      // `if (origin === 'null') { if (allowed.includes('null')) return callback(null, true); … }`:
      // the list decides, as `allowed.includes(origin)` would; a list that holds `'null'` is
      // reported where it is written.
      if (test.alongside.some((condition) => condition.value && listsNullOrigin(condition.test))) return;
      const parent = node.parent;
      const removable =
        parent?.type === AST_NODE_TYPES.LogicalExpression &&
        (parent.operator === '||') === allowWhen &&
        parent.operator !== '??';
      findings.record(
        {
          node: nullSide.type === AST_NODE_TYPES.Literal ? nullSide : node,
          policy: 'This origin check',
          fix: removable
            ? (fixer) => fixer.replaceText(parent, textOf(parent.left === node ? parent.right : parent.left))
            : null,
        },
        test.credentials,
      );
    };

    const reportHeader = (write: HeaderWrite, credentials: boolean): void => {
      findings.site = write.site;
      const candidates = possibleValues(write.value);
      // Header APIs turn a value into its text: `null` goes out as `null` (Node's `setHeader`,
      // express, Koa, Hono and `Headers` all call `String()` on it).
      // `if (allowed) res.setHeader(…, allowed)`: a `null` that means "no match" never gets there.
      const testedPresent = conditionsOnTheWay(write.site).some((condition) =>
        presenceTest(condition.test, condition.value, write.value),
      );
      const nulls = candidates.filter(
        (candidate) =>
          candidate.known && (candidate.value === NULL_ORIGIN || (candidate.value === null && !testedPresent)),
      );
      if (nulls.length === 0) return;
      // `ok ? ORIGIN : 'null'`: only the `'null'` goes, as an empty value that matches no origin.
      const leaves = inlineLeaves(write.value, candidates, nulls);
      findings.record(
        {
          node: write.node,
          policy: 'This `Access-Control-Allow-Origin` header',
          fix: (fixer) => {
            if (leaves) return leaves.map((leaf) => fixer.replaceText(leaf, quoted('', fileStyle(sourceCode))));
            if (write.form === 'property' || write.form === 'pair')
              return removeListElement(fixer, sourceCode, write.node);
            const statement = removableStatementOf(write.node);
            return statement ? removeStatement(fixer, sourceCode, statement) : null;
          },
        },
        credentials,
      );
    };

    return originDecisionListeners(sourceCode, {
      option({ use, property, value, credentials, site: at }) {
        // mcp-proxy (fastmcp) sends no CORS headers for an Origin that is no URL, `null` among them.
        if (use.middleware.refusesNullOrigin) return;
        findings.site = at;
        const { middleware } = use;
        reportEntries(value, `The \`origin\` allowlist of ${middleware.display}`, credentials);
        const candidates = possibleValues(value);
        const nulls = candidates.filter((candidate) => candidate.known && candidate.value === NULL_ORIGIN);
        if (nulls.length === 0) return;
        // `dev ? 'null' : ORIGIN` keeps `ORIGIN`; a `'null'` from a constant replaces the whole value.
        const leaves = inlineLeaves(value, candidates, nulls);
        findings.record(
          {
            node: leaves?.[0] ?? property,
            policy: `${middleware.display} with \`origin: 'null'\``,
            fix: (fixer) =>
              leaves
                ? leaves.map((leaf) =>
                    fixer.replaceText(leaf, inPlaceOf(sourceCode, leaf, styled(middleware.denyOrigin))),
                  )
                : replacePropertyValue(fixer, sourceCode, property, styled(middleware.denyOrigin)),
          },
          credentials,
        );
      },
      answer({ use, value, credentials, site: at }) {
        findings.site = at;
        if (isNullOrigin(value)) {
          findings.record(
            { node: value, policy: `This \`origin\` function of ${use.middleware.display}`, fix: null },
            credentials,
          );
        }
      },
      test(test) {
        findings.site = test.site;
        reportComparison(test);
        for (const check of originChecksIn(test.node, test.origin, test.allowWhen)) {
          if (check.collection)
            reportEntries(skipTypeWrappers(check.collection), 'This origin allowlist', test.credentials);
        }
      },
      allowOriginHeader: reportHeader,
      mayJudge: (text) => MAY_LET_NULL_IN.test(text),
      done() {
        for (const finding of findings.values()) {
          // What another module decides is reported where this file makes the decision, unfixed.
          const local = isLinted(finding.node);
          context.report({
            node: local ? finding.node : finding.site,
            messageId: 'nullOrigin',
            data: {
              policy: local ? finding.policy : `${finding.policy} (from ${placeOf(finding.node, context)})`,
              credentials: credentialsClause(finding.credentials),
            },
            fix: local && finding.fix ? failClosed({ messageId: 'removeNullOrigin', fix: finding.fix }) : null,
          });
        }
      },
    });
  },
});
