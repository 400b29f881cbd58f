// A notes MCP server on Koa, hardened against cross-origin use, DNS rebinding and CSRF.
import { timingSafeEqual } from 'node:crypto';
import cors from '@koa/cors';
import Koa, { type Context } from 'koa';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
const ALLOWED_HOSTNAMES = ['127.0.0.1', 'localhost'];
const ALLOWED_ORIGINS = ['http://localhost:6274'];
const CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;
const notes = new Map<string, string>([['welcome', 'Notes live in memory and vanish on restart.']]);

function buildServer(): McpServer {
  const server = new McpServer({ name: 'notes', version: '1.0.0' });
  server.registerTool(
    'read_note',
    { description: 'Read a note by its id', inputSchema: { id: z.string() } },
    async ({ id }) => ({ content: [{ type: 'text', text: notes.get(id) ?? `No note "${id}"` }] }),
  );
  server.registerTool(
    'delete_note',
    { description: 'Delete a note by its id', inputSchema: { id: z.string() } },
    async ({ id }) => ({ content: [{ type: 'text', text: notes.delete(id) ? `Deleted "${id}"` : `No note "${id}"` }] }),
  );
  return server;
}

/** Refuses every request while MCP_CSRF_TOKEN is unset. */
function hasCsrfToken(given: string): boolean {
  if (!CSRF_TOKEN || !given) return false;
  const expected = Buffer.from(CSRF_TOKEN);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function reject(ctx: Context, message: string): void {
  ctx.status = 403;
  ctx.body = { jsonrpc: '2.0', error: { code: -32000, message }, id: null };
}

const app = new Koa();

app.use(async (ctx, next) => {
  if (!ALLOWED_HOSTNAMES.includes(ctx.hostname)) return reject(ctx, 'Host not allowed');
  const origin = ctx.get('Origin');
  if (origin && !ALLOWED_ORIGINS.includes(origin)) return reject(ctx, 'Origin not allowed');
  await next();
});
app.use(
  cors({
    // Answer only origins from the constant list; '' means "no CORS headers".
    origin: (ctx) => (ALLOWED_ORIGINS.includes(ctx.get('Origin')) ? ctx.get('Origin') : ''),
    allowMethods: ['POST'],
    allowHeaders: ['Content-Type', 'Mcp-Protocol-Version', 'X-MCP-CSRF-Token'],
  }),
);

app.use(async (ctx) => {
  if (ctx.path !== '/mcp' || ctx.method !== 'POST') {
    ctx.status = 404;
    return;
  }
  if (!hasCsrfToken(ctx.get('X-MCP-CSRF-Token'))) return reject(ctx, 'Missing or invalid CSRF token');
  const server = buildServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  ctx.res.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  ctx.respond = false;
  await transport.handleRequest(ctx.req, ctx.res);
});

app.listen(PORT, '127.0.0.1', () => {
  console.log(`notes MCP server listening on http://127.0.0.1:${PORT}/mcp`);
});
