import { CONSTRUCT, type Adapter, type CorsMiddleware, type Entity } from './types';

/**
 * tmcp's `cors` option of its HTTP and SSE transports (@tmcp/transport-http 0.9.0 and 0.8.5,
 * @tmcp/transport-sse 0.5.4, src/index.js `#apply_cors_headers`): off unless given; `true` answers
 * `*`; an object sends `*` for `origin: true` or `'*'`, a string only to that origin, an array only
 * to its members, and nothing without `origin`; `credentials` adds
 * `Access-Control-Allow-Credentials: true`.
 */
const TMCP_CORS: CorsMiddleware = {
  module: '@tmcp/transport-http',
  display: "tmcp's `cors`",
  usage: 'call',
  isWildcardOrigin: (value) => value === '*' || value === true,
  denyOrigin: '[]',
  allowlistOrigin: (allowlist) => allowlist,
  credentialsReflectByDefault: false,
  isCredentialsOn: (value) => Boolean(value),
  reflectsOnTrue: false,
  originFunction: { origin: null, callback: null },
  takesPatterns: false,
  matchesArraysExactly: true,
  optionsTypes: ['CorsConfig'],
  trueMeansDefaults: true,
  noOriginWhenMissing: true,
};

/**
 * `new HttpTransport(server, options)` and `new SseTransport(server, options)`: `respond(request)`
 * answers a web `Request`; they bind nothing (the user's `serve()` or `node:http` server does).
 * Neither checks `Host`. 0.9.0's `allowedOrigins` lets through any request whose `Origin` is the
 * origin of `request.url`, which the `Host` header makes: a DNS-rebinding page's requests are
 * same-origin there, so only a check in front of the transport protects it.
 */
const transport = (name: 'streamable' | 'sse', module: string): readonly Entity[] => [
  {
    kind: 'mcp-transport',
    transport: { name, optionsIndex: 1, protection: 'middleware', requestMethods: ['respond'] },
  },
  { kind: 'cors-option', middleware: { ...TMCP_CORS, module }, argument: 1, key: 'cors' },
];

/** tmcp's web-standard transports. */
export const tmcpAdapter: Adapter = {
  name: 'tmcp',
  modules: {
    '@tmcp/transport-http': { HttpTransport: { [CONSTRUCT]: transport('streamable', '@tmcp/transport-http') } },
    '@tmcp/transport-sse': { SseTransport: { [CONSTRUCT]: transport('sse', '@tmcp/transport-sse') } },
  },
};
