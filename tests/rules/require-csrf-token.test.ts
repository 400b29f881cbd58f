import rule from '../../src/rules/require-csrf-token';
import { commonjs, createRuleTester, esm, failClosedFix } from '../rule-tester';
import { openRoute, tokenSuggestions } from '../support/csrf-cases';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';
import { FIELD_FALLBACK, type FallbackField, ROUTED_BY_PATH } from '../support/sample-servers';

// The cases of require-csrf-token, first file: the main run and the shapes of handlers up to apps known
// by a parameter's type; require-csrf-token.part2.test.ts holds the rest (two files, so that the unit
// project's two workers share them).
const ruleTester = createRuleTester();

// An express app whose POST /mcp hands the request to the transport with no check.
const EXPRESS_APP = `import express from 'express';

const app = express();
app.post('/mcp', async (req, res) => {
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

/** EXPRESS_APP with the token fix: the declarations after the app, and a middleware before the handler. */
function expressAppFixed(bearer: boolean): string {
  return EXPRESS_APP.replace(
    'const app = express();\n',
    `const app = express();\n\n${tokenHelpers({ bearer })}\n\n`,
  ).replace("app.post('/mcp', ", `app.post('/mcp', ${guard('express', bearer)}`);
}

// A node:http server whose POST /mcp branch hands the request to the transport, with `check` first in it.
function httpPostBranch(check = ''): string {
  return `http.createServer(async (req, res) => {
  ${check}if (req.method === 'POST' && req.url === '/mcp') {
    await transport.handleRequest(req, res);
    return;
  }
  res.writeHead(404).end();
});`;
}

/**
 * A handler that exits early for `['HEAD', 'OPTIONS']` and serves MCP in a branch for the methods
 * `MCP_METHODS` lists; `check` atop its body.
 */
function methodListBranch(check = ''): string {
  return `http.createServer(async (req, res) => {
  ${check}const MCP_METHODS = new Set(['GET', 'POST', 'DELETE']);
  if (['HEAD', 'OPTIONS'].includes(req.method ?? '')) return void res.writeHead(204).end();
  if (req.url === '/mcp' && MCP_METHODS.has(req.method ?? '')) {
    await transport.handleRequest(req, res);
    return;
  }
  res.writeHead(404).end();
});`;
}

/**
 * An app handed to a class whose method adds the MCP route, and to a function that adds another;
 * `setup` is what the module does with the app, in order.
 */
function handedApp(setup: string, guards = { transport: '', mount: '' }): string {
  return `import express, { type Express } from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';

class HttpTransport {
  constructor(private readonly app: Express) {}

  start() {
    this.app.post('/mcp', ${guards.transport}async (req, res) => {
      await transport.handleRequest(req, res, req.body);
    });
  }
}

function mount(app: Express) {
  app.post('/messages', ${guards.mount}(req, res) => transport.handlePostMessage(req, res, req.body));
}

const app = express();
${setup}
app.listen(3000, '127.0.0.1');`;
}

/** handedApp with the token fix: the declarations after the imports, a middleware in `which` route(s). */
function handedAppFixed(setup: string, bearer: boolean, which: 'transport' | 'mount'): string {
  const guards = {
    transport: which === 'transport' ? guard('express', bearer, { indent: '    ' }) : '',
    mount: which === 'mount' ? guard('express', bearer, { indent: '  ' }) : '',
  };
  return handedApp(setup, guards).replace("bearerAuth.js';\n", `bearerAuth.js';\n\n${tokenHelpers({ bearer })}\n`);
}

/** ROUTED_BY_PATH with the token fix: the declarations after the transport, the check atop the handler. */
function routedByPathFixed(bearer: boolean): string {
  return ROUTED_BY_PATH.replace('\nhttp\n', `\n${tokenHelpers({ bearer })}\n\nhttp\n`).replace(
    '    const path',
    `    ${guard('node:http', bearer, { indent: '    ' })}const path`,
  );
}

/** The module guards the app with a bearer token after handing it over (`late`) or before. */
const HANDED_SETUP = (late: boolean): string =>
  late
    ? `const http = new HttpTransport(app);
mount(app);
http.start();
app.use(requireBearerAuth({ verifier }));`
    : `app.use(requireBearerAuth({ verifier }));
new HttpTransport(app).start();
mount(app);`;

/**
 * Two Fastify plugins held by constants, registered by name after `hook`: a `FastifyPluginAsync`
 * (its own scope) and an `fp()` result (fastify-plugin: the app's scope). `fixed` inserts the
 * token helpers and each route's guard.
 */
const FASTIFY_NAMED_PLUGINS = (
  hook: string,
  fixed: { helpers?: string; mcp?: string; messages?: string } = {},
): string => `import Fastify, { type FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { McpServer } from '@modelcontextprotocol/server';
const app = Fastify();
${fixed.helpers ? `\n${fixed.helpers}\n\n` : ''}const routes: FastifyPluginAsync = async (instance) => {
  instance.post('/mcp', ${fixed.mcp ? `{ ${fixed.mcp}}, ` : ''}handle);
};
const shared = fp(async (instance) => {
  instance.post('/messages', ${fixed.messages ? `{ ${fixed.messages}}, ` : ''}handle);
});
${hook}app.register(routes);
app.register(shared);`;

ruleTester.run('require-csrf-token', rule, {
  valid: [
    {
      name: "node:http: a voice SDK's `handleRequest`, bound as the whole handler, serves no MCP",
      code: `import http from 'node:http';
import { VoiceResponder } from 'voice-kit';

const voice = new VoiceResponder();
http.createServer(voice.handleRequest.bind(voice)).listen(7432, '127.0.0.1');`,
    },
    {
      name: 'fastify plugins held by a constant and registered by name behind an app-wide bearer hook',
      code: FASTIFY_NAMED_PLUGINS(`app.addHook('onRequest', async (request, reply) => {
  if (request.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) return reply.code(401).send();
});
`),
    },
    {
      name: 'express: a helper that hands back what another helper hands back of the app it is given, the guarded app given',
      code: `import express from 'express';
import cors from 'cors';

const withJson = (app: express.Express) => app.use(express.json());
const withDefaults = (app: express.Express) => withJson(app).use(cors({ origin: false }));

const open = withDefaults(express());
open.get('/health', (req, res) => res.send('ok'));
const admin = express();
admin.use((req, res, next) => {
  if (req.get('x-api-key') !== process.env.ADMIN_KEY) return res.status(401).end();
  next();
});
withDefaults(admin).post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));`,
    },
    {
      name: 'node:http: the dispatched function checks the token inside its MCP branch, before the transport',
      code: `import http from 'node:http';

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.url === '/api/mcp') {
    if (req.headers.authorization !== \`Bearer \${process.env.API_KEY}\`) {
      res.writeHead(401).end();
      return;
    }
    await transport.handleRequest(req, res);
    return;
  }
  res.writeHead(404).end();
}

http.createServer(async (req, res) => {
  if (req.url?.startsWith('/api')) return handleApi(req, res);
  res.writeHead(404).end();
});`,
    },
    {
      name: 'express: an arrow that hands back the app it is given (`(app) => app.use(json())`), the guarded app given',
      code: `import express from 'express';

const withJson = (app: express.Express) => app.use(express.json());

const open = withJson(express());
open.get('/health', (req, res) => res.send('ok'));
const admin = express();
admin.use((req, res, next) => {
  if (req.get('x-api-key') !== process.env.ADMIN_KEY) return res.status(401).end();
  next();
});
withJson(admin).post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));`,
    },
    {
      name: 'Hono: bearerAuth whose verifyToken verifies the token before it answers true',
      code: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { jwtVerify } from 'jose';

const app = new Hono();
app.use('/mcp', bearerAuth({ verifyToken: async (token) => { await jwtVerify(token, KEY); return true; } }));
app.all('/mcp', (c) => transport.handleRequest(c));`,
    },
    {
      name: "Hono: hono/csrf's csrf(), which refuses a form or text/plain POST from another origin",
      code: `import { Hono } from 'hono';
import { csrf } from 'hono/csrf';

const app = new Hono();
app.use('*', csrf());
app.post('/mcp', (c) => transport.handleRequest(c));`,
    },
    {
      name: 'a subclass of the Hono app calling a client of its own (`this.upstream().post(…)`) registers no route',
      code: `import { Hono } from 'hono';
import axios from 'axios';

export class Relay extends Hono {
  upstream() {
    return axios.create({ baseURL: 'https://api.example.com' });
  }
  async forward(payload: unknown) {
    return this.upstream().post('/mcp', payload);
  }
}`,
    },
    {
      name: 'a subclass of the Hono app mounted under a parent that checks a bearer token first',
      code: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';

class RpcRoutes extends Hono {
  constructor() {
    super();
    this.post('/', (c) => transport.handleRequest(c));
  }
}

const app = new Hono();
app.use('/rpc/*', bearerAuth({ token: TOKEN }));
app.route('/rpc', new RpcRoutes());`,
    },
    {
      name: 'node:http: the listener dispatches to a function that checks the token before its POST branch',
      code: `import http from 'node:http';

async function handleMcp(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) {
    res.writeHead(401).end();
    return;
  }
  if (req.method === 'POST') await transport.handleRequest(req, res);
}

http.createServer(async (req, res) => {
  if ((req.url ?? '').startsWith('/mcp')) await handleMcp(req, res);
  else res.writeHead(404).end();
});`,
    },
    {
      name: "express: a class's checking method passed bound to its instance (`access.requireKey.bind(access)`)",
      code: `import express from 'express';

class Access {
  constructor(private readonly key: string) {}
  requireKey(req: express.Request, res: express.Response, next: express.NextFunction) {
    if (req.get('x-api-key') !== this.key) {
      res.status(401).end();
      return;
    }
    next();
  }
}

const access = new Access(process.env.API_KEY ?? '');
const app = express();
app.post('/mcp', access.requireKey.bind(access), (req, res) => transport.handleRequest(req, res, req.body));`,
    },
    {
      name: "a web handler's branch at a path of its own that hands the request to some SDK's `handleRequest`, not an MCP transport",
      code: `import { VoiceAdapter } from 'voice-sdk';

export default {
  async fetch(request: Request) {
    const url = new URL(request.url);
    if (url.pathname === '/voice') return VoiceAdapter.handleRequest(request, 'agent');
    return new Response('Not found', { status: 404 });
  },
};`,
    },
    {
      name: 'routes added five calls deep, after the bearer check: each runs where the module makes the first call',
      code: `import express, { type Express } from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';

function mountAll(app: Express) {
  mountMcp(app);
}
function mountMcp(app: Express) {
  app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));
  mountLegacy(app);
}
function mountLegacy(app: Express) {
  mountSse(app);
}
function mountSse(app: Express) {
  mountMessages(app);
}
function mountMessages(app: Express) {
  app.post('/messages', (req, res) => transport.handlePostMessage(req, res, req.body));
}

const app = express();
app.use(requireBearerAuth({ verifier }));
mountAll(app);
app.listen(3000, '127.0.0.1');`,
    },
    {
      name: 'an app handed to a class and a function after a bearer check is installed: their routes run after it',
      code: handedApp(HANDED_SETUP(false)),
    },
    {
      name: 'a bearer check a constructor installs, before the route of a method that needs the object',
      code: `import express, { type Express } from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';

export class HttpServer {
  private readonly app: Express = express();

  constructor(private readonly verifier: OAuthTokenVerifier) {
    this.installAuth();
  }

  private installAuth(): void {
    this.app.use(requireBearerAuth({ verifier: this.verifier }));
  }

  start(): void {
    this.app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));
    this.app.listen(3000, '127.0.0.1');
  }
}

export const server = new HttpServer(verifier);`,
    },
    {
      name: 'express: the handler checks a custom header and rejects',
      code: `import express from 'express';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}
const app = express();
app.post('/mcp', async (req, res) => {
  if (!hasToken(req.headers['x-mcp-csrf-token'])) return res.status(403).end();
  await transport.handleRequest(req, res, req.body);
});`,
    },
    {
      name: 'express: route-level middleware, app.use before the route, and a path-scoped guard',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const token = req.get('Authorization');
  if (!hasToken(token)) {
    res.sendStatus(401);
    return;
  }
  next();
}
const app = express();
app.post('/mcp', requireToken, (req, res) => transport.handleRequest(req, res, req.body));
const other = express();
other.use(requireToken);
other.post('/messages', (req, res) => transport.handlePostMessage(req, res, req.body));
const third = express();
third.use('/mcp', requireToken);
third.all('/mcp', (req, res) => transport.handleRequest(req, res));`,
    },
    {
      name: 'express: known auth and CSRF middleware',
      code: `import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import passport from 'passport';
import { expressjwt } from 'express-jwt';
import csurf from 'csurf';
import { doubleCsrf } from 'csrf-csrf';
const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => 'secret' });
const app = express();
const auth = requireBearerAuth({ verifier });
app.post('/mcp', auth, handler);
app.post('/sse', passport.authenticate('bearer', { session: false }), handler);
app.post('/messages', expressjwt({ secret: 'x', algorithms: ['HS256'] }), handler);
app.post('/message', csurf(), handler);
app.post('/api/mcp', doubleCsrfProtection, handler);`,
    },
    {
      name: 'a router mounted behind a guard',
      code: `import express, { Router } from 'express';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}
const app = express();
app.use((req, res, next) => (hasToken(req.headers.authorization) ? next() : res.status(401).end()));
const router = Router();
router.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));
app.use('/api', router);`,
    },
    {
      name: 'hono: bearer auth, jwt and an inline check',
      code: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { jwt } from 'hono/jwt';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}
const app = new Hono();
app.use('/mcp', bearerAuth({ token: 'secret' }));
app.post('/mcp', (c) => handle(c));
app.post('/sse', jwt({ secret: 'x', alg: 'HS256' }), (c) => handle(c));
app.post('/messages', async (c) => {
  if (!hasToken(c.req.header('x-api-key'))) return c.text('forbidden', 403);
  return handle(c);
});`,
    },
    {
      name: 'fastify: an onRequest hook, route preHandler, and an auth plugin',
      code: `import Fastify from 'fastify';
import bearerAuthPlugin from '@fastify/bearer-auth';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}
const app = Fastify();
app.addHook('onRequest', async (request, reply) => {
  if (!hasToken(request.headers['x-mcp-csrf-token'])) return reply.code(403).send();
});
app.post('/mcp', async (request, reply) => handle(request, reply));
const other = Fastify();
other.post('/mcp', { preHandler: async (request, reply) => { if (!hasToken(request.headers.authorization)) reply.code(401).send(); } }, handle);
const third = Fastify();
third.register(bearerAuthPlugin, { keys: new Set(['secret']) });
third.post('/mcp', handle);`,
    },
    {
      name: 'koa: router middleware and an app-level guard before the routes',
      code: `import Koa from 'koa';
import Router from '@koa/router';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}
const router = new Router();
router.use(async (ctx, next) => {
  ctx.assert(hasToken(ctx.get('X-MCP-CSRF-Token')), 403);
  await next();
});
router.post('/mcp', async (ctx) => handle(ctx));
const app = new Koa();
const other = new Router();
app.use(async (ctx, next) => {
  if (!hasToken(ctx.get('authorization'))) ctx.throw(401);
  await next();
});
other.post('/mcp', async (ctx) => handle(ctx));
app.use(other.routes());`,
    },
    {
      name: 'node:http: a check before the POST branch',
      code: `import http from 'node:http';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}
http.createServer(async (req, res) => {
  if (!hasToken(req.headers['x-mcp-csrf-token'])) {
    res.writeHead(403).end();
    return;
  }
  if (req.method === 'POST' && req.url === '/mcp') await transport.handleRequest(req, res);
});`,
    },
    {
      name: 'middleware from a factory of the file, a list in a constant, a spread, and try/catch',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
function requireToken(expected: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.get('x-mcp-csrf-token') !== expected) return res.sendStatus(403);
    next();
  };
}
const app = express();
app.post('/mcp', requireToken('secret'), (req, res) => transport.handleRequest(req, res, req.body));
const guards = [express.json(), requireToken('secret')];
app.post('/mcp/v2', guards, (req, res) => transport.handleRequest(req, res, req.body));
app.post('/mcp/v3', ...guards, (req, res) => transport.handleRequest(req, res, req.body));
app.post('/mcp/v4', async (req, res) => {
  try {
    await verifier.verifyAccessToken(req.headers.authorization?.slice(7) ?? '');
  } catch {
    return res.status(401).end();
  }
  return transport.handleRequest(req, res, req.body);
});`,
    },
    {
      name: 'a guard in the same use call as the router, and Fastify checks wired in hooks',
      code: `import express, { Router } from 'express';
