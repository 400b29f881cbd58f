import path from 'node:path';
import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { missingCheck, REFUSAL, tokenHelpers } from '../support/fix-text';

// Nitro (nitropack 2.x, and Nuxt's `server/` folder) serves the default export of each module
// under `routes/` and `api/` (at `/api/…`) as a route: `mcp.post.ts` answers POST alone. The
// handlers of `server/middleware/` run before every route, in the order of their names. h3's
// helpers (`defineEventHandler`, `getRequestHeader`, `createError`) are auto-imported globals.
// The fixture packages (tests/fixtures/nitro/*) depend on nitropack and hold the middleware.

const ruleTester = createRuleTester();

/** Where a case's file is: the `api` folder of a fixture package's server. */
const inFixture = (fixture: string, file = 'mcp.post.ts'): string =>
  path.join(__dirname, '..', 'fixtures', 'nitro', fixture, 'server', 'api', file);

/** A Nitro route that hands the request to an MCP SDK transport, after `check`. */
const ROUTE = (
  check = '',
  imports = '',
): string => `${imports}import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { server } from '../mcp';

export default defineEventHandler(async (event) => {${check}
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(event.node.req, event.node.res, await readBody(event));
});
`;

/** The check the token fix writes first in a Nitro handler, for `header` (for POST alone in a handler of every method). */
const GUARD = (check: string, header: string, status: number, bearer: boolean, post = ''): string => `
  if (${post}!${check}(event.headers.get('${header}'))) {
    return Response.json(${REFUSAL}, { status: ${status}${bearer ? ", headers: { 'WWW-Authenticate': 'Bearer' }" : ''} });
  }`;

/** The route with the token fix applied: the check first, the helpers after the module's code. */
const FIXED = (bearer: boolean, post = ''): string =>
  `${ROUTE(
    bearer
      ? GUARD('hasValidBearerToken', 'authorization', 401, true, post)
      : GUARD('hasValidCsrfToken', 'x-mcp-csrf-token', 403, false, post),
  )}\n${tokenHelpers({ bearer })}\n`;

ruleTester.run('require-csrf-token: Nitro file routes', csrfRule, {
  valid: [
    {
      name: 'a check of the API key first in the handler',
      code: ROUTE(`
  if (getRequestHeader(event, 'x-api-key') !== process.env.API_KEY) {
    throw createError({ statusCode: 401, statusMessage: 'Unauthorized' });
  }`),
      filename: inFixture('open'),
    },
    {
      name: '`getRequestHeader` imported from h3',
      code: ROUTE(
        `
  if (getRequestHeader(event, 'authorization') !== \`Bearer \${process.env.TOKEN}\`) throw createError({ statusCode: 401 });`,
        "import { createError, defineEventHandler, getRequestHeader, readBody } from 'h3';\n",
      ),
      filename: inFixture('open'),
    },
    { name: 'middleware that checks every request first', code: ROUTE(), filename: inFixture('guarded') },
    {
      name: 'middleware whose check for this path a setting turns on: a check, as the owner chose',
      code: ROUTE(),
      filename: inFixture('opt-in'),
    },
    {
      name: 'a GET route takes no POST',
      code: ROUTE(),
      filename: inFixture('open', 'mcp.get.ts'),
    },
    {
      name: 'the same module outside a Nitro package is no route',
      code: ROUTE(),
      filename: path.join(__dirname, '..', 'fixtures', 'plain-package', 'server', 'api', 'mcp.post.ts'),
    },
  ],
  invalid: [
    {
      name: 'no check: the token check goes first in the handler',
      code: ROUTE(),
      filename: inFixture('open'),
      errors: [missingCheck('`POST /api/mcp`', [4, 16, 4, 34], FIXED)],
    },
    {
      name: 'a file with no method suffix answers every method, POST included',
      code: ROUTE(),
      filename: inFixture('open', 'mcp.ts'),
      errors: [
        missingCheck('Every method of `/api/mcp`', [4, 16, 4, 34], (bearer) =>
          FIXED(bearer, "event.method === 'POST' && "),
        ),
      ],
    },
    {
      name: 'middleware whose check runs only for other paths',
      code: ROUTE(),
      filename: inFixture('other-paths'),
      errors: [missingCheck('`POST /api/mcp`', [4, 16, 4, 34], FIXED)],
    },
  ],
});

// What a DNS-rebinding page meets is the server as it runs out of the box: a check that a runtime
// config setting (`useRuntimeConfig().auth.enabled`) turns on is off until a deployment sets it.
ruleTester.run('require-dns-rebinding-protection: Nitro middleware', dnsRule, {
  valid: [{ name: 'middleware that checks every request first', code: ROUTE(), filename: inFixture('guarded') }],
  invalid: [
    {
      name: 'middleware whose check a runtime config setting turns on',
      code: ROUTE(),
      filename: inFixture('opt-in'),
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 5,
          column: 25,
          endLine: 5,
          endColumn: 54,
        },
      ],
    },
  ],
});
