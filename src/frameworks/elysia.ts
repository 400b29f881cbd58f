import { CONSTRUCT, type Adapter, type Entity, type StartApi } from './types';

// elysia 1.4.30 dist/adapter/bun/index.mjs `listen(app)`: `listen(options, callback)` hands Bun.serve
// `{ ...app.config.serve, ...options }` for an options object, and `{ ...app.config.serve, port }`
// for a port (a numeric string is parsed); Bun's `hostname` defaults to "0.0.0.0". On Node,
// @elysiajs/node 1.4.5 dist/index.mjs `listen(app)` hands srvx's `serve()` the same options (a
// port becomes `{ port }`), and srvx listens on `hostname ?? process.env.HOST`: every interface
// when neither is set.
const ELYSIA_LISTEN: StartApi = {
  display: "Elysia's `app.listen()`",
  hostLabel: '`hostname`',
  defaultBinding: 'default `0.0.0.0`',
  signature: 'port-or-options',
  hostKey: 'hostname',
  socketKey: 'unix',
};

/**
 * Elysia's methods return the app (elysia 1.4.30 dist/index.d.ts: routes, hooks, plugins and
 * state), so that `new Elysia().use(cors()).post('/mcp', h).listen(3000)` is one app.
 */
const ELYSIA_CHAIN: ReadonlySet<string> = new Set([
  'use',
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'options',
  'head',
  'all',
  'route',
  'group',
  'guard',
  'ws',
  'mount',
  'state',
  'decorate',
  'derive',
  'resolve',
  'model',
  'macro',
  'headers',
  'onRequest',
  'onParse',
  'onTransform',
  'onBeforeHandle',
  'onAfterHandle',
  'mapResponse',
  'onAfterResponse',
  'onError',
  'onStart',
  'onStop',
  'trace',
  'as',
]);

const ELYSIA_APP: readonly Entity[] = [
  { kind: 'app', framework: 'elysia' },
  {
    kind: 'server',
    // `app.fetch` is its request handler (`export default app`, `Bun.serve({ fetch: app.fetch })`).
    // The construction options' `serve` are Bun.serve's options under listen()'s own.
    source: { listen: ELYSIA_LISTEN, fetchHandler: true, returnsItself: ELYSIA_CHAIN, constructionServe: 'serve' },
  },
];

/** Elysia: `new Elysia(config)`, its routes and hooks, and `listen(port | options)`. */
export const elysiaAdapter: Adapter = {
  name: 'elysia',
  modules: {
    elysia: { Elysia: { [CONSTRUCT]: ELYSIA_APP }, default: { [CONSTRUCT]: ELYSIA_APP } },
  },
  routes: {
    // elysia 1.4.30 dist/index.d.ts: `post(path, handler, hook?)`, `route(method, path, handler, hook?)`;
    // `all` takes every method.
    verbs: new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']),
    // A local hook applies to the routes registered after it on the same instance (Elysia's docs,
    // "Life Cycle": "the hook will only apply to routes registered after it").
    ordered: true,
    chains: true,
    special: 'elysia',
    // The route's own hook object: `beforeHandle` (a function or a list) runs before the handler,
    // and a value it returns (or an error it throws) is the answer.
    guardHooks: new Set(['beforeHandle']),
    // `onRequest`, `onTransform`, `derive`, `resolve` and `onBeforeHandle` run before the handler, and
    // stop the request by throwing or (all but `derive`/`resolve`) returning a value; `guard(hook)`
    // with no callback gives the routes after it the hook's `beforeHandle`.
    hookMethods: new Set(['onRequest', 'onTransform', 'onBeforeHandle', 'derive', 'resolve', 'guard']),
  },
};
