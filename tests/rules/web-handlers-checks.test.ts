import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester, failClosedFix } from '../rule-tester';
import { missingCheck, tokenHelpers } from '../support/fix-text';

// What counts as a check in a web handler, and the handler shapes that reach MCP by another way
// than an inline function: a Deno handler declared apart, one function exported for several
// methods, and an MCP package's handler exported from a dynamic route folder.

const ruleTester = createRuleTester();

const HANDLER = `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const mcp = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));
`;

/** The guard the web-idiom token fix puts before `before`, indented by `indent`. */
function tokenGuard(bearer: boolean, indent: string): string {
  const test = bearer
    ? "!hasValidBearerToken(request.headers.get('authorization'))"
    : "!hasValidCsrfToken(request.headers.get('x-mcp-csrf-token'))";
  const init = bearer ? "{ status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }" : '{ status: 403 }';
  return `if (request.method === 'POST' && ${test}) {
${indent}  return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, ${init});
${indent}}
${indent}`;
}

const ACCEPT_CHECK = `${HANDLER}
export default {
  async fetch(request: Request): Promise<Response> {
    if (request.headers.get('accept') !== 'application/json, text/event-stream') {
      return new Response('Not acceptable', { status: 406 });
    }
    return mcp.fetch(request);
  },
};`;

const DENO_HANDLER = `${HANDLER}
async function handler(request: Request): Promise<Response> {
  if (new URL(request.url).pathname !== '/mcp') return new Response('Not found', { status: 404 });
  return mcp.fetch(request);
}

Deno.serve(handler);`;

/** ACCEPT_CHECK with the guard first in `fetch` and the helpers after the export. */
function acceptFixed(bearer: boolean): string {
  return `${ACCEPT_CHECK.replace("if (request.headers.get('accept')", `${tokenGuard(bearer, '    ')}if (request.headers.get('accept')`)}\n\n${tokenHelpers({ bearer })}`;
}

/** DENO_HANDLER with the guard first in the handler and the helpers after it. */
function denoFixed(bearer: boolean): string {
  return DENO_HANDLER.replace(
    'if (new URL(request.url)',
    `${tokenGuard(bearer, '  ')}if (new URL(request.url)`,
  ).replace('\n\nDeno.serve(handler);', `\n\n${tokenHelpers({ bearer })}\n\nDeno.serve(handler);`);
}

const ROUTE_EXPORTS = `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

async function handler(request: Request): Promise<Response> {
  return transport.handleRequest(request);
}

export { handler as GET, handler as POST };`;

function routeExportsFixed(bearer: boolean): string {
  const guarded = ROUTE_EXPORTS.replace(
    'return transport.handleRequest(request);',
    `${tokenGuard(bearer, '  ')}return transport.handleRequest(request);`,
  );
  return `${guarded}\n\n${tokenHelpers({ bearer })}`;
}

const VERCEL_ROUTE = `import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';

const handler = createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' }));

export { handler as GET, handler as POST, handler as DELETE };`;

/** A handler that refuses unless `isAuthorized(request)`, whose token comes from a second helper reading `header`. */
const VERDICT_HELPER = (header: string): string => `${HANDLER}
function readToken(request: Request): string | undefined {
  const value = request.headers.get('${header}');
  return value?.startsWith('Bearer ') ? value.slice(7) : undefined;
}

function isAuthorized(request: Request): boolean {
  const token = readToken(request);
  if (!token) return false;
  return token === process.env.MCP_TOKEN;
}

export default {
  async fetch(request: Request): Promise<Response> {
    if (!isAuthorized(request)) return new Response('Unauthorized', { status: 401 });
    return mcp.fetch(request);
  },
};`;

ruleTester.run('require-csrf-token: web handler checks and shapes', csrfRule, {
  valid: [
    {
      name: 'a verdict helper whose token comes from a second helper that reads Authorization',
      code: VERDICT_HELPER('authorization'),
    },
    {
      name: 'a bearer token read with headers.get() and refused with 401',
      code: `${HANDLER}
export default {
  async fetch(request: Request): Promise<Response> {
    if (request.headers.get('authorization') !== \`Bearer \${process.env.MCP_TOKEN}\`) {
      return new Response('Unauthorized', { status: 401 });
    }
    return mcp.fetch(request);
  },
};`,
    },
  ],
  invalid: [
    {
      name: 'a check of the Accept header is no credential (headers.get is no header named `get`)',
      code: ACCEPT_CHECK,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of this handler' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 14,
          suggestions: [
            { messageId: 'requireTokenHeader', data: { header: '`x-mcp-csrf-token`' }, output: acceptFixed(false) },
            { messageId: 'useBearerToken', output: acceptFixed(true) },
          ],
        },
      ],
    },
    {
      name: 'a verdict helper whose token comes from a helper that reads the Cookie header, which a cross-site request carries',
      code: VERDICT_HELPER('cookie'),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of this handler' },
          line: 17,
          column: 9,
          endLine: 17,
          endColumn: 14,
          suggestions: [false, true].map((bearer) => ({
            messageId: bearer ? ('useBearerToken' as const) : ('requireTokenHeader' as const),
            ...(bearer ? {} : { data: { header: '`x-mcp-csrf-token`' } }),
            output: `${VERDICT_HELPER('cookie').replace('if (!isAuthorized', `${tokenGuard(bearer, '    ')}if (!isAuthorized`)}\n\n${tokenHelpers({ bearer })}`,
          })),
        },
      ],
    },
    {
      name: 'Deno.serve(handler) with the handler declared apart',
      code: DENO_HANDLER,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/mcp` in this handler' },
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 47,
          suggestions: [
            { messageId: 'requireTokenHeader', data: { header: '`x-mcp-csrf-token`' }, output: denoFixed(false) },
            { messageId: 'useBearerToken', output: denoFixed(true) },
          ],
        },
      ],
    },
    {
      name: 'one function exported for GET and POST: the POST export is the route, and the guard tests the method',
      filename: 'app/mcp/route.ts',
      code: ROUTE_EXPORTS,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: routeExportsFixed(false),
            },
            { messageId: 'useBearerToken', output: routeExportsFixed(true) },
          ],
        },
      ],
    },
    {
      name: "an MCP package's handler exported from app/api/[transport]/route.ts: no fix reaches inside it",
      filename: 'app/api/[transport]/route.ts',
      code: VERCEL_ROUTE,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /api/:transport`' },
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: web handler checks and shapes', dnsRule, {
  valid: [
    {
      name: 'a verdict helper whose token comes from a second helper: a rebinding page has no token',
      code: VERDICT_HELPER('authorization'),
    },
    {
      name: 'the hostname of the request URL, which a web runtime builds from Host, checked against loopback',
      code: `${HANDLER}
export default {
  async fetch(request: Request): Promise<Response> {
    if (!['localhost', '127.0.0.1'].includes(new URL(request.url).hostname)) {
      return new Response('Forbidden', { status: 403 });
    }
    return mcp.fetch(request);
  },
};`,
    },
    {
      name: 'the same through a constant URL',
      code: `${HANDLER}
export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.hostname !== 'localhost') return new Response('Forbidden', { status: 403 });
    return mcp.fetch(request);
  },
};`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'the fix checks the URL hostname, which the rule then takes as the check (no fix loop)',
      code: `${HANDLER}
export default {
  async fetch(request: Request): Promise<Response> {
    return mcp.fetch(request);
  },
};`,
      output: `${HANDLER}
export default {
  async fetch(request: Request): Promise<Response> {
    // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
    if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(request.url).hostname)) {
      return Response.json({ error: 'Host not allowed' }, { status: 403 });
    }
    return mcp.fetch(request);
  },
};`,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'request handler' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 14,
        },
      ],
    },
  ]),
});

