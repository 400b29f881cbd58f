import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importersOf } from '../../src/analysis/module-graph';
import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';

// A Deno project has a `deno.json` and no `package.json`: the modules that import a file are
// looked for under the folder of its `deno.json`, as under a package's.

const ruleTester = createRuleTester();

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const ROUTER = `import { Hono } from 'hono';
import { StreamableHTTPTransport } from '@hono/mcp';

export function createMcpRouter(): Hono {
  const router = new Hono();
  router.all('/', async (c) => {
    const transport = new StreamableHTTPTransport();
    return transport.handleRequest(c);
  });
  return router;
}`;

/** A Deno project whose `main.ts` mounts `createMcpRouter()` of `mcp-router.ts`, after `check`; the router's path. */
function denoProject(check: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-deno-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'deno.json'), JSON.stringify({ imports: { hono: 'npm:hono@^4' } }));
  fs.writeFileSync(
    path.join(dir, 'main.ts'),
    `import { Hono } from 'hono';
import { createMcpRouter } from './mcp-router.ts';

const app = new Hono();
${check}app.route('/mcp', createMcpRouter());
Deno.serve({ hostname: '127.0.0.1' }, app.fetch);
`,
  );
  // The router is on disk too: an import resolves to a file that is there.
  fs.writeFileSync(path.join(dir, 'mcp-router.ts'), ROUTER);
  return path.join(dir, 'mcp-router.ts');
}

const BEARER = `app.use('*', async (c, next) => {
  if (c.req.header('Authorization') !== \`Bearer \${Deno.env.get('API_TOKEN')}\`) return c.json({ error: 'unauthorized' }, 401);
  await next();
});
`;

const guarded = denoProject(BEARER);
const open = denoProject('');

ruleTester.run('require-csrf-token: a Deno project, by its deno.json', csrfRule, {
  valid: [{ name: "the router is mounted behind the importer's bearer check", code: ROUTER, filename: guarded }],
  invalid: [
    {
      name: 'mounted with no check',
      code: ROUTER,
      filename: open,
      errors: [
        missingCheck('Every method of `/mcp`', [6, 3, 6, 13], (bearer) =>
          ROUTER.replace("'@hono/mcp';\n", `'@hono/mcp';\n\n${tokenHelpers({ bearer })}\n`).replace(
            'async (c) => {',
            `${guard('hono', bearer, { indent: '  ' })}async (c) => {`,
          ),
        ),
      ],
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: a Deno project, by its deno.json', dnsRule, {
  valid: [{ name: "the router is mounted behind the importer's bearer check", code: ROUTER, filename: guarded }],
  invalid: [
    {
      name: 'mounted with no check',
      code: ROUTER,
      filename: open,
      errors: [{ messageId: 'unprotectedTransport', line: 7, column: 27, endLine: 7, endColumn: 50 }],
    },
  ],
});

describe('importersOf in a Deno project', () => {
  /** A Deno project whose `main.ts` imports `src/app.ts` as `specifier`, with `imports` as its import map. */
  function project(imports: Record<string, string>, specifier: string): { app: string; main: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-deno-map-'));
    dirs.push(dir);
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'deno.json'), JSON.stringify({ imports }));
    fs.writeFileSync(path.join(dir, 'src', 'app.ts'), 'export const app = 1;\n');
    fs.writeFileSync(path.join(dir, 'main.ts'), `import { app } from '${specifier}';\nconsole.log(app);\n`);
    return { app: path.join(dir, 'src', 'app.ts'), main: path.join(dir, 'main.ts') };
  }

  it('finds the modules that import a file by a relative specifier', () => {
    const { app, main } = project({ hono: 'npm:hono@^4' }, './src/app.ts');
    expect(importersOf(app, ['app'])).toEqual([main]);
  });

  it('cannot tell in a member of a workspace, whose members import each other by name: unknown', () => {
    const { app } = project({ hono: 'npm:hono@^4' }, './src/app.ts');
    const member = path.dirname(path.dirname(app));
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-deno-workspace-'));
    dirs.push(root);
    fs.writeFileSync(path.join(root, 'deno.json'), JSON.stringify({ workspace: ['./member'] }));
    fs.renameSync(member, path.join(root, 'member'));
    expect(importersOf(path.join(root, 'member', 'src', 'app.ts'), ['app'])).toBeNull();
  });

  it("cannot tell when the import map names the project's own files: unknown, not none", () => {
    const { app } = project({ '@/': './src/' }, '@/app.ts');
    expect(importersOf(app, ['app'])).toBeNull();
  });
});
