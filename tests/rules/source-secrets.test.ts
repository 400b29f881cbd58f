import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { hostValidated } from '../support/fix-text';

// A token verified with a key the source spells out (`process.env.JWT_SECRET || 'change-me'`)
// keeps out a page that cannot send the header at all (a cross-site POST), but not one that may
// send any value (after DNS rebinding, or through a permissive policy): out of the box, anyone who
// reads the code can sign a token the server accepts.

const ruleTester = createRuleTester();

const SERVER = (secret: string): string => `import express from 'express';
import jwt from 'jsonwebtoken';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const JWT_SECRET = ${secret};
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });

const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const token = (req.headers.authorization ?? '').replace('Bearer ', '');
  try {
    jwt.verify(token, JWT_SECRET);
  } catch {
    res.status(401).json({ error: 'Invalid token' });
    return;
  }
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
`;

const FALLBACK = SERVER("process.env.JWT_SECRET || 'change-me-in-production'");
const WRITTEN = SERVER("'change-me-in-production'");
const FROM_ENVIRONMENT = SERVER('process.env.JWT_SECRET');

ruleTester.run('require-csrf-token: a token verified with a key of the source', csrfRule, {
  valid: [
    { name: 'a fallback key: a cross-site page still sends no Authorization header', code: FALLBACK },
    { name: 'a key of the environment', code: FROM_ENVIRONMENT },
  ],
  invalid: [],
});

ruleTester.run('require-dns-rebinding-protection: a token verified with a key of the source', dnsRule, {
  valid: [{ name: 'a key of the environment', code: FROM_ENVIRONMENT }],
  invalid: [FALLBACK, WRITTEN].map((code, index) => ({
    name: index === 0 ? 'a fallback key written in the source' : 'a key written in the source',
    code,
    errors: [
      {
        messageId: 'unprotectedTransport' as const,
        data: { transport: '`StreamableHTTPServerTransport`' },
        line: 6,
        column: 23,
        endLine: 6,
        endColumn: 52,
        suggestions: [
          {
            messageId: 'validateHost' as const,
            output: hostValidated(code),
          },
        ],
      },
    ],
  })),
});
