import { CONSTRUCT, type Adapter, type Entity } from './types';

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

export const wsAdapter: Adapter = {
  name: 'ws',
  modules: {
    ws: {
      WebSocketServer: { [CONSTRUCT]: [server] },
      Server: { [CONSTRUCT]: [server] },
    },
  },
};
