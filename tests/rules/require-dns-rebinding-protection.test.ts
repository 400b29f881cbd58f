import rule from '../../src/rules/require-dns-rebinding-protection';
import { commonjs, createRuleTester, esm, failClosedFix } from '../rule-tester';
import {
  FASTIFY_SUPERTEST,
  FIELD_FALLBACK,
  type FallbackField,
  KOA_SUPERTEST,
  NODE_SUPERTEST,
  ROUTED_BY_PATH,
  SERVED_BY_SUPERTEST,
  signedInHelpers,
} from '../support/sample-servers';
import { hostValidated, transportAt, unprotectedTransport, unprotectedTransportOptions } from '../support/fix-text';

const ruleTester = createRuleTester();

/** The Host check that `validateHost` writes atop a `node:http` handler of `req` and `res`, at `indent`. */
const nodeHostCheck = (indent: string): string =>
  [
    '// DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.',
    "if (!['localhost', '127.0.0.1', '[::1]'].includes((req.headers.host ?? '').replace(/:\\d+$/, ''))) {",
    "  res.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'Host not allowed' }));",
    '  return;',
    '}',
  ]
    .map((line) => `${indent}${line}`)
    .join('\n');

/** ROUTED_BY_PATH with the `URL` of `globalThis`, or of `node:url`. */
const GLOBAL_URL = ROUTED_BY_PATH.replace('new URL(', 'new (globalThis as any).URL(');
const ALIASED_URL = ROUTED_BY_PATH.replace(
  "import http from 'node:http';",
  "import http from 'node:http';\nimport * as url from 'node:url';",
).replace('new URL(', 'new url.URL(');
const RENAMED_URL = ROUTED_BY_PATH.replace(
  "import http from 'node:http';",
  "import http from 'node:http';\nimport { URL as NodeURL } from 'node:url';",
).replace('new URL(', 'new NodeURL(');
const REQUIRED_URL = ROUTED_BY_PATH.replace(
  "import http from 'node:http';",
  "import http from 'node:http';\nconst { URL: NodeURL } = require('url');",
).replace('new URL(', 'new NodeURL(');
const IMPORTED_URL = ROUTED_BY_PATH.replace(
  "import http from 'node:http';",
  "import http from 'node:http';\nimport { URL } from 'node:url';",
);

/**
 * An app handed to a class and a function that make transports in their routes; `guardedFirst`: the
 * bearer check is installed before.
 */
function handedApp(guardedFirst: boolean, options = { transport: '', mount: '' }): string {
  const guard = 'app.use(requireBearerAuth({ verifier }));\n';
  return `import express, { type Express } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';

class HttpTransport {
  constructor(private readonly app: Express) {}

  start() {
    this.app.post('/mcp', async (req, res) => {
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined${options.transport} });
      await transport.handleRequest(req, res, req.body);
    });
  }
}

function mount(app: Express) {
  app.all('/legacy/mcp', async (req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined${options.mount} });
    await transport.handleRequest(req, res, req.body);
  });
}

const app = express();
${guardedFirst ? guard : ''}const http = new HttpTransport(app);
http.start();
mount(app);
${guardedFirst ? '' : guard}app.listen(3000, '127.0.0.1');`;
}

/**
 * A class whose constructor makes its app and installs a Host check from a helper method, and
 * whose `start()` (which its users call) adds the MCP route; `checkInStart`: `start()` installs the
 * check itself, after the route; `constructed`: the module makes one.
 */
function hostCheckingClass(checkInStart: boolean, constructed: boolean, options = ''): string {
  return `import express, { type Express } from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';

export class SseServer {
  private readonly app: Express;

  constructor(private readonly hosts: string[] = ['localhost']) {
    this.app = express();${checkInStart ? '' : '\n    this.checkHost();'}
  }

  private checkHost(): void {
    this.app.use((req, res, next) => {
      if (!this.hosts.includes(req.hostname)) {
        res.status(403).end();
        return;
      }
      next();
    });
  }

  start(): void {
    this.app.get('/sse', async (req, res) => {
      const transport = new SSEServerTransport('/messages', res${options});
      await transport.start();
    });
    ${checkInStart ? 'this.checkHost();\n    ' : ''}this.app.listen(3000, '127.0.0.1');
  }
}
${constructed ? '\nexport const server = new SseServer();\n' : ''}`;
}

/**
 * A class whose constructor adds its routes (`calls` the routes method, defined as `define`)
 * before it installs a Host check: the check does not guard them.
 */
function routesFirstClass(calls: string, define: string, options = ''): string {
  return `import express, { type Express } from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';

export class SseServer {
  private readonly app: Express;

  constructor(private readonly hosts: string[] = ['localhost']) {
    this.app = express();
    ${calls}
    this.app.use((req, res, next) => {
      if (!this.hosts.includes(req.hostname)) {
        res.status(403).end();
        return;
      }
      next();
    });
    this.app.listen(3000, '127.0.0.1');
  }

  ${define}
    this.app.get('/sse', async (req, res) => {
      const transport = new SSEServerTransport('/messages', res${options});
      await transport.start();
    });
  }${define.includes('=>') ? ';' : ''}
}

export const server = new SseServer();
`;
}

const SSE_PROTECTED = ", { enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] }";

const PROTECTED = ", enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000']";

