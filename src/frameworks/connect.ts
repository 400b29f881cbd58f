import { nodeApp } from './express';
import { CALL, type Adapter, type Entity } from './types';

// connect 3.7.0 (senchalabs/connect index.js at tag 3.7.0, 2019-05-17; these lines are the same at
// 98ab0c4 of 2024-09-27): `proto.use = function use(route, fn)` (:76) takes one handler, under a
// path prefix ('/' when left out), and returns the app; `proto.listen = function listen() { var
// server = http.createServer(this); return server.listen.apply(server, arguments) }` (:215-217), so
// no host binds Node's default, every interface. Handlers get Node's own request and response.
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
