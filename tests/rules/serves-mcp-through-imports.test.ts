import path from 'node:path';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import loopbackRule from '../../src/rules/require-loopback-host';
import { createRuleTester } from '../rule-tester';
import { LOOPBACK_HOSTS, nodeDefaultHost } from '../support/fix-text';
import { packageMaker } from '../support/packages';

// A server whose file never says MCP may still serve it: its handler runs code of another module
// of the project that reaches an MCP package (a port-sharing hub that runs the tools of the MCP
// server for the processes that lost the port). Only a server whose handlers reach no MCP
// package, through the modules they call, is left alone as a server beside the MCP server.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

/** A hub that runs, for `POST /rpc`, `runTool` from `./tools.js`; line 16 holds `listen`. */
const HUB = `import http from 'node:http';
import { runTool } from './tools.js';

const server = http.createServer((req, res) => {
  if (req.url === '/rpc' && req.method === 'POST') {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const { tool, args } = JSON.parse(body);
      res.end(JSON.stringify(await runTool(tool, args)));
    });
    return;
  }
  res.writeHead(404).end();
});
server.listen(4310);`;

/** A package whose `src/tools.ts` holds `tools`, beside the hub; the hub's path. */
function hubBeside(tools: string): string {
  const dir = makePackage({ 'src/hub.ts': HUB, 'src/tools.ts': tools });
  return path.join(dir, 'src', 'hub.ts');
}

const MCP_TOOLS = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export const server = new McpServer({ name: 'notes', version: '1.0.0' });

export async function runTool(name: string, args: unknown): Promise<unknown> {
  return server.server.request({ method: 'tools/call', params: { name, arguments: args } } as never, {} as never);
}`;

/** Tools that use MCP only as a client, of an upstream server. */
const CLIENT_TOOLS = `import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export async function runTool(name: string): Promise<unknown> {
  const client = new Client({ name: 'relay', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(process.env.UPSTREAM_URL ?? '')));
  return client.readResource({ uri: name });
}`;

/** A client that links a server of the caller's to itself in the process, with the SDK's in-memory transport. */
const IN_MEMORY_TOOLS = `import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';

export async function runTool(name: string, local?: Server): Promise<unknown> {
  const client = new Client({ name: 'relay', version: '1.0.0' });
  if (local) {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await local.connect(serverSide);
    await client.connect(clientSide);
  }
  return client.readResource({ uri: name });
}`;

const PLAIN_TOOLS = `import os from 'node:os';

export async function runTool(name: string): Promise<unknown> {
  return name === 'load' ? os.loadavg() : null;
}`;

/**
 * The report on `server.listen(port)` of `code`, a `node:http` server with no host, at `line`, with
 * its suggestions.
 */
const defaultHostError = (code: string, line: number, port: number) =>
  nodeDefaultHost(line, (host) => code.replace(`listen(${port})`, `listen(${port}${host})`));

ruleTester.run('require-loopback-host: a handler that runs code reaching MCP', loopbackRule, {
  valid: [
    { name: 'the module it calls reaches no MCP package', code: HUB, filename: hubBeside(PLAIN_TOOLS) },
    { name: 'the module it calls uses MCP only as a client', code: HUB, filename: hubBeside(CLIENT_TOOLS) },
    {
      name: "the module it calls uses MCP as a client and through the SDK's in-process transport, and a server's type",
      code: HUB,
      filename: hubBeside(IN_MEMORY_TOOLS),
    },
  ],
  invalid: [
    {
      name: 'the module it calls imports the MCP SDK',
      code: HUB,
      filename: hubBeside(MCP_TOOLS),
      errors: [defaultHostError(HUB, 16, 4310)],
    },
  ],
});

// A server that uses MCP as a client of another server names MCP in its code (the upstream's URL,
// a `mcpClient`), but serves none: what it says of MCP there is a server it calls.

/**
 * A relay whose `POST /relay` reads a resource of an upstream MCP server through `./upstream.js`;
 * line 13 holds `listen`.
 */
const RELAY = `import http from 'node:http';
import { readUpstream } from './upstream.js';

