// A notes MCP server on Bun's own HTTP server: `Bun.serve()` with a `routes` table.
// VULNERABLE: any web page can read its responses and call its tools.
// Bun is not installed where the plugin's tests run: this file is linted and type-checked only.
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { z } from 'zod';

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

function withCors(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Access-Control-Allow-Origin', '*'); // expect: no-wildcard-origin
  headers.set('Access-Control-Expose-Headers', 'Mcp-Session-Id');
  return new Response(response.body, { status: response.status, headers });
}

// expect-next-line: require-loopback-host
const server = Bun.serve({
  port: Number(process.env.PORT ?? 3000),
  routes: {
    '/health': new Response('ok'),
    '/mcp': {
      OPTIONS: () =>
        withCors(
          new Response(null, {
            status: 204,
            headers: { 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Content-Type' },
          }),
        ),
      // expect-next-line: require-csrf-token, require-dns-rebinding-protection
      POST: async (request) => {
        const response = await mcp.fetch(request);
        return withCors(response);
      },
    },
  },
  fetch: () => new Response('Not found', { status: 404 }),
});

console.log(`notes MCP server on ${server.url}mcp`);
