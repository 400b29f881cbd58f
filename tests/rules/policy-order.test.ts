import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import rule from '../../src/rules/no-wildcard-origin';
import { createRuleTester, failClosedFix } from '../rule-tester';

// express, connect and Hono run an app's routes and middleware in the order they are registered:
// a route whose last handler has no `next` answers its requests, and CORS middleware registered
// after it never runs for them. Such a policy covers only what comes after (static assets, say).

const ruleTester = createRuleTester();

/** A Hono app with the MCP route (its handler `handler`) before or after `cors()`, and `tail` at the end. */
function honoApp(handler: string, corsFirst: boolean, tail: string, cors = 'cors()'): string {
  const route = `app.all('/mcp', ${handler});\n`;
  return `import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { serveStatic } from 'hono/bun';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';

const handleMcp = new StreamableHttpTransport().bind(new McpServer({ name: 'notes', version: '1.0.0' }));

const app = new Hono();
${corsFirst ? '' : route}app.use('/*', ${cors});
${corsFirst ? route : ''}app.use('/*', serveStatic({ root: './dist' }));
${tail}`;
}

const ANSWERS = '(c) => handleMcp(c.req.raw)';
const PASSES_ON = 'async (c, next) => (c.req.method === "POST" ? handleMcp(c.req.raw) : next())';
const SERVED = "Bun.serve({ fetch: app.fetch, port: 3000, hostname: '127.0.0.1' });";
const EXPORTED = 'export default app;';

/** An express app whose MCP route (`app.<method>`) is registered before `app.use(cors())`. */
function expressApp(method: 'all' | 'post', cors = 'cors()'): string {
  return `import express from 'express';
import cors from 'cors';

const app = express();
app.${method}('/mcp', (req, res) => transport.handleRequest(req, res, req.body));
app.use(${cors});
app.use(express.static('public'));
app.listen(3000, '127.0.0.1');`;
}

/**
 * A package folder holding `src/server/index.ts` (not the package's entry, which other packages
 * may import) and `src/server/routes.ts` when given; returns the index's path.
 */
function packageWith(index: string, routes?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-order-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'notes-widgets', private: true }));
  fs.mkdirSync(path.join(dir, 'src', 'server'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'server', 'index.ts'), index);
  if (routes !== undefined) fs.writeFileSync(path.join(dir, 'src', 'server', 'routes.ts'), routes);
  return path.join(dir, 'src', 'server', 'index.ts');
}

const ADDS_ROUTES = "import app from './index';\n\napp.get('/api/notes', (c) => c.json([]));\n";
const files = {
  servedOnly: packageWith(honoApp(ANSWERS, false, EXPORTED)),
  importedElsewhere: packageWith(honoApp(ANSWERS, false, EXPORTED), ADDS_ROUTES),
};
afterAll(() => {
  for (const file of Object.values(files)) fs.rmSync(path.resolve(file, '../../..'), { recursive: true, force: true });
});

/** The default report on the `cors()` of honoApp (line 10 when the route comes first, else 9). */
function wildcardAt(code: string, line: number) {
  return {
    messageId: 'wildcardOrigin' as const,
    data: { policy: '`hono/cors` without `origin` (default `*`)', credentials: '' },
    line,
    column: 15,
    endLine: line,
    endColumn: 21,
    suggestions: [
      {
        messageId: 'useAllowlist' as const,
        output: code
          .replace(
            '\nconst handleMcp',
            "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\nconst handleMcp",
          )
          .replace("app.use('/*', cors());", "app.use('/*', cors({ origin: ALLOWED_ORIGINS }));"),
      },
    ],
  };
}

const passesOn = honoApp(PASSES_ON, false, SERVED);
const awaited = honoApp(ANSWERS, false, SERVED).replace(
  "app.use('/*', cors());",
  "await handleMcp.ready;\napp.use('/*', cors());",
);
const inFunction = honoApp(ANSWERS, false, SERVED)
  .replace("app.all('/mcp', (c) => handleMcp(c.req.raw));\n", '')
  .replace(
    "app.use('/*', cors());",
    "function addMcp(): void {\n  app.all('/mcp', (c) => handleMcp(c.req.raw));\n}\napp.use('/*', cors());\naddMcp();",
  );
const corsFirst = honoApp(ANSWERS, true, SERVED);
const imported = honoApp(ANSWERS, false, EXPORTED);

ruleTester.run('no-wildcard-origin: CORS middleware registered after the routes it would cover', rule, {
  valid: [
    {
      name: 'Hono: cors() after a route that answers every method of /mcp covers only the static files',
      code: honoApp(ANSWERS, false, SERVED),
    },
    {
      name: 'express: cors() after an all route, before the static files',
      code: expressApp('all'),
    },
    {
      name: 'an exported app that no module of its package imports: the runtime serves it, nothing adds routes',
      code: honoApp(ANSWERS, false, EXPORTED),
      filename: files.servedOnly,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a route handler with a next may hand the request on to cors()',
      code: passesOn,
      output: passesOn.replace("app.use('/*', cors());", "app.use('/*', cors({ origin: [] }));"),
      errors: [wildcardAt(passesOn, 10)],
    },
    {
      name: 'express: a POST route leaves the preflight to cors() after it',
      code: expressApp('post'),
      output: expressApp('post', 'cors({ origin: false })'),
      errors: [
        {
          messageId: 'wildcardOrigin' as const,
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist' as const,
              output: expressApp('post', 'cors({ origin: ALLOWED_ORIGINS })').replace(
                '\nconst app',
                "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\nconst app",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'an await between the route and cors(): other code may run first',
      code: awaited,
      output: awaited.replace("app.use('/*', cors());", "app.use('/*', cors({ origin: [] }));"),
      errors: [wildcardAt(awaited, 11)],
    },
    {
      name: 'a route a function adds, where the function runs after cors() is registered',
      code: inFunction,
      output: inFunction.replace("app.use('/*', cors());", "app.use('/*', cors({ origin: [] }));"),
      errors: [wildcardAt(inFunction, 12)],
    },
    {
      name: 'cors() before the route covers it',
      code: corsFirst,
      output: corsFirst.replace("app.use('/*', cors());", "app.use('/*', cors({ origin: [] }));"),
      errors: [wildcardAt(corsFirst, 9)],
    },
    {
      name: 'an exported app that another module of its package imports, which may add routes after cors()',
      code: imported,
      filename: files.importedElsewhere,
      output: imported.replace("app.use('/*', cors());", "app.use('/*', cors({ origin: [] }));"),
      errors: [wildcardAt(imported, 10)],
    },
  ]),
});
