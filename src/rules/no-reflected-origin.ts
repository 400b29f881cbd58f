import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';
import { PLACEHOLDER_ORIGIN, ensureModuleDeclarations, isTypeScriptFile } from '../fixes/constants';
import { asOperand, inlineLeaves, replacePropertyValue } from '../fixes/edits';
import { enclosingFunctionOrProgram, skipTypeWrappers, topLevelStatement } from '../utils/ast';
import { createRule } from '../utils/create-rule';
import {
  allowsCredentials,
  corsOptionsBranches,
  findCorsMiddlewareUses,
  unconditionalAllow,
  type CorsMiddlewareUse,
} from '../utils/cors-middleware';
import { findOriginGuard } from '../utils/guards';
import { mentionsAny } from '../utils/modules';
import { originSources } from '../utils/origin-source';
import { ALLOW_CREDENTIALS, ALLOW_ORIGIN, headerWriteListeners, type HeaderWrite } from '../utils/response-headers';
import { findObjectProperty, possibleValues } from '../utils/values';

export type Options = [];
export type MessageIds = 'reflectedOrigin' | 'reflectedOriginWithCredentials' | 'useAllowlist';

const ALLOWLIST_NAME = 'ALLOWED_ORIGINS';
const CHECK_NAME = 'allowedOrigin';
const HEADER_NAMES = new Set([ALLOW_ORIGIN, ALLOW_CREDENTIALS]);
const MENTIONS_CORS = /cors|access-control-allow-origin/iu;

