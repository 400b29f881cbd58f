import { CONSTRUCT, type Adapter } from './types';

/**
 * `@zuplo/mcp` 0.0.32 (src/transport/httpstreamable.ts): `new HTTPStreamableTransport(options)`
 * answers a web `Request` in `handleRequest(request)` and binds nothing (the app that routes to it
 * does). It checks no `Host`, and its `validateOrigin()` lets every `Origin` through
 * (`isValidOrigin()` returns `true`, "TODO - enable users to provide a whitelist"), with no option
 * to change that: only a check in front of `handleRequest()` protects it. Its `headers` option adds
 * response headers the user chooses; it writes no CORS header of its own.
 */
export const zuploAdapter: Adapter = {
  name: 'zuplo',
  modules: {
    '@zuplo/mcp/transport/httpstreamable': {
      HTTPStreamableTransport: {
        [CONSTRUCT]: [
          { kind: 'mcp-transport', transport: { name: 'streamable', optionsIndex: 0, protection: 'middleware' } },
        ],
      },
    },
  },
};
