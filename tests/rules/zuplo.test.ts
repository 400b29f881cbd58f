import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';

// @zuplo/mcp (src/frameworks/zuplo.ts): `new HTTPStreamableTransport()` answers web requests in
// `transport.handleRequest(request)`, checks no `Host`, and lets every `Origin` through, with no
// option to change either: only a check in front of `handleRequest()` protects it.

const ruleTester = createRuleTester();

/** A Hono app on @hono/node-server that routes `/mcp` to the transport; `middleware` runs first. */
const server = (middleware = ''): string => `import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { MCPServer } from '@zuplo/mcp/server';
import { HTTPStreamableTransport } from '@zuplo/mcp/transport/httpstreamable';

const app = new Hono();
const mcp = new MCPServer({ name: 'notes', version: '1.0.0' });
const transport = new HTTPStreamableTransport();
await transport.connect();
mcp.withTransport(transport);
${middleware}
app.post('/mcp', (c) => transport.handleRequest(c.req.raw));
serve({ fetch: app.fetch, port: 3000, hostname: '127.0.0.1' });`;

const HOST_CHECK = `app.use('*', async (c, next) => {
  const host = c.req.header('host');
  if (host !== 'localhost:3000' && host !== '127.0.0.1:3000') return c.text('Forbidden', 403);
  await next();
});`;

const LOGGED_HOST = `app.use('*', async (c, next) => {
  console.log('request for', c.req.header('host'));
  await next();
});`;

ruleTester.run('require-dns-rebinding-protection: zuplo', dnsRule, {
  valid: [
    { name: 'a Host check in a middleware in front of the route', code: server(HOST_CHECK) },
    {
      name: 'a Host check in a web fetch handler that hands the request on',
      code: `import { HTTPStreamableTransport } from '@zuplo/mcp/transport/httpstreamable';

const transport = new HTTPStreamableTransport();
export default {
  fetch(request: Request): Promise<Response> | Response {
    if (new URL(request.url).hostname !== 'localhost') return new Response('Forbidden', { status: 403 });
    return transport.handleRequest(request);
  },
};`,
    },
    {
      name: 'a transport a unit test hands to its MCP server and drives with the requests it builds',
      code: `import { MCPServer } from '@zuplo/mcp/server';
import { HTTPStreamableTransport } from '@zuplo/mcp/transport/httpstreamable';

describe('the transport', () => {
  let transport: HTTPStreamableTransport;

  beforeEach(async () => {
    const server = new MCPServer({ name: 'notes', version: '1.0.0' });
    transport = new HTTPStreamableTransport();
    await transport.connect();
    server.withTransport(transport);
  });

  const ping = (accept: string): Request =>
    new Request('http://localhost/mcp', {
      method: 'POST',
      headers: { Accept: accept, 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
    });

  it('refuses a client that takes no JSON', async () => {
    expect((await transport.handleRequest(ping('text/html'))).status).toBe(406);
  });
});`,
    },
    {
      name: 'a class of the same name from another package',
      code: `import { HTTPStreamableTransport } from './transport';
export const transport = new HTTPStreamableTransport();`,
    },
  ],
  invalid: [
    {
      name: 'nothing in front of the route: its own Origin check lets every origin through',
      code: server(),
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`HTTPStreamableTransport`' },
          line: 8,
          column: 23,
          endLine: 8,
          endColumn: 46,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a middleware that reads the Host header and refuses nothing',
      code: server(LOGGED_HOST),
      errors: [{ messageId: 'unprotectedTransport', line: 8, column: 23, suggestions: [] }],
    },
    {
      name: 'streaming on, in a web fetch handler',
      code: `import { HTTPStreamableTransport } from '@zuplo/mcp/transport/httpstreamable';

const transport = new HTTPStreamableTransport({ enableSessions: true }, true);
export default { fetch: (request: Request) => transport.handleRequest(request) };`,
      errors: [{ messageId: 'unprotectedTransport', line: 3, column: 23, endColumn: 46 }],
    },
  ],
});
