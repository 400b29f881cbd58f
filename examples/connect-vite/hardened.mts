// A notes MCP server that a Vite plugin serves from the dev server, hardened against cross-origin use
// and CSRF, which does not lean on Vite's own checks. (Vite 8 also checks `Host` against DNS rebinding
// and answers preflights for localhost pages before any plugin middleware runs.) An ES module: Vite 8
// is published for `import` only (`vite --config hardened.mts`).
import { timingSafeEqual } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { defineConfig, type Plugin } from 'vite';
import { z } from 'zod';

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
  if (!CSRF_TOKEN || typeof given !== 'string') return false;
  const expected = Buffer.from(CSRF_TOKEN);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function notesMcp(): Plugin {
  return {
    name: 'notes-mcp',
    configureServer(server) {
      server.middlewares.use('/mcp', async (req, res) => {
        const origin = req.headers.origin;
        if (origin !== undefined && !ALLOWED_ORIGINS.includes(origin)) {
          res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Origin not allowed');
          return;
        }
        if (!hasCsrfToken(req.headers['x-mcp-csrf-token'])) {
          res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Missing or invalid CSRF token');
          return;
        }
        if (origin !== undefined) {
          res.setHeader('Access-Control-Allow-Origin', origin);
          res.setHeader('Vary', 'Origin');
        }
        // Stateless: a server and a transport for each request.
        const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
        await buildServer().connect(transport);
        await transport.handleRequest(req, res);
      });
    },
  };
}

export default defineConfig({
  plugins: [notesMcp()],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173) },
});
