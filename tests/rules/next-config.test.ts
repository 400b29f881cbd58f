import path from 'node:path';
import envRule from '../../src/rules/no-env-allowed-origins';
import reflectedRule from '../../src/rules/no-reflected-origin';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { commonjs, createRuleTester } from '../rule-tester';

// Next.js sends the headers of each entry of its config's `headers()` on every response whose path
// matches the entry's `source` (path-to-regexp: `:path*`, `(.*)`), routes and static files alike.
// The fixture projects (tests/fixtures/next-config/*) hold the route files: `open` an MCP route
// of mcp-handler at `/api/:transport` and a route of notes, `web` no MCP route, `guarded` an MCP
// route that refuses a request without a bearer token, `pages` an MCP route of the Pages Router,
// `shadowed` an MCP route and a `next.config.mjs`, which Next.js loads before a `next.config.ts`,
// `api-index` an MCP route of the Pages Router at `/api` itself, `unread` an MCP route file whose
// handler is picked by a setting, which the analysis does not read.

const ruleTester = createRuleTester();

/** Where a config file is: the root of a fixture project. */
const configIn = (fixture: string, name = 'next.config.ts'): string =>
  path.join(__dirname, '..', 'fixtures', 'next-config', fixture, name);

/** A config whose `headers()` answers `origin` on `source`. */
const CONFIG = (source: string, origin: string): string => `import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: '${source}',
        headers: [
          { key: 'Access-Control-Allow-Origin', value: ${origin} },
          { key: 'Access-Control-Allow-Methods', value: 'GET, POST, OPTIONS' },
        ],
      },
    ];
  },
};

export default nextConfig;
`;

/** `CONFIG` with the origin header gone: what the deny-all change leaves. */
const WITHOUT_ORIGIN = (source: string): string =>
  CONFIG(source, "'*'").replace("          { key: 'Access-Control-Allow-Origin', value: '*' },\n", '');

/** `CONFIG` with the origin taken from a constant of the module. */
const WITH_CONSTANT = (source: string): string =>
  CONFIG(source, 'ALLOWED_ORIGIN').replace(
    "import type { NextConfig } from 'next';\n",
    "import type { NextConfig } from 'next';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
  );

const error = (source: string, output = CONFIG(source, "'*'")) => ({
  messageId: 'wildcardOrigin' as const,
  data: { policy: `Next.js's \`headers()\` for \`${source}\``, credentials: '' },
  line: 10,
  column: 56,
  endLine: 10,
  endColumn: 59,
  suggestions: [
    { messageId: 'denyOrigins' as const, output: output === CONFIG(source, "'*'") ? WITHOUT_ORIGIN(source) : output },
    { messageId: 'useAllowedOrigin' as const, output: WITH_CONSTANT(source) },
  ],
});

/** A config whose entry is held in a constant (the `*` on line 5). */
const IN_CONSTANT = `import type { NextConfig } from 'next';

const apiEntry = {
  source: '/api/:path*',
  headers: [{ key: 'Access-Control-Allow-Origin', value: '*' }],
};

const nextConfig: NextConfig = {
  async headers() {
    return [apiEntry];
  },
};

export default nextConfig;
`;

/** A CommonJS config of a function of the build phase, wrapped by a plugin's helper. */
const WRAPPED = `const withPlugin = require('./with-plugin');

module.exports = withPlugin((phase) => ({
  headers: async () => [
    { source: '/(.*)', headers: [{ key: 'access-control-allow-origin', value: '*' }] },
  ],
}));
`;

