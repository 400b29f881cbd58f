import { CORS } from './cors-packages';
import { CALL, type Adapter, type CorsMiddleware, type Entity } from './types';

// Cloudflare's `agents` 0.21.0 (packages/agents/src/mcp/legacy-agent.ts:555-624, utils.ts:850-876):
// `McpAgent.serve(path, { corsOptions })` (and `serveSSE`, and the older `mount`, which call it)
// returns a Worker fetch handler that answers every preflight and MCP response with
// `Access-Control-Allow-Origin: corsOptions.origin || "*"`, and never with
// `Access-Control-Allow-Credentials`. The origin is one string, sent as it is: no value lets no
// origin in, so a fix cannot write one; the owner names the client's origin. It checks no `Host`
// and no `Origin`.
//
// Its stateless `createMcpHandler(factory, options)` (`agents/mcp/server`,
// src/mcp/handler-stateless.ts:55-250) also answers with `corsOptions.origin`, `*` by default
// (DEFAULT_CORS_OPTIONS; `corsOptions: false` sends no CORS headers), but refuses a browser request
// whose `Origin` is not localhost-class, the Worker's own workers.dev name or `corsOptions.origin`:
// a page on another site gets no response to read, unless `allowedOriginHostnames: '*'` turns
// that check off.
const MCP_AGENT_CORS: CorsMiddleware = {
  ...CORS,
  module: 'agents',
  display: "`McpAgent.serve()`'s `corsOptions`",
  isWildcardOrigin: (value) => value === '*' || !value,
  credentialsReflectByDefault: false,
  isCredentialsOn: () => false,
  reflectsOnTrue: false,
  originFunction: { origin: null, callback: null },
  takesPatterns: false,
  matchesArraysExactly: false,
  optionsTypes: ['CORSOptions'],
  noDenyValue: true,
};

const STATELESS_CORS: CorsMiddleware = {
  ...MCP_AGENT_CORS,
  display: "agents' `createMcpHandler()` `corsOptions`",
};

const SERVE: readonly Entity[] = [
  { kind: 'cors-option', middleware: MCP_AGENT_CORS, argument: 1, key: 'corsOptions', byDefault: true },
];

/**
 * Cloudflare's Agents SDK: what `McpAgent.serve()` and the stateless `createMcpHandler()` answer
 * with their `corsOptions`.
 */
export const cloudflareAgentsAdapter: Adapter = {
  name: 'cloudflare-agents',
  // agents 0.2 (package.json `peerDependencies`, src/index.ts `import … from 'cloudflare:workers'`):
  // its agents are Durable Objects, which only workerd runs; `cloudflare:workers` is workerd's own.
  workerOnlyModules: ['agents', 'agents/mcp', 'agents/mcp/server', 'cloudflare:workers'],
  modules: {
    'agents/mcp': { McpAgent: { serve: { [CALL]: SERVE }, serveSSE: { [CALL]: SERVE }, mount: { [CALL]: SERVE } } },
    'agents/mcp/server': {
      createMcpHandler: {
        [CALL]: [
          {
            kind: 'cors-option',
            middleware: STATELESS_CORS,
            argument: 1,
            key: 'corsOptions',
            byDefault: true,
            onlyWhen: { key: 'allowedOriginHostnames', value: '*' },
          },
        ],
      },
    },
  },
};
