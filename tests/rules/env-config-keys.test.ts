import fs from 'node:fs';
import path from 'node:path';
import rule from '../../src/rules/no-env-allowed-origins';
import { createRuleTester } from '../rule-tester';

// An origin list exported as a key of a config object leaves the file, and the rule goes by its
// name: unless no module of the package reads that key (it names it only where objects and
// types define it), when the list is dead configuration. The fixture packages are
// tests/fixtures/env-config/{unread,read}: the same `src/config.ts`, and a `src/server.ts` that
// reads only `JWT_SECRET`, or hands `CORS_ORIGINS` to `cors()`.

const ruleTester = createRuleTester();

const configFile = (fixture: string): string =>
  path.join(__dirname, '..', 'fixtures', 'env-config', fixture, 'src', 'config.ts');
const CONFIG = fs.readFileSync(configFile('unread'), 'utf8');

ruleTester.run('no-env-allowed-origins: keys of an exported config object', rule, {
  valid: [{ name: 'a key no module of the package reads', code: CONFIG, filename: configFile('unread') }],
  invalid: [
    {
      name: 'a key another module reads',
      code: CONFIG,
      filename: configFile('read'),
      errors: [
        {
          messageId: 'envOriginsLeaveFile',
          data: { name: '`CORS_ORIGINS`' },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 42,
          suggestions: [
            // The origin the file falls back to is the allowlist kept first.
            {
              messageId: 'useConstantAllowlist',
              output: CONFIG.replace(
                "(process.env.CORS_ORIGINS ?? 'http://localhost:3000').split(',')",
                "['http://localhost:3000']",
              ),
            },
            {
              messageId: 'useEmptyAllowlist',
              output: CONFIG.replace(
                "(process.env.CORS_ORIGINS ?? 'http://localhost:3000').split(',')",
                '[] as string[] /* was env CORS_ORIGINS: list the allowed origins here */',
              ),
            },
          ],
        },
      ],
    },
  ],
});
