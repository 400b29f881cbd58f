import { CONSTRUCT, type Adapter, type Entity, type StartApi } from './types';

/**
 * `ws` 8.18 (lib/websocket-server.js): `new WebSocketServer(options)` (also `WebSocket.Server`)
 * accepts every upgrade request it is given. Browsers apply no same-origin policy to WebSocket: a
 * page of any site may open `ws://127.0.0.1:PORT` and read what comes back, sending its own
 * `Origin`. The server refuses a handshake only through its `verifyClient(info)` option
 * (`info.origin` is the `Origin` header, `undefined` from clients that are not browsers:
 * lib/websocket-server.js `completeUpgrade` and `handleUpgrade`), or code that reads `Origin`
 * before it hands the request to `handleUpgrade()` or in its `'connection'` listener.
 */
const server: Entity = { kind: 'websocket-server', verifyKey: 'verifyClient' };

/**
 * ws 8.18 lib/websocket-server.js: given `port`, the constructor makes an HTTP server and calls
 * `this._server.listen(options.port, options.host, options.backlog, callback)`; with no `host`,
 * Node binds every interface. Given `server` or `noServer`, it listens on nothing of its own.
 */
const WS_SERVER: StartApi = {
  display: '`new WebSocketServer()` of `ws`',
  hostLabel: '`host`',
  defaultBinding: "Node's default is `::`",
  signature: 'ws-options',
  hostKey: 'host',
  socketKey: null,
};
const start: Entity = { kind: 'start', api: WS_SERVER };

export const wsAdapter: Adapter = {
  name: 'ws',
  modules: {
    ws: {
      WebSocketServer: { [CONSTRUCT]: [server, start] },
      Server: { [CONSTRUCT]: [server, start] },
    },
  },
};
