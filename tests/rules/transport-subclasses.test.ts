import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';

// A class of the project that extends an SDK transport makes that transport, with the options its
// `new` is given, when it hands them to the transport as they are: it has no constructor of its
// own, or one that passes its parameters to `super()` in their order.

const ruleTester = createRuleTester();

/** A subclass with `body`, made with `options` on the last line. */
const subclass = (
  body: string,
  options: string,
) => `import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { StreamableHTTPServerTransportOptions } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

class LoggingTransport extends StreamableHTTPServerTransport {
${body}
}

export const transport = new LoggingTransport(${options});
`;

const LOGS = '  log(): void {\n    console.log(this.sessionId);\n  }';
const PASSES = `  constructor(options: StreamableHTTPServerTransportOptions) {
    super(options);
  }`;
const OPEN = '{ sessionIdGenerator: undefined }';
const PROTECTED =
  "{ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000'] }";

const unprotected = (code: string) => {
  const lines = code.split('\n');
  const line = lines.findIndex((text) => text.includes('new LoggingTransport')) + 1;
  const column = lines[line - 1]!.indexOf('new LoggingTransport') + 5;
  return {
    messageId: 'unprotectedTransport' as const,
    data: { transport: '`LoggingTransport`' },
    line,
    column,
    endLine: line,
    endColumn: column + 'LoggingTransport'.length,
  };
};

/**
 * A subclass whose constructor turns the protection off before it hands the options on, on an
 * express route (line 12).
 */
const REWRITING = `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { StreamableHTTPServerTransportOptions } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

class LenientTransport extends StreamableHTTPServerTransport {
  constructor(options: StreamableHTTPServerTransportOptions) {
    options = { ...options, enableDnsRebindingProtection: false };
    super(options);
  }
}

const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new LenientTransport(${PROTECTED});
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
`;

ruleTester.run('require-dns-rebinding-protection: subclasses of SDK transports', dnsRule, {
  valid: [
    { name: 'made with the protection on', code: subclass(LOGS, PROTECTED) },
    { name: 'a constructor that passes its options on, given the protection', code: subclass(PASSES, PROTECTED) },
    {
      name: 'a constructor that makes options of its own: what reaches the transport is not read',
      code: subclass(
        '  constructor(port: number) {\n    super({ sessionIdGenerator: undefined, allowedHosts: [`127.0.0.1:${port}`], enableDnsRebindingProtection: true });\n  }',
        '3000',
      ),
    },
  ],
  invalid: [
    {
      name: 'a constructor that changes the options it hands on: the options given are not read, the app is reported',
      code: REWRITING,
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`express()` app' },
          line: 12,
          column: 13,
          endLine: 12,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'validateHost',
              output: REWRITING.replace(
                "import type { StreamableHTTPServerTransportOptions } from '@modelcontextprotocol/sdk/server/streamableHttp.js';\n",
                "import type { StreamableHTTPServerTransportOptions } from '@modelcontextprotocol/sdk/server/streamableHttp.js';\nimport { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';\n",
              ).replace('const app = express();', 'const app = createMcpExpressApp();'),
            },
          ],
        },
      ],
    },
    { name: 'no constructor of its own', code: subclass(LOGS, OPEN), errors: [unprotected(subclass(LOGS, OPEN))] },
    {
      name: 'a constructor that passes its options on',
      code: subclass(PASSES, OPEN),
      errors: [unprotected(subclass(PASSES, OPEN))],
    },
  ],
});
