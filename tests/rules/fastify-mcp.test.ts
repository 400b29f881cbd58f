import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { commonjs, createRuleTester } from '../rule-tester';

// fastify-mcp (src/frameworks/fastify-mcp.ts): `app.register(streamableHttp, { mcpEndpoint })`
// registers `POST`, `GET` and `DELETE` routes at `mcpEndpoint` itself, and
// `app.register(fastifyMCPSSE, { sseEndpoint, messagesEndpoint })` a `GET /sse` stream and a
// `POST /messages` route for its sessions. Neither checks a token, `Host` or `Origin`; only the
// app's hooks run before them.

const ruleTester = createRuleTester();

/** A Fastify app that registers `plugin` with `options`; `register` is on line 6, `Fastify()` on line 5. */
const server = (
  options: string,
  {
    plugin = 'streamableHttp',
    imports = "import { streamableHttp } from 'fastify-mcp';",
    before = '',
    after = '',
  } = {},
): string => `import Fastify from 'fastify';
${imports}
import { buildNotesServer } from './notes';

const app = Fastify();
${before}await app.register(${plugin}, ${options});
${after}await app.listen({ port: 3000 });
`;

const STATELESS = "{ stateful: false, mcpEndpoint: '/mcp', createServer: buildNotesServer }";
const AT_REGISTER = { line: 6, column: 7, endLine: 6, endColumn: 19 };
const route = (text: string, plugin = "fastify-mcp's `streamableHttp`"): { route: string } => ({
  route: `${text} (${plugin})`,
});

/** A hook that refuses a request without the CSRF token the server holds. */
const TOKEN_HOOK = `app.addHook('onRequest', async (request, reply) => {
  if (request.headers['x-mcp-csrf-token'] !== process.env.MCP_CSRF_TOKEN) return reply.code(403).send();
});
`;
/** A hook that refuses other hosts than the loopback names. */
const HOST_HOOK = `app.addHook('onRequest', async (request, reply) => {
  const hostname = (request.headers.host ?? '').replace(/:\\d+$/, '');
  if (hostname !== 'localhost' && hostname !== '127.0.0.1') return reply.code(403).send();
});
`;

ruleTester.run('require-csrf-token: fastify-mcp', csrfRule, {
  valid: [
    { name: 'an `onRequest` hook checks a token before the plugin', code: server(STATELESS, { before: TOKEN_HOOK }) },
    {
      name: 'a `preHandler` hook added after it: Fastify runs the hooks of the scope, wherever they are added',
      code: server(STATELESS, { after: TOKEN_HOOK.replace("'onRequest'", "'preHandler'") }),
    },
    {
      name: '@fastify/bearer-auth registered on the app',
      code: server(STATELESS, {
        before: 'await app.register(bearerAuth, { keys: new Set([process.env.MCP_TOKEN!]) });\n',
        imports: "import { streamableHttp } from 'fastify-mcp';\nimport bearerAuth from '@fastify/bearer-auth';",
      }),
    },
    {
      name: 'a plugin of the project by the same name',
      code: server(STATELESS, { imports: "import { streamableHttp } from './plugins/streamable-http';" }),
    },
    {
      name: 'the SSE plugin on loopback with no CORS policy: no other page reads a session id',
      code: server('{ server: buildNotesServer() }', {
        plugin: 'fastifyMCPSSE',
        imports: "import { fastifyMCPSSE } from 'fastify-mcp';",
      }),
    },
    {
      name: 'only its session store',
      code: `import { Sessions } from 'fastify-mcp';

export const sessions = new Sessions();
`,
    },
  ],
  invalid: [
    {
      name: 'stateless, at the `register` call, with no fix (a hook would guard the whole app)',
      code: server(STATELESS),
      errors: [{ messageId: 'missingCsrfCheck', data: route('`POST /mcp`'), ...AT_REGISTER, suggestions: [] }],
      output: null,
    },
    {
      name: 'stateful, with the options and the path held by constants',
      code: server('mcpOptions', {
        before:
          "const MCP_PATH = '/api/mcp';\nconst mcpOptions = { stateful: true as const, mcpEndpoint: MCP_PATH, sessions: new Sessions(), createServer: buildNotesServer };\n",
        imports: "import { Sessions, streamableHttp } from 'fastify-mcp';",
      }),
      errors: [{ messageId: 'missingCsrfCheck', data: route('`POST /api/mcp`'), ...AT_REGISTER, line: 8, endLine: 8 }],
      output: null,
    },
    {
      name: 'under an alias, with a `prefix` that Fastify reads from the same options',
      code: server("{ prefix: '/v1', stateful: false, mcpEndpoint: '/mcp', createServer: buildNotesServer }", {
        plugin: 'mcpRoutes',
        imports: "import { streamableHttp as mcpRoutes } from 'fastify-mcp';",
      }),
      errors: [{ messageId: 'missingCsrfCheck', data: route('`POST /v1/mcp`'), ...AT_REGISTER }],
      output: null,
    },
    {
      name: 'through a namespace import',
      code: server(STATELESS, {
        plugin: 'fastifyMcp.streamableHttp',
        imports: "import * as fastifyMcp from 'fastify-mcp';",
      }),
      errors: [{ messageId: 'missingCsrfCheck', data: route('`POST /mcp`'), ...AT_REGISTER }],
      output: null,
    },
    {
      name: 'a token hook that only logs',
      code: server(STATELESS, {
        before:
          "app.addHook('onRequest', async (request) => {\n  request.log.info(request.headers['x-mcp-csrf-token']);\n});\n",
      }),
      errors: [{ messageId: 'missingCsrfCheck', data: route('`POST /mcp`'), ...AT_REGISTER, line: 9, endLine: 9 }],
      output: null,
    },
    {
      name: 'options the file does not show: the endpoint is named by the plugin',
      code: `import type { FastifyInstance } from 'fastify';
import { streamableHttp } from 'fastify-mcp';

export async function mountMcp(app: FastifyInstance, options: Parameters<typeof streamableHttp>[1]) {
  await app.register(streamableHttp, options);
}
`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: "The endpoint of fastify-mcp's `streamableHttp`" },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 21,
        },
      ],
      output: null,
    },
    {
      name: 'the SSE plugin behind `@fastify/cors`, which lets other pages read the session id from its stream',
      code: server("{ server: buildNotesServer(), messagesEndpoint: '/mcp/messages' }", {
        plugin: 'fastifyMCPSSE',
        imports: "import { fastifyMCPSSE } from 'fastify-mcp';\nimport cors from '@fastify/cors';",
        before: 'await app.register(cors);\n',
      }),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: route('`POST /mcp/messages`', "fastify-mcp's `fastifyMCPSSE`"),
          ...AT_REGISTER,
          line: 8,
          endLine: 8,
        },
      ],
      output: null,
    },
    {
      name: 'CommonJS',
      code: `const fastify = require('fastify')();
const { streamableHttp } = require('fastify-mcp');
const { buildNotesServer } = require('./notes');

fastify.register(streamableHttp, { stateful: false, mcpEndpoint: '/mcp', createServer: buildNotesServer });
fastify.listen({ port: 3000 });
`,
      ...commonjs,
      errors: [
        { messageId: 'missingCsrfCheck', data: route('`POST /mcp`'), line: 5, column: 1, endLine: 5, endColumn: 17 },
      ],
      output: null,
    },
  ],
});

