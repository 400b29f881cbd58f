import noReflectedOriginRule from '../../src/rules/no-reflected-origin';
import noWildcardOriginRule from '../../src/rules/no-wildcard-origin';
import requireCsrfTokenRule from '../../src/rules/require-csrf-token';
import requireDnsRebindingProtectionRule from '../../src/rules/require-dns-rebinding-protection';
import requireLoopbackHostRule from '../../src/rules/require-loopback-host';
import { createRuleTester, failClosedFix } from '../rule-tester';
import { tokenHelpers } from '../support/fix-text';

// Web-standard request handlers as servers and MCP routes: a Cloudflare Worker's or Bun's
// `export default { fetch }`, `Bun.serve({ fetch })`, `Deno.serve(handler)`, and Next.js App
// Router route handlers (`export async function POST` in `app/**/route.ts`). Each rule sees the
// unsafe shape, and the same shape made safe. Bun and Deno are globals of their runtimes, and
// `Env` and `ExecutionContext` are Cloudflare's types: the cases are parsed, not type-checked.

// The SDK's v1 web-standard transport, one for the whole server.
const V1_TRANSPORT = `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });`;

// The v2 package's web handler.
const V2_HANDLER = `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));`;

// A Cloudflare Worker: it reads its settings from the `env` it is handed, and binds no port.
const WORKER = `${V1_TRANSPORT}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/mcp') {
      return transport.handleRequest(request);
    }
    return new Response('Not found', { status: 404 });
  },
};`;

// A Worker that refuses a request without a valid bearer token (401) before the MCP route.
const WORKER_WITH_TOKEN = `${V1_TRANSPORT}

declare function isValidToken(value: string | null, env: Env): Promise<boolean>;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (!(await isValidToken(request.headers.get('Authorization'), env))) {
      return new Response('Unauthorized', { status: 401 });
    }
    if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
};`;

// Bun.serve() with a port and no hostname: Bun binds 0.0.0.0.
const BUN_SERVE = `${V1_TRANSPORT}

Bun.serve({
  port: 3000,
  async fetch(request) {
    if (request.method === 'POST' && new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
});`;

// Bun's default export with a port: Bun serves it on 0.0.0.0.
const BUN_DEFAULT = `${V1_TRANSPORT}

export default {
  port: 3000,
  async fetch(request: Request): Promise<Response> {
    if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
};`;

// Deno.serve(handler): Deno binds 0.0.0.0; the handler answers preflights before the MCP route.
const DENO = `${V2_HANDLER}

Deno.serve(async (request) => {
  if (request.method === 'OPTIONS') {
    return new Response(null, { status: 204 });
  }
  if (new URL(request.url).pathname !== '/mcp') return new Response('Not found', { status: 404 });
  return mcp.fetch(request);
});`;

// Deno.serve(options, handler) with a port and no hostname.
const DENO_PORT = `${V1_TRANSPORT}

Deno.serve({ port: 8000 }, async (request) => {
  if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
  return new Response('Not found', { status: 404 });
});`;

// A Next.js route handler (linted as app/mcp/route.ts) that hands POST to an MCP transport.
const NEXT_POST = `${V1_TRANSPORT}

export async function POST(request: Request): Promise<Response> {
  return transport.handleRequest(request);
}`;

// Route handlers exported as constants (linted as app/api/mcp/route.ts): GET takes no POST.
const NEXT_CONST = `${V2_HANDLER}

export const GET = (request: Request): Promise<Response> => mcp.fetch(request);

export const POST = async (request: Request): Promise<Response> => {
  return mcp.fetch(request);
};`;

// A handler whose body is an expression: the fixes give it a block body with the check first.
const BUN_EXPRESSION = `${V1_TRANSPORT}

Bun.serve({ port: 3000, hostname: '127.0.0.1', fetch: (request) => transport.handleRequest(request) });`;

// Bun's default export on loopback, its handler one expression that hands the request to the v2 handler.
const DEFAULT_EXPRESSION = `${V2_HANDLER}

export default {
  port: 3000,
  hostname: '127.0.0.1',
  fetch: (request: Request) => mcp.fetch(request),
};`;

// srvx's serve() on loopback, its handler one parenthesized expression.
const SRVX_EXPRESSION = `import { serve } from 'srvx';
${V2_HANDLER}

serve({ hostname: '127.0.0.1', fetch: async (request) => (mcp.fetch(request)) });`;

/** `code` with its one-expression handler `arrow => expression` given a block body that runs `check` first. */
function withBlockBody(code: string, arrow: string, expression: string, check: string, indent: string): string {
  return code.replace(
    `${arrow} => ${expression}`,
    `${arrow} => {\n${indent}  ${check}return ${expression};\n${indent}}`,
  );
}

