import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer, RuleListener, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { appendArgument, appendObjectProperty, insertArgumentBefore } from '../fixes/edits';
import { calledMethodName, calledMethodObject, skipTypeWrappers } from './ast';
import { CALL, CONSTRUCT, mentionsAny, trackGlobals, trackModules } from './imports';
import { environmentReadName } from './origin-source';
import {
  findObjectProperty,
  possibleValues,
  resolveExpression,
  resolveObjectExpression,
  type PossibleValue,
} from './values';
import { variableOf, staticValue, propertyName } from './program';

/**
 * One way of starting a server, and what it binds when it is not told where. Each fact here was
 * read from the framework's own source or reference docs; see the comments where they are declared.
 */
export interface ServerApi {
  /** How messages name the call: "`app.listen()` of Express". */
  readonly display: string;
  /** How messages name the address it takes: "host", or "`hostname`" for an option of that name. */
  readonly hostLabel: string;
  /**
   * What it binds when it is given no host, as a clause for messages; `null` when that is the
   * loopback interface (Fastify), so that leaving the host out is safe.
   */
  readonly defaultBinding: string | null;
}

/** The shapes in which the APIs take their address. */
type Signature =
  /** `net.Server#listen`: `(port?, host?, backlog?, cb?)`, `(path, ...)`, `(options, cb?)`, `(handle, ...)`. */
  | 'node-listen'
  /** Fastify 5: `listen(options?, cb?)`, and Fastify 4's deprecated `listen(port, host?, backlog?, cb?)`. */
  | 'fastify-listen'
  /** `serve(options, cb?)` of `@hono/node-server`, `Bun.serve(options)`. */
  | 'serve-options'
  /** `Deno.serve(handler)`, `Deno.serve(options, handler)`, `Deno.serve({ handler, ...options })`. */
  | 'deno-serve';

interface StartApi extends ServerApi {
  readonly signature: Signature;
  /** The options key that holds the host. */
  readonly hostKey: 'host' | 'hostname';
  /** The options key that makes it listen on a Unix socket instead of a port, if it has one. */
  readonly socketKey: 'path' | 'unix' | null;
}

/** Something whose `.listen()` starts a server, or whose `.fetch` is a request handler (a Hono app). */
interface ServerSource {
  readonly listen: StartApi | null;
  /** Its `fetch` property handles requests, so it can be handed to `Deno.serve()` as the handler. */
  readonly fetchHandler: boolean;
  /** Methods that return the object itself, so that `express().use(cors()).listen()` is followed. */
  readonly returnsItself: ReadonlySet<string>;
}

type Tracked =
  { readonly role: 'source'; readonly source: ServerSource } | { readonly role: 'start'; readonly api: StartApi };

// Node's `net.Server#listen` (read from Node 20's lib/net.js): with an options object whose `port`
// key is present, or a port, it listens on TCP, and `if (options.host)` fails for a missing,
// `undefined`, `null` or `''` host, which then "listens on unspecified address": `::`, which also
// takes IPv4 connections, or `0.0.0.0` where IPv6 is off. A string first argument that is not a
// number, or `{ path }` with no `port` key, is a Unix socket or Windows named pipe.
const EVERY_INTERFACE_IN_NODE = '`::` (every IPv6 and IPv4 address), or `0.0.0.0` where IPv6 is off';
const NODE_DEFAULT = `Node then listens on ${EVERY_INTERFACE_IN_NODE}`;
const FORWARDED_TO_NODE = `it passes its arguments to Node's \`server.listen()\`, which then listens on ${EVERY_INTERFACE_IN_NODE}`;

function nodeListen(display: string, defaultBinding: string): StartApi {
  return { display, hostLabel: 'host', defaultBinding, signature: 'node-listen', hostKey: 'host', socketKey: 'path' };
}

const EMITTER_METHODS = ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'];
/** `net.Server` is an EventEmitter, and `setTimeout` returns it too. */
const NODE_SERVER_CHAIN = new Set([...EMITTER_METHODS, 'setTimeout']);
/** Express, Koa and connect apps: `use` returns the app, and each is an EventEmitter. */
const APP_CHAIN = new Set([...EMITTER_METHODS, 'use']);
/** Hono's routing methods return the app (hono dist/hono-base.js); `basePath` returns a copy of it. */
const HONO_CHAIN = new Set([
  'use',
  'get',
  'post',
  'put',
  'delete',
  'patch',
  'options',
  'all',
  'on',
  'route',
  'basePath',
]);

function nodeServer(module: string): ServerSource {
  return {
    listen: nodeListen(`\`server.listen()\` on a \`node:${module}\` server`, NODE_DEFAULT),
    fetchHandler: false,
    returnsItself: NODE_SERVER_CHAIN,
  };
}

