import { NODE_SERVER_CHAIN, NODE_DEFAULT, nodeListen } from './node';
import { CALL, CONSTRUCT, type Adapter, type Entity, type TraceNode } from './types';

/** Hono's routing methods return the app (hono dist/hono-base.js); `basePath` returns a copy of it. */
const HONO_CHAIN: ReadonlySet<string> = new Set([
  'use',
  'get',
  'post',
  'put',
  'delete',
  'patch',
  'options',
  'all',
  'on',
  'route',
  'basePath',
  // @hono/zod-openapi's `OpenAPIHono#openapi(route, handler)` returns the app too.
  'openapi',
]);

export const HONO_APP: readonly Entity[] = [
  { kind: 'app', framework: 'hono' },
  { kind: 'server', source: { listen: null, fetchHandler: true, returnsItself: HONO_CHAIN } },
];
const hono: TraceNode = { Hono: { [CONSTRUCT]: HONO_APP } };
const serveStatic: TraceNode = { serveStatic: { [CALL]: [{ kind: 'static-files' }] } };

/** Hono apps, `@hono/node-server`, Hono's bearer and JWT middleware, and `createMiddleware()`. */
export const honoAdapter: Adapter = {
  name: 'hono',
  modules: {
    hono,
    'hono/tiny': hono,
    'hono/quick': hono,
    // @hono/zod-openapi dist/index.js: `class OpenAPIHono extends Hono`, whose `openapi(route,
    // handler)` registers the handler for the route config's `method` and `path`.
    '@hono/zod-openapi': { OpenAPIHono: { [CONSTRUCT]: HONO_APP } },
    '@hono/node-server': {
      // @hono/node-server 2.x dist/index.mjs: `serve(options, cb)` calls
      // `server.listen(options?.port ?? 3e3, options.hostname, ...)`, so a missing `hostname` is Node's default.
      serve: {
        [CALL]: [
          {
            kind: 'start',
            api: {
              display: '`serve()` from `@hono/node-server`',
              hostLabel: '`hostname`',
              // It calls Node's `server.listen(port, hostname)`.
              defaultBinding: NODE_DEFAULT,
              signature: 'serve-options',
              hostKey: 'hostname',
              socketKey: null,
            },
          },
        ],
      },
      // `createAdaptorServer(options)` returns Node's `createServer(...)`, not yet listening; its
      // `hostname` option only builds request URLs.
      createAdaptorServer: {
        [CALL]: [
          {
            kind: 'server',
            source: {
              listen: nodeListen('`server.listen()` on the server of `createAdaptorServer()`', NODE_DEFAULT),
              fetchHandler: false,
              returnsItself: NODE_SERVER_CHAIN,
            },
          },
        ],
      },
    },
    'hono/bearer-auth': { bearerAuth: { [CALL]: [{ kind: 'auth', auth: 'middleware' }] } },
    // @hono/stytch-auth (honojs/middleware packages/stytch-auth/src/index.ts, 2026): `Consumer.` and
    // `B2B.authenticateOAuthToken()` throw a 401 `HTTPException` unless `Authorization` holds a
    // `Bearer` token that Stytch's `introspectTokenLocal` accepts. (Not their
    // `authenticateSession*()`, which read the `stytch_session_jwt` cookie by default.)
    '@hono/stytch-auth': {
      Consumer: { authenticateOAuthToken: { [CALL]: [{ kind: 'auth', auth: 'middleware' }] } },
      B2B: { authenticateOAuthToken: { [CALL]: [{ kind: 'auth', auth: 'middleware' }] } },
    },
    // Not 'hono/basic-auth': browsers send remembered Basic credentials with cross-site requests, as
    // they send cookies, so Basic auth stops no forged request.
    'hono/jwt': { jwt: { [CALL]: [{ kind: 'auth', auth: 'jwt' }] } },
    // hono src/middleware/csrf/index.ts (4.x, 2026-08): refuses with 403 a POST whose Content-Type
    // is a form's or `text/plain` (or none) unless `Sec-Fetch-Site` or `Origin` is allowed (its own
    // origin by default; a missing `Origin` is refused): the requests a page sends without a preflight.
    // Before 4.6.5 (GHSA-2234-fmw7-43wr, commit aa50e0ab) a POST with no Content-Type got through;
    // an `origin` (or `secFetchSite`) function that answers only `true` lets every page in.
    'hono/csrf': {
      csrf: {
        [CALL]: [
          {
            kind: 'auth',
            auth: 'csrf',
            since: { module: 'hono', version: '4.6.5' },
            openedBy: /^(?:origin|secFetchSite)$/u,
          },
        ],
      },
    },
    'hono/jwk': { jwk: { [CALL]: [{ kind: 'auth', auth: 'jwt' }] } },
    // hono 4 dist/helper/factory/index.js: `const createMiddleware = (middleware) => middleware`.
    'hono/factory': { createMiddleware: { [CALL]: [{ kind: 'middleware-wrapper', argument: 0 }] } },
    // hono 4 src/middleware/serve-static/index.ts: answers with the file under `root` it finds and
    // calls `next()` otherwise; each runtime's module and @hono/node-server 1.x export it.
    'hono/bun': serveStatic,
    'hono/deno': serveStatic,
    'hono/cloudflare-workers': serveStatic,
    '@hono/node-server/serve-static': serveStatic,
  },
  routes: {
    verbs: new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all', 'use']),
    ordered: true,
    chains: true,
    special: 'hono',
  },
  headers: {
    // hono dist/context.js: `c.header(name, value)`; `c.json(data, status, headers)` or
    // `c.json(data, init)` (also `text`, `html`, `body`, `newResponse`); `c.req.header(name)`.
    setNameValue: ['header'],
    responseHelpers: ['json', 'text', 'html', 'body', 'newResponse'],
    readNameMethods: ['header'],
  },
};
