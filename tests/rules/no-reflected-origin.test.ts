import rule from '../../src/rules/no-reflected-origin';
import { commonjs, createRuleTester, esm, failClosedFix } from '../rule-tester';

const ruleTester = createRuleTester();

/**
 * An origin typed as the cors option, computed by a function called where it is written
 * (`returned` in development), and given to `cors()` as `option`.
 */
function typedInPlace(returned = 'true', option = 'origin'): string {
  return `import express from 'express';
import cors, { type CorsOptions } from 'cors';

const app = express();
const origin: CorsOptions['origin'] = (() => {
  if (process.env.NODE_ENV !== 'production') return ${returned};
  return ['https://app.example.com'];
})();

app.use(cors({ ${option} }));`;
}

const TYPED_TAKEN = `import express from 'express';
import cors, { type CorsOptions } from 'cors';

const app = express();
const origin: CorsOptions['origin'] = true;
app.use(cors({ origin }));`;

/** A CORS middleware factory whose allowlist parameter defaults to `'*'`, handled first; `use` calls it. */
const ALLOW_FROM = (use: string): string => `import express from 'express';

function allowFrom(list: string[] | '*' = '*') {
  return (req: express.Request, res: express.Response, next: express.NextFunction) => {
    const origin = req.headers.origin;
    if (list !== '*' && origin && list.includes(origin)) res.header('Access-Control-Allow-Origin', origin);
    next();
  };
}

const app = express();
app.use(${use});`;

ruleTester.run('no-reflected-origin', rule, {
  valid: [
    {
      name: "an allowlist parameter defaulting to '*' that every call gives a list: membership decides",
      code: ALLOW_FROM("allowFrom(['http://localhost:5173'])"),
    },
    {
      name: 'an async function called in place hands back a promise, not the true it returns',
      code: `import express from 'express';
import cors from 'cors';

const app = express();
const origin = (async () => true)();
app.use(cors({ origin: origin as never }));`,
    },
    {
      name: 'an echo inside a branch guarded by a Set of literal origins',
      code: `import http from 'node:http';
const ALLOWED_ORIGINS = new Set(['https://app.example.com', 'http://localhost:6274']);
http.createServer((req, res) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED_ORIGINS.has(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  res.end();
});`,
    },
    {
      name: 'an echo after an early 403 for anything outside the allowlist',
      code: `const ALLOWED_ORIGINS = ['https://app.example.com'];
app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin !== undefined && !ALLOWED_ORIGINS.includes(origin)) {
    return res.status(403).json({ error: 'origin not allowed' });
  }
  if (origin) res.header('Access-Control-Allow-Origin', origin);
  next();
});`,
    },
    {
      name: 'exact comparisons, indexOf and a switch over literals',
      code: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin === 'https://app.example.com') res.setHeader('Access-Control-Allow-Origin', origin);
  if (['https://a.example', 'https://b.example'].indexOf(origin ?? '') !== -1) res.setHeader('Access-Control-Allow-Origin', origin!);
  switch (origin) {
    case 'https://c.example':
      res.setHeader('Access-Control-Allow-Origin', origin);
      break;
    default:
      break;
  }
  next();
});`,
    },
    {
      name: 'a ternary that checks the allowlist, and a checking helper',
      code: `const ALLOWED = ['https://app.example.com'];
declare function isTrustedOrigin(origin: string | undefined): boolean;
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', ALLOWED.includes(req.headers.origin ?? '') ? req.headers.origin! : '');
  if (isTrustedOrigin(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin!);
  next();
});`,
    },
    {
      name: 'hono and web handlers that check before they echo',
      code: `const ALLOWED = new Set(['https://app.example.com']);
honoApp.use(async (c, next) => {
  const origin = c.req.header('origin');
  if (!origin || !ALLOWED.has(origin)) return c.text('forbidden', 403);
  await next();
  c.header('Access-Control-Allow-Origin', origin);
});
export default {
  async fetch(request: Request): Promise<Response> {
    const origin = request.headers.get('Origin') ?? '';
    const headers = new Headers();
    if (ALLOWED.has(origin)) headers.set('Access-Control-Allow-Origin', origin);
    return new Response('ok', { headers });
  },
};`,
    },
    {
      name: 'cors origin functions that check',
      code: `import cors from 'cors';
const ALLOWED = ['https://app.example.com'];
app.use(cors({ origin: (origin, callback) => callback(null, origin !== undefined && ALLOWED.includes(origin)) }));
app.use(cors({
  origin(origin, callback) {
    if (!origin || !ALLOWED.includes(origin)) return callback(new Error('Not allowed by CORS'));
    callback(null, true);
  },
}));
app.use(cors({ origin: (origin, callback) => callback(null, ALLOWED.includes(origin ?? '') ? origin : false) }));`,
    },
    {
      name: 'hono, koa and fastify functions that check',
      code: `import { cors } from 'hono/cors';
import koaCors from '@koa/cors';
import fastifyCors from '@fastify/cors';
const ALLOWED = ['https://app.example.com'];
honoApp.use('/mcp', cors({ origin: (origin) => (ALLOWED.includes(origin) ? origin : null) }));
koaApp.use(koaCors({ origin: (ctx) => (ALLOWED.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));
await fastifyApp.register(fastifyCors, { origin: async (origin) => origin === 'https://app.example.com' });`,
    },
    {
      name: 'a fastify plugin that opens CORS only under the setting its registrar adds a token hook under',
      code: `import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import fastifyCors from '@fastify/cors';

interface Auth {
  enabled: boolean;
  token: string;
}

const discovery = fp(async (app: FastifyInstance, options: { auth?: Auth }) => {
  if (!options.auth?.enabled) return;
  await app.register(fastifyCors, { origin: true });
});

const server = fp(async (app: FastifyInstance, options: { auth?: Auth }) => {
  if (options.auth?.enabled) {
    const expected = \`Bearer \${options.auth.token}\`;
    app.addHook('onRequest', async (request, reply) => {
      if (request.headers.authorization !== expected) return reply.code(401).send();
    });
  }
  await app.register(discovery, { auth: options.auth });
});

const app = Fastify();
await app.register(server, { auth: { enabled: true, token: String(process.env.MCP_TOKEN) } });`,
    },
    {
      name: 'a truthiness check is no guard, but this header is a fixed origin',
      code: `app.use((req, res, next) => {
  if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  next();
});`,
    },
    {
      name: 'origin: true on a middleware that does not echo it, and hono origin false',
      code: `import koaCors from '@koa/cors';
import { cors } from 'hono/cors';
app.use(koaCors({ origin: 'https://app.example.com' }));
honoApp.use(cors({ origin: ['https://app.example.com'] }));`,
    },
    {
      name: 'an optional-chained allowlist check',
      code: `const ALLOWED_ORIGINS: string[] | undefined = ['https://app.example.com'];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED_ORIGINS?.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
    },
    {
      name: 'an origin setting read from a module-level config object',
      code: `import { config } from './config';
const settings = new Map([['origin', 'https://app.example.com']]);
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', config.get('origin'));
  res.setHeader('Access-Control-Allow-Origin', settings.get('origin')!);
  next();
});`,
    },
    {
      name: 'reading the Origin for something else',
      code: `app.use((req, res, next) => {
  console.log('request from', req.headers.origin);
  res.setHeader('X-Seen-Origin', req.headers.origin ?? '');
  next();
});`,
    },
    {
      name: 'an origin option of something that is not a CORS middleware',
      code: `import cors from './my-cors';
app.use(cors({ origin: true }));
const session = { origin: true, reflect: (origin: string) => origin };`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'an echo with a * fallback, in node:http',
      code: `import http from 'node:http';

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*');
  res.end();
});`,
      output: `import http from 'node:http';

const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', allowedOrigin(req.headers.origin));
  res.end();
});`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import http from 'node:http';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', allowedOrigin(req.headers.origin));
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: "a function of the file's own named like the check: the fix declares `allowedOrigin2`",
      code: `import http from 'node:http';

function allowedOrigin(): string {
  return 'https://mine.example';
}

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*');
  res.end();
});`,
      output: `import http from 'node:http';

function allowedOrigin(): string {
  return 'https://mine.example';
}

