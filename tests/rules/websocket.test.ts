import path from 'node:path';
import rule from '../../src/rules/require-dns-rebinding-protection';
import loopbackRule from '../../src/rules/require-loopback-host';
import { createRuleTester } from '../rule-tester';
import { LOOPBACK_HOSTS } from '../support/fix-text';

// Browsers apply no same-origin policy to WebSocket: a page of any site may open
// `ws://127.0.0.1:PORT` and talk to the server, sending its own `Origin` with the handshake. A
// WebSocket server of an MCP server must refuse the origins it does not serve: `ws`'s
// `verifyClient`, or a check of `Origin` in its `'connection'` or `'upgrade'` listener.

const ruleTester = createRuleTester();

const BRIDGE = (options: string, listener = ''): string => `import { WebSocketServer } from 'ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const mcp = new McpServer({ name: 'bridge', version: '1.0.0' });
const wss = new WebSocketServer(${options});
wss.on('connection', (socket, request) => {${listener}
  socket.on('message', (data) => void mcp.server.notification(JSON.parse(String(data))));
});`;

/** The report on BRIDGE's `new WebSocketServer(…)`, with these suggestions. */
const bridgeReport = (suggestions: readonly { messageId: 'refuseWebPages'; output: string }[]) => ({
  messageId: 'unprotectedWebSocket' as const,
  data: { server: '`WebSocketServer`' },
  line: 5,
  column: 17,
  endLine: 5,
  endColumn: 32,
  suggestions,
});

const ORIGIN_CHECK = `
  if (request.headers.origin !== undefined && request.headers.origin !== 'chrome-extension://abcdefghijklmnop') {
    socket.close(1008);
    return;
  }`;

/**
 * A relay whose `noServer` WebSocket server is handed each handshake by its `accept()` method (an
 * `'upgrade'` listener of another module calls it), after `check`.
 */
const RELAY = (check: string): string => `import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const ALLOWED_ORIGINS = ['chrome-extension://abcdefghijklmnop'];
const mcp = new McpServer({ name: 'bridge', version: '1.0.0' });

export class Relay {
  private readonly wss = new WebSocketServer({ noServer: true });

  accept(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const origin = request.headers.origin;${check}
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('message', (data) => void mcp.server.notification(JSON.parse(String(data))));
    });
  }
}`;

/** The report on RELAY's server with `check` before the handshake, and the suggestion that refuses web pages. */
const relayReport = (check: string) => ({
  messageId: 'unprotectedWebSocket' as const,
  data: { server: '`WebSocketServer`' },
  line: 10,
  column: 30,
  endLine: 10,
  endColumn: 45,
  suggestions: [
    {
      messageId: 'refuseWebPages' as const,
      output: RELAY(check).replace(
        '{ noServer: true }',
        '{ noServer: true, verifyClient: ({ origin }: { origin?: string }) => !origin }',
      ),
    },
  ],
});

const RELAY_CHECK = `
    if (origin !== undefined && !ALLOWED_ORIGINS.includes(origin)) {
      socket.destroy();
      return;
    }`;

/** A bridge whose HTTP server's `'upgrade'` listener destroys a handshake when the URL's `refused` holds. */
const UPGRADE_TOKEN = (refused: string): string => `import http from 'node:http';
import { WebSocketServer } from 'ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const mcp = new McpServer({ name: 'bridge', version: '1.0.0' });
const TOKEN = process.env.BRIDGE_TOKEN ?? '';
const server = http.createServer((_request, response) => response.writeHead(404).end());
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (request, socket, head) => {
  if (new URL(request.url ?? '', 'http://127.0.0.1').${refused}) {
    socket.destroy();
    return;
  }
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
wss.on('connection', (ws) => ws.on('message', (data) => void mcp.server.notification(JSON.parse(String(data)))));
server.listen(8765, '127.0.0.1');`;

