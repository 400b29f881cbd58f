import { CALL, READ, type Adapter, type CorsMiddleware, type TraceNode } from './types';

// cors/lib/index.js: defaults `origin: '*'`; `!options.origin || origin === '*'` allows any origin
// only when the key is absent (defaults are merged first) or '*'; `false` skips CORS.
// `originCallback(req.headers.origin, function (err2, origin) { … })`; `isOriginAllowed` tests a
// RegExp (`allowedOrigin instanceof RegExp`) against the origin. cors 2.8.6 `middlewareWrapper(o)`:
// a function `o` is called as `o(req, function (err, options) { … })` for each request, and the
// options it hands back are merged with the defaults as written ones are.
export const CORS: CorsMiddleware = {
  module: 'cors',
  display: '`cors()`',
  usage: 'call',
  isWildcardOrigin: (value) => value === '*',
  denyOrigin: 'false',
  allowlistOrigin: (allowlist) => allowlist,
  credentialsReflectByDefault: false,
  // `options.credentials === true`
  isCredentialsOn: (value) => value === true,
  reflectsOnTrue: true,
  originFunction: { origin: 0, callback: 1 },
  optionsDelegateCallback: 1,
  takesPatterns: true,
  matchesArraysExactly: true,
  // @types/cors 2.8: `declare namespace e { interface CorsOptions … }`, `export = e`.
  optionsTypes: ['CorsOptions'],
};

// hono/dist/middleware/cors: defaults `origin: '*'`; an array allows its members only, so `[]`
// allows none. `await findAllowOrigin(c.req.header("origin") || "", c)` answers the header value.
export const HONO_CORS: CorsMiddleware = {
  module: 'hono/cors',
  display: '`hono/cors`',
  usage: 'call',
  isWildcardOrigin: (value) => value === '*',
  denyOrigin: '[]',
  allowlistOrigin: (allowlist) => allowlist,
  credentialsReflectByDefault: false,
  // `if (opts.credentials)`
  isCredentialsOn: Boolean,
  // `true` is neither a string, a function nor an array: `true.includes(origin)` throws on every request.
  reflectsOnTrue: false,
  originFunction: { origin: 0, callback: null },
  takesPatterns: false,
  matchesArraysExactly: true,
  // hono 4 dist/types/middleware/cors: `CORSOptions` is not exported; code names it `Parameters<typeof cors>[0]`.
  optionsTypes: [],
};

// @fastify/cors/index.js: defaults `origin: '*'`; an array that contains '*' also answers '*';
// `false` adds no CORS headers; `getAccessControlAllowOriginHeader` reflects when the option is
// `true`. `origin.call(fastify, req.headers.origin, cb)`, or a promise of the answer; a RegExp is
// tested after `lastIndex = 0`.
const FASTIFY_CORS: CorsMiddleware = {
  module: '@fastify/cors',
  display: '`@fastify/cors`',
  usage: 'register',
  isWildcardOrigin: (value) => value === '*' || (Array.isArray(value) && value.includes('*')),
  denyOrigin: 'false',
  allowlistOrigin: (allowlist) => allowlist,
  credentialsReflectByDefault: false,
  // `if (corsOptions.credentials)`
  isCredentialsOn: Boolean,
  reflectsOnTrue: true,
  originFunction: { origin: 0, callback: 1 },
  takesPatterns: true,
  // An array that holds '*' answers '*' (see above): what the environment puts in the list may be the wildcard.
  matchesArraysExactly: false,
  // @fastify/cors 11 types/index.d.ts: `export interface FastifyCorsOptions`.
  optionsTypes: ['FastifyCorsOptions'],
  // @fastify/cors 11.4.3 index.js: `else if (opts.delegator)`, each request's options are what
  // `opts.delegator(req, cb)` resolves, the static `origin` default aside.
  perRequestOptions: 'delegator',
};

// @koa/cors v5 index.js: a non-function origin is `options.origin || '*'`, so every falsy value is a
// wildcard too, and with credentials the '*' becomes the request's own Origin. Only a function that
// returns a falsy value skips CORS: `await options.origin(ctx)` reads the Origin from the context.
const KOA_CORS: CorsMiddleware = {
  module: '@koa/cors',
  display: '`@koa/cors`',
  usage: 'call',
  isWildcardOrigin: (value) => typeof value !== 'function' && (value === '*' || !value),
  denyOrigin: "() => ''",
  allowlistOrigin: (allowlist) => `(ctx) => (${allowlist}.includes(ctx.get('Origin')) ? ctx.get('Origin') : '')`,
  credentialsReflectByDefault: true,
  // `!!options.credentials`, or what a credentials function returns
  isCredentialsOn: Boolean,
  // A non-function origin is sent as it is: `true` becomes the header value "true".
  reflectsOnTrue: false,
  originFunction: { origin: null, callback: null },
  takesPatterns: false,
  matchesArraysExactly: false,
  // @types/koa__cors 5: `declare namespace cors { interface Options … }`.
  optionsTypes: ['Options'],
};

// @elysiajs/cors 1.4.2 src/index.ts `cors(config)`: defaults `origin = true` and `credentials = true`;
// `origin === true` answers `request.headers.get('Origin') || '*'`; a `'*'` (alone or in an array)
// answers `*`; `false` sets no `Access-Control-Allow-Origin`. A string matches the whole origin, or
// its host once the protocol is cut off; a RegExp is tested against the origin; a function gets
// the `Request` and lets it in when it returns `true`.
const ELYSIA_CORS: CorsMiddleware = {
  module: '@elysiajs/cors',
  display: '`@elysiajs/cors`',
  usage: 'call',
  isWildcardOrigin: (value) => value === '*' || (Array.isArray(value) && value.includes('*')),
  denyOrigin: 'false',
  allowlistOrigin: (allowlist) => allowlist,
  // `'*'` stays `*` beside credentials (browsers then refuse the credentialed read).
  credentialsReflectByDefault: false,
  // `if (credentials === true)`
  isCredentialsOn: (value) => value === true,
  reflectsOnTrue: true,
  originFunction: { origin: null, callback: null },
  takesPatterns: true,
  matchesArraysExactly: false,
  optionsTypes: ['CORSConfig'],
  reflectsWhenMissing: true,
  defaultsWithoutOptions: true,
  credentialsByDefault: true,
};

export const CORS_MIDDLEWARES: readonly CorsMiddleware[] = [CORS, HONO_CORS, FASTIFY_CORS, KOA_CORS, ELYSIA_CORS];

function entry(middleware: CorsMiddleware): TraceNode {
  const entities = [{ kind: 'cors', middleware }] as const;
  // A CommonJS export is the default import; hono's is a named export.
  return middleware.usage === 'call'
    ? { [CALL]: entities, cors: { [CALL]: entities }, default: { [CALL]: entities } }
    : { [READ]: entities, fastifyCors: { [READ]: entities }, default: { [READ]: entities } };
}

/** The CORS middlewares of express, Hono, Fastify, Koa and Elysia. */
export const corsPackagesAdapter: Adapter = {
  name: 'cors',
  modules: Object.fromEntries(CORS_MIDDLEWARES.map((middleware) => [middleware.module, entry(middleware)])),
};
