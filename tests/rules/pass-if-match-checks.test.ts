import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { postMcpReport } from '../support/csrf-cases';
import { guard, hostValidated, tokenHelpers } from '../support/fix-text';

// Middleware that lets a request on only when its token matches, and refuses every other after:
// `if (auth === \`Bearer ${API_KEY}\`) return next(); res.status(401)…`. A request without the
// header holds no string, so it is refused whatever the key; with `API_KEY &&` in front, an unset
// key lets nothing through. Not so `!API_KEY || …` (everything passes while it is unset), nor a
// compare with the key itself (`auth === API_KEY`: both undefined while it is unset).

const ruleTester = createRuleTester();

const SERVER = (test: string): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const API_KEY = process.env.API_KEY;
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });

function requireKey(req: express.Request, res: express.Response, next: express.NextFunction) {
  const authorization = req.headers.authorization;
  if (${test}) return next();
  res.status(401).json({ error: 'unauthorized' });
}

const app = express();
app.use(express.json());
app.post('/mcp', requireKey, (req, res) => transport.handleRequest(req, res, req.body));
app.listen(3000, '127.0.0.1');
`;

/** The server with the token fix: the helpers above the route, the check right before its handler. */
const tokenFixed = (code: string, bearer: boolean): string =>
  code.replace(
    "\napp.post('/mcp', requireKey, ",
    `\n\n${tokenHelpers({ bearer })}\n\napp.post('/mcp', requireKey, ${guard('express', bearer)}`,
  );

/** The report of `require-csrf-token` on the MCP route of `code`, with its two suggestions. */
const csrfReport = (code: string) => postMcpReport(code, tokenFixed);

const CHECKED = [
  'authorization === `Bearer ${API_KEY}`',
  'API_KEY && authorization === `Bearer ${API_KEY}`',
  "authorization === 'Bearer ' + API_KEY",
  "typeof API_KEY === 'string' && authorization === `Bearer ${API_KEY}`",
];
const OPEN = ['!API_KEY || authorization === `Bearer ${API_KEY}`', 'authorization === API_KEY'];

ruleTester.run('require-csrf-token: middleware that lets only a matching token on', csrfRule, {
  valid: CHECKED.map((test) => ({ name: test, code: SERVER(test) })),
  invalid: OPEN.map((test) => ({
    name: test,
    code: SERVER(test),
    errors: [csrfReport(SERVER(test))],
  })),
});

ruleTester.run('require-dns-rebinding-protection: middleware that lets only a matching token on', dnsRule, {
  valid: CHECKED.map((test) => ({ name: test, code: SERVER(test) })),
  invalid: OPEN.map((test) => ({
    name: test,
    code: SERVER(test),
    errors: [
      {
        messageId: 'unprotectedTransport' as const,
        data: { transport: '`StreamableHTTPServerTransport`' },
        line: 5,
        column: 23,
        endLine: 5,
        endColumn: 52,
        suggestions: [
          {
            messageId: 'validateHost' as const,
            output: hostValidated(SERVER(test)),
          },
        ],
      },
    ],
  })),
});

// A key made for the run when none is configured (`process.argv[2] || randomBytes(24).toString('hex')`,
// `randomUUID()`) is never unset: a request without the token never matches it. And a match tested
// inside a test of the header being there (`if (auth) { … if (token === KEY) return next(); }`)
// falls through to the refusal after the outer `if`.

const GENERATED_KEY = (key: string, check: string): string => `import express from 'express';
import { randomBytes, randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const API_KEY = ${key};
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });

function requireKey(req: express.Request, res: express.Response, next: express.NextFunction) {
${check}
  res.status(401).json({ error: 'unauthorized' });
}

const app = express();
app.use(express.json());
app.post('/mcp', requireKey, (req, res) => transport.handleRequest(req, res, req.body));
app.listen(3000, '127.0.0.1');
`;

const RUN_KEYS = [
  "process.argv[2] || randomBytes(24).toString('hex')",
  'process.env.API_KEY ?? randomUUID()',
  "process.env.API_KEY || Buffer.from(randomBytes(24)).toString('hex')",
  "process.env.API_KEY || 'dev-key'",
];
const MATCHES = [
  "  if (req.headers['x-api-key'] === API_KEY) return next();",
  '  if (req.query.token === API_KEY) {\n    next();\n    return;\n  }',
  "  const auth = req.headers.authorization;\n  if (auth) {\n    const [scheme, token] = auth.split(' ');\n    if (scheme?.toLowerCase() === 'bearer' && token === API_KEY) return next();\n  }",
];
const GENERATED_CHECKED = RUN_KEYS.flatMap((key) =>
  MATCHES.map((check) => ({ name: `${key}: ${check.trim().split('\n')[0]}`, code: GENERATED_KEY(key, check) })),
);
/** An `if` after the nested match that lets every request on: nothing refuses after it. */
const LETS_ALL_ON = GENERATED_KEY(
  RUN_KEYS[0]!,
  '  const auth = req.headers.authorization;\n  if (auth) {\n    if (auth === `Bearer ${API_KEY}`) return next();\n  }\n  return next();',
);

ruleTester.run('require-csrf-token: a match against a key made for the run', csrfRule, {
  valid: GENERATED_CHECKED,
  invalid: [
    {
      name: 'the nested match, then every request let on',
      code: LETS_ALL_ON,
      errors: [csrfReport(LETS_ALL_ON)],
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: a match against a key made for the run', dnsRule, {
  valid: GENERATED_CHECKED,
  invalid: [],
});

// Not a key made for the run: one that may be unset (`?.toString()`), empty (`|| ''`: `?token=`
// matches it) or the text `'undefined'` (`String(process.env.KEY)`).
const NOT_MADE = [
  'process.env.API_KEY?.toString()',
  "process.env.API_KEY || ''",
  "process.env.API_KEY ?? ''",
  'String(process.env.API_KEY)',
];
const NOT_MADE_CASES = NOT_MADE.map((key) => {
  const code = GENERATED_KEY(key, MATCHES[1]!);
  return { key, code };
});

ruleTester.run('require-csrf-token: a match against a key that may be unset or empty', csrfRule, {
  valid: [],
  invalid: NOT_MADE_CASES.map(({ key, code }) => ({
    name: key,
    code,
    errors: [csrfReport(code)],
  })),
});
