// A notes MCP server on Koa. VULNERABLE: any web page can call its tools with the user's credentials.
import cors from '@koa/cors';
import Koa from 'koa';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
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

const app = new Koa();

app.use(cors({ credentials: true, allowHeaders: ['Content-Type', 'Mcp-Protocol-Version'] })); // expect: no-wildcard-origin

app.use(async (ctx) => {
  // expect-next-line: require-csrf-token
  if (ctx.path !== '/mcp' || ctx.method !== 'POST') {
    ctx.status = 404;
    return;
  }
  const server = buildServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }); // expect: require-dns-rebinding-protection
  ctx.res.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  // The transport writes the response itself.
  ctx.respond = false;
  await transport.handleRequest(ctx.req, ctx.res);
});

// expect-next-line: require-loopback-host
app.listen(PORT, () => {
  console.log(`notes MCP server listening on port ${PORT}`);
});
