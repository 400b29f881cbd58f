import { CALL, CONSTRUCT, type Adapter, type StartApi } from './types';

// Bun (oven-sh/bun packages/bun-types/serve.d.ts, commit 00036dc): `Serve.HostnamePortServeOptions`
// says `hostname` is `@default "0.0.0.0" // listen on all interfaces` (and `port` is
// `process.env.PORT || "3000"`); `Serve.UnixServeOptions`' `unix` listens on a Unix socket instead.
const BUN_SERVE: StartApi = {
  display: '`Bun.serve()`',
  hostLabel: '`hostname`',
  defaultBinding: 'default `0.0.0.0`',
  signature: 'serve-options',
  hostKey: 'hostname',
  socketKey: 'unix',
  handlesFetch: true,
  // Bun (the same serve.d.ts, `Server.upgrade`): `server.upgrade(req)` in `fetch` turns the request
  // into a WebSocket handled by the `websocket` option's handlers; its doc names no `Origin` check.
  upgrades: { option: 'websocket', method: 'upgrade' },
};
// Deno 2.9.5 (denoland/deno cli/tsc/dts/lib.deno.ns.d.ts, 2026-08-21): `Deno.ServeTcpOptions` has
// `hostname` `@default {"0.0.0.0"}` and `port` `@default {8000}`; `Deno.ServeUnixOptions` listens on
// `path` instead.
const DENO_SERVE: StartApi = {
  display: '`Deno.serve()`',
  hostLabel: '`hostname`',
  defaultBinding: 'default `0.0.0.0`',
  signature: 'deno-serve',
  hostKey: 'hostname',
  socketKey: 'path',
  handlesFetch: true,
};

// srvx 1.0.8 (dist/_chunks/_utils2.mjs `resolvePortAndHost`): `hostname: opts.hostname ??
// process.env.HOST`, handed to Node's `listen` (dist/adapters/node.mjs), Bun's or Deno's `serve`,
// all of which bind every interface when it is unset.
const SRVX_SERVE: StartApi = {
  display: '`serve()` from `srvx`',
  hostLabel: '`hostname`',
  defaultBinding: "srvx's default, unless `HOST` is set",
  signature: 'serve-options',
  hostKey: 'hostname',
  socketKey: null,
  handlesFetch: true,
};

// h3 2 (src/_entries/node.ts, bun.ts, deno.ts): `serve(app, options)` returns
// `srvxServe({ fetch: app.fetch, ...options })`, so its `hostname` is srvx's.
const H3_SERVE: StartApi = {
  ...SRVX_SERVE,
  display: '`serve()` from `h3`',
  signature: 'app-options',
};

/**
 * srvx's `serve({ fetch })` (what h3 2 and tmcp's examples serve with), on Node, Bun or Deno, and
 * h3 2's `serve(app)`.
 */
export const srvxAdapter: Adapter = {
  name: 'srvx',
  modules: {
    ...Object.fromEntries(
      ['srvx', 'srvx/node', 'srvx/bun', 'srvx/deno'].map((module) => [
        module,
        { serve: { [CALL]: [{ kind: 'start', api: SRVX_SERVE }] } },
      ]),
    ),
    h3: { serve: { [CALL]: [{ kind: 'start', api: H3_SERVE }] } },
  },
};

// Deno std 0.220.1 http/server.ts `serve(handler, options = {})`: `const hostname =
// options.hostname ?? "0.0.0.0"`, and `Deno.listen({ port, hostname })`; std 1.0 dropped it for
// `Deno.serve`. Imported as `https://deno.land/std@…/http/server.ts` or `jsr:@std/http@…/server`.
const STD_SERVE: StartApi = {
  display: "`serve()` from Deno's std/http",
  hostLabel: '`hostname`',
  defaultBinding: 'default `0.0.0.0`',
  signature: 'handler-options',
  hostKey: 'hostname',
  socketKey: null,
  handlesFetch: true,
};

/** Bun's and Deno's servers. */
export const runtimesAdapter: Adapter = {
  name: 'bun-deno',
  modules: {
    bun: { serve: { [CALL]: [{ kind: 'start', api: BUN_SERVE }] } },
    '@std/http/server': { serve: { [CALL]: [{ kind: 'start', api: STD_SERVE }] } },
    '@std/http': { serve: { [CALL]: [{ kind: 'start', api: STD_SERVE }] } },
  },
  globals: {
    Bun: { serve: { [CALL]: [{ kind: 'start', api: BUN_SERVE }] } },
    Deno: { serve: { [CALL]: [{ kind: 'start', api: DENO_SERVE }] } },
  },
};

/** The web platform's `Headers` and `Response`, and the loops that copy a headers object onto a response. */
export const webAdapter: Adapter = {
  name: 'web',
  // next 15 server/web/spec-extension/response.ts: `class NextResponse extends Response`, with the same `(body, init)`;
  // `NextResponse.next(init)` answers with the route's own response and `init`'s headers added,
  // `NextResponse.rewrite(url, init)` and `NextResponse.redirect(url, init)` with `init`'s.
  modules: {
    'next/server': {
      NextResponse: {
        [CONSTRUCT]: [{ kind: 'web-headers', role: 'response' }],
        json: { [CALL]: [{ kind: 'web-headers', role: 'response-json' }] },
        next: { [CALL]: [{ kind: 'web-headers', role: 'response-init' }] },
        rewrite: { [CALL]: [{ kind: 'web-headers', role: 'response-json' }] },
      },
    },
  },
  globals: {
    Headers: { [CONSTRUCT]: [{ kind: 'web-headers', role: 'headers' }] },
    Response: {
      [CONSTRUCT]: [{ kind: 'web-headers', role: 'response' }],
      json: { [CALL]: [{ kind: 'web-headers', role: 'response-json' }] },
    },
    // `for (const [k, v] of Object.entries(h))`
    Object: {
      entries: { [CALL]: [{ kind: 'web-headers', role: 'iterate' }] },
      keys: { [CALL]: [{ kind: 'web-headers', role: 'iterate' }] },
    },
  },
  headers: {
    // WHATWG Headers: `headers.set(name, value)`, `headers.append(name, value)`, `headers.get(name)`;
    // `request.headers`.
    setNameValue: ['set', 'append'],
    readNameMethods: ['get'],
    readObjects: ['headers'],
  },
};
