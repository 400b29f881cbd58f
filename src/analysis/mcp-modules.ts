import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { skipTypeWrappers } from './ast';
import { entitiesOf, mayHoldEntities, moduleIndex } from './facts';
import { isLinted, propertyName, staticValue } from './program';
import { forRoutesMounts, forRoutesPaths, nestPathReaches } from './nest-routes';
import {
  classMethod,
  classOf,
  findObjectProperty,
  possibleValues,
  resolveExpression,
  resolveFunction,
  resolveObjectExpression,
  type HandlerFunction,
} from './values';

/** `McpModule.forRoot(options)` of `@rekog/mcp-nest` 1.x that serves MCP over HTTP (see its adapter). */
export interface McpModuleUse {
  readonly call: TSESTree.CallExpression;
  /** `forRoot` in `McpModule.forRoot(…)`: where reports go. */
  readonly callee: TSESTree.Node;
  /**
   * The guards `guards` lists (`[]` without it), which run as `@UseGuards(...guards)` would; the
   * rules judge what each checks. `'unknown'` where the options are made elsewhere or at run time.
   */
  readonly guards: readonly TSESTree.Node[] | 'unknown';
  /**
   * The middleware functions the module's class applies in front of the MCP routes
   * (`consumer.apply(RequireToken).forRoutes('mcp')` in `configure()`): a class's `use` method,
   * or a function. The rules judge what each checks.
   */
  readonly middleware: readonly HandlerFunction[];
}

/** The HTTP transports of `McpTransportType`, by member name and by value. */
const HTTP_TRANSPORTS: ReadonlySet<string> = new Set(['SSE', 'STREAMABLE_HTTP', 'sse', 'streamable-http']);

const byProgram = new WeakMap<TSESTree.Program, readonly McpModuleUse[]>();

export function mcpModules(sourceCode: Readonly<SourceCode>): readonly McpModuleUse[] {
  let found = byProgram.get(sourceCode.ast);
  if (!found) {
    found = mayHoldEntities(sourceCode, 'mcp-module') ? findMcpModules(sourceCode) : [];
    byProgram.set(sourceCode.ast, found);
  }
  return found;
}

function findMcpModules(sourceCode: Readonly<SourceCode>): McpModuleUse[] {
  const found: McpModuleUse[] = [];
  for (const call of moduleIndex(sourceCode.ast).calls) {
    const [entity] = entitiesOf(call, 'mcp-module');
    if (!entity || !isLinted(call)) continue;
    const callee = skipTypeWrappers(call.callee);
    const at = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
    // `forRootAsync({ useFactory })`: every option but `transport` (the default, HTTP included) comes later.
    if (entity.async) {
      found.push({ call, callee: at, guards: 'unknown', middleware: appliedMiddleware(call, null) });
      continue;
    }
    const [first] = call.arguments;
    const options = first && first.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(first) : null;
    if (!options) continue;
    const transport = findObjectProperty(options, 'transport');
    if (transport.kind === 'unknown' || (transport.kind === 'found' && !servesHttp(transport.value))) continue;
    const guards = findObjectProperty(options, 'guards');
    const listed =
      guards.kind === 'missing' ? [] : guards.kind === 'found' && guards.value ? guardList(guards.value) : 'unknown';
    found.push({ call, callee: at, guards: listed, middleware: appliedMiddleware(call, options) });
  }
  return found;
}

/**
 * The endpoints of the module that take the POST requests that call tools, as paths without
 * slashes: Streamable HTTP's `mcpEndpoint` (`'mcp'`) and SSE's `messagesEndpoint` (`'messages'`),
 * both by default (@rekog/mcp-nest 1.x `McpOptions`). `null` when a prefix moves them
 * (`apiPrefix`, `globalApiPrefix`) or the options cannot be read.
 */
function postEndpoints(options: TSESTree.ObjectExpression | null): string[] | null {
  if (!options) return ['mcp', 'messages'];
  const path = (key: string, fallback: string): string | null => {
    const found = findObjectProperty(options, key);
    if (found.kind === 'missing') return fallback;
    const value = found.kind === 'found' && found.value ? staticValue(found.value)?.value : undefined;
    return typeof value === 'string' ? value.replace(/^\/+|\/+$/gu, '') : null;
  };
  // `apiPrefix: 'v1'` moves them under it (rekog 1.9 mcp.module.ts: `${apiPrefix}/${endpoint}`).
  const prefix = path('apiPrefix', '');
  if (prefix === null || findObjectProperty(options, 'globalApiPrefix').kind !== 'missing') return null;
  const under = (endpoint: string | null): string | null =>
    endpoint === null ? null : prefix === '' ? endpoint : `${prefix}/${endpoint}`;
  // Which transports it serves: both by default, else those `transport` lists.
  const transport = findObjectProperty(options, 'transport');
  const served = transport.kind === 'found' && transport.value ? transportNames(transport.value) : null;
  if (transport.kind === 'found' && !served) return null;
  const endpoints = [
    ...(!served || served.has('STREAMABLE_HTTP') ? [under(path('mcpEndpoint', 'mcp'))] : []),
    ...(!served || served.has('SSE') ? [under(path('messagesEndpoint', 'messages'))] : []),
  ];
  return endpoints.every((endpoint): endpoint is string => endpoint !== null) ? endpoints : null;
}

