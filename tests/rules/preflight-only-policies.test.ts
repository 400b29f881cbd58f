import reflectedRule from '../../src/rules/no-reflected-origin';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';

// A policy written only on the answers to preflights (`if (req.method === 'OPTIONS') { … }`, `case
// 'OPTIONS':`, `app.options(…)`, a route file's `OPTIONS` export) leaves the real answers without
// it: a page of another site reads none of them, but the preflight it approves lets the page send
// what a form cannot (a JSON body, custom headers). The report says so.

const ruleTester = createRuleTester();

const HANDLER = (preflight: string): string => `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });

http
  .createServer(async (req, res) => {
${preflight}
    await transport.handleRequest(req, res);
  })
  .listen(3000, '127.0.0.1');
`;

const ECHO_IN_BRANCH = HANDLER(`    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
      res.writeHead(204).end();
      return;
    }`);

const WILDCARD_IN_CASE = HANDLER(`    switch (req.method) {
      case 'OPTIONS':
        res.setHeader('Access-Control-Allow-Origin', '*');
        res.writeHead(204).end();
        return;
    }`);

const WILDCARD_FOR_TWO_METHODS = HANDLER(`    if (req.method === 'OPTIONS' || req.method === 'POST') {
      res.setHeader('Access-Control-Allow-Origin', '*');
    }`);

/** `code` with its origin header's value made by `allowedOrigin()` over an allowlist holding `origins`. */
const echoAllowlisted = (code: string, origins: string): string =>
  code
    .replace(
      'undefined });\n',
      `undefined });

const ALLOWED_ORIGINS: string[] = [${origins}];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}
`,
    )
    .replace("req.headers.origin ?? '*'", 'allowedOrigin(req.headers.origin)');

/** The suggestions on a `res.setHeader(…, '*')` line of `code`: drop it, or answer one constant origin. */
const wildcardSuggestions = (code: string) => [
  {
    messageId: 'denyOrigins' as const,
    output: code.replace(/\n *res\.setHeader\('Access-Control-Allow-Origin', '\*'\);/u, ''),
  },
  {
    messageId: 'useAllowedOrigin' as const,
    output: code
      .replace('\n\nconst transport', "\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n\nconst transport")
      .replace("'Access-Control-Allow-Origin', '*'", "'Access-Control-Allow-Origin', ALLOWED_ORIGIN"),
  },
];

ruleTester.run('no-reflected-origin: a policy only on preflight answers', reflectedRule, {
  valid: [],
  invalid: [
    {
      name: 'echoed in the OPTIONS branch',
      code: ECHO_IN_BRANCH,
      errors: [
        {
          messageId: 'reflectedPreflight',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 78,
          suggestions: [
            { messageId: 'checkEmptyAllowlist', output: echoAllowlisted(ECHO_IN_BRANCH, '') },
            { messageId: 'useAllowlist', output: echoAllowlisted(ECHO_IN_BRANCH, "'https://app.example.com'") },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-wildcard-origin: a policy only on preflight answers', wildcardRule, {
  valid: [],
  invalid: [
    {
      name: "`*` in the switch's OPTIONS case",
      code: WILDCARD_IN_CASE,
      errors: [
        {
          messageId: 'wildcardPreflight',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 10,
          column: 9,
          endLine: 10,
          endColumn: 58,
          suggestions: wildcardSuggestions(WILDCARD_IN_CASE),
        },
      ],
    },
    {
      name: '`*` in a branch the POST takes too: the answers carry it',
      code: WILDCARD_FOR_TWO_METHODS,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 56,
          suggestions: wildcardSuggestions(WILDCARD_FOR_TWO_METHODS),
        },
      ],
    },
  ],
});
