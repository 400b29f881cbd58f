import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import {
  calledMethodName,
  calledMethodObject,
  containsNode,
  globalPath,
  isNullishLiteral,
  outermostWrapper,
  plainParameterNames,
  skipTypeWrappers,
  textWithout,
  walk,
} from './ast';
import { moduleIndex } from './module-index';
import {
  checksCredential,
  functionChecksCredential,
  isCredentialHeader,
  isGuardPlugin,
  type CheckFinder,
} from './credential-checks';
import { ROUTE_SHAPES, ROUTE_VERBS, WORKER_ONLY_MODULES, exportNamesWith, packagesWith } from '../frameworks/registry';
import { readsFrom, servesMcp } from './mcp-transports';
import {
  foreignMounts,
  mountBase,
  mountCovers,
  mountedPath,
  mountedPaths,
  mountsApp,
  mountsOf,
  pluginRegistrations,
  registeredUnderCondition,
  type PluginRegistration,
  routeIsGuarded,
} from './route-guards';
import { findRoutes, lastHandlerFunction, requiredPaths, type AppInstance, type Route } from './routes';
import { codeOf, isLinted, moduleOf, nameOf, programOf, propertyName, staticValue, variableOf } from './program';
import { importedRouterOfNoMcp, inPackageOfNoMcp, packageMiddleware, servesNoMcpSurely } from './mcp-scope';
import { nestDecorator, nestRoutePaths } from './nest-routes';
import {
  deployedAsVercelApp,
  deployedAsVercelFunction,
  deployedAsVercelNextRoute,
  supabaseFunction,
  deployedAsWorker,
  deployedWithWrangler,
  deployedByPlatformAdapter,
  importersOf,
  importsModuleMatching,
  isPackageEntry,
  resolveSpecifier,
  workerEntry,
} from './module-graph';
import { exportedNamesOf, loadModule, perLintedFileByName } from './exports';
import { appServedInProcessOnly, exportedValue, inTest, isRequestCatcher, serverStarts } from './servers';
import { alwaysExits } from './guards';
import { entitiesOf } from './facts';
import {
  callsOf,
  declaratorHolding,
  enclosingFunction,
  exportedNames,
  externalRefOf,
  findObjectProperty,
  isFunctionNode,
  outermostFunction,
  resolveExpression,
  resolveObjectExpression,
  resolveFunction,
  returnedExpressions,
  usesOf,
  usesOfConstant,
  usesOfFunction,
  type HandlerFunction,
  type ValueUses,
} from './values';
import { conditionsOf, conditionsTowards, memberKey, memberTest, settledThrough } from './conditions';
import { fetchHandlers } from './fetch-handlers';
import { isUrlConstructor } from './request-headers';
import { middlewareOfNoMcp } from './next-config';

/**
 * Which endpoints a CORS policy or a response header reaches, and what stands in front of them.
 * A permissive policy that reaches only public metadata, or only endpoints that refuse requests
 * without a credential a cross-origin page cannot send, gives a hostile page nothing: see
 * docs/threat-model.md.
 */

/**
 * Paths that serve public, read-only metadata meant to be read from anywhere: OAuth and OpenID
 * discovery (RFC 8414, RFC 9728), MCP server cards and other `/.well-known/` documents,
 * `robots.txt`, `llms.txt`, and health checks. A trailing `*` matches any rest of the path.
 */
export const DEFAULT_PUBLIC_PATHS: readonly string[] = [
  '/.well-known/*',
  '/robots.txt',
  '/llms.txt',
  '/favicon.ico',
  '/health',
  '/healthz',
  '/livez',
  '/readyz',
  '/ready',
  '/ping',
];

/** Whether a route path is one of the public paths (a `:param` or `*` segment matches nothing in particular). */
export function isPublicPath(path: string | null, publicPaths: readonly string[]): boolean {
  if (path === null) return false;
  const bare = path.length > 1 ? path.replace(/\/$/u, '') : path;
  return publicPaths.some((pattern) => {
    if (pattern.endsWith('*')) {
      const prefix = pattern.slice(0, -1);
      return bare.startsWith(prefix) && !bare.slice(prefix.length).startsWith(':');
    }
    return bare === pattern;
  });
}

/**
 * A credential that keeps a page out although the policy lets it send and read anything: a
 * bearer token or custom-header token whose value is checked, enforced out of the box. Not a
 * cookie (the browser sends those cross-site), nor a CSRF token (the page can read it).
 */
export const CREDENTIAL_FINDER: CheckFinder = {
  known: 'auth',
  checkFunctions: new Set(),
  checksHeader: isCredentialHeader,
  rejectsWhenMissing: true,
  // The permissive policy itself lets a page send any header: only its value can stop the page.
  verifiesValue: true,
  // What a permissive policy reaches, the page can read: a CSRF token too.
  csrfTokens: false,
  // The server as it runs out of the box.
  enforcedByDefault: true,
};

/**
 * A credential a DNS-rebinding page cannot send: a token as above, or a session cookie, which
 * the browser keeps for the real host name and never sends to the attacker's.
 */
export const REBINDING_CREDENTIAL_FINDER: CheckFinder = {
  ...CREDENTIAL_FINDER,
  checksHeader: (header) => isCredentialHeader(header) || header === 'cookie',
  // What DNS rebinding meets is the server as it runs out of the box.
  enforcedByDefault: true,
  verifiesValue: true,
  // A rebinding page is same-origin: it can read a CSRF token like any page of the site.
  csrfTokens: false,
};

/**
 * A check that refuses a request whose `Origin` is not one it trusts: the SDK's Origin validation,
 * `cors` with an origin function that hands back an error, or a hand check of `Origin` that refuses
 * a wrong value (a request with no `Origin` is no cross-origin read).
 */
const ORIGIN_GUARD_FINDER: CheckFinder = {
  known: 'host-validation',
  originOnly: true,
  checkFunctions: new Set(),
  checksHeader: (header) => header === 'origin',
  rejectsWhenMissing: false,
  verifiesValue: true,
  exactOrigin: true,
};

/**
 * The endpoints of the linted file that a policy at `node` applies to: the route whose handler
 * sets it, or every endpoint of the app (and of what is mounted on it) under the path of the
 * `use`/`register`/hook call that installs it. `null` when that cannot be told: the policy is set
 * in a helper, on an app that other modules' code also adds routes to, or reaches no endpoint
 * the file shows.
 */
export function endpointsReached(
  sourceCode: Readonly<SourceCode>,
  node: TSESTree.Node,
  publicPaths: readonly string[],
  trustMountChecks = false,
): Route[] | null {
  const { routes, apps } = findRoutes(sourceCode);
  const endpoints = routes.filter(isEndpoint);
  // Set in a handler: that route alone (a branch of a plain handler: the routes of that branch).
  const handling = endpoints.filter((route) => handles(route, node));
  if (handling.length > 0) return handling;
  // Set by a route file's preflight handler (`export function OPTIONS()` of a Next.js route file):
  // what it lets through are the requests to that file's other handlers, at its path. (An app's
  // `app.options(path, …)` is read with the app's other calls below.)
  const preflight = routes.find((route) => route.exportedFor === 'OPTIONS' && handles(route, node));
  if (preflight) {
    // A file at a public path serves only that path, whatever handlers it re-exports.
    if (isPublicPath(preflight.path, publicPaths)) return [];
    const reached = endpoints.filter(
      (route) => route.exportedFor !== undefined && programOf(route.node) === programOf(preflight.node),
    );
    return preflight.path !== null && reached.length > 0 ? reached : null;
  }
  for (const app of apps) {
    const call = app.calls.find((candidate) => containsNode(candidate, node));
    if (!call) continue;
    const method = calledMethodName(call);
    // A preflight route (`app.options('*', cors())`) lets through the requests it answers for.
    if (method !== 'use' && method !== 'register' && method !== 'addHook' && method !== 'options') return null;
    // A path the analysis cannot read (a pattern, a list) is taken as every path: more endpoints
    // than it reaches, which only a policy harmless everywhere passes.
    const prefix = method === 'use' || method === 'options' ? (pathPrefix(call) ?? '') : '';
    // Other code may add routes to an app it is handed, but middleware mounted at a public path
    // (`router.use('/.well-known/oauth-authorization-server', cors())`) runs only for that path.
    if (handedElsewhere(app, apps) && !(prefix !== '' && isPublicPath(prefix, publicPaths))) return null;
    // A router's middleware runs for every request that enters the router, and what it sets on
    // the answer stays when the request goes on to the later handlers of the app it is mounted on
    // (`app.use(router)` at the root): each mount must give the router a path of its own.
    if (method === 'use' && !mountedAloneEverywhere(app, apps)) return null;
    // `app.use('/mcp', adapter.middleware())`: a handler the project builds and mounts at a path
    // may hold routes the analysis does not list; what the policy reaches there is not known.
    if (opaqueMount(app, apps, prefix, publicPaths, trustMountChecks)) return null;
    const under = [
      ...endpoints.filter(
        (route) => route.app !== null && within(route.app, app, apps, 0) && covers(prefix, route.path),
      ),
      ...importedRouterEndpoints(app, prefix).filter((route) => covers(prefix, route.path)),
    ];
    // `app.all('/mcp', handler)` before `app.use('*', cors())`: the handler answers, and the
    // middleware never runs for that route. Reaching only such routes, it reaches nothing.
    const reached = under.filter((route) => !answeredBefore(route, call, app));
    return under.length > 0 ? reached : null;
  }
  return endpointsOfCallers(node) ?? endpointsOfConstant(node) ?? endpointsOfHeadersHelper(node);
}

/**
 * The endpoints whose handlers call the function of the project that returns the headers object a
 * policy is written in (`corsHeaders({ 'Content-Type': … })` in a route file's handlers). `null`
 * when it is used any other way.
 */
function endpointsOfHeadersHelper(node: TSESTree.Node): Route[] | null {
  const fn = outermostFunction(node);
  const headers = fn
    ? returnedExpressions(fn).find(
        (returned) =>
          skipTypeWrappers(returned).type === AST_NODE_TYPES.ObjectExpression && containsNode(returned, node),
      )
    : undefined;
  return fn && headers ? endpointsRunning(fn) : null;
}

/** The endpoints that run a function of the project (`routesHandledBy`), or `null` when none is known. */
function endpointsRunning(fn: HandlerFunction): Route[] | null {
  const endpoints = routesHandledBy(fn)?.filter(isEndpoint) ?? [];
  return endpoints.length > 0 ? endpoints : null;
}

/**
 * The endpoints whose handlers use the module-level constant a policy is written in
 * (`const CORS = { 'Access-Control-Allow-Origin': '*' }` spread into some routes' answers), in
 * its module and the modules that import it; a preflight handler's use reaches the routes at its
 * path. `null` when a use lies outside every route's handler.
 */
function endpointsOfConstant(node: TSESTree.Node): Route[] | null {
  const declarator = constantHolding(node);
  const found = declarator && usesOfConstant(declarator);
  if (!found?.complete || found.uses.length === 0) return null;
  const reached: Route[] = [];
  for (const use of found.uses) {
    const { routes } = findRoutes(codeOf(use));
    const using = routes.filter((route) =>
      route.handlers.some((handler) => {
        const fn = resolveFunction(handler);
        return fn !== null && containsNode(fn, use);
      }),
    );
    if (using.length === 0) {
      // In a function of the project that no route handles itself (the handler a factory returns,
      // `protectedResourceHandler({ … })(request)` in a route file's handler): the routes of its callers.
      const fn = outermostFunction(use);
      const handled = fn && endpointsRunning(fn);
      if (!handled) return null;
      reached.push(...handled);
      continue;
    }
    for (const route of using) {
      if (isEndpoint(route)) reached.push(route);
      else if (isPreflight(route)) {
        reached.push(...routes.filter((other) => other.path === route.path && isEndpoint(other)));
        // Middleware on the way (`app.use((req, res, next) => { res.set(CORS); … })`) reaches
        // what comes after it, which this does not list.
      } else return null;
    }
  }
  return reached.length > 0 ? [...new Set(reached)] : null;
}

/**
 * The declarator of the constant whose value holds `node` (`const CORS = { …: '*' }`), outside any
 * function of it.
 */
function constantHolding(node: TSESTree.Node): TSESTree.VariableDeclarator | null {
  let current: TSESTree.Node = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.VariableDeclarator) {
    if (isFunctionNode(current.parent)) return null;
    current = current.parent;
  }
  const declarator = current.parent;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === current ? declarator : null;
}

/**
 * Whether a policy written in a constant (`const CORS = { 'Access-Control-Allow-Origin': '*' }`)
 * is used only in the answers of web handlers that answer nothing but an OAuth discovery document
 * (one of them at least) or an empty preflight (`new Response(JSON.stringify({ resource, authorization_servers }), {
 * headers: { ...CORS } })`, in the handler a library's factory returns), at whatever path they
 * are mounted: what they answer is published for any client to read.
 */
function constantOnlyInDiscoveryAnswers(node: TSESTree.Node): boolean {
  const declarator = constantHolding(node);
  const found = declarator && usesOfConstant(declarator);
  if (!found?.complete || found.uses.length === 0) return false;
  const handlers = found.uses.map(enclosingFunction);
  // One of them answers the document: a constant only empty answers use approves preflights for
  // requests that other handlers answer.
  return (
    handlers.every((fn) => fn !== null && answersDiscoveryOnly(fn)) &&
    handlers.some((fn) => fn !== null && returnedExpressions(fn).some((value) => !answersNoBody(value)))
  );
}

/** `new Response(…)` or `Response.json(…)` written in place, or `null`. */
function webResponse(value: TSESTree.Node): TSESTree.NewExpression | TSESTree.CallExpression | null {
  const answer = skipTypeWrappers(value);
  if (
    answer.type === AST_NODE_TYPES.NewExpression &&
    answer.callee.type === AST_NODE_TYPES.Identifier &&
    answer.callee.name === 'Response'
  )
    return answer;
  return answer.type === AST_NODE_TYPES.CallExpression &&
    globalPath(skipTypeWrappers(answer.callee))?.join('.') === 'Response.json'
    ? answer
    : null;
}

/** What the function a call resolves to returns: none where it resolves to no function of the project. */
function returnsOfCall(call: TSESTree.CallExpression): TSESTree.Node[] {
  const fn = resolveFunction(call.callee);
  return fn ? returnedExpressions(fn) : [];
}

/** `new Response(null, init)`, `new Response()`: an answer with no body. */
function answersNoBody(value: TSESTree.Node): boolean {
  const answer = webResponse(value);
  const [body] = answer?.type === AST_NODE_TYPES.NewExpression ? answer.arguments : [];
  return answer?.type === AST_NODE_TYPES.NewExpression && (!body || isNullishLiteral(skipTypeWrappers(body)));
}

