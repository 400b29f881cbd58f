import path from 'node:path';
import rule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';
import { packageMaker } from '../support/packages';

// A helper that answers with a `*` policy (`discoveryResponse(metadata)`) is judged by where it is
// called: when every call, in its module or in those that import it, runs in a branch only a
// public path takes (`/.well-known/oauth-protected-resource`), the policy reaches only that public
// document. A test's calls serve no request; a call for another path keeps the report.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

const HELPER = `export function discoveryResponse(metadata: unknown): Response {
  return new Response(JSON.stringify(metadata), {
    headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' },
  });
}
`;

const WORKER = (other: string) => `import { discoveryResponse } from './discovery.js';
import { handleMcp } from './mcp.js';

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/.well-known/oauth-protected-resource') {
      return discoveryResponse({ resource: url.origin, authorization_servers: ['https://auth.example.com'] });
    }
${other}    return handleMcp(request);
  },
};
`;

const MCP =
  'export async function handleMcp(request: Request): Promise<Response> {\n  return new Response(await request.text());\n}\n';
const TEST = `import { expect, it } from 'vitest';
import { discoveryResponse } from '../src/discovery.js';

it('answers the document', async () => {
  expect(await discoveryResponse({ resource: 'x' }).json()).toEqual({ resource: 'x' });
});
`;

function helperBeside(other: string): string {
  const dir = makePackage({
    'src/discovery.ts': HELPER,
    'src/worker.ts': WORKER(other),
    'src/mcp.ts': MCP,
    'test/discovery.test.ts': TEST,
  });
  return path.join(dir, 'src', 'discovery.ts');
}

ruleTester.run('no-wildcard-origin: a helper called only for public paths', rule, {
  valid: [{ name: 'called for the discovery document and by a test', code: HELPER, filename: helperBeside('') }],
  invalid: [
    {
      name: 'also called for another path',
      code: HELPER,
      filename: helperBeside("    if (url.pathname === '/about') return discoveryResponse({ name: 'notes' });\n"),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 3,
          column: 52,
          endLine: 3,
          endColumn: 86,
          suggestions: [
            { messageId: 'denyOrigins', output: HELPER.replace(", 'Access-Control-Allow-Origin': '*'", '') },
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';\n\n${HELPER.replace("'*' }", 'ALLOWED_ORIGIN }')}`,
            },
          ],
        },
      ],
    },
  ],
});

/** A plain handler that sets the policy in a branch for `/health`; `end` is what the branch does after. */
const HEALTH_BRANCH = (end: string) => `import http from 'node:http';
import { tools } from './tools.js';

http
  .createServer(async (req, res) => {
    if (req.headers.host !== 'localhost:3000') return void res.writeHead(403).end();
    if (req.url === '/health') {
      res.setHeader('Access-Control-Allow-Origin', '*');
${end}    }
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const { id, method, params } = JSON.parse(raw || '{}');
    if (method === 'tools/call') {
      const result = await tools[params.name](params.arguments);
      return void res.end(JSON.stringify({ jsonrpc: '2.0', id, result }));
    }
    res.end(JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } }));
  })
  .listen(3000, '127.0.0.1');
`;

const FALLS_THROUGH = HEALTH_BRANCH('');

// A branch for a public path is public only where it ends the request: one that goes on to the
// JSON-RPC below leaves its header on every answer the handler gives for that path.
ruleTester.run('no-wildcard-origin: a public path branch that goes on', rule, {
  valid: [{ name: 'the branch answers and returns', code: HEALTH_BRANCH("      return void res.end('ok');\n") }],
  invalid: [
    {
      name: 'the branch falls through to the tools',
      code: FALLS_THROUGH,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: FALLS_THROUGH.replace("      res.setHeader('Access-Control-Allow-Origin', '*');\n", ''),
            },
            {
              messageId: 'useAllowedOrigin',
              output: FALLS_THROUGH.replace(
                "import { tools } from './tools.js';\n",
                "import { tools } from './tools.js';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
              ).replace("'Access-Control-Allow-Origin', '*'", "'Access-Control-Allow-Origin', ALLOWED_ORIGIN"),
            },
          ],
        },
      ],
    },
  ],
});
