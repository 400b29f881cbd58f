import type { TypeCheckCases } from '../programs';

export const typeCheckCases: TypeCheckCases = {
  ruleId: 'no-unsafe-origin-match',
  title: 'in every framework the rule covers',
  programs: { exactly: 15 },
  cases: [
    {
      name: 'express and cors',
      code: `import express from 'express';
import cors from 'cors';

const TRUSTED_DOMAIN = 'example.com';
const app = express();
app.use(cors({ origin: [/example\\.com$/, new RegExp('^http://localhost')], credentials: true }));
app.use(cors({ origin: (origin, callback) => callback(null, !origin || origin.endsWith('example.com')) }));
app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin && !origin.startsWith('http://localhost')) return res.status(403).end();
  if (origin?.includes('example.org')) res.set('Access-Control-Allow-Origin', origin);
  if (origin?.endsWith(TRUSTED_DOMAIN)) res.set('Access-Control-Allow-Origin', origin);
  if (origin && new URL(origin).hostname.startsWith('localhost')) res.set('Access-Control-Allow-Origin', origin);
  next();
});
`,
    },
    {
      name: 'node:http',
      code: `import http from 'node:http';

http.createServer((req, res) => {
  const origin = req.headers.origin ?? '';
  if (origin.indexOf('http://localhost') !== 0) {
    res.writeHead(403).end();
    return;
  }
  if (origin.indexOf('localhost') !== -1) res.setHeader('Access-Control-Allow-Origin', origin);
  res.end('{}');
});
`,
    },
    {
      name: 'hono',
      code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
app.use('/mcp', cors({ origin: (origin) => (origin.endsWith('example.com') ? origin : null) }));
app.use(async (c, next) => {
  const origin = c.req.header('Origin');
  if (origin !== undefined && !/localhost/.test(origin)) return c.text('Forbidden', 403);
  await next();
});
export default app;
`,
    },
    {
      name: 'fastify',
      code: `import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';

const app = Fastify();
await app.register(fastifyCors, { origin: [/^https:\\/\\/app.example\\.com$/, /localhost/] });
app.addHook('onRequest', async (request, reply) => {
  const origin = request.headers.origin;
  if (origin !== undefined && !origin.startsWith('http://127.0.0.1')) return reply.code(403).send();
});
`,
    },
    {
      name: 'koa',
      code: `import Koa from 'koa';
import cors from '@koa/cors';

const app = new Koa();
app.use(cors({ origin: (ctx) => (ctx.get('Origin').includes('localhost') ? ctx.get('Origin') : '') }));
app.use(async (ctx, next) => {
  const origin = ctx.get('Origin');
  if (origin && !origin.match('example.com')) ctx.throw(403);
  await next();
});
`,
    },
    {
      name: 'web fetch handler',
      code: `export default {
  async fetch(request: Request): Promise<Response> {
    const origin = request.headers.get('Origin');
    if (origin !== null && !origin?.startsWith('http://localhost')) return new Response('Forbidden', { status: 403 });
    const headers = new Headers();
    if (origin?.endsWith('example.com')) headers.set('Access-Control-Allow-Origin', origin);
    return new Response('{}', { headers });
  },
};
`,
    },
  ],
};
