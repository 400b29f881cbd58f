// A notes MCP server on Fastify, hardened against cross-origin use, DNS rebinding and CSRF.
import { timingSafeEqual } from 'node:crypto';
import cors from '@fastify/cors';
import Fastify from 'fastify';
import { toWebRequest } from '@modelcontextprotocol/node';
import {
  McpServer,
  createMcpHandler,
  localhostAllowedHostnames,
  validateHostHeader,
} from '@modelcontextprotocol/server';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
const ALLOWED_ORIGINS = ['http://localhost:6274'];
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
function hasCsrfToken(given: string | string[] | undefined): boolean {
  if (!CSRF_TOKEN || typeof given !== 'string' || !given) return false;
  const expected = Buffer.from(CSRF_TOKEN);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const mcp = createMcpHandler(() => buildServer());
const app = Fastify({ logger: true });

void app.register(cors, {
  origin: ALLOWED_ORIGINS,
  methods: ['POST'],
  allowedHeaders: ['Content-Type', 'Mcp-Protocol-Version', 'X-MCP-CSRF-Token'],
});

app.addHook('onRequest', async (request, reply) => {
  const host = validateHostHeader(request.headers.host, localhostAllowedHostnames());
  if (!host.ok) return reply.code(403).send({ error: host.message });
  const origin = request.headers.origin;
  if (origin !== undefined && !ALLOWED_ORIGINS.includes(origin))
    return reply.code(403).send({ error: 'Origin not allowed' });
});

app.post('/mcp', async (request, reply) => {
  if (!hasCsrfToken(request.headers['x-mcp-csrf-token'])) {
    return reply
      .code(403)
      .send({ jsonrpc: '2.0', error: { code: -32000, message: 'Missing or invalid CSRF token' }, id: null });
  }
  const response = await mcp.fetch(await toWebRequest(request.raw, request.body));
  return reply.send(response);
});

app.listen({ port: PORT, host: '127.0.0.1' }).catch((err: unknown) => {
  app.log.error(err);
  process.exit(1);
});
