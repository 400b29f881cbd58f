import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import envRule from '../../src/rules/no-env-allowed-origins';
import reflectedRule from '../../src/rules/no-reflected-origin';
import { createRuleTester, failClosedFix } from '../rule-tester';
import { guard, hostValidated, missingCheck, tokenHelpers } from '../support/fix-text';

// Checks that are there and decide nothing: a Host or Origin check that waves every request
// through while its list is unset, an origin check of the project that answers yes to every
// origin, and an environment list that a package reads as a wildcard when it holds `*`.

const ruleTester = createRuleTester();

const FAIL_OPEN_PREDICATE = `const allowed = process.env.ALLOWED_ORIGINS?.split(',');
export function isAllowedOrigin(origin: string): boolean {
  if (!allowed) return RESULT;
  return allowed.includes(origin);
}`;

/** The report on `if (!allowed)` at line 5, column 7, of a check with no one-word change. */
const FAIL_OPEN_AT_LINE_5 = {
  messageId: 'failOpenCheck',
  data: { header: 'Origin' },
  line: 5,
  column: 7,
  endLine: 5,
  endColumn: 15,
  suggestions: [],
} as const;

/**
 * A ws bridge whose `verifyClient` hands the handshake's Origin to a check that answers `result`
 * while its list is unset.
 */
const WS_FAIL_OPEN = (result: string): string => `import { WebSocketServer } from 'ws';
// The MCP bridge's socket.
${FAIL_OPEN_PREDICATE.replace('export function', 'function').replace('RESULT', result)}
export const wss = new WebSocketServer({ port: 8765, host: '127.0.0.1', verifyClient: (info) => isAllowedOrigin(info.origin) });`;

/** A relay that checks a request's origin through a type of its own named `MessageEvent`. */
const LOCAL_MESSAGE_EVENT = `import express from 'express';

// A message on the MCP relay: what a page posted, with its origin.
interface MessageEvent {
  origin: string;
  data: unknown;
}
const ALLOWED = (process.env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean);
function allowed(origin: string): boolean {
  if (ALLOWED.length === 0) return true;
  return ALLOWED.includes(origin);
}
function relay(event: MessageEvent): boolean {
  return allowed(event.origin);
}
const app = express();
app.post('/mcp', (req, res) => {
  if (!relay({ origin: req.headers.origin ?? '', data: req.body })) return void res.status(403).end();
  res.json({ ok: true });
});`;

