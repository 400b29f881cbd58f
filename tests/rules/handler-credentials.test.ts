import reflectedRule from '../../src/rules/no-reflected-origin';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';

// A plain or web request handler that refuses a request without a bearer token before it sets a
// permissive CORS policy: a page that has no token reads only the refusal, so the policy grants it
// nothing (docs/threat-model.md, "when a credential makes CORS moot"), unless credentials are
// allowed beside it or the options say not to trust credential checks.

const ruleTester = createRuleTester();

const WORKER = (
  value: string,
  extra = '',
): string => `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });

export default {
  async fetch(request: Request): Promise<Response> {
    if (request.headers.get('authorization') !== \`Bearer \${process.env.MCP_TOKEN}\`) {
      return new Response('Unauthorized', { status: 401 });
    }
    const response = await transport.handleRequest(request);
    const headers = new Headers(response.headers);
    headers.set('Access-Control-Allow-Origin', ${value});${extra}
    return new Response(response.body, { status: response.status, headers });
  },
};`;

const NODE = `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
http
  .createServer(async (req, res) => {
    if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) {
      res.writeHead(401).end();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', '*');
    await transport.handleRequest(req, res);
  })
  .listen(3000, '127.0.0.1');`;

/** The policy line taken out (`denyOrigins`), or the constant origin put in (`useAllowedOrigin`). */
const denied = (code: string, line: string): string => code.replace(`${line}\n`, '');
const allowedOrigin = (code: string, declarationBefore: string): string =>
  code
    .replace(declarationBefore, `const ALLOWED_ORIGIN = 'https://app.example.com';\n\n${declarationBefore}`)
    .replace("'Access-Control-Allow-Origin', '*'", "'Access-Control-Allow-Origin', ALLOWED_ORIGIN");

/** The echo checked against a new allowlist (`checkEmptyAllowlist`, `useAllowlist`). */
const checkedEcho = (code: string, origins: string): string =>
  code
    .replace(
      '\nexport default {',
      `\nconst ALLOWED_ORIGINS: string[] = [${origins}];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

export default {`,
    )
    .replace("request.headers.get('origin') ?? ''", "allowedOrigin(request.headers.get('origin'))");

/** A class method that makes the stream's answer, a handler elsewhere calls; `check` comes first in it. */
const STREAM_METHOD = (check: string): string => `export class EventsEndpoint {
  async open(request: Request): Promise<Response> {${check}
    return new Response('data: {}\\n\\n', {
      headers: { 'Content-Type': 'text/event-stream', 'Access-Control-Allow-Origin': '*' },
    });
  }
}`;
const KEY_CHECK = `
    const key = request.headers.get('x-api-key');
    if (!key || key !== process.env.EVENTS_KEY) return new Response('Unauthorized', { status: 401 });`;

ruleTester.run('no-wildcard-origin: a handler that checks a bearer token first', wildcardRule, {
  valid: [
    { name: 'a Worker', code: WORKER("'*'") },
    { name: 'a node:http handler', code: NODE },
    {
      name: 'credentials allowed beside the wildcard, which browsers refuse: a page still lacks the token',
      code: WORKER("'*'", "\n    headers.set('Access-Control-Allow-Credentials', 'true');"),
    },
    { name: 'a method that makes the answer after its own key check', code: STREAM_METHOD(KEY_CHECK) },
  ],
  invalid: [
    {
      name: 'the same method with no check',
      code: STREAM_METHOD(''),
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 4,
          column: 55,
          endLine: 4,
          endColumn: 89,
          suggestions: [
            {
              messageId: 'denyOrigins',
              data: { policy: '`Access-Control-Allow-Origin: *`' },
              output: STREAM_METHOD('').replace(", 'Access-Control-Allow-Origin': '*'", ''),
            },
            {
              messageId: 'useAllowedOrigin',
              output: `const ALLOWED_ORIGIN = 'https://app.example.com';

${STREAM_METHOD('').replace("'Access-Control-Allow-Origin': '*'", "'Access-Control-Allow-Origin': ALLOWED_ORIGIN")}`,
            },
          ],
        },
      ],
    },
    {
      name: 'with `trustCredentialChecks: false` (strict)',
      code: NODE,
      options: [{ trustCredentialChecks: false }],
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: denied(NODE, "    res.setHeader('Access-Control-Allow-Origin', '*');"),
            },
            { messageId: 'useAllowedOrigin', output: allowedOrigin(NODE, 'const transport') },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-reflected-origin: a handler that checks a bearer token first', reflectedRule, {
  valid: [{ name: 'a Worker that echoes the Origin', code: WORKER("request.headers.get('origin') ?? ''") }],
  invalid: [
    {
      name: 'with `trustCredentialChecks: false` (strict)',
      code: WORKER("request.headers.get('origin') ?? ''"),
      options: [{ trustCredentialChecks: false }],
      errors: [
        {
          messageId: 'reflectedOrigin',
          line: 12,
          column: 5,
          endLine: 12,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'checkEmptyAllowlist',
              output: checkedEcho(WORKER("request.headers.get('origin') ?? ''"), ''),
            },
            {
              messageId: 'useAllowlist',
              output: checkedEcho(WORKER("request.headers.get('origin') ?? ''"), "'https://app.example.com'"),
            },
          ],
        },
      ],
    },
  ],
});

