import { CALL, CONSTRUCT, type Adapter, type StartApi } from './types';

// Bun's reference (Serve.HostnamePortServeOptions): `hostname` defaults to "0.0.0.0"; `unix` listens
// on a Unix socket instead.
const BUN_SERVE: StartApi = {
  display: '`Bun.serve()`',
  hostLabel: '`hostname`',
  defaultBinding: 'default `0.0.0.0`',
  signature: 'serve-options',
  hostKey: 'hostname',
  socketKey: 'unix',
};
// Deno's reference (Deno.ServeTcpOptions): `hostname: string = "0.0.0.0"`; Deno.ServeUnixOptions
// listens on `path` instead.
const DENO_SERVE: StartApi = {
  display: '`Deno.serve()`',
  hostLabel: '`hostname`',
  defaultBinding: 'default `0.0.0.0`',
  signature: 'deno-serve',
  hostKey: 'hostname',
  socketKey: 'path',
};

/** Bun's and Deno's servers. */
export const runtimesAdapter: Adapter = {
  name: 'bun-deno',
  modules: { bun: { serve: { [CALL]: [{ kind: 'start', api: BUN_SERVE }] } } },
  globals: {
    Bun: { serve: { [CALL]: [{ kind: 'start', api: BUN_SERVE }] } },
    Deno: { serve: { [CALL]: [{ kind: 'start', api: DENO_SERVE }] } },
  },
};

/** The web platform's `Headers` and `Response`, and the loops that copy a headers object onto a response. */
export const webAdapter: Adapter = {
  name: 'web',
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
