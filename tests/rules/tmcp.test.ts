import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import loopbackRule from '../../src/rules/require-loopback-host';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import type { MessageIds as CsrfMessageIds, Options as CsrfOptions } from '../../src/rules/require-csrf-token';
import { createRuleTester, failClosedFix } from '../rule-tester';
import { tokenHelpers } from '../support/fix-text';

// tmcp (src/frameworks/tmcp.ts): `new HttpTransport(server, options)` of `@tmcp/transport-http`
// (and `SseTransport` of `@tmcp/transport-sse`) answers web requests with `transport.respond(request)`,
// checks no `Host`, and sends CORS headers only when given `cors`. srvx's `serve({ fetch })` runs the
// handler and binds `hostname`, or every interface.

const ruleTester = createRuleTester();

const server = (
  transportOptions: string,
  fetchBody = 'return (await transport.respond(request)) ?? new Response(null, { status: 404 });',
  serveOptions = "hostname: '127.0.0.1',\n  port: 3000,",
): string => `import { McpServer } from 'tmcp';
import { HttpTransport } from '@tmcp/transport-http';
import { serve } from 'srvx';

const mcp = new McpServer({ name: 'notes', version: '1.0.0' }, { capabilities: { tools: {} } });
const transport = new HttpTransport(mcp, ${transportOptions});

serve({
  ${serveOptions}
  async fetch(request) {
    ${fetchBody}
  },
});`;

const HOST_CHECK = `if (!['localhost', '127.0.0.1'].includes(new URL(request.url).hostname)) {
      return new Response('Forbidden', { status: 403 });
    }
    return (await transport.respond(request)) ?? new Response(null, { status: 404 });`;

const BEARER_CHECK = `if (request.headers.get('authorization') !== \`Bearer \${process.env.MCP_TOKEN}\`) {
      return new Response('Unauthorized', { status: 401 });
    }
    return (await transport.respond(request)) ?? new Response(null, { status: 404 });`;

ruleTester.run('require-dns-rebinding-protection: tmcp', dnsRule, {
  valid: [
    {
      name: 'a Host check in the fetch handler in front of the transport',
      code: server("{ path: '/mcp' }", HOST_CHECK),
    },
    {
      name: "a class of the same name that is not tmcp's",
      code: `class HttpTransport { constructor(readonly server: unknown) {} }
export const transport = new HttpTransport({});`,
    },
  ],
  invalid: [
    {
      name: 'nothing in front: `allowedOrigins` passes a rebinding page, whose Origin matches the Host',
      code: server("{ path: '/mcp', allowedOrigins: ['http://localhost:6274'] }"),
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`HttpTransport`' },
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 36,
          suggestions: [],
        },
      ],
    },
    {
      name: 'the SSE transport',
      code: `import { SseTransport } from '@tmcp/transport-sse';
import { server } from './server';
export const transport = new SseTransport(server, { path: '/sse' });`,
      errors: [{ messageId: 'unprotectedTransport', data: { transport: '`SseTransport`' }, line: 3, column: 30 }],
    },
  ],
});

const aliased = (code: string): string =>
  code
    .replace("import { serve } from 'srvx';", "import { serve as listen } from 'srvx';")
    .replace('\nserve({', '\nlisten({');

/** `transport.respond(request)` in srvx's fetch handler: every method of it serves MCP, with no check. */
const respondCase = (
  name: string,
  wrap: (code: string) => string = (code) => code,
): InvalidTestCase<CsrfMessageIds, CsrfOptions> => ({
  name,
  code: wrap(server("{ path: '/mcp' }")),
  errors: [
    {
      messageId: 'missingCsrfCheck',
      data: { route: 'Every method of this handler' },
      line: 11,
      column: 14,
      endLine: 13,
      endColumn: 4,
      suggestions: [
        {
          messageId: 'requireTokenHeader',
          data: { header: '`x-mcp-csrf-token`' },
          output: `${wrap(
            server(
              "{ path: '/mcp' }",
              `if (request.method === 'POST' && !hasValidCsrfToken(request.headers.get('x-mcp-csrf-token'))) {
      return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 403 });
    }
    return (await transport.respond(request)) ?? new Response(null, { status: 404 });`,
            ),
          )}

${tokenHelpers()}`,
        },
        {
          messageId: 'useBearerToken',
          output: `${wrap(
            server(
              "{ path: '/mcp' }",
              `if (request.method === 'POST' && !hasValidBearerToken(request.headers.get('authorization'))) {
      return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    return (await transport.respond(request)) ?? new Response(null, { status: 404 });`,
            ),
          )}

${tokenHelpers({ bearer: true })}`,
        },
      ],
    },
  ],
});

