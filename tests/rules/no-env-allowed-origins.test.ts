import rule from '../../src/rules/no-env-allowed-origins';
import { commonjs, createRuleTester, esm, failClosedFix } from '../rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('no-env-allowed-origins', rule, {
  valid: [
    {
      name: 'the `allowedOrigins` and `allowedHosts` an MCP transport refuses others by: no CORS allowlist',
      code: `import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const allowedOrigins = process.env.MCP_ALLOWED_ORIGINS?.split(',') ?? ['http://127.0.0.1:3000'];
export const transport = new StreamableHTTPServerTransport({
  sessionIdGenerator: undefined,
  enableDnsRebindingProtection: true,
  allowedHosts: process.env.MCP_ALLOWED_HOSTS?.split(',') ?? ['127.0.0.1:3000'],
  allowedOrigins,
});`,
    },
    {
      name: "a test's assertions on the setting (the runner's `expect` and `assert` globals) keep the value",
      code: `describe('settings', () => {
  test('reads the CORS origin', () => {
    process.env.MCP_CORS_ORIGIN = 'https://app.example.com';
    expect(process.env.MCP_CORS_ORIGIN).toBe('https://app.example.com');
    assert.equal(process.env.ALLOWED_ORIGINS, undefined);
  });
});`,
    },
    {
      name: "an origin-named setting given to a client SDK's constructor or function: the host it connects to",
      code: `import PubSub from 'pubsub-client';
import { connect } from '@example/realtime';
export function makeClient(key: string) {
  const config = { key, origin: process.env.PUBSUB_ORIGIN || 'ps.example.com' };
  return new PubSub(config);
}
export const socket = connect({ origin: process.env.REALTIME_ORIGIN });`,
    },
    {
      name: "trusted origins from the environment given to better-auth's `betterAuth()`, which guards its own routes with them",
      code: `import { betterAuth } from 'better-auth';
const extra = process.env.EXTRA_TRUSTED_ORIGINS ? process.env.EXTRA_TRUSTED_ORIGINS.split(',') : [];
export const auth = betterAuth({ trustedOrigins: ['http://localhost:3000', ...extra] });`,
    },
    {
      name: 'only the port of a fixed origin from the environment, read in place or through a constant',
      code: `const PORT = Number(process.env.CONSOLE_PORT ?? 41000);
const consolePort = process.env.CONSOLE_PORT;
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', \`http://console.localhost:\${process.env.CONSOLE_PORT ?? 41000}\`);
  next();
});
app.use(cors({ origin: [\`http://localhost:\${PORT}\`, \`http://[::1]:\${consolePort}/\`] }));`,
    },
    {
      name: 'only the port from the environment, after a host held in a constant of its own',
      code: `import cors from 'cors';
const HOST = '127.0.0.1';
const LOOPBACK = { name: 'localhost' } as const;
const port = process.env.PORT || '3000';
app.use(cors({ origin: \`http://\${HOST}:\${port}\` }));
app.use('/ui', cors({ origin: \`http://\${LOOPBACK.name}:\${process.env.UI_PORT}/\` }));`,
    },
    {
      name: 'env vars unrelated to CORS',
      code: `import cors from 'cors';
const PORT = Number(process.env.PORT ?? 3000);
const isProduction = process.env.NODE_ENV === 'production';
app.use(cors({ origin: ['https://app.example.com'] }));
app.listen(PORT);
export const config = { port: PORT, production: isProduction, logLevel: process.env.LOG_LEVEL };`,
    },
    {
      name: 'the other CORS settings from the environment: headers, methods, max age, credentials, switches, a mode',
      code: `import cors from 'cors';
const exposed = (process.env.APP_CORS_EXPOSE_HEADERS ?? 'Mcp-Session-Id').split(',');
app.use(
  cors({
    origin: 'http://localhost:5173',
    exposedHeaders: exposed,
    allowedHeaders: process.env.CORS_ALLOWED_HEADERS,
    methods: process.env.CORS_METHODS,
    maxAge: Number(process.env.CORS_MAX_AGE ?? 600),
    credentials: process.env.CORS_CREDENTIALS === 'true',
  }),
);
export const corsOn = process.env.CORS_ENABLED !== 'false';
export const corsMode = process.env.MCP_CORS_MODE ?? 'strict';
export const corsLevel = process.env.CORS_LEVEL;
export const switches = [process.env.MCP_HTTP_ALLOW_CORS, process.env.ENABLE_CORS, process.env.DISABLECORS];`,
    },
    {
      name: "the server's own origin, which builds its URLs, handed to another module",
      code: `import { createNotesServer } from './server.js';
export default createNotesServer({ publicOrigin: process.env.MCP_PUBLIC_ORIGIN, base: process.env.SERVER_ORIGIN });`,
    },
    {
      name: 'a constant allowlist, checked before the echo',
      code: `const ALLOWED_ORIGINS = new Set(['https://app.example.com']);
app.use((req, res, next) => {
  const origin = req.headers.origin ?? '';
  if (ALLOWED_ORIGINS.has(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
    },
    {
      name: 'an origin-named variable used only locally for something else',
      code: `const publicOrigin = process.env.PUBLIC_ORIGIN ?? 'http://localhost:3000';
console.log('listening for', publicOrigin);
const issuerUrl = new URL('/oauth', process.env.ISSUER_ORIGIN ?? 'http://localhost:3000').href;`,
    },
    {
      name: 'allowEnvNames lets a named variable stay env-driven',
      code: `import cors from 'cors';
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [] }));`,
      options: [{ allowEnvNames: ['CORS_ORIGINS'] }],
    },
    {
      name: 'an env object that is a local, not the environment',
      code: `import cors from 'cors';
const env = { CORS_ORIGIN: 'https://app.example.com' };
app.use(cors({ origin: env.CORS_ORIGIN }));`,
    },
    {
      name: 'a local object with an env property is not the environment',
      code: `import cors from 'cors';
const settings = { env: { CORS_ORIGIN: 'https://app.example.com' } };
app.use(cors({ origin: settings.env.CORS_ORIGIN }));`,
    },
    {
      name: 'origin-named settings that feed fetch and URL',
      code: `const upstream = await fetch(process.env.UPSTREAM_ORIGIN!);
const issuer = new URL(process.env.ISSUER_ORIGIN ?? 'http://localhost:3000');
export { upstream, issuer };`,
    },
    {
      name: 'env reads in a file with no CORS at all',
      code: `const token = process.env.MCP_TOKEN;
const url = process.env.DATABASE_URL;
export { token, url };`,
    },
  ],
  // A list only ever matched exactly is reported under `reportExactAllowlists` (strict) alone, so
  // the cases about such lists turn it on; env-exact.test.ts shows the default.
  invalid: failClosedFix([
    {
      name: 'an allowlist split from the environment, held in a variable',
      code: `import cors from 'cors';

const allowedOrigins = process.env.CORS_ALLOWED_ORIGINS?.split(',').map((origin) => origin.trim()) ?? [];
app.use(cors({ origin: allowedOrigins, credentials: true }));`,
      output: `import cors from 'cors';

