import { CONSTRUCT, type Adapter, type RouteShape } from './types';

/**
 * h3, the HTTP framework Nitro (and so Nuxt's server) runs on. Nitro auto-imports h3's helpers,
 * so a module calls them with no import at all; elsewhere they come from `h3` or Nitro's runtime.
 * Its file routes are read by `analysis/fetch-handlers.ts` (`nitroRoute`); h3 2's own apps
 * (`new H3()`) by `h3Adapter` below, and `serve(app)` by `srvxAdapter` in `runtimes.ts`.
 */

/** Where h3's helpers come from: h3 itself, Nitro's runtime, or Nuxt's and Nitro's `#imports`. */
export const H3_MODULES: ReadonlySet<string> = new Set([
  'h3',
  'nitropack/runtime',
  'nitro/runtime',
  'nitro/h3',
  '#imports',
]);

/**
 * The packages that serve a `routes/`, `api/` and `middleware/` folder as file routes: Nitro
 * (nitropack 2.x, nitro 3), Nuxt, and the Vite plugins that run Nitro (`vite-plugin-with-nitro`,
 * Analog's `@analogjs/vite-plugin-nitro`).
 */
export const NITRO_PACKAGES: ReadonlySet<string> = new Set([
  'nitropack',
  'nitro',
  'nitro-nightly',
  'nuxt',
  'vite-plugin-with-nitro',
  '@analogjs/vite-plugin-nitro',
]);

/**
 * h3 1.x `defineEventHandler(handler)` and its alias `eventHandler` (also `defineEventHandler({
 * handler, onRequest })`).
 */
export const EVENT_HANDLER_MAKERS: ReadonlySet<string> = new Set(['defineEventHandler', 'eventHandler']);

/** h3 1.x `getRequestHeader(event, name)` and its alias `getHeader`: one request header, by name. */
export const HEADER_READERS: ReadonlySet<string> = new Set(['getRequestHeader', 'getHeader']);

/** h3 1.x `setResponseHeader(event, name, value)` and its kin (and their aliases): one response header. */
export const HEADER_SETTERS: ReadonlySet<string> = new Set([
  'setResponseHeader',
  'appendResponseHeader',
  'setHeader',
  'appendHeader',
]);

/** h3 1.x `setResponseHeaders(event, headers)` and its kin (and their aliases): an object of response headers. */
export const HEADERS_SETTERS: ReadonlySet<string> = new Set([
  'setResponseHeaders',
  'appendResponseHeaders',
  'setHeaders',
  'appendHeaders',
]);

/**
 * h3 2 (2.0.1-rc.29 src/h3.ts): `on(method, route, handler, opts?)`, `all(route, handler, opts?)`
 * (`on('', …)`, every method) and one method per verb, `post(route, handler, opts?)`, made for
 * GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS, CONNECT, TRACE and QUERY; `use(route?, fn, opts?)`
 * adds middleware. Each returns the app.
 */
const H3_ROUTES: RouteShape = {
  verbs: new Set([
    'get',
    'post',
    'put',
    'delete',
    'patch',
    'head',
    'options',
    'connect',
    'trace',
    'query',
    'all',
    'use',
  ]),
  // h3 2 src/h3.ts `createDispatcher`: the app's middleware (`~middleware`, whatever `use` added)
  // runs before every route's handler, whether `use` came before the route or after it.
  ordered: false,
  chains: true,
  // `on(method, …)`, and the `middleware` of a route's options (`RouteOptions` in src/types/h3.ts),
  // which `routeHandler` composes in front of its handler.
  special: 'h3',
};

/**
 * h3 2's app, `new H3(config?)` (2.0.1-rc.29 src/h3.ts). A middleware or route middleware answers
 * with what it returns unless that is `undefined` (src/middleware.ts `callLayer`), so
 * `return new Response(…, { status: 401 })` refuses; a handler refuses by throwing
 * `new HTTPError({ status })` (src/error.ts) or returning a `Response`. `event.req` is the web
 * `Request`, and `event.req.headers.get(name)` reads a header (src/event.ts).
 */
export const h3Adapter: Adapter = {
  name: 'h3',
  modules: { h3: { H3: { [CONSTRUCT]: [{ kind: 'app', framework: 'h3' }] } } },
  routes: H3_ROUTES,
};
