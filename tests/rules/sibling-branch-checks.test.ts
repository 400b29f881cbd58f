import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';

// A plain handler that reads `Origin` once at its top may refuse a foreign one only in the branch
// of another route: the preflight's (`if (req.method === 'OPTIONS') { … return; }`). A request to
// the MCP branch never takes that branch, so the check there guards nothing of it; a check that
// stands before every branch, or in the MCP branch itself, does; so does one in a branch that goes
// on to the route (`if (req.url !== '/health') { …refuse… }`), which only a branch that always
// exits is not.

const ruleTester = createRuleTester();

/**
 * A loopback server whose POST branch answers MCP messages; `preflight` is the OPTIONS branch,
 * `check` stands before the route's branch.
 */
const HANDLER = ({
  preflight,
  check = '',
}: {
  preflight: string;
  check?: string;
}): string => `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const ALLOWED_ORIGINS = ['vscode-webview://notes'];
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });

http
  .createServer(async (req, res) => {
    const origin = req.headers.origin;
    if (req.method === 'OPTIONS') {
${preflight}      res.writeHead(204).end();
      return;
    }
${check}    const session = req.url?.match(/^\\/mcp\\/session\\/([\\w-]+)\\/message$/);
    if (req.method === 'POST' && session) {
      await transport.handleRequest(req, res);
      return;
    }
    res.writeHead(404).end();
  })
  .listen(3000, '127.0.0.1');
`;

const REFUSE_FOREIGN = (indent: string) => `${indent}if (origin && !ALLOWED_ORIGINS.includes(origin)) {
${indent}  res.writeHead(403).end();
${indent}  return;
${indent}}
`;

const PREFLIGHT_ONLY = HANDLER({ preflight: REFUSE_FOREIGN('      ') });
const BEFORE_EVERY_BRANCH = HANDLER({ preflight: '', check: REFUSE_FOREIGN('    ') });
const IN_BOTH = HANDLER({ preflight: REFUSE_FOREIGN('      '), check: REFUSE_FOREIGN('    ') });

/** A token read at the top, refused in a branch every path but the health check takes on its way on. */
const GUARD_BRANCH = `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const TOKEN = process.env.MCP_TOKEN ?? 'a-long-development-secret';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });

http
  .createServer(async (req, res) => {
    const auth = req.headers.authorization;
    if (req.url !== '/health') {
      if (auth !== \`Bearer \${TOKEN}\`) {
        res.writeHead(401).end();
        return;
      }
    }
    if (req.method === 'POST' && req.url === '/mcp') {
      await transport.handleRequest(req, res);
      return;
    }
    res.writeHead(404).end();
  })
  .listen(3000, '127.0.0.1');
`;

/** `PREFLIGHT_ONLY` with the token fix: the helpers above the server, the check atop the handler. */
const tokenFixed = (bearer: boolean): string =>
  PREFLIGHT_ONLY.replace('});\n\nhttp\n', `});\n\n${tokenHelpers({ bearer })}\n\nhttp\n`).replace(
    '    const origin',
    `    ${guard('node:http', bearer, { indent: '    ' })}const origin`,
  );

ruleTester.run('require-csrf-token: an Origin check in the branch of another route', csrfRule, {
  valid: [
    { name: 'the check stands before every branch', filename: 'server.ts', code: BEFORE_EVERY_BRANCH },
    { name: 'the check in the preflight and before the route', filename: 'server.ts', code: IN_BOTH },
    { name: 'a token refused in a branch the route is reached through', filename: 'server.ts', code: GUARD_BRANCH },
  ],
  invalid: [
    {
      name: 'the check only in the OPTIONS branch',
      filename: 'server.ts',
      code: PREFLIGHT_ONLY,
      errors: [missingCheck('The POST branch of this handler', [19, 9, 19, 30], tokenFixed)],
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: an Origin check in the branch of another route', dnsRule, {
  valid: [
    { name: 'the check stands before every branch', filename: 'server.ts', code: BEFORE_EVERY_BRANCH },
    { name: 'a token refused in a branch the route is reached through', filename: 'server.ts', code: GUARD_BRANCH },
  ],
  invalid: [
    {
      name: 'the check only in the OPTIONS branch',
      filename: 'server.ts',
      code: PREFLIGHT_ONLY,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'enableProtection',
              output: PREFLIGHT_ONLY.replace(
                'sessionIdGenerator: undefined',
                "sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000']",
              ),
            },
          ],
        },
      ],
    },
  ],
});
