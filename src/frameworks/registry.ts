import type { TSESTree } from '@typescript-eslint/utils';
import type { ExternalRef } from '../analysis/exports';
import { cloudflareAgentsAdapter } from './cloudflare-agents';
import { connectAdapter } from './connect';
import { corsPackagesAdapter } from './cors-packages';
import { expressAdapter } from './express';
import { fastifyAdapter } from './fastify';
import { fastifyMcpAdapter } from './fastify-mcp';
import { chatmcpAdapter } from './chatmcp';
import { fastmcpAdapter } from './fastmcp';
import { h3Adapter } from './h3';
import { hapiAdapter } from './hapi';
import { elysiaAdapter } from './elysia';
import { elysiaMcpAdapter } from './elysia-mcp';
import { honoAdapter } from './hono';
import { koaAdapter } from './koa';
import { mcpFrameworkAdapter } from './mcp-framework';
import { mcpHandlerAdapter } from './mcp-handler';
import { mcpLiteAdapter } from './mcp-lite';
import { mcpSdkAdapter } from './mcp-sdk';
import { mcpUseAdapter } from './mcp-use';
import { nestjsAdapter } from './nestjs';
import { nodeAdapter } from './node';
import { runtimesAdapter, srvxAdapter, webAdapter } from './runtimes';
import { tmcpAdapter } from './tmcp';
import { rekogMcpNestAdapter } from './rekog-mcp-nest';
import { zuploAdapter } from './zuplo';
import { wsAdapter } from './ws';
import { socketIoAdapter } from './socket-io';
import { sessionsAdapter } from './sessions';
import { middlewarePackagesAdapter } from './middleware-packages';
import { testClientsAdapter } from './test-clients';
import { xmcpAdapter } from './xmcp';
import { JSR_NAMES, packageNameOf } from '../analysis/module-graph';
import {
  CALL,
  CONSTRUCT,
  READ,
  type Adapter,
  type AppFramework,
  type ConfigFileServer,
  type Entity,
  type RouteShape,
  type TraceNode,
} from './types';

/** Every adapter: adding a framework is adding it here. */
export const ADAPTERS: readonly Adapter[] = [
  nodeAdapter,
  expressAdapter,
  connectAdapter,
  koaAdapter,
  fastifyAdapter,
  honoAdapter,
  runtimesAdapter,
  webAdapter,
  mcpSdkAdapter,
  corsPackagesAdapter,
  nestjsAdapter,
  fastmcpAdapter,
  chatmcpAdapter,
  hapiAdapter,
  mcpLiteAdapter,
  tmcpAdapter,
  srvxAdapter,
  elysiaAdapter,
  h3Adapter,
  mcpHandlerAdapter,
  mcpFrameworkAdapter,
  mcpUseAdapter,
  cloudflareAgentsAdapter,
  zuploAdapter,
  rekogMcpNestAdapter,
  fastifyMcpAdapter,
  elysiaMcpAdapter,
  wsAdapter,
  socketIoAdapter,
  xmcpAdapter,
  testClientsAdapter,
  sessionsAdapter,
  middlewarePackagesAdapter,
];

/** The servers MCP frameworks run from a config file of their own (xmcp's `xmcp.config.ts`). */
export const CONFIG_FILE_SERVERS: readonly ConfigFileServer[] = ADAPTERS.flatMap(
  (adapter) => adapter.configFiles ?? [],
);

/** Node's own modules are imported with and without `node:`. */
const NODE_BUILTINS = new Set(['http', 'https', 'http2', 'net']);

function merge(into: Record<string | symbol, unknown>, from: TraceNode): void {
  for (const key of [CALL, CONSTRUCT, READ] as const) {
    const entities = from[key];
    if (entities) into[key] = [...((into[key] as Entity[] | undefined) ?? []), ...entities];
  }
  for (const [name, child] of Object.entries(from)) {
    const target = (into[name] ??= {}) as Record<string | symbol, unknown>;
    merge(target, child);
  }
}

function buildMap(
  pick: (adapter: Adapter) => Readonly<Record<string, TraceNode>> | undefined,
): Record<string, TraceNode> {
  const map: Record<string, Record<string | symbol, unknown>> = {};
  for (const adapter of ADAPTERS) {
    for (const [module, node] of Object.entries(pick(adapter) ?? {})) {
      for (const name of NODE_BUILTINS.has(module) ? [module, `node:${module}`] : [module]) {
        merge((map[name] ??= {}), node);
      }
    }
  }
  return map as Record<string, TraceNode>;
}