/** What reads a request's body: a handler that reads none acts on nothing a page sends. */
const BODY_READS: ReadonlySet<string> = new Set(['json', 'text', 'formData', 'arrayBuffer', 'blob', 'body']);

/**
 * Whether a web handler returns nothing but `Response`s of a discovery document or of no body, and
 * reads nothing of the request's body: whatever a page sends it, it answers published metadata.
 */
function answersDiscoveryOnly(fn: HandlerFunction): boolean {
  const returned = returnedExpressions(fn);
  if (returned.length === 0 || !returned.every(isDiscoveryResponse)) return false;
  const [request] = fn.params;
  const variable = request?.type === AST_NODE_TYPES.Identifier ? variableOf(request) : null;
  return (variable?.references ?? []).every((reference) => {
    const member = (reference.identifier as TSESTree.Node).parent;
    return !(
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === reference.identifier &&
      BODY_READS.has(propertyName(member) ?? '')
    );
  });
}

/**
 * A discovery document: written out, merged into by `Object.assign(document, more)` (the further
 * members its caller gives), or what a function of the project returns that returns only such
 * documents (`buildMetadata(…)`).
 */
function isDiscoveryValue(node: TSESTree.Node, depth = 0): boolean {
  if (depth > 3) return false;
  if (isDiscoveryDocument(node)) return true;
  const made = skipTypeWrappers(resolveExpression(node) ?? node);
  if (made.type !== AST_NODE_TYPES.CallExpression) return false;
  const [first] = made.arguments;
  if (globalPath(skipTypeWrappers(made.callee))?.join('.') === 'Object.assign')
    return first !== undefined && first.type !== AST_NODE_TYPES.SpreadElement && isDiscoveryDocument(first);
  const returned = returnsOfCall(made);
  return returned.length > 0 && returned.every((value) => isDiscoveryValue(value, depth + 1));
}

/** `new Response(JSON.stringify(document), init)`, `new Response(null, init)` or `Response.json(document, init)`. */
function isDiscoveryResponse(value: TSESTree.Node): boolean {
  const answer = webResponse(value);
  if (!answer) return false;
  const [body] = answer.arguments;
  if (answer.type === AST_NODE_TYPES.CallExpression) return body !== undefined && isDiscoveryValue(body);
  if (answersNoBody(answer)) return true;
  const serialized = skipTypeWrappers(body!);
  return (
    serialized.type === AST_NODE_TYPES.CallExpression &&
    globalPath(skipTypeWrappers(serialized.callee))?.join('.') === 'JSON.stringify' &&
    serialized.arguments[0] !== undefined &&
    isDiscoveryValue(serialized.arguments[0])
  );
}

/**
 * Whether a route of `app` answers every request of its path before the middleware `use` runs:
 * an `all` route (a one-method route leaves the preflight to the middleware), registered on the
 * same app earlier in the same function or top level with no `await` between (so the order shown
 * is the order they run in), in a framework that runs them in that order (express, connect,
 * Hono), whose last handler has no `next` to hand the request on with.
 */
function answeredBefore(route: Route, use: TSESTree.CallExpression, app: AppInstance): boolean {
  const registered = route.call;
  if (route.app !== app || !registered || calledMethodName(registered) !== 'all') return false;
  if (app.framework !== 'express' && app.framework !== 'hono' && app.framework !== 'connect') return false;
  if (registered.range[1] > use.range[0] || enclosingFunction(registered) !== enclosingFunction(use)) return false;
  const scope = enclosingFunction(use) ?? programOf(use);
  let awaited = false;
  walk(scope, (node) => {
    if (
      node.type === AST_NODE_TYPES.AwaitExpression &&
      node.range[0] > registered.range[1] &&
      node.range[1] < use.range[0] &&
      enclosingFunction(node) === enclosingFunction(use)
    )
      awaited = true;
  });
  if (awaited) return false;
  const fn = lastHandlerFunction(route);
  // express and connect hand `next` third, Hono second; a rest parameter may take it.
  const arity = app.framework === 'hono' ? 2 : 3;
  return (
    fn !== null &&
    fn !== undefined &&
    fn.params.length < arity &&
    !fn.params.some((param) => param.type === AST_NODE_TYPES.RestElement)
  );
}

/**
 * The endpoints a policy set inside a module-level function reaches when every call of it, in
 * this module or in the modules of the package that import it, makes a route's handler:
 * `export function cardHandler(manifest) { return (c) => { c.header(…); … } }`, registered as
 * `app.get('/.well-known/mcp.json', cardHandler(manifest))`. `null` when one call is anything else,
 * or callers outside what the analysis reads may exist.
 */
function endpointsOfCallers(node: TSESTree.Node): Route[] | null {
  const fn = outermostFunction(node);
  // The policy must be set by the handler the function returns, not by other code in it.
  if (!fn || !returnedExpressions(fn).some((returned) => isFunctionNode(returned) && containsNode(returned, node)))
    return null;
  const found = callsOf(fn);
  if (!found?.complete || found.calls.length === 0) return null;
  const reached: Route[] = [];
  for (const call of found.calls) {
    const routes = findRoutes(codeOf(call)).routes.filter(
      (route) =>
        isEndpoint(route) &&
        route.handlers.some((handler) => {
          const expression = skipTypeWrappers(handler);
          return expression === call || skipTypeWrappers(resolveExpression(expression) ?? expression) === call;
        }),
    );
    if (routes.length === 0) return null;
    reached.push(...routes);
  }
  return reached;
}

/** How many functions deep `routesHandledBy` follows the calls of a function to the handler that makes them. */
const MAX_CALLER_DEPTH = 4;

/**
 * The routes that run a module-level function, in its module and in the modules of the package
 * that import it: those it is the handler of (`router.post('/mcp', bearerAuth, handleMcp)` in
 * another module for an exported `handleMcp`), and those of each function that calls it
 * (`getTransport()` called by such a handler). `null` when it is used any other way (wrapped,
 * stored, passed on), called outside a function, or used where the analysis does not read.
 */
export function routesHandledBy(fn: HandlerFunction, depth = 0, seen = new Set<HandlerFunction>()): Route[] | null {
  // A function on the way to itself (recursion) reaches no route of its own.
  if (depth > MAX_CALLER_DEPTH || seen.has(fn)) return null;
  seen.add(fn);
  const handled = routesOfUses(fn, depth, seen);
  seen.delete(fn);
  return handled;
}

function routesOfUses(fn: HandlerFunction, depth: number, seen: Set<HandlerFunction>): Route[] | null {
  return routesOfFound(usesOf(fn), depth, seen, NO_METHODS);
}

const NO_METHODS: ReadonlySet<string> = new Set();

/**
 * The routes that run what a module-level constant holds: a request handler
 * (`export const handleMcp = transport.bind(server)`), called or handed to routes as
 * `routesHandledBy` reads a function; or a transport, whose `methods` that take a request
 * (`transport.handleRequest(req, res)`) the routes call. `null` as for `routesHandledBy`.
 */
export function routesUsingConstant(
  declarator: TSESTree.VariableDeclarator,
  methods: ReadonlySet<string> = NO_METHODS,
): Route[] | null {
  return routesOfFound(usesOfConstant(declarator), 0, new Set(), methods);
}

function routesOfFound(
  found: ValueUses | null,
  depth: number,
  seen: Set<HandlerFunction>,
  methods: ReadonlySet<string>,
): Route[] | null {
  if (!found?.complete || found.uses.length === 0) return null;
  const handled: Route[] = [];
  for (const use of found.uses) {
    const routes = findRoutes(codeOf(use)).routes.filter((route) =>
      route.handlers.some((handler) => skipTypeWrappers(handler) === use),
    );
    if (routes.length > 0) {
      handled.push(...routes);
      continue;
    }
    let callee = outermostWrapper(use);
    // `transport.handleRequest(req, res)`: a method of the value that takes a request.
    const member = callee.parent;
    if (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === callee &&
      methods.has(propertyName(member) ?? '')
    )
      callee = outermostWrapper(member);
    const call = callee.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return null;
    // `app.post('/mcp', makeHandler(transports))`: a factory whose result is the route's handler,
    // also the handler of a plain server (`http.createServer(makeHandler(options))`).
    const made = findRoutes(codeOf(call)).routes.filter(
      (route) =>
        route.handlers.some((handler) => skipTypeWrappers(handler) === call) ||
        (route.given !== undefined && givenBy(route.given, call)),
    );
    if (made.length > 0) {
      handled.push(...made);
      continue;
    }
    // The handler it is called in (`(req, res) => handleMcp(req, res)` given to a route), or the
    // module-level function that holds the call, followed to its own uses.
    let caller: HandlerFunction | null = null;
    let reaching: Route[] | null = null;
    for (let current: TSESTree.Node | undefined = call.parent; current; current = current.parent) {
      if (!isFunctionNode(current)) continue;
      caller = current;
      const fn = current;
      const handling = findRoutes(codeOf(fn)).routes.filter((route) =>
        route.handlers.some((handler) => resolveFunction(handler) === fn),
      );
      if (handling.length > 0) {
        reaching = handling;
        break;
      }
      // A function of a factory held in a binding (`const issue = async (c) => …` in
      // `oauthRoutes()`): the routes of its own uses, before those of the factory.
      if (current.parent && enclosingFunction(current.parent) && usesOf(current)?.complete) {
        reaching = routesHandledBy(current, depth + 1, seen);
        if (reaching) break;
      }
    }
    reaching ??= caller && routesHandledBy(caller, depth + 1, seen);
    if (!reaching) return null;
    handled.push(...reaching);
  }
  return handled;
}

/**
 * Whether a server is handed what a call returns: the call itself, or a `const` that holds it
 * (`const handler = makeHandler()`).
 */
function givenBy(given: TSESTree.Node, call: TSESTree.CallExpression): boolean {
  const expression = skipTypeWrappers(given);
  if (expression === call) return true;
  const def = expression.type === AST_NODE_TYPES.Identifier ? variableOf(expression)?.defs[0] : undefined;
  return (
    def?.type === 'Variable' &&
    def.parent.kind === 'const' &&
    def.node.init !== null &&
    skipTypeWrappers(def.node.init) === call
  );
}

/** Paths that name an MCP endpoint. */
const MCP_PATH = /mcp|sse|messages?\b/iu;

/** Whether every endpoint is public metadata. */
export function onlyPublic(endpoints: readonly Route[], publicPaths: readonly string[]): boolean {
  return endpoints.every((route) => isPublicEndpoint(route, publicPaths));
}

/**
 * Public metadata by its path, or an endpoint that answers every request with the same constant
 * (`res.json({ status: 'ok' })`).
 */
function isPublicEndpoint(route: Route, publicPaths: readonly string[]): boolean {
  if (isPublicPath(route.path, publicPaths) || answersConstant(route) || answersDiscoveryDocument(route)) return true;
  // `router.get('/', …)` of a router mounted only at `/.well-known/oauth-protected-resource`: the
  // paths it is reached at, where every mount is public.
  if (!route.app || route.path === null) return false;
  const { apps } = findRoutes(codeOf(route.node));
  const reached = mountedPaths(route.app, route.path, apps);
  return (
    !(reached.length === 1 && reached[0] === route.path) && reached.every((path) => isPublicPath(path, publicPaths))
  );
}

/**
 * Parameters that only an OAuth authorization server's endpoints for clients read: RFC 7591's
 * `redirect_uris` (dynamic client registration), RFC 6749's `grant_type` and RFC 7636's
 * `code_verifier` (token), RFC 7009's `token_type_hint` (revocation).
 */
const OAUTH_CLIENT_PARAMETERS: ReadonlySet<string> = new Set([
  'redirect_uris',
  'grant_type',
  'code_verifier',
  'token_type_hint',
]);

/** zod's parse methods. */
const SCHEMA_PARSE: ReadonlySet<string> = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync']);

/**
 * The MCP SDK's schemas of what a client sends an authorization server's endpoints for clients
 * (sdk `shared/auth.js`, v2 `packages/core/src/auth.ts`): registration metadata (`redirect_uris`)
 * and a revocation request (`token_type_hint`).
 */
const OAUTH_CLIENT_SCHEMAS: ReadonlySet<string> = new Set([
  'OAuthClientMetadataSchema',
  'OAuthTokenRevocationRequestSchema',
]);

/**
 * Whether a route is an OAuth authorization server's endpoint for clients: it accepts POST, its
 * handler reads one of their parameters from the request (`req.body.redirect_uris`,
 * `form.get('code_verifier')` of the request's form, `const { grant_type } = req.body`), and it
 * serves no MCP. A registration or token exchange answers a page only about what the page
 * sent; the tokens it gives out need the code and verifier of the page's own flow.
 */
function answersOAuthClients(route: Route): boolean {
  if (route.handlers.some((handler) => servesMcp(handler))) return false;
  // Registration, token exchange and revocation are all POST requests; the authorization
  // endpoint, to which a client sends the user, takes GET (RFC 6749 section 3.1).
  const authorization = route.call !== null && calledMethodName(route.call) === 'get';
  if (!route.acceptsPost && !authorization) return false;
  return route.handlers.some((handler) => {
    const fn = resolveFunction(handler);
    const [request] = fn?.params ?? [];
    if (fn === null || request?.type !== AST_NODE_TYPES.Identifier) return false;
    if (route.acceptsPost) return readsOAuthClientRequest(fn, request.name, OAUTH_CLIENT_PARAMETERS);
    // `response_type` alone may be a format switch: the request names its client too.
    return (
      readsOAuthClientRequest(fn, request.name, AUTHORIZATION_REQUEST_PARAMETERS) &&
      readsOAuthClientRequest(fn, request.name, AUTHORIZATION_CLIENT_PARAMETERS)
    );
  });
}

/**
 * Parameters of an authorization request that only an authorization endpoint reads: RFC 6749's
 * `response_type` and RFC 7636's `code_challenge`. Without credentials a page reads only the
 * answer to a request it made up itself: a redirect to the login, or an error.
 */
const AUTHORIZATION_REQUEST_PARAMETERS: ReadonlySet<string> = new Set(['response_type', 'code_challenge']);

/** The client an authorization request names, and where its answer goes (RFC 6749 section 4.1.1). */
const AUTHORIZATION_CLIENT_PARAMETERS: ReadonlySet<string> = new Set(['client_id', 'redirect_uri']);

/**
 * A NestJS `@Post()` method whose `@Body()` (or `@Req()`) parameter holds a request to one of the
 * endpoints for clients: what `answersOAuthClients` asks of a route.
 */