const HOST_HOOK_FIX = `app.addHook('onRequest', async (request, reply) => {
  // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
  const hostname = (request.headers.host ?? '').replace(/:\\d+$/, '');
  if (!['localhost', '127.0.0.1', '[::1]'].includes(hostname)) return reply.code(403).send({ error: 'Host not allowed' });
});
`;
const AT_APP = { line: 5, column: 13, endLine: 5, endColumn: 22 };

ruleTester.run('require-dns-rebinding-protection: fastify-mcp', dnsRule, {
  valid: [
    { name: 'an `onRequest` hook refuses other hosts', code: server(STATELESS, { before: HOST_HOOK }) },
    { name: 'a token check: a rebinding page has no token', code: server(STATELESS, { before: TOKEN_HOOK }) },
    {
      name: 'a plugin of the project by the same name',
      code: server(STATELESS, { imports: "import { streamableHttp } from './plugins/streamable-http';" }),
    },
  ],
  invalid: [
    {
      name: 'a Host hook right after the app is made, as a suggestion by default',
      code: server(STATELESS),
      errors: [
        {
          messageId: 'unprotectedApp',
          ...AT_APP,
          suggestions: [
            {
              messageId: 'validateHost',
              output: server(STATELESS).replace('const app = Fastify();\n', `const app = Fastify();\n${HOST_HOOK_FIX}`),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'Streamable HTTP, with `failClosedFix`: the Host hook is the fix',
      code: server(STATELESS),
      options: [{ failClosedFix: true }],
      errors: [{ messageId: 'unprotectedApp', data: { app: '`Fastify()` app' }, ...AT_APP, suggestions: [] }],
      output: server(STATELESS).replace('const app = Fastify();\n', `const app = Fastify();\n${HOST_HOOK_FIX}`),
    },
    {
      name: 'the SSE plugin, whose stream a rebinding page reads',
      code: server('{ server: buildNotesServer() }', {
        plugin: 'fastifyMCPSSE',
        imports: "import { fastifyMCPSSE } from 'fastify-mcp';",
      }),
      options: [{ failClosedFix: true }],
      errors: [{ messageId: 'unprotectedApp', data: { app: '`Fastify()` app' }, ...AT_APP, suggestions: [] }],
      output: server('{ server: buildNotesServer() }', {
        plugin: 'fastifyMCPSSE',
        imports: "import { fastifyMCPSSE } from 'fastify-mcp';",
      }).replace('const app = Fastify();\n', `const app = Fastify();\n${HOST_HOOK_FIX}`),
    },
    {
      name: 'the token check is turned off by `trustCredentialChecks: false`',
      code: server(STATELESS, { before: TOKEN_HOOK }),
      options: [{ trustCredentialChecks: false, failClosedFix: true }],
      errors: [{ messageId: 'unprotectedApp', ...AT_APP, suggestions: [] }],
      output: server(STATELESS, { before: TOKEN_HOOK }).replace(
        'const app = Fastify();\n',
        `const app = Fastify();\n${HOST_HOOK_FIX}`,
      ),
    },
  ],
});
