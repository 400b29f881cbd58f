import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { ROUTE_SHAPES } from '../frameworks/registry';
import {
  calledMethodName,
  calledMethodObject,
  containsNode,
  outermostWrapper,
  parameterName,
  skipTypeWrappers,
  walk,
} from './ast';
import {
  checksCredential,
  functionChecksCredential,
  holdsWhileUnset,
  isGuardPlugin,
  readsOnlySettings,
  type CheckFinder,
} from './credential-checks';
import { defaultEventHandler } from './fetch-handlers';
import { loadModule, perLintedFile } from './exports';
import { codeOf, moduleOf, programOf, propertyName, staticValue, variableOf } from './program';
import { sourceModulesIn, supabaseFunction } from './module-graph';
import { START_METHODS } from './servers';
import { entitiesOf } from './facts';
import { requestHeaderRead } from './request-headers';
import {
  defaultExportedPlugin,
  findRoutes,
  isPathRead,
  madeApp,
  pluginName,
  runsBefore,
  type AppInstance,
  type Route,
} from './routes';
import {
  callsOf,
  classOf,
  enclosingFunction,
  externalRefOf,
  findObjectProperty,
  holdsThrough,
  isFunctionNode,
  possibleValues,
  resolveExpression,
  resolveFunction,
  resolveObjectExpression,
  resultPlaces,
  returnedExpressions,
  usesOfConstant,
  usesOfDefaultExport,
  usesOfFunctionDeclaration,
  type HandlerFunction,
} from './values';

/** Fastify hooks that run before the handler sees the request. */
const GUARD_HOOKS = ROUTE_SHAPES.fastify.guardHooks ?? new Set<string>();

/** Whether the route, or middleware registered before it that covers its path, checks a credential. */
export function routeIsGuarded(finder: CheckFinder, route: Route, apps: readonly AppInstance[]): boolean {
  // A Supabase Edge Function with `verify_jwt` (the default): the gateway refuses a request without
  // a valid JWT in `Authorization` before the function runs.
  if (finder.checksHeader('authorization') && supabaseFunction(moduleOf(route.node).file)?.verifiesJwt) return true;
  // In a plain handler, the checks that count are the ones on the way to the route's branch.
  let branch: TSESTree.Node | undefined;
  if (route.framework === 'node') {
    for (let node: TSESTree.Node | undefined = route.node; node; node = node.parent) {
      if (node.type === AST_NODE_TYPES.IfStatement) {
        branch = node;
        break;
      }
    }
  }
  if (route.handlers.some((handler) => checksCredential(finder, handler, branch))) return true;
  // A branch of a function the handler hands the request to (`await handleMcp(req, res)`): the
  // checks that run there before the branch count too.
  const dispatched = branch && enclosingFunction(branch);
  if (
    dispatched &&
    !route.handlers.some((handler) => resolveFunction(handler) === dispatched) &&
    functionChecksCredential(finder, dispatched, 0, branch, true)
  )
    return true;
  if (ownerMiddleware(route)) return true;
  if (route.middlewareDir && nitroMiddlewareChecks(finder, route.middlewareDir, route.path)) return true;
  if (earlierRouteChecks(finder, route)) return true;
  if (
    route.options &&
    hookOptionsCheck(finder, route.options, (route.app && ROUTE_SHAPES[route.app.framework].guardHooks) ?? GUARD_HOOKS)
  )
    return true;
  if (!route.app) return false;
  // Middleware registered before the call that registers the route (for Koa middleware that
  // routes by hand, the `use` that holds it).
  const registering =
    route.call ?? route.app.calls.find((call) => route.handlers.some((handler) => containsNode(call, handler))) ?? null;
  return appChecks(finder, route.app, registering, route.path, apps, 0) && othersCheck(finder, route, apps);
}

/**
 * The call in the app's module that runs the function registering `registration` (`mcpRoutes(app,
 * services)` for a route that `mcpRoutes` adds in another module), the first if several.
 */
function handingCallOf(registration: TSESTree.Node, app: AppInstance): TSESTree.Node | null {
  const fn = enclosingFunction(registration);
  const home = programOf(app.node);
  if (!fn || programOf(fn) === home) return null;
  const calls = (callsOf(fn)?.calls ?? []).filter((call) => programOf(call) === home);
  return calls.reduce<TSESTree.Node | null>(
    (first, call) => (first === null || runsBefore(call, first) ? call : first),
    null,
  );
}

/** How many modules of a Nitro middleware folder are read, in the order Nitro runs them (by name). */
const MAX_MIDDLEWARE_MODULES = 20;

/**
 * Whether a handler in Nitro's middleware folder (`server/middleware/auth.ts`: `export default
 * defineEventHandler(…)`), which Nitro runs before every route, checks a credential on the way to
 * a request at `path`: a check in a branch on the request counts only where the branch is one on
 * the path that `path` takes (`if (url.pathname.startsWith('/api/mcp'))`), or on a setting.
 */
function nitroMiddlewareChecks(finder: CheckFinder, dir: string, routePath: string | null): boolean {
  const runsFor = (node: TSESTree.Node, fn: HandlerFunction): boolean => branchesTakenFor(node, fn, routePath);
  return sourceModulesIn(dir, MAX_MIDDLEWARE_MODULES).some((file) => {
    const program = loadModule(file);
    const made = program && defaultEventHandler(program);
    return made !== null && made !== undefined && checksCredential({ ...finder, runsFor }, made.fn);
  });
}

/**
 * Whether every branch around a node within its function is taken for a request at `path`: its
 * test holds (for the consequent) or fails (for the `else`) for that path, or reads only settings
 * (`if (config.auth.enabled)`). A branch on anything else of the request, or with no path known, is not.
 */
function branchesTakenFor(node: TSESTree.Node, fn: HandlerFunction, path: string | null): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.SwitchCase) return false;
    if (parent.type !== AST_NODE_TYPES.IfStatement && parent.type !== AST_NODE_TYPES.ConditionalExpression) continue;
    if (child === parent.test) continue;
    if (readsOnlySettings(parent.test, fn)) continue;
    if (path === null) return false;
    // `if (url.pathname.startsWith('/api/mcp') && config.auth.enabled)`: taken for the path while
    // the setting holds, as a branch on a setting alone is (the finder decides what a setting is worth).
    const sides = andOperands(parent.test);
    const holds =
      child === parent.consequent &&
      sides.length > 1 &&
      sides.every((side) => readsOnlySettings(side, fn) || pathHolds(side, path, new Map()) === true)
        ? true
        : pathHolds(parent.test, path, new Map());
    if (holds === null || holds !== (child === parent.consequent)) return false;
  }
  return true;
}

