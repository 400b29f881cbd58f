import type { TypeCheckCases } from '../programs';

// Bun and Deno have no types installed here, so their fixes are checked in the rule tests only.
export const typeCheckCases: TypeCheckCases = {
  ruleId: 'require-loopback-host',
  title: 'in every framework the rule covers',
  // Each original, its fail-closed fixed program and one program per suggestion of the default mode.
  programs: { exactly: 110 },
  cases: [
    {
      name: 'express',
      code: `import express from 'express';

const PORT = Number(process.env.PORT ?? 3000);
const HOST = process.env.HOST ?? '0.0.0.0';
const app = express();
app.listen(PORT, () => {
  console.log(\`listening on port \${PORT}\`);
});
app.listen(PORT + 1);
app.listen();
app.listen(() => console.log('up'));
app.listen(PORT + 2, HOST);
express().use(express.json()).listen({ port: PORT + 3 });
`,
    },
    {
      // Every listen() overload that takes a host wants a numeric port.
      name: 'ports that TypeScript types as strings',
      code: `import express from 'express';
import http from 'node:http';

const PORT = process.env.PORT || 3000;
const app = express();
app.listen(PORT, () => console.log(PORT));
app.listen(process.env.ALT_PORT);
export function start(port: string | number) {
  return http.createServer((req, res) => res.end('ok')).listen(port);
}
`,
    },
    {
      name: 'node:http, https and net',
      code: `import http from 'node:http';
import https from 'node:https';
import * as net from 'node:net';

export function start(port = 3000, host = '0.0.0.0') {
  return http.createServer((req, res) => res.end('ok')).listen(port, host);
}
const server = http.createServer((req, res) => res.end('ok'));
server.on('error', console.error).listen(3001, 511, () => {});
server.listen({ port: 3002 });
https.createServer({}, (req, res) => res.end('ok')).listen(443);
new net.Server((socket) => socket.end()).listen(7000, '192.168.1.10');
`,
    },
    {
      name: 'koa',
      code: `import Koa from 'koa';

const app = new Koa();
app.use(async (ctx) => {
  ctx.body = 'ok';
});
app.listen(3000, () => console.log('up'));
new Koa().use((ctx) => {
  ctx.body = 'ok';
}).listen(3001, '');
`,
    },
    {
      name: '@hono/node-server',
      code: `import { serve, createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
serve({ fetch: app.fetch, port: 3000 }, (info) => console.log(info.port));
serve(app);
serve({ fetch: app.fetch, port: 3001, hostname: '0.0.0.0' });
createAdaptorServer({ fetch: app.fetch }).listen(3002);
`,
    },
    {
      name: 'fastify',
      code: `import Fastify from 'fastify';

const app = Fastify();
await app.listen({ port: 3000, host: '0.0.0.0' });
await app.listen({ port: 3001, host: process.env.HOST ?? '::' });
`,
    },
    {
      name: 'MCP SDK v1 createMcpExpressApp',
      code: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';

const app = createMcpExpressApp();
app.listen(3000, () => console.log('up'));
`,
    },
    {
      name: 'MCP SDK v2 createMcpExpressApp',
      code: `import { createMcpExpressApp } from '@modelcontextprotocol/express';

createMcpExpressApp({ host: '0.0.0.0' }).listen(3000);
`,
    },
    {
      name: 'reportUnknownHosts: a fallback for an environment variable',
      code: `import http from 'node:http';

http.createServer((_req, res) => res.end('ok')).listen(3000, process.env.HOST, () => {});
`,
      options: [{ reportUnknownHosts: true }],
    },
  ],
};
