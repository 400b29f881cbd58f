import path from 'node:path';
import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { commonjs, createRuleTester } from '../rule-tester';
import { guard, tokenHelpers } from '../support/fix-text';
import { packageMaker } from '../support/packages';

// A route module that exports the function adding its routes to an app it is given, as JavaScript
// projects split them: `module.exports = function (app) { app.post('/mcp', …) }` (or `export
// default function`), called by the module that makes the app. Its `app` is what those calls
// give it, found where the module is imported; the routes are judged here. An app that checks no
// Host or Origin is named where it is made, and the report stands on the route.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

const JSON_RPC = `  app.post('/mcp', async (req, res) => {
    const { method, params, id } = req.body;
    if (method === 'tools/call') {
      const result = await services.tools.call(params.name, params.arguments);
      return res.json({ jsonrpc: '2.0', id, result });
    }
    res.json({ jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } });
  });`;

const CJS_ROUTES = `module.exports = function mcpRoutes(app, services) {
${JSON_RPC}
};
`;

const CJS_SERVER = (check: string, after = '') => `const express = require('express');
const mcpRoutes = require('./routes/mcp');
const services = require('./services');

const app = express();
app.use(express.json());
${check}mcpRoutes(app, services);
${after}app.listen(3000, '127.0.0.1');
`;

/** The server requiring the route module where it calls it: `require('./routes/mcp')(app, services)`. */
const CJS_SERVER_IN_PLACE = (check: string) => `const express = require('express');
const services = require('./services');

const app = express();
app.use(express.json());
${check}require('./routes/mcp')(app, services);
app.listen(3000, '127.0.0.1');
`;

const ESM_ROUTES = `import type { Express } from 'express';
import type { Services } from '../services.js';

export default function (app: Express, services: Services): void {
${JSON_RPC}
}
`;

const ESM_SERVER = `import express from 'express';
import mcpRoutes from './routes/mcp.js';
import { services } from './services.js';

const app = express();
app.use(express.json());
mcpRoutes(app, services);
app.listen(3000, '127.0.0.1');
`;

const SERVICES_CJS = 'module.exports = { tools: { call: async () => ({}) } };\n';
const SERVICES_ESM =
  'export const services = { tools: { call: async (name: string, args: unknown) => ({ name, args }) } };\nexport type Services = typeof services;\n';

/** A check of Host in front of every route, as the app's own middleware. */
const HOST_CHECK = `app.use((req, res, next) => {
  if (req.headers.host !== 'localhost:3000' && req.headers.host !== '127.0.0.1:3000') return res.status(403).end();
  next();
});
`;

function cjsRoutes(check = '', after = ''): string {
  const dir = makePackage(
    { 'routes/mcp.js': CJS_ROUTES, 'server.js': CJS_SERVER(check, after), 'services.js': SERVICES_CJS },
    { name: 'app', private: true, type: 'commonjs' },
  );
  return path.join(dir, 'routes', 'mcp.js');
}

function cjsRoutesRequiredInPlace(check = ''): string {
  const dir = makePackage(
    { 'routes/mcp.js': CJS_ROUTES, 'server.js': CJS_SERVER_IN_PLACE(check), 'services.js': SERVICES_CJS },
    { name: 'app', private: true, type: 'commonjs' },
  );
  return path.join(dir, 'routes', 'mcp.js');
}

function esmRoutes(): string {
  const dir = makePackage(
    { 'src/routes/mcp.ts': ESM_ROUTES, 'src/server.ts': ESM_SERVER, 'src/services.ts': SERVICES_ESM },
    { name: 'app', private: true, type: 'module' },
  );
  return path.join(dir, 'src', 'routes', 'mcp.ts');
}

/** The route module with the token check of a suggestion: the helpers above it, the guard on the route. */
const fixed = (code: string, bearer: boolean): string =>
  code
    .replace(/^(module\.exports|export default)/mu, (start: string) =>
      [tokenHelpers({ bearer, ...(start === 'module.exports' ? { js: 'commonjs' as const } : {}) }), '', start].join(
        '\n',
      ),
    )
    .replace("app.post('/mcp', ", `app.post('/mcp', ${guard('express', bearer, { indent: '  ' })}`);

const csrfReport = (code: string) => ({
  messageId: 'missingCsrfCheck' as const,
  data: { route: '`POST /mcp`' },
  line: code.split('\n').findIndex((line) => line.includes("app.post('/mcp'")) + 1,
  column: 3,
  endLine: code.split('\n').findIndex((line) => line.includes("app.post('/mcp'")) + 1,
  endColumn: 11,
  suggestions: [
    { messageId: 'requireTokenHeader' as const, data: { header: '`x-mcp-csrf-token`' }, output: fixed(code, false) },
    { messageId: 'useBearerToken' as const, output: fixed(code, true) },
  ],
});

ruleTester.run('require-csrf-token: a route module handed the app', csrfRule, {
  valid: [],
  invalid: [
    {
      name: 'module.exports = function (app)',
      code: CJS_ROUTES,
      ...commonjs,
      filename: cjsRoutes(),
      errors: [csrfReport(CJS_ROUTES)],
    },
    {
      name: "require('./routes/mcp')(app): required and called in place",
      code: CJS_ROUTES,
      ...commonjs,
      filename: cjsRoutesRequiredInPlace(),
      errors: [csrfReport(CJS_ROUTES)],
    },
    {
      name: 'export default function (app)',
      code: ESM_ROUTES,
      filename: esmRoutes(),
      errors: [csrfReport(ESM_ROUTES)],
    },
  ],
});

const dnsReport = (code: string, place: string) => ({
  messageId: 'unprotectedApp' as const,
  data: { app: `\`express()\` app of ${place}` },
  line: code.split('\n').findIndex((line) => line.includes("app.post('/mcp'")) + 1,
  column: 3,
  endLine: code.split('\n').findIndex((line) => line.includes("app.post('/mcp'")) + 1,
  endColumn: 11,
});

ruleTester.run('require-dns-rebinding-protection: a route module handed the app', dnsRule, {
  valid: [
    { name: 'the app checks Host first', code: CJS_ROUTES, ...commonjs, filename: cjsRoutes(HOST_CHECK) },
    {
      name: 'the app checks Host first, the module required and called in place',
      code: CJS_ROUTES,
      ...commonjs,
      filename: cjsRoutesRequiredInPlace(HOST_CHECK),
    },
  ],
  invalid: [
    {
      name: 'module.exports = function (app)',
      code: CJS_ROUTES,
      ...commonjs,
      filename: cjsRoutes(),
      errors: [dnsReport(CJS_ROUTES, '../server.js:5')],
    },
    {
      name: "require('./routes/mcp')(app): required and called in place",
      code: CJS_ROUTES,
      ...commonjs,
      filename: cjsRoutesRequiredInPlace(),
      errors: [dnsReport(CJS_ROUTES, '../server.js:4')],
    },
    {
      // express answers the route before middleware registered after it runs.
      name: 'the app checks Host only after the routes are added',
      code: CJS_ROUTES,
      ...commonjs,
      filename: cjsRoutes('', HOST_CHECK),
      errors: [dnsReport(CJS_ROUTES, '../server.js:5')],
    },
    {
      name: 'export default function (app)',
      code: ESM_ROUTES,
      filename: esmRoutes(),
      errors: [dnsReport(ESM_ROUTES, '../server.ts:5')],
    },
  ],
});