/** The report on `UPGRADE_TOKEN(refused)`'s `WebSocketServer`, and its suggestion. */
const upgradeTokenError = (refused: string) => ({
  messageId: 'unprotectedWebSocket' as const,
  data: { server: '`WebSocketServer`' },
  line: 8,
  column: 17,
  endLine: 8,
  endColumn: 32,
  suggestions: [
    {
      messageId: 'refuseWebPages' as const,
      output: UPGRADE_TOKEN(refused).replace(
        '{ noServer: true }',
        '{ noServer: true, verifyClient: ({ origin }: { origin?: string }) => !origin }',
      ),
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: WebSocket servers', rule, {
  valid: [
    {
      name: 'a method hands the noServer server each handshake after refusing other origins',
      code: RELAY(RELAY_CHECK),
    },
    {
      name: 'a method hands the noServer server a handshake only in the branch of an allowed origin',
      code: RELAY('\n    if (origin === undefined || ALLOWED_ORIGINS.includes(origin))').replace(
        '      ws.on(',
        '        ws.on(',
      ),
    },
    {
      name: 'verifyClient decides which pages may connect',
      code: BRIDGE("{ port: 8765, host: '127.0.0.1', verifyClient: ({ origin }) => origin === undefined }"),
    },
    {
      name: "the 'connection' listener checks the Origin",
      code: BRIDGE("{ port: 8765, host: '127.0.0.1' }", ORIGIN_CHECK),
    },
    {
      // A page cannot put a header on a handshake: a bridge's token comes in its URL.
      name: "the 'connection' listener closes a socket whose URL lacks the token (`req.url ?? ''` parsed)",
      code: BRIDGE(
        "{ port: 8765, host: '127.0.0.1' }",
        `
  const url = new URL(request.url ?? '', 'http://127.0.0.1:8765');
  if (url.searchParams.get('token') !== process.argv[2]) {
    socket.close(4001);
    return;
  }`,
      ),
    },
    {
      name: "the HTTP server's 'upgrade' listener refuses other origins through a helper before the handshake",
      code: `import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer } from 'ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const mcp = new McpServer({ name: 'bridge', version: '1.0.0' });
const ALLOWED_ORIGINS = new Set(['chrome-extension://abcdefghijklmnop']);
function originAllowed(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  return origin === undefined || ALLOWED_ORIGINS.has(origin);
}
const server = http.createServer();
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (request, socket, head) => {
  if (!originAllowed(request)) {
    socket.destroy();
    return;
  }
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
wss.on('connection', (ws) => ws.on('message', (data) => void mcp.server.notification(JSON.parse(String(data)))));
server.listen(8765, '127.0.0.1');`,
    },
    {
      // A method is called on the field only once it holds the server: `null` was a placeholder.
      name: "a class field first set to null, then to the server whose 'connection' listener checks the Origin",
      code: `import http from 'node:http';
import { WebSocketServer } from 'ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const mcp = new McpServer({ name: 'bridge', version: '1.0.0' });
const ALLOWED = ['http://localhost:5173'];

export class Bridge {
  private wss: WebSocketServer | null = null;
  private readonly server = http.createServer();

  start(): void {
    this.server.listen(8765, '127.0.0.1', () => this.open());
  }

  private open(): void {
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (ws, request) => {
      const origin = request.headers.origin;
      if (origin && !ALLOWED.includes(origin)) {
        ws.close(1008, 'origin not allowed');
        return;
      }
      ws.on('message', (data) => void mcp.server.notification(JSON.parse(String(data))));
    });
  }
}`,
    },
    {
      // A page cannot put a header on a handshake, nor know the token in the URL the CLI prints.
      name: "the HTTP server's 'upgrade' listener destroys a handshake whose URL lacks the token",
      code: UPGRADE_TOKEN("searchParams.get('token') !== TOKEN"),
    },
    {
      name: 'a file that says nothing of MCP',
      code: `import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ port: 35729 });
wss.on('connection', (socket) => socket.send('reload'));`,
    },
  ],
  invalid: [
    {
      name: "an 'upgrade' listener that only wants some token in the URL, whatever it is",
      code: UPGRADE_TOKEN("searchParams.get('token') === null"),
      errors: [upgradeTokenError("searchParams.get('token') === null")],
    },
    {
      name: "the 'upgrade' listener's token check with `trustCredentialChecks: false` (strict)",
      code: UPGRADE_TOKEN("searchParams.get('token') !== TOKEN"),
      options: [{ trustCredentialChecks: false }],
      errors: [upgradeTokenError("searchParams.get('token') !== TOKEN")],
    },
    {
      name: 'a bridge that takes every connection',
      code: BRIDGE("{ port: 8765, host: '127.0.0.1' }"),
      errors: [
        bridgeReport([
          {
            messageId: 'refuseWebPages',
            output: BRIDGE(
              "{ port: 8765, host: '127.0.0.1', verifyClient: ({ origin }: { origin?: string }) => !origin }",
            ),
          },
        ]),
      ],
    },
    {
      name: 'a method hands the noServer server every handshake',
      code: RELAY(''),
      errors: [relayReport('')],
    },
    {
      name: 'a method that only logs the Origin before the handshake',
      code: RELAY("\n    console.log('handshake from', origin);"),
      errors: [relayReport("\n    console.log('handshake from', origin);")],
    },
    {
      name: "a 'connection' listener that only logs the Origin, and a verifyClient that lets everyone in",
      code: BRIDGE(
        '{ port: 8765, verifyClient: () => true }',
        "\n  console.log('connected from', request.headers.origin);",
      ),
      errors: [bridgeReport([])],
    },
    {
      name: 'the default export of ws, and options kept in a constant (no suggestion: they are not written here)',
      code: `import WebSocket from 'ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const OPTIONS = { port: 8765 };
const mcp = new McpServer({ name: 'bridge', version: '1.0.0' });
const wss = new WebSocket.Server(OPTIONS);
wss.on('connection', (socket) => socket.on('message', (data) => void mcp.server.notification(JSON.parse(String(data)))));`,
      errors: [
        {
          messageId: 'unprotectedWebSocket',
          data: { server: '`WebSocket.Server`' },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
  ],
});

/** An extension bridge: a `ws` server whose options are `options`, refusing web pages, beside a stdio MCP server. */
const WS_BRIDGE = (options: string, after = ''): string => `import { WebSocketServer } from 'ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

const wss = new WebSocketServer({ ${options}, verifyClient: ({ origin }: { origin?: string }) => !origin${after} });
wss.on('connection', (socket) => socket.on('message', (data) => console.error(String(data))));
await new McpServer({ name: 'bridge', version: '1.0.0' }).connect(new StdioServerTransport());`;

ruleTester.run("require-loopback-host: a ws server's own port", loopbackRule, {
  valid: [
    { name: 'its `host` is loopback', code: WS_BRIDGE("port: 9009, host: '127.0.0.1'") },
    {
      name: "on another server's upgrades (`server`), it binds nothing",
      code: WS_BRIDGE('server: existing').replace(
        'const wss',
        'declare const existing: import("node:http").Server;\nconst wss',
      ),
    },
    { name: '`noServer`: the code hands it upgrades', code: WS_BRIDGE('noServer: true') },
    { name: '`port: undefined` beside `noServer` binds nothing', code: WS_BRIDGE('noServer: true, port: undefined') },
  ],
  invalid: [
    {
      name: 'a `port` and no `host`: ws listens on every interface',
      code: WS_BRIDGE('port: 9009'),
      output: null,
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`new WebSocketServer()` of `ws`', hostLabel: '`host`', binding: "Node's default is `::`" },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 32,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            // In a one-line object the host goes last.
            output: WS_BRIDGE('port: 9009', `, host: ${host}`),
          })),
        },
      ],
    },
  ],
});

