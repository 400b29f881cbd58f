import rule from '../../src/rules/require-loopback-host';
import { createRuleTester } from '../rule-tester';
import { LOOPBACK_HOSTS } from '../support/fix-text';

// h3 2 serves an app with `serve(app, options)`, which hands srvx `{ fetch: app.fetch, ...options }`:
// srvx listens on `hostname ?? process.env.HOST`, every interface when neither is set.

const ruleTester = createRuleTester();

/** An MCP server on an h3 2 app, served with `serve(app${start})`. */
const H3_SERVER = (start: string): string => `import { H3, serve } from 'h3';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const mcp = new McpServer({ name: 'notes', version: '1.0.0' });
const app = new H3();
app.get('/health', () => ({ ok: true, server: mcp.server.constructor.name }));
serve(app${start});
`;

/** The report on `serve` of H3_SERVER, with the suggestions that write each loopback host as `hosted(host)` does. */
const defaultHost = (hosted: (host: string) => string) => ({
  messageId: 'defaultHost' as const,
  data: { api: '`serve()` from `h3`', hostLabel: '`hostname`', binding: "srvx's default, unless `HOST` is set" },
  line: 7,
  column: 1,
  endLine: 7,
  endColumn: 6,
  suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({ messageId, output: H3_SERVER(hosted(host)) })),
});

ruleTester.run("require-loopback-host: h3 2's serve(app, options)", rule, {
  valid: [
    { name: 'a loopback `hostname`', code: H3_SERVER(", { port: 3000, hostname: '127.0.0.1' }") },
    { name: "`'localhost'`", code: H3_SERVER(", { hostname: 'localhost' }") },
  ],
  invalid: [
    {
      name: 'no options: srvx binds every interface',
      code: H3_SERVER(''),
      errors: [defaultHost((host) => `, { hostname: ${host} }`)],
    },
    {
      name: 'a port and no `hostname`',
      code: H3_SERVER(', { port: 3000 }'),
      errors: [defaultHost((host) => `, { port: 3000, hostname: ${host} }`)],
    },
  ],
});