import Fastify from 'fastify';
import csrfProtection from '@fastify/csrf-protection';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}
const app = express();
const mcpRouter = Router();
mcpRouter.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));
app.use('/api', (req, res, next) => (hasToken(req.headers.authorization) ? next() : res.sendStatus(401)), mcpRouter);
const fastify = Fastify();
fastify.register(csrfProtection);
fastify.addHook('onRequest', fastify.csrfProtection);
fastify.post('/mcp', handle);
const other = Fastify();
other.addHook('onRequest', async (request) => {
  await request.jwtVerify();
});
other.post('/mcp', handle);`,
    },
    {
      name: 'csurf with its cookie option, hooks added by an fp() plugin, and a GET-only plain handler',
      code: `import express from 'express';
import csurf from 'csurf';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import http from 'node:http';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}
const app = express();
app.post('/mcp', csurf({ cookie: true }), handler);
const fastify = Fastify();
fastify.register(fp(async (instance) => {
  instance.addHook('onRequest', async (request, reply) => {
    if (!hasToken(request.headers.authorization)) return reply.code(401).send();
  });
}));
fastify.post('/mcp', handle);
http.createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/mcp') return transport.handleRequest(req, res);
  res.writeHead(405).end();
});`,
    },
    {
      name: 'a chat route named messages in a file that is no MCP server',
      code: `import express from 'express';
const app = express();
app.post('/api/messages', (req, res) => res.json(saveChat(req.body)));
app.post('/sse', (req, res) => res.end());`,
    },
    {
      name: 'GET routes, other POST routes, and a local function named post',
      code: `import express from 'express';
const app = express();
app.get('/mcp', (req, res) => transport.handleRequest(req, res));
app.post('/api/users', (req, res) => res.json(req.body));
app.use('/mcp', express.json());
function post(path: string, handler: () => void) { return [path, handler]; }
post('/mcp', () => {});
const server = { post(path: string) { return path; } };
server.post('/mcp');`,
    },
    {
      name: 'checkFunctions names the own guard of the project',
      code: `import express from 'express';
import { verifyRequest } from './auth';
const app = express();
app.post('/mcp', verifyRequest, (req, res) => transport.handleRequest(req, res, req.body));
app.post('/sse', (req, res) => {
  verifyRequest(req);
  return transport.handleRequest(req, res);
});`,
      options: [{ checkFunctions: ['verifyRequest'] }],
    },
    {
      name: 'endpoints option narrows which paths are MCP endpoints',
      code: `import express from 'express';
