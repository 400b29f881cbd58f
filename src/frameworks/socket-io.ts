import { CALL, CONSTRUCT, type Adapter, type Entity, type TraceNode } from './types';

/**
 * Socket.IO 4.8 (socket.io dist/index.js `new Server(srv?, opts?)`, on engine.io 6.6): the
 * WebSocket transport accepts every upgrade; engine.io refuses a handshake only through the
 * `allowRequest(req, callback)` option (lib/server.js `verify`, called for the first request of a
 * session, the one with no `sid`), and its `cors` option answers the polling transport's requests,
 * not the WebSocket's. A page of any site may connect: code that reads `Origin`
 * (`socket.handshake.headers.origin`) in a `'connection'` listener and disconnects, or in
 * `io.use()` middleware that calls `next(err)`, also refuses it. With the default transports the
 * handshake is a polling GET, which a DNS-rebinding page sends same-origin, with no `Origin`: only
 * a `Host` check keeps that page out (or `transports: ['websocket']`, whose handshake always
 * carries `Origin`).
 */
const server: Entity = {
  kind: 'websocket-server',
  verifyKey: 'allowRequest',
  optionsAt: 'last',
  refuseAll:
    "(req, callback) => callback(null, !req.headers.origin && /^(?:localhost|127\\.0\\.0\\.1|\\[::1\\])(?::\\d+)?$/.test(req.headers.host ?? ''))",
  polls: true,
};

// dist/index.js also exports the module itself as `(srv, opts) => new Server(srv, opts)`: `require('socket.io')(http)`.
const made: TraceNode = { [CALL]: [server], [CONSTRUCT]: [server] };

export const socketIoAdapter: Adapter = {
  name: 'socket.io',
  modules: { 'socket.io': { ...made, Server: made, default: { ...made, Server: made } } },
};