/**
 * The finder for middleware that sees a request at `path`: a check counts unless a branch around it,
 * within its function, tests the path and comes to the other way for `path` (`if (req.path ===
 * '/mcp' && auth) { check }` for a route at `/`). A branch on anything else is left to the finder.
 */
function forPath(finder: CheckFinder, path: string): CheckFinder {
  const { runsFor } = finder;
  return {
    ...finder,
    runsFor: (node, fn) => (!runsFor || runsFor(node, fn)) && !pathRulesOut(node, fn, path),
  };
}

/**
 * Whether a branch around a node, within its function, is one a request at `path` does not take, by
 * its path test alone.
 */
function pathRulesOut(node: TSESTree.Node, fn: HandlerFunction, path: string): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.IfStatement && parent.type !== AST_NODE_TYPES.ConditionalExpression) continue;
    if (child === parent.test) continue;
    if (child === parent.consequent) {
      // `a && b`: not taken when a side is false for the path.
      if (andOperands(parent.test).some((side) => pathHolds(side, path, new Map()) === false)) return true;
    } else if (pathHolds(parent.test, path, new Map()) === true) {
      return true;
    }
  }
  return false;
}

/** The operands of a chain of `&&`: `a && b && c` → `[a, b, c]`; anything else is one. */
function andOperands(test: TSESTree.Node): TSESTree.Node[] {
  const expression = skipTypeWrappers(test);
  return expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&'
    ? [...andOperands(expression.left), ...andOperands(expression.right)]
    : [expression];
}

/**
 * A route registered before this one for the same path and POST, on the same app, whose middleware
 * checks a credential (`app.post('/mcp', requireBearerAuth({ verifier }))`, then `app.post('/mcp',
 * handler)`): express and Hono run the routes that match in order, and its `next()` is the only
 * way on to this one.
 */
function earlierRouteChecks(finder: CheckFinder, route: Route): boolean {
  const { app, call: registering, path } = route;
  if (!app || !registering || path === null || !ROUTE_SHAPES[app.framework].ordered) return false;
  // The earlier route must see every method this one takes: every method (`all`), or POST before
  // a route that takes POST alone.
  const taken = routeMethods(registering);
  for (const call of app.calls) {
    if (call === registering) return false;
    const seen = routeMethods(call);
    if (
      !seen ||
      !taken ||
      !(seen.all || (!taken.all && taken.methods.every((method) => seen.methods.includes(method))))
    )
      continue;
    const paths = seen.path && resolvePaths(seen.path);
    if (paths?.length !== 1 || paths[0] !== path || !runsWhenever(call, registering)) continue;
    if (seen.handlers.some((handler) => checksCredential(finder, handler))) return true;
  }
  return false;
}

/**
 * The methods, path and handlers of a route registration: `app.post(path, …handlers)`,
 * `app.all(path, …)`, Hono's `app.on(['GET', 'POST'], path, …)`. `null` for any other call.
 */
function routeMethods(
  call: TSESTree.CallExpression,
): { all: boolean; methods: string[]; path: TSESTree.Node | undefined; handlers: TSESTree.Node[] } | null {
  const method = calledMethodName(call);
  const args = call.arguments;
  if (method === 'all') return { all: true, methods: [], path: args[0], handlers: args.slice(1) };
  if (method === 'post') return { all: false, methods: ['POST'], path: args[0], handlers: args.slice(1) };
  if (method !== 'on' || !args[0]) return null;
  const verbs = staticValue(args[0])?.value;
  const methods = (Array.isArray(verbs) ? verbs : [verbs]).map((verb) => String(verb).toUpperCase());
  return { all: false, methods, path: args[1], handlers: args.slice(2) };
}

/**
 * Whether `earlier` runs whenever `later` does: no branch holds it that does not hold `later` too
 * (not `if (auth) app.post('/mcp', auth, handler); else app.post('/mcp', handler)`).
 */
function runsWhenever(earlier: TSESTree.Node, later: TSESTree.Node): boolean {
  let child = earlier;
  for (let parent = earlier.parent; parent; child = parent, parent = parent.parent) {
    if (containsNode(parent, later)) {
      // Where the two meet, `earlier` must not be in a branch of its own.
      if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression)
        return child === parent.test;
      return parent.type !== AST_NODE_TYPES.LogicalExpression || child === parent.left;
    }
    // A branch, a loop body (which may run no time), a `try` block (whose `catch` may go on
    // without it), or a function: `earlier` may not run.
    if (
      parent.type === AST_NODE_TYPES.IfStatement ||
      parent.type === AST_NODE_TYPES.ConditionalExpression ||
      parent.type === AST_NODE_TYPES.LogicalExpression ||
      parent.type === AST_NODE_TYPES.SwitchCase ||
      parent.type === AST_NODE_TYPES.ForStatement ||
      parent.type === AST_NODE_TYPES.ForInStatement ||
      parent.type === AST_NODE_TYPES.ForOfStatement ||
      parent.type === AST_NODE_TYPES.WhileStatement ||
      parent.type === AST_NODE_TYPES.DoWhileStatement ||
      parent.type === AST_NODE_TYPES.TryStatement ||
      isFunctionNode(parent)
    )
      return false;
  }
  return false;
}

/**
 * On an app known only by a parameter's type (`setupRoutes(app: Express, auth)`), middleware that
 * the route takes from a parameter no call the analysis sees gives a value (`app.all('/mcp', auth,
 * handler)`, also through `...[auth]`): the code that owns the app hands both in, and what that
 * middleware checks is not shown; it is taken to be the check it is placed as.
 */
function ownerMiddleware(route: Route): boolean {
  return route.app?.typed === true && route.handlers.slice(0, -1).some((handler) => handedInUnknown(handler, 0));
}

function handedInUnknown(node: TSESTree.Node, depth: number): boolean {
  if (depth > 3) return false;
  const expression = skipTypeWrappers(node.type === AST_NODE_TYPES.SpreadElement ? node.argument : node);
  const resolved = skipTypeWrappers(resolveExpression(expression) ?? expression);
  if (resolved.type === AST_NODE_TYPES.ArrayExpression) {
    return resolved.elements.some((element) => element !== null && handedInUnknown(element, depth + 1));
  }
  if (resolved.type !== AST_NODE_TYPES.Identifier || variableOf(resolved)?.defs[0]?.type !== 'Parameter') return false;
  return possibleValues(resolved).every((candidate) => !candidate.known && candidate.node === resolved);
}

/**
 * A route that a function adds to the app it is handed (`addRoutes(app)`) is on every app its
 * callers hand it (`addRoutes(guarded)` and `addRoutes(open)`): each must check, with the
 * middleware it has before the call that hands it over. An app the analysis does not know is
 * left to the first.
 */
