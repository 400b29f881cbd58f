import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import loopbackRule from '../../src/rules/require-loopback-host';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester, failClosedFix } from '../rule-tester';

// mcp-framework's `new MCPServer({ transport: { type: 'http-stream' | 'sse', options } })` runs its
// own HTTP server. Its CORS answers `*` unless `cors.allowOrigin` names an origin; it checks no
// Host, and Origin only against a non-empty `cors.allowedOrigins` (since 0.2.20, as is the
// loopback default host: before it, `listen(port)` bound every interface); an auth provider
// refuses a request without its API key or bearer token. The installed version is read from the
// node_modules above the linted file.

const ruleTester = createRuleTester();

function projectWith(version: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-mcp-framework-'));
  fs.mkdirSync(path.join(dir, 'node_modules', 'mcp-framework'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'node_modules', 'mcp-framework', 'package.json'),
    JSON.stringify({ name: 'mcp-framework', version }),
  );
  return dir;
}

const current = projectWith('0.2.22');
const old = projectWith('0.2.16');
afterAll(() => {
  for (const dir of [current, old]) fs.rmSync(dir, { recursive: true, force: true });
});
const inCurrent = path.join(current, 'server.ts');
const inOld = path.join(old, 'server.ts');

/** A server with one transport whose options are `options` (line 5 holds `type`). */
function server(options: string, transportExtra = ''): string {
  return `import { MCPServer } from 'mcp-framework';

const server = new MCPServer({
  transport: {
    type: 'http-stream',
    options: ${options},${transportExtra}
  },
});
await server.start();`;
}

const ALLOWLIST = "const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\n";
/** `code` with the allowlist constant above the server and `from` replaced by `to`. */
const withAllowlist = (code: string, from: string, to: string): string =>
  code.replace('const server', `${ALLOWLIST}const server`).replace(from, to);

const OPEN = server('{ port: 8080 }');
const EVERY_INTERFACE = server("{ port: 8080, host: '0.0.0.0' }");
const STAR = server("{ port: 8080, cors: { allowOrigin: '*' } }");
const EMPTY_LIST = server('{ port: 8080, cors: { allowedOrigins: [] } }');
const LISTED = server("{ port: 8080, cors: { allowedOrigins: ['https://notes.example.com'] } }");
const AUTHENTICATED = server(
  '{ port: 8080 }',
  "\n    auth: { provider: new APIKeyAuthProvider({ keys: [process.env.MCP_API_KEY ?? ''] }) },",
).replace(
  "import { MCPServer } from 'mcp-framework';",
  "import { APIKeyAuthProvider, MCPServer } from 'mcp-framework';",
);
const STDIO = `import { MCPServer } from 'mcp-framework';

const server = new MCPServer({ transport: { type: 'stdio' } });
await server.start();`;

const TYPE_SPAN = { line: 5, column: 5, endLine: 5, endColumn: 24 };

ruleTester.run('require-loopback-host: mcp-framework', loopbackRule, {
  valid: [
    { name: 'no host on 0.2.22: 127.0.0.1', filename: inCurrent, code: OPEN },
    { name: 'a loopback host', filename: inCurrent, code: server("{ port: 8080, host: '127.0.0.1' }") },
    { name: 'stdio binds nothing', filename: inOld, code: STDIO },
  ],
  invalid: failClosedFix([
    {
      name: "host: '0.0.0.0'",
      filename: inCurrent,
      code: EVERY_INTERFACE,
      output: EVERY_INTERFACE.replace("'0.0.0.0'", "'127.0.0.1'"),
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: "mcp-framework's `http-stream` transport", hostLabel: '`host`', values: "`'0.0.0.0'`" },
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: EVERY_INTERFACE.replace("'0.0.0.0'", "process.env.HOST ?? '127.0.0.1'"),
            },
            { messageId: 'useIpv6Loopback', output: EVERY_INTERFACE.replace("'0.0.0.0'", "'::1'") },
            { messageId: 'useLocalhost', output: EVERY_INTERFACE.replace("'0.0.0.0'", "'localhost'") },
          ],
        },
      ],
    },
    ...(
      [
        ['no host', OPEN],
        ['a loopback host, which it does not read', server("{ port: 8080, host: '127.0.0.1' }")],
      ] as const
    ).map(([how, code]) => ({
      name: `before 0.2.20 there is no host option, only \`listen(port)\`: ${how}; no change but an upgrade helps`,
      filename: inOld,
      code,
      output: null,
      errors: [
        {
          messageId: 'defaultHost' as const,
          data: {
            api: "mcp-framework's `http-stream` transport",
            hostLabel: '`host`',
            binding: 'mcp-framework before 0.2.20 has no `host` option',
          },
          ...TYPE_SPAN,
          suggestions: [],
        },
      ],
    })),
  ]),
});