// Bun accepts a WebSocket handshake where `fetch` calls `server.upgrade(req)` (with a `websocket`
// option to handle it), and checks no `Origin` itself.
const MCP_PACKAGE = path.resolve(__dirname, '../fixtures/mcp-package/src/relay.ts');
const PLAIN_PACKAGE = path.resolve(__dirname, '../fixtures/plain-package/src/relay.ts');

/** A Bun relay between a design tool's plugin and an MCP server, with `check` at the top of `fetch`. */
const BUN_RELAY = (check = ''): string => `import type { Server, ServerWebSocket } from 'bun';

const peers = new Set<ServerWebSocket<unknown>>();

Bun.serve({
  port: 3055,
  hostname: '127.0.0.1',
  fetch(req: Request, server: Server) {${check}
    if (server.upgrade(req)) return;
    return new Response('relay running');
  },
  websocket: {
    open(ws) {
      peers.add(ws);
    },
    message(ws, message) {
      for (const peer of peers) if (peer !== ws) peer.send(String(message));
    },
  },
});`;

const BUN_ORIGIN_CHECK = `
    const origin = req.headers.get('origin');
    if (origin !== null && origin !== 'https://www.figma.com') return new Response('Forbidden', { status: 403 });`;

/** The report on BUN_RELAY's `server.upgrade`, whose statement is on `line`, and its suggestion. */
const bunReport = (check = '', line = 9) => ({
  messageId: 'unprotectedWebSocket' as const,
  data: { server: '`Bun.serve()`' },
  line,
  column: 9,
  endLine: line,
  endColumn: 23,
  suggestions: [
    {
      messageId: 'refuseWebPages' as const,
      output: BUN_RELAY(check).replace(
        '    if (server.upgrade(req)) return;',
        "    if (req.headers.has('origin')) return new Response(null, { status: 403 });\n    if (server.upgrade(req)) return;",
      ),
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: Bun WebSocket servers', rule, {
  valid: [
    {
      name: '`fetch` refuses other origins before the upgrade',
      code: BUN_RELAY(BUN_ORIGIN_CHECK),
      filename: MCP_PACKAGE,
    },
    {
      name: 'in a package that uses no MCP package, in a file that says nothing of MCP',
      code: BUN_RELAY(),
      filename: PLAIN_PACKAGE,
    },
    {
      name: 'a helper answers other origins, and `fetch` returns its answer before the upgrade',
      code: BUN_RELAY(`
    const refused = refuseOtherOrigins(req);
    if (refused) return refused;`).replace(
        'const peers',
        "function refuseOtherOrigins(req: Request): Response | null {\n  const origin = req.headers.get('origin');\n  return origin === null || origin === 'https://www.figma.com' ? null : new Response(null, { status: 403 });\n}\n\nconst peers",
      ),
      filename: MCP_PACKAGE,
    },
    {
      name: 'no `websocket` option: `upgrade` is some other method',
      code: `import { upgrade } from './mcp/schema.js';
Bun.serve({
  hostname: '127.0.0.1',
  fetch(req) {
    return Response.json(upgrade.upgrade(req.url));
  },
});`,
    },
  ],
  invalid: [
    { name: 'in a package that uses an MCP package', code: BUN_RELAY(), filename: MCP_PACKAGE, errors: [bunReport()] },
    {
      name: 'the same, with the `message` handler typed (`message(ws: ServerWebSocket<unknown>, message)`)',
      code: BUN_RELAY().replace('message(ws, message)', 'message(ws: ServerWebSocket<unknown>, message)'),
      filename: MCP_PACKAGE,
      errors: [
        {
          ...bunReport(),
          suggestions: bunReport().suggestions.map((suggestion) => ({
            ...suggestion,
            output: suggestion.output.replace('message(ws, message)', 'message(ws: ServerWebSocket<unknown>, message)'),
          })),
        },
      ],
    },
    {
      name: 'the Origin only echoed into a CORS header, with a 404 for other paths',
      code: BUN_RELAY(`
    if (new URL(req.url).pathname !== '/ws') return new Response(null, { status: 404 });
    const cors = { 'Access-Control-Allow-Origin': req.headers.get('origin') ?? '*' };`),
      filename: MCP_PACKAGE,
      errors: [
        bunReport(
          `
    if (new URL(req.url).pathname !== '/ws') return new Response(null, { status: 404 });
    const cors = { 'Access-Control-Allow-Origin': req.headers.get('origin') ?? '*' };`,
          11,
        ),
      ],
    },
    {
      name: 'a file that says MCP, whose `fetch` only logs the Origin',
      code: `// The MCP server's relay.\n${BUN_RELAY("\n    console.log(req.headers.get('origin'));")}`,
      filename: PLAIN_PACKAGE,
      errors: [
        {
          ...bunReport("\n    console.log(req.headers.get('origin'));", 11),
          suggestions: bunReport("\n    console.log(req.headers.get('origin'));").suggestions.map((suggestion) => ({
            ...suggestion,
            output: `// The MCP server's relay.\n${suggestion.output}`,
          })),
        },
      ],
    },
  ],
});

// Socket.IO: engine.io refuses a handshake only through `allowRequest`; its `cors` option answers
// the polling transport, not the WebSocket one.
const SOCKET_IO = (options: string, check = ''): string => `import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { runTool } from './mcp/tools.js';

const http = createServer();
const io = new Server(http${options});
${check}io.on('connection', (socket) => {
  socket.on('tool', async (name: string, reply: (result: unknown) => void) => reply(await runTool(name)));
});
http.listen(47000, '127.0.0.1');`;

/** A function that attaches Socket.IO to the HTTP server it is given, with `options`. */
const ATTACHED = (options: string): string => `import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { runTool } from './mcp/tools.js';

export function attach(http: HttpServer): Server {
  const io = new Server(http${options});
  io.on('connection', (socket) => {
    socket.on('tool', async (name: string, reply: (result: unknown) => void) => reply(await runTool(name)));
  });
  return io;
}`;

const ALLOW_REQUEST =
  "allowRequest: (req, callback) => callback(null, !req.headers.origin && /^(?:localhost|127\\.0\\.0\\.1|\\[::1\\])(?::\\d+)?$/.test(req.headers.host ?? ''))";

/** A check of the handshake's `Host` (the `'connection'` listener's or middleware's `socket`). */
const HOST_CHECK = "socket.handshake.headers.host !== 'localhost:47000'";

/** The report on SOCKET_IO's `new Server(…)`, whose suggestion gives `output`. */
const socketIoReport = (output: string) => ({
  messageId: 'unprotectedWebSocket' as const,
  data: { server: '`Server`' },
  line: 6,
  column: 16,
  endLine: 6,
  endColumn: 22,
  suggestions: [{ messageId: 'refuseWebPages' as const, output }],
});

ruleTester.run('require-dns-rebinding-protection: Socket.IO servers', rule, {
  valid: [
    { name: '`allowRequest` checks Origin and Host', code: SOCKET_IO(`, { ${ALLOW_REQUEST} }`) },
    {
      name: 'WebSocket transport only, whose handshake always carries Origin, and an Origin check',
      code: SOCKET_IO(
        ", { transports: ['websocket'], allowRequest: (req, callback) => callback(null, !req.headers.origin) }",
      ),
    },
    {
      name: 'an Origin allowlist that a missing Origin is not in',
      code: SOCKET_IO(
        ", { allowRequest: (req, callback) => callback(null, ['chrome-extension://abcdefghijklmnop'].includes(req.headers.origin ?? '')) }",
      ),
    },
    {
      name: '`allowRequest` that reads Host and Origin destructured',
      code: SOCKET_IO(
        ", { allowRequest: (req, callback) => { const { host, origin } = req.headers; callback(null, !origin && host === 'localhost:47000'); } }",
      ),
    },
    {
      name: 'middleware refuses other origins and hosts with `next(err)`',
      code: SOCKET_IO(
        '',
        `io.use((socket, next) => {
  const origin = socket.handshake.headers.origin;
  if (origin !== undefined || ${HOST_CHECK}) return next(new Error('not allowed'));
  next();
});
`,
      ),
    },
    {
      name: "the 'connection' listener disconnects other origins and hosts",
      code: SOCKET_IO('').replace(
        "io.on('connection', (socket) => {\n",
        `io.on('connection', (socket) => {\n  if (socket.handshake.headers.origin || ${HOST_CHECK}) return void socket.disconnect(true);\n`,
      ),
    },
  ],
  invalid: [
    {
      name: 'no options: the suggestion adds them',
      code: SOCKET_IO(''),
      errors: [socketIoReport(SOCKET_IO(`, { ${ALLOW_REQUEST} }`))],
    },
    {
      name: 'an Origin check alone: a rebinding page polls same-origin, with no Origin',
      code: SOCKET_IO(', { allowRequest: (req, callback) => callback(null, !req.headers.origin) }'),
      errors: [{ ...socketIoReport(''), suggestions: [] }],
    },
    {
      name: "middleware that checks Host alone: any page connects with the server's own Host",
      code: SOCKET_IO(
        '',
        `io.use((socket, next) => {
  if (${HOST_CHECK}) return next(new Error('not allowed'));
  next();
});
`,
      ),
      errors: [
        socketIoReport(
          SOCKET_IO(
            `, { ${ALLOW_REQUEST} }`,
            `io.use((socket, next) => {
  if (${HOST_CHECK}) return next(new Error('not allowed'));
  next();
});
`,
          ),
        ),
      ],
    },
    {
      name: '`allowRequest` that lets everyone in',
      code: SOCKET_IO(', { allowRequest: (_req, callback) => callback(null, true) }'),
      errors: [{ ...socketIoReport(''), suggestions: [] }],
    },
    {
      name: 'the server attached to a parameter',
      code: ATTACHED(''),
      errors: [
        {
          ...socketIoReport(ATTACHED(`, { ${ALLOW_REQUEST} }`)),
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'a `cors` option, which the WebSocket transport ignores',
      code: SOCKET_IO(", { cors: { origin: 'http://localhost:5173' } }"),
      errors: [socketIoReport(SOCKET_IO(`, { cors: { origin: 'http://localhost:5173' }, ${ALLOW_REQUEST} }`))],
    },
  ],
});

/**
 * A test's fake `ws` server beside an MCP server (`before` and `filename` vary): made in a call of
 * `runner`, on a port the system picks.
 */
const FAKE_RELAY = (runner: string, before = ''): string => `import { WebSocketServer } from 'ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
${before}
${runner}('relays a message to the MCP server', async () => {
  const fake = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  fake.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
});`;

ruleTester.run('require-dns-rebinding-protection: WebSocket servers of tests', rule, {
  valid: [
    {
      name: "a test module's fake server, made in `it()`",
      filename: 'src/relay.test.ts',
      code: FAKE_RELAY('it'),
    },
    {
      name: 'a fake server made at the top of a module in a `tests/` folder',
      filename: 'tests/helpers/fake-hub.ts',
      code: `import { WebSocketServer } from 'ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export const hub = new WebSocketServer({ port: 0 });
hub.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));`,
    },
    {
      name: "an in-source test of a product module: a function Vitest's `import.meta.vitest` gives",
      filename: 'src/relay.ts',
      code: FAKE_RELAY('  it', 'if (import.meta.vitest) {\n  const { it } = import.meta.vitest;').replace(
        /\}\);$/u,
        '});\n}',
      ),
    },
    {
      name: 'a Socket.IO server a test hook makes',
      filename: 'src/bridge.spec.ts',
      code: `import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { runTool } from './mcp/tools.js';

let io: Server;
beforeAll(() => {
  io = new Server(createServer().listen(0, '127.0.0.1'));
  io.on('connection', (socket) => socket.on('tool', async (name: string) => socket.emit('result', await runTool(name))));
});`,
    },
    {
      name: "Bun's `server.upgrade(req)` in a test module",
      filename: 'src/relay.test.ts',
      code: `import { runTool } from './mcp/tools.js';

test('relays', async () => {
  using server = Bun.serve({
    port: 0,
    fetch(req, server) {
      if (server.upgrade(req)) return;
      return new Response('relay');
    },
    websocket: {
      async message(ws, message) {
        ws.send(JSON.stringify(await runTool(String(message))));
      },
    },
  });
});`,
    },
  ],
  invalid: [
    {
      name: 'a product module whose server the tests start too: it is the server users run',
      filename: 'src/relay.ts',
      code: `import { WebSocketServer } from 'ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export function startRelay(port: number): WebSocketServer {
  const wss = new WebSocketServer({ host: '127.0.0.1', port });
  wss.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
  return wss;
}`,
      errors: [
        {
          messageId: 'unprotectedWebSocket',
          data: { server: '`WebSocketServer`' },
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'refuseWebPages',
              output: `import { WebSocketServer } from 'ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export function startRelay(port: number): WebSocketServer {
  const wss = new WebSocketServer({ host: '127.0.0.1', port, verifyClient: ({ origin }: { origin?: string }) => !origin });
  wss.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
  return wss;
}`,
            },
          ],
        },
      ],
    },
    {
      name: "a product module's own function named like a test hook is no test runner",
      filename: 'src/relay.ts',
      code: FAKE_RELAY(
        'before',
        '\nconst hooks: (() => Promise<void>)[] = [];\nfunction before(name: string, hook: () => Promise<void>): void {\n  hooks.push(hook);\n}\n',
      ),
      errors: [
        {
          messageId: 'unprotectedWebSocket',
          data: { server: '`WebSocketServer`' },
          line: 10,
          column: 20,
          endLine: 10,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'refuseWebPages',
              output: FAKE_RELAY(
                'before',
                '\nconst hooks: (() => Promise<void>)[] = [];\nfunction before(name: string, hook: () => Promise<void>): void {\n  hooks.push(hook);\n}\n',
              ).replace('port: 0 }', 'port: 0, verifyClient: ({ origin }: { origin?: string }) => !origin }'),
            },
          ],
        },
      ],
    },
  ],
});

