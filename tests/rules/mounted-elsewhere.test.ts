import path from 'node:path';
import csrfRule from '../../src/rules/require-csrf-token';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';
import { packageMaker } from '../support/packages';

// A router or sub-app is often made in one module and mounted by another: a factory that returns
// an Express router for one discovery document, mounted at its `/.well-known/` path; a Hono
// sub-app exported for `app.route('/mcp', mcpApp)`. What the router's policy reaches, and the path
// its routes answer at, are where those modules mount it. A module that does anything else with
// the router (adds a route, hands it to a helper) leaves it open to routes this file does not show.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

/** An Express router for one metadata document, made by an exported factory; `cors()` is on line 6. */
const METADATA_ROUTER = `import express from 'express';
import cors from 'cors';

export function metadataRouter(document: object) {
  const router = express.Router();
  router.use(cors());
  router.get('/', (_req, res) => {
    res.json(document);
  });
  return router;
}
`;

/** A server that mounts the metadata router with `mount`, beside a bearer-checked `/mcp`. */
const metadataServer = (mount: string) => `import express from 'express';
import { metadataRouter } from './metadata.js';

const app = express();
${mount}
app.post('/mcp', (req, res) => {
  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) {
    res.status(401).end();
    return;
  }
  res.json({});
});
app.listen(3000, '127.0.0.1');
`;

/** The metadata router's module, in a package beside a server that mounts it with `mount`. */
function metadataBeside(mount: string): string {
  const dir = makePackage({ 'src/metadata.ts': METADATA_ROUTER, 'src/server.ts': metadataServer(mount) });
  return path.join(dir, 'src', 'metadata.ts');
}

/** A Hono sub-app, exported, whose one POST route refuses a request without the bearer token; `cors()` is on line 5. */
const MCP_APP = `import { Hono } from 'hono';
import { cors } from 'hono/cors';

const mcpApp = new Hono();
mcpApp.use('/*', cors({ origin: '*' }));
mcpApp.post('/', async (c) => {
  if (c.req.header('authorization') !== \`Bearer \${process.env.MCP_TOKEN}\`) {
    return c.json({ error: 'invalid_token' }, 401);
  }
  return c.json({ jsonrpc: '2.0', id: null, result: {} });
});

export { mcpApp };
`;

/** The sub-app's module, in a package beside a server whose body after the import is `body`. */
function mcpAppBeside(body: string): string {
  const server = `import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { mcpApp } from './mcp-app.js';

const app = new Hono();
${body}
serve({ fetch: app.fetch, port: 3000, hostname: '127.0.0.1' });
`;
  const dir = makePackage({ 'src/mcp-app.ts': MCP_APP, 'src/server.ts': server });
  return path.join(dir, 'src', 'mcp-app.ts');
}

/**
 * The sub-app's module, in a package whose server mounts it and exports its own app, which a third
 * module imports and adds a route to under the mount's path.
 */
function mcpAppExportedBeside(): string {
  const server = `import { Hono } from 'hono';
import { mcpApp } from './mcp-app.js';

export const app = new Hono();
app.route('/mcp', mcpApp);
`;
  const tools = `import { serve } from '@hono/node-server';
import { app } from './server.js';

app.post('/mcp/tools', (c) => c.json({ tools: [] }));
serve({ fetch: app.fetch, port: 3000, hostname: '127.0.0.1' });
`;
  const dir = makePackage({ 'src/mcp-app.ts': MCP_APP, 'src/server.ts': server, 'src/main.ts': tools });
  return path.join(dir, 'src', 'mcp-app.ts');
}

const SUB_APP_WILDCARD = {
  messageId: 'wildcardOrigin',
  data: { policy: '`hono/cors` with an `origin` that is `*`', credentials: '' },
  line: 5,
  column: 25,
  endLine: 5,
  endColumn: 36,
} as const;

const ALLOWLIST = "const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];";

/** The two suggestions on the metadata router's `cors()`. */
const METADATA_SUGGESTIONS = [
  { messageId: 'denyOrigins', output: METADATA_ROUTER.replace('cors()', 'cors({ origin: false })') },
  {
    messageId: 'useAllowlist',
    output: METADATA_ROUTER.replace('cors()', 'cors({ origin: ALLOWED_ORIGINS })').replace(
      '\nexport function',
      `\n${ALLOWLIST}\n\nexport function`,
    ),
  },
] as const;

const METADATA_WILDCARD = {
  messageId: 'wildcardOrigin',
  data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
  line: 6,
  column: 14,
  endLine: 6,
  endColumn: 20,
  suggestions: METADATA_SUGGESTIONS,
} as const;

/** The two suggestions on the sub-app's `origin: '*'`. */
const SUB_APP_SUGGESTIONS = [
  { messageId: 'denyOrigins', output: MCP_APP.replace("origin: '*'", 'origin: []') },
  {
    messageId: 'useAllowlist',
    output: MCP_APP.replace("origin: '*'", 'origin: ALLOWED_ORIGINS').replace(
      '\nconst mcpApp',
      `\n${ALLOWLIST}\n\nconst mcpApp`,
    ),
  },
] as const;

