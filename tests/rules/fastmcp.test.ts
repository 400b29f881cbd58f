import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import loopbackRule from '../../src/rules/require-loopback-host';
import nullRule from '../../src/rules/no-null-origin';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import csrfRule from '../../src/rules/require-csrf-token';
import { createRuleTester, failClosedFix } from '../rule-tester';

// fastmcp (src/frameworks/fastmcp.ts): `new FastMCP(options).start({ transportType: 'httpStream',
// httpStream })` serves HTTP through mcp-proxy, which binds `httpStream.host` (default
// "localhost"), answers every origin with `Access-Control-Allow-Origin: *` unless `httpStream.cors`
// says otherwise, and checks no Host or Origin. `authenticate` checks a credential on every request.

const ruleTester = createRuleTester();

const IMPORT = "import { FastMCP } from 'fastmcp';";
const SERVER = `${IMPORT}

const server = new FastMCP({ name: 'notes', version: '1.0.0' });`;
const AUTHENTICATED = `${IMPORT}

const server = new FastMCP({
  name: 'notes',
  version: '1.0.0',
  authenticate: async (request) => {
    if (request.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) throw new Response(null, { status: 401 });
    return {};
  },
});`;

/** A project whose installed fastmcp predates the `httpStream.cors` option (4.3.0). */
const oldProject = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-fastmcp-'));
fs.mkdirSync(path.join(oldProject, 'node_modules', 'fastmcp'), { recursive: true });
fs.writeFileSync(
  path.join(oldProject, 'node_modules', 'fastmcp', 'package.json'),
  JSON.stringify({ name: 'fastmcp', version: '3.20.0' }),
);
/** A project on fastmcp 1.27.6, whose mcp-proxy 2.14.2 echoes every origin with credentials. */
const echoingProject = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-fastmcp-'));
for (const [name, version] of [
  ['fastmcp', '1.27.6'],
  ['mcp-proxy', '2.14.2'],
]) {
  fs.mkdirSync(path.join(echoingProject, 'node_modules', name!), { recursive: true });
  fs.writeFileSync(path.join(echoingProject, 'node_modules', name!, 'package.json'), JSON.stringify({ name, version }));
}
afterAll(() => {
  for (const dir of [oldProject, echoingProject]) fs.rmSync(dir, { recursive: true, force: true });
});

ruleTester.run('no-wildcard-origin: fastmcp', wildcardRule, {
  valid: [
    {
      name: 'CORS turned off, a constant allowlist, a server with `authenticate`, and stdio',
      code: `${SERVER}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080, cors: false } });
await server.start({ transportType: 'httpStream', httpStream: { port: 8081, cors: { origin: ['https://app.example.com'] } } });
await server.start({ transportType: 'stdio' });
await server.start();`,
    },
    {
      name: 'every request checked with `authenticate`, no credentials: the wildcard grants nothing',
      code: `${AUTHENTICATED}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080 } });`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'no `cors` in `httpStream`: mcp-proxy answers `*`; the fix adds an empty origin list',
      code: `${SERVER}
await server.start({
  transportType: 'httpStream',
  httpStream: {
    port: 8080,
  },
});`,
      output: `${SERVER}
await server.start({
  transportType: 'httpStream',
  httpStream: {
    port: 8080,
    cors: { origin: [] },
  },
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "fastmcp's `httpStream` server without `origin` (default `*`)", credentials: '' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `${IMPORT}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new FastMCP({ name: 'notes', version: '1.0.0' });
await server.start({
  transportType: 'httpStream',
  httpStream: {
    port: 8080,
    cors: { origin: ALLOWED_ORIGINS },
  },
});`,
            },
          ],
        },
      ],
    },
    {
      name: "`cors: true` keeps the defaults, and `origin: '*'` says so",
      code: `${SERVER}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080, cors: true } });
await server.start({ transportType: 'httpStream', httpStream: { port: 8081, cors: { origin: '*' } } });`,
      output: `${SERVER}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080, cors: { origin: [] } } });
