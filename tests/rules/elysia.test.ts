import wildcardRule from '../../src/rules/no-wildcard-origin';
import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import loopbackRule from '../../src/rules/require-loopback-host';
import { createRuleTester } from '../rule-tester';
import { guard, LOOPBACK_HOSTS, missingCheck, tokenHelpers } from '../support/fix-text';

// elysia 1.4.30: `listen(port)` hands Bun.serve `{ port }` (Bun's `hostname` defaults to 0.0.0.0;
// on Node, @elysiajs/node hands srvx the same), `listen({ port, hostname })` its own options, over
// the `serve` options the app was made with. Routes are `post(path, handler, hook?)`; a hook
// (`onBeforeHandle`, `derive`, `guard({ beforeHandle })`, …) applies to the routes registered after it.

const ruleTester = createRuleTester();

const API = "Elysia's `app.listen()`";

/** An Elysia app that serves MCP, made with `made` and started with `started`. */
const LISTEN = (
  started: string,
  made = 'new Elysia()',
  imported = "import { Elysia } from 'elysia';",
): string => `${imported}
import { handleMcp } from './mcp';

const app = ${made}.all('/mcp', ({ request }) => handleMcp(request));
${started};
`;

/** An Elysia app that serves MCP, made and started with `listen(started)` in one chain. */
const CHAIN = (started: string): string => `import { Elysia } from 'elysia';
import { handleMcp } from './mcp';

new Elysia().all('/mcp', ({ request }) => handleMcp(request)).listen(${started});
`;

ruleTester.run('require-loopback-host: Elysia', loopbackRule, {
  valid: [
    { name: 'options with a loopback `hostname`', code: LISTEN("app.listen({ port: 3000, hostname: '127.0.0.1' })") },
    { name: '`localhost`', code: LISTEN("app.listen({ port: 3000, hostname: 'localhost' })") },
    {
      name: 'a loopback `hostname` in the `serve` options the app was made with',
      code: LISTEN('app.listen(3000)', "new Elysia({ serve: { hostname: '127.0.0.1' } })"),
    },
    {
      name: 'the listen options win over the serve options',
      code: LISTEN("app.listen({ port: 3000, hostname: '::1' })", "new Elysia({ serve: { hostname: '0.0.0.0' } })"),
    },
    {
      name: 'options from where the file cannot see are no port',
      code: LISTEN(
        'app.listen(settings)',
        'new Elysia()',
        "import { Elysia } from 'elysia';\nimport { settings } from './settings';",
      ),
    },
    {
      name: 'serve options from where the file cannot see',
      code: LISTEN(
        'app.listen(3000)',
        'new Elysia({ serve })',
        "import { Elysia } from 'elysia';\nimport { serve } from './settings';",
      ),
    },
    {
      name: 'an app made and started in one chain that serves no MCP',
      code: "import { Elysia } from 'elysia';\n\nnew Elysia().get('/', () => 'ok').post('/echo', ({ body }) => body).listen(3000);\n",
    },
    {
      name: 'an app of another package named Elysia',
      code: LISTEN('app.listen(3000)', 'new Elysia()', "import { Elysia } from './elysia-like';"),
    },
  ],
  invalid: [
    {
      name: 'a port alone: every interface',
      code: LISTEN('app.listen(3000)'),
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: API, hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 11,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: LISTEN(`app.listen({ port: 3000, hostname: ${host} })`),
          })),
        },
      ],
    },
    {
      name: 'a port string, the default export, at the end of a chain',
      code: LISTEN("new Elysia().use(app).listen('3000')", 'new Elysia()', "import Elysia from 'elysia';"),
      errors: [
        {
          messageId: 'defaultHost',
          line: 5,
          column: 23,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: LISTEN(
              `new Elysia().use(app).listen({ port: '3000', hostname: ${host} })`,
              'new Elysia()',
              "import Elysia from 'elysia';",
            ),
          })),
        },
      ],
    },
    {
      name: 'an app made and started in one chain that serves MCP',
      code: CHAIN('3000'),
      errors: [
        {
          messageId: 'defaultHost',
          line: 4,
          column: 63,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: CHAIN(`{ port: 3000, hostname: ${host} }`),
          })),
        },
      ],
    },
    {
      name: 'options with a port and no hostname',
      code: LISTEN('app.listen({ port: Number(process.env.PORT) })'),
      errors: [
        {
          messageId: 'defaultHost',
          line: 5,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: LISTEN(`app.listen({ port: Number(process.env.PORT), hostname: ${host} })`),
          })),
        },
      ],
    },
    {
      name: "`hostname: '0.0.0.0'` in the serve options the app was made with",
      code: LISTEN('app.listen(3000)', "new Elysia({ serve: { hostname: '0.0.0.0' } })"),
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: API, hostLabel: '`hostname`', values: "`'0.0.0.0'`" },
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 54,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: LISTEN('app.listen(3000)', `new Elysia({ serve: { hostname: ${host} } })`),
          })),
        },
      ],
    },
  ],
});