const server = http.createServer(async (req, res) => {
  if (req.method === 'POST' && req.url === '/relay') {
    const answer = await readUpstream('https://tools.example/mcp', 'file://report.pdf');
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(answer));
    return;
  }
  res.writeHead(404).end();
});
server.listen(4311);`;

const CLIENT_UPSTREAM = `import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export async function readUpstream(url: string, uri: string): Promise<unknown> {
  const client = new Client({ name: 'relay', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client.readResource({ uri });
}`;

/** An upstream module that serves MCP itself, in-process, for the URL it is given. */
const SERVING_UPSTREAM = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const server = new McpServer({ name: 'files', version: '1.0.0' });

export async function readUpstream(url: string, uri: string): Promise<unknown> {
  return { url, uri, server: server.server.getClientVersion() };
}`;

function relayBeside(upstream: string): string {
  const dir = makePackage({ 'src/relay.ts': RELAY, 'src/upstream.ts': upstream });
  return path.join(dir, 'src', 'relay.ts');
}

/** A server that lists an upstream MCP server's tools with a client of its own; line 15 holds `listen`. */
const TOOL_LISTING = `import http from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const mcpClient = new Client({ name: 'catalog', version: '1.0.0' });
await mcpClient.connect(new StreamableHTTPClientTransport(new URL('https://tools.example/mcp')));

const server = http.createServer(async (req, res) => {
  if (req.method === 'POST' && req.url === '/tools') {
    res.end(JSON.stringify(await mcpClient.listTools()));
    return;
  }
  res.writeHead(404).end();
});
server.listen(4312);`;

/** TOOL_LISTING that also makes an MCP server of its own; line 17 holds `listen`. */
const GATEWAY = TOOL_LISTING.replace(
  "import http from 'node:http';\n",
  "import http from 'node:http';\nimport { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\n",
).replace(
  'const server = http',
  "export const gateway = new McpServer({ name: 'gateway', version: '1.0.0' });\nconst server = http",
);

ruleTester.run('require-loopback-host: a server that uses MCP only as a client', loopbackRule, {
  valid: [
    {
      name: "an upstream's MCP URL handed to a module that uses MCP only as a client",
      code: RELAY,
      filename: relayBeside(CLIENT_UPSTREAM),
    },
    {
      name: 'an MCP client of its own, held in `mcpClient`',
      code: TOOL_LISTING,
      filename: path.join(makePackage({ 'src/catalog.ts': TOOL_LISTING }), 'src', 'catalog.ts'),
    },
  ],
  invalid: [
    {
      name: 'an MCP client of its own beside an MCP server of its own',
      code: GATEWAY,
      filename: path.join(makePackage({ 'src/gateway.ts': GATEWAY }), 'src', 'gateway.ts'),
      errors: [defaultHostError(GATEWAY, 17, 4312)],
    },
    {
      name: 'the same URL handed to a module that serves MCP',
      code: RELAY,
      filename: relayBeside(SERVING_UPSTREAM),
      errors: [defaultHostError(RELAY, 13, 4311)],
    },
  ],
});

/**
 * A worker of a monorepo whose job route parses OAuth metadata with a helper of `./oauth.js`; line
 * 11 holds `listen`.
 */
const JOBS_WORKER = `import express from 'express';
import { parseMetadata } from './oauth.js';

const app = express();
app.get('/health', (_req, res) => {
  res.json({ ok: true });
});
app.post('/jobs', express.json(), (req, res) => {
  res.json({ metadata: parseMetadata(req.body) });
});
app.listen(3005);`;

/** The helper, with the SDK's OAuth metadata schemas (`sdk/shared/auth.js`), or, to compare, its server module. */
const OAUTH_HELPER = (
  module: string,
): string => `import { OAuthMetadataSchema } from '@modelcontextprotocol/sdk/${module}';

export const parseMetadata = (value: unknown) => OAuthMetadataSchema.parse(value);`;

const jobsWorkerBeside = (helper: string): string =>
  path.join(makePackage({ 'src/worker.ts': JOBS_WORKER, 'src/oauth.ts': helper }), 'src', 'worker.ts');

ruleTester.run("require-loopback-host: a service that uses the SDK's shared schemas only", loopbackRule, {
  valid: [
    {
      name: 'the OAuth metadata schemas of `sdk/shared/auth.js`',
      code: JOBS_WORKER,
      filename: jobsWorkerBeside(OAUTH_HELPER('shared/auth.js')),
    },
  ],
  invalid: [
    {
      name: 'a module of the SDK that makes servers',
      code: JOBS_WORKER,
      filename: jobsWorkerBeside(OAUTH_HELPER('server/auth/router.js')),
      errors: [
        {
          ...nodeDefaultHost(
            11,
            (host) => JOBS_WORKER.replace('listen(3005)', `listen(3005${host})`),
            '`app.listen()` of Express',
          ),
          column: 5,
          endColumn: 11,
        },
      ],
    },
  ],
});

/** A Hono app of the file that mounts `errorHandler` from `./middleware.ts`, which holds `middleware`. */
const STATUS_APP = `import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { errorHandler } from './middleware.js';

const app = new Hono();
app.use('*', errorHandler);
app.get('/status', (c) => c.text('ok'));
serve({ fetch: app.fetch, port: 4001 });`;

const PLAIN_MIDDLEWARE = `import type { MiddlewareHandler } from 'hono';

export const errorHandler: MiddlewareHandler = async (c, next) => {
  try {
    await next();
  } catch {
    return c.json({ error: 'internal' }, 500);
  }
};`;

function statusAppBeside(middleware: string): string {
  const dir = makePackage({ 'src/app.ts': STATUS_APP, 'src/middleware.ts': middleware });
  return path.join(dir, 'src', 'app.ts');
}

ruleTester.run('require-loopback-host: middleware of another module of the project', loopbackRule, {
  valid: [
    {
      name: 'the module reaches no MCP package: the app serves none',
      code: STATUS_APP,
      filename: statusAppBeside(PLAIN_MIDDLEWARE),
    },
  ],
  invalid: [
    {
      name: 'the module imports the MCP SDK: its middleware may serve MCP',
      code: STATUS_APP,
      filename: statusAppBeside(
        `import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';\n${PLAIN_MIDDLEWARE}\nexport const Transport = StreamableHTTPServerTransport;`,
      ),
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`serve()` from `@hono/node-server`',
            hostLabel: '`hostname`',
            binding: "Node's default is `::`",
          },
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 6,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: STATUS_APP.replace('port: 4001 }', `port: 4001, hostname: ${host} }`),
          })),
        },
      ],
    },
  ],
});

