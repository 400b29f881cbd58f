import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';
import { PLACEHOLDER_ORIGIN, isTypeScriptFile } from '../fixes/constants';
import { fileStyle, quoted, statementEnd, styledFor } from '../fixes/style';
import { originCommentEdits, removableStatementOf, removeListElement, removeStatement } from '../fixes/edits';
import { inPlaceOf } from '../fixes/parentheses';
import { calledMethodName, skipTypeWrappers, walk } from '../analysis/ast';
import { originDecisionListeners } from '../analysis/origin-decisions';
import { createRule } from '../utils/create-rule';
import { credentialsClause } from '../utils/messages';
import { FAIL_CLOSED_SCHEMA, failClosed, type FailClosedOption } from '../utils/fail-closed';
import { findCorsMiddlewareUses, originOptions, type CorsMiddleware } from '../analysis/cors-middleware';
import { originChecksOnTheWay, originChecksWithin } from '../analysis/guards';
import { MENTIONS_ORIGIN_OR_CORS, mentionsAny } from '../analysis/imports';
import { carrierOf, environmentReadName, isEnvironmentObject, originSources } from '../analysis/origin-source';
import { ALLOW_ORIGIN, credentialHeaders, headerWrites, type HeaderWrite } from '../analysis/response-headers';
import { isLinted, placeOf, propertyName, staticValue, textOf, variableOf } from '../analysis/program';
import { typedCorsValues } from '../analysis/cors-types';
import { nextOriginHeaders } from '../analysis/next-config';
import {
  isFunctionNode,
  possibleValues,
  holdsThrough,
  resolveExpression,
  resolveFunction,
  returnedExpressions,
  type HandlerFunction,
} from '../analysis/values';
import { bindingLeavesFile, valueLeavesFile } from '../analysis/value-escape';
import { harmlessPolicy } from '../analysis/reach';
import { REACH_OPTION_SCHEMA, reachOptions } from '../utils/reach-options';

export type Options = [
  {
    allowEnvNames?: string[];
    reportExactAllowlists?: boolean;
    trustCredentialChecks?: boolean;
  } & FailClosedOption,
];
export type MessageIds = 'envAllowedOrigins' | 'envOriginsLeaveFile' | 'useConstantAllowlist' | 'useEmptyAllowlist';

/** Names that say a variable holds CORS origins. */
const CORS_ORIGIN_NAME = /CORS|ORIGIN/iu;
/**
 * Names of the other CORS settings, which hold no origin: `CORS_EXPOSE_HEADERS`,
 * `CORS_ALLOWED_METHODS`, `CORS_MAX_AGE`, `CORS_CREDENTIALS`, `CORS_ENABLED`, `MCP_CORS_MODE`,
 * and switches named by what they do (`MCP_HTTP_ALLOW_CORS`, `ENABLE_CORS`, `DISABLE_CORS`).
 */
const OTHER_CORS_SETTING =
  /(?:HEADERS?|METHODS?|MAX_?AGE|CREDENTIALS?|ENABLED?|DISABLED?|(?:^|_)(?:MODE|LEVEL)|(?:^|_)(?:ALLOW|ENABLE|DISABLE|USE|SKIP|NO)_?CORS)$/iu;
/**
 * Names of the server's own origin, which builds its URLs (`MCP_PUBLIC_ORIGIN`, `SERVER_ORIGIN`,
 * `BASE_ORIGIN`): no list of other sites. Read where it leaves the file, not where a policy uses it.
 */
