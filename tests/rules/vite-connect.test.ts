import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';

// connect apps (`connect()`), and the connect app of a Vite dev server (`server.middlewares` in a
// plugin's `configureServer(server)`, or of a `ViteDevServer`): `use(path, fn)` mounts one handler
// that gets Node's request and response. Since Vite 7.0.0 the dev server checks `Host` before any
// plugin middleware; Vite 6 added its check after them.

const ruleTester = createRuleTester();

/** Projects with one installed version of Vite each. */
const installs = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-vite-'));
function project(version: string): string {
  const dir = path.join(installs, version);
  fs.mkdirSync(path.join(dir, 'node_modules', 'vite'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'node_modules', 'vite', 'package.json'), JSON.stringify({ name: 'vite', version }));
  return path.join(dir, 'plugin.ts');
}
const VITE_7 = project('7.1.0');
const VITE_6 = project('6.3.5');
/** A plugin package with Vite 7 installed for its own tests, whose users may run Vite 6. */
const PLUGIN_PACKAGE = (() => {
  const file = project('7.2.0');
  fs.writeFileSync(
    path.join(path.dirname(file), 'package.json'),
    JSON.stringify({ name: 'vite-plugin-notes', peerDependencies: { vite: '>=6.0.0' } }),
  );
  return file;
})();
afterAll(() => fs.rmSync(installs, { recursive: true, force: true }));

const REFUSAL = "{ error: 'Missing or invalid credentials for this MCP server' }";

/** A Vite plugin that serves MCP over SSE from the dev server; `check` goes atop the message handler. */
const VITE_PLUGIN = (check = ''): string => `import type { Plugin } from 'vite';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';

export function mcpPlugin(): Plugin {
  const mcp = new McpServer({ name: 'dev', version: '1.0.0' });
  const transports = new Map<string, SSEServerTransport>();
  return {
    name: 'mcp',
    configureServer(server) {
      server.middlewares.use('/__mcp/sse', async (req, res) => {
        const transport = new SSEServerTransport('/__mcp/messages', res);
        transports.set(transport.sessionId, transport);
        await mcp.connect(transport);
      });
      server.middlewares.use('/__mcp/messages', async (req, res) => {
        ${check}const transport = transports.get(new URLSearchParams(req.url?.split('?')[1]).get('sessionId') ?? '');
        if (!transport) {
          res.statusCode = 404;
          res.end();
          return;
        }
        await transport.handlePostMessage(req, res);
      });
    },
  };
}`;

/** VITE_PLUGIN with the token fix: the declarations after the imports, the check atop the handler. */
const vitePluginFixed = (bearer: boolean): string => {
  const check = bearer ? 'hasValidBearerToken' : 'hasValidCsrfToken';
  const header = bearer ? 'authorization' : 'x-mcp-csrf-token';
  const refusal = bearer
    ? `res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' }).end(JSON.stringify(${REFUSAL}));`
    : `res.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify(${REFUSAL}));`;
  return VITE_PLUGIN(`if (req.method === 'POST' && !${check}(req.headers['${header}'])) {
          ${refusal}
          return;
        }
        `).replace("sse.js';\n", `sse.js';\n\n${tokenHelpers({ bearer })}\n`);
};

/** The same routes on a connect app of the file's own. */
const CONNECT_APP = `import connect from 'connect';
import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = connect();
app.use('/mcp', (req, res) => {
  transport.handleRequest(req, res);
});
http.createServer(app).listen(3000, '127.0.0.1');`;

/** A path-less handler that dispatches by hand; `check` goes before the statement that reaches the transport. */
const DISPATCHING = (check = ''): string => `import connect from 'connect';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = connect();
app.use(async (req, res, next) => {
  if (req.url !== '/mcp') return next();
  ${check}await transport.handleRequest(req, res);
});`;

/** The connect app, its MCP handler turning every method but POST away first. */
const POST_ONLY = (check = ''): string =>
  CONNECT_APP.replace(
    '  transport.handleRequest(req, res);',
    `  ${check}if (req.method !== 'POST') {
    res.statusCode = 405;
    res.end();
    return;
  }
  transport.handleRequest(req, res);`,
  );

