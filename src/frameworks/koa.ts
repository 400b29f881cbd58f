import { nodeApp } from './express';
import { CALL, CONSTRUCT, type Adapter, type Entity, type TraceNode } from './types';

// koa 3 lib/application.js: `listen (...args) { const server = http.createServer(this.callback());
// return server.listen(...args) }`.
const KOA_APP: readonly Entity[] = [
  { kind: 'app', framework: 'koa' },
  { kind: 'server', source: nodeApp('`app.listen()` of Koa') },
];
const ROUTER: readonly Entity[] = [{ kind: 'app', framework: 'koa-router' }];
const koaRouter: TraceNode = { [CONSTRUCT]: ROUTER, Router: { [CONSTRUCT]: ROUTER }, default: { [CONSTRUCT]: ROUTER } };
const jwt: readonly Entity[] = [{ kind: 'auth', auth: 'jwt' }];
// koa-send 5 (README, index.js): `send(ctx, path, { root, setHeaders })` answers with the file at
// `path` under `root`, and nothing else; koa-static 5 `serve(root, { setHeaders })` does it for
// every GET and HEAD, through koa-send.
const staticFiles: TraceNode = { [CALL]: [{ kind: 'static-files' }] };

/** Koa apps (whose middleware routes by hand), `@koa/router`, `koa-jwt`, and koa-send's static files. */
export const koaAdapter: Adapter = {
  name: 'koa',
  modules: {
    koa: { [CONSTRUCT]: KOA_APP, default: { [CONSTRUCT]: KOA_APP } },
    '@koa/router': koaRouter,
    'koa-router': koaRouter,
    'koa-jwt': { [CALL]: jwt, default: { [CALL]: jwt } },
    'koa-send': { ...staticFiles, default: staticFiles },
    'koa-static': { ...staticFiles, default: staticFiles },
  },
  routes: {
    verbs: new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'use']),
    ordered: true,
    chains: true,
  },
  headers: {
    // koa 3 lib/response.js: `ctx.set(field, val)` (or an object), `ctx.append(field, val)`;
    // lib/request.js: `ctx.get(field)`, `ctx.request.header`.
    setNameValue: ['set', 'append'],
    setObject: ['set'],
    readNameMethods: ['get'],
    readObjects: ['header', 'headers'],
  },
};