/** One trace map over every adapter's modules (`ReferenceTracker` reads it), and one over their globals. */
export const MODULE_TRACE_MAP: Readonly<Record<string, TraceNode>> = buildMap((adapter) => adapter.modules);
export const GLOBAL_TRACE_MAP: Readonly<Record<string, TraceNode>> = buildMap((adapter) => adapter.globals);

/** Every module an adapter knows, by the name code imports it with. */
export const KNOWN_MODULES: ReadonlySet<string> = new Set(Object.keys(MODULE_TRACE_MAP));

/** Modules that run only on Cloudflare Workers (`agents/mcp`, `cloudflare:workers`). */
export const WORKER_ONLY_MODULES: ReadonlySet<string> = new Set(
  ADAPTERS.flatMap((adapter) => adapter.workerOnlyModules ?? []),
);

/** Every adapter's header methods, merged. */
export const HEADER_API = {
  setNameValue: new Set(ADAPTERS.flatMap((adapter) => adapter.headers?.setNameValue ?? [])),
  setObject: new Set(ADAPTERS.flatMap((adapter) => adapter.headers?.setObject ?? [])),
  setLastArgument: new Set(ADAPTERS.flatMap((adapter) => adapter.headers?.setLastArgument ?? [])),
  responseHelpers: new Set(ADAPTERS.flatMap((adapter) => adapter.headers?.responseHelpers ?? [])),
  readNameMethods: new Set(ADAPTERS.flatMap((adapter) => adapter.headers?.readNameMethods ?? [])),
  readObjects: new Set(ADAPTERS.flatMap((adapter) => adapter.headers?.readObjects ?? [])),
} as const;

/** The route shape of each framework. */
export const ROUTE_SHAPES: Readonly<Record<AppFramework, RouteShape>> = {
  express: expressAdapter.routes!,
  hono: honoAdapter.routes!,
  fastify: fastifyAdapter.routes!,
  koa: koaAdapter.routes!,
  'koa-router': koaAdapter.routes!,
  connect: connectAdapter.routes!,
  elysia: elysiaAdapter.routes!,
  h3: h3Adapter.routes!,
};

/** The methods that add a route or middleware in any of those frameworks: `get`, `post`, `use`, … */
export const ROUTE_VERBS: ReadonlySet<string> = new Set(
  Object.values(ROUTE_SHAPES).flatMap((shape) => [...shape.verbs]),
);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** The modules whose trace map holds an entity that `wanted` picks. */
function modulesWith(wanted: (entity: Entity) => boolean): string[] {
  const holds = (node: TraceNode): boolean =>
    [CALL, CONSTRUCT, READ].some((key) => node[key]?.some(wanted)) || Object.values(node).some(holds);
  return Object.entries(MODULE_TRACE_MAP)
    .filter(([, node]) => holds(node))
    .map(([module]) => module);
}

/** Every entity of the adapters' modules and globals. */
function allEntities(): Entity[] {
  const found: Entity[] = [];
  const collect = (node: TraceNode): void => {
    for (const key of [CALL, CONSTRUCT, READ] as const) found.push(...(node[key] ?? []));
    Object.values(node).forEach(collect);
  };
  [...Object.values(MODULE_TRACE_MAP), ...Object.values(GLOBAL_TRACE_MAP)].forEach(collect);
  return found;
}

/** The methods with which a server's request handler accepts a WebSocket handshake: Bun's `server.upgrade(req)`. */
export const UPGRADE_METHODS: ReadonlySet<string> = new Set(
  allEntities().flatMap((entity) =>
    entity.kind === 'start' && entity.api.upgrades ? [entity.api.upgrades.method] : [],
  ),
);

/**
 * The packages that serve MCP, by package name: the SDK's, and those of the MCP frameworks whose
 * transports, apps, handlers, servers or modules the adapters know.
 */
export const MCP_PACKAGES: ReadonlySet<string> = new Set(
  modulesWith(
    (entity) =>
      entity.kind === 'mcp-transport' ||
      entity.kind === 'mcp-app' ||
      entity.kind === 'mcp-handler' ||
      entity.kind === 'configured-server' ||
      entity.kind === 'mcp-module' ||
      (entity.kind === 'server' && entity.source.mcp !== undefined),
  ).map(packageNameOf),
);

