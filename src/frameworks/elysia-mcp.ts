import { CALL, type Adapter, type McpRoutesPlugin } from './types';

/**
 * elysia-mcp 0.1.1 (dist/index.js, bundled from src/index.ts `mcp`): `mcp(options)` returns a new
 * Elysia instance with `.all(`${basePath}/*`, handler)` and `.all(basePath, handler)`, `basePath`
 * defaulting to `'/mcp'`; `app.use(mcp(options))` adds them to the app, under the hooks the app
 * registered before (elysia 1.4.30 `_use` re-adds each route through the app's `add`).
 *
 * - Its transport is its own `ElysiaStreamingHttpTransport` (src/transport.ts), not the SDK's: it
 *   checks neither `Host` nor `Origin`, and has no option to.
 * - Its `onBeforeHandle` answers 415 to a POST whose `Content-Type` is not exactly
 *   `application/json`, so a page's simple POST (`text/plain`) gets no tool call; a JSON POST
 *   needs a preflight, which the app's CORS policy answers. The rule counts on no such check, as
 *   for the SDK's transports (docs/threat-model.md).
 * - `authentication(context)` runs in that hook: a `response` it returns is the answer, an
 *   `authInfo` lets the request on (and so does neither). No other token check.
 * - It writes no `Access-Control-*` header: the whole 0.1.1 bundle names none. The repository's
 *   0.0.x code set `Access-Control-Allow-Origin: *` on its SSE answers (src/handlers/base-handler.ts
 *   `setSSEHeaders`, removed in 5a2e2f3 "refactor structure", June 2025), but npm serves no 0.0.x
 *   version any more.
 */
const MCP_PLUGIN: McpRoutesPlugin = {
  display: "elysia-mcp's `mcp()`",
  mountedBy: 'use',
  pathOption: 'basePath',
  defaultPath: '/mcp',
  everyMethod: true,
  authenticatedBy: ['authentication'],
};

/** elysia-mcp: the Elysia plugin that serves an MCP server at `basePath` (ESM dist/index.js, CommonJS dist/index.cjs). */
export const elysiaMcpAdapter: Adapter = {
  name: 'elysia-mcp',
  modules: {
    'elysia-mcp': { mcp: { [CALL]: [{ kind: 'mcp-routes', routes: MCP_PLUGIN }] } },
  },
};
