import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import loopbackRule from '../../src/rules/require-loopback-host';
import reflectedRule from '../../src/rules/no-reflected-origin';
import { createRuleTester } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';

// Apps made other ways than the bare factory. fastify 5 types/instance.d.ts:
// `withTypeProvider<T>()` returns the instance it is called on, retyped, as do `decorate()` and the
// `set…Compiler()` methods: what a name holds made that way is the app, with its routes, hooks and
// `listen()`.

const ruleTester = createRuleTester();

/** An MCP endpoint on a typed Fastify app; `hook` is added before the route, `fixed` guards it. */
const TYPED_APP = (hook = '', fixed?: { bearer: boolean }): string => `import Fastify from 'fastify';
import { McpServer } from '@modelcontextprotocol/server';

const app = Fastify({ logger: true }).withTypeProvider<ZodTypeProvider>().decorate('version', '1.0.0');
${fixed ? `\n${tokenHelpers({ bearer: fixed.bearer })}\n\n` : ''}${hook}app.post('/mcp', ${fixed ? `{ ${guard('fastify', fixed.bearer)}}, ` : ''}handle);
app.listen({ port: 3000, host: '127.0.0.1' });`;

const BEARER_HOOK = `app.addHook('onRequest', async (request, reply) => {
  if (request.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) return reply.code(401).send();
});
`;

ruleTester.run('require-csrf-token: a Fastify app made with withTypeProvider()', csrfRule, {
  valid: [{ name: 'a bearer hook on the typed app', code: TYPED_APP(BEARER_HOOK) }],
  invalid: [
    {
      name: 'the typed app is the app: its MCP route is checked',
      code: TYPED_APP(),
      output: null,
      errors: [missingCheck('`POST /mcp`', [5, 1, 5, 9], (bearer) => TYPED_APP('', { bearer }))],
    },
  ],
});

/** A REST server on a typed Fastify app, which serves no MCP, bound to every interface. */
const REST_ONLY = `import Fastify from 'fastify';
import cors from '@fastify/cors';

const app = Fastify().withTypeProvider<ZodTypeProvider>();
app.register(cors, { origin: true });
app.get('/notes', async () => ({ items: [] }));
app.listen({ port: 3000, host: '0.0.0.0' });`;

/** REST_ONLY with its route in a plugin scope registered in the file. */
const REST_IN_PLUGIN = REST_ONLY.replace(
  "app.get('/notes', async () => ({ items: [] }));",
  "app.register(async (instance) => {\n  instance.get('/notes', async () => ({ items: [] }));\n});",
);

/** REST_IN_PLUGIN whose scope is handed to a package's function, which may add any route to it. */
const SCOPE_HANDED_ON = REST_IN_PLUGIN.replace(
  "  instance.get('/notes', async () => ({ items: [] }));\n",
  "  instance.get('/notes', async () => ({ items: [] }));\n  registerTools(instance);\n",
).replace(
  "import cors from '@fastify/cors';",
  "import cors from '@fastify/cors';\nimport { registerTools } from '@acme/agent-tools';",
);

ruleTester.run('require-loopback-host: a Fastify app made with withTypeProvider()', loopbackRule, {
  valid: [
    { name: 'a REST server that the file shows serves no MCP', code: REST_ONLY },
    { name: 'the same with its routes in a plugin scope the file registers', code: REST_IN_PLUGIN },
  ],
  invalid: [
    {
      name: 'a plugin scope handed to a function of a package, which may add MCP routes',
      code: SCOPE_HANDED_ON,
      output: null,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`fastify.listen()`', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 11,
          column: 26,
          endLine: 11,
          endColumn: 41,
          suggestions: (
            [
              ['useIpv4Loopback', "'127.0.0.1'"],
              ['useHostFromEnvironment', "process.env.HOST ?? '127.0.0.1'"],
              ['useIpv6Loopback', "'::1'"],
              ['useLocalhost', "'localhost'"],
            ] as const
          ).map(([messageId, host]) => ({ messageId, output: SCOPE_HANDED_ON.replace("'0.0.0.0'", host) })),
        },
      ],
    },
    {
      name: "the typed app's `listen()`",
      code: TYPED_APP().replace("host: '127.0.0.1'", "host: '0.0.0.0'"),
      output: null,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`fastify.listen()`', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 41,
          suggestions: (
            [
              ['useIpv4Loopback', "'127.0.0.1'"],
              ['useHostFromEnvironment', "process.env.HOST ?? '127.0.0.1'"],
              ['useIpv6Loopback', "'::1'"],
              ['useLocalhost', "'localhost'"],
            ] as const
          ).map(([messageId, host]) => ({ messageId, output: TYPED_APP().replace("'127.0.0.1'", host) })),
        },
      ],
    },
  ],
});

ruleTester.run('no-reflected-origin: a Fastify app made with withTypeProvider()', reflectedRule, {
  valid: [
    { name: 'the CORS policy of a REST server that serves no MCP', code: REST_ONLY },
    { name: 'the same with its routes in a plugin scope the file registers', code: REST_IN_PLUGIN },
  ],
  invalid: [],
});