await server.start({ transportType: 'httpStream', httpStream: { port: 8081, cors: { origin: [] } } });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "fastmcp's `httpStream` server without `origin` (default `*`)", credentials: '' },
          line: 4,
          column: 77,
          endLine: 4,
          endColumn: 87,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `${IMPORT}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new FastMCP({ name: 'notes', version: '1.0.0' });
await server.start({ transportType: 'httpStream', httpStream: { port: 8080, cors: { origin: ALLOWED_ORIGINS } } });
await server.start({ transportType: 'httpStream', httpStream: { port: 8081, cors: { origin: '*' } } });`,
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          data: { policy: "fastmcp's `httpStream` server with an `origin` that is `*`", credentials: '' },
          line: 5,
          column: 85,
          endLine: 5,
          endColumn: 96,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `${IMPORT}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new FastMCP({ name: 'notes', version: '1.0.0' });
await server.start({ transportType: 'httpStream', httpStream: { port: 8080, cors: true } });
await server.start({ transportType: 'httpStream', httpStream: { port: 8081, cors: { origin: ALLOWED_ORIGINS } } });`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-wildcard-origin: fastmcp installed before its cors option', wildcardRule, {
  valid: [],
  invalid: [
    {
      name: 'an installed fastmcp older than 4.3.0 has no `cors` option: reported, with no fix',
      filename: path.join(oldProject, 'server.ts'),
      code: `${SERVER}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080 } });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 4,
          column: 51,
          endLine: 4,
          endColumn: 61,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('no-wildcard-origin: fastmcp on an mcp-proxy that echoes every origin', wildcardRule, {
  valid: [],
  invalid: (
    [
      ['mcp-proxy before 5.10.0 echoes the request origin with credentials', SERVER],
      ["`authenticate` does not help: the page reads answers with the user's credentials", AUTHENTICATED],
    ] as const
  ).map(([name, server]) => ({
    name,
    filename: path.join(echoingProject, 'server.ts'),
    code: `${server}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080 } });`,
    errors: [
      {
        messageId: 'wildcardOrigin' as const,
        data: {
          policy: "fastmcp's `httpStream` server without `origin` (default any origin: mcp-proxy <5.10.0)",
          credentials: ', credentials included',
        },
        line: server.split('\n').length + 1,
        column: 51,
        suggestions: [],
      },
    ],
  })),
});

ruleTester.run('require-loopback-host: fastmcp', loopbackRule, {
  valid: [
    {
      name: 'no host: fastmcp binds "localhost"; stdio binds nothing',
      code: `${SERVER}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080 } });
await server.start({ transportType: 'stdio' });`,
    },
  ],
  invalid: failClosedFix([
    {
      name: "`httpStream.host: '0.0.0.0'`",
      code: `${SERVER}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080, host: '0.0.0.0' } });`,
      output: `${SERVER}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080, host: '127.0.0.1' } });`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: "fastmcp's `server.start()`", hostLabel: '`httpStream.host`', values: "`'0.0.0.0'`" },
          line: 4,
          column: 77,
          endLine: 4,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `${SERVER}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080, host: process.env.HOST ?? '127.0.0.1' } });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `${SERVER}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080, host: '::1' } });`,
            },
            {
              messageId: 'useLocalhost',
              output: `${SERVER}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080, host: 'localhost' } });`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('require-dns-rebinding-protection: fastmcp', dnsRule, {
  valid: [
    {
      name: 'a server that authenticates every request, and a stdio server',
      code: `${AUTHENTICATED}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080 } });
await server.start({ transportType: 'stdio' });`,
    },
  ],
  invalid: [
    {
      name: 'an httpStream server without `authenticate`: fastmcp has no Host check to turn on, so no fix',
      code: `${SERVER}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080 } });`,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'fastmcp `httpStream` server' },
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 19,
        },
      ],
    },
    {
      name: 'with `trustCredentialChecks: false` (strict), `authenticate` is not enough',
      code: `${AUTHENTICATED}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080 } });`,
      options: [{ trustCredentialChecks: false }],
      errors: [{ messageId: 'unprotectedApp', data: { app: 'fastmcp `httpStream` server' }, line: 11, column: 14 }],
    },
  ],
});

ruleTester.run('no-wildcard-origin: fastmcp values that mcp-proxy reads as `*`', wildcardRule, {
  valid: [],
  invalid: [
    {
      name: 'no `httpStream` at all: the options would need a port the file does not show, so no fix',
      code: `${SERVER}
await server.start({ transportType: 'httpStream' });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "fastmcp's `httpStream` server without `origin` (default `*`)", credentials: '' },
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 19,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('no-wildcard-origin: fastmcp `origin: false`', wildcardRule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: '`origin: false` leaves mcp-proxy its `*`',
      code: `${SERVER}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080, cors: { origin: false } } });`,
      output: `${SERVER}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080, cors: { origin: [] } } });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "fastmcp's `httpStream` server with an `origin` it treats as `*`", credentials: '' },
          line: 4,
          column: 85,
          endLine: 4,
          endColumn: 98,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `${IMPORT}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new FastMCP({ name: 'notes', version: '1.0.0' });
await server.start({ transportType: 'httpStream', httpStream: { port: 8080, cors: { origin: ALLOWED_ORIGINS } } });`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-null-origin: fastmcp', nullRule, {
  valid: [
    {
      name: "mcp-proxy parses the Origin as a URL, so `'null'` gets no CORS headers",
      code: `${SERVER}
await server.start({ transportType: 'httpStream', httpStream: { port: 8080, cors: { origin: ['null'] } } });`,
    },
  ],
  invalid: [],
});

/** A server that serves stdio or HTTP, as an environment variable says, with `httpStream` only for HTTP. */
const SWITCHED = (host: string): string => `${SERVER}
const transport = process.env.TRANSPORT === 'stdio' ? 'stdio' : 'httpStream';
await server.start({
  transportType: transport,
  httpStream: transport === 'httpStream' ? { port: 8080, host: ${host} } : undefined,
});`;