function nodeApp(display: string, defaultBinding = FORWARDED_TO_NODE): ServerSource {
  return { listen: nodeListen(display, defaultBinding), fetchHandler: false, returnsItself: APP_CHAIN };
}

// express 5 lib/application.js: `app.listen = function listen() { var server = http.createServer(this);
// ... return server.listen.apply(server, args) }`. koa 3 lib/application.js: `listen (...args) { const
// server = http.createServer(this.callback()); return server.listen(...args) }`. connect 3 index.js
// (not installed here; read from senchalabs/connect): `proto.listen = function listen() { var server =
// http.createServer(this); return server.listen.apply(server, arguments) }`.
const EXPRESS = nodeApp('`app.listen()` of Express');
const KOA = nodeApp('`app.listen()` of Koa');
const CONNECT = nodeApp('`app.listen()` of connect');
// @modelcontextprotocol/sdk 1.x server/express.js and @modelcontextprotocol/express 2.x:
// `createMcpExpressApp({ host = '127.0.0.1' })` returns `express()`; `host` only chooses between
// `localhostHostValidation()` and a warning, and binds nothing.
const MCP_EXPRESS_APP = nodeApp(
  '`app.listen()` on the Express app of `createMcpExpressApp()`',
  `${FORWARDED_TO_NODE} (the \`host\` option of \`createMcpExpressApp()\` only picks which \`Host\` headers are accepted; it does not bind)`,
);
// @hono/node-server 2.x dist/index.mjs: `createAdaptorServer(options)` returns Node's `createServer(...)`,
// not yet listening; its `hostname` option only builds request URLs.
const HONO_ADAPTOR_SERVER: ServerSource = {
  listen: nodeListen('`server.listen()` on the server of `createAdaptorServer()`', NODE_DEFAULT),
  fetchHandler: false,
  returnsItself: NODE_SERVER_CHAIN,
};
// fastify 5 lib/server.js: `listen(listenOptions = { port: 0, host: 'localhost' }, cb)` and then
// `host = listenOptions.host ?? 'localhost'` when there is no `path`: a missing or nullish host binds
// localhost (127.0.0.1 and ::1); `''` reaches Node, which takes it as no host.
const FASTIFY: ServerSource = {
  listen: {
    display: '`fastify.listen()`',
    hostLabel: 'host',
    defaultBinding: null,
    signature: 'fastify-listen',
    hostKey: 'host',
    socketKey: 'path',
  },
  fetchHandler: false,
  returnsItself: new Set(),
};
const HONO_APP: ServerSource = { listen: null, fetchHandler: true, returnsItself: HONO_CHAIN };

// @hono/node-server 2.x dist/index.mjs: `serve(options, cb)` calls
// `server.listen(options?.port ?? 3e3, options.hostname, ...)`, so a missing `hostname` is Node's default.
const HONO_SERVE: StartApi = {
  display: '`serve()` from `@hono/node-server`',
  hostLabel: '`hostname`',
  defaultBinding: `it calls Node's \`server.listen(port, hostname)\`, which then listens on ${EVERY_INTERFACE_IN_NODE}`,
  signature: 'serve-options',
  hostKey: 'hostname',
  socketKey: null,
};
// Bun's reference (Serve.HostnamePortServeOptions): `hostname` defaults to "0.0.0.0"; `unix` listens
// on a Unix socket instead.
const BUN_SERVE: StartApi = {
  display: '`Bun.serve()`',
  hostLabel: '`hostname`',
  defaultBinding: 'its default `hostname` is `0.0.0.0`',
  signature: 'serve-options',
  hostKey: 'hostname',
  socketKey: 'unix',
};
// Deno's reference (Deno.ServeTcpOptions): `hostname: string = "0.0.0.0"`; Deno.ServeUnixOptions
// listens on `path` instead.
const DENO_SERVE: StartApi = {
  display: '`Deno.serve()`',
  hostLabel: '`hostname`',
  defaultBinding: 'its default `hostname` is `0.0.0.0`',
  signature: 'deno-serve',
  hostKey: 'hostname',
  socketKey: 'path',
};

const source = (serverSource: ServerSource): Tracked => ({ role: 'source', source: serverSource });
const start = (api: StartApi): Tracked => ({ role: 'start', api });

function nodeModuleEntry(module: string, factories: readonly string[], constructors: readonly string[]): object {
  const tracked = source(nodeServer(module));
  const entry: Record<string, object> = {};
  for (const name of factories) entry[name] = { [CALL]: tracked };
  // `http.Server(handler)` works with and without `new`.
  for (const name of constructors) entry[name] = { [CALL]: tracked, [CONSTRUCT]: tracked };
  return entry;
}

