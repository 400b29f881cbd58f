import { CALL, READ, type Adapter, type ConfigFileServer, type CorsMiddleware } from './types';

// xmcp 1.1.0 (basementstudio/xmcp packages/xmcp/src, tag xmcp@1.1.0):
// - config/schemas/transport/http.ts: `http.cors` is `{ origin, methods, allowedHeaders,
//   exposedHeaders, credentials, maxAge }` merged over DEFAULT_CORS_CONFIG, whose `origin` is "*"
//   (runtime/transports/http/cors/defaults.ts); `origin` is a string, a string array or a boolean.
// - runtime/transports/http/cors/headers.ts: `true` sends the request's Origin back; `false` sends
//   no Access-Control-Allow-Origin; a string is sent as it is; an array sends the request's Origin
//   when it lists it, else its first member, or "*" when it is empty. `credentials` is sent as set.
const XMCP_CORS: CorsMiddleware = {
  module: 'xmcp',
  display: "xmcp's `http.cors`",
  usage: 'call',
  // Left out (or `undefined`, which the schema drops), it is the default `*`.
  isWildcardOrigin: (value) =>
    value === undefined || value === '*' || (Array.isArray(value) && (value.length === 0 || value[0] === '*')),
  denyOrigin: 'false',
  allowlistOrigin: (allowlist) => allowlist,
  credentialsReflectByDefault: false,
  isCredentialsOn: (value) => value === true,
  reflectsOnTrue: true,
  // The schema takes no function, and no RegExp.
  originFunction: { origin: null, callback: null },
  takesPatterns: false,
  // An origin it does not list gets the first member: `['*']` (from the environment, say) is `*`.
  matchesArraysExactly: false,
  optionsTypes: [],
};

// xmcp 1.1.0: the compiler reads `xmcp.config.ts` (or `.json`) from the project's root
// (packages/compiler/src/compiler/parse-xmcp-config.ts); its default export's `http` (`true` or
// an object) builds the HTTP server, none when it is left out. runtime/transports/http/
// stateless-streamable-http.ts: `listen(port, options.host || "127.0.0.1")`, the CORS middleware
// before every route, `src/middleware.ts` (compiler/generate-import-code.ts) mounted before the
// MCP endpoint unless `experimental.adapter` hands the server to Next.js or express; no Host or
// Origin check. Since 1.0.0 (commit 10bdd57e) the endpoint is the SDK v2 `createMcpHandler`,
// which answers 415 to a POST whose Content-Type is not `application/json`; 0.x mounts
// `express.json()` (express 4: body-parser 1.x sets `req.body = {}` for any other Content-Type)
// and hands `req.body` to the transport (v0.6.5 stateless-streamable-http.ts:304, :452), which
// finds no request in `{}`. Either way a cross-site POST that runs a tool needs a preflight, which
// the CORS policy answers. Before 0.1.7 the default origin was `""` (v0.1.4
// get-injected-variables.ts:57, setup-cors.ts:6-10), which no page matches; `*` since
// (v0.1.7 compiler/config/constants.ts:9).
const XMCP_CONFIG: ConfigFileServer = {
  display: "xmcp's `http` server",
  module: 'xmcp',
  fileName: 'xmcp.config.ts',
  httpKey: 'http',
  hostKey: 'host',
  corsKey: 'cors',
  cors: XMCP_CORS,
  servedElsewhereBy: ['experimental', 'adapter'],
  middlewareModule: 'src/middleware.ts',
  // config/schemas/transport/http.ts: `endpoint: z.string().default("/mcp")`.
  endpoint: { key: 'endpoint', byDefault: '/mcp' },
  // Before 0.7.0 (commit 656f7b6b "remove oauth proxy & config"), `experimental.oauth` mounted,
  // before the MCP endpoint, a middleware answering 401 to a request without a Bearer token
  // (src/auth/oauth/router.ts `createOAuthMiddleware`, used by stateless-streamable-http.ts).
  authenticatedBy: { path: ['experimental', 'oauth'], before: '0.7.0' },
  wildcardByDefaultSince: '0.1.7',
};

/**
 * The auth plugins of xmcp's repository (packages/plugins/auth0 and clerk, src/provider.ts, 2026):
 * `auth0Provider(config)` and `clerkProvider(config)` return the middleware that answers 401
 * without a `Bearer` token they verify, but only for a request whose path starts with `/mcp`
 * (`if (!req.path.startsWith("/mcp")) next()`): an endpoint elsewhere is not guarded.
 */
const MCP_PATH_PROVIDER = { [CALL]: [{ kind: 'auth', auth: 'middleware', guardsPathsUnder: '/mcp' }] } as const;

/**
 * The Next.js adapter xmcp builds (`@xmcp/adapter`; xmcp 1.1.0 src/runtime/adapters/nextjs): its
 * `xmcpHandler` is a web request handler that serves the project's MCP server (a route file exports
 * it as `GET` and `POST`), and (auth.ts) `withAuth(handler, { verifyToken, required })` reads the
 * `Authorization: Bearer` token and hands it to `verifyToken`, but with the default `required:
 * false` it calls the handler without one; only `required: true` answers 401 when `verifyToken`
 * finds no token.
 */
const NEXT_ADAPTER = {
  xmcpHandler: { [READ]: [{ kind: 'mcp-handler' }] },
  withAuth: { [CALL]: [{ kind: 'auth', auth: 'wrapper', optionsArgument: 1 }] },
} as const;

/**
 * xmcp: `xmcp.config.ts` and its auth middleware (`apiKeyAuthMiddleware` and `jwtAuthMiddleware`
 * answer 401 without a key).
 */
export const xmcpAdapter: Adapter = {
  name: 'xmcp',
  modules: {
    xmcp: {
      apiKeyAuthMiddleware: { [CALL]: [{ kind: 'auth', auth: 'middleware' }] },
      jwtAuthMiddleware: { [CALL]: [{ kind: 'auth', auth: 'middleware' }] },
    },
    '@xmcp/adapter': NEXT_ADAPTER,
    '@xmcp-dev/auth0': { auth0Provider: MCP_PATH_PROVIDER },
    '@xmcp-dev/clerk': { clerkProvider: MCP_PATH_PROVIDER },
  },
  configFiles: [XMCP_CONFIG],
};
