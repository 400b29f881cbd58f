import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { ROUTE_SHAPES, entitiesOfKind } from '../frameworks/registry';
import type { AppFramework, McpRoutesPlugin } from '../frameworks/types';
import { EMITTER_METHODS } from '../frameworks/node';
import {
  calledMethodName,
  calledMethodObject,
  containsNode,
  inDeadBranch,
  outermostWrapper,
  parameterName,
  skipTypeWrappers,
  walk,
} from './ast';
import { constructedEntitiesOf, entitiesOf, mayHoldEntities, moduleIndex, trackedNodes } from './facts';
import { importOf } from './exports';
import { ALL_METHODS, fetchHandlers, nextApiRoute } from './fetch-handlers';
import { boundTransport, handlerCalls, servesMcp, transportCalls } from './mcp-transports';
import {
  codeOf,
  declaredVariables,
  moduleOf,
  nameOf,
  programOf,
  propertyName,
  staticValue,
  variableOf,
} from './program';
import {
  callsOf,
  classOf,
  enclosingClass,
  exportedNames,
  externalRefOf,
  findObjectProperty,
  isFunctionNode,
  outermostFunction,
  possibleValues,
  resolveExpression,
  resolveFunction,
  resolveObjectExpression,
  returnedExpressions,
  usesOfConstant,
  usesOfFunctionDeclaration,
  type ClassNode,
  type HandlerFunction,
} from './values';

/** The frameworks whose routes this plugin reads; `node` for a plain handler that routes by hand. */
export type Framework = Exclude<AppFramework, 'koa'> | 'node';

/** One place where an app, a router or a plain server takes requests. */
export interface Route {
  readonly framework: Framework;
  /** The app or router it is registered on (`null` for a plain `node:http` handler; the Koa app for Koa middleware). */
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
  /** For a plain handler, the handler as the server is given it (`createServer(handleRequest)`). */
  readonly given?: TSESTree.Node;
  /** A web-standard handler: it takes a `Request` and answers with a `Response`. */
  readonly web?: boolean;
  /** The one HTTP method a route handler is exported for (`export function POST`). */
  readonly exportedFor?: string;
  /** A Nitro file route's middleware folder, whose handlers run before it (`server/middleware`). */
  readonly middlewareDir?: string;
  /**
   * A plain handler's POST branch that hands the request on, with no `path`: the one path the
   * `if` around it requires (`if (url === '/mcp') { … if (req.method === 'POST') … }`), to name
   * it by. Not judged: what the call serves is not told by the paths around it.
   */
  readonly enclosingPath?: string;
  /**
   * The package plugin that registers this route itself (fastify-mcp's `app.register(streamableHttp,
   * options)`, elysia-mcp's `app.use(mcp(options))`): the route is that call, its handler the
   * plugin, and `authenticated` says whether its options name a credential check of the project's.
   */
  readonly mounts?: { readonly plugin: McpRoutesPlugin; readonly authenticated: boolean };
}

/** An app or router, known by what created it. */
export interface AppInstance {
  readonly framework: AppFramework;
  /** What created it: `express()`, `new Hono()`, `Fastify()`, `new Router()`, or a Fastify plugin's parameter. */
  readonly node: TSESTree.Node;
  /** The app this one is a plugin scope of (Fastify), if any. */
  readonly parent: AppInstance | null;
  /**
   * The calls made on it, in the order they run: those of the module that creates it (which
   * runs before the modules that import it), then the linted file's, each in source order.
   */
  readonly calls: TSESTree.CallExpression[];
  /** The dev server whose connect app this is (`server.middlewares` of Vite). */
  readonly devServer?: 'vite';
  /**
   * The call whose callback is handed this scope of its parent app: Elysia's `app.guard(hook,
   * (scope) => …)` and `app.group(prefix, (scope) => …)`.
   */
  readonly scopeCall?: TSESTree.CallExpression;
  /**
   * A parameter known to hold an app only by its type (`app: Express`), which no call the
   * analysis sees gives one: the code that owns the app, and its other routes, are not shown.
   */
  readonly typed?: true;
}

/** The app types of the packages, by the name they are imported under: `Express` or `Application` of express. */
const APP_TYPES: Readonly<Record<string, Readonly<Record<string, AppFramework>>>> = {
  express: { Express: 'express', Application: 'express', Router: 'express', IRouter: 'express' },
  hono: { Hono: 'hono' },
  h3: { H3: 'h3' },
  fastify: { FastifyInstance: 'fastify' },
};

/**
 * The framework whose app a parameter's type annotation names: `app: Express`, `app:
 * express.Application`, `router: Router` (imported from express, also with `import type`),
 * `app: Hono`, `fastify: FastifyInstance`.
 */
function typedApp(parameter: TSESTree.Node): AppFramework | null {
  const annotation = (parameter as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return null;
  const { typeName } = annotation;
  const [local, name] =
    typeName.type === AST_NODE_TYPES.Identifier
      ? [typeName, null]
      : typeName.type === AST_NODE_TYPES.TSQualifiedName && typeName.left.type === AST_NODE_TYPES.Identifier
        ? [typeName.left, typeName.right.name]
        : [null, null];
  // Not `import express = require('express')`, which is no import declaration.
  const imported = local && importOf(local);
  if (!imported) return null;
  const types = Object.hasOwn(APP_TYPES, imported.specifier) ? APP_TYPES[imported.specifier] : undefined;
  if (!types) return null;
  const whole = imported.name === 'default' || imported.name === '*';
  // `express.Application`: the default or namespace import of the package.
  if (name !== null) return whole && Object.hasOwn(types, name) ? (types[name] ?? null) : null;
  return whole ? null : (types[imported.name] ?? null);
}

/**
 * The expression that holds an app where it is made, through the calls on it that return it:
 * `new Hono().on('POST', '/', handler)`, `Fastify().withTypeProvider<T>()`. What a name holds
 * made that way is the app.
 */
export function madeApp(app: AppInstance): TSESTree.Node {
  let made: TSESTree.Node = app.node;
  for (;;) {
    const member = outermostWrapper(made).parent;
    const call = member?.parent;
    if (
      member?.type !== AST_NODE_TYPES.MemberExpression ||
      member.object !== outermostWrapper(made) ||
      call?.type !== AST_NODE_TYPES.CallExpression ||
      call.callee !== member
    )
      break;
    const shape = ROUTE_SHAPES[app.framework];
    const method = propertyName(member);
    if (!((shape.chains && app.calls.includes(call)) || (method !== null && shape.returnsApp?.has(method)))) break;
    made = call;
  }
  return made;
}

/**
 * The `fp(fn)` call of fastify-plugin that a module exports as its default
 * (`export default fp(async (app) => { … })`), or `null`.
 */
export function defaultExportedPlugin(fn: TSESTree.Node): TSESTree.CallExpression | null {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return null;
  if (externalRefOf(call.callee)?.module !== 'fastify-plugin') return null;
  return outermostWrapper(call).parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration ? call : null;
}

/**
 * Whether modules that import the plugin a name declares register it too (`export const routes`
 * registered by a server module as well as here): then every app that does must be judged.
 */
function registeredElsewhere(name: TSESTree.Identifier, fn: TSESTree.Node): boolean {
  const variable = variableOf(name);
  const declarator = name.parent;
  const value = declarator?.type === AST_NODE_TYPES.VariableDeclarator ? declarator.init : name.parent;
  if (!variable || !value || exportedNames(value, variable).length === 0) return false;
  const found =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? usesOfFunctionDeclaration(fn)
      : declarator?.type === AST_NODE_TYPES.VariableDeclarator
        ? usesOfConstant(declarator)
        : null;
  const own = programOf(name);
  // A registration there: `app.register(routes)`, also of `fp(routes)`.
  return (found?.uses ?? []).some((use) => {
    if (programOf(use) === own) return false;
    let argument = outermostWrapper(use);
    const wrapper = argument.parent;
    if (
      wrapper?.type === AST_NODE_TYPES.CallExpression &&
      wrapper.arguments[0] === argument &&
      calledMethodName(wrapper) !== 'register'
    )
      argument = outermostWrapper(wrapper);
    const call = argument.parent;
    return (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments[0] === argument &&
      calledMethodName(call) === 'register'
    );
  });
}

/** The types of a Fastify plugin function, by the name fastify exports them under. */
const FASTIFY_PLUGIN_TYPES: ReadonlySet<string> = new Set(['FastifyPluginAsync', 'FastifyPluginCallback']);

/**
 * The name a Fastify plugin function is declared under: a function declaration's, or the `const`
 * it is assigned to, directly or wrapped in a call (`fp(fn)`). `typed` when the code says it is a
 * plugin (a `FastifyPluginAsync` or `FastifyPluginCallback` annotation, fastify-plugin's `fp()`);
 * `wrapped` when a call wraps it.
 */
export function pluginName(fn: TSESTree.Node): { name: TSESTree.Identifier; typed: boolean; wrapped: boolean } | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration)
    return fn.id ? { name: fn.id, typed: false, wrapped: false } : null;
  let holder: TSESTree.Node = fn;
  let wrapper: TSESTree.CallExpression | null = null;
  if (
    holder.parent?.type === AST_NODE_TYPES.CallExpression &&
    holder.parent.arguments[0] === holder &&
    calledMethodName(holder.parent) !== 'register'
  ) {
    wrapper = holder.parent;
    holder = wrapper;
  }
  const declarator = outermostWrapper(holder).parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier)
    return null;
  if (skipTypeWrappers(declarator.init ?? declarator) !== holder) return null;
  const wrappedByFp = wrapper !== null && externalRefOf(wrapper.callee)?.module === 'fastify-plugin';
  const annotation = declarator.id.typeAnnotation?.typeAnnotation;
  const typeName =
    annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier
      ? annotation.typeName
      : null;
  const typeRef = typeName && externalRefOf(typeName);
  const annotated =
    typeRef?.module === 'fastify' && typeRef.names.length === 1 && FASTIFY_PLUGIN_TYPES.has(typeRef.names[0]!);
  return { name: declarator.id, typed: wrappedByFp || annotated, wrapped: wrapper !== null };
}

/**
 * `app.get('/sse', …)` on a receiver of a function the file exports: a module that registers routes
 * on an app its callers in other modules hand it (`mountMcp(app, server, guard)`), with no import of
 * the framework to say so. The path may be a name that says it holds one (`app.post(MCP_PATH, …)`,
 * `config.mcpEndpoint`).
 */
