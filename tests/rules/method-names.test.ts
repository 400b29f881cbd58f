import csrfRule from '../../src/rules/require-csrf-token';
import { createRuleTester } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';

// A plain handler often reads the request's method into a name first (`const { method, url } =
// req`, `const method = req.method || 'GET'`): a branch on that name is a branch on the method,
// and `POST /mcp` is its route, as `req.method === 'POST'` would make it.

const ruleTester = createRuleTester();

/** A `node:http` server whose handler reads the method as `reads`, then branches on `method`. */
const SERVER = (reads: string, guarded = ''): string => `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });

http
  .createServer((req, res) => {
    ${guarded}${reads}
    if (url === '/mcp' && method === 'POST') {
      void transport.handleRequest(req, res);
      return;
    }
    res.writeHead(404).end();
  })
  .listen(3000, '127.0.0.1');
`;

/** The server with the token fix: helpers before the statement that serves, the check first in the handler. */
const FIXED = (reads: string) => (bearer: boolean) =>
  SERVER(reads, guard('node:http', bearer, { indent: '    ' })).replace(
    '\nhttp\n',
    `\n${tokenHelpers({ bearer })}\n\nhttp\n`,
  );

const DESTRUCTURED = 'const { method, url } = req;';
const FALLBACK = "const method = req.method || 'GET';\n    const url = req.url ?? '/';";
const CASED = "const method = (req.method ?? '').toUpperCase();\n    const url = req.url;";

ruleTester.run('require-csrf-token: a method read into a name', csrfRule, {
  valid: [
    {
      name: 'the headers destructured beside the method, and their bearer token checked',
      code: SERVER(
        'const { method, url, headers } = req;\n    if (headers.authorization !== `Bearer ${process.env.MCP_TOKEN}`) {\n      res.writeHead(401).end();\n      return;\n    }',
      ),
    },
    {
      name: 'the header destructured out of the headers',
      code: SERVER(
        'const { method, url, headers: { authorization } } = req;\n    if (authorization !== `Bearer ${process.env.MCP_TOKEN}`) {\n      res.writeHead(401).end();\n      return;\n    }',
      ),
    },
    {
      name: 'the branch is for GET',
      code: SERVER(DESTRUCTURED).replace("method === 'POST'", "method === 'GET'"),
    },
  ],
  invalid: [
    {
      name: '`const { method, url } = req`',
      code: SERVER(DESTRUCTURED),
      errors: [missingCheck('`POST /mcp` in this handler', [9, 27, 9, 44], FIXED(DESTRUCTURED))],
    },
    {
      name: "`const method = req.method || 'GET'`",
      code: SERVER(FALLBACK),
      errors: [missingCheck('`POST /mcp` in this handler', [10, 27, 10, 44], FIXED(FALLBACK))],
    },
    {
      name: "`const method = (req.method ?? '').toUpperCase()`",
      code: SERVER(CASED),
      errors: [missingCheck('`POST /mcp` in this handler', [10, 27, 10, 44], FIXED(CASED))],
    },
  ],
});