ruleTester.run('require-dns-rebinding-protection: checks that fail open', dnsRule, {
  valid: [
    {
      name: 'a key read from a header or the query of a URL built on the Host, looked up: no test of a Host list',
      code: `import type { IncomingMessage, ServerResponse } from 'node:http';
import { lookupLicense } from './licenses';

export const requireLicense =
  (settings: { licenses: Map<string, string>; required: boolean }) =>
  async (req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> => {
    const key =
      (req.headers['x-license-key'] as string | undefined) ||
      new URL(req.url ?? '/', \`http://\${req.headers.host}\`).searchParams.get('license');
    if (!key) {
      if (settings.required) {
        res.writeHead(402).end();
        return;
      }
      next();
      return;
    }
    if (!lookupLicense(key, settings.licenses)) {
      res.writeHead(402).end();
      return;
    }
    next();
  };`,
    },
    {
      name: 'a parameter that identifies a host record (hostId) is no Host value, whatever a log line says',
      code: `import { saveRow } from './db';
export class FindingsStore {
  async record(hostId: number, findings: string[]): Promise<boolean> {
    if (findings.length === 0) return true;
    try {
      return (await Promise.all(findings.map((finding) => saveRow(hostId, finding)))).every(Boolean);
    } catch (error) {
      console.warn(\`could not record findings on host \${hostId}: \${error}\`);
      return false;
    }
  }
}`,
    },
    {
      name: 'a missing value that is not the list the host is tested against (a cache entry)',
      code: `const sessions = new Map<string, { secret?: string; expires: number }>();
export function sessionUsable(host: string): boolean {
  const entry = sessions.get(host);
  if (!entry) return false;
  if (!entry.secret) return true;
  return entry.expires > Date.now();
}`,
    },
    {
      name: "a predicate the module calls only with a \`message\` event's origin",
      code: `// The MCP app's frame talks to its host page.
let trustedParent: string | undefined;
function fromParent(origin: string): boolean {
  if (!trustedParent) {
    trustedParent = origin;
    return true;
  }
  return trustedParent === origin;
}
window.addEventListener('message', (event) => {
  if (!fromParent(event.origin)) return;
  console.log(event.data);
});`,
    },
    {
      name: 'a method that checks the origin of a parameter declared as a \`MessageEvent\`',
      code: `// The MCP app's frame talks to its host page.
export class FrameBridge {
  private trusted: string | undefined;
  private readonly listener = (event: MessageEvent): void => this.receive(event);

  start(): void {
    window.addEventListener('message', this.listener);
  }

  private receive(event: MessageEvent): void {
    if (!this.fromParent(event.origin)) return;
    console.log(event.data);
  }

  private fromParent(origin: string): boolean {
    if (!this.trusted) {
      this.trusted = origin;
      return true;
    }
    return this.trusted === origin;
  }
}`,
    },
    {
      name: "a proxy that routes by the request's own Host, passing on a request for a site it does not know",
      code: `import http from 'node:http';
import type { RequestHandler } from 'express';

// Sites of the MCP workspace, each served on a port of its own.
interface Site {
  hostname: string;
  port: number;
}
export function siteProxy(sites: { find(host: string): Site | undefined }): RequestHandler {
  return (req, res, next) => {
    const host = req.headers.host;
    if (!host) {
      next();
      return;
    }
    const site = sites.find(host);
    if (!site) {
      next();
      return;
    }
    const upstream = http.request({ hostname: '127.0.0.1', port: site.port, path: req.originalUrl }, (answer) => {
      res.writeHead(answer.statusCode ?? 502);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      console.warn({ error, hostname: site.hostname }, 'upstream unreachable');
      if (!res.headersSent) res.writeHead(502).end('502 Bad Gateway');
    });
    req.pipe(upstream);
  };
}`,
    },
    {
      name: 'a check that refuses while its list is unset',
      code: FAIL_OPEN_PREDICATE.replace('RESULT', 'false'),
    },
    {
      name: 'a CORS middleware that skips while its list is unset, and only leaves its headers out for other origins',
      code: `import express from 'express';
const allowed = process.env.ALLOWED_ORIGINS?.split(',');
const app = express();
app.use((req, res, next) => {
  if (!allowed) return next();
  const origin = req.headers.origin;
  if (origin && allowed.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
    },
  ],
  invalid: [
    {
      name: "a project's own type named \`MessageEvent\` that carries a request's origin",
      code: LOCAL_MESSAGE_EVENT,
      errors: [
        {
          messageId: 'failOpenCheck',
          data: { header: 'Origin' },
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'refuseUntilConfigured',
              output: LOCAL_MESSAGE_EVENT.replace(
                'ALLOWED.length === 0) return true',
                'ALLOWED.length === 0) return false',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'an Origin list looked up by the Host, missing for a Host no site is served on (a rebinding name)',
      code: `import type { Request, Response, NextFunction } from 'express';

// The origins each MCP site's pages may use, by the Host the site is served on.
const SITES: Record<string, { origins: string[] }> = { 'localhost:3000': { origins: ['http://localhost:3000'] } };

export function originGuard(req: Request, res: Response, next: NextFunction) {
  const allowed = SITES[req.headers.host ?? '']?.origins;
  if (!allowed) return next();
  if (!allowed.includes(req.headers.origin ?? '')) return res.status(403).end();
  next();
}`,
      errors: [
        {
          messageId: 'failOpenCheck',
          data: { header: 'Origin' },
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 15,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a Host list read from the settings with `config.get()`',
      code: `import type { Request, Response, NextFunction } from 'express';
import config from 'config';

// The MCP server's settings.
export function hostGuard(req: Request, res: Response, next: NextFunction) {
  const allowed = config.get<{ allowedHosts?: string[] }>('server').allowedHosts;
  if (!allowed) return next();
  if (!allowed.includes(req.headers.host ?? '')) return res.status(403).end();
  next();
}`,
      errors: [
        {
          messageId: 'failOpenCheck',
          data: { header: 'Host' },
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 15,
          suggestions: [],
        },
      ],
    },
    {
      name: "a ws server's `verifyClient` hands the check the handshake's Origin",
      code: WS_FAIL_OPEN('true'),
      errors: [
        {
          ...FAIL_OPEN_AT_LINE_5,
          suggestions: [{ messageId: 'refuseUntilConfigured', output: WS_FAIL_OPEN('false') }],
        },
      ],
    },
    {
      name: "a predicate's `return true` while the list is unset becomes `return false`",
      code: FAIL_OPEN_PREDICATE.replace('RESULT', 'true'),
      errors: [
        {
          messageId: 'failOpenCheck',
          data: { header: 'Origin' },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 15,
          suggestions: [{ messageId: 'refuseUntilConfigured', output: FAIL_OPEN_PREDICATE.replace('RESULT', 'false') }],
        },
      ],
    },
    {
      name: 'a Hono middleware that refuses with `c.json(…, 403)` once configured',
      code: `import { Hono } from 'hono';
const allowed = process.env.ALLOWED_ORIGINS?.split(',');
const app = new Hono();
app.use(async (c, next) => {
  if (!allowed) return next();
  const origin = c.req.header('origin');
  if (!origin || !allowed.includes(origin)) return c.json({ error: 'forbidden' }, 403);
  await next();
});`,
      errors: [FAIL_OPEN_AT_LINE_5],
    },
    {
      name: 'a node:http guard that sets `res.statusCode = 403` once configured',
      code: `import type { IncomingMessage, ServerResponse } from 'node:http';
const allowed = process.env.ALLOWED_ORIGINS?.split(',');
export function guard(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const origin = req.headers.origin;
  if (!allowed) return next();
  if (!origin || !allowed.includes(origin)) {
    res.statusCode = 403;
    res.end();
    return;
  }
  next();
}`,
      errors: [FAIL_OPEN_AT_LINE_5],
    },
    {
      name: 'a middleware that calls `next()` while the list is unset has no one-word change: no suggestion',
      code: `import express from 'express';
const allowed = process.env.ALLOWED_HOSTS?.split(',');
const app = express();
app.use((req, res, next) => {
  if (!allowed) return next();
  if (!allowed.includes(req.headers.host ?? '')) return res.status(403).end();
  next();
});`,
      errors: [
        {
          messageId: 'failOpenCheck',
          data: { header: 'Host' },
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 15,
          suggestions: [],
        },
      ],
    },
  ],
});

/** The DNS report on an SDK transport made at `line`, whose suggestion turns its protection on (`output`). */
const unprotectedAt = (line: number, output: string) =>
  ({
    messageId: 'unprotectedTransport',
    data: { transport: '`StreamableHTTPServerTransport`' },
    line,
    column: 25,
    endLine: line,
    endColumn: 54,
    suggestions: [{ messageId: 'validateHost', output }],
  }) as const;

/** An express MCP server whose Origin gate asks `isAllowedOrigin`, which answers `RESULT`. */
const STUB_PREDICATE = (result: string, options = ''): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const ALLOWED = ['https://app.example.com'];
function isAllowedOrigin(origin: string | undefined): boolean {
  return ${result};
}
const app = express();
app.use((req, res, next) => {
  if (!isAllowedOrigin(req.headers.origin)) return res.status(403).end();
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined${options} });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run('require-dns-rebinding-protection: an Origin gate whose predicate answers yes to everything', dnsRule, {
  valid: [
    {
      name: 'the predicate looks the origin up in a list',
      code: STUB_PREDICATE('origin !== undefined && ALLOWED.includes(origin)'),
    },
    {
      name: 'a predicate that asserts with a library before its `return true` may throw: a check',
      code: STUB_PREDICATE('true').replace(
        '  return true;',
        "  assert.ok(origin === undefined || ALLOWED.includes(origin), 'forbidden origin');\n  return true;",
      ),
    },
    {
      name: 'a validator that throws for a foreign origin and returns `true` otherwise',
      code: STUB_PREDICATE('true').replace(
        '  return true;',
        "  if (origin && !ALLOWED.includes(origin)) throw new Error('forbidden origin');\n  return true;",
      ),
    },
  ],
  invalid: [
    {
      name: 'a stub that logs before its `return true` refuses nothing either',
      code: STUB_PREDICATE('true').replace('  return true;', "  console.debug('origin', origin);\n  return true;"),
      output: null,
      errors: [
        unprotectedAt(
          15,
          hostValidated(STUB_PREDICATE('true')).replace(
            '  return true;',
            "  console.debug('origin', origin);\n  return true;",
          ),
        ),
      ],
    },
    {
      name: 'a predicate that returns `true` on every path never lets the gate refuse',
      code: STUB_PREDICATE('true'),
      output: null,
      errors: [unprotectedAt(14, hostValidated(STUB_PREDICATE('true')))],
    },
  ],
});

/**
 * STUB_PREDICATE's server, whose gate hands the request to `originAllowed`, which reads Origin
 * itself and then runs `foreign`.
 */
const REQUEST_PREDICATE = (foreign: string, options = ''): string =>
  STUB_PREDICATE('true', options)
    .replace(
      `function isAllowedOrigin(origin: string | undefined): boolean {
  return true;
}`,
      `function originAllowed(req: express.Request): boolean {
  const origin = req.get('origin');
  if (origin && !ALLOWED.includes(origin)) {
    ${foreign}
  }
  return true;
}`,
    )
    .replace('if (!isAllowedOrigin(req.headers.origin))', 'if (!originAllowed(req))');

ruleTester.run(
  'require-dns-rebinding-protection: an Origin gate whose helper reads the request and answers yes',
  dnsRule,
  {
    valid: [
      {
        name: 'the helper answers `false` for a foreign origin',
        code: REQUEST_PREDICATE('return false;'),
      },
      {
        name: 'the helper answers `true` only for a listed origin and falls off its end (`undefined`) otherwise',
        code: REQUEST_PREDICATE('return false;').replace(
          `  if (origin && !ALLOWED.includes(origin)) {
    return false;
  }
  return true;
}`,
          `  if (!origin || ALLOWED.includes(origin)) return true;
}`,
        ),
      },
    ],
    invalid: [
      {
        name: 'the helper only logs a foreign origin before its `return true`',
        code: REQUEST_PREDICATE("console.warn('foreign origin', origin);"),
        output: null,
        errors: [unprotectedAt(18, hostValidated(REQUEST_PREDICATE("console.warn('foreign origin', origin);")))],
      },
    ],
  },
);

/** REQUEST_PREDICATE with the token check the suggestion puts on the route, and its helpers before the route. */
const requestPredicateFixed = (foreign: string) => (bearer: boolean) =>
  REQUEST_PREDICATE(foreign).replace(
    "app.post('/mcp', async",
    `\n${tokenHelpers({ bearer })}\n\napp.post('/mcp', ${guard('express', bearer)}async`,
  );

ruleTester.run('require-csrf-token: an Origin gate whose helper reads the request and answers yes', csrfRule, {
  valid: [
    {
      name: 'on loopback, the helper that answers `false` for a foreign origin keeps cross-site requests out',
      code: REQUEST_PREDICATE('return false;'),
    },
  ],
  invalid: [
    {
      name: 'the helper only logs a foreign origin before its `return true`',
      code: REQUEST_PREDICATE("console.warn('foreign origin', origin);"),
      errors: [
        missingCheck('`POST /mcp`', [17, 1, 17, 9], requestPredicateFixed("console.warn('foreign origin', origin);")),
      ],
    },
  ],
});

ruleTester.run('no-reflected-origin: an origin check that accepts every origin', reflectedRule, {
  valid: [
    {
      name: 'the check throws for a foreign origin and returns `true` otherwise',
      code: `import express from 'express';
import cors from 'cors';
const ALLOWED = ['https://app.example.com'];
function isAllowedOrigin(origin: string): boolean {
  if (!ALLOWED.includes(origin)) throw new Error('forbidden origin');
  return true;
}
express().use(cors({ origin: (origin, callback) => callback(null, isAllowedOrigin(origin ?? '')) }));`,
    },
    {
      name: 'the check the `origin` function calls tests a constant allowlist',
      code: `import express from 'express';
import cors from 'cors';
const ALLOWED = new Set(['https://app.example.com']);
function isAllowedOrigin(origin: string): boolean {
  return ALLOWED.has(origin);
}
express().use(cors({ origin: (origin, callback) => callback(null, isAllowedOrigin(origin ?? '')) }));`,
    },
  ],
  invalid: [
    {
      name: 'the check returns `true` whatever it is given: reported at that `true`',
      code: `import express from 'express';
import cors from 'cors';
function isAllowedOrigin(origin: string): boolean {
  return true;
}
express().use(cors({ origin: (origin, callback) => callback(null, isAllowedOrigin(origin ?? '')) }));`,
      errors: [
        {
          messageId: 'alwaysAllowingCheck',
          data: { check: '`isAllowedOrigin()`' },
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 14,
        },
      ],
    },
  ],
});

ruleTester.run('no-env-allowed-origins: a list that holds a wildcard in fastify-cors', envRule, {
  valid: [
    {
      name: 'cors takes a list member by member: an exact list from the environment is strict-only',
      code: `import express from 'express';
import cors from 'cors';
express().use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [] }));`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a list from the environment given to @fastify/cors is reported by default',
      code: `import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