// A fetch handler on loopback that serves no MCP: a POST /webhook.
const WEBHOOK = `export default {
  port: 3000,
  hostname: '127.0.0.1',
  async fetch(request: Request): Promise<Response> {
    if (request.method === 'POST' && new URL(request.url).pathname === '/webhook') {
      return Response.json({ received: await request.json() });
    }
    return new Response('hello');
  },
};`;

/** Bun's default export with a port, serving no MCP, with a `hostname` property when one is given. */
function bunHello(hostname?: string): string {
  return `export default {
  port: 3000,${hostname === undefined ? '' : `\n  hostname: ${hostname},`}
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};`;
}

// Bun's default export with a port, serving no MCP.
const BUN_HELLO = bunHello();

/** A Hono app that Bun serves from a default export with a shorthand `port`, and `hostname` if given. */
function bunShorthand(hostname?: string): string {
  return `import { Hono } from 'hono';

const port = Number(process.env.PORT ?? 3000);
const app = new Hono();
export default {
  port,${hostname === undefined ? '' : `\n  hostname: ${hostname},`}
  fetch: app.fetch,
};`;
}

const BUN_SHORTHAND = bunShorthand();

// Bun's default export with hostname 0.0.0.0.
const BUN_EVERY = bunHello("'0.0.0.0'");

// A Worker answering with `*` in a Response's headers.
const WILDCARD_INIT = `${V1_TRANSPORT}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const response = await transport.handleRequest(request);
    return new Response(response.body, {
      status: response.status,
      headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' },
    });
  },
};`;

// A Worker setting `*` on a copy of the MCP response headers.
const WILDCARD_SET = `${V1_TRANSPORT}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const response = await transport.handleRequest(request);
    const headers = new Headers(response.headers);
    headers.set('Access-Control-Allow-Origin', '*');
    return new Response(response.body, { status: response.status, headers });
  },
};`;

// A headers constant spread into several Responses: one report, at its property.
const WILDCARD_CONSTANT = `${V2_HANDLER}

const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Content-Type, Mcp-Session-Id',
};

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: corsHeaders });
    const response = await mcp.fetch(request);
    return new Response(response.body, { status: response.status, headers: { ...corsHeaders } });
  },
};`;

// A Worker echoing the request's Origin.
const REFLECT_SET = `${V1_TRANSPORT}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const response = await transport.handleRequest(request);
    const headers = new Headers(response.headers);
    headers.set('Access-Control-Allow-Origin', request.headers.get('Origin') ?? '');
    return new Response(response.body, { status: response.status, headers });
  },
};`;

// A Worker echoing the request's Origin, with credentials.
const REFLECT_CREDENTIALS = `${V1_TRANSPORT}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const origin = request.headers.get('origin') ?? '';
    const response = await transport.handleRequest(request);
    return new Response(response.body, {
      status: response.status,
      headers: { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' },
    });
  },
};`;

/**
 * The guard the web-idiom token fix puts before a statement indented by `indent`. It tests the
 * method unless the handler serves POST alone (a Next.js `POST` export).
 */
function tokenGuard(bearer: boolean, indent: string, postOnly = false): string {
  const check = bearer
    ? "hasValidBearerToken(request.headers.get('authorization'))"
    : "hasValidCsrfToken(request.headers.get('x-mcp-csrf-token'))";
  const init = bearer ? "{ status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }" : '{ status: 403 }';
  return `if (${postOnly ? '' : "request.method === 'POST' && "}!${check}) {
${indent}  return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, ${init});
${indent}}
${indent}`;
}

/** The Host check the rebinding fix puts first in a web handler whose arrow is on a line indented by two spaces. */
const HOST_GUARD = `// DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
    if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(request.url).hostname)) {
      return Response.json({ error: 'Host not allowed' }, { status: 403 });
    }
    `;

/** `code` with the token fix: the guard before `before` (indented by `indent`) and the helpers at the end. */
function tokenFixed(code: string, before: string, indent: string, bearer: boolean, postOnly = false): string {
  return `${code.replace(before, `${tokenGuard(bearer, indent, postOnly)}${before}`)}\n\n${tokenHelpers({ bearer })}`;
}

/** BUN_SERVE with the token fix: the guard first in `fetch`. */
function bunServeFixed(bearer: boolean): string {
  return tokenFixed(BUN_SERVE, "if (request.method === 'POST' && new URL", '    ', bearer);
}

/** NEXT_POST with the token fix: the guard first in `POST`, with no test of the method. */
function nextPostFixed(bearer: boolean): string {
  return tokenFixed(NEXT_POST, 'return transport.handleRequest(request);', '  ', bearer, true);
}

/** `code` with the DNS rebinding protection of its transport on, for the hosts of `port`. */
function protectedTransport(code: string, port: number): string {
  return code.replace(
    '{ sessionIdGenerator: undefined }',
    `{ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:${port}', 'localhost:${port}'] }`,
  );
}

