import reflectedRule from '../../src/rules/no-reflected-origin';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';

// An app a test makes and serves only in the process, with Fastify's `app.inject()` (built on
// light-my-request, which calls the app's listener with a request it makes itself) or supertest's
// `request(app)` (which listens on a port the system picks for one request), opens no port a page
// could reach: its CORS policy reaches nobody. The app may be kept in a `let` that the test's
// hooks share. An app that listens is judged as any other.

const ruleTester = createRuleTester();

const FASTIFY_TEST = (listen = ''): string => `import { afterAll, beforeAll, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';

let app: FastifyInstance;

beforeAll(async () => {
  const testApp = Fastify();
  await testApp.register(cors, { origin: true });
  testApp.post('/records', async () => ({ ok: true }));
  app = testApp;${listen}
});

afterAll(() => app.close());

it('creates a record', async () => {
  const response = await app.inject({ method: 'POST', url: '/records', payload: {} });
  expect(response.statusCode).toBe(200);
});
`;

const EXPRESS_TEST = `import { expect, it } from 'vitest';
import express from 'express';
import cors from 'cors';
import request from 'supertest';

it('answers the health check', async () => {
  const app = express();
  app.use(cors());
  app.get('/health', (req, res) => res.json({ ok: true }));
  const response = await request(app).get('/health');
  expect(response.status).toBe(200);
});
`;

const LISTENING = FASTIFY_TEST('\n  await app.listen({ port: 3000 });');

ruleTester.run('no-reflected-origin: apps a test serves in the process', reflectedRule, {
  valid: [
    {
      name: 'Fastify, kept in a `let` of the hooks, driven by inject()',
      filename: 'app.test.ts',
      code: FASTIFY_TEST(),
    },
  ],
  invalid: [
    {
      name: 'the same app listening on a port',
      filename: 'app.test.ts',
      code: LISTENING,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`@fastify/cors` with `origin: true`', credentials: '' },
          line: 9,
          column: 34,
          endLine: 9,
          endColumn: 46,
          suggestions: [
            { messageId: 'denyOrigins', output: LISTENING.replace('{ origin: true }', '{ origin: false }') },
            {
              messageId: 'useAllowlist',
              output: LISTENING.replace('{ origin: true }', '{ origin: ALLOWED_ORIGINS }').replace(
                "import cors from '@fastify/cors';\n",
                "import cors from '@fastify/cors';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
              ),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-wildcard-origin: apps a test serves in the process', wildcardRule, {
  valid: [{ name: 'express, handed to supertest', filename: 'health.test.ts', code: EXPRESS_TEST }],
  invalid: [],
});
