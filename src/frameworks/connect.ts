import { nodeApp } from './express';
import { CALL, type Adapter, type Entity } from './types';

// connect 3 index.js (read from senchalabs/connect): `proto.use = function use(route, fn)` takes one
// handler, under a path prefix ('/' when left out), and returns the app; `proto.listen = function
// listen() { var server = http.createServer(this); return server.listen.apply(server, arguments) }`.
// Handlers get Node's own request and response.
const CONNECT_APP: readonly Entity[] = [
  { kind: 'app', framework: 'connect' },
  { kind: 'server', source: nodeApp('`app.listen()` of connect') },
];

/**
 * connect apps, and the connect app of a Vite dev server (`server.middlewares`), which the analysis
 * finds by where it is used (see `viteDevServer` in analysis/routes.ts): it is no import.
 */
export const connectAdapter: Adapter = {
  name: 'connect',
  modules: { connect: { [CALL]: CONNECT_APP } },
  routes: { verbs: new Set(['use']), ordered: true, chains: true, special: 'connect' },
};