/** BUN_SERVE bound to `hostname`. */
function bunServeOn(hostname: string): string {
  return BUN_SERVE.replace('port: 3000,', `port: 3000,\n  hostname: ${hostname},`);
}

/** DENO bound to `hostname`: the options go before the handler. */
function denoOn(hostname: string): string {
  return DENO.replace('Deno.serve(', `Deno.serve({ hostname: ${hostname} }, `);
}

/** DENO_PORT bound to `hostname`. */
function denoPortOn(hostname: string): string {
  return DENO_PORT.replace('{ port: 8000 }', `{ port: 8000, hostname: ${hostname} }`);
}

/** `code` with its `*` replaced by ALLOWED_ORIGIN, declared after the import: the useAllowedOrigin suggestion. */
function allowedOriginFixed(code: string): string {
  return code
    .replace('\n', "\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n")
    .replace(/('Access-Control-Allow-Origin'[:,] )'\*'/u, '$1ALLOWED_ORIGIN');
}

/**
 * `code` with `reflected`, the echoed origin, replaced by `allowed`, and the allowlist of
 * `origins` and its helper declared after the transport: what the reflected-origin fix writes.
 */
function allowlisted(code: string, reflected: string, allowed: string, origins: string): string {
  return code.replace(reflected, allowed).replace(
    V1_TRANSPORT,
    `${V1_TRANSPORT}

const ALLOWED_ORIGINS: string[] = [${origins}];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}`,
  );
}

/** REFLECT_SET with the Origin passed through an allowlist of `origins`. */
function reflectSetFixed(origins: string): string {
  return allowlisted(
    REFLECT_SET,
    "request.headers.get('Origin') ?? ''",
    "allowedOrigin(request.headers.get('Origin'))",
    origins,
  );
}

/** REFLECT_CREDENTIALS with the Origin passed through an allowlist of `origins`. */
function reflectCredentialsFixed(origins: string): string {
  return allowlisted(
    REFLECT_CREDENTIALS,
    "'Access-Control-Allow-Origin': origin,",
    "'Access-Control-Allow-Origin': allowedOrigin(origin),",
    origins,
  );
}

const ruleTester = createRuleTester();

