import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer, Scope, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { isTypeScriptFile } from '../fixes/constants';
import {
  appendArgument,
  appendObjectProperty,
  insertArgumentBefore,
  insertObjectPropertyAfter,
  insertObjectPropertyBefore,
} from '../fixes/edits';
import type { McpFrameworkServer, ServerApi, ServerSource, StartApi } from '../frameworks/types';
import {
  calledMethodName,
  calledMethodObject,
  containsNode,
  isNullishLiteral,
  outermostWrapper,
  passesName,
  plainParameterNames,
  skipTypeWrappers,
  walk,
} from './ast';
import { ROUTE_VERBS, entitiesOfKind, exportNamesWith } from '../frameworks/registry';
import { EMITTER_METHODS, isNodeCoreServer } from '../frameworks/node';
import { entitiesOf, mayHoldEntities, moduleIndex, trackedNodes } from './facts';
import { classMemberDeclaration, environmentReadName } from './origin-source';
import { installedBefore, installedVersionFor } from './installed';
import { servesMcp } from './mcp-transports';
import { exportedNamesOf, importerCalls } from './exports';
import { importersOf, isTestFile, runByBun, servedByDeno, supabaseFunction } from './module-graph';
import { codeOf, isLinted, moduleOf, nameOf, programOf, propertyName, staticValue, variableOf } from './program';
import type { AppInstance, Route } from './routes';
import {
  bindingDefault,
  callsOf,
  enclosingFunction,
  exportedNames,
  externalRefOf,
  findObjectProperty,
  isFunctionNode,
  memberName,
  nonEmptyList,
  possibleValues,
  resolveExpression,
  resolveFunction,
  resolveObjectExpression,
  resolveObjectWhenSet,
  returnedExpressions,
  usesOf,
  usesOfFunction,
  type HandlerFunction,
  type Invocation,
  type PossibleValue,
  type PropertyLookup,
} from './values';

export type { ServerApi } from '../frameworks/types';

/** What the adapters' server starts are exported as (`serve`). */
const START_NAMES = exportNamesWith('start');
/**
 * The methods that start a server: `.listen()`, fastmcp's `server.start({ httpStream })` and hapi's
 * `server.start()`, and `@chatmcp/sdk`'s `transport.startServer()`.
 */
export const START_METHODS: ReadonlySet<string> = new Set(['listen', 'start', 'startServer']);
/** Words a file that starts a server must contain: a start method, or a start call of the adapters. */
const MENTIONS_START = new RegExp(`\\b(?:${[...START_METHODS, ...START_NAMES].join('|')})\\b`, 'u');
/** Bun's `export default { port, fetch }`, and an app a package script runs with Bun. */
const MENTIONS_DEFAULT_SERVER = /\bexport\s+default\b|\bas\s+default\b/u;

/** How many variables and chained calls are followed back to where a server was made. */
const MAX_STEPS = 12;

/** What a call that starts a server says about the host it binds. */
export type HostReading =
  /**
   * No host is given, so the API's default applies. `addHost` writes one in the shape the API
   * takes, when the code allows it.
   */
  | {
      readonly kind: 'default';
      readonly addHost: ((fixer: RuleFixer, hostText: string) => RuleFix | RuleFix[]) | null;
      /** What it binds, where the installed version decides it rather than the API (`everyInterfaceBefore`). */
      readonly binding?: string;
    }
  /**
   * A host as written: `value` is the expression, `node` the argument or the options property that
   * holds it. `certain` is false for an argument that might be a callback rather than a host.
   */
  | { readonly kind: 'given'; readonly node: TSESTree.Node; readonly value: TSESTree.Node; readonly certain: boolean }
  /** A Unix socket, a named pipe or an inherited handle: no network address. */
  | { readonly kind: 'socket' }
  /** The file does not show the address: options from elsewhere, spread in, or an unknown handler. */
  | { readonly kind: 'unknown' };

/** One call that starts a server listening. */
export interface ServerStart {
  readonly api: ServerApi;
  /**
   * The call that starts it; for Bun's `export default { port, fetch }`, the exported object, and
   * for an exported app that Bun serves (`export default app`), its name or its `new Hono()`.
   */
  readonly call: TSESTree.CallExpression | TSESTree.ObjectExpression | TSESTree.Identifier | TSESTree.NewExpression;
  /** The name of what is called (`listen`, `serve`): where a report about the call belongs. */
  readonly callee: TSESTree.Node;
  readonly host: HostReading;
}

const UNKNOWN: HostReading = { kind: 'unknown' };
const SOCKET: HostReading = { kind: 'socket' };

const startsByProgram = new WeakMap<TSESTree.Program, readonly ServerStart[]>();

/**
 * Every call in the linted file that starts an HTTP (or TCP) server: `.listen()` on a server or
 * app that an adapter makes (Node's `http`, `https`, `http2` and `net`, express, Koa, connect,
 * Fastify, the MCP SDK's apps, `createAdaptorServer()`), followed through variables, class fields,
 * imports, the values functions return and methods that return the same object; and the
 * adapters' `serve()` calls (`@hono/node-server`, `Bun.serve()`, `Deno.serve()`). A `listen`
 * method on anything else is not a server. Computed once per file.
 */
export function serverStarts(sourceCode: Readonly<SourceCode>): readonly ServerStart[] {
  let starts = startsByProgram.get(sourceCode.ast);
  if (starts) return starts;
  const { text } = sourceCode;
  // A Supabase Edge Function's `Deno.serve()` hands its handler to the edge runtime, which serves
  // it behind Supabase's gateway: it binds nothing on the machine.
  const starting = MENTIONS_START.test(text) || MENTIONS_DEFAULT_SERVER.test(text);
  starts = starting && !supabaseFunction(moduleOf(sourceCode.ast).file) ? findServerStarts(sourceCode) : [];
  startsByProgram.set(sourceCode.ast, starts);
  return starts;
}

function findServerStarts(sourceCode: Readonly<SourceCode>): ServerStart[] {
  const reader = new HostReader(sourceCode);
  const starts: ServerStart[] = [];
  // A server, and a start call, come from a package an adapter knows, here or in a module this file reaches.
  if (mayHoldEntities(sourceCode, 'server')) {
    const { methodCalls } = moduleIndex(sourceCode.ast);
    for (const method of START_METHODS) {
      for (const call of methodCalls.get(method) ?? []) {
        const api = methodStartApi(call);
        if (api) starts.push(reader.read(api, call));
      }
    }
  }
  const tracked = trackedNodes(sourceCode);
  for (const call of mayHoldEntities(sourceCode, 'start') ? moduleIndex(sourceCode.ast).calls : []) {
    // A renamed import is known to the tracker by what it imports; through the project's own
    // modules, the export keeps its name.
    if (!tracked.has(call) && !START_NAMES.has(calleeName(call) ?? '')) continue;
    const [start] = entitiesOf(call, 'start');
    if (start?.kind === 'start') starts.push(reader.read(start.api, call));
  }
  // `new WebSocketServer({ port })` of `ws`: a server of its own, made and started at once.
  for (const made of mayHoldEntities(sourceCode, 'start') ? moduleIndex(sourceCode.ast).news : []) {
    if (!tracked.has(made)) continue;
    const [start] = entitiesOf(made, 'start');
    if (start?.kind === 'start' && start.api.signature === 'ws-options') {
      const reading = reader.readWebSocketServer(start.api, made);
      if (reading) starts.push(reading);
    }
  }
  // Bun serves a default export with a `fetch` (oven-sh/bun packages/bun-types/serve.d.ts, commit
  // 00036dc: `export default { fetch } satisfies Bun.Serve.Options`), on `hostname` 0.0.0.0 by default;
  // a Cloudflare Worker's has no `port` or `hostname`, and binds nothing, unless a script of the
  // package runs the module with Bun. `deno serve` serves it too, on `--host`, else 0.0.0.0 (Deno
  // 2.9.5 libs/cli_parser/src/defs.rs: "defaulting to 0.0.0.0 (all interfaces)"); the exported
  // object's own keys bind nothing there.
  let bun: boolean | undefined;
  let deno: boolean | undefined;
  const runsOnBun = (): boolean => (bun ??= runByBun(moduleOf(sourceCode.ast).file));
  const runsOnDeno = (): boolean => (deno ??= servedByDeno(moduleOf(sourceCode.ast).file));
  /** An app (or object) served as the default export: by Bun, else by `deno serve`, else by nothing known. */
  const exportedApp = (app: TSESTree.Identifier | TSESTree.NewExpression, name: string | null): void => {
    if (runsOnBun()) {
      const display = name === null ? "Bun's default export" : `Bun's \`export default ${name}\``;
      starts.push(reader.readExportedApp({ ...BUN_DEFAULT_EXPORT, display }, app));
    } else if (runsOnDeno()) starts.push(reader.readExportedApp(DENO_SERVE_EXPORT, app));
  };
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const declaration = skipTypeWrappers(statement.declaration);
      const object = resolveObjectExpression(declaration);
      if (object) {
        if (findObjectProperty(object, 'fetch').kind !== 'found' && spreadApp(object) === null) continue;
        const binds =
          serverOption(object, 'port').kind !== 'missing' || serverOption(object, 'hostname').kind !== 'missing';
        // A module that starts a server of the same app itself (`serve({ fetch: app.fetch, port })`
        // of `@hono/node-server`) and that no script runs with Bun is a Node server: Bun would serve
        // the export beside it, so the export is left for a runtime that does not run it.
        const owner = fetchOwner(object);
        const exported = owner && skipTypeWrappers(resolveExpression(owner) ?? owner);
        const startsItself = exported !== null && starts.some((start) => startedApp(start) === exported);
        if (runsOnBun() || (binds && !startsItself)) starts.push(reader.readExport(BUN_DEFAULT_EXPORT, object));
        else if (runsOnDeno()) {
          const at = declaration.type === AST_NODE_TYPES.Identifier ? declaration : object;
          starts.push(reader.readExportedApp(DENO_SERVE_EXPORT, at));
        }
      } else if (
        (declaration.type === AST_NODE_TYPES.Identifier || declaration.type === AST_NODE_TYPES.NewExpression) &&
        servesFetch(declaration)
      ) {
        // `export default app`: a Hono app has a `fetch` of its own (hono 4 `hono-base.js`: `fetch
        // = (request, ...rest) => …`).
        exportedApp(declaration, declaration.type === AST_NODE_TYPES.Identifier ? declaration.name : null);
      }
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
      // `export { app as default }`.
      for (const { exported, local } of statement.specifiers) {
        const name = exported.type === AST_NODE_TYPES.Identifier ? exported.name : exported.value;
        if (name !== 'default' || local.type !== AST_NODE_TYPES.Identifier) continue;
        if (servesFetch(local)) exportedApp(local, local.name);
      }
    }
  }
  return starts.sort((a, b) => a.call.range[0] - b.call.range[0]);
}

const BUN_DEFAULT_EXPORT: StartApi = {
  display: "Bun's `export default { fetch }`",
  hostLabel: '`hostname`',
  defaultBinding: 'default `0.0.0.0`',
  signature: 'serve-options',
  hostKey: 'hostname',
  socketKey: 'unix',
};

/** A default export that a `deno serve` task with no `--host` serves: the host is the task's to name. */
const DENO_SERVE_EXPORT: StartApi = {
  display: '`deno serve`',
  hostLabel: '`--host`',
  defaultBinding: 'default `0.0.0.0`',
  signature: 'serve-options',
  hostKey: 'hostname',
  socketKey: 'unix',
};

/**
 * The servers a function starts, read as `serverStarts` reads the linted file's: `.listen()` on
 * a server an adapter makes, and the adapters' `serve()` calls.
 */
function startsIn(fn: HandlerFunction): ServerStart[] {
  const reader = new HostReader(codeOf(fn));
  const starts: ServerStart[] = [];
  walk(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    if (START_METHODS.has(calledMethodName(node) ?? '')) {
      const api = methodStartApi(node);
      if (api) starts.push(reader.read(api, node));
      return;
    }
    if (!START_NAMES.has(calleeName(node) ?? '')) return;
    const [start] = entitiesOf(node, 'start');
    if (start?.kind === 'start') starts.push(reader.read(start.api, node));
  });
  return starts;
}

/** How a `.listen()` or `.start()` call starts its receiver, when the receiver is a server of an adapter. */
function methodStartApi(call: TSESTree.CallExpression): StartApi | null {
  const receiver = calledMethodObject(call);
  const source = receiver && serverSourceOf(receiver);
  if (!source) return null;
  const method = calledMethodName(call);
  if (method === (source.startMethod ?? 'start')) return source.start ?? null;
  if (method !== 'listen') return null;
  if (!source.listen || closesOnRequest(call) || answersWithoutServing(call)) return null;
  const server = listenedServer(call);
  return server && (isPortProbe(call, server) || servesNothing(call, server)) ? null : source.listen;
}

/** A server that an MCP framework starts with a method of its own (fastmcp's `server.start()`). */
export interface FrameworkStart {
  readonly start: ServerStart & { readonly call: TSESTree.CallExpression };
  readonly source: ServerSource & { readonly mcp: McpFrameworkServer };
  /** The options the server was made with (`new FastMCP({ … })`), when the file shows them. */
  readonly options: TSESTree.ObjectExpression | null;
  /** Whether those options check a credential on every request (`authenticate`). */
  readonly authenticated: boolean;
  /** Whether it binds loopback only: its host (or the framework's default) names loopback wherever it comes from. */
  readonly bindsLoopback: boolean;
  /** The version of the framework installed for the file, `null` when unknown. */
  readonly installed: string | null;
  /**
   * Middleware the file puts in front of its HTTP handling: `server.use(check)` on an mcp-use
   * server, whose `use` is its Hono app's (not `use('mcp:…', …)`, which wraps MCP methods).
   */
  readonly middleware: readonly TSESTree.Node[];
}

