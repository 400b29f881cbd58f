import path from 'node:path';
import rule from '../../src/rules/require-loopback-host';
import { commonjs, createRuleTester, esm, failClosedFix } from '../rule-tester';
import { LOOPBACK_HOSTS, loopbackHostSuggestions, nodeDefaultHost } from '../support/fix-text';

const ruleTester = createRuleTester();

/** A module of a package whose other module imports its exported app (tests/fixtures/exported-app). */
const EXPORTED_APP_FILE = path.join(__dirname, '..', 'fixtures', 'exported-app', 'src', 'server.ts');

/** A start function whose `listen()` gets a value narrowed to a number: a port. */
const NARROWED_PORT = `import http from 'node:http';
export function start(target: number | string): void {
  const server = http.createServer((req, res) => res.end('ok'));
  if (typeof target === 'number') server.listen(target);
}`;

/** A server on a settings object that starts with `initial` as its host and that `configure()` sets to `assigned`. */
const settingsServer = (initial: string, assigned: string): string => `import express from 'express';

const settings = { host: ${initial}, port: 3000 };

export function configure(host: string) {
  settings.host = ${assigned};
}

const app = express();
app.listen(settings.port, settings.host);`;

/** A class that binds the host its constructor keeps in a parameter property; `host` is what `new` passes. */
const parameterPropertyServer = (host: string): string => `import express from 'express';

const app = express();

class Server {
  constructor(private readonly host: string) {}

  start() {
    app.listen(3000, this.host);
  }
}

new Server(${host}).start();`;

/** A server on settings that `update()` replaces with a copy merged with a patch from the caller. */
const mergedSettingsServer = (initial: string): string => `import express from 'express';

let settings = { host: ${initial}, port: 3000 };

export function update(patch: Partial<typeof settings>) {
  settings = { ...settings, ...patch };
}

const app = express();
app.listen(settings.port, settings.host);`;

