/**
 * h3, the HTTP framework Nitro (and so Nuxt's server) runs on. Nitro auto-imports h3's helpers,
 * so a module calls them with no import at all; elsewhere they come from `h3` or Nitro's runtime.
 * Its file routes are read by `analysis/fetch-handlers.ts` (`nitroRoute`).
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

/** h3 1.x `defineEventHandler(handler)` and its alias `eventHandler` (also `defineEventHandler({ handler, onRequest })`). */
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