const app = Fastify();
await app.register(fastifyCors, { origin: process.env.CORS_ORIGINS?.split(',') ?? [] });`,
      output: `import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
const app = Fastify();
await app.register(fastifyCors, { origin: [] as string[] /* was env CORS_ORIGINS: list the allowed origins here */ });`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGINS`', credentials: '' },
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
const app = Fastify();
await app.register(fastifyCors, { origin: ['https://app.example.com'] });`,
            },
          ],
        },
      ],
    },
  ]),
});

/** An `origin` function that says yes to everything when `allowed` holds `'*'`, as `test` decides. */
const STAR_LISTED = (list: string, test: string): string => `import express from 'express';
import cors from 'cors';
const allowed = ${list};
express().use(
  cors({
    origin: (origin, callback) => {
      if (!origin || ${test}) return callback(null, true);
      callback(new Error('origin not allowed'));
    },
  }),
);`;

ruleTester.run(
  "no-reflected-origin: an origin check that lets every origin in when its list holds '*'",
  reflectedRule,
  {
    valid: [
      {
        name: "a list with no '*' in it",
        code: STAR_LISTED("['https://app.example.com']", "allowed.includes('*') || allowed.includes(origin)"),
      },
      {
        name: "a list from the environment: what it holds is the environment rule's to judge",
        code: STAR_LISTED(
          "process.env.ALLOWED_ORIGINS?.split(',') ?? []",
          "allowed.includes('*') || allowed.includes(origin)",
        ),
      },
      {
        name: "a '*' that is refused, not admitted",
        code: `import express from 'express';
