import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { postMcpReport } from '../support/csrf-cases';
import { unprotectedTransport } from '../support/fix-text';

// A header read inside a `try` whose `catch` turns the request away counts as a check when the
// value goes into a call that throws on it. A `catch` that answers 400 handles a body that failed
// to parse, whatever else the `try` holds: a value handed to a package's function counts there only
// for a verifier's name or an answer of 401 or 403; one handed to a function of the project counts
// when that function throws on it, not when it throws for another reason. And `host` read from a
// parameter counts as the request's `Host` only where the parameter can hold a request: not an
// options object with a default (`opts = {}`) or one named for settings.

const ruleTester = createRuleTester();

const ROUTE = (imports: string, body: string, status: number) => `import express from 'express';
${imports}
const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  try {
    const session = req.headers['x-session-id'] as string | undefined;
${body}
  } catch (error) {
    res.status(${status}).json({ error: String(error) });
  }
});
app.listen(3000, '127.0.0.1');
`;

const IMPORTED = "import { dispatch, lookupUser } from './rpc.js';\n";
const DISPATCHED = '    res.json(await dispatch(req.body, session));';
const LOOKED_UP = '    const user = await lookupUser(session);\n    res.json(await dispatch(req.body, user));';
const OWN = `
async function dispatch(body: { method: string }, session?: string): Promise<unknown> {
  if (body.method !== 'tools/call') throw new Error('unknown method');
  return { session };
}
`;

/** A catch that answers a gateway error and throws the error on to the framework: no refusal. */
const RETHROWN = ROUTE(IMPORTED, DISPATCHED, 502).replace(
  '    res.status(502).json({ error: String(error) });\n',
  '    res.status(502).json({ error: String(error) });\n    throw error;\n',
);

ruleTester.run('require-csrf-token: what the catch around a header answers', csrfRule, {
  valid: [
    {
      name: 'handed to a package function, refused with 401',
      code: ROUTE(IMPORTED, LOOKED_UP, 401),
      filename: 'server.ts',
    },
  ],
  invalid: [
    {
      name: 'handed to a package function, answered 400',
      code: ROUTE(IMPORTED, DISPATCHED, 400),
      filename: 'server.ts',
      errors: [postMcpReport(ROUTE(IMPORTED, DISPATCHED, 400))],
    },
    {
      name: 'handed to a package function, answered 502 and thrown again',
      code: RETHROWN,
      filename: 'server.ts',
      errors: [postMcpReport(RETHROWN)],
    },
    {
      name: 'handed to a function of the file that throws for another reason, answered 401',
      code: ROUTE(OWN, DISPATCHED, 401),
      filename: 'server.ts',
      errors: [postMcpReport(ROUTE(OWN, DISPATCHED, 401))],
    },
  ],
});

/** A route that calls a helper comparing `<name>.host` with a constant; the helper declares `name` as `param`. */
const HOST_OPTION = (name: string, param: string) => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const API_HOST = 'api.example.com';

function pickApiHost(${name}${param}): string {
  if (${name}.host !== undefined && ${name}.host !== API_HOST) throw new Error('another API host');
  return API_HOST;
}

const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  pickApiHost(req);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
`;

ruleTester.run('require-dns-rebinding-protection: a `host` that is no request Host', dnsRule, {
  valid: [
    {
      name: 'a parameter that holds the request',
      code: HOST_OPTION('req', ': express.Request'),
      filename: 'server.ts',
    },
  ],
  invalid: [
    {
      name: 'an options parameter with a default',
      code: HOST_OPTION('opts', ': { host?: string } = {}'),
      filename: 'server.ts',
      errors: [unprotectedTransport(HOST_OPTION('opts', ': { host?: string } = {}'), 15, 25)],
    },
  ],
});

/** A route whose check awaits a verifier that wraps a callback API in a promise it may reject. */
const PROMISED = (reject: string) => `import express from 'express';
import jwt from 'jsonwebtoken';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const KEY = process.env.JWT_PUBLIC_KEY ?? '';

function verifyToken(token: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    jwt.verify(token, KEY, (error, claims) => (error ? ${reject} : resolve(claims)));
  });
}

const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const auth = req.headers.authorization;
  if (!auth?.startsWith('Bearer ')) {
    res.status(401).end();
    return;
  }
  try {
    await verifyToken(auth.slice(7));
  } catch {
    res.status(401).end();
    return;
  }
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
`;

const RESOLVED_ANYWAY = PROMISED('resolve(null)');
const UNAWAITED = PROMISED('reject(error)').replace('    await verifyToken(', '    void verifyToken(');

// A function that returns `new Promise((resolve, reject) => …)` and calls `reject` throws, awaited,
// what it rejects with: the catch around it refuses the request.
ruleTester.run('require-dns-rebinding-protection: a verifier that rejects a promise', dnsRule, {
  valid: [{ name: 'the promise rejects a bad token', code: PROMISED('reject(error)'), filename: 'server.ts' }],
  invalid: [
    {
      name: 'the promise is not awaited: its rejection escapes the try',
      code: UNAWAITED,
      filename: 'server.ts',
      errors: [unprotectedTransport(UNAWAITED, 27, 25)],
    },
    {
      name: 'the promise never rejects',
      code: RESOLVED_ANYWAY,
      filename: 'server.ts',
      errors: [unprotectedTransport(RESOLVED_ANYWAY, 27, 25)],
    },
  ],
});