/**
 * The linted file's MCP framework servers that serve HTTP (fastmcp's `httpStream`, mcp-use's
 * `listen()`), not stdio or unknown.
 */
export function frameworkStarts(sourceCode: Readonly<SourceCode>): readonly FrameworkStart[] {
  let found = frameworkStartsByProgram.get(sourceCode.ast);
  if (!found) {
    found = findFrameworkStarts(sourceCode);
    frameworkStartsByProgram.set(sourceCode.ast, found);
  }
  return found;
}

const frameworkStartsByProgram = new WeakMap<TSESTree.Program, readonly FrameworkStart[]>();

function findFrameworkStarts(sourceCode: Readonly<SourceCode>): FrameworkStart[] {
  const found: FrameworkStart[] = [];
  for (const start of serverStarts(sourceCode)) {
    const { call } = start;
    if (start.host.kind === 'unknown' || call.type !== AST_NODE_TYPES.CallExpression || !isLinted(call)) continue;
    const receiver = calledMethodObject(call);
    const source = receiver && serverSourceOf(receiver);
    if (!receiver || !source?.mcp || (source.start !== start.api && source.listen !== start.api)) continue;
    const { host } = start;
    found.push({
      start: { ...start, call },
      source: { ...source, mcp: source.mcp },
      options: constructionOptions(receiver),
      authenticated: madeWithOption(receiver, source.authenticatedBy ?? []),
      bindsLoopback:
        host.kind === 'default'
          ? defaultBinding(start.api, host) === null
          : host.kind === 'given' &&
            possibleValues(host.value).every(
              (value) => value.known && hostScope(start.api, value.value) === 'loopback',
            ),
      installed: installedVersionFor(call, source.mcp.module),
      middleware: middlewareOf(sourceCode, receiver, call),
    });
  }
  return found;
}

/**
 * The middleware the linted file mounts with `use` on the same server as `receiver`, before it
 * starts it (mcp-use mounts its MCP routes in `listen()`, behind what is there by then).
 */
function middlewareOf(
  sourceCode: Readonly<SourceCode>,
  receiver: TSESTree.Node,
  start: TSESTree.CallExpression,
): TSESTree.Node[] {
  const made = madeBy(receiver);
  if (!made) return [];
  const found: TSESTree.Node[] = [];
  for (const call of moduleIndex(sourceCode.ast).methodCalls.get('use') ?? []) {
    if (call.range[0] > start.range[0]) continue;
    const object = calledMethodObject(call);
    if (!object || madeBy(object) !== made) continue;
    const [first, ...rest] = call.arguments;
    const path = first && staticValue(first)?.value;
    // `use('mcp:tools/call', …)` wraps MCP methods; `use('/admin/*', …)` runs for other paths.
    if (typeof path === 'string' && !/^(?:\*|\/\*?|\/(?:mcp|sse)(?:[/*].*)?)$/u.test(path)) continue;
    for (const argument of typeof path === 'string' ? rest : call.arguments) {
      if (argument.type !== AST_NODE_TYPES.SpreadElement) found.push(argument);
    }
  }
  return found;
}

/**
 * The options object of the call or `new` that made a server (`new FastMCP({ … })`, the second
 * argument of `createMCPServer(name, options)`), if the file shows it; `undefined` where the
 * options are there but cannot be read (a spread, a value from elsewhere).
 */
export function constructionOptions(receiver: TSESTree.Node): TSESTree.ObjectExpression | null {
  const made = madeBy(receiver);
  if (!made) return null;
  const argument = optionsArgumentOf(made);
  return argument ? resolveObjectExpression(argument) : null;
}

/** The call or `new` that made a server, followed through variables. */
function madeBy(receiver: TSESTree.Node): TSESTree.NewExpression | TSESTree.CallExpression | null {
  const made = skipTypeWrappers(resolveExpression(receiver) ?? receiver);
  return made.type === AST_NODE_TYPES.NewExpression || made.type === AST_NODE_TYPES.CallExpression ? made : null;
}

/**
 * The `new` that made an app, through the methods that return it (`new Elysia().use(x)`), or `null`.
 */
function constructionOf(receiver: TSESTree.Node): TSESTree.NewExpression | null {
  let expression = skipTypeWrappers(resolveExpression(receiver) ?? receiver);
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    if (expression.type === AST_NODE_TYPES.NewExpression) return expression;
    if (expression.type !== AST_NODE_TYPES.CallExpression) return null;
    const object = calledMethodObject(expression);
    const method = calledMethodName(expression);
    if (!object || method === null || serverSourceOf(object)?.returnsItself.has(method) !== true) return null;
    expression = skipTypeWrappers(resolveExpression(object) ?? object);
  }
  return null;
}

/** The argument that holds a server's options, `null` where a spread comes first or there is none. */
function optionsArgumentOf(made: TSESTree.NewExpression | TSESTree.CallExpression): TSESTree.Expression | null {
  const index = serverSourceOf(made)?.optionsArgument ?? 0;
  const before = made.arguments.slice(0, index + 1);
  if (before.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return null;
  return (made.arguments[index] as TSESTree.Expression | undefined) ?? null;
}

/**
 * Whether an options object holds a non-empty list under `key` (`allowedOrigins: ['https://…']`):
 * `'unknown'` where the file cannot tell (a list from elsewhere, the environment, a spread).
 */
export function listsSome(options: TSESTree.ObjectExpression, key: string): boolean | 'unknown' {
  const found = findObjectProperty(options, key);
  if (found.kind === 'unknown') return 'unknown';
  if (found.kind === 'missing' || !found.value) return found.kind === 'missing' ? false : 'unknown';
  return nonEmptyList(found.value);
}

/** Whether the server was made with one of these options set: `new FastMCP({ authenticate })`. */
export function madeWithOption(receiver: TSESTree.Node, keys: readonly string[]): boolean {
  const options = keys.length > 0 ? constructionOptions(receiver) : null;
  if (!options) return false;
  return keys.some((key) => {
    const found = findObjectProperty(options, key);
    return found.kind === 'found' && found.value !== null && !isNullishLiteral(found.value);
  });
}

/** The methods that give an app routes or middleware, in every framework the adapters know. */
const ROUTING_METHODS: ReadonlySet<string> = new Set([...ROUTE_VERBS, 'register', 'route']);

/**
 * The server a `listen()` is called on, when it is made in the file: the call that makes it and the
 * calls made on it.
 */
interface ListenedServer {
  /** The call that makes the server or app (`net.createServer()`, `express()`, `new Koa()`). */
  readonly made: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The method calls on it: down the chain the `listen()` ends, and on the variable that holds it. */
  readonly calls: readonly TSESTree.CallExpression[];
  /** The variable that holds it, when one does (`const tester = net.createServer()`). */
  readonly variable: Scope.Variable | null;
}

function listenedServer(listen: TSESTree.CallExpression): ListenedServer | null {
  const calls: TSESTree.CallExpression[] = [listen];
  let root: TSESTree.Node | null = calledMethodObject(listen);
  // `net.createServer().once('error', …).once('listening', …).listen(port)`
  for (let steps = 0; root && steps < 20; steps++) {
    const expression: TSESTree.Node = skipTypeWrappers(root);
    if (expression.type === AST_NODE_TYPES.CallExpression && calledMethodName(expression) !== null) {
      const object = calledMethodObject(expression);
      if (object && serverSourceOf(object)) {
        calls.push(expression);
        root = object;
        continue;
      }
    }
    root = expression;
    break;
  }
  if (!root) return null;
  let variable: Scope.Variable | null = null;
  // `const tester = net.createServer(); tester.once('listening', …); tester.listen(port)`
  if (root.type === AST_NODE_TYPES.Identifier) {
    variable = variableOf(root);
    const def = variable?.defs[0];
    if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || !def.node.init) return null;
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (
        parent?.type === AST_NODE_TYPES.MemberExpression &&
        parent.object === reference.identifier &&
        parent.parent?.type === AST_NODE_TYPES.CallExpression &&
        parent.parent.callee === parent
      ) {
        calls.push(parent.parent);
      }
    }
    root = skipTypeWrappers(def.node.init);
  }
  if (root.type !== AST_NODE_TYPES.CallExpression && root.type !== AST_NODE_TYPES.NewExpression) return null;
  if (root.arguments.some((argument) => isHandler(argument))) return null;
  if (entitiesOf(root, 'server').length === 0) return null;
  return { made: root, calls, variable };
}

/** The events whose listener handles what a server receives. */
const HANDLING_EVENTS: ReadonlySet<string> = new Set(['request', 'connection', 'stream', 'upgrade', 'checkContinue']);

/**
 * Whether a `listen()` only tests that a port is free: a server made with no handler for its
 * connections or requests (`net.createServer()`), given none later, and closed as soon as it
 * listens (in its `'listening'` listener or the listen callback). It serves nothing.
 */
function isPortProbe(listen: TSESTree.CallExpression, server: ListenedServer): boolean {
  if (server.made.type !== AST_NODE_TYPES.CallExpression) return false;
  const { made, calls } = server;
  // An app given routes or middleware (`app.post('/mcp', …)`, `app.use(…)`) has handlers of its own.
  if (calls.some((call) => call !== listen && ROUTING_METHODS.has(calledMethodName(call) ?? ''))) return false;
  const servers = serverVariables(listen, made);
  let closes = false;
  for (const call of calls) {
    const method = calledMethodName(call);
    const [event, listener] = call.arguments;
    const eventName = event && staticValue(event)?.value;
    if (method === 'listen') {
      const callback = call.arguments.at(-1);
      if (callback && isHandler(callback) && callsClose(callback, servers)) closes = true;
    } else if (eventName === 'listening' && listener && isHandler(listener) && callsClose(listener, servers)) {
      closes = true;
    } else if (HANDLING_EVENTS.has(String(eventName))) {
      return false;
    }
  }
  return closes;
}

/** The methods of a server or app that neither route nor handle what it receives. */
const NON_SERVING_METHODS: ReadonlySet<string> = new Set([
  ...EMITTER_METHODS,
  'off',
  'removeListener',
  'removeAllListeners',
  'listen',
  'address',
  'close',
  'unref',
  'ref',
  'setTimeout',
  'set',
  'enable',
  'disable',
]);

/**
 * Whether a `listen()` starts a server that serves nothing: made in the chain that ends in the
 * `listen()` (`express().listen(0)`, `http.createServer().listen(0)`) with options at most (none
 * holding a function or a `fetch`), and given no route, middleware or request listener in that
 * chain or in a plain `function` listener (where `this` is the server). No other code can reach
 * the app to give it one, so it answers every request with its 404. Only Node's own servers and
 * the apps of express, connect, Koa and Fastify, not a framework's server that serves what it
 * was made with (an MCP server); and only while the server `listen()` returns is handed to no
 * call or constructor (a WebSocket or Socket.IO server takes its requests), and, for a bare
 * `node:http` server, dropped, since a caller could add a `'request'` listener to it. A bare
 * server held by a `const` counts the same only when the code only calls its methods through it
 * (`onlyItsMethodsCalled`), as a test that holds a port does; one handed on, returned or exported
 * may be given a handler elsewhere. An app held by a variable is judged a service, whatever the
 * file gives it: it is reported as it is typed, before its routes are.
 */
function servesNothing(listen: TSESTree.CallExpression, server: ListenedServer): boolean {
  // `http.createServer(app)` and `createServer(toNodeHandler(…))` are given a handler.
  if (!server.made.arguments.every(isPlainOptions)) return false;
  // A bare `node:http` server held by a `const` (a test that holds a port), not an app, which
  // stands for the routes the code gives it.
  if (
    server.variable &&
    !(
      onlyItsMethodsCalled(server.variable) &&
      entitiesOf(server.made, 'app').length === 0 &&
      entitiesOfKind(entitiesOf(server.made, 'server'), 'server').some((made) => isNodeCoreServer(made.source))
    )
  )
    return false;
  for (const call of server.calls) {
    if (!NON_SERVING_METHODS.has(calledMethodName(call) ?? '')) return false;
    if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.FunctionExpression)) return false;
    const event = call.arguments[0];
    if (calledMethodName(call) !== 'listen' && call.arguments.length > 1) {
      const eventName = event && staticValue(event)?.value;
      if (typeof eventName !== 'string' || HANDLING_EVENTS.has(eventName)) return false;
    }
  }
  if (entitiesOf(server.made, 'mcp-app').length > 0 || resultHandedOn(listen)) return false;
  const apps = entitiesOfKind(entitiesOf(server.made, 'app'), 'app');
  if (apps.length > 0) return apps.every((app) => SELF_ANSWERING_APPS.has(app.framework));
  const [made] = entitiesOfKind(entitiesOf(server.made, 'server'), 'server');
  // A bare server: what `listen()` returns is dropped, not kept where a listener could be added.
  return (
    made !== undefined &&
    isNodeCoreServer(made.source) &&
    outermostWrapper(listen).parent?.type === AST_NODE_TYPES.ExpressionStatement
  );
}

/**
 * Whether a name that holds a server or app is used only to call its methods (`blocker.on('error',
 * reject)`, `blocker.listen(0)`, `blocker.close()`): never handed on, returned, exported or
 * written again, so no other code can give it a handler.
 */
function onlyItsMethodsCalled(variable: Scope.Variable): boolean {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== 'Variable' || def.parent.kind !== 'const') return false;
  if (def.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
  return variable.references.every((reference) => {
    if (reference.init) return true;
    const use = outermostWrapper(reference.identifier as TSESTree.Node);
    const member = use.parent;
    return (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === use &&
      member.parent?.type === AST_NODE_TYPES.CallExpression &&
      member.parent.callee === member
    );
  });
}

/** The apps that answer a request no route or middleware takes with a 404 of their own. */
const SELF_ANSWERING_APPS: ReadonlySet<string> = new Set(['express', 'connect', 'koa', 'fastify']);

/** An options object with no function or `fetch` in it: nothing that could handle a request. */
function isPlainOptions(argument: TSESTree.CallExpressionArgument): boolean {
  return (
    argument.type === AST_NODE_TYPES.ObjectExpression &&
    argument.properties.every(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        propertyName(property) !== 'fetch' &&
        !isFunctionNode(property.value) &&
        !property.method,
    )
  );
}

/**
 * Whether what a `listen()` returns is handed to a call or a constructor (`new WebSocketServer({ server })`,
 * `new Server(app.listen(0))`), directly or through the `const` that holds it.
 */
function resultHandedOn(listen: TSESTree.CallExpression): boolean {
  const handed = (node: TSESTree.Node): boolean => {
    let child: TSESTree.Node = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (
        (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
        parent.arguments.includes(child as TSESTree.CallExpressionArgument)
      )
        return true;
      // Up through what holds the value (`{ server }`, `[server]`, `await`) or only types it (`as`).
      if (
        parent.type !== AST_NODE_TYPES.Property &&
        parent.type !== AST_NODE_TYPES.ObjectExpression &&
        parent.type !== AST_NODE_TYPES.ArrayExpression &&
        parent.type !== AST_NODE_TYPES.AwaitExpression &&
        skipTypeWrappers(parent) === parent
      )
        return false;
    }
    return false;
  };
  const held = outermostWrapper(listen);
  if (handed(held)) return true;
  const declarator = held.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier)
    return false;
  return (variableOf(declarator.id)?.references ?? []).some((reference) => handed(reference.identifier));
}

/**
 * Whether a `listen()` starts a server that its own request handler, written where the server is
 * made, closes (`server.close()`, also once the answer is sent: `setTimeout(() => server.close())`):
 * it catches a request, such as an OAuth redirect to a CLI, and is no service (`isRequestCatcher`).
 */
function closesOnRequest(listen: TSESTree.CallExpression): boolean {
  const receiver = calledMethodObject(listen);
  const server = receiver && skipTypeWrappers(receiver);
  // `const server = createServer(handler).listen(port)`: the catcher closes what `listen` hands back.
  if (server?.type === AST_NODE_TYPES.CallExpression) {
    const given = server.arguments.at(-1);
    return given !== undefined && isRequestCatcher(given);
  }
  if (server?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOf(server);
  const def = variable?.defs[0];
  // `const server = createServer(h)`, or `let server = null; … server = createServer(h);`.
  const init =
    def?.type === 'Variable' && def.node.init && !isNullishLiteral(skipTypeWrappers(def.node.init))
      ? def.node.init
      : variable && soleAssignment(variable);
  const made = init ? skipTypeWrappers(init) : null;
  if (made?.type !== AST_NODE_TYPES.CallExpression) return false;
  // `const server = createServer(); server.on('request', handler)`: the one handler added after.
  const given = made.arguments.some(isFunctionNode)
    ? made.arguments.at(-1)
    : variable
      ? (requestListeners(variable)[0] ?? undefined)
      : undefined;
  return given !== undefined && isRequestCatcher(given) && catcherServer(given)?.variable === variable;
}

/**
 * The handlers added to the server a variable holds with `server.on('request', handler)` (or
 * `once`), in the order they are written.
 */
function requestListeners(variable: Scope.Variable): TSESTree.Node[] {
  return variable.references.flatMap((reference) => {
    const member = outermostWrapper(reference.identifier).parent;
    const call = member?.parent;
    if (
      member?.type !== AST_NODE_TYPES.MemberExpression ||
      call?.type !== AST_NODE_TYPES.CallExpression ||
      call.callee !== member ||
      listenedEvent(call) !== 'request'
    )
      return [];
    return call.arguments[1] ? [call.arguments[1]] : [];
  });
}

const catchers = new WeakMap<TSESTree.Node, boolean>();

/**
 * Whether a function is the request handler of a server that it catches a request with and then
 * closes, and no service: a `node:http` server made with it (`const server = createServer((req,
 * res) => { … server.close(); })`), held by a `const`, whose handler only looks at the request
 * (`req.url`, `req.method`, `req.headers`), hands neither the request nor the response to other
 * code (a proxy, an app, an MCP transport), answers no MCP, and closes that server. What
 * `require-loopback-host` leaves alone, and what the origin rules ask of a handler that answers
 * only constants.
 */
export function isRequestCatcher(node: TSESTree.Node): boolean {
  let answer = catchers.get(node);
  if (answer === undefined) {
    answer = findRequestCatcher(node);
    catchers.set(node, answer);
  }
  return answer;
}

/**
 * The variable of the server a handler is given to as it is made (`const server =
 * createServer(handler)`), if it is a `const`, or a `let` given no other server (`let server =
 * null; try { server = createServer(handler); … } finally { server?.close(); }`); or, for a server
 * made without one, the `const` that the only `server.on('request', handler)` is added to. With
 * the call that makes the server.
 */
function catcherServer(handler: TSESTree.Node): { variable: Scope.Variable; made: TSESTree.CallExpression } | null {
  const made = handler.parent;
  if (made?.type !== AST_NODE_TYPES.CallExpression || made.arguments.at(-1) !== handler) return null;
  if (listenedEvent(made) === 'request') return serverListenedTo(made, handler);
  const variable = madeServer(made);
  return variable && { variable, made };
}

/**
 * The `const` whose server `server.on('request', handler)` adds its only request handler to: one
 * made by a call given no handler (`const server = createServer()`).
 */
function serverListenedTo(
  added: TSESTree.CallExpression,
  handler: TSESTree.Node,
): { variable: Scope.Variable; made: TSESTree.CallExpression } | null {
  const object = calledMethodObject(added);
  const server = object && skipTypeWrappers(object);
  if (server?.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = variableOf(server);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || def.parent.kind !== 'const') return null;
  const made = def.node.init && skipTypeWrappers(def.node.init);
  if (made?.type !== AST_NODE_TYPES.CallExpression || made.arguments.some(isFunctionNode)) return null;
  const listeners = requestListeners(variable);
  return listeners.length === 1 && listeners[0] === handler ? { variable, made } : null;
}

/** The variable that holds the server a call makes, as `catcherServer` takes it. */
function madeServer(made: TSESTree.CallExpression): Scope.Variable | null {
  // `createServer(handler).listen(port)`: Node's `listen`, `on` and `once` hand back the server.
  let server: TSESTree.Node = outermostWrapper(made);
  for (
    let chained = server.parent;
    chained?.type === AST_NODE_TYPES.MemberExpression &&
    chained.object === server &&
    chained.parent?.type === AST_NODE_TYPES.CallExpression &&
    chained.parent.callee === chained &&
    handsBackServer(chained.parent);
    chained = server.parent
  ) {
    server = outermostWrapper(chained.parent);
  }
  const holder = server.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    const variable = holder.parent.kind === 'const' ? variableOf(holder.id) : null;
    return variable && variable.defs.length === 1 ? variable : null;
  }
  if (
    holder?.type !== AST_NODE_TYPES.AssignmentExpression ||
    holder.operator !== '=' ||
    holder.right !== server ||
    holder.left.type !== AST_NODE_TYPES.Identifier
  )
    return null;
  const variable = variableOf(holder.left);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || def.parent.kind !== 'let') return null;
  // Given this server alone: no other assignment but an empty start (`let server = null`).
  const init = def.node.init && skipTypeWrappers(def.node.init);
  return soleAssignment(variable) && (!init || isNullishLiteral(init)) ? variable : null;
}