import cors from 'cors';
const allowed = ['*', 'https://app.example.com'];
express().use(
  cors({
    origin: (origin, callback) => {
      if (allowed.includes('*')) return callback(new Error('no wildcard'));
      callback(null, origin !== undefined && allowed.includes(origin));
    },
  }),
);`,
      },
      {
        name: "every() true: each entry must be '*' or the origin, which a list with another origin is not for every origin",
        code: STAR_LISTED(
          "['*', 'https://app.example.com']",
          "allowed.every((entry) => entry === '*' || entry === origin)",
        ),
      },
      {
        name: "the origin itself compared with '*' is no list",
        code: STAR_LISTED("['https://app.example.com']", "origin === '*' || allowed.includes(origin)"),
      },
    ],
    invalid: [
      {
        name: "`includes('*')` on a constant list that holds '*': the test is dropped on request",
        code: STAR_LISTED("['*', 'https://app.example.com']", "allowed.includes('*') || allowed.includes(origin)"),
        output: null,
        errors: [
          {
            messageId: 'wildcardInList',
            data: { list: '`allowed`', place: 'line 3' },
            line: 7,
            column: 22,
            endLine: 7,
            endColumn: 43,
            suggestions: [
              {
                messageId: 'dropWildcardTest',
                output: STAR_LISTED("['*', 'https://app.example.com']", 'allowed.includes(origin)'),
              },
            ],
          },
        ],
      },
      {
        name: "an entry compared with '*' inside some(): the entry stands for the list",
        code: STAR_LISTED(
          "['*', 'https://app.example.com']",
          "allowed.some((entry) => entry === '*' || entry === origin)",
        ),
        output: null,
        errors: [
          {
            messageId: 'wildcardInList',
            data: { list: '`allowed`', place: 'line 3' },
            line: 7,
            column: 46,
            endLine: 7,
            endColumn: 59,
            suggestions: [
              {
                messageId: 'dropWildcardTest',
                output: STAR_LISTED("['*', 'https://app.example.com']", 'allowed.some((entry) => entry === origin)'),
              },
            ],
          },
        ],
      },
      {
        name: 'a test that must hold with another to let every origin in has no suggestion: dropping it lets more in',
        code: STAR_LISTED("['*']", "(allowed.length === 1 && allowed[0] === '*') || allowed.includes(origin)"),
        output: null,
        errors: [
          {
            messageId: 'wildcardInList',
            data: { list: '`allowed`', place: 'line 3' },
            line: 7,
            column: 47,
            endLine: 7,
            endColumn: 65,
            suggestions: [],
          },
        ],
      },
      {
        name: "a Set made from a list with '*', asked with `has`",
        code: STAR_LISTED("new Set(['*'])", "allowed.has('*') || allowed.has(origin)"),
        output: null,
        errors: [
          {
            messageId: 'wildcardInList',
            data: { list: '`allowed`', place: 'line 3' },
            line: 7,
            column: 22,
            endLine: 7,
            endColumn: 38,
            suggestions: [
              { messageId: 'dropWildcardTest', output: STAR_LISTED("new Set(['*'])", 'allowed.has(origin)') },
            ],
          },
        ],
      },
      {
        name: "`indexOf('*') !== -1`, with the fail-closed change applied as the fix",
        code: STAR_LISTED("['*']", "allowed.indexOf('*') !== -1 || allowed.includes(origin)"),
        options: [{ failClosedFix: true }],
        output: STAR_LISTED("['*']", 'allowed.includes(origin)'),
        errors: [
          {
            messageId: 'wildcardInList',
            data: { list: '`allowed`', place: 'line 3' },
            line: 7,
            column: 22,
            endLine: 7,
            endColumn: 49,
          },
        ],
      },
      {
        name: "a middleware's gate whose list parameter defaults to a list with '*', asked for its first entry",
        code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function allowFrom(list: string[] = ['*']) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const origin = req.headers.origin ?? '';
    if (list[0] !== '*' && !list.includes(origin)) {
      res.statusCode = 403;
      return res.end();
    }
    next();
  };
}`,
        output: null,
        errors: [
          {
            messageId: 'wildcardInList',
            data: { list: '`list`', place: 'line 2' },
            line: 5,
            column: 9,
            endLine: 5,
            endColumn: 24,
            suggestions: [
              {
                messageId: 'dropWildcardTest',
                output: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function allowFrom(list: string[] = ['*']) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const origin = req.headers.origin ?? '';
    if (!list.includes(origin)) {
      res.statusCode = 403;
      return res.end();
    }
    next();
  };
}`,
              },
            ],
          },
        ],
      },
      {
        name: "one configured origin compared with '*', with the environment's fallback '*'",
        code: `import express from 'express';
import cors from 'cors';
const CONFIGURED_ORIGIN = process.env.CORS_ORIGIN ?? '*';
express().use(cors({ origin: (origin, callback) => callback(null, CONFIGURED_ORIGIN === '*' || origin === CONFIGURED_ORIGIN) }));`,
        output: null,
        errors: [
          {
            messageId: 'wildcardInList',
            data: { list: '`CONFIGURED_ORIGIN`', place: 'line 3' },
            line: 4,
            column: 67,
            endLine: 4,
            endColumn: 92,
            suggestions: [
              {
                messageId: 'dropWildcardTest',
                output: `import express from 'express';
import cors from 'cors';
const CONFIGURED_ORIGIN = process.env.CORS_ORIGIN ?? '*';
express().use(cors({ origin: (origin, callback) => callback(null, origin === CONFIGURED_ORIGIN) }));`,
              },
            ],
          },
        ],
      },
    ],
  },
);

/** An express MCP server behind an Origin gate over a list from the environment, `fallback` when unset. */
const LISTED_GATE = (fallback: string, options = ''): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const allowed = process.env.ALLOWED_ORIGINS?.split(',') ?? ${fallback};
const app = express();
app.use((req, res, next) => {
  if (!allowed.includes('*') && !allowed.includes(req.headers.origin ?? '')) return res.status(403).end();
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined${options} });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run(
  "require-dns-rebinding-protection: an Origin gate that lets every origin in through a '*' list",
  dnsRule,
  {
    valid: [{ name: 'an empty list while the variable is unset: the gate refuses', code: LISTED_GATE('[]') }],
    invalid: [
      {
        name: "`['*']` while the variable is unset: out of the box, the gate lets every origin in",
        code: LISTED_GATE("['*']"),
        output: null,
        errors: [unprotectedAt(11, hostValidated(LISTED_GATE("['*']")))],
      },
    ],
  },
);

// A same-origin check, `Origin` against the origin the request's own `Host` names: a cross-site
// page fails it, but a DNS-rebinding page sends `Host: evil.example:3000` and `Origin:
// http://evil.example:3000` alike, and passes.
const SAME_ORIGIN_CHECK = (expected: string, declarations = ''): string => `import express from 'express';
import { handleMcp } from './mcp/handler.js';
${declarations}
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== ${expected}) {
    res.status(403).json({ error: 'Origin not allowed' });
    return;
  }
  next();
});
app.post('/mcp', handleMcp);
app.listen(3000, '127.0.0.1');`;

/** The report on the `origin !== expected` test of SAME_ORIGIN_CHECK, on `line`. */
const sameOriginReport = (line: number, expected: string) => ({
  messageId: 'sameOriginCheck' as const,
  line,
  column: 31,
  endLine: line,
  endColumn: 31 + `origin !== ${expected}`.length,
});

/** A Hono router whose helper refuses a cross-origin POST, called by the route at `path` of a router factory. */
const TOKEN_ROUTE_CHECK = (path: string): string => `import { Hono, type Context } from 'hono';
import { mcpTransport } from './mcp/transport.js';

function refuseCrossOrigin(c: Context): Response | null {
  const origin = c.req.header('origin');
  if (!origin) return null;
  if (new URL(origin).host !== new URL(c.req.url).host) return c.json({ error: 'cross-origin' }, 403);
  return null;
}

export function oauthRoutes(): Hono {
  const router = new Hono();
  const issue = async (c: Context): Promise<Response> => {
    const refused = refuseCrossOrigin(c);
    if (refused) return refused;
    return c.json({ access_token: crypto.randomUUID() });
  };
  router.post('${path}', (c) => issue(c));
  router.get('/mcp', (c) => mcpTransport.handleRequest(c.req.raw));
  return router;
}
`;

ruleTester.run("require-dns-rebinding-protection: Origin against the request's own Host", dnsRule, {
  valid: [
    { name: 'an origin of the code', code: SAME_ORIGIN_CHECK("'http://localhost:3000'") },
    {
      name: 'the own origin, and one of a list as well',
      code: SAME_ORIGIN_CHECK(
        '`${req.protocol}://${req.get("host")}` || !ALLOWED.includes(origin)',
        "const ALLOWED = ['http://localhost:3000'];",
      ),
    },
    {
      name: 'the file checks Host against a list as well',
      code: SAME_ORIGIN_CHECK(
        '`${req.protocol}://${req.headers.host}`',
        "const HOSTS = ['localhost:3000', '127.0.0.1:3000'];",
      ).replace(
        '  next();\n});',
        "  if (!HOSTS.includes(req.headers.host ?? '')) return void res.status(403).end();\n  next();\n});",
      ),
    },
    {
      name: 'a predicate of the file checks Host, and its no refuses the request',
      code: SAME_ORIGIN_CHECK(
        '`${req.protocol}://${req.headers.host}`',
        "const HOSTS = new Set(['localhost:3000']);\nconst hostAllowed = (req: express.Request): boolean => HOSTS.has(req.headers.host ?? '');",
      ).replace('  next();\n});', '  if (!hostAllowed(req)) return void res.status(403).end();\n  next();\n});'),
    },
    {
      name: 'an origin made of configured options, not of the request',
      code: SAME_ORIGIN_CHECK(
        'ownOrigin(settings)',
        `const settings = { host: 'localhost', port: 3000 };
function ownOrigin(options: { host: string; port: number }): string {
  return \`http://\${options.host}:\${options.port}\`;
}`,
      ),
    },
    {
      name: "the Origin's host must be loopback too",
      code: SAME_ORIGIN_CHECK("`${req.protocol}://${req.headers.host}` || new URL(origin).hostname !== 'localhost'"),
    },
    {
      name: 'a check that runs only on routes serving no MCP (an OAuth token endpoint beside the server)',
      code: TOKEN_ROUTE_CHECK('/token'),
    },
    {
      name: 'a route handler of its own that serves no MCP',
      code: `import express from 'express';
import { handleMcp } from './mcp/handler.js';
const app = express();
app.post('/authorize', (req, res) => {
  const origin = req.headers.origin;
  if (origin && origin !== \`\${req.protocol}://\${req.headers.host}\`) return void res.status(403).end();
  res.json({ ok: true });
});
app.post('/mcp', handleMcp);
app.listen(3000, '127.0.0.1');`,
    },
    {
      name: 'a web handler that compares with a constant origin',
      code: `import { handleMcp } from './mcp/handler.js';
export default {
  fetch(request: Request): Promise<Response> | Response {
    if (request.headers.get('origin') !== 'http://localhost:8787') return new Response(null, { status: 403 });
    return handleMcp(request);
  },
};`,
    },
  ],
  invalid: [
    {
      name: 'the scheme and `Host` header of the request',
      code: SAME_ORIGIN_CHECK('`${req.protocol}://${req.headers.host}`'),
      errors: [sameOriginReport(7, '`${req.protocol}://${req.headers.host}`')],
    },
    {
      name: "a helper handed the request builds the origin from `req.hostname` or a proxy's header",
      code: SAME_ORIGIN_CHECK(
        'ownOrigin(req)',
        `function ownOrigin(request: express.Request): string {
  const host = request.headers['x-forwarded-host'] ?? \`\${request.hostname}:3000\`;
  return \`http://\${host}\`;
}`,
      ),
      errors: [sameOriginReport(10, 'ownOrigin(req)')],
    },
    {
      name: 'a Host read that decides nothing (logged, or handed to a helper that builds a URL)',
      code: SAME_ORIGIN_CHECK(
        '`${req.protocol}://${req.headers.host}`',
        'declare function baseUrl(host: string | undefined): string;',
      ).replace(
        '  next();\n});',
        "  console.info('host', req.headers.host, baseUrl(req.headers.host));\n  next();\n});",
      ),
      errors: [sameOriginReport(7, '`${req.protocol}://${req.headers.host}`')],
    },
    {
      name: 'a Host only required to be there, which every request is',
      code: SAME_ORIGIN_CHECK('`${req.protocol}://${req.headers.host}`').replace(
        '  const origin = req.headers.origin;\n',
        '  if (!req.headers.host) return void res.status(400).end();\n  const origin = req.headers.origin;\n',
      ),
      errors: [sameOriginReport(8, '`${req.protocol}://${req.headers.host}`')],
    },
    {
      name: 'a log line of the Origin is no test of it',
      code: SAME_ORIGIN_CHECK('`${req.protocol}://${req.headers.host}`').replace(
        '  const origin = req.headers.origin;\n',
        "  const origin = req.headers.origin;\n  console.warn('origin', origin);\n",
      ),
      errors: [sameOriginReport(8, '`${req.protocol}://${req.headers.host}`')],
    },
    {
      name: "a route at the root, which a router mounted at '/mcp' serves MCP at",
      code: TOKEN_ROUTE_CHECK('/'),
      errors: [{ messageId: 'sameOriginCheck', line: 7, column: 7, endLine: 7, endColumn: 55 }],
    },
    {
      name: 'the same check called on the MCP route as well',
      code: TOKEN_ROUTE_CHECK('/mcp'),
      errors: [{ messageId: 'sameOriginCheck', line: 7, column: 7, endLine: 7, endColumn: 55 }],
    },
    {
      name: "a web request's own URL",
      code: `import { handleMcp } from './mcp/handler.js';
export default {
  fetch(request: Request): Promise<Response> | Response {
    const origin = request.headers.get('origin');
    if (origin && origin !== new URL(request.url).origin) return new Response(null, { status: 403 });
    return handleMcp(request);
  },
};`,
      errors: [{ messageId: 'sameOriginCheck', line: 5, column: 19, endLine: 5, endColumn: 57 }],
    },
  ],
});

/**
 * An express app whose cors origin function lets in, with credentials, every origin while
 * `allowed` (made by `list`) is empty, by an early `gate`, and then the listed origins.
 */
const EMPTY_OPEN = (list: string, gate = 'if (allowed.length === 0) return callback(null, true);\n      '): string =>
  `import express from 'express';
import cors from 'cors';
const allowed = ${list};
express().use(
  cors({
    origin: (origin, callback) => {
      ${gate}if (origin && allowed.includes(origin)) return callback(null, true);
      callback(new Error('origin not allowed'));
    },
    credentials: true,
  }),
);`;

const ENV_LIST = "process.env.ALLOWED_ORIGINS?.split(',').map((entry) => entry.trim()) || []";

ruleTester.run(
  'no-reflected-origin: an origin check that lets every origin in while its list is empty',
  reflectedRule,
  {
    valid: [
      {
        name: 'a constant list that is never empty: the branch never runs',
        code: EMPTY_OPEN("['https://app.example.com']"),
      },
      {
        name: 'a list from the environment that falls back to a constant origin',
        code: EMPTY_OPEN("process.env.ALLOWED_ORIGINS?.split(',') ?? ['https://app.example.com']"),
      },
      {
        name: 'an empty list that refuses every origin',
        code: EMPTY_OPEN(
          ENV_LIST,
          "if (allowed.length === 0) return callback(new Error('no origins allowed'));\n      ",
        ),
      },
      {
        name: 'a test of a non-empty list',
        code: EMPTY_OPEN(
          ENV_LIST,
          "if (allowed.length > 0 && !allowed.includes(origin ?? '')) return callback(null, false);\n      ",
        ),
      },
    ],
    invalid: [
      {
        name: 'an early `if` on an environment list that falls back to `[]`: dropped on request',
        code: EMPTY_OPEN(ENV_LIST),
        output: null,
        errors: [
          {
            messageId: 'emptyListAdmits',
            data: { list: '`allowed`', place: 'line 3' },
            line: 7,
            column: 11,
            endLine: 7,
            endColumn: 31,
            suggestions: [{ messageId: 'dropEmptyTest', output: EMPTY_OPEN(ENV_LIST, '') }],
          },
        ],
      },
      {
        name: '`!allowed.length` among other ways in, on a filtered environment list, with the fail-closed fix',
        code: EMPTY_OPEN(
          "(process.env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean)",
          'if (!allowed.length || origin === undefined) return callback(null, true);\n      ',
        ),
        options: [{ failClosedFix: true }],
        output: EMPTY_OPEN(
          "(process.env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean)",
          'if (origin === undefined) return callback(null, true);\n      ',
        ),
        errors: [
          {
            messageId: 'emptyListAdmits',
            data: { list: '`allowed`', place: 'line 3' },
            line: 7,
            column: 12,
            endLine: 7,
            endColumn: 26,
          },
        ],
      },
      {
        name: 'a constant empty Set, asked for its size in a block',
        code: EMPTY_OPEN(
          'new Set<string>()',
          'if (allowed.size === 0) {\n        return callback(null, true);\n      }\n      ',
        ),
        output: null,
        errors: [
          {
            messageId: 'emptyListAdmits',
            data: { list: '`allowed`', place: 'line 3' },
            line: 7,
            column: 11,
            endLine: 7,
            endColumn: 29,
            suggestions: [{ messageId: 'dropEmptyTest', output: EMPTY_OPEN('new Set<string>()', '') }],
          },
        ],
      },
    ],
  },
);

ruleTester.run('no-reflected-origin: an empty-list way in of a policy reported as a whole', reflectedRule, {
  valid: [],
  invalid: [
    {
      name: 'a refusal only of unlisted origins while the list has some is an origin function that accepts all',
      code: `import express from 'express';
import cors from 'cors';
const allowed = ${ENV_LIST};
express().use(
  cors({
    origin: (origin, callback) => {
      if (origin && allowed.length > 0 && !allowed.includes(origin)) return callback(new Error('origin not allowed'));
      callback(null, true);
    },
  }),
);`,
      output: null,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` whose `origin` accepts all', credentials: '' },
          line: 6,
          column: 5,
          endLine: 9,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: `import express from 'express';
import cors from 'cors';
const allowed = ${ENV_LIST};
express().use(
  cors({
    origin: false, // no cross-origin reads
  }),
);`,
            },
            {
              messageId: 'useAllowlist',
              output: `import express from 'express';
import cors from 'cors';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const allowed = ${ENV_LIST};
express().use(
  cors({
    origin: ALLOWED_ORIGINS,
  }),
);`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-env-allowed-origins: no empty list where an empty list lets every origin in', envRule, {
  valid: [],
  invalid: [
    {
      name: 'only the constant allowlist is offered',
      code: EMPTY_OPEN(ENV_LIST),
      options: [{ failClosedFix: true }],
      output: null,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ALLOWED_ORIGINS`', credentials: ', credentials included' },
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: EMPTY_OPEN("['https://app.example.com']"),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run(
  'no-reflected-origin: an empty list that lets in only some requests, or that the code fills',
  reflectedRule,
  {
    valid: [
      {
        name: 'an empty list lets in only requests that carry no Origin',
        code: EMPTY_OPEN(ENV_LIST, 'if (!origin && allowed.length === 0) return callback(null, true);\n      '),
      },
      {
        name: 'an empty list lets in only the origins another test accepts',
        code: EMPTY_OPEN(
          ENV_LIST,
          'if (allowed.length === 0 && origin && /^http:\\/\\/localhost:\\d+$/.test(origin)) return callback(null, true);\n      ',
        ),
      },
      {
        name: 'a Set the code fills with an origin it writes, after making it empty',
        code: `${EMPTY_OPEN('new Set<string>()')}
allowed.add('https://app.example.com');`,
      },
    ],
    invalid: [
      {
        name: 'a Set filled only with what the environment lists, which may be nothing',
        code: `${EMPTY_OPEN('new Set<string>()')}
for (const entry of (process.env.ALLOWED_ORIGINS ?? '').split(',')) if (entry) allowed.add(entry);`,
        output: null,
        errors: [
          {
            messageId: 'emptyListAdmits',
            data: { list: '`allowed`', place: 'line 3' },
            line: 7,
            column: 11,
            endLine: 7,
            endColumn: 31,
            suggestions: [
              {
                messageId: 'dropEmptyTest',
                output: `${EMPTY_OPEN('new Set<string>()', '')}
for (const entry of (process.env.ALLOWED_ORIGINS ?? '').split(',')) if (entry) allowed.add(entry);`,
              },
            ],
          },
        ],
      },
      {
        name: 'an `else if`, which cannot be dropped alone: no suggestion',
        code: EMPTY_OPEN(
          ENV_LIST,
          'if (!origin) return callback(null, true);\n      else if (allowed.length === 0) return callback(null, true);\n      ',
        ),
        output: null,
        errors: [
          {
            messageId: 'emptyListAdmits',
            data: { list: '`allowed`', place: 'line 3' },
            line: 8,
            column: 16,
            endLine: 8,
            endColumn: 36,
            suggestions: [],
          },
        ],
      },
      {
        name: 'a Set made from an environment list that falls back to `[]`',
        code: EMPTY_OPEN(
          "new Set(process.env.ALLOWED_ORIGINS?.split(',') ?? [])",
          'if (allowed.size === 0) return callback(null, true);\n      ',
        ),
        output: null,
        errors: [
          {
            messageId: 'emptyListAdmits',
            data: { list: '`allowed`', place: 'line 3' },
            line: 7,
            column: 11,
            endLine: 7,
            endColumn: 29,
            suggestions: [
              {
                messageId: 'dropEmptyTest',
                output: EMPTY_OPEN("new Set(process.env.ALLOWED_ORIGINS?.split(',') ?? [])", ''),
              },
            ],
          },
        ],
      },
    ],
  },
);

/** EMPTY_OPEN with its list made from a name that holds the environment variable. */
const THROUGH_RAW = EMPTY_OPEN("raw ? raw.split(',') : []").replace(
  'const allowed =',
  'const raw = process.env.ALLOWED_ORIGINS;\nconst allowed =',
);

ruleTester.run('no-env-allowed-origins: no empty list through a name that holds the read', envRule, {
  valid: [],
  invalid: [
    {
      name: 'only the constant allowlist is offered',
      code: THROUGH_RAW,
      options: [{ failClosedFix: true }],
      output: null,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ALLOWED_ORIGINS`', credentials: ', credentials included' },
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: THROUGH_RAW.replace('process.env.ALLOWED_ORIGINS', "'https://app.example.com'"),
            },
          ],
        },
      ],
    },
  ],
});

// The same check in other shapes: the host the Origin names against the request's `Host`, and the
// comparison in a helper handed the request, which answers `true` for a request with no Origin.
const SAME_HOST_CHECK = (test: string, extra = ''): string => `import express from 'express';
import { handleMcp } from './mcp/handler.js';

const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && ${test}) return void res.status(403).end();${extra}
  next();
});
app.post('/mcp', handleMcp);
app.listen(3000, '127.0.0.1');`;
const SAME_ORIGIN_HELPER = (compared: string): string => `import express from 'express';
import { handleMcp } from './mcp/handler.js';

function sameOrigin(req: express.Request): boolean {
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return true;
  return ${compared};
}

const app = express();
app.use((req, res, next) => {
  if (!sameOrigin(req)) return void res.status(403).end();
  next();
});
app.post('/mcp', handleMcp);
app.listen(3000, '127.0.0.1');`;

ruleTester.run("require-dns-rebinding-protection: Origin's host against the request's own Host", dnsRule, {
  valid: [
    {
      name: "the Origin's host against a fixed host",
      code: SAME_HOST_CHECK("new URL(origin).host !== 'localhost:3000'"),
    },
    {
      name: 'the file checks Host against a list as well',
      code: SAME_HOST_CHECK(
        'new URL(origin).host !== req.headers.host',
        "\n  if (!['localhost:3000', '127.0.0.1:3000'].includes(req.headers.host ?? '')) return void res.status(403).end();",
      ),
    },
    {
      name: 'a helper that compares the Origin with a fixed origin',
      code: SAME_ORIGIN_HELPER("origin === 'http://localhost:3000'"),
    },
  ],
  invalid: [
    {
      name: "`new URL(origin).host` against the request's `Host` header",
      code: SAME_HOST_CHECK('new URL(origin).host !== req.headers.host'),
      errors: [{ messageId: 'sameOriginCheck', line: 7, column: 17, endLine: 7, endColumn: 58 }],
    },
    {
      name: "`new URL(origin).hostname` against express's `req.hostname`",
      code: SAME_HOST_CHECK('new URL(origin).hostname !== req.hostname'),
      errors: [{ messageId: 'sameOriginCheck', line: 7, column: 17, endLine: 7, endColumn: 58 }],
    },
    {
      name: 'a helper handed the request compares the Origin with the origin its Host names',
      code: SAME_ORIGIN_HELPER('origin === `http://${req.headers.host}`'),
      errors: [{ messageId: 'sameOriginCheck', line: 7, column: 10, endLine: 7, endColumn: 49 }],
    },
    {
      name: "a helper handed the request compares the Origin's host with the Host",
      code: SAME_ORIGIN_HELPER('new URL(origin).host === req.headers.host'),
      errors: [{ messageId: 'sameOriginCheck', line: 7, column: 10, endLine: 7, endColumn: 51 }],
    },
  ],
});

/** An express MCP server whose middleware first lets a request on when `first` holds, then compares an API key. */
const PRESENCE_FIRST = (first: string, options = ''): string => `import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

function authenticate(req: Request, res: Response, next: NextFunction): void {
  const bearer = /^Bearer\\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (${first}) {
    next();
    return;
  }
  if (req.headers['x-api-key'] === process.env.MCP_API_KEY) {
    next();
    return;
  }
  res.status(401).end();
}

const app = express();
app.post('/mcp', authenticate, async (req, res) => {
  await new StreamableHTTPServerTransport({ sessionIdGenerator: undefined${options} }).handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run('require-dns-rebinding-protection: a check that lets any value of a header through first', dnsRule, {
  valid: [
    {
      name: 'the bearer token compared with the secret before the request goes on',
      code: PRESENCE_FIRST('bearer === process.env.MCP_TOKEN'),
    },
  ],
  invalid: [
    {
      name: '`if (bearer) next()`: any made-up bearer token passes before the API key is compared',
      code: PRESENCE_FIRST('bearer'),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 20,
          column: 13,
          endLine: 20,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'validateHost',
              output: hostValidated(PRESENCE_FIRST('bearer')),
            },
          ],
        },
      ],
    },
  ],
});
