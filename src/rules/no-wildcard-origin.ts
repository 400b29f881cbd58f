import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';
import {
  appendArgument,
  appendObjectProperty,
  asOperand,
  inlineLeaves,
  removableStatementOf,
  removeListElement,
  removeStatement,
  replacePropertyValue,
} from '../fixes/edits';
import {
  PLACEHOLDER_ORIGIN,
  arrayAllowlist,
  ensureModuleConstant,
  ensureModuleDeclarations,
  isTypeScriptFile,
} from '../fixes/constants';
import { createRule } from '../utils/create-rule';
import { REACH_DEFAULTS, REACH_OPTION_SCHEMA, reachOptions, type ReachRuleOptions } from '../utils/reach-options';
import { harmlessPolicy } from '../analysis/reach';
import {
  allowsCredentials,
  corsOptionsBranches,
  findCorsMiddlewareUses,
  unconditionalAllow,
  type CorsMiddlewareUse,
} from '../analysis/cors-middleware';
import { mentionsAny } from '../analysis/imports';
import { ALLOW_ORIGIN, credentialHeaders, headerWrites, type HeaderWrite } from '../analysis/response-headers';
import { isLinted, placeOf } from '../analysis/program';
import { credentialsSpan, valueSites } from '../analysis/sites';
import { findObjectProperty, possibleValues } from '../analysis/values';
import { originSources } from '../analysis/origin-source';

export type Options = [ReachRuleOptions];
export type MessageIds = 'wildcardOrigin' | 'wildcardOriginWithCredentials' | 'useAllowlist' | 'useAllowedOrigin';

const ALLOWED_ORIGIN_NAME = 'ALLOWED_ORIGIN';
const MENTIONS_CORS = /cors|access-control-allow-origin/iu;