/**
 * A call on a Node server that hands it back and adds no request handler: `listen(…)`, or `on`
 * and `once` for its lifecycle (`'error'`, `'listening'`, `'close'`), not for `'request'`.
 */
function handsBackServer(call: TSESTree.CallExpression): boolean {
  if (calledMethodName(call) === 'listen') return true;
  const event = listenedEvent(call);
  return event === 'error' || event === 'listening' || event === 'close';
}

/** The event `server.on(event, …)` or `server.once(event, …)` adds a listener for, as the file fixes it. */
function listenedEvent(call: TSESTree.CallExpression): unknown {
  const method = calledMethodName(call);
  if (method !== 'on' && method !== 'once') return undefined;
  return call.arguments[0] ? staticValue(call.arguments[0])?.value : undefined;
}

/** The value of the one assignment to a variable after its declaration (`server = createServer(h)`), if it has one. */
function soleAssignment(variable: Scope.Variable): TSESTree.Node | null {
  const written = variable.references.filter((reference) => reference.isWrite() && !reference.init);
  return written.length === 1 ? (written[0]!.writeExpr ?? null) : null;
}

/**
 * Whether a catcher's server is closed in the `finally` of a `try` that makes it, in the function
 * that makes it, and the handler settles a promise (`codes.resolve(code)`, `reject(error)`): the
 * function waits for the one request, then closes the server whatever happens.
 */
function closedOnceSettled(handler: TSESTree.Node, body: TSESTree.Node, server: Scope.Variable): boolean {
  let settles = false;
  walk(body, (node) => {
    if (settles || node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = skipTypeWrappers(node.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : calledMethodName(node);
    settles = name === 'resolve' || name === 'reject';
  });
  if (!settles) return false;
  for (let node: TSESTree.Node | undefined = handler.parent; node && !isFunctionNode(node); node = node.parent) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent?.type !== AST_NODE_TYPES.TryStatement || parent.block !== node || !parent.finalizer) continue;
    if (closesServer(parent.finalizer, server)) return true;
  }
  return false;
}

/** Whether code calls `close()` on the server a variable holds (`server.close()`, `server?.close()`). */
function closesServer(root: TSESTree.Node, server: Scope.Variable): boolean {
  let closes = false;
  walk(root, (node) => {
    if (closes || node.type !== AST_NODE_TYPES.CallExpression || calledMethodName(node) !== 'close') return;
    const closed = calledMethodObject(node);
    const name = closed && skipTypeWrappers(closed);
    closes = name?.type === AST_NODE_TYPES.Identifier && variableOf(name) === server;
  });
  return closes;
}

function findRequestCatcher(node: TSESTree.Node): boolean {
  if (!isHandler(node)) return false;
  const handler = node as TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  const server = catcherServer(handler);
  if (!server || entitiesOf(server.made, 'handler-server').length === 0) return false;
  const { variable } = server;
  if (handler.body.type !== AST_NODE_TYPES.BlockStatement || !onlyLooksAtRequest(handler)) return false;
  return closedOnceSettled(handler, handler.body, variable) || closesServer(handler.body, variable);
}

/**
 * Whether a request handler only looks at the request (`req.url`, `req.method`, `req.headers`),
 * reading no body and piping it nowhere, hands neither the request nor the response to other code
 * (a proxy, an app, an MCP transport), and answers no MCP by hand.
 */
function onlyLooksAtRequest(handler: HandlerFunction): boolean {
  const passed = plainParameterNames(handler);
  let handsOn = false;
  walk(handler.body, (node) => {
    if (handsOn || (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression)) return;
    handsOn = passesName(node, passed);
  });
  const [request] = handler.params;
  const requestVariable = request?.type === AST_NODE_TYPES.Identifier ? variableOf(request) : null;
  const lookedAtOnly = (requestVariable?.references ?? []).every((reference) => {
    const member = (reference.identifier as TSESTree.Node).parent;
    return (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === reference.identifier &&
      ['url', 'method', 'headers'].includes(propertyName(member) ?? '')
    );
  });
  return !handsOn && lookedAtOnly && !servesMcp(handler);
}

