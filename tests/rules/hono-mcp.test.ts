import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester, failClosedFix } from '../rule-tester';

// @hono/mcp's `StreamableHTTPTransport` takes the MCP SDK v1 transport options: no Host or Origin
// check unless `enableDnsRebindingProtection` and a list turn one on. Its `bearerAuth` middleware
// refuses requests without a valid bearer token.

const ruleTester = createRuleTester();

const SERVER = (
  options: string,
  guard = '',
): string => `import { StreamableHTTPTransport${guard ? ', bearerAuth' : ''} } from '@hono/mcp';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const transport = new StreamableHTTPTransport(${options});
const app = new Hono();
app.all('/mcp', ${guard}async (c) => {
  if (!mcp.isConnected()) await mcp.connect(transport);
  return transport.handleRequest(c);
});
serve({ fetch: app.fetch, port: 3000, hostname: '127.0.0.1' });`;

const PROTECTED = "{ enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] }";

ruleTester.run('require-dns-rebinding-protection: the Hono MCP transport', dnsRule, {
  valid: [{ name: 'protection on, with the hosts it answers to', code: SERVER(PROTECTED) }],
  invalid: failClosedFix([
    {
      name: 'a transport with no options: the fix turns protection on for the port the file serves on',
      code: SERVER(''),
      output: SERVER(PROTECTED),
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPTransport`' },
          line: 7,
          column: 23,
          endLine: 7,
          endColumn: 46,
        },
      ],
    },
  ]),
});

ruleTester.run('require-csrf-token: the Hono MCP bearerAuth', csrfRule, {
  valid: [
    {
      name: "@hono/mcp's bearerAuth in front of the route",
      code: SERVER(PROTECTED, 'bearerAuth({ verifier: { verifyAccessToken: verify } }), '),
    },
  ],
  invalid: [],
});
