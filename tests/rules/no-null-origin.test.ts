import rule from '../../src/rules/no-null-origin';
import { commonjs, createRuleTester, esm, failClosedFix } from '../rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('no-null-origin', rule, {
  valid: [
    {
      name: 'allowlists of real origins, as an option and before an echo',
      code: `import cors from 'cors';
const ALLOWED_ORIGINS = ['https://app.example.com', 'http://localhost:6274'];
app.use(cors({ origin: ALLOWED_ORIGINS, credentials: true }));
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED_ORIGINS.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
    },
    {
      name: "turning 'null' away, in a gate, a blocklist and an origin function",
      code: `import cors from 'cors';
const BLOCKED_ORIGINS = ['null'];
app.use(cors({ origin: (origin, callback) => callback(null, origin !== 'null' && origin === 'https://app.example.com') }));
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin === 'null') return res.status(403).end();
  if (BLOCKED_ORIGINS.includes(origin ?? '')) return res.status(403).end();
  if (origin !== 'null' && origin === 'https://app.example.com') res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
    },
    {
      name: "'null' strings that are not origins",
      code: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  const body = JSON.parse('null');
  if (req.query.mode === 'null') res.setHeader('X-Mode', 'null');
  res.setHeader('Access-Control-Allow-Headers', 'null');
  const cache = { origin: 'null' };
  next();
});`,
    },
    {
      name: "the JavaScript null is not the origin 'null'",
      code: `import { cors } from 'hono/cors';
honoApp.use(cors({ origin: (origin) => (origin === 'https://app.example.com' ? origin : null) }));`,
    },
    {
      name: 'an origin option of something that is not a CORS middleware',
      code: `import cors from './my-cors';
app.use(cors({ origin: ['null'] }));`,
    },
  ],
  invalid: failClosedFix([
    {
      name: "'null' in a cors allowlist with credentials",
      code: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com', 'null'], credentials: true }));`,
      output: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));`,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'The `origin` allowlist of `cors()`', credentials: ', credentials included' },
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 58,
          suggestions: [],
        },
      ],
    },
    {
      name: "origin: 'null' on each middleware gets its deny value",
      code: `import cors from 'cors';
import fastifyCors from '@fastify/cors';
import { cors as honoCors } from 'hono/cors';
import koaCors from '@koa/cors';
app.use(cors({ origin: 'null' }));
await fastify.register(fastifyCors, { origin: 'null' });
honoApp.use(honoCors({ origin: 'null' }));
koaApp.use(koaCors({ origin: 'null' }));`,
      output: `import cors from 'cors';
import fastifyCors from '@fastify/cors';
import { cors as honoCors } from 'hono/cors';
import koaCors from '@koa/cors';
app.use(cors({ origin: false }));
await fastify.register(fastifyCors, { origin: false });
honoApp.use(honoCors({ origin: [] }));
koaApp.use(koaCors({ origin: () => '' }));`,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: "`cors()` with `origin: 'null'`", credentials: '' },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 30,
          suggestions: [],
        },
        {
          messageId: 'nullOrigin',
          data: { policy: "`@fastify/cors` with `origin: 'null'`", credentials: '' },
          line: 6,
          column: 39,
          endLine: 6,
          endColumn: 53,
          suggestions: [],
        },
        {
          messageId: 'nullOrigin',
          data: { policy: "`hono/cors` with `origin: 'null'`", credentials: '' },
          line: 7,
          column: 24,
          endLine: 7,
          endColumn: 38,
          suggestions: [],
        },
        {
          messageId: 'nullOrigin',
          data: { policy: "`@koa/cors` with `origin: 'null'`", credentials: '' },
          line: 8,
          column: 22,
          endLine: 8,
          endColumn: 36,
          suggestions: [],
        },
      ],
    },
    {
      name: "'null' in one branch of a ternary, and a hono allowlist with nothing else",
      code: `import cors from 'cors';
import { cors as honoCors } from 'hono/cors';
const dev = process.env.NODE_ENV !== 'production';
app.use(cors({ origin: dev ? 'null' : 'https://app.example.com' }));
honoApp.use(honoCors({ origin: ['null'] }));`,
      output: `import cors from 'cors';