ruleTester.run('require-dns-rebinding-protection', rule, {
  valid: [
    {
      name: 'transports made in routes that a class and a function add to an app after its bearer check',
      code: handedApp(true),
    },
    {
      name: 'a route behind a bearer check that hands its request on through a cast to the method that makes the transport',
      code: `import express, { type Request, type Response } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';

type AuthedRequest = Request & { auth?: { clientId: string } };

class McpRoutes {
  mount(app: express.Express): void {
    app.all('/mcp', requireBearerAuth({ verifier }), (req, res) => this.handle(req as AuthedRequest, res));
  }

  private async handle(req: AuthedRequest, res: Response): Promise<void> {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res, req.body);
  }
}

const app = express();
new McpRoutes().mount(app);
app.listen(3000, '127.0.0.1');`,
    },
    {
      name: "an SSE stream opened only with a bearer token, in a handler given as the server's 'request' listener",
      code: `import http from 'node:http';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';

const sessions = new Map<string, SSEServerTransport>();

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method === 'GET') {
    if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) {
      res.writeHead(401).end();
      return;
    }
    const transport = new SSEServerTransport('/messages', res);
    sessions.set(transport.sessionId, transport);
    await server.connect(transport);
    return;
  }
  const transport = sessions.get(new URL(req.url ?? '', 'http://localhost').searchParams.get('sessionId') ?? '');
  if (!transport) {
    res.writeHead(404).end();
    return;
  }
  await transport.handlePostMessage(req, res);
}

const httpServer = http.createServer();
httpServer.on('request', (req, res) => void handle(req, res));
httpServer.listen(3000, '127.0.0.1');`,
    },
    {
      name: 'a Host check a constructor installs, before the routes of a method that needs the object',
      code: hostCheckingClass(false, true),
    },
    {
      name: 'a Host check a constructor installs, in a class the module does not construct',
      code: hostCheckingClass(false, false),
    },
    {
      name: 'a Host check on a name array destructuring takes from the header',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = express();
app.use((req, res, next) => {
  const [hostname] = (req.headers.host ?? '').split(':');
  if (hostname !== 'localhost' && hostname !== '127.0.0.1') {
    res.status(403).end();
    return;
  }
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});`,
    },
    {
      name: 'a v1 transport a unit test hands a request object it builds',
      code: `import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

it('refuses a GET without a session', async () => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  const res = { writeHead: vi.fn().mockReturnThis(), end: vi.fn() };
  await transport.handleRequest({ method: 'GET', headers: {} } as never, res as never);
  expect(res.writeHead).toHaveBeenCalledWith(405, expect.anything());
});`,
    },
    {
      name: 'a v1 transport with its own protection',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = express();
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableDnsRebindingProtection: true,
    allowedHosts: ['127.0.0.1:3000', 'localhost:3000'],
  });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
    },
    {
      name: 'the SDK host validation middleware before the route',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { hostHeaderValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
const app = express();
app.use(hostHeaderValidation(['localhost', '127.0.0.1']));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});`,
    },
    {
      name: 'apps made by createMcpExpressApp with loopback, default or allowedHosts',
      code: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = createMcpExpressApp();
const local = createMcpExpressApp({ host: 'localhost' });
const remote = createMcpExpressApp({ host: '0.0.0.0', allowedHosts: ['mcp.internal'] });
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
export { local, remote };`,
    },
    {
      name: 'a hand check of the Host header, and an Origin check',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const ALLOWED_HOSTS = ['localhost', '127.0.0.1'];
const ALLOWED_ORIGINS = ['http://localhost:6274'];
const app = express();
app.use((req, res, next) => {
  if (!ALLOWED_HOSTS.includes(req.hostname)) return res.status(403).end();
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
const other = express();
other.post('/mcp', async (req, res) => {
  const origin = req.headers.origin;
  if (origin !== undefined && !ALLOWED_ORIGINS.includes(origin)) return res.status(403).end();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});`,
    },
    {
      name: 'node:http with a Host check before the transport',
      code: `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
http.createServer(async (req, res) => {
  const host = (req.headers.host ?? '').replace(/:\\d+$/, '');
  if (host !== 'localhost' && host !== '127.0.0.1') {
    res.writeHead(403).end();
    return;
  }
  if (req.method === 'POST') {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res);
  }
});`,
    },
    {
      name: 'v2: createMcpHonoApp, and a Fastify hook that checks the Host',
      code: `import { createMcpHonoApp } from '@modelcontextprotocol/hono';
import { createMcpHandler } from '@modelcontextprotocol/server';
import Fastify from 'fastify';
const mcp = createMcpHandler(() => buildServer());
const app = createMcpHonoApp();
app.all('/mcp', (c) => mcp.fetch(c.req.raw));
const fastify = Fastify();
fastify.addHook('onRequest', async (request, reply) => {
  if (request.hostname !== 'localhost') return reply.code(403).send();
});
fastify.post('/mcp', async (request) => mcp.fetch(request.raw as never));`,
    },
    {
      name: 'a v1 transport that checks Origin, and the SDK node guard in a plain handler',
      code: `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { localhostHostValidation, toNodeHandler } from '@modelcontextprotocol/node';
const transport = new StreamableHTTPServerTransport({
  sessionIdGenerator: undefined,
  enableDnsRebindingProtection: true,
  allowedOrigins: ['http://localhost:6274'],
});
const serveMcp = toNodeHandler(createMcpHandler(() => new McpServer({ name: 'x', version: '1.0.0' })));
const validateHost = localhostHostValidation();
http.createServer((req, res) => {
  if (!validateHost(req, res)) return;
  if (req.url === '/mcp') return serveMcp(req, res);
});
export { transport };`,
    },
    {
      name: 'an express app that serves no MCP, and a file with no MCP imports',
      code: `import express from 'express';
import { z } from 'zod';
const app = express();
app.post('/api/users', (req, res) => res.json(z.object({}).parse(req.body)));`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'the same, with the URL held in a variable that only its path is read from',
      code: ROUTED_BY_PATH.replace(
        "const path = new URL(req.url ?? '/', `http://${req.headers.host}`).pathname;",
        "const url = new URL(req.url ?? '/', `http://${req.headers.host}`);\n    const path = url.pathname;",
      ),
      output: ROUTED_BY_PATH.replace(
        "const path = new URL(req.url ?? '/', `http://${req.headers.host}`).pathname;",
        "const url = new URL(req.url ?? '/', `http://${req.headers.host}`);\n    const path = url.pathname;",
      ).replace('sessionIdGenerator: undefined', `sessionIdGenerator: undefined${PROTECTED}`),
      errors: [{ messageId: 'unprotectedTransport', line: 4, column: 23, endLine: 4, endColumn: 52 }],
    },
    {
      name: 'the same, with `URL` reached through `globalThis`',
      code: GLOBAL_URL,
      output: GLOBAL_URL.replace('sessionIdGenerator: undefined', `sessionIdGenerator: undefined${PROTECTED}`),
      errors: [{ messageId: 'unprotectedTransport', line: 4, column: 23, endLine: 4, endColumn: 52 }],
    },
    {
      name: "the same, with the `URL` of a namespace import of 'node:url'",
      code: ALIASED_URL,
      output: ALIASED_URL.replace('sessionIdGenerator: undefined', `sessionIdGenerator: undefined${PROTECTED}`),
      errors: [{ messageId: 'unprotectedTransport', line: 5, column: 23, endLine: 5, endColumn: 52 }],
    },
    {
      name: "the same, with `URL` imported from 'node:url' under another name",
      code: RENAMED_URL,
      output: RENAMED_URL.replace('sessionIdGenerator: undefined', `sessionIdGenerator: undefined${PROTECTED}`),
      errors: [{ messageId: 'unprotectedTransport', line: 5, column: 23, endLine: 5, endColumn: 52 }],
    },
    {
      name: "the same, with `URL` required from 'url' under another name",
      code: REQUIRED_URL,
      output: REQUIRED_URL.replace('sessionIdGenerator: undefined', `sessionIdGenerator: undefined${PROTECTED}`),
      errors: [{ messageId: 'unprotectedTransport', line: 5, column: 23, endLine: 5, endColumn: 52 }],
    },
    {
      name: "the same, with `URL` imported from 'node:url'",
      code: IMPORTED_URL,
      output: IMPORTED_URL.replace('sessionIdGenerator: undefined', `sessionIdGenerator: undefined${PROTECTED}`),
      errors: [{ messageId: 'unprotectedTransport', line: 5, column: 23, endLine: 5, endColumn: 52 }],
    },
    {
      name: 'a handler that takes only the path of a URL made on the Host header checks no Host',
      code: ROUTED_BY_PATH,
      output: ROUTED_BY_PATH.replace('sessionIdGenerator: undefined', `sessionIdGenerator: undefined${PROTECTED}`),
      errors: [{ messageId: 'unprotectedTransport', line: 4, column: 23, endLine: 4, endColumn: 52 }],
    },
    {
      name: 'transports made in routes that a class and a function add to an app before its bearer check',
      code: handedApp(false),
      output: hostValidated(handedApp(false)),
      errors: [
        { messageId: 'unprotectedTransport', line: 10, column: 29, endLine: 10, endColumn: 58 },
        { messageId: 'unprotectedTransport', line: 18, column: 27, endLine: 18, endColumn: 56 },
      ],
    },
    {
      name: 'a Host check that the method adding the routes installs after them',
      code: hostCheckingClass(true, true),
      output: hostCheckingClass(true, true, SSE_PROTECTED),
      errors: [{ messageId: 'unprotectedTransport', line: 23, column: 29, endLine: 23, endColumn: 47 }],
    },
    ...(
      [
        ['an arrow property the constructor calls', 'this.setupRoutes();', 'setupRoutes = (): void => {', 22],
        [
          'a method the constructor calls through an alias of this',
          'const self = this;\n    self.setupRoutes();',
          'setupRoutes(): void {',
          23,
        ],
        ['a method the constructor calls with call()', 'this.setupRoutes.call(this);', 'setupRoutes(): void {', 22],
      ] as const
    ).map(([how, calls, define, line]) => ({
      name: `${how}, before its Host check`,
      code: routesFirstClass(calls, define),
      output: routesFirstClass(calls, define, SSE_PROTECTED),
      errors: [{ messageId: 'unprotectedTransport' as const, line, column: 29, endLine: line, endColumn: 47 }],
    })),
    {
      name: 'a v1 transport in an express route, port from a constant',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const PORT = Number(process.env.PORT ?? 3000);
const app = express();
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(PORT, '127.0.0.1');`,
      output: hostValidated(`import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const PORT = Number(process.env.PORT ?? 3000);
const app = express();
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(PORT, '127.0.0.1');`),
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 54,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an SSE transport, a static port, and a guard registered after the route',
      code: `import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { hostHeaderValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
const app = express();
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/messages', res);
  await transport.start();
});
app.use(hostHeaderValidation(['localhost']));
app.listen(3000);`,
      // The middleware joins the file's import of its module, and goes before the routes.
      output: `import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { hostHeaderValidation, localhostHostValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
const app = express();
app.use(localhostHostValidation());
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/messages', res);
  await transport.start();
});
app.use(hostHeaderValidation(['localhost']));
app.listen(3000);`,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`SSEServerTransport`' },
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 43,
          suggestions: [],
        },
      ],
    },
    {
      name: 'createMcpExpressApp with an all-interface host, v1 and v2',
      code: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { createMcpExpressApp as createApp } from '@modelcontextprotocol/express';
const HOST = process.env.HOST ?? '0.0.0.0';
export const v1 = createMcpExpressApp({ host: '0.0.0.0' });
export const v2 = createApp({ host: HOST });`,
      output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { createMcpExpressApp as createApp } from '@modelcontextprotocol/express';
const HOST = process.env.HOST ?? '0.0.0.0';
export const v1 = createMcpExpressApp({ host: '127.0.0.1' });
export const v2 = createApp({ host: '127.0.0.1' });`,
      errors: [
        {
          messageId: 'validationTurnedOff',
          data: { factory: 'createMcpExpressApp', host: "'0.0.0.0'", place: '' },
          line: 4,
          column: 41,
          endLine: 4,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'addAllowedHosts',
              output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { createMcpExpressApp as createApp } from '@modelcontextprotocol/express';
const HOST = process.env.HOST ?? '0.0.0.0';
export const v1 = createMcpExpressApp({ host: '0.0.0.0', allowedHosts: ['localhost', '127.0.0.1', '[::1]'] });
export const v2 = createApp({ host: HOST });`,
            },
          ],
        },
        {
          messageId: 'validationTurnedOff',
          data: { factory: 'createMcpExpressApp', host: 'HOST', place: '' },
          line: 5,
          column: 31,
          endLine: 5,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'addAllowedHosts',
              output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { createMcpExpressApp as createApp } from '@modelcontextprotocol/express';
const HOST = process.env.HOST ?? '0.0.0.0';
export const v1 = createMcpExpressApp({ host: '0.0.0.0' });
export const v2 = createApp({ host: HOST, allowedHosts: ['localhost', '127.0.0.1', '[::1]'] });`,
            },
          ],
        },
      ],
    },
    {
      name: "a gateway's REST route that runs the tool the request names through an MCP client",
      code: `import express from 'express';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';

const upstream = new Client({ name: 'gateway', version: '1.0.0' });
const app = express();
app.use(express.json());
app.post('/api/tools/:name', async (req, res) => {
  res.json(await upstream.callTool({ name: req.params.name, arguments: req.body }));
});
app.listen(3000, '127.0.0.1');`,
      output: `import express from 'express';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';

const upstream = new Client({ name: 'gateway', version: '1.0.0' });
const app = createMcpExpressApp();
app.use(express.json());
app.post('/api/tools/:name', async (req, res) => {
  res.json(await upstream.callTool({ name: req.params.name, arguments: req.body }));
});
app.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`express()` app' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: "a function of the file's own named `createMcpExpressApp`: no fix, which would call it in place of the factory",
      code: `import express from 'express';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';

const upstream = new Client({ name: 'gateway', version: '1.0.0' });
function createMcpExpressApp() {
  return express();
}
const app = express();
app.post('/api/tools/:name', async (req, res) => {
  res.json(await upstream.callTool({ name: req.params.name, arguments: req.body }));
});
app.listen(3000, '127.0.0.1');`,
      output: null,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`express()` app' },
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: "the factory joins the file's import of its package, on the line of its own it would have in a multi-line one",
      code: `import express from 'express';
import { toNodeHandler } from '@modelcontextprotocol/node';
import {
  mcpAuthMetadataRouter,
} from '@modelcontextprotocol/express';

const serveMcp = toNodeHandler(handler);
const app = express();
app.use(mcpAuthMetadataRouter(metadata));
app.all('/mcp', (req, res) => serveMcp(req, res, req.body));`,
      output: `import express from 'express';
import { toNodeHandler } from '@modelcontextprotocol/node';
import {
  mcpAuthMetadataRouter,
  createMcpExpressApp,
} from '@modelcontextprotocol/express';

const serveMcp = toNodeHandler(handler);
const app = createMcpExpressApp();
app.use(mcpAuthMetadataRouter(metadata));
app.all('/mcp', (req, res) => serveMcp(req, res, req.body));`,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`express()` app' },
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: 'the factory is required below a shebang, not above it, in the quotes the file uses',
      code: `#!/usr/bin/env node
require('dotenv').config();
const express = require("express");
const { toNodeHandler } = require("@modelcontextprotocol/node");

const serveMcp = toNodeHandler(handler);
const app = express();
app.all("/mcp", (req, res) => serveMcp(req, res, req.body));`,
      ...commonjs,
      output: `#!/usr/bin/env node

const { createMcpExpressApp } = require("@modelcontextprotocol/express");

require('dotenv').config();
const express = require("express");
const { toNodeHandler } = require("@modelcontextprotocol/node");

const serveMcp = toNodeHandler(handler);
const app = createMcpExpressApp();
app.all("/mcp", (req, res) => serveMcp(req, res, req.body));`,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`express()` app' },
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a require of its package below the app does not bind it in time: the factory gets its own, at the top',
      code: `const express = require('express');
const { toNodeHandler } = require('@modelcontextprotocol/node');

const serveMcp = toNodeHandler(handler);
const app = express();
const { mcpAuthMetadataRouter } = require('@modelcontextprotocol/express');
app.use(mcpAuthMetadataRouter(metadata));
app.all('/mcp', (req, res) => serveMcp(req, res, req.body));`,
      ...commonjs,
      output: `const express = require('express');
const { toNodeHandler } = require('@modelcontextprotocol/node');
const { createMcpExpressApp } = require('@modelcontextprotocol/express');

const serveMcp = toNodeHandler(handler);
const app = createMcpExpressApp();
const { mcpAuthMetadataRouter } = require('@modelcontextprotocol/express');
app.use(mcpAuthMetadataRouter(metadata));
app.all('/mcp', (req, res) => serveMcp(req, res, req.body));`,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`express()` app' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: 'the factory joins a one-line import of its package',
      code: `import express from 'express';
import { mcpAuthMetadataRouter } from '@modelcontextprotocol/express';
import { toNodeHandler } from '@modelcontextprotocol/node';

const serveMcp = toNodeHandler(handler);
const app = express();
app.use(mcpAuthMetadataRouter(metadata));
app.all('/mcp', (req, res) => serveMcp(req, res, req.body));`,
      output: `import express from 'express';
import { mcpAuthMetadataRouter, createMcpExpressApp } from '@modelcontextprotocol/express';
import { toNodeHandler } from '@modelcontextprotocol/node';

const serveMcp = toNodeHandler(handler);
const app = createMcpExpressApp();
app.use(mcpAuthMetadataRouter(metadata));
app.all('/mcp', (req, res) => serveMcp(req, res, req.body));`,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`express()` app' },
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a plain express app that serves a v2 handler',
      code: `import express from 'express';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';

const serveMcp = toNodeHandler(createMcpHandler(() => buildServer()));
const app = express();
app.all('/mcp', (req, res) => serveMcp(req, res, req.body));`,
      output: `import express from 'express';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpExpressApp } from '@modelcontextprotocol/express';

const serveMcp = toNodeHandler(createMcpHandler(() => buildServer()));
const app = createMcpExpressApp();
app.all('/mcp', (req, res) => serveMcp(req, res, req.body));`,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: {
            app: '`express()` app',
          },
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a plain Hono app',
      code: `import { Hono } from 'hono';
import { createMcpHandler } from '@modelcontextprotocol/server';
const mcp = createMcpHandler(() => buildServer());
const app = new Hono();
app.all('/mcp', (c) => mcp.fetch(c.req.raw));
export default app;`,
      output: `import { Hono } from 'hono';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { createMcpHonoApp } from '@modelcontextprotocol/hono';
const mcp = createMcpHandler(() => buildServer());
const app = createMcpHonoApp();
app.all('/mcp', (c) => mcp.fetch(c.req.raw));
export default app;`,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: {
            app: '`new Hono()` app',
          },
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a Fastify app',
      code: `import Fastify from 'fastify';
import { createMcpHandler } from '@modelcontextprotocol/server';
const mcp = createMcpHandler(() => buildServer());
const app = Fastify({ logger: true });
app.post('/mcp', async (request) => mcp.fetch(request.raw as never));`,
      output: `import Fastify from 'fastify';
import { createMcpHandler } from '@modelcontextprotocol/server';
const mcp = createMcpHandler(() => buildServer());
const app = Fastify({ logger: true });
app.addHook('onRequest', async (request, reply) => {
  // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
  const hostname = (request.headers.host ?? '').replace(/:\\d+$/, '');
  if (!['localhost', '127.0.0.1', '[::1]'].includes(hostname)) return reply.code(403).send({ error: 'Host not allowed' });
});
app.post('/mcp', async (request) => mcp.fetch(request.raw as never));`,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: {
            app: '`Fastify({ logger: true })` app',
          },
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: 'v1 createMcpExpressApp ignores allowedOrigins',
      code: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
export const app = createMcpExpressApp({ host: '0.0.0.0', allowedOrigins: ['http://localhost:6274'] } as never);`,
      output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
export const app = createMcpExpressApp({ host: '127.0.0.1', allowedOrigins: ['http://localhost:6274'] } as never);`,
      errors: [
        {
          messageId: 'validationTurnedOff',
          data: { factory: 'createMcpExpressApp', host: "'0.0.0.0'", place: '' },
          line: 2,
          column: 42,
          endLine: 2,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'addAllowedHosts',
              output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
export const app = createMcpExpressApp({ host: '0.0.0.0', allowedOrigins: ['http://localhost:6274'], allowedHosts: ['localhost', '127.0.0.1', '[::1]'] } as never);`,
            },
          ],
        },
      ],
    },
    {
      name: 'a plain node:http handler that serves a v2 handler',
      code: `import http from 'node:http';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';

const serveMcp = toNodeHandler(createMcpHandler(() => new McpServer({ name: 'x', version: '1.0.0' })));
function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.url === '/mcp') return serveMcp(req, res);
  res.writeHead(404).end();
}
http.createServer(onRequest).listen(3000, '127.0.0.1');`,
      output: `import http from 'node:http';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';

const serveMcp = toNodeHandler(createMcpHandler(() => new McpServer({ name: 'x', version: '1.0.0' })));
function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
${nodeHostCheck('  ')}
  if (req.url === '/mcp') return serveMcp(req, res);
  res.writeHead(404).end();
}
http.createServer(onRequest).listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: {
            app: 'request handler',
          },
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 25,
          suggestions: [],
        },
      ],
    },
    {
      name: 'CommonJS node:http with a transport made at the top',
      code: `const http = require('node:http');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const port = Number(process.env.PORT) || 3000;
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => crypto.randomUUID() });
const server = http.createServer((req, res) => {
  if (req.method === 'POST') transport.handleRequest(req, res);
});
server.listen(port, '127.0.0.1');`,
      ...commonjs,
      output: `const http = require('node:http');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const port = Number(process.env.PORT) || 3000;
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => crypto.randomUUID(), enableDnsRebindingProtection: true, allowedHosts: [\`127.0.0.1:\${port}\`, \`localhost:\${port}\`] });
const server = http.createServer((req, res) => {
  if (req.method === 'POST') transport.handleRequest(req, res);
});
server.listen(port, '127.0.0.1');`,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 52,
          suggestions: [],
        },
      ],
    },
  ]),
});

// By default, the fail-closed change (deny the origin, require the token, bind loopback) is no
// autofix: it is the first suggestion, next to the others, as it can stop a client that works today.
/** A node:http server whose transport comes from the SDK module `specifier` names, as `load` imports it. */
const NO_EXTENSION = (load: string, options = ''): string => `${load}

createServer(async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined${options} });
  await transport.handleRequest(req, res);
}).listen(3000, '127.0.0.1');`;

const NO_EXTENSION_LOADS = [
  `import { createServer } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp';`,
  `const { createServer } = require('node:http');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp');`,
];

ruleTester.run('require-dns-rebinding-protection: an SDK module named without its extension', rule, {
  valid: NO_EXTENSION_LOADS.map((load, index) => ({
    name: `the protection turned on, ${index === 0 ? 'imported' : 'required'}`,
    code: NO_EXTENSION(load, PROTECTED),
  })),
  invalid: NO_EXTENSION_LOADS.map((load, index) => ({
    name: `TypeScript resolves \`…/server/streamableHttp\` to the \`.js\` module, ${index === 0 ? 'imported' : 'required'}`,
    code: NO_EXTENSION(load),
    output: null,
    errors: [
      {
        messageId: 'unprotectedTransport' as const,
        data: { transport: '`StreamableHTTPServerTransport`' },
        line: 5,
        column: 25,
        endLine: 5,
        endColumn: 54,
        suggestions: [{ messageId: 'enableProtection' as const, output: NO_EXTENSION(load, PROTECTED) }],
      },
    ],
  })),
});

ruleTester.run('require-dns-rebinding-protection: by default, the fail-closed change is the first suggestion', rule, {
  valid: [],
  invalid: [
    {
      name: "by default, turning on the transport's protection is a suggestion",
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const PORT = Number(process.env.PORT ?? 3000);
const app = express();
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(PORT, '127.0.0.1');`,
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'validateHost',
              output: hostValidated(`import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const PORT = Number(process.env.PORT ?? 3000);
const app = express();
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(PORT, '127.0.0.1');`),
            },
          ],
        },
      ],
    },
    {
      name: 'by default, the loopback host is suggested before allowedHosts',
      code: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
export const app = createMcpExpressApp({ host: '0.0.0.0' });`,
      output: null,
      errors: [
        {
          messageId: 'validationTurnedOff',
          data: { host: "'0.0.0.0'", place: '', factory: 'createMcpExpressApp' },
          line: 2,
          column: 42,
          endLine: 2,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useLoopbackHost',
              output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
export const app = createMcpExpressApp({ host: '127.0.0.1' });`,
            },
            {
              messageId: 'addAllowedHosts',
              output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
export const app = createMcpExpressApp({ host: '0.0.0.0', allowedHosts: ['localhost', '127.0.0.1', '[::1]'] });`,
            },
          ],
        },
      ],
    },
    {
      name: "by default, the SDK's app factory is a suggestion for a plain express app",
      code: `import express from 'express';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';

const serveMcp = toNodeHandler(createMcpHandler(() => buildServer()));
const app = express();
app.all('/mcp', (req, res) => serveMcp(req, res, req.body));`,
      output: null,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`express()` app' },
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'validateHost',
              output: `import express from 'express';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpExpressApp } from '@modelcontextprotocol/express';

const serveMcp = toNodeHandler(createMcpHandler(() => buildServer()));
const app = createMcpExpressApp();
app.all('/mcp', (req, res) => serveMcp(req, res, req.body));`,
            },
          ],
        },
      ],
    },
    {
      name: 'by default, the Host hook of a Fastify app is a suggestion',
      code: `import Fastify from 'fastify';
import { createMcpHandler } from '@modelcontextprotocol/server';
const mcp = createMcpHandler(() => buildServer());
const app = Fastify({ logger: true });
app.post('/mcp', async (request) => mcp.fetch(request.raw as never));`,
      output: null,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`Fastify({ logger: true })` app' },
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'validateHost',
              output: `import Fastify from 'fastify';
import { createMcpHandler } from '@modelcontextprotocol/server';
const mcp = createMcpHandler(() => buildServer());
const app = Fastify({ logger: true });
app.addHook('onRequest', async (request, reply) => {
  // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
  const hostname = (request.headers.host ?? '').replace(/:\\d+$/, '');
  if (!['localhost', '127.0.0.1', '[::1]'].includes(hostname)) return reply.code(403).send({ error: 'Host not allowed' });
});
app.post('/mcp', async (request) => mcp.fetch(request.raw as never));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a node:http handler that streams the body in and answers MCP methods by hand, in its end listener',
      code: `import http from 'node:http';

function answer(raw: string): unknown {
  const message = JSON.parse(raw);
  switch (message.method) {
    case 'tools/list':
      return { jsonrpc: '2.0', id: message.id, result: { tools: [] } };
    default:
      return { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } };
  }
}