/** An app behind a bearer check whose cors origin function asks a helper that says yes to every origin. */
const ALWAYS_YES = (credentials: boolean): string => `import express from 'express';
import cors from 'cors';
import { handleMcp } from './mcp.js';

function isAllowed(origin: string | undefined): boolean {
  return true;
}
const app = express();
app.use(cors({ origin: (origin, callback) => callback(null, isAllowed(origin))${credentials ? ', credentials: true' : ''} }));
app.use((req, res, next) => {
  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) return void res.status(401).end();
  next();
});
app.post('/mcp', handleMcp);
app.listen(3000, '127.0.0.1');`;

ruleTester.run('no-reflected-origin: a check that accepts every origin, behind a bearer check', reflectedRule, {
  valid: [{ name: 'no credentials allowed: a page without the token reads only refusals', code: ALWAYS_YES(false) }],
  invalid: [
    {
      name: 'credentials allowed beside it: the bearer check does not make it moot',
      code: ALWAYS_YES(true),
      errors: [
        {
          messageId: 'alwaysAllowingCheck',
          data: { check: '`isAllowed()`' },
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 14,
        },
      ],
    },
  ],
});

/** An app a function builds, with an echoing policy and a bearer check in another route's handler only. */
const BUILT_APP = (origin: string, declaration = ''): string =>
  `${declaration}import express from 'express';
import cors from 'cors';
import { handleMcp } from './mcp.js';

export function buildApp(settings: { adminToken: string }): express.Express {
  const app = express();
  app.use(cors({ origin: true }));
  app.get('/admin', (req, res) => {
    if (req.headers.authorization !== \`Bearer \${settings.adminToken}\`) return void res.status(401).end();
    res.json({ ok: true });
  });
  app.post('/mcp', handleMcp);
  return app;
}`.replace('cors({ origin: true })', `cors({ origin: ${origin} })`);

ruleTester.run(
  'no-reflected-origin: a check in a function that builds the app is not on the way to its policy',
  reflectedRule,
  {
    valid: [],
    invalid: [
      {
        name: 'the bearer check of `/admin` guards neither the policy nor `/mcp`',
        code: BUILT_APP('true'),
        errors: [
          {
            messageId: 'reflectedOrigin',
            data: { policy: '`cors()` with `origin: true`', credentials: '' },
            line: 7,
            column: 18,
            endLine: 7,
            endColumn: 30,
            suggestions: [
              { messageId: 'denyOrigins', output: BUILT_APP('false') },
              {
                messageId: 'useAllowlist',
                output: BUILT_APP('ALLOWED_ORIGINS').replace(
                  "import { handleMcp } from './mcp.js';\n",
                  "import { handleMcp } from './mcp.js';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
                ),
              },
            ],
          },
        ],
      },
    ],
  },
);
