import path from 'node:path';
import loopbackRule from '../../src/rules/require-loopback-host';
import reflectedRule from '../../src/rules/no-reflected-origin';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';
import { nodeDefaultHost } from '../support/fix-text';
import { packageMaker } from '../support/packages';

// A repository that holds an MCP server often holds other packages too: a dashboard, a mock of an
// upstream API, a website. Where nothing in a package says MCP (no module, tests included, no
// word of its manifest, no package of the project it imports, no package of its workspace that
// depends on it), none of its servers serves MCP, whatever its handlers look like: the rules about
// MCP servers leave them alone. Anything that says MCP, or an import the analysis cannot follow,
// brings them back.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

const DASHBOARD_MANIFEST = { name: 'stats-dashboard', private: true, dependencies: { express: '^5', cors: '^2' } };

/** A plain `node:http` server whose handler the file writes: the rules cannot tell it from an MCP bridge alone. */
const PLAIN_SERVER = `import http from 'node:http';
import { readFileSync } from 'node:fs';

const server = http.createServer((req, res) => {
  if (req.url === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(readFileSync('index.html'));
    return;
  }
  res.writeHead(404).end();
});
server.listen(4000);
`;

/** An express app a factory makes and exports, with a CORS policy: its importers could add routes. */
const API_FACTORY = (policy: string): string => `import express from 'express';
import cors from 'cors';

export function createApi() {
  const app = express();
  app.use(cors(${policy}));
  app.get('/stats', (_req, res) => res.json({ requests: 0 }));
  return app;
}

createApi().listen(5000, '127.0.0.1');
`;

/** The package folder `files` make, and the file of it the case lints (written there too). */
function packageWith(
  files: Record<string, string>,
  linted: string,
  code: string,
  manifest: object = DASHBOARD_MANIFEST,
): string {
  const dir = makePackage({ ...files, [linted]: code }, manifest);
  return path.join(dir, linted);
}

/** A workspace of two packages: the dashboard, and an MCP server's package that lists `mcpDependencies`. */
function workspaceWith(code: string, mcpDependencies: Record<string, string>): string {
  const root = makePackage(
    {
      'packages/dashboard/package.json': JSON.stringify(DASHBOARD_MANIFEST),
      'packages/dashboard/src/server.ts': code,
      'packages/tools/package.json': JSON.stringify({
        name: 'tools-server',
        private: true,
        dependencies: { '@modelcontextprotocol/sdk': '^1.20.0', ...mcpDependencies },
      }),
      'packages/tools/src/index.ts':
        "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\n\nexport const server = new McpServer({ name: 'tools', version: '1.0.0' });\n",
    },
    { name: 'monorepo', private: true, workspaces: ['packages/*'] },
  );
  return path.join(root, 'packages/dashboard/src/server.ts');
}

/** The report on PLAIN_SERVER's `server.listen(4000)`, with its suggestions. */
const plainServerReport = nodeDefaultHost(12, (host) => PLAIN_SERVER.replace('listen(4000)', `listen(4000${host})`));

