import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import loopbackRule from '../../src/rules/require-loopback-host';
import { createRuleTester, failClosedFix } from '../rule-tester';
import { hostValidated, LOOPBACK_HOSTS, nodeDefaultHost } from '../support/fix-text';

// Code that is safe out of the box although nothing in it is a constant `true`: a switch that is
// on unless the environment turns it off, a list filled after it is made, a server that only
// tests whether a port is free. And, next to each, the nearest variant that is not safe.

const ruleTester = createRuleTester();

ruleTester.run('require-dns-rebinding-protection: protection on unless the environment turns it off', dnsRule, {
  valid: [
    {
      name: 'a flag that is on unless `DNS_PROTECTION=false`, with a host list a helper fills',
      code: `import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
function localHosts(port: number): string[] {
  const hosts: string[] = [];
  for (const name of ['127.0.0.1', 'localhost']) hosts.push(\`\${name}:\${port}\`);
  return hosts;
}
const enableDnsRebindingProtection = process.env.DNS_PROTECTION !== 'false';
const allowedHosts = process.env.ALLOWED_HOST ? [process.env.ALLOWED_HOST] : localHosts(3000);
const app = express();
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/messages', res, { enableDnsRebindingProtection, allowedHosts });
  await transport.start();
});`,
    },
    {
      name: 'flags written as `!process.env.X`, `?? true` and an optional call',
      code: `import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const hosts = ['localhost:3000'];
export const a = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: !process.env.NO_DNS_PROTECTION, allowedHosts: hosts });
export const b = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: process.env.X === undefined ? true : process.env.X === 'on', allowedHosts: hosts });
export const c = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: process.env.X?.toLowerCase() !== 'off', allowedHosts: hosts });`,
    },
  ],
  invalid: [
    {
      name: 'a flag that is off unless `DNS_PROTECTION=true`',
      code: `import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
const enableDnsRebindingProtection = process.env.DNS_PROTECTION === 'true';
const app = express();
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/messages', res, { enableDnsRebindingProtection, allowedHosts: ['localhost:3000'] });
  await transport.start();
});`,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`SSEServerTransport`' },
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'validateHost',
              output: hostValidated(`import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
const enableDnsRebindingProtection = process.env.DNS_PROTECTION === 'true';
const app = express();
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/messages', res, { enableDnsRebindingProtection, allowedHosts: ['localhost:3000'] });
  await transport.start();
});`),
            },
          ],
        },
      ],
    },
    {
      name: 'a host list that stays empty: the helper fills another one',
      code: `import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
const other: string[] = [];
function localHosts(): string[] {
  const hosts: string[] = [];
  other.push('localhost:3000');
  return hosts;
}
const app = express();
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/messages', res, { enableDnsRebindingProtection: true, allowedHosts: localHosts() });
  await transport.start();
});`,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`SSEServerTransport`' },
          line: 11,
          column: 25,
          endLine: 11,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'validateHost',
              output: hostValidated(`import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
const other: string[] = [];
function localHosts(): string[] {
  const hosts: string[] = [];
  other.push('localhost:3000');
  return hosts;
}
const app = express();
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/messages', res, { enableDnsRebindingProtection: true, allowedHosts: localHosts() });
  await transport.start();
});`),
            },
          ],
        },
      ],
    },
  ],
});

/** An express app with an MCP route whose listen callback only hands back a way to close it later. */
const STOP_HANDLE = `import express from 'express';
import { handleMcp } from './mcp/handler.js';
export function start(port: number): Promise<() => void> {
  const app = express();
  app.post('/mcp', handleMcp);
  const ADDRESS = '0.0.0.0';
  return new Promise((resolve) => {
    const server = app.listen(port, ADDRESS, () => resolve(() => server.close()));
  });
}`;

/** A server with no handler whose listen callback only hands back a way to close it later: it serves nothing. */
const STOP_LATER = `import http from 'node:http';
export function reserve(port: number): Promise<() => void> {
  return new Promise((resolve) => {
    const server = http.createServer();
    server.listen(port, '0.0.0.0', () => resolve(() => server.close()));
  });
}`;

/** A `net` server with no handler whose listen callback closes a database, not the server. */
const CLOSES_OTHER = `import net from 'node:net';
import { db } from './db.js';
export function reserve(port: number): net.Server {
  const server = net.createServer();
  server.listen(port, '0.0.0.0', () => db.close());
  return server;
}`.replace(
  "server.listen(port, '0.0.0.0', () => db.close());\n  return server;",
  "return server.listen(port, '0.0.0.0', () => db.close());",
);