function nestAnswersOAuthClients(node: TSESTree.Node): boolean {
  let method: TSESTree.Node | undefined = node;
  while (method && method.type !== AST_NODE_TYPES.MethodDefinition) method = method.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || !isFunctionNode(method.value)) return false;
  if (!method.decorators.some((decorator) => nestDecorator(decorator) === 'Post')) return false;
  if (servesMcp(method.value)) return false;
  const fn = method.value;
  return fn.params.some((param) => {
    const id = param.type === AST_NODE_TYPES.TSParameterProperty ? null : param;
    const name = id?.type === AST_NODE_TYPES.Identifier ? id.name : null;
    const given = id?.decorators?.some((decorator) =>
      ['Body', 'Req', 'Request'].includes(nestDecorator(decorator) ?? ''),
    );
    return name !== null && given === true && readsOAuthClientRequest(fn, name);
  });
}

/** Whether a function reads, from what `request` names, a parameter only an endpoint for clients reads. */
function readsOAuthClientRequest(
  fn: HandlerFunction,
  request: string,
  names: ReadonlySet<string> = OAUTH_CLIENT_PARAMETERS,
): boolean {
  const fromRequest = (node: TSESTree.Node): boolean => readsFrom(node, request);
  let reads = false;
  walk(fn.body, (node) => {
    if (reads) return;
    // `req.body.grant_type`, `body.redirect_uris` of `const body = await req.json()`
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
      const name = propertyName(node);
      reads = name !== null && names.has(name) && fromRequest(node.object);
    } else if (node.type === AST_NODE_TYPES.CallExpression && calledMethodName(node) === 'get') {
      // `form.get('code_verifier')` of `const form = await request.formData()`
      const [first] = node.arguments;
      const name = first ? staticValue(first)?.value : undefined;
      const receiver = (skipTypeWrappers(node.callee) as TSESTree.MemberExpression).object;
      reads = typeof name === 'string' && names.has(name) && fromRequest(receiver);
    } else if (
      node.type === AST_NODE_TYPES.CallExpression &&
      names === OAUTH_CLIENT_PARAMETERS &&
      SCHEMA_PARSE.has(calledMethodName(node) ?? '') &&
      node.arguments[0] &&
      fromRequest(node.arguments[0])
    ) {
      // `OAuthClientMetadataSchema.safeParse(req.body)`: the MCP SDK's schema of those parameters.
      const schema = calledMethodObject(node);
      const ref = schema && externalRefOf(schema);
      reads =
        (ref !== null &&
          ref !== undefined &&
          ref.module.startsWith('@modelcontextprotocol/') &&
          OAUTH_CLIENT_SCHEMAS.has(ref.names.at(-1) ?? '')) ||
        (schema !== null && schemaOfClientParameters(schema));
    } else if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.ObjectPattern) {
      // `const { grant_type } = req.body`
      reads =
        node.init !== null &&
        fromRequest(node.init) &&
        node.id.properties.some((property) => {
          const name = property.type === AST_NODE_TYPES.Property ? propertyName(property) : null;
          return name !== null && names.has(name);
        });
    }
  });
  return reads;
}

/**
 * Whether a zod schema of the project is an object that requires the `redirect_uris` of a client
 * registration (RFC 7591), as the MCP SDK's `OAuthClientMetadataSchema` does
 * (`z.object({ redirect_uris: z.array(z.string().url()), … }).strip()`, also of another module):
 * the project's own copy of it. A member that may be left out (`.optional()`) tells nothing.
 */
function schemaOfClientParameters(schema: TSESTree.Node): boolean {
  let value: TSESTree.Node = skipTypeWrappers(resolveExpression(schema) ?? schema);
  for (let hops = 0; hops < 8 && value.type === AST_NODE_TYPES.CallExpression; hops++) {
    if (calledMethodName(value) === 'object') {
      const [shape] = value.arguments;
      const object = shape && resolveObjectExpression(shape);
      const member = object ? findObjectProperty(object, 'redirect_uris') : null;
      return member?.kind === 'found' && member.value !== null && !mayBeLeftOut(member.value);
    }
    if (value.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    value = skipTypeWrappers(value.callee.object);
  }
  return false;
}

/** zod's methods that let a member be left out or empty. */
const LEFT_OUT: ReadonlySet<string> = new Set(['optional', 'nullish', 'nullable', 'default', 'catch']);

/** Whether a zod member's schema calls, anywhere in its chain, a method that lets it be left out. */
function mayBeLeftOut(member: TSESTree.Node): boolean {
  let found = false;
  walk(member, (node) => {
    if (!found && node.type === AST_NODE_TYPES.CallExpression) found = LEFT_OUT.has(calledMethodName(node) ?? '');
  });
  return found;
}

/**
 * Whether a route's handlers do nothing but answer with constants: every call in them is a call
 * on a parameter (the response or context) whose arguments are all static values.
 */
function answersConstant(route: Route): boolean {
  // A status page or health check; an MCP endpoint's path is the MCP endpoint, whatever it answers today.
  if (route.framework === 'node' || route.handlers.length !== 1 || route.path === null || MCP_PATH.test(route.path)) {
    return false;
  }
  const fn = resolveFunction(route.handlers[0]!);
  return fn !== null && !fn.async && !fn.generator && answersOnly(fn, () => true);
}

/**
 * Whether a route answers nothing but an OAuth discovery document, at whatever path it is mounted:
 * a handler whose every statement answers, through its own parameters, with constants or an object
 * that has the members RFC 9728 requires of protected resource metadata (`resource`,
 * `authorization_servers`), or that RFC 8414 and OpenID Connect Discovery require of an
 * authorization server's (`issuer`, and its endpoints or keys). What such a document says is
 * published for any client to read (`router.get('/', (_req, res) => res.json(metadata))` in a
 * router that a library's factory returns for its user to mount).
 */
function answersDiscoveryDocument(route: Route): boolean {
  const answering = route.handlers.at(-1);
  if (route.framework === 'node' || !answering || (route.path !== null && MCP_PATH.test(route.path))) return false;
  // Middleware before the handler may be a package's (`router.get('/', cors(), handler)`).
  if (!route.handlers.slice(0, -1).every(packageMiddleware)) return false;
  const fn = resolveFunction(answering);
  if (!fn || fn.generator) return false;
  let documents = 0;
  const answers = answersOnly(
    fn,
    () => true,
    (argument) => {
      const document = isDiscoveryDocument(argument);
      if (document) documents++;
      return document;
    },
  );
  return answers && documents > 0;
}

/**
 * Members an OAuth authorization server's metadata has besides `issuer` (RFC 8414 section 2, OpenID
 * Connect Discovery 1.0 section 3).
 */
const AUTHORIZATION_SERVER_MEMBERS: readonly string[] = ['authorization_endpoint', 'token_endpoint', 'jwks_uri'];

/**
 * The members discovery metadata may have: RFC 9728 section 2 (protected resource), RFC 8414
 * section 2 with the names IANA's "OAuth Authorization Server Metadata" registry adds, and OpenID
 * Connect Discovery 1.0 section 3. Each says where to find something public, or what the server
 * supports.
 */
const DISCOVERY_MEMBERS: ReadonlySet<string> = new Set([
  // RFC 9728
  'resource',
  'authorization_servers',
  'jwks_uri',
  'scopes_supported',
  'bearer_methods_supported',
  'resource_signing_alg_values_supported',
  'resource_name',
  'resource_documentation',
  'resource_policy_uri',
  'resource_tos_uri',
  'tls_client_certificate_bound_access_tokens',
  'authorization_details_types_supported',
  'dpop_signing_alg_values_supported',
  'dpop_bound_access_tokens_required',
  'signed_metadata',
  // RFC 8414 and the registry
  'issuer',
  'authorization_endpoint',
  'token_endpoint',
  'registration_endpoint',
  'response_types_supported',
  'response_modes_supported',
  'grant_types_supported',
  'token_endpoint_auth_methods_supported',
  'token_endpoint_auth_signing_alg_values_supported',
  'service_documentation',
  'ui_locales_supported',
  'op_policy_uri',
  'op_tos_uri',
  'revocation_endpoint',
  'revocation_endpoint_auth_methods_supported',
  'revocation_endpoint_auth_signing_alg_values_supported',
  'introspection_endpoint',
  'introspection_endpoint_auth_methods_supported',
  'introspection_endpoint_auth_signing_alg_values_supported',
  'code_challenge_methods_supported',
  'device_authorization_endpoint',
  'mtls_endpoint_aliases',
  'pushed_authorization_request_endpoint',
  'require_pushed_authorization_requests',
  'authorization_response_iss_parameter_supported',
  'client_id_metadata_document_supported',
  // OpenID Connect Discovery 1.0
  'userinfo_endpoint',
  'end_session_endpoint',
  'check_session_iframe',
  'acr_values_supported',
  'subject_types_supported',
  'id_token_signing_alg_values_supported',
  'id_token_encryption_alg_values_supported',
  'id_token_encryption_enc_values_supported',
  'userinfo_signing_alg_values_supported',
  'request_object_signing_alg_values_supported',
  'display_values_supported',
  'claim_types_supported',
  'claims_supported',
  'claims_locales_supported',
  'claims_parameter_supported',
  'request_parameter_supported',
  'request_uri_parameter_supported',
  'require_request_uri_registration',
  'frontchannel_logout_supported',
  'backchannel_logout_supported',
]);

/**
 * An object written with the members of an OAuth discovery document (`answersDiscoveryDocument`)
 * and no other: no spread, no computed key, no member the specifications do not name (which could
 * carry anything, `{ issuer, token_endpoint, apiKey }`).
 */
function isDiscoveryDocument(node: TSESTree.Node): boolean {
  const object = resolveObjectExpression(node);
  if (!object) return false;
  const members = new Set<string>();
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) return false;
    const name = propertyName(property);
    if (name === null || !DISCOVERY_MEMBERS.has(name)) return false;
    members.add(name);
  }
  return (
    (members.has('resource') && members.has('authorization_servers')) ||
    (members.has('issuer') && AUTHORIZATION_SERVER_MEMBERS.some((member) => members.has(member)))
  );
}

/**
 * Whether a handler does nothing but answer with constants, each answer passing `test`: its
 * expression body, or every statement of its block (at least one), is an expression or a `return`
 * that `respondsWithConstant`.
 */
/**
 * Whether a handler does nothing but answer constants through its own parameters
 * (`(req, res) => res.json({ ok: true })`, a stub): it reads nothing of the request and runs
 * nothing, so a forged request achieves nothing there.
 */
export function answersOnlyConstants(fn: HandlerFunction): boolean {
  return !fn.generator && answersOnly(fn, () => true);
}

function answersOnly(
  fn: HandlerFunction,
  test: (answer: TSESTree.Node) => boolean,
  answered: (argument: TSESTree.Node) => boolean = () => false,
): boolean {
  const parameters = plainParameterNames(fn);
  const answers =
    fn.body.type !== AST_NODE_TYPES.BlockStatement
      ? [fn.body]
      : fn.body.body
          .filter((statement) => !logsOnly(statement) && !declaresConstants(statement))
          .map((statement) =>
            statement.type === AST_NODE_TYPES.ExpressionStatement
              ? statement.expression
              : statement.type === AST_NODE_TYPES.ReturnStatement
                ? statement.argument
                : null,
          );
  return (
    answers.length > 0 &&
    answers.every((answer) => answer !== null && respondsWithConstant(answer, parameters, answered) && test(answer))
  );
}

/** `const message = { jsonrpc: '2.0', id: 1, result: {} };`: names for values written in the source. */
function declaresConstants(statement: TSESTree.Statement): boolean {
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration &&
    statement.kind === 'const' &&
    statement.declarations.every((declarator) => declarator.init !== null && staticValue(declarator.init) !== null)
  );
}

/**
 * `console.log('Health check called', req.url)`: a line written to the log, which answers nothing
 * and runs nothing (no call, `await`, `new` or assignment in its arguments).
 */
function logsOnly(statement: TSESTree.Statement): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const call = skipTypeWrappers(statement.expression);
  if (call.type !== AST_NODE_TYPES.CallExpression || globalPath(call.callee)?.[0] !== 'console') return false;
  let inert = true;
  for (const argument of call.arguments) {
    walk(argument, (node) => {
      inert &&=
        node.type !== AST_NODE_TYPES.CallExpression &&
        node.type !== AST_NODE_TYPES.AwaitExpression &&
        node.type !== AST_NODE_TYPES.NewExpression &&
        node.type !== AST_NODE_TYPES.AssignmentExpression &&
        node.type !== AST_NODE_TYPES.UpdateExpression &&
        node.type !== AST_NODE_TYPES.TaggedTemplateExpression;
    });
  }
  return inert;
}

/**
 * `res.status(200).json({ ok: true })`, `c.text('ok')`: calls down a chain from a parameter, each
 * with static arguments.
 */
function respondsWithConstant(
  node: TSESTree.Node,
  parameters: ReadonlySet<string>,
  answered: (argument: TSESTree.Node) => boolean = () => false,
): boolean {
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return parameters.has(expression.name);
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    return !expression.computed && respondsWithConstant(expression.object, parameters, answered);
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  return (
    expression.callee.type === AST_NODE_TYPES.MemberExpression &&
    respondsWithConstant(expression.callee, parameters, answered) &&
    expression.arguments.every(
      (argument) =>
        argument.type !== AST_NODE_TYPES.SpreadElement && (staticValue(argument) !== null || answered(argument)),
    )
  );
}

/**
 * Whether a node lies in the preflight branch of the handler a `node:http` server is made with,
 * `if (req.method === 'OPTIONS') { …; return; }` in the handler's own block, whose requests' real
 * counterparts get only constants: every statement before it routes by `req.url` alone (a
 * preflight shares its URL with the request it asks for, not its method or its headers), and the
 * statements after it only write a constant answer (`res.statusCode = 404; res.end('Not Found');`).
 * Its consent then lets a page send only requests that answer nothing it can read, and do nothing.
 */
function preflightOfConstantAnswers(node: TSESTree.Node): boolean {
  const fn = enclosingFunction(node);
  const made = fn?.parent;
  if (
    !fn ||
    fn.body.type !== AST_NODE_TYPES.BlockStatement ||
    made?.type !== AST_NODE_TYPES.CallExpression ||
    made.arguments.at(-1) !== fn ||
    entitiesOf(made, 'handler-server').length === 0
  )
    return false;
  const [request, response] = fn.params;
  const requestVariable = request?.type === AST_NODE_TYPES.Identifier ? variableOf(request) : null;
  const responseVariable = response?.type === AST_NODE_TYPES.Identifier ? variableOf(response) : null;
  if (!requestVariable || !responseVariable) return false;
  const statements = fn.body.body;
  const index = statements.findIndex((statement) => containsNode(statement, node));
  const branch = statements[index];
  if (
    branch?.type !== AST_NODE_TYPES.IfStatement ||
    branch.alternate ||
    !containsNode(branch.consequent, node) ||
    !alwaysExits(branch.consequent) ||
    !testsMethod(branch.test, requestVariable, 'OPTIONS')
  )
    return false;
  // The request is read only for its URL (`req.url`), the same for the preflight and the real request.
  const urlOnly = (root: TSESTree.Node): boolean =>
    requestVariable.references.every((reference) => {
      const read = reference.identifier as TSESTree.Node;
      const member = read.parent;
      return (
        !containsNode(root, read) ||
        (member?.type === AST_NODE_TYPES.MemberExpression && member.object === read && propertyName(member) === 'url')
      );
    });
  const routedByUrl = statements
    .slice(0, index)
    .every((statement) =>
      statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && alwaysExits(statement.consequent)
        ? urlOnly(statement.test)
        : urlOnly(statement),
    );
  const after = statements.slice(index + 1);
  return (
    routedByUrl &&
    after.length > 0 &&
    after.every(
      (statement) =>
        (statement.type === AST_NODE_TYPES.ReturnStatement && !statement.argument) ||
        (statement.type === AST_NODE_TYPES.ExpressionStatement &&
          writesConstantTo(statement.expression, responseVariable)),
    )
  );
}