http
  .createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/mcp') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(answer(Buffer.concat(chunks).toString())));
      });
      return;
    }
    res.writeHead(404).end();
  })
  .listen(7410, '127.0.0.1');`,
      output: null,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'request handler' },
          line: 15,
          column: 9,
          endLine: 15,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'validateHost',
              output: `import http from 'node:http';

function answer(raw: string): unknown {
  const message = JSON.parse(raw);
  switch (message.method) {
    case 'tools/list':
      return { jsonrpc: '2.0', id: message.id, result: { tools: [] } };
    default:
      return { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } };
  }
}

http
  .createServer((req, res) => {
${nodeHostCheck('    ')}
    if (req.method === 'POST' && req.url === '/mcp') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(answer(Buffer.concat(chunks).toString())));
      });
      return;
    }
    res.writeHead(404).end();
  })
  .listen(7410, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: 'a subclass of the Hono app that answers MCP methods on `this`: reported at its name, with no change',
      code: `import { Hono } from 'hono';

export class RpcRoutes extends Hono {
  constructor() {
    super();
    this.post('/', async (c) => {
      const message = await c.req.json();
      if (message.method === 'tools/list') return c.json({ jsonrpc: '2.0', id: message.id, result: { tools: [] } });
      return c.json({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } });
    });
  }

  static describe() {
    return this.name;
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`RpcRoutes` app' },
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 23,
        },
      ],
    },
    {
      name: 'by default, a node:http handler gets the Host check as a suggestion',
      code: `import http from 'node:http';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';

const serveMcp = toNodeHandler(createMcpHandler(() => new McpServer({ name: 'x', version: '1.0.0' })));
http.createServer((req, res) => {
  if (req.url === '/mcp') return serveMcp(req, res);
  res.writeHead(404).end();
}).listen(3000, '127.0.0.1');`,
      output: null,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'request handler' },
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'validateHost',
              output: `import http from 'node:http';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';

const serveMcp = toNodeHandler(createMcpHandler(() => new McpServer({ name: 'x', version: '1.0.0' })));
http.createServer((req, res) => {
${nodeHostCheck('  ')}
  if (req.url === '/mcp') return serveMcp(req, res);
  res.writeHead(404).end();
}).listen(3000, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: 'by default, no suggestion where the fail-closed change cannot be written (the port is unknown)',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = express();
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});`,
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 5,
          column: 25,
          endLine: 5,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'validateHost',
              output: hostValidated(`import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = express();
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});`),
            },
          ],
        },
      ],
    },
  ],
});

/**
 * The report on an `SSEServerTransport` made at `line`, columns 25 to 43 of an Express app, with
 * its suggestion: the SDK's Host validation on the app of the file `withOptions('')` writes.
 */
function sseTransportReport(line: number, withOptions: (options: string) => string) {
  return {
    messageId: 'unprotectedTransport' as const,
    data: { transport: '`SSEServerTransport`' },
    line,
    column: 25,
    endLine: line,
    endColumn: 43,
    suggestions: [
      {
        messageId: 'validateHost' as const,
        output: hostValidated(withOptions('')),
      },
    ],
  };
}

// A bearer check a helper makes only when a setting turns it on (`if (routing.enableBearerAuth) …
// return true`) lets a rebinding page through out of the box: no credential check.
const SETTING_AUTH = (test: string, options = ''): string => `import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { loadSettings } from './settings.js';

const validateBearerAuth = (req: express.Request): boolean => {
  const routing = loadSettings().routing ?? { enableBearerAuth: false, bearerAuthKey: '' };
  if (${test}) {
    const header = req.headers.authorization;
    if (!header?.startsWith('Bearer ')) return false;
    return header.slice(7) === routing.bearerAuthKey;
  }
  return true;
};

const app = express();
app.get('/sse', async (req, res) => {
  if (!validateBearerAuth(req)) {
    res.status(401).send('Unauthorized');
    return;
  }
  const transport = new SSEServerTransport('/messages', res${options});
  await transport.start();
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run('require-dns-rebinding-protection: a credential check a setting turns on', rule, {
  valid: [
    { name: 'a check that runs unless a setting turns it off', code: SETTING_AUTH('!routing.disableBearerAuth') },
  ],
  invalid: [
    {
      name: 'a check that runs only when a setting turns it on',
      code: SETTING_AUTH('routing.enableBearerAuth'),
      errors: [sseTransportReport(21, (options) => SETTING_AUTH('routing.enableBearerAuth', options))],
    },
  ],
});

// MCP answered by hand, with no SDK in the file: the app that serves it must check Host.
const HAND_WRITTEN = `import express from 'express';
import { callTool, listTools } from './tools';

const app = express();
app.use(express.json());
app.post('/rpc', async (req, res) => {
  const { id, method, params } = req.body;
  if (method === 'tools/list') return res.json({ jsonrpc: '2.0', id, result: { tools: listTools() } });
  if (method === 'tools/call') return res.json({ jsonrpc: '2.0', id, result: await callTool(params.name, params.arguments) });
  res.json({ jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } });
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run('require-dns-rebinding-protection: MCP answered by hand', rule, {
  valid: [
    {
      name: 'the app refuses a Host that is not local first',
      code: HAND_WRITTEN.replace(
        'app.use(express.json());',
        `app.use((req, res, next) => {
  if (!['localhost:3000', '127.0.0.1:3000'].includes(req.headers.host ?? '')) {
    res.status(403).end();
    return;
  }
  next();
});
app.use(express.json());`,
      ),
    },
  ],
  invalid: [
    {
      name: "a dispatch on 'tools/list' and 'tools/call' is an MCP endpoint",
      code: HAND_WRITTEN,
      output: null,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`express()` app' },
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'validateHost',
              output: HAND_WRITTEN.replace(
                "import { callTool, listTools } from './tools';\n",
                "import { callTool, listTools } from './tools';\nimport { createMcpExpressApp } from '@modelcontextprotocol/express';\n",
              ).replace('const app = express();', 'const app = createMcpExpressApp();'),
            },
          ],
        },
      ],
    },
  ],
});

// A bearer check that lets every request through while its token is unset (`if (!token) return
// true`, or `token === ''`) lets a rebinding page through out of the box: no credential check.
const UNSET_TOKEN_PASSES = (test: string, options = ''): string => `import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';

const checkAuth = (req: express.Request): boolean => {
  const token = process.env.BRIDGE_TOKEN ?? '';
  if (${test}) return true;
  return req.headers.authorization === \`Bearer \${token}\`;
};

const app = express();
app.get('/sse', async (req, res) => {
  if (!checkAuth(req)) {
    res.status(401).send('Unauthorized');
    return;
  }
  const transport = new SSEServerTransport('/messages', res${options});
  await transport.start();
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run('require-dns-rebinding-protection: a credential check that passes while its token is unset', rule, {
  valid: [],
  invalid: ['!token', "token === ''", "'' == token"].map((test) => ({
    name: `\`if (${test}) return true\``,
    code: UNSET_TOKEN_PASSES(test),
    errors: [sseTransportReport(16, (options) => UNSET_TOKEN_PASSES(test, options))],
  })),
});

/** A web handler that refuses a request unless `helper` (declared by `helpers`) hands back something for it. */
const VERDICT_ROUTE = (
  helpers: string,
  helper: string,
): string => `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
${helpers}
export async function POST(request: Request) {
  const user = await ${helper}(request);
  if (!user) return Response.json({ error: 'Unauthorized' }, { status: 401 });
  const server = new McpServer({ name: 'files', version: '1.0.0' });
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  return transport.handleRequest(request);
}`;

ruleTester.run('require-dns-rebinding-protection: a helper that hands back a verdict on the credential', rule, {
  valid: [
    {
      name: 'a constant for the right token, null for any other',
      code: VERDICT_ROUTE(
        `
function userFrom(request: Request): string | null {
  const auth = request.headers.get('authorization');
  if (!auth?.startsWith('Bearer ')) return null;
  return auth.slice(7) === process.env.MCP_TOKEN ? 'api-user' : null;
}
`,
        'userFrom',
      ),
      filename: 'app/api/mcp/route.ts',
    },
    {
      name: 'what a verifier of the project answers, handed back under two tests',
      code: VERDICT_ROUTE(
        `
function accountFor(token: string): string | null {
  return token === process.env.MCP_TOKEN ? 'api-user' : null;
}
async function userFrom(request: Request) {
  const token = request.headers.get('authorization')?.replace('Bearer ', '');
  return token ? (token.length > 0 ? accountFor(token) : null) : null;
}
`,
        'userFrom',
      ),
      filename: 'app/api/mcp/route.ts',
    },
    {
      name: 'what a lookup by the token answers',
      code: VERDICT_ROUTE(
        `
async function userFrom(request: Request) {
  const token = request.headers.get('authorization')?.replace('Bearer ', '');
  if (!token) return null;
  const account = await accounts.findByToken(token);
  return account ?? null;
}
`,
        'userFrom',
      ),
      filename: 'app/api/mcp/route.ts',
    },
  ],
  invalid: [
    {
      name: 'the token itself, which a rebinding page can make up',
      code: VERDICT_ROUTE(
        `
function tokenOf(request: Request): string | null {
  const auth = request.headers.get('authorization');
  if (!auth?.startsWith('Bearer ')) return null;
  return auth.slice(7);
}
`,
        'tokenOf',
      ),
      filename: 'app/api/mcp/route.ts',
      errors: [{ messageId: 'unprotectedTransport', line: 14, column: 25, endLine: 14, endColumn: 65 }],
    },
    {
      name: 'a decoded token, which says nothing about whether it was signed',
      code: VERDICT_ROUTE(
        `
function userFrom(request: Request) {
  const auth = request.headers.get('authorization') ?? '';
  return jwt.decode(auth.slice(7));
}
`,
        'userFrom',
      ),
      filename: 'app/api/mcp/route.ts',
      errors: [{ messageId: 'unprotectedTransport', line: 13, column: 25, endLine: 13, endColumn: 65 }],
    },
    {
      name: 'a constant for any request that carries the header at all',
      code: VERDICT_ROUTE(
        `
function userFrom(request: Request): boolean {
  const auth = request.headers.get('authorization');
  if (!auth?.startsWith('Bearer ')) return false;
  return true;
}
`,
        'userFrom',
      ),
      filename: 'app/api/mcp/route.ts',
      errors: [{ messageId: 'unprotectedTransport', line: 14, column: 25, endLine: 14, endColumn: 65 }],
    },
    {
      name: "a check of the key's form and length, which a made-up key passes",
      code: VERDICT_ROUTE(
        `
function isWellFormed(key: string): boolean {
  return /^[a-z0-9]{40}$/.test(key);
}
function keyUser(request: Request) {
  const key = request.headers.get('x-api-key');
  if (!key || key.length !== 40 || !isWellFormed(key)) return null;
  return 'api-user';
}
`,
        'keyUser',
      ),
      filename: 'app/api/mcp/route.ts',
      errors: [{ messageId: 'unprotectedTransport', line: 17, column: 25, endLine: 17, endColumn: 65 }],
    },
    {
      name: 'an object that carries the token',
      code: VERDICT_ROUTE(
        `
function sessionOf(request: Request) {
  const token = request.headers.get('x-api-key');
  return token ? { token } : null;
}
`,
        'sessionOf',
      ),
      filename: 'app/api/mcp/route.ts',
      errors: [{ messageId: 'unprotectedTransport', line: 13, column: 25, endLine: 13, endColumn: 65 }],
    },
  ],
});