ruleTester.run('require-csrf-token: web-standard fetch handlers', requireCsrfTokenRule, {
  valid: [
    {
      name: 'a Worker that refuses a request without a valid bearer token (401) before the MCP route',
      code: WORKER_WITH_TOKEN,
    },
    {
      name: 'Bun.serve: a custom-header token, refused with 403 while unset or wrong',
      code: `${V1_TRANSPORT}

const TOKEN = process.env.MCP_CSRF_TOKEN;

Bun.serve({
  port: 3000,
  hostname: '127.0.0.1',
  async fetch(request) {
    if (!TOKEN || request.headers.get('X-MCP-CSRF-Token') !== TOKEN) {
      return new Response('Forbidden', { status: 403 });
    }
    if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
});`,
    },
    {
      name: 'Deno.serve: a helper of the file that reads the custom header, checked before the MCP handler',
      code: `${V2_HANDLER}

const CSRF_TOKEN = Deno.env.get('MCP_CSRF_TOKEN');

function hasCsrfToken(request: Request): boolean {
  const given = request.headers.get('X-MCP-CSRF-Token');
  return Boolean(CSRF_TOKEN) && given === CSRF_TOKEN;
}

Deno.serve({ hostname: '127.0.0.1' }, async (request) => {
  if (new URL(request.url).pathname !== '/mcp') return new Response('Not found', { status: 404 });
  if (!hasCsrfToken(request)) return new Response('Forbidden', { status: 403 });
  return mcp.fetch(request);
});`,
    },
    {
      name: 'a Next.js POST route handler that checks the bearer token first',
      code: `${V1_TRANSPORT}

declare function isValidToken(value: string | null): boolean;

export async function POST(request: Request): Promise<Response> {
  if (!isValidToken(request.headers.get('authorization'))) {
    return Response.json({ error: 'Unauthorized' }, { status: 401 });
  }
  return transport.handleRequest(request);
}`,
      filename: 'app/mcp/route.ts',
    },
    {
      name: 'a Next.js route file that exports only GET',
      code: `${V1_TRANSPORT}

export async function GET(request: Request): Promise<Response> {
  return transport.handleRequest(request);
}`,
      filename: 'app/mcp/route.ts',
    },
    {
      name: 'a fetch handler that serves no MCP: a POST /webhook',
      code: WEBHOOK,
    },
    {
      name: "Bun's default export serving no MCP",
      code: BUN_HELLO,
    },
    {
      name: 'a POST export in a route.ts that is not under app/ is no Next.js route handler',
      code: NEXT_POST,
      filename: 'lib/mcp/route.ts',
    },
    {
      name: 'a POST export under app/ in a file not named route.ts',
      code: NEXT_POST,
      filename: 'app/mcp/handler.ts',
    },
  ],
  invalid: failClosedFix([
    {
      name: 'Bun.serve: the POST /mcp branch, guarded in the web idiom (no Buffer, no node:crypto)',
      code: BUN_SERVE,
      output: bunServeFixed(false),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp` in this handler' },
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 34,
          suggestions: [{ messageId: 'useBearerToken', output: bunServeFixed(true) }],
        },
      ],
    },
    {
      name: "Bun's export default { port, fetch }: every method of /mcp, POST refused without the token",
      code: BUN_DEFAULT,
      output: tokenFixed(BUN_DEFAULT, "if (new URL(request.url).pathname === '/mcp')", '    ', false),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/mcp` in this handler' },
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: tokenFixed(BUN_DEFAULT, "if (new URL(request.url).pathname === '/mcp')", '    ', true),
            },
          ],
        },
      ],
    },
    {
      name: 'Deno.serve(handler): the guard goes after the preflight answer, before the MCP route',
      code: DENO,
      output: tokenFixed(DENO, "if (new URL(request.url).pathname !== '/mcp')", '  ', false),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/mcp` in this handler' },
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: tokenFixed(DENO, "if (new URL(request.url).pathname !== '/mcp')", '  ', true),
            },
          ],
        },
      ],
    },
    {
      name: 'a Next.js POST route handler: the route is the folder, and only POST reaches it',
      code: NEXT_POST,
      filename: 'app/mcp/route.ts',
      output: nextPostFixed(false),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 27,
          suggestions: [{ messageId: 'useBearerToken', output: nextPostFixed(true) }],
        },
      ],
    },
    {
      name: 'Next.js handlers exported as constants under app/api: POST is reported, GET is not',
      code: NEXT_CONST,
      filename: 'app/api/mcp/route.ts',
      output: tokenFixed(NEXT_CONST, 'return mcp.fetch(request);', '  ', false, true),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /api/mcp`' },
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: tokenFixed(NEXT_CONST, 'return mcp.fetch(request);', '  ', true, true),
            },
          ],
        },
      ],
    },
    {
      name: 'a Worker that takes env: reported, with no fix (its token belongs in env, not process.env)',
      code: WORKER,
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/mcp` in this handler' },
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 32,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a handler whose body is an expression: it takes a block body with the guard first',
      code: BUN_EXPRESSION,
      output: `${withBlockBody(BUN_EXPRESSION, '(request)', 'transport.handleRequest(request)', tokenGuard(false, '  '), '')}\n\n${tokenHelpers()}`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of this handler' },
          line: 5,
          column: 55,
          endLine: 5,
          endColumn: 100,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `${withBlockBody(BUN_EXPRESSION, '(request)', 'transport.handleRequest(request)', tokenGuard(true, '  '), '')}\n\n${tokenHelpers({ bearer: true })}`,
            },
          ],
        },
      ],
    },
    {
      name: "srvx's serve() with a parenthesized one-expression handler",
      code: SRVX_EXPRESSION,
      output: `${withBlockBody(SRVX_EXPRESSION, 'async (request)', '(mcp.fetch(request))', tokenGuard(false, '  '), '')}\n\n${tokenHelpers()}`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of this handler' },
          line: 6,
          column: 39,
          endLine: 6,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `${withBlockBody(SRVX_EXPRESSION, 'async (request)', '(mcp.fetch(request))', tokenGuard(true, '  '), '')}\n\n${tokenHelpers({ bearer: true })}`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run(
  'require-csrf-token: web-standard fetch handlers, the fail-closed change as the first suggestion by default',
  requireCsrfTokenRule,
  {
    valid: [],
    invalid: [
      {
        name: 'by default, Bun.serve gets the token header as the first suggestion and no autofix',
        code: BUN_SERVE,
        output: null,
        errors: [
          {
            messageId: 'missingCsrfCheck',
            data: { route: '`POST /mcp` in this handler' },
            line: 8,
            column: 9,
            endLine: 8,
            endColumn: 34,
            suggestions: [
              {
                messageId: 'requireTokenHeader',
                data: { header: '`x-mcp-csrf-token`' },
                output: bunServeFixed(false),
              },
              { messageId: 'useBearerToken', output: bunServeFixed(true) },
            ],
          },
        ],
      },
      {
        name: 'by default, a Next.js route handler gets the token header as the first suggestion and no autofix',
        code: NEXT_POST,
        filename: 'app/mcp/route.ts',
        output: null,
        errors: [
          {
            messageId: 'missingCsrfCheck',
            data: { route: '`POST /mcp`' },
            line: 5,
            column: 23,
            endLine: 5,
            endColumn: 27,
            suggestions: [
              {
                messageId: 'requireTokenHeader',
                data: { header: '`x-mcp-csrf-token`' },
                output: nextPostFixed(false),
              },
              { messageId: 'useBearerToken', output: nextPostFixed(true) },
            ],
          },
        ],
      },
    ],
  },
);

ruleTester.run('require-dns-rebinding-protection: web-standard fetch handlers', requireDnsRebindingProtectionRule, {
  valid: [
    {
      name: 'a Worker that refuses a Host outside a constant allowlist, even with trustCredentialChecks off',
      code: `${V1_TRANSPORT}

const ALLOWED_HOSTS = ['localhost:8787', '127.0.0.1:8787'];

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (!ALLOWED_HOSTS.includes(request.headers.get('host') ?? '')) {
      return new Response('Forbidden', { status: 403 });
    }
    if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
};`,
      options: [{ trustCredentialChecks: false }],
    },
    {
      name: 'a Worker that refuses an Origin outside a constant allowlist, even with trustCredentialChecks off',
      code: `${V2_HANDLER}