const REGISTERS_ON_PATH =
  /\.\s*(?:get|post|put|patch|delete|all|use|route)\s*\(\s*(?:['"`]\/|(?:[\w$]+\s*\.\s*)*(?:[A-Z][\dA-Z_]*|[\w$]*(?:[Pp]ath|PATH|[Ee]ndpoint|ENDPOINT|[Rr]oute|ROUTE|[Mm]cp|MCP|[Ss]se|SSE)[\w$]*)\s*,)/u;
const EXPORTS = /\bexport\b|\bmodule\.exports\b|\bexports\./u;

/** `server.middlewares.use(…)`: a file that mounts middleware on a Vite dev server's connect app. */
const MOUNTS_DEV_SERVER_MIDDLEWARE = /\.\s*middlewares\s*\.\s*use\s*\(/u;

/**
 * The parameter that holds the Vite dev server whose connect app `node` is (`server.middlewares`):
 * the first parameter of a plugin's `configureServer(server)` hook, or one typed `ViteDevServer`.
 */
function viteDevServer(node: TSESTree.Node): TSESTree.Identifier | null {
  if (node.type !== AST_NODE_TYPES.MemberExpression || propertyName(node) !== 'middlewares') return null;
  const object = skipTypeWrappers(node.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return null;
  const def = variableOf(object)?.defs[0];
  if (def?.type !== 'Parameter' || !isFunctionNode(def.node) || def.name.type !== AST_NODE_TYPES.Identifier)
    return null;
  const parameter = def.name;
  const annotation = parameter.typeAnnotation?.typeAnnotation;
  if (
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    annotation.typeName.name === 'ViteDevServer'
  )
    return parameter;
  const fn = def.node;
  const holder = fn.parent;
  return fn.params[0] === parameter &&
    holder?.type === AST_NODE_TYPES.Property &&
    holder.value === fn &&
    propertyName(holder) === 'configureServer'
    ? parameter
    : null;
}

/** A file that takes the app under a NestJS application (`app.getHttpAdapter().getInstance()`). */
const NEST_HTTP_INSTANCE = /\bgetHttpAdapter\b/u;

/**
 * The framework of the app under a NestJS application, `app.getHttpAdapter().getInstance()` with
 * `app` from `NestFactory.create(…)`: Fastify's when it is made with a `FastifyAdapter`, else
 * Express's (@nestjs/core 12.5.1 nest-application.js `getHttpAdapter()`, and
 * @nestjs/platform-express's `ExpressAdapter.getInstance()`, the express app it wraps). `null`
 * when the application mounts middleware of its own.
 */
function nestHttpInstance(node: TSESTree.Node): AppFramework | null {
  if (node.type !== AST_NODE_TYPES.CallExpression || calledMethodName(node) !== 'getInstance') return null;
  const adapter = skipTypeWrappers(calledMethodObject(node) ?? node);
  if (adapter.type !== AST_NODE_TYPES.CallExpression || calledMethodName(adapter) !== 'getHttpAdapter') return null;
  const holder = skipTypeWrappers(calledMethodObject(adapter) ?? adapter);
  // Middleware the application mounts (`app.use(requireToken)`) runs on the same app, before its
  // routes, and is not read here: such an app is left unknown.
  if (holder.type !== AST_NODE_TYPES.Identifier) return null;
  const mountsMiddleware = (variableOf(holder)?.references ?? []).some((reference) => {
    const member = reference.identifier.parent;
    return (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === reference.identifier &&
      propertyName(member) === 'use'
    );
  });
  if (mountsMiddleware) return null;
  let made = skipTypeWrappers(resolveExpression(holder) ?? holder);
  if (made.type === AST_NODE_TYPES.AwaitExpression) made = skipTypeWrappers(made.argument);
  if (made.type !== AST_NODE_TYPES.CallExpression) return null;
  const ref = externalRefOf(made.callee);
  if (ref?.module !== '@nestjs/core' || ref.names.join('.') !== 'NestFactory.create') return null;
  const platform = made.arguments[1];
  // `NestFactory.create(AppModule, adapter)` with `const adapter = new FastifyAdapter()`.
  const given =
    platform && platform.type !== AST_NODE_TYPES.SpreadElement
      ? skipTypeWrappers(resolveExpression(platform) ?? platform)
      : null;
  const fastify =
    given?.type === AST_NODE_TYPES.NewExpression && externalRefOf(given.callee)?.module === '@nestjs/platform-fastify';
  return fastify ? 'fastify' : 'express';
}

/** Method names under which apps take routes, middleware, hooks, plugins and sub-apps. */
const APP_METHODS: ReadonlySet<string> = new Set([
  ...Object.values(ROUTE_SHAPES).flatMap((shape) => [...shape.verbs, ...(shape.hookMethods ?? [])]),
  'route',
  'on',
  'openapi',
  // Elysia's `group(prefix, callback)`, whose place among the app's calls orders its scope's routes.
  'group',
  'register',
  'addHook',
  'routes',
  'basePath',
]);

/**
 * The fewest arguments a registration takes: a route verb a path and a handler; Hono's
 * `on(method, path, handler)` three; a Fastify hook a name and a function.
 */
const MIN_ARGUMENTS: Readonly<Record<string, number>> = {
  get: 2,
  post: 2,
  put: 2,
  patch: 2,
  delete: 2,
  del: 2,
  head: 2,
  options: 2,
  all: 2,
  on: 3,
  addHook: 2,
  use: 1,
  route: 1,
  register: 1,
};

/** How far receivers are followed back to the app they are. */
const MAX_STEPS = 12;

const routesByFile = new WeakMap<object, { routes: Route[]; apps: AppInstance[] }>();

/**
 * Every route of every app, router and plain server in a module, and the apps themselves: the
 * linted file's, or another module's (the routes a module that imports the linted file registers).
 */
/** The function a route's last handler is, when the code shows it: the one that answers. */
export function lastHandlerFunction(route: Route): HandlerFunction | null {
  const last = route.handlers.at(-1);
  return last ? resolveFunction(last) : null;
}

/**
 * The routes one of whose handlers holds `node`: those that make the transport `new SSEServerTransport(…)` is.
 * Not a branch of a plain handler (`if (url.pathname === '/other' && …)`) when `node` lies in the
 * branch of another path (`if (url.pathname === '/mcp') { … }`): a request of one path never runs
 * the other's.
 */
export function routesHolding(routes: readonly Route[], node: TSESTree.Node): Route[] {
  return routes.filter(
    (route) =>
      route.handlers.some((handler) => {
        const fn = resolveFunction(handler);
        return fn !== null && containsNode(fn, node);
      }) && !inBranchOfOtherPath(routes, route, node),
  );
}

/** Whether `node` lies in the branch of a route of the same handler whose path is another's than `route`'s. */
function inBranchOfOtherPath(routes: readonly Route[], route: Route, node: TSESTree.Node): boolean {
  if (route.framework !== 'node' || route.path === null) return false;
  const own = branchIf(route);
  if (own && containsNode(own.consequent, node)) return false;
  return routes.some((other) => {
    if (other === route || other.framework !== 'node' || other.path === null || other.path === route.path) return false;
    const branch = branchIf(other);
    return (
      branch !== null && branch !== own && containsNode(branch.consequent, node) && !containsNode(branch, route.node)
    );
  });
}

/** The `if` whose test is a plain handler's route (`if (url.pathname === '/mcp') { … }`). */
export function branchIf(route: Route): TSESTree.IfStatement | null {
  for (let node: TSESTree.Node | undefined = route.node; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.IfStatement) return containsNode(node.test, route.node) ? node : null;
  }
  return null;
}

export function findRoutes(sourceCode: Readonly<SourceCode>): { routes: Route[]; apps: AppInstance[] } {
  let found = routesByFile.get(sourceCode.ast);
  if (!found) {
    found = new RouteFinder(sourceCode).find();
    routesByFile.set(sourceCode.ast, found);
  }
  return found;
}

class RouteFinder {
  private readonly apps = new Map<TSESTree.Node, AppInstance>();
  /** What each expression asked about turned out to be. */
  private readonly known = new Map<TSESTree.Node, AppInstance | null>();
  /** Modules whose calls on apps have been gathered. */
  private readonly scanned = new Set<TSESTree.Program>();

  /** The module whose routes are found; its calls are the ones that register routes. */
  private readonly home: TSESTree.Program;

  /**
   * For a call a function makes on the app it is handed (`app.use(check)` in `installGuards(app)`),
   * the call that hands it the app: the call runs there.
   */
  private readonly handedAt = new Map<TSESTree.Node, TSESTree.CallExpression>();
  /** Functions already read for each app, by the parameter that takes it (`id index`). */
  private readonly handedTo = new Map<AppInstance, Set<string>>();
  private readonly functionIds = new Map<HandlerFunction, number>();
  /** `positionIn` answers, by the module they are asked for. */
  private readonly framed = new Map<TSESTree.Program, Map<TSESTree.Node, RunPosition | null>>();

  constructor(private readonly sourceCode: Readonly<SourceCode>) {
    this.home = sourceCode.ast;
  }

  private isHome(node: TSESTree.Node): boolean {
    return programOf(node) === this.home;
  }

  find(): { routes: Route[]; apps: AppInstance[] } {
    // Every app comes from a package an adapter knows, here or in a module this file reaches.
    if (
      mayHoldEntities(this.sourceCode, 'app') ||
      (REGISTERS_ON_PATH.test(this.sourceCode.text) && EXPORTS.test(this.sourceCode.text)) ||
      MOUNTS_DEV_SERVER_MIDDLEWARE.test(this.sourceCode.text) ||
      NEST_HTTP_INSTANCE.test(this.sourceCode.text)
    )
      this.scan(this.sourceCode.ast);
    const apps = [...this.apps.values()];
    // The modules that create the linted file's apps run first: their middleware is in place before.
    for (const app of apps) {
      const program = programOf(app.node);
      if (!this.isHome(app.node)) this.scan(program);
    }
    this.gatherHanded();
    for (const app of this.apps.values()) {
      const creator = programOf(app.node);
      app.calls.sort((a, b) => this.runOrder(a, b, creator));
    }
    const routes: Route[] = [];
    for (const app of this.apps.values()) {
      if (app.framework === 'koa') continue;
      for (const call of app.calls) {
        if (!this.isHome(call)) continue;
        const route = routeOf(app, call);
        if (route) routes.push(route);
      }
    }
    routes.push(...this.plainHandlerRoutes());
    return { routes, apps: [...this.apps.values()] };
  }

  /** Gathers the calls a module makes on apps. */
  private scan(program: TSESTree.Program): void {
    if (this.scanned.has(program)) return;
    this.scanned.add(program);
    const index = moduleIndex(program);
    const linted = program === this.home;
    for (const [method, calls] of index.methodCalls) {
      if (!APP_METHODS.has(method)) continue;
      const fewest = MIN_ARGUMENTS[method] ?? 0;
      for (const call of calls) {
        // `map.get(key)`, `emitter.on('close', fn)`: too few arguments to be a registration, and
        // not worth following the receiver into other modules to find out.
        const receiver = calledMethodObject(call);
        // A chained registration takes its path from the call before (`app.route('/mcp').post(h)`).
        if (call.arguments.length < fewest && receiver?.type !== AST_NODE_TYPES.CallExpression) continue;
        // `if (REQUIRE_AUTH) app.post('/mcp', auth, h); else app.post('/mcp', h);` with
        // `const REQUIRE_AUTH = true`: the code fixes the branch, and the other never registers.
        if (inDeadBranch(call)) continue;
        const app = receiver && this.appOf(receiver, 0);
        // Another module's calls count only on the apps the linted file uses.
        if (app && (linted || this.apps.has(app.node))) app.calls.push(call);
      }
    }
    // An app that nothing is called on still serves (a router mounted elsewhere).
    if (linted) {
      for (const [node, entities] of trackedNodes(this.sourceCode)) {
        const [app] = entitiesOfKind(entities, 'app');
        if (app) this.instance(node, app.framework, null);
      }
    }
  }

  /**
   * The calls that functions of other modules make on an app the scanned modules hand them
   * (`installGuards(this.app, secret)` with `installGuards` imported, which runs
   * `app.use(check)`): middleware mounted there guards the routes registered after the handing
   * call, as if written in its place. Followed through the functions they hand the app on to.
   */
  private gatherHanded(): void {
    // Where an app is: the node that makes it, and the names its calls are made on.
    const holders = new Map<TSESTree.Node | Scope.Variable, AppInstance>();
    // The properties an app may be held in (`this.app`, `server.app`): a member read under any
    // other name holds none, and is not resolved.
    const properties = new Set<string>();
    for (const app of this.apps.values()) {
      holders.set(app.node, app);
      const held = outermostWrapper(app.node).parent;
      if (held?.type === AST_NODE_TYPES.AssignmentExpression && held.left.type === AST_NODE_TYPES.MemberExpression)
        properties.add(propertyName(held.left) ?? '');
      if (held?.type === AST_NODE_TYPES.PropertyDefinition || held?.type === AST_NODE_TYPES.Property)
        properties.add(propertyName(held) ?? '');
      for (const call of app.calls) {
        const receiver = calledMethodObject(call);
        const name = receiver && skipTypeWrappers(receiver);
        if (name?.type === AST_NODE_TYPES.MemberExpression) properties.add(propertyName(name) ?? '');
        const variable = name?.type === AST_NODE_TYPES.Identifier ? variableOf(name) : null;
        if (variable && !holders.has(variable)) holders.set(variable, app);
      }
    }
    // The names an app is held under: a module that writes none of them hands none on, and is
    // not indexed nor its scopes analysed.
    const names = new Set([...properties]);
    for (const holder of holders.keys())
      if ('name' in holder && typeof holder.name === 'string') names.add(holder.name);
    names.delete('');
    const mayHand = (program: TSESTree.Program): boolean => {
      const { text } = codeOf(program);
      for (const name of names) if (text.includes(name)) return true;
      return false;
    };
    const appIn = (argument: TSESTree.Node): AppInstance | undefined => {
      const value = skipTypeWrappers(argument);
      if (value.type === AST_NODE_TYPES.Identifier) {
        if (!names.has(value.name)) return undefined;
        const variable = variableOf(value);
        const app = variable && holders.get(variable);
        if (app) return app;
      } else if (value.type !== AST_NODE_TYPES.MemberExpression || !properties.has(propertyName(value) ?? '')) {
        return undefined;
      }
      return holders.get(skipTypeWrappers(resolveExpression(value) ?? value));
    };
    for (const program of this.scanned) {
      if (!mayHand(program)) continue;
      for (const call of moduleIndex(program).calls) {
        if (inDeadBranch(call)) continue;
        call.arguments.forEach((argument, index) => {
          const app = appIn(argument);
          if (app) this.handTo(app, call, index, 0);
        });
      }
    }
  }

  /** What the function `call` calls does with the app it is given at `index` (see `gatherHanded`). */
  private handTo(app: AppInstance, call: TSESTree.CallExpression, index: number, depth: number): void {
    if (depth >= MAX_RUN_DEPTH) return;
    const fn = resolveFunction(call.callee);
    const name = fn && parameterName(fn.params[index]);
    if (!fn || !name) return;
    if (!this.functionIds.has(fn)) this.functionIds.set(fn, this.functionIds.size);
    const key = `${this.functionIds.get(fn)} ${index}`;
    let read = this.handedTo.get(app);
    if (!read) this.handedTo.set(app, (read = new Set()));
    if (read.has(key)) return;
    read.add(key);
    const variable = declaredVariables(fn).find((declared) => declared.name === name.name);
    // A parameter given another value on the way holds the app only until then.
    if (!variable || variable.references.some((reference) => reference.isWrite())) return;
    // The linted file as another module reads it from disk: its calls are already gathered.
    const linted = moduleOf(this.home).file;
    const twin = linted !== null && moduleOf(fn).file === linted && programOf(fn) !== this.home;
    for (const reference of variable.references) {
      const held = outermostWrapper(reference.identifier as TSESTree.Node);
      const parent = held.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== held) {
        // `installAuth(app)`: handed on.
        const at = parent.arguments.indexOf(held as TSESTree.CallExpressionArgument);
        if (at >= 0) this.handTo(app, parent, at, depth + 1);
        continue;
      }
      // `app.use(check)`: a call on the app.
      if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== held) continue;
      const registering = outermostWrapper(parent).parent;
      if (registering?.type !== AST_NODE_TYPES.CallExpression || registering.callee !== outermostWrapper(parent))
        continue;
      const method = calledMethodName(registering);
      if (method === null || !APP_METHODS.has(method) || registering.arguments.length < (MIN_ARGUMENTS[method] ?? 0))
        continue;
      if (inDeadBranch(registering)) continue;
      if (!this.handedAt.has(registering)) this.handedAt.set(registering, call);
      // Routes are the linted file's own calls; another module's only guard them.
      if (!twin && !this.isHome(registering) && !app.calls.includes(registering)) app.calls.push(registering);
    }
  }

  /**
   * The order in which two calls on an app run (see `runOrder`); calls of two modules that both
   * run inside functions the app's own module calls (`installGuards(this.app)` in guard.ts, then
   * `installEndpoints(this.app)` in routes.ts) run in the order that module calls them: express
   * runs middleware and routes in the order they are registered (express 5.3.0
   * `lib/application.js` hands `use` and `route` to router 2.3.0, whose `index.js` `next()` walks
   * `stack[idx++]`).
   */
  private runOrder(a: TSESTree.CallExpression, b: TSESTree.CallExpression, creator: TSESTree.Program): number {
    // Only where a function handed the app made one of them: the others keep the order they had,
    // and finding every caller of their functions across modules is not paid for.
    if (programOf(a) !== programOf(b) && (this.handedAt.has(a) || this.handedAt.has(b))) {
      const inA = this.positionIn(a, creator, 0);
      const inB = inA && this.positionIn(b, creator, 0);
      if (inA && inB) return compareRuns(inA, inB) || a.range[0] - b.range[0];
    }
    return runOrder(a, b, this.home);
  }

  /**
   * Where a node runs in `program`'s order: its run position there, or, in another module,
   * inside the call that hands its function the app, or else inside the first call that leads
   * there from `program`, a module-level function at a time; `null` when `program` does not lead to it.
   */
  private positionIn(node: TSESTree.Node, program: TSESTree.Program, depth: number): RunPosition | null {
    if (programOf(node) === program) return runPosition(node);
    let known = this.framed.get(program);
    if (!known) this.framed.set(program, (known = new Map()));
    if (known.has(node)) return known.get(node)!;
    // Asked again on the way to itself (functions that call each other): not led to that way.
    known.set(node, null);
    let first: RunPosition | null = null;
    const via = this.handedAt.get(node);
    const fn = via ? null : outermostFunction(node);
    if (depth < MAX_RUN_DEPTH) {
      for (const call of via ? [via] : fn ? (callsOf(fn)?.calls ?? []) : []) {
        if (fn && containsNode(fn, call)) continue;
        const position = this.positionIn(call, program, depth + 1);
        if (position && (!first || compareRuns(position, first) < 0)) first = position;
      }
    }
    const position = first && [...first, node.range[0]];
    known.set(node, position);
    return position;
  }

  private instance(
    node: TSESTree.Node,
    framework: AppFramework,
    parent: AppInstance | null,
    marks: Pick<AppInstance, 'devServer' | 'typed' | 'scopeCall'> = {},
  ): AppInstance {
    let app = this.apps.get(node);
    if (!app) {
      app = { framework, node, parent, calls: [], ...marks };
      this.apps.set(node, app);
    }
    return app;
  }

  /**
   * The app a receiver is: what an adapter makes, followed through variables, class fields,
   * imports, return values and parameters; a chained registration (`app.use(a).post(b)`); or
   * the instance a Fastify plugin is given.
   */
  private appOf(node: TSESTree.Node, steps: number): AppInstance | null {
    if (steps > MAX_STEPS) return null;
    const expression = skipTypeWrappers(node);
    // Each expression is worked out once; one on the way to itself is no app.
    if (this.known.has(expression)) return this.known.get(expression) ?? null;
    this.known.set(expression, null);
    const app = this.appOfUncached(expression, steps);
    this.known.set(expression, app);
    return app;
  }

  private appOfUncached(expression: TSESTree.Node, steps: number): AppInstance | null {
    const [entity] = entitiesOf(expression, 'app');
    if (entity) return this.instance(expression, entity.framework, null);
    if (expression.type === AST_NODE_TYPES.CallExpression) {
      // A function or method of the project (`this.upstream()` of a class that extends an app is
      // its own method, not a registration): what it hands back.
      const fn = resolveFunction(expression.callee);
      // One that hands back its app, or a route of it (`route(path) { return this.app.route(path); }`):
      // that app; one that hands back an app it is given (`withJson(app)`), this call's.
      const handed = fn ? returnedExpressions(fn).map((value) => givenArgument(value, fn, expression) ?? value) : [];
      if (handed.length > 0) {
        const apps = handed.map((value) => this.appOf(value, steps + 1));
        if (apps[0] && apps.every((app) => app === apps[0])) return apps[0];
      }
      const object = calledMethodObject(expression);
      const method = calledMethodName(expression);
      // A method of the project by a name apps register with (a subclass's own `use(...)` that
      // calls `super.use`) chains as the framework's does; any other (`this.upstream()`) does not.
      const chainable = method !== null && (!fn || APP_METHODS.has(method));
      const inner = chainable && object ? this.appOf(object, steps + 1) : null;
      // Registrations return the app (express `use`, Hono's routes); express `route(path)` returns
      // a route whose verbs register on the app.
      if (inner && ROUTE_SHAPES[inner.framework].chains) return inner;
      // `Fastify().withTypeProvider<ZodTypeProvider>()`: the same instance, retyped.
      if (inner && ROUTE_SHAPES[inner.framework].returnsApp?.has(method!)) return inner;
      if (inner) return null;
    }
    // `new RpcRoutes()` of a class that extends a framework's app: the class's app.
    if (expression.type === AST_NODE_TYPES.NewExpression) {
      const app = this.classApp(classOf(expression.callee));
      if (app) return app;
    }
    if (expression.type === AST_NODE_TYPES.Identifier) {
      const plugin = this.pluginScope(expression, steps);
      if (plugin) return plugin;
    }
    // `class McpRoutes extends Hono { constructor() { super(); this.post('/', …) } }`: an app.
    if (expression.type === AST_NODE_TYPES.ThisExpression) {
      const app = this.classApp(thisClass(expression));
      if (app) return app;
    }
    const vite = viteDevServer(expression);
    if (vite) return this.instance(vite, 'connect', null, { devServer: 'vite' });
    const nest = nestHttpInstance(expression);
    if (nest) return this.instance(expression, nest, null);
    // `base ? app.basePath(base) : app`: the same app either way.
    if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
      const app = this.appOf(expression.consequent, steps + 1);
      return app && this.appOf(expression.alternate, steps + 1) === app ? app : null;
    }
    const resolved = resolveExpression(expression);
    if (resolved && resolved !== expression) return this.appOf(resolved, steps + 1);
    if (expression.type !== AST_NODE_TYPES.Identifier && expression.type !== AST_NODE_TYPES.MemberExpression)
      return null;
    // A parameter given an app by every call, a `let` assigned one: the first app among its values.
    // The others are known too (`routeIsGuarded` asks each of them for its checks).
    let first: AppInstance | null = null;
    for (const candidate of possibleValues(expression)) {
      if (candidate.known || candidate.node === expression) continue;
      const app = this.appOf(candidate.node, steps + 1);
      first ??= app;
    }
    if (first || expression.type !== AST_NODE_TYPES.Identifier) return first;
    // A parameter no known call gives an app, typed as one (`app: express.Application`).
    const def = variableOf(expression)?.defs[0];
    const framework = def?.type === 'Parameter' ? typedApp(def.name) : null;
    return framework ? this.instance(def!.name, framework, null, { typed: true }) : null;
  }

  /** The app a class's instances are, when it extends a framework's app (`class RpcRoutes extends Hono`). */
  private classApp(cls: ClassNode | null): AppInstance | null {
    const [entity] = cls?.superClass ? constructedEntitiesOf(cls.superClass, 'app') : [];
    return cls && entity ? this.instance(cls, entity.framework, null) : null;
  }

  /**
   * The scope a Fastify plugin's instance parameter is: `app.register(async (instance) => { … })`
   * makes a child scope of `app`; `register(fp(fn))` (fastify-plugin) breaks encapsulation, so
   * what the plugin adds, it adds to `app` itself.
   */
  private pluginScope(id: TSESTree.Identifier, steps: number): AppInstance | null {
    const def = variableOf(id)?.defs[0];
    if (def?.type !== 'Parameter' || !isFunctionNode(def.node)) return null;
    const fn = def.node;
    if (fn.params[0] !== def.name) return null;
    // Elysia's `app.guard(hook, (scope) => scope.post(…))`, `app.group('/api', (scope) => …)`: the
    // callback is given a scope of the app, run as it is called (elysia 1.4.30 dist/index.d.ts).
    const scoping = fn.parent;
    if (
      scoping?.type === AST_NODE_TYPES.CallExpression &&
      scoping.arguments.at(-1) === fn &&
      (calledMethodName(scoping) === 'guard' || calledMethodName(scoping) === 'group')
    ) {
      const receiver = calledMethodObject(scoping);
      const parent = receiver && this.appOf(receiver, steps + 1);
      return parent?.framework === 'elysia' ? this.instance(def.name, 'elysia', parent, { scopeCall: scoping }) : null;
    }
    let holder: TSESTree.Node = fn;
    // A plugin declared elsewhere in the module: `async function routes(instance) { … }`, `const
    // routes = async (instance) => { … }` or `const routes = fp(async (instance) => { … })`.
    const named = pluginName(fn);
    // `export default fp(async (app) => { … })`: registered by the modules that import it.
    if (!named && defaultExportedPlugin(fn)) return this.instance(def.name, 'fastify', null, { typed: true });
    const references = named
      ? (variableOf(named.name)?.references ?? [])
          .filter((reference) => reference.identifier !== named.name)
          .map((reference) => reference.identifier as TSESTree.Node)
      : [fn];
    const registrations: { parent: AppInstance; wrapped: boolean }[] = [];
    for (const reference of references) {
      holder = reference;
      let wrapped = false;
      let call = holder.parent;
      if (
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.arguments[0] === holder &&
        calledMethodName(call) !== 'register'
      ) {
        // `fp(fn)`
        holder = call;
        wrapped = true;
        call = holder.parent;
      }
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== holder) continue;
      if (calledMethodName(call) !== 'register') continue;
      const receiver = calledMethodObject(call);
      const parent = receiver && this.appOf(receiver, steps + 1);
      if (parent?.framework !== 'fastify') continue;
      registrations.push({ parent, wrapped: wrapped || named?.wrapped === true });
    }
    // Registered by this module only, on one app (once, or under several prefixes): a scope of
    // that app (or, through `fp()`, the app itself).
    const [only] = registrations;
    if (
      only &&
      registrations.every((registration) => registration.parent === only.parent) &&
      !(named && registeredElsewhere(named.name, def.node))
    )
      return only.wrapped ? only.parent : this.instance(def.name, 'fastify', only.parent);
    // Registered on several apps, or also by other modules (exported), or where the analysis does
    // not see it but its type (`FastifyPluginAsync`) or `fp()` says it is a plugin: a scope of its
    // own, whose checks are those of every app that registers it (`registrarsCheck`).
    return registrations.length > 0 || named?.typed ? this.instance(def.name, 'fastify', null, { typed: true }) : null;
  }

  /**
   * Plain handlers: `http.createServer(handler)`, a function a test client serves (`request(handler)`)
   * and Koa's `app.use(async (ctx) => …)` that route by hand.
   */
  private plainHandlerRoutes(): Route[] {
    const handlers: { handler: TSESTree.Node; app: AppInstance | null }[] = [];
    const index = mayHoldEntities(this.sourceCode, 'handler-server', 'test-client')
      ? moduleIndex(this.sourceCode.ast)
      : null;
    const calls = index ? [...index.calls, ...index.news] : [];
    for (const call of calls) {
      const handler = call.arguments.at(-1);
      if (handler && entitiesOf(call, 'handler-server').length > 0) handlers.push({ handler, app: null });
      // supertest 7 index.js serves a function as `http.createServer(app)` does (light-my-request
      // calls it with a request of its own): its branches are routes, of a test (`servedInProcessOnly`).
      for (const entity of entitiesOf(call, 'test-client')) {
        const given = call.arguments[entity.argument];
        if (given && given.type !== AST_NODE_TYPES.SpreadElement && resolveFunction(given))
          handlers.push({ handler: given, app: null });
      }
      // `server.on('request', handler)`: the same handler, given after the server is made.
      const [event, listener] = call.arguments;
      if (
        call.type === AST_NODE_TYPES.CallExpression &&
        listener &&
        event &&
        EMITTER_METHODS.includes(calledMethodName(call) ?? '') &&
        staticValue(event)?.value === 'request'
      ) {
        const receiver = calledMethodObject(call);
        const server = receiver && skipTypeWrappers(resolveExpression(receiver) ?? receiver);
        if (server && entitiesOf(server, 'handler-server').length > 0) handlers.push({ handler: listener, app: null });
      }
    }
    for (const app of this.apps.values()) {
      if (app.framework !== 'koa') continue;
      for (const call of app.calls) {
        if (this.isHome(call) && calledMethodName(call) === 'use' && call.arguments[0]) {
          handlers.push({ handler: call.arguments[0], app });
        }
      }
    }
    const routes: Route[] = [];
    const seen = new Set<TSESTree.Node>();
    const boundMethods = new Set<TSESTree.Node>();
    for (const { handler, app } of handlers) {
      const fn = resolveFunction(handler);
      // `http.createServer(transport.handleRequest.bind(transport))`: every request, to the
      // transport; the same method given to an `https` server too is one route.
      const transport = fn || app ? null : boundTransport(handler);
      if (transport) {
        if (boundMethods.has(transport)) continue;
        boundMethods.add(transport);
        routes.push({
          framework: 'node',
          app: null,
          node: handler,
          call: null,
          path: null,
          acceptsPost: true,
          handlers: [handler],
          options: null,
          given: handler,
        });
        continue;
      }
      // One handler passed to an `http` and an `https` server is one set of routes.
      if (!fn || seen.has(fn)) continue;
      seen.add(fn);
      routes.push(...methodBranches(fn, app).map((route) => ({ ...route, given: handler })));
    }
    // A Next.js Pages Router API route: its branches, at its file's path; or, with none, the whole
    // handler, which answers every method there.
    const page = nextApiRoute(this.sourceCode.ast);
    if (page && !seen.has(page.fn)) {
      seen.add(page.fn);
      const branches = methodBranches(page.fn, null);
      const whole: Route = {
        framework: 'node',
        app: null,
        node: page.given,
        call: null,
        path: page.path,
        acceptsPost: true,
        handlers: [page.fn],
        options: null,
      };
      routes.push(
        ...(branches.length > 0
          ? branches.map((branch) => ({
              ...branch,
              path: branch.path ?? page.path,
              node: branch.node === page.fn ? page.given : branch.node,
              given: page.given,
            }))
          : [{ ...whole, given: page.given }]),
      );
    }
    for (const { fn, given, route, middlewareDir } of fetchHandlers(this.sourceCode)) {
      // One function exported for several methods (`export { handler as GET, handler as POST }`) is one route each.
      if (fn && seen.has(fn) && !route) continue;
      if (fn) seen.add(fn);
      if (route) {
        // A Next.js route handler (or an entry of Bun's `routes`) answers one method, or every
        // method, at one path.
        const every = route.method === ALL_METHODS;
        routes.push({
          framework: 'node',
          app: null,
          node: given,
          call: null,
          path: route.path,
          acceptsPost: every ? !(fn && turnsAwayPost(fn)) : route.method === 'POST',
          handlers: [fn ?? given],
          options: null,
          given,
          web: true,
          ...(every ? {} : { exportedFor: route.method }),
          ...(middlewareDir ? { middlewareDir } : {}),
        });
        continue;
      }
      if (!fn) continue;
      // A branch-less handler is reported where the file hands it over, not across its whole body.
      routes.push(
        ...methodBranches(fn, null).map((branch) => ({
          ...branch,
          node: branch.node === fn ? given : branch.node,
          given,
          web: true,
        })),
      );
    }
    return routes;
  }
}