ruleTester.run("require-dns-rebinding-protection: a check handed the request's headers", rule, {
  valid: [
    {
      name: 'a parameter the module hands `req.headers`, compared with a secret',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const KEY = process.env.TOOLS_KEY;
function assertKey(values: Record<string, string | string[] | undefined>): void {
  if (!KEY || values['x-api-key'] !== KEY) throw new Error('unauthorized');
}
const app = express();
app.post('/mcp', async (req, res) => {
  try {
    assertKey(req.headers);
  } catch {
    res.status(401).json({ error: 'unauthorized' });
    return;
  }
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});`,
    },
  ],
  invalid: [],
});

/** A node:http server that makes a URL from the request's Host, `then` does with it, and serves MCP at `/mcp`. */
const HOST_URL = (then: string): string => `import { createServer } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', \`http://\${req.headers.host}\`);
  ${then}
  if (url.pathname === '/mcp') {
    await transport.handleRequest(req, res);
    return;
  }
  res.writeHead(404).end();
}).listen(8000, '127.0.0.1');`;

const LOGS_URL = "if (req.method === 'POST') console.log('request for', url);";

ruleTester.run('require-dns-rebinding-protection: a URL made from the Host header', rule, {
  valid: [
    {
      name: 'its host name compared with loopback, before anything is served',
      code: HOST_URL("if (url.hostname !== 'localhost') return void res.writeHead(403).end();"),
    },
  ],
  invalid: [
    {
      name: 'its path decides the route, and the URL is handed whole to a call in a branch',
      code: HOST_URL(LOGS_URL),
      errors: [
        {
          messageId: 'unprotectedTransport',
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'enableProtection',
              output: HOST_URL(LOGS_URL).replace(
                '{ sessionIdGenerator: undefined }',
                "{ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:8000', 'localhost:8000'] }",
              ),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: an app a test hands requests in the process', rule, {
  valid: [
    {
      name: "Hono's `app.request()`, which opens no socket",
      code: `import { Hono } from 'hono';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

test('lists tools', async () => {
  const app = new Hono();
  app.post('/mcp', async (c) => {
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    return transport.handleRequest(c.req.raw);
  });
  const res = await app.request('/mcp', { method: 'POST', body: '{}' });
});`,
    },
  ],
  invalid: [],
});

/** A test module whose hook builds an Express app into a `let` and routes POST /mcp to a transport; `after` follows. */
const SUPERTEST_APP = (after = ''): string => `import express from 'express';
import request from 'supertest';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

let app;
beforeAll(() => {
  app = express();
  app.post('/mcp', async (req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res, req.body);
  });${after}
});

it('answers', async () => {
  await request(app).post('/mcp').send({ jsonrpc: '2.0', id: 1, method: 'ping' });
});`;

ruleTester.run('require-dns-rebinding-protection: an app a test hands to a test client', rule, {
  valid: [
    {
      name: "supertest's `request(app)`, which serves it on a port of the system's choosing for one request",
      ...esm,
      filename: 'tests/mcp.test.mjs',
      code: SUPERTEST_APP(),
    },
    {
      name: 'an app the test hook starts on a port the system picks (`listen(0)`), for the length of the suite',
      ...esm,
      filename: 'tests/mcp.test.mjs',
      code: SUPERTEST_APP('\n  app.listen(0);'),
    },
  ],
  invalid: [
    {
      name: 'an app the test hook also starts',
      ...esm,
      filename: 'tests/mcp.test.mjs',
      code: SUPERTEST_APP('\n  app.listen(3000);'),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 9,
          column: 27,
          endLine: 9,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'enableProtection',
              output: SUPERTEST_APP('\n  app.listen(3000);').replace(
                '{ sessionIdGenerator: undefined }',
                "{ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] }",
              ),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: a Koa, Fastify or plain handler a test hands to supertest', rule, {
  valid: [
    ...SERVED_BY_SUPERTEST,
    {
      name: 'the server held in a constant that the test also closes',
      filename: 'tests/mcp.test.ts',
      code: NODE_SUPERTEST('server', '\n\nconst server = http.createServer(handler);\nafterAll(() => server.close());'),
    },
  ],
  invalid: [
    {
      name: "Koa's request listener also served by a server of the test's own",
      filename: 'tests/mcp.test.ts',
      code: KOA_SUPERTEST('app.callback()', '\nhttp.createServer(app.callback()).listen(3000);'),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 9,
          column: 25,
          endLine: 9,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'enableProtection',
              output: KOA_SUPERTEST('app.callback()', '\nhttp.createServer(app.callback()).listen(3000);').replace(
                '{ sessionIdGenerator: undefined }',
                "{ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] }",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a Fastify app the test starts with `listen` before handing supertest its server',
      filename: 'tests/mcp.test.ts',
      code: FASTIFY_SUPERTEST('await app.listen({ port: 3000 });'),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'enableProtection',
              output: FASTIFY_SUPERTEST('await app.listen({ port: 3000 });').replace(
                '{ sessionIdGenerator: undefined }',
                "{ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] }",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Fastify's `app.server` listened on by the test itself",
      filename: 'tests/mcp.test.ts',
      code: FASTIFY_SUPERTEST('await app.ready();', '\napp.server.listen(3000);'),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 54,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a plain handler that the test also serves on a port of its own',
      filename: 'tests/mcp.test.ts',
      code: NODE_SUPERTEST('handler', '\n\nhttp.createServer(handler).listen(3000);'),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 7,
          column: 27,
          endLine: 7,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'enableProtection',
              output: NODE_SUPERTEST('handler', '\n\nhttp.createServer(handler).listen(3000);').replace(
                '{ sessionIdGenerator: undefined }',
                "{ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] }",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a plain handler the test module exports, which other modules may serve',
      filename: 'tests/mcp.test.ts',
      code: NODE_SUPERTEST('handler').replace('async function handler', 'export async function handler'),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 7,
          column: 27,
          endLine: 7,
          endColumn: 56,
          suggestions: [],
        },
      ],
    },
  ],
});

// Hand-written MCP endpoints: the body read from the request and answered by a function that
// dispatches on the JSON-RPC `method`, not any comparison with a method's name.
ruleTester.run('require-dns-rebinding-protection: MCP answered by hand', rule, {
  valid: [
    {
      name: "a webhook whose events are typed with MCP's method names is no JSON-RPC endpoint",
      code: `import http from 'node:http';

function onEvent(event: { type: string }) {
  if (event.type === 'tools/list') console.log('the tool list changed');
}

http
  .createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/mcp-events') {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        onEvent(JSON.parse(raw));
        res.end('ok');
      });
      return;
    }
    res.writeHead(404).end();
  })
  .listen(7441, '127.0.0.1');`,
    },
  ],
  invalid: [
    {
      name: 'a JSON-RPC method destructured under a name for a kind (`{ method: kind }`) is still the method',
      code: `import http from 'node:http';

http
  .createServer(async (req, res) => {
    if (req.method === 'POST' && req.url === '/rpc') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const { id, method: kind } = JSON.parse(raw);
      if (kind === 'tools/list') return void res.end(JSON.stringify({ jsonrpc: '2.0', id, result: { tools: [] } }));
    }
    res.writeHead(404).end();
  })
  .listen(7442, '127.0.0.1');`,
      output: null,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'request handler' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'validateHost',
              output: `import http from 'node:http';

http
  .createServer(async (req, res) => {
${nodeHostCheck('    ')}
    if (req.method === 'POST' && req.url === '/rpc') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const { id, method: kind } = JSON.parse(raw);
      if (kind === 'tools/list') return void res.end(JSON.stringify({ jsonrpc: '2.0', id, result: { tools: [] } }));
    }
    res.writeHead(404).end();
  })
  .listen(7442, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: 'a body read with `for await` and handed to a dispatcher of MCP methods',
      code: `import http from 'node:http';

function answer(raw: string): unknown {
  const { id, method } = JSON.parse(raw);
  if (method === 'tools/list') return { jsonrpc: '2.0', id, result: { tools: [] } };
  return { jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } };
}

http
  .createServer(async (req, res) => {
    if (req.method === 'POST' && req.url === '/api/mcp') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      res.end(JSON.stringify(answer(raw)));
      return;
    }
    res.writeHead(404).end();
  })
  .listen(7440, '127.0.0.1');`,
      output: null,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'request handler' },
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'validateHost',
              output: `import http from 'node:http';

function answer(raw: string): unknown {
  const { id, method } = JSON.parse(raw);
  if (method === 'tools/list') return { jsonrpc: '2.0', id, result: { tools: [] } };
  return { jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } };
}

http
  .createServer(async (req, res) => {
${nodeHostCheck('    ')}
    if (req.method === 'POST' && req.url === '/api/mcp') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      res.end(JSON.stringify(answer(raw)));
      return;
    }
    res.writeHead(404).end();
  })
  .listen(7440, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
  ],
});

/** An SDK Hono app bound to every interface whose `/mcp` sits behind a bearer check; `extra` adds routes. */
const bearerGuardedApp = (extra = ''): string => `import { createMcpHonoApp } from '@modelcontextprotocol/hono';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));
const app = createMcpHonoApp({ host: '0.0.0.0' });
app.use('/mcp', async (c, next) => {
  if (c.req.header('authorization') !== \`Bearer \${process.env.MCP_TOKEN}\`) return c.json({ error: 'unauthorized' }, 401);
  await next();
});
app.all('/mcp', (c) => mcp.fetch(c.req.raw));${extra}

export default app;`;

const TURNED_OFF_AT = { line: 5, column: 32, endLine: 5, endColumn: 47 };

ruleTester.run('require-dns-rebinding-protection: an SDK app bound to every interface behind a bearer check', rule, {
  valid: [
    {
      name: 'every MCP route of the app refuses a request without the token, which a rebinding page lacks',
      code: bearerGuardedApp(),
    },
  ],
  invalid: [
    ...(
      [
        ['with trustCredentialChecks off', bearerGuardedApp(), [{ trustCredentialChecks: false }]],
        [
          'another MCP route of the app has no check',
          bearerGuardedApp("\napp.all('/tools', (c) => mcp.fetch(c.req.raw));"),
          [{}],
        ],
      ] as const
    ).map(([name, code, options]) => ({
      name,
      code,
      options,
      errors: [
        {
          messageId: 'validationTurnedOff' as const,
          data: { factory: 'createMcpHonoApp', host: "'0.0.0.0'", place: '' },
          ...TURNED_OFF_AT,
          suggestions: [
            { messageId: 'useLoopbackHost' as const, output: code.replace("host: '0.0.0.0'", "host: '127.0.0.1'") },
            {
              messageId: 'addAllowedHosts' as const,
              output: code.replace(
                "host: '0.0.0.0'",
                "host: '0.0.0.0', allowedHosts: ['localhost', '127.0.0.1', '[::1]']",
              ),
            },
          ],
        },
      ],
    })),
  ],
});

/** An express app whose `cors` is given `origin` (an origin function or an options delegate). */
const CORS_REFUSAL = (use: string): string => `import express from 'express';
import cors from 'cors';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const ALLOWED_ORIGINS = ['http://localhost:6274'];
const app = express();
app.use(${use});
app.post('/mcp', async (req, res) => {
  await new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run('require-dns-rebinding-protection: a cors origin function that refuses other origins', rule, {
  valid: [
    {
      name: 'an error for an origin not listed goes to next(err): the route never runs for it',
      code: CORS_REFUSAL(
        "cors({ origin: (origin, done) => (!origin || ALLOWED_ORIGINS.includes(origin) ? done(null, true) : done(new Error('origin refused'))) })",
      ),
    },
    {
      name: 'an options delegate that calls back with an error',
      code: CORS_REFUSAL(`cors((req, done) => {
  const origin = req.header('Origin');
  if (origin !== undefined && !ALLOWED_ORIGINS.includes(origin)) return done(new Error('origin refused'));
  done(null, { origin: true });
})`),
    },
  ],
  invalid: [
    {
      name: '`false` only leaves the headers out, and the request goes on',
      code: CORS_REFUSAL(
        'cors({ origin: (origin, done) => done(null, origin !== undefined && ALLOWED_ORIGINS.includes(origin)) })',
      ),
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'validateHost',
              output: hostValidated(
                CORS_REFUSAL(
                  'cors({ origin: (origin, done) => done(null, origin !== undefined && ALLOWED_ORIGINS.includes(origin)) })',
                ),
              ),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run("require-dns-rebinding-protection: Hono's csrf() is no Origin check against a rebinding page", rule, {
  valid: [],
  invalid: [
    {
      name: 'csrf() lets the request through when Origin is its own, which a rebinding page is',
      code: `import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { StreamableHTTPTransport } from '@hono/mcp';

const transport = new StreamableHTTPTransport();
const app = new Hono();
app.use('*', csrf());
app.all('/mcp', (c) => transport.handleRequest(c));
export default app;`,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPTransport`' },
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 46,
          suggestions: [],
        },
      ],
    },
  ],
});

const LEGACY_SSE = (options: string): string => `import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/server-legacy/sse';
import { server } from './server';

const app = express();
app.get('/sse', async (_req, res) => {
  await server.connect(new SSEServerTransport('/messages', res${options}));
});
app.listen(3000, '127.0.0.1');`;

const LEGACY_PROTECTION =
  ", { enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] }";

ruleTester.run("require-dns-rebinding-protection: the SSE transport of v2's server-legacy package", rule, {
  valid: [{ name: 'its protection on, with the hosts it serves', code: LEGACY_SSE(LEGACY_PROTECTION) }],
  invalid: [
    {
      name: 'v1 options, read from its first version',
      code: LEGACY_SSE(''),
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`SSEServerTransport`' },
          line: 7,
          column: 28,
          endLine: 7,
          endColumn: 46,
          suggestions: [{ messageId: 'enableProtection', output: LEGACY_SSE(LEGACY_PROTECTION) }],
        },
      ],
    },
  ],
});

/** An MCP endpoint a package's handler factory serves from an MCP server factory of the file. */
const PACKAGE_HANDLER = (factory: string): string => `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { statelessHandler } from 'express-mcp-handler';

const makeServer = () => ${factory};
const app = express();
app.use(express.json());
app.post('/mcp', statelessHandler(makeServer));
app.listen(3000, '127.0.0.1');`;

ruleTester.run('require-dns-rebinding-protection: a handler a package makes from an MCP server factory', rule, {
  valid: [
    {
      name: 'a factory of something else is no MCP endpoint',
      code: PACKAGE_HANDLER("({ name: 'x', version: '1' })"),
    },
  ],
  invalid: [
    {
      name: 'statelessHandler(() => new McpServer(…)) serves that server',
      code: PACKAGE_HANDLER("new McpServer({ name: 'x', version: '1' })"),
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`express()` app' },
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'validateHost',
              output: PACKAGE_HANDLER("new McpServer({ name: 'x', version: '1' })")
                .replace(
                  "from 'express-mcp-handler';\n",
                  "from 'express-mcp-handler';\nimport { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';\n",
                )
                .replace('const app = express();', 'const app = createMcpExpressApp();'),
            },
          ],
        },
      ],
    },
  ],
});

/**
 * An express MCP endpoint behind middleware that refuses a request when `refuse` holds for `value`
 * (the header read).
 */
const HEADER_GATE = (
  read: string,
  refuse: string,
  transport = 'sessionIdGenerator: undefined',
): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = express();
app.use((req, res, next) => {
  const value = ${read};
  if (${refuse}) return void res.status(401).end();
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ ${transport} });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

/** HEADER_GATE with a key that must be there, then goes to a rate limiter of the file. */
const RATE_LIMITED = (transport?: string): string =>
  HEADER_GATE("req.headers['x-api-key']", "typeof value !== 'string'", transport)
    .replace('  next();\n});', '  if (limiter.wait(value) > 0) return void res.status(429).end();\n  next();\n});')
    .replace(
      'const app = express();',
      `class Limiter {
  private readonly last = new Map<string, number>();
  wait(key: string): number {
    const now = Date.now();
    const waited = now - (this.last.get(key) ?? 0);
    this.last.set(key, now);
    return waited < 100 ? 1 : 0;
  }
}
const limiter = new Limiter();
const app = express();`,
    );

/** Optional-chained reads of the header inside the wrappers TypeScript strips at run time. */
const WRAPPED_OPTIONAL_READS = [
  'req.headers?.authorization as string | undefined',
  'req.headers?.authorization!',
  '(req.headers?.authorization satisfies string | undefined)',
  '<string>req.headers?.authorization',
];

ruleTester.run('require-dns-rebinding-protection: a cast around an optional-chained header read', rule, {
  valid: WRAPPED_OPTIONAL_READS.map((read) => ({
    name: `\`${read}\` compared with a secret: a rebinding page has none`,
    code: HEADER_GATE(read, 'value !== `Bearer ${process.env.MCP_TOKEN}`'),
  })),
  invalid: WRAPPED_OPTIONAL_READS.map((read) => ({
    name: `\`${read}\` refused only when it names a revoked token: a page that leaves it out goes on`,
    code: HEADER_GATE(read, "value === 'Bearer revoked'"),
    output: null,
    errors: [
      {
        messageId: 'unprotectedTransport' as const,
        data: { transport: '`StreamableHTTPServerTransport`' },
        line: 10,
        column: 25,
        endLine: 10,
        endColumn: 54,
        suggestions: [
          {
            messageId: 'validateHost' as const,
            output: hostValidated(HEADER_GATE(read, "value === 'Bearer revoked'")),
          },
        ],
      },
    ],
  })),
});

ruleTester.run('require-dns-rebinding-protection: a header a rebinding page can send', rule, {
  valid: [
    {
      name: 'a bearer token compared with a secret',
      code: HEADER_GATE('req.headers.authorization', 'value !== `Bearer ${process.env.MCP_TOKEN}`'),
    },
    {
      name: 'the scheme tested, then the token after it compared with a secret',
      code: HEADER_GATE(
        'req.headers.authorization',
        "!value?.startsWith('Bearer ') || value.slice(7) !== process.env.MCP_TOKEN",
      ),
    },
  ],
  invalid: [
    {
      name: 'a header that must only be there and not empty: a rebinding page is same-origin and sends it with any value',
      code: HEADER_GATE("req.headers['x-workspace']", "typeof value !== 'string' || value.length === 0"),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 10,
          column: 25,
          endLine: 10,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'validateHost',
              output: hostValidated(
                HEADER_GATE("req.headers['x-workspace']", "typeof value !== 'string' || value.length === 0"),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a length test: `value.length < 8` passes a made-up value too',
      code: HEADER_GATE('req.headers.authorization ?? ""', 'value.length < 8'),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 10,
          column: 25,
          endLine: 10,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'validateHost',
              output: hostValidated(HEADER_GATE('req.headers.authorization ?? ""', 'value.length < 8')),
            },
          ],
        },
      ],
    },
    ...["'Bearer '", "'token '"].map((scheme) => ({
      name: `a test of the scheme alone: a forger's ${scheme} and anything passes \`startsWith(${scheme})\``,
      code: HEADER_GATE('req.headers.authorization', `!value?.startsWith(${scheme})`),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport' as const,
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 10,
          column: 25,
          endLine: 10,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'validateHost' as const,
              output: hostValidated(HEADER_GATE('req.headers.authorization', `!value?.startsWith(${scheme})`)),
            },
          ],
        },
      ],
    })),
    {
      name: 'a key that only a rate limiter looks at: its 429 is no refusal of a made-up key',
      code: RATE_LIMITED(),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 21,
          column: 25,
          endLine: 21,
          endColumn: 54,
          suggestions: [{ messageId: 'validateHost', output: hostValidated(RATE_LIMITED()) }],
        },
      ],
    },
  ],
});

