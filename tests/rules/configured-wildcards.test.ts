import rule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';

// A `'*'` chosen only where a value from the environment already says `*` (`configured === '*' ?
// '*' : list`, `if (ALLOWED.includes('*')) res.setHeader(…, '*')`) copies the operator's setting:
// out of the box the policy is another, and the setting itself is what `no-env-allowed-origins`
// reports. A `'*'` chosen on any other test is this rule's.

const ruleTester = createRuleTester();

const CORS = (origin: string, before = '') => `import express from 'express';
import cors from 'cors';

const app = express();
const configured = process.env.CORS_ORIGIN;
${before}app.use(cors({ origin: ${origin} }));
app.listen(3000, '127.0.0.1');
`;

const HEADER = `import express from 'express';

const app = express();
const ALLOWED = (process.env.ALLOWED_ORIGINS ?? 'http://localhost:5173').split(',');
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (ALLOWED.includes('*')) res.setHeader('Access-Control-Allow-Origin', '*');
  else if (origin && ALLOWED.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
app.listen(3000, '127.0.0.1');
`;

const ON_ANOTHER_TEST = CORS("configured === 'any' ? '*' : configured?.split(',')");

/** The environment's value, or the source's `*` when it is unset: `*` out of the box. */
const STAR_BY_DEFAULT = `import express from 'express';
import cors from 'cors';

const app = express();
const configured = process.env.CORS_ORIGIN || '*';
app.use(cors({ origin: configured === '*' ? '*' : configured.split(',') }));
app.listen(3000, '127.0.0.1');
`;

/** The report on line 6's `cors()` options, whose `? '*' :` each suggestion replaces. */
const reported = (code: string, endColumn: number) => ({
  messageId: 'wildcardOrigin' as const,
  data: { policy: '`cors()` with an `origin` that can be `*`', credentials: '' },
  line: 6,
  column: 16,
  endLine: 6,
  endColumn,
  suggestions: [
    { messageId: 'denyOrigins' as const, output: code.replace("? '*' :", '? false :') },
    {
      messageId: 'useAllowlist' as const,
      output: code
        .replace(
          '\nconst app = express();',
          "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\nconst app = express();",
        )
        .replace("? '*' :", '? ALLOWED_ORIGINS :'),
    },
  ],
});

ruleTester.run('no-wildcard-origin: a wildcard the environment chose', rule, {
  valid: [
    {
      name: 'the value is `*`',
      code: CORS("configured === '*' ? '*' : configured?.split(',') ?? ['http://localhost:5173']"),
    },
    {
      name: 'the value is not `*`, the other way round',
      code: CORS("configured !== '*' ? configured?.split(',') : '*'"),
    },
    {
      name: 'a list of one `*`, after a length test',
      code: CORS(
        'origin',
        "const list = (configured ?? '').split(',').filter(Boolean);\nconst allowed = list.length > 0 ? list : ['https://app.example.com'];\nconst origin = allowed.length === 1 && allowed[0] === '*' ? '*' : allowed;\n",
      ),
    },
    { name: 'a header set when the list holds `*`', code: HEADER },
  ],
  invalid: [
    {
      name: "the tested value is the source's `*` when the variable is unset",
      code: STAR_BY_DEFAULT,
      errors: [reported(STAR_BY_DEFAULT, 72)],
    },
    { name: 'a wildcard on a test of another value', code: ON_ANOTHER_TEST, errors: [reported(ON_ANOTHER_TEST, 75)] },
  ],
});
