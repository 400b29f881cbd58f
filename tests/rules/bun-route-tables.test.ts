import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import noWildcardOriginRule from '../../src/rules/no-wildcard-origin';
import requireCsrfTokenRule from '../../src/rules/require-csrf-token';
import requireDnsRebindingProtectionRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { REFUSAL, tokenHelpers } from '../support/fix-text';

// Bun's `routes` (Bun 1.2.3 and later) map paths to handlers; a function answers every method at
// its path. The table may be written in a module of its own that the server module imports and
// hands to `Bun.serve({ routes })`: its entries are routes where they are written.

const ruleTester = createRuleTester();
const roots: string[] = [];

afterAll(() => {
  for (const dir of roots) fs.rmSync(dir, { recursive: true, force: true });
});

/** A package with these files (`src/…`); returns the path of `src/routes.ts`. */
function packageWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-bun-routes-'));
  roots.push(dir);
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'notes-mcp', scripts: { start: 'bun src/index.ts' } }),
  );
  fs.mkdirSync(path.join(dir, 'src'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'src', name), text);
  return path.join(dir, 'src', 'routes.ts');
}

/** The headers of the server card's answers, in a module of their own. */
const CARD_HEADERS = "export const cardHeaders = { 'Access-Control-Allow-Origin': '*' };\n";

/**
 * A route table: a hand-written JSON-RPC endpoint at `/mcp`, and the MCP server card at
 * `/.well-known/mcp`, which answers GET alone and lets any site read it.
 */
const ROUTES = `import { cardHeaders } from './card-headers';

export default {
  '/mcp': async (req: Request) => {
    const message = await req.json();
    if (message.method === 'tools/call') return Response.json({ jsonrpc: '2.0', id: message.id, result: { content: [] } });
    return Response.json({ jsonrpc: '2.0', id: message.id, result: {} });
  },
  '/.well-known/mcp': (req: Request) => {
    if (req.method === 'OPTIONS') return new Response(null, { status: 204, headers: cardHeaders });
    if (req.method !== 'GET') return new Response(null, { status: 405, headers: cardHeaders });
    return Response.json({ name: 'notes', url: new URL('/mcp', req.url).href }, { headers: cardHeaders });
  },
};
`;

/** ROUTES with `lines` first in the `/mcp` handler, and `helpers` (a fix's declarations) after the table. */
const guarded = (lines: readonly string[], helpers?: string): string =>
  `${ROUTES.replace('    const message = await req.json();', `${lines.join('\n')}\n    const message = await req.json();`)}${helpers ? `\n${helpers}\n` : ''}`;

/** The two token suggestions on the table's `/mcp` handler, each output passed through `shape`. */
const tokenSuggestionsOnTable = (shape: (output: string) => string = (output) => output) => [
  {
    messageId: 'requireTokenHeader' as const,
    data: { header: '`x-mcp-csrf-token`' },
    output: shape(
      guarded(
        [
          "    if (req.method === 'POST' && !hasValidCsrfToken(req.headers.get('x-mcp-csrf-token'))) {",
          `      return Response.json(${REFUSAL}, { status: 403 });`,
          '    }',
        ],
        tokenHelpers(),
      ),
    ),
  },
  {
    messageId: 'useBearerToken' as const,
    output: shape(
      guarded(
        [
          "    if (req.method === 'POST' && !hasValidBearerToken(req.headers.get('authorization'))) {",
          `      return Response.json(${REFUSAL}, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });`,
          '    }',
        ],
        tokenHelpers({ bearer: true }),
      ),
    ),
  },
];

const SERVER = `import routes from './routes';

Bun.serve({ port: 3000, hostname: '127.0.0.1', routes });
`;

/** ROUTES exported by name, and the server module that imports it so. */
const NAMED_ROUTES = ROUTES.replace('export default {', 'export const routes = {');
const NAMED_SERVER = SERVER.replace("import routes from './routes';", "import { routes } from './routes';");

const files = {
  served: packageWith({ 'routes.ts': ROUTES, 'index.ts': SERVER, 'card-headers.ts': CARD_HEADERS }),
  named: packageWith({ 'routes.ts': NAMED_ROUTES, 'index.ts': NAMED_SERVER, 'card-headers.ts': CARD_HEADERS }),
  // No module hands the object to Bun: a table of paths, but no routes that the analysis can show.
  unserved: packageWith({
    'routes.ts': ROUTES,
    'index.ts': "import routes from './routes';\n\nconsole.log(Object.keys(routes));\n",
    'card-headers.ts': CARD_HEADERS,
  }),
};

ruleTester.run('require-csrf-token: a Bun route table of its own module', requireCsrfTokenRule, {
  valid: [
    // The server card turns every method but GET away before it answers: it takes no POST.
    { name: 'the table that no module serves', code: ROUTES, filename: files.unserved },
  ],
  invalid: (
    [
      ['the JSON-RPC endpoint of a table that the server module hands to Bun.serve', ROUTES, files.served],
      ['the same table exported by name, `export const routes = { … }`', NAMED_ROUTES, files.named],
    ] as const
  ).map(([name, code, filename]) => ({
    name,
    code,
    filename,
    output: null,
    errors: [
      {
        messageId: 'missingCsrfCheck' as const,
        data: { route: 'Every method of `/mcp`' },
        line: 4,
        column: 11,
        endLine: 8,
        endColumn: 4,
        // The fix writes in the table as it is exported.
        suggestions: tokenSuggestionsOnTable((output) =>
          code === NAMED_ROUTES ? output.replace('export default {', 'export const routes = {') : output,
        ),
      },
    ],
  })),
});

