import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import envRule from '../../src/rules/no-env-allowed-origins';
import reflectedRule from '../../src/rules/no-reflected-origin';
import { createRuleTester, failClosedFix } from '../rule-tester';

// Checks that are there and decide nothing: a Host or Origin check that waves every request
// through while its list is unset, an origin check of the project that answers yes to every
// origin, and an environment list that a package reads as a wildcard when it holds `*`.

const ruleTester = createRuleTester();

const FAIL_OPEN_PREDICATE = `const allowed = process.env.ALLOWED_ORIGINS?.split(',');
export function isAllowedOrigin(origin: string): boolean {
  if (!allowed) return RESULT;
  return allowed.includes(origin);
}`;

ruleTester.run('require-dns-rebinding-protection: checks that fail open', dnsRule, {
  valid: [
    {
      name: 'a check that refuses while its list is unset',
      code: FAIL_OPEN_PREDICATE.replace('RESULT', 'false'),
    },
  ],
  invalid: [
    {
      name: "a predicate's `return true` while the list is unset becomes `return false`",
      code: FAIL_OPEN_PREDICATE.replace('RESULT', 'true'),
      errors: [
        {
          messageId: 'failOpenCheck',
          data: { header: 'Origin' },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 15,
          suggestions: [{ messageId: 'refuseUntilConfigured', output: FAIL_OPEN_PREDICATE.replace('RESULT', 'false') }],
        },
      ],
    },
    {
      name: 'a middleware that calls `next()` while the list is unset has no one-word change: no suggestion',
      code: `import express from 'express';
const allowed = process.env.ALLOWED_HOSTS?.split(',');
const app = express();
app.use((req, res, next) => {
  if (!allowed) return next();
  if (!allowed.includes(req.headers.host ?? '')) return res.status(403).end();
  next();
});`,
      errors: [
        {
          messageId: 'failOpenCheck',
          data: { header: 'Host' },
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 15,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('no-reflected-origin: an origin check that accepts every origin', reflectedRule, {
  valid: [
    {
      name: 'the check the `origin` function calls tests a constant allowlist',
      code: `import express from 'express';
import cors from 'cors';
const ALLOWED = new Set(['https://app.example.com']);
function isAllowedOrigin(origin: string): boolean {
  return ALLOWED.has(origin);
}
express().use(cors({ origin: (origin, callback) => callback(null, isAllowedOrigin(origin ?? '')) }));`,
    },
  ],
  invalid: [
    {
      name: 'the check returns `true` whatever it is given: reported at that `true`',
      code: `import express from 'express';
import cors from 'cors';
function isAllowedOrigin(origin: string): boolean {
  return true;
}
express().use(cors({ origin: (origin, callback) => callback(null, isAllowedOrigin(origin ?? '')) }));`,
      errors: [
        {
          messageId: 'alwaysAllowingCheck',
          data: { check: '`isAllowedOrigin()`' },
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 14,
        },
      ],
    },
  ],
});

ruleTester.run('no-env-allowed-origins: a list that holds a wildcard in fastify-cors', envRule, {
  valid: [
    {
      name: 'cors takes a list member by member: an exact list from the environment is strict-only',
      code: `import express from 'express';
import cors from 'cors';
express().use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [] }));`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a list from the environment given to @fastify/cors is reported by default',
      code: `import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
const app = Fastify();
await app.register(fastifyCors, { origin: process.env.CORS_ORIGINS?.split(',') ?? [] });`,
      output: `import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
const app = Fastify();
await app.register(fastifyCors, { origin: [] as string[] /* was env CORS_ORIGINS: list the allowed origins here */ });`,
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`CORS_ORIGINS`', credentials: '' },
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useConstantAllowlist',
              output: `import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
const app = Fastify();
await app.register(fastifyCors, { origin: ['https://app.example.com'] });`,
            },
          ],
        },
      ],
    },
  ]),
});
