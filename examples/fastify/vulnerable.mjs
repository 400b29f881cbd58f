// A notes MCP server on Fastify. VULNERABLE: any web page can read its responses and call its tools.
import cors from '@fastify/cors';
import Fastify from 'fastify';
import { toWebRequest } from '@modelcontextprotocol/node';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { z } from 'zod';

const port = Number(process.env.PORT ?? 3000);
const notes = new Map([['welcome', 'Notes live in memory and vanish on restart.']]);

function buildServer() {
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

const mcp = createMcpHandler(() => buildServer());
const app = Fastify({ logger: true }); // expect: require-dns-rebinding-protection

await app.register(cors); // expect: no-wildcard-origin

// expect-next-line: require-csrf-token
app.route({
  method: ['GET', 'POST', 'DELETE'],
  url: '/mcp',
  async handler(request, reply) {
    // Fastify has already parsed the JSON body; hand it over so the stream is not read twice.
    const response = await mcp.fetch(await toWebRequest(request.raw, request.body));
    return reply.send(response);
  },
});

await app.listen({ port, host: '0.0.0.0' }); // expect: require-loopback-host
