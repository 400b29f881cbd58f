import rule from '../../src/rules/no-env-allowed-origins';
import { createRuleTester } from '../rule-tester';

// An allowlist from the environment that is only ever matched exactly lets an operator who
// writes `*` in it name one more origin, not every one: recommended leaves it alone; strict
// (reportExactAllowlists) still wants it in source. Anything that can turn `*` into every origin,
// or that comes with credentials, is reported either way.

const ruleTester = createRuleTester();

const fromEnv = (name: string, credentials = '') => ({ name: `\`${name}\``, credentials });

/** An exact list from the environment, with credentials spread in when `test` holds (line 4). */
const CREDENTIALS_SPREAD = (test: string): string => `import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: [process.env.FRONTEND_URL ?? ''], ...(${test} ? { credentials: true } : {}) }));`;

ruleTester.run('no-env-allowed-origins: lists matched exactly', rule, {
  valid: [
    {
      name: 'a split list given to cors(), which matches array members exactly',
      code: `import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [] }));`,
    },
    {
      name: 'a split list tested with includes() before the Origin is echoed',
      code: `import express from 'express';
const ALLOWED_ORIGINS = (process.env.ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim());
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED_ORIGINS.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
    },
    {
      name: 'credentials spread in only when a setting is on, which is off out of the box',
      code: CREDENTIALS_SPREAD("process.env.COOKIES === 'on'"),
    },
  ],
  invalid: [
    {
      name: 'credentials spread in unless a setting that turns them off is set: on out of the box',
      code: CREDENTIALS_SPREAD('!process.env.NOT_SECURED'),
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: fromEnv('FRONTEND_URL', ', credentials included'),
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: CREDENTIALS_SPREAD('!process.env.NOT_SECURED').replace(
                "[process.env.FRONTEND_URL ?? '']",
                "['' /* was env FRONTEND_URL: list the allowed origins here */]",
              ),
            },
            {
              messageId: 'useConstantAllowlist',
              output: CREDENTIALS_SPREAD('!process.env.NOT_SECURED').replace(
                "[process.env.FRONTEND_URL ?? '']",
                "['https://app.example.com']",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the same list under strict',
      code: `import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [] }));`,
      options: [{ reportExactAllowlists: true }],
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: fromEnv('CORS_ORIGINS'),
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: [] as string[] /* was env CORS_ORIGINS: list the allowed origins here */ }));`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: ['https://app.example.com'] }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a string given to cors(): `*` there is every origin',
      code: `import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: process.env.CORS_ORIGIN }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: fromEnv('CORS_ORIGIN'),
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: false /* was env CORS_ORIGIN: list the allowed origins here */ }));`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: ['https://app.example.com'] }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a list matched exactly, but with credentials',
      code: `import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(','), credentials: true }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: fromEnv('CORS_ORIGINS', ', credentials included'),
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: [] as string[] /* was env CORS_ORIGINS: list the allowed origins here */, credentials: true }));`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a list the code asks for `*`, a wildcard it honours',
      code: `import express from 'express';
const ALLOWED_ORIGINS = (process.env.ALLOWED_ORIGINS ?? '').split(',');
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && (ALLOWED_ORIGINS.includes('*') || ALLOWED_ORIGINS.includes(origin))) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: fromEnv('ALLOWED_ORIGINS'),
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `import express from 'express';
const ALLOWED_ORIGINS = [] as string[] /* was env ALLOWED_ORIGINS: list the allowed origins here */;
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && (ALLOWED_ORIGINS.includes('*') || ALLOWED_ORIGINS.includes(origin))) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `import express from 'express';
const ALLOWED_ORIGINS = ['https://app.example.com'];
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && (ALLOWED_ORIGINS.includes('*') || ALLOWED_ORIGINS.includes(origin))) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a Set given to cors(), which takes any object that is no array as allow-all',
      code: `import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: new Set((process.env.CORS_ORIGINS ?? '').split(',')) }));`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: fromEnv('CORS_ORIGINS'),
          line: 4,
          column: 33,
          endLine: 4,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: `import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: false /* was env CORS_ORIGINS: list the allowed origins here */ }));`,
            },
            {
              messageId: 'useConstantAllowlist',
              output: `import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: ['https://app.example.com'] }));`,
            },
          ],
        },
      ],
    },
  ],
});
