// A notes MCP server on Express, hardened against cross-origin use, DNS rebinding and CSRF.
import { timingSafeEqual } from 'node:crypto';
import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { hostHeaderValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
const ALLOWED_ORIGINS = ['http://localhost:6274', 'http://127.0.0.1:6274'];
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
    { description: 'Delete a note by its id', inputSchema: { id: z.string() }, annotations: { destructiveHint: true } },
    async ({ id }) => ({ content: [{ type: 'text', text: notes.delete(id) ? `Deleted "${id}"` : `No note "${id}"` }] }),
  );
  return server;
}

function forbidden(res: Response, message: string): void {
  res.status(403).json({ jsonrpc: '2.0', error: { code: -32000, message }, id: null });
}

/** Refuses every request while MCP_CSRF_TOKEN is unset. */
function hasCsrfToken(given: string | undefined): boolean {
  if (!CSRF_TOKEN || !given) return false;
  const expected = Buffer.from(CSRF_TOKEN);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// A page on another origin cannot send this header without a preflight, and CORS refuses that preflight.
function requireCsrfToken(req: Request, res: Response, next: NextFunction): void {
  if (!hasCsrfToken(req.get('x-mcp-csrf-token'))) return forbidden(res, 'Missing or invalid CSRF token');
  next();
}

const app = express();
app.use(hostHeaderValidation(['127.0.0.1', 'localhost', '[::1]']));
app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin !== undefined && !ALLOWED_ORIGINS.includes(origin)) return forbidden(res, 'Origin not allowed');
  next();
});
app.use(
  cors({ origin: ALLOWED_ORIGINS, allowedHeaders: ['Content-Type', 'Mcp-Protocol-Version', 'X-MCP-CSRF-Token'] }),
);

app.post('/mcp', requireCsrfToken, express.json(), async (req, res) => {
  const server = buildServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(PORT, '127.0.0.1', () => {
  console.log(`notes MCP server listening on http://127.0.0.1:${PORT}/mcp`);
});