/** A module that serves MCP over stdio with the SDK's transport. */
const SERVES_STDIO =
  /\bStdioServerTransport\b[^;]*?['"]@modelcontextprotocol\/|['"]@modelcontextprotocol\/[^'"]*\/stdio(?:\.js)?['"]/u;

/**
 * Whether a `listen()`, in a module that serves MCP over stdio, starts a `node:http` server (made
 * where it is started, or held by a `const` the code only calls methods of, with no other request
 * listener) whose handler, a function of the project, only looks at the request
 * (`onlyLooksAtRequest`): a health or status endpoint beside the stdio server. A server that reads
 * no request body takes no JSON-RPC: it serves no MCP, whatever it answers.
 */
function answersWithoutServing(listen: TSESTree.CallExpression): boolean {
  if (!SERVES_STDIO.test(codeOf(listen).text)) return false;
  const receiver = calledMethodObject(listen);
  let made: TSESTree.Node | null = receiver && skipTypeWrappers(receiver);
  if (made?.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(made);
    const def = variable?.defs[0];
    if (!variable || def?.type !== 'Variable' || !def.node.init || !onlyItsMethodsCalled(variable)) return false;
    // `server.on('request', app)`, `server.on('upgrade', …)`: more than the handler answers.
    const listens = variable.references.some((reference) => {
      const call = outermostWrapper(reference.identifier as TSESTree.Node).parent?.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
      const event = call.arguments[0] && staticValue(call.arguments[0])?.value;
      return typeof event === 'string' && HANDLING_EVENTS.has(event);
    });
    if (listens) return false;
    made = skipTypeWrappers(def.node.init);
  } else if (resultHandedOn(listen)) {
    return false;
  }
  if (made?.type !== AST_NODE_TYPES.CallExpression || entitiesOf(made, 'handler-server').length === 0) return false;
  const given = made.arguments.at(-1);
  const handler = given && given.type !== AST_NODE_TYPES.SpreadElement ? resolveFunction(given) : null;
  return handler !== null && onlyLooksAtRequest(handler);
}

function isHandler(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression;
}

/**
 * Whether a listener closes the server as it runs (`srv.close(() => resolve(true))`, `this.close()`):
 * not in a function it only defines (a `stop()` handed back for later), nor on another object.
 */
function callsClose(fn: TSESTree.Node, servers: ReadonlySet<Scope.Variable>): boolean {
  const body = isFunctionNode(fn) ? fn.body : fn;
  let found = false;
  walk(
    body,
    (node) => {
      if (found || node.type !== AST_NODE_TYPES.CallExpression || calledMethodName(node) !== 'close') return;
      // Down a chain of the server's own methods: `probe.once('close', done).close()`.
      let held: TSESTree.Node | null = calledMethodObject(node);
      for (let steps = 0; held && steps < 10; steps++) {
        held = skipTypeWrappers(held);
        if (held.type !== AST_NODE_TYPES.CallExpression) break;
        held = calledMethodObject(held);
      }
      // `this` is the server in a listener that is a plain function (`function () { this.close(); }`).
      found =
        (held?.type === AST_NODE_TYPES.ThisExpression && fn.type === AST_NODE_TYPES.FunctionExpression) ||
        (held?.type === AST_NODE_TYPES.Identifier && servers.has(variableOf(held)!));
    },
    // The executor of a promise runs at once: `await new Promise((done) => srv.close(done))`.
    (node) => node === body || !isFunctionNode(node) || isPromiseExecutor(node),
  );
  return found;
}

/** Whether a function is the executor of `new Promise(…)`, which runs as the promise is made. */
function isPromiseExecutor(fn: TSESTree.Node): boolean {
  const parent = fn.parent;
  return (
    parent?.type === AST_NODE_TYPES.NewExpression &&
    parent.arguments[0] === fn &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    parent.callee.name === 'Promise'
  );
}

/**
 * The variables that hold the server a `listen()` starts: its result (`const srv = app.listen(…)`)
 * and what it is called on.
 */
function serverVariables(listen: TSESTree.CallExpression, made: TSESTree.Node): Set<Scope.Variable> {
  const variables = new Set<Scope.Variable>();
  for (const node of [outermostWrapper(listen), made]) {
    let holder: TSESTree.Node = node;
    while (holder.parent?.type === AST_NODE_TYPES.AwaitExpression) holder = holder.parent;
    const declarator = holder.parent;
    if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(declarator.id);
      if (variable) variables.add(variable);
    }
  }
  const receiver = calledMethodObject(listen);
  const named = receiver && skipTypeWrappers(receiver);
  if (named?.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(named);
    if (variable) variables.add(variable);
  }
  return variables;
}

/** A parameter (and a property path into it) whose value a function hands to a server as its host. */
export interface HostInput {
  readonly index: number;
  readonly path: readonly string[];
  readonly start: ServerStart;
  /** The defaults an `undefined` given there takes, in turn: the name's own, then `??` and `||` right sides. */
  readonly fallbacks: readonly TSESTree.Expression[];
}

const inputCache = new WeakMap<HandlerFunction, readonly HostInput[]>();

/**
 * Which parameters of a function become the host of a server it starts: `start(port, host)` that
 * calls `listen(port, host)`, `createServer(config)` whose `config.host` (or destructured
 * `{ host }`) reaches `Bun.serve({ hostname })`. What a caller passes there is what is bound.
 */
export function hostInputs(fn: HandlerFunction): readonly HostInput[] {
  let inputs = inputCache.get(fn);
  if (inputs) return inputs;
  inputs = [];
  inputCache.set(fn, inputs);
  const found: HostInput[] = [];
  for (const start of startsIn(fn)) {
    if (start.host.kind !== 'given') continue;
    for (const input of parameterPaths(start.host.value, fn, 0)) found.push({ ...input, start });
  }
  inputs = found;
  inputCache.set(fn, inputs);
  return inputs;
}

/** Where a parameter's value is read: its index, the property path into it, and the default of the name read. */
interface ParameterPath {
  readonly index: number;
  readonly path: string[];
  /**
   * `{ host = '127.0.0.1' }`: the defaults an `undefined` given there takes, in turn: the name's own
   * default, then the right sides of `options.host ?? process.env.HOST ?? 'localhost'`.
   */
  readonly fallbacks: readonly TSESTree.Expression[];
}

/** The parameters, with property paths, an expression takes its value from within a function. */
function parameterPaths(node: TSESTree.Node, fn: HandlerFunction, depth: number): ParameterPath[] {
  if (depth > 6) return [];
  const expression = skipTypeWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.LogicalExpression: {
      // `options.host ?? process.env.HOST ?? 'localhost'`: an `undefined` given there takes the
      // right sides, in turn.
      const { operator, right } = expression;
      const fallback = operator === '??' || operator === '||' ? [right] : [];
      return [
        ...parameterPaths(expression.left, fn, depth + 1).map((input) => ({
          ...input,
          fallbacks: [...input.fallbacks, ...fallback],
        })),
        ...parameterPaths(right, fn, depth + 1),
      ];
    }
    case AST_NODE_TYPES.ConditionalExpression:
      return [
        ...parameterPaths(expression.consequent, fn, depth + 1),
        ...parameterPaths(expression.alternate, fn, depth + 1),
      ];
    case AST_NODE_TYPES.MemberExpression: {
      const name = propertyName(expression);
      if (name === null) return [];
      return parameterPaths(expression.object, fn, depth + 1).map(({ index, path }) => ({
        index,
        path: [...path, name],
        fallbacks: [],
      }));
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = variableOf(expression);
      const def = variable?.defs[0];
      if (!def) return [];
      if (def.type === 'Parameter' && def.node === fn) {
        const name = def.name as TSESTree.Identifier;
        const parameter = fn.params.find((param) => containsNode(param, name));
        if (!parameter) return [];
        const index = fn.params.indexOf(parameter);
        const path = pathTo(parameter, name);
        const own = bindingDefault(name);
        return path ? [{ index, path, fallbacks: own ? [own] : [] }] : [];
      }
      if (
        def.type === 'Variable' &&
        def.node.init &&
        // The declaration writes the binding (once for its value, once for a default); any other write reassigns it.
        !variable!.references.some((reference) => reference.isWrite() && reference.identifier !== def.name)
      ) {
        const { id, init } = def.node;
        if (id.type === AST_NODE_TYPES.Identifier) return parameterPaths(init, fn, depth + 1);
        const path = pathTo(id, def.name as TSESTree.Identifier);
        if (!path) return [];
        const own = bindingDefault(def.name as TSESTree.Identifier);
        return parameterPaths(init, fn, depth + 1).map((input) => ({
          index: input.index,
          path: [...input.path, ...path],
          fallbacks: own ? [own] : [],
        }));
      }
      return [];
    }
    default:
      return [];
  }
}

/** The property path a name takes from a pattern: `[]` for the pattern itself, `['host']` for `{ host = x }`. */
function pathTo(pattern: TSESTree.Node, name: TSESTree.Identifier): string[] | null {
  if (pattern === name) return [];
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return pathTo(pattern.left, name);
  if (pattern.type === AST_NODE_TYPES.TSParameterProperty) return pathTo(pattern.parameter, name);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return null;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || !containsNode(property.value, name)) continue;
    const key = propertyName(property);
    const rest = pathTo(property.value, name);
    return key !== null && rest ? [key, ...rest] : null;
  }
  return null;
}

/** The name of what a call calls: `serve` for `serve(…)` and `Bun.serve(…)`. */
function calleeName(call: TSESTree.CallExpression): string | null {
  return nameOf(skipTypeWrappers(call.callee));
}

/**
 * The server or app an expression evaluates to: what an adapter makes, followed through
 * variables, class fields, imports, return values, every assignment of a `let` (all of them
 * servers), and methods that return the object itself (`express().use(cors()).listen()`).
 */
export function serverSourceOf(node: TSESTree.Node, steps = 0): ServerSource | null {
  if (steps > MAX_STEPS) return null;
  const expression = skipTypeWrappers(node);
  // Each expression is worked out once; one on the way to itself is no server.
  if (sourceCache.has(expression)) return sourceCache.get(expression) ?? null;
  sourceCache.set(expression, null);
  const source = serverSourceOfUncached(expression, steps);
  sourceCache.set(expression, source);
  return source;
}

/** What expressions turned out to be: trees are replaced when their files change, so nothing goes stale. */
const sourceCache = new WeakMap<TSESTree.Node, ServerSource | null>();

function serverSourceOfUncached(expression: TSESTree.Node, steps: number): ServerSource | null {
  const [entity] = entitiesOf(expression, 'server');
  if (entity) return onPlatform(entity.source, expression, steps);
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const object = calledMethodObject(expression);
    const method = calledMethodName(expression);
    const inner = object && method !== null ? serverSourceOf(object, steps + 1) : null;
    const made = inner?.makes && Object.hasOwn(inner.makes, method!) ? inner.makes[method!] : undefined;
    if (made) return onPlatform(made, expression, steps);
    if (inner) return inner.returnsItself.has(method!) ? inner : null;
  }
  // `cert ? https.createServer(options, h) : http.createServer(h)`: a server either way.
  if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
    const consequent = serverSourceOf(expression.consequent, steps + 1);
    const alternate = consequent && serverSourceOf(expression.alternate, steps + 1);
    return consequent && alternate ? eitherSource(consequent, alternate) : null;
  }
  // `options.app ?? express()`: the caller's app, or one of the same kind made here; it listens alike.
  if (
    expression.type === AST_NODE_TYPES.LogicalExpression &&
    (expression.operator === '??' || expression.operator === '||') &&
    givenByCaller(expression.left)
  ) {
    return serverSourceOf(expression.right, steps + 1);
  }
  const resolved = resolveExpression(expression);
  if (resolved && resolved !== expression) return serverSourceOf(resolved, steps + 1);
  if (expression.type !== AST_NODE_TYPES.Identifier && expression.type !== AST_NODE_TYPES.MemberExpression) return null;
  // `let server; if (tls) server = https.createServer(h); else server = http.createServer(h);`
  // A value that a server's start answers (`server = app.listen(port)`) is a server started there,
  // and reported there: what the other values are decides.
  const candidates = possibleValues(expression).filter(
    (candidate) => !candidate.known && !startedThere(candidate.node, steps),
  );
  if (candidates.length === 0 || candidates.some((candidate) => candidate.node === expression)) return null;
  const sources = candidates.map((candidate) => serverSourceOf(candidate.node, steps + 1));
  return sources.every((source) => source !== null)
    ? sources.reduce((either, source) => eitherSource(either, source))
    : null;
}

/**
 * The server a call makes, on the platform its `platformArgument` names when that is a server of
 * its own: NestJS's `NestFactory.create(AppModule, new FastifyAdapter())`.
 */
function onPlatform(source: ServerSource, made: TSESTree.Node, steps: number): ServerSource {
  const { platformArgument } = source;
  const platform =
    platformArgument !== undefined && made.type === AST_NODE_TYPES.CallExpression
      ? made.arguments[platformArgument]
      : undefined;
  return (platform && serverSourceOf(platform, steps + 1)) || source;
}

/** `app.listen(port)` of an app or server the analysis knows: what it answers was started there. */
function startedThere(node: TSESTree.Node, steps: number): boolean {
  const call = skipTypeWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || calledMethodName(call) !== 'listen') return false;
  const receiver = calledMethodObject(call);
  return receiver !== null && serverSourceOf(receiver, steps + 1)?.listen != null;
}

/** A parameter, or a property read from one (`options.app`, `this.opts.app` of a constructor's parameter property). */
function givenByCaller(node: TSESTree.Node): boolean {
  let expression = skipTypeWrappers(node);
  while (expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed) {
    if (expression.object.type === AST_NODE_TYPES.ThisExpression) {
      // `this.opts.app` of `constructor(private opts: …)`.
      const name = propertyName(expression);
      const declared = name === null ? null : classMemberDeclaration(expression, name);
      return declared?.parent?.type === AST_NODE_TYPES.TSParameterProperty;
    }
    expression = skipTypeWrappers(expression.object);
  }
  return expression.type === AST_NODE_TYPES.Identifier && variableOf(expression)?.defs[0]?.type === 'Parameter';
}

/**
 * One of two servers, as a report names it: `server.listen()` on a `node:https` or `node:http`
 * server, where the two differ only in their module and bind alike.
 */
function eitherSource(first: ServerSource, second: ServerSource): ServerSource {
  const [a, b] = [first.listen, second.listen];
  if (!a || !b || a === b || a.display === b.display) return first;
  const [ma, mb] = [/`(node:\w+)`/u.exec(a.display), /`(node:\w+)`/u.exec(b.display)];
  if (!ma || !mb || a.display.replace(ma[0], mb[0]) !== b.display || a.defaultBinding !== b.defaultBinding)
    return first;
  return { ...first, listen: { ...a, display: a.display.replace(ma[0], `${ma[0]} or ${mb[0]}`) } };
}

class HostReader {
  constructor(private readonly sourceCode: Readonly<SourceCode>) {}

  /** Bun's default export: the object holds the options; reported at its `port` (or `hostname`, or `fetch`). */
  readExport(api: StartApi, object: TSESTree.ObjectExpression): ServerStart {
    const at = (['port', 'hostname', 'fetch'] as const)
      .map((key) => serverOption(object, key))
      .find((found) => found.kind === 'found');
    return { api, call: object, callee: at?.property.key ?? object, host: this.readServeObject(api, object) };
  }

  /** An app a runtime serves as the default export: it binds the default host, which cannot be added to the app. */
  readExportedApp(
    api: StartApi,
    app: TSESTree.Identifier | TSESTree.NewExpression | TSESTree.ObjectExpression,
  ): ServerStart {
    return { api, call: app, callee: app, host: { kind: 'default', addHost: null } };
  }

