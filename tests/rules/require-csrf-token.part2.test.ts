import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import rule from '../../src/rules/require-csrf-token';
import { commonjs, createRuleTester, esm, failClosedFix } from '../rule-tester';
import { openRoute, tokenFixed, tokenSuggestions } from '../support/csrf-cases';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';
import { packageMaker } from '../support/packages';
import { KOA_SUPERTEST, NODE_SUPERTEST, SERVED_BY_SUPERTEST, signedInHelpers } from '../support/sample-servers';

// The cases of require-csrf-token, second file (see require-csrf-token.test.ts).
const ruleTester = createRuleTester();

/** A route that looks its session up by a header of its own naming, and opens one without it. */
const SESSION_HEADER = (header: string): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const sessions = new Map<string, StreamableHTTPServerTransport>();

const app = express();
app.post('/mcp', async (req, res) => {
  const id = req.headers['${header}'];
  let transport: StreamableHTTPServerTransport | undefined;
  if (id) {
    transport = sessions.get(String(id));
    if (!transport) {
      res.status(404).end();
      return;
    }
  } else if (req.body?.method === 'initialize') {
    transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  } else {
    res.status(400).end();
    return;
  }
  await transport.handleRequest(req, res, req.body);
});`;

ruleTester.run('require-csrf-token: a session id under a header of its own is no credential', rule, {
  valid: [],
  invalid: ['x-mcp-session-id', 'mcp-sessionid'].map((header) => ({
    name: `\`${header}\`: anyone gets one by opening a session`,
    code: SESSION_HEADER(header),
    errors: [
      {
        messageId: 'missingCsrfCheck' as const,
        data: { route: '`POST /mcp`' },
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 9,
        suggestions: tokenSuggestions(SESSION_HEADER(header)),
      },
    ],
  })),
});

const ANSWERING_ROUTE = `import express from 'express';

const app = express();
app.post('/mcp', async (_req, res) => {
  res.json({ jsonrpc: '2.0', id: null, result: {} });
});
app.listen(3000, '127.0.0.1');`;

/** ANSWERING_ROUTE whose handler hands the request's body to a function the file does not show. */
const HANDLING_ROUTE = ANSWERING_ROUTE.replace(
  "  res.json({ jsonrpc: '2.0', id: null, result: {} });",
  '  res.json(await answer(_req.body));',
).replace("import express from 'express';", "import express from 'express';\nimport { answer } from './rpc.js';");

ruleTester.run('require-csrf-token: a placeholder route that answers nothing', rule, {
  valid: [
    {
      name: 'a lone handler with nothing in its body never answers: no MCP is served there',
      code: `import express from 'express';

const app = express();
app.all('/mcp', async (_req, _res) => {
  // Streamable HTTP goes here.
});
app.listen(3000, '127.0.0.1');`,
    },
    {
      name: 'a stub that answers a constant, reading and running nothing: a forged request achieves nothing',
      code: ANSWERING_ROUTE,
    },
    {
      name: 'a stub that logs the body and answers a constant it names first',
      code: `import express from 'express';

const app = express();
app.use(express.json());
app.post('/mcp', (req, res) => {
  console.log(req.body);
  const message = { jsonrpc: '2.0', id: 1, result: {} };
  res.status(200).send(message);
});
app.listen(3000, '127.0.0.1');`,
    },
    {
      name: 'a handler that only refuses with a constant error status answers nothing a forged request could use',
      code: `import express from 'express';
import { Hono } from 'hono';

const app = express();
app.post('/mcp', (_req, res) => res.status(405).json({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed.' }, id: null }));
app.listen(3000, '127.0.0.1');

export const pending = new Hono();
pending.post('/mcp', (c) => c.json({ error: 'Not implemented yet' }, 501));`,
    },
  ],
  invalid: [
    {
      name: 'the same path with a handler that answers from what the request sends',
      code: HANDLING_ROUTE,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 5,
          column: 1,
          suggestions: tokenSuggestions(HANDLING_ROUTE),
        },
      ],
    },
  ],
});

// A route whose handler hands the request to a method of an object the module makes: the method
// decides whether the route serves MCP, whatever its path.
const HUB = (body: string): string => `import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';

class Hub {
  private readonly streams = new Map<string, SSEServerTransport>();

  async post(req: express.Request, res: express.Response): Promise<void> {
${body}
  }
}

const app = express();
app.use(express.json());
let hub = new Hub();
app.post('/rpc', (req, res) => hub.post(req, res));
app.listen(3000, '127.0.0.1');`;

const HUB_SERVES = `    const transport = this.streams.get(String(req.query.sessionId));
    if (!transport) {
      res.status(404).end();
      return;
    }
    await transport.handlePostMessage(req, res, req.body);`;

const hubFixed = (bearer: boolean): string =>
  HUB(HUB_SERVES)
    .replace('let hub = new Hub();\n', `let hub = new Hub();\n\n${tokenHelpers({ bearer })}\n\n`)
    .replace("app.post('/rpc', ", `app.post('/rpc', ${guard('express', bearer)}`);

ruleTester.run('require-csrf-token: a route that hands the request to a method of an object the module makes', rule, {
  valid: [
    {
      name: 'the method answers from the body and serves no MCP',
      code: HUB('    res.json({ echoed: req.body, streams: this.streams.size });'),
    },
  ],
  invalid: [
    {
      name: 'the method hands the request to the SSE transport',
      code: HUB(HUB_SERVES),
      output: null,
      errors: [missingCheck('`POST /rpc`', [20, 1, 20, 9], hubFixed)],
    },
  ],
});

// A router's route reached through the path the router is mounted at.
const MOUNTED_ROUTER = (mountedAt: string): string => `import express, { Router } from 'express';

const router = Router();
router.post('/', (req, res) => {
  res.json({ jsonrpc: '2.0', id: req.body.id, result: {} });
});

const app = express();
app.use(express.json());
app.use('${mountedAt}', router);
app.listen(3000, '127.0.0.1');`;

const mountedRouterFixed = (bearer: boolean): string =>
  MOUNTED_ROUTER('/mcp')
    .replace('const router = Router();\n', `const router = Router();\n\n${tokenHelpers({ bearer })}\n\n`)
    .replace("router.post('/', ", `router.post('/', ${guard('express', bearer)}`);

ruleTester.run('require-csrf-token: a router route mounted at the MCP path', rule, {
  valid: [{ name: 'mounted at a path that is no MCP endpoint', code: MOUNTED_ROUTER('/chat') }],
  invalid: [
    {
      name: "router.post('/') under app.use('/mcp', router) is POST /mcp",
      code: MOUNTED_ROUTER('/mcp'),
      output: null,
      errors: [missingCheck('`POST /mcp`', [4, 1, 4, 12], mountedRouterFixed)],
    },
  ],
});

// A node:http server made with no handler, which it is given afterwards as a 'request' listener.
const ON_REQUEST = `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const server = http.createServer();
server.on('request', async (req, res) => {
  if (req.method === 'POST' && req.url === '/mcp') {
    await transport.handleRequest(req, res);
    return;
  }
  res.writeHead(404).end();
});
server.listen(3000, '127.0.0.1');`;

const onRequestFixed = (bearer: boolean): string =>
  ON_REQUEST.replace(
    'const server = http.createServer();\n',
    `const server = http.createServer();\n\n${tokenHelpers({ bearer })}\n\n`,
  ).replace(
    "server.on('request', async (req, res) => {\n  ",
    `server.on('request', async (req, res) => {\n  ${guard('node:http', bearer, { indent: '  ' })}`,
  );

