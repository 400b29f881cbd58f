import path from 'node:path';
import csrfRule from '../../src/rules/require-csrf-token';
import { createRuleTester } from '../rule-tester';
import { tokenSuggestions } from '../support/csrf-cases';
import { packageMaker } from '../support/packages';

// A token destructured from what a helper of another module hands back
// (`const { apiKey } = contextFromHeaders(headers)`), then judged, is the token the helper read.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

const CONTEXT = `import type { IncomingHttpHeaders } from 'node:http';

export function contextFromHeaders(headers: IncomingHttpHeaders): { apiKey?: string; workspace?: string } {
  const bearer = headers.authorization?.startsWith('Bearer ') ? headers.authorization.slice(7) : undefined;
  return { apiKey: bearer ?? (headers['x-api-key'] as string | undefined), workspace: headers['x-workspace'] as string | undefined };
}
`;

/** The helper that judges the key, with `judgement` after it is read. */
const auth = (judgement: string) => `import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { contextFromHeaders } from './context.js';

const EXPECTED = process.env.MCP_API_KEY ?? '';

export function authenticate(headers: IncomingHttpHeaders): { ok: true } | { ok: false; status: number } {
  const { apiKey } = contextFromHeaders(headers);
${judgement}
  return { ok: true };
}
`;

const JUDGED = `  if (!apiKey) return { ok: false, status: 401 };
  if (!EXPECTED || apiKey.length !== EXPECTED.length || !timingSafeEqual(Buffer.from(apiKey), Buffer.from(EXPECTED)))
    return { ok: false, status: 403 };`;
const LOGGED = "  console.log('request from', apiKey ? 'a key holder' : 'anyone');";

const SERVER = `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { authenticate } from './auth.js';

const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const result = authenticate(req.headers);
  if (!result.ok) {
    res.status(result.status).json({ error: 'unauthorized' });
    return;
  }
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
`;

function serverBeside(judgement: string): string {
  const dir = makePackage({ 'src/context.ts': CONTEXT, 'src/auth.ts': auth(judgement), 'src/server.ts': SERVER });
  return path.join(dir, 'src', 'server.ts');
}

ruleTester.run('require-csrf-token: a token destructured from a helper of another module', csrfRule, {
  valid: [{ name: 'judged against the expected key', code: SERVER, filename: serverBeside(JUDGED) }],
  invalid: [
    {
      name: 'only logged',
      code: SERVER,
      filename: serverBeside(LOGGED),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 9,
          suggestions: tokenSuggestions(SERVER),
        },
      ],
    },
  ],
});