const allowedOrigins = [] as string[] /* was env CORS_ALLOWED_ORIGINS: list the allowed origins here */;
app.use(cors({ origin: allowedOrigins, credentials: true }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ALLOWED_ORIGINS`', credentials: ', credentials included' },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from 'cors';

const allowedOrigins = ['https://app.example.com'];
app.use(cors({ origin: allowedOrigins, credentials: true }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'credentials beside an env allowlist get the stronger message',
      code: `import cors from 'cors';
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(','), credentials: true }));
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', process.env.ALLOWED_ORIGIN ?? '');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});`,
      output: `import cors from 'cors';
app.use(cors({ origin: [] as string[] /* was env CORS_ORIGINS: list the allowed origins here */, credentials: true }));
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGINS`', credentials: ', credentials included' },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', process.env.ALLOWED_ORIGIN ?? '');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});`,
            },
          ],
        },
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ALLOWED_ORIGIN`', credentials: ', credentials included' },
          line: 4,
          column: 48,
          endLine: 4,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from 'cors';
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(','), credentials: true }));
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'an origin option straight from the environment, with a fallback',
      code: `import cors from 'cors';
app.use(cors({ origin: process.env.CORS_ORIGIN || 'http://localhost:3000' }));`,
      // The origin the file falls back to is the one kept.
      output: `import cors from 'cors';
app.use(cors({ origin: ['http://localhost:3000'] }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGIN`', credentials: '' },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `import cors from 'cors';
app.use(cors({ origin: false /* was env CORS_ORIGIN: list the allowed origins here */ }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'bracket access, a Set and JSON.parse',
      code: `import cors from 'cors';
const list: string[] = JSON.parse(process.env['CORS_ORIGINS_JSON'] ?? '[]');
const allowed = new Set(list);
app.use(cors({ origin: (origin, callback) => callback(null, allowed.has(origin ?? '')) }));`,
      options: [{ reportExactAllowlists: true }],
      output: `import cors from 'cors';
const list: string[] = [] /* was env CORS_ORIGINS_JSON: list the allowed origins here */;
const allowed = new Set(list);
app.use(cors({ origin: (origin, callback) => callback(null, allowed.has(origin ?? '')) }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGINS_JSON`', credentials: '' },
          line: 2,
          column: 35,
          endLine: 2,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from 'cors';
const list: string[] = ['https://app.example.com'];
const allowed = new Set(list);
app.use(cors({ origin: (origin, callback) => callback(null, allowed.has(origin ?? '')) }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'destructured from process.env',
      code: `import cors from 'cors';
const { ALLOWED_ORIGINS, PORT } = process.env;
app.use(cors({ origin: ALLOWED_ORIGINS!.split(',') }));`,
      options: [{ reportExactAllowlists: true }],
      output: `import cors from 'cors';
const { PORT } = process.env;
const ALLOWED_ORIGINS = ''; /* was env ALLOWED_ORIGINS: list the allowed origins here */
app.use(cors({ origin: ALLOWED_ORIGINS!.split(',') }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ALLOWED_ORIGINS`', credentials: '' },
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from 'cors';
const { PORT } = process.env;
const ALLOWED_ORIGINS = 'https://app.example.com';
app.use(cors({ origin: ALLOWED_ORIGINS!.split(',') }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'the only binding destructured from process.env',
      code: `import cors from 'cors';
const { CORS_ORIGIN } = process.env;
app.use(cors({ origin: CORS_ORIGIN }));`,
      output: `import cors from 'cors';
const CORS_ORIGIN = false; /* was env CORS_ORIGIN: list the allowed origins here */
app.use(cors({ origin: CORS_ORIGIN }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGIN`', credentials: '' },
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from 'cors';
const CORS_ORIGIN = ['https://app.example.com'];
app.use(cors({ origin: CORS_ORIGIN }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'the only binding destructured for @koa/cors takes its deny value',
      code: `import koaCors from '@koa/cors';
const { CORS_ORIGIN } = process.env;
app.use(koaCors({ origin: CORS_ORIGIN }));`,
      output: `import koaCors from '@koa/cors';
const CORS_ORIGIN = () => ''; /* was env CORS_ORIGIN: list the allowed origins here */
app.use(koaCors({ origin: CORS_ORIGIN }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGIN`', credentials: '' },
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import koaCors from '@koa/cors';
const CORS_ORIGIN = (ctx) => (['https://app.example.com'].includes(ctx.get('Origin')) ? ctx.get('Origin') : '');
app.use(koaCors({ origin: CORS_ORIGIN }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a read inside an array is replaced by a string, a template that holds one by the whole value',
      code: `import { cors } from 'hono/cors';
app.use('/mcp', cors({ origin: [process.env.EXTRA_ORIGIN!, 'https://app.example.com'] }));
app.use('/sse', cors({ origin: \`https://\${process.env.CORS_HOST}\` }));`,
      options: [{ reportExactAllowlists: true }],
      output: `import { cors } from 'hono/cors';
app.use('/mcp', cors({ origin: ['' /* was env EXTRA_ORIGIN: list the allowed origins here */, 'https://app.example.com'] }));
app.use('/sse', cors({ origin: [] /* was env CORS_HOST: list the allowed origins here */ }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`EXTRA_ORIGIN`', credentials: '' },
          line: 2,
          column: 33,
          endLine: 2,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import { cors } from 'hono/cors';
app.use('/mcp', cors({ origin: ['https://app.example.com', 'https://app.example.com'] }));
app.use('/sse', cors({ origin: \`https://\${process.env.CORS_HOST}\` }));`,
            },
          ],
        },
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_HOST`', credentials: '' },
          line: 3,
          column: 43,
          endLine: 3,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import { cors } from 'hono/cors';
app.use('/mcp', cors({ origin: [process.env.EXTRA_ORIGIN!, 'https://app.example.com'] }));
app.use('/sse', cors({ origin: ['https://app.example.com'] }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a koa origin function checking an env allowlist, and an alias of process.env',
      code: `import koaCors from '@koa/cors';
import cors from 'cors';
const ALLOWED = (process.env.KOA_CORS_ORIGINS ?? '').split(',');
koaApp.use(koaCors({ origin: (ctx) => (ALLOWED.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));
const env = process.env;
app.use(cors({ origin: env.CORS_ORIGIN }));`,
      options: [{ reportExactAllowlists: true }],
      output: `import koaCors from '@koa/cors';
import cors from 'cors';
const ALLOWED = [] as string[] /* was env KOA_CORS_ORIGINS: list the allowed origins here */;
koaApp.use(koaCors({ origin: (ctx) => (ALLOWED.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));
const env = process.env;
app.use(cors({ origin: false /* was env CORS_ORIGIN: list the allowed origins here */ }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`KOA_CORS_ORIGINS`', credentials: '' },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import koaCors from '@koa/cors';
import cors from 'cors';
const ALLOWED = ['https://app.example.com'];
koaApp.use(koaCors({ origin: (ctx) => (ALLOWED.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));
const env = process.env;
app.use(cors({ origin: env.CORS_ORIGIN }));`,
            },
          ],
        },
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGIN`', credentials: '' },
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import koaCors from '@koa/cors';
import cors from 'cors';
const ALLOWED = (process.env.KOA_CORS_ORIGINS ?? '').split(',');
koaApp.use(koaCors({ origin: (ctx) => (ALLOWED.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));
const env = process.env;
app.use(cors({ origin: ['https://app.example.com'] }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'an allowlist that guards an echoed origin',
      code: `import http from 'node:http';
const ALLOWED = (process.env.MCP_ALLOWED_ORIGINS ?? '').split(',');
http.createServer((req, res) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  res.end();
});`,
      options: [{ reportExactAllowlists: true }],
      output: `import http from 'node:http';
const ALLOWED = [] as string[] /* was env MCP_ALLOWED_ORIGINS: list the allowed origins here */;
http.createServer((req, res) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  res.end();
});`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`MCP_ALLOWED_ORIGINS`', credentials: '' },
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import http from 'node:http';
const ALLOWED = ['https://app.example.com'];
http.createServer((req, res) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'an allowlist whose entries are compared with the origin one by one',
      code: `import http from 'node:http';
const ALLOWED = (process.env.MCP_ALLOWED_ORIGINS ?? '').split(',');
http.createServer((req, res) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED.some((entry) => entry === origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  res.end();
});`,
      options: [{ reportExactAllowlists: true }],
      output: `import http from 'node:http';
const ALLOWED = [] as string[] /* was env MCP_ALLOWED_ORIGINS: list the allowed origins here */;
http.createServer((req, res) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED.some((entry) => entry === origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  res.end();
});`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`MCP_ALLOWED_ORIGINS`', credentials: '' },
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import http from 'node:http';
const ALLOWED = ['https://app.example.com'];
http.createServer((req, res) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED.some((entry) => entry === origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'an exact comparison with an env value',
      code: `app.use((req, res, next) => {
  if (req.headers.origin === process.env.FRONTEND_ORIGIN) res.setHeader('Access-Control-Allow-Origin', req.headers.origin!);
  next();
});`,
      output: `app.use((req, res, next) => {
  if (req.headers.origin === '' /* was env FRONTEND_ORIGIN: list the allowed origins here */) res.setHeader('Access-Control-Allow-Origin', req.headers.origin!);
  next();
});`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`FRONTEND_ORIGIN`', credentials: '' },
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `app.use((req, res, next) => {
  if (req.headers.origin === 'https://app.example.com') res.setHeader('Access-Control-Allow-Origin', req.headers.origin!);
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a header value from the environment',
      code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', process.env.ALLOWED_ORIGIN ?? 'http://localhost:6274');
  next();
});`,
      // The origin the file falls back to is kept; with no origin at all there is no header, not an empty one.
      output: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', 'http://localhost:6274');
  next();
});`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ALLOWED_ORIGIN`', credentials: '' },
          line: 2,
          column: 48,
          endLine: 2,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `app.use((req, res, next) => {
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'hono with Workers bindings',
      code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
const app = new Hono<{ Bindings: { CORS_ORIGINS: string } }>();
app.use('/mcp', async (c, next) => cors({ origin: c.env.CORS_ORIGINS.split(',') })(c, next));`,
      options: [{ reportExactAllowlists: true }],
      output: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
const app = new Hono<{ Bindings: { CORS_ORIGINS: string } }>();
app.use('/mcp', async (c, next) => cors({ origin: [] as string[] /* was env CORS_ORIGINS: list the allowed origins here */ })(c, next));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGINS`', credentials: '' },
          line: 4,
          column: 51,
          endLine: 4,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
const app = new Hono<{ Bindings: { CORS_ORIGINS: string } }>();
app.use('/mcp', async (c, next) => cors({ origin: ['https://app.example.com'] })(c, next));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a Workers fetch handler with env, Deno, Bun and import.meta.env',
      code: `export default {
  async fetch(request: Request, env: { ALLOWED_ORIGIN: string }): Promise<Response> {
    return new Response('ok', { headers: { 'Access-Control-Allow-Origin': env.ALLOWED_ORIGIN } });
  },
};
declare const Deno: { env: { get(name: string): string | undefined } };
declare const Bun: { env: Record<string, string | undefined> };
const denoHeaders = new Headers({ 'Access-Control-Allow-Origin': Deno.env.get('CORS_ORIGIN') ?? '' });
const bunHeaders = { 'Access-Control-Allow-Origin': Bun.env.CORS_ORIGIN ?? '' };
new Response(null, { headers: bunHeaders });
const viteHeaders = new Headers([['Access-Control-Allow-Origin', import.meta.env.VITE_ORIGIN]]);`,
      // No origin at all is no header: each goes from its object or list.
      output: `export default {
  async fetch(request: Request, env: { ALLOWED_ORIGIN: string }): Promise<Response> {
    return new Response('ok', { headers: {} });
  },
};
declare const Deno: { env: { get(name: string): string | undefined } };
declare const Bun: { env: Record<string, string | undefined> };
const denoHeaders = new Headers({});
const bunHeaders = {};
new Response(null, { headers: bunHeaders });
const viteHeaders = new Headers([]);`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ALLOWED_ORIGIN`', credentials: '' },
          line: 3,
          column: 75,
          endLine: 3,
          endColumn: 93,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `export default {
  async fetch(request: Request, env: { ALLOWED_ORIGIN: string }): Promise<Response> {
    return new Response('ok', { headers: { 'Access-Control-Allow-Origin': 'https://app.example.com' } });
  },
};
declare const Deno: { env: { get(name: string): string | undefined } };
declare const Bun: { env: Record<string, string | undefined> };
const denoHeaders = new Headers({ 'Access-Control-Allow-Origin': Deno.env.get('CORS_ORIGIN') ?? '' });
const bunHeaders = { 'Access-Control-Allow-Origin': Bun.env.CORS_ORIGIN ?? '' };
new Response(null, { headers: bunHeaders });
const viteHeaders = new Headers([['Access-Control-Allow-Origin', import.meta.env.VITE_ORIGIN]]);`,
            },
          ],
        },
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGIN`', credentials: '' },
          line: 8,
          column: 66,
          endLine: 8,
          endColumn: 93,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `export default {
  async fetch(request: Request, env: { ALLOWED_ORIGIN: string }): Promise<Response> {
    return new Response('ok', { headers: { 'Access-Control-Allow-Origin': env.ALLOWED_ORIGIN } });
  },
};
declare const Deno: { env: { get(name: string): string | undefined } };
declare const Bun: { env: Record<string, string | undefined> };
const denoHeaders = new Headers({ 'Access-Control-Allow-Origin': 'https://app.example.com' });
const bunHeaders = { 'Access-Control-Allow-Origin': Bun.env.CORS_ORIGIN ?? '' };
new Response(null, { headers: bunHeaders });
const viteHeaders = new Headers([['Access-Control-Allow-Origin', import.meta.env.VITE_ORIGIN]]);`,
            },
          ],
        },
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGIN`', credentials: '' },
          line: 9,
          column: 53,
          endLine: 9,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `export default {
  async fetch(request: Request, env: { ALLOWED_ORIGIN: string }): Promise<Response> {
    return new Response('ok', { headers: { 'Access-Control-Allow-Origin': env.ALLOWED_ORIGIN } });
  },
};
declare const Deno: { env: { get(name: string): string | undefined } };
declare const Bun: { env: Record<string, string | undefined> };
const denoHeaders = new Headers({ 'Access-Control-Allow-Origin': Deno.env.get('CORS_ORIGIN') ?? '' });
const bunHeaders = { 'Access-Control-Allow-Origin': 'https://app.example.com' };
new Response(null, { headers: bunHeaders });
const viteHeaders = new Headers([['Access-Control-Allow-Origin', import.meta.env.VITE_ORIGIN]]);`,
            },
          ],
        },
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`VITE_ORIGIN`', credentials: '' },
          line: 11,
          column: 66,
          endLine: 11,
          endColumn: 93,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `export default {
  async fetch(request: Request, env: { ALLOWED_ORIGIN: string }): Promise<Response> {
    return new Response('ok', { headers: { 'Access-Control-Allow-Origin': env.ALLOWED_ORIGIN } });
  },
};
declare const Deno: { env: { get(name: string): string | undefined } };
declare const Bun: { env: Record<string, string | undefined> };
const denoHeaders = new Headers({ 'Access-Control-Allow-Origin': Deno.env.get('CORS_ORIGIN') ?? '' });
const bunHeaders = { 'Access-Control-Allow-Origin': Bun.env.CORS_ORIGIN ?? '' };
new Response(null, { headers: bunHeaders });
const viteHeaders = new Headers([['Access-Control-Allow-Origin', 'https://app.example.com']]);`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify and koa options',
      code: `import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';
await app.register(fastifyCors, { origin: process.env.CORS_ORIGINS?.split(',') });
koaApp.use(koaCors({ origin: process.env.CORS_ORIGIN }));`,
      options: [{ reportExactAllowlists: true }],
      output: `import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';
await app.register(fastifyCors, { origin: [] as string[] /* was env CORS_ORIGINS: list the allowed origins here */ });
koaApp.use(koaCors({ origin: () => '' /* was env CORS_ORIGIN: list the allowed origins here */ }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGINS`', credentials: '' },
          line: 3,
          column: 43,
          endLine: 3,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';
await app.register(fastifyCors, { origin: ['https://app.example.com'] });
koaApp.use(koaCors({ origin: process.env.CORS_ORIGIN }));`,
            },
          ],
        },
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGIN`', credentials: '' },
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';
await app.register(fastifyCors, { origin: process.env.CORS_ORIGINS?.split(',') });
koaApp.use(koaCors({ origin: (ctx) => (['https://app.example.com'].includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));`,
            },
          ],
        },
      ],
    },
    {
      name: "a name of the server's own origin that also says it is trusted",
      code: 'export const trusted = process.env.TRUSTED_EXTERNAL_ORIGIN;',
      output: null,
      errors: [
        {
          messageId: 'envOriginsLeaveFile',
          data: { name: '`TRUSTED_EXTERNAL_ORIGIN`' },
          line: 1,
          column: 24,
          endLine: 1,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: "export const trusted = '' /* was env TRUSTED_EXTERNAL_ORIGIN: list the allowed origins here */;",
            },
            { messageId: 'useConstantAllowlist', output: "export const trusted = 'https://app.example.com';" },
          ],
        },
      ],
    },
    {
      name: 'an origin allowlist exported for another file',
      code: `export const corsOrigins = process.env.CORS_ORIGINS?.split(',') ?? [];
export default { allowedOrigins: process.env.ALLOWED_ORIGINS };
createServer({ cors: { origin: process.env.MCP_CORS_ORIGIN } });`,
      output: null,
      errors: [
        {
          messageId: 'envOriginsLeaveFile',
          data: { name: '`CORS_ORIGINS`' },
          line: 1,
          column: 28,
          endLine: 1,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `export const corsOrigins = [] as string[] /* was env CORS_ORIGINS: list the allowed origins here */;
export default { allowedOrigins: process.env.ALLOWED_ORIGINS };
createServer({ cors: { origin: process.env.MCP_CORS_ORIGIN } });`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `export const corsOrigins = ['https://app.example.com'];
export default { allowedOrigins: process.env.ALLOWED_ORIGINS };
createServer({ cors: { origin: process.env.MCP_CORS_ORIGIN } });`,
            },
          ],
        },
        {
          messageId: 'envOriginsLeaveFile',
          data: { name: '`ALLOWED_ORIGINS`' },
          line: 2,
          column: 34,
          endLine: 2,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `export const corsOrigins = process.env.CORS_ORIGINS?.split(',') ?? [];
export default { allowedOrigins: '' /* was env ALLOWED_ORIGINS: list the allowed origins here */ };
createServer({ cors: { origin: process.env.MCP_CORS_ORIGIN } });`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `export const corsOrigins = process.env.CORS_ORIGINS?.split(',') ?? [];
export default { allowedOrigins: 'https://app.example.com' };
createServer({ cors: { origin: process.env.MCP_CORS_ORIGIN } });`,
            },
          ],
        },
        {
          messageId: 'envOriginsLeaveFile',
          data: { name: '`MCP_CORS_ORIGIN`' },
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `export const corsOrigins = process.env.CORS_ORIGINS?.split(',') ?? [];
export default { allowedOrigins: process.env.ALLOWED_ORIGINS };
createServer({ cors: { origin: '' /* was env MCP_CORS_ORIGIN: list the allowed origins here */ } });`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `export const corsOrigins = process.env.CORS_ORIGINS?.split(',') ?? [];
export default { allowedOrigins: process.env.ALLOWED_ORIGINS };
createServer({ cors: { origin: 'https://app.example.com' } });`,
            },
          ],
        },
      ],
    },
    {
      name: 'origin settings exported through a destructuring or passed to a constructor',
      code: `export const { PUBLIC_CORS_ORIGINS } = process.env;
const server = new McpServer({ cors: { origin: process.env.X_CORS_ORIGIN } });
server.connect();`,
      output: null,
      errors: [
        {
          messageId: 'envOriginsLeaveFile',
          data: { name: '`PUBLIC_CORS_ORIGINS`' },
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `export const PUBLIC_CORS_ORIGINS = ''; /* was env PUBLIC_CORS_ORIGINS: list the allowed origins here */
const server = new McpServer({ cors: { origin: process.env.X_CORS_ORIGIN } });
server.connect();`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `export const PUBLIC_CORS_ORIGINS = 'https://app.example.com';
const server = new McpServer({ cors: { origin: process.env.X_CORS_ORIGIN } });
server.connect();`,
            },
          ],
        },
        {
          messageId: 'envOriginsLeaveFile',
          data: { name: '`X_CORS_ORIGIN`' },
          line: 2,
          column: 48,
          endLine: 2,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `export const { PUBLIC_CORS_ORIGINS } = process.env;
const server = new McpServer({ cors: { origin: '' /* was env X_CORS_ORIGIN: list the allowed origins here */ } });
server.connect();`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `export const { PUBLIC_CORS_ORIGINS } = process.env;
const server = new McpServer({ cors: { origin: 'https://app.example.com' } });
server.connect();`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS, through module.exports',
      code: `const cors = require('cors');
module.exports = { corsOrigin: process.env.CORS_ORIGIN };
app.use(cors({ origin: process.env.CORS_ORIGIN }));`,
      ...commonjs,
      output: `const cors = require('cors');
module.exports = { corsOrigin: process.env.CORS_ORIGIN };
app.use(cors({ origin: false /* was env CORS_ORIGIN: list the allowed origins here */ }));`,
      errors: [
        {
          messageId: 'envOriginsLeaveFile',
          data: { name: '`CORS_ORIGIN`' },
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `const cors = require('cors');
module.exports = { corsOrigin: '' /* was env CORS_ORIGIN: list the allowed origins here */ };
app.use(cors({ origin: process.env.CORS_ORIGIN }));`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `const cors = require('cors');
module.exports = { corsOrigin: 'https://app.example.com' };
app.use(cors({ origin: process.env.CORS_ORIGIN }));`,
            },
          ],
        },
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGIN`', credentials: '' },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `const cors = require('cors');
module.exports = { corsOrigin: process.env.CORS_ORIGIN };
app.use(cors({ origin: ['https://app.example.com'] }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'ESM JavaScript',
      code: `import cors from 'cors';
const origins = process.env.CORS_ORIGINS ? process.env.CORS_ORIGINS.split(',') : ['http://localhost:6274'];
app.use(cors({ origin: origins }));`,
      options: [{ reportExactAllowlists: true }],
      ...esm,
      output: `import cors from 'cors';
const origins = process.env.CORS_ORIGINS ? [] /* was env CORS_ORIGINS: list the allowed origins here */ : ['http://localhost:6274'];
app.use(cors({ origin: origins }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGINS`', credentials: '' },
          line: 2,
          column: 44,
          endLine: 2,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from 'cors';
const origins = process.env.CORS_ORIGINS ? ['https://app.example.com'] : ['http://localhost:6274'];
app.use(cors({ origin: origins }));`,
            },
          ],
        },
      ],
    },
  ]),
});

// By default, the fail-closed change (deny the origin, require the token, bind loopback) is no
// autofix: it is the first suggestion, next to the others, as it can stop a client that works today.
ruleTester.run('no-env-allowed-origins: by default, the fail-closed change is the first suggestion', rule, {
  valid: [],
  invalid: [
    {
      name: 'a port after a whole host is no site, unless the text is then split into several origins',
      code: `import cors from 'cors';
app.use(cors({ origin: \`http://localhost:\${process.env.ORIGINS}\`.split(','), credentials: true }));`,
      output: null,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ORIGINS`', credentials: ', credentials included' },
          line: 2,
          column: 44,
          endLine: 2,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `import cors from 'cors';
app.use(cors({ origin: [] as string[] /* was env ORIGINS: list the allowed origins here */, credentials: true }));`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a host held in a constant, completed from the environment: no colon before a port closes it',
      code: `import cors from 'cors';
const HOST = 'localhost';
app.use(cors({ origin: \`http://\${HOST}\${process.env.ORIGIN_SUFFIX}\` }));`,
      output: null,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ORIGIN_SUFFIX`', credentials: '' },
          line: 3,
          column: 41,
          endLine: 3,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `import cors from 'cors';
const HOST = 'localhost';
app.use(cors({ origin: false /* was env ORIGIN_SUFFIX: list the allowed origins here */ }));`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from 'cors';
const HOST = 'localhost';
app.use(cors({ origin: ['https://app.example.com'] }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a host completed from the environment: the suggestions replace the whole origin, not the piece in the template',
      code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', \`http://localhost\${process.env.ORIGIN_SUFFIX}\`);
  next();
});`,
      output: null,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ORIGIN_SUFFIX`', credentials: '' },
          line: 2,
          column: 67,
          endLine: 2,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `app.use((req, res, next) => {
  next();
});`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'by default, the empty allowlist is the first suggestion for an allowlist that reaches cors()',
      code: `import cors from 'cors';
const allowedOrigins = process.env.CORS_ALLOWED_ORIGINS?.split(',').map((origin) => origin.trim()) ?? [];
app.use(cors({ origin: allowedOrigins, credentials: true }));`,
      output: null,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ALLOWED_ORIGINS`', credentials: ', credentials included' },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `import cors from 'cors';
const allowedOrigins = [] as string[] /* was env CORS_ALLOWED_ORIGINS: list the allowed origins here */;
app.use(cors({ origin: allowedOrigins, credentials: true }));`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from 'cors';
const allowedOrigins = ['https://app.example.com'];
app.use(cors({ origin: allowedOrigins, credentials: true }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'by default, a header from the environment gets the empty value first',
      ...commonjs,
      code: `const { CORS_ORIGIN } = process.env;
app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', CORS_ORIGIN);
  next();
});`,
      output: null,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGIN`', credentials: '' },
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `const CORS_ORIGIN = ''; /* was env CORS_ORIGIN: list the allowed origins here */
app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', CORS_ORIGIN);
  next();
});`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `const CORS_ORIGIN = 'https://app.example.com';
app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', CORS_ORIGIN);
  next();
});`,
            },
          ],
        },
      ],
    },
  ],
});

// `parseCsv(process.env.CORS_ALLOWED_ORIGINS)`: a function of the project that only reshapes its
// argument into what it returns hands the value back, so the list goes where the call's result
// goes; it is judged there, as an inline `.split(',')` would be.
const csvServer = (read: string, credentials: string): string => `import express from 'express';
import cors from 'cors';

function parseCsv(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(',').map((part) => part.trim());
}

const origins = parseCsv(${read});
express().use(cors({ origin: origins, credentials: ${credentials} }));`;

const BARE_RETURN = (read: string): string => `import express from 'express';
import cors from 'cors';
function parseOrigins(value: string | undefined) {
  if (!value) return;
  return value.split(',');
}
const app = express();
app.use(cors({ origin: parseOrigins(${read}) }));`;
const REMEMBER = (read: string): string => `import { register } from './registry';
function remember(value: string | undefined): string[] {
  register(value);
  return value ? value.split(',') : [];
}
remember(${read});`;
const IGNORE = (read: string): string => `function ignore(value: string | undefined): string[] {
  return [];
}
export const origins = ignore(${read});`;

ruleTester.run('no-env-allowed-origins: through a function that reshapes the value', rule, {
  valid: [
    {
      name: 'an exact list without credentials, parsed by a helper of the file',
      code: csvServer('process.env.CORS_ALLOWED_ORIGINS', 'false'),
    },
    {
      name: 'a helper whose arrow body is the reshaped value',
      code: `import express from 'express';
import cors from 'cors';
const parse = (value = '') => value.split(',');
const origins = parse(process.env.MCP_ALLOWED_ORIGINS);
express().use(cors({ origin: origins }));`,
    },
  ],
  invalid: [
    {
      name: 'with credentials: reported at the read; what the function makes of an empty string is its own, so only a list is offered',
      code: csvServer('process.env.CORS_ALLOWED_ORIGINS', 'true'),
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ALLOWED_ORIGINS`', credentials: ', credentials included' },
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 58,
          suggestions: [{ messageId: 'useConstantAllowlist', output: csvServer("'https://app.example.com'", 'true') }],
        },
      ],
    },
    {
      name: 'a helper that also hands the value to another module: it leaves the file',
      code: REMEMBER('process.env.CORS_ALLOWED_ORIGINS'),
      errors: [
        {
          messageId: 'envOriginsLeaveFile',
          data: { name: '`CORS_ALLOWED_ORIGINS`' },
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 42,
          suggestions: [{ messageId: 'useConstantAllowlist', output: REMEMBER("'https://app.example.com'") }],
        },
      ],
    },
    ...[
      {
        name: 'a helper that returns the value from a callback it hands on',
        code: (read: string) => `import { configure } from '@acme/gateway';
function setupOrigins(value: string | undefined) {
  configure({ allowedOrigins: () => { return value; } });
  return [];
}
setupOrigins(${read});`,
        column: 14,
      },
      {
        name: 'a helper that hands the value on inside a string',
        code: (read: string) => `import { configure } from '@acme/gateway';
function setupOrigins(value: string | undefined) {
  configure('' + value);
  return [];
}
setupOrigins(${read});`,
        column: 14,
      },
    ].map(({ name, code, column }) => ({
      name,
      code: code('process.env.ALLOWED_ORIGINS'),
      errors: [
        {
          messageId: 'envOriginsLeaveFile' as const,
          line: 6,
          column,
          suggestions: [{ messageId: 'useConstantAllowlist' as const, output: code("'https://app.example.com'") }],
        },
      ],
    })),
    {
      name: 'the same helper on one side of a `?:`',
      code: BARE_RETURN('process.env.CORS_ORIGINS').replace(
        'origin: parseOrigins(',
        "origin: process.env.NODE_ENV === 'development' ? ['http://localhost:5173'] : parseOrigins(",
      ),
      errors: [
        {
          messageId: 'envAllowedOrigins',
          line: 8,
          column: 106,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: BARE_RETURN("'https://app.example.com'").replace(
                'origin: parseOrigins(',
                "origin: process.env.NODE_ENV === 'development' ? ['http://localhost:5173'] : parseOrigins(",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a helper that can return nothing: `cors` takes an undefined `origin` as `*`',
      code: BARE_RETURN('process.env.CORS_ORIGINS'),
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGINS`', credentials: '' },
          line: 8,
          column: 37,
          endLine: 8,
          endColumn: 61,
          suggestions: [{ messageId: 'useConstantAllowlist', output: BARE_RETURN("'https://app.example.com'") }],
        },
      ],
    },
    {
      name: 'a helper that ignores its argument hands nothing back, and its call hands the value on',
      code: IGNORE('process.env.CORS_ALLOWED_ORIGINS'),
      errors: [
        {
          messageId: 'envOriginsLeaveFile',
          line: 4,
          column: 31,
          suggestions: [{ messageId: 'useConstantAllowlist', output: IGNORE("'https://app.example.com'") }],
        },
      ],
    },
  ],
});

// A policy in front of endpoints that all refuse a request without a bearer token: any site the
// environment names reads only refusals (docs/threat-model.md), unless credentials are allowed
// or `trustCredentialChecks` is off (`strict`).
const BEARER_GUARDED = (extra = ''): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const app = express();
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', process.env.CORS_ORIGIN || '*');${extra}
  next();
});
app.post('/mcp', async (req, res) => {
  if (req.headers.authorization !== \`Bearer \${process.env.AUTH_TOKEN}\`) {
    res.status(401).end();
    return;
  }
  await new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res);
});
app.listen(3000, '127.0.0.1');`;

const bearerGuardedError = (extra: string, credentials: string) => ({
  messageId: 'envAllowedOrigins' as const,
  data: { name: '`CORS_ORIGIN`', credentials },
  line: 6,
  column: 48,
  endLine: 6,
  endColumn: 71,
  suggestions: [
    {
      messageId: 'useEmptyAllowlist' as const,
      // No origin at all is no header.
      output: BEARER_GUARDED(extra).replace(
        "\n  res.setHeader('Access-Control-Allow-Origin', process.env.CORS_ORIGIN || '*');",
        '',
      ),
    },
    {
      messageId: 'useConstantAllowlist' as const,
      output: BEARER_GUARDED(extra).replace("process.env.CORS_ORIGIN || '*'", "'https://app.example.com'"),
    },
  ],
});

const WITH_CREDENTIALS = "\n  res.setHeader('Access-Control-Allow-Credentials', 'true');";

ruleTester.run('no-env-allowed-origins: a policy in front of endpoints that check a bearer token', rule, {
  valid: [
    {
      name: 'every endpoint refuses a request without the token, and no credentials are allowed',
      code: BEARER_GUARDED(),
    },
  ],
  invalid: [
    {
      name: 'with `trustCredentialChecks` off (`strict`)',
      code: BEARER_GUARDED(),
      options: [{ trustCredentialChecks: false }],
      output: null,
      errors: [bearerGuardedError('', '')],
    },
    {
      name: 'credentials allowed beside it: the cookies the page sends are the credential',
      code: BEARER_GUARDED(WITH_CREDENTIALS),
      output: null,
      errors: [bearerGuardedError(WITH_CREDENTIALS, ', credentials included')],
    },
  ],
});

/** An allowlist from the environment, copied by `copy`, then given to `cors()` or (`use` 'export') exported. */
const COPIED = (copy: string, use: string): string => `import express from 'express';
import cors from 'cors';

const extra = process.env.ALLOWED_ORIGINS?.split(',') ?? [];
${use === 'export' ? `export const origins = ${copy};` : `const origins = ${copy};\nexpress().use(cors({ origin: origins }));`}`;

ruleTester.run('no-env-allowed-origins: an allowlist copied by a built-in', rule, {
  valid: [
    'Array.from(extra)',
    "['https://claude.ai'].concat(extra)",
    'Array.from(new Set(extra))',
    'Object.freeze(extra)',
  ].map((copy) => ({ name: `\`${copy}\` keeps the list in this file`, code: COPIED(copy, 'local') })),
  invalid: [
    {
      name: 'a copy that is exported takes the list out of this file',
      code: COPIED('Array.from(extra)', 'export'),
      output: null,
      errors: [
        {
          messageId: 'envOriginsLeaveFile',
          data: { name: '`ALLOWED_ORIGINS`' },
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: COPIED('Array.from(extra)', 'export').replace(
                "process.env.ALLOWED_ORIGINS?.split(',') ?? []",
                '[] as string[] /* was env ALLOWED_ORIGINS: list the allowed origins here */',
              ),
            },
            {
              messageId: 'useConstantAllowlist',
              output: COPIED('Array.from(extra)', 'export').replace(
                "process.env.ALLOWED_ORIGINS?.split(',') ?? []",
                "['https://app.example.com']",
              ),
            },
          ],
        },
      ],
    },
  ],
});

// `@nestjs/config`'s ConfigService reads the environment (and `.env` files) by the variable's name.
const NEST_CONFIG = (lookup: string, service = 'ConfigService'): string => `import { NestFactory } from '@nestjs/core';
import { ${service} } from '@nestjs/config';
import { AppModule } from './mcp/app.module';

const app = await NestFactory.create(AppModule);
const config = app.get(${service});
const origins = ${lookup};
app.enableCors({ origin: origins, credentials: true });
await app.listen(3000, '127.0.0.1');`;

/** A bootstrap class whose ConfigService is injected as a parameter property; `origin` is `origin`. */
const INJECTED = (origin: string): string => `import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { AppModule } from './mcp/app.module';

export class Bootstrap {
  constructor(private readonly config: ConfigService) {}
  async start(): Promise<void> {
    const app = await NestFactory.create(AppModule);
    app.enableCors({ origin: ${origin}, credentials: true });
    await app.listen(3000, '127.0.0.1');
  }
}`;

const NEST_READ = "config.getOrThrow<string>('CORS_ORIGINS').split(',')";

ruleTester.run("no-env-allowed-origins: NestJS config's ConfigService", rule, {
  valid: [
    {
      name: 'a key that names no allowlist, read for something else',
      code: NEST_CONFIG("['http://localhost:5173']").replace(
        'await app.listen(3000',
        "await app.listen(Number(config.get('PORT') ?? 3000)",
      ),
    },
    {
      name: 'a dotted path, which names a configuration namespace rather than a variable',
      code: NEST_CONFIG("config.getOrThrow<string>('cors.origins').split(',')"),
    },
    {
      name: 'a `ConfigService` of another package',
      code: NEST_CONFIG(NEST_READ).replace("from '@nestjs/config'", "from './config.service'"),
    },
  ],
  invalid: [
    {
      name: '`app.get(ConfigService).getOrThrow(name)`',
      code: NEST_CONFIG(NEST_READ),
      output: null,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGINS`', credentials: ', credentials included' },
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: NEST_CONFIG('[] as string[] /* was env CORS_ORIGINS: list the allowed origins here */'),
            },
            { messageId: 'useConstantAllowlist', output: NEST_CONFIG("['https://app.example.com']") },
          ],
        },
      ],
    },
    {
      name: 'a service injected as a parameter property, read as `this.config.get(name)`',
      code: INJECTED("this.config.get<string>('ALLOWED_ORIGINS')?.split(',')"),
      output: null,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ALLOWED_ORIGINS`', credentials: ', credentials included' },
          line: 9,
          column: 30,
          endLine: 9,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: INJECTED('[] as string[] /* was env ALLOWED_ORIGINS: list the allowed origins here */'),
            },
            { messageId: 'useConstantAllowlist', output: INJECTED("['https://app.example.com']") },
          ],
        },
      ],
    },
  ],
});

/** `cors()` given a list read through an environment getter of the file. */
const ENV_GETTER = (
  origin: string,
  getter = "const getEnvVar = (key: string, fallback = '') => process.env[key] || fallback;",
): string => `import express from 'express';
import cors from 'cors';

${getter}
const app = express();
app.use(cors({ origin: ${origin}, credentials: true }));`;

/** A getter that holds the read in a constant before it returns it. */
const HELD_GETTER =
  'function getEnvVar(key: string, fallback: string): string {\n  const value = process.env[key];\n  return value === undefined ? fallback : value;\n}';

ruleTester.run('no-env-allowed-origins: a list read through an environment getter', rule, {
  valid: [
    {
      name: 'the getter given a name the file does not fix',
      code: ENV_GETTER("getEnvVar(process.argv[2] ?? '').split(',')"),
    },
  ],
  invalid: [
    {
      name: 'a getter that holds `process.env[key]` in a constant before it returns it',
      code: ENV_GETTER("getEnvVar('ALLOWED_ORIGINS', '').split(',')", HELD_GETTER),
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ALLOWED_ORIGINS`', credentials: ', credentials included' },
          line: 9,
          column: 24,
          endLine: 9,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: ENV_GETTER(
                '[] as string[] /* was env ALLOWED_ORIGINS: list the allowed origins here */',
                HELD_GETTER,
              ),
            },
            {
              messageId: 'useConstantAllowlist',
              output: ENV_GETTER("['https://app.example.com']", HELD_GETTER),
            },
          ],
        },
      ],
    },
    {
      name: "getEnvVar('ALLOWED_ORIGINS', fallback) reads the variable its argument names",
      code: ENV_GETTER("getEnvVar('ALLOWED_ORIGINS', 'http://localhost:3002').split(',')"),
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ALLOWED_ORIGINS`', credentials: ', credentials included' },
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: ENV_GETTER('[] as string[] /* was env ALLOWED_ORIGINS: list the allowed origins here */'),
            },
            { messageId: 'useConstantAllowlist', output: ENV_GETTER("['https://app.example.com']") },
          ],
        },
      ],
    },
  ],
});

/** hono/cors given an origin from t3-env's `createEnv()`, whose `runtimeEnv` is `runtime`. */
const T3_ENV = (runtime: string, origin = 'env.APP_URL'): string => `import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

const env = createEnv({ server: { APP_URL: z.string().min(1) }, runtimeEnv: ${runtime} });
const app = new Hono();
app.use('*', cors({ origin: [${origin}, 'http://localhost:3002'], credentials: true }));`;

ruleTester.run("no-env-allowed-origins: t3-env's createEnv()", rule, {
  valid: [
    {
      name: 'a runtimeEnv of values written in the file',
      code: T3_ENV("{ APP_URL: 'https://notes.example.com' }"),
    },
  ],
  invalid: (['process.env', '{ APP_URL: process.env.APP_URL }'] as const).map((runtime) => ({
    name: `runtimeEnv: ${runtime}`,
    code: T3_ENV(runtime),
    errors: [
      {
        messageId: 'envAllowedOrigins' as const,
        data: { name: '`APP_URL`', credentials: ', credentials included' },
        line: 8,
        column: 30,
        endLine: 8,
        endColumn: 41,
        suggestions: [
          {
            messageId: 'useEmptyAllowlist' as const,
            output: T3_ENV(runtime, "'' /* was env APP_URL: list the allowed origins here */"),
          },
          { messageId: 'useConstantAllowlist' as const, output: T3_ENV(runtime, "'https://app.example.com'") },
        ],
      },
    ],
  })),
});

ruleTester.run('no-env-allowed-origins: a server that serves no MCP', rule, {
  valid: [
    {
      name: 'a REST app whose code never says MCP, with credentials allowed: not an MCP server',
      code: `const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: process.env.CORS_ORIGIN?.split(',') || ['http://localhost:5173'], credentials: true }));
app.post('/api/agents/run', (req, res) => res.json({ ok: true }));
app.listen(process.env.PORT || 3003);`,
    },
  ],
  invalid: [],
});

ruleTester.run('no-env-allowed-origins: a helper of the file that writes what it is given into a body', rule, {
  valid: [
    {
      name: 'an issuer URL in OAuth metadata, answered through `reply(data)`: `new Response(JSON.stringify(data))`',
      code: `const reply = (data: unknown): Response =>
  new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });

export function metadata(): Response {
  return reply({ issuer: process.env.SITE_ORIGIN, authorization_servers: [process.env.SITE_ORIGIN] });
}`,
    },
  ],
  invalid: [],
});

/** An app whose origin list comes from `env`, which a function of the project makes by `load`. */
const ENV_FACTORY = (load: string, origin = "env.CORS_ORIGINS.split(',')"): string => `import express from 'express';
import cors from 'cors';
import { z } from 'zod';

function createEnv<S extends z.ZodTypeAny>(schema: S): z.infer<S> {
  return ${load};
}

const env = createEnv(z.object({ CORS_ORIGINS: z.string().default('') }));
const app = express();
app.use(cors({ origin: ${origin}, credentials: true }));`;

ruleTester.run('no-env-allowed-origins: an environment object a function of the project makes', rule, {
  valid: [
    {
      name: 'the function parses constants of the source, not the environment',
      code: ENV_FACTORY("schema.parse({ CORS_ORIGINS: 'https://app.example.com' })"),
    },
  ],
  invalid: [
    {
      name: '`createEnv(schema)` that returns `schema.parse(process.env)`',
      code: ENV_FACTORY('schema.parse(process.env)'),
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGINS`', credentials: ', credentials included' },
          line: 11,
          column: 24,
          endLine: 11,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: ENV_FACTORY(
                'schema.parse(process.env)',
                '[] as string[] /* was env CORS_ORIGINS: list the allowed origins here */',
              ),
            },
            {
              messageId: 'useConstantAllowlist',
              output: ENV_FACTORY('schema.parse(process.env)', "['https://app.example.com']"),
            },
          ],
        },
      ],
    },
  ],
});

/** An allowlist an inline function chooses: the environment's in production, a constant in development. */
const CHOSEN_INLINE = (origins = 'process.env.CORS_ORIGIN'): string => `import express from 'express';
import cors from 'cors';

const app = express();
const corsOrigin = ${origins};
const origin: cors.CorsOptions['origin'] = (() => {
  if (process.env.NODE_ENV === 'production') return corsOrigin!.split(',').map((o) => o.trim());
  return ['http://localhost:5173'];
})();
app.use(cors({ origin, credentials: true }));
app.post('/mcp', (_req, res) => res.json({ jsonrpc: '2.0', id: 1, result: {} }));
`;

ruleTester.run('no-env-allowed-origins: an allowlist a function called in place returns', rule, {
  valid: [
    { name: 'every value it returns is written in the source', code: CHOSEN_INLINE("'https://notes.example.com'") },
  ],
  invalid: [
    {
      name: 'one of the values it returns comes from the environment',
      code: CHOSEN_INLINE(),
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGIN`', credentials: ', credentials included' },
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: CHOSEN_INLINE("'' /* was env CORS_ORIGIN: list the allowed origins here */"),
            },
            { messageId: 'useConstantAllowlist', output: CHOSEN_INLINE("'https://app.example.com'") },
          ],
        },
      ],
    },
  ],
});