export default createRule<Options, MessageIds>({
  name: 'no-wildcard-origin',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow CORS policies that let every origin read an MCP server's responses",
      recommended: true,
      strictOptions: [{ trustCredentialChecks: false }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [{ type: 'object', additionalProperties: false, properties: REACH_OPTION_SCHEMA }],
    defaultOptions: [REACH_DEFAULTS],
    messages: {
      wildcardOrigin:
        "{{policy}} lets every origin read this server's responses: any web page the user visits can call this MCP server and read what its tools return. Allow only the origins you trust, from a constant allowlist, or none.",
      wildcardOriginWithCredentials:
        "{{policy}} lets every origin read this server's responses, and credentials are allowed too: any web page the user visits can call this MCP server, and the usual way to make credentials work with it, echoing the request's origin, lets that page act as the user. Allow only the origins you trust, from a constant allowlist, and drop credentials unless a trusted origin needs them.",
      useAllowlist: 'Allow only the origins in a constant allowlist (replace its placeholder origin with yours).',
      useAllowedOrigin: `Allow only the origin in a constant \`${ALLOWED_ORIGIN_NAME}\` (replace its placeholder with yours).`,
    },
  },
  defaultOptions: [REACH_DEFAULTS],
  create(context, [options]) {
    const { sourceCode } = context;
    if (!mentionsAny(sourceCode, MENTIONS_CORS)) return {};
    const reach = reachOptions(options);
    const typescript = isTypeScriptFile(context.filename);

    const wildcardHeaders: HeaderWrite[] = [];
    /** ` (from src/cors.ts:12)` for what another module writes, or nothing. */
    const from = (node: TSESTree.Node): string => (isLinted(node) ? '' : ` (from ${placeOf(node, context)})`);

    const reportMiddleware = (use: CorsMiddlewareUse): void => {
      const { middleware, call } = use;
      // Middleware made in another module is reported where this file mounts it, and fixed there.
      const local = isLinted(call);
      const branches = corsOptionsBranches(use);
      const credentials = branches.some(
        (branch) => branch.kind === 'object' && allowsCredentials(middleware, branch.object),
      );
      if (harmlessPolicy(sourceCode, use.site, credentials, reach)) return;
      const messageId = credentials ? 'wildcardOriginWithCredentials' : 'wildcardOrigin';
      const withAllowlist = (fixer: RuleFixer, edits: (text: string) => RuleFix[]): RuleFix[] | null => {
        if (!local) return null;
        const allowlist = arrayAllowlist(sourceCode, call, [PLACEHOLDER_ORIGIN], typescript);
        if (!allowlist) return null;
        return [
          ...ensureModuleDeclarations(fixer, sourceCode, call, allowlist.declarations),
          ...edits(middleware.allowlistOrigin(allowlist.name)),
        ];
      };

      // Every shape of the options without an origin gets one: the default is the wildcard.
      const missing: ((fixer: RuleFixer, value: string) => RuleFix)[] = [];
      for (const branch of branches) {
        if (branch.kind === 'missing') {
          const { node } = branch;
          missing.push((fixer, value) =>
            node || call.type !== AST_NODE_TYPES.CallExpression
              ? fixer.replaceText(node ?? call, `{ origin: ${value} }`)
              : appendArgument(fixer, sourceCode, call, `{ origin: ${value} }`),
          );
        } else if (branch.kind === 'object') {
          const origin = findObjectProperty(branch.object, 'origin');
          if (origin.kind === 'missing') {
            missing.push((fixer, value) => appendObjectProperty(fixer, sourceCode, branch.object, `origin: ${value}`));
          } else if (origin.kind === 'found') {
            const value =
              origin.value ?? (origin.property.method ? (origin.property.value as TSESTree.Expression) : null);
            reportOriginProperty(use, origin.property, value, messageId, withAllowlist);
          }
        }
      }
      // Declared options may get their origin where they are used; an origin they set is judged here.
      if (missing.length === 0 || use.declared) return;
      const defaultNote =
        middleware.credentialsReflectByDefault && credentials
          ? "its default is `*`, which it turns into the request's own origin when credentials are on"
          : 'its default is `*`';
      context.report({
        node: use.site,
        messageId,
        data: { policy: `${middleware.display} without an \`origin\` option (${defaultNote})${from(call)}` },
        fix: local ? (fixer) => missing.map((edit) => edit(fixer, middleware.denyOrigin)) : null,
        suggest: [
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
      messageId: MessageIds,
      withAllowlist: (fixer: RuleFixer, edits: (text: string) => RuleFix[]) => RuleFix[] | null,
    ): void => {
      const { middleware } = use;
      if (!value || reported.has(property)) return;
      const local = isLinted(property);
      const at = local ? property : use.site;
      // `origin: (origin, cb) => cb(null, '*')`, `origin: () => '*'`
      if (unconditionalAllow(value, 'wildcard')) {
        reported.add(property);
        const replace = (fixer: RuleFixer, text: string): RuleFix[] => [
          replacePropertyValue(fixer, sourceCode, property, text),
        ];
        context.report({
          node: at,
          messageId,
          data: { policy: `${middleware.display} with an \`origin\` function that answers \`*\`${from(property)}` },
          fix: local ? (fixer) => replace(fixer, middleware.denyOrigin) : null,
          suggest: [
            { messageId: 'useAllowlist', fix: (fixer) => withAllowlist(fixer, (text) => replace(fixer, text)) },
          ],
        });
        return;
      }
      const candidates = possibleValues(value);
      const wildcards = candidates.filter(
        (candidate) => candidate.known && middleware.isWildcardOrigin(candidate.value),
      );
      if (wildcards.length === 0) return;
      reported.add(property);
      const literal = wildcards.some((candidate) => candidate.known && candidate.value === '*');
      // A wildcard written inside the option (`dev ? '*' : ORIGIN`, `env.ORIGIN ?? '*'`) is replaced
      // where it stands, keeping the trusted branch; one that comes from elsewhere replaces the value.
      const leaves = inlineLeaves(value, candidates, wildcards);
      const replaceWildcard = (fixer: RuleFixer, text: string): RuleFix[] =>
        leaves
          ? leaves.map((leaf) => fixer.replaceText(leaf, asOperand(text)))
          : [replacePropertyValue(fixer, sourceCode, property, text)];
      const span = local && messageId === 'wildcardOriginWithCredentials' ? credentialsSpan(property) : null;
      context.report({
        node: at,
        ...(span ? { loc: span } : {}),
        messageId,
        data: {
          policy:
            (literal
              ? `${middleware.display} with an \`origin\` that can be \`*\``
              : `${middleware.display} with an \`origin\` that it treats as \`*\``) + from(wildcards[0]!.node),
        },
        fix: local ? (fixer) => replaceWildcard(fixer, middleware.denyOrigin) : null,
        suggest: [
          {
            messageId: 'useAllowlist',
            fix: (fixer) => withAllowlist(fixer, (text) => replaceWildcard(fixer, text)),
          },
        ],
      });
    };

    const reportHeader = (write: HeaderWrite): void => {
      const credentials = credentialHeaders(sourceCode).besides(write.site);
      if (harmlessPolicy(sourceCode, write.site, credentials, reach)) return;
      const messageId = credentials ? 'wildcardOriginWithCredentials' : 'wildcardOrigin';
      const candidates = possibleValues(write.value);
      const wildcards = candidates.filter((candidate) => candidate.known && candidate.value === '*');
      for (const site of valueSites(write.site, write.value, wildcards)) {
        if (reported.has(site.node)) continue;
        reported.add(site.node);
        if (!site.inline) {
          // `'*'` written elsewhere in this file (a constant, a default) is reported and fixed where it
          // is written; one of another module where the header is set, naming its place.
          const literal = site.values[0]!.node;
          const span = !site.foreign && messageId === 'wildcardOriginWithCredentials' ? credentialsSpan(literal) : null;
          context.report({
            node: site.node,
            ...(span ? { loc: span } : {}),
            messageId,
            data: { policy: `\`Access-Control-Allow-Origin: *\`${from(literal)}` },
            fix: site.foreign ? null : (fixer) => fixer.replaceText(literal, "''"),
            suggest: site.foreign
              ? []
              : [
                  {
                    messageId: 'useAllowedOrigin',
                    fix: (fixer) => [
                      ...ensureModuleConstant(
                        fixer,
                        sourceCode,
                        write.site,
                        ALLOWED_ORIGIN_NAME,
                        `'${PLACEHOLDER_ORIGIN}'`,
                      ),
                      fixer.replaceText(literal, ALLOWED_ORIGIN_NAME),
                    ],
                  },
                ],
          });
          continue;
        }
        const local = isLinted(write.node);
        // `ok ? ORIGIN : '*'`: only the wildcard goes, as an empty value that matches no origin.
        const leaves = inlineLeaves(write.value, candidates, wildcards);
        context.report({
          node: write.site,
          messageId,
          data: { policy: `\`Access-Control-Allow-Origin: *\`${from(write.node)}` },
          fix: !local
            ? null
            : (fixer) => {
                if (leaves) return leaves.map((leaf) => fixer.replaceText(leaf, "''"));
                if (write.form === 'property' || write.form === 'pair') {
                  return removeListElement(fixer, sourceCode, write.node);
                }
                const statement = removableStatementOf(write.node);
                return statement ? removeStatement(fixer, sourceCode, statement) : null;
              },
          suggest: !local
            ? []
            : [
                {
                  messageId: 'useAllowedOrigin',
                  fix: (fixer) => [
                    ...ensureModuleConstant(
                      fixer,
                      sourceCode,
                      write.node,
                      ALLOWED_ORIGIN_NAME,
                      `'${PLACEHOLDER_ORIGIN}'`,
                    ),
                    ...(leaves
                      ? leaves.map((leaf) => fixer.replaceText(leaf, ALLOWED_ORIGIN_NAME))
                      : [fixer.replaceText(write.value, ALLOWED_ORIGIN_NAME)]),
                  ],
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
            !originSources(write.value).some((source) => source.kind === 'request-origin')
          ) {
            wildcardHeaders.push(write);
          }
        }
        for (const use of findCorsMiddlewareUses(sourceCode)) reportMiddleware(use);
        for (const write of wildcardHeaders) reportHeader(write);
      },
    };
  },
});