ruleTester.run(
  'require-dns-rebinding-protection: a Bun route table of its own module',
  requireDnsRebindingProtectionRule,
  {
    valid: [{ name: 'the table that no module serves', code: ROUTES, filename: files.unserved }],
    invalid: [
      {
        name: 'the JSON-RPC endpoint checks neither Host nor Origin',
        code: ROUTES,
        filename: files.served,
        output: null,
        errors: [
          {
            messageId: 'unprotectedApp',
            line: 4,
            column: 11,
            endLine: 8,
            endColumn: 4,
            suggestions: [
              {
                messageId: 'validateHost',
                output: guarded([
                  '    // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.',
                  "    if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(req.url).hostname)) {",
                  "      return Response.json({ error: 'Host not allowed' }, { status: 403 });",
                  '    }',
                ]),
              },
            ],
          },
        ],
      },
    ],
  },
);

ruleTester.run('no-wildcard-origin: a Bun route table of its own module', noWildcardOriginRule, {
  valid: [
    {
      // A headers constant of another module, used only on the answers of a public path.
      name: "`*` on the server card's answers alone",
      code: ROUTES,
      filename: files.served,
    },
  ],
  invalid: [],
});

/** A Bun server whose hand-written JSON-RPC route at `/mcp` runs `gate` first. */
const INLINE = (gate: string): string => `Bun.serve({
  port: 3000,
  hostname: '127.0.0.1',
  routes: {
    '/mcp': async (req) => {
      ${gate}
      const message = await req.json();
      return Response.json({ jsonrpc: '2.0', id: message.id, result: { content: [] } });
    },
  },
});
`;

ruleTester.run('require-csrf-token: a Bun route that turns POST away first', requireCsrfTokenRule, {
  valid: [
    {
      name: 'every method but GET is answered 405',
      code: INLINE("if (req.method !== 'GET') return new Response(null, { status: 405 });"),
    },
    {
      name: 'every method but GET and HEAD, listed',
      code: INLINE("if (!['GET', 'HEAD'].includes(req.method)) return new Response(null, { status: 405 });"),
    },
  ],
  invalid: [
    {
      // Only a preflight is answered apart: a POST goes on to the JSON-RPC handling.
      name: 'a route that turns only OPTIONS away still takes POST',
      code: INLINE("if (req.method === 'OPTIONS') return new Response(null, { status: 204 });"),
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/mcp`' },
          line: 5,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: `${INLINE(
                [
                  "if (req.method === 'POST' && !hasValidCsrfToken(req.headers.get('x-mcp-csrf-token'))) {",
                  `        return Response.json(${REFUSAL}, { status: 403 });`,
                  '      }',
                  "      if (req.method === 'OPTIONS') return new Response(null, { status: 204 });",
                ].join('\n'),
              )}\n${tokenHelpers()}\n`,
            },
            {
              messageId: 'useBearerToken',
              output: `${INLINE(
                [
                  "if (req.method === 'POST' && !hasValidBearerToken(req.headers.get('authorization'))) {",
                  `        return Response.json(${REFUSAL}, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });`,
                  '      }',
                  "      if (req.method === 'OPTIONS') return new Response(null, { status: 204 });",
                ].join('\n'),
              )}\n${tokenHelpers({ bearer: true })}\n`,
            },
          ],
        },
      ],
    },
  ],
});

/** A Bun SSE server of the MCP SDK whose `/sse` route is `handler`. */
const SSE_ROUTE = (
  handler: string,
): string => `import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { server } from './server';

declare function open(): SSEServerTransport & { response(): Response };

Bun.serve({
  port: 3000,
  hostname: '127.0.0.1',
  routes: {
    '/sse': ${handler},
  },
});
`;

ruleTester.run('require-csrf-token: a Bun route whose handler takes no request', requireCsrfTokenRule, {
  valid: [
    {
      // It never reads the request: nothing a page sends reaches a tool.
      name: 'a stream opened whatever the request',
      code: SSE_ROUTE(
        '() => {\n      const transport = open();\n      void server.connect(transport);\n      return transport.response();\n    }',
      ),
    },
  ],
  invalid: [
    {
      name: 'a handler that hands the request to the transport',
      code: SSE_ROUTE(
        '(req) => {\n      const transport = open();\n      void server.connect(transport);\n      return transport.handlePostMessage(req);\n    }',
      ),
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/sse`' },
          line: 10,
          suggestions: (
            [
              ['requireTokenHeader', false],
              ['useBearerToken', true],
            ] as const
          ).map(([messageId, bearer]) => ({
            messageId,
            ...(bearer ? {} : { data: { header: '`x-mcp-csrf-token`' } }),
            output: `${SSE_ROUTE(
              [
                '(req) => {',
                bearer
                  ? "      if (req.method === 'POST' && !hasValidBearerToken(req.headers.get('authorization'))) {"
                  : "      if (req.method === 'POST' && !hasValidCsrfToken(req.headers.get('x-mcp-csrf-token'))) {",
                bearer
                  ? `        return Response.json(${REFUSAL}, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });`
                  : `        return Response.json(${REFUSAL}, { status: 403 });`,
                '      }',
                '      const transport = open();',
                '      void server.connect(transport);',
                '      return transport.handlePostMessage(req);',
                '    }',
              ].join('\n'),
            )}\n${tokenHelpers({ bearer })}\n`,
          })),
        },
      ],
    },
  ],
});