  read(api: StartApi, call: TSESTree.CallExpression): ServerStart {
    const callee = skipTypeWrappers(call.callee);
    let host = call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)
      ? UNKNOWN
      : this.readHost(api, call);
    const before = api.everyInterfaceBefore;
    if (before && host.kind !== 'unknown' && host.kind !== 'socket' && installedBefore(call, before)) {
      host = { kind: 'default', addHost: null, binding: before.binding };
    }
    return { api, call, callee: startName(callee), host };
  }

  /** `new WebSocketServer(options)`: a start when its options give a `port`, else none (`null`). */
  readWebSocketServer(api: StartApi, made: TSESTree.NewExpression): ServerStart | null {
    const [first] = made.arguments;
    const options = first && first.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(first) : null;
    if (!options) return null;
    const port = findObjectProperty(options, 'port');
    if (port.kind !== 'found') return null;
    // ws listens only when `options.port != null`: `port: undefined` beside `noServer` binds nothing.
    const ports = port.value ? possibleValues(port.value) : [];
    if (ports.length > 0 && ports.every((candidate) => candidate.known && candidate.value == null)) return null;
    return {
      api,
      call: made,
      callee: startName(skipTypeWrappers(made.callee)),
      host: this.readHostProperty(api, options),
    };
  }

  private readHost(api: StartApi, call: TSESTree.CallExpression): HostReading {
    switch (api.signature) {
      case 'node-listen':
        return this.readNodeListen(api, call);
      case 'fastify-listen':
        return this.readFastifyListen(api, call);
      case 'serve-options':
        return this.readServeOptions(api, call);
      case 'deno-serve':
        return this.readDenoServe(api, call);
      case 'handler-options':
        return this.readHandlerOptions(api, call);
      case 'app-options':
        return this.readAppOptions(api, call);
      case 'fastmcp-start':
        return this.readFastmcpStart(api, call);
      case 'construction-host':
        return this.readConstructionHost(api, call);
      case 'port-or-options':
        return this.readPortOrOptions(api, call);
      case 'hapi-start':
        return this.readHapiStart(api, call);
      case 'no-host':
        return { kind: 'default', addHost: null };
      case 'ws-options':
        return UNKNOWN;
    }
  }

  /**
   * mcp-use's `server.listen(port?, { host })`: the host given there (mcp-use 2), else the `host`
   * the server was made with (`new MCPServer({ host })`), else the framework's loopback default.
   */
  private readConstructionHost(api: StartApi, call: TSESTree.CallExpression): HostReading {
    // mcp-use 1's `listen(port)` takes nothing more.
    const [, second] = call.arguments;
    if (second && api.listenOptions) {
      const options = resolveObjectExpression(second);
      if (!options) return UNKNOWN;
      const reading = this.readHostProperty(api, options);
      if (reading.kind !== 'default') return reading;
    }
    const receiver = calledMethodObject(call);
    const made = receiver && madeBy(receiver);
    if (!made) return UNKNOWN;
    const argument = optionsArgumentOf(made);
    if (!argument)
      return made.arguments.some((a) => a.type === AST_NODE_TYPES.SpreadElement)
        ? UNKNOWN
        : { kind: 'default', addHost: null };
    const options = resolveObjectExpression(argument);
    if (!options) return UNKNOWN;
    const reading = this.readHostProperty(api, options);
    return reading.kind === 'default' ? { kind: 'default', addHost: null } : reading;
  }

  /**
   * hapi's `server.start()`: the `address` of the options the server was made with, else their
   * `host` (where a fix adds one), else hapi's default; a `port` string that names no number is a
   * Unix socket.
   */
  private readHapiStart(api: StartApi, call: TSESTree.CallExpression): HostReading {
    if (call.arguments.length > 0) return UNKNOWN;
    const receiver = calledMethodObject(call);
    const made = receiver && madeBy(receiver);
    if (!made) return UNKNOWN;
    // hapi 16 and before: `new Hapi.Server()`, then `server.connection({ host, port })`.
    if (receiver && calledOnAlso(receiver, 'connection')) return UNKNOWN;
    const [argument] = made.arguments;
    if (!argument) return { kind: 'default', addHost: null };
    if (argument.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
    const options = resolveObjectExpression(argument);
    if (!options) return UNKNOWN;
    // `autoListen: false`: `start()` listens on nothing; the code hands hapi a listener of its own.
    const autoListen = serverOption(options, 'autoListen');
    if (autoListen.kind === 'unknown') return UNKNOWN;
    if (autoListen.kind === 'found' && autoListen.value) {
      const values = possibleValues(autoListen.value);
      if (values.some((value) => !value.known || value.value === false)) return UNKNOWN;
    }
    const port = serverOption(options, 'port');
    if (port.kind === 'unknown') return UNKNOWN;
    if (port.kind === 'found' && port.value) {
      const ports = possibleValues(port.value);
      if (
        ports.length > 0 &&
        ports.every((value) => value.known && typeof value.value === 'string' && isPipeName(value.value))
      )
        return SOCKET;
    }
    // hapi listens on `address || host`: an `address` that may be empty leaves it to `host`.
    const address = serverOption(options, 'address');
    if (address.kind === 'unknown') return UNKNOWN;
    if (address.kind === 'found') {
      if (!address.value) return UNKNOWN;
      const values = possibleValues(address.value);
      const mayBeEmpty = values.some((value) => value.known && !value.value);
      const unknown = values.some((value) => !value.known);
      const host = serverOption(options, 'host');
      if (mayBeEmpty || (unknown && host.kind === 'found')) return this.readHostProperty(api, options);
      return { kind: 'given', node: address.property, value: address.value, certain: true };
    }
    return this.readHostProperty(api, options);
  }

  /**
   * Elysia's `listen(port | options, cb?)`: the options' host; else the host of the options the app
   * was made with (`new Elysia({ serve: { hostname } })`), which the call's are spread over; else
   * the default, which a fix replaces the port with options for.
   */
  private readPortOrOptions(api: StartApi, call: TSESTree.CallExpression): HostReading {
    const [first] = call.arguments;
    if (!first || first.type === AST_NODE_TYPES.SpreadElement || this.isFunction(first)) return UNKNOWN;
    const options = resolveObjectExpression(first);
    let reading: HostReading;
    if (options) {
      reading = this.readServeObject(api, options);
    } else {
      // A port: a number or a numeric string the code shows, or a name that says so
      // (`Number(process.env.PORT)`, `config.port`); not an object from where the file cannot see.
      const ports = possibleValues(first);
      const isPort =
        ports.some((candidate) => candidate.known && ['number', 'string'].includes(typeof candidate.value)) ||
        mentionsPort(first);
      if (!isPort) return UNKNOWN;
      reading = {
        kind: 'default',
        addHost: (fixer, host) =>
          fixer.replaceText(first, `{ port: ${this.sourceCode.getText(first)}, ${api.hostKey}: ${host} }`),
      };
    }
    if (reading.kind !== 'default') return reading;
    const receiver = calledMethodObject(call);
    const key = receiver && serverSourceOf(receiver)?.constructionServe;
    const made = key ? constructionOf(receiver) : null;
    if (!key || !made) return reading;
    const [argument] = made.arguments;
    if (!argument) return reading;
    const construction = argument.type === AST_NODE_TYPES.SpreadElement ? null : resolveObjectExpression(argument);
    if (!construction) return UNKNOWN;
    const serve = findObjectProperty(construction, key);
    if (serve.kind === 'missing') return reading;
    const serveOptions = serve.kind === 'found' && serve.value ? resolveObjectExpression(serve.value) : null;
    if (!serveOptions) return UNKNOWN;
    const configured = this.readServeObject(api, serveOptions);
    return configured.kind === 'default' ? reading : configured;
  }

  /**
   * `start({ transportType: 'httpStream', httpStream: { port, host } })`: a server only for the
   * HTTP stream transport written as such (with no options, fastmcp reads the transport from its
   * command line and environment, and defaults to stdio).
   */
  private readFastmcpStart(api: StartApi, call: TSESTree.CallExpression): HostReading {
    const [first] = call.arguments;
    const options = first && first.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(first) : null;
    if (!options) return UNKNOWN;
    const transport = findObjectProperty(options, 'transportType');
    // `transportType: process.env.TRANSPORT === 'stdio' ? 'stdio' : 'httpStream'`: the HTTP server
    // when it is one.
    const types =
      transport.kind === 'found' && transport.value
        ? possibleValues(transport.value).flatMap((candidate) => (candidate.known ? [candidate.value] : []))
        : [];
    // fastmcp 1's `transportType: 'sse'` (removed in 2.0.0) took `sse: { endpoint, port }` and no host.
    if (types.includes('sse') && !types.includes('httpStream') && api.everyInterfaceBefore)
      return { kind: 'default', addHost: null };
    if (!types.includes('httpStream')) return UNKNOWN;
    const stream = findObjectProperty(options, 'httpStream');
    // `httpStream: http ? { port, host } : undefined`: the options whenever it serves HTTP.
    const object = stream.kind === 'found' && stream.value ? resolveObjectWhenSet(stream.value) : null;
    if (!object) return stream.kind === 'missing' ? { kind: 'default', addHost: null } : UNKNOWN;
    return this.readHostProperty(api, object);
  }

  private readNodeListen(api: StartApi, call: TSESTree.CallExpression): HostReading {
    const [first, second, third] = call.arguments as TSESTree.Expression[];
    // `listen()` and `listen(cb)` pick a random port on every interface; port 0 keeps that.
    if (!first)
      return { kind: 'default', addHost: (fixer, host) => appendArgument(fixer, this.sourceCode, call, `0, ${host}`) };
    if (this.isFunction(first))
      return { kind: 'default', addHost: (fixer, host) => insertArgumentBefore(fixer, first, `0, ${host}`) };
    const options = resolveObjectExpression(first);
    if (options) return this.readListenOptions(api, options, true);
    const isPath = (candidate: PossibleValue): boolean =>
      candidate.known && typeof candidate.value === 'string' && isPipeName(candidate.value);
    const values = possibleValues(first);
    // A name says socket only where no value the code shows is a port (`ports.websock` of 3001).
    const numbered = values.some((candidate) => candidate.known && typeof candidate.value === 'number');
    // `this.channel` holding `opts.channel || socketPath()`: a value the code shows is a path.
    // Not where another value may be a port (`process.env.PORT || socketFile()`).
    const pathLike =
      namesSocketPath(first) ||
      (values.some((candidate) => !candidate.known && namesSocketPath(candidate.node)) &&
        !values.some((candidate) => mentionsPort(candidate.node)));
    if (values.some(isPath) || (pathLike && !numbered)) return SOCKET;
    // Anything else is taken as a port, as it nearly always is (`Number(process.env.PORT)`).
    // Node reads the second argument as the host only when it is a string.
    if (!second || this.isFunction(second) || typeof this.staticValue(second)?.value === 'number') {
      return { kind: 'default', addHost: (fixer, host) => this.addListenHost(fixer, api, call, host) };
    }
    // A third argument, or an environment variable, makes the second a host rather than a callback.
    const readsEnvironment = possibleValues(second).some(
      (candidate) => !candidate.known && environmentReadName(candidate.node) !== undefined,
    );
    return { kind: 'given', node: second, value: second, certain: third !== undefined || readsEnvironment };
  }

  /**
   * `listen(port, host, …)`. TypeScript types every overload that takes a host with a numeric
   * port, so a port that may be a string (`process.env.PORT || 3000`, which `listen(port, cb)`
   * passed as a `handle: any`) becomes `Number(port)`; one that may also be undefined (a bare
   * `process.env.PORT`, where Node picks a port) keeps its value in Node's options object instead:
   * `listen({ port, host }, cb)`, which Node reads as it read the port.
   */
  private addListenHost(
    fixer: RuleFixer,
    api: StartApi,
    call: TSESTree.CallExpression,
    host: string,
  ): RuleFix | RuleFix[] {
    const [port, second] = call.arguments as TSESTree.Expression[];
    const typed = isTypeScriptFile(moduleOf(call).file ?? '') && api.portTakesString !== true;
    const typing = typed ? portTyping(port!) : 'number';
    if (typing === 'string-or-undefined') {
      return fixer.replaceText(port!, `{ port: ${this.sourceCode.getText(port)}, host: ${host} }`);
    }
    const added = second
      ? insertArgumentBefore(fixer, second, host)
      : appendArgument(fixer, this.sourceCode, call, host);
    return typing === 'string' ? [fixer.replaceText(port!, `Number(${this.sourceCode.getText(port)})`), added] : added;
  }

  private readFastifyListen(api: StartApi, call: TSESTree.CallExpression): HostReading {
    const [first, second] = call.arguments as TSESTree.Expression[];
    if (!first || this.isFunction(first)) return { kind: 'default', addHost: null };
    const options = resolveObjectExpression(first);
    if (options) return this.readListenOptions(api, options, false);
    // Fastify 4's deprecated `listen(port, host, backlog, cb)`, which Fastify 5 removed.
    if (second && !this.isFunction(second)) return { kind: 'given', node: second, value: second, certain: true };
    return UNKNOWN;
  }

  /** Options of Node's `listen` (which Fastify passes on): a port binds a host, a path alone a socket. */
  private readListenOptions(api: StartApi, options: TSESTree.ObjectExpression, handles: boolean): HostReading {
    if (handles) {
      // `options._handle || options.handle` and a numeric `fd` listen on something already bound.
      for (const key of ['_handle', 'handle', 'fd']) {
        const handle = findObjectProperty(options, key);
        if (handle.kind === 'found') return SOCKET;
        if (handle.kind === 'unknown') return UNKNOWN;
      }
    }
    const port = findObjectProperty(options, 'port');
    if (port.kind === 'unknown') return UNKNOWN;
    if (port.kind === 'missing') {
      // With neither a port nor a path, Node throws before it binds anything.
      const path = findObjectProperty(options, api.socketKey ?? 'path');
      return path.kind === 'found' ? SOCKET : UNKNOWN;
    }
    return this.readHostProperty(api, options);
  }

  private readServeOptions(api: StartApi, call: TSESTree.CallExpression): HostReading {
    const [first] = call.arguments as TSESTree.Expression[];
    if (!first) return UNKNOWN;
    const options = resolveObjectExpression(first);
    if (options) return this.readServeObject(api, options);
    // A Hono app passed whole (`serve(app)`) has a `fetch` and no `hostname`.
    if (serverSourceOf(first)?.fetchHandler) {
      return {
        kind: 'default',
        addHost:
          first.type === AST_NODE_TYPES.Identifier
            ? (fixer, host) => fixer.replaceText(first, `{ fetch: ${first.name}.fetch, ${api.hostKey}: ${host} }`)
            : null,
      };
    }
    return UNKNOWN;
  }

  private readDenoServe(api: StartApi, call: TSESTree.CallExpression): HostReading {
    const [first, second] = call.arguments as TSESTree.Expression[];
    if (!first) return UNKNOWN;
    const options = resolveObjectExpression(first);
    if (options) return this.readServeObject(api, options);
    if (second || !(this.isFunction(first) || this.isFetchHandler(first))) return UNKNOWN;
    // `Deno.serve(handler)`: the options go first.
    return {
      kind: 'default',
      addHost: (fixer, host) => insertArgumentBefore(fixer, first, `{ ${api.hostKey}: ${host} }`),
    };
  }

  /** std's `serve(handler, options?)`: the options after the handler. */
  private readHandlerOptions(api: StartApi, call: TSESTree.CallExpression): HostReading {
    const [first] = call.arguments as TSESTree.Expression[];
    if (!first || !(this.isFunction(first) || this.isFetchHandler(first))) return UNKNOWN;
    return this.readAppOptions(api, call);
  }

  /**
   * h3 2's `serve(app, options?)`: whatever it is given first is the app it serves; the options
   * second, as Deno std's `serve(handler, options?)` takes them.
   */
  private readAppOptions(api: StartApi, call: TSESTree.CallExpression): HostReading {
    const [first, second] = call.arguments;
    if (!first || first.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
    if (!second) {
      return {
        kind: 'default',
        addHost: (fixer, host) => appendArgument(fixer, this.sourceCode, call, `{ ${api.hostKey}: ${host} }`),
      };
    }
    if (second.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
    const options = resolveObjectExpression(second);
    return options ? this.readServeObject(api, options) : UNKNOWN;
  }

  private readServeObject(api: StartApi, options: TSESTree.ObjectExpression): HostReading {
    if (api.socketKey) {
      const socket = serverOption(options, api.socketKey);
      if (socket.kind === 'found') return SOCKET;
      if (socket.kind === 'unknown') return UNKNOWN;
    }
    return this.readHostProperty(api, options);
  }

  private readHostProperty(api: StartApi, options: TSESTree.ObjectExpression): HostReading {
    const host = serverOption(options, api.hostKey);
    if (host.kind === 'unknown') return UNKNOWN;
    if (host.kind === 'missing') {
      return {
        kind: 'default',
        addHost: (fixer, text) => {
          // Before the options a caller may give (`{ hostname: '127.0.0.1', ...options, fetch }`),
          // which none gives a host today: a caller can still choose one.
          const given = options.properties.find(
            (property) =>
              property.type === AST_NODE_TYPES.SpreadElement && parameterNeverSets(property.argument, api.hostKey),
          );
          if (given) return insertObjectPropertyBefore(fixer, this.sourceCode, given, `${api.hostKey}: ${text}`);
          // Beside the port, and clear of a handler that follows it (which other fixes edit).
          const port = serverOption(options, 'port');
          return port.kind === 'found'
            ? insertObjectPropertyAfter(fixer, this.sourceCode, options, port.property, `${api.hostKey}: ${text}`)
            : appendObjectProperty(fixer, this.sourceCode, options, `${api.hostKey}: ${text}`);
        },
      };
    }
    if (!host.value) return UNKNOWN;
    return { kind: 'given', node: host.property, value: host.value, certain: true };
  }

  /** `app.fetch` of a Hono app: a request handler. */
  private isFetchHandler(node: TSESTree.Node): boolean {
    const expression = skipTypeWrappers(node);
    if (expression.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (propertyName(expression) !== 'fetch') return false;
    return serverSourceOf(expression.object)?.fetchHandler === true;
  }

  /** A function the file shows: written inline, declared, held in a constant, or bound with `.bind()`. */
  private isFunction(node: TSESTree.Node): boolean {
    const expression = skipTypeWrappers(resolveExpression(node) ?? node);
    switch (expression.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
        return true;
      case AST_NODE_TYPES.Identifier: {
        const variable = variableOf(expression);
        if (variable?.defs.length !== 1) return false;
        // `listen(port: number, cb?: () => void) { this.app.listen(port, cb); }`: typed as a callback.
        const def = variable.defs[0]!;
        return def.type === 'FunctionName' || typedAsFunction(def.name);
      }
      case AST_NODE_TYPES.CallExpression:
        return calledMethodName(expression) === 'bind';
      default:
        return false;
    }
  }

  private staticValue(node: TSESTree.Node): { value: unknown } | null {
    return staticValue(node);
  }
}

/** Whether a declared name's type is a function's, or a function's or nothing (`cb?: () => void`). */
function typedAsFunction(name: TSESTree.Node): boolean {
  const annotation = name.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
  if (!annotation) return false;
  const types = annotation.type === AST_NODE_TYPES.TSUnionType ? annotation.types : [annotation];
  const values = types.filter(
    (type) => type.type !== AST_NODE_TYPES.TSUndefinedKeyword && type.type !== AST_NODE_TYPES.TSNullKeyword,
  );
  return values.length > 0 && values.every((type) => type.type === AST_NODE_TYPES.TSFunctionType);
}

/** The name of what a start calls or makes, where reports about it belong: `listen` of `app.listen`. */
function startName(callee: TSESTree.Node): TSESTree.Node {
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
}

/**
 * A `listen()` argument that is a file system path by how it is made or named: a `path.join()` or
 * `path.resolve()` of `node:path` (`listen(join(tmpdir(), 'bus.sock'))`), a name that ends in
 * `Path`, `Sock`, `Socket` or `Pipe` (`this.#socketPath`, `ipcPipe`, `paths.sock`, `socketPath()`),
 * a function of the project that returns only such values or strings that name no port
 * (`` `\\\\.\\pipe\\${name}` ``), or a fallback to one (`opts.channel || socketPath()`): no port is
 * built or named so.
 */
function namesSocketPath(node: TSESTree.Node, depth = 0): boolean {
  const expression = skipTypeWrappers(node);
  // `options.channel || socketPath()`; not `process.env.PORT || socketPath()`, a port when it is set.
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator !== '&&') {
    const sides = [expression.left, expression.right];
    return sides.some((side) => namesSocketPath(side, depth)) && !sides.some(mentionsPort);
  }
  if (expression.type === AST_NODE_TYPES.TemplateLiteral) {
    const head = expression.quasis[0]?.value.cooked ?? '';
    return head !== '' && isPipeName(head) && !/:$/u.test(head);
  }
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const ref = externalRefOf(expression.callee);
    const name = ref?.names.at(-1);
    if ((ref?.module === 'path' || ref?.module === 'node:path') && (name === 'join' || name === 'resolve')) return true;
    const callee = skipTypeWrappers(expression.callee);
    const calleeName = nameOf(callee);
    if (calleeName !== null && namesPath(calleeName)) return true;
    const fn = depth < 2 ? resolveFunction(callee) : null;
    const returned = fn ? returnedExpressions(fn) : [];
    return (
      returned.length > 0 &&
      returned.every((value) => {
        const candidates = possibleValues(value);
        return (
          namesSocketPath(value, depth + 1) ||
          (candidates.length > 0 &&
            candidates.every(
              (candidate) =>
                (candidate.known && typeof candidate.value === 'string' && isPipeName(candidate.value)) ||
                (!candidate.known && namesSocketPath(candidate.node, depth + 1)),
            ))
        );
      })
    );
  }
  const name =
    expression.type === AST_NODE_TYPES.Identifier
      ? expression.name
      : expression.type === AST_NODE_TYPES.MemberExpression
        ? expression.property.type === AST_NODE_TYPES.PrivateIdentifier
          ? expression.property.name
          : memberName(expression)
        : null;
  return name !== null && namesPath(name);
}

/** Whether an expression's text names a port (`process.env.PORT`, `options.port`): it may be one. */
function mentionsPort(node: TSESTree.Node): boolean {
  return /port/iu.test(codeOf(node).getText(node));
}

/** A name of a socket path or pipe (`socketPath`, `ipcPipe`), not of a port (`portPath`). */
function namesPath(name: string): boolean {
  return /(?:path|sock(?:et)?|pipe)$/iu.test(name) && !/port/iu.test(name);
}

/** Whether the code calls `method` on what a name holds, anywhere (`server.connection(…)` of an old hapi server). */
function calledOnAlso(receiver: TSESTree.Node, method: string): boolean {
  const name = skipTypeWrappers(receiver);
  if (name.type !== AST_NODE_TYPES.Identifier) return false;
  return (variableOf(name)?.references ?? []).some((reference) => {
    const used = outermostWrapper(reference.identifier as TSESTree.Node);
    const member = used.parent;
    return (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === used &&
      propertyName(member) === method &&
      member.parent?.type === AST_NODE_TYPES.CallExpression
    );
  });
}

/** Node's `isPipeName`: a string that is not a non-negative number names a socket or pipe. */
function isPipeName(value: string): boolean {
  return !(Number(value) >= 0);
}

/** Where a host lets connections in from. */
export type HostScope = 'every-interface' | 'loopback' | 'other';

const EVERY_INTERFACE = new Set(['', '0.0.0.0', '::', '::0', '0:0:0:0:0:0:0:0']);
const LOOPBACK_NAMES = new Set(['localhost', '::1', '0:0:0:0:0:0:0:1']);
const IPV4_LOOPBACK = /^(?:::ffff:)?127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/u;

/** Whether a value, as a host, names the loopback interface (`127.0.0.0/8`, `localhost`, `::1`). */
export function namesLoopback(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const host = normalizeHost(value);
  if (LOOPBACK_NAMES.has(host)) return true;
  const ipv4 = IPV4_LOOPBACK.exec(host);
  return ipv4 !== null && ipv4.slice(1).every((part) => Number(part) <= 255);
}

/** Whether a value, as a host, names every interface (`'0.0.0.0'`, `'::'`, `''`). */
export function namesEveryInterface(value: unknown): boolean {
  return typeof value === 'string' && EVERY_INTERFACE.has(normalizeHost(value));
}

/** A host as the network stack compares it: lower case, without the brackets of `[::1]`. */
export function normalizeHost(host: string): string {
  return host.toLowerCase().replace(/^\[(.*)\]$/su, '$1');
}

/**
 * Where an API that is given this host value lets connections in from: every interface (`0.0.0.0`,
 * `::`, `''`, and `undefined` or `null` where the API's default is every interface), loopback
 * (`127.0.0.0/8`, `localhost`, `::1`), or some other address. `null` for a value that is no host.
 */
export function hostScope(api: ServerApi, value: unknown): HostScope | null {
  if (value === undefined || value === null) return api.defaultBinding === null ? 'loopback' : 'every-interface';
  if (typeof value !== 'string') return null;
  const host = normalizeHost(value);
  if (EVERY_INTERFACE.has(host)) return 'every-interface';
  return namesLoopback(host) ? 'loopback' : 'other';
}

const localAppsByProgram = new WeakMap<TSESTree.Program, ReadonlyMap<TSESTree.Node, boolean>>();

/**
 * The apps of the linted file that it starts, by where each was made (`express()`,
 * `createMcpHonoApp()`), each with whether it is served only on loopback (or a socket): every start
 * in the file binds a loopback host (`app.listen(port, '127.0.0.1')`, `serve({ fetch: app.fetch,
 * hostname: 'localhost' })`, `http.createServer(app).listen(port, '::1')`, Fastify's default), and
 * the file does not export it, for other code to serve elsewhere.
 */
export function localApps(sourceCode: Readonly<SourceCode>): ReadonlyMap<TSESTree.Node, boolean> {
  let found = localAppsByProgram.get(sourceCode.ast);
  if (found) return found;
  const local = new Map<TSESTree.Node, boolean>();
  for (const start of serverStarts(sourceCode)) {
    const app = startedApp(start);
    if (app) local.set(app, (local.get(app) ?? !exportedValue(app)) && bindsLoopback(start));
  }
  found = local;
  localAppsByProgram.set(sourceCode.ast, found);
  return found;
}

/**
 * Whether other modules can reach the value made at `node`: `export const app = …`,
 * `export default app`, `export { app }`, `module.exports = app`, `module.exports = { app }`.
 */
export function exportedValue(node: TSESTree.Node): boolean {
  const holder = node.parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) {
    return holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
  }
  if (holder.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
  return (variableOf(holder.id)?.references ?? []).some((reference) => {
    const parent = (reference.identifier as TSESTree.Node).parent;
    return (
      parent?.type === AST_NODE_TYPES.ExportSpecifier ||
      parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      (parent?.type === AST_NODE_TYPES.AssignmentExpression && /exports/u.test(codeOf(parent).getText(parent.left))) ||
      (parent?.type === AST_NODE_TYPES.Property && parent.parent?.parent?.type === AST_NODE_TYPES.AssignmentExpression)
    );
  });
}

/**
 * What a start given no host binds, as a clause for messages; `null` for loopback: the installed
 * version's (`everyInterfaceBefore`), else the API's.
 */
export function defaultBinding(api: ServerApi, host: HostReading & { kind: 'default' }): string | null {
  return host.binding ?? api.defaultBinding;
}

/**
 * Whether a start binds only loopback: every value its host can have that the code shows is a
 * loopback address, and there is one (`process.env.HOST ?? '127.0.0.1'`, `cfg.host || 'localhost'`:
 * the fallback the fix of `require-loopback-host` writes, which that rule accepts too).
 */
function bindsLoopback(start: ServerStart): boolean {
  const { host } = start;
  if (host.kind === 'socket') return true;
  if (host.kind === 'default') return defaultBinding(start.api, host) === null;
  if (host.kind !== 'given') return false;
  const values = possibleValues(host.value);
  const loopback = (value: PossibleValue): boolean => value.known && hostScope(start.api, value.value) === 'loopback';
  return values.some(loopback) && values.every((value) => !value.known || loopback(value));
}

/**
 * Where the app a start serves was made: the receiver of `.listen()`, the handler of
 * `createServer(app)`, or `fetch: app.fetch`.
 */
export function startedApp(start: ServerStart): TSESTree.Node | null {
  const { call } = start;
  let served: TSESTree.Node | null | undefined;
  if (call.type === AST_NODE_TYPES.ObjectExpression) {
    served = fetchOwner(call);
  } else if (call.type === AST_NODE_TYPES.Identifier || call.type === AST_NODE_TYPES.NewExpression) {
    served = call;
  } else if (START_METHODS.has(calledMethodName(call) ?? '')) {
    served = calledMethodObject(call);
    const made = served && skipTypeWrappers(resolveExpression(served) ?? served);
    // `http.createServer(app).listen(…)`: the app is the request handler.
    if (made?.type === AST_NODE_TYPES.CallExpression && entitiesOf(made, 'handler-server').length > 0) {
      // `https.createServer(options, app)`: the handler is the last argument.
      served = made.arguments.at(-1) ?? null;
    }
  } else {
    const [first] = call.arguments;
    const options = first && first.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(first) : null;
    served = options && fetchOwner(options);
  }
  if (!served) return null;
  const node = skipTypeWrappers(served);
  return skipTypeWrappers(resolveExpression(node) ?? node);
}

/** Whether an expression is an app whose own `fetch` a runtime can serve: a Hono app. */
function servesFetch(expression: TSESTree.Expression): boolean {
  const made = skipTypeWrappers(resolveExpression(expression) ?? expression);
  return entitiesOf(made, 'app').some((entity) => entity.framework === 'hono');
}

/**
 * A property of server options that may spread a Hono app in (`serve({ ...app, port })`, Bun's
 * `export default { ...app, port }`): the app brings its own `fetch` (a field of every instance)
 * and nothing else a server reads, so only the other properties can set `key`.
 */
function serverOption(options: TSESTree.ObjectExpression, key: string): PropertyLookup {
  return findObjectProperty(options, key, 0, (argument) => servesFetch(argument) || parameterNeverSets(argument, key));
}

/**
 * Whether a spread in server options is a parameter that no call sets `key` through: every call
 * of its function, in its module and in those that import it, passes nothing there, `undefined`,
 * or an object literal without `key` (`Bun.serve({ ...options, fetch })` in `function
 * handle(server, options?)`, called only as `handle(server)`).
 */
function parameterNeverSets(argument: TSESTree.Expression, key: string): boolean {
  const spread = skipTypeWrappers(argument);
  const def = spread.type === AST_NODE_TYPES.Identifier ? variableOf(spread)?.defs[0] : undefined;
  if (def?.type !== 'Parameter' || !isFunctionNode(def.node)) return false;
  const fn = def.node;
  const index = fn.params.findIndex(
    (param) =>
      param === def.name ||
      (param.type === AST_NODE_TYPES.AssignmentPattern &&
        param.left === def.name &&
        skipTypeWrappers(param.right).type === AST_NODE_TYPES.ObjectExpression &&
        (param.right as TSESTree.ObjectExpression).properties.length === 0),
  );
  if (index === -1 || fn.params.slice(0, index).some((param) => param.type === AST_NODE_TYPES.RestElement))
    return false;
  const found = usesOfFunction(fn);
  if (!found?.complete || found.uses.length === 0) return false;
  return found.uses.every((use) => {
    const call = outermostWrapper(use).parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== outermostWrapper(use)) return false;
    if (call.arguments.slice(0, index + 1).some((given) => given.type === AST_NODE_TYPES.SpreadElement)) return false;
    const given = call.arguments[index];
    if (!given || isNullishLiteral(skipTypeWrappers(given))) return true;
    const object = resolveObjectExpression(given);
    return object !== null && findObjectProperty(object, key).kind === 'missing';
  });
}