/** Whether a test is `req.method === 'OPTIONS'` (either way round, `==` too) of the request `request`. */
function testsMethod(test: TSESTree.Node, request: Scope.Variable, method: string): boolean {
  const expression = skipTypeWrappers(test);
  if (expression.type !== AST_NODE_TYPES.BinaryExpression || !['===', '=='].includes(expression.operator)) return false;
  return [
    [expression.left, expression.right],
    [expression.right, expression.left],
  ].some(([side, other]) => {
    const read = skipTypeWrappers(side!);
    return (
      read.type === AST_NODE_TYPES.MemberExpression &&
      read.object.type === AST_NODE_TYPES.Identifier &&
      variableOf(read.object) === request &&
      propertyName(read) === 'method' &&
      other!.type !== AST_NODE_TYPES.PrivateIdentifier &&
      staticValue(other!)?.value === method
    );
  });
}

/** Whether an expression is, as a whole, a `constantWrite` to the response `response`. */
function writesConstantTo(expression: TSESTree.Node, response: Scope.Variable): boolean {
  let root: TSESTree.Node = expression;
  for (;;) {
    if (root.type === AST_NODE_TYPES.CallExpression) root = root.callee;
    else if (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
    else if (root.type === AST_NODE_TYPES.AssignmentExpression) root = root.left;
    else break;
  }
  return root.type === AST_NODE_TYPES.Identifier && variableOf(root) === response && constantWrite(root) === expression;
}

/**
 * Whether everything a request handler writes to its response is fixed in the code: each use of
 * its response parameter (the second) is a `constantWrite`.
 */
function answersConstantsOnly(fn: HandlerFunction): boolean {
  const response = fn.params[1];
  const variable = response?.type === AST_NODE_TYPES.Identifier ? variableOf(response) : null;
  return variable !== null && variable.references.every((reference) => constantWrite(reference.identifier) !== null);
}

/** What a fetch handler that answers only constants may call: answers, URLs, tests of strings. */
const CONSTANT_HANDLER_CALLS = new Set([
  'Response',
  'json',
  'URL',
  'startsWith',
  'endsWith',
  'includes',
  'toUpperCase',
]);

/**
 * Whether a web fetch handler (`Bun.serve({ fetch })`, `export default { fetch }`) answers only
 * constants and does nothing else: every value it returns is a `Response` of constants (or
 * nothing, after `server.upgrade(req)` has taken a WebSocket, which CORS does not govern), it
 * reads of the request only its method and URL, and it calls nothing but those. Whatever the
 * policy lets a page send, the page gets back only what it knew, and changes nothing.
 */
function fetchHandlerOfConstants(sourceCode: Readonly<SourceCode>, fn: HandlerFunction): boolean {
  if (!fetchHandlers(sourceCode).some((handler) => handler.fn === fn)) return false;
  const [request, server] = fn.params;
  const requestVariable = request?.type === AST_NODE_TYPES.Identifier ? variableOf(request) : null;
  const serverName = server?.type === AST_NODE_TYPES.Identifier ? server.name : null;
  if (!requestVariable) return false;
  const upgrades = (call: TSESTree.Node | undefined): boolean => {
    if (call?.type !== AST_NODE_TYPES.CallExpression || calledMethodName(call) !== 'upgrade') return false;
    const receiver = calledMethodObject(call);
    return receiver?.type === AST_NODE_TYPES.Identifier && receiver.name === serverName;
  };
  const routingOnly = requestVariable.references.every((reference) => {
    const read = reference.identifier as TSESTree.Node;
    const parent = read.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === read)
      return propertyName(parent) === 'method' || propertyName(parent) === 'url';
    return upgrades(parent) && (parent as TSESTree.CallExpression).arguments[0] === read;
  });
  if (!routingOnly) return false;
  let callsOther = false;
  walk(fn.body, (node) => {
    if (callsOther || (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression))
      return;
    const name = nameOf(skipTypeWrappers(node.callee));
    callsOther = !upgrades(node) && !(name !== null && CONSTANT_HANDLER_CALLS.has(name));
  });
  if (callsOther) return false;
  return returnedExpressions(fn).every((value) => {
    const answer = skipTypeWrappers(value);
    // `return undefined`, a bare `return` written out (nothing, after an upgrade): only that, not any
    // nullish value (`isNullishLiteral`).
    if (answer.type === AST_NODE_TYPES.Identifier && answer.name === 'undefined') return true;
    return webResponse(answer)?.arguments.every(isConstantAnswer) ?? false;
  });
}

/**
 * The whole of a write of constants that starts at a use of a response (`res` of
 * `res.writeHead(200, { 'Content-Type': 'text/plain' })`): a method called with static arguments
 * (`res.end('ok')`, down a chain too: `res.status(400).end()`), or a static value assigned to a
 * property (`res.statusCode = 404`); `null` for any other use.
 */
function constantWrite(response: TSESTree.Node): TSESTree.Node | null {
  let used: TSESTree.Node = response;
  for (;;) {
    const member: TSESTree.Node | undefined = used.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== used || propertyName(member) === null)
      return null;
    const parent: TSESTree.Node | undefined = member.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member)
      return parent.operator === '=' && isConstantAnswer(parent.right) ? parent : null;
    if (
      parent?.type !== AST_NODE_TYPES.CallExpression ||
      parent.callee !== member ||
      !parent.arguments.every(isConstantAnswer)
    )
      return null;
    // `res.status(400).end()`: on down the chain; a call whose result is not used again ends it.
    if (parent.parent?.type !== AST_NODE_TYPES.MemberExpression || parent.parent.object !== parent) return parent;
    used = parent;
  }
}

/** A static value, or `JSON.stringify()` of one, which `getStaticValue` does not run. */
function isConstantAnswer(argument: TSESTree.Node): boolean {
  if (argument.type === AST_NODE_TYPES.SpreadElement) return false;
  const expression = skipTypeWrappers(argument);
  const [serialized, ...rest] = expression.type === AST_NODE_TYPES.CallExpression ? expression.arguments : [];
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    serialized &&
    rest.length === 0 &&
    globalPath(skipTypeWrappers(expression.callee))?.join('.') === 'JSON.stringify'
  )
    return isConstantAnswer(serialized);
  return staticValue(expression) !== null;
}

/**
 * Whether every endpoint is public metadata or refuses a request that lacks a credential, and at
 * least one is an MCP endpoint that does (the policy is the MCP server's own).
 */
export function onlyPublicOrCredentialed(
  sourceCode: Readonly<SourceCode>,
  endpoints: readonly Route[],
  publicPaths: readonly string[],
  finder: CheckFinder = CREDENTIAL_FINDER,
  harmless: (route: Route) => boolean = () => false,
): boolean {
  // A route of another module is judged with the apps of its own module.
  const guarded = (route: Route): boolean =>
    routeIsGuarded(finder, route, findRoutes(isLinted(route.node) ? sourceCode : codeOf(route.node)).apps);
  return (
    endpoints.every((route) => isPublicEndpoint(route, publicPaths) || harmless(route) || guarded(route)) &&
    endpoints.some((route) => !isPublicEndpoint(route, publicPaths))
  );
}

/** A route that answers preflights: a web handler exported for OPTIONS, or `app.options(…)`. */
function isPreflight(route: Route): boolean {
  return route.exportedFor === 'OPTIONS' || (route.call !== null && calledMethodName(route.call) === 'options');
}

/**
 * Whether a node lies in a branch of its handler that runs only for a public path
 * (`if (req.method === 'GET' && url.pathname === '/.well-known/oauth-authorization-server') { … }`).
 */
function inPublicPathBranch(node: TSESTree.Node, publicPaths: readonly string[]): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent)) return false;
    // A branch that ends the request there: one that goes on (`if (req.url === '/health')
    // allowAnyOrigin(res);`, then the JSON-RPC below) leaves its header on every later answer.
    if (
      parent.type === AST_NODE_TYPES.IfStatement &&
      parent.consequent === child &&
      alwaysExits(parent.consequent) &&
      requiresPublicPath(parent.test, publicPaths)
    )
      return true;
  }
  return false;
}

/**
 * Whether a test lets through only public paths: each path it requires is one (`url.pathname ===
 * '/.well-known/…'`).
 */
function requiresPublicPath(test: TSESTree.Node, publicPaths: readonly string[]): boolean {
  const paths = requiredPaths(test);
  return paths.length > 0 && paths.every((path) => isPublicPath(path, publicPaths));
}

/**
 * Whether every call of a function is known, and each runs in a branch only a public path takes;
 * a test's calls (`it('answers the document', () => discoveryResponse(doc))`) serve no request.
 */
function calledOnlyForPublicPaths(fn: HandlerFunction, publicPaths: readonly string[]): boolean {
  const found = callsOf(fn);
  const served = found?.complete ? found.calls.filter((call) => !inTest(call)) : [];
  return served.length > 0 && served.every((call) => inPublicPathBranch(call, publicPaths));
}

/** A route that answers requests (not middleware on the way), or middleware that serves MCP itself. */
export function isEndpoint(route: Route): boolean {
  // A web handler exported for OPTIONS answers preflights, with headers rather than data.
  if (route.framework === 'node') return route.exportedFor !== 'OPTIONS';
  const method = route.call && calledMethodName(route.call);
  if (method === 'use') return route.handlers.some((handler) => servesMcp(handler));
  // Preflights (`app.options('*', cors())`) answer with headers, not with data.
  return method !== 'options' && !answersNothing(route);
}

/**
 * `app.all('/mcp', async (req, res) => {})` (a to-do): a lone handler with nothing in it never
 * answers; nor does one that only refuses with a constant error (`c.json({ error: 'pending' }, 501)`,
 * `res.status(405).end()`), whatever the request holds.
 */
export function answersNothing(route: Route): boolean {
  const [only, ...others] = route.handlers;
  const expression = only && others.length === 0 ? skipTypeWrappers(only) : null;
  if (
    expression === null ||
    (expression.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
      expression.type !== AST_NODE_TYPES.FunctionExpression)
  )
    return false;
  if (expression.body.type === AST_NODE_TYPES.BlockStatement && expression.body.body.length === 0) return true;
  // Only refusing: a constant error status (400 and up) in every answer.
  return route.framework !== 'node' && answersOnly(expression, errorStatusIn);
}

/** Whether a chain of calls (`res.status(501).json(…)`, `c.json(…, 501)`) passes a number of 400 or more. */
function errorStatusIn(node: TSESTree.Node): boolean {
  const isError = (value: unknown): boolean => typeof value === 'number' && value >= 400 && value < 600;
  let found = false;
  walk(node, (child) => {
    if (!found && child.type === AST_NODE_TYPES.CallExpression)
      found = child.arguments.some((argument, index) => {
        const value = staticValue(argument)?.value;
        // A status, or after the body a `ResponseInit` that holds one (Hono's `c.json(body, { status: 405 })`).
        return isError(value) || (index > 0 && isPlainObject(value) && isError(value.status));
      });
  });
  return found;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `node` is in one of the route's own handlers (for a plain handler, in its branch). */
function handles(route: Route, node: TSESTree.Node): boolean {
  if (route.framework === 'node') {
    const branch = route.node.parent;
    if (branch?.type === AST_NODE_TYPES.IfStatement && route.node === branch.test) return containsNode(branch, node);
    // A route of its own (a Next.js route file's `GET`, an entry of Bun's `routes`, which may
    // answer every method): its handler.
    if (route.exportedFor === undefined && !(route.web === true && route.path !== null && route.call === null))
      return false;
  }
  return route.handlers.some((handler) => {
    if (containsNode(handler, node)) return true;
    const fn = resolveFunction(handler);
    return fn !== null && containsNode(fn, node);
  });
}

/** The path a `use` call mounts its middleware at: `''` for none, `null` when it is not static. */
/** The methods that mount middleware or a route at the path of their first argument. */
const MOUNTING_METHODS: ReadonlySet<string> = new Set(['use', 'get', 'head', 'options', 'all']);

/** Whether a policy is an argument, after the path, of `x.use(path, …)` (or `get`, `all`) with a public path. */
function mountedAtPublicPath(node: TSESTree.Node, publicPaths: readonly string[]): boolean {
  const argument = outermostWrapper(node);
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] === argument) return false;
  if (!call.arguments.includes(argument as TSESTree.CallExpressionArgument)) return false;
  const method = calledMethodName(call);
  if (method === null || !MOUNTING_METHODS.has(method) || call.arguments.length < 2) return false;
  // On an app the file is handed, or one it makes; not on some other object (`new Map().get(…)`).
  const receiver = call.callee.type === AST_NODE_TYPES.MemberExpression ? skipTypeWrappers(call.callee.object) : null;
  if (!receiver) return false;
  // What the name was made as, even where code adds to it later (`resolveExpression` stops there).
  const def = receiver.type === AST_NODE_TYPES.Identifier ? variableOf(receiver)?.defs[0] : undefined;
  const made =
    def?.type === 'Variable' && def.node.init ? skipTypeWrappers(def.node.init) : resolveExpression(receiver);
  if (made && made !== receiver && entitiesOf(made, 'app').length === 0) return false;
  const prefix = pathPrefix(call);
  if (prefix !== null && prefix !== '') return isPublicPath(prefix, publicPaths);
  // `router.use(metadataPath(resource), cors())`: a path a function of the project computes, every
  // value of which starts under a public prefix (`${WELL_KNOWN}${url.pathname}`).
  const [path] = call.arguments;
  return path !== undefined && path.type !== AST_NODE_TYPES.SpreadElement && underPublicPrefix(path, publicPaths);
}

/**
 * Whether every value a path expression can have starts with a public prefix (a public path that
 * ends in `*`, `/.well-known/*`): read through constants and the returns of a function of the
 * project, as the text each starts with (`${BASE}${rest}` with `BASE` a constant string).
 */