ruleTester.run('require-csrf-token: connect and the Vite dev server', csrfRule, {
  valid: [
    {
      name: 'a check of its own in front of the MCP route, mounted on the same path',
      code: CONNECT_APP.replace(
        "app.use('/mcp', (req",
        `app.use('/mcp', (req, res, next) => {
  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) {
    res.writeHead(401).end();
    return;
  }
  next();
});
app.use('/mcp', (req`,
      ),
    },
  ],
  invalid: [
    {
      name: 'a handler mounted for every method that turns all but POST away first is named by POST',
      code: POST_ONLY(),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [7, 1, 7, 8], (bearer) =>
          POST_ONLY(guard('node:http', bearer, { indent: '  ' })).replace(
            '\napp.use(',
            `\n\n${tokenHelpers({ bearer })}\n\napp.use(`,
          ),
        ),
      ],
    },
    {
      name: 'a path-less handler: named as middleware, checked after its own dispatch to other paths',
      code: DISPATCHING(),
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'This middleware' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: DISPATCHING(`if (req.method === 'POST' && !hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
    res.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify(${REFUSAL}));
    return;
  }
  `).replace('\napp.use(', `\n\n${tokenHelpers()}\n\napp.use(`),
            },
            {
              messageId: 'useBearerToken',
              output: DISPATCHING(`if (req.method === 'POST' && !hasValidBearerToken(req.headers['authorization'])) {
    res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' }).end(JSON.stringify(${REFUSAL}));
    return;
  }
  `).replace('\napp.use(', `\n\n${tokenHelpers({ bearer: true })}\n\napp.use(`),
            },
          ],
        },
      ],
    },
    {
      name: "a plugin's dev-server route; a session id from the query string is no credential",
      filename: VITE_7,
      code: VITE_PLUGIN(),
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/__mcp/messages`' },
          line: 16,
          column: 7,
          endLine: 16,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: vitePluginFixed(false),
            },
            { messageId: 'useBearerToken', output: vitePluginFixed(true) },
          ],
        },
      ],
    },
    {
      name: "a connect app's route, whose one handler gets the check first",
      code: CONNECT_APP,
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: 'Every method of `/mcp`' },
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: CONNECT_APP.replace("\napp.use('/mcp'", `\n\n${tokenHelpers()}\n\napp.use('/mcp'`).replace(
                '  transport.handleRequest(req, res);',
                `  if (req.method === 'POST' && !hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
    res.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify(${REFUSAL}));
    return;
  }
  transport.handleRequest(req, res);`,
              ),
            },
            {
              messageId: 'useBearerToken',
              output: CONNECT_APP.replace(
                "\napp.use('/mcp'",
                `\n\n${tokenHelpers({ bearer: true })}\n\napp.use('/mcp'`,
              ).replace(
                '  transport.handleRequest(req, res);',
                `  if (req.method === 'POST' && !hasValidBearerToken(req.headers['authorization'])) {
    res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' }).end(JSON.stringify(${REFUSAL}));
    return;
  }
  transport.handleRequest(req, res);`,
              ),
            },
          ],
        },
      ],
    },
  ],
});

/** A function handed the dev server, typed so (`ViteDevServer`), rather than the hook itself. */
const TYPED_SERVER = `import type { ViteDevServer } from 'vite';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';

export function setupRoutes(mcp: McpServer, vite: ViteDevServer): void {
  vite.middlewares.use('/__mcp/sse', async (req, res) => {
    await mcp.connect(new SSEServerTransport('/__mcp/messages', res));
  });
}`;

ruleTester.run('require-dns-rebinding-protection: the Vite dev server', dnsRule, {
  valid: [
    { name: 'Vite 7 checks Host before the middleware of plugins', filename: VITE_7, code: VITE_PLUGIN() },
    { name: 'an install the file does not show is taken to be a current one', code: VITE_PLUGIN() },
    { name: 'the same for a parameter typed `ViteDevServer`', filename: VITE_7, code: TYPED_SERVER },
    {
      name: 'Vite 6 checks Host before what a hook adds from the function it returns',
      filename: VITE_6,
      code: VITE_PLUGIN()
        .replace('    configureServer(server) {\n', '    configureServer(server) {\n      return () => {\n')
        .replace('      });\n    },\n  };\n}', '      });\n      };\n    },\n  };\n}'),
    },
  ],
  invalid: [
    {
      name: "a plugin package runs on its users' Vite: the oldest its peer range allows decides",
      filename: PLUGIN_PACKAGE,
      code: VITE_PLUGIN(),
      output: null,
      errors: [{ messageId: 'unprotectedTransport', line: 12, column: 31, suggestions: [] }],
    },
    {
      name: 'Vite 6 checks Host after the middleware of plugins',
      filename: VITE_6,
      code: VITE_PLUGIN(),
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`SSEServerTransport`' },
          line: 12,
          column: 31,
          endLine: 12,
          endColumn: 49,
          suggestions: [],
        },
      ],
    },
  ],
});
