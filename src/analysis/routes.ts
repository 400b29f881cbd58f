import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { calledMethodName, skipTypeWrappers, walk } from './ast';
import { servesMcp, transportCalls } from './mcp-transports';
import { CALL, CONSTRUCT, trackModules } from './imports';
import { findObjectProperty, resolveFunction, resolveObjectExpression, type HandlerFunction } from './values';
import { staticValue, propertyName, declaredVariables } from './program';

/** The frameworks whose routes this plugin reads. */
export type Framework = 'express' | 'hono' | 'fastify' | 'koa-router' | 'node';

/** One place where an app, a router or a plain server takes requests. */
export interface Route {
  readonly framework: Framework;
  /** The app or router it is registered on (`null` for a plain `node:http` handler). */
  readonly app: AppInstance | null;
  /** `app.post('/mcp', …)`, or for a plain handler the test `req.method === 'POST'`. */
  readonly node: TSESTree.Node;
  /** The registering call, when there is one. */
  readonly call: TSESTree.CallExpression | null;
  /** The static path, `null` when there is none or it is not static. */
  readonly path: string | null;
  /** Whether the route accepts POST: `post`, `all`, `use`, `on('POST')`, `route({ method })`. */
  readonly acceptsPost: boolean;
  /** Handlers and route-level middleware, in order: expressions as written. */
  readonly handlers: readonly TSESTree.Node[];
  /** Fastify route options (`{ preHandler, onRequest }`), when given. */
  readonly options: TSESTree.ObjectExpression | null;
}

/** An app or router, known by what created it. */
export interface AppInstance {
  readonly framework: Exclude<Framework, 'node'>;
  /** What created it: `express()`, `new Hono()`, `Fastify()`, `new Router()`, or a Fastify plugin's parameter. */
  readonly node: TSESTree.Node;
  /** The app this one is a plugin scope of (Fastify), if any. */
  readonly parent: AppInstance | null;
  /** The calls made on it, in source order: `app.use(...)`, `app.post(...)`, `app.addHook(...)`. */
  readonly calls: TSESTree.CallExpression[];
}

type AppKind = Exclude<Framework, 'node'> | 'koa-app';

const APP_TRACE_MAP = (() => {
  // `express.Router()` through a default import resolves under `default` too.
  const router = { Router: { [CALL]: 'express' } };
  const express = { [CALL]: 'express', ...router, default: { [CALL]: 'express', ...router } };
  const mcpExpress = { createMcpExpressApp: { [CALL]: 'express' } };
  const hono = { Hono: { [CONSTRUCT]: 'hono' } };
  const koaRouter = {
    [CONSTRUCT]: 'koa-router',
    Router: { [CONSTRUCT]: 'koa-router' },
    default: { [CONSTRUCT]: 'koa-router' },
  };
  return {
    express,
    '@modelcontextprotocol/sdk/server/express.js': mcpExpress,
    '@modelcontextprotocol/express': mcpExpress,
    hono,
    'hono/tiny': hono,
    'hono/quick': hono,
    '@modelcontextprotocol/hono': { createMcpHonoApp: { [CALL]: 'hono' } },
    fastify: { [CALL]: 'fastify', fastify: { [CALL]: 'fastify' }, default: { [CALL]: 'fastify' } },
    '@koa/router': koaRouter,
    'koa-router': koaRouter,
    koa: { [CONSTRUCT]: 'koa-app', default: { [CONSTRUCT]: 'koa-app' } },
  } as const;
})();

const NODE_SERVER_TRACE_MAP = (() => {
  const entry = {
    createServer: { [CALL]: true },
    createSecureServer: { [CALL]: true },
    Server: { [CALL]: true, [CONSTRUCT]: true },
  };
  return { http: entry, https: entry, http2: entry, 'node:http': entry, 'node:https': entry, 'node:http2': entry };
})();

/** A module specifier of a framework this file reads, in quotes (a URL in a comment is no import). */
const MENTIONS_FRAMEWORK =
  /['"](?:node:)?(?:express|hono(?:\/\w+)?|fastify|koa|@koa\/router|koa-router|https?|http2|@modelcontextprotocol\/[\w./-]+)['"]/u;

/** Methods that register a route for one verb. */
const VERB_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'use']);

/** Per file: two rules ask, and the answer depends on the file alone. */
const routesByFile = new WeakMap<object, { routes: Route[]; apps: AppInstance[] }>();

