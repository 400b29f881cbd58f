// A notes MCP server on Hono. VULNERABLE: any web page can read its responses and call its tools.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
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
const app = new Hono(); // expect: require-dns-rebinding-protection

app.use('/mcp', cors()); // expect: no-wildcard-origin
app.all('/mcp', (c) => mcp.fetch(c.req.raw)); // expect: require-csrf-token

// expect-next-line: require-loopback-host
serve({ fetch: app.fetch, port: PORT }, (info) => {
  console.log(`notes MCP server listening on port ${info.port}`);
});
