import { fileStyle, styledFor } from '../fixes/style';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';
import {
  ALLOWLIST_NAMES,
  PLACEHOLDER_ORIGIN,
  allowlistDeclaration,
  allowlistShape,
  arrayAllowlist,
  claimNames,
  ensureModuleDeclarations,
  existingBinding,
  isTypeScriptFile,
  type ModuleDeclaration,
} from '../fixes/constants';
import {
  appendArgument,
  appendObjectProperty,
  inlineLeaves,
  originCommentEdits,
  removeListElement,
  removeStatement,
  replacePropertyValue,
} from '../fixes/edits';
import { asOperandOf, inPlaceOf } from '../fixes/parentheses';
import { containsNode, skipTypeWrappers, topLevelStatement, walk } from '../analysis/ast';
import { MENTIONS_EXPORT, exportedConstantOf, importingPrograms, samePlace } from '../analysis/exported-values';
import { createRule } from '../utils/create-rule';
import { outsideEphemeralTests } from '../utils/test-code';
import { credentialsClause, preflightAwareReport } from '../utils/messages';
import { FAIL_CLOSED_SCHEMA, failClosed, type FailClosedOption } from '../utils/fail-closed';
import { REACH_DEFAULTS, REACH_OPTION_SCHEMA, reachOptions, type ReachRuleOptions } from '../utils/reach-options';
import { harmlessPolicy } from '../analysis/reach';
import {
  allowsCredentials,
  corsOptionsBranches,
  findCorsMiddlewareUses,
  originOptions,
  unconditionalAllow,
  type CorsMiddlewareUse,
} from '../analysis/cors-middleware';
import { sourceGuard } from '../analysis/guards';
import { MENTIONS_ORIGIN_OR_CORS, mentionsAny } from '../analysis/imports';
import { originSources } from '../analysis/origin-source';
import { ALLOW_ORIGIN, credentialHeaders, headerWrites, type HeaderWrite } from '../analysis/response-headers';
import { originDecisionListeners, type OriginDecisionHandlers } from '../analysis/origin-decisions';
import { codeOf, isLinted, moduleOf, placeOf, propertyName, textOf } from '../analysis/program';
import { typedCorsValues } from '../analysis/cors-types';
import { nextOriginHeaders } from '../analysis/next-config';
import { credentialsSpan, valueSites } from '../analysis/sites';
import {
  enclosingFunction,
  findObjectProperty,
  possibleValues,
  resolveExpression,
  resolveFunction,
} from '../analysis/values';