/** A web handler that checks a bearer token; `unset` is what it does while `SERVICE_KEY` is unset. */
const WEB_TOKEN_CHECK = (unset: string, hostCheck = ''): string => `import { createMcpHandler } from 'mcp-handler';

const mcp = createMcpHandler((server) => {
  server.tool('wipe_cache', 'Clears the cache', {}, async () => ({ content: [{ type: 'text', text: 'ok' }] }));
});

export async function POST(request: Request): Promise<Response> {
${hostCheck}  const expected = process.env.SERVICE_KEY;
  if (!expected) ${unset};
  if (request.headers.get('authorization') !== \`Bearer \${expected}\`) return new Response('unauthorized', { status: 401 });
  return mcp(request);
}`;

const WEB_HOST_CHECK = `  // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
  if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(request.url).hostname)) {
    return Response.json({ error: 'Host not allowed' }, { status: 403 });
  }
`;

/** Express middleware that lets a request on when `unset` holds, before a bearer check. */
const OPT_IN_MIDDLEWARE = (unset: string): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const config = { AUTH_TOKEN: process.env.AUTH_TOKEN, OAUTH_ENABLED: process.env.OAUTH_ENABLED === 'true' };
const app = express();
app.use((req, res, next) => {
  if (${unset}) return next();
  if (req.headers.authorization !== \`Bearer \${config.AUTH_TOKEN}\`) return res.status(401).end();
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run(
  'require-dns-rebinding-protection: a check that lets every request on while its settings are unset',
  rule,
  {
    valid: [
      {
        name: 'a web handler that refuses every request while its key is unset',
        code: WEB_TOKEN_CHECK("return new Response('not configured', { status: 503 })"),
        filename: 'app/mcp/route.ts',
      },
      {
        name: 'one that answers with an error made from the request while its key is unset, also at its end',
        code: WEB_TOKEN_CHECK("return errorResponse(request, 503, 'not configured')").replace(
          '  return mcp(request);\n}',
          "  if (!accepted(request)) return errorResponse(request, 403, 'refused');\n  return mcp(request);\n}",
        ),
        filename: 'app/mcp/route.ts',
      },
      {
        name: 'one that answers with an error made from the request while its key is unset',
        code: WEB_TOKEN_CHECK("return errorResponse(request, 503, 'not configured')"),
        filename: 'app/mcp/route.ts',
      },
    ],
    invalid: [
      {
        name: 'a handler that hands the request to MCP while its key is unset and ends with a refusal',
        code: `import { createMcpHandler } from 'mcp-handler';

const mcp = createMcpHandler((server) => server.tool('wipe_cache', 'Clears the cache', {}, async () => ({ content: [] })));

export async function POST(request: Request): Promise<Response> {
  const expected = process.env.SERVICE_KEY;
  if (!expected) return mcp(request);
  if (request.headers.get('authorization') === \`Bearer \${expected}\`) return mcp(request);
  return new Response('unauthorized', { status: 401 });
}`,
        filename: 'app/mcp/route.ts',
        output: null,
        errors: [
          {
            messageId: 'unprotectedApp',
            data: { app: 'request handler' },
            line: 5,
            column: 23,
            endLine: 5,
            endColumn: 27,
            suggestions: [
              {
                messageId: 'validateHost',
                output: `import { createMcpHandler } from 'mcp-handler';

const mcp = createMcpHandler((server) => server.tool('wipe_cache', 'Clears the cache', {}, async () => ({ content: [] })));

export async function POST(request: Request): Promise<Response> {
${WEB_HOST_CHECK}  const expected = process.env.SERVICE_KEY;
  if (!expected) return mcp(request);
  if (request.headers.get('authorization') === \`Bearer \${expected}\`) return mcp(request);
  return new Response('unauthorized', { status: 401 });
}`,
              },
            ],
          },
        ],
      },
      {
        name: "a web handler that hands the request to MCP while its key is unset (Next.js's `next dev` without it)",
        code: WEB_TOKEN_CHECK('return mcp(request)'),
        filename: 'app/mcp/route.ts',
        output: null,
        errors: [
          {
            messageId: 'unprotectedApp',
            data: { app: 'request handler' },
            line: 7,
            column: 23,
            endLine: 7,
            endColumn: 27,
            suggestions: [
              { messageId: 'validateHost', output: WEB_TOKEN_CHECK('return mcp(request)', WEB_HOST_CHECK) },
            ],
          },
        ],
      },
      {
        name: 'middleware that lets every request on while neither setting is given (`!A && !B`)',
        code: OPT_IN_MIDDLEWARE('!config.OAUTH_ENABLED && !config.AUTH_TOKEN'),
        output: null,
        errors: [
          {
            messageId: 'unprotectedTransport',
            data: { transport: '`StreamableHTTPServerTransport`' },
            line: 12,
            column: 25,
            endLine: 12,
            endColumn: 54,
            suggestions: [
              {
                messageId: 'validateHost',
                output: hostValidated(OPT_IN_MIDDLEWARE('!config.OAUTH_ENABLED && !config.AUTH_TOKEN')),
              },
            ],
          },
        ],
      },
    ],
  },
);

/**
 * A legacy SSE server: `GET /sse` opens the stream behind `check`, `POST /messages` posts to it
 * behind `messagesCheck`; `method` registers the stream route.
 */
const SSE_STREAM = (check: string, messagesCheck = '', method = 'get'): string => `import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
const ALLOWED = ['http://localhost:6274'];
const streams = new Map<string, SSEServerTransport>();
const app = express();
app.${method}('/sse', async (req, res) => {
  const origin = req.headers.origin;
  ${check}
  const transport = new SSEServerTransport('/messages', res);
  streams.set(transport.sessionId, transport);
  await transport.start();
});
app.post('/messages', async (req, res) => {
  ${messagesCheck}
  const transport = streams.get(String(req.query.sessionId));
  if (!transport) return void res.status(400).end();
  await transport.handlePostMessage(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;
const LAX_ORIGIN_CHECK = 'if (origin !== undefined && !ALLOWED.includes(origin)) return void res.status(403).end();';

const LAX_EMPTY_CHECK = 'if (origin && !ALLOWED.includes(origin)) return void res.status(403).end();';

ruleTester.run('require-dns-rebinding-protection: an Origin check on the GET that opens a legacy SSE stream', rule, {
  valid: [
    {
      name: 'a check that refuses a request without Origin',
      code: SSE_STREAM('if (!origin || !ALLOWED.includes(origin)) return void res.status(403).end();'),
    },
    {
      name: 'a Host check beside the Origin check',
      code: SSE_STREAM(
        `if (req.headers.host !== 'localhost:3000') return void res.status(403).end();\n  ${LAX_ORIGIN_CHECK}`,
      ),
    },
    {
      name: 'the route that posts to the stream checks Origin (every POST carries one)',
      code: SSE_STREAM(
        LAX_ORIGIN_CHECK,
        'if (req.headers.origin !== undefined && !ALLOWED.includes(req.headers.origin)) return void res.status(403).end();',
      ),
    },
    { name: 'a stream opened by POST only', code: SSE_STREAM(LAX_ORIGIN_CHECK, '', 'post') },
    {
      name: 'one route opens the stream and takes the messages',
      code: `import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
const ALLOWED = ['http://localhost:6274'];
let stream: SSEServerTransport | undefined;
const app = express();
app.all('/sse', async (req, res) => {
  const origin = req.headers.origin;
  ${LAX_ORIGIN_CHECK}
  if (req.method === 'POST' && stream) return void (await stream.handlePostMessage(req, res, req.body));
  stream = new SSEServerTransport('/sse', res);
  await stream.start();
});
app.listen(3000, '127.0.0.1');`,
    },
  ],
  invalid: [
    {
      name: 'a check that lets a request without Origin through, and an unchecked message route',
      code: SSE_STREAM(LAX_ORIGIN_CHECK),
      output: null,
      errors: [
        {
          messageId: 'streamWithoutOrigin',
          data: { transport: '`SSEServerTransport`' },
          line: 9,
          column: 25,
          endLine: 9,
          endColumn: 43,
          suggestions: [{ messageId: 'validateHost', output: hostValidated(SSE_STREAM(LAX_ORIGIN_CHECK)) }],
        },
      ],
    },
    {
      name: 'a check that admits an empty Origin (`if (origin && …)`), on a route for every method',
      code: SSE_STREAM(LAX_EMPTY_CHECK, '', 'all'),
      output: null,
      errors: [
        {
          messageId: 'streamWithoutOrigin',
          data: { transport: '`SSEServerTransport`' },
          line: 9,
          column: 25,
          endLine: 9,
          endColumn: 43,
          suggestions: [{ messageId: 'validateHost', output: hostValidated(SSE_STREAM(LAX_EMPTY_CHECK, '', 'all')) }],
        },
      ],
    },
  ],
});

/** Middleware that refuses a request when `test` holds, before an MCP route. */
const REFUSES_WHEN = (test: string): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const TOKEN = process.env.MCP_TOKEN || '';
const auth = { enabled: process.env.MCP_AUTH === 'true' };
const app = express();
app.use((req, res, next) => {
  const pathname = req.path;
  if (${test}) return void res.status(401).end();
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

/** The report of `REFUSES_WHEN(test)`'s transport, with the fail-closed suggestion. */
const refusesWhenReport = (test: string) => ({
  messageId: 'unprotectedTransport' as const,
  data: { transport: '`StreamableHTTPServerTransport`' },
  line: 13,
  column: 25,
  endLine: 13,
  endColumn: 54,
  suggestions: [
    {
      messageId: 'validateHost' as const,
      output: hostValidated(REFUSES_WHEN(test)),
    },
  ],
});

/** A check that a query parameter of the request can switch off. */
const SWITCHED_OFF = REFUSES_WHEN("req.headers['x-mcp-token'] !== TOKEN").replace(
  "  if (req.headers['x-mcp-token'] !== TOKEN) return void res.status(401).end();",
  "  const strict = req.query.mode !== 'open';\n  if (strict) {\n    if (req.headers['x-mcp-token'] !== TOKEN) return void res.status(401).end();\n  }",
);

/** REFUSES_WHEN with the header held in a constant first, and a setting derived with `!!`. */
const HELD_BEHIND_FLAG = (transport = '{ sessionIdGenerator: undefined }'): string =>
  REFUSES_WHEN('authOn && token !== TOKEN')
    .replace(
      "const auth = { enabled: process.env.MCP_AUTH === 'true' };",
      "const auth = { enabled: process.env.MCP_AUTH === 'true' };\nconst authOn = !!process.env.MCP_AUTH_URL;",
    )
    .replace(
      '  const pathname = req.path;',
      "  const pathname = req.path;\n  const token = req.headers['x-mcp-token'];",
    )
    .replace('{ sessionIdGenerator: undefined }', transport);

ruleTester.run('require-dns-rebinding-protection: a credential test joined to a setting with `&&`', rule, {
  valid: [
    {
      name: 'a token that is always set: the module stops at start without it',
      code: REFUSES_WHEN("TOKEN && req.headers['x-mcp-token'] !== TOKEN").replace(
        "const auth = { enabled: process.env.MCP_AUTH === 'true' };",
        "const auth = { enabled: process.env.MCP_AUTH === 'true' };\nif (!TOKEN) throw new Error('MCP_TOKEN is required');",
      ),
    },
    {
      name: 'a setting written as always on',
      code: REFUSES_WHEN("auth.enabled && req.headers['x-mcp-token'] !== TOKEN").replace(
        "{ enabled: process.env.MCP_AUTH === 'true' }",
        '{ enabled: true }',
      ),
    },
    {
      name: 'a token with a random fallback (`?? randomUUID()`)',
      code: REFUSES_WHEN("TOKEN && req.headers['x-mcp-token'] !== TOKEN").replace(
        "process.env.MCP_TOKEN || ''",
        'process.env.MCP_TOKEN ?? crypto.randomUUID()',
      ),
    },
    { name: 'the test alone', code: REFUSES_WHEN("req.headers['x-mcp-token'] !== TOKEN") },
    {
      name: "joined to a test of the request's path",
      code: REFUSES_WHEN("pathname === '/mcp' && req.headers['x-mcp-token'] !== TOKEN"),
    },
    {
      name: 'joined to a setting that turns it off, true while unset',
      code: REFUSES_WHEN("!process.env.DISABLE_AUTH && req.headers['x-mcp-token'] !== TOKEN"),
    },
  ],
  invalid: [
    {
      name: 'a check the request can switch off (`?mode=open`)',
      code: SWITCHED_OFF,
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          line: 16,
          column: 25,
          suggestions: [{ messageId: 'validateHost', output: hostValidated(SWITCHED_OFF) }],
        },
      ],
    },
    {
      name: 'run only while the token is set (`TOKEN && header !== TOKEN`)',
      code: REFUSES_WHEN("TOKEN && req.headers['x-mcp-token'] !== TOKEN"),
      output: null,
      errors: [refusesWhenReport("TOKEN && req.headers['x-mcp-token'] !== TOKEN")],
    },
    {
      name: 'the header held in a constant, tested only while a flag made with `!!` of a setting is on',
      code: HELD_BEHIND_FLAG(),
      output: null,
      errors: [
        {
          ...refusesWhenReport(''),
          line: 15,
          endLine: 15,
          suggestions: [{ messageId: 'validateHost', output: hostValidated(HELD_BEHIND_FLAG()) }],
        },
      ],
    },
    {
      name: 'run only while a setting turns it on',
      code: REFUSES_WHEN("auth.enabled && req.headers['x-mcp-token'] !== TOKEN"),
      output: null,
      errors: [refusesWhenReport("auth.enabled && req.headers['x-mcp-token'] !== TOKEN")],
    },
  ],
});

/**
 * A bearer middleware made by a factory whose `required` a setting gives, with `checks` on the
 * header held in `auth`; the transport's options are `transport`.
 */
const GATE = (
  checks: string,
  transport = '{ sessionIdGenerator: undefined }',
): string => `import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const TOKEN = process.env.MCP_TOKEN ?? '';

function gate(required: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    const auth = req.headers.authorization;
${checks}
    next();
  };
}

const app = express();
app.use(express.json());
app.use(gate(process.env.NODE_ENV === 'production'));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport(${transport});
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

/** A test of the header's shape, run only while it is there. */
const SHAPE_WHEN_THERE = `    if (auth) {
      if (!auth.startsWith('Bearer ')) return void res.status(401).end();
    }`;

