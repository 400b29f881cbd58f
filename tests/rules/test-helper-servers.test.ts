import path from 'node:path';
import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import loopbackRule from '../../src/rules/require-loopback-host';
import { createRuleTester } from '../rule-tester';
import { nodeDefaultHost } from '../support/fix-text';
import { packageMaker } from '../support/packages';

// A package's test utilities often start the MCP server its tests talk to: a function of a module
// that no test is (`src/testing.ts`), given its port by the tests. Where only the package's tests
// import that module and every call gives it port 0, or no port where `0` is the default, its
// server lives as long as a test, on a port the system picks: left alone, as a test's own
// `listen(0)` is. A module that is no test importing it, a fixed port, or another default, bring
// the reports back.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

const MANIFEST = {
  name: 'notes-mcp',
  private: true,
  type: 'module',
  dependencies: { '@modelcontextprotocol/sdk': '^1.0.0' },
};

/** The helper module (linted), whose port parameter defaults to `fallback` (`listen` on line 7). */
const HELPER = (fallback = '0', host = ''): string => `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export async function startTestServer(port = ${fallback}) {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  const server = http.createServer((req, res) => transport.handleRequest(req, res));
  server.listen(port${host});
  return server;
}
`;

/** A test of the package that starts the helper's server with `args`. */
const TEST = (args = ''): string => `import { startTestServer } from '../src/testing.js';

test('lists the tools', async () => {
  const server = await startTestServer(${args});
  server.close();
});
`;

/** The helper's path in a package with these other files (path → text). */
function helperIn(files: Record<string, string>, fallback = '0'): string {
  const dir = makePackage({ 'src/testing.ts': HELPER(fallback), ...files }, MANIFEST);
  return path.join(dir, 'src', 'testing.ts');
}

const onlyTests = helperIn({ 'tests/notes.test.ts': TEST(), 'tests/tools.test.ts': TEST('0') });

/** `server.listen(port)` of the helper, with its suggestions. */
const helperError = (fallback = '0') => ({
  ...nodeDefaultHost(7, (host) => HELPER(fallback, host)),
  column: 10,
  endColumn: 16,
});

const ONLY_TESTS_VALID = {
  name: 'a helper only tests import, each with no port where 0 is the default, or with 0',
  filename: onlyTests,
  code: HELPER(),
};

ruleTester.run("require-csrf-token: a test helper's server on a port the system picks", csrfRule, {
  valid: [ONLY_TESTS_VALID],
  invalid: [],
});

ruleTester.run("require-dns-rebinding-protection: a test helper's server on a port the system picks", dnsRule, {
  valid: [ONLY_TESTS_VALID],
  invalid: [],
});

ruleTester.run("require-loopback-host: a test helper's server on a port the system picks", loopbackRule, {
  valid: [ONLY_TESTS_VALID],
  invalid: [
    {
      name: 'a test that gives the helper a fixed port',
      filename: helperIn({ 'tests/notes.test.ts': TEST(), 'tests/fixed.test.ts': TEST('4100') }),
      code: HELPER(),
      output: null,
      errors: [helperError()],
    },
    {
      name: 'a module that is no test imports the helper too (a dev script serves with it)',
      filename: helperIn({ 'tests/notes.test.ts': TEST(), 'src/dev.ts': TEST().replace('../src/', './') }),
      code: HELPER(),
      output: null,
      errors: [helperError()],
    },
    {
      name: 'a default port other than 0',
      filename: helperIn({ 'tests/notes.test.ts': TEST() }, '3100'),
      code: HELPER('3100'),
      output: null,
      errors: [helperError('3100')],
    },
    {
      name: 'a helper no module imports',
      filename: helperIn({}),
      code: HELPER(),
      output: null,
      errors: [helperError()],
    },
  ],
});