export type Options = [ReachRuleOptions & FailClosedOption];
/** A property whose name says origin set to `true`: `CORS_ORIGIN: true`, `'origin': true`. */
const ORIGIN_TRUE_PROPERTY = /origin\w*['"]?\s*:\s*true\b/iu;

export type MessageIds =
  | 'reflectedOrigin'
  | 'reflectedPreflight'
  | 'alwaysAllowingCheck'
  | 'wildcardInList'
  | 'emptyListAdmits'
  | 'dropWildcardTest'
  | 'dropEmptyTest'
  | 'denyOrigins'
  | 'checkEmptyAllowlist'
  | 'useAllowlist';

const CHECK_NAME = 'allowedOrigin';

/** A branch that can only let the origin in: `return callback(null, true);`, `return true;`, or such a block. */
const ALLOWS_ONLY = new Set<string>([
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.BlockStatement,
]);

export default createRule<Options, MessageIds>({
  name: 'no-reflected-origin',
  meta: {
    type: 'problem',
    docs: {
      description:
        "Disallow CORS policies that echo the request's Origin back without checking it against an allowlist",
      recommended: true,
      strictOptions: [{ trustCredentialChecks: false, trustRemoteDeployments: false }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: { ...REACH_OPTION_SCHEMA, ...FAIL_CLOSED_SCHEMA },
      },
    ],
    defaultOptions: [{ ...REACH_DEFAULTS, failClosedFix: false }],
    messages: {
      alwaysAllowingCheck: 'The origin check {{check}} accepts every origin.',
      wildcardInList: "This origin check accepts every origin: {{list}} can hold '*' ({{place}}).",
      emptyListAdmits: 'This origin check accepts every origin while {{list}} is empty ({{place}}).',
      dropWildcardTest: "Drop the test for '*'.",
      dropEmptyTest: 'Drop the test for an empty list.',
      reflectedOrigin: '{{policy}} echoes any Origin: any site can read the responses{{credentials}}.',
      reflectedPreflight:
        '{{policy}} echoes any Origin on the preflight: any page can send it JSON and custom headers{{credentials}}.',
      denyOrigins: 'Allow no cross-origin reads.',
      checkEmptyAllowlist: 'Echo only origins listed in a new, empty allowlist.',
      useAllowlist: 'Allow only the origins in a constant allowlist.',
    },
  },
  defaultOptions: [{ ...REACH_DEFAULTS, failClosedFix: false }],
  create(ruleContext, [options]) {
    // The servers a test starts on a port the system picks: see `outsideEphemeralTests`.
    const context = outsideEphemeralTests(ruleContext);
    const { sourceCode } = context;
    /** Code the fixes write (in `'`, with `;` and two spaces a level), in the file's own style. */
    const styled = styledFor(sourceCode);
    // A policy written only on preflight answers lets pages send, not read: its own message.
    const reportPolicy = preflightAwareReport(context, {
      read: 'reflectedOrigin',
      messageId: 'reflectedPreflight',
    });
    if (!mentionsAny(sourceCode, MENTIONS_ORIGIN_OR_CORS)) return {};
    const reach = reachOptions(options);
    const typescript = isTypeScriptFile(context.filename);

    const echoedHeaders: { write: HeaderWrite; read: TSESTree.Node }[] = [];
    /** ` (from src/cors.ts:12)` for what another module writes, or nothing. */
    const from = (node: TSESTree.Node): string => (isLinted(node) ? '' : ` (from ${placeOf(node, context)})`);

    /**
     * The allowlist constant, and for headers the function that checks an origin against it.
     * An allowlist the file already has is reused when it is a module-level array (or, for the
     * check function, a `Set`); `null` when the names are taken in a way the fix cannot build on.
     */
    const declarations = (
      usedAt: TSESTree.Node,
      withCheck: boolean,
      origins: readonly string[],
    ): { list: string; check: string; declarations: ModuleDeclaration[] } | null => {
      if (!withCheck) {
        const allowlist = arrayAllowlist(sourceCode, usedAt, origins, typescript);
        return allowlist && { list: allowlist.name, check: CHECK_NAME, declarations: allowlist.declarations };
      }
      const checkOf = (list: string, shape: 'array' | 'set', literalTypes: boolean, check: string): string => {
        const member =
          shape === 'set'
            ? `${literalTypes ? asOperandOf('object', `${list} as ReadonlySet<string>`) : list}.has(origin)`
            : `${literalTypes ? asOperandOf('object', `${list} as readonly string[]`) : list}.includes(origin)`;
        return styled(
          [
            `/** The request's origin when ${list} lists it, else '' (which matches no origin). */`,
            typescript ? `function ${check}(origin: unknown): string {` : `function ${check}(origin) {`,
            `  return typeof origin === 'string' && ${member} ? origin : '';`,
            '}',
          ].join('\n'),
        );
      };
      // An allowlist the file has already, under one of the names the fix would give it.
      for (const list of ALLOWLIST_NAMES) {
        const existing = existingBinding(sourceCode, usedAt, list);
        const shape = existing.kind === 'module' ? allowlistShape(existing.init) : null;
        if (existing.kind !== 'module' || !shape) continue;
        // A list declared `as const` holds literal types: compare as strings.
        const literalTypes = typescript && existing.init?.type === AST_NODE_TYPES.TSAsExpression;
        const claimed = claimNames(sourceCode, usedAt, { check: CHECK_NAME }, ({ check }) => ({
          check: { name: check, text: checkOf(list, shape, literalTypes, check) },
        }));
        return claimed && { list, check: claimed.names.check, declarations: claimed.declarations };
      }
      const claimed = claimNames(
        sourceCode,
        usedAt,
        { list: ALLOWLIST_NAMES, check: CHECK_NAME },
        ({ list, check }) => ({
          list: allowlistDeclaration(list, origins, typescript, fileStyle(sourceCode)),
          check: { name: check, text: checkOf(list, 'array', false, check) },
        }),
      );
      return claimed && { ...claimed.names, declarations: claimed.declarations };
    };

    const reportHeader = (
      { write, read }: { write: HeaderWrite; read: TSESTree.Node },
      before: TSESTree.ProgramStatement,
    ): void => {
      const credentials = credentialHeaders(sourceCode).besides(write.site);
      if (harmlessPolicy(sourceCode, write.site, credentials, reach)) return;
      // The echoed value goes through the check: the read itself when it is written in the value,
      // else the name that carries it there. Its fallbacks go with it (`origin || '*'` would turn
      // a refusal into `*`); the other branches of a ternary stay.
      const inValue = containsNode(write.value, read);
      const argument = textOf(inValue ? read : write.value);
      let target: TSESTree.Node = inValue ? read : write.value;
      while (target !== write.value && target.parent) {
        const parent: TSESTree.Node = target.parent;
        if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== target) break;
        target = parent;
      }
      const rewrite = (fixer: RuleFixer, origins: readonly string[]): RuleFix[] | null => {
        const needed = declarations(write.node, true, origins);
        if (!needed) return null;
        return [
          ...ensureModuleDeclarations(fixer, sourceCode, write.node, needed.declarations, { before }),
          fixer.replaceText(target, `${needed.check}(${argument})`),
        ];
      };
      const local = isLinted(write.node) && isLinted(target);
      reportPolicy({
        node: write.site,
        messageId: 'reflectedOrigin',
        data: {
          policy: `\`Access-Control-Allow-Origin\`${from(write.node)}`,
          credentials: credentialsClause(credentials),
        },
        fix: local ? failClosed({ messageId: 'checkEmptyAllowlist', fix: (fixer) => rewrite(fixer, []) }) : null,
        suggest: local ? [{ messageId: 'useAllowlist', fix: (fixer) => rewrite(fixer, [PLACEHOLDER_ORIGIN]) }] : [],
      });
    };

    /** The edits that declare a constant allowlist and put the middleware's form of it in place. */
    const allowlistEditFor =
      (use: CorsMiddlewareUse) =>
      (fixer: RuleFixer, edits: (text: string) => RuleFix[]): RuleFix[] | null => {
        const needed = declarations(use.site, false, [PLACEHOLDER_ORIGIN]);
        if (!needed) return null;
        return [
          ...ensureModuleDeclarations(fixer, sourceCode, use.site, needed.declarations),
          ...edits(styled(use.middleware.allowlistOrigin(needed.list))),
        ];
      };

    const reportMiddleware = (use: CorsMiddlewareUse): void => {
      const { middleware } = use;
      if (middleware.reflectsWhenMissing) reportOmittedOrigin(use);
      for (const { property, value, credentials } of originOptions(use)) {
        if (harmlessPolicy(sourceCode, use.site, credentials, reach)) continue;
        if (use.authenticated && reach.trustCredentialChecks && !credentials) continue;
        const withAllowlist = allowlistEditFor(use);

        if (middleware.reflectsOnTrue) {
          const candidates = possibleValues(value);
          const reflecting = candidates.filter((candidate) => candidate.known && candidate.value === true);
          if (reflecting.length > 0) {
            const leaves = inlineLeaves(value, candidates, reflecting);
            const replace = (fixer: RuleFixer, text: string): RuleFix[] => [
              ...(leaves
                ? leaves.map((leaf) => fixer.replaceText(leaf, inPlaceOf(sourceCode, leaf, text)))
                : [replacePropertyValue(fixer, sourceCode, property, text)]),
              ...originCommentEdits(fixer, sourceCode, property, !leaves && text === styled(middleware.denyOrigin)),
            ];
            // `origin: SERVER_CONFIG.CORS_ORIGIN` with the `true` written in another module: name that place.
            const elsewhere = reflecting.find((candidate) => !isLinted(candidate.node));
            for (const candidate of reflecting) reportedValues.add(writtenAt(candidate.node));
            report(
              use,
              property,
              credentials,
              `${middleware.display} with \`origin: true\`${isLinted(property) && elsewhere ? from(elsewhere.node) : ''}`,
              replace,
              withAllowlist,
              styled(middleware.denyOrigin),
            );
            continue;
          }
        }
        // Options made per request from the request itself: `cors({ origin: req.headers.origin })`.
        const echoed = originSources(value).find(
          (source) => source.kind === 'request-origin' && !sourceGuard(source, skipTypeWrappers(source.node)),
        );
        if (echoed && !resolveFunction(value)) {
          const replace = (fixer: RuleFixer, text: string): RuleFix[] => [
            replacePropertyValue(fixer, sourceCode, property, text),
            ...originCommentEdits(fixer, sourceCode, property, text === styled(middleware.denyOrigin)),
          ];
          report(
            use,
            property,
            credentials,
            `${middleware.display} with an \`origin\` taken from the request`,
            replace,
            withAllowlist,
            styled(middleware.denyOrigin),
          );
          continue;
        }
        const allowing = unconditionalAllow(value);
        if (allowing) {
          const replace = (fixer: RuleFixer, text: string): RuleFix[] => [
            replacePropertyValue(fixer, sourceCode, property, text),
            ...originCommentEdits(fixer, sourceCode, property, text === styled(middleware.denyOrigin)),
          ];
          report(
            use,
            property,
            credentials,
            `${middleware.display} whose \`origin\` accepts all`,
            replace,
            withAllowlist,
            styled(middleware.denyOrigin),
          );
        }
      }
    };

    /**
     * Options of a middleware that answers each request with its own origin when `origin` is left
     * out (mcp-use 2's `cors: {}`, `cors: true`): the change writes the origin in.
     */
    const reportOmittedOrigin = (use: CorsMiddlewareUse): void => {
      const { middleware } = use;
      for (const branch of corsOptionsBranches(use)) {
        let node: TSESTree.Node;
        let replace: (fixer: RuleFixer, text: string) => RuleFix[];
        // `cors: true` (not `undefined` or `null`, which leave CORS off).
        if (branch.kind === 'missing' && branch.node?.type === AST_NODE_TYPES.Literal && branch.node.value === true) {
          const options = branch.node;
          node = options;
          replace = (fixer, text) => [fixer.replaceText(options, `{ origin: ${text} }`)];
        } else if (branch.kind === 'object' && findObjectProperty(branch.object, 'origin').kind === 'missing') {
          const { object } = branch;
          node = use.site;
          replace = (fixer, text) => [appendObjectProperty(fixer, sourceCode, object, `origin: ${text}`)];
        } else if (
          // `cors()` of @elysiajs/cors: its defaults, which echo.
          branch.kind === 'missing' &&
          branch.node === null &&
          middleware.defaultsWithoutOptions &&
          use.call.type === AST_NODE_TYPES.CallExpression &&
          use.call.arguments.length === 0
        ) {
          const { call } = use;
          node = use.site;
          replace = (fixer, text) => [appendArgument(fixer, sourceCode, call, `{ origin: ${text} }`)];
        } else {
          continue;
        }
        const credentials =
          branch.kind === 'object'
            ? allowsCredentials(middleware, branch.object)
            : branch.node === null && middleware.credentialsByDefault === true;
        if (harmlessPolicy(sourceCode, use.site, credentials, reach)) continue;
        if (use.authenticated && reach.trustCredentialChecks && !credentials) continue;
        const withAllowlist = allowlistEditFor(use);
        report(
          use,
          node,
          credentials,
          `${middleware.display} without \`origin\``,
          replace,
          withAllowlist,
          styled(middleware.denyOrigin),
        );
      }
    };

    const reported = new Set<TSESTree.Node>();
    /** The middleware calls whose `origin` is reported as echoing every origin. */
    const reportedSites = new Set<TSESTree.Node>();
    /** Origin checks that let every origin in while a list is empty, reported unless covered. */
    const emptyAdmissions: Parameters<NonNullable<OriginDecisionHandlers['admitsWhenEmpty']>>[0][] = [];
    /** Where a value is written: a name's one value (`const origin = true`), else the node itself. */
    const writtenAt = (node: TSESTree.Node): TSESTree.Node => skipTypeWrappers(resolveExpression(node) ?? node);
    /** The values, where they are written, of the options a middleware of this file is reported for. */
    const reportedValues = new Set<TSESTree.Node>();
    const report = (
      use: CorsMiddlewareUse,
      node: TSESTree.Node,
      credentials: boolean,
      policy: string,
      replace: (fixer: RuleFixer, text: string) => RuleFix[],
      withAllowlist: (fixer: RuleFixer, edits: (text: string) => RuleFix[]) => RuleFix[] | null,
      deny: string,
    ): void => {
      if (reported.has(node)) return;
      reported.add(node);
      reportedSites.add(use.site);
      // Options written in another module are reported where this file sets the middleware up.
      const local = isLinted(node);
      // Options the installed package does not take are not written.
      const fixable = local && !use.unfixable;
      const span = local && credentials ? credentialsSpan(node) : null;
      reportPolicy({
        node: local ? node : use.site,
        ...(span ? { loc: span } : {}),
        messageId: 'reflectedOrigin',
        data: { policy: `${policy}${from(node)}`, credentials: credentialsClause(credentials) },
        fix: fixable ? failClosed({ messageId: 'denyOrigins', fix: (fixer) => replace(fixer, deny) }) : null,
        suggest: fixable
          ? [{ messageId: 'useAllowlist', fix: (fixer) => withAllowlist(fixer, (text) => replace(fixer, text)) }]
          : [],
      });
    };

    /**
     * `origin: true` written in a constant this module exports (`export const SERVER_CONFIG = {
     * CORS_ORIGIN: true }`) and given to a CORS middleware by a module of the package that imports
     * it: reported here too, where the fix can change it, naming that middleware.
     */
    const reportExportedOrigins = (): void => {
      const { file } = moduleOf(sourceCode.ast);
      if (!file) return;
      walk(sourceCode.ast, (node) => {
        if (node.type !== AST_NODE_TYPES.Literal || node.value !== true || reported.has(node)) return;
        const key = node.parent?.type === AST_NODE_TYPES.Property ? propertyName(node.parent) : null;
        if (!key || !/origin/iu.test(key)) return;
        const name = exportedConstantOf(node);
        if (!name) return;
        for (const program of importingPrograms(file, name)) {
          const code = codeOf(program);
          for (const use of findCorsMiddlewareUses(code)) {
            if (!use.middleware.reflectsOnTrue) continue;
            for (const { value, credentials } of originOptions(use)) {
              const bound = possibleValues(value).some(
                (candidate) => candidate.known && candidate.value === true && samePlace(candidate.node, file, node),
              );
              if (!bound || harmlessPolicy(code, use.site, credentials, reach)) continue;
              if (use.authenticated && reach.trustCredentialChecks && !credentials) continue;
              reported.add(node);
              reportPolicy({
                node,
                messageId: 'reflectedOrigin',
                data: {
                  policy: `${use.middleware.display} with \`origin: true\` (${placeOf(use.call, context)})`,
                  credentials: credentialsClause(credentials),
                },
                fix: failClosed({
                  messageId: 'denyOrigins',
                  fix: (fixer) => fixer.replaceText(node, styled(use.middleware.denyOrigin)),
                }),
              });
              return;
            }
          }
        }
      });
    };

    /**
     * `allowed.includes('*') || allowed.includes(origin)` keeps only its other side (and
     * `!allowed.includes('*') && …` in a refusal likewise), which lets in only the origins listed;
     * not where the test is one of several that must all hold to let an origin in
     * (`allowed.length === 1 && allowed[0] === '*'`), where dropping it would let more in.
     */
    const dropTest = (
      test: TSESTree.Node,
      allowWhen: boolean,
      messageId: 'dropWildcardTest' | 'dropEmptyTest' = 'dropWildcardTest',
    ): ReturnType<typeof failClosed> | null => {
      let operand: TSESTree.Node = test;
      while (
        operand.parent?.type === AST_NODE_TYPES.ChainExpression ||
        operand.parent?.type === AST_NODE_TYPES.TSAsExpression
      )
        operand = operand.parent;
      const negated = operand.parent?.type === AST_NODE_TYPES.UnaryExpression && operand.parent.operator === '!';
      if (negated) operand = operand.parent!;
      const logical = operand.parent;
      if (logical?.type !== AST_NODE_TYPES.LogicalExpression || logical.operator === '??') return null;
      // The operand, as written, is true when it lets every origin in: it must be one way among others.
      if ((logical.operator === '||') !== (allowWhen !== negated)) return null;
      const other = logical.left === operand ? logical.right : logical.left;
      return failClosed({
        messageId,
        fix: (fixer) => fixer.replaceText(logical, sourceCode.getText(other)),
      });
    };

    /**
     * `if (allowed.length === 0) return callback(null, true);` is dropped, with nothing else in
     * its branch, so that an empty list lets no origin in; a test among others is dropped from
     * them (`dropTest`).
     */
    const dropEmptyTest = (test: TSESTree.Node, allowWhen: boolean): ReturnType<typeof failClosed> | null => {
      const statement = test.parent;
      if (
        statement?.type !== AST_NODE_TYPES.IfStatement ||
        statement.test !== test ||
        statement.alternate ||
        // An `else if`, or an `if` that is a branch's one statement, leaves nothing valid behind.
        (statement.parent.type !== AST_NODE_TYPES.BlockStatement &&
          statement.parent.type !== AST_NODE_TYPES.Program &&
          statement.parent.type !== AST_NODE_TYPES.SwitchCase) ||
        !allowWhen ||
        !ALLOWS_ONLY.has(statement.consequent.type) ||
        (statement.consequent.type === AST_NODE_TYPES.BlockStatement && statement.consequent.body.length !== 1)
      ) {
        return dropTest(test, allowWhen, 'dropEmptyTest');
      }
      return failClosed({
        messageId: 'dropEmptyTest',
        fix: (fixer) => removeStatement(fixer, sourceCode, statement),
      });
    };

    return {
      'Program:exit'() {
        if (ORIGIN_TRUE_PROPERTY.test(sourceCode.text) && MENTIONS_EXPORT.test(sourceCode.text))
          reportExportedOrigins();
        for (const write of headerWrites(sourceCode)) {
          if (write.name !== ALLOW_ORIGIN) continue;
          const unguarded = originSources(write.value).find(
            (source) => source.kind === 'request-origin' && !sourceGuard(source, skipTypeWrappers(source.node)),
          );
          if (unguarded) echoedHeaders.push({ write, read: unguarded.entry });
        }
        // An origin gate whose check says yes to every origin checks nothing.
        originDecisionListeners(sourceCode, {
          alwaysAllows({ call, returns, site, credentials }) {
            // Where the policy could not matter (a server shown to serve no MCP, a public path),
            // neither does a check of it, as for `origin: true`.
            if (harmlessPolicy(sourceCode, site, credentials, reach)) return;
            const linted = returns.filter((value) => isLinted(value));
            const at = linted.length > 0 ? linted : [isLinted(call) ? call : site];
            for (const node of at) {
              if (reported.has(node)) continue;
              reported.add(node);
              reportPolicy({
                node,
                messageId: 'alwaysAllowingCheck',
                data: { check: `\`${textOf(call.callee)}()\`` },
              });
            }
          },
          admitsEvery({ test, list, stars, allowWhen, site, credentials }) {
            if (harmlessPolicy(sourceCode, site, credentials, reach)) return;
            // A header that echoes the Origin unchecked is reported as such, and so is one behind
            // a gate of its function that lets every origin through.
            const scope = enclosingFunction(site) ?? sourceCode.ast;
            if (echoedHeaders.some((echoed) => containsNode(scope, echoed.write.site))) return;
            const star = stars.find((candidate) => isLinted(candidate)) ?? stars[0]!;
            const node = isLinted(test) ? test : site;
            if (reported.has(node)) return;
            reported.add(node);
            reportPolicy({
              node,
              messageId: 'wildcardInList',
              data: {
                list: `\`${textOf(list)}\``,
                place: isLinted(star) ? `line ${star.loc.start.line}` : placeOf(star, context),
              },
              fix: node === test ? dropTest(test, allowWhen) : null,
            });
          },
          admitsWhenEmpty(admission) {
            emptyAdmissions.push(admission);
          },
        })['Program:exit']?.(sourceCode.ast);
        for (const use of findCorsMiddlewareUses(sourceCode)) reportMiddleware(use);
        // `{ source, has: [{ type: 'header', key: 'origin', value: '(?<origin>.*)' }], headers: [{ key:
        // 'Access-Control-Allow-Origin', value: ':origin' }] }` in Next.js's `headers()`.
        for (const header of nextOriginHeaders(sourceCode, reach.trustCredentialChecks)) {
          if (!header.echoes || reported.has(header.value)) continue;
          reported.add(header.value);
          const { removable } = header;
          reportPolicy({
            node: header.value,
            messageId: 'reflectedOrigin',
            data: {
              policy: `Next.js's \`headers()\` for \`${header.source}\``,
              credentials: credentialsClause(header.credentials),
            },
            // Without the header, Next.js sends none: only the site's own pages read the answers.
            fix:
              removable === null
                ? null
                : failClosed({
                    messageId: 'denyOrigins',
                    fix: (fixer) => removeListElement(fixer, sourceCode, removable),
                  }),
          });
        }
        // A policy reported as echoing every origin already covers its empty-list way in.
        for (const { test, list, empties, allowWhen, site, credentials } of emptyAdmissions) {
          if (harmlessPolicy(sourceCode, site, credentials, reach)) continue;
          const scope = enclosingFunction(site) ?? sourceCode.ast;
          if (reportedSites.has(site) || echoedHeaders.some((echoed) => containsNode(scope, echoed.write.site))) {
            continue;
          }
          const empty = empties.find((candidate) => isLinted(candidate)) ?? empties[0]!;
          const node = isLinted(test) ? test : site;
          if (reported.has(node)) continue;
          reported.add(node);
          reportPolicy({
            node,
            messageId: 'emptyListAdmits',
            data: {
              list: `\`${textOf(list)}\``,
              place: isLinted(empty) ? `line ${empty.loc.start.line}` : placeOf(empty, context),
            },
            fix: node === test ? dropEmptyTest(test, allowWhen) : null,
          });
        }
        // `origin` values the code declares by their type (`CorsOptions['origin']`), where they are
        // written; not those a middleware of this file is reported for, where they are named.
        for (const typed of typedCorsValues(sourceCode)) {
          if (typed.part !== 'origin' || !typed.middleware.reflectsOnTrue) continue;
          const candidates = possibleValues(typed.value);
          const reflecting = candidates.filter(
            (candidate) =>
              candidate.known && candidate.value === true && !reportedValues.has(writtenAt(candidate.node)),
          );
          for (const site of valueSites(typed.site, typed.value, reflecting)) {
            if (site.foreign || reported.has(site.node)) continue;
            reported.add(site.node);
            const literal = site.inline ? site.values[0]!.node : site.node;
            reportPolicy({
              node: site.node,
              messageId: 'reflectedOrigin',
              data: { policy: `This \`origin: true\` for ${typed.middleware.display}`, credentials: '' },
              fix: failClosed({
                messageId: 'denyOrigins',
                fix: (fixer) => fixer.replaceText(literal, styled(typed.middleware.denyOrigin)),
              }),
            });
          }
        }
        // Every echo's fix declares the allowlist before the first echo's statement: one place per file.
        echoedHeaders.sort((a, b) => a.write.site.range[0] - b.write.site.range[0]);
        const before = echoedHeaders[0] && topLevelStatement(echoedHeaders[0].write.site);
        for (const echoed of echoedHeaders) reportHeader(echoed, before!);
      },
    };
  },
});
