import fs from 'node:fs';
import path from 'node:path';
import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester, failClosedFix } from '../rule-tester';

// xmcp's Next.js adapter (`@xmcp/adapter`, which xmcp builds into the project): a route file
// exports `xmcpHandler`, the project's MCP server as a web request handler, for its methods, often
// through `withAuth(xmcpHandler, { verifyToken, required })`. That wrapper reads the bearer token
// and hands it to `verifyToken`, but refuses a request without a session only with
// `required: true` (the default is `false`); and a verifier that makes up a session for a request
// without a token lets every request in even then. The fixture projects
// (tests/fixtures/next-config/xmcp-*) hold one route file each: `guarded` with `required: true`,
// `optional` with the default, `anonymous` with `required: true` and a verifier that answers a
// guest session without a token.

const ruleTester = createRuleTester();

const fixture = (name: string, file: string): string =>
  path.join(__dirname, '..', 'fixtures', 'next-config', `xmcp-${name}`, file);
const routeOf = (name: string): { filename: string; code: string } => {
  const filename = fixture(name, path.join('src', 'app', 'mcp', 'route.ts'));
  return { filename, code: fs.readFileSync(filename, 'utf8') };
};

const GUARDED = routeOf('guarded');
const OPTIONAL = routeOf('optional');
const ANONYMOUS = routeOf('anonymous');
const BARE = {
  filename: OPTIONAL.filename,
  code: `import { xmcpHandler } from '@xmcp/adapter';

export { xmcpHandler as GET, xmcpHandler as POST };
`,
};

/** The report on the route's POST export (line 10 of a fixture route). */
const csrfError = (line = 10, column = 26, endColumn = 33) => ({
  messageId: 'missingCsrfCheck' as const,
  data: { route: '`POST /mcp`' },
  line,
  column,
  endLine: line,
  endColumn,
});

ruleTester.run("require-csrf-token: xmcp's Next.js adapter", csrfRule, {
  valid: [{ name: 'withAuth with required: true', ...GUARDED }],
  invalid: [
    {
      name: "withAuth with its default, required: false: the suggestion sets it in the options' object",
      ...OPTIONAL,
      errors: [
        {
          ...csrfError(),
          suggestions: [
            {
              messageId: 'requireWrapperToken',
              output: OPTIONAL.code.replace('{ verifyToken }', '{ verifyToken, required: true }'),
            },
          ],
        },
      ],
    },
    {
      name: 'required: true, with a verifier that answers a session without a token: no edit, the verifier is the owner’s',
      ...ANONYMOUS,
      errors: [{ ...csrfError(), suggestions: [] }],
    },
    {
      name: 'xmcpHandler exported as it is: a route that serves MCP with no check',
      ...BARE,
      errors: [{ ...csrfError(3, 30, 41), suggestions: [] }],
    },
  ],
});

ruleTester.run("require-csrf-token: xmcp's Next.js adapter, with failClosedFix", csrfRule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'the autofix adds required: true',
      ...OPTIONAL,
      output: OPTIONAL.code.replace('{ verifyToken }', '{ verifyToken, required: true }'),
      errors: [{ ...csrfError(), suggestions: [] }],
    },
  ]),
});

/** mcp-handler's wrapper, whose verifier is its second argument, with the same made-up session. */
const MCP_HANDLER_ANONYMOUS = `import { createMcpHandler, withMcpAuth } from 'mcp-handler';

const handler = createMcpHandler((server) => {
  server.tool('list_notes', 'Lists the notes', {}, async () => ({ content: [] }));
});

async function verifyToken(request: Request, bearerToken?: string) {
  if (!bearerToken) {
    return { token: '', clientId: 'guest', scopes: [] };
  }
  return bearerToken === process.env.NOTES_TOKEN ? { token: bearerToken, clientId: 'notes', scopes: [] } : undefined;
}

const authHandler = withMcpAuth(handler, verifyToken, { required: true });

export { authHandler as GET, authHandler as POST };
`;

ruleTester.run("require-csrf-token: mcp-handler's withMcpAuth with a verifier that answers without a token", csrfRule, {
  valid: [
    {
      name: 'a verifier that answers nothing without a token',
      filename: 'app/api/mcp/route.ts',
      code: MCP_HANDLER_ANONYMOUS.replace(
        "{\n    return { token: '', clientId: 'guest', scopes: [] };\n  }",
        '{\n    return undefined;\n  }',
      ),
    },
  ],
  invalid: [
    {
      name: 'a guest session for a request without a token',
      filename: 'app/api/mcp/route.ts',
      code: MCP_HANDLER_ANONYMOUS,
      errors: [{ ...csrfError(16, 30, 41), data: { route: '`POST /api/mcp`' }, suggestions: [] }],
    },
  ],
});