function othersCheck(finder: CheckFinder, route: Route, apps: readonly AppInstance[]): boolean {
  const receiver = route.call && calledMethodObject(route.call);
  const id = receiver && skipTypeWrappers(receiver);
  if (id?.type !== AST_NODE_TYPES.Identifier || variableOf(id)?.defs[0]?.type !== 'Parameter') return true;
  // Middleware the function itself puts on the app before the route (`app.use('/mcp', guard)`):
  // every app it is handed gets it.
  if (route.app && parameterChecks(finder, route, route.app, id)) return true;
  for (const candidate of possibleValues(id)) {
    if (candidate.known || candidate.node === id) continue;
    const made = skipTypeWrappers(resolveExpression(candidate.node) ?? candidate.node);
    const other = apps.find((app) => app.node === made);
    if (!other || other === route.app) continue;
    const before = other.calls.find((call) => !runsBefore(call, candidate.node)) ?? null;
    if (!appChecks(finder, other, before, route.path, apps, 0)) return false;
  }
  return true;
}

/**
 * Whether a function that adds a route to the app it is handed (`id`, its parameter) mounts a
 * check on that same parameter first, for the route's path: `app.use('/mcp', guard)` then
 * `app.post('/mcp', …)`.
 */
function parameterChecks(finder: CheckFinder, route: Route, app: AppInstance, id: TSESTree.Identifier): boolean {
  const variable = variableOf(id);
  for (const call of app.calls) {
    if (call === route.call) return false;
    const receiver = calledMethodObject(call);
    const held = receiver && skipTypeWrappers(receiver);
    if (held?.type !== AST_NODE_TYPES.Identifier || variableOf(held) !== variable) continue;
    if (calledMethodName(call) !== 'use' || call.range[0] > (route.call?.range[0] ?? 0)) continue;
    if (finder.enforcedByDefault && registeredUnderCondition(call)) continue;
    const [first, ...rest] = call.arguments;
    if (!first) continue;
    const prefixes = resolvePaths(first);
    if (prefixes !== undefined && !prefixes.some((prefix) => covers(prefix, route.path))) continue;
    const middleware = prefixes === undefined ? call.arguments : rest;
    if (middleware.some((argument) => checksCredential(finder, argument))) return true;
  }
  return false;
}

/**
 * Whether an app (or what it is mounted on) checks credentials for `path` in the middleware it
 * runs before `before` (every middleware when `before` is `null`).
 */
function appChecks(
  finder: CheckFinder,
  app: AppInstance,
  before: TSESTree.CallExpression | null,
  path: string | null,
  apps: readonly AppInstance[],
  depth: number,
): boolean {
  if (depth > 4) return false;
  if (finder.guardedApps?.has(app.node)) return true;
  const { ordered, hookMethods } = ROUTE_SHAPES[app.framework];
  // A route another module adds to the app it is handed (`mcpRoutes(app)`) is registered where
  // the app's module makes that call: what that module registers after it runs later.
  const handing = ordered && before ? handingCallOf(before, app) : null;
  for (const call of app.calls) {
    if (ordered && call === before) break;
    if (handing && programOf(call) === programOf(handing) && !runsBefore(call, handing)) continue;
    // `if (config.auth) app.use(requireToken)`: on by choice, not out of the box.
    if (finder.enforcedByDefault && registeredUnderCondition(call)) continue;
    const method = calledMethodName(call);
    const args = call.arguments;
    if (method === 'use' && hookMethods) {
      // Elysia's `use(plugin)`: an instance (or a function of the app) whose hooks reach the app that uses it.
      const [plugin] = args;
      if (plugin && (sharedPluginHooksCheck(finder, plugin, apps) || checksCredential(finder, plugin))) return true;
    } else if (method === 'use') {
      const [first, ...rest] = args;
      if (!first) continue;
      // h3 2's `use(fn, { method: 'GET' })` runs for that method alone (2.0.1-rc.29 src/middleware.ts).
      if (app.framework === 'h3' && !useRunsForPost(args)) continue;
      const prefixes = resolvePaths(first);
      const middleware = prefixes === undefined ? args : rest;
      if (prefixes !== undefined && !prefixes.some((prefix) => covers(prefix, path))) continue;
      // Middleware for every path of an app mounted nowhere sees the route's whole path, and may
      // let some through unchecked (on a sub-app, Hono's `c.req.path` is whole and express's
      // `req.path` is not: neither is read there).
      const everyPath =
        (prefixes === undefined || prefixes.every((prefix) => covers(prefix, ''))) && mountedNowhere(app, apps);
      // There, a check in a branch on the path (`if (req.path === '/mcp' && …) { check }`) runs for
      // the paths it names; so it does on any express app or router, whose `req.path` is the
      // route's own path wherever it is mounted.
      const pathless = prefixes === undefined || prefixes.every((prefix) => covers(prefix, ''));
      const onPath =
        path !== null && (everyPath || (pathless && app.framework === 'express')) ? forPath(finder, path) : finder;
      if (
        middleware.some(
          (argument) => checksCredential(onPath, argument) && !(everyPath && path && exemptsPath(argument, path)),
        )
      )
        return true;
    } else if (method !== null && hookMethods?.has(method)) {
      // `guard(hook, callback)`: the hook object; the callback is a scope of its own.
      const hooks = method === 'guard' ? args.slice(0, 1) : args;
      if (hooks.some((argument) => hookChecks(finder, app, argument))) return true;
    } else if (method === 'addHook' && app.framework === 'fastify') {
      const [name, hook] = args;
      const hookName = name && resolvePaths(name)?.[0];
      if (hookName && GUARD_HOOKS.has(hookName) && hook && checksCredential(finder, hook)) return true;
    } else if (method === 'register' && app.framework === 'fastify') {
      const [plugin] = args;
      if (
        plugin &&
        plugin.type !== AST_NODE_TYPES.SpreadElement &&
        (isGuardPlugin(finder, plugin) || sharedHookChecks(finder, plugin))
      )
        return true;
    }
  }
  // An Elysia scope: its guard's hook, and the parent's hooks registered before it.
  const { scopeCall } = app;
  if (scopeCall) {
    // `guard(hook, callback)`, `group(prefix, hook, callback)`.
    const { arguments: args } = scopeCall;
    const hook = calledMethodName(scopeCall) === 'guard' ? args[0] : args.length === 3 ? args[1] : undefined;
    if (hook && hookChecks(finder, app, hook)) return true;
  }
  if (app.parent && appChecks(finder, app.parent, scopeCall ?? null, path, apps, depth + 1)) return true;
  // A router mounted on another app: `app.use('/api', router)`, `app.route('/api', sub)`,
  // `app.use(router.routes())`. Every mount must be guarded: one open mount is an open endpoint.
  const mounted = mountTable(apps).get(app) ?? [];
  if (!mounted.every((mount) => mountChecks(finder, mount, path, apps, depth))) return false;
  return (
    mounted.length > 0 ||
    foreignMountsCheck(finder, app, path, depth) ||
    registrarsCheck(finder, app, path, depth) ||
    (finder.known === 'auth' && oauthProviderChecks(app, path))
  );
}

