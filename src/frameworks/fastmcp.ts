import { CONSTRUCT, type Adapter, type CorsMiddleware, type ServerSource } from './types';

// fastmcp 4.20.16 (src/FastMCP.ts, read from the published source map) serves HTTP through
// mcp-proxy 6.7.19's `startHTTPServer`, and forwards `httpStream.cors` unchanged (:3550).
// mcp-proxy src/startHTTPServer.ts:789-866: CORS is on by default, with `origin: '*'`; `cors: true`
// or no `cors` keeps the defaults, an object is merged over them, `false` turns CORS off. A string
// origin is sent as it is; an array (or a function) echoes the request's origin when it allows it,
// so `[]` allows none. The `cors` option exists since fastmcp 4.3.0.
const FASTMCP_CORS: CorsMiddleware = {
  module: 'fastmcp',
  display: "fastmcp's `httpStream` server",
  usage: 'call',
  // `let allowedOrigin = "*"; if (finalCorsOptions.origin) { string | array | function }`: a falsy
  // origin, `true` or a RegExp leaves the '*'.
  isWildcardOrigin: (value) => value === '*' || !value || value === true || value instanceof RegExp,
  denyOrigin: '[]',
  allowlistOrigin: (allowlist) => allowlist,
  credentialsReflectByDefault: false,
  isCredentialsOn: (value) => value === true,
  reflectsOnTrue: false,
  originFunction: { origin: 0, callback: null },
  takesPatterns: false,
  matchesArraysExactly: true,
  optionsTypes: [],
  trueMeansDefaults: true,
  // `new URL(req.headers.origin)` throws on `null`, and then no CORS header is sent.
  refusesNullOrigin: true,
  optionsPath: ['httpStream', 'cors'],
  optionsSince: '4.3.0',
  // mcp-proxy before 5.10.0 (24eb857 "Support cors config") echoed any Origin with
  // `Access-Control-Allow-Credentials: true` (v2.13.1 src/startSSEServer.ts:38-43; v5.4.0
  // src/startHTTPServer.ts:442-443); fastmcp up to 3.22 allowed such versions.
  echoesBefore: { module: 'mcp-proxy', version: '5.10.0' },
  // fastmcp 1.x's `transportType: 'sse'` served through the same mcp-proxy (startSSEServer), echoing too.
  onlyWhen: { key: 'transportType', value: ['httpStream', 'sse'] },
};

// fastmcp 4.20.16 src/FastMCP.ts:4534-4591: the `httpStream` host defaults to "localhost" (since
// 3.15.0), and is always passed to mcp-proxy's `listen(port, host)`. Before 3.15.0 (commit fe37fb4,
// "support custom host") there was no `host` option: fastmcp started mcp-proxy without one, and
// mcp-proxy bound `::` (git punkpeye/mcp-proxy v2.13.1 src/startSSEServer.ts:163, v5.4.0
// src/startHTTPServer.ts:402 `host = "::"`); v1's `transportType: 'sse'` too.
// `authenticate` (or `auth`, which sets it up) makes mcp-proxy answer 401 to a request it refuses
// (mcp-proxy src/startHTTPServer.ts:666-720), before any MCP handling.
const FASTMCP: ServerSource = {
  listen: null,
  fetchHandler: false,
  returnsItself: new Set(),
  start: {
    display: "fastmcp's `server.start()`",
    hostLabel: '`httpStream.host`',
    defaultBinding: null,
    signature: 'fastmcp-start',
    hostKey: 'host',
    socketKey: null,
    everyInterfaceBefore: {
      module: 'fastmcp',
      version: '3.15.0',
      binding: 'fastmcp before 3.15.0 has no `host` option',
    },
  },
  authenticatedBy: ['authenticate', 'auth'],
  corsMethods: { start: FASTMCP_CORS },
  // mcp-proxy 6.7.19 checks neither Host nor Origin, and has no option to.
  mcp: { display: 'fastmcp `httpStream` server', module: 'fastmcp' },
};

/** fastmcp: `new FastMCP(options).start({ transportType: 'httpStream', httpStream })`. */
export const fastmcpAdapter: Adapter = {
  name: 'fastmcp',
  modules: {
    fastmcp: { FastMCP: { [CONSTRUCT]: [{ kind: 'server', source: FASTMCP }] } },
  },
};