import { cors as honoCors } from 'hono/cors';
const dev = process.env.NODE_ENV !== 'production';
app.use(cors({ origin: dev ? false : 'https://app.example.com' }));
honoApp.use(honoCors({ origin: [] }));`,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: "`cors()` with `origin: 'null'`", credentials: '' },
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 36,
          suggestions: [],
        },
        {
          messageId: 'nullOrigin',
          data: { policy: 'The `origin` allowlist of `hono/cors`', credentials: '' },
          line: 5,
          column: 33,
          endLine: 5,
          endColumn: 39,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a module-level allowlist that guards an echo',
      code: `const ALLOWED_ORIGINS = [
  'https://app.example.com',
  'null',
];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED_ORIGINS.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});`,
      output: `const ALLOWED_ORIGINS = [
  'https://app.example.com',
];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED_ORIGINS.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});`,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'This origin allowlist', credentials: ', credentials included' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 9,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a Set allowlist and a comparison that guard echoes',
      code: `const ALLOWED_ORIGINS = new Set(['null', 'https://app.example.com']);
app.use((req, res, next) => {
  const origin = req.get('Origin') ?? '';
  if (ALLOWED_ORIGINS.has(origin)) res.set('Access-Control-Allow-Origin', origin);
  if (origin === 'null' || origin === 'https://admin.example.com') res.set('Access-Control-Allow-Origin', origin);
  next();
});`,
      output: `const ALLOWED_ORIGINS = new Set(['https://app.example.com']);
app.use((req, res, next) => {
  const origin = req.get('Origin') ?? '';
  if (ALLOWED_ORIGINS.has(origin)) res.set('Access-Control-Allow-Origin', origin);
  if (origin === 'https://admin.example.com') res.set('Access-Control-Allow-Origin', origin);
  next();
});`,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'This origin allowlist', credentials: '' },
          line: 1,
          column: 34,
          endLine: 1,
          endColumn: 40,
          suggestions: [],
        },
        {
          messageId: 'nullOrigin',
          data: { policy: 'This origin check', credentials: '' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 24,
          suggestions: [],
        },
      ],
    },
    {
      name: "origin functions that let 'null' in",
      code: `import cors from 'cors';
import { cors as honoCors } from 'hono/cors';
const TRUSTED = ['https://app.example.com', 'null'];
app.use(cors({ origin: (origin, callback) => callback(null, origin === 'null' || TRUSTED.includes(origin ?? '')) }));
honoApp.use(honoCors({ origin: (origin) => (origin === 'null' ? origin : null) }));
honoApp.use(honoCors({ origin: () => 'null' }));`,
      output: `import cors from 'cors';
import { cors as honoCors } from 'hono/cors';
const TRUSTED = ['https://app.example.com'];
app.use(cors({ origin: (origin, callback) => callback(null, TRUSTED.includes(origin ?? '')) }));
honoApp.use(honoCors({ origin: (origin) => (origin === 'null' ? origin : null) }));
honoApp.use(honoCors({ origin: () => 'null' }));`,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'This origin allowlist', credentials: '' },
          line: 3,
          column: 45,
          endLine: 3,
          endColumn: 51,
          suggestions: [],
        },
        {
          messageId: 'nullOrigin',
          data: { policy: 'This origin check', credentials: '' },
          line: 4,
          column: 72,
          endLine: 4,
          endColumn: 78,
          suggestions: [],
        },
        {
          messageId: 'nullOrigin',
          data: { policy: 'This origin check', credentials: '' },
          line: 5,
          column: 56,
          endLine: 5,
          endColumn: 62,
          suggestions: [],
        },
        {
          messageId: 'nullOrigin',
          data: { policy: 'This `origin` function of `hono/cors`', credentials: '' },
          line: 6,
          column: 38,
          endLine: 6,
          endColumn: 44,
          suggestions: [],
        },
      ],
    },
    {
      name: "a gate that exempts 'null' from the allowlist",
      code: `const ALLOWED_ORIGINS = ['https://app.example.com'];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null' && !ALLOWED_ORIGINS.includes(origin)) return res.sendStatus(403);
  next();
});`,
      output: `const ALLOWED_ORIGINS = ['https://app.example.com'];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin !== undefined && !ALLOWED_ORIGINS.includes(origin)) return res.sendStatus(403);
  next();
});`,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'This origin check', credentials: '' },
          line: 4,
          column: 42,
          endLine: 4,
          endColumn: 48,
          suggestions: [],
        },
      ],
    },
    {
      name: 'Access-Control-Allow-Origin: null headers',
      code: `import http from 'node:http';
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'null');
  res.writeHead(200, { 'Access-Control-Allow-Origin': 'null', 'Content-Type': 'application/json' });
  res.end('{}');
});`,
      output: `import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end('{}');
});`,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'This `Access-Control-Allow-Origin` header', credentials: '' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 55,
          suggestions: [],
        },
        {
          messageId: 'nullOrigin',
          data: { policy: 'This `Access-Control-Allow-Origin` header', credentials: '' },
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 61,
          suggestions: [],
        },
      ],
    },
    {
      name: "a header that is 'null' in one branch, with credentials",
      code: `app.use((req, res, next) => {
  res.set('Access-Control-Allow-Credentials', 'true');
  res.set('Access-Control-Allow-Origin', req.secure ? 'https://app.example.com' : 'null');
  next();
});`,
      output: `app.use((req, res, next) => {
  res.set('Access-Control-Allow-Credentials', 'true');
  res.set('Access-Control-Allow-Origin', req.secure ? 'https://app.example.com' : '');
  next();
});`,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'This `Access-Control-Allow-Origin` header', credentials: ', credentials included' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 90,
          suggestions: [],
        },
      ],
    },
    {
      name: 'CommonJS express',
      code: `const express = require('express');
