import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester, failClosedFix } from '../rule-tester';
import { tokenHelpers } from '../support/fix-text';

// mcp-lite (src/frameworks/mcp-lite.ts): `new StreamableHttpTransport(options).bind(server)` is a
// web request handler that serves MCP. It checks Host and Origin only against the lists it is
// given (`allowedHosts`, `allowedOrigins`), with no switch to turn them on.

const ruleTester = createRuleTester();

const HONO_APP = (transportOptions: string): string => `import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';

const PORT = 3000;
const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const transport = new StreamableHttpTransport(${transportOptions});
const handleMcp = transport.bind(mcp);

const app = new Hono();
app.all('/mcp', (c) => handleMcp(c.req.raw));
serve({ fetch: app.fetch, port: PORT, hostname: '127.0.0.1' });`;

/**
 * A unit test module that drives a transport with requests it builds; `served` is appended, to
 * hand the transport or its handler on.
 */
const DRIVEN_IN_TESTS = (served = ''): string => `import { McpServer, StreamableHttpTransport } from 'mcp-lite';

function initialize(): Request {
  return new Request('http://localhost/mcp', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }),
  });
}

function makeHandler() {
  const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
  return new StreamableHttpTransport().bind(mcp);
}

describe('notes server', () => {
  let transport: StreamableHttpTransport;
  let handler: ReturnType<typeof makeHandler>;

  beforeEach(() => {
    transport = new StreamableHttpTransport();
    handler = makeHandler();
  });

  it('answers initialize', async () => {
    const handle = transport.bind(new McpServer({ name: 'notes', version: '1.0.0' }));
    const response = await handle(initialize());
    expect(response.ok).toBe(true);
    expect((await handler(new Request('http://localhost/mcp', { method: 'DELETE' }))).status).toBe(405);
  });
});${served}`;

/**
 * A Hono app that serves a bound handler behind a middleware made with `createMiddleware()`
 * (hono/factory), whose body is `check`.
 */
const FACTORY_MIDDLEWARE = (check: string): string => `import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';

const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const handleMcp = new StreamableHttpTransport().bind(mcp);

const requireBearer = createMiddleware(async (c, next) => {
  const header = c.req.header('Authorization');
${check}
  await next();
});

const app = new Hono();
app.all('/mcp', requireBearer, (c) => handleMcp(c.req.raw));
export default app;`;

const SPLIT_BEARER = `  const [scheme, token] = header?.split(' ') || [];
  const bearer = scheme?.toLowerCase() === 'bearer' ? token : undefined;
  if (!bearer || bearer !== process.env.MCP_TOKEN) return c.json({ error: 'Unauthorized' }, 401);`;
const LOGGED_BEARER = `  const [scheme] = header?.split(' ') || [];
  console.log('auth scheme', scheme);`;