/** An MCP route on `@hono/zod-openapi`'s `OpenAPIHono`, a subclass of Hono; `fixed` guards it. */
const OPENAPI_HONO = (
  middleware = '',
  fixed?: { bearer: boolean },
): string => `import { OpenAPIHono } from '@hono/zod-openapi';
import { bearerAuth } from 'hono/bearer-auth';
import { McpServer } from '@modelcontextprotocol/server';

const app = new OpenAPIHono();
${fixed ? `\n${tokenHelpers({ bearer: fixed.bearer })}\n\n` : ''}${middleware}app.post('/mcp', ${fixed ? guard('hono', fixed.bearer) : ''}(c) => handle(c));
export default app;`;

/** An MCP route registered the OpenAPIHono way, its method and path in a route config. */
const OPENAPI_ROUTE = `import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { McpServer } from '@modelcontextprotocol/server';

const app = new OpenAPIHono();
const mcpRoute = createRoute({ method: 'post', path: '/mcp', responses: { 200: { description: 'MCP' } } });
app.openapi(mcpRoute, (c) => handle(c));
export default app;`;

ruleTester.run('require-csrf-token: OpenAPIHono of hono zod-openapi is a Hono app', csrfRule, {
  valid: [
    {
      name: "Hono's `app.on(methods, path, bearerAuth())` before the MCP route of the same methods and path",
      code: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { McpServer } from '@modelcontextprotocol/server';

const app = new Hono();
app.on(['GET', 'POST', 'DELETE'], '/mcp', bearerAuth({ token: process.env.MCP_TOKEN ?? '' }));
app.on(['GET', 'POST', 'DELETE'], '/mcp', (c) => handle(c));
export default app;`,
    },
    {
      name: "the route config's `middleware`, which runs before the handler",
      code: OPENAPI_ROUTE.replace(
        "path: '/mcp',",
        "path: '/mcp', middleware: [bearerAuth({ token: process.env.MCP_TOKEN ?? '' })] as const,",
      ).replace('import { McpServer }', "import { bearerAuth } from 'hono/bearer-auth';\nimport { McpServer }"),
    },
    {
      name: "Hono's bearerAuth in front of the route",
      code: OPENAPI_HONO("app.use('/mcp', bearerAuth({ token: process.env.MCP_TOKEN ?? '' }));\n"),
    },
  ],
  invalid: [
    {
      name: '`app.openapi(createRoute({ method, path }), handler)`: no fix, the check belongs in the config',
      code: OPENAPI_ROUTE,
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 12,
          suggestions: [],
        },
      ],
    },
    {
      name: 'its MCP route with no check',
      code: OPENAPI_HONO(),
      output: null,
      errors: [missingCheck('`POST /mcp`', [6, 1, 6, 9], (bearer) => OPENAPI_HONO('', { bearer }))],
    },
  ],
});

/** An MCP route on the Fastify app of the SDK v2's `createMcpFastifyApp(${options})`. */
const MCP_FASTIFY_APP = (
  options: string,
): string => `import { createMcpFastifyApp } from '@modelcontextprotocol/fastify';
import { NodeStreamableHTTPServerTransport } from '@modelcontextprotocol/node';

const app = createMcpFastifyApp(${options});
app.post('/mcp', async (request, reply) => {
  const transport = new NodeStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(request.raw, reply.raw, request.body);
});`;

ruleTester.run('require-dns-rebinding-protection: createMcpFastifyApp of the SDK v2', dnsRule, {
  valid: [
    {
      name: 'a plugin registered twice on the app (under two prefixes) is a scope of that app',
      code: `import { createMcpFastifyApp } from '@modelcontextprotocol/fastify';
import { NodeStreamableHTTPServerTransport } from '@modelcontextprotocol/node';
import type { FastifyInstance } from 'fastify';

async function mcpRoutes(instance: FastifyInstance): Promise<void> {
  instance.post('/mcp', async (request, reply) => {
    const transport = new NodeStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(request.raw, reply.raw, request.body);
  });
}

const app = createMcpFastifyApp();
app.register(mcpRoutes);
app.register(mcpRoutes, { prefix: '/v1' });`,
    },
    { name: "its default `host` ('127.0.0.1') arms its Host and Origin hooks", code: MCP_FASTIFY_APP('') },
    {
      name: 'a host of the network with the names it answers to',
      code: MCP_FASTIFY_APP("{ host: '0.0.0.0', allowedHosts: ['mcp.example.com'] }"),
    },
  ],
  invalid: [
    {
      name: "`host: '0.0.0.0'` with no list arms neither hook",
      code: MCP_FASTIFY_APP("{ host: '0.0.0.0' }"),
      output: null,
      errors: [
        {
          messageId: 'validationTurnedOff',
          data: { factory: 'createMcpFastifyApp', host: "'0.0.0.0'", place: '' },
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 50,
          suggestions: [
            { messageId: 'useLoopbackHost', output: MCP_FASTIFY_APP("{ host: '127.0.0.1' }") },
            {
              messageId: 'addAllowedHosts',
              output: MCP_FASTIFY_APP("{ host: '0.0.0.0', allowedHosts: ['localhost', '127.0.0.1', '[::1]'] }"),
            },
          ],
        },
      ],
    },
  ],
});