/**
 * The report on the host `host` (every interface) at `line`, `column` of `code`: fixed to
 * `'127.0.0.1'`, the other loopback hosts suggested.
 */
function everyInterfaceAt(code: string, line: number, column: number, host: string) {
  const edited = (to: string): string => code.replace(`, ${host}, () =>`, `, ${to}, () =>`);
  return {
    code,
    output:
      host === 'ADDRESS'
        ? code.replace("const ADDRESS = '0.0.0.0';", "const ADDRESS = '127.0.0.1';")
        : edited("'127.0.0.1'"),
    errors: [
      {
        messageId: 'everyInterface' as const,
        line,
        column,
        suggestions: (
          [
            ['useHostFromEnvironment', "process.env.HOST ?? '127.0.0.1'"],
            ['useIpv6Loopback', "'::1'"],
            ['useLocalhost', "'localhost'"],
          ] as const
        ).map(([messageId, to]) => ({
          messageId,
          output:
            host === 'ADDRESS' ? code.replace("const ADDRESS = '0.0.0.0';", `const ADDRESS = ${to};`) : edited(to),
        })),
      },
    ],
  };
}

ruleTester.run('require-loopback-host: a server that only tests whether a port is free', loopbackRule, {
  valid: [
    {
      name: 'a probe whose async listen callback awaits the close through a promise',
      code: `import net from 'node:net';
export function findFreePort(start: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(start, '0.0.0.0', async () => {
      const { port } = probe.address() as net.AddressInfo;
      await new Promise<void>((done) => probe.close(() => done()));
      resolve(port);
    });
  });
}`,
    },
    {
      name: 'a `net` server with no connection handler, closed as soon as it listens (chained)',
      code: `import net from 'node:net';
export function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net
      .createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.once('close', () => resolve(true)).close())
      .listen(port, '0.0.0.0');
  });
}`,
    },
    {
      name: 'a probe whose helper drops its listeners and closes it, called when it listens or fails',
      code: `import net from 'node:net';
export function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    const settle = (free: boolean) => {
      probe.removeAllListeners();
      probe.close();
      resolve(free);
    };
    probe.once('error', () => settle(false));
    probe.once('listening', () => settle(true));
    probe.listen(port, '0.0.0.0');
  });
}`,
    },
    {
      name: 'the same probe through a variable, closed in the listen callback',
      code: `import { createServer } from 'node:net';
export function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.on('error', () => resolve(false));
    probe.listen(port, () => {
      probe.close(() => resolve(true));
    });
  });
}`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a `net` server that handles connections is a service, however soon it closes',
      code: `import net from 'node:net';
const server = net.createServer((socket) => socket.end('hello'));
server.once('listening', () => setTimeout(() => server.close(), 1000));
server.listen(4000, '0.0.0.0');`,
      output: `import net from 'node:net';
const server = net.createServer((socket) => socket.end('hello'));
server.once('listening', () => setTimeout(() => server.close(), 1000));
server.listen(4000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:net` server', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import net from 'node:net';
const server = net.createServer((socket) => socket.end('hello'));
server.once('listening', () => setTimeout(() => server.close(), 1000));
server.listen(4000, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import net from 'node:net';
const server = net.createServer((socket) => socket.end('hello'));
server.once('listening', () => setTimeout(() => server.close(), 1000));
server.listen(4000, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import net from 'node:net';
const server = net.createServer((socket) => socket.end('hello'));
server.once('listening', () => setTimeout(() => server.close(), 1000));
server.listen(4000, 'localhost');`,
            },
          ],
        },
      ],
    },
    {
      name: 'a `net` server given a connection listener later',
      code: `import net from 'node:net';
const server = net.createServer();
server.on('connection', (socket) => socket.end('hello'));
server.once('listening', () => server.close());
server.listen(4000);`,
      output: `import net from 'node:net';
const server = net.createServer();
server.on('connection', (socket) => socket.end('hello'));
server.once('listening', () => server.close());
server.listen(4000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'defaultHost',
          line: 5,
          column: 8,
          endLine: 5,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import net from 'node:net';
const server = net.createServer();
server.on('connection', (socket) => socket.end('hello'));
server.once('listening', () => server.close());
server.listen(4000, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import net from 'node:net';
const server = net.createServer();
server.on('connection', (socket) => socket.end('hello'));
server.once('listening', () => server.close());
server.listen(4000, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import net from 'node:net';
const server = net.createServer();
server.on('connection', (socket) => socket.end('hello'));
server.once('listening', () => server.close());
server.listen(4000, 'localhost');`,
            },
          ],
        },
      ],
    },
    {
      name: 'an app with routes that hands back a `stop()` from its listen callback',
      ...everyInterfaceAt(STOP_HANDLE, 8, 37, 'ADDRESS'),
    },
    {
      name: 'a listen callback that closes something else',
      ...everyInterfaceAt(CLOSES_OTHER, 5, 30, "'0.0.0.0'"),
    },
  ]),
});

/**
 * A module that serves MCP over stdio (or over HTTP, with `stdio: false`) beside a `node:http`
 * server whose handler answers `/health` and, for other paths, does `otherwise`.
 */
const HEALTH_BESIDE = (otherwise: string, stdio = true): string => `import http from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
${
  stdio
    ? `import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

const server = new McpServer({ name: 'tabs', version: '1.0.0' });
await server.connect(new StdioServerTransport());`
    : `import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const server = new McpServer({ name: 'tabs', version: '1.0.0' });
await server.connect(new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }));`
}

http
  .createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: true, uptime: process.uptime() }));
      return;
    }
    ${otherwise}
  })
  .listen(4101);`;

const NOT_FOUND = 'res.writeHead(404).end();';

/** The report on the health server's `listen(4101)`, on line 17, with its suggestions. */
const healthServerError = (code: string) => ({
  ...nodeDefaultHost(17, (host) => code.replace('.listen(4101)', `.listen(4101${host})`)),
  column: 4,
  endColumn: 10,
});

ruleTester.run('require-loopback-host: a health server beside an MCP server that speaks stdio', loopbackRule, {
  valid: [
    {
      name: 'its handler only looks at the request, reads no body and hands nothing on: it serves no MCP',
      code: HEALTH_BESIDE(NOT_FOUND),
    },
  ],
  invalid: [
    {
      name: 'a handler that hands the request on',
      code: HEALTH_BESIDE('relay(req, res);'),
      output: null,
      errors: [healthServerError(HEALTH_BESIDE('relay(req, res);'))],
    },
    {
      name: 'a handler that reads the body',
      code: HEALTH_BESIDE("req.on('data', (chunk) => queue.push(chunk));"),
      output: null,
      errors: [healthServerError(HEALTH_BESIDE("req.on('data', (chunk) => queue.push(chunk));"))],
    },
    {
      name: 'the same health handler in a module that serves MCP over HTTP',
      code: HEALTH_BESIDE(NOT_FOUND, false),
      output: null,
      errors: [healthServerError(HEALTH_BESIDE(NOT_FOUND, false))],
    },
  ],
});

ruleTester.run('require-loopback-host: a server no code can give a handler', loopbackRule, {
  valid: [
    {
      name: 'an app made in the chain of its listen(), handed back as a placeholder that answers 404',
      code: `import express from 'express';
import type { AddressInfo } from 'node:net';
export function placeholder() {
  const server = express().listen(0, '0.0.0.0');
  return { server, port: (server.address() as AddressInfo).port };
}`,
    },
    {
      name: 'a bare server with no handler held by a `const` that only its own methods are called on (a port kept for later)',
      code: STOP_LATER,
    },
    {
      name: 'a test that holds a port with a bare server, listening, then closing it',
      code: `import http from 'node:http';
import { test } from 'node:test';
test('a taken port is reported', async () => {
  const blocker = http.createServer();
  await new Promise<void>((resolve) => {
    blocker.listen(4100, '0.0.0.0', () => resolve());
  });
  blocker.on('error', (error) => console.error(error));
  blocker.close();
});`,
    },
    {
      name: 'a bare server made in the chain, whose listen() result is dropped',
      code: `import http from 'node:http';
http.createServer().once('error', (error) => console.error(error)).listen(4000, '::');`,
    },
    {
      name: 'a Koa app in the chain with an error listener only',
      code: `import Koa from 'koa';
new Koa().on('error', (error) => console.error(error)).listen(4000);`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a bare server handed back: its caller may add a request listener',
      ...everyInterfaceAt(
        `import http from 'node:http';
export function reserve(port: number): http.Server {
  return http.createServer().listen(port, '0.0.0.0', () => {});
}`,
        3,
        43,
        "'0.0.0.0'",
      ),
    },
    {
      name: 'a bare server held by a `const` and handed to a WebSocket server, which takes its upgrades',
      ...everyInterfaceAt(
        `import http from 'node:http';
import { WebSocketServer } from 'ws';
const server = http.createServer();
server.listen(3000, '0.0.0.0', () => {});
export const sockets = new WebSocketServer({ server });`,
        4,
        21,
        "'0.0.0.0'",
      ),
    },
    {
      name: 'a bare server held by an exported `const`: an importer may add a request listener',
      ...everyInterfaceAt(
        `import http from 'node:http';
export const server = http.createServer();
server.listen(3000, '0.0.0.0', () => {});`,
        3,
        21,
        "'0.0.0.0'",
      ),
    },
    {
      name: 'a bare server held by a `const` that is given a request listener',
      ...everyInterfaceAt(
        `import http from 'node:http';
const server = http.createServer();
server.on('request', (req, res) => res.end('ok'));
server.listen(3000, '0.0.0.0', () => {});`,
        4,
        21,
        "'0.0.0.0'",
      ),
    },
    {
      name: 'an express app held by a `const`, with no route: it stands for the routes the code gives it',
      ...everyInterfaceAt(
        `import express from 'express';
const app = express();
app.listen(3000, '0.0.0.0', () => {});`,
        3,
        18,
        "'0.0.0.0'",
      ),
    },
    {
      name: 'an app given middleware in the chain',
      ...everyInterfaceAt(
        `import express from 'express';
import { mcpRouter } from './mcp.js';
export const server = express().use(mcpRouter).listen(3000, '0.0.0.0', () => {});`,
        3,
        61,
        "'0.0.0.0'",
      ),
    },
    {
      name: 'a bare server given a handler that is not written in place',
      ...everyInterfaceAt(
        `import http from 'node:http';
import { toNodeHandler } from './adapter.js';
import { app } from './app.js';
http.createServer(toNodeHandler(app)).listen(3000, '0.0.0.0', () => {});`,
        4,
        52,
        "'0.0.0.0'",
      ),
    },
    {
      name: 'an app whose server a WebSocket server takes its requests from',
      ...everyInterfaceAt(
        `import express from 'express';
import { WebSocketServer } from 'ws';
const server = express().listen(3000, '0.0.0.0', () => {});
export const sockets = new WebSocketServer({ server });`,
        3,
        39,
        "'0.0.0.0'",
      ),
    },
    {
      name: 'a Node server made by a framework with a fetch handler in its options',
      ...everyInterfaceAt(
        `import { createAdaptorServer } from '@hono/node-server';
import { app } from './app.js';
createAdaptorServer({ fetch: app.fetch }).listen(3000, '0.0.0.0', () => {});`,
        3,
        56,
        "'0.0.0.0'",
      ),
    },
    {
      name: "a plain function listener, where \`this\` is the server it may add a 'request' listener to",
      ...everyInterfaceAt(
        `import http from 'node:http';
import { handle } from './handle.js';
http
  .createServer()
  .once('listening', function (this: http.Server) {
    this.on('request', handle);
  })
  .listen(3000, '0.0.0.0', () => {});`,
        8,
        17,
        "'0.0.0.0'",
      ),
    },
    {
      name: 'a request listener added in the chain',
      ...everyInterfaceAt(
        `import http from 'node:http';
import { handle } from './handle.js';
http.createServer().on('request', handle).listen(3000, '0.0.0.0', () => {});`,
        3,
        56,
        "'0.0.0.0'",
      ),
    },
  ]),
});

ruleTester.run('require-loopback-host: Fastify methods that return the instance', loopbackRule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'register() and a route method chained before listen()',
      code: `import Fastify from 'fastify';
import { mcpPlugin } from './mcp.js';
await Fastify().register(mcpPlugin).get('/health', async () => 'ok').listen({ port: 3000, host: '0.0.0.0' });`,
      output: `import Fastify from 'fastify';
import { mcpPlugin } from './mcp.js';
await Fastify().register(mcpPlugin).get('/health', async () => 'ok').listen({ port: 3000, host: '127.0.0.1' });`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`fastify.listen()`', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 3,
          column: 91,
          suggestions: [
            ['useHostFromEnvironment', "process.env.HOST ?? '127.0.0.1'"],
            ['useIpv6Loopback', "'::1'"],
            ['useLocalhost', "'localhost'"],
          ].map(([messageId, to]) => ({
            messageId: messageId as 'useHostFromEnvironment' | 'useIpv6Loopback' | 'useLocalhost',
            output: `import Fastify from 'fastify';
import { mcpPlugin } from './mcp.js';
await Fastify().register(mcpPlugin).get('/health', async () => 'ok').listen({ port: 3000, host: ${to} });`,
          })),
        },
      ],
    },
  ]),
});

/** A test module that starts the MCP app on `port` before its tests, for the length of the suite. */
const TEST_SERVER = (port: string): string => `import express from 'express';
import { beforeAll, afterAll, it } from 'vitest';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Server } from 'node:http';

let server: Server;
beforeAll(() => {
  const app = express();
  app.post('/mcp', async (req, res) => {
    await new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res, req.body);
  });
  server = app.listen(${port});
});
afterAll(() => server.close());
it('answers', () => {});`;

/** A Playwright fixture that starts a fake upstream on the port `picked` gives, through a helper. */
const GET_PORT_FIXTURE = (picked: string): string => `import getPort from 'get-port';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { test as base } from '@playwright/test';

function startUpstream(port: number) {
  const app = new Hono().post('/mcp', (c) => c.json({ jsonrpc: '2.0', id: 1, result: {} }));
  serve({ fetch: app.fetch, port });
}

export const test = base.extend<{ upstream: string }>({
  upstream: async ({}, use) => {
    const port = await ${picked};
    startUpstream(port);
    await use(\`http://localhost:\${port}/mcp\`);
  },
});`;

/** A test that answers a client's events from a `ws` server on `port`. */
const WS_TEST_SERVER = (port: string): string => `import { afterAll, it } from 'vitest';
import { WebSocketServer } from 'ws';

// The MCP bridge's events, answered by a fake daemon.
const daemon = new WebSocketServer({ port: ${port} });
afterAll(() => daemon.close());
it('subscribes', () => {
  daemon.on('connection', (socket) => socket.send('{}'));
});`;

ruleTester.run("require-loopback-host: a test's server on a port the system picks", loopbackRule, {
  valid: [
    { name: '`app.listen(0)` in `beforeAll(…)`', code: TEST_SERVER('0'), filename: 'src/mcp.test.ts' },
    {
      name: '`Bun.serve({ port: 0, fetch })` in a test module',
      code: `import { test } from 'bun:test';
test('proxies', async () => {
  const upstream = Bun.serve({ port: 0, fetch: () => new Response('ok') });
  upstream.stop();
});`,
      filename: 'tests/proxy.test.ts',
    },
    {
      name: '`new WebSocketServer({ port: 0 })` of `ws` in a test module',
      code: WS_TEST_SERVER('0'),
      filename: 'tests/events.test.ts',
    },
    {
      name: "a port get-port picks at random, given through a helper's parameter",
      code: GET_PORT_FIXTURE('getPort()'),
      filename: 'tests/e2e/fixtures.ts',
    },
    {
      name: 'a free port a helper of the file finds as get-port does (listen on 0, read the port, close)',
      code: GET_PORT_FIXTURE('freePort()').replace(
        "import getPort from 'get-port';",
        `import { createServer, type AddressInfo } from 'node:net';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}`,
      ),
      filename: 'tests/e2e/fixtures.ts',
    },
    {
      name: "get-port-please's `getRandomPort()`",
      code: GET_PORT_FIXTURE('getRandomPort()').replace(
        "import getPort from 'get-port';",
        "import { getRandomPort } from 'get-port-please';",
      ),
      filename: 'tests/e2e/fixtures.ts',
    },
  ],
  invalid: [
    {
      name: 'a port get-port is asked to prefer, which it gives when it is free',
      code: GET_PORT_FIXTURE('getPort({ port: 4100 })'),
      filename: 'tests/e2e/fixtures.ts',
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`serve()` from `@hono/node-server`',
            hostLabel: '`hostname`',
            binding: "Node's default is `::`",
          },
          line: 8,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: GET_PORT_FIXTURE('getPort({ port: 4100 })').replace(
              'serve({ fetch: app.fetch, port })',
              `serve({ fetch: app.fetch, port, hostname: ${host} })`,
            ),
          })),
        },
      ],
    },
    {
      name: "a test's WebSocket server on a fixed port",
      code: WS_TEST_SERVER('8787'),
      filename: 'tests/events.test.ts',
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`new WebSocketServer()` of `ws`', hostLabel: '`host`', binding: "Node's default is `::`" },
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 35,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: WS_TEST_SERVER(`8787, host: ${host}`),
          })),
        },
      ],
    },
    {
      name: 'the same test on a fixed port, which a page can know ahead',
      code: TEST_SERVER('3000'),
      filename: 'src/mcp.test.ts',
      errors: [
        {
          ...nodeDefaultHost(12, (host) => TEST_SERVER(`3000${host}`), '`app.listen()` of Express'),
          column: 16,
          endColumn: 22,
        },
      ],
    },
  ],
});