/**
 * A server whose `Access-Control-Allow-Origin` a helper picks from a list from the environment: the
 * request's origin when listed, else `fallback`; `credentials` as given.
 */
const PICKED_FROM_ENV = (
  credentials: boolean,
  list = "(process.env.ALLOWED_ORIGINS ?? '').split(',')",
  fallback = 'listed[0]!',
): string =>
  `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

function allowedOrigin(origin?: string): string {
  const listed = ${list};
  return origin && new Set(listed).has(origin) ? origin : ${fallback};
}
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });

http
  .createServer(async (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', allowedOrigin(req.headers.origin));${
      credentials ? "\n    res.setHeader('Access-Control-Allow-Credentials', 'true');" : ''
    }
    await transport.handleRequest(req, res);
  })
  .listen(3000, '127.0.0.1');`;

/** The report on the environment read (line 5) of PICKED_FROM_ENV, with its suggestions; `data` when given. */
const pickedFromEnvError = (credentials: boolean, data?: Record<string, string>) => ({
  messageId: 'envAllowedOrigins' as const,
  ...(data ? { data } : {}),
  line: 5,
  column: 19,
  endLine: 5,
  endColumn: 46,
  suggestions: [
    {
      messageId: 'useEmptyAllowlist' as const,
      output: PICKED_FROM_ENV(
        credentials,
        '[] as string[] /* was env ALLOWED_ORIGINS: list the allowed origins here */',
      ),
    },
    { messageId: 'useConstantAllowlist' as const, output: PICKED_FROM_ENV(credentials, "['https://app.example.com']") },
  ],
});