/** Whether h3 2's `use(path?, fn, opts?)` runs for POST: no `method` in its options, or `'POST'`. */
function useRunsForPost(args: readonly TSESTree.CallExpressionArgument[]): boolean {
  const last = args.at(-1);
  const options = args.length > 1 && last && !resolveFunction(last) ? resolveObjectExpression(last) : null;
  const method = options ? findObjectProperty(options, 'method') : null;
  if (method?.kind !== 'found' || !method.value) return true;
  const value = staticValue(method.value)?.value;
  return typeof value !== 'string' || value.toUpperCase() === 'POST';
}

/**
 * An argument of an app's hook method that checks a credential: the hook function, or (Elysia's
 * `guard({ beforeHandle })`, `onBeforeHandle({ as: 'scoped' }, fn)`) the route hooks of an options object.
 */
function hookChecks(finder: CheckFinder, app: AppInstance, argument: TSESTree.Node): boolean {
  if (argument.type === AST_NODE_TYPES.SpreadElement) return false;
  const options = resolveFunction(argument) ? null : resolveObjectExpression(argument);
  if (!options) return checksCredential(finder, argument);
  return hookOptionsCheck(finder, options, ROUTE_SHAPES[app.framework].guardHooks ?? new Set());
}

/**
 * Whether one of these hooks of an options object checks a credential: `preHandler: fn`
 * (Fastify's route options), `beforeHandle({ headers }) { … }` (Elysia's, also as a method).
 */
function hookOptionsCheck(
  finder: CheckFinder,
  options: TSESTree.ObjectExpression,
  hooks: ReadonlySet<string>,
): boolean {
  return [...hooks].some((hook) => {
    const found = findObjectProperty(options, hook);
    const value = found.kind === 'found' ? (found.value ?? found.property.value) : null;
    return value !== null && checksCredential(finder, value);
  });
}

/**
 * Whether a plugin instance an app uses (Elysia's `app.use(authPlugin)` of `new Elysia()…`) has a
 * hook that checks a credential and reaches the app that uses it: one registered `{ as: 'scoped' }`
 * or `{ as: 'global' }`, or any of the instance cast with `.as('scoped')` (also `'global'`, and
 * 1.1's `'plugin'`). A hook with neither is local to the instance's own routes (Elysia's docs, "Scope").
 */
function sharedPluginHooksCheck(finder: CheckFinder, plugin: TSESTree.Node, apps: readonly AppInstance[]): boolean {
  if (plugin.type === AST_NODE_TYPES.SpreadElement) return false;
  let expression = skipTypeWrappers(resolveExpression(plugin) ?? plugin);
  let cast = false;
  for (let steps = 0; steps < 16 && expression.type === AST_NODE_TYPES.CallExpression; steps++) {
    const object = calledMethodObject(expression);
    if (!object) return false;
    if (calledMethodName(expression) === 'as') cast ||= sharesHooks(expression.arguments[0]);
    expression = skipTypeWrappers(resolveExpression(object) ?? object);
  }
  const instance = apps.find((app) => app.node === expression);
  const hookMethods = instance && ROUTE_SHAPES[instance.framework].hookMethods;
  if (!instance || !hookMethods) return false;
  return instance.calls.some((call) => {
    const method = calledMethodName(call);
    if (method === null || !hookMethods.has(method)) return false;
    const [first] = call.arguments;
    const options = first && first.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(first) : null;
    const scope = options && findObjectProperty(options, 'as');
    const shared = cast || (scope?.kind === 'found' && scope.value !== null && sharesHooks(scope.value));
    return shared && call.arguments.some((argument) => hookChecks(finder, instance, argument));
  });
}

/** A scope that takes a plugin's hooks to the app that uses it: `'scoped'`, `'global'` (and 1.1's `'plugin'`). */
function sharesHooks(node: TSESTree.Node | undefined): boolean {
  const value = node && node.type !== AST_NODE_TYPES.SpreadElement ? staticValue(node)?.value : undefined;
  return value === 'scoped' || value === 'global' || value === 'plugin';
}

/** @cloudflare/workers-oauth-provider, whose `OAuthProvider` checks the access token of API requests. */
const OAUTH_PROVIDER_MODULE = '@cloudflare/workers-oauth-provider';

/**
 * The reads of an app, in its module and those that import it: of the constant that holds it
 * (`const router = …`), or of the module's default export (`export default …`,
 * `module.exports = …`) with no name. The chain of the app's own registrations, each of which
 * returns the app (`const route = new Hono().on(['GET', 'POST'], '/', handler)`), is the app.
 */
function appUses(app: AppInstance): ReturnType<typeof usesOfConstant> {
  const made = madeApp(app);
  const declarator = outermostWrapper(made).parent;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator
    ? skipTypeWrappers(declarator.init ?? declarator) === made
      ? usesOfConstant(declarator)
      : null
    : usesOfDefaultExport(made);
}

/**
 * Whether an app is handed only to `new OAuthProvider({ apiRoute, apiHandler })` of
 * @cloudflare/workers-oauth-provider (`apiHandler: app`, `{ fetch: app.fetch.bind(app) }`, or a
 * value of `apiHandlers`), for routes under its `apiRoute`: the provider answers 401 to a request to
 * an API route without a valid access token, and calls the handler only after (its README, "apiRoute").
 */
function oauthProviderChecks(app: AppInstance, path: string | null): boolean {
  if (path === null || app.parent) return false;
  const found = appUses(app);
  if (!found?.complete) return false;
  // The reads that hand the app on: not its own calls (`app.get(…)`), but `app` itself and `app.fetch`.
  const handed = found.uses.filter((use) => {
    const value = outermostWrapper(use);
    const parent = value.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value)
      return propertyName(parent) === 'fetch';
    // `app.fetch.bind(app)`: the read of `app.fetch` hands it on.
    return !(
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === value &&
      calledMethodName(parent) === 'bind'
    );
  });
  return handed.length > 0 && handed.every((use) => apiHandlerFor(use, path));
}