const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin2(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', allowedOrigin2(req.headers.origin));
  res.end();
});`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import http from 'node:http';

function allowedOrigin(): string {
  return 'https://mine.example';
}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin2(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', allowedOrigin2(req.headers.origin));
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'an echo through a variable, with credentials',
      code: `app.use((req, res, next) => {
  const origin = req.headers.origin ?? '*';
  res.header('Access-Control-Allow-Origin', origin);
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
});`,
      output: `const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.use((req, res, next) => {
  const origin = req.headers.origin ?? '*';
  res.header('Access-Control-Allow-Origin', allowedOrigin(origin));
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
});`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: ', credentials included' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.use((req, res, next) => {
  const origin = req.headers.origin ?? '*';
  res.header('Access-Control-Allow-Origin', allowedOrigin(origin));
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a truthiness or !== undefined check is no guard',
      code: `app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin) res.set('Access-Control-Allow-Origin', origin);
  if (origin !== undefined) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});`,
      output: [
        `const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin) res.set('Access-Control-Allow-Origin', allowedOrigin(origin));
  if (origin !== undefined) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});`,
        `const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin) res.set('Access-Control-Allow-Origin', allowedOrigin(origin));
  if (origin !== undefined) {
    res.setHeader('Access-Control-Allow-Origin', allowedOrigin(origin));
  }
  next();
});`,
      ],
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin) res.set('Access-Control-Allow-Origin', allowedOrigin(origin));
  if (origin !== undefined) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});`,
            },
          ],
        },
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin) res.set('Access-Control-Allow-Origin', origin);
  if (origin !== undefined) {
    res.setHeader('Access-Control-Allow-Origin', allowedOrigin(origin));
  }
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'destructured from the headers, into writeHead',
      code: `import { createServer } from 'node:http';
createServer((req, res) => {
  const { origin } = req.headers;
  res.writeHead(200, { 'Access-Control-Allow-Origin': origin ?? '*', 'Content-Type': 'application/json' });
  res.end('{}');
});`,
      output: `import { createServer } from 'node:http';

const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

createServer((req, res) => {
  const { origin } = req.headers;
  res.writeHead(200, { 'Access-Control-Allow-Origin': allowedOrigin(origin), 'Content-Type': 'application/json' });
  res.end('{}');
});`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import { createServer } from 'node:http';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

createServer((req, res) => {
  const { origin } = req.headers;
  res.writeHead(200, { 'Access-Control-Allow-Origin': allowedOrigin(origin), 'Content-Type': 'application/json' });
  res.end('{}');
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'hono c.header, koa ctx.set and a web handler',
      code: `honoApp.use(async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', c.req.header('origin') ?? '*');
});
koaApp.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', ctx.request.header.origin || '*');
  await next();
});
export default {
  async fetch(request: Request): Promise<Response> {
    return new Response('ok', { headers: { 'Access-Control-Allow-Origin': request.headers.get('Origin') ?? '*' } });
  },
};`,
      output: [
        `const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

honoApp.use(async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', allowedOrigin(c.req.header('origin')));
});
koaApp.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', ctx.request.header.origin || '*');
  await next();
});
export default {
  async fetch(request: Request): Promise<Response> {
    return new Response('ok', { headers: { 'Access-Control-Allow-Origin': request.headers.get('Origin') ?? '*' } });
  },
};`,
        `const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

honoApp.use(async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', allowedOrigin(c.req.header('origin')));
});
koaApp.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', allowedOrigin(ctx.request.header.origin));
  await next();
});
export default {
  async fetch(request: Request): Promise<Response> {
    return new Response('ok', { headers: { 'Access-Control-Allow-Origin': allowedOrigin(request.headers.get('Origin')) } });
  },
};`,
      ],
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

honoApp.use(async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', allowedOrigin(c.req.header('origin')));
});
koaApp.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', ctx.request.header.origin || '*');
  await next();
});
export default {
  async fetch(request: Request): Promise<Response> {
    return new Response('ok', { headers: { 'Access-Control-Allow-Origin': request.headers.get('Origin') ?? '*' } });
  },
};`,
            },
          ],
        },
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

honoApp.use(async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', c.req.header('origin') ?? '*');
});
koaApp.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', allowedOrigin(ctx.request.header.origin));
  await next();
});
export default {
  async fetch(request: Request): Promise<Response> {
    return new Response('ok', { headers: { 'Access-Control-Allow-Origin': request.headers.get('Origin') ?? '*' } });
  },
};`,
            },
          ],
        },
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 11,
          column: 44,
          endLine: 11,
          endColumn: 111,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

honoApp.use(async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', c.req.header('origin') ?? '*');
});
koaApp.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', ctx.request.header.origin || '*');
  await next();
});
export default {
  async fetch(request: Request): Promise<Response> {
    return new Response('ok', { headers: { 'Access-Control-Allow-Origin': allowedOrigin(request.headers.get('Origin')) } });
  },
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'an existing ALLOWED_ORIGINS is reused',
      code: `const ALLOWED_ORIGINS: string[] = ['http://localhost:6274'];
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin!);
  next();
});`,
      output: `const ALLOWED_ORIGINS: string[] = ['http://localhost:6274'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', allowedOrigin(req.headers.origin));
  next();
});`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `const ALLOWED_ORIGINS: string[] = ['http://localhost:6274'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', allowedOrigin(req.headers.origin));
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'cors origin: true, with and without credentials',
      code: `import cors from 'cors';

app.use(cors({ origin: true, credentials: true }));
const preflight = { origin: true, methods: ['POST'] };
app.options('/mcp', cors(preflight));`,
      output: `import cors from 'cors';

app.use(cors({ origin: false, credentials: true }));
const preflight = { origin: false, methods: ['POST'] };
app.options('/mcp', cors(preflight));`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: ', credentials included' },
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(cors({ origin: ALLOWED_ORIGINS, credentials: true }));
const preflight = { origin: true, methods: ['POST'] };
app.options('/mcp', cors(preflight));`,
            },
          ],
        },
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(cors({ origin: true, credentials: true }));
const preflight = { origin: ALLOWED_ORIGINS, methods: ['POST'] };
app.options('/mcp', cors(preflight));`,
            },
          ],
        },
      ],
    },
    {
      name: 'cors origin callbacks that always say yes',
      code: `import cors from 'cors';
app.use(cors({ origin: (origin, callback) => callback(null, true) }));
app.use(cors({
  origin: function (origin, cb) {
    cb(null, origin);
  },
}));`,
      output: `import cors from 'cors';
app.use(cors({ origin: false }));
app.use(cors({
  origin: false, // no cross-origin reads
}));`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` whose `origin` accepts all', credentials: '' },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(cors({
  origin: function (origin, cb) {
    cb(null, origin);
  },
}));`,
            },
          ],
        },
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` whose `origin` accepts all', credentials: '' },
          line: 4,
          column: 3,
          endLine: 6,
          endColumn: 4,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(cors({ origin: (origin, callback) => callback(null, true) }));
app.use(cors({
  origin: ALLOWED_ORIGINS,
}));`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify origin: true and a function that returns its argument',
      code: `import fastifyCors from '@fastify/cors';
await app.register(fastifyCors, { origin: true, credentials: true });
await app.register(fastifyCors, { origin: (origin, cb) => cb(null, true) });`,
      output: `import fastifyCors from '@fastify/cors';
await app.register(fastifyCors, { origin: false, credentials: true });
await app.register(fastifyCors, { origin: false });`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`@fastify/cors` with `origin: true`', credentials: ', credentials included' },
          line: 2,
          column: 35,
          endLine: 2,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import fastifyCors from '@fastify/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

await app.register(fastifyCors, { origin: ALLOWED_ORIGINS, credentials: true });
await app.register(fastifyCors, { origin: (origin, cb) => cb(null, true) });`,
            },
          ],
        },
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`@fastify/cors` whose `origin` accepts all', credentials: '' },
          line: 3,
          column: 35,
          endLine: 3,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import fastifyCors from '@fastify/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