const gateReport = (checks: string) => ({
  messageId: 'unprotectedTransport' as const,
  data: { transport: '`StreamableHTTPServerTransport`' },
  line: 22,
  column: 25,
  endLine: 22,
  endColumn: 54,
  suggestions: [
    {
      messageId: 'validateHost' as const,
      output: hostValidated(GATE(checks)),
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: a test of the value inside a test that it is there', rule, {
  valid: [
    {
      name: 'the header required, and its value compared with the token inside `if (auth)`',
      code: GATE(`    if (!auth) return void res.status(401).end();
    if (auth) {
      if (auth !== \`Bearer \${TOKEN}\`) return void res.status(401).end();
    }`),
    },
  ],
  invalid: [
    {
      name: 'the header required, but only its shape tested inside `if (auth)`: a rebinding page sends `Bearer x`',
      code: GATE(`    if (!auth) return void res.status(401).end();\n${SHAPE_WHEN_THERE}`),
      output: null,
      errors: [gateReport(`    if (!auth) return void res.status(401).end();\n${SHAPE_WHEN_THERE}`)],
    },
    {
      name: 'the header required only while a setting says so, and only its shape tested while it is there',
      code: GATE(`    if (!auth && required) return void res.status(401).end();\n${SHAPE_WHEN_THERE}`),
      output: null,
      errors: [gateReport(`    if (!auth && required) return void res.status(401).end();\n${SHAPE_WHEN_THERE}`)],
    },
  ],
});

/** A fetch handler that checks `check` in the branch of its MCP path, before the transport. */
const WEB_BRANCH_CHECK = (
  check: string,
): string => `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { server } from './server.js';

export default {
  async fetch(request: Request, env: { API_TOKEN: string }): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/mcp') {
      ${check}
      const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      await server.connect(transport);
      return transport.handleRequest(request);
    }
    return new Response('Not found', { status: 404 });
  },
};`;

ruleTester.run('require-dns-rebinding-protection: a check in the branch of a path of a fetch handler', rule, {
  valid: [
    {
      name: "a bearer check in the path's branch",
      code: WEB_BRANCH_CHECK(
        "if (request.headers.get('Authorization') !== `Bearer ${env.API_TOKEN}`) return new Response(null, { status: 401 });",
      ),
    },
  ],
  invalid: [
    {
      name: 'a check that only wants the header to be there',
      code: WEB_BRANCH_CHECK("if (!request.headers.get('Authorization')) return new Response(null, { status: 401 });"),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`WebStandardStreamableHTTPServerTransport`' },
          line: 9,
          column: 29,
          endLine: 9,
          endColumn: 69,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: a request with no Origin let through', rule, {
  valid: [
    {
      name: 'the Origin read through a type test (`typeof … === "string" ? … : undefined`), missing: no browser',
      code: `import express from 'express';
import { handleMcp } from './mcp.js';

const ALLOWED = (process.env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean);
const app = express();
app.use('/mcp', (req, res, next) => {
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
  if (!origin) return next();
  if (!ALLOWED.includes(origin)) return void res.status(403).end();
  next();
});
app.post('/mcp', handleMcp);
app.listen(3000, '127.0.0.1');`,
    },
    {
      name: 'the Origin with an empty fallback (`req.headers.origin ?? ""`)',
      code: `import express from 'express';
import { handleMcp } from './mcp.js';

const ALLOWED = ['http://localhost:6274'];
const app = express();
app.use('/mcp', (req, res, next) => {
  const origin = req.headers.origin ?? '';
  if (origin === '') return next();
  if (!ALLOWED.includes(origin)) return void res.status(403).end();
  next();
});
app.post('/mcp', handleMcp);
app.listen(3000, '127.0.0.1');`,
    },
  ],
  invalid: [],
});

/** A class whose app is the caller's if given, else its own: a route whose handler checks `check` first. */
const APP_OR_OWN = (check: string): string =>
  `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { server } from './server.js';

export class McpHttp {
  private readonly app: express.Express;

  constructor(options: { app?: express.Express } = {}) {
    this.app = options.app ?? express();
    this.app.post('/mcp', async (req, res) => {
      if (req.headers['x-api-key'] !== process.env.MCP_API_KEY) return void res.status(401).end();
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    });
  }
}`.replace(
    "      if (req.headers['x-api-key'] !== process.env.MCP_API_KEY) return void res.status(401).end();\n",
    check,
  );

ruleTester.run('require-dns-rebinding-protection: a route on an app the class may be handed', rule, {
  valid: [
    {
      name: 'the handler refuses a request without the key before it makes the transport',
      code: APP_OR_OWN(
        "      if (req.headers['x-api-key'] !== process.env.MCP_API_KEY) return void res.status(401).end();\n",
      ),
    },
  ],
  invalid: [
    {
      name: 'nothing checked before the transport',
      code: APP_OR_OWN(''),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 11,
          column: 29,
          endLine: 11,
          endColumn: 58,
          suggestions: [],
        },
      ],
    },
  ],
});

/**
 * An app whose `POST /mcp` feeds the body to `transport`, a transport of the project's own that
 * `mcp` is connected to.
 */
const OWN_TRANSPORT = (server: string, check = ''): string => `import express from 'express';
${server}
import { OneShotTransport } from './one-shot-transport.js';

const app = express();
app.use(express.json());
const transport = new OneShotTransport();
const mcp = new Server({ name: 'notes', version: '1.0.0' }, { capabilities: { tools: {} } });
await mcp.connect(transport);

app.post('/mcp', async (req, res) => {${check}
  res.json(await transport.processMessage(req.body));
});
app.listen(3000, '127.0.0.1');`;

const SDK_SERVER = "import { Server } from '@modelcontextprotocol/sdk/server/index.js';";

ruleTester.run("require-dns-rebinding-protection: a transport of the project's own fed the request", rule, {
  valid: [
    {
      name: 'a Host check before the message is fed',
      code: OWN_TRANSPORT(
        SDK_SERVER,
        "\n  if (req.headers.host !== 'localhost:3000') return void res.status(403).end();",
      ),
    },
    {
      name: 'a server of another package connected to it',
      code: OWN_TRANSPORT("import { Server } from './rpc-server.js';"),
    },
  ],
  invalid: [
    {
      name: 'an SDK server connected to it, and no Host or Origin check',
      code: OWN_TRANSPORT(SDK_SERVER),
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`express()` app' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'validateHost',
              output: OWN_TRANSPORT(SDK_SERVER)
                .replace(
                  "one-shot-transport.js';\n",
                  "one-shot-transport.js';\nimport { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';\n",
                )
                .replace('const app = express();', 'const app = createMcpExpressApp();'),
            },
          ],
        },
      ],
    },
  ],
});
// MCP's `tools/call` answered by hand in a `try` whose catch answers 400, with `handOn` handing
// the request's data to the tool.
const TRY_400 = (handOn: string): string => `import express from 'express';
import { callTool } from './tools';

const app = express();
app.use(express.json());
app.post('/rpc', async (req, res) => {
  try {
    const { id, method, params } = req.body;
    if (method !== 'tools/call') return res.json({ jsonrpc: '2.0', id, result: {} });
    ${handOn}
  } catch (error) {
    res.status(400).json({ jsonrpc: '2.0', id: null, error: { code: -32603, message: String(error) } });
  }
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run(
  'require-dns-rebinding-protection: a header handed on as data in a `try` whose catch answers 400',
  rule,
  {
    valid: [
      {
        name: 'a key packed with other data for a call named for verifying it',
        code: TRY_400(
          "const credentials = { key: req.headers['x-api-key'], id };\n    await verifyApiKey(credentials);\n    res.json({ jsonrpc: '2.0', id, result: await callTool(params.name, params.arguments) });",
        ),
      },
    ],
    invalid: [
      {
        name: 'an optional session header packed into the tool arguments',
        code: TRY_400(
          "const sid = req.headers['mcp-session-id'] || req.headers['x-session-id'];\n    const args = { ...params.arguments, _sessionId: sid };\n    res.json({ jsonrpc: '2.0', id, result: await callTool(params.name, args) });",
        ),
        output: null,
        errors: [
          {
            messageId: 'unprotectedApp',
            data: { app: '`express()` app' },
            line: 4,
            column: 13,
            endLine: 4,
            endColumn: 22,
            suggestions: [
              {
                messageId: 'validateHost',
                output: TRY_400(
                  "const sid = req.headers['mcp-session-id'] || req.headers['x-session-id'];\n    const args = { ...params.arguments, _sessionId: sid };\n    res.json({ jsonrpc: '2.0', id, result: await callTool(params.name, args) });",
                )
                  .replace(
                    "import { callTool } from './tools';\n",
                    "import { callTool } from './tools';\nimport { createMcpExpressApp } from '@modelcontextprotocol/express';\n",
                  )
                  .replace('const app = express();', 'const app = createMcpExpressApp();'),
              },
            ],
          },
        ],
      },
    ],
  },
);

/** The report on HEADER_GATE's transport, with its suggestion, on the app of the file `fixed` writes with its own options. */
const gateTransportReport = (fixed: (transport: string) => string) => ({
  messageId: 'unprotectedTransport' as const,
  data: { transport: '`StreamableHTTPServerTransport`' },
  line: 10,
  column: 25,
  endLine: 10,
  endColumn: 54,
  suggestions: [
    {
      messageId: 'validateHost' as const,
      output: hostValidated(fixed('sessionIdGenerator: undefined')),
    },
  ],
});

/** A placeholder Origin check of the project, before HEADER_GATE's imports. */
const YES_TO_EVERY_ORIGIN = `function isAllowedOrigin(origin: string): boolean {
  return true;
}
`;

ruleTester.run('require-dns-rebinding-protection: an Origin check that lets in look-alike origins', rule, {
  valid: [
    {
      name: 'the whole host, on any port',
      code: HEADER_GATE(
        'req.headers.origin',
        "value !== undefined && value !== 'http://localhost' && !value.startsWith('http://localhost:')",
      ),
    },
    {
      name: 'an allowlist lookup',
      code: HEADER_GATE('req.headers.origin', "value !== undefined && !['http://localhost:6274'].includes(value)"),
    },
    {
      name: 'a loose Origin test beside a Host check in the same middleware: the Host check counts',
      code: HEADER_GATE(
        'req.headers.origin',
        "!['localhost:3000', '127.0.0.1:3000'].includes(req.headers.host ?? '') || (value !== undefined && !value.startsWith('http://localhost'))",
      ),
    },
  ],
  invalid: [
    {
      name: "a prefix that stops inside the host: `http://localhost.attacker.example` passes, and a rebinding page's name can be that",
      code: HEADER_GATE('req.headers.origin', "value !== undefined && !value.startsWith('http://localhost')"),
      output: null,
      errors: [
        gateTransportReport((transport) =>
          HEADER_GATE('req.headers.origin', "value !== undefined && !value.startsWith('http://localhost')", transport),
        ),
      ],
    },
    {
      name: 'a pattern with no `$`, on the hostname parsed from the Origin',
      code: HEADER_GATE(
        "req.headers.origin ?? ''",
        "value !== '' && !/^(?:localhost|127\\.0\\.0\\.1)/.test(new URL(value).hostname)",
      ),
      output: null,
      errors: [
        gateTransportReport((transport) =>
          HEADER_GATE(
            "req.headers.origin ?? ''",
            "value !== '' && !/^(?:localhost|127\\.0\\.0\\.1)/.test(new URL(value).hostname)",
            transport,
          ),
        ),
      ],
    },
    {
      name: 'a check of the project that says yes to every origin',
      code: `${YES_TO_EVERY_ORIGIN}${HEADER_GATE('req.headers.origin', 'value !== undefined && !isAllowedOrigin(value)')}`,
      output: null,
      errors: [
        {
          ...gateTransportReport(
            (transport) =>
              `${YES_TO_EVERY_ORIGIN}${HEADER_GATE('req.headers.origin', 'value !== undefined && !isAllowedOrigin(value)', transport)}`,
          ),
          line: 13,
          endLine: 13,
        },
      ],
    },
  ],
});

/** A router of the SDK's OAuth endpoints, mounted by hand, with `more` after them. */
const OAUTH_ROUTES = (more = ''): string => `import { Router } from 'express';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';
import type { OAuthServerProvider } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { authorizationHandler } from '@modelcontextprotocol/sdk/server/auth/handlers/authorize.js';
import { tokenHandler } from '@modelcontextprotocol/sdk/server/auth/handlers/token.js';

export function routes(provider: OAuthServerProvider): Router {
  const router = Router();
  router.use('/authorize', authorizationHandler({ provider }));
  router.use('/token', tokenHandler({ provider }));${more}
  return router;
}`;

const MCP_ROUTE =
  "\n  router.use('/mcp', toNodeHandler(createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }))));";

ruleTester.run("require-dns-rebinding-protection: the SDK's OAuth endpoints serve no MCP", rule, {
  valid: [{ name: 'authorizationHandler() and tokenHandler() mounted by hand', code: OAUTH_ROUTES() }],
  invalid: [
    {
      name: 'an MCP handler mounted beside them',
      code: OAUTH_ROUTES(MCP_ROUTE),
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`Router()` app' },
          line: 9,
          column: 18,
          endLine: 9,
          endColumn: 26,
          suggestions: [],
        },
      ],
    },
  ],
});

/**
 * An app whose `POST /rpc` hands the body to `answer`, which hands it to the dispatcher `route`
 * (with `check` first).
 */
const TWO_DEEP = (check = ''): string => `import express from 'express';

async function route(message: { id: number; method: string }) {
  switch (message.method) {
    case 'tools/list':
      return { jsonrpc: '2.0', id: message.id, result: { tools: [] } };
    default:
      return { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } };
  }
}

async function answer(body: { id: number; method: string }) {
  return route(body);
}

const app = express();
app.use(express.json());
app.post('/rpc', async (req, res) => {${check}
  res.json(await answer(req.body));
});
app.listen(4101, '127.0.0.1');`;

ruleTester.run('require-dns-rebinding-protection: a dispatcher two functions below the route', rule, {
  valid: [
    {
      name: 'a Host check before the body is handed on',
      code: TWO_DEEP("\n  if (req.headers.host !== 'localhost:4101') return void res.status(403).end();"),
    },
  ],
  invalid: [
    {
      name: 'the body handed to a function that hands it to the dispatcher',
      code: TWO_DEEP(),
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`express()` app' },
          line: 16,
          column: 13,
          endLine: 16,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'validateHost',
              output: TWO_DEEP()
                .replace(
                  "from 'express';\n",
                  "from 'express';\nimport { createMcpExpressApp } from '@modelcontextprotocol/express';\n",
                )
                .replace('const app = express();', 'const app = createMcpExpressApp();'),
            },
          ],
        },
      ],
    },
  ],
});

/** CORS_REFUSAL's transport report, with the suggestion that turns its protection on. */
const corsRefusalReport = (use: string) => ({
  messageId: 'unprotectedTransport' as const,
  data: { transport: '`StreamableHTTPServerTransport`' },
  line: 9,
  column: 13,
  endLine: 9,
  endColumn: 42,
  suggestions: [
    {
      messageId: 'validateHost' as const,
      output: hostValidated(CORS_REFUSAL(use)),
    },
  ],
});

/**
 * A cors origin function that lets in the origins `test` (of `origin`) holds for, and refuses the
 * rest with an error.
 */
const REFUSING_ORIGIN_FUNCTION = (test: string): string =>
  `cors({ origin: (origin, done) => (!origin || ${test} ? done(null, true) : done(new Error('origin refused'))) })`;

/**
 * HEADER_GATE whose middleware refuses what `checkOrigin(req)` says no to, a function of the file
 * that answers `answer` from the request's Origin; `held` keeps its answer in the middleware's `value`.
 */