const corsMiddleware = require('cors');
const app = express();
app.use(corsMiddleware({ origin: ['null', 'https://app.example.com'] }));`,
      ...commonjs,
      output: `const express = require('express');
const corsMiddleware = require('cors');
const app = express();
app.use(corsMiddleware({ origin: ['https://app.example.com'] }));`,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'The `origin` allowlist of `cors()`', credentials: '' },
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 41,
          suggestions: [],
        },
      ],
    },
    {
      name: 'ESM JavaScript web handler',
      code: `const ALLOWED_ORIGINS = ['https://app.example.com', 'null'];
export default {
  async fetch(request) {
    const origin = request.headers.get('Origin');
    const headers = new Headers();
    if (origin !== null && ALLOWED_ORIGINS.includes(origin)) headers.set('Access-Control-Allow-Origin', origin);
    return new Response('{}', { headers });
  },
};`,
      ...esm,
      output: `const ALLOWED_ORIGINS = ['https://app.example.com'];
export default {
  async fetch(request) {
    const origin = request.headers.get('Origin');
    const headers = new Headers();
    if (origin !== null && ALLOWED_ORIGINS.includes(origin)) headers.set('Access-Control-Allow-Origin', origin);
    return new Response('{}', { headers });
  },
};`,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'This origin allowlist', credentials: '' },
          line: 1,
          column: 53,
          endLine: 1,
          endColumn: 59,
          suggestions: [],
        },
      ],
    },
  ]),
});

// By default, the fail-closed change (deny the origin, require the token, bind loopback) is no
// autofix: it is the first suggestion, next to the others, as it can stop a client that works today.
ruleTester.run('no-null-origin: by default, the fail-closed change is the first suggestion', rule, {
  valid: [],
  invalid: [
    {
      name: "by default, removing 'null' is a suggestion, not the autofix",
      code: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com', 'null'], credentials: true }));`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'The `origin` allowlist of `cors()`', credentials: ', credentials included' },
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'removeNullOrigin',
              output: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));`,
            },
          ],
        },
      ],
    },
    {
      name: "by default, each middleware's deny value is suggested for origin: 'null'",
      code: `import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';
await fastify.register(fastifyCors, { origin: 'null' });
koaApp.use(koaCors({ origin: 'null' }));`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: "`@fastify/cors` with `origin: 'null'`", credentials: '' },
          line: 3,
          column: 39,
          endLine: 3,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'removeNullOrigin',
              output: `import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';
await fastify.register(fastifyCors, { origin: false });
koaApp.use(koaCors({ origin: 'null' }));`,
            },
          ],
        },
        {
          messageId: 'nullOrigin',
          data: { policy: "`@koa/cors` with `origin: 'null'`", credentials: '' },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'removeNullOrigin',
              output: `import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';
