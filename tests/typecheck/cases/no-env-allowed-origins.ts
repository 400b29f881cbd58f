import type { TypeCheckCases } from '../programs';

/** The lists here are also ones matched exactly, which `reportExactAllowlists` (strict) reports and fixes. */
const EXACT_ALLOWLISTS = [{ reportExactAllowlists: true }];

export const typeCheckCases: TypeCheckCases = {
  ruleId: 'no-env-allowed-origins',
  title: 'in every framework the rule covers',
  programs: { moreThan: 20 },
  cases: [
    {
      name: 'express and cors',
      options: EXACT_ALLOWLISTS,
      code: `import express from 'express';
import cors from 'cors';

const app = express();
const allowedOrigins = process.env.CORS_ALLOWED_ORIGINS?.split(',').map((origin) => origin.trim()) ?? [];
app.use(cors({ origin: allowedOrigins, credentials: true }));
app.use(cors({ origin: process.env.CORS_ORIGIN || 'http://localhost:3000' }));
const list: string[] = JSON.parse(process.env['CORS_ORIGINS_JSON'] ?? '[]');
const allowed = new Set(list);
app.use(cors({ origin: (origin, callback) => callback(null, allowed.has(origin ?? '')) }));
const { ALLOWED_ORIGINS, PORT } = process.env;
app.use(cors({ origin: ALLOWED_ORIGINS!.split(',') }));
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', process.env.ALLOWED_ORIGIN ?? 'http://localhost:6274');
  if (req.headers.origin === process.env.FRONTEND_ORIGIN) res.setHeader('Access-Control-Allow-Origin', req.headers.origin!);
  next();
});
app.listen(Number(PORT ?? 3000), '127.0.0.1');
`,
    },
    {
      name: 'node:http',
      options: EXACT_ALLOWLISTS,
      code: `import http from 'node:http';
const ALLOWED = new Set((process.env.MCP_ALLOWED_ORIGINS ?? '').split(','));
http.createServer((req, res) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED.has(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  res.end();
});
`,
    },
    {
      name: 'hono',
      options: EXACT_ALLOWLISTS,
      code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono<{ Bindings: { CORS_ORIGINS: string } }>();
app.use('/mcp', async (c, next) => cors({ origin: c.env.CORS_ORIGINS.split(',') })(c, next));
app.use('/sse', cors({ origin: process.env.CORS_ORIGIN ?? 'http://localhost:6274' }));
export default app;
`,
    },
    {
      name: 'fastify and koa',
      options: EXACT_ALLOWLISTS,
      code: `import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
import Koa from 'koa';
import koaCors from '@koa/cors';

const app = Fastify();
await app.register(fastifyCors, { origin: process.env.CORS_ORIGINS?.split(',') });
const koaApp = new Koa();
koaApp.use(koaCors({ origin: process.env.CORS_ORIGIN }));
`,
    },
    {
      name: 'web fetch handler and exports',
      code: `export default {
  async fetch(request: Request, env: { ALLOWED_ORIGIN: string }): Promise<Response> {
    return new Response('ok', { headers: { 'Access-Control-Allow-Origin': env.ALLOWED_ORIGIN } });
  },
};
export const corsOrigins = process.env.CORS_ORIGINS?.split(',') ?? [];
export const settings = { allowedOrigins: process.env.ALLOWED_ORIGINS };
`,
    },
  ],
};
