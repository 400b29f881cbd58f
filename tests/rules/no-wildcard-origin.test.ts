import rule from '../../src/rules/no-wildcard-origin';
import { commonjs, createRuleTester, esm, failClosedFix } from '../rule-tester';

const ruleTester = createRuleTester();

/** A headers constant whose entries a server copies onto its responses, or a test only compares with them. */
const ENTRIES_LOOP = (loop: string): string => `import http from 'node:http';

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST',
};

http
  .createServer((req, res) => {
    ${loop}
    void handleMcp(req, res);
  })
  .listen(3000, '127.0.0.1');`;

const COPYING_LOOP = 'for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);';

ruleTester.run('no-wildcard-origin', rule, {
  valid: [
    {
      name: 'an OAuth client registration route whose body is read into a `let` in a `try`: public, for clients',
      filename: 'app/register/route.ts',
      code: `// Registers OAuth clients of this server (RFC 7591), forwarding to the identity provider.
export async function OPTIONS(): Promise<Response> {
  return new Response(null, { status: 204, headers: { 'Access-Control-Allow-Origin': '*' } });
}

export async function POST(request: Request): Promise<Response> {
  let registration;
  try {
    registration = await request.json();
  } catch {
    return Response.json({ error: 'invalid_client_metadata' }, { status: 400 });
  }
  const { redirect_uris: uris } = registration;
  if (!Array.isArray(uris)) return Response.json({ error: 'invalid_redirect_uri' }, { status: 400 });
  const client = await registerWithProvider(uris, registration.client_name ?? 'MCP client');
  return Response.json({ client_id: client.id, redirect_uris: uris }, { headers: { 'Access-Control-Allow-Origin': '*' } });
}`,
    },
    {
      name: "an OAuth client registration route that validates the body with a schema and reads the parse result's data",
      filename: 'app/oauth/register/route.ts',
      code: `import { z } from 'zod';

const Registration = z.object({ redirect_uris: z.array(z.string().url()).min(1), client_name: z.string().optional() });

export async function POST(request: Request): Promise<Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: 'invalid_request' }, { status: 400 });
  }
  const validation = Registration.safeParse(body);
  if (!validation.success) return Response.json({ error: 'invalid_client_metadata' }, { status: 400 });
  const metadata = validation.data;
  const client = await registerWithProvider(metadata.redirect_uris, metadata.client_name ?? 'MCP client');
  return Response.json(client, { status: 201, headers: { 'Access-Control-Allow-Origin': '*' } });
}`,
    },
    {
      name: 'a `*` written only on error responses of a web handler (401, 400 by default): they answer no data',
      code: `function denied(reason: string): Response {
  return new Response(JSON.stringify({ error: 'invalid_token', reason }), {
    status: 401,
    headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' },
  });
}

function tokenError(code: string, status = 400): Response {
  return Response.json({ error: code }, { status, headers: { 'Access-Control-Allow-Origin': '*' } });
}

export async function POST(request: Request): Promise<Response> {
  if (request.headers.get('authorization') !== \`Bearer \${process.env.TOKEN}\`) return denied('token');
  const form = await request.formData();
  if (!form.get('grant_type')) return tokenError('unsupported_grant_type');
  return transport.handleRequest(request);
}`,
    },
    {
      name: "a headers object whose entries are only compared with a response's: the headers a test expects",
      code: `const expectedCorsHeaders = {
  'Access-Control-Allow-Origin': '*',
  Vary: 'Origin',
};

export function expectCorsHeaders(response: Response): void {
  for (const [name, value] of Object.entries(expectedCorsHeaders)) {
    expect(response.headers.get(name)).toBe(value);
  }
  Object.keys(expectedCorsHeaders).forEach((name) => expect(response.headers.has(name)).toBe(true));
}`,
    },
    {
      name: 'cors with a literal allowlist',
      code: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com', 'http://localhost:6274'] }));`,
    },
    {
      name: 'cors that rejects cross-origin requests',
      code: `import cors from 'cors';
app.use(cors({ origin: false }));`,
    },
    {
      name: 'cors with one fixed origin and credentials',
      code: `import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com', credentials: true }));`,
    },
    {
      name: 'cors with an origin callback is for no-reflected-origin',
      code: `import cors from 'cors';
const ALLOWED = new Set(['https://app.example.com']);
app.use(cors({ origin: (origin, callback) => callback(null, ALLOWED.has(origin ?? '')) }));`,
    },
    {
      name: "express cors compares array entries exactly, so ['*'] is no wildcard",
      code: `import cors from 'cors';
app.use(cors({ origin: ['*'] }));`,
    },
    {
      name: 'options the file cannot see',
      code: `import cors from 'cors';
import { corsOptions } from './config';
app.use(cors(corsOptions));
app.use(cors({ ...corsOptions, maxAge: 600 }));
app.use(cors(...args));`,
    },
    {
      name: 'a local function named cors',
      code: `function cors(options?: { origin?: string }) { return options; }
cors();
cors({ origin: '*' });`,
    },
    {
      name: 'a parameter that shadows the import',
      code: `import cors from 'cors';
export function install(app: { use(handler: unknown): void }, cors: (options?: object) => unknown) {
  app.use(cors());
}`,
    },
    {
      name: 'a cors from a local module',
      code: `import { cors } from './middleware/cors';
app.use(cors());`,
    },
    {
      name: "'*' in globs, routes and unrelated objects",
      code: `import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com' }));
app.get('*', (req, res) => res.sendStatus(404));
const files = glob.sync('*');
const config = { origin: '*', pattern: '*' };
console.log(config, files);`,
    },
    {
      name: 'an Access-Control-Allow-Origin of one fixed origin',
      code: `import http from 'node:http';
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('Content-Type', '*');
  res.end();
});`,
    },
    {
      name: 'a request that sends the header is a client, not a server',
      code: `await fetch('http://localhost:3000/mcp', {
  method: 'POST',
  headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' },
});`,
    },
    {
      name: 'a local class named Response',
      code: `class Response { constructor(public body: string, public init: object) {} }
new Response('ok', { headers: { 'Access-Control-Allow-Origin': '*' } });`,
    },
    {
      name: 'hono cors with an allowlist or a checking function',
      code: `import { cors } from 'hono/cors';
const ALLOWED_ORIGINS = ['https://app.example.com'];
app.use('/mcp', cors({ origin: ALLOWED_ORIGINS }));
app.use('/api/*', cors({ origin: (origin) => (ALLOWED_ORIGINS.includes(origin) ? origin : null) }));`,
    },
    {
      name: 'fastify cors denying, with an allowlist, or from a delegator',
      code: `import fastifyCors from '@fastify/cors';
await app.register(fastifyCors, { origin: false });
await app.register(fastifyCors, { origin: ['https://app.example.com'] });
await app.register(fastifyCors, () => (req, callback) => callback(null, { origin: false }));
await app.register(otherPlugin);`,
    },
    {
      name: "fastify cors options with a `delegator`: each request's options are what it resolves, not the `*` default",
      code: `import fastifyCors from '@fastify/cors';
await app.register(fastifyCors, {
  delegator: (request) => Promise.resolve({ origin: request.url.startsWith('/viewer') ? ['https://viewer.example.com'] : false }),
});`,
    },
    {
      name: 'koa cors with an origin function',
      code: `import cors from '@koa/cors';
app.use(cors({ origin: (ctx) => (ctx.get('Origin') === 'https://app.example.com' ? ctx.get('Origin') : '') }));`,
    },
    {
      name: 'CommonJS cors with an allowlist',
      code: `const cors = require('cors');
app.use(cors({ origin: ['https://app.example.com'] }));`,
      ...commonjs,
    },
    {
      name: 'ESM JavaScript: an unrelated register and an allowlist',
      code: `import fastifyCors from '@fastify/cors';
import helmet from '@fastify/helmet';
await app.register(helmet);
await app.register(fastifyCors, { origin: ['https://app.example.com'] });`,
      ...esm,
    },
    {
      name: 'an echoed origin with a * fallback is for no-reflected-origin',
      code: `import http from 'node:http';
http.createServer((req, res) => {
  const origin = req.headers.origin || '*';
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.end();
});`,
    },
    {
      name: 'a file about something else',
      code: `const total = items.reduce((sum, item) => sum + item.price, 0);
export default total;`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a `*` on a response whose status is a success for some calls',
      code: `function reply(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: { 'Access-Control-Allow-Origin': '*' } });
}

export async function POST(request: Request): Promise<Response> {
  const payload = await request.json();
  if (!payload.method) return reply({ error: 'invalid_request' }, 400);
  return reply(await transport.handle(payload), 200);
}`,
      output: `function reply(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: {} });
}

export async function POST(request: Request): Promise<Response> {
  const payload = await request.json();
  if (!payload.method) return reply({ error: 'invalid_request' }, 400);
  return reply(await transport.handle(payload), 200);
}`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 2,
          column: 51,
          endLine: 2,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

function reply(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: { 'Access-Control-Allow-Origin': ALLOWED_ORIGIN } });
}

export async function POST(request: Request): Promise<Response> {
  const payload = await request.json();
  if (!payload.method) return reply({ error: 'invalid_request' }, 400);
  return reply(await transport.handle(payload), 200);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'express cors() with no options',
      code: `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors());`,
      output: `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: false }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import express from 'express';
import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'cors() with options but no origin, multi-line',
      code: `import cors from 'cors';

app.use(
  cors({
    exposedHeaders: ['Mcp-Session-Id'],
    allowedHeaders: ['Content-Type', 'Mcp-Session-Id'],
  }),
);`,
      output: `import cors from 'cors';

app.use(
  cors({
    exposedHeaders: ['Mcp-Session-Id'],
    allowedHeaders: ['Content-Type', 'Mcp-Session-Id'],
    origin: false,
  }),
);`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 4,
          column: 3,
          endLine: 7,
          endColumn: 5,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(
  cors({
    exposedHeaders: ['Mcp-Session-Id'],
    allowedHeaders: ['Content-Type', 'Mcp-Session-Id'],
    origin: ALLOWED_ORIGINS,
  }),
);`,
            },
          ],
        },
      ],
    },
    {
      name: "origin: '*' with credentials",
      code: `import cors from 'cors';
app.use(cors({ origin: '*', credentials: true }));`,
      output: `import cors from 'cors';
app.use(cors({ origin: false, credentials: true }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` with an `origin` that is `*`', credentials: '' },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(cors({ origin: ALLOWED_ORIGINS, credentials: true }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'options in a typed variable',
      code: `import cors, { type CorsOptions } from 'cors';

const corsOptions: CorsOptions = {
  origin: '*',
  exposedHeaders: ['Mcp-Session-Id'],
};
router.use(cors(corsOptions));`,
      output: `import cors, { type CorsOptions } from 'cors';

const corsOptions: CorsOptions = {
  origin: false, // no cross-origin reads
  exposedHeaders: ['Mcp-Session-Id'],
};
router.use(cors(corsOptions));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` with an `origin` that is `*`', credentials: '' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors, { type CorsOptions } from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const corsOptions: CorsOptions = {
  origin: ALLOWED_ORIGINS,
  exposedHeaders: ['Mcp-Session-Id'],
};
router.use(cors(corsOptions));`,
            },
          ],
        },
      ],
    },
    {
      name: 'origin spread in from another object',
      code: `import cors from 'cors';
