// A notes MCP server on Bun's own HTTP server, `Bun.serve()` with a `routes` table,
// hardened against cross-origin use, DNS rebinding and CSRF.
// Bun is not installed where the plugin's tests run: this file is linted and type-checked only.
import { timingSafeEqual } from 'node:crypto';
import {
  McpServer,
  createMcpHandler,
  hostHeaderValidationResponse,
  localhostAllowedHostnames,
} from '@modelcontextprotocol/server';
import { z } from 'zod';

const ALLOWED_ORIGINS = ['http://localhost:6274'];
const CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;
const notes = new Map<string, string>([['welcome', 'Notes live in memory and vanish on restart.']]);

function buildServer(): McpServer {
  const server = new McpServer({ name: 'notes', version: '1.0.0' });
  server.registerTool(
    'read_note',
    { description: 'Read a note by its id', inputSchema: z.object({ id: z.string() }) },
    async ({ id }) => ({ content: [{ type: 'text', text: notes.get(id) ?? `No note "${id}"` }] }),
  );
  server.registerTool(
    'delete_note',
    { description: 'Delete a note by its id', inputSchema: z.object({ id: z.string() }) },
    async ({ id }) => ({ content: [{ type: 'text', text: notes.delete(id) ? `Deleted "${id}"` : `No note "${id}"` }] }),
  );
  return server;
}

const mcp = createMcpHandler(() => buildServer());
const encoder = new TextEncoder();

/** Refuses every request while MCP_CSRF_TOKEN is unset. */
function hasCsrfToken(request: Request): boolean {
  const given = request.headers.get('X-MCP-CSRF-Token');
  if (!CSRF_TOKEN || !given) return false;
  const expected = encoder.encode(CSRF_TOKEN);
  const actual = encoder.encode(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function reject(status: number, message: string): Response {
  return Response.json({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }, { status });
}

/** Lets `origin` read the response; the caller has checked it against ALLOWED_ORIGINS. */
function withCors(response: Response, origin: string | null): Response {
  if (origin === null) return response;
  const headers = new Headers(response.headers);
  headers.set('Access-Control-Allow-Origin', origin);
  headers.append('Vary', 'Origin');
  return new Response(response.body, { status: response.status, headers });
}

const server = Bun.serve({
  port: Number(process.env.PORT ?? 3000),
  hostname: '127.0.0.1',
  routes: {
    '/health': new Response('ok'),
    '/mcp': {
      OPTIONS: (request) => {
        const origin = request.headers.get('Origin');
        if (origin === null || !ALLOWED_ORIGINS.includes(origin)) return reject(403, 'Origin not allowed');
        const preflight = new Headers({
          'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': 'Content-Type, Mcp-Protocol-Version, X-MCP-CSRF-Token',
        });
        return withCors(new Response(null, { status: 204, headers: preflight }), origin);
      },
      POST: async (request) => {
        const badHost = hostHeaderValidationResponse(request, localhostAllowedHostnames());
        if (badHost) return badHost;
        const origin = request.headers.get('Origin');
        if (origin !== null && !ALLOWED_ORIGINS.includes(origin)) return reject(403, 'Origin not allowed');
        if (!hasCsrfToken(request)) return reject(403, 'Missing or invalid CSRF token');
        return withCors(await mcp.fetch(request), origin);
      },
    },
  },
  fetch: () => reject(404, 'Not found'),
});

console.log(`notes MCP server on ${server.url}mcp`);
