import path from 'node:path';
import noWildcardOriginRule from '../../src/rules/no-wildcard-origin';
import noReflectedOriginRule from '../../src/rules/no-reflected-origin';
import requireDnsRebindingProtectionRule from '../../src/rules/require-dns-rebinding-protection';
import requireCsrfTokenRule from '../../src/rules/require-csrf-token';
import { commonjs, createRuleTester, esm, failClosedFix } from '../rule-tester';
import { guard, hostValidated, missingCheck, tokenHelpers } from '../support/fix-text';

// The threat model the rules assume, case by case: a permissive policy on public metadata or in
// front of endpoints that refuse requests without a credential, a guard that covers every MCP
// endpoint or misses one, credentials a rebinding or cross-site page can or cannot send. Next to
// each safe shape, the nearest variant that is not safe and must still be reported.

const ruleTester = createRuleTester();

/** A module of a package whose other module imports its exported app (tests/fixtures/exported-app). */
const EXPORTED_APP_FILE = path.join(__dirname, '..', 'fixtures', 'exported-app', 'src', 'server.ts');

// The servers the cases below make safe or unsafe, and what the fixes write into them.

/** The MCP route of the servers below, a stateless transport per request, with `guard` before its handler. */
function mcpRoute(guard = ''): string {
  return `app.post('/mcp', ${guard}async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`;
}

// The guard of those servers: a bearer token on every request to /mcp.
const BEARER_GUARD = "app.use('/mcp', requireBearerAuth({ verifier }));";

// What the routes of headerRoute() answer, and the import that answers it: the MCP server's own
// state, so that the app is one that may serve MCP (a file that shows it serves none is exempt).
const ANSWERS = {
  '/api/tools': ["import { listTools } from './mcp/tools.js';", 'listTools()'],
  '/status': ["import { sessions } from './mcp/sessions.js';", "{ version: '1.4.0', sessions: sessions.size }"],
  '/health': ["import { sessions } from './mcp/sessions.js';", '{ sessions: sessions.size }'],
} as const;

/** An app whose GET `path` sets Access-Control-Allow-Origin to `origin`, or no such header when it is null. */
function headerRoute(path: keyof typeof ANSWERS, origin: string | null): string {
  const [imported, answer] = ANSWERS[path];
  return `import express from 'express';
${imported}
const app = express();
app.get('${path}', (req, res) => {
${origin === null ? '' : `  res.setHeader('Access-Control-Allow-Origin', ${origin});\n`}  res.json(${answer});
});`;
}

/**
 * A server behind `app.use(cors(${policy}))` whose /mcp requires a bearer token: the guard is
 * mounted before the route, or after it when `late`; `sse` adds an SSE message endpoint the
 * guard does not cover.
 */
function bearerApp(policy: string, { sse = false, late = false } = {}): string {
  return `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
${sse ? "import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';\n" : ''}import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors(${policy}));
app.use(express.json());
${late ? '' : `${BEARER_GUARD}\n`}${mcpRoute()}
${
  sse
    ? `const sse = new Map<string, SSEServerTransport>();
app.post('/messages', async (req, res) => {
  const transport = sse.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res, req.body);
});
`
    : ''
}${late ? `${BEARER_GUARD}\n` : ''}app.listen(3000, '127.0.0.1');`;
}

/** An SSE server behind `app.use(cors(${policy}))` whose bearer guard is mounted on `paths`. */
function sseApp(policy: string, paths: string): string {
  return `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const transports = new Map<string, SSEServerTransport>();
const app = express();
app.use(cors(${policy}));
app.use(${paths}, requireBearerAuth({ verifier }));
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/message', res);
  transports.set(transport.sessionId, transport);
  res.on('close', () => transports.delete(transport.sessionId));
  await server.connect(transport);
});
app.post('/message', async (req, res) => {
  const transport = transports.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res);
});`;
}

/** A bearer-guarded server behind `app.use(cors(${policy}))` with an unguarded root route that answers `answer`. */
function statusApp(policy: string, answer: string): string {
  return `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors(${policy}));
app.use(express.json());
app.get('/', (req, res) => res.json(${answer}));
${BEARER_GUARD}
${mcpRoute()}`;
}

/** A bearer-guarded server behind `app.use(cors(${policy}))` that a function of the project adds an export route to. */
function exportApp(policy: string): string {
  return `import cors from 'cors';
import express, { type Express } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
import { exportNotes } from './notes.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
function registerRoutes(target: Express): void {
  target.get('/export', (req, res) => res.json(exportNotes()));
}
const app = express();
app.use(cors(${policy}));
app.use(express.json());
${BEARER_GUARD}
${mcpRoute()}
registerRoutes(app);`;
}

/** An app on port 3000 whose MCP route requires a bearer token when `guarded`. */
function listeningApp(guarded: boolean): string {
  return `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
${guarded ? "import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';\n" : ''}import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
${guarded ? "import { verifier } from './auth.js';\n" : ''}const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
${mcpRoute(guarded ? 'requireBearerAuth({ verifier }), ' : '')}
app.listen(3000, '127.0.0.1');`;
}

// A session check that refuses a request without a cookie, whatever its value.
const COOKIE_PRESENT = '  if (!req.headers.cookie) return res.status(401).end();';

// A session check that refuses a request without a known session cookie.
const KNOWN_SESSION = `  const sid = /(?:^|;\\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (!sid || !sessions.has(sid)) return res.status(401).end();`;

/**
 * An app whose `requireSession` middleware runs `check` before its MCP route; with `bearer` given,
 * the token fix: its declarations after the middleware, and a guard before the MCP handler.
 */
function sessionApp(check: string, bearer?: boolean): string {
  return `import express, { type Request, type Response, type NextFunction } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { sessions } from './sessions.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
function requireSession(req: Request, res: Response, next: NextFunction) {
${check}
  next();
}
const app = express();
app.use(express.json());
app.use(requireSession);
${bearer === undefined ? mcpRoute() : `\n${tokenHelpers({ bearer })}\n\n${mcpRoute(tokenGuard(bearer))}`}`;
}

/** `code` with `declaration` after its imports, set apart by blank lines, as the allowlist suggestions put it. */
function afterImports(code: string, declaration: string): string {
  const end = code.indexOf('\n', code.lastIndexOf('\nimport ') + 1);
  return `${code.slice(0, end)}\n\n${declaration}\n${code.slice(end)}`;
}

/** The constant the useAllowedOrigin suggestion of a `*` header declares. */
const DECLARE_ALLOWED_ORIGIN = "const ALLOWED_ORIGIN = 'https://app.example.com';";

/** The allowlist the useAllowlist suggestion of a `cors()` policy declares. */
const DECLARE_ALLOWED_ORIGINS = "const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];";

/** `code` with the allowlist the useAllowlist suggestion of a `cors()` policy declares after its imports. */
function allowlisted(code: string): string {
  return afterImports(code, DECLARE_ALLOWED_ORIGINS);
}

/** The allowlist and the helper the reflected-origin fix declares, listing `origins`. */
function originAllowlist(origins: string): string {
  return `const ALLOWED_ORIGINS: string[] = [${origins}];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}`;
}

/**
 * `code` with the allowlist of `origins` and its helper declared after the app, as the
 * reflected-origin fix writes them.
 */
function withOriginAllowlist(code: string, origins: string): string {
  return code.replace('const app = express();\n', `const app = express();\n\n${originAllowlist(origins)}\n\n`);
}

/** The middleware the token fix puts before an express handler, up to the `, ` before it. */
function tokenGuard(bearer: boolean): string {
  const [check, header, refuse] = bearer
    ? ['hasValidBearerToken', 'authorization', "res.status(401).set('WWW-Authenticate', 'Bearer')"]
    : ['hasValidCsrfToken', 'x-mcp-csrf-token', 'res.status(403)'];
  return `(req, res, next) => {
  if (!${check}(req.headers['${header}'])) {
    ${refuse}.json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, `;
}