ruleTester.run('require-loopback-host: a package where nothing says MCP', loopbackRule, {
  valid: [
    {
      name: 'a plain node:http server of a dashboard package',
      code: PLAIN_SERVER,
      filename: packageWith(
        { 'src/metrics.ts': 'export const started = Date.now();\n' },
        'src/server.ts',
        PLAIN_SERVER,
      ),
    },
    {
      name: 'the same server in a workspace whose MCP package does not depend on it',
      code: PLAIN_SERVER,
      filename: workspaceWith(PLAIN_SERVER, {}),
    },
  ],
  invalid: [
    {
      name: 'another module of the package imports the MCP SDK',
      code: PLAIN_SERVER,
      filename: packageWith(
        { 'src/tools.ts': "export { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\n" },
        'src/server.ts',
        PLAIN_SERVER,
      ),
      errors: [plainServerReport],
    },
    {
      name: 'the manifest lists a package named for MCP',
      code: PLAIN_SERVER,
      filename: packageWith({}, 'src/server.ts', PLAIN_SERVER, {
        ...DASHBOARD_MANIFEST,
        dependencies: { ...DASHBOARD_MANIFEST.dependencies, fastmcp: '^3.0.0' },
      }),
      errors: [plainServerReport],
    },
    {
      name: 'the package is named for MCP',
      code: PLAIN_SERVER,
      filename: packageWith({}, 'src/server.ts', PLAIN_SERVER, { ...DASHBOARD_MANIFEST, name: 'notes-mcp' }),
      errors: [plainServerReport],
    },
    {
      name: 'a module answers one of MCP’s methods by hand',
      code: PLAIN_SERVER,
      filename: packageWith(
        { 'src/rpc.ts': "export const METHODS = ['tools/list', 'tools/call'];\n" },
        'src/server.ts',
        PLAIN_SERVER,
      ),
      errors: [plainServerReport],
    },
    {
      name: 'a module imports a package no manifest declares, which resolves to no module (an alias)',
      code: PLAIN_SERVER,
      filename: packageWith(
        { 'src/handlers.ts': "export { handle } from '@internal/handlers';\n" },
        'src/server.ts',
        PLAIN_SERVER,
      ),
      errors: [plainServerReport],
    },
    {
      name: 'a module imports a module of another package, by a relative path, that says MCP',
      code: PLAIN_SERVER,
      filename: (() => {
        const root = makePackage(
          {
            'dashboard/package.json': JSON.stringify(DASHBOARD_MANIFEST),
            'dashboard/src/server.ts': PLAIN_SERVER,
            'dashboard/src/tools.ts': "export { server } from '../../server/src/index';\n",
            'server/package.json': JSON.stringify({ name: 'tools', private: true }),
            'server/src/index.ts':
              "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\n\nexport const server = new McpServer({ name: 'tools', version: '1.0.0' });\n",
          },
          { name: 'repo', private: true },
        );
        return path.join(root, 'dashboard/src/server.ts');
      })(),
      errors: [plainServerReport],
    },
    {
      name: 'the MCP package of the workspace depends on it, and may add MCP routes to what it exports',
      code: PLAIN_SERVER,
      filename: workspaceWith(PLAIN_SERVER, { 'stats-dashboard': 'workspace:*' }),
      errors: [plainServerReport],
    },
  ],
});

const WILDCARD_API = API_FACTORY('');
const REFLECTED_API = API_FACTORY('{ origin: true, credentials: true }');

ruleTester.run('no-wildcard-origin: a package where nothing says MCP', wildcardRule, {
  valid: [
    {
      name: 'an exported app of a dashboard package with `cors()`',
      code: WILDCARD_API,
      filename: packageWith({}, 'src/api.ts', WILDCARD_API),
    },
  ],
  invalid: [
    {
      name: 'the same app, in a package whose test starts an MCP server',
      code: WILDCARD_API,
      filename: packageWith(
        { 'test/mcp.test.ts': "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\n" },
        'src/api.ts',
        WILDCARD_API,
      ),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 17,
          suggestions: [
            { messageId: 'denyOrigins', output: API_FACTORY('{ origin: false }') },
            {
              messageId: 'useAllowlist',
              output: API_FACTORY('{ origin: ALLOWED_ORIGINS }').replace(
                '\nexport function createApi',
                "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\nexport function createApi",
              ),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-reflected-origin: a package where nothing says MCP', reflectedRule, {
  valid: [
    {
      name: 'an exported app of a dashboard package that reflects the origin with credentials',
      code: REFLECTED_API,
      filename: packageWith({}, 'src/api.ts', REFLECTED_API),
    },
  ],
  invalid: [
    {
      name: 'the same app, in a package whose README-like module names the MCP server it sits beside',
      code: REFLECTED_API,
      filename: packageWith(
        { 'src/about.ts': "export const ABOUT = 'Stats for the notes MCP server';\n" },
        'src/api.ts',
        REFLECTED_API,
      ),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: ', credentials included' },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 30,
          suggestions: [
            { messageId: 'denyOrigins', output: API_FACTORY('{ origin: false, credentials: true }') },
            {
              messageId: 'useAllowlist',
              output: API_FACTORY('{ origin: ALLOWED_ORIGINS, credentials: true }').replace(
                '\nexport function createApi',
                "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\nexport function createApi",
              ),
            },
          ],
        },
      ],
    },
  ],
});
