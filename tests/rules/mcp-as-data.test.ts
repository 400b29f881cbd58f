import path from 'node:path';
import rule from '../../src/rules/require-loopback-host';
import { createRuleTester } from '../rule-tester';
import { nodeDefaultHost } from '../support/fix-text';
import { packageMaker } from '../support/packages';

// A server whose code says "mcp" only in the path of a document it serves
// (`app.get('/mcp-client.json', …)`) serves no MCP. A path it routes by (`req.path === '/mcp'`), a
// route parameter it compares (`req.params.kind === 'mcp'`) or a dotted method in a path
// (`/mcp/tools.call`) still says MCP: where the analysis cannot tell, it reports.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

const AUTH = `import type { NextFunction, Request, Response } from 'express';

export function verifyJwt(req: Request, res: Response, next: NextFunction): void {
  if (!req.headers.authorization) {
    res.status(401).end();
    return;
  }
  res.locals.claims = { clientType: 'web' };
  next();
}
`;

/** The API's file, beside the module of its middleware. */
const apiFile = (code: string): string =>
  path.join(makePackage({ 'src/api.ts': code, 'src/auth.ts': AUTH }), 'src', 'api.ts');

const API = (route: string) => `import express from 'express';
import { verifyJwt } from './auth.js';

const app = express();
app.use(verifyJwt);
${route}
app.listen(8080);
`;

const PARAMETER = API(`app.all('/:kind', (req, res) => {
  if (req.params.kind === 'mcp') return res.json({ jsonrpc: '2.0', id: req.body.id, result: {} });
  res.status(404).end();
});`);
const DOTTED = API(
  `app.post('/mcp/tools.call', (req, res) => res.json({ jsonrpc: '2.0', id: req.body.id, result: {} }));`,
);
const DOCUMENT = API(`app.get('/mcp-client.json', (_req, res) => {
  res.json({ client_name: 'Inspector', redirect_uris: ['http://localhost:6274/oauth/callback'] });
});`);
const ROUTED = API(`app.use((req, res, next) => {
  if (req.path === '/mcp') return res.status(404).end();
  next();
});`);

/** The report on `app.listen(8080)` at `line`, with its suggestions. */
const listenReport = (code: string, line: number) => ({
  ...nodeDefaultHost(line, (host) => code.replace('listen(8080)', `listen(8080${host})`), '`app.listen()` of Express'),
  column: 5,
  endColumn: 11,
});

ruleTester.run('require-loopback-host: "mcp" as data', rule, {
  valid: [{ name: 'a document whose path names MCP', code: DOCUMENT, filename: apiFile(DOCUMENT) }],
  invalid: [
    { name: 'a path the app routes by', code: ROUTED, filename: apiFile(ROUTED), errors: [listenReport(ROUTED, 10)] },
    {
      name: 'a route parameter compared with `mcp`',
      code: PARAMETER,
      filename: apiFile(PARAMETER),
      errors: [listenReport(PARAMETER, 10)],
    },
    { name: 'a dotted method in a path', code: DOTTED, filename: apiFile(DOTTED), errors: [listenReport(DOTTED, 7)] },
  ],
});