ruleTester.run("require-csrf-token: a handler given as the server's 'request' listener", rule, {
  valid: [
    {
      name: 'the listener refuses a request without the bearer token first',
      code: ON_REQUEST.replace(
        "  if (req.method === 'POST' && req.url === '/mcp') {",
        `  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) {
    res.writeHead(401).end();
    return;
  }
  if (req.method === 'POST' && req.url === '/mcp') {`,
      ),
    },
  ],
  invalid: [
    {
      name: "server.once('request', handler) too",
      code: ON_REQUEST.replace("server.on('request'", "server.once('request'"),
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp` in this handler' },
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: onRequestFixed(false).replace("server.on('request'", "server.once('request'"),
            },
            {
              messageId: 'useBearerToken',
              output: onRequestFixed(true).replace("server.on('request'", "server.once('request'"),
            },
          ],
        },
      ],
    },
    {
      name: "server.on('request', handler) is read like createServer(handler)",
      code: ON_REQUEST,
      output: null,
      errors: [missingCheck('`POST /mcp` in this handler', [7, 7, 7, 28], onRequestFixed)],
    },
  ],
});

// MCP answered by hand: a JSON-RPC dispatch on MCP's method names, at a path that names no endpoint.
const HAND_WRITTEN = (tools: string, path = '/rpc'): string => `import express from 'express';
import { callTool, listTools } from './tools';

const app = express();
app.use(express.json());
app.post('${path}', async (req, res) => {
  const { id, method, params } = req.body;
  switch (method) {
    case '${tools}/list':
      return res.json({ jsonrpc: '2.0', id, result: { tools: listTools() } });
    case '${tools}/call':
      return res.json({ jsonrpc: '2.0', id, result: await callTool(params.name, params.arguments) });
    default:
      return res.json({ jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } });
  }
});
app.listen(3000, '127.0.0.1');`;

const handWrittenFixed = (bearer: boolean, path = '/rpc'): string =>
  HAND_WRITTEN('tools', path)
    .replace('app.use(express.json());\n', `app.use(express.json());\n\n${tokenHelpers({ bearer })}\n\n`)
    .replace(`app.post('${path}', `, `app.post('${path}', ${guard('express', bearer)}`);

// A dispatch table of MCP's methods in the module, looked up by a function the handler gives the body.
const DISPATCH_TABLE = `import express from 'express';
import { callTool, listTools } from './tools';

const METHODS: Record<string, (params: any) => unknown> = {
  'tools/list': () => ({ tools: listTools() }),
  'tools/call': (params) => callTool(params.name, params.arguments),
};

async function answer(message: { id: number; method: string; params: unknown }) {
  const method = METHODS[message.method];
  if (method == null) return { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } };
  return { jsonrpc: '2.0', id: message.id, result: await method(message.params) };
}

const app = express();
app.use(express.json());
app.post('/rpc', async (req, res) => {
  res.json(await answer(req.body));
});
app.listen(3000, '127.0.0.1');`;

const dispatchTableFixed = (bearer: boolean): string =>
  DISPATCH_TABLE.replace(
    'app.use(express.json());\n',
    `app.use(express.json());\n\n${tokenHelpers({ bearer })}\n\n`,
  ).replace("app.post('/rpc', ", `app.post('/rpc', ${guard('express', bearer)}`);

// A gateway's REST route that runs a tool of an upstream MCP server through the SDK client.
const TOOL_CALL_ROUTE = (args: string): string => `import express from 'express';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';

const upstream = new Client({ name: 'gateway', version: '1.0.0' });
const app = express();
app.use(express.json());
app.post('/api/tools/:name', async (req, res) => {
  res.json(await upstream.callTool(${args}));
});
app.listen(3000, '127.0.0.1');`;

/** TOOL_CALL_ROUTE with the tool and its arguments destructured from the body first. */
const DESTRUCTURED_TOOL_CALL = TOOL_CALL_ROUTE('{ name: tool, arguments: toolArgs }').replace(
  'async (req, res) => {\n',
  'async (req, res) => {\n  const { tool, arguments: toolArgs } = req.body;\n',
);

const toolCallRouteFixed = (bearer: boolean): string =>
  TOOL_CALL_ROUTE('{ name: req.params.name, arguments: req.body }')
    .replace('app.use(express.json());\n', `app.use(express.json());\n\n${tokenHelpers({ bearer })}\n\n`)
    .replace("app.post('/api/tools/:name', ", `app.post('/api/tools/:name', ${guard('express', bearer)}`);

ruleTester.run('require-csrf-token: MCP answered by hand', rule, {
  valid: [
    {
      name: 'middleware that looks at the method and hands the request on is not the endpoint',
      code: `import express from 'express';
const app = express();
app.use(express.json());
app.use((req, res, next) => {
  if (req.body?.method == 'tools/call') console.log('tool call', req.body.params?.name);
  next();
});
app.listen(3000, '127.0.0.1');`,
    },
    {
      name: "a language server over HTTP: 'initialize' is not MCP's alone",
      code: `import express from 'express';
const app = express();
app.use(express.json());
app.post('/rpc', (req, res) => {
  if (req.body.method === 'initialize') return res.json({ jsonrpc: '2.0', id: req.body.id, result: { capabilities: {} } });
  res.status(404).end();
});
app.listen(3000, '127.0.0.1');`,
    },
    { name: "a JSON-RPC endpoint whose methods are not MCP's", code: HAND_WRITTEN('jobs') },
    // An app's own API under an `/mcp/` prefix (what a UI calls to manage its MCP servers) is not MCP.
    { name: 'a route under an /mcp/ prefix that answers no MCP', code: HAND_WRITTEN('jobs', '/mcp/call-tool') },
    {
      name: 'a route that runs one fixed tool, which the request does not choose or feed',
      code: TOOL_CALL_ROUTE("{ name: 'refresh_index', arguments: {} }"),
    },
    {
      name: 'a fixed tool whose metadata names the caller: only its name and arguments steer it',
      code: TOOL_CALL_ROUTE("{ name: 'refresh_index', arguments: {}, _meta: { caller: req.ip } }"),
    },
    {
      name: "a fixed tool fed a binding of Hono's context (`c.env`), not the request",
      code: `import { Hono } from 'hono';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';

const upstream = new Client({ name: 'worker', version: '1.0.0' });
const app = new Hono<{ Bindings: { REGION: string } }>();
app.post('/api/sync', async (c) => c.json(await upstream.callTool({ name: 'sync', arguments: { region: c.env.REGION } })));
export default app;`,
    },
    {
      name: "a tool named by a binding destructured from Hono's context (`const { TOOL } = c.env`), not the request",
      code: `import { Hono } from 'hono';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';

const upstream = new Client({ name: 'worker', version: '1.0.0' });
const app = new Hono<{ Bindings: { TOOL: string } }>();
app.post('/api/summary', async (c) => {
  const { TOOL } = c.env;
  const region = c.env.REGION;
  return c.json(await upstream.callTool({ name: TOOL, arguments: { region } }));
});
export default app;`,
    },
  ],
  invalid: [
    {
      name: "a REST route that runs the tool the request names through an MCP client's callTool()",
      code: TOOL_CALL_ROUTE('{ name: req.params.name, arguments: req.body }'),
      output: null,
      errors: [missingCheck('`POST /api/tools/:name`', [7, 1, 7, 9], toolCallRouteFixed)],
    },
    {
      name: 'a gateway route that runs the tool the body names, destructured from it',
      code: DESTRUCTURED_TOOL_CALL,
      output: null,
      errors: [
        missingCheck('`POST /api/tools/:name`', [7, 1, 7, 9], (bearer) =>
          DESTRUCTURED_TOOL_CALL.replace(
            'app.use(express.json());\n',
            `app.use(express.json());\n\n${tokenHelpers({ bearer })}\n\n`,
          ).replace("app.post('/api/tools/:name', ", `app.post('/api/tools/:name', ${guard('express', bearer)}`),
        ),
      ],
    },
    {
      name: "a table keyed by MCP's methods, looked up by a function the handler gives the body",
      code: DISPATCH_TABLE,
      output: null,
      errors: [missingCheck('`POST /rpc`', [17, 1, 17, 9], dispatchTableFixed)],
    },
    {
      name: "a dispatch on 'tools/list' and 'tools/call' serves MCP, whatever the path",
      code: HAND_WRITTEN('tools'),
      output: null,
      errors: [missingCheck('`POST /rpc`', [6, 1, 6, 9], handWrittenFixed)],
    },
  ],
});

// A check made by an object the module may swap for another: what a type names is not what runs.
const SWAPPED_GUARD = `import express from 'express';

class StrictGuard {
  allow(req: express.Request): boolean {
    return req.headers.authorization === \`Bearer \${process.env.MCP_TOKEN}\`;
  }
}

class OpenGuard extends StrictGuard {
  allow(): boolean {
    return true;
  }
}

let guard: StrictGuard = new StrictGuard();
if (process.env.DEV) guard = new OpenGuard();

const app = express();
app.use(express.json());
app.post('/mcp', (req, res) => {
  if (!guard.allow(req)) {
    res.status(401).end();
    return;
  }
  res.json({ received: req.body });
});
app.listen(3000, '127.0.0.1');`;

const swappedGuardFixed = (bearer: boolean): string =>
  SWAPPED_GUARD.replace(
    'app.use(express.json());\n',
    `app.use(express.json());\n\n${tokenHelpers({ bearer })}\n\n`,
  ).replace("app.post('/mcp', ", `app.post('/mcp', ${guard('express', bearer)}`);

ruleTester.run('require-csrf-token: a check by an object the module may swap', rule, {
  valid: [],
  invalid: [
    {
      name: "a binding typed as the strict class that may hold a subclass that allows all: the check is not the type's",
      code: SWAPPED_GUARD,
      output: null,
      errors: [missingCheck('`POST /mcp`', [20, 1, 20, 9], swappedGuardFixed)],
    },
  ],
});

// A route that hands its request to a class's static method, which hands it to the SSE transport.
const STATIC_HANDLER = (handler: string): string => `import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';

const streams = new Map<string, SSEServerTransport>();

class McpRoutes {
  static async message(req: express.Request, res: express.Response): Promise<void> {
    const transport = streams.get(String(req.query.sessionId));
    if (!transport) {
      res.status(404).end();
      return;
    }
    await transport.handlePostMessage(req, res, req.body);
  }
}

const app = express();
app.use(express.json());
app.post('/rpc', ${handler});
app.listen(3000, '127.0.0.1');`;

const staticHandlerFixed = (handler: string, bearer: boolean): string =>
  STATIC_HANDLER(handler)
    .replace('app.use(express.json());\n', `app.use(express.json());\n\n${tokenHelpers({ bearer })}\n\n`)
    .replace("app.post('/rpc', ", `app.post('/rpc', ${guard('express', bearer)}`);

ruleTester.run("require-csrf-token: a route that hands the request to a class's static method", rule, {
  valid: [],
  invalid: ['(req, res) => McpRoutes.message(req, res)', 'McpRoutes.message'].map((handler) => ({
    name: `the static method hands it to the SSE transport: ${handler}`,
    code: STATIC_HANDLER(handler),
    output: null,
    errors: [missingCheck('`POST /rpc`', [19, 1, 19, 9], (bearer) => staticHandlerFixed(handler, bearer))],
  })),
});

// A bridge that answers MCP's `initialize` itself and passes every other method on.
const INITIALIZING_BRIDGE = `import express from 'express';
import { forward } from './upstream';

const app = express();
app.use(express.json());
app.post('/bridge', async (req, res) => {
  const { id, method, params } = req.body;
  if (method === 'initialize') {
    return res.json({ jsonrpc: '2.0', id, result: { protocolVersion: params.protocolVersion, capabilities: {} } });
  }
  res.json({ jsonrpc: '2.0', id, result: await forward(method, params) });
});
app.listen(3000, '127.0.0.1');`;

const initializingBridgeFixed = (bearer: boolean): string =>
  INITIALIZING_BRIDGE.replace(
    'app.use(express.json());\n',
    `app.use(express.json());\n\n${tokenHelpers({ bearer })}\n\n`,
  ).replace("app.post('/bridge', ", `app.post('/bridge', ${guard('express', bearer)}`);

ruleTester.run("require-csrf-token: a bridge that answers MCP's initialize", rule, {
  valid: [],
  invalid: [
    {
      name: "'initialize' answered with MCP's protocolVersion",
      code: INITIALIZING_BRIDGE,
      output: null,
      errors: [missingCheck('`POST /bridge`', [6, 1, 6, 9], initializingBridgeFixed)],
    },
  ],
});

// A Hono app reached through a conditional that gives the same app either way.
const CONDITIONAL_APP = `import { Hono } from 'hono';
import { StreamableHTTPTransport } from '@hono/mcp';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const server = new McpServer({ name: 'notes', version: '1.0.0' });

export function build(base?: string) {
  const app = new Hono();
  const router = base ? app.basePath(base) : app;
  router.all('/mcp', async (c) => {
    const transport = new StreamableHTTPTransport();
    await server.connect(transport);
    return transport.handleRequest(c);
  });
  return app;
}`;

const conditionalAppFixed = (bearer: boolean): string =>
  CONDITIONAL_APP.replace('\nexport function build', `\n${tokenHelpers({ bearer })}\n\nexport function build`).replace(
    "router.all('/mcp', ",
    `router.all('/mcp', ${guard('hono', bearer, { indent: '  ' })}`,
  );

ruleTester.run('require-csrf-token: an app through a conditional', rule, {
  valid: [],
  invalid: [
    {
      name: '`base ? app.basePath(base) : app` is the app either way',
      code: CONDITIONAL_APP,
      output: null,
      errors: [missingCheck('Every method of `/mcp`', [10, 3, 10, 13], conditionalAppFixed)],
    },
  ],
});

// An SSE server whose `GET /sse` refuses a request without the bearer token: the message route
// needs a session id that only that stream hands out, unless it posts to one transport for all.
const SSE_BEHIND_TOKEN = (lookup: boolean): string => `import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { server } from './server';

const app = express();
${lookup ? 'const sessions = new Map<string, SSEServerTransport>();' : 'let current: SSEServerTransport | undefined;'}

app.get('/sse', async (req, res) => {
  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) {
    res.status(401).end();
    return;
  }
  ${lookup ? 'const current' : 'current'} = new SSEServerTransport('/messages', res);${lookup ? '\n  sessions.set(current.sessionId, current);' : ''}
  await server.connect(current);
});

app.post('/messages', async (req, res) => {
  ${lookup ? 'const current = sessions.get(String(req.query.sessionId));\n  ' : ''}if (!current) {
    res.status(404).end();
    return;
  }
  await current.handlePostMessage(req, res);
});

app.listen(3000, '127.0.0.1');`;

const sseBehindTokenFixed = (bearer: boolean): string =>
  SSE_BEHIND_TOKEN(false).replace(
    "app.post('/messages', ",
    `${tokenHelpers({ bearer })}\n\napp.post('/messages', ${guard('express', bearer)}`,
  );

const SSE_LISTED_FIXED = (bearer: boolean): string =>
  SSE_BEHIND_TOKEN(true)
    .replace(
      "\napp.listen(3000, '127.0.0.1');",
      "\napp.get('/sessions', (_req, res) => res.json([...sessions.keys()]));\napp.listen(3000, '127.0.0.1');",
    )
    .replace(
      "app.post('/messages', ",
      `${tokenHelpers({ bearer })}\n\napp.post('/messages', ${guard('express', bearer)}`,
    );

ruleTester.run('require-csrf-token: SSE sessions made only behind a credential', rule, {
  valid: [{ name: 'the message route looks its session up by the id the request names', code: SSE_BEHIND_TOKEN(true) }],
  invalid: [
    {
      name: 'a route that lists the session ids hands any page the id it needs',
      code: SSE_BEHIND_TOKEN(true).replace(
        "\napp.listen(3000, '127.0.0.1');",
        "\napp.get('/sessions', (_req, res) => res.json([...sessions.keys()]));\napp.listen(3000, '127.0.0.1');",
      ),
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /messages`' },
          line: 18,
          column: 1,
          endLine: 18,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: SSE_LISTED_FIXED(false),
            },
            { messageId: 'useBearerToken', output: SSE_LISTED_FIXED(true) },
          ],
        },
      ],
    },
    {
      name: 'the message route posts to one transport for everyone: no id is needed',
      code: SSE_BEHIND_TOKEN(false),
      output: null,
      errors: [missingCheck('`POST /messages`', [17, 1, 17, 9], sseBehindTokenFixed)],
    },
  ],
});

// An SSE server with no credential anywhere, whose sessions are keyed by an id it draws at random:
// a page of another site cannot read the stream that names the id unless a CORS policy lets it.
const SSE_OPEN = (policy: string): string => `import { randomUUID } from 'node:crypto';
import express from 'express';
import cors from 'cors';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { server } from './server';

const app = express();
${policy}const sessions = new Map<string, SSEServerTransport>();

app.get('/sse', async (_req, res) => {
  const id = randomUUID();
  const transport = new SSEServerTransport(\`/messages/\${id}\`, res);
  sessions.set(id, transport);
  await server.connect(transport);
});

app.post('/messages/:id', async (req, res) => {
  const transport = sessions.get(req.params.id);
  if (!transport) {
    res.status(404).end();
    return;
  }
  await transport.handlePostMessage(req, res);
});

app.listen(3000, '127.0.0.1');`;

const WITH_CORS = 'app.use(cors());\n';
/** Middleware of another module mounted on the app, which may set the header there. */
const WITH_IMPORTED = (): string =>
  SSE_OPEN('app.use(allowBrowsers);\n').replace(
    "import { server } from './server';",
    "import { server } from './server';\nimport { allowBrowsers } from './cors-setup';",
  );

ruleTester.run('require-csrf-token: SSE sessions no page of another site can read', rule, {
  valid: [
    { name: 'no CORS policy at all: the stream that names the id is unreadable cross-origin', code: SSE_OPEN('') },
    {
      name: "no CORS policy, the app served by Node's `http.createServer(app)`",
      code: SSE_OPEN('')
        .replace("import express from 'express';", "import http from 'node:http';\nimport express from 'express';")
        .replace("app.listen(3000, '127.0.0.1');", "http.createServer(app).listen(3000, '127.0.0.1');"),
    },
    {
      name: 'the sessions kept in one record of a constant object, as the SDK example keeps one per transport kind',
      code: SSE_OPEN('')
        .replace(
          'const sessions = new Map<string, SSEServerTransport>();',
          'const transports = { sse: {} as Record<string, SSEServerTransport> };',
        )
        .replace('sessions.set(id, transport);', 'transports.sse[id] = transport;')
        .replace('const transport = sessions.get(req.params.id);', 'const transport = transports.sse[req.params.id];'),
    },
    {
      name: 'the sessions filled under the id destructured from the transport (`const { sessionId } = transport`)',
      code: SSE_OPEN('')
        .replace('  const id = randomUUID();\n', '')
        .replace(
          'new SSEServerTransport(`/messages/${id}`, res);',
          "new SSEServerTransport('/messages', res);\n  const { sessionId } = transport;",
        )
        .replace('sessions.set(id, transport);', 'sessions.set(sessionId, transport);'),
    },
    {
      name: 'the lookup made only when the request names an id (`id ? sessions.get(id) : undefined`)',
      code: SSE_OPEN('').replace(
        'const transport = sessions.get(req.params.id);',
        'const id = req.params.id;\n  const transport = id ? sessions.get(id) : undefined;',
      ),
    },
    {
      name: 'the same lookup into a `let` written once',
      code: SSE_OPEN('').replace(
        'const transport = sessions.get(req.params.id);',
        'let transport: SSEServerTransport | undefined;\n  transport = req.params.id ? sessions.get(req.params.id) : undefined;',
      ),
    },
  ],
  invalid: [
    {
      name: 'middleware of another module may set a CORS header: not known to be unreadable',
      code: WITH_IMPORTED(),
      output: null,
      errors: [
        missingCheck('`POST /messages/:id`', [19, 1, 19, 9], (bearer) =>
          WITH_IMPORTED().replace(
            "app.post('/messages/:id', ",
            `${tokenHelpers({ bearer })}\n\napp.post('/messages/:id', ${guard('express', bearer)}`,
          ),
        ),
      ],
    },
    {
      name: 'bound to every interface: another machine reads the stream and learns the id',
      code: SSE_OPEN('').replace("app.listen(3000, '127.0.0.1');", 'app.listen(3000);'),
      output: null,
      errors: [
        missingCheck('`POST /messages/:id`', [17, 1, 17, 9], (bearer) =>
          SSE_OPEN('')
            .replace("app.listen(3000, '127.0.0.1');", 'app.listen(3000);')
            .replace(
              "app.post('/messages/:id', ",
              `${tokenHelpers({ bearer })}\n\napp.post('/messages/:id', ${guard('express', bearer)}`,
            ),
        ),
      ],
    },
    {
      name: 'cors() lets any page read the stream, and so post to the session',
      code: SSE_OPEN(WITH_CORS),
      output: null,
      errors: [
        missingCheck('`POST /messages/:id`', [18, 1, 18, 9], (bearer) =>
          SSE_OPEN(WITH_CORS).replace(
            "app.post('/messages/:id', ",
            `${tokenHelpers({ bearer })}\n\napp.post('/messages/:id', ${guard('express', bearer)}`,
          ),
        ),
      ],
    },
  ],
});

// SSE sessions whose routes hand the request to helpers of the function that sets up the server,
// the path first (`(req, res) => postMessage('/messages', req, res)`); the sessions a plain object
// that a shutdown loop walks to close each one. `policy` goes after the app.
const SSE_HELPERS = (
  policy: string,
  lookup = 'streams[String(req.query.sessionId)]',
): string => `import express from 'express';
import cors from 'cors';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { makeServer } from './server';

export function startSse(port: number): void {
  const app = express();
  ${policy}const streams: Record<string, SSEServerTransport> = {};

  const openStream = async (path: string, _req: express.Request, res: express.Response) => {
    const transport = new SSEServerTransport(path, res);
    streams[transport.sessionId] = transport;
    await makeServer().connect(transport);
  };

  const postMessage = async (path: string, req: express.Request, res: express.Response) => {
    const transport = ${lookup};
    if (!transport) {
      console.warn('no stream', { path, known: req.query.sessionId in streams });
      return void res.status(404).end();
    }
    await transport.handlePostMessage(req, res, req.body);
  };

  app.get('/sse', (req, res) => openStream('/messages', req, res));
  app.post('/messages', (req, res) => postMessage('/messages', req, res));
  const server = app.listen(port, '127.0.0.1');

  process.on('SIGTERM', async () => {
    for (const id in streams) {
      console.info('closing', id);
      await streams[id].close();
      delete streams[id];
    }
    server.close();
  });
}`;

const helpersFixed = (code: string) => (bearer: boolean) =>
  code
    .replace(
      "import { makeServer } from './server';\n",
      `import { makeServer } from './server';\n\n${tokenHelpers({ bearer })}\n`,
    )
    .replace("app.post('/messages', ", `app.post('/messages', ${guard('express', bearer, { indent: '  ' })}`);

ruleTester.run('require-csrf-token: SSE sessions served through helpers of the setup function', rule, {
  valid: [{ name: 'the routes hand the request on, the path first; no CORS policy', code: SSE_HELPERS('') }],
  invalid: [
    {
      name: 'cors() lets any page read the stream the helper opens',
      code: SSE_HELPERS('app.use(cors());\n  '),
      output: null,
      errors: [missingCheck('`POST /messages`', [27, 3, 27, 11], helpersFixed(SSE_HELPERS('app.use(cors());\n  ')))],
    },
    {
      name: 'the helper posts to the last stream, whatever id the request names',
      code: SSE_HELPERS('', 'Object.values(streams).at(-1)'),
      output: null,
      errors: [
        missingCheck(
          '`POST /messages`',
          [26, 3, 26, 11],
          helpersFixed(SSE_HELPERS('', 'Object.values(streams).at(-1)')),
        ),
      ],
    },
  ],
});

// SSE sessions with no credential anywhere, each kept as a record of its transport and the server
// made for it; `lookup` finds the record by the id the request names and reads the transport out.
const SSE_RECORD = (lookup: string, policy = ''): string => `import express from 'express';
import cors from 'cors';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';

const app = express();
${policy}const sessions = new Map<string, { server: McpServer; transport: SSEServerTransport }>();

app.get('/sse', async (_req, res) => {
  const transport = new SSEServerTransport('/messages', res);
  const server = new McpServer({ name: 'notes', version: '1.0.0' });
  sessions.set(transport.sessionId, { server, transport });
  await server.connect(transport);
});

app.post('/messages', async (req, res) => {
  ${lookup}
  if (!transport) {
    res.status(404).end();
    return;
  }
  await transport.handlePostMessage(req, res);
});

app.listen(3000, '127.0.0.1');`;

const RECORD_PROPERTY = 'const transport = sessions.get(String(req.query.sessionId))?.transport;';
/** The sessions as a plain object, destructured: `const { transport } = sessions[id]`. */
const RECORD_OBJECT = SSE_RECORD(
  'const id = String(req.query.sessionId);\n  if (!sessions[id]) return void res.status(404).end();\n  const { transport } = sessions[id];',
)
  .replace(
    'const sessions = new Map<string, { server: McpServer; transport: SSEServerTransport }>();',
    'const sessions: Record<string, { server: McpServer; transport: SSEServerTransport }> = {};',
  )
  .replace(
    'sessions.set(transport.sessionId, { server, transport });',
    'sessions[transport.sessionId] = { server, transport };',
  );

/** RECORD_OBJECT with a health route that counts the sessions and a log line that lists them. */
const RECORD_COUNTED = RECORD_OBJECT.replace(
  "app.listen(3000, '127.0.0.1');",
  "app.get('/health', (_req, res) => res.json({ ok: true, sessions: Object.keys(sessions).length }));\n\napp.listen(3000, '127.0.0.1');",
).replace(
  '  await server.connect(transport);\n',
  "  console.info('session opened', { open: Object.keys(sessions) });\n  await server.connect(transport);\n",
);

/** SSE_RECORD whose route at `/sessions` answers with the ids of the sessions (`listing`). */
const RECORD_LISTED = (listing: string): string =>
  SSE_RECORD(RECORD_PROPERTY).replace(
    "app.listen(3000, '127.0.0.1');",
    `app.get('/sessions', (_req, res) => res.json({ open: ${listing} }));\n\napp.listen(3000, '127.0.0.1');`,
  );

const recordFixed = (code: string) => (bearer: boolean) =>
  code.replace(
    "app.post('/messages', ",
    `${tokenHelpers({ bearer })}\n\napp.post('/messages', ${guard('express', bearer)}`,
  );

/** An SSE server class that keeps its sessions in a field declared as `field`, used as `this.${name}`. */
const SSE_CLASS = (field: string, name = 'sessions', extra = ''): string => `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';

export class SseGateway {
  ${field}
${extra}
  start(port: number): void {
    const app = express();
    app.get('/sse', async (_req, res) => {
      const transport = new SSEServerTransport('/messages', res);
      this.${name}.set(transport.sessionId, transport);
      await new McpServer({ name: 'gateway', version: '1.0.0' }).connect(transport);
    });
    app.post('/messages', async (req, res) => {
      const transport = this.${name}.get(String(req.query.sessionId));
      if (!transport) return void res.status(404).end();
      await transport.handlePostMessage(req, res);
    });
    app.listen(port, '127.0.0.1');
  }
}`;

ruleTester.run('require-csrf-token: SSE sessions kept in a private field of a class', rule, {
  valid: [
    {
      name: 'a `private` field, looked up by the id the request names',
      code: SSE_CLASS('private readonly sessions = new Map<string, SSEServerTransport>();'),
    },
    {
      name: 'a `#private` field',
      code: SSE_CLASS('readonly #sessions = new Map<string, SSEServerTransport>();', '#sessions'),
    },
  ],
  invalid: [
    {
      name: 'a public field: other code may list its ids',
      code: SSE_CLASS('readonly sessions = new Map<string, SSEServerTransport>();'),
      output: null,
      errors: [
        missingCheck('`POST /messages`', [15, 5, 15, 13], (bearer) =>
          SSE_CLASS('readonly sessions = new Map<string, SSEServerTransport>();')
            .replace('\nexport class', `\n${tokenHelpers({ bearer })}\n\nexport class`)
            .replace(
              "    app.post('/messages', ",
              `    app.post('/messages', ${guard('express', bearer, { indent: '    ' })}`,
            ),
        ),
      ],
    },
  ],
});

ruleTester.run('require-csrf-token: SSE sessions kept as records beside their server', rule, {
  valid: [
    { name: 'the transport read from the record the id names (`?.transport`)', code: SSE_RECORD(RECORD_PROPERTY) },
    {
      name: 'the record held in a name first (`session?.transport`)',
      code: SSE_RECORD(
        'const session = sessions.get(String(req.query.sessionId));\n  const transport = session?.transport;',
      ),
    },
    { name: 'a plain object of records, destructured (`const { transport } = sessions[id]`)', code: RECORD_OBJECT },
    {
      name: 'the sessions only counted (`Object.keys(sessions).length`) and listed in a log line',
      code: RECORD_COUNTED,
    },
    {
      name: "a Map's ids spread into a log line, joined (`[...sessions.keys()].join(', ')`)",
      code: SSE_RECORD(RECORD_PROPERTY)
        .replace(
          '  await server.connect(transport);\n',
          "  logger.debug(`open: ${[...sessions.keys()].join(', ')}`);\n  await server.connect(transport);\n",
        )
        .replace("import cors from 'cors';\n", "import cors from 'cors';\nimport { logger } from './logger';\n"),
    },
    {
      name: 'the record destructured from the lookup or an empty object (`?? {}`)',
      code: SSE_RECORD('const { transport } = sessions.get(String(req.query.sessionId)) ?? {};'),
    },
    {
      name: 'the same with `|| {}`, read as a property, in plain JavaScript',
      code: SSE_RECORD('const transport = (sessions.get(String(req.query.sessionId)) || {}).transport;').replace(
        'const sessions = new Map<string, { server: McpServer; transport: SSEServerTransport }>();',
        'const sessions = new Map();',
      ),
      ...esm,
    },
  ],
  invalid: [
    {
      name: 'cors() lets any page read the stream that names the id, record or not',
      code: SSE_RECORD(RECORD_PROPERTY, 'app.use(cors());\n'),
      output: null,
      errors: [
        missingCheck(
          '`POST /messages`',
          [17, 1, 17, 9],
          recordFixed(SSE_RECORD(RECORD_PROPERTY, 'app.use(cors());\n')),
        ),
      ],
    },
    {
      name: "a route answers with the sessions' ids (`Object.keys(sessions)`): a page can read them",
      code: RECORD_LISTED('Object.keys(sessions)'),
      output: null,
      errors: [missingCheck('`POST /messages`', [16, 1, 16, 9], recordFixed(RECORD_LISTED('Object.keys(sessions)')))],
    },
    {
      name: "a route answers with a Map's ids spread into an array (`[...sessions.keys()]`)",
      code: RECORD_LISTED('[...sessions.keys()]'),
      output: null,
      errors: [missingCheck('`POST /messages`', [16, 1, 16, 9], recordFixed(RECORD_LISTED('[...sessions.keys()]')))],
    },
    {
      name: 'a record looked up by a key of the code, not the id the request names',
      code: SSE_RECORD("const { transport } = sessions.get('default') ?? {};"),
      output: null,
      errors: [
        missingCheck(
          '`POST /messages`',
          [16, 1, 16, 9],
          recordFixed(SSE_RECORD("const { transport } = sessions.get('default') ?? {};")),
        ),
      ],
    },
    {
      name: 'a fallback that holds a transport of its own: a request that names no session still posts',
      code: SSE_RECORD(
        'const { transport } = sessions.get(String(req.query.sessionId)) ?? { transport: lastTransport };',
      ),
      output: null,
      errors: [
        missingCheck(
          '`POST /messages`',
          [16, 1, 16, 9],
          recordFixed(
            SSE_RECORD(
              'const { transport } = sessions.get(String(req.query.sessionId)) ?? { transport: lastTransport };',
            ),
          ),
        ),
      ],
    },
    {
      name: 'a record the session keeps under a key of the code: the id a page names is not needed',
      code: SSE_RECORD(RECORD_PROPERTY).replace(
        'sessions.set(transport.sessionId, { server, transport });',
        "sessions.set('default', { server, transport });",
      ),
      output: null,
      errors: [
        missingCheck(
          '`POST /messages`',
          [16, 1, 16, 9],
          recordFixed(
            SSE_RECORD(RECORD_PROPERTY).replace(
              'sessions.set(transport.sessionId, { server, transport });',
              "sessions.set('default', { server, transport });",
            ),
          ),
        ),
      ],
    },
  ],
});

// A server bound to loopback whose `cors` origin function refuses other origins: with an error,
// which `cors` hands to `next(err)`, the request goes no further; with `false`, it goes on.
const ORIGIN_FUNCTION = (refusal: string): string => `import express from 'express';
import cors from 'cors';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const ALLOWED_ORIGINS = ['https://app.example.com'];
const app = express();
app.use(cors({ origin: (origin, callback) => (!origin || ALLOWED_ORIGINS.includes(origin) ? callback(null, true) : ${refusal}) }));
app.all('/mcp', async (req, res) => {
  await new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

/** ORIGIN_FUNCTION refusing with an error, but letting in every origin that starts like a local one. */
const PREFIX_LET_IN = ORIGIN_FUNCTION("callback(new Error('origin refused'))").replace(
  'ALLOWED_ORIGINS.includes(origin)',
  "origin.startsWith('http://localhost')",
);

const STAR_LISTED = ORIGIN_FUNCTION("callback(new Error('origin refused'))")
  .replace("['https://app.example.com']", "['*']")
  .replace('ALLOWED_ORIGINS.includes(origin)', "ALLOWED_ORIGINS.includes('*') || ALLOWED_ORIGINS.includes(origin)");

ruleTester.run('require-csrf-token: a cors origin function on a loopback server', rule, {
  valid: [
    { name: 'it refuses other origins with an error', code: ORIGIN_FUNCTION("callback(new Error('origin refused'))") },
    {
      name: 'an options delegate that calls back with an error for other origins',
      code: ORIGIN_FUNCTION('').replace(
        /app\.use\(cors\(.*\)\);/u,
        `app.use(
  cors((req, callback) => {
    const origin = req.header('Origin');
    if (origin === undefined || ALLOWED_ORIGINS.includes(origin)) return callback(null, { origin: true });
    callback(new Error('origin refused'));
  }),
);`,
      ),
    },
  ],
  invalid: [
    {
      name: 'it answers `false`, which only leaves the headers out',
      code: ORIGIN_FUNCTION('callback(null, false)'),
      output: null,
      errors: [
        missingCheck('Every method of `/mcp`', [8, 1, 8, 8], (bearer) =>
          ORIGIN_FUNCTION('callback(null, false)').replace(
            "app.all('/mcp', ",
            `\n${tokenHelpers({ bearer })}\n\napp.all('/mcp', ${guard('express', bearer)}`,
          ),
        ),
      ],
    },
    {
      name: 'it refuses with an error, but lets in a page on `http://localhost.evil.com` by a prefix',
      code: PREFIX_LET_IN,
      output: null,
      errors: [
        missingCheck('Every method of `/mcp`', [8, 1, 8, 8], (bearer) =>
          PREFIX_LET_IN.replace(
            "app.all('/mcp', ",
            `\n${tokenHelpers({ bearer })}\n\napp.all('/mcp', ${guard('express', bearer)}`,
          ),
        ),
      ],
    },
    {
      name: "it refuses with an error, but lets every origin in when its list holds '*'",
      code: STAR_LISTED,
      output: null,
      errors: [
        missingCheck('Every method of `/mcp`', [8, 1, 8, 8], (bearer) =>
          STAR_LISTED.replace(
            "app.all('/mcp', ",
            `\n${tokenHelpers({ bearer })}\n\napp.all('/mcp', ${guard('express', bearer)}`,
          ),
        ),
      ],
    },
  ],
});

/** A Fastify plugin whose route takes its `url` from the plugin's options; `extra` follows the handler. */
const URL_FROM_OPTIONS = (extra = ''): string => `import type { FastifyInstance } from 'fastify';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export async function mcpPlugin(app: FastifyInstance, options: { endpoint: string }) {
  app.route({
    method: 'POST',
    url: options.endpoint,
    handler: async (request, reply) => {
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      await transport.handleRequest(request.raw, reply.raw, request.body);
    },${extra}
  });
}`;

ruleTester.run('require-csrf-token: a Fastify route whose url the file does not spell out', rule, {
  valid: [],
  invalid: [
    {
      name: 'named by its `url`, and the hook goes on a line of its own in the multi-line options',
      code: URL_FROM_OPTIONS(),
      output: null,
      errors: [
        missingCheck('`POST options.endpoint`', [5, 3, 5, 12], (bearer) =>
          URL_FROM_OPTIONS(`
    ${guard('fastify', bearer, { indent: '    ' }).trimEnd()},`).replace(
            'export async function',
            `${tokenHelpers({ bearer })}\n\nexport async function`,
          ),
        ),
      ],
    },
  ],
});

/** An express MCP route whose handler goes through `wrap`, a pass-through for async errors; `check` opens it. */
const WRAPPED = (
  check = '',
  wrapper = 'Promise.resolve(fn(req, res, next)).catch(next);',
): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

function wrap(fn: (req: express.Request, res: express.Response, next: express.NextFunction) => Promise<void>) {
  return (req: express.Request, res: express.Response, next: express.NextFunction) => {
    ${wrapper}
  };
}

const app = express();
app.post('/mcp', wrap(async (req, res) => {${check}
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
}));
app.listen(3000, '127.0.0.1');`;

const WRAPPED_CHECK = `
  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN ?? crypto.randomUUID()}\`) {
    res.status(401).end();
    return;
  }`;

ruleTester.run('require-csrf-token: a handler given through a pass-through wrapper', rule, {
  valid: [
    { name: "the wrapped handler's own check counts", code: WRAPPED(WRAPPED_CHECK) },
    {
      name: "express-async-handler's asyncHandler(fn) is fn",
      code: WRAPPED(WRAPPED_CHECK)
        .replace(/function wrap[\s\S]*?\n\}\n/u, '')
        .replace(
          "import express from 'express';",
          "import express from 'express';\nimport wrap from 'express-async-handler';",
        ),
    },
    {
      name: 'a wrapper that hands the request to a check of its own first is read as written',
      code: WRAPPED('', 'verifyToken(req);\n    Promise.resolve(fn(req, res, next)).catch(next);').replace(
        'function wrap(',
        "function verifyToken(req: express.Request): void {\n  if (req.headers.authorization !== `Bearer ${process.env.MCP_TOKEN ?? crypto.randomUUID()}`) throw new Error('unauthorized');\n}\n\nfunction wrap(",
      ),
    },
    {
      name: 'a wrapper that checks the token itself is the check',
      code: WRAPPED(
        '',
        'if (req.headers.authorization !== `Bearer ${process.env.MCP_TOKEN ?? crypto.randomUUID()}`) return void res.status(401).end();\n    Promise.resolve(fn(req, res, next)).catch(next);',
      ),
    },
  ],
  invalid: [
    {
      name: 'with no check in it, the wrapped handler is the open route',
      code: WRAPPED(),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [11, 1, 11, 9], (bearer) =>
          WRAPPED().replace(
            "app.post('/mcp', ",
            `\n${tokenHelpers({ bearer })}\n\napp.post('/mcp', ${guard('express', bearer)}`,
          ),
        ),
      ],
    },
  ],
});

// A route whose path the file computes is named by the expression that holds it, not "this middleware".
const COMPUTED_PATH = `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export function mount(prefix: string, transport: StreamableHTTPServerTransport) {
  const app = express();
  const at = (path: string) => \`\${prefix}\${path}\`;
  app.use(express.json());
  app.post(at('/mcp'), (req, res) => transport.handleRequest(req, res, req.body));
  app.listen(3000, '127.0.0.1');
}`;

const computedPathFixed = (bearer: boolean): string =>
  COMPUTED_PATH.replace("streamableHttp.js';\n", `streamableHttp.js';\n\n${tokenHelpers({ bearer })}\n`).replace(
    "app.post(at('/mcp'), ",
    `app.post(at('/mcp'), ${guard('express', bearer, { indent: '  ' })}`,
  );

ruleTester.run('require-csrf-token: a route at a computed path', rule, {
  valid: [],
  invalid: [
    {
      name: "app.post(at('/mcp'), handler) is `POST at('/mcp')`",
      code: COMPUTED_PATH,
      output: null,
      errors: [missingCheck("`POST at('/mcp')`", [8, 3, 8, 11], computedPathFixed)],
    },
    {
      name: "app.use(at('/mcp'), handler) is every method of `at('/mcp')`, not \"this middleware\"",
      code: COMPUTED_PATH.replace("app.post(at('/mcp'), ", "app.use(at('/mcp'), "),
      output: null,
      errors: [
        missingCheck("Every method of `at('/mcp')`", [8, 3, 8, 10], (bearer) =>
          computedPathFixed(bearer).replace("app.post(at('/mcp'), ", "app.use(at('/mcp'), "),
        ),
      ],
    },
  ],
});

/** `imports` atop an express app whose `POST /mcp` (on the line after them and the app) checks nothing. */
const importing = (imports: string): string => `${imports}
const app = express();
app.post('/mcp', handler);`;

/** `importing(imports)` with the token fix, comparing with `compare` when the file has it. */
const importingFixed =
  (imports: string, { compare, js }: { compare?: string; js?: 'commonjs' } = {}) =>
  (bearer: boolean): string => `${imports}
const app = express();

${tokenHelpers({ bearer, js, imported: compare })}

app.post('/mcp', ${guard('express', bearer)}handler);`;

ruleTester.run("require-csrf-token: the token fix's compare, and the file's imports", rule, {
  valid: [],
  invalid: [
    {
      name: 'a file with no timingSafeEqual at hand gets a loop that compares, and no import',
      code: importing(`import express from 'express';
import { randomUUID } from 'node:crypto';`),
      output: null,
      errors: [
        missingCheck(
          '`POST /mcp`',
          [4, 1, 4, 9],
          importingFixed(`import express from 'express';
import { randomUUID } from 'node:crypto';`),
        ),
      ],
    },
    {
      name: 'a namespace import of crypto is called through',
      code: importing(`import express from 'express';
import * as crypto from 'crypto';`),
      output: null,
      errors: [
        missingCheck(
          '`POST /mcp`',
          [4, 1, 4, 9],
          importingFixed(
            `import express from 'express';
import * as crypto from 'crypto';`,
            { compare: 'crypto.timingSafeEqual' },
          ),
        ),
      ],
    },
    {
      name: 'a type-only import of timingSafeEqual is no value to call',
      code: importing(`import express from 'express';
import type { timingSafeEqual } from 'node:crypto';`),
      output: null,
      errors: [
        missingCheck(
          '`POST /mcp`',
          [4, 1, 4, 9],
          importingFixed(`import express from 'express';
import type { timingSafeEqual } from 'node:crypto';`),
        ),
      ],
    },
    {
      name: 'the module a require binds is called through',
      code: importing(`const express = require('express');
const crypto = require('node:crypto');`),
      ...commonjs,
      output: null,
      errors: [
        missingCheck(
          '`POST /mcp`',
          [4, 1, 4, 9],
          importingFixed(
            `const express = require('express');
const crypto = require('node:crypto');`,
            { compare: 'crypto.timingSafeEqual', js: 'commonjs' },
          ),
        ),
      ],
    },
    {
      name: 'the name a destructuring require gives it is called',
      code: importing(`const express = require('express');
const { timingSafeEqual: equal } = require('crypto');`),
      ...commonjs,
      output: null,
      errors: [
        missingCheck(
          '`POST /mcp`',
          [4, 1, 4, 9],
          importingFixed(
            `const express = require('express');
const { timingSafeEqual: equal } = require('crypto');`,
            { compare: 'equal', js: 'commonjs' },
          ),
        ),
      ],
    },
  ],
});

/** An express route that hands `req.headers` to `check`, declared by `declaration`, and answers 401 when it throws. */
const HEADERS_CHECKED = (
  declaration: string,
  check = 'assertKey(req.headers)',
): string => `import express from 'express';

const KEY = process.env.TOOLS_KEY;
${declaration}
const app = express();
app.post('/mcp', async (req, res) => {
  try {
    ${check};
  } catch {
    res.status(401).json({ error: 'unauthorized' });
    return;
  }
  await transport.handleRequest(req, res, req.body);
});`;

ruleTester.run("require-csrf-token: a check handed the request's headers", rule, {
  valid: [
    {
      name: 'a parameter the module hands `req.headers`',
      code: HEADERS_CHECKED(`function assertKey(values: Record<string, string | string[] | undefined>): void {
  if (!KEY || values['x-api-key'] !== KEY) throw new Error('unauthorized');
}`),
    },
    {
      name: 'a parameter typed as IncomingHttpHeaders',
      code: HEADERS_CHECKED(
        `function assertKey(values: IncomingHttpHeaders): void {
  if (!KEY || values.authorization !== \`Bearer \${KEY}\`) throw new Error('unauthorized');
}`,
        'assertKey(pick(req))',
      ),
    },
    {
      name: 'a parameter named for them',
      code: HEADERS_CHECKED(
        `function assertKey(headers: Record<string, unknown>): void {
  if (!KEY || headers['x-api-key'] !== KEY) throw new Error('unauthorized');
}`,
        'assertKey(pick(req))',
      ),
    },
  ],
  invalid: [
    {
      name: 'a parameter that is neither handed, named nor typed for them',
      code: HEADERS_CHECKED(
        `function assertKey(values: Record<string, unknown>): void {
  if (!KEY || values['x-api-key'] !== KEY) throw new Error('unauthorized');
}`,
        'assertKey(pick(req))',
      ),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [8, 1, 8, 9], (bearer) =>
          HEADERS_CHECKED(
            `function assertKey(values: Record<string, unknown>): void {
  if (!KEY || values['x-api-key'] !== KEY) throw new Error('unauthorized');
}`,
            'assertKey(pick(req))',
          )
            .replace('const app = express();\n', `const app = express();\n\n${tokenHelpers({ bearer })}\n\n`)
            .replace("app.post('/mcp', ", `app.post('/mcp', ${guard('express', bearer)}`),
        ),
      ],
    },
  ],
});

/** A test that builds an app of `framework`, routes POST /mcp to `handleMcp`, and `then` uses it. */
const IN_PROCESS = (make: string, then: string): string => `import { Hono } from 'hono';
import Fastify from 'fastify';
import { handleMcp } from './handler';

test('lists tools', async () => {
  const app = ${make};
  app.post('/mcp', handleMcp);
  ${then}
});`;

ruleTester.run('require-csrf-token: an app a test hands requests in the process', rule, {
  valid: [
    {
      name: "Hono's `app.request()`, which opens no socket",
      code: IN_PROCESS('new Hono()', "const res = await app.request('/mcp', { method: 'POST', body: '{}' });"),
    },
    {
      name: "Fastify's `app.inject()`",
      code: IN_PROCESS('Fastify()', "const res = await app.inject({ method: 'POST', url: '/mcp', payload: {} });"),
    },
    {
      name: 'an app a factory of the test returns, each of whose calls is only injected',
      filename: 'tests/tools.test.ts',
      code: `import Fastify from 'fastify';
import { handleMcp } from './handler';

function makeApp() {
  const app = Fastify();
  app.post('/mcp', handleMcp);
  return app;
}

test('lists tools', async () => {
  const app = makeApp();
  await app.inject({ method: 'POST', url: '/mcp', payload: {} });
});

test('closes', async () => {
  const app = await makeApp();
  await app.inject({ method: 'POST', url: '/mcp' });
  await app.close();
});`,
    },
  ],
  invalid: [
    {
      name: 'an app a factory of the test returns, one of whose calls listens',
      filename: 'tests/tools.test.ts',
      code: `import Fastify from 'fastify';
import { handleMcp } from './handler';

function makeApp() {
  const app = Fastify();
  app.post('/mcp', handleMcp);
  return app;
}

test('lists tools', async () => {
  const app = makeApp();
  await app.inject({ method: 'POST', url: '/mcp', payload: {} });
  await makeApp().listen({ port: 3000 });
});`,
      output: null,
      errors: [
        missingCheck(
          '`POST /mcp`',
          [6, 3, 6, 11],
          (bearer) =>
            `import Fastify from 'fastify';
import { handleMcp } from './handler';

${tokenHelpers({ bearer })}

function makeApp() {
  const app = Fastify();
  app.post('/mcp', { ${guard('fastify', bearer, { indent: '  ' })}}, handleMcp);
  return app;
}

test('lists tools', async () => {
  const app = makeApp();
  await app.inject({ method: 'POST', url: '/mcp', payload: {} });
  await makeApp().listen({ port: 3000 });
});`,
        ),
      ],
    },
    {
      name: 'an app a server of the module hands each request to, outside any test',
      code: `import http from 'node:http';
import { Hono } from 'hono';
import { handleMcp } from './handler';

const app = new Hono();
app.post('/mcp', handleMcp);
http.createServer(async (req, res) => {
  const answer = await app.request(req.url ?? '/', { method: req.method });
  res.end(await answer.text());
}).listen(3000, '127.0.0.1');`,
      output: null,
      errors: [
        missingCheck(
          '`POST /mcp`',
          [6, 1, 6, 9],
          (bearer) =>
            `import http from 'node:http';
import { Hono } from 'hono';
import { handleMcp } from './handler';

const app = new Hono();

${tokenHelpers({ bearer })}

app.post('/mcp', ${guard('hono', bearer)}handleMcp);
http.createServer(async (req, res) => {
  const answer = await app.request(req.url ?? '/', { method: req.method });
  res.end(await answer.text());
}).listen(3000, '127.0.0.1');`,
        ),
      ],
    },
    {
      name: 'an app that also listens',
      code: IN_PROCESS(
        'Fastify()',
        "await app.inject({ method: 'POST', url: '/mcp' });\n  await app.listen({ port: 3000 });",
      ),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [7, 3, 7, 11], (bearer) =>
          IN_PROCESS(
            'Fastify()',
            "await app.inject({ method: 'POST', url: '/mcp' });\n  await app.listen({ port: 3000 });",
          )
            .replace('test(', `${tokenHelpers({ bearer })}\n\ntest(`)
            .replace("app.post('/mcp', ", `app.post('/mcp', { ${guard('fastify', bearer, { indent: '  ' })}}, `),
        ),
      ],
    },
  ],
});

/** A test whose hook builds an Express app into a `let`, routes POST /mcp, and hands it to `client`. */
const SUPERTEST = (
  client: string,
  after = '',
  declare = 'let app: express.Express;',
): string => `import express from 'express';
import request from 'supertest';
import { handleMcp } from './handler';

${declare}
beforeAll(() => {
  app = express();
  app.post('/mcp', handleMcp);${after}
});

it('answers', async () => {
  await ${client}.post('/mcp').send({ jsonrpc: '2.0', id: 1, method: 'ping' });
});`;

ruleTester.run('require-csrf-token: an app a test hands to a test client', rule, {
  valid: [
    {
      name: "supertest's `request(app)`, which serves it on a port of the system's choosing for one request",
      filename: 'tests/mcp.test.ts',
      code: SUPERTEST('request(app)'),
    },
    {
      name: "supertest's `request.agent(app)`",
      filename: 'tests/mcp.test.ts',
      code: SUPERTEST('request.agent(app)'),
    },
    {
      name: 'CommonJS supertest, the app made in a `test()` callback of a module not named as a test',
      ...commonjs,
      code: `const express = require('express');
const supertest = require('supertest');
const { handleMcp } = require('./handler');

test('answers', async () => {
  const app = express();
  app.use(express.json());
  app.post('/mcp', handleMcp);
  await supertest(app).post('/mcp').send({});
});`,
    },
    {
      name: "light-my-request's `inject(app, …)`, which opens no socket",
      ...esm,
      code: `import express from 'express';
import inject from 'light-my-request';
import { handleMcp } from './handler.js';

test('answers', async () => {
  const app = express();
  app.post('/mcp', handleMcp);
  await inject(app, { method: 'POST', url: '/mcp', payload: {} });
});`,
    },
  ],
  invalid: [
    {
      name: 'an app the test hook also starts',
      filename: 'tests/mcp.test.ts',
      code: SUPERTEST('request(app)', '\n  app.listen(3000);'),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [8, 3, 8, 11], (bearer) =>
          SUPERTEST('request(app)', '\n  app.listen(3000);')
            .replace('let app: express.Express;\n', `let app: express.Express;\n\n${tokenHelpers({ bearer })}\n\n`)
            .replace("app.post('/mcp', ", `app.post('/mcp', ${guard('express', bearer, { indent: '  ' })}`),
        ),
      ],
    },
    {
      name: 'an app the test module exports, which other modules may serve',
      filename: 'tests/mcp.test.ts',
      code: SUPERTEST('request(app)', '', 'export let app: express.Express;'),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [8, 3, 8, 11], (bearer) =>
          SUPERTEST('request(app)', '', 'export let app: express.Express;')
            .replace(
              'export let app: express.Express;\n',
              `export let app: express.Express;\n\n${tokenHelpers({ bearer })}\n\n`,
            )
            .replace("app.post('/mcp', ", `app.post('/mcp', ${guard('express', bearer, { indent: '  ' })}`),
        ),
      ],
    },
    {
      name: "a helper of the test's own named `request`, which serves the app on a port of its own",
      filename: 'tests/mcp.test.ts',
      code: SUPERTEST('serve(app)').replace(
        "import request from 'supertest';\n",
        "import http from 'node:http';\n\nconst serve = (app: express.Express) => http.createServer(app).listen(3000);\n",
      ),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [10, 3, 10, 11], (bearer) =>
          SUPERTEST('serve(app)')
            .replace(
              "import request from 'supertest';\n",
              "import http from 'node:http';\n\nconst serve = (app: express.Express) => http.createServer(app).listen(3000);\n",
            )
            .replace('let app: express.Express;\n', `let app: express.Express;\n\n${tokenHelpers({ bearer })}\n\n`)
            .replace("app.post('/mcp', ", `app.post('/mcp', ${guard('express', bearer, { indent: '  ' })}`),
        ),
      ],
    },
  ],
});

