import path from 'node:path';
import loopbackRule from '../../src/rules/require-loopback-host';
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

/**
 * A plain `node:http` server whose handler the file writes, and that reads request bodies (it logs
 * what is posted to it): the rules cannot tell it from an MCP bridge alone.
 */
const PLAIN_SERVER = `import http from 'node:http';
import { readFileSync } from 'node:fs';

const server = http.createServer((req, res) => {
  if (req.url === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(readFileSync('index.html'));
    return;
  }
  req.on('data', (chunk) => process.stdout.write(chunk)).on('end', () => res.writeHead(404).end());
});
server.listen(4000);
`;

/**
 * A plain `node:http` API that writes a wildcard policy in its handler: the file alone cannot tell
 * it from an MCP bridge.
 */
const PLAIN_API = `import http from 'node:http';

const server = http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.end(JSON.stringify({ requests: 0 }));
});
server.listen(5000, '127.0.0.1');
`;

/** A module of the dashboard that makes its server and exports it, for `STARTS_IMPORTED_SERVER` to start. */
const EXPORTED_SERVER = `import http from 'node:http';

export const server = http.createServer((_req, res) => res.end('ok'));
`;

/** A module that starts the server another module of its package exports. */
const STARTS_IMPORTED_SERVER = `import { server } from './http';

server.listen(4000);
`;

/** A plain server whose handler comes from an installed package. */
const HANDLED_BY_PACKAGE = `import http from 'node:http';
import { handler } from '@acme/assistant-server';

http.createServer(handler).listen(8080);
`;

/** A gateway that passes every request on to an upstream server (an MCP server in another language). */
const FORWARDING = `import http from 'node:http';

const server = http.createServer((req, res) => {
  const upstream = http.request(process.env.UPSTREAM_URL ?? 'http://127.0.0.1:8000', { method: req.method, headers: req.headers });
  upstream.on('response', (answer) => answer.pipe(res));
  req.pipe(upstream);
});
server.listen(8081);
`;