const base = { origin: '*', maxAge: 600 };
app.use(cors({ ...base, methods: ['GET', 'POST'] }));`,
      output: `import cors from 'cors';
const base = { origin: false, maxAge: 600 };
app.use(cors({ ...base, methods: ['GET', 'POST'] }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` with an `origin` that is `*`', credentials: '' },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const base = { origin: ALLOWED_ORIGINS, maxAge: 600 };
app.use(cors({ ...base, methods: ['GET', 'POST'] }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a ternary and a fallback that can be *',
      code: `import cors from 'cors';
const isDev = process.env.NODE_ENV !== 'production';
app.use(cors({ origin: isDev ? '*' : 'https://app.example.com' }));
app.options('/mcp', cors({ origin: process.env.CORS_ORIGIN ?? '*' }));`,
      output: `import cors from 'cors';
const isDev = process.env.NODE_ENV !== 'production';
app.use(cors({ origin: isDev ? false : 'https://app.example.com' }));
app.options('/mcp', cors({ origin: process.env.CORS_ORIGIN ?? false }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` with an `origin` that can be `*`', credentials: '' },
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const isDev = process.env.NODE_ENV !== 'production';
app.use(cors({ origin: isDev ? ALLOWED_ORIGINS : 'https://app.example.com' }));
app.options('/mcp', cors({ origin: process.env.CORS_ORIGIN ?? '*' }));`,
            },
          ],
        },
        {
          messageId: 'wildcardPreflight',
          data: { policy: '`cors()` with an `origin` that can be `*`', credentials: '' },
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const isDev = process.env.NODE_ENV !== 'production';
app.use(cors({ origin: isDev ? '*' : 'https://app.example.com' }));
app.options('/mcp', cors({ origin: process.env.CORS_ORIGIN ?? ALLOWED_ORIGINS }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'middleware held in a variable, renamed import, satisfies and as',
      code: `import corsMiddleware, { type CorsOptions } from 'cors';
const allowAll = corsMiddleware({ origin: '*' } satisfies CorsOptions);
const fromConfig = corsMiddleware(({ origin: '*' }) as CorsOptions);
app.post('/mcp', allowAll, fromConfig, handleMcp);`,
      output: `import corsMiddleware, { type CorsOptions } from 'cors';
const allowAll = corsMiddleware({ origin: false } satisfies CorsOptions);
const fromConfig = corsMiddleware(({ origin: false }) as CorsOptions);
app.post('/mcp', allowAll, fromConfig, handleMcp);`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` with an `origin` that is `*`', credentials: '' },
          line: 2,
          column: 35,
          endLine: 2,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import corsMiddleware, { type CorsOptions } from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const allowAll = corsMiddleware({ origin: ALLOWED_ORIGINS } satisfies CorsOptions);
const fromConfig = corsMiddleware(({ origin: '*' }) as CorsOptions);
app.post('/mcp', allowAll, fromConfig, handleMcp);`,
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` with an `origin` that is `*`', credentials: '' },
          line: 3,
          column: 38,
          endLine: 3,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import corsMiddleware, { type CorsOptions } from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const allowAll = corsMiddleware({ origin: '*' } satisfies CorsOptions);
const fromConfig = corsMiddleware(({ origin: ALLOWED_ORIGINS }) as CorsOptions);
app.post('/mcp', allowAll, fromConfig, handleMcp);`,
            },
          ],
        },
      ],
    },
    {
      name: 'options in a config object',
      code: `import cors from 'cors';
const config = { port: 3000, cors: { origin: '*' } } as const;
app.use(cors(config.cors));`,
      output: `import cors from 'cors';
const config = { port: 3000, cors: { origin: false } } as const;
app.use(cors(config.cors));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` with an `origin` that is `*`', credentials: '' },
          line: 2,
          column: 38,
          endLine: 2,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const config = { port: 3000, cors: { origin: ALLOWED_ORIGINS } } as const;
app.use(cors(config.cors));`,
            },
          ],
        },
      ],
    },
    {
      name: 'shorthand origin property',
      code: `import cors from 'cors';
const origin = '*';
app.use(cors({ origin }));`,
      output: `import cors from 'cors';
const origin = '*';
app.use(cors({ origin: false }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` with an `origin` that is `*`', credentials: '' },
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const origin = '*';
app.use(cors({ origin: ALLOWED_ORIGINS }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'an empty options object',
      code: `import cors from 'cors';
app.use(cors({}));`,
      output: `import cors from 'cors';
app.use(cors({ origin: false }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(cors({ origin: ALLOWED_ORIGINS }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS require',
      code: `const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors());`,
      ...commonjs,
      output: `const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: false }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `const express = require('express');
const cors = require('cors');

const ALLOWED_ORIGINS = ['https://app.example.com'];

const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'an existing ALLOWED_ORIGINS is reused by the suggestion',
      code: `import cors from 'cors';
const ALLOWED_ORIGINS = ['http://localhost:6274'];
app.use(cors({ origin: '*' }));`,
      output: `import cors from 'cors';
const ALLOWED_ORIGINS = ['http://localhost:6274'];
app.use(cors({ origin: false }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` with an `origin` that is `*`', credentials: '' },
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
const ALLOWED_ORIGINS = ['http://localhost:6274'];
app.use(cors({ origin: ALLOWED_ORIGINS }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'ESM JavaScript router and preflight route',
      code: `import { Router } from 'express';
import cors from 'cors';

export const router = Router();
router.options('/mcp', cors({ origin: '*', methods: ['POST'] }));
router.post('/mcp', cors(), handleMcp);`,
      ...esm,
      output: `import { Router } from 'express';
import cors from 'cors';

export const router = Router();
router.options('/mcp', cors({ origin: false, methods: ['POST'] }));
router.post('/mcp', cors({ origin: false }), handleMcp);`,
      errors: [
        {
          messageId: 'wildcardPreflight',
          data: { policy: '`cors()` with an `origin` that is `*`', credentials: '' },
          line: 5,
          column: 31,
          endLine: 5,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import { Router } from 'express';
import cors from 'cors';

const ALLOWED_ORIGINS = ['https://app.example.com'];

export const router = Router();
router.options('/mcp', cors({ origin: ALLOWED_ORIGINS, methods: ['POST'] }));
router.post('/mcp', cors(), handleMcp);`,
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import { Router } from 'express';
import cors from 'cors';

const ALLOWED_ORIGINS = ['https://app.example.com'];

export const router = Router();
router.options('/mcp', cors({ origin: '*', methods: ['POST'] }));
router.post('/mcp', cors({ origin: ALLOWED_ORIGINS }), handleMcp);`,
            },
          ],
        },
      ],
    },
    {
      name: 'hono cors() default',
      code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
app.use('*', cors());`,
      output: `import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
app.use('*', cors({ origin: [] }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`hono/cors` without `origin` (default `*`)', credentials: '' },
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import { Hono } from 'hono';
import { cors } from 'hono/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const app = new Hono();
app.use('*', cors({ origin: ALLOWED_ORIGINS }));`,
            },
          ],
        },
      ],
    },
    {
      name: "hono origin: '*' with credentials",
      code: `import { cors as honoCors } from 'hono/cors';
app.use('/mcp', honoCors({ origin: '*', credentials: true, exposeHeaders: ['Mcp-Session-Id'] }));`,
      output: `import { cors as honoCors } from 'hono/cors';
app.use('/mcp', honoCors({ origin: [], credentials: true, exposeHeaders: ['Mcp-Session-Id'] }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: {
            policy: '`hono/cors` with an `origin` that is `*`',
            credentials: '',
          },
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import { cors as honoCors } from 'hono/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use('/mcp', honoCors({ origin: ALLOWED_ORIGINS, credentials: true, exposeHeaders: ['Mcp-Session-Id'] }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify cors registered with no options',
      code: `import Fastify from 'fastify';
import cors from '@fastify/cors';

const app = Fastify();
await app.register(cors);`,
      output: `import Fastify from 'fastify';
import cors from '@fastify/cors';

const app = Fastify();
await app.register(cors, { origin: false });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`@fastify/cors` without `origin` (default `*`)', credentials: '' },
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import Fastify from 'fastify';
import cors from '@fastify/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const app = Fastify();
await app.register(cors, { origin: ALLOWED_ORIGINS });`,
            },
          ],
        },
      ],
    },
    {
      name: "fastify origin '*', and an array that holds '*'",
      code: `import { fastifyCors } from '@fastify/cors';
app.register(fastifyCors, { origin: '*' });
app.register(fastifyCors, { origin: ['https://app.example.com', '*'] });`,
      output: `import { fastifyCors } from '@fastify/cors';
app.register(fastifyCors, { origin: false });
app.register(fastifyCors, { origin: false });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`@fastify/cors` with an `origin` that is `*`', credentials: '' },
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import { fastifyCors } from '@fastify/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.register(fastifyCors, { origin: ALLOWED_ORIGINS });
app.register(fastifyCors, { origin: ['https://app.example.com', '*'] });`,
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`@fastify/cors` with an `origin` it treats as `*`', credentials: '' },
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import { fastifyCors } from '@fastify/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.register(fastifyCors, { origin: '*' });
app.register(fastifyCors, { origin: ALLOWED_ORIGINS });`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify cors through require',
      code: `const fastify = require('fastify')();
fastify.register(require('@fastify/cors'), { credentials: true });`,
      ...commonjs,
      output: `const fastify = require('fastify')();
fastify.register(require('@fastify/cors'), { credentials: true, origin: false });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`@fastify/cors` without `origin` (default `*`)', credentials: '' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `const ALLOWED_ORIGINS = ['https://app.example.com'];

const fastify = require('fastify')();
fastify.register(require('@fastify/cors'), { credentials: true, origin: ALLOWED_ORIGINS });`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa cors() default',
      code: `import Koa from 'koa';
import cors from '@koa/cors';

const app = new Koa();
app.use(cors());`,
      output: `import Koa from 'koa';
import cors from '@koa/cors';

const app = new Koa();
app.use(cors({ origin: () => '' }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`@koa/cors` without `origin` (default `*`)', credentials: '' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import Koa from 'koa';
import cors from '@koa/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const app = new Koa();
app.use(cors({ origin: (ctx) => (ALLOWED_ORIGINS.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa cors with credentials echoes the origin',
      code: `import cors from '@koa/cors';
app.use(cors({ credentials: true }));`,
      output: `import cors from '@koa/cors';
app.use(cors({ credentials: true, origin: () => '' }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: {
            policy: '`@koa/cors` without `origin` (default any origin)',
            credentials: ', credentials included',
          },
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from '@koa/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(cors({ credentials: true, origin: (ctx) => (ALLOWED_ORIGINS.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa treats a falsy origin as *',
      code: `import cors from '@koa/cors';
app.use(cors({ origin: '' }));`,
      output: `import cors from '@koa/cors';
app.use(cors({ origin: () => '' }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`@koa/cors` with an `origin` it treats as `*`', credentials: '' },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from '@koa/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(cors({ origin: (ctx) => (ALLOWED_ORIGINS.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'options that can be missing: a ternary with undefined',
      code: `import cors from 'cors';
app.use(cors(process.env.CORS_ORIGINS ? { origin: process.env.CORS_ORIGINS.split(',') } : undefined));`,
      output: `import cors from 'cors';
app.use(cors(process.env.CORS_ORIGINS ? { origin: process.env.CORS_ORIGINS.split(',') } : { origin: false }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 101,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(cors(process.env.CORS_ORIGINS ? { origin: process.env.CORS_ORIGINS.split(',') } : { origin: ALLOWED_ORIGINS }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify cors registered through a dynamic import',
      code: `import Fastify from 'fastify';
const app = Fastify();
await app.register(import('@fastify/cors'), { methods: ['POST'] });`,
      output: `import Fastify from 'fastify';
const app = Fastify();
await app.register(import('@fastify/cors'), { methods: ['POST'], origin: false });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`@fastify/cors` without `origin` (default `*`)', credentials: '' },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import Fastify from 'fastify';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const app = Fastify();
await app.register(import('@fastify/cors'), { methods: ['POST'], origin: ALLOWED_ORIGINS });`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa credentials from a function, and a wildcard in a ternary',
      code: `import cors from '@koa/cors';
const dev = process.env.NODE_ENV !== 'production';
app.use(cors({ origin: dev ? '*' : 'https://app.example.com', credentials: () => true }));`,
      output: `import cors from '@koa/cors';
const dev = process.env.NODE_ENV !== 'production';
app.use(cors({ origin: dev ? (() => '') : 'https://app.example.com', credentials: () => true }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: {
            policy: '`@koa/cors` with an `origin` that can be `*`',
            credentials: ', credentials included',
          },
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from '@koa/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const dev = process.env.NODE_ENV !== 'production';
app.use(cors({ origin: dev ? ((ctx) => (ALLOWED_ORIGINS.includes(ctx.get('Origin')) ? ctx.get('Origin') : '')) : 'https://app.example.com', credentials: () => true }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'only the wildcard branch of a header value goes',
      code: `import http from 'node:http';
const TRUSTED = 'https://app.example.com';
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', process.env.NODE_ENV === 'production' ? TRUSTED : '*');
  res.end();
});`,
      output: `import http from 'node:http';
const TRUSTED = 'https://app.example.com';
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', process.env.NODE_ENV === 'production' ? TRUSTED : '');
  res.end();
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 102,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import http from 'node:http';

const ALLOWED_ORIGIN = 'https://app.example.com';

const TRUSTED = 'https://app.example.com';
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', process.env.NODE_ENV === 'production' ? TRUSTED : ALLOWED_ORIGIN);
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'the only header of a one-line object',
      code: `fastify.get('/mcp', async (request, reply) => {
  reply.headers({ 'Access-Control-Allow-Origin': '*' });
  return { ok: true };
});`,
      output: `fastify.get('/mcp', async (request, reply) => {
  reply.headers({});
  return { ok: true };
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

fastify.get('/mcp', async (request, reply) => {
  reply.headers({ 'Access-Control-Allow-Origin': ALLOWED_ORIGIN });
  return { ok: true };
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'origin functions that answer *',
      code: `import cors from 'cors';
import { cors as honoCors } from 'hono/cors';
app.use(cors({ origin: (origin, callback) => callback(null, '*') }));
honoApp.use(honoCors({ origin: () => '*' }));`,
      output: `import cors from 'cors';
import { cors as honoCors } from 'hono/cors';
app.use(cors({ origin: false }));
honoApp.use(honoCors({ origin: [] }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` whose `origin` function answers `*`', credentials: '' },
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import { cors as honoCors } from 'hono/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(cors({ origin: ALLOWED_ORIGINS }));
honoApp.use(honoCors({ origin: () => '*' }));`,
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`hono/cors` whose `origin` function answers `*`', credentials: '' },
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import { cors as honoCors } from 'hono/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(cors({ origin: (origin, callback) => callback(null, '*') }));
honoApp.use(honoCors({ origin: ALLOWED_ORIGINS }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'an existing Set named ALLOWED_ORIGINS is not handed to cors',
      code: `import cors from 'cors';
const ALLOWED_ORIGINS = new Set(['http://localhost:6274']);
app.use(cors());`,
      output: `import cors from 'cors';
const ALLOWED_ORIGINS = new Set(['http://localhost:6274']);
app.use(cors({ origin: false }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_CORS_ORIGINS: string[] = ['https://app.example.com'];

const ALLOWED_ORIGINS = new Set(['http://localhost:6274']);
app.use(cors({ origin: ALLOWED_CORS_ORIGINS }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'both allowlist names taken by other values: the allowlist is declared as `ALLOWED_CORS_ORIGINS_2`',
      code: `import cors from 'cors';
const ALLOWED_ORIGINS = new Set(['http://localhost:6274']);
function ALLOWED_CORS_ORIGINS(): string[] {
  return ['http://localhost:6274'];
}
app.use(cors());`,
      output: `import cors from 'cors';
const ALLOWED_ORIGINS = new Set(['http://localhost:6274']);
function ALLOWED_CORS_ORIGINS(): string[] {
  return ['http://localhost:6274'];
}
app.use(cors({ origin: false }));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_CORS_ORIGINS_2: string[] = ['https://app.example.com'];

const ALLOWED_ORIGINS = new Set(['http://localhost:6274']);
function ALLOWED_CORS_ORIGINS(): string[] {
  return ['http://localhost:6274'];
}
app.use(cors({ origin: ALLOWED_CORS_ORIGINS_2 }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'node:http setHeader and writeHead',
      code: `import { createServer } from 'node:http';

createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'access-control-allow-origin': '*',
  });
  res.end('{}');
});`,
      output: `import { createServer } from 'node:http';

createServer((req, res) => {
  res.writeHead(200, {
    'Content-Type': 'application/json',
  });
  res.end('{}');
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import { createServer } from 'node:http';

const ALLOWED_ORIGIN = 'https://app.example.com';

createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'access-control-allow-origin': '*',
  });
  res.end('{}');
});`,
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import { createServer } from 'node:http';

const ALLOWED_ORIGIN = 'https://app.example.com';

createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'access-control-allow-origin': ALLOWED_ORIGIN,
  });
  res.end('{}');
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a wildcard fallback in a constant already named ALLOWED_ORIGIN: the placeholder goes in its place',
      code: `import http from 'node:http';

const ALLOWED_ORIGIN = process.env.CORS_ORIGIN || '*';

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.end();
});`,
      output: `import http from 'node:http';

const ALLOWED_ORIGIN = process.env.CORS_ORIGIN || '';

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.end();
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 3,
          column: 51,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import http from 'node:http';

const ALLOWED_ORIGIN = process.env.CORS_ORIGIN || 'https://app.example.com';

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a wildcard default of a destructured ALLOWED_ORIGIN: the placeholder goes in its place',
      code: `import http from 'node:http';

const { ALLOWED_ORIGIN = '*' } = process.env;

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.end();
});`,
      output: `import http from 'node:http';

const { ALLOWED_ORIGIN = '' } = process.env;

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.end();
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import http from 'node:http';

const { ALLOWED_ORIGIN = 'https://app.example.com' } = process.env;

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a header object constant used by writeHead',
      code: `import http from 'node:http';

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};

http.createServer((req, res) => {
  res.writeHead(204, CORS_HEADERS);
  res.end();
});`,
      output: `import http from 'node:http';

const CORS_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};

http.createServer((req, res) => {
  res.writeHead(204, CORS_HEADERS);
  res.end();
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import http from 'node:http';

const ALLOWED_ORIGIN = 'https://app.example.com';

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': ALLOWED_ORIGIN,
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};

http.createServer((req, res) => {
  res.writeHead(204, CORS_HEADERS);
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'the header with credentials in the same handler: browsers refuse them beside `*`',
      code: `app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', '*');
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
});`,
      output: `app.use((req, res, next) => {
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'express res.set with an object and a chained call',
      code: `app.get('/mcp', (req, res) => {
  res.set({ 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
  res.set('Access-Control-Allow-Origin', '*').status(200).json({ ok: true });
});`,
      output: `app.get('/mcp', (req, res) => {
  res.set({ 'Cache-Control': 'no-store' });
  res.set('Access-Control-Allow-Origin', '*').status(200).json({ ok: true });
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

app.get('/mcp', (req, res) => {
  res.set({ 'Access-Control-Allow-Origin': ALLOWED_ORIGIN, 'Cache-Control': 'no-store' });
  res.set('Access-Control-Allow-Origin', '*').status(200).json({ ok: true });
});`,
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

app.get('/mcp', (req, res) => {
  res.set({ 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
  res.set('Access-Control-Allow-Origin', ALLOWED_ORIGIN).status(200).json({ ok: true });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify reply.header, koa ctx.set and hono c.header',
      code: `fastify.addHook('onSend', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', '*');
});
app.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', '*');
  await next();
});
honoApp.use(async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', '*');
});`,
      output: `fastify.addHook('onSend', async (request, reply) => {
});
app.use(async (ctx, next) => {
  await next();
});
honoApp.use(async (c, next) => {
  await next();
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

fastify.addHook('onSend', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
});
app.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', '*');
  await next();
});
honoApp.use(async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', '*');
});`,
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

fastify.addHook('onSend', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', '*');
});
app.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  await next();
});
honoApp.use(async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', '*');
});`,
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

fastify.addHook('onSend', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', '*');
});
app.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', '*');
  await next();
});
honoApp.use(async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
});`,
            },
          ],
        },
      ],
    },
    {
      name: "Next.js route handlers: `new NextResponse(body, init)` and `NextResponse.json()` of 'next/server'",
      code: `import { NextResponse } from 'next/server';

const CORS = { 'Access-Control-Allow-Origin': '*' };

export function OPTIONS() {
  return new NextResponse(null, { status: 204, headers: CORS });
}

export async function POST(request: Request) {
  const message = await request.json();
  return NextResponse.json({ jsonrpc: '2.0', id: message.id, result: {} }, { headers: CORS });
}`,
      output: `import { NextResponse } from 'next/server';

const CORS = {};

export function OPTIONS() {
  return new NextResponse(null, { status: 204, headers: CORS });
}

export async function POST(request: Request) {
  const message = await request.json();
  return NextResponse.json({ jsonrpc: '2.0', id: message.id, result: {} }, { headers: CORS });
}`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import { NextResponse } from 'next/server';

const ALLOWED_ORIGIN = 'https://app.example.com';

const CORS = { 'Access-Control-Allow-Origin': ALLOWED_ORIGIN };

export function OPTIONS() {
  return new NextResponse(null, { status: 204, headers: CORS });
}

export async function POST(request: Request) {
  const message = await request.json();
  return NextResponse.json({ jsonrpc: '2.0', id: message.id, result: {} }, { headers: CORS });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'web Headers, Response and Response.json',
      code: `const corsHeaders = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type' };

export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method === 'OPTIONS') {
      return new Response(null, { status: 204, headers: corsHeaders });
    }
    const headers = new Headers({ 'Content-Type': 'application/json' });
    headers.set('Access-Control-Allow-Origin', '*');
    return Response.json({ ok: true }, { headers: { ...corsHeaders, 'X-Request-Id': '1' } });
  },
};`,
      output: `const corsHeaders = { 'Access-Control-Allow-Headers': 'Content-Type' };

export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method === 'OPTIONS') {
      return new Response(null, { status: 204, headers: corsHeaders });
    }
    const headers = new Headers({ 'Content-Type': 'application/json' });
    return Response.json({ ok: true }, { headers: { ...corsHeaders, 'X-Request-Id': '1' } });
  },
};`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

const corsHeaders = { 'Access-Control-Allow-Origin': ALLOWED_ORIGIN, 'Access-Control-Allow-Headers': 'Content-Type' };

export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method === 'OPTIONS') {
      return new Response(null, { status: 204, headers: corsHeaders });
    }
    const headers = new Headers({ 'Content-Type': 'application/json' });
    headers.set('Access-Control-Allow-Origin', '*');
    return Response.json({ ok: true }, { headers: { ...corsHeaders, 'X-Request-Id': '1' } });
  },
};`,
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

const corsHeaders = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type' };

export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method === 'OPTIONS') {
      return new Response(null, { status: 204, headers: corsHeaders });
    }
    const headers = new Headers({ 'Content-Type': 'application/json' });
    headers.set('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
    return Response.json({ ok: true }, { headers: { ...corsHeaders, 'X-Request-Id': '1' } });
  },
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'new Headers with pairs and a header name constant',
      code: `const ALLOW_ORIGIN = 'Access-Control-Allow-Origin';
const headers = new Headers([
  ['Content-Type', 'application/json'],
  [ALLOW_ORIGIN, '*'],
]);
response.headers.append(ALLOW_ORIGIN, '*');`,
      output: `const ALLOW_ORIGIN = 'Access-Control-Allow-Origin';
const headers = new Headers([
  ['Content-Type', 'application/json'],
]);
`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

const ALLOW_ORIGIN = 'Access-Control-Allow-Origin';
const headers = new Headers([
  ['Content-Type', 'application/json'],
  [ALLOW_ORIGIN, ALLOWED_ORIGIN],
]);
response.headers.append(ALLOW_ORIGIN, '*');`,
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

const ALLOW_ORIGIN = 'Access-Control-Allow-Origin';
const headers = new Headers([
  ['Content-Type', 'application/json'],
  [ALLOW_ORIGIN, '*'],
]);
response.headers.append(ALLOW_ORIGIN, ALLOWED_ORIGIN);`,
            },
          ],
        },
      ],
    },
    {
      name: 'a header set in a one-statement if has no autofix',
      code: `import http from 'node:http';
http.createServer((req, res) => {
  if (req.method === 'OPTIONS') res.setHeader('Access-Control-Allow-Origin', '*');
  res.end();
});`,
      output: null,
      errors: [
        {
          messageId: 'wildcardPreflight',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import http from 'node:http';

const ALLOWED_ORIGIN = 'https://app.example.com';

http.createServer((req, res) => {
  if (req.method === 'OPTIONS') res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a header assigned into a headers object',
      code: `const headers: Record<string, string> = {};
headers['Access-Control-Allow-Origin'] = '*';
res.writeHead(200, headers);`,
      output: `const headers: Record<string, string> = {};
res.writeHead(200, headers);`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

const headers: Record<string, string> = {};
headers['Access-Control-Allow-Origin'] = ALLOWED_ORIGIN;
res.writeHead(200, headers);`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS node:http with a JSDoc above the handler',
      code: `'use strict';
const http = require('http');

/** Handles every request. */
const server = http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.end();
});`,
      ...commonjs,
      output: `'use strict';
const http = require('http');

/** Handles every request. */
const server = http.createServer((req, res) => {
  res.end();
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `'use strict';
const http = require('http');

const ALLOWED_ORIGIN = 'https://app.example.com';

/** Handles every request. */
const server = http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.end();
});`,
            },
          ],
        },
      ],
    },
  ]),
});

// By default, the fail-closed change (deny the origin, require the token, bind loopback) is no
// autofix: it is the first suggestion, next to the others, as it can stop a client that works today.
const PUSHING_LOOP = 'for (const [name, value] of Object.entries(CORS_HEADERS)) pairs.push([name, value]);';

/** ENTRIES_LOOP's `*` reported with `loop` in the handler: its two suggestions. */
function entriesLoopCase(name: string, loop: string) {
  const code = ENTRIES_LOOP(loop);
  return {
    name,
    code,
    output: null,
    errors: [
      {
        messageId: 'wildcardOrigin' as const,
        data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
        line: 4,
        column: 3,
        endLine: 4,
        endColumn: 37,
        suggestions: [
          { messageId: 'denyOrigins' as const, output: code.replace("  'Access-Control-Allow-Origin': '*',\n", '') },
          {
            messageId: 'useAllowedOrigin' as const,
            output: code
              .replace("'*'", 'ALLOWED_ORIGIN')
              .replace(
                '\nconst CORS_HEADERS',
                "\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n\nconst CORS_HEADERS",
              ),
          },
        ],
      },
    ],
  };
}

ruleTester.run('no-wildcard-origin: headers copied from an object by a loop', rule, {
  valid: [],
  invalid: [
    entriesLoopCase('a loop that hands each entry on: they may become headers', PUSHING_LOOP),
    entriesLoopCase('a loop over its entries that sets each one on the response', COPYING_LOOP),
  ],
});

ruleTester.run('no-wildcard-origin: by default, the fail-closed change is the first suggestion', rule, {
  valid: [],
  invalid: [
    {
      name: 'by default, denying every origin is the first suggestion, not the autofix',
      code: `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors());`,
      output: null,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: false }));`,
            },
            {
              messageId: 'useAllowlist',
              output: `import express from 'express';
import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'by default, an origin that can be * and credentials: the deny value is suggested first',
      code: `import cors from 'cors';
app.use(cors({ origin: '*', credentials: true }));`,
      output: null,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` with an `origin` that is `*`', credentials: '' },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: `import cors from 'cors';
app.use(cors({ origin: false, credentials: true }));`,
            },
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(cors({ origin: ALLOWED_ORIGINS, credentials: true }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'by default, removing the header is suggested before the allowed-origin constant',
      code: `app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', '*');
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
});`,
      output: null,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: `app.use((req, res, next) => {
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
});`,
            },
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'by default, no deny suggestion where no fix can be made',
      code: `import http from 'node:http';
http.createServer((req, res) => {
  if (req.method === 'OPTIONS') res.setHeader('Access-Control-Allow-Origin', '*');
  res.end();
});`,
      output: null,
      errors: [
        {
          messageId: 'wildcardPreflight',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import http from 'node:http';

const ALLOWED_ORIGIN = 'https://app.example.com';

http.createServer((req, res) => {
  if (req.method === 'OPTIONS') res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'by default, hono, fastify and koa middleware get their own deny values as suggestions',
      code: `import { cors as honoCors } from 'hono/cors';
import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';
honoApp.use('/mcp', honoCors());
await fastify.register(fastifyCors, { origin: '*' });
koaApp.use(koaCors());`,
      output: null,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`hono/cors` without `origin` (default `*`)', credentials: '' },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: `import { cors as honoCors } from 'hono/cors';
import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';
honoApp.use('/mcp', honoCors({ origin: [] }));
await fastify.register(fastifyCors, { origin: '*' });
koaApp.use(koaCors());`,
            },
            {
              messageId: 'useAllowlist',
              output: `import { cors as honoCors } from 'hono/cors';
import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

honoApp.use('/mcp', honoCors({ origin: ALLOWED_ORIGINS }));
await fastify.register(fastifyCors, { origin: '*' });
koaApp.use(koaCors());`,
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`@fastify/cors` with an `origin` that is `*`', credentials: '' },
          line: 5,
          column: 39,
          endLine: 5,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: `import { cors as honoCors } from 'hono/cors';
import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';
honoApp.use('/mcp', honoCors());
await fastify.register(fastifyCors, { origin: false });
koaApp.use(koaCors());`,
            },
            {
              messageId: 'useAllowlist',
              output: `import { cors as honoCors } from 'hono/cors';
import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

honoApp.use('/mcp', honoCors());
await fastify.register(fastifyCors, { origin: ALLOWED_ORIGINS });
koaApp.use(koaCors());`,
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`@koa/cors` without `origin` (default `*`)', credentials: '' },
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: `import { cors as honoCors } from 'hono/cors';
import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';
honoApp.use('/mcp', honoCors());
await fastify.register(fastifyCors, { origin: '*' });
koaApp.use(koaCors({ origin: () => '' }));`,
            },
            {
              messageId: 'useAllowlist',
              output: `import { cors as honoCors } from 'hono/cors';
import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

honoApp.use('/mcp', honoCors());
await fastify.register(fastifyCors, { origin: '*' });
koaApp.use(koaCors({ origin: (ctx) => (ALLOWED_ORIGINS.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));`,
            },
          ],
        },
      ],
    },
  ],
});

const TYPED_APP_SITE = (origin: string): string => `import cors from 'cors';
import type { Express } from 'express';

export function addSite(app: Express): void {
  app.use(cors(${origin}));
  app.get('/health', (_req, res) => {
    res.send('ok');
  });
}`;

ruleTester.run('no-wildcard-origin: an app known by the type of a parameter', rule, {
  valid: [],
  invalid: [
    {
      name: 'the routes shown beside the policy are not all of them: the code that owns the app may add more',
      code: TYPED_APP_SITE(''),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 17,
          suggestions: [
            { messageId: 'denyOrigins', output: TYPED_APP_SITE('{ origin: false }') },
            {
              messageId: 'useAllowlist',
              output: TYPED_APP_SITE('{ origin: ALLOWED_ORIGINS }').replace(
                "from 'express';\n",
                "from 'express';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
              ),
            },
          ],
        },
      ],
    },
  ],
});

/** A node:http server that sets `*` under `condition`, where `origin` is the request's Origin. */
const STAR_WHEN = (condition: string, value = "'*'"): string => `import http from 'node:http';

http
  .createServer((req, res) => {
    const origin = req.headers.origin;
    ${condition} res.setHeader('Access-Control-Allow-Origin', ${value});
    res.end('{}');
  })
  .listen(7000, '127.0.0.1');`;

ruleTester.run('no-wildcard-origin: a `*` for requests that carry no Origin', rule, {
  valid: [
    { name: '`if (!origin)`: a browser sends Origin with every cross-origin request', code: STAR_WHEN('if (!origin)') },
    { name: '`if (origin === undefined)`', code: STAR_WHEN('if (origin === undefined)') },
    {
      name: "`if (req.headers.origin == null || req.headers.origin === '')`",
      code: STAR_WHEN("if (req.headers.origin == null || req.headers.origin === '')"),
    },
    {
      name: 'the `else` of `if (origin)`, whose branch checks the origin against a list',
      code: `import http from 'node:http';

const ALLOWED = new Set(['http://127.0.0.1:7000']);
http
  .createServer((req, res) => {
    const origin = req.headers.origin;
    if (origin) {
      if (ALLOWED.has(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
    } else {
      res.setHeader('Access-Control-Allow-Origin', '*');
    }
    res.end('{}');
  })
  .listen(7000, '127.0.0.1');`,
    },
  ],
  invalid: [
    {
      name: '`if (origin)`: the `*` is for exactly the requests pages send',
      code: STAR_WHEN('if (origin)'),
      output: null,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: STAR_WHEN('if (origin)', 'ALLOWED_ORIGIN').replace(
                "import http from 'node:http';\n",
                "import http from 'node:http';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
              ),
            },
          ],
        },
      ],
    },
  ],
});

/** A Next.js route file whose OPTIONS export answers preflights with `*`, beside `others`. */
const NEXT_PREFLIGHT = (others: string): string => `export async function OPTIONS() {
  return new Response(null, { status: 204, headers: { 'Access-Control-Allow-Origin': '*' } });
}
${others}`;

/** A node:http handler that sets `*` in a branch for the paths `test` requires. */
const NODE_BRANCH = (test: string): string => `import http from 'node:http';

http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (${test}) {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end(JSON.stringify({ resource: 'https://mcp.example.com/mcp' }));
    return;
  }
  if (req.method === 'POST' && url.pathname === '/mcp') {
    await transport.handleRequest(req, res);
    return;
  }
  res.writeHead(404).end();
}).listen(3000, '127.0.0.1');`;

const MCP_POST = `export async function POST(request: Request) {
  return transport.handleRequest(request);
}`;

const REEXPORTED = "export { GET, POST } from '../../../lib/handlers';";

const PUBLIC_OR_MCP = "url.pathname === '/.well-known/oauth-protected-resource' || url.pathname === '/mcp'";

/** An app that mounts, at `path`, a handler of its own that answers a metadata document with `*` (line 8). */
const MOUNTED_HANDLER = (path: string): string => `import express from 'express';
import { handleMcp } from './mcp.js';

const app = express();
app.post('/mcp', handleMcp);
app.use('${path}', (req, res, next) => {
  if (req.path !== '/tenant') return next();
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.json({ issuer: 'https://auth.example.com/tenant', token_endpoint: 'https://auth.example.com/token' });
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run('no-wildcard-origin: a `*` written only for public paths', rule, {
  valid: [
    {
      name: "a Next.js preflight handler in a public route file: it lets through requests to that file's GET",
      code: NEXT_PREFLIGHT(`export async function GET() {
  return Response.json({ resource: 'https://mcp.example.com/mcp' }, { headers: { 'Access-Control-Allow-Origin': '*' } });
}`),
      filename: 'app/.well-known/oauth-protected-resource/route.ts',
    },
    {
      name: 'a preflight handler in a public route file whose handlers another module holds',
      code: NEXT_PREFLIGHT(REEXPORTED),
      filename: 'app/.well-known/oauth-protected-resource/route.ts',
    },
    {
      name: "a plain handler's branch that runs only for a discovery document",
      code: NODE_BRANCH("req.method === 'GET' && url.pathname === '/.well-known/oauth-protected-resource'"),
    },
    {
      name: 'a handler mounted at a discovery path with `use`, which writes the header itself',
      code: MOUNTED_HANDLER('/.well-known/oauth-authorization-server'),
    },
  ],
  invalid: [
    {
      name: 'the same handler mounted at a path that is not public',
      code: MOUNTED_HANDLER('/api'),
      output: null,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: MOUNTED_HANDLER('/api').replace("  res.setHeader('Access-Control-Allow-Origin', '*');\n", ''),
            },
            {
              messageId: 'useAllowedOrigin',
              output: MOUNTED_HANDLER('/api')
                .replace("'Access-Control-Allow-Origin', '*'", "'Access-Control-Allow-Origin', ALLOWED_ORIGIN")
                .replace(
                  "from './mcp.js';\n",
                  "from './mcp.js';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
                ),
            },
          ],
        },
      ],
    },
    {
      name: 'a preflight handler in a route file whose handlers another module holds',
      code: NEXT_PREFLIGHT(REEXPORTED),
      filename: 'app/api/mcp/route.ts',
      output: null,
      errors: [
        {
          messageId: 'wildcardPreflight',
          line: 2,
          column: 55,
          endLine: 2,
          endColumn: 89,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: NEXT_PREFLIGHT(REEXPORTED).replace("{ 'Access-Control-Allow-Origin': '*' }", '{}'),
            },
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

${NEXT_PREFLIGHT(REEXPORTED).replace("'*'", 'ALLOWED_ORIGIN')}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a preflight handler in the route file of the MCP endpoint',
      code: NEXT_PREFLIGHT(MCP_POST),
      filename: 'app/api/mcp/route.ts',
      output: null,
      errors: [
        {
          messageId: 'wildcardPreflight',
          line: 2,
          column: 55,
          endLine: 2,
          endColumn: 89,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: NEXT_PREFLIGHT(MCP_POST).replace("{ 'Access-Control-Allow-Origin': '*' }", '{}'),
            },
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

${NEXT_PREFLIGHT(MCP_POST).replace("'*'", 'ALLOWED_ORIGIN')}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a branch for a public path or the MCP endpoint',
      code: NODE_BRANCH(PUBLIC_OR_MCP),
      output: null,
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 6,
          column: 62,
          endLine: 6,
          endColumn: 96,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: NODE_BRANCH(PUBLIC_OR_MCP).replace(", 'Access-Control-Allow-Origin': '*'", ''),
            },
            {
              messageId: 'useAllowedOrigin',
              output: NODE_BRANCH(PUBLIC_OR_MCP)
                .replace("'*'", 'ALLOWED_ORIGIN')
                .replace('\n\nhttp', "\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n\nhttp"),
            },
          ],
        },
      ],
    },
  ],
});