function underPublicPrefix(path: TSESTree.Node, publicPaths: readonly string[], depth = 0): boolean {
  if (depth > 3) return false;
  const expression = skipTypeWrappers(resolveExpression(path) ?? path);
  // `endpoint.pathname` of `new URL(path, origin)`, made here or by a function of the project.
  if (expression.type === AST_NODE_TYPES.MemberExpression && propertyName(expression) === 'pathname')
    return urlUnderPublicPrefix(expression.object, publicPaths, depth + 1);
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const returned = returnsOfCall(expression);
    return returned.length > 0 && returned.every((value) => underPublicPrefix(value, publicPaths, depth + 1));
  }
  if (expression.type === AST_NODE_TYPES.ConditionalExpression)
    return (
      underPublicPrefix(expression.consequent, publicPaths, depth + 1) &&
      underPublicPrefix(expression.alternate, publicPaths, depth + 1)
    );
  const lead = leadingText(expression);
  return (
    lead !== null &&
    publicPaths.some((pattern) => pattern.endsWith('*') && lead.startsWith(pattern.slice(0, -1)) && pattern.length > 2)
  );
}

/** Whether every URL an expression can be is `new URL(path, base)` with `path` under a public prefix. */
function urlUnderPublicPrefix(node: TSESTree.Node, publicPaths: readonly string[], depth: number): boolean {
  if (depth > 3) return false;
  const made = skipTypeWrappers(resolveExpression(node) ?? node);
  if (made.type === AST_NODE_TYPES.NewExpression) {
    const [path] = made.arguments;
    return (
      isUrlConstructor(skipTypeWrappers(made.callee)) &&
      path !== undefined &&
      path.type !== AST_NODE_TYPES.SpreadElement &&
      underPublicPrefix(path, publicPaths, depth + 1)
    );
  }
  if (made.type !== AST_NODE_TYPES.CallExpression) return false;
  const returned = returnsOfCall(made);
  return returned.length > 0 && returned.every((value) => urlUnderPublicPrefix(value, publicPaths, depth + 1));
}

/**
 * The text every value of an expression starts with: a whole static string, or a template's
 * (`${BASE}${rest}`) up to its first unknown part.
 */
function leadingText(expression: TSESTree.Node): string | null {
  const whole = staticValue(expression);
  if (whole) return typeof whole.value === 'string' ? whole.value : null;
  if (expression.type !== AST_NODE_TYPES.TemplateLiteral) return null;
  let text = '';
  for (const [index, quasi] of expression.quasis.entries()) {
    text += quasi.value.cooked ?? '';
    const part = expression.expressions[index];
    if (!part) break;
    const known = staticValue(part);
    if (!known || typeof known.value !== 'string') break;
    text += known.value;
  }
  return text;
}

/**
 * The methods that add a route or mount middleware at a path (the adapters' verbs), and Hono's
 * `on(method, path)` and `route(path, app)`.
 */
const PATH_METHODS: readonly string[] = [...ROUTE_VERBS, 'on', 'route'];

/**
 * Whether a policy is an argument of `x.use(path, …)` where `x` answers at that path only with the
 * files of a directory (`app.use('/assets', cors()); app.use('/assets', express.static(dir))`): the
 * assets of a site, which it serves to whoever asks. Not where another route or mount of `x` in the
 * module lies at or under the path, nor where `x` mounts, with no path, code of the project that
 * may answer the requests the static files hand on (a method they do not serve, a file not found).
 */
function mountedOnStaticFiles(node: TSESTree.Node): boolean {
  const argument = outermostWrapper(node);
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || calledMethodName(call) !== 'use') return false;
  if (call.arguments[0] === argument || !call.arguments.includes(argument as TSESTree.CallExpressionArgument)) {
    return false;
  }
  const prefix = pathPrefix(call);
  const receiver = calledMethodObject(call);
  if (!prefix || !receiver) return false;
  const sameReceiver = receiverMatcher(receiver);
  const index = moduleIndex(call);
  let files = false;
  for (const method of PATH_METHODS) {
    for (const other of index.methodCalls.get(method) ?? []) {
      const object = calledMethodObject(other);
      if (!object || !sameReceiver(object)) continue;
      const path = pathPrefix(other);
      if (path === null) return false;
      const pathless = path === '' && !(other.arguments[0] && isPathArgument(other.arguments[0]));
      // `/:endpoint` and `*` match the policy's path too.
      if (!pathless && !pathsMeet(prefix, path)) continue;
      if (method !== 'use') return false;
      for (const mounted of other.arguments.slice(pathless ? 0 : 1)) {
        const value = skipTypeWrappers(mounted);
        if (value === argument || containsNode(mounted, node)) continue;
        if (value.type === AST_NODE_TYPES.CallExpression && entitiesOf(value, 'static-files').length > 0) {
          // The files of the package or the site (`path.join(import.meta.dirname, 'dist')`), not the user's.
          if (!servesPackagedFiles(value)) return false;
          files ||= !pathless && covers(path, prefix);
          continue;
        }
        // Another policy or a check, or middleware with no path that never answers (`express.json()`).
        if (entitiesOf(value, 'cors', 'auth').length > 0 || (pathless && passesEveryRequestOn(value))) continue;
        return false;
      }
    }
  }
  return files;
}

/** Whether two route paths can match one request path: segment by segment, `:param` and `*` match any. */
function pathsMeet(a: string, b: string): boolean {
  const segments = (path: string): string[] => path.split('/').filter((segment) => segment !== '');
  const [left, right] = [segments(a), segments(b)];
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const [x, y] = [left[index]!, right[index]!];
    if (x.includes('*') || y.includes('*') || x.startsWith('{')) return true;
    if (x !== y && !x.startsWith(':') && !y.startsWith(':')) return false;
  }
  return true;
}

/** Packages of middleware that hands every request on and answers none itself. */
const PASS_ON_PACKAGES: ReadonlySet<string> = new Set([
  'body-parser',
  'compression',
  'cookie-parser',
  'helmet',
  'morgan',
]);
/** express's own middleware that only parses bodies (express 5 lib/express.js). */
const EXPRESS_PARSERS: ReadonlySet<string> = new Set(['json', 'urlencoded', 'text', 'raw']);

/** Whether middleware hands every request on: a body parser, compression, headers, logging. */
function passesEveryRequestOn(value: TSESTree.Node): boolean {
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const ref = externalRefOf(value.callee);
  if (!ref) return false;
  const name = ref.names.filter((part) => part !== 'default').at(-1);
  return (
    PASS_ON_PACKAGES.has(ref.module) ||
    ((ref.module === 'express' || ref.module === 'body-parser') && name !== undefined && EXPRESS_PARSERS.has(name))
  );
}

/**
 * Whether the function that sets a header at `node` runs only for the package's own static files:
 * every use of it is the `setHeaders` option of static-file middleware that serves them
 * (`express.static(path.join(import.meta.dirname, 'ui'), { setHeaders })`), or a call in the
 * handler of an OPTIONS route whose path lies under the path (not the root) where the app mounts
 * such middleware (the preflight of those files).
 */
function onlyForStaticFiles(node: TSESTree.Node): boolean {
  const fn = enclosingFunction(node);
  if (!fn) return false;
  // `setHeaders: (res) => { … }` written in the options: its one use is there.
  const holder = outermostWrapper(fn).parent;
  const inline = holder?.type === AST_NODE_TYPES.Property && holder.value === outermostWrapper(fn);
  const found = inline ? { complete: true, uses: [fn] } : usesOf(fn);
  if (!found?.complete || found.uses.length === 0) return false;
  return found.uses.every((use) => {
    const value = outermostWrapper(use);
    const { parent } = value;
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === value && propertyName(parent) === 'setHeaders') {
      const call = parent.parent.parent;
      return (
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.arguments.includes(parent.parent as TSESTree.CallExpressionArgument) &&
        packagedStaticFiles(call)
      );
    }
    if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee !== value) return false;
    const handler = enclosingFunction(parent);
    if (!handler) return false;
    const route = outermostWrapper(handler).parent;
    if (
      route?.type !== AST_NODE_TYPES.CallExpression ||
      !route.arguments.includes(outermostWrapper(handler) as TSESTree.CallExpressionArgument)
    )
      return false;
    const method = calledMethodName(route);
    const receiver = calledMethodObject(route);
    const path = pathPrefix(route);
    // The preflight of the files' path: an OPTIONS route, under a mount that is not the root.
    if (!receiver || !path || method !== 'options') return false;
    const sameReceiver = receiverMatcher(receiver);
    return (moduleIndex(route).methodCalls.get('use') ?? []).some((mount) => {
      const object = calledMethodObject(mount);
      const prefix = pathPrefix(mount);
      return (
        object !== null &&
        sameReceiver(object) &&
        !!prefix &&
        !covers(prefix, '') &&
        covers(prefix, path.replace(/\/?(?:\*|\(\.\*\)|\{\*\w+\}|:\w+\*?)$/u, '')) &&
        mount.arguments.slice(1).some((argument) => packagedStaticFiles(skipTypeWrappers(argument)))
      );
    });
  });
}

/** Static-file middleware (`express.static(dir)`) that serves a directory of the package or site. */
function packagedStaticFiles(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    entitiesOf(node, 'static-files').length > 0 &&
    servesPackagedFiles(node)
  );
}

/**
 * Whether static-file middleware serves a directory of the package or site: its root (the first
 * argument, or Hono's `root` option) is a literal path, or `path.join()`/`path.resolve()` of
 * literals, `__dirname`, `import.meta.dirname` and `process.cwd()`. Not the user's home or a
 * folder from the environment or a caller.
 */
function servesPackagedFiles(call: TSESTree.CallExpression): boolean {
  // koa-send's `send(ctx, path, { root })`: the folder is the options' `root`.
  const last = call.arguments.length === 3 ? call.arguments[2] : undefined;
  const sendOptions = last && last.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(last) : null;
  const sendRoot = sendOptions ? findObjectProperty(sendOptions, 'root') : null;
  if (sendRoot) return sendRoot.kind === 'found' && sendRoot.value !== null && packagedPath(sendRoot.value, 0);
  const [first] = call.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return false;
  const options = resolveObjectExpression(first);
  if (options) {
    const root = findObjectProperty(options, 'root');
    const path = findObjectProperty(options, 'path');
    const given = root.kind === 'found' ? root.value : path.kind === 'found' ? path.value : null;
    return given !== null && packagedPath(given, 0);
  }
  return packagedPath(first, 0);
}

function packagedPath(node: TSESTree.Node, depth: number): boolean {
  if (depth > 3) return false;
  const expression = skipTypeWrappers(node);
  if (typeof staticValue(expression)?.value === 'string') return true;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    if (expression.name === '__dirname') return true;
    const value = resolveExpression(expression);
    return value !== null && value !== expression && packagedPath(value, depth + 1);
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    // `import.meta.dirname`
    return expression.object.type === AST_NODE_TYPES.MetaProperty && propertyName(expression) === 'dirname';
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const ref = externalRefOf(expression.callee);
  const name = ref?.names.filter((part) => part !== 'default').at(-1);
  if (ref && (ref.module === 'path' || ref.module === 'node:path') && (name === 'join' || name === 'resolve')) {
    return expression.arguments.every((argument) => packagedPath(argument, depth + 1));
  }
  // `fileURLToPath(new URL('../dist/ui', import.meta.url))`: a folder beside the module.
  if (ref && (ref.module === 'url' || ref.module === 'node:url') && name === 'fileURLToPath') {
    const [url] = expression.arguments;
    const made =
      url && url.type !== AST_NODE_TYPES.SpreadElement ? skipTypeWrappers(resolveExpression(url) ?? url) : null;
    if (
      made?.type !== AST_NODE_TYPES.NewExpression ||
      made.callee.type !== AST_NODE_TYPES.Identifier ||
      made.callee.name !== 'URL'
    )
      return false;
    const [relative, base] = made.arguments;
    return (
      relative !== undefined &&
      typeof staticValue(relative)?.value === 'string' &&
      base?.type === AST_NODE_TYPES.MemberExpression &&
      base.object.type === AST_NODE_TYPES.MetaProperty &&
      propertyName(base) === 'url'
    );
  }
  // `process.cwd()`: where the site is started from.
  const callee = skipTypeWrappers(expression.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'process' &&
    propertyName(callee) === 'cwd'
  );
}

/**
 * A test for the expressions that name the same object as `receiver`: its variable, or the same
 * member path (`this.app`).
 */
function receiverMatcher(receiver: TSESTree.Expression): (other: TSESTree.Expression) => boolean {
  const target = skipTypeWrappers(receiver);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(target);
    return (other) => {
      const value = skipTypeWrappers(other);
      return value.type === AST_NODE_TYPES.Identifier && variable !== null && variableOf(value) === variable;
    };
  }
  const sourceCode = codeOf(receiver);
  const text = sourceCode.getText(target);
  return (other) => sourceCode.getText(skipTypeWrappers(other)) === text;
}

function pathPrefix(call: TSESTree.CallExpression): string | null {
  const [first] = call.arguments;
  if (!first) return '';
  const resolved = skipTypeWrappers(resolveExpression(first) ?? first);
  if (resolved.type === AST_NODE_TYPES.Literal) return typeof resolved.value === 'string' ? resolved.value : null;
  if (resolved.type === AST_NODE_TYPES.TemplateLiteral) {
    return resolved.expressions.length === 0 ? (resolved.quasis[0]!.value.cooked ?? null) : null;
  }
  // A path array, or an expression that is not a path at all (the middleware itself).
  return resolved.type === AST_NODE_TYPES.ArrayExpression ? null : '';
}

/** Whether middleware mounted at `prefix` runs for `path` (an unknown path only under no prefix). */
function covers(prefix: string, path: string | null): boolean {
  return path === null ? mountBase(prefix) === '' : mountCovers(prefix, path);
}

/**
 * Whether `app` mounts, at a path under `prefix` that is not public, what a call of the project's
 * own code returns (`app.use('/mcp', adapter.middleware())`, `app.use('/api', apiRouter())`): a
 * router or handler whose routes the analysis does not list. A call of an installed package
 * (`express.static()`), a router the file makes, and middleware mounted with no path are not such.
 */