/** The Hono app spread into server options (`{ ...app, port }`), which serves their requests. */
function spreadApp(options: TSESTree.ObjectExpression): TSESTree.Expression | null {
  for (const property of options.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement && servesFetch(property.argument)) return property.argument;
  }
  return null;
}

/** `app` in `{ fetch: app.fetch }` (or `{ ...app }`). */
function fetchOwner(options: TSESTree.ObjectExpression): TSESTree.Node | null {
  const fetch = findObjectProperty(options, 'fetch');
  if (fetch.kind === 'unknown') return spreadApp(options);
  if (fetch.kind !== 'found' || !fetch.value) return null;
  const value = skipTypeWrappers(fetch.value);
  return value.type === AST_NODE_TYPES.MemberExpression ? value.object : null;
}

/**
 * Whether a server start is a test's, on a port the system picks: in a test (`inTest`), and given
 * port `0` or no port (`app.listen(0)`, `server.listen()`, `listen({ port: 0 })`, `Bun.serve({
 * port: 0, fetch })`, `new WebSocketServer({ port: 0 })`). It lives as long as the test, on a port
 * no page can know ahead. A test's server on a fixed port (`app.listen(3000)`) is not one.
 */
export function ephemeralTestStart(start: ServerStart): boolean {
  const { call } = start;
  if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return false;
  if (!inTest(call)) return testHelperOnPickedPort(call);
  const [first] = call.arguments;
  if (!first || isFunctionNode(first))
    return call.type === AST_NODE_TYPES.CallExpression && calledMethodName(call) === 'listen';
  if (first.type === AST_NODE_TYPES.SpreadElement) return false;
  const options = resolveObjectExpression(first);
  if (options) {
    const port = findObjectProperty(options, 'port');
    return port.kind === 'found' && port.value !== null && systemPickedPort(port.value);
  }
  return systemPickedPort(first);
}

