import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import requireLoopbackHostRule from '../../src/rules/require-loopback-host';
import { createRuleTester, failClosedFix } from '../rule-tester';

// `bun run src/index.ts` serves the module's default export when it has a `fetch` (an object, or
// a Hono app, whose `fetch` is its own), on `0.0.0.0` unless it names a `hostname`. The same
// module deployed as a Cloudflare Worker binds nothing, so without such a script it is left alone.

const ruleTester = createRuleTester();

/** A package folder with these scripts and `src/index.ts` holding `code`; returns that file's path. */
function packageRunning(scripts: Record<string, string>, code: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-bun-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'notes-mcp', scripts }));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src', 'index.ts'), code);
  return path.join(dir, 'src', 'index.ts');
}

/** A folder with a Deno config file (`deno.json`, or `deno.jsonc` written as is) and `src/index.ts` holding `code`. */
function denoPackage(config: string, code: string, name = 'deno.json'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-deno-'));
  fs.writeFileSync(path.join(dir, name), config);
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src', 'index.ts'), code);
  return path.join(dir, 'src', 'index.ts');
}
const denoTasks = (tasks: Record<string, unknown>): string => JSON.stringify({ tasks });

/**
 * A Hono app with an MCP route, served as the default export (or as the `fetch` of an exported
 * object with `extra` keys); with `mcp` false, a website with no MCP route.
 */
function honoServer(exported: string, mcp = true): string {
  return `import { Hono } from 'hono';

const app = new Hono();
app.get('/health', (c) => c.text('ok'));
${mcp ? "app.post('/mcp', async (c) => c.json(await c.req.json()));" : "app.get('/about', (c) => c.text('notes'));"}

export default ${exported};
`;
}

const APP = honoServer('app');
const RENAMED = APP.replace('export default app;', 'export { app as default };');
const OBJECT = honoServer('{ fetch: app.fetch, idleTimeout: 30 }');
const objectOn = (hostname: string): string =>
  honoServer(`{ fetch: app.fetch, idleTimeout: 30, hostname: ${hostname} }`);

const BUN_SCRIPTS = { dev: 'bun run --hot ./src/index.ts', test: 'bun test' };
const files = {
  app: packageRunning(BUN_SCRIPTS, APP),
  object: packageRunning({ start: 'bun src/index.ts' }, OBJECT),
  loopback: packageRunning(BUN_SCRIPTS, objectOn("'127.0.0.1'")),
  worker: packageRunning({ dev: 'wrangler dev', deploy: 'wrangler deploy' }, APP),
  other: packageRunning({ dev: 'bun run src/server.ts', build: 'bun run build' }, APP),
  watched: packageRunning({ dev: 'bun --watch run src/index.ts' }, APP),
  withEnvironment: packageRunning({ start: 'NODE_ENV=production bun --preload ./src/setup.ts src/index.ts' }, APP),
  renamed: packageRunning(BUN_SCRIPTS, RENAMED),
  site: packageRunning(BUN_SCRIPTS, honoServer('app', false)),
};
const DENO_OBJECT = honoServer('{ fetch: app.fetch } satisfies Deno.ServeDefaultExport');
const denoFiles = {
  app: denoPackage(denoTasks({ 'run-http': 'deno serve --allow-net --port 3000 src/index.ts' }), APP),
  object: denoPackage(denoTasks({ start: 'DENO_ENV=dev deno serve -A "./src/index.ts"' }), DENO_OBJECT),
  jsonc: denoPackage(
    `{
  // the tasks, as objects
  "tasks": {
    "dev": { "description": "serve with reloads", "command": "deno serve --watch -c deno.jsonc src/index.ts" },
  },
}`,
    APP,
    'deno.jsonc',
  ),
  host: denoPackage(denoTasks({ start: 'deno serve --host 127.0.0.1 src/index.ts' }), APP),
  hostEquals: denoPackage(denoTasks({ start: 'deno serve --allow-net --host=localhost src/index.ts' }), DENO_OBJECT),
  run: denoPackage(denoTasks({ start: 'deno run --allow-net src/index.ts' }), APP),
  other: denoPackage(denoTasks({ start: 'deno serve src/server.ts' }), APP),
};
afterAll(() => {
  for (const file of Object.values(denoFiles))
    fs.rmSync(path.dirname(path.dirname(file)), { recursive: true, force: true });
  for (const file of Object.values(files))
    fs.rmSync(path.dirname(path.dirname(file)), { recursive: true, force: true });
});