ruleTester.run('require-csrf-token: a Koa, Fastify or plain handler a test hands to supertest', rule, {
  valid: [...SERVED_BY_SUPERTEST],
  invalid: [
    {
      name: "Koa's request listener also served by a server of the test's own",
      filename: 'tests/mcp.test.ts',
      code: KOA_SUPERTEST('app.callback()', '\nhttp.createServer(app.callback()).listen(3000);'),
      output: null,
      errors: [
        missingCheck('Every method of `/mcp` in this handler', [8, 7, 8, 26], (bearer) =>
          KOA_SUPERTEST('app.callback()', '\nhttp.createServer(app.callback()).listen(3000);')
            .replace('const app = new Koa();\n', `const app = new Koa();\n\n${tokenHelpers({ bearer })}\n\n`)
            .replace(
              "  if (ctx.path !== '/mcp')",
              `  ${guard('koa handler', bearer, { indent: '  ' })}if (ctx.path !== '/mcp')`,
            ),
        ),
      ],
    },
    {
      name: 'a plain handler the test module exports, which other modules may serve',
      filename: 'tests/mcp.test.ts',
      code: NODE_SUPERTEST('handler').replace('async function handler', 'export async function handler'),
      output: null,
      errors: [
        missingCheck('`POST /mcp` in this handler', [6, 7, 6, 28], (bearer) =>
          NODE_SUPERTEST('handler')
            .replace('async function handler', 'export async function handler')
            .replace(
              "import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';\n",
              `import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';\n\n${tokenHelpers({ bearer })}\n`,
            )
            .replace(
              "  if (req.method === 'POST' && req.url",
              `  ${guard('node:http', bearer, { indent: '  ' })}if (req.method === 'POST' && req.url`,
            ),
        ),
      ],
    },
  ],
});