ruleTester.run('require-loopback-host', rule, {
  valid: [
    {
      name: 'a `#private` method is called only as `this.#bind`: a public `bind` of the same name binds nothing',
      code: `import express from 'express';

const app = express();

class Server {
  start() {
    this.bind('0.0.0.0');
    this.#bind('127.0.0.1');
  }

  bind(host: string) {
    console.log('would bind', host);
  }

  #bind(host: string) {
    app.listen(3000, host);
  }
}

new Server().start();`,
    },
    {
      name: 'a method a subclass overrides: the call on the subclass runs the override',
      code: `import express from 'express';

const app = express();

class Base {
  listen(host: string) {
    app.listen(3000, host);
  }
}

class Local extends Base {
  listen() {
    app.listen(3000, '127.0.0.1');
  }
}

new Local().listen('0.0.0.0');`,
    },
    {
      name: 'a let object whose host property is written after it is rebuilt: the write may be what binds',
      code: `import express from 'express';

let settings = { host: '0.0.0.0', port: 3000 };
if (process.env.PORT) settings = { ...settings, port: Number(process.env.PORT) };
settings.host = process.env.HOST ?? '127.0.0.1';

express().use(api).listen(settings.port, settings.host);`,
    },
    {
      name: 'settings replaced by a merge with a patch: the spreads keep the host, they do not unset it',
      code: mergedSettingsServer("'127.0.0.1'"),
    },
    {
      name: 'a settings object whose host starts loopback and is only ever set to loopback',
      code: `import express from 'express';

const settings = { host: '127.0.0.1', port: 3000 };

export function preferIpv6() {
  settings.host = '::1';
}

const app = express();
app.listen(settings.port, settings.host);`,
    },
    {
      name: 'express bound to 127.0.0.1 before its callback',
      code: `import express from 'express';
const PORT = Number(process.env.PORT ?? 3000);
const app = express();
app.listen(PORT, '127.0.0.1', () => {
  console.log(\`listening on http://127.0.0.1:\${PORT}\`);
});`,
    },
    {
      name: 'every loopback spelling',
      code: `import http from 'node:http';
const server = http.createServer();
server.listen(3000, '127.0.0.1');
server.listen(3000, '127.42.0.7');
server.listen(3000, 'localhost');
server.listen(3000, 'LOCALHOST');
server.listen(3000, '::1');
server.listen(3000, '[::1]');
server.listen({ port: 3000, host: '127.0.0.1' });
server.listen(3000, '127.0.0.1', 511, () => {});`,
    },
    {
      name: 'a loopback constant, fallback, destructured default and default parameter',
      code: `import express from 'express';
const HOST = process.env.HOST ?? '127.0.0.1';
const { BIND = 'localhost' } = process.env;
const app = express();
app.listen(3000, HOST);
app.listen(3001, BIND);
app.listen(3002, process.env.MCP_HOST || '::1');
export function start(port = 3000, host = '127.0.0.1') {
  return app.listen(port, host);
}`,
    },
    {
      name: 'a Unix socket, a named pipe and an inherited handle have no network address',
      code: `import net from 'node:net';
import http from 'node:http';
const SOCKET_PATH = process.env.MCP_SOCKET ?? '/run/mcp/server.sock';
http.createServer(serve).listen('/tmp/mcp.sock');
http.createServer(serve).listen(SOCKET_PATH, () => {});
http.createServer(serve).listen({ path: '/tmp/mcp.sock', readableAll: true });
net.createServer().listen('\\\\\\\\?\\\\pipe\\\\mcp');
net.createServer().listen({ fd: 3 });`,
    },
    {
      name: 'a Hono website with no MCP route, whose fetch is handed to the server that runs it',
      code: `import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const site = new Hono();
site.get('/', (c) => c.text('notes'));
serve({ fetch: site.fetch, port: 3000 });

const docs = new Hono();
docs.get('/', (c) => c.text('docs'));
Deno.serve({ port: 3001 }, docs.fetch);`,
    },
    {
      name: 'a socket path built with node:path, or named as one, is no port',
      code: `import net from 'node:net';
import path, { join } from 'node:path';
import { tmpdir } from 'node:os';
export class Bus {
  #server = net.createServer((socket) => socket.end());
  constructor(private readonly ipcSocketPath: string) {}
  listen(): void {
    this.#server.listen(this.ipcSocketPath);
  }
}
export function serve(pipe: string): void {
  net.createServer().listen(pipe);
}
export async function daemon(paths: { sock: string }, unixSock: string): Promise<void> {
  net.createServer().listen(paths.sock, () => console.log('up'));
  net.createServer().listen(unixSock);
}
net.createServer().listen(join(tmpdir(), 'bus.sock'));
net.createServer().listen(path.resolve('run', 'bus.sock'));`,
    },
    {
      name: 'a path a function of the project makes, held in a field with a fallback, or a named pipe',
      code: `import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
const onConnection = (socket: net.Socket): void => void socket.end();
function channelFile(): string {
  if (process.platform === 'win32') return \`\\\\\\\\.\\\\pipe\\\\bus-\${os.userInfo().username}\`;
  return path.join(os.tmpdir(), 'bus.sock');
}
export class Bus {
  private readonly channel: string;
  constructor(options: { channel?: string } = {}) {
    this.channel = options.channel || channelFile();
  }
  open(): void {
    net.createServer(onConnection).listen(this.channel);
  }
}
net.createServer(onConnection).listen(channelFile());
net.createServer(onConnection).listen(\`/run/user/\${process.getuid?.() ?? 0}/bus\`);`,
    },
    {
      name: 'a host the file does not show is left alone by default',
      code: `import express from 'express';
import { listenOptions } from './config';
const app = express();
app.listen(3000, process.env.HOST);
app.listen({ ...listenOptions });
export function start(port: number, host: string) {
  app.listen(port, host);
}`,
    },
    {
      name: "Fastify's default binds localhost",
      code: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
await app.listen();
await app.listen({ port: 3000 });
await app.listen({ port: 3000, host: 'localhost' });
await app.listen({ port: 3000, host: '127.0.0.1' });
await app.listen({ port: 3000, host: undefined });
await app.listen({ path: '/tmp/fastify.sock' });
app.listen({ port: 3000 }, (err, address) => console.log(err, address));
app.listen(3000, '127.0.0.1');`,
    },
    {
      name: '@hono/node-server with a loopback hostname',
      code: `import { serve, createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
serve({ fetch: app.fetch, port: 3000, hostname: '127.0.0.1' }, (info) => console.log(info.port));
createAdaptorServer({ fetch: app.fetch, hostname: 'example.com' }).listen(3001, 'localhost');`,
    },
    {
      name: 'Bun.serve and Deno.serve on loopback or a Unix socket',
      code: `const handler = (request: Request) => new Response('ok');
Bun.serve({ fetch: handler, port: 3000, hostname: '127.0.0.1' });
Bun.serve({ fetch: handler, unix: '/tmp/bun.sock' });
Deno.serve({ port: 8000, hostname: 'localhost' }, handler);
Deno.serve({ handler, hostname: '::1' });
Deno.serve({ path: '/tmp/deno.sock' }, handler);`,
    },
    {
      name: "createMcpExpressApp's host option picks Host validation and binds nothing",
      code: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
const app = createMcpExpressApp({ host: '0.0.0.0', allowedHosts: ['mcp.example.com'] });
app.listen(3000, '127.0.0.1', () => console.log('ready'));`,
    },
    {
      name: 'an unrelated object with a listen method',
      code: `import { SpeechRecognizer } from 'speech-sdk';
import express from 'express';
const speech = new SpeechRecognizer();
speech.listen();
speech.listen({ continuous: true, host: '0.0.0.0' });
const recognizer = { listen(port: number) { return port; } };
recognizer.listen(3000);
express.static('public');`,
    },
    {
      name: "an EventEmitter and socket.io's Server are not node:http servers",
      code: `import { EventEmitter } from 'node:events';
import { Server } from 'socket.io';
import http from 'node:http';
const emitter = new EventEmitter() as EventEmitter & { listen(port: number): void };
emitter.listen(3000);
const io = new Server();
io.listen(3000);
http.createServer(serve).listen(3000, '127.0.0.1');`,
    },
    {
      name: 'a parameter that shadows the import, a local createServer, an app from another file',
      code: `import http from 'node:http';
import { app } from './app';
export function start(http: { createServer(): { listen(port: number): void } }) {
  http.createServer(serve).listen(3000);
}
function createServer() {
  return { listen(port: number) { return port; } };
}
createServer().listen(3000);
app.listen(3000);`,
    },
    {
      name: 'local objects named Bun and Deno',
      code: `const Bun = { serve(options: object) { return options; } };
const Deno = { serve(handler: () => void) { return handler; } };
Bun.serve({ fetch: () => new Response('ok') });
Deno.serve(() => {});`,
    },
    {
      name: 'a host listed in allowedHosts',
      code: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen(3001, '[FD00::1]');`,
      options: [{ allowedHosts: ['192.168.1.10', 'fd00::1'] }],
    },
    {
      name: 'reportUnknownHosts: a loopback fallback or default makes the host known',
      code: `import express from 'express';
const app = express();
app.listen(3000, process.env.HOST ?? '127.0.0.1');
export function start(port: number, host = 'localhost') {
  app.listen(port, host);
}`,
      options: [{ reportUnknownHosts: true }],
    },
    {
      name: "koa's callback handed to node:http with a host",
      code: `import Koa from 'koa';
import http from 'node:http';
const app = new Koa();
http.createServer(app.callback()).listen(3000, '127.0.0.1');`,
    },
    {
      name: 'CommonJS node:http bound to loopback',
      code: `'use strict';
const http = require('http');
const { createServer } = require('node:https');
http.createServer((req, res) => res.end('ok')).listen(3000, '127.0.0.1');
createServer({}, (req, res) => res.end('ok')).listen({ port: 3443, host: 'localhost' });`,
      ...commonjs,
    },
    {
      name: 'ESM JavaScript Fastify with its default host',
      code: `import Fastify from 'fastify';
const app = Fastify();
await app.listen({ port: Number(process.env.PORT ?? 3000) });`,
      ...esm,
    },
    {
      name: 'a file about something else',
      code: `const total = items.reduce((sum, item) => sum + item.price, 0);
export default total;`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a host a class keeps in a parameter property, from the argument of `new`',
      code: parameterPropertyServer("'0.0.0.0'"),
      output: parameterPropertyServer("'127.0.0.1'"),
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 13,
          column: 12,
          endLine: 13,
          endColumn: 21,
          suggestions: [
            { messageId: 'useIpv6Loopback', output: parameterPropertyServer("'::1'") },
            { messageId: 'useLocalhost', output: parameterPropertyServer("'localhost'") },
          ],
        },
      ],
    },
    {
      name: 'settings that start on every interface and are merged with a patch later: one report, at the start',
      code: mergedSettingsServer("'0.0.0.0'"),
      output: mergedSettingsServer("'127.0.0.1'"),
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 33,
          suggestions: [
            { messageId: 'useIpv6Loopback', output: mergedSettingsServer("'::1'") },
            { messageId: 'useLocalhost', output: mergedSettingsServer("'localhost'") },
          ],
        },
      ],
    },
    {
      name: 'a settings object that starts on every interface, whatever a function may set later',
      code: settingsServer("'0.0.0.0'", 'host'),
      output: settingsServer("'127.0.0.1'", 'host'),
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 35,
          suggestions: [
            { messageId: 'useIpv6Loopback', output: settingsServer("'::1'", 'host') },
            { messageId: 'useLocalhost', output: settingsServer("'localhost'", 'host') },
          ],
        },
      ],
    },
    {
      name: 'a settings object assigned an every-interface host by a function',
      code: settingsServer("'127.0.0.1'", "'::'"),
      output: settingsServer("'127.0.0.1'", "'127.0.0.1'"),
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`'::'`" },
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 23,
          suggestions: [
            { messageId: 'useIpv6Loopback', output: settingsServer("'127.0.0.1'", "'::1'") },
            { messageId: 'useLocalhost', output: settingsServer("'127.0.0.1'", "'localhost'") },
          ],
        },
      ],
    },
    {
      name: 'express app.listen(port, callback): the host goes before the callback',
      code: `import express from 'express';

const PORT = Number(process.env.PORT ?? 3000);
const app = express();
app.listen(PORT, () => {
  console.log(\`listening on port \${PORT}\`);
});`,
      output: `import express from 'express';

const PORT = Number(process.env.PORT ?? 3000);
const app = express();
app.listen(PORT, '127.0.0.1', () => {
  console.log(\`listening on port \${PORT}\`);
});`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`app.listen()` of Express',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import express from 'express';

const PORT = Number(process.env.PORT ?? 3000);
const app = express();
app.listen(PORT, process.env.HOST ?? '127.0.0.1', () => {
  console.log(\`listening on port \${PORT}\`);
});`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';

const PORT = Number(process.env.PORT ?? 3000);
const app = express();
app.listen(PORT, '::1', () => {
  console.log(\`listening on port \${PORT}\`);
});`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';

const PORT = Number(process.env.PORT ?? 3000);
const app = express();
app.listen(PORT, 'localhost', () => {
  console.log(\`listening on port \${PORT}\`);
});`,
            },
          ],
        },
      ],
    },
    ...['cb?: () => void', 'cb: ((error?: Error) => void) | undefined'].map((param) => {
      const wrapper = (host: string) => `import express from 'express';

export class HttpServer {
  private app = express();

  listen(port: number, ${param}) {
    this.app.listen(port${host}, cb);
  }
}`;
      return {
        name: `a method that hands its callback parameter on (\`${param}\`): the host goes before it`,
        code: wrapper(''),
        output: wrapper(", '127.0.0.1'"),
        errors: [
          {
            messageId: 'defaultHost' as const,
            data: { api: '`app.listen()` of Express', hostLabel: 'host', binding: "Node's default is `::`" },
            line: 7,
            column: 14,
            endLine: 7,
            endColumn: 20,
            suggestions: LOOPBACK_HOSTS.slice(1).map(([messageId, host]) => ({
              messageId,
              output: wrapper(`, ${host}`),
            })),
          },
        ],
      };
    }),
    {
      name: 'express app.listen(port) with no callback',
      code: `import express from 'express';
const app = express();
app.listen(3000);`,
      output: `import express from 'express';
const app = express();
app.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`app.listen()` of Express',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import express from 'express';
const app = express();
app.listen(3000, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
const app = express();
app.listen(3000, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
const app = express();
app.listen(3000, 'localhost');`,
            },
          ],
        },
      ],
    },
    {
      name: 'listen() and listen(callback) take a random port on every interface',
      code: `import express from 'express';
express().use(api).listen();
express().use(api).listen(() => console.log('up'));`,
      output: `import express from 'express';
express().use(api).listen(0, '127.0.0.1');
express().use(api).listen(0, '127.0.0.1', () => console.log('up'));`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`app.listen()` of Express',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import express from 'express';
express().use(api).listen(0, process.env.HOST ?? '127.0.0.1');
express().use(api).listen(() => console.log('up'));`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
express().use(api).listen(0, '::1');
express().use(api).listen(() => console.log('up'));`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
express().use(api).listen(0, 'localhost');
express().use(api).listen(() => console.log('up'));`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: {
            api: '`app.listen()` of Express',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import express from 'express';
express().use(api).listen();
express().use(api).listen(0, process.env.HOST ?? '127.0.0.1', () => console.log('up'));`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
express().use(api).listen();
express().use(api).listen(0, '::1', () => console.log('up'));`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
express().use(api).listen();
express().use(api).listen(0, 'localhost', () => console.log('up'));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a port and a backlog: the host goes before the backlog',
      code: `import http from 'node:http';
http.createServer(serve).listen(3000, 511, () => {});`,
      output: `import http from 'node:http';
http.createServer(serve).listen(3000, '127.0.0.1', 511, () => {});`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on a `node:http` server',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import http from 'node:http';
http.createServer(serve).listen(3000, process.env.HOST ?? '127.0.0.1', 511, () => {});`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import http from 'node:http';
http.createServer(serve).listen(3000, '::1', 511, () => {});`,
            },
            {
              messageId: 'useLocalhost',
              output: `import http from 'node:http';
http.createServer(serve).listen(3000, 'localhost', 511, () => {});`,
            },
          ],
        },
      ],
    },
    {
      name: 'listen({ port }) gets a host property, inline, and beside the port when spanning lines',
      code: `import http from 'node:http';
const server = http.createServer((req, res) => res.end('ok'));
server.listen({ port: 3000 });
server.listen({
  port: 3001,
  exclusive: true,
});`,
      output: `import http from 'node:http';
const server = http.createServer((req, res) => res.end('ok'));
server.listen({ port: 3000, host: '127.0.0.1' });
server.listen({
  port: 3001,
  host: '127.0.0.1',
  exclusive: true,
});`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on a `node:http` server',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import http from 'node:http';
const server = http.createServer((req, res) => res.end('ok'));
server.listen({ port: 3000, host: process.env.HOST ?? '127.0.0.1' });
server.listen({
  port: 3001,
  exclusive: true,
});`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import http from 'node:http';
const server = http.createServer((req, res) => res.end('ok'));
server.listen({ port: 3000, host: '::1' });
server.listen({
  port: 3001,
  exclusive: true,
});`,
            },
            {
              messageId: 'useLocalhost',
              output: `import http from 'node:http';
const server = http.createServer((req, res) => res.end('ok'));
server.listen({ port: 3000, host: 'localhost' });
server.listen({
  port: 3001,
  exclusive: true,
});`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on a `node:http` server',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 4,
          column: 8,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import http from 'node:http';
const server = http.createServer((req, res) => res.end('ok'));
server.listen({ port: 3000 });
server.listen({
  port: 3001,
  host: process.env.HOST ?? '127.0.0.1',
  exclusive: true,
});`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import http from 'node:http';
const server = http.createServer((req, res) => res.end('ok'));
server.listen({ port: 3000 });
server.listen({
  port: 3001,
  host: '::1',
  exclusive: true,
});`,
            },
            {
              messageId: 'useLocalhost',
              output: `import http from 'node:http';
const server = http.createServer((req, res) => res.end('ok'));
server.listen({ port: 3000 });
server.listen({
  port: 3001,
  host: 'localhost',
  exclusive: true,
});`,
            },
          ],
        },
      ],
    },
    {
      name: "explicit '0.0.0.0', '::', '' and undefined",
      code: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, '0.0.0.0');
http.createServer(app).listen(3001, '::');
app.listen(3002, '');
app.listen(3003, undefined, () => {});
http.createServer(app).listen({ port: 3004, host: '0.0.0.0' });`,
      output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, '127.0.0.1');
http.createServer(app).listen(3001, '127.0.0.1');
app.listen(3002, '127.0.0.1');
app.listen(3003, '127.0.0.1', () => {});
http.createServer(app).listen({ port: 3004, host: '127.0.0.1' });`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, process.env.HOST ?? '127.0.0.1');
http.createServer(app).listen(3001, '::');
app.listen(3002, '');
app.listen(3003, undefined, () => {});
http.createServer(app).listen({ port: 3004, host: '0.0.0.0' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, '::1');
http.createServer(app).listen(3001, '::');
app.listen(3002, '');
app.listen(3003, undefined, () => {});
http.createServer(app).listen({ port: 3004, host: '0.0.0.0' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, 'localhost');
http.createServer(app).listen(3001, '::');
app.listen(3002, '');
app.listen(3003, undefined, () => {});
http.createServer(app).listen({ port: 3004, host: '0.0.0.0' });`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host', values: "`'::'`" },
          line: 5,
          column: 37,
          endLine: 5,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, '0.0.0.0');
http.createServer(app).listen(3001, process.env.HOST ?? '127.0.0.1');
app.listen(3002, '');
app.listen(3003, undefined, () => {});
http.createServer(app).listen({ port: 3004, host: '0.0.0.0' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, '0.0.0.0');
http.createServer(app).listen(3001, '::1');
app.listen(3002, '');
app.listen(3003, undefined, () => {});
http.createServer(app).listen({ port: 3004, host: '0.0.0.0' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, '0.0.0.0');
http.createServer(app).listen(3001, 'localhost');
app.listen(3002, '');
app.listen(3003, undefined, () => {});
http.createServer(app).listen({ port: 3004, host: '0.0.0.0' });`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`''`" },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, '0.0.0.0');
http.createServer(app).listen(3001, '::');
app.listen(3002, process.env.HOST ?? '127.0.0.1');
app.listen(3003, undefined, () => {});
http.createServer(app).listen({ port: 3004, host: '0.0.0.0' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, '0.0.0.0');
http.createServer(app).listen(3001, '::');
app.listen(3002, '::1');
app.listen(3003, undefined, () => {});
http.createServer(app).listen({ port: 3004, host: '0.0.0.0' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, '0.0.0.0');
http.createServer(app).listen(3001, '::');
app.listen(3002, 'localhost');
app.listen(3003, undefined, () => {});
http.createServer(app).listen({ port: 3004, host: '0.0.0.0' });`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', values: '`undefined`' },
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, '0.0.0.0');
http.createServer(app).listen(3001, '::');
app.listen(3002, '');
app.listen(3003, process.env.HOST ?? '127.0.0.1', () => {});
http.createServer(app).listen({ port: 3004, host: '0.0.0.0' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, '0.0.0.0');
http.createServer(app).listen(3001, '::');
app.listen(3002, '');
app.listen(3003, '::1', () => {});
http.createServer(app).listen({ port: 3004, host: '0.0.0.0' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, '0.0.0.0');
http.createServer(app).listen(3001, '::');
app.listen(3002, '');
app.listen(3003, 'localhost', () => {});
http.createServer(app).listen({ port: 3004, host: '0.0.0.0' });`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 8,
          column: 45,
          endLine: 8,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, '0.0.0.0');
http.createServer(app).listen(3001, '::');
app.listen(3002, '');
app.listen(3003, undefined, () => {});
http.createServer(app).listen({ port: 3004, host: process.env.HOST ?? '127.0.0.1' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, '0.0.0.0');
http.createServer(app).listen(3001, '::');
app.listen(3002, '');
app.listen(3003, undefined, () => {});
http.createServer(app).listen({ port: 3004, host: '::1' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
import http from 'node:http';
const app = express();
http.createServer(app).listen(3000, '0.0.0.0');
http.createServer(app).listen(3001, '::');
app.listen(3002, '');
app.listen(3003, undefined, () => {});
http.createServer(app).listen({ port: 3004, host: 'localhost' });`,
            },
          ],
        },
      ],
    },
    {
      name: "a ?? '0.0.0.0' fallback is reported and fixed in the constant it is written in",
      code: `import express from 'express';
const PORT = Number(process.env.PORT ?? 3000);
const HOST = process.env.HOST ?? '0.0.0.0';
const app = express();
app.listen(PORT, HOST, () => {
  console.log(\`listening on http://\${HOST}:\${PORT}\`);
});`,
      output: `import express from 'express';
const PORT = Number(process.env.PORT ?? 3000);
const HOST = process.env.HOST ?? '127.0.0.1';
const app = express();
app.listen(PORT, HOST, () => {
  console.log(\`listening on http://\${HOST}:\${PORT}\`);
});`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 3,
          column: 34,
          endLine: 3,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
const PORT = Number(process.env.PORT ?? 3000);
const HOST = process.env.HOST ?? '::1';
const app = express();
app.listen(PORT, HOST, () => {
  console.log(\`listening on http://\${HOST}:\${PORT}\`);
});`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
const PORT = Number(process.env.PORT ?? 3000);
const HOST = process.env.HOST ?? 'localhost';
const app = express();
app.listen(PORT, HOST, () => {
  console.log(\`listening on http://\${HOST}:\${PORT}\`);
});`,
            },
          ],
        },
      ],
    },
    {
      name: "an inline || '::' fallback",
      code: `import express from 'express';
express().use(api).listen(3000, process.env.HOST || '::');`,
      output: `import express from 'express';
express().use(api).listen(3000, process.env.HOST || '127.0.0.1');`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`'::'`" },
          line: 2,
          column: 33,
          endLine: 2,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
express().use(api).listen(3000, process.env.HOST || '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
express().use(api).listen(3000, process.env.HOST || 'localhost');`,
            },
          ],
        },
      ],
    },
    {
      name: 'a default parameter and a destructured default are reported where they are written',
      code: `import express from 'express';
const { HOST = '0.0.0.0' } = process.env;
const app = express();
app.listen(3000, HOST);
export function start(port = 3000, host = '0.0.0.0') {
  return app.listen(port, host);
}`,
      output: `import express from 'express';
const { HOST = '127.0.0.1' } = process.env;
const app = express();
app.listen(3000, HOST);
export function start(port = 3000, host = '127.0.0.1') {
  return app.listen(port, host);
}`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
const { HOST = '::1' } = process.env;
const app = express();
app.listen(3000, HOST);
export function start(port = 3000, host = '0.0.0.0') {
  return app.listen(port, host);
}`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
const { HOST = 'localhost' } = process.env;
const app = express();
app.listen(3000, HOST);
export function start(port = 3000, host = '0.0.0.0') {
  return app.listen(port, host);
}`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 5,
          column: 43,
          endLine: 5,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
const { HOST = '0.0.0.0' } = process.env;
const app = express();
app.listen(3000, HOST);
export function start(port = 3000, host = '::1') {
  return app.listen(port, host);
}`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
const { HOST = '0.0.0.0' } = process.env;
const app = express();
app.listen(3000, HOST);
export function start(port = 3000, host = 'localhost') {
  return app.listen(port, host);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a ternary keeps its loopback branch',
      code: `import express from 'express';
const inDocker = process.env.DOCKER === '1';
express().use(api).listen(3000, inDocker ? '0.0.0.0' : '127.0.0.1');`,
      output: `import express from 'express';
const inDocker = process.env.DOCKER === '1';
express().use(api).listen(3000, inDocker ? '127.0.0.1' : '127.0.0.1');`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
const inDocker = process.env.DOCKER === '1';
express().use(api).listen(3000, inDocker ? '::1' : '127.0.0.1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
const inDocker = process.env.DOCKER === '1';
express().use(api).listen(3000, inDocker ? 'localhost' : '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: 'options in a config object and spread from another object',
      code: `import http from 'node:http';
const config = { listen: { port: 3000, host: '::' } };
http.createServer(serve).listen(config.listen);
const base = { host: '0.0.0.0' };
http.createServer(serve).listen({ ...base, port: 3001 });`,
      output: `import http from 'node:http';
const config = { listen: { port: 3000, host: '127.0.0.1' } };
http.createServer(serve).listen(config.listen);
const base = { host: '127.0.0.1' };
http.createServer(serve).listen({ ...base, port: 3001 });`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host', values: "`'::'`" },
          line: 2,
          column: 40,
          endLine: 2,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import http from 'node:http';
const config = { listen: { port: 3000, host: process.env.HOST ?? '127.0.0.1' } };
http.createServer(serve).listen(config.listen);
const base = { host: '0.0.0.0' };
http.createServer(serve).listen({ ...base, port: 3001 });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import http from 'node:http';
const config = { listen: { port: 3000, host: '::1' } };
http.createServer(serve).listen(config.listen);
const base = { host: '0.0.0.0' };
http.createServer(serve).listen({ ...base, port: 3001 });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import http from 'node:http';
const config = { listen: { port: 3000, host: 'localhost' } };
http.createServer(serve).listen(config.listen);
const base = { host: '0.0.0.0' };
http.createServer(serve).listen({ ...base, port: 3001 });`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import http from 'node:http';
const config = { listen: { port: 3000, host: '::' } };
http.createServer(serve).listen(config.listen);
const base = { host: process.env.HOST ?? '127.0.0.1' };
http.createServer(serve).listen({ ...base, port: 3001 });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import http from 'node:http';
const config = { listen: { port: 3000, host: '::' } };
http.createServer(serve).listen(config.listen);
const base = { host: '::1' };
http.createServer(serve).listen({ ...base, port: 3001 });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import http from 'node:http';
const config = { listen: { port: 3000, host: '::' } };
http.createServer(serve).listen(config.listen);
const base = { host: 'localhost' };
http.createServer(serve).listen({ ...base, port: 3001 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a named non-loopback address gets suggestions and no autofix',
      code: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen({ port: 3001, host: 'my-laptop.local' });`,
      output: null,
      errors: [
        {
          messageId: 'nonLoopbackHost',
          data: { api: '`app.listen()` of Express', values: "`'192.168.1.10'`" },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: `import express from 'express';
const app = express();
app.listen(3000, '127.0.0.1');
app.listen({ port: 3001, host: 'my-laptop.local' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
const app = express();
app.listen(3000, '::1');
app.listen({ port: 3001, host: 'my-laptop.local' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
const app = express();
app.listen(3000, 'localhost');
app.listen({ port: 3001, host: 'my-laptop.local' });`,
            },
          ],
        },
        {
          messageId: 'nonLoopbackHost',
          data: { api: '`app.listen()` of Express', values: "`'my-laptop.local'`" },
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen({ port: 3001, host: '127.0.0.1' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen({ port: 3001, host: '::1' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen({ port: 3001, host: 'localhost' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'new http.Server and http.Server() without new',
      code: `import * as http from 'http';
new http.Server(serve).listen(3000);
http.Server((req, res) => res.end()).listen(3001);`,
      output: `import * as http from 'http';
new http.Server(serve).listen(3000, '127.0.0.1');
http.Server((req, res) => res.end()).listen(3001, '127.0.0.1');`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on a `node:http` server',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import * as http from 'http';
new http.Server(serve).listen(3000, process.env.HOST ?? '127.0.0.1');
http.Server((req, res) => res.end()).listen(3001);`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import * as http from 'http';
new http.Server(serve).listen(3000, '::1');
http.Server((req, res) => res.end()).listen(3001);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import * as http from 'http';
new http.Server(serve).listen(3000, 'localhost');
http.Server((req, res) => res.end()).listen(3001);`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on a `node:http` server',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 3,
          column: 38,
          endLine: 3,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import * as http from 'http';
new http.Server(serve).listen(3000);
http.Server((req, res) => res.end()).listen(3001, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import * as http from 'http';
new http.Server(serve).listen(3000);
http.Server((req, res) => res.end()).listen(3001, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import * as http from 'http';
new http.Server(serve).listen(3000);
http.Server((req, res) => res.end()).listen(3001, 'localhost');`,
            },
          ],
        },
      ],
    },
    {
      name: 'https, http2 and net servers',
      code: `import https from 'node:https';
import { createSecureServer } from 'node:http2';
import * as net from 'node:net';
import express from 'express';
const app = express();
https.createServer({ key: '', cert: '' }, app).listen(443);
createSecureServer({}, serve).listen(8443, '0.0.0.0');
net.createServer((socket) => socket.end()).listen(7000);`,
      output: `import https from 'node:https';
import { createSecureServer } from 'node:http2';
import * as net from 'node:net';
import express from 'express';
const app = express();
https.createServer({ key: '', cert: '' }, app).listen(443, '127.0.0.1');
createSecureServer({}, serve).listen(8443, '127.0.0.1');
net.createServer((socket) => socket.end()).listen(7000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on a `node:https` server',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 6,
          column: 48,
          endLine: 6,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import https from 'node:https';
import { createSecureServer } from 'node:http2';
import * as net from 'node:net';
import express from 'express';
const app = express();
https.createServer({ key: '', cert: '' }, app).listen(443, process.env.HOST ?? '127.0.0.1');
createSecureServer({}, serve).listen(8443, '0.0.0.0');
net.createServer((socket) => socket.end()).listen(7000);`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import https from 'node:https';
import { createSecureServer } from 'node:http2';
import * as net from 'node:net';
import express from 'express';
const app = express();
https.createServer({ key: '', cert: '' }, app).listen(443, '::1');
createSecureServer({}, serve).listen(8443, '0.0.0.0');
net.createServer((socket) => socket.end()).listen(7000);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import https from 'node:https';
import { createSecureServer } from 'node:http2';
import * as net from 'node:net';
import express from 'express';
const app = express();
https.createServer({ key: '', cert: '' }, app).listen(443, 'localhost');
createSecureServer({}, serve).listen(8443, '0.0.0.0');
net.createServer((socket) => socket.end()).listen(7000);`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http2` server', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 7,
          column: 44,
          endLine: 7,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import https from 'node:https';
import { createSecureServer } from 'node:http2';
import * as net from 'node:net';
import express from 'express';
const app = express();
https.createServer({ key: '', cert: '' }, app).listen(443);
createSecureServer({}, serve).listen(8443, process.env.HOST ?? '127.0.0.1');
net.createServer((socket) => socket.end()).listen(7000);`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import https from 'node:https';
import { createSecureServer } from 'node:http2';
import * as net from 'node:net';
import express from 'express';
const app = express();
https.createServer({ key: '', cert: '' }, app).listen(443);
createSecureServer({}, serve).listen(8443, '::1');
net.createServer((socket) => socket.end()).listen(7000);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import https from 'node:https';
import { createSecureServer } from 'node:http2';
import * as net from 'node:net';
import express from 'express';
const app = express();
https.createServer({ key: '', cert: '' }, app).listen(443);
createSecureServer({}, serve).listen(8443, 'localhost');
net.createServer((socket) => socket.end()).listen(7000);`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on a `node:net` server',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 8,
          column: 44,
          endLine: 8,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import https from 'node:https';
import { createSecureServer } from 'node:http2';
import * as net from 'node:net';
import express from 'express';
const app = express();
https.createServer({ key: '', cert: '' }, app).listen(443);
createSecureServer({}, serve).listen(8443, '0.0.0.0');
net.createServer((socket) => socket.end()).listen(7000, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import https from 'node:https';
import { createSecureServer } from 'node:http2';
import * as net from 'node:net';
import express from 'express';
const app = express();
https.createServer({ key: '', cert: '' }, app).listen(443);
createSecureServer({}, serve).listen(8443, '0.0.0.0');
net.createServer((socket) => socket.end()).listen(7000, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import https from 'node:https';
import { createSecureServer } from 'node:http2';
import * as net from 'node:net';
import express from 'express';
const app = express();
https.createServer({ key: '', cert: '' }, app).listen(443);
createSecureServer({}, serve).listen(8443, '0.0.0.0');
net.createServer((socket) => socket.end()).listen(7000, 'localhost');`,
            },
          ],
        },
      ],
    },
    {
      name: "a server chained through .on('error') and held in variables",
      code: `import http from 'node:http';
const onError = (error: Error) => console.error(error);
http
  .createServer((req, res) => res.end('ok'))
  .on('error', onError)
  .listen(3000);
const server = http.createServer();
const httpServer = server;
httpServer.listen(3001, () => console.log('up'));`,
      output: `import http from 'node:http';
const onError = (error: Error) => console.error(error);
http
  .createServer((req, res) => res.end('ok'))
  .on('error', onError)
  .listen(3000, '127.0.0.1');
const server = http.createServer();
const httpServer = server;
httpServer.listen(3001, '127.0.0.1', () => console.log('up'));`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on a `node:http` server',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 6,
          column: 4,
          endLine: 6,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import http from 'node:http';
const onError = (error: Error) => console.error(error);
http
  .createServer((req, res) => res.end('ok'))
  .on('error', onError)
  .listen(3000, process.env.HOST ?? '127.0.0.1');
const server = http.createServer();
const httpServer = server;
httpServer.listen(3001, () => console.log('up'));`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import http from 'node:http';
const onError = (error: Error) => console.error(error);
http
  .createServer((req, res) => res.end('ok'))
  .on('error', onError)
  .listen(3000, '::1');
const server = http.createServer();
const httpServer = server;
httpServer.listen(3001, () => console.log('up'));`,
            },
            {
              messageId: 'useLocalhost',
              output: `import http from 'node:http';
const onError = (error: Error) => console.error(error);
http
  .createServer((req, res) => res.end('ok'))
  .on('error', onError)
  .listen(3000, 'localhost');
const server = http.createServer();
const httpServer = server;
httpServer.listen(3001, () => console.log('up'));`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on a `node:http` server',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import http from 'node:http';
const onError = (error: Error) => console.error(error);
http
  .createServer((req, res) => res.end('ok'))
  .on('error', onError)
  .listen(3000);
const server = http.createServer();
const httpServer = server;
httpServer.listen(3001, process.env.HOST ?? '127.0.0.1', () => console.log('up'));`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import http from 'node:http';
const onError = (error: Error) => console.error(error);
http
  .createServer((req, res) => res.end('ok'))
  .on('error', onError)
  .listen(3000);
const server = http.createServer();
const httpServer = server;
httpServer.listen(3001, '::1', () => console.log('up'));`,
            },
            {
              messageId: 'useLocalhost',
              output: `import http from 'node:http';
const onError = (error: Error) => console.error(error);
http
  .createServer((req, res) => res.end('ok'))
  .on('error', onError)
  .listen(3000);
const server = http.createServer();
const httpServer = server;
httpServer.listen(3001, 'localhost', () => console.log('up'));`,
            },
          ],
        },
      ],
    },
    {
      name: 'express().use(...) chains, computed listen and an as-cast',
      code: `import express, { type Express } from 'express';
const app = express();
express().use(express.json()).listen(3000);
app['listen'](3001);
(app as Express).listen(3002);`,
      output: `import express, { type Express } from 'express';
const app = express();
express().use(express.json()).listen(3000, '127.0.0.1');
app['listen'](3001, '127.0.0.1');
(app as Express).listen(3002, '127.0.0.1');`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`app.listen()` of Express',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 3,
          column: 31,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import express, { type Express } from 'express';
const app = express();
express().use(express.json()).listen(3000, process.env.HOST ?? '127.0.0.1');
app['listen'](3001);
(app as Express).listen(3002);`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express, { type Express } from 'express';
const app = express();
express().use(express.json()).listen(3000, '::1');
app['listen'](3001);
(app as Express).listen(3002);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express, { type Express } from 'express';
const app = express();
express().use(express.json()).listen(3000, 'localhost');
app['listen'](3001);
(app as Express).listen(3002);`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: {
            api: '`app.listen()` of Express',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import express, { type Express } from 'express';
const app = express();
express().use(express.json()).listen(3000);
app['listen'](3001, process.env.HOST ?? '127.0.0.1');
(app as Express).listen(3002);`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express, { type Express } from 'express';
const app = express();
express().use(express.json()).listen(3000);
app['listen'](3001, '::1');
(app as Express).listen(3002);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express, { type Express } from 'express';
const app = express();
express().use(express.json()).listen(3000);
app['listen'](3001, 'localhost');
(app as Express).listen(3002);`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: {
            api: '`app.listen()` of Express',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import express, { type Express } from 'express';
const app = express();
express().use(express.json()).listen(3000);
app['listen'](3001);
(app as Express).listen(3002, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express, { type Express } from 'express';
const app = express();
express().use(express.json()).listen(3000);
app['listen'](3001);
(app as Express).listen(3002, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express, { type Express } from 'express';
const app = express();
express().use(express.json()).listen(3000);
app['listen'](3001);
(app as Express).listen(3002, 'localhost');`,
            },
          ],
        },
      ],
    },
    {
      name: 'Koa without a host and with an all-interface host',
      code: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  ctx.body = 'ok';
});
app.listen(3000);
new Koa().use(api).listen(3001, '0.0.0.0', () => {});`,
      output: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  ctx.body = 'ok';
});
app.listen(3000, '127.0.0.1');
new Koa().use(api).listen(3001, '127.0.0.1', () => {});`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`app.listen()` of Koa',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  ctx.body = 'ok';
});
app.listen(3000, process.env.HOST ?? '127.0.0.1');
new Koa().use(api).listen(3001, '0.0.0.0', () => {});`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  ctx.body = 'ok';
});
app.listen(3000, '::1');
new Koa().use(api).listen(3001, '0.0.0.0', () => {});`,
            },
            {
              messageId: 'useLocalhost',
              output: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  ctx.body = 'ok';
});
app.listen(3000, 'localhost');
new Koa().use(api).listen(3001, '0.0.0.0', () => {});`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Koa', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 7,
          column: 33,
          endLine: 7,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  ctx.body = 'ok';
});
app.listen(3000);
new Koa().use(api).listen(3001, process.env.HOST ?? '127.0.0.1', () => {});`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  ctx.body = 'ok';
});
app.listen(3000);
new Koa().use(api).listen(3001, '::1', () => {});`,
            },
            {
              messageId: 'useLocalhost',
              output: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  ctx.body = 'ok';
});
app.listen(3000);
new Koa().use(api).listen(3001, 'localhost', () => {});`,
            },
          ],
        },
      ],
    },
    {
      name: 'connect',
      code: `import connect from 'connect';
connect().use((req, res) => res.end('ok')).listen(3000);`,
      output: `import connect from 'connect';
connect().use((req, res) => res.end('ok')).listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`app.listen()` of connect',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 2,
          column: 44,
          endLine: 2,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import connect from 'connect';
connect().use((req, res) => res.end('ok')).listen(3000, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import connect from 'connect';
connect().use((req, res) => res.end('ok')).listen(3000, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import connect from 'connect';
connect().use((req, res) => res.end('ok')).listen(3000, 'localhost');`,
            },
          ],
        },
      ],
    },
    {
      name: 'createMcpExpressApp of the SDK v1 and v2: its host option does not bind',
      code: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { createMcpExpressApp as createV2App } from '@modelcontextprotocol/express';
const app = createMcpExpressApp({ host: '127.0.0.1' });
app.listen(3000, () => console.log('up'));
createV2App().use(api).listen(3001);`,
      output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { createMcpExpressApp as createV2App } from '@modelcontextprotocol/express';
const app = createMcpExpressApp({ host: '127.0.0.1' });
app.listen(3000, '127.0.0.1', () => console.log('up'));
createV2App().use(api).listen(3001, '127.0.0.1');`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`app.listen()` on the Express app of `createMcpExpressApp()`',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { createMcpExpressApp as createV2App } from '@modelcontextprotocol/express';
const app = createMcpExpressApp({ host: '127.0.0.1' });
app.listen(3000, process.env.HOST ?? '127.0.0.1', () => console.log('up'));
createV2App().use(api).listen(3001);`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { createMcpExpressApp as createV2App } from '@modelcontextprotocol/express';
const app = createMcpExpressApp({ host: '127.0.0.1' });
app.listen(3000, '::1', () => console.log('up'));
createV2App().use(api).listen(3001);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { createMcpExpressApp as createV2App } from '@modelcontextprotocol/express';
const app = createMcpExpressApp({ host: '127.0.0.1' });
app.listen(3000, 'localhost', () => console.log('up'));
createV2App().use(api).listen(3001);`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: {
            api: '`app.listen()` on the Express app of `createMcpExpressApp()`',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { createMcpExpressApp as createV2App } from '@modelcontextprotocol/express';
const app = createMcpExpressApp({ host: '127.0.0.1' });
app.listen(3000, () => console.log('up'));
createV2App().use(api).listen(3001, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { createMcpExpressApp as createV2App } from '@modelcontextprotocol/express';
const app = createMcpExpressApp({ host: '127.0.0.1' });
app.listen(3000, () => console.log('up'));
createV2App().use(api).listen(3001, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { createMcpExpressApp as createV2App } from '@modelcontextprotocol/express';
const app = createMcpExpressApp({ host: '127.0.0.1' });
app.listen(3000, () => console.log('up'));
createV2App().use(api).listen(3001, 'localhost');`,
            },
          ],
        },
      ],
    },
    {
      name: '@hono/node-server serve without a hostname',
      code: `import { serve } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
serve(
  {
    fetch: app.fetch,
    port: 3000,
  },
  (info) => console.log(\`listening on port \${info.port}\`),
);
serve({ fetch: app.fetch, port: 3001, hostname: '0.0.0.0' });`,
      output: `import { serve } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
serve(
  {
    fetch: app.fetch,
    port: 3000,
    hostname: '127.0.0.1',
  },
  (info) => console.log(\`listening on port \${info.port}\`),
);
serve({ fetch: app.fetch, port: 3001, hostname: '127.0.0.1' });`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`serve()` from `@hono/node-server`',
            hostLabel: '`hostname`',
            binding: "Node's default is `::`",
          },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { serve } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
serve(
  {
    fetch: app.fetch,
    port: 3000,
    hostname: process.env.HOST ?? '127.0.0.1',
  },
  (info) => console.log(\`listening on port \${info.port}\`),
);
serve({ fetch: app.fetch, port: 3001, hostname: '0.0.0.0' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { serve } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
serve(
  {
    fetch: app.fetch,
    port: 3000,
    hostname: '::1',
  },
  (info) => console.log(\`listening on port \${info.port}\`),
);
serve({ fetch: app.fetch, port: 3001, hostname: '0.0.0.0' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { serve } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
serve(
  {
    fetch: app.fetch,
    port: 3000,
    hostname: 'localhost',
  },
  (info) => console.log(\`listening on port \${info.port}\`),
);
serve({ fetch: app.fetch, port: 3001, hostname: '0.0.0.0' });`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`serve()` from `@hono/node-server`', hostLabel: '`hostname`', values: "`'0.0.0.0'`" },
          line: 11,
          column: 39,
          endLine: 11,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { serve } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
serve(
  {
    fetch: app.fetch,
    port: 3000,
  },
  (info) => console.log(\`listening on port \${info.port}\`),
);
serve({ fetch: app.fetch, port: 3001, hostname: process.env.HOST ?? '127.0.0.1' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { serve } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
serve(
  {
    fetch: app.fetch,
    port: 3000,
  },
  (info) => console.log(\`listening on port \${info.port}\`),
);
serve({ fetch: app.fetch, port: 3001, hostname: '::1' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { serve } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
serve(
  {
    fetch: app.fetch,
    port: 3000,
  },
  (info) => console.log(\`listening on port \${info.port}\`),
);
serve({ fetch: app.fetch, port: 3001, hostname: 'localhost' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'serve(app) with a Hono app passed whole',
      code: `import { serve } from '@hono/node-server';
import { createMcpHonoApp } from '@modelcontextprotocol/hono';
const app = createMcpHonoApp();
serve(app);`,
      output: `import { serve } from '@hono/node-server';
import { createMcpHonoApp } from '@modelcontextprotocol/hono';
const app = createMcpHonoApp();
serve({ fetch: app.fetch, hostname: '127.0.0.1' });`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`serve()` from `@hono/node-server`',
            hostLabel: '`hostname`',
            binding: "Node's default is `::`",
          },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { serve } from '@hono/node-server';
import { createMcpHonoApp } from '@modelcontextprotocol/hono';
const app = createMcpHonoApp();
serve({ fetch: app.fetch, hostname: process.env.HOST ?? '127.0.0.1' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { serve } from '@hono/node-server';
import { createMcpHonoApp } from '@modelcontextprotocol/hono';
const app = createMcpHonoApp();
serve({ fetch: app.fetch, hostname: '::1' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { serve } from '@hono/node-server';
import { createMcpHonoApp } from '@modelcontextprotocol/hono';
const app = createMcpHonoApp();
serve({ fetch: app.fetch, hostname: 'localhost' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'createAdaptorServer returns a Node server that listens like one',
      code: `import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
const server = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1' });
server.listen(3000);`,
      output: `import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
const server = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1' });
server.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on the server of `createAdaptorServer()`',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 5,
          column: 8,
          endLine: 5,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
const server = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1' });
server.listen(3000, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
const server = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1' });
server.listen(3000, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
const server = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1' });
server.listen(3000, 'localhost');`,
            },
          ],
        },
      ],
    },
    {
      name: "Bun.serve defaults to 0.0.0.0, and serve from 'bun' too",
      code: `import { serve } from 'bun';
const fetch = (request: Request) => new Response('ok');
Bun.serve({ fetch, port: 3000 });
Bun.serve({ fetch, port: 3001, hostname: '0.0.0.0' });
serve({ fetch });`,
      output: `import { serve } from 'bun';
const fetch = (request: Request) => new Response('ok');
Bun.serve({ fetch, port: 3000, hostname: '127.0.0.1' });
Bun.serve({ fetch, port: 3001, hostname: '127.0.0.1' });
serve({ fetch, hostname: '127.0.0.1' });`,
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`Bun.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { serve } from 'bun';
const fetch = (request: Request) => new Response('ok');
Bun.serve({ fetch, port: 3000, hostname: process.env.HOST ?? '127.0.0.1' });
Bun.serve({ fetch, port: 3001, hostname: '0.0.0.0' });
serve({ fetch });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { serve } from 'bun';
const fetch = (request: Request) => new Response('ok');
Bun.serve({ fetch, port: 3000, hostname: '::1' });
Bun.serve({ fetch, port: 3001, hostname: '0.0.0.0' });
serve({ fetch });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { serve } from 'bun';
const fetch = (request: Request) => new Response('ok');
Bun.serve({ fetch, port: 3000, hostname: 'localhost' });
Bun.serve({ fetch, port: 3001, hostname: '0.0.0.0' });
serve({ fetch });`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`Bun.serve()`', hostLabel: '`hostname`', values: "`'0.0.0.0'`" },
          line: 4,
          column: 32,
          endLine: 4,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { serve } from 'bun';
const fetch = (request: Request) => new Response('ok');
Bun.serve({ fetch, port: 3000 });
Bun.serve({ fetch, port: 3001, hostname: process.env.HOST ?? '127.0.0.1' });
serve({ fetch });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { serve } from 'bun';
const fetch = (request: Request) => new Response('ok');
Bun.serve({ fetch, port: 3000 });
Bun.serve({ fetch, port: 3001, hostname: '::1' });
serve({ fetch });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { serve } from 'bun';
const fetch = (request: Request) => new Response('ok');
Bun.serve({ fetch, port: 3000 });
Bun.serve({ fetch, port: 3001, hostname: 'localhost' });
serve({ fetch });`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: { api: '`Bun.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { serve } from 'bun';
const fetch = (request: Request) => new Response('ok');
Bun.serve({ fetch, port: 3000 });
Bun.serve({ fetch, port: 3001, hostname: '0.0.0.0' });
serve({ fetch, hostname: process.env.HOST ?? '127.0.0.1' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { serve } from 'bun';
const fetch = (request: Request) => new Response('ok');
Bun.serve({ fetch, port: 3000 });
Bun.serve({ fetch, port: 3001, hostname: '0.0.0.0' });
serve({ fetch, hostname: '::1' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { serve } from 'bun';
const fetch = (request: Request) => new Response('ok');
Bun.serve({ fetch, port: 3000 });
Bun.serve({ fetch, port: 3001, hostname: '0.0.0.0' });
serve({ fetch, hostname: 'localhost' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'Deno.serve defaults to 0.0.0.0 in each of its forms',
      code: `import { Hono } from 'hono';
const app = new Hono();
Deno.serve((request) => new Response('ok'));
Deno.serve({ port: 8000 }, (request) => new Response('ok'));
Deno.serve({ port: 8001, handler: (request) => new Response('ok') });
Deno.serve(app.fetch);
Deno.serve({ hostname: '0.0.0.0' }, app.fetch);`,
      output: `import { Hono } from 'hono';
const app = new Hono();
Deno.serve({ hostname: '127.0.0.1' }, (request) => new Response('ok'));
Deno.serve({ port: 8000, hostname: '127.0.0.1' }, (request) => new Response('ok'));
Deno.serve({ port: 8001, handler: (request) => new Response('ok'), hostname: '127.0.0.1' });
Deno.serve({ hostname: '127.0.0.1' }, app.fetch);
Deno.serve({ hostname: '127.0.0.1' }, app.fetch);`,
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`Deno.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useIpv6Loopback',
              output: `import { Hono } from 'hono';
const app = new Hono();
Deno.serve({ hostname: '::1' }, (request) => new Response('ok'));
Deno.serve({ port: 8000 }, (request) => new Response('ok'));
Deno.serve({ port: 8001, handler: (request) => new Response('ok') });
Deno.serve(app.fetch);
Deno.serve({ hostname: '0.0.0.0' }, app.fetch);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { Hono } from 'hono';
const app = new Hono();
Deno.serve({ hostname: 'localhost' }, (request) => new Response('ok'));
Deno.serve({ port: 8000 }, (request) => new Response('ok'));
Deno.serve({ port: 8001, handler: (request) => new Response('ok') });
Deno.serve(app.fetch);
Deno.serve({ hostname: '0.0.0.0' }, app.fetch);`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: { api: '`Deno.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 4,
          column: 6,
          endLine: 4,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useIpv6Loopback',
              output: `import { Hono } from 'hono';
const app = new Hono();
Deno.serve((request) => new Response('ok'));
Deno.serve({ port: 8000, hostname: '::1' }, (request) => new Response('ok'));
Deno.serve({ port: 8001, handler: (request) => new Response('ok') });
Deno.serve(app.fetch);
Deno.serve({ hostname: '0.0.0.0' }, app.fetch);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { Hono } from 'hono';
const app = new Hono();
Deno.serve((request) => new Response('ok'));
Deno.serve({ port: 8000, hostname: 'localhost' }, (request) => new Response('ok'));
Deno.serve({ port: 8001, handler: (request) => new Response('ok') });
Deno.serve(app.fetch);
Deno.serve({ hostname: '0.0.0.0' }, app.fetch);`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: { api: '`Deno.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 5,
          column: 6,
          endLine: 5,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useIpv6Loopback',
              output: `import { Hono } from 'hono';
const app = new Hono();
Deno.serve((request) => new Response('ok'));
Deno.serve({ port: 8000 }, (request) => new Response('ok'));
Deno.serve({ port: 8001, handler: (request) => new Response('ok'), hostname: '::1' });
Deno.serve(app.fetch);
Deno.serve({ hostname: '0.0.0.0' }, app.fetch);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { Hono } from 'hono';
const app = new Hono();
Deno.serve((request) => new Response('ok'));
Deno.serve({ port: 8000 }, (request) => new Response('ok'));
Deno.serve({ port: 8001, handler: (request) => new Response('ok'), hostname: 'localhost' });
Deno.serve(app.fetch);
Deno.serve({ hostname: '0.0.0.0' }, app.fetch);`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: { api: '`Deno.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 6,
          column: 6,
          endLine: 6,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useIpv6Loopback',
              output: `import { Hono } from 'hono';
const app = new Hono();
Deno.serve((request) => new Response('ok'));
Deno.serve({ port: 8000 }, (request) => new Response('ok'));
Deno.serve({ port: 8001, handler: (request) => new Response('ok') });
Deno.serve({ hostname: '::1' }, app.fetch);
Deno.serve({ hostname: '0.0.0.0' }, app.fetch);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { Hono } from 'hono';
const app = new Hono();
Deno.serve((request) => new Response('ok'));
Deno.serve({ port: 8000 }, (request) => new Response('ok'));
Deno.serve({ port: 8001, handler: (request) => new Response('ok') });
Deno.serve({ hostname: 'localhost' }, app.fetch);
Deno.serve({ hostname: '0.0.0.0' }, app.fetch);`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`Deno.serve()`', hostLabel: '`hostname`', values: "`'0.0.0.0'`" },
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useIpv6Loopback',
              output: `import { Hono } from 'hono';
const app = new Hono();
Deno.serve((request) => new Response('ok'));
Deno.serve({ port: 8000 }, (request) => new Response('ok'));
Deno.serve({ port: 8001, handler: (request) => new Response('ok') });
Deno.serve(app.fetch);
Deno.serve({ hostname: '::1' }, app.fetch);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { Hono } from 'hono';
const app = new Hono();
Deno.serve((request) => new Response('ok'));
Deno.serve({ port: 8000 }, (request) => new Response('ok'));
Deno.serve({ port: 8001, handler: (request) => new Response('ok') });
Deno.serve(app.fetch);
Deno.serve({ hostname: 'localhost' }, app.fetch);`,
            },
          ],
        },
      ],
    },
    {
      name: 'Fastify with an all-interface host, inline or as a fallback',
      code: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
await app.listen({ port: 3000, host: '0.0.0.0' });
await app.listen({ port: 3001, host: '::' });
await app.listen({ port: 3002, host: '' });
await app.listen({ port: 3003, host: process.env.HOST ?? '0.0.0.0' });`,
      output: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
await app.listen({ port: 3000, host: '127.0.0.1' });
await app.listen({ port: 3001, host: '127.0.0.1' });
await app.listen({ port: 3002, host: '127.0.0.1' });
await app.listen({ port: 3003, host: process.env.HOST ?? '127.0.0.1' });`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`fastify.listen()`', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
await app.listen({ port: 3000, host: process.env.HOST ?? '127.0.0.1' });
await app.listen({ port: 3001, host: '::' });
await app.listen({ port: 3002, host: '' });
await app.listen({ port: 3003, host: process.env.HOST ?? '0.0.0.0' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
await app.listen({ port: 3000, host: '::1' });
await app.listen({ port: 3001, host: '::' });
await app.listen({ port: 3002, host: '' });
await app.listen({ port: 3003, host: process.env.HOST ?? '0.0.0.0' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
await app.listen({ port: 3000, host: 'localhost' });
await app.listen({ port: 3001, host: '::' });
await app.listen({ port: 3002, host: '' });
await app.listen({ port: 3003, host: process.env.HOST ?? '0.0.0.0' });`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`fastify.listen()`', hostLabel: 'host', values: "`'::'`" },
          line: 4,
          column: 32,
          endLine: 4,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
await app.listen({ port: 3000, host: '0.0.0.0' });
await app.listen({ port: 3001, host: process.env.HOST ?? '127.0.0.1' });
await app.listen({ port: 3002, host: '' });
await app.listen({ port: 3003, host: process.env.HOST ?? '0.0.0.0' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
await app.listen({ port: 3000, host: '0.0.0.0' });
await app.listen({ port: 3001, host: '::1' });
await app.listen({ port: 3002, host: '' });
await app.listen({ port: 3003, host: process.env.HOST ?? '0.0.0.0' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
await app.listen({ port: 3000, host: '0.0.0.0' });
await app.listen({ port: 3001, host: 'localhost' });
await app.listen({ port: 3002, host: '' });
await app.listen({ port: 3003, host: process.env.HOST ?? '0.0.0.0' });`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`fastify.listen()`', hostLabel: 'host', values: "`''`" },
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
await app.listen({ port: 3000, host: '0.0.0.0' });
await app.listen({ port: 3001, host: '::' });
await app.listen({ port: 3002, host: process.env.HOST ?? '127.0.0.1' });
await app.listen({ port: 3003, host: process.env.HOST ?? '0.0.0.0' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
await app.listen({ port: 3000, host: '0.0.0.0' });
await app.listen({ port: 3001, host: '::' });
await app.listen({ port: 3002, host: '::1' });
await app.listen({ port: 3003, host: process.env.HOST ?? '0.0.0.0' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
await app.listen({ port: 3000, host: '0.0.0.0' });
await app.listen({ port: 3001, host: '::' });
await app.listen({ port: 3002, host: 'localhost' });
await app.listen({ port: 3003, host: process.env.HOST ?? '0.0.0.0' });`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`fastify.listen()`', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 6,
          column: 32,
          endLine: 6,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useIpv6Loopback',
              output: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
await app.listen({ port: 3000, host: '0.0.0.0' });
await app.listen({ port: 3001, host: '::' });
await app.listen({ port: 3002, host: '' });
await app.listen({ port: 3003, host: process.env.HOST ?? '::1' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
await app.listen({ port: 3000, host: '0.0.0.0' });
await app.listen({ port: 3001, host: '::' });
await app.listen({ port: 3002, host: '' });
await app.listen({ port: 3003, host: process.env.HOST ?? 'localhost' });`,
            },
          ],
        },
      ],
    },
    {
      name: "Fastify 4's deprecated listen(port, host)",
      code: `import Fastify from 'fastify';
const app = Fastify();
app.listen(3000, '0.0.0.0', (err) => {
  if (err) throw err;
});`,
      ...esm,
      output: `import Fastify from 'fastify';
const app = Fastify();
app.listen(3000, '127.0.0.1', (err) => {
  if (err) throw err;
});`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`fastify.listen()`', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import Fastify from 'fastify';
const app = Fastify();
app.listen(3000, process.env.HOST ?? '127.0.0.1', (err) => {
  if (err) throw err;
});`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import Fastify from 'fastify';
const app = Fastify();
app.listen(3000, '::1', (err) => {
  if (err) throw err;
});`,
            },
            {
              messageId: 'useLocalhost',
              output: `import Fastify from 'fastify';
const app = Fastify();
app.listen(3000, 'localhost', (err) => {
  if (err) throw err;
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS express through require',
      code: `'use strict';
const express = require('express');
const app = express();
const port = process.env.PORT || 3000;
app.listen(port, () => {
  console.log(\`listening on port \${port}\`);
});`,
      ...commonjs,
      output: `'use strict';
const express = require('express');
const app = express();
const port = process.env.PORT || 3000;
app.listen(port, '127.0.0.1', () => {
  console.log(\`listening on port \${port}\`);
});`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`app.listen()` of Express',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `'use strict';
const express = require('express');
const app = express();
const port = process.env.PORT || 3000;
app.listen(port, process.env.HOST ?? '127.0.0.1', () => {
  console.log(\`listening on port \${port}\`);
});`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `'use strict';
const express = require('express');
const app = express();
const port = process.env.PORT || 3000;
app.listen(port, '::1', () => {
  console.log(\`listening on port \${port}\`);
});`,
            },
            {
              messageId: 'useLocalhost',
              output: `'use strict';
const express = require('express');
const app = express();
const port = process.env.PORT || 3000;
app.listen(port, 'localhost', () => {
  console.log(\`listening on port \${port}\`);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS destructured createServer from node:http',
      code: `const { createServer } = require('node:http');
const server = createServer((req, res) => {
  res.end('ok');
});
server.listen(process.env.PORT);`,
      ...commonjs,
      output: `const { createServer } = require('node:http');
const server = createServer((req, res) => {
  res.end('ok');
});
server.listen(process.env.PORT, '127.0.0.1');`,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on a `node:http` server',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 5,
          column: 8,
          endLine: 5,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `const { createServer } = require('node:http');
const server = createServer((req, res) => {
  res.end('ok');
});
server.listen(process.env.PORT, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `const { createServer } = require('node:http');
const server = createServer((req, res) => {
  res.end('ok');
});
server.listen(process.env.PORT, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `const { createServer } = require('node:http');
const server = createServer((req, res) => {
  res.end('ok');
});
server.listen(process.env.PORT, 'localhost');`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS Fastify called in place',
      code: `const fastify = require('fastify')({ logger: true });
fastify.listen({ port: 3000, host: '0.0.0.0' }, (err) => {
  if (err) throw err;
});`,
      ...commonjs,
      output: `const fastify = require('fastify')({ logger: true });
fastify.listen({ port: 3000, host: '127.0.0.1' }, (err) => {
  if (err) throw err;
});`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`fastify.listen()`', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `const fastify = require('fastify')({ logger: true });
fastify.listen({ port: 3000, host: process.env.HOST ?? '127.0.0.1' }, (err) => {
  if (err) throw err;
});`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `const fastify = require('fastify')({ logger: true });
fastify.listen({ port: 3000, host: '::1' }, (err) => {
  if (err) throw err;
});`,
            },
            {
              messageId: 'useLocalhost',
              output: `const fastify = require('fastify')({ logger: true });
fastify.listen({ port: 3000, host: 'localhost' }, (err) => {
  if (err) throw err;
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'ESM JavaScript node:http and Koa',
      code: `import { createServer } from 'node:http';
import Koa from 'koa';
createServer((req, res) => res.end('ok')).listen(3000, '0.0.0.0');
new Koa().use(api).listen(3001);`,
      ...esm,
      output: `import { createServer } from 'node:http';
import Koa from 'koa';
createServer((req, res) => res.end('ok')).listen(3000, '127.0.0.1');
new Koa().use(api).listen(3001, '127.0.0.1');`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 3,
          column: 56,
          endLine: 3,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { createServer } from 'node:http';
import Koa from 'koa';
createServer((req, res) => res.end('ok')).listen(3000, process.env.HOST ?? '127.0.0.1');
new Koa().use(api).listen(3001);`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { createServer } from 'node:http';
import Koa from 'koa';
createServer((req, res) => res.end('ok')).listen(3000, '::1');
new Koa().use(api).listen(3001);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { createServer } from 'node:http';
import Koa from 'koa';
createServer((req, res) => res.end('ok')).listen(3000, 'localhost');
new Koa().use(api).listen(3001);`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: {
            api: '`app.listen()` of Koa',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { createServer } from 'node:http';
import Koa from 'koa';
createServer((req, res) => res.end('ok')).listen(3000, '0.0.0.0');
new Koa().use(api).listen(3001, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { createServer } from 'node:http';
import Koa from 'koa';
createServer((req, res) => res.end('ok')).listen(3000, '0.0.0.0');
new Koa().use(api).listen(3001, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { createServer } from 'node:http';
import Koa from 'koa';
createServer((req, res) => res.end('ok')).listen(3000, '0.0.0.0');
new Koa().use(api).listen(3001, 'localhost');`,
            },
          ],
        },
      ],
    },
    {
      name: 'allowedHosts allows the hosts it lists, not every interface or a missing host',
      code: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen(3001, '10.0.0.5');
app.listen(3002, '0.0.0.0');
app.listen(3003);`,
      options: [{ allowedHosts: ['192.168.1.10'] }],
      output: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen(3001, '10.0.0.5');
app.listen(3002, '127.0.0.1');
app.listen(3003, '127.0.0.1');`,
      errors: [
        {
          messageId: 'nonLoopbackHost',
          data: { api: '`app.listen()` of Express', values: "`'10.0.0.5'`" },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen(3001, '127.0.0.1');
app.listen(3002, '0.0.0.0');
app.listen(3003);`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen(3001, '::1');
app.listen(3002, '0.0.0.0');
app.listen(3003);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen(3001, 'localhost');
app.listen(3002, '0.0.0.0');
app.listen(3003);`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen(3001, '10.0.0.5');
app.listen(3002, process.env.HOST ?? '127.0.0.1');
app.listen(3003);`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen(3001, '10.0.0.5');
app.listen(3002, '::1');
app.listen(3003);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen(3001, '10.0.0.5');
app.listen(3002, 'localhost');
app.listen(3003);`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: {
            api: '`app.listen()` of Express',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen(3001, '10.0.0.5');
app.listen(3002, '0.0.0.0');
app.listen(3003, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen(3001, '10.0.0.5');
app.listen(3002, '0.0.0.0');
app.listen(3003, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
const app = express();
app.listen(3000, '192.168.1.10');
app.listen(3001, '10.0.0.5');
app.listen(3002, '0.0.0.0');
app.listen(3003, 'localhost');`,
            },
          ],
        },
      ],
    },
    {
      name: 'reportUnknownHosts: an environment variable with no fallback',
      code: `import express from 'express';
import Fastify from 'fastify';
const HOST = process.env.HOST;
express().use(api).listen(3000, HOST, () => {});
express().use(api).listen(3001, process.env.BIND_ADDRESS);
await Fastify().register(api).listen({ port: 3002, host: process.env.HOST });`,
      options: [{ reportUnknownHosts: true }],
      output: null,
      errors: [
        {
          messageId: 'unknownHost',
          data: { api: '`app.listen()` of Express', hostLabel: 'host' },
          line: 4,
          column: 33,
          endLine: 4,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useLoopbackFallback',
              output: `import express from 'express';
import Fastify from 'fastify';
const HOST = process.env.HOST;
express().use(api).listen(3000, HOST ?? '127.0.0.1', () => {});
express().use(api).listen(3001, process.env.BIND_ADDRESS);
await Fastify().register(api).listen({ port: 3002, host: process.env.HOST });`,
            },
          ],
        },
        {
          messageId: 'unknownHost',
          data: { api: '`app.listen()` of Express', hostLabel: 'host' },
          line: 5,
          column: 33,
          endLine: 5,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useLoopbackFallback',
              output: `import express from 'express';
import Fastify from 'fastify';
const HOST = process.env.HOST;
express().use(api).listen(3000, HOST, () => {});
express().use(api).listen(3001, process.env.BIND_ADDRESS ?? '127.0.0.1');
await Fastify().register(api).listen({ port: 3002, host: process.env.HOST });`,
            },
          ],
        },
        {
          messageId: 'unknownHost',
          data: { api: '`fastify.listen()`', hostLabel: 'host' },
          line: 6,
          column: 52,
          endLine: 6,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'useLoopbackFallback',
              output: `import express from 'express';
import Fastify from 'fastify';
const HOST = process.env.HOST;
express().use(api).listen(3000, HOST, () => {});
express().use(api).listen(3001, process.env.BIND_ADDRESS);
await Fastify().register(api).listen({ port: 3002, host: process.env.HOST ?? '127.0.0.1' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'reportUnknownHosts: a parameter, and options and a handler from another file',
      code: `import http from 'node:http';
import { serve } from '@hono/node-server';
import { handler, listenOptions, serveOptions } from './config';
export function start(port: number, host: string) {
  http.createServer(serve).listen(port, host);
}
http.createServer(serve).listen({ ...listenOptions, exclusive: true });
serve(serveOptions);
Deno.serve(handler);`,
      options: [{ reportUnknownHosts: true }],
      output: null,
      errors: [
        {
          messageId: 'unknownHost',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host' },
          line: 5,
          column: 41,
          endLine: 5,
          endColumn: 45,
          suggestions: [],
        },
        {
          messageId: 'unknownHost',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host' },
          line: 7,
          column: 26,
          endLine: 7,
          endColumn: 32,
          suggestions: [],
        },
        {
          messageId: 'unknownHost',
          data: { api: '`serve()` from `@hono/node-server`', hostLabel: '`hostname`' },
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 6,
          suggestions: [],
        },
        {
          messageId: 'unknownHost',
          data: { api: '`Deno.serve()`', hostLabel: '`hostname`' },
          line: 9,
          column: 6,
          endLine: 9,
          endColumn: 11,
          suggestions: [],
        },
      ],
    },
  ]),
});

// By default, the fail-closed change (deny the origin, require the token, bind loopback) is no
// autofix: it is the first suggestion, next to the others, as it can stop a client that works today.
ruleTester.run('require-loopback-host: by default, the fail-closed change is the first suggestion', rule, {
  valid: [],
  invalid: [
    {
      name: 'by default, 127.0.0.1 is the first suggestion and the host from the environment the second',
      code: `import express from 'express';
const app = express();
app.listen(3000, () => console.log('listening'));`,
      output: null,
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', binding: "Node's default is `::`" },
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: `import express from 'express';
const app = express();
app.listen(3000, '127.0.0.1', () => console.log('listening'));`,
            },
            {
              messageId: 'useHostFromEnvironment',
              output: `import express from 'express';
const app = express();
app.listen(3000, process.env.HOST ?? '127.0.0.1', () => console.log('listening'));`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
const app = express();
app.listen(3000, '::1', () => console.log('listening'));`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
const app = express();
app.listen(3000, 'localhost', () => console.log('listening'));`,
            },
          ],
        },
      ],
    },
    {
      name: "a value narrowed to a number (`typeof target === 'number'`) is a port",
      code: NARROWED_PORT,
      output: null,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on a `node:http` server',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 4,
          column: 42,
          endLine: 4,
          endColumn: 48,
          suggestions: (
            [
              ['useIpv4Loopback', "'127.0.0.1'"],
              ['useHostFromEnvironment', "process.env.HOST ?? '127.0.0.1'"],
              ['useIpv6Loopback', "'::1'"],
              ['useLocalhost', "'localhost'"],
            ] as const
          ).map(([messageId, host]) => ({
            messageId,
            output: NARROWED_PORT.replace('server.listen(target)', `server.listen(target, ${host})`),
          })),
        },
      ],
    },
    {
      name: 'by default, a literal host argument gets the same suggestions',
      code: `import http from 'node:http';
http.createServer(serve).listen(3000, '0.0.0.0');`,
      output: null,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 2,
          column: 39,
          endLine: 2,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: `import http from 'node:http';
http.createServer(serve).listen(3000, '127.0.0.1');`,
            },
            {
              messageId: 'useHostFromEnvironment',
              output: `import http from 'node:http';
http.createServer(serve).listen(3000, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import http from 'node:http';
http.createServer(serve).listen(3000, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import http from 'node:http';
http.createServer(serve).listen(3000, 'localhost');`,
            },
          ],
        },
      ],
    },
    {
      name: 'by default, a host option written in the call, and a fallback that gets no environment suggestion',
      code: `import Fastify from 'fastify';
const app = Fastify();
await app.listen({ port: 3000, host: '0.0.0.0' });
await app.listen({ port: 3001, host: process.env.HOST ?? '0.0.0.0' });`,
      output: null,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`fastify.listen()`', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: `import Fastify from 'fastify';
const app = Fastify();
await app.listen({ port: 3000, host: '127.0.0.1' });
await app.listen({ port: 3001, host: process.env.HOST ?? '0.0.0.0' });`,
            },
            {
              messageId: 'useHostFromEnvironment',
              output: `import Fastify from 'fastify';
const app = Fastify();
await app.listen({ port: 3000, host: process.env.HOST ?? '127.0.0.1' });
await app.listen({ port: 3001, host: process.env.HOST ?? '0.0.0.0' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import Fastify from 'fastify';
const app = Fastify();
await app.listen({ port: 3000, host: '::1' });
await app.listen({ port: 3001, host: process.env.HOST ?? '0.0.0.0' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import Fastify from 'fastify';
const app = Fastify();
await app.listen({ port: 3000, host: 'localhost' });
await app.listen({ port: 3001, host: process.env.HOST ?? '0.0.0.0' });`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: '`fastify.listen()`', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 4,
          column: 32,
          endLine: 4,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: `import Fastify from 'fastify';
const app = Fastify();
await app.listen({ port: 3000, host: '0.0.0.0' });
await app.listen({ port: 3001, host: process.env.HOST ?? '127.0.0.1' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import Fastify from 'fastify';
const app = Fastify();
await app.listen({ port: 3000, host: '0.0.0.0' });
await app.listen({ port: 3001, host: process.env.HOST ?? '::1' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import Fastify from 'fastify';
const app = Fastify();
await app.listen({ port: 3000, host: '0.0.0.0' });
await app.listen({ port: 3001, host: process.env.HOST ?? 'localhost' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'by default, a hostname added to the options of serve() and Bun.serve(), not to Deno.serve()',
      code: `import { serve } from '@hono/node-server';
serve({ fetch: app.fetch, port: 3000 });
Bun.serve({ fetch: handler, port: 3001 });
Deno.serve({ port: 8000 }, handler);`,
      output: null,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`serve()` from `@hono/node-server`',
            hostLabel: '`hostname`',
            binding: "Node's default is `::`",
          },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: `import { serve } from '@hono/node-server';
serve({ fetch: app.fetch, port: 3000, hostname: '127.0.0.1' });
Bun.serve({ fetch: handler, port: 3001 });
Deno.serve({ port: 8000 }, handler);`,
            },
            {
              messageId: 'useHostFromEnvironment',
              output: `import { serve } from '@hono/node-server';
serve({ fetch: app.fetch, port: 3000, hostname: process.env.HOST ?? '127.0.0.1' });
Bun.serve({ fetch: handler, port: 3001 });
Deno.serve({ port: 8000 }, handler);`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { serve } from '@hono/node-server';
serve({ fetch: app.fetch, port: 3000, hostname: '::1' });
Bun.serve({ fetch: handler, port: 3001 });
Deno.serve({ port: 8000 }, handler);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { serve } from '@hono/node-server';
serve({ fetch: app.fetch, port: 3000, hostname: 'localhost' });
Bun.serve({ fetch: handler, port: 3001 });
Deno.serve({ port: 8000 }, handler);`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: { api: '`Bun.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: `import { serve } from '@hono/node-server';
serve({ fetch: app.fetch, port: 3000 });
Bun.serve({ fetch: handler, port: 3001, hostname: '127.0.0.1' });
Deno.serve({ port: 8000 }, handler);`,
            },
            {
              messageId: 'useHostFromEnvironment',
              output: `import { serve } from '@hono/node-server';
serve({ fetch: app.fetch, port: 3000 });
Bun.serve({ fetch: handler, port: 3001, hostname: process.env.HOST ?? '127.0.0.1' });
Deno.serve({ port: 8000 }, handler);`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { serve } from '@hono/node-server';
serve({ fetch: app.fetch, port: 3000 });
Bun.serve({ fetch: handler, port: 3001, hostname: '::1' });
Deno.serve({ port: 8000 }, handler);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { serve } from '@hono/node-server';
serve({ fetch: app.fetch, port: 3000 });
Bun.serve({ fetch: handler, port: 3001, hostname: 'localhost' });
Deno.serve({ port: 8000 }, handler);`,
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: { api: '`Deno.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 4,
          column: 6,
          endLine: 4,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: `import { serve } from '@hono/node-server';
serve({ fetch: app.fetch, port: 3000 });
Bun.serve({ fetch: handler, port: 3001 });
Deno.serve({ port: 8000, hostname: '127.0.0.1' }, handler);`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { serve } from '@hono/node-server';
serve({ fetch: app.fetch, port: 3000 });
Bun.serve({ fetch: handler, port: 3001 });
Deno.serve({ port: 8000, hostname: '::1' }, handler);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { serve } from '@hono/node-server';
serve({ fetch: app.fetch, port: 3000 });
Bun.serve({ fetch: handler, port: 3001 });
Deno.serve({ port: 8000, hostname: 'localhost' }, handler);`,
            },
          ],
        },
      ],
    },
    {
      name: 'by default, a host constant written elsewhere in the file gets no environment suggestion',
      code: `import express from 'express';
const HOST = '0.0.0.0';
express().use(api).listen(3000, HOST);`,
      output: null,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: `import express from 'express';
const HOST = '127.0.0.1';
express().use(api).listen(3000, HOST);`,
            },
            {
              messageId: 'useHostFromEnvironment',
              output: `import express from 'express';
const HOST = process.env.HOST ?? '127.0.0.1';
express().use(api).listen(3000, HOST);`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from 'express';
const HOST = '::1';
express().use(api).listen(3000, HOST);`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from 'express';
const HOST = 'localhost';
express().use(api).listen(3000, HOST);`,
            },
          ],
        },
      ],
    },
    {
      name: 'by default, CommonJS',
      ...commonjs,
      code: `const http = require('node:http');
http.createServer(serve).listen(3000);`,
      output: null,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on a `node:http` server',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: `const http = require('node:http');
http.createServer(serve).listen(3000, '127.0.0.1');`,
            },
            {
              messageId: 'useHostFromEnvironment',
              output: `const http = require('node:http');
http.createServer(serve).listen(3000, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `const http = require('node:http');
http.createServer(serve).listen(3000, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `const http = require('node:http');
http.createServer(serve).listen(3000, 'localhost');`,
            },
          ],
        },
      ],
    },
  ],
});

// A server the analysis can show serves no MCP (src/analysis/mcp-scope.ts) is not this rule's: the
// file never says MCP, reaches no MCP package, makes every app it routes, which nothing else can
// reach, and handles every route itself. Anything short of that may serve MCP and is reported.
const MONITORING_ROUTES = `app.get('/health', (req, res) => res.json({ ok: true }));
app.get('/metrics', (req, res) => res.type('text/plain').send('requests_total 1'));`;

/** The loopback suggestions for a `'0.0.0.0'` host, the fail-closed `127.0.0.1` first. */
function loopbackSuggestions(code: string) {
  const hosts = {
    useIpv4Loopback: "'127.0.0.1'",
    useHostFromEnvironment: "process.env.HOST ?? '127.0.0.1'",
    useIpv6Loopback: "'::1'",
    useLocalhost: "'localhost'",
  } as const;
  return (Object.keys(hosts) as (keyof typeof hosts)[]).map((messageId) => ({
    messageId,
    output: code.replace("'0.0.0.0'", hosts[messageId]),
  }));
}

const rpcByHand = `import http from 'node:http';

const server = http.createServer(async (req, res) => {
  if (req.method === 'POST' && req.url === '/rpc') {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const message = JSON.parse(raw);
    if (message.method === 'tools/call') {
      res.end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result: { content: [] } }));
      return;
    }
  }
  res.writeHead(404).end();
});
server.listen(7431, '0.0.0.0');`;

const EVERY_INTERFACE_EXPRESS = {
  messageId: 'everyInterface',
  data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`'0.0.0.0'`" },
} as const;

const localApp = `import express from 'express';

const app = express();
app.use(express.json());
${MONITORING_ROUTES}
app.listen(9100, '0.0.0.0');`;
const mentionsMcp = `import express from 'express';

const app = express();
${MONITORING_ROUTES}
app.listen(9100, '0.0.0.0', () => console.log('metrics of the MCP server on :9100'));`;
/** The same, with a route at an MCP path (`/sse`) that a handler of the file answers. */
const loggedWithMcpPath = mentionsMcp.replace(
  'app.listen(',
  "app.get('/sse', (req, res) => res.type('text/event-stream').end());\napp.listen(",
);
const mcpInComment = `import express from 'express';

// Metrics of the MCP server, on a port of their own.
const app = express();
${MONITORING_ROUTES}
app.listen(9100, '0.0.0.0');`;
const proxiedInComment = `import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';

// Exposes the local MCP server to the other machines of the network.
const app = express();
app.all('/gateway', createProxyMiddleware({ target: 'http://127.0.0.1:4000' }));
app.listen(8080, '0.0.0.0');`;
const exportedApp = `import express from 'express';

export const app = express();
${MONITORING_ROUTES}
app.listen(9100, '0.0.0.0');`;
const handedApp = `import express from 'express';
import { addRoutes } from './routes';

const app = express();
${MONITORING_ROUTES}
addRoutes(app);
app.listen(9100, '0.0.0.0');`;
const publicField = `import express, { type Express } from 'express';

export class Monitor {
  app: Express = express();

  start() {
    this.app.get('/health', (req, res) => res.json({ ok: true }));
    this.app.listen(9100, '0.0.0.0');
  }
}`;
const importedHandler = `import express from 'express';
import { handleStatus } from './status';

const app = express();
app.get('/status', handleStatus);
app.listen(9100, '0.0.0.0');`;

/** A mock of a REST API whose comment names MCP, its routes on a router the file mounts at `path`. */
const ROUTER_IN_COMMENTED_FILE = (path: string): string => `import express from 'express';

/** A mock of the billing API, which the MCP server under test calls. */
const app = express();
const router = express.Router();
router.get('/invoices', (_req, res) => res.json([]));
router.post('/invoices', (_req, res) => res.status(201).json({ id: 'inv_1' }));
app.use(${path}, router);
app.listen(4010, '0.0.0.0');`;

ruleTester.run('require-loopback-host: servers that serve no MCP', rule, {
  valid: [
    { name: 'a monitoring app that names MCP only in what it logs, like a comment', code: mentionsMcp },
    {
      name: "a Fastify service that logs a failed start through the app's own logger (`app.log`)",
      code: `import Fastify from 'fastify';

const app = Fastify({ logger: true });
app.get('/healthz', async () => ({ ok: true, uptime: process.uptime() }));
try {
  await app.listen({ port: 8787, host: '0.0.0.0' });
} catch (error) {
  app.log.error(error);
  process.exit(1);
}`,
    },
    {
      name: 'a web app whose routes are on a router the file mounts at a constant path',
      code: `import { createServer } from 'node:http';
import express from 'express';

const app = express();
const router = express.Router();
router.post('/threads/:id/send', (req, res) => {
  res.json({ sent: true });
});
app.use('/api', router);
createServer(app).listen(3000, '0.0.0.0');`,
    },
    { name: 'a monitoring app made, routed and started in one file that never says MCP', code: localApp },
    { name: 'the same app in a file that says MCP in a comment only', code: mcpInComment },
    {
      // A comment may describe a bridge the code hides; a router of the file shows its routes.
      name: 'a router the file mounts, in a file that says MCP in a comment only',
      code: ROUTER_IN_COMMENTED_FILE("'/api'"),
    },
    {
      name: 'the same app in a private class field, only called on',
      code: `import express, { type Express, type Request, type Response } from 'express';

export class Monitor {
  private app?: Express;
  #server?: ReturnType<Express['listen']>;

  start(port: number) {
    this.app = express();
    this.app.get('/ready', (req: Request, res: Response) => res.json({ ready: true }));
    this.#server = this.app!.listen(port);
  }
}`,
    },
    {
      name: 'a file that says MCP in a comment only, whose middleware comes from packages that hand every request on',
      code: `import express from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import morgan from 'morgan';

// The sign-in page of the MCP dashboard's dev setup.
const app = express();
app.use(helmet());
app.use(morgan('dev'));
app.use(cookieParser());
app.get('/login', (req, res) => res.send('Sign in'));
app.listen(8080, '0.0.0.0');`,
    },
    {
      name: "a private field's own initializer, whose handler reads the app's `locals`",
      code: `import express from 'express';

export class LoginCallback {
  private app = express();

  constructor(private readonly port: number) {
    this.app.get('/callback', (req, res) => {
      this.app.locals.onCode?.(req.query.code);
      res.send('Signed in: this tab can be closed.');
    });
  }

  start(): void {
    this.app.listen(this.port);
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'the same router mounted at an MCP path',
      code: ROUTER_IN_COMMENTED_FILE("'/mcp'"),
      errors: [
        { ...EVERY_INTERFACE_EXPRESS, line: 9, suggestions: loopbackSuggestions(ROUTER_IN_COMMENTED_FILE("'/mcp'")) },
      ],
    },
    {
      name: 'a file that says MCP in a log line only, with a route at an MCP path, may serve it',
      code: loggedWithMcpPath,
      errors: [{ ...EVERY_INTERFACE_EXPRESS, line: 7, suggestions: loopbackSuggestions(loggedWithMcpPath) }],
    },
    {
      name: 'a file that says MCP in a comment only, with a handler of a package no adapter knows',
      code: proxiedInComment,
      errors: [{ ...EVERY_INTERFACE_EXPRESS, line: 7, suggestions: loopbackSuggestions(proxiedInComment) }],
    },
    {
      name: 'an exported app may be given MCP routes by its importers',
      filename: EXPORTED_APP_FILE,
      code: exportedApp,
      errors: [{ ...EVERY_INTERFACE_EXPRESS, line: 6, suggestions: loopbackSuggestions(exportedApp) }],
    },
    {
      name: 'an app handed to a function of another module may be given MCP routes there',
      code: handedApp,
      errors: [{ ...EVERY_INTERFACE_EXPRESS, line: 8, suggestions: loopbackSuggestions(handedApp) }],
    },
    {
      name: 'an app in a public class field may be given MCP routes by any user of the class',
      code: publicField,
      errors: [{ ...EVERY_INTERFACE_EXPRESS, line: 8, suggestions: loopbackSuggestions(publicField) }],
    },
    {
      name: 'a handler that answers MCP methods by hand at a path of its own (`POST /rpc`), in a file that never says MCP',
      code: rpcByHand,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 15,
          column: 21,
          endLine: 15,
          endColumn: 30,
          suggestions: loopbackSuggestions(rpcByHand),
        },
      ],
    },
    {
      name: 'a route handled by a function of another module may serve MCP',
      code: importedHandler,
      errors: [{ ...EVERY_INTERFACE_EXPRESS, line: 6, suggestions: loopbackSuggestions(importedHandler) }],
    },
  ],
});

// `const host = mode === 'http' ? bindAddress().host : null` read inside `if (mode === 'http')`: the
// branch the test rules out is no value the call can see, and a function that returns one of
// several objects gives the property of each.
const modeServer = (host: string, listen: string): string => `import http from 'node:http';
const mode = process.argv.includes('--http') ? 'http' : 'stdio';
function bindAddress() {
  if (process.env.BIND_ADDRESS) return { host: process.env.BIND_ADDRESS };
  return { host: ${host} };
}
const host = mode === 'http' ? bindAddress().host : null;
${listen}`;

const RETURNED_OBJECT = (written: string): string => `import http from 'node:http';
function bindAddress() {
  if (process.env.PUBLIC) {
    const out = { host: '127.0.0.1' };
    out.host = ${written};
    return out;
  }
  return { host: '127.0.0.1' };
}
http.createServer(serve).listen(3000, bindAddress().host);`;

ruleTester.run('require-loopback-host: values under the test that chose them', rule, {
  valid: [
    {
      name: "a function's returned object that reads its parameter takes this call's argument, not another's",
      code: `import http from 'node:http';
function bindAddress(fallback: string) {
  if (process.env.BIND_ADDRESS) return { host: process.env.BIND_ADDRESS };
  return { host: fallback };
}
const publicAddress = bindAddress('0.0.0.0');
console.log(publicAddress.host);
http.createServer(serve).listen(3000, bindAddress('127.0.0.1').host);`,
    },
    {
      name: 'the loopback branch of a ternary, read where its test holds',
      code: modeServer("'127.0.0.1'", "if (mode === 'http') http.createServer(serve).listen(3000, host!);"),
    },
    {
      name: 'read where a `&&` of its test holds, in an `else` of its negation and after `&&`',
      code: `import http from 'node:http';
const mode = process.env.MCP_TRANSPORT;
const host = mode === 'http' ? '127.0.0.1' : undefined;
const server = http.createServer();
if (mode === 'http' && server) server.listen(3000, host);
if (!(mode === 'http')) {
  console.log('stdio');
} else {
  server.listen(3001, host);
}
mode === 'http' && server.listen(3002, host);
mode !== 'http' ? server.close() : server.listen(3003, host);`,
    },
  ],
  invalid: [
    {
      name: 'the public default of the function that the taken branch calls, named where it is written',
      code: modeServer("'0.0.0.0'", "if (mode === 'http') http.createServer(serve).listen(3000, host!);"),
      output: null,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: modeServer("'127.0.0.1'", "if (mode === 'http') http.createServer(serve).listen(3000, host!);"),
            },
            {
              messageId: 'useIpv6Loopback',
              output: modeServer("'::1'", "if (mode === 'http') http.createServer(serve).listen(3000, host!);"),
            },
            {
              messageId: 'useLocalhost',
              output: modeServer("'localhost'", "if (mode === 'http') http.createServer(serve).listen(3000, host!);"),
            },
          ],
        },
      ],
    },
    {
      name: 'outside the test, both branches: `null` binds every interface',
      code: modeServer("'127.0.0.1'", 'http.createServer(serve).listen(3000, host!);'),
      output: null,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host', values: '`null`' },
          line: 7,
          column: 53,
          endLine: 7,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: modeServer("'127.0.0.1'", 'http.createServer(serve).listen(3000, host!);').replace(
                ': null;',
                ": '127.0.0.1';",
              ),
            },
            {
              messageId: 'useIpv6Loopback',
              output: modeServer("'127.0.0.1'", 'http.createServer(serve).listen(3000, host!);').replace(
                ': null;',
                ": '::1';",
              ),
            },
            {
              messageId: 'useLocalhost',
              output: modeServer("'127.0.0.1'", 'http.createServer(serve).listen(3000, host!);').replace(
                ': null;',
                ": 'localhost';",
              ),
            },
          ],
        },
      ],
    },
    ...[
      {
        name: 'a property of the test written again',
        head: `const config = { http: false };`,
        test: 'config.http',
        between: 'config.http = true;',
      },
      {
        name: 'an imported test, a live binding its module may reassign',
        head: `import { mode, parseArgs } from './config';`,
        test: "mode === 'http'",
        between: 'parseArgs(process.argv);',
      },
      {
        name: "a parameter's property, which the caller's object may change",
        head: `export function start(options: { local: boolean }) {`,
        test: 'options.local',
        between: 'options.local = true;',
        tail: '\n}',
      },
    ].map(({ name, head, test, between, tail = '' }) => {
      const server = (address: string): string => `import http from 'node:http';
${head}
const host = ${test} ? '127.0.0.1' : '${address}';
${between}
if (${test}) http.createServer(serve).listen(3000, host);${tail}`;
      return {
        name,
        code: server('0.0.0.0'),
        output: null,
        errors: [
          {
            messageId: 'everyInterface' as const,
            line: 3,
            suggestions: (
              [
                ['useIpv4Loopback', '127.0.0.1'],
                ['useIpv6Loopback', '::1'],
                ['useLocalhost', 'localhost'],
              ] as const
            ).map(([messageId, address]) => ({ messageId, output: server(address) })),
          },
        ],
      };
    }),
    {
      name: 'a returned object whose property the function writes before it returns it',
      code: RETURNED_OBJECT("'0.0.0.0'"),
      output: null,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 25,
          suggestions: (
            [
              ['useIpv4Loopback', "'127.0.0.1'"],
              ['useIpv6Loopback', "'::1'"],
              ['useLocalhost', "'localhost'"],
            ] as const
          ).map(([messageId, address]) => ({ messageId, output: RETURNED_OBJECT(address) })),
        },
      ],
    },
    {
      name: 'a test whose name is written again may have changed: both branches',
      code: `import http from 'node:http';
let mode = process.env.MCP_TRANSPORT;
const host = mode === 'http' ? '127.0.0.1' : '0.0.0.0';
mode = 'http';
if (mode === 'http') http.createServer(serve).listen(3000, host);`,
      output: null,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 3,
          column: 46,
          endLine: 3,
          endColumn: 55,
          suggestions: (
            [
              ['useIpv4Loopback', '127.0.0.1'],
              ['useIpv6Loopback', '::1'],
              ['useLocalhost', 'localhost'],
            ] as const
          ).map(([messageId, address]) => ({
            messageId,
            output: `import http from 'node:http';
let mode = process.env.MCP_TRANSPORT;
const host = mode === 'http' ? '127.0.0.1' : '${address}';
mode = 'http';
if (mode === 'http') http.createServer(serve).listen(3000, host);`,
          })),
        },
      ],
    },
  ],
});

// An app an async factory makes, started in the callback of the promise it returns.
const THEN_STARTED = (host: string): string => `import express from 'express';

async function makeApp() {
  const app = express();
  app.post('/mcp', (req, res) => res.json({}));
  return app;
}

makeApp().then((app) => app.listen(3000${host}));`;

ruleTester.run('require-loopback-host: an app started in a .then() callback', rule, {
  valid: [{ name: 'bound to loopback', code: THEN_STARTED(", '127.0.0.1'") }],
  invalid: [
    {
      name: 'the callback parameter holds what the promise fulfils with',
      code: THEN_STARTED(''),
      output: null,
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', binding: "Node's default is `::`" },
          line: 9,
          column: 29,
          endLine: 9,
          endColumn: 35,
          suggestions: [
            { messageId: 'useIpv4Loopback', output: THEN_STARTED(", '127.0.0.1'") },
            { messageId: 'useHostFromEnvironment', output: THEN_STARTED(", process.env.HOST ?? '127.0.0.1'") },
            { messageId: 'useIpv6Loopback', output: THEN_STARTED(", '::1'") },
            { messageId: 'useLocalhost', output: THEN_STARTED(", 'localhost'") },
          ],
        },
      ],
    },
  ],
});

// Settings made by a function and handed to the code that starts the server: as an argument, or
// through a constructor into a field (given as a parameter property, or assigned).
const HANDED_SETTINGS = (host: string, kept: 'argument' | 'property' | 'assigned'): string => {
  const head = `import express from 'express';

function loadConfig() {
  return { port: 3000, host: process.env.HOST ?? ${host} };
}
`;
  if (kept === 'argument') {
    return `${head}
function start(config: { port: number; host: string }) {
  const app = express();
  app.post('/mcp', (req, res) => res.json({}));
  app.listen(config.port, config.host);
}

start(loadConfig());`;
  }
  const constructor =
    kept === 'property'
      ? `  constructor(private readonly config: { port: number; host: string }) {
    this.app.post('/mcp', (req, res) => res.json({}));
  }`
      : `  private readonly config: { port: number; host: string };

  constructor(config: { port: number; host: string }) {
    this.config = config;
    this.app.post('/mcp', (req, res) => res.json({}));
  }`;
  return `${head}
class Server {
  private readonly app = express();

${constructor}

  start() {
    this.app.listen(this.config.port, this.config.host);
  }
}

new Server(loadConfig()).start();`;
};

const handedSettingsError = (kept: 'argument' | 'property' | 'assigned') => ({
  messageId: 'everyInterface' as const,
  data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`'0.0.0.0'`" },
  line: 4,
  column: 50,
  endLine: 4,
  endColumn: 59,
  suggestions: [
    { messageId: 'useIpv4Loopback' as const, output: HANDED_SETTINGS("'127.0.0.1'", kept) },
    { messageId: 'useIpv6Loopback' as const, output: HANDED_SETTINGS("'::1'", kept) },
    { messageId: 'useLocalhost' as const, output: HANDED_SETTINGS("'localhost'", kept) },
  ],
});

ruleTester.run('require-loopback-host: a host in settings handed to the code that starts the server', rule, {
  valid: (['argument', 'property', 'assigned'] as const).map((kept) => ({
    name: `loopback by default, given as ${kept === 'argument' ? 'an argument' : `a constructor's ${kept} field`}`,
    code: HANDED_SETTINGS("'127.0.0.1'", kept),
  })),
  invalid: (['argument', 'property', 'assigned'] as const).map((kept) => ({
    name: `every interface by default, given as ${kept === 'argument' ? 'an argument' : `a constructor's ${kept} field`}`,
    code: HANDED_SETTINGS("'0.0.0.0'", kept),
    output: null,
    errors: [handedSettingsError(kept)],
  })),
});

// Settings a plugin keeps in a field: the defaults at first, then the defaults under what the user
// saved, spread into a new object by a method.
const SAVED_SETTINGS = (host: string): string => `import express from 'express';

interface Settings {
  port: number;
  bindAddress: string;
}
declare function readSaved(): Promise<Partial<Settings>>;
const DEFAULTS: Settings = { port: 27125, bindAddress: ${host} };

export class NotesServer {
  settings: Settings = { ...DEFAULTS };

  async loadSettings() {
    this.settings = { ...DEFAULTS, ...(await readSaved()) };
  }

  start() {
    const app = express();
    app.post('/mcp', (req, res) => res.json({}));
    app.listen(this.settings.port, this.settings.bindAddress);
  }
}`;

ruleTester.run('require-loopback-host: a field given the defaults, then the defaults under saved settings', rule, {
  valid: [{ name: 'loopback by default', code: SAVED_SETTINGS("'127.0.0.1'") }],
  invalid: [
    {
      name: 'every interface by default, reported where the default is written',
      code: SAVED_SETTINGS("'0.0.0.0'"),
      output: null,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 8,
          column: 56,
          endLine: 8,
          endColumn: 65,
          suggestions: (
            [
              ['useIpv4Loopback', "'127.0.0.1'"],
              ['useIpv6Loopback', "'::1'"],
              ['useLocalhost', "'localhost'"],
            ] as const
          ).map(([messageId, loopback]) => ({ messageId, output: SAVED_SETTINGS(loopback) })),
        },
      ],
    },
  ],
});

// A server whose own request handler closes it: it catches one request (an OAuth redirect to a
// CLI) and is no service, unless the handler serves MCP.
const ONE_SHOT = (handling: string): string => `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const server = http.createServer(async (req, res) => {
${handling}
  server.close();
});
server.listen(3000);`;

const CATCH_CODE = `  const code = new URL(req.url ?? '/', 'http://localhost').searchParams.get('code');
  res.end(code ? 'Signed in: you can close this window.' : 'No code.');
  console.log('Add the token to your mcpServers config.');`;

// A shutdown route beside a handler that hands every other request to an app: a service.
const SHUTDOWN_ROUTE = (host: string): string => `import http from 'node:http';
import express from 'express';

const app = express();
app.post('/mcp', (req, res) => res.json({}));
const server = http.createServer((req, res) => {
  if (req.url === '/shutdown') {
    res.end('bye');
    server.close();
    return;
  }
  app(req, res);
});
server.listen(3000${host});`;

const SERVES_MCP = ONE_SHOT('  await transport.handleRequest(req, res);');

/** A stdio bridge with a shutdown route: it reads and pipes the request on, a service. */
const PIPED = (host: string): string => `import http from 'node:http';
import { spawn } from 'node:child_process';

const child = spawn('node', ['server.js']);
const server = http.createServer((req, res) => {
  if (req.url === '/shutdown') {
    server.close();
    res.end();
    return;
  }
  req.pipe(child.stdin, { end: false });
  child.stdout.once('data', (chunk) => res.end(chunk));
});
server.listen(3000${host});`;

/** A one-request catcher whose chain adds the requests of an app as well (`listen` on line 12). */
const CHAINED_SECOND_HANDLER = (host: string): string => `import http from 'node:http';
import { app } from './app.js';

const PORT = 8976;

const server = http
  .createServer((req, res) => {
    res.end('Signed in: you can close this tab.');
    server.close();
  })
  .on('request', app)
  .listen(PORT${host});`;

/** A server made with no handler, then given its request handler by `on('request', …)` (`listen` on line 5). */
const ADDED_HANDLER = (handlers: string, host = ''): string => `import http from 'node:http';

export function waitForCode(exchange: (code: string) => Promise<void>): Promise<void> {
  const server = http.createServer();
  server.listen(8976${host});
  return new Promise((resolve) => {
${handlers}
  });
}`;

const CATCHING_LISTENER = `    server.on('request', async (req, res) => {
      const code = new URL(req.url ?? '/', 'http://localhost').searchParams.get('code');
      if (!code) {
        res.end('No code.');
        return;
      }
      await exchange(code);
      res.end('Signed in to the MCP server: you can close this window.');
      server.close();
      resolve();
    });`;

ruleTester.run('require-loopback-host: a server its own request handler closes', rule, {
  valid: [
    {
      name: "a catcher given its handler by `server.on('request', …)` after it is made",
      code: ADDED_HANDLER(CATCHING_LISTENER),
    },
    {
      name: "a catcher given its handler by `server.once('request', …)`",
      code: ADDED_HANDLER(CATCHING_LISTENER.replace("server.on('request'", "server.once('request'")),
    },
    { name: 'an OAuth redirect catcher, whose file names MCP only in what it prints', code: ONE_SHOT(CATCH_CODE) },
    {
      name: 'a catcher that closes once the code has come, after it answers',
      code: `import http from 'node:http';

const server = http.createServer((req, res) => {
  const code = new URL(req.url ?? '/', 'http://localhost').searchParams.get('code');
  if (!code) {
    res.writeHead(400).end('No code.');
    return;
  }
  res.end('Signed in to the MCP server: you can close this window.');
  setTimeout(() => server.close(), 1000);
});
server.listen(8976);`,
    },
    {
      name: 'a catcher made and started in one chain (`listen` hands back the server it closes)',
      code: `import http from 'node:http';

const PORT = 8976;

export function waitForCode(): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = http
      .createServer((req, res) => {
        const code = new URL(req.url ?? '/', 'http://localhost').searchParams.get('code');
        res.end('Signed in: you can close this tab.');
        server.close();
        if (code) resolve(code);
        else reject(new Error('no code'));
      })
      .listen(PORT);
  });
}`,
    },
  ],
  invalid: [
    {
      name: "a catcher chained with a second request handler (`on('request', app)`), a service",
      code: CHAINED_SECOND_HANDLER(''),
      output: null,
      errors: [
        {
          ...nodeDefaultHost(12, CHAINED_SECOND_HANDLER, '`server.listen()` on a `node:http` server'),
          column: 4,
          endColumn: 10,
        },
      ],
    },
    {
      name: "a catcher's `on('request', …)` beside a second request handler, a service",
      code: ADDED_HANDLER(`${CATCHING_LISTENER}\n    server.on('request', (req, res) => res.end('status: up'));`),
      output: null,
      errors: [
        {
          ...nodeDefaultHost(5, (host) =>
            ADDED_HANDLER(`${CATCHING_LISTENER}\n    server.on('request', (req, res) => res.end('status: up'));`, host),
          ),
          column: 10,
          endColumn: 16,
        },
      ],
    },
    {
      name: "a handler added by `on('request', …)` that hands the request on, a service",
      code: ADDED_HANDLER(
        CATCHING_LISTENER.replace('await exchange(code);', 'await exchange(code);\n      relay(req, res);'),
      ),
      output: null,
      errors: [
        {
          ...nodeDefaultHost(5, (host) =>
            ADDED_HANDLER(
              CATCHING_LISTENER.replace('await exchange(code);', 'await exchange(code);\n      relay(req, res);'),
              host,
            ),
          ),
          column: 10,
          endColumn: 16,
        },
      ],
    },
    {
      name: 'a shutdown route beside a handler that pipes the request to a child process',
      code: PIPED(''),
      output: null,
      errors: [nodeDefaultHost(14, PIPED)],
    },
    {
      name: 'a shutdown route beside a handler that hands the other requests on',
      code: SHUTDOWN_ROUTE(''),
      output: null,
      errors: [nodeDefaultHost(14, SHUTDOWN_ROUTE)],
    },
    {
      name: 'a handler that serves MCP is a service whatever it does after',
      code: SERVES_MCP,
      output: null,
      errors: [nodeDefaultHost(9, (host) => SERVES_MCP.replace('server.listen(3000);', `server.listen(3000${host});`))],
    },
  ],
});

/** A node:http server of an MCP file started on a port that a name ending in `sock` holds. */
const WEBSOCK_PORT = (host: string): string => `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const ports = { http: 3000, websock: 3001 };
const server = http.createServer(async (req, res) => {
  await new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res);
});
server.listen(ports.websock${host});`;

ruleTester.run('require-loopback-host: a name that says socket, holding a port', rule, {
  valid: [],
  invalid: [
    {
      name: '`ports.websock` holds 3001: a port, whatever its name says',
      code: WEBSOCK_PORT(''),
      output: null,
      errors: [nodeDefaultHost(8, WEBSOCK_PORT)],
    },
  ],
});

/** A Hono app spread into the server's options: it brings its `fetch`, and no host. */
const SPREAD_APP = (start: string): string => `import { Hono } from 'hono';
import { serve } from '@hono/node-server';

const app = new Hono();
app.get('/', (c) => c.text('ok'));
${start}`;

/** A Hono app and a metrics app served on loopback by `@hono/node-server`, then `exported` (line 10). */
const METRICS_BESIDE = (exported: string): string => `import { Hono } from 'hono';
import { serve } from '@hono/node-server';

const app = new Hono();
app.get('/', (c) => c.text('ok'));
const metrics = new Hono();
metrics.get('/metrics', (c) => c.text('up 1'));
serve({ fetch: metrics.fetch, port: 9100, hostname: '127.0.0.1' });

${exported}`;

/** Bun's default export of a Hono app spread beside a port. */
const BUN_SPREAD = (options: string): string => `import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('ok'));
export default { ...app, ${options} };`;

ruleTester.run('require-loopback-host: a Hono app spread into the server options', rule, {
  valid: [
    {
      name: 'serve() given a loopback hostname beside the app',
      code: SPREAD_APP("serve({ ...app, port: 3000, hostname: '127.0.0.1' });"),
    },
    {
      name: 'options spread from something else may hold a hostname',
      code: SPREAD_APP('serve({ ...app, ...settings, port: 3000 });'),
    },
    {
      // Under Bun the export would be served beside `serve()`, on the same port: no script runs it so.
      name: 'a Bun-style `export default { port, fetch }` in a module that serves the app itself, which no script runs with Bun',
      code: SPREAD_APP(
        "serve({ fetch: app.fetch, port: 3000, hostname: '127.0.0.1' });\n\nexport default { port: 3000, fetch: app.fetch };",
      ),
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a Bun-style export of an app beside a server of another app (metrics on loopback)',
      code: METRICS_BESIDE('export default { port: 3000, fetch: app.fetch };'),
      output: METRICS_BESIDE("export default { port: 3000, fetch: app.fetch, hostname: '127.0.0.1' };"),
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: "Bun's `export default { fetch }`", hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: METRICS_BESIDE(
                "export default { port: 3000, fetch: app.fetch, hostname: process.env.HOST ?? '127.0.0.1' };",
              ),
            },
            {
              messageId: 'useIpv6Loopback',
              output: METRICS_BESIDE("export default { port: 3000, fetch: app.fetch, hostname: '::1' };"),
            },
            {
              messageId: 'useLocalhost',
              output: METRICS_BESIDE("export default { port: 3000, fetch: app.fetch, hostname: 'localhost' };"),
            },
          ],
        },
      ],
    },
    {
      name: "Bun's export default { ...app, port } binds every interface",
      code: BUN_SPREAD('port: 3000'),
      output: BUN_SPREAD("port: 3000, hostname: '127.0.0.1'"),
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: "Bun's `export default { fetch }`", hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: BUN_SPREAD("port: 3000, hostname: process.env.HOST ?? '127.0.0.1'"),
            },
            { messageId: 'useIpv6Loopback', output: BUN_SPREAD("port: 3000, hostname: '::1'") },
            { messageId: 'useLocalhost', output: BUN_SPREAD("port: 3000, hostname: 'localhost'") },
          ],
        },
      ],
    },
    {
      name: 'serve({ ...app, port }) of @hono/node-server binds every interface',
      code: SPREAD_APP('serve({ ...app, port: 3000 });'),
      output: SPREAD_APP("serve({ ...app, port: 3000, hostname: '127.0.0.1' });"),
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`serve()` from `@hono/node-server`',
            hostLabel: '`hostname`',
            binding: "Node's default is `::`",
          },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: SPREAD_APP("serve({ ...app, port: 3000, hostname: process.env.HOST ?? '127.0.0.1' });"),
            },
            { messageId: 'useIpv6Loopback', output: SPREAD_APP("serve({ ...app, port: 3000, hostname: '::1' });") },
            { messageId: 'useLocalhost', output: SPREAD_APP("serve({ ...app, port: 3000, hostname: 'localhost' });") },
          ],
        },
      ],
    },
  ]),
});

/** A server that is `https` when a certificate is configured and `http` otherwise, chosen by `choice`. */
const EITHER_SERVER = (choice: string, listen = 'server.listen(3000);'): string => `import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { handler } from './handler.js';

const cert = process.env.TLS_CERT;
${choice}
${listen}`;

const TERNARY_SERVER =
  'const server = cert ? https.createServer({ cert: readFileSync(cert) }, handler) : http.createServer(handler);';
const ASSIGNED_SERVER = `let server: http.Server;
if (cert) server = https.createServer({ cert: readFileSync(cert) }, handler);
else server = http.createServer(handler);`;

/** The report on `server.listen(3000)` at line `line`, with its suggestions. */
const eitherServerReport = (choice: string, line: number) =>
  nodeDefaultHost(
    line,
    (host) => EITHER_SERVER(choice, `server.listen(3000${host});`),
    '`server.listen()` on a `node:https` or `node:http` server',
  );

ruleTester.run('require-loopback-host: a server chosen at run time', rule, {
  valid: [
    {
      name: 'a ternary of two servers, bound to loopback',
      code: EITHER_SERVER(TERNARY_SERVER, "server.listen(3000, '127.0.0.1');"),
    },
    {
      name: 'a ternary of a server and something else is no server the rule knows',
      code: EITHER_SERVER(
        'const server = cert ? https.createServer({ cert: readFileSync(cert) }, handler) : makeServer();',
      ),
    },
  ],
  invalid: [
    {
      name: 'a ternary of an `https` and an `http` server: either binds every interface',
      code: EITHER_SERVER(TERNARY_SERVER),
      output: null,
      errors: [eitherServerReport(TERNARY_SERVER, 8)],
    },
    {
      name: 'a `let` assigned either server in the branches of an `if`: every assignment counts',
      code: EITHER_SERVER(ASSIGNED_SERVER),
      output: null,
      errors: [eitherServerReport(ASSIGNED_SERVER, 10)],
    },
  ],
});

/** Server options whose host only a spread under a condition sets. */
const SPREAD_HOST = (host: string): string => `import http from 'node:http';
import { handle } from './mcp.js';

const mode = process.env.MODE === 'http' ? 'http' : 'stdio';
const config = { port: 3000, ...(mode === 'http' ? { host: ${host} } : {}) };
http.createServer(handle).listen(config.port, config.host);`;

ruleTester.run('require-loopback-host: a host spread into the options under a condition', rule, {
  valid: [
    {
      name: 'a loopback host in the branch that sets one',
      code: SPREAD_HOST("'127.0.0.1'").replace('{}', "{ host: 'localhost' }"),
    },
  ],
  invalid: [
    {
      name: "`...(mode === 'http' ? { host: '0.0.0.0' } : {})`",
      code: SPREAD_HOST("'0.0.0.0'"),
      output: null,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 5,
          column: 60,
          endLine: 5,
          endColumn: 69,
          suggestions: [
            { messageId: 'useIpv4Loopback', output: SPREAD_HOST("'127.0.0.1'") },
            { messageId: 'useIpv6Loopback', output: SPREAD_HOST("'::1'") },
            { messageId: 'useLocalhost', output: SPREAD_HOST("'localhost'") },
          ],
        },
      ],
    },
  ],
});

