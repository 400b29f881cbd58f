import type { TypeCheckCases } from '../programs';

export const typeCheckCases: TypeCheckCases = {
  ruleId: 'require-csrf-token',
  title: 'in every framework the rule covers',
  programs: { moreThan: 15 },
  cases: [
    {
      name: 'mcp-handler: a Next.js route whose withMcpAuth lets a request without a token through',
      filename: 'app/api/[transport]/route.ts',
      code: `import { createMcpHandler, withMcpAuth } from 'mcp-handler';

const handler = createMcpHandler((server) => {
  server.registerTool('ping', { description: 'Answers pong' }, async () => ({ content: [{ type: 'text', text: 'pong' }] }));
});
const authHandler = withMcpAuth(handler, (_request, token) =>
  token === process.env.MCP_TOKEN && token !== undefined ? { token, clientId: 'notes', scopes: [] } : undefined,
);

export { authHandler as GET, authHandler as POST };
`,
    },
    {
      name: 'express',
      code: `import express from 'express';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
declare const transport: StreamableHTTPServerTransport;

const app = express();
app.post('/mcp', async (req, res) => {
  await transport.handleRequest(req, res, req.body);
});
const router = express.Router();
router.post('/messages', (req, res) => transport.handleRequest(req, res, req.body));
app.route('/sse').post((req, res) => transport.handleRequest(req, res));
app.use('/api', router);
`,
    },
    {
      // A handler typed with the fetch API's Request, an error `@ts-ignore` hides: the guard keeps
      // to the line it covers.
      name: 'express, a handler under @ts-ignore',
      code: `import express from 'express';

const app = express();
// @ts-ignore
app.post('/mcp', async (req: Request, res: Response) => {
  await req.text();
  void res;
});
`,
    },
    {
      name: 'hono',
      code: `import { Hono } from 'hono';
import type { Context } from 'hono';
declare function handle(c: Context): Response;

const app = new Hono();
app.post('/mcp', (c) => handle(c));
app.on('POST', '/sse', (c) => handle(c));
app.all('/messages', (c) => handle(c));
export default app;
`,
    },
    {
      name: 'fastify',
      code: `import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
declare function handle(request: FastifyRequest, reply: FastifyReply): Promise<void>;

const app = Fastify();
app.post('/mcp', async (request, reply) => handle(request, reply));
app.route({ method: ['GET', 'POST'], url: '/sse', handler: handle });
app.post('/messages', { bodyLimit: 1024 }, handle);
app.register(async (instance) => {
  instance.post('/message', handle);
});
`,
    },
    {
      name: 'koa',
      code: `import Koa from 'koa';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
declare const transport: StreamableHTTPServerTransport;

const app = new Koa();
app.use(async (ctx) => {
  if (ctx.method !== 'POST' || ctx.path !== '/mcp') return;
  await transport.handleRequest(ctx.req, ctx.res);
});
`,
    },
    {
      name: 'node:http',
      code: `import http from 'node:http';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
declare const transport: StreamableHTTPServerTransport;

http.createServer(async (req, res) => {
  if (req.method === 'POST' && req.url === '/mcp') {
    await transport.handleRequest(req, res);
    return;
  }
  res.writeHead(404).end();
});
http.createServer(async (req, res) => {
  if (req.url !== '/mcp' || req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  await transport.handleRequest(req, res);
});
`,
    },
    {
      // Written as one expression: the fix gives the arrow a block body with the check first.
      name: "a one-expression fetch handler of Bun's default export",
      code: `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'x', version: '1.0.0' }));

export default {
  port: 3000,
  hostname: '127.0.0.1',
  fetch: (request: Request) => mcp.fetch(request),
};
`,
    },
  ],
};
