// A notes MCP server on mcp-lite and Hono, hardened against cross-origin use, DNS rebinding and CSRF.
// An ES module: mcp-lite is published for `import` only.
import { timingSafeEqual } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
const ALLOWED_ORIGINS = ['http://localhost:6274', 'http://127.0.0.1:6274'];
const CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;
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

/** Refuses every request while MCP_CSRF_TOKEN is unset. */
function hasCsrfToken(given: string | undefined): boolean {
  if (!CSRF_TOKEN || !given) return false;
  const expected = Buffer.from(CSRF_TOKEN);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// The transport answers 403 to a Host or an Origin that is not listed (the Host with its port).
const transport = new StreamableHttpTransport({
  allowedHosts: [`127.0.0.1:${PORT}`, `localhost:${PORT}`],
  allowedOrigins: ALLOWED_ORIGINS,
});
const handleMcp = transport.bind(mcp);

const app = new Hono();
app.use(
  '/mcp',
  cors({ origin: ALLOWED_ORIGINS, allowHeaders: ['Content-Type', 'Mcp-Protocol-Version', 'X-MCP-CSRF-Token'] }),
);
app.all(
  '/mcp',
  async (c, next) => {
    // A page on another origin cannot send this header without a preflight, and CORS refuses that preflight.
    if (c.req.method === 'POST' && !hasCsrfToken(c.req.header('x-mcp-csrf-token'))) {
      return c.json({ error: 'Missing or invalid CSRF token' }, 403);
    }
    await next();
  },
  (c) => handleMcp(c.req.raw),
);

serve({ fetch: app.fetch, port: PORT, hostname: '127.0.0.1' }, (info) => {
  console.log(`notes MCP server listening on http://127.0.0.1:${info.port}/mcp`);
});
