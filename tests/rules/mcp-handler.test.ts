import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester, failClosedFix } from '../rule-tester';

// Vercel's mcp-handler: `createMcpHandler(init)` makes a web request handler that a Next.js route
// file exports for its methods. It checks neither Host nor Origin and no credential; its
// `withMcpAuth(handler, verifyToken, { required: true })` refuses a request without a bearer token,
// but by default (`required: false`) lets it through. `@vercel/mcp-adapter` is the same package
// under its former name (`experimental_withMcpAuth` in 0.x).

const ruleTester = createRuleTester();
const ROUTE_FILE = 'app/api/[transport]/route.ts';

function route(exports: string, module = 'mcp-handler', wrapper = 'withMcpAuth'): string {
  return `import { createMcpHandler, ${wrapper} } from '${module}';

const handler = createMcpHandler((server) => {
  server.tool('list_notes', 'Lists the notes', {}, async () => ({ content: [] }));
});

async function verifyToken(request: Request, bearerToken?: string) {
  return bearerToken === process.env.MCP_TOKEN ? { token: bearerToken, clientId: 'notes', scopes: [] } : undefined;
}

${exports}`;
}

const OPEN = route('export { handler as GET, handler as POST, handler as DELETE };');
const wrapped = (options: string, module?: string, wrapper?: string): string =>
  route(
    `const authHandler = ${wrapper ?? 'withMcpAuth'}(handler, verifyToken${options});\n\nexport { authHandler as GET, authHandler as POST };`,
    module,
    wrapper,
  );

const REQUIRED = wrapped(', { required: true }');
const OPTIONS_ELSEWHERE = wrapped(', AUTH_OPTIONS').replace(
  'const authHandler',
  "const AUTH_OPTIONS = { requiredScopes: ['notes:read'] };\nconst authHandler",
);
const DEFAULTED = wrapped('');
const NOT_REQUIRED = wrapped(', { required: false, requiredScopes: ["notes:read"] }');
const ADAPTER_REQUIRED = wrapped(', { required: true }', '@vercel/mcp-adapter', 'experimental_withMcpAuth');

/** The report on the POST export of a route file, at its export specifier (line 13). */
const csrfError = (column: number, endColumn: number) => ({
  messageId: 'missingCsrfCheck' as const,
  data: { route: '`POST /api/:transport`' },
  line: 13,
  column,
  endLine: 13,
  endColumn,
  suggestions: [],
});

const MISSING_REQUIRED = (code: string) => code.replace('verifyToken);', 'verifyToken, { required: true });');
const FALSE_REQUIRED = (code: string) => code.replace('required: false', 'required: true');

ruleTester.run('require-csrf-token: mcp-handler route files', csrfRule, {
  valid: [
    { name: 'withMcpAuth with required: true', filename: ROUTE_FILE, code: REQUIRED },
    {
      name: "@vercel/mcp-adapter's experimental_withMcpAuth with required: true",
      filename: ROUTE_FILE,
      code: ADAPTER_REQUIRED,
    },
  ],
  invalid: [
    {
      name: "createMcpHandler exported as POST, with no check: no fix, the token check is the owner's to write",
      filename: ROUTE_FILE,
      code: OPEN,
      errors: [{ ...csrfError(26, 33), line: 11, endLine: 11 }],
    },
    {
      name: 'withMcpAuth with its default, required: false, lets a request without a token through',
      filename: ROUTE_FILE,
      code: DEFAULTED,
      errors: [
        {
          ...csrfError(30, 41),
          suggestions: [{ messageId: 'requireWrapperToken', output: MISSING_REQUIRED(DEFAULTED) }],
        },
      ],
    },
    {
      name: 'withMcpAuth with required: false',
      filename: ROUTE_FILE,
      code: NOT_REQUIRED,
      errors: [
        {
          ...csrfError(30, 41),
          suggestions: [{ messageId: 'requireWrapperToken', output: FALSE_REQUIRED(NOT_REQUIRED) }],
        },
      ],
    },
    {
      name: 'withMcpAuth given only the handler: no options to append after a missing verifier',
      filename: ROUTE_FILE,
      code: wrapped('').replace('withMcpAuth(handler, verifyToken)', 'withMcpAuth(handler)'),
      errors: [{ ...csrfError(30, 41) }],
    },
    {
      name: 'withMcpAuth with options from a constant: reported, with no edit of the constant',
      filename: ROUTE_FILE,
      code: OPTIONS_ELSEWHERE,
      errors: [{ ...csrfError(30, 41), line: 14, endLine: 14 }],
    },
  ],
});

ruleTester.run('require-csrf-token: mcp-handler route files, with failClosedFix', csrfRule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'the autofix sets required: true where the options are left out',
      filename: ROUTE_FILE,
      code: DEFAULTED,
      output: MISSING_REQUIRED(DEFAULTED),
      errors: [{ ...csrfError(30, 41) }],
    },
    {
      name: 'the autofix turns required: false into true, and keeps the other options',
      filename: ROUTE_FILE,
      code: NOT_REQUIRED,
      output: FALSE_REQUIRED(NOT_REQUIRED),
      errors: [{ ...csrfError(30, 41) }],
    },
  ]),
});

/** The one report on a route file's handler, at its first export specifier. */
const dnsError = (line: number, column: number, endColumn: number) => ({
  messageId: 'unprotectedApp' as const,
  data: { app: 'request handler' },
  line,
  column,
  endLine: line,
  endColumn,
  suggestions: [],
});

/** The open handler, answered through `withHeaders(request, handler)`, a wrapper that adds a header. */
const THROUGH_WRAPPER =
  route(`async function withHeaders(request: Request, serve: (request: Request) => Promise<Response>) {
  const response = await serve(request);
  response.headers.set('X-Served-By', 'notes');
  return response;
}

export async function POST(request: Request) {
  return withHeaders(request, handler);
}`);

ruleTester.run('require-dns-rebinding-protection: mcp-handler route files', dnsRule, {
  valid: [
    { name: 'withMcpAuth with required: true: a rebinding page has no token', filename: ROUTE_FILE, code: REQUIRED },
  ],
  invalid: [
    {
      name: 'createMcpHandler checks neither Host nor Origin',
      filename: ROUTE_FILE,
      code: OPEN,
      errors: [dnsError(11, 26, 33)],
    },
    {
      name: 'withMcpAuth with its default lets a page without a token in',
      filename: ROUTE_FILE,
      code: DEFAULTED,
      errors: [dnsError(13, 30, 41)],
    },
    {
      name: 'the handler run by a wrapper of the file that is handed the request and the handler',
      filename: ROUTE_FILE,
      code: THROUGH_WRAPPER,
      errors: [
        {
          ...dnsError(17, 23, 27),
          suggestions: [
            {
              messageId: 'validateHost' as const,
              output: THROUGH_WRAPPER.replace(
                'export async function POST(request: Request) {\n',
                `export async function POST(request: Request) {
  // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
  if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(request.url).hostname)) {
    return Response.json({ error: 'Host not allowed' }, { status: 403 });
  }
`,
              ),
            },
          ],
        },
      ],
    },
  ],
});