/**
 * Calls of the module that creates an app first, then the others, each in the order it runs: a
 * call in a function runs where the module calls that function (`mount(app)` after
 * `app.use(auth)`), else where it is written.
 */
function runOrder(a: TSESTree.CallExpression, b: TSESTree.CallExpression, home: TSESTree.Program): number {
  const linted = Number(programOf(a) === home) - Number(programOf(b) === home);
  if (linted !== 0) return linted;
  const fileA = moduleOf(a).file ?? '';
  const fileB = moduleOf(b).file ?? '';
  // Two other modules: any fixed order of the modules keeps each one's calls in order.
  if (programOf(a) !== programOf(b)) return fileA < fileB ? -1 : fileA > fileB ? 1 : 0;
  return compareInModule(a, b);
}

/**
 * Orders two nodes of one module as they run: by run position, then where they are written. Calls
 * chained on one another start where the chain does: the inner one, which ends first, runs first.
 */
function compareInModule(a: TSESTree.Node, b: TSESTree.Node): number {
  return compareRuns(runPosition(a), runPosition(b)) || a.range[0] - b.range[0] || a.range[1] - b.range[1];
}

/**
 * Where a node runs, as the offsets of the calls that lead to it from its module's top level,
 * ending with its own: `[12, 40]` is offset 40 in a function called at offset 12.
 */