ruleTester.run('no-wildcard-origin: mcp-framework', wildcardRule, {
  valid: [
    { name: 'a non-empty cors.allowedOrigins refuses other origins first', filename: inCurrent, code: LISTED },
    {
      name: 'cors.allowOrigin names one origin',
      filename: inCurrent,
      code: server("{ port: 8080, cors: { allowOrigin: 'https://notes.example.com' } }"),
    },
    { name: 'an auth provider makes the `*` moot (no credentials option)', filename: inCurrent, code: AUTHENTICATED },
    { name: 'stdio answers no browser', filename: inCurrent, code: STDIO },
    { name: 'options the file does not show', filename: inCurrent, code: server('loadConfig().http') },
  ],
  invalid: [
    {
      name: 'no cors: `*` by default; the fail-closed suggestion lists a placeholder origin',
      filename: inCurrent,
      code: OPEN,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "mcp-framework's `http-stream` CORS default `*`", credentials: '' },
          ...TYPE_SPAN,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: withAllowlist(
                OPEN,
                '{ port: 8080 }',
                '{ port: 8080, cors: { allowedOrigins: ALLOWED_ORIGINS } }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "cors.allowOrigin: '*', reported at the property",
      filename: inCurrent,
      code: STAR,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "`cors.allowOrigin: '*'` of mcp-framework's `http-stream` transport", credentials: '' },
          line: 6,
          column: 36,
          endLine: 6,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: withAllowlist(STAR, "allowOrigin: '*' }", "allowOrigin: '*', allowedOrigins: ALLOWED_ORIGINS }"),
            },
          ],
        },
      ],
    },
    {
      name: 'an empty cors.allowedOrigins allows every origin; the list takes its place',
      filename: inCurrent,
      code: EMPTY_LIST,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "mcp-framework's `http-stream` CORS default `*`", credentials: '' },
          ...TYPE_SPAN,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: withAllowlist(EMPTY_LIST, 'allowedOrigins: []', 'allowedOrigins: ALLOWED_ORIGINS'),
            },
          ],
        },
      ],
    },
    {
      name: 'before 0.2.20 there is no cors.allowedOrigins to write: reported with no change',
      filename: inOld,
      code: LISTED,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "mcp-framework's `http-stream` CORS default `*`", credentials: '' },
          ...TYPE_SPAN,
          suggestions: [],
        },
      ],
    },
  ],
});