export default createRule<Options, MessageIds>({
  name: 'no-reflected-origin',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow CORS policies that echo the request's Origin back without checking it against an allowlist",
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      reflectedOrigin:
        "{{policy}} echoes the request's own Origin back, so every origin is allowed: any web page the user visits can call this MCP server and read what its tools return. Echo the Origin only after checking it against a constant allowlist.",
      reflectedOriginWithCredentials:
        "{{policy}} echoes the request's own Origin back with credentials allowed: any web page the user visits can send the user's cookies or credentials to this MCP server and read the answers, acting as the user. Echo the Origin only after checking it against a constant allowlist, and drop credentials unless a trusted origin needs them.",
      useAllowlist: `Allow only the origins in a constant \`${ALLOWLIST_NAME}\` (replace its placeholder origin with yours).`,
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    if (!mentionsAny(sourceCode, MENTIONS_CORS)) return {};
    const typescript = isTypeScriptFile(context.filename);

    const echoedHeaders: { write: HeaderWrite; read: TSESTree.Node }[] = [];
    const credentialScopes = new Set<TSESTree.Node>();

    /** The allowlist constant, and for headers the function that checks an origin against it. */
    const declarations = (withCheck: boolean, origins: string): { name: string; text: string }[] => {
      const list = typescript
        ? `const ${ALLOWLIST_NAME}: string[] = [${origins}];`
        : `const ${ALLOWLIST_NAME} = [${origins}];`;
      const check = typescript
        ? `/** The request's origin when ${ALLOWLIST_NAME} lists it, else '' (which matches no origin). */\nfunction ${CHECK_NAME}(origin: unknown): string {\n  return typeof origin === 'string' && ${ALLOWLIST_NAME}.includes(origin) ? origin : '';\n}`
        : `/** The request's origin when ${ALLOWLIST_NAME} lists it, else '' (which matches no origin). */\nfunction ${CHECK_NAME}(origin) {\n  return typeof origin === 'string' && ${ALLOWLIST_NAME}.includes(origin) ? origin : '';\n}`;
      return [{ name: ALLOWLIST_NAME, text: list }, ...(withCheck ? [{ name: CHECK_NAME, text: check }] : [])];
    };

    const reportHeader = (
      { write, read }: { write: HeaderWrite; read: TSESTree.Node },
      before: TSESTree.ProgramStatement,
    ): void => {
      const credentials =
        credentialScopes.has(enclosingFunctionOrProgram(write.node)) ||
        (write.node.parent !== undefined && credentialScopes.has(write.node.parent));
      // The echoed value goes through the check: the read itself when it is written in the value,
      // else the name that carries it there.
      const inValue = write.value.range[0] <= read.range[0] && read.range[1] <= write.value.range[1];
      const argument = sourceCode.getText(inValue ? read : write.value);
      const rewrite = (fixer: RuleFixer, origins: string): RuleFix[] => [
        ...ensureModuleDeclarations(fixer, sourceCode, write.node, declarations(true, origins), before),
        fixer.replaceText(write.value, `${CHECK_NAME}(${argument})`),
      ];
      context.report({
        node: write.node,
        messageId: credentials ? 'reflectedOriginWithCredentials' : 'reflectedOrigin',
        data: { policy: 'This `Access-Control-Allow-Origin` header' },
        fix: (fixer) => rewrite(fixer, ''),
        suggest: [{ messageId: 'useAllowlist', fix: (fixer) => rewrite(fixer, `'${PLACEHOLDER_ORIGIN}'`) }],
      });
    };

    const reportMiddleware = (use: CorsMiddlewareUse): void => {
      const { middleware } = use;
      for (const branch of corsOptionsBranches(sourceCode, use)) {
        if (branch.kind !== 'object') continue;
        const origin = findObjectProperty(sourceCode, branch.object, 'origin');
        if (origin.kind !== 'found') continue;
        const { property } = origin;
        const value = origin.value ?? (property.method ? property.value : null);
        if (!value) continue;
        const credentials = allowsCredentials(sourceCode, middleware, branch.object);
        const messageId = credentials ? 'reflectedOriginWithCredentials' : 'reflectedOrigin';
        const withAllowlist = (fixer: RuleFixer, edits: (text: string) => RuleFix[]): RuleFix[] => [
          ...ensureModuleDeclarations(fixer, sourceCode, use.call, declarations(false, `'${PLACEHOLDER_ORIGIN}'`)),
          ...edits(middleware.allowlistOrigin(ALLOWLIST_NAME)),
        ];

        if (middleware.reflectsOnTrue) {
          const candidates = possibleValues(sourceCode, value);
          const reflecting = candidates.filter((candidate) => candidate.known && candidate.value === true);
          if (reflecting.length > 0) {
            const leaves = inlineLeaves(value, candidates, reflecting);
            const replace = (fixer: RuleFixer, text: string): RuleFix[] =>
              leaves
                ? leaves.map((leaf) => fixer.replaceText(leaf, asOperand(text)))
                : [replacePropertyValue(fixer, sourceCode, property, text)];
            report(property, messageId, `${middleware.display} with \`origin: true\``, replace, withAllowlist, middleware.denyOrigin);
            continue;
          }
        }
        const allowing = unconditionalAllow(sourceCode, value);
        if (allowing) {
          const replace = (fixer: RuleFixer, text: string): RuleFix[] => [replacePropertyValue(fixer, sourceCode, property, text)];
          report(
            property,
            messageId,
            `${middleware.display} with an \`origin\` function that always says yes`,
            replace,
            withAllowlist,
            middleware.denyOrigin,
          );
        }
      }
    };

    const reported = new Set<TSESTree.Node>();
    const report = (
      node: TSESTree.Node,
      messageId: MessageIds,
      policy: string,
      replace: (fixer: RuleFixer, text: string) => RuleFix[],
      withAllowlist: (fixer: RuleFixer, edits: (text: string) => RuleFix[]) => RuleFix[],
      deny: string,
    ): void => {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({
        node,
        messageId,
        data: { policy },
        fix: (fixer) => replace(fixer, deny),
        suggest: [{ messageId: 'useAllowlist', fix: (fixer) => withAllowlist(fixer, (text) => replace(fixer, text)) }],
      });
    };

    return {
      ...headerWriteListeners(sourceCode, HEADER_NAMES, (write) => {
        if (write.name === ALLOW_CREDENTIALS) {
          if (possibleValues(sourceCode, write.value).some((value) => value.known && (value.value === true || value.value === 'true'))) {
            credentialScopes.add(enclosingFunctionOrProgram(write.node));
            if (write.form === 'property' && write.node.parent) credentialScopes.add(write.node.parent);
          }
          return;
        }
        const unguarded = originSources(sourceCode, write.value).find(
          (source) => source.kind === 'request-origin' && !findOriginGuard(sourceCode, source.entry, skipTypeWrappers(source.node)),
        );
        if (unguarded) echoedHeaders.push({ write, read: unguarded.entry });
      }),
      'Program:exit'() {
        for (const use of findCorsMiddlewareUses(sourceCode)) reportMiddleware(use);
        // Every echo's fix declares the allowlist before the first echo's statement: one place per file.
        echoedHeaders.sort((a, b) => a.write.node.range[0] - b.write.node.range[0]);
        const before = echoedHeaders[0] && topLevelStatement(echoedHeaders[0].write.node);
        for (const echoed of echoedHeaders) reportHeader(echoed, before!);
      },
    };
  },
});
