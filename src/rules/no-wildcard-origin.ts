import { fileStyle, quoted, styledFor } from '../fixes/style';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';
import {
  appendArgument,
  appendObjectProperty,
  inlineLeaves,
  originCommentEdits,
  removableStatementOf,
  removeListElement,
  removeStatement,
  replacePropertyValue,
} from '../fixes/edits';
import { inPlaceOf } from '../fixes/parentheses';
import {
  PLACEHOLDER_ORIGIN,
  arrayAllowlist,
  ensureModuleConstant,
  ensureModuleDeclarations,
  isTypeScriptFile,
} from '../fixes/constants';
import { MENTIONS_CONFIGURED_SERVER_MODULE, MENTIONS_SELF_SERVING_MODULE } from '../frameworks/registry';
import { configuredTransports, type ConfiguredTransport } from '../analysis/configured-servers';
import { nitroCorsRules } from '../analysis/nitro-config';
import { nextOriginHeaders } from '../analysis/next-config';
import { originAllowlistFix } from '../fixes/configured';
import { createRule } from '../utils/create-rule';
import { outsideEphemeralTests } from '../utils/test-code';
import { credentialsClause, preflightAwareReport } from '../utils/messages';
import { FAIL_CLOSED_SCHEMA, failClosed, type FailClosedOption } from '../utils/fail-closed';
import { REACH_DEFAULTS, REACH_OPTION_SCHEMA, reachOptions, type ReachRuleOptions } from '../utils/reach-options';
import { harmlessPolicy } from '../analysis/reach';
import { installedBefore } from '../analysis/installed';
import {
  allowsCredentials,
  corsOptionsBranches,
  findCorsMiddlewareUses,
  mayAnswerCorsByDefault,
  unconditionalAllow,
  type CorsMiddlewareUse,
} from '../analysis/cors-middleware';
import { mentionsAny } from '../analysis/imports';
import { ALLOW_ORIGIN, headerWrites, mayWriteHeaders, type HeaderWrite } from '../analysis/response-headers';
import { isLinted, placeOf, propertyName } from '../analysis/program';
import { credentialsSpan, valueSites } from '../analysis/sites';
import { findObjectProperty, possibleValues, resolveExpression } from '../analysis/values';
import { skipTypeWrappers } from '../analysis/ast';
import { copiesConfiguredWildcard, originSources } from '../analysis/origin-source';
import { onlyWithoutOrigin } from '../analysis/guards';

export type Options = [ReachRuleOptions & FailClosedOption];
export type MessageIds = 'wildcardOrigin' | 'wildcardPreflight' | 'denyOrigins' | 'useAllowlist' | 'useAllowedOrigin';

const ALLOWED_ORIGIN_NAME = 'ALLOWED_ORIGIN';
const MENTIONS_CORS = /cors|access-control-allow-origin/iu;

