import reflectedRule from '../../src/rules/no-reflected-origin';
import { createRuleTester } from '../rule-tester';

// `allowed.has('*') || allowed.has(origin)` before an echo of the Origin: the first test lets in
// every origin only when the list holds `'*'`. What it lets in is what the list holds, so a list
// the code gives no `'*'` is an allowlist, and one it gives a `'*'` lets every origin in.

const ruleTester = createRuleTester();

/** A server that echoes the Origin when `entries` (a `Set`'s) hold it, or hold `'*'`; the echo is on line 7. */
const escaping = (entries: string) => `import express from 'express';

const allowed = new Set([${entries}]);
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && (allowed.has('*') || allowed.has(origin))) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
app.post('/mcp', (_req, res) => res.json({}));
app.listen(3000, '127.0.0.1');
`;

const HELPER = `const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}`;

const withStar = escaping("'http://localhost:6767', '*'");

/** The list, literal, but given one more entry before the server starts (line 4). */
const pushed = (entry: string) =>
  escaping("'http://localhost:6767'").replace('const app = express();', `${entry}\nconst app = express();`);

/** The report on the echo at `line`, with the two suggestions for `code`. */
const echoes = (code: string, line: number) => ({
  messageId: 'reflectedOrigin' as const,
  data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
  line,
  column: 60,
  endLine: line,
  endColumn: 112,
  suggestions: [
    {
      messageId: 'checkEmptyAllowlist' as const,
      output: code
        .replace('const app = express();\n', `const app = express();\n\n${HELPER}\n\n`)
        .replace("'Access-Control-Allow-Origin', origin)", "'Access-Control-Allow-Origin', allowedOrigin(origin))"),
    },
    {
      messageId: 'useAllowlist' as const,
      output: code
        .replace(
          'const app = express();\n',
          `const app = express();\n\n${HELPER.replace('= [];', "= ['https://app.example.com'];")}\n\n`,
        )
        .replace("'Access-Control-Allow-Origin', origin)", "'Access-Control-Allow-Origin', allowedOrigin(origin))"),
    },
  ],
});

ruleTester.run("no-reflected-origin: a list's `'*'` escape before the echo", reflectedRule, {
  valid: [
    { name: "a list the code gives no `'*'`", code: escaping("'http://localhost:6767', 'https://app.example.com'") },
    {
      name: "also asked with `includes('*')` of an array",
      code: escaping("'http://localhost:6767'")
        .replace("new Set(['http://localhost:6767'])", "['http://localhost:6767']")
        .replace("allowed.has('*') || allowed.has(origin)", "allowed.includes('*') || allowed.includes(origin)"),
    },
  ],
  invalid: [
    {
      name: "a literal list the code adds a `'*'` to",
      code: pushed("if (process.env.DEV) allowed.add('*');"),
      errors: [echoes(pushed("if (process.env.DEV) allowed.add('*');"), 8)],
    },
    {
      name: 'a literal list the code adds entries of the environment to',
      code: pushed("for (const entry of (process.env.ORIGINS ?? '').split(',')) allowed.add(entry);"),
      errors: [echoes(pushed("for (const entry of (process.env.ORIGINS ?? '').split(',')) allowed.add(entry);"), 8)],
    },
    {
      name: "a list the code gives a `'*'`",
      code: withStar,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 7,
          column: 60,
          endLine: 7,
          endColumn: 112,
          suggestions: [
            {
              messageId: 'checkEmptyAllowlist',
              output: withStar
                .replace('const app = express();\n', `const app = express();\n\n${HELPER}\n\n`)
                .replace(
                  "'Access-Control-Allow-Origin', origin)",
                  "'Access-Control-Allow-Origin', allowedOrigin(origin))",
                ),
            },
            {
              messageId: 'useAllowlist',
              output: withStar
                .replace(
                  'const app = express();\n',
                  `const app = express();\n\n${HELPER.replace('= [];', "= ['https://app.example.com'];")}\n\n`,
                )
                .replace(
                  "'Access-Control-Allow-Origin', origin)",
                  "'Access-Control-Allow-Origin', allowedOrigin(origin))",
                ),
            },
          ],
        },
      ],
    },
  ],
});
