import loopbackRule from '../../src/rules/require-loopback-host';
import csrfRule from '../../src/rules/require-csrf-token';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester, failClosedFix } from '../rule-tester';
import { LOOPBACK_HOSTS, guard, tokenHelpers } from '../support/fix-text';

// Packages loaded when the server starts rather than at the top of the module, as libraries that
// keep their HTTP stack optional do: `const { default: express } = await import('express')`, or
// several at once, `const [{ default: express }, …] = await Promise.all([import('express'), …])`,
// each name taking what the promise at its place resolves to.

const ruleTester = createRuleTester();

const TOGETHER = `const [{ default: express }, { StreamableHTTPServerTransport }] = await Promise.all([
    import('express'),
    import('@modelcontextprotocol/sdk/server/streamableHttp.js'),
  ]);`;
const ONE_BY_ONE = `const { default: express } = await import('express');
  const { StreamableHTTPServerTransport } = await import('@modelcontextprotocol/sdk/server/streamableHttp.js');`;

/** A library's `startHttpServer(port)` that loads its packages with `loading`, then listens with `listen`. */
const LIBRARY = (loading: string, listen = 'port'): string => `export async function startHttpServer(port: number) {
  ${loading}
  const app = express();
  app.use(express.json());
  app.post('/mcp', async (req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res, req.body);
  });
  app.listen(${listen});
}`;

/** The line of `app.listen(` in a library. */
const listenLine = (code: string): number => code.split('\n').findIndex((line) => line.includes('app.listen(')) + 1;

ruleTester.run('require-loopback-host: packages imported when the server starts', loopbackRule, {
  valid: [
    { name: 'loaded together, bound to loopback', code: LIBRARY(TOGETHER, "port, '127.0.0.1'") },
    {
      name: 'a spread before the place: what the name takes is not known',
      code: LIBRARY(
        TOGETHER.replace('[{ default: express },', '[, { default: express },').replace(
          "import('express'),",
          "...preloads,\n    import('express'),",
        ),
      ).replace('export async', 'declare const preloads: Promise<unknown>[];\nexport async'),
    },
    {
      name: 'a promise of something else at the place of the name',
      code: LIBRARY(TOGETHER.replace("import('express')", 'loadHttpStack()')).replace(
        'export async',
        'declare function loadHttpStack(): Promise<{ default: () => never }>;\nexport async',
      ),
    },
  ],
  invalid: failClosedFix(
    [TOGETHER, ONE_BY_ONE].map((loading) => {
      const code = LIBRARY(loading);
      return {
        name: loading === TOGETHER ? 'loaded together with `Promise.all`' : 'loaded one by one',
        code,
        output: LIBRARY(loading, "port, '127.0.0.1'"),
        errors: [
          {
            messageId: 'defaultHost' as const,
            data: { api: '`app.listen()` of Express', hostLabel: 'host', binding: "Node's default is `::`" },
            line: listenLine(code),
            column: 7,
            endLine: listenLine(code),
            endColumn: 13,
            suggestions: LOOPBACK_HOSTS.slice(1).map(([messageId, host]) => ({
              messageId,
              output: LIBRARY(loading, `port, ${host}`),
            })),
          },
        ],
      };
    }),
  ),
});

/** The library with a token check: the helpers above it, the guard in front of the route's handler. */
const tokenFixed = (code: string, bearer: boolean): string =>
  `${tokenHelpers({ bearer })}\n\n${code.replace("app.post('/mcp', ", `app.post('/mcp', ${guard('express', bearer, { indent: '  ' })}`)}`;

ruleTester.run('require-csrf-token: packages imported when the server starts', csrfRule, {
  valid: [],
  invalid: [
    {
      name: 'loaded together with `Promise.all`: the route of the app it makes',
      code: LIBRARY(TOGETHER, "port, '127.0.0.1'"),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: tokenFixed(LIBRARY(TOGETHER, "port, '127.0.0.1'"), false),
            },
            { messageId: 'useBearerToken', output: tokenFixed(LIBRARY(TOGETHER, "port, '127.0.0.1'"), true) },
          ],
        },
      ],
    },
  ],
});

/** A server that loads express and cors as namespaces when it starts, and calls their defaults. */
const NAMESPACES = (options: string): string => `export async function startHttpServer(port: number) {
  const express = await import('express');
  const cors = await import('cors');
  const app = express.default();
  app.use(cors.default(${options}));
  app.listen(port, '127.0.0.1');
}`;

ruleTester.run('no-wildcard-origin: cors imported when the server starts', wildcardRule, {
  valid: [
    { name: 'its default called with an allowlist', code: NAMESPACES("{ origin: ['https://app.example.com'] }") },
  ],
  invalid: [
    {
      name: 'its default called with no options: `*`',
      code: NAMESPACES(''),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 25,
          suggestions: [
            { messageId: 'denyOrigins', output: NAMESPACES('{ origin: false }') },
            {
              messageId: 'useAllowlist',
              output: `const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\n${NAMESPACES('{ origin: ALLOWED_ORIGINS }')}`,
            },
          ],
        },
      ],
    },
  ],
});