/** A router whose `cors()` covers its routes (`routes`), mounted at `/mcp` by the file's app. */
const MOUNTED_ROUTER = (routes: string): string => `import express from 'express';
import cors from 'cors';

const TOKEN = process.env.NOTES_TOKEN;
const router = express.Router();
router.use(cors());
router.post('/', async (req, res) => {
  if (req.headers.authorization !== \`Bearer \${TOKEN}\`) return res.status(401).end();
  await transport.handleRequest(req, res, req.body);
});${routes}

const app = express();
app.use('/mcp', router);
app.listen(3000, '127.0.0.1');`;

const OPEN_GET = "\nrouter.get('/', (req, res) => transport.handleRequest(req, res));";

/**
 * MOUNTED_ROUTER mounted with no path, before an unguarded MCP route of the app: the router's
 * `cors()` runs for it too.
 */
const PATHLESS_MOUNT = MOUNTED_ROUTER('').replace(
  "app.use('/mcp', router);",
  "app.use(router);\napp.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));",
);

ruleTester.run('no-wildcard-origin: a router that an app of the file mounts', rule, {
  valid: [
    {
      name: 'every route of the router refuses a request without the bearer token: mounting adds none',
      code: MOUNTED_ROUTER(''),
    },
  ],
  invalid: [
    {
      name: "a router mounted with no path: its middleware runs for the app's routes after it",
      code: PATHLESS_MOUNT,
      output: null,
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 18,
          suggestions: [
            { messageId: 'denyOrigins', output: PATHLESS_MOUNT.replace('cors()', 'cors({ origin: false })') },
            {
              messageId: 'useAllowlist',
              output: PATHLESS_MOUNT.replace('cors()', 'cors({ origin: ALLOWED_ORIGINS })').replace(
                '\n\nconst TOKEN',
                "\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\nconst TOKEN",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a route of the router that checks nothing',
      code: MOUNTED_ROUTER(OPEN_GET),
      output: null,
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 18,
          suggestions: [
            { messageId: 'denyOrigins', output: MOUNTED_ROUTER(OPEN_GET).replace('cors()', 'cors({ origin: false })') },
            {
              messageId: 'useAllowlist',
              output: MOUNTED_ROUTER(OPEN_GET)
                .replace('cors()', 'cors({ origin: ALLOWED_ORIGINS })')
                .replace(
                  '\n\nconst TOKEN',
                  "\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\nconst TOKEN",
                ),
            },
          ],
        },
      ],
    },
  ],
});

/** hono/cors given the options of a factory's settings, which the call here leaves out. */
const PASSED_ON = (call: string): string => `import { Hono } from 'hono';
import { cors, type CORSOptions } from 'hono/cors';

interface Settings {
  cors?: CORSOptions;
}

export function createApp(settings: Settings = {}) {
  const app = new Hono();
  app.use('*', cors(settings.cors));
  app.all('/mcp', (c) => handleMcp(c));
  return app;
}

export default ${call};`;

ruleTester.run('no-wildcard-origin: CORS options a caller leaves out', rule, {
  valid: [
    {
      name: 'the call gives an allowlist',
      code: PASSED_ON("createApp({ cors: { origin: ['https://app.example.com'] } })"),
    },
    {
      name: 'options left out fall back to an allowlist of the factory (`settings.cors || { origin: … }`)',
      code: PASSED_ON('createApp()').replace(
        'cors(settings.cors)',
        "cors(settings.cors || { origin: ['https://app.example.com'] })",
      ),
    },
    {
      name: 'the same with `??`',
      code: PASSED_ON('createApp({})').replace(
        'cors(settings.cors)',
        "cors(settings.cors ?? { origin: ['https://app.example.com'] })",
      ),
    },
  ],
  invalid: [
    {
      name: 'createApp() leaves `cors` out: the defaults (`*`); reported with no change, since the options are the caller’s',
      code: PASSED_ON('createApp()'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: {
            policy: '`hono/cors` without `origin` (default `*`, left out at file.ts:15)',
            credentials: '',
          },
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 35,
          suggestions: [],
        },
      ],
    },
  ],
});