/** A settings reader that returns one of three tagged objects; only the `http` one has a host, with `fallback`. */
const TAGGED_SETTINGS = (fallback: string): string => `import { createServer } from 'node:http';
import { handleMcp } from './mcp.js';

type Settings = { mode: 'help' } | { mode: 'stdio' } | { mode: 'http'; host: string; port: number };

function readSettings(argv: string[]): Settings {
  if (argv.includes('--help')) return { mode: 'help' };
  if (!argv.includes('--http')) return { mode: 'stdio' };
  return { mode: 'http', host: process.env.HOST ?? ${fallback}, port: Number(process.env.PORT ?? 3000) };
}

function serveHttp(options: { host: string; port: number }): void {
  createServer(handleMcp).listen(options.port, options.host);
}

const settings = readSettings(process.argv.slice(2));
if (settings.mode === 'help') console.log('usage: server [--http]');
else if (settings.mode !== 'stdio') serveHttp(settings);`;

/** TAGGED_SETTINGS with a reader whose tls-less object binds `host`, served past `picked.tls == null`. */
const LOOSE_NULL = (host: string): string =>
  TAGGED_SETTINGS("'127.0.0.1'")
    .replace(
      "if (settings.mode === 'help') console.log('usage: server [--http]');\nelse if (settings.mode !== 'stdio') serveHttp(settings);",
      '',
    )
    .replace(
      'function readSettings(argv: string[]): Settings {',
      `function pick(argv: string[]): { tls?: { cert: string }; host: string; port: number } {
  if (argv.includes('--tls')) return { tls: { cert: 'cert.pem' }, host: '127.0.0.1', port: 3443 };
  return { host: ${host}, port: 3000 };
}
const picked = pick(process.argv);
if (picked.tls == null) serveHttp(picked);

function readSettings(argv: string[]): Settings {`,
    );