await fastify.register(fastifyCors, { origin: 'null' });
koaApp.use(koaCors({ origin: () => '' }));`,
            },
          ],
        },
      ],
    },
  ],
});

/** A header set to a match or the JS `null`, under `test`. */
const NULL_WHEN_NO_MATCH = (test: string): string => `import { createServer } from 'node:http';
createServer((req, res) => {
  const allowed = req.headers.origin === 'https://app.example.com' ? 'https://app.example.com' : null;
  if (${test}) res.setHeader('Access-Control-Allow-Origin', allowed);
  res.end('{}');
}).listen(3000, '127.0.0.1');`;

ruleTester.run('no-null-origin: a JS `null` that means no match', rule, {
  valid: [
    'allowed',
    'allowed !== null',
    'allowed != null',
    '!(allowed === null)',
    'req.method === "GET" && allowed',
  ].map((test) => ({ name: `\`if (${test})\` keeps the \`null\` from the header`, code: NULL_WHEN_NO_MATCH(test) })),
  invalid: [
    {
      name: '`if (allowed !== undefined)` lets the `null` through, which Node sends as `null`',
      code: NULL_WHEN_NO_MATCH('allowed !== undefined'),
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'This `Access-Control-Allow-Origin` header', credentials: '' },
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 83,
        },
      ],
    },
  ],
});

/** Middleware that refuses a request unless the test held in `allowed` passes. */
const HELD_GATE = (test: string): string => `import express from 'express';
import { handleMcp } from './mcp.js';

const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin ?? '';
  const allowed = ${test};
  if (!allowed) return res.status(403).end();
  next();
});
app.post('/mcp', handleMcp);
app.listen(3000, '127.0.0.1');`;

ruleTester.run('no-null-origin: a test held in a constant that the gate reads', rule, {
  valid: [{ name: 'no `null` among what it allows', code: HELD_GATE("origin === 'https://app.example.com'") }],
  invalid: [
    {
      name: "`const allowed = origin === 'null' || …; if (!allowed) return …`",
      code: HELD_GATE("origin === 'null' || origin === 'https://app.example.com'"),
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 36,
          suggestions: [{ messageId: 'removeNullOrigin', output: HELD_GATE("origin === 'https://app.example.com'") }],
        },
      ],
    },
  ],
});

// A `ws` server's `verifyClient` decides which pages may connect: browsers apply no same-origin
// policy to WebSocket, and a sandboxed iframe of any site opens one with `Origin: null`.

/** An MCP bridge whose `ws` server is given `verifyClient: ${verify}`. */
const WS_BRIDGE = (verify: string): string => `import { WebSocketServer } from 'ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnop';
const mcp = new McpServer({ name: 'bridge', version: '1.0.0' });
const wss = new WebSocketServer({
  port: 8765,
  host: '127.0.0.1',
  verifyClient: ${verify},
});
wss.on('connection', (socket) => socket.on('message', (data) => void mcp.server.notification(JSON.parse(String(data)))));`;

/** A `verifyClient(info, done)` that runs `check` on `const origin = info.origin`, then refuses. */
const CALLBACK_VERIFY = (
  check: string,
): string => `(info: { origin?: string }, done: (ok: boolean, code?: number) => void) => {
    const origin = info.origin;
    ${check}
    done(false, 403);
  }`;

