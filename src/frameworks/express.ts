import { EMITTER_METHODS, FORWARDED_TO_NODE, nodeListen } from './node';
import { CALL, CONSTRUCT, READ, type Adapter, type Entity, type ServerSource, type TraceNode } from './types';

/** Express, Koa and connect apps: `use` returns the app, and each is an EventEmitter. */
export const APP_CHAIN: ReadonlySet<string> = new Set([...EMITTER_METHODS, 'use']);

export function nodeApp(display: string, defaultBinding = FORWARDED_TO_NODE): ServerSource {
  return { listen: nodeListen(display, defaultBinding), fetchHandler: false, returnsItself: APP_CHAIN };
}

// express 5 lib/application.js: `app.listen = function listen() { var server = http.createServer(this);
// ... return server.listen.apply(server, args) }`.
const EXPRESS_APP: readonly Entity[] = [
  { kind: 'app', framework: 'express' },
  { kind: 'server', source: nodeApp('`app.listen()` of Express') },
];
const ROUTER: readonly Entity[] = [{ kind: 'app', framework: 'express' }];

// `express.Router()` works with and without `new` (express 5 lib/express.js exports the router's constructor).
const router: TraceNode = { Router: { [CALL]: ROUTER, [CONSTRUCT]: ROUTER } };
// express 5 lib/express.js: `exports.static = require('serve-static')`, which (serve-static 2
// index.js) calls `next()` for a method other than GET and HEAD and, with `fallthrough` on (its
// default), for a file it does not find.
const staticFiles: TraceNode = { [CALL]: [{ kind: 'static-files' }] };
const express: TraceNode = {
  [CALL]: EXPRESS_APP,
  ...router,
  static: staticFiles,
  default: { [CALL]: EXPRESS_APP, ...router, static: staticFiles },
};

const bearer: readonly Entity[] = [{ kind: 'auth', auth: 'middleware' }];
const csrf: readonly Entity[] = [{ kind: 'auth', auth: 'csrf' }];

/** Express apps and routers, and the authentication and CSRF middleware made for them. */
export const expressAdapter: Adapter = {
  name: 'express',
  modules: {
    // A CommonJS module's default import is the module itself (the tracker's 'legacy' mode).
    express,
    // ultimate-express (read from its README and src/index.js): a drop-in express 4 API on uWebSockets.js;
    // `app.listen(port, host?, cb?)` binds like express.
    'ultimate-express': express,
    'serve-static': { ...staticFiles, default: staticFiles },
    'express-jwt': { expressjwt: { [CALL]: bearer }, [CALL]: bearer },
    passport: { authenticate: { [CALL]: [{ kind: 'auth', auth: 'strategy' }] } },
    csurf: { [CALL]: csrf },
    lusca: { csrf: { [CALL]: csrf } },
    'tiny-csrf': { [CALL]: csrf, default: { [CALL]: csrf } },
    // `const { doubleCsrfProtection } = doubleCsrf({...})`
    'csrf-csrf': { doubleCsrf: { [CALL]: [{ kind: 'auth', auth: 'factory' }] } },
    // Bearer-token middleware for MCP servers from identity vendors (each answers 401 without an
    // `Authorization: Bearer` token, per its docs): Auth0's express-oauth2-jwt-bearer `auth()`,
    // Descope's `descopeMcpBearerAuth()`, Clerk's `mcpAuthClerk` (used as it is) and `mcpAuth()`.
    'express-oauth2-jwt-bearer': { auth: { [CALL]: bearer } },
    '@descope/mcp-express': { descopeMcpBearerAuth: { [CALL]: bearer } },
    '@clerk/mcp-tools/express': { mcpAuthClerk: { [READ]: bearer }, mcpAuth: { [CALL]: bearer } },
    // mcp-auth 0.2.0 (src/index.ts, handlers/handle-bearer-auth.ts): `new MCPAuth(config).bearerAuth(
    // modeOrVerify, config)` returns express middleware that answers 401 without a bearer token
    // (`missing_auth_header`) and with one its verifier refuses.
    'mcp-auth': {
      MCPAuth: {
        [CONSTRUCT]: [
          { kind: 'auth-instance', cookieSession: [], bearerSession: [], bearerMiddleware: ['bearerAuth'] },
        ],
      },
    },
  },
  routes: {
    verbs: new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'use']),
    ordered: true,
    chains: true,
    special: 'express',
  },
  headers: {
    // express 5 lib/response.js: `res.set(field, val)` / `res.header` (an alias) also take an
    // object; `res.append(field, val)`. lib/request.js: `req.get(name)` / `req.header(name)`.
    setNameValue: ['set', 'header', 'append'],
    setObject: ['set', 'header'],
    readNameMethods: ['get', 'header'],
  },
};