ruleTester.run('no-wildcard-origin: public metadata a header serves', noWildcardOriginRule, {
  valid: [
    {
      name: '`*` on the OAuth protected-resource metadata',
      code: `import express from 'express';
const app = express();
app.get('/.well-known/oauth-protected-resource', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.json({ resource: 'https://mcp.example.com/mcp', authorization_servers: ['https://auth.example.com'] });
});`,
    },
  ],
  invalid: failClosedFix([
    {
      name: '`*` on an endpoint that lists the tools',
      code: headerRoute('/api/tools', "'*'"),
      output: headerRoute('/api/tools', null),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: afterImports(headerRoute('/api/tools', 'ALLOWED_ORIGIN'), DECLARE_ALLOWED_ORIGIN),
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-reflected-origin: public metadata a header serves', noReflectedOriginRule, {
  valid: [
    {
      name: 'the Origin echoed on the OAuth protected-resource metadata',
      code: `import express from 'express';
const app = express();
app.get('/.well-known/oauth-protected-resource', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '');
  res.json({ resource: 'https://mcp.example.com/mcp', authorization_servers: ['https://auth.example.com'] });
});`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'the Origin echoed on an endpoint that lists the tools',
      code: headerRoute('/api/tools', "req.headers.origin ?? ''"),
      output: withOriginAllowlist(headerRoute('/api/tools', 'allowedOrigin(req.headers.origin)'), ''),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: withOriginAllowlist(
                headerRoute('/api/tools', 'allowedOrigin(req.headers.origin)'),
                "'https://app.example.com'",
              ),
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-wildcard-origin: publicPaths', noWildcardOriginRule, {
  valid: [
    {
      name: '`/status` named public',
      code: headerRoute('/status', "'*'"),
      options: [{ publicPaths: ['/status'] }],
    },
  ],
  invalid: failClosedFix([
    {
      name: '`/status` without the option',
      code: headerRoute('/status', "'*'"),
      output: headerRoute('/status', null),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: afterImports(headerRoute('/status', 'ALLOWED_ORIGIN'), DECLARE_ALLOWED_ORIGIN),
            },
          ],
        },
      ],
    },
    {
      name: 'the option replaces the default list: `/health` is no longer public',
      code: headerRoute('/health', "'*'"),
      options: [{ publicPaths: ['/status'] }],
      output: headerRoute('/health', null),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: afterImports(headerRoute('/health', 'ALLOWED_ORIGIN'), DECLARE_ALLOWED_ORIGIN),
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-reflected-origin: publicPaths', noReflectedOriginRule, {
  valid: [
    {
      name: '`/status` named public, the Origin echoed',
      code: headerRoute('/status', "req.headers.origin ?? ''"),
      options: [{ publicPaths: ['/status'] }],
    },
  ],
  invalid: failClosedFix([
    {
      name: '`/status` without the option, the Origin echoed',
      code: headerRoute('/status', "req.headers.origin ?? ''"),
      output: withOriginAllowlist(headerRoute('/status', 'allowedOrigin(req.headers.origin)'), ''),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: withOriginAllowlist(
                headerRoute('/status', 'allowedOrigin(req.headers.origin)'),
                "'https://app.example.com'",
              ),
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-reflected-origin: every MCP endpoint behind a bearer token', noReflectedOriginRule, {
  valid: [
    {
      name: '`cors({ origin: true })` on an app whose MCP endpoint requires a bearer token',
      code: bearerApp('{ origin: true }'),
    },
    {
      name: 'CommonJS: `cors({ origin: true })` in front of a bearer-guarded endpoint',
      code: `const cors = require('cors');
const express = require('express');
const { requireBearerAuth } = require('@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { server, verifier } = require('./mcp.js');
const app = express();
app.use(cors({ origin: true }));
app.use(express.json());
${mcpRoute('requireBearerAuth({ verifier }), ')}`,
      ...commonjs,
    },
  ],
  invalid: failClosedFix([
    {
      name: '`cors({ origin: true })` with credentials allowed',
      code: bearerApp('{ origin: true, credentials: true }'),
      output: bearerApp('{ origin: false, credentials: true }'),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: ', credentials included' },
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: allowlisted(bearerApp('{ origin: ALLOWED_ORIGINS, credentials: true }')),
            },
          ],
        },
      ],
    },
    {
      name: '`cors({ origin: true })` also reaching an SSE message endpoint the guard does not cover',
      code: bearerApp('{ origin: true }', { sse: true }),
      output: bearerApp('{ origin: false }', { sse: true }),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 28,
          suggestions: [
            { messageId: 'useAllowlist', output: allowlisted(bearerApp('{ origin: ALLOWED_ORIGINS }', { sse: true })) },
          ],
        },
      ],
    },
    {
      name: '`cors({ origin: true })` with `trustCredentialChecks: false`',
      code: bearerApp('{ origin: true }'),
      options: [{ trustCredentialChecks: false }],
      output: bearerApp('{ origin: false }'),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 28,
          suggestions: [{ messageId: 'useAllowlist', output: allowlisted(bearerApp('{ origin: ALLOWED_ORIGINS }')) }],
        },
      ],
    },
    {
      name: '`cors({ origin: true })` with the guard registered after the route',
      code: bearerApp('{ origin: true }', { late: true }),
      output: bearerApp('{ origin: false }', { late: true }),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: allowlisted(bearerApp('{ origin: ALLOWED_ORIGINS }', { late: true })),
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS: the same endpoint without the guard',
      code: `const cors = require('cors');
const express = require('express');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { server } = require('./mcp.js');
const app = express();
app.use(cors({ origin: true }));
app.use(express.json());
${mcpRoute()}`,
      ...commonjs,
      output: `const cors = require('cors');
const express = require('express');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { server } = require('./mcp.js');
const app = express();
app.use(cors({ origin: false }));
app.use(express.json());
${mcpRoute()}`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `const cors = require('cors');
const express = require('express');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { server } = require('./mcp.js');

const ALLOWED_ORIGINS = ['https://app.example.com'];

const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(express.json());
${mcpRoute()}`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-wildcard-origin: every MCP endpoint behind a bearer token', noWildcardOriginRule, {
  valid: [
    {
      name: '`cors()` on an app whose MCP endpoint requires a bearer token',
      code: bearerApp(''),
    },
    {
      name: "credentials allowed beside cors's `*`, which browsers refuse: a page still lacks the token",
      code: bearerApp('{ credentials: true }'),
    },
  ],
  invalid: failClosedFix([
    {
      name: '`cors()` also reaching an SSE message endpoint the guard does not cover',
      code: bearerApp('', { sse: true }),
      output: bearerApp('{ origin: false }', { sse: true }),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 10,
          column: 9,
          endLine: 10,
          endColumn: 15,
          suggestions: [
            { messageId: 'useAllowlist', output: allowlisted(bearerApp('{ origin: ALLOWED_ORIGINS }', { sse: true })) },
          ],
        },
      ],
    },
    {
      name: '`cors()` with `trustCredentialChecks: false`',
      code: bearerApp(''),
      options: [{ trustCredentialChecks: false }],
      output: bearerApp('{ origin: false }'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 15,
          suggestions: [{ messageId: 'useAllowlist', output: allowlisted(bearerApp('{ origin: ALLOWED_ORIGINS }')) }],
        },
      ],
    },
    {
      name: '`cors()` with the guard registered after the route',
      code: bearerApp('', { late: true }),
      output: bearerApp('{ origin: false }', { late: true }),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: allowlisted(bearerApp('{ origin: ALLOWED_ORIGINS }', { late: true })),
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-reflected-origin: a guard mounted on a list of paths', noReflectedOriginRule, {
  valid: [
    {
      name: "`['/sse', '/message']` covers both SSE endpoints",
      code: sseApp('{ origin: true }', "['/sse', '/message']"),
    },
  ],
  invalid: failClosedFix([
    {
      name: "`['/sse']` leaves the message endpoint open",
      code: sseApp('{ origin: true }', "['/sse']"),
      output: sseApp('{ origin: false }', "['/sse']"),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 28,
          suggestions: [
            { messageId: 'useAllowlist', output: allowlisted(sseApp('{ origin: ALLOWED_ORIGINS }', "['/sse']")) },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-wildcard-origin: a guard mounted on a list of paths', noWildcardOriginRule, {
  valid: [
    {
      name: "`cors()`: `['/sse', '/message']` covers both SSE endpoints",
      code: sseApp('', "['/sse', '/message']"),
    },
  ],
  invalid: failClosedFix([
    {
      name: "`cors()`: `['/sse']` leaves the message endpoint open",
      code: sseApp('', "['/sse']"),
      output: sseApp('{ origin: false }', "['/sse']"),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 10,
          column: 9,
          endLine: 10,
          endColumn: 15,
          suggestions: [
            { messageId: 'useAllowlist', output: allowlisted(sseApp('{ origin: ALLOWED_ORIGINS }', "['/sse']")) },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-wildcard-origin: a preflight route beside the app-level policy', noWildcardOriginRule, {
  valid: [
    {
      name: "`app.options('*', cors())` on a bearer-guarded server",
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors());
app.options('*', cors());
app.use(express.json());
${mcpRoute('requireBearerAuth({ verifier }), ')}`,
    },
  ],
  invalid: failClosedFix([
    {
      name: "`app.options('*', cors())` on a server without a guard",
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors());
app.options('*', cors());
app.use(express.json());
${mcpRoute()}`,
      output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: false }));
app.options('*', cors({ origin: false }));
app.use(express.json());
${mcpRoute()}`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.options('*', cors());
app.use(express.json());
${mcpRoute()}`,
            },
          ],
        },
        {
          messageId: 'wildcardPreflight',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors());
app.options('*', cors({ origin: ALLOWED_ORIGINS }));
app.use(express.json());
${mcpRoute()}`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-wildcard-origin: a status route beside guarded MCP endpoints', noWildcardOriginRule, {
  valid: [
    {
      name: "a root route that answers `{ status: 'ok' }`",
      code: statusApp('', "{ status: 'ok' }"),
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a root route that answers the uptime',
      code: statusApp('', '{ uptime: process.uptime() }'),
      output: statusApp('{ origin: false }', '{ uptime: process.uptime() }'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: allowlisted(statusApp('{ origin: ALLOWED_ORIGINS }', '{ uptime: process.uptime() }')),
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-reflected-origin: a status route beside guarded MCP endpoints', noReflectedOriginRule, {
  valid: [
    {
      name: "`cors({ origin: true })`: a root route that answers `{ status: 'ok' }`",
      code: statusApp('{ origin: true }', "{ status: 'ok' }"),
    },
  ],
  invalid: failClosedFix([
    {
      name: '`cors({ origin: true })`: a root route that answers the uptime',
      code: statusApp('{ origin: true }', '{ uptime: process.uptime() }'),
      output: statusApp('{ origin: false }', '{ uptime: process.uptime() }'),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: allowlisted(statusApp('{ origin: ALLOWED_ORIGINS }', '{ uptime: process.uptime() }')),
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-wildcard-origin: an app handed to a function of the project', noWildcardOriginRule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: '`cors()` on an app `registerRoutes(app)` adds routes to',
      code: exportApp(''),
      output: exportApp('{ origin: false }'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 13,
          column: 9,
          endLine: 13,
          endColumn: 15,
          suggestions: [{ messageId: 'useAllowlist', output: allowlisted(exportApp('{ origin: ALLOWED_ORIGINS }')) }],
        },
      ],
    },
  ]),
});

/** A router a factory returns, with `cors()` mounted at `path` (a property of a frozen constant). */
const metadataRouter = (path: string): string => `import { Router } from 'express';
import cors from 'cors';

const PATHS = Object.freeze({
  oauth: '/.well-known/oauth-authorization-server',
  mcp: '/mcp',
} as const);

export function createMetadataRouter(metadata: object) {
  const router = Router();
  router.use(PATHS.${path}, cors());
  router.get(PATHS.oauth, (req, res) => {
    res.json(metadata);
  });
  return router;
}`;

ruleTester.run('no-wildcard-origin: a router handed on, with the policy mounted at one path', noWildcardOriginRule, {
  valid: [
    {
      name: 'mounted at a public metadata path: it runs for that path alone, wherever the router goes',
      code: metadataRouter('oauth'),
    },
  ],
  invalid: [
    {
      name: 'mounted at another path of a router others may add routes to',
      code: metadataRouter('mcp'),
      output: null,
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 11,
          column: 25,
          endLine: 11,
          endColumn: 31,
          suggestions: [
            { messageId: 'denyOrigins', output: metadataRouter('mcp').replace('cors()', 'cors({ origin: false })') },
            {
              messageId: 'useAllowlist',
              output: metadataRouter('mcp')
                .replace(
                  "import cors from 'cors';\n",
                  "import cors from 'cors';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
                )
                .replace('cors()', 'cors({ origin: ALLOWED_ORIGINS })'),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-reflected-origin: an app handed to a function of the project', noReflectedOriginRule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: '`cors({ origin: true })` on an app `registerRoutes(app)` adds routes to',
      code: exportApp('{ origin: true }'),
      output: exportApp('{ origin: false }'),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 13,
          column: 16,
          endLine: 13,
          endColumn: 28,
          suggestions: [{ messageId: 'useAllowlist', output: allowlisted(exportApp('{ origin: ALLOWED_ORIGINS }')) }],
        },
      ],
    },
  ]),
});

/**
 * An app whose one policy answers every preflight and request, then a bearer check on every request
 * after `before`; a function of another module adds the MCP routes.
 */
const checkedAfter = (before: string): string => `import cors from 'cors';
import express from 'express';
import { addMcpRoutes } from './mcp-routes.js';
import { verifyToken } from './tokens.js';
const app = express();
const open = cors({ origin: true });
app.options(/.*/, open);
app.use(open);
${before}
app.use(async (req, res, next) => {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ') || !(await verifyToken(header.slice(7)))) {
    res.status(401).end();
    return;
  }
  next();
});
addMcpRoutes(app);
app.listen(3000, '127.0.0.1');`;

const DISCOVERY_ROUTE = `app.get('/.well-known/oauth-protected-resource', (req, res) => {
  res.json({ resource: 'https://mcp.example.com', authorization_servers: ['https://auth.example.com'] });
});`;
const NOTES_ROUTE = "app.get('/notes', (req, res) => res.json([]));";

ruleTester.run(
  'no-reflected-origin: a bearer check on every request after preflights and public paths',
  noReflectedOriginRule,
  {
    valid: [
      { name: 'an `options` catch-all and a discovery route come first', code: checkedAfter(DISCOVERY_ROUTE) },
      { name: 'only the `options` catch-all comes first', code: checkedAfter('') },
    ],
    invalid: [
      {
        name: 'a route of data comes before the check',
        code: checkedAfter(NOTES_ROUTE),
        output: null,
        errors: [
          {
            messageId: 'reflectedOrigin',
            data: { policy: '`cors()` with `origin: true`', credentials: '' },
            line: 6,
            column: 21,
            endLine: 6,
            endColumn: 33,
            suggestions: [
              { messageId: 'denyOrigins', output: checkedAfter(NOTES_ROUTE).replace('origin: true', 'origin: false') },
              {
                messageId: 'useAllowlist',
                output: allowlisted(checkedAfter(NOTES_ROUTE).replace('origin: true', 'origin: ALLOWED_ORIGINS')),
              },
            ],
          },
        ],
      },
    ],
  },
);

ruleTester.run(
  'require-dns-rebinding-protection: a transport behind a bearer token',
  requireDnsRebindingProtectionRule,
  {
    valid: [
      {
        name: '`requireBearerAuth()` on the route that makes the transport',
        code: listeningApp(true),
      },
    ],
    invalid: failClosedFix([
      {
        name: 'the same with `trustCredentialChecks: false`',
        code: listeningApp(true),
        options: [{ trustCredentialChecks: false }],
        output: hostValidated(listeningApp(true)),
        errors: [
          {
            messageId: 'unprotectedTransport',
            data: { transport: '`StreamableHTTPServerTransport`' },
            line: 10,
            column: 25,
            endLine: 10,
            endColumn: 54,
            suggestions: [],
          },
        ],
      },
      {
        name: 'the same without the guard',
        code: listeningApp(false),
        output: hostValidated(listeningApp(false)),
        errors: [
          {
            messageId: 'unprotectedTransport',
            data: { transport: '`StreamableHTTPServerTransport`' },
            line: 8,
            column: 25,
            endLine: 8,
            endColumn: 54,
            suggestions: [],
          },
        ],
      },
    ]),
  },
);

ruleTester.run('require-dns-rebinding-protection: a session cookie', requireDnsRebindingProtectionRule, {
  valid: [
    {
      name: 'a middleware that refuses requests without a known session cookie',
      code: sessionApp(KNOWN_SESSION),
    },
  ],
  invalid: [
    {
      name: 'a middleware that only logs the cookie',
      code: sessionApp("  console.log('session', req.headers.cookie);"),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 14,
          column: 25,
          endLine: 14,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'validateHost',
              output: hostValidated(sessionApp("  console.log('session', req.headers.cookie);")),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-csrf-token: a session cookie', requireCsrfTokenRule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'a cookie check is no CSRF defence: the browser sends cookies cross-site',
      code: sessionApp(COOKIE_PRESENT),
      output: sessionApp(COOKIE_PRESENT, false),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 13,
          column: 1,
          endLine: 13,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: sessionApp(COOKIE_PRESENT, true),
            },
          ],
        },
      ],
    },
    {
      name: 'a known-session cookie check is no CSRF defence either',
      code: sessionApp(KNOWN_SESSION),
      output: sessionApp(KNOWN_SESSION, false),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 14,
          column: 1,
          endLine: 14,
          endColumn: 9,
          suggestions: [{ messageId: 'useBearerToken', output: sessionApp(KNOWN_SESSION, true) }],
        },
      ],
    },
  ]),
});

const GUARD = `(req, res, next) => {
  if (!TOKEN || req.headers.authorization !== \`Bearer \${TOKEN}\`) return res.status(401).end();
  next();
}`;

/** An app whose token middleware is mounted under `condition` (or inline, with the check under it). */
const settingApp = (mount: string): string => `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const TOKEN = process.env.MCP_AUTH_TOKEN;
const options = { disableAuth: process.argv.includes('--disable-auth'), auth: process.argv.includes('--auth') };
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
${mount}
${mcpRoute()}`;

ruleTester.run(
  'require-dns-rebinding-protection: a check that a setting turns off, or on',
  requireDnsRebindingProtectionRule,
  {
    valid: [
      {
        name: 'mounted unless `options.disableAuth`, `DANGEROUSLY_OMIT_AUTH` or `noAuth` is set: on out of the box',
        code: settingApp(`if (!options.disableAuth) app.use(${GUARD});
if (!process.env.DANGEROUSLY_OMIT_AUTH) {
  app.use(${GUARD});
}
!options.noAuth && app.use(${GUARD});`),
      },
      {
        name: 'an inline check that runs unless `SKIP_AUTH` is set',
        code: settingApp(`app.use((req, res, next) => {
  if (!process.env.SKIP_AUTH) {
    if (!TOKEN || req.headers.authorization !== \`Bearer \${TOKEN}\`) return res.status(401).end();
  }
  next();
});`),
      },
    ],
    invalid: [
      {
        name: 'mounted only when `options.auth` is set, or when `disableAuth` is (the branch that is off by default)',
        code: settingApp(`if (options.auth) app.use(${GUARD});
if (options.disableAuth) {
} else if (!options.auth) {
  app.use(${GUARD});
}
if (!options.disableAuth) {
} else {
  app.use(${GUARD});
}`),
        output: null,
        errors: [
          {
            messageId: 'unprotectedTransport',
            line: 28,
            column: 25,
            suggestions: [
              {
                messageId: 'validateHost',
                output: hostValidated(
                  settingApp(`if (options.auth) app.use(${GUARD});
if (options.disableAuth) {
} else if (!options.auth) {
  app.use(${GUARD});
}
if (!options.disableAuth) {
} else {
  app.use(${GUARD});
}`),
                ),
              },
            ],
          },
        ],
      },
      {
        name: 'a flag the code works out itself: `skipAuth` is set while the token is unset',
        code: settingApp(`const skipAuth = !process.env.MCP_AUTH_TOKEN;
if (!skipAuth) app.use(${GUARD});`),
        output: null,
        errors: [
          {
            messageId: 'unprotectedTransport',
            line: 15,
            column: 25,
            suggestions: [
              {
                messageId: 'validateHost',
                output: hostValidated(
                  settingApp(`const skipAuth = !process.env.MCP_AUTH_TOKEN;
if (!skipAuth) app.use(${GUARD});`),
                ),
              },
            ],
          },
        ],
      },
    ],
  },
);

/**
 * An app whose settings are written defaults (`requireAuth` as given) under what the user saved,
 * with the token check mounted by `mount`.
 */
const switchedApp = (requireAuth: string, mount: string): string => `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { readSaved } from './store';
const DEFAULTS = { requireAuth: ${requireAuth}, token: '' };
const settings = { ...DEFAULTS, ...readSaved() };
const TOKEN = process.env.MCP_AUTH_TOKEN;
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
${mount}
${mcpRoute()}`;

const SKIPPED_UNLESS_REQUIRED = `app.use((req, res, next) => {
  if (!settings.requireAuth) return next();
  if (!TOKEN || req.headers.authorization !== \`Bearer \${TOKEN}\`) return res.status(401).end();
  next();
});`;

ruleTester.run(
  'require-dns-rebinding-protection: a switch whose written default turns the check on',
  requireDnsRebindingProtectionRule,
  {
    valid: [
      {
        name: 'skipped only when `settings.requireAuth` is off, and its default is `true`',
        code: switchedApp('true', SKIPPED_UNLESS_REQUIRED),
      },
      {
        name: 'mounted when `settings.requireAuth` is on, and its default is `true`',
        code: switchedApp('true', `if (settings.requireAuth) app.use(${GUARD});`),
      },
    ],
    invalid: [
      {
        name: 'the same switch with `false` as its default: off out of the box',
        code: switchedApp('false', SKIPPED_UNLESS_REQUIRED),
        output: null,
        errors: [
          {
            messageId: 'unprotectedTransport',
            line: 17,
            column: 25,
            suggestions: [
              { messageId: 'validateHost', output: hostValidated(switchedApp('false', SKIPPED_UNLESS_REQUIRED)) },
            ],
          },
        ],
      },
      {
        name: 'a switch the environment must turn on',
        code: switchedApp("process.env.REQUIRE_AUTH === 'true'", `if (settings.requireAuth) app.use(${GUARD});`),
        output: null,
        errors: [
          {
            messageId: 'unprotectedTransport',
            line: 16,
            column: 25,
            suggestions: [
              {
                messageId: 'validateHost',
                output: hostValidated(
                  switchedApp("process.env.REQUIRE_AUTH === 'true'", `if (settings.requireAuth) app.use(${GUARD});`),
                ),
              },
            ],
          },
        ],
      },
    ],
  },
);

/** An app whose MCP route calls `ensure(req)` in a `try` whose `catch` refuses the request. */
const ensuredApp = (ensure: string): string => `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifyToken } from './auth.js';
const TOKEN = process.env.MCP_AUTH_TOKEN;
const ensure = ${ensure};
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.use((req, res, next) => {
  try {
    ensure(req);
  } catch {
    return res.status(401).end();
  }
  next();
});
${mcpRoute()}`;

ruleTester.run(
  'require-dns-rebinding-protection: a helper whose throw the middleware turns into a refusal',
  requireDnsRebindingProtectionRule,
  {
    valid: [
      {
        name: 'the helper verifies the token it reads',
        code: ensuredApp('(req: express.Request) => verifyToken(TOKEN, req.headers.authorization)'),
      },
    ],
    invalid: [
      {
        name: 'the helper only wants the header there: a rebinding page sends any value',
        code: ensuredApp(`(req: express.Request) => {
  if (!req.headers.authorization) throw new Error('no token');
}`),
        output: null,
        errors: [
          {
            messageId: 'unprotectedTransport',
            line: 21,
            column: 25,
            suggestions: [
              {
                messageId: 'validateHost',
                output: hostValidated(
                  ensuredApp(`(req: express.Request) => {
  if (!req.headers.authorization) throw new Error('no token');
}`),
                ),
              },
            ],
          },
        ],
      },
    ],
  },
);

ruleTester.run(
  'require-dns-rebinding-protection: a token check that is off until configured',
  requireDnsRebindingProtectionRule,
  {
    valid: [
      {
        name: 'the check refuses every request while `config.authToken` is unset',
        code: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const config = { authToken: process.env.MCP_AUTH_TOKEN };
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.use((req, res, next) => {
  if (!config.authToken || req.headers.authorization !== \`Bearer \${config.authToken}\`) return res.status(401).end();
  next();
});
${mcpRoute()}`,
      },
      {
        name: 'the check refuses every request while `TOKEN` is unset',
        code: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const TOKEN = process.env.MCP_AUTH_TOKEN;
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.use((req, res, next) => {
  if (!TOKEN) return res.status(503).end();
  if (req.headers.authorization !== \`Bearer \${TOKEN}\`) return res.status(401).end();
  next();
});
${mcpRoute()}`,
      },
    ],
    invalid: [
      {
        name: 'the check runs only when `config.authToken` is set',
        code: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const config = { authToken: process.env.MCP_AUTH_TOKEN };
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.use((req, res, next) => {
  if (config.authToken) {
    if (req.headers.authorization !== \`Bearer \${config.authToken}\`) return res.status(401).end();
  }
  next();
});
${mcpRoute()}`,
        output: null,
        errors: [
          {
            messageId: 'unprotectedTransport',
            data: { transport: '`StreamableHTTPServerTransport`' },
            line: 15,
            column: 25,
            endLine: 15,
            endColumn: 54,
            suggestions: [
              {
                messageId: 'validateHost',
                output: hostValidated(`import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const config = { authToken: process.env.MCP_AUTH_TOKEN };
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.use((req, res, next) => {
  if (config.authToken) {
    if (req.headers.authorization !== \`Bearer \${config.authToken}\`) return res.status(401).end();
  }
  next();
});
${mcpRoute()}`),
              },
            ],
          },
        ],
      },
      {
        name: 'the check lets every request through while `TOKEN` is unset',
        code: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const TOKEN = process.env.MCP_AUTH_TOKEN;
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.use((req, res, next) => {
  if (!TOKEN) return next();
  if (req.headers.authorization !== \`Bearer \${TOKEN}\`) return res.status(401).end();
  next();
});
${mcpRoute()}`,
        output: null,
        errors: [
          {
            messageId: 'unprotectedTransport',
            data: { transport: '`StreamableHTTPServerTransport`' },
            line: 14,
            column: 25,
            endLine: 14,
            endColumn: 54,
            suggestions: [
              {
                messageId: 'validateHost',
                output: hostValidated(`import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const TOKEN = process.env.MCP_AUTH_TOKEN;
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.use((req, res, next) => {
  if (!TOKEN) return next();
  if (req.headers.authorization !== \`Bearer \${TOKEN}\`) return res.status(401).end();
  next();
});
${mcpRoute()}`),
              },
            ],
          },
        ],
      },
    ],
  },
);

ruleTester.run('require-csrf-token: a guard that only some routes get', requireCsrfTokenRule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'the route registered without the guard is reported, the one with it is not',
      code: `import express, { type RequestHandler } from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const handler: RequestHandler = (req, res) => transport.handleRequest(req, res, req.body);
let auth: RequestHandler | null = null;
if (process.env.OAUTH) auth = requireBearerAuth({ verifier });
const app = express();
app.use(express.json());
if (auth) app.post('/mcp', auth, handler);
else app.post('/mcp', handler);`,
      output: `import express, { type RequestHandler } from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const handler: RequestHandler = (req, res) => transport.handleRequest(req, res, req.body);
let auth: RequestHandler | null = null;
if (process.env.OAUTH) auth = requireBearerAuth({ verifier });
const app = express();
app.use(express.json());

${tokenHelpers()}

if (auth) app.post('/mcp', auth, handler);
else app.post('/mcp', ${tokenGuard(false)}handler);`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 12,
          column: 6,
          endLine: 12,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express, { type RequestHandler } from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const handler: RequestHandler = (req, res) => transport.handleRequest(req, res, req.body);
let auth: RequestHandler | null = null;
if (process.env.OAUTH) auth = requireBearerAuth({ verifier });
const app = express();
app.use(express.json());

${tokenHelpers({ bearer: true })}

if (auth) app.post('/mcp', auth, handler);
else app.post('/mcp', ${tokenGuard(true)}handler);`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('require-csrf-token: a helper that reads the token', requireCsrfTokenRule, {
  valid: [
    {
      name: 'a bearer token read by `bearerOf(req)`, refused when missing',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req: Request): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const token = bearerOf(req);
  if (!token) return res.status(401).end();
  next();
}
const app = express();
app.use(express.json());
app.post('/mcp', requireToken, (req, res) => transport.handleRequest(req, res, req.body));`,
    },
    {
      name: 'a token destructured from `readCredentials(req)`, refused when missing',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function readCredentials(req: Request) {
  return { token: req.headers['x-api-key'] };
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const { token } = readCredentials(req);
  if (!token) return res.status(401).end();
  next();
}
const app = express();
app.use(express.json());
app.post('/mcp', requireToken, (req, res) => transport.handleRequest(req, res, req.body));`,
    },
    {
      name: 'ESM JavaScript: `bearerOf(req)` refused when missing',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req) {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req, res, next) {
  const token = bearerOf(req);
  if (!token) return res.status(401).end();
  next();
}
const app = express();
app.post('/mcp', requireToken, (req, res) => transport.handleRequest(req, res, req.body));`,
      ...esm,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a middleware that only logs the token from `bearerOf(req)`',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req: Request): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const token = bearerOf(req);
  console.log('token', token);
  next();
}
const app = express();
app.use(express.json());
app.post('/mcp', requireToken, (req, res) => transport.handleRequest(req, res, req.body));`,
      output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req: Request): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const token = bearerOf(req);
  console.log('token', token);
  next();
}
const app = express();
app.use(express.json());

${tokenHelpers()}

app.post('/mcp', requireToken, ${tokenGuard(false)}(req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 15,
          column: 1,
          endLine: 15,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req: Request): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const token = bearerOf(req);
  console.log('token', token);
  next();
}
const app = express();
app.use(express.json());

${tokenHelpers({ bearer: true })}

app.post('/mcp', requireToken, ${tokenGuard(true)}(req, res) => transport.handleRequest(req, res, req.body));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a middleware that only logs the token from `readCredentials(req)`',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function readCredentials(req: Request) {
  return { token: req.headers['x-api-key'] };
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const { token } = readCredentials(req);
  console.log('token', token);
  next();
}
const app = express();
app.use(express.json());
app.post('/mcp', requireToken, (req, res) => transport.handleRequest(req, res, req.body));`,
      output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function readCredentials(req: Request) {
  return { token: req.headers['x-api-key'] };
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const { token } = readCredentials(req);
  console.log('token', token);
  next();
}
const app = express();
app.use(express.json());

${tokenHelpers()}

app.post('/mcp', requireToken, ${tokenGuard(false)}(req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 14,
          column: 1,
          endLine: 14,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function readCredentials(req: Request) {
  return { token: req.headers['x-api-key'] };
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const { token } = readCredentials(req);
  console.log('token', token);
  next();
}
const app = express();
app.use(express.json());

${tokenHelpers({ bearer: true })}

app.post('/mcp', requireToken, ${tokenGuard(true)}(req, res) => transport.handleRequest(req, res, req.body));`,
            },
          ],
        },
      ],
    },
    {
      name: 'ESM JavaScript: `bearerOf(req)` only logged',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req) {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req, res, next) {
  console.log('token', bearerOf(req));
  next();
}
const app = express();
app.post('/mcp', requireToken, (req, res) => transport.handleRequest(req, res, req.body));`,
      ...esm,
      output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req) {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req, res, next) {
  console.log('token', bearerOf(req));
  next();
}
const app = express();

${tokenHelpers({ js: 'esm' })}

app.post('/mcp', requireToken, ${tokenGuard(false)}(req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 13,
          column: 1,
          endLine: 13,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req) {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req, res, next) {
  console.log('token', bearerOf(req));
  next();
}
const app = express();

${tokenHelpers({ bearer: true, js: 'esm' })}

app.post('/mcp', requireToken, ${tokenGuard(true)}(req, res) => transport.handleRequest(req, res, req.body));`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('require-csrf-token: a factory whose middleware reads its options', requireCsrfTokenRule, {
  valid: [
    {
      name: '`requireToken({ token })` refuses a wrong `Authorization` header',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function requireToken(options: { token: string }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization !== \`Bearer \${options.token}\`) return res.status(401).end();
    next();
  };
}
const token = process.env.MCP_AUTH_TOKEN ?? '';
const app = express();
app.use(express.json());
app.post('/mcp', requireToken({ token }), (req, res) => transport.handleRequest(req, res, req.body));`,
    },
  ],
  invalid: failClosedFix([
    {
      name: '`requireToken({ token })` that only warns about a wrong header',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function requireToken(options: { token: string }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization !== \`Bearer \${options.token}\`) console.warn('unexpected token');
    next();
  };
}
const token = process.env.MCP_AUTH_TOKEN ?? '';
const app = express();
app.use(express.json());
app.post('/mcp', requireToken({ token }), (req, res) => transport.handleRequest(req, res, req.body));`,
      output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function requireToken(options: { token: string }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization !== \`Bearer \${options.token}\`) console.warn('unexpected token');
    next();
  };
}
const token = process.env.MCP_AUTH_TOKEN ?? '';
const app = express();
app.use(express.json());

${tokenHelpers()}

app.post('/mcp', requireToken({ token }), ${tokenGuard(false)}(req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 13,
          column: 1,
          endLine: 13,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function requireToken(options: { token: string }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization !== \`Bearer \${options.token}\`) console.warn('unexpected token');
    next();
  };
}
const token = process.env.MCP_AUTH_TOKEN ?? '';
const app = express();
app.use(express.json());

${tokenHelpers({ bearer: true })}

app.post('/mcp', requireToken({ token }), ${tokenGuard(true)}(req, res) => transport.handleRequest(req, res, req.body));`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('require-csrf-token: a query parameter', requireCsrfTokenRule, {
  valid: [
    {
      name: 'the same shape reading the `x-mcp-csrf-token` header',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.post('/mcp', (req, res) => {
  const token = req.get('x-mcp-csrf-token');
  if (!token) return res.status(403).end();
  return transport.handleRequest(req, res, req.body);
});`,
    },
    {
      name: "a secret token in the query, compared with the server's own",
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const TOKEN = process.env.MCP_TOKEN ?? crypto.randomUUID();
const app = express();
app.use(express.json());
app.post('/mcp', (req, res) => {
  if (req.query.token !== TOKEN) return res.status(401).end();
  return transport.handleRequest(req, res, req.body);
});`,
    },
  ],
  invalid: failClosedFix([
    {
      name: '`sessionId` read through `new URL(req.url, base).searchParams`',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.post('/mcp', (req, res) => {
  const sessionId = new URL(req.url, 'http://localhost').searchParams.get('sessionId');
  if (!sessionId) return res.status(400).end();
  return transport.handleRequest(req, res, req.body);
});`,
      output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());

${tokenHelpers()}

app.post('/mcp', ${tokenGuard(false)}(req, res) => {
  const sessionId = new URL(req.url, 'http://localhost').searchParams.get('sessionId');
  if (!sessionId) return res.status(400).end();
  return transport.handleRequest(req, res, req.body);
});`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());

${tokenHelpers({ bearer: true })}

app.post('/mcp', ${tokenGuard(true)}(req, res) => {
  const sessionId = new URL(req.url, 'http://localhost').searchParams.get('sessionId');
  if (!sessionId) return res.status(400).end();
  return transport.handleRequest(req, res, req.body);
});`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('require-csrf-token: auth middleware of other vendors', requireCsrfTokenRule, {
  valid: [
    {
      name: "`auth()` from 'express-oauth2-jwt-bearer'",
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { auth } from 'express-oauth2-jwt-bearer';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use(auth({ audience: 'https://mcp.example.com', issuerBaseURL: 'https://example.auth0.com/' }));
app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));`,
    },
    {
      name: "`descopeMcpBearerAuth()` from '@descope/mcp-express'",
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { descopeMcpBearerAuth } from '@descope/mcp-express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use(descopeMcpBearerAuth());
app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));`,
    },
    {
      name: "`mcpAuthClerk` from '@clerk/mcp-tools/express', used as it is",
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { mcpAuthClerk } from '@clerk/mcp-tools/express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use('/mcp', mcpAuthClerk);
app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a local `auth()` that lets every request through',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response, NextFunction } from 'express';
function auth(options: { audience: string }) {
  return (req: Request, res: Response, next: NextFunction) => next();
}
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use(auth({ audience: 'https://mcp.example.com' }));
app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));`,
      output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response, NextFunction } from 'express';
function auth(options: { audience: string }) {
  return (req: Request, res: Response, next: NextFunction) => next();
}
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use(auth({ audience: 'https://mcp.example.com' }));

${tokenHelpers()}

app.post('/mcp', ${tokenGuard(false)}(req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 11,
          column: 1,
          endLine: 11,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response, NextFunction } from 'express';
function auth(options: { audience: string }) {
  return (req: Request, res: Response, next: NextFunction) => next();
}
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use(auth({ audience: 'https://mcp.example.com' }));

${tokenHelpers({ bearer: true })}

app.post('/mcp', ${tokenGuard(true)}(req, res) => transport.handleRequest(req, res, req.body));`,
            },
          ],
        },
      ],
    },
    {
      name: '`descopeMcpBearerAuth()` registered after the route',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { descopeMcpBearerAuth } from '@descope/mcp-express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));
app.use(descopeMcpBearerAuth());`,
      output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { descopeMcpBearerAuth } from '@descope/mcp-express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());

${tokenHelpers()}

app.post('/mcp', ${tokenGuard(false)}(req, res) => transport.handleRequest(req, res, req.body));
app.use(descopeMcpBearerAuth());`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { descopeMcpBearerAuth } from '@descope/mcp-express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());

${tokenHelpers({ bearer: true })}

app.post('/mcp', ${tokenGuard(true)}(req, res) => transport.handleRequest(req, res, req.body));
app.use(descopeMcpBearerAuth());`,
            },
          ],
        },
      ],
    },
    {
      name: '`mcpAuthClerk` mounted on another path',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { mcpAuthClerk } from '@clerk/mcp-tools/express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use('/admin', mcpAuthClerk);
app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));`,
      output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { mcpAuthClerk } from '@clerk/mcp-tools/express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use('/admin', mcpAuthClerk);

${tokenHelpers()}

app.post('/mcp', ${tokenGuard(false)}(req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { mcpAuthClerk } from '@clerk/mcp-tools/express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use('/admin', mcpAuthClerk);

${tokenHelpers({ bearer: true })}

app.post('/mcp', ${tokenGuard(true)}(req, res) => transport.handleRequest(req, res, req.body));`,
            },
          ],
        },
      ],
    },
  ]),
});

// A server the analysis can show serves no MCP (the file never says MCP, nothing it imports leads
// to an MCP package, and its apps stay in the file) is not an MCP server's policy: a website or
// dashboard beside the server, or a Next.js route file of the project's site.
const STATS_APP = (exported: boolean, imported = "import os from 'node:os';"): string => `import express from 'express';
import cors from 'cors';
${imported}

${exported ? 'export ' : ''}const app = express();
app.use(cors());
app.get('/api/stats', (_req, res) => res.json({ load: os.loadavg() }));`;

const SKILL_ROUTE = (imported: string, origin: string | null): string => `import { readSkill } from '${imported}';

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  return new Response(readSkill(path), {
    headers: { 'Content-Type': 'text/markdown'${origin === null ? '' : `, 'Access-Control-Allow-Origin': ${origin}`} },
  });
}`;

/** A Next.js route file that hands every request to a Hono app of plans, with `*`. */
const HONO_ROUTE = `import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { handle } from 'hono/vercel';

const app = new Hono().basePath('/api');
app.use('*', cors({ origin: '*' }));
app.get('/plans', async (c) => c.json(await (await fetch('https://billing.example.com/plans')).json()));

export const GET = handle(app);
export const OPTIONS = handle(app);`;

ruleTester.run('no-wildcard-origin: servers that serve no MCP', noWildcardOriginRule, {
  valid: [
    { name: 'a local app with a stats route', code: STATS_APP(false) },
    {
      name: 'a local app that names MCP only in what it answers',
      code: `${STATS_APP(false)}\napp.get('/api/health', (_req, res) => res.json({ status: 'ok', service: 'mcp-dashboard' }));`,
    },
    {
      name: 'a local app that names MCP only in what it logs',
      code: `${STATS_APP(false)}\napp.listen(8081, '127.0.0.1', () => console.log('Stats of the Notes MCP app on :8081'));`,
    },
    {
      name: 'a Next.js route file of the site',
      code: SKILL_ROUTE('@/lib/skills', "'*'"),
      filename: 'app/api/skills/[...path]/route.ts',
    },
    {
      name: 'a route file of an MCP server under `/.well-known/`, public by design',
      code: SKILL_ROUTE('@/lib/mcp-server', "'*'"),
      filename: 'app/.well-known/agent-skills/[...path]/route.ts',
    },
    {
      name: "a Next.js route file of the site that runs a Hono app through `hono/vercel`'s `handle()`",
      code: HONO_ROUTE,
      filename: 'app/api/[[...route]]/route.ts',
    },
  ],
  invalid: failClosedFix([
    {
      name: 'an exported app: other modules may add MCP routes to it',
      filename: EXPORTED_APP_FILE,
      code: STATS_APP(true),
      output: STATS_APP(true).replace('cors()', 'cors({ origin: false })'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: STATS_APP(true)
                .replace('cors()', 'cors({ origin: ALLOWED_ORIGINS })')
                .replace(
                  "from 'node:os';\n",
                  "from 'node:os';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
                ),
            },
          ],
        },
      ],
    },
    {
      name: 'a local app that imports a module the analysis cannot read: it may lead to MCP',
      code: STATS_APP(false, "import { os } from './system.js';"),
      output: STATS_APP(false, "import { os } from './system.js';").replace('cors()', 'cors({ origin: false })'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: STATS_APP(false, "import { os } from './system.js';")
                .replace('cors()', 'cors({ origin: ALLOWED_ORIGINS })')
                .replace(
                  "from './system.js';\n",
                  "from './system.js';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
                ),
            },
          ],
        },
      ],
    },
    {
      name: 'a local app that names MCP in its code, not only in what it logs or answers',
      code: `${STATS_APP(false)}\napp.locals.title = 'Notes MCP';`,
      output: `${STATS_APP(false)}\napp.locals.title = 'Notes MCP';`.replace('cors()', 'cors({ origin: false })'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `${STATS_APP(false)}\napp.locals.title = 'Notes MCP';`
                .replace('cors()', 'cors({ origin: ALLOWED_ORIGINS })')
                .replace(
                  "from 'node:os';\n",
                  "from 'node:os';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
                ),
            },
          ],
        },
      ],
    },
    {
      name: 'a route file whose answer comes from the MCP server',
      code: SKILL_ROUTE('@/lib/mcp-server', "'*'"),
      filename: 'app/api/skills/[...path]/route.ts',
      output: SKILL_ROUTE('@/lib/mcp-server', null),
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 6,
          column: 49,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: SKILL_ROUTE('@/lib/mcp-server', 'ALLOWED_ORIGIN').replace(
                "from '@/lib/mcp-server';\n",
                "from '@/lib/mcp-server';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
              ),
            },
          ],
        },
      ],
    },
  ]),
});

