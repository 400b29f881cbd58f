import type { TypeCheckCases } from '../programs';

export const typeCheckCases: TypeCheckCases = {
  ruleId: 'require-dns-rebinding-protection',
  title: 'for express, Hono, Fastify, node:http and the SDK apps',
  programs: { moreThan: 10 },
  cases: [
    {
      name: 'a ws WebSocket server',
      code: `import { WebSocketServer } from 'ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const mcp = new McpServer({ name: 'bridge', version: '1.0.0' });
const wss = new WebSocketServer({ port: 8765, host: '127.0.0.1' });
wss.on('connection', (socket) => {
  socket.on('message', (data) => void mcp.server.notification(JSON.parse(String(data))));
});
`,
    },
    {
      name: 'Socket.IO servers, with options and without',
      code: `import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const mcp = new McpServer({ name: 'bridge', version: '1.0.0' });
const http = createServer();
const io = new Server(http);
const polling = new Server(createServer(), { cors: { origin: 'http://localhost:5173' } });
for (const server of [io, polling]) {
  server.on('connection', (socket) => {
    socket.on('notify', (data: string) => void mcp.server.notification(JSON.parse(data)));
  });
}
http.listen(47000, '127.0.0.1');
`,
    },
    {
      name: 'v1 transports in express',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';

const PORT = Number(process.env.PORT ?? 3000);
const app = express();
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/messages', res);
  await transport.start();
});
app.listen(PORT, '127.0.0.1');
`,
    },
    {
      name: "v1 transports on an exported Express router and an app made in a function: the SDK's Host validation middleware",
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';

export const router = express.Router();
router.all('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});

export function start(port: number) {
  const app = express();
  app.get('/sse', async (req, res) => {
    const transport = new SSEServerTransport('/messages', res);
    await transport.start();
  });
  return app.listen(port, '127.0.0.1');
}
`,
    },
    {
      name: 'SDK apps',
      code: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { createMcpExpressApp as createApp } from '@modelcontextprotocol/express';
import { createMcpHonoApp } from '@modelcontextprotocol/hono';
const HOST = process.env.HOST ?? '0.0.0.0';
export const v1 = createMcpExpressApp({ host: '0.0.0.0' });
export const v2 = createApp({ host: HOST });
export const hono = createMcpHonoApp({ host: '::' });
`,
    },
    {
      name: 'plain express with a v2 handler',
      code: `import express from 'express';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';

const serveMcp = toNodeHandler(createMcpHandler(() => new McpServer({ name: 'x', version: '1.0.0' })));
const app = express();
app.all('/mcp', (req, res) => serveMcp(req, res, req.body));
`,
    },
    {
      name: 'plain Hono',
      code: `import { Hono } from 'hono';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
const mcp = createMcpHandler(() => new McpServer({ name: 'x', version: '1.0.0' }));
const app = new Hono();
app.all('/mcp', (c) => mcp.fetch(c.req.raw));
export default app;
`,
    },
    {
      name: 'Fastify',
      code: `import Fastify from 'fastify';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toWebRequest } from '@modelcontextprotocol/node';
const mcp = createMcpHandler(() => new McpServer({ name: 'x', version: '1.0.0' }));
const app = Fastify({ logger: true });
app.post('/mcp', async (request, reply) => reply.send(await mcp.fetch(await toWebRequest(request.raw, request.body))));
`,
    },
    {
      name: 'node:http',
      code: `import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const port = Number(process.env.PORT) || 3000;
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
const server = http.createServer((req, res) => {
  if (req.method === 'POST') void transport.handleRequest(req, res);
});
server.listen(port, '127.0.0.1');
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
