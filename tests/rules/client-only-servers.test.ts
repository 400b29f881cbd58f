import path from 'node:path';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';
import { packageMaker } from '../support/packages';

// A web backend that uses MCP only as a client (its routes ask an MCP server's tools through the
// SDK's `Client`) serves no MCP: its `cors()` opens no MCP endpoint to other sites. Its routes are
// in a router another module makes and the entry mounts (`app.use('/api', router)`), so the entry
// has no endpoint of its own; the router's module, and what it imports, must reach no MCP server.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

const MANIFEST = {
  name: 'study-notes',
  private: true,
  type: 'module',
  dependencies: { '@modelcontextprotocol/sdk': '^1.0.0', express: '^5.0.0', cors: '^2.8.5' },
};

/** The entry (linted): `cors()` on line 7, then the router of `./routes.js` under `/api`. */
const ENTRY = `import cors from 'cors';
import express from 'express';
import { router } from './routes.js';

const app = express();
app.use(express.json());
app.use(cors());
app.use('/api', router);
app.listen(8000, '127.0.0.1');
`;

const ROUTES = `import { Router } from 'express';
import { listToolNames } from './assistant.js';

export const router = Router();
router.get('/tools', async (_req, res) => {
  res.json(await listToolNames());
});
`;

/** The module the routes ask, which makes `made` of `module`. */
const ASSISTANT = (module: string, made: string): string => `import { ${made} } from '${module}';

const assistant = new ${made}({ name: 'notes-assistant', version: '1.0.0' });

export async function toolNames(): Promise<unknown> {
  return assistant;
}
export { toolNames as listToolNames };
`;

/** The entry's path in a package whose assistant module makes `made` of `module`. */
function entryWith(module: string, made: string): string {
  const dir = makePackage(
    { 'src/server.ts': ENTRY, 'src/routes.ts': ROUTES, 'src/assistant.ts': ASSISTANT(module, made) },
    MANIFEST,
  );
  return path.join(dir, 'src', 'server.ts');
}

ruleTester.run('no-wildcard-origin: a backend that uses MCP only as a client', wildcardRule, {
  valid: [
    {
      name: "routes of a mounted router that ask an MCP server through the SDK's Client",
      filename: entryWith('@modelcontextprotocol/sdk/client/index.js', 'Client'),
      code: ENTRY,
    },
  ],
  invalid: [
    {
      name: 'the mounted router reaches an MCP server of the SDK',
      filename: entryWith('@modelcontextprotocol/sdk/server/mcp.js', 'McpServer'),
      code: ENTRY,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 15,
          suggestions: [
            { messageId: 'denyOrigins', output: ENTRY.replace('cors()', 'cors({ origin: false })') },
            {
              messageId: 'useAllowlist',
              output: ENTRY.replace(
                "from './routes.js';\n",
                "from './routes.js';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
              ).replace('cors()', 'cors({ origin: ALLOWED_ORIGINS })'),
            },
          ],
        },
      ],
    },
  ],
});
