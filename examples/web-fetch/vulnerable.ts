// A notes MCP server as a web-standard fetch handler (Bun, Deno, Workers).
// VULNERABLE: any web page can read its responses and call its tools.
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

const corsHeaders = {
  'Access-Control-Allow-Origin': '*', // expect: no-wildcard-origin
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Mcp-Session-Id, Mcp-Protocol-Version',
  'Access-Control-Expose-Headers': 'Mcp-Session-Id',
};

export default {
  // Bun reads `port` from the default export; Deno and Workers choose their own.
  port: Number(process.env.PORT ?? 3000), // expect: require-loopback-host

  async fetch(request: Request): Promise<Response> {
    if (request.method === 'OPTIONS') {
      return new Response(null, { status: 204, headers: corsHeaders });
    }
    // expect-next-line: require-csrf-token, require-dns-rebinding-protection
    if (new URL(request.url).pathname !== '/mcp') {
      return Response.json({ error: 'Not found' }, { status: 404, headers: corsHeaders });
    }
    const response = await mcp.fetch(request);
    return new Response(response.body, {
      status: response.status,
      headers: { ...Object.fromEntries(response.headers), ...corsHeaders },
    });
  },
};
