import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import envRule from '../../src/rules/no-env-allowed-origins';
import loopbackRule from '../../src/rules/require-loopback-host';
import reflectedRule from '../../src/rules/no-reflected-origin';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester, failClosedFix } from '../rule-tester';

// xmcp runs its own HTTP server from `xmcp.config.ts`: the default export's `http` (`true`, or its
// settings) turns it on. It binds `http.host` (127.0.0.1 by default), answers CORS from
// `http.cors` (`origin: '*'` by default; `true` echoes the caller; a list answers a caller it does
// not hold with its first member), checks neither Host nor Origin, and runs the default export of
// `src/middleware.ts` before the MCP endpoint. From 1.0.0 the endpoint refuses a POST that is not
// JSON (0.x finds no request in the `{}` express.json() leaves for any other body), so a cross-site
// POST needs a preflight that the CORS policy answers. Before 0.1.7 the default origin was `""`.

const ruleTester = createRuleTester();

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A project with xmcp `version` installed and, when given, `src/middleware.ts`; the path of its config file. */
function project(version: string, middleware?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-xmcp-'));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'node_modules', 'xmcp'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'node_modules', 'xmcp', 'package.json'), JSON.stringify({ name: 'xmcp', version }));
  if (middleware) {
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src', 'middleware.ts'), middleware);
  }
  return path.join(dir, 'xmcp.config.ts');
}

const current = project('1.1.0');
// The auth plugins of xmcp guard only paths under `/mcp`, the default endpoint.
const withAuth0 = project(
  '1.1.0',
  `import { auth0Provider } from '@xmcp-dev/auth0';

export default auth0Provider({
  domain: process.env.AUTH0_DOMAIN ?? '',
  audience: process.env.AUTH0_AUDIENCE ?? '',
  baseURL: process.env.BASE_URL ?? '',
});
`,
);
const withClerk = project(
  '1.1.0',
  `import { clerkProvider } from '@xmcp-dev/clerk';

export default clerkProvider({
  secretKey: process.env.CLERK_SECRET_KEY ?? '',
  clerkDomain: process.env.CLERK_DOMAIN ?? '',
  baseURL: process.env.BASE_URL ?? '',
});
`,
);
const old = project('0.7.0');
const beforeOauthRemoval = project('0.6.3');
const beforeWildcard = project('0.1.4');
const withApiKey = project(
  '1.1.0',
  `import { apiKeyAuthMiddleware, type Middleware } from 'xmcp';

const middleware: Middleware = apiKeyAuthMiddleware({ headerName: 'x-api-key', apiKey: process.env.API_KEY ?? '' });

export default middleware;
`,
);
const withBearerCheck = project(
  '1.1.0',
  `import type { Middleware } from 'xmcp';

const requireToken: Middleware = (req, res, next) => {
  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) {
    res.status(401).json({ error: 'Unauthorized' });
    return;
  }
  next();
};

export default [requireToken];
`,
);
const withDeclaredCheck = project(
  '1.1.0',
  `import type { Request, Response, NextFunction } from 'express';

export default function requireToken(req: Request, res: Response, next: NextFunction) {
  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) {
    res.status(401).json({ error: 'Unauthorized' });
    return;
  }
  next();
}
`,
);
const withLogger = project(
  '1.1.0',
  `import type { Middleware } from 'xmcp';

const logRequests: Middleware = (req, _res, next) => {
  console.log(req.method, req.url);
  next();
};

export default [logRequests];
`,
);
const withHostCheck = project(
  '1.1.0',
  `import type { Middleware } from 'xmcp';

const HOSTS = new Set(['localhost:3001', '127.0.0.1:3001']);

const middleware: Middleware = (req, res, next) => {
  if (!HOSTS.has(req.headers.host ?? '')) {
    res.status(403).end();
    return;
  }
  next();
};

export default middleware;
`,
);

/** A config file whose `http` is `value` (on line 4, its key at columns 3–7). */
function config(value: string, rest = ''): string {
  return `import type { XmcpConfig } from 'xmcp';

const config: XmcpConfig = {
  http: ${value},${rest}
};

export default config;
`;
}

const HTTP_KEY = { line: 4, column: 3, endLine: 4, endColumn: 7 };

/** One case per `[name, filename, code]`, each reported once at `http` with `error`. */
function reportedAtHttp<MessageId extends string>(
  cases: readonly (readonly [string, string, string])[],
  error: { messageId: MessageId; data: Record<string, string>; suggestions?: [] },
) {
  return cases.map(([name, filename, code]) => ({ name, filename, code, errors: [{ ...error, ...HTTP_KEY }] }));
}
const OPEN = config('true');
const PORT_ONLY = config('{ port: 3001 }');
const LISTED = config("{ cors: { origin: ['https://app.example.com'] } }");
const VIA_NEXT = config('{ port: 3001 }', "\n  experimental: { adapter: 'nextjs' },");
const WITH_OAUTH = config(
  'true',
  "\n  experimental: {\n    oauth: { baseUrl: 'https://mcp.example.com', issuerUrl: 'https://auth.example.com' },\n  },",
);
const HTTP_OFF = config('false');
/** The endpoint at the root, where the auth plugins let every request on. */
const AT_ROOT = config("{ endpoint: '/' }");
const AT_MCP = config("{ endpoint: '/mcp' }");
const STDIO_ONLY = `import type { XmcpConfig } from 'xmcp';

export default { stdio: true } satisfies XmcpConfig;
`;

