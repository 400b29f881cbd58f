import { READ, type Adapter, type McpRoutesPlugin } from './types';

/**
 * fastify-mcp 3.0.0 (dist/streamable-http.js): `app.register(streamableHttp, { stateful,
 * mcpEndpoint, createServer, sessions })` registers `fastify.post(mcpEndpoint, …)`, and `get` and
 * `delete` on the same path (stateless: both answer 405), on the scope it is registered in.
 * `mcpEndpoint` is required (dist/streamable-http.d.ts), with no default. The POST route makes a
 * session for any initialize request without `mcp-session-id` (stateful), or serves every request
 * (stateless), through the MCP SDK's `StreamableHTTPServerTransport` made with only
 * `sessionIdGenerator` (and `onsessioninitialized`): no `enableDnsRebindingProtection`, so no
 * `Host` or `Origin` check. It checks no token and has no option for one; it writes no CORS header.
 */
const STREAMABLE_HTTP: McpRoutesPlugin = {
  display: "fastify-mcp's `streamableHttp`",
  mountedBy: 'register',
  pathOption: 'mcpEndpoint',
  defaultPath: null,
  everyMethod: false,
};

/**
 * fastify-mcp 3.0.0 (dist/mcp-sse-plugin.js, deprecated there): `app.register(fastifyMCPSSE, {
 * server, sessions, sseEndpoint = '/sse', messagesEndpoint = '/messages' })` registers
 * `fastify.get(sseEndpoint, …)`, which opens an SDK `SSEServerTransport` (no
 * `enableDnsRebindingProtection`), and `fastify.post(messagesEndpoint, …)`, which hands the body to
 * the session the `sessionId` query names and answers 400 without one. No token, `Host` or
 * `Origin` check; no CORS header.
 */
const SSE: McpRoutesPlugin = {
  display: "fastify-mcp's `fastifyMCPSSE`",
  mountedBy: 'register',
  pathOption: 'messagesEndpoint',
  defaultPath: '/messages',
  everyMethod: false,
  sessionsOnly: true,
};

/** fastify-mcp: Fastify plugins that register an MCP server's routes (dist/index.js exports both, and `Sessions`). */
export const fastifyMcpAdapter: Adapter = {
  name: 'fastify-mcp',
  modules: {
    'fastify-mcp': {
      streamableHttp: { [READ]: [{ kind: 'mcp-routes', routes: STREAMABLE_HTTP }] },
      fastifyMCPSSE: { [READ]: [{ kind: 'mcp-routes', routes: SSE }] },
    },
  },
};
