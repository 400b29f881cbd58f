import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import loopbackRule from '../../src/rules/require-loopback-host';
import reflectedRule from '../../src/rules/no-reflected-origin';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester, failClosedFix } from '../rule-tester';

// mcp-use (src/frameworks/mcp-use.ts). 1.x (`mcp-use/server`): `new MCPServer(options)` then
// `server.listen(port)` binds `options.host` (default "localhost"), answers every origin with
// `Access-Control-Allow-Origin: *` unless `options.cors` says otherwise, and checks `Host` only
// against the hostnames of a non-empty `allowedOrigins`; `oauth` checks a bearer token. 2.x
// (`mcp-use`): CORS is off by default, `listen(port, { host })` binds 127.0.0.1 by default and then
// checks `Host`, `allowedHosts` lists other hosts, and `allowedOrigins` refuses other origins.

const ruleTester = createRuleTester();

/** Projects with one installed version of mcp-use each: fixes write options only an install has. */
const installs = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-mcp-use-'));
function project(version: string): string {
  const dir = path.join(installs, version);
  fs.mkdirSync(path.join(dir, 'node_modules', 'mcp-use'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'node_modules', 'mcp-use', 'package.json'),
    JSON.stringify({ name: 'mcp-use', version }),
  );
  return path.join(dir, 'server.ts');
}
const CURRENT_1 = project('1.34.6');
const OLD_1 = project('1.17.0');
const CURRENT_2 = project('2.5.2');
afterAll(() => fs.rmSync(installs, { recursive: true, force: true }));

const IMPORT = "import { MCPServer } from 'mcp-use/server';";
const SERVER = `${IMPORT}

const server = new MCPServer({
  name: 'notes',
  version: '1.0.0',
});
await server.listen(3000);`;
const IMPORT_2 = "import { MCPServer } from 'mcp-use';";