/** Every route of every app, router and plain server in the file, and the apps themselves. */
export function findRoutes(sourceCode: Readonly<SourceCode>): { routes: Route[]; apps: AppInstance[] } {
  let found = routesByFile.get(sourceCode.ast);
  if (!found) {
    found = collectRoutes(sourceCode);
    routesByFile.set(sourceCode.ast, found);
  }
  return found;
}

function collectRoutes(sourceCode: Readonly<SourceCode>): { routes: Route[]; apps: AppInstance[] } {
  if (!MENTIONS_FRAMEWORK.test(sourceCode.text)) return { routes: [], apps: [] };
  const apps: AppInstance[] = [];
  const koaApps: AppInstance[] = [];
  for (const { node, info } of trackModules<AppKind>(sourceCode, APP_TRACE_MAP as never)) {
    const app = collectApp(node, info === 'koa-app' ? 'koa-router' : info, null, apps);
    if (info === 'koa-app' && app) koaApps.push(app);
  }
  const routes: Route[] = [];
  for (const app of apps) {
    if (koaApps.includes(app)) continue;
    for (const call of app.calls) {
      const route = routeOf(app, call);
      if (route) routes.push(route);
    }
  }
  // Plain handlers: `http.createServer(handler)` and Koa's `app.use(async (ctx) => …)` that branch on the method.
  const plainHandlers: { handler: TSESTree.Node; app: AppInstance | null }[] = [];
  for (const { node } of trackModules<boolean>(sourceCode, NODE_SERVER_TRACE_MAP as never)) {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
      const handler = node.arguments.at(-1);
      if (handler) plainHandlers.push({ handler, app: null });
    }
  }
  for (const app of koaApps) {
    for (const call of app.calls) {
      if (calledMethodName(call) === 'use' && call.arguments[0])
        plainHandlers.push({ handler: call.arguments[0], app });
    }
  }
  for (const { handler, app } of plainHandlers) {
    const fn = resolveFunction(handler);
    if (fn) routes.push(...methodBranches(fn, app));
  }
  return { routes, apps };
}

/** The app that `creation` makes, with every call made on it through the variables that hold it. */
function collectApp(
  creation: TSESTree.Node,
  framework: Exclude<Framework, 'node'>,
  parent: AppInstance | null,
  apps: AppInstance[],
): AppInstance | null {
  const app: AppInstance = { framework, node: creation, parent, calls: [] };
  apps.push(app);
  const visitUses = (expression: TSESTree.Node, depth: number): void => {
    if (depth > 6) return;
    const holder = expression.parent;
    // `app.post(...)`, `(app.post as any)(...)`, and chains of routing calls: `app.use(a).post(b)`.
    if (holder?.type === AST_NODE_TYPES.MemberExpression && holder.object === expression) {
      let callee: TSESTree.Node = holder;
      while (callee.parent && skipTypeWrappers(callee.parent) !== callee.parent) callee = callee.parent;
      const call = callee.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee) {
        app.calls.push(call);
        if (framework === 'hono' || framework === 'koa-router' || framework === 'express') visitUses(call, depth + 1);
      }
      return;
    }
    if (holder && skipTypeWrappers(holder) !== holder) {
      visitUses(holder, depth + 1);
      return;
    }
    if (
      holder?.type === AST_NODE_TYPES.VariableDeclarator &&
      holder.init === expression &&
      holder.id.type === AST_NODE_TYPES.Identifier
    ) {
      for (const variable of declaredVariables(holder)) {
        for (const reference of variable.references) {
          if (reference.isRead()) visitUses(reference.identifier as TSESTree.Node, depth + 1);
        }
      }
    }
  };
  visitUses(creation, 0);
  app.calls.sort((a, b) => a.range[0] - b.range[0]);
  // Fastify plugins: `app.register(async (instance) => { instance.post(...) })` work on a child scope.
  if (framework === 'fastify') {
    for (const call of [...app.calls]) {
      if (calledMethodName(call) !== 'register' || !call.arguments[0]) continue;
      // `register(fn)`, or `register(fp(fn))` through a wrapper such as fastify-plugin.
      const argument = skipTypeWrappers(call.arguments[0]);
      // `fp(fn)` (fastify-plugin) breaks encapsulation: what the plugin adds, it adds to this scope.
      const wrapped = argument.type === AST_NODE_TYPES.CallExpression && argument.arguments[0] !== undefined;
      const plugin = wrapped
        ? resolveFunction((argument as TSESTree.CallExpression).arguments[0]!)
        : resolveFunction(argument);
      const instance = plugin?.params[0];
      if (instance?.type !== AST_NODE_TYPES.Identifier) continue;
      const child: AppInstance = wrapped ? app : { framework, node: instance, parent: app, calls: [] };
      if (!wrapped) apps.push(child);
      for (const variable of declaredVariables(plugin!)) {
        if (variable.name !== instance.name) continue;
        for (const reference of variable.references) {
          const member = (reference.identifier as TSESTree.Node).parent;
          if (
            member?.type === AST_NODE_TYPES.MemberExpression &&
            member.parent?.type === AST_NODE_TYPES.CallExpression &&
            member.parent.callee === member
          ) {
            child.calls.push(member.parent);
          }
        }
      }
      child.calls.sort((a, b) => a.range[0] - b.range[0]);
    }
  }
  return app;
}

