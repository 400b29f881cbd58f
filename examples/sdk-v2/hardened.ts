// A notes MCP server on the MCP SDK v2 (@modelcontextprotocol/server + /express + /node),
// hardened against cross-origin use, DNS rebinding and CSRF. It sends no CORS headers at all.
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { createMcpExpressApp } from '@modelcontextprotocol/express';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
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

function requireCsrfToken(req: Request, res: Response, next: NextFunction): void {
  if (hasCsrfToken(req.get('x-mcp-csrf-token'))) return next();
  res.status(403).json({ jsonrpc: '2.0', error: { code: -32000, message: 'Missing or invalid CSRF token' }, id: null });
}

const serveMcp = toNodeHandler(createMcpHandler(() => buildServer()));
// Defaults to 127.0.0.1 and then rejects any Host or Origin that is not localhost (DNS rebinding).
const app = createMcpExpressApp();

app.post('/mcp', requireCsrfToken, (req, res) => serveMcp(req, res, req.body));

app.listen(PORT, '127.0.0.1', () => {
  console.log(`notes MCP server listening on http://127.0.0.1:${PORT}/mcp`);
});