/** `@fastify/cors` with a `*` origin beside a `delegator` that holds `delegator`; the allowlist fix adds `list`. */
const FASTIFY_DELEGATOR = (delegator: string, origin = "'*'"): string => `import Fastify from 'fastify';
import cors from '@fastify/cors';
${origin === 'ALLOWED_ORIGINS' ? "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n" : ''}
const app = Fastify();
await app.register(cors, { origin: ${origin}, delegator: ${delegator} });`;

const DYNAMIC_DELEGATOR = "process.env.DYNAMIC === '1' && ((request, callback) => callback(null, { origin: false }))";

ruleTester.run('no-wildcard-origin: a delegator of fastify cors that may be missing', rule, {
  valid: [
    {
      name: 'a delegator function decides every request',
      code: FASTIFY_DELEGATOR('(request, callback) => callback(null, { origin: false })'),
    },
  ],
  invalid: (
    [
      [
        '`delegator: dynamic && resolver`: `false` while the switch is off, and the written `*` applies',
        DYNAMIC_DELEGATOR,
      ],
      ["`delegator: undefined`: @fastify/cors tests `opts.delegator` and keeps the written `origin: '*'`", 'undefined'],
    ] as const
  ).map(([name, delegator]) => ({
    name,
    code: FASTIFY_DELEGATOR(delegator),
    output: null,
    errors: [
      {
        messageId: 'wildcardOrigin' as const,
        data: { policy: '`@fastify/cors` with an `origin` that is `*`', credentials: '' },
        line: 5,
        column: 28,
        endLine: 5,
        endColumn: 39,
        suggestions: [
          { messageId: 'denyOrigins' as const, output: FASTIFY_DELEGATOR(delegator, 'false') },
          { messageId: 'useAllowlist' as const, output: FASTIFY_DELEGATOR(delegator, 'ALLOWED_ORIGINS') },
        ],
      },
    ],
  })),
});