const app = express();
app.post('/mcp-docs/messages', (req, res) => res.json({ ok: true }));`,
      options: [{ endpoints: ['/rpc'] }],
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a handler routed by a URL made on the Host, with a body-reading POST branch before the MCP one: one report',
      code: ROUTED_BY_PATH,
      output: routedByPathFixed(false),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'The POST branch of this handler' },
          line: 20,
          column: 11,
          endLine: 20,
          endColumn: 32,
          suggestions: [{ messageId: 'useBearerToken', output: routedByPathFixed(true) }],
        },
      ],
    },
    {
      name: 'an app handed to a class and a function that add their routes before the bearer check is installed',
      code: handedApp(HANDED_SETUP(true)),
      output: [
        handedAppFixed(HANDED_SETUP(true), false, 'transport'),
        handedAppFixed(HANDED_SETUP(true), false, 'transport').replace(
          "app.post('/messages', ",
          `app.post('/messages', ${guard('express', false, { indent: '  ' })}`,
        ),
      ],
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 18,
          suggestions: [{ messageId: 'useBearerToken', output: handedAppFixed(HANDED_SETUP(true), true, 'transport') }],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /messages`' },
          line: 15,
          column: 3,
          endLine: 15,
          endColumn: 11,
          suggestions: [{ messageId: 'useBearerToken', output: handedAppFixed(HANDED_SETUP(true), true, 'mount') }],
        },
      ],
    },
    {
      name: 'express app.post without a check',
      code: EXPRESS_APP,
      output: expressAppFixed(false),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 9,
          suggestions: [{ messageId: 'useBearerToken', output: expressAppFixed(true) }],
        },
      ],
    },
    {
      name: 'express Router in CommonJS, app.route().post, and app.all',
      code: `const express = require('express');
const router = express.Router();
router.post('/messages', (req, res) => transport.handlePostMessage(req, res, req.body));
const app = express();
app.route('/mcp').post((req, res) => transport.handleRequest(req, res, req.body));
app.use('/api', router);`,
      ...commonjs,
      output: [
        `const express = require('express');
const router = express.Router();

${tokenHelpers({ js: 'commonjs' })}

router.post('/messages', ${guard('express', false)}(req, res) => transport.handlePostMessage(req, res, req.body));
const app = express();
app.route('/mcp').post((req, res) => transport.handleRequest(req, res, req.body));
app.use('/api', router);`,
        `const express = require('express');
const router = express.Router();

${tokenHelpers({ js: 'commonjs' })}

router.post('/messages', ${guard('express', false)}(req, res) => transport.handlePostMessage(req, res, req.body));
const app = express();
app.route('/mcp').post(${guard('express', false)}(req, res) => transport.handleRequest(req, res, req.body));
app.use('/api', router);`,
      ],
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /api/messages`' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `const express = require('express');
const router = express.Router();

${tokenHelpers({ bearer: true, js: 'commonjs' })}

router.post('/messages', ${guard('express', true)}(req, res) => transport.handlePostMessage(req, res, req.body));
const app = express();
app.route('/mcp').post((req, res) => transport.handleRequest(req, res, req.body));
app.use('/api', router);`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `const express = require('express');
const router = express.Router();

${tokenHelpers({ bearer: true, js: 'commonjs' })}

router.post('/messages', (req, res) => transport.handlePostMessage(req, res, req.body));
const app = express();
app.route('/mcp').post(${guard('express', true)}(req, res) => transport.handleRequest(req, res, req.body));
app.use('/api', router);`,
            },
          ],
        },
      ],
    },
    {
      name: 'a session id is no credential, a guard defined but not used, and a guard after the route',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
function requireToken(req: Request, res: Response, next: NextFunction) {
  if (req.headers.authorization !== process.env.TOKEN) return res.sendStatus(401);
  next();
}
const app = express();
app.post('/mcp', (req, res) => {
  const sessionId = req.headers['mcp-session-id'];
  if (!sessionId) return res.status(400).end();
  return transport.handleRequest(req, res, req.body);
});
app.post('/sse', (req, res) => transport.handleRequest(req, res));
app.use(requireToken);`,
      output: [
        `import express, { type Request, type Response, type NextFunction } from 'express';
function requireToken(req: Request, res: Response, next: NextFunction) {
  if (req.headers.authorization !== process.env.TOKEN) return res.sendStatus(401);
  next();
}
const app = express();

${tokenHelpers()}

app.post('/mcp', ${guard('express', false)}(req, res) => {
  const sessionId = req.headers['mcp-session-id'];
  if (!sessionId) return res.status(400).end();
  return transport.handleRequest(req, res, req.body);
});
app.post('/sse', (req, res) => transport.handleRequest(req, res));
app.use(requireToken);`,
        `import express, { type Request, type Response, type NextFunction } from 'express';
function requireToken(req: Request, res: Response, next: NextFunction) {
  if (req.headers.authorization !== process.env.TOKEN) return res.sendStatus(401);
  next();
}
const app = express();

${tokenHelpers()}

app.post('/mcp', ${guard('express', false)}(req, res) => {
  const sessionId = req.headers['mcp-session-id'];
  if (!sessionId) return res.status(400).end();
  return transport.handleRequest(req, res, req.body);
});
app.post('/sse', ${guard('express', false)}(req, res) => transport.handleRequest(req, res));
app.use(requireToken);`,
      ],
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express, { type Request, type Response, type NextFunction } from 'express';
function requireToken(req: Request, res: Response, next: NextFunction) {
  if (req.headers.authorization !== process.env.TOKEN) return res.sendStatus(401);
  next();
}
const app = express();

${tokenHelpers({ bearer: true })}

app.post('/mcp', ${guard('express', true)}(req, res) => {
  const sessionId = req.headers['mcp-session-id'];
  if (!sessionId) return res.status(400).end();
  return transport.handleRequest(req, res, req.body);
});
app.post('/sse', (req, res) => transport.handleRequest(req, res));
app.use(requireToken);`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /sse`' },
          line: 12,
          column: 1,
          endLine: 12,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express, { type Request, type Response, type NextFunction } from 'express';
function requireToken(req: Request, res: Response, next: NextFunction) {
  if (req.headers.authorization !== process.env.TOKEN) return res.sendStatus(401);
  next();
}
const app = express();

${tokenHelpers({ bearer: true })}

app.post('/mcp', (req, res) => {
  const sessionId = req.headers['mcp-session-id'];
  if (!sessionId) return res.status(400).end();
  return transport.handleRequest(req, res, req.body);
});
app.post('/sse', ${guard('express', true)}(req, res) => transport.handleRequest(req, res));
app.use(requireToken);`,
            },
          ],
        },
      ],
    },
    {
      name: 'a header read that never turns a request away',
      code: `import express from 'express';
const app = express();
app.post('/mcp', (req, res) => {
  console.log('token', req.headers['x-mcp-csrf-token']);
  return transport.handleRequest(req, res, req.body);
});`,
      output: `import express from 'express';
const app = express();

${tokenHelpers()}

app.post('/mcp', ${guard('express', false)}(req, res) => {
  console.log('token', req.headers['x-mcp-csrf-token']);
  return transport.handleRequest(req, res, req.body);
});`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
const app = express();

${tokenHelpers({ bearer: true })}

app.post('/mcp', ${guard('express', true)}(req, res) => {
  console.log('token', req.headers['x-mcp-csrf-token']);
  return transport.handleRequest(req, res, req.body);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a transport handler on an unusual path, and paths from constants and templates',
      code: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const MCP_PATH = '/mcp';
const app = express();
app.post('/rpc', (req, res) => transport.handleRequest(req, res, req.body));
app.post(MCP_PATH, handler);
app.post(\`/v1/messages\`, handler);`,
      output: [
        `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const MCP_PATH = '/mcp';
const app = express();

${tokenHelpers()}

app.post('/rpc', ${guard('express', false)}(req, res) => transport.handleRequest(req, res, req.body));
app.post(MCP_PATH, handler);
app.post(\`/v1/messages\`, handler);`,
        `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const MCP_PATH = '/mcp';
const app = express();

${tokenHelpers()}

app.post('/rpc', ${guard('express', false)}(req, res) => transport.handleRequest(req, res, req.body));
app.post(MCP_PATH, ${guard('express', false)}handler);
app.post(\`/v1/messages\`, ${guard('express', false)}handler);`,
      ],
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /rpc`' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const MCP_PATH = '/mcp';
const app = express();

${tokenHelpers({ bearer: true })}

app.post('/rpc', ${guard('express', true)}(req, res) => transport.handleRequest(req, res, req.body));
app.post(MCP_PATH, handler);
app.post(\`/v1/messages\`, handler);`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const MCP_PATH = '/mcp';
const app = express();

${tokenHelpers({ bearer: true })}

app.post('/rpc', (req, res) => transport.handleRequest(req, res, req.body));
app.post(MCP_PATH, ${guard('express', true)}handler);
app.post(\`/v1/messages\`, handler);`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /v1/messages`' },
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const MCP_PATH = '/mcp';
const app = express();

${tokenHelpers({ bearer: true })}

app.post('/rpc', (req, res) => transport.handleRequest(req, res, req.body));
app.post(MCP_PATH, handler);
app.post(\`/v1/messages\`, ${guard('express', true)}handler);`,
            },
          ],
        },
      ],
    },
    {
      name: 'hono post, on and all',
      code: `import { Hono } from 'hono';
import { McpServer } from '@modelcontextprotocol/server';
const app = new Hono();
app.post('/mcp', (c) => handle(c));
app.on('POST', '/sse', (c) => handle(c));
app.all('/messages', (c) => handle(c));`,
      output: [
        `import { Hono } from 'hono';
import { McpServer } from '@modelcontextprotocol/server';
const app = new Hono();

${tokenHelpers()}

app.post('/mcp', ${guard('hono', false)}(c) => handle(c));
app.on('POST', '/sse', (c) => handle(c));
app.all('/messages', (c) => handle(c));`,
        `import { Hono } from 'hono';
import { McpServer } from '@modelcontextprotocol/server';
const app = new Hono();

${tokenHelpers()}

app.post('/mcp', ${guard('hono', false)}(c) => handle(c));
app.on('POST', '/sse', ${guard('hono', false)}(c) => handle(c));
app.all('/messages', ${guard('hono', false)}(c) => handle(c));`,
      ],
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import { Hono } from 'hono';
import { McpServer } from '@modelcontextprotocol/server';
const app = new Hono();

${tokenHelpers({ bearer: true })}

app.post('/mcp', ${guard('hono', true)}(c) => handle(c));
app.on('POST', '/sse', (c) => handle(c));
app.all('/messages', (c) => handle(c));`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /sse`' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import { Hono } from 'hono';
import { McpServer } from '@modelcontextprotocol/server';
const app = new Hono();

${tokenHelpers({ bearer: true })}

app.post('/mcp', (c) => handle(c));
app.on('POST', '/sse', ${guard('hono', true)}(c) => handle(c));
app.all('/messages', (c) => handle(c));`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/messages`' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import { Hono } from 'hono';
import { McpServer } from '@modelcontextprotocol/server';
const app = new Hono();

${tokenHelpers({ bearer: true })}

app.post('/mcp', (c) => handle(c));
app.on('POST', '/sse', (c) => handle(c));
app.all('/messages', ${guard('hono', true)}(c) => handle(c));`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify plugins held by a constant (a `FastifyPluginAsync`, an `fp()` result) and registered by name',
      code: FASTIFY_NAMED_PLUGINS(''),
      output: [
        FASTIFY_NAMED_PLUGINS('', { helpers: tokenHelpers(), mcp: guard('fastify', false, { indent: '  ' }) }),
        FASTIFY_NAMED_PLUGINS('', {
          helpers: tokenHelpers(),
          mcp: guard('fastify', false, { indent: '  ' }),
          messages: guard('fastify', false, { indent: '  ' }),
        }),
      ],
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: FASTIFY_NAMED_PLUGINS('', {
                helpers: tokenHelpers({ bearer: true }),
                mcp: guard('fastify', true, { indent: '  ' }),
              }),
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /messages`' },
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: FASTIFY_NAMED_PLUGINS('', {
                helpers: tokenHelpers({ bearer: true }),
                messages: guard('fastify', true, { indent: '  ' }),
              }),
            },
          ],
        },
      ],
    },
    {
      name: 'fastify post, route and a plugin scope',
      code: `import Fastify from 'fastify';
import { McpServer } from '@modelcontextprotocol/server';
const app = Fastify();
app.post('/mcp', async (request, reply) => handle(request, reply));
app.route({ method: ['GET', 'POST'], url: '/sse', handler: handle });
app.post('/messages', { bodyLimit: 1024 }, handle);
app.register(async (instance) => {
  instance.post('/message', handle);
});`,
      output: [
        `import Fastify from 'fastify';
import { McpServer } from '@modelcontextprotocol/server';
const app = Fastify();

${tokenHelpers()}

app.post('/mcp', { ${guard('fastify', false)}}, async (request, reply) => handle(request, reply));
app.route({ method: ['GET', 'POST'], url: '/sse', handler: handle });
app.post('/messages', { bodyLimit: 1024 }, handle);
app.register(async (instance) => {
  instance.post('/message', handle);
});`,
        `import Fastify from 'fastify';
import { McpServer } from '@modelcontextprotocol/server';
const app = Fastify();

${tokenHelpers()}

app.post('/mcp', { ${guard('fastify', false)}}, async (request, reply) => handle(request, reply));
app.route({ method: ['GET', 'POST'], url: '/sse', handler: handle, ${guard('fastify', false)}});
app.post('/messages', { bodyLimit: 1024, ${guard('fastify', false)}}, handle);
app.register(async (instance) => {
  instance.post('/message', { ${guard('fastify', false, { indent: '  ' })}}, handle);
});`,
      ],
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import Fastify from 'fastify';
import { McpServer } from '@modelcontextprotocol/server';
const app = Fastify();

${tokenHelpers({ bearer: true })}

app.post('/mcp', { ${guard('fastify', true)}}, async (request, reply) => handle(request, reply));
app.route({ method: ['GET', 'POST'], url: '/sse', handler: handle });
app.post('/messages', { bodyLimit: 1024 }, handle);
app.register(async (instance) => {
  instance.post('/message', handle);
});`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /sse`' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import Fastify from 'fastify';
import { McpServer } from '@modelcontextprotocol/server';
const app = Fastify();

${tokenHelpers({ bearer: true })}

app.post('/mcp', async (request, reply) => handle(request, reply));
app.route({ method: ['GET', 'POST'], url: '/sse', handler: handle, ${guard('fastify', true)}});
app.post('/messages', { bodyLimit: 1024 }, handle);
app.register(async (instance) => {
  instance.post('/message', handle);
});`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /messages`' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import Fastify from 'fastify';
import { McpServer } from '@modelcontextprotocol/server';
const app = Fastify();

${tokenHelpers({ bearer: true })}

app.post('/mcp', async (request, reply) => handle(request, reply));
app.route({ method: ['GET', 'POST'], url: '/sse', handler: handle });
app.post('/messages', { bodyLimit: 1024, ${guard('fastify', true)}}, handle);
app.register(async (instance) => {
  instance.post('/message', handle);
});`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /message`' },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import Fastify from 'fastify';
import { McpServer } from '@modelcontextprotocol/server';
const app = Fastify();

${tokenHelpers({ bearer: true })}

app.post('/mcp', async (request, reply) => handle(request, reply));
app.route({ method: ['GET', 'POST'], url: '/sse', handler: handle });
app.post('/messages', { bodyLimit: 1024 }, handle);
app.register(async (instance) => {
  instance.post('/message', { ${guard('fastify', true, { indent: '  ' })}}, handle);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa router',
      code: `import Router from '@koa/router';
const router = new Router();
router.post('/mcp', async (ctx) => handle(ctx));`,
      output: `import Router from '@koa/router';
const router = new Router();

${tokenHelpers()}

router.post('/mcp', ${guard('koa', false)}async (ctx) => handle(ctx));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import Router from '@koa/router';
const router = new Router();

${tokenHelpers({ bearer: true })}

router.post('/mcp', ${guard('koa', true)}async (ctx) => handle(ctx));`,
            },
          ],
        },
      ],
    },
    {
      name: 'node:http: one method answering an http and an https server, through a wrapper each, is reported once',
      code: `import http from 'node:http';
import https from 'node:https';

export class Bridge {
  constructor(private readonly tls: https.ServerOptions | null) {}

  start(port: number): void {
    const server = this.tls
      ? https.createServer(this.tls, (req, res) => this.answer(req, res))
      : http.createServer((req, res) => this.answer(req, res));
    server.listen(port, '127.0.0.1');
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method === 'POST' && req.url === '/mcp') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: 1, result: { protocolVersion: '2025-06-18' } }));
      return;
    }
    res.writeHead(404).end();
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp` in this handler' },
          line: 15,
          column: 9,
          endLine: 15,
          endColumn: 30,
        },
      ],
    },
    {
      name: 'node:http: a branch for a path from the environment with `/mcp` as its default',
      code: `import http from 'node:http';

const mcpPath = process.env.MCP_HTTP_PATH ?? '/mcp';

http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') {
    res.end('ok');
    return;
  }
  if (url.pathname === mcpPath) {
    await transport.handleRequest(req, res);
    return;
  }
  res.writeHead(404).end();
});`,
      output: `import http from 'node:http';

const mcpPath = process.env.MCP_HTTP_PATH ?? '/mcp';

${tokenHelpers()}

http.createServer(async (req, res) => {
  ${guard('node:http', false, { indent: '  ' })}const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') {
    res.end('ok');
    return;
  }
  if (url.pathname === mcpPath) {
    await transport.handleRequest(req, res);
    return;
  }
  res.writeHead(404).end();
});`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/mcp` in this handler' },
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import http from 'node:http';

const mcpPath = process.env.MCP_HTTP_PATH ?? '/mcp';

${tokenHelpers({ bearer: true })}

http.createServer(async (req, res) => {
  ${guard('node:http', true, { indent: '  ' })}const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') {
    res.end('ok');
    return;
  }
  if (url.pathname === mcpPath) {
    await transport.handleRequest(req, res);
    return;
  }
  res.writeHead(404).end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'node:http: a health path answered first, then every path but /mcp turned away: the route is /mcp',
      code: `import http from 'node:http';

http.createServer(async (req, res) => {
  if (req.url === '/healthz') {
    res.end('ok');
    return;
  }
  if (req.url !== '/mcp') {
    res.writeHead(404).end();
    return;
  }
  await transport.handleRequest(req, res);
});`,
      output: `import http from 'node:http';

${tokenHelpers()}

http.createServer(async (req, res) => {
  ${guard('node:http', false, { indent: '  ' })}if (req.url === '/healthz') {
    res.end('ok');
    return;
  }
  if (req.url !== '/mcp') {
    res.writeHead(404).end();
    return;
  }
  await transport.handleRequest(req, res);
});`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/mcp` in this handler' },
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import http from 'node:http';

${tokenHelpers({ bearer: true })}

http.createServer(async (req, res) => {
  ${guard('node:http', true, { indent: '  ' })}if (req.url === '/healthz') {
    res.end('ok');
    return;
  }
  if (req.url !== '/mcp') {
    res.writeHead(404).end();
    return;
  }
  await transport.handleRequest(req, res);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Hono: routes a subclass of the app registers on `this`',
      code: `import { Hono } from 'hono';

/** Answers MCP's JSON-RPC by hand on its own POST route. */
export class RpcRoutes extends Hono {
  constructor() {
    super();
    this.post('/', async (c) => {
      const message = await c.req.json();
      if (message.method === 'tools/list') return c.json({ jsonrpc: '2.0', id: message.id, result: { tools: [] } });
      return c.json({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } });
    });
  }
}`,
      output: `import { Hono } from 'hono';

${tokenHelpers()}

/** Answers MCP's JSON-RPC by hand on its own POST route. */
export class RpcRoutes extends Hono {
  constructor() {
    super();
    this.post('/', ${guard('hono', false, { indent: '    ' })}async (c) => {
      const message = await c.req.json();
      if (message.method === 'tools/list') return c.json({ jsonrpc: '2.0', id: message.id, result: { tools: [] } });
      return c.json({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } });
    });
  }
}`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /`' },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import { Hono } from 'hono';

${tokenHelpers({ bearer: true })}

/** Answers MCP's JSON-RPC by hand on its own POST route. */
export class RpcRoutes extends Hono {
  constructor() {
    super();
    this.post('/', ${guard('hono', true, { indent: '    ' })}async (c) => {
      const message = await c.req.json();
      if (message.method === 'tools/list') return c.json({ jsonrpc: '2.0', id: message.id, result: { tools: [] } });
      return c.json({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } });
    });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'Hono: bearerAuth whose verifyToken says yes to every token checks nothing',
      code: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';

const app = new Hono();
// A placeholder verifier: every token passes.
app.post('/mcp', bearerAuth({ verifyToken: async () => true }), async (c) => transport.handleRequest(c));`,
      output: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';

const app = new Hono();

${tokenHelpers()}

// A placeholder verifier: every token passes.
app.post('/mcp', bearerAuth({ verifyToken: async () => true }), ${guard('hono', false)}async (c) => transport.handleRequest(c));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';

const app = new Hono();

${tokenHelpers({ bearer: true })}

// A placeholder verifier: every token passes.
app.post('/mcp', bearerAuth({ verifyToken: async () => true }), ${guard('hono', true)}async (c) => transport.handleRequest(c));`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: a route of an app that a method hands back (`route(path) { return this.app.route(path); }`)',
      code: `import express from 'express';

class Host {
  readonly app = express();
  route(path: string) {
    return this.app.route(path);
  }
}

const host = new Host();
host.route('/mcp').all(async (req, res) => transport.handleRequest(req, res, req.body));`,
      output: `import express from 'express';

class Host {
  readonly app = express();
  route(path: string) {
    return this.app.route(path);
  }
}

const host = new Host();

${tokenHelpers()}

host.route('/mcp').all(${guard('express', false)}async (req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/mcp`' },
          line: 11,
          column: 1,
          endLine: 11,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';

class Host {
  readonly app = express();
  route(path: string) {
    return this.app.route(path);
  }
}

const host = new Host();

${tokenHelpers({ bearer: true })}

host.route('/mcp').all(${guard('express', true)}async (req, res) => transport.handleRequest(req, res, req.body));`,
            },
          ],
        },
      ],
    },
    {
      name: 'node:http: a branch at a path of its own (`POST /rpc`) that answers MCP methods by hand is an endpoint',
      code: `import http from 'node:http';

http
  .createServer(async (req, res) => {
    if (req.method === 'POST' && req.url === '/rpc') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const message = JSON.parse(raw);
      if (message.method === 'tools/list') {
        res.end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result: { tools: [] } }));
        return;
      }
    }
    res.writeHead(404).end();
  })
  .listen(7430, '127.0.0.1');`,
      output: `import http from 'node:http';

${tokenHelpers()}

http
  .createServer(async (req, res) => {
    ${guard('node:http', false, { indent: '    ' })}if (req.method === 'POST' && req.url === '/rpc') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const message = JSON.parse(raw);
      if (message.method === 'tools/list') {
        res.end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result: { tools: [] } }));
        return;
      }
    }
    res.writeHead(404).end();
  })
  .listen(7430, '127.0.0.1');`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /rpc` in this handler' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import http from 'node:http';

${tokenHelpers({ bearer: true })}

http
  .createServer(async (req, res) => {
    ${guard('node:http', true, { indent: '    ' })}if (req.method === 'POST' && req.url === '/rpc') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const message = JSON.parse(raw);
      if (message.method === 'tools/list') {
        res.end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result: { tools: [] } }));
        return;
      }
    }
    res.writeHead(404).end();
  })
  .listen(7430, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: 'node:http: an early answer for GET at a path of its own lets POST through to the transport',
      code: `import http from 'node:http';

http.createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/status') {
    res.end('up');
    return;
  }
  await transport.handleRequest(req, res);
});`,
      output: `import http from 'node:http';

${tokenHelpers()}

