// A notes MCP server on plain node:http, hardened against cross-origin use, DNS rebinding and CSRF.
import { timingSafeEqual } from 'node:crypto';
import http, { type ServerResponse } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
const ALLOWED_HOSTNAMES = ['127.0.0.1', 'localhost', '[::1]'];
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
function hasCsrfToken(given: string | string[] | undefined): boolean {
  if (!CSRF_TOKEN || typeof given !== 'string' || !given) return false;
  const expected = Buffer.from(CSRF_TOKEN);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function reject(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

const httpServer = http.createServer(async (req, res) => {
  // DNS rebinding: a hostile name that resolves to 127.0.0.1 still arrives with its own Host header.
  const hostname = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (!ALLOWED_HOSTNAMES.includes(hostname)) return reject(res, 403, 'Host not allowed');

  const origin = req.headers.origin;
  if (origin !== undefined && !ALLOWED_ORIGINS.includes(origin)) return reject(res, 403, 'Origin not allowed');
  if (origin !== undefined) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }

  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Content-Type, Mcp-Protocol-Version, X-MCP-CSRF-Token',
    });
    res.end();
    return;
  }
  if (req.url !== '/mcp' || req.method !== 'POST') return reject(res, 404, 'Not found');
  if (!hasCsrfToken(req.headers['x-mcp-csrf-token'])) return reject(res, 403, 'Missing or invalid CSRF token');

  const server = buildServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res);
});

httpServer.listen(PORT, '127.0.0.1', () => {
  console.log(`notes MCP server listening on http://127.0.0.1:${PORT}/mcp`);
});