function staticString(node: TSESTree.Node | undefined): string | null {
  if (!node) return null;
  const value = staticValue(node);
  return typeof value?.value === 'string' ? value.value : null;
}

/** Reads one registering call on an app as a route, or `null` when it registers none. */
function routeOf(app: AppInstance, call: TSESTree.CallExpression): Route | null {
  const method = calledMethodName(call);
  if (!method) return null;
  // `app.post(path, ...middleware, handler)`: a spread stands for the list it spreads.
  const args = call.arguments.map((argument) =>
    argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument,
  );
  const base = { framework: app.framework, app, node: call.callee, call, options: null };

  if (app.framework === 'fastify' && method === 'route') {
    const options = args[0] ? resolveObjectExpression(args[0]) : null;
    if (!options) return null;
    const verbs = findObjectProperty(options, 'method');
    const url = findObjectProperty(options, 'url');
    const handler = findObjectProperty(options, 'handler');
    const verbValue = verbs.kind === 'found' && verbs.value ? staticValue(verbs.value)?.value : undefined;
    const verbList = (Array.isArray(verbValue) ? verbValue : [verbValue]).map((verb) => String(verb).toUpperCase());
    return {
      ...base,
      path: url.kind === 'found' && url.value ? staticString(url.value) : null,
      acceptsPost: verbValue === undefined ? false : verbList.includes('POST'),
      // `handler: fn`, or a method `async handler(request, reply) { … }`.
      handlers: handler.kind === 'found' ? [handler.value ?? handler.property.value] : [],
      options,
    };
  }
  if (app.framework === 'hono' && method === 'on') {
    const verbs = args[0] && staticValue(args[0])?.value;
    const verbList = (Array.isArray(verbs) ? verbs : [verbs]).map((verb) => String(verb).toUpperCase());
    return {
      ...base,
      path: staticString(args[1]),
      acceptsPost: verbList.includes('POST'),
      handlers: args.slice(2),
    };
  }
  if (app.framework === 'express' && method === 'route') return null;
  // `app.route('/mcp').post(handler)` (express): the path is on the inner call.
  const callee = skipTypeWrappers(call.callee) as TSESTree.MemberExpression;
  const inner = skipTypeWrappers(callee.object);
  if (!VERB_METHODS.has(method)) return null;
  let path: string | null = null;
  let rest = args;
  const routeCall = app.framework === 'express' ? chainedRoute(inner) : null;
  if (routeCall) {
    path = staticString(routeCall.arguments[0]);
  } else if (args[0] && (staticString(args[0]) !== null || isPathLike(args[0]))) {
    path = staticString(args[0]);
    rest = args.slice(1);
  }
  let options: TSESTree.ObjectExpression | null = null;
  // Fastify's `post(path, options, handler)`: the options may be a constant.
  if (app.framework === 'fastify' && rest.length >= 2) {
    options = resolveObjectExpression(rest[0]!);
    if (options || !resolveFunction(rest[0]!)) rest = rest.slice(1);
  }
  return {
    ...base,
    path,
    acceptsPost: method === 'post' || method === 'all' || method === 'use',
    handlers: rest,
    options,
  };
}

/** `app.route('/mcp')` under a chain of verbs: `app.route('/mcp').get(a).post(b)`. */
function chainedRoute(node: TSESTree.Node): TSESTree.CallExpression | null {
  let current = node;
  for (let depth = 0; depth < 10 && current.type === AST_NODE_TYPES.CallExpression; depth++) {
    const method = calledMethodName(current);
    if (method === 'route') return current;
    if (!method || !VERB_METHODS.has(method)) return null;
    current = skipTypeWrappers((skipTypeWrappers(current.callee) as TSESTree.MemberExpression).object);
  }
  return null;
}