/** An express route at a path a template literal builds from a setting. */
const TEMPLATE_PATH = `import express from 'express';

const app = express();
const base = process.env.MCP_BASE;
app.post(\`/\${base}/mcp\`, (req, res) => transport.handleRequest(req, res, req.body));
app.listen(3000, '127.0.0.1');`;

ruleTester.run('require-csrf-token: a route named by the template literal of its path', rule, {
  valid: [],
  invalid: [
    {
      name: "the template's text without its backticks, which would end the message's code span",
      code: TEMPLATE_PATH,
      output: null,
      errors: [
        missingCheck('`POST /${base}/mcp`', [5, 1, 5, 9], (bearer) =>
          TEMPLATE_PATH.replace(
            'const base = process.env.MCP_BASE;\n',
            `const base = process.env.MCP_BASE;\n\n${tokenHelpers({ bearer })}\n\n`,
          ).replace('/mcp`, ', `/mcp\`, ${guard('express', bearer)}`),
        ),
      ],
    },
  ],
});

/** An express route that makes the SDK v2 handler and calls it at once, per request. */
const HANDLER_MADE_IN_ROUTE = `import express from 'express';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';

const app = express();
app.post('/mcp', async (req, res) => {
  const handler = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));
  await toNodeHandler(handler)(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run('require-csrf-token: an MCP handler made and called in the route', rule, {
  valid: [],
  invalid: [
    {
      name: 'toNodeHandler(handler)(req, res, body) serves MCP as a handler held in a name does',
      code: HANDLER_MADE_IN_ROUTE,
      errors: [
        missingCheck('`POST /mcp`', [6, 1, 6, 9], (bearer) =>
          HANDLER_MADE_IN_ROUTE.replace(
            "app.post('/mcp', ",
            `\n${tokenHelpers({ bearer })}\n\napp.post('/mcp', ${guard('express', bearer)}`,
          ),
        ),
      ],
    },
  ],
});

/** A Hono app whose session check lets some paths through first; `route` is registered after it. */
const EXEMPTING = (route: string): string => `import { Hono } from 'hono';
import { StreamableHTTPTransport } from '@hono/mcp';

const PUBLIC_PREFIXES = ['/health', '/api/mcp/adapter/'];

const app = new Hono();
app.use('*', async (c, next) => {
  const path = c.req.path;
  if (!path.startsWith('/api/')) return next();
  if (PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix))) return next();
  if (c.req.header('x-session-auth') !== process.env.SESSION_TOKEN) return c.json({ error: 'unauthorized' }, 401);
  await next();
});
app.post('${route}', (c) => new StreamableHTTPTransport().handleRequest(c));
export default app;`;

ruleTester.run('require-csrf-token: middleware that lets some paths through before its check', rule, {
  valid: [
    { name: 'a route at a path it checks', code: EXEMPTING('/api/mcp/tools') },
    {
      name: 'on a sub-app, whose paths are not whole where it is written, no path is read as let through',
      code: `import { Hono } from 'hono';
