import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { afterAll, describe, expect, it } from 'vitest';
import { clearModuleGraph, moduleGraphStats } from '../../src/analysis/module-graph';
import plugin from '../../src/index';
import noWildcardOriginRule from '../../src/rules/no-wildcard-origin';
import noReflectedOriginRule from '../../src/rules/no-reflected-origin';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import csrfRule from '../../src/rules/require-csrf-token';
import { createRuleTester } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';

// A package deployed as a Cloudflare Worker runs on Cloudflare's network, which anyone reaches
// without a browser: a `*` or echoed origin without credentials gives a page only what it could
// fetch from its own server (docs/threat-model.md). With `trustRemoteDeployments` (the default;
// off in `strict`) the origin rules leave such a policy alone; with credentials, in a package that
// also serves on Node.js, or in a module that starts a server itself, it is reported.

const ruleTester = createRuleTester();

/** A package folder with this `package.json` and these other files (name → text). */
function packageWith(manifest: object, files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-deploy-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  fs.mkdirSync(path.join(dir, 'src'));
  return dir;
}

const withConfig = packageWith(
  { name: 'notes-worker', dependencies: { hono: '^4.0.0' }, devDependencies: { wrangler: '^4.0.0' } },
  { 'wrangler.toml': 'name = "notes-worker"\nmain = "src/index.ts"\n' },
);
const withDeployScript = packageWith({
  name: 'notes-worker',
  scripts: { dev: 'wrangler dev', deploy: 'npm run build && wrangler deploy --env production' },
  devDependencies: { wrangler: '^4.0.0' },
});
const alsoOnNode = packageWith(
  { name: 'notes-server', dependencies: { hono: '^4.0.0', '@hono/node-server': '^1.0.0' } },
  { 'wrangler.jsonc': '{ "name": "notes-server", "main": "src/worker.ts" }' },
);
const devOnly = packageWith({ name: 'notes-server', scripts: { dev: 'wrangler dev' } });
// A SvelteKit app that `@sveltejs/adapter-vercel` builds into Vercel Functions; and one built with
// `@sveltejs/adapter-node`, which makes a server of its own.
const svelteOnVercel = packageWith({
  name: 'notes-site',
  devDependencies: { '@sveltejs/kit': '^2.0.0', '@sveltejs/adapter-vercel': '^5.0.0' },
});
const svelteOnNode = packageWith({
  name: 'notes-site',
  devDependencies: { '@sveltejs/kit': '^2.0.0', '@sveltejs/adapter-node': '^5.0.0' },
});
// Both: `adapter: process.env.VERCEL ? vercel() : node()`, self-hosted with `node build` too.
const svelteOnBoth = packageWith({
  name: 'notes-site',
  devDependencies: {
    '@sveltejs/kit': '^2.0.0',
    '@sveltejs/adapter-vercel': '^5.0.0',
    '@sveltejs/adapter-node': '^5.0.0',
  },
});
const svelteRunByNode = packageWith({
  name: 'notes-site',
  scripts: { start: 'node build' },
  devDependencies: { '@sveltejs/kit': '^2.0.0', '@sveltejs/adapter-vercel': '^5.0.0' },
});
const plain = packageWith({ name: 'notes-server', dependencies: { hono: '^4.0.0' } });
// A Worker whose entry imports a module of tool definitions.
const withTools = packageWith(
  { name: 'notes-worker', dependencies: { hono: '^4.0.0' }, devDependencies: { wrangler: '^4.0.0' } },
  { 'wrangler.toml': 'name = "notes-worker"\nmain = "src/index.ts"\n' },
);
fs.writeFileSync(
  path.join(withTools, 'src', 'index.ts'),
  "import { Hono } from 'hono';\nimport { tools } from './tools';\n\nconst app = new Hono();\napp.get('/tools', (c) => c.json(tools));\n\nexport default app;\n",
);
afterAll(() => {
  for (const dir of [
    withConfig,
    withTools,
    withDeployScript,
    alsoOnNode,
    devOnly,
    plain,
    svelteOnVercel,
    svelteOnNode,
    svelteOnBoth,
    svelteRunByNode,
  ])
    fs.rmSync(dir, { recursive: true, force: true });
});