await app.register(fastifyCors, { origin: true, credentials: true });
await app.register(fastifyCors, { origin: ALLOWED_ORIGINS });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a fastify plugin that opens CORS under another setting than its registrar adds a token hook under',
      code: `import fp from 'fastify-plugin';
import fastifyCors from '@fastify/cors';

const discovery = fp(async (app, options) => {
  if (options.auth?.public) await app.register(fastifyCors, { origin: true });
});

export const server = fp(async (app, options) => {
  if (options.auth?.enabled) app.addHook('onRequest', async (request, reply) => {
    if (request.headers.authorization !== \`Bearer \${options.auth.token}\`) return reply.code(401).send();
  });
  await app.register(discovery, { auth: options.auth });
});`,
      output: `import fp from 'fastify-plugin';
import fastifyCors from '@fastify/cors';

const discovery = fp(async (app, options) => {
  if (options.auth?.public) await app.register(fastifyCors, { origin: false });
});

export const server = fp(async (app, options) => {
  if (options.auth?.enabled) app.addHook('onRequest', async (request, reply) => {
    if (request.headers.authorization !== \`Bearer \${options.auth.token}\`) return reply.code(401).send();
  });
  await app.register(discovery, { auth: options.auth });
});`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`@fastify/cors` with `origin: true`', credentials: '' },
          line: 5,
          column: 63,
          endLine: 5,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import fp from 'fastify-plugin';
import fastifyCors from '@fastify/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const discovery = fp(async (app, options) => {
  if (options.auth?.public) await app.register(fastifyCors, { origin: ALLOWED_ORIGINS });
});