import { StreamableHTTPTransport } from '@hono/mcp';

const api = new Hono();
api.use(async (c, next) => {
  if (!c.req.path.startsWith('/api/')) return next();
  if (c.req.header('authorization') !== \`Bearer \${process.env.MCP_TOKEN}\`) return c.text('Unauthorized', 401);
  return next();
});
api.all('/mcp', (c) => new StreamableHTTPTransport().handleRequest(c));

const app = new Hono();
app.route('/api', api);
export default app;`,
    },
  ],
  invalid: [
    ...(['/api/mcp/adapter/:id', '/mcp'] as const).map((path) => ({
      name: `a route at a path it lets through (${path})`,
      code: EXEMPTING(path),
      output: null,
      errors: [
        missingCheck(`\`POST ${path}\``, [14, 1, 14, 9], (bearer) =>
          EXEMPTING(path).replace(
            `app.post('${path}', `,
            `\n${tokenHelpers({ bearer })}\n\napp.post('${path}', ${guard('hono', bearer)}`,
          ),
        ),
      ],
    })),
  ],
});

/** An express app whose middleware checks a token only inside a branch on the path; `route` serves MCP after it. */
const CHECKED_ON_PATH = (route: string): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const app = express();
app.use(express.json());
app.use((req, res, next) => {
  if (req.path === '/mcp' && req.method === 'POST') {
    if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) return res.status(401).end();
  }
  next();
});
${route}
app.listen(3000, '127.0.0.1');`;

const SERVE =
  '(req, res) => new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res, req.body)';

/** CHECKED_ON_PATH with the app made and handed back by an exported function: it may be mounted anywhere. */
const RETURNED_APP = (route: string): string =>
  CHECKED_ON_PATH(route)
    .replace('const app = express();', 'export function createApp() {\nconst app = express();')
    .replace("app.listen(3000, '127.0.0.1');", 'return app;\n}');

ruleTester.run('require-csrf-token: a check in a branch on the path, for the routes at other paths', rule, {
  valid: [
    { name: 'the route at the path it checks', code: CHECKED_ON_PATH(`app.post('/mcp', ${SERVE});`) },
    {
      name: 'the same on an express app a function hands back (its `req.path` is the route path wherever it is mounted)',
      code: RETURNED_APP(`app.post('/mcp', ${SERVE});`),
    },
  ],
  invalid: [
    {
      name: 'the same MCP handler also at `/` of an app a function hands back',
      code: RETURNED_APP(`app.post('/mcp', ${SERVE});\napp.post('/', ${SERVE});`),
      output: null,
      errors: [
        missingCheck('`POST /`', [14, 1, 14, 9], (bearer) =>
          RETURNED_APP(`app.post('/mcp', ${SERVE});\napp.post('/', ${SERVE});`)
            .replace('export function createApp', `${tokenHelpers({ bearer })}\n\nexport function createApp`)
            .replace("app.post('/', ", `app.post('/', ${guard('express', bearer)}`),
        ),
      ],
    },
    {
      name: 'the same MCP handler also at `/`, which the branch leaves out',
      code: CHECKED_ON_PATH(`app.post('/mcp', ${SERVE});\napp.post('/', ${SERVE});`),
      output: null,
      errors: [
        missingCheck('`POST /`', [13, 1, 13, 9], (bearer) =>
          CHECKED_ON_PATH(`app.post('/mcp', ${SERVE});\napp.post('/', ${SERVE});`).replace(
            "app.post('/', ",
            `\n${tokenHelpers({ bearer })}\n\napp.post('/', ${guard('express', bearer)}`,
          ),
        ),
      ],
    },
  ],
});

/** An app whose `POST /mcp` calls `ensureAuth(req)` in a `try` whose `catch` answers `caught`. */
const ENSURED = (
  ensure: string,
  caught = "res.status(401).json({ error: 'unauthorized' });",
) => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { readBearer, verifyToken } from './auth.js';

const TOKENS = new Set((process.env.MCP_TOKENS ?? '').split(',').filter(Boolean));
const ensureAuth = ${ensure};

const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  try {
    ensureAuth(req);
  } catch {
    ${caught}
    return;
  }
  await new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

const VERIFIES = '(req: express.Request) => verifyToken(TOKENS, readBearer(req.headers.authorization))';
const ensuredFixed = (ensure: string, caught?: string) => (bearer: boolean) =>
  ENSURED(ensure, caught).replace(
    "app.post('/mcp', ",
    `\n${tokenHelpers({ bearer })}\n\napp.post('/mcp', ${guard('express', bearer)}`,
  );

ruleTester.run('require-csrf-token: a helper whose throw the handler turns into a refusal', rule, {
  valid: [
    {
      name: '`try { ensureAuth(req) } catch { 401 }`, the helper reading and verifying the token',
      code: ENSURED(VERIFIES),
    },
  ],
  invalid: [
    {
      name: 'a catch that answers 500: whatever failed, not a refusal',
      code: ENSURED(VERIFIES, "res.status(500).json({ error: 'internal' });"),
      output: null,
      errors: [
        missingCheck(
          '`POST /mcp`',
          [10, 1, 10, 9],
          ensuredFixed(VERIFIES, "res.status(500).json({ error: 'internal' });"),
        ),
      ],
    },
    {
      name: 'a helper that reads no credential',
      code: ENSURED("(req: express.Request) => verifyToken(TOKENS, String(req.body?.token ?? ''))"),
      output: null,
      errors: [
        missingCheck(
          '`POST /mcp`',
          [10, 1, 10, 9],
          ensuredFixed("(req: express.Request) => verifyToken(TOKENS, String(req.body?.token ?? ''))"),
        ),
      ],
    },
  ],
});

/** Routes at paths names hold: one that falls back to a literal, one that a helper normalises. */
const NAMED_PATHS = `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { normalizePath } from './paths';

export function start(settings: { path?: string; base?: string }) {
  const mcpPath = settings.path ?? '/mcp';
  const basePath = normalizePath(settings.base);
  const app = express();
  app.post(mcpPath, (req, res) => new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res, req.body));
  app.all(basePath, (req, res) => new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res, req.body));
  app.listen(3000, '127.0.0.1');
}`;

/** NAMED_PATHS with the check before the route that `registered` begins, and its helpers after the imports. */
const namedPathsFixed = (registered: string) => (bearer: boolean) =>
  NAMED_PATHS.replace("from './paths';\n", `from './paths';\n\n${tokenHelpers({ bearer })}\n`).replace(
    registered,
    `${registered}${guard('express', bearer, { indent: '  ' })}`,
  );

ruleTester.run('require-csrf-token: a route at a path a name holds', rule, {
  valid: [],
  invalid: [
    {
      name: 'a name whose value falls back to a path, and one a helper of the project makes: both are paths',
      code: NAMED_PATHS,
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [9, 3, 9, 11], namedPathsFixed('app.post(mcpPath, ')),
        missingCheck('Every method of `basePath`', [10, 3, 10, 10], namedPathsFixed('app.all(basePath, ')),
      ],
    },
  ],
});

/** An app whose middleware `gate` decides before `POST /mcp`. */
const GATED = (gate: string): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifyJwt } from './jwt';

const hits = new Map<string, number>();
const app = express();
${gate}
app.post('/mcp', (req, res) => new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res, req.body));
app.listen(3000, '127.0.0.1');`;

const EITHER_CREDENTIAL = `app.use((req, res, next) => {
  if (!req.headers.authorization && !req.headers['x-api-key']) return res.status(401).end();
  if (req.headers['x-api-key'] && req.headers['x-api-key'] !== process.env.API_KEY) return res.status(401).end();
  if (req.headers.authorization && !verifyJwt(req.headers.authorization)) return res.status(401).end();
  next();
});`;

const RATE_LIMIT = `function clientKey(req: express.Request): string {
  return req.headers.authorization ?? req.ip ?? 'anon';
}
function underLimit(req: express.Request): boolean {
  const key = clientKey(req);
  const count = (hits.get(key) ?? 0) + 1;
  hits.set(key, count);
  return count <= 100;
}
app.use((req, res, next) => {
  if (!underLimit(req)) return res.status(429).end();
  next();
});`;

ruleTester.run('require-csrf-token: gates that read a credential header', rule, {
  valid: [
    {
      name: 'either credential, each checked for its value: the other one is no way in without its value',
      code: GATED(EITHER_CREDENTIAL),
    },
  ],
  invalid: [
    {
      name: 'a rate limiter keyed by the Authorization header judges no credential',
      code: GATED(RATE_LIMIT),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [20, 1, 20, 9], (bearer) =>
          GATED(RATE_LIMIT).replace(
            "app.post('/mcp', ",
            `\n${tokenHelpers({ bearer })}\n\napp.post('/mcp', ${guard('express', bearer)}`,
          ),
        ),
      ],
    },
  ],
});

/** A Hono app behind hono/csrf's `csrf(options)`. */
const HONO_CSRF = (options: string): string => `import { Hono } from 'hono';
import { csrf } from 'hono/csrf';

const app = new Hono();
app.use('*', csrf(${options}));
app.post('/mcp', (c) => transport.handleRequest(c));`;

const honoCsrfFixed = (options: string) => (bearer: boolean) =>
  HONO_CSRF(options).replace(
    "app.post('/mcp', ",
    `\n${tokenHelpers({ bearer })}\n\napp.post('/mcp', ${guard('hono', bearer)}`,
  );

ruleTester.run("require-csrf-token: the options of Hono's csrf()", rule, {
  valid: [{ name: 'an allowed origin', code: HONO_CSRF("{ origin: 'https://app.example.com' }") }],
  invalid: [
    {
      name: 'an origin function that answers yes to every origin lets every page in',
      code: HONO_CSRF('{ origin: () => true }'),
      output: null,
      errors: [missingCheck('`POST /mcp`', [6, 1, 6, 9], honoCsrfFixed('{ origin: () => true }'))],
    },
  ],
});

/**
 * A plain handler with a check in a branch before its `/mcp` branch: `test` picks when the check
 * runs. `fixed` inserts the rule's fix (`bearer` or the token header) at the top of the handler.
 */
const CHECK_IN_BRANCH = (
  test: string,
  fixed?: { bearer: boolean },
): string => `import { createServer } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const authToken = process.env.MCP_TOKEN;
${fixed ? `\n${tokenHelpers({ bearer: fixed.bearer })}\n\n` : ''}createServer(async (req, res) => {
  ${fixed ? guard('node:http', fixed.bearer, { indent: '  ' }) : ''}const url = new URL(req.url ?? '/', 'http://localhost');
  if (${test}) {
    if (req.headers.authorization !== \`Bearer \${authToken}\`) {
      res.writeHead(401).end();
      return;
    }
  }
  if (url.pathname === '/mcp') {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res);
    return;
  }
  res.writeHead(404).end();
}).listen(3000, '127.0.0.1');`;

ruleTester.run('require-csrf-token: a check a plain handler runs while a setting holds', rule, {
  valid: [
    {
      name: 'the bearer check runs whenever the token is set: the owner chose to run without one otherwise',
      code: CHECK_IN_BRANCH('authToken'),
    },
    {
      name: 'the same, with the setting read from the environment in the test',
      code: CHECK_IN_BRANCH('process.env.MCP_TOKEN !== undefined'),
    },
    {
      name: 'the setting branch inside the `/mcp` branch',
      code: `import { createServer } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const authToken = process.env.MCP_TOKEN;
createServer(async (req, res) => {
  if (req.url === '/mcp') {
    if (authToken) {
      if (req.headers.authorization !== \`Bearer \${authToken}\`) {
        res.writeHead(401).end();
        return;
      }
    }
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res);
    return;
  }
  res.writeHead(404).end();
}).listen(3000, '127.0.0.1');`,
    },
  ],
  invalid: [
    {
      name: "a branch on the request's own path (another endpoint's check) is not on the way to `/mcp`",
      code: CHECK_IN_BRANCH("url.pathname === '/admin'"),
      output: null,
      errors: [
        missingCheck('Every method of `/mcp` in this handler', [12, 7, 12, 30], (bearer) =>
          CHECK_IN_BRANCH("url.pathname === '/admin'", { bearer }),
        ),
      ],
    },
  ],
});

/**
 * A plain handler whose `POST` branch looks a session up by the `Mcp-Session-Id` header and makes
 * one only for a request that `check` (inside that branch) lets through; `otherwise` is the branch
 * for the other methods, and `fixed` adds the token check the suggestions write (bearer or not).
 */
const SESSION_BRANCH = (check: string, otherwise = '    res.writeHead(405).end();', fixed?: boolean): string =>
  `import { createServer, type IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const sessions = new Map<string, StreamableHTTPServerTransport>();
${fixed === undefined ? '' : `\n${tokenHelpers({ bearer: fixed })}\n`}
createServer(async (req, res) => {
  ${fixed === undefined ? '' : guard('node:http', fixed, { indent: '  ' })}if (req.method === 'POST') {
    const id = req.headers['mcp-session-id'];
    let transport = typeof id === 'string' ? sessions.get(id) : undefined;
    if (!transport) {
${check}      const made = randomUUID();
      transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => made });
      sessions.set(made, transport);
    }
    await transport.handleRequest(req, res);
  } else {
${otherwise}
  }
}).listen(3000, '127.0.0.1');`;