/** STATS_APP whose cors origin function admits every origin when ALLOWED holds '*', as it can. */
const STAR_CHECKED = (exported: boolean): string =>
  STATS_APP(exported)
    .replace(
      "import os from 'node:os';",
      "import os from 'node:os';\nconst ALLOWED = process.env.OPEN === 'yes' ? ['*'] : ['https://app.example.com'];",
    )
    .replace(
      'cors()',
      "cors({ origin: (origin, callback) => callback(null, ALLOWED.includes('*') || ALLOWED.includes(origin ?? '')) })",
    );

ruleTester.run('no-reflected-origin: servers that serve no MCP', noReflectedOriginRule, {
  valid: [
    { name: 'a local app that echoes the Origin', code: STATS_APP(false).replace('cors()', 'cors({ origin: true })') },
    { name: "a local app whose origin check lets every origin in, its list holding '*'", code: STAR_CHECKED(false) },
  ],
  invalid: [
    {
      name: "the same check in the exported app is reported where it lets '*' in",
      filename: EXPORTED_APP_FILE,
      code: STAR_CHECKED(true),
      output: null,
      errors: [
        {
          messageId: 'wildcardInList',
          data: { list: '`ALLOWED`', place: 'line 4' },
          line: 7,
          column: 61,
          endLine: 7,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'dropWildcardTest',
              output: STAR_CHECKED(true).replace("ALLOWED.includes('*') || ", ''),
            },
          ],
        },
      ],
    },
    {
      name: 'the same app, exported',
      filename: EXPORTED_APP_FILE,
      code: STATS_APP(true).replace('cors()', 'cors({ origin: true })'),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 28,
          suggestions: [
            { messageId: 'denyOrigins', output: STATS_APP(true).replace('cors()', 'cors({ origin: false })') },
            {
              messageId: 'useAllowlist',
              output: STATS_APP(true)
                .replace('cors()', 'cors({ origin: ALLOWED_ORIGINS })')
                .replace(
                  "from 'node:os';\n",
                  "from 'node:os';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
                ),
            },
          ],
        },
      ],
    },
  ],
});