function buildModuleTraceMap(): Record<string, object> {
  const map: Record<string, object> = {
    http: nodeModuleEntry('http', ['createServer'], ['Server']),
    https: nodeModuleEntry('https', ['createServer'], ['Server']),
    http2: nodeModuleEntry('http2', ['createServer', 'createSecureServer'], []),
    net: nodeModuleEntry('net', ['createServer'], ['Server']),
  };
  // ESM keeps the `node:` prefix in the source; `trackModules` strips it from `require`.
  for (const module of Object.keys(map)) map[`node:${module}`] = map[module]!;
  // A CommonJS module's default import is the module itself (the tracker's 'legacy' mode).
  map.express = { [CALL]: source(EXPRESS) };
  map.koa = { [CONSTRUCT]: source(KOA), default: { [CONSTRUCT]: source(KOA) } };
  map.connect = { [CALL]: source(CONNECT) };
  map.fastify = {
    [CALL]: source(FASTIFY),
    fastify: { [CALL]: source(FASTIFY) },
    default: { [CALL]: source(FASTIFY) },
  };
  const mcpExpress = { createMcpExpressApp: { [CALL]: source(MCP_EXPRESS_APP) } };
  map['@modelcontextprotocol/sdk/server/express.js'] = mcpExpress;
  map['@modelcontextprotocol/express'] = mcpExpress;
  map['@hono/node-server'] = {
    serve: { [CALL]: start(HONO_SERVE) },
    createAdaptorServer: { [CALL]: source(HONO_ADAPTOR_SERVER) },
  };
  map.bun = { serve: { [CALL]: start(BUN_SERVE) } };
  const hono = { Hono: { [CONSTRUCT]: source(HONO_APP) } };
  map.hono = hono;
  map['hono/tiny'] = hono;
  map['hono/quick'] = hono;
  map['@modelcontextprotocol/hono'] = { createMcpHonoApp: { [CALL]: source(HONO_APP) } };
  return map;
}

const MODULE_TRACE_MAP = buildModuleTraceMap();
const GLOBAL_TRACE_MAP = {
  Bun: { serve: { [CALL]: start(BUN_SERVE) } },
  Deno: { serve: { [CALL]: start(DENO_SERVE) } },
};

/** Words a file that starts a server must contain: the call, and where the server comes from. */
const MENTIONS_START = /\b(?:listen|serve)\b/u;
const MENTIONS_SOURCE = /\b(?:https?|http2|net|express|koa|connect|fastify|node-server|Bun|bun|Deno)\b/u;

/** How many variables and chained calls are followed back to where a server was made. */
const MAX_STEPS = 12;

/** What a call that starts a server says about the host it binds. */
export type HostReading =
  /**
   * No host is given, so the API's default applies. `addHost` writes one in the shape the API
   * takes, when the code allows it.
   */
  | { readonly kind: 'default'; readonly addHost: ((fixer: RuleFixer, hostText: string) => RuleFix) | null }
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
  readonly call: TSESTree.CallExpression;
  /** The name of what is called (`listen`, `serve`): where a report about the call belongs. */
  readonly callee: TSESTree.Node;
  readonly host: HostReading;
}

const UNKNOWN: HostReading = { kind: 'unknown' };
const SOCKET: HostReading = { kind: 'socket' };

/**
 * Listeners that find every call in a file that starts an HTTP (or TCP) server: `.listen()` on a
 * server or app that the file makes with Node's `http`, `https`, `http2` or `net`, express, Koa,
 * connect, Fastify, the MCP SDK's `createMcpExpressApp()` or `createAdaptorServer()`, followed
 * through variables and methods that return the same object; and `serve()` of
 * `@hono/node-server`, `Bun.serve()` and `Deno.serve()`. A `listen` method on anything else is not
 * a server. Each start is passed to `onStart` at the end of the file, with what it says about
 * its host.
 */