ruleTester.run("require-dns-rebinding-protection: xmcp's Next.js adapter", dnsRule, {
  valid: [{ name: 'withAuth with required: true: a rebinding page has no token', ...GUARDED }],
  invalid: [
    {
      name: 'withAuth with its default lets a page without a token in',
      ...OPTIONAL,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'request handler' },
          line: 10,
          column: 26,
          endLine: 10,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      name: "the package's handler exported for GET and POST as it is imported: one report, at the POST export",
      ...BARE,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'request handler' },
          line: 3,
          column: 30,
          endLine: 3,
          endColumn: 41,
          suggestions: [],
        },
      ],
    },
  ],
});

/** A config that answers `*` for every path, the MCP route's included. */
const CONFIG = `import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  async headers() {
    return [{ source: '/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: '*' }] }];
  },
};

export default nextConfig;
`;

/** The report on the config's `*`, with the entry's removal and the allowlist constant as suggestions. */
const wildcardError = {
  messageId: 'wildcardOrigin' as const,
  data: { policy: "Next.js's `headers()` for `/:path*`", credentials: '' },
  line: 5,
  column: 89,
  endLine: 5,
  endColumn: 92,
  suggestions: [
    // An entry left with no header would stop Next.js from starting: the entry goes.
    { messageId: 'denyOrigins' as const, output: CONFIG.replace(/return \[.*\];/u, 'return [];') },
    {
      messageId: 'useAllowedOrigin' as const,
      output: CONFIG.replace(
        "import type { NextConfig } from 'next';\n",
        "import type { NextConfig } from 'next';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
      ).replace("value: '*'", 'value: ALLOWED_ORIGIN'),
    },
  ],
};

ruleTester.run("no-wildcard-origin: Next.js's headers() over a route of xmcp's adapter", wildcardRule, {
  valid: [
    {
      name: 'the MCP route refuses a request without its bearer token',
      code: CONFIG,
      filename: fixture('guarded', 'next.config.ts'),
    },
  ],
  invalid: [
    {
      name: 'the MCP route takes a request without a token',
      code: CONFIG,
      filename: fixture('optional', 'next.config.ts'),
      errors: [wildcardError],
    },
    {
      name: 'the verifier answers a session without a token',
      code: CONFIG,
      filename: fixture('anonymous', 'next.config.ts'),
      errors: [wildcardError],
    },
  ],
});

/** A route file whose `withAuth` requires a session, with `verifier` as its `verifyToken`. */
const WITH_VERIFIER = (verifier: string): { filename: string; code: string } => ({
  filename: OPTIONAL.filename,
  code: `import { xmcpHandler, withAuth, type VerifyToken } from '@xmcp/adapter';

const GUEST = { token: '', clientId: 'guest', scopes: [] };

${verifier}

const handler = withAuth(xmcpHandler, { verifyToken, required: true });

export { handler as GET, handler as POST };
`,
});

/** The line of a route file's `export { handler as GET, handler as POST }`. */
const exportLine = (code: string): number => code.split('\n').findIndex((line) => line.startsWith('export {')) + 1;

/** Verifiers that answer a session for a request without a token, in other words. */
const GUEST_VERIFIERS = [
  'const verifyToken: VerifyToken = async (request, token) => (token ? lookUp(token) : GUEST);',
  'const verifyToken: VerifyToken = async (request, token) => {\n  if (token === undefined) return GUEST;\n  return lookUp(token);\n};',
  'const verifyToken: VerifyToken = async (request, token) => {\n  try {\n    if (!token) return { ...GUEST };\n    return await lookUp(token);\n  } catch {\n    return undefined;\n  }\n};',
];

/** A verifier that takes any token it is given: a page that may send the header makes one up. */
const ANY_TOKEN = WITH_VERIFIER(
  "const verifyToken: VerifyToken = async (request, token) => {\n  if (!token) return undefined;\n  return { token, clientId: 'anyone', scopes: [] };\n};",
);

ruleTester.run("require-csrf-token: xmcp's withAuth with verifiers that answer without a token", csrfRule, {
  // A page of another site sends no `Authorization` header: one that only has to be there keeps it out.
  valid: [{ name: 'a verifier that takes any token', ...ANY_TOKEN }],
  invalid: GUEST_VERIFIERS.map((verifier) => ({
    name: verifier,
    ...WITH_VERIFIER(verifier),
    errors: [{ ...csrfError(exportLine(WITH_VERIFIER(verifier).code)), suggestions: [] }],
  })),
});

ruleTester.run("require-dns-rebinding-protection: xmcp's withAuth with a verifier that takes any token", dnsRule, {
  valid: [],
  invalid: [
    {
      name: 'a rebinding page is same-origin, and sends a made-up bearer token',
      ...ANY_TOKEN,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'request handler' },
          line: exportLine(ANY_TOKEN.code),
          column: 26,
          endLine: exportLine(ANY_TOKEN.code),
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
  ],
});