export default createRule<Options, MessageIds>({
  name: 'no-wildcard-origin',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow CORS policies that let every origin read an MCP server's responses",
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
      wildcardOrigin: '{{policy}} lets any site read the responses{{credentials}}.',
      wildcardPreflight:
        "{{policy}} approves any site's preflight: any page can send it JSON and custom headers{{credentials}}.",
      denyOrigins: 'Allow no cross-origin reads.',
      useAllowlist: 'Allow only the origins in a constant allowlist.',
      useAllowedOrigin: `Allow only the origin in a constant \`${ALLOWED_ORIGIN_NAME}\`.`,
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
      read: 'wildcardOrigin',
      messageId: 'wildcardPreflight',
    });
    // A framework that serves HTTP itself (fastmcp, `McpAgent.serve()`) may answer `*` with no CORS code in the file.
    if (
      !mentionsAny(sourceCode, MENTIONS_CORS) &&
      !mayWriteHeaders(sourceCode) &&
      !mentionsAny(sourceCode, MENTIONS_SELF_SERVING_MODULE) &&
      !mentionsAny(sourceCode, MENTIONS_CONFIGURED_SERVER_MODULE) &&
      !mayAnswerCorsByDefault(sourceCode)
    )
      return {};
    const reach = reachOptions(options);
    const typescript = isTypeScriptFile(context.filename);

    const wildcardHeaders: HeaderWrite[] = [];
    /** ` (from src/cors.ts:12)` for what another module writes, or nothing. */
    const from = (node: TSESTree.Node): string => (isLinted(node) ? '' : ` (from ${placeOf(node, context)})`);

    const reportMiddleware = (use: CorsMiddlewareUse): void => {
      const { middleware, call } = use;
      // Middleware made in another module is reported where this file mounts it, and fixed there;
      // options the installed package does not take are not written at all.
      const local = isLinted(call) && !use.unfixable;
      const branches = corsOptionsBranches(use);
      // An install that echoes every origin with credentials, whatever the options (mcp-proxy before 5.10).
      const { echoesBefore } = middleware;
      const echoes = echoesBefore !== undefined && installedBefore(call, echoesBefore);
      const allowed = branches.some(
        (branch) => branch.kind === 'object' && allowsCredentials(middleware, branch.object),
      );
      // Beside a `*` the package sends as it is, browsers refuse credentialed requests (Fetch's CORS
      // check): credentials count only where it answers with the caller's origin instead.
      const credentials = echoes || (allowed && middleware.credentialsReflectByDefault);
      if (harmlessPolicy(sourceCode, use.site, credentials, reach)) return;
      // A server that checks a credential on every request (`new FastMCP({ authenticate })`).
      if (use.authenticated && reach.trustCredentialChecks && !credentials) return;
      const withAllowlist = (fixer: RuleFixer, edits: (text: string) => RuleFix[]): RuleFix[] | null => {
        if (!local) return null;
        const allowlist = arrayAllowlist(sourceCode, call, [PLACEHOLDER_ORIGIN], typescript);
        if (!allowlist) return null;
        return [
          ...ensureModuleDeclarations(fixer, sourceCode, call, allowlist.declarations),
          ...edits(styled(middleware.allowlistOrigin(allowlist.name))),
        ];
      };

      // Every shape of the options without an origin gets one: the default is the wildcard (or,
      // for mcp-use 2, the request's own origin, which no-reflected-origin reports).
      const missing: ((fixer: RuleFixer, value: string) => RuleFix)[] = [];
      // Options a caller leaves out (`cors(config.cors)`): reported here, given where they are made.
      let passedOn: TSESTree.Node | null = null;
      for (const branch of branches) {
        if (middleware.reflectsWhenMissing && branch.kind !== 'object') continue;
        if (branch.kind === 'missing') {
          passedOn ??= branch.passedOn ?? null;
          const { node } = branch;
          const { insertOptions } = use;
          // Options written whole replace the defaults: with what clients rely on from them.
          const whole = (value: string): string =>
            styled(`{ origin: ${value}${middleware.createdOptions ? `, ${middleware.createdOptions}` : ''} }`);
          missing.push((fixer, value) =>
            !node && insertOptions
              ? insertOptions(fixer, whole(value))
              : node || call.type !== AST_NODE_TYPES.CallExpression
                ? fixer.replaceText(node ?? call, whole(value))
                : appendArgument(fixer, sourceCode, call, whole(value)),
          );
        } else if (branch.kind === 'object') {
          const origin = findObjectProperty(branch.object, 'origin');
          if (origin.kind === 'missing') {
            if (middleware.reflectsWhenMissing || middleware.noOriginWhenMissing) continue;
            missing.push((fixer, value) => appendObjectProperty(fixer, sourceCode, branch.object, `origin: ${value}`));
          } else if (origin.kind === 'found') {
            const value =
              origin.value ?? (origin.property.method ? (origin.property.value as TSESTree.Expression) : null);
            reportOriginProperty(use, origin.property, value, credentials, withAllowlist);
          }
        }
      }
      // Declared options may get their origin where they are used; an origin they set is judged here.
      if (missing.length === 0 || use.declared) return;
      // With credentials on, some packages answer with the caller's own origin instead of `*`.
      const defaultNote = echoes
        ? `any origin: ${echoesBefore!.module} <${echoesBefore!.version}`
        : middleware.credentialsReflectByDefault && allowed
          ? 'any origin'
          : '`*`';
      reportPolicy({
        node: use.site,
        messageId: 'wildcardOrigin',
        data: {
          policy: `${middleware.display} without \`origin\` (default ${defaultNote}${passedOn ? `, left out at ${placeOf(passedOn, context)}` : ''})${from(call)}`,
          credentials: credentialsClause(credentials),
        },
        fix:
          local && passedOn === null
            ? failClosed({
                messageId: 'denyOrigins',
                fix: (fixer) => missing.map((edit) => edit(fixer, styled(middleware.denyOrigin))),
              })
            : null,
        suggest: passedOn
          ? []
          : [
              {
                messageId: 'useAllowlist',
                fix: (fixer) => withAllowlist(fixer, (text) => missing.map((edit) => edit(fixer, text))),
              },
            ],
      });
    };

    const reported = new Set<TSESTree.Node>();
    const reportOriginProperty = (
      use: CorsMiddlewareUse,
      property: TSESTree.Property,
      value: TSESTree.Expression | null,
      credentials: boolean,
      withAllowlist: (fixer: RuleFixer, edits: (text: string) => RuleFix[]) => RuleFix[] | null,
    ): void => {
      const { middleware } = use;
      if (!value || reported.has(property)) return;
      // Where it is written, unless the package takes no origin that closes it (`McpAgent.serve()`).
      const local = isLinted(property) && middleware.noDenyValue !== true;
      const at = isLinted(property) ? property : use.site;
      // `origin: (origin, cb) => cb(null, '*')`, `origin: () => '*'`
      if (unconditionalAllow(value, 'wildcard')) {
        reported.add(property);
        const replace = (fixer: RuleFixer, text: string): RuleFix[] => [
          replacePropertyValue(fixer, sourceCode, property, text),
          ...originCommentEdits(fixer, sourceCode, property, text === styled(middleware.denyOrigin)),
        ];
        reportPolicy({
          node: at,
          messageId: 'wildcardOrigin',
          data: {
            policy: `${middleware.display} whose \`origin\` function answers \`*\`${from(property)}`,
            credentials: credentialsClause(credentials),
          },
          fix: local
            ? failClosed({ messageId: 'denyOrigins', fix: (fixer) => replace(fixer, styled(middleware.denyOrigin)) })
            : null,
          suggest: [
            { messageId: 'useAllowlist', fix: (fixer) => withAllowlist(fixer, (text) => replace(fixer, text)) },
          ],
        });
        return;
      }
      const candidates = possibleValues(value);
      // A `'*'` taken only when the environment says `*` is the environment's (no-env-allowed-origins).
      const wildcards = candidates.filter(
        (candidate) =>
          candidate.known && middleware.isWildcardOrigin(candidate.value) && !copiesConfiguredWildcard(candidate.node),
      );
      if (wildcards.length === 0) return;
      reported.add(property);
      const literal = wildcards.some((candidate) => candidate.known && candidate.value === '*');
      // `origin: '*'` (or a constant that holds it) is `*`; `dev ? '*' : ORIGIN` only can be.
      const written = skipTypeWrappers(resolveExpression(value) ?? value);
      const always = written.type === AST_NODE_TYPES.Literal && written.value === '*';
      // A wildcard written inside the option (`dev ? '*' : ORIGIN`, `env.ORIGIN ?? '*'`) is replaced
      // where it stands, keeping the trusted branch; one that comes from elsewhere replaces the value.
      const leaves = inlineLeaves(value, candidates, wildcards);
      // A comment that says the option allows every origin goes with the wildcard.
      const replaceWildcard = (fixer: RuleFixer, text: string): RuleFix[] => [
        ...(leaves
          ? leaves.map((leaf) => fixer.replaceText(leaf, inPlaceOf(sourceCode, leaf, text)))
          : [replacePropertyValue(fixer, sourceCode, property, text)]),
        ...originCommentEdits(fixer, sourceCode, property, !leaves && text === styled(middleware.denyOrigin)),
      ];
      const span = local && credentials ? credentialsSpan(property) : null;
      reportPolicy({
        node: at,
        ...(span ? { loc: span } : {}),
        messageId: 'wildcardOrigin',
        data: {
          policy:
            (literal
              ? `${middleware.display} with an \`origin\` that ${always ? 'is' : 'can be'} \`*\``
              : `${middleware.display} with an \`origin\` it treats as \`*\``) + from(wildcards[0]!.node),
          credentials: credentialsClause(credentials),
        },
        fix: local
          ? failClosed({
              messageId: 'denyOrigins',
              fix: (fixer) => replaceWildcard(fixer, styled(middleware.denyOrigin)),
            })
          : null,
        suggest: [
          {
            messageId: 'useAllowlist',
            fix: (fixer) => withAllowlist(fixer, (text) => replaceWildcard(fixer, text)),
          },
        ],
      });
    };

    /**
     * mcp-framework's HTTP transports answer `Access-Control-Allow-Origin: *` unless `cors.allowOrigin`
     * names an origin; with `cors.allowedOrigins` listing some, other origins are refused first.
     */
    const reportConfigured = (transport: ConfiguredTransport): void => {
      if (transport.validatesOrigin !== false || transport.optionsUnknown || !isLinted(transport.config)) return;
      // It has no credentials option: an auth provider makes the policy moot.
      if (transport.authenticated && reach.trustCredentialChecks) return;
      const { allowOrigin, server, typeName } = transport;
      if (allowOrigin.kind === 'unknown') return;
      const transportName = `${server.module}'s \`${typeName}\` transport`;
      let node: TSESTree.Node = transport.type;
      let policy = `${server.module}'s \`${typeName}\` CORS default \`*\``;
      if (allowOrigin.kind === 'found' && allowOrigin.value) {
        const values = possibleValues(allowOrigin.value);
        if (!values.some((value) => value.known && value.value === '*')) return;
        node = allowOrigin.property;
        policy = `\`cors.allowOrigin: '*'\` of ${transportName}`;
      }
      const fix = originAllowlistFix(sourceCode, transport, typescript);
      reportPolicy({
        node,
        messageId: 'wildcardOrigin',
        data: { policy, credentials: '' },
        fix: fix && failClosed({ messageId: 'useAllowlist', fix }),
      });
    };

    /**
     * `targets` replaced with the constant `ALLOWED_ORIGIN`, declared with a placeholder origin
     * unless the file has one; inside that constant's own initializer (`const ALLOWED_ORIGIN =
     * process.env.X || '*'`) the placeholder goes there instead, as a constant cannot name itself.
     */
    const useAllowedOrigin = (
      fixer: RuleFixer,
      usedAt: TSESTree.Node,
      targets: readonly TSESTree.Node[],
    ): RuleFix[] | null => {
      const placeholder = quoted(PLACEHOLDER_ORIGIN, fileStyle(sourceCode));
      if (targets.some((target) => initializesName(target, ALLOWED_ORIGIN_NAME))) {
        return targets.map((target) => fixer.replaceText(target, placeholder));
      }
      const constant = ensureModuleConstant(fixer, sourceCode, usedAt, ALLOWED_ORIGIN_NAME, placeholder);
      if (!constant) return null;
      return [...constant.fixes, ...targets.map((target) => fixer.replaceText(target, constant.name))];
    };

    const reportHeader = (write: HeaderWrite): void => {
      // Browsers refuse a credentialed request an answer of `*` (Fetch's CORS check): beside
      // `Access-Control-Allow-Credentials: true` the `*` still lets every site read what needs no
      // credentials, and nothing that does. The policy is judged, and reported, without them.
      if (harmlessPolicy(sourceCode, write.site, false, reach)) return;
      const candidates = possibleValues(write.value);
      const wildcards = candidates.filter(
        (candidate) => candidate.known && candidate.value === '*' && !copiesConfiguredWildcard(candidate.node),
      );
      for (const site of valueSites(write.site, write.value, wildcards)) {
        if (reported.has(site.node)) continue;
        reported.add(site.node);
        if (!site.inline) {
          // `'*'` written elsewhere in this file (a constant, a default) is reported and fixed where it
          // is written; one of another module where the header is set, naming its place.
          const literal = site.values[0]!.node;
          reportPolicy({
            node: site.node,
            messageId: 'wildcardOrigin',
            data: { policy: `\`Access-Control-Allow-Origin: *\`${from(literal)}`, credentials: '' },
            fix: site.foreign
              ? null
              : failClosed({
                  messageId: 'denyOrigins',
                  fix: (fixer) => fixer.replaceText(literal, quoted('', fileStyle(sourceCode))),
                }),
            suggest: site.foreign
              ? []
              : [
                  {
                    messageId: 'useAllowedOrigin',
                    fix: (fixer) => useAllowedOrigin(fixer, write.site, [literal]),
                  },
                ],
          });
          continue;
        }
        const local = isLinted(write.node);
        // `ok ? ORIGIN : '*'`: only the wildcard goes, as an empty value that matches no origin.
        const leaves = inlineLeaves(write.value, candidates, wildcards);
        reportPolicy({
          node: write.site,
          messageId: 'wildcardOrigin',
          data: { policy: `\`Access-Control-Allow-Origin: *\`${from(write.node)}`, credentials: '' },
          fix: !local
            ? null
            : failClosed({
                messageId: 'denyOrigins',
                fix: (fixer) => {
                  if (leaves) return leaves.map((leaf) => fixer.replaceText(leaf, quoted('', fileStyle(sourceCode))));
                  if (write.form === 'property' || write.form === 'pair') {
                    return removeListElement(fixer, sourceCode, write.node);
                  }
                  const statement = removableStatementOf(write.node);
                  return statement ? removeStatement(fixer, sourceCode, statement) : null;
                },
              }),
          suggest: !local
            ? []
            : [
                {
                  messageId: 'useAllowedOrigin',
                  fix: (fixer) => useAllowedOrigin(fixer, write.node, leaves ?? [write.value]),
                },
              ],
        });
      }
    };

    const canBe = (node: TSESTree.Node, test: (value: unknown) => boolean): boolean =>
      possibleValues(node).some((candidate) => candidate.known && test(candidate.value));

    return {
      'Program:exit'() {
        for (const write of headerWrites(sourceCode)) {
          if (
            write.name === ALLOW_ORIGIN &&
            canBe(write.value, (value) => value === '*') &&
            // `req.headers.origin || '*'` echoes the caller: that is no-reflected-origin's report.
            !originSources(write.value).some((source) => source.kind === 'request-origin') &&
            // `if (!origin) res.setHeader(…, '*')`: only requests no page of another site sends.
            !onlyWithoutOrigin(write.site) &&
            // `new Response(error, { status: 401, headers: { …: '*' } })`: an error, no data.
            !onErrorResponse(write.node)
          ) {
            wildcardHeaders.push(write);
          }
        }
        for (const use of findCorsMiddlewareUses(sourceCode)) reportMiddleware(use);
        for (const transport of configuredTransports(sourceCode)) reportConfigured(transport);
        for (const write of wildcardHeaders) reportHeader(write);
        for (const header of nextOriginHeaders(sourceCode, reach.trustCredentialChecks)) {
          if (!canBe(header.value, (value) => value === '*') || reported.has(header.value)) continue;
          reported.add(header.value);
          reportPolicy({
            node: header.value,
            messageId: 'wildcardOrigin',
            data: { policy: `Next.js's \`headers()\` for \`${header.source}\``, credentials: '' },
            // Without the header, Next.js sends none: only the site's own pages read the answers. An
            // entry left with no header would stop Next.js from starting, so it goes whole; a list or
            // entry held in a constant, which other entries may share, is left to the owner.
            fix:
              header.removable === null
                ? null
                : failClosed({
                    messageId: 'denyOrigins',
                    fix: (fixer) => removeListElement(fixer, sourceCode, header.removable!),
                  }),
            suggest: [
              {
                messageId: 'useAllowedOrigin',
                fix: (fixer) => useAllowedOrigin(fixer, header.header, [header.value]),
              },
            ],
          });
        }
        for (const rule of nitroCorsRules(sourceCode, reach.trustCredentialChecks)) {
          reportPolicy({
            node: rule.property,
            messageId: 'wildcardOrigin',
            data: { policy: `Nitro's \`cors: true\` route rule for \`${rule.pattern}\``, credentials: '' },
            // Without it, Nitro sends no CORS headers: only the server's own pages read the answers.
            fix: failClosed({
              messageId: 'denyOrigins',
              fix: (fixer) => removeListElement(fixer, sourceCode, rule.property),
            }),
          });
        }
      },
    };
  },
});

