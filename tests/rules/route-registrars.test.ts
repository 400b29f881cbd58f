import path from 'node:path';
import loopbackRule from '../../src/rules/require-loopback-host';
import { createRuleTester } from '../rule-tester';
import { nodeDefaultHost } from '../support/fix-text';
import { packageMaker } from '../support/packages';

// An MCP server's package often starts a side server of no MCP: a dashboard of what its tools did,
// whose routes a function of another module registers on a router the server makes
// (`registerRunRoutes(router, store)`). Where that module reaches no MCP package, says MCP nowhere
// and only calls the router's methods, the routes it adds serve no MCP, and neither does the side
// server: the rules about MCP servers leave it alone. A registrar that reaches MCP, hands the
// router on or keeps it, or adds no endpoint, brings it back.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

const MANIFEST = {
  name: 'runs-mcp',
  private: true,
  type: 'module',
  dependencies: { '@modelcontextprotocol/sdk': '^1.0.0', express: '^5.0.0' },
};

/** The package's stdio MCP server, which starts the dashboard. */
const ENTRY = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { startDashboard } from './dashboard/server.js';
import { runs } from './runs.js';

startDashboard(runs, 7070);
await new McpServer({ name: 'runs', version: '1.0.0' }).connect(new StdioServerTransport());
`;

const RUNS = `export interface RunLog {
  list(): string[];
}

export const runs: RunLog = { list: () => [] };
`;

/** The dashboard (linted): its router is handed to the registrar of `./routes.js` (`listen` on line 9). */
const DASHBOARD = `import express from 'express';
import type { RunLog } from '../runs.js';
import { registerRunRoutes } from './routes.js';

export function startDashboard(log: RunLog, port: number) {
  const app = express();
  const router = express.Router();
  registerRunRoutes(router, log);
  app.use('/api', router);
  return app.listen(port);
}
`;

/** A registrar of `routes.ts`, with this body. */
const REGISTRAR = (body: string, imports = ''): string => `${imports}import type { Router } from 'express';
import type { RunLog } from '../runs.js';

export function registerRunRoutes(router: Router, log: RunLog) {
${body}
}
`;

const ROUTES = `  router.get('/runs', (_req, res) => {
    res.json(log.list());
  });`;

/** The dashboard's folder in a package whose `src/dashboard/routes.ts` is `routes`. */
function dashboardWith(routes: string): string {
  const dir = makePackage(
    {
      'src/index.ts': ENTRY,
      'src/runs.ts': RUNS,
      'src/dashboard/server.ts': DASHBOARD,
      'src/dashboard/routes.ts': routes,
    },
    MANIFEST,
  );
  return path.join(dir, 'src', 'dashboard', 'server.ts');
}

/** `app.listen(port)` of the dashboard, with its suggestions. */
const DASHBOARD_ERROR = {
  ...nodeDefaultHost(10, (host) => DASHBOARD.replace('app.listen(port)', `app.listen(port${host})`)),
  data: { api: '`app.listen()` of Express', hostLabel: 'host', binding: "Node's default is `::`" },
  column: 14,
  endColumn: 20,
};

ruleTester.run('require-loopback-host: routes a function of no MCP registers', loopbackRule, {
  valid: [
    {
      name: 'a dashboard whose routes a registrar of no MCP adds to its router',
      filename: dashboardWith(REGISTRAR(ROUTES)),
      code: DASHBOARD,
    },
  ],
  invalid: [
    {
      name: "a registrar whose module imports the MCP SDK's server: it may add an MCP route",
      filename: dashboardWith(
        REGISTRAR(ROUTES, "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\n\nvoid McpServer;\n"),
      ),
      code: DASHBOARD,
      output: null,
      errors: [DASHBOARD_ERROR],
    },
    {
      name: 'a registrar that hands the router on to code it does not show',
      filename: dashboardWith(
        REGISTRAR(`${ROUTES}\n  mountPlugins(router);`, "import { mountPlugins } from './plugins.js';\n"),
      ),
      code: DASHBOARD,
      output: null,
      errors: [DASHBOARD_ERROR],
    },
    {
      name: 'a registrar that keeps the router for later',
      filename: dashboardWith(
        REGISTRAR(`${ROUTES}\n  routers.push(router);`, 'export const routers: unknown[] = [];\n'),
      ),
      code: DASHBOARD,
      output: null,
      errors: [DASHBOARD_ERROR],
    },
    {
      name: 'a registrar that adds no endpoint, only middleware',
      filename: dashboardWith(REGISTRAR('  router.use((_req, _res, next) => next());')),
      code: DASHBOARD,
      output: null,
      errors: [DASHBOARD_ERROR],
    },
    {
      name: 'a registrar whose code says MCP',
      filename: dashboardWith(REGISTRAR(ROUTES.replace("'/runs'", "'/mcp-runs'"))),
      code: DASHBOARD,
      output: null,
      errors: [DASHBOARD_ERROR],
    },
  ],
});
