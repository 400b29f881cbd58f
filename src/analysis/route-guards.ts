import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calledMethodName, skipTypeWrappers } from './ast';
import { checksCredential, type CheckFinder } from './credential-checks';
import type { AppInstance, Route } from './routes';
import { findObjectProperty, resolveExpression } from './values';

/** Fastify hooks that run before the handler sees the request. */
const FASTIFY_GUARD_HOOKS = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler']);

/** Whether the route, or middleware registered before it that covers its path, checks a credential. */
export function routeIsGuarded(finder: CheckFinder, route: Route, apps: readonly AppInstance[]): boolean {
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
  if (route.options) {
    for (const hook of FASTIFY_GUARD_HOOKS) {
      const found = findObjectProperty(route.options, hook);
      if (found.kind === 'found' && found.value && checksCredential(finder, found.value)) return true;
    }
  }
  const position = route.call?.range[0] ?? route.handlers[0]?.range[0] ?? route.node.range[0];
  return route.app !== null && appChecks(finder, route.app, position, route.path, apps, 0);
}

/** Whether an app (or what it is mounted on) checks credentials before `position` for `path`. */
function appChecks(
  finder: CheckFinder,
  app: AppInstance,
  position: number,
  path: string | null,
  apps: readonly AppInstance[],
  depth: number,
): boolean {
  if (depth > 4) return false;
  if (finder.guardedApps?.has(app.node)) return true;
  const ordered = app.framework !== 'fastify';
  for (const call of app.calls) {
    if (ordered && call.range[0] >= position) break;
    const method = calledMethodName(call);
    const args = call.arguments;
    if (method === 'use') {
      const [first, ...rest] = args;
      if (!first) continue;
      const prefix = resolvePath(first);
      const middleware = prefix === undefined ? args : rest;
      if (prefix !== undefined && !covers(prefix, path)) continue;
      if (middleware.some((argument) => checksCredential(finder, argument))) return true;
    } else if (method === 'addHook' && app.framework === 'fastify') {
      const [name, hook] = args;
      const hookName = name && resolvePath(name);
      if (hookName && FASTIFY_GUARD_HOOKS.has(hookName) && hook && checksCredential(finder, hook)) return true;
    } else if (method === 'register' && app.framework === 'fastify') {
      const plugin = args[0] && (resolveExpression(args[0]) ?? args[0]);
      if (plugin && (finder.auth.plugins.has(plugin) || finder.auth.plugins.has(skipTypeWrappers(args[0]!))))
        return true;
    }
  }
  if (app.parent && appChecks(finder, app.parent, Number.POSITIVE_INFINITY, path, apps, depth + 1)) return true;
  // A router mounted on another app: `app.use('/api', router)`, `app.route('/api', sub)`,
  // `app.use(router.routes())`. Every mount must be guarded: one open mount is an open endpoint.
  let mounted = false;
  for (const parent of apps) {
    if (parent === app) continue;
    for (const call of parent.calls) {
      const method = calledMethodName(call);
      if (method !== 'use' && method !== 'route') continue;
      const index = call.arguments.findIndex((argument) => mounts(argument, app));
      if (index === -1) continue;
      mounted = true;
      const prefix = call.arguments[0] && resolvePath(call.arguments[0]);
      const mountedPath = prefix && path ? `${prefix.replace(/\/$/u, '')}${path}` : path;
      // `app.use('/mcp', requireToken, router)`: middleware before the router in the same call.
      const before = call.arguments.slice(prefix === undefined ? 0 : 1, index);
      if (before.some((argument) => checksCredential(finder, argument))) continue;
      if (!appChecks(finder, parent, call.range[0], mountedPath, apps, depth + 1)) return false;
    }
  }
  return mounted;
}

function mounts(argument: TSESTree.Node, app: AppInstance): boolean {
  const expression = skipTypeWrappers(argument);
  const target =
    expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.MemberExpression
      ? expression.callee.object
      : expression;
  return (resolveExpression(target) ?? target) === app.node;
}

/** A static path or hook name; `undefined` when the argument is not a string at all. */
function resolvePath(node: TSESTree.Node): string | undefined {
  const resolved = resolveExpression(node) ?? node;
  if (resolved.type === AST_NODE_TYPES.Literal && typeof resolved.value === 'string') return resolved.value;
  if (resolved.type === AST_NODE_TYPES.TemplateLiteral && resolved.expressions.length === 0)
    return resolved.quasis[0]!.value.cooked ?? undefined;
  return undefined;
}

/** Whether middleware mounted at `prefix` runs for `path` (an unknown path is taken as covered). */
function covers(prefix: string, path: string | null): boolean {
  const base = prefix.replace(/\/?\*$/u, '').replace(/\/$/u, '');
  if (base === '' || path === null) return true;
  return path === base || path.startsWith(`${base}/`);
}