/** A router whose `cors()` serves a discovery document, mounted at `mounts` on an MCP server's app. */
const DISCOVERY_ROUTER = (mounts: string, origin = ''): string => `import express from 'express';
import cors from 'cors';
${origin === 'ALLOWED_ORIGINS' ? "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n" : ''}
const router = express.Router();
router.use(cors(${origin === '' ? '' : `{ origin: ${origin} }`}));
router.get('/', (req, res) => res.json(protectedResource(req)));

const app = express();
${mounts}
app.post('/mcp', (req, res) => handleMcp(req, res));
app.listen(3000, '127.0.0.1');`;

ruleTester.run('no-wildcard-origin: a router mounted at public discovery paths', rule, {
  valid: [
    {
      name: 'mounted only at an RFC 9728 discovery path: its routes are reached there alone',
      code: DISCOVERY_ROUTER("app.use('/.well-known/oauth-protected-resource', router);"),
    },
    {
      // A router of the file shows its routes: without the MCP route, the file serves no MCP.
      name: 'also mounted at a path that is not public, on an app that serves no MCP',
      code: DISCOVERY_ROUTER(
        "app.use('/.well-known/oauth-protected-resource', router);\napp.use('/api/metadata', router);",
      ).replace("app.post('/mcp', (req, res) => handleMcp(req, res));\n", ''),
    },
  ],
  invalid: [
    {
      name: 'also mounted at a path that is not public',
      code: DISCOVERY_ROUTER(
        "app.use('/.well-known/oauth-protected-resource', router);\napp.use('/api/metadata', router);",
      ),
      output: null,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: DISCOVERY_ROUTER(
                "app.use('/.well-known/oauth-protected-resource', router);\napp.use('/api/metadata', router);",
                'false',
              ),
            },
            {
              messageId: 'useAllowlist',
              output: DISCOVERY_ROUTER(
                "app.use('/.well-known/oauth-protected-resource', router);\napp.use('/api/metadata', router);",
                'ALLOWED_ORIGINS',
              ),
            },
          ],
        },
      ],
    },
  ],
});