// A web app of the package (an admin or data backend beside the MCP server) whose routes a router
// of another module holds: it serves no MCP when that module, and every module that imports the
// router, reaches no MCP package.

/** The app, with the router of `./routes.js` mounted at `/api`; line 10 holds `listen`. */
const WEB_APP = `import express from 'express';
import cors from 'cors';
import router from './routes.js';

const app = express();
app.use(cors({ origin: ['http://localhost:5173'] }));
app.use(express.json());
app.use('/api', router);
app.get('/', (_req, res) => res.send('up'));
app.listen(4000, () => console.log('on 4000'));`;

const PLAIN_ROUTER = `import { Router } from 'express';
import { listUsers, addUser } from './store.js';

const router = Router();
router.get('/users', async (_req, res) => res.json(await listUsers()));
router.post('/users', async (req, res) => res.json(await addUser(req.body)));
export default router;`;

const STORE = `export async function listUsers(): Promise<unknown[]> {
  return [];
}
export async function addUser(user: unknown): Promise<unknown> {
  return user;
}`;

const MCP_ROUTER = `import { Router } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const router = Router();
router.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
export default router;`;

/** Another module that adds an MCP route to the plain router. */
const ADDS_MCP_ROUTE = `import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import router from './routes.js';

router.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});`;

function webAppBeside(files: Record<string, string>, app = WEB_APP): string {
  const dir = makePackage({ 'src/index.ts': app, 'src/store.ts': STORE, ...files });
  return path.join(dir, 'src', 'index.ts');
}

/** The app with the router mounted with no path, and a comment that names the MCP servers it answers. */
const WEB_APP_UNPREFIXED = WEB_APP.replace(
  "app.use('/api', router);",
  '// The MCP servers of this repository call these routes.\napp.use(router);',
);

const webAppError = {
  ...nodeDefaultHost(
    10,
    (host) => WEB_APP.replace('listen(4000, () =>', `listen(4000${host}, () =>`),
    '`app.listen()` of Express',
  ),
  column: 5,
  endColumn: 11,
};

ruleTester.run("require-loopback-host: a web app whose routes another module's router holds", loopbackRule, {
  valid: [
    {
      name: 'the router and its handlers reach no MCP package',
      code: WEB_APP,
      filename: webAppBeside({ 'src/routes.ts': PLAIN_ROUTER }),
    },
    {
      name: 'the router exported where it is declared (`export const router`)',
      code: WEB_APP.replace("import router from './routes.js';", "import { router } from './routes.js';"),
      filename: webAppBeside(
        {
          'src/routes.ts': PLAIN_ROUTER.replace('const router = Router();', 'export const router = Router();').replace(
            '\nexport default router;',
            '',
          ),
        },
        WEB_APP.replace("import router from './routes.js';", "import { router } from './routes.js';"),
      ),
    },
    {
      name: 'mounted with no path, in a file whose comment names MCP (`app.use(router)` is no path)',
      code: WEB_APP_UNPREFIXED,
      filename: webAppBeside({ 'src/routes.ts': PLAIN_ROUTER }, WEB_APP_UNPREFIXED),
    },
  ],
  invalid: [
    {
      name: 'the router serves MCP',
      code: WEB_APP,
      filename: webAppBeside({ 'src/routes.ts': MCP_ROUTER }),
      errors: [webAppError],
    },
    {
      name: 'mounted with no path, a router that serves MCP',
      code: WEB_APP_UNPREFIXED,
      filename: webAppBeside({ 'src/routes.ts': MCP_ROUTER }, WEB_APP_UNPREFIXED),
      errors: [
        {
          ...nodeDefaultHost(
            11,
            (host) => WEB_APP_UNPREFIXED.replace('listen(4000, () =>', `listen(4000${host}, () =>`),
            '`app.listen()` of Express',
          ),
          column: 5,
          endColumn: 11,
        },
      ],
    },
    {
      name: 'another module adds an MCP route to the router',
      code: WEB_APP,
      filename: webAppBeside({ 'src/routes.ts': PLAIN_ROUTER, 'src/mcp.ts': ADDS_MCP_ROUTE }),
      errors: [webAppError],
    },
  ],
});

// The entry of a web service that serves an app another module makes and exports (`app.ts` builds
// it, `index.ts` starts it): it serves no MCP when that module, and every module that imports the
// app, reaches no MCP package.

/** The entry: `listen` on line 4. */
const ENTRY = `import { app } from './app.js';

const port = Number(process.env.PORT ?? 4000);
app.listen(port, () => console.log(\`on \${port}\`));`;

/** The app, with the router of `./routes.js` mounted at `/api`. */
const APP_MODULE = `import express from 'express';
import router from './routes.js';

export const app = express();
app.use(express.json());
app.use('/api', router);
app.get('/health', (_req, res) => res.json({ ok: true }));`;

/** The same app, exported by default. */
const DEFAULT_APP_MODULE = `${APP_MODULE.replace('export const app', 'const app')}
export default app;`;

/** Another module that adds an MCP route to the app. */
const ADDS_MCP_TO_APP = ADDS_MCP_ROUTE.replace(
  "import router from './routes.js';",
  "import { app } from './app.js';",
).replace('router.post(', 'app.post(');

