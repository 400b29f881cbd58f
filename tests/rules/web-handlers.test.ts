import noReflectedOriginRule from '../../src/rules/no-reflected-origin';
import noWildcardOriginRule from '../../src/rules/no-wildcard-origin';
import requireCsrfTokenRule from '../../src/rules/require-csrf-token';
import requireDnsRebindingProtectionRule from '../../src/rules/require-dns-rebinding-protection';
import requireLoopbackHostRule from '../../src/rules/require-loopback-host';
import { createRuleTester, failClosedFix } from '../rule-tester';

// Web-standard request handlers as servers and MCP routes: a Cloudflare Worker's or Bun's
// `export default { fetch }`, `Bun.serve({ fetch })`, `Deno.serve(handler)`, and Next.js App
// Router route handlers (`export async function POST` in `app/**/route.ts`). Each rule sees the
// unsafe shape, and the same shape made safe. Bun and Deno are globals of their runtimes, and
// `Env` and `ExecutionContext` are Cloudflare's types: the cases are parsed, not type-checked.

// A Cloudflare Worker: it reads its settings from the `env` it is handed, and binds no port.
const WORKER = `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/mcp') {
      return transport.handleRequest(request);
    }
    return new Response('Not found', { status: 404 });
  },
};`;

// Bun.serve() with a port and no hostname: Bun binds 0.0.0.0.
const BUN_SERVE = `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

Bun.serve({
  port: 3000,
  async fetch(request) {
    if (request.method === 'POST' && new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
});`;

// Bun's default export with a port: Bun serves it on 0.0.0.0.
const BUN_DEFAULT = `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export default {
  port: 3000,
  async fetch(request: Request): Promise<Response> {
    if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
};`;

// Deno.serve(handler): Deno binds 0.0.0.0; the handler answers preflights before the MCP route.
const DENO = `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

Deno.serve(async (request) => {
  if (request.method === 'OPTIONS') {
    return new Response(null, { status: 204 });
  }
  if (new URL(request.url).pathname !== '/mcp') return new Response('Not found', { status: 404 });
  return mcp.fetch(request);
});`;

// Deno.serve(options, handler) with a port and no hostname.
const DENO_PORT = `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

Deno.serve({ port: 8000 }, async (request) => {
  if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
  return new Response('Not found', { status: 404 });
});`;

// A Next.js route handler (linted as app/mcp/route.ts) that hands POST to an MCP transport.
const NEXT_POST = `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export async function POST(request: Request): Promise<Response> {
  return transport.handleRequest(request);
}`;

// Route handlers exported as constants (linted as app/api/mcp/route.ts): GET takes no POST.
const NEXT_CONST = `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

export const GET = (request: Request): Promise<Response> => mcp.fetch(request);

export const POST = async (request: Request): Promise<Response> => {
  return mcp.fetch(request);
};`;

// A handler whose body is an expression: no place for a guard.
const BUN_EXPRESSION = `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

Bun.serve({ port: 3000, hostname: '127.0.0.1', fetch: (request) => transport.handleRequest(request) });`;

// Bun's default export with a port, serving no MCP.
const BUN_HELLO = `export default {
  port: 3000,
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};`;

// Bun's default export with hostname 0.0.0.0.
const BUN_EVERY = `export default {
  port: 3000,
  hostname: '0.0.0.0',
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};`;

// A Worker answering with `*` in a Response's headers.
const WILDCARD_INIT = `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

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
const WILDCARD_SET = `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const response = await transport.handleRequest(request);
    const headers = new Headers(response.headers);
    headers.set('Access-Control-Allow-Origin', '*');
    return new Response(response.body, { status: response.status, headers });
  },
};`;

// A headers constant spread into several Responses: one report, at its property.
const WILDCARD_CONSTANT = `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

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
const REFLECT_SET = `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const response = await transport.handleRequest(request);
    const headers = new Headers(response.headers);
    headers.set('Access-Control-Allow-Origin', request.headers.get('Origin') ?? '');
    return new Response(response.body, { status: response.status, headers });
  },
};`;

