import path from 'node:path';
import loopbackRule from '../../src/rules/require-loopback-host';
import { createRuleTester } from '../rule-tester';
import { packageMaker } from '../support/packages';

// A server whose file never says MCP may still serve it: its handler runs code of another module
// of the project that reaches an MCP package (a port-sharing hub that runs the tools of the MCP
// server for the processes that lost the port). Only a server whose handlers reach no MCP
// package, through the modules they call, is left alone as a server beside the MCP server.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

/** A hub that runs, for `POST /rpc`, `runTool` from `./tools.js`; line 16 holds `listen`. */
const HUB = `import http from 'node:http';
import { runTool } from './tools.js';

const server = http.createServer((req, res) => {
  if (req.url === '/rpc' && req.method === 'POST') {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const { tool, args } = JSON.parse(body);
      res.end(JSON.stringify(await runTool(tool, args)));
    });
    return;
  }
  res.writeHead(404).end();
});
server.listen(4310);`;

/** HUB listening on `host`. */
const hubListening = (host: string): string => HUB.replace('listen(4310)', `listen(4310, ${host})`);

/** A package whose `src/tools.ts` holds `tools`, beside the hub; the hub's path. */
function hubBeside(tools: string): string {
  const dir = makePackage({ 'src/hub.ts': HUB, 'src/tools.ts': tools });
  return path.join(dir, 'src', 'hub.ts');
}

const MCP_TOOLS = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export const server = new McpServer({ name: 'notes', version: '1.0.0' });

export async function runTool(name: string, args: unknown): Promise<unknown> {
  return server.server.request({ method: 'tools/call', params: { name, arguments: args } } as never, {} as never);
}`;

/** Tools that use MCP only as a client, of an upstream server. */
const CLIENT_TOOLS = `import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export async function runTool(name: string): Promise<unknown> {
  const client = new Client({ name: 'relay', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(process.env.UPSTREAM_URL ?? '')));
  return client.readResource({ uri: name });
}`;

const PLAIN_TOOLS = `import os from 'node:os';

export async function runTool(name: string): Promise<unknown> {
  return name === 'load' ? os.loadavg() : null;
}`;

ruleTester.run('require-loopback-host: a handler that runs code reaching MCP', loopbackRule, {
  valid: [
    { name: 'the module it calls reaches no MCP package', code: HUB, filename: hubBeside(PLAIN_TOOLS) },
    { name: 'the module it calls uses MCP only as a client', code: HUB, filename: hubBeside(CLIENT_TOOLS) },
  ],
  invalid: [
    {
      name: 'the module it calls imports the MCP SDK',
      code: HUB,
      filename: hubBeside(MCP_TOOLS),
      errors: [
        {
          messageId: 'defaultHost',
          data: {
            api: '`server.listen()` on a `node:http` server',
            hostLabel: 'host',
            binding: "Node's default is `::`",
          },
          line: 16,
          column: 8,
          endLine: 16,
          endColumn: 14,
          suggestions: [
            { messageId: 'useIpv4Loopback', output: hubListening("'127.0.0.1'") },
            { messageId: 'useHostFromEnvironment', output: hubListening("process.env.HOST ?? '127.0.0.1'") },
            { messageId: 'useIpv6Loopback', output: hubListening("'::1'") },
            { messageId: 'useLocalhost', output: hubListening("'localhost'") },
          ],
        },
      ],
    },
  ],
});