ruleTester.run('require-dns-rebinding-protection: mcp-lite', dnsRule, {
  valid: [
    { name: 'a Host list', code: HONO_APP("{ allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] }") },
    {
      name: 'an Origin list, on a handler bound in one expression',
      code: `import { McpServer, StreamableHttpTransport } from 'mcp-lite';
const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const handle = new StreamableHttpTransport({ allowedOrigins: ['http://localhost:6274'] }).bind(mcp);
export default { fetch: (request: Request) => handle(request) };`,
    },
    {
      name: 'a createMiddleware() bearer check that splits the header with array destructuring',
      code: FACTORY_MIDDLEWARE(SPLIT_BEARER),
    },
    {
      name: 'a transport a unit test connects to an MCP server and drives with a request it builds',
      code: `import { McpServer, StreamableHttpTransport } from 'mcp-lite';

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const transport = new StreamableHttpTransport();
server.connect(transport);
const handle = transport.bind(server);
await handle(new Request('http://localhost/mcp', { method: 'DELETE' }));`,
    },
    {
      name: 'transports that unit tests drive with the requests they build: no server takes a request to them',
      code: DRIVEN_IN_TESTS(),
    },
  ],
  invalid: failClosedFix([
    {
      name: 'no list: the fix lists the loopback hosts for the port the file serves on',
      code: HONO_APP(''),
      output: HONO_APP("{ allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] }"),
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHttpTransport`' },
          line: 7,
          column: 23,
          endLine: 7,
          endColumn: 46,
        },
      ],
    },
    {
      name: 'a driven transport whose handler a function also hands a request it did not build',
      code: DRIVEN_IN_TESTS('\n\nexport const serveNotes = (request: Request) => makeHandler()(request);'),
      output: null,
      errors: [{ messageId: 'unprotectedTransport', line: 13, column: 14, endLine: 13, endColumn: 37 }],
    },
    {
      name: 'a driven transport that is also exported',
      code: DRIVEN_IN_TESTS('\n\nexport { makeHandler };'),
      output: null,
      errors: [{ messageId: 'unprotectedTransport', line: 13, column: 14, endLine: 13, endColumn: 37 }],
    },
    {
      name: 'a createMiddleware() that only logs the scheme checks nothing',
      code: FACTORY_MIDDLEWARE(LOGGED_BEARER),
      output: null,
      errors: [{ messageId: 'unprotectedTransport', line: 6, column: 23, endLine: 6, endColumn: 46 }],
    },
    {
      name: 'a route that turns the request it is handed into a Request serves the transport',
      code: `import express from 'express';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';

const handleMcp = new StreamableHttpTransport().bind(new McpServer({ name: 'notes', version: '1.0.0' }));
const app = express();
app.all('/mcp', async (req, res) => {
  const request = new Request(\`http://localhost\${req.url}\`, { method: req.method, headers: req.headers as HeadersInit });
  const response = await handleMcp(request);
  res.status(response.status).send(await response.text());
});`,
      output: null,
      errors: [{ messageId: 'unprotectedTransport', line: 4, column: 23, endLine: 4, endColumn: 46 }],
    },
    {
      name: 'a route that converts its request with a helper, awaited into a variable, serves the transport',
      code: `import Fastify, { type FastifyRequest } from 'fastify';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';

const handleMcp = new StreamableHttpTransport().bind(new McpServer({ name: 'notes', version: '1.0.0' }));

async function toFetchRequest(request: FastifyRequest): Promise<Request> {
  const url = \`http://\${request.hostname}\${request.url}\`;
  return new Request(url, { method: request.method, body: JSON.stringify(request.body) });
}

const fastify = Fastify();
fastify.all('/mcp', async (request, reply) => {
  const fetchRequest = await toFetchRequest(request);
  const response = await handleMcp(fetchRequest);
  return reply.code(response.status).send(await response.text());
});`,
      output: null,
      errors: [{ messageId: 'unprotectedTransport', line: 4, column: 23, endLine: 4, endColumn: 46 }],
    },
    {
      name: 'a named route handler that turns its request into a Request serves the transport',
      code: `import express, { type Request as ExpressRequest, type Response } from 'express';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';

const handleMcp = new StreamableHttpTransport().bind(new McpServer({ name: 'notes', version: '1.0.0' }));

async function onMcp(req: ExpressRequest, res: Response): Promise<void> {
  const response = await handleMcp(new Request(\`http://localhost\${req.url}\`, { method: req.method }));
  res.status(response.status).send(await response.text());
}

const app = express();
app.all('/mcp', onMcp);`,
      output: null,
      errors: [{ messageId: 'unprotectedTransport', line: 4, column: 23, endLine: 4, endColumn: 46 }],
    },
    {
      name: 'a transport handed to a connect() that is not an MCP server may be served by it',
      code: `import { McpServer, StreamableHttpTransport } from 'mcp-lite';
import { httpBridge } from './bridge';

const transport = new StreamableHttpTransport();
httpBridge.connect(transport);
const handle = transport.bind(new McpServer({ name: 'notes', version: '1.0.0' }));
await handle(new Request('http://localhost/mcp', { method: 'DELETE' }));`,
      output: null,
      errors: [{ messageId: 'unprotectedTransport', line: 4, column: 23, endLine: 4, endColumn: 46 }],
    },
    {
      name: 'empty lists check nothing',
      code: HONO_APP('{ allowedHosts: [], allowedOrigins: [] }'),
      output: null,
      errors: [{ messageId: 'unprotectedTransport', line: 7, column: 23 }],
    },
  ]),
});

ruleTester.run('require-csrf-token: mcp-lite', csrfRule, {
  valid: [
    {
      name: 'a bound handler behind a bearer-token middleware',
      code: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';
const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const handleMcp = new StreamableHttpTransport().bind(mcp);
const app = new Hono();
app.all('/mcp', bearerAuth({ token: process.env.MCP_TOKEN! }), (c) => handleMcp(c.req.raw));`,
    },
    {
      name: 'a createMiddleware() bearer check that splits the header with array destructuring',
      code: FACTORY_MIDDLEWARE(SPLIT_BEARER),
    },
  ],
  invalid: [
    {
      name: 'the handler `bind()` returns serves MCP at whatever path it is mounted',
      code: `import { Hono } from 'hono';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';
const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const handleMcp = new StreamableHttpTransport().bind(mcp);
const app = new Hono();
app.post('/rpc', (c) => handleMcp(c.req.raw));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /rpc`' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: `import { Hono } from 'hono';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';
const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const handleMcp = new StreamableHttpTransport().bind(mcp);
const app = new Hono();

${tokenHelpers()}

app.post('/rpc', async (c, next) => {
  if (!hasValidCsrfToken(c.req.header('x-mcp-csrf-token'))) return c.json({ error: 'Missing or invalid credentials for this MCP server' }, 403);
  await next();
}, (c) => handleMcp(c.req.raw));`,
            },
            {
              messageId: 'useBearerToken',
              output: `import { Hono } from 'hono';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';
const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const handleMcp = new StreamableHttpTransport().bind(mcp);
const app = new Hono();

${tokenHelpers({ bearer: true })}

app.post('/rpc', async (c, next) => {
  if (!hasValidBearerToken(c.req.header('authorization'))) return c.json({ error: 'Missing or invalid credentials for this MCP server' }, 401, { 'WWW-Authenticate': 'Bearer' });
  await next();
}, (c) => handleMcp(c.req.raw));`,
            },
          ],
        },
      ],
    },
  ],
});