// A Worker echoing the request's Origin, with credentials.
const REFLECT_CREDENTIALS = `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

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

const ruleTester = createRuleTester();

ruleTester.run('require-csrf-token: web-standard fetch handlers', requireCsrfTokenRule, {
  valid: [
    {
      name: 'a Worker that refuses a request without a valid bearer token (401) before the MCP route',
      code: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

declare function isValidToken(value: string | null, env: Env): Promise<boolean>;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (!(await isValidToken(request.headers.get('Authorization'), env))) {
      return new Response('Unauthorized', { status: 401 });
    }
    if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
};`,
    },
    {
      name: 'Bun.serve: a custom-header token, refused with 403 while unset or wrong',
      code: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

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
      code: `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

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
      code: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

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
      code: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export async function GET(request: Request): Promise<Response> {
  return transport.handleRequest(request);
}`,
      filename: 'app/mcp/route.ts',
    },
    {
      name: 'a fetch handler that serves no MCP: a POST /webhook',
      code: `export default {
  port: 3000,
  hostname: '127.0.0.1',
  async fetch(request: Request): Promise<Response> {
    if (request.method === 'POST' && new URL(request.url).pathname === '/webhook') {
      return Response.json({ received: await request.json() });
    }
    return new Response('hello');
  },
};`,
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
      output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

Bun.serve({
  port: 3000,
  async fetch(request) {
    if (request.method === 'POST' && !hasValidCsrfToken(request.headers.get('x-mcp-csrf-token'))) {
      return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 403 });
    }
    if (request.method === 'POST' && new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
});

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = MCP_CSRF_TOKEN;
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}`,
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
              messageId: 'useBearerToken',
              output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

Bun.serve({
  port: 3000,
  async fetch(request) {
    if (request.method === 'POST' && !hasValidBearerToken(request.headers.get('authorization'))) {
      return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    if (request.method === 'POST' && new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
});

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = \`Bearer \${MCP_AUTH_TOKEN}\`;
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}`,
            },
          ],
        },
      ],
    },
    {
      name: "Bun's export default { port, fetch }: every method of /mcp, POST refused without the token",
      code: BUN_DEFAULT,
      output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export default {
  port: 3000,
  async fetch(request: Request): Promise<Response> {
    if (request.method === 'POST' && !hasValidCsrfToken(request.headers.get('x-mcp-csrf-token'))) {
      return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 403 });
    }
    if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
};

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = MCP_CSRF_TOKEN;
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}`,
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
              output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export default {
  port: 3000,
  async fetch(request: Request): Promise<Response> {
    if (request.method === 'POST' && !hasValidBearerToken(request.headers.get('authorization'))) {
      return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
};

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = \`Bearer \${MCP_AUTH_TOKEN}\`;
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'Deno.serve(handler): the guard goes after the preflight answer, before the MCP route',
      code: DENO,
      output: `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

Deno.serve(async (request) => {
  if (request.method === 'OPTIONS') {
    return new Response(null, { status: 204 });
  }
  if (request.method === 'POST' && !hasValidCsrfToken(request.headers.get('x-mcp-csrf-token'))) {
    return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 403 });
  }
  if (new URL(request.url).pathname !== '/mcp') return new Response('Not found', { status: 404 });
  return mcp.fetch(request);
});

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = MCP_CSRF_TOKEN;
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}`,
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
              output: `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

Deno.serve(async (request) => {
  if (request.method === 'OPTIONS') {
    return new Response(null, { status: 204 });
  }
  if (request.method === 'POST' && !hasValidBearerToken(request.headers.get('authorization'))) {
    return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  if (new URL(request.url).pathname !== '/mcp') return new Response('Not found', { status: 404 });
  return mcp.fetch(request);
});

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = \`Bearer \${MCP_AUTH_TOKEN}\`;
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a Next.js POST route handler: the route is the folder, and only POST reaches it',
      code: NEXT_POST,
      filename: 'app/mcp/route.ts',
      output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export async function POST(request: Request): Promise<Response> {
  if (!hasValidCsrfToken(request.headers.get('x-mcp-csrf-token'))) {
    return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 403 });
  }
  return transport.handleRequest(request);
}

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = MCP_CSRF_TOKEN;
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}`,
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
              messageId: 'useBearerToken',
              output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export async function POST(request: Request): Promise<Response> {
  if (!hasValidBearerToken(request.headers.get('authorization'))) {
    return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  return transport.handleRequest(request);
}

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = \`Bearer \${MCP_AUTH_TOKEN}\`;
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'Next.js handlers exported as constants under app/api: POST is reported, GET is not',
      code: NEXT_CONST,
      filename: 'app/api/mcp/route.ts',
      output: `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

export const GET = (request: Request): Promise<Response> => mcp.fetch(request);

export const POST = async (request: Request): Promise<Response> => {
  if (!hasValidCsrfToken(request.headers.get('x-mcp-csrf-token'))) {
    return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 403 });
  }
  return mcp.fetch(request);
};

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = MCP_CSRF_TOKEN;
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}`,
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
              output: `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