/** ENTRY with the app imported as `mcpApp`: code that says MCP (`listen` on line 4). */
const ENTRY_NAMING_MCP = ENTRY.replace(
  "import { app } from './app.js';",
  "import { app as mcpApp } from './app.js';",
).replace('app.listen(', 'mcpApp.listen(');

/** A factory of the app, with its routes. */
const FACTORY_MODULE = `import express from 'express';
import router from './routes.js';

export function createApp() {
  const app = express();
  app.use(express.json());
  app.use('/api', router);
  app.get('/health', (_req, res) => res.json({ ok: true }));
  return app;
}`;

/** A factory of the app that takes the handler of `/rpc` from its caller. */
const FACTORY_WITH_OPTIONS = `import express, { type RequestHandler } from 'express';

export function createApp(options: { onRpc: RequestHandler }) {
  const app = express();
  app.use(express.json());
  app.post('/rpc', options.onRpc);
  app.get('/health', (_req, res) => res.json({ ok: true }));
  return app;
}`;

/** An entry that gives the factory a handler of its own (`listen` on line 4). */
const OPTIONS_ENTRY = `import { createApp } from './app.js';
import { handleRpc } from './rpc.js';

createApp({ onRpc: handleRpc }).listen(4000);`;

const RPC = `import type { Request, Response } from 'express';

export function handleRpc(req: Request, res: Response) {
  if (req.body?.method === 'tools/list') res.json({ jsonrpc: '2.0', id: req.body.id, result: { tools: [] } });
  else res.status(404).end();
}`;

/** An entry that starts what the factory makes (`listen` on line 3). */
const FACTORY_ENTRY = `import { createApp } from './app.js';

createApp().listen(4000);`;

/** A factory of the app that takes its settings and a store from its caller. */
const FACTORY_WITH_SETTINGS = `import express from 'express';
import type { Store } from './store.js';

export function createApp(settings: { prefix: string }, store: Store) {
  const app = express();
  app.get(\`\${settings.prefix}/users\`, async (_req, res) => res.json(await store.listUsers()));
  return app;
}`;

/** An entry that hands the factory plain settings (`listen` on line 4). */
const SETTINGS_ENTRY = `import { createApp } from './app.js';
import * as store from './store.js';

createApp({ prefix: '/api' }, store).listen(4000);`;

/** A Koa app whose routes a \`@koa/router\` router holds, made by a factory that takes settings. */
const KOA_FACTORY = `import Koa from 'koa';
import Router from '@koa/router';

export function createApp(settings: { greeting: string }) {
  const app = new Koa();
  const router = new Router();
  router.get('/hello', (ctx) => {
    ctx.body = settings.greeting;
  });
  app.use(router.routes());
  return app;
}`;

/** An entry that starts the Koa factory's app (\`listen\` on line 3). */
const KOA_ENTRY = `import { createApp } from './app.js';

createApp({ greeting: 'hi' }).listen(4000);`;

/** The settings entry, and an MCP server it starts on stdio beside the app (\`listen\` on line 8). */
const SETTINGS_ENTRY_WITH_MCP = `import { createApp } from './app.js';
import * as store from './store.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

const mcp = new McpServer({ name: 'users', version: '1.0.0' });
await mcp.connect(new StdioServerTransport());
createApp({ prefix: '/api' }, store).listen(4000);`;

function entryBeside(files: Record<string, string>, entry = ENTRY): string {
  const dir = makePackage({ 'src/index.ts': entry, 'src/store.ts': STORE, 'src/routes.ts': PLAIN_ROUTER, ...files });
  return path.join(dir, 'src', 'index.ts');
}

const entryError = {
  ...nodeDefaultHost(
    4,
    (host) => ENTRY.replace('listen(port, () =>', `listen(port${host}, () =>`),
    '`app.listen()` of Express',
  ),
  column: 5,
  endColumn: 11,
};

