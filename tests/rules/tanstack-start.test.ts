import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';

// TanStack Start's server routes: a file route's handlers, by method, at the path its maker is
// given. `createFileRoute(path)({ server: { handlers } })` since Start 1.121,
// `createServerFileRoute(path).methods(handlers)` before it, `createAPIFileRoute(path)(handlers)`
// earlier; each handler is given `{ request }`, a web-standard Request. They are web handlers for
// the route rules, and a route file that serves no MCP (a site's public widget) is left alone by
// the origin rules, as a Next.js route file is.

const ruleTester = createRuleTester();

const TRANSPORT = `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';`;

/** An MCP route made with `maker`, whose POST handler runs `check` first. */
const MCP_ROUTE = (maker: 'createFileRoute' | 'createServerFileRoute' | 'createAPIFileRoute', check = ''): string => {
  const handler = `async ({ request }: { request: Request }) => {${check}
      const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      await new McpServer({ name: 'notes', version: '1.0.0' }).connect(transport);
      return transport.handleRequest(request);
    }`;
  switch (maker) {
    case 'createFileRoute':
      return `import { createFileRoute } from '@tanstack/react-router';
${TRANSPORT}

export const Route = createFileRoute('/api/mcp')({
  server: {
    handlers: {
      POST: ${handler},
    },
  },
});`;
    case 'createServerFileRoute':
      return `import { createServerFileRoute } from '@tanstack/react-start/server';
${TRANSPORT}

export const ServerRoute = createServerFileRoute('/api/mcp').methods({
      POST: ${handler},
});`;
    case 'createAPIFileRoute':
      return `import { createAPIFileRoute } from '@tanstack/start/api';
${TRANSPORT}

export const APIRoute = createAPIFileRoute('/api/mcp')({
      POST: ${handler},
});`;
  }
};

const BEARER_CHECK = `
      if (request.headers.get('authorization') !== \`Bearer \${process.env.MCP_TOKEN}\`) {
        return new Response('Unauthorized', { status: 401 });
      }`;

/** Where each maker's POST handler starts and ends; the transport is on the line after its start. */
const HANDLER_AT: Record<string, readonly [number, number, number, number]> = {
  createFileRoute: [8, 13, 12, 6],
  createServerFileRoute: [6, 13, 10, 6],
  createAPIFileRoute: [6, 13, 10, 6],
};

const MAKERS = ['createFileRoute', 'createServerFileRoute', 'createAPIFileRoute'] as const;

ruleTester.run('require-csrf-token: TanStack Start server routes', csrfRule, {
  valid: MAKERS.map((maker) => ({ name: `${maker}: a bearer check first`, code: MCP_ROUTE(maker, BEARER_CHECK) })),
  invalid: MAKERS.map((maker) => {
    const [line, column, endLine, endColumn] = HANDLER_AT[maker]!;
    return {
      name: `${maker}: POST /api/mcp with no check`,
      code: MCP_ROUTE(maker),
      errors: [
        {
          messageId: 'missingCsrfCheck' as const,
          data: { route: '`POST /api/mcp`' },
          line,
          column,
          endLine,
          endColumn,
        },
      ],
    };
  }),
});

ruleTester.run('require-dns-rebinding-protection: TanStack Start server routes', dnsRule, {
  valid: [{ name: 'a bearer check before the transport', code: MCP_ROUTE('createFileRoute', BEARER_CHECK) }],
  invalid: MAKERS.map((maker) => ({
    name: `${maker}: a transport with no Host or Origin check`,
    code: MCP_ROUTE(maker),
    errors: [
      {
        messageId: 'unprotectedTransport' as const,
        data: { transport: '`WebStandardStreamableHTTPServerTransport`' },
        line: HANDLER_AT[maker]![0] + 1,
      },
    ],
  })),
});

/** A site's public widget bootstrap: a GET answered with `*`, in a file that serves no MCP. */
const WIDGET = `import { createFileRoute } from '@tanstack/react-router';

export const Route = createFileRoute('/api/widget/config')({
  server: {
    handlers: {
      GET: async () =>
        new Response(JSON.stringify({ theme: 'light' }), {
          headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' },
        }),
    },
  },
});`;

/** The MCP route, answering with `*` (`value`, and `constant` declared above the route). */
const MCP_ROUTE_WITH = (value: string, constant = ''): string =>
  MCP_ROUTE('createFileRoute')
    .replace(
      'return transport.handleRequest(request);',
      `const response = await transport.handleRequest(request);\n      response.headers.set('Access-Control-Allow-Origin', ${value});\n      return response;`,
    )
    .replace('export const Route', `${constant}export const Route`);

ruleTester.run('no-wildcard-origin: TanStack Start server routes', wildcardRule, {
  valid: [{ name: "a route file of the site's that serves no MCP", code: WIDGET }],
  invalid: [
    {
      name: 'the same header on the MCP route',
      code: MCP_ROUTE_WITH("'*'"),
      errors: [
        {
          messageId: 'wildcardOrigin' as const,
          line: 12,
          suggestions: [
            {
              messageId: 'denyOrigins' as const,
              output: MCP_ROUTE_WITH("'*'").replace(
                "\n      response.headers.set('Access-Control-Allow-Origin', '*');",
                '',
              ),
            },
            {
              messageId: 'useAllowedOrigin' as const,
              output: MCP_ROUTE_WITH('ALLOWED_ORIGIN', "const ALLOWED_ORIGIN = 'https://app.example.com';\n\n"),
            },
          ],
        },
      ],
    },
  ],
});
