import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { calledMethodName, skipTypeWrappers } from './ast';
import { CALL, READ, mentionsAny, trackModules } from './modules';
import { findObjectProperty, possibleValues, resolveObjectExpression, type PropertyLookup } from './values';

/**
 * What one CORS middleware package accepts and does by default. Each fact here was read from
 * the package's own source; see the comments.
 */
export interface CorsMiddleware {
  /** The npm package. */
  readonly module: string;
  /** How the code uses it, for messages: "`cors()`". */
  readonly display: string;
  /** Express, Hono and Koa call a factory; Fastify registers a plugin. */
  readonly usage: 'call' | 'register';
  /** Whether a static `origin` value lets every origin in. */
  isWildcardOrigin(value: unknown): boolean;
  /** Source text of an `origin` value that lets no origin in. */
  readonly denyOrigin: string;
  /** Source text of an `origin` value that lets in only the origins in the array `allowlist`. */
  allowlistOrigin(allowlist: string): string;
  /** With `credentials: true` and its default origin, the middleware echoes the request's Origin. */
  readonly credentialsReflectByDefault: boolean;
}

export const CORS_MIDDLEWARES: readonly CorsMiddleware[] = [
  {
    // cors/lib/index.js: defaults `origin: '*'`; `!options.origin || origin === '*'` allows any
    // origin only when the key is absent (defaults are merged first) or '*'; `false` skips CORS.
    module: 'cors',
    display: '`cors()`',
    usage: 'call',
    isWildcardOrigin: (value) => value === '*',
    denyOrigin: 'false',
    allowlistOrigin: (allowlist) => allowlist,
    credentialsReflectByDefault: false,
  },
  {
    // hono/dist/middleware/cors: defaults `origin: '*'`; an array allows its members only, so `[]`
    // allows none.
    module: 'hono/cors',
    display: "`cors()` from 'hono/cors'",
    usage: 'call',
    isWildcardOrigin: (value) => value === '*',
    denyOrigin: '[]',
    allowlistOrigin: (allowlist) => allowlist,
    credentialsReflectByDefault: false,
  },
  {
    // @fastify/cors/index.js: defaults `origin: '*'`; an array that contains '*' also answers '*';
    // `false` adds no CORS headers.
    module: '@fastify/cors',
    display: '`@fastify/cors`',
    usage: 'register',
    isWildcardOrigin: (value) => value === '*' || (Array.isArray(value) && value.includes('*')),
    denyOrigin: 'false',
    allowlistOrigin: (allowlist) => allowlist,
    credentialsReflectByDefault: false,
  },
  {
    // @koa/cors v5 index.js: a non-function origin is `options.origin || '*'`, so every falsy value
    // is a wildcard too, and with credentials the '*' becomes the request's own Origin. Only a
    // function that returns a falsy value skips CORS.
    module: '@koa/cors',
    display: "`cors()` from '@koa/cors'",
    usage: 'call',
    isWildcardOrigin: (value) => typeof value !== 'function' && (value === '*' || !value),
    denyOrigin: "() => ''",
    allowlistOrigin: (allowlist) =>
      `(ctx) => (${allowlist}.includes(ctx.get('Origin')) ? ctx.get('Origin') : '')`,
    credentialsReflectByDefault: true,
  },
];

const MENTIONS_CORS_MODULE = /cors/u;

/** One place where a file sets up a CORS middleware. */
export interface CorsMiddlewareUse {
  readonly middleware: CorsMiddleware;
  /** `cors(...)`, or `fastify.register(cors, ...)`. */
  readonly call: TSESTree.CallExpression;
  /** The options argument as written, `null` when there is none, `undefined` when it cannot be read (a spread). */
  readonly options: TSESTree.Node | null | undefined;
}

/** Every CORS middleware the file imports and sets up, found by what was imported. */
export function findCorsMiddlewareUses(sourceCode: Readonly<SourceCode>): CorsMiddlewareUse[] {
  if (!mentionsAny(sourceCode, MENTIONS_CORS_MODULE)) return [];
  const traceMap: Record<string, Record<string | symbol, unknown>> = {};
  for (const middleware of CORS_MIDDLEWARES) {
    traceMap[middleware.module] =
      middleware.usage === 'call'
        ? // A CommonJS export is the default import; hono's is a named export.
          { [CALL]: middleware, cors: { [CALL]: middleware }, default: { [CALL]: middleware } }
        : { [READ]: middleware, fastifyCors: { [READ]: middleware }, default: { [READ]: middleware } };
  }
  const uses: CorsMiddlewareUse[] = [];
  for (const { node, info } of trackModules<CorsMiddleware>(sourceCode, traceMap as never)) {
    const middleware = info;
    if (middleware.usage === 'call') {
      if (node.type !== AST_NODE_TYPES.CallExpression) continue;
      uses.push({ middleware, call: node, options: argumentAt(node, 0) });
    } else {
      const call = registeringCall(node);
      if (call) uses.push({ middleware, call, options: argumentAt(call, 1) });
    }
  }
  return uses;
}

/** `app.register(plugin, options)` where `plugin` is this very reference. */
function registeringCall(pluginReference: TSESTree.Node): TSESTree.CallExpression | null {
  let current = pluginReference;
  while (current.parent && skipTypeWrappers(current.parent) !== current.parent) current = current.parent;
  const call = current.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== current) return null;
  return calledMethodName(call) === 'register' ? call : null;
}

function argumentAt(call: TSESTree.CallExpression, index: number): TSESTree.Node | null | undefined {
  for (let position = 0; position <= index; position++) {
    const argument = call.arguments[position];
    if (!argument) return null;
    if (argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  }
  return call.arguments[index];
}

/** What a middleware's options say about its origin and credentials. */
export interface CorsOptionsReading {
  /** The options object literal, when the file shows it. */
  readonly object: TSESTree.ObjectExpression | null;
  /** The `origin` option: found, missing (the default applies) or unknown. */
  readonly origin: PropertyLookup;
  /** Whether `credentials` can be true. */
  readonly credentials: boolean;
}

/** Reads a middleware's options, following them through variables, spreads and config objects. */
export function readCorsOptions(sourceCode: Readonly<SourceCode>, use: CorsMiddlewareUse): CorsOptionsReading {
  if (use.options === undefined) return { object: null, origin: { kind: 'unknown' }, credentials: false };
  if (use.options === null || isUndefinedLiteral(use.options)) {
    return { object: null, origin: { kind: 'missing' }, credentials: false };
  }
  const object = resolveObjectExpression(sourceCode, use.options);
  if (!object) return { object: null, origin: { kind: 'unknown' }, credentials: false };
  const credentials = findObjectProperty(sourceCode, object, 'credentials');
  return {
    object,
    origin: findObjectProperty(sourceCode, object, 'origin'),
    credentials:
      credentials.kind === 'found' &&
      credentials.value !== null &&
      possibleValues(sourceCode, credentials.value).some((value) => value.known && value.value === true),
  };
}

function isUndefinedLiteral(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  return expression.type === AST_NODE_TYPES.Identifier && expression.name === 'undefined';
}