ruleTester.run('require-loopback-host: the objects a tag test rules out', rule, {
  valid: [
    {
      name: 'only the `http` settings reach listen(), past the tests of `mode`: the other objects have no host',
      code: TAGGED_SETTINGS("'127.0.0.1'"),
    },
    {
      name: 'the same, past an early return',
      code: TAGGED_SETTINGS("'127.0.0.1'").replace(
        "if (settings.mode === 'help') console.log('usage: server [--http]');\nelse if (settings.mode !== 'stdio') serveHttp(settings);",
        "function main(): void {\n  if (settings.mode !== 'http') return;\n  serveHttp(settings);\n}\nmain();",
      ),
    },
  ],
  invalid: [
    {
      name: 'a loose test against null: a missing property is `undefined`, which `== null` holds',
      code: LOOSE_NULL("'0.0.0.0'"),
      output: null,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 27,
          suggestions: loopbackHostSuggestions(LOOSE_NULL),
        },
      ],
    },
    {
      name: "the `http` settings' own host is reported where it is written",
      code: TAGGED_SETTINGS("'0.0.0.0'"),
      output: null,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`server.listen()` on a `node:http` server', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 9,
          column: 52,
          endLine: 9,
          endColumn: 61,
          suggestions: [
            { messageId: 'useIpv4Loopback', output: TAGGED_SETTINGS("'127.0.0.1'") },
            { messageId: 'useIpv6Loopback', output: TAGGED_SETTINGS("'::1'") },
            { messageId: 'useLocalhost', output: TAGGED_SETTINGS("'localhost'") },
          ],
        },
      ],
    },
  ],
});