// Middleware mounted at a public path runs only for that path, whatever app it is mounted on: an
// app the function is handed (`mountMetadata(app: Express)`) too.
const HANDED_APP = (mounts: string): string => `import type { Express } from 'express';
import cors from 'cors';
import { metadata } from './mcp/oauth.js';

export function mountMetadata(app: Express): void {
${mounts}
}`;
const METADATA_MOUNT =
  "  app.use('/.well-known/oauth-authorization-server', cors(), (_req, res) => void res.json(metadata));";

const NOT_A_MOUNT = `import cors from 'cors';
import express from 'express';
import { handleMcp } from './mcp/handler.js';

const app = express();
const middleware = new Map();
app.use(middleware.get('/.well-known/oauth-authorization-server', cors()) ?? cors());
app.post('/mcp', handleMcp);`;

const MOUNT_LINE = "middleware.get('/.well-known/oauth-authorization-server', cors()) ?? cors()";

ruleTester.run('no-wildcard-origin: a public path on a handed app', noWildcardOriginRule, {
  valid: [
    { name: 'mounted at an OAuth metadata path', code: HANDED_APP(METADATA_MOUNT) },
    {
      name: 'a route at a public path',
      code: HANDED_APP("  app.get('/.well-known/mcp.json', cors(), (_req, res) => void res.json(metadata));"),
    },
  ],
  invalid: [
    {
      name: 'a public path given to something that is no app mounts nothing',
      code: NOT_A_MOUNT,
      errors: [
        [67, "middleware.get('/.well-known/oauth-authorization-server', cors(OPTIONS)) ?? cors()"],
        [78, "middleware.get('/.well-known/oauth-authorization-server', cors()) ?? cors(OPTIONS)"],
      ].map(([column, edited]) => ({
        messageId: 'wildcardOrigin' as const,
        line: 7,
        column: column as number,
        suggestions: [
          {
            messageId: 'denyOrigins' as const,
            output: NOT_A_MOUNT.replace(MOUNT_LINE, (edited as string).replace('OPTIONS', '{ origin: false }')),
          },
          {
            messageId: 'useAllowlist' as const,
            output: NOT_A_MOUNT.replace(
              MOUNT_LINE,
              (edited as string).replace('OPTIONS', '{ origin: ALLOWED_ORIGINS }'),
            ).replace(
              "from './mcp/handler.js';\n",
              "from './mcp/handler.js';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
            ),
          },
        ],
      })),
    },
    {
      name: 'mounted at another path of the same app',
      code: HANDED_APP(`${METADATA_MOUNT}\n  app.use('/api', cors());`),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: HANDED_APP(`${METADATA_MOUNT}\n  app.use('/api', cors({ origin: false }));`),
            },
            {
              messageId: 'useAllowlist',
              output: HANDED_APP(`${METADATA_MOUNT}\n  app.use('/api', cors({ origin: ALLOWED_ORIGINS }));`).replace(
                "from './mcp/oauth.js';\n",
                "from './mcp/oauth.js';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
              ),
            },
          ],
        },
      ],
    },
  ],
});