/** Whether a value sits in the API handler of an `OAuthProvider` whose API routes cover `path`. */
function apiHandlerFor(use: TSESTree.Node, path: string): boolean {
  for (let child: TSESTree.Node = use, parent = use.parent; parent; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent)) return false;
    if (parent.type !== AST_NODE_TYPES.Property || parent.value !== child) continue;
    const key = propertyName(parent);
    const options = parent.parent;
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
    // `apiHandlers: { '/mcp': app }`: the key is the route.
    const holder = options.parent;
    if (holder?.type === AST_NODE_TYPES.Property && propertyName(holder) === 'apiHandlers') {
      const outer = holder.parent;
      return key !== null && covers(routePath(key), path) && madeByOAuthProvider(outer);
    }
    // `{ fetch: app.fetch.bind(app) }`: a handler object made around it.
    if (key !== 'apiHandler') continue;
    if (!madeByOAuthProvider(options)) return false;
    const routes = findObjectProperty(options, 'apiRoute');
    if (routes.kind !== 'found' || !routes.value) return false;
    const values = possibleValues(routes.value);
    const listed = values.flatMap((value) =>
      value.known && typeof value.value === 'string'
        ? [value.value]
        : value.known && Array.isArray(value.value) && value.value.every((entry) => typeof entry === 'string')
          ? (value.value as string[])
          : [null],
    );
    return listed.length > 0 && listed.some((route) => route !== null && covers(routePath(route), path));
  }
  return false;
}

/** The path of an API route, written as a path or as a whole URL (`https://example.com/api/`). */
function routePath(route: string): string {
  return /^https?:\/\//u.test(route) ? route.replace(/^https?:\/\/[^/]*/u, '') || '/' : route;
}

/** Whether an options object is the first argument of `new OAuthProvider(…)`. */
function madeByOAuthProvider(options: TSESTree.Node | undefined): boolean {
  const made = options && outermostWrapper(options).parent;
  return (
    made?.type === AST_NODE_TYPES.NewExpression &&
    made.arguments[0] === outermostWrapper(options!) &&
    externalRefOf(made.callee)?.module === OAUTH_PROVIDER_MODULE
  );
}

/**
 * Whether a plugin wrapped in fastify-plugin's `fp()` (which shares its hooks with the app that
 * registers it) adds a guard hook that checks a credential: `export default fp(async (app) => {
 * app.addHook('onRequest', checkToken) })` in a module of its own.
 */
function sharedHookChecks(finder: CheckFinder, plugin: TSESTree.Node): boolean {
  const made = skipTypeWrappers(resolveExpression(plugin) ?? plugin);
  if (made.type !== AST_NODE_TYPES.CallExpression || externalRefOf(made.callee)?.module !== 'fastify-plugin')
    return false;
  const fn = made.arguments[0] ? resolveFunction(made.arguments[0]) : null;
  const [instance] = fn?.params ?? [];
  if (!fn || instance?.type !== AST_NODE_TYPES.Identifier) return false;
  let checks = false;
  walk(fn.body, (node) => {
    if (checks || node.type !== AST_NODE_TYPES.CallExpression || calledMethodName(node) !== 'addHook') return;
    const receiver = calledMethodObject(node);
    const [name, hook] = node.arguments;
    const hookName = name && resolvePaths(name)?.[0];
    checks =
      receiver?.type === AST_NODE_TYPES.Identifier &&
      receiver.name === instance.name &&
      hookName !== undefined &&
      GUARD_HOOKS.has(hookName) &&
      hook !== undefined &&
      hook.type !== AST_NODE_TYPES.SpreadElement &&
      checksCredential(finder, hook);
  });
  return checks;
}

/**
 * Whether an app is a root: no plugin scope, mounted by no app of the file, returned by no
 * function, used by no other module.
 */
function mountedNowhere(app: AppInstance, apps: readonly AppInstance[]): boolean {
  if (app.parent || app.typed || (mountTable(apps).get(app) ?? []).length > 0) return false;
  const holder = outermostWrapper(app.node).parent;
  if (holder?.type === AST_NODE_TYPES.ReturnStatement || holder?.type === AST_NODE_TYPES.ArrowFunctionExpression)
    return false;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator) return true;
  const used = usesOfConstant(holder);
  const own = programOf(app.node);
  return (
    used !== null &&
    used.uses.every((use) => {
      if (programOf(use) !== own) return false;
      const parent = outermostWrapper(use).parent;
      return parent?.type !== AST_NODE_TYPES.ReturnStatement;
    })
  );
}

/**
 * Whether middleware lets a request at `path` through before it checks anything: an `if` among the
 * first statements of its body, before any test of a header, whose test holds for that path and
 * whose branch hands the request on (`if (!path.startsWith('/api/')) return next();`,
 * `if (PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix))) return next();`).
 */
function exemptsPath(middleware: TSESTree.Node, path: string): boolean {
  const fn = resolveFunction(middleware);
  if (!fn || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const next = parameterName(fn.params.at(-1));
  if (!next || fn.params.length < 2) return false;
  const nextVariable = variableOf(next);
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) continue;
    if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) return false;
    if (handsOn(statement.consequent, nextVariable) && pathHolds(statement.test, path, new Map()) === true) return true;
    if (holdsThrough(statement.test, (node) => requestHeaderRead(node) !== null, 0)) return false;
  }
  return false;
}

/** Whether a branch calls `next` and leaves: `return next();`, `{ await next(); return; }`. */
function handsOn(branch: TSESTree.Statement, next: ReturnType<typeof variableOf>): boolean {
  const body = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : [branch];
  if (body.at(-1)?.type !== AST_NODE_TYPES.ReturnStatement) return false;
  let calls = false;
  for (const statement of body) {
    walk(statement, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = skipTypeWrappers(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && variableOf(callee) === next) calls = true;
    });
  }
  return calls;
}

/**
 * What a test of the request's path comes to for `path`: `true`, `false`, or `null` when it tests
 * anything else. Reads `path === '/x'`, `path.startsWith('/api/')` (`endsWith`, `includes`), `!`,
 * `&&`, `||`, and a list of constant paths tested with `some` or `includes`.
 */
