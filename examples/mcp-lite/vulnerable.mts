// A notes MCP server on mcp-lite and Hono. VULNERABLE: any web page can read its responses and call its tools.
// An ES module: mcp-lite is published for `import` only.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
const notes = new Map<string, string>([['welcome', 'Notes live in memory and vanish on restart.']]);

const mcp = new McpServer({
  name: 'notes',
  version: '1.0.0',
  schemaAdapter: (schema) => z.toJSONSchema(schema as z.ZodType),
});
mcp.tool('read_note', {
  description: 'Read a note by its id',
  inputSchema: z.object({ id: z.string() }),
  handler: ({ id }) => ({ content: [{ type: 'text', text: notes.get(id) ?? `No note "${id}"` }] }),
});
mcp.tool('delete_note', {
  description: 'Delete a note by its id',
  inputSchema: z.object({ id: z.string() }),
  handler: ({ id }) => ({
    content: [{ type: 'text', text: notes.delete(id) ? `Deleted "${id}"` : `No note "${id}"` }],
  }),
});

// mcp-lite checks Host and Origin only against lists it is given.
const transport = new StreamableHttpTransport(); // expect: require-dns-rebinding-protection
const handleMcp = transport.bind(mcp);

const app = new Hono();
app.use('/mcp', cors()); // expect: no-wildcard-origin
app.all('/mcp', (c) => handleMcp(c.req.raw)); // expect: require-csrf-token

// expect-next-line: require-loopback-host
serve({ fetch: app.fetch, port: PORT }, (info) => {
  console.log(`notes MCP server listening on port ${info.port}`);
});