/**
 * A CLI's login: a node:http server that catches the OAuth redirect, answers with `answer` (or a
 * constant refusal), and then runs `after`.
 */
const REDIRECT_CATCHER = (
  answer: string,
  after = 'setImmediate(() => server.close());',
): string => `import http from 'node:http';

export function waitForCode(port: number): Promise<string> {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      const code = new URL(req.url ?? '/', 'http://localhost').searchParams.get('code');
      if (!code) {
        res.statusCode = 400;
        res.end('missing code');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(${answer});
      resolve(code);
      ${after}
    });
    server.listen(port, '127.0.0.1');
  });
}`;

/** The report on REDIRECT_CATCHER's `*`, with the suggestion that names one origin. */
const catcherReport = (answer: string, after?: string) => setHeaderReport(REDIRECT_CATCHER(answer, after), 6, '      ');

/**
 * The report on `res.setHeader('Access-Control-Allow-Origin', '*')` of a `node:http` module, on
 * `line` at `indent`, with its two suggestions: no header, and a constant origin beside the import.
 */
function setHeaderReport(code: string, line: number, indent: string) {
  return {
    messageId: 'wildcardOrigin' as const,
    data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
    line,
    column: indent.length + 1,
    endLine: line,
    endColumn: indent.length + 50,
    suggestions: [
      {
        messageId: 'denyOrigins' as const,
        output: code.replace(`${indent}res.setHeader('Access-Control-Allow-Origin', '*');\n`, ''),
      },
      {
        messageId: 'useAllowedOrigin' as const,
        output: code
          .replace(
            "import http from 'node:http';\n",
            "import http from 'node:http';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
          )
          .replace("'Access-Control-Allow-Origin', '*'", "'Access-Control-Allow-Origin', ALLOWED_ORIGIN"),
      },
    ],
  };
}

ruleTester.run('no-wildcard-origin: a server that catches one request and closes itself', rule, {
  valid: [
    {
      name: 'it answers only constants: a page reads nothing it did not know',
      code: REDIRECT_CATCHER('JSON.stringify({ success: true })'),
    },
    {
      name: 'the same in plain JavaScript, closing the server as soon as it has answered',
      code: REDIRECT_CATCHER("'Logged in. You can close this tab.'", 'server.close();').replace(
        'waitForCode(port: number): Promise<string>',
        'waitForCode(port)',
      ),
      ...esm,
    },
  ],
  invalid: [
    {
      name: 'it answers with a secret of the process',
      code: REDIRECT_CATCHER('JSON.stringify({ token: process.env.API_TOKEN })'),
      output: null,
      errors: [catcherReport('JSON.stringify({ token: process.env.API_TOKEN })')],
    },
    {
      name: 'it never closes: a service, whatever it answers',
      code: REDIRECT_CATCHER('JSON.stringify({ success: true })', 'void server;'),
      output: null,
      errors: [catcherReport('JSON.stringify({ success: true })', 'void server;')],
    },
  ],
});

/**
 * A node:http server whose handler first runs `before`, answers every other preflight with `*`,
 * and then runs `after` for the real requests of those paths.
 */
const PREFLIGHT_THEN = (before: string, after = "res.statusCode = 404;\n  res.end('Not Found');"): string =>
  `import http from 'node:http';

http.createServer(async (req, res) => {
  ${before}
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.writeHead(204).end();
    return;
  }
  ${after}
}).listen(3000, '127.0.0.1');`;

const MCP_BY_PATH = "if (req.url === '/mcp') {\n    await transport.handleRequest(req, res);\n    return;\n  }";

/** The report on PREFLIGHT_THEN's `*`, at `line`, with its two suggestions. */
const preflightReport = (code: string, line: number) => ({
  ...setHeaderReport(code, line, '    '),
  messageId: 'wildcardPreflight' as const,
});

ruleTester.run('no-wildcard-origin: a `*` only on preflights of paths that answer a constant', rule, {
  valid: [
    {
      name: 'every other path answers its real requests with a bare 404',
      code: PREFLIGHT_THEN(MCP_BY_PATH),
    },
    {
      name: 'the same in plain JavaScript, with the path read from a URL and a 405',
      code: PREFLIGHT_THEN(
        "const url = new URL(req.url ?? '/', 'http://localhost');\n  if (url.pathname === '/mcp') return transport.handleRequest(req, res);",
        "res.writeHead(405, { Allow: 'OPTIONS' }).end(JSON.stringify({ error: 'Method not allowed' }));",
      ),
      ...esm,
    },
  ],
  invalid: [
    {
      name: 'a branch before it routes by method: the real POST goes to MCP',
      code: PREFLIGHT_THEN(MCP_BY_PATH.replace("req.url === '/mcp'", "req.method === 'POST'")),
      output: null,
      errors: [preflightReport(PREFLIGHT_THEN(MCP_BY_PATH.replace("req.url === '/mcp'", "req.method === 'POST'")), 9)],
    },
    {
      name: 'a branch before it routes by a header the preflight does not carry',
      code: PREFLIGHT_THEN(
        MCP_BY_PATH.replace("req.url === '/mcp'", "req.headers['content-type'] === 'application/json'"),
      ),
      output: null,
      errors: [
        preflightReport(
          PREFLIGHT_THEN(
            MCP_BY_PATH.replace("req.url === '/mcp'", "req.headers['content-type'] === 'application/json'"),
          ),
          9,
        ),
      ],
    },
    {
      name: 'the real requests after it are served',
      code: PREFLIGHT_THEN(MCP_BY_PATH, 'res.end(JSON.stringify(await listTools()));'),
      output: null,
      errors: [preflightReport(PREFLIGHT_THEN(MCP_BY_PATH, 'res.end(JSON.stringify(await listTools()));'), 9)],
    },
  ],
});

/** A serverless function (Lambda's proxy integration, Netlify Functions) that answers MCP with `answer`. */
const SERVERLESS = (answer: string): string => `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { dispatch } from './rpc';

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type' };

${answer}`;

const RETURNED = `export async function handler(event: { body: string | null }) {
  const result = await dispatch(server, event.body ?? '');
  return { statusCode: 200, headers: { ...CORS, 'Content-Type': 'application/json' }, body: JSON.stringify(result) };
}`;
const ARROW = "export const handler = async () => ({ statusCode: 204, headers: CORS, body: '' });";
const HELD = `export async function handler(event: { body: string | null }) {
  const response = { statusCode: 200, headers: CORS, body: JSON.stringify(await dispatch(server, event.body ?? '')) };
  return response;
}`;

/** The report on the `*` of `CORS` (line 5), with its suggestions. */
const serverlessError = (answer: string) => ({
  messageId: 'wildcardOrigin' as const,
  line: 5,
  column: 16,
  endLine: 5,
  endColumn: 50,
  suggestions: [
    {
      messageId: 'denyOrigins' as const,
      output: SERVERLESS(answer).replace("'Access-Control-Allow-Origin': '*', ", ''),
    },
    {
      messageId: 'useAllowedOrigin' as const,
      output: SERVERLESS(answer)
        .replace('const server', "const ALLOWED_ORIGIN = 'https://app.example.com';\n\nconst server")
        .replace("'Access-Control-Allow-Origin': '*'", "'Access-Control-Allow-Origin': ALLOWED_ORIGIN"),
    },
  ],
});

ruleTester.run("no-wildcard-origin: the headers a serverless function's answer holds", rule, {
  valid: [
    {
      name: "a `*` written only into an error's answer (`statusCode` 400): it answers no data",
      code: SERVERLESS(`export async function handler(event: { body: string | null }) {
  if (!event.body) return { statusCode: 400, headers: { 'Access-Control-Allow-Origin': '*' }, body: 'empty request' };
  return { statusCode: 200, body: JSON.stringify(await dispatch(server, event.body)) };
}`),
    },
    {
      name: 'an answer a test compares with, not one a function returns',
      code: SERVERLESS(`expectAnswer(await handler(), { statusCode: 200, headers: CORS, body: '' });`),
    },
  ],
  invalid: [
    {
      name: 'returned: `{ statusCode, headers, body }`',
      code: SERVERLESS(RETURNED),
      errors: [serverlessError(RETURNED)],
    },
    { name: "an arrow's body", code: SERVERLESS(ARROW), errors: [serverlessError(ARROW)] },
    { name: 'held by a `const` the function returns', code: SERVERLESS(HELD), errors: [serverlessError(HELD)] },
  ],
});