type RunPosition = readonly number[];

/** Whether `a` runs before `b` in the module that holds both (`false` across modules). */
export function runsBefore(a: TSESTree.Node, b: TSESTree.Node): boolean {
  if (programOf(a) !== programOf(b)) return false;
  return compareInModule(a, b) < 0;
}

/** Orders two run positions: the first offset that differs decides; a call runs before its inside. */
function compareRuns(a: RunPosition, b: RunPosition): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    // Compared, not subtracted: two infinite offsets are equal.
    if (a[index]! !== b[index]!) return a[index]! < b[index]! ? -1 : 1;
  }
  return a.length - b.length;
}

/** How many calls deep `runPosition` follows a function to where it is called. */
const MAX_RUN_DEPTH = 8;

const runPositions = new WeakMap<TSESTree.Node, RunPosition>();

/**
 * Where a node runs in its module's order: in a function that the module calls (a function, a
 * class's constructor or method), inside the first of those calls, followed to the module's top
 * level; else where it is written.
 */
function runPosition(node: TSESTree.Node): RunPosition {
  let position = runPositions.get(node);
  if (position === undefined) {
    position = positionAt(node, 0);
    runPositions.set(node, position);
  }
  return position;
}

/**
 * Whether a class names a member of its own objects anywhere but where it defines it:
 * `this.name`, `this['name']`, or through a name given `this` (`const self = this; self.name`).
 * Another object's member of the same name (`transport.start()`) is not it.
 */
