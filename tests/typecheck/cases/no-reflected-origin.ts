import type { TypeCheckCases } from '../programs';

export const typeCheckCases: TypeCheckCases = {
  ruleId: 'no-reflected-origin',
  title: 'in every framework the rule covers',
  programs: { moreThan: 20 },
  cases: [
    {
      name: 'node:http',
      code: `import http from 'node:http';

http.createServer((req, res) => {
  const { origin } = req.headers;
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*');
  res.writeHead(200, { 'Access-Control-Allow-Origin': origin ?? '*', 'Content-Type': 'application/json' });
  res.end('{}');
});
`,
    },
    {
      name: 'express and cors',
      code: `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: true, credentials: true }));
app.use(cors({ origin: (origin, callback) => callback(null, true) }));
app.use(cors({ origin: process.env.NODE_ENV === 'development' ? true : ['https://app.example.com'] }));
app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin) res.set('Access-Control-Allow-Origin', origin);
  res.header('Access-Control-Allow-Origin', req.header('Origin'));
  next();
});
`,
    },
    {
      name: 'hono',
      code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
app.use('/mcp', cors({ origin: (origin) => origin }));
app.use(async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', c.req.header('origin') ?? '*');
});
export default app;
`,
    },
    {
      name: 'fastify',
      code: `import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';

const app = Fastify();
await app.register(fastifyCors, { origin: true, credentials: true });
app.addHook('onSend', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', request.headers.origin ?? '*');
});
`,
    },
    {
      name: 'koa',
      code: `import Koa from 'koa';
import cors from '@koa/cors';

const app = new Koa();
app.use(cors({ origin: (ctx) => ctx.get('Origin'), credentials: true }));
app.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', ctx.request.header.origin || '*');
  await next();
});
`,
    },
    {
      name: 'web fetch handler',
      code: `export default {
  async fetch(request: Request): Promise<Response> {
    const headers = new Headers();
    headers.set('Access-Control-Allow-Origin', request.headers.get('Origin') ?? '*');
    return new Response('ok', { headers: { 'Access-Control-Allow-Origin': request.headers.get('Origin') ?? '*' } });
  },
};
`,
    },
  ],
};
