import { asOperandOf, inPlaceOf } from '../fixes/parentheses';
import { fileStyle } from '../fixes/style';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';
import { skipTypeWrappers } from '../analysis/ast';
import { isLinted, placeOf, textOf } from '../analysis/program';
import { createRule } from '../utils/create-rule';
import { credentialsClause } from '../utils/messages';
import { FindingsOnce } from '../utils/findings';
import { mentionsAny } from '../analysis/imports';
import {
  originDecisionListeners,
  originMatchesOf,
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
    const findings = new FindingsOnce<Finding>(sourceCode.ast);

    /** A regular expression an origin (or its host) is tested against. */
    const judgePattern = (source: PatternSource, subject: MatchSubject, credentials: boolean): void => {
      const finding = findPatternProblem(source.pattern, source.flags, subject);
      if (!finding) return;
      const { written } = source;
      const { fixed } = finding;
      findings.record(
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
        findings.record(
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
        // One text for both places it goes, the object of `.startsWith()` the stricter.
        const receiverText = asOperandOf('object', textOf(receiver), receiver);
        const rewrite = text.fromList ? null : textMatchRewrite(kind, text.value, subject);
        const pattern = text.fromList || kind !== 'substring' ? null : substringRewritePattern(text.value, subject);
        const piece = (value: string): string =>
          text.inPlace ? quoted(value, textOf(text.node)[0]!) : templateWith(value, text.value, textOf(argument));
        const replacement = rewrite?.map(([operator, value]) =>
          operator === '==='
            ? `${receiverText} === ${piece(value)}`
            : `${receiverText}${optional ? '?.' : '.'}${operator}(${piece(value)})`,
        );
        findings.record(
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
                  const fixed = negated ? `!${asOperandOf('!', joined)}` : joined;
                  return fixer.replaceText(check, inPlaceOf(sourceCode, check, fixed));
                }
              : null,
            suggestion: pattern
              ? {
                  pattern: `/${pattern}/`,
                  fix: (fixer) =>
                    fixer.replaceText(
                      check,
                      inPlaceOf(
                        sourceCode,
                        check,
                        `${negated ? '!' : ''}/${pattern}/.test(${optional ? `${asOperandOf('??', textOf(receiver), receiver)} ?? ${fileStyle(sourceCode).quote.repeat(2)}` : textOf(receiver)})`,
                      ),
                    ),
                }
              : null,
          },
          credentials,
        );
      }
    };

    /** Each test of part of the origin, or pattern, that a leaf of a condition letting an origin in makes. */
    const judgeTest = (test: OriginTest): void => {
      findings.site = test.site;
      for (const match of originMatchesOf(test)) {
        if (match.kind === 'pattern') judgePattern(match.source, match.subject, test.credentials);
        else
          judgeText(
            match.kind,
            match.check,
            match.receiver,
            match.argument,
            match.subject,
            match.negated,
            test.credentials,
            match.call,
          );
      }
    };

    return originDecisionListeners(sourceCode, {
      option({ use, value, credentials, site: at }) {
        findings.site = at;
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

/** Whether a check's call is optional: `origin?.endsWith(…)`. */
function isOptionalCall(call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(call.callee);
  return call.optional || (callee.type === AST_NODE_TYPES.MemberExpression && callee.optional);
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