ruleTester.run('require-dns-rebinding-protection: a route file', dnsRule, {
  valid: [],
  invalid: [
    {
      name: 'one report for a handler exported for three methods',
      filename: 'app/api/[transport]/route.ts',
      code: VERCEL_ROUTE,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'request handler' },
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
  ],
});

const NODE_URL_CHECK = (options: string): string => `import { createServer } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport(${options});
createServer((req, res) => {
  if (new URL(req.url ?? '/', 'http://localhost').hostname !== 'localhost') {
    res.writeHead(403).end();
    return;
  }
  void transport.handleRequest(req, res);
}).listen(3000, '127.0.0.1');`;

ruleTester.run('require-dns-rebinding-protection: a URL built from a base is no Host check', dnsRule, {
  valid: [],
  invalid: [
    {
      name: "Node's `new URL(req.url, base)` takes its hostname from the base, not from Host",
      code: NODE_URL_CHECK('{ sessionIdGenerator: undefined }'),
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'enableProtection',
              output: NODE_URL_CHECK(
                "{ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] }",
              ),
            },
          ],
        },
      ],
    },
  ],
});

/** A Bun server with these entries in its `routes` table, whose handlers answer MCP by hand with `answer`. */
const bunServer = (
  routes: string,
): string => `async function answer(message: { id: number; method: string }): Promise<unknown> {
  if (message.method === 'tools/list') return { jsonrpc: '2.0', id: message.id, result: { tools: [] } };
  return { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } };
}

Bun.serve({
  hostname: '127.0.0.1',
  port: 3000,
  routes: {
${routes}
  },
});`;

