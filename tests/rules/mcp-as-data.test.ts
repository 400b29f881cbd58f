import path from 'node:path';
import rule from '../../src/rules/require-loopback-host';
import { createRuleTester } from '../rule-tester';
import { nodeDefaultHost } from '../support/fix-text';
import { packageMaker } from '../support/packages';

// A server whose code says "mcp" only as data serves no MCP: a value it compares a claim with
// (`claims.clientType === 'mcp'`), or the path of a document it serves
// (`app.get('/mcp-client.json', …)`). A path it routes by (`req.path === '/mcp'`) still says MCP.

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

const CLAIM = API(`app.get('/stocks', (_req, res) => {
  const limited = res.locals.claims.clientType === 'mcp';
  res.json(limited ? [] : [{ id: 'COM1', price: 21.07 }]);
});`);
const DOCUMENT = API(`app.get('/mcp-client.json', (_req, res) => {
  res.json({ client_name: 'Inspector', redirect_uris: ['http://localhost:6274/oauth/callback'] });
});`);
const ROUTED = API(`app.use((req, res, next) => {
  if (req.path === '/mcp') return res.status(404).end();
  next();
});`);

ruleTester.run('require-loopback-host: "mcp" as data', rule, {
  valid: [
    { name: 'a claim compared with `mcp`', code: CLAIM, filename: apiFile(CLAIM) },
    { name: 'a document whose path names MCP', code: DOCUMENT, filename: apiFile(DOCUMENT) },
  ],
  invalid: [
    {
      name: 'a path the app routes by',
      code: ROUTED,
      filename: apiFile(ROUTED),
      errors: [
        {
          ...nodeDefaultHost(
            10,
            (host) => ROUTED.replace('listen(8080)', `listen(8080${host})`),
            '`app.listen()` of Express',
          ),
          column: 5,
          endColumn: 11,
        },
      ],
    },
  ],
});
