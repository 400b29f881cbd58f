import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { calledMethodName, skipTypeWrappers, walk } from './ast';
import { CALL, READ, mentionsAny, trackModules } from './imports';
import { findOriginGuard, isPresenceTest } from './guards';
import { originSources } from './origin-source';
import { findObjectProperty, possibleValues, resolveExpression, resolveFunction } from './values';

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
  /** Whether a static `credentials` value turns credentials on. */
  isCredentialsOn(value: unknown): boolean;
  /** `origin: true` echoes the request's Origin (cors, @fastify/cors). */
  readonly reflectsOnTrue: boolean;
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
    // `options.credentials === true`
    isCredentialsOn: (value) => value === true,
    reflectsOnTrue: true,
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
    // `if (opts.credentials)`
    isCredentialsOn: Boolean,
    // `true` is neither a string, a function nor an array: `true.includes(origin)` throws on every request.
    reflectsOnTrue: false,
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
    // `if (corsOptions.credentials)`
    isCredentialsOn: Boolean,
    // `getAccessControlAllowOriginHeader` reflects when the option is `true`.
    reflectsOnTrue: true,
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
    allowlistOrigin: (allowlist) => `(ctx) => (${allowlist}.includes(ctx.get('Origin')) ? ctx.get('Origin') : '')`,
    credentialsReflectByDefault: true,
    // `!!options.credentials`, or what a credentials function returns
    isCredentialsOn: Boolean,
    // A non-function origin is sent as it is: `true` becomes the header value "true".
    reflectsOnTrue: false,
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

/** Per file: several rules ask, and the answer depends on the file alone. */
const usesByFile = new WeakMap<object, CorsMiddlewareUse[]>();

/** Every CORS middleware the file imports and sets up, found by what was imported. */
export function findCorsMiddlewareUses(sourceCode: Readonly<SourceCode>): CorsMiddlewareUse[] {
  let uses = usesByFile.get(sourceCode.ast);
  if (!uses) {
    uses = collectCorsMiddlewareUses(sourceCode);
    usesByFile.set(sourceCode.ast, uses);
  }
  return uses;
}