export const server = fp(async (app, options) => {
  if (options.auth?.enabled) app.addHook('onRequest', async (request, reply) => {
    if (request.headers.authorization !== \`Bearer \${options.auth.token}\`) return reply.code(401).send();
  });
  await app.register(discovery, { auth: options.auth });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'hono origin function that returns its argument',
      code: `import { cors } from 'hono/cors';
app.use('/mcp', cors({ origin: (origin) => origin }));
app.use('/sse', cors({ origin: (origin, c) => origin ?? '*' }));`,
      output: `import { cors } from 'hono/cors';
app.use('/mcp', cors({ origin: [] }));
app.use('/sse', cors({ origin: [] }));`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`hono/cors` whose `origin` accepts all', credentials: '' },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import { cors } from 'hono/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use('/mcp', cors({ origin: ALLOWED_ORIGINS }));
app.use('/sse', cors({ origin: (origin, c) => origin ?? '*' }));`,
            },
          ],
        },
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`hono/cors` whose `origin` accepts all', credentials: '' },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import { cors } from 'hono/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use('/mcp', cors({ origin: (origin) => origin }));
app.use('/sse', cors({ origin: ALLOWED_ORIGINS }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa origin function that echoes the request',
      code: `import cors from '@koa/cors';
app.use(cors({ origin: (ctx) => ctx.get('Origin'), credentials: true }));
app.use(cors({ origin: (ctx) => ctx.request.header.origin ?? '' }));`,
      output: `import cors from '@koa/cors';
app.use(cors({ origin: () => '', credentials: true }));
app.use(cors({ origin: () => '' }));`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: {
            policy: '`@koa/cors` whose `origin` accepts all',
            credentials: ', credentials included',
          },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from '@koa/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(cors({ origin: (ctx) => (ALLOWED_ORIGINS.includes(ctx.get('Origin')) ? ctx.get('Origin') : ''), credentials: true }));
app.use(cors({ origin: (ctx) => ctx.request.header.origin ?? '' }));`,
            },
          ],
        },
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`@koa/cors` whose `origin` accepts all', credentials: '' },
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from '@koa/cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(cors({ origin: (ctx) => ctx.get('Origin'), credentials: true }));
app.use(cors({ origin: (ctx) => (ALLOWED_ORIGINS.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a ternary between true and an allowlist keeps the allowlist',
      code: `import cors from 'cors';
const ALLOWED = ['https://app.example.com'];
app.use(cors({ origin: process.env.NODE_ENV === 'development' ? true : ALLOWED }));`,
      output: `import cors from 'cors';
const ALLOWED = ['https://app.example.com'];
app.use(cors({ origin: process.env.NODE_ENV === 'development' ? false : ALLOWED }));`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const ALLOWED = ['https://app.example.com'];
app.use(cors({ origin: process.env.NODE_ENV === 'development' ? ALLOWED_ORIGINS : ALLOWED }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'callbacks that answer yes to any present origin, and one passed by name',
      code: `import cors from 'cors';
function allowAll(origin: string | undefined, callback: (error: Error | null, allow?: boolean) => void) {
  callback(null, true);
}
app.use(cors({ origin: (origin, callback) => callback(null, !!origin) }));
app.use(cors({ origin: (origin, callback) => callback(null, origin !== undefined) }));
app.use(cors({ origin: allowAll }));`,
      output: `import cors from 'cors';
function allowAll(origin: string | undefined, callback: (error: Error | null, allow?: boolean) => void) {
  callback(null, true);
}
app.use(cors({ origin: false }));
app.use(cors({ origin: false }));
app.use(cors({ origin: false }));`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` whose `origin` accepts all', credentials: '' },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

function allowAll(origin: string | undefined, callback: (error: Error | null, allow?: boolean) => void) {
  callback(null, true);
}
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(cors({ origin: (origin, callback) => callback(null, origin !== undefined) }));
app.use(cors({ origin: allowAll }));`,
            },
          ],
        },
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` whose `origin` accepts all', credentials: '' },
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

function allowAll(origin: string | undefined, callback: (error: Error | null, allow?: boolean) => void) {
  callback(null, true);
}
app.use(cors({ origin: (origin, callback) => callback(null, !!origin) }));
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(cors({ origin: allowAll }));`,
            },
          ],
        },
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` whose `origin` accepts all', credentials: '' },
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

function allowAll(origin: string | undefined, callback: (error: Error | null, allow?: boolean) => void) {
  callback(null, true);
}
app.use(cors({ origin: (origin, callback) => callback(null, !!origin) }));
app.use(cors({ origin: (origin, callback) => callback(null, origin !== undefined) }));
app.use(cors({ origin: ALLOWED_ORIGINS }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a ternary keeps its fixed branch, and an existing Set allowlist is used',
      code: `const ALLOWED_ORIGINS = new Set(['http://localhost:6274']);
const dev = process.env.NODE_ENV !== 'production';
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', dev ? req.headers.origin! : 'https://app.example.com');
  next();
});`,
      output: `const ALLOWED_ORIGINS = new Set(['http://localhost:6274']);
const dev = process.env.NODE_ENV !== 'production';

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.has(origin) ? origin : '';
}

app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', dev ? allowedOrigin(req.headers.origin) : 'https://app.example.com');
  next();
});`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 102,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `const ALLOWED_ORIGINS = new Set(['http://localhost:6274']);
const dev = process.env.NODE_ENV !== 'production';

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.has(origin) ? origin : '';
}

app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', dev ? allowedOrigin(req.headers.origin) : 'https://app.example.com');
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a substring test on a string of origins is no check',
      code: `app.use((req, res, next) => {
  const origin = req.headers.origin ?? '';
  if ('https://app.example.com https://admin.example.com'.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
      output: `const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.use((req, res, next) => {
  const origin = req.headers.origin ?? '';
  if ('https://app.example.com https://admin.example.com'.includes(origin)) res.setHeader('Access-Control-Allow-Origin', allowedOrigin(origin));
  next();
});`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 3,
          column: 77,
          endLine: 3,
          endColumn: 129,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.use((req, res, next) => {
  const origin = req.headers.origin ?? '';
  if ('https://app.example.com https://admin.example.com'.includes(origin)) res.setHeader('Access-Control-Allow-Origin', allowedOrigin(origin));
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS express',
      code: `const express = require('express');
const app = express();
app.use(function (req, res, next) {
  res.header('Access-Control-Allow-Origin', req.header('Origin'));
  next();
});`,
      ...commonjs,
      output: `const express = require('express');
const app = express();

const ALLOWED_ORIGINS = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin) {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.use(function (req, res, next) {
  res.header('Access-Control-Allow-Origin', allowedOrigin(req.header('Origin')));
  next();
});`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `const express = require('express');
const app = express();

const ALLOWED_ORIGINS = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin) {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.use(function (req, res, next) {
  res.header('Access-Control-Allow-Origin', allowedOrigin(req.header('Origin')));
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'ESM JavaScript web handler',
      code: `export default {
  async fetch(request) {
    const headers = new Headers({ 'Content-Type': 'application/json' });
    headers.set('Access-Control-Allow-Origin', request.headers.get('origin') || '*');
    return new Response('{}', { headers });
  },
};`,
      ...esm,
      output: `const ALLOWED_ORIGINS = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin) {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

export default {
  async fetch(request) {
    const headers = new Headers({ 'Content-Type': 'application/json' });
    headers.set('Access-Control-Allow-Origin', allowedOrigin(request.headers.get('origin')));
    return new Response('{}', { headers });
  },
};`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `const ALLOWED_ORIGINS = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin) {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

export default {
  async fetch(request) {
    const headers = new Headers({ 'Content-Type': 'application/json' });
    headers.set('Access-Control-Allow-Origin', allowedOrigin(request.headers.get('origin')));
    return new Response('{}', { headers });
  },
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'an origin: true typed as the cors origin option',
      code: `import type { CorsOptions } from 'cors';
export const origin: CorsOptions['origin'] = true;`,
      output: `import type { CorsOptions } from 'cors';
export const origin: CorsOptions['origin'] = false;`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: 'This `origin: true` for `cors()`', credentials: '' },
          line: 2,
          column: 46,
          endLine: 2,
          endColumn: 50,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a typed origin: true that cors() of the same file takes: one report, at the middleware',
      code: TYPED_TAKEN,
      // The second pass: the constant no middleware takes any more is reported where it is written.
      output: [
        TYPED_TAKEN.replace('cors({ origin })', 'cors({ origin: false })'),
        TYPED_TAKEN.replace('cors({ origin })', 'cors({ origin: false })').replace('= true;', '= false;'),
      ],
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: TYPED_TAKEN.replace('cors({ origin })', 'cors({ origin: ALLOWED_ORIGINS })').replace(
                '\nconst app',
                "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\nconst app",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a typed origin computed by a function called in place, which cors() of the same file takes: one report, there',
      code: typedInPlace(),
      output: [typedInPlace('true', 'origin: false'), typedInPlace('false', 'origin: false')],
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: typedInPlace('true', 'origin: ALLOWED_ORIGINS').replace(
                '\nconst app',
                "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\nconst app",
              ),
            },
          ],
        },
      ],
    },
  ]),
});

// By default, the fail-closed change (deny the origin, require the token, bind loopback) is no
// autofix: it is the first suggestion, next to the others, as it can stop a client that works today.
ruleTester.run('no-reflected-origin: by default, the fail-closed change is the first suggestion', rule, {
  valid: [],
  invalid: [
    {
      name: 'by default, denying every origin is the first suggestion for origin: true',
      code: `import cors from 'cors';
app.use(cors({ origin: true, credentials: true }));`,
      output: null,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: ', credentials included' },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 28,
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
      name: 'by default, checking the echo against an empty allowlist is the first suggestion',
      code: `import http from 'node:http';
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '');
  res.end();
});`,
      output: null,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'checkEmptyAllowlist',
              output: `import http from 'node:http';

const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', allowedOrigin(req.headers.origin));
  res.end();
});`,
            },
            {
              messageId: 'useAllowlist',
              output: `import http from 'node:http';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', allowedOrigin(req.headers.origin));
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'by default, an origin: true typed as the cors origin option gets the deny value as its only suggestion',
      code: `import type { CorsOptions } from 'cors';
export const origin: CorsOptions['origin'] = true;`,
      output: null,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: 'This `origin: true` for `cors()`', credentials: '' },
          line: 2,
          column: 46,
          endLine: 2,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: `import type { CorsOptions } from 'cors';
export const origin: CorsOptions['origin'] = false;`,
            },
          ],
        },
      ],
    },
  ],
});

/** A middleware that echoes the Origin after a helper's verdict, read as `verdict`. */
const verdictGuard = (verdict: string): string => `import express from 'express';

function validateOrigin(origin: string | undefined): { ok: boolean; status: number } {
  return origin === undefined || origin === 'http://localhost:5173' ? { ok: true, status: 200 } : { ok: false, status: 403 };
}

const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  ${verdict}
  res.setHeader('Access-Control-Allow-Origin', origin ?? 'http://localhost');
  next();
});`;

/** A verdict case with the echo checked against a new allowlist of `origins`. */
const verdictChecked = (
  origins: string,
  verdict = `const result = validateOrigin(origin);
  if (!result.status) return res.status(403).end();`,
): string =>
  verdictGuard(verdict)
    .replace(
      'const app = express();\n',
      `const app = express();

const ALLOWED_ORIGINS: string[] = [${origins}];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

`,
    )
    .replace("origin ?? 'http://localhost'", 'allowedOrigin(origin)');

const FORMAT_CHECK = `const parsed = z.string().url().safeParse(origin);
  if (!parsed.success) return res.status(400).end();`;
const DESTRUCTURED = `const { data } = validateOrigin(origin) as unknown as { data: { ok: boolean } };
  if (!data.ok) return res.status(403).end();`;
const verdictSuggestions = (verdict: string) => [
  { messageId: 'checkEmptyAllowlist' as const, output: verdictChecked('', verdict) },
  { messageId: 'useAllowlist' as const, output: verdictChecked("'https://app.example.com'", verdict) },
];

ruleTester.run('no-reflected-origin: the verdict a check returns in an object', rule, {
  valid: [
    {
      name: '`if (!result.ok) return …` after `const result = validateOrigin(origin)`',
      code: verdictGuard(`const result = validateOrigin(origin);
  if (!result.ok) return res.status(result.status).end();`),
    },
    {
      name: '`if (!validateOrigin(origin).ok) return …`',
      code: verdictGuard('if (!validateOrigin(origin).ok) return res.status(403).end();'),
    },
  ],
  invalid: [
    {
      name: 'the verdict of a call the project does not define (a format check) decides nothing',
      code: verdictGuard(FORMAT_CHECK),
      output: null,
      errors: [{ messageId: 'reflectedOrigin', line: 12, column: 3, suggestions: verdictSuggestions(FORMAT_CHECK) }],
    },
    {
      name: 'a property of a destructured part of the result is not its verdict',
      code: verdictGuard(DESTRUCTURED),
      output: null,
      errors: [{ messageId: 'reflectedOrigin', line: 12, column: 3, suggestions: verdictSuggestions(DESTRUCTURED) }],
    },
    {
      name: 'a property that is no verdict (`status`) decides nothing',
      code: verdictGuard(`const result = validateOrigin(origin);
  if (!result.status) return res.status(403).end();`),
      output: null,
      errors: [
        {
          messageId: 'reflectedOrigin',
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 77,
          suggestions: [
            { messageId: 'checkEmptyAllowlist', output: verdictChecked('') },
            { messageId: 'useAllowlist', output: verdictChecked("'https://app.example.com'") },
          ],
        },
      ],
    },
  ],
});

// An origin function that answers with what a helper of the project makes of the request's
// Origin (`normalise(origin)`, which only reshapes it) answers with the Origin itself.
const NORMALISE = `function normalise(origin: string): string {
  return origin.trim().toLowerCase();
}`;

ruleTester.run('no-reflected-origin: the Origin reshaped by a helper', rule, {
  valid: [
    {
      name: 'a helper that tests the Origin against a list answers yes or no, not the Origin',
      code: `import express from 'express';
import cors from 'cors';
const ALLOWED = ['https://app.example.com'];
function isAllowed(origin: string): boolean {
  return ALLOWED.includes(origin);
}
express().use(cors({ origin: (origin, callback) => callback(null, isAllowed(origin ?? '')) }));`,
    },
  ],
  invalid: [
    {
      name: '`callback(null, normalise(origin))` echoes the Origin',
      code: `import express from 'express';
import cors from 'cors';
${NORMALISE}
express().use(cors({ origin: (origin, callback) => callback(null, normalise(origin ?? '')) }));`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` whose `origin` accepts all', credentials: '' },
          line: 6,
          column: 22,
          endLine: 6,
          endColumn: 91,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: `import express from 'express';
import cors from 'cors';
${NORMALISE}
express().use(cors({ origin: false }));`,
            },
            {
              messageId: 'useAllowlist',
              output: `import express from 'express';
import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

${NORMALISE}
express().use(cors({ origin: ALLOWED_ORIGINS }));`,
            },
          ],
        },
      ],
    },
  ],
});