const BEARER_IN_BRANCH = `      if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) {
        res.writeHead(401).end();
        return;
      }
`;

ruleTester.run("require-csrf-token: a check inside the route's own branch of a plain handler", rule, {
  valid: [
    {
      name: 'sessions are made only behind a bearer check, nested in the POST branch',
      code: SESSION_BRANCH(BEARER_IN_BRANCH),
    },
    {
      name: 'the same, through a helper that throws without a token (the rejection ends the request)',
      code: SESSION_BRANCH('      await signedInUser(req);\n').replace(
        '\ncreateServer(',
        `
async function signedInUser(req: IncomingMessage): Promise<string> {
  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) throw new Error('no token');
  return 'owner';
}

createServer(`,
      ),
    },
  ],
  invalid: [
    {
      name: "a check in the route's `else` guards only the other methods",
      code: SESSION_BRANCH('', `${BEARER_IN_BRANCH.replace(/^ {2}/gm, '')}    res.writeHead(405).end();`),
      output: null,
      errors: [
        missingCheck('The POST branch of this handler', [8, 7, 8, 28], (bearer) =>
          SESSION_BRANCH('', `${BEARER_IN_BRANCH.replace(/^ {2}/gm, '')}    res.writeHead(405).end();`, bearer),
        ),
      ],
    },
  ],
});

/**
 * An express app whose middleware lets a request on when `helper` says yes (`if (helper(req))
 * return next();`) and answers `status` after it; `test` is what the helper returns.
 */
const ALLOW_FIRST = (test: string, status = 401, fixed?: boolean): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

function allowed(req: express.Request): boolean {
  return ${test};
}

const app = express();
app.use(express.json());
app.use((req, res, next) => {
  if (allowed(req)) return next();
  res.status(${status}).end();
});
${fixed === undefined ? '' : `\n${tokenHelpers({ bearer: fixed })}\n\n`}app.post('/mcp', ${fixed === undefined ? '' : guard('express', fixed)}async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

const BEARER_TEST = 'req.headers.authorization === `Bearer ${process.env.MCP_TOKEN}`';
const JSON_TEST = "req.is('application/json') === 'application/json'";

ruleTester.run('require-csrf-token: middleware that lets a request on first, then refuses', rule, {
  valid: [
    {
      name: 'a helper that compares the bearer token says yes, and every other request gets 401',
      code: ALLOW_FIRST(BEARER_TEST),
    },
  ],
  invalid: [
    {
      name: 'a helper that reads no credential (the Content-Type) decides nothing a page cannot send',
      code: ALLOW_FIRST(JSON_TEST, 415),
      errors: [missingCheck('`POST /mcp`', [14, 1, 14, 9], (bearer) => ALLOW_FIRST(JSON_TEST, 415, bearer))],
    },
  ],
});

/**
 * An express app that registers a bearer check as a route of its own for `POST /mcp`, then the
 * MCP handler for the same route; `layout` places the two (`$check` and `$route`).
 */
const SPLIT_ROUTE = (
  layout: string,
  fixed?: { bearer: boolean; beforeRoute?: boolean },
): string => `import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './verifier.js';

const app = express();
const handle = async (req: express.Request, res: express.Response) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
};
${fixed && !fixed.beforeRoute ? `\n${tokenHelpers({ bearer: fixed.bearer })}\n\n` : ''}${layout
  .replace('$check', "app.post('/mcp', requireBearerAuth({ verifier }));")
  .replace(
    '$route',
    `${fixed?.beforeRoute ? `\n${tokenHelpers({ bearer: fixed.bearer })}\n\n` : ''}app.post('/mcp', ${fixed ? guard('express', fixed.bearer, { indent: layout.includes('  $route') ? '  ' : '' }) : ''}handle);`,
  )}`;

ruleTester.run('require-csrf-token: a check registered as a route of its own before the MCP route', rule, {
  valid: [
    {
      name: "express runs the routes that match in order: the check's `next()` is the only way on",
      code: SPLIT_ROUTE('$check\n$route'),
    },
    {
      name: 'both in the same branch',
      code: SPLIT_ROUTE('if (process.env.OAUTH) {\n  $check\n  $route\n}'),
    },
  ],
  invalid: [
    {
      name: 'the check in one branch, the route in the other: the route runs without it',
      code: SPLIT_ROUTE('if (process.env.OAUTH) {\n  $check\n} else {\n  $route\n}'),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [14, 3, 14, 11], (bearer) =>
          SPLIT_ROUTE('if (process.env.OAUTH) {\n  $check\n} else {\n  $route\n}', { bearer }),
        ),
      ],
    },
    {
      name: 'the check registered in a loop, which may run no time',
      code: SPLIT_ROUTE('for (const verifier of verifiers) {\n  $check\n}\n$route'),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [14, 1, 14, 9], (bearer) =>
          SPLIT_ROUTE('for (const verifier of verifiers) {\n  $check\n}\n$route', { bearer, beforeRoute: true }),
        ),
      ],
    },
    {
      name: 'the check registered in a `try` whose `catch` goes on without it',
      code: SPLIT_ROUTE("try {\n  $check\n} catch {\n  console.warn('no auth');\n}\n$route"),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [16, 1, 16, 9], (bearer) =>
          SPLIT_ROUTE("try {\n  $check\n} catch {\n  console.warn('no auth');\n}\n$route", {
            bearer,
            beforeRoute: true,
          }),
        ),
      ],
    },
    {
      name: 'a check registered after the route runs after it',
      code: SPLIT_ROUTE('$route\n$check'),
      output: null,
      errors: [missingCheck('`POST /mcp`', [11, 1, 11, 9], (bearer) => SPLIT_ROUTE('$route\n$check', { bearer }))],
    },
  ],
});

/**
 * A Fastify plugin held by a constant, registered on two apps: `app` behind a bearer hook, and
 * `admin` after `adminHook`.
 */
const PLUGIN_ON_TWO_APPS = (adminHook: string): string => `import Fastify, { type FastifyPluginAsync } from 'fastify';
import { McpServer } from '@modelcontextprotocol/server';

const routes: FastifyPluginAsync = async (instance) => {
  instance.post('/mcp', handle);
};

const app = Fastify();
app.addHook('onRequest', async (request, reply) => {
  if (request.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) return reply.code(401).send();
});
app.register(routes);

const admin = Fastify();
${adminHook}admin.register(routes);`;

ruleTester.run('require-csrf-token: a Fastify plugin registered on two apps', rule, {
  valid: [
    {
      name: 'both apps check a bearer token',
      code: PLUGIN_ON_TWO_APPS(`admin.addHook('onRequest', async (request, reply) => {
  if (request.headers.authorization !== \`Bearer \${process.env.ADMIN_TOKEN}\`) return reply.code(401).send();
});
`),
    },
  ],
  invalid: [
    {
      name: 'one app registers it with no check: its routes are open there',
      code: PLUGIN_ON_TWO_APPS(''),
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 16,
          suggestions: (['requireTokenHeader', 'useBearerToken'] as const).map((messageId) => ({
            messageId,
            ...(messageId === 'requireTokenHeader' ? { data: { header: '`x-mcp-csrf-token`' } } : {}),
            output: PLUGIN_ON_TWO_APPS('')
              .replace(
                "from '@modelcontextprotocol/server';\n",
                `from '@modelcontextprotocol/server';\n\n${tokenHelpers({ bearer: messageId === 'useBearerToken' })}\n`,
              )
              .replace(
                "instance.post('/mcp', handle);",
                `instance.post('/mcp', { ${guard('fastify', messageId === 'useBearerToken', { indent: '  ' })}}, handle);`,
              ),
          })),
        },
      ],
    },
  ],
});

ruleTester.run('require-csrf-token: one endpoint of a plain handler, one report', rule, {
  valid: [],
  invalid: [
    {
      name: 'an early return for other paths, then a POST branch that only reads the body: the report is on the path test',
      code: `import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

class HttpMcp {
  private transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });

  start(): void {
    createServer((req, res) => void this.route(req, res)).listen(3000, '127.0.0.1');
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/mcp') {
      res.writeHead(404).end();
      return;
    }
    let body: unknown;
    if (req.method === 'POST') body = await readJson(req);
    await this.transport.handleRequest(req, res, body);
  }
}

declare function readJson(req: IncomingMessage): Promise<unknown>;
new HttpMcp().start();`,
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/mcp` in this handler' },
          line: 13,
          column: 9,
          endLine: 13,
          endColumn: 32,
          suggestions: [],
        },
      ],
    },
  ],
});

/** A route whose middleware is a property of what a factory returns: `null`, or `made`. */
const FACTORY_MIDDLEWARE = (made: string, fixed?: { bearer: boolean }): string => `import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

function buildAuth(): { middleware: express.RequestHandler | null } {
  if (process.env.AUTH_MODE === 'none') return { middleware: null };
  return { middleware: ${made} };
}

const app = express();
const auth = buildAuth();
${fixed ? `\n${tokenHelpers({ bearer: fixed.bearer })}\n\n` : ''}if (auth.middleware) {
  app.post('/mcp', auth.middleware, ${fixed ? guard('express', fixed.bearer, { indent: '  ' }) : ''}async (req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res, req.body);
  });
}`;

ruleTester.run('require-csrf-token: middleware read from a property of what a factory returns', rule, {
  valid: [
    {
      name: '`auth.middleware` is `null` (no route can take it) or the SDK bearer check',
      code: FACTORY_MIDDLEWARE('requireBearerAuth({ verifier })'),
    },
  ],
  invalid: [
    {
      name: 'the other value it may hold is middleware that checks nothing',
      code: FACTORY_MIDDLEWARE('express.json()'),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [13, 3, 13, 11], (bearer) => FACTORY_MIDDLEWARE('express.json()', { bearer })),
      ],
    },
  ],
});

/**
 * A loopback server whose helper hands back a message when the Origin is not allowed; `use` is
 * what the handler does with it. `fixed` adds the rule's check at the top of the handler.
 */
const ORIGIN_PROBLEM = (
  use: string,
  fixed?: { bearer: boolean },
): string => `import { createServer, type IncomingMessage } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const ORIGINS = ['http://localhost:3000'];
function originProblem(req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  if (!origin) return undefined;
  if (!ORIGINS.includes(origin)) return \`origin \${origin} is not allowed\`;
  return undefined;
}

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['localhost:3000'] });
${fixed ? `\n${tokenHelpers({ bearer: fixed.bearer })}\n\n` : ''}createServer(async (req, res) => {
  ${fixed ? guard('node:http', fixed.bearer, { indent: '  ' }) : ''}if (req.url === '/mcp') {
    const problem = originProblem(req);
    ${use}
    await transport.handleRequest(req, res);
    return;
  }
  res.writeHead(404).end();
}).listen(3000, '127.0.0.1');`;

ruleTester.run('require-csrf-token: an Origin helper that hands back a message', rule, {
  valid: [
    {
      name: 'the handler turns the request away when the message is there: a foreign Origin is refused',
      code: ORIGIN_PROBLEM('if (problem) return void res.writeHead(403).end(problem);'),
    },
  ],
  invalid: [
    {
      name: 'the handler only logs the message',
      code: ORIGIN_PROBLEM('if (problem) console.warn(problem);'),
      output: null,
      errors: [
        missingCheck('Every method of `/mcp` in this handler', [14, 7, 14, 25], (bearer) =>
          ORIGIN_PROBLEM('if (problem) console.warn(problem);', { bearer }),
        ),
      ],
    },
  ],
});

/** MCP answered by hand in a helper whose upstream client comes from the app's settings (`req.app.get()`). */
const APP_SETTING_DISPATCH = `import express from 'express';

const app = express();
app.use(express.json());
app.post('/rpc', async (req, res) => {
  await onMessage(req, res);
});

async function onMessage(req: express.Request, res: express.Response) {
  const client = req.app.get('upstream');
  const { id, method, params } = req.body;
  try {
    switch (method) {
      case 'tools/call':
        return res.json({ jsonrpc: '2.0', id, result: await runTool(client, params) });
      default:
        return res.json({ jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } });
    }
  } catch (error) {
    res.json({ jsonrpc: '2.0', id, error: { code: -32000, message: String(error) } });
  }
}

async function runTool(client: { call(name: string, args: unknown): Promise<unknown> }, params: { name: string; arguments: unknown }) {
  return client.call(params.name, params.arguments);
}
app.listen(3000, '127.0.0.1');`;

ruleTester.run('require-csrf-token: a setting of the app is no header', rule, {
  valid: [],
  invalid: [
    {
      name: "express's `req.app.get('upstream')` reads a setting, not a header: the `try` around the dispatch checks nothing",
      code: APP_SETTING_DISPATCH,
      output: null,
      errors: [
        missingCheck('`POST /rpc`', [5, 1, 5, 9], (bearer) =>
          APP_SETTING_DISPATCH.replace(
            'app.use(express.json());\n',
            `app.use(express.json());\n\n${tokenHelpers({ bearer })}\n\n`,
          ).replace("app.post('/rpc', ", `app.post('/rpc', ${guard('express', bearer)}`),
        ),
      ],
    },
  ],
});

// An SSE server set up inside a function, whose sessions are keyed by the transport's id held in
// a constant: as unreadable cross-origin as the same code at module level, unless `tail` hands
// the app on.
const SSE_IN_MAIN = (tail: string): string => `import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { server } from './server';

async function main() {
  const app = express();
  const sessions = new Map<string, SSEServerTransport>();
  app.get('/sse', async (_req, res) => {
    const transport = new SSEServerTransport('/messages', res);
    const id = transport.sessionId;
    sessions.set(id, transport);
    await server.connect(transport);
  });
  app.post('/messages', async (req, res) => {
    const transport = sessions.get(String(req.query.sessionId));
    if (!transport) {
      res.status(404).end();
      return;
    }
    await transport.handlePostMessage(req, res);
  });
  app.listen(3000, '127.0.0.1');${tail}
}
main();`;
const HANDED_ON = '\n  return app;';

ruleTester.run('require-csrf-token: SSE sessions of a server set up in a function', rule, {
  valid: [{ name: 'the app and the sessions stay in the function', code: SSE_IN_MAIN('') }],
  invalid: [
    {
      name: 'the function hands the app on: other code may set a CORS policy on it',
      code: SSE_IN_MAIN(HANDED_ON),
      output: null,
      errors: [
        missingCheck('`POST /messages`', [14, 3, 14, 11], (bearer) =>
          SSE_IN_MAIN(HANDED_ON)
            .replace('async function main() {', `${tokenHelpers({ bearer })}\n\nasync function main() {`)
            .replace("app.post('/messages', ", `app.post('/messages', ${guard('express', bearer, { indent: '  ' })}`),
        ),
      ],
    },
  ],
});

/**
 * A handler that refuses a request with no key, where the key falls back to one of the
 * environment (`process.env.UPSTREAM_KEY || header`): as the server is set up, every request has one.
 */
const ENV_OR_HEADER = (key: string): string => `import express from 'express';

const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const key = ${key};
  if (!key) return void res.status(401).json({ error: 'no key' });
  await handleWith(String(key), req, res);
});`;

/** ENV_OR_HEADER with the key in a `let` that a bearer token replaces when one is sent. */
const LET_ENV_OR_HEADER = (key: string): string =>
  ENV_OR_HEADER(key).replace(
    `  const key = ${key};`,
    `  let key = ${key};\n  const auth = req.headers.authorization;\n  if (auth?.startsWith('Bearer ')) key = auth.slice(7);`,
  );

/** ENV_OR_HEADER with a second key of the same kind, both asked for in one test. */
const TWO_ENV_OR_HEADER = ENV_OR_HEADER("process.env.UPSTREAM_KEY || req.headers['x-upstream-key']")
  .replace(
    '  if (!key) return',
    "  const secret = process.env.UPSTREAM_SECRET || req.headers['x-upstream-secret'];\n  if (!key || !secret) return",
  )
  .replace('String(key)', 'String(key) + String(secret)');

ruleTester.run('require-csrf-token: a key that falls back to one of the environment', rule, {
  valid: [
    {
      name: 'a header that must be there, with nothing to fall back to',
      code: ENV_OR_HEADER("req.headers['x-upstream-key']"),
    },
  ],
  invalid: [
    "process.env.UPSTREAM_KEY || req.headers['x-upstream-key']",
    "req.headers['x-upstream-key'] ?? process.env.UPSTREAM_KEY",
  ]
    .flatMap((key) =>
      [ENV_OR_HEADER(key), LET_ENV_OR_HEADER(key)].map((code) => ({
        name: `\`${key}\`${code.includes('let key') ? ', in a `let` a bearer token may replace' : ''}: a request without the header gets the environment's key`,
        code,
        output: null,
        errors: [missingCheck('`POST /mcp`', [5, 1, 5, 9], (bearer) => tokenFixed(code, bearer))],
      })),
    )
    .concat([
      {
        name: 'two such keys asked for in one test (`!key || !secret`): neither is missing as the server is set up',
        code: TWO_ENV_OR_HEADER,
        output: null,
        errors: [missingCheck('`POST /mcp`', [5, 1, 5, 9], (bearer) => tokenFixed(TWO_ENV_OR_HEADER, bearer))],
      },
    ]),
});

/**
 * An express route that answers MCP's `tools/call` by hand inside a `try` whose catch answers 400,
 * with `body` at the top of the `try`; `fix` is what the token fix puts before the handler.
 */
const HANDED_ON_ROUTE = (body: string, fix = ''): string => `import express from 'express';

const app = express();
${fix ? `\n${fix}\n\n` : ''}app.post('/mcp', ${fix ? FIX_GUARD_MARK : ''}async (req, res) => {
  try {
    const msg = req.body;
    ${body}
    res.json({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'tools/call' ? result : {} });
  } catch (error) {
    res.status(400).json({ jsonrpc: '2.0', id: null, error: { code: -32603, message: String(error) } });
  }
});`;
const FIX_GUARD_MARK = '\u0000guard\u0000';

/** HANDED_ON_ROUTE with the token fix. */
const toolCallFixed =
  (body: string) =>
  (bearer: boolean): string =>
    HANDED_ON_ROUTE(body, tokenHelpers({ bearer })).replace(FIX_GUARD_MARK, guard('express', bearer));

ruleTester.run('require-csrf-token: a header handed on as data in a `try` whose catch answers 400', rule, {
  valid: [
    {
      name: 'a header packed into an object for a call named for verifying it',
      code: HANDED_ON_ROUTE(
        "const credentials = { key: req.headers['x-api-key'], client: msg.id };\n    await verifyApiKey(credentials);\n    const result = await runTool(msg.params.name, msg.params.arguments);",
      ),
    },
    {
      name: 'a header handed alone to a function of the file that throws on a wrong value',
      code: `function requireKey(key) {
  if (key !== process.env.MCP_KEY) throw new Error('bad key');
}
${HANDED_ON_ROUTE("requireKey(req.headers['x-api-key']);\n    const result = await runTool(msg.params.name, msg.params.arguments);")}`,
    },
  ],
  invalid: [
    {
      name: 'an optional session header, with a fallback, packed into the tool arguments',
      code: HANDED_ON_ROUTE(
        "const sid = req.headers['mcp-session-id'] || req.headers['x-session-id'];\n    const args = { ...msg.params.arguments, _sessionId: sid };\n    const result = await runTool(msg.params.name, args);",
      ),
      output: null,
      errors: [
        missingCheck(
          '`POST /mcp`',
          [4, 1, 4, 9],
          toolCallFixed(
            "const sid = req.headers['mcp-session-id'] || req.headers['x-session-id'];\n    const args = { ...msg.params.arguments, _sessionId: sid };\n    const result = await runTool(msg.params.name, args);",
          ),
        ),
      ],
    },
    {
      name: 'the header alone, handed to a function of the file that cannot throw',
      code: `function runTool(name, sessionId) {
  console.log('session', sessionId);
  return { content: [{ type: 'text', text: name }] };
}
${HANDED_ON_ROUTE("const result = runTool(msg.params.name, req.headers['x-session-id']);")}`,
      output: null,
      errors: [
        missingCheck(
          '`POST /mcp`',
          [8, 1, 8, 9],
          (bearer) => `function runTool(name, sessionId) {
  console.log('session', sessionId);
  return { content: [{ type: 'text', text: name }] };
}
${toolCallFixed("const result = runTool(msg.params.name, req.headers['x-session-id']);")(bearer)}`,
        ),
      ],
    },
    {
      name: 'a credential header that falls back to the session header: a page sends the session header',
      code: `import express from 'express';

const app = express();
app.post('/mcp', async (req, res) => {
  const key = req.headers['x-api-key'] || req.headers['mcp-session-id'];
  if (!key) return res.status(401).end();
  await transport.handleRequest(req, res, req.body);
});`,
      output: null,
      errors: [
        missingCheck(
          '`POST /mcp`',
          [4, 1, 4, 9],
          (bearer) => `import express from 'express';

const app = express();

${tokenHelpers({ bearer })}

app.post('/mcp', ${guard('express', bearer)}async (req, res) => {
  const key = req.headers['x-api-key'] || req.headers['mcp-session-id'];
  if (!key) return res.status(401).end();
  await transport.handleRequest(req, res, req.body);
});`,
        ),
      ],
    },
  ],
});

/** A loopback express app whose middleware refuses a present Origin that `test` (of `origin`) does not let in. */
const LOOPBACK_ORIGIN_GATE = (test: string): string => `import express from 'express';

const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && !(${test})) {
    res.status(403).end();
    return;
  }
  next();
});
app.post('/mcp', async (req, res) => {
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run('require-csrf-token: an Origin check on loopback that lets in look-alike origins', rule, {
  valid: [
    {
      name: 'the whole host, on any port',
      code: LOOPBACK_ORIGIN_GATE("origin === 'http://localhost' || origin.startsWith('http://localhost:')"),
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a prefix that stops inside the host: a page on `http://localhost.evil.com` posts',
      ...openRoute(
        LOOPBACK_ORIGIN_GATE("origin.startsWith('http://localhost')"),
        12,
        9,
        "app.post('/mcp', ",
        'express',
      ),
    },
    {
      name: 'a suffix under a hosting platform: every user of it passes',
      ...openRoute(LOOPBACK_ORIGIN_GATE("origin.endsWith('.vercel.app')"), 12, 9, "app.post('/mcp', ", 'express'),
    },
  ]),
});

