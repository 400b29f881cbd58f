import csrfRule from '../../src/rules/require-csrf-token';
import { createRuleTester } from '../rule-tester';
import { guard, tokenHelpers } from '../support/fix-text';

// A class whose POST /mcp handler hands the request to helpers that may hand it to each other,
// the check at the end of the chain. Whether a name holds the request's headers is asked at each
// of its reads and, for a parameter, answered from the arguments of every call: it is worked out
// once per parameter (a class of 40 such helpers took 16 s to lint when it was asked per read).

/** `count` helpers, each of which may hand the request to every other one; `check` ends the last. */
function helpers(count: number, check: string): string {
  const lines = [
    "import express from 'express';",
    "import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';",
    '',
    'const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });',
    '',
    'export class Server {',
    '  private app = express();',
  ];
  for (let index = 0; index < count; index++) {
    lines.push(`  private step${index}(req: express.Request, res: express.Response): void {`);
    for (let other = 0; other < count; other++) {
      if (other !== index)
        lines.push(
          `    if (req.body.step === ${other}) {`,
          `      this.step${other}(req, res);`,
          '      return;',
          '    }',
        );
    }
    if (index === count - 1 && check) lines.push(check);
    lines.push('    void transport.handleRequest(req, res, req.body);', '  }');
  }
  lines.push(
    '  start(): void {',
    "    this.app.post('/mcp', (req, res) => {",
    '      this.step0(req, res);',
    '    });',
    "    this.app.listen(3000, '127.0.0.1');",
    '  }',
    '}',
    '',
  );
  return lines.join('\n');
}

const CHECKED = `    if (req.headers['x-api-key'] !== process.env.MCP_API_KEY) {
      res.status(401).end();
      return;
    }`;
const UNCHECKED = helpers(12, '');
/** The line of `this.app.post(` in UNCHECKED. */
const ROUTE_LINE = UNCHECKED.split('\n').findIndex((line) => line.includes("this.app.post('/mcp'")) + 1;

/** UNCHECKED with the token check of its suggestion: the helpers above the class, the guard first on the route. */
const fixed = (bearer: boolean): string =>
  UNCHECKED.replace('\nexport class Server', `\n${tokenHelpers({ bearer })}\n\nexport class Server`).replace(
    "this.app.post('/mcp', ",
    `this.app.post('/mcp', ${guard('express', bearer, { indent: '    ' })}`,
  );

const ruleTester = createRuleTester();

ruleTester.run('require-csrf-token: the request handed along a chain of helpers', csrfRule, {
  valid: [{ name: 'checked by the last helper', code: helpers(12, CHECKED), filename: 'server.ts' }],
  invalid: [
    {
      name: 'checked by none',
      code: UNCHECKED,
      filename: 'server.ts',
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: ROUTE_LINE,
          column: 5,
          endLine: ROUTE_LINE,
          endColumn: 18,
          suggestions: [
            { messageId: 'requireTokenHeader', data: { header: '`x-mcp-csrf-token`' }, output: fixed(false) },
            { messageId: 'useBearerToken', output: fixed(true) },
          ],
        },
      ],
    },
  ],
});
