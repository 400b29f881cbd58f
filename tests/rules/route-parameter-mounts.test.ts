import rule from '../../src/rules/require-csrf-token';
import { createRuleTester } from '../rule-tester';
import { guard, tokenHelpers } from '../support/fix-text';

// Middleware mounted at a path with a route parameter runs for the paths the parameter matches:
// `/mcp/:id?` (an optional parameter, as Hono and express 4 write it) for `/mcp` and `/mcp/:id`,
// `/mcp/:id` for `/mcp/:session` but not for `/mcp` itself.

const ruleTester = createRuleTester();

const SERVER = (mount: string, route: string) => `import { Hono } from 'hono';
import { StreamableHTTPTransport } from '@hono/mcp';
import { server } from './mcp.js';

const TOKEN = process.env.MCP_TOKEN ?? crypto.randomUUID();
const app = new Hono();
app.use('${mount}', async (c, next) => {
  if (c.req.header('authorization') !== \`Bearer \${TOKEN}\`) return c.text('Unauthorized', 401);
  await next();
});
app.all('${route}', async (c) => {
  const transport = new StreamableHTTPTransport();
  await server.connect(transport);
  return transport.handleRequest(c);
});
export default app;
`;

const UNCOVERED = SERVER('/mcp/:id', '/mcp');
const OPTIONAL_ROUTE = SERVER('/mcp/:id', '/mcp/:session?');
const PATTERNED = SERVER('/mcp/:id{[0-9]+}', '/mcp/:session');
const fixed =
  (code: string, route: string) =>
  (bearer: boolean): string =>
    code
      .replace('\napp.all(', `\n\n${tokenHelpers({ bearer })}\n\napp.all(`)
      .replace(`app.all('${route}', `, `app.all('${route}', ${guard('hono', bearer)}`);

const uncovered = (code: string, route: string, endColumn = 8) => ({
  messageId: 'missingCsrfCheck' as const,
  data: { route: `Every method of \`${route}\`` },
  line: 11,
  column: 1,
  endLine: 11,
  endColumn,
  suggestions: [
    {
      messageId: 'requireTokenHeader' as const,
      data: { header: '`x-mcp-csrf-token`' },
      output: fixed(code, route)(false),
    },
    { messageId: 'useBearerToken' as const, output: fixed(code, route)(true) },
  ],
});

ruleTester.run('require-csrf-token: middleware mounted at a path with a parameter', rule, {
  valid: [
    {
      name: 'an optional parameter covers the path without it',
      code: SERVER('/mcp/:id?', '/mcp'),
      filename: 'server.ts',
    },
    {
      name: 'an optional parameter covers the path with it',
      code: SERVER('/mcp/:id?', '/mcp/:session'),
      filename: 'server.ts',
    },
    { name: 'a parameter covers any segment', code: SERVER('/mcp/:id', '/mcp/:session'), filename: 'server.ts' },
  ],
  invalid: [
    {
      name: 'a parameter does not cover the path without it',
      code: UNCOVERED,
      filename: 'server.ts',
      errors: [uncovered(UNCOVERED, '/mcp')],
    },
    {
      name: 'nor a route whose own parameter is optional',
      code: OPTIONAL_ROUTE,
      filename: 'server.ts',
      errors: [uncovered(OPTIONAL_ROUTE, '/mcp/:session?')],
    },
    {
      name: 'a parameter with a pattern covers only the values it matches',
      code: PATTERNED,
      filename: 'server.ts',
      errors: [uncovered(PATTERNED, '/mcp/:session')],
    },
  ],
});
