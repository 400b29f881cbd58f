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
  onlyWhen: { key: 'transportType', value: 'httpStream' },
};

// fastmcp 4.20.16 src/FastMCP.ts:4534-4591: the `httpStream` host defaults to "localhost" (since
// 3.15.0; before it, mcp-proxy bound `::`), and is always passed to mcp-proxy's `listen(port, host)`.
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
