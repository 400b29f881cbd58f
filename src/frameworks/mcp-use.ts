import { HONO_CORS } from './cors-packages';
import { CALL, CONSTRUCT, type Adapter, type CorsMiddleware, type Entity, type ServerSource } from './types';

// mcp-use 1.x (`mcp-use/server`; 1.34.6 dist/src/server/index.js, 1.17.0, 1.20.4 and 1.28.0
// compared): `new MCPServer({ name, version, host, cors, allowedOrigins, oauth })`, then
// `server.listen(port?)` serves MCP (and its inspector) from a Hono app on @hono/node-server.
// - Binding: `this.serverHost = config.host || "localhost"` (:8413), which the `HOST` environment
//   variable overrides in `listen()` (:9584): loopback unless told otherwise.
// - CORS: `app.use("*", cors(options.cors ?? getDefaultCorsOptions()))` (:721) with hono's `cors`
//   and `origin: "*"` by default, never with credentials unless the options say so. An object given
//   replaces the defaults, whose `origin` is hono's `'*'` again. 1.17.0 ignored `cors` and always
//   answered `*`; 1.20.4 reads it.
// - Host: only with `allowedOrigins`, whose hostnames `hostHeaderValidation` checks `Host` against
//   (:648, :717; an empty list checks nothing); there is no `Origin` check. 1.17.0 ignored the option.
// - Auth: `oauth` puts a bearer-token check in front of `/mcp` (:6666); none by default.
// `createMCPServer(name, config)` (deprecated) makes the same server from `config`, but forwards
// neither `cors` nor anything but host, `allowedOrigins` and `oauth` of what this analysis reads.
const MCP_USE_1_CORS: CorsMiddleware = {
  // hono's `cors()`, given the server's `cors` option or mcp-use's defaults.
  ...HONO_CORS,
  module: 'mcp-use',
  display: "mcp-use's `MCPServer` `cors`",
  optionsSince: '1.20.4',
  // Options given replace mcp-use's defaults, whose `exposeHeaders` lets browser clients read the
  // session id (hono reflects the requested headers itself when `allowHeaders` is left out).
  createdOptions: "exposeHeaders: ['mcp-session-id']",
};

/** `createMCPServer(name, config)` hands no `cors` on: its server always answers `*`. */
const CREATE_MCP_SERVER_CORS: CorsMiddleware = {
  ...MCP_USE_1_CORS,
  display: "mcp-use's `createMCPServer()`",
  noDenyValue: true,
};

const MCP_USE_1: ServerSource = {
  listen: {
    display: "mcp-use's `server.listen()`",
    hostLabel: '`host`',
    defaultBinding: null,
    signature: 'construction-host',
    hostKey: 'host',
    socketKey: null,
  },
  fetchHandler: false,
  returnsItself: new Set(),
  authenticatedBy: ['oauth'],
  mcp: {
    display: 'mcp-use `MCPServer`',
    module: 'mcp-use',
    hostList: 'allowedOrigins',
    hostListSince: '1.20.4',
  },
};

// mcp-use 2.x (`mcp-use`; 2.5.2 dist/index-node.js): `new MCPServer(config)` and
// `server.listen(port?, { host? })`, whose host is `options.host`, then `HOST`, then `config.host`,
// then "127.0.0.1" (`resolveListenHost`).
// - CORS: off unless `config.cors` is set (`isGlobalCorsEnabled`: set, and not `enabled: false`);
//   then `resolveAllowedOrigin` answers '*' for '*', the request's origin when it is in an array,
//   what a function returns, and the request's own origin when `origin` is left out.
// - Host: checked against localhost names when it binds 127.0.0.1, localhost or ::1, or against
//   `allowedHosts` when given (`#validationPolicy`); `Origin` only against `allowedOrigins`.
// - Auth: `oauth` puts `requireBearerAuth` in front of the MCP path; none by default.
// mcp-use 2.5.2 `corsFetchMiddleware` / `resolveAllowedOrigin`: `origin` undefined answers the
// request's own origin, '*' answers '*', an array answers an origin it holds (so `[]` none), a
// function answers what it returns; `enabled: false` turns it off; `credentials` defaults to false.
const MCP_USE_2_CORS: CorsMiddleware = {
  ...HONO_CORS,
  module: 'mcp-use',
  display: "mcp-use's `MCPServer` `cors`",
  isCredentialsOn: (value) => value === true,
  reflectsWhenMissing: true,
  // `cors: true` turns it on with the defaults (`isGlobalCorsEnabled`: set and not `enabled: false`).
  trueMeansDefaults: true,
  disabledBy: 'enabled',
  optionsSince: '2.0.0',
};

const MCP_USE_2: ServerSource = {
  ...MCP_USE_1,
  listen: { ...MCP_USE_1.listen!, listenOptions: true },
  mcp: {
    display: 'mcp-use `MCPServer`',
    module: 'mcp-use',
    hostList: 'allowedHosts',
    hostListSince: '2.0.0',
    checksHostOnLoopback: true,
    originList: 'allowedOrigins',
  },
};

const SERVER_1: readonly Entity[] = [
  { kind: 'server', source: MCP_USE_1 },
  { kind: 'cors-option', middleware: MCP_USE_1_CORS, argument: 0, key: 'cors', byDefault: true },
];

/** mcp-use's `MCPServer`: an MCP server that serves HTTP itself, with its own CORS and Host options. */
export const mcpUseAdapter: Adapter = {
  name: 'mcp-use',
  modules: {
    'mcp-use/server': {
      MCPServer: { [CONSTRUCT]: SERVER_1 },
      createMCPServer: {
        [CALL]: [
          { kind: 'server', source: { ...MCP_USE_1, optionsArgument: 1 } },
          { kind: 'cors-option', middleware: CREATE_MCP_SERVER_CORS, argument: 1, key: 'cors', ignoresKey: true },
        ],
      },
    },
    'mcp-use': {
      MCPServer: {
        [CONSTRUCT]: [
          { kind: 'server', source: MCP_USE_2 },
          { kind: 'cors-option', middleware: MCP_USE_2_CORS, argument: 0, key: 'cors' },
        ],
      },
    },
  },
};
