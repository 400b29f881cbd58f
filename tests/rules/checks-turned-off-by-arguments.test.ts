import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { postMcpReport } from '../support/csrf-cases';
import { guard, tokenHelpers, unprotectedTransport } from '../support/fix-text';

// A helper of the module may check the credential only when its caller asks it to
// (`handleMcp(req, res, requireAuth)`, `authenticate(req, res, required)`): a route that passes
// `false` gets no check, however the check inside is written (a verification in a `try` whose
// `catch` answers 500, a helper whose answer gates the refusal, or the transport made in the helper
// itself), and a route that passes `true` does.

const ruleTester = createRuleTester();

/** A helper that checks the key only when `requireAuth` is set, then serves MCP; the route passes `flag`. */
const SERVING_HELPER = (flag: boolean) => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifyJwt } from './jwt.js';

const app = express();
app.use(express.json());

async function handleMcp(req: express.Request, res: express.Response, requireAuth: boolean) {
  try {
    const key = req.headers['x-api-key'] as string | undefined;
    if (requireAuth) {
      if (!key) return res.status(401).end();
      const verdict = await verifyJwt(key);
      if (!verdict.valid) return res.status(401).end();
    }
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res, req.body);
  } catch {
    if (!res.headersSent) res.status(500).end();
  }
}

app.post('/mcp', async (req, res) => {
  await handleMcp(req, res, ${flag});
});
app.listen(3000, '127.0.0.1');
`;

/** A gate whose answer the route refuses on, which checks the key only when `required` is set. */
const GATE = (flag: boolean) => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifyJwt } from './jwt.js';

const app = express();
app.use(express.json());

async function authenticate(req: express.Request, res: express.Response, required: boolean): Promise<boolean> {
  const key = req.headers['x-api-key'] as string | undefined;
  if (required && (!key || !(await verifyJwt(key)).valid)) {
    res.status(401).end();
    return false;
  }
  return true;
}

app.post('/mcp', async (req, res) => {
  if (!(await authenticate(req, res, ${flag}))) return;
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
`;

const csrfReport = (code: string) => postMcpReport(code, tokenFixed);

/** `code` with the token check of a suggestion: the helpers right above the route, the guard first on it. */
const tokenFixed = (code: string, bearer: boolean): string =>
  code.replace("\napp.post('/mcp', ", `\n${tokenHelpers({ bearer })}\n\napp.post('/mcp', ${guard('express', bearer)}`);

ruleTester.run('require-csrf-token: checks a call turns off', csrfRule, {
  valid: [
    { name: 'the serving helper asked to check', code: SERVING_HELPER(true), filename: 'server.ts' },
    { name: 'the gate asked to check', code: GATE(true), filename: 'server.ts' },
  ],
  invalid: [
    {
      name: 'the serving helper told not to check',
      code: SERVING_HELPER(false),
      filename: 'server.ts',
      errors: [csrfReport(SERVING_HELPER(false))],
    },
    {
      name: 'the gate told not to check',
      code: GATE(false),
      filename: 'server.ts',
      errors: [csrfReport(GATE(false))],
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: checks a call turns off', dnsRule, {
  valid: [
    { name: 'the serving helper asked to check', code: SERVING_HELPER(true), filename: 'server.ts' },
    { name: 'the gate asked to check', code: GATE(true), filename: 'server.ts' },
  ],
  invalid: [
    {
      name: 'the serving helper told not to check',
      code: SERVING_HELPER(false),
      filename: 'server.ts',
      errors: [unprotectedTransport(SERVING_HELPER(false), 16, 27)],
    },
    {
      name: 'the gate told not to check',
      code: GATE(false),
      filename: 'server.ts',
      errors: [unprotectedTransport(GATE(false), 19, 25)],
    },
  ],
});
