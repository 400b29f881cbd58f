import { nodeApp } from './express';
import { FORWARDED_TO_NODE } from './node';
import { HONO_APP } from './hono';
import { FASTIFY_APP } from './fastify';
import { CALL, CONSTRUCT, type Adapter, type Entity, type McpAppFactory, type TraceNode } from './types';

/**
 * What the MCP SDK offers against DNS rebinding and for auth, read from its sources:
 * `@modelcontextprotocol/sdk` 1.x and the 2.x packages `@modelcontextprotocol/express`, `/hono`,
 * `/node`, `/server`.
 */

// v1 server/streamableHttp.js and server/sse.js: the options carry `enableDnsRebindingProtection`
// and `allowedHosts` (and `allowedOrigins`); SSE takes them third, after the endpoint and response.
// SDK 1.13.3 is the first whose transports read `enableDnsRebindingProtection`, `allowedHosts` and
// `allowedOrigins` (src/server/streamableHttp.ts and sse.ts; 1.13.2 has none of them).
const SDK_OPTIONS = { module: '@modelcontextprotocol/sdk', version: '1.13.3' } as const;
// From SDK 1.24.0 those options are `@deprecated` in favour of "the `hostHeaderValidation`
// middleware from `@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js`" (1.24.0
// dist/esm/server/streamableHttp.d.ts:72-92 and sse.d.ts:9-29; 1.32.2 webStandardStreamableHttp.d.ts:82-94).
// That module is new in 1.24.0 (1.23.1 has no dist/*/server/middleware/) and the same in 1.32.2
// (but for `catch (_a)` turned `catch`). It exports `hostHeaderValidation(allowedHostnames)` and
// `localhostHostValidation()`, which is `hostHeaderValidation(['localhost', '127.0.0.1', '[::1]'])`:
// Express middleware (`RequestHandler` of express in its .d.ts) that compares the hostname of `Host`
// (as `new URL()` reads `http://` and the header, so on any port) with the list and refuses a missing or
// other Host with `res.status(403).json(...)`, methods of Express's response that node's and
// connect's lack. It checks no `Origin`. ESM and CommonJS reach it by the same specifier: the
// package's exports map `./*` to `./dist/esm/*` for `import` and `./dist/cjs/*` for `require`
// (1.24.0 and 1.32.2 package.json), and `typesVersions` maps `*` to `./dist/esm/*` for TypeScript's
// older resolution. `createMcpExpressApp()` uses it the same way, on the whole app before any
// route: `app.use(localhostHostValidation())` (1.32.2 dist/esm/server/express.js:31-37).
const SDK_HOST_VALIDATION_MODULE = '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
const SDK_MIDDLEWARE = {
  package: '@modelcontextprotocol/sdk',
  version: '1.24.0',
  module: SDK_HOST_VALIDATION_MODULE,
  name: 'localhostHostValidation',
} as const;
const STREAMABLE: readonly Entity[] = [
  {
    kind: 'mcp-transport',
    transport: {
      name: 'streamable',
      optionsIndex: 0,
      protection: 'options',
      optionsSince: SDK_OPTIONS,
      deprecatedFor: SDK_MIDDLEWARE,
    },
  },
];
const SSE: readonly Entity[] = [
  {
    kind: 'mcp-transport',
    transport: {
      name: 'sse',
      optionsIndex: 2,
      protection: 'options',
      optionsSince: SDK_OPTIONS,
      deprecatedFor: SDK_MIDDLEWARE,
    },
  },
];
// v2's `@modelcontextprotocol/server-legacy` keeps v1's SSE transport, with the same options read
// the same way from its first version (packages/server-legacy/src/sse/sse.ts, 2026-08).
const SSE_LEGACY: readonly Entity[] = [
  { kind: 'mcp-transport', transport: { name: 'sse', optionsIndex: 2, protection: 'options' } },
];
// @hono/mcp reads the same options from 0.2.0 (src/streamable-http.ts:54-71); 0.1.x's constructor
// takes only `sessionIdGenerator`, `enableJsonResponse`, `eventStore` and `onsessioninitialized`.
const HONO_STREAMABLE: readonly Entity[] = [
  {
    kind: 'mcp-transport',
    transport: {
      name: 'streamable',
      optionsIndex: 0,
      protection: 'options',
      optionsSince: { module: '@hono/mcp', version: '0.2.0' },
    },
  },
];
// v2 @modelcontextprotocol/server 2.4 (dist/index.d.mts, WebStandardStreamableHTTPServerTransportOptions)
// and @modelcontextprotocol/node 2.1 (NodeStreamableHTTPServerTransport): no DNS-rebinding options;
// `hostHeaderValidation()`, `createMcp*App()` or `validateHostHeader()` in front of them protect them.
const STREAMABLE_V2: readonly Entity[] = [
  { kind: 'mcp-transport', transport: { name: 'streamable', optionsIndex: 0, protection: 'middleware' } },
];