/** A node:http REST server that routes POSTs through a table of its own functions, keyed `key`. */
const TABLE_ROUTED = (
  key: string,
  action = 'async (input) => ({ renamed: input.id })',
): string => `import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

type Action = (input: Record<string, unknown>) => Promise<unknown>;
const actions: Record<string, Action> = {
  '${key}': ${action},
  '/archive-item': async (input) => ({ archived: input.id }),
};

createServer((req: IncomingMessage, res: ServerResponse): void => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const action = req.method === 'POST' ? actions[pathname] : undefined;
  if (!action) return void res.writeHead(404).end();
  void action({}).then((out) => res.end(JSON.stringify(out)));
}).listen(8787);`;

const tableReport = (code: string) => ({
  messageId: 'defaultHost' as const,
  line: 14,
  column: 4,
  endLine: 14,
  endColumn: 10,
  suggestions: [
    { messageId: 'useIpv4Loopback' as const, output: code.replace('.listen(8787)', ".listen(8787, '127.0.0.1')") },
    {
      messageId: 'useHostFromEnvironment' as const,
      output: code.replace('.listen(8787)', ".listen(8787, process.env.HOST ?? '127.0.0.1')"),
    },
    { messageId: 'useIpv6Loopback' as const, output: code.replace('.listen(8787)', ".listen(8787, '::1')") },
    { messageId: 'useLocalhost' as const, output: code.replace('.listen(8787)', ".listen(8787, 'localhost')") },
  ],
});