const OWN_ORIGIN = /(?:^|_)(?:PUBLIC|SERVER|BASE|SELF|OWN|EXTERNAL)_?ORIGIN$/iu;
/** The environment, read here or in a module this file imports. */
const MENTIONS_ENV = /\benv\b|\bimport\b|\brequire\s*\(/u;

/**
 * Whether a sink only ever compares an origin with whole entries of a list: an array (from
 * `split`, `map`, `filter`, a literal) given to a CORS middleware that matches arrays exactly,
 * or a membership test on one. A string is not a list (`'*'` in an `origin` option is every
 * origin, and `includes` on a string matches parts), nor is a value whose shape is not known.
 */
function matchedExactly(sink: Sink): boolean {
  switch (sink.kind) {
    case 'middleware':
      // A Set is no array to a CORS middleware: `cors()` takes any other object as "allow all".
      return sink.middleware.matchesArraysExactly && holdsOnlyArrays(sink.value, false);
    case 'allowlist':
      return (
        sink.collection !== undefined && holdsOnlyArrays(sink.collection, true) && !asksForWildcard(sink.collection)
      );
    case 'header':
      return false;
  }
}

const ARRAY_METHODS = new Set(['split', 'map', 'filter', 'flatMap', 'slice', 'concat']);
const MEMBERSHIP = new Set(['includes', 'has', 'indexOf']);

/** Whether the code asks a list whether it holds `'*'` (`origins.includes('*')`): a wildcard it honours. */
function asksForWildcard(collection: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(collection);
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  return (variableOf(expression)?.references ?? []).some((reference) => {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return false;
    const call = member.parent;
    const name = propertyName(member);
    return (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee === member &&
      name !== null &&
      MEMBERSHIP.has(name) &&
      call.arguments[0] !== undefined &&
      staticValue(call.arguments[0])?.value === '*'
    );
  });
}

/** Whether every value an expression can hold is an array (or, where `sets`, a Set). */
function holdsOnlyArrays(node: TSESTree.Node, sets: boolean, depth = 0): boolean {
  // `parseCsv(process.env.CORS_ORIGINS)`: what the project's function returns, each time; in a
  // `?:` or a fallback, on each side.
  const target = skipTypeWrappers(resolveExpression(node) ?? node);
  if (depth < 6 && target.type === AST_NODE_TYPES.ConditionalExpression) {
    return holdsOnlyArrays(target.consequent, sets, depth + 1) && holdsOnlyArrays(target.alternate, sets, depth + 1);
  }
  if (depth < 6 && target.type === AST_NODE_TYPES.LogicalExpression && target.operator !== '&&') {
    return holdsOnlyArrays(target.left, sets, depth + 1) && holdsOnlyArrays(target.right, sets, depth + 1);
  }
  const called = target.type === AST_NODE_TYPES.CallExpression && depth < 6 ? resolveFunction(target.callee) : null;
  if (called) {
    const returned = returnedExpressions(called);
    return (
      returned.length > 0 &&
      !mayReturnNothing(called) &&
      returned.every((value) => holdsOnlyArrays(value, sets, depth + 1))
    );
  }
  const candidates = possibleValues(node);
  return (
    candidates.length > 0 &&
    candidates.every((candidate) => {
      if (candidate.known) return Array.isArray(candidate.value);
      const expression = skipTypeWrappers(candidate.node);
      // `value?.split(',')` is `undefined` without a value, which `cors` takes as `*`.
      if (isOptionalChain(candidate.node)) return false;
      if (expression.type === AST_NODE_TYPES.ArrayExpression) return true;
      if (expression.type === AST_NODE_TYPES.NewExpression) {
        return sets && expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === 'Set';
      }
      if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
      // `Array.from(list)`, `Array.of(…)`: an array whatever they are given.
      if (/^Array\.(?:from|of)$/u.test(textOf(skipTypeWrappers(expression.callee)))) return true;
      const method = calledMethodName(expression);
      return method !== null && ARRAY_METHODS.has(method);
    })
  );
}

/** Whether a value is an argument of a call of a function of the project. */
function passedToProjectFunction(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (
    parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== node && resolveFunction(parent.callee) !== null
  );
}

/** Whether a function may end without a value: a bare `return;`, or a body it can run off the end of. */
function mayReturnNothing(fn: HandlerFunction): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isOptionalChain(fn.body);
  let bare = false;
  walk(
    fn.body,
    (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument === null) bare = true;
    },
    (node) => node === fn.body || !isFunctionNode(node),
  );
  const last = fn.body.body.at(-1);
  return bare || (last?.type !== AST_NODE_TYPES.ReturnStatement && last?.type !== AST_NODE_TYPES.ThrowStatement);
}

