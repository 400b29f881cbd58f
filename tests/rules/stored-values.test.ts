import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { guard, hostValidated, tokenHelpers } from '../support/fix-text';

// A header value handed to a call in a `try` whose `catch` refuses counts as checked when the call
// may throw on it (`jwt.verify(token)`). Storing it in a `Map`, a `Set` or an array of the module
// throws on nothing: a handler that only records where a request came from checks nothing.

const ruleTester = createRuleTester();

const SERVER = (
  store: string,
  collection = 'new Map<string, { ip: string }>()',
): string => `import express from 'express';
import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const sessions = new Map<string, StreamableHTTPServerTransport>();
const clients = ${collection};

function clientOf(req: express.Request): { ip: string } {
  const forwarded = req.headers['x-forwarded-for'];
  return { ip: req.ip ?? (typeof forwarded === 'string' ? forwarded : 'unknown') };
}

const app = express();
app.use(express.json());
app.all('/mcp', async (req, res) => {
  const client = clientOf(req);
  const id = String(req.headers['mcp-session-id'] ?? randomUUID());
  try {
    let transport = sessions.get(id);
    if (!transport) {
      transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => id });
      sessions.set(id, transport);
      ${store};
    }
    await transport.handleRequest(req, res, req.body);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    res.status(message.includes('Bad Request') ? 400 : 500).json({ error: message });
  }
});
app.listen(3000, '127.0.0.1');
`;

const STORES: readonly (readonly [string, string?])[] = [
  ['clients.set(id, client)'],
  ['clients.push(client)', '[] as { ip: string }[]'],
];

/** The server with the token fix: the helpers above the app, the check before the handler. */
const tokenFixed = (code: string, bearer: boolean): string =>
  code.replace("\napp.all('/mcp', ", `\n\n${tokenHelpers({ bearer })}\n\napp.all('/mcp', ${guard('express', bearer)}`);

ruleTester.run('require-csrf-token: a header value only stored', csrfRule, {
  valid: [],
  invalid: STORES.map(([store, collection]) => {
    const code = SERVER(store, collection);
    return {
      name: store,
      code,
      errors: [
        {
          messageId: 'missingCsrfCheck' as const,
          data: { route: 'Every method of `/mcp`' },
          line: 15,
          column: 1,
          endLine: 15,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'requireTokenHeader' as const,
              data: { header: '`x-mcp-csrf-token`' },
              output: tokenFixed(code, false),
            },
            { messageId: 'useBearerToken' as const, output: tokenFixed(code, true) },
          ],
        },
      ],
    };
  }),
});

ruleTester.run('require-dns-rebinding-protection: a header value only stored', dnsRule, {
  valid: [],
  invalid: STORES.map(([store, collection]) => ({
    name: store,
    code: SERVER(store, collection),
    errors: [
      {
        messageId: 'unprotectedTransport' as const,
        data: { transport: '`StreamableHTTPServerTransport`' },
        line: 21,
        column: 23,
        endLine: 21,
        endColumn: 52,
        suggestions: [
          {
            messageId: 'validateHost' as const,
            output: hostValidated(SERVER(store, collection)),
          },
        ],
      },
    ],
  })),
});