/**
 * A server whose CORS headers a helper makes, with the origin a second helper picks from the
 * request's (`pick` as given).
 */
const PICKED = (pick: string): string => `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const dev = process.env.NODE_ENV !== 'production';
const pick = ${pick};
const corsHeaders = (origin?: string) => ({ 'Access-Control-Allow-Origin': pick(origin), Vary: 'Origin' });
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });

http
  .createServer(async (req, res) => {
    Object.entries(corsHeaders(req.headers.origin)).forEach(([name, value]) => res.setHeader(name, value));
    await transport.handleRequest(req, res);
  })
  .listen(3000, '127.0.0.1');`;

const DEV_STAR =
  "(origin?: string) => (dev ? '*' : origin === 'https://chat.example.com' ? origin : 'https://chat.example.com')";

ruleTester.run('no-wildcard-origin: an origin a helper picks, in headers another helper makes', rule, {
  valid: [
    {
      name: 'the helper picks among origins it names, or the request origin it compared with one',
      code: PICKED(
        "(origin?: string) => (origin === 'https://chat.example.com' ? origin : 'https://chat.example.com')",
      ),
    },
  ],
  invalid: [
    {
      name: '`*` in development: reported where the picking helper writes it',
      code: PICKED(DEV_STAR),
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 5,
          column: 42,
          endLine: 5,
          endColumn: 45,
          suggestions: [
            { messageId: 'denyOrigins', output: PICKED(DEV_STAR.replace("'*'", "''")) },
            {
              messageId: 'useAllowedOrigin',
              output: PICKED(DEV_STAR.replace("'*'", 'ALLOWED_ORIGIN')).replace(
                'const dev',
                "const ALLOWED_ORIGIN = 'https://app.example.com';\n\nconst dev",
              ),
            },
          ],
        },
      ],
    },
  ],
});

/** A Next.js route file whose answers take their headers from a helper of the file; `POST` as given. */
const HELPED = (post: string): string => `import { exchangeCode, searchNotes } from '../../../lib/server';

function corsHeaders(extra: Record<string, string> = {}) {
  return { 'Access-Control-Allow-Origin': '*', ...extra };
}

${post}`;

const TOKEN_POST = `export async function POST(request: Request): Promise<Response> {
  const form = await request.formData();
  if (form.get('grant_type') !== 'authorization_code') {
    return Response.json({ error: 'unsupported_grant_type' }, { status: 400, headers: corsHeaders() });
  }
  const tokens = await exchangeCode(String(form.get('code')), String(form.get('code_verifier')));
  return Response.json(tokens, { headers: corsHeaders({ 'Cache-Control': 'no-store' }) });
}`;

const NOTES_POST = `export async function POST(request: Request): Promise<Response> {
  const { query } = await request.json();
  return Response.json(await searchNotes(query), { headers: corsHeaders() });
}`;

ruleTester.run('no-wildcard-origin: a headers helper of the handlers of a route file', rule, {
  valid: [
    {
      name: "an OAuth token endpoint's answers (public, for clients)",
      filename: 'app/oauth/token/route.ts',
      code: HELPED(TOKEN_POST),
    },
  ],
  invalid: [
    {
      name: "an endpoint of the server's own data",
      filename: 'app/api/notes/route.ts',
      code: HELPED(NOTES_POST),
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: HELPED(NOTES_POST).replace("'Access-Control-Allow-Origin': '*', ", ''),
            },
            {
              messageId: 'useAllowedOrigin',
              output: HELPED(NOTES_POST)
                .replace("'*'", 'ALLOWED_ORIGIN')
                .replace("server';\n", "server';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n"),
            },
          ],
        },
      ],
    },
  ],
});

/**
 * A route file whose `GET` answers through the handler a factory of the file returns, with a `*`
 * constant's headers.
 */
const FACTORY_ANSWER = `import { issuerFor } from '../../../lib/issuers';

const METADATA_CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, OPTIONS' };

function metadataAnswer(servers: string[]) {
  return (request: Request) =>
    Response.json(
      { resource: new URL(request.url).origin, authorization_servers: servers },
      { headers: { ...METADATA_CORS, 'Cache-Control': 'max-age=3600' } },
    );
}

export async function GET(request: Request): Promise<Response> {
  const answer = metadataAnswer([issuerFor(new URL(request.url).host)]);
  return answer(request);
}`;

ruleTester.run("no-wildcard-origin: a constant used by the handler a factory returns, run by a route's handler", rule, {
  valid: [
    {
      name: 'the route is the public protected-resource metadata',
      filename: 'app/.well-known/oauth-protected-resource/route.ts',
      code: FACTORY_ANSWER,
    },
  ],
  invalid: [
    {
      name: 'the same at a path of data',
      filename: 'app/api/notes/route.ts',
      code: FACTORY_ANSWER,
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: FACTORY_ANSWER.replace("'Access-Control-Allow-Origin': '*', ", ''),
            },
            {
              messageId: 'useAllowedOrigin',
              output: FACTORY_ANSWER.replace("'*'", 'ALLOWED_ORIGIN').replace(
                "issuers';\n",
                "issuers';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
              ),
            },
          ],
        },
      ],
    },
  ],
});

/**
 * A Bun relay whose fetch handler answers the preflight and every HTTP request with constants
 * (`work`: what else it does; `preflight` and `answer`: the headers of each; `prelude`: what comes first).
 */
const CONSTANT_RELAY = (work = '', preflight = WILDCARD_HEADERS, answer = WILDCARD_HEADERS, prelude = ''): string =>
  `${prelude}Bun.serve({
  port: 3055,
  hostname: '127.0.0.1',
  async fetch(req, server) {
    if (req.method === 'OPTIONS') return new Response(null, { status: 204, headers: ${preflight} });
    if (server.upgrade(req)) return;${work}
    return new Response('relay running', { headers: ${answer} });
  },
  websocket: {
    message(ws, message) {
      ws.send(message);
    },
  },
});`;
const WILDCARD_HEADERS = "{ 'Access-Control-Allow-Origin': '*' }";
const RELAY_WORK = '\n    await relay(await req.text());';
const ORIGIN_CONSTANT = "const ALLOWED_ORIGIN = 'https://app.example.com';\n\n";

ruleTester.run('no-wildcard-origin: a fetch handler that only answers constants', rule, {
  valid: [
    {
      name: 'the preflight and the status text: a page reads only what it knew, and the WebSocket is no CORS matter',
      code: CONSTANT_RELAY(),
    },
  ],
  invalid: [
    {
      name: 'a handler that also reads the body and hands it on does something a page may now ask for',
      code: CONSTANT_RELAY(RELAY_WORK),
      errors: [
        {
          messageId: 'wildcardPreflight',
          line: 5,
          column: 87,
          endLine: 5,
          endColumn: 121,
          suggestions: [
            { messageId: 'denyOrigins', output: CONSTANT_RELAY(RELAY_WORK, '{}') },
            {
              messageId: 'useAllowedOrigin',
              output: CONSTANT_RELAY(
                RELAY_WORK,
                "{ 'Access-Control-Allow-Origin': ALLOWED_ORIGIN }",
                WILDCARD_HEADERS,
                ORIGIN_CONSTANT,
              ),
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          line: 8,
          column: 55,
          endLine: 8,
          endColumn: 89,
          suggestions: [
            { messageId: 'denyOrigins', output: CONSTANT_RELAY(RELAY_WORK, WILDCARD_HEADERS, '{}') },
            {
              messageId: 'useAllowedOrigin',
              output: CONSTANT_RELAY(
                RELAY_WORK,
                WILDCARD_HEADERS,
                "{ 'Access-Control-Allow-Origin': ALLOWED_ORIGIN }",
                ORIGIN_CONSTANT,
              ),
            },
          ],
        },
      ],
    },
  ],
});

/**
 * A library's factories of web handlers that share a `*` headers constant: one answers RFC 9728
 * metadata, one a preflight, and `more` whatever else the module adds.
 */
const DISCOVERY_HANDLERS = (more = '', headers = "{ 'Access-Control-Allow-Origin': '*' }", prelude = ''): string =>
  `${prelude}const CORS = ${headers};

function metadataOf(resource: string, authServers: string[]) {
  return { resource, authorization_servers: authServers };
}

export function metadataHandler(authServers: string[]) {
  return (request: Request) =>
    new Response(JSON.stringify(metadataOf(new URL(request.url).origin, authServers)), {
      headers: { ...CORS, 'Content-Type': 'application/json' },
    });
}

export function metadataPreflight() {
  return () => new Response(null, { status: 204, headers: CORS });
}
${more}`;
const MCP_HANDLER = `
export function mcpHandler(handle: (request: Request) => Promise<unknown>) {
  return async (request: Request) => new Response(JSON.stringify(await handle(request)), { headers: CORS });
}
`;

/**
 * The report on a `*` headers constant written on line 1 (`const CORS = { … }`), with its two
 * suggestions as `written(headers, prelude)` writes the file.
 */
function wildcardConstant(written: (headers: string, prelude: string) => string) {
  return {
    messageId: 'wildcardOrigin' as const,
    line: 1,
    column: 16,
    endLine: 1,
    endColumn: 50,
    suggestions: [
      { messageId: 'denyOrigins' as const, output: written('{}', '') },
      {
        messageId: 'useAllowedOrigin' as const,
        output: written(
          "{ 'Access-Control-Allow-Origin': ALLOWED_ORIGIN }",
          "const ALLOWED_ORIGIN = 'https://app.example.com';\n\n",
        ),
      },
    ],
  };
}

/** A `*` headers constant that only a factory's empty preflight answer uses. */
const PREFLIGHT_ONLY = (headers = "{ 'Access-Control-Allow-Origin': '*' }", prelude = ''): string =>
  `${prelude}const CORS = ${headers};

export function preflight() {
  return () => new Response(null, { status: 204, headers: CORS });
}
`;

ruleTester.run('no-wildcard-origin: a headers constant of web handlers that answer discovery documents', rule, {
  valid: [
    {
      name: 'only metadata and its preflight use it, wherever their user mounts them: that is published for every client',
      code: DISCOVERY_HANDLERS(),
    },
    {
      name: 'the metadata merged with what the caller adds, for a resource read from the forwarded host',
      code: DISCOVERY_HANDLERS()
        .replace(
          '  return { resource, authorization_servers: authServers };',
          '  return Object.assign({ resource, authorization_servers: authServers }, extra);',
        )
        .replace(
          'function metadataOf(resource: string, authServers: string[]) {',
          'function metadataOf(resource: string, authServers: string[], extra?: Record<string, unknown>) {',
        )
        .replace(
          'metadataOf(new URL(request.url).origin, authServers)',
          "metadataOf(`https://${request.headers.get('x-forwarded-host') ?? new URL(request.url).host}`, authServers)",
        ),
    },
  ],
  invalid: [
    {
      name: 'only an empty preflight answer uses it: it approves requests that other handlers answer',
      code: PREFLIGHT_ONLY(),
      errors: [wildcardConstant((headers, prelude) => PREFLIGHT_ONLY(headers, prelude))],
    },
    {
      name: 'an MCP handler uses it too',
      code: DISCOVERY_HANDLERS(MCP_HANDLER),
      errors: [wildcardConstant((headers, prelude) => DISCOVERY_HANDLERS(MCP_HANDLER, headers, prelude))],
    },
  ],
});

/** A router mounted by its user, with `cors()` at a path `metadataPath` computes (`returns`: its body). */
const COMPUTED_PATH = (returns: string): string => `import cors from 'cors';
import { Router } from 'express';

const WELL_KNOWN = '/.well-known/oauth-protected-resource';

function metadataPath(resource: string, custom?: string): string {
  const url = new URL(resource);
${returns}
}

export function metadataRouter(resource: string, servers: string[], custom?: string): Router {
  const router = Router();
  const path = metadataPath(resource, custom);
  router.use(path, cors());
  router.get(path, (_req, res) => {
    res.json({ resource, authorization_servers: servers });
  });
  return router;
}`;
const PATH_UNDER_WELL_KNOWN = "  return url.pathname === '/' ? WELL_KNOWN : `${WELL_KNOWN}${url.pathname}`;";
const PATH_OF_CALLER = '  return custom ?? `${WELL_KNOWN}${url.pathname}`;';

ruleTester.run('no-wildcard-origin: a path a function computes', rule, {
  valid: [
    {
      name: 'every path it returns starts under /.well-known/: public metadata',
      code: COMPUTED_PATH(PATH_UNDER_WELL_KNOWN),
    },
    {
      name: 'the `pathname` of the URL it returns, made from such a path',
      code: COMPUTED_PATH(PATH_UNDER_WELL_KNOWN)
        .replace(
          'function metadataPath(resource: string, custom?: string): string {',
          'function metadataUrl(resource: string, custom?: string): URL {',
        )
        .replace(
          "  return url.pathname === '/' ? WELL_KNOWN : `${WELL_KNOWN}${url.pathname}`;",
          "  if (url.pathname === '/') return new URL(WELL_KNOWN, url.origin);\n  return new URL(`${WELL_KNOWN}${url.pathname}`, url.origin);",
        )
        .replace(
          'const path = metadataPath(resource, custom);',
          'const path = metadataUrl(resource, custom).pathname;',
        ),
    },
  ],
  invalid: [
    {
      name: 'it may return the path its caller gives, which may be anything',
      code: COMPUTED_PATH(PATH_OF_CALLER),
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 14,
          column: 20,
          endLine: 14,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: COMPUTED_PATH(PATH_OF_CALLER).replace('cors()', 'cors({ origin: false })'),
            },
            {
              messageId: 'useAllowlist',
              output: COMPUTED_PATH(PATH_OF_CALLER)
                .replace('cors()', 'cors({ origin: ALLOWED_ORIGINS })')
                .replace(
                  "import { Router } from 'express';\n",
                  "import { Router } from 'express';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
                ),
            },
          ],
        },
      ],
    },
  ],
});

