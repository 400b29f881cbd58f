import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';

// A headers object with `*` that an app factory declares in its own body, as a module would at its
// top: judged by where it is used. Used only on public metadata (`/.well-known/…`), it is left
// alone; used on the MCP endpoint's answers too, it is reported, once, at its property.

const ruleTester = createRuleTester();

const FACTORY = (mcpAnswer: string): string => `import { Hono } from 'hono';
import { serve } from '@hono/node-server';

const metadata = () => ({ resource: 'https://mcp.example.com', authorization_servers: ['https://auth.example.com'] });

export function createApp(app = new Hono()) {
  const publicHeaders = {
    'Access-Control-Allow-Origin': '*',
    'Cache-Control': 'public, max-age=60',
  };
  app.get('/.well-known/oauth-protected-resource', (c) => c.json(metadata(), 200, publicHeaders));
  app.post('/mcp', (c) => ${mcpAnswer});
  return app;
}

serve({ fetch: createApp().fetch, port: 3000, hostname: '127.0.0.1' });
`;

const SHARED = FACTORY("c.json({ jsonrpc: '2.0', id: null, result: {} }, 200, publicHeaders)");

ruleTester.run("no-wildcard-origin: a headers constant of an app factory's body", wildcardRule, {
  valid: [
    {
      name: 'used only on the protected-resource metadata',
      code: FACTORY("c.json({ jsonrpc: '2.0', id: null, result: {} })"),
    },
  ],
  invalid: [
    {
      name: 'used on the MCP endpoint too',
      code: SHARED,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 39,
          suggestions: [
            { messageId: 'denyOrigins', output: SHARED.replace("    'Access-Control-Allow-Origin': '*',\n", '') },
            {
              messageId: 'useAllowedOrigin',
              output: SHARED.replace(
                "import { serve } from '@hono/node-server';\n",
                "import { serve } from '@hono/node-server';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
              ).replace("'Access-Control-Allow-Origin': '*'", "'Access-Control-Allow-Origin': ALLOWED_ORIGIN"),
            },
          ],
        },
      ],
    },
  ],
});