// `cors()` mounted where the app serves only the files of a directory: a site's own assets. The
// MCP route beside it checks a bearer token, so that the app is one that may serve MCP.
const STATIC_ASSETS = (mounts: string): string => `import os from 'node:os';
import path from 'node:path';
import { toNodeHandler } from '@modelcontextprotocol/node';
import cors from 'cors';
import express from 'express';
import { handleMcp } from './mcp/handler.js';

const app = express();
app.use(express.json());
${mounts}
app.post('/mcp', handleMcp);
app.listen(3000, '127.0.0.1');`;
const ASSETS_CORS = "app.use('/assets', cors());";
const ASSETS_FILES = "app.use('/assets', express.static(path.join(import.meta.dirname, 'dist')));";

/** The report on the `cors()` of `ASSETS_CORS` in `STATIC_ASSETS(mounts)`, with its two suggestions. */
function assetsReport(mounts: string) {
  const code = STATIC_ASSETS(mounts);
  const line = code.split('\n').findIndex((text) => text === ASSETS_CORS) + 1;
  return {
    code,
    errors: [
      {
        messageId: 'wildcardOrigin' as const,
        line,
        column: 20,
        endLine: line,
        endColumn: 26,
        suggestions: [
          { messageId: 'denyOrigins' as const, output: code.replace('cors());', 'cors({ origin: false }));') },
          {
            messageId: 'useAllowlist' as const,
            output: code
              .replace('cors());', 'cors({ origin: ALLOWED_ORIGINS }));')
              .replace(
                "from './mcp/handler.js';\n",
                "from './mcp/handler.js';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
              ),
          },
        ],
      },
    ],
  };
}