ruleTester.run('require-loopback-host: xmcp', loopbackRule, {
  valid: [
    { name: 'no host: 127.0.0.1', filename: current, code: OPEN },
    { name: 'a loopback host', filename: current, code: config("{ host: 'localhost' }") },
    {
      name: 'the host from the environment, loopback when unset',
      filename: current,
      code: config("{ host: process.env.HOST ?? '127.0.0.1' }"),
    },
    { name: 'stdio only', filename: current, code: STDIO_ONLY },
    {
      name: 'the same object in a file xmcp does not read',
      filename: path.join(path.dirname(current), 'settings.ts'),
      code: config("{ host: '0.0.0.0' }"),
    },
  ],
  invalid: failClosedFix([
    {
      name: "host: '0.0.0.0'",
      filename: current,
      code: config("{ port: 3001, host: '0.0.0.0' }"),
      output: config("{ port: 3001, host: '127.0.0.1' }"),
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: "xmcp's `http` server", hostLabel: '`http.host`', values: "`'0.0.0.0'`" },
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: config("{ port: 3001, host: process.env.HOST ?? '127.0.0.1' }"),
            },
            { messageId: 'useIpv6Loopback', output: config("{ port: 3001, host: '::1' }") },
            { messageId: 'useLocalhost', output: config("{ port: 3001, host: 'localhost' }") },
          ],
        },
      ],
    },
  ]),
});

const ALLOWLIST = "const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\n";
/** `code` with the allowlist constant above the config and `from` replaced by `to`. */
const withAllowlist = (code: string, from: string, to: string): string =>
  code.replace('const config', `${ALLOWLIST}const config`).replace(from, to);

ruleTester.run('no-wildcard-origin: xmcp', wildcardRule, {
  valid: [
    { name: 'a list of origins', filename: current, code: LISTED },
    {
      name: 'origin: false sends no Access-Control-Allow-Origin',
      filename: current,
      code: config('{ cors: { origin: false } }'),
    },
    { name: 'middleware that checks an API key makes the `*` moot', filename: withApiKey, code: OPEN },
    { name: '`auth0Provider()` at the default endpoint `/mcp` makes the `*` moot', filename: withAuth0, code: OPEN },
    { name: 'before 0.1.7 no origin is sent when none is set', filename: beforeWildcard, code: OPEN },
    { name: 'served through Next.js, whose routes decide', filename: current, code: VIA_NEXT },
    { name: 'stdio only', filename: current, code: STDIO_ONLY },
  ],
  invalid: [
    {
      name: 'http: true takes the default `*`; its settings object gets the origin',
      filename: current,
      code: OPEN,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "xmcp's `http.cors` without `origin` (default `*`)", credentials: '' },
          ...HTTP_KEY,
          suggestions: [
            { messageId: 'denyOrigins', output: config('{ cors: { origin: false } }') },
            {
              messageId: 'useAllowlist',
              output: withAllowlist(OPEN, 'http: true', 'http: { cors: { origin: ALLOWED_ORIGINS } }'),
            },
          ],
        },
      ],
    },
    {
      name: 'settings without cors: the origin joins them',
      filename: withLogger,
      code: PORT_ONLY,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "xmcp's `http.cors` without `origin` (default `*`)", credentials: '' },
          ...HTTP_KEY,
          suggestions: [
            { messageId: 'denyOrigins', output: config('{ port: 3001, cors: { origin: false } }') },
            {
              messageId: 'useAllowlist',
              output: withAllowlist(PORT_ONLY, 'port: 3001 }', 'port: 3001, cors: { origin: ALLOWED_ORIGINS } }'),
            },
          ],
        },
      ],
    },
    {
      name: 'an empty list answers `*`',
      filename: current,
      code: config('{ cors: { origin: [] } }'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "xmcp's `http.cors` with an `origin` it treats as `*`", credentials: '' },
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            { messageId: 'denyOrigins', output: config('{ cors: { origin: false } }') },
            {
              messageId: 'useAllowlist',
              output: withAllowlist(config('{ cors: { origin: [] } }'), 'origin: []', 'origin: ALLOWED_ORIGINS'),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-reflected-origin: xmcp', reflectedRule, {
  valid: [{ name: 'a list of origins', filename: current, code: LISTED }],
  invalid: [
    {
      name: 'origin: true echoes the caller',
      filename: current,
      code: config('{ cors: { origin: true } }'),
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: "xmcp's `http.cors` with `origin: true`", credentials: '' },
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 31,
          suggestions: [
            { messageId: 'denyOrigins', output: config('{ cors: { origin: false } }') },
            {
              messageId: 'useAllowlist',
              output: withAllowlist(config('{ cors: { origin: true } }'), 'origin: true', 'origin: ALLOWED_ORIGINS'),
            },
          ],
        },
      ],
    },
  ],
});

