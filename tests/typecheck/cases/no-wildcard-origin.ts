import type { TypeCheckCases } from '../programs';

export const typeCheckCases: TypeCheckCases = {
  ruleId: 'no-wildcard-origin',
  title: 'in every framework the rule covers',
  programs: { moreThan: 20 },
  cases: [
    {
      name: 'express and cors',
      code: `import express from 'express';
import cors, { type CorsOptions } from 'cors';

const app = express();
app.use(cors());
app.use('/api', cors({ credentials: true }));
const corsOptions: CorsOptions = { origin: '*', exposedHeaders: ['Mcp-Session-Id'] };
app.options('/mcp', cors(corsOptions));
app.get('/health', (req, res) => {
  res.set({ 'Access-Control-Allow-Origin': '*' });
  res.set('Access-Control-Allow-Origin', '*').status(200).json({ ok: true });
});
`,
    },
    {
      name: 'hono',
      code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
app.use('*', cors());
app.use('/mcp', cors({ origin: '*', credentials: true }));
app.get('/health', (c) => {
  c.header('Access-Control-Allow-Origin', '*');
  return c.json({ ok: true }, 200, { 'Access-Control-Allow-Origin': '*' });
});
export default app;
`,
    },
    {
      name: 'fastify',
      code: `import Fastify from 'fastify';
import cors from '@fastify/cors';

const app = Fastify();
await app.register(cors);
await app.register(cors, { origin: '*', credentials: true });
app.post('/mcp', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', '*');
  return { received: request.body };
});
`,
    },
    {
      name: 'koa',
      code: `import Koa from 'koa';
import cors from '@koa/cors';

const app = new Koa();
app.use(cors());
app.use(cors({ origin: '*', credentials: true }));
app.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', '*');
  await next();
});
`,
    },
    {
      name: 'node:http',
      code: `import http from 'node:http';

const CORS_HEADERS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'POST' };
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.writeHead(200, { ...CORS_HEADERS, 'Content-Type': 'application/json' });
  res.end('{}');
});
`,
    },
    {
      name: 'web fetch handler',
      code: `const corsHeaders = { 'Access-Control-Allow-Origin': '*' };

export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: corsHeaders });
    const headers = new Headers([['Access-Control-Allow-Origin', '*']]);
    headers.set('Access-Control-Allow-Origin', '*');
    return Response.json({ ok: true }, { headers: { ...corsHeaders, 'Content-Type': 'application/json' } });
  },
};
`,
    },
  ],
};