export const GET = (request: Request): Promise<Response> => mcp.fetch(request);

export const POST = async (request: Request): Promise<Response> => {
  if (!hasValidBearerToken(request.headers.get('authorization'))) {
    return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  return mcp.fetch(request);
};

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = \`Bearer \${MCP_AUTH_TOKEN}\`;
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}`,
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
      name: 'a handler whose body is an expression: reported, with no fix',
      code: BUN_EXPRESSION,
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of this handler' },
          line: 5,
          column: 55,
          endLine: 5,
          endColumn: 100,
          suggestions: [],
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
                output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

Bun.serve({
  port: 3000,
  async fetch(request) {
    if (request.method === 'POST' && !hasValidCsrfToken(request.headers.get('x-mcp-csrf-token'))) {
      return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 403 });
    }
    if (request.method === 'POST' && new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
});

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = MCP_CSRF_TOKEN;
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}`,
              },
              {
                messageId: 'useBearerToken',
                output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

Bun.serve({
  port: 3000,
  async fetch(request) {
    if (request.method === 'POST' && !hasValidBearerToken(request.headers.get('authorization'))) {
      return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    if (request.method === 'POST' && new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
});

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = \`Bearer \${MCP_AUTH_TOKEN}\`;
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}`,
              },
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
                output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export async function POST(request: Request): Promise<Response> {
  if (!hasValidCsrfToken(request.headers.get('x-mcp-csrf-token'))) {
    return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 403 });
  }
  return transport.handleRequest(request);
}

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = MCP_CSRF_TOKEN;
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}`,
              },
              {
                messageId: 'useBearerToken',
                output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export async function POST(request: Request): Promise<Response> {
  if (!hasValidBearerToken(request.headers.get('authorization'))) {
    return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  return transport.handleRequest(request);
}

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = \`Bearer \${MCP_AUTH_TOKEN}\`;
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}`,
              },
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
      code: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

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
      code: `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

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
      code: `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

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
      code: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

declare function isValidToken(value: string | null, env: Env): Promise<boolean>;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (!(await isValidToken(request.headers.get('Authorization'), env))) {
      return new Response('Unauthorized', { status: 401 });
    }
    if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
};`,
    },
    {
      name: 'a Next.js route handler that refuses requests without a bearer token (trustCredentialChecks)',
      code: `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

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
      code: `export default {
  port: 3000,
  hostname: '127.0.0.1',
  async fetch(request: Request): Promise<Response> {
    if (request.method === 'POST' && new URL(request.url).pathname === '/webhook') {
      return Response.json({ received: await request.json() });
    }
    return new Response('hello');
  },
};`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'Bun.serve with a v1 web transport: allowedHosts for the port it listens on',
      code: BUN_SERVE,
      output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] });