function namedInClass(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): boolean {
  const name =
    member.key.type === AST_NODE_TYPES.Identifier || member.key.type === AST_NODE_TYPES.PrivateIdentifier
      ? member.key.name
      : null;
  if (name === null || member.computed) return true;
  let named = false;
  walk(member.parent, (node) => {
    if (named || node.type !== AST_NODE_TYPES.MemberExpression || !isThisObject(node.object)) return;
    named = node.computed
      ? node.property.type === AST_NODE_TYPES.Literal && node.property.value === name
      : propertyName(node) === name;
  });
  return named;
}

/** `this`, or a variable given `this` where it is declared. */
function isThisObject(node: TSESTree.Node): boolean {
  const object = skipTypeWrappers(node);
  if (object.type === AST_NODE_TYPES.ThisExpression) return true;
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(object)?.defs[0];
  const init = def?.type === 'Variable' ? def.node.init : null;
  return init !== null && init !== undefined && skipTypeWrappers(init).type === AST_NODE_TYPES.ThisExpression;
}

/** `runPosition`, `depth` calls in: what a deeper look would change is not kept. */
function positionAt(node: TSESTree.Node, depth: number): RunPosition {
  const fn = outermostFunction(node);
  if (!fn || depth >= MAX_RUN_DEPTH) return [node.range[0]];
  const outer = calledAt(fn, depth) ?? afterConstruction(fn, depth);
  return outer ? [...outer, node.range[0]] : [node.range[0]];
}

/**
 * Where each function is first called, worked out `depth` calls in: an answer worked out with at
 * least as many calls left to follow serves a deeper question too, so that a function called
 * from many places is followed out once, not once per way to it.
 */
const calledPositions = new WeakMap<HandlerFunction, { depth: number; position: RunPosition | null }>();

/** Where the module first calls a function, or `null` when it calls it nowhere the analysis reads. */
function calledAt(fn: HandlerFunction, depth: number): RunPosition | null {
  const known = calledPositions.get(fn);
  if (known && known.depth <= depth) return known.position;
  const position = firstCall(fn, depth);
  calledPositions.set(fn, { depth, position });
  return position;
}

function firstCall(fn: HandlerFunction, depth: number): RunPosition | null {
  const home = programOf(fn);
  let first: RunPosition | null = null;
  for (const call of callsOf(fn, true)?.calls ?? []) {
    if (programOf(call) !== home || containsNode(fn, call)) continue;
    const position = positionAt(call, depth + 1);
    if (!first || compareRuns(position, first) < 0) first = position;
  }
  return first;
}

/**
 * An instance method that the module never calls (a `start()` its users call) runs on an object
 * that exists, so after its class's constructor and what that calls: after where the module
 * first constructs one, else after the constructor's own code.
 */
function afterConstruction(fn: HandlerFunction, depth: number): RunPosition | null {
  const member = fn.parent;
  const isInstanceMember =
    (member?.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'constructor') ||
    member?.type === AST_NODE_TYPES.PropertyDefinition;
  if (!isInstanceMember || member.value !== fn || member.static) return null;
  // Named anywhere in the class but its definition (`this['setup']()`, `self.setup()`,
  // `this.setup.call(this)`, an arrow property's `this.setup()`): a call the analysis does not
  // read may run it inside the constructor.
  if (namedInClass(member)) return null;
  // The constructor with a body, not an overload's signature.
  const constructor = member.parent.body.find(
    (element) =>
      element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor' && element.value.body,
  );
  if (
    constructor?.type !== AST_NODE_TYPES.MethodDefinition ||
    constructor.value.type !== AST_NODE_TYPES.FunctionExpression
  )
    return null;
  const constructed = calledAt(constructor.value, depth + 1);
  return constructed ? [...constructed, Number.POSITIVE_INFINITY] : [constructor.range[1]];
}

function staticString(node: TSESTree.Node | undefined): string | null {
  if (!node) return null;
  const value = staticValue(node);
  return typeof value?.value === 'string' ? value.value : null;
}

/**
 * The static path of a route's path argument: a string, a constant, a parameter's default
 * (`path = '/mcp'`), or each entry of the list a loop goes through (`for (const p of ['/mcp', '/sse'])`).
 * `null` when none is static.
 */
function routePath(node: TSESTree.Node | undefined): string | null {
  if (!node) return null;
  const direct = staticString(node);
  if (direct !== null) return direct;
  const expression = skipTypeWrappers(node);
  // `PATHS.oauth`: a property of a constant object, here or imported.
  if (expression.type !== AST_NODE_TYPES.Identifier && expression.type !== AST_NODE_TYPES.MemberExpression) return null;
  const looped = expression.type === AST_NODE_TYPES.Identifier ? loopedValues(expression) : null;
  if (looped) return (looped.find((value) => typeof value === 'string' && /mcp/iu.test(value)) as string) ?? null;
  const strings = possibleValues(expression).filter(
    (candidate): candidate is { known: true; value: string; node: TSESTree.Node } =>
      candidate.known && typeof candidate.value === 'string',
  );
  return strings.find((candidate) => /mcp/iu.test(candidate.value))?.value ?? strings[0]?.value ?? null;
}

/** The values a `for (const x of list)` variable takes, when the list's entries are known. */
function loopedValues(id: TSESTree.Identifier): unknown[] | null {
  const def = variableOf(id)?.defs[0];
  if (def?.type !== 'Variable') return null;
  const declaration = def.node.parent;
  const loop = declaration?.parent;
  if (loop?.type !== AST_NODE_TYPES.ForOfStatement || loop.left !== declaration) return null;
  const list = resolveExpression(loop.right);
  if (list?.type !== AST_NODE_TYPES.ArrayExpression) return null;
  return list.elements.flatMap((element) => {
    if (!element) return [];
    const inner = element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element;
    return possibleValues(inner).flatMap((candidate) => (candidate.known ? [candidate.value] : []));
  });
}

