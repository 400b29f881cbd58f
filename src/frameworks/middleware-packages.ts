import { CALL, type Adapter, type TraceNode } from './types';

/**
 * Middleware packages that read or add to a request and hand every request they do not refuse to
 * the next handler: they answer no endpoint of their own, so a server that mounts them serves no
 * MCP through them. Each package's default export (or named export) makes the middleware:
 * - cookie-parser 1.4: `cookieParser(secret?)` parses `Cookie` into `req.cookies`, then `next()`.
 * - body-parser 2: `bodyParser.json()`, `.urlencoded()`, `.text()`, `.raw()` (and the deprecated
 *   default) parse the body, then `next()`.
 * - morgan 1.10: `morgan(format)` logs when the response ends, and calls `next()` at once.
 * - helmet 8: `helmet(options?)` sets security headers, then `next()`.
 * - compression 1.8: `compression()` wraps the response's writes, then `next()`.
 * - express-session 1.18: `session(options)` loads `req.session`, then `next()`.
 * - express-rate-limit 7: `rateLimit(options)` (also the default export) answers 429 past the
 *   limit and calls `next()` otherwise.
 * - response-time 2: `responseTime()` sets `X-Response-Time`, then `next()`.
 */
const passThrough: TraceNode = { [CALL]: [{ kind: 'pass-through' }] };

export const middlewarePackagesAdapter: Adapter = {
  name: 'middleware packages',
  modules: {
    'cookie-parser': { ...passThrough, default: passThrough },
    'body-parser': {
      ...passThrough,
      default: passThrough,
      json: passThrough,
      urlencoded: passThrough,
      text: passThrough,
      raw: passThrough,
    },
    morgan: { ...passThrough, default: passThrough },
    helmet: { ...passThrough, default: passThrough },
    compression: { ...passThrough, default: passThrough },
    'express-session': { ...passThrough, default: passThrough },
    'express-rate-limit': { ...passThrough, default: passThrough, rateLimit: passThrough },
    'response-time': { ...passThrough, default: passThrough },
  },
};
