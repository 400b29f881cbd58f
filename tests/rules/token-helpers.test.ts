import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { hostValidated } from '../support/fix-text';

// A bearer check split between helpers of the file: one takes the token out of the header, another
// verifies it, and a third joins them; the route refuses the request when the last answers
// nothing. The check is found through the chain: the value the route's test reads is a verdict on
// the header (docs/rules/require-dns-rebinding-protection.md, "a helper that hands back a verdict").

const ruleTester = createRuleTester();

/** The server, with `verify` as the body of `accountFor(token)`, and the transport's options. */
const SERVER = (
  verify: string,
  transport = '{ sessionIdGenerator: undefined }',
): string => `import express, { type Request, type Response } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { decodeJwt, jwtVerify } from 'jose';

const KEY = new TextEncoder().encode(process.env.SESSION_KEY);

function tokenFrom(req: Request): string | undefined {
  const value = req.headers.authorization;
  return value?.startsWith('Bearer ') ? value.slice(7) : undefined;
}

async function accountFor(token: string): Promise<{ id: string } | null> {
${verify}
}

async function signedIn(req: Request): Promise<{ id: string } | null> {
  const token = tokenFrom(req);
  if (!token) return null;
  return accountFor(token);
}

const app = express();
app.use(express.json());
app.post('/mcp', async (req: Request, res: Response) => {
  const account = await signedIn(req);
  if (!account) {
    res.status(401).end();
    return;
  }
  const transport = new StreamableHTTPServerTransport(${transport});
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

/** The token verified with the server's key: what a part of the verified payload says. */
const VERIFIED = `  try {
    const { payload } = await jwtVerify(token, KEY);
    return { id: String(payload.sub) };
  } catch {
    return null;
  }`;

/** The token only decoded: a forger's made-up token has a subject too. */
const DECODED = `  const claims = decodeJwt(token);
  return claims.sub ? { id: claims.sub } : null;`;

ruleTester.run('require-csrf-token: a bearer check split between helpers', csrfRule, {
  valid: [{ name: 'the token taken out by one helper and verified by another', code: SERVER(VERIFIED) }],
  invalid: [],
});

ruleTester.run('require-dns-rebinding-protection: a bearer check split between helpers', dnsRule, {
  valid: [{ name: 'the token taken out by one helper and verified by another', code: SERVER(VERIFIED) }],
  invalid: [
    {
      name: 'the token only decoded: a rebinding page sends a token it made up',
      code: SERVER(DECODED),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 31,
          column: 25,
          endLine: 31,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'validateHost',
              output: hostValidated(SERVER(DECODED)),
            },
          ],
        },
      ],
    },
  ],
});