const DEFAULT_HOST = { hostLabel: '`hostname`', binding: 'default `0.0.0.0`' };

ruleTester.run('require-loopback-host: modules a package script runs with Bun', requireLoopbackHostRule, {
  valid: [
    {
      name: 'an exported object with a loopback hostname',
      code: objectOn("'127.0.0.1'"),
      filename: files.loopback,
    },
    {
      name: 'an exported Hono app of a Worker package: Cloudflare serves it, nothing binds',
      code: APP,
      filename: files.worker,
    },
    {
      name: 'an exported Hono website with no MCP route that no module imports: Bun serves it, nothing adds MCP',
      code: honoServer('app', false),
      filename: files.site,
    },
    {
      name: 'an exported Hono app of a module no Bun script runs (another file, a script name)',
      code: APP,
      filename: files.other,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'an exported Hono app: Bun serves its fetch on every interface, and no hostname can be added to it',
      code: APP,
      filename: files.app,
      output: null,
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: "Bun's `export default app`", ...DEFAULT_HOST },
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 19,
          suggestions: [],
        },
      ],
    },
    ...(
      [
        ['`bun --watch run`', files.watched, APP, 16, 19],
        ['a script that sets a variable and preloads a file first', files.withEnvironment, APP, 16, 19],
        ['`export { app as default }`', files.renamed, RENAMED, 10, 13],
      ] as const
    ).map(([how, filename, code, column, endColumn]) => ({
      name: `an exported Hono app run by Bun: ${how}`,
      code,
      filename,
      output: null,
      errors: [
        {
          messageId: 'defaultHost' as const,
          data: { api: "Bun's `export default app`", ...DEFAULT_HOST },
          line: 7,
          column,
          endLine: 7,
          endColumn,
          suggestions: [],
        },
      ],
    })),
    {
      name: 'an exported object with a fetch and no port: reported at its fetch',
      code: OBJECT,
      filename: files.object,
      output: objectOn("'127.0.0.1'"),
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: "Bun's `export default { fetch }`", ...DEFAULT_HOST },
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 23,
          suggestions: [
            { messageId: 'useHostFromEnvironment', output: objectOn("process.env.HOST ?? '127.0.0.1'") },
            { messageId: 'useIpv6Loopback', output: objectOn("'::1'") },
            { messageId: 'useLocalhost', output: objectOn("'localhost'") },
          ],
        },
      ],
    },
  ]),
});

const DENO_DEFAULT_HOST = { api: '`deno serve`', hostLabel: '`--host`', binding: 'default `0.0.0.0`' };

ruleTester.run('require-loopback-host: modules a `deno serve` task runs', requireLoopbackHostRule, {
  valid: [
    { name: 'a task that names a loopback `--host`', code: APP, filename: denoFiles.host },
    { name: 'a task that names `--host=` with its value', code: DENO_OBJECT, filename: denoFiles.hostEquals },
    { name: '`deno run`: the default export is not served', code: APP, filename: denoFiles.run },
    { name: 'a task that serves another module', code: APP, filename: denoFiles.other },
  ],
  invalid: [
    ...(
      [
        ['a task with flags and their values', denoFiles.app],
        ['a task object of a `deno.jsonc` with comments and trailing commas', denoFiles.jsonc],
      ] as const
    ).map(([how, filename]) => ({
      name: `an exported Hono app served by \`deno serve\`: ${how}`,
      code: APP,
      filename,
      output: null,
      errors: [
        {
          messageId: 'defaultHost' as const,
          data: DENO_DEFAULT_HOST,
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 19,
          suggestions: [],
        },
      ],
    })),
    {
      name: 'an exported object that satisfies `Deno.ServeDefaultExport`: its keys bind nothing, the task does',
      code: DENO_OBJECT,
      filename: denoFiles.object,
      output: null,
      errors: [
        {
          messageId: 'defaultHost',
          data: DENO_DEFAULT_HOST,
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 36,
          suggestions: [],
        },
      ],
    },
  ],
});