/** `a?.b`, `a?.split(',')`: `undefined` when the start is nullish. */
function isOptionalChain(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSNonNullExpression) {
    current = current.expression;
  }
  return current.type === AST_NODE_TYPES.ChainExpression;
}

/** Where an origin read from the environment ends up. */
type Sink =
  /** `value` is the whole `origin` option. */
  (
    | { readonly kind: 'middleware'; readonly middleware: CorsMiddleware; readonly value: TSESTree.Node }
    | {
        readonly kind: 'header';
        readonly write?: HeaderWrite;
        /** For a header of Next.js's `headers()`: its value, and what goes when it goes. */
        readonly config?: { readonly value: TSESTree.Node; readonly removable: TSESTree.Node | null };
      }
    | { readonly kind: 'allowlist'; readonly collection?: TSESTree.Node }
  ) & {
    /** Credentials are allowed beside it: the options turn them on, or the code sends the header. */
    readonly credentials?: boolean;
    /** Where the linted file sets the policy up: a read in another module is reported there. */
    readonly site: TSESTree.Node;
  };

export default createRule<Options, MessageIds>({
  name: 'no-env-allowed-origins',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CORS origin allowlists read from environment variables',
      recommended: true,
      strictOptions: [{ reportExactAllowlists: true, trustCredentialChecks: false }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowEnvNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Environment variables that may keep deciding the allowed origins.',
          },
          reportExactAllowlists: {
            type: 'boolean',
            description:
              'Also report an allowlist from the environment that is only ever matched exactly, where `*` in it is one more name rather than every origin. `true` in `strict`.',
          },
          trustCredentialChecks: {
            ...REACH_OPTION_SCHEMA.trustCredentialChecks,
            description:
              'Leave an allowlist from the environment alone when every endpoint its policy reaches refuses requests without a bearer token or custom-header credential and credentials are not allowed: any site it could name gets only refusals. `false` in `strict`.',
          },
          ...FAIL_CLOSED_SCHEMA,
        },
      },
    ],
    defaultOptions: [
      { allowEnvNames: [], reportExactAllowlists: false, trustCredentialChecks: true, failClosedFix: false },
    ],
    messages: {
      envAllowedOrigins: 'Allowed origins come from env {{name}}: whoever edits it can allow any site{{credentials}}.',
      envOriginsLeaveFile: 'Env {{name}} looks like a CORS origin allowlist and leaves this file; keep it in source.',
      useConstantAllowlist: 'Use a constant allowlist in source.',
      useEmptyAllowlist: 'Use an empty constant allowlist, which allows no origin.',
    },
  },
  defaultOptions: [
    { allowEnvNames: [], reportExactAllowlists: false, trustCredentialChecks: true, failClosedFix: false },
  ],
  create(context, [{ allowEnvNames = [], reportExactAllowlists = false, trustCredentialChecks = true }]) {
    const { sourceCode } = context;
    /** Code the fixes write (in `'`, with `;` and two spaces a level), in the file's own style. */
    const styled = styledFor(sourceCode);
    const reach = reachOptions({ trustCredentialChecks, trustRemoteDeployments: false });
    // Every sink and every name this rule looks for says origin or CORS somewhere in the file.
    if (!mentionsAny(sourceCode, MENTIONS_ENV) || !mentionsAny(sourceCode, MENTIONS_ORIGIN_OR_CORS)) return {};
    const typescript = isTypeScriptFile(context.filename);
    const allowed = new Set(allowEnvNames);
    const reported = new Set<TSESTree.Node>();
    /** Reads that reach only lists matched exactly, left alone. */
    const judged = new Set<TSESTree.Node>();
    const envReads: { node: TSESTree.Node; name: string | null }[] = [];
    const headerValues: HeaderWrite[] = [];
    const guardedEchoes: { site: TSESTree.Node; origin: TSESTree.Node }[] = [];

    let emptyAdmitting: TSESTree.Node[] | undefined;
    /**
     * Whether an origin check lets every origin in while the list this read makes is empty
     * (`if (allowed.length === 0) return callback(null, true)`): no-reflected-origin reports it.
     */
    const emptyAdmits = (read: TSESTree.Node): boolean => {
      if (!emptyAdmitting) {
        const lists: TSESTree.Node[] = [];
        originDecisionListeners(sourceCode, { admitsWhenEmpty: ({ list }) => lists.push(list) })['Program:exit']?.(
          sourceCode.ast,
        );
        emptyAdmitting = lists.flatMap((list) => [
          ...possibleValues(list).map((value) => value.node),
          // What the code puts in it: `allowed.push(...process.env.ALLOWED_ORIGINS.split(','))`.
          ...(list.type === AST_NODE_TYPES.Identifier ? (variableOf(list)?.references ?? []) : []).flatMap(
            (reference) => {
              const call = (reference.identifier as TSESTree.Node).parent?.parent;
              return call?.type === AST_NODE_TYPES.CallExpression ? [call] : [];
            },
          ),
        ]);
      }
      // In place, or through the names it uses (`raw ? raw.split(',') : []`).
      return emptyAdmitting.some((value) => holdsThrough(value, (inner) => inner === read, 4));
    };

    /** What replaces an env-derived expression: an allowlist of the shape the code expects. */
    const replacement = (
      carrier: TSESTree.Node,
      sink: Sink | null,
      origins: readonly string[],
      names: FallbackNames = {},
    ): string => {
      const text = textOf(carrier);
      const style = fileStyle(sourceCode);
      const written = origins.map((origin) => quoted(origin, style)).join(', ');
      // A constant of the file's that holds the origins is named rather than copied.
      const list = names.list ?? `[${written}]`;
      // The whole option: the middleware's own shapes (`cors()` takes a Set as "allow all").
      if (sink?.kind === 'middleware' && carrier === skipTypeWrappers(sink.value) && /^new\s+Set\b/u.test(text)) {
        return origins.length === 0
          ? styled(sink.middleware.denyOrigin)
          : styled(sink.middleware.allowlistOrigin(list));
      }
      if (/^new\s+Set\b/u.test(text))
        return typescript && origins.length === 0 ? 'new Set<string>()' : `new Set(${list})`;
      const wholeOption = sink?.kind === 'middleware' && carrier === skipTypeWrappers(sink.value);
      if (wholeOption && origins.length === 0 && sink.middleware.isWildcardOrigin([]))
        return styled(sink.middleware.denyOrigin);
      if (/\.(?:split|map|filter|flatMap)\s*\(|JSON\.parse|Array\.from/u.test(text)) {
        const holder = carrier.parent;
        const annotated =
          holder?.type === AST_NODE_TYPES.VariableDeclarator &&
          holder.id.type === AST_NODE_TYPES.Identifier &&
          holder.id.typeAnnotation !== undefined;
        return typescript && !annotated && origins.length === 0 ? '[] as string[]' : list;
      }
      // The middleware's own shapes only where the read is the whole option, not a piece of it.
      if (sink?.kind === 'middleware' && carrier === skipTypeWrappers(sink.value)) {
        return origins.length === 0
          ? styled(sink.middleware.denyOrigin)
          : styled(sink.middleware.allowlistOrigin(list));
      }
      // A single origin, as a string: '' matches no origin.
      return names.single ?? quoted(origins[0] ?? '', style);
    };

    /**
     * Replaces an environment read with an allowlist in source: the whole expression that
     * carries the read (`process.env.X?.split(',') ?? []`), or for `const { X } = process.env`,
     * the binding, which becomes a constant of its own.
     */
    const fixRead = (
      fixer: RuleFixer,
      read: TSESTree.Node,
      name: string | null,
      sink: Sink | null,
      wanted: readonly string[],
      names: FallbackNames = {},
    ): RuleFix[] | null => {
      const origins = wanted;
      // What a function of the project makes of an empty string is its own affair
      // (`if (!value) return;` leaves `origin` undefined, which `cors` takes as `*`): no empty list there.
      if (origins.length === 0 && passedToProjectFunction(carrierOf(read))) return null;
      // A middleware that answers `*` for an empty list (xmcp) is closed only by its own deny value,
      // which can take the place of the whole option and nothing less.
      if (
        origins.length === 0 &&
        sink?.kind === 'middleware' &&
        sink.middleware.isWildcardOrigin([]) &&
        carrierOf(read) !== skipTypeWrappers(sink.value)
      )
        return null;
      // `setHeader('Access-Control-Allow-Origin', process.env.X)`: no origin at all is no header, not
      // an empty one.
      const write = sink?.kind === 'header' ? sink.write : undefined;
      if (
        origins.length === 0 &&
        write &&
        isLinted(write.node) &&
        read.type !== AST_NODE_TYPES.Property &&
        carrierOf(read) === skipTypeWrappers(write.value)
      ) {
        if (write.form === 'property' || write.form === 'pair')
          return [removeListElement(fixer, sourceCode, write.node)];
        const statement = write.form === 'call' ? removableStatementOf(write.node) : null;
        if (statement) return [removeStatement(fixer, sourceCode, statement)];
      }
      const config = sink?.kind === 'header' ? sink.config : undefined;
      if (origins.length === 0 && config && carrierOf(read) === skipTypeWrappers(config.value)) {
        return config.removable === null ? null : [removeListElement(fixer, sourceCode, config.removable)];
      }
      const note =
        origins.length === 0 ? ` /* was ${name ? `env ${name}` : textOf(read)}: list the allowed origins here */` : '';
      if (read.type === AST_NODE_TYPES.Property) {
        const pattern = read.parent;
        const declarator = pattern?.parent;
        const declaration = declarator?.parent;
        if (
          pattern?.type !== AST_NODE_TYPES.ObjectPattern ||
          declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
          declaration?.type !== AST_NODE_TYPES.VariableDeclaration ||
          read.value.type !== AST_NODE_TYPES.Identifier
        ) {
          return null;
        }
        // The binding keeps the type of an environment variable, a string, unless it is the whole
        // `origin` option of a middleware that takes `''` for `*` (@koa/cors) or rejects it (@fastify/cors).
        const direct = sink?.kind === 'middleware' && sourceUse(read.value.name, sink.value) !== null;
        const value =
          direct && sink?.kind === 'middleware'
            ? replacement(sink.value, sink, origins)
            : quoted(origins.join(','), fileStyle(sourceCode));
        const constant = `const ${read.value.name} = ${value}${statementEnd(fileStyle(sourceCode))}${note}`;
        if (pattern.properties.length === 1 && declaration.declarations.length === 1) {
          return [fixer.replaceText(declaration, constant)];
        }
        const indent = sourceCode.lines[declaration.loc.start.line - 1]!.slice(0, declaration.loc.start.column);
        return [
          removeListElement(fixer, sourceCode, read),
          fixer.insertTextAfter(declaration, `\n${indent}${constant}`),
        ];
      }
      const carrier = carrierOf(read);
      // A comment that says the option allows every origin is made false by any allowlist; an empty
      // one says what it is in its own note.
      const property = carrier.parent;
      const comments =
        property?.type === AST_NODE_TYPES.Property && property.value === carrier && propertyName(property) === 'origin'
          ? originCommentEdits(fixer, sourceCode, property, false)
          : [];
      return [
        fixer.replaceText(
          carrier,
          `${inPlaceOf(sourceCode, carrier, replacement(carrier, sink, origins, names))}${note}`,
        ),
        ...comments,
      ];
    };

    const reportRead = (read: TSESTree.Node, name: string | null, sink: Sink | null): void => {
      if ((name && allowed.has(name)) || reported.has(read)) return;
      // An operator who sets `*` in a list matched exactly names one more origin, not every one:
      // the list stays theirs to set, unless it is sent with credentials (docs/threat-model.md).
      // A list passed on to code this file does not show may be matched any way: reported.
      if (!reportExactAllowlists && sink && !sink.credentials && matchedExactly(sink)) {
        judged.add(read);
        return;
      }
      // A policy in front of endpoints that all refuse a request without a bearer token or a
      // custom-header credential, with no credentials allowed (any site it names reads refusals),
      // or only public ones, or those of a server that serves no MCP: as the other origin rules.
      if (sink && isLinted(sink.site) && harmlessPolicy(sourceCode, sink.site, sink.credentials === true, reach)) {
        judged.add(read);
        return;
      }
      reported.add(read);
      // A read in another module is reported where this file uses what it reads; it is fixed there.
      if (!isLinted(read)) {
        if (!sink) return;
        context.report({
          node: sink.site,
          messageId: 'envAllowedOrigins',
          data: {
            name: `${name ? `\`${name}\`` : `read by \`${textOf(read)}\``} (from ${placeOf(read, context)})`,
            credentials: credentialsClause(sink.credentials === true),
          },
        });
        return;
      }
      // An empty list is no fix where an origin check lets every origin in while its list is empty.
      const emptyOffered = !emptyAdmits(read);
      // The origins the server runs with while the variable is unset, written in source
      // (`?? ['http://localhost:6274']`): the allowlist to keep, ahead of an empty one.
      const kept = read.type === AST_NODE_TYPES.Property ? null : inSourceFallback(read);
      const empty = {
        messageId: 'useEmptyAllowlist' as const,
        fix: (fixer: RuleFixer) => fixRead(fixer, read, name, sink, []),
      };
      const constant = (origins: readonly string[], names?: FallbackNames) => ({
        messageId: 'useConstantAllowlist' as const,
        fix: (fixer: RuleFixer) => fixRead(fixer, read, name, sink, origins, names),
      });
      const first = kept ? constant(kept.origins, kept.names) : emptyOffered ? empty : null;
      const others = kept ? (emptyOffered ? [empty] : []) : [constant([PLACEHOLDER_ORIGIN])];
      context.report({
        node: read,
        messageId: sink ? 'envAllowedOrigins' : 'envOriginsLeaveFile',
        data: {
          name: name ? `\`${name}\`` : `read by \`${textOf(read)}\``,
          credentials: credentialsClause(sink?.credentials === true),
        },
        // A report made on the name alone is not sure enough to rewrite code on save.
        fix: sink && first ? failClosed(first) : null,
        suggest: [...(sink || !first ? [] : [first]), ...others],
      });
    };

    /** The option value itself when it is just the name of the binding (`origin: CORS_ORIGIN`). */
    const sourceUse = (name: string, value: TSESTree.Node): TSESTree.Node | null => {
      const expression = skipTypeWrappers(value);
      return expression.type === AST_NODE_TYPES.Identifier && expression.name === name ? expression : null;
    };

    const reportAllowlistsIn = (node: TSESTree.Node, sink: Sink): void => {
      for (const source of originSources(node)) {
        if (source.kind === 'environment') reportRead(source.node, source.envName ?? null, sink);
      }
    };

    return {
      MemberExpression(node) {
        // Cheap shape test first: `<x>.env.NAME`, `<x>['env'].NAME` or `env.NAME` (any alias is checked below).
        const object = skipTypeWrappers(node.object);
        const looksLikeEnv =
          (object.type === AST_NODE_TYPES.MemberExpression &&
            ((object.property.type === AST_NODE_TYPES.Identifier && object.property.name === 'env') ||
              (object.property.type === AST_NODE_TYPES.Literal && object.property.value === 'env'))) ||
          // `env.X` (Workers), or an alias such as `const env = process.env` / `config.ENV`-like names.
          (object.type === AST_NODE_TYPES.Identifier && /env/iu.test(object.name));
        if (!looksLikeEnv || (node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node))
          return;
        const name = environmentReadName(node);
        if (name !== undefined) envReads.push({ node, name });
      },
      VariableDeclarator(node) {
        // `const { CORS_ORIGINS } = process.env`
        if (node.id.type !== AST_NODE_TYPES.ObjectPattern || !node.init) return;
        if (!isEnvironmentObject(skipTypeWrappers(node.init))) return;
        for (const property of node.id.properties) {
          if (
            property.type !== AST_NODE_TYPES.Property ||
            property.computed ||
            property.key.type !== AST_NODE_TYPES.Identifier
          )
            continue;
          envReads.push({ node: property, name: property.key.name });
        }
      },
      'Program:exit'() {
        const credentials = credentialHeaders(sourceCode);
        for (const write of headerWrites(sourceCode)) {
          if (write.name !== ALLOW_ORIGIN) continue;
          headerValues.push(write);
          for (const source of originSources(write.value)) {
            if (source.kind === 'request-origin') {
              guardedEchoes.push({ site: source.entry, origin: skipTypeWrappers(source.node) });
            }
          }
        }
        for (const use of findCorsMiddlewareUses(sourceCode)) {
          for (const { value, credentials } of originOptions(use)) {
            reportAllowlistsIn(value, {
              kind: 'middleware',
              middleware: use.middleware,
              value,
              credentials,
              site: use.site,
            });
            // Origin functions that check against a list: `(origin, cb) => cb(null, list.includes(origin))`.
            for (const check of originChecksWithin(value)) {
              if (check.collection)
                reportAllowlistsIn(check.collection, {
                  kind: 'allowlist',
                  collection: check.collection,
                  credentials,
                  site: use.site,
                });
            }
          }
        }
        for (const write of headerValues) {
          reportAllowlistsIn(write.value, {
            kind: 'header',
            write,
            credentials: credentials.besides(write.site),
            site: write.site,
          });
        }
        // `{ key: 'Access-Control-Allow-Origin', value: process.env.CORS_ORIGIN }` in Next.js's `headers()`.
        for (const header of nextOriginHeaders(sourceCode, reach.trustCredentialChecks)) {
          reportAllowlistsIn(header.value, {
            kind: 'header',
            config: { value: header.value, removable: header.removable },
            site: header.value,
          });
        }
        for (const { site, origin } of guardedEchoes) {
          for (const check of originChecksOnTheWay(site, origin)) {
            if (check.collection) {
              reportAllowlistsIn(check.collection, {
                kind: 'allowlist',
                collection: check.collection,
                credentials: credentials.besides(site),
                site,
              });
            }
          }
        }
        // Values the code declares to be a CORS `origin` by their type (`CorsOptions['origin']`):
        // read from the environment directly, or computed from it by a function of the project
        // (`getCorsOrigin(process.env.CORS_ORIGIN)`), which this file reports where the value is set.
        for (const typed of typedCorsValues(sourceCode)) {
          if (typed.part !== 'origin') continue;
          const sink: Sink = { kind: 'allowlist', site: typed.site };
          for (const source of originSources(typed.value)) {
            if (source.kind === 'environment') {
              reportRead(source.node, source.envName ?? null, sink);
              continue;
            }
            const call = skipTypeWrappers(source.node);
            if (call.type !== AST_NODE_TYPES.CallExpression || !resolveFunction(call.callee)) continue;
            for (const argument of call.arguments) {
              for (const derived of originSources(argument)) {
                if (derived.kind !== 'environment' || reported.has(derived.node)) continue;
                if (derived.envName && allowed.has(derived.envName)) continue;
                reported.add(derived.node);
                const name = derived.envName ? `\`${derived.envName}\`` : `read by \`${textOf(derived.node)}\``;
                context.report({
                  node: isLinted(typed.site) ? typed.site : typed.value,
                  messageId: 'envAllowedOrigins',
                  data: {
                    name: `${name} (${isLinted(derived.node) ? `line ${derived.node.loc.start.line}` : placeOf(derived.node, context)})`,
                    credentials: '',
                  },
                });
              }
            }
          }
        }
        // Reads whose names say they hold origins, passed on to code this file does not show.
        for (const read of envReads) {
          if (
            read.name === null ||
            !CORS_ORIGIN_NAME.test(read.name) ||
            OTHER_CORS_SETTING.test(read.name) ||
            (OWN_ORIGIN.test(read.name) && !/CORS|ALLOW|TRUST/iu.test(read.name))
          )
            continue;
          const binding = read.node.type === AST_NODE_TYPES.Property ? read.node.value : null;
          const leaves =
            binding?.type === AST_NODE_TYPES.Identifier
              ? bindingLeavesFile(
                  read.node.parent!.parent as TSESTree.VariableDeclarator,
                  0,
                  binding.name,
                  !reportExactAllowlists,
                )
              : valueLeavesFile(read.node, 0, !reportExactAllowlists);
          // One this file matches exactly is judged already: it does not leave the file.
          if (leaves && !judged.has(read.node)) reportRead(read.node, read.name, null);
        }
      },
    };
  },
});