ruleTester.run("require-loopback-host: an entry that starts another module's app", loopbackRule, {
  valid: [
    {
      name: 'the app and its routers reach no MCP package',
      code: ENTRY,
      filename: entryBeside({ 'src/app.ts': APP_MODULE }),
    },
    {
      name: 'the entry names MCP only in a comment and a log line',
      code: `// The MCP server's admin API.\n${ENTRY.replace('on ${port}', 'MCP admin on ${port}')}`,
      filename: entryBeside(
        { 'src/app.ts': APP_MODULE },
        `// The MCP server's admin API.\n${ENTRY.replace('on ${port}', 'MCP admin on ${port}')}`,
      ),
    },
    {
      name: 'an app that only mounts a router of the project, whose routes answer',
      code: ENTRY,
      filename: entryBeside({
        'src/app.ts': APP_MODULE.replace("\napp.get('/health', (_req, res) => res.json({ ok: true }));", ''),
      }),
    },
    {
      name: 'an app a factory of another module makes and returns',
      code: FACTORY_ENTRY,
      filename: entryBeside({ 'src/app.ts': FACTORY_MODULE }, FACTORY_ENTRY),
    },
    {
      name: 'an app a factory of another module makes from the settings the entry hands it',
      code: SETTINGS_ENTRY,
      filename: entryBeside(
        {
          'src/app.ts': FACTORY_WITH_SETTINGS,
          'src/store.ts': `${STORE}\nexport type Store = typeof import('./store.js');`,
        },
        SETTINGS_ENTRY,
      ),
    },
    {
      name: 'a Koa app whose router the factory mounts with `router.routes()`',
      code: KOA_ENTRY,
      filename: entryBeside({ 'src/app.ts': KOA_FACTORY }, KOA_ENTRY),
    },
    {
      name: "the factory is the package's entry, which other packages import",
      code: KOA_ENTRY,
      filename: path.join(
        makePackage(
          { 'src/index.ts': KOA_ENTRY, 'src/app.ts': KOA_FACTORY },
          { name: 'greeter', version: '1.0.0', main: 'src/app.ts' },
        ),
        'src',
        'index.ts',
      ),
    },
    {
      name: 'the app exported by default',
      code: ENTRY.replace("import { app } from './app.js';", "import app from './app.js';"),
      filename: entryBeside(
        { 'src/app.ts': DEFAULT_APP_MODULE },
        ENTRY.replace("import { app } from './app.js';", "import app from './app.js';"),
      ),
    },
  ],
  invalid: [
    {
      name: 'a router of the app serves MCP',
      code: ENTRY,
      filename: entryBeside({ 'src/app.ts': APP_MODULE, 'src/routes.ts': MCP_ROUTER }),
      errors: [entryError],
    },
    {
      name: 'another module adds an MCP route to the app',
      code: ENTRY,
      filename: entryBeside({ 'src/app.ts': APP_MODULE, 'src/mcp.ts': ADDS_MCP_TO_APP }),
      errors: [entryError],
    },
    {
      name: 'a module re-exports the app, and its importers may add routes',
      code: ENTRY,
      filename: entryBeside({ 'src/app.ts': APP_MODULE, 'src/shared.ts': "export { app } from './app.js';\n" }),
      errors: [entryError],
    },
    {
      name: 'a module hands the app on under another name (`export const http = app`)',
      code: ENTRY,
      filename: entryBeside({
        'src/app.ts': APP_MODULE,
        'src/shared.ts': "import { app } from './app.js';\n\nexport const http = app;\n",
      }),
      errors: [entryError],
    },
    {
      name: 'a module hands the app on in an object it exports by default',
      code: ENTRY,
      filename: entryBeside({
        'src/app.ts': APP_MODULE,
        'src/shared.ts': "import { app } from './app.js';\n\nexport default { app, name: 'web' };\n",
      }),
      errors: [entryError],
    },
    {
      name: 'the app has middleware only: what answers is not shown',
      code: ENTRY,
      filename: entryBeside({
        'src/app.ts': "import express from 'express';\n\nexport const app = express();\napp.use(express.json());\n",
      }),
      errors: [entryError],
    },
    {
      name: 'the entry says MCP in its code',
      code: ENTRY_NAMING_MCP,
      filename: entryBeside({ 'src/app.ts': APP_MODULE }, ENTRY_NAMING_MCP),
      errors: [
        {
          ...nodeDefaultHost(
            4,
            (host) => ENTRY_NAMING_MCP.replace('listen(port, () =>', `listen(port${host}, () =>`),
            '`app.listen()` of Express',
          ),
          column: 8,
          endColumn: 14,
        },
      ],
    },
    {
      name: 'a factory that takes a handler from its caller, which may serve MCP',
      code: OPTIONS_ENTRY,
      filename: entryBeside({ 'src/app.ts': FACTORY_WITH_OPTIONS, 'src/rpc.ts': RPC }, OPTIONS_ENTRY),
      errors: [
        {
          ...nodeDefaultHost(
            4,
            (host) => OPTIONS_ENTRY.replace('listen(4000)', `listen(4000${host})`),
            '`app.listen()` of Express',
          ),
          column: 33,
          endColumn: 39,
        },
      ],
    },
    {
      name: 'the entry that hands the factory its settings serves MCP itself',
      code: SETTINGS_ENTRY_WITH_MCP,
      filename: entryBeside(
        {
          'src/app.ts': FACTORY_WITH_SETTINGS,
          'src/store.ts': `${STORE}\nexport type Store = typeof import('./store.js');`,
        },
        SETTINGS_ENTRY_WITH_MCP,
      ),
      errors: [
        {
          ...nodeDefaultHost(
            8,
            (host) => SETTINGS_ENTRY_WITH_MCP.replace('listen(4000)', `listen(4000${host})`),
            '`app.listen()` of Express',
          ),
          column: 38,
          endColumn: 44,
        },
      ],
    },
    {
      name: 'the factory that takes settings says MCP in its code',
      code: KOA_ENTRY,
      filename: entryBeside(
        { 'src/app.ts': KOA_FACTORY.replace("router.get('/hello'", "router.get('/mcp'") },
        KOA_ENTRY,
      ),
      errors: [
        {
          ...nodeDefaultHost(
            3,
            (host) => KOA_ENTRY.replace('listen(4000)', `listen(4000${host})`),
            '`app.listen()` of Koa',
          ),
          column: 31,
          endColumn: 37,
        },
      ],
    },
    {
      name: 'a factory of an app whose router serves MCP',
      code: FACTORY_ENTRY,
      filename: entryBeside({ 'src/app.ts': FACTORY_MODULE, 'src/routes.ts': MCP_ROUTER }, FACTORY_ENTRY),
      errors: [
        {
          ...nodeDefaultHost(
            3,
            (host) => FACTORY_ENTRY.replace('listen(4000)', `listen(4000${host})`),
            '`app.listen()` of Express',
          ),
          column: 13,
          endColumn: 19,
        },
      ],
    },
  ],
});

