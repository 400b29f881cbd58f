import { CONSTRUCT, type Adapter } from './types';

/**
 * mcp-lite 0.10.0 (dist/index.js, `StreamableHttpTransport`): `new StreamableHttpTransport({
 * allowedHosts, allowedOrigins }).bind(server)` returns a web request handler. With no list it
 * checks neither header; a list turns its check on (an exact match on the raw `Host`, port
 * included, or on `Origin`; a request without the header passes). It adds no CORS headers and
 * binds nothing: the app or runtime that calls the handler does.
 */
export const mcpLiteAdapter: Adapter = {
  name: 'mcp-lite',
  modules: {
    'mcp-lite': {
      StreamableHttpTransport: {
        [CONSTRUCT]: [
          { kind: 'mcp-transport', transport: { name: 'streamable', optionsIndex: 0, protection: 'lists' } },
        ],
      },
    },
  },
};