http.createServer(async (req, res) => {
  ${guard('node:http', false, { indent: '  ' })}if (req.method === 'GET' && req.url === '/status') {
    res.end('up');
    return;
  }
  await transport.handleRequest(req, res);
});`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of this handler' },
          line: 3,
          column: 19,
          endLine: 9,
          endColumn: 2,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import http from 'node:http';

${tokenHelpers({ bearer: true })}

http.createServer(async (req, res) => {
  ${guard('node:http', true, { indent: '  ' })}if (req.method === 'GET' && req.url === '/status') {
    res.end('up');
    return;
  }
  await transport.handleRequest(req, res);
});`,
            },
          ],
        },
      ],
    },
    {
      name: "node:http: the SDK transport's request method is the whole handler, bound to the transport",
      code: `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
http.createServer(transport.handleRequest.bind(transport)).listen(7431, '127.0.0.1');`,
      // No function to put a check in: wrapping the transport is the owner's to write.
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of this handler' },
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 58,
          suggestions: [],
        },
      ],
    },
    {
      name: 'node:http and https: the same bound transport method given to both servers is one route',
      code: `import http from 'node:http';
import https from 'node:https';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
http.createServer(transport.handleRequest.bind(transport)).listen(7431, '127.0.0.1');
https.createServer({}, transport.handleRequest.bind(transport)).listen(7443, '127.0.0.1');`,
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of this handler' },
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 58,
          suggestions: [],
        },
      ],
    },
    {
      name: 'node:http: two servers, each given the bound method of a transport of its own, are two routes',
      code: `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

function serveNotes() {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  http.createServer(transport.handleRequest.bind(transport)).listen(7431, '127.0.0.1');
}

function serveTasks() {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  http.createServer(transport.handleRequest.bind(transport)).listen(7432, '127.0.0.1');
}`,
      output: null,
      errors: [6, 11].map((line) => ({
        messageId: 'missingCsrfCheck' as const,
        data: { route: 'Every method of this handler' },
        line,
        column: 21,
        endLine: line,
        endColumn: 60,
        suggestions: [],
      })),
    },
    {
      name: "express: a helper that hands back the app it is given (`withJson(open)`) gives that app, not its first caller's",
      code: `import express from 'express';

function withJson(app: express.Express) {
  app.use(express.json());
  return app;
}

const admin = withJson(express());
admin.use(requireAdminKey);
const open = express();
withJson(open).post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));`,
      output: `import express from 'express';

function withJson(app: express.Express) {
  app.use(express.json());
  return app;
}

const admin = withJson(express());
admin.use(requireAdminKey);
const open = express();

${tokenHelpers()}

withJson(open).post('/mcp', ${guard('express', false)}(req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 11,
          column: 1,
          endLine: 11,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';

function withJson(app: express.Express) {
  app.use(express.json());
  return app;
}

const admin = withJson(express());
admin.use(requireAdminKey);
const open = express();

${tokenHelpers({ bearer: true })}

withJson(open).post('/mcp', ${guard('express', true)}(req, res) => transport.handleRequest(req, res, req.body));`,
            },
          ],
        },
      ],
    },
    {
      name: 'Hono: a verifyToken that only logs before it answers true checks nothing',
      code: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';

const app = new Hono();
app.post(
  '/mcp',
  bearerAuth({
    verifyToken: async () => {
      console.warn('TODO: verify the token');
      return true;
    },
  }),
  (c) => transport.handleRequest(c),
);`,
      output: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';

const app = new Hono();

${tokenHelpers()}

app.post(
  '/mcp',
  bearerAuth({
    verifyToken: async () => {
      console.warn('TODO: verify the token');
      return true;
    },
  }),
  ${guard('hono', false, { indent: '  ' })}(c) => transport.handleRequest(c),
);`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';

const app = new Hono();

${tokenHelpers({ bearer: true })}

app.post(
  '/mcp',
  bearerAuth({
    verifyToken: async () => {
      console.warn('TODO: verify the token');
      return true;
    },
  }),
  ${guard('hono', true, { indent: '  ' })}(c) => transport.handleRequest(c),
);`,
            },
          ],
        },
      ],
    },
    {
      name: "node:http: a check in the MCP branch's `else` guards the other requests, not the MCP endpoint",
      code: `import http from 'node:http';

http.createServer(async (req, res) => {
  if (req.url === '/mcp') {
    await transport.handleRequest(req, res);
  } else {
    if (req.headers.authorization !== \`Bearer \${process.env.ADMIN_KEY}\`) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200).end('admin');
  }
});`,
      output: `import http from 'node:http';

${tokenHelpers()}

http.createServer(async (req, res) => {
  ${guard('node:http', false, { indent: '  ' })}if (req.url === '/mcp') {
    await transport.handleRequest(req, res);
  } else {
    if (req.headers.authorization !== \`Bearer \${process.env.ADMIN_KEY}\`) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200).end('admin');
  }
});`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/mcp` in this handler' },
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import http from 'node:http';

${tokenHelpers({ bearer: true })}

http.createServer(async (req, res) => {
  ${guard('node:http', true, { indent: '  ' })}if (req.url === '/mcp') {
    await transport.handleRequest(req, res);
  } else {
    if (req.headers.authorization !== \`Bearer \${process.env.ADMIN_KEY}\`) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200).end('admin');
  }
});`,
            },
          ],
        },
      ],
    },
    {
      name: "Hono: a verifyToken that only writes to the project's logger before it answers true checks nothing",
      code: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { logger } from './logger';

const app = new Hono();
app.post(
  '/mcp',
  bearerAuth({
    verifyToken: async () => {
      logger.warn('token verification is not implemented');
      return true;
    },
  }),
  (c) => transport.handleRequest(c),
);`,
      output: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { logger } from './logger';

const app = new Hono();

${tokenHelpers()}

app.post(
  '/mcp',
  bearerAuth({
    verifyToken: async () => {
      logger.warn('token verification is not implemented');
      return true;
    },
  }),
  ${guard('hono', false, { indent: '  ' })}(c) => transport.handleRequest(c),
);`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { logger } from './logger';

const app = new Hono();

${tokenHelpers({ bearer: true })}

app.post(
  '/mcp',
  bearerAuth({
    verifyToken: async () => {
      logger.warn('token verification is not implemented');
      return true;
    },
  }),
  ${guard('hono', true, { indent: '  ' })}(c) => transport.handleRequest(c),
);`,
            },
          ],
        },
      ],
    },
    {
      name: 'node:http: a POST branch, and an early return for anything else',
      code: `import http from 'node:http';

${httpPostBranch()}
http.createServer(async (req, res) => {
  if (req.url !== '/mcp' || req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  await transport.handleRequest(req, res);
});`,
      output: [
        `import http from 'node:http';

${tokenHelpers()}

${httpPostBranch(guard('node:http', false, { indent: '  ' }))}
http.createServer(async (req, res) => {
  if (req.url !== '/mcp' || req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  await transport.handleRequest(req, res);
});`,
        `import http from 'node:http';

${tokenHelpers()}

${httpPostBranch(guard('node:http', false, { indent: '  ' }))}
http.createServer(async (req, res) => {
  ${guard('node:http', false, { indent: '  ' })}if (req.url !== '/mcp' || req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  await transport.handleRequest(req, res);
});`,
      ],
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp` in this handler' },
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import http from 'node:http';

${tokenHelpers({ bearer: true })}

${httpPostBranch(guard('node:http', true, { indent: '  ' }))}
http.createServer(async (req, res) => {
  if (req.url !== '/mcp' || req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  await transport.handleRequest(req, res);
});`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp` in this handler' },
          line: 11,
          column: 29,
          endLine: 11,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import http from 'node:http';

${tokenHelpers({ bearer: true })}

${httpPostBranch()}
http.createServer(async (req, res) => {
  ${guard('node:http', true, { indent: '  ' })}if (req.url !== '/mcp' || req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  await transport.handleRequest(req, res);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Koa app middleware that branches on the method',
      code: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  if (ctx.method !== 'POST' || ctx.path !== '/mcp') return;
  await transport.handleRequest(ctx.req, ctx.res);
});`,
      output: `import Koa from 'koa';
const app = new Koa();

${tokenHelpers()}

app.use(async (ctx) => {
  ${guard('koa handler', false, { indent: '  ' })}if (ctx.method !== 'POST' || ctx.path !== '/mcp') return;
  await transport.handleRequest(ctx.req, ctx.res);
});`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp` in this handler' },
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import Koa from 'koa';
const app = new Koa();

${tokenHelpers({ bearer: true })}

app.use(async (ctx) => {
  ${guard('koa handler', true, { indent: '  ' })}if (ctx.method !== 'POST' || ctx.path !== '/mcp') return;
  await transport.handleRequest(ctx.req, ctx.res);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'checks that an attacker passes by leaving the header out',
      code: `import express from 'express';
import { Hono } from 'hono';
const app = express();
app.post('/mcp', (req, res) => {
  const auth = req.headers.authorization;
  if (auth) {
    if (auth !== process.env.TOKEN) return res.sendStatus(401);
  }
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v2', (req, res) => {
  const auth = req.headers.authorization;
  if (auth && auth !== process.env.TOKEN) return res.sendStatus(401);
  return transport.handleRequest(req, res, req.body);
});
const hono = new Hono();
hono.post('/mcp', (c) => {
  if (c.req.header('x-debug') === '1') return c.json({ debug: true });
  return handle(c);
});`,
      output: [
        `import express from 'express';
import { Hono } from 'hono';
const app = express();

${tokenHelpers()}

app.post('/mcp', ${guard('express', false)}(req, res) => {
  const auth = req.headers.authorization;
  if (auth) {
    if (auth !== process.env.TOKEN) return res.sendStatus(401);
  }
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v2', (req, res) => {
  const auth = req.headers.authorization;
  if (auth && auth !== process.env.TOKEN) return res.sendStatus(401);
  return transport.handleRequest(req, res, req.body);
});
const hono = new Hono();
hono.post('/mcp', (c) => {
  if (c.req.header('x-debug') === '1') return c.json({ debug: true });
  return handle(c);
});`,
        `import express from 'express';
import { Hono } from 'hono';
const app = express();

${tokenHelpers()}

app.post('/mcp', ${guard('express', false)}(req, res) => {
  const auth = req.headers.authorization;
  if (auth) {
    if (auth !== process.env.TOKEN) return res.sendStatus(401);
  }
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v2', ${guard('express', false)}(req, res) => {
  const auth = req.headers.authorization;
  if (auth && auth !== process.env.TOKEN) return res.sendStatus(401);
  return transport.handleRequest(req, res, req.body);
});
const hono = new Hono();
hono.post('/mcp', ${guard('hono', false)}(c) => {
  if (c.req.header('x-debug') === '1') return c.json({ debug: true });
  return handle(c);
});`,
      ],
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { Hono } from 'hono';
const app = express();

${tokenHelpers({ bearer: true })}

app.post('/mcp', ${guard('express', true)}(req, res) => {
  const auth = req.headers.authorization;
  if (auth) {
    if (auth !== process.env.TOKEN) return res.sendStatus(401);
  }
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v2', (req, res) => {
  const auth = req.headers.authorization;
  if (auth && auth !== process.env.TOKEN) return res.sendStatus(401);
  return transport.handleRequest(req, res, req.body);
});
const hono = new Hono();
hono.post('/mcp', (c) => {
  if (c.req.header('x-debug') === '1') return c.json({ debug: true });
  return handle(c);
});`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp/v2`' },
          line: 11,
          column: 1,
          endLine: 11,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { Hono } from 'hono';
const app = express();

${tokenHelpers({ bearer: true })}

app.post('/mcp', (req, res) => {
  const auth = req.headers.authorization;
  if (auth) {
    if (auth !== process.env.TOKEN) return res.sendStatus(401);
  }
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v2', ${guard('express', true)}(req, res) => {
  const auth = req.headers.authorization;
  if (auth && auth !== process.env.TOKEN) return res.sendStatus(401);
  return transport.handleRequest(req, res, req.body);
});
const hono = new Hono();
hono.post('/mcp', (c) => {
  if (c.req.header('x-debug') === '1') return c.json({ debug: true });
  return handle(c);
});`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 17,
          column: 1,
          endLine: 17,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { Hono } from 'hono';
const app = express();

${tokenHelpers({ bearer: true })}

app.post('/mcp', (req, res) => {
  const auth = req.headers.authorization;
  if (auth) {
    if (auth !== process.env.TOKEN) return res.sendStatus(401);
  }
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v2', (req, res) => {
  const auth = req.headers.authorization;
  if (auth && auth !== process.env.TOKEN) return res.sendStatus(401);
  return transport.handleRequest(req, res, req.body);
});
const hono = new Hono();
hono.post('/mcp', ${guard('hono', true)}(c) => {
  if (c.req.header('x-debug') === '1') return c.json({ debug: true });
  return handle(c);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a router mounted twice, once without its guard, and a check in another branch',
      code: `import express, { Router } from 'express';
import http from 'node:http';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}
const app = express();
const router = Router();
router.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));
app.use('/legacy', router);
app.use('/v2', (req, res, next) => (hasToken(req.headers.authorization) ? next() : res.sendStatus(401)));
app.use('/v2', router);
http.createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/admin') {
    if (!hasToken(req.headers.authorization)) return res.writeHead(401).end();
    return res.end('admin');
  }
  if (req.method === 'POST' && req.url === '/mcp') await transport.handleRequest(req, res);
});`,
      output: [
        `import express, { Router } from 'express';
import http from 'node:http';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}
const app = express();
const router = Router();

${tokenHelpers()}

router.post('/mcp', ${guard('express', false)}(req, res) => transport.handleRequest(req, res, req.body));
app.use('/legacy', router);
app.use('/v2', (req, res, next) => (hasToken(req.headers.authorization) ? next() : res.sendStatus(401)));
app.use('/v2', router);
http.createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/admin') {
    if (!hasToken(req.headers.authorization)) return res.writeHead(401).end();
    return res.end('admin');
  }
  if (req.method === 'POST' && req.url === '/mcp') await transport.handleRequest(req, res);
});`,
        `import express, { Router } from 'express';
import http from 'node:http';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}
const app = express();
const router = Router();

${tokenHelpers()}

router.post('/mcp', ${guard('express', false)}(req, res) => transport.handleRequest(req, res, req.body));
app.use('/legacy', router);
app.use('/v2', (req, res, next) => (hasToken(req.headers.authorization) ? next() : res.sendStatus(401)));
app.use('/v2', router);
http.createServer(async (req, res) => {
  ${guard('node:http', false, { indent: '  ' })}if (req.method === 'GET' && req.url === '/admin') {
    if (!hasToken(req.headers.authorization)) return res.writeHead(401).end();
    return res.end('admin');
  }
  if (req.method === 'POST' && req.url === '/mcp') await transport.handleRequest(req, res);
});`,
      ],
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express, { Router } from 'express';
import http from 'node:http';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}
const app = express();
const router = Router();

${tokenHelpers({ bearer: true })}

router.post('/mcp', ${guard('express', true)}(req, res) => transport.handleRequest(req, res, req.body));
app.use('/legacy', router);
app.use('/v2', (req, res, next) => (hasToken(req.headers.authorization) ? next() : res.sendStatus(401)));
app.use('/v2', router);
http.createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/admin') {
    if (!hasToken(req.headers.authorization)) return res.writeHead(401).end();
    return res.end('admin');
  }
  if (req.method === 'POST' && req.url === '/mcp') await transport.handleRequest(req, res);
});`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp` in this handler' },
          line: 17,
          column: 7,
          endLine: 17,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express, { Router } from 'express';
import http from 'node:http';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}
const app = express();
const router = Router();

${tokenHelpers({ bearer: true })}

router.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));
app.use('/legacy', router);
app.use('/v2', (req, res, next) => (hasToken(req.headers.authorization) ? next() : res.sendStatus(401)));
app.use('/v2', router);
http.createServer(async (req, res) => {
  ${guard('node:http', true, { indent: '  ' })}if (req.method === 'GET' && req.url === '/admin') {
    if (!hasToken(req.headers.authorization)) return res.writeHead(401).end();
    return res.end('admin');
  }
  if (req.method === 'POST' && req.url === '/mcp') await transport.handleRequest(req, res);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Fastify options in a constant, and decorating plugins that check nothing by themselves',
      code: `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
const app = Fastify();
app.register(fastifyJwt, { secret: 'x' });
const routeOptions = { bodyLimit: 1024 };
app.post('/mcp', routeOptions, handle);`,
      output: `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
const app = Fastify();
app.register(fastifyJwt, { secret: 'x' });
const routeOptions = { bodyLimit: 1024, ${guard('fastify', false)}};

${tokenHelpers()}