ruleTester.run('no-null-origin: ws verifyClient', rule, {
  valid: [
    {
      name: 'clients that send no Origin and the extension only',
      code: WS_BRIDGE('({ origin }: { origin?: string }) => !origin || origin === EXTENSION_ORIGIN'),
    },
    {
      name: "a callback that turns 'null' away first",
      code: WS_BRIDGE(
        CALLBACK_VERIFY(
          "if (origin === 'null') return done(false, 403);\n    if (origin === EXTENSION_ORIGIN) return done(true);",
        ),
      ),
    },
  ],
  invalid: [
    {
      name: "a callback that lets 'null' in beside clients that send no Origin",
      code: WS_BRIDGE(CALLBACK_VERIFY("if (!origin || origin === 'null') return done(true);")),
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'This origin check', credentials: '' },
          line: 11,
          column: 31,
          endLine: 11,
          endColumn: 37,
          suggestions: [
            { messageId: 'removeNullOrigin', output: WS_BRIDGE(CALLBACK_VERIFY('if (!origin) return done(true);')) },
          ],
        },
      ],
    },
    {
      name: "a test held in a name first (`const allowed = … || origin === 'null'`), then `if (allowed) done(true)`",
      code: WS_BRIDGE(
        CALLBACK_VERIFY(
          "const allowed = !origin || origin === 'null' || origin === EXTENSION_ORIGIN;\n    if (allowed) return done(true);",
        ),
      ),
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'This origin check', credentials: '' },
          line: 11,
          column: 43,
          endLine: 11,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'removeNullOrigin',
              output: WS_BRIDGE(
                CALLBACK_VERIFY(
                  'const allowed = !origin || origin === EXTENSION_ORIGIN;\n    if (allowed) return done(true);',
                ),
              ),
            },
          ],
        },
      ],
    },
    {
      name: "an answer that lets 'null' in, from a destructured Origin",
      code: WS_BRIDGE("({ origin }: { origin?: string }) => origin === 'null' || origin === EXTENSION_ORIGIN"),
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 9,
          column: 65,
          endLine: 9,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'removeNullOrigin',
              output: WS_BRIDGE('({ origin }: { origin?: string }) => origin === EXTENSION_ORIGIN'),
            },
          ],
        },
      ],
    },
    {
      name: "an allowlist with 'null' that info.origin is looked up in",
      code: WS_BRIDGE("(info: { origin?: string }) => ['null', EXTENSION_ORIGIN].includes(info.origin ?? '')"),
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 9,
          column: 49,
          endLine: 9,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'removeNullOrigin',
              output: WS_BRIDGE("(info: { origin?: string }) => [EXTENSION_ORIGIN].includes(info.origin ?? '')"),
            },
          ],
        },
      ],
    },
  ],
});

/** An echo behind `test`, made of each entry of a list that holds 'null' (`list` written as given). */
const ENTRY_BY_ENTRY = (
  test: string,
  list = "['https://app.example.com', 'null']",
): string => `import express from 'express';

const ALLOWED = ${list};

const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && ${test}) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
app.listen(3000, '127.0.0.1');`;

/** The report of the 'null' entry of ENTRY_BY_ENTRY's list, fixed by dropping it. */
const entryByEntryReport = (test: string) =>
  ({
    code: ENTRY_BY_ENTRY(test),
    output: ENTRY_BY_ENTRY(test, "['https://app.example.com']"),
    errors: [
      {
        messageId: 'nullOrigin',
        data: { policy: 'This origin allowlist', credentials: '' },
        line: 3,
        column: 45,
        endLine: 3,
        endColumn: 51,
        suggestions: [],
      },
    ],
  }) as const;

