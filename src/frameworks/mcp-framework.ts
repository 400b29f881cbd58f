import { CONSTRUCT, type Adapter, type ConfiguredServer } from './types';

/**
 * mcp-framework 0.2.22 (src/core/MCPServer.ts, transports/http/server.ts, transports/sse/server.ts,
 * transports/utils/origin-validator.ts; 0.2.16 compared): `new MCPServer({ transport: { type,
 * options, auth } })` (or `transports: [...]`) runs its own HTTP server for the `http-stream` and
 * `sse` types, with `options.host`, `options.port`, `options.cors` and `options.auth`.
 * - Binding: `listen(port, this._config.host ?? '127.0.0.1')` since 0.2.20 (commit 652694d, first
 *   tagged in v0.2.20); before it `listen(port)`, every interface.
 * - CORS: `{ ...DEFAULT_CORS_CONFIG, ...options.cors }` is always applied, and its `allowOrigin`
 *   defaults to `'*'` (sse/types.ts); there is no reflecting mode.
 * - Origin: `cors.allowedOrigins` (since 0.2.20) refuses, with 403, a request whose `Origin` is not
 *   listed, before any routing; a request without `Origin` passes, and an empty list allows every
 *   origin. No `Host` check.
 * - Auth: `auth: { provider }` (on the transport, its options or the server) refuses a request
 *   without the API key or bearer token; with none, every request is let in.
 */
const MCP_FRAMEWORK: ConfiguredServer = {
  display: "mcp-framework's `MCPServer`",
  module: 'mcp-framework',
  httpTypes: ['http-stream', 'sse'],
  loopbackSince: '0.2.20',
  originListSince: '0.2.20',
};

export const mcpFrameworkAdapter: Adapter = {
  name: 'mcp-framework',
  modules: {
    'mcp-framework': { MCPServer: { [CONSTRUCT]: [{ kind: 'configured-server', server: MCP_FRAMEWORK }] } },
  },
};