app.post('/mcp', routeOptions, handle);`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
const app = Fastify();
app.register(fastifyJwt, { secret: 'x' });
const routeOptions = { bodyLimit: 1024, ${guard('fastify', true)}};

${tokenHelpers({ bearer: true })}

app.post('/mcp', routeOptions, handle);`,
            },
          ],
        },
      ],
    },
    {
      name: 'Basic auth and cookie-borne JWTs are sent by the browser itself',
      code: `import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { jwt } from 'hono/jwt';
const app = new Hono();
app.post('/mcp', basicAuth({ username: 'u', password: 'p' }), (c) => handle(c));
app.post('/api/mcp', jwt({ secret: 'x', alg: 'HS256', cookie: 'token' }), (c) => handle(c));`,
      output: [
        `import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { jwt } from 'hono/jwt';
const app = new Hono();

${tokenHelpers()}

app.post('/mcp', basicAuth({ username: 'u', password: 'p' }), ${guard('hono', false)}(c) => handle(c));
app.post('/api/mcp', jwt({ secret: 'x', alg: 'HS256', cookie: 'token' }), (c) => handle(c));`,
        `import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { jwt } from 'hono/jwt';
const app = new Hono();

${tokenHelpers()}

app.post('/mcp', basicAuth({ username: 'u', password: 'p' }), ${guard('hono', false)}(c) => handle(c));
app.post('/api/mcp', jwt({ secret: 'x', alg: 'HS256', cookie: 'token' }), ${guard('hono', false)}(c) => handle(c));`,
      ],
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { jwt } from 'hono/jwt';
const app = new Hono();

${tokenHelpers({ bearer: true })}

app.post('/mcp', basicAuth({ username: 'u', password: 'p' }), ${guard('hono', true)}(c) => handle(c));
app.post('/api/mcp', jwt({ secret: 'x', alg: 'HS256', cookie: 'token' }), (c) => handle(c));`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /api/mcp`' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { jwt } from 'hono/jwt';
const app = new Hono();

${tokenHelpers({ bearer: true })}

app.post('/mcp', basicAuth({ username: 'u', password: 'p' }), (c) => handle(c));
app.post('/api/mcp', jwt({ secret: 'x', alg: 'HS256', cookie: 'token' }), ${guard('hono', true)}(c) => handle(c));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a node:http handler that routes by path alone, and a POST branch for another path',
      code: `import http from 'node:http';
http.createServer(async (req, res) => {
  if (req.url === '/mcp') return transport.handleRequest(req, res);
  res.writeHead(404).end();
});
http.createServer(async (req, res) => {
  if (req.method === 'POST' && req.url === '/webhook') return res.end('ok');
  if (req.method === 'POST' && req.url === '/mcp') return transport.handleRequest(req, res);
});`,
      output: [
        `import http from 'node:http';

${tokenHelpers()}

http.createServer(async (req, res) => {
  ${guard('node:http', false, { indent: '  ' })}if (req.url === '/mcp') return transport.handleRequest(req, res);
  res.writeHead(404).end();
});
http.createServer(async (req, res) => {
  if (req.method === 'POST' && req.url === '/webhook') return res.end('ok');
  if (req.method === 'POST' && req.url === '/mcp') return transport.handleRequest(req, res);
});`,
        `import http from 'node:http';

${tokenHelpers()}

http.createServer(async (req, res) => {
  ${guard('node:http', false, { indent: '  ' })}if (req.url === '/mcp') return transport.handleRequest(req, res);
  res.writeHead(404).end();
});
http.createServer(async (req, res) => {
  ${guard('node:http', false, { indent: '  ' })}if (req.method === 'POST' && req.url === '/webhook') return res.end('ok');
  if (req.method === 'POST' && req.url === '/mcp') return transport.handleRequest(req, res);
});`,
      ],
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/mcp` in this handler' },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import http from 'node:http';

${tokenHelpers({ bearer: true })}

http.createServer(async (req, res) => {
  ${guard('node:http', true, { indent: '  ' })}if (req.url === '/mcp') return transport.handleRequest(req, res);
  res.writeHead(404).end();
});
http.createServer(async (req, res) => {
  if (req.method === 'POST' && req.url === '/webhook') return res.end('ok');
  if (req.method === 'POST' && req.url === '/mcp') return transport.handleRequest(req, res);
});`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp` in this handler' },
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import http from 'node:http';

${tokenHelpers({ bearer: true })}

http.createServer(async (req, res) => {
  if (req.url === '/mcp') return transport.handleRequest(req, res);
  res.writeHead(404).end();
});
http.createServer(async (req, res) => {
  ${guard('node:http', true, { indent: '  ' })}if (req.method === 'POST' && req.url === '/webhook') return res.end('ok');
  if (req.method === 'POST' && req.url === '/mcp') return transport.handleRequest(req, res);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a handler declared as a function, a path-alone handler with several paths, and two Koa apps',
      code: `import http from 'node:http';
import Koa from 'koa';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}
async function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.url === '/health') return res.end('ok');
  if (req.url === '/mcp') return transport.handleRequest(req, res);
}
http.createServer(onRequest);
const guarded = new Koa();
guarded.use(async (ctx, next) => {
  if (!hasToken(ctx.get('authorization'))) ctx.throw(401);
  await next();
});
const open = new Koa();
open.use(async (ctx) => {
  if (ctx.method === 'POST' && ctx.path === '/mcp') await transport.handleRequest(ctx.req, ctx.res);
});`,
      output: [
        `import http from 'node:http';
import Koa from 'koa';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}

${tokenHelpers()}

async function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  ${guard('node:http', false, { indent: '  ' })}if (req.url === '/health') return res.end('ok');
  if (req.url === '/mcp') return transport.handleRequest(req, res);
}
http.createServer(onRequest);
const guarded = new Koa();
guarded.use(async (ctx, next) => {
  if (!hasToken(ctx.get('authorization'))) ctx.throw(401);
  await next();
});
const open = new Koa();
open.use(async (ctx) => {
  if (ctx.method === 'POST' && ctx.path === '/mcp') await transport.handleRequest(ctx.req, ctx.res);
});`,
        `import http from 'node:http';
import Koa from 'koa';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}

${tokenHelpers()}

async function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  ${guard('node:http', false, { indent: '  ' })}if (req.url === '/health') return res.end('ok');
  if (req.url === '/mcp') return transport.handleRequest(req, res);
}
http.createServer(onRequest);
const guarded = new Koa();
guarded.use(async (ctx, next) => {
  if (!hasToken(ctx.get('authorization'))) ctx.throw(401);
  await next();
});
const open = new Koa();
open.use(async (ctx) => {
  ${guard('koa handler', false, { indent: '  ' })}if (ctx.method === 'POST' && ctx.path === '/mcp') await transport.handleRequest(ctx.req, ctx.res);
});`,
      ],
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/mcp` in this handler' },
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import http from 'node:http';
import Koa from 'koa';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}

${tokenHelpers({ bearer: true })}

async function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  ${guard('node:http', true, { indent: '  ' })}if (req.url === '/health') return res.end('ok');
  if (req.url === '/mcp') return transport.handleRequest(req, res);
}
http.createServer(onRequest);
const guarded = new Koa();
guarded.use(async (ctx, next) => {
  if (!hasToken(ctx.get('authorization'))) ctx.throw(401);
  await next();
});
const open = new Koa();
open.use(async (ctx) => {
  if (ctx.method === 'POST' && ctx.path === '/mcp') await transport.handleRequest(ctx.req, ctx.res);
});`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp` in this handler' },
          line: 18,
          column: 7,
          endLine: 18,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import http from 'node:http';
import Koa from 'koa';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.TOKEN;
}

${tokenHelpers({ bearer: true })}

async function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.url === '/health') return res.end('ok');
  if (req.url === '/mcp') return transport.handleRequest(req, res);
}
http.createServer(onRequest);
const guarded = new Koa();
guarded.use(async (ctx, next) => {
  if (!hasToken(ctx.get('authorization'))) ctx.throw(401);
  await next();
});
const open = new Koa();
open.use(async (ctx) => {
  ${guard('koa handler', true, { indent: '  ' })}if (ctx.method === 'POST' && ctx.path === '/mcp') await transport.handleRequest(ctx.req, ctx.res);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'repeated inline reads, a try inside a presence test, and a try that only logs',
      code: `import express from 'express';
const app = express();
app.post('/mcp', (req, res) => {
  if (req.headers.authorization && req.headers.authorization !== process.env.TOKEN) return res.sendStatus(401);
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v2', async (req, res) => {
  const auth = req.headers.authorization;
  if (auth) {
    try {
      await verify(auth);
    } catch {
      return res.sendStatus(401);
    }
  }
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v3', async (req, res) => {
  try {
    console.log(req.headers.authorization);
  } catch {
    return res.sendStatus(401);
  }
  return transport.handleRequest(req, res, req.body);
});`,
      output: [
        `import express from 'express';
const app = express();

${tokenHelpers()}

app.post('/mcp', ${guard('express', false)}(req, res) => {
  if (req.headers.authorization && req.headers.authorization !== process.env.TOKEN) return res.sendStatus(401);
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v2', async (req, res) => {
  const auth = req.headers.authorization;
  if (auth) {
    try {
      await verify(auth);
    } catch {
      return res.sendStatus(401);
    }
  }
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v3', async (req, res) => {
  try {
    console.log(req.headers.authorization);
  } catch {
    return res.sendStatus(401);
  }
  return transport.handleRequest(req, res, req.body);
});`,
        `import express from 'express';
const app = express();

${tokenHelpers()}

app.post('/mcp', ${guard('express', false)}(req, res) => {
  if (req.headers.authorization && req.headers.authorization !== process.env.TOKEN) return res.sendStatus(401);
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v2', ${guard('express', false)}async (req, res) => {
  const auth = req.headers.authorization;
  if (auth) {
    try {
      await verify(auth);
    } catch {
      return res.sendStatus(401);
    }
  }
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v3', ${guard('express', false)}async (req, res) => {
  try {
    console.log(req.headers.authorization);
  } catch {
    return res.sendStatus(401);
  }
  return transport.handleRequest(req, res, req.body);
});`,
      ],
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
const app = express();

${tokenHelpers({ bearer: true })}

app.post('/mcp', ${guard('express', true)}(req, res) => {
  if (req.headers.authorization && req.headers.authorization !== process.env.TOKEN) return res.sendStatus(401);
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v2', async (req, res) => {
  const auth = req.headers.authorization;
  if (auth) {
    try {
      await verify(auth);
    } catch {
      return res.sendStatus(401);
    }
  }
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v3', async (req, res) => {
  try {
    console.log(req.headers.authorization);
  } catch {
    return res.sendStatus(401);
  }
  return transport.handleRequest(req, res, req.body);
});`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp/v2`' },
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
const app = express();

${tokenHelpers({ bearer: true })}

app.post('/mcp', (req, res) => {
  if (req.headers.authorization && req.headers.authorization !== process.env.TOKEN) return res.sendStatus(401);
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v2', ${guard('express', true)}async (req, res) => {
  const auth = req.headers.authorization;
  if (auth) {
    try {
      await verify(auth);
    } catch {
      return res.sendStatus(401);
    }
  }
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v3', async (req, res) => {
  try {
    console.log(req.headers.authorization);
  } catch {
    return res.sendStatus(401);
  }
  return transport.handleRequest(req, res, req.body);
});`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp/v3`' },
          line: 18,
          column: 1,
          endLine: 18,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
const app = express();

${tokenHelpers({ bearer: true })}

app.post('/mcp', (req, res) => {
  if (req.headers.authorization && req.headers.authorization !== process.env.TOKEN) return res.sendStatus(401);
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v2', async (req, res) => {
  const auth = req.headers.authorization;
  if (auth) {
    try {
      await verify(auth);
    } catch {
      return res.sendStatus(401);
    }
  }
  return transport.handleRequest(req, res, req.body);
});
app.post('/mcp/v3', ${guard('express', true)}async (req, res) => {
  try {
    console.log(req.headers.authorization);
  } catch {
    return res.sendStatus(401);
  }
  return transport.handleRequest(req, res, req.body);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'express route chains and a fastify-plugin wrapper',
      code: `import express from 'express';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
const app = express();
app.route('/mcp').get(listSessions).post((req, res) => transport.handleRequest(req, res, req.body));
const fastify = Fastify();
fastify.register(fp(async (instance) => {
  instance.post('/mcp', handle);
}));`,
      output: [
        `import express from 'express';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
const app = express();

${tokenHelpers()}

app.route('/mcp').get(listSessions).post(${guard('express', false)}(req, res) => transport.handleRequest(req, res, req.body));
const fastify = Fastify();
fastify.register(fp(async (instance) => {
  instance.post('/mcp', handle);
}));`,
        `import express from 'express';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
const app = express();

${tokenHelpers()}

app.route('/mcp').get(listSessions).post(${guard('express', false)}(req, res) => transport.handleRequest(req, res, req.body));
const fastify = Fastify();
fastify.register(fp(async (instance) => {
  instance.post('/mcp', { ${guard('fastify', false, { indent: '  ' })}}, handle);
}));`,
      ],
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
const app = express();

${tokenHelpers({ bearer: true })}

app.route('/mcp').get(listSessions).post(${guard('express', true)}(req, res) => transport.handleRequest(req, res, req.body));
const fastify = Fastify();
fastify.register(fp(async (instance) => {
  instance.post('/mcp', handle);
}));`,
            },
          ],
        },
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
const app = express();

${tokenHelpers({ bearer: true })}

app.route('/mcp').get(listSessions).post((req, res) => transport.handleRequest(req, res, req.body));
const fastify = Fastify();
fastify.register(fp(async (instance) => {
  instance.post('/mcp', { ${guard('fastify', true, { indent: '  ' })}}, handle);
}));`,
            },
          ],
        },
      ],
    },
    {
      name: 'an existing timingSafeEqual import is reused',
      code: `import { timingSafeEqual as safeEqual } from 'crypto';
import express from 'express';
const app = express();
app.post('/mcp', handler);
export { safeEqual };`,
      output: `import { timingSafeEqual as safeEqual } from 'crypto';
import express from 'express';
const app = express();

${tokenHelpers({ imported: 'safeEqual' })}

app.post('/mcp', ${guard('express', false)}handler);
export { safeEqual };`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import { timingSafeEqual as safeEqual } from 'crypto';
import express from 'express';
const app = express();

${tokenHelpers({ bearer: true, imported: 'safeEqual' })}

app.post('/mcp', ${guard('express', true)}handler);
export { safeEqual };`,
            },
          ],
        },
      ],
    },
    {
      name: 'a trailing comment on the line above stays with its line',
      code: `import express from 'express';
const app = express();
app.use(express.json()); // bodies as JSON
app.post('/mcp', handler);`,
      output: `import express from 'express';
const app = express();
app.use(express.json()); // bodies as JSON

${tokenHelpers()}

app.post('/mcp', ${guard('express', false)}handler);`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
const app = express();
app.use(express.json()); // bodies as JSON

${tokenHelpers({ bearer: true })}

app.post('/mcp', ${guard('express', true)}handler);`,
            },
          ],
        },
      ],
    },
    {
      name: 'ESM JavaScript',
      code: `import express from 'express';
const app = express();
app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));`,
      ...esm,
      output: `import express from 'express';
const app = express();

${tokenHelpers({ js: 'esm' })}

app.post('/mcp', ${guard('express', false)}(req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
const app = express();

${tokenHelpers({ bearer: true, js: 'esm' })}

app.post('/mcp', ${guard('express', true)}(req, res) => transport.handleRequest(req, res, req.body));`,
            },
          ],
        },
      ],
    },
  ]),
});