const ALLOWED_ORIGINS = new Set(['http://localhost:6274']);

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const origin = request.headers.get('Origin');
    if (origin !== null && !ALLOWED_ORIGINS.has(origin)) {
      return new Response('Forbidden', { status: 403 });
    }
    return mcp.fetch(request);
  },
};`,
      options: [{ trustCredentialChecks: false }],
    },
    {
      name: 'Deno.serve: a Host allowlist in front of a v2 handler, even with trustCredentialChecks off',
      code: `${V2_HANDLER}

const ALLOWED_HOSTS = ['localhost:8000', '127.0.0.1:8000'];

Deno.serve({ port: 8000, hostname: '127.0.0.1' }, (request) => {
  if (!ALLOWED_HOSTS.includes(request.headers.get('Host') ?? '')) {
    return new Response('Forbidden', { status: 403 });
  }
  return mcp.fetch(request);
});`,
      options: [{ trustCredentialChecks: false }],
    },
    {
      name: "Bun.serve with the v1 web transport's own protection on",
      code: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({
  sessionIdGenerator: undefined,
  enableDnsRebindingProtection: true,
  allowedHosts: ['127.0.0.1:3000', 'localhost:3000'],
});

Bun.serve({ port: 3000, hostname: '127.0.0.1', fetch: (request) => transport.handleRequest(request) });`,
      options: [{ trustCredentialChecks: false }],
    },
    {
      name: 'a Worker that refuses requests without a bearer token (trustCredentialChecks)',
      code: WORKER_WITH_TOKEN,
    },
    {
      name: 'a Next.js route handler that refuses requests without a bearer token (trustCredentialChecks)',
      code: `${V2_HANDLER}

declare function isValidToken(value: string | null): boolean;

export async function POST(request: Request): Promise<Response> {
  if (!isValidToken(request.headers.get('authorization'))) {
    return Response.json({ error: 'Unauthorized' }, { status: 401 });
  }
  return mcp.fetch(request);
}`,
      filename: 'app/mcp/route.ts',
    },
    {
      name: 'a fetch handler that serves no MCP',
      code: WEBHOOK,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'Bun.serve with a v1 web transport: allowedHosts for the port it listens on',
      code: BUN_SERVE,
      output: protectedTransport(BUN_SERVE, 3000),
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`WebStandardStreamableHTTPServerTransport`' },
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 63,
          suggestions: [],
        },
      ],
    },
    {
      name: "Bun's export default { port, fetch }: the port of the default export",
      code: BUN_DEFAULT,
      output: protectedTransport(BUN_DEFAULT, 3000),
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`WebStandardStreamableHTTPServerTransport`' },
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 63,
          suggestions: [],
        },
      ],
    },
    {
      name: 'Deno.serve({ port }, handler): the port of the options',
      code: DENO_PORT,
      output: protectedTransport(DENO_PORT, 8000),
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`WebStandardStreamableHTTPServerTransport`' },
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 63,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a Worker shows no port: reported, with no fix',
      code: WORKER,
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`WebStandardStreamableHTTPServerTransport`' },
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 63,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a Next.js route handler shows no port: reported, with no fix',
      code: NEXT_POST,
      filename: 'app/mcp/route.ts',
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`WebStandardStreamableHTTPServerTransport`' },
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 63,
          suggestions: [],
        },
      ],
    },
    {
      name: "a one-expression handler of Bun's default export: a block body with the Host check first",
      code: DEFAULT_EXPRESSION,
      output: withBlockBody(DEFAULT_EXPRESSION, '(request: Request)', 'mcp.fetch(request)', HOST_GUARD, '  '),
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'request handler' },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 8,
          suggestions: [],
        },
      ],
    },
  ]),
});

