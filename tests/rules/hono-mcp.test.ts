import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester, failClosedFix } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';

// @hono/mcp's `StreamableHTTPTransport` takes the MCP SDK v1 transport options: no Host or Origin
// check unless `enableDnsRebindingProtection` and a list turn one on. Its `bearerAuth` middleware
// refuses requests without a valid bearer token.

const ruleTester = createRuleTester();

const SERVER = (
  options: string,
  guard = '',
): string => `import { StreamableHTTPTransport${guard ? ', bearerAuth' : ''} } from '@hono/mcp';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const transport = new StreamableHTTPTransport(${options});
const app = new Hono();
app.all('/mcp', ${guard}async (c) => {
  if (!mcp.isConnected()) await mcp.connect(transport);
  return transport.handleRequest(c);
});
serve({ fetch: app.fetch, port: 3000, hostname: '127.0.0.1' });`;

const PROTECTED = "{ enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] }";

ruleTester.run('require-dns-rebinding-protection: the Hono MCP transport', dnsRule, {
  valid: [{ name: 'protection on, with the hosts it answers to', code: SERVER(PROTECTED) }],
  invalid: failClosedFix([
    {
      name: 'a transport with no options: the fix turns protection on for the port the file serves on',
      code: SERVER(''),
      output: SERVER(PROTECTED),
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPTransport`' },
          line: 7,
          column: 23,
          endLine: 7,
          endColumn: 46,
        },
      ],
    },
  ]),
});

ruleTester.run('require-csrf-token: the Hono MCP bearerAuth', csrfRule, {
  valid: [
    {
      name: "@hono/mcp's bearerAuth in front of the route",
      code: SERVER(PROTECTED, 'bearerAuth({ verifier: { verifyAccessToken: verify } }), '),
    },
  ],
  invalid: [],
});

/** A Hono app whose middleware compares what `read` gives with the key, before `POST /mcp`. */
const KEYED = (read: string): string => `import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { StreamableHTTPTransport } from '@hono/mcp';
import { server } from './server.js';

const requireKey = createMiddleware(async (c, next) => {
  if (${read} !== process.env.MCP_API_KEY) return c.json({ error: 'Unauthorized' }, 401);
  await next();
});

const app = new Hono();
app.post('/mcp', requireKey, async (c) => {
  const transport = new StreamableHTTPTransport();
  await server.connect(transport);
  return transport.handleRequest(c);
});
export default app;`;
const VARIABLE = "c.get('apiKey')";

ruleTester.run("require-csrf-token: Hono's context variables are no headers", csrfRule, {
  valid: [
    { name: "`c.req.header('x-api-key')`", code: KEYED("c.req.header('x-api-key')") },
    { name: "`c.req.raw.headers.get('x-api-key')`", code: KEYED("c.req.raw.headers.get('x-api-key')") },
  ],
  invalid: [
    {
      name: "`c.get('apiKey')` reads what other middleware set on the context, not a request header",
      code: KEYED(VARIABLE),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [12, 1, 12, 9], (bearer) =>
          KEYED(VARIABLE).replace(
            "app.post('/mcp', requireKey, ",
            `\n${tokenHelpers({ bearer })}\n\napp.post('/mcp', requireKey, ${guard('hono', bearer)}`,
          ),
        ),
      ],
    },
  ],
});

/** A Hono app that serves MCP on `POST /mcp` behind `bearerAuth`, and answers every other method with `other`. */
const OTHER_METHODS = (other: string): string => `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';
import { StreamableHTTPTransport } from '@hono/mcp';
import { server } from './server.js';

const app = new Hono();
app.post('/mcp', bearerAuth({ token: process.env.MCP_TOKEN ?? '' }), async (c) => {
  const transport = new StreamableHTTPTransport();
  await server.connect(transport);
  return transport.handleRequest(c);
});
app.all('/mcp', ${other});
export default app;`;

const MAY_THROW =
  "async (c) => {\n  if (c.req.method === 'PUT') throw new HTTPException(405);\n  const transport = new StreamableHTTPTransport();\n  await server.connect(transport);\n  return transport.handleRequest(c);\n}";

ruleTester.run('require-csrf-token: a Hono route that only throws an HTTP error', csrfRule, {
  valid: [
    {
      name: '`throw new HTTPException(405, …)`: every request it gets is turned away',
      code: OTHER_METHODS("() => {\n  throw new HTTPException(405, { message: 'Method Not Allowed' });\n}"),
    },
  ],
  invalid: [
    {
      name: 'a route that answers with an MCP transport after a thrown status it only may throw',
      code: OTHER_METHODS(MAY_THROW),
      output: null,
      errors: [
        missingCheck('Every method of `/mcp`', [13, 1, 13, 8], (bearer) =>
          OTHER_METHODS(MAY_THROW).replace(
            "app.all('/mcp', ",
            `\n${tokenHelpers({ bearer })}\n\napp.all('/mcp', ${guard('hono', bearer)}`,
          ),
        ),
      ],
    },
  ],
});

/** A Hono app made as one chain of calls: `first` and `second` in that order after `new Hono()`. */
const CHAIN = (first: string, second: string): string => `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { StreamableHTTPTransport } from '@hono/mcp';
import { server } from './server.js';

export const app = new Hono()
  ${first}
  ${second};`;

const AUTH = ".use(bearerAuth({ token: process.env.MCP_TOKEN ?? '' }))";
const ROUTE = `.post('/mcp', async (c) => {
    const transport = new StreamableHTTPTransport();
    await server.connect(transport);
    return transport.handleRequest(c);
  })`;

// Calls chained on one another start at the same offset, where the chain does: the inner one
// runs first, and only its check covers a route chained after it. A report on a chain written
// over several lines names the route's method, not the lines before it.
ruleTester.run('require-csrf-token: middleware in the chain that makes the app', csrfRule, {
  valid: [{ name: '`new Hono().use(bearerAuth(…)).post(…)`', code: CHAIN(AUTH, ROUTE) }],
  invalid: [
    {
      name: '`new Hono().post(…).use(bearerAuth(…))`',
      code: CHAIN(ROUTE, AUTH),
      errors: [
        missingCheck('`POST /mcp`', [7, 4, 7, 8], (bearer) =>
          CHAIN(ROUTE, AUTH)
            .replace('export const app', `${tokenHelpers({ bearer })}\n\nexport const app`)
            .replace(".post('/mcp', ", `.post('/mcp', ${guard('hono', bearer, { indent: '  ' })}`),
        ),
      ],
    },
  ],
});

/** A Hono app whose `/mcp` runs `middleware` of @hono/stytch-auth before the MCP route. */
const STYTCH = (middleware: string): string => `import { Hono } from 'hono';
import { B2B, Consumer } from '@hono/stytch-auth';
import { StreamableHTTPTransport } from '@hono/mcp';
import { server } from './server.js';

const app = new Hono();
app.use('/mcp', ${middleware});
app.post('/mcp', async (c) => {
  const transport = new StreamableHTTPTransport();
  await server.connect(transport);
  return transport.handleRequest(c);
});
export default app;`;

const SESSION = 'Consumer.authenticateSessionLocal()';

ruleTester.run("require-csrf-token: Stytch's middleware for Hono", csrfRule, {
  valid: [
    {
      name: '`Consumer.authenticateOAuthToken()`: a Bearer token Stytch accepts',
      code: STYTCH('Consumer.authenticateOAuthToken()'),
    },
    { name: '`B2B.authenticateOAuthToken()`', code: STYTCH('B2B.authenticateOAuthToken()') },
  ],
  invalid: [
    {
      name: '`Consumer.authenticateSessionLocal()`: a session cookie, which a cross-site request carries',
      code: STYTCH(SESSION),
      errors: [
        missingCheck('`POST /mcp`', [8, 1, 8, 9], (bearer) =>
          STYTCH(SESSION)
            .replace(`${SESSION});\n`, `${SESSION});\n\n${tokenHelpers({ bearer })}\n\n`)
            .replace("app.post('/mcp', ", `app.post('/mcp', ${guard('hono', bearer)}`),
        ),
      ],
    },
  ],
});

ruleTester.run("require-dns-rebinding-protection: Stytch's bearer middleware for Hono", dnsRule, {
  valid: [{ name: '`Consumer.authenticateOAuthToken()` on `/mcp`', code: STYTCH('Consumer.authenticateOAuthToken()') }],
  invalid: [],
});
