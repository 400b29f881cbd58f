import path from 'node:path';
import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';
import { fixedAt } from '../support/csrf-cases';
import { packageMaker } from '../support/packages';

// Vercel deploys a Hono or Express app with no configuration: the default export of `app`, `index`
// or `server` (at the package's root or in `src/`) becomes its functions, served by Vercel's
// hostname. A package deployed so (a `vercel.json`, the `vercel` package, or a script that runs
// Vercel's CLI) runs that module nowhere else, unless the package imports it or runs it with Bun.
// Without credentials, a wildcard policy there grants a page nothing it could not fetch itself,
// and a rebinding name reaches no machine of the user's.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

const APP = (policy = ''): string => `import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const app = new Hono();
app.use('*', cors(${policy}));
app.all('/mcp', async (c) => {
  const server = new McpServer({ name: 'notes', version: '1.0.0' });
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  return transport.handleRequest(c.req.raw);
});

export default app;
`;

const DEPENDENCIES = { hono: '^4.9.0', '@modelcontextprotocol/sdk': '^1.24.0' };
const DEPLOY_SCRIPTS = { build: 'vercel build', deploy: 'vercel deploy --prod' };

/** The linted module, written at `entry` in a package with `manifest` (and `files`). */
function appIn(entry: string, manifest: object, files: Record<string, string> = {}): string {
  const dir = makePackage({ ...files, [entry]: APP() }, { name: 'notes-api', private: true, ...manifest });
  return path.join(dir, entry);
}

const deployedByScript = appIn('src/index.ts', { scripts: DEPLOY_SCRIPTS, dependencies: DEPENDENCIES });
const deployedWithVercelPackage = appIn('app.ts', {
  dependencies: DEPENDENCIES,
  devDependencies: { vercel: '^48.0.0' },
});
const deployedWithConfig = appIn(
  'src/server.ts',
  { dependencies: DEPENDENCIES },
  { 'vercel.json': '{ "$schema": "https://openapi.vercel.sh/vercel.json" }\n' },
);

/** The report on APP's `cors()`, with its two suggestions. */
const WILDCARD = {
  messageId: 'wildcardOrigin' as const,
  data: { policy: '`hono/cors` without `origin` (default `*`)', credentials: '' },
  line: 7,
  column: 14,
  endLine: 7,
  endColumn: 20,
  suggestions: [
    { messageId: 'denyOrigins' as const, output: APP('{ origin: [] }') },
    {
      messageId: 'useAllowlist' as const,
      output: APP('{ origin: ALLOWED_ORIGINS }').replace(
        '\nconst app = new Hono();',
        "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\nconst app = new Hono();",
      ),
    },
  ],
};

const DEPLOYED = [
  ['a script runs `vercel deploy`', deployedByScript],
  ['the package depends on `vercel`', deployedWithVercelPackage],
  ['a `vercel.json` beside the manifest', deployedWithConfig],
] as const;

ruleTester.run('no-wildcard-origin: a Hono app Vercel deploys with no configuration', wildcardRule, {
  valid: DEPLOYED.map(([name, filename]) => ({ name, code: APP(), filename })),
  invalid: [
    {
      name: 'no sign of Vercel: the default export may be served anywhere',
      code: APP(),
      filename: appIn('src/index.ts', { scripts: { build: 'tsc' }, dependencies: DEPENDENCIES }),
      errors: [WILDCARD],
    },
    {
      name: 'a module Vercel does not take for the entry',
      code: APP(),
      filename: appIn('src/mcp.ts', { scripts: DEPLOY_SCRIPTS, dependencies: DEPENDENCIES }),
      errors: [WILDCARD],
    },
    {
      name: 'a script also runs it with Bun, which serves its `fetch` on a port of the machine',
      code: APP(),
      filename: appIn('src/index.ts', {
        scripts: { ...DEPLOY_SCRIPTS, dev: 'bun run --hot src/index.ts' },
        dependencies: DEPENDENCIES,
      }),
      errors: [WILDCARD],
    },
    {
      name: 'another package of the workspace depends on it, and may serve the app itself',
      code: APP(),
      filename: (() => {
        const root = makePackage(
          {
            'packages/api/package.json': JSON.stringify({
              name: '@notes/api',
              private: true,
              scripts: DEPLOY_SCRIPTS,
              dependencies: DEPENDENCIES,
            }),
            'packages/api/src/index.ts': APP(),
            'packages/local/package.json': JSON.stringify({
              name: '@notes/local',
              private: true,
              dependencies: { '@notes/api': 'workspace:*', '@hono/node-server': '^1.19.0' },
            }),
            'packages/local/src/main.ts':
              "import { serve } from '@hono/node-server';\nimport app from '@notes/api';\n\nserve({ fetch: app.fetch, port: 8787 });\n",
          },
          { name: 'notes', private: true, workspaces: ['packages/*'] },
        );
        return path.join(root, 'packages/api/src/index.ts');
      })(),
      errors: [WILDCARD],
    },
    {
      name: 'a local server of the package imports it',
      code: APP(),
      filename: appIn(
        'src/index.ts',
        { scripts: DEPLOY_SCRIPTS, dependencies: { ...DEPENDENCIES, '@hono/node-server': '^1.19.0' } },
        {
          'src/dev.ts':
            "import { serve } from '@hono/node-server';\nimport app from './index';\n\nserve({ fetch: app.fetch, port: 3000 });\n",
        },
      ),
      errors: [WILDCARD],
    },
  ],
});

const notDeployed = appIn('src/index.ts', { scripts: { build: 'tsc' }, dependencies: DEPENDENCIES });

ruleTester.run('require-dns-rebinding-protection: a Hono app Vercel deploys with no configuration', dnsRule, {
  valid: DEPLOYED.map(([name, filename]) => ({ name, code: APP(), filename })),
  invalid: [
    {
      name: 'no sign of Vercel',
      code: APP(),
      filename: notDeployed,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`WebStandardStreamableHTTPServerTransport`' },
          line: 10,
          column: 25,
          endLine: 10,
          endColumn: 65,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('require-csrf-token: a Hono app Vercel deploys with no configuration', csrfRule, {
  valid: DEPLOYED.map(([name, filename]) => ({ name, code: APP(), filename })),
  invalid: [
    {
      name: 'no sign of Vercel',
      code: APP(),
      filename: notDeployed,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/mcp`' },
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: fixedAt(APP(), "app.all('/mcp', ", 'hono', false),
            },
            { messageId: 'useBearerToken', output: fixedAt(APP(), "app.all('/mcp', ", 'hono', true) },
          ],
        },
      ],
    },
  ],
});
