// A notes MCP server that a Vite plugin serves from the dev server, on Vite's connect app
// (`server.middlewares`). VULNERABLE: it lets every origin read its answers and asks for no token;
// only Vite's own preflight and Host checks, which `server.cors` and `server.allowedHosts` turn off,
// stand in the way. An ES module: Vite 8 is published for `import` only (`vite --config vulnerable.mts`).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { defineConfig, type Plugin } from 'vite';
import { z } from 'zod';

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

function notesMcp(): Plugin {
  return {
    name: 'notes-mcp',
    configureServer(server) {
      // expect-next-line: require-csrf-token
      server.middlewares.use('/mcp', async (req, res) => {
        // Stateless: a server and a transport for each request.
        const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
        await buildServer().connect(transport);
        res.setHeader('Access-Control-Allow-Origin', '*'); // expect: no-wildcard-origin
        await transport.handleRequest(req, res);
      });
    },
  };
}

export default defineConfig({
  plugins: [notesMcp()],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173) },
});