/** An Elysia MCP server: `before` between the app and its route, and `route` the route (`hook` after its handler). */
const SERVER = (route: string, { before = '', after = '' } = {}): string => `import { Elysia } from 'elysia';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = new Elysia();
${before}${route}
${after}app.listen({ port: 3000, hostname: '127.0.0.1' });
`;

const HANDLER = '({ request }) => transport.handleRequest(request)';
const POST = `app.post('/mcp', ${HANDLER});`;
/** A hook body that refuses a request without the API key. */
const REFUSES = `({ headers, set }) => {
  if (headers['x-api-key'] !== process.env.API_KEY) {
    set.status = 401;
    return 'Unauthorized';
  }
}`;

ruleTester.run('require-csrf-token: Elysia routes and their hooks', csrfRule, {
  valid: [
    { name: '`onBeforeHandle` before the route', code: SERVER(POST, { before: `app.onBeforeHandle(${REFUSES});\n` }) },
    {
      name: 'a hook on the chain that makes the app',
      code: SERVER(POST.replace('app.post(', `app\n  .onBeforeHandle(${REFUSES.replace(/\n/gu, '\n  ')})\n  .post(`)),
    },
    {
      name: '`derive` that throws without a bearer token',
      code: SERVER(POST, {
        before: `app.derive(({ request }) => {
  const token = request.headers.get('authorization');
  if (token !== \`Bearer \${process.env.TOKEN}\`) throw new Error('Unauthorized');
  return { token };
});
`,
      }),
    },
    {
      name: "the route's own `beforeHandle`, as a method",
      code: SERVER(`app.post('/mcp', ${HANDLER}, {
  beforeHandle({ headers, status }) {
    if (headers.authorization !== \`Bearer \${process.env.TOKEN}\`) return status(401);
  },
});`),
    },
    {
      name: '`guard({ beforeHandle })` before the route',
      code: SERVER(POST, { before: `app.guard({ beforeHandle: ${REFUSES} });\n` }),
    },
    {
      name: "a plugin instance whose hook is `{ as: 'global' }`",
      code: SERVER(POST, {
        before: `const apiKey = new Elysia({ name: 'api-key' }).onBeforeHandle({ as: 'global' }, ${REFUSES});
app.use(apiKey);
`,
      }),
    },
    {
      name: "a plugin instance cast with `.as('scoped')`",
      code: SERVER(POST, {
        before: `app.use(new Elysia().derive(${REFUSES.replace("return 'Unauthorized'", "throw new Error('Unauthorized')")}).as('scoped'));
`,
      }),
    },
    {
      name: 'a plugin function that adds a hook to the app it is given',
      code: SERVER(POST, {
        before: `const apiKey = (instance: Elysia) => instance.onBeforeHandle(${REFUSES});
app.use(apiKey);
`,
      }),
    },
    {
      name: '`guard(hook, callback)`: the hook covers the routes of its scope',
      code: SERVER(`app.guard({ beforeHandle: ${REFUSES} }, (scope) => scope.post('/mcp', ${HANDLER}));`),
    },
    {
      name: 'a check at the top of the handler',
      code: SERVER(`app.post('/mcp', ({ request, headers }) => {
  if (headers['x-api-key'] !== process.env.API_KEY) throw new Error('Unauthorized');
  return transport.handleRequest(request);
});`),
    },
  ],
  invalid: [
    {
      name: 'no check: the hook goes in a hook object after the handler',
      code: SERVER(POST),
      errors: [
        missingCheck('`POST /mcp`', [6, 1, 6, 9], (bearer) =>
          SERVER(`app.post('/mcp', ${HANDLER}, {\n  ${guard('elysia', bearer, { indent: '  ' })},\n});`, {
            before: `\n${tokenHelpers({ bearer })}\n\n`,
          }),
        ),
      ],
    },
    {
      name: 'a hook object without `beforeHandle` takes one',
      code: SERVER(`app.post('/mcp', ${HANDLER}, {\n  parse: 'json',\n});`),
      errors: [
        missingCheck('`POST /mcp`', [6, 1, 6, 9], (bearer) =>
          SERVER(
            `app.post('/mcp', ${HANDLER}, {\n  parse: 'json',\n  ${guard('elysia', bearer, { indent: '  ' })},\n});`,
            {
              before: `\n${tokenHelpers({ bearer })}\n\n`,
            },
          ),
        ),
      ],
    },
    {
      name: 'a hook registered after the route does not cover it',
      code: SERVER(POST, { after: `app.onBeforeHandle(${REFUSES});\n` }),
      errors: [
        missingCheck('`POST /mcp`', [6, 1, 6, 9], (bearer) =>
          SERVER(`app.post('/mcp', ${HANDLER}, {\n  ${guard('elysia', bearer, { indent: '  ' })},\n});`, {
            before: `\n${tokenHelpers({ bearer })}\n\n`,
            after: `app.onBeforeHandle(${REFUSES});\n`,
          }),
        ),
      ],
    },
    {
      name: "a plugin instance's own hook is local to its routes",
      code: SERVER(POST, {
        before: `app.use(new Elysia().onBeforeHandle(${REFUSES}));
`,
      }),
      errors: [
        missingCheck('`POST /mcp`', [12, 1, 12, 9], (bearer) =>
          SERVER(`app.post('/mcp', ${HANDLER}, {\n  ${guard('elysia', bearer, { indent: '  ' })},\n});`, {
            before: `app.use(new Elysia().onBeforeHandle(${REFUSES}));\n\n${tokenHelpers({ bearer })}\n\n`,
          }),
        ),
      ],
    },
    {
      name: '`group(prefix, callback)`: a route of its scope, under its prefix',
      code: SERVER(`app.group('/api', (api) => api.post('/mcp', ${HANDLER}));`),
      errors: [
        missingCheck('`POST /api/mcp`', [6, 28, 6, 36], (bearer) =>
          SERVER(
            `app.group('/api', (api) => api.post('/mcp', ${HANDLER}, {\n  ${guard('elysia', bearer, { indent: '  ' })},\n}));`,
            { before: `\n${tokenHelpers({ bearer })}\n\n` },
          ),
        ),
      ],
    },
    {
      name: '`guard(hook, callback)` whose hook checks nothing',
      code: SERVER(`app.guard({ parse: 'json' }, (scope) => scope.post('/mcp', ${HANDLER}));`),
      errors: [
        missingCheck('`POST /mcp`', [6, 41, 6, 51], (bearer) =>
          SERVER(
            `app.guard({ parse: 'json' }, (scope) => scope.post('/mcp', ${HANDLER}, {\n  ${guard('elysia', bearer, { indent: '  ' })},\n}));`,
            { before: `\n${tokenHelpers({ bearer })}\n\n` },
          ),
        ),
      ],
    },
    {
      name: "`route('POST', path, handler)`",
      code: SERVER(`app.route('POST', '/mcp', ${HANDLER});`),
      errors: [
        missingCheck('`POST /mcp`', [6, 1, 6, 10], (bearer) =>
          SERVER(`app.route('POST', '/mcp', ${HANDLER}, {\n  ${guard('elysia', bearer, { indent: '  ' })},\n});`, {
            before: `\n${tokenHelpers({ bearer })}\n\n`,
          }),
        ),
      ],
    },
  ],
});