/**
 * The report on a CORS middleware left at its default `*` (`call` in `code`, at `line`), with its
 * two suggestions: deny (`denied`), and a constant allowlist declared after `lastImport`.
 */
function defaultCorsError(
  code: string,
  at: { line: number; column: number; endColumn: number },
  {
    policy,
    call,
    denied,
    allowed,
    lastImport,
  }: { policy: string; call: string; denied: string; allowed: string; lastImport: string },
) {
  return {
    messageId: 'wildcardOrigin' as const,
    data: { policy, credentials: '' },
    line: at.line,
    column: at.column,
    endLine: at.line,
    endColumn: at.endColumn,
    suggestions: [
      { messageId: 'denyOrigins' as const, output: code.replace(call, denied) },
      {
        messageId: 'useAllowlist' as const,
        output: code
          .replace(call, allowed)
          .replace(
            `${lastImport}\n`,
            `${lastImport}\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n`,
          ),
      },
    ],
  };
}

// An app whose CORS policy covers a router another module makes, mounted at a path of its own: the
// router's routes, which the app's file does not list, are reached too.

/** The app: `cors()` (line 6) over a health route and the router of `./router.js` at `/mcp`. */
const MOUNTING_APP = `import express from 'express';
import cors from 'cors';
import { router } from './router.js';

const app = express();
app.use(cors());
app.get('/health', (_req, res) => {
  res.json({ ok: true });
});
app.use('/mcp', router);
app.listen(3000, '127.0.0.1');`;

const MCP_ROUTER_MODULE = `import { Router } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
export const router = Router();
router.post('/', (req, res) => transport.handleRequest(req, res, req.body));`;

const STATUS_ROUTER_MODULE = `import { Router } from 'express';

export const router = Router();
router.get('/', (_req, res) => res.json({ uptime: process.uptime() }));`;

function mountingAppBeside(router: string): string {
  const dir = makePackage({ 'src/app.ts': MOUNTING_APP, 'src/router.ts': router });
  return path.join(dir, 'src', 'app.ts');
}

ruleTester.run("no-wildcard-origin: a router of another module mounted under the app's policy", wildcardRule, {
  valid: [
    {
      name: 'the router serves no MCP',
      code: MOUNTING_APP,
      filename: mountingAppBeside(STATUS_ROUTER_MODULE),
    },
  ],
  invalid: [
    {
      name: 'the router serves MCP at `/mcp`',
      code: MOUNTING_APP,
      filename: mountingAppBeside(MCP_ROUTER_MODULE),
      output: null,
      errors: [
        defaultCorsError(
          MOUNTING_APP,
          { line: 6, column: 9, endColumn: 15 },
          {
            policy: '`cors()` without `origin` (default `*`)',
            call: 'app.use(cors());',
            denied: 'app.use(cors({ origin: false }));',
            allowed: 'app.use(cors({ origin: ALLOWED_ORIGINS }));',
            lastImport: "import { router } from './router.js';",
          },
        ),
      ],
    },
  ],
});

/** MOUNTING_APP with a bearer check mounted before the router, and a health route that logs. */
const GUARDED_MOUNT = MOUNTING_APP.replace(
  'const app = express();',
  `function requireToken(req: express.Request, res: express.Response, next: express.NextFunction) {
  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN ?? 'a-long-development-secret'}\`) {
    res.status(401).end();
    return;
  }
  next();
}

const app = express();`,
)
  .replace("app.use('/mcp', router);", "app.use('/mcp', requireToken, router);")
  .replace(
    "app.get('/health', (_req, res) => {\n",
    "app.get('/health', (_req, res) => {\n  console.log('health check');\n",
  );

ruleTester.run('no-wildcard-origin: a router of another module mounted behind a check', wildcardRule, {
  valid: [
    {
      name: 'the check runs before the router: a page without the token reads only the refusal',
      code: GUARDED_MOUNT,
      filename: path.join(
        makePackage({ 'src/app.ts': GUARDED_MOUNT, 'src/router.ts': MCP_ROUTER_MODULE }),
        'src',
        'app.ts',
      ),
    },
  ],
  invalid: [
    {
      name: 'without trusting credential checks',
      code: GUARDED_MOUNT,
      options: [{ trustCredentialChecks: false }],
      filename: path.join(
        makePackage({ 'src/app.ts': GUARDED_MOUNT, 'src/router.ts': MCP_ROUTER_MODULE }),
        'src',
        'app.ts',
      ),
      output: null,
      errors: [
        defaultCorsError(
          GUARDED_MOUNT,
          { line: 14, column: 9, endColumn: 15 },
          {
            policy: '`cors()` without `origin` (default `*`)',
            call: 'app.use(cors());',
            denied: 'app.use(cors({ origin: false }));',
            allowed: 'app.use(cors({ origin: ALLOWED_ORIGINS }));',
            lastImport: "import { router } from './router.js';",
          },
        ),
      ],
    },
  ],
});

/** A Hono app: `cors()` (line 7) over a health route and the sub-app of `./mcp.js` at `/mcp`. */
const HONO_MOUNTING_APP = `import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { serve } from '@hono/node-server';
import { mcpApp } from './mcp.js';

const app = new Hono();
app.use('*', cors());
app.get('/health', (c) => c.json({ ok: true }));
app.route('/mcp', mcpApp);
serve({ fetch: app.fetch, port: 3000, hostname: '127.0.0.1' });`;

