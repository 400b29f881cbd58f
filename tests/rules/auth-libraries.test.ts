import path from 'node:path';
import csrfRule from '../../src/rules/require-csrf-token';
import { createRuleTester } from '../rule-tester';
import { tokenHelpers } from '../support/fix-text';
import { packageMaker } from '../support/packages';

// What auth libraries' calls read: a cookie (Next.js's `cookies()`, NextAuth's
// `getServerSession()`, iron-session, better-auth's `api.getSession()`), which a forged cross-site
// request carries, or a bearer token the library verifies (better-auth's `api.getMcpSession()`),
// which it does not.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

const HEAD = `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
`;
const MCP = `
const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));
`;

/** A route whose `currentUser()` takes a bearer token, or else what `fallback` reads. */
const FALLBACK = (imports: string, fallback: string): string => `${HEAD}${imports}${MCP}
async function currentUser(request: Request): Promise<string | null> {
  const header = request.headers.get('authorization');
  if (header === \`Bearer \${process.env.MCP_TOKEN}\`) return 'owner';
${fallback}
}

export async function POST(request: Request): Promise<Response> {
  const user = await currentUser(request);
  if (!user) return new Response('Unauthorized', { status: 401 });
  return mcp.fetch(request);
}`;

/** FALLBACK with the token check the suggestion writes first in `POST`, and the helpers after it. */
const fallbackFixed = (imports: string, fallback: string) => (bearer: boolean) => {
  const test = bearer
    ? "!hasValidBearerToken(request.headers.get('authorization'))"
    : "!hasValidCsrfToken(request.headers.get('x-mcp-csrf-token'))";
  const init = bearer ? "{ status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }" : '{ status: 403 }';
  return `${FALLBACK(imports, fallback).replace(
    '  const user = await currentUser(request);',
    `  if (${test}) {
    return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, ${init});
  }
  const user = await currentUser(request);`,
  )}\n\n${tokenHelpers({ bearer })}`;
};

const cookieFallback = (imports: string, fallback: string, name: string) => {
  const line =
    FALLBACK(imports, fallback)
      .split('\n')
      .findIndex((text) => text.startsWith('export async')) + 1;
  return {
    name,
    code: FALLBACK(imports, fallback),
    filename: 'app/api/mcp/route.ts',
    errors: [
      {
        messageId: 'missingCsrfCheck' as const,
        data: { route: '`POST /api/mcp`' },
        line,
        column: 23,
        endLine: line,
        endColumn: 27,
        suggestions: [false, true].map((bearer) => ({
          messageId: bearer ? ('useBearerToken' as const) : ('requireTokenHeader' as const),
          ...(bearer ? {} : { data: { header: '`x-mcp-csrf-token`' } }),
          output: fallbackFixed(imports, fallback)(bearer),
        })),
      },
    ],
  };
};

/** A project whose `lib/auth.ts` makes better-auth's instance, and its route file `app/api/mcp/route.ts`. */
const project = makePackage({
  'lib/auth.ts': `import { betterAuth } from 'better-auth';
import { mcp } from 'better-auth/plugins';

export const auth = betterAuth({ plugins: [mcp({ loginPage: '/sign-in' })] });
`,
});
const route = path.join(project, 'app', 'api', 'mcp', 'route.ts');

/** A route that refuses unless better-auth's `method` answers a session for the request's headers. */
const BETTER_AUTH = (method: string): string => `${HEAD}import { auth } from '../../../lib/auth';
${MCP}
export async function POST(request: Request): Promise<Response> {
  const session = await auth.api.${method}({ headers: request.headers });
  if (!session) return new Response('Unauthorized', { status: 401 });
  return mcp.fetch(request);
}`;

/** A route file whose `POST` better-auth's `withMcpAuth(auth, handler)` wraps (401 without a session). */
const WRAPPED = `${HEAD}import { withMcpAuth } from 'better-auth/plugins';
import { auth } from '../../../lib/auth';
${MCP}
export const POST = withMcpAuth(auth, (request) => mcp.fetch(request));`;

/** The same wrapper made in the handler and called with the request, as a Hono route does. */
const WRAPPED_IN_HANDLER = `${HEAD}import { withMcpAuth } from 'better-auth/plugins';
import { auth } from '../../../lib/auth';
${MCP}
export async function POST(request: Request): Promise<Response> {
  const handler = withMcpAuth(auth, (authorized) => mcp.fetch(authorized));
  return handler(request);
}`;

ruleTester.run('require-csrf-token: what auth libraries read', csrfRule, {
  valid: [
    {
      name: "better-auth's `api.getMcpSession()` answers a session only for a bearer token it issued",
      code: BETTER_AUTH('getMcpSession'),
      filename: route,
    },
    { name: "better-auth's `withMcpAuth(auth, handler)` around the route", code: WRAPPED, filename: route },
    {
      name: "better-auth's `withMcpAuth(auth, handler)` made and called in the route",
      code: WRAPPED_IN_HANDLER,
      filename: route,
    },
    {
      name: 'a fallback that reads nothing the browser adds by itself',
      code: FALLBACK('', '  return null;'),
      filename: 'app/api/mcp/route.ts',
    },
  ],
  invalid: [
    cookieFallback(
      "import { cookies } from 'next/headers';\n",
      "  const jar = await cookies();\n  return jar.get('sid')?.value ?? null;",
      "a fallback to Next.js's `cookies()`",
    ),
    cookieFallback(
      "import { getServerSession } from 'next-auth';\nimport { authOptions } from './options';\n",
      '  const session = await getServerSession(authOptions);\n  return session?.user?.email ?? null;',
      "a fallback to NextAuth's `getServerSession()`",
    ),
    {
      name: "better-auth's `api.getSession()` reads its session cookie",
      code: BETTER_AUTH('getSession'),
      filename: route,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /api/mcp`' },
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 27,
          suggestions: [false, true].map((bearer) => ({
            messageId: bearer ? ('useBearerToken' as const) : ('requireTokenHeader' as const),
            ...(bearer ? {} : { data: { header: '`x-mcp-csrf-token`' } }),
            output: `${BETTER_AUTH('getSession').replace(
              '  const session =',
              `  if (${
                bearer
                  ? "!hasValidBearerToken(request.headers.get('authorization'))"
                  : "!hasValidCsrfToken(request.headers.get('x-mcp-csrf-token'))"
              }) {
    return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, ${
      bearer ? "{ status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }" : '{ status: 403 }'
    });
  }
  const session =`,
            )}\n\n${tokenHelpers({ bearer })}`,
          })),
        },
      ],
    },
  ],
});