/** An echo behind a test of the origin's parsed host, `test`, held in `held` first when given. */
const HOST_TESTED = (test: string, held = false): string => `import express from 'express';
const app = express();
const TRUSTED = 'example.com';
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin) {
    const host = new URL(origin).hostname;
${held ? `    const trusted = ${test};\n    if (trusted) res.setHeader('Access-Control-Allow-Origin', origin);` : `    if (${test}) res.setHeader('Access-Control-Allow-Origin', origin);`}
  }
  next();
});`;

ruleTester.run("no-reflected-origin: a test of the origin's parsed host", rule, {
  valid: [
    {
      name: 'equal to a fixed host, or under it',
      code: HOST_TESTED('host === TRUSTED || host.endsWith(`.${TRUSTED}`)'),
    },
    {
      name: 'the same, held in a constant first',
      code: HOST_TESTED('host === TRUSTED || host.endsWith(`.${TRUSTED}`)', true),
    },
    {
      name: '`new URL(origin).host` compared in place',
      code: HOST_TESTED("new URL(origin).host === 'app.example.com'"),
    },
  ],
  invalid: [
    {
      name: "a host of another value's URL checks nothing about the origin",
      code: HOST_TESTED("new URL(req.url ?? '/', 'http://localhost').hostname === TRUSTED"),
      output: null,
      errors: [
        {
          messageId: 'reflectedOrigin',
          line: 8,
          column: 75,
          endLine: 8,
          endColumn: 127,
          suggestions: (['checkEmptyAllowlist', 'useAllowlist'] as const).map((messageId) => ({
            messageId,
            output: HOST_TESTED("new URL(req.url ?? '/', 'http://localhost').hostname === TRUSTED")
              .replace(
                "const TRUSTED = 'example.com';\n",
                `const TRUSTED = 'example.com';

const ALLOWED_ORIGINS: string[] = [${messageId === 'useAllowlist' ? "'https://app.example.com'" : ''}];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

`,
              )
              .replace(
                "'Access-Control-Allow-Origin', origin)",
                "'Access-Control-Allow-Origin', allowedOrigin(origin))",
              ),
          })),
        },
      ],
    },
  ],
});

/**
 * A middleware that echoes the Origin when `helper(req)` holds; `fixed` echoes
 * `allowedOrigin(origin)` after the allowlist `list`.
 */
const HELPER_GIVEN_REQUEST = (helper: string, list?: string): string => `${helper}
${
  list === undefined
    ? ''
    : `
const ALLOWED_ORIGINS: string[] = ${list};

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}
`
}
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && check(req)) res.setHeader('Access-Control-Allow-Origin', ${list === undefined ? 'origin' : 'allowedOrigin(origin)'});
  next();
});`;

/** The report on HELPER_GIVEN_REQUEST's echo at `line`, with its suggestions: `fixed(list)` writes the allowlist. */
function echoReport(line: number, fixed: (list: string) => string) {
  return {
    messageId: 'reflectedOrigin' as const,
    data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
    line,
    column: 29,
    endLine: line,
    endColumn: 81,
    suggestions: (
      [
        ['checkEmptyAllowlist', '[]'],
        ['useAllowlist', "['https://app.example.com']"],
      ] as const
    ).map(([messageId, list]) => ({ messageId, output: fixed(list) })),
  };
}

/** A helper given the request that throws only when it has no Origin, and answers yes. */
const PRESENCE_HELPER = `function check(request: { headers: Record<string, string | undefined> }): boolean {
  if (!request.headers.origin) throw new Error('Origin required');
  return true;
}`;

/** A helper given the request that only parses its Origin: any site's is well formed. */
const PARSE_ONLY_HELPER = `function check(request: { headers: Record<string, string | undefined> }): boolean {
  try {
    new URL(request.headers.origin ?? '');
    return true;
  } catch {
    return false;
  }
}`;

/** A helper given the request that reads its Origin only to log it, and answers yes. */
const LOGGING_HELPER = `function check(request: { headers: Record<string, string | undefined> }): boolean {
  console.log('origin', request.headers.origin);
  return true;
}`;

ruleTester.run('no-reflected-origin: a helper given the request rather than its origin', rule, {
  valid: [
    {
      name: 'the helper throws on an Origin it does not list, and answers yes otherwise',
      code: HELPER_GIVEN_REQUEST(`const ALLOWED = new Set(['https://app.example.com']);
function check(request: { headers: Record<string, string | undefined> }): boolean {
  if (!ALLOWED.has(request.headers.origin ?? '')) throw new Error('origin not allowed');
  return true;
}`),
    },
    {
      name: 'the helper reads the Origin of the request it is given and checks it against an allowlist',
      code: HELPER_GIVEN_REQUEST(`const ALLOWED = new Set(['https://app.example.com']);
function check(request: { headers: Record<string, string | undefined> }): boolean {
  const origin = request.headers.origin;
  return origin !== undefined && ALLOWED.has(origin);
}`),
    },
  ],
  invalid: [
    ...(
      [
        [
          'a helper given the request that throws only when there is no Origin, and answers yes otherwise',
          PRESENCE_HELPER,
        ],
        ['a helper given the request that only logs its Origin and answers yes decides nothing', LOGGING_HELPER],
        ['a helper given the request that only sees its Origin is well formed admits every site', PARSE_ONLY_HELPER],
      ] as const
    ).map(([name, helper]) => ({
      name,
      code: HELPER_GIVEN_REQUEST(helper),
      output: null,
      errors: [echoReport(helper.split('\n').length + 4, (list) => HELPER_GIVEN_REQUEST(helper, list))],
    })),
    {
      name: 'a helper given the request that reads another header decides nothing about the origin',
      code: HELPER_GIVEN_REQUEST(`function check(request: { headers: Record<string, string | undefined> }): boolean {
  return request.headers.accept === 'application/json';
}`),
      output: null,
      errors: [
        echoReport(7, (list) =>
          HELPER_GIVEN_REQUEST(
            `function check(request: { headers: Record<string, string | undefined> }): boolean {
  return request.headers.accept === 'application/json';
}`,
            list,
          ),
        ),
      ],
    },
  ],
});

// A helper that echoes the Origin of the request it is given (`setCors(req, res)`), called by
// middleware after `gate`, and (with `open`) also by a route registered before that middleware.
const ECHO_HELPER = (
  gate: string,
  open = false,
): string => `import express, { type Request, type Response } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const ALLOWED = ['https://app.example.com'];

function originAllowed(req: Request): boolean {
  const origin = req.headers.origin;
  return origin === undefined || ALLOWED.includes(origin);
}

function setCors(req: Request, res: Response): void {
  const origin = req.headers.origin;
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
}

const app = express();
${open ? "app.get('/status', (req, res) => {\n  setCors(req, res);\n  res.json({ ok: true });\n});\n" : ''}app.use((req, res, next) => {
  ${gate}
  setCors(req, res);
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;
const HELPER_GATE = 'if (!originAllowed(req)) return void res.status(403).end();';
const PRESENCE_GATE = 'if (!req.headers.origin) return void res.status(403).end();';
/** `code` (an `ECHO_HELPER`) with the echo fixed to allow only `origins`. */
const echoHelperFixed = (origins: string, code = ECHO_HELPER(HELPER_GATE, true)): string =>
  code
    .replace(
      '\nfunction setCors(',
      `\nconst ALLOWED_ORIGINS: string[] = [${origins}];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