ruleTester.run('require-loopback-host: fastmcp switched between stdio and httpStream', loopbackRule, {
  valid: [{ name: 'a loopback host whenever it serves HTTP', code: SWITCHED("'127.0.0.1'") }],
  invalid: failClosedFix([
    {
      name: "`httpStream: http ? { host: '0.0.0.0' } : undefined` binds every interface whenever it serves HTTP",
      code: SWITCHED("'0.0.0.0'"),
      output: SWITCHED("'127.0.0.1'"),
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: "fastmcp's `server.start()`", hostLabel: '`httpStream.host`', values: "`'0.0.0.0'`" },
          line: 7,
          column: 58,
          endLine: 7,
          endColumn: 73,
          suggestions: [
            { messageId: 'useHostFromEnvironment', output: SWITCHED("process.env.HOST ?? '127.0.0.1'") },
            { messageId: 'useIpv6Loopback', output: SWITCHED("'::1'") },
            { messageId: 'useLocalhost', output: SWITCHED("'localhost'") },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('require-dns-rebinding-protection: fastmcp switched between stdio and httpStream', dnsRule, {
  valid: [],
  invalid: [
    {
      name: 'the httpStream server it is when TRANSPORT is not stdio',
      code: SWITCHED("'127.0.0.1'"),
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'fastmcp `httpStream` server' },
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 19,
        },
      ],
    },
  ],
});

/**
 * A project whose `server.ts` makes the FastMCP server (`AUTHENTICATED` in `auth-server.ts`) that
 * other modules start.
 */
const splitProject = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-fastmcp-'));
fs.mkdirSync(path.join(splitProject, 'node_modules', 'fastmcp'), { recursive: true });
fs.writeFileSync(
  path.join(splitProject, 'node_modules', 'fastmcp', 'package.json'),
  JSON.stringify({ name: 'fastmcp', version: '4.20.0' }),
);
fs.writeFileSync(path.join(splitProject, 'server.ts'), `${SERVER}\nexport default server;\n`);
fs.writeFileSync(path.join(splitProject, 'auth-server.ts'), `${AUTHENTICATED}\nexport default server;\n`);
afterAll(() => fs.rmSync(splitProject, { recursive: true, force: true }));

/** `http.ts` of that project: it starts the server `module` makes. */
const startsImported = (module: string): string => `import server from './${module}.js';

await server.start({ transportType: 'httpStream', httpStream: { port: 8080 } });`;
const HTTP_FILE = path.join(splitProject, 'http.ts');

ruleTester.run('require-dns-rebinding-protection: a fastmcp server that another module makes', dnsRule, {
  valid: [{ name: 'made with `authenticate`', code: startsImported('auth-server'), filename: HTTP_FILE }],
  invalid: [
    {
      name: 'started here, made without a check',
      code: startsImported('server'),
      filename: HTTP_FILE,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'fastmcp `httpStream` server' },
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 19,
        },
      ],
    },
  ],
});

ruleTester.run('require-csrf-token: a fastmcp server that another module makes', csrfRule, {
  valid: [{ name: 'made with `authenticate`', code: startsImported('auth-server'), filename: HTTP_FILE }],
  invalid: [
    {
      name: 'started here, made without a check',
      code: startsImported('server'),
      filename: HTTP_FILE,
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: "fastmcp's `httpStream` server" },
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 19,
        },
      ],
    },
  ],
});

ruleTester.run('no-wildcard-origin: a fastmcp server that another module makes', wildcardRule, {
  valid: [],
  invalid: [
    {
      name: 'started here with the default CORS of mcp-proxy',
      code: startsImported('server'),
      filename: HTTP_FILE,
      output: null,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "fastmcp's `httpStream` server without `origin` (default `*`)", credentials: '' },
          line: 3,
          column: 51,
          endLine: 3,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: startsImported('server').replace('{ port: 8080 }', '{ port: 8080, cors: { origin: [] } }'),
            },
            {
              messageId: 'useAllowlist',
              output: startsImported('server')
                .replace('{ port: 8080 }', '{ port: 8080, cors: { origin: ALLOWED_ORIGINS } }')
                .replace('\n\nawait', "\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\nawait"),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run("no-wildcard-origin: fastmcp 1's `sse` transport", wildcardRule, {
  valid: [],
  invalid: [
    {
      name: "mcp-proxy's SSE server echoes the request origin with credentials",
      filename: path.join(echoingProject, 'server.ts'),
      code: `${SERVER}
await server.start({ transportType: 'sse', sse: { port: 8080, endpoint: '/sse' } });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: {
            policy: "fastmcp's `httpStream` server without `origin` (default any origin: mcp-proxy <5.10.0)",
            credentials: ', credentials included',
          },
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 19,
          suggestions: [],
        },
      ],
    },
  ],
});
