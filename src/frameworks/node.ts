import { CALL, CONSTRUCT, type Adapter, type Entity, type ServerSource, type StartApi, type TraceNode } from './types';

// Node's `net.Server#listen` (read from Node 20's lib/net.js): with an options object whose `port`
// key is present, or a port, it listens on TCP, and `if (options.host)` fails for a missing,
// `undefined`, `null` or `''` host, which then "listens on unspecified address": `::`, which also
// takes IPv4 connections, or `0.0.0.0` where IPv6 is off. A string first argument that is not a
// number, or `{ path }` with no `port` key, is a Unix socket or Windows named pipe.
/** What Node listens on with no host: `::` (every IPv6 and IPv4 address), or `0.0.0.0` where IPv6 is off. */
export const NODE_DEFAULT = "Node's default is `::`";
/** What an app whose `listen()` hands its arguments to Node's binds. */
export const FORWARDED_TO_NODE = NODE_DEFAULT;

export function nodeListen(display: string, defaultBinding: string): StartApi {
  return { display, hostLabel: 'host', defaultBinding, signature: 'node-listen', hostKey: 'host', socketKey: 'path' };
}

export const EMITTER_METHODS = ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'];
/** `net.Server` is an EventEmitter, and `setTimeout` returns it too. */
export const NODE_SERVER_CHAIN: ReadonlySet<string> = new Set([...EMITTER_METHODS, 'setTimeout']);

const NODE_CORE_SOURCES = new WeakSet<ServerSource>();

/** Whether a server is one of Node's own (`http`, `https`, `http2`, `net`), which serves only what it is handed. */
export function isNodeCoreServer(source: ServerSource): boolean {
  return NODE_CORE_SOURCES.has(source);
}

function nodeServer(module: string): ServerSource {
  const source: ServerSource = {
    listen: nodeListen(`\`server.listen()\` on a \`node:${module}\` server`, NODE_DEFAULT),
    fetchHandler: false,
    returnsItself: NODE_SERVER_CHAIN,
  };
  NODE_CORE_SOURCES.add(source);
  return source;
}

function moduleEntry(module: string, factories: readonly string[], constructors: readonly string[]): TraceNode {
  const server: Entity = { kind: 'server', source: nodeServer(module) };
  // `net` servers take connections, not HTTP requests: no handler that routes.
  const entities: Entity[] = module === 'net' ? [server] : [server, { kind: 'handler-server' }];
  const entry: Record<string, TraceNode> = {};
  for (const name of factories) entry[name] = { [CALL]: entities };
  // `http.Server(handler)` works with and without `new`.
  for (const name of constructors) entry[name] = { [CALL]: entities, [CONSTRUCT]: entities };
  return entry;
}

/** Node's `http`, `https`, `http2` and `net` servers. */
export const nodeAdapter: Adapter = {
  name: 'node',
  modules: {
    http: moduleEntry('http', ['createServer'], ['Server']),
    https: moduleEntry('https', ['createServer'], ['Server']),
    http2: moduleEntry('http2', ['createServer', 'createSecureServer'], []),
    net: moduleEntry('net', ['createServer'], ['Server']),
  },
  headers: {
    // http.ServerResponse: `setHeader(name, value)`, `appendHeader(name, value)` (Node 18.3+),
    // `writeHead(status, [message], headers)`, `setHeaders(headers)` (Node 18.15+);
    // http.IncomingMessage: `req.headers`.
    setNameValue: ['setHeader', 'appendHeader'],
    setObject: ['setHeaders'],
    setLastArgument: ['writeHead'],
    readObjects: ['headers'],
  },
};