function opaqueMount(
  app: AppInstance,
  apps: readonly AppInstance[],
  prefix: string,
  publicPaths: readonly string[],
  trustMountChecks: boolean,
): boolean {
  return app.calls.some((call) => {
    const method = calledMethodName(call);
    // Hono's `app.route(path, subApp)` mounts a sub-app as `use` mounts a router.
    if ((method !== 'use' && method !== 'route') || call.arguments.length < 2) return false;
    const path = pathPrefix(call);
    if (!path || isPublicPath(path, publicPaths) || !(covers(prefix, path) || covers(path, prefix))) return false;
    return call.arguments.slice(1).some((argument, index, mounts) => {
      // `app.use('/mcp', requireToken, mcpRouter)`: whatever the router serves, a request without
      // the credential gets only the refusal (where checks are trusted and no credentials allowed).
      if (trustMountChecks && mounts.slice(0, index).some((before) => checksCredential(CREDENTIAL_FINDER, before)))
        return false;
      const mounted = skipTypeWrappers(argument);
      if (method === 'route' && mounted.type === AST_NODE_TYPES.CallExpression) return false;
      // `app.use('/mcp', mcpRouter)` with a router another module makes: its routes, which this file
      // does not list, are reached too, unless that router is shown to serve no MCP.
      if (mounted.type === AST_NODE_TYPES.Identifier || mounted.type === AST_NODE_TYPES.MemberExpression) {
        const made = skipTypeWrappers(resolveExpression(mounted) ?? mounted);
        return (
          made !== mounted &&
          !isLinted(made) &&
          entitiesOf(made, 'app').length > 0 &&
          !importedRouterOfNoMcp(mounted, codeOf(call))
        );
      }
      if (mounted.type !== AST_NODE_TYPES.CallExpression || externalRefOf(mounted.callee) !== null) return false;
      if (apps.some((other) => mountsApp(mounted, other))) return false;
      const callee = skipTypeWrappers(mounted.callee);
      // The project's own function, or a method of something no installed package made; not one
      // that returns middleware (`requestLogger('api')` returns `(req, res, next) => …`).
      const fn = resolveFunction(callee);
      if (fn) return !returnsOnlyFunctions(fn) && mountedRouterEndpoints(mounted, path) === null;
      return callee.type === AST_NODE_TYPES.MemberExpression;
    });
  });
}

/**
 * Whether an app's call mounts what its routes do not list: a router or handler of the project
 * (`router.use('/sub', subRouter)`, `router.use(handleAll)`), not a package's middleware
 * (`router.use(express.json())`).
 */
function mountsUnlisted(call: TSESTree.CallExpression): boolean {
  const method = calledMethodName(call);
  if (method === 'route') return true;
  if (method !== 'use') return false;
  return call.arguments.some((argument) => {
    const value = skipTypeWrappers(argument);
    if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral) return false;
    // Middleware of the project (`router.use(requireBearer)`): its check is read with the routes.
    if (resolveFunction(value) !== null) return false;
    const made = value.type === AST_NODE_TYPES.CallExpression ? value.callee : value;
    return externalRefOf(made) === null;
  });
}

/** The endpoints of the routers that `app` mounts from calls of another module's code, under `prefix`. */
function importedRouterEndpoints(app: AppInstance, prefix: string): Route[] {
  return app.calls.flatMap((call) => {
    if (calledMethodName(call) !== 'use' || call.arguments.length < 2) return [];
    const path = pathPrefix(call);
    if (path === null || !(covers(prefix, path) || covers(path, prefix))) return [];
    return call.arguments.slice(1).flatMap((argument) => {
      const mounted = skipTypeWrappers(argument);
      return mounted.type === AST_NODE_TYPES.CallExpression ? (mountedRouterEndpoints(mounted, path) ?? []) : [];
    });
  });
}

/**
 * The endpoints of the router a call returns when another module makes it and gives it nothing
 * more there (`export function mcpRouter() { const router = express.Router(); router.post('/', …);
 * return router; }`), each at the path it is mounted at; `null` when the call returns anything else.
 */
function mountedRouterEndpoints(mounted: TSESTree.CallExpression, mountPath: string): Route[] | null {
  const made = skipTypeWrappers(resolveExpression(mounted) ?? mounted);
  if (made === mounted || isLinted(made)) return null;
  const { routes, apps } = findRoutes(codeOf(made));
  const router = apps.find((candidate) => candidate.node === made);
  if (!router || handedElsewhere(router) || router.calls.some(mountsUnlisted)) return null;
  return routes
    .filter((route) => route.app === router && isEndpoint(route))
    .map((route) => ({ ...route, path: route.path === null ? null : mountedPath(mountPath, route.path) }));
}

/** Whether every value a function returns is a function: it makes middleware, not a router. */
function returnsOnlyFunctions(fn: HandlerFunction): boolean {
  const returned = returnedExpressions(fn);
  return returned.length > 0 && returned.every((value) => resolveFunction(value) !== null);
}

/** Whether `app` is `target`, a plugin scope of it, or mounted on it. */
function within(app: AppInstance, target: AppInstance, apps: readonly AppInstance[], depth: number): boolean {
  if (app === target) return true;
  if (depth > 4) return false;
  if (app.parent && within(app.parent, target, apps, depth + 1)) return true;
  return apps.some(
    (parent) =>
      parent !== app &&
      parent.calls.some((call) => {
        const method = calledMethodName(call);
        return (
          (method === 'use' || method === 'route') &&
          call.arguments.some((argument) => mountsApp(argument, app)) &&
          within(parent, target, apps, depth + 1)
        );
      }),
  );
}

/** The method calls that mount a router or sub-app on an app, adding no route to it. */
const MOUNTING_ON_APP: ReadonlySet<string> = new Set(['use', 'route']);

/**
 * Whether `mount` (`app.use('/mcp', router)`) gives its router a path of its own on `app`: a
 * constant path other than the root, under which, and above which, no other call of the app
 * handles requests. The router's middleware runs for every request that enters it, and what
 * it sets on the answer stays when the request goes on to the app's later handlers of that
 * path; middleware of installed packages (`express.json()`) answers nothing.
 */
function mountedAlone(mount: TSESTree.CallExpression, app: AppInstance): boolean {
  if (!MOUNTING_ON_APP.has(calledMethodName(mount) ?? '')) return false;
  const prefix = pathPrefix(mount);
  if (prefix === null || prefix === '' || prefix === '/') return false;
  return app.calls.every(
    (call) =>
      call === mount ||
      (keepsApartFrom(call, prefix) ??
        call.arguments.every((argument) => {
          const used = skipTypeWrappers(argument);
          return used.type === AST_NODE_TYPES.CallExpression && externalRefOf(used.callee) !== null;
        })),
  );
}

/** Calls that start an app or set one of its settings, and handle no request. */
const HANDLES_NO_REQUEST: ReadonlySet<string> = new Set(['listen', 'set', 'disable', 'enable']);

/**
 * Whether a call of an app handles no request under `prefix`: it starts the app or sets a
 * setting, or it is at a constant path apart from `prefix` (a parameter or a wildcard,
 * `/:tenant/mcp`, `*`, may match paths under it too). `null` for one at no path
 * (`app.use(middleware)`), which each caller judges.
 */
function keepsApartFrom(call: TSESTree.CallExpression, prefix: string): boolean | null {
  if (HANDLES_NO_REQUEST.has(calledMethodName(call) ?? '')) return true;
  const path = pathPrefix(call);
  if (path === null) return false;
  if (path === '') return null;
  return !/[:*(]/u.test(path) && !(covers(prefix, path) || covers(path, prefix));
}

/**
 * The calls that hand the app to other code (`registerRoutes(app)`, a package's helper), which
 * may add endpoints this file does not show: not the servers that only run it
 * (`http.createServer(app)`, `serve(app)`), nor an app of the file that mounts it at a path of its
 * own (`mountedAlone`).
 */
function handingCalls(app: AppInstance, apps: readonly AppInstance[] = []): TSESTree.CallExpression[] {
  const holder = app.node.parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variableOf(holder.id)?.references ?? []) {
    const { identifier } = reference;
    const parent = identifier.parent;
    if (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments.some((argument) => argument === identifier) &&
      entitiesOf(parent, 'server', 'start', 'handler-server').length === 0 &&
      !APP_RUNNERS.has(externalRefOf(parent.callee)?.module ?? '') &&
      !apps.some((other) => other !== app && other.calls.includes(parent) && mountedAlone(parent, other))
    ) {
      calls.push(parent);
    }
  }
  return calls;
}

/**
 * Packages that run an app as a serverless function, adding nothing to it; and Hono's adapters,
 * whose `handle(app)` (hono 4 `src/adapter/vercel/handler.ts`: `(req) => app.fetch(req)`) hands a
 * platform the app's `fetch`.
 */
export const APP_RUNNERS: ReadonlySet<string> = new Set([
  'serverless-http',
  '@vendia/serverless-express',
  '@codegenie/serverless-express',
  'aws-serverless-express',
  'hono/vercel',
  'hono/nextjs',
  'hono/aws-lambda',
  'hono/netlify',
  'hono/cloudflare-pages',
]);

/**
 * Whether other code may add routes to an app: it is a typed parameter, handed to a call other than
 * a mount by an app of `apps`, or exported and imported.
 */
function handedElsewhere(app: AppInstance, apps: readonly AppInstance[] = [], depth = 0): boolean {
  // A parameter typed as an app: the code that owns it, and its other routes, are elsewhere.
  if (app.typed) return true;
  return (
    handingCalls(app, apps).length > 0 ||
    (exportedValue(app.node) && importedInPackage(app.node) && !mountedAloneElsewhere(app, depth))
  );
}

/**
 * Whether the modules that import an app only mount it, each at a path of its own on an app of
 * theirs (`mountedAlone`) that no other code can add routes to under that path:
 * `app.route('/mcp', mcpApp)`. Nothing there adds routes to it.
 */
function mountedAloneElsewhere(app: AppInstance, depth: number): boolean {
  const mounts = foreignMounts(app);
  return (
    mounts !== null &&
    mounts.length > 0 &&
    mounts.every(
      ({ mount, apps }) =>
        mountedAlone(mount.call, mount.parent) && depth < 3 && !handedElsewhere(mount.parent, apps, depth + 1),
    )
  );
}

/**
 * Whether every mount of an app the analysis sees (none, for an app that is not mounted) gives it
 * a path of its own on an app that no other code can add routes to (`mountedAlone`); and, for a
 * router a function makes and returns, whether those are all its mounts (a library's caller may
 * mount it at the root). Another use of an exported app is `handedElsewhere`'s to judge.
 */
function mountedAloneEverywhere(app: AppInstance, apps: readonly AppInstance[]): boolean {
  const { mounts, complete } = mountsOf(app, apps);
  if (!complete && enclosingFunction(app.node) !== null) return false;
  return mounts.every(
    ({ mount, apps: theirs }) =>
      nothingAnswersAfter(mount.call, mount.parent) && !handedElsewhere(mount.parent, theirs),
  );
}

/**
 * Whether no call of `app` after `mount` may handle a request that enters what it mounts: each
 * is at a constant path apart from the mount's (no parameter or wildcard), or runs nothing
 * (`listen`, settings). The answers of the handlers before it never pass through what it mounts.
 */
function nothingAnswersAfter(mount: TSESTree.CallExpression, app: AppInstance): boolean {
  if (!MOUNTING_ON_APP.has(calledMethodName(mount) ?? '')) return false;
  const prefix = pathPrefix(mount);
  if (prefix === null) return false;
  const index = app.calls.indexOf(mount);
  if (index === -1) return false;
  return app.calls.slice(index + 1).every((call) => keepsApartFrom(call, prefix) ?? false);
}

/**
 * Whether a module of the package (tests aside) imports the app a module exports, and so may add
 * routes to it: not an app only a runtime serves (`export default app` on Bun or Workers). A
 * package's entry counts as imported.
 * Exported any way but `export`, `export default` and `export { … }`: taken as imported.
 */
function importedInPackage(node: TSESTree.Node): boolean {
  const { file } = moduleOf(node);
  const holder = node.parent;
  let names: readonly string[] | null = null;
  if (holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration) names = ['default'];
  else if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(holder.id);
    // `module.exports = app`, `module.exports = { app }`: exported in a way `exportedNames` does not name.
    const commonjs = variable?.references.some((reference) => {
      const parent = (reference.identifier as TSESTree.Node).parent;
      return parent?.type === AST_NODE_TYPES.AssignmentExpression || parent?.type === AST_NODE_TYPES.Property;
    });
    names = variable && !commonjs ? [...new Set([holder.id.name, ...exportedNames(node, variable)])] : null;
  }
  // A package's entry is imported by other packages, which this package does not show.
  const found = file && names && !isPackageEntry(file) ? importersOf(file, names) : null;
  return found === null || found.length > 0;
}

/** How the origin rules judge what a permissive policy reaches. */
export interface ReachOptions {
  /** Paths of public, read-only metadata that any site may read. */
  readonly publicPaths: readonly string[];
  /**
   * Whether endpoints that refuse requests without a bearer token or custom-header credential make
   * a permissive policy harmless.
   */
  readonly trustCredentialChecks: boolean;
  /**
   * Whether a permissive policy without credentials is harmless on a server deployed to the public
   * internet (a Cloudflare Worker).
   */
  readonly trustRemoteDeployments: boolean;
}

/**
 * Whether a permissive policy at `node` gives a hostile page nothing it could not get from its
 * own server: it reaches only public metadata; or, trusting credential checks and with
 * credentials not allowed, only public metadata and endpoints that refuse a request without a
 * credential the page does not have.
 */
