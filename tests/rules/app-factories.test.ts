import path from 'node:path';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import loopbackRule from '../../src/rules/require-loopback-host';
import { createRuleTester } from '../rule-tester';
import { LOOPBACK_HOSTS } from '../support/fix-text';
import { packageMaker } from '../support/packages';

// An app built inside a factory of the module (`function createApp() { const app = express(); …;
// return app; }`) is judged as one built at the top when every call of the factory only starts
// it (`createApp().listen(…)`, `http.createServer(createApp())`, `const app = await buildApp();
// app.listen(…)`): nothing else can add routes to it. One handed to another function may get
// routes there, and is judged as reaching what the analysis cannot list.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

const SERVER = (start: string) => `import http from 'node:http';
import express from 'express';
import cors from 'cors';
import { registerExtras } from './extras.js';

const TOKEN = process.env.MCP_TOKEN ?? crypto.randomUUID();

function requireAuth(req: express.Request, res: express.Response, next: express.NextFunction): void {
  if (req.headers.authorization !== \`Bearer \${TOKEN}\`) {
    res.status(401).end();
    return;
  }
  next();
}

function createApp(): express.Express {
  const app = express();
  app.use(cors());
  app.use(express.json());
  app.post('/mcp', requireAuth, (req, res) => {
    res.json({ jsonrpc: '2.0', id: req.body.id, result: { tools: [] } });
  });
  return app;
}

${start}
`;

const EXTRAS =
  "import type express from 'express';\n\nexport function registerExtras(app: express.Express): void {\n  app.get('/profile', (req, res) => res.json({ cookie: req.headers.cookie }));\n}\n";

function serverFile(code: string): string {
  const dir = makePackage({ 'server.ts': code, 'extras.ts': EXTRAS }, { name: 'app', private: true, type: 'module' });
  return path.join(dir, 'server.ts');
}

const LISTENED = SERVER("createApp().listen(3000, '127.0.0.1');");
const NODE_SERVER = SERVER("http.createServer(createApp()).listen(3000, '127.0.0.1');");
const HANDED = SERVER("const app = createApp();\nregisterExtras(app);\napp.listen(3000, '127.0.0.1');");

ruleTester.run('no-wildcard-origin: an app a factory of the module builds', wildcardRule, {
  valid: [
    {
      name: 'started where it is made: every route behind the bearer check',
      code: LISTENED,
      filename: serverFile(LISTENED),
    },
    { name: 'handed to a node:http server', code: NODE_SERVER, filename: serverFile(NODE_SERVER) },
  ],
  invalid: [
    {
      name: 'handed to a function that may add routes',
      code: HANDED,
      filename: serverFile(HANDED),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 18,
          column: 11,
          endLine: 18,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: HANDED.replace('app.use(cors());', 'app.use(cors({ origin: false }));'),
            },
            {
              messageId: 'useAllowlist',
              output: HANDED.replace(
                "import { registerExtras } from './extras.js';\n",
                "import { registerExtras } from './extras.js';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
              ).replace('app.use(cors());', 'app.use(cors({ origin: ALLOWED_ORIGINS }));'),
            },
          ],
        },
      ],
    },
  ],
});

/** A Fastify app a factory builds, serving `routes`, started on every interface. */
const FASTIFY = (routes: string) => `import Fastify from 'fastify';

async function buildApp() {
  const app = Fastify();
${routes}
  return app;
}

const app = await buildApp();
await app.listen({ port: 3000, host: '0.0.0.0' });
`;

const HEALTH_ONLY = FASTIFY("  app.get('/api/health', async () => ({ ok: true }));");
const WITH_MCP = FASTIFY(
  "  app.post('/mcp', async (request) => ({ jsonrpc: '2.0', id: (request.body as { id: number }).id, result: { tools: [] } }));",
);

ruleTester.run('require-loopback-host: an app a factory of the module builds', loopbackRule, {
  valid: [{ name: 'it serves no MCP', code: HEALTH_ONLY, filename: serverFile(HEALTH_ONLY) }],
  invalid: [
    {
      name: 'it serves MCP',
      code: WITH_MCP,
      filename: serverFile(WITH_MCP),
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`fastify.listen()`', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 10,
          column: 32,
          endLine: 10,
          endColumn: 47,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: WITH_MCP.replace("host: '0.0.0.0'", `host: ${host}`),
          })),
        },
      ],
    },
  ],
});