/** The packages (module names, as the trace map holds them) that provide an entity of one of these kinds. */
export function packagesWith(...kinds: Entity['kind'][]): ReadonlySet<string> {
  const wanted = new Set(kinds);
  return new Set(modulesWith((entity) => wanted.has(entity.kind)));
}

/**
 * A cheap first look at a file, derived from the adapters so that it cannot drift from them:
 * whether its text names, in quotes, a module that provides an entity of one of these kinds.
 * (Code that reaches such a module only through the project's own modules is looked at by the
 * facts that follow values, not by this test.)
 */
export function mentionsModuleWith(...kinds: Entity['kind'][]): RegExp {
  const wanted = new Set(kinds);
  return mentionsModuleWhere((entity) => wanted.has(entity.kind));
}

function mentionsModuleWhere(wanted: (entity: Entity) => boolean): RegExp {
  const modules = modulesWith(wanted).map((module) => specifierPattern(module.replace(/^node:/u, '')));
  return new RegExp(`['"\`](?:node:|npm:|jsr:)?(?:${[...new Set(modules)].join('|')})['"\`]`, 'u');
}

/**
 * A module's specifier as a pattern that also matches it as Deno writes it, with a version after
 * the package's name (`npm:hono@4/cors`), and under the names JSR publishes them by (`jsr:@hono/hono/cors`).
 */
function specifierPattern(module: string): string {
  const [, name = module, subpath = ''] = /^(@[^/]+\/[^/]+|[^/]+)(.*)$/u.exec(module) ?? [];
  const aliases = Object.keys(JSR_NAMES).filter((jsr) => JSR_NAMES[jsr] === name);
  const names = aliases.length > 0 ? `(?:${[name, ...aliases].map(escape).join('|')})` : escape(name);
  const pattern = `${names}(?:@[^'"\`/]*)?${escape(subpath)}`;
  // Deno's standard library, also by URL (`https://deno.land/std@0.220.1/http/server.ts`).
  const std = /^@std\/([^/]+)(\/.+)?$/u.exec(module);
  if (!std) return pattern;
  const file = `/${escape(std[1]!)}${std[2] ? escape(std[2]) : '/mod'}\\.ts`;
  return `(?:${pattern}|https://deno\\.land/std(?:@[^'"\`/]*)?${file})`;
}

/**
 * Whether a file names a module whose servers run their own HTTP stack and serve MCP on it
 * (fastmcp's `server.start()`, mcp-use's `server.listen()`): such a file answers CORS and takes
 * requests with no `cors`, route or transport in its text.
 */
export const MENTIONS_SELF_SERVING_MODULE = mentionsModuleWhere(
  (entity) => entity.kind === 'server' && entity.source.mcp !== undefined,
);

/**
 * Whether a file may call a method that answers CORS with its defaults when given no CORS options
 * (`McpAgent.serve()`): it names the module, or calls a method of that name (on a subclass the
 * project declares elsewhere, say), which the facts then look at.
 */
const isDefaultCorsOption = (entity: Entity): boolean => entity.kind === 'cors-option' && entity.byDefault === true;
export const MENTIONS_DEFAULT_CORS_MODULE = mentionsModuleWhere(isDefaultCorsOption);
export const MENTIONS_DEFAULT_CORS_METHOD = new RegExp(
  String.raw`\.\s*(?:${[...exportNamesWhere(isDefaultCorsOption)].join('|')})\s*\(`,
  'u',
);

/** Whether a file names a module whose servers take their HTTP transports from construction options (mcp-framework). */
export const MENTIONS_CONFIGURED_SERVER_MODULE = mentionsModuleWhere(
  (entity) => entity.kind === 'configured-server' || entity.kind === 'mcp-module',
);

/** Whether a file names a module whose plugins register MCP routes on an app (fastify-mcp, elysia-mcp). */
export const MENTIONS_MCP_ROUTES_MODULE = mentionsModuleWhere((entity) => entity.kind === 'mcp-routes');

/** Whether a file names any module the adapters know. */
export const MENTIONS_KNOWN_MODULE = mentionsModuleWith(
  'app',
  'server',
  'start',
  'handler-server',
  'cors',
  'cors-option',
  'auth',
  'middleware-wrapper',
  'host-validation',
  'mcp-transport',
  'mcp-app',
  'mcp-handler',
  'configured-server',
  'mcp-routes',
);