/**
 * Whether a start lies in a function of a test helper module (`inTestHelper`) that is given its
 * port, at every call the package's tests make, as `0` or not at all where its default is `0`
 * (`export function startTestServer(server, port = 0) { … Bun.serve({ port, fetch }) … }`, called
 * as `startTestServer(server)` by each test): it serves only while a test runs, on a port the
 * system picks.
 */
function testHelperOnPickedPort(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const port = startPort(call);
  const value = port && skipTypeWrappers(port);
  if (value?.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(value)?.defs[0];
  if (def?.type !== 'Parameter' || !isFunctionNode(def.node)) return false;
  const fn = def.node;
  const index = fn.params.findIndex(
    (param) => param === def.name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name),
  );
  const param = fn.params[index];
  const fallback = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.right : null;
  const name = index >= 0 ? exportedFunctionName(fn) : null;
  const { file } = moduleOf(fn);
  if (name === null || file === null || !inTestHelper(fn)) return false;
  return pickedAtEveryCall(importerCalls(file, [name], true), index, fallback, 0);
}

/**
 * Whether calls of a function, all of which are known and one at least, each give its parameter at
 * `index` a port the system picks, or give none where its default `fallback` is one.
 */
function pickedAtEveryCall(
  found: { calls: readonly Invocation[]; complete: boolean } | null,
  index: number,
  fallback: TSESTree.Node | null,
  depth: number,
): boolean {
  return (
    found !== null &&
    found.complete &&
    found.calls.length > 0 &&
    found.calls.every((call) => {
      const given = call.arguments[index];
      if (given === undefined) return fallback !== null && systemPickedPort(fallback, depth);
      return given.type !== AST_NODE_TYPES.SpreadElement && systemPickedPort(given, depth);
    })
  );
}

/** The port a start is given: its first argument, or the `port` of the options it is given. */
function startPort(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Node | null {
  const [first] = call.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement || isFunctionNode(first)) return null;
  const options = resolveObjectExpression(first);
  if (!options) return first;
  const port = findObjectProperty(options, 'port');
  return port.kind === 'found' ? port.value : null;
}

/** The name a module exports a function declared at its top under: `export function f`, `export const f = …`. */
function exportedFunctionName(fn: HandlerFunction): string | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration)
    return fn.id && fn.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? fn.id.name : null;
  const declarator = outermostWrapper(fn).parent;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.id.type === AST_NODE_TYPES.Identifier &&
    declarator.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration
    ? declarator.id.name
    : null;
}

/**
 * Whether a node lies in a test helper module: no test module itself, imported by test modules of
 * its package and by no other module of it (a package's `test-utils`, a `tests/helpers.ts` named
 * like no test). Its servers start only when a test runs them.
 */
export function inTestHelper(node: TSESTree.Node): boolean {
  const program = programOf(node);
  const { file } = moduleOf(program);
  return file !== null && !isTestFile(file) && (onlyTestImporters(program)?.length ?? 0) > 0;
}

/**
 * The test modules of its package that import what a module exports, when no other module of the
 * package does; `null` where one does, where it exports nothing, or where that cannot be told.
 */
export function onlyTestImporters(program: TSESTree.Program): readonly string[] | null {
  const { file } = moduleOf(program);
  const names = exportedNamesOf(program);
  if (file === null || names.length === 0 || importersOf(file, names)?.length !== 0) return null;
  return importersOf(file, names, true);
}

/**
 * Ports that only the running test knows: `0`, or a free port a package picks at random (get-port
 * 7's default export called with no preference, `await getPort()`; get-port-please 3's
 * `getRandomPort()`), held in a `const`.
 */
function systemPickedPort(node: TSESTree.Node, depth = 0): boolean {
  if (staticValue(node)?.value === 0) return true;
  let value = skipTypeWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(value)?.defs[0];
    // `function startFake(port: number) { serve({ fetch, port }) }`, called with such a port at every call.
    if (def?.type === 'Parameter' && depth < 2 && isFunctionNode(def.node)) {
      const index = def.node.params.findIndex((param) => param === def.name);
      return pickedAtEveryCall(index >= 0 ? callsOf(def.node, true) : null, index, null, depth + 1);
    }
    if (def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return false;
    value = skipTypeWrappers(def.node.init);
  }
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = skipTypeWrappers(value.argument);
  if (value.type !== AST_NODE_TYPES.CallExpression || value.arguments.length > 0) return false;
  const ref = externalRefOf(value.callee);
  if (
    (ref?.module === 'get-port' && ref.names.length === 1 && ref.names[0] === 'default') ||
    (ref?.module === 'get-port-please' && ref.names.length === 1 && ref.names[0] === 'getRandomPort')
  )
    return true;
  const helper = ref ? null : resolveFunction(value.callee);
  return helper !== null && picksFreePort(helper);
}

/**
 * A function of the project that finds a free port as get-port does: it listens on port 0, reads
 * the port the system gave (`server.address().port`) and closes the server again.
 */
function picksFreePort(fn: HandlerFunction): boolean {
  let listens = false;
  let reads = false;
  let closes = false;
  walk(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const method = calledMethodName(node);
    const [first] = node.arguments;
    if (method === 'listen' && first && first.type !== AST_NODE_TYPES.SpreadElement && staticValue(first)?.value === 0)
      listens = true;
    else if (method === 'address') reads = true;
    else if (method === 'close') closes = true;
  });
  return listens && reads && closes;
}

/** The calls of test runners that take a test's body: `test(…)`, `it(…)`, `describe(…)`, `beforeAll(…)`. */
const TEST_CALLS: ReadonlySet<string> = new Set(['test', 'it', 'describe', 'beforeAll', 'beforeEach', 'before']);

/**
 * Whether a node lies in a test: a test file, or a function a test runner is given. The runner's
 * function is a global (Jest's, Mocha's, Vitest's with `globals`) or one the module imports or
 * destructures (`import { it } from 'vitest'`, `const { test } = require('node:test')`), never a
 * function of the module's own (`function before(hook) { hooks.push(hook) }`).
 */
export function inTest(node: TSESTree.Node): boolean {
  const { file } = moduleOf(node);
  if (file && isTestFile(file)) return true;
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.CallExpression &&
      TEST_CALLS.has(nameOf(skipTypeWrappers(current.callee)) ?? '') &&
      !declaredFunction(skipTypeWrappers(current.callee)) &&
      current.arguments.some((argument) => containsNode(argument, node))
    ) {
      return true;
    }
  }
  return false;
}

/** Whether a callee is a function the module declares itself: `function test() {}`, `const it = () => …`. */
function declaredFunction(callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  return (variableOf(callee)?.defs ?? []).some(
    (def) =>
      def.type === 'FunctionName' ||
      (def.type === 'Variable' &&
        def.node.init !== null &&
        def.node.init !== undefined &&
        isFunctionNode(def.node.init)),
  );
}

/** The methods that hand an app a request in the process, with no socket: Hono's `request`, Fastify's `inject`. */
const IN_PROCESS_REQUESTS: Readonly<Partial<Record<AppInstance['framework'], string>>> = {
  hono: 'request',
  fastify: 'inject',
};