function setCors(`,
    )
    .replace("'Access-Control-Allow-Origin', origin)", "'Access-Control-Allow-Origin', allowedOrigin(origin))");

ruleTester.run('no-reflected-origin: a helper given the request, called after a check', rule, {
  valid: [
    { name: 'every call comes after a helper that checks the Origin', code: ECHO_HELPER(HELPER_GATE) },
    {
      name: 'every call comes after a check of the Origin in place',
      code: ECHO_HELPER("if (!ALLOWED.includes(req.headers.origin ?? '')) return void res.status(403).end();"),
    },
  ],
  invalid: [
    {
      name: 'a route that calls it before the check',
      code: ECHO_HELPER(HELPER_GATE, true),
      output: null,
      errors: [
        {
          messageId: 'reflectedOrigin',
          line: 14,
          column: 3,
          endLine: 14,
          endColumn: 55,
          suggestions: [
            { messageId: 'checkEmptyAllowlist', output: echoHelperFixed('') },
            { messageId: 'useAllowlist', output: echoHelperFixed("'https://app.example.com'") },
          ],
        },
      ],
    },
    {
      name: 'a check that only sees the Origin is there',
      code: ECHO_HELPER(PRESENCE_GATE),
      output: null,
      errors: [
        {
          messageId: 'reflectedOrigin',
          line: 14,
          column: 3,
          suggestions: [
            { messageId: 'checkEmptyAllowlist', output: echoHelperFixed('', ECHO_HELPER(PRESENCE_GATE)) },
            {
              messageId: 'useAllowlist',
              output: echoHelperFixed("'https://app.example.com'", ECHO_HELPER(PRESENCE_GATE)),
            },
          ],
        },
      ],
    },
  ],
});

/**
 * A node:http server that echoes the Origin where `test` holds, with a list of patterns `TRUSTED`
 * and of origins `ALLOWED`.
 */
const ECHO_WHERE = (test: string): string => `import http from 'node:http';

const TRUSTED = [/^http:\\/\\/127\\.0\\.0\\.1(:\\d+)?$/, /^http:\\/\\/localhost(:\\d+)?$/];
const ALLOWED = ['https://app.example.com'];

http.createServer((req, res) => {
  const origin = req.headers.origin;
  if (origin && ${test}) res.setHeader('Access-Control-Allow-Origin', origin);
  res.end('{}');
}).listen(3000, '127.0.0.1');`;

/** ECHO_WHERE with the echo checked against the empty (or placeholder) allowlist the suggestions declare. */
const echoWhereFixed = (test: string, list: string): string =>
  ECHO_WHERE(test)
    .replace(
      "const ALLOWED = ['https://app.example.com'];\n",
      `const ALLOWED = ['https://app.example.com'];

const ALLOWED_ORIGINS: string[] = [${list}];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}
`,
    )
    .replace("'Access-Control-Allow-Origin', origin)", "'Access-Control-Allow-Origin', allowedOrigin(origin))");

/** The report on ECHO_WHERE's echo, with its two suggestions. */
function echoWhereReport(test: string) {
  const column = 19 + test.length;
  return {
    messageId: 'reflectedOrigin' as const,
    data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
    line: 8,
    column,
    endLine: 8,
    endColumn: column + 52,
    suggestions: (
      [
        ['checkEmptyAllowlist', ''],
        ['useAllowlist', "'https://app.example.com'"],
      ] as const
    ).map(([messageId, list]) => ({ messageId, output: echoWhereFixed(test, list) })),
  };
}

/**
 * An Express route that answers with `Access-Control-Allow-Origin: allow`, where
 * `const allow = <held>` (a value picked by a test, held in a constant before the header is set).
 */
const HELD_ECHO = (held: string, credentials = true): string => `import express from 'express';

const ALLOWED = ['http://localhost:4200', 'http://localhost:5173'];

const app = express();
app.get('/mcp/events', (req, res) => {
  const origin = req.headers.origin;
  const allow = ${held};
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Access-Control-Allow-Origin': allow,${credentials ? "\n    'Access-Control-Allow-Credentials': 'true'," : ''}
  });
  res.write('data: hello\\n\\n');
});
app.listen(3000, '127.0.0.1');`;

/** HELD_ECHO with `allow` checked against the empty (or placeholder) allowlist the suggestions declare. */
const heldEchoFixed = (held: string, list: string): string =>
  HELD_ECHO(held)
    .replace(
      'const app = express();\n',
      `const app = express();

const ALLOWED_ORIGINS: string[] = [${list}];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

`,
    )
    .replace("'Access-Control-Allow-Origin': allow,", "'Access-Control-Allow-Origin': allowedOrigin(allow),");

ruleTester.run('no-reflected-origin: checks through a list and through a constant', rule, {
  valid: [
    {
      name: 'every entry of a list of patterns tried with some(): the origin passed one',
      code: ECHO_WHERE('TRUSTED.some((pattern) => pattern.test(origin))'),
    },
    {
      name: 'the same with a function callback that returns the test',
      code: ECHO_WHERE('TRUSTED.some(function (pattern) { return pattern.test(origin); })'),
    },
    {
      name: 'an exact comparison with each entry of a constant list',
      code: ECHO_WHERE('ALLOWED.some((allowed) => allowed === origin)'),
    },
    {
      name: 'every() false: some entry is the origin',
      code: ECHO_WHERE('!ALLOWED.every((allowed) => allowed !== origin)'),
    },
    {
      name: 'the verdict of some() held in a constant, in plain JavaScript',
      code: `const express = require('express');

const TRUSTED = [/^http:\\/\\/localhost(:\\d+)?$/];

const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin) {
    const ok = TRUSTED.some((re) => re.test(origin));
    if (ok) res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});
app.listen(3000, '127.0.0.1');`,
      ...commonjs,
    },
    {
      name: 'a ?: that picks the origin only when the allowlist holds it, held in a constant before the header',
      code: HELD_ECHO("ALLOWED.includes(origin || '') ? origin : ALLOWED[1]"),
    },
    {
      name: 'the same with null for other origins, and through a second constant',
      code: HELD_ECHO("ALLOWED.includes(origin ?? '') ? origin : null")
        .replace("'Access-Control-Allow-Origin': allow,", "'Access-Control-Allow-Origin': picked,")
        .replace('  res.writeHead(', '  const picked = allow;\n  res.writeHead('),
    },
    {
      name: 'an origin function of cors whose answer is picked by a check and held in a constant',
      code: `import express from 'express';
import cors from 'cors';

const ALLOWED = ['https://app.example.com'];

const app = express();
app.use(
  cors({
    origin: (origin, callback) => {
      const allowed = origin !== undefined && ALLOWED.includes(origin) ? origin : false;
      callback(null, allowed);
    },
  }),
);
app.listen(3000, '127.0.0.1');`,
    },
  ],
  invalid: [
    {
      name: 'some() false: the origin matched no pattern',
      code: ECHO_WHERE('!TRUSTED.some((pattern) => pattern.test(origin))'),
      output: null,
      errors: [echoWhereReport('!TRUSTED.some((pattern) => pattern.test(origin))')],
    },
    {
      name: 'some() whose callback lets in any origin other than one entry',
      code: ECHO_WHERE('ALLOWED.some((allowed) => allowed !== origin)'),
      output: null,
      errors: [echoWhereReport('ALLOWED.some((allowed) => allowed !== origin)')],
    },
    {
      name: "a list that holds '*', compared entry by entry: it decides nothing, as its includes() would not",
      code: ECHO_WHERE("['*', 'https://app.example.com'].some((allowed) => allowed === origin)"),
      output: null,
      errors: [echoWhereReport("['*', 'https://app.example.com'].some((allowed) => allowed === origin)")],
    },
    {
      name: 'every() true holds for an empty list too',
      code: ECHO_WHERE('[].every((allowed) => allowed === origin)'),
      output: null,
      errors: [echoWhereReport('[].every((allowed) => allowed === origin)')],
    },
    {
      name: 'a constant whose ?: picks the origin where the allowlist does not hold it',
      code: HELD_ECHO("ALLOWED.includes(origin || '') ? ALLOWED[0] : origin"),
      output: null,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: ', credentials included' },
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 41,
          suggestions: (
            [
              ['checkEmptyAllowlist', ''],
              ['useAllowlist', "'https://app.example.com'"],
            ] as const
          ).map(([messageId, list]) => ({
            messageId,
            output: heldEchoFixed("ALLOWED.includes(origin || '') ? ALLOWED[0] : origin", list),
          })),
        },
      ],
    },
    {
      name: 'a constant whose ?: picks the origin on both branches',
      code: HELD_ECHO("ALLOWED.includes(origin || '') ? origin : origin || '*'", false),
      output: null,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 41,
          suggestions: (
            [
              ['checkEmptyAllowlist', ''],
              ['useAllowlist', "'https://app.example.com'"],
            ] as const
          ).map(([messageId, list]) => ({
            messageId,
            output: heldEchoFixed("ALLOWED.includes(origin || '') ? origin : origin || '*'", list).replace(
              "\n    'Access-Control-Allow-Credentials': 'true',",
              '',
            ),
          })),
        },
      ],
    },
  ],
});

/** A `hono/cors` origin function that answers the origin when `test` holds, else nothing. */
const HONO_BRANCH_FN = (test: string): string => `(origin, c) => {
      if (${test}) return origin;
      return null;
    }`;
const HONO_BRANCH = (test: string, origin = HONO_BRANCH_FN(test)): string => `import { Hono } from 'hono';
import { cors } from 'hono/cors';
const ALLOWED = ['https://app.example.com'];
const app = new Hono();
app.use(
  '/mcp',
  cors({
    origin: ${origin},
    credentials: true,
  }),
);`;

/** A `cors` origin function that calls back yes when `test` holds, else no. */
const CORS_BRANCH_FN = (test: string): string => `(origin, callback) => {
      if (${test}) return callback(null, true);
      callback(null, false);
    }`;
const CORS_BRANCH = (test: string, origin = CORS_BRANCH_FN(test)): string => `import express from 'express';
import cors from 'cors';
const ALLOWED = ['https://app.example.com'];
express().use(
  cors({
    origin: ${origin},
    credentials: true,
  }),
);`;

/**
 * The report on an origin function of `code` (`make(test)`) that lets every origin in on a branch,
 * through `credentials: true`, with its two suggestions.
 */
function branchReport(
  make: (test: string, origin?: string) => string,
  test: string,
  [line, endLine]: readonly [number, number],
  policy: string,
  deny: string,
  lastImport: string,
) {
  return {
    messageId: 'reflectedOrigin' as const,
    data: { policy, credentials: ', credentials included' },
    line,
    column: 5,
    endLine,
    endColumn: 22,
    suggestions: [
      // A deny-all value says so at the end of its line.
      {
        messageId: 'denyOrigins' as const,
        output: make(test, deny).replace(`origin: ${deny},`, `origin: ${deny}, // no cross-origin reads`),
      },
      {
        messageId: 'useAllowlist' as const,
        output: make(test, 'ALLOWED_ORIGINS').replace(
          `${lastImport}\n`,
          `${lastImport}\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\n`,
        ),
      },
    ],
  };
}