/**
 * The names under which modules and globals export an entity of one of these kinds (`serve` for
 * a server start): what a call's callee must be named for the analysis to ask what it is, when
 * the code reaches the export through the project's own modules.
 */
export function exportNamesWith(...kinds: Entity['kind'][]): ReadonlySet<string> {
  const wanted = new Set(kinds);
  return exportNamesWhere((entity) => wanted.has(entity.kind));
}

function exportNamesWhere(wanted: (entity: Entity) => boolean): ReadonlySet<string> {
  const names = new Set<string>();
  const visit = (node: TraceNode, name: string | null): void => {
    if (name !== null && [CALL, CONSTRUCT, READ].some((key) => node[key]?.some(wanted))) {
      names.add(name);
    }
    for (const [child, inner] of Object.entries(node)) visit(inner, child === 'default' ? name : child);
  };
  for (const [module, node] of Object.entries(MODULE_TRACE_MAP)) visit(node, module);
  for (const [global, node] of Object.entries(GLOBAL_TRACE_MAP)) visit(node, global);
  return names;
}

/** The globals whose trace map holds an entity of one of these kinds. */
export function globalsWith(...kinds: Entity['kind'][]): string[] {
  const wanted = new Set(kinds);
  const holds = (node: TraceNode): boolean =>
    [CALL, CONSTRUCT, READ].some((key) => node[key]?.some((entity) => wanted.has(entity.kind))) ||
    Object.values(node).some(holds);
  return Object.entries(GLOBAL_TRACE_MAP)
    .filter(([, node]) => holds(node))
    .map(([name]) => name);
}

/**
 * What an installed package's export is, when it is used as `node` (a call, a `new`, or a read):
 * the entities the adapters list for it. A CommonJS module's default import is the module itself.
 */
export function entitiesOfRef(ref: ExternalRef, use: 'call' | 'construct' | 'read'): readonly Entity[] {
  const module = ref.module.replace(/^node:/u, '');
  const root = MODULE_TRACE_MAP[module] ?? MODULE_TRACE_MAP[ref.module];
  if (!root) return [];
  const key = use === 'call' ? CALL : use === 'construct' ? CONSTRUCT : READ;
  const lookup = (names: readonly string[]): readonly Entity[] => {
    let node: TraceNode | undefined = root;
    for (const name of names) {
      node = node?.[name];
      if (!node) return [];
    }
    return node?.[key] ?? [];
  };
  const found = lookup(ref.names);
  if (found.length > 0 || ref.names[0] !== 'default') return found;
  return lookup(ref.names.slice(1));
}

/** What a global's property is, used as `node`: `Bun.serve` called is a server start. */
export function entitiesOfGlobal(names: readonly string[], use: 'call' | 'construct' | 'read'): readonly Entity[] {
  const [root, ...rest] = names;
  let node: TraceNode | undefined = root === undefined ? undefined : GLOBAL_TRACE_MAP[root];
  for (const name of rest) node = node?.[name];
  const key = use === 'call' ? CALL : use === 'construct' ? CONSTRUCT : READ;
  return node?.[key] ?? [];
}

/** The app methods that set up CORS (NestJS's `enableCors`, fastmcp's `start`). */
export function corsMethodsOfAdapters(): ReadonlySet<string> {
  const methods = new Set<string>();
  const visit = (node: TraceNode): void => {
    for (const key of [CALL, CONSTRUCT, READ] as const) {
      for (const entity of node[key] ?? []) {
        if (entity.kind === 'server')
          for (const method of Object.keys(entity.source.corsMethods ?? {})) methods.add(method);
      }
    }
    for (const child of Object.values(node)) visit(child);
  };
  for (const node of Object.values(MODULE_TRACE_MAP)) visit(node);
  for (const node of Object.values(GLOBAL_TRACE_MAP)) visit(node);
  return methods;
}

/** The entities of a node the ReferenceTracker found, for code that holds several kinds. */
export function entitiesOfKind<K extends Entity['kind']>(
  entities: readonly Entity[],
  kind: K,
): Extract<Entity, { kind: K }>[] {
  return entities.filter((entity): entity is Extract<Entity, { kind: K }> => entity.kind === kind);
}

export type { TSESTree };