// createMcpExpressApp / createMcpHonoApp: `host` defaults to '127.0.0.1'; for '127.0.0.1',
// 'localhost' and '::1' the Host (v2: and Origin) validation is applied; otherwise only when
// `allowedHosts` is given. The app is `express()` (v1 server/express.js, v2 @modelcontextprotocol/express)
// and its `host` only chooses the validation: it binds nothing.
// v1 (sdk@1.32.2 dist/esm/server/express.js:26-51) validates Host only; v2 (express@2.0.2
// src/express.ts:80-118, hono@2.0.2 src/hono.ts:83-117) validates Origin too, against
// `allowedOrigins` or, for a loopback `host`, the localhost origins.
const EXPRESS_V1: McpAppFactory = {
  name: 'createMcpExpressApp',
  allowedKeys: ['allowedHosts'],
  validatesOrigin: false,
};
const EXPRESS_V2: McpAppFactory = {
  name: 'createMcpExpressApp',
  allowedKeys: ['allowedHosts', 'allowedOrigins'],
  validatesOrigin: true,
};
const HONO_V2: McpAppFactory = {
  name: 'createMcpHonoApp',
  allowedKeys: ['allowedHosts', 'allowedOrigins'],
  validatesOrigin: true,
};
// @modelcontextprotocol/fastify 2.0.0 src/fastify.ts: `createMcpFastifyApp({ host = '127.0.0.1',
// allowedHosts, allowedOrigins })` returns `Fastify()` with `onRequest` hooks that validate Host
// and Origin as the Express and Hono factories do (a loopback `host`, or the lists given).
const FASTIFY_V2: McpAppFactory = {
  name: 'createMcpFastifyApp',
  allowedKeys: ['allowedHosts', 'allowedOrigins'],
  validatesOrigin: true,
};
const expressApp = (factory: McpAppFactory): TraceNode => ({
  [CALL]: [
    { kind: 'mcp-app', factory },
    { kind: 'app', framework: 'express' },
    {
      kind: 'server',
      source: nodeApp(
        '`app.listen()` on the Express app of `createMcpExpressApp()`',
        // The factory's `host` option only picks which `Host` headers are accepted; it does not bind.
        FORWARDED_TO_NODE,
      ),
    },
  ],
});

/**
 * The SDK's Host and Origin validation middleware: using one on an app protects the routes after
 * it. v1 exports `hostHeaderValidation` and `localhostHostValidation` (since 1.24.0; 1.32.2
 * dist/esm/server/middleware/hostHeaderValidation.d.ts, Host only); v2 also `originValidation`
 * and `localhostOriginValidation`. The same table serves both: a name a version lacks is never
 * imported from it.
 */
const validation: TraceNode = {
  hostHeaderValidation: { [CALL]: [{ kind: 'host-validation', header: 'host' }] },
  localhostHostValidation: { [CALL]: [{ kind: 'host-validation', header: 'host' }] },
  originValidation: { [CALL]: [{ kind: 'host-validation', header: 'origin' }] },
  localhostOriginValidation: { [CALL]: [{ kind: 'host-validation', header: 'origin' }] },
};
const bearer: TraceNode = { requireBearerAuth: { [CALL]: [{ kind: 'auth', auth: 'middleware' }] } };

export const mcpSdkAdapter: Adapter = {
  name: 'mcp-sdk',
  modules: {
    '@modelcontextprotocol/sdk/server/streamableHttp.js': {
      StreamableHTTPServerTransport: { [CONSTRUCT]: STREAMABLE },
    },
    '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js': {
      WebStandardStreamableHTTPServerTransport: { [CONSTRUCT]: STREAMABLE },
    },
    '@modelcontextprotocol/sdk/server/sse.js': { SSEServerTransport: { [CONSTRUCT]: SSE } },
    // @hono/mcp 0.3.2 src/streamable-http.ts:64-131 (read from its source map): the SDK v1 options,
    // `enableDnsRebindingProtection ?? false`, `allowedHosts` and `allowedOrigins` as the SDK reads
    // them (and a missing Origin refused when `allowedOrigins` is set); `bearerAuth` answers 401.
    '@hono/mcp': {
      StreamableHTTPTransport: { [CONSTRUCT]: HONO_STREAMABLE },
      bearerAuth: { [CALL]: [{ kind: 'auth', auth: 'middleware' }] },
    },
    '@modelcontextprotocol/sdk/server/express.js': { createMcpExpressApp: expressApp(EXPRESS_V1) },
    // 1.24.0 and 1.24.1 export it from the server's index (sdk@1.24.1 dist/esm/server/index.js:475);
    // server/express.js first ships in 1.24.2.
    '@modelcontextprotocol/sdk/server/index.js': { createMcpExpressApp: expressApp(EXPRESS_V1) },
    [SDK_HOST_VALIDATION_MODULE]: validation,
    '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js': bearer,
    '@modelcontextprotocol/express': { createMcpExpressApp: expressApp(EXPRESS_V2), ...validation, ...bearer },
    '@modelcontextprotocol/hono': {
      createMcpHonoApp: { [CALL]: [{ kind: 'mcp-app', factory: HONO_V2 }, ...HONO_APP] },
      ...validation,
    },
    '@modelcontextprotocol/fastify': {
      createMcpFastifyApp: { [CALL]: [{ kind: 'mcp-app', factory: FASTIFY_V2 }, ...FASTIFY_APP] },
      ...validation,
    },
    '@modelcontextprotocol/node': { NodeStreamableHTTPServerTransport: { [CONSTRUCT]: STREAMABLE_V2 }, ...validation },
    '@modelcontextprotocol/server': {
      WebStandardStreamableHTTPServerTransport: { [CONSTRUCT]: STREAMABLE_V2 },
      ...bearer,
    },
    '@modelcontextprotocol/server-legacy': { SSEServerTransport: { [CONSTRUCT]: SSE_LEGACY }, ...bearer },
    '@modelcontextprotocol/server-legacy/sse': { SSEServerTransport: { [CONSTRUCT]: SSE_LEGACY } },
    '@modelcontextprotocol/server-legacy/auth': bearer,
  },
};
