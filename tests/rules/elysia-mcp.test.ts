import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { commonjs, createRuleTester } from '../rule-tester';

// elysia-mcp (src/frameworks/elysia-mcp.ts): `app.use(mcp({ basePath }))` adds `all(basePath)` and
// `all(`${basePath}/*`)` routes (`basePath` defaults to `/mcp`) that check no `Host` or `Origin`,
// and a token only through its `authentication` option. The app's hooks registered before `use`
// run before them. It writes no CORS header.

const ruleTester = createRuleTester();

/** An Elysia app that uses `plugin`, one call a line; `.use(` is on line 6, `new Elysia()` on line 5. */
const server = (
  plugin: string,
  { imports = "import { mcp } from 'elysia-mcp';", hooks = '', after = '', before = '' } = {},
): string => `import { Elysia } from 'elysia';
${imports}
import { registerNotes } from './notes';
${before}
new Elysia()${hooks}
  .use(${plugin})${after}
  .listen({ port: 3000, hostname: '127.0.0.1' });
`;

const PLUGIN = "mcp({ basePath: '/mcp', setupServer: registerNotes })";
const AT_USE = { line: 6, column: 4, endLine: 6, endColumn: 7 };
const route = (path: string): { route: string } => ({ route: `Every method of \`${path}\` (elysia-mcp's \`mcp()\`)` });

/** A hook that refuses a request without the CSRF token the server holds. */
const TOKEN_HOOK = `
  .onBeforeHandle(({ headers, status }) => {
    if (headers['x-mcp-csrf-token'] !== process.env.MCP_CSRF_TOKEN) return status(403);
  })`;
/** A hook that refuses other hosts than the loopback names. */
const HOST_HOOK = `
  .onRequest(({ request, status }) => {
    if (new URL(request.url).hostname !== 'localhost') return status(403);
  })`;
const shift = (hook: string): number => hook.split('\n').length - 1;

ruleTester.run('require-csrf-token: elysia-mcp', csrfRule, {
  valid: [
    {
      name: 'its `authentication` option',
      code: server('mcp({ setupServer: registerNotes, authentication: async (context) => verifyToken(context) })', {
        imports: "import { mcp } from 'elysia-mcp';\nimport { verifyToken } from './auth';",
      }),
    },
    { name: 'an `onBeforeHandle` token check before `use`', code: server(PLUGIN, { hooks: TOKEN_HOOK }) },
    {
      name: 'a `guard()` whose `beforeHandle` checks the token, around the plugin',
      code: `import { Elysia } from 'elysia';
import { mcp } from 'elysia-mcp';

new Elysia()
  .guard(
    {
      beforeHandle({ headers, status }) {
        if (headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) return status(401);
      },
    },
    (app) => app.use(mcp()),
  )
  .listen({ port: 3000, hostname: '127.0.0.1' });
`,
    },
    {
      name: 'options the file does not show, which may hold `authentication`',
      code: `import { Elysia } from 'elysia';
import { mcp, type MCPPluginOptions } from 'elysia-mcp';

export const withMcp = (options: MCPPluginOptions) => new Elysia().use(mcp(options));
`,
    },
    { name: 'an `mcp` of the project', code: server(PLUGIN, { imports: "import { mcp } from './mcp';" }) },
  ],
  invalid: [
    {
      name: 'at `use`, with no fix: the token and where to check it are the owner’s',
      code: server(PLUGIN),
      errors: [{ messageId: 'missingCsrfCheck', data: route('/mcp'), ...AT_USE, suggestions: [] }],
      output: null,
    },
    {
      name: 'the default `basePath`, under an alias, on one line',
      code: `import { Elysia } from 'elysia';
import { mcp as mcpPlugin } from 'elysia-mcp';

new Elysia().use(mcpPlugin()).listen(3000);
`,
      errors: [{ messageId: 'missingCsrfCheck', data: route('/mcp'), line: 4, column: 1, endLine: 4, endColumn: 17 }],
      output: null,
    },
    {
      name: 'the options and the plugin held by constants',
      code: server('notesMcp', {
        before: "const options = { basePath: '/notes', setupServer: registerNotes };\nconst notesMcp = mcp(options);\n",
      }),
      errors: [{ messageId: 'missingCsrfCheck', data: route('/notes'), ...AT_USE, line: 8, endLine: 8 }],
      output: null,
    },
    {
      name: 'a token check registered after `use` does not run before its routes',
      code: server(PLUGIN, { after: TOKEN_HOOK }),
      errors: [{ messageId: 'missingCsrfCheck', data: route('/mcp'), ...AT_USE }],
      output: null,
    },
    {
      name: 'a Host check is no token',
      code: server(PLUGIN, { hooks: HOST_HOOK }),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: route('/mcp'),
          ...AT_USE,
          line: AT_USE.line + shift(HOST_HOOK),
          endLine: AT_USE.line + shift(HOST_HOOK),
        },
      ],
      output: null,
    },
    {
      name: "in a `group()`, under the group's prefix",
      code: `import { Elysia } from 'elysia';
import { mcp } from 'elysia-mcp';

new Elysia().group('/v1', (api) => api.use(mcp())).listen(3000);
`,
      errors: [
        { messageId: 'missingCsrfCheck', data: route('/v1/mcp'), line: 4, column: 36, endLine: 4, endColumn: 43 },
      ],
      output: null,
    },
    {
      name: 'CommonJS',
      code: `const { Elysia } = require('elysia');
const { mcp } = require('elysia-mcp');

const app = new Elysia();
app.use(mcp({ basePath: '/api/mcp' }));
app.listen(3000);
`,
      ...commonjs,
      errors: [
        { messageId: 'missingCsrfCheck', data: route('/api/mcp'), line: 5, column: 1, endLine: 5, endColumn: 8 },
      ],
      output: null,
    },
  ],
});

