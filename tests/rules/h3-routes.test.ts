import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { commonjs, createRuleTester } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';

// h3 2 (2.0.1-rc.29 src/h3.ts): `post(path, handler, opts?)`, `on(method, path, handler, opts?)` and
// `all(path, handler, opts?)` take one handler, run after the `middleware` of `opts`; the app's own
// middleware (`use(path?, fn, opts?)`) runs before every route, wherever `use` comes. A middleware
// answers with what it returns unless that is `undefined`.

const ruleTester = createRuleTester();

/** An h3 2 MCP server: `before` between the app and its route, `route` the route, `after` after it. */
const SERVER = (
  route: string,
  { before = '', after = '', made = 'new H3()' } = {},
): string => `import { H3, HTTPError } from 'h3';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = ${made};
${before}${route}
${after}export default app;
`;

const HANDLER = '(event) => transport.handleRequest(event.req)';

/** The same server in CommonJS. */
const CJS = (route: string): string => `const { H3 } = require('h3');
const { transport } = require('./transport');

const app = new H3();
${route}
module.exports = app;
`;
const POST = `app.post('/mcp', ${HANDLER});`;
/** A middleware that refuses a request without the API key. */
const REFUSES = `(event) => {
  if (event.req.headers.get('x-api-key') !== process.env.API_KEY) {
    return new Response('Unauthorized', { status: 401 });
  }
}`;
/** The route options the token fix writes after `handler`, one middleware a line. */
const withCheck = (handler: string, bearer: boolean): string =>
  `${handler}, {\n  middleware: [\n    ${guard('h3', bearer, { indent: '    ' })},\n  ],\n}`;

ruleTester.run('require-csrf-token: h3 2 routes and their middleware', csrfRule, {
  valid: [
    { name: '`use()` before the route', code: SERVER(POST, { before: `app.use(${REFUSES});\n` }) },
    {
      name: '`use()` after the route: the app runs its middleware before every route',
      code: SERVER(POST, { after: `app.use(${REFUSES});\n` }),
    },
    { name: "`use(path, fn)` on the route's path", code: SERVER(POST, { before: `app.use('/mcp', ${REFUSES});\n` }) },
    {
      name: "the route's own `middleware`",
      code: SERVER(`app.post('/mcp', ${HANDLER}, { middleware: [${REFUSES}] });`),
    },
    {
      name: 'a check at the top of the handler that throws an HTTPError',
      code: SERVER(`app.post('/mcp', (event) => {
  if (event.req.headers.get('x-api-key') !== process.env.API_KEY) throw new HTTPError({ status: 401 });
  return transport.handleRequest(event.req);
});`),
    },
    {
      name: 'the middleware the fix writes',
      code: SERVER(`app.post('/mcp', ${withCheck(HANDLER, false)});`, { after: `\n${tokenHelpers()}\n\n` }),
    },
    { name: 'a GET route takes no forged POST', code: SERVER(`app.get('/mcp', ${HANDLER});`) },
    {
      name: 'an app of another package named H3',
      code: SERVER(POST).replace("from 'h3'", "from './h3-like'"),
    },
  ],
  invalid: [
    {
      name: 'no check: the fix adds route options with a middleware',
      code: SERVER(POST),
      errors: [
        missingCheck('`POST /mcp`', [6, 1, 6, 9], (bearer) =>
          SERVER(`app.post('/mcp', ${withCheck(HANDLER, bearer)});`, { before: `\n${tokenHelpers({ bearer })}\n\n` }),
        ),
      ],
    },
    {
      name: "`on('POST', path, handler)`",
      code: SERVER(`app.on('POST', '/mcp', ${HANDLER});`),
      errors: [
        missingCheck('`POST /mcp`', [6, 1, 6, 7], (bearer) =>
          SERVER(`app.on('POST', '/mcp', ${withCheck(HANDLER, bearer)});`, {
            before: `\n${tokenHelpers({ bearer })}\n\n`,
          }),
        ),
      ],
    },
    {
      name: "`on('', path, handler)` takes every method",
      code: SERVER(`app.on('', '/mcp', ${HANDLER});`),
      errors: [
        missingCheck('Every method of `/mcp`', [6, 1, 6, 7], (bearer) =>
          SERVER(`app.on('', '/mcp', ${withCheck(HANDLER, bearer)});`, {
            before: `\n${tokenHelpers({ bearer })}\n\n`,
          }),
        ),
      ],
    },
    {
      name: '`all(path, handler)` on the chain that makes the app',
      code: SERVER('', { made: `new H3().all('/mcp', ${HANDLER})` }),
      errors: [
        missingCheck('Every method of `/mcp`', [5, 13, 5, 25], (bearer) =>
          SERVER('', { made: `new H3().all('/mcp', ${withCheck(HANDLER, bearer)})` }).replace(
            'const app =',
            `\n${tokenHelpers({ bearer })}\n\nconst app =`,
          ),
        ),
      ],
    },
    {
      name: 'route options without `middleware` take one',
      code: SERVER(`app.post('/mcp', ${HANDLER}, {\n  meta: { name: 'mcp' },\n});`),
      errors: [
        missingCheck('`POST /mcp`', [6, 1, 6, 9], (bearer) =>
          SERVER(
            `app.post('/mcp', ${HANDLER}, {\n  meta: { name: 'mcp' },\n  middleware: [${guard('h3', bearer, { indent: '  ' })}],\n});`,
            { before: `\n${tokenHelpers({ bearer })}\n\n` },
          ),
        ),
      ],
    },
    {
      name: 'route middleware that checks nothing: the check goes first in the list',
      code: SERVER(`app.post('/mcp', ${HANDLER}, { middleware: [logRequest] });`, {
        before: 'const logRequest = (event) => console.log(event.req.method);\n',
      }),
      errors: [
        missingCheck('`POST /mcp`', [7, 1, 7, 9], (bearer) =>
          SERVER(`app.post('/mcp', ${HANDLER}, { middleware: [${guard('h3', bearer)}, logRequest] });`, {
            before: `const logRequest = (event) => console.log(event.req.method);\n\n${tokenHelpers({ bearer })}\n\n`,
          }),
        ),
      ],
    },
    {
      name: '`use()` for GET requests only leaves POST open',
      code: SERVER(POST, { before: `app.use(${REFUSES}, { method: 'GET' });\n` }),
      errors: [
        missingCheck('`POST /mcp`', [11, 1, 11, 9], (bearer) =>
          SERVER(`app.post('/mcp', ${withCheck(HANDLER, bearer)});`, {
            before: `app.use(${REFUSES}, { method: 'GET' });\n\n${tokenHelpers({ bearer })}\n\n`,
          }),
        ),
      ],
    },
    {
      name: "CommonJS: `require('h3')`",
      code: CJS(POST),
      ...commonjs,
      errors: [
        missingCheck('`POST /mcp`', [5, 1, 5, 9], (bearer) =>
          CJS(`app.post('/mcp', ${withCheck(HANDLER, bearer)});`).replace(
            'const app = new H3();\n',
            `const app = new H3();\n\n${tokenHelpers({ bearer, js: 'commonjs' })}\n\n`,
          ),
        ),
      ],
    },
    {
      name: 'with `failClosedFix`, the token header check is the autofix',
      code: SERVER(POST),
      options: [{ failClosedFix: true }],
      output: SERVER(`app.post('/mcp', ${withCheck(HANDLER, false)});`, { before: `\n${tokenHelpers()}\n\n` }),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: SERVER(`app.post('/mcp', ${withCheck(HANDLER, true)});`, {
                before: `\n${tokenHelpers({ bearer: true })}\n\n`,
              }),
            },
          ],
        },
      ],
    },
  ],
});

