import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import loopbackRule from '../../src/rules/require-loopback-host';
import { createRuleTester, failClosedFix } from '../rule-tester';
import { LOOPBACK_HOSTS } from '../support/fix-text';

// @nestjs/testing: `Test.createTestingModule(metadata)` makes a builder whose `compile()` resolves
// to a testing module, and its `createNestApplication()` makes an app as `NestFactory.create()`
// does. An end-to-end test that serves it with `listen(0)` in a hook serves it on a port only the
// test knows, for the test's length: left alone, as for any test server. On a fixed port it is a
// server like any other.

const ruleTester = createRuleTester();

/** An end-to-end test of an app that imports `McpModule.forRoot()`, served on `port`. */
const e2eTest = (listen: string): string => `import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { McpModule } from '@rekog/mcp-nest';

describe('notes MCP server', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const testing = await Test.createTestingModule({
      imports: [McpModule.forRoot({ name: 'notes', version: '1.0.0' })],
    })
      .overrideProvider('CLOCK')
      .useValue({ now: () => 0 })
      .compile();
    app = testing.createNestApplication();
    await app.listen(${listen});
  });

  afterAll(async () => {
    await app.close();
  });
});`;

const FILENAME = 'test/notes.e2e-spec.ts';
const ON_PICKED_PORT = { name: 'served on a port the system picks', code: e2eTest('0'), filename: FILENAME };

ruleTester.run('require-csrf-token: a NestJS testing module served in a test', csrfRule, {
  valid: [ON_PICKED_PORT],
  invalid: [],
});

ruleTester.run('require-dns-rebinding-protection: a NestJS testing module served in a test', dnsRule, {
  valid: [ON_PICKED_PORT],
  invalid: [],
});

ruleTester.run('require-loopback-host: a NestJS testing module served in a test', loopbackRule, {
  valid: [
    ON_PICKED_PORT,
    {
      name: 'a method every object has (`valueOf()`) makes no app of the builder',
      code: e2eTest('3000')
        .replace('.compile();', '.valueOf();')
        .replace('testing.createNestApplication()', '(testing as unknown as { init(): INestApplication }).init()'),
      filename: FILENAME,
    },
    { name: 'on a fixed port, bound to loopback', code: e2eTest("3000, '127.0.0.1'"), filename: FILENAME },
  ],
  invalid: failClosedFix([
    {
      name: 'on a fixed port with no host: every interface, while the test runs',
      code: e2eTest('3000'),
      filename: FILENAME,
      output: e2eTest("3000, '127.0.0.1'"),
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`app.listen()` of NestJS', hostLabel: 'host', binding: "Node's default is `::`" },
          line: 16,
          column: 15,
          endLine: 16,
          endColumn: 21,
          suggestions: LOOPBACK_HOSTS.slice(1).map(([messageId, host]) => ({
            messageId,
            output: e2eTest(`3000, ${host}`),
          })),
        },
      ],
    },
  ]),
});
