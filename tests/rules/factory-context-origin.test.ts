import reflectedRule from '../../src/rules/no-reflected-origin';
import { createRuleTester } from '../rule-tester';

// A function that answers a request and installs a policy only after its own credential check
// makes the policy moot. A function that makes the app and installs the policy on it is no such
// handler, whatever its first parameter is named (`ctx`, the application's context here, not
// Koa's), and a check inside one of the routes it adds guards only that route.

const ruleTester = createRuleTester();

const FACTORY = `import Fastify from 'fastify';
import cors from '@fastify/cors';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

interface AppContext {
  readonly adminToken: string;
}

export async function createServer(ctx: AppContext) {
  const app = Fastify();
  await app.register(cors, { origin: true });
  app.post('/admin/reload', async (request, reply) => {
    if (request.headers.authorization !== \`Bearer \${ctx.adminToken}\`) return reply.code(401).send();
    return { reloaded: true };
  });
  app.post('/mcp', async (request, reply) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(request.raw, reply.raw, request.body);
  });
  return app;
}
`;

ruleTester.run('no-reflected-origin: an app factory whose first parameter is named like a request', reflectedRule, {
  valid: [],
  invalid: [
    {
      name: 'the check of one route the factory adds is no check of the MCP route',
      code: FACTORY,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`@fastify/cors` with `origin: true`', credentials: '' },
          line: 11,
          column: 30,
          endLine: 11,
          endColumn: 42,
          suggestions: [
            { messageId: 'denyOrigins', output: FACTORY.replace('{ origin: true }', '{ origin: false }') },
            {
              messageId: 'useAllowlist',
              output: FACTORY.replace('{ origin: true }', '{ origin: ALLOWED_ORIGINS }').replace(
                "streamableHttp.js';\n",
                "streamableHttp.js';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
              ),
            },
          ],
        },
      ],
    },
  ],
});
