import { CALL, type Adapter } from './types';

/**
 * `@rekog/mcp-nest` 1.x (1.9.11, dist/mcp/mcp.module.js `forRoot`, transport/*.controller.factory.js,
 * services/mcp-streamable-http.service.js): `McpModule.forRoot(options)` mounts NestJS controllers
 * for the SSE (`sse`, `messages`) and Streamable HTTP (`mcp`) endpoints unless `transport` leaves
 * both out (the default is `[SSE, STREAMABLE_HTTP, STDIO]`), on the app `NestFactory` makes. Its
 * controllers check neither `Host` nor `Origin` (they make SDK transports with no
 * `enableDnsRebindingProtection`), and `guards` (default `[]`) is the only check in front of
 * them, as `@UseGuards(...guards)`. `forRootAsync()` takes every option but `transport` from a
 * factory. 2.x has no `McpModule`: its transports (`security.allowedHosts` and `allowedOrigins`)
 * default to the localhost names.
 */
export const REKOG_MCP_NEST = '@rekog/mcp-nest';

export const rekogMcpNestAdapter: Adapter = {
  name: 'rekog-mcp-nest',
  modules: {
    [REKOG_MCP_NEST]: {
      McpModule: {
        forRoot: { [CALL]: [{ kind: 'mcp-module', async: false }] },
        forRootAsync: { [CALL]: [{ kind: 'mcp-module', async: true }] },
      },
    },
  },
};