// By default, the fail-closed change (deny the origin, require the token, bind loopback) is no
// autofix: it is the first suggestion, next to the others, as it can stop a client that works today.
ruleTester.run('require-csrf-token: by default, the fail-closed change is the first suggestion', rule, {
  valid: [],
  invalid: [
    {
      name: 'by default, requiring the token header is the first suggestion, before the bearer token',
      code: EXPRESS_APP,
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: expressAppFixed(false),
            },
            { messageId: 'useBearerToken', output: expressAppFixed(true) },
          ],
        },
      ],
    },
    {
      name: 'by default, the token header named by the tokenHeaders option',
      code: `import express from 'express';

const app = express();
app.post('/mcp', async (req, res) => {
  await transport.handleRequest(req, res, req.body);
});`,
      options: [{ tokenHeaders: ['X-Api-Key'] }],
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-api-key`' },
              output: `import express from 'express';

const app = express();

${tokenHelpers({ header: 'x-api-key' })}

app.post('/mcp', ${guard('express', false, { header: 'x-api-key' })}async (req, res) => {
  await transport.handleRequest(req, res, req.body);
});`,
            },
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';

const app = express();

${tokenHelpers({ bearer: true })}

app.post('/mcp', ${guard('express', true)}async (req, res) => {
  await transport.handleRequest(req, res, req.body);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a branch for a list of methods that holds POST (`MCP_METHODS.has(req.method)`), after an early exit for a list without it',
      code: `import http from 'node:http';

${methodListBranch()}`,
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp` in this handler' },
          line: 6,
          column: 29,
          endLine: 6,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: `import http from 'node:http';

${tokenHelpers()}

${methodListBranch(guard('node:http', false, { indent: '  ' }))}`,
            },
            {
              messageId: 'useBearerToken',
              output: `import http from 'node:http';

${tokenHelpers({ bearer: true })}

${methodListBranch(guard('node:http', true, { indent: '  ' }))}`,
            },
          ],
        },
      ],
    },
    {
      name: 'by default, a node:http POST branch gets the token check as a suggestion',
      code: `import http from 'node:http';

${httpPostBranch()}`,
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp` in this handler' },
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: `import http from 'node:http';

${tokenHelpers()}

${httpPostBranch(guard('node:http', false, { indent: '  ' }))}`,
            },
            {
              messageId: 'useBearerToken',
              output: `import http from 'node:http';

${tokenHelpers({ bearer: true })}

${httpPostBranch(guard('node:http', true, { indent: '  ' }))}`,
            },
          ],
        },
      ],
    },
  ],
});

// On a server bound to loopback, a check that refuses a foreign `Origin` keeps every cross-site
// page out (a browser sends `Origin` with each cross-origin POST): the SDK v2 apps validate it out
// of the box, and so do the SDK's `originValidation` middleware and a hand check of the header.
// A `Host` check does not (a forged form POST carries the server's own Host), and neither does
// any check on a server the network reaches.

const V2_HONO_LOCAL = `import { serve } from '@hono/node-server';
import { createMcpHonoApp } from '@modelcontextprotocol/hono';

const app = createMcpHonoApp();
app.all('/mcp', (c) => handler.fetch(c.req.raw));
serve({ fetch: app.fetch, port: 3000, hostname: '127.0.0.1' });`;

const V2_EXPRESS_LOCAL = `import { createMcpExpressApp } from '@modelcontextprotocol/express';

const app = createMcpExpressApp();
app.post('/mcp', async (req, res) => {
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, 'localhost');`;

const NODE_ORIGIN_LOCAL = `import { createServer } from 'node:http';
import { localhostOriginValidation, toNodeHandler } from '@modelcontextprotocol/node';

const validateOrigin = localhostOriginValidation();
const serveMcp = toNodeHandler(handler);
createServer((req, res) => {
  if (!validateOrigin(req, res)) return;
  if (req.url === '/mcp') void serveMcp(req, res);
}).listen(3000, '127.0.0.1');`;

/** NODE_ORIGIN_LOCAL on every interface, with the token fix atop its handler. */
function nodeOpenFixed(bearer: boolean): string {
  return NODE_ORIGIN_LOCAL.replace(", '127.0.0.1'", '')
    .replace('createServer(', `\n${tokenHelpers({ bearer })}\n\ncreateServer(`)
    .replace('  if (!validateOrigin', `  ${guard('node:http', bearer, { indent: '  ' })}if (!validateOrigin`);
}

const ORIGIN_MIDDLEWARE_LOCAL = `import express from 'express';
import { localhostOriginValidation } from '@modelcontextprotocol/express';

const app = express();
app.use(localhostOriginValidation());
app.post('/mcp', async (req, res) => {
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run('require-csrf-token: an Origin check on a server bound to loopback', rule, {
  valid: [
    { name: 'SDK v2 createMcpHonoApp() served on 127.0.0.1', code: V2_HONO_LOCAL },
    { name: 'SDK v2 createMcpExpressApp() listening on localhost', code: V2_EXPRESS_LOCAL },
    {
      name: 'SDK v2 createMcpExpressApp({ allowedOrigins }) on loopback',
      code: V2_EXPRESS_LOCAL.replace(
        'createMcpExpressApp()',
        "createMcpExpressApp({ host: '0.0.0.0', allowedOrigins: ['http://localhost:5173'] })",
      ),
    },
    { name: "the SDK's localhostOriginValidation() before the route, on loopback", code: ORIGIN_MIDDLEWARE_LOCAL },
    {
      name: 'the same on a host from the environment with a loopback fallback, as the loopback fix writes it',
      code: ORIGIN_MIDDLEWARE_LOCAL.replace("'127.0.0.1'", "process.env.HOST ?? '127.0.0.1'"),
    },
    { name: 'a node:http handler that validates Origin first, on loopback', code: NODE_ORIGIN_LOCAL },
    {
      name: 'a hand check that refuses a foreign Origin, on loopback',
      code: `import express from 'express';

const ALLOWED_ORIGINS = new Set(['http://localhost:5173']);
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && !ALLOWED_ORIGINS.has(origin)) {
    res.status(403).end();
    return;
  }
  next();
});
app.post('/mcp', async (req, res) => {
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
    },
    {
      name: 'a router mounted on an app that validates Origin, on loopback',
      code: `import { Router } from 'express';
import { createMcpExpressApp } from '@modelcontextprotocol/express';

const router = Router();
router.post('/mcp', async (req, res) => {
  await transport.handleRequest(req, res, req.body);
});
const app = createMcpExpressApp();
app.use(router);
app.listen(3000, '::1');`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'the Origin-validating app served on every interface (no hostname)',
      ...openRoute(V2_HONO_LOCAL.replace(", hostname: '127.0.0.1'", ''), 5, 8, "app.all('/mcp', ", 'hono', true),
    },
    {
      name: 'a node:http handler that validates Origin first, on every interface',
      code: NODE_ORIGIN_LOCAL.replace(", '127.0.0.1'", ''),
      output: nodeOpenFixed(false),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/mcp` in this handler' },
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 25,
          suggestions: [{ messageId: 'useBearerToken', output: nodeOpenFixed(true) }],
        },
      ],
    },
    {
      name: 'SDK v1 createMcpExpressApp() validates Host only',
      ...openRoute(
        V2_EXPRESS_LOCAL.replace("'@modelcontextprotocol/express'", "'@modelcontextprotocol/sdk/server/express.js'"),
        4,
        9,
        "app.post('/mcp', ",
        'express',
      ),
    },
    {
      name: 'a Host check alone, on loopback',
      ...openRoute(
        ORIGIN_MIDDLEWARE_LOCAL.replaceAll('localhostOriginValidation', 'localhostHostValidation'),
        6,
        9,
        "app.post('/mcp', ",
        'express',
      ),
    },
    {
      name: 'SDK v2 app told a non-loopback host, with no allowedOrigins: no Origin check',
      ...openRoute(
        V2_EXPRESS_LOCAL.replace('createMcpExpressApp()', "createMcpExpressApp({ host: '0.0.0.0' })"),
        4,
        9,
        "app.post('/mcp', ",
        'express',
      ),
    },
    {
      name: 'an app started on loopback and on every interface',
      ...openRoute(`${V2_EXPRESS_LOCAL}\napp.listen(3001);`, 4, 9, "app.post('/mcp', ", 'express'),
    },
    {
      name: 'an app on a host the file does not show',
      ...openRoute(
        V2_EXPRESS_LOCAL.replace("app.listen(3000, 'localhost');", 'app.listen(3000, process.env.HOST);'),
        4,
        9,
        "app.post('/mcp', ",
        'express',
      ),
    },
    {
      name: 'an app also served by an https server on every interface (the handler is its last argument)',
      ...openRoute(
        `import https from 'node:https';\n${V2_EXPRESS_LOCAL}\nhttps.createServer({ key, cert }, app).listen(443);`,
        5,
        9,
        "app.post('/mcp', ",
        'express',
      ),
    },
    {
      name: 'an app started on loopback but exported, for other code to serve',
      ...openRoute(`${V2_EXPRESS_LOCAL}\nexport default app;`, 4, 9, "app.post('/mcp', ", 'express'),
    },
    {
      name: 'SDK v2 app whose allowedOrigins come from the environment',
      ...openRoute(
        V2_EXPRESS_LOCAL.replace(
          'createMcpExpressApp()',
          "createMcpExpressApp({ allowedOrigins: process.env.ALLOWED_ORIGINS?.split(',') })",
        ),
        4,
        9,
        "app.post('/mcp', ",
        'express',
      ),
    },
    {
      name: 'an app the file does not start',
      ...openRoute(
        V2_EXPRESS_LOCAL.replace("app.listen(3000, 'localhost');", 'export default app;'),
        4,
        9,
        "app.post('/mcp', ",
        'express',
      ),
    },
  ]),
});

/** The catch-500 handler with the token fix. */
const CATCH_500 = (bearer: boolean): string => `import express from 'express';

const app = express();

${tokenHelpers({ bearer })}

app.post('/mcp', ${guard('express', bearer)}async (req, res) => {
  try {
    const client = new UpstreamClient(req.headers['x-upstream-key']);
    await transport.handleRequest(req, res, req.body);
  } catch (error) {
    if (!res.headersSent) res.status(500).json({ error: 'Internal server error' });
  }
});`;

/** A handler that takes an upstream key from a header or the environment through a helper. */
const UPSTREAM_KEY = (guardText: string): string => `import express from 'express';

const app = express();
function upstreamKey(req) {
  let key = process.env.UPSTREAM_KEY;
  if (!key && req.headers['x-upstream-key']) key = String(req.headers['x-upstream-key']);
  if (!key) return '';
  return key;
}
app.post('/mcp', ${guardText}async (req, res) => {
  const client = new UpstreamClient(upstreamKey(req));
  await transport.handleRequest(req, res, req.body);
});`;

/** UPSTREAM_KEY with the token fix: the declarations above the route, the check before the handler. */
const upstreamKeyFixed = (bearer: boolean): string =>
  UPSTREAM_KEY(guard('express', bearer)).replace(
    "\napp.post('/mcp'",
    `\n\n${tokenHelpers({ bearer })}\n\napp.post('/mcp'`,
  );

/** UPSTREAM_KEY with the helper called by a callback inside the handler. */
const CALLBACK_KEY = UPSTREAM_KEY('').replace(
  '  const client = new UpstreamClient(upstreamKey(req));',
  '  const keys = [req].map((request) => upstreamKey(request));',
);
/** UPSTREAM_KEY whose helper falls back to a function that answers 500 on one of its paths. */
const DEFAULT_KEY = UPSTREAM_KEY('')
  .replace("  if (!key) return '';", '  if (!key) return defaultKey();')
  .replace(
    "app.post('/mcp'",
    `function defaultKey() {
  if (process.env.DEFAULT_KEY) return process.env.DEFAULT_KEY;
  return new Response('No default key', { status: 500 });
}
app.post('/mcp'`,
  );

/** A handler whose POST branch hands the request to a function of the module that makes the transport. */
const HANDED_OFF = `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

async function handleMcpPost(req, res) {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res);
}

http
  .createServer((req, res) => {
    if (req.url === '/mcp') {
      if (req.method === 'POST') {
        void handleMcpPost(req, res);
        return;
      }
      res.writeHead(405).end();
      return;
    }
    res.writeHead(404).end();
  })
  .listen(3000, '127.0.0.1');`;

const handedOffFixed = (bearer: boolean): string =>
  HANDED_OFF.replace(
    "    if (req.url === '/mcp') {",
    `    ${guard('node:http', bearer, { indent: '    ' })}if (req.url === '/mcp') {`,
  ).replace('\nhttp\n', `\n${tokenHelpers({ bearer })}\n\nhttp\n`);

ruleTester.run('require-csrf-token: a POST branch that hands the request to a function', rule, {
  valid: [
    {
      name: 'a POST branch in an `if` for another path is not the MCP endpoint of the handler',
      code: `import http from 'node:http';
import { handleMcp } from './mcp.js';

http
  .createServer(async (req, res) => {
    if (req.url === '/settings') {
      if (req.method === 'GET') return void res.writeHead(200).end('<form method="post"></form>');
      if (req.method === 'POST') return void res.writeHead(204).end();
    }
    if (req.method === 'POST' && req.url === '/mcp') {
      if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) return void res.writeHead(401).end();
      await handleMcp(req, res);
      return;
    }
    res.writeHead(404).end();
  })
  .listen(3000, '127.0.0.1');`,
    },
  ],
  invalid: [
    {
      name: 'one report, on the branch: the function it hands the request to is not a route of its own',
      code: HANDED_OFF,
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          // Named by the path of the `if` around it.
          data: { route: '`POST /mcp` in this handler' },
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: handedOffFixed(false),
            },
            { messageId: 'useBearerToken', output: handedOffFixed(true) },
          ],
        },
      ],
    },
  ],
});

/** A plain handler with two POST branches the message cannot tell apart, handed to the server by an arrow. */
const TWO_POST_BRANCHES = `import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { server } from './server.js';

const live = new Map<string, StreamableHTTPServerTransport>();

async function onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  let body: unknown;
  if (req.method === 'POST') body = JSON.parse(await readAll(req));
  const sid = req.headers['mcp-session-id'];
  let transport = typeof sid === 'string' ? live.get(sid) : undefined;
  if (!transport) {
    if (req.method !== 'POST') return void res.writeHead(400).end();
    transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
    await server.connect(transport);
  }
  await transport.handleRequest(req, res, body);
}

declare function readAll(req: http.IncomingMessage): Promise<string>;

http.createServer((req, res) => void onRequest(req, res)).listen(3000, '127.0.0.1');`;

