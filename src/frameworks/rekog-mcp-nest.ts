import { CALL, CONSTRUCT, type Adapter } from './types';

/**
 * `@rekog/mcp-nest` 1.x (1.9.11, dist/mcp/mcp.module.js `forRoot`, transport/*.controller.factory.js,
 * services/mcp-streamable-http.service.js): `McpModule.forRoot(options)` mounts NestJS controllers
 * for the SSE (`sse`, `messages`) and Streamable HTTP (`mcp`) endpoints unless `transport` leaves
 * both out (the default is `[SSE, STREAMABLE_HTTP, STDIO]`), on the app `NestFactory` makes. Its
 * controllers check neither `Host` nor `Origin` (they make SDK transports with no
 * `enableDnsRebindingProtection`), and `guards` (default `[]`) is the only check in front of
 * them, as `@UseGuards(...guards)`. `forRootAsync()` takes every option but `transport` from a
 * factory.
 *
 * 2.x (2.0.5, dist/mcp/transport/transports/streamable-http.transport.js) has no `McpModule`:
 * `new StreamableHttpTransport(options)`, handed to `new McpStrategy({ transports })`, serves the
 * endpoint and checks `Origin` and `Host` only against the lists in `options.security`
 * (`allowedOrigins`, `allowedHosts`, each a list or `'localhost'`); with no `security` it checks
 * neither (`resolveAllowlist(undefined)` is `undefined`, and `rejectedByHeaderValidation` skips).
 * It registers its `POST`/`GET`/`DELETE` routes on the Nest HTTP adapter itself, outside Nest's
 * pipeline (no guards, interceptors or global prefix), unless `mount: false` or a read of its
 * `httpHandlers` (a controller of the project that serves them) turns that off (2.0.0-alpha.0,
 * packages/mcp-nest/src/mcp/transport/transports/streamable-http.transport.ts, `mount`).
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
      StreamableHttpTransport: {
        [CONSTRUCT]: [
          {
            kind: 'mcp-transport',
            transport: {
              name: 'streamable',
              optionsIndex: 0,
              protection: 'lists',
              lists: { key: 'security', fix: "security: { allowedHosts: 'localhost', allowedOrigins: 'localhost' }" },
              selfMounts: { option: 'mount' },
            },
          },
        ],
      },
    },
  },
};