const FROM_ENV = config("{ cors: { origin: process.env.ALLOWED_ORIGINS?.split(',') ?? ['https://app.example.com'] } }");

ruleTester.run('no-env-allowed-origins: xmcp', envRule, {
  valid: [{ name: 'a list written in the file', filename: current, code: LISTED }],
  invalid: [
    {
      name: "a list from the environment, whose first entry is sent to any other caller (`['*']` is `*`); an empty list would be `*` too",
      filename: current,
      code: FROM_ENV,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`ALLOWED_ORIGINS`', credentials: '' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 54,
          suggestions: [
            // The list the file falls back to is kept first.
            { messageId: 'useConstantAllowlist', output: config("{ cors: { origin: ['https://app.example.com'] } }") },
            {
              messageId: 'useEmptyAllowlist',
              output: config(
                '{ cors: { origin: false /* was env ALLOWED_ORIGINS: list the allowed origins here */ } }',
              ),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-csrf-token: xmcp', csrfRule, {
  valid: [
    { name: 'apiKeyAuthMiddleware in src/middleware.ts', filename: withApiKey, code: OPEN },
    { name: 'a bearer check of its own in src/middleware.ts', filename: withBearerCheck, code: OPEN },
    { name: '`auth0Provider()` of @xmcp-dev/auth0, at the default endpoint `/mcp`', filename: withAuth0, code: OPEN },
    { name: '`clerkProvider()` of @xmcp-dev/clerk, at `/mcp`', filename: withClerk, code: AT_MCP },
    { name: 'a check exported as `export default function`', filename: withDeclaredCheck, code: OPEN },
    {
      name: 'from 1.0.0 a cross-site POST needs a preflight, which a list of origins answers no',
      filename: current,
      code: LISTED,
    },
    { name: 'served through Next.js, whose routes decide', filename: current, code: VIA_NEXT },
    { name: 'stdio only', filename: current, code: STDIO_ONLY },
    { name: 'http: false', filename: current, code: HTTP_OFF },
    {
      name: 'before 1.0.0 too: express.json() hands the transport `{}` for a text/plain body, so a list of origins keeps pages out',
      filename: old,
      code: LISTED,
    },
    {
      name: 'before 0.1.7 no origin is sent when none is set: no page passes the preflight',
      filename: beforeWildcard,
      code: OPEN,
    },
    {
      name: 'before 0.7.0 experimental.oauth checks a bearer token first',
      filename: beforeOauthRemoval,
      code: WITH_OAUTH,
    },
  ],
  invalid: reportedAtHttp(
    [
      ['the default `*` lets any page through the preflight', current, OPEN],
      ['from 0.7.0 experimental.oauth is no setting any more', old, WITH_OAUTH],
      ['middleware that only logs', withLogger, OPEN],
      ['`auth0Provider()` guards only paths under `/mcp`: an endpoint at `/` is open', withAuth0, AT_ROOT],
      ['`clerkProvider()` likewise', withClerk, AT_ROOT],
    ],
    { messageId: 'missingCsrfCheck', data: { route: "xmcp's `http` server" } },
  ),
});

ruleTester.run('require-dns-rebinding-protection: xmcp', dnsRule, {
  valid: [
    { name: 'apiKeyAuthMiddleware: a rebinding page has no key', filename: withApiKey, code: OPEN },
    {
      name: '`auth0Provider()` at the default endpoint: a rebinding page has no token',
      filename: withAuth0,
      code: OPEN,
    },
    { name: 'a Host check in src/middleware.ts', filename: withHostCheck, code: OPEN },
    {
      name: 'before 0.7.0 experimental.oauth: a rebinding page has no token',
      filename: beforeOauthRemoval,
      code: WITH_OAUTH,
    },
    { name: 'served through Next.js, whose routes decide', filename: current, code: VIA_NEXT },
    { name: 'stdio only', filename: current, code: STDIO_ONLY },
  ],
  invalid: reportedAtHttp(
    [
      ['no check, and no setting for one', current, OPEN],
      ['before 0.1.7 as well', beforeWildcard, OPEN],
      ['a list of CORS origins does not stop a rebound page, which is same-origin', current, LISTED],
      ['middleware that only logs', withLogger, PORT_ONLY],
      ['`auth0Provider()` with the endpoint at `/`, which it does not guard', withAuth0, AT_ROOT],
    ],
    { messageId: 'unprotectedApp', data: { app: 'xmcp `http` server' }, suggestions: [] },
  ),
});