ruleTester.run('no-reflected-origin: an origin function that lets origins in on a branch', rule, {
  valid: [
    ...['ALLOWED.includes(origin)', 'origin && ALLOWED.includes(origin)', '!origin', 'origin === undefined'].map(
      (test) => ({ name: `hono/cors: \`if (${test}) return origin\``, code: HONO_BRANCH(test) }),
    ),
    ...['ALLOWED.includes(origin)', '!origin', "origin?.endsWith('.example.com')"].map((test) => ({
      name: `cors: \`if (${test}) return callback(null, true)\``,
      code: CORS_BRANCH(test),
    })),
    {
      name: 'cors: a yes inside a loop over the allowlist, each entry compared with the origin',
      code: CORS_BRANCH(
        '',
        `(origin, callback) => {
      for (const allowed of ALLOWED) {
        if (allowed === origin) return callback(null, true);
      }
      callback(null, false);
    }`,
      ),
    },
    {
      name: "cors: a yes inside a function the origin function hands on is that function's own",
      code: CORS_BRANCH(
        '',
        `(origin, callback) => {
      lookUp(origin).then((found) => {
        if (found) callback(null, true);
      });
    }`,
      ),
    },
  ],
  invalid: [
    ...["c.req.path.startsWith('/oauth2/')", 'origin', 'Math.random() > 0.5', 'origin !== undefined'].map((test) => ({
      name: `hono/cors: \`if (${test}) return origin\` says nothing of which origin`,
      code: HONO_BRANCH(test),
      errors: [
        branchReport(
          HONO_BRANCH,
          test,
          [8, 12],
          '`hono/cors` whose `origin` accepts all',
          '[]',
          "import { cors } from 'hono/cors';",
        ),
      ],
    })),
    ...['origin', "typeof origin === 'string'"].map((test) => ({
      name: `cors: \`if (${test}) return callback(null, true)\` only says there is an Origin`,
      code: CORS_BRANCH(test),
      errors: [
        branchReport(
          CORS_BRANCH,
          test,
          [6, 10],
          '`cors()` whose `origin` accepts all',
          'false',
          "import cors from 'cors';",
        ),
      ],
    })),
    {
      name: 'cors: a yes called back from the right of `&&`, behind a test of something else',
      code: CORS_BRANCH(
        '',
        `(origin, callback) => {
      const open = process.env.NODE_ENV !== 'production';
      open && callback(null, true);
    }`,
      ),
      errors: [
        branchReport(
          (_test, origin) =>
            CORS_BRANCH(
              '',
              origin ??
                `(origin, callback) => {
      const open = process.env.NODE_ENV !== 'production';
      open && callback(null, true);
    }`,
            ),
          '',
          [6, 10],
          '`cors()` whose `origin` accepts all',
          'false',
          "import cors from 'cors';",
        ),
      ],
    },
  ],
});

/**
 * A middleware that echoes a `let` given the Origin under `test` (`init` is the declaration's
 * initialiser, or none), wrapped in `allowed` where the fix writes the helper.
 */
const LET_ECHO = (
  test: string,
  init: string,
  allowed = (value: string): string => value,
): string => `import express from 'express';

const ALLOWED = new Set(['https://app.example.com']);
const app = express();
${allowed('')}app.use((req, res, next) => {
  const origin = req.headers.origin;
  let allow: string | undefined${init};
  if (${test}) allow = origin;
  if (allow) res.setHeader('Access-Control-Allow-Origin', ${allowed('allow')});
  next();
});
app.listen(3000, '127.0.0.1');`;

/** The fix's allowlist, holding `origins`, and its helper, where LET_ECHO puts them. */
const letEchoFixed =
  (test: string, init: string, origins: string) =>
  (value: string): string =>
    value === ''
      ? `
const ALLOWED_ORIGINS: string[] = [${origins}];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

`
      : `allowedOrigin(${value})`;

const letEchoReport = (test: string, init: string) => ({
  messageId: 'reflectedOrigin' as const,
  data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
  line: 9,
  column: 14,
  endLine: 9,
  endColumn: 65,
  suggestions: [
    { messageId: 'checkEmptyAllowlist' as const, output: LET_ECHO(test, init, letEchoFixed(test, init, '')) },
    {
      messageId: 'useAllowlist' as const,
      output: LET_ECHO(test, init, letEchoFixed(test, init, "'https://app.example.com'")),
    },
  ],
});

ruleTester.run('no-reflected-origin: a `let` the Origin is assigned to', rule, {
  valid: [
    {
      name: 'assigned only when the allowlist has it, over an initial value',
      code: LET_ECHO('origin && ALLOWED.has(origin)', ' = undefined'),
    },
    {
      name: 'assigned only when the allowlist has it, declared without a value',
      code: LET_ECHO('origin && ALLOWED.has(origin)', ''),
    },
  ],
  invalid: [
    {
      name: 'assigned whenever there is an Origin, over an initial value',
      code: LET_ECHO('origin', ' = undefined'),
      errors: [letEchoReport('origin', ' = undefined')],
    },
    {
      name: 'assigned whenever there is an Origin, declared without a value',
      code: LET_ECHO('origin', ''),
      errors: [letEchoReport('origin', '')],
    },
  ],
});

/** An app that refuses a foreign Origin with `test` (per entry of LOCAL_ORIGINS) before `cors({ origin: true })`. */
const PREFIX_GATE = (test: string, policy = 'origin: true', allowlist = ''): string => `import express from 'express';
import cors from 'cors';
${allowlist}
const LOCAL_ORIGINS = ['http://localhost', 'http://127.0.0.1'];

const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && !LOCAL_ORIGINS.some((local) => origin === local || ${test})) {
    res.status(403).end();
    return;
  }
  next();
});
app.use(cors({ ${policy} }));
app.post('/mcp', (req, res) => res.json({}));
app.listen(3000, '127.0.0.1');`;