Bun.serve({
  port: 3000,
  async fetch(request) {
    if (request.method === 'POST' && new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
});`,
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
      output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] });

export default {
  port: 3000,
  async fetch(request: Request): Promise<Response> {
    if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
};`,
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
      output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:8000', 'localhost:8000'] });

Deno.serve({ port: 8000 }, async (request) => {
  if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
  return new Response('Not found', { status: 404 });
});`,
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
  ]),
});

ruleTester.run(
  'require-dns-rebinding-protection: web-standard fetch handlers, the fail-closed change as the first suggestion by default',
  requireDnsRebindingProtectionRule,
  {
    valid: [],
    invalid: [
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
            suggestions: [
              {
                messageId: 'enableProtection',
                output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] });

export default {
  port: 3000,
  async fetch(request: Request): Promise<Response> {
    if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
};`,
              },
            ],
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
      code: `export default {
  port: 3000,
  hostname: '127.0.0.1',
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};

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
      output: `export default {
  port: 3000,
  hostname: '127.0.0.1',
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};`,
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: "Bun's `export default { fetch }`", hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `export default {
  port: 3000,
  hostname: process.env.HOST ?? '127.0.0.1',
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `export default {
  port: 3000,
  hostname: '::1',
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};`,
            },
            {
              messageId: 'useLocalhost',
              output: `export default {
  port: 3000,
  hostname: 'localhost',
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};`,
            },
          ],
        },
      ],
    },
    {
      name: "Bun's default export with hostname '0.0.0.0'",
      code: BUN_EVERY,
      output: `export default {
  port: 3000,
  hostname: '127.0.0.1',
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: "Bun's `export default { fetch }`", hostLabel: '`hostname`', values: "`'0.0.0.0'`" },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `export default {
  port: 3000,
  hostname: process.env.HOST ?? '127.0.0.1',
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `export default {
  port: 3000,
  hostname: '::1',
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};`,
            },
            {
              messageId: 'useLocalhost',
              output: `export default {
  port: 3000,
  hostname: 'localhost',
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'Bun.serve({ port, fetch }) with no hostname',
      code: BUN_SERVE,
      output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

Bun.serve({
  port: 3000,
  hostname: '127.0.0.1',
  async fetch(request) {
    if (request.method === 'POST' && new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
});`,
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`Bun.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

Bun.serve({
  port: 3000,
  hostname: process.env.HOST ?? '127.0.0.1',
  async fetch(request) {
    if (request.method === 'POST' && new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
});`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

Bun.serve({
  port: 3000,
  hostname: '::1',
  async fetch(request) {
    if (request.method === 'POST' && new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
});`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

Bun.serve({
  port: 3000,
  hostname: 'localhost',
  async fetch(request) {
    if (request.method === 'POST' && new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
    return new Response('Not found', { status: 404 });
  },
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Deno.serve(handler): the options are added before the handler',
      code: DENO,
      output: `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

Deno.serve({ hostname: '127.0.0.1' }, async (request) => {
  if (request.method === 'OPTIONS') {
    return new Response(null, { status: 204 });
  }
  if (new URL(request.url).pathname !== '/mcp') return new Response('Not found', { status: 404 });
  return mcp.fetch(request);
});`,
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`Deno.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 5,
          column: 6,
          endLine: 5,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useIpv6Loopback',
              output: `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

Deno.serve({ hostname: '::1' }, async (request) => {
  if (request.method === 'OPTIONS') {
    return new Response(null, { status: 204 });
  }
  if (new URL(request.url).pathname !== '/mcp') return new Response('Not found', { status: 404 });
  return mcp.fetch(request);
});`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

Deno.serve({ hostname: 'localhost' }, async (request) => {
  if (request.method === 'OPTIONS') {
    return new Response(null, { status: 204 });
  }
  if (new URL(request.url).pathname !== '/mcp') return new Response('Not found', { status: 404 });
  return mcp.fetch(request);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Deno.serve({ port }, handler) with no hostname',
      code: DENO_PORT,
      output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

Deno.serve({ port: 8000, hostname: '127.0.0.1' }, async (request) => {
  if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
  return new Response('Not found', { status: 404 });
});`,
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`Deno.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 5,
          column: 6,
          endLine: 5,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useIpv6Loopback',
              output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

Deno.serve({ port: 8000, hostname: '::1' }, async (request) => {
  if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
  return new Response('Not found', { status: 404 });
});`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

Deno.serve({ port: 8000, hostname: 'localhost' }, async (request) => {
  if (new URL(request.url).pathname === '/mcp') return transport.handleRequest(request);
  return new Response('Not found', { status: 404 });
});`,
            },
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
              {
                messageId: 'useIpv4Loopback',
                output: `export default {
  port: 3000,
  hostname: '127.0.0.1',
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};`,
              },
              {
                messageId: 'useHostFromEnvironment',
                output: `export default {
  port: 3000,
  hostname: process.env.HOST ?? '127.0.0.1',
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};`,
              },
              {
                messageId: 'useIpv6Loopback',
                output: `export default {
  port: 3000,
  hostname: '::1',
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};`,
              },
              {
                messageId: 'useLocalhost',
                output: `export default {
  port: 3000,
  hostname: 'localhost',
  fetch(request: Request): Response {
    return new Response('hello ' + new URL(request.url).pathname);
  },
};`,
              },
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
      code: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

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
      code: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

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
      output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const response = await transport.handleRequest(request);
    return new Response(response.body, {
      status: response.status,
      headers: { 'Content-Type': 'application/json' },
    });
  },
};`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 10,
          column: 54,
          endLine: 10,
          endColumn: 88,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const ALLOWED_ORIGIN = 'https://app.example.com';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const response = await transport.handleRequest(request);
    return new Response(response.body, {
      status: response.status,
      headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': ALLOWED_ORIGIN },
    });
  },
};`,
            },
          ],
        },
      ],
    },
    {
      name: '`*` set on a Headers object',
      code: WILDCARD_SET,
      output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const response = await transport.handleRequest(request);
    const headers = new Headers(response.headers);
    return new Response(response.body, { status: response.status, headers });
  },
};`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const ALLOWED_ORIGIN = 'https://app.example.com';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

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
        },
      ],
    },
    {
      name: '`*` in a headers constant spread into Responses',
      code: WILDCARD_CONSTANT,
      output: `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