ruleTester.run('require-csrf-token: branches of one plain handler that the message cannot tell apart', rule, {
  valid: [],
  invalid: [
    {
      name: 'the body read under a POST test and the rest after a `!==` test: one report, on the first test',
      code: TWO_POST_BRANCHES,
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'The POST branch of this handler' },
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 28,
        },
      ],
    },
  ],
});

ruleTester.run('require-csrf-token: a catch that answers 500 refuses no credential', rule, {
  valid: [
    {
      name: 'the token goes into a verification in the `try`, whose catch answers 500',
      code: `import express from 'express';
import jwt from 'jsonwebtoken';

const app = express();
app.post('/mcp', async (req, res) => {
  try {
    jwt.verify(req.headers.authorization ?? '', process.env.SECRET!);
    await transport.handleRequest(req, res, req.body);
  } catch {
    if (!res.headersSent) res.status(500).json({ error: 'Internal server error' });
  }
});`,
    },
    {
      name: 'the token goes into a call that throws on it, and the catch answers 401',
      code: `import express from 'express';

const app = express();
app.post('/mcp', async (req, res) => {
  try {
    verifyToken(req.headers.authorization);
  } catch {
    return res.status(401).end();
  }
  await transport.handleRequest(req, res, req.body);
});`,
    },
  ],
  invalid: [
    {
      name: 'the header goes into a call in a `try` whose catch reports an internal error',
      code: `import express from 'express';

const app = express();
app.post('/mcp', async (req, res) => {
  try {
    const client = new UpstreamClient(req.headers['x-upstream-key']);
    await transport.handleRequest(req, res, req.body);
  } catch (error) {
    if (!res.headersSent) res.status(500).json({ error: 'Internal server error' });
  }
});`,
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: CATCH_500(false),
            },
            { messageId: 'useBearerToken', output: CATCH_500(true) },
          ],
        },
      ],
    },
    ...["new HttpException('Upstream failed', 500)", 'new InternalServerErrorException()'].map((thrown) => ({
      name: `a catch that throws NestJS's \`${thrown}\` refuses no credential either`,
      code: CATCH_500(false)
        .replace(`\n\n${tokenHelpers({ bearer: false })}\n`, '')
        .replace(guard('express', false), '')
        .replace("if (!res.headersSent) res.status(500).json({ error: 'Internal server error' });", `throw ${thrown};`),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [4, 1, 4, 9], (bearer) =>
          CATCH_500(bearer).replace(
            "if (!res.headersSent) res.status(500).json({ error: 'Internal server error' });",
            `throw ${thrown};`,
          ),
        ),
      ],
    })),
  ],
});

ruleTester.run('require-csrf-token: helpers whose value the handler goes on with', rule, {
  valid: [
    {
      name: "a Hono route whose arrow returns a helper's answer, a refusal a function of the file makes",
      code: `import { Hono } from 'hono';

const app = new Hono();
function unauthorized(): Response {
  return new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
}
async function handleMcp(c) {
  const token = c.req.header('Authorization')?.replace(/^Bearer\\s+/i, '');
  if (!token) return unauthorized();
  if (!(await verifyToken(token))) return unauthorized();
  return transport.handleRequest(c.req.raw);
}
app.all('/mcp', (c) => handleMcp(c));`,
    },
    {
      name: 'a helper that returns the refusal, which the handler sends back',
      code: `const unauthorized = (request: Request): Response | undefined => {
  if (request.headers.get('authorization') !== \`Bearer \${process.env.TOKEN}\`) {
    return new Response('Unauthorized', { status: 401 });
  }
  return undefined;
};
Deno.serve({ hostname: '127.0.0.1', port: 8000 }, async (request) => {
  const denied = unauthorized(request);
  if (denied) return denied;
  return transport.handleRequest(request);
});`,
    },
    {
      name: 'a helper that throws without the token, and one whose false answer the handler refuses',
      code: `import express from 'express';

const app = express();
function requireToken(req) {
  if (req.get('X-MCP-Token') !== process.env.MCP_TOKEN) throw new Error('Forbidden');
  return req.get('X-MCP-Token');
}
function hasToken(req) {
  if (!req.get('X-MCP-Token')) return false;
  return req.get('X-MCP-Token') === process.env.MCP_TOKEN;
}
app.post('/a', async (req, res) => {
  const token = await requireToken(req);
  await transport.handleRequest(req, res, req.body);
});
app.post('/b', async (req, res) => {
  const ok = hasToken(req);
  if (!ok) return res.sendStatus(403);
  await transport.handleRequest(req, res, req.body);
});`,
    },
  ],
  invalid: [
    {
      name: 'a callback in the handler that returns the helper is not the handler returning it',
      code: CALLBACK_KEY,
      output: null,
      errors: [{ messageId: 'missingCsrfCheck', line: 10, column: 1, suggestions: tokenSuggestions(CALLBACK_KEY) }],
    },
    {
      name: 'a function with one error answer among its returns is no refusal',
      code: DEFAULT_KEY,
      output: null,
      errors: [{ messageId: 'missingCsrfCheck', line: 14, column: 1, suggestions: tokenSuggestions(DEFAULT_KEY) }],
    },
    {
      name: "a helper's `return` without the header hands a value back; the request goes on",
      code: UPSTREAM_KEY(''),
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 10,
          column: 1,
          endLine: 10,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: upstreamKeyFixed(false),
            },
            { messageId: 'useBearerToken', output: upstreamKeyFixed(true) },
          ],
        },
      ],
    },
  ],
});

// A handler that turns every request away without looking at it (`app.all('/mcp', …)` answering
// 405 after the routes that serve MCP) accepts no MCP request: it is no endpoint of its own.
const METHOD_NOT_ALLOWED = (handler: string): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = express();
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
app.get('/mcp', (req, res) => transport.handleRequest(req, res));
app.post('/mcp', ${handler});`;

const SESSION_FALLBACK = `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = express();
const transports: Record<string, StreamableHTTPServerTransport> = {};
app.post('/mcp', async (req, res, next) => {
  const transport = transports[String(req.headers['mcp-session-id'])];
  if (!transport) return next();
  await transport.handleRequest(req, res, req.body);
}, (_req, res) => {
  res.status(400).json({ error: 'No valid session' });
});`;

ruleTester.run('require-csrf-token: handlers that refuse every request', rule, {
  valid: [
    {
      name: 'a 405 after a header, in a block',
      code: METHOD_NOT_ALLOWED(`(_req, res) => {
  res.setHeader('Allow', 'GET');
  res.status(405).json({ error: 'Method Not Allowed' });
}`),
    },
    { name: 'an arrow body that answers 405', code: METHOD_NOT_ALLOWED('(_req, res) => res.status(405).end()') },
    {
      name: 'a web handler that returns a 405 Response',
      code: METHOD_NOT_ALLOWED('() => new Response(null, { status: 405 })'),
    },
  ],
  invalid: [
    {
      name: 'a last handler that refuses after one that serves MCP',
      code: SESSION_FALLBACK,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 9,
          suggestions: tokenSuggestions(SESSION_FALLBACK),
        },
      ],
    },
    {
      name: 'a handler that reads the request may do more than refuse',
      code: METHOD_NOT_ALLOWED('(req, res) => res.status(405).json({ method: req.method })'),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          line: 6,
          column: 1,
          suggestions: tokenSuggestions(
            METHOD_NOT_ALLOWED('(req, res) => res.status(405).json({ method: req.method })'),
          ),
        },
      ],
    },
    {
      name: 'a handler that refuses on one path only',
      code: METHOD_NOT_ALLOWED(`(_req, res) => {
  if (process.env.READ_ONLY) res.status(405).end();
  else res.status(202).end();
}`),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          line: 6,
          column: 1,
          suggestions: tokenSuggestions(
            METHOD_NOT_ALLOWED(`(_req, res) => {
  if (process.env.READ_ONLY) res.status(405).end();
  else res.status(202).end();
}`),
          ),
        },
      ],
    },
  ],
});

// A catch-all after the bearer-protected MCP route that answers 405, after first leaving alone
// the requests it tests by method (which the route before it answers): `exit` is its first statement.
const CATCH_ALL = (exit: string, params = 'req, res'): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { handle, verifier } from './mcp';

const app = express();
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
app.post('/mcp', requireBearerAuth({ verifier }), (req, res) => transport.handleRequest(req, res, req.body));
app.all('/mcp', (${params}) => {
  ${exit}
  res.status(405).json({ error: 'Method not allowed' });
});
app.listen(3000, '127.0.0.1');`;

const catchAllFixed = (code: string) => (bearer: boolean) =>
  code.replace("\napp.all('/mcp', ", `\n\n${tokenHelpers({ bearer })}\n\napp.all('/mcp', ${guard('express', bearer)}`);

const CATCH_ALL_HANDING = CATCH_ALL("if (req.method === 'POST') return handle(req, res);");
const CATCH_ALL_CALLING = CATCH_ALL('if (handle(req, res)) return;');

ruleTester.run('require-csrf-token: a catch-all that answers 405 after leaving some methods unanswered', rule, {
  valid: [
    {
      name: 'a bare `return` for POST, which the route before answers',
      code: CATCH_ALL("if (req.method === 'POST') return;"),
    },
    {
      name: '`return next()` for the methods the routes after it take',
      code: CATCH_ALL("if (req.method === 'POST' || req.method === 'OPTIONS') return next();", 'req, res, next'),
    },
    {
      name: '`next()` then `return` in a block',
      code: CATCH_ALL("if (req.method === 'POST') {\n    next();\n    return;\n  }", 'req, res, next'),
    },
  ],
  invalid: [
    {
      name: 'the branch hands the request to a function of another module',
      code: CATCH_ALL_HANDING,
      output: null,
      errors: [missingCheck('Every method of `/mcp`', [9, 1, 9, 8], catchAllFixed(CATCH_ALL_HANDING))],
    },
    {
      name: 'the test hands the request to a function of another module',
      code: CATCH_ALL_CALLING,
      output: null,
      errors: [missingCheck('Every method of `/mcp`', [9, 1, 9, 8], catchAllFixed(CATCH_ALL_CALLING))],
    },
  ],
});

// A helper that refuses a request without the header only when its caller asks it to
// (`parseAuth(req, required)`): what the call passes decides.
const OPTIONAL_AUTH = (argument: string): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

function parseAuth(req: express.Request, required?: boolean): { token?: string } {
  if (req.headers.authorization) {
    if (!req.headers.authorization.startsWith('Bearer ')) throw new Error('unsupported scheme');
    return { token: req.headers.authorization.slice(7) };
  } else if (required) {
    throw new Error('missing Authorization header');
  }
  return {};
}

const app = express();
app.post('/mcp', async (req, res) => {
  const auth = parseAuth(req${argument});
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, { ...req.body, auth });
});`;

ruleTester.run('require-csrf-token: a helper told whether the header is required', rule, {
  valid: [
    { name: 'called with `true`', code: OPTIONAL_AUTH(', true') },
    {
      name: 'a parameter the helper sets itself is not the argument',
      code: OPTIONAL_AUTH(', false').replace(
        '  if (req.headers.authorization) {',
        "  if (req.method === 'POST') required = true;\n  if (req.headers.authorization) {",
      ),
    },
    {
      name: 'an `undefined` argument takes the default',
      code: OPTIONAL_AUTH(', undefined').replace('required?: boolean', 'required = true'),
    },
  ],
  invalid: [
    {
      name: 'called with `false`: a request without the header passes',
      code: OPTIONAL_AUTH(', false'),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          line: 15,
          column: 1,
          endLine: 15,
          endColumn: 9,
          suggestions: tokenSuggestions(OPTIONAL_AUTH(', false')),
        },
      ],
    },
    {
      name: 'called without it: `required` is undefined',
      code: OPTIONAL_AUTH(''),
      errors: [
        { messageId: 'missingCsrfCheck', line: 15, column: 1, suggestions: tokenSuggestions(OPTIONAL_AUTH('')) },
      ],
    },
  ],
});

/**
 * A function that adds the MCP route to an app it takes as a typed parameter (`app: Express`), which
 * no call the analysis sees hands it: the route is judged on what the function shows.
 */
const typedRoutes = (imports: string, parameters: string, middleware = '', check = ''): string => `${imports}
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
${check}
export function addMcpRoutes(${parameters}): void {
  app.post('/mcp', ${middleware}async (req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res, req.body);
  });
}`;

/** `typedRoutes(imports, parameters)` with the token fix (the bearer one for `bearer`). */
const typedRoutesFixed = (imports: string, parameters: string, bearer: boolean): string =>
  typedRoutes(imports, parameters, guard('express', bearer, { indent: '  ' }), `\n${tokenHelpers({ bearer })}\n`);

const TYPED_APPS = [
  ['`app: Express`, imported as a type', "import type { Express } from 'express';", 'app: Express'],
  ['`app: express.Application`', "import express from 'express';", 'app: express.Application'],
  ['`app: Router`', "import { Router } from 'express';", 'app: Router'],
] as const;

ruleTester.run('require-csrf-token: apps known by the type of a parameter', rule, {
  valid: [
    {
      name: 'middleware the function is handed, on the way to the route: the owner of the app checks',
      code: typedRoutes(
        "import type { Express, RequestHandler } from 'express';",
        'app: Express, requireAuth: RequestHandler',
        'requireAuth, ',
      ),
    },
    {
      name: '... also spread from an array',
      code: typedRoutes(
        "import type { Express, RequestHandler } from 'express';",
        'app: Express, requireAuth: RequestHandler',
        '...[requireAuth], ',
      ),
    },
    {
      name: 'a type of the same name that is not express',
      code: typedRoutes("import type { Express } from './types';", 'app: Express'),
    },
    {
      name: "a type of `import express = require('express')`: not read, and no crash",
      code: typedRoutes("import express = require('express');", 'app: express.Express'),
    },
  ],
  invalid: TYPED_APPS.map(([how, imports, parameters]) => ({
    name: `a route added to ${how}`,
    code: typedRoutes(imports, parameters),
    errors: [
      {
        messageId: 'missingCsrfCheck' as const,
        data: { route: '`POST /mcp`' },
        line: 5,
        column: 3,
        endLine: 5,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'requireTokenHeader' as const,
            data: { header: '`x-mcp-csrf-token`' },
            output: typedRoutesFixed(imports, parameters, false),
          },
          { messageId: 'useBearerToken' as const, output: typedRoutesFixed(imports, parameters, true) },
        ],
      },
    ],
  })),
});

/** EXPRESS_APP as written with double quotes and no semicolons. */
const EXPRESS_APP_DOUBLE = `import express from "express"

const app = express()
app.post("/mcp", async (req, res) => {
  await transport.handleRequest(req, res, req.body)
})
app.listen(3000, "127.0.0.1")`;

const DOUBLE_NO_SEMICOLONS = { quote: '"', semicolons: false, indent: '  ', trailingCommas: true } as const;

ruleTester.run("require-csrf-token: the token check in the file's quotes and semicolons", rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'express app.post in a file with double quotes and no semicolons',
      code: EXPRESS_APP_DOUBLE,
      // Written out once in full, so that the expected text does not rest on the helper that writes it.
      output: `import express from "express"

