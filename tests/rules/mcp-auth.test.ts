import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { tokenSuggestions } from '../support/csrf-cases';
import { unprotectedTransport } from '../support/fix-text';

// mcp-auth's `new MCPAuth(config)` makes bearer middleware with its `bearerAuth(mode, config)`
// method (0.2.0, handlers/handle-bearer-auth.ts: 401 without a token, or with one the verifier
// refuses). Mounted before the MCP route, it is the route's credential check; its discovery router
// alone is none.

const ruleTester = createRuleTester();

const SERVER = (guard: string) => `import express from 'express';
import { MCPAuth, fetchServerConfig } from 'mcp-auth';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const mcpAuth = new MCPAuth({
  protectedResources: { metadata: { resource: 'http://localhost:3001', authorizationServers: [await fetchServerConfig('https://auth.example.com', { type: 'oidc' })] } },
});

const app = express();
app.use(express.json());
app.use(mcpAuth.protectedResourceMetadataRouter());
${guard}app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3001, '127.0.0.1');
`;

const GUARDED = SERVER(
  "app.use(mcpAuth.bearerAuth('jwt', { resource: 'http://localhost:3001', audience: 'http://localhost:3001' }));\n",
);
const OPEN = SERVER('');

ruleTester.run('require-csrf-token: mcp-auth', csrfRule, {
  valid: [{ name: 'bearerAuth before the route', code: GUARDED, filename: 'server.ts' }],
  invalid: [
    {
      name: 'only the discovery router',
      code: OPEN,
      filename: 'server.ts',
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 12,
          column: 1,
          endLine: 12,
          endColumn: 9,
          suggestions: tokenSuggestions(OPEN),
        },
      ],
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: mcp-auth', dnsRule, {
  valid: [{ name: 'bearerAuth before the route', code: GUARDED, filename: 'server.ts' }],
  invalid: [
    {
      name: 'only the discovery router',
      code: OPEN,
      filename: 'server.ts',
      errors: [unprotectedTransport(OPEN, 13, 25)],
    },
  ],
});