ruleTester.run(
  'require-dns-rebinding-protection: web-standard fetch handlers, the fail-closed change as the first suggestion by default',
  requireDnsRebindingProtectionRule,
  {
    valid: [],
    invalid: [
      {
        name: "by default, a one-expression handler's Host check is a suggestion, not an autofix",
        code: DEFAULT_EXPRESSION,
        output: null,
        errors: [
          {
            messageId: 'unprotectedApp',
            data: { app: 'request handler' },
            line: 8,
            column: 3,
            endLine: 8,
            endColumn: 8,
            suggestions: [
              {
                messageId: 'validateHost',
                output: withBlockBody(DEFAULT_EXPRESSION, '(request: Request)', 'mcp.fetch(request)', HOST_GUARD, '  '),
              },
            ],
          },
        ],
      },
      {
        name: "by default, turning on the transport's protection is a suggestion, not an autofix",
        code: BUN_DEFAULT,
        output: null,
        errors: [
          {
            messageId: 'unprotectedTransport',
            data: { transport: '`WebStandardStreamableHTTPServerTransport`' },
            line: 3,
            column: 23,
            endLine: 3,
            endColumn: 63,
            suggestions: [{ messageId: 'enableProtection', output: protectedTransport(BUN_DEFAULT, 3000) }],
          },
        ],
      },
    ],
  },
);

ruleTester.run('require-loopback-host: web-standard servers', requireLoopbackHostRule, {
  valid: [
    {
      name: "Bun's default export, Bun.serve and Deno.serve on loopback",
      code: `${bunHello("'127.0.0.1'")}

Bun.serve({ port: 3001, hostname: '127.0.0.1', fetch: () => new Response('ok') });
Deno.serve({ hostname: '127.0.0.1' }, () => new Response('ok'));
Deno.serve({ port: 8001, hostname: 'localhost', handler: () => new Response('ok') });`,
    },
    {
      name: 'a Cloudflare Worker binds nothing: no port, no hostname',
      code: `interface Env {
  MCP_AUTH_TOKEN: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    return new Response(new URL(request.url).pathname);
  },
} satisfies ExportedHandler<Env>;`,
    },
    {
      name: 'an MCP Worker with no port',
      code: WORKER,
    },
    {
      name: 'a default export with no fetch is no server',
      code: `export default { port: 3000, hostname: '0.0.0.0' };`,
    },
    {
      name: 'a Next.js route handler starts no server',
      code: NEXT_POST,
      filename: 'app/mcp/route.ts',
    },
  ],
  invalid: failClosedFix([
    {
      name: "Bun's export default { port, fetch } with no hostname, reported at its port",
      code: BUN_HELLO,
      output: bunHello("'127.0.0.1'"),
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: "Bun's `export default { fetch }`", hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 7,
          suggestions: [
            { messageId: 'useHostFromEnvironment', output: bunHello("process.env.HOST ?? '127.0.0.1'") },
            { messageId: 'useIpv6Loopback', output: bunHello("'::1'") },
            { messageId: 'useLocalhost', output: bunHello("'localhost'") },
          ],
        },
      ],
    },
    {
      name: "Bun's export default { port, fetch } with a shorthand port, as Bun's docs write it",
      code: BUN_SHORTHAND,
      output: bunShorthand("'127.0.0.1'"),
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: "Bun's `export default { fetch }`", hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 7,
          suggestions: [
            { messageId: 'useHostFromEnvironment', output: bunShorthand("process.env.HOST ?? '127.0.0.1'") },
            { messageId: 'useIpv6Loopback', output: bunShorthand("'::1'") },
            { messageId: 'useLocalhost', output: bunShorthand("'localhost'") },
          ],
        },
      ],
    },
    {
      name: "Bun's default export with hostname '0.0.0.0'",
      code: BUN_EVERY,
      output: bunHello("'127.0.0.1'"),
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: "Bun's `export default { fetch }`", hostLabel: '`hostname`', values: "`'0.0.0.0'`" },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 22,
          suggestions: [
            { messageId: 'useHostFromEnvironment', output: bunHello("process.env.HOST ?? '127.0.0.1'") },
            { messageId: 'useIpv6Loopback', output: bunHello("'::1'") },
            { messageId: 'useLocalhost', output: bunHello("'localhost'") },
          ],
        },
      ],
    },
    {
      name: 'Bun.serve({ port, fetch }) with no hostname',
      code: BUN_SERVE,
      output: bunServeOn("'127.0.0.1'"),
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`Bun.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 10,
          suggestions: [
            { messageId: 'useHostFromEnvironment', output: bunServeOn("process.env.HOST ?? '127.0.0.1'") },
            { messageId: 'useIpv6Loopback', output: bunServeOn("'::1'") },
            { messageId: 'useLocalhost', output: bunServeOn("'localhost'") },
          ],
        },
      ],
    },
    {
      name: 'Deno.serve(handler): the options are added before the handler',
      code: DENO,
      output: denoOn("'127.0.0.1'"),
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`Deno.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 5,
          column: 6,
          endLine: 5,
          endColumn: 11,
          suggestions: [
            { messageId: 'useIpv6Loopback', output: denoOn("'::1'") },
            { messageId: 'useLocalhost', output: denoOn("'localhost'") },
          ],
        },
      ],
    },
    {
      name: 'Deno.serve({ port }, handler) with no hostname',
      code: DENO_PORT,
      output: denoPortOn("'127.0.0.1'"),
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`Deno.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 5,
          column: 6,
          endLine: 5,
          endColumn: 11,
          suggestions: [
            { messageId: 'useIpv6Loopback', output: denoPortOn("'::1'") },
            { messageId: 'useLocalhost', output: denoPortOn("'localhost'") },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run(
  'require-loopback-host: web-standard servers, the fail-closed change as the first suggestion by default',
  requireLoopbackHostRule,
  {
    valid: [],
    invalid: [
      {
        name: "by default, Bun's default export gets 127.0.0.1 as the first suggestion",
        code: BUN_HELLO,
        output: null,
        errors: [
          {
            messageId: 'defaultHost',
            data: { api: "Bun's `export default { fetch }`", hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
            line: 2,
            column: 3,
            endLine: 2,
            endColumn: 7,
            suggestions: [
              { messageId: 'useIpv4Loopback', output: bunHello("'127.0.0.1'") },
              { messageId: 'useHostFromEnvironment', output: bunHello("process.env.HOST ?? '127.0.0.1'") },
              { messageId: 'useIpv6Loopback', output: bunHello("'::1'") },
              { messageId: 'useLocalhost', output: bunHello("'localhost'") },
            ],
          },
        ],
      },
    ],
  },
);

ruleTester.run('no-wildcard-origin: web-standard fetch handlers', noWildcardOriginRule, {
  valid: [
    {
      name: '`*` only on OAuth protected-resource metadata',
      code: `${V1_TRANSPORT}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (new URL(request.url).pathname === '/.well-known/oauth-protected-resource') {
      return Response.json(
        { resource: 'https://mcp.example.com/mcp' },
        { headers: { 'Access-Control-Allow-Origin': '*' } },
      );
    }
    return transport.handleRequest(request);
  },
};`,
    },
    {
      name: 'one fixed origin from a constant',
      code: `${V1_TRANSPORT}