ruleTester.run('no-null-origin: a list checked entry by entry', rule, {
  valid: [
    {
      name: 'every() true: the origin must equal every entry, and no entry is compared alone',
      code: ENTRY_BY_ENTRY('ALLOWED.every((entry) => entry === origin)'),
    },
    {
      name: "the callback compares the origin with something else than the entry, while the list holds 'null'",
      code: ENTRY_BY_ENTRY("ALLOWED.some(() => origin === 'https://app.example.com')"),
    },
    {
      name: 'a list of real origins, compared entry by entry',
      code: ENTRY_BY_ENTRY('ALLOWED.some((entry) => entry === origin)', "['https://app.example.com']"),
    },
  ],
  invalid: failClosedFix([
    {
      name: 'some() with each entry compared with the origin',
      ...entryByEntryReport('ALLOWED.some((entry) => entry === origin)'),
    },
    {
      name: 'the origin on the left, in a callback without parentheses',
      ...entryByEntryReport('ALLOWED.some(e => origin === e)'),
    },
    {
      name: 'a function callback that returns the comparison',
      ...entryByEntryReport('ALLOWED.some(function (entry) { return entry === origin; })'),
    },
    {
      name: 'every() false: some entry is the origin',
      ...entryByEntryReport('!ALLOWED.every((entry) => entry !== origin)'),
    },
    {
      name: 'a gate that turns away the origins no entry is, in CommonJS',
      code: `const express = require('express');

const LISTED = ['null', 'https://app.example.com'];

const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && !LISTED.some((entry) => entry === origin)) return res.status(403).end();
  next();
});
app.listen(3000, '127.0.0.1');`,
      ...commonjs,
      output: `const express = require('express');

const LISTED = ['https://app.example.com'];

const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && !LISTED.some((entry) => entry === origin)) return res.status(403).end();
  next();
});
app.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'This origin allowlist', credentials: '' },
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an origin function of cors that answers the verdict of some(), with credentials',
      code: `import cors from 'cors';
const OK = ['https://app.example.com', 'null'];
app.use(cors({ origin: (origin, cb) => cb(null, OK.some((o) => o === origin)), credentials: true }));`,
      output: `import cors from 'cors';
const OK = ['https://app.example.com'];
app.use(cors({ origin: (origin, cb) => cb(null, OK.some((o) => o === origin)), credentials: true }));`,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'This origin allowlist', credentials: ', credentials included' },
          line: 2,
          column: 40,
          endLine: 2,
          endColumn: 46,
          suggestions: [],
        },
      ],
    },
  ]),
});

/** An origin function that lets `Origin: null` in only when `allowedOrigins` (declared as `list`) lists it. */
const NULL_BY_LIST = (list: string): string => `import express from 'express';
import cors from 'cors';

const app = express();
const allowedOrigins = ${list};
app.use(
  cors({
    origin: (origin, callback) => {
      if (!origin) return callback(null, true);
      if (origin === 'null') {
        if (allowedOrigins.includes('null')) return callback(null, true);
        return callback(new Error('Origin null is not allowed'));
      }
      if (allowedOrigins.includes(origin)) return callback(null, true);
      return callback(new Error('Origin not allowed'));
    },
  }),
);
app.post('/mcp', (_req, res) => res.json({ jsonrpc: '2.0', id: 1, result: {} }));
`;

ruleTester.run('no-null-origin: a null branch that the allowlist decides', rule, {
  valid: [
    { name: 'a constant list without it', code: NULL_BY_LIST("['https://app.example.com']") },
    {
      // What the environment lists is no-env-allowed-origins's report.
      name: 'a list from the environment',
      code: NULL_BY_LIST("(process.env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean)"),
    },
  ],
  invalid: [
    {
      name: 'a constant list that holds it: reported once, where it is written',
      code: NULL_BY_LIST("['https://app.example.com', 'null']"),
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'This origin allowlist', credentials: '' },
          line: 5,
          column: 52,
          endLine: 5,
          endColumn: 58,
          suggestions: [{ messageId: 'removeNullOrigin', output: NULL_BY_LIST("['https://app.example.com']") }],
        },
      ],
    },
  ],
});

ruleTester.run("no-null-origin: the empty origin in the file's quotes", rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: "a header that is 'null' in one branch, in a file with double quotes and no semicolons",
      code: `app.use((req, res, next) => {
  res.set("Access-Control-Allow-Credentials", "true")
  res.set("Access-Control-Allow-Origin", req.secure ? "https://app.example.com" : "null")
  next()
})`,
      output: `app.use((req, res, next) => {
  res.set("Access-Control-Allow-Credentials", "true")
  res.set("Access-Control-Allow-Origin", req.secure ? "https://app.example.com" : "")
  next()
})`,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: 'This `Access-Control-Allow-Origin` header', credentials: ', credentials included' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 90,
          suggestions: [],
        },
      ],
    },
  ]),
});

// @koa/cors's deny function is written in the file's quotes.
ruleTester.run("no-null-origin: the fix in the file's quotes", rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: "@koa/cors with `origin: 'null'`, in a file with double quotes and no semicolons",
      code: `import Koa from "koa"
import cors from "@koa/cors"

const app = new Koa()
app.use(cors({ origin: "null" }))`,
      output: `import Koa from "koa"
import cors from "@koa/cors"

const app = new Koa()
app.use(cors({ origin: () => "" }))`,
      errors: [
        {
          messageId: 'nullOrigin',
          data: { policy: "`@koa/cors` with `origin: 'null'`", credentials: '' },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 30,
          suggestions: [],
        },
      ],
    },
  ]),
});