/** Reads one registering call on an app as a route, or `null` when it registers none. */
function routeOf(app: AppInstance, call: TSESTree.CallExpression): Route | null {
  const method = calledMethodName(call);
  if (!method) return null;
  const framework: Framework = app.framework === 'koa' ? 'koa-router' : app.framework;
  const shape = ROUTE_SHAPES[app.framework];
  // `app.post(path, ...middleware, handler)`: a spread stands for the list it spreads.
  const args = call.arguments.map((argument) =>
    argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument,
  );
  // On a chain written over several lines (`new Hono()\n  .use(auth)\n  .post(…)`) the route is
  // where its method is named, not the lines of the chain before it.
  const named = skipTypeWrappers(call.callee);
  const chained = named.type === AST_NODE_TYPES.MemberExpression && named.loc.start.line !== named.loc.end.line;
  const base = { framework, app, node: chained ? named.property : call.callee, call, options: null };

  if (shape.special === 'fastify' && method === 'route') {
    const options = args[0] ? resolveObjectExpression(args[0]) : null;
    if (!options) return null;
    const verbs = findObjectProperty(options, 'method');
    let url = findObjectProperty(options, 'url');
    // `path` is an alias of `url` (fastify lib/route.js).
    if (url.kind === 'missing') url = findObjectProperty(options, 'path');
    const handler = findObjectProperty(options, 'handler');
    return {
      ...base,
      path: url.kind === 'found' && url.value ? routePath(url.value) : null,
      acceptsPost: staticMethods(verbs.kind === 'found' ? verbs.value : null).includes('POST'),
      // `handler: fn`, or a method `async handler(request, reply) { … }`.
      handlers: handler.kind === 'found' ? [handler.value ?? handler.property.value] : [],
      options,
    };
  }
  if (shape.special === 'hono' && method === 'on') {
    const methods = staticMethods(args[0]);
    return { ...base, path: routePath(args[1]), acceptsPost: methods.includes('POST'), handlers: args.slice(2) };
  }
  // `app.openapi(createRoute({ method: 'post', path: '/mcp', … }), handler)` of `OpenAPIHono`
  // (@hono/zod-openapi): the route's method and path are in its config.
  if (shape.special === 'hono' && method === 'openapi') {
    let config: TSESTree.Node | null = args[0] ? skipTypeWrappers(resolveExpression(args[0]) ?? args[0]) : null;
    if (config?.type === AST_NODE_TYPES.CallExpression && nameOf(skipTypeWrappers(config.callee)) === 'createRoute')
      config = config.arguments[0] ?? null;
    const options = config ? resolveObjectExpression(config) : null;
    if (!options) return null;
    const verb = findObjectProperty(options, 'method');
    const routed = findObjectProperty(options, 'path');
    const verbValue = verb.kind === 'found' && verb.value ? staticValue(verb.value)?.value : undefined;
    // The config's `middleware` runs before the handler: `this.on(method, path, ...middleware,
    // ...validators, handler)` (@hono/zod-openapi src/index.ts), with `{id}` read as `:id`.
    const middleware = findObjectProperty(options, 'middleware');
    const listed = middleware.kind === 'found' && middleware.value ? skipTypeWrappers(middleware.value) : null;
    const before: TSESTree.Node[] =
      listed?.type === AST_NODE_TYPES.ArrayExpression
        ? listed.elements.flatMap((element) =>
            element && element.type !== AST_NODE_TYPES.SpreadElement ? [element] : [],
          )
        : listed
          ? [listed]
          : [];
    const path = routed.kind === 'found' && routed.value ? routePath(routed.value) : null;
    return {
      ...base,
      path: path?.replace(/\{([^}]+)\}/gu, ':$1') ?? null,
      acceptsPost: typeof verbValue === 'string' && verbValue.toUpperCase() === 'POST',
      handlers: [...before, ...args.slice(1, 2)],
    };
  }
  // h3 2's `use(path?, fn, opts?)`: middleware, for the requests of `opts.method` when it is given.
  if (shape.special === 'h3' && method === 'use') {
    const routed = args[0] && (staticString(args[0]) !== null || isPathLike(args[0]));
    const [fn, options] = routed ? args.slice(1, 3) : args.slice(0, 2);
    const object = options ? resolveObjectExpression(options) : null;
    const only = object ? findObjectProperty(object, 'method') : null;
    const methods = only?.kind === 'found' ? staticMethods(only.value) : [];
    return {
      ...base,
      path: routed ? routePath(args[0]) : null,
      acceptsPost: only?.kind !== 'found' || methods.includes('POST'),
      handlers: fn ? [fn] : [],
    };
  }
  // h3 2's `on(method, path, handler, opts?)` and `post(path, handler, opts?)`: one handler, after
  // the `middleware` of its options, which run first (h3 2.0.1-rc.29 src/h3.ts `routeHandler`).
  // `on('', …)` is `all`.
  if (shape.special === 'h3' && (method === 'on' || shape.verbs.has(method))) {
    const on = method === 'on';
    const [handler, options] = on ? args.slice(2, 4) : args.slice(1, 3);
    const methods = on ? staticMethods(args[0]) : [];
    return {
      ...base,
      path: routePath(on ? args[1] : args[0]),
      acceptsPost: on ? methods.includes('POST') || methods.includes('') : method === 'post' || method === 'all',
      handlers: [...h3RouteMiddleware(options), ...(handler ? [handler] : [])],
    };
  }
  if ((shape.special === 'fastify' && method === 'register') || (shape.special === 'elysia' && method === 'use')) {
    const mounted = args[0] ? mountedMcpRoute(app, args, base) : null;
    if (mounted || shape.special === 'fastify') return mounted;
  }
  // Elysia's `route(method, path, handler, hook?)`.
  if (shape.special === 'elysia' && method === 'route') {
    const methods = staticMethods(args[0]);
    return {
      ...base,
      path: withGroupPrefix(app, routePath(args[1])),
      acceptsPost: methods.includes('POST') || methods.includes('ALL'),
      handlers: args.slice(2, 3),
      options: args[3] ? resolveObjectExpression(args[3]) : null,
    };
  }
  if (shape.special === 'express' && method === 'route') return null;
  if (!shape.verbs.has(method)) return null;
  // `app.route('/mcp').post(handler)` (express): the path is on the inner call.
  const callee = skipTypeWrappers(call.callee) as TSESTree.MemberExpression;
  const inner = skipTypeWrappers(callee.object);
  let path: string | null = null;
  let rest = args;
  const routeCall = shape.special === 'express' ? chainedRoute(inner) : null;
  if (routeCall) {
    path = routePath(routeCall.arguments[0]);
  } else if (args[0] && (staticString(args[0]) !== null || isPathLike(args[0]))) {
    path = routePath(args[0]);
    rest = args.slice(1);
  }
  let options: TSESTree.ObjectExpression | null = null;
  // Fastify's `post(path, options, handler)`: the options may be a constant.
  if (shape.special === 'fastify' && rest.length >= 2) {
    options = resolveObjectExpression(rest[0]!);
    if (options || !resolveFunction(rest[0]!)) rest = rest.slice(1);
  }
  // Elysia's `post(path, handler, hook?)`: one handler, and its hook object after it; in a
  // `group(prefix, …)` scope, under the group's prefix.
  if (shape.special === 'elysia') {
    options = rest[1] ? resolveObjectExpression(rest[1]) : null;
    rest = rest.slice(0, 1);
    path = withGroupPrefix(app, path);
  }
  return {
    ...base,
    path,
    acceptsPost: method === 'post' || method === 'all' || method === 'use',
    handlers: rest,
    options,
  };
}

/**
 * The route a package plugin registers on the app it is given: fastify-mcp's
 * `app.register(streamableHttp, { mcpEndpoint: '/mcp' })` (Fastify also reads a `prefix` from the
 * same options), elysia-mcp's `app.use(mcp({ basePath }))`. The options may be held by a constant;
 * a path that is not static is `null`.
 */
function mountedMcpRoute(
  app: AppInstance,
  args: readonly TSESTree.Node[],
  base: Pick<Route, 'framework' | 'app' | 'node' | 'call' | 'options'>,
): Route | null {
  const plugin = args[0]!;
  const made = skipTypeWrappers(resolveExpression(plugin) ?? plugin);
  const [entity] = [...entitiesOf(made, 'mcp-routes'), ...(made === plugin ? [] : entitiesOf(plugin, 'mcp-routes'))];
  if (!entity) return null;
  const { routes } = entity;
  if ((routes.mountedBy === 'use') !== (made.type === AST_NODE_TYPES.CallExpression)) return null;
  const given = routes.mountedBy === 'register' ? args[1] : (made as TSESTree.CallExpression).arguments[0];
  const options = given && given.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(given) : null;
  // Options the file does not show: the path is unknown, and so is a check among them.
  const unseen = given !== undefined && !options;
  const option = (key: string): ReturnType<typeof findObjectProperty> | null =>
    options ? findObjectProperty(options, key) : null;
  const written = option(routes.pathOption);
  let path: string | null =
    written?.kind === 'found'
      ? written.value
        ? routePath(written.value)
        : null
      : written?.kind === 'unknown' || unseen
        ? null
        : routes.defaultPath;
  const prefix = routes.mountedBy === 'register' ? option('prefix') : null;
  if (path !== null && prefix?.kind === 'found') {
    const start = prefix.value ? routePath(prefix.value) : null;
    path = start === null ? null : `${start.replace(/\/$/u, '')}${path}`;
  }
  if (routes.mountedBy === 'use') path = withGroupPrefix(app, path);
  // Options the file does not show may hold the check: taken as holding it.
  const authenticated =
    (unseen && routes.authenticatedBy !== undefined) ||
    (routes.authenticatedBy ?? []).some((key) => {
      const found = option(key);
      return found !== null && found.kind !== 'missing';
    });
  return {
    ...base,
    path,
    acceptsPost: true,
    handlers: [plugin],
    mounts: { plugin: routes, authenticated },
  };
}

/** The `middleware` list of h3 2 route options (`{ middleware: [auth] }`), as written. */
function h3RouteMiddleware(options: TSESTree.Node | undefined): TSESTree.Node[] {
  const object = options ? resolveObjectExpression(options) : null;
  const found = object ? findObjectProperty(object, 'middleware') : null;
  const listed = found?.kind === 'found' && found.value ? skipTypeWrappers(found.value) : null;
  if (listed?.type !== AST_NODE_TYPES.ArrayExpression) return listed ? [listed] : [];
  return listed.elements.flatMap((element) =>
    !element ? [] : [element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element],
  );
}

/**
 * The methods, upper-cased, a route's method argument names (`'post'`, `['GET', 'POST']`); none
 * when the code does not show them.
 */
function staticMethods(node: TSESTree.Node | null | undefined): string[] {
  const value = node ? staticValue(node)?.value : undefined;
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((method) => String(method).toUpperCase());
}

/**
 * A path of an Elysia scope under the prefixes of the `group(prefix, …)` calls it is in; `null`
 * where one is not static.
 */
function withGroupPrefix(app: AppInstance, path: string | null): string | null {
  let joined = path;
  for (let scope: AppInstance | null = app; scope?.scopeCall && joined !== null; scope = scope.parent) {
    if (calledMethodName(scope.scopeCall) !== 'group') continue;
    const prefix = routePath(scope.scopeCall.arguments[0]);
    joined = prefix === null ? null : `${prefix.replace(/\/$/u, '')}${joined === '/' ? '' : joined}` || '/';
  }
  return joined;
}

