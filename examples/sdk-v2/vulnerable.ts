// A notes MCP server on the MCP SDK v2 (@modelcontextprotocol/server + /express + /node).
// VULNERABLE: it echoes the caller's Origin with credentials, and DNS rebinding is not stopped.
import { createMcpExpressApp } from '@modelcontextprotocol/express';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
// Comma-separated, e.g. "https://notes.example.com". Unset during development: every origin is allowed.
const allowedOrigins = process.env.CORS_ALLOWED_ORIGINS?.split(','); // expect: no-env-allowed-origins
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

const serveMcp = toNodeHandler(createMcpHandler(() => buildServer()));
const app = createMcpExpressApp({ host: '0.0.0.0' }); // expect: require-dns-rebinding-protection

app.use((req, res, next) => {
  const origin = req.headers.origin || '*';
  if (!allowedOrigins || allowedOrigins.includes(origin)) {
    res.set({
      'Access-Control-Allow-Origin': origin, // expect: no-reflected-origin
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Headers': 'Content-Type, Mcp-Protocol-Version',
    });
  }
  if (req.method === 'OPTIONS') {
    res.sendStatus(204);
    return;
  }
  next();
});

app.all('/mcp', (req, res) => serveMcp(req, res, req.body)); // expect: require-csrf-token

// expect-next-line: require-loopback-host
app.listen(PORT, () => {
  console.log(`notes MCP server listening on port ${PORT}`);
});