/**
 * What of an app other than the app itself a test client is handed, to serve it for a request:
 *
 * - Koa's `app.callback()`, the request listener (koa 3 lib/application.js: `callback()` returns
 *   `handleRequest(req, res)`; `listen()` is `http.createServer(this.callback()).listen(…)`), which
 *   supertest wraps in a server of its own as it does any function;
 * - Fastify's `app.server`, the `http.Server` the factory made (fastify 5 docs/Reference/Server.md
 *   `server`; docs/Guides/Testing.md hands it to supertest after `await fastify.ready()`), which
 *   listens only when `app.listen()` starts it; supertest listens on it, when it is not
 *   listening yet, for one request.
 */
const TEST_CLIENT_MEMBERS: Readonly<Partial<Record<AppInstance['framework'], { name: string; call: boolean }>>> = {
  koa: { name: 'callback', call: true },
  fastify: { name: 'server', call: false },
};

/** How a test serves an app: its framework's in-process request method, and the member a test client may be handed. */
interface TestServing {
  readonly method: string | null;
  readonly member: { readonly name: string; readonly call: boolean } | null;
}

/**
 * Whether a route only ever gets requests from its test, in the process or for the length of one
 * request: its app is held as `heldInProcessOnly` says (`const app = new Hono(); app.post('/mcp',
 * handle); await app.request('/mcp', …)`, `app = express(); …; await request(app).post('/mcp')` of
 * supertest, `request(app.callback())` of a Koa app, `request(app.server)` of a Fastify one), made
 * in a test and not exported; or, for a plain handler of a test, every place the handler is handed
 * over is a test client (`request(handler)`) or a server only test clients are handed
 * (`request(http.createServer(handler))`). No page can reach it.
 */
export function servedInProcessOnly(route: Pick<Route, 'app' | 'framework' | 'given'>): boolean {
  const { app } = route;
  if (!app) return route.framework === 'node' && route.given !== undefined && handlerServedByTestsOnly(route.given);
  return appServedInProcessOnly(app);
}

/** Whether an app is made in a test and served there only in the process (see `servedInProcessOnly`). */
export function appServedInProcessOnly(app: AppInstance): boolean {
  if (app.parent || !inTest(app.node)) return false;
  if (exportedValue(app.node)) return false;
  const serving = {
    method: IN_PROCESS_REQUESTS[app.framework] ?? null,
    member: TEST_CLIENT_MEMBERS[app.framework] ?? null,
  };
  return heldInProcessOnly(app.node, serving, 0) === 'requested';
}

/**
 * Whether a plain request handler of a test is only ever served by test clients: each place it is
 * handed over is a test client's argument (supertest 7 index.js and lib/agent.js wrap a function
 * in `http.createServer(app)`; light-my-request calls it), or the listener of a server
 * (`http.createServer(handler)`) that is only handed to test clients (supertest 7 lib/test.js
 * `serverAddress` listens on a server that is not listening yet, on port 0, and `end` closes it).
 */
function handlerServedByTestsOnly(given: TSESTree.Node): boolean {
  const fn = resolveFunction(given);
  if (!fn || !inTest(fn)) return false;
  const written = outermostWrapper(fn);
  const handedWhereWritten =
    written.parent?.type === AST_NODE_TYPES.CallExpression && written.parent.callee !== written;
  // A handler other modules may import (and serve) is not the test's alone.
  const name =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id
      : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier
        ? fn.parent.id
        : null;
  const variable = name && variableOf(name);
  if (variable && exportedNames(fn, variable).length > 0) return false;
  const used = handedWhereWritten ? { uses: [written], complete: true } : usesOf(fn);
  if (!used?.complete || used.uses.length === 0) return false;
  const testServer = { method: null, member: null };
  return used.uses.every((use) => {
    if (givenToTestClient(use)) return true;
    const held = outermostWrapper(use);
    const server = held.parent;
    return (
      server !== undefined &&
      (server.type === AST_NODE_TYPES.CallExpression || server.type === AST_NODE_TYPES.NewExpression) &&
      server.arguments.at(-1) === held &&
      entitiesOf(server, 'handler-server').length > 0 &&
      heldInProcessOnly(server, testServer, 0) === 'requested'
    );
  });
}

/**
 * Whether `argument` is the app a test client is handed: supertest's `request(app)`,
 * light-my-request's `inject(app)`.
 */
function givenToTestClient(argument: TSESTree.Node): boolean {
  const held = outermostWrapper(argument);
  const call = held.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === held) return false;
  return entitiesOf(call, 'test-client').some((entity) => call.arguments[entity.argument] === held);
}

/**
 * How the value `made` is used: `'requested'` when it is handed to a test client where it is made,
 * or the variable that holds it is used only by its method calls and test clients, one of them
 * `serving.method` or a test client (given the value or its `serving.member`), none `listen`; also when
 * a function of the test returns it (`function makeApp() { …; return app }`) and every call of
 * that function is held so. The variable may be a `let` of the test that a hook assigns
 * (`let app; beforeAll(() => { app = express(); … })`). `'unused'` when it is held so but never
 * handed a request, `'other'` for anything else.
 */
function heldInProcessOnly(made: TSESTree.Node, serving: TestServing, depth: number): 'requested' | 'unused' | 'other' {
  let held = outermostWrapper(made);
  // `const app = await makeApp()`
  if (held.parent?.type === AST_NODE_TYPES.AwaitExpression) held = outermostWrapper(held.parent);
  // `request(http.createServer(handler))`, `request(express())`: no other code holds it.
  if (givenToTestClient(held)) return 'requested';
  const holder = held.parent;
  // `return app` of a factory the test calls: each call is an app of its own.
  if (holder?.type === AST_NODE_TYPES.ReturnStatement && depth < 2) {
    const fn = enclosingFunction(holder);
    // Its calls in this module, all of them (an exported factory's are not).
    const found = fn ? callsOf(fn, true) : null;
    if (!found?.complete || found.calls.length === 0) return 'other';
    let requested = false;
    for (const call of found.calls) {
      if (call.type !== AST_NODE_TYPES.CallExpression) return 'other';
      const use = heldInProcessOnly(call, serving, depth + 1);
      if (use === 'other') return 'other';
      requested ||= use === 'requested';
    }
    return requested ? 'requested' : 'unused';
  }
  let variable: Scope.Variable | null = null;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    variable = variableOf(holder.id);
  } else if (
    holder?.type === AST_NODE_TYPES.AssignmentExpression &&
    holder.operator === '=' &&
    holder.right === held &&
    holder.left.type === AST_NODE_TYPES.Identifier &&
    holder.parent?.type === AST_NODE_TYPES.ExpressionStatement
  ) {
    // `app = express()` into a `let` of the test, which must not be exported (`export let app`).
    variable = variableOf(holder.left);
    const declarator = variable?.defs[0]?.node;
    if (declarator?.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return 'other';
  }
  if (!variable) return 'other';
  let requested = false;
  for (const reference of variable.references) {
    // Its declaration and the assignments that store an app (this one or another) hand it nowhere.
    if (reference.init || !reference.isRead()) continue;
    const identifier = reference.identifier as TSESTree.Node;
    if (givenToTestClient(identifier)) {
      requested = true;
      continue;
    }
    const member = identifier.parent;
    // `return app` of the factory that made it.
    if (member?.type === AST_NODE_TYPES.ReturnStatement && depth < 2) {
      const use = heldInProcessOnly(identifier, serving, depth);
      if (use === 'other') return 'other';
      requested ||= use === 'requested';
      continue;
    }
    // `app = testApp` into a `let` the test's hooks share: what that one is handed decides.
    const stored = outermostWrapper(identifier).parent;
    if (
      stored?.type === AST_NODE_TYPES.AssignmentExpression &&
      stored.right === outermostWrapper(identifier) &&
      depth < 2
    ) {
      const use = heldInProcessOnly(identifier, serving, depth + 1);
      if (use === 'other') return 'other';
      requested ||= use === 'requested';
      continue;
    }
    // `request(app.callback())` of Koa, `request(app.server)` of Fastify (`TEST_CLIENT_MEMBERS`);
    // handed anywhere else (`http.createServer(app.callback()).listen(…)`), it may be served.
    if (
      serving.member &&
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === reference.identifier &&
      propertyName(member) === serving.member.name
    ) {
      const handed = serving.member.call ? member.parent : member;
      const made = !serving.member.call || (handed?.type === AST_NODE_TYPES.CallExpression && handed.callee === member);
      if (!handed || !made || !givenToTestClient(handed)) return 'other';
      requested = true;
      continue;
    }
    const call = member?.parent;
    if (
      member?.type !== AST_NODE_TYPES.MemberExpression ||
      member.object !== reference.identifier ||
      call?.type !== AST_NODE_TYPES.CallExpression ||
      call.callee !== member
    ) {
      return 'other';
    }
    const name = propertyName(member);
    if (name === 'listen') return 'other';
    if (name !== null && name === serving.method) requested = true;
  }
  return requested ? 'requested' : 'unused';
}

/** How TypeScript types a port: as a number, a string, a string or undefined, or what the code does not show. */
type PortTyping = 'number' | 'string' | 'string-or-undefined' | 'unknown';

/**
 * How TypeScript types a port written in the code, as far as the code shows: `'string'` when it
 * may be a string (`process.env.PORT || 3000`, `port: string | number`), `'string-or-undefined'`
 * when it may also be undefined (`process.env.PORT`), `'number'` for a number or `Number(…)`, and
 * `'unknown'` for a value the code does not show (a call: it may return a socket's path).
 */
function portTyping(node: TSESTree.Node, depth = 0): PortTyping {
  if (depth > 8) return 'unknown';
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return typeTyping(node.typeAnnotation);
    case AST_NODE_TYPES.TSNonNullExpression: {
      const typing = portTyping(node.expression, depth + 1);
      return typing === 'string-or-undefined' ? 'string' : typing;
    }
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return portTyping(node.expression, depth + 1);
    case AST_NODE_TYPES.Literal:
      return typeof node.value === 'number' ? 'number' : 'unknown';
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTypeWrappers(node.callee);
      const converts =
        callee.type === AST_NODE_TYPES.Identifier && ['Number', 'parseInt', 'parseFloat'].includes(callee.name);
      return converts ? 'number' : 'unknown';
    }
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '+' || node.operator === '-' ? 'number' : 'unknown';
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.ConditionalExpression: {
      const [left, right] =
        node.type === AST_NODE_TYPES.LogicalExpression ? [node.left, node.right] : [node.consequent, node.alternate];
      const sides = [portTyping(left, depth + 1), portTyping(right, depth + 1)];
      if (sides.includes('unknown')) return 'unknown';
      // `a || b` and `a ?? b` are undefined only where `b` may be.
      if (
        node.type === AST_NODE_TYPES.LogicalExpression &&
        node.operator !== '&&' &&
        sides[0] === 'string-or-undefined'
      )
        sides[0] = 'string';
      if (sides.includes('string-or-undefined')) return 'string-or-undefined';
      return sides.includes('string') ? 'string' : 'number';
    }
    case AST_NODE_TYPES.MemberExpression: {
      if (environmentReadName(node) !== undefined) return 'string-or-undefined';
      const value = resolveExpression(node);
      return value && value !== node ? portTyping(value, depth + 1) : 'unknown';
    }
    case AST_NODE_TYPES.Identifier: {
      const definition = variableOf(node)?.defs[0];
      if (!definition) return 'unknown';
      if (narrowedToNumber(node)) return 'number';
      const { name } = definition;
      if (name.type === AST_NODE_TYPES.Identifier && name.typeAnnotation) {
        return typeTyping(name.typeAnnotation.typeAnnotation);
      }
      if (definition.type === 'Parameter') {
        const { parent } = name;
        return parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.left === name
          ? portTyping(parent.right, depth + 1)
          : 'unknown';
      }
      if (definition.type === 'Variable' && definition.node.init) {
        return portTyping(definition.node.init, depth + 1);
      }
      return 'unknown';
    }
    default:
      return 'unknown';
  }
}

/** Whether a name is read where `typeof name === 'number'` holds: `if (typeof port === 'number') listen(port)`. */
function narrowedToNumber(name: TSESTree.Identifier): boolean {
  const isNumberTest = (test: TSESTree.Node): boolean =>
    test.type === AST_NODE_TYPES.BinaryExpression &&
    (test.operator === '===' || test.operator === '==') &&
    test.left.type === AST_NODE_TYPES.UnaryExpression &&
    test.left.operator === 'typeof' &&
    test.left.argument.type === AST_NODE_TYPES.Identifier &&
    test.left.argument.name === name.name &&
    test.right.type === AST_NODE_TYPES.Literal &&
    test.right.value === 'number';
  let child: TSESTree.Node = name;
  for (
    let parent: TSESTree.Node | null | undefined = name.parent;
    parent && !isFunctionNode(parent);
    parent = parent.parent
  ) {
    if (
      ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) &&
        parent.consequent === child &&
        isNumberTest(parent.test)) ||
      (parent.type === AST_NODE_TYPES.LogicalExpression &&
        parent.operator === '&&' &&
        parent.right === child &&
        isNumberTest(parent.left))
    )
      return true;
    child = parent;
  }
  return false;
}

/** How a written type types a port: `number`, or with `string` (or a string literal) in it, and `undefined`. */
function typeTyping(type: TSESTree.TypeNode): PortTyping {
  const members = type.type === AST_NODE_TYPES.TSUnionType ? type.types : [type];
  const string = members.some(
    (member) =>
      member.type === AST_NODE_TYPES.TSStringKeyword ||
      (member.type === AST_NODE_TYPES.TSLiteralType &&
        member.literal.type === AST_NODE_TYPES.Literal &&
        typeof member.literal.value === 'string'),
  );
  if (!string) return members.every((member) => member.type === AST_NODE_TYPES.TSNumberKeyword) ? 'number' : 'unknown';
  return members.some((member) => member.type === AST_NODE_TYPES.TSUndefinedKeyword) ? 'string-or-undefined' : 'string';
}
