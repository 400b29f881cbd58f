import noReflectedOriginRule from '../../src/rules/no-reflected-origin';
import noWildcardOriginRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';

// @elysiajs/cors 1.4.2 defaults to `origin = true`, which answers each request with its own
// Origin, and to `credentials = true`: `cors()` lets every site read the answers with the user's
// cookies. A `'*'` answers `*`; `false` sets no Access-Control-Allow-Origin.

const ruleTester = createRuleTester();

/** An Elysia MCP server whose CORS plugin is `cors(options)`. */
const SERVER = (options: string, allowlist = ''): string => `import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
${allowlist}
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
new Elysia()
  .use(cors(${options}))
  .post('/mcp', ({ request }) => transport.handleRequest(request as never))
  .listen({ port: 3000, hostname: '127.0.0.1' });
`;

const ALLOWLIST = "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n";

ruleTester.run('no-reflected-origin: the CORS plugin of Elysia', noReflectedOriginRule, {
  valid: [
    { name: 'an allowlist', code: SERVER("{ origin: ['https://app.example.com'] }") },
    { name: 'no origin at all', code: SERVER('{ origin: false }') },
  ],
  invalid: [
    {
      name: 'its defaults echo every origin, with credentials',
      code: SERVER(''),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`@elysiajs/cors` without `origin`', credentials: ', credentials included' },
          line: 7,
          column: 8,
          endLine: 7,
          endColumn: 14,
          suggestions: [
            { messageId: 'denyOrigins', output: SERVER('{ origin: false }') },
            { messageId: 'useAllowlist', output: SERVER('{ origin: ALLOWED_ORIGINS }', ALLOWLIST) },
          ],
        },
      ],
    },
    {
      name: 'options without an origin keep the echo',
      code: SERVER("{ methods: ['GET', 'POST'] }"),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`@elysiajs/cors` without `origin`', credentials: ', credentials included' },
          line: 7,
          suggestions: [
            { messageId: 'denyOrigins', output: SERVER("{ methods: ['GET', 'POST'], origin: false }") },
            {
              messageId: 'useAllowlist',
              output: SERVER("{ methods: ['GET', 'POST'], origin: ALLOWED_ORIGINS }", ALLOWLIST),
            },
          ],
        },
      ],
    },
    {
      name: '`origin: true` with credentials turned off',
      code: SERVER('{ origin: true, credentials: false }'),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`@elysiajs/cors` with `origin: true`', credentials: '' },
          line: 7,
          suggestions: [
            { messageId: 'denyOrigins', output: SERVER('{ origin: false, credentials: false }') },
            { messageId: 'useAllowlist', output: SERVER('{ origin: ALLOWED_ORIGINS, credentials: false }', ALLOWLIST) },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-wildcard-origin: the CORS plugin of Elysia', noWildcardOriginRule, {
  // Its defaults echo rather than answer `*`: no-reflected-origin's report.
  valid: [{ name: 'its defaults', code: SERVER('') }],
  invalid: [
    {
      // `*` stays `*` beside the default credentials, whose reads browsers then refuse.
      name: "`origin: '*'`",
      code: SERVER("{ origin: '*' }"),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`@elysiajs/cors` with an `origin` that is `*`', credentials: '' },
          line: 7,
          suggestions: [
            { messageId: 'denyOrigins', output: SERVER('{ origin: false }') },
            { messageId: 'useAllowlist', output: SERVER('{ origin: ALLOWED_ORIGINS }', ALLOWLIST) },
          ],
        },
      ],
    },
  ],
});
