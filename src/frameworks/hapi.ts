import { CALL, CONSTRUCT, type Adapter, type ServerSource } from './types';

// hapi 21 (`@hapi/hapi`; read from hapijs/hapi v21.4.7 lib/core.js): `Hapi.server(options)` (or
// `new Hapi.Server(options)`) makes a server that `await server.start()` starts listening. `_listen()`
// (:310-341) calls `this.listener.listen(this.settings.port, address, finalize)` with
// `const address = this.settings.address || this.settings.host || null` (:339), whose comment says
// "Default is the unspecified address, :: if IPv6 is available or otherwise the IPv4 address
// 0.0.0.0": with neither `address` nor `host`, every interface. A `port` that is a string naming
// no number is a Unix socket or a Windows named pipe (lib/config.js, `port`), handed to `listen` as
// such (:335). `server.initialize()` and `server.inject()` (tests) start no listener.
/** What hapi binds with neither `address` nor `host`. */
export const HAPI_DEFAULT = "hapi's default is `::`";

const HAPI: ServerSource = {
  listen: null,
  fetchHandler: false,
  returnsItself: new Set(),
  start: {
    display: "hapi's `server.start()`",
    hostLabel: '`host` (or `address`)',
    defaultBinding: HAPI_DEFAULT,
    signature: 'hapi-start',
    hostKey: 'host',
    socketKey: null,
  },
};

const HAPI_EXPORTS = {
  server: { [CALL]: [{ kind: 'server', source: HAPI }] },
  Server: { [CONSTRUCT]: [{ kind: 'server', source: HAPI }] },
} as const;

/** hapi: `Hapi.server({ port, host })`, started by `server.start()`; `hapi` is its name before v18. */
export const hapiAdapter: Adapter = {
  name: 'hapi',
  modules: {
    '@hapi/hapi': HAPI_EXPORTS,
    hapi: HAPI_EXPORTS,
  },
};