ruleTester.run('no-wildcard-origin: the files of a directory', noWildcardOriginRule, {
  valid: [
    {
      name: 'mounted before `express.static()` at the same path',
      code: STATIC_ASSETS(`${ASSETS_CORS}\n${ASSETS_FILES}`),
    },
    {
      name: 'in the same `use` call, under a trailing `*`',
      code: STATIC_ASSETS("app.use('/assets/*', cors(), express.static(path.join(import.meta.dirname, 'dist')));"),
    },
    {
      name: '`serve-static` on a connect app',
      code: `import connect from 'connect';
import cors from 'cors';
import serveStatic from 'serve-static';
import { handleMcp } from './mcp/handler.js';

const app = connect();
app.use('/public', cors());
app.use('/public', serveStatic('public'));
app.use('/mcp', handleMcp);
app.listen(3000, '127.0.0.1');`,
    },
    {
      name: "Hono's `serveStatic()`",
      code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { serveStatic } from '@hono/node-server/serve-static';
import { serve } from '@hono/node-server';
import { handleMcp } from './mcp/handler.js';

const app = new Hono();
app.use('/static/*', cors());
app.use('/static/*', serveStatic({ root: './' }));
app.post('/mcp', (c) => handleMcp(c.req.raw));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 3000 });`,
    },
  ],
  invalid: [
    { name: 'no files mounted at that path', ...assetsReport(ASSETS_CORS) },
    {
      name: 'a route of the app under that path',
      ...assetsReport(
        `${ASSETS_CORS}\n${ASSETS_FILES}\napp.get('/assets/manifest', (_req, res) => void res.json(handleMcp));`,
      ),
    },
    {
      name: 'code of the project mounted with no path answers what the files hand on',
      ...assetsReport(`${ASSETS_CORS}\n${ASSETS_FILES}\napp.use(handleMcp);`),
    },
    {
      name: 'a route with a parameter that matches the path',
      ...assetsReport(`${ASSETS_CORS}\n${ASSETS_FILES}\napp.post('/:endpoint', handleMcp);`),
    },
    {
      name: "a package's handler mounted with no path, which answers what the files hand on",
      ...assetsReport(`${ASSETS_CORS}\n${ASSETS_FILES}\napp.use(toNodeHandler(handleMcp));`),
    },
    {
      name: "the user's home folder is no site's files",
      ...assetsReport(`${ASSETS_CORS}\napp.use('/assets', express.static(os.homedir()));`),
    },
    {
      name: 'files mounted at a path below the policy',
      ...assetsReport(`${ASSETS_CORS}\napp.use('/assets/img', express.static('img'));`),
    },
  ],
});

/** An OAuth server's client registration and token routes with `cors()`, answering as `token` does. */
const OAUTH_ROUTES = (token: string, cors = 'cors()'): string => `import express from 'express';
import cors from 'cors';
import { randomUUID } from 'node:crypto';
import { redeemCode } from './oauth-store';

const app = express();
app.use(express.json());
app.post('/register', cors(), (req, res) => {
  res.status(201).json({ client_id: randomUUID(), redirect_uris: req.body.redirect_uris });
});
app.post('/token', ${cors}, async (req, res) => {
  ${token}
});
app.listen(3000, '127.0.0.1');`;

/** A Next.js route file for client registration whose answers spread a headers constant with `*`. */
const REGISTRATION_ROUTE = (read: string): string => `import { randomUUID } from 'node:crypto';

const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'POST, OPTIONS' };

export async function POST(request: Request): Promise<Response> {
  const body = await request.json();
  return Response.json({ client_id: randomUUID(), ${read} }, { status: 201, headers: CORS });
}

export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: CORS });
}`;

/** A headers constant that middleware applies to every answer of an app whose one route is `/token`. */
const HEADERS_BY_MIDDLEWARE = (entry: string, declarations = ''): string => `import express from 'express';
${declarations}
const CORS_HEADERS = {${entry}};
const app = express();
app.use((_req, res, next) => {
  res.set(CORS_HEADERS);
  next();
});
app.post('/token', (req, res) => {
  res.json({ grant_type: req.body.grant_type });
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run("no-wildcard-origin: an OAuth server's endpoints for clients", noWildcardOriginRule, {
  valid: [
    {
      name: 'registration (`redirect_uris`) and the token exchange (`grant_type`, `code_verifier`)',
      code: OAUTH_ROUTES(
        "if (req.body.grant_type !== 'authorization_code') return res.status(400).json({ error: 'unsupported_grant_type' });\n  res.json(await redeemCode(req.body.code, req.body.code_verifier));",
      ),
    },
    {
      name: 'the token exchange reading what a schema parsed from the body',
      code: OAUTH_ROUTES(
        "const parsed = TokenRequest.safeParse(req.body);\n  if (!parsed.success) return res.status(400).json({ error: 'invalid_request' });\n  const { code, code_verifier } = parsed.data;\n  res.json(await redeemCode(code, code_verifier));",
      ),
    },
    {
      name: 'a registration route file whose headers constant its POST and OPTIONS answers spread',
      code: REGISTRATION_ROUTE('redirect_uris: body.redirect_uris'),
      filename: 'app/oauth/register/route.ts',
    },
    {
      name: "registration and revocation that parse the body with the MCP SDK's schemas of those requests",
      code: `import express from 'express';
import cors from 'cors';
import { OAuthClientMetadataSchema, OAuthTokenRevocationRequestSchema } from '@modelcontextprotocol/sdk/shared/auth.js';
import { clients } from './oauth-store';

const app = express();
app.post('/register', cors(), express.json(), async (req, res) => {
  const parsed = OAuthClientMetadataSchema.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ error: 'invalid_client_metadata' });
  res.status(201).json(await clients.register(parsed.data));
});
app.post('/revoke', cors(), express.urlencoded({ extended: false }), async (req, res) => {
  await clients.revoke(OAuthTokenRevocationRequestSchema.parse(req.body).token);
  res.status(200).end();
});
app.listen(3000, '127.0.0.1');`,
    },
  ],
  invalid: [
    {
      name: 'a headers constant that middleware sets reaches what follows it, which the analysis does not list',
      code: HEADERS_BY_MIDDLEWARE(" 'Access-Control-Allow-Origin': '*' "),
      output: null,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 58,
          suggestions: [
            { messageId: 'denyOrigins', output: HEADERS_BY_MIDDLEWARE('') },
            {
              messageId: 'useAllowedOrigin',
              output: HEADERS_BY_MIDDLEWARE(
                " 'Access-Control-Allow-Origin': ALLOWED_ORIGIN ",
                "\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
              ),
            },
          ],
        },
      ],
    },
    ...[
      {
        name: 'a `/token` route that makes its own client-credentials request reads no parameter of the request',
        token:
          "const form = new URLSearchParams({ grant_type: 'client_credentials' });\n  res.json(await redeemCode(form.toString(), ''));",
      },
      {
        name: 'a `/token` route that hands out the server token reads no OAuth parameter: every site reads it',
        token: 'res.json({ token: process.env.MCP_TOKEN });',
      },
    ].map(({ name, token }) => ({
      name,
      code: OAUTH_ROUTES(token),
      output: null,
      errors: [
        {
          messageId: 'wildcardOrigin' as const,
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 11,
          column: 20,
          endLine: 11,
          endColumn: 26,
          suggestions: [
            { messageId: 'denyOrigins' as const, output: OAUTH_ROUTES(token, 'cors({ origin: false })') },
            {
              messageId: 'useAllowlist' as const,
              output: OAUTH_ROUTES(token, 'cors({ origin: ALLOWED_ORIGINS })').replace(
                "import { redeemCode } from './oauth-store';\n",
                "import { redeemCode } from './oauth-store';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
              ),
            },
          ],
        },
      ],
    })),
  ],
});

