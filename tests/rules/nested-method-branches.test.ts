import csrfRule from '../../src/rules/require-csrf-token';
import { createRuleTester } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';

// A plain handler's path branch may test the method twice: once to read the body, once to hand
// the request to the MCP transport. Both POST branches are the one endpoint of the path around
// them, named by it and reported once; a POST branch outside any path branch is still its own.

const ruleTester = createRuleTester();

const HANDLER = (after = '') => `import { createServer } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (url === '/mcp') {
    let body: unknown;
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk);
      body = JSON.parse(Buffer.concat(chunks).toString());
    }
    if (req.method === 'POST') {
      await transport.handleRequest(req, res, body);
      return;
    }
  }
${after}  res.writeHead(404).end();
}).listen(3000, '127.0.0.1');
`;

/** `code` with the token check of its suggestion: the helpers above the server, the guard first in the handler. */
const fixed = (code: string) => (bearer: boolean) =>
  code
    .replace('\ncreateServer(', `\n${tokenHelpers({ bearer })}\n\ncreateServer(`)
    .replace('  const url = ', `  ${guard('node:http', bearer, { indent: '  ' })}const url = `);

const ONE_PATH = HANDLER();
const AND_ANOTHER = HANDLER(`  if (req.method === 'POST') {
    await transport.handleRequest(req, res);
    return;
  }
`);

ruleTester.run('require-csrf-token: method branches within a path branch', csrfRule, {
  valid: [],
  invalid: [
    {
      name: 'two POST branches of /mcp: one report, named by the path',
      code: ONE_PATH,
      filename: 'server.ts',
      errors: [missingCheck('`POST /mcp` in this handler', [10, 9, 10, 30], fixed(ONE_PATH))],
    },
    {
      name: 'and a POST branch under no path: reported on its own',
      code: AND_ANOTHER,
      filename: 'server.ts',
      errors: [
        missingCheck('`POST /mcp` in this handler', [10, 9, 10, 30], fixed(AND_ANOTHER)),
        missingCheck('The POST branch of this handler', [20, 7, 20, 28], fixed(AND_ANOTHER)),
      ],
    },
  ],
});
