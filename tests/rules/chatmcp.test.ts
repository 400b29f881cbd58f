import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import loopbackRule from '../../src/rules/require-loopback-host';
import { createRuleTester } from '../rule-tester';

// `@chatmcp/sdk` 1.0.6 (dist/server/rest.js): `new RestServerTransport({ endpoint, port })`, then
// `transport.startServer()`, serves MCP from an express app of its own with `app.post(endpoint)`
// and `listen(port)`: no host option (every interface), no token, no Host or Origin check. None
// of it can be fixed in the options, so each report comes without a fix.

const ruleTester = createRuleTester();

const SERVER = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { RestServerTransport } from '@chatmcp/sdk/server/rest.js';

const server = new McpServer({ name: 'weather', version: '1.0.0' });
const transport = new RestServerTransport({ port: 9593, endpoint: '/rest' });
await server.connect(transport);
await transport.startServer();
`;

/** Made, never started: the MCP server talks over stdio. */
const NOT_STARTED = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { RestServerTransport } from '@chatmcp/sdk/server/rest.js';

const server = new McpServer({ name: 'weather', version: '1.0.0' });
export const rest = new RestServerTransport({ port: 9593, endpoint: '/rest' });
await server.connect(new StdioServerTransport());
`;

/** A class of the project with a method of the same name. */
const OTHER_START = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

class Metrics {
  async startServer(): Promise<void> {}
}
const server = new McpServer({ name: 'weather', version: '1.0.0' });
await server.connect(new StdioServerTransport());
await new Metrics().startServer();
`;

const AT = { line: 7, column: 17, endLine: 7, endColumn: 28 } as const;
const DISPLAY = '`@chatmcp/sdk` `RestServerTransport`';

ruleTester.run('require-loopback-host: the RestServerTransport of the chatmcp SDK', loopbackRule, {
  valid: [
    { name: 'made, never started', code: NOT_STARTED },
    { name: 'a `startServer()` of something else', code: OTHER_START },
  ],
  invalid: [
    {
      name: '`startServer()` binds every interface, and has no host option',
      code: SERVER,
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: "`@chatmcp/sdk`'s `startServer()`",
            hostLabel: '`host` option',
            binding: "it has none, and Node's default is `::`",
          },
          ...AT,
        },
      ],
    },
  ],
});

ruleTester.run('require-csrf-token: the RestServerTransport of the chatmcp SDK', csrfRule, {
  valid: [{ name: 'made, never started', code: NOT_STARTED }],
  invalid: [
    {
      name: 'its endpoint checks no token',
      code: SERVER,
      errors: [{ messageId: 'missingCsrfCheck', data: { route: `${DISPLAY} endpoint` }, ...AT }],
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: the RestServerTransport of the chatmcp SDK', dnsRule, {
  valid: [{ name: 'made, never started', code: NOT_STARTED }],
  invalid: [
    {
      name: 'it checks neither Host nor Origin',
      code: SERVER,
      errors: [{ messageId: 'unprotectedApp', data: { app: DISPLAY }, ...AT }],
    },
  ],
});