// An SSE stream takes its token in the query string (an `EventSource` sends no headers): a token a
// page does not know keeps it out as a header would; a session id any client can open does not.
const QUERY_TOKEN_STREAM = (read: string): string => `import express from 'express';
import { verifyStreamToken } from './mcp/tokens.js';

const app = express();
app.get('/mcp/events', async (req, res) => {
  const token = ${read};
  if (!token || !(await verifyStreamToken(String(token)))) {
    res.status(401).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Access-Control-Allow-Origin': '*' });
  res.write('data: {}\\n\\n');
});
app.listen(7100, '127.0.0.1');`;

/** The report on QUERY_TOKEN_STREAM's `*`, whose suggestions drop or replace it. */
const queryStreamReport = (read: string) => {
  const code = QUERY_TOKEN_STREAM(read);
  return {
    code,
    errors: [
      {
        messageId: 'wildcardOrigin' as const,
        data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
        line: 11,
        column: 61,
        endLine: 11,
        endColumn: 95,
        suggestions: [
          {
            messageId: 'denyOrigins' as const,
            output: code.replace(", 'Access-Control-Allow-Origin': '*' }", ' }'),
          },
          {
            messageId: 'useAllowedOrigin' as const,
            output: code
              .replace("'Access-Control-Allow-Origin': '*'", "'Access-Control-Allow-Origin': ALLOWED_ORIGIN")
              .replace(
                "from './mcp/tokens.js';\n",
                "from './mcp/tokens.js';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
              ),
          },
        ],
      },
    ],
  };
};

ruleTester.run('no-wildcard-origin: a token in the query string', noWildcardOriginRule, {
  valid: [
    { name: '`req.query.token`', code: QUERY_TOKEN_STREAM('req.query.token') },
    {
      name: "`new URL(req.url, base).searchParams.get('token')`",
      code: QUERY_TOKEN_STREAM("new URL(req.url, 'http://localhost').searchParams.get('token')"),
    },
  ],
  invalid: [
    { name: 'a session id, which any client can open', ...queryStreamReport('req.query.sessionId') },
    { name: 'a connection id, named as no secret', ...queryStreamReport('req.query.connectionId') },
    {
      name: 'with `trustCredentialChecks: false` (strict)',
      ...queryStreamReport('req.query.token'),
      options: [{ trustCredentialChecks: false }],
    },
  ],
});

/** UI assets of the package whose headers a helper sets, as `express.static`'s `setHeaders`; `more` follows. */
const ASSET_HEADERS = (root: string, more = ''): string => `import { fileURLToPath } from 'node:url';
import express, { type Response } from 'express';
import { handleMcp } from './mcp/handler.js';

function setAssetHeaders(res: Response): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
}

const app = express();
app.options('/ui-assets/{*asset}', (_req, res) => {
  setAssetHeaders(res);
  res.sendStatus(204);
});
app.use('/ui-assets', express.static(${root}, { setHeaders: setAssetHeaders }));
app.post('/mcp', ${more}handleMcp);
app.listen(3000, '127.0.0.1');`;

const PACKAGED_UI = "fileURLToPath(new URL('../dist/ui', import.meta.url))";

/** The report on the header `setAssetHeaders` writes in `code`, with its two suggestions. */
function assetHeaderReport(code: string) {
  return {
    code,
    errors: [
      {
        messageId: 'wildcardOrigin' as const,
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 52,
        suggestions: [
          {
            messageId: 'denyOrigins' as const,
            output: code.replace("  res.setHeader('Access-Control-Allow-Origin', '*');\n", ''),
          },
          {
            messageId: 'useAllowedOrigin' as const,
            output: code
              .replace("'Access-Control-Allow-Origin', '*'", "'Access-Control-Allow-Origin', ALLOWED_ORIGIN")
              .replace(
                "from './mcp/handler.js';\n",
                "from './mcp/handler.js';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
              ),
          },
        ],
      },
    ],
  };
}

/**
 * A Koa app that answers `/fonts/…` with koa-send's files under `root`, with `*` (line 12), beside
 * its MCP endpoint.
 */
const KOA_SEND = (root: string): string => `import path from 'node:path';
import Koa from 'koa';
import send from 'koa-send';
import { handleMcp } from './mcp/handler.js';

const app = new Koa();
app.use(async (ctx, next) => {
  if (ctx.path.startsWith('/fonts/')) {
    await send(ctx, ctx.path, {
      root: ${root},
      setHeaders: (res) => {
        res.setHeader('Access-Control-Allow-Origin', '*');
      },
    });
    return;
  }
  await next();
});
app.use(handleMcp);
app.listen(3000, '127.0.0.1');`;

ruleTester.run('no-wildcard-origin: a header helper of static files (`setHeaders`)', noWildcardOriginRule, {
  valid: [
    {
      name: "the package's own files and the preflight of their path: nothing private to read",
      code: ASSET_HEADERS(PACKAGED_UI),
    },
    {
      name: "`express.static`'s `setHeaders` written in its options",
      code: ASSET_HEADERS(PACKAGED_UI)
        .replace(
          "function setAssetHeaders(res: Response): void {\n  res.setHeader('Access-Control-Allow-Origin', '*');\n}\n\n",
          '',
        )
        .replace(
          "app.options('/ui-assets/{*asset}', (_req, res) => {\n  setAssetHeaders(res);\n  res.sendStatus(204);\n});\n",
          '',
        )
        .replace(
          '{ setHeaders: setAssetHeaders }',
          "{ setHeaders: (res) => res.setHeader('Access-Control-Allow-Origin', '*') }",
        ),
    },
    { name: "koa-send's files under a folder of the package", code: KOA_SEND("path.join(__dirname, 'public')") },
  ],
  invalid: [
    {
      name: 'a folder the environment names, which may be anything',
      ...assetHeaderReport(ASSET_HEADERS('process.env.ASSETS_DIR ?? "ui"')),
    },
    {
      name: 'koa-send given a folder the environment names',
      code: KOA_SEND('process.env.FONTS_DIR ?? "fonts"'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 12,
          column: 9,
          endLine: 12,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: KOA_SEND('process.env.FONTS_DIR ?? "fonts"').replace(
                "        res.setHeader('Access-Control-Allow-Origin', '*');\n",
                '',
              ),
            },
            {
              messageId: 'useAllowedOrigin',
              output: KOA_SEND('process.env.FONTS_DIR ?? "fonts"')
                .replace("'Access-Control-Allow-Origin', '*'", "'Access-Control-Allow-Origin', ALLOWED_ORIGIN")
                .replace(
                  "from './mcp/handler.js';\n",
                  "from './mcp/handler.js';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
                ),
            },
          ],
        },
      ],
    },
    {
      name: 'a GET route under the files’ path that calls the helper answers more than files',
      ...assetHeaderReport(
        ASSET_HEADERS(PACKAGED_UI).replace(
          "app.options('/ui-assets/{*asset}', (_req, res) => {\n  setAssetHeaders(res);\n  res.sendStatus(204);\n});",
          "app.get('/ui-assets/index.json', (_req, res) => {\n  setAssetHeaders(res);\n  res.json({ user: process.env.USER });\n});",
        ),
      ),
    },
    {
      name: 'the helper also sets the header on the MCP endpoint',
      ...assetHeaderReport(
        ASSET_HEADERS(PACKAGED_UI, '(req, res, next) => {\n  setAssetHeaders(res);\n  next();\n}, '),
      ),
    },
  ],
});

/** An app that turns away only requests carrying neither header `gate` names, then answers `*`. */
const EITHER_HEADER_GATE = `import express from 'express';
import cors from 'cors';
import { handleMcp } from './mcp/handler.js';

const app = express();
app.use((req, res, next) => {
  if (!req.headers['mcp-session-id'] && !req.headers.authorization) {
    res.status(401).end();
    return;
  }
  next();
});
app.use(cors({ origin: '*' }));
app.get('/metrics', (_req, res) => {
  res.json({ sessions: 3 });
});
app.post('/mcp', handleMcp);
app.listen(3000, '127.0.0.1');`;

ruleTester.run('no-wildcard-origin: a gate that any other header a page sends opens', noWildcardOriginRule, {
  valid: [],
  invalid: [
    {
      name: 'no Authorization is let in with an Mcp-Session-Id, which a page sends after the preflight `*` approves',
      code: EITHER_HEADER_GATE,
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 13,
          column: 16,
          endLine: 13,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: EITHER_HEADER_GATE.replace("cors({ origin: '*' })", 'cors({ origin: false })'),
            },
            {
              messageId: 'useAllowlist',
              output: EITHER_HEADER_GATE.replace("cors({ origin: '*' })", 'cors({ origin: ALLOWED_ORIGINS })').replace(
                "import { handleMcp } from './mcp/handler.js';\n",
                "import { handleMcp } from './mcp/handler.js';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
              ),
            },
          ],
        },
      ],
    },
  ],
});