const corsHeaders = {
  'Access-Control-Allow-Headers': 'Content-Type, Mcp-Session-Id',
};

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: corsHeaders });
    const response = await mcp.fetch(request);
    return new Response(response.body, { status: response.status, headers: { ...corsHeaders } });
  },
};`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const ALLOWED_ORIGIN = 'https://app.example.com';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

const corsHeaders = {
  'Access-Control-Allow-Origin': ALLOWED_ORIGIN,
  'Access-Control-Allow-Headers': 'Content-Type, Mcp-Session-Id',
};

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: corsHeaders });
    const response = await mcp.fetch(request);
    return new Response(response.body, { status: response.status, headers: { ...corsHeaders } });
  },
};`,
            },
          ],
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
              {
                messageId: 'denyOrigins',
                output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const response = await transport.handleRequest(request);
    return new Response(response.body, {
      status: response.status,
      headers: { 'Content-Type': 'application/json' },
    });
  },
};`,
              },
              {
                messageId: 'useAllowedOrigin',
                output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const ALLOWED_ORIGIN = 'https://app.example.com';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const response = await transport.handleRequest(request);
    return new Response(response.body, {
      status: response.status,
      headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': ALLOWED_ORIGIN },
    });
  },
};`,
              },
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
      code: `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

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
      code: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

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
      output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const response = await transport.handleRequest(request);
    const headers = new Headers(response.headers);
    headers.set('Access-Control-Allow-Origin', allowedOrigin(request.headers.get('Origin')));
    return new Response(response.body, { status: response.status, headers });
  },
};`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const response = await transport.handleRequest(request);
    const headers = new Headers(response.headers);
    headers.set('Access-Control-Allow-Origin', allowedOrigin(request.headers.get('Origin')));
    return new Response(response.body, { status: response.status, headers });
  },
};`,
            },
          ],
        },
      ],
    },
    {
      name: "the request's Origin in a Response's headers, with credentials",
      code: REFLECT_CREDENTIALS,
      output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const origin = request.headers.get('origin') ?? '';
    const response = await transport.handleRequest(request);
    return new Response(response.body, {
      status: response.status,
      headers: { 'Access-Control-Allow-Origin': allowedOrigin(origin), 'Access-Control-Allow-Credentials': 'true' },
    });
  },
};`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: ', credentials included' },
          line: 11,
          column: 18,
          endLine: 11,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const origin = request.headers.get('origin') ?? '';
    const response = await transport.handleRequest(request);
    return new Response(response.body, {
      status: response.status,
      headers: { 'Access-Control-Allow-Origin': allowedOrigin(origin), 'Access-Control-Allow-Credentials': 'true' },
    });
  },
};`,
            },
          ],
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
              {
                messageId: 'checkEmptyAllowlist',
                output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const response = await transport.handleRequest(request);
    const headers = new Headers(response.headers);
    headers.set('Access-Control-Allow-Origin', allowedOrigin(request.headers.get('Origin')));
    return new Response(response.body, { status: response.status, headers });
  },
};`,
              },
              {
                messageId: 'useAllowlist',
                output: `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const response = await transport.handleRequest(request);
    const headers = new Headers(response.headers);
    headers.set('Access-Control-Allow-Origin', allowedOrigin(request.headers.get('Origin')));
    return new Response(response.body, { status: response.status, headers });
  },
};`,
              },
            ],
          },
        ],
      },
    ],
  },
);