ruleTester.run('no-reflected-origin: a gate that matches each local origin up to its port', rule, {
  valid: [
    {
      name: "`origin.startsWith(`${local}:`)`: the host ends at the port's colon",
      code: PREFIX_GATE('origin.startsWith(`${local}:`)'),
    },
    {
      name: "`origin.startsWith(`${local}:`)` with IPv6's loopback in the list: its colons are inside the brackets",
      code: PREFIX_GATE('origin.startsWith(`${local}:`)').replace(
        "['http://localhost', 'http://127.0.0.1']",
        "['http://localhost', 'http://127.0.0.1', 'http://[::1]']",
      ),
    },
  ],
  invalid: [
    {
      name: '`origin.startsWith(local)` lets `http://localhost.evil.com` through the gate',
      code: PREFIX_GATE('origin.startsWith(local)'),
      output: null,
      errors: [
        {
          messageId: 'reflectedOrigin',
          line: 15,
          column: 16,
          endLine: 15,
          endColumn: 28,
          suggestions: [
            { messageId: 'denyOrigins', output: PREFIX_GATE('origin.startsWith(local)', 'origin: false') },
            {
              messageId: 'useAllowlist',
              output: PREFIX_GATE(
                'origin.startsWith(local)',
                'origin: ALLOWED_ORIGINS',
                "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
              ),
            },
          ],
        },
      ],
    },
  ],
});

/**
 * A Fastify app that echoes the Origin behind a bearer-token hook (`hook`, placed first in its
 * body: `skip` is an early branch before the check) and an `/mcp` route; `origin` is the option
 * as written, and `allowlist` what a suggestion declares after the imports.
 */
const FASTIFY_HOOK = (hook: string, skip = '', origin = 'origin: true', allowlist = ''): string =>
  `import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
import { timingSafeEqual } from 'node:crypto';
${allowlist}
const TOKEN = process.env.MCP_TOKEN;
if (!TOKEN) throw new Error('MCP_TOKEN is required');
const expected = Buffer.from(\`Bearer \${TOKEN}\`);

const app = Fastify();
await app.register(fastifyCors, { ${origin} });
app.addHook('onRequest', ${hook} => {${skip}
  const given = Buffer.from(request.headers.authorization ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply.code(401).send();${hook.includes('done') ? '\n  done();' : ''}
});
app.post('/mcp', async (request) => request.body);
await app.listen({ port: 3000, host: '127.0.0.1' });`;

/** The report of `FASTIFY_HOOK`'s policy, with its two suggestions. */
function fastifyHookReport(hook: string, skip: string) {
  return {
    messageId: 'reflectedOrigin' as const,
    data: { policy: '`@fastify/cors` with `origin: true`', credentials: '' },
    line: 10,
    column: 35,
    endLine: 10,
    endColumn: 47,
    suggestions: [
      { messageId: 'denyOrigins' as const, output: FASTIFY_HOOK(hook, skip, 'origin: false') },
      {
        messageId: 'useAllowlist' as const,
        output: FASTIFY_HOOK(
          hook,
          skip,
          'origin: ALLOWED_ORIGINS',
          "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
        ),
      },
    ],
  };
}

ruleTester.run('no-reflected-origin: a Fastify hook that lets every request on until a setting is on', rule, {
  valid: [
    { name: 'an async hook that checks every request', code: FASTIFY_HOOK('async (request, reply)') },
    { name: 'a callback hook that checks every request', code: FASTIFY_HOOK('(request, reply, done)') },
  ],
  invalid: [
    {
      name: 'an async hook that returns early, which lets the request on, while the setting is unset',
      code: FASTIFY_HOOK('async (request, reply)', '\n  if (!process.env.MCP_AUTH_ON) return;'),
      output: null,
      errors: [fastifyHookReport('async (request, reply)', '\n  if (!process.env.MCP_AUTH_ON) return;')],
    },
    {
      name: 'a callback hook that calls `done()` early while the setting is unset',
      code: FASTIFY_HOOK('(request, reply, done)', '\n  if (!process.env.MCP_AUTH_ON) return done();'),
      output: null,
      errors: [fastifyHookReport('(request, reply, done)', '\n  if (!process.env.MCP_AUTH_ON) return done();')],
    },
  ],
});

ruleTester.run('no-reflected-origin: comments on the origin the fix replaces', rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'a comment that says the origin is reflected says no origin is allowed, or goes',
      code: `import cors from 'cors';
app.use(
  cors({
    origin: true, // reflect the request origin
    credentials: true, // cookies for the dashboard
  }),
);`,
      output: `import cors from 'cors';
app.use(
  cors({
    origin: false, // no cross-origin reads
    credentials: true, // cookies for the dashboard
  }),
);`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: ', credentials included' },
          line: 4,
          column: 5,
          endLine: 5,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

app.use(
  cors({
    origin: ALLOWED_ORIGINS,
    credentials: true, // cookies for the dashboard
  }),
);`,
            },
          ],
        },
      ],
    },
  ]),
});

/** node:http code that echoes the origin, written with double quotes and no semicolons. */
const echoing = (declarations: string, value: string): string => `import http from "node:http"
${declarations}
http.createServer((req, res) => {
  res.setHeader("Access-Control-Allow-Origin", ${value})
  res.end()
})`;

/** The allowlist and check the fix declares in that file, with `origins` listed. */
const declaredInStyle = (origins: string): string => `
const ALLOWED_ORIGINS: string[] = [${origins}]

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === "string" && ALLOWED_ORIGINS.includes(origin) ? origin : ""
}
`;

ruleTester.run("no-reflected-origin: fixes in the file's quotes and semicolons", rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'the allowlist and the check a header echo gets',
      code: echoing('', 'req.headers.origin || "*"'),
      output: echoing(declaredInStyle(''), 'allowedOrigin(req.headers.origin)'),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: echoing(declaredInStyle('"https://app.example.com"'), 'allowedOrigin(req.headers.origin)'),
            },
          ],
        },
      ],
    },
  ]),
});

// The check function the fix declares is indented by the file's own unit, and @koa/cors's deny and
// allowlist functions are written in its quotes.
ruleTester.run("no-reflected-origin: the fixes in the file's quotes and indentation", rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'an echo in node:http, in a tab-indented file: the check function one tab in',
      code: `import http from 'node:http';

http.createServer((req, res) => {
\tres.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*');
\tres.end();
});`,
      output: `import http from 'node:http';

const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
\treturn typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

http.createServer((req, res) => {
\tres.setHeader('Access-Control-Allow-Origin', allowedOrigin(req.headers.origin));
\tres.end();
});`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 4,
          column: 2,
          endLine: 4,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import http from 'node:http';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
\treturn typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

http.createServer((req, res) => {
\tres.setHeader('Access-Control-Allow-Origin', allowedOrigin(req.headers.origin));
\tres.end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'an echo in node:http, indented by 4 spaces with double quotes and no semicolons',
      code: `import http from "node:http"

http.createServer((req, res) => {
    res.setHeader("Access-Control-Allow-Origin", req.headers.origin || "*")
    res.end()
})`,
      output: `import http from "node:http"

const ALLOWED_ORIGINS: string[] = []

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
    return typeof origin === "string" && ALLOWED_ORIGINS.includes(origin) ? origin : ""
}

http.createServer((req, res) => {
    res.setHeader("Access-Control-Allow-Origin", allowedOrigin(req.headers.origin))
    res.end()
})`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import http from "node:http"

const ALLOWED_ORIGINS: string[] = ["https://app.example.com"]

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
    return typeof origin === "string" && ALLOWED_ORIGINS.includes(origin) ? origin : ""
}

http.createServer((req, res) => {
    res.setHeader("Access-Control-Allow-Origin", allowedOrigin(req.headers.origin))
    res.end()
})`,
            },
          ],
        },
      ],
    },
    {
      name: '@koa/cors echoing the origin, in a file with double quotes and no semicolons',
      code: `import Koa from "koa"
import cors from "@koa/cors"

const app = new Koa()
app.use(cors({ origin: (ctx) => ctx.get("Origin"), credentials: true }))`,
      output: `import Koa from "koa"
import cors from "@koa/cors"

const app = new Koa()
app.use(cors({ origin: () => "", credentials: true }))`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`@koa/cors` whose `origin` accepts all', credentials: ', credentials included' },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import Koa from "koa"
import cors from "@koa/cors"

const ALLOWED_ORIGINS: string[] = ["https://app.example.com"]

const app = new Koa()
app.use(cors({ origin: (ctx) => (ALLOWED_ORIGINS.includes(ctx.get("Origin")) ? ctx.get("Origin") : ""), credentials: true }))`,
            },
          ],
        },
      ],
    },
  ]),
});
