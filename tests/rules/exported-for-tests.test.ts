import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import requireLoopbackHostRule from '../../src/rules/require-loopback-host';
import { createRuleTester } from '../rule-tester';

// An app exported only so that the package's tests can drive it (`export default app` for
// supertest), or exported by a module that nothing imports, stays the app of its module: no module
// that runs it can add an MCP route, so a server shown to serve no MCP is still left alone.
// Another importer, or the package's entry, may add routes.

const ruleTester = createRuleTester();

/** A web API with no MCP route that listens unless under test, and exports its app. */
const SERVICE = `import express from 'express';

const app = express();
app.use(express.json());
app.get('/healthz', (_req, res) => res.json({ ok: true }));
app.post('/thumbnails', (req, res) => res.json({ width: Number(req.body?.width) || 0 }));
if (process.env.NODE_ENV !== 'test') app.listen(Number(process.env.PORT ?? 8080));

export default app;
`;

const roots: string[] = [];

/** A package with `src/server.ts` holding SERVICE and these other files; returns the server's path. */
function packageWith(others: Record<string, string>, manifest: Record<string, unknown> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-exported-'));
  roots.push(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'thumbnailer', ...manifest }));
  for (const [name, text] of Object.entries({ 'src/server.ts': SERVICE, ...others })) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return path.join(dir, 'src', 'server.ts');
}

const SUPERTEST = `import request from 'supertest';
import app from '../src/server';

test('healthz', async () => {
  await request(app).get('/healthz').expect(200);
});
`;

const files = {
  tested: packageWith({ 'test/server.test.ts': SUPERTEST }),
  imported: packageWith({
    'test/server.test.ts': SUPERTEST,
    'src/extend.ts': "import app from './server';\nexport { app };\n",
  }),
  untested: packageWith({}),
  entry: packageWith({ 'test/server.test.ts': SUPERTEST }, { main: 'src/server.ts' }),
};

afterAll(() => {
  for (const dir of roots) fs.rmSync(dir, { recursive: true, force: true });
});

/** SERVICE bound to `host`. */
const bound = (host: string): string =>
  SERVICE.replace(
    'app.listen(Number(process.env.PORT ?? 8080))',
    `app.listen(Number(process.env.PORT ?? 8080), ${host})`,
  );

const reported = {
  messageId: 'defaultHost' as const,
  line: 7,
  column: 42,
  endLine: 7,
  endColumn: 48,
  suggestions: [
    { messageId: 'useIpv4Loopback' as const, output: bound("'127.0.0.1'") },
    { messageId: 'useHostFromEnvironment' as const, output: bound("process.env.HOST ?? '127.0.0.1'") },
    { messageId: 'useIpv6Loopback' as const, output: bound("'::1'") },
    { messageId: 'useLocalhost' as const, output: bound("'localhost'") },
  ],
};

ruleTester.run('require-loopback-host: an app exported only for its tests', requireLoopbackHostRule, {
  valid: [
    { name: "only the package's tests import it", code: SERVICE, filename: files.tested },
    {
      // A script run on its own (`tsx src/server.ts`): nothing reads the export, so its routes are
      // the ones the file shows, as the origin rules read such an app.
      name: 'no module of the package imports it, and it is no entry of the package',
      code: SERVICE,
      filename: files.untested,
    },
  ],
  invalid: [
    {
      name: 'a module of the package imports it too, and may add routes',
      code: SERVICE,
      filename: files.imported,
      output: null,
      errors: [reported],
    },
    { name: "it is the package's entry", code: SERVICE, filename: files.entry, output: null, errors: [reported] },
  ],
});