function collectCorsMiddlewareUses(sourceCode: Readonly<SourceCode>): CorsMiddlewareUse[] {
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
  for (const { node, info } of [
    ...trackModules<CorsMiddleware>(sourceCode, traceMap as never),
    ...registeredDynamicImports(sourceCode),
  ]) {
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

/** Fastify's documented `app.register(import('@fastify/cors'), options)`. */
function registeredDynamicImports(sourceCode: Readonly<SourceCode>): { node: TSESTree.Node; info: CorsMiddleware }[] {
  const registering = CORS_MIDDLEWARES.filter((middleware) => middleware.usage === 'register');
  const found: { node: TSESTree.Node; info: CorsMiddleware }[] = [];
  // Cheap first: the walk only runs in files that import one of these packages dynamically.
  if (
    !sourceCode.text.includes('import(') ||
    !registering.some((middleware) => sourceCode.text.includes(middleware.module))
  ) {
    return found;
  }
  walk(sourceCode.ast, (node) => {
    if (node.type !== AST_NODE_TYPES.ImportExpression) return;
    const source = node.source.type === AST_NODE_TYPES.Literal ? node.source.value : null;
    const middleware = registering.find((candidate) => candidate.module === source);
    if (middleware) found.push({ node, info: middleware });
  });
  return found;
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

/**
 * One shape the options argument can take at run time. A ternary or `||` fallback gives
 * several: `cors(dev ? { origin: '*' } : undefined)` is an object or nothing.
 */
export type CorsOptionsBranch =
  /** No options: the middleware's defaults apply. `node` is what stands for them, `null` for no argument. */
  | { readonly kind: 'missing'; readonly node: TSESTree.Node | null }
  /** An object literal the file shows. */
  | { readonly kind: 'object'; readonly object: TSESTree.ObjectExpression }
  /** Anything the file does not show: a parameter, an import, a call. */
  | { readonly kind: 'unknown' };

/** The shapes a middleware's options can take, through variables, ternaries and fallbacks. */
export function corsOptionsBranches(use: CorsMiddlewareUse): CorsOptionsBranch[] {
  if (use.options === undefined) return [{ kind: 'unknown' }];
  if (use.options === null) return [{ kind: 'missing', node: null }];
  const branches: CorsOptionsBranch[] = [];
  const visit = (node: TSESTree.Node, depth: number): void => {
    const expression = skipTypeWrappers(node);
    if (depth > 8) {
      branches.push({ kind: 'unknown' });
      return;
    }
    if (isNullishLiteral(expression)) {
      branches.push({ kind: 'missing', node: expression });
      return;
    }
    if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
      visit(expression.consequent, depth + 1);
      visit(expression.alternate, depth + 1);
      return;
    }
    if (expression.type === AST_NODE_TYPES.LogicalExpression) {
      visit(expression.left, depth + 1);
      visit(expression.right, depth + 1);
      return;
    }
    const resolved = resolveExpression(expression);
    if (resolved && resolved !== expression) {
      visit(resolved, depth + 1);
      return;
    }
    branches.push(
      expression.type === AST_NODE_TYPES.ObjectExpression
        ? { kind: 'object', object: expression }
        : { kind: 'unknown' },
    );
  };
  visit(use.options, 0);
  return branches;
}

/** Whether an options object turns credentials on, by the middleware's own test of the value. */
export function allowsCredentials(middleware: CorsMiddleware, object: TSESTree.ObjectExpression): boolean {
  const credentials = findObjectProperty(object, 'credentials');
  if (credentials.kind !== 'found') return false;
  const { property, value } = credentials;
  // `credentials(ctx) { return true; }` and `credentials: () => true` (Koa takes a function).
  const returned = functionResult(property.method ? property.value : value);
  const target = returned ?? value;
  if (!target) return false;
  return possibleValues(target).some((candidate) => candidate.known && middleware.isCredentialsOn(candidate.value));
}

/** The returned expression of a function with a single `return` or an expression body. */
function functionResult(node: TSESTree.Node | null): TSESTree.Node | null {
  if (node?.type !== AST_NODE_TYPES.ArrowFunctionExpression && node?.type !== AST_NODE_TYPES.FunctionExpression) {
    return null;
  }
  if (node.body.type !== AST_NODE_TYPES.BlockStatement) return node.body;
  const [only] = node.body.body;
  return node.body.body.length === 1 && only?.type === AST_NODE_TYPES.ReturnStatement ? only.argument : null;
}

function isNullishLiteral(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
    (node.type === AST_NODE_TYPES.Literal && node.value === null) ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void')
  );
}

/**
 * Where an origin function lets every origin in, or `null`: an `origin` option that is a
 * function (inline, or named in this file) returning or calling back with an allowing value, at
 * its top level, with no check of the origin before it. In `reflect` mode the allowing values are
 * `true`, the first parameter (the request's origin in `cors`, `@fastify/cors` and `hono/cors`), a
 * presence test of it (`!!origin`, `origin !== undefined`), and a read of the request's Origin
 * header (`ctx.get('Origin')` in `@koa/cors`); in `wildcard` mode, `'*'`. Covers
 * `(origin, cb) => cb(null, true)`, `cb(null, origin)`, `(origin) => origin`, `(ctx) => '*'`.
 */
export function unconditionalAllow(
  node: TSESTree.Node,
  mode: 'reflect' | 'wildcard' = 'reflect',
): TSESTree.Node | null {
  const fn = resolveFunction(node);
  if (!fn) return null;
  const [originParam, callbackParam] = fn.params;
  const originName = originParam?.type === AST_NODE_TYPES.Identifier ? originParam.name : null;
  const callbackName = callbackParam?.type === AST_NODE_TYPES.Identifier ? callbackParam.name : null;

  /** Whether a value lets in whoever asks, somewhere no check of the origin guards it. */
  const allows = (value: TSESTree.Node | null | undefined): boolean => {
    if (!value) return false;
    const expression = skipTypeWrappers(value);
    if (mode === 'wildcard') {
      return originSources(expression).some(
        (source) =>
          source.kind === 'literal' &&
          source.value === '*' &&
          !findOriginGuard(source.entry, originParam ?? source.node),
      );
    }
    if (originParam && isPresenceTest(expression, originParam)) {
      return !findOriginGuard(expression, originParam);
    }
    if (expression.type === AST_NODE_TYPES.Identifier && expression.name === originName) {
      return !findOriginGuard(expression, expression);
    }
    return originSources(expression).some((source) => {
      const isOriginParam =
        source.kind === 'unknown' && source.node.type === AST_NODE_TYPES.Identifier && source.node.name === originName;
      const allowing =
        isOriginParam || source.kind === 'request-origin' || (source.kind === 'literal' && source.value === true);
      // A read of the request's Origin is checked as itself; `true` or the parameter as the parameter.
      const checked = source.kind === 'request-origin' ? source.node : (originParam ?? source.node);
      return allowing && !findOriginGuard(source.entry, checked);
    });
  };
  const callsBackAllowing = (expression: TSESTree.Node | null | undefined): boolean => {
    const call = expression && skipTypeWrappers(expression);
    if (call?.type !== AST_NODE_TYPES.CallExpression || !callbackName) return false;
    const callee = skipTypeWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== callbackName) return false;
    const [error, result] = call.arguments;
    return error !== undefined && isNullishLiteral(skipTypeWrappers(error)) && allows(result);
  };
  const site = (expression: TSESTree.Node | null | undefined): boolean =>
    allows(expression) || callsBackAllowing(expression);

  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return site(fn.body) ? fn.body : null;
  for (const statement of fn.body.body) {
    const expression =
      statement.type === AST_NODE_TYPES.ReturnStatement
        ? statement.argument
        : statement.type === AST_NODE_TYPES.ExpressionStatement
          ? statement.expression
          : null;
    if (!expression) continue;
    const allowing =
      statement.type === AST_NODE_TYPES.ReturnStatement ? site(expression) : callsBackAllowing(expression);
    if (allowing) return expression;
  }
  return null;
}

/** One `origin` option a middleware is given, in one shape of its options. */
export interface OriginOption {
  /** The options object that holds it. */
  readonly object: TSESTree.ObjectExpression;
  readonly property: TSESTree.Property;
  /** Its value: an expression, or the function of a method `origin(o, cb) { … }`. */
  readonly value: TSESTree.Node;
  /** Whether the same options turn credentials on. */
  readonly credentials: boolean;
}

/** The `origin` options a middleware use is given, across every shape its options can take. */
export function originOptions(use: CorsMiddlewareUse): OriginOption[] {
  const found: OriginOption[] = [];
  for (const branch of corsOptionsBranches(use)) {
    if (branch.kind !== 'object') continue;
    const origin = findObjectProperty(branch.object, 'origin');
    if (origin.kind !== 'found') continue;
    const { property } = origin;
    const value = origin.value ?? (property.method ? property.value : null);
    if (!value) continue;
    found.push({
      object: branch.object,
      property,
      value,
      credentials: allowsCredentials(use.middleware, branch.object),
    });
  }
  return found;
}