ruleTester.run('no-wildcard-origin: routers mounted by another module', wildcardRule, {
  valid: [
    {
      name: 'a factory router mounted only at its discovery path',
      code: METADATA_ROUTER,
      filename: metadataBeside("app.use('/.well-known/oauth-protected-resource', metadataRouter({ resource: 'x' }));"),
    },
    {
      name: 'a factory router mounted at two discovery paths',
      code: METADATA_ROUTER,
      filename: metadataBeside(
        [
          "app.use('/.well-known/oauth-protected-resource', metadataRouter({ resource: 'x' }));",
          "app.use('/.well-known/oauth-authorization-server', metadataRouter({ resource: 'x' }));",
        ].join('\n'),
      ),
    },
    {
      name: 'an exported sub-app that another module only mounts, at a path of its own',
      code: MCP_APP,
      filename: mcpAppBeside("app.route('/mcp', mcpApp);"),
    },
  ],
  invalid: [
    {
      name: 'the factory router mounted at a path that is not public',
      code: METADATA_ROUTER,
      filename: metadataBeside("app.use('/api/metadata', metadataRouter({ resource: 'x' }));"),
      errors: [METADATA_WILDCARD],
    },
    {
      name: 'the factory router mounted at the root, before the routes of the app, which its `cors()` then reaches',
      code: METADATA_ROUTER,
      filename: metadataBeside("app.use(metadataRouter({ resource: 'x' }));"),
      errors: [METADATA_WILDCARD],
    },
    {
      name: 'the factory router kept in a constant that also gets a route of its own',
      code: METADATA_ROUTER,
      filename: metadataBeside(
        [
          "const metadata = metadataRouter({ resource: 'x' });",
          "metadata.get('/private', (_req, res) => res.json({ secret: true }));",
          "app.use('/.well-known/oauth-protected-resource', metadata);",
        ].join('\n'),
      ),
      errors: [METADATA_WILDCARD],
    },
    {
      name: 'the importer adds a route to the sub-app',
      code: MCP_APP,
      filename: mcpAppBeside(
        ["mcpApp.get('/notes', (c) => c.json({ notes: [] }));", "app.route('/mcp', mcpApp);"].join('\n'),
      ),
      errors: [{ ...SUB_APP_WILDCARD, suggestions: SUB_APP_SUGGESTIONS }],
    },
    {
      name: 'the sub-app mounted at the root, where the app answers other paths too',
      code: MCP_APP,
      filename: mcpAppBeside(
        ["app.get('/notes', (c) => c.json({ notes: [] }));", "app.route('/', mcpApp);"].join('\n'),
      ),
      errors: [{ ...SUB_APP_WILDCARD, suggestions: SUB_APP_SUGGESTIONS }],
    },
    {
      name: "the importer's own app is exported, and another module may add routes under the mount",
      code: MCP_APP,
      filename: mcpAppExportedBeside(),
      errors: [{ ...SUB_APP_WILDCARD, suggestions: SUB_APP_SUGGESTIONS }],
    },
    {
      name: 'the sub-app handed to a helper of the importer',
      code: MCP_APP,
      filename: mcpAppBeside("addRoutes(mcpApp);\napp.route('/mcp', mcpApp);\nfunction addRoutes(_sub: Hono) {}"),
      errors: [{ ...SUB_APP_WILDCARD, suggestions: SUB_APP_SUGGESTIONS }],
    },
  ],
});

/** An Express router whose `POST /` hands requests to the SDK's transport, made by an exported factory. */
const MCP_ROUTER = `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export function mcpRouter() {
  const router = express.Router();
  router.post('/', async (req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res, req.body);
  });
  return router;
}
`;

function mcpRouterBeside(mount: string): string {
  const server = `import express from 'express';
import { mcpRouter } from './mcp-router.js';

const app = express();
app.use(express.json());
${mount}
app.listen(3000, '127.0.0.1');
`;
  const dir = makePackage({ 'src/mcp-router.ts': MCP_ROUTER, 'src/server.ts': server });
  return path.join(dir, 'src', 'mcp-router.ts');
}

/** The router with the token check of a suggestion in front of its handler. */
const mcpRouterGuarded = (bearer: boolean): string =>
  MCP_ROUTER.replace('\nexport function', `\n${tokenHelpers({ bearer })}\n\nexport function`).replace(
    "router.post('/', async",
    `router.post('/', ${guard('express', bearer, { indent: '  ' })}async`,
  );

ruleTester.run('require-csrf-token: the path a router of another module is mounted at', csrfRule, {
  valid: [],
  invalid: [
    {
      name: 'named by the path the importer mounts it at',
      code: MCP_ROUTER,
      filename: mcpRouterBeside("app.use('/mcp', mcpRouter());"),
      errors: [missingCheck('`POST /mcp`', [6, 3, 6, 14], mcpRouterGuarded)],
    },
    {
      name: 'by its own path, when a module also uses it otherwise',
      code: MCP_ROUTER,
      filename: mcpRouterBeside("const router = mcpRouter();\nconsole.log(router);\napp.use('/mcp', router);"),
      errors: [missingCheck('`POST /`', [6, 3, 6, 14], mcpRouterGuarded)],
    },
  ],
});