const CHECK_OF_THE_PROJECT = (answer: string, transport?: string, held = false): string =>
  `function checkOrigin(req: { headers: Record<string, string | undefined> }): boolean {
  const origin = req.headers.origin;
  return ${answer};
}
${held ? HEADER_GATE('checkOrigin(req)', '!value', transport) : HEADER_GATE('req.method', '!checkOrigin(req)', transport)}`;

ruleTester.run(
  'require-dns-rebinding-protection: a look-alike origin let in by a cors origin function or a check of the project',
  rule,
  {
    valid: [
      {
        name: 'a cors origin function that compares the whole origin',
        code: CORS_REFUSAL(REFUSING_ORIGIN_FUNCTION("origin === 'http://localhost:6274'")),
      },
      {
        name: 'a check of the project that looks the Origin up in an allowlist',
        code: CHECK_OF_THE_PROJECT("origin === undefined || ['http://localhost:6274'].includes(origin)"),
      },
      {
        name: 'the same, its answer held in a name the gate tests',
        code: CHECK_OF_THE_PROJECT(
          "origin === undefined || ['http://localhost:6274'].includes(origin)",
          undefined,
          true,
        ),
      },
      {
        name: 'a check of the project that also compares the whole Host: the Host check counts',
        code: CHECK_OF_THE_PROJECT(
          "req.headers.host === 'localhost:3000' && (origin === undefined || origin.startsWith('http://localhost'))",
        ),
      },
    ],
    invalid: [
      {
        name: 'a cors origin function whose prefix stops inside the host: its error never comes for `http://localhost.attacker.example`',
        code: CORS_REFUSAL(REFUSING_ORIGIN_FUNCTION("origin.startsWith('http://localhost')")),
        output: null,
        errors: [corsRefusalReport(REFUSING_ORIGIN_FUNCTION("origin.startsWith('http://localhost')"))],
      },
      {
        name: 'a cors origin function that tests a part of the origin',
        code: CORS_REFUSAL(REFUSING_ORIGIN_FUNCTION("origin.indexOf('127.0.0.1') !== -1")),
        output: null,
        errors: [corsRefusalReport(REFUSING_ORIGIN_FUNCTION("origin.indexOf('127.0.0.1') !== -1"))],
      },
      {
        name: 'a check of the project that reads the Origin itself and tests a part of it',
        code: CHECK_OF_THE_PROJECT("origin === undefined || origin.includes('localhost')"),
        output: null,
        errors: [
          {
            ...gateTransportReport((transport) =>
              CHECK_OF_THE_PROJECT("origin === undefined || origin.includes('localhost')", transport),
            ),
            line: 14,
            endLine: 14,
          },
        ],
      },
      {
        name: 'the same check, its answer held in a name the gate tests',
        code: CHECK_OF_THE_PROJECT("origin === undefined || origin.includes('localhost')", undefined, true),
        output: null,
        errors: [
          {
            ...gateTransportReport((transport) =>
              CHECK_OF_THE_PROJECT("origin === undefined || origin.includes('localhost')", transport, true),
            ),
            line: 14,
            endLine: 14,
          },
        ],
      },
    ],
  },
);

/** An express app whose POST /mcp handler makes a transport, registered in the branches of `if (${test})`. */
const FLAGGED_ROUTES = (declarations: string, test: string): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';

${declarations}
const app = express();
const auth = requireBearerAuth({ verifier });

async function handle(req: express.Request, res: express.Response) {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
}

if (${test}) {
  app.post('/mcp', auth, handle);
} else {
  app.post('/mcp', handle);
}
app.listen(3000, '127.0.0.1');`;

/** A handler that checks a key as `check` says before it makes a transport (`options` added to its options). */
const FLAGGED_CHECK = (declarations: string, check: string, options = ''): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

${declarations}
const app = express();
app.post('/mcp', async (req, res) => {
  ${check}
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined${options} });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

const KEY_REFUSED = "req.headers['x-api-key'] !== process.env.MCP_KEY) return res.status(401).end();";

ruleTester.run('require-dns-rebinding-protection: a branch that only constants bound to literals decide', rule, {
  valid: [
    {
      name: 'every route that registers carries the bearer check: the `else` of a constant that is true never runs',
      code: FLAGGED_ROUTES('const REQUIRE_AUTH = true;', 'REQUIRE_AUTH'),
    },
    {
      name: 'a check under a constant that is true runs out of the box',
      code: FLAGGED_CHECK('const CHECK_KEY = true;', `if (CHECK_KEY) {\n    if (${KEY_REFUSED}\n  }`),
    },
  ],
  invalid: [
    {
      name: 'a flag read from the environment is a setting: the route without the check still registers',
      code: FLAGGED_ROUTES("const REQUIRE_AUTH = process.env.REQUIRE_AUTH !== 'false';", 'REQUIRE_AUTH'),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 10,
          column: 25,
          endLine: 10,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'validateHost',
              output: hostValidated(
                FLAGGED_ROUTES("const REQUIRE_AUTH = process.env.REQUIRE_AUTH !== 'false';", 'REQUIRE_AUTH'),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a check joined with `&&` to a constant that is false never runs',
      code: FLAGGED_CHECK('const CHECK_KEY = false;', `if (CHECK_KEY && ${KEY_REFUSED}`),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'validateHost',
              output: hostValidated(FLAGGED_CHECK('const CHECK_KEY = false;', `if (CHECK_KEY && ${KEY_REFUSED}`)),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: a boolean helper whose token reader throws without the token', rule, {
  valid: [
    {
      name: 'the throw answered with `false`: a rebinding page without the token is refused',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

${signedInHelpers()}

const app = express();
app.post('/mcp', async (req, res) => {
  if (!(await isSignedIn(req))) return res.status(401).end();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
    },
  ],
  invalid: [],
});

/**
 * A `main()` that makes the transport and registers its routes, one of them an OAuth callback that
 * refuses a bad state cookie; `options` are the transport's.
 */
const SERVER_MAIN = (options: string): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

async function main() {
  const app = express();
  app.get('/auth/callback', (req, res) => {
    const state = req.headers.cookie?.split('state=')[1];
    if (state !== req.query.state) {
      res.status(400).send('Invalid state');
      return;
    }
    res.send('Signed in');
  });
  const transport = new StreamableHTTPServerTransport({ ${options} });
  app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));
  app.listen(3000, '127.0.0.1');
}

void main();`;

ruleTester.run('require-dns-rebinding-protection: a transport made by a function that registers routes', rule, {
  valid: [],
  invalid: [
    {
      // main() handles no request: what another route's handler checks is no check of the MCP route.
      name: "another route's check of its own request does not guard the transport",
      code: SERVER_MAIN('sessionIdGenerator: undefined'),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 14,
          column: 25,
          endLine: 14,
          endColumn: 54,
          suggestions: [
            { messageId: 'validateHost', output: hostValidated(SERVER_MAIN('sessionIdGenerator: undefined')) },
          ],
        },
      ],
    },
  ],
});

/** A handler that reads headers through a helper of the file, `header(req, name)`; `options` are the transport's. */
const HEADER_HELPER = (options: string): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

function header(req: express.Request, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

const transports = new Map<string, StreamableHTTPServerTransport>();
const app = express();
app.post('/mcp', async (req, res) => {
  const sessionId = header(req, 'mcp-session-id');
  if (sessionId) {
    const known = transports.get(sessionId);
    if (!known) return res.status(404).end();
    return known.handleRequest(req, res, req.body);
  }
  const transport = new StreamableHTTPServerTransport({ ${options} });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
`;

/** HEADER_HELPER whose helper reads the header it is named through a constant, or with `headers.get(name)`. */
const twoWayHelper = (options: string): string =>
  HEADER_HELPER(options).replace(
    '  const value = req.headers[name.toLowerCase()];',
    [
      "  if (typeof (req.headers as unknown as Headers).get === 'function') {",
      '    return (req.headers as unknown as Headers).get(name) ?? undefined;',
      '  }',
      '  const key = name.toLowerCase();',
      '  const value = req.headers[key];',
    ].join('\n'),
  );

ruleTester.run('require-dns-rebinding-protection: a header read through a helper that the caller names', rule, {
  valid: [
    {
      name: 'the helper reads the bearer token, which the handler compares before the transport',
      code: HEADER_HELPER('sessionIdGenerator: () => crypto.randomUUID()').replace(
        "  const sessionId = header(req, 'mcp-session-id');\n  if (sessionId) {",
        [
          "  const token = header(req, 'authorization');",
          '  if (token !== `Bearer ${process.env.MCP_TOKEN}`) return res.status(401).end();',
          "  const sessionId = req.headers['mcp-session-id'];",
          "  if (typeof sessionId === 'string') {",
        ].join('\n'),
      ),
    },
  ],
  invalid: [
    {
      // The name through a constant (`const key = name.toLowerCase()`), or read with `headers.get(name)`.
      name: 'a helper that reads the header it is named in two ways',
      code: twoWayHelper('sessionIdGenerator: () => crypto.randomUUID()'),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          line: 22,
          suggestions: [
            {
              messageId: 'validateHost',
              output: hostValidated(twoWayHelper('sessionIdGenerator: () => crypto.randomUUID()')),
            },
          ],
        },
      ],
    },
    {
      // The helper reads only the header its call names: a session id, which a rebinding page
      // leaves out to get a session of its own.
      name: 'the helper reads the session id: no credential',
      code: HEADER_HELPER('sessionIdGenerator: () => crypto.randomUUID()'),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 18,
          column: 25,
          endLine: 18,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'validateHost',
              output: hostValidated(HEADER_HELPER('sessionIdGenerator: () => crypto.randomUUID()')),
            },
          ],
        },
      ],
    },
  ],
});

/** A gateway's handler that answers MCP by hand at `POST /mcp`, with other branches before and after it. */
const GATEWAY = (check = ''): string => `import http from 'node:http';
import { readJson, resetStats, runTool } from './gateway.js';

http
  .createServer(async (req, res) => {
${check}    if (req.url === '/health') {
      res.end('ok');
      return;
    }
    if (req.url === '/mcp' && req.method === 'POST') {
      const message = await readJson(req);
      if (message.method === 'tools/call') {
        res.end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result: await runTool(message.params) }));
        return;
      }
      res.end(JSON.stringify({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } }));
      return;
    }
    if (req.url === '/mcp/admin/reset' && req.method === 'POST') {
      resetStats();
      res.end();
      return;
    }
    res.statusCode = 404;
    res.end();
  })
  .listen(3000, '127.0.0.1');
`;

ruleTester.run('require-dns-rebinding-protection: where a plain handler is reported', rule, {
  valid: [],
  invalid: [
    {
      name: 'at the branch that serves MCP itself (`POST /rpc`), not at an earlier admin branch',
      code: GATEWAY()
        .replace("req.url === '/mcp' &&", "req.url === '/rpc' &&")
        .replace(
          "    if (req.url === '/health') {",
          "    if (req.url === '/admin/reset' && req.method === 'POST') {\n      resetStats();\n      res.end();\n      return;\n    }\n    if (req.url === '/health') {",
        ),
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'request handler' },
          line: 15,
          column: 31,
          endLine: 15,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'validateHost',
              output: GATEWAY(`${nodeHostCheck('    ')}\n`)
                .replace("req.url === '/mcp' &&", "req.url === '/rpc' &&")
                .replace(
                  "    if (req.url === '/health') {",
                  "    if (req.url === '/admin/reset' && req.method === 'POST') {\n      resetStats();\n      res.end();\n      return;\n    }\n    if (req.url === '/health') {",
                ),
            },
          ],
        },
      ],
    },
    {
      name: 'at its MCP endpoint branch, not at a later branch of an admin path',
      code: GATEWAY(),
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'request handler' },
          line: 10,
          column: 31,
          endLine: 10,
          endColumn: 52,
          suggestions: [{ messageId: 'validateHost', output: GATEWAY(`${nodeHostCheck('    ')}\n`) }],
        },
      ],
    },
  ],
});

/** A unit test of a transport store: it makes transports and serves none. */
const TRANSPORT_UNIT_TEST = (extra = ''): string => `import { describe, expect, it } from 'vitest';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createTransportStore } from '../src/transport-store';

describe('transport store', () => {
  it('keeps a transport until it closes', async () => {
    const store = createTransportStore();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    store.set('s1', transport);
    expect(store.get('s1')).toBe(transport);
  });
});${extra}`;

ruleTester.run('require-dns-rebinding-protection: transports a test module makes and serves on no port', rule, {
  valid: [
    {
      name: 'a unit test of a store of transports',
      code: TRANSPORT_UNIT_TEST(),
      filename: 'tests/transport-store.test.ts',
    },
  ],
  invalid: [
    {
      name: 'the same test module, also starting a server',
      code: TRANSPORT_UNIT_TEST("\n\nimport http from 'node:http';\nhttp.createServer().listen(3000);"),
      filename: 'tests/transport-store.test.ts',
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 8,
          column: 27,
          endLine: 8,
          endColumn: 56,
          suggestions: [],
        },
      ],
    },
  ],
});

/** A route that serves the sessions it opened, and opens one only after `check`. */
const SESSION_OPENED_BEHIND = (check: string): string => `import express from 'express';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const sessions: Record<string, StreamableHTTPServerTransport> = {};
const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const sid = req.header('mcp-session-id');
  if (sid && sessions[sid]) return sessions[sid].handleRequest(req, res, req.body);
${check}  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (id) => {
      sessions[id] = transport;
    },
  });
  const server = new McpServer({ name: 'notes', version: '1.0.0' });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
`;

ruleTester.run(
  'require-dns-rebinding-protection: sessions opened behind a check, and options over several lines',
  rule,
  {
    valid: [
      {
        name: 'the API key checked before the transport is made: a rebinding page opens no session, nor learns an id',
        code: SESSION_OPENED_BEHIND(
          "  if (req.header('x-api-key') !== process.env.MCP_API_KEY) return res.status(401).end();\n",
        ),
      },
    ],
    invalid: [
      {
        name: 'no check before the transport is made: the suggestion writes one property per line, as the options are',
        code: SESSION_OPENED_BEHIND(''),
        errors: [
          {
            ...unprotectedTransport(SESSION_OPENED_BEHIND(''), 12, 25),
            // One property per line, as the options are written.
            suggestions: [{ messageId: 'validateHost', output: hostValidated(SESSION_OPENED_BEHIND('')) }],
          },
        ],
      },
    ],
  },
);

/** A Fastify MCP server behind a bearer-token hook whose body starts with `skip`. */
const FASTIFY_TOKEN_HOOK = (skip: string): string => `import Fastify from 'fastify';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { timingSafeEqual } from 'node:crypto';

const TOKEN = process.env.MCP_TOKEN;
if (!TOKEN) throw new Error('MCP_TOKEN is required');
const expected = Buffer.from(\`Bearer \${TOKEN}\`);

const app = Fastify();
app.addHook('onRequest', async (request, reply) => {${skip}
  const given = Buffer.from(request.headers.authorization ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply.code(401).send();
});
app.post('/mcp', async (request, reply) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(request.raw, reply.raw, request.body);
});
await app.listen({ port: 3000, host: '127.0.0.1' });`;

ruleTester.run('require-dns-rebinding-protection: a Fastify token hook that returns early', rule, {
  valid: [{ name: 'the hook checks every request', code: FASTIFY_TOKEN_HOOK('') }],
  invalid: [
    {
      name: 'a bare `return` lets the request on while the setting is unset, as the server runs out of the box',
      code: FASTIFY_TOKEN_HOOK('\n  if (!process.env.MCP_AUTH_ON) return;'),
      errors: [unprotectedTransportOptions(FASTIFY_TOKEN_HOOK('\n  if (!process.env.MCP_AUTH_ON) return;'), 16, 25)],
    },
  ],
});

ruleTester.run("require-dns-rebinding-protection: Host checks in the file's quotes and semicolons", rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'the onRequest hook of a Fastify app written with double quotes and no semicolons',
      code: `import Fastify from "fastify"
import { createMcpHandler } from "@modelcontextprotocol/server"
const mcp = createMcpHandler(() => buildServer())
const app = Fastify({ logger: true })
app.post("/mcp", async (request) => mcp.fetch(request.raw as never))`,
      output: `import Fastify from "fastify"
import { createMcpHandler } from "@modelcontextprotocol/server"
const mcp = createMcpHandler(() => buildServer())
const app = Fastify({ logger: true })
app.addHook("onRequest", async (request, reply) => {
  // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
  const hostname = (request.headers.host ?? "").replace(/:\\d+$/, "")
  if (!["localhost", "127.0.0.1", "[::1]"].includes(hostname)) return reply.code(403).send({ error: "Host not allowed" })
})
app.post("/mcp", async (request) => mcp.fetch(request.raw as never))`,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`Fastify({ logger: true })` app' },
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
  ]),
});