ruleTester.run("no-wildcard-origin: Next.js's headers()", wildcardRule, {
  valid: [
    { name: 'no route of the project serves MCP', code: CONFIG('/api/:path*', "'*'"), filename: configIn('web') },
    { name: 'the entry covers static files only', code: CONFIG('/fonts/:path*', "'*'"), filename: configIn('open') },
    {
      name: 'the entry covers a route that serves no MCP',
      code: CONFIG('/api/notes', "'*'"),
      filename: configIn('open'),
    },
    {
      name: 'a pattern that leaves the API out',
      code: CONFIG('/:path((?!api).*)', "'*'"),
      filename: configIn('open'),
    },
    {
      name: 'an origin in source',
      code: CONFIG('/api/:path*', "'https://app.example.com'"),
      filename: configIn('open'),
    },
    {
      name: 'the MCP route refuses a request without its bearer token',
      code: CONFIG('/api/:path*', "'*'"),
      filename: configIn('guarded'),
    },
    {
      name: 'a file that is not the config',
      code: CONFIG('/api/:path*', "'*'"),
      filename: configIn('open', 'headers.ts'),
    },
    {
      name: 'a pattern of `/sse`, which any site may serve events at',
      code: CONFIG('/sse', "'*'"),
      filename: configIn('web'),
    },
    {
      name: 'a `next.config.ts` beside a `next.config.mjs`, which Next.js loads instead',
      code: CONFIG('/api/:path*', "'*'"),
      filename: configIn('shadowed'),
    },
    {
      name: 'a `.cjs` config, which Next.js refuses',
      code: CONFIG('/api/:path*', "'*'"),
      filename: configIn('open', 'next.config.cjs'),
    },
  ],
  invalid: [
    {
      name: 'every API path',
      code: CONFIG('/api/:path*', "'*'"),
      filename: configIn('open'),
      errors: [error('/api/:path*')],
    },
    {
      name: 'the MCP route by its own pattern',
      code: CONFIG('/api/:transport', "'*'"),
      filename: configIn('open'),
      errors: [error('/api/:transport')],
    },
    {
      name: 'a Pages Router API route',
      code: CONFIG('/api/mcp', "'*'"),
      filename: configIn('pages'),
      errors: [error('/api/mcp')],
    },
    {
      name: 'an MCP route file whose handler the analysis cannot read',
      code: CONFIG('/api/:path*', "'*'"),
      filename: configIn('unread'),
      errors: [error('/api/:path*')],
    },
    {
      name: 'every API path, `/api` itself included',
      code: CONFIG('/api/:path*', "'*'"),
      filename: configIn('api-index'),
      errors: [error('/api/:path*')],
    },
    {
      name: 'an entry held in a constant: the fail-closed change is left to the owner',
      code: IN_CONSTANT,
      filename: configIn('open'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "Next.js's `headers()` for `/api/:path*`", credentials: '' },
          line: 5,
          column: 58,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: IN_CONSTANT.replace("value: '*'", 'value: ALLOWED_ORIGIN').replace(
                "import type { NextConfig } from 'next';\n",
                "import type { NextConfig } from 'next';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a pattern that names an MCP endpoint, which a rewrite may serve',
      code: CONFIG('/mcp/:path*', "'*'"),
      filename: configIn('web'),
      errors: [error('/mcp/:path*')],
    },
    {
      name: 'a guarded route, without trusting credential checks',
      code: CONFIG('/api/:path*', "'*'"),
      filename: configIn('guarded'),
      options: [{ trustCredentialChecks: false }],
      errors: [error('/api/:path*')],
    },
    {
      name: 'with `failClosedFix`, the header goes',
      code: CONFIG('/api/:path*', "'*'"),
      filename: configIn('open'),
      options: [{ failClosedFix: true }],
      output: WITHOUT_ORIGIN('/api/:path*'),
      errors: [{ ...error('/api/:path*'), suggestions: [error('/api/:path*').suggestions[1]!] }],
    },
    {
      name: 'a CommonJS config function, through a wrapper',
      code: WRAPPED,
      ...commonjs,
      filename: configIn('open', 'next.config.js'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "Next.js's `headers()` for `/(.*)`", credentials: '' },
          line: 5,
          column: 79,
          suggestions: [
            {
              messageId: 'denyOrigins',
              // An entry with no header stops Next.js from starting ("`headers` field cannot be empty").
              output: WRAPPED.replace(
                "    { source: '/(.*)', headers: [{ key: 'access-control-allow-origin', value: '*' }] },\n",
                '',
              ),
            },
            {
              messageId: 'useAllowedOrigin',
              output: WRAPPED.replace(
                "const withPlugin = require('./with-plugin');\n",
                "const withPlugin = require('./with-plugin');\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
              ).replace("value: '*'", 'value: ALLOWED_ORIGIN'),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run("no-env-allowed-origins: Next.js's headers()", envRule, {
  valid: [
    {
      name: 'no route of the project serves MCP',
      code: CONFIG('/api/:path*', 'process.env.CORS_ORIGIN'),
      filename: configIn('web'),
    },
  ],
  invalid: [
    {
      name: 'the origin of the MCP route from the environment',
      code: CONFIG('/api/:path*', 'process.env.CORS_ORIGIN'),
      filename: configIn('open'),
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGIN`', credentials: '' },
          line: 10,
          column: 56,
          endColumn: 79,
          suggestions: [
            // No origin at all is no header, not an empty one.
            { messageId: 'useEmptyAllowlist', output: WITHOUT_ORIGIN('/api/:path*') },
            { messageId: 'useConstantAllowlist', output: CONFIG('/api/:path*', "'https://app.example.com'") },
          ],
        },
      ],
    },
  ],
});

/** Next.js middleware that adds `*` to every answer it lets through, with `next(init)` (line 4). */
const MIDDLEWARE = `import { NextResponse } from 'next/server';

export function middleware() {
  return NextResponse.next({ headers: { 'Access-Control-Allow-Origin': '*' } });
}

export const config = { matcher: '/:path*' };
`;

/** The report on MIDDLEWARE's `*` in `code`, with its two suggestions. */
const middlewareError = (code: string) => ({
  messageId: 'wildcardOrigin' as const,
  data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
  line: 4,
  column: 41,
  endLine: 4,
  endColumn: 75,
  suggestions: [
    { messageId: 'denyOrigins' as const, output: code.replace("{ 'Access-Control-Allow-Origin': '*' }", '{}') },
    {
      messageId: 'useAllowedOrigin' as const,
      output: code
        .replace("'Access-Control-Allow-Origin': '*'", "'Access-Control-Allow-Origin': ALLOWED_ORIGIN")
        .replace("from 'next/server';\n", "from 'next/server';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n"),
    },
  ],
});

// next 15: `NextResponse.next(init)` answers with the route's own response, `init`'s headers added.
ruleTester.run("no-wildcard-origin: Next.js middleware's `NextResponse.next({ headers })`", wildcardRule, {
  valid: [
    {
      name: "a matcher that keeps the middleware off the project's MCP route",
      code: MIDDLEWARE.replace("matcher: '/:path*'", "matcher: ['/api/public/:path*', '/fonts/:path*']"),
      filename: configIn('open', 'middleware.ts'),
    },
    {
      name: 'headers of the request handed on (`request.headers`), not of the answer',
      code: MIDDLEWARE.replace(
        "NextResponse.next({ headers: { 'Access-Control-Allow-Origin': '*' } })",
        "NextResponse.next({ request: { headers: new Headers({ 'x-forwarded-origin': '*' }) } })",
      ),
      filename: 'middleware.ts',
    },
  ],
  invalid: [
    {
      name: "a matcher that takes in the project's MCP route",
      code: MIDDLEWARE.replace("matcher: '/:path*'", "matcher: ['/api/:path*']"),
      filename: configIn('open', 'middleware.ts'),
      errors: [middlewareError(MIDDLEWARE.replace("matcher: '/:path*'", "matcher: ['/api/:path*']"))],
    },
    {
      name: 'a matcher over an MCP route file whose handler the analysis cannot read',
      code: MIDDLEWARE.replace("matcher: '/:path*'", "matcher: ['/api/:path*']"),
      filename: configIn('unread', 'middleware.ts'),
      errors: [middlewareError(MIDDLEWARE.replace("matcher: '/:path*'", "matcher: ['/api/:path*']"))],
    },
    {
      name: 'a `*` on every answer',
      code: MIDDLEWARE,
      filename: 'middleware.ts',
      errors: [middlewareError(MIDDLEWARE)],
    },
  ],
});

/** A CommonJS config that sends back the Origin its `has` takes as `capture` (the header on line 8). */
const ECHO = (capture: string): string => `module.exports = {
  async headers() {
    return [
      {
        source: '/api/:path*',
        has: [{ type: 'header', key: 'origin', value: '${capture}' }],
        headers: [
          { key: 'Access-Control-Allow-Origin', value: ':origin' },
          { key: 'Access-Control-Allow-Credentials', value: 'true' },
        ],
      },
    ];
  },
};
`;

// Next.js's `has` makes a named group of its `value` (or, with none, the header itself) a parameter
// that the entry's headers may use: `:origin` then sends back the request's Origin.
ruleTester.run("no-reflected-origin: Next.js's headers() sending back the Origin", reflectedRule, {
  valid: [
    {
      name: 'a capture that takes one origin alone',
      code: ECHO('(?<origin>https://app\\\\.example\\\\.com)'),
      ...commonjs,
      filename: configIn('open', 'next.config.js'),
    },
  ],
  invalid: [
    {
      name: 'a capture of any Origin, with credentials',
      code: ECHO('(?<origin>.*)'),
      ...commonjs,
      filename: configIn('open', 'next.config.js'),
      output: null,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: "Next.js's `headers()` for `/api/:path*`", credentials: ', credentials included' },
          line: 8,
          column: 56,
          endLine: 8,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: ECHO('(?<origin>.*)').replace(
                "          { key: 'Access-Control-Allow-Origin', value: ':origin' },\n",
                '',
              ),
            },
          ],
        },
      ],
    },
  ],
});