const ALLOWED_ORIGIN = 'https://app.example.com';

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const response = await transport.handleRequest(request);
    const headers = new Headers(response.headers);
    headers.set('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
    return new Response(response.body, { status: response.status, headers });
  },
};`,
    },
  ],
  invalid: failClosedFix([
    {
      name: "`*` in a Response's headers",
      code: WILDCARD_INIT,
      output: WILDCARD_INIT.replace(", 'Access-Control-Allow-Origin': '*'", ''),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 10,
          column: 54,
          endLine: 10,
          endColumn: 88,
          suggestions: [{ messageId: 'useAllowedOrigin', output: allowedOriginFixed(WILDCARD_INIT) }],
        },
      ],
    },
    {
      name: '`*` set on a Headers object',
      code: WILDCARD_SET,
      output: WILDCARD_SET.replace("    headers.set('Access-Control-Allow-Origin', '*');\n", ''),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 52,
          suggestions: [{ messageId: 'useAllowedOrigin', output: allowedOriginFixed(WILDCARD_SET) }],
        },
      ],
    },
    {
      name: '`*` in a headers constant spread into Responses',
      code: WILDCARD_CONSTANT,
      output: WILDCARD_CONSTANT.replace("  'Access-Control-Allow-Origin': '*',\n", ''),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 37,
          suggestions: [{ messageId: 'useAllowedOrigin', output: allowedOriginFixed(WILDCARD_CONSTANT) }],
        },
      ],
    },
  ]),
});

ruleTester.run(
  'no-wildcard-origin: web-standard fetch handlers, the fail-closed change as the first suggestion by default',
  noWildcardOriginRule,
  {
    valid: [],
    invalid: [
      {
        name: "by default, removing the `*` from a Response's headers is the first suggestion",
        code: WILDCARD_INIT,
        output: null,
        errors: [
          {
            messageId: 'wildcardOrigin',
            data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
            line: 10,
            column: 54,
            endLine: 10,
            endColumn: 88,
            suggestions: [
              { messageId: 'denyOrigins', output: WILDCARD_INIT.replace(", 'Access-Control-Allow-Origin': '*'", '') },
              { messageId: 'useAllowedOrigin', output: allowedOriginFixed(WILDCARD_INIT) },
            ],
          },
        ],
      },
    ],
  },
);

ruleTester.run('no-reflected-origin: web-standard fetch handlers', noReflectedOriginRule, {
  valid: [
    {
      name: 'an Origin refused unless a constant allowlist lists it, then echoed',
      code: `${V2_HANDLER}