const HONO_MCP_MODULE = `import { Hono } from 'hono';
import { StreamableHTTPTransport } from '@hono/mcp';

const transport = new StreamableHTTPTransport();
export const mcpApp = new Hono();
mcpApp.all('/', (c) => transport.handleRequest(c));`;

ruleTester.run("no-wildcard-origin: a Hono sub-app of another module under the app's policy", wildcardRule, {
  valid: [],
  invalid: [
    {
      name: 'the sub-app serves MCP at `/mcp` (`app.route`)',
      code: HONO_MOUNTING_APP,
      filename: path.join(
        makePackage({ 'src/app.ts': HONO_MOUNTING_APP, 'src/mcp.ts': HONO_MCP_MODULE }),
        'src',
        'app.ts',
      ),
      output: null,
      errors: [
        defaultCorsError(
          HONO_MOUNTING_APP,
          { line: 7, column: 14, endColumn: 20 },
          {
            policy: '`hono/cors` without `origin` (default `*`)',
            call: "app.use('*', cors());",
            denied: "app.use('*', cors({ origin: [] }));",
            allowed: "app.use('*', cors({ origin: ALLOWED_ORIGINS }));",
            lastImport: "import { mcpApp } from './mcp.js';",
          },
        ),
      ],
    },
  ],
});

// An entry that registers no endpoint of its own but mounts an app another module's factory makes
// (`hono.route('/', await createApp())`): the endpoints are that module's, and where it reaches no
// MCP package and says MCP nowhere, the entry serves no MCP either.

/** The entry: `Bun.serve` on line 7. */
const MOUNTING_ENTRY = `import { Hono } from 'hono';
import { createApp } from './app';

const app = await createApp();
const root = new Hono();
root.route('/', app);
Bun.serve({ fetch: root.fetch, port: 3000 });`;

const ITEMS_APP = `import { Hono } from 'hono';

export async function createApp(): Promise<Hono> {
  const app = new Hono();
  app.get('/api/items', (c) => c.json({ items: [] }));
  return app;
}`;

/** The entry beside `app.ts` holding `app`. */
const mountingEntryBeside = (app: string): string =>
  path.join(makePackage({ 'src/server.ts': MOUNTING_ENTRY, 'src/app.ts': app }), 'src', 'server.ts');

const MOUNTING_ENTRY_ERROR = {
  messageId: 'defaultHost' as const,
  data: { api: '`Bun.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
  line: 7,
  column: 5,
  endLine: 7,
  endColumn: 10,
  suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
    messageId,
    output: MOUNTING_ENTRY.replace('port: 3000 }', `port: 3000, hostname: ${host} }`),
  })),
};

ruleTester.run("require-loopback-host: an entry that mounts another module's app", loopbackRule, {
  valid: [
    {
      name: "the mounted app's module has endpoints and reaches no MCP package",
      code: MOUNTING_ENTRY,
      filename: mountingEntryBeside(ITEMS_APP),
    },
  ],
  invalid: [
    {
      name: "the mounted app's module serves MCP",
      code: MOUNTING_ENTRY,
      filename: mountingEntryBeside(
        ITEMS_APP.replace(
          "import { Hono } from 'hono';",
          "import { Hono } from 'hono';\nimport { StreamableHTTPTransport } from '@hono/mcp';\n\nconst transport = new StreamableHTTPTransport();",
        ).replace(
          "app.get('/api/items', (c) => c.json({ items: [] }));",
          "app.all('/mcp', (c) => transport.handleRequest(c));",
        ),
      ),
      errors: [MOUNTING_ENTRY_ERROR],
    },
    {
      name: 'the mounted app has middleware only',
      code: MOUNTING_ENTRY,
      filename: mountingEntryBeside(
        ITEMS_APP.replace(
          "app.get('/api/items', (c) => c.json({ items: [] }));",
          "app.use('*', async (_c, next) => {\n    await next();\n  });",
        ),
      ),
      errors: [MOUNTING_ENTRY_ERROR],
    },
  ],
});

// A NestJS entry: Nest finds the app's controllers through the modules the entry imports. Where
// nothing it reaches reaches an MCP package or answers MCP's methods by hand, it serves no MCP.

/** `main.ts`: `enableCors()` (line 6) and `listen` (line 7). */
const NEST_MAIN = `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors();
  await app.listen(process.env.PORT ?? 3000);
}
void bootstrap();`;

const NEST_MODULE = `import { Module } from '@nestjs/common';
import { TodosController } from './todos.controller';

@Module({ controllers: [TodosController] })
export class AppModule {}`;

const TODOS_CONTROLLER = `import { Controller, Get } from '@nestjs/common';

@Controller('todos')
export class TodosController {
  @Get()
  list() {
    return [];
  }
}`;

const MCP_CONTROLLER = `import { Controller, Post, Req, Res } from '@nestjs/common';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

@Controller('todos')
export class TodosController {
  @Post()
  async mcp(@Req() req: any, @Res() res: any) {
    await new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res, req.body);
  }
}`;

const RPC_CONTROLLER = TODOS_CONTROLLER.replace(
  '  list() {\n    return [];\n  }',
  "  list(body: { method: string }) {\n    return body.method === 'tools/list' ? { tools: [] } : null;\n  }",
);

