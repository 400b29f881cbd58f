import path from 'node:path';
import rule from '../../src/rules/require-csrf-token';
import { createRuleTester } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';
import { packageMaker } from '../support/packages';

// An SSE server with no CORS policy keeps its stream, which names the session id, unreadable from
// other sites; its message route then needs no token. Handing the app to a function of another
// module that adds routes (`addAuthRoutes(app)`) keeps it so when that function leaves CORS alone
// (its routes and middleware set no CORS header), and not when it may set one.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

const SERVER = `import { randomUUID } from 'node:crypto';
import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { server } from './mcp.js';
import { addAuthRoutes } from './auth-routes.js';

const app = express();
const sessions = new Map<string, SSEServerTransport>();

app.get('/sse', async (_req, res) => {
  const id = randomUUID();
  const transport = new SSEServerTransport(\`/messages/\${id}\`, res);
  sessions.set(id, transport);
  await server.connect(transport);
});

app.post('/messages/:id', async (req, res) => {
  const transport = sessions.get(req.params.id);
  if (!transport) {
    res.status(404).end();
    return;
  }
  await transport.handlePostMessage(req, res);
});

addAuthRoutes(app);
app.listen(3000, '127.0.0.1');
`;

const ADDS_ROUTES = (extra: string, imports = '') => `import type { Express } from 'express';
${imports}
export function addAuthRoutes(app: Express): void {
  app.get('/auth/login', (_req, res) => res.redirect('https://login.example.com/authorize'));
${extra}  app.get('/auth/callback', (req, res) => res.send(\`Signed in: \${String(req.query.code ?? '')}\`));
}
`;

function serverBeside(extra: string, imports = '', files: Record<string, string> = {}): string {
  const dir = makePackage({
    ...files,
    'src/server.ts': SERVER,
    'src/auth-routes.ts': ADDS_ROUTES(extra, imports),
    'src/mcp.ts':
      "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\n\nexport const server = new McpServer({ name: 'notes', version: '1.0.0' });\n",
  });
  return path.join(dir, 'src', 'server.ts');
}

/** The report on the message route, with its suggestions. */
const reported = missingCheck('`POST /messages/:id`', [17, 1, 17, 9], (bearer) =>
  SERVER.replace(
    "\napp.post('/messages/:id', ",
    `\n${tokenHelpers({ bearer })}\n\napp.post('/messages/:id', ${guard('express', bearer)}`,
  ),
);

ruleTester.run('require-csrf-token: an SSE app handed to a function that adds routes', rule, {
  valid: [{ name: 'the function adds routes and sets no CORS header', code: SERVER, filename: serverBeside('') }],
  invalid: [
    {
      name: 'the function mounts a CORS middleware imported under another name',
      code: SERVER,
      filename: serverBeside(
        "  app.use(corsMiddleware({ origin: ['https://app.example.com'] }));\n",
        "import corsMiddleware from 'cors';\n",
      ),
      errors: [reported],
    },
    {
      name: 'the function registers a CORS policy another module makes',
      code: SERVER,
      filename: serverBeside("  app.all('*', openAccess);\n", "import { openAccess } from './policies.js';\n", {
        'src/policies.ts':
          "import cors from 'cors';\n\nexport const openAccess = cors({ origin: true, credentials: true });\n",
      }),
      errors: [reported],
    },
    {
      name: 'the function sets a CORS header',
      code: SERVER,
      filename: serverBeside(
        "  app.use((_req, res, next) => {\n    res.setHeader('Access-Control-Allow-Origin', '*');\n    next();\n  });\n",
      ),
      errors: [reported],
    },
  ],
});