/** `app.route('/mcp')` under a chain of verbs: `app.route('/mcp').get(a).post(b)`. */
function chainedRoute(node: TSESTree.Node): TSESTree.CallExpression | null {
  let current = node;
  const verbs = ROUTE_SHAPES.express.verbs;
  for (let depth = 0; depth < 10 && current.type === AST_NODE_TYPES.CallExpression; depth++) {
    const method = calledMethodName(current);
    if (method === 'route') return current;
    if (!method || !verbs.has(method)) return null;
    current = skipTypeWrappers((skipTypeWrappers(current.callee) as TSESTree.MemberExpression).object);
  }
  return null;
}

/** A path argument the code does not spell out (a template, a constant from elsewhere, a list of paths). */
function isPathLike(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  if (
    expression.type === AST_NODE_TYPES.TemplateLiteral ||
    expression.type === AST_NODE_TYPES.Literal ||
    expression.type === AST_NODE_TYPES.ArrayExpression
  ) {
    return true;
  }
  if (expression.type === AST_NODE_TYPES.Identifier && /path|route|endpoint|url/iu.test(expression.name)) {
    // Not `app.use(router)`: a name that holds a router or an app (`Router()`, `express()`), an
    // object or a function, or is named for a router.
    if (/rout(?:er|es)$/iu.test(expression.name)) return false;
    const held = skipTypeWrappers(resolveExpression(expression) ?? expression);
    return !(
      held.type === AST_NODE_TYPES.ObjectExpression ||
      isFunctionNode(held) ||
      ((held.type === AST_NODE_TYPES.CallExpression || held.type === AST_NODE_TYPES.NewExpression) &&
        entitiesOf(held, 'app').length > 0)
    );
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(expression);
    if (name !== null && /path|route|endpoint|url/iu.test(name)) return true;
  }
  if (typeof staticValue(expression)?.value === 'string') return true;
  // `PATHS.oauth` of a constant object another module exports.
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return false;
  const values = possibleValues(expression);
  return values.length > 0 && values.every((value) => value.known && typeof value.value === 'string');
}

/**
 * The routes of a plain request handler, and of the functions of its module it hands the request
 * to (`handleStreamable(req, res)`, `this.handleRequest(req, res)`): each POST branch
 * (`if (req.method === 'POST') { … }`, or the rest of the function after
 * `if (req.method !== 'POST') return …;`), and each branch that hands the request to an MCP
 * transport under no method test (every method, POST included, reaches it), whatever other
 * branches come before. The path a branch tests for, if any, rides along.
 */
function methodBranches(handler: HandlerFunction, koaApp: AppInstance | null): Route[] {
  const routes: Route[] = [];
  const handedTo = handlerCalls(handler, 2);
  const functions = [handler, ...handedTo.map((call) => call.fn)];
  const postTests = new Set<TSESTree.Node>();
  for (const fn of functions) {
    walk(fn.body, (node) => {
      if (node.type !== AST_NODE_TYPES.IfStatement) return;
      const post = methodTest(node.test);
      if (!post || postTests.has(post.test)) return;
      postTests.add(post.test);
      const tested = pathTest(node.test);
      const around = tested === null ? enclosingPath(node, fn) : null;
      // A branch that hands the request on is named by the path around it, not judged by it.
      const handsOn = around !== null && handsRequestOn(node.consequent, fn);
      routes.push({
        framework: 'node',
        app: koaApp,
        node: post.test,
        call: null,
        path: tested ?? (handsOn ? null : around),
        acceptsPost: true,
        handlers: [handler],
        options: null,
        ...(handsOn ? { enclosingPath: around } : {}),
      });
    });
  }
  /** Whether the handler hands the request to `fn` only from a POST branch read above: that branch is its route. */
  const inPostBranch = (fn: HandlerFunction): boolean => {
    const calls = handedTo.filter((handed) => handed.fn === fn).map((handed) => handed.call);
    return (
      calls.length > 0 &&
      calls.every((call) => {
        for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) {
          if (node.type === AST_NODE_TYPES.IfStatement && postTests.has(methodTest(node.test)?.test ?? node)) {
            return containsNode(node.consequent, call);
          }
        }
        return false;
      })
    );
  };
  for (const fn of functions) {
    if (fn !== handler && inPostBranch(fn)) continue;
    for (const transport of transportCalls(fn)) {
      const conditions = conditionsAround(transport, fn);
      // A branch for another method (`GET /sse`), or one already read as a POST branch; an early
      // exit for other methods only (`if (req.method === 'OPTIONS') return …`) lets POST through.
      if (conditions.some(({ test, exit }) => anyMethodTest(test) && !(exit && onlyOtherMethods(test)))) continue;
      // An early exit names the route's path when it turns away every other path (`if (url !==
      // '/mcp') return`), not when it answers one path of its own (`if (url === '/up') return`).
      const test =
        conditions.find(({ test, exit }) => pathTest(test) !== null && (!exit || excludesPath(test)))?.test ?? null;
      if (routes.some((route) => route.node === test || (test === null && route.node === fn))) continue;
      routes.push({
        framework: 'node',
        app: koaApp,
        node: test ?? fn,
        call: null,
        path: test ? pathTest(test) : null,
        acceptsPost: true,
        handlers: [handler],
        options: null,
      });
    }
  }
  return routes;
}

/**
 * The tests that lead to `node` within `fn`: of the `if` statements around it, and of earlier
 * `if (…) return` exits in its blocks (negated, but a method or path test either way).
 */
function conditionsAround(node: TSESTree.Node, fn: HandlerFunction): { test: TSESTree.Node; exit: boolean }[] {
  const tests: { test: TSESTree.Node; exit: boolean }[] = [];
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && child !== parent.test)
      tests.push({ test: parent.test, exit: false });
    if (parent.type === AST_NODE_TYPES.BlockStatement) {
      const position = parent.body.indexOf(child as TSESTree.Statement);
      for (const earlier of parent.body.slice(0, Math.max(position, 0))) {
        if (earlier.type === AST_NODE_TYPES.IfStatement && exits(earlier.consequent))
          tests.push({ test: earlier.test, exit: true });
      }
    }
  }
  return tests;
}

/**
 * Whether a handler that answers every method turns POST away before it does anything else: after
 * declarations, plain statements and early exits for other methods (`if (req.method === 'OPTIONS')
 * return …`), an early exit whose test POST passes and some other method fails
 * (`if (req.method !== 'GET') return new Response(null, { status: 405 })`).
 */
function turnsAwayPost(fn: HandlerFunction): boolean {
  return exitsFirstWhen(fn, allowsOnlyOthers);
}

/**
 * Whether a handler that is given every method turns all but POST away first: after
 * declarations, plain statements and early exits for other methods, an early exit for any method
 * but POST (`if (req.method !== 'POST') { res.statusCode = 405; return res.end(); }`).
 */
export function acceptsOnlyPost(fn: HandlerFunction): boolean {
  return exitsFirstWhen(fn, (test) => {
    const expression = skipTypeWrappers(test);
    return (
      expression.type === AST_NODE_TYPES.BinaryExpression &&
      (expression.operator === '!==' || expression.operator === '!=') &&
      comparedMethod(expression) === 'POST'
    );
  });
}

/**
 * Whether, after declarations, plain statements and early exits for other methods, a handler's
 * first early exit is one whose test `refuses` accepts.
 */
function exitsFirstWhen(fn: HandlerFunction, refuses: (test: TSESTree.Expression) => boolean): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && exits(statement.consequent)) {
      if (refuses(statement.test)) return true;
      if (onlyOtherMethods(statement.test)) continue;
      return false;
    }
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration && statement.type !== AST_NODE_TYPES.ExpressionStatement)
      return false;
  }
  return false;
}

/**
 * A test that holds for every method but some that are not POST: `x.method !== 'GET'`, such tests
 * joined by `&&`, `!['GET', 'HEAD'].includes(x.method)`.
 */
function allowsOnlyOthers(test: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(test);
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&')
    return allowsOnlyOthers(expression.left) && allowsOnlyOthers(expression.right);
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
    const listed = skipTypeWrappers(expression.argument);
    const methods = listed.type === AST_NODE_TYPES.CallExpression ? listedMethods(listed) : null;
    return methods !== null && !methods.includes('POST');
  }
  if (expression.type !== AST_NODE_TYPES.BinaryExpression) return false;
  if (expression.operator !== '!==' && expression.operator !== '!=') return false;
  const method = comparedMethod(expression);
  return method !== null && method !== 'POST';
}

/** `x.method === 'OPTIONS'`, or several such tests joined by `||`: a test that POST fails. */
function onlyOtherMethods(test: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(test);
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '||')
    return onlyOtherMethods(expression.left) && onlyOtherMethods(expression.right);
  // `req.method === 'GET' && url === '/status'`: true only for GET requests.
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&')
    return onlyOtherMethods(expression.left) || onlyOtherMethods(expression.right);
  // `['GET', 'HEAD'].includes(req.method)`
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const methods = listedMethods(expression);
    return methods !== null && !methods.includes('POST');
  }
  if (expression.type !== AST_NODE_TYPES.BinaryExpression) return false;
  if (expression.operator !== '===' && expression.operator !== '==') return false;
  const method = comparedMethod(expression);
  return method !== null && method !== 'POST';
}

function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement)
    return true;
  return statement.type === AST_NODE_TYPES.BlockStatement && statement.body.some(exits);
}

/** Whether a test compares `x.method` with anything: the handler then routes by method. */
function anyMethodTest(test: TSESTree.Node): boolean {
  let found = false;
  walk(test, (node) => {
    if (
      !found &&
      (node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.Identifier) &&
      isMethodRead(node)
    )
      found = true;
  });
  return found;
}

/** Whether a test routes the request: it tests its path (`url.pathname === '/mcp'`) or its method. */
export function routesRequest(test: TSESTree.Node): boolean {
  return pathTest(test) !== null || anyMethodTest(test);
}

/** `x.method === 'POST'` (or `!== 'POST'` in an early exit) somewhere in a test. */
function methodTest(test: TSESTree.Node): { test: TSESTree.Node } | null {
  let found: { test: TSESTree.Node } | null = null;
  walk(test, (node) => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.BinaryExpression && comparedMethod(node) === 'POST') found = { test: node };
    else if (node.type === AST_NODE_TYPES.CallExpression && listedMethods(node)?.includes('POST'))
      found = { test: node };
  });
  return found;
}

