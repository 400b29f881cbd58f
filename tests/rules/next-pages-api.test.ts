import csrfRule from '../../src/rules/require-csrf-token';
import { createRuleTester } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';

// Next.js Pages Router API routes: `pages/api/**/name.ts` exports a Node request handler
// (`export default function handler(req, res)`) that answers every method at the path of its file.
// Its branches are routes as a plain handler's are, at that path, and a handler with none is one
// route for every method.

const ruleTester = createRuleTester();

const HEAD = `import type { NextApiRequest, NextApiResponse } from 'next';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
`;
const SIGNATURE = 'export default async function handler(req: NextApiRequest, res: NextApiResponse) {';
const SERVE = `const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await new McpServer({ name: 'notes', version: '1.0.0' }).connect(transport);
  await transport.handleRequest(req, res, req.body);
}`;

/** The route, with `first` at the top of the handler's body. */
const PAGE = (first = ''): string => `${HEAD}\n${SIGNATURE}\n${first}  ${SERVE}`;
/** PAGE with the token fix's declarations and check, as the rule writes them. */
const pageFixed =
  (first = '') =>
  (bearer: boolean): string =>
    `${HEAD}\n${tokenHelpers({ bearer })}\n\n${SIGNATURE}\n  ${guard('node:http', bearer, { indent: '  ' })}${first.trimStart()}${first ? '  ' : ''}${SERVE}`;

const POST_ONLY = `  if (req.method !== 'POST') {
    res.status(405).end();
    return;
  }
`;
const BEARER = `  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) {
    res.status(401).end();
    return;
  }
`;

ruleTester.run('require-csrf-token: Next.js Pages Router API routes', csrfRule, {
  valid: [
    { name: 'a bearer check first', code: PAGE(BEARER), filename: 'pages/api/mcp.ts' },
    { name: 'the same handler outside pages/api is no route', code: PAGE(), filename: 'lib/api/mcp.ts' },
    {
      name: 'a bearer check inside the POST branch, before a session is made for the request',
      code: `${HEAD}
const sessions = new Map<string, StreamableHTTPServerTransport>();

${SIGNATURE}
  if (req.method === 'POST') {
    const id = req.headers['mcp-session-id'];
    let transport = typeof id === 'string' ? sessions.get(id) : undefined;
    if (!transport) {
${BEARER.replace(/^/gm, '    ').trimEnd()}
      transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => crypto.randomUUID() });
      await new McpServer({ name: 'notes', version: '1.0.0' }).connect(transport);
    }
    await transport.handleRequest(req, res, req.body);
    return;
  }
  res.status(405).end();
}`,
      filename: 'pages/api/mcp.ts',
    },
  ],
  invalid: [
    {
      name: 'no check: every method of the route',
      code: PAGE(),
      filename: 'pages/api/mcp.ts',
      errors: [missingCheck('Every method of `/api/mcp` in this handler', [5, 31, 5, 38], pageFixed())],
    },
    {
      name: 'no check on the POST it lets through, under src/ and in an index file',
      code: PAGE(POST_ONLY),
      filename: 'src/pages/api/mcp/index.ts',
      errors: [missingCheck('`POST /api/mcp` in this handler', [6, 7, 6, 28], pageFixed(POST_ONLY))],
    },
  ],
});