/**
 * The origins an environment read falls back to in source, which the server runs with while the
 * variable is unset: `process.env.X ?? 'http://localhost:5173'`, `process.env.X || ORIGIN`,
 * `process.env.X?.split(',') ?? ['http://localhost:6274']`, `(process.env.X ?? 'http://a,http://b').split(',')`.
 */
function inSourceFallback(read: TSESTree.Node): Fallback | null {
  const carrier = carrierOf(read);
  for (let current = read; current !== carrier && current.parent; current = current.parent) {
    const parent = current.parent;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== '&&' && parent.left === current) {
      return fallbackOrigins(parent.right, /\.split\s*\(/u.test(textOf(carrier)));
    }
  }
  return null;
}

/** An origin the fixes keep: a whole `http(s)` origin, no `*`, no list. */
const ORIGIN = /^https?:\/\/[^\s,*]+$/u;

/**
 * The origins a fallback holds when they are constant: one origin, a list of them (`['…']`,
 * `new Set(['…'])`, or a constant holding one), or a comma-separated string of them where the
 * code splits it. `null` for anything else (a `*`, an empty list, a value of the environment).
 */
function fallbackOrigins(node: TSESTree.Node, split: boolean): Fallback | null {
  let written = skipTypeWrappers(node);
  let expression = skipTypeWrappers(resolveExpression(written) ?? written);
  if (
    expression.type === AST_NODE_TYPES.NewExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'Set' &&
    expression.arguments.length === 1
  ) {
    written = skipTypeWrappers(expression.arguments[0]!);
    expression = skipTypeWrappers(resolveExpression(written) ?? written);
  }
  const value = staticValue(expression)?.value;
  const origins =
    typeof value === 'string'
      ? split
        ? value.split(',').map((origin) => origin.trim())
        : [value]
      : Array.isArray(value)
        ? (value as unknown[])
        : null;
  if (
    !origins ||
    origins.length === 0 ||
    !origins.every((origin): origin is string => typeof origin === 'string' && ORIGIN.test(origin))
  )
    return null;
  // A constant that holds the list (or the one origin) as the replacement needs it keeps its name.
  const name = written.type === AST_NODE_TYPES.Identifier ? written.name : null;
  const names: FallbackNames =
    name === null
      ? {}
      : Array.isArray(value)
        ? { list: name }
        : typeof value === 'string' && !split
          ? { single: name }
          : {};
  return { origins, names };
}

/** Names of constants of the file that hold the origins a fix keeps: as a list, or as one origin. */
interface FallbackNames {
  readonly list?: string;
  readonly single?: string;
}

/** The origins a read falls back to in source, and the constant that holds them, if one does. */
interface Fallback {
  readonly origins: string[];
  readonly names: FallbackNames;
}