/**
 * The transports a `transport` option names (`McpTransportType.SSE`, `'streamable-http'`), or
 * `null` when not all are known.
 */
function transportNames(value: TSESTree.Node): Set<string> | null {
  const expression = skipTypeWrappers(resolveExpression(value) ?? value);
  const entries = expression.type === AST_NODE_TYPES.ArrayExpression ? expression.elements : [expression];
  const names = new Set<string>();
  for (const entry of entries) {
    if (!entry || entry.type === AST_NODE_TYPES.SpreadElement) return null;
    const member = skipTypeWrappers(entry);
    const name = member.type === AST_NODE_TYPES.MemberExpression ? propertyName(member) : staticValue(member)?.value;
    if (name === 'SSE' || name === 'sse') names.add('SSE');
    else if (name === 'STREAMABLE_HTTP' || name === 'streamable-http') names.add('STREAMABLE_HTTP');
    else if (name !== 'STDIO' && name !== 'stdio') return null;
  }
  return names;
}

function appliedMiddleware(
  call: TSESTree.CallExpression,
  options: TSESTree.ObjectExpression | null,
): HandlerFunction[] {
  // Endpoints the options do not show are reached by middleware for every path only.
  const endpoints = postEndpoints(options) ?? ['*'];
  let node: TSESTree.Node | undefined = call.parent;
  while (node && node.type !== AST_NODE_TYPES.Decorator) node = node.parent;
  const cls = node?.parent;
  if (cls?.type !== AST_NODE_TYPES.ClassDeclaration && cls?.type !== AST_NODE_TYPES.ClassExpression) return [];
  const configure = cls.body.body.find(
    (member): member is TSESTree.MethodDefinition =>
      member.type === AST_NODE_TYPES.MethodDefinition && !member.static && propertyName(member) === 'configure',
  );
  if (!configure) return [];
  const applied: HandlerFunction[] = [];
  for (const mount of forRoutesMounts(configure.value)) {
    // What `.exclude()` leaves out may be an endpoint: such a mount is not read.
    if (mount.excluded.length > 0) continue;
    // Every endpoint that takes a POST must be among the routes it names.
    const paths = mount.routes.map((route) => forRoutesPaths(route, 'POST'));
    if (
      !endpoints.every((endpoint) => paths.some((covered) => covered?.some((path) => nestPathReaches(path, endpoint))))
    )
      continue;
    for (const argument of mount.middleware) {
      const cls = classOf(argument);
      const use = cls ? classMethod(cls, 'use') : null;
      const fn = use ?? resolveFunction(argument);
      if (fn) applied.push(fn);
    }
  }
  return applied;
}

/** Whether a `transport` option lists SSE or Streamable HTTP (`McpTransportType.SSE`, `'streamable-http'`). */
function servesHttp(value: TSESTree.Node | null): boolean {
  if (!value) return false;
  const expression = skipTypeWrappers(value);
  const entries = expression.type === AST_NODE_TYPES.ArrayExpression ? expression.elements : [expression];
  return entries.some((entry) => {
    if (!entry || entry.type === AST_NODE_TYPES.SpreadElement) return true;
    const member = skipTypeWrappers(entry);
    if (member.type === AST_NODE_TYPES.MemberExpression) return HTTP_TRANSPORTS.has(propertyName(member) ?? '');
    return possibleValues(member).some(
      (candidate) => !candidate.known || (typeof candidate.value === 'string' && HTTP_TRANSPORTS.has(candidate.value)),
    );
  });
}

/**
 * The guards a `guards` value lists (`[ApiKeyGuard]`, classes the code need not show); `'unknown'`
 * for a spread or a value made at run time.
 */
function guardList(value: TSESTree.Node): TSESTree.Node[] | 'unknown' {
  const list = skipTypeWrappers(resolveExpression(value) ?? value);
  if (list.type !== AST_NODE_TYPES.ArrayExpression) return 'unknown';
  const guards: TSESTree.Node[] = [];
  for (const element of list.elements) {
    if (element === null) continue;
    if (element.type === AST_NODE_TYPES.SpreadElement) return 'unknown';
    guards.push(element);
  }
  return guards;
}