ruleTester.run("require-csrf-token: the SDK's OAuth endpoints serve no MCP", rule, {
  valid: [
    {
      name: 'authorizationHandler(), tokenHandler() and clientRegistrationHandler() mounted by hand',
      code: `import { Router } from 'express';
import type { OAuthServerProvider } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { authorizationHandler } from '@modelcontextprotocol/sdk/server/auth/handlers/authorize.js';
import { tokenHandler } from '@modelcontextprotocol/sdk/server/auth/handlers/token.js';
import { clientRegistrationHandler } from '@modelcontextprotocol/sdk/server/auth/handlers/register.js';

export function routes(provider: OAuthServerProvider): Router {
  const router = Router();
  router.use('/authorize', authorizationHandler({ provider }));
  router.use('/token', tokenHandler({ provider }));
  router.use('/register', clientRegistrationHandler({ clientsStore: provider.clientsStore }));
  return router;
}`,
    },
  ],
  invalid: [],
});

/** An express app whose POST /mcp is registered in the branches of `if (${test})`, with `declarations` above. */
const FLAGGED_ROUTES = (declarations: string, test: string): string => `import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';

${declarations}
const app = express();
const auth = requireBearerAuth({ verifier });

if (${test}) {
  app.post('/mcp', auth, (req, res) => transport.handleRequest(req, res, req.body));
} else {
  app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));
}
app.listen(3000, '127.0.0.1');`;

/** FLAGGED_ROUTES with the token fix on the `else` route. */
const flaggedRoutesFixed =
  (declarations: string, test: string) =>
  (bearer: boolean): string =>
    FLAGGED_ROUTES(declarations, test)
      .replace('({ verifier });\n', `({ verifier });\n\n${tokenHelpers({ bearer })}\n`)
      .replace(
        "app.post('/mcp', (req, res)",
        `app.post('/mcp', ${guard('express', bearer, { indent: '  ' })}(req, res)`,
      );

/** A handler that checks a token only `if (${test})`, with `declarations` above. */
const FLAGGED_CHECK = (declarations: string, test: string, fix = ''): string => `import express from 'express';

${declarations}
const app = express();
${fix ? `\n${fix}\n\n` : ''}app.post('/mcp', ${fix ? FIX_GUARD_MARK : ''}(req, res) => {
  if (${test}) {
    if (req.headers['x-api-key'] !== process.env.MCP_KEY) return res.status(401).end();
  }
  return transport.handleRequest(req, res, req.body);
});`;

ruleTester.run('require-csrf-token: a branch that only constants bound to literals decide', rule, {
  valid: [
    {
      name: 'the unauthenticated route in the `else` of a constant that is true never registers',
      code: FLAGGED_ROUTES('const REQUIRE_AUTH = true;', 'REQUIRE_AUTH'),
    },
    {
      name: 'the same with a negated constant that is false, and with `&&` of two constants',
      code: FLAGGED_ROUTES('const AUTH_DISABLED = false;\nconst STRICT = 1;', '!AUTH_DISABLED && STRICT === 1'),
    },
    {
      name: 'a check under a constant that is true runs for every request',
      code: FLAGGED_CHECK('const CHECK_KEY = true;', 'CHECK_KEY'),
    },
  ],
  invalid: [
    {
      name: 'a flag read from the environment is a setting: off out of the box, the unauthenticated route registers',
      code: FLAGGED_ROUTES("const REQUIRE_AUTH = process.env.REQUIRE_AUTH === 'true';", 'REQUIRE_AUTH'),
      output: null,
      errors: [
        missingCheck(
          '`POST /mcp`',
          [11, 3, 11, 11],
          flaggedRoutesFixed("const REQUIRE_AUTH = process.env.REQUIRE_AUTH === 'true';", 'REQUIRE_AUTH'),
        ),
      ],
    },
    {
      name: 'a check under a constant that is false never runs',
      code: FLAGGED_CHECK('const CHECK_KEY = false;', 'CHECK_KEY'),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [5, 1, 5, 9], (bearer) =>
          FLAGGED_CHECK('const CHECK_KEY = false;', 'CHECK_KEY', tokenHelpers({ bearer })).replace(
            FIX_GUARD_MARK,
            guard('express', bearer),
          ),
        ),
      ],
    },
  ],
});

// SSE_OPEN with middleware from another module of a project on disk, judged by what it does.
const middlewareProject = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-csrf-middleware-'));
fs.writeFileSync(path.join(middlewareProject, 'package.json'), JSON.stringify({ name: 'notes', type: 'module' }));
fs.mkdirSync(path.join(middlewareProject, 'src', 'utils'), { recursive: true });
const MIDDLEWARE: Readonly<Record<string, string>> = {
  // Sets a header of its own and goes on.
  'request-id': `import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export function requestId(req: Request, res: Response, next: NextFunction) {
  const id = String(req.headers['x-request-id'] ?? randomUUID());
  res.setHeader('X-Request-Id', id);
  res.locals.requestId = id;
  next();
}`,
  // Lets every site read the answers.
  'allow-all': `import type { NextFunction, Request, Response } from 'express';

export function allowAll(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  next();
}`,
  // Hands the response to a function that may set anything.
  decorate: `import type { NextFunction, Request, Response } from 'express';
import { applyHeaders } from './headers';

export function decorate(_req: Request, res: Response, next: NextFunction) {
  applyHeaders(res);
  next();
}`,
  // Sets headers from an object it does not show.
  preset: `import type { NextFunction, Request, Response } from 'express';
import { PRESET } from './headers';

export function preset(_req: Request, res: Response, next: NextFunction) {
  res.set(PRESET);
  next();
}`,
};
for (const [file, text] of Object.entries(MIDDLEWARE))
  fs.writeFileSync(path.join(middlewareProject, 'src', 'utils', `${file}.ts`), text);
afterAll(() => fs.rmSync(middlewareProject, { recursive: true, force: true }));
const SERVER_FILE = path.join(middlewareProject, 'src', 'main.ts');

/** SSE_OPEN with `name`, imported from `./utils/<file>`, mounted before the routes. */
const WITH_PROJECT_MIDDLEWARE = (name: string, file: string): string =>
  SSE_OPEN(`app.use(${name});\n`).replace(
    "import { server } from './server';",
    `import { server } from './server';\nimport { ${name} } from './utils/${file}';`,
  );

/** The token fix on WITH_PROJECT_MIDDLEWARE's message route. */
const projectMiddlewareFixed =
  (name: string, file: string) =>
  (bearer: boolean): string =>
    WITH_PROJECT_MIDDLEWARE(name, file).replace(
      "app.post('/messages/:id', ",
      `${tokenHelpers({ bearer })}\n\napp.post('/messages/:id', ${guard('express', bearer)}`,
    );

ruleTester.run('require-csrf-token: SSE sessions behind middleware of another module of the project', rule, {
  valid: [
    {
      name: 'a request-id middleware sets a header of its own and calls next(): the stream stays unreadable cross-origin',
      filename: SERVER_FILE,
      code: WITH_PROJECT_MIDDLEWARE('requestId', 'request-id'),
    },
  ],
  invalid: [
    {
      name: 'middleware that sets Access-Control-Allow-Origin lets any page read the session id',
      filename: SERVER_FILE,
      code: WITH_PROJECT_MIDDLEWARE('allowAll', 'allow-all'),
      output: null,
      errors: [missingCheck('`POST /messages/:id`', [19, 1, 19, 9], projectMiddlewareFixed('allowAll', 'allow-all'))],
    },
    {
      name: 'middleware that hands the response to another function, which may set the header',
      filename: SERVER_FILE,
      code: WITH_PROJECT_MIDDLEWARE('decorate', 'decorate'),
      output: null,
      errors: [missingCheck('`POST /messages/:id`', [19, 1, 19, 9], projectMiddlewareFixed('decorate', 'decorate'))],
    },
    {
      name: 'middleware that sets headers from an object it does not show',
      filename: SERVER_FILE,
      code: WITH_PROJECT_MIDDLEWARE('preset', 'preset'),
      output: null,
      errors: [missingCheck('`POST /messages/:id`', [19, 1, 19, 9], projectMiddlewareFixed('preset', 'preset'))],
    },
  ],
});

/** A loopback express route that reads the `authorization` header as `read` and refuses when `test` holds. */
const WRAPPED_READ = (read: string, test: string): string => `import express from 'express';

const app = express();
app.post('/mcp', async (req, res) => {
  const key = ${read};
  if (${test}) return res.status(403).end();
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

/** Optional-chained reads of the header inside each wrapper TypeScript strips at run time. */
const WRAPPED_OPTIONAL_READS = [
  'req.headers?.authorization as string | undefined',
  "req?.headers?.['authorization'] as string",
  'req.headers?.authorization!',
  '(req.headers?.authorization satisfies string | undefined)',
  '<string>req.headers?.authorization',
  '(req as { headers?: { authorization?: string } })?.headers?.authorization as string',
];

ruleTester.run('require-csrf-token: a cast around an optional-chained header read', rule, {
  valid: WRAPPED_OPTIONAL_READS.map((read) => ({
    name: `\`${read}\` compared with the configured token: a request without it is refused`,
    code: WRAPPED_READ(read, 'key !== `Bearer ${process.env.MCP_TOKEN}`'),
  })),
  invalid: failClosedFix(
    WRAPPED_OPTIONAL_READS.map((read) => ({
      name: `\`${read}\` refused only when it names a revoked token: a request without it goes on`,
      ...openRoute(WRAPPED_READ(read, "key === 'Bearer revoked'"), 4, 9, "app.post('/mcp', ", 'express'),
    })),
  ),
});