export function harmlessPolicy(
  sourceCode: Readonly<SourceCode>,
  node: TSESTree.Node,
  credentials: boolean,
  options: ReachOptions,
): boolean {
  // `const open = cors(…)` then `app.use(open)`: harmless where every use of the constant is.
  const uses = installedThrough(sourceCode, node);
  if (uses) return uses.every((use) => harmlessPolicy(sourceCode, use, credentials, options));
  // `export const corsAll = () => cors(…)` then `app.use(corsAll())`, here or where it is
  // imported: harmless where every call of the function is.
  const calls = helperDepth < 3 ? callsOfPolicyHelper(node) : null;
  if (calls) {
    helperDepth++;
    try {
      return calls.every((call) => harmlessPolicy(codeOf(call), call, credentials, options));
    } finally {
      helperDepth--;
    }
  }
  // A policy of a package where nothing says MCP (a dashboard beside the MCP server's package).
  if (isLinted(node) && inPackageOfNoMcp(sourceCode)) return true;
  // …or run by middleware only for public paths: `(isDiscovery ? open : strict)(req, res, next)`.
  if (runOnlyForPublicPaths(node, options.publicPaths)) return true;
  // A server that catches one request and closes itself (a CLI's OAuth redirect catcher, which
  // `require-loopback-host` takes for no service), answering only constants: a page reads nothing
  // it did not know.
  const handler = enclosingFunction(node);
  if (handler && isRequestCatcher(handler) && answersConstantsOnly(handler)) return true;
  // A web fetch handler that does nothing but answer constants: a page reads nothing it did not know.
  if (handler && fetchHandlerOfConstants(sourceCode, handler)) return true;
  // Next.js middleware whose `config.matcher` keeps it off the project's MCP routes.
  if (middlewareOfNoMcp(programOf(node))) return true;
  // Written only on the preflight answers of paths whose real requests get a constant answer
  // (`if (req.method === 'OPTIONS') { …; return; } res.statusCode = 404; res.end();`).
  if (preflightOfConstantAnswers(node)) return true;
  // A Cloudflare Worker is reachable from everywhere: without credentials, a page reads only what
  // it could fetch from its own server. Not where the module starts a server of its own.
  if (options.trustRemoteDeployments && !credentials && onWorker(sourceCode.ast) && onWorker(node)) return true;
  // A plain or web request handler that refuses a request without a credential before it sets the
  // policy: whatever the policy, a page reads only that refusal.
  if (options.trustCredentialChecks && !credentials && refusedBeforeInHandler(sourceCode, node)) return true;
  // `app.use('/.well-known/oauth-authorization-server', cors(), …)`, also on an app the file is
  // handed: middleware mounted at a public path runs only for that path.
  if (mountedAtPublicPath(node, options.publicPaths)) return true;
  // Written by a handler mounted there itself: `app.use('/.well-known/openid-configuration', (req, res) => { … })`.
  if (handler && mountedAtPublicPath(handler, options.publicPaths)) return true;
  // Written in a branch of a plain handler that runs only for a public path.
  if (inPublicPathBranch(node, options.publicPaths)) return true;
  // Written by a helper every call of which, here or where it is imported, runs only for a public
  // path: `if (url.pathname === '/.well-known/oauth-protected-resource') return discoveryResponse(metadata)`.
  if (handler && calledOnlyForPublicPaths(handler, options.publicPaths)) return true;
  // `app.use('/assets', cors()); app.use('/assets', express.static(dir))`: the files of a site,
  // which a credentialed policy would open to pages with the user's cookies.
  if (!credentials && mountedOnStaticFiles(node)) return true;
  // `express.static(dir, { setHeaders })` of the package's own files, and the preflight of their path.
  if (!credentials && onlyForStaticFiles(node)) return true;
  // `@Header('Access-Control-Allow-Origin', '*')` on a NestJS route: its paths decide.
  const nestPaths = nestRoutePaths(node);
  if (nestPaths && nestPaths.every((path) => isPublicPath(path, options.publicPaths))) return true;
  // …or what the method reads: an OAuth registration (`@Body() body` with `redirect_uris`).
  if (nestPaths && !credentials && nestAnswersOAuthClients(node)) return true;
  // `NestFactory.create(AppModule, { cors: true })` for a script that only writes the OpenAPI
  // document: an app that nothing starts serves nobody.
  if (nestAppNeverServed(node)) return true;
  // An app a test makes and serves only in the process (`app.inject()` of Fastify, supertest's
  // `request(app)`), which listens on no port: no page can reach it.
  const installer = installingApp(sourceCode, node) ?? appInstalledThrough(sourceCode, node);
  if (installer && appServedInProcessOnly(installer)) return true;
  const endpoints = endpointsReached(
    sourceCode,
    node,
    options.publicPaths,
    options.trustCredentialChecks && !credentials,
  );
  if (!endpoints) {
    // A headers constant that only handlers no route of the project shows use, which answer an
    // OAuth discovery document (a library's factories, for their user to mount).
    if (constantOnlyInDiscoveryAnswers(node)) return true;
    // Endpoints the file does not show (added by a function the app is handed to) are guarded
    // too when the app checks a credential on every request, before anything else.
    const app = installingApp(sourceCode, node) ?? appInstalledThrough(sourceCode, node);
    if (options.trustCredentialChecks && !credentials && app !== null && checksEveryRequest(app, options.publicPaths))
      return true;
    // A Fastify plugin's policy reaches what the apps that register it serve: guarded when each
    // checks every request.
    if (
      options.trustCredentialChecks &&
      !credentials &&
      app !== null &&
      registrarsCheckEveryRequest(app, node, options)
    )
      return true;
    // The entry of a service that serves no MCP, whose routes live in other modules (a NestJS
    // app's controllers, an app another module builds, a router of no MCP it mounts with
    // `app.use('/api', router)`): its policies reach no MCP endpoint. Only a module that starts the
    // server, and has no endpoint of its own: middleware of no routes of its own (Next.js's) runs
    // in front of routes elsewhere.
    return (
      isLinted(node) &&
      serverStarts(sourceCode).length > 0 &&
      findRoutes(sourceCode).routes.every((route) => !isEndpoint(route)) &&
      servesNoMcpSurely(sourceCode)
    );
  }
  if (onlyPublic(endpoints, options.publicPaths)) return true;
  // Every endpoint it reaches refuses a foreign `Origin` before it answers (or is public): a page
  // of another site, whose request always carries its `Origin`, reads only that refusal.
  if (onlyPublicOrCredentialed(sourceCode, endpoints, options.publicPaths, ORIGIN_GUARD_FINDER)) return true;
  // OAuth's client registration, token and revocation endpoints, which browser-based MCP clients
  // call cross-origin: without credentials, a page reads only the answer to what it sent itself.
  if (
    !credentials &&
    endpoints.length > 0 &&
    endpoints.every((route) => isPublicEndpoint(route, options.publicPaths) || answersOAuthClients(route)) &&
    endpoints.some((route) => answersOAuthClients(route))
  )
    return true;
  // The endpoints of a server this file makes, which the analysis can show serves no MCP (a
  // website beside the server).
  if (
    endpoints.length > 0 &&
    isLinted(node) &&
    endpoints.every((route) => isLinted(route.node)) &&
    servesNoMcpSurely(sourceCode)
  )
    return true;
  // An OAuth authorization server's endpoints for clients beside an MCP endpoint behind a bearer
  // check: each harmless without credentials, as above.
  return (
    options.trustCredentialChecks &&
    !credentials &&
    onlyPublicOrCredentialed(sourceCode, endpoints, options.publicPaths, CREDENTIAL_FINDER, answersOAuthClients)
  );
}

/** What starts a NestJS app's server, or hands it to one (a serverless handler): `init()` and the adapter. */
const NEST_SERVING_METHODS: ReadonlySet<string> = new Set([
  'listen',
  'init',
  'getHttpAdapter',
  'getHttpServer',
  'startAllMicroservices',
  'connectMicroservice',
]);

/**
 * Whether `node` lies in the options of a `NestFactory.create(…)` whose app the file never serves:
 * held in a local constant that is never started (`listen`, `init`), returned, exported or handed
 * on, but to `@nestjs/swagger` (`SwaggerModule.createDocument(app, config)`, which reads its
 * routes), as a script that writes the OpenAPI document does.
 */
function nestAppNeverServed(node: TSESTree.Node): boolean {
  let call: TSESTree.Node | undefined = node;
  while (call && call.type !== AST_NODE_TYPES.CallExpression) call = call.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.some((argument) => containsNode(argument, node)))
    return false;
  const ref = externalRefOf(call.callee);
  if (ref?.module !== '@nestjs/core' || ref.names.join('.') !== 'NestFactory.create') return false;
  const holder = declaratorHolding(call);
  if (!holder || holder.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
  const variable = variableOf(holder.id);
  return variable !== null && nestAppOnlyRead(variable, 0);
}

/**
 * Whether every use of a variable holding a NestJS app only reads it: a call of one of its methods
 * that serves nothing, an argument of `@nestjs/swagger`, or of a function of the project whose
 * parameter is used so (`generateOpenAPIConfig(app)`, one level deep).
 */
function nestAppOnlyRead(variable: Scope.Variable, depth: number): boolean {
  return variable.references.every((reference) => {
    if (reference.init) return true;
    if (!reference.isRead()) return false;
    const used = outermostWrapper(reference.identifier as TSESTree.Node);
    const parent = used.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === used) {
      const method = propertyName(parent);
      return (
        method !== null && !NEST_SERVING_METHODS.has(method) && parent.parent?.type === AST_NODE_TYPES.CallExpression
      );
    }
    if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
    const index = parent.arguments.indexOf(used as TSESTree.CallExpressionArgument);
    if (index < 0) return false;
    if (externalRefOf(parent.callee)?.module === '@nestjs/swagger') return true;
    const fn = depth === 0 ? resolveFunction(parent.callee) : null;
    const param = fn?.params[index];
    const parameter = param?.type === AST_NODE_TYPES.Identifier ? variableOf(param) : null;
    return parameter !== null && parameter !== undefined && nestAppOnlyRead(parameter, depth + 1);
  });
}

/**
 * Packages that also serve on Node.js, Bun or Deno (what makes a server or starts one), but not
 * Hono, which runs on Workers too.
 */
const SERVER_PACKAGES: ReadonlySet<string> = new Set(
  [...packagesWith('server', 'start')].filter(
    (name) => !name.startsWith('node:') && !/^hono(?:\/|$)|\/hono$/u.test(name),
  ),
);

/**
 * Whether `node` lies in a module deployed to the public internet that starts no server of its
 * own (`app.listen`, `serve()`): of a Worker package, a Vercel Function, or a Next.js route on Vercel.
 */
export function onWorker(node: TSESTree.Node): boolean {
  const { file, code } = moduleOf(node);
  return (
    (deployedAsWorker(file, SERVER_PACKAGES) ||
      deployedAsVercelFunction(file) ||
      deployedAsVercelNextRoute(file) ||
      (deployedAsVercelApp(file) && exportsDefault(code.ast)) ||
      deployedByPlatformAdapter(file, SERVER_PACKAGES) ||
      supabaseFunction(file) !== null ||
      (importsWorkerOnlyModule(code.ast) && deployedWithWrangler(file))) &&
    serverStarts(code).length === 0
  );
}

/** Whether a module has a default export (`export default app`), as Vercel's entry of an app needs. */
function exportsDefault(program: TSESTree.Program): boolean {
  return program.body.some((statement) => statement.type === AST_NODE_TYPES.ExportDefaultDeclaration);
}

/**
 * Whether a module imports one that runs only on Cloudflare Workers (`McpAgent` of `agents/mcp`,
 * `cloudflare:workers`): in a package deployed with Wrangler it is Worker code, also where the
 * package serves on Node.js from other modules (an Express entry beside the Worker's).
 */
function importsWorkerOnlyModule(program: TSESTree.Program): boolean {
  return program.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration &&
      statement.importKind !== 'type' &&
      WORKER_ONLY_MODULES.has(statement.source.value),
  );
}

/**
 * Whether the linted module runs only where a platform serves it, reached by the platform's
 * hostname for it: a Worker or Vercel Function that only the package's own code leads to
 * (`servedOnlyByPlatform`), or a Supabase Edge Function, which the edge runtime serves behind
 * Supabase's gateway. A rebinding name is routed elsewhere there, and the user's network
 * position gains a page nothing.
 */
export function deployedRemotely(program: TSESTree.Program): boolean {
  return (onWorker(program) && servedOnlyByPlatform(program)) || supabaseFunction(moduleOf(program).file) !== null;
}

/**
 * Whether only the Worker's own code leads to the linted module: it is imported by no module of
 * the package, or every chain of importers (three deep, twenty each) ends at the Worker's entry
 * (the `main` of its Wrangler configuration). A local runner that imports the Worker
 * (`http.createServer(… worker.fetch(…))`, or a helper of the project that serves it) is
 * another root, and serves it from the user's machine too.
 */
function servedOnlyByPlatform(program: TSESTree.Program): boolean {
  const { file } = moduleOf(program);
  if (file === null) return false;
  const resolved = path.resolve(file);
  return importedOnlyByWorkerCode(resolved, program, workerEntry(resolved), new Set(), 0);
}

/** Whether a module, and the modules of the project it imports, start no server. */
export function startsNoServer(program: TSESTree.Program): boolean {
  if (serverStarts(codeOf(program)).length > 0) return false;
  const { file } = moduleOf(program);
  if (file === null) return false;
  return program.body.every((statement) => {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !statement.source.value.startsWith('.')) return true;
    const target = resolveSpecifier(file, statement.source.value);
    const imported = target ? loadModule(target) : null;
    return imported === null || serverStarts(codeOf(imported)).length === 0;
  });
}

function importedOnlyByWorkerCode(
  file: string,
  program: TSESTree.Program,
  entry: string | null,
  onPath: Set<string>,
  depth: number,
): boolean {
  // Back to a module on the way here (the entry imports the handler, which imports a constant of the entry).
  if (onPath.has(file)) return true;
  const importers = importersOf(file, ['default', ...exportedNamesOf(program)]);
  if (importers === null || importers.length > 20) return false;
  // A root: the Worker's entry, or a module that serves nothing itself nor through the
  // modules it imports (the entry of a Worker built to `dist/`, a script that prints the routes).
  if (importers.length === 0) return depth === 0 || file === entry || startsNoServer(program);
  if (depth >= 3) return false;
  const visited = new Set([...onPath, file]);
  return importers.every((importer) => {
    const imported = loadModule(importer);
    return (
      imported !== null &&
      serverStarts(codeOf(imported)).length === 0 &&
      importedOnlyByWorkerCode(importer, imported, entry, visited, depth + 1)
    );
  });
}

/**
 * Words of the credentials a browser attaches to a request by itself, which a forged cross-site
 * request carries too: cookies (and the sessions kept in them: `express-session`, better-auth's
 * `getSession({ headers })` and NextAuth's `getSession({ req })`, which take the request's
 * headers in an object, unlike a store's lookup of an MCP session by its id, `getSession(id)`;
 * and the calls the adapters know to read one, NextAuth's `getServerSession()`), HTTP Basic auth.
 */
const AMBIENT_CREDENTIAL = new RegExp(
  String.raw`cookie|basic[-_ ]?auth|["'\x60]Basic\s|\bsession\s*\(|express-session|getSession\s*\(\s*\{|\b(?:${[
    ...exportNamesWith('cookie-read'),
  ].join('|')})\s*\(`,
  'iu',
);
const readsAmbientCredential = (text: string): boolean => AMBIENT_CREDENTIAL.test(text);

/**
 * Whether a module, or a module of the project it imports (two deep), may read a credential the
 * browser attaches by itself: by its words, so that one read anywhere keeps the module's routes
 * under the rules that judge forged requests.
 */
export function mayReadAmbientCredential(program: TSESTree.Program): boolean {
  const { file, code } = moduleOf(program);
  // Not the module's comments ("no cookies here"), which read nothing.
  const text = textWithout(
    code.text,
    code.getAllComments().map((comment) => comment.range),
  );
  return readsAmbientCredential(text) || importsModuleMatching(file, code.text, readsAmbientCredential);
}

/** What a function's first parameter is called when it is the request (or a framework's context). */
const REQUEST_NAME = /^(?:req|request|c|ctx|context|event)$/u;

/**
 * Whether `node` lies in a plain (`node:http`) or web (`fetch`) request handler of the file, or in
 * a function of it, that checks a credential on the way to it, refusing the request without one.
 */
