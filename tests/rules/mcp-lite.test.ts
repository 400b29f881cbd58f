import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester, failClosedFix } from '../rule-tester';
import { tokenHelpers } from '../support/fix-text';

// mcp-lite (src/frameworks/mcp-lite.ts): `new StreamableHttpTransport(options).bind(server)` is a
// web request handler that serves MCP. It checks Host and Origin only against the lists it is
// given (`allowedHosts`, `allowedOrigins`), with no switch to turn them on.

const ruleTester = createRuleTester();

const HONO_APP = (transportOptions: string): string => `import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';

const PORT = 3000;
const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const transport = new StreamableHttpTransport(${transportOptions});
const handleMcp = transport.bind(mcp);

const app = new Hono();
app.all('/mcp', (c) => handleMcp(c.req.raw));
serve({ fetch: app.fetch, port: PORT, hostname: '127.0.0.1' });`;

ruleTester.run('require-dns-rebinding-protection: mcp-lite', dnsRule, {
  valid: [
    { name: 'a Host list', code: HONO_APP("{ allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] }") },
    {
      name: 'an Origin list, on a handler bound in one expression',
      code: `import { McpServer, StreamableHttpTransport } from 'mcp-lite';
const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const handle = new StreamableHttpTransport({ allowedOrigins: ['http://localhost:6274'] }).bind(mcp);
export default { fetch: (request: Request) => handle(request) };`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'no list: the fix lists the loopback hosts for the port the file serves on',
      code: HONO_APP(''),
      output: HONO_APP("{ allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] }"),
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHttpTransport`' },
          line: 7,
          column: 23,
          endLine: 7,
          endColumn: 46,
        },
      ],
    },
    {
      name: 'empty lists check nothing',
      code: HONO_APP('{ allowedHosts: [], allowedOrigins: [] }'),
      output: null,
      errors: [{ messageId: 'unprotectedTransport', line: 7, column: 23 }],
    },
  ]),
});

ruleTester.run('require-csrf-token: mcp-lite', csrfRule, {
  valid: [
    {
      name: 'a bound handler behind a bearer-token middleware',
      code: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';
const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const handleMcp = new StreamableHttpTransport().bind(mcp);
const app = new Hono();
app.all('/mcp', bearerAuth({ token: process.env.MCP_TOKEN! }), (c) => handleMcp(c.req.raw));`,
    },
  ],
  invalid: [
    {
      name: 'the handler `bind()` returns serves MCP at whatever path it is mounted',
      code: `import { Hono } from 'hono';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';
const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const handleMcp = new StreamableHttpTransport().bind(mcp);
const app = new Hono();
app.post('/rpc', (c) => handleMcp(c.req.raw));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /rpc`' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: `import { Hono } from 'hono';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';
const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const handleMcp = new StreamableHttpTransport().bind(mcp);
const app = new Hono();

${tokenHelpers()}

app.post('/rpc', async (c, next) => {
  if (!hasValidCsrfToken(c.req.header('x-mcp-csrf-token'))) return c.json({ error: 'Missing or invalid credentials for this MCP server' }, 403);
  await next();
}, (c) => handleMcp(c.req.raw));`,
            },
            {
              messageId: 'useBearerToken',
              output: `import { Hono } from 'hono';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';
const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const handleMcp = new StreamableHttpTransport().bind(mcp);
const app = new Hono();

${tokenHelpers({ bearer: true })}

app.post('/rpc', async (c, next) => {
  if (!hasValidBearerToken(c.req.header('authorization'))) return c.json({ error: 'Missing or invalid credentials for this MCP server' }, 401, { 'WWW-Authenticate': 'Bearer' });
  await next();
}, (c) => handleMcp(c.req.raw));`,
            },
          ],
        },
      ],
    },
  ],
});
