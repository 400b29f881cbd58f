import { CONSTRUCT, type Adapter, type ServerSource } from './types';

// @chatmcp/sdk (1.0.6, dist/server/rest.js): `new RestServerTransport({ endpoint, port })` then
// `await transport.startServer()`, which makes an express app of its own, routes
// `app.post(endpoint, …)` to the MCP server it is connected to, and calls
// `this._server.listen(this._port, cb)`: there is no host option, so it listens on every
// interface (Node's default). It checks no token, no `Host` and no `Origin`; its media-type
// test is `ct.includes("application/json")`, which a page's `text/plain;application/json` passes.
const REST_SERVER: ServerSource = {
  listen: null,
  fetchHandler: false,
  returnsItself: new Set(),
  startMethod: 'startServer',
  start: {
    display: "`@chatmcp/sdk`'s `startServer()`",
    hostLabel: '`host` option',
    defaultBinding: "it has none, and Node's default is `::`",
    signature: 'no-host',
    hostKey: 'host',
    socketKey: null,
  },
  mcp: { display: '`@chatmcp/sdk` `RestServerTransport`', module: '@chatmcp/sdk' },
};

const REST_EXPORTS = { RestServerTransport: { [CONSTRUCT]: [{ kind: 'server', source: REST_SERVER }] } } as const;

/** `@chatmcp/sdk`'s `RestServerTransport`, which serves MCP over HTTP from an express app of its own. */
export const chatmcpAdapter: Adapter = {
  name: '@chatmcp/sdk',
  modules: {
    '@chatmcp/sdk/server/rest.js': REST_EXPORTS,
    '@chatmcp/sdk/server/rest': REST_EXPORTS,
  },
};