/** A WebSocket relay whose `'connection'` listener closes the socket when `test` holds. */
const CLOSED_WITHOUT = (
  test: string,
  options = "{ port: 8080, host: '127.0.0.1' }",
): string => `import { WebSocketServer } from 'ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const TOKEN = process.env.RELAY_TOKEN;
const wss = new WebSocketServer(${options});
wss.on('connection', (socket, req) => {
  if (${test}) {
    socket.close(1008, 'Unauthorized');
    return;
  }
  const server = new McpServer({ name: 'relay', version: '1.0.0' });
  socket.on('message', () => void server);
});
`;

/** The suggestion that refuses every handshake a page opens. */
const REFUSE_PAGES = "{ port: 8080, host: '127.0.0.1', verifyClient: ({ origin }: { origin?: string }) => !origin }";

ruleTester.run('require-dns-rebinding-protection: a WebSocket connection closed without a credential', rule, {
  valid: [
    {
      // A browser's WebSocket handshake carries no Authorization header: no page holds the token.
      name: "a bearer token compared with the server's",
      code: CLOSED_WITHOUT('!TOKEN || req.headers.authorization !== `Bearer ${TOKEN}`'),
    },
  ],
  invalid: [
    ...(
      [
        // A page of another site opens the socket with the user's cookies.
        ['a cookie compared with the token', '!TOKEN || req.headers.cookie !== `sid=${TOKEN}`'],
        ['an Authorization header that only has to be there', '!req.headers.authorization'],
      ] as const
    ).map(([name, test]) => ({
      name,
      code: CLOSED_WITHOUT(test),
      errors: [
        {
          messageId: 'unprotectedWebSocket' as const,
          data: { server: '`WebSocketServer`' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 32,
          suggestions: [{ messageId: 'refuseWebPages' as const, output: CLOSED_WITHOUT(test, REFUSE_PAGES) }],
        },
      ],
    })),
    {
      name: 'the bearer check, strictly',
      code: CLOSED_WITHOUT('!TOKEN || req.headers.authorization !== `Bearer ${TOKEN}`'),
      options: [{ trustCredentialChecks: false }],
      errors: [
        {
          messageId: 'unprotectedWebSocket',
          line: 5,
          suggestions: [
            {
              messageId: 'refuseWebPages',
              output: CLOSED_WITHOUT('!TOKEN || req.headers.authorization !== `Bearer ${TOKEN}`', REFUSE_PAGES),
            },
          ],
        },
      ],
    },
  ],
});