ruleTester.run('no-env-allowed-origins: a helper that answers with a member of a list from the environment', rule, {
  valid: [
    {
      name: 'an exact list, with a constant for the origins it does not hold: for `strict`',
      code: PICKED_FROM_ENV(false, undefined, "'https://app.example.com'"),
    },
  ],
  invalid: [
    {
      name: 'the first entry for the origins it does not hold: an entry of `*` answers every page',
      code: PICKED_FROM_ENV(false),
      output: null,
      errors: [pickedFromEnvError(false, { name: '`ALLOWED_ORIGINS`', credentials: '' })],
    },
    {
      name: 'with credentials: reported at the read, in the helper',
      code: PICKED_FROM_ENV(true),
      output: null,
      errors: [pickedFromEnvError(true)],
    },
  ],
});

/** A start function that fills `corsOrigins` from the environment when no option gave it, then `uses` it. */
const LET_FROM_ENV = (uses: string): string => `import { HttpServer } from './http-server';

export function start(options: { corsOrigins?: string[] }) {
  let corsOrigins = options.corsOrigins;
  if (!corsOrigins && process.env.MCP_CORS_ORIGINS) {
    corsOrigins = process.env.MCP_CORS_ORIGINS.split(',').map((origin) => origin.trim());
  }
  ${uses}
}`;