ruleTester.run('require-dns-rebinding-protection: where the Host check of a web handler goes', rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: "a Bun route's handler whose first statement has a comment above it: the check goes above the comment",
      code: `import { createMcpHandler } from '@modelcontextprotocol/server';
const mcp = createMcpHandler(() => buildServer());
Bun.serve({
  hostname: '127.0.0.1',
  routes: {
    '/mcp': {
      POST: async (request: Request) => {
        // Every tool call goes to the one handler.
        return mcp.fetch(request);
      },
    },
  },
});`,
      output: `import { createMcpHandler } from '@modelcontextprotocol/server';
const mcp = createMcpHandler(() => buildServer());
Bun.serve({
  hostname: '127.0.0.1',
  routes: {
    '/mcp': {
      POST: async (request: Request) => {
        // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
        if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(request.url).hostname)) {
          return Response.json({ error: 'Host not allowed' }, { status: 403 });
        }
        // Every tool call goes to the one handler.
        return mcp.fetch(request);
      },
    },
  },
});`,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'request handler' },
          line: 7,
          column: 13,
          endLine: 10,
          endColumn: 8,
        },
      ],
    },
    {
      name: 'a handler whose first statement is on the line of its brace: the check and the statement take lines of their own',
      code: `import { createMcpHandler } from '@modelcontextprotocol/server';
const mcp = createMcpHandler(() => buildServer());
export async function POST(request: Request): Promise<Response> { return mcp.fetch(request);
}`,
      filename: 'app/mcp/route.ts',
      output: `import { createMcpHandler } from '@modelcontextprotocol/server';
const mcp = createMcpHandler(() => buildServer());
export async function POST(request: Request): Promise<Response> {
  // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
  if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(request.url).hostname)) {
    return Response.json({ error: 'Host not allowed' }, { status: 403 });
  }
  return mcp.fetch(request);
}`,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'request handler' },
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 27,
        },
      ],
    },
  ]),
});

// The Host checks the fixes write are indented by the file's own unit (a tab, 4 spaces) from the
// line they go into, in its quotes, and a property they add to a multi-line object follows
// whether that object puts a comma after its last one. The outputs are written out in full.
ruleTester.run(
  "require-dns-rebinding-protection: the fixes in the file's indentation, quotes and trailing commas",
  rule,
  {
    valid: [],
    invalid: failClosedFix([
      {
        name: "Socket.IO's `allowRequest` in a file with double quotes and no semicolons",
        code: `import { createServer } from "node:http"
import { Server } from "socket.io"
import { runTool } from "./mcp/tools.js"

const http = createServer()
const io = new Server(http)
io.on("connection", (socket) => {
  socket.on("tool", async (name: string, reply: (result: unknown) => void) => reply(await runTool(name)))
})
http.listen(47000, "127.0.0.1")`,
        output: null,
        errors: [
          {
            messageId: 'unprotectedWebSocket',
            data: { server: '`Server`' },
            line: 6,
            column: 16,
            endLine: 6,
            endColumn: 22,
            suggestions: [
              {
                messageId: 'refuseWebPages',
                output: `import { createServer } from "node:http"
import { Server } from "socket.io"
import { runTool } from "./mcp/tools.js"

const http = createServer()
const io = new Server(http, { allowRequest: (req, callback) => callback(null, !req.headers.origin && /^(?:localhost|127\\.0\\.0\\.1|\\[::1\\])(?::\\d+)?$/.test(req.headers.host ?? "")) })
io.on("connection", (socket) => {
  socket.on("tool", async (name: string, reply: (result: unknown) => void) => reply(await runTool(name)))
})
http.listen(47000, "127.0.0.1")`,
              },
            ],
          },
        ],
      },
      {
        name: 'a node:http handler in a file indented by 4 spaces: the Host check one level in',
        code: `import http from 'node:http';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';

const serveMcp = toNodeHandler(createMcpHandler(() => new McpServer({ name: 'x', version: '1.0.0' })));
function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.url === '/mcp') return serveMcp(req, res);
    res.writeHead(404).end();
}
http.createServer(onRequest).listen(3000, '127.0.0.1');`,
        output: `import http from 'node:http';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';

const serveMcp = toNodeHandler(createMcpHandler(() => new McpServer({ name: 'x', version: '1.0.0' })));
function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
    // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
    if (!['localhost', '127.0.0.1', '[::1]'].includes((req.headers.host ?? '').replace(/:\\d+$/, ''))) {
        res.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'Host not allowed' }));
        return;
    }
    if (req.url === '/mcp') return serveMcp(req, res);
    res.writeHead(404).end();
}
http.createServer(onRequest).listen(3000, '127.0.0.1');`,
        errors: [
          {
            messageId: 'unprotectedApp',
            data: { app: 'request handler' },
            line: 7,
            column: 9,
            endLine: 7,
            endColumn: 27,
            suggestions: [],
          },
        ],
      },
      {
        name: 'a node:http handler in a tab-indented file',
        code: `import http from 'node:http';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';

const serveMcp = toNodeHandler(createMcpHandler(() => new McpServer({ name: 'x', version: '1.0.0' })));
function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
\tif (req.url === '/mcp') return serveMcp(req, res);
\tres.writeHead(404).end();
}
http.createServer(onRequest).listen(3000, '127.0.0.1');`,
        output: `import http from 'node:http';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';

const serveMcp = toNodeHandler(createMcpHandler(() => new McpServer({ name: 'x', version: '1.0.0' })));
function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
\t// DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
\tif (!['localhost', '127.0.0.1', '[::1]'].includes((req.headers.host ?? '').replace(/:\\d+$/, ''))) {
\t\tres.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'Host not allowed' }));
\t\treturn;
\t}
\tif (req.url === '/mcp') return serveMcp(req, res);
\tres.writeHead(404).end();
}
http.createServer(onRequest).listen(3000, '127.0.0.1');`,
        errors: [
          {
            messageId: 'unprotectedApp',
            data: { app: 'request handler' },
            line: 7,
            column: 6,
            endLine: 7,
            endColumn: 24,
            suggestions: [],
          },
        ],
      },
      {
        name: "a Fastify app made inside a function of a tab-indented file: the hook at the app's indentation",
        code: `import Fastify from 'fastify';
import { createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => buildServer());
export function start() {
\tconst app = Fastify({ logger: true });
\tapp.post('/mcp', async (request) => mcp.fetch(request.raw as never));
\treturn app;
}`,
        output: `import Fastify from 'fastify';
import { createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => buildServer());
export function start() {
\tconst app = Fastify({ logger: true });
\tapp.addHook('onRequest', async (request, reply) => {
\t\t// DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
\t\tconst hostname = (request.headers.host ?? '').replace(/:\\d+$/, '');
\t\tif (!['localhost', '127.0.0.1', '[::1]'].includes(hostname)) return reply.code(403).send({ error: 'Host not allowed' });
\t});
\tapp.post('/mcp', async (request) => mcp.fetch(request.raw as never));
\treturn app;
}`,
        errors: [
          {
            messageId: 'unprotectedApp',
            data: { app: '`Fastify({ logger: true })` app' },
            line: 6,
            column: 14,
            endLine: 6,
            endColumn: 39,
            suggestions: [],
          },
        ],
      },
      {
        name: 'an Elysia chain indented by 4 spaces: the hook is a line of the chain, its body one level deeper',
        code: `import { Elysia } from 'elysia';

async function handleMcp(request: Request): Promise<Response> {
    const message = await request.json();
    switch (message.method) {
        case 'tools/list':
            return Response.json({ jsonrpc: '2.0', id: message.id, result: { tools: [] } });
        default:
            return Response.json({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } });
    }
}

new Elysia()
    .all('/mcp', ({ request }) => handleMcp(request))
    .listen({ port: 3000, hostname: '127.0.0.1' });
`,
        output: `import { Elysia } from 'elysia';

async function handleMcp(request: Request): Promise<Response> {
    const message = await request.json();
    switch (message.method) {
        case 'tools/list':
            return Response.json({ jsonrpc: '2.0', id: message.id, result: { tools: [] } });
        default:
            return Response.json({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } });
    }
}

new Elysia()
    .onRequest(({ request, set }) => {
        // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
        if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(request.url).hostname)) {
            set.status = 403;
            return { error: 'Host not allowed' };
        }
    })
    .all('/mcp', ({ request }) => handleMcp(request))
    .listen({ port: 3000, hostname: '127.0.0.1' });
`,
        errors: [
          {
            messageId: 'unprotectedApp',
            data: { app: '`new Elysia()` app' },
            line: 13,
            column: 1,
            endLine: 13,
            endColumn: 13,
            suggestions: [],
          },
        ],
      },
      {
        name: 'an Elysia app in a tab-indented file, the hook chained on the line that makes it',
        code: `import { Elysia } from 'elysia';

async function handleMcp(request: Request): Promise<Response> {
\tconst message = await request.json();
\tswitch (message.method) {
\t\tcase 'tools/list':
\t\t\treturn Response.json({ jsonrpc: '2.0', id: message.id, result: { tools: [] } });
\t\tdefault:
\t\t\treturn Response.json({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } });
\t}
}

const app = new Elysia();
app
\t.all('/mcp', ({ request }) => handleMcp(request));
app
\t.listen({ port: 3000, hostname: '127.0.0.1' });
`,
        output: `import { Elysia } from 'elysia';

async function handleMcp(request: Request): Promise<Response> {
\tconst message = await request.json();
\tswitch (message.method) {
\t\tcase 'tools/list':
\t\t\treturn Response.json({ jsonrpc: '2.0', id: message.id, result: { tools: [] } });
\t\tdefault:
\t\t\treturn Response.json({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } });
\t}
}

const app = new Elysia().onRequest(({ request, set }) => {
\t// DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
\tif (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(request.url).hostname)) {
\t\tset.status = 403;
\t\treturn { error: 'Host not allowed' };
\t}
});
app
\t.all('/mcp', ({ request }) => handleMcp(request));
app
\t.listen({ port: 3000, hostname: '127.0.0.1' });
`,
        errors: [
          {
            messageId: 'unprotectedApp',
            data: { app: '`new Elysia()` app' },
            line: 13,
            column: 13,
            endLine: 13,
            endColumn: 25,
            suggestions: [],
          },
        ],
      },
      {
        name: 'transport options over several lines of a tab-indented file with double quotes and no trailing commas',
        code: `import http from "node:http"
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js"

const server = http.createServer(async (req, res) => {
\tconst transport = new StreamableHTTPServerTransport({
\t\tsessionIdGenerator: undefined
\t})
\tawait transport.handleRequest(req, res)
})
server.listen(3000, "127.0.0.1")`,
        output: `import http from "node:http"
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js"

const server = http.createServer(async (req, res) => {
\tconst transport = new StreamableHTTPServerTransport({
\t\tsessionIdGenerator: undefined,
\t\tenableDnsRebindingProtection: true,
\t\tallowedHosts: ["127.0.0.1:3000", "localhost:3000"]
\t})
\tawait transport.handleRequest(req, res)
})
server.listen(3000, "127.0.0.1")`,
        errors: [
          {
            messageId: 'unprotectedTransport',
            data: { transport: '`StreamableHTTPServerTransport`' },
            line: 5,
            column: 24,
            endLine: 5,
            endColumn: 53,
            suggestions: [],
          },
        ],
      },
      {
        name: "the SDK's Host validation middleware on an Express app of a file with double quotes and no semicolons",
        code: `import express from "express"
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js"

const app = express()
app.post("/mcp", async (req, res) => {
\tconst transport = new StreamableHTTPServerTransport({
\t\tsessionIdGenerator: undefined
\t})
\tawait transport.handleRequest(req, res, req.body)
})
app.listen(3000, "127.0.0.1")`,
        output: `import express from "express"
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js"
import { localhostHostValidation } from "@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js"

const app = express()
app.use(localhostHostValidation())
app.post("/mcp", async (req, res) => {
\tconst transport = new StreamableHTTPServerTransport({
\t\tsessionIdGenerator: undefined
\t})
\tawait transport.handleRequest(req, res, req.body)
})
app.listen(3000, "127.0.0.1")`,
        errors: [
          {
            messageId: 'unprotectedTransport',
            data: { transport: '`StreamableHTTPServerTransport`' },
            line: 6,
            column: 24,
            endLine: 6,
            endColumn: 53,
            suggestions: [],
          },
        ],
      },
    ]),
  },
);

/** FIELD_FALLBACK's transport, reported. */
const fallbackReported = (kept: FallbackField, given: string) => {
  const code = FIELD_FALLBACK(kept, given);
  return { name: `${kept}, given \`${given}\``, code, errors: [unprotectedTransport(code, ...transportAt(code))] };
};

ruleTester.run(
  'require-dns-rebinding-protection: a server-token fallback whose switch a class keeps in a field',
  rule,
  {
    valid: [
      // Off until the environment turns it on: out of the box a request without a token is refused.
      ...(['parameter property', 'assigned field', 'config field'] as const).map((kept) => ({
        name: `${kept}, given \`process.env.FALLBACK === 'true'\``,
        code: FIELD_FALLBACK(kept, "process.env.FALLBACK === 'true'"),
      })),
      { name: 'parameter property, given `false`', code: FIELD_FALLBACK('parameter property', 'false') },
      {
        // On out of the box, but the branch wants a key of its own, which a rebinding page lacks.
        name: 'parameter property, given `true`, whose branch checks a key in the query',
        code: FIELD_FALLBACK('parameter property', 'true').replace(
          'res.locals.token = process.env.SERVER_TOKEN;',
          'if (req.query.key !== process.env.MCP_KEY) {\n          res.status(401).end();\n          return;\n        }',
        ),
      },
      {
        // A test of the request, not a switch of the server's: a preflight carries no token.
        name: "a branch on `req.method === 'OPTIONS'` in place of the switch",
        code: FIELD_FALLBACK('parameter property', 'true').replace(
          'if (this.fallback)',
          "if (req.method === 'OPTIONS')",
        ),
      },
      {
        name: 'assigned field, given `!!process.env.FALLBACK`',
        code: FIELD_FALLBACK('assigned field', '!!process.env.FALLBACK'),
      },
    ],
    invalid: [
      // On unless the environment turns it off: a rebinding page, which sends no token, gets through.
      ...(['parameter property', 'assigned field', 'config field'] as const).map((kept) =>
        fallbackReported(kept, "process.env.FALLBACK !== 'false'"),
      ),
      fallbackReported('parameter property', 'true'),
      // A switch whose value the project does not show may be on: where it cannot tell, the rule reports.
      fallbackReported('parameter property', 'JSON.parse(process.argv[2] ?? "{}").fallback'),
    ],
  },
);