const app = express()

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== "string") return false
  const expected = MCP_CSRF_TOKEN
  if (value.length !== expected.length) return false
  let difference = 0
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index)
  }
  return difference === 0
}

app.post("/mcp", (req, res, next) => {
  if (!hasValidCsrfToken(req.headers["x-mcp-csrf-token"])) {
    res.status(403).json({ error: "Missing or invalid credentials for this MCP server" })
    return
  }
  next()
}, async (req, res) => {
  await transport.handleRequest(req, res, req.body)
})
app.listen(3000, "127.0.0.1")`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: EXPRESS_APP_DOUBLE.replace(
                'const app = express()\n',
                `const app = express()\n\n${tokenHelpers({ bearer: true, style: DOUBLE_NO_SEMICOLONS })}\n\n`,
              ).replace(
                'app.post("/mcp", ',
                `app.post("/mcp", ${guard('express', true, { style: DOUBLE_NO_SEMICOLONS })}`,
              ),
            },
          ],
        },
      ],
    },
  ]),
});

/** The token fix's declarations, written out in full with `unit` as one level of indentation. */
function csrfHelpers(unit: string): string {
  return `/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
${unit}if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
${unit}const expected = MCP_CSRF_TOKEN;
${unit}if (value.length !== expected.length) return false;
${unit}let difference = 0;
${unit}for (let index = 0; index < expected.length; index++) {
${unit}${unit}difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
${unit}}
${unit}return difference === 0;
}`;
}

/** The bearer fix's declarations, written out in full with `unit` as one level of indentation. */
function bearerHelpers(unit: string): string {
  return `/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
${unit}if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
${unit}const expected = \`Bearer \${MCP_AUTH_TOKEN}\`;
${unit}if (value.length !== expected.length) return false;
${unit}let difference = 0;
${unit}for (let index = 0; index < expected.length; index++) {
${unit}${unit}difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
${unit}}
${unit}return difference === 0;
}`;
}

// Each fix's code is indented by the file's own unit (a tab, 4 spaces) from the line it goes into,
// and a multi-line object or list it writes puts a comma after its last item only where the file
// (or the literal it goes into) does. The outputs are written out, not built by the fix's helpers.
ruleTester.run("require-csrf-token: the token check in the file's indentation and trailing commas", rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'express app.post in a tab-indented file',
      code: `import express from 'express';

const app = express();
app.post('/mcp', async (req, res) => {
\tawait transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      output: `import express from 'express';

const app = express();

${csrfHelpers('\t')}

app.post('/mcp', (req, res, next) => {
\tif (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
\t\tres.status(403).json({ error: 'Missing or invalid credentials for this MCP server' });
\t\treturn;
\t}
\tnext();
}, async (req, res) => {
\tawait transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: `\`POST /mcp\`` },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';

const app = express();

${bearerHelpers('\t')}

app.post('/mcp', (req, res, next) => {
\tif (!hasValidBearerToken(req.headers['authorization'])) {
\t\tres.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Missing or invalid credentials for this MCP server' });
\t\treturn;
\t}
\tnext();
}, async (req, res) => {
\tawait transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: 'express app.post in a file indented by 4 spaces',
      code: `import express from 'express';

const app = express();
app.post('/mcp', async (req, res) => {
    await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      output: `import express from 'express';

const app = express();

${csrfHelpers('    ')}

app.post('/mcp', (req, res, next) => {
    if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
        res.status(403).json({ error: 'Missing or invalid credentials for this MCP server' });
        return;
    }
    next();
}, async (req, res) => {
    await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: `\`POST /mcp\`` },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';

const app = express();

${bearerHelpers('    ')}

app.post('/mcp', (req, res, next) => {
    if (!hasValidBearerToken(req.headers['authorization'])) {
        res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Missing or invalid credentials for this MCP server' });
        return;
    }
    next();
}, async (req, res) => {
    await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: 'node:http handler in a file indented by 4 spaces',
      code: `import http from 'node:http';

const server = http.createServer(async (req, res) => {
    if (req.url === '/mcp') {
        await transport.handleRequest(req, res);
        return;
    }
    res.writeHead(404).end();
});
server.listen(3000, '127.0.0.1');`,
      output: `import http from 'node:http';

${csrfHelpers('    ')}

const server = http.createServer(async (req, res) => {
    if (req.method === 'POST' && !hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
        res.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'Missing or invalid credentials for this MCP server' }));
        return;
    }
    if (req.url === '/mcp') {
        await transport.handleRequest(req, res);
        return;
    }
    res.writeHead(404).end();
});
server.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: `Every method of \`/mcp\` in this handler` },
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import http from 'node:http';

${bearerHelpers('    ')}

const server = http.createServer(async (req, res) => {
    if (req.method === 'POST' && !hasValidBearerToken(req.headers['authorization'])) {
        res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' }).end(JSON.stringify({ error: 'Missing or invalid credentials for this MCP server' }));
        return;
    }
    if (req.url === '/mcp') {
        await transport.handleRequest(req, res);
        return;
    }
    res.writeHead(404).end();
});
server.listen(3000, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: 'node:http handler in a tab-indented file',
      code: `import http from 'node:http';

const server = http.createServer(async (req, res) => {
\tif (req.url === '/mcp') {
\t\tawait transport.handleRequest(req, res);
\t\treturn;
\t}
\tres.writeHead(404).end();
});
server.listen(3000, '127.0.0.1');`,
      output: `import http from 'node:http';

${csrfHelpers('\t')}

const server = http.createServer(async (req, res) => {
\tif (req.method === 'POST' && !hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
\t\tres.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'Missing or invalid credentials for this MCP server' }));
\t\treturn;
\t}
\tif (req.url === '/mcp') {
\t\tawait transport.handleRequest(req, res);
\t\treturn;
\t}
\tres.writeHead(404).end();
});
server.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: `Every method of \`/mcp\` in this handler` },
          line: 4,
          column: 6,
          endLine: 4,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import http from 'node:http';

${bearerHelpers('\t')}

const server = http.createServer(async (req, res) => {
\tif (req.method === 'POST' && !hasValidBearerToken(req.headers['authorization'])) {
\t\tres.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' }).end(JSON.stringify({ error: 'Missing or invalid credentials for this MCP server' }));
\t\treturn;
\t}
\tif (req.url === '/mcp') {
\t\tawait transport.handleRequest(req, res);
\t\treturn;
\t}
\tres.writeHead(404).end();
});
server.listen(3000, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify route options over several lines with no comma after the last: none after the hook either',
      code: `import Fastify from 'fastify';

const app = Fastify();
app.post(
  '/mcp',
  {
    config: { rateLimit: false },
    bodyLimit: 1048576
  },
  async (request, reply) => {
    await transport.handleRequest(request.raw, reply.raw, request.body);
  }
);
const routes = [
  'a',
  'b'
];
app.listen({ port: 3000, host: '127.0.0.1' });`,
      output: `import Fastify from 'fastify';

const app = Fastify();

${csrfHelpers('  ')}

app.post(
  '/mcp',
  {
    config: { rateLimit: false },
    bodyLimit: 1048576,
    preHandler: async (request, reply) => {
      if (!hasValidCsrfToken(request.headers['x-mcp-csrf-token'])) return reply.code(403).send({ error: 'Missing or invalid credentials for this MCP server' });
    }
  },
  async (request, reply) => {
    await transport.handleRequest(request.raw, reply.raw, request.body);
  }
);
const routes = [
  'a',
  'b'
];
app.listen({ port: 3000, host: '127.0.0.1' });`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: `\`POST /mcp\`` },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import Fastify from 'fastify';

const app = Fastify();

${bearerHelpers('  ')}

app.post(
  '/mcp',
  {
    config: { rateLimit: false },
    bodyLimit: 1048576,
    preHandler: async (request, reply) => {
      if (!hasValidBearerToken(request.headers['authorization'])) return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'Missing or invalid credentials for this MCP server' });
    }
  },
  async (request, reply) => {
    await transport.handleRequest(request.raw, reply.raw, request.body);
  }
);
const routes = [
  'a',
  'b'
];
app.listen({ port: 3000, host: '127.0.0.1' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'Elysia route in a tab-indented file with no trailing commas: the hook object has none',
      code: `import { Elysia } from 'elysia';

const routes = {
\ta: 1,
\tb: 2
};
new Elysia()
\t.post('/mcp', ({ request }) => transport.handleRequest(request))
\t.listen({ port: 3000, hostname: '127.0.0.1' });`,
      output: `import { Elysia } from 'elysia';

const routes = {
\ta: 1,
\tb: 2
};

${csrfHelpers('\t')}

new Elysia()
\t.post('/mcp', ({ request }) => transport.handleRequest(request), {
\t\tbeforeHandle: ({ headers, set }) => {
\t\t\tif (!hasValidCsrfToken(headers['x-mcp-csrf-token'])) {
\t\t\t\tset.status = 403;
\t\t\t\treturn { error: 'Missing or invalid credentials for this MCP server' };
\t\t\t}
\t\t}
\t})
\t.listen({ port: 3000, hostname: '127.0.0.1' });`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: `\`POST /mcp\`` },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import { Elysia } from 'elysia';

const routes = {
\ta: 1,
\tb: 2
};

${bearerHelpers('\t')}

new Elysia()
\t.post('/mcp', ({ request }) => transport.handleRequest(request), {
\t\tbeforeHandle: ({ headers, set }) => {
\t\t\tif (!hasValidBearerToken(headers['authorization'])) {
\t\t\t\tset.status = 401;
\t\t\t\tset.headers['www-authenticate'] = 'Bearer';
\t\t\t\treturn { error: 'Missing or invalid credentials for this MCP server' };
\t\t\t}
\t\t}
\t})
\t.listen({ port: 3000, hostname: '127.0.0.1' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'h3 route in a file indented by 4 spaces: the options object and its middleware list one a line',
      code: `import { H3 } from 'h3';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = new H3();
function handle(event) {
    return transport.handleRequest(event.req);
}
app.post('/mcp', handle);
export default app;
`,
      output: `import { H3 } from 'h3';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = new H3();
function handle(event) {
    return transport.handleRequest(event.req);
}

${csrfHelpers('    ')}

app.post('/mcp', handle, {
    middleware: [
        (event) => {
            if (!hasValidCsrfToken(event.req.headers.get('x-mcp-csrf-token'))) {
                return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 403 });
            }
        },
    ],
});
export default app;
`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: `\`POST /mcp\`` },
          line: 9,
          column: 1,
          endLine: 9,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import { H3 } from 'h3';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = new H3();
function handle(event) {
    return transport.handleRequest(event.req);
}

${bearerHelpers('    ')}

app.post('/mcp', handle, {
    middleware: [
        (event) => {
            if (!hasValidBearerToken(event.req.headers.get('authorization'))) {
                return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
            }
        },
    ],
});
export default app;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastmcp options on one line in a tab-indented file: one property a line',
      code: `import { FastMCP } from 'fastmcp';

const server = new FastMCP({ name: 'notes', version: '1.0.0' });
if (process.env.HTTP) {
\tserver.start({ transportType: 'httpStream', httpStream: { port: 8080, host: '0.0.0.0' } });
}`,
      output: `import { FastMCP } from 'fastmcp';

${csrfHelpers('\t')}

const server = new FastMCP({
\tname: 'notes',
\tversion: '1.0.0',
\tauthenticate: async (request) => {
\t\tif (!hasValidCsrfToken(request.headers['x-mcp-csrf-token'])) {
\t\t\tthrow new Response(null, { status: 403, statusText: 'Forbidden' });
\t\t}
\t\treturn {};
\t},
});
if (process.env.HTTP) {
\tserver.start({ transportType: 'httpStream', httpStream: { port: 8080, host: '0.0.0.0' } });
}`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: `fastmcp's \`httpStream\` server` },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import { FastMCP } from 'fastmcp';

${bearerHelpers('\t')}

const server = new FastMCP({
\tname: 'notes',
\tversion: '1.0.0',
\tauthenticate: async (request) => {
\t\tif (!hasValidBearerToken(request.headers['authorization'])) {
\t\t\tthrow new Response(null, { status: 401, statusText: 'Unauthorized', headers: { 'WWW-Authenticate': 'Bearer' } });
\t\t}
\t\treturn {};
\t},
});
if (process.env.HTTP) {
\tserver.start({ transportType: 'httpStream', httpStream: { port: 8080, host: '0.0.0.0' } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'web handler written as one expression in a tab-indented file: the block body it takes',
      code: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
export default {
\tfetch: (request: Request) => transport.handleRequest(request),
};`,
      output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
export default {
\tfetch: (request: Request) => {
\t\tif (request.method === 'POST' && !hasValidCsrfToken(request.headers.get('x-mcp-csrf-token'))) {
\t\t\treturn Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 403 });
\t\t}
\t\treturn transport.handleRequest(request);
\t},
};

${csrfHelpers('\t')}`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: `Every method of this handler` },
          line: 5,
          column: 2,
          endLine: 5,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
export default {
\tfetch: (request: Request) => {
\t\tif (request.method === 'POST' && !hasValidBearerToken(request.headers.get('authorization'))) {
\t\t\treturn Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
\t\t}
\t\treturn transport.handleRequest(request);
\t},
};

${bearerHelpers('\t')}`,
            },
          ],
        },
      ],
    },
  ]),
});

/** FIELD_FALLBACK's route, reported, with the token check the fix puts in front of its handler. */
const fallbackRouteReported = (kept: FallbackField, given: string) => {
  const code = FIELD_FALLBACK(kept, given);
  const line = code.split('\n').findIndex((text) => text.startsWith("app.post('/mcp'")) + 1;
  return {
    name: `${kept}, given \`${given}\``,
    code,
    errors: [
      missingCheck('`POST /mcp`', [line, 1, line, 9], (bearer) =>
        FIELD_FALLBACK(kept, given, guard('express', bearer), `\n${tokenHelpers({ bearer })}\n\n`),
      ),
    ],
  };
};

ruleTester.run('require-csrf-token: a server-token fallback whose switch a class keeps in a field', rule, {
  valid: [
    // Off until the environment turns it on: the owner's choice, as a check while a token is unset is.
    ...(['parameter property', 'assigned field', 'config field'] as const).map((kept) => ({
      name: `${kept}, given \`process.env.FALLBACK === 'true'\``,
      code: FIELD_FALLBACK(kept, "process.env.FALLBACK === 'true'"),
    })),
    { name: 'config field, given `false`', code: FIELD_FALLBACK('config field', 'false') },
  ],
  invalid: [
    // On unless the environment turns it off: a forged request, which carries no token, goes on.
    ...(['parameter property', 'assigned field', 'config field'] as const).map((kept) =>
      fallbackRouteReported(kept, "process.env.FALLBACK !== 'false'"),
    ),
    // A switch whose value the project does not show may be on.
    fallbackRouteReported('config field', 'JSON.parse(process.argv[2] ?? "{}").fallback'),
  ],
});