const WITH_PROXY = TABLE_ROUTED('/rename-item')
  .replace(
    'type Action',
    "import { createProxyServer } from 'http-proxy';\n\nconst proxy = createProxyServer({ target: 'http://127.0.0.1:9000' });\ntype Action",
  )
  .replace('if (!action) return void res.writeHead(404).end();', 'if (!action) return void proxy.web(req, res);');

ruleTester.run('require-loopback-host: a plain server that routes through a table of its own', rule, {
  valid: [
    {
      name: 'every key a path of no MCP endpoint, every value a function of the file',
      code: TABLE_ROUTED('/rename-item'),
    },
  ],
  invalid: [
    {
      name: 'other paths handed to a package the file does not show (a proxy)',
      code: WITH_PROXY,
      output: null,
      errors: [{ ...tableReport(WITH_PROXY), line: 17, endLine: 17 }],
    },
    {
      name: 'a key at an MCP endpoint path',
      code: TABLE_ROUTED('/rpc'),
      output: null,
      errors: [tableReport(TABLE_ROUTED('/rpc'))],
    },
    {
      name: 'a value the file does not show',
      code: TABLE_ROUTED('/rename-item', 'handlers.rename').replace(
        'type Action',
        'declare const handlers: Record<string, (input: Record<string, unknown>) => Promise<unknown>>;\ntype Action',
      ),
      output: null,
      errors: [
        {
          ...tableReport(
            TABLE_ROUTED('/rename-item', 'handlers.rename').replace(
              'type Action',
              'declare const handlers: Record<string, (input: Record<string, unknown>) => Promise<unknown>>;\ntype Action',
            ),
          ),
          line: 15,
          endLine: 15,
        },
      ],
    },
  ],
});

