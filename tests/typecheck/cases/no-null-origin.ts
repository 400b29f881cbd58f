import type { TypeCheckCases } from '../programs';

export const typeCheckCases: TypeCheckCases = {
  ruleId: 'no-null-origin',
  title: 'in every framework the rule covers',
  programs: { exactly: 26 },
  cases: [
    {
      name: 'express and cors',
      code: `import express from 'express';
import cors from 'cors';

const ALLOWED_ORIGINS = ['https://app.example.com', 'null'];
const app = express();
app.use(cors({ origin: ['null'], credentials: true }));
app.use(cors({ origin: 'null' }));
app.use(cors({ origin: (origin, callback) => callback(null, origin === 'null' || ALLOWED_ORIGINS.includes(origin ?? '')) }));
app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin !== undefined && origin !== 'null' && !ALLOWED_ORIGINS.includes(origin)) return res.status(403).end();
  res.set('Access-Control-Allow-Origin', origin === undefined ? 'null' : origin);
  next();
});
`,
    },
    {
      name: 'node:http',
      code: `import http from 'node:http';

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'null');
  res.writeHead(200, { 'Access-Control-Allow-Origin': 'null', 'Content-Type': 'application/json' });
  res.end('{}');
});
`,
    },
    {
      name: 'hono',
      code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
app.use('/mcp', cors({ origin: ['null'] }));
app.use('/api', cors({ origin: 'null', credentials: true }));
export default app;
`,
    },
    {
      name: 'fastify',
      code: `import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';

const app = Fastify();
await app.register(fastifyCors, { origin: ['https://app.example.com', 'null'] });
await app.register(fastifyCors, { origin: 'null' });
`,
    },
    {
      name: 'koa',
      code: `import Koa from 'koa';
import cors from '@koa/cors';

const app = new Koa();
app.use(cors({ origin: 'null', credentials: true }));
`,
    },
    {
      name: 'web fetch handler',
      code: `export default {
  async fetch(): Promise<Response> {
    return new Response('{}', { headers: { 'Access-Control-Allow-Origin': 'null' } });
  },
};
`,
    },
  ],
};