const HANDED_TO_SERVER = LET_FROM_ENV('return new HttpServer({ port: 3000, corsOrigins });');
const NULLISH_ASSIGNED = HANDED_TO_SERVER.replace(
  "if (!corsOrigins && process.env.MCP_CORS_ORIGINS) {\n    corsOrigins = process.env.MCP_CORS_ORIGINS.split(',').map((origin) => origin.trim());\n  }",
  "corsOrigins ??= process.env.MCP_CORS_ORIGINS?.split(',');",
);

/** A list from the environment that the module widens line by line, and only matches exactly itself. */
const WIDENED = `import http from 'node:http';

let origins: string[] = process.env.MCP_CORS_ORIGINS?.split(',') ?? [];
${['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'].map((key) => `if (process.env.EXTRA_${key}) origins = [...origins, process.env.EXTRA_${key}];`).join('\n')}
http
  .createServer((req, res) => {
    const origin = req.headers.origin;
    if (origin && origins.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
    res.end();
  })
  .listen(3000, '127.0.0.1');`;

ruleTester.run('no-env-allowed-origins: a variable assigned the list from the environment', rule, {
  valid: [
    // Each `origins = [...origins, …]` leads back to the binding being followed: read once, not
    // once per path (2^12 here), and it never leaves the file.
    { name: 'widened from itself a dozen times, matched exactly in this file', code: WIDENED },
    {
      name: 'only counted in a log line of this file',
      code: LET_FROM_ENV('console.error(`${corsOrigins?.length ?? 0} CORS origins`);'),
    },
  ],
  invalid: [
    {
      name: 'assigned with `??=`',
      code: NULLISH_ASSIGNED,
      output: null,
      errors: [
        {
          messageId: 'envOriginsLeaveFile',
          data: { name: '`MCP_CORS_ORIGINS`' },
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: NULLISH_ASSIGNED.replace(
                "process.env.MCP_CORS_ORIGINS?.split(',')",
                '[] as string[] /* was env MCP_CORS_ORIGINS: list the allowed origins here */',
              ),
            },
            {
              messageId: 'useConstantAllowlist',
              output: NULLISH_ASSIGNED.replace(
                "process.env.MCP_CORS_ORIGINS?.split(',')",
                "['https://app.example.com']",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'handed to a server of another module with the options',
      code: HANDED_TO_SERVER,
      output: null,
      errors: [
        {
          messageId: 'envOriginsLeaveFile',
          data: { name: '`MCP_CORS_ORIGINS`' },
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: HANDED_TO_SERVER.replace(
                "process.env.MCP_CORS_ORIGINS.split(',').map((origin) => origin.trim())",
                '[] as string[] /* was env MCP_CORS_ORIGINS: list the allowed origins here */',
              ),
            },
            {
              messageId: 'useConstantAllowlist',
              output: HANDED_TO_SERVER.replace(
                "process.env.MCP_CORS_ORIGINS.split(',').map((origin) => origin.trim())",
                "['https://app.example.com']",
              ),
            },
          ],
        },
      ],
    },
  ],
});

/** A daemon's origins from the environment, kept by `test` on each, handed to another module's server. */
const FILTERED = (test: string): string => `import { startDaemon } from './daemon-core';

const LOOPBACK_ORIGIN = /^http:\\/\\/(localhost|127\\.0\\.0\\.1):\\d{1,5}$/;
const raw = process.env.APP_CORS_ORIGINS ?? '';
const allowedOrigins = raw
  ? raw
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => ${test})
  : [];
await startDaemon({ port: 4100, allowedOrigins });`;

/** The report on FILTERED's read of the environment, with its two suggestions. */
const filteredReport = (code: string) => ({
  messageId: 'envOriginsLeaveFile' as const,
  data: { name: '`APP_CORS_ORIGINS`' },
  line: 4,
  column: 13,
  endLine: 4,
  endColumn: 41,
  suggestions: [
    {
      messageId: 'useEmptyAllowlist' as const,
      output: code.replace(
        "process.env.APP_CORS_ORIGINS ?? ''",
        "'' /* was env APP_CORS_ORIGINS: list the allowed origins here */",
      ),
    },
    {
      messageId: 'useConstantAllowlist' as const,
      output: code.replace("process.env.APP_CORS_ORIGINS ?? ''", "'https://app.example.com'"),
    },
  ],
});

const LOOSE_FILTER = FILTERED('/^https?:\\/\\/[^/]+$/.test(origin)');
const UNANCHORED_FILTER = FILTERED('/localhost/.test(origin)');
const LOOPBACK_FILTER = FILTERED('LOOPBACK_ORIGIN.test(origin)');

ruleTester.run('no-env-allowed-origins: a list filtered to origins the source names', rule, {
  valid: [
    {
      name: 'a regular expression literal that matches only loopback origins, whole',
      code: FILTERED('/^http:\\/\\/localhost:\\d+$/.test(origin)'),
    },
    { name: 'the same, held by a constant', code: LOOPBACK_FILTER },
  ],
  invalid: [
    {
      name: 'a filter that keeps any http(s) origin: an operator still lists any site',
      code: LOOSE_FILTER,
      output: null,
      errors: [filteredReport(LOOSE_FILTER)],
    },
    {
      name: 'a filter that is not anchored: `http://localhost.attacker.example` passes',
      code: UNANCHORED_FILTER,
      output: null,
      errors: [filteredReport(UNANCHORED_FILTER)],
    },
    ...[
      ['a wildcard after a named host: `http://localhost.attacker.example` passes', '/^http:\\/\\/localhost.*$/'],
      ['a class of host names: any Vercel deployment passes', '/^https:\\/\\/[a-z0-9-]+\\.vercel\\.app$/'],
      ['an alternation outside a group: its second branch has no `^`', '/^http:\\/\\/localhost:\\d+|.+\\.dev$/'],
      ['an escaped `$`, which anchors nothing', '/^https:\\/\\/localhost\\$/'],
    ].map(([name, regex]) => {
      const code = FILTERED(`${regex}.test(origin)`);
      return { name, code, output: null, errors: [filteredReport(code)] };
    }),
    {
      name: 'strict: every list from the environment, filtered or not',
      code: LOOPBACK_FILTER,
      options: [{ reportExactAllowlists: true }],
      output: null,
      errors: [filteredReport(LOOPBACK_FILTER)],
    },
  ],
});

ruleTester.run('no-env-allowed-origins: a constant list the read falls back to in source', rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'a list after `??` is the allowlist kept; the empty one is the other suggestion',
      code: `import cors from 'cors';
const allowedOrigins = process.env.ALLOWED_ORIGINS?.split(',') ?? ['http://localhost:6274'];
app.use(cors({ origin: allowedOrigins }));`,
      options: [{ reportExactAllowlists: true }],
      output: `import cors from 'cors';
const allowedOrigins = ['http://localhost:6274'];
app.use(cors({ origin: allowedOrigins }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ALLOWED_ORIGINS`', credentials: '' },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `import cors from 'cors';
const allowedOrigins = [] as string[] /* was env ALLOWED_ORIGINS: list the allowed origins here */;
app.use(cors({ origin: allowedOrigins }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a constant list of its own, in a Set: the Set keeps the constant',
      code: `import cors from 'cors';
const DEFAULT_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];
const allowed = new Set(process.env.CORS_ORIGINS?.split(',') ?? DEFAULT_ORIGINS);
app.use(cors({ origin: (origin, callback) => callback(null, allowed.has(origin ?? '')) }));`,
      options: [{ reportExactAllowlists: true }],
      output: `import cors from 'cors';
const DEFAULT_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];
const allowed = new Set(DEFAULT_ORIGINS);
app.use(cors({ origin: (origin, callback) => callback(null, allowed.has(origin ?? '')) }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGINS`', credentials: '' },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `import cors from 'cors';
const DEFAULT_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];
const allowed = new Set<string>() /* was env CORS_ORIGINS: list the allowed origins here */;
app.use(cors({ origin: (origin, callback) => callback(null, allowed.has(origin ?? '')) }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a comma-separated string the code splits is kept as a list',
      code: `import cors from 'cors';
const origins = (process.env.CORS_ORIGINS ?? 'http://localhost:3000, http://localhost:5173').split(',');
app.use(cors({ origin: origins }));`,
      options: [{ reportExactAllowlists: true }],
      output: `import cors from 'cors';
const origins = ['http://localhost:3000', 'http://localhost:5173'];
app.use(cors({ origin: origins }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGINS`', credentials: '' },
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `import cors from 'cors';
const origins = [] as string[] /* was env CORS_ORIGINS: list the allowed origins here */;
app.use(cors({ origin: origins }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a fallback that lets every origin in is no allowlist to keep',
      code: `import cors from 'cors';
const allowedOrigins = process.env.ALLOWED_ORIGINS?.split(',') ?? ['*'];
app.use(cors({ origin: allowedOrigins }));`,
      options: [{ reportExactAllowlists: true }],
      output: `import cors from 'cors';
const allowedOrigins = [] as string[] /* was env ALLOWED_ORIGINS: list the allowed origins here */;
app.use(cors({ origin: allowedOrigins }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ALLOWED_ORIGINS`', credentials: '' },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from 'cors';
const allowedOrigins = ['https://app.example.com'];
app.use(cors({ origin: allowedOrigins }));`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-env-allowed-origins: comments on the origin the fix replaces', rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'a comment that says every origin is allowed while the variable is unset goes with the read',
      code: `import cors from 'cors';
app.use(
  cors({
    origin: process.env.CORS_ORIGIN?.split(',') ?? ['http://localhost:6274'], // all origins in production
    credentials: true,
  }),
);`,
      output: `import cors from 'cors';
app.use(
  cors({
    origin: ['http://localhost:6274'],
    credentials: true,
  }),
);`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGIN`', credentials: ', credentials included' },
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `import cors from 'cors';
app.use(
  cors({
    origin: [] as string[] /* was env CORS_ORIGIN: list the allowed origins here */,
    credentials: true,
  }),
);`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run("no-env-allowed-origins: allowlists in the file's quotes and semicolons", rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'the placeholder origin in a constant list',
      code: `import cors from "cors"

const allowedOrigins = process.env.CORS_ALLOWED_ORIGINS?.split(",").map((origin) => origin.trim()) ?? []
app.use(cors({ origin: allowedOrigins, credentials: true }))`,
      output: `import cors from "cors"

const allowedOrigins = [] as string[] /* was env CORS_ALLOWED_ORIGINS: list the allowed origins here */
app.use(cors({ origin: allowedOrigins, credentials: true }))`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ALLOWED_ORIGINS`', credentials: ', credentials included' },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from "cors"

const allowedOrigins = ["https://app.example.com"]
app.use(cors({ origin: allowedOrigins, credentials: true }))`,
            },
          ],
        },
      ],
    },
    {
      name: 'the fallback origin the file has is kept in its quotes',
      code: `import cors from "cors"
app.use(cors({ origin: process.env.CORS_ORIGIN || "http://localhost:3000" }))`,
      output: `import cors from "cors"
app.use(cors({ origin: ["http://localhost:3000"] }))`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGIN`', credentials: '' },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `import cors from "cors"
app.use(cors({ origin: false /* was env CORS_ORIGIN: list the allowed origins here */ }))`,
            },
          ],
        },
      ],
    },
    {
      name: 'a binding destructured from process.env becomes a constant with no semicolon',
      code: `import cors from "cors"
const { ALLOWED_ORIGINS, PORT } = process.env
app.use(cors({ origin: ALLOWED_ORIGINS!.split(",") }))`,
      options: [{ reportExactAllowlists: true }],
      output: `import cors from "cors"
const { PORT } = process.env
const ALLOWED_ORIGINS = "" /* was env ALLOWED_ORIGINS: list the allowed origins here */
app.use(cors({ origin: ALLOWED_ORIGINS!.split(",") }))`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ALLOWED_ORIGINS`', credentials: '' },
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from "cors"
const { PORT } = process.env
const ALLOWED_ORIGINS = "https://app.example.com"
app.use(cors({ origin: ALLOWED_ORIGINS!.split(",") }))`,
            },
          ],
        },
      ],
    },
  ]),
});

// @koa/cors's deny and allowlist functions are written in the file's quotes.
ruleTester.run("no-env-allowed-origins: the fixes in the file's quotes", rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: '@koa/cors given the environment, in a file with double quotes and no semicolons',
      code: `import Koa from "koa"
import cors from "@koa/cors"

const app = new Koa()
app.use(cors({ origin: process.env.CORS_ORIGIN }))`,
      output: `import Koa from "koa"
import cors from "@koa/cors"

const app = new Koa()
app.use(cors({ origin: () => "" /* was env CORS_ORIGIN: list the allowed origins here */ }))`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGIN`', credentials: '' },
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import Koa from "koa"
import cors from "@koa/cors"

const app = new Koa()
app.use(cors({ origin: (ctx) => (["https://app.example.com"].includes(ctx.get("Origin")) ? ctx.get("Origin") : "") }))`,
            },
          ],
        },
      ],
    },
  ]),
});
