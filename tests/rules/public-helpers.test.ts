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