/** An h3 2 app that hands each request to a JSON-RPC dispatcher of its own, with `made` the app. */
const DISPATCHING = (made: string): string => `import { H3 } from 'h3';

async function handleMcp(request: Request): Promise<Response> {
  const message = await request.json();
  switch (message.method) {
    case 'tools/list':
      return Response.json({ jsonrpc: '2.0', id: message.id, result: { tools: [] } });
    default:
      return Response.json({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } });
  }
}

const app = ${made};
app.post('/mcp', (event) => handleMcp(event.req));
export default app;
`;

/** The Host check the suggestion writes, as a middleware of the app. */
const HOST_CHECK = `.use((event) => {
  // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
  if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(event.req.url).hostname)) {
    return Response.json({ error: 'Host not allowed' }, { status: 403 });
  }
})`;

ruleTester.run('require-dns-rebinding-protection: h3 2 apps', dnsRule, {
  valid: [
    { name: 'the middleware the suggestion writes', code: DISPATCHING(`new H3()${HOST_CHECK}`) },
    {
      name: 'a Host check in `use()` after the route',
      code: DISPATCHING('new H3()')
        .replace(
          'export default app;',
          `app.use((event) => {
  if (!['localhost', '127.0.0.1'].includes(new URL(event.req.url).hostname)) throw new HTTPError({ status: 403 });
});
export default app;`,
        )
        .replace("import { H3 } from 'h3';", "import { H3, HTTPError } from 'h3';"),
    },
  ],
  invalid: [
    {
      name: 'the app serves MCP and checks no Host',
      code: DISPATCHING('new H3()'),
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`new H3()` app' },
          line: 13,
          column: 13,
          endLine: 13,
          endColumn: 21,
          suggestions: [{ messageId: 'validateHost', output: DISPATCHING(`new H3()${HOST_CHECK}`) }],
        },
      ],
    },
  ],
});