/** A Vercel project: `vercel.json` beside `package.json`, and these other files (path → text). */
function vercelProject(files: Record<string, string>, config = true): string {
  const dir = packageWith({ name: 'notes-mcp', dependencies: { '@modelcontextprotocol/sdk': '^1.0.0' } });
  if (config) fs.writeFileSync(path.join(dir, 'vercel.json'), '{ "rewrites": [] }');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const vercel = vercelProject({});
const vercelServedLocally = vercelProject({
  'api/card.ts': 'export function GET() {}\n',
  'src/local.ts': "import { GET } from '../api/card.js';\nexport const handlers = { GET };\n",
});
const noVercelConfig = vercelProject({}, false);
afterAll(() => {
  for (const dir of [vercel, vercelServedLocally, noVercelConfig, vercelHelper, vercelHelperServedLocally])
    fs.rmSync(dir, { recursive: true, force: true });
});

/** A workspace whose `packages/common` library the Worker `apps/notes` depends on, with `others` beside it. */
function workspaceWith(others: Record<string, object> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-workspace-'));
  const write = (name: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  };
  write('package.json', JSON.stringify({ name: 'notes', private: true, workspaces: ['apps/*', 'packages/*'] }));
  write('packages/common/package.json', JSON.stringify({ name: '@notes/common', dependencies: { hono: '^4.0.0' } }));
  write(
    'apps/notes/package.json',
    JSON.stringify({ name: 'notes-worker', dependencies: { '@notes/common': 'workspace:*' } }),
  );
  write('apps/notes/wrangler.toml', 'name = "notes-worker"\nmain = "src/index.ts"\n');
  for (const [name, manifest] of Object.entries(others)) write(`apps/${name}/package.json`, JSON.stringify(manifest));
  return root;
}

const workersOnly = workspaceWith();
const alsoACli = workspaceWith({ cli: { name: 'notes-cli', dependencies: { '@notes/common': 'workspace:*' } } });
afterAll(() => {
  for (const dir of [workersOnly, alsoACli]) fs.rmSync(dir, { recursive: true, force: true });
});
const library = (root: string): string => path.join(root, 'packages', 'common', 'src', 'cors.ts');

const file = (dir: string): string => path.join(dir, 'src', 'index.ts');
const vercelFunction = (dir: string): string => path.join(dir, 'api', 'card.ts');

const CARD_FUNCTION = `export function GET(): Response {
  return Response.json(
    { resource: 'https://mcp.example.com/mcp', authorization_servers: ['https://auth.example.com'] },
    { headers: { 'Access-Control-Allow-Origin': '*' } },
  );
}`;

/** `api/_shared.ts` (no function of Vercel's) imported by a function of `api/`, and by a local server too. */
const vercelHelper = vercelProject({
  'api/_shared.ts': CARD_FUNCTION,
  'api/card.ts': "import { GET } from './_shared.js';\nexport { GET };\n",
});
/** `api/headers.ts`, a function of Vercel's whose module the function `api/card.ts` imports too. */
const vercelSharedFunction = vercelProject({
  'api/headers.ts': CARD_FUNCTION,
  'api/card.ts': "import { GET } from './headers.js';\nexport { GET };\n",
});
afterAll(() => fs.rmSync(vercelSharedFunction, { recursive: true, force: true }));
const vercelHelperServedLocally = vercelProject({
  'api/_shared.ts': CARD_FUNCTION,
  'api/card.ts': "import { GET } from './_shared.js';\nexport { GET };\n",
  'src/local.ts': "import { GET } from '../api/_shared.js';\nexport const handlers = { GET };\n",
});

/** The report on CARD_FUNCTION's header, with its two suggestions. */
const CARD_ERROR = {
  messageId: 'wildcardOrigin' as const,
  data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
  line: 4,
  column: 18,
  endColumn: 52,
  suggestions: [
    {
      messageId: 'denyOrigins' as const,
      output: CARD_FUNCTION.replace("{ 'Access-Control-Allow-Origin': '*' }", '{}'),
    },
    {
      messageId: 'useAllowedOrigin' as const,
      output: `const ALLOWED_ORIGIN = 'https://app.example.com';\n\n${CARD_FUNCTION.replace("'*'", 'ALLOWED_ORIGIN')}`,
    },
  ],
};

const HONO_WORKER = `import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
app.use('*', cors());
app.post('/mcp', (c) => handleMcp(c.req.raw));

export default app;`;

const HONO_WORKER_CREDENTIALS = HONO_WORKER.replace('cors()', "cors({ origin: '*', credentials: true })");

const FETCH_WORKER = `const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'authorization, content-type, mcp-session-id',
};

export default {
  async fetch(request: Request): Promise<Response> {
    const response = await handleMcp(request);
    return new Response(response.body, { status: response.status, headers: { ...CORS_HEADERS } });
  },
};`;

const HONO_ON_NODE = `import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { serve } from '@hono/node-server';

const app = new Hono();
app.use('*', cors());
app.post('/mcp', (c) => handleMcp(c.req.raw));

serve({ fetch: app.fetch, port: 8787, hostname: '127.0.0.1' });`;

const ECHO_WORKER = `import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
app.use('*', cors({ origin: (origin) => origin }));
app.post('/mcp', (c) => handleMcp(c.req.raw));

export default app;`;

const ECHO_WORKER_CREDENTIALS = ECHO_WORKER.replace(
  '(origin) => origin })',
  '(origin) => origin, credentials: true })',
);

/** The report on FETCH_WORKER's header, with its two suggestions. */
const FETCH_WORKER_ERROR = {
  messageId: 'wildcardOrigin' as const,
  data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
  line: 2,
  column: 3,
  endColumn: 37,
  suggestions: [
    { messageId: 'denyOrigins' as const, output: FETCH_WORKER.replace("  'Access-Control-Allow-Origin': '*',\n", '') },
    {
      messageId: 'useAllowedOrigin' as const,
      output: `const ALLOWED_ORIGIN = 'https://app.example.com';\n\n${FETCH_WORKER.replace("'*'", 'ALLOWED_ORIGIN')}`,
    },
  ],
};

const CORS_DEFAULT = { policy: '`hono/cors` without `origin` (default `*`)', credentials: '' };
const ECHO = { policy: '`hono/cors` whose `origin` accepts all' };

/** The two suggestions on a Hono `cors(…)` call: deny every origin, or a constant allowlist. */
function honoSuggestions(code: string, call: string, options: (origin: string) => string) {
  return [
    { messageId: 'denyOrigins' as const, output: code.replace(call, `cors(${options('[]')})`) },
    {
      messageId: 'useAllowlist' as const,
      output: code
        .replace(
          'const app = new Hono();',
          "const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\nconst app = new Hono();",
        )
        .replace(call, `cors(${options('ALLOWED_ORIGINS')})`),
    },
  ];
}

const defaultSuggestions = (code: string) => honoSuggestions(code, 'cors()', (origin) => `{ origin: ${origin} }`);
/** Reported where `cors()` is mounted, at line 5 of the Hono examples. */
const defaultError = (code: string) => ({
  messageId: 'wildcardOrigin' as const,
  data: CORS_DEFAULT,
  line: code.split('\n').findIndex((line) => line.includes('cors()')) + 1,
  column: 14,
  endColumn: 20,
  suggestions: defaultSuggestions(code),
});

ruleTester.run('no-wildcard-origin: packages deployed as Cloudflare Workers', noWildcardOriginRule, {
  valid: [
    {
      name: 'a Worker whose `*` comes with credentials, which browsers refuse beside it',
      filename: file(withConfig),
      code: HONO_WORKER_CREDENTIALS,
    },
    {
      name: 'a Worker package (wrangler.toml): `cors()` without credentials',
      filename: file(withConfig),
      code: HONO_WORKER,
    },
    {
      name: 'a Worker package (a `wrangler deploy` script): `*` in a headers constant',
      filename: file(withDeployScript),
      code: FETCH_WORKER,
    },
  ],
  invalid: [
    {
      name: 'a package with no Wrangler deployment: reported',
      filename: file(plain),
      code: HONO_WORKER,
      output: null,
      errors: [defaultError(HONO_WORKER)],
    },
    {
      name: '`wrangler dev` alone runs the Worker locally, it does not deploy it: reported',
      filename: file(devOnly),
      code: FETCH_WORKER,
      output: null,
      errors: [FETCH_WORKER_ERROR],
    },
    {
      name: 'a Worker package that also depends on @hono/node-server: reported',
      filename: file(alsoOnNode),
      code: HONO_WORKER,
      output: null,
      errors: [defaultError(HONO_WORKER)],
    },
    {
      name: 'a module of a Worker package that starts a server itself: reported',
      filename: file(withConfig),
      code: HONO_ON_NODE,
      output: null,
      errors: [defaultError(HONO_ON_NODE)],
    },
    {
      name: '`trustRemoteDeployments: false` (strict): reported on a Worker',
      filename: file(withConfig),
      code: HONO_WORKER,
      options: [{ trustRemoteDeployments: false }],
      output: null,
      errors: [defaultError(HONO_WORKER)],
    },
  ],
});

/** The report on the echoing `origin` function at line 5. */
const echoError = (code: string, call: string, options: (origin: string) => string, credentials: string) => ({
  messageId: 'reflectedOrigin' as const,
  data: { ...ECHO, credentials },
  line: 5,
  column: 21,
  endColumn: 47,
  suggestions: honoSuggestions(code, call, options),
});

ruleTester.run('no-reflected-origin: packages deployed as Cloudflare Workers', noReflectedOriginRule, {
  valid: [
    {
      name: 'a Worker package: an echoing `origin` without credentials',
      filename: file(withConfig),
      code: ECHO_WORKER,
    },
  ],
  invalid: [
    {
      name: 'a package with no Wrangler deployment: reported',
      filename: file(plain),
      code: ECHO_WORKER,
      output: null,
      errors: [echoError(ECHO_WORKER, 'cors({ origin: (origin) => origin })', (origin) => `{ origin: ${origin} }`, '')],
    },
    {
      name: 'a Worker that allows credentials: reported',
      filename: file(withConfig),
      code: ECHO_WORKER_CREDENTIALS,
      output: null,
      errors: [
        echoError(
          ECHO_WORKER_CREDENTIALS,
          'cors({ origin: (origin) => origin, credentials: true })',
          (origin) => `{ origin: ${origin}, credentials: true }`,
          ', credentials included',
        ),
      ],
    },
    {
      name: '`trustRemoteDeployments: false` (strict): reported on a Worker',
      filename: file(withConfig),
      code: ECHO_WORKER,
      options: [{ trustRemoteDeployments: false }],
      output: null,
      errors: [echoError(ECHO_WORKER, 'cors({ origin: (origin) => origin })', (origin) => `{ origin: ${origin} }`, '')],
    },
  ],
});

ruleTester.run('no-wildcard-origin: libraries of Worker packages', noWildcardOriginRule, {
  valid: [
    {
      name: 'a workspace library that only Worker packages depend on: `*` in a headers constant',
      filename: library(workersOnly),
      code: FETCH_WORKER,
    },
  ],
  invalid: [
    {
      name: 'the same library, also a dependency of a package that is not a Worker: reported',
      filename: library(alsoACli),
      code: FETCH_WORKER,
      output: null,
      errors: [FETCH_WORKER_ERROR],
    },
  ],
});

ruleTester.run('no-wildcard-origin: Vercel Functions', noWildcardOriginRule, {
  valid: [
    {
      name: 'a module of `api/` in a project with `vercel.json` that nothing else imports: `*` without credentials',
      filename: vercelFunction(vercel),
      code: CARD_FUNCTION,
    },
    {
      name: 'a helper of `api/` whose name starts with `_`, which only functions of `api/` import',
      filename: path.join(vercelHelper, 'api', '_shared.ts'),
      code: CARD_FUNCTION,
    },
    {
      name: 'a function of `api/` that other functions of `api/` import too',
      filename: path.join(vercelSharedFunction, 'api', 'headers.ts'),
      code: CARD_FUNCTION,
    },
  ],
  invalid: [
    {
      name: 'the same helper, also imported by a module outside `api/`: reported',
      filename: path.join(vercelHelperServedLocally, 'api', '_shared.ts'),
      code: CARD_FUNCTION,
      output: null,
      errors: [CARD_ERROR],
    },
    {
      name: 'the same function imported by another module, which may serve it from the machine: reported',
      filename: vercelFunction(vercelServedLocally),
      code: CARD_FUNCTION,
      output: null,
      errors: [CARD_ERROR],
    },
    {
      name: '`api/` without `vercel.json`: reported',
      filename: vercelFunction(noVercelConfig),
      code: CARD_FUNCTION,
      output: null,
      errors: [CARD_ERROR],
    },
    {
      name: 'a module outside `api/` of a Vercel project: reported',
      filename: file(vercel),
      code: CARD_FUNCTION,
      output: null,
      errors: [CARD_ERROR],
    },
  ],
});

/** A Next.js app (`next` among its dependencies) whose manifest has these other fields, and these files. */
function nextProject(manifest: object, files: Record<string, string>, config: boolean): string {
  const dir = packageWith({
    name: 'notes-mcp',
    scripts: { dev: 'next dev', build: 'next build', start: 'next start' },
    dependencies: { next: '^15.0.0', '@modelcontextprotocol/sdk': '^1.0.0' },
    ...manifest,
  });
  if (config) fs.writeFileSync(path.join(dir, 'vercel.json'), '{ "framework": "nextjs" }');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const ROUTE = path.join('app', 'api', 'card', 'route.ts');

/** A route that answers what a module of the project computes (not constants only), with `*`. */
const TOOLS_ROUTE = `import { listTools } from './tools.js';

export function GET(): Response {
  return Response.json(
    { tools: listTools() },
    { headers: { 'Access-Control-Allow-Origin': '*' } },
  );
}`;

const TOOLS_ROUTE_ERROR = {
  ...CARD_ERROR,
  line: 6,
  suggestions: [
    {
      messageId: 'denyOrigins' as const,
      output: TOOLS_ROUTE.replace("{ 'Access-Control-Allow-Origin': '*' }", '{}'),
    },
    {
      messageId: 'useAllowedOrigin' as const,
      output: TOOLS_ROUTE.replace(
        "} from './tools.js';\n",
        "} from './tools.js';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
      ).replace("'*'", 'ALLOWED_ORIGIN'),
    },
  ],
};
const nextOnVercel = nextProject({}, {}, true);
const nextWithVercelCli = nextProject(
  { devDependencies: { vercel: '^44.0.0' }, scripts: { build: 'next build', deploy: 'vercel deploy --prod' } },
  {},
  false,
);
const nextSelfHosted = nextProject({}, {}, false);
const nextRouteImported = nextProject(
  {},
  {
    'app/api/card/route.ts': 'export function GET() {}\n',
    'server.ts': "import { GET } from './app/api/card/route.js';\nexport const handlers = { GET };\n",
  },
  true,
);
afterAll(() => {
  for (const dir of [nextOnVercel, nextWithVercelCli, nextSelfHosted, nextRouteImported])
    fs.rmSync(dir, { recursive: true, force: true });
});

ruleTester.run('no-wildcard-origin: Next.js routes on Vercel', noWildcardOriginRule, {
  valid: [
    {
      name: 'an App Router route of a Next.js app with `vercel.json`: `*` without credentials',
      filename: path.join(nextOnVercel, ROUTE),
      code: TOOLS_ROUTE,
    },
    {
      name: 'the same route in `src/app/`',
      filename: path.join(nextOnVercel, 'src', ROUTE),
      code: TOOLS_ROUTE,
    },
    {
      name: "a Next.js app whose scripts run Vercel's CLI",
      filename: path.join(nextWithVercelCli, ROUTE),
      code: TOOLS_ROUTE,
    },
  ],
  invalid: [
    {
      name: 'a Next.js app with no sign of Vercel, which may be hosted anywhere: reported',
      filename: path.join(nextSelfHosted, ROUTE),
      code: TOOLS_ROUTE,
      output: null,
      errors: [TOOLS_ROUTE_ERROR],
    },
    {
      name: 'a route another module imports, which may serve it from the machine: reported',
      filename: path.join(nextRouteImported, ROUTE),
      code: TOOLS_ROUTE,
      output: null,
      errors: [TOOLS_ROUTE_ERROR],
    },
    {
      name: 'a module of the Vercel app that is no route: reported',
      filename: path.join(nextOnVercel, 'app', 'api', 'card', 'headers.ts'),
      code: TOOLS_ROUTE,
      output: null,
      errors: [TOOLS_ROUTE_ERROR],
    },
    {
      name: '`trustRemoteDeployments: false` (strict): reported on a route on Vercel',
      filename: path.join(nextOnVercel, ROUTE),
      code: TOOLS_ROUTE,
      options: [{ trustRemoteDeployments: false }],
      output: null,
      errors: [TOOLS_ROUTE_ERROR],
    },
  ],
});

// DNS rebinding turns a page into one the user's network reaches by a name its attacker controls.
// A Worker is reached by the hostname Cloudflare routes to it, whatever the user's network: a
// rebinding name never reaches it, and the rule leaves it alone unless `trustRemoteDeployments` is off.
const WORKER_TRANSPORT = `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export default {
  async fetch(request: Request): Promise<Response> {
    return transport.handleRequest(request);
  },
};`;

const UNPROTECTED_WORKER_TRANSPORT = {
  messageId: 'unprotectedTransport' as const,
  data: { transport: '`WebStandardStreamableHTTPServerTransport`' },
  line: 3,
  column: 23,
  endLine: 3,
  endColumn: 63,
};

// A Worker package that also runs the Worker on the user's machine, through a local runner.
const withLocalRunner = packageWith(
  { name: 'notes-worker', scripts: { deploy: 'wrangler deploy', local: 'tsx src/local.ts' } },
  { 'wrangler.toml': 'name = "notes-worker"\nmain = "src/index.ts"\n' },
);
fs.writeFileSync(
  path.join(withLocalRunner, 'src', 'local.ts'),
  `import http from 'node:http';
import worker from './index';
http.createServer(async (req, res) => {
  const response = await worker.fetch(new Request(\`http://localhost\${req.url}\`, { method: req.method }));
  res.end(await response.text());
}).listen(3000, '127.0.0.1');
`,
);
fs.writeFileSync(path.join(withLocalRunner, 'src', 'index.ts'), 'export default { fetch: () => new Response() };\n');
afterAll(() => fs.rmSync(withLocalRunner, { recursive: true, force: true }));

// A Worker whose entry imports its MCP handler from a module of its own; and the same Worker run
// on the user's machine by a runner that imports the entry.
const WORKER_ENTRY =
  "import mcp from './mcp/handler';\nexport default { fetch: (request: Request) => mcp.fetch(request) };\n";
const handlerModule = (dir: string): string => {
  fs.mkdirSync(path.join(dir, 'src', 'mcp'));
  fs.writeFileSync(path.join(dir, 'src', 'index.ts'), WORKER_ENTRY);
  // On disk too, so that the entry's import resolves to it.
  fs.writeFileSync(path.join(dir, 'src', 'mcp', 'handler.ts'), WORKER_TRANSPORT);
  return path.join(dir, 'src', 'mcp', 'handler.ts');
};
const entryImports = packageWith(
  { name: 'notes-worker', scripts: { deploy: 'wrangler deploy' } },
  { 'wrangler.toml': 'name = "notes-worker"\nmain = "src/index.ts"\n' },
);
const entryImportsHandler = handlerModule(entryImports);
const runnerImportsEntry = packageWith(
  { name: 'notes-worker', scripts: { deploy: 'wrangler deploy', local: 'tsx src/local.ts' } },
  { 'wrangler.toml': 'name = "notes-worker"\nmain = "src/index.ts"\n' },
);
const runnerImportsHandler = handlerModule(runnerImportsEntry);
fs.copyFileSync(path.join(withLocalRunner, 'src', 'local.ts'), path.join(runnerImportsEntry, 'src', 'local.ts'));
// The runner serves the Worker through a helper of the project, which starts the server.
const runnerThroughHelper = packageWith(
  { name: 'notes-worker', scripts: { deploy: 'wrangler deploy', local: 'tsx src/local.ts' } },
  { 'wrangler.toml': 'name = "notes-worker"\nmain = "src/index.ts"\n' },
);
const helperRunnerHandler = handlerModule(runnerThroughHelper);
fs.writeFileSync(
  path.join(runnerThroughHelper, 'src', 'serve-fetch.ts'),
  `import http from 'node:http';
export function serveFetch(app: { fetch(request: Request): Promise<Response> }, port: number): void {
  http.createServer(async (req, res) => res.end(await (await app.fetch(new Request(\`http://localhost\${req.url}\`))).text())).listen(port, '127.0.0.1');
}
`,
);
fs.writeFileSync(
  path.join(runnerThroughHelper, 'src', 'local.ts'),
  "import worker from './index';\nimport { serveFetch } from './serve-fetch';\nserveFetch(worker, 8787);\n",
);
// The handler imports a constant back from the entry that imports it.
const entryCycle = packageWith(
  { name: 'notes-worker', scripts: { deploy: 'wrangler deploy' } },
  { 'wrangler.toml': 'name = "notes-worker"\nmain = "src/index.ts"\n' },
);
const cycleHandler = handlerModule(entryCycle);
fs.writeFileSync(path.join(entryCycle, 'src', 'index.ts'), `${WORKER_ENTRY}export const SERVER_NAME = 'notes';\n`);
const CYCLE_TRANSPORT = `import { SERVER_NAME } from '../index';\n${WORKER_TRANSPORT}\nconsole.log(SERVER_NAME);`;
fs.writeFileSync(cycleHandler, CYCLE_TRANSPORT);
afterAll(() => {
  for (const dir of [entryImports, runnerImportsEntry, runnerThroughHelper, entryCycle]) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

ruleTester.run('require-dns-rebinding-protection: packages deployed as Cloudflare Workers', dnsRule, {
  valid: [
    { name: 'a Worker package (wrangler.toml)', code: WORKER_TRANSPORT, filename: file(withConfig) },
    { name: 'a Worker package (a `wrangler deploy` script)', code: WORKER_TRANSPORT, filename: file(withDeployScript) },
    { name: 'a SvelteKit app built for Vercel by its adapter', code: WORKER_TRANSPORT, filename: file(svelteOnVercel) },
    {
      name: "a module of the Worker that only the Worker's entry imports",
      code: WORKER_TRANSPORT,
      filename: entryImportsHandler,
    },
    {
      name: 'a module of the Worker that imports a constant back from the entry',
      code: CYCLE_TRANSPORT,
      filename: cycleHandler,
    },
  ],
  invalid: [
    {
      name: 'with `trustRemoteDeployments` off (`strict`)',
      code: WORKER_TRANSPORT,
      filename: file(withConfig),
      options: [{ trustRemoteDeployments: false }],
      errors: [UNPROTECTED_WORKER_TRANSPORT],
    },
    {
      name: 'a package that also serves on Node.js',
      code: WORKER_TRANSPORT,
      filename: file(alsoOnNode),
      errors: [UNPROTECTED_WORKER_TRANSPORT],
    },
    {
      name: "a module a local runner of the package imports and serves on the user's machine",
      code: WORKER_TRANSPORT,
      filename: file(withLocalRunner),
      errors: [UNPROTECTED_WORKER_TRANSPORT],
    },
    {
      name: "a module of the Worker whose entry a local runner imports and serves on the user's machine",
      code: WORKER_TRANSPORT,
      filename: runnerImportsHandler,
      errors: [UNPROTECTED_WORKER_TRANSPORT],
    },
    {
      name: 'a module of the Worker that a local runner serves through a helper of the project',
      code: WORKER_TRANSPORT,
      filename: helperRunnerHandler,
      errors: [UNPROTECTED_WORKER_TRANSPORT],
    },
    {
      name: "`wrangler dev` alone runs the Worker on the user's machine",
      code: WORKER_TRANSPORT,
      filename: file(devOnly),
      errors: [UNPROTECTED_WORKER_TRANSPORT],
    },
    {
      name: "a SvelteKit app built with adapter-node, a server of the package's own",
      code: WORKER_TRANSPORT,
      filename: file(svelteOnNode),
      errors: [UNPROTECTED_WORKER_TRANSPORT],
    },
    {
      name: 'a SvelteKit app with adapter-vercel and adapter-node, which may run on the machine',
      code: WORKER_TRANSPORT,
      filename: file(svelteOnBoth),
      errors: [UNPROTECTED_WORKER_TRANSPORT],
    },
    {
      name: 'a SvelteKit app whose script runs its build with `node build`',
      code: WORKER_TRANSPORT,
      filename: file(svelteRunByNode),
      errors: [UNPROTECTED_WORKER_TRANSPORT],
    },
  ],
});

// A forged cross-site request to a Worker is one anyone can send with curl: it carries no
// credential the browser adds by itself, unless the code reads one (a cookie, HTTP Basic auth).
// With `trustRemoteDeployments` (off in `strict`) `require-csrf-token` leaves such a Worker's
// routes alone.
const HONO_WORKER_HEAD = `import { Hono } from 'hono';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = new Hono();
`;
const HONO_WORKER_ROUTE = '(c) => transport.handleRequest(c.req.raw));\n\nexport default app;';
/** The Worker, with `top` above it and `middle` between the app and its route. */
const honoWorker = (top = '', middle = ''): string =>
  `${top}${HONO_WORKER_HEAD}${middle}\napp.post('/mcp', ${HONO_WORKER_ROUTE}`;
const honoWorkerFixed =
  (top = '', middle = '') =>
  (bearer: boolean): string =>
    `${top}${HONO_WORKER_HEAD}${middle}\n${tokenHelpers({ bearer })}\n\napp.post('/mcp', ${guard('hono', bearer)}${HONO_WORKER_ROUTE}`;
const routeLine = (top: string, middle: string): number => `${top}${HONO_WORKER_HEAD}${middle}`.split('\n').length + 1;
const unguardedWorker = (top = '', middle = '') =>
  missingCheck('`POST /mcp`', [routeLine(top, middle), 1, routeLine(top, middle), 9], honoWorkerFixed(top, middle));

const READS_COOKIE = `app.use(async (c, next) => {
  c.set('session', getCookie(c, 'sid'));
  await next();
});
`;
const IRON_SESSION_IMPORTS =
  "import { getIronSession } from 'iron-session';\nimport { sessionOptions } from './options';\n";
const IRON_SESSION = `app.use(async (c, next) => {
  c.set('user', await getIronSession(c.req.raw, c.res, sessionOptions));
  await next();
});
`;
const withSessionModule = packageWith(
  { name: 'notes-worker', scripts: { deploy: 'wrangler deploy' } },
  { 'wrangler.toml': 'name = "notes-worker"\nmain = "src/index.ts"\n' },
);
fs.writeFileSync(
  path.join(withSessionModule, 'src', 'session.ts'),
  "import type { Context } from 'hono';\nimport { getCookie } from 'hono/cookie';\n\nexport const sessionOf = (c: Context) => getCookie(c, 'sid');\n",
);
afterAll(() => fs.rmSync(withSessionModule, { recursive: true, force: true }));

/** A store of MCP sessions by their ids, whose lookup is named `getSession` too. */
const MCP_SESSIONS = `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const sessions = new Map<string, WebStandardStreamableHTTPServerTransport>();
export const store = {
  getSession(sessionId: string) {
    return sessions.get(sessionId);
  },
};
`;
const withMcpSessions = packageWith(
  { name: 'notes-worker', scripts: { deploy: 'wrangler deploy' } },
  { 'wrangler.toml': 'name = "notes-worker"\nmain = "src/index.ts"\n' },
);
fs.writeFileSync(path.join(withMcpSessions, 'src', 'sessions.ts'), MCP_SESSIONS);
afterAll(() => fs.rmSync(withMcpSessions, { recursive: true, force: true }));
const USES_MCP_SESSIONS =
  "app.get('/mcp/:id', (c) => c.json({ open: store.getSession(c.req.param('id')) !== undefined }));\n";
const BETTER_AUTH_IMPORTS = "import { auth } from './auth';\n";
const BETTER_AUTH_SESSION = `app.use(async (c, next) => {
  c.set('user', (await auth.api.getSession({ headers: c.req.raw.headers }))?.user);
  await next();
});
`;

ruleTester.run('require-csrf-token: packages deployed as Cloudflare Workers', csrfRule, {
  valid: [
    { name: 'a Worker package (wrangler.toml)', code: honoWorker(), filename: file(withConfig) },
    { name: 'a Worker package (a `wrangler deploy` script)', code: honoWorker(), filename: file(withDeployScript) },
    {
      name: 'a comment that names cookies reads none',
      code: honoWorker('// No cookies and no Basic auth: nothing a browser adds by itself.\n'),
      filename: file(withConfig),
    },
    {
      // `getSession(sessionId)` looks an MCP session up by the id the client was given.
      name: 'an imported store of MCP sessions whose lookup is named `getSession`',
      code: honoWorker("import { store } from './sessions';\n", USES_MCP_SESSIONS),
      filename: file(withMcpSessions),
    },
  ],
  invalid: [
    {
      name: 'with `trustRemoteDeployments` off (`strict`)',
      code: honoWorker(),
      filename: file(withConfig),
      options: [{ trustRemoteDeployments: false }],
      errors: [unguardedWorker()],
    },
    {
      name: 'a package with no Worker deployment',
      code: honoWorker(),
      filename: file(plain),
      errors: [unguardedWorker()],
    },
    {
      name: 'a package that also serves on Node.js',
      code: honoWorker(),
      filename: file(alsoOnNode),
      errors: [unguardedWorker()],
    },
    {
      name: 'a Worker that reads a cookie, which the browser adds to a forged request',
      code: honoWorker("import { getCookie } from 'hono/cookie';\n", READS_COOKIE),
      filename: file(withConfig),
      errors: [unguardedWorker("import { getCookie } from 'hono/cookie';\n", READS_COOKIE)],
    },
    {
      name: "a Worker that reads its session through an auth library's call (iron-session's `getIronSession()`)",
      code: honoWorker(IRON_SESSION_IMPORTS, IRON_SESSION),
      filename: file(withConfig),
      errors: [unguardedWorker(IRON_SESSION_IMPORTS, IRON_SESSION)],
    },
    {
      name: "a Worker that reads better-auth's session from the request's headers",
      code: honoWorker(BETTER_AUTH_IMPORTS, BETTER_AUTH_SESSION),
      filename: file(withConfig),
      errors: [unguardedWorker(BETTER_AUTH_IMPORTS, BETTER_AUTH_SESSION)],
    },
    {
      name: 'a Worker whose imported module reads a cookie',
      code: honoWorker(
        "import { sessionOf } from './session';\n",
        "app.use(async (c, next) => {\n  c.set('session', sessionOf(c));\n  await next();\n});\n",
      ),
      filename: file(withSessionModule),
      errors: [
        unguardedWorker(
          "import { sessionOf } from './session';\n",
          "app.use(async (c, next) => {\n  c.set('session', sessionOf(c));\n  await next();\n});\n",
        ),
      ],
    },
  ],
});

describe('a module of a Worker with nothing to report', () => {
  it('is not asked where it is deployed: the modules that import it are not read', () => {
    const linter = new Linter({ configType: 'flat', cwd: withTools });
    const config: Linter.Config[] = [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { 'mcp-cors': plugin },
        rules: { 'mcp-cors/require-csrf-token': 'error', 'mcp-cors/require-dns-rebinding-protection': 'error' },
      },
    ];
    const tools = path.join(withTools, 'src', 'tools.ts');
    const text = "// The tools that POST /mcp lists.\nexport const tools = [{ name: 'search' }];\n";
    fs.writeFileSync(tools, text);
    clearModuleGraph();
    const before = moduleGraphStats().loads;
    const messages = linter.verify(text, config, tools);
    expect(messages).toEqual([]);
    expect(moduleGraphStats().loads - before).toBe(0);
  });
});
