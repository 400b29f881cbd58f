import { CALL, type Adapter, type TraceNode } from './types';

/**
 * Vercel's mcp-handler 2.4.0 (1.1.0 compared; `@vercel/mcp-adapter` 1.0.0 re-exports it, 0.x
 * shipped its own copy): `createMcpHandler(init, options?)` returns a web request handler,
 * `(req: Request) => Promise<Response>`, that a Next.js route file exports for its methods
 * (`export { handler as GET, handler as POST }`). It adds no CORS headers to MCP responses and
 * checks neither `Host` nor `Origin` (2.4.0 src/handler/mcp-api-handler.ts:124-138 hands requests
 * to the SDK v2 handler, which validates nothing; 1.1.0 :372-374 makes an SDK v1 transport with no
 * DNS-rebinding options), and binds nothing: Next or Vercel does.
 *
 * `withMcpAuth(handler, verifyToken, { required })` checks the `Authorization: Bearer` token, but
 * with the default `required: false` lets a request without one through; only `required: true`
 * answers 401 (2.4.0 src/auth/auth-wrapper.ts:15-121; 1.1.0 :16-23; the 0.x
 * `experimental_withMcpAuth` has the same default).
 */
const handlerExports: TraceNode = {
  createMcpHandler: { [CALL]: [{ kind: 'mcp-handler' }] },
  withMcpAuth: { [CALL]: [{ kind: 'auth', auth: 'wrapper' }] },
  experimental_withMcpAuth: { [CALL]: [{ kind: 'auth', auth: 'wrapper' }] },
};

export const mcpHandlerAdapter: Adapter = {
  name: 'mcp-handler',
  modules: {
    'mcp-handler': handlerExports,
    'mcp-handler/next': handlerExports,
    '@vercel/mcp-adapter': handlerExports,
  },
};
