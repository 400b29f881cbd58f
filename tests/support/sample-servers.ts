// Servers that more than one rule's tests read: each test states what its rule reports on them.

/**
 * A node:http handler that routes by the path of a URL made on the Host header, reads a client
 * name (testing whether it is an array), and has two POST branches: one reads the body, the next
 * hands it to MCP.
 */
export const ROUTED_BY_PATH = `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });

http
  .createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', \`http://\${req.headers.host}\`).pathname;
    try {
      if (path !== '/mcp') {
        res.writeHead(404).end();
        return;
      }
      const client = req.headers['x-client-name'];
      console.log(Array.isArray(client) ? client[0] : client);
      let body: unknown;
      if (req.method === 'POST') {
        body = JSON.parse(await readBody(req));
      }
      if (req.method === 'POST') {
        await transport.handleRequest(req, res, body);
        return;
      }
      res.writeHead(405).end();
    } catch {
      res.writeHead(500).end();
    }
  })
  .listen(3000, '127.0.0.1');`;

/**
 * A test module of a Koa app that answers POST /mcp by hand, handed to supertest as `client`;
 * `after` follows the app.
 */
export const KOA_SUPERTEST = (client: string, after = ''): string => `import http from 'node:http';
import Koa from 'koa';
import request from 'supertest';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const app = new Koa();
app.use(async (ctx) => {
  if (ctx.path !== '/mcp') return;
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  ctx.respond = false;
  await transport.handleRequest(ctx.req, ctx.res, ctx.request.body);
});${after}

it('answers', async () => {
  await request(${client}).post('/mcp').send({ jsonrpc: '2.0', id: 1, method: 'ping' });
});`;

/** A test module of a Fastify app with POST /mcp; the test runs `start`, then hands `app.server` to supertest. */
export const FASTIFY_SUPERTEST = (start: string, after = ''): string => `import Fastify from 'fastify';
import request from 'supertest';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const app = Fastify();
app.post('/mcp', async (req, reply) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  reply.hijack();
  await transport.handleRequest(req.raw, reply.raw, req.body);
});${after}

it('answers', async () => {
  ${start}
  await request(app.server).post('/mcp').send({ jsonrpc: '2.0', id: 1, method: 'ping' });
});`;

/**
 * A test module whose plain `node:http` handler answers POST /mcp, handed to supertest as `client`;
 * `after` follows it.
 */
export const NODE_SUPERTEST = (client: string, after = ''): string => `import http from 'node:http';
import request from 'supertest';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

async function handler(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.method === 'POST' && req.url === '/mcp') {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res);
    return;
  }
  res.statusCode = 404;
  res.end();
}${after}

it('answers', async () => {
  await request(${client}).post('/mcp').send({ jsonrpc: '2.0', id: 1, method: 'ping' });
});`;

/**
 * The servers above as a test hands them to supertest alone, which serves them in the process for
 * one request: no route of theirs is reached from the network, for the rules about MCP routes.
 */
export const SERVED_BY_SUPERTEST = [
  {
    name: "Koa's request listener, `app.callback()`, which supertest serves as it serves any function",
    filename: 'tests/mcp.test.ts',
    code: KOA_SUPERTEST('app.callback()'),
  },
  {
    name: "Fastify's `app.server` after `await app.ready()`, which supertest listens on for one request",
    filename: 'tests/mcp.test.ts',
    code: FASTIFY_SUPERTEST('await app.ready();'),
  },
  {
    name: 'a plain handler handed to supertest, which wraps it in a server of its own',
    filename: 'tests/mcp.test.ts',
    code: NODE_SUPERTEST('handler'),
  },
  {
    name: 'a plain handler in a server that only supertest is handed',
    filename: 'tests/mcp.test.ts',
    code: NODE_SUPERTEST('http.createServer(handler)'),
  },
];

/**
 * `isSignedIn(req)`, of an express module, which reads no header itself: it asks `bearerFrom(req)`,
 * which does `missing` without a bearer token (throws by default), and answers a throw with
 * `caught`; the token it gets goes to an account service, whose answer is not the file's to judge.
 */
export const signedInHelpers = (
  caught = 'return false;',
  missing = "throw new NoToken('no bearer token');",
): string => `class NoToken extends Error {}

function bearerFrom(req: express.Request): string {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) ${missing}
  return header.slice(7);
}

async function isSignedIn(req: express.Request): Promise<boolean> {
  try {
    const token = bearerFrom(req);
    const answer = await fetch('https://accounts.example.com/me', { headers: { authorization: \`Bearer \${token}\` } });
    return answer.ok;
  } catch (error) {
    if (error instanceof NoToken) ${caught}
    throw error;
  }
}`;

/** Where an `Auth` class keeps the switch of its fallback: its own parameter, assigned, or in a config object. */
export type FallbackField = 'parameter property' | 'assigned field' | 'config field';

/**
 * An Express MCP route behind the `authenticate` method of an `Auth` class, which lets a request
 * without a bearer token on with a token of the server's own while a switch the class keeps in a
 * field holds (`if (this.fallback)`), the switch given to `new Auth(…)` as `given`. `before` goes in
 * front of the route's handler, `helpers` after the app is made (the lines `require-csrf-token`'s fix
 * adds).
 */
export const FIELD_FALLBACK = (kept: FallbackField, given: string, before = '', helpers = ''): string => {
  const [fields, read, made] =
    kept === 'parameter property'
      ? ['  constructor(private readonly fallback: boolean) {}', 'this.fallback', given]
      : kept === 'assigned field'
        ? [
            '  private readonly fallback: boolean;\n\n  constructor(fallback: boolean) {\n    this.fallback = fallback;\n  }',
            'this.fallback',
            given,
          ]
        : [
            '  constructor(private readonly config: { fallback: boolean }) {}',
            'this.config.fallback',
            `{ fallback: ${given} }`,
          ];
  return `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

class Auth {
${fields}

  async authenticate(req: express.Request, res: express.Response, next: express.NextFunction) {
    const token = req.headers.authorization?.replace('Bearer ', '');
    if (!token) {
      if (${read}) {
        res.locals.token = process.env.SERVER_TOKEN;
        next();
        return;
      }
      res.status(401).end();
      return;
    }
    if (token !== process.env.MCP_TOKEN) {
      res.status(401).end();
      return;
    }
    next();
  }
}

const auth = new Auth(${made});
const app = express();
${helpers}app.post('/mcp', auth.authenticate.bind(auth), ${before}async (req, res) => {
  await new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;
};