const AT_APP = { line: 5, column: 1, endLine: 5, endColumn: 13 };
const AUTHENTICATED = 'mcp({ authentication: async (context) => verifyToken(context) })';
const WITH_VERIFIER = "import { mcp } from 'elysia-mcp';\nimport { verifyToken } from './auth';";
const HOST_SUGGESTION = `
  .onRequest(({ request, set }) => {
    // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.
    if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(request.url).hostname)) {
      set.status = 403;
      return { error: 'Host not allowed' };
    }
  })`;

ruleTester.run('require-dns-rebinding-protection: elysia-mcp', dnsRule, {
  valid: [
    { name: 'an `onRequest` Host check before `use`', code: server(PLUGIN, { hooks: HOST_HOOK }) },
    { name: 'a token check: a rebinding page has no token', code: server(PLUGIN, { hooks: TOKEN_HOOK }) },
    { name: 'its `authentication` option', code: server(AUTHENTICATED, { imports: WITH_VERIFIER }) },
  ],
  invalid: [
    {
      name: 'the app, with an `onRequest` Host check to chain on it as a suggestion',
      code: server(PLUGIN),
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`new Elysia()` app' },
          ...AT_APP,
          suggestions: [{ messageId: 'validateHost', output: server(PLUGIN, { hooks: HOST_SUGGESTION }) }],
        },
      ],
      output: null,
    },
    {
      name: 'the Host check as the fix, with `failClosedFix`',
      code: server(PLUGIN),
      options: [{ failClosedFix: true }],
      errors: [{ messageId: 'unprotectedApp', ...AT_APP, suggestions: [] }],
      output: server(PLUGIN, { hooks: HOST_SUGGESTION }),
    },
    {
      name: 'its `authentication` option does not count with `trustCredentialChecks: false`',
      code: server(AUTHENTICATED, { imports: WITH_VERIFIER }),
      options: [{ trustCredentialChecks: false, failClosedFix: true }],
      errors: [{ messageId: 'unprotectedApp', ...AT_APP, line: 6, endLine: 6, suggestions: [] }],
      output: server(AUTHENTICATED, { imports: WITH_VERIFIER, hooks: HOST_SUGGESTION }),
    },
  ],
});

ruleTester.run('no-wildcard-origin: elysia-mcp', wildcardRule, {
  // elysia-mcp 0.1.1 writes no `Access-Control-Allow-Origin` (its 0.0.x code wrote `*`, but npm
  // serves none of those versions).
  valid: [{ name: 'the plugin sets no CORS header', code: server(PLUGIN) }],
  invalid: [],
});