/**
 * A plain server that serves the files of a folder; `read` is how its handler takes the request
 * (line 19 holds `listen`).
 */
const STATIC_FILES = (read = ''): string => `import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const root = path.resolve('public');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

createServer(async (req, res) => {
  ${read}if (req.method !== 'GET') return void res.writeHead(405).end();
  const target = path.join(root, req.url === '/' ? 'index.html' : (req.url ?? ''));
  if (!target.startsWith(root)) return void res.writeHead(403).end();
  try {
    const body = await readFile(target);
    res.writeHead(200, { 'Content-Type': types[path.extname(target)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(8787);`;

ruleTester.run('require-loopback-host: a plain server that reads no request body', rule, {
  valid: [
    {
      name: 'it reads only the method and the path, to pick a file: no MCP message can reach it',
      code: STATIC_FILES(),
    },
    {
      name: 'and a header, to answer a conditional request',
      code: STATIC_FILES("if (req.headers['if-none-match'] === 'v1') return void res.writeHead(304).end();\n  "),
    },
  ],
  invalid: [
    {
      name: 'it reads the body: it may take MCP messages',
      code: STATIC_FILES(
        'let size = 0;\n  for await (const chunk of req) size += chunk.length;\n  console.log(size);\n  ',
      ),
      output: null,
      errors: [
        {
          ...tableReport(
            STATIC_FILES(
              'let size = 0;\n  for await (const chunk of req) size += chunk.length;\n  console.log(size);\n  ',
            ),
          ),
          line: 22,
          endLine: 22,
        },
      ],
    },
    {
      name: "it listens for the body's chunks",
      code: STATIC_FILES("req.on('data', () => {});\n  "),
      output: null,
      errors: [{ ...tableReport(STATIC_FILES("req.on('data', () => {});\n  ")), line: 20, endLine: 20 }],
    },
  ],
});