/**
 * The methods, upper-cased, of a list that a call tests `x.method` against
 * (`MCP_METHODS.has(req.method)` with `new Set(['POST', 'GET'])`, `['POST'].includes(req.method)`),
 * or `null`.
 */
function listedMethods(call: TSESTree.CallExpression): string[] | null {
  const method = calledMethodName(call);
  const [argument] = call.arguments;
  const receiver = calledMethodObject(call);
  if ((method !== 'has' && method !== 'includes') || !argument || !receiver) return null;
  if (argument.type === AST_NODE_TYPES.SpreadElement || !isMethodRead(argument)) return null;
  let list = resolveExpression(receiver);
  if (list?.type === AST_NODE_TYPES.NewExpression && list.arguments[0]) list = resolveExpression(list.arguments[0]);
  if (list?.type !== AST_NODE_TYPES.ArrayExpression) return null;
  const methods: string[] = [];
  for (const element of list.elements) {
    const name = element && element.type !== AST_NODE_TYPES.SpreadElement ? staticString(element) : null;
    if (name === null) return null;
    methods.push(name.toUpperCase());
  }
  return methods;
}

/**
 * A read of the request's method: `x.method`, also with a fallback (`req.method ?? ''`) or
 * cased (`req.method.toUpperCase()`), or a name that holds one (`const method = req.method ||
 * 'GET'`, `const { method } = req`).
 */
function isMethodRead(node: TSESTree.Node, depth = 0): boolean {
  const subject = skipTypeWrappers(node);
  switch (subject.type) {
    case AST_NODE_TYPES.MemberExpression:
      return propertyName(subject) === 'method';
    case AST_NODE_TYPES.LogicalExpression:
      return subject.operator !== '&&' && isMethodRead(subject.left, depth);
    case AST_NODE_TYPES.CallExpression: {
      const receiver = calledMethodObject(subject);
      const method = calledMethodName(subject);
      return (
        receiver !== null && (method === 'toUpperCase' || method === 'toLowerCase') && isMethodRead(receiver, depth)
      );
    }
    case AST_NODE_TYPES.Identifier: {
      const def = variableOf(subject)?.defs[0];
      if (depth > 2 || def?.type !== 'Variable') return false;
      const { id, init } = def.node;
      if (id === def.name) return init !== null && isMethodRead(init, depth + 1);
      // `const { method } = req`
      return (
        id.type === AST_NODE_TYPES.ObjectPattern &&
        id.properties.some(
          (property) =>
            property.type === AST_NODE_TYPES.Property &&
            property.value === def.name &&
            propertyName(property) === 'method',
        )
      );
    }
    default:
      return false;
  }
}

/** The method, upper-cased, that a comparison holds `x.method` against (`req.method === 'post'`), or `null`. */
function comparedMethod(comparison: TSESTree.BinaryExpression): string | null {
  for (const [side, other] of [
    [comparison.left, comparison.right],
    [comparison.right, comparison.left],
  ] as const) {
    if (!isMethodRead(side)) continue;
    const method = staticString(other);
    if (method !== null) return method.toUpperCase();
  }
  return null;
}

const PATH_NAMES = /^(?:url|path|pathname)$/u;

/** A read of the request's path by its name: `req.url`, `ctx.path`, `url.pathname`, `pathname`. */
export function isPathRead(node: TSESTree.Node): boolean {
  const name = nameOf(skipTypeWrappers(node));
  return name !== null && PATH_NAMES.test(name);
}

/**
 * Whether a branch hands the request (the function's first parameter) to a call: what it then
 * serves is not told by the paths around it.
 */
function handsRequestOn(branch: TSESTree.Node, fn: HandlerFunction): boolean {
  const [first] = fn.params;
  const request = first?.type === AST_NODE_TYPES.Identifier ? variableOf(first) : null;
  if (!request) return true;
  let hands = false;
  walk(branch, (node) => {
    if (hands || node.type !== AST_NODE_TYPES.CallExpression) return;
    hands = node.arguments.some(
      (argument) => argument.type === AST_NODE_TYPES.Identifier && variableOf(argument) === request,
    );
  });
  return hands;
}

/**
 * The path an `if` around a branch requires, within its function: `if (url.pathname ===
 * '/settings') { … if (req.method === 'POST') … }` (the branch in its consequent), compared
 * with `===` or `==`.
 */
function enclosingPath(branch: TSESTree.Node, fn: HandlerFunction): string | null {
  for (let child = branch, parent = branch.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.IfStatement || parent.consequent !== child) continue;
    // One path the test requires; not one of several it lets through (`path === '/mcp' || path === '/'`).
    const paths = requiredPaths(parent.test);
    if (paths.length === 1) return paths[0]!;
  }
  return null;
}

/**
 * The path a test compares `req.url`, `ctx.path` or `url.pathname` with, or tests it against
 * with `startsWith`, `endsWith` or `includes`.
 */
function pathTest(test: TSESTree.Node): string | null {
  let path: string | null = null;
  walk(test, (node) => {
    if (path !== null) return;
    if (node.type === AST_NODE_TYPES.BinaryExpression) {
      for (const [side, other] of [
        [node.left, node.right],
        [node.right, node.left],
      ] as const) {
        // `url.pathname === httpPath`, with `httpPath = flag ?? process.env.MCP_PATH ?? '/mcp'`: read as
        // a route's path argument is, its default when nothing else is known.
        if (isPathRead(side)) path = routePath(other);
      }
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      const method = calledMethodName(node);
      const receiver = calledMethodObject(node);
      if (method && /^(?:startsWith|endsWith|includes)$/u.test(method) && receiver && isPathRead(receiver)) {
        path = staticString(node.arguments[0]);
      }
    }
  });
  return path;
}

/**
 * The argument of `call` that a returned value stands for, when it is a parameter of `fn`
 * (`function withJson(app) { app.use(json()); return app; }`): that call's `app`.
 */
function givenArgument(value: TSESTree.Node, fn: HandlerFunction, call: TSESTree.CallExpression): TSESTree.Node | null {
  const index = parameterHandedBack(value, fn, 0);
  if (index === null) return null;
  const param = fn.params[index];
  const argument = call.arguments[index];
  if (argument) return argument.type !== AST_NODE_TYPES.SpreadElement ? argument : null;
  // `function withJson(app = express())`: the default when the call gives none.
  return param?.type === AST_NODE_TYPES.AssignmentPattern ? param.right : null;
}

/**
 * The index of the parameter of `fn` that a returned value is: the parameter itself, a
 * registration chain on it (`app.use(express.json())` hands back the app it is called on), or a
 * call of another function of the project that hands back the parameter it is given there
 * (`withJson(app).use(cors())`). `null` for anything else.
 */
function parameterHandedBack(value: TSESTree.Node, fn: HandlerFunction, depth: number): number | null {
  let id = skipTypeWrappers(value);
  while (id.type === AST_NODE_TYPES.CallExpression && id.callee.type === AST_NODE_TYPES.MemberExpression)
    id = skipTypeWrappers(id.callee.object);
  if (id.type === AST_NODE_TYPES.CallExpression && depth < 3) {
    const inner = resolveFunction(id.callee);
    if (!inner || inner === fn) return null;
    const returned = returnedExpressions(inner);
    const indexes = returned.map((answer) => parameterHandedBack(answer, inner, depth + 1));
    const [first] = indexes;
    if (first === null || first === undefined || indexes.some((index) => index !== first)) return null;
    const argument = id.arguments[first];
    return argument && argument.type !== AST_NODE_TYPES.SpreadElement
      ? parameterHandedBack(argument, fn, depth + 1)
      : null;
  }
  if (id.type !== AST_NODE_TYPES.Identifier) return null;
  const def = variableOf(id)?.defs[0];
  if (def?.type !== 'Parameter' || def.node !== fn) return null;
  const index = fn.params.findIndex(
    (param) => param === def.name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name),
  );
  return index >= 0 ? index : null;
}

/**
 * The class whose instance `this` is (`enclosingClass`): not in a static member, where `this` is
 * the class itself.
 */
function thisClass(node: TSESTree.ThisExpression): ClassNode | null {
  const cls = enclosingClass(node);
  for (
    let current: TSESTree.Node | undefined = node.parent;
    cls && current && current !== cls.body;
    current = current.parent
  ) {
    if (
      ((current.type === AST_NODE_TYPES.MethodDefinition || current.type === AST_NODE_TYPES.PropertyDefinition) &&
        current.static) ||
      current.type === AST_NODE_TYPES.StaticBlock
    )
      return null;
  }
  return cls;
}

/**
 * Whether a test holds for the paths other than one it names: `url !== '/mcp'`,
 * `!url.startsWith('/mcp')`, also as one side of `||` (`url !== '/mcp' || method !== 'POST'`) or
 * on both of `&&` (`url !== '/mcp' && url !== '/mcp/'`).
 */
function excludesPath(test: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(test);
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '||') {
    return excludesPath(expression.left) || excludesPath(expression.right);
  }
  // `url !== '/mcp' && url !== '/mcp/'`: every other path.
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&') {
    return excludesPath(expression.left) && excludesPath(expression.right);
  }
  if (
    expression.type === AST_NODE_TYPES.BinaryExpression &&
    (expression.operator === '!==' || expression.operator === '!=')
  ) {
    return isPathRead(expression.left) || isPathRead(expression.right);
  }
  return (
    expression.type === AST_NODE_TYPES.UnaryExpression &&
    expression.operator === '!' &&
    pathTest(expression.argument) !== null
  );
}

/**
 * The paths a branch's test requires, one per `&&` conjunct that compares the request's path
 * (`req.url`, `url.pathname`) with a string (`===`, `==`): `req.method === 'GET' && url.pathname
 * === '/.well-known/oauth-authorization-server'`. A `||` or a negation requires none.
 */
export function requiredPaths(test: TSESTree.Node): string[] {
  const expression = skipTypeWrappers(test);
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&') {
    return [...requiredPaths(expression.left), ...requiredPaths(expression.right)];
  }
  if (
    expression.type !== AST_NODE_TYPES.BinaryExpression ||
    (expression.operator !== '===' && expression.operator !== '==')
  ) {
    return [];
  }
  for (const [side, other] of [
    [expression.left, expression.right],
    [expression.right, expression.left],
  ] as const) {
    const path = isPathRead(side) ? staticString(other) : null;
    if (path !== null) return [path];
  }
  return [];
}

export { servesMcp };
