import reflectedRule from '../../src/rules/no-reflected-origin';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester, esm } from '../rule-tester';

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

// A unit test of a header helper writes `*` on a stub response it builds itself: the module
// starts no server, makes no app, gives no server a handler and exports nothing, so no request is
// ever answered with what it writes.
const STUB_TEST = (exported: string): string => `import { describe, expect, it } from 'vitest';
import { keepOrigin } from './headers.js';
${exported}
describe('keepOrigin', () => {
  it('writes the kept origin over a wildcard', () => {
    const written = [];
    const stub = { setHeader(name, value) { written.push([name, value]); return stub; } };
    keepOrigin(stub, 'https://notes.example.com');
    stub.setHeader('access-control-allow-origin', '*');
    expect(written).toEqual([['access-control-allow-origin', 'https://notes.example.com']]);
  });
});
`;

const EXPORTING = STUB_TEST("\nexport const stubOrigin = 'https://notes.example.com';\n");

ruleTester.run('no-wildcard-origin: a test that serves nothing', wildcardRule, {
  valid: [
    {
      name: 'a `*` written on a stub response of a unit test',
      code: STUB_TEST(''),
      ...esm,
      filename: 'headers.spec.mjs',
    },
  ],
  invalid: [
    {
      name: 'the same test module, exporting something another module may serve',
      code: EXPORTING,
      ...esm,
      filename: 'headers.spec.mjs',
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: EXPORTING.replace("    stub.setHeader('access-control-allow-origin', '*');\n", ''),
            },
            {
              messageId: 'useAllowedOrigin',
              output: EXPORTING.replace(
                "from './headers.js';\n",
                "from './headers.js';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
              ).replace("'access-control-allow-origin', '*'", "'access-control-allow-origin', ALLOWED_ORIGIN"),
            },
          ],
        },
      ],
    },
  ],
});