function refusedBeforeInHandler(sourceCode: Readonly<SourceCode>, node: TSESTree.Node): boolean {
  const handlers = new Set<HandlerFunction>();
  for (const route of findRoutes(sourceCode).routes) {
    if (route.framework !== 'node' || route.app) continue;
    const fn = route.handlers[0] && resolveFunction(route.handlers[0]);
    if (fn) handlers.add(fn);
  }
  // A fetch handler that hands its MCP paths on (`return Agent.serveSSE('/sse').fetch(request, env, ctx)`)
  // shows no route of its own, but its checks are on the way all the same.
  for (const { fn } of fetchHandlers(sourceCode)) if (fn) handlers.add(fn);
  // A function that makes the answer (`openStream(req)` of a class a handler calls): whoever calls
  // it, the answer that carries the policy comes only after its own check.
  // Only the innermost: an outer function's other functions (an `/admin` check beside the
  // handler) are not on the way to it.
  // It must take the request: not a function that builds an app and installs a policy there.
  const maker = enclosingFunction(node);
  const [request] = maker?.params ?? [];
  // (Nor one that makes the app it installs on, whatever its first parameter is named: `ctx` of
  // `createServer(ctx: AppContext)` is the application's context, not Koa's.)
  if (
    maker &&
    request?.type === AST_NODE_TYPES.Identifier &&
    REQUEST_NAME.test(request.name) &&
    !findRoutes(sourceCode).apps.some((app) => containsNode(maker, app.node))
  )
    handlers.add(maker);
  return [...handlers].some((fn) => containsNode(fn, node) && functionChecksCredential(CREDENTIAL_FINDER, fn, 0, node));
}

/**
 * The reads of the constant a policy middleware is held in (`const open = cors(…)`), when every
 * one is an argument of a call of an app of this file (`app.use(open)`,
 * `app.options('*', open)`): the policy is installed there. `null` otherwise.
 */
function installedThrough(sourceCode: Readonly<SourceCode>, node: TSESTree.Node): TSESTree.Node[] | null {
  const uses = usesOfHolder(node);
  if (!uses) return null;
  const { apps } = findRoutes(sourceCode);
  const installed = uses.every((use) => {
    const call = outermostWrapper(use).parent;
    return (
      programOf(use) === sourceCode.ast &&
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments.includes(outermostWrapper(use) as TSESTree.CallExpressionArgument) &&
      apps.some((app) => app.calls.includes(call))
    );
  });
  return installed ? uses : null;
}

/** How many policy helpers deep `harmlessPolicy` is judging a policy at the calls of its helper. */
let helperDepth = 0;

/**
 * The calls of the function that returns the policy at `node` and nothing else (`const corsAll =
 * () => cors({ origin: true })`, `function openCors() { return cors(); }`), in its module and in
 * those that import it, when they are all known, some, and each is a call of it.
 */
function callsOfPolicyHelper(node: TSESTree.Node): TSESTree.CallExpression[] | null {
  const outer = outermostWrapper(node);
  const holder = outer.parent;
  const fn =
    holder?.type === AST_NODE_TYPES.ArrowFunctionExpression && holder.body === outer
      ? holder
      : holder?.type === AST_NODE_TYPES.ReturnStatement
        ? enclosingFunction(holder)
        : null;
  if (!fn || returnedExpressions(fn).length !== 1) return null;
  const found = usesOfFunction(fn);
  if (!found?.complete || found.uses.length === 0) return null;
  const calls: TSESTree.CallExpression[] = [];
  for (const use of found.uses) {
    const call = outermostWrapper(use).parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== outermostWrapper(use)) return null;
    calls.push(call);
  }
  return calls;
}

/** The reads of the constant that holds `node` (`const open = cors(…)`), when all are known and some. */
function usesOfHolder(node: TSESTree.Node): TSESTree.Node[] | null {
  const declarator = outermostWrapper(node).parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    skipTypeWrappers(declarator.init ?? declarator) !== node
  )
    return null;
  const found = usesOfConstant(declarator);
  return found?.complete && found.uses.length > 0 ? found.uses : null;
}

/**
 * Whether a policy middleware held in a constant (`const open = cors({ origin: '*' })`) is run
 * only for public paths, by middleware that picks it per request: called in a branch that only a
 * public path takes and that ends there (`if (req.path === '/.well-known/oauth-protected-resource')
 * return open(req, res, next);`), or picked by such a test (`(req.path === '/.well-known/…' ? open
 * : strict)(req, res, next)`).
 */
function runOnlyForPublicPaths(node: TSESTree.Node, publicPaths: readonly string[]): boolean {
  const uses = usesOfHolder(node);
  if (!uses) return false;
  return uses.every((use) => {
    // The middleware's own `req.path` is whole only where it is mounted at no path: under
    // `app.use('/mcp', …)` a test of `/health` is one of `/mcp/health`.
    const picker = enclosingFunction(use);
    if (!picker || !mountedAtNoPath(picker)) return false;
    let held = outermostWrapper(use);
    const picked = held.parent;
    if (picked?.type === AST_NODE_TYPES.ConditionalExpression && picked.consequent === held) {
      if (!requiresPublicPath(picked.test, publicPaths)) return false;
      held = outermostWrapper(picked);
      const call = held.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee === held;
    }
    const call = held.parent;
    return (
      call?.type === AST_NODE_TYPES.CallExpression && call.callee === held && inPublicPathBranch(call, publicPaths)
    );
  });
}

/**
 * Whether middleware is mounted only with no path (`app.use((req, res, next) => …)`, or a
 * constant holding it given to `app.use(pick)`): it sees every request's whole path.
 */
function mountedAtNoPath(fn: HandlerFunction): boolean {
  const given = usesOfHolder(fn) ?? [fn];
  return given.every((value) => {
    const held = outermostWrapper(value);
    const call = held.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || calledMethodName(call) !== 'use' || call.arguments[0] !== held)
      return false;
    // On an app that is no other's part (a router mounted at `/mcp` sees `req.path` below it).
    const { apps } = findRoutes(codeOf(call));
    const app = apps.find((candidate) => candidate.calls.includes(call));
    return app !== undefined && app.parent === null && mountsOf(app, apps).mounts.length === 0;
  });
}

/** The app whose `use`/`register`/hook call installs the policy at `node`. */
function installingApp(sourceCode: Readonly<SourceCode>, node: TSESTree.Node): AppInstance | null {
  const { apps } = findRoutes(sourceCode);
  return (
    apps.find((app) =>
      app.calls.some((call) => {
        const method = calledMethodName(call);
        return (method === 'use' || method === 'register' || method === 'addHook') && containsNode(call, node);
      }),
    ) ?? null
  );
}

/**
 * The one app whose calls install the policy that a constant holds (`const open = cors(…);
 * app.options(/.*\/, open); app.use(open)`), or `null`.
 */
function appInstalledThrough(sourceCode: Readonly<SourceCode>, node: TSESTree.Node): AppInstance | null {
  // The policy where one of its uses is asked about (`open` in `app.options(/.*\/, open)`).
  const def = node.type === AST_NODE_TYPES.Identifier ? variableOf(node)?.defs[0] : undefined;
  const made = def?.type === 'Variable' ? def.node.init : null;
  const uses = installedThrough(sourceCode, made ? skipTypeWrappers(made) : node);
  if (!uses) return null;
  const { apps } = findRoutes(sourceCode);
  const owners = new Set(
    uses.map((use) => apps.find((app) => app.calls.includes(outermostWrapper(use).parent as TSESTree.CallExpression))),
  );
  const [owner] = owners;
  return owners.size === 1 && owner ? owner : null;
}

/**
 * Whether an app refuses every request without a credential before any route of it runs: a
 * Fastify `onRequest`/`preHandler` hook or a guard plugin at its root, or (where order counts) a
 * path-less `use` of a check before its first route and before it is handed to other code. Routes
 * that answer only preflights (`app.options(/.*\/, cors())`) or serve a public path
 * (`/.well-known/oauth-protected-resource`) may come first: what they answer is no secret.
 */
function checksEveryRequest(
  app: AppInstance,
  publicPaths: readonly string[],
  before: TSESTree.CallExpression | null = null,
  conditions: ReadonlySet<string> = new Set(),
): boolean {
  const ordered = ROUTE_SHAPES[app.framework].ordered;
  const hooks = ROUTE_SHAPES.fastify.guardHooks ?? new Set<string>();
  const handing = handingCalls(app);
  for (const call of app.calls) {
    if (call === before) break;
    const method = calledMethodName(call);
    const [first, ...rest] = call.arguments;
    // Installed under a setting: only where the policy is installed under it too, and then the
    // check's own tests of that setting are settled (`if (!config.enabled) return;` never runs).
    const settings = registeredUnderCondition(call) ? conditionsOf(call) : [];
    if (!settings?.every((key) => conditions.has(key))) continue;
    const checks = (argument: TSESTree.Node): boolean =>
      checksCredential(
        settings.length > 0
          ? { ...CREDENTIAL_FINDER, settled: settledThrough(argument, conditions) }
          : CREDENTIAL_FINDER,
        argument,
      );
    if (method === 'use' && first) {
      const pathless = pathPrefix(call) === '' && !isPathArgument(first);
      if (pathless && [first, ...rest].some(checks)) return true;
    } else if (method === 'addHook' && app.framework === 'fastify' && first && rest[0]) {
      const name = staticValue(first)?.value;
      if (typeof name === 'string' && hooks.has(name) && checks(rest[0])) return true;
    } else if (method === 'register' && app.framework === 'fastify' && first?.type !== AST_NODE_TYPES.SpreadElement) {
      if (first && isGuardPlugin(CREDENTIAL_FINDER, first)) return true;
    }
    if (ordered && method !== null && method !== 'use' && ROUTE_SHAPES[app.framework].verbs.has(method)) {
      const path = first && first.type !== AST_NODE_TYPES.SpreadElement ? staticValue(first)?.value : undefined;
      if (method === 'options' || (typeof path === 'string' && isPublicPath(path, publicPaths))) continue;
      return false;
    }
    if (ordered && handing.some((other) => other.range[0] < call.range[0])) return false;
  }
  return false;
}

/** Whether the first argument of a `use` is a path (a string, a template or an array of them). */
function isPathArgument(node: TSESTree.Node): boolean {
  const resolved = skipTypeWrappers(resolveExpression(node) ?? node);
  return (
    (resolved.type === AST_NODE_TYPES.Literal && typeof resolved.value === 'string') ||
    resolved.type === AST_NODE_TYPES.TemplateLiteral ||
    resolved.type === AST_NODE_TYPES.ArrayExpression
  );
}

/**
 * Whether a policy a Fastify plugin installs (`app.register(cors, …)` in the plugin whose instance
 * is `app`) reaches only requests a credential check refuses: each app that registers the plugin,
 * here or in a module that imports it, checks every request before the `register` call. The
 * plugin's hooks land in that app's scope (`fp()`) or in a child of it, which inherits the hooks
 * the app has by then. A check the app installs under a condition counts where the policy is
 * installed only under that same condition: `if (opts.auth?.enabled) app.addHook('onRequest',
 * checkToken)` and, in the plugin, `if (!opts.auth?.enabled) return;` before the policy, with the
 * plugin registered with `{ auth: opts.auth }`.
 */
function registrarsCheckEveryRequest(app: AppInstance, node: TSESTree.Node, options: ReachOptions): boolean {
  if (app.framework !== 'fastify') return false;
  // The plugin function the policy is installed in: the one whose instance `app` is, or, where
  // the module registers a plugin with `fp()` itself and so merges it into its registrar's app,
  // the innermost around the policy that the module registers.
  let plugin: HandlerFunction | null = null;
  let registrations: PluginRegistration[] | null = null;
  for (let fn = enclosingFunction(node); fn && !registrations?.length; fn = enclosingFunction(fn)) {
    const [instance] = fn.params;
    if (instance?.type !== AST_NODE_TYPES.Identifier) continue;
    if (app.node.type === AST_NODE_TYPES.Identifier && app.node !== instance) continue;
    plugin = fn;
    registrations = pluginRegistrations(instance);
  }
  if (!plugin || !registrations?.length) return false;
  const required = conditionsTowards(node, plugin);
  return registrations.every(({ call, parent }) => {
    const conditions = new Set(conditionsOf(call) ?? []);
    for (const { test, holds } of required) {
      const key = registrarCondition(test, holds, plugin, call);
      if (key !== null) conditions.add(key);
    }
    return checksEveryRequest(parent, options.publicPaths, call, conditions);
  });
}

/**
 * The key, in the module that registers a plugin, of a test of a member of the plugin's options
 * parameter: `opts.auth.enabled` in the plugin, registered with `{ auth: opts.authorization }`, is
 * `opts.authorization.enabled` of the registrar.
 */
function registrarCondition(
  test: TSESTree.Expression,
  holds: boolean,
  plugin: HandlerFunction,
  call: TSESTree.CallExpression,
): string | null {
  const options = plugin.params[1];
  const given = call.arguments[1];
  if (options?.type !== AST_NODE_TYPES.Identifier || !given || given.type === AST_NODE_TYPES.SpreadElement) return null;
  const member = memberTest(test, holds);
  if (!member || member.names.length < 2 || variableOf(member.root)?.defs[0]?.name !== options) return null;
  const object = resolveObjectExpression(given);
  const property = object && findObjectProperty(object, member.names[0]!);
  if (property?.kind !== 'found' || !property.value) return null;
  const base = memberTest(property.value as TSESTree.Expression, true);
  const variable = base?.holds ? variableOf(base.root) : null;
  return base && variable ? memberKey(variable, [...base.names, ...member.names.slice(1)], member.holds) : null;
}

/** How many modules away from a module `importerMcpRoutes` looks, and how many modules it reads at most. */
const MAX_IMPORTER_DEPTH = 3;
const MAX_IMPORTER_MODULES = 40;

/**
 * The routes that serve MCP (their handler leads to a transport, or their path names an MCP
 * endpoint) in the modules of the package that import a module, directly or through up to two
 * more: where a request comes from to code of a module that has no routes of its own (a session
 * manager that makes the transports) when the calls of its functions cannot be followed to a route
 * (an instance kept in a field of another class, a handler a method returns). `null` when the
 * importers cannot be told, or there are more modules than the bound.
 */
export const importerMcpRoutes = perLintedFileByName((file: string): readonly Route[] | null => {
  const routes: Route[] = [];
  const seen = new Set([file]);
  let level = [file];
  for (let depth = 0; depth < MAX_IMPORTER_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const current of level) {
      const program = loadModule(current);
      const names = program ? exportedNamesOf(program) : [];
      if (names.length === 0) continue;
      const importers = importersOf(current, names);
      if (importers === null) return null;
      for (const importer of importers) {
        if (seen.has(importer)) continue;
        seen.add(importer);
        if (seen.size > MAX_IMPORTER_MODULES) return null;
        next.push(importer);
        const imported = loadModule(importer);
        if (!imported) continue;
        for (const route of findRoutes(codeOf(imported)).routes) {
          if (
            (route.path !== null && MCP_PATH.test(route.path)) ||
            route.handlers.some((handler) => servesMcp(handler))
          )
            routes.push(route);
        }
      }
    }
    level = next;
  }
  return routes;
});