/**
 * Whether a header property is written into the options of a web response whose status is an
 * error whatever the call (`new Response(body, { status: 401, headers: { … } })`,
 * `Response.json(body, { status, headers })` with `status` 400 or more), or into a serverless
 * answer with such a `statusCode`: it answers no data.
 */
function onErrorResponse(node: TSESTree.Node): boolean {
  const headers = node.parent;
  const holder = headers?.parent;
  if (
    node.type !== AST_NODE_TYPES.Property ||
    headers?.type !== AST_NODE_TYPES.ObjectExpression ||
    holder?.type !== AST_NODE_TYPES.Property ||
    holder.value !== headers ||
    propertyName(holder) !== 'headers'
  )
    return false;
  const init = holder.parent;
  // A serverless answer (`return { statusCode: 401, headers: { …: '*' }, body }`).
  if (init?.type === AST_NODE_TYPES.ObjectExpression) {
    const code = findObjectProperty(init, 'statusCode');
    if (code.kind === 'found' && code.value) return errorStatuses(code.value);
  }
  const call = init?.parent;
  if (
    init?.type !== AST_NODE_TYPES.ObjectExpression ||
    (call?.type !== AST_NODE_TYPES.NewExpression && call?.type !== AST_NODE_TYPES.CallExpression) ||
    !call.arguments.includes(init)
  )
    return false;
  // `new Response(…)`, `Response.json(…)`, Next.js's `NextResponse`.
  const made = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : call.callee;
  if (made.type !== AST_NODE_TYPES.Identifier || !/^(?:Response|NextResponse)$/u.test(made.name)) return false;
  const status = findObjectProperty(init, 'status');
  return status.kind === 'found' && status.value !== null && errorStatuses(status.value);
}

/** Whether every value a status may take is an error's (400 or more). */
function errorStatuses(node: TSESTree.Node): boolean {
  const values = possibleValues(node);
  return (
    values.length > 0 && values.every((value) => value.known && typeof value.value === 'number' && value.value >= 400)
  );
}

/** Whether `node` is inside the initializer or the default of a variable named `name`. */
function initializesName(node: TSESTree.Node, name: string): boolean {
  for (let current: TSESTree.Node | undefined = node; current?.parent; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (
      parent.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === current &&
      parent.id.type === AST_NODE_TYPES.Identifier &&
      parent.id.name === name
    )
      return true;
    // `const { ALLOWED_ORIGIN = '*' } = process.env`
    if (
      parent.type === AST_NODE_TYPES.AssignmentPattern &&
      parent.right === current &&
      parent.left.type === AST_NODE_TYPES.Identifier &&
      parent.left.name === name
    )
      return true;
  }
  return false;
}