/** `/mcp` as a table of methods (with a static `/health` beside it); `check` opens the POST handler. */
const BUN_ROUTES = (check = ''): string =>
  bunServer(`    '/health': new Response('ok'),
    '/mcp': {
      POST: async (req: Request) => {${check}
        const body = await req.json();
        return Response.json(await answer(body));
      },
    },`);

/** `/mcp` as one function, for every method; `check` opens it. */
const BUN_FUNCTION_ROUTE = (check = ''): string =>
  bunServer(`    '/mcp': async (req: Request) => {${check}
      const body = await req.json();
      return Response.json(await answer(body));
    },`);

/**
 * A Bun server with the token check the csrf fix writes at the top of its handler (indented by
 * `indent`; POST requests only, for a handler of every method), and its declarations after it.
 */
function withToken(server: (check: string) => string, bearer: boolean, indent: string, postOnly: boolean): string {
  const [check, header, answer] = bearer
    ? ['hasValidBearerToken', 'authorization', "{ status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }"]
    : ['hasValidCsrfToken', 'x-mcp-csrf-token', '{ status: 403 }'];
  return `${server(`
${indent}if (${postOnly ? "req.method === 'POST' && " : ''}!${check}(req.headers.get('${header}'))) {
${indent}  return Response.json({ error: 'Missing or invalid credentials for this MCP server' }, ${answer});
${indent}}`)}

${tokenHelpers({ bearer })}`;
}

const bunRoutesWithToken = (bearer: boolean): string => withToken(BUN_ROUTES, bearer, '        ', false);

ruleTester.run("require-csrf-token: Bun's routes table", csrfRule, {
  valid: [{ name: 'the check the fix writes', code: bunRoutesWithToken(true) }],
  invalid: [
    {
      name: "a method table's POST handler is the route; a static Response is none",
      code: BUN_ROUTES(),
      output: null,
      errors: [missingCheck('`POST /mcp`', [12, 13, 15, 8], bunRoutesWithToken)],
    },
  ],
});

const BUN_HOST_CHECK = `
        // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
        if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(req.url).hostname)) {
          return Response.json({ error: 'Host not allowed' }, { status: 403 });
        }`;

ruleTester.run("require-dns-rebinding-protection: Bun's routes table", dnsRule, {
  valid: [{ name: 'the Host check the suggestion writes', code: BUN_ROUTES(BUN_HOST_CHECK) }],
  invalid: [
    {
      name: 'a handler of the table that serves MCP with no Host check',
      code: BUN_ROUTES(),
      output: null,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'request handler' },
          line: 12,
          column: 13,
          endLine: 15,
          endColumn: 8,
          suggestions: [{ messageId: 'validateHost', output: BUN_ROUTES(BUN_HOST_CHECK) }],
        },
      ],
    },
  ],
});

const bunFunctionRouteWithToken = (bearer: boolean): string => withToken(BUN_FUNCTION_ROUTE, bearer, '      ', true);

ruleTester.run("require-csrf-token: a function of Bun's routes table", csrfRule, {
  valid: [],
  invalid: [
    {
      name: 'named by its path alone: the function is the route, for every method',
      code: BUN_FUNCTION_ROUTE(),
      output: null,
      errors: [missingCheck('Every method of `/mcp`', [10, 13, 13, 6], bunFunctionRouteWithToken)],
    },
  ],
});

/** A Worker whose `/mcp` branch makes a transport; `mcpCheck` and `otherCheck` go first in each branch. */
const TWO_PATHS = (
  mcpCheck: string,
  otherCheck = '',
): string => `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

interface Env {
  KEYS: { get(key: string): Promise<string | null> };
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/mcp') {
${mcpCheck}      const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      return transport.handleRequest(request);
    }
    if (url.pathname === '/feedback' && request.method === 'POST') {
${otherCheck}      return new Response('Thanks');
    }
    return new Response('Not found', { status: 404 });
  },
};`;

const KEY_CHECK = `      const header = request.headers.get('authorization');
      if (!header?.startsWith('Bearer ') || !(await env.KEYS.get(header.slice(7)))) {
        return new Response('Unauthorized', { status: 401 });
      }
`;

ruleTester.run('require-dns-rebinding-protection: the branch of another path makes no transport', dnsRule, {
  valid: [
    {
      name: 'a verified bearer check in the `/mcp` branch, beside a POST branch of another path',
      code: TWO_PATHS(KEY_CHECK),
    },
  ],
  invalid: [
    {
      name: 'the check is in the branch of the other path: the `/mcp` branch that makes the transport has none',
      code: TWO_PATHS('', KEY_CHECK),
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`WebStandardStreamableHTTPServerTransport`' },
          line: 11,
          column: 29,
          endLine: 11,
          endColumn: 69,
        },
      ],
    },
  ],
});