/** A loopback express route refused unless `isSignedIn(req)` (`signedInHelpers`). */
const SIGNED_IN = (caught?: string, missing?: string): string => `import express from 'express';

${signedInHelpers(caught, missing)}

const app = express();
app.post('/mcp', async (req, res) => {
  if (!(await isSignedIn(req))) return res.status(401).end();
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run('require-csrf-token: a boolean helper whose token reader throws without the token', rule, {
  valid: [
    { name: 'the throw answered with `false`: the handler refuses', code: SIGNED_IN() },
    { name: 'answered with `null`, also falsy', code: SIGNED_IN('return null;') },
  ],
  invalid: failClosedFix([
    {
      name: 'the throw answered with `true`: a request without the token is signed in',
      ...openRoute(SIGNED_IN('return true;'), 23, 9, "app.post('/mcp', ", 'express'),
    },
    {
      name: 'a reader that hands back an empty token rather than throwing refuses nothing itself',
      ...openRoute(SIGNED_IN('return false;', "return '';"), 23, 9, "app.post('/mcp', ", 'express'),
    },
  ]),
});

/** An SSE server whose message route reads the channel from `first`, or else from a header. */
const CHANNEL_FALLBACK = (first: string, fixed?: boolean): string => `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';

const app = express();
const server = new McpServer({ name: 'notes', version: '1.0.0' });
let current: SSEServerTransport | undefined;

app.get('/sse', async (_req, res) => {
  current = new SSEServerTransport('/messages', res);
  await server.connect(current);
});
${fixed === undefined ? '' : `\n${tokenHelpers({ bearer: fixed })}\n\n`}app.post('/messages', ${fixed === undefined ? '' : guard('express', fixed)}async (req, res) => {
  let channel = ${first};
  if (!channel) channel = req.headers['x-channel-id'] as string | undefined;
  if (!current || !channel) {
    res.status(503).end();
    return;
  }
  await current.handlePostMessage(req, res);
});

app.listen(3000, '127.0.0.1');`;

ruleTester.run('require-csrf-token: a header that only fills in a value the request gave first', rule, {
  valid: [
    {
      name: 'the header is the only source: a request without it is refused',
      code: CHANNEL_FALLBACK('undefined as string | undefined'),
    },
  ],
  invalid: [
    {
      name: "the query's channel comes first: a request without the header still has one",
      code: CHANNEL_FALLBACK('req.query.channel as string | undefined'),
      errors: [
        missingCheck('`POST /messages`', [13, 1, 13, 9], (bearer) =>
          CHANNEL_FALLBACK('req.query.channel as string | undefined', bearer),
        ),
      ],
    },
  ],
});

/** An app whose middleware lets a request without a token through when `fallback` holds. */
const SERVER_TOKEN_FALLBACK = (fallback: string, fixed?: boolean): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const USE_SERVER_TOKEN = ${fallback};

function authenticate(req: express.Request, res: express.Response, next: express.NextFunction) {
  const token = req.headers.authorization;
  if (!token) {
    if (USE_SERVER_TOKEN) {
      res.locals.token = process.env.SERVER_TOKEN;
      return next();
    }
    return res.status(401).end();
  }
  res.locals.token = token;
  next();
}

const app = express();
${fixed === undefined ? '' : `\n${tokenHelpers({ bearer: fixed })}\n\n`}app.post('/mcp', authenticate, ${fixed === undefined ? '' : guard('express', fixed)}async (req, res) => {
  await new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run('require-csrf-token: a check that puts a token of its own in for a request without one', rule, {
  valid: [
    {
      name: 'the fallback is off until the environment turns it on',
      code: SERVER_TOKEN_FALLBACK("process.env.USE_SERVER_TOKEN === 'true'"),
    },
  ],
  invalid: [
    {
      name: 'the fallback is on unless the environment turns it off: a request without a token goes on',
      code: SERVER_TOKEN_FALLBACK("process.env.USE_SERVER_TOKEN !== 'false'"),
      errors: [
        missingCheck('`POST /mcp`', [20, 1, 20, 9], (bearer) =>
          SERVER_TOKEN_FALLBACK("process.env.USE_SERVER_TOKEN !== 'false'", bearer),
        ),
      ],
    },
  ],
});

/**
 * An Express route under a comment that has TypeScript or ESLint skip its first line, with
 * `guard` written before the handler, and the fix's declarations above the comment when `helpers`.
 */
const DIRECTIVE_ROUTE = (
  directive: string,
  guardText: string,
  helpers: string,
): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const app = express();
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
${helpers}${directive}
app.post('/mcp', ${guardText}async (req, res) => {
  await transport.handleRequest(req, res, req.body);
});
`;

/** The express guard on one line: what the fix writes where a directive covers the handler's line. */
const oneLineGuard = (bearer: boolean): string =>
  `${guard('express', bearer)
    .split('\n')
    .map((line) => line.trim())
    .join(' ')} `;

ruleTester.run('require-csrf-token: a route whose first line a directive comment covers', rule, {
  valid: [],
  invalid: [
    ...['// @ts-ignore', '// @ts-expect-error the handler returns a promise', '/* @ts-ignore */'].map((directive) => ({
      // The guard goes on the handler's line, which the comment still covers: its type error or
      // lint report stays hidden, as the owner chose.
      name: `the guard stays on the line \`${directive}\` covers`,
      code: DIRECTIVE_ROUTE(directive, '', ''),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [7, 1, 7, 9], (bearer) =>
          DIRECTIVE_ROUTE(directive, oneLineGuard(bearer), `\n${tokenHelpers({ bearer })}\n\n`),
        ),
      ],
    })),
    {
      name: 'an ordinary comment above the route leaves the guard on lines of its own',
      code: DIRECTIVE_ROUTE('// The MCP endpoint', '', ''),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [7, 1, 7, 9], (bearer) =>
          DIRECTIVE_ROUTE('// The MCP endpoint', guard('express', bearer), `\n${tokenHelpers({ bearer })}\n\n`),
        ),
      ],
    },
  ],
});

/** An app whose `POST /agent` hands the request to the `handleRequest` of what `module` made. */
const AGENT_ENDPOINT = (module: string): string => `import express from 'express';
import { createAgentEndpoint } from '${module}';

const endpoint = createAgentEndpoint({ path: '/agent' });
const app = express();
app.post('/agent', (req, res) => endpoint.handleRequest(req, res));
app.listen(3000, '127.0.0.1');`;

/** AGENT_ENDPOINT with the token fix. */
const agentEndpointFixed = (module: string, bearer: boolean): string =>
  AGENT_ENDPOINT(module)
    .replace('const app = express();\n', `const app = express();\n\n${tokenHelpers({ bearer })}\n\n`)
    .replace("app.post('/agent', ", `app.post('/agent', ${guard('express', bearer)}`);

const makeAgentPackage = packageMaker();

/**
 * Where the app is: `src/server.ts` of a package that has `@acme/agent-runtime` installed with
 * `dependencies`, or linked from the workspace.
 */
function agentServer(dependencies: Record<string, string> | null, linked = false): string {
  const runtime = { name: '@acme/agent-runtime', version: '2.0.0', ...(dependencies ? { dependencies } : {}) };
  const dir = makeAgentPackage(
    {
      'src/server.ts': AGENT_ENDPOINT('@acme/agent-runtime'),
      ...(dependencies && !linked ? { 'node_modules/@acme/agent-runtime/package.json': JSON.stringify(runtime) } : {}),
      ...(linked ? { 'packages/agent-runtime/package.json': JSON.stringify(runtime) } : {}),
    },
    { name: 'agents', private: true },
  );
  if (linked) {
    fs.mkdirSync(path.join(dir, 'node_modules', '@acme'), { recursive: true });
    fs.symlinkSync(
      path.join(dir, 'packages', 'agent-runtime'),
      path.join(dir, 'node_modules', '@acme', 'agent-runtime'),
    );
  }
  return path.join(dir, 'src', 'server.ts');
}

const agentError = {
  messageId: 'missingCsrfCheck' as const,
  data: { route: '`POST /agent`' },
  line: 6,
  column: 1,
  endLine: 6,
  endColumn: 9,
  suggestions: [{ messageId: 'useBearerToken' as const, output: agentEndpointFixed('@acme/agent-runtime', true) }],
};

// A method named like a transport's (`handleRequest`) on what an installed package of another kind
// made (an agent runtime, a voice SDK: no MCP package among its dependencies) serves that package's
// protocol. A package of the workspace, one that depends on an MCP package, one not installed, or
// one whose name says MCP may hand out an MCP transport.
ruleTester.run("require-csrf-token: `handleRequest` of another package's object", rule, {
  valid: [
    {
      name: 'an installed agent runtime that depends on no MCP package',
      code: AGENT_ENDPOINT('@acme/agent-runtime'),
      filename: agentServer({ openai: '^5.0.0' }),
    },
  ],
  invalid: failClosedFix([
    {
      name: 'an installed package that depends on an MCP package',
      code: AGENT_ENDPOINT('@acme/agent-runtime'),
      filename: agentServer({ '@modelcontextprotocol/sdk': '^1.20.0' }),
      output: agentEndpointFixed('@acme/agent-runtime', false),
      errors: [agentError],
    },
    {
      name: 'a package of the workspace, linked into node_modules',
      code: AGENT_ENDPOINT('@acme/agent-runtime'),
      filename: agentServer({ openai: '^5.0.0' }, true),
      output: agentEndpointFixed('@acme/agent-runtime', false),
      errors: [agentError],
    },
    {
      name: 'a package that is not installed',
      code: AGENT_ENDPOINT('@acme/agent-runtime'),
      filename: agentServer(null),
      output: agentEndpointFixed('@acme/agent-runtime', false),
      errors: [agentError],
    },
    {
      name: 'a package whose name says MCP',
      code: AGENT_ENDPOINT('@acme/mcp-runtime'),
      output: agentEndpointFixed('@acme/mcp-runtime', false),
      errors: [
        {
          ...agentError,
          suggestions: [{ messageId: 'useBearerToken', output: agentEndpointFixed('@acme/mcp-runtime', true) }],
        },
      ],
    },
  ]),
});

/**
 * An express MCP server that registers its route in each branch of a setting (`test`, on out of
 * the box by default): `checked` in the first, `other` in the second.
 */
const SWITCHED_ROUTES = (
  checked: string,
  other: string,
  test = "process.env.MCP_AUTH !== 'off'",
): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const app = express();
app.use(express.json());

const handler = async (req: express.Request, res: express.Response) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
};

if (${test}) {
  ${checked}
} else {
  ${other}
}
app.listen(3000, '127.0.0.1');

function requireBearer(req: express.Request, res: express.Response, next: express.NextFunction) {
  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) return res.status(401).end();
  next();
}`;
const CHECKED_MCP = "app.post('/mcp', requireBearer, handler);";

/** `SWITCHED_ROUTES` with the token fix on the second branch's `app.post(path, handler)`. */
const switchedFixed =
  (path: string, test = "process.env.MCP_AUTH !== 'off'") =>
  (bearer: boolean) =>
    SWITCHED_ROUTES(
      CHECKED_MCP,
      `app.post('${path}', ${guard('express', bearer, { indent: '  ' })}handler);`,
      test,
    ).replace(`\nif (${test}) {`, `\n${tokenHelpers({ bearer })}\n\nif (${test}) {`);

ruleTester.run('require-csrf-token: a route registered with a check or without one, by a setting', rule, {
  valid: [
    {
      name: 'the same route without the check only where the setting turns it off: the owner chooses that',
      code: SWITCHED_ROUTES(CHECKED_MCP, "app.post('/mcp', handler);"),
    },
  ],
  invalid: [
    {
      name: 'another route in the other branch: nothing checks it, whatever the setting',
      code: SWITCHED_ROUTES(CHECKED_MCP, "app.post('/mcp-open', handler);"),
      errors: [missingCheck('`POST /mcp-open`', [15, 3, 15, 11], switchedFixed('/mcp-open'))],
    },
    {
      name: 'the same route without the check where the server runs out of the box: the check is opt-in',
      code: SWITCHED_ROUTES(CHECKED_MCP, "app.post('/mcp', handler);", "process.env.MCP_AUTH === 'on'"),
      errors: [missingCheck('`POST /mcp`', [15, 3, 15, 11], switchedFixed('/mcp', "process.env.MCP_AUTH === 'on'"))],
    },
  ],
});

// A file with a function of its own by the name of the fix's check: the fix must not call it.
const OWN_CHECK = `import express from 'express';

function hasValidCsrfToken(): boolean {
  return true;
}

const app = express();
app.post('/mcp', async (req, res) => {
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

/** The fix's declarations and middleware, under the names `rename` gives them. */
const renamedFix = (code: string, bearer: boolean, rename: (text: string) => string): string =>
  code.replace(
    "app.post('/mcp', ",
    `\n${rename(tokenHelpers({ bearer }))}\n\napp.post('/mcp', ${rename(guard('express', bearer))}`,
  );

ruleTester.run('require-csrf-token: names the fix declares that the file binds otherwise', rule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: "a function of the file's own named like the check: the fix declares `hasValidCsrfToken2`",
      code: OWN_CHECK,
      output: `import express from 'express';

function hasValidCsrfToken(): boolean {
  return true;
}

const app = express();

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken2(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = MCP_CSRF_TOKEN;
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}

app.post('/mcp', (req, res, next) => {
  if (!hasValidCsrfToken2(req.headers['x-mcp-csrf-token'])) {
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
          data: { route: '`POST /mcp`' },
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: renamedFix(OWN_CHECK, true, (text) => text),
            },
          ],
        },
      ],
    },
    {
      name: "a token constant of its own under the fix's name: the check reads `MCP_CSRF_TOKEN_2`",
      code: OWN_CHECK.replace(
        'function hasValidCsrfToken(): boolean {\n  return true;\n}',
        "const MCP_CSRF_TOKEN = 'dev-token';",
      ),
      output: renamedFix(
        OWN_CHECK.replace(
          'function hasValidCsrfToken(): boolean {\n  return true;\n}',
          "const MCP_CSRF_TOKEN = 'dev-token';",
        ),
        false,
        (text) =>
          text
            .replaceAll('MCP_CSRF_TOKEN', 'MCP_CSRF_TOKEN_2')
            .replace('process.env.MCP_CSRF_TOKEN_2', 'process.env.MCP_CSRF_TOKEN'),
      ),
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
              output: renamedFix(
                OWN_CHECK.replace(
                  'function hasValidCsrfToken(): boolean {\n  return true;\n}',
                  "const MCP_CSRF_TOKEN = 'dev-token';",
                ),
                true,
                (text) => text,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the declarations the fix writes, there already (formatted otherwise): reused, not declared again',
      code: OWN_CHECK.replace(
        'function hasValidCsrfToken(): boolean {\n  return true;\n}',
        tokenHelpers()
          .replaceAll("'", '"')
          .replace(/^\/\*\*.*\*\/\n/gmu, ''),
      ),
      output: OWN_CHECK.replace(
        'function hasValidCsrfToken(): boolean {\n  return true;\n}',
        tokenHelpers()
          .replaceAll("'", '"')
          .replace(/^\/\*\*.*\*\/\n/gmu, ''),
      ).replace("app.post('/mcp', ", `app.post('/mcp', ${guard('express', false)}`),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 17,
          column: 1,
          endLine: 17,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: renamedFix(
                OWN_CHECK.replace(
                  'function hasValidCsrfToken(): boolean {\n  return true;\n}',
                  tokenHelpers()
                    .replaceAll("'", '"')
                    .replace(/^\/\*\*.*\*\/\n/gmu, ''),
                ),
                true,
                (text) => text,
              ),
            },
          ],
        },
      ],
    },
  ]),
});