function nestMainBeside(controller: string): string {
  const dir = makePackage({
    'src/main.ts': NEST_MAIN,
    'src/app.module.ts': NEST_MODULE,
    'src/todos.controller.ts': controller,
  });
  return path.join(dir, 'src', 'main.ts');
}

const NEST_SUGGESTIONS = LOOPBACK_HOSTS.map(([messageId, host]) => ({
  messageId,
  output: NEST_MAIN.replace('app.listen(process.env.PORT ?? 3000)', `app.listen(process.env.PORT ?? 3000, ${host})`),
}));

const nestListen = (line: number) => ({
  messageId: 'defaultHost' as const,
  data: { api: '`app.listen()` of NestJS', hostLabel: 'host', binding: "Node's default is `::`" },
  line,
  column: 13,
  endLine: line,
  endColumn: 19,
});

/** NEST_MAIN handing its app to a function of the project (`listen` on line 9). */
const NEST_MAIN_HANDED = NEST_MAIN.replace(
  "import { AppModule } from './app.module';",
  "import { AppModule } from './app.module';\nimport { setupSockets } from './sockets';",
).replace('  app.enableCors();', '  app.enableCors();\n  setupSockets(app);');

/** NEST_MAIN serving its OpenAPI document with `@nestjs/swagger` (`listen` on line 10). */
const NEST_MAIN_SWAGGER = NEST_MAIN.replace(
  "import { AppModule } from './app.module';",
  "import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';\nimport { AppModule } from './app.module';",
).replace(
  '  app.enableCors();',
  "  app.enableCors();\n  const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());\n  SwaggerModule.setup('docs', app, document);",
);

/** NEST_MAIN_SWAGGER handing its app to an installed package that is not `@nestjs/swagger` either. */
const NEST_MAIN_PACKAGE = NEST_MAIN_SWAGGER.replace(
  "import { AppModule } from './app.module';",
  "import { AppModule } from './app.module';\nimport { attachAdmin } from 'nest-admin-kit';",
).replace(
  "  SwaggerModule.setup('docs', app, document);",
  "  SwaggerModule.setup('docs', app, document);\n  attachAdmin(app);",
);

ruleTester.run('require-loopback-host: a NestJS entry', loopbackRule, {
  valid: [
    { name: 'its controllers reach no MCP package', code: NEST_MAIN, filename: nestMainBeside(TODOS_CONTROLLER) },
    {
      name: 'the app is handed only to `@nestjs/swagger`, which serves its OpenAPI document',
      code: NEST_MAIN_SWAGGER,
      filename: nestMainBeside(TODOS_CONTROLLER),
    },
  ],
  invalid: [
    {
      name: 'the app is handed to a function of the project, which may add to it',
      code: NEST_MAIN_HANDED,
      filename: path.join(
        makePackage({
          'src/main.ts': NEST_MAIN_HANDED,
          'src/app.module.ts': NEST_MODULE,
          'src/todos.controller.ts': TODOS_CONTROLLER,
          'src/sockets.ts': 'export function setupSockets(app: unknown): void {\n  void app;\n}',
        }),
        'src',
        'main.ts',
      ),
      errors: [
        {
          ...nestListen(9),
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: NEST_MAIN_HANDED.replace(
              'app.listen(process.env.PORT ?? 3000)',
              `app.listen(process.env.PORT ?? 3000, ${host})`,
            ),
          })),
        },
      ],
    },
    {
      name: 'the app is also handed to another package, which may add routes',
      code: NEST_MAIN_PACKAGE,
      filename: nestMainBeside(TODOS_CONTROLLER),
      errors: [
        {
          ...nestListen(12),
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: NEST_MAIN_PACKAGE.replace(
              'app.listen(process.env.PORT ?? 3000)',
              `app.listen(process.env.PORT ?? 3000, ${host})`,
            ),
          })),
        },
      ],
    },
    {
      name: 'a controller hands requests to an MCP transport',
      code: NEST_MAIN,
      filename: nestMainBeside(MCP_CONTROLLER),
      errors: [{ ...nestListen(7), suggestions: NEST_SUGGESTIONS }],
    },
    {
      name: "a controller answers MCP's methods by hand",
      code: NEST_MAIN,
      filename: nestMainBeside(RPC_CONTROLLER),
      errors: [{ ...nestListen(7), suggestions: NEST_SUGGESTIONS }],
    },
  ],
});

ruleTester.run('no-wildcard-origin: a NestJS entry', wildcardRule, {
  valid: [
    { name: 'its controllers reach no MCP package', code: NEST_MAIN, filename: nestMainBeside(TODOS_CONTROLLER) },
  ],
  invalid: [
    {
      name: 'a controller hands requests to an MCP transport',
      code: NEST_MAIN,
      filename: nestMainBeside(MCP_CONTROLLER),
      output: null,
      errors: [
        defaultCorsError(
          NEST_MAIN,
          { line: 6, column: 3, endColumn: 19 },
          {
            policy: 'NestJS `enableCors()` without `origin` (default `*`)',
            call: 'app.enableCors();',
            denied: 'app.enableCors({ origin: false });',
            allowed: 'app.enableCors({ origin: ALLOWED_ORIGINS });',
            lastImport: "import { AppModule } from './app.module';",
          },
        ),
      ],
    },
  ],
});