export function serverStartListeners(
  sourceCode: Readonly<SourceCode>,
  onStart: (serverStart: ServerStart) => void,
): RuleListener {
  if (!mentionsAny(sourceCode, MENTIONS_START) || !mentionsAny(sourceCode, MENTIONS_SOURCE)) return {};
  const listenCalls: TSESTree.CallExpression[] = [];

  return {
    CallExpression(call) {
      const callee = skipTypeWrappers(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const name =
        !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier
          ? callee.property.name
          : calledMethodName(call);
      if (name === 'listen') listenCalls.push(call);
    },
    'Program:exit'() {
      const tracked = new Map<TSESTree.Node, Tracked>();
      for (const { node, info } of trackModules<Tracked>(sourceCode, MODULE_TRACE_MAP as never))
        tracked.set(node, info);
      for (const { node, info } of trackGlobals<Tracked>(sourceCode, GLOBAL_TRACE_MAP as never))
        tracked.set(node, info);
      const reader = new HostReader(sourceCode, tracked);

      for (const call of listenCalls) {
        const receiver = calledMethodObject(call);
        const api = receiver && reader.sourceOf(receiver)?.listen;
        if (api) onStart(reader.read(api, call));
      }
      for (const [node, info] of tracked) {
        if (info.role === 'start' && node.type === AST_NODE_TYPES.CallExpression) onStart(reader.read(info.api, node));
      }
    },
  };
}

class HostReader {
  constructor(
    private readonly sourceCode: Readonly<SourceCode>,
    private readonly tracked: ReadonlyMap<TSESTree.Node, Tracked>,
  ) {}

  /** The server or app an expression evaluates to, followed through variables and self-returning calls. */
  sourceOf(node: TSESTree.Node, steps = 0): ServerSource | null {
    let current = skipTypeWrappers(node);
    for (let step = steps; step <= MAX_STEPS; step++) {
      const found = this.tracked.get(current);
      if (found) return found.role === 'source' ? found.source : null;
      if (current.type === AST_NODE_TYPES.CallExpression) {
        const object = calledMethodObject(current);
        const method = calledMethodName(current);
        const inner = object && method !== null ? this.sourceOf(object, step + 1) : null;
        return inner && inner.returnsItself.has(method!) ? inner : null;
      }
      if (current.type !== AST_NODE_TYPES.Identifier && current.type !== AST_NODE_TYPES.MemberExpression) return null;
      const resolved = resolveExpression(current);
      if (!resolved || resolved === current) return null;
      current = skipTypeWrappers(resolved);
    }
    return null;
  }

  read(api: StartApi, call: TSESTree.CallExpression): ServerStart {
    const callee = skipTypeWrappers(call.callee);
    return {
      api,
      call,
      callee: callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee,
      host: call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)
        ? UNKNOWN
        : this.readHost(api, call),
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
    }
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
    if (possibleValues(first).some(isPath)) return SOCKET;
    // Anything else is taken as a port, as it nearly always is (`Number(process.env.PORT)`).
    // Node reads the second argument as the host only when it is a string.
    if (!second)
      return { kind: 'default', addHost: (fixer, host) => appendArgument(fixer, this.sourceCode, call, host) };
    if (this.isFunction(second) || typeof this.staticValue(second)?.value === 'number') {
      return { kind: 'default', addHost: (fixer, host) => insertArgumentBefore(fixer, second, host) };
    }
    // A third argument, or an environment variable, makes the second a host rather than a callback.
    const readsEnvironment = possibleValues(second).some(
      (candidate) => !candidate.known && environmentReadName(candidate.node) !== undefined,
    );
    return { kind: 'given', node: second, value: second, certain: third !== undefined || readsEnvironment };
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
    if (this.sourceOf(first)?.fetchHandler) {
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

  private readServeObject(api: StartApi, options: TSESTree.ObjectExpression): HostReading {
    if (api.socketKey) {
      const socket = findObjectProperty(options, api.socketKey);
      if (socket.kind === 'found') return SOCKET;
      if (socket.kind === 'unknown') return UNKNOWN;
    }
    return this.readHostProperty(api, options);
  }

  private readHostProperty(api: StartApi, options: TSESTree.ObjectExpression): HostReading {
    const host = findObjectProperty(options, api.hostKey);
    if (host.kind === 'unknown') return UNKNOWN;
    if (host.kind === 'missing') {
      return {
        kind: 'default',
        addHost: (fixer, text) => appendObjectProperty(fixer, this.sourceCode, options, `${api.hostKey}: ${text}`),
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
    return this.sourceOf(expression.object)?.fetchHandler === true;
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
        return variable?.defs.length === 1 && variable.defs[0]!.type === 'FunctionName';
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

/** Node's `isPipeName`: a string that is not a non-negative number names a socket or pipe. */
function isPipeName(value: string): boolean {
  return !(Number(value) >= 0);
}

/** Where a host lets connections in from. */
export type HostScope = 'every-interface' | 'loopback' | 'other';

const EVERY_INTERFACE = new Set(['', '0.0.0.0', '::', '::0', '0:0:0:0:0:0:0:0']);
const LOOPBACK_NAMES = new Set(['localhost', '::1', '0:0:0:0:0:0:0:1']);
const IPV4_LOOPBACK = /^(?:::ffff:)?127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/u;

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
  if (LOOPBACK_NAMES.has(host)) return 'loopback';
  const ipv4 = IPV4_LOOPBACK.exec(host);
  if (ipv4 && ipv4.slice(1).every((part) => Number(part) <= 255)) return 'loopback';
  return 'other';
}