ruleTester.run('require-csrf-token: tmcp behind srvx', csrfRule, {
  valid: [{ name: 'a bearer check before `respond()`', code: server("{ path: '/mcp' }", BEARER_CHECK) }],
  invalid: [
    respondCase('`transport.respond(request)` in the fetch handler serves MCP'),
    respondCase('srvx `serve` imported under another name', aliased),
  ],
});

ruleTester.run('no-wildcard-origin: tmcp `cors`', wildcardRule, {
  valid: [
    { name: 'no `cors`: no CORS headers', code: server("{ path: '/mcp' }") },
    { name: 'an object without `origin` sends no Access-Control-Allow-Origin', code: server('{ cors: {} }') },
    { name: 'one origin', code: server("{ cors: { origin: 'https://app.example.com' } }") },
    { name: 'a list it answers exactly', code: server("{ cors: { origin: ['https://app.example.com'] } }") },
    { name: '`cors: false`', code: server('{ cors: false }') },
  ],
  invalid: failClosedFix([
    {
      name: '`cors: true` answers `*`: the fix lists no origin',
      code: server("{ path: '/mcp', cors: true }"),
      output: server("{ path: '/mcp', cors: { origin: [] } }"),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "tmcp's `cors` without `origin` (default `*`)", credentials: '' },
          line: 6,
          column: 58,
          endLine: 6,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: server("{ path: '/mcp', cors: { origin: ALLOWED_ORIGINS } }").replace(
                "from 'srvx';\n",
                "from 'srvx';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "`origin: true` and `origin: '*'` are `*`",
      code: server('{ cors: { origin: true } }'),
      output: server('{ cors: { origin: [] } }'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 6,
          column: 52,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: server('{ cors: { origin: ALLOWED_ORIGINS } }').replace(
                "from 'srvx';\n",
                "from 'srvx';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
              ),
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('require-loopback-host: srvx', loopbackRule, {
  valid: [
    { name: 'a loopback hostname', code: server("{ path: '/mcp' }") },
    {
      name: 'a loopback default for HOST, which srvx reads too',
      code: server("{ path: '/mcp' }", undefined, "hostname: process.env.HOST ?? '127.0.0.1',\n  port: 3000,"),
    },
  ],
  invalid: [
    {
      name: 'no hostname: srvx reads HOST, else Node binds every interface',
      code: server("{ path: '/mcp' }", undefined, 'port: 3000,'),
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`serve()` from `srvx`',
            hostLabel: '`hostname`',
            binding: "srvx's default, unless `HOST` is set",
          },
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useIpv4Loopback',
              output: server("{ path: '/mcp' }", undefined, "port: 3000,\n  hostname: '127.0.0.1',"),
            },
            {
              messageId: 'useHostFromEnvironment',
              output: server(
                "{ path: '/mcp' }",
                undefined,
                "port: 3000,\n  hostname: process.env.HOST ?? '127.0.0.1',",
              ),
            },
            {
              messageId: 'useIpv6Loopback',
              output: server("{ path: '/mcp' }", undefined, "port: 3000,\n  hostname: '::1',"),
            },
            {
              messageId: 'useLocalhost',
              output: server("{ path: '/mcp' }", undefined, "port: 3000,\n  hostname: 'localhost',"),
            },
          ],
        },
      ],
    },
  ],
});