/** `cors()` on an app whose middleware refuses a request when `test` holds, before its MCP route. */
const REFUSING_APP = (policy: string, test: string): string => `import cors from 'cors';
import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const TOKEN = process.env.MCP_TOKEN || '';
const app = express();
app.use(cors(${policy}));
app.use((req, res, next) => {
  if (${test}) return void res.status(401).end();
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;
const OPT_IN_TEST = "TOKEN && req.headers['x-mcp-token'] !== TOKEN";

ruleTester.run('no-wildcard-origin: a token check that runs only while the token is set', noWildcardOriginRule, {
  valid: [{ name: 'a check that always runs', code: REFUSING_APP('', "req.headers['x-mcp-token'] !== TOKEN") }],
  invalid: failClosedFix([
    {
      name: '`TOKEN && header !== TOKEN`: out of the box, every request gets through',
      code: REFUSING_APP('', OPT_IN_TEST),
      output: REFUSING_APP('{ origin: false }', OPT_IN_TEST),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: allowlisted(REFUSING_APP('{ origin: ALLOWED_ORIGINS }', OPT_IN_TEST)),
            },
          ],
        },
      ],
    },
  ]),
});

/** An MCP app that installs its policy with `install`, and (`guarded`) a bearer guard on every request. */
const INSTALLED_POLICY = (install: string, guarded: boolean): string => `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
${install}
app.use(express.json());
${guarded ? 'app.use(requireBearerAuth({ verifier }));\n' : ''}${mcpRoute()}
app.listen(3000, '127.0.0.1');`;
const HELD = 'const open = cors();\napp.use(open);';
const PREFLIGHT_PATTERN = 'app.options(/.*/, cors());\napp.use(cors());';

ruleTester.run(
  'no-wildcard-origin: a policy held in a constant, or answering preflights at a pattern',
  noWildcardOriginRule,
  {
    valid: [
      { name: 'held in a constant, on an app that checks a bearer token', code: INSTALLED_POLICY(HELD, true) },
      {
        name: 'preflights of every path, on an app that checks a bearer token',
        code: INSTALLED_POLICY(PREFLIGHT_PATTERN, true),
      },
    ],
    invalid: failClosedFix([
      {
        name: 'held in a constant, on an app that checks nothing',
        code: INSTALLED_POLICY(HELD, false),
        output: INSTALLED_POLICY(HELD.replace('cors()', 'cors({ origin: false })'), false),
        errors: [
          {
            messageId: 'wildcardOrigin',
            data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
            line: 9,
            column: 14,
            endLine: 9,
            endColumn: 20,
            suggestions: [
              {
                messageId: 'useAllowlist',
                output: allowlisted(
                  INSTALLED_POLICY(HELD.replace('cors()', 'cors({ origin: ALLOWED_ORIGINS })'), false),
                ),
              },
            ],
          },
        ],
      },
      {
        name: 'preflights of every path, on an app that checks nothing',
        code: INSTALLED_POLICY(PREFLIGHT_PATTERN, false),
        output: INSTALLED_POLICY(PREFLIGHT_PATTERN.replaceAll('cors()', 'cors({ origin: false })'), false),
        errors: [9, 10].map((line) => ({
          messageId: line === 9 ? ('wildcardPreflight' as const) : ('wildcardOrigin' as const),
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line,
          column: line === 9 ? 19 : 9,
          endLine: line,
          endColumn: line === 9 ? 25 : 15,
          suggestions: [
            {
              messageId: 'useAllowlist' as const,
              output: allowlisted(
                INSTALLED_POLICY(
                  line === 9
                    ? PREFLIGHT_PATTERN.replace('cors()', 'cors({ origin: ALLOWED_ORIGINS })')
                    : 'app.options(/.*/, cors());\napp.use(cors({ origin: ALLOWED_ORIGINS }));',
                  false,
                ),
              ),
            },
          ],
        })),
      },
    ]),
  },
);

/** `cors()` and an Origin guard (`guard`, in middleware before the MCP route). */
const ORIGIN_GUARDED = (policy: string, guard: string): string => `import cors from 'cors';
import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const ALLOWED = ['http://localhost:6274'];
const app = express();
app.use(cors(${policy}));
app.use((req, res, next) => {
  const origin = req.headers.origin;
  ${guard}
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;
const FOREIGN_REFUSED = 'if (origin !== undefined && !ALLOWED.includes(origin)) return void res.status(403).end();';

ruleTester.run('no-wildcard-origin: endpoints that refuse a foreign Origin first', noWildcardOriginRule, {
  valid: [
    {
      name: 'a guard with a pattern anchored at both ends',
      code: ORIGIN_GUARDED(
        '',
        'if (origin !== undefined && !/^http:\\/\\/localhost:6274$/.test(origin)) return void res.status(403).end();',
      ),
    },
    { name: 'a guard that refuses an Origin it does not list', code: ORIGIN_GUARDED('', FOREIGN_REFUSED) },
    {
      name: 'credentials allowed too: the page still reads only the refusal',
      code: ORIGIN_GUARDED('{ credentials: true }', FOREIGN_REFUSED),
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a guard that matches a prefix (`some((a) => origin.startsWith(a))`)',
      code: ORIGIN_GUARDED(
        '',
        'if (origin !== undefined && !ALLOWED.some((allowed) => origin.startsWith(allowed))) return void res.status(403).end();',
      ),
      output: ORIGIN_GUARDED(
        '{ origin: false }',
        'if (origin !== undefined && !ALLOWED.some((allowed) => origin.startsWith(allowed))) return void res.status(403).end();',
      ),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: allowlisted(
                ORIGIN_GUARDED(
                  '{ origin: ALLOWED_ORIGINS }',
                  'if (origin !== undefined && !ALLOWED.some((allowed) => origin.startsWith(allowed))) return void res.status(403).end();',
                ),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a guard that looks for a part (`origin.includes(a)`)',
      code: ORIGIN_GUARDED(
        '',
        'if (origin !== undefined && !ALLOWED.some((allowed) => origin.includes(allowed))) return void res.status(403).end();',
      ),
      output: ORIGIN_GUARDED(
        '{ origin: false }',
        'if (origin !== undefined && !ALLOWED.some((allowed) => origin.includes(allowed))) return void res.status(403).end();',
      ),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: allowlisted(
                ORIGIN_GUARDED(
                  '{ origin: ALLOWED_ORIGINS }',
                  'if (origin !== undefined && !ALLOWED.some((allowed) => origin.includes(allowed))) return void res.status(403).end();',
                ),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a guard that lets GET through',
      code: ORIGIN_GUARDED(
        '',
        "if (origin !== undefined && !ALLOWED.includes(origin) && req.method !== 'GET') return void res.status(403).end();",
      ),
      output: ORIGIN_GUARDED(
        '{ origin: false }',
        "if (origin !== undefined && !ALLOWED.includes(origin) && req.method !== 'GET') return void res.status(403).end();",
      ),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: allowlisted(
                ORIGIN_GUARDED(
                  '{ origin: ALLOWED_ORIGINS }',
                  "if (origin !== undefined && !ALLOWED.includes(origin) && req.method !== 'GET') return void res.status(403).end();",
                ),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a guard that only wants an Origin to be there',
      code: ORIGIN_GUARDED('', 'if (!origin) return void res.status(403).end();'),
      output: ORIGIN_GUARDED('{ origin: false }', 'if (!origin) return void res.status(403).end();'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: allowlisted(
                ORIGIN_GUARDED('{ origin: ALLOWED_ORIGINS }', 'if (!origin) return void res.status(403).end();'),
              ),
            },
          ],
        },
      ],
    },
  ]),
});

/** `cors({ origin: '*' })` with credentials spread in only under a condition. */
const CONDITIONAL_CREDENTIALS = (origin: string): string => `import cors from 'cors';
import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = express();
app.use(cors({ origin: ${origin}, ...(process.env.COOKIES === 'on' && { credentials: true }) }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run('no-wildcard-origin: options set under a condition of a spread', noWildcardOriginRule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'the origin before the spread is read; credentials only under its condition are not counted',
      code: CONDITIONAL_CREDENTIALS("'*'"),
      output: CONDITIONAL_CREDENTIALS('false'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` with an `origin` that is `*`', credentials: '' },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 27,
          suggestions: [{ messageId: 'useAllowlist', output: allowlisted(CONDITIONAL_CREDENTIALS('ALLOWED_ORIGINS')) }],
        },
      ],
    },
  ]),
});

/** `cors()` and a token check that `bypass` may let a request skip. */
const LOCAL_BYPASS = (bypass: string): string => `import cors from 'cors';
import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const LOCAL_ADDRESSES = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];
const app = express();
app.use(cors());
app.use((req, res, next) => {
  ${bypass}
  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) return void res.status(401).end();
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;
const BY_ADDRESS = "if (LOCAL_ADDRESSES.includes(req.socket.remoteAddress ?? '')) return next();";
const BY_IP = "if (req.ip === '127.0.0.1') return next();";

ruleTester.run('no-wildcard-origin: a token check that callers on the machine skip', noWildcardOriginRule, {
  valid: [
    { name: 'no way around the token', code: LOCAL_BYPASS('') },
    {
      name: 'a local branch that wants the token too',
      code: LOCAL_BYPASS(
        "if (req.ip === '127.0.0.1' && req.headers.authorization === `Bearer ${process.env.MCP_TOKEN}`) return next();",
      ),
    },
    {
      name: 'a local branch with a key of its own',
      code: LOCAL_BYPASS(
        "if (req.ip === '127.0.0.1') {\n    if (req.headers['x-local-key'] !== process.env.LOCAL_KEY) return void res.status(401).end();\n    return next();\n  }",
      ),
    },
    {
      name: 'a local bypass a setting turns on, off out of the box',
      code: LOCAL_BYPASS("if (process.env.TRUST_LOCAL === '1' && req.ip === '127.0.0.1') return next();"),
    },
  ],
  invalid: failClosedFix(
    [
      ['the socket address in a list of loopback addresses', BY_ADDRESS],
      ["express's `req.ip` equal to `127.0.0.1`", BY_IP],
    ].map(([name, bypass]) => ({
      name: `${name}: every page in the user's browser connects from loopback`,
      code: LOCAL_BYPASS(bypass!),
      output: LOCAL_BYPASS(bypass!).replace('cors()', 'cors({ origin: false })'),
      errors: [
        {
          messageId: 'wildcardOrigin' as const,
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist' as const,
              output: allowlisted(LOCAL_BYPASS(bypass!).replace('cors()', 'cors({ origin: ALLOWED_ORIGINS })')),
            },
          ],
        },
      ],
    })),
  ),
});

ruleTester.run('require-csrf-token: a token check that callers on the machine skip', requireCsrfTokenRule, {
  valid: [{ name: 'no way around the token', code: LOCAL_BYPASS('') }],
  invalid: [
    {
      name: "the socket address in a list of loopback addresses: a cross-site page's request is local too",
      code: LOCAL_BYPASS(BY_ADDRESS),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [12, 1, 12, 9], (bearer) =>
          LOCAL_BYPASS(BY_ADDRESS).replace(
            "app.post('/mcp', ",
            `\n${tokenHelpers({ bearer })}\n\napp.post('/mcp', ${guard('express', bearer)}`,
          ),
        ),
      ],
    },
  ],
});
