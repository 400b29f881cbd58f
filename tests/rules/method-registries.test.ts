import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { guard, tokenHelpers } from '../support/fix-text';

// A JSON-RPC library's method registry (`rpc.addMethod('tools/call', …)`) that a route feeds the
// request's body (`await rpc.receive(req.body)`) answers MCP's methods: the route serves MCP. A
// registry of other methods does not.

const ruleTester = createRuleTester();

const SERVER = (method: string) => `import express from 'express';
import { JSONRPCServer } from 'json-rpc-2.0';
import { tools } from './tools.js';

const rpc = new JSONRPCServer();
rpc.addMethod('${method}', ({ name, arguments: args }: { name: string; arguments: unknown }) => tools.call(name, args));

const app = express();
app.use(express.json());
app.post('/rpc', async (req, res) => {
  const answer = await rpc.receive(req.body);
  if (answer) res.json(answer);
  else res.sendStatus(204);
});
app.listen(3000, '127.0.0.1');
`;

const MCP = SERVER('tools/call');

/** MCP with the token check of a suggestion: the helpers above the route, the guard first on it. */
const tokenFixed = (bearer: boolean): string =>
  MCP.replace("\napp.post('/rpc', ", `\n\n${tokenHelpers({ bearer })}\n\napp.post('/rpc', ${guard('express', bearer)}`);

/** A client that calls an upstream server's fixed tool with what the request says: no registry. */
const CLIENT = `import express from 'express';
import { JSONRPCClient } from 'json-rpc-2.0';

const upstream = new JSONRPCClient(async (request) => {
  const response = await fetch('https://search.example/mcp', { method: 'POST', body: JSON.stringify(request) });
  upstream.receive(await response.json());
});

const app = express();
app.use(express.json());
app.post('/api/search', async (req, res) => {
  res.json(await upstream.request('tools/call', { name: 'search', arguments: { query: String(req.body.query) } }));
});
app.listen(3000, '127.0.0.1');
`;

ruleTester.run('require-csrf-token: a JSON-RPC method registry', csrfRule, {
  valid: [
    { name: 'a registry of other methods', code: SERVER('notes.add') },
    { name: "a client's request of a fixed tool", code: CLIENT },
  ],
  invalid: [
    {
      name: "MCP's tools/call registered",
      code: MCP,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /rpc`' },
          line: 10,
          column: 1,
          endLine: 10,
          endColumn: 9,
          suggestions: [
            { messageId: 'requireTokenHeader', data: { header: '`x-mcp-csrf-token`' }, output: tokenFixed(false) },
            { messageId: 'useBearerToken', output: tokenFixed(true) },
          ],
        },
      ],
    },
  ],
});

/** A `Map` of handlers by MCP's method names, looked up by the body's method. */
const MAP_REGISTRY = `import express from 'express';
import { tools } from './tools.js';

const methods = new Map<string, (params: { name: string; arguments: unknown }) => unknown>();
methods.set('tools/call', ({ name, arguments: args }) => tools.call(name, args));

const app = express();
app.use(express.json());
app.post('/rpc', async (req, res) => {
  const handler = methods.get(req.body.method);
  res.json({ jsonrpc: '2.0', id: req.body.id, result: handler ? await handler(req.body.params) : null });
});
app.listen(3000, '127.0.0.1');
`;

ruleTester.run('require-dns-rebinding-protection: a JSON-RPC method registry', dnsRule, {
  valid: [{ name: 'a registry of other methods', code: SERVER('notes.add') }],
  invalid: [
    {
      name: "a Map of handlers holding MCP's tools/call",
      code: MAP_REGISTRY,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`express()` app' },
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'validateHost',
              output: MAP_REGISTRY.replace(
                "import { tools } from './tools.js';\n",
                "import { tools } from './tools.js';\nimport { createMcpExpressApp } from '@modelcontextprotocol/express';\n",
              ).replace('const app = express();', 'const app = createMcpExpressApp();'),
            },
          ],
        },
      ],
    },
    {
      name: "MCP's tools/call registered",
      code: MCP,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`express()` app' },
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'validateHost',
              output: MCP.replace(
                "import { tools } from './tools.js';\n",
                "import { tools } from './tools.js';\nimport { createMcpExpressApp } from '@modelcontextprotocol/express';\n",
              ).replace('const app = express();', 'const app = createMcpExpressApp();'),
            },
          ],
        },
      ],
    },
  ],
});