ruleTester.run('no-wildcard-origin: mcp-use', wildcardRule, {
  valid: [
    {
      name: 'a constant allowlist, an origin function that checks, and an OAuth server without credentials',
      code: `${IMPORT}
const ALLOWED = ['https://app.example.com'];
const a = new MCPServer({ name: 'a', version: '1.0.0', cors: { origin: ALLOWED } });
const b = new MCPServer({ name: 'b', version: '1.0.0', cors: { origin: (origin) => (ALLOWED.includes(origin) ? origin : null) } });
const c = new MCPServer({ name: 'c', version: '1.0.0', oauth: provider });`,
    },
    {
      name: 'mcp-use 2 sends no CORS headers unless told to; `cors: {}` answers the own origin (no `*`)',
      code: `${IMPORT_2}
const server = new MCPServer({ name: 'a', version: '1.0.0' });
const other = new MCPServer({ name: 'b', version: '1.0.0', cors: { origin: ['https://app.example.com'] } });`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'no `cors`: mcp-use 1 answers `*`; the fix adds an empty origin list beside the other options',
      filename: CURRENT_1,
      code: SERVER,
      output: `${IMPORT}

const server = new MCPServer({
  name: 'notes',
  version: '1.0.0',
  cors: { origin: [], exposeHeaders: ['mcp-session-id'] },
});
await server.listen(3000);`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "mcp-use's `MCPServer` `cors` without `origin` (default `*`)", credentials: '' },
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `${IMPORT}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new MCPServer({
  name: 'notes',
  version: '1.0.0',
  cors: { origin: ALLOWED_ORIGINS, exposeHeaders: ['mcp-session-id'] },
});
await server.listen(3000);`,
            },
          ],
        },
      ],
    },
    {
      name: '`cors: undefined` keeps the defaults; the options written in its place keep the session id readable',
      filename: CURRENT_1,
      code: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', cors: undefined });`,
      output: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', cors: { origin: [], exposeHeaders: ['mcp-session-id'] } });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 2,
          column: 61,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `${IMPORT}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new MCPServer({ name: 'a', version: '1.0.0', cors: { origin: ALLOWED_ORIGINS, exposeHeaders: ['mcp-session-id'] } });`,
            },
          ],
        },
      ],
    },
    {
      name: "`cors` without `origin` keeps hono's `*`, and `origin: '*'` says so",
      filename: CURRENT_1,
      code: `${IMPORT}
const a = new MCPServer({ name: 'a', version: '1.0.0', cors: { credentials: false } });
const b = new MCPServer({ name: 'b', version: '1.0.0', cors: { origin: '*' } });`,
      output: `${IMPORT}
const a = new MCPServer({ name: 'a', version: '1.0.0', cors: { credentials: false, origin: [] } });
const b = new MCPServer({ name: 'b', version: '1.0.0', cors: { origin: [] } });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "mcp-use's `MCPServer` `cors` without `origin` (default `*`)", credentials: '' },
          line: 2,
          column: 56,
          endLine: 2,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `${IMPORT}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const a = new MCPServer({ name: 'a', version: '1.0.0', cors: { credentials: false, origin: ALLOWED_ORIGINS } });
const b = new MCPServer({ name: 'b', version: '1.0.0', cors: { origin: '*' } });`,
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          data: { policy: "mcp-use's `MCPServer` `cors` with an `origin` that is `*`", credentials: '' },
          line: 3,
          column: 64,
          endLine: 3,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `${IMPORT}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const a = new MCPServer({ name: 'a', version: '1.0.0', cors: { credentials: false } });
const b = new MCPServer({ name: 'b', version: '1.0.0', cors: { origin: ALLOWED_ORIGINS } });`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-wildcard-origin: mcp-use install unknown or without `cors`', wildcardRule, {
  valid: [],
  invalid: [
    {
      name: 'no install to read: reported, and no option is written',
      code: SERVER,
      errors: [{ messageId: 'wildcardOrigin', line: 3, column: 20, endLine: 3, endColumn: 29, suggestions: [] }],
    },
    {
      name: 'mcp-use 1.17 ignores `cors`: reported, with no fix',
      filename: OLD_1,
      code: SERVER,
      errors: [{ messageId: 'wildcardOrigin', line: 3, column: 20, endLine: 3, endColumn: 29, suggestions: [] }],
    },
    {
      name: 'by default the fail-closed change is the first suggestion',
      filename: CURRENT_1,
      code: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0' });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', cors: { origin: [], exposeHeaders: ['mcp-session-id'] } });`,
            },
            {
              messageId: 'useAllowlist',
              output: `${IMPORT}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new MCPServer({ name: 'a', version: '1.0.0', cors: { origin: ALLOWED_ORIGINS, exposeHeaders: ['mcp-session-id'] } });`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-wildcard-origin: mcp-use 1 `createMCPServer()`', wildcardRule, {
  valid: [
    {
      name: 'a server made with `oauth`, which checks a bearer token on every request',
      code: `import { createMCPServer } from 'mcp-use/server';
const server = createMCPServer('notes', { version: '1.0.0', oauth: provider });`,
    },
  ],
  invalid: [
    {
      name: 'it hands no `cors` on: always `*`, whatever its options say, and nothing to edit',
      filename: CURRENT_1,
      code: `import { createMCPServer } from 'mcp-use/server';
const server = createMCPServer('notes', { version: '1.0.0', cors: { origin: ['https://app.example.com'] } });
server.listen(3000);`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "mcp-use's `createMCPServer()` without `origin` (default `*`)", credentials: '' },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 31,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('no-reflected-origin: mcp-use', reflectedRule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'an `origin` function that answers every origin with itself',
      filename: CURRENT_1,
      code: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', cors: { origin: (origin) => origin } });`,
      output: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', cors: { origin: [] } });`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: "mcp-use's `MCPServer` `cors` whose `origin` accepts all", credentials: '' },
          line: 2,
          column: 69,
          endLine: 2,
          endColumn: 95,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `${IMPORT}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new MCPServer({ name: 'a', version: '1.0.0', cors: { origin: ALLOWED_ORIGINS } });`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-reflected-origin: mcp-use 2', reflectedRule, {
  valid: [
    {
      name: 'no `cors`, `cors: undefined` or `null`, `enabled: false` (also from a constant), a constant allowlist',
      filename: CURRENT_2,
      code: `${IMPORT_2}
const OFF = false;
const a = new MCPServer({ name: 'a', version: '1.0.0' });
const u = new MCPServer({ name: 'u', version: '1.0.0', cors: undefined });
const n = new MCPServer({ name: 'n', version: '1.0.0', cors: null });
const o = new MCPServer({ name: 'o', version: '1.0.0', cors: { enabled: OFF } });
const b = new MCPServer({ name: 'b', version: '1.0.0', cors: { enabled: false } });
const c = new MCPServer({ name: 'c', version: '1.0.0', cors: { origin: ['https://app.example.com'] } });`,
    },
  ],
  invalid: failClosedFix([
    {
      name: '`cors` without `origin`, and `cors: true`: each request gets its own origin back',
      filename: CURRENT_2,
      code: `${IMPORT_2}
const a = new MCPServer({ name: 'a', version: '1.0.0', cors: { credentials: false } });
const b = new MCPServer({ name: 'b', version: '1.0.0', cors: true });`,
      output: `${IMPORT_2}
const a = new MCPServer({ name: 'a', version: '1.0.0', cors: { credentials: false, origin: [] } });
const b = new MCPServer({ name: 'b', version: '1.0.0', cors: { origin: [] } });`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: "mcp-use's `MCPServer` `cors` without `origin`", credentials: '' },
          line: 2,
          column: 56,
          endLine: 2,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `${IMPORT_2}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const a = new MCPServer({ name: 'a', version: '1.0.0', cors: { credentials: false, origin: ALLOWED_ORIGINS } });
const b = new MCPServer({ name: 'b', version: '1.0.0', cors: true });`,
            },
          ],
        },
        {
          messageId: 'reflectedOrigin',
          data: { policy: "mcp-use's `MCPServer` `cors` without `origin`", credentials: '' },
          line: 3,
          column: 62,
          endLine: 3,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `${IMPORT_2}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const a = new MCPServer({ name: 'a', version: '1.0.0', cors: { credentials: false } });
const b = new MCPServer({ name: 'b', version: '1.0.0', cors: { origin: ALLOWED_ORIGINS } });`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('require-loopback-host: mcp-use', loopbackRule, {
  valid: [
    {
      name: 'no host: mcp-use binds localhost (1) or 127.0.0.1 (2); a loopback host given either way',
      code: `${SERVER}
const local = new MCPServer({ name: 'b', version: '1.0.0', host: '127.0.0.1' });
local.listen(3001);`,
    },
    {
      name: 'mcp-use 2: the host of `listen()` comes first',
      code: `${IMPORT_2}
const server = new MCPServer({ name: 'a', version: '1.0.0', host: '0.0.0.0' });
await server.listen(3000, { host: '127.0.0.1' });
const other = new MCPServer({ name: 'b', version: '1.0.0' });
await other.listen();`,
    },
  ],
  invalid: failClosedFix([
    {
      name: "mcp-use 1's `listen(port)` takes no options: the host it was made with is bound",
      code: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', host: '::' });
server.listen(3000, { host: '127.0.0.1' });`,
      output: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', host: '127.0.0.1' });
server.listen(3000, { host: '127.0.0.1' });`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: "mcp-use's `server.listen()`", hostLabel: '`host`', values: "`'::'`" },
          line: 2,
          column: 61,
          endLine: 2,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', host: process.env.HOST ?? '127.0.0.1' });
server.listen(3000, { host: '127.0.0.1' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', host: '::1' });
server.listen(3000, { host: '127.0.0.1' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', host: 'localhost' });
server.listen(3000, { host: '127.0.0.1' });`,
            },
          ],
        },
      ],
    },
    {
      name: "`host: '0.0.0.0'` where the server is made",
      code: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', host: '0.0.0.0' });
server.listen(3000);`,
      output: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', host: '127.0.0.1' });
server.listen(3000);`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: "mcp-use's `server.listen()`", hostLabel: '`host`', values: "`'0.0.0.0'`" },
          line: 2,
          column: 61,
          endLine: 2,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', host: process.env.HOST ?? '127.0.0.1' });
server.listen(3000);`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', host: '::1' });
server.listen(3000);`,
            },
            {
              messageId: 'useLocalhost',
              output: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', host: 'localhost' });
server.listen(3000);`,
            },
          ],
        },
      ],
    },
    {
      name: "the deprecated `createMCPServer(name, { host })`, and mcp-use 2's `listen(port, { host })`",
      code: `import { createMCPServer } from 'mcp-use/server';
import { MCPServer } from 'mcp-use';
const old = createMCPServer('a', { host: '::' });
old.listen(3000);
const server = new MCPServer({ name: 'b', version: '1.0.0' });
await server.listen(3001, { host: '0.0.0.0' });`,
      output: `import { createMCPServer } from 'mcp-use/server';
import { MCPServer } from 'mcp-use';
const old = createMCPServer('a', { host: '127.0.0.1' });
old.listen(3000);
const server = new MCPServer({ name: 'b', version: '1.0.0' });
await server.listen(3001, { host: '127.0.0.1' });`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: "mcp-use's `server.listen()`", hostLabel: '`host`', values: "`'::'`" },
          line: 3,
          column: 36,
          endLine: 3,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { createMCPServer } from 'mcp-use/server';
import { MCPServer } from 'mcp-use';
const old = createMCPServer('a', { host: process.env.HOST ?? '127.0.0.1' });
old.listen(3000);
const server = new MCPServer({ name: 'b', version: '1.0.0' });
await server.listen(3001, { host: '0.0.0.0' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { createMCPServer } from 'mcp-use/server';
import { MCPServer } from 'mcp-use';
const old = createMCPServer('a', { host: '::1' });
old.listen(3000);
const server = new MCPServer({ name: 'b', version: '1.0.0' });
await server.listen(3001, { host: '0.0.0.0' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { createMCPServer } from 'mcp-use/server';
import { MCPServer } from 'mcp-use';
const old = createMCPServer('a', { host: 'localhost' });
old.listen(3000);
const server = new MCPServer({ name: 'b', version: '1.0.0' });
await server.listen(3001, { host: '0.0.0.0' });`,
            },
          ],
        },
        {
          messageId: 'everyInterface',
          data: { api: "mcp-use's `server.listen()`", hostLabel: '`host`', values: "`'0.0.0.0'`" },
          line: 6,
          column: 29,
          endLine: 6,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { createMCPServer } from 'mcp-use/server';
import { MCPServer } from 'mcp-use';
const old = createMCPServer('a', { host: '::' });
old.listen(3000);
const server = new MCPServer({ name: 'b', version: '1.0.0' });
await server.listen(3001, { host: process.env.HOST ?? '127.0.0.1' });`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { createMCPServer } from 'mcp-use/server';
import { MCPServer } from 'mcp-use';
const old = createMCPServer('a', { host: '::' });
old.listen(3000);
const server = new MCPServer({ name: 'b', version: '1.0.0' });
await server.listen(3001, { host: '::1' });`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { createMCPServer } from 'mcp-use/server';
import { MCPServer } from 'mcp-use';
const old = createMCPServer('a', { host: '::' });
old.listen(3000);
const server = new MCPServer({ name: 'b', version: '1.0.0' });
await server.listen(3001, { host: 'localhost' });`,
            },
          ],
        },
      ],
    },
  ]),
});

const HOST_CHECK = `server.use(async (c, next) => {
  if (!['localhost:3000', '127.0.0.1:3000'].includes(c.req.header('host') ?? '')) return c.text('Forbidden', 403);
  await next();
});`;

ruleTester.run('require-dns-rebinding-protection: mcp-use', dnsRule, {
  valid: [
    {
      name: 'mcp-use 1 with `allowedOrigins`, whose hostnames it checks `Host` against',
      code: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', allowedOrigins: ['http://localhost:3000'] });
server.listen(3000);`,
    },
    {
      name: 'a server with `oauth`, and one with a Host check of its own in front',
      code: `${IMPORT}
const authed = new MCPServer({ name: 'a', version: '1.0.0', oauth: provider });
authed.listen(3000);
const server = new MCPServer({ name: 'b', version: '1.0.0' });
${HOST_CHECK}
server.listen(3001);`,
    },
    {
      name: 'mcp-use 2 checks Host against localhost names whenever `allowedHosts` is given, even empty',
      code: `${IMPORT_2}
const server = new MCPServer({ name: 'a', version: '1.0.0', host: '0.0.0.0', allowedHosts: [] });
await server.listen(3000);`,
    },
    {
      name: 'mcp-use 2 checks Host on loopback, and against `allowedHosts` elsewhere',
      code: `${IMPORT_2}
const local = new MCPServer({ name: 'a', version: '1.0.0' });
await local.listen(3000);
const listed = new MCPServer({ name: 'b', version: '1.0.0', allowedHosts: ['mcp.example.com'] });
await listed.listen(3001, { host: '0.0.0.0' });`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'mcp-use 1 without `allowedOrigins`: the fix lists the loopback names its local clients use',
      filename: CURRENT_1,
      code: SERVER,
      output: `${IMPORT}

const server = new MCPServer({
  name: 'notes',
  version: '1.0.0',
  allowedOrigins: ['http://localhost', 'http://127.0.0.1'],
});
await server.listen(3000);`,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: 'mcp-use `MCPServer`' },
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 20,
        },
      ],
    },
  ]),
});

ruleTester.run('require-dns-rebinding-protection: mcp-use without a fix', dnsRule, {
  valid: [],
  invalid: [
    {
      name: 'an empty `allowedOrigins` checks nothing (and with no install to read, no fix)',
      code: `${IMPORT}
const a = new MCPServer({ name: 'a', version: '1.0.0', allowedOrigins: [] });
a.listen(3000);`,
      errors: [{ messageId: 'unprotectedApp', line: 3, column: 3, suggestions: [] }],
    },
    {
      name: 'mcp-use 1.17 ignores `allowedOrigins`',
      filename: OLD_1,
      code: `${IMPORT}
const a = new MCPServer({ name: 'a', version: '1.0.0', allowedOrigins: ['http://localhost:3000'] });
a.listen(3000);`,
      errors: [{ messageId: 'unprotectedApp', line: 3, column: 3, suggestions: [] }],
    },
    {
      name: 'mcp-use 2 bound to every interface without `allowedHosts`',
      filename: CURRENT_2,
      code: `${IMPORT_2}
const server = new MCPServer({ name: 'a', version: '1.0.0', host: '0.0.0.0' });
await server.listen(3000);`,
      errors: [
        { messageId: 'unprotectedApp', data: { app: 'mcp-use `MCPServer`' }, line: 3, column: 14, suggestions: [] },
      ],
    },
    {
      name: 'mcp-use 2 checks Host by itself only on the loopback names it lists, not on 127.0.0.2',
      filename: CURRENT_2,
      code: `${IMPORT_2}
const server = new MCPServer({ name: 'a', version: '1.0.0', host: '127.0.0.2' });
await server.listen(3000);`,
      errors: [{ messageId: 'unprotectedApp', line: 3, column: 14, suggestions: [] }],
    },
    {
      name: 'a Host check mounted for other paths does not stand in front of `/mcp`',
      code: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0' });
server.use('/admin/*', async (c, next) => {
  if (c.req.header('host') !== 'localhost:3000') return c.text('Forbidden', 403);
  await next();
});
server.listen(3000);`,
      errors: [{ messageId: 'unprotectedApp', line: 7, column: 8, suggestions: [] }],
    },
    {
      name: 'by default the fail-closed change is a suggestion',
      filename: CURRENT_1,
      code: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0' });
server.listen(3000);`,
      errors: [
        {
          messageId: 'unprotectedApp',
          line: 3,
          column: 8,
          suggestions: [
            {
              messageId: 'validateHost',
              output: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', allowedOrigins: ['http://localhost', 'http://127.0.0.1'] });
server.listen(3000);`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-csrf-token: mcp-use', csrfRule, {
  valid: [
    {
      name: "`oauth`, hono's `bearerAuth` and a check of its own in front",
      code: `${IMPORT}
import { bearerAuth } from 'hono/bearer-auth';
const a = new MCPServer({ name: 'a', version: '1.0.0', oauth: provider });
a.listen(3000);
const b = new MCPServer({ name: 'b', version: '1.0.0' });
b.use(bearerAuth({ token: process.env.MCP_TOKEN! }));
b.listen(3001);
const c = new MCPServer({ name: 'c', version: '1.0.0' });
c.use(async (ctx, next) => {
  if (ctx.req.header('authorization') !== \`Bearer \${process.env.MCP_TOKEN}\`) return ctx.text('Unauthorized', 401);
  await next();
});
c.listen(3002);`,
    },
    {
      name: 'mcp-use 2 on loopback refusing other origins',
      code: `${IMPORT_2}
const server = new MCPServer({ name: 'a', version: '1.0.0', allowedOrigins: ['https://app.example.com'] });
await server.listen(3000);`,
    },
  ],
  invalid: [
    {
      name: 'no check: the OAuth provider is the owner to choose, so no fix',
      code: SERVER,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'mcp-use `MCPServer` endpoint' },
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 20,
        },
      ],
    },
    {
      name: 'a Host check, middleware for MCP methods, and mcp-use 1 `allowedOrigins` (a Host check) stop no forged request',
      code: `${IMPORT}
const server = new MCPServer({ name: 'a', version: '1.0.0', allowedOrigins: ['http://localhost:3000'] });
${HOST_CHECK}
server.use('mcp:tools/call', async (ctx, next) => next());
server.listen(3000);`,
      errors: [{ messageId: 'missingCsrfCheck', line: 8, column: 8 }],
    },
    {
      name: 'a check mounted after `listen()`, which mounts the MCP routes in front of it',
      code: `${IMPORT}
import { bearerAuth } from 'hono/bearer-auth';
const server = new MCPServer({ name: 'a', version: '1.0.0' });
await server.listen(3000);
server.use(bearerAuth({ token: process.env.MCP_TOKEN! }));`,
      errors: [{ messageId: 'missingCsrfCheck', line: 4, column: 14 }],
    },
  ],
});
