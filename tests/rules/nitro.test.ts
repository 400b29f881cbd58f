import path from 'node:path';
import wildcardRule from '../../src/rules/no-wildcard-origin';
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

/**
 * The check the token fix writes first in a Nitro handler, for `header` (for POST alone in a
 * handler of every method).
 */
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
      name: 'a check of `server/utils/`, which Nitro auto-imports',
      code: ROUTE('\n  requireMcpToken(event);'),
      filename: inFixture('utils-guard'),
    },
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
      name: 'a call of a name that no module of `server/utils/` exports',
      code: ROUTE('\n  requireMcpToken(event);'),
      filename: inFixture('open'),
      errors: [
        missingCheck(
          '`POST /api/mcp`',
          [4, 16, 4, 34],
          (bearer) =>
            `${ROUTE(
              `${
                bearer
                  ? GUARD('hasValidBearerToken', 'authorization', 401, true)
                  : GUARD('hasValidCsrfToken', 'x-mcp-csrf-token', 403, false)
              }\n  requireMcpToken(event);`,
            )}\n${tokenHelpers({ bearer })}\n`,
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

/** A Nitro config whose route rules are `rules`. */
const CONFIG = (rules: string): string => `export default defineNitroConfig({
  compatibilityDate: '2025-01-01',
  routeRules: {
${rules}
  },
});
`;

/** Where a config file is: the root of a fixture package. */
const configIn = (fixture: string, name = 'nitro.config.ts'): string =>
  path.join(__dirname, '..', 'fixtures', 'nitro', fixture, name);

// nitropack 2.13.6 (dist/core/index.mjs, `normalizeRouteRules`): `cors: true` answers
// `access-control-allow-origin: *` on the rule's routes, unless the rule's own `headers` set one.
ruleTester.run('no-wildcard-origin: Nitro route rules', wildcardRule, {
  valid: [
    {
      name: 'no route of the package serves MCP',
      code: CONFIG("    '/**': { cors: true },"),
      filename: configIn('cors-web'),
    },
    {
      name: 'the MCP route refuses a request without its bearer token',
      code: CONFIG("    '/**': { cors: true },"),
      filename: configIn('cors-guarded'),
    },
    {
      name: 'the rule covers other paths',
      code: CONFIG("    '/public/**': { cors: true },"),
      filename: configIn('cors'),
    },
    {
      name: "the rule's own headers name the origin",
      code: CONFIG("    '/**': { cors: true, headers: { 'access-control-allow-origin': 'https://app.example.com' } },"),
      filename: configIn('cors'),
    },
    { name: '`cors: false`', code: CONFIG("    '/api/**': { cors: false },"), filename: configIn('cors') },
  ],
  invalid: [
    {
      name: '`cors: true` over the MCP route',
      code: CONFIG("    '/api/**': { cors: true, cache: false },"),
      filename: configIn('cors'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "Nitro's `cors: true` route rule for `/api/**`", credentials: '' },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 28,
          suggestions: [{ messageId: 'denyOrigins', output: CONFIG("    '/api/**': { cache: false },") }],
        },
      ],
    },
    {
      name: "Nuxt's `nitro.routeRules`",
      code: `export default defineNuxtConfig({
  nitro: {
    routeRules: { '/**': { cors: true } },
  },
});
`,
      filename: configIn('cors', 'nuxt.config.ts'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "Nitro's `cors: true` route rule for `/**`", credentials: '' },
          line: 3,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: `export default defineNuxtConfig({
  nitro: {
    routeRules: { '/**': {} },
  },
});
`,
            },
          ],
        },
      ],
    },
  ],
});

/**
 * A Nitro MCP route that sets its CORS headers with h3's helper first: `sets` (auto-imported, or
 * imported by `imports`).
 */
const HEADERS_ROUTE = (
  sets: string,
  imports = '',
): string => `${imports}import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export default defineEventHandler(async (event) => {
  ${sets}
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(event.node.req, event.node.res, await readBody(event));
});
`;

ruleTester.run("no-wildcard-origin: h3's response header helpers", wildcardRule, {
  valid: [
    {
      name: 'an origin in source',
      code: HEADERS_ROUTE("setResponseHeader(event, 'Access-Control-Allow-Origin', 'https://app.example.com');"),
      filename: inFixture('open'),
    },
    {
      name: 'a function of the project by the same name',
      code: HEADERS_ROUTE(
        "setResponseHeader(event, 'Access-Control-Allow-Origin', '*');",
        "import { setResponseHeader } from '../utils/headers';\n",
      ),
      filename: inFixture('open'),
    },
  ],
  invalid: [
    {
      name: "`setResponseHeader(event, 'Access-Control-Allow-Origin', '*')`",
      code: HEADERS_ROUTE("setResponseHeader(event, 'Access-Control-Allow-Origin', '*');"),
      filename: inFixture('open'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: HEADERS_ROUTE('').replace('\n  \n', '\n'),
            },
            {
              messageId: 'useAllowedOrigin',
              output: HEADERS_ROUTE("setResponseHeader(event, 'Access-Control-Allow-Origin', ALLOWED_ORIGIN);").replace(
                "streamableHttp.js';\n",
                "streamableHttp.js';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
              ),
            },
          ],
        },
      ],
    },
    {
      name: '`setResponseHeaders(event, { … })` imported from h3',
      code: HEADERS_ROUTE(
        "setResponseHeaders(event, { 'Access-Control-Allow-Origin': '*' });",
        "import { setResponseHeaders } from 'h3';\n",
      ),
      filename: inFixture('open'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 5,
          column: 31,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: HEADERS_ROUTE('setResponseHeaders(event, {});', "import { setResponseHeaders } from 'h3';\n"),
            },
            {
              messageId: 'useAllowedOrigin',
              output: HEADERS_ROUTE(
                "setResponseHeaders(event, { 'Access-Control-Allow-Origin': ALLOWED_ORIGIN });",
                "import { setResponseHeaders } from 'h3';\n",
              ).replace(
                "streamableHttp.js';\n",
                "streamableHttp.js';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
              ),
            },
          ],
        },
      ],
    },
  ],
});
