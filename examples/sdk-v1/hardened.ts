// A notes MCP server on the MCP SDK v1 Express helper, hardened against cross-origin use, DNS rebinding and CSRF.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import cors from 'cors';
import type { NextFunction, Request, Response } from 'express';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
const ALLOWED_ORIGINS = ['http://localhost:6274'];
const CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;
const notes = new Map<string, string>([['welcome', 'Notes live in memory and vanish on restart.']]);
const transports = new Map<string, StreamableHTTPServerTransport>();

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

function reject(res: Response, status: number, message: string): void {
  res.status(status).json({ jsonrpc: '2.0', error: { code: -32000, message }, id: null });
}

/** Refuses every request while MCP_CSRF_TOKEN is unset. */
function hasCsrfToken(given: string | undefined): boolean {
  if (!CSRF_TOKEN || !given) return false;
  const expected = Buffer.from(CSRF_TOKEN);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function guard(req: Request, res: Response, next: NextFunction): void {
  const origin = req.get('origin');
  if (origin !== undefined && !ALLOWED_ORIGINS.includes(origin)) return reject(res, 403, 'Origin not allowed');
  if (!hasCsrfToken(req.get('x-mcp-csrf-token'))) return reject(res, 403, 'Missing or invalid CSRF token');
  next();
}

// Defaults to 127.0.0.1 and then rejects any Host header that is not localhost (DNS rebinding).
const app = createMcpExpressApp();
app.use(
  cors({
    origin: ALLOWED_ORIGINS,
    allowedHeaders: ['Content-Type', 'Mcp-Session-Id', 'Mcp-Protocol-Version', 'X-MCP-CSRF-Token'],
    exposedHeaders: ['Mcp-Session-Id'],
  }),
);
app.use('/mcp', guard);

app.post('/mcp', async (req, res) => {
  const sessionId = req.get('mcp-session-id');
  let transport = sessionId === undefined ? undefined : transports.get(sessionId);
  if (!transport) {
    if (sessionId !== undefined || !isInitializeRequest(req.body)) return reject(res, 400, 'No valid session');
    const created = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => void transports.set(id, created),
    });
    created.onclose = () => {
      if (created.sessionId) transports.delete(created.sessionId);
    };
    await buildServer().connect(created);
    transport = created;
  }
  await transport.handleRequest(req, res, req.body);
});

async function handleSessionRequest(req: Request, res: Response): Promise<void> {
  const transport = transports.get(req.get('mcp-session-id') ?? '');
  if (!transport) return reject(res, 404, 'Unknown session');
  await transport.handleRequest(req, res);
}
app.get('/mcp', handleSessionRequest);
app.delete('/mcp', handleSessionRequest);

app.listen(PORT, '127.0.0.1', () => {
  console.log(`notes MCP server listening on http://127.0.0.1:${PORT}/mcp`);
});