/** `cors()` options with `origin: '*'`, commented as `comments` say, in an express app. */
const COMMENTED = (origin: string, { above = '', after = '' } = {}): string => `import cors from 'cors';
app.use(
  cors({${above ? `\n    ${above}` : ''}
    origin: ${origin},${after ? ` ${after}` : ''}
    methods: ['GET', 'POST'],
  }),
);`;

/** COMMENTED with the allowlist the suggestion declares. */
const withAllowlist = (code: string): string =>
  code
    .replace(
      "import cors from 'cors';\n",
      "import cors from 'cors';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\n",
    )
    .replace(/origin: [^,]+,/u, 'origin: ALLOWED_ORIGINS,');

/** The report on COMMENTED's `origin` property at `line`, `origin: '*'`, with its suggestion's output. */
const commentedReport = (line: number, suggestion: string) => ({
  messageId: 'wildcardOrigin' as const,
  data: { policy: '`cors()` with an `origin` that is `*`', credentials: '' },
  line,
  column: 5,
  endLine: line,
  endColumn: 16,
  suggestions: [{ messageId: 'useAllowlist' as const, output: suggestion }],
});

ruleTester.run('no-wildcard-origin: comments on the origin the fix replaces', rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'a comment at the end of the line that says all origins are allowed says no origin is, or goes',
      code: COMMENTED("'*'", { after: '// Allow all origins' }),
      output: COMMENTED('false', { after: '// no cross-origin reads' }),
      errors: [commentedReport(4, withAllowlist(COMMENTED("'*'")))],
    },
    {
      name: 'a comment on the line above that says any origin may call goes; the deny-all value says so',
      code: COMMENTED("'*'", { above: '// Accept requests from any origin (MCP Inspector, browsers)' }),
      output: COMMENTED('false', { after: '// no cross-origin reads' }),
      errors: [commentedReport(5, withAllowlist(COMMENTED("'*'")))],
    },
    {
      name: 'a block comment that names the wildcard is rewritten in its own form',
      code: COMMENTED("'*'", { after: '/* wildcard for local testing */' }),
      output: COMMENTED('false', { after: '/* no cross-origin reads */' }),
      errors: [commentedReport(4, withAllowlist(COMMENTED("'*'")))],
    },
    {
      name: 'a comment about something else stays; the deny-all value says so on the line above',
      code: COMMENTED("'*'", { after: '// TODO: read from the config file' }),
      output: COMMENTED('false', {
        above: '// no cross-origin reads',
        after: '// TODO: read from the config file',
      }),
      errors: [commentedReport(4, withAllowlist(COMMENTED("'*'", { after: '// TODO: read from the config file' })))],
    },
    {
      name: 'a comment that already says no other site may read gets no second one',
      code: COMMENTED("'*'", { above: '// Same-origin only once the dashboard ships' }),
      output: COMMENTED('false', { above: '// Same-origin only once the dashboard ships' }),
      errors: [
        commentedReport(5, withAllowlist(COMMENTED("'*'", { above: '// Same-origin only once the dashboard ships' }))),
      ],
    },
    {
      name: 'a one-line policy: the comment that ends its line says no origin is allowed, or goes',
      code: `import cors from 'cors';
app.use(cors({ origin: '*' })); // allow all origins`,
      output: `import cors from 'cors';
app.use(cors({ origin: false })); // no cross-origin reads`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` with an `origin` that is `*`', credentials: '' },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(cors({ origin: ALLOWED_ORIGINS }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'only the wildcard of a `?:` is replaced: the comment that it is `*` in development goes, and no deny comment is added',
      code: COMMENTED("process.env.NODE_ENV === 'development' ? '*' : 'https://app.example.com'", {
        after: "// '*' while developing",
      }),
      output: COMMENTED("process.env.NODE_ENV === 'development' ? false : 'https://app.example.com'"),
      errors: [
        {
          ...commentedReport(
            4,
            COMMENTED("process.env.NODE_ENV === 'development' ? ALLOWED_ORIGINS : 'https://app.example.com'").replace(
              "import cors from 'cors';\n",
              "import cors from 'cors';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\n",
            ),
          ),
          data: { policy: '`cors()` with an `origin` that can be `*`', credentials: '' },
          endColumn: 85,
        },
      ],
    },
  ]),
});

ruleTester.run("no-wildcard-origin: fixes in the file's quotes and semicolons", rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'the allowlist a cors() suggestion declares',
      code: `import express from "express"
import cors from "cors"

const app = express()
app.use(cors())`,
      output: `import express from "express"
import cors from "cors"

const app = express()
app.use(cors({ origin: false }))`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import express from "express"
import cors from "cors"

const ALLOWED_ORIGINS: string[] = ["https://app.example.com"]

const app = express()
app.use(cors({ origin: ALLOWED_ORIGINS }))`,
            },
          ],
        },
      ],
    },
    {
      name: 'the ALLOWED_ORIGIN constant and the empty origin of a header',
      code: `function reply(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: { "Access-Control-Allow-Origin": "*" } })
}

export async function POST(request: Request): Promise<Response> {
  return reply(await transport.handle(await request.json()), 200)
}`,
      output: `function reply(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: {} })
}

export async function POST(request: Request): Promise<Response> {
  return reply(await transport.handle(await request.json()), 200)
}`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 2,
          column: 51,
          endLine: 2,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = "https://app.example.com"

function reply(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: { "Access-Control-Allow-Origin": ALLOWED_ORIGIN } })
}

export async function POST(request: Request): Promise<Response> {
  return reply(await transport.handle(await request.json()), 200)
}`,
            },
          ],
        },
      ],
    },
  ]),
});

// What the fixes write follows the file: @koa/cors's deny and allowlist functions in its quotes, and an
// `origin` added to a multi-line object on a line of its own, with a comma after it only where the
// object (or, for an empty one, the file) puts one.
ruleTester.run("no-wildcard-origin: the fixes in the file's quotes, indentation and trailing commas", rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: '@koa/cors given no options, in a file with double quotes and no semicolons',
      code: `import Koa from "koa"
import cors from "@koa/cors"

const app = new Koa()
app.use(cors())`,
      output: `import Koa from "koa"
import cors from "@koa/cors"

const app = new Koa()
app.use(cors({ origin: () => "" }))`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`@koa/cors` without `origin` (default `*`)', credentials: '' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import Koa from "koa"
import cors from "@koa/cors"

const ALLOWED_ORIGINS: string[] = ["https://app.example.com"]

const app = new Koa()
app.use(cors({ origin: (ctx) => (ALLOWED_ORIGINS.includes(ctx.get("Origin")) ? ctx.get("Origin") : "") }))`,
            },
          ],
        },
      ],
    },
    {
      name: 'options over several lines with no comma after the last, indented by 4 spaces: none after `origin` either',
      code: `import express from 'express';
import cors from 'cors';

const app = express();
app.use(
    cors({
        methods: ['GET', 'POST'],
        maxAge: 600
    })
);`,
      output: `import express from 'express';
import cors from 'cors';

const app = express();
app.use(
    cors({
        methods: ['GET', 'POST'],
        maxAge: 600,
        origin: false
    })
);`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 6,
          column: 5,
          endLine: 9,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import express from 'express';
import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const app = express();
app.use(
    cors({
        methods: ['GET', 'POST'],
        maxAge: 600,
        origin: ALLOWED_ORIGINS
    })
);`,
            },
          ],
        },
      ],
    },
    {
      name: 'empty options over two lines of a tab-indented file whose literals end with no comma',
      code: `import express from 'express';
import cors from 'cors';

const app = express();
const limits = {
\tjson: '1mb',
\tmaxAge: 600
};
app.use(cors({
}));`,
      output: `import express from 'express';
import cors from 'cors';

const app = express();
const limits = {
\tjson: '1mb',
\tmaxAge: 600
};
app.use(cors({
\torigin: false
}));`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 9,
          column: 9,
          endLine: 10,
          endColumn: 3,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import express from 'express';
import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const app = express();
const limits = {
\tjson: '1mb',
\tmaxAge: 600
};
app.use(cors({
\torigin: ALLOWED_ORIGINS
}));`,
            },
          ],
        },
      ],
    },
  ]),
});