/** An Elysia app that hands each request's JSON-RPC message to the project's own MCP dispatcher, after `hooks`. */
const DISPATCHING = (hooks: string): string => `import { Elysia } from 'elysia';

const ALLOWED_HOSTS = ['127.0.0.1:3000', 'localhost:3000'];

async function handleMcp(request: Request): Promise<Response> {
  const message = await request.json();
  switch (message.method) {
    case 'tools/list':
      return Response.json({ jsonrpc: '2.0', id: message.id, result: { tools: [] } });
    default:
      return Response.json({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } });
  }
}

new Elysia()${hooks}
  .all('/mcp', ({ request }) => handleMcp(request))
  .listen({ port: 3000, hostname: '127.0.0.1' });
`;

ruleTester.run('require-dns-rebinding-protection: Elysia apps', dnsRule, {
  valid: [
    {
      name: '`onRequest` refuses other hosts, read from the web request',
      code: DISPATCHING(`
  .onRequest(({ request, set }) => {
    if (!ALLOWED_HOSTS.includes(request.headers.get('host') ?? '')) {
      set.status = 403;
      return 'Forbidden';
    }
  })`),
    },
    {
      name: 'the hook the suggestion writes',
      code: DISPATCHING(`
  .onRequest(({ request, set }) => {
    if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(request.url).hostname)) {
      set.status = 403;
      return { error: 'Host not allowed' };
    }
  })`),
    },
    {
      name: "`onBeforeHandle` refuses other hosts, read from the context's headers",
      code: DISPATCHING(`
  .onBeforeHandle(({ headers, status }) => {
    if (!ALLOWED_HOSTS.includes(headers.host ?? '')) return status(403);
  })`),
    },
  ],
  invalid: [
    {
      name: 'the context hands the request to the dispatcher: the app serves MCP',
      code: DISPATCHING(''),
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`new Elysia()` app' },
          line: 15,
          column: 1,
          endLine: 15,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'validateHost',
              output: DISPATCHING(`
  .onRequest(({ request, set }) => {
    // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
    if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(request.url).hostname)) {
      set.status = 403;
      return { error: 'Host not allowed' };
    }
  })`),
            },
          ],
        },
      ],
    },
  ],
});

/** An Elysia MCP app whose `onRequest` hook runs `body`. */
const HEADERS = (body: string, before = ''): string => `import { Elysia } from 'elysia';
import { handleMcp } from './mcp';
${before}
new Elysia()
  .onRequest(({ set }) => {${body}
  })
  .all('/mcp', ({ request }) => handleMcp(request))
  .listen({ port: 3000, hostname: '127.0.0.1' });
`;

ruleTester.run('no-wildcard-origin: response headers Elysia sets', wildcardRule, {
  valid: [
    {
      name: 'an origin in source',
      code: HEADERS("\n    set.headers['Access-Control-Allow-Origin'] = 'https://app.example.com';"),
    },
  ],
  invalid: [
    {
      name: "`set.headers['Access-Control-Allow-Origin'] = '*'`",
      code: HEADERS("\n    set.headers['Access-Control-Allow-Origin'] = '*';"),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 53,
          suggestions: [
            { messageId: 'denyOrigins', output: HEADERS('') },
            {
              messageId: 'useAllowedOrigin',
              output: HEADERS(
                "\n    set.headers['Access-Control-Allow-Origin'] = ALLOWED_ORIGIN;",
                "\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
              ),
            },
          ],
        },
      ],
    },
  ],
});