/** A plain server whose handler comes from a module of the package's `vendor/` folder. */
const VENDORED = `import http from 'node:http';
import { handle } from '../vendor/bridge';

http.createServer(handle).listen(8080);
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

/**
 * A workspace of two packages: the dashboard, with `files` beside its `src/server.ts`, and an MCP
 * server's package that lists `mcpDependencies`.
 */
function workspaceWith(
  code: string,
  mcpDependencies: Record<string, string>,
  files: Record<string, string> = {},
): string {
  const root = makePackage(
    {
      ...Object.fromEntries(Object.entries(files).map(([name, text]) => [`packages/dashboard/${name}`, text])),
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
      name: 'the MCP package of the workspace depends on it, but reaches nothing of a module that exports nothing and makes its own server',
      code: PLAIN_SERVER,
      filename: workspaceWith(PLAIN_SERVER, { 'stats-dashboard': 'workspace:*' }),
    },
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
      name: 'the package lints with this plugin: its config and a directive name it, which says no MCP',
      code: PLAIN_SERVER,
      filename: packageWith(
        {
          'eslint.config.mjs':
            "import mcpCors from 'eslint-plugin-mcp-cors';\n\nexport default [mcpCors.configs.recommended];\n",
          'scripts/preview.ts':
            "import http from 'node:http';\n\n// eslint-disable-next-line mcp-cors/require-loopback-host -- a preview for the LAN\nhttp.createServer((_req, res) => res.end('ok')).listen(4001);\n",
        },
        'src/server.ts',
        PLAIN_SERVER,
        { ...DASHBOARD_MANIFEST, devDependencies: { 'eslint-plugin-mcp-cors': '^0.1.0' } },
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
      name: 'the server exports its handler, which a module of another package may hand to MCP',
      code: `${PLAIN_SERVER}export { server };\n`,
      filename: packageWith({}, 'src/server.ts', `${PLAIN_SERVER}export { server };\n`),
      errors: [
        nodeDefaultHost(
          12,
          (host) => `${PLAIN_SERVER.replace('listen(4000)', `listen(4000${host})`)}export { server };\n`,
        ),
      ],
    },
    {
      name: 'its handler comes from a package the adapters do not know, which may serve MCP',
      code: HANDLED_BY_PACKAGE,
      filename: packageWith({}, 'src/server.ts', HANDLED_BY_PACKAGE, {
        ...DASHBOARD_MANIFEST,
        dependencies: { '@acme/assistant-server': '^2.0.0' },
      }),
      errors: [
        {
          ...nodeDefaultHost(4, (host) => HANDLED_BY_PACKAGE.replace('listen(8080)', `listen(8080${host})`)),
          column: 28,
          endColumn: 34,
        },
      ],
    },
    {
      name: 'it passes requests on to another server, which may be an MCP server in another language',
      code: FORWARDING,
      filename: packageWith({}, 'src/gateway.ts', FORWARDING),
      errors: [nodeDefaultHost(8, (host) => FORWARDING.replace('listen(8081)', `listen(8081${host})`))],
    },
    {
      name: 'a module it imports from a folder the package listing skips (`vendor/`) says MCP',
      code: VENDORED,
      filename: packageWith(
        {
          'vendor/bridge/index.ts':
            "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\n\nexport const handle = new McpServer({ name: 'bridge', version: '1.0.0' });\n",
        },
        'src/server.ts',
        VENDORED,
      ),
      errors: [
        {
          ...nodeDefaultHost(4, (host) => VENDORED.replace('listen(8080)', `listen(8080${host})`)),
          column: 27,
          endColumn: 33,
        },
      ],
    },
    {
      name: 'a package of the workspace it depends on is built to `dist/`, whose source the analysis cannot find',
      code: PLAIN_SERVER,
      filename: (() => {
        const root = makePackage(
          {
            'packages/core/package.json': JSON.stringify({
              name: '@acme/core',
              private: true,
              exports: { '.': { import: './dist/index.mjs' } },
            }),
            'packages/core/src/index.ts': 'export const version = 1;\n',
            'packages/dashboard/package.json': JSON.stringify({
              ...DASHBOARD_MANIFEST,
              dependencies: { '@acme/core': 'workspace:*' },
            }),
            'packages/dashboard/src/version.ts': "export { version } from '@acme/core';\n",
            'packages/dashboard/src/server.ts': PLAIN_SERVER,
          },
          { name: 'monorepo', private: true, workspaces: ['packages/*'] },
        );
        return path.join(root, 'packages/dashboard/src/server.ts');
      })(),
      errors: [plainServerReport],
    },
    {
      name: 'the package is named like this plugin, but for something else (`mcp-cors-proxy`)',
      code: PLAIN_SERVER,
      filename: packageWith({}, 'src/server.ts', PLAIN_SERVER, { ...DASHBOARD_MANIFEST, name: 'mcp-cors-proxy' }),
      errors: [plainServerReport],
    },
    {
      name: 'the MCP package of the workspace depends on it, and may add MCP routes to the server its module takes from another',
      code: STARTS_IMPORTED_SERVER,
      filename: workspaceWith(
        STARTS_IMPORTED_SERVER,
        { 'stats-dashboard': 'workspace:*' },
        { 'src/http.ts': EXPORTED_SERVER },
      ),
      errors: [nodeDefaultHost(3, (host) => STARTS_IMPORTED_SERVER.replace('listen(4000)', `listen(4000${host})`))],
    },
  ],
});

ruleTester.run('no-wildcard-origin: a package where nothing says MCP', wildcardRule, {
  valid: [
    {
      name: 'the API of a dashboard package',
      code: PLAIN_API,
      filename: packageWith({}, 'src/api.ts', PLAIN_API),
    },
  ],
  invalid: [
    {
      name: 'the same API, in a package whose test starts an MCP server',
      code: PLAIN_API,
      filename: packageWith(
        { 'test/mcp.test.ts': "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\n" },
        'src/api.ts',
        PLAIN_API,
      ),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: PLAIN_API.replace("  res.setHeader('Access-Control-Allow-Origin', '*');\n", ''),
            },
            {
              messageId: 'useAllowedOrigin',
              output: PLAIN_API.replace("'*'", 'ALLOWED_ORIGIN').replace(
                '\nconst server',
                "\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n\nconst server",
              ),
            },
          ],
        },
      ],
    },
  ],
});
