import noReflectedOriginRule from '../../src/rules/no-reflected-origin';
import noWildcardOriginRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';

// The `cors` package takes a function instead of options: it calls it for each request as
// `fn(req, callback)` and uses what it hands the callback, `callback(null, options)`, merged with
// the defaults (cors 2.8.6 lib/index.js `middlewareWrapper`). Those options are the policy.

const ruleTester = createRuleTester();

/** An MCP server whose CORS options a function hands back for each request, as `handed` writes them. */
const DELEGATED = (handed: string, allowlist = ''): string => `import express from 'express';
import cors, { type CorsOptions } from 'cors';
${allowlist}
const app = express();
app.use(
  cors((req, callback: (error: Error | null, options?: CorsOptions) => void) => {
    if (req.method === 'TRACE') return callback(new Error('TRACE is not served'));
    callback(null, ${handed});
  }),
);
app.post('/mcp', (_req, res) => res.json({ jsonrpc: '2.0', id: 1, result: {} }));
app.listen(3000, '127.0.0.1');
`;

/** The same options handed back by a function declared beside the app, passed by name. */
const DECLARED = (handed: string): string => `import express from 'express';
import cors, { type CorsOptions } from 'cors';

function corsOptions(_req: express.Request, done: (error: Error | null, options?: CorsOptions) => void): void {
  done(null, ${handed});
}

const app = express();
app.use(cors(corsOptions));
app.post('/mcp', (_req, res) => res.json({ jsonrpc: '2.0', id: 1, result: {} }));
app.listen(3000, '127.0.0.1');
`;

const ALLOWLIST = "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n";

ruleTester.run('no-wildcard-origin: options a function hands the cors package for each request', noWildcardOriginRule, {
  valid: [
    { name: 'the function hands back an allowlist', code: DELEGATED("{ origin: ['https://notes.example.com'] }") },
    {
      // What a function of another module makes of the callback is not shown: not read.
      name: 'the function hands its callback on',
      code: `import express from 'express';
import cors from 'cors';
import { loadCorsOptions } from './cors-options';

const app = express();
app.use(cors((req, callback) => loadCorsOptions(req, callback)));
app.post('/mcp', (_req, res) => res.json({ jsonrpc: '2.0', id: 1, result: {} }));
`,
    },
  ],
  invalid: [
    {
      name: "the function hands back `origin: '*'`, after an error for other requests",
      code: DELEGATED("{ origin: '*' }"),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` with an `origin` that is `*`', credentials: '' },
          line: 8,
          column: 22,
          endLine: 8,
          endColumn: 33,
          suggestions: [
            { messageId: 'denyOrigins', output: DELEGATED('{ origin: false }') },
            { messageId: 'useAllowlist', output: DELEGATED('{ origin: ALLOWED_ORIGINS }', ALLOWLIST) },
          ],
        },
      ],
    },
  ],
});

ruleTester.run(
  'no-reflected-origin: options a function hands the cors package for each request',
  noReflectedOriginRule,
  {
    valid: [{ name: 'the function hands back no origin of the request', code: DECLARED('{ origin: false }') }],
    invalid: [
      {
        name: 'a function declared beside the app hands back `origin: true` with credentials',
        code: DECLARED('{ origin: true, credentials: true }'),
        errors: [
          {
            messageId: 'reflectedOrigin',
            data: { policy: '`cors()` with `origin: true`', credentials: ', credentials included' },
            line: 5,
            column: 16,
            endLine: 5,
            endColumn: 28,
            suggestions: [
              { messageId: 'denyOrigins', output: DECLARED('{ origin: false, credentials: true }') },
              {
                messageId: 'useAllowlist',
                output: DECLARED('{ origin: ALLOWED_ORIGINS, credentials: true }').replace(
                  "import cors, { type CorsOptions } from 'cors';\n",
                  `import cors, { type CorsOptions } from 'cors';\n${ALLOWLIST}`,
                ),
              },
            ],
          },
        ],
      },
    ],
  },
);