function pathHolds(
  test: TSESTree.Node,
  path: string,
  bound: ReadonlyMap<ReturnType<typeof variableOf>, string>,
): boolean | null {
  const expression = skipTypeWrappers(test);
  const text = (node: TSESTree.Node): string | null => {
    const value = skipTypeWrappers(node);
    if (value.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(value);
      if (bound.has(variable)) return bound.get(variable)!;
    }
    const known = staticValue(value)?.value;
    return typeof known === 'string' ? known : null;
  };
  switch (expression.type) {
    case AST_NODE_TYPES.UnaryExpression: {
      if (expression.operator !== '!') return null;
      const inner = pathHolds(expression.argument, path, bound);
      return inner === null ? null : !inner;
    }
    case AST_NODE_TYPES.LogicalExpression: {
      const left = pathHolds(expression.left, path, bound);
      const right = pathHolds(expression.right, path, bound);
      if (expression.operator === '||')
        return left === true || right === true ? true : left === false && right === false ? false : null;
      if (expression.operator === '&&')
        return left === false || right === false ? false : left === true && right === true ? true : null;
      return null;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      const equal = expression.operator === '===' || expression.operator === '==';
      if (!equal && expression.operator !== '!==' && expression.operator !== '!=') return null;
      for (const [side, other] of [
        [expression.left, expression.right],
        [expression.right, expression.left],
      ] as const) {
        const compared = text(other);
        if (isPathRead(side) && compared !== null) return (path === compared) === equal;
      }
      return null;
    }
    case AST_NODE_TYPES.CallExpression: {
      const method = calledMethodName(expression);
      const receiver = calledMethodObject(expression);
      const [argument] = expression.arguments;
      if (!receiver || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return null;
      if ((method === 'startsWith' || method === 'endsWith' || method === 'includes') && isPathRead(receiver)) {
        const part = text(argument);
        if (part === null) return null;
        return method === 'startsWith'
          ? path.startsWith(part)
          : method === 'endsWith'
            ? path.endsWith(part)
            : path.includes(part);
      }
      const list = skipTypeWrappers(resolveExpression(receiver) ?? receiver);
      if (list.type !== AST_NODE_TYPES.ArrayExpression) return null;
      const items = list.elements.map((element) =>
        element && element.type !== AST_NODE_TYPES.SpreadElement ? text(element) : null,
      );
      if (items.some((item) => item === null)) return null;
      // `PUBLIC_PATHS.includes(path)`
      if (method === 'includes' && isPathRead(argument)) return items.includes(path);
      // `PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix))`
      const callback = skipTypeWrappers(argument);
      if (
        method === 'some' &&
        callback.type === AST_NODE_TYPES.ArrowFunctionExpression &&
        callback.body.type !== AST_NODE_TYPES.BlockStatement
      ) {
        const item = parameterName(callback.params[0]);
        const variable = item && variableOf(item);
        if (!variable) return null;
        const answers = items.map((value) =>
          pathHolds(callback.body as TSESTree.Expression, path, new Map([...bound, [variable, value!]])),
        );
        return answers.includes(true) ? true : answers.every((answer) => answer === false) ? false : null;
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * A Fastify plugin that its own module does not register (`export const routes: FastifyPluginAsync
 * = async (instance) => …`, `export async function routes(app: FastifyInstance) { … }`): the
 * modules that import it register it. Every use must be `app.register(routes)`, on an app whose
 * hooks or guard plugins check credentials; a use the analysis does not see, or any other use, is not.
 */
function registrarsCheck(finder: CheckFinder, app: AppInstance, path: string | null, depth: number): boolean {
  if (app.framework !== 'fastify' || app.parent || depth > 3) return false;
  const registrations = pluginRegistrations(app.node);
  return (
    registrations !== null &&
    registrations.length > 0 &&
    registrations.every(({ call, parent, apps }) => appChecks(finder, parent, call, path, apps, depth + 1))
  );
}

/** A `register(plugin, …)` call, with the Fastify app it is made on and the apps of its module. */
export interface PluginRegistration {
  readonly call: TSESTree.CallExpression;
  readonly parent: AppInstance;
  readonly apps: readonly AppInstance[];
}

/**
 * The `app.register(plugin, …)` calls, in any module, that install the Fastify plugin whose
 * instance parameter is `instance`: `null` when the plugin is used any other way, or in a way the
 * analysis does not see whole.
 */
export function pluginRegistrations(instance: TSESTree.Node): PluginRegistration[] | null {
  const def = instance.type === AST_NODE_TYPES.Identifier ? variableOf(instance)?.defs[0] : undefined;
  if (def?.type !== 'Parameter' || !isFunctionNode(def.node) || def.node.params[0] !== def.name) return null;
  const named = pluginName(def.node);
  // `export default fp(async (app) => { … })`: the reads of the default export.
  const exported = named ? null : defaultExportedPlugin(def.node);
  if (!named && !exported) return null;
  const declarator = named?.name.parent;
  const found = exported
    ? usesOfDefaultExport(exported)
    : def.node.type === AST_NODE_TYPES.FunctionDeclaration
      ? usesOfFunctionDeclaration(def.node)
      : declarator?.type === AST_NODE_TYPES.VariableDeclarator
        ? usesOfConstant(declarator)
        : null;
  if (!found?.complete) return null;
  const registered: TSESTree.Node[] = [];
  for (const use of found.uses) {
    const argument = outermostWrapper(use);
    // `export default fp(routes)`: the modules that import the wrapped plugin register it.
    const wrapper = argument.parent;
    if (
      wrapper?.type === AST_NODE_TYPES.CallExpression &&
      wrapper.arguments[0] === argument &&
      externalRefOf(wrapper.callee)?.module === 'fastify-plugin'
    ) {
      const declarator = outermostWrapper(wrapper).parent;
      const wrapped =
        declarator?.type === AST_NODE_TYPES.VariableDeclarator
          ? usesOfConstant(declarator)
          : usesOfDefaultExport(wrapper);
      if (!wrapped?.complete) return null;
      registered.push(...wrapped.uses.map(outermostWrapper));
    } else registered.push(argument);
  }
  const registrations: PluginRegistration[] = [];
  for (const argument of registered) {
    const call = argument.parent;
    if (
      call?.type !== AST_NODE_TYPES.CallExpression ||
      call.arguments[0] !== argument ||
      calledMethodName(call) !== 'register'
    )
      return null;
    const { apps } = findRoutes(codeOf(call));
    const parent = apps.find((candidate) => candidate.calls.includes(call));
    if (parent?.framework !== 'fastify') return null;
    registrations.push({ call, parent, apps });
  }
  return registrations;
}

/**
 * Whether a mount checks credentials for `path` of what it mounts: middleware before the router in
 * the same call (`app.use('/mcp', requireToken, router)`), or the app it is mounted on, before it.
 */
function mountChecks(
  finder: CheckFinder,
  { parent, call, index, prefixes }: Mount,
  path: string | null,
  apps: readonly AppInstance[],
  depth: number,
): boolean {
  const inCall = call.arguments.slice(prefixes === undefined ? 0 : 1, index);
  if (inCall.some((argument) => checksCredential(finder, argument))) return true;
  const prefix = prefixes?.[0];
  const underPrefix = prefix !== undefined && path ? mountedPath(prefix, path) : path;
  return appChecks(finder, parent, call, underPrefix, apps, depth + 1);
}

/**
 * A router or sub-app that other modules mount (`foreignMounts`): held by a module-level constant
 * that its module exports (`export const mcpApp = new Hono()`, `module.exports = router`), or made
 * and returned by a function (`app.use('/gateway', requireToken, createMcpRouter())`). Every mount
 * must be behind a check in the same call or on the app it is mounted on; a use the analysis does
 * not see, or one that is no mount, is not. A function that its own module calls too is judged by
 * that module's mounts (`mountTable`), not here.
 */
function foreignMountsCheck(finder: CheckFinder, app: AppInstance, path: string | null, depth: number): boolean {
  if (depth > 3) return false;
  const mounts = foreignMounts(app);
  if (!mounts || mounts.length === 0) return false;
  if (enclosingFunction(app.node) && (mountTable(findRoutes(codeOf(app.node)).apps).get(app)?.length ?? 0) > 0)
    return false;
  return mounts.every(({ mount, apps }) => mountChecks(finder, mount, path, apps, depth));
}

/**
 * Whether an app is only started where it is used: `app.listen(port)`, `http.createServer(app)`,
 * `serve({ fetch: app.fetch })`'s app handed as a whole (`serve(app)`), which add no routes to it.
 */
function startsServerOf(value: TSESTree.Node): boolean {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value) {
    const call = parent.parent;
    return (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee === parent &&
      START_METHODS.has(propertyName(parent) ?? '')
    );
  }
  return (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.callee !== value &&
    entitiesOf(parent, 'handler-server', 'start').length > 0
  );
}

/** The `use` or `route` call of an app that mounts `value` as one of its arguments. */
function mountOf(value: TSESTree.Node, apps: readonly AppInstance[]): Mount | null {
  const call = value.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
  const method = calledMethodName(call);
  if (method !== 'use' && method !== 'route') return null;
  const index = call.arguments.indexOf(value as TSESTree.CallExpressionArgument);
  const parent = apps.find((candidate) => candidate.calls.includes(call));
  if (index === -1 || !parent) return null;
  return { parent, call, index, prefixes: call.arguments[0] ? resolvePaths(call.arguments[0]) : undefined };
}

/**
 * Where each app of a file is mounted on another, in the order the calls run: `app.use('/mcp',
 * router)` (the call, the index of the mounted argument, the paths of its first argument).
 */
export interface Mount {
  readonly parent: AppInstance;
  readonly call: TSESTree.CallExpression;
  readonly index: number;
  readonly prefixes: readonly string[] | undefined;
}
const mountTables = new WeakMap<readonly AppInstance[], Map<AppInstance, Mount[]>>();

function mountTable(apps: readonly AppInstance[]): Map<AppInstance, Mount[]> {
  let table = mountTables.get(apps);
  if (table) return table;
  table = new Map();
  for (const parent of apps) {
    for (const call of parent.calls) {
      const method = calledMethodName(call);
      if (method !== 'use' && method !== 'route') continue;
      for (const app of apps) {
        const index = app === parent ? -1 : call.arguments.findIndex((argument) => mountsApp(argument, app));
        if (index === -1) continue;
        const prefixes = call.arguments[0] ? resolvePaths(call.arguments[0]) : undefined;
        const entries = table.get(app) ?? [];
        entries.push({ parent, call, index, prefixes });
        table.set(app, entries);
      }
    }
  }
  mountTables.set(apps, table);
  return table;
}

/** The path a route at `path` answers at under a mount at `prefix`: `/mcp` for `/` under `/mcp/`. */
export function mountedPath(prefix: string, path: string): string {
  return `${prefix.replace(/\/$/u, '')}${path === '/' ? '' : path}` || '/';
}

/**
 * The paths a route of `app` answers at through the apps it is mounted on: `/mcp` for
 * `router.post('/')` under `app.use('/mcp', router)`; `[path]` when nothing mounts it.
 */
export function mountedPaths(
  app: AppInstance,
  path: string,
  apps: readonly AppInstance[],
  depth = 0,
  budget = { paths: MAX_MOUNTED_PATHS },
): string[] {
  const found = new Set<string>();
  if (depth <= 4) {
    const { mounts, complete } = mountsOf(app, apps);
    // Used by another module in a way that is no mount: at a path not known, taken as its own.
    if (!complete) found.add(path);
    for (const { mount, apps: theirs } of mounts) {
      // Mounted at more paths than are followed: the same.
      if (budget.paths <= 0) found.add(path);
      else {
        for (const prefix of mount.prefixes ?? ['']) {
          budget.paths--;
          for (const reached of mountedPaths(mount.parent, mountedPath(prefix, path), theirs, depth + 1, budget)) {
            found.add(reached);
          }
        }
      }
    }
  }
  return found.size > 0 ? [...found] : [path];
}

/** How many mounts one question about an app's paths follows (apps mounted at many paths, in chains, multiply them). */
const MAX_MOUNTED_PATHS = 64;

/**
 * The mounts of an app that the analysis sees, in its module (`mountTable`) and in the modules of
 * the package that mount it (`foreignMounts`), each with the apps of the mounting module; and
 * whether they are all of them (not when another module uses it any other way, or its uses cannot
 * all be read).
 */
export function mountsOf(
  app: AppInstance,
  apps: readonly AppInstance[],
): { mounts: ForeignMount[]; complete: boolean } {
  const foreign = foreignMounts(app);
  return {
    mounts: [...(mountTable(apps).get(app) ?? []).map((mount) => ({ mount, apps })), ...(foreign ?? [])],
    complete: foreign !== null,
  };
}

/** A mount an app of another module makes, with the apps of that module. */
export interface ForeignMount {
  readonly mount: Mount;
  readonly apps: readonly AppInstance[];
}

/**
 * The mounts that the other modules of its package make of a router or sub-app that a module
 * exports (`export const mcpApp = new Hono()`, then `app.route('/mcp', mcpApp)` elsewhere) or that
 * a function returns (`app.use('/.well-known/oauth-protected-resource', metadataRouter(doc))`):
 * `[]` for an app that no other module reaches, `null` when one uses it any other way (and may add
 * routes to it), or when its uses cannot all be read.
 */
export const foreignMounts: (app: AppInstance) => readonly ForeignMount[] | null = perLintedFile(readForeignMounts);

function readForeignMounts(app: AppInstance): ForeignMount[] | null {
  const own = programOf(app.node);
  const factory = enclosingFunction(app.node);
  const given: TSESTree.Node[] = [];
  if (factory) {
    const returnsApp = returnedExpressions(factory).some(
      (value) => skipTypeWrappers(resolveExpression(value) ?? value) === app.node,
    );
    if (!returnsApp) return [];
    const found = callsOf(factory);
    if (!found?.complete) return null;
    for (const made of found.calls) {
      // Every place what it returns goes must be a mount (a result no code reads is none), or a
      // start of its server, which adds no routes: `createApp().listen(port)`.
      const all = resultPlaces(made);
      if (all === null || all.length === 0) return null;
      const held = all.filter((value) => !startsServerOf(value));
      // A call in the app's own module is one of its mounts there (`mountTable`), or no mount.
      if (programOf(made) !== own) given.push(...held);
      else if (!held.every((value) => mountOf(value, findRoutes(codeOf(made)).apps) !== null)) return null;
    }
  } else {
    const found = appUses(app);
    if (!found) return [];
    if (!found.complete) return null;
    given.push(...found.uses.filter((use) => programOf(use) !== own).map((use) => outermostWrapper(use)));
  }
  const mounts: ForeignMount[] = [];
  for (const value of given) {
    const { apps } = findRoutes(codeOf(value));
    const mount = mountOf(value, apps);
    if (!mount) return null;
    mounts.push({ mount, apps });
  }
  return mounts;
}

/**
 * Whether a call runs only when a condition holds: in a branch of an `if`, `?:`, `&&` or `||`, unless
 * the condition holds while its setting is unset (`if (!options.disableAuth)`, `!noAuth && …`).
 */
export function registeredUnderCondition(call: TSESTree.Node): boolean {
  let child: TSESTree.Node = call;
  for (let parent = call.parent; parent; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent)) return false;
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      if (child === parent.test) continue;
      if (!(child === parent.consequent && holdsWhileUnset(parent.test))) return true;
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right) {
      if (!(parent.operator === '&&' && holdsWhileUnset(parent.left))) return true;
    }
  }
  return false;
}

/**
 * Whether a mounting call's argument is `app`: the app itself, a call of one of its methods
 * (`app.use('/sub', sub.handler())`), or an instance of a class that extends the app.
 */
export function mountsApp(argument: TSESTree.Node, app: AppInstance): boolean {
  const expression = skipTypeWrappers(argument);
  const target =
    expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.MemberExpression
      ? expression.callee.object
      : expression;
  const value = skipTypeWrappers(resolveExpression(target) ?? target);
  // `app.route('/rpc', new RpcRoutes())`: an instance of a class that extends the app.
  return value === app.node || (value.type === AST_NODE_TYPES.NewExpression && classOf(value.callee) === app.node);
}

/**
 * The static paths a path argument names: a string, or each string of an array
 * (`app.use(['/sse', '/message'], auth)`). `undefined` when the argument is not a path at all.
 */
function resolvePaths(node: TSESTree.Node): string[] | undefined {
  const resolved = skipTypeWrappers(resolveExpression(node) ?? node);
  const single = staticPath(resolved);
  if (single !== undefined) return [single];
  if (resolved.type !== AST_NODE_TYPES.ArrayExpression || resolved.elements.length === 0) return undefined;
  const paths = resolved.elements.map((element) =>
    element && element.type !== AST_NODE_TYPES.SpreadElement
      ? staticPath(skipTypeWrappers(resolveExpression(element) ?? element))
      : undefined,
  );
  return paths.every((path): path is string => path !== undefined) ? paths : undefined;
}

function staticPath(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]!.value.cooked ?? undefined;
  }
  return undefined;
}

