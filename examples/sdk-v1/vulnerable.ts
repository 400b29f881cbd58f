// A notes MCP server with the MCP SDK v1 Express helper and sessions.
// VULNERABLE: any web page can read its responses and call its tools, and DNS rebinding is not stopped.
import { randomUUID } from 'node:crypto';
import cors from 'cors';
import type { Request, Response } from 'express';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
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

// Reachable from other machines, so the helper's localhost Host check is switched off.
const app = createMcpExpressApp({ host: '0.0.0.0' }); // expect: require-dns-rebinding-protection
app.use(
  cors({
    origin: '*', // expect: no-wildcard-origin
    exposedHeaders: ['Mcp-Session-Id'],
  }),
);

// expect-next-line: require-csrf-token
app.post('/mcp', async (req, res) => {
  const sessionId = req.get('mcp-session-id');
  let transport = sessionId === undefined ? undefined : transports.get(sessionId);
  if (!transport) {
    if (sessionId !== undefined || !isInitializeRequest(req.body)) {
      res.status(400).json({ jsonrpc: '2.0', error: { code: -32000, message: 'No valid session' }, id: null });
      return;
    }
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

// Server-to-client stream (GET) and session end (DELETE).
async function handleSessionRequest(req: Request, res: Response): Promise<void> {
  const transport = transports.get(req.get('mcp-session-id') ?? '');
  if (!transport) {
    res.status(404).send('Unknown session');
    return;
  }
  await transport.handleRequest(req, res);
}
app.get('/mcp', handleSessionRequest);
app.delete('/mcp', handleSessionRequest);

// expect-next-line: require-loopback-host
app.listen(PORT, () => {
  console.log(`notes MCP server listening on port ${PORT}`);
});
