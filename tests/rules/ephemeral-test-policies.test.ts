import reflectedRule from '../../src/rules/no-reflected-origin';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';

// A test that starts its server on a port the system picks (`server.listen(0)` in a hook) serves
// it only for as long as the test runs, on a port no page can know ahead: its CORS policy lets no
// page read anything, as `require-csrf-token` and `require-dns-rebinding-protection` already hold
// for its routes. A test's server on a fixed port stays reported.

const ruleTester = createRuleTester();

const TEST = (port: number, origin: string) => `import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, expect, it } from 'vitest';

let server: Server;
let baseUrl = '';

beforeEach(async () => {
  server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', ${origin});
    res.end(JSON.stringify({ jsonrpc: '2.0', id: 1, result: { tools: [] } }));
  });
  await new Promise<void>((resolve) => server.listen(${port}, resolve));
  baseUrl = 'http://localhost:${port}';
});

afterEach(() => server.close());

it('answers', async () => {
  expect((await fetch(baseUrl)).ok).toBe(true);
});
`;

const FIXED = TEST(3000, "'*'");

ruleTester.run('no-wildcard-origin: a test server on a port the system picks', wildcardRule, {
  valid: [{ name: 'listen(0) in a hook', code: TEST(0, "'*'"), filename: 'server.test.ts' }],
  invalid: [
    {
      name: 'a fixed port',
      code: FIXED,
      filename: 'server.test.ts',
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: FIXED.replace("    res.setHeader('Access-Control-Allow-Origin', '*');\n", ''),
            },
            {
              messageId: 'useAllowedOrigin',
              output: FIXED.replace(
                "import { afterEach, beforeEach, expect, it } from 'vitest';\n",
                "import { afterEach, beforeEach, expect, it } from 'vitest';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
              ).replace("'Access-Control-Allow-Origin', '*'", "'Access-Control-Allow-Origin', ALLOWED_ORIGIN"),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-reflected-origin: a test server on a port the system picks', reflectedRule, {
  valid: [{ name: 'listen(0) in a hook', code: TEST(0, 'req.headers.origin ?? ""'), filename: 'server.test.ts' }],
  invalid: [],
});