/** Whether middleware mounted at `prefix` runs for `path` (an unknown path is taken as covered). */
function covers(prefix: string, path: string | null): boolean {
  return path === null || mountCovers(prefix, path);
}

/** A mount's path without the wildcard that stands for every path below it: `''` for every path. */
export function mountBase(prefix: string): string {
  return prefix.replace(/\/?(?:\*|\(\.\*\)|\{\*\w+\})$/u, '').replace(/\/$/u, '');
}

/**
 * Whether middleware mounted at `prefix` runs for a route at `path`: the path is the prefix or
 * below it, `'*'`, `'/*'`, `'(.*)'` and `'/{*splat}'` standing for every path below. A parameter
 * of the prefix takes any one segment (`/mcp/:id` covers `/mcp/:name/tools`), and an optional one
 * none too (`/mcp/:id?` covers `/mcp` and `/mcp/:id`). A parameter of the path matches only a
 * parameter of the prefix: it may hold any value.
 */
export function mountCovers(prefix: string, path: string): boolean {
  const base = mountBase(prefix);
  if (base === '' || path === base || path.startsWith(`${base}/`)) return true;
  const wanted = base.split('/');
  const given = path.split('/');
  return wanted.every((segment, index) => {
    const at = given[index];
    const optional = segment.startsWith(':') && segment.endsWith('?');
    if (at === undefined) return optional && index === wanted.length - 1;
    // A parameter with a pattern (express's `:id(\\d+)`, Hono's `:id{[0-9]+}`) takes only some
    // values: the route's own must be the same.
    if (!segment.startsWith(':') || /[({]/u.test(segment)) return segment === at;
    // The route's optional parameter (`/mcp/:id?`) also takes `/mcp`, which only an optional one covers.
    return optional || !(at.startsWith(':') && at.endsWith('?'));
  });
}

/**
 * Whether every server that serves a route binds loopback: its app is started only on loopback
 * (`local`, from `localApps`), or is mounted only on apps that are, or for a plain handler, the
 * server given it is. A route the file does not show started is not.
 */
export function servedLocally(
  route: Route,
  apps: readonly AppInstance[],
  local: ReadonlyMap<TSESTree.Node, boolean>,
): boolean {
  if (!route.app) {
    const given = route.given ?? route.handlers[0];
    if (!given) return false;
    const handler = skipTypeWrappers(given);
    return local.get(skipTypeWrappers(resolveExpression(handler) ?? handler)) === true;
  }
  return appServedLocally(route.app, apps, local, 0);
}

function appServedLocally(
  app: AppInstance,
  apps: readonly AppInstance[],
  local: ReadonlyMap<TSESTree.Node, boolean>,
  depth: number,
): boolean {
  // Started by the file: on loopback only, or (a start elsewhere, or exported) not.
  const own = local.get(app.node);
  if (own !== undefined) return own;
  if (depth > 4) return false;
  if (app.parent) return appServedLocally(app.parent, apps, local, depth + 1);
  let mounted = false;
  for (const parent of apps) {
    if (parent === app) continue;
    for (const call of parent.calls) {
      const method = calledMethodName(call);
      if ((method !== 'use' && method !== 'route') || !call.arguments.some((argument) => mountsApp(argument, app)))
        continue;
      if (!appServedLocally(parent, apps, local, depth + 1)) return false;
      mounted = true;
    }
  }
  return mounted;
}