const ALLOWED_ORIGINS = ['http://localhost:6274'];

function withCors(response: Response, origin: string | null): Response {
  if (origin === null) return response;
  const headers = new Headers(response.headers);
  headers.set('Access-Control-Allow-Origin', origin);
  headers.append('Vary', 'Origin');
  return new Response(response.body, { status: response.status, headers });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const origin = request.headers.get('Origin');
    if (origin !== null && !ALLOWED_ORIGINS.includes(origin)) return new Response('Forbidden', { status: 403 });
    return withCors(await mcp.fetch(request), origin);
  },
};`,
    },
    {
      name: 'an Origin echoed only when a constant allowlist lists it',
      code: `${V1_TRANSPORT}

const ALLOWED_ORIGINS = ['https://app.example.com'];

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const origin = request.headers.get('Origin') ?? '';
    const response = await transport.handleRequest(request);
    const headers = new Headers(response.headers);
    if (ALLOWED_ORIGINS.includes(origin)) headers.set('Access-Control-Allow-Origin', origin);
    return new Response(response.body, { status: response.status, headers });
  },
};`,
    },
  ],
  invalid: failClosedFix([
    {
      name: "the request's Origin set on a Headers object",
      code: REFLECT_SET,
      output: reflectSetFixed(''),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 84,
          suggestions: [{ messageId: 'useAllowlist', output: reflectSetFixed("'https://app.example.com'") }],
        },
      ],
    },
    {
      name: "the request's Origin in a Response's headers, with credentials",
      code: REFLECT_CREDENTIALS,
      output: reflectCredentialsFixed(''),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: ', credentials included' },
          line: 11,
          column: 18,
          endLine: 11,
          endColumn: 55,
          suggestions: [{ messageId: 'useAllowlist', output: reflectCredentialsFixed("'https://app.example.com'") }],
        },
      ],
    },
  ]),
});

ruleTester.run(
  'no-reflected-origin: web-standard fetch handlers, the fail-closed change as the first suggestion by default',
  noReflectedOriginRule,
  {
    valid: [],
    invalid: [
      {
        name: 'by default, an empty allowlist is the first suggestion for an echoed Origin',
        code: REFLECT_SET,
        output: null,
        errors: [
          {
            messageId: 'reflectedOrigin',
            data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
            line: 9,
            column: 5,
            endLine: 9,
            endColumn: 84,
            suggestions: [
              { messageId: 'checkEmptyAllowlist', output: reflectSetFixed('') },
              { messageId: 'useAllowlist', output: reflectSetFixed("'https://app.example.com'") },
            ],
          },
        ],
      },
    ],
  },
);

/**
 * A Next.js route handler that goes on only with what `userFrom` hands back, which `fallback` may
 * make from the cookie.
 */
const USER_FROM = (fallback: string): string => `${V1_TRANSPORT}

async function userFrom(request: Request): Promise<string | null> {
  const auth = request.headers.get('authorization');
  if (auth?.startsWith('Bearer ')) return auth.slice(7) === process.env.MCP_TOKEN ? 'api-user' : null;
  ${fallback}
}

export async function POST(request: Request) {
  const user = await userFrom(request);
  if (!user) return Response.json({ error: 'Unauthorized' }, { status: 401 });
  return transport.handleRequest(request);
}`;

const COOKIE_FALLBACK =
  "const session = await sessions.getSession(request.headers.get('cookie'));\n  return session.get('email') ?? null;";

ruleTester.run('require-csrf-token: a bearer check that falls back to the session cookie', requireCsrfTokenRule, {
  valid: [
    {
      name: 'no fallback: a request without the bearer token gets nothing back',
      code: USER_FROM('return null;'),
      filename: 'app/api/mcp/route.ts',
    },
  ],
  invalid: [
    {
      name: 'the browser sends the cookie with a cross-site request, so a request without the header goes on',
      code: USER_FROM(COOKIE_FALLBACK),
      filename: 'app/api/mcp/route.ts',
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /api/mcp`' },
          line: 12,
          column: 23,
          endLine: 12,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: tokenFixed(USER_FROM(COOKIE_FALLBACK), 'const user = await', '  ', false, true),
            },
            {
              messageId: 'useBearerToken',
              output: tokenFixed(USER_FROM(COOKIE_FALLBACK), 'const user = await', '  ', true, true),
            },
          ],
        },
      ],
    },
  ],
});
