import loopbackRule from '../../src/rules/require-loopback-host';
import { createRuleTester } from '../rule-tester';
import { LOOPBACK_HOSTS } from '../support/fix-text';

// hapi (`@hapi/hapi` 21, lib/core.js): `server.start()` listens on the `address` the server was
// made with, else its `host`, else every interface (`::`, or `0.0.0.0` without IPv6). A `port`
// that names no number is a Unix socket; `initialize()` and `inject()` start no listener.

const ruleTester = createRuleTester();

const NO_HOST = `import Hapi from '@hapi/hapi';

const server = Hapi.server({ port: 3000 });
server.route({ method: 'POST', path: '/mcp', handler: () => ({ ok: true }) });
await server.start();
`;

const CONSTRUCTED = `const Hapi = require('@hapi/hapi');

async function main() {
  const server = new Hapi.Server({ port: process.env.PORT || 3000 });
  await server.start();
}
main();
`;

const ENV_ADDRESS = NO_HOST.replace(
  '{ port: 3000 }',
  "{ port: 3000, address: process.env.MCP_ADDRESS, host: '0.0.0.0' }",
);

const ALL_INTERFACES = NO_HOST.replace('{ port: 3000 }', "{ port: 3000, address: '0.0.0.0', host: 'localhost' }");

const defaultHost = (code: string, line: number, column: number) => ({
  messageId: 'defaultHost' as const,
  data: { api: "hapi's `server.start()`", hostLabel: '`host` (or `address`)', binding: "hapi's default is `::`" },
  line,
  column,
  endLine: line,
  endColumn: column + 5,
  suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
    messageId,
    output: code.replace(/port: ([^}]+) \}/u, `port: $1, host: ${host} }`),
  })),
});

ruleTester.run('require-loopback-host: hapi', loopbackRule, {
  valid: [
    { name: 'a loopback `host`', code: NO_HOST.replace('{ port: 3000 }', "{ port: 3000, host: 'localhost' }") },
    {
      name: 'a loopback `address`, which hapi listens on before `host`',
      code: NO_HOST.replace('{ port: 3000 }', "{ port: 3000, address: '127.0.0.1', host: 'mcp.example.test' }"),
    },
    { name: 'a Unix socket for a port', code: NO_HOST.replace('{ port: 3000 }', "{ port: '/tmp/mcp.sock' }") },
    {
      name: 'a server only initialized, for `inject()` in tests',
      code: NO_HOST.replace('server.start()', 'server.initialize()'),
    },
    {
      name: 'an empty `address`, which leaves it to a loopback `host`',
      code: NO_HOST.replace('{ port: 3000 }', "{ port: 3000, address: '', host: 'localhost' }"),
    },
    {
      name: '`autoListen: false`: `start()` listens on nothing',
      code: NO_HOST.replace('{ port: 3000 }', '{ port: 3000, autoListen: false }'),
    },
    {
      name: "hapi 16's `server.connection({ host })`",
      code: "const Hapi = require('hapi');\nconst server = new Hapi.Server();\nserver.connection({ host: 'localhost', port: 8000 });\nserver.start();",
    },
    {
      name: 'a `server` of another package',
      code: "import { server } from './local';\nconst app = server({ port: 3000 });\nawait app.start();",
    },
  ],
  invalid: [
    { name: 'neither `address` nor `host`', code: NO_HOST, errors: [defaultHost(NO_HOST, 5, 14)] },
    { name: '`new Hapi.Server()` of a `require`', code: CONSTRUCTED, errors: [defaultHost(CONSTRUCTED, 5, 16)] },
    {
      name: "an `address` from the environment, which leaves it to `host: '0.0.0.0'` while unset",
      code: ENV_ADDRESS,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: "hapi's `server.start()`", hostLabel: '`host` (or `address`)', values: "`'0.0.0.0'`" },
          line: 3,
          column: 76,
          endLine: 3,
          endColumn: 91,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: ENV_ADDRESS.replace("host: '0.0.0.0'", `host: ${host}`),
          })),
        },
      ],
    },
    {
      name: "`address: '0.0.0.0'` beside a loopback `host`",
      code: ALL_INTERFACES,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: "hapi's `server.start()`", hostLabel: '`host` (or `address`)', values: "`'0.0.0.0'`" },
          line: 3,
          column: 42,
          endLine: 3,
          endColumn: 60,
          suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({
            messageId,
            output: ALL_INTERFACES.replace("address: '0.0.0.0'", `address: ${host}`),
          })),
        },
      ],
    },
  ],
});
