import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';
import { appendArgument, appendObjectProperty, removableStatementOf, removeListElement, removeStatement, replacePropertyValue } from '../fixes/edits';
import { PLACEHOLDER_ORIGIN, ensureModuleConstant } from '../fixes/constants';
import { enclosingFunctionOrProgram } from '../utils/ast';
import { createRule } from '../utils/create-rule';
import { findCorsMiddlewareUses, readCorsOptions, type CorsMiddlewareUse } from '../utils/cors-middleware';
import { mentionsAny } from '../utils/modules';
import { ALLOW_CREDENTIALS, ALLOW_ORIGIN, headerWriteListeners, type HeaderWrite } from '../utils/response-headers';
import { possibleValues } from '../utils/values';

export type Options = [];
export type MessageIds = 'wildcardOrigin' | 'wildcardOriginWithCredentials' | 'useAllowlist' | 'useAllowedOrigin';

const ALLOWLIST_NAME = 'ALLOWED_ORIGINS';
const ALLOWED_ORIGIN_NAME = 'ALLOWED_ORIGIN';
const HEADER_NAMES = new Set([ALLOW_ORIGIN, ALLOW_CREDENTIALS]);
const MENTIONS_CORS = /cors|access-control-allow-origin/iu;

export default createRule<Options, MessageIds>({
  name: 'no-wildcard-origin',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CORS policies that let every origin read an MCP server\'s responses',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      wildcardOrigin:
        '{{policy}} lets every origin read this server\'s responses: any web page the user visits can call this MCP server and read what its tools return. Allow only the origins you trust, from a constant allowlist, or none.',
      wildcardOriginWithCredentials:
        '{{policy}} together with credentials lets every origin make credentialed requests and read the responses: any web page the user visits can act as the user against this MCP server. Allow only the origins you trust, from a constant allowlist, and drop credentials unless a trusted origin needs them.',
      useAllowlist: `Allow only the origins in a constant \`${ALLOWLIST_NAME}\` (replace its placeholder origin with yours).`,
      useAllowedOrigin: `Allow only the origin in a constant \`${ALLOWED_ORIGIN_NAME}\` (replace its placeholder with yours).`,
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    if (!mentionsAny(sourceCode, MENTIONS_CORS)) return {};

    const wildcardHeaders: HeaderWrite[] = [];
    /** Functions and header objects that allow credentials. */
    const credentialScopes = new Set<TSESTree.Node>();

    const reportMiddleware = (use: CorsMiddlewareUse): void => {
      const { middleware, call } = use;
      const reading = readCorsOptions(sourceCode, use);
      const { origin, object } = reading;
      if (origin.kind === 'unknown') return;
      const credentials = reading.credentials || undefined;
      const messageId = credentials ? 'wildcardOriginWithCredentials' : 'wildcardOrigin';
      const allowlistFix = (fixer: RuleFixer, edit: (text: string) => RuleFix): RuleFix[] => [
        ...ensureModuleConstant(fixer, sourceCode, call, ALLOWLIST_NAME, `['${PLACEHOLDER_ORIGIN}']`),
        edit(middleware.allowlistOrigin(ALLOWLIST_NAME)),
      ];

      if (origin.kind === 'missing') {
        const setOrigin = (fixer: RuleFixer, value: string): RuleFix => {
          if (object) return appendObjectProperty(fixer, sourceCode, object, `origin: ${value}`);
          if (use.options) return fixer.replaceText(use.options, `{ origin: ${value} }`);
          return appendArgument(fixer, sourceCode, call, `{ origin: ${value} }`);
        };
        const defaultNote = middleware.credentialsReflectByDefault && credentials
          ? 'its default is `*`, which it turns into the request\'s own origin when credentials are on'
          : 'its default is `*`';
        context.report({
          node: call,
          messageId,
          data: { policy: `${middleware.display} without an \`origin\` option (${defaultNote})` },
          fix: (fixer) => setOrigin(fixer, middleware.denyOrigin),
          suggest: [
            {
              messageId: 'useAllowlist',
              fix: (fixer) => allowlistFix(fixer, (text) => setOrigin(fixer, text)),
            },
          ],
        });
        return;
      }

      const { property, value } = origin;
      if (!value) return;
      const wildcards = possibleValues(sourceCode, value).filter(
        (candidate) => candidate.known && middleware.isWildcardOrigin(candidate.value),
      );
      if (wildcards.length === 0) return;
      const literal = wildcards.some((candidate) => candidate.known && candidate.value === '*');
      context.report({
        node: property,
        messageId,
        data: {
          policy: literal
            ? `${middleware.display} with an \`origin\` that can be \`*\``
            : `${middleware.display} with an \`origin\` that it treats as \`*\``,
        },
        fix: (fixer) => replacePropertyValue(fixer, sourceCode, property, middleware.denyOrigin),
        suggest: [
          {
            messageId: 'useAllowlist',
            fix: (fixer) => allowlistFix(fixer, (text) => replacePropertyValue(fixer, sourceCode, property, text)),
          },
        ],
      });
    };

    const reportHeader = (write: HeaderWrite): void => {
      const credentials =
        credentialScopes.has(enclosingFunctionOrProgram(write.node)) ||
        (write.node.parent !== undefined && credentialScopes.has(write.node.parent));
      context.report({
        node: write.node,
        messageId: credentials ? 'wildcardOriginWithCredentials' : 'wildcardOrigin',
        data: { policy: '`Access-Control-Allow-Origin: *`' },
        fix: (fixer) => {
          if (write.form === 'property' || write.form === 'pair') return removeListElement(fixer, sourceCode, write.node);
          const statement = removableStatementOf(write.node);
          return statement ? removeStatement(fixer, sourceCode, statement) : null;
        },
        suggest: [
          {
            messageId: 'useAllowedOrigin',
            fix: (fixer) => [
              ...ensureModuleConstant(fixer, sourceCode, write.node, ALLOWED_ORIGIN_NAME, `'${PLACEHOLDER_ORIGIN}'`),
              fixer.replaceText(write.value, ALLOWED_ORIGIN_NAME),
            ],
          },
        ],
      });
    };

    const canBe = (node: TSESTree.Node, test: (value: unknown) => boolean): boolean =>
      possibleValues(sourceCode, node).some((candidate) => candidate.known && test(candidate.value));

    return {
      ...headerWriteListeners(sourceCode, HEADER_NAMES, (write) => {
        if (write.name === ALLOW_CREDENTIALS) {
          if (canBe(write.value, (value) => value === true || value === 'true')) {
            credentialScopes.add(enclosingFunctionOrProgram(write.node));
            if (write.form === 'property' && write.node.parent) credentialScopes.add(write.node.parent);
          }
        } else if (canBe(write.value, (value) => value === '*')) {
          wildcardHeaders.push(write);
        }
      }),
      'Program:exit'() {
        for (const use of findCorsMiddlewareUses(sourceCode)) reportMiddleware(use);
        for (const write of wildcardHeaders) reportHeader(write);
      },
    };
  },
});