/** A path argument the file does not spell out (a template or a constant from elsewhere). */
function isPathLike(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  return (
    expression.type === AST_NODE_TYPES.TemplateLiteral ||
    expression.type === AST_NODE_TYPES.Literal ||
    (expression.type === AST_NODE_TYPES.Identifier && /path|route|endpoint|url/iu.test(expression.name))
  );
}

/**
 * The POST branches of a plain request handler: `if (req.method === 'POST') { … }` (the
 * branch), or `if (req.method !== 'POST') return …;` (the rest of the function). The path it
 * tests for, if any, rides along: `req.url === '/mcp'`, `ctx.path === '/mcp'`.
 */
function methodBranches(fn: HandlerFunction, koaApp: AppInstance | null): Route[] {
  const routes: Route[] = [];
  let testsMethod = false;
  walk(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.IfStatement) return;
    if (anyMethodTest(node.test)) testsMethod = true;
    const post = methodTest(node.test);
    if (!post) return;
    routes.push({
      framework: 'node',
      app: koaApp,
      node: post.test,
      call: null,
      path: pathTest(node.test),
      acceptsPost: true,
      handlers: [fn],
      options: null,
    });
  });
  // `if (req.url === '/mcp') return transport.handleRequest(req, res)`: no method test, every method,
  // POST included, reaches the transport.
  if (routes.length === 0 && !testsMethod && servesMcp(fn)) {
    // The path test that leads to the transport: the `if` around its call, or before it.
    const test =
      transportCalls(fn)
        .map((call) => pathTestAround(call))
        .find((found): found is TSESTree.Node => found !== null) ?? null;
    routes.push({
      framework: 'node',
      app: koaApp,
      node: test ?? fn,
      call: null,
      path: test ? pathTest(test) : null,
      acceptsPost: true,
      handlers: [fn],
      options: null,
    });
  }
  return routes;
}

/** Whether a test compares `x.method` with anything: the handler then routes by method. */
function anyMethodTest(test: TSESTree.Node): boolean {
  let found = false;
  walk(test, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && propertyName(node) === 'method') found = true;
  });
  return found;
}

/** The test of the nearest `if` around `node` (or before it, as an early exit) that compares a path. */
function pathTestAround(node: TSESTree.Node): TSESTree.Node | null {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && !/Function/u.test(parent.type); child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && child !== parent.test && pathTest(parent.test) !== null) {
      return parent.test;
    }
    if (parent.type === AST_NODE_TYPES.BlockStatement) {
      const index = parent.body.indexOf(child as TSESTree.Statement);
      const early = parent.body
        .slice(0, Math.max(index, 0))
        .reverse()
        .find((statement) => statement.type === AST_NODE_TYPES.IfStatement && pathTest(statement.test) !== null);
      if (early?.type === AST_NODE_TYPES.IfStatement) return early.test;
    }
  }
  return null;
}

/** `x.method === 'POST'` (or `!== 'POST'` in an early exit) somewhere in a test. */
function methodTest(test: TSESTree.Node): { test: TSESTree.Node } | null {
  let found: { test: TSESTree.Node } | null = null;
  walk(test, (node) => {
    if (found || node.type !== AST_NODE_TYPES.BinaryExpression) return;
    for (const [side, other] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as const) {
      const subject = skipTypeWrappers(side);
      if (subject.type !== AST_NODE_TYPES.MemberExpression || propertyName(subject) !== 'method') continue;
      if (staticString(other)?.toUpperCase() === 'POST') found = { test: node };
    }
  });
  return found;
}

/** The path a test compares `req.url`, `ctx.path` or `url.pathname` with. */
function pathTest(test: TSESTree.Node): string | null {
  let path: string | null = null;
  walk(test, (node) => {
    if (path !== null || node.type !== AST_NODE_TYPES.BinaryExpression) return;
    for (const [side, other] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as const) {
      const subject = skipTypeWrappers(side);
      const name =
        subject.type === AST_NODE_TYPES.MemberExpression
          ? propertyName(subject)
          : subject.type === AST_NODE_TYPES.Identifier
            ? subject.name
            : null;
      if (name && /^(?:url|path|pathname)$/u.test(name)) path = staticString(other);
    }
  });
  return path;
}
