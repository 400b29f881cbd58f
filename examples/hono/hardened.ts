// A notes MCP server on Hono, hardened against cross-origin use, DNS rebinding and CSRF.
import { timingSafeEqual } from 'node:crypto';
import { serve } from '@hono/node-server';
import { cors } from 'hono/cors';
import { createMcpHonoApp } from '@modelcontextprotocol/hono';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
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

/** Refuses every request while MCP_CSRF_TOKEN is unset. */
function hasCsrfToken(given: string | undefined): boolean {
  if (!CSRF_TOKEN || !given) return false;
  const expected = Buffer.from(CSRF_TOKEN);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const mcp = createMcpHandler(() => buildServer());
// Bound to 127.0.0.1 by default: rejects any Host or Origin that is not localhost.
const app = createMcpHonoApp();

app.use(
  '/mcp',
  cors({
    origin: ALLOWED_ORIGINS,
    allowMethods: ['POST'],
    allowHeaders: ['Content-Type', 'Mcp-Protocol-Version', 'X-MCP-CSRF-Token'],
  }),
);
app.use('/mcp', async (c, next) => {
  if (!hasCsrfToken(c.req.header('x-mcp-csrf-token'))) {
    return c.json({ jsonrpc: '2.0', error: { code: -32000, message: 'Missing or invalid CSRF token' }, id: null }, 403);
  }
  await next();
});
app.post('/mcp', (c) => mcp.fetch(c.req.raw));

serve({ fetch: app.fetch, port: PORT, hostname: '127.0.0.1' }, (info) => {
  console.log(`notes MCP server listening on http://127.0.0.1:${info.port}/mcp`);
});