/** The report on a transport with no Origin list, with the change that adds one to its options. */
const unprotected = (code: string) => ({
  messageId: 'unprotectedApp' as const,
  data: { app: 'mcp-framework `http-stream` transport' },
  ...TYPE_SPAN,
  suggestions: [
    {
      messageId: 'enableProtection' as const,
      output: withAllowlist(code, '{ port: 8080 }', '{ port: 8080, cors: { allowedOrigins: ALLOWED_ORIGINS } }'),
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: mcp-framework', dnsRule, {
  valid: [
    { name: 'a non-empty cors.allowedOrigins', filename: inCurrent, code: LISTED },
    { name: 'an auth provider: a rebinding page has no key', filename: inCurrent, code: AUTHENTICATED },
    { name: 'options the file does not show', filename: inCurrent, code: server('loadConfig().http') },
  ],
  invalid: [
    {
      name: 'neither Host nor Origin is checked',
      filename: inCurrent,
      code: OPEN,
      errors: [unprotected(OPEN)],
    },
    {
      name: 'with trustCredentialChecks: false (strict), an auth provider is not enough',
      filename: inCurrent,
      code: AUTHENTICATED,
      options: [{ trustCredentialChecks: false }],
      errors: [unprotected(AUTHENTICATED)],
    },
  ],
});

/** The report on a transport that takes every request: no fix, the auth provider is the owner's to choose. */
const openEndpoint = (type: string, span: typeof TYPE_SPAN) => ({
  messageId: 'missingCsrfCheck' as const,
  data: { route: `mcp-framework's \`${type}\` endpoint` },
  ...span,
  suggestions: [],
});

ruleTester.run('require-csrf-token: mcp-framework', csrfRule, {
  valid: [
    { name: 'an auth provider on the transport', filename: inCurrent, code: AUTHENTICATED },
    {
      name: 'an auth provider on the server',
      filename: inCurrent,
      code: OPEN.replace('new MCPServer({\n', 'new MCPServer({\n  auth: { provider: apiKeys },\n'),
    },
    { name: 'an Origin list on the default loopback host (0.2.22)', filename: inCurrent, code: LISTED },
    {
      name: 'options the file does not show: unknown, not the defaults',
      filename: inCurrent,
      code: server('loadConfig().http'),
    },
    { name: 'stdio', filename: inCurrent, code: STDIO },
  ],
  invalid: [
    {
      name: '`auth: undefined` sets no provider',
      filename: inCurrent,
      code: server('{ port: 8080, auth: undefined }'),
      errors: [openEndpoint('http-stream', TYPE_SPAN)],
    },
    {
      name: 'an auth provider chosen by the environment is not there out of the box',
      filename: inCurrent,
      code: server('{ port: 8080 }', '\n    auth: process.env.MCP_API_KEY ? { provider: apiKeys } : undefined,'),
      errors: [openEndpoint('http-stream', TYPE_SPAN)],
    },
    {
      name: 'a type chosen by a condition may be http-stream',
      filename: inCurrent,
      code: server('{ port: 8080 }').replace(
        "type: 'http-stream',",
        "type: process.env.STDIO ? 'stdio' : 'http-stream',",
      ),
      errors: [openEndpoint('http-stream', { line: 5, column: 5, endLine: 5, endColumn: 54 })],
    },
    {
      name: 'no auth provider',
      filename: inCurrent,
      code: OPEN,
      errors: [openEndpoint('http-stream', TYPE_SPAN)],
    },
    {
      name: 'an Origin list on a host the network reaches',
      filename: inCurrent,
      code: server("{ port: 8080, host: '0.0.0.0', cors: { allowedOrigins: ['https://notes.example.com'] } }"),
      errors: [openEndpoint('http-stream', TYPE_SPAN)],
    },
    {
      name: 'every HTTP transport of `transports`, stdio aside',
      filename: inCurrent,
      code: `import { MCPServer } from 'mcp-framework';

const server = new MCPServer({
  transports: [{ type: 'stdio' }, { type: 'sse', options: { port: 8081 } }],
});
await server.start();`,
      errors: [openEndpoint('sse', { line: 4, column: 37, endLine: 4, endColumn: 48 })],
    },
  ],
});

// The options' object made first and given its transport after (`config.transport = { … }` under
// `if (process.env.PORT)`): each transport the code assigns is one the server may be given.
const ASSIGNED = (extra = ''): string => `import { MCPServer } from 'mcp-framework';

const config: Record<string, unknown> = { name: 'notes' };
if (process.env.PORT) {
  config.transport = { type: 'http-stream', options: { port: 8080, cors: { allowOrigin: '*' } } };${extra}
}
const server = new MCPServer(config);
await server.start();`;

ruleTester.run('no-wildcard-origin: mcp-framework, a transport assigned to the options', wildcardRule, {
  valid: [],
  invalid: [
    {
      name: "cors.allowOrigin: '*' of a transport assigned after the options are made",
      filename: inCurrent,
      code: ASSIGNED(),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "`cors.allowOrigin: '*'` of mcp-framework's `http-stream` transport", credentials: '' },
          line: 5,
          column: 76,
          endLine: 5,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: withAllowlist(
                ASSIGNED(),
                "allowOrigin: '*' }",
                "allowOrigin: '*', allowedOrigins: ALLOWED_ORIGINS }",
              )
                .replace(`${ALLOWLIST}const server`, 'const server')
                .replace('const config', `${ALLOWLIST}const config`),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-csrf-token: mcp-framework, a transport assigned to the options', csrfRule, {
  valid: [
    {
      name: 'an auth provider assigned beside it may be set: nothing to report',
      filename: inCurrent,
      code: ASSIGNED(
        "\n  config.auth = { provider: new APIKeyAuthProvider({ keys: [process.env.MCP_API_KEY ?? ''] }) };",
      ).replace(
        "import { MCPServer } from 'mcp-framework';",
        "import { APIKeyAuthProvider, MCPServer } from 'mcp-framework';",
      ),
    },
  ],
  invalid: [
    {
      name: 'no auth: the endpoint of the assigned transport',
      filename: inCurrent,
      code: ASSIGNED(),
      errors: [{ messageId: 'missingCsrfCheck', line: 5, column: 24, endLine: 5, endColumn: 43 }],
    },
  ],
});