/** A port from the environment, or a socket file when it is unset: `host` goes after it. */
const PORT_OR_SOCKET = (host = ''): string => `import http from 'node:http';
import path from 'node:path';
import { handleMcp } from './mcp.js';

function socketFile(): string {
  return path.join('/run/notes', 'mcp.sock');
}
http.createServer(handleMcp).listen(process.env.PORT || socketFile()${host});`;

ruleTester.run('require-loopback-host: a port or a socket path', rule, {
  valid: [],
  invalid: [
    {
      name: 'the port when it is set, which binds every interface',
      code: PORT_OR_SOCKET(),
      output: null,
      errors: [
        {
          messageId: 'defaultHost',
          line: 8,
          column: 30,
          endLine: 8,
          endColumn: 36,
          suggestions: [
            { messageId: 'useIpv4Loopback', output: PORT_OR_SOCKET(", '127.0.0.1'") },
            { messageId: 'useHostFromEnvironment', output: PORT_OR_SOCKET(", process.env.HOST ?? '127.0.0.1'") },
            { messageId: 'useIpv6Loopback', output: PORT_OR_SOCKET(", '::1'") },
            { messageId: 'useLocalhost', output: PORT_OR_SOCKET(", 'localhost'") },
          ],
        },
      ],
    },
  ],
});

/** A class that serves MCP on the caller's app, or on an Express app of its own, bound to `host`. */
const CALLERS_APP = (host: string): string => `import express, { type Express } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export class McpHttpServer {
  private readonly app: Express;

  constructor(options: { app?: Express } = {}) {
    this.app = options.app ?? express();
    this.app.post('/mcp', async (req, res) => {
      await new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res, req.body);
    });
  }

  start(port: number): void {
    this.app.listen(port, ${host});
  }
}`;

ruleTester.run("require-loopback-host: the caller's app, or one made here (`options.app ?? express()`)", rule, {
  valid: [{ name: 'bound to loopback', code: CALLERS_APP("'127.0.0.1'") }],
  invalid: [
    {
      name: 'bound to every interface: whichever app it is, it listens there',
      code: CALLERS_APP("'0.0.0.0'"),
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 15,
          column: 27,
          endLine: 15,
          endColumn: 36,
          suggestions: loopbackSuggestions(CALLERS_APP("'0.0.0.0'")),
        },
      ],
    },
  ],
});

/**
 * A WebSocket relay beside a plain server whose only endpoints answer constants; `wsHost` and
 * `httpHost` are their hosts.
 */
const RELAY_BESIDE_PLAIN = (wsHost = '', httpHost = ''): string => `import http from 'node:http';
import { WebSocketServer } from 'ws';

const relay = new WebSocketServer({ port: 54321${wsHost} });
relay.on('connection', (socket) => socket.on('message', (data) => relay.clients.forEach((peer) => peer.send(data))));

http
  .createServer((req, res) => {
    if (req.method === 'POST') res.end('bye');
    else res.end('relay');
  })
  .listen(54322${httpHost});`;

ruleTester.run('require-loopback-host: a file with a WebSocket server may relay MCP', rule, {
  valid: [{ name: 'both bound to loopback', code: RELAY_BESIDE_PLAIN(", host: '127.0.0.1'", ", '127.0.0.1'") }],
  invalid: [
    {
      name: 'the relay and the plain server both bind every interface',
      code: RELAY_BESIDE_PLAIN(),
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`new WebSocketServer()` of `ws`', hostLabel: '`host`', binding: "Node's default is `::`" },
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 34,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: RELAY_BESIDE_PLAIN(`, host: ${host}`),
          })),
        },
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on a `node:http` server',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 12,
          column: 4,
          endLine: 12,
          endColumn: 10,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: RELAY_BESIDE_PLAIN('', `, ${host}`),
          })),
        },
      ],
    },
  ],
});

/** An Express server whose port TypeScript types as a string (or undefined), with the host `listen` is given. */
const STRING_PORTS = (first: string, second: string, third: string): string => `import express from 'express';

const PORT = process.env.PORT || 3006;
const app = express();
app.post('/mcp', (req, res) => res.end());
app.listen(${first}, () => console.log(PORT));
app.listen(${second});
export function start(port: string | number, fallback: number) {
  return app.listen(${third});
}
`;

const JS_STRING_PORTS = (first: string, second: string, third: string): string =>
  STRING_PORTS(first, second, third).replace('port: string | number, fallback: number', 'port');

ruleTester.run('require-loopback-host: a port that TypeScript types as a string', rule, {
  valid: [],
  invalid: [
    {
      // Every overload of listen() that takes a host wants a number; `listen(port, cb)` took the
      // string as a `handle: any`. Node reads a numeric string as the port, and picks one for undefined.
      name: 'the port becomes a number, or goes into the options with the host',
      code: STRING_PORTS('PORT', 'process.env.ALT_PORT', 'port ?? fallback'),
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', binding: "Node's default is `::`" },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: STRING_PORTS("Number(PORT), '127.0.0.1'", 'process.env.ALT_PORT', 'port ?? fallback'),
            },
            {
              messageId: 'useHostFromEnvironment',
              output: STRING_PORTS(
                "Number(PORT), process.env.HOST ?? '127.0.0.1'",
                'process.env.ALT_PORT',
                'port ?? fallback',
              ),
            },
            {
              messageId: 'useIpv6Loopback',
              output: STRING_PORTS("Number(PORT), '::1'", 'process.env.ALT_PORT', 'port ?? fallback'),
            },
            {
              messageId: 'useLocalhost',
              output: STRING_PORTS("Number(PORT), 'localhost'", 'process.env.ALT_PORT', 'port ?? fallback'),
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', binding: "Node's default is `::`" },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: STRING_PORTS('PORT', "{ port: process.env.ALT_PORT, host: '127.0.0.1' }", 'port ?? fallback'),
            },
            {
              messageId: 'useHostFromEnvironment',
              output: STRING_PORTS(
                'PORT',
                "{ port: process.env.ALT_PORT, host: process.env.HOST ?? '127.0.0.1' }",
                'port ?? fallback',
              ),
            },
            {
              messageId: 'useIpv6Loopback',
              output: STRING_PORTS('PORT', "{ port: process.env.ALT_PORT, host: '::1' }", 'port ?? fallback'),
            },
            {
              messageId: 'useLocalhost',
              output: STRING_PORTS('PORT', "{ port: process.env.ALT_PORT, host: 'localhost' }", 'port ?? fallback'),
            },
          ],
        },
        {
          messageId: 'defaultHost',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', binding: "Node's default is `::`" },
          line: 9,
          column: 14,
          endLine: 9,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: STRING_PORTS('PORT', 'process.env.ALT_PORT', "Number(port ?? fallback), '127.0.0.1'"),
            },
            {
              messageId: 'useHostFromEnvironment',
              output: STRING_PORTS(
                'PORT',
                'process.env.ALT_PORT',
                "Number(port ?? fallback), process.env.HOST ?? '127.0.0.1'",
              ),
            },
            {
              messageId: 'useIpv6Loopback',
              output: STRING_PORTS('PORT', 'process.env.ALT_PORT', "Number(port ?? fallback), '::1'"),
            },
            {
              messageId: 'useLocalhost',
              output: STRING_PORTS('PORT', 'process.env.ALT_PORT', "Number(port ?? fallback), 'localhost'"),
            },
          ],
        },
      ],
    },
    {
      // In JavaScript no overload is checked: the port stays as it is written.
      name: 'in JavaScript the port is left as it is',
      code: STRING_PORTS('PORT', 'process.env.ALT_PORT', 'port').replace(
        'port: string | number, fallback: number',
        'port',
      ),
      ...esm,
      errors: (
        [
          [6, (host: string) => [`PORT, ${host}`, 'process.env.ALT_PORT', 'port']],
          [7, (host: string) => ['PORT', `process.env.ALT_PORT, ${host}`, 'port']],
          [9, (host: string) => ['PORT', 'process.env.ALT_PORT', `port, ${host}`]],
        ] as const
      ).map(([line, hosted]) => ({
        messageId: 'defaultHost' as const,
        line,
        suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
          messageId,
          output: JS_STRING_PORTS(...(hosted(host) as [string, string, string])),
        })),
      })),
    },
  ],
});

/**
 * A server that is HTTPS when TLS is configured, else the app's own `listen()`; `app` and `server`
 * are the hosts each gets.
 */
const TLS_OR_PLAIN = (app = '', server = ''): string => `import express from 'express';
import https from 'node:https';

declare const tls: { key: string; cert: string } | null;
const app = express();
app.post('/mcp', (_req, res) => res.json({ jsonrpc: '2.0', id: 1, result: {} }));
let server;
if (tls) server = https.createServer(tls, app);
if (!server) {
  server = app.listen(3000${app});
} else {
  server.listen(3000${server});
}
`;

ruleTester.run('require-loopback-host: a let that holds the server or what a start answers', rule, {
  valid: [],
  invalid: [
    {
      // `server = app.listen(3000)` is a server started there: the HTTPS server decides the other start.
      name: 'both starts bind every interface',
      code: TLS_OR_PLAIN(),
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', binding: "Node's default is `::`" },
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 22,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: TLS_OR_PLAIN(`, ${host}`),
          })),
        },
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on a `node:https` server',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 12,
          column: 10,
          endLine: 12,
          endColumn: 16,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: TLS_OR_PLAIN('', `, ${host}`),
          })),
        },
      ],
    },
  ],
});

/**
 * An OAuth redirect catcher that a login function starts, waits on for the code its handler
 * settles, and closes in `finally`, given `settle` in the handler and `closing` there.
 */
const LOGIN = (settle: string, closing = 'server?.close();', host = ''): string => `import http from 'node:http';

export async function login(): Promise<string> {
  let server: http.Server | null = null;
  try {
    const code = Promise.withResolvers<string>();
    server = http.createServer((req, res) => {
      const found = new URL(req.url ?? '/', 'http://localhost').searchParams.get('code');
      res.end('You can close this window.');
${settle}
    });
    server.listen(8976${host});
    return await code.promise;
  } finally {
    ${closing}
  }
}`;

/** `nodeDefaultHost`'s report, for the `server.listen(…)` of a function's `try` block (indented by four). */
const indentedListen = (line: number, hosted: (host: string) => string) => ({
  ...nodeDefaultHost(line, hosted),
  column: 12,
  endColumn: 18,
});

const SETTLES = "      if (found) code.resolve(found);\n      else code.reject(new Error('No code'));";

ruleTester.run('require-loopback-host: a catcher its login function closes in finally', rule, {
  valid: [{ name: 'the handler settles the code the function waits for; finally closes', code: LOGIN(SETTLES) }],
  invalid: [
    {
      name: 'nothing closes it',
      code: LOGIN(SETTLES, "console.log('done');"),
      output: null,
      errors: [indentedListen(13, (host) => LOGIN(SETTLES, "console.log('done');", host))],
    },
    {
      name: 'the handler settles nothing: a service closed on the way out',
      code: LOGIN('      console.log(found);'),
      output: null,
      errors: [indentedListen(12, (host) => LOGIN('      console.log(found);', 'server?.close();', host))],
    },
  ],
});

/**
 * A function that serves a Hono app with Bun, spreading the options its caller may give
 * (`options` as written in the call to `Bun.serve`), called as `calls` says.
 */
const SERVE_WITH = (calls: string, options = '...options, fetch: app.fetch'): string => `import { Hono } from 'hono';

function serveMcp(app: Hono, options?: { port?: number; hostname?: string }) {
  return Bun.serve({ ${options} });
}

const app = new Hono();
app.post('/mcp', (c) => c.json({ jsonrpc: '2.0', id: 1, result: {} }));
${calls}`;

ruleTester.run('require-loopback-host: server options spread from a parameter', rule, {
  valid: [
    {
      name: 'a caller gives a host: what the options hold is the callers’ to say',
      code: SERVE_WITH("serveMcp(app, { port: 3000, hostname: '127.0.0.1' });\nserveMcp(app);"),
    },
  ],
  invalid: [
    {
      name: 'no caller gives a host: Bun binds every interface; the host goes before the spread, for a caller to change',
      code: SERVE_WITH('serveMcp(app);\nserveMcp(app, { port: 3001 });'),
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`Bun.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 19,
          suggestions: [
            ['useIpv4Loopback', "'127.0.0.1'"],
            ['useHostFromEnvironment', "process.env.HOST ?? '127.0.0.1'"],
            ['useIpv6Loopback', "'::1'"],
            ['useLocalhost', "'localhost'"],
          ].map(([messageId, host]) => ({
            messageId: messageId as 'useIpv4Loopback',
            output: SERVE_WITH(
              'serveMcp(app);\nserveMcp(app, { port: 3001 });',
              `hostname: ${host}, ...options, fetch: app.fetch`,
            ),
          })),
        },
      ],
    },
  ],
});

/** A file written with double quotes and no semicolons: the hosts the fixes write follow it. */
const DOUBLE_QUOTED = `import express from "express"
const app = express()
app.listen(3000, () => console.log("listening"))`;

ruleTester.run("require-loopback-host: hosts in the file's quotes", rule, {
  valid: [],
  invalid: [
    {
      name: 'a default host: every suggestion quotes the host as the file does',
      code: DOUBLE_QUOTED,
      output: null,
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`app.listen()` of Express', hostLabel: 'host', binding: "Node's default is `::`" },
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: `import express from "express"
const app = express()
app.listen(3000, "127.0.0.1", () => console.log("listening"))`,
            },
            {
              messageId: 'useHostFromEnvironment',
              output: `import express from "express"
const app = express()
app.listen(3000, process.env.HOST ?? "127.0.0.1", () => console.log("listening"))`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import express from "express"
const app = express()
app.listen(3000, "::1", () => console.log("listening"))`,
            },
            {
              messageId: 'useLocalhost',
              output: `import express from "express"
const app = express()
app.listen(3000, "localhost", () => console.log("listening"))`,
            },
          ],
        },
      ],
    },
    {
      name: 'the fail-closed autofix of a host written as "0.0.0.0"',
      code: `import http from "node:http"
const HOST = "0.0.0.0"
http.createServer(serve).listen(3000, HOST)`,
      options: [{ failClosedFix: true }],
      output: `import http from "node:http"
const HOST = "127.0.0.1"
http.createServer(serve).listen(3000, HOST)`,
      errors: [
        {
          messageId: 'everyInterface',
          line: 3,
          column: 39,
          endLine: 3,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import http from "node:http"
const HOST = process.env.HOST ?? "127.0.0.1"
http.createServer(serve).listen(3000, HOST)`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import http from "node:http"
const HOST = "::1"
http.createServer(serve).listen(3000, HOST)`,
            },
            {
              messageId: 'useLocalhost',
              output: `import http from "node:http"
const HOST = "localhost"
http.createServer(serve).listen(3000, HOST)`,
            },
          ],
        },
      ],
    },
    {
      name: "an environment variable with no fallback gets one in the file's quotes",
      code: `import express from "express"
express().use(api).listen(3001, process.env.BIND_ADDRESS)`,
      options: [{ reportUnknownHosts: true }],
      output: null,
      errors: [
        {
          messageId: 'unknownHost',
          data: { api: '`app.listen()` of Express', hostLabel: 'host' },
          line: 2,
          column: 33,
          endLine: 2,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useLoopbackFallback',
              output: `import express from "express"
express().use(api).listen(3001, process.env.BIND_ADDRESS ?? "127.0.0.1")`,
            },
          ],
        },
      ],
    },
  ],
});
